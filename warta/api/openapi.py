"""The OpenAPI 3.1 description of the API, written by hand as data.

Tests validate every endpoint's real answers against these schemas (tests/api/test_openapi.py), so the
description cannot drift from the code without a test failing. Descriptions are in Indonesian, like the rest
of what people read; names are the English snake_case of the JSON itself.
"""

from __future__ import annotations

from django.conf import settings

from .params import DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_LENGTH

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
        "count": {"type": "integer", "minimum": 0, "description": "Jumlah seluruh hasil yang cocok dengan saringan."},
        "next": {**_nullable({"type": "string", "format": "uri"}),
                 "description": "Tautan halaman berikutnya (dengan `cursor`); `null` di halaman terakhir."},
        "results": {"type": "array", "items": _ref(name)},
    })


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _param(name: str, description: str, schema: dict, where: str = "query") -> dict:
    return {"name": name, "in": where, "required": where == "path", "description": description, "schema": schema}


PAGING_PARAMS = [
    _param("limit", f"Banyak hasil per halaman, paling banyak {MAX_LIMIT}.",
           {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}),
    _param("cursor", "Penanda halaman dari tautan `next`; jangan dibuat sendiri.", {"type": "string"}),
]

DATE_TIME = {
    "type": "string",
    "format": "date-time",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$",
    "description": "ISO 8601 dengan selisih zona waktu, misalnya 2026-11-23T10:00:00+07:00.",
}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
URI = {"type": "string", "format": "uri"}

