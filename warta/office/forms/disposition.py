from django import forms
from django.contrib.auth import get_user_model

from warta.accounts.models import Role
from warta.pos.models import PlanItem

from .base import DateInput, textarea


def holders(unit, role):
    return get_user_model().objects.filter(unit=unit, is_active=True, role_grants__role=role).distinct().order_by(
        "full_name", "username")


class DispositionForm(forms.Form):
    title = forms.CharField(label="Perihal", max_length=300,
                            help_text="Misalnya “Pemutakhiran DIP Semester II 2026”.")
    instructions = forms.CharField(label="Isi disposisi", widget=textarea(5),
                                   help_text="Tuliskan apa yang harus dikerjakan dan hal yang perlu diperhatikan.")
    addressee = forms.ModelChoiceField(label="Kepada (Pengolah Data dan Informasi)", queryset=None,
                                       empty_label="— pilih pelaksana —")
    verifier = forms.ModelChoiceField(label="Penelaah (Penelaah Teknis Kebijakan)", queryset=None, required=False,
                                      empty_label="— antrean bersama penelaah —",
                                      help_text="Kosongkan agar penelaah mana pun di unit dapat mengambilnya.")
    urgent = forms.BooleanField(label="Informasi serta merta (jalur segera)", required=False,
                                help_text="Semua langkah dikerjakan sekaligus tanpa antre, dan tercatat sebagai "
                                          "jalur segera.")
    opened = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressee"].queryset = holders(unit, Role.PENGOLAH)
        self.fields["verifier"].queryset = holders(unit, Role.PENELAAH)


class PlanItemForm(forms.Form):
    title = forms.CharField(label="Informasi", max_length=300, required=False)
    action = forms.ChoiceField(label="Jenis", choices=PlanItem.Action.choices, initial=PlanItem.Action.CREATE)
    target_date = forms.DateField(label="Target selesai", widget=DateInput, required=False)
    reference = forms.CharField(label="Nomor di DIP (bila pemutakhiran)", max_length=80, required=False,
                                widget=forms.TextInput(attrs={"list": "informasi-dip", "inputmode": "numeric"}))
    note = forms.CharField(label="Catatan", max_length=300, required=False)

    def has_changed(self):
        # A row counts as filled in when its title, date, reference or note has text: the default "Jenis" alone
        # does not make a blank row.
        return any(self.data.get(self.add_prefix(name), "").strip()
                   for name in ("title", "target_date", "reference", "note"))

    def clean(self):
        cleaned = super().clean()
        if self.has_changed():
            if not cleaned.get("title", "").strip():
                self.add_error("title", "Tuliskan informasi yang akan disiapkan.")
            if not cleaned.get("target_date") and "target_date" not in self.errors:
                self.add_error("target_date", "Isi target tanggal selesai.")
        return cleaned


PlanFormSet = forms.formset_factory(PlanItemForm, extra=3)
