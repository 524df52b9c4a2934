"""OCR with OCRmyPDF and Tesseract's Indonesian model, producing a searchable PDF beside the original.

OCRmyPDF runs as a child process: it can be given a time limit and killed, and its process pools and
signal handling stay out of the job worker.
"""

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

from warta.core.errors import ServiceError

from . import errors
from .errors import TextProblem

LANGUAGE = "ind"
PAGE_TIMEOUT = 180  # seconds Tesseract may spend on one page before the page is left without text
BASE_TIMEOUT = 300
MAX_TIMEOUT = 3 * 60 * 60
FALLBACK_IMAGE_DPI = 300


class OcrError(TextProblem):
    """OCR did not produce a file."""


@functools.cache
def unavailable_reason() -> ServiceError | None:
    """None when OCR can run here, otherwise what is missing (cached for the life of the process)."""
    if importlib.util.find_spec("ocrmypdf") is None:
        return errors.OCR_NO_OCRMYPDF.error()
    tesseract = shutil.which("tesseract")
    if not tesseract:
        return errors.OCR_NO_TESSERACT.error()
    try:
        listed = subprocess.run(  # noqa: S603 — fixed arguments, no shell
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return errors.OCR_TESSERACT_BROKEN.error()
    if LANGUAGE not in listed.stdout.split():
        return errors.OCR_NO_INDONESIAN.error()
    return None


def _image_dpi(path: Path) -> int | None:
    """None when the image states a usable resolution; otherwise the one to assume."""
    try:
        with Image.open(path) as image:
            dpi = image.info.get("dpi")
    except OSError:
        return FALLBACK_IMAGE_DPI
    if dpi and min(float(value) for value in dpi) >= 72:
        return None
    return FALLBACK_IMAGE_DPI


def time_limit(pages: int) -> int:
    return min(BASE_TIMEOUT + PAGE_TIMEOUT * max(pages, 1), MAX_TIMEOUT)


def make_searchable_pdf(source: Path, target: Path, *, image: bool = False, pages: int = 1) -> None:
    """OCR the pages of ``source`` that have no text and write a PDF with a text layer to ``target``."""
    command = [
        sys.executable, "-m", "ocrmypdf",
        "--language", LANGUAGE,
        "--output-type", "pdf",  # plain PDF: no PDF/A conversion, no Ghostscript pass
        "--skip-text",  # pages that already have text stay as they are
        "--optimize", "0",
        "--jobs", "1",
        "--tesseract-timeout", str(PAGE_TIMEOUT),
        "--invalidate-digital-signatures",  # only the derivative loses it; the original keeps its signature
        "--quiet",
    ]  # fmt: skip
    if image and (dpi := _image_dpi(source)):
        command += ["--image-dpi", str(dpi)]
    command += [str(source), str(target)]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, timeout=time_limit(pages), env=env, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(errors.OCR_TIMED_OUT.error(minutes=time_limit(pages) // 60)) from exc
    if done.returncode != 0 or not target.exists():
        detail = [line for line in done.stderr.strip().splitlines() if line.strip()]
        values = {"detail": detail[-1][:300]} if detail else {}
        known = errors.OCR_EXIT_CODES.get(done.returncode)
        problem = known.error(**values) if known else errors.OCR_FAILED.error(code=done.returncode, **values)
        raise OcrError(problem)
