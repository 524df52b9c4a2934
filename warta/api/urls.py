from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("", views.index, name="index"),
    path("dcat.json", views.dcat_catalogue, name="dcat"),
    path("v1/openapi.json", views.openapi_document, name="openapi"),
    path("v1/entries", views.entry_list, name="entries"),
    path("v1/entries/<int:entry_id>", views.entry_detail, name="entry"),
    path("v1/announcements", views.announcement_list, name="announcements"),
    path("v1/announcements/<int:announcement_id>", views.announcement_detail, name="announcement"),
    path("v1/documents", views.document_list, name="documents"),
    path("v1/documents/<int:document_id>", views.document_detail, name="document"),
    path("v1/editions", views.edition_list, name="editions"),
    path("v1/editions/<int:edition_id>", views.edition_detail, name="edition"),
    path("v1/editions/<int:edition_id>/snapshot", views.edition_snapshot, name="edition-snapshot"),
]
