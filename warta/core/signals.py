"""Signals shared across apps."""

from django.dispatch import Signal

# Sent after anything the public can see changed (published, withdrawn, exempted): caches listen to it.
# Sent with sender = the model class and `unit` (the Unit whose public content changed).
public_content_changed = Signal()
