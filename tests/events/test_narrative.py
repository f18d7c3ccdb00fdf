"""Inheritance from the narrative, one row per happening, quoted speech."""

from __future__ import annotations

import pandas as pd

from tests.events.helpers import tx
from timeline.events import events_from_timexes
from timeline.io import article_from_text

DCT = "2025-03-21"
LAST_WEEK = ("2025-03-10", "2025-03-16")


def _events(text: str, timexes) -> pd.DataFrame:
    return events_from_timexes(article_from_text(text, DCT, doc_id="t"), timexes)


def test_sentence_without_date_inherits_the_narrative_time():
    text = ("Last week, reporters joined the rescuers in the village of Arden. "
            "The team retrieved 10 bodies from a valley.")
    df = _events(text, [tx(text, "Last week", "2025-W11", LAST_WEEK, "week")])
    joined = df[df["label"].str.contains("joined")].iloc[0]
    team = df[df["label"].str.contains("retrieved")].iloc[0]
    assert team["edtf"] == "2025-03-10/2025-03-16"
    assert pd.isna(team["timex"])
    assert "inherited" in team["relation"]
    assert team["anchor_event"] == joined["event_id"]
    assert team["confidence"] < joined["confidence"]
    assert team["places"] == ["Arden"], "where the narrative is, when the clause does not say"


def test_inheritance_is_one_step_and_stops_at_pluperfect_and_quotes():
    text = ("Last week, rebels seized the town. "
            "The army had withdrawn from it. "
            "\u201cWe attacked them,\u201d a fighter said. "
            "Residents fled the town.")
    df = _events(text, [tx(text, "Last week", "2025-W11", LAST_WEEK, "week")])
    labels = " | ".join(df["label"])
    assert "seized" in labels
    assert "withdrawn" not in labels  # pluperfect: earlier, not the narrative's time
    assert "attacked" not in labels  # quoted speech keeps its own frame
    assert "fled" not in labels  # two sentences away from the date: no guess


def test_same_event_mentioned_twice_is_one_row_with_both_spans():
    text = ("Gunmen attacked two villages earlier this month. "
            "Most of those killed in the recent attacks were farmers.")
    df = _events(text, [tx(text, "earlier this month", "2025-03", ("2025-03-01", "2025-03-20"),
                           "month")])
    rows = df[df["category"] == "violence"]
    assert len(rows) == 1
    spans = rows.iloc[0]["evidence_spans"]
    assert len(spans) == 2
    assert any(text[s:e].find("recent attacks") >= 0 for s, e in spans)


def test_different_dates_are_different_events():
    text = ("Gunmen attacked the village in January. "
            "The attack in March killed five people.")
    timexes = [tx(text, "in January", "2025-01", ("2025-01-01", "2025-01-31"), "month"),
               tx(text, "in March", "2025-03", ("2025-03-01", "2025-03-31"), "month")]
    df = _events(text, timexes)
    assert len(df[df["category"] == "violence"]) == 2


def test_several_events_in_one_sentence_each_with_its_window():
    text = ("After the fall of the capital in December, the rebels declared a new government "
            "in January.")
    timexes = [tx(text, "in December", "2024-12", ("2024-12-01", "2024-12-31"), "month"),
               tx(text, "in January", "2025-01", ("2025-01-01", "2025-01-31"), "month")]
    df = _events(text, timexes)
    assert set(df["edtf"]) == {"2024-12", "2025-01"}


def test_quoted_relative_date_is_not_resolved_against_the_publication_date():
    text = "\u201cYesterday the army attacked our village,\u201d he said last week."
    timexes = [tx(text, "Yesterday", "2025-03-20", ("2025-03-20", "2025-03-20"), "day"),
               tx(text, "last week", "2025-W11", LAST_WEEK, "week")]
    df = _events(text, timexes)
    assert not (df["edtf"] == "2025-03-20").any()


def test_a_past_mention_is_not_merged_into_a_future_event():
    text = ("The convention voted on Friday for a republic. The premier promised to put the "
            "question to a national referendum next year after delegates voted for it.")
    timexes = [tx(text, "on Friday", "2025-03-21", ("2025-03-21", "2025-03-21"), "day"),
               tx(text, "next year", "2026", ("2026-01-01", "2026-12-31"), "year")]
    df = _events(text, timexes)
    referendum = df[df["label"].str.contains("referendum", case=False)
                    & (df["edtf"] == "2026")]
    assert len(referendum) == 1
    assert len(referendum.iloc[0]["evidence_spans"]) == 1, "the past vote is another event"
    promised = df[df["label"].str.contains("promised")].iloc[0]
    assert promised["edtf"] == "2025-03-21"
