"""timeline: turn news articles into timelines you can trust.

The pandas-first API::

    >>> import timeline
    >>> article = timeline.load_article("seeds/white-helmets-2025-03.txt")  # doctest: +SKIP
    >>> events = timeline.extract(article)                                  # doctest: +SKIP
    >>> fig = timeline.build_figure(events)                                 # doctest: +SKIP

Names are imported lazily so that ``timeline.temporal`` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from timeline.errors import (
    DateValueError,
    ExportError,
    InputError,
    MissingPublicationDateError,
    SchemaError,
    TimelineError,
)

__version__ = "0.1.0"

_LAZY = {
    "tag": "timeline.temporal",
    "Timex": "timeline.temporal",
    "Article": "timeline.io",
    "load_article": "timeline.io",
    "article_from_text": "timeline.io",
    "read_events": "timeline.io",
    "write_events": "timeline.io",
    "validate_events": "timeline.schema",
    "extract": "timeline.events",
    "extract_many": "timeline.events",
    "load_source": "timeline.sources",
    "build_figure": "timeline.figure",
    "to_html": "timeline.export",
    "write_html": "timeline.export",
    "to_image": "timeline.export",
    "write_image": "timeline.export",
    "to_timelinejs": "timeline.export",
    "create_app": "timeline.app",
}

__all__ = [
    "TimelineError",
    "InputError",
    "MissingPublicationDateError",
    "DateValueError",
    "SchemaError",
    "ExportError",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
