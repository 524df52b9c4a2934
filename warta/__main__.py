"""The `warta` command: Django's management commands plus Warta's own (pos, run, audit, demo)."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["warta", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
