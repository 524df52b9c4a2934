"""How each public thing looks in JSON: English snake_case names, Indonesian labels beside coded values,
ISO 8601 times with the site's offset (e.g. 2026-11-23T10:00:00+07:00), absolute links."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from warta.announcements.models import SERTA_MERTA_PARTS, Announcement
from warta.documents.models import DocumentVersion
from warta.registry.exporting import category_label, form_label
from warta.registry.models import Category, Edition, PublicEntry

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
        "form_label": form_label(value.form_printed, value.form_digital),
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
        "documents": [document(item) for item in value.public_file_list],
        "url": links.api("entry", value.entry_id),
        "html_url": links.entry_page(value.entry_id),
    }


def announcement(value: Announcement) -> dict:
    return {
        "id": value.pk,
        "slug": value.slug,
        "title": value.title,
        "summary": value.summary,
        "body": value.body,
        "category": value.category,
        "category_label": category_label(value.category),
        "serta_merta": _serta_merta(value) if value.category == Category.SERTA_MERTA else None,
        "unit": unit(value.unit),
        "published_at": moment(value.published_at),
        "documents": [document(item) for item in value.public_file_list],
        "url": links.api("announcement", value.pk),
        "html_url": links.announcement_page(value.slug),
    }


def _serta_merta(value: Announcement) -> dict:
    """The five parts a serta-merta announcement must state (Perki 1/2021), and whether it is still shown first."""
    until = value.urgent_until
    return {
        "parts": [{"key": key, "label": str(label), "text": getattr(value, key)}
                  for key, label in SERTA_MERTA_PARTS.items()],
        "urgent_until": moment(until),
        "shown_first": until is None or until > timezone.now(),
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
        "pdf_sha256": value.pdf_sha256 or None,
        "signed_by": value.signed_by or None,
        "next_due": day(value.next_due),
        "pdf_url": links.edition_pdf(value.pk) if value.pdf and not withheld else None,
        "snapshot_url": links.api("edition-snapshot", value.pk),
        "url": links.api("edition", value.pk),
    }


def _links(values) -> list[dict]:
    return [{"label": str(item.get("label") or ""), "url": str(item["url"])}
            for item in values or [] if isinstance(item, dict) and item.get("url")]
