from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .base import DateInput, TimeInput


class PublishForm(forms.Form):
    NOW, LATER = "sekarang", "terjadwal"
    when = forms.ChoiceField(label=_("Waktu terbit"), widget=forms.RadioSelect, initial=NOW,
                             choices=[(NOW, _("Terbitkan sekarang")),
                                      (LATER, _("Terbitkan pada tanggal dan jam tertentu"))])
    date = forms.DateField(label=_("Tanggal terbit"), widget=DateInput, required=False)
    time = forms.TimeField(label=_("Jam terbit"), widget=TimeInput, required=False)

    def __init__(self, *args, time_zone=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_zone = time_zone

    def clean(self):
        cleaned = super().clean()
        cleaned["publish_at"] = None
        if cleaned.get("when") != self.LATER:
            return cleaned
        day, moment = cleaned.get("date"), cleaned.get("time")
        if day is None and "date" not in self.errors:
            self.add_error("date", gettext("Isi tanggal terbit."))
        if moment is None and "time" not in self.errors:
            self.add_error("time", gettext("Isi jam terbit."))
        if day and moment:
            at = timezone.make_aware(datetime.combine(day, moment), self.time_zone)
            if at <= timezone.now():
                self.add_error("date", gettext("Waktu terbit sudah lewat. Pilih waktu yang akan datang, atau "
                                               "terbitkan sekarang."))
            cleaned["publish_at"] = at
        return cleaned
