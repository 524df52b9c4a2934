"""/kelola/akun/: the user's own account and the administrator screens (namespace "accounts").

The sign-in pages (/masuk/…, /keluar/) are mounted at the root by warta/urls.py.
"""

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("kata-sandi/", views.password_change, name="password_change"),
    path("keluar-semua/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("kode-cadangan/", views.backup_codes, name="backup_codes"),
    path("pengguna/", views.users, name="users"),
    path("pengguna/baru/", views.user_create, name="user_create"),
    path("pengguna/<int:pk>/", views.user_edit, name="user_edit"),
    path("pengguna/<int:pk>/status/", views.user_status, name="user_status"),
    path("pengguna/<int:pk>/kata-sandi/", views.user_password, name="user_password"),
    path("pengguna/<int:pk>/atur-ulang-2fa/", views.user_reset_two_factor, name="user_reset_two_factor"),
    path("pengguna/<int:pk>/kualifikasi/", views.qualification_add, name="qualification_add"),
    path("pengguna/<int:pk>/kualifikasi/<slug:code>/hapus/", views.qualification_remove, name="qualification_remove"),
    path("unit/", views.units, name="units"),
    path("unit/<int:pk>/", views.unit_edit, name="unit_edit"),
    path("kantor/", views.office_profile, name="office"),
    path("kantor/libur/", views.day_off_add, name="day_off_add"),
    path("kantor/libur/<int:pk>/hapus/", views.day_off_remove, name="day_off_remove"),
    path("prosedur/", views.procedures, name="procedures"),
    path("prosedur/<int:pk>/berkas/", views.procedure_source, name="procedure_source"),
]

# Mounted at the site's root by warta/urls.py: the names "login" and "logout" are used by every layout.
signin_urlpatterns = [
    path("masuk/", views.sign_in, name="login"),
    path("masuk/verifikasi/", views.verify, name="login_verify"),
    path("masuk/pasang-2fa/", views.enrol, name="login_enrol"),
    path("keluar/", views.sign_out, name="logout"),
]
