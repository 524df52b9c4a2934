import pytest
from django.template.loader import render_to_string

from warta.core.charts import bar_chart


def test_bars_share_one_scale_and_keep_their_numbers_as_text():
    chart = bar_chart("Menurut kategori", [("Berkala", 1204), ("Setiap saat", 301), ("Serta merta", 0)])
    assert [(row.label, row.bars[0].percent, row.bars[0].text) for row in chart.rows] == [
        ("Berkala", 100.0, "1.204"), ("Setiap saat", 25.0, "301"), ("Serta merta", 0.0, "0")]


def test_grouped_bars_follow_the_legend():
    chart = bar_chart("Waktu per langkah", [("1. Disposisi", (2, 4)), ("2. Penyusunan", (8, 4))],
                      legend=("Rata-rata", "Waktu baku"), text=lambda hours: f"{hours:g} jam")
    first = chart.rows[0].bars
    assert [(bar.name, bar.percent, bar.text) for bar in first] == [("Rata-rata", 25.0, "2 jam"),
                                                                     ("Waktu baku", 50.0, "4 jam")]


def test_an_empty_chart_is_falsy_and_all_zero_draws_no_bar():
    assert not bar_chart("Kosong", [])
    assert bar_chart("Nol", [("A", 0)]).rows[0].bars[0].percent == 0


@pytest.mark.parametrize("rows, legend", [([("A", -1)], ()), ([("A", (1, 2))], ("satu",))])
def test_impossible_charts_are_refused(rows, legend):
    with pytest.raises(ValueError):
        bar_chart("Salah", rows, legend=legend)


def test_rendered_chart_hides_the_drawing_and_writes_each_value():
    html = render_to_string("core/_bar_chart.html", {"chart": bar_chart(
        "Waktu per langkah", [("1. Disposisi", (2, 4))], legend=("Rata-rata", "Waktu baku"))})
    assert html.count('aria-hidden="true"') == 4  # two legend keys, two bars
    assert '<rect width="50.0" height="10"/>' in html and '<rect width="100.0" height="10"/>' in html
    assert "Rata-rata: </span>2</span>" in html and "Waktu baku: </span>4</span>" in html
    assert "style=" not in html  # the CSP allows no inline style
