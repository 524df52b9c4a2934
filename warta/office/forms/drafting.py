from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from warta.registry.importing import parse_links
from warta.registry.models import Category

from .base import textarea

OPEN_CATEGORIES = [choice for choice in Category.choices if choice[0] != Category.DIKECUALIKAN]


class EntryForm(forms.Form):
    """The seven DIP columns of Perki 1/2021 Ps 21(2), then category, year and legal basis."""

    title = forms.CharField(label=_("Ringkasan isi informasi"), max_length=500, widget=textarea(2))
    summary = forms.CharField(label=_("Uraian"), widget=textarea(3), required=False)
    holder = forms.CharField(label=_("Pejabat atau unit yang menguasai informasi"), max_length=300)
    responsible = forms.CharField(label=_("Penanggung jawab pembuatan atau penerbitan informasi"), max_length=300)
    made_when = forms.CharField(label=_("Waktu pembuatan informasi"), max_length=120, required=False,
                                help_text=_("Misalnya “Januari 2026”."))
    made_where = forms.CharField(label=_("Tempat pembuatan informasi"), max_length=200, required=False)
    form_printed = forms.BooleanField(label=_("Tersedia tercetak (hardcopy)"), required=False)
    form_digital = forms.BooleanField(label=_("Tersedia terekam/daring (softcopy)"), required=False, initial=True)
    retention = forms.CharField(label=_("Jangka waktu penyimpanan atau retensi arsip"), max_length=200, required=False)
    category = forms.ChoiceField(label=_("Kategori"), choices=[("", _("— pilih kategori —")), *OPEN_CATEGORIES])
    year = forms.IntegerField(label=_("Tahun"), min_value=1945, max_value=2100, required=False)
    legal_basis = forms.CharField(label=_("Dasar hukum"), widget=textarea(2), required=False)
    links = forms.CharField(label=_("Tautan"), widget=textarea(2), required=False,
                            help_text=_("Satu tautan per baris, boleh diawali keterangan: “Salinan SK: https://…”."))
    reason = forms.CharField(label=_("Alasan perubahan"), widget=textarea(2), required=False,
                             help_text=_("Wajib diisi saat mengubah informasi; tampil di riwayat perubahan."))

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
            raise forms.ValidationError(
                gettext("Baris ini tidak berisi alamat tautan: “%(line)s”. Tulis alamat lengkap yang diawali https://.")
                % {"line": leftover})
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
    file = forms.FileField(label=_("Berkas daftar informasi (XLSX atau CSV)"))
    default_category = forms.ChoiceField(
        label=_("Kategori bila baris tidak menyebutkannya"), required=False,
        choices=[("", _("— tidak ada (baris tanpa kategori ditolak) —")), *OPEN_CATEGORIES])


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas dokumen"))
    label = forms.CharField(label=_("Keterangan lampiran"), max_length=300, required=False,
                            help_text=_("Misalnya “Salinan SK yang ditandatangani”."))


class ReplaceForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas pengganti"),
        help_text=_("Misalnya berkas yang data pribadinya sudah dihitamkan. Berkas diperiksa ulang."))


class ClearFindingForm(forms.Form):
    note = forms.CharField(label=_("Alasan temuan ini boleh diumumkan"), widget=textarea(2))
