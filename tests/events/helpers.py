"""Helpers for extractor tests: hand-built time expressions, so tests need not depend on the
tagger's rules, and lookups of the rows a test is about."""

from __future__ import annotations

from datetime import date

import pandas as pd

from timeline.temporal.types import Timex


def rows_about(df: pd.DataFrame, word: str) -> pd.DataFrame:
    """The rows whose label contains ``word`` (any case, no regex)."""
    return df[df["label"].str.contains(word, case=False, regex=False)]


def row_about(df: pd.DataFrame, word: str) -> pd.Series:
    """The one row whose label contains ``word``; fails, showing the table, if not one."""
    hits = rows_about(df, word)
    assert len(hits) == 1, f"expected one row about {word!r}, got:\n{df[['label', 'edtf']]}"
    return hits.iloc[0]


def iso_window(row: pd.Series) -> tuple[str, str]:
    """A row's window as ISO dates."""
    return row["start"].date().isoformat(), row["end"].date().isoformat()


def tx(text: str, phrase: str, value: str, window: tuple[str, str] | None, precision: str | None,
       *, anchored: bool = True, nth: int = 0, type: str = "DATE", mod: str | None = None) -> Timex:
    """The ``nth`` occurrence of ``phrase`` in ``text`` as a resolved :class:`Timex`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(phrase, at + 1)
    win = (date.fromisoformat(window[0]), date.fromisoformat(window[1])) if window else None
    return Timex(at, at + len(phrase), phrase, type, value, win, precision, mod, anchored, "test")
