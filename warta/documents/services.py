"""Every change to documents and their findings. Screens, the CLI and jobs call these; nothing else saves.

An upload is checked (size, type by content, virus scan) on a local copy before anything reaches storage;
text extraction, OCR and the personal-data scan follow in background jobs scheduled on commit. Each file a
document has had is kept as a ``DocumentVersion``: a replacement adds one, and only a version verified and
published through the procedure reaches the public.
"""

import hashlib
import logging
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from warta.accounts.models import Role
from warta.core.errors import ServiceError
from warta.core.language import in_site_language
from warta.records.audit import record

from . import errors, extraction, malware, names, ocr, pii, validation
from .models import FILE_FIELDS, Document, DocumentVersion, MalwareStatus, PIIFinding, PIIStatus, TextStatus

logger = logging.getLogger(__name__)

CHUNK = 1024 * 1024
CLEARING_ROLES = {Role.PPID, Role.PENELAAH}
PAGED_FAMILIES = {"pdf", "image"}


# --- files -------------------------------------------------------------------------------------------------


@contextmanager
def _local_copy(uploaded_file) -> Iterator[tuple[Path, int, str]]:
    """Copy an upload to a private temporary file, counting and hashing as it goes: (path, size, sha256)."""
    declared = getattr(uploaded_file, "size", None)
    if declared:
        validation.check_size(declared)
    limit = validation.max_upload_bytes()
    with tempfile.TemporaryDirectory(prefix="warta-upload-") as folder:
        path = Path(folder) / "upload"
        digest, size = hashlib.sha256(), 0
        if hasattr(uploaded_file, "chunks"):
            chunks = uploaded_file.chunks(CHUNK)
        else:
            chunks = iter(lambda: uploaded_file.read(CHUNK), b"")
        with path.open("wb") as out:
            for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    limit_text = validation.format_size(limit)
                    raise errors.TOO_LARGE.error(
                        field="file", size=_("lebih dari %(limit)s") % {"limit": limit_text}, limit=limit_text
                    )
                digest.update(chunk)
                out.write(chunk)
        yield path, size, digest.hexdigest()


@contextmanager
def _fetched(field_file) -> Iterator[Path]:
    """A local copy of a stored file (storage may be S3), removed afterwards. It keeps the extension:
    openpyxl refuses a workbook whose name does not end in .xlsx."""
    with tempfile.TemporaryDirectory(prefix="warta-doc-") as folder:
        path = Path(folder) / f"stored{Path(field_file.name).suffix}"
        with field_file.open("rb") as source, path.open("wb") as out:
            for chunk in source.chunks(CHUNK):
                out.write(chunk)
        field_file.close()
        yield path


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _store(field_file, path: Path, name: str) -> None:
    with path.open("rb") as handle:
        field_file.save(name, File(handle), save=False)


def _enqueue(job_name: str, document_id: int) -> None:
    from . import tasks  # tasks call back into this module

    job = getattr(tasks, job_name)
    transaction.on_commit(lambda: job.enqueue(document_id), robust=True)


# --- checks before storing ---------------------------------------------------------------------------------


def _check_actor(actor) -> None:
    if actor is not None and not actor.is_active:
        raise errors.INACTIVE_ACTOR.error()


def _scan_for_malware(actor, path: Path, name: str, sha256: str) -> malware.ScanResult:
    try:
        result = malware.scan_file(path)
    except malware.ScannerError as exc:
        logger.error("Virus scanner unavailable, upload of %r refused: %s", name, exc)
        raise errors.SCANNER_UNAVAILABLE.error(field="file") from exc
    if result.infected:
        logger.warning("Upload of %r refused: %s (%s)", name, result.signature, result.scanner)
        # Its own transaction: the refusal is kept even though nothing else is.
        with transaction.atomic():
            record(
                actor,
                "documents.upload_refused_malware",
                object_type=Document._meta.label_lower,
                object_label=name,
                after={"original_name": name, "sha256": sha256, "signature": result.signature,
                       "scanner": result.scanner},
            )  # fmt: skip
        raise errors.MALWARE_FOUND.error(field="file", signature=result.signature)
    return result


def _checked_fields(actor, path: Path, size: int, sha256: str, display: str):
    """Validate and scan; return the Document field values that describe this file, and its storage name."""
    inspection = validation.inspect(path, display, size)
    scan = _scan_for_malware(actor, path, display, sha256)
    fields = {
        "original_name": display,
        "media_type": inspection.media_type,
        "size": size,
        "sha256": sha256,
        "page_count": inspection.page_count,
        "malware_status": MalwareStatus.CLEAN if scan.scanned else MalwareStatus.SKIPPED,
        "malware_scanner": scan.scanner[:200],
        "malware_scanned_at": timezone.now() if scan.scanned else None,
    }
    return fields, names.storage_name(display, inspection.extension)


