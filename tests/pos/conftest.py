from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from warta.accounts.demo import create_demo_office
from warta.pos.services import load_procedure_file

WIB = ZoneInfo("Asia/Jakarta")


def wib(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    """A moment in Bengkulu office time (WIB)."""
    return datetime(year, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture
def procedure(db):
    procedure, _ = load_procedure_file()
    return procedure


@pytest.fixture
def office(procedure):
    office, _ = create_demo_office(sorted(procedure.qualification_codes()))
    return office


@pytest.fixture
def staff(office):
    """The demo users by username: ppid, pengolah, pengolah2, penelaah, atasan, admin."""
    from warta.accounts.models import User

    return {user.username: user for user in User.objects.filter(unit__office=office)}
