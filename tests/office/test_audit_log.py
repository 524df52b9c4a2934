"""The audit log is scoped: each record carries its subject's office and unit, and the workspace shows an Atasan
PPID only their own office's records; records of the whole deployment are for administrators."""

from datetime import date

import pytest
from django.urls import reverse

from tests.office.conftest import start_run
from warta.accounts.models import Office, Role, Unit
from warta.accounts.services import create_user
from warta.pos.services import PlanItemData, issue_disposition
from warta.records.audit import record
from warta.records.models import AuditRecord

pytestmark = pytest.mark.django_db


def _person(username, unit, role):
    return create_user(None, username=username, password="x" * 12, full_name=username.title(), unit=unit, roles=[role])


@pytest.fixture
def office_b():
    """A second office with its own Atasan PPID, PPID and Pengolah, and one run."""
    office = Office.objects.create(name="Dinas Komunikasi dan Informatika Kota Lain", time_zone="Asia/Jakarta")
    unit = Unit.objects.create(office=office, name="PPID Kota Lain", code="kota-lain")
    people = {role: _person(f"{role}-b", unit, role) for role in (Role.ATASAN, Role.PPID, Role.PENGOLAH)}
    run = issue_disposition(
        people[Role.PPID],
        title="DIP kota lain",
        instructions="Siapkan",
        addressee=people[Role.PENGOLAH],
        plan=[PlanItemData("DIP", date(2026, 12, 1))],
    )
    return {"office": office, "unit": unit, "run": run, **people}


def _seen(client) -> list[AuditRecord]:
    response = client.get(reverse("office:audit"))
    assert response.status_code == 200
    return list(response.context["page"].paginator.object_list)


def test_records_take_the_office_and_unit_of_their_subject(staff):
    unit = staff["ppid"].unit
    run = start_run(staff)
    started = AuditRecord.objects.for_object(run).get(action="pos.run.started")
    assert (started.office, started.unit) == (unit.office, unit)
    opened = AuditRecord.objects.filter(action="pos.step.opened").last()
    assert (opened.office_id, opened.unit_id) == (unit.office_id, unit.pk)  # a step run: its run's unit
    loaded = AuditRecord.objects.get(action="pos.procedure.loaded")
    assert (loaded.office, loaded.unit) == (None, None)  # the procedure belongs to the whole deployment
    office_change = AuditRecord.objects.get(action="accounts.office.created")
    assert (office_change.office, office_change.unit) == (unit.office, None)
    refused = record(staff["pengolah"], "documents.upload_refused_malware", object_type="documents.document")
    assert (refused.office, refused.unit) == (unit.office, unit)  # nothing named: the acting user's
    assert record(None, "test.system").office is None


def test_an_atasan_never_sees_another_offices_records(staff, office_b, login):
    run_a = start_run(staff)
    seen_a = _seen(login(staff["atasan"]))
    assert seen_a and {rec.office_id for rec in seen_a} == {staff["atasan"].unit.office_id}
    assert any(rec.object_id == str(run_a.pk) and rec.object_type == "pos.run" for rec in seen_a)
    page = login(staff["atasan"]).get(reverse("office:audit")).content.decode()
    assert run_a.number in page and office_b["run"].number not in page and "DIP kota lain" not in page

    seen_b = _seen(login(office_b[Role.ATASAN]))
    assert {rec.office_id for rec in seen_b} == {office_b["office"].pk}
    assert not AuditRecord.objects.visible_to(office_b[Role.ATASAN]).filter(office_id=staff["ppid"].unit.office_id)

    everything = _seen(login(staff["admin"]))  # the administrator: both offices and the deployment's own
    assert {rec.office_id for rec in everything} == {staff["admin"].unit.office_id, office_b["office"].pk, None}
    assert len(everything) == AuditRecord.objects.count()
    assert AuditRecord.objects.get(action="pos.procedure.loaded") not in seen_a + seen_b


def test_unit_bound_roles_see_only_their_unit(staff):
    office = staff["ppid"].unit.office
    pelaksana = Unit.objects.create(office=office, name="PPID Pelaksana", code="pelaksana")
    ppid = _person("ppid-pelaksana", pelaksana, Role.PPID)
    pengolah = _person("pengolah-pelaksana", pelaksana, Role.PENGOLAH)
    own = issue_disposition(
        ppid,
        title="DIP pelaksana",
        instructions="Siapkan",
        addressee=pengolah,
        plan=[PlanItemData("DIP", date(2026, 12, 1))],
    )
    start_run(staff)
    visible = AuditRecord.objects.visible_to(ppid)
    assert visible.filter(object_type="pos.run", object_id=str(own.pk)).exists()
    assert set(visible.values_list("unit_id", flat=True)) == {pelaksana.pk}
    atasan = AuditRecord.objects.visible_to(staff["atasan"])  # the Atasan PPID: both units of the office
    assert set(atasan.values_list("unit_id", flat=True)) >= {pelaksana.pk, staff["ppid"].unit_id}
    assert not atasan.filter(office__isnull=True).exists()