def _summary(document: Document) -> dict:
    return {
        "version": document.version,
        "original_name": document.original_name,
        "file": document.file.name,
        "media_type": document.media_type,
        "size": document.size,
        "sha256": document.sha256,
        "malware_status": document.malware_status,
    }


def _file_values(document: Document) -> dict:
    """The document's description of its current file, as a version keeps it."""
    return {name: getattr(document, name) for name in FILE_FIELDS}


def _add_version(document: Document, actor, at) -> DocumentVersion:
    """Keep the document's current file as its version number ``document.version``."""
    return DocumentVersion.objects.create(
        document=document, number=document.version, uploaded_by=actor, uploaded_at=at, **_file_values(document)
    )


# --- upload and replace ------------------------------------------------------------------------------------


def upload_document(actor, uploaded_file, *, original_name: str | None = None) -> Document:
    """Check, store and register a file; its text is read by a background job after commit.

    ``actor`` is the uploading user, or None for a system import. Raises ServiceError (codes in errors.py).
    """
    _check_actor(actor)
    display = names.display_name(original_name or getattr(uploaded_file, "name", None))
    with _local_copy(uploaded_file) as (path, size, sha256):
        fields, storage_name = _checked_fields(actor, path, size, sha256, display)
        document = Document(uploaded_by=actor, **fields)
        _store(document.file, path, storage_name)
    try:
        with transaction.atomic():
            document.save()
            _add_version(document, actor, document.uploaded_at)
            record(actor, "documents.uploaded", document, after=_summary(document))
            _enqueue("extract_text", document.pk)
    except BaseException:
        document.file.delete(save=False)
        raise
    return document


def replace_document_file(actor, document: Document, new_file, *, original_name: str | None = None) -> Document:
    """Add a corrected file (say, with personal data blacked out) as the document's next version: checked like
    an upload, read and scanned again. Findings on the previous file are removed: the new content needs its own
    review (the clearings stay in the audit log). Earlier versions keep their files, and the public keeps the
    last published one until this version is verified and published."""
    _check_actor(actor)
    display = names.display_name(original_name or getattr(new_file, "name", None))
    with _local_copy(new_file) as (path, size, sha256):
        fields, storage_name = _checked_fields(actor, path, size, sha256, display)
        with transaction.atomic():
            locked = Document.objects.select_for_update().get(pk=document.pk)
            before = _summary(locked)
            _store(locked.file, path, storage_name)
            try:
                for name, value in fields.items():
                    setattr(locked, name, value)
                locked.version += 1
                locked.text, locked.text_status = "", TextStatus.PENDING
                for name, value in _text_problem(None).items():
                    setattr(locked, name, value)
                locked.has_text_layer, locked.ocr_applied, locked.ocr_file = None, False, ""
                locked.pii_status, locked.pii_scanned_at = PIIStatus.NOT_SCANNED, None
                removed, _by_model = locked.pii_findings.all().delete()
                locked.save()
                _add_version(locked, actor, timezone.now())
                record(actor, "documents.file_replaced", locked, before=before,
                       after={**_summary(locked), "findings_removed": removed})  # fmt: skip
            except BaseException:
                locked.file.storage.delete(locked.file.name)
                raise
            _enqueue("extract_text", locked.pk)
    return locked


# --- verification and publication (called by the register and announcements) ------------------------------


def mark_versions_verified(actor, documents, now) -> int:
    """The verification step approved content carrying these documents: their current files are verified."""
    count = 0
    for document in documents:
        version = DocumentVersion.objects.filter(
            document=document, number=F("document__version"), verified_at__isnull=True
        ).first()
        if version is None:
            continue
        version.verified_at, version.verified_by = now, actor
        version.save(update_fields=["verified_at", "verified_by"])
        record(actor, "documents.version_verified", version.document, at=now,
               after={"version": version.number, "sha256": version.sha256})  # fmt: skip
        count += 1
    return count


def publish_versions(actor, documents, at) -> list[int]:
    """Content carrying these documents is published at ``at``: the newest verified version of each becomes
    public then (an earlier publication time already set stands). Returns the ids of the versions published."""
    published = []
    for document in documents:
        version = (
            DocumentVersion.objects.filter(document=document, verified_at__isnull=False).order_by("-number").first()
        )
        if version is None:
            continue
        if version.published_at is None or version.published_at > at:
            version.published_at = at
            version.save(update_fields=["published_at"])
            record(actor, "documents.version_published", version.document,
                   after={"version": version.number, "sha256": version.sha256, "published_at": at})  # fmt: skip
        published.append(version.pk)
    return published


# --- text, OCR and the personal-data scan (run by jobs) ----------------------------------------------------


