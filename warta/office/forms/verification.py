from django import forms

from .base import textarea

CHECKLIST = [
    ("correct", "Informasi benar dan sesuai sumbernya"),
    ("complete", "Informasi dan lampirannya lengkap"),
    ("category", "Kategori informasi tepat"),
    ("no_exempt", "Tidak memuat informasi yang dikecualikan"),
    ("pii_handled", "Temuan data pribadi sudah ditangani"),
    ("accessible", "Format dokumen dapat diakses (teks dapat dibaca dan dicari)"),
]


class ApproveForm(forms.Form):
    note = forms.CharField(label="Catatan verifikasi", widget=textarea(2), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in CHECKLIST:
            self.fields[name] = forms.BooleanField(label=label, required=False)
        self.order_fields([name for name, _ in CHECKLIST] + ["note"])

    def clean(self):
        cleaned = super().clean()
        unticked = [name for name, _ in CHECKLIST if not cleaned.get(name)]
        for name in unticked:
            self.add_error(name, "Belum dicentang.")
        if unticked:
            raise forms.ValidationError(
                "Centang semua butir pemeriksaan sebelum menyetujui. Bila ada yang belum sesuai, kembalikan ke "
                "penyusun dengan alasannya.")
        return cleaned

    @property
    def checklist_fields(self):
        return [self[name] for name, _ in CHECKLIST]


class ReturnForm(forms.Form):
    reason = forms.CharField(label="Alasan pengembalian", widget=textarea(3),
                             help_text="Tuliskan apa yang harus diperbaiki agar penyusun tahu langkah berikutnya.")
