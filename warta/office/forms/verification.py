from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .base import textarea

CHECKLIST = [
    ("correct", _("Informasi benar dan sesuai sumbernya")),
    ("complete", _("Informasi dan lampirannya lengkap")),
    ("category", _("Kategori informasi tepat")),
    ("no_exempt", _("Tidak memuat informasi yang dikecualikan")),
    ("pii_handled", _("Temuan data pribadi sudah ditangani")),
    ("accessible", _("Format dokumen dapat diakses (teks dapat dibaca dan dicari)")),
]


class ApproveForm(forms.Form):
    note = forms.CharField(label=_("Catatan verifikasi"), widget=textarea(2), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in CHECKLIST:
            self.fields[name] = forms.BooleanField(label=label, required=False)
        self.order_fields([name for name, _label in CHECKLIST] + ["note"])

    def clean(self):
        cleaned = super().clean()
        unticked = [name for name, _label in CHECKLIST if not cleaned.get(name)]
        for name in unticked:
            self.add_error(name, gettext("Belum dicentang."))
        if unticked:
            raise forms.ValidationError(gettext(
                "Centang semua butir pemeriksaan sebelum menyetujui. Bila ada yang belum sesuai, kembalikan ke "
                "penyusun dengan alasannya."))
        return cleaned

    @property
    def checklist_fields(self):
        return [self[name] for name, _label in CHECKLIST]


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pengembalian"), widget=textarea(3),
                             help_text=_("Tuliskan apa yang harus diperbaiki agar penyusun tahu langkah berikutnya."))
