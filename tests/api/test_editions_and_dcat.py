"""Set DIP editions (decree data, PDF, frozen snapshot) and the DCAT catalogue built on them."""

from datetime import date
from urllib.parse import urlsplit

import pytest

from tests.api import builders
from warta.registry.services.entries import withdraw_entry

pytestmark = pytest.mark.django_db


def _by_id(nodes: list[dict], suffix: str) -> dict:
    (node,) = [node for node in nodes if node["@id"].endswith(suffix)]
    return node


def test_a_set_edition_with_its_decree_pdf_and_snapshot(client, world, staff):
    edition = builders.set_edition_now(staff, decree_number="800/12/BPMP/2026", decree_date=date(2026, 11, 20))
    (listed,) = client.get("/api/v1/editions").json()["results"]
    assert listed == client.get(f"/api/v1/editions/{edition.pk}").json()
    assert (listed["decree_number"], listed["decree_date"], listed["entry_count"]) == ("800/12/BPMP/2026",
                                                                                       "2026-11-20", 2)
    assert listed["content_hash"] == edition.content_hash and listed["withheld_count"] == 0
    assert listed["pdf_url"].endswith(f"/dip/edisi/{edition.pk}/pdf/")
    snapshot = client.get(urlsplit(listed["snapshot_url"]).path).json()
    assert snapshot["edition"]["id"] == edition.pk
    assert {row["entry_id"] for row in snapshot["entries"]} == {world.report.pk, world.plan.pk}
    report = next(row for row in snapshot["entries"] if row["entry_id"] == world.report.pk)
    assert report["documents"] == [{"name": "laporan-keuangan.pdf", "sha256": world.report_pdf.sha256}]


def test_an_entry_withdrawn_after_the_decree_is_withheld_and_so_is_the_pdf(client, world, staff):
    edition = builders.set_edition_now(staff)
    withdraw_entry(staff["ppid"], world.plan, reason="Dokumen diganti")
    data = client.get(f"/api/v1/editions/{edition.pk}/snapshot").json()
    assert [row["entry_id"] for row in data["entries"]] == [world.report.pk]
    assert "Rencana Strategis" not in str(data)
    assert data["edition"]["withheld_count"] == 1 and data["edition"]["entry_count"] == 2
    assert data["edition"]["pdf_url"] is None  # the signed PDF still lists it: not offered any more
    catalogue = client.get("/api/dcat.json").json()
    version = _by_id(catalogue["dcat:dataset"], f"/api/v1/editions/{edition.pk}#dataset")
    assert [d["dct:format"]["@id"].rsplit("/", 1)[1] for d in version["dcat:distribution"]] == ["JSON"]


