"""Signals the engine sends so domain apps can follow a run without the engine importing them."""

from django.dispatch import Signal

# Sent inside the transaction that finishes a step: sender=StepRun, with step_run, actor, status, now.
step_finished = Signal()

# Sent inside the transaction that opens a step (a new run's next step, or a step reopened after a return):
# sender=StepRun, with step_run and now. The workspace listens to it to notify whoever must act.
step_opened = Signal()
