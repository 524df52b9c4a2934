"""HTTP byte ranges (RFC 9110 §14) for the files we stream, so a download on a slow link can resume and a PDF
viewer can fetch the parts it shows first.

One range per request: ``bytes=first-last``, ``bytes=first-`` and the suffix form ``bytes=-length``. A request
for several ranges, another unit or a malformed header gets the whole file (a server may ignore Range). An
``If-Range`` that does not carry the file's current strong ETag also gets the whole file: the part the client
holds belongs to another file. A range starting past the end answers 416 with ``Content-Range: bytes */size``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from .errors import ErrorCode

CHUNK = 64 * 1024
RANGE_NOT_SATISFIABLE = ErrorCode(
    "http.range_not_satisfiable",
    _(
        "Bagian berkas yang diminta (%(requested)s) berada di luar ukuran berkas (%(size)s bita). "
        "Unduh ulang berkasnya."
    ),
)
_SPEC = re.compile(r"^\s*(\d*)\s*-\s*(\d*)\s*$")


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive, as in Content-Range

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def content_range(self, size: int) -> str:
        return f"bytes {self.start}-{self.end}/{size}"


class Unsatisfiable(Exception):
    """The range is well formed but no byte of the file falls in it."""


def parse_range(header: str, size: int) -> ByteRange | None:
    """The one range asked for, or None to send the whole file. Raises Unsatisfiable."""
    unit, _, specs = (header or "").partition("=")
    if unit.strip().lower() != "bytes" or "," in specs:
        return None
    match = _SPEC.match(specs)
    if not match or not (match[1] or match[2]):
        return None
    first, last = match[1], match[2]
    if not first:  # suffix: the last N bytes
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return ByteRange(max(size - suffix, 0), size - 1)
    start = int(first)
    if last and int(last) < start:
        return None  # invalid syntax per RFC 9110: ignore the header
    if start >= size:
        raise Unsatisfiable
    return ByteRange(start, min(int(last), size - 1) if last else size - 1)


def if_range_allows(request, etag: str) -> bool:
    """True when there is no If-Range, or it names this file's strong ETag (a date never matches: we give
    files no Last-Modified, only their content hash)."""
    condition = request.headers.get("If-Range")
    if condition is None:
        return True
    condition = condition.strip()
    return not condition.startswith("W/") and condition == etag


def _read(handle, byte_range: ByteRange):
    try:
        handle.seek(byte_range.start)
        remaining = byte_range.length
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


def file_response(request, handle, *, size: int, etag: str, content_type: str, filename: str,
                  as_attachment: bool):  # fmt: skip
    """A 200 with the whole file, a 206 with the range asked for, or a 416; each says ``Accept-Ranges: bytes``.
    ``handle`` is an open binary file; it is closed when the response is done."""
    header = request.headers.get("Range")
    byte_range = None
    if header and if_range_allows(request, etag):
        try:
            byte_range = parse_range(header, size)
        except Unsatisfiable:
            handle.close()
            error = RANGE_NOT_SATISFIABLE.error(requested=header.strip()[:60], size=size)
            response = HttpResponse(
                f"{error.message} [{error.code}]\n", status=416, content_type="text/plain; charset=utf-8"
            )
            response["Content-Range"] = f"bytes */{size}"
            response["Accept-Ranges"] = "bytes"
            return response
    if byte_range is None:
        response = FileResponse(handle, as_attachment=as_attachment, filename=filename, content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        response = StreamingHttpResponse(_read(handle, byte_range), status=206, content_type=content_type)
        response["Content-Range"] = byte_range.content_range(size)
        response["Content-Length"] = str(byte_range.length)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    return response
