"""A step the workspace has no special screen for: its POS row, kelengkapan, delegation and finishing."""

from ..screens import GENERIC
from .base import StepScreen


class GenericStepScreen(StepScreen):
    screen = GENERIC
    template_name = "office/generic_step.html"
