"""Forms of the sign-in pages, the account pages and the administrator screens.

Forms validate what was typed; the writes happen in warta.accounts.services. A ServiceError that names a
field is shown next to that field (``add_service_error``).
"""

import re

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.contrib.auth.password_validation import password_validators_help_text_html, validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from warta.core.errors import ServiceError

from .models import Office, Role, Unit
from .services import OFFICE_FIELDS

TIME_ZONES = [
    ("Asia/Jakarta", _("WIB — Waktu Indonesia Barat (Asia/Jakarta)")),
    ("Asia/Makassar", _("WITA — Waktu Indonesia Tengah (Asia/Makassar)")),
    ("Asia/Jayapura", _("WIT — Waktu Indonesia Timur (Asia/Jayapura)")),
]
WEEKDAYS = [
    ("1", _("Senin")),
    ("2", _("Selasa")),
    ("3", _("Rabu")),
    ("4", _("Kamis")),
    ("5", _("Jumat")),
    ("6", _("Sabtu")),
    ("7", _("Minggu")),
]
LOGO_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
LOGO_LIMIT = 1024 * 1024
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5


class WartaFormMixin:
    """Labels without a trailing colon; optional fields say so in their label."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not field.required and not isinstance(field.widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
                field.label = _("%(label)s (opsional)") % {"label": field.label}


def add_service_error(form: forms.Form, error: ServiceError) -> None:
    """Show a service's refusal next to the field it names, or above the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def lockout_message() -> str:
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    return gettext(
        "Terlalu banyak percobaan masuk yang gagal. Masuk dengan akun ini dikunci selama %(minutes)d menit. "
        "Tunggu, lalu coba lagi, atau hubungi administrator kantor Anda."
    ) % {"minutes": minutes}


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


# --- Sign-in ------------------------------------------------------------------------------------------------


class SignInForm(WartaFormMixin, forms.Form):
    username = forms.CharField(
        label=_("Nama pengguna"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Kata sandi"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        self.locked = False
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        user = authenticate(self.request, username=data["username"], password=data["password"])
        if user is None:
            if getattr(self.request, "axes_locked_out", False):
                self.locked = True
                raise ValidationError(lockout_message(), code="locked")
            raise ValidationError(
                _("Nama pengguna atau kata sandi tidak cocok. Periksa keduanya, lalu coba lagi."), code="invalid"
            )
        self.user = user
        return data


class OTPForm(WartaFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Kode verifikasi"),
        max_length=20,
        help_text=_("6 angka dari aplikasi autentikator di ponsel Anda, atau salah satu kode cadangan."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "size": 12,
                "class": "code-input",
            }
        ),
    )


class EnrolForm(WartaFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Kode 6 angka dari aplikasi"),
        max_length=10,
        help_text=_("Setelah memindai kode QR, aplikasi menampilkan 6 angka yang berganti setiap 30 detik."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8, "class": "code-input"}
        ),
    )


class _PasswordLabels:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Kata sandi baru")
        self.fields["new_password2"].label = _("Ulangi kata sandi baru")
        self.fields["new_password2"].help_text = _("Ketik sekali lagi kata sandi baru yang sama.")
        if "old_password" in self.fields:
            self.fields["old_password"].label = _("Kata sandi saat ini")
            self.fields["old_password"].widget.attrs.pop("autofocus", None)


class OwnPasswordChangeForm(_PasswordLabels, WartaFormMixin, PasswordChangeForm):
    """The user's own change: the current password, then the new one twice."""


class AdminSetPasswordForm(_PasswordLabels, WartaFormMixin, SetPasswordForm):
    """An administrator sets a new password for a user who forgot theirs."""


# --- Users ------------------------------------------------------------------------------------------------


def _roles_field():
    return forms.MultipleChoiceField(
        label=_("Peran"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Pengguna tanpa peran tidak dapat mengerjakan langkah POS."),
    )


def _unit_field():
    return forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.order_by("name"), required=False, empty_label=_("(tanpa unit)")
    )


class UserDetailsForm(WartaFormMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=200,
        help_text=_("Dengan gelar, seperti tertulis di surat: “Rahmawati, S.Sos.”"),
    )
    email = forms.EmailField(label=_("Surel"), required=False)
    nip = forms.CharField(
        label=_("NIP"), max_length=18, required=False, help_text=_("18 angka, tanpa spasi. Kosongkan bila bukan ASN.")
    )
    position = forms.CharField(label=_("Jabatan"), max_length=200, required=False)
    unit = _unit_field()
    roles = _roles_field()

    def clean_nip(self):
        nip = self.cleaned_data["nip"].replace(" ", "")
        if nip and not (nip.isdigit() and len(nip) == 18):
            raise ValidationError(_("NIP terdiri atas 18 angka. Periksa kembali, atau kosongkan."))
        return nip


