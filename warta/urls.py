from django.contrib import admin
from django.urls import include, path

from warta.accounts.urls import signin_urlpatterns
from warta.core.health import health
from warta.core.language import set_language

urlpatterns = [
    path("", include(signin_urlpatterns)),  # masuk/, masuk/verifikasi/, masuk/pasang-2fa/, keluar/
    path("i18n/setlang/", set_language, name="set_language"),
    path("kesehatan/", health, name="health"),
    path("kelola/admin/", admin.site.urls),
    path("kelola/akun/", include("warta.accounts.urls")),
    path("kelola/", include("warta.office.urls")),
    path("api/", include("warta.api.urls")),
    path("", include("warta.portal.urls")),
]
