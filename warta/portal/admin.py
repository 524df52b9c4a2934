"""Public pages in the Django admin for now; every save and delete goes through the audited service."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from warta.core.errors import ServiceError

from . import services
from .models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "updated_at", "updated_by"]
    fields = ["slug", "title", "body"]
    readonly_fields: list[str] = []

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []

    def save_model(self, request, obj, form, change):
        try:
            saved = services.save_page(request.user, obj.slug, title=obj.title, body=obj.body)
        except ServiceError as error:
            raise ValidationError(error.message) from error
        obj.pk, obj.updated_at, obj.updated_by = saved.pk, saved.updated_at, saved.updated_by

    def delete_model(self, request, obj):
        services.delete_page(request.user, obj)

    def delete_queryset(self, request, queryset):
        for page in queryset:
            services.delete_page(request.user, page)
        messages.info(request, _("Halaman dihapus."))
