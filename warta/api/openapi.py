"""The OpenAPI 3.1 description of the API, written by hand as data.

Tests validate every endpoint's real answers against these schemas (tests/api/test_openapi.py), so the
description cannot drift from the code without a test failing. Descriptions are in Indonesian, like the rest
of what people read (English through gettext: they are lazy texts, made plain strings when the document is
built); names are the English snake_case of the JSON itself.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import licence
from .params import DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_LENGTH
from .queries import PUBLIC_CATEGORIES

JSON = "application/json"
VERSION = "1.0.0"


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    return {"oneOf": [schema, {"type": "null"}]}


def _object(properties: dict, *, optional: tuple[str, ...] = (), closed: bool = True) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": not closed,
    }


def _list_of(name: str) -> dict:
    return _object({
        "count": {"type": "integer", "minimum": 0,
                  "description": _("Jumlah seluruh hasil yang cocok dengan saringan.")},
        "next": {**_nullable({"type": "string", "format": "uri"}),
                 "description": _("Tautan halaman berikutnya (dengan `cursor`); `null` di halaman terakhir.")},
        "results": {"type": "array", "items": _ref(name)},
    })


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _param(name: str, description: str, schema: dict, where: str = "query") -> dict:
    return {"name": name, "in": where, "required": where == "path", "description": description, "schema": schema}


PAGING_PARAMS = [
    _param("limit", format_lazy(_("Banyak hasil per halaman, paling banyak {limit}."), limit=MAX_LIMIT),
           {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}),
    _param("cursor", _("Penanda halaman dari tautan `next`; jangan dibuat sendiri."), {"type": "string"}),
]

DATE_TIME = {
    "type": "string",
    "format": "date-time",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$",
    "description": _("ISO 8601 dengan selisih zona waktu, misalnya 2026-11-23T10:00:00+07:00."),
}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
URI = {"type": "string", "format": "uri"}

SCHEMAS = {
    "DateTime": DATE_TIME,
    "Unit": _object({"code": {"type": "string"}, "name": {"type": "string"}}),
    "Link": _object({"label": {"type": "string"}, "url": {"type": "string"}}),
    "Document": _object({
        "id": {"type": "integer"},
        "name": {"type": "string", "description": _("Nama berkas asli.")},
        "media_type": {"type": "string", "description": _("Jenis isi menurut isi berkas (bukan namanya).")},
        "size": {"type": "integer", "minimum": 0, "description": _("Ukuran dalam bita.")},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "pages": {**_nullable({"type": "integer", "minimum": 0}), "description": _("Jumlah halaman, bila diketahui.")},
        "download_url": {**_nullable(URI), "description": _("Unduhan berkas di portal.")},
        "searchable_copy": {**_nullable(_object({
            "download_url": {**_nullable(URI), "description": _("Unduhan salinan di portal.")},
            "size": {"type": "integer", "minimum": 0, "description": _("Ukuran dalam bita.")},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        })), "description": _("Salinan PDF yang dapat dicari (hasil OCR dari pindaian); kosong bila tidak ada.")},
        "url": URI,
        "entries": {"type": "array", "items": {"type": "integer"},
                    "description": _("Nomor (`id`) informasi publik yang melampirkan dokumen ini.")},
    }, optional=("entries",)),
    "Entry": _object({
        "id": {"type": "integer",
               "description": _("Nomor tetap informasi ini (tidak berubah saat diterbitkan ulang).")},
        "number": {"type": "integer", "description": _("Kolom 1 DIP: nomor urut.")},
        "title": {"type": "string", "description": _("Kolom 2 DIP: ringkasan isi informasi.")},
        "summary": {"type": "string", "description": _("Uraian tambahan.")},
        "holder": {"type": "string", "description": _("Kolom 3 DIP: pejabat atau unit yang menguasai informasi.")},
        "responsible": {"type": "string", "description": _("Kolom 4 DIP: penanggung jawab pembuatan/penerbitan.")},
        "made_when": {"type": "string", "description": _("Kolom 5 DIP: waktu pembuatan.")},
        "made_where": {"type": "string", "description": _("Kolom 5 DIP: tempat pembuatan.")},
        "form_printed": {"type": "boolean", "description": _("Kolom 6 DIP: tersedia tercetak.")},
        "form_digital": {"type": "boolean", "description": _("Kolom 6 DIP: tersedia terekam/daring.")},
        "form_label": {"type": "string", "description": _("Kolom 6 DIP sebagai teks.")},
        "retention": {"type": "string", "description": _("Kolom 7 DIP: jangka waktu penyimpanan (retensi).")},
        "category": {"type": "string", "enum": PUBLIC_CATEGORIES},
        "category_label": {"type": "string", "description": _("Nama kategori dalam bahasa Indonesia.")},
        "year": _nullable({"type": "integer"}),
        "legal_basis": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "links": {"type": "array", "items": _ref("Link")},
        "unit": _ref("Unit"),
        "published_at": {**_ref("DateTime"), "description": _("Terakhir diterbitkan (juga saat diperbarui).")},
        "first_published_at": _ref("DateTime"),
        "documents": {"type": "array", "items": _ref("Document")},
        "url": URI,
        "html_url": {**_nullable(URI), "description": _("Halaman informasi ini di portal.")},
    }),
    "Announcement": _object({
        "id": {"type": "integer"},
        "slug": {"type": "string", "description": _("Alamat pengumuman di portal (`/pengumuman/<slug>/`).")},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "body": {"type": "string", "description": _("Isi pengumuman, teks biasa; baris kosong memisahkan paragraf.")},
        "category": {"type": "string", "enum": PUBLIC_CATEGORIES},
        "category_label": {"type": "string", "description": _("Nama kategori dalam bahasa Indonesia.")},
        "serta_merta": {
            **_nullable(_ref("SertaMerta")),
            "description": _("Untuk pengumuman serta merta: kelima bagian wajibnya; `null` untuk kategori lain."),
        },
        "unit": _ref("Unit"),
        "published_at": _ref("DateTime"),
        "documents": {"type": "array", "items": _ref("Document")},
        "url": URI,
        "html_url": {**_nullable(URI), "description": _("Halaman pengumuman ini di portal.")},
    }),
    "SertaMerta": _object({
        "parts": {
            "type": "array", "minItems": 5, "maxItems": 5,
            "description": _("Potensi bahaya, masyarakat atau wilayah terdampak, prosedur dan tempat evakuasi, cara "
                             "menghindari bahaya, dan tempat meminta bantuan (Perki 1/2021), dalam urutan itu."),
            "items": _object({
                "key": {"type": "string", "enum": ["danger", "affected", "evacuation", "avoidance", "help_contact"]},
                "label": {"type": "string"},
                "text": {"type": "string"},
            }),
        },
        "urgent_until": {**_nullable(_ref("DateTime")),
                         "description": _("Sampai kapan ditampilkan paling atas di portal; `null`: tanpa batas.")},
        "shown_first": {"type": "boolean", "description": _("Masih ditampilkan paling atas di beranda portal.")},
    }),
    "Edition": _object({
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "unit": _ref("Unit"),
        "decree_number": {"type": "string", "description": _("Nomor SK penetapan DIP.")},
        "decree_date": DATE,
        "entry_count": {"type": "integer", "minimum": 0, "description": _("Jumlah informasi saat ditetapkan.")},
        "withheld_count": {"type": "integer", "minimum": 0,
                           "description": _("Baris yang kini tidak disajikan karena informasinya sudah ditarik "
                                          "atau dikecualikan setelah penetapan.")},
        "content_hash": {"type": "string", "description": _("SHA-256 isi beku DIP saat ditetapkan (seluruh baris).")},
        "pdf_sha256": {**_nullable({"type": "string"}), "description": _("SHA-256 berkas PDF edisi ini.")},
        "signed_by": {**_nullable({"type": "string"}),
                      "description": _("Subjek sertifikat yang menandatangani PDF secara elektronik (PAdES); "
                                       "`null` bila PDF tidak bertanda tangan elektronik.")},
        "next_due": _nullable(DATE),
        "pdf_url": {**_nullable(URI), "description": _("PDF edisi resmi; `null` bila ada baris yang ditahan.")},
        "snapshot_url": URI,
        "url": URI,
    }),
    "SnapshotRow": {
        "type": "object",
        "description": _("Satu baris DIP sebagaimana dibekukan saat penetapan (kolom register, `entry_id`, "
                       "`published_at`, dan dokumen: nama dan SHA-256)."),
        "required": ["entry_id", "number", "title"],
        "properties": {
            "entry_id": {"type": "integer"},
            "number": {"type": "integer"},
            "title": {"type": "string"},
            "category": {"type": "string"},
            "published_at": {"type": "string"},
            "documents": {"type": "array", "items": _object({"name": {"type": "string"},
                                                            "sha256": {"type": "string"}})},
        },
    },
    "Snapshot": _object({"edition": _ref("Edition"), "entries": {"type": "array", "items": _ref("SnapshotRow")}}),
    "EntryList": _list_of("Entry"),
    "AnnouncementList": _list_of("Announcement"),
    "DocumentList": _list_of("Document"),
    "EditionList": _list_of("Edition"),
    "Error": _object({"error": _object({
        "code": {"type": "string", "description": _("Kode tetap, misalnya `api.invalid_parameter`.")},
        "message": {"type": "string", "description": _("Penjelasan dalam bahasa Indonesia (bahasa Inggris bila "
                                                       "pengguna memilihnya).")},
        "field": {"type": "string"},
    }, optional=("field",))}),
    "Catalogue": {
        "type": "object",
        "description": _("Katalog DCAT (DCAT-AP 3) dalam JSON-LD."),
        "required": ["@context", "@id", "@type", "dct:license", "dcat:dataset"],
        "properties": {
            "@type": {"const": "dcat:Catalog"},
            "dct:license": {"type": "object", "required": ["@id"], "description": _("Lisensi data terbuka.")},
            "dcat:dataset": {"type": "array"},
        },
    },
}

ERROR = _ref("Error")
RESPONSES = {
    "NotModified": {"description": _("Tidak berubah sejak `If-None-Match`/`If-Modified-Since` yang dikirim.")},
    "BadRequest": _json(ERROR, _("Parameter tidak sah (`api.invalid_parameter`, `api.invalid_cursor`).")),
    "NotFound": _json(ERROR, _("Tidak ada, atau tidak terbuka untuk publik (`api.not_found`).")),
    "RateLimited": {
        **_json(ERROR, _("Terlalu banyak permintaan (`api.rate_limited`).")),
        "headers": {"Retry-After": {"description": _("Detik sampai boleh mencoba lagi."),
                                    "schema": {"type": "integer"}}},
    },
}
CACHE_HEADERS = {
    "ETag": {"description": _("Penanda versi (lemah); kirim dalam `If-None-Match`."), "schema": {"type": "string"}},
    "Last-Modified": {"description": _("Perubahan publik terakhir."), "schema": {"type": "string"}},
    "Cache-Control": {"description": _("`public, max-age=60` untuk pengunjung anonim."), "schema": {"type": "string"}},
}


def _get(summary: str, description: str, schema: str, *, parameters: list | None = None,
         not_found: bool = False, bad_request: bool = False, content_type: str = JSON) -> dict:
    responses = {
        "200": {"description": _("Berhasil."), "headers": CACHE_HEADERS,
                "content": {content_type: {"schema": _ref(schema)}}},
        "304": {"$ref": "#/components/responses/NotModified"},
        "429": {"$ref": "#/components/responses/RateLimited"},
    }
    if bad_request:
        responses["400"] = {"$ref": "#/components/responses/BadRequest"}
    if not_found:
        responses["404"] = {"$ref": "#/components/responses/NotFound"}
    return {"get": {"summary": summary, "description": description, "parameters": parameters or [],
                    "responses": responses}}


def _id(name: str, description: str) -> dict:
    return _param(name, description, {"type": "integer"}, where="path")


def _plain(value: Any) -> Any:
    """The description with every lazy text rendered in the active language (a validator wants real strings)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return str(value) if isinstance(value, Promise) else value


