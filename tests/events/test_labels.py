"""Labels a reader would write, lanes from the lexicon, actors and places."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from tests.events.helpers import tx
from timeline.events import events_from_timexes, extract
from timeline.io import article_from_text
from timeline.schema import CATEGORIES

DCT = "2025-03-21"
JAN = ("2025-01-01", "2025-01-31")


def _one(text: str) -> pd.Series:
    phrase = "In January" if "In January" in text else "in January"
    timexes = [tx(text, phrase, "2025-01", JAN, "month")]
    df = events_from_timexes(article_from_text(text, DCT), timexes)
    assert len(df) >= 1, text
    return df.iloc[0]


LANES = [
    ("Gunmen killed five soldiers in an ambush in January.", "violence"),
    ("The president resigned in January.", "politics"),
    ("Rescuers evacuated 300 families in January.", "humanitarian"),
    ("An earthquake struck the region in January.", "disaster"),
    ("Police arrested the mayor in January.", "legal"),
    ("The company acquired its rival in January.", "other"),
    ("Floods destroyed 200 homes in January.", "disaster"),
    ("Voters elected a new parliament in January.", "politics"),
]


@pytest.mark.parametrize("text, lane", LANES, ids=[lane + ":" + t[:20] for t, lane in LANES])
def test_category_lane(text, lane):
    row = _one(text)
    assert row["category"] == lane
    assert row["category"] in CATEGORIES


LABELS = [
    ("In January, supporters of the old regime killed 14 troops in an ambush near the border.",
     "Supporters of the old regime killed 14 troops in an ambush near the border"),
    ("After the collapse of two dams in January, villagers fled.", "Collapse of two dams"),
    ("The army, which had retreated, shelled the port in January.", "The army"),
    ("In January, Al-Hadi, the interim leader, has set up a commission to investigate the "
     "killings and has insisted the perpetrators would be punished.",
     "Al-Hadi has set up a commission to investigate the killings"),
    ("He succeeds Jan Novak, who stepped down as chairman in January.",
     "Jan Novak stepped down as chairman"),
    ("\u201cWe will defend the border,\u201d said Eitan Levi in January.", "Eitan Levi said"),
]


@pytest.mark.parametrize("text, start", LABELS, ids=[s[:20] for _t, s in LABELS])
def test_label_reads_like_a_headline(text, start):
    label = _one(text)["label"]
    assert label.startswith(start)
    assert "in January" not in label, "the date is in its own column"


def test_labels_are_short_and_clean():
    long = ("In January, troops \u201cdeliberately\u201d shelled the old market, the bus station, "
            "the two schools and the hospital on the eastern side of the city, where hundreds "
            "of families had sheltered for weeks, according to residents.")
    label = _one(long)["label"]
    assert len(label) <= 80
    assert label.count("\u201c") == label.count("\u201d")
    assert not re.search(r"\b(?:the|of|and|to|a|in|on|which|who)$", label)
    assert label[0].isupper()


def test_actors_and_places():
    row = _one("In January, supporters of Omar Haddad attacked a convoy near Kerrin.")
    assert "supporters of Omar Haddad" in row["actors"]
    assert row["places"] == ["Kerrin"]
    row = _one("In January, the rebels entered the village of Sella.")
    assert row["places"] == ["Sella"]
    assert "rebels" in row["actors"]


def test_demonyms_and_sentence_openers_are_not_names():
    row = _one("When Syrian troops shelled Homs in January, residents fled.")
    assert "Syrian" not in row["actors"] and "When" not in row["actors"]


def test_a_name_in_apposition_is_the_labels_subject():
    from timeline.events import extract

    text = ("General Motors Corp.'s big defense and automotive electronics unit, GM Hughes "
            "Electronics, said net income fell 22% in the third quarter. Meanwhile, net at GM's "
            "finance arm, General Motors Acceptance Corp., fell 3.1% in the quarter. GM shares "
            "fell yesterday.")
    labels = extract(text, "1989-10-26")["label"].tolist()
    assert "GM Hughes Electronics said net income fell 22%" in labels
    assert any(x.startswith("General Motors Acceptance Corp") and x.endswith("fell 3.1%")
               for x in labels), labels


def test_a_participle_with_by_is_no_clause_and_a_long_subject_keeps_its_verb():
    from timeline.events import extract

    text = ("A group of investors led by Giant Group Ltd. and its chairman, Burt Sugarman, said "
            "it filed with federal antitrust regulators for clearance to buy more than 50% of "
            "the stock of Rally's Inc., a fast-food restaurant company. Rally's shares rose "
            "yesterday. Analysts were surprised.")
    df = extract(text, "1989-10-27")
    lead = df[df["relation"] == "lead of the report"]
    assert len(lead) == 1
    label = lead.iloc[0]["label"]
    assert label.startswith("A group of investors") and "said it filed" in label
    assert len(label) <= 80
    assert not df["label"].str.startswith("Led").any()


def test_a_participle_with_by_and_a_time_of_its_own_is_a_happening():
    from timeline.events import extract

    text = ("The candy businesses had sales of about $154 million, according to a memorandum "
            "distributed by RJR's owner, Kohlberg Kravis Roberts & Co., to bankers last December. "
            "Nestle agreed to buy them on Friday. RJR shares rose.")
    df = extract(text, "1989-10-30")
    row = df[df["label"].str.contains("distributed")]
    assert len(row) == 1
    assert row.iloc[0]["start"].date().isoformat() == "1988-12-01"


def test_at_a_company_names_whose_figures_they_are():
    from timeline.events import extract

    text = ("GM Hughes said net income fell 22% in the third quarter. At EDS, third-quarter "
            "profit jumped 16% to a record $110.9 million. At a news conference, Smith resigned "
            "on Friday. GM shares fell yesterday.")
    labels = extract(text, "1989-10-26")["label"].tolist()
    assert any(x.startswith("EDS: third-quarter profit jumped 16%") for x in labels), labels
    assert "Smith resigned" in labels  # "At a news conference" names no company


def test_it_in_a_told_clause_is_the_company_the_sentence_opened_with():
    from timeline.events import extract

    text = ("First Security Corp. said it tentatively agreed to acquire Deseret Bancorp. Terms "
            "call for First Security to issue about 0.55 share for each Deseret share. First "
            "Security, with $5.4 billion in assets, said the agreement is subject to approval and "
            "that it hopes to complete the transaction in the first half of 1990.")
    df = extract(text, "1989-11-01")
    labels = df["label"].tolist()
    assert "First Security hopes to complete the transaction" in labels, labels
    assert not any(x.startswith("Terms call for") for x in labels)  # a document's content


def test_overnight_before_a_noun_stays_in_the_label():
    df = extract("London shares were depressed initially by overnight losses in New York on "
                 "Friday.", "1989-10-30")
    assert df["label"].str.contains("by overnight losses").any(), df["label"].tolist()


def test_a_told_label_has_no_space_before_a_comma():
    df = extract("Sterling fell by more than 10% overnight, to its lowest level, officials said on "
                 "Friday.", "2016-06-24")
    assert not df["label"].str.contains(r"\s,", regex=True).any(), df["label"].tolist()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("For the year, pet food volume was flat, the company said.",
         "The company said: pet food volume was flat"),
        ("As of Sept. 30, the bank had assets of $511 million, Security Pacific said.",
         "Security Pacific said: the bank had assets of $511 million"),
    ],
)
def test_a_told_label_drops_a_time_with_its_preposition(text, label):
    assert extract(text, "1989-11-02")["label"].tolist() == [label]


def test_a_which_clause_that_only_dates_its_antecedent_dates_that_noun():
    df = extract("Mr Hollande has cancelled his trip to the G20 summit in the Turkish resort of "
                 "Antalya, which begins on Sunday.", "2015-11-14")
    row = df[df["label"].str.startswith("G20 summit")].iloc[0]
    assert str(row["start"].date()) == str(row["end"].date()) == "2015-11-15"
    assert not df["label"].str.contains("cancelled").any() or (
        df[df["label"].str.contains("cancelled")]["start"].dt.date.astype(str) != "2015-11-15"
    ).all()


def test_a_span_of_clock_times_leaves_the_label_whole():
    df = extract("Authorities imposed a curfew in Kyiv from 10 p.m. to 7 a.m.", "2022-02-25")
    assert df["label"].tolist() == ["Authorities imposed a curfew in Kyiv"]


def test_what_was_told_keeps_a_name_capitalised():
    df = extract("South Korea will carry out an emergency inspection of all aircraft, the "
                 "transport ministry said on Monday. The bombings were cowardly, Albright said "
                 "on Tuesday.", "2024-12-30")
    assert set(df["label"]) == {
        "The transport ministry said: South Korea will carry out an emergency inspection",
        "Albright said: the bombings were cowardly"}


def test_a_name_before_an_aside_is_the_subject_of_a_passive_clause():
    df = extract("Boris Johnson, the former mayor of London who fronted Vote Leave and is now the "
                 "favourite to succeed Cameron, was jeered by crowds as he left his home on "
                 "Friday.", "2016-06-24")
    assert df["label"].tolist() == ["Boris Johnson was jeered by crowds as he left his home"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("A phony address listed on disclosure forms was found, Parliament said on Friday.",
         "Parliament said: a phony address listed on disclosure forms was found"),
        ("I can confirm that a man was arrested, police said on Friday.",
         "Police said: I can confirm that a man was arrested"),
        ("Dime Savings Bank of New York was cleared by regulators, the banks said on Friday.",
         "The banks said: Dime Savings Bank of New York was cleared by regulators"),
    ],
)
def test_what_was_told_is_lowercased_only_when_it_opens_with_no_name(text, label):
    assert extract(text, "2024-12-30")["label"].tolist() == [label]
