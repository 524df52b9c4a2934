import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Each test stores its files in a fresh folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
