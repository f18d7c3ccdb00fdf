"""Recall gaps found on unannotated news text: dated clauses that gave no row.

Each row is one general rule of news English, with a positive case (the clause is dated) and,
where the rule could over-fire, a negative case (no row, or not that window).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.helpers import tx
from timeline.events import events_from_timexes
from timeline.io import article_from_text

Y89 = ("1989-01-01", "1989-12-31")

# text, dct, (phrase, value, window, precision, mod), label word, expected window or None
CASES = [
    # a trigger missing from the lexicon
    ("Since 1983, the company has shed 70 businesses.", "1989-10-30",
     ("1983", "1983", ("1983-01-01", "1983-12-31"), "year", None), "shed",
     (date(1983, 1, 1), date(1989, 10, 30))),
    ("Asset sales shrank revenue by one-third in 1988.", "1989-10-30",
     ("1988", "1988", ("1988-01-01", "1988-12-31"), "year", None), "shrank",
     (date(1988, 1, 1), date(1988, 12, 31))),
    ("The alliance expanded in 1982.", "1999-03-12",
     ("1982", "1982", ("1982-01-01", "1982-12-31"), "year", None), "expanded",
     (date(1982, 1, 1), date(1982, 12, 31))),
    ("A large plant is to come on line in 1990.", "1989-10-30",
     ("1990", "1990", ("1990-01-01", "1990-12-31"), "year", None), "come on line",
     (date(1990, 1, 1), date(1990, 12, 31))),
    ("The new plant came online in March.", "1989-10-30",
     ("March", "1989-03", ("1989-03-01", "1989-03-31"), "month", None), "came online",
     (date(1989, 3, 1), date(1989, 3, 31))),
    ("The restriction expires on Dec. 31, 1990.", "1989-10-30",
     ("Dec. 31, 1990", "1990-12-31", ("1990-12-31", "1990-12-31"), "day", None), "expires",
     (date(1990, 12, 31), date(1990, 12, 31))),
    ("The buyer will take ownership of the studio in November.", "1989-10-30",
     ("November", "1989-11", ("1989-11-01", "1989-11-30"), "month", None), "take ownership",
     (date(1989, 11, 1), date(1989, 11, 30))),
    ("Since March, 40 fugitives have been taken into custody.", "1989-10-30",
     ("March", "1989-03", ("1989-03-01", "1989-03-31"), "month", None), "custody",
     (date(1989, 3, 1), date(1989, 10, 30))),
    # negative: a new trigger told as a possibility is still no row
    ("The alliance could expand in 2000.", "1999-03-12",
     ("2000", "2000", ("2000-01-01", "2000-12-31"), "year", None), "expand", None),
    ("The plant might shed 500 jobs in 1990.", "1989-10-30",
     ("1990", "1990", ("1990-01-01", "1990-12-31"), "year", None), "shed", None),
    # "not ... until T": the negation rules out only earlier times; it happens at T
    ("The plant wasn't to begin turning out product until 1993.", "1989-10-30",
     ("1993", "1993", ("1993-01-01", "1993-12-31"), "year", None), "begin",
     (date(1993, 1, 1), date(1993, 12, 31))),
    ("The rebels did not leave the town until Tuesday.", "1989-10-30",
     ("Tuesday", "1989-10-24", ("1989-10-24", "1989-10-24"), "day", None), "leave",
     (date(1989, 10, 24), date(1989, 10, 24))),
    # negative: a negation without "until" still removes the event
    ("The rebels did not leave the town on Tuesday.", "1989-10-30",
     ("Tuesday", "1989-10-24", ("1989-10-24", "1989-10-24"), "day", None), "leave", None),
    # negative: "until" on a plain clause is still only an upper bound
    ("Rebels held the town until Tuesday.", "1989-10-30",
     ("Tuesday", "1989-10-24", ("1989-10-24", "1989-10-24"), "day", None), "held", None),
    # "later this month": the word opens a time expression, it is no back-reference
    ("The buyer will complete the deal later this month.", "1989-10-20",
     ("later this month", "1989-10", ("1989-10-21", "1989-10-31"), "month", "END"),
     "complete", (date(1989, 10, 21), date(1989, 10, 31))),
    ("He will leave later this week.", "1989-10-30",
     ("later this week", "1989-W44", ("1989-10-31", "1989-11-05"), "week", "END"),
     "leave", (date(1989, 10, 31), date(1989, 11, 5))),
]


def _first_window(df, word):
    hits = df[df["label"].str.contains(word, case=False, regex=False)]
    if not len(hits):
        return None
    row = hits.iloc[0]
    return row["start"].date(), row["end"].date()


@pytest.mark.parametrize("text, dct, timex, word, expected", CASES,
                         ids=[c[0][:40] for c in CASES])
def test_dated_clause(text, dct, timex, word, expected):
    phrase, value, window, precision, mod = timex
    df = events_from_timexes(article_from_text(text, dct),
                             [tx(text, phrase, value, window, precision, mod=mod)])
    got = _first_window(df, word)
    if expected is None:
        assert got is None or got[1] < date.fromisoformat(window[0]), df["label"].tolist()
    else:
        assert got == expected, (df[["label", "edtf"]].to_dict("records"))


def test_a_bare_later_still_follows_the_narrative():
    text = "Rebels seized the town on March 1. Troops retook it later."
    df = events_from_timexes(article_from_text(text, "1989-10-30"),
                             [tx(text, "March 1", "1989-03-01", ("1989-03-01", "1989-03-01"),
                                 "day")])
    got = _first_window(df, "retook")
    assert got is None or got[0] >= date(1989, 3, 1)


@pytest.mark.parametrize("text, phrase, value, window, precision, label", [
    ("The offer, advertised in Monday's papers, is scheduled to expire on Nov. 30.",
     "Nov. 30", "1989-11-30", ("1989-11-30", "1989-11-30"), "day",
     "The offer is scheduled to expire"),
    ("The offer, which directors rejected, had been set to expire on Nov. 6.",
     "Nov. 6", "1989-11-06", ("1989-11-06", "1989-11-06"), "day",
     "The offer had been set to expire"),
    # negative: a clause with its own subject keeps it
    ("The offer, advertised in Monday's papers, said the bid is scheduled to close on Nov. 30.",
     "Nov. 30", "1989-11-30", ("1989-11-30", "1989-11-30"), "day", None),
])
def test_scheduled_to_borrows_the_subject(text, phrase, value, window, precision, label):
    df = events_from_timexes(article_from_text(text, "1989-10-30"),
                             [tx(text, phrase, value, window, precision)])
    labels = df["label"].tolist()
    if label is not None:
        assert label in labels, labels
    else:
        assert not any(x.startswith("The offer is scheduled") for x in labels), labels


def test_an_appositive_due_to_does_not_borrow_the_sentence_subject():
    text = ("The company, which offered $37 a share, said it would extend its bid, due to expire "
            "on Oct. 26, to Nov. 6.")
    df = events_from_timexes(article_from_text(text, "1989-10-30"),
                             [tx(text, "Oct. 26", "1989-10-26", ("1989-10-26", "1989-10-26"),
                                 "day")])
    assert not any(x.startswith("The company due") for x in df["label"]), df["label"].tolist()


@pytest.mark.parametrize("text, phrase, value, window, precision, label", [
    ("The plant wasn't to begin turning out product until 1993.", "1993", "1993",
     ("1993-01-01", "1993-12-31"), "year", "The plant was to begin turning out product"),
    ("The rebels did not leave the town until Tuesday.", "Tuesday", "1989-10-24",
     ("1989-10-24", "1989-10-24"), "day", "The rebels did leave the town"),
    ("The company, which makes cereal, is to open a plant in 1990.", "1990", "1990",
     ("1990-01-01", "1990-12-31"), "year", "The company is to open a plant"),
])
def test_label_of_a_newly_dated_clause(text, phrase, value, window, precision, label):
    df = events_from_timexes(article_from_text(text, "1989-10-30"),
                             [tx(text, phrase, value, window, precision)])
    assert label in df["label"].tolist(), df["label"].tolist()
