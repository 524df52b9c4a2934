"""Pages: signing in and out (/masuk/, /keluar/), the user's own account and the administrator screens.

Every write goes through warta.accounts.services; a refusal (ServiceError) is shown next to its field.
"""

from datetime import date
from functools import wraps
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth import get_user_model, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from warta.core.errors import ServiceError
from warta.core.formats import format_date

from . import services
from .forms import (
    AdminSetPasswordForm,
    DayOffForm,
    EnrolForm,
    OfficeProfileForm,
    OTPForm,
    OwnPasswordChangeForm,
    ProcedureUploadForm,
    QualificationForm,
    SignInForm,
    UnitForm,
    UserCreateForm,
    UserDetailsForm,
    add_service_error,
    contrast_with_white,
    lockout_message,
)
from .models import ExtraDayOff, Office, Qualification, Role, Unit
from .qr import qr_svg, secret_for_typing, totp_url
from .signin import (
    BACKUP_CODES_KEY,
    ENROL_KEY,
    complete_sign_in,
    has_authenticator,
    next_after,
    remember_epoch,
    safe_next,
    start_pending,
    user_to_verify,
)

POST_ONLY = ("POST",)


def _data(request):
    return request.POST if request.method in POST_ONLY else None


def _files(request):
    return request.FILES if request.method in POST_ONLY else None


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


# --- Signing in -------------------------------------------------------------------------------------------


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def sign_in(request):
    """Step 1: user name and password. django-axes counts failures and locks the name after too many."""
    next_url = safe_next(request)
    if request.user.is_authenticated and request.user.is_verified():
        return redirect(next_url)
    form = SignInForm(request, data=_data(request))
    if request.method in POST_ONLY and form.is_valid():
        if request.user.is_authenticated:  # a half-finished session (password only) of someone else: end it
            logout(request)
        start_pending(request, form.user, next_url)
        return redirect("login_verify" if has_authenticator(form.user) else "login_enrol")
    response = render(
        request, "accounts/sign_in.html", {"form": form, "next": next_url}, status=429 if form.locked else 200
    )
    response.warta_lockout_shown = form.locked
    return response


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page with the Indonesian lock message, never axes' English page."""
    if getattr(original_response, "warta_lockout_shown", False):
        return original_response
    form = SignInForm(request, initial={"username": (credentials or {}).get("username", "")})
    context = {"form": form, "next": safe_next(request), "lock_message": lockout_message()}
    return render(request, "accounts/sign_in.html", context, status=429)


def _back_to_password(request):
    if request.user.is_authenticated:  # already signed in with both factors
        return redirect(next_after(request))
    messages.info(request, _("Masukkan nama pengguna dan kata sandi Anda terlebih dahulu."))
    return redirect_to_login(next_after(request), reverse("login"))


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def verify(request):
    """Step 2 for a user with an authenticator: its 6-digit code, or one backup code."""
    user = user_to_verify(request)
    if user is None:
        return _back_to_password(request)
    if not has_authenticator(user):
        return redirect(_with_next("login_enrol", next_after(request)))
    form = OTPForm(data=_data(request))
    if request.method in POST_ONLY and form.is_valid():
        try:
            device = services.verify_second_factor(user, form.cleaned_data["code"])
        except ServiceError as error:
            add_service_error(form, error)
        else:
            next_url = next_after(request)
            complete_sign_in(request, user, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _(
                        "Anda masuk dengan kode cadangan. Sisa kode cadangan: %(left)s. Buat "
                        "kode cadangan baru di halaman Akun Saya."
                    )
                    % {"left": left},
                )
            return redirect(next_url)
    return render(request, "accounts/verify.html", {"form": form, "next": next_after(request), "person": user})


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def enrol(request):
    """Step 2 for a user without an authenticator: scan the QR code (or type the secret), confirm one code."""
    user = user_to_verify(request)
    if user is None:
        return _back_to_password(request)
    if has_authenticator(user):
        return redirect(_with_next("login_verify", next_after(request)))
    state = request.session.get(ENROL_KEY)
    if not state or state.get("user") != user.pk:
        state = {"user": user.pk, "key": default_key()}
        request.session[ENROL_KEY] = state
    form = EnrolForm(data=_data(request))
    if request.method in POST_ONLY and form.is_valid():
        try:
            device, codes = services.enrol_totp(user, state["key"], form.cleaned_data["code"])
        except ServiceError as error:
            add_service_error(form, error)
        else:
            next_url = next_after(request)
            complete_sign_in(request, user, device)
            request.session[BACKUP_CODES_KEY] = codes
            return redirect(_with_next("accounts:backup_codes", next_url))
    office = services.current_office()
    issuer = (office.short_name or office.name) if office else "Warta"
    context = {
        "form": form,
        "next": next_after(request),
        "person": user,
        "qr": qr_svg(
            totp_url(state["key"], user.get_username(), issuer),
            _("Kode QR untuk aplikasi autentikator akun %(user)s") % {"user": user.get_username()},
        ),
        "secret": secret_for_typing(state["key"]),
        "issuer": issuer,
    }
    return render(request, "accounts/enrol.html", context)


