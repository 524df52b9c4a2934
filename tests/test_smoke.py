import pytest

pytestmark = pytest.mark.django_db


def test_home_page_answers_in_indonesian(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="id"' in response.content.decode()
    assert "Content-Security-Policy" in response.headers
