"""Signals of the register, so other publishing apps move with the same run."""

from django.dispatch import Signal

# Sent inside publish_run's transaction: sender=Run, with run, actor, at (publication time), now.
run_published = Signal()
