"""Stable error codes: every refusal a user can meet has a code and a plain Indonesian message.

Each app declares its codes once, in its own ``errors.py``::

    NOT_YOUR_STEP = ErrorCode("pos.not_your_step", _("Langkah ini bukan tugas Anda."))
    raise NOT_YOUR_STEP.error(field="assignee")

Tests assert on ``error.code``; screens show ``error.message``; the CLI prints both.
"""

import dataclasses
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext


@dataclass(frozen=True)
class ErrorCode:
    code: str
    template: str | Promise

    def error(self, field: str | None = None, **params: Any) -> "ServiceError":
        return ServiceError(code=self.code, template=self.template, field=field, params=params)


@dataclass
class ServiceError(Exception):
    code: str
    template: str | Promise
    field: str | None = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def message(self) -> str:
        text = str(self.template)
        return text % self.params if self.params else text

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


def join_labels(labels) -> str:
    """'a', 'a dan b', 'a, b, dan c' — a list read out in the active language ('a, b, and c')."""
    items = [str(label) for label in labels]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return gettext("%(first)s dan %(last)s") % {"first": items[0], "last": items[1]}
    return gettext("%(items)s, dan %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}
