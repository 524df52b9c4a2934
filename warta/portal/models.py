"""The portal's own data: the pages staff write for the public, and the search index.

Neither holds register data of its own: the index is derived from ``PublicEntry`` and public announcements
and can be rebuilt at any time (``warta search rebuild``).
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageSlug(models.TextChoices):
    """The pages the portal links to. A new kind of page is a new choice here, not free text."""

    MAKLUMAT = "maklumat", _("Maklumat Pelayanan")
    PROFIL_PPID = "profil-ppid", _("Profil PPID")


class Page(models.Model):
    """A page staff write: the service declaration (maklumat) and the PPID profile.

    ``body`` is plain text with paragraphs or a safe Markdown subset (headings, lists, emphasis, links); raw HTML
    is shown as text, never interpreted (``warta.portal.markup``).
    """

    slug = models.SlugField(_("alamat"), max_length=60, unique=True, choices=PageSlug.choices)
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(
        _("isi"), help_text=_("Teks biasa; baris kosong memisahkan paragraf. Boleh memakai Markdown sederhana: "
                              "# judul, - daftar, **tebal**, [tautan](https://…). HTML tidak dijalankan.")
    )
    updated_at = models.DateTimeField(_("terakhir diperbarui"), default=timezone.now)
    updated_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("diperbarui oleh"))

    class Meta:
        verbose_name = _("halaman publik")
        verbose_name_plural = _("halaman publik")
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:page", kwargs={"slug": self.slug})


class SearchKind(models.TextChoices):
    ENTRY = "dip", _("Daftar Informasi Publik")
    ANNOUNCEMENT = "pengumuman", _("Pengumuman")


class SearchDocument(models.Model):
    """One searchable thing: a published register entry or a published announcement, with its documents' text.

    The full-text index lives beside this table and is kept in step by the database: an FTS5 table with
    triggers on SQLite, generated ``tsvector`` columns with GIN indexes on PostgreSQL (migration 0001).
    Rows are written only by ``warta.portal.search.indexing``.
    """

    kind = models.CharField(max_length=20, choices=SearchKind.choices)
    object_id = models.BigIntegerField()  # Entry.pk for register entries (stable across republishing)
    unit_id = models.BigIntegerField(null=True)
    category = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField(null=True)
    published_at = models.DateTimeField()
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("indeks pencarian")
        verbose_name_plural = _("indeks pencarian")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_object")]
        indexes = [models.Index(fields=["published_at"])]

    def __str__(self):
        return f"{self.kind}:{self.object_id}"
