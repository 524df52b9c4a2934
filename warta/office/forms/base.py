"""Shared widgets and helpers: native date/time inputs, and formsets that grow by a plain submit button."""

from django import forms
from django.core import signing

DATE_WIDGET_FORMAT = "%Y-%m-%d"
OPENED_SALT = "warta.office.opened"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATE_WIDGET_FORMAT)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def sign_opened(moment) -> str:
    """When a form was first shown, signed so a step's measured time cannot be shortened by editing the page."""
    return signing.dumps(moment.isoformat(), salt=OPENED_SALT)


def read_opened(token: str):
    from datetime import datetime

    try:
        return datetime.fromisoformat(signing.loads(token, salt=OPENED_SALT, max_age=7 * 24 * 3600))
    except (signing.BadSignature, ValueError, TypeError):
        return None


def grown_formset(formset_class, data, prefix: str, *, extra: int = 1, **kwargs):
    """An unbound formset showing what was typed plus ``extra`` blank rows (the "Tambah baris" button, no JS)."""
    probe = formset_class(data, prefix=prefix, **kwargs)
    initial = []
    for form in probe.forms:
        values = {name: form.data.get(form.add_prefix(name)) for name in form.fields}
        values = {name: value for name, value in values.items() if value not in (None, "")}
        if values:
            initial.append(values)
    grown = type(formset_class.__name__, (formset_class,), {"extra": extra + max(0, probe.total_form_count()
                                                                                 - len(initial))})
    return grown(initial=initial, prefix=prefix, **kwargs)


def filled_forms(formset) -> list:
    """The rows someone typed into (blank rows of a formset are skipped, not refused)."""
    return [form for form in formset.forms if form.has_changed() and not form.cleaned_data.get("DELETE")]
