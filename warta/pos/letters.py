"""The surat penugasan as a PDF in the office's letter format (kop surat, numbering, signature block)."""

from datetime import datetime

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from warta.core.formats import format_date, format_datetime

from .clock import time_status


def render_assignment_letter(letter, now: datetime) -> bytes:
    step_run = letter.step_run
    run = step_run.run
    office = run.unit.office
    status = time_status(step_run, now)
    with translation.override("id"):  # an official letter: its wording is Indonesian whoever delegates
        html = render_to_string("pos/assignment_letter.html", {
            "letter": letter,
            "office": office,
            "run": run,
            "step": step_run.step,
            "procedure": run.procedure,
            "issued_on": format_date(letter.issued_on),
            "step_started": format_datetime(step_run.started_at, office.time_zone),
            "deadline": format_datetime(status.deadline, office.time_zone),
            "missing_qualifications": [run.procedure.qualification_text(code)
                                       for code in letter.missing_qualifications],
            "parent_lines": [line for line in office.parent_lines.splitlines() if line.strip()],
        })
    return HTML(string=html).write_pdf()
