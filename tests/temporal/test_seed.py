"""The seed article (BBC, Tartous, published 2025-03-21): every expression and its window."""

from __future__ import annotations

from datetime import date

import pytest

from tests.paths import SEED_TXT
from timeline.temporal import tag

DCT = "2025-03-21"


@pytest.fixture(scope="module")
def timexes():
    text = SEED_TXT.read_text(encoding="utf-8")
    return text, tag(text, DCT)


def _find(timexes, phrase, nth=0):
    text, found = timexes
    hits = [t for t in found if t.text == phrase]
    assert len(hits) > nth, f"{phrase!r} not tagged; got {[t.text for t in found]}"
    return hits[nth]


@pytest.mark.parametrize(
    ("phrase", "nth", "value", "window", "precision"),
    [
        ("December", 0, "2024-12", (date(2024, 12, 1), date(2024, 12, 31)), "month"),
        ("December", 1, "2024-12", (date(2024, 12, 1), date(2024, 12, 31)), "month"),
        ("then", 0, "2024-12", (date(2024, 12, 1), date(2024, 12, 31)), "month"),
        ("earlier this month", 0, "2025-03", (date(2025, 3, 1), date(2025, 3, 20)), "month"),
        ("Last week", 0, "2025-W11", (date(2025, 3, 10), date(2025, 3, 16)), "week"),
        ("recently", 0, "PAST_REF", (date(2024, 12, 20), date(2025, 3, 20)), "vague"),
        ("now", 0, "PRESENT_REF", (date(2025, 3, 21), date(2025, 3, 21)), "vague"),
    ],
)
def test_seed_windows(timexes, phrase, nth, value, window, precision):
    t = _find(timexes, phrase, nth)
    assert (t.value, t.window, t.precision) == (value, window, precision)
    assert t.type == "DATE"


def test_seed_spans_exclude_prepositions(timexes):
    text, found = timexes
    assert "in December" not in [t.text for t in found]
    assert _find(timexes, "December").text == "December"
    since = text.index("Since then")
    assert any(t.start == since + len("Since ") for t in found)


def test_seed_duration(timexes):
    t = _find(timexes, "two weeks")
    assert (t.type, t.value, t.window) == ("DURATION", "P2W", None)


def test_seed_age_is_not_a_timex(timexes):
    # TimeBank/AQUAINT leave ages ("52 years old", "a 6-year-old boy") untagged; so do we.
    text, found = timexes
    age = text.index("20 years old")
    assert not any(t.start <= age < t.end for t in found)


def test_seed_without_dct_keeps_x(timexes):
    text, _ = timexes
    found = tag(text, None)
    dec = next(t for t in found if t.text == "December")
    assert (dec.value, dec.window, dec.anchored) == ("XXXX-12", None, True)
    lw = next(t for t in found if t.text == "Last week")
    assert lw.window is None and lw.anchored and "X" in lw.value
