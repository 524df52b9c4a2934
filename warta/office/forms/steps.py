from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .base import DateInput, textarea


class DelegationForm(forms.Form):
    to_user = forms.ChoiceField(label=_("Alihkan kepada"))
    reason = forms.CharField(label=_("Alasan berhalangan"), widget=textarea(3),
                             help_text=_("Misalnya: dinas luar kota 24–26 November 2026."))
    number = forms.CharField(label=_("Nomor surat (opsional)"), max_length=80, required=False,
                             help_text=_("Kosongkan agar nomor diberikan otomatis."))
    issued_on = forms.DateField(label=_("Tanggal surat (opsional)"), widget=DateInput, required=False)
    confirm_unqualified = forms.BooleanField(
        label=_("Saya tetap menugaskannya walaupun kualifikasi pelaksana belum lengkap"), required=False)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", gettext("— pilih pelaksana —"))]
        for user, missing in candidates:
            label = user.display_name
            if missing:
                label = ngettext("%(name)s (belum memiliki %(count)d kualifikasi)",
                                 "%(name)s (belum memiliki %(count)d kualifikasi)",
                                 len(missing)) % {"name": label, "count": len(missing)}
            choices.append((str(user.pk), label))
        self.fields["to_user"].choices = choices
        self.candidates = {str(user.pk): user for user, _missing in candidates}

    @property
    def asks_confirmation(self) -> bool:
        return "confirm_unqualified" in self.errors or bool(self.data.get(self.add_prefix("confirm_unqualified")))

    def chosen_user(self):
        return self.candidates.get(self.cleaned_data.get("to_user"))


class BreachExplanationForm(forms.Form):
    explanation = forms.CharField(label=_("Penjelasan penyimpangan"), widget=textarea(4),
                                  help_text=_("Tuliskan sebabnya dan langkah perbaikannya (minimal 20 karakter)."))


class InputForm(forms.Form):
    key = forms.ChoiceField(label=_("Kelengkapan"))
    reference = forms.CharField(label=_("Rujukan"), max_length=300,
                                help_text=_("Di mana kelengkapan ini disimpan, misalnya “Arsip 12/PPID/2026”."))
    note = forms.CharField(label=_("Catatan"), widget=textarea(2), required=False)

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].choices = [(item["key"], item["label"]) for item in items]


class CompleteForm(forms.Form):
    output_note = forms.CharField(label=_("Catatan output"), widget=textarea(2), required=False,
                                  help_text=_("Kosongkan untuk memakai output baku POS."))
    accept_missing = forms.BooleanField(
        label=_("Selesaikan walaupun kelengkapan belum ada (dicatat sebagai penyimpangan yang harus dijelaskan)"),
        required=False)
