"""Search text: cleaning extracted PDF text, parsing queries, snippets and highlighting (no database)."""

from hypothesis import given
from hypothesis import strategies as st

from warta.portal.markup import render
from warta.portal.search.engine import fts5_expression, tsquery_texts
from warta.portal.search.text import Query, clean_text, highlight, snippet


def test_clean_text_drops_running_footers_page_numbers_and_watermark_fragments():
    watermark = "K om is i In fo rm as i"
    pages = [f"{n}\nPasal {n}\nInformasi Publik ke-{n} wajib {watermark} diumumkan.\n*Komisi Informasi Pusat*"
             for n in range(1, 6)]
    text = clean_text("\f".join(pages))
    assert "*Komisi Informasi Pusat*" not in text
    assert "K om is i" not in text
    assert "Pasal 3 Informasi Publik ke-3 wajib diumumkan." in text
    assert not text.startswith("1 ")


def test_clean_text_joins_words_broken_at_line_ends_and_keeps_short_real_words():
    assert clean_text("Undang-\nUndang Nomor 14 di\nkantor ini") == "Undang-Undang Nomor 14 di kantor ini"
    assert clean_text("kata\x00nya") == "katanya"


def test_query_keeps_only_words():
    query = Query.parse('  "Laporan"  keuangan* OR {title}: laporan; DROP  ')
    assert query.terms == ("laporan", "keuangan", "or", "title", "drop")
    assert fts5_expression(Query.parse("di anggar")) == '"di" AND "anggar"*'
    assert tsquery_texts(Query.parse("di anggar")) == ("di & anggar", "di & anggar:*", "di & anggar")
    assert tsquery_texts(Query.parse("realisasi anggar")) == (  # only the last word may be unfinished
        "realisasi & anggar", "realisasi & anggar:*", "realisasi & anggar")
    assert not Query.parse("!!! ---")


def test_numbers_match_whole_so_a_regulations_number_finds_no_longer_one():
    query = Query.parse("UU 14 2008 keterbukaan")
    assert fts5_expression(query) == '"uu" AND "14" AND "2008" AND "keterbukaan"*'
    assert tsquery_texts(Query.parse("laporan 2023"))[1] == "laporan & 2023"
    assert str(highlight("UU 14/2008, bukan Pasal 140 atau tahun 20081", query)) == (
        "<mark>UU</mark> <mark>14</mark>/<mark>2008</mark>, bukan Pasal 140 atau tahun 20081")


@given(st.text(max_size=300))
def test_any_input_parses_to_safe_terms(raw):
    for term in Query.parse(raw).terms:
        assert term and all(ch.isalnum() for ch in term)



def test_highlight_escapes_everything_but_its_own_marks():
    html = str(highlight("<b>Anggaran</b> & neraca", Query.parse("anggar")))
    assert html == "&lt;b&gt;<mark>Anggaran</mark>&lt;/b&gt; &amp; neraca"


def test_stems_highlight_affixed_words():
    query = Query.parse("keuangan").with_stems(("uang",))
    assert str(highlight("Laporan keuangan dan uang negara", query)) == (
        "Laporan <mark>keuangan</mark> dan <mark>uang</mark> negara"
    )


def test_snippet_prefers_the_passage_where_all_words_meet():
    body = ("Pembukaan. " * 40) + "Belanja barang. " + ("Isi lain. " * 40) + "Belanja pegawai naik. " + "Akhir. " * 40
    html = str(snippet(["Ringkasan tentang belanja.", body], Query.parse("belanja pegawai")))
    assert "<mark>Belanja</mark> <mark>pegawai</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    fallback = str(snippet(["Ringkasan saja.", ""], Query.parse("tidakada")))
    assert fallback == "Ringkasan saja."
    # The words only in the title, no summary: no snippet, rather than the start of a document or the holder's name.
    assert str(snippet(["", "Isi dokumen yang panjang.", "Subbagian Umum"], Query.parse("judul"))) == ""


def test_markdown_subset_is_safe():
    html = str(render("# Judul\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](https://x.id)\n\n"
                      "![gambar](https://cdn.example/x.png)"))
    assert "<h1>Judul</h1>" in html
    assert "<img" not in html and "&lt;img" in html
    assert 'href="javascript' not in html and 'href="https://x.id"' in html
