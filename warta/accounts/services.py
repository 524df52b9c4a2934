"""Writes to offices, units, users, roles, qualifications, second factors and sessions; each one audited.

``actor`` is the user who acts, or None for the system (the CLI, `warta demo`, jobs). Administration
services refuse any actor who is not an Administrator (ADMIN_REQUIRED); a user's own account services
(password, sign-out everywhere, backup codes) accept the user themselves.
"""

import math
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from warta.core.formats import format_date, format_filesize
from warta.core.public_version import remember
from warta.records.audit import record

from . import errors
from .models import ExtraDayOff, Office, Qualification, Role, RoleGrant, Unit

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Aplikasi autentikator"
BACKUP_DEVICE_NAME = "Kode cadangan"
PROCEDURE_FILE_LIMIT = 512 * 1024

OFFICE_FIELDS = (
    "name",
    "short_name",
    "parent_lines",
    "address",
    "city",
    "phone",
    "email",
    "website",
    "logo",
    "accent_color",
    "time_zone",
    "work_start",
    "work_end",
    "work_days",
)


def require_admin(actor) -> None:
    """The system (None) and Administrators pass; everyone else is refused."""
    if actor is not None and not actor.is_administrator:
        raise errors.ADMIN_REQUIRED.error()


def _require_self_or_admin(actor, user) -> None:
    if actor is not None and actor.pk != user.pk:
        require_admin(actor)


def _checked_roles(roles) -> list[str]:
    for role in roles:
        if role not in Role.values:
            raise errors.UNKNOWN_ROLE.error(field="roles", role=role, choices=", ".join(Role.values))
    return list(roles)


def _bump_epoch(user) -> None:
    """Sign the user out of every session (the middleware compares each session's epoch with this one)."""
    get_user_model().objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])


# --- Users, roles and qualifications -----------------------------------------------------------------------


@transaction.atomic
def create_user(
    actor,
    *,
    username: str,
    password: str,
    full_name: str,
    unit,
    roles=(),
    nip: str = "",
    position: str = "",
    email: str = "",
):
    require_admin(actor)
    roles = _checked_roles(roles)
    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise errors.USERNAME_TAKEN.error(field="username", username=username)
    user = User.objects.create_user(
        username=username,
        password=password,
        full_name=full_name,
        unit=unit,
        nip=nip,
        position=position,
        email=email,
        is_staff=bool(roles),
    )
    RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in roles)
    record(
        actor,
        "accounts.user.created",
        user,
        after={"username": username, "unit": unit.pk if unit else None, "roles": roles},
    )
    return user


@transaction.atomic
def update_user(actor, user, *, full_name: str, email: str, nip: str, position: str, unit) -> None:
    require_admin(actor)
    new = {"full_name": full_name, "email": email, "nip": nip, "position": position, "unit": unit}
    before, after = {}, {}
    for name, value in new.items():
        old = getattr(user, name)
        if old != value:
            before[name] = old.pk if name == "unit" and old else old
            after[name] = value.pk if name == "unit" and value else value
            setattr(user, name, value)
    if after:
        user.save(update_fields=list(after))
        record(actor, "accounts.user.updated", user, before=before, after=after)


@transaction.atomic
def set_roles(actor, user, roles) -> None:
    """Give the user exactly these roles. An Administrator cannot take the Administrator role from themselves."""
    require_admin(actor)
    wanted = set(_checked_roles(roles))
    held = set(user.role_grants.values_list("role", flat=True))
    if actor is not None and actor.pk == user.pk and Role.ADMIN in held and Role.ADMIN not in wanted:
        raise errors.OWN_ADMIN_ROLE.error(field="roles")
    if wanted == held:
        return
    user.role_grants.filter(role__in=held - wanted).delete()
    RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in sorted(wanted - held))
    user.is_staff = bool(wanted) or user.is_superuser
    user.save(update_fields=["is_staff"])
    user.forget_roles()
    record(actor, "accounts.roles.changed", user, before={"roles": sorted(held)}, after={"roles": sorted(wanted)})


@transaction.atomic
def grant_role(actor, user, role: str) -> None:
    require_admin(actor)
    _checked_roles([role])
    _, created = RoleGrant.objects.get_or_create(user=user, role=role)
    if created:
        user.forget_roles()
        record(actor, "accounts.role.granted", user, after={"role": role})


@transaction.atomic
def set_active(actor, user, active: bool) -> None:
    """Deactivate (or reactivate) an account. Deactivation also ends every session of the user."""
    require_admin(actor)
    if not active and actor is not None and actor.pk == user.pk:
        raise errors.DEACTIVATE_SELF.error()
    if user.is_active == active:
        return
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        _bump_epoch(user)
    record(
        actor,
        "accounts.user.activated" if active else "accounts.user.deactivated",
        user,
        before={"is_active": not active},
        after={"is_active": active},
    )


