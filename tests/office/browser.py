"""Helpers for the staff-workspace browser tests: a fresh signed-in page per person, and screenshots on demand."""

import os
from pathlib import Path

import pytest

from tests.browser.conftest import assert_accessible
from tests.browser.staff import login_as

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def open_page(browser, live_server):
    """open_page(user=None, phone=False): a new browser context with its own cookies, signed in as ``user``
    through the real sign-in pages. Every context is closed when the test ends, so no page keeps polling."""
    contexts = []

    def make(user=None, *, phone: bool = False):
        options = {"base_url": live_server.url, "locale": "id-ID"}
        if phone:
            options.update(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
        else:
            options.update(viewport={"width": 1280, "height": 900})
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        if user is not None:
            login_as(page, user)
        return page

    yield make
    for context in contexts:
        context.close()


def check(page) -> None:
    """Every workspace page a test visits must pass axe-core (no serious or critical violation)."""
    assert_accessible(page)


def shot(page, name: str) -> None:
    """Save docs/screenshots/kelola-<name>.png when WARTA_SCREENSHOTS=1 (kept out of ordinary test runs).

    The "kelola-" prefix keeps the workspace's screenshots apart from the sign-in and portal ones."""
    if os.environ.get("WARTA_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"kelola-{name}.png"), full_page=True)
