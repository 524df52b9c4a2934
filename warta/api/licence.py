"""The licence the open data is offered under, from ``WARTA_DATA_LICENSE`` (and ``WARTA_DATA_LICENSE_URL``).

Stated as ``dct:license`` in the DCAT catalogue (catalogue, datasets and distributions), in the OpenAPI ``info``
and on the API's own page, so a harvester and a person read the same terms.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# SPDX identifier: (name, address of the licence text).
KNOWN = {
    "CC-BY-4.0": ("Creative Commons Atribusi 4.0 Internasional", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": (
        "Creative Commons Atribusi-BerbagiSerupa 4.0 Internasional",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC0-1.0": ("CC0 1.0 Universal (dedikasi domain publik)", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}


@dataclass(frozen=True)
class Licence:
    name: str
    url: str
    spdx: str | None  # None for a licence outside the SPDX list Warta knows

    def openapi(self) -> dict:
        """OpenAPI 3.1 ``info.license``: an SPDX identifier when there is one, else the licence's address."""
        return {"name": self.name, "identifier": self.spdx} if self.spdx else {"name": self.name, "url": self.url}

    def dcat(self) -> dict:
        node = {"@id": self.url, "@type": "dct:LicenseDocument", "dct:title": self.name}
        if self.spdx:
            node["dct:identifier"] = self.spdx
        return node


def current() -> Licence:
    chosen = settings.WARTA_DATA_LICENSE.strip()
    url = settings.WARTA_DATA_LICENSE_URL.strip()
    if chosen in KNOWN:
        name, known_url = KNOWN[chosen]
        return Licence(name=name, url=url or known_url, spdx=chosen)
    if not chosen or not url:
        raise ImproperlyConfigured(
            f"WARTA_DATA_LICENSE “{chosen}” tidak dikenal Warta ({', '.join(KNOWN)}); untuk lisensi lain isi juga "
            "WARTA_DATA_LICENSE_URL dengan alamat teks lisensinya."
        )
    return Licence(name=chosen, url=url, spdx=None)
