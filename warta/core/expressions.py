"""Database expressions the apps share."""

from django.db.models import Exists, Func


class Unindexed(Func):
    """A column's value, written so that SQLite's planner does not reach for the column's own index (``+column``,
    the idiom SQLite's documentation gives for it); other databases get the column as it is.

    For conditions nearly every row meets, such as "published at or before now": SQLite keeps no statistics of a
    column's values (it is built without STAT4), guesses that any range keeps a quarter of the rows, and would
    read the register through the published_at index and sort it, instead of walking the index that already
    gives the order a page asks for (hundreds of milliseconds instead of one at 100,000 entries).
    """

    arity = 1
    template = "%(expressions)s"

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="+%(expressions)s", **extra_context)


class ExistsPerRow(Exists):
    """EXISTS that PostgreSQL checks for each row it keeps, through the subquery's index.

    PostgreSQL turns EXISTS tests joined by OR into hashed sub-plans: it reads every row of each subquery into a
    hash before the first result, even when a page needs twenty (0.2 s over 200,000 attachments). ``OFFSET 0`` is
    the documented way to keep it from rewriting a subquery; other databases get a plain EXISTS.
    """

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="EXISTS(%(subquery)s OFFSET 0)", **extra_context)
