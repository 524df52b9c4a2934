"""What each kind of notification says, worded when it is read: in the reader's language, not in the language of
whoever set it off. A notification row keeps its wording's key and values; its stored title and body are the same
words in the site's language, for the e-mail and for rows written before wordings had keys.

The values are the procedure's own data (a disposition's number and title, a step's activity and standard time as
the POS writes them), which stay as written in every language, like the rest of the office's records.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, ngettext_lazy


@dataclass(frozen=True)
class Wording:
    title: Promise
    body: Promise


WORDINGS = {
    "step_opened": Wording(gettext_lazy("Langkah %(step)s “%(activity)s” menunggu Anda"),
                           gettext_lazy("Disposisi %(run)s: %(title)s. Waktu baku %(standard)s.")),
    "step_returned": Wording(gettext_lazy("Disposisi %(run)s dikembalikan: perbaiki langkah %(step)s"),
                             gettext_lazy("Alasan pengembalian: %(reason)s")),
    "delegated": Wording(gettext_lazy("Anda menerima Surat Penugasan %(number)s"),
                         gettext_lazy("Langkah %(step)s “%(activity)s” disposisi %(run)s dialihkan kepada Anda. "
                                      "Alasan: %(reason)s")),
    "edition_proposed": Wording(gettext_lazy("Edisi DIP “%(title)s” menunggu persetujuan Anda"),
                                ngettext_lazy("Diusulkan oleh %(user)s; %(count)d informasi.",
                                              "Diusulkan oleh %(user)s; %(count)d informasi.", "count")),
    "edition_approved": Wording(gettext_lazy("Edisi DIP “%(title)s” disetujui Atasan PPID"),
                                gettext_lazy("Tetapkan edisi ini dengan nomor dan tanggal SK.")),
}


def word(message: str, values: dict) -> tuple[str, str]:
    """(title, body) in the active language. ``urgent`` puts the serta-merta mark before the title; ``queued`` says
    the task waits in the shared queue."""
    wording = WORDINGS[message]
    title, body = wording.title % values, wording.body % values
    if values.get("urgent"):
        title = gettext("SEGERA (serta merta): %(title)s") % {"title": title}
    if values.get("queued"):
        body += " " + gettext("Tugas ini ada di antrean bersama; ambil bila Anda mengerjakannya.")
    return title, body
