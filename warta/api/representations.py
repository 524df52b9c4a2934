"""How each public thing looks in JSON: English snake_case names, Indonesian labels beside coded values,
ISO 8601 times with the site's offset (e.g. 2026-11-23T10:00:00+07:00), absolute links."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from warta.documents.models import DocumentVersion
from warta.portal.access import prefetched_files
from warta.registry.exporting import category_label
from warta.registry.models import Edition, PublicEntry

from . import links


def moment(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def unit(value) -> dict:
    return {"code": value.code, "name": value.name}


def document(value: DocumentVersion, *, entry_ids: list[int] | None = None) -> dict:
    """A document as the public gets it: the description of its public file, under the document's id."""
    data = {
        "id": value.document_id,
        "name": value.original_name,
        "media_type": value.media_type,
        "size": value.size,
        "sha256": value.sha256,
        "pages": value.page_count,
        "download_url": links.document_download(value.document_id),
        "searchable_copy": {
            "download_url": links.searchable_copy(value.document_id), "size": value.ocr_size,
            "sha256": value.ocr_sha256,
        } if value.has_searchable_copy else None,
        "url": links.api("document", value.document_id),
    }
    if entry_ids is not None:
        data["entries"] = entry_ids
    return data


def entry(value: PublicEntry) -> dict:
    return {
        "id": value.entry_id,
        "number": value.number,
        "title": value.title,
        "summary": value.summary,
        "holder": value.holder,
        "responsible": value.responsible,
        "made_when": value.made_when,
        "made_where": value.made_where,
        "form_printed": value.form_printed,
        "form_digital": value.form_digital,
        "form_label": value.form_label,
        "retention": value.retention,
        "category": value.category,
        "category_label": category_label(value.category),
        "year": value.year,
        "legal_basis": value.legal_basis,
        "tags": [str(tag) for tag in value.tags or []],
        "links": _links(value.links),
        "unit": unit(value.unit),
        "published_at": moment(value.published_at),
        "first_published_at": moment(value.first_published_at),
        "documents": [document(item) for item in prefetched_files(value.documents.all())],
        "url": links.api("entry", value.entry_id),
        "html_url": links.entry_page(value.entry_id),
    }


def edition(value: Edition, *, withheld: int) -> dict:
    return {
        "id": value.pk,
        "title": value.title,
        "unit": unit(value.unit),
        "decree_number": value.decree_number,
        "decree_date": day(value.decree_date),
        "entry_count": value.entry_count,
        "withheld_count": withheld,
        "content_hash": value.content_hash,
        "next_due": day(value.next_due),
        "pdf_url": links.edition_pdf(value.pk) if value.pdf and not withheld else None,
        "snapshot_url": links.api("edition-snapshot", value.pk),
        "url": links.api("edition", value.pk),
    }


def _links(values) -> list[dict]:
    return [{"label": str(item.get("label") or ""), "url": str(item["url"])}
            for item in values or [] if isinstance(item, dict) and item.get("url")]
