"""Validating real API answers against the OpenAPI description's own schemas."""

from __future__ import annotations

from functools import cache

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from warta.api import openapi

BASE = "urn:warta:openapi"


def _pointer(*parts: str) -> str:
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


@cache
def _registry() -> Registry:
    spec = openapi.document()
    return Registry().with_resource(BASE, Resource.from_contents(spec, default_specification=DRAFT202012))


def response_schema(path: str, status: int, content_type: str = "application/json") -> dict:
    """The schema the description gives for ``path``'s GET answer with this status (following $refs)."""
    spec = openapi.document()
    response = spec["paths"][path]["get"]["responses"][str(status)]
    pointer = _pointer("paths", path, "get", "responses", str(status))
    if "$ref" in response:
        pointer = response["$ref"].lstrip("#/")
        response = spec["components"]["responses"][pointer.rsplit("/", 1)[-1]]
    assert content_type in response["content"], f"{path} {status}: no {content_type} in the description"
    return {"$ref": f"{BASE}#/{pointer}/content/{_pointer(content_type)}/schema"}


def validate(data, path: str, status: int = 200, content_type: str = "application/json") -> None:
    validator = Draft202012Validator(response_schema(path, status, content_type), registry=_registry(),
                                     format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors[:5])
