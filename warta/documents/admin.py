"""Read-only views for administrators: changes go through the services (upload, replace, clear)."""

from django.contrib import admin

from .models import Document, DocumentVersion, PIIFinding


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PIIFindingInline(admin.TabularInline):
    model = PIIFinding
    extra = 0
    can_delete = False
    fields = ["kind", "page", "masked_value", "snippet", "cleared_by", "cleared_at", "cleared_note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DocumentVersionInline(admin.TabularInline):
    model = DocumentVersion
    extra = 0
    can_delete = False
    fields = ["number", "original_name", "media_type", "size", "sha256", "uploaded_by", "uploaded_at",
              "verified_by", "verified_at", "published_at"]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "media_type", "size", "text_status", "pii_status", "malware_status",
                    "uploaded_by", "uploaded_at"]  # fmt: skip
    list_filter = ["text_status", "pii_status", "malware_status", "media_type"]
    search_fields = ["original_name", "sha256"]
    date_hierarchy = "uploaded_at"
    exclude = ["text"]
    inlines = [DocumentVersionInline, PIIFindingInline]


@admin.register(PIIFinding)
class PIIFindingAdmin(ReadOnlyAdmin):
    list_display = ["document", "kind", "page", "masked_value", "cleared_by", "cleared_at"]
    list_filter = ["kind", ("cleared_at", admin.EmptyFieldListFilter)]
    search_fields = ["document__original_name"]
    list_select_related = ["document", "cleared_by"]
