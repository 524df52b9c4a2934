"""Writes to offices, units, users, roles and qualifications; each one audited."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from warta.records.audit import record

from . import errors
from .models import Qualification, Role, RoleGrant


def _checked_roles(roles) -> list[str]:
    for role in roles:
        if role not in Role.values:
            raise errors.UNKNOWN_ROLE.error(field="roles", role=role, choices=", ".join(Role.values))
    return list(roles)


@transaction.atomic
def create_user(actor, *, username: str, password: str, full_name: str, unit, roles=(), nip: str = "",
                position: str = "", email: str = ""):
    roles = _checked_roles(roles)
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise errors.USERNAME_TAKEN.error(field="username", username=username)
    user = User.objects.create_user(username=username, password=password, full_name=full_name, unit=unit, nip=nip,
                                    position=position, email=email, is_staff=bool(roles))
    RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in roles)
    record(actor, "accounts.user.created", user, after={"username": username, "unit": unit.pk if unit else None,
                                                        "roles": roles})
    return user


@transaction.atomic
def grant_role(actor, user, role: str) -> None:
    _checked_roles([role])
    _, created = RoleGrant.objects.get_or_create(user=user, role=role)
    if created:
        record(actor, "accounts.role.granted", user, after={"role": role})


@transaction.atomic
def record_qualification(actor, user, code: str, obtained_on: date, evidence: str = "") -> Qualification:
    qualification, _ = Qualification.objects.update_or_create(
        user=user, code=code, defaults={"obtained_on": obtained_on, "evidence": evidence}
    )
    record(actor, "accounts.qualification.recorded", user,
           after={"code": code, "obtained_on": obtained_on, "evidence": evidence})
    return qualification
