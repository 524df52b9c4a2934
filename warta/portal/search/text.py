"""Text for the search index and the snippets shown with results. Pure functions, no database.

Extracted PDF text is noisy: running headers and footers on every page ("*Komisi Informasi Pusat*"), page
numbers, words broken at line ends, and watermark lettering scattered through the text as fragments ("K om is
i In fo"). ``clean_text`` removes what it can recognise, so both the index and the snippets read as prose.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from html import escape  # Django's escape, without its lazy-string wrapper: the pieces here are plain str

from django.utils.safestring import SafeString, mark_safe

PAGE_BREAK = "\f"
MAX_TERMS = 8
MAX_TERM_LENGTH = 40
PREFIX_MIN = 3  # shorter words match only exactly ("di" must not match every word starting with "di")
SNIPPET_CHARS = 240
MAX_BODY_CHARS = 300_000  # PostgreSQL refuses a tsvector over 1 MB; this much text stays well under it

_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits; "_" splits words
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*-)?\s*$", re.IGNORECASE)
# Watermark fragments: four or more letter groups of one or two letters in a row ("K om is i In fo").
_FRAGMENT_RUN = re.compile(r"(?:(?<=\s)|^)(?:[^\W\d_]{1,2}\s+){3,}[^\W\d_]{1,2}(?=\s|$)", re.UNICODE)
_LONE_FRAGMENT_LINE = re.compile(r"^\s*[^\W\d_]{1,2}\s*$", re.UNICODE)
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
_SPACES = re.compile(r"\s+")
# Indonesian affixes around a stem, to highlight the words a stemmed (PostgreSQL) match found.
_PREFIXES = r"(?:me|mem|men|meng|meny|pe|pem|pen|peng|peny|per|ber|be|ter|di|ke|se)?"
_SUFFIXES = r"(?:kan|an|i|nya|lah|kah|pun)*"


def _repeated_lines(pages: list[str]) -> set[str]:
    """Lines that recur on many pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    counts = Counter()
    for page in pages:
        counts.update({line.strip() for line in page.splitlines() if line.strip()})
    threshold = max(3, len(pages) * 3 // 10)
    return {line for line, count in counts.items() if count >= threshold and len(line) < 120}


def clean_text(text: str, limit: int = MAX_BODY_CHARS) -> str:
    """Extracted document text as one line of prose: no running headers, page numbers or watermark bits."""
    if not text:
        return ""
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    pages = text.split(PAGE_BREAK)
    repeated = _repeated_lines(pages)
    kept_pages = []
    for page in pages:
        lines = [
            line for line in page.splitlines()
            if line.strip() and line.strip() not in repeated and not _PAGE_NUMBER.match(line)
            and not _LONE_FRAGMENT_LINE.match(line)
        ]
        kept_pages.append("\n".join(lines))
    joined = _HYPHEN_BREAK.sub(r"\1-\2", "\n".join(kept_pages))
    joined = _FRAGMENT_RUN.sub(" ", joined)
    return _SPACES.sub(" ", joined).strip()[:limit]


def plain(text: str) -> str:
    """Any field's text as one line, for the index."""
    return _SPACES.sub(" ", (text or "").replace("\x00", "")).strip()


@dataclass(frozen=True)
class Query:
    """What the visitor typed, as terms: letters and digits only, so nothing reaches a query language raw."""

    raw: str
    terms: tuple[str, ...]
    stems: tuple[str, ...] = field(default=())

    @classmethod
    def parse(cls, raw: str | None) -> Query:
        raw = (raw or "").strip()[:200]
        terms = []
        for word in _WORD.findall(raw.lower()):
            word = word[:MAX_TERM_LENGTH]
            if word and word not in terms:
                terms.append(word)
        return cls(raw=raw, terms=tuple(terms[:MAX_TERMS]))

    def __bool__(self) -> bool:
        return bool(self.terms)

    def with_stems(self, stems: tuple[str, ...]) -> Query:
        return Query(raw=self.raw, terms=self.terms, stems=stems)

    @cached_property
    def pattern(self) -> re.Pattern | None:
        """A regular expression finding the words a match rests on: each term as a word prefix (or the whole
        word when short), and each Indonesian stem with its affixes."""
        if not self.terms:
            return None
        alternatives = [re.escape(term) + (r"\w*" if matches_as_prefix(term) else "") for term in self.terms]
        alternatives += [_PREFIXES + re.escape(stem) + _SUFFIXES for stem in self.stems
                         if len(stem) >= PREFIX_MIN and stem not in self.terms]
        return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def matches_as_prefix(term: str) -> bool:
    """Whether a term also finds longer words ("anggar" → "anggaran"). Not short words ("di"), nor numbers: a year
    or a regulation's number is typed whole, and "14" must not find "140"."""
    return len(term) >= PREFIX_MIN and not term.isdigit()


def highlight(text: str, query: Query) -> SafeString:
    """``text`` escaped, with the matching words in <mark>."""
    pattern = query.pattern
    if not text or pattern is None:
        return mark_safe(escape(text or ""))
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last:match.start()]), "<mark>", escape(match.group(0)), "</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # safe: every piece of text above is escaped


def _window(text: str, start: int, size: int) -> tuple[int, int]:
    """A window of about ``size`` characters starting a little before ``start``, cut at spaces."""
    begin = max(0, start - size // 4)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(text), begin + size)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > start else end
    return begin, end


def _covered(word: str, query: Query) -> frozenset[str]:
    word = word.lower()
    return frozenset([term for term in query.terms if word.startswith(term)]
                     + [stem for stem in query.stems if stem in word])


def snippet(texts: list[str], query: Query, size: int = SNIPPET_CHARS) -> SafeString:
    """The passage where most query terms meet, highlighted; on a tie the earlier text (summary before body).

    Without a match in any of them (the words are in the title only, or a stemmed match the pattern cannot see),
    the start of the first text, the summary, is shown; if it is empty, nothing is.
    """
    pattern = query.pattern
    best = None  # (terms covered, text, start)
    for text in texts:
        if not text or pattern is None:
            continue
        found = []  # (start, the terms and stems the matched word covers)
        for match in pattern.finditer(text):
            found.append((match.start(), _covered(match.group(0), query)))
            if len(found) >= 60:
                break
        for index, (start, _) in enumerate(found):
            covered = set()
            for other_start, terms in found[index:]:
                if other_start >= start + size * 3 // 4:
                    break
                covered |= terms
            if best is None or len(covered) > best[0]:
                best = (len(covered), text, start)
        if best is not None and best[0] >= len(query.terms):
            break  # every term in one passage: nothing later can do better
    if best is not None:
        return _cut(best[1], *_window(best[1], best[2], size), query)
    first = texts[0] if texts else ""
    return _cut(first, *_window(first, 0, size), query) if first else mark_safe("")


def _cut(text: str, begin: int, end: int, query: Query) -> SafeString:
    before = "… " if begin > 0 else ""
    after = " …" if end < len(text) else ""
    return mark_safe(before + highlight(text[begin:end].strip(), query) + after)  # safe: highlight escapes
