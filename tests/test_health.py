"""The health check says what works and what does not, including a switched-off virus scanner."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_heartbeat_yet():
    from huey.contrib.djhuey import HUEY

    from warta.core.tasks import HEARTBEAT_KEY

    HUEY.get(HEARTBEAT_KEY)  # reading without peek removes it: each test starts with no worker seen


def test_health_reports_each_part(client, settings):
    settings.WARTA_CLAMAV = ""
    response = client.get("/kesehatan/")
    body = response.json()
    assert body["checks"]["database"]["ok"] is True
    scanner = body["checks"]["malware_scanner"]
    assert scanner["ok"] is True and scanner["warning"] is True and scanner["label"] == "pemindaian virus mati"
    # No worker has run in a fresh test process: the check must say so rather than claim health.
    assert body["checks"]["jobs"]["ok"] is False and "run_huey" in body["checks"]["jobs"]["label"]
    assert response.status_code == 503 and body["status"] == "bermasalah"


def test_health_is_good_with_a_live_worker(client, settings):
    from warta.core.tasks import worker_heartbeat

    settings.WARTA_CLAMAV = ""
    worker_heartbeat.call_local()
    response = client.get("/kesehatan/")
    assert response.status_code == 200 and response.json()["status"] == "sehat"


def test_a_broken_scanner_makes_the_site_unhealthy(client, settings, tmp_path):
    settings.WARTA_CLAMAV = str(tmp_path / "tidak-ada")
    body = client.get("/kesehatan/").json()
    assert body["checks"]["malware_scanner"]["ok"] is False
