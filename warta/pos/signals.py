"""Signals the engine sends so domain apps can follow a run without the engine importing them."""

from django.dispatch import Signal

# Sent inside the transaction that finishes a step: sender=StepRun, with step_run, actor, status, now.
step_finished = Signal()
