"""Shared pieces of Warta's own management commands."""

import shutil
import textwrap

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from .errors import ServiceError


def user_by_name(username: str):
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"Pengguna “{username}” tidak ditemukan. [accounts.user_unknown]") from None


def refuse(error: ServiceError) -> CommandError:
    """A service's refusal as the CLI prints it: the Indonesian message, then the stable code."""
    return CommandError(f"{error.message} [{error.code}]")


def text_table(headers: list[str], rows: list[list[str]], weights: list[int], width: int | None = None) -> str:
    """A boxed table whose cells wrap, columns sized by weight to fit the terminal."""
    width = width or max(shutil.get_terminal_size((160, 40)).columns, 100)
    usable = width - (3 * len(headers) + 1)
    total = sum(weights)
    widths = [max(3, usable * weight // total) for weight in weights]

    def line(char: str = "-", joint: str = "+") -> str:
        return joint + joint.join(char * (w + 2) for w in widths) + joint

    def render(cells: list[str]) -> list[str]:
        wrapped = [textwrap.wrap(str(cell), w) or [""] for cell, w in zip(cells, widths, strict=True)]
        height = max(len(lines) for lines in wrapped)
        return [
            "| " + " | ".join((col[i] if i < len(col) else "").ljust(w) for col, w in zip(wrapped, widths, strict=True))
            + " |"
            for i in range(height)
        ]

    out = [line(), *render(headers), line("=")]
    for row in rows:
        out += [*render(row), line()]
    return "\n".join(out)
