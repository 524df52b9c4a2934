import pytest

pytestmark = pytest.mark.django_db


def test_home_page_answers_in_indonesian(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="id"' in response.content.decode()
    assert "Content-Security-Policy" in response.headers


def test_indonesian_whatever_the_browser_prefers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="id"' in response.content.decode()
    assert response.headers["Content-Language"] == "id"


def test_english_when_the_visitor_chooses_it(client):
    client.get("/i18n/setlang/", {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get("/").content.decode()