class UserCreateForm(UserDetailsForm):
    username = forms.CharField(
        label=_("Nama pengguna"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Dipakai untuk masuk. Huruf, angka dan @ . + - _ saja, tanpa spasi."),
        widget=forms.TextInput(attrs={"autocapitalize": "none", "spellcheck": "false", "autocomplete": "off"}),
    )
    password1 = forms.CharField(
        label=_("Kata sandi awal"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi awal"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["username", "full_name", "email", "nip", "position", "unit", "roles", "password1", "password2"]

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Kedua kata sandi tidak sama. Ketik ulang keduanya."))
        elif first:
            candidate = get_user_model()(
                username=data.get("username", ""), full_name=data.get("full_name", ""), email=data.get("email", "")
            )
            try:
                validate_password(first, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class QualificationForm(WartaFormMixin, forms.Form):
    code = forms.ChoiceField(label=_("Kualifikasi"))
    obtained_on = forms.DateField(label=_("Tanggal diperoleh"), widget=_date_input())
    evidence = forms.CharField(
        label=_("Bukti"), max_length=300, required=False, help_text=_("Misalnya nama pelatihan atau nomor sertifikat.")
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = list(choices)


# --- Units ------------------------------------------------------------------------------------------------


class UnitForm(WartaFormMixin, forms.Form):
    name = forms.CharField(label=_("Nama unit"), max_length=200, help_text=_("Misalnya “PPID Pelaksana Bagian Umum”."))
    code = forms.SlugField(
        label=_("Kode"), max_length=40, help_text=_("Huruf kecil, angka dan tanda hubung, misalnya “ppid-umum”.")
    )


# --- The office profile -------------------------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(hex_colour: str) -> float:
    """WCAG 2.1 contrast ratio between the colour and white (text on the header, links on pages)."""
    return 1.05 / (_luminance(hex_colour) + 0.05)


class OfficeProfileForm(WartaFormMixin, forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Zona waktu"), choices=TIME_ZONES)
    work_days = forms.MultipleChoiceField(label=_("Hari kerja"), choices=WEEKDAYS, widget=forms.CheckboxSelectMultiple)
    website = forms.URLField(
        label=_("Situs web"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    accent_color = forms.CharField(
        label=_("Warna aksen"),
        max_length=7,
        help_text=_("Kode warna heksadesimal, misalnya #0b5394. Teks putih di atasnya harus tetap mudah dibaca."),
        widget=forms.TextInput(attrs={"size": 8, "autocomplete": "off", "spellcheck": "false"}),
    )

    class Meta:
        model = Office
        fields = list(OFFICE_FIELDS)  # the same fields the service saves
        widgets = {
            "parent_lines": forms.Textarea(attrs={"rows": 3}),
            "address": forms.Textarea(attrs={"rows": 2}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp,image/gif"}),
            "work_start": _time_input(),
            "work_end": _time_input(),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        help_texts = {
            "logo": _("PNG, JPEG, WebP atau GIF, paling besar 1 MB. Logo tampil di kepala setiap halaman."),
            "short_name": _("Dipakai bila ruang sempit, misalnya “BPMP Bengkulu”."),
            "city": _("Tempat penandatanganan surat, misalnya “Bengkulu”."),
        }
        error_messages = {
            "logo": {
                "invalid_image": _(
                    "Berkas ini bukan gambar yang sah. Unggah logo dalam format PNG, JPEG, WebP atau GIF."
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["work_days"] = [day.strip() for day in self.instance.work_days.split(",") if day.strip()]
        self.fields["work_start"].label = _("Jam kerja mulai")
        self.fields["work_end"].label = _("Jam kerja selesai")

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and "logo" in self.changed_data:
            image = getattr(logo, "image", None)
            if image is None or image.format not in LOGO_FORMATS:
                raise ValidationError(self.Meta.error_messages["logo"]["invalid_image"])
            if logo.size > LOGO_LIMIT:
                raise ValidationError(_("Logo terlalu besar. Unggah gambar paling besar 1 MB."))
        return logo

    def clean_accent_color(self):
        colour = self.cleaned_data["accent_color"].strip()
        if not HEX_COLOUR.match(colour):
            raise ValidationError(_("Tulis warna sebagai # diikuti 6 angka heksadesimal, misalnya #0b5394."))
        ratio = contrast_with_white(colour)
        if ratio < MIN_CONTRAST:
            shown = f"{ratio:.1f}".replace(".", ",")
            raise ValidationError(
                _(
                    "Warna ini terlalu terang: kontrasnya dengan teks putih hanya %(ratio)s:1, padahal minimal 4,5:1. "
                    "Pilih warna yang lebih gelap."
                )
                % {"ratio": shown}
            )
        return colour.lower()

    def clean_work_days(self):
        return ",".join(sorted(self.cleaned_data["work_days"]))

    def clean(self):
        data = super().clean()
        start, end = data.get("work_start"), data.get("work_end")
        if start and end and start >= end:
            self.add_error("work_end", _("Jam kerja selesai harus lebih lambat daripada jam kerja mulai."))
        return data

    def service_values(self) -> dict:
        """What save_office_profile takes: every field, the logo only when it changed (False = remove it)."""
        values = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "logo"}
        logo = self.cleaned_data.get("logo")
        values["logo"] = logo if ("logo" in self.changed_data or logo is False) else None
        return values


class DayOffForm(WartaFormMixin, forms.Form):
    date = forms.DateField(label=_("Tanggal"), widget=_date_input())
    description = forms.CharField(
        label=_("Keterangan"),
        max_length=200,
        help_text=_("Misalnya “Cuti bersama Idulfitri” atau “Hari jadi Provinsi”."),
    )


# --- The procedure file -----------------------------------------------------------------------------------


class ProcedureUploadForm(WartaFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Berkas POS (YAML)"),
        help_text=_(
            "Berkas .yaml dengan susunan yang sama seperti berkas POS yang berlaku. Versi yang berlaku "
            "tetap dipakai bila berkas baru ditolak."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,text/yaml,application/yaml"}),
    )