@transaction.atomic
def record_qualification(
    actor, user, code: str, obtained_on: date, evidence: str = "", allowed_codes=None
) -> Qualification:
    """Record (or correct) a POS executor qualification; ``allowed_codes`` are those of the POS in force."""
    require_admin(actor)
    if allowed_codes is not None and code not in allowed_codes:
        raise errors.UNKNOWN_QUALIFICATION.error(field="code", code=code)
    qualification, _ = Qualification.objects.update_or_create(
        user=user, code=code, defaults={"obtained_on": obtained_on, "evidence": evidence}
    )
    record(
        actor,
        "accounts.qualification.recorded",
        user,
        after={"code": code, "obtained_on": obtained_on, "evidence": evidence},
    )
    return qualification


@transaction.atomic
def remove_qualification(actor, user, code: str) -> None:
    require_admin(actor)
    qualification = Qualification.objects.filter(user=user, code=code).first()
    if qualification is None:
        return
    before = {"code": code, "obtained_on": qualification.obtained_on, "evidence": qualification.evidence}
    qualification.delete()
    record(actor, "accounts.qualification.removed", user, before=before)


# --- Passwords, sessions and second factors ---------------------------------------------------------------


@transaction.atomic
def change_password(actor, user, new_password: str) -> None:
    """Set a new password (the user's own, or an Administrator's reset) and end every other session.

    The caller keeps its own session alive by storing the new epoch in it (see views.password_change).
    """
    _require_self_or_admin(actor, user)
    validate_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    _bump_epoch(user)
    record(actor, "accounts.password.changed", user, after={"by_self": actor is not None and actor.pk == user.pk})


@transaction.atomic
def sign_out_everywhere(actor, user) -> None:
    _require_self_or_admin(actor, user)
    _bump_epoch(user)
    record(actor, "accounts.sessions.ended", user, after={"session_epoch": user.session_epoch})


def _new_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def enrol_totp(user, key_hex: str, token: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm an authenticator app by a code it shows; returns the device and 10 new backup codes.

    The secret lives in the session until this moment, so an abandoned enrolment leaves nothing behind.
    """
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise errors.ALREADY_ENROLLED.error()
    totp = TOTP(bytes.fromhex(key_hex))
    code = normalise_token(token)
    if not (code.isdigit() and len(code) == 6 and totp.verify(int(code), tolerance=1)):
        raise errors.OTP_ENROL_INVALID.error(field="code")
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(
        user=user, name=TOTP_DEVICE_NAME, key=key_hex, confirmed=True, last_t=totp.t(), drift=totp.drift
    )
    codes = _new_backup_codes(user)
    record(user, "accounts.2fa.enrolled", user, after={"device": device.persistent_id, "backup_codes": len(codes)})
    return device, codes


@transaction.atomic
def regenerate_backup_codes(actor, user) -> list[str]:
    """Replace every backup code of the user with 10 new ones; the old ones stop working."""
    _require_self_or_admin(actor, user)
    codes = _new_backup_codes(user)
    record(actor, "accounts.2fa.backup_codes_replaced", user, after={"backup_codes": len(codes)})
    return codes


@transaction.atomic
def reset_two_factor(actor, user) -> None:
    """Remove the user's authenticator and backup codes (a lost phone); the next sign-in enrols again."""
    require_admin(actor)
    removed = [device.persistent_id for device in devices_for_user(user, confirmed=None)]
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    _bump_epoch(user)
    record(actor, "accounts.2fa.reset", user, before={"devices": removed})


def normalise_token(token: str) -> str:
    """Codes as people type them: spaces and dashes dropped, letters in lower case."""
    return "".join(ch for ch in token if ch not in " -\t").lower()


def verify_second_factor(user, token: str):
    """The device that accepts this code (the authenticator's 6 digits or a backup code, used once).

    Raises OTP_THROTTLED while django-otp's growing delay after wrong codes runs, OTP_INVALID otherwise.
    The throttle count must survive a refusal, so the refusal is raised after the transaction.
    """
    code = normalise_token(token)
    totp_code = code.isdigit() and len(code) == 6
    verified, locked_until = None, None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, TOTPDevice) != totp_code:
                continue
            allowed, info = device.verify_is_allowed()
            if not allowed:
                locked_until = max(filter(None, [locked_until, (info or {}).get("locked_until")]), default=None)
                continue
            if device.verify_token(code):
                verified = device
                break
        if verified is not None:
            after: dict[str, Any] = {"device": verified.persistent_id}
            if isinstance(verified, StaticDevice):
                after["backup_codes_left"] = verified.token_set.count()
                record(user, "accounts.2fa.backup_code_used", user, after=after)
    if verified is not None:
        return verified
    if locked_until is not None:
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
        raise errors.OTP_THROTTLED.error(field="code", seconds=seconds)
    raise errors.OTP_INVALID.error(field="code")


