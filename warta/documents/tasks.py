"""Background jobs: reading a document's text and OCR. Each is a thin call into a service."""

from django_tasks import task


@task()
def extract_text(document_id: int) -> str:
    from . import services

    return str(services.extract_document_text(document_id))


@task()
def run_ocr(document_id: int) -> str:
    from . import services

    return str(services.ocr_document(document_id))
