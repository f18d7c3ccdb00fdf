"""Whatever the text, the table is well formed (hypothesis, with the real tagger)."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.events import extract
from timeline.io import article_from_text

WORDS = ["Rebels", "attacked", "the", "town", "in", "December", ",", ".", "\u201c", "\u201d",
         "``", "''", "after", "before", "two", "weeks", "since", "when", "- ", "\n", "* ",
         "1.", "last", "week", "said", "killed", "fall", "of", "Mr.", "U.S.", "(", ")", "which",
         "who", "including", "the next day", "later", "as", "\u2014", "_", "\t", "\u00e9", "3",
         "March", "2024", ";", ":", "recently", "early", "mid-", "the day before", "will",
         "next", "year", "floods", "hit", "Arden"]
DCT = pd.Timestamp("2025-03-21")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_any_text_gives_a_well_formed_table(words):
    text = " ".join(words)
    if not text.strip():
        return
    df = extract(article_from_text(text, "2025-03-21"))
    assert df["event_id"].is_unique
    for _, row in df.iterrows():
        assert text[row["char_start"] : row["char_end"]] == row["sentence"]
        assert 0 < len(row["label"]) <= 80
        assert row["start"] <= row["end"]
        assert 0 < row["confidence"] <= 1
        if row["end"] > DCT:  # only what the text puts in the future
            assert row["start"] > DCT or "will" in text or "next" in text
