"""Labels say who did what: pronouns resolved or dropped, subjects borrowed, no fragments.

Table-driven: each case is an article, the phrase that picks the row (a word of the event's
sentence), and what its label must (or must not) say. Hand-built time expressions, so the
cases do not depend on the tagger.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.events.helpers import tx
from timeline.events import events_from_timexes
from timeline.events._describe import MAX_LABEL
from timeline.io import article_from_text

DCT = "1998-05-07"
THU = ("1998-05-07", "1998-05-07")
NOV = ("1997-11-01", "1997-11-30")


def _table(text: str, times: list[tuple[str, str, tuple[str, str], str]]) -> pd.DataFrame:
    timexes = [tx(text, phrase, value, window, prec) for phrase, value, window, prec in times]
    return events_from_timexes(article_from_text(text, DCT), timexes)


def _row(df: pd.DataFrame, word: str) -> pd.Series:
    hits = df[df["sentence"].str.contains(word, regex=False)
              & df["label"].str.contains(word.split()[0], case=False, regex=False)]
    assert len(hits) >= 1, (word, df["label"].tolist())
    return hits.iloc[0]


CASES = [
    # (id, text, times, word in the label, exact label or None, words the label must not start with)
    ("he-named-in-the-sentence-before",
     "James Kopp, 44, of St. Albans, became the subject of a manhunt in November. "
     "He was charged on Thursday with murder.",
     [("in November", "1997-11", NOV, "month"), ("on Thursday", "1998-05-07", THU, "day")],
     "charged", "James Kopp was charged with murder", ()),
    ("he-inside-its-own-sentence",
     "Barnett Slepian was heating soup in November when he was gunned down.",
     [("in November", "1997-11", NOV, "month")],
     "gunned", "Barnett Slepian was gunned down", ()),
    ("he-two-people-in-sight-is-dropped",
     "Smith met Jones in November. He was arrested on Thursday.",
     [("in November", "1997-11", NOV, "month"), ("on Thursday", "1998-05-07", THU, "day")],
     "arrested", "Was arrested", ("He ",)),
    ("they-the-group-of-the-sentence-before",
     "Police found 1,300 pounds of explosives in a shed on Thursday. "
     "They arrested two men.",
     [("on Thursday", "1998-05-07", THU, "day")],
     "arrested", "Police arrested two men", ()),
    ("it-expletive-is-kept",
     "It was not known on Thursday if the arrest stemmed from the indictment.",
     [("on Thursday", "1998-05-07", THU, "day")],
     "known", None, ("Was ",)),
    ("relative-clause-takes-its-antecedent",
     "It was the first time that Ritter, who arrived on Thursday with 50 inspectors, had "
     "been allowed to inspect.",
     [("on Thursday", "1998-05-07", THU, "day")],
     "arrived", "Ritter arrived with 50 inspectors", ()),
    ("who-after-an-appositive",
     "\"I have seen no pattern,\" said Patricia Hurt, the county prosecutor, who created the "
     "task force on Thursday.",
     [("on Thursday", "1998-05-07", THU, "day")],
     "created", "The county prosecutor created the task force", ("Created",)),
    ("coordinated-verb-takes-the-subject",
     "During the quarter, Delta issued 2.5 million shares to Swissair, and repurchased 1.1 "
     "million shares for an employee stock plan.",
     [("the quarter", "1998-Q1", ("1998-01-01", "1998-03-31"), "season")],
     "repurchased", "Delta repurchased 1.1 million shares", ()),
    ("plural-relative-takes-the-whole-coordination",
     "Tanzania expelled five Iraqis and a Libyan who were questioned by the police on Thursday.",
     [("on Thursday", "1998-05-07", THU, "day")],
     "questioned", "Five Iraqis and a Libyan were questioned by the police", ()),
    ("a-closed-relative-clause-is-skipped",
     "An abortion foe who is the subject of a manhunt was charged with murder on Thursday.",
     [("on Thursday", "1998-05-07", THU, "day")],
     "charged", "An abortion foe was charged with murder", ("Is ",)),
    ("a-duration-stays-in-the-label",
     "The commander said on Thursday that he believed the hostage had been killed within a week "
     "of his capture.",
     [("on Thursday", "1998-05-07", THU, "day")],
     "commander", None, ()),
    ("a-removed-date-leaves-no-possessive",
     "Investigators said on Thursday that last month's discovery of a rifle was decisive.",
     [("on Thursday", "1998-05-07", THU, "day"),
      ("last month", "1998-04", ("1998-04-01", "1998-04-30"), "month")],
     "Investigators", None, ()),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_label_says_who(case):
    _id, text, times, word, exact, bad_starts = case
    df = _table(text, times)
    row = _row(df, word)
    label = row["label"]
    if exact is not None:
        assert label == exact or label.startswith(exact), label
    for bad in bad_starts:
        assert not label.startswith(bad), label
    assert len(label) <= MAX_LABEL
    assert label.count('"') % 2 == 0 and "``" not in label and "''" not in label
    assert not label.startswith(("Who ", "Which ", "That ", "And "))
    assert " 's " not in label and not label.endswith((" and", " of", " the", " against"))


def test_duration_and_possessive_are_not_mangled():
    text = ("The commander said on Thursday that he believed the hostage had been killed within "
            "a week of his capture.")
    df = _table(text, [("on Thursday", "1998-05-07", THU, "day")])
    assert any("within a week" in lab or "within of" not in lab for lab in df["label"])
    assert not any("within of" in lab for lab in df["label"])
    text = "Investigators said on Thursday that last month's discovery of a rifle was decisive."
    df = _table(text, [("on Thursday", "1998-05-07", THU, "day"),
                       ("last month", "1998-04", ("1998-04-01", "1998-04-30"), "month")])
    assert not any("'s discovery" in lab.replace("’", "'") and "the discovery" not in lab
                   for lab in df["label"])


LONG = [
    ("Second Prime Minister Hun Sen staged a successful coup against First Prime Minister Prince "
     "Norodom Ranariddh in July.", "Hun Sen staged a successful coup"),
    ("Extremists bombed two predominantly pro-British Protestant towns and fired mortar "
     "shells at a police station in July.", "Extremists bombed"),
]


@pytest.mark.parametrize("text, start", LONG, ids=["name", "coordination"])
def test_a_long_label_is_cut_at_a_boundary(text, start):
    df = _table(text, [("in July", "1997-07", ("1997-07-01", "1997-07-31"), "month")])
    label = df.iloc[0]["label"]
    assert start in label and len(label) <= MAX_LABEL
    assert not label.endswith((" First", " and", " and fired", " against"))
