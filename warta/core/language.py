"""The language switch: plain links in the footer of every page (``base.html``), answered by this view.

A link needs no form and so no CSRF token: the public pages stay free of anything per visitor, which lets
Django's page cache and a reverse proxy share them (``warta.core.http_cache``). The view sets Django's language
cookie (``django_language``; ``IndonesianFirstLocaleMiddleware`` reads it, and the proxy's cache key includes it)
and sends the visitor back to ``next`` when that is a page of this site, else to the home page. POST is accepted
too, with the same fields as Django's own ``set_language``. Nothing here is worth forging: the worst another site
can do is switch a visitor's labels to English, which the same footer switches back.

``in_site_language()`` is the other side: words stored for later readers whose language is not known (a
notification's copy and e-mail, why a document's text could not be read) are written in the site's language.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .redirects import local_target

LANGUAGE_FIELD = "language"


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def set_language(request):
    data = request.POST if request.method == "POST" else request.GET
    response = HttpResponseRedirect(local_target(request, data.get("next")))
    code = data.get(LANGUAGE_FIELD, "")
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


def in_site_language():
    """Word what is stored for later readers in the site's language (``LANGUAGE_CODE``), not in the language of
    whoever set it off."""
    return translation.override(settings.LANGUAGE_CODE)
