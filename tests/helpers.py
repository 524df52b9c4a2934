from datetime import datetime
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


def wib(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    """A moment in Bengkulu office time (WIB)."""
    return datetime(year, month, day, hour, minute, tzinfo=WIB)
