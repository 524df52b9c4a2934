from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from warta.announcements.models import SERTA_MERTA_PARTS
from warta.core.formats import format_filesize
from warta.documents.models import Document
from warta.registry.models import Category

from .base import DateInput, TimeInput, textarea
from .drafting import OPEN_CATEGORIES


class AnnouncementForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=300)
    summary = forms.CharField(label=_("Ringkasan"), max_length=500, widget=textarea(2),
                              help_text=_("Satu atau dua kalimat yang tampil di daftar pengumuman."))
    body = forms.CharField(label=_("Isi pengumuman"), widget=textarea(8),
                           help_text=_("Gunakan bahasa Indonesia yang baik, benar, dan mudah dipahami."))
    category = forms.ChoiceField(label=_("Kategori"), choices=OPEN_CATEGORIES)
    danger = forms.CharField(label=SERTA_MERTA_PARTS["danger"], widget=textarea(2), required=False)
    affected = forms.CharField(label=SERTA_MERTA_PARTS["affected"], widget=textarea(2), required=False)
    evacuation = forms.CharField(label=SERTA_MERTA_PARTS["evacuation"], widget=textarea(2), required=False)
    avoidance = forms.CharField(label=SERTA_MERTA_PARTS["avoidance"], widget=textarea(2), required=False)
    help_contact = forms.CharField(label=SERTA_MERTA_PARTS["help_contact"], widget=textarea(2), required=False)
    urgent_date = forms.DateField(label=_("Tampil di atas sampai tanggal"), widget=DateInput, required=False)
    urgent_time = forms.TimeField(label=_("Jam"), widget=TimeInput, required=False)

    PARTS = tuple(SERTA_MERTA_PARTS)

    def __init__(self, *args, time_zone=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_zone = time_zone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("category") == Category.SERTA_MERTA:
            for name in self.PARTS:
                if not cleaned.get(name, "").strip() and name not in self.errors:
                    self.add_error(name, gettext("Wajib diisi untuk informasi serta merta."))
        day, moment = cleaned.get("urgent_date"), cleaned.get("urgent_time")
        cleaned["urgent_until"] = None
        if day:
            cleaned["urgent_until"] = timezone.make_aware(
                datetime.combine(day, moment or datetime.max.time().replace(microsecond=0)), self.time_zone)
        return cleaned

    def values(self) -> dict:
        names = ["title", "summary", "body", "category", *self.PARTS]
        return {**{name: self.cleaned_data[name] for name in names}, "urgent_until": self.cleaned_data["urgent_until"]}

    @staticmethod
    def initial_for(announcement, time_zone) -> dict:
        values = {name: getattr(announcement, name) for name in ["title", "summary", "body", "category",
                                                                  *SERTA_MERTA_PARTS]}
        if announcement.urgent_until:
            local = timezone.localtime(announcement.urgent_until, time_zone)
            values.update(urgent_date=local.date(), urgent_time=local.time().replace(second=0, microsecond=0))
        return values

    @property
    def part_fields(self):
        return [self[name] for name in self.PARTS]


class AttachDocumentForm(forms.Form):
    """Pick a document already in the office's register."""

    document = forms.ModelChoiceField(label=_("Dokumen dari daftar informasi"), queryset=Document.objects.none(),
                                      empty_label=_("— pilih dokumen —"))

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["document"]
        field.queryset = documents if documents is not None else Document.objects.none()
        field.label_from_instance = lambda document: (
            f"{document.original_name} · {format_filesize(document.size)} · {document.uploaded_at:%d-%m-%Y}")


class AttachUploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas dokumen"),
                           help_text=_("Berkas diperiksa seperti lampiran informasi: jenis, virus, teks, dan data "
                                       "pribadi."))
