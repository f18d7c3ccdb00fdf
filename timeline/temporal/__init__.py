"""Temporal tagging: find time expressions in text and resolve them.

Pure Python (no pandas, no plotly). The public entry point is :func:`tag`.
"""

from timeline.temporal.types import PRECISIONS, TIMEX_TYPES, Timex

__all__ = ["Timex", "TIMEX_TYPES", "PRECISIONS", "tag"]


def tag(text, dct=None, genre="news"):  # pragma: no cover - replaced by the tagger
    raise NotImplementedError("the temporal tagger is being written (issue 3)")
