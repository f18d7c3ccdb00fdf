"""Temporal tagging: find time expressions in text and resolve them.

Pure Python (no pandas, no plotly). The public entry point is :func:`tag`::

    >>> from timeline.temporal import tag
    >>> [(t.text, t.value) for t in tag("Last week, rescuers arrived.", "2025-03-21")]
    [('Last week', '2025-W11')]
"""

from timeline.temporal.tagger import tag
from timeline.temporal.types import PRECISIONS, TIMEX_TYPES, Timex

__all__ = ["Timex", "TIMEX_TYPES", "PRECISIONS", "tag"]
