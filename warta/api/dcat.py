"""A DCAT catalogue of the office's open data, for harvesting by a national portal (Satu Data Indonesia).

Profile: DCAT-AP 3 (the W3C DCAT 3 vocabulary with the EU application profile's controlled vocabularies),
serialised as JSON-LD with an explicit ``@context``, so it is RDF any DCAT harvester can read (CKAN's
ckanext-dcat, which portals built on CKAN use, reads JSON-LD with these terms). DCAT-US / Project Open Data
``data.json`` was not chosen: it is a plain-JSON profile whose required fields are US federal codes
(bureauCode, programCode).

The catalogue holds:
- the Daftar Informasi Publik as one dataset, with distributions CSV, JSON and XLSX (the portal's downloads),
  the signed PDF of the newest set edition, and the API as a data service;
- each DIP set by decree as a *version* of that dataset (``dcat:hasVersion`` / ``dct:isVersionOf``,
  ``dcat:version`` = the decree number, ``dct:issued`` = the decree date) with its PDF and frozen JSON;
- the announcements as a dataset, with the API and the Atom feed as distributions;
- the office as publisher (``foaf:Organization``) and contact point (``vcard:Organization``);
- the open-data licence (``dct:license``, ``WARTA_DATA_LICENSE``) on the catalogue, every dataset and every
  distribution, where DCAT-AP harvesters look for it.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Min

from warta.accounts.models import Office
from warta.core import public_version

from . import licence, links, queries, versioned

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority"
IANA = "https://www.iana.org/assignments/media-types"
LANGUAGE = {"@id": f"{EU}/language/IND"}
THEME = {"@id": f"{EU}/data-theme/GOVE"}  # government and public sector
SEMIANNUAL = {"@id": f"{EU}/frequency/ANNUAL_2"}  # Perki 1/2021 Ps 45: the DIP is updated at least every 6 months
PUBLIC_ACCESS = {"@id": f"{EU}/access-right/PUBLIC"}
FORMATS = {  # key: (portal download format, EU file type, IANA media type, title)
    "csv": ("CSV", "text/csv", "DIP dalam CSV"),
    "json": ("JSON", "application/json", "DIP dalam JSON"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "DIP dalam XLSX"),
}
KEYWORDS = ["informasi publik", "daftar informasi publik", "DIP", "keterbukaan informasi", "PPID"]


def _text(value: str) -> dict:
    return {"@value": value, "@language": "id"}


def _datetime(value: datetime) -> dict:
    return {"@value": value.isoformat(), "@type": "xsd:dateTime"}


def _date(value: date) -> dict:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _distribution(url: str, title: str, file_type: str, media_type: str, *, download: bool = True) -> dict:
    node = {
        "@id": f"{url}#distribusi",
        "@type": "dcat:Distribution",
        "dct:title": _text(title),
        "dcat:accessURL": {"@id": url},
        "dct:format": {"@id": f"{EU}/file-type/{file_type}"},
        "dcat:mediaType": {"@id": f"{IANA}/{media_type}"},
        "dct:license": _licence_ref(),
    }
    if download:
        node["dcat:downloadURL"] = {"@id": url}
    return node


def _licence_ref() -> dict:
    return {"@id": licence.current().url}


def _publisher(office: Office | None) -> dict:
    name = office.name if office else "Warta"
    node = {"@id": links.absolute("/#penerbit"), "@type": "foaf:Organization", "foaf:name": _text(name)}
    if office and office.website:
        node["foaf:homepage"] = {"@id": office.website}
    return node


def _contact(office: Office | None) -> dict:
    node = {"@type": "vcard:Organization", "vcard:fn": office.name if office else "Warta"}
    if office and office.email:
        node["vcard:hasEmail"] = {"@id": f"mailto:{office.email}"}
    return node


def _public_dataset(publisher_id: str) -> dict:
    """What every dataset of this catalogue says alike: who publishes it, in which language, open to all, licence."""
    return {
        "dct:publisher": {"@id": publisher_id},
        "dct:language": LANGUAGE,
        "dct:accessRights": PUBLIC_ACCESS,
        "dct:license": _licence_ref(),
    }


def _pdf_title(edition, *, newest: bool = False) -> str:
    """Signed only when it is: an edition set without the office's certificate is the official PDF, unsigned."""
    kind = "bertanda tangan elektronik" if edition.signed_by else "edisi resmi"
    return f"DIP {kind}{' terbaru' if newest else ''} (PDF)"


def _edition_dataset(edition, withheld: int, register_id: str, publisher_id: str, previous: str | None) -> dict:
    url = links.api("edition", edition.pk)
    distributions = [_distribution(links.api("edition-snapshot", edition.pk), "Isi beku DIP (JSON)", "JSON",
                                   "application/json")]
    pdf = links.edition_pdf(edition.pk) if edition.pdf and not withheld else None
    if pdf:
        distributions.append(_distribution(pdf, _pdf_title(edition), "PDF", "application/pdf"))
    node = {
        "@id": f"{url}#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": url,
        "dct:title": _text(f"{edition.title} — SK {edition.decree_number}"),
        "dct:description": _text(
            f"Daftar Informasi Publik yang ditetapkan dengan keputusan nomor {edition.decree_number}"
            f" tanggal {edition.decree_date:%d-%m-%Y}, memuat {edition.entry_count} informasi."
        ),
        "dct:isVersionOf": {"@id": register_id},
        "dcat:version": edition.decree_number,
        "adms:versionNotes": _text(f"Ditetapkan oleh PPID {edition.unit.name}."),
        **_public_dataset(publisher_id),
        "dcat:distribution": distributions,
    }
    if edition.decree_date:
        node["dct:issued"] = _date(edition.decree_date)
    if previous:
        node["dcat:previousVersion"] = {"@id": previous}
    return node


