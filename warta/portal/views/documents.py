"""Documents for the public: served only when attached to public content (``access.public_documents``), and
then the file of the newest version verified and published, by the document's own id.

Anything else is 404 — a draft's attachment, a withdrawn or exempt entry's file, a version not yet verified, a
guessed id. Files are read through the storage API (a local folder or S3-compatible storage) and streamed;
MEDIA_ROOT itself is never served by any route.
"""

import logging

from django.http import FileResponse, Http404, HttpResponseNotModified
from django.views.decorators.http import require_safe

from warta.documents.names import display_name

from ..access import public_document_or_404

logger = logging.getLogger(__name__)
# Shown inside the page (the preview frame) only for types a browser renders itself without running anything.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg"}


def _etag(version) -> str:
    return f'"{version.sha256}"'


@require_safe
def document(request, document_id: int, inline: bool = False):
    document = public_document_or_404(document_id)  # the public version of the document
    etag = _etag(document)
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        logger.error("Public document %s is missing from storage (%s)", document.document_id, document.file.name)
        raise Http404 from error
    show_inline = inline and document.media_type in INLINE_TYPES
    response = FileResponse(handle, as_attachment=not show_inline, filename=display_name(document.original_name),
                            content_type=document.media_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"  # revalidate each time: a withdrawn file must stop being served
    return response
