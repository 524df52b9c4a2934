"""Every refusal of the accounts app, with its stable code and a plain Indonesian message."""

from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

USERNAME_TAKEN = ErrorCode("accounts.username_taken", _("Nama pengguna “%(username)s” sudah dipakai. Pilih nama lain."))
UNKNOWN_ROLE = ErrorCode("accounts.unknown_role", _("Peran “%(role)s” tidak dikenal. Peran yang ada: %(choices)s."))
ADMIN_REQUIRED = ErrorCode(
    "accounts.admin_required",
    _("Halaman ini hanya untuk Administrator. Minta administrator kantor Anda jika perlu mengubah sesuatu di sini."),
)
OWN_ADMIN_ROLE = ErrorCode(
    "accounts.own_admin_role",
    _("Anda tidak dapat mencabut peran Administrator dari akun Anda sendiri. Minta administrator lain melakukannya."),
)
DEACTIVATE_SELF = ErrorCode(
    "accounts.deactivate_self", _("Anda tidak dapat menonaktifkan akun Anda sendiri. Minta administrator lain.")
)
UNKNOWN_QUALIFICATION = ErrorCode(
    "accounts.unknown_qualification",
    _("Kualifikasi “%(code)s” tidak ada pada POS yang berlaku. Pilih salah satu dari daftar."),
)
UNIT_CODE_TAKEN = ErrorCode("accounts.unit_code_taken", _("Kode unit “%(code)s” sudah dipakai. Pilih kode lain."))
NO_OFFICE = ErrorCode(
    "accounts.no_office", _("Profil kantor belum diisi. Isi dan simpan profil kantor terlebih dahulu.")
)
DAY_OFF_TAKEN = ErrorCode("accounts.day_off_taken", _("Tanggal %(date)s sudah ada dalam daftar hari libur tambahan."))
OTP_INVALID = ErrorCode(
    "accounts.otp_invalid",
    _("Kode tidak cocok. Masukkan kode 6 angka yang sedang tampil di aplikasi autentikator, atau kode cadangan."),
)
OTP_ENROL_INVALID = ErrorCode(
    "accounts.otp_enrol_invalid",
    _("Kode tidak cocok. Pastikan jam di ponsel Anda tepat, lalu masukkan kode 6 angka yang sedang tampil."),
)
OTP_THROTTLED = ErrorCode(
    "accounts.otp_throttled",
    _("Terlalu banyak kode yang salah. Tunggu %(seconds)s detik, lalu coba lagi dengan kode yang baru."),
)
PROCEDURE_NOT_TEXT = ErrorCode(
    "accounts.procedure_not_text",
    _("Berkas ini bukan teks UTF-8, jadi tidak dapat dibaca sebagai berkas POS (YAML). Unggah berkas .yaml-nya."),
)
PROCEDURE_TOO_LARGE = ErrorCode(
    "accounts.procedure_too_large", _("Berkas POS terlalu besar (%(size)s). Ukuran paling besar %(limit)s.")
)
ALREADY_ENROLLED = ErrorCode(
    "accounts.already_enrolled",
    _("Akun ini sudah memiliki aplikasi autentikator. Masukkan kode dari aplikasi tersebut."),
)
