"""What a step needs (its kelengkapan), registered with the engine by the apps that can tell.

The engine imports no domain app. An app that can prove a kelengkapan item exists registers a checker for
its key (``register_input_checker("konsep-dip", run_has_draft_entries)`` in its AppConfig.ready). An item
counts as present when a registered checker says so, or when someone recorded it by hand for the run with a
reference (a paper record in the office archive: the POS allows records "secara elektronik dan/atau manual").
"""

from collections.abc import Callable

InputChecker = Callable[["Run"], bool]  # noqa: F821 - the Run model, not imported to keep this module light

_checkers: dict[str, list[InputChecker]] = {}


def register_input_checker(key: str, checker: InputChecker) -> None:
    registered = _checkers.setdefault(key, [])
    if checker not in registered:
        registered.append(checker)


def input_present(run, key: str) -> bool:
    if any(checker(run) for checker in _checkers.get(key, [])):
        return True
    return run.inputs.filter(key=key).exists()


ApprovalCheck = Callable[["Run"], list[str]]  # noqa: F821

_approval_checks: list[ApprovalCheck] = []


def register_approval_check(check: ApprovalCheck) -> None:
    """A check the verification step must pass before it can approve: it returns the problems it found."""
    if check not in _approval_checks:
        _approval_checks.append(check)


def approval_problems(run) -> list[str]:
    return [problem for check in _approval_checks for problem in check(run)]


def disposition_written(run) -> bool:
    return bool(run.instructions.strip()) and run.addressee_id is not None


def plan_written(run) -> bool:
    return run.plan_items.exists()


def register_engine_checkers() -> None:
    """The kelengkapan of step 1 lives in the engine itself: the disposition and its plan."""
    register_input_checker("disposisi", disposition_written)
    register_input_checker("rencana-pengembangan-informasi", plan_written)