def note_sign_in(user, device) -> None:
    record(user, "accounts.signed_in", user, after={"device": device.persistent_id if device else None})


# --- Units, the office profile and its days off -----------------------------------------------------------


def current_office() -> Office | None:
    return Office.objects.order_by("pk").first()


def shown_office() -> Office | None:
    """The office as every page shows it (name, logo, contact, metadata): read once per public content version,
    which an office profile change moves (``warta.api.public_state``). Forms that edit it use ``current_office``."""
    return remember("office", current_office)


@transaction.atomic
def create_unit(actor, office: Office | None, *, name: str, code: str) -> Unit:
    require_admin(actor)
    if office is None:
        raise errors.NO_OFFICE.error()
    if Unit.objects.filter(code=code).exists():
        raise errors.UNIT_CODE_TAKEN.error(field="code", code=code)
    unit = Unit.objects.create(office=office, name=name, code=code)
    record(actor, "accounts.unit.created", unit, after={"name": name, "code": code})
    return unit


@transaction.atomic
def update_unit(actor, unit: Unit, *, name: str, code: str) -> None:
    require_admin(actor)
    if Unit.objects.filter(code=code).exclude(pk=unit.pk).exists():
        raise errors.UNIT_CODE_TAKEN.error(field="code", code=code)
    before = {"name": unit.name, "code": unit.code}
    unit.name, unit.code = name, code
    unit.save(update_fields=["name", "code"])
    if before != {"name": name, "code": code}:
        record(actor, "accounts.unit.updated", unit, before=before, after={"name": name, "code": code})


def _audit_value(name: str, value):
    if name == "logo":
        return value.name if value else ""
    return value


@transaction.atomic
def save_office_profile(actor, office: Office | None, values: dict[str, Any]) -> Office:
    """Create or update the office profile. ``values["logo"]``: an uploaded image, False to remove, None to keep."""
    require_admin(actor)
    created = office is None
    office = office or Office()
    before, after = {}, {}
    for name in OFFICE_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if name == "logo":
            if value is None:
                continue
            before[name] = _audit_value(name, office.logo)
            if office.logo:
                office.logo.delete(save=False)
            if value:
                office.logo.save(value.name, value, save=False)
            after[name] = _audit_value(name, office.logo)
            continue
        if getattr(office, name) != value:
            before[name] = getattr(office, name)
            after[name] = value
            setattr(office, name, value)
    office.save()
    if created or after:
        record(
            actor,
            "accounts.office.created" if created else "accounts.office.updated",
            office,
            before=None if created else before,
            after=after,
        )
    return office


@transaction.atomic
def add_extra_day_off(actor, office: Office | None, day: date, description: str) -> ExtraDayOff:
    require_admin(actor)
    if office is None:
        raise errors.NO_OFFICE.error()
    if office.extra_days_off.filter(date=day).exists():
        raise errors.DAY_OFF_TAKEN.error(field="date", date=format_date(day))
    extra = ExtraDayOff.objects.create(office=office, date=day, description=description)
    record(actor, "accounts.day_off.added", office, after={"date": day, "description": description})
    return extra


@transaction.atomic
def remove_extra_day_off(actor, extra: ExtraDayOff) -> None:
    require_admin(actor)
    before = {"date": extra.date, "description": extra.description}
    office = extra.office
    extra.delete()
    record(actor, "accounts.day_off.removed", office, before=before)


# --- The procedure file in use -----------------------------------------------------------------------------


def upload_procedure(actor, content: bytes, source_name: str):
    """Load an uploaded POS file as a new version (pos.load_procedure); a broken file leaves the old one in force.

    Returns (procedure, created); created is False when the content equals the version in force.
    """
    from warta.pos.services import load_procedure  # the engine is loaded lazily: accounts is imported by pos

    require_admin(actor)
    if len(content) > PROCEDURE_FILE_LIMIT:
        raise errors.PROCEDURE_TOO_LARGE.error(
            field="file", size=format_filesize(len(content)), limit=format_filesize(PROCEDURE_FILE_LIMIT)
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise errors.PROCEDURE_NOT_TEXT.error(field="file") from None
    return load_procedure(text, source_name, actor=actor)
