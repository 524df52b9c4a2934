"""Reading the API in tests: a page's JSON (the request must succeed) and its result titles."""


def get_json(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data) -> list[str]:
    return [row["title"] for row in data["results"]]
