"""Files staff read in the workspace: documents shown inline (the verification preview), letters, DIP editions.

Nothing here is public: each file is served only to staff who may see the run or the unit it belongs to.
"""

import hashlib

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_sameorigin

from warta.core.ranges import file_response
from warta.documents.models import Document
from warta.pos.models import AssignmentLetter
from warta.registry.models import Edition

from ..access import POS_ROLES, staff_view, visible_runs, visible_units

INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain"}
# The document is shown in a frame of the workspace only; it may run nothing and load nothing.
FILE_CSP = "default-src 'none'; img-src 'self' data:; object-src 'self'; frame-ancestors 'self'"


def _file_response(request, field_file, filename: str, media_type: str, *, inline: bool = True, sha256: str = ""):
    """The file whole or in the byte ranges a PDF viewer asks for. ``sha256`` (when the file's is on record) is its
    ETag, which a range request's If-Range is checked against; otherwise one derived from its stored name and size
    (every stored file gets a name of its own)."""
    if not field_file or not field_file.storage.exists(field_file.name):
        raise Http404(gettext("Berkas tidak ditemukan di penyimpanan."))
    size = field_file.size
    etag = sha256 or hashlib.sha256(f"{field_file.name}:{size}".encode()).hexdigest()
    response = file_response(request, field_file.open("rb"), size=size, etag=f'"{etag}"', content_type=media_type,
                             filename=filename, as_attachment=not inline)  # fmt: skip
    response["Content-Security-Policy"] = FILE_CSP
    response["Cache-Control"] = "private, no-store"
    return response


@xframe_options_sameorigin
@staff_view(POS_ROLES)
def document_inline(request, pk):
    units = visible_units(request.user)
    document = get_object_or_404(Document.objects.filter(
        Q(entry_links__entry__unit__in=units) | Q(announcements__unit__in=units) | Q(uploaded_by=request.user),
        pk=pk).distinct())
    number = request.GET.get("nomor", "")
    # An earlier file version when asked for by number (``?nomor=2``), otherwise the current file.
    source = get_object_or_404(document.versions, number=number) if number.isdigit() else document
    ocr = request.GET.get("versi") == "ocr" and source.ocr_file
    field_file = source.ocr_file if ocr else source.file
    inline = source.media_type in INLINE_TYPES or bool(ocr)
    media_type = "application/pdf" if ocr else source.media_type
    sha256 = getattr(source, "ocr_sha256", "") if ocr else source.sha256
    return _file_response(request, field_file, source.original_name, media_type,
                          inline=inline and "unduh" not in request.GET, sha256=sha256)


@xframe_options_sameorigin
@staff_view(POS_ROLES)
def letter_pdf(request, pk):
    letter = get_object_or_404(AssignmentLetter, pk=pk, step_run__run__in=visible_runs(request.user))
    return _file_response(request, letter.pdf, f"surat-penugasan-{letter.pk}.pdf", "application/pdf")


@staff_view(POS_ROLES)
def edition_pdf(request, pk):
    edition = get_object_or_404(Edition, pk=pk, unit__in=visible_units(request.user))
    return _file_response(request, edition.pdf, f"dip-{edition.pk}.pdf", "application/pdf", sha256=edition.pdf_sha256)
