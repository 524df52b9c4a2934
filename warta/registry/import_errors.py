"""Every refusal and row problem of the register import, with its stable code and a plain Indonesian message.

File-level refusals are raised as ``ServiceError``; row problems are collected as ``ImportProblem`` with the
same codes so a screen can explain both the same way.
"""

from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

# --- The whole file is refused.
EMPTY_FILE = ErrorCode("registry.import_empty_file", _("Berkas “%(name)s” kosong. Pilih berkas daftar informasi."))
UNSUPPORTED_FORMAT = ErrorCode(
    "registry.import_unsupported_format",
    _("Berkas “%(name)s” bukan XLSX atau CSV. Simpan daftar informasi sebagai .xlsx atau .csv, lalu unggah ulang."),
)
LEGACY_XLS = ErrorCode(
    "registry.import_legacy_xls",
    _("Berkas “%(name)s” berformat Excel lama (.xls). Buka di Excel atau LibreOffice, simpan sebagai .xlsx, "
      "lalu unggah ulang."),
)
UNREADABLE = ErrorCode(
    "registry.import_unreadable",
    _("Berkas “%(name)s” tidak dapat dibaca (%(detail)s). Periksa apakah berkasnya rusak, lalu unggah ulang."),
)
NO_HEADER = ErrorCode(
    "registry.import_no_header",
    _("Baris judul kolom tidak ditemukan di %(rows)s baris pertama berkas “%(name)s”. Pastikan ada baris berisi "
      "judul kolom seperti “No”, “Ringkasan Isi Informasi”, “Pejabat yang Menguasai Informasi”, dan “Kategori”."),
)
NO_TITLE_COLUMN = ErrorCode(
    "registry.import_no_title_column",
    _("Kolom “Ringkasan Isi Informasi” tidak ditemukan pada baris judul (baris %(row)s). Beri judul kolom itu "
      "“Ringkasan Isi Informasi” atau “Informasi”, lalu unggah ulang."),
)
NO_ROWS = ErrorCode(
    "registry.import_no_rows", _("Berkas “%(name)s” tidak berisi satu pun baris informasi di bawah judul kolom.")
)
HAS_PROBLEMS = ErrorCode(
    "registry.import_has_problems",
    _("Impor dibatalkan: ada %(count)s masalah yang harus diperbaiki lebih dulu (%(first)s). Perbaiki baris-baris "
      "itu di berkas, lalu unggah ulang. Tidak ada data yang disimpan."),
)

# --- One row is blocked (ImportProblem.code).
ROW_NO_TITLE = ErrorCode(
    "registry.import_row_no_title",
    _("Ringkasan isi informasi kosong. Isi kolom ini atau hapus barisnya."),
)
ROW_UNKNOWN_CATEGORY = ErrorCode(
    "registry.import_row_unknown_category",
    _("Kategori “%(value)s” tidak dikenal. Tulis salah satu: Berkala, Serta Merta, Setiap Saat, atau Dikecualikan."),
)
ROW_NO_CATEGORY = ErrorCode(
    "registry.import_row_no_category",
    _("Kategori kosong dan baris ini tidak berada di bawah judul bagian kategori (misalnya “A. Informasi Berkala”). "
      "Isi kolom kategori."),
)
ROW_TOO_LONG = ErrorCode(
    "registry.import_row_too_long",
    _("Isi kolom “%(column)s” terlalu panjang: %(length)s karakter, paling banyak %(limit)s. Persingkat isinya."),
)
