import os
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

# The shared corpus of real PPID documents sits beside the repository (CI) or wherever WARTA_TEST_CORPUS says.
CORPUS = Path(os.environ.get("WARTA_TEST_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))

WIB = ZoneInfo("Asia/Jakarta")

# DIP columns 3–7 as the seed office fills them for every sample entry; tests add title, category, year, basis.
OFFICE_COLUMNS = {
    "holder": "Subbagian Umum",
    "responsible": "Kepala Subbagian Umum",
    "made_when": "Januari 2026",
    "made_where": "Bengkulu",
    "form_printed": True,
    "form_digital": True,
    "retention": "10 tahun",
}


def wib(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    """A moment in Bengkulu office time (WIB)."""
    return datetime(year, month, day, hour, minute, tzinfo=WIB)


def refusal_code(call, *args, **kwargs) -> str:
    """The stable error code a service refuses ``call(*args, **kwargs)`` with (the test fails if it does not)."""
    import pytest

    from warta.core.errors import ServiceError

    with pytest.raises(ServiceError) as caught:
        call(*args, **kwargs)
    return caught.value.code


def english_page(response, *labels: str, chrome: list[str], status: int = 200) -> str:
    """The page's HTML once it is checked to be English: the status, Content-Language and ``<html lang>``, every
    label present, and none of ``chrome`` (the interface's Indonesian words) left on it."""
    assert response.status_code == status
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert '<html lang="en"' in html
    for label in labels:
        assert label in html, label
    left = [word for word in chrome if re.search(rf"\b{word}\b", html)]
    assert not left, f"Indonesian left on an English page: {left}"
    return html