SCHEMAS = {
    "DateTime": DATE_TIME,
    "Unit": _object({"code": {"type": "string"}, "name": {"type": "string"}}),
    "Link": _object({"label": {"type": "string"}, "url": {"type": "string"}}),
    "Document": _object({
        "id": {"type": "integer"},
        "name": {"type": "string", "description": "Nama berkas asli."},
        "media_type": {"type": "string", "description": "Jenis isi menurut isi berkas (bukan namanya)."},
        "size": {"type": "integer", "minimum": 0, "description": "Ukuran dalam bita."},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "pages": {**_nullable({"type": "integer", "minimum": 0}), "description": "Jumlah halaman, bila diketahui."},
        "download_url": {**_nullable(URI), "description": "Unduhan berkas di portal."},
        "searchable_copy": {**_nullable(_object({
            "download_url": {**_nullable(URI), "description": "Unduhan salinan di portal."},
            "size": {"type": "integer", "minimum": 0, "description": "Ukuran dalam bita."},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        })), "description": "Salinan PDF yang dapat dicari (hasil OCR dari pindaian); kosong bila tidak ada."},
        "url": URI,
        "entries": {"type": "array", "items": {"type": "integer"},
                    "description": "Nomor (`id`) informasi publik yang melampirkan dokumen ini."},
    }, optional=("entries",)),
    "Entry": _object({
        "id": {"type": "integer", "description": "Nomor tetap informasi ini (tidak berubah saat diterbitkan ulang)."},
        "number": {"type": "integer", "description": "Kolom 1 DIP: nomor urut."},
        "title": {"type": "string", "description": "Kolom 2 DIP: ringkasan isi informasi."},
        "summary": {"type": "string", "description": "Uraian tambahan."},
        "holder": {"type": "string", "description": "Kolom 3 DIP: pejabat atau unit yang menguasai informasi."},
        "responsible": {"type": "string", "description": "Kolom 4 DIP: penanggung jawab pembuatan/penerbitan."},
        "made_when": {"type": "string", "description": "Kolom 5 DIP: waktu pembuatan."},
        "made_where": {"type": "string", "description": "Kolom 5 DIP: tempat pembuatan."},
        "form_printed": {"type": "boolean", "description": "Kolom 6 DIP: tersedia tercetak."},
        "form_digital": {"type": "boolean", "description": "Kolom 6 DIP: tersedia terekam/daring."},
        "form_label": {"type": "string", "description": "Kolom 6 DIP sebagai teks."},
        "retention": {"type": "string", "description": "Kolom 7 DIP: jangka waktu penyimpanan (retensi)."},
        "category": {"type": "string", "enum": ["berkala", "serta-merta", "setiap-saat"]},
        "category_label": {"type": "string", "description": "Nama kategori dalam bahasa Indonesia."},
        "year": _nullable({"type": "integer"}),
        "legal_basis": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "links": {"type": "array", "items": _ref("Link")},
        "unit": _ref("Unit"),
        "published_at": {**_ref("DateTime"), "description": "Terakhir diterbitkan (juga saat diperbarui)."},
        "first_published_at": _ref("DateTime"),
        "documents": {"type": "array", "items": _ref("Document")},
        "url": URI,
        "html_url": {**_nullable(URI), "description": "Halaman informasi ini di portal."},
    }),
    "Edition": _object({
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "unit": _ref("Unit"),
        "decree_number": {"type": "string", "description": "Nomor SK penetapan DIP."},
        "decree_date": DATE,
        "entry_count": {"type": "integer", "minimum": 0, "description": "Jumlah informasi saat ditetapkan."},
        "withheld_count": {"type": "integer", "minimum": 0,
                           "description": "Baris yang kini tidak disajikan karena informasinya sudah ditarik "
                                          "atau dikecualikan setelah penetapan."},
        "content_hash": {"type": "string", "description": "SHA-256 isi beku DIP saat ditetapkan (seluruh baris)."},
        "next_due": _nullable(DATE),
        "pdf_url": {**_nullable(URI), "description": "DIP bertanda tangan (PDF); `null` bila ada baris yang "
                                                     "ditahan."},
        "snapshot_url": URI,
        "url": URI,
    }),
    "SnapshotRow": {
        "type": "object",
        "description": "Satu baris DIP sebagaimana dibekukan saat penetapan (kolom register, `entry_id`, "
                       "`published_at`, dan dokumen: nama dan SHA-256).",
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
    "DocumentList": _list_of("Document"),
    "EditionList": _list_of("Edition"),
    "Error": _object({"error": _object({
        "code": {"type": "string", "description": "Kode tetap, misalnya `api.invalid_parameter`."},
        "message": {"type": "string", "description": "Penjelasan dalam bahasa Indonesia."},
        "field": {"type": "string"},
    }, optional=("field",))}),
    "Catalogue": {
        "type": "object",
        "description": "Katalog DCAT (DCAT-AP 3) dalam JSON-LD.",
        "required": ["@context", "@id", "@type", "dcat:dataset"],
        "properties": {"@type": {"const": "dcat:Catalog"}, "dcat:dataset": {"type": "array"}},
    },
}

ERROR = _ref("Error")
RESPONSES = {
    "NotModified": {"description": "Tidak berubah sejak `If-None-Match`/`If-Modified-Since` yang dikirim."},
    "BadRequest": _json(ERROR, "Parameter tidak sah (`api.invalid_parameter`, `api.invalid_cursor`)."),
    "NotFound": _json(ERROR, "Tidak ada, atau tidak terbuka untuk publik (`api.not_found`)."),
    "RateLimited": {
        **_json(ERROR, "Terlalu banyak permintaan (`api.rate_limited`)."),
        "headers": {"Retry-After": {"description": "Detik sampai boleh mencoba lagi.",
                                    "schema": {"type": "integer"}}},
    },
}
CACHE_HEADERS = {
    "ETag": {"description": "Penanda versi (lemah); kirim dalam `If-None-Match`.", "schema": {"type": "string"}},
    "Last-Modified": {"description": "Perubahan publik terakhir.", "schema": {"type": "string"}},
    "Cache-Control": {"description": "`public, max-age=60` untuk pengunjung anonim.", "schema": {"type": "string"}},
}


def _get(summary: str, description: str, schema: str, *, parameters: list | None = None,
         not_found: bool = False, bad_request: bool = False, content_type: str = JSON) -> dict:
    responses = {
        "200": {"description": "Berhasil.", "headers": CACHE_HEADERS,
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


def _id(name: str, what: str) -> dict:
    return _param(name, f"Nomor {what}.", {"type": "integer"}, where="path")


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "API Data Terbuka Warta",
            "version": VERSION,
            "summary": "Daftar Informasi Publik (DIP), dokumennya, dan edisi DIP yang ditetapkan.",
            "description": (
                "Hanya baca, tanpa akun. Hanya informasi yang sudah terbit dan tidak dikecualikan yang tampil. "
                "Halaman memakai penanda (`cursor`) dari tautan `next`. Setiap jawaban membawa `ETag` dan "
                "`Last-Modified`; kirim `If-None-Match` untuk jawaban 304 yang hemat. Batas permintaan per "
                "alamat IP per menit; bila terlampaui jawabannya 429 dengan `Retry-After`."
            ),
            "license": {"name": "Informasi publik (UU 14/2008)", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": f"{settings.SITE_URL}/api"}],
        "paths": {
            "/v1/entries": _get(
                "Daftar informasi publik", "Isi DIP yang terbuka untuk publik, dengan saringan dan halaman.",
                "EntryList", bad_request=True, parameters=[
                    _param("category", "Kategori informasi.",
                           {"type": "string", "enum": ["berkala", "serta-merta", "setiap-saat"]}),
                    _param("year", "Tahun informasi.", {"type": "integer", "minimum": 1900, "maximum": 2100}),
                    _param("unit", "Kode unit (PPID pelaksana).", {"type": "string"}),
                    _param("q", "Kata dalam ringkasan isi (pencarian sederhana; pencarian lengkap di portal).",
                           {"type": "string", "maxLength": MAX_QUERY_LENGTH}),
                    _param("updated_since", "Hanya yang terbit atau diperbarui sejak waktu ini (ISO 8601).",
                           {"type": "string"}),
                    _param("ordering", "Urutan; awali dengan `-` untuk urutan terbalik.",
                           {"type": "string", "default": "id",
                            "enum": ["id", "-id", "published_at", "-published_at"]}),
                    *PAGING_PARAMS,
                ]),
            "/v1/entries/{id}": _get("Satu informasi publik", "Ketujuh kolom DIP dan dokumennya.", "Entry",
                                     parameters=[_id("id", "informasi")], not_found=True),
            "/v1/documents": _get(
                "Daftar dokumen", "Metadata dokumen yang dilampirkan pada informasi atau pengumuman publik.",
                "DocumentList", bad_request=True, parameters=[
                    _param("media_type", "Jenis isi, misalnya `application/pdf`.", {"type": "string"}),
                    _param("entry", "Hanya lampiran informasi ini (`id` informasi).", {"type": "integer"}),
                    _param("ordering", "Urutan.", {"type": "string", "default": "id", "enum": ["id", "-id"]}),
                    *PAGING_PARAMS,
                ]),
            "/v1/documents/{id}": _get("Satu dokumen", "Metadata satu dokumen publik.", "Document",
                                       parameters=[_id("id", "dokumen")], not_found=True),
            "/v1/editions": _get(
                "Edisi DIP yang ditetapkan", "DIP yang ditetapkan dengan keputusan (SK) PPID, terbaru dahulu.",
                "EditionList", bad_request=True, parameters=[
                    _param("ordering", "Urutan.", {"type": "string", "default": "-id", "enum": ["id", "-id"]}),
                    *PAGING_PARAMS,
                ]),
            "/v1/editions/{id}": _get("Satu edisi DIP", "Data SK dan tautan PDF serta isi bekunya.", "Edition",
                                      parameters=[_id("id", "edisi")], not_found=True),
            "/v1/editions/{id}/snapshot": _get(
                "Isi beku satu edisi DIP",
                "Baris DIP sebagaimana ditetapkan. Baris yang informasinya kemudian ditarik atau dikecualikan "
                "tidak disajikan (`withheld_count`); `content_hash` tetap sidik isi lengkap saat penetapan.",
                "Snapshot", parameters=[_id("id", "edisi")], not_found=True),
            "/dcat.json": _get(
                "Katalog DCAT", "Katalog data (DCAT-AP 3, JSON-LD) untuk dipanen Portal Satu Data Indonesia.",
                "Catalogue", content_type="application/ld+json"),
        },
        "components": {"schemas": SCHEMAS, "responses": RESPONSES},
    }
