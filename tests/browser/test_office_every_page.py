"""Every page of the staff workspace, opened by the role that uses it, passes axe-core (WCAG 2.1 A/AA: no serious
or critical violation). The walk-through tests check the pages of a run as they go; this one also covers the
pages between runs: the register, editions, exemptions, oversight, the audit log, public pages, notifications."""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_accessible
from tests.office import browser as office_browser
from tests.office import test_permissions as states
from warta.registry.services.editions import propose_edition

open_page = office_browser.open_page


def _workspace(staff) -> dict[str, list[str]]:
    """Content in every state a page can show, and the pages each role opens on it."""
    upkeep = states.st_maintaining(staff)
    returned = states.st_breach(staff)
    verifying = states.st_verifying(staff)
    publishing = states.st_publishing(staff)
    exemption = states.st_exemption(staff)["exemption"]
    announcement = states.st_announced(staff)["announcement"]
    states.st_letter(staff)
    states.st_notified(staff)
    propose_edition(staff["ppid"], title="DIP Semester II 2026")
    run_page = lambda name, context: reverse(name, args=[context["run"].pk])  # noqa: E731
    return {
        "ppid": [
            reverse("office:inbox"), reverse("office:runs"), reverse("office:disposition_new"),
            reverse("office:register"), reverse("office:entry", args=[upkeep["entry"].pk]),
            reverse("office:editions"), reverse("office:exemptions"), reverse("office:exemption_new"),
            reverse("office:exemption", args=[exemption.pk]), reverse("office:routine"),
            reverse("office:breaches"), reverse("office:notifications"), reverse("office:announcements"),
            reverse("office:announcement", args=[announcement.pk]), reverse("office:pages"),
            reverse("office:page_edit", args=["maklumat"]), run_page("office:run", returned),
        ],
        "pengolah": [
            run_page("office:drafting", returned), run_page("office:entry_new", returned),
            reverse("office:entry_edit", args=[returned["run"].pk, returned["entry"].pk]),
            reverse("office:entry_documents", args=[returned["run"].pk, returned["entry"].pk]),
            run_page("office:announcement_new", returned), run_page("office:publishing", publishing),
            run_page("office:maintenance", upkeep),
        ],
        "penelaah": [run_page("office:verification", verifying)],
        "atasan": [reverse("office:oversight"), reverse("office:audit"), reverse("office:audit") + "?periksa=1"],
    }


@pytest.mark.django_db(transaction=True)
def test_every_workspace_page_is_accessible(open_page, staff):
    for role, paths in _workspace(staff).items():
        page = open_page(staff[role])
        for path in paths:
            response = page.goto(path)
            assert response.status == 200, f"{role} {path}: {response.status}"
            assert_accessible(page)
