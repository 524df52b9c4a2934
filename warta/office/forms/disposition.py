from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from warta.accounts.models import Role
from warta.pos.models import PlanItem

from .base import DateInput, textarea


def holders(unit, role):
    return get_user_model().objects.filter(unit=unit, is_active=True, role_grants__role=role).distinct().order_by(
        "full_name", "username")


class DispositionForm(forms.Form):
    title = forms.CharField(label=_("Perihal"), max_length=300,
                            help_text=_("Misalnya “Pemutakhiran DIP Semester II 2026”."))
    instructions = forms.CharField(label=_("Isi disposisi"), widget=textarea(5),
                                   help_text=_("Tuliskan apa yang harus dikerjakan dan hal yang perlu diperhatikan."))
    addressee = forms.ModelChoiceField(label=_("Kepada (Pengolah Data dan Informasi)"), queryset=None,
                                       empty_label=_("— pilih pelaksana —"))
    verifier = forms.ModelChoiceField(label=_("Penelaah (Penelaah Teknis Kebijakan)"), queryset=None, required=False,
                                      empty_label=_("— antrean bersama penelaah —"),
                                      help_text=_("Kosongkan agar penelaah mana pun di unit dapat mengambilnya."))
    urgent = forms.BooleanField(label=_("Informasi serta merta (jalur segera)"), required=False,
                                help_text=_("Semua langkah dikerjakan sekaligus tanpa antre, dan tercatat sebagai "
                                            "jalur segera."))
    opened = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressee"].queryset = holders(unit, Role.PENGOLAH)
        self.fields["verifier"].queryset = holders(unit, Role.PENELAAH)


class PlanItemForm(forms.Form):
    title = forms.CharField(label=_("Informasi"), max_length=300, required=False)
    action = forms.ChoiceField(label=_("Jenis"), choices=PlanItem.Action.choices, initial=PlanItem.Action.CREATE)
    target_date = forms.DateField(label=_("Target selesai"), widget=DateInput, required=False)
    reference = forms.CharField(label=_("Nomor di DIP (bila pemutakhiran)"), max_length=80, required=False,
                                widget=forms.TextInput(attrs={"list": "informasi-dip", "inputmode": "numeric"}))
    note = forms.CharField(label=_("Catatan"), max_length=300, required=False)

    def has_changed(self):
        # A row counts as filled in when its title, date, reference or note has text: the default "Jenis" alone
        # does not make a blank row.
        return any(self.data.get(self.add_prefix(name), "").strip()
                   for name in ("title", "target_date", "reference", "note"))

    def clean(self):
        cleaned = super().clean()
        if self.has_changed():
            if not cleaned.get("title", "").strip():
                self.add_error("title", gettext("Tuliskan informasi yang akan disiapkan."))
            if not cleaned.get("target_date") and "target_date" not in self.errors:
                self.add_error("target_date", gettext("Isi target tanggal selesai."))
        return cleaned


PlanFormSet = forms.formset_factory(PlanItemForm, extra=3)
