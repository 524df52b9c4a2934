"""warta.settings with persistent database connections for SQLite too: an experiment for bench/portal_wrk.sh.

warta.settings gives SQLite CONN_MAX_AGE = 0, so every request opens the database again and starts with a
cold page cache (about 6 ms of an 11 ms API list answer at 100,000 entries). This shows what keeping the
connection would change; it is not used anywhere else.
"""

from warta.settings import *  # noqa: F403
from warta.settings import DATABASES

DATABASES["default"]["CONN_MAX_AGE"] = 60
