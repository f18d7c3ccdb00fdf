"""General rules of news English that date more events (and date none wrongly)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from tests.events.helpers import tx
from timeline.events import events_from_timexes
from timeline.io import article_from_text


def _table(text: str, dct: str, timexes) -> pd.DataFrame:
    return events_from_timexes(article_from_text(text, dct), timexes)


def _row(df: pd.DataFrame, word: str) -> pd.Series:
    hits = df[df["label"].str.contains(word, regex=False)]
    assert len(hits) == 1, (word, df["label"].tolist())
    return hits.iloc[0]


def _window(row: pd.Series) -> tuple[date, date]:
    return row["start"].date(), row["end"].date()


def test_days_after_is_a_bounded_shift():
    text = ("A sniper killed a doctor on Oct. 23. The suspect was seen crossing the border days "
            "after a sniper killed the doctor.")
    df = _table(text, "1998-11-20",
                [tx(text, "Oct. 23", "1998-10-23", ("1998-10-23", "1998-10-23"), "day")])
    seen = _row(df, "seen")
    # more than a day, no more than a round two weeks: not "any time up to publication"
    assert _window(seen) == (date(1998, 10, 24), date(1998, 11, 6))
    assert seen["relation"].startswith("after")


def test_weeks_after_is_wider_than_days_after():
    text = "Rebels seized the town on March 1. Weeks after rebels seized the town, aid arrived."
    df = _table(text, "2025-06-30",
                [tx(text, "March 1", "2025-03-01", ("2025-03-01", "2025-03-01"), "day")])
    aid = _row(df, "Aid arrived")
    assert _window(aid) == (date(2025, 3, 8), date(2025, 5, 2))


def test_arrested_in_connection_with_a_dated_event_is_after_it():
    text = ("Terrorists bombed two embassies on Aug. 7. Another man has been arrested in "
            "connection with the bombings, police said.")
    df = _table(text, "1998-09-11",
                [tx(text, "Aug. 7", "1998-08-07", ("1998-08-07", "1998-08-07"), "day")])
    arrest = _row(df, "arrested")
    assert _window(arrest) == (date(1998, 8, 7), date(1998, 9, 11))
    assert arrest["precision"] == "vague" and arrest["relation"] == "after"


def test_suspects_in_an_event_come_after_it():
    text = ("A bomb exploded at the embassy on Aug. 7. Two suspects in the embassy bombing have "
            "been handed over to the United States.")
    df = _table(text, "1998-09-11",
                [tx(text, "Aug. 7", "1998-08-07", ("1998-08-07", "1998-08-07"), "day")])
    handed = df[df["label"].str.contains("handed")]
    assert handed.empty or _window(handed.iloc[0])[0] >= date(1998, 8, 7)


def test_a_fiscal_quarter_is_not_the_calendar_quarter():
    text = "Delta Air Lines earnings soared 33% to a record in the fiscal first quarter."
    df = _table(text, "1989-10-26",
                [tx(text, "the fiscal first quarter", "1989-Q1", ("1989-01-01", "1989-03-31"),
                    "season")])
    assert df.empty  # no date is better than January..March


def test_a_later_date_after_a_past_verb_is_the_complement_s():
    text = ("NATO has decided to admit Poland, Hungary and the Czech Republic in early March, an "
            "official said on Wednesday.")
    df = _table(text, "1999-02-10",
                [tx(text, "early March", "1999-03", ("1999-03-01", "1999-03-31"), "month"),
                 tx(text, "on Wednesday", "1999-02-10", ("1999-02-10", "1999-02-10"), "day")])
    assert not df["label"].str.contains("decided").any() or all(
        e.date() <= date(1999, 2, 10) for e in df[df["label"].str.contains("decided")]["end"])


def test_an_event_planned_for_a_date_takes_it():
    text = "The official said on Wednesday that the accession was planned for early March."
    df = _table(text, "1999-02-10",
                [tx(text, "on Wednesday", "1999-02-10", ("1999-02-10", "1999-02-10"), "day"),
                 tx(text, "early March", "1999-03", ("1999-03-01", "1999-03-31"), "month")])
    acc = df[df["label"].str.startswith("Accession")]
    assert len(acc) == 1
    assert _window(acc.iloc[0]) == (date(1999, 3, 1), date(1999, 3, 15))
    said = _row(df, "said")
    assert _window(said) == (date(1999, 2, 10), date(1999, 2, 10))


def test_a_fronted_time_covers_both_coordinated_verbs():
    text = ("During the quarter, Delta issued 2.5 million shares to Swissair, and repurchased 1.1 "
            "million shares for a stock plan.")
    q3 = ("1989-07-01", "1989-09-30")
    df = _table(text, "1989-10-26", [tx(text, "the quarter", "1989-Q3", q3, "season")])
    assert _window(_row(df, "repurchased")) == (date(1989, 7, 1), date(1989, 9, 30))


def test_a_trailing_time_stays_with_its_own_verb():
    text = "Delta issued shares to Swissair in July, and repurchased other shares."
    df = _table(text, "1989-10-26",
                [tx(text, "in July", "1989-07", ("1989-07-01", "1989-07-31"), "month")])
    assert not df["label"].str.contains("repurchased").any()


def test_a_noun_with_its_own_date_is_not_an_earlier_different_event():
    text = ("Slepian was shot with a rifle. Rudolph has been on the run since the January 1998 "
            "bombing of a clinic.")
    df = _table(text, "1999-05-07",
                [tx(text, "January 1998", "1998-01", ("1998-01-01", "1998-01-31"), "month")])
    assert not df["label"].str.contains("shot").any()  # the shooting is not the bombing
    assert df["label"].str.contains("bombing").any()


def test_early_march_is_halved_once_whoever_narrows_it():
    text = "The vote was held in early March."
    whole = _table(text, "1999-04-10",
                   [tx(text, "early March", "1999-03", ("1999-03-01", "1999-03-31"), "month")])
    part = _table(text, "1999-04-10",
                  [tx(text, "early March", "1999-03", ("1999-03-01", "1999-03-15"), "month")])
    assert _window(whole.iloc[0]) == _window(part.iloc[0]) == (date(1999, 3, 1), date(1999, 3, 15))


def test_within_a_week_of_an_event():
    text = ("Rebels captured the governor on March 26. The governor was killed within a week of "
            "his capture.")
    df = _table(text, "1998-02-20",
                [tx(text, "March 26", "1997-03-26", ("1997-03-26", "1997-03-26"), "day")])
    killed = _row(df, "killed")
    assert _window(killed) == (date(1997, 3, 26), date(1997, 4, 2))
    assert killed["relation"] == "within P1W"


def test_within_without_an_amount_is_a_place():
    text = "The troops stayed within the city after the ceasefire in March."
    df = _table(text, "1998-02-20",
                [tx(text, "March", "1997-03", ("1997-03-01", "1997-03-31"), "month")])
    assert all(not str(r).startswith("within") for r in df["relation"].dropna())


def test_go_before_a_council_is_not_a_time_cue():
    text = "The procedures are due to go before the Security Council next week."
    df = _table(text, "1998-03-06",
                [tx(text, "next week", "1998-W11", ("1998-03-09", "1998-03-15"), "week")])
    assert len(df) == 1
    assert _window(df.iloc[0]) == (date(1998, 3, 9), date(1998, 3, 15))
    assert "Security Council" in df.iloc[0]["label"]


def test_a_state_since_a_date_began_then():
    text = "Australia has been independent since 1901, but it still recognizes the monarch."
    df = _table(text, "1998-02-13",
                [tx(text, "1901", "1901", ("1901-01-01", "1901-12-31"), "year")])
    assert len(df) == 1
    row = df.iloc[0]
    assert "independent" in row["label"] and row["edtf"] == "1901"


def test_a_process_since_a_date_is_not_an_onset():
    text = ("Tensions had been brewing since December, when gunmen killed 14 troops in an "
            "ambush.")
    df = _table(text, "2025-03-21",
                [tx(text, "December", "2024-12", ("2024-12-01", "2024-12-31"), "month")])
    assert not df["label"].str.contains("brewing").any() or \
        df[df["label"].str.contains("brewing")].iloc[0]["edtf"] != "2024-12"
    assert df["label"].str.contains("killed").any()


def test_the_day_before_names_a_later_event():
    text = ("He was last seen on Nov. 3, the day before authorities issued a warrant in the "
            "shooting.")
    df = _table(text, "1999-05-07",
                [tx(text, "Nov. 3", "1998-11-03", ("1998-11-03", "1998-11-03"), "day")])
    issued = _row(df, "issued")
    assert _window(issued) == (date(1998, 11, 4), date(1998, 11, 4))
    assert issued["relation"] == "after +P1D"


def test_a_round_amount_read_backwards_is_loose():
    text = "The team resumed work on Friday, nearly two months after it was blocked."
    df = _table(text, "1998-03-06",
                [tx(text, "Friday", "1998-03-06", ("1998-03-06", "1998-03-06"), "day")])
    blocked = _row(df, "blocked")
    lo, hi = _window(blocked)
    assert lo < date(1998, 1, 6) < hi and blocked["precision"] != "day"


def test_a_dated_event_keeps_its_own_date_over_a_backward_reading():
    text = ("Assad fell in December. Gunmen attacked troops on Dec. 20, two weeks after Assad "
            "fell.")
    df = _table(text, "2025-03-21",
                [tx(text, "December", "2024-12", ("2024-12-01", "2024-12-31"), "month"),
                 tx(text, "Dec. 20", "2024-12-20", ("2024-12-20", "2024-12-20"), "day")])
    fell = df[df["label"].str.contains("fell")]
    assert fell.iloc[0]["edtf"] == "2024-12"


def test_effective_with_a_date_is_an_event():
    text = ("The stock plummeted because the bank may not meet the new capital criteria "
            "effective Dec. 7.")
    df = _table(text, "1989-10-30",
                [tx(text, "Dec. 7", "1989-12-07", ("1989-12-07", "1989-12-07"), "day")])
    row = _row(df, "effective")
    assert row["edtf"] == "1989-12-07" and row["label"].startswith("New capital criteria")


def test_to_be_published_is_not_a_past():
    text = "He added that final guidelines to be published in early November will decide it."
    df = _table(text, "1989-10-30",
                [tx(text, "early November", "1989-11", ("1989-11-01", "1989-11-30"), "month")])
    row = _row(df, "published")
    assert _window(row) == (date(1989, 11, 1), date(1989, 11, 15))
    assert row["label"] == "Final guidelines to be published"
