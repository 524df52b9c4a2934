"""The benchmark seeder: refuses bad counts before writing anything, and fills an empty register for real."""

import pytest
from django.core.management import CommandError, call_command

from warta.documents.models import Document
from warta.portal.search import search
from warta.registry.models import PublicEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("option", ["--entries=-5", "--entries=0", "--units=x", "--documents=-1", "--with-text=-2"])
def test_bad_counts_are_refused_before_anything_is_written(option, capsys):
    with pytest.raises(CommandError, match=r"bench\.count_invalid"):
        call_command("bench_seed", option, "-v0")
    assert not PublicEntry.objects.exists() and not Document.objects.exists()


def test_a_small_seed_is_public_searchable_and_refuses_a_second_run(capsys):
    call_command("bench_seed", "--entries=6", "--documents=12", "--with-text=0", "--units=2", "-v0")
    assert PublicEntry.objects.public().count() == 6
    assert Document.objects.count() == 12
    title_word = PublicEntry.objects.order_by("pk").first().title.split()[0]
    assert search(title_word).total >= 1
    with pytest.raises(CommandError, match="basis data kosong"):
        call_command("bench_seed", "--entries=1", "-v0")
