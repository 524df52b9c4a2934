"""Every refusal of the procedure engine, with its stable code and a plain Indonesian message."""

from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

FILE_INVALID = ErrorCode(
    "pos.file_invalid",
    _("Berkas prosedur tidak sah: %(where)s: %(problem)s Perbaiki berkasnya lalu muat ulang."),
)
PROCEDURE_NOT_LOADED = ErrorCode(
    "pos.procedure_not_loaded", _("Belum ada POS yang dimuat. Jalankan “warta pos load” terlebih dahulu.")
)
PROCEDURE_AMBIGUOUS = ErrorCode(
    "pos.procedure_ambiguous", _("Ada lebih dari satu POS yang berlaku. Sebutkan nomor POS yang dimaksud.")
)
PROCEDURE_UNKNOWN = ErrorCode("pos.procedure_unknown", _("POS bernomor “%(code)s” tidak ditemukan."))
UNKNOWN_ROLE = ErrorCode("pos.unknown_role", _("Peran “%(role)s” tidak dikenal. Peran yang ada: %(choices)s."))
USER_INACTIVE = ErrorCode("pos.user_inactive", _("Akun ini tidak aktif (%(user)s)."))
OTHER_UNIT = ErrorCode(
    "pos.other_unit", _("%(user)s bukan anggota unit %(unit)s, sehingga tidak dapat menangani disposisi ini.")
)
ROLE_REQUIRED = ErrorCode(
    "pos.role_required",
    _("%(user)s tidak memegang peran %(role)s yang dibutuhkan untuk langkah ini. Minta administrator memberikan "
      "peran tersebut atau serahkan langkah ini kepada pemegang peran."),
)
NOT_ASSIGNEE = ErrorCode(
    "pos.not_assignee",
    _("Langkah ini ditugaskan kepada %(assignee)s; jika ia berhalangan, alihkan dengan surat penugasan."),
)
STEP_NOT_ACTIVE = ErrorCode(
    "pos.step_not_active", _("Langkah %(number)s tidak sedang berjalan (status: %(status)s).")
)
STEP_OUT_OF_ORDER = ErrorCode(
    "pos.step_out_of_order",
    _("Langkah %(number)s belum dapat dikerjakan: disposisi ini sedang berada di %(current)s."),
)
RUN_CLOSED = ErrorCode("pos.run_closed", _("Disposisi %(number)s sudah %(status)s; tidak ada langkah yang berjalan."))
INPUTS_MISSING = ErrorCode(
    "pos.inputs_missing",
    _("Langkah ini belum dapat diselesaikan karena kelengkapan berikut belum ada: %(missing)s. "
      "Lengkapi dahulu, atau selesaikan dengan penyimpangan dan tuliskan penjelasannya."),
)
UNKNOWN_INPUT = ErrorCode(
    "pos.unknown_input", _("“%(key)s” bukan kelengkapan langkah mana pun pada POS ini. Pilihan: %(choices)s.")
)
BREACH_UNEXPLAINED = ErrorCode(
    "pos.breach_unexplained",
    _("Masih ada penyimpangan yang belum dijelaskan (%(breaches)s). "
      "Tuliskan penjelasan penyimpangan terlebih dahulu."),
)
USE_VERIFY = ErrorCode(
    "pos.use_verify", _("Langkah verifikasi diselesaikan dengan Setujui atau Kembalikan, bukan dengan Selesai.")
)
APPROVAL_BLOCKED = ErrorCode(
    "pos.approval_blocked",
    _("Verifikasi belum dapat disetujui: %(problems)s. Selesaikan hal tersebut atau kembalikan ke penyusun."),
)
NOT_VERIFICATION = ErrorCode("pos.not_verification", _("Langkah %(number)s bukan langkah verifikasi."))
RETURN_REASON_REQUIRED = ErrorCode(
    "pos.return_reason_required", _("Tuliskan alasan pengembalian agar pelaksana tahu apa yang harus diperbaiki.")
)
EXPLANATION_TOO_SHORT = ErrorCode(
    "pos.explanation_too_short",
    _("Penjelasan penyimpangan terlalu singkat. Tuliskan sebabnya dan langkah perbaikannya "
      "(minimal %(min)s karakter)."),
)
BREACH_ALREADY_EXPLAINED = ErrorCode("pos.breach_already_explained", _("Penyimpangan ini sudah dijelaskan."))
NOT_RESPONSIBLE = ErrorCode(
    "pos.not_responsible", _("Penyimpangan ini hanya dapat dijelaskan oleh pelaksananya (%(user)s).")
)
PLAN_REQUIRED = ErrorCode(
    "pos.plan_required",
    _("Disposisi membutuhkan Rencana Pengembangan Informasi: tambahkan sedikitnya satu informasi beserta target "
      "tanggalnya."),
)
FIELD_REQUIRED = ErrorCode("pos.field_required", _("%(label)s wajib diisi."))
DELEGATE_SAME = ErrorCode("pos.delegate_same", _("Langkah ini sudah ditugaskan kepada orang itu (%(user)s)."))
DELEGATION_NOT_ALLOWED = ErrorCode(
    "pos.delegation_not_allowed",
    _("Hanya pelaksana langkah ini atau PPID yang dapat mengalihkannya dengan surat penugasan."),
)
QUALIFICATION_CONFIRM = ErrorCode(
    "pos.qualification_confirm",
    _("%(user)s belum memiliki kualifikasi pelaksana berikut: %(missing)s. Konfirmasikan bahwa Anda tetap "
      "menugaskannya; konfirmasi ini dicatat."),
)
LETTER_NUMBER_TAKEN = ErrorCode(
    "pos.letter_number_taken", _("Nomor surat %(number)s sudah dipakai. Gunakan nomor lain.")
)
CLAIMED_BY_OTHER = ErrorCode(
    "pos.claimed_by_other",
    _("Tugas ini sudah diambil oleh %(user)s dari antrean. Minta ia melepasnya, atau minta PPID mengalihkannya "
      "dengan surat penugasan."),
)
NOT_IN_QUEUE = ErrorCode(
    "pos.not_in_queue", _("Tugas ini sudah ditugaskan kepada %(user)s, jadi tidak dapat diambil dari antrean.")
)
NOT_CLAIMED = ErrorCode("pos.not_claimed", _("Tugas ini tidak sedang diambil siapa pun dari antrean."))
RELEASE_NOT_ALLOWED = ErrorCode(
    "pos.release_not_allowed",
    _("Hanya %(user)s, yang mengambil tugas ini, atau PPID unitnya yang dapat mengembalikannya ke antrean."),
)
