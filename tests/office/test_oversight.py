import re

import pytest
from django.urls import reverse

from warta.pos.models import StepRun

pytestmark = pytest.mark.django_db


def test_oversight_charts_each_steps_average_against_its_standard(clients, run):
    disposition = StepRun.objects.get(run=run, step__number=1)
    html = clients["atasan"].get(reverse("office:oversight")).content.decode()
    figure = html.split("Rata-rata waktu kerja per langkah dibanding waktu baku", 1)[1].split("</figure>", 1)[0]
    assert f"<dt>1. {disposition.step.activity}</dt>" in figure
    values = re.findall(r'<span class="visually-hidden">(.*?): </span>(.*?)</span>', figure)
    assert [name for name, _value in values] == ["Rata-rata", "Waktu baku"]
    assert values[1][1] == html.split('data-label="Waktu baku">', 1)[1].split("</td>", 1)[0]