def _apply_pii_scan(document: Document, family: str) -> dict:
    findings = pii.scan(document.text)
    paged = family in PAGED_FAMILIES
    document.pii_findings.all().delete()
    PIIFinding.objects.bulk_create(
        PIIFinding(
            document=document,
            kind=finding.kind,
            page=finding.page if paged else None,
            masked_value=finding.masked[:120],
            snippet=finding.snippet[:300],
        )
        for finding in findings
    )
    document.pii_status = PIIStatus.FINDINGS if findings else PIIStatus.CLEAN
    document.pii_scanned_at = timezone.now()
    return dict(Counter(finding.kind for finding in findings))


def _save_text(document_id: int, sha256: str, action: str, *, scan_family: str | None = None,
               ocr_output: Path | None = None, **fields) -> Document | None:  # fmt: skip
    """Write a job's outcome, unless the file was replaced while the job ran (then the outcome is stale)."""
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id, sha256=sha256).first()
        if document is None:
            return None
        before = {"text_status": document.text_status, "pii_status": document.pii_status}
        for name, value in fields.items():
            setattr(document, name, value)
        if ocr_output is not None:
            stem = names.storage_name(document.original_name, "").rstrip(".")
            _store(document.ocr_file, ocr_output, f"{stem}-ocr.pdf")
        try:
            after = {"text_status": document.text_status, "characters": len(document.text)}
            if document.text_error:
                after["text_error"] = document.text_error
            if scan_family is not None:
                after["pii_findings"] = _apply_pii_scan(document, scan_family)
                after["pii_status"] = document.pii_status
            document.save()
            version = _file_values(document)
            if ocr_output is not None:
                version.update(ocr_size=ocr_output.stat().st_size, ocr_sha256=_sha256_of(ocr_output))
            DocumentVersion.objects.filter(document=document, number=document.version).update(**version)
            record(None, action, document, before=before, after=after)
        except BaseException:
            if ocr_output is not None:
                document.ocr_file.delete(save=False)
            raise
    return document


def _family(document: Document) -> str:
    file_type = validation.file_type_for(document.media_type)
    return file_type.family if file_type else "unknown"


def _text_problem(problem: ServiceError | None) -> dict:
    """The fields that keep why a document's text could not be read, or not all of it: the problem's code and
    values, worded in each reader's language when shown, and the same words in the site's language (audit log)."""
    if problem is None:
        return {"text_problem": "", "text_problem_values": {}, "text_error": ""}
    with in_site_language():
        words = errors.describe_text_problem(problem.code, problem.params)
    return {"text_problem": problem.code, "text_problem_values": problem.params, "text_error": words}


def extract_document_text(document_id: int) -> str:
    """Read the stored file's text; scan it, or hand scanned pages to OCR. Returns the resulting status."""
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    family, sha256 = _family(document), document.sha256
    try:
        with _fetched(document.file) as path:
            result = extraction.extract(path, family)
    except extraction.ExtractionError as exc:
        _save_text(document_id, sha256, "documents.text_failed", text="", text_status=TextStatus.FAILED,
                   **_text_problem(exc.problem))  # fmt: skip
        return TextStatus.FAILED
    except Exception as exc:
        logger.exception("Text extraction of document %s failed", document_id)
        _save_text(document_id, sha256, "documents.text_failed", text="", text_status=TextStatus.FAILED,
                   **_text_problem(errors.TEXT_UNEXPECTED.error(kind=type(exc).__name__)))  # fmt: skip
        return TextStatus.FAILED

    if not result.needs_ocr:
        _save_text(document_id, sha256, "documents.text_extracted", scan_family=family, text=result.text,
                   text_status=TextStatus.DONE, has_text_layer=True, **_text_problem(None))  # fmt: skip
        return TextStatus.DONE

    reason = ocr.unavailable_reason()
    pages = ", ".join(map(str, result.pages_needing_ocr))
    saved = _save_text(
        document_id, sha256, "documents.ocr_needed", text=result.text, text_status=TextStatus.OCR_NEEDED,
        has_text_layer=False, **_text_problem(reason or errors.PAGES_WITHOUT_TEXT.error(pages=pages)),
    )  # fmt: skip
    if saved is not None and reason is None:
        with transaction.atomic():
            _enqueue("run_ocr", document_id)
    return TextStatus.OCR_NEEDED


