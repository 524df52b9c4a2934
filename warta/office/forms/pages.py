"""The public page editor's form: the fields of warta.portal.services.save_page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from warta.portal.models import Page

from .base import textarea


class PageForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=Page._meta.get_field("title").max_length)
    body = forms.CharField(label=_("Isi"), widget=textarea(18), help_text=Page._meta.get_field("body").help_text)
