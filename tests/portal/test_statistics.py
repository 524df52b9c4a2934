import re

from django.urls import reverse


def chart_values(html: str, title: str) -> dict[str, str]:
    """The rows of one chart on the page: label → value as written."""
    figure = html.split(f'<figcaption class="chart-title">{title}</figcaption>', 1)[1].split("</figure>", 1)[0]
    rows = re.findall(r"<dt>(.*?)</dt>\s*<dd class=\"chart-bar\">.*?<span>(.*?)</span></dd>", figure, re.S)
    return dict(rows)


def test_statistics_count_only_what_the_public_may_see(client, world):
    response = client.get(reverse("portal:statistics"))
    assert response.status_code == 200
    html = response.content.decode()
    # Two public entries (2025); the scheduled (2027), withdrawn (2024) and exempt (2023) ones are not counted.
    assert chart_values(html, "Informasi publik menurut tahun informasi") == {"2025": "2"}
    categories = chart_values(html, "Informasi publik menurut kategori")
    assert categories == {"Informasi Berkala": "1", "Informasi Serta Merta": "0",
                          "Informasi Tersedia Setiap Saat": "1",
                          "Informasi yang Dikecualikan": "1"}  # the standing exemption, counted but never listed
    assert sum(int(value) for value in chart_values(html, "Informasi publik menurut unit").values()) == 2
    assert "Saat ini 2 informasi publik terbuka untuk Anda." in html
    for token in world.tokens:
        assert token not in html


def test_home_links_to_the_statistics(client, world):
    assert reverse("portal:statistics") in client.get(reverse("portal:home")).content.decode()
