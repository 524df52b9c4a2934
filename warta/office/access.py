"""Who may open which workspace page, and how refusals look.

Every page loads runs through ``Run.objects.for_user`` (another unit's run is a 404), checks the user's role
before showing an action, and leaves the final say to the service it calls. A refused action is a 403 page in
Indonesian; a service's refusal of what was typed goes back into the form, next to the field it names.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext

from warta.accounts.models import Role
from warta.core.errors import ServiceError
from warta.pos.models import Run

STAFF_ROLES = frozenset(Role.values)
POS_ROLES = frozenset({Role.PPID, Role.PENGOLAH, Role.PENELAAH, Role.ATASAN})
OVERSIGHT_ROLES = frozenset({Role.ATASAN})
AUDIT_ROLES = frozenset({Role.ATASAN, Role.ADMIN})


class Refused(PermissionDenied):
    """An action the user may not take, with the sentence that tells them why."""

    def __init__(self, message: str = ""):
        super().__init__(message)
        self.message = message or gettext(
            "Anda tidak memiliki wewenang untuk membuka halaman atau melakukan tindakan ini.")


def user_roles(user) -> set[str]:
    return user.role_set() if user.is_authenticated else set()


def has_any(user, roles) -> bool:
    return bool(user_roles(user) & set(roles))


def forbidden(request, message: str = ""):
    refusal = Refused(message)
    return render(request, "office/forbidden.html", {"message": refusal.message}, status=403)


def _check(request, roles) -> None:
    if not has_any(request.user, roles or STAFF_ROLES):
        raise Refused()
    unit = getattr(request.user, "unit", None)
    if unit is not None:
        timezone.activate(unit.office.time_zone)  # dates and times on the page in the office's zone


def staff_view(roles=None):
    """Decorator for function views: signed-in staff holding one of ``roles`` (any staff role by default)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            try:
                _check(request, roles)
                return view(request, *args, **kwargs)
            except Refused as refusal:
                return forbidden(request, refusal.message)

        return wrapped

    return decorator


class StaffMixin:
    """The same check for class-based views; ``roles`` = who may open the page at all."""

    roles: frozenset[str] | None = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            _check(request, self.roles)
            return super().dispatch(request, *args, **kwargs)
        except Refused as refusal:
            return forbidden(request, refusal.message)


def visible_runs(user):
    return Run.objects.for_user(user).select_related("unit__office", "procedure", "addressee", "verifier",
                                                     "started_by")


def get_run(user, pk) -> Run:
    """A run the user may see, or 404 (another unit's run does not exist for them)."""
    return get_object_or_404(visible_runs(user), pk=pk)


def require_roles(user, roles, message: str = "") -> None:
    if not has_any(user, roles):
        raise Refused(message)


def check_service(call, *args, message: str = "", **kwargs):
    """Run a read-only guard from a service; its refusal becomes a 403 with the guard's own sentence."""
    try:
        return call(*args, **kwargs)
    except ServiceError as error:
        raise Refused(message or error.message) from None


FIELD_ALIASES = {"perihal": "title", "isi_disposisi": "instructions"}


def add_service_error(form, error: ServiceError) -> None:
    """Show a service's refusal next to the field it names, else at the top of the form."""
    field = FIELD_ALIASES.get(error.field or "", error.field)
    if field and form is not None and field in form.fields:
        form.add_error(field, error.message)
    elif form is not None:
        form.add_error(None, error.message)


def visible_units(user):
    """The units whose register a user may read: their own; the whole office for oversight roles."""
    from warta.accounts.models import Unit

    if not user.is_authenticated or not user.unit_id:
        return Unit.objects.none()
    if has_any(user, {Role.ATASAN, Role.ADMIN}):
        return Unit.objects.filter(office_id=user.unit.office_id)
    return Unit.objects.filter(pk=user.unit_id)
