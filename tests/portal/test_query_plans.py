"""The register is read through the index of the order each page asks for, not sorted whole, once the database
has its planner statistics (the nightly job). SQLite only: it guesses that "published before now" keeps a
quarter of the rows and would otherwise pick the published_at index and sort 100,000 rows for every page.
PostgreSQL gathers real statistics itself (autovacuum); its plans are checked in bench/ at 100,000 entries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from warta.api import queries
from warta.api.views import ENTRY_ORDERINGS
from warta.core.tasks import refresh_database_statistics
from warta.documents.models import Document, DocumentVersion, MalwareStatus, PIIStatus, TextStatus
from warta.portal.access import attach_public_files, public_entries
from warta.portal.views.register import Filters
from warta.registry.models import Category, Entry, EntryStatus, PublicEntry

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner (PostgreSQL: bench/)")
PUBLISHED = ENTRY_ORDERINGS["-published_at"]
CATEGORIES = [Category.BERKALA, Category.SETIAP_SAAT, Category.SERTA_MERTA, Category.DIKECUALIKAN]


@pytest.fixture
def register(office):
    unit = office.units.order_by("pk").first()
    now = timezone.now()
    values = {"holder": "Subbagian Umum", "responsible": "Kepala Subbagian Umum", "year": 2025}
    entries = Entry.objects.bulk_create(
        Entry(
            unit=unit,
            number=n,
            title=f"Informasi {n}",
            category=CATEGORIES[n % 4],
            status=EntryStatus.PUBLISHED,
            **values,
        )
        for n in range(1, 3001)
    )
    PublicEntry.objects.bulk_create(
        PublicEntry(
            entry=entry,
            unit=unit,
            number=entry.number,
            title=entry.title,
            category=entry.category,
            published_at=now - timedelta(minutes=entry.number),
            first_published_at=now - timedelta(days=1),
            **values,
        )
        for entry in entries
    )


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


def test_the_nightly_job_refreshes_sqlites_statistics_and_leaves_postgresql_to_autovacuum(register):
    ran = refresh_database_statistics.call_local()
    assert ran is (connection.vendor == "sqlite")
    if ran:
        with connection.cursor() as cursor:
            cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'registry_publicentry'")
            assert "publicentry_category_number" in {row[0] for row in cursor.fetchall()}


@sqlite_only
@pytest.mark.parametrize(
    ("name", "queryset", "index"),
    [
        (
            "DIP, one category, by number",
            lambda: Filters(category=Category.BERKALA).apply(public_entries())[:25],
            "publicentry_category_number",
        ),
        ("DIP, everything, by number", lambda: Filters().apply(public_entries())[:25], "publicentry_number"),
        (
            "API, one category, newest published first",
            lambda: queries.entries().filter(category=Category.BERKALA).order_by(*PUBLISHED.order_by)[:21],
            "publicentry_published",
        ),
        (
            "newest on the home page",
            lambda: public_entries().order_by("-first_published_at", "-pk")[:5],
            "publicentry_first_published",
        ),
    ],
)
def test_register_pages_walk_the_index_of_their_order(register, name, queryset, index):
    refresh_database_statistics.call_local()
    plan = _plan(queryset())
    assert index in plan and "TEMP B-TREE" not in plan, f"{name}: {plan}"
    assert len(list(queryset())) == (5 if "home" in name else 21 if "API" in name else 25)


def _attach_documents(entries: list[PublicEntry], per_entry: int = 2) -> None:
    """Each entry gets its own published PDFs (version 1, verified when uploaded), newest upload first."""
    now = timezone.now()
    documents = Document.objects.bulk_create(
        Document(file=f"uji/{n}.pdf", original_name=f"lampiran-{n}.pdf", media_type="application/pdf", size=1000 + n,
                 sha256=f"{n:064x}", uploaded_at=now - timedelta(minutes=n), text_status=TextStatus.DONE,
                 pii_status=PIIStatus.CLEAN, malware_status=MalwareStatus.SKIPPED)
        for n in range(len(entries) * per_entry)
    )
    DocumentVersion.objects.bulk_create(
        DocumentVersion(document=d, number=1, file=d.file.name, original_name=d.original_name, media_type=d.media_type,
                        size=d.size, sha256=d.sha256, uploaded_at=d.uploaded_at, verified_at=d.uploaded_at,
                        published_at=d.uploaded_at)
        for d in documents
    )
    through = PublicEntry.documents.through
    through.objects.bulk_create(through(publicentry_id=entries[n % len(entries)].pk, document_id=d.pk)
                                for n, d in enumerate(documents))


def test_a_pages_public_files_are_read_in_one_query_in_their_documents_order(register):
    page = list(public_entries().order_by("number")[:20])
    _attach_documents(list(PublicEntry.objects.order_by("pk")))
    with CaptureQueriesContext(connection) as captured:
        attach_public_files(page)
    assert len(captured.captured_queries) == 1
    for public in page:
        expected = list(public.documents.order_by("-uploaded_at", "-pk").values_list("pk", flat=True))
        assert [version.document_id for version in public.public_file_list] == expected and len(expected) == 2
    if connection.vendor == "sqlite":  # from the page's link rows, never a pass over every file
        refresh_database_statistics.call_local()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + captured.captured_queries[0]["sql"])
            plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
        assert "SCAN documents_documentversion" not in plan and "publicentry_documents" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's hashed sub-plans")
def test_a_page_of_public_documents_checks_each_document_not_every_attachment(register):
    _attach_documents(list(PublicEntry.objects.order_by("pk")))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    page = queries.documents().order_by("document_id")[:21]
    sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "hashed SubPlan" not in plan, plan
    links = PublicEntry.documents.through.objects.exclude(publicentry__category=Category.DIKECUALIKAN)
    expected = sorted(set(links.values_list("document_id", flat=True)))[:21]
    assert [version.document_id for version in page] == expected  # an exempt entry's files stay out
