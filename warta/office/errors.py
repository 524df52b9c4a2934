"""Refusals the workspace itself makes, with stable codes and plain Indonesian messages."""

from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

CHECKLIST_INCOMPLETE = ErrorCode(
    "office.checklist_incomplete",
    _("Centang semua butir pemeriksaan sebelum menyetujui. Yang belum: %(missing)s."),
)
IMPORT_EXPIRED = ErrorCode(
    "office.import_expired",
    _("Hasil pemeriksaan berkas impor sudah tidak tersedia. Unggah berkasnya sekali lagi."),
)
DOCUMENT_NOT_IN_RUN = ErrorCode(
    "office.document_not_in_run", _("Dokumen ini bukan lampiran informasi pada disposisi ini.")
)
