"""The one exception family of timeline.

Every error a user can cause (bad file, missing date, malformed table) is a
:class:`TimelineError` whose message is one line saying what is wrong and how
to fix it. The CLI prints that line and exits 1; the dashboard shows it in an
alert. Anything else is a bug.
"""

from __future__ import annotations

__all__ = [
    "TimelineError",
    "InputError",
    "MissingPublicationDateError",
    "DateValueError",
    "SchemaError",
    "ExportError",
]


class TimelineError(Exception):
    """Base of every user-facing error. ``str(err)`` is one line."""


class InputError(TimelineError):
    """An input file or text cannot be read: empty, binary, wrong encoding, unknown kind."""


class MissingPublicationDateError(TimelineError):
    """Relative dates need a publication date (the anchor) and none was given."""


class DateValueError(TimelineError):
    """A date given by the user is impossible or badly formatted."""


class SchemaError(TimelineError):
    """An events table does not follow the events schema."""


class ExportError(TimelineError):
    """A figure or file could not be exported (e.g. no browser for images)."""
