"""Every write of the procedure engine. Views, the CLI and jobs call these; nothing else saves POS models."""

from .breaches import explain_breach, flag_time_status
from .claims import claim_step, release_claim
from .delegation import delegate_step, missing_qualifications
from .guards import active_step, claim_for
from .procedures import SEED_FILE, load_procedure, load_procedure_file, procedure_in_force
from .runs import PlanItemData, complete_step, issue_disposition, missing_inputs, provide_input, verify

__all__ = [
    "SEED_FILE",
    "PlanItemData",
    "active_step",
    "claim_for",
    "claim_step",
    "complete_step",
    "delegate_step",
    "explain_breach",
    "flag_time_status",
    "issue_disposition",
    "load_procedure",
    "load_procedure_file",
    "missing_inputs",
    "missing_qualifications",
    "procedure_in_force",
    "provide_input",
    "release_claim",
    "verify",
]
