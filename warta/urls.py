from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from warta.core.health import health

urlpatterns = [
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("kesehatan/", health, name="health"),
    path("kelola/admin/", admin.site.urls),
    path("kelola/akun/", include("warta.accounts.urls")),
    path("kelola/", include("warta.office.urls")),
    path("api/", include("warta.api.urls")),
    path("", include("warta.portal.urls")),
]
