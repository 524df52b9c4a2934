"""Halaman publik: the PPID writes the service declaration (maklumat) and the PPID profile, with a preview."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from warta.core.errors import ServiceError
from warta.portal.markup import render as render_markup
from warta.portal.models import PageSlug
from warta.portal.services import EDITOR_ROLES, page_text, save_page

from ..access import StaffMixin, add_service_error
from ..forms.pages import PageForm


class PageList(StaffMixin, View):
    roles = EDITOR_ROLES

    def get(self, request):
        return render(request, "office/pages.html", {"pages": [page_text(slug, request) for slug in PageSlug.values]})


class PageEdit(StaffMixin, View):
    roles = EDITOR_ROLES

    def dispatch(self, request, slug, *args, **kwargs):
        if slug not in PageSlug.values:
            raise Http404
        return super().dispatch(request, slug, *args, **kwargs)

    def render(self, request, text, form, preview=None):
        return render(request, "office/page_form.html", {"text": text, "form": form, "preview": preview})

    def get(self, request, slug):
        text = page_text(slug, request)
        return self.render(request, text, PageForm(initial={"title": text.title, "body": text.body}))

    def post(self, request, slug):
        text = page_text(slug, request)
        form = PageForm(request.POST)
        if not form.is_valid():
            return self.render(request, text, form)
        if "pratinjau" in request.POST:
            return self.render(request, text, form, preview=render_markup(form.cleaned_data["body"]))
        try:
            save_page(request.user, slug, title=form.cleaned_data["title"], body=form.cleaned_data["body"])
        except ServiceError as error:
            add_service_error(form, error)
            return self.render(request, text, form)
        messages.success(request, _("Halaman disimpan dan sudah tampil di situs publik."))
        return HttpResponseRedirect(reverse("office:pages"))