@csrf_protect
@never_cache
def sign_out(request):
    """Keluar: a POST ends this session; a GET asks first (works without JavaScript)."""
    if request.method in POST_ONLY:
        logout(request)
        messages.success(request, _("Anda telah keluar."))
        return redirect("login")
    if not request.user.is_authenticated:
        return redirect("login")
    return render(request, "accounts/sign_out.html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a stale or cookieless form, explained in Indonesian."""
    return render(request, "accounts/csrf_failure.html", status=403)


# --- The user's own account -------------------------------------------------------------------------------


def _backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@login_required
@never_cache
def account(request):
    user = request.user
    context = {
        "authenticator": TOTPDevice.objects.filter(user=user, confirmed=True).first(),
        "backup_left": _backup_codes_left(user),
        "roles": [Role(role).label for role in sorted(user.role_set())],
    }
    return render(request, "accounts/account.html", context)


@sensitive_post_parameters()
@csrf_protect
@login_required
@never_cache
def password_change(request):
    form = OwnPasswordChangeForm(request.user, data=_data(request))
    if request.method in POST_ONLY and form.is_valid():
        services.change_password(request.user, request.user, form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)
        remember_epoch(request, request.user)
        messages.success(request, _("Kata sandi Anda telah diubah. Sesi di perangkat lain telah diakhiri."))
        return redirect("accounts:account")
    return render(request, "accounts/password_change.html", {"form": form})


@require_POST
@login_required
def sign_out_everywhere(request):
    services.sign_out_everywhere(request.user, request.user)
    logout(request)
    messages.success(request, _("Anda telah keluar dari semua perangkat, termasuk perangkat ini."))
    return redirect("login")


@login_required
@never_cache
def backup_codes(request):
    """New backup codes are shown here once (they are kept in the session only until this page shows them)."""
    if request.method in POST_ONLY:
        request.session[BACKUP_CODES_KEY] = services.regenerate_backup_codes(request.user, request.user)
        return redirect("accounts:backup_codes")
    codes = request.session.pop(BACKUP_CODES_KEY, None)
    context = {
        "codes": codes,
        "backup_left": _backup_codes_left(request.user),
        "next": safe_next(request) if request.GET.get("next") else "",
    }
    return render(request, "accounts/backup_codes.html", context)


# --- Administration ---------------------------------------------------------------------------------------


def forbidden(request):
    return render(request, "accounts/403.html", status=403)


def admin_required(view):
    """Only an active user holding the Administrator role; everyone else gets a 403 page in Indonesian."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.is_administrator:
            return forbidden(request)
        return view(request, *args, **kwargs)

    return wrapped


def _procedure_qualifications() -> list[tuple[str, str]]:
    """(code, text) of the executor qualifications in the POS in force."""
    from warta.pos.models import Procedure  # the engine imports accounts; read it lazily

    procedure = Procedure.objects.in_force().first()
    if procedure is None:
        return []
    return [(item["code"], item["text"]) for item in procedure.data.get("qualifications", [])]


@admin_required
def users(request):
    User = get_user_model()
    people = (
        User.objects.select_related("unit")
        .prefetch_related("role_grants", "qualifications")
        .order_by("-is_active", "full_name", "username")
    )
    enrolled = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    wanted = {code for code, _text in _procedure_qualifications()}
    rows = []
    for person in people:
        roles = sorted(grant.role for grant in person.role_grants.all())
        held = {q.code for q in person.qualifications.all()}
        rows.append(
            {
                "person": person,
                "roles": [Role(role).label for role in roles],
                "two_factor": person.pk in enrolled,
                "qualified": len(held & wanted),
            }
        )
    return render(request, "accounts/admin/users.html", {"rows": rows, "qualification_total": len(wanted)})


@admin_required
def user_create(request):
    form = UserCreateForm(data=_data(request))
    if request.method in POST_ONLY and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.create_user(
                request.user,
                username=data["username"],
                password=data["password1"],
                full_name=data["full_name"],
                unit=data["unit"],
                roles=data["roles"],
                nip=data["nip"],
                position=data["position"],
                email=data["email"],
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Pengguna %(name)s telah dibuat. Saat pertama masuk, ia akan diminta memasang aplikasi autentikator.")
                % {"name": person.display_name},
            )
            return redirect("accounts:user_edit", pk=person.pk)
    return render(request, "accounts/admin/user_create.html", {"form": form})


def _user_details_initial(person) -> dict:
    return {
        "full_name": person.full_name,
        "email": person.email,
        "nip": person.nip,
        "position": person.position,
        "unit": person.unit_id,
        "roles": sorted(person.role_set()),
    }


def _user_page(request, person, *, details_form=None, qualification_form=None, password_form=None):
    choices = _procedure_qualifications()
    held = {q.code: q for q in Qualification.objects.filter(user=person)}
    texts = dict(choices)
    rows = [{"code": code, "text": text, "held": held.get(code)} for code, text in choices]
    rows += [
        {"code": code, "text": _("(tidak ada pada POS yang berlaku)"), "held": q}
        for code, q in held.items()
        if code not in texts
    ]
    has_errors = any(form is not None and form.errors for form in (details_form, qualification_form, password_form))
    context = {
        "person": person,
        "details_form": details_form or UserDetailsForm(initial=_user_details_initial(person)),
        "qualification_form": qualification_form
        or QualificationForm(choices=choices, initial={"obtained_on": date.today()}),
        "password_form": password_form or AdminSetPasswordForm(person),
        "qualification_rows": rows,
        "authenticator": TOTPDevice.objects.filter(user=person, confirmed=True).first(),
        "backup_left": _backup_codes_left(person),
        "has_errors": has_errors,
        "is_self": person.pk == request.user.pk,
    }
    return render(request, "accounts/admin/user_edit.html", context)


@admin_required
def user_edit(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk)
    if request.method not in POST_ONLY:
        return _user_page(request, person)
    form = UserDetailsForm(data=request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.update_user(
                    request.user,
                    person,
                    full_name=data["full_name"],
                    email=data["email"],
                    nip=data["nip"],
                    position=data["position"],
                    unit=data["unit"],
                )
                services.set_roles(request.user, person, data["roles"])
        except ServiceError as error:
            add_service_error(form, error)
            person.refresh_from_db()
        else:
            messages.success(request, _("Data %(name)s telah disimpan.") % {"name": person.display_name})
            return redirect("accounts:user_edit", pk=person.pk)
    return _user_page(request, person, details_form=form)


@admin_required
@require_POST
def user_status(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_active(request.user, person, active)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        text = (
            _("Akun %(name)s telah diaktifkan kembali.")
            if active
            else _("Akun %(name)s telah dinonaktifkan; semua sesinya telah diakhiri.")
        )
        messages.success(request, text % {"name": person.display_name})
    return redirect("accounts:user_edit", pk=person.pk)


@sensitive_post_parameters()
@admin_required
@require_POST
def user_password(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk)
    form = AdminSetPasswordForm(person, data=request.POST)
    if form.is_valid():
        services.change_password(request.user, person, form.cleaned_data["new_password1"])
        if person.pk == request.user.pk:
            update_session_auth_hash(request, person)
            remember_epoch(request, person)
        text = _(
            "Kata sandi baru untuk %(name)s telah disimpan; semua sesinya telah diakhiri. Sampaikan kata "
            "sandi itu secara langsung."
        )
        messages.success(request, text % {"name": person.display_name})
        return redirect("accounts:user_edit", pk=person.pk)
    return _user_page(request, person, password_form=form)


@admin_required
@require_POST
def user_reset_two_factor(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk)
    services.reset_two_factor(request.user, person)
    text = _(
        "Aplikasi autentikator dan kode cadangan %(name)s telah dihapus. Saat masuk berikutnya, ia akan "
        "memasang aplikasi autentikator lagi."
    )
    messages.success(request, text % {"name": person.display_name})
    if person.pk == request.user.pk:
        return redirect("login")
    return redirect("accounts:user_edit", pk=person.pk)


@admin_required
@require_POST
def qualification_add(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk)
    choices = _procedure_qualifications()
    form = QualificationForm(data=request.POST, choices=choices)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_qualification(
                request.user,
                person,
                data["code"],
                data["obtained_on"],
                data["evidence"],
                allowed_codes={code for code, _text in choices},
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kualifikasi telah dicatat."))
            return redirect(reverse("accounts:user_edit", kwargs={"pk": person.pk}) + "#kualifikasi")
    return _user_page(request, person, qualification_form=form)


@admin_required
@require_POST
def qualification_remove(request, pk, code):
    person = get_object_or_404(get_user_model(), pk=pk)
    services.remove_qualification(request.user, person, code)
    messages.success(request, _("Catatan kualifikasi telah dihapus."))
    return redirect(reverse("accounts:user_edit", kwargs={"pk": person.pk}) + "#kualifikasi")


@admin_required
def units(request):
    office = services.current_office()
    form = UnitForm(data=_data(request))
    if request.method in POST_ONLY and form.is_valid():
        try:
            services.create_unit(request.user, office, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Unit %(name)s telah dibuat.") % {"name": form.cleaned_data["name"]})
            return redirect("accounts:units")
    unit_rows = Unit.objects.annotate(member_count=Count("members")).order_by("name")
    return render(request, "accounts/admin/units.html", {"form": form, "units": unit_rows})


@admin_required
def unit_edit(request, pk):
    unit = get_object_or_404(Unit, pk=pk)
    form = UnitForm(data=_data(request), initial={"name": unit.name, "code": unit.code})
    if request.method in POST_ONLY and form.is_valid():
        try:
            services.update_unit(request.user, unit, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Unit %(name)s telah disimpan.") % {"name": unit.name})
            return redirect("accounts:units")
    return render(request, "accounts/admin/unit_edit.html", {"form": form, "unit": unit})


def _office_year(request, office) -> int:
    zone = ZoneInfo(office.time_zone) if office else None
    this_year = timezone.now().astimezone(zone).year if zone else timezone.now().year
    try:
        year = int(request.GET.get("tahun") or request.POST.get("tahun") or this_year)
    except ValueError:
        return this_year
    return year if 2000 <= year <= 2100 else this_year


def _office_page(request, *, profile_form=None, day_off_form=None):
    from warta.pos.calendars import national_days_off

    office = services.current_office()
    year = _office_year(request, office)
    try:
        national = national_days_off(office.holiday_country if office else "ID", year)
    except (KeyError, NotImplementedError, AttributeError):
        national = []
    extra = office.extra_days_off.filter(date__year=year) if office else ExtraDayOff.objects.none()
    has_errors = any(form is not None and form.errors for form in (profile_form, day_off_form))
    context = {
        "profile_form": profile_form or OfficeProfileForm(instance=office or Office()),
        "day_off_form": day_off_form or DayOffForm(),
        "national_days": [{"date": day, "label": format_date(day), "name": name} for day, name in national],
        "extra_days": extra,
        "year": year,
        "years": [year - 1, year + 1],
        "has_office": office is not None,
        "accent_ok": office is not None and contrast_with_white(office.accent_color) >= 4.5,
        "has_errors": has_errors,
    }
    return render(request, "accounts/admin/office.html", context)


@admin_required
def office_profile(request):
    if request.method not in POST_ONLY:
        return _office_page(request)
    office = services.current_office()
    form = OfficeProfileForm(data=request.POST, files=request.FILES, instance=office or Office())
    if form.is_valid():
        # A fresh copy: validating a ModelForm writes the typed values into its instance.
        services.save_office_profile(request.user, services.current_office(), form.service_values())
        messages.success(request, _("Profil kantor telah disimpan."))
        return redirect("accounts:office")
    return _office_page(request, profile_form=form)


@admin_required
@require_POST
def day_off_add(request):
    form = DayOffForm(data=request.POST)
    if form.is_valid():
        day = form.cleaned_data["date"]
        try:
            services.add_extra_day_off(request.user, services.current_office(), day, form.cleaned_data["description"])
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("%(date)s ditambahkan sebagai hari libur kantor.") % {"date": format_date(day)})
            return redirect(f"{reverse('accounts:office')}?tahun={day.year}#libur")
    return _office_page(request, day_off_form=form)


@admin_required
@require_POST
def day_off_remove(request, pk):
    extra = get_object_or_404(ExtraDayOff, pk=pk)
    year = extra.date.year
    services.remove_extra_day_off(request.user, extra)
    messages.success(request, _("%(date)s dihapus dari hari libur kantor.") % {"date": format_date(extra.date)})
    return redirect(f"{reverse('accounts:office')}?tahun={year}#libur")


@admin_required
def procedures(request):
    from warta.pos.models import Procedure

    form = ProcedureUploadForm(data=_data(request), files=_files(request))
    if request.method in POST_ONLY and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            procedure, created = services.upload_procedure(request.user, upload.read(), upload.name)
        except ServiceError as error:
            form.add_error("file", error.message)  # a broken file names its line and field in the message
        else:
            if created:
                messages.success(
                    request,
                    _("%(name)s versi %(version)s kini berlaku.")
                    % {"name": procedure.name, "version": procedure.version},
                )
            else:
                messages.info(request, _("Isi berkas ini sama dengan versi yang berlaku; tidak ada versi baru."))
            return redirect("accounts:procedures")
    versions = Procedure.objects.order_by("code", "-version")
    return render(request, "accounts/admin/procedures.html", {"form": form, "versions": versions})


@admin_required
def procedure_source(request, pk):
    from warta.pos.models import Procedure

    procedure = get_object_or_404(Procedure, pk=pk)
    response = HttpResponse(procedure.source_text, content_type="application/yaml; charset=utf-8")
    filename = f"{procedure.code}-v{procedure.version}.yaml".replace("/", "-").replace(" ", "-")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
