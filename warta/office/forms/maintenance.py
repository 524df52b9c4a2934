from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from warta.upkeep.models import CheckItem


class ChecklistForm(forms.Form):
    """One tick and one note per maintenance item."""

    note = forms.CharField(label=_("Catatan pemeliharaan"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, hints=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.hints = hints or {}
        for item in CheckItem:
            self.fields[f"done_{item.value}"] = forms.BooleanField(label=item.label, required=False)
            self.fields[f"note_{item.value}"] = forms.CharField(
                label=gettext("Catatan: %(item)s") % {"item": item.label}, max_length=500, required=False)
        self.order_fields([name for item in CheckItem for name in (f"done_{item.value}", f"note_{item.value}")]
                          + ["note"])

    @staticmethod
    def initial_for(round_) -> dict:
        values = {"note": round_.note}
        for check in round_.checks.all():
            values[f"done_{check.item}"] = check.done
            values[f"note_{check.item}"] = check.note
        return values

    @property
    def rows(self):
        return [(self[f"done_{item.value}"], self[f"note_{item.value}"], self.hints.get(item.value, ""))
                for item in CheckItem]

    def values(self):
        from warta.upkeep.services import CheckValue

        return {item.value: CheckValue(self.cleaned_data[f"done_{item.value}"], self.cleaned_data[f"note_{item.value}"])
                for item in CheckItem}
