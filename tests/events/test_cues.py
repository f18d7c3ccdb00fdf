"""Cue words tie a clause to another event: table-driven rows, one short story each.

Time expressions are built by hand (tests/events/helpers.py) so these rows test the
extractor's reading of cues, not the tagger's rules.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.events.helpers import tx
from timeline.events import events_from_timexes
from timeline.io import article_from_text

DCT = "2025-03-21"
MARCH_10 = ("2025-03-10", "2025-03-10")


def _events(text: str, timexes) -> pd.DataFrame:
    return events_from_timexes(article_from_text(text, DCT, doc_id="t"), timexes)


def _row(df: pd.DataFrame, word: str) -> pd.Series:
    hits = df[df["label"].str.contains(word, case=False)]
    assert len(hits) == 1, f"expected one row about {word!r}, got:\n{df[['label', 'edtf']]}"
    return hits.iloc[0]


# text, time expression (phrase, value, window, precision), the event checked, its window,
# the relation, and the event it should hang on
CUES = [
    ("Rebels attacked the town on March 10. Two days later, troops arrived in the town.",
     ("on March 10", "2025-03-10", MARCH_10, "day"), "troops arrived",
     ("2025-03-12", "2025-03-12"), "after +P2D", "attacked"),
    ("Rebels attacked the town on March 10. The next day, troops arrived in the town.",
     ("on March 10", "2025-03-10", MARCH_10, "day"), "troops arrived",
     ("2025-03-11", "2025-03-11"), "after +P1D", "attacked"),
    ("Troops arrived in the town after rebels attacked it on March 10.",
     ("on March 10", "2025-03-10", MARCH_10, "day"), "troops arrived",
     ("2025-03-10", "2025-03-21"), "after", "attacked"),
    ("Troops arrived in the town two weeks after rebels attacked it on March 1.",
     ("on March 1", "2025-03-01", ("2025-03-01", "2025-03-01"), "day"), "troops arrived",
     ("2025-03-15", "2025-03-15"), "after +P2W", "attacked"),
    ("After the collapse of the dam in January, villagers fled the valley.",
     ("in January", "2025-01", ("2025-01-01", "2025-01-31"), "month"), "villagers fled",
     ("2025-01-01", "2025-03-21"), "after", "collapse"),
    ("The minister resigned a week before the election in February.",
     ("in February", "2025-02", ("2025-02-01", "2025-02-28"), "month"), "minister resigned",
     ("2025-01-25", "2025-02-21"), "before -P1W", "election"),
    ("When the earthquake struck in January, rescuers searched the rubble.",
     ("in January", "2025-01", ("2025-01-01", "2025-01-31"), "month"), "rescuers searched",
     ("2025-01-01", "2025-01-31"), "when", "earthquake"),
    ("Police arrested the suspect following the bombing in February.",
     ("in February", "2025-02", ("2025-02-01", "2025-02-28"), "month"), "arrested",
     ("2025-02-01", "2025-03-21"), "after", "bombing"),
    ("An officer was killed in January when a bomb exploded at a clinic.",
     ("in January", "2025-01", ("2025-01-01", "2025-01-31"), "month"), "bomb exploded",
     ("2025-01-01", "2025-01-31"), "when", "killed"),
    ("Troops seized the port on March 10. Then rebels attacked the town.",
     ("on March 10", "2025-03-10", MARCH_10, "day"), "rebels attacked",
     ("2025-03-10", "2025-03-21"), "after", "seized"),
    ("The army seized the city in January. Since then, residents have fled the region.",
     ("in January", "2025-01", ("2025-01-01", "2025-01-31"), "month"), "residents have fled",
     ("2025-01-01", "2025-03-21"), "after", "seized"),
]


@pytest.mark.parametrize("text, timex, what, window, relation, anchor", CUES,
                         ids=[c[4] + ":" + c[2] for c in CUES])
def test_cue_places_the_clause(text, timex, what, window, relation, anchor):
    phrase, value, win, precision = timex
    df = _events(text, [tx(text, phrase, value, win, precision)])
    row = _row(df, what)
    assert (str(row["start"].date()), str(row["end"].date())) == window
    assert row["relation"] == relation
    hung_on = df[df["event_id"] == row["anchor_event"]]
    assert len(hung_on) == 1 and anchor in hung_on.iloc[0]["label"].lower()
    assert row["confidence"] < hung_on.iloc[0]["confidence"], "each inference step costs"


def test_since_when_intersects_with_the_anchor_shift():
    text = ("Rebels overthrew the president in December. Tensions had been brewing since "
            "December, when loyalists killed 14 troops in an ambush, two weeks after the "
            "president was overthrown.")
    dec = ("2024-12-01", "2024-12-31")
    timexes = [tx(text, "in December", "2024-12", dec, "month"),
               tx(text, "December", "2024-12", dec, "month", nth=1)]
    df = _events(text, timexes)
    ambush = _row(df, "ambush")
    assert ambush["edtf"] == "2024-12-15/2024-12-31"
    assert ambush["relation"] == "after +P2W"
    assert ambush["anchor_event"] == _row(df, "overthrew")["event_id"]


def test_no_cue_no_relation():
    text = "Rebels attacked the town on March 10."
    df = _events(text, [tx(text, "on March 10", "2025-03-10", MARCH_10, "day", anchored=False)])
    row = _row(df, "attacked")
    assert pd.isna(row["anchor_event"]) and pd.isna(row["relation"])
    assert row["timex"] == "on March 10"
    assert row["confidence"] >= 0.9, "an explicit date is the surest kind"


@pytest.mark.parametrize("text", [
    "Known as the rebels' leader, he attacked nothing.",  # "as" here is not "when"
    "Rebels might attack the town.",  # no fact, no date: no row
])
def test_nothing_dated_without_a_time(text):
    assert _events(text, []).empty


def test_windows_never_pass_the_publication_date():
    text = "Rebels attacked the town on March 10. Since then, residents have fled the region."
    df = _events(text, [tx(text, "on March 10", "2025-03-10", MARCH_10, "day")])
    assert (df["end"] <= pd.Timestamp(DCT)).all()


def test_future_events_keep_their_future_window():
    text = "The government will hold a referendum next year."
    df = _events(text, [tx(text, "next year", "2026", ("2026-01-01", "2026-12-31"), "year")])
    assert _row(df, "referendum")["edtf"] == "2026"


# ------------------------------------------------------------------ whose date is it --

OCT = ("1998-10-01", "1998-10-31")
DCT98 = "1998-12-03"


def _events98(text: str, timexes) -> pd.DataFrame:
    return events_from_timexes(article_from_text(text, DCT98, doc_id="t"), timexes)


def test_early_late_mid_narrow_the_window():
    text = "The lower house approved the treaty in early October."
    df = _events98(text, [tx(text, "October", "1998-10", OCT, "month")])
    assert df.iloc[0]["edtf"] == "1998-10-01/1998-10-15"
    text = "The group began to fall apart in mid-1996."
    df = _events98(text, [tx(text, "mid-1996", "1996", ("1996-01-01", "1996-12-31"), "year",
                             mod="MID")])
    assert df.iloc[0]["edtf"] == "1996-04-01/1996-09-30"


def test_a_time_expression_is_not_an_event():
    text = "A doctor was gunned down in his kitchen last fall."
    df = _events98(text, [tx(text, "last fall", "1998-FA", ("1998-09-01", "1998-11-30"), "season")])
    assert len(df) == 1 and "gunned down" in df.iloc[0]["label"]


def test_a_dated_noun_is_its_own_event():
    text = "The FBI chief said on Friday that the probe into the August 7 bombings goes on."
    timexes = [tx(text, "on Friday", "1998-08-21", ("1998-08-21", "1998-08-21"), "day"),
               tx(text, "August 7", "1998-08-07", ("1998-08-07", "1998-08-07"), "day")]
    df = _events98(text, timexes)
    assert set(df["edtf"]) == {"1998-08-21", "1998-08-07"}
    assert df[df["edtf"] == "1998-08-07"].iloc[0]["category"] == "violence"


def test_present_perfect_does_not_take_a_definite_past_date():
    # "has been arrested last year" is not English: "last year" dates the bombings
    text = "A man has been arrested in connection with the bombings of two embassies last year."
    df = _events98(text, [tx(text, "last year", "1997", ("1997-01-01", "1997-12-31"), "year")])
    bombings = df[df["label"].str.contains("Bombings")].iloc[0]
    assert bombings["edtf"] == "1997"
    # the arrest is not "last year": it came after the bombings, by the publication date
    arrest = df[df["label"].str.contains("arrested")]
    assert len(arrest) == 1
    row = arrest.iloc[0]
    assert row["edtf"] != "1997" and row["precision"] == "vague"
    assert row["relation"] == "after" and row["anchor_event"] == bombings["event_id"]
    assert str(row["start"].date()) == "1997-01-01" and row["end"] == df["end"].max()


def test_a_later_date_in_a_past_clause_belongs_to_the_plan():
    text = "The alliance has decided to admit the three countries in early March."
    dct = "1999-02-10"
    df = events_from_timexes(article_from_text(text, dct),
                             [tx(text, "March", "1999-03", ("1999-03-01", "1999-03-31"), "month")])
    assert not df["label"].str.contains("decided").any()
    assert (df["start"] > pd.Timestamp(dct)).all()


def test_the_day_before_a_clause_is_not_a_back_reference():
    text = ("Rebels attacked the town on March 3. He was last seen on March 5, the day before "
            "authorities issued a warrant.")
    timexes = [tx(text, "on March 3", "2025-03-03", ("2025-03-03", "2025-03-03"), "day"),
               tx(text, "on March 5", "2025-03-05", ("2025-03-05", "2025-03-05"), "day")]
    df = _events(text, timexes)
    issued = df[df["label"].str.contains("issued")]
    assert issued.empty or issued.iloc[0]["edtf"] != "2025-03-02"
