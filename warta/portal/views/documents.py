"""Documents for the public: served only when attached to public content (``access.public_documents``), and
then the file of the newest version verified and published, by the document's own id.

Anything else is 404 — a draft's attachment, a withdrawn or exempt entry's file, a version not yet verified, a
guessed id. A scan's searchable copy (the OCR output, a PDF with a text layer) is offered beside its original under
the same rule. Files are read through the storage API (a local folder or S3-compatible storage) and streamed;
MEDIA_ROOT itself is never served by any route.
"""

import logging

from django.http import Http404, HttpResponseNotModified
from django.views.decorators.http import require_safe

from warta.core.ranges import file_response
from warta.documents.names import display_name, storage_name

from ..access import public_document_or_404

logger = logging.getLogger(__name__)
# Shown inside the page (the preview frame) only for types a browser renders itself without running anything.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg"}


def _serve(request, field_file, *, size: int, etag: str, media_type: str, filename: str, inline: bool):
    """Stream a stored file, whole or the byte range asked for (``warta.core.ranges``), or answer 304."""
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError) as error:
        logger.error("A public file is missing from storage (%s)", field_file.name)
        raise Http404 from error
    response = file_response(request, handle, size=size, etag=etag, content_type=media_type,
                             filename=filename, as_attachment=not inline)  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-cache"  # revalidate each time: a withdrawn file must stop being served
    return response


@require_safe
def document(request, document_id: int, inline: bool = False):
    version = public_document_or_404(document_id)  # the file the public gets of this document
    return _serve(request, version.file, size=version.size, etag=f'"{version.sha256}"',
                  media_type=version.media_type, filename=display_name(version.original_name),
                  inline=inline and version.media_type in INLINE_TYPES)  # fmt: skip


@require_safe
def searchable_copy(request, document_id: int):
    """The searchable PDF OCR made of the public file, when there is one."""
    version = public_document_or_404(document_id)
    if not version.has_searchable_copy:
        raise Http404
    stem = storage_name(version.original_name, "").rstrip(".")
    return _serve(request, version.ocr_file, size=version.ocr_size, etag=f'"{version.ocr_sha256}"',
                  media_type="application/pdf", filename=f"{stem}-ocr.pdf", inline=False)  # fmt: skip