def document() -> dict:
    return _plain({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": _("API Data Terbuka Warta"),
            "version": VERSION,
            "summary": _("Daftar Informasi Publik (DIP), pengumuman, dokumennya, dan edisi DIP yang ditetapkan."),
            "description": (
                _("Hanya baca, tanpa akun. Hanya informasi yang sudah terbit dan tidak dikecualikan yang tampil. "
                "Halaman memakai penanda (`cursor`) dari tautan `next`. Setiap jawaban membawa `ETag` dan "
                "`Last-Modified`; kirim `If-None-Match` untuk jawaban 304 yang hemat. Batas permintaan per "
                "alamat IP per menit; bila terlampaui jawabannya 429 dengan `Retry-After`. Data boleh dipakai "
                "ulang menurut lisensi di bawah.")
            ),
            "license": licence.current().openapi(),
        },
        "servers": [{"url": f"{settings.SITE_URL}/api"}],
        "paths": {
            "/v1/entries": _get(
                _("Daftar informasi publik"), _("Isi DIP yang terbuka untuk publik, dengan saringan dan halaman."),
                "EntryList", bad_request=True, parameters=[
                    _param("category", _("Kategori informasi."),
                           {"type": "string", "enum": PUBLIC_CATEGORIES}),
                    _param("year", _("Tahun informasi."), {"type": "integer", "minimum": 1900, "maximum": 2100}),
                    _param("unit", _("Kode unit (PPID pelaksana)."), {"type": "string"}),
                    _param("q", _("Kata dalam ringkasan isi (pencarian sederhana; pencarian lengkap di portal)."),
                           {"type": "string", "maxLength": MAX_QUERY_LENGTH}),
                    _param("updated_since", _("Hanya yang terbit atau diperbarui sejak waktu ini (ISO 8601)."),
                           {"type": "string"}),
                    _param("ordering", _("Urutan; awali dengan `-` untuk urutan terbalik."),
                           {"type": "string", "default": "id",
                            "enum": ["id", "-id", "published_at", "-published_at"]}),
                    *PAGING_PARAMS,
                ]),
            "/v1/entries/{id}": _get(_("Satu informasi publik"), _("Ketujuh kolom DIP dan dokumennya."), "Entry",
                                     parameters=[_id("id", _("Nomor informasi."))], not_found=True),
            "/v1/announcements": _get(
                _("Daftar pengumuman"), _("Pengumuman yang sudah terbit, terbaru dahulu. Pengumuman serta merta "
                                          "membawa kelima bagian wajibnya (`serta_merta`)."),
                "AnnouncementList", bad_request=True, parameters=[
                    _param("category", _("Kategori pengumuman."), {"type": "string", "enum": PUBLIC_CATEGORIES}),
                    _param("unit", _("Kode unit (PPID pelaksana)."), {"type": "string"}),
                    _param("q", _("Kata dalam judul."), {"type": "string", "maxLength": MAX_QUERY_LENGTH}),
                    _param("updated_since", _("Hanya yang terbit sejak waktu ini (ISO 8601)."), {"type": "string"}),
                    _param("ordering", _("Urutan; awali dengan `-` untuk urutan terbalik."),
                           {"type": "string", "default": "-published_at",
                            "enum": ["id", "-id", "published_at", "-published_at"]}),
                    *PAGING_PARAMS,
                ]),
            "/v1/announcements/{id}": _get(_("Satu pengumuman"), _("Isi pengumuman, bagian wajib serta merta, dan "
                                                                  "dokumennya."), "Announcement",
                                           parameters=[_id("id", _("Nomor pengumuman."))], not_found=True),
            "/v1/documents": _get(
                _("Daftar dokumen"), _("Metadata dokumen yang dilampirkan pada informasi atau pengumuman publik."),
                "DocumentList", bad_request=True, parameters=[
                    _param("media_type", _("Jenis isi, misalnya `application/pdf`."), {"type": "string"}),
                    _param("entry", _("Hanya lampiran informasi ini (`id` informasi)."), {"type": "integer"}),
                    _param("ordering", _("Urutan."), {"type": "string", "default": "id", "enum": ["id", "-id"]}),
                    *PAGING_PARAMS,
                ]),
            "/v1/documents/{id}": _get(_("Satu dokumen"), _("Metadata satu dokumen publik."), "Document",
                                       parameters=[_id("id", _("Nomor dokumen."))], not_found=True),
            "/v1/editions": _get(
                _("Edisi DIP yang ditetapkan"), _("DIP yang ditetapkan dengan keputusan (SK) PPID, terbaru dahulu."),
                "EditionList", bad_request=True, parameters=[
                    _param("ordering", _("Urutan."), {"type": "string", "default": "-id", "enum": ["id", "-id"]}),
                    *PAGING_PARAMS,
                ]),
            "/v1/editions/{id}": _get(_("Satu edisi DIP"), _("Data SK dan tautan PDF serta isi bekunya."), "Edition",
                                      parameters=[_id("id", _("Nomor edisi."))], not_found=True),
            "/v1/editions/{id}/snapshot": _get(
                _("Isi beku satu edisi DIP"),
                _("Baris DIP sebagaimana ditetapkan. Baris yang informasinya kemudian ditarik atau dikecualikan "
                "tidak disajikan (`withheld_count`); `content_hash` tetap sidik isi lengkap saat penetapan."),
                "Snapshot", parameters=[_id("id", _("Nomor edisi."))], not_found=True),
            "/dcat.json": _get(
                _("Katalog DCAT"), _("Katalog data (DCAT-AP 3, JSON-LD) untuk dipanen Portal Satu Data Indonesia."),
                "Catalogue", content_type="application/ld+json"),
        },
        "components": {"schemas": SCHEMAS, "responses": RESPONSES},
    })
