"""JSON out: UTF-8 without escapes, and errors in one shape: {"error": {"code", "message", "field"?}}."""

from django.http import JsonResponse

from warta.core.errors import ServiceError

JSON_PARAMS = {"ensure_ascii": False}


def json_response(data, status: int = 200, content_type: str = "application/json") -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params=JSON_PARAMS, content_type=content_type)


def error_response(error: ServiceError, status: int) -> JsonResponse:
    body = {"code": error.code, "message": error.message}
    if error.field:
        body["field"] = error.field
    return json_response({"error": body}, status=status)