def ocr_document(document_id: int) -> str:
    """OCR the pages without text into a searchable PDF copy, then read and scan its text."""
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    if document.text_status not in {TextStatus.OCR_NEEDED, TextStatus.OCR_RUNNING}:
        return document.text_status
    family, sha256 = _family(document), document.sha256
    if _save_text(document_id, sha256, "documents.ocr_started", text_status=TextStatus.OCR_RUNNING) is None:
        return "stale"
    with tempfile.TemporaryDirectory(prefix="warta-ocr-") as folder:
        output = Path(folder) / "ocr.pdf"
        try:
            with _fetched(document.file) as source:
                ocr.make_searchable_pdf(source, output, image=family == "image", pages=document.page_count or 1)
            result = extraction.read_pdf(output)
        except errors.TextProblem as exc:
            _save_text(document_id, sha256, "documents.ocr_failed", text_status=TextStatus.FAILED,
                       **_text_problem(exc.problem))  # fmt: skip
            return TextStatus.FAILED
        except Exception as exc:
            logger.exception("OCR of document %s failed", document_id)
            _save_text(document_id, sha256, "documents.ocr_failed", text_status=TextStatus.FAILED,
                       **_text_problem(errors.OCR_UNEXPECTED.error(kind=type(exc).__name__)))  # fmt: skip
            return TextStatus.FAILED
        still_empty = ", ".join(str(number) for number in result.pages_needing_ocr)
        _save_text(
            document_id, sha256, "documents.ocr_done", scan_family=family, ocr_output=output,
            text=result.text, text_status=TextStatus.OCR_DONE, ocr_applied=True,
            page_count=document.page_count or len(result.pages),
            **_text_problem(errors.OCR_PAGES_STILL_EMPTY.error(pages=still_empty) if still_empty else None),
        )  # fmt: skip
    return TextStatus.OCR_DONE


# --- review ------------------------------------------------------------------------------------------------


def clear_finding(actor, finding: PIIFinding, note: str) -> PIIFinding:
    """A PPID or Penelaah Teknis Kebijakan states, with a reason, that this finding may be published."""
    note = (note or "").strip()
    if actor is None or not (actor.role_set() & CLEARING_ROLES):
        raise errors.NOT_ALLOWED_TO_CLEAR.error()
    if not note:
        raise errors.NOTE_REQUIRED.error(field="note")
    with transaction.atomic():
        locked = PIIFinding.objects.select_for_update().get(pk=finding.pk)
        if locked.cleared_at is not None:
            raise errors.FINDING_ALREADY_CLEARED.error(by=str(locked.cleared_by or _("sistem")))
        locked.cleared_by, locked.cleared_at, locked.cleared_note = actor, timezone.now(), note
        locked.save()
        document = Document.objects.select_for_update().get(pk=locked.document_id)
        if not document.findings_open().exists():
            document.pii_status = PIIStatus.CLEARED
            document.save(update_fields=["pii_status"])
        record(actor, "documents.finding_cleared", locked, before={"cleared": False},
               after={"cleared": True, "kind": locked.kind, "page": locked.page,
                      "masked_value": locked.masked_value, "note": note, "document_id": document.pk})  # fmt: skip
    return locked


def document_ready_for_verification(document: Document) -> list[str]:
    """What still stands between this document and verification (step 3 of the POS); empty when ready."""
    problems = []
    status, error = document.text_status, document.text_problem_message
    if status == TextStatus.PENDING:
        problems.append(_("Teks dokumen belum selesai dibaca. Tunggu sebentar, lalu muat ulang halaman."))
    elif status == TextStatus.OCR_NEEDED:
        problems.append(f"{_('Dokumen ini hasil pindai dan menunggu OCR.')} {error}".strip())
    elif status == TextStatus.OCR_RUNNING:
        problems.append(_("OCR sedang berjalan. Tunggu sampai selesai, lalu muat ulang halaman."))
    elif status == TextStatus.FAILED:
        problems.append(
            _(
                "Teks dokumen gagal dibaca: %(error)s Data pribadi di dalamnya belum dapat diperiksa; "
                "unggah berkas yang dapat dibaca."
            )
            % {"error": error}
        )
    elif document.pii_status == PIIStatus.NOT_SCANNED:
        problems.append(_("Pemeriksaan data pribadi belum dilakukan."))

    open_findings = list(document.findings_open())
    if open_findings:
        where = ", ".join(str(finding) for finding in open_findings[:5])
        if len(open_findings) > 5:
            where = _("%(listed)s, dan %(more)s lainnya") % {"listed": where, "more": len(open_findings) - 5}
        problems.append(
            ngettext(
                "Ada %(count)s temuan data pribadi yang belum ditangani (%(where)s). "
                "Hitamkan datanya lalu ganti berkas, atau nyatakan aman dengan alasan.",
                "Ada %(count)s temuan data pribadi yang belum ditangani (%(where)s). "
                "Hitamkan datanya lalu ganti berkas, atau nyatakan aman dengan alasan.",
                len(open_findings),
            )
            % {"count": len(open_findings), "where": where}
        )

    if document.malware_status != MalwareStatus.CLEAN and malware.configured_target():
        problems.append(
            _("Berkas ini diunggah saat pemindaian virus mati. Ganti berkas dengan berkas yang sama agar dipindai.")
        )
    return problems
