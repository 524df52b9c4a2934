from django import forms

from .base import DateInput, textarea


class DelegationForm(forms.Form):
    to_user = forms.ChoiceField(label="Alihkan kepada")
    reason = forms.CharField(label="Alasan berhalangan", widget=textarea(3),
                             help_text="Misalnya: dinas luar kota 24–26 November 2026.")
    number = forms.CharField(label="Nomor surat (opsional)", max_length=80, required=False,
                             help_text="Kosongkan agar nomor diberikan otomatis.")
    issued_on = forms.DateField(label="Tanggal surat (opsional)", widget=DateInput, required=False)
    confirm_unqualified = forms.BooleanField(
        label="Saya tetap menugaskannya walaupun kualifikasi pelaksana belum lengkap", required=False)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "— pilih pelaksana —")]
        for user, missing in candidates:
            note = f" (belum memiliki {len(missing)} kualifikasi)" if missing else ""
            choices.append((str(user.pk), f"{user.display_name}{note}"))
        self.fields["to_user"].choices = choices
        self.candidates = {str(user.pk): user for user, _ in candidates}

    @property
    def asks_confirmation(self) -> bool:
        return "confirm_unqualified" in self.errors or bool(self.data.get(self.add_prefix("confirm_unqualified")))

    def chosen_user(self):
        return self.candidates.get(self.cleaned_data.get("to_user"))


class BreachExplanationForm(forms.Form):
    explanation = forms.CharField(label="Penjelasan penyimpangan", widget=textarea(4),
                                  help_text="Tuliskan sebabnya dan langkah perbaikannya (minimal 20 karakter).")


class InputForm(forms.Form):
    key = forms.ChoiceField(label="Kelengkapan")
    reference = forms.CharField(label="Rujukan", max_length=300,
                                help_text="Di mana kelengkapan ini disimpan, misalnya “Arsip 12/PPID/2026”.")
    note = forms.CharField(label="Catatan", widget=textarea(2), required=False)

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].choices = [(item["key"], item["label"]) for item in items]


class CompleteForm(forms.Form):
    output_note = forms.CharField(label="Catatan output", widget=textarea(2), required=False,
                                  help_text="Kosongkan untuk memakai output baku POS.")
    accept_missing = forms.BooleanField(
        label="Selesaikan walaupun kelengkapan belum ada (dicatat sebagai penyimpangan yang harus dijelaskan)",
        required=False)
