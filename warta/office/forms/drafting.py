from django import forms

from warta.registry.importing import parse_links
from warta.registry.models import Category

from .base import textarea

OPEN_CATEGORIES = [choice for choice in Category.choices if choice[0] != Category.DIKECUALIKAN]


class EntryForm(forms.Form):
    """The seven DIP columns of Perki 1/2021 Ps 21(2), then category, year and legal basis."""

    title = forms.CharField(label="Ringkasan isi informasi", max_length=500, widget=textarea(2))
    summary = forms.CharField(label="Uraian", widget=textarea(3), required=False)
    holder = forms.CharField(label="Pejabat atau unit yang menguasai informasi", max_length=300)
    responsible = forms.CharField(label="Penanggung jawab pembuatan atau penerbitan informasi", max_length=300)
    made_when = forms.CharField(label="Waktu pembuatan informasi", max_length=120, required=False,
                                help_text="Misalnya “Januari 2026”.")
    made_where = forms.CharField(label="Tempat pembuatan informasi", max_length=200, required=False)
    form_printed = forms.BooleanField(label="Tersedia tercetak (hardcopy)", required=False)
    form_digital = forms.BooleanField(label="Tersedia terekam/daring (softcopy)", required=False, initial=True)
    retention = forms.CharField(label="Jangka waktu penyimpanan atau retensi arsip", max_length=200, required=False)
    category = forms.ChoiceField(label="Kategori", choices=[("", "— pilih kategori —"), *OPEN_CATEGORIES])
    year = forms.IntegerField(label="Tahun", min_value=1945, max_value=2100, required=False)
    legal_basis = forms.CharField(label="Dasar hukum", widget=textarea(2), required=False)
    links = forms.CharField(label="Tautan", widget=textarea(2), required=False,
                            help_text="Satu tautan per baris, boleh diawali keterangan: “Salinan SK: https://…”.")
    reason = forms.CharField(label="Alasan perubahan", widget=textarea(2), required=False,
                             help_text="Wajib diisi saat mengubah informasi; tampil di riwayat perubahan.")

    REGISTER = ("title", "summary", "holder", "responsible", "made_when", "made_where", "form_printed", "form_digital",
                "retention", "category", "year", "legal_basis", "links")

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if editing:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]

    def clean_links(self):
        links, leftover = parse_links(self.cleaned_data.get("links", ""))
        if leftover:
            raise forms.ValidationError(f"Baris ini tidak berisi alamat tautan: “{leftover}”. Tulis alamat lengkap "
                                        "yang diawali https://.")
        return links

    def register_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.REGISTER}

    @staticmethod
    def initial_for(entry) -> dict:
        values = {name: getattr(entry, name) for name in EntryForm.REGISTER}
        values["links"] = "\n".join(f"{link.get('label')}: {link['url']}" if link.get("label") else link["url"]
                                    for link in entry.links or [] if link.get("url"))
        return values


class ImportForm(forms.Form):
    file = forms.FileField(label="Berkas daftar informasi (XLSX atau CSV)")
    default_category = forms.ChoiceField(
        label="Kategori bila baris tidak menyebutkannya", required=False,
        choices=[("", "— tidak ada (baris tanpa kategori ditolak) —"), *OPEN_CATEGORIES])


class UploadForm(forms.Form):
    file = forms.FileField(label="Berkas dokumen")
    label = forms.CharField(label="Keterangan lampiran", max_length=300, required=False,
                            help_text="Misalnya “Salinan SK yang ditandatangani”.")


class ReplaceForm(forms.Form):
    file = forms.FileField(label="Berkas pengganti",
                           help_text="Misalnya berkas yang data pribadinya sudah dihitamkan. Berkas diperiksa ulang.")


class ClearFindingForm(forms.Form):
    note = forms.CharField(label="Alasan temuan ini boleh diumumkan", widget=textarea(2))
