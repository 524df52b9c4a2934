"""Public document downloads: byte ranges (so a preview on a slow link resumes and PDF viewers fetch parts),
with the file's ETag, its type, its name and nosniff kept on every answer."""

import pytest

from tests.portal import world as w
from warta.core.ranges import ByteRange, Unsatisfiable, parse_range

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-99", ByteRange(0, 99)),
        ("bytes=100-", ByteRange(100, 999)),
        ("bytes=-100", ByteRange(900, 999)),
        ("bytes=-5000", ByteRange(0, 999)),  # a suffix longer than the file is the whole file
        ("bytes=990-5000", ByteRange(990, 999)),  # the end is clipped to the file
        ("bytes=999-999", ByteRange(999, 999)),
        ("BYTES = 5 - 9", ByteRange(5, 9)),
        ("bytes=0-1,5-6", None),  # several ranges: the whole file
        ("items=0-5", None),
        ("bytes=9-5", None),  # last before first: invalid, ignored
        ("bytes=-", None),
        ("bytes=a-b", None),
        ("", None),
    ],
)
def test_a_range_header_is_read_as_rfc_9110_says(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=1000-2000", "bytes=-0"])
def test_a_range_past_the_end_cannot_be_satisfied(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, 1000)


@pytest.fixture
def public_pdf(staff, doc):
    document = doc("laporan-panjang.pdf", "\n".join(f"Baris laporan nomor {n}." for n in range(200)), "Laporan")
    w.published(staff, {"title": "Laporan panjang", "summary": "Untuk unduhan sebagian."}, [document])
    document.refresh_from_db()
    return document


def _whole(client, document) -> bytes:
    return _body(client.get(f"/dokumen/{document.pk}/"))


def _assert_file_headers(response, document, *, inline=False):
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Accept-Ranges"] == "bytes"
    assert response["ETag"] == f'"{document.sha256}"'
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline" if inline else "attachment") and "laporan-panjang.pdf" in disposition


def test_the_whole_file_says_it_accepts_ranges(client, public_pdf):
    response = client.get(f"/dokumen/{public_pdf.pk}/")
    assert response.status_code == 200
    _assert_file_headers(response, public_pdf)
    assert int(response["Content-Length"]) == public_pdf.size == len(_body(response))


@pytest.mark.parametrize("suffix", ["", "lihat/"])
def test_a_single_range_is_answered_206(client, public_pdf, suffix):
    whole = _whole(client, public_pdf)
    response = client.get(f"/dokumen/{public_pdf.pk}/{suffix}", HTTP_RANGE="bytes=10-109")
    assert response.status_code == 206
    _assert_file_headers(response, public_pdf, inline=bool(suffix))
    assert response["Content-Range"] == f"bytes 10-109/{public_pdf.size}"
    assert response["Content-Length"] == "100" and _body(response) == whole[10:110]


def test_an_open_range_resumes_a_download(client, public_pdf):
    whole = _whole(client, public_pdf)
    start = public_pdf.size // 2
    response = client.get(f"/dokumen/{public_pdf.pk}/", HTTP_RANGE=f"bytes={start}-")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{public_pdf.size - 1}/{public_pdf.size}"
    assert whole[:start] + _body(response) == whole


def test_a_suffix_range_gives_the_end_of_the_file(client, public_pdf):
    whole = _whole(client, public_pdf)
    response = client.get(f"/dokumen/{public_pdf.pk}/", HTTP_RANGE="bytes=-64")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {public_pdf.size - 64}-{public_pdf.size - 1}/{public_pdf.size}"
    tail = _body(response)
    assert tail == whole[-64:] and tail.rstrip().endswith(b"%%EOF")


def test_an_unsatisfiable_range_is_416_with_the_size(client, public_pdf):
    response = client.get(f"/dokumen/{public_pdf.pk}/", HTTP_RANGE=f"bytes={public_pdf.size}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{public_pdf.size}"
    text = response.content.decode()
    assert "http.range_not_satisfiable" in text and "di luar ukuran berkas" in text


def test_if_range_with_another_files_etag_gets_the_whole_file(client, public_pdf):
    whole = _whole(client, public_pdf)
    stale = client.get(f"/dokumen/{public_pdf.pk}/", HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"' + "0" * 64 + '"')
    assert stale.status_code == 200 and _body(stale) == whole
    dated = client.get(
        f"/dokumen/{public_pdf.pk}/", HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE="Tue, 24 Nov 2026 04:00:00 GMT"
    )
    assert dated.status_code == 200 and _body(dated) == whole
    weak = client.get(f"/dokumen/{public_pdf.pk}/", HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=f'W/"{public_pdf.sha256}"')
    assert weak.status_code == 200
    current = client.get(f"/dokumen/{public_pdf.pk}/", HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=f'"{public_pdf.sha256}"')
    assert current.status_code == 206 and _body(current) == whole[:10]


def test_several_ranges_get_the_whole_file(client, public_pdf):
    response = client.get(f"/dokumen/{public_pdf.pk}/", HTTP_RANGE="bytes=0-9,20-29")
    assert response.status_code == 200 and _body(response) == _whole(client, public_pdf)


def test_a_matching_if_none_match_is_still_304(client, public_pdf):
    response = client.get(
        f"/dokumen/{public_pdf.pk}/", HTTP_RANGE="bytes=0-9", HTTP_IF_NONE_MATCH=f'"{public_pdf.sha256}"'
    )
    assert response.status_code == 304


def test_a_range_of_an_unpublished_document_is_404(client, staff, doc):
    hidden = doc("konsep.pdf", "Konsep yang belum terbit.")
    w.draft(staff, {"title": "Konsep"}, [hidden])
    for header in ("bytes=0-9", "bytes=-10", "bytes=999999-"):
        assert client.get(f"/dokumen/{hidden.pk}/", HTTP_RANGE=header).status_code == 404