def test_the_catalogue_describes_the_register_its_versions_and_the_publisher(client, world, staff, office, settings):
    first = builders.set_edition_now(staff, decree_number="800/1/2026", decree_date=date(2026, 5, 1))
    second = builders.set_edition_now(staff, decree_number="800/2/2026", decree_date=date(2026, 11, 20))
    response = client.get("/api/dcat.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/ld+json"
    catalogue = response.json()
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert catalogue["dct:publisher"]["foaf:name"]["@value"] == office.name
    assert catalogue["dct:modified"]["@type"] == "xsd:dateTime"

    register = _by_id(catalogue["dcat:dataset"], "/dip/#dataset")
    assert register["dct:publisher"] == {"@id": catalogue["dct:publisher"]["@id"]}
    assert register["dcat:contactPoint"]["vcard:hasEmail"] == {"@id": f"mailto:{office.email}"}
    downloads = {d["dct:format"]["@id"].rsplit("/", 1)[1]: d for d in register["dcat:distribution"]}
    assert set(downloads) >= {"CSV", "JSON", "XLSX", "PDF"}
    assert downloads["CSV"]["dcat:downloadURL"]["@id"].endswith("/dip/unduh/csv/")
    assert downloads["XLSX"]["dcat:mediaType"]["@id"].endswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert downloads["PDF"]["dcat:downloadURL"]["@id"].endswith(f"/dip/edisi/{second.pk}/pdf/")
    api = [d for d in register["dcat:distribution"] if "dcat:accessService" in d]
    assert api and api[0]["dcat:accessURL"]["@id"].endswith("/api/v1/entries")

    versions = {node["@id"]: node for node in catalogue["dcat:dataset"] if "dct:isVersionOf" in node}
    assert {v["dcat:version"] for v in versions.values()} == {"800/1/2026", "800/2/2026"}
    assert [ref["@id"] for ref in register["dcat:hasVersion"]] == [
        f"{settings.SITE_URL}/api/v1/editions/{first.pk}#dataset",
        f"{settings.SITE_URL}/api/v1/editions/{second.pk}#dataset"]
    newest = versions[register["dcat:hasCurrentVersion"]["@id"]]
    assert newest["dct:issued"] == {"@value": "2026-11-20", "@type": "xsd:date"}
    assert newest["dcat:previousVersion"]["@id"].endswith(f"/editions/{first.pk}#dataset")
    assert all(v["dct:isVersionOf"] == {"@id": register["@id"]} for v in versions.values())
    (service,) = catalogue["dcat:service"]
    assert service["dcat:endpointDescription"]["@id"].endswith("/api/v1/openapi.json")
    news = _by_id(catalogue["dcat:dataset"], "/pengumuman/#dataset")
    assert service["dcat:servesDataset"] == [{"@id": register["@id"]}, {"@id": news["@id"]}]
    (news_api,) = [d for d in news["dcat:distribution"] if "dcat:accessService" in d]
    assert news_api["dcat:accessURL"]["@id"].endswith("/api/v1/announcements")
    assert any(d["dcat:mediaType"]["@id"].endswith("application/atom+xml") for d in news["dcat:distribution"])


def _licences(catalogue: dict) -> set[str]:
    """The licence of every dataset and every distribution in the catalogue."""
    found = set()
    for dataset in catalogue["dcat:dataset"]:
        found.add(dataset["dct:license"]["@id"])
        found.update(distribution["dct:license"]["@id"] for distribution in dataset["dcat:distribution"])
    return found


def test_the_open_data_licence_is_stated_everywhere_a_harvester_looks(client, world, staff):
    builders.set_edition_now(staff)
    catalogue = client.get("/api/dcat.json").json()
    cc_by = "https://creativecommons.org/licenses/by/4.0/"
    assert catalogue["dct:license"] == {"@id": cc_by, "@type": "dct:LicenseDocument", "dct:identifier": "CC-BY-4.0",
                                        "dct:title": "Creative Commons Atribusi 4.0 Internasional"}
    assert _licences(catalogue) == {cc_by}
    assert client.get("/api/v1/openapi.json").json()["info"]["license"] == {
        "name": "Creative Commons Atribusi 4.0 Internasional", "identifier": "CC-BY-4.0"}
    assert f'href="{cc_by}" rel="license"' in client.get("/api/").content.decode()


def test_the_licence_is_a_setting(client, world, settings):
    settings.WARTA_DATA_LICENSE = "CC0-1.0"
    catalogue = client.get("/api/dcat.json").json()
    assert catalogue["dct:license"]["dct:identifier"] == "CC0-1.0"
    assert _licences(catalogue) == {"https://creativecommons.org/publicdomain/zero/1.0/"}
    settings.WARTA_DATA_LICENSE = "Lisensi Data Terbuka Pemerintah Daerah"
    settings.WARTA_DATA_LICENSE_URL = "https://data.example.go.id/lisensi"
    assert client.get("/api/v1/openapi.json").json()["info"]["license"] == {
        "name": "Lisensi Data Terbuka Pemerintah Daerah", "url": "https://data.example.go.id/lisensi"}
    catalogue = client.get("/api/dcat.json").json()
    assert catalogue["dct:license"] == {"@id": "https://data.example.go.id/lisensi", "@type": "dct:LicenseDocument",
                                        "dct:title": "Lisensi Data Terbuka Pemerintah Daerah"}


def test_an_unknown_licence_without_its_address_stops_the_checks(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.WARTA_DATA_LICENSE = "Lisensi Sendiri"
    with pytest.raises(SystemCheckError, match=r"api.E001.*WARTA_DATA_LICENSE_URL"):
        call_command("check")
