"""schema.org metadata (JSON-LD) for the public pages: the office, its register entries, its announcements.

JSON-LD is data in a ``<script type="application/ld+json">`` block. Browsers never execute that type, so the
strict Content-Security-Policy (script-src 'self') does not apply to it; a browser test checks that no
violation is reported. ``warta.portal.templatetags.portal`` escapes it so no text can close the block.
"""

from __future__ import annotations

from django.urls import reverse

from warta.documents.validation import file_type_for

DATA_FAMILIES = {"xlsx", "odf", "text"}


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def organization(request, office) -> dict | None:
    if office is None:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": office.name,
        "url": _absolute(request, reverse("portal:home")),
    }
    if office.short_name:
        data["alternateName"] = office.short_name
    if office.logo:
        data["logo"] = _absolute(request, reverse("portal:logo"))
    if office.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": office.address,
                           **({"addressLocality": office.city} if office.city else {}), "addressCountry": "ID"}
    if office.email:
        data["email"] = office.email
    if office.phone:
        data["telephone"] = office.phone
    return data


def website(request, office) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": office.name if office else "Warta",
        "url": _absolute(request, reverse("portal:home")),
        "inLanguage": "id",
        "potentialAction": {
            "@type": "SearchAction",
            "target": _absolute(request, reverse("portal:search")) + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


def _publisher(office) -> dict | None:
    return {"@type": "GovernmentOrganization", "name": office.name} if office else None


def _document(request, document) -> dict:
    return {
        "@type": "DigitalDocument",
        "name": document.original_name,
        "url": _absolute(request, reverse("portal:document", kwargs={"document_id": document.document_id})),
        "encodingFormat": document.media_type,
        "contentSize": str(document.size),
        "identifier": f"sha256:{document.sha256}",
    }


def _family(document) -> str:
    file_type = file_type_for(document.media_type)
    return file_type.family if file_type else ""


def entry_jsonld(request, public, documents, office) -> dict:
    """A Dataset when the entry offers data files (spreadsheets, CSV), otherwise a DigitalDocument."""
    is_data = any(_family(document) in DATA_FAMILIES for document in documents)
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset" if is_data else "DigitalDocument",
        "name": public.title,
        "description": public.summary or public.title,
        "url": _absolute(request, reverse("portal:entry", kwargs={"entry_id": public.entry_id})),
        "identifier": str(public.number),
        "inLanguage": "id",
        "datePublished": public.first_published_at.isoformat(),
        "dateModified": public.published_at.isoformat(),
        "genre": public.get_category_display(),
        "isAccessibleForFree": True,
    }
    if public.year:
        data["temporalCoverage"] = str(public.year)
    if public.tags:
        data["keywords"] = [str(tag) for tag in public.tags]
    if publisher := _publisher(office):
        data["publisher"] = publisher
    if is_data:
        data["distribution"] = [
            {"@type": "DataDownload", "name": document.original_name, "encodingFormat": document.media_type,
             "contentUrl": _absolute(request, reverse("portal:document", kwargs={"document_id": document.document_id})),
             "contentSize": str(document.size)}
            for document in documents
        ]
    elif documents:
        data["hasPart"] = [_document(request, document) for document in documents]
    return data


def announcement_jsonld(request, announcement, office) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": announcement.title[:110],
        "description": announcement.summary,
        "url": _absolute(request, reverse("portal:announcement", kwargs={"slug": announcement.slug})),
        "datePublished": announcement.published_at.isoformat(),
        "dateModified": announcement.updated_at.isoformat(),
        "inLanguage": "id",
        "articleSection": announcement.get_category_display(),
    }
    if publisher := _publisher(office):
        data["publisher"] = publisher
        data["author"] = publisher
    return data