def _announcements_dataset(publisher: dict, office: Office | None, service_id: str) -> dict:
    page = links.route("portal:announcements") or links.absolute("/pengumuman/")
    api_list = links.api("announcements")
    distributions = [{**_distribution(api_list, "API JSON (berhalaman)", "JSON", "application/json",
                                      download=False), "dcat:accessService": {"@id": service_id}}]
    if feed := links.route("portal:feed-announcements-atom"):
        distributions.append(_distribution(feed, "Umpan Atom", "ATOM", "application/atom+xml", download=False))
    return {
        "@id": f"{page}#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": page,
        "dct:title": _text(f"Pengumuman — {publisher['foaf:name']['@value']}"),
        "dct:description": _text(
            "Pengumuman badan publik ini yang sudah terbit: informasi berkala, setiap saat, dan serta merta (dengan "
            "potensi bahaya, wilayah terdampak, prosedur dan tempat evakuasi, cara menghindari bahaya, dan tempat "
            "meminta bantuan)."
        ),
        "dcat:keyword": [_text(word) for word in ("pengumuman", "informasi serta merta", "keterbukaan informasi")],
        "dcat:theme": THEME,
        **_public_dataset(publisher["@id"]),
        "dcat:contactPoint": _contact(office),
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": distributions,
    }


def catalogue() -> dict:
    office = Office.objects.order_by("pk").first()
    version = public_version.current()
    publisher = _publisher(office)
    register_page = links.route("portal:register") or links.absolute("/dip/")
    register_id = f"{register_page}#dataset"
    service_id = links.absolute("/api/v1#layanan")

    editions = list(queries.editions().order_by("decree_date", "pk"))
    versions, previous, newest = [], None, None
    for edition in editions:
        withheld = queries.still_public_rows(edition)[1]
        node = _edition_dataset(edition, withheld, register_id, publisher["@id"], previous)
        versions.append(node)
        previous = node["@id"]
        if edition.pdf and not withheld and links.edition_pdf(edition.pk):
            newest = edition

    distributions = [
        _distribution(url, title, file_type, media_type)
        for fmt, (file_type, media_type, title) in FORMATS.items() if (url := links.register_download(fmt))
    ]
    if newest:
        distributions.append(_distribution(links.edition_pdf(newest.pk), _pdf_title(newest, newest=True), "PDF",
                                           "application/pdf"))
    api_list = links.api("entries")
    distributions.append({**_distribution(api_list, "API JSON (berhalaman)", "JSON", "application/json",
                                          download=False), "dcat:accessService": {"@id": service_id}})

    first = versioned.remember("register-first-published",
                               lambda: queries.entries().aggregate(first=Min("first_published_at"))["first"])
    register = {
        "@id": register_id,
        "@type": "dcat:Dataset",
        "dct:identifier": register_page,
        "dct:title": _text(f"Daftar Informasi Publik — {publisher['foaf:name']['@value']}"),
        "dct:description": _text(
            "Daftar seluruh informasi publik yang dikuasai badan publik ini, dalam tujuh kolom menurut Peraturan "
            "Komisi Informasi Nomor 1 Tahun 2021 Pasal 21 ayat (2), beserta kategori, tahun, dan dasar hukum."
        ),
        "dcat:keyword": [_text(word) for word in KEYWORDS],
        "dcat:theme": THEME,
        **_public_dataset(publisher["@id"]),
        "dcat:contactPoint": _contact(office),
        "dct:accrualPeriodicity": SEMIANNUAL,
        "dct:modified": _datetime(version.modified),
        "dcat:landingPage": {"@id": register_page},
        "dcat:distribution": distributions,
        "dcat:hasVersion": [{"@id": node["@id"]} for node in versions],
    }
    if first:
        register["dct:issued"] = _datetime(first)
    if versions:
        register["dcat:hasCurrentVersion"] = {"@id": versions[-1]["@id"]}
    news = _announcements_dataset(publisher, office, service_id)

    return {
        "@context": CONTEXT,
        "@id": links.api("dcat"),
        "@type": "dcat:Catalog",
        "dct:title": _text(f"Katalog Data Terbuka — {publisher['foaf:name']['@value']}"),
        "dct:description": _text("Data terbuka badan publik ini untuk dipanen portal data nasional."),
        "dct:publisher": publisher,
        "dct:language": LANGUAGE,
        "dct:license": licence.current().dcat(),
        "dct:modified": _datetime(version.modified),
        "foaf:homepage": {"@id": links.home()},
        "dcat:dataset": [register, news, *reversed(versions)],
        "dcat:service": [{
            "@id": service_id,
            "@type": "dcat:DataService",
            "dct:title": _text("API Data Terbuka Warta"),
            "dcat:endpointURL": {"@id": links.absolute("/api/v1/")},
            "dcat:endpointDescription": {"@id": links.api("openapi")},
            "dct:conformsTo": {"@id": "https://spec.openapis.org/oas/v3.1.0"},
            "dcat:servesDataset": [{"@id": register_id}, {"@id": news["@id"]}],
        }],
    }
