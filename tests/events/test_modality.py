"""What did not happen is no row; a time inside a reduced relative is the participle's."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests.events.helpers import tx
from timeline.events import events_from_timexes
from timeline.io import article_from_text

DCT = "1999-03-12"
WED = ("1999-03-10", "1999-03-10")


def _table(text: str, timexes, dct: str = DCT) -> pd.DataFrame:
    return events_from_timexes(article_from_text(text, dct), timexes)


@pytest.mark.parametrize("text", [
    "Rebels could attack the town on Wednesday, officials warned.",
    "The gunman may have fled on Wednesday.",
    "Prices should rise on Wednesday.",
    "The army would have won on Wednesday.",
    "If the court rules on Wednesday, the boy goes home.",
    "The rebels did not attack the town on Wednesday.",
])
def test_a_possibility_or_a_negation_is_not_a_happened_event(text):
    df = _table(text, [tx(text, "on Wednesday", "1999-03-10", WED, "day")])
    assert not (df["start"] == pd.Timestamp("1999-03-10")).any(), df["label"].tolist()


def test_a_plain_future_keeps_its_window():
    text = "The government will hold a referendum on Wednesday."
    df = _table(text, [tx(text, "on Wednesday", "1999-03-17", ("1999-03-17", "1999-03-17"),
                          "day")])
    assert len(df) == 1 and df.iloc[0]["edtf"] == "1999-03-17"


def test_the_happening_beside_a_possibility_is_kept():
    text = ("Lawyers filed a brief on Wednesday arguing the agency cannot return the boy "
            "without a hearing.")
    df = _table(text, [tx(text, "on Wednesday", "1999-03-10", WED, "day")])
    assert len(df) == 1
    row = df.iloc[0]
    assert row["label"].startswith("Lawyers filed a brief") and row["edtf"] == "1999-03-10"


def test_a_reduced_relative_takes_its_own_time():
    text = "The department wants the court to suspend the temporary injunction issued Wednesday."
    df = _table(text, [tx(text, "Wednesday", "1999-03-10", WED, "day")])
    assert len(df) == 1
    assert df.iloc[0]["label"] == "Temporary injunction issued"
    assert df.iloc[0]["edtf"] == "1999-03-10"


def test_a_subject_with_a_prepositional_phrase_is_not_a_reduced_relative():
    text = "Additional details of the slaying emerged on Wednesday."
    df = _table(text, [tx(text, "on Wednesday", "1999-03-10", WED, "day")])
    assert df.iloc[0]["label"].startswith("Additional details of the slaying emerged")


def test_a_transitive_verb_is_not_a_reduced_relative():
    text = "Supporters of the old regime killed 14 troops on Wednesday."
    df = _table(text, [tx(text, "on Wednesday", "1999-03-10", WED, "day")])
    assert df.iloc[0]["label"].startswith("Supporters of the old regime killed")


def test_post_and_pre_bound_the_window_on_one_side():
    text = "The post-1959 politics have managed to split thousands of families apart."
    df = _table(text, [tx(text, "post-1959", "1959", ("1959-01-01", "1959-12-31"), "year")],
                dct="2000-02-24")
    row = df.iloc[0]
    assert row["start"].date() == date(1960, 1, 1) and row["end"].date() <= date(2000, 2, 24)


def test_by_a_date_is_a_deadline_not_the_date():
    text = "The company plans to repay the loan by February."
    df = _table(text, [tx(text, "February", "1999-04", ("1999-04-01", "1999-04-30"), "month")])
    row = df.iloc[0]
    assert (row["start"].date(), row["end"].date()) == (date(1999, 3, 12), date(1999, 4, 30))


def test_a_past_event_by_a_date_has_no_lower_bound_so_no_row():
    text = "The rebels had fled the town by Wednesday."
    df = _table(text, [tx(text, "Wednesday", "1999-03-10", WED, "day")])
    assert df.empty


def test_the_adjective_current_does_not_date_the_clause():
    text = "The banks will continue to operate under their current names."
    df = _table(text, [tx(text, "current", "PRESENT_REF", (DCT, DCT), "day")])
    assert df.empty


def test_suspects_in_an_earlier_event_were_handed_over_after_it():
    text = ("Rebels bombed the embassy on Wednesday. Two suspects in the embassy bombing "
            "have been handed over to the United States.")
    df = _table(text, [tx(text, "on Wednesday", "1999-03-10", ("1999-03-03", "1999-03-03"),
                          "day")])
    row = df[df["label"].str.contains("handed over")].iloc[0]
    assert (row["start"].date(), row["end"].date()) == (date(1999, 3, 3), date(1999, 3, 12))


def test_a_but_clause_with_its_own_subject_keeps_its_time():
    text = ("The government has dispatched agents to the region but there was no word on "
            "Wednesday of any leads.")
    df = _table(text, [tx(text, "on Wednesday", "1999-03-10", WED, "day")])
    assert not df["label"].str.contains("dispatched").any()


def test_a_clause_with_a_time_it_cannot_use_does_not_inherit_the_narrative():
    text = ("Rebels seized the town on Wednesday. In the fiscal year ended Jan. 31, the company "
            "reported sales of $59 million.")
    df = _table(text, [tx(text, "on Wednesday", "1999-03-10", WED, "day"),
                       tx(text, "Jan. 31", "2000-01-31", ("2000-01-31", "2000-01-31"), "day")])
    assert not df["label"].str.contains("ended").any(), df["label"].tolist()
    # the sales are the fiscal year's (the one that ended, Feb. 1998 - Jan. 1999), reported
    # after it: not the rebels' Wednesday
    reported = df[df["label"].str.contains("reported")]
    assert len(reported) == 1
    row = reported.iloc[0]
    assert row["relation"] is pd.NA or row["relation"] != "inherited from narrative"
    assert (row["start"].date(), row["end"].date()) == (date(1998, 2, 1), date(1999, 3, 12))


def test_a_reaction_comes_after_the_event_it_reacts_to():
    text = "The court ruled on Wednesday that the law was void. The minister praised the ruling."
    df = _table(text, [tx(text, "on Wednesday", "1999-03-10", WED, "day")])
    row = df[df["label"].str.contains("praised")].iloc[0]
    assert (row["start"].date(), row["end"].date()) == (date(1999, 3, 10), date(1999, 3, 12))
