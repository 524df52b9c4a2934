from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

USERNAME_TAKEN = ErrorCode("accounts.username_taken", _("Nama pengguna “%(username)s” sudah dipakai. Pilih nama lain."))
UNKNOWN_ROLE = ErrorCode("accounts.unknown_role", _("Peran “%(role)s” tidak dikenal. Peran yang ada: %(choices)s."))
