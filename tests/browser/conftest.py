"""Browser tests: Debian's Chromium driven by Playwright through the real pages, checked with axe-core.

Chromium is launched so it never reaches beyond this machine: no background networking, and a dead
local proxy for anything that is not loopback.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--dns-prefetch-disable", "--proxy-server=http://127.0.0.1:9",
]
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    missing = [str(path) for path in (Path(CHROMIUM), AXE_JS) if not path.exists()]
    if missing:
        pytest.skip(f"BROWSER TESTS SKIPPED: missing {', '.join(missing)} (run `make test` as root to install)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API refuses to run inside a running event loop; Django's async-safety check must not
    # mistake its loop for one of ours while the live server is used from the test thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    """A narrow phone screen, as most visitors have."""
    context = browser.new_context(base_url=live_server.url, locale="id-ID", viewport={"width": 375, "height": 740},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    """Serious and critical WCAG 2.1 A/AA violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's strict CSP stays as users get it.
        page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', "
        "'wcag21aa']}})"
    )
    return [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    described = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                 for v in violations]
    assert not violations, f"{page.url}: " + "; ".join(described)
