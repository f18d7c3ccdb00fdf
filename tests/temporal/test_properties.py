"""Hypothesis: arbitrary Unicode never breaks the tagger or its invariants."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import tag
from timeline.temporal.grammar import is_timex3_value
from timeline.temporal.types import PRECISIONS, TIMEX_TYPES

WORDS = ["in", "December", "last", "week", "May", "2,000", "1999", "Friday", "ago", "two",
         "years", "the", "third", "quarter", "earlier", "this", "month", "now", "a", "year",
         "10:35", "a.m.", "since", "then", "'90s", "daily", "next", "spring", ".", ",", "\n"]
texty = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=30).map(" ".join),
)
dcts = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def check(text, found):
    prev_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= prev_end, "spans overlap or are unsorted"
        prev_end = t.end
        assert t.text == text[t.start:t.end]
        assert t.type in TIMEX_TYPES
        assert is_timex3_value(t.value), t.value
        assert t.precision is None or t.precision in PRECISIONS
        if t.window is not None:
            assert t.window[0] <= t.window[1]


@settings(max_examples=300, deadline=None)
@given(texty, dcts, st.sampled_from(["news", "narrative"]))
def test_never_raises_and_keeps_invariants(text, dct, genre):
    check(text, tag(text, dct, genre))


EDGE_DCTS = [date(1, 1, 1), date(1, 3, 1), date(9999, 12, 31), date(9999, 1, 1), date(2000, 2, 29)]


@settings(max_examples=150, deadline=None)
@given(texty, st.sampled_from(EDGE_DCTS), st.sampled_from(["news", "narrative"]))
def test_calendar_edges_never_raise(text, dct, genre):
    check(text, tag(text, dct, genre))


def test_calendar_edges_with_every_rule_example():
    from timeline.temporal.tagger import grammar

    texts = [ex.text for rule in grammar().rules for ex in rule.examples]
    for dct in EDGE_DCTS:
        for genre in ("news", "narrative"):
            for text in texts:
                check(text, tag(text, dct, genre))


@settings(max_examples=100, deadline=None)
@given(texty)
def test_without_dct_nothing_relative_gets_a_window(text):
    # never from the clock: an anchored expression either has no window or hangs on a year
    # the text itself names ("1800: the year" / "the following year")
    years = {int(y) for y in re.findall(r"\d{4}", text)}
    for t in tag(text, None):
        if t.anchored and t.window is not None:
            assert any(abs(t.window[0].year - y) <= 1 for y in years), (text, t)
