"""Clause boundaries that decide which word is a clause's event: relative clauses opened by
"that", and participles used as adjectives."""

from __future__ import annotations

import pytest

from timeline.events import extract

from .helpers import iso_window, row_about, rows_about

DCT = "1998-10-25"  # a Sunday


def test_a_relative_that_clause_has_its_own_event_and_subject():
    df = extract(
        "But a principled commitment to provide a protected service could not stop the "
        "assassin's bullet that tore through his kitchen window Friday night.",
        DCT,
    )
    row = row_about(df, "tore")
    assert iso_window(row) == ("1998-10-23", "1998-10-23")
    assert row["label"].startswith("The assassin's bullet tore")


def test_a_that_complement_is_not_a_relative_clause():
    df = extract("Officials said that the army killed 12 people on Monday.", DCT)
    row = row_about(df, "killed")
    assert iso_window(row) == ("1998-10-19", "1998-10-19")
    assert row["label"].startswith("Army killed")


def _mention_words(text: str) -> list[str]:
    from datetime import date

    from timeline.events._lexicon import lexicon
    from timeline.events._mentions import mentions_of
    from timeline.events._text import quote_spans, split_sentences
    from timeline.temporal import tag

    dct = date.fromisoformat(DCT)
    lex = lexicon()
    sentences = split_sentences(text, lex)
    found = mentions_of(text, sentences, tag(text, dct), dct, lex, quote_spans(text))
    return [text[m.start : m.end] for m in found]


def test_a_participle_between_a_determiner_and_its_noun_is_no_verb():
    words = _mention_words(
        "The murder of Dr. Slepian is the latest depraved assault on physicians. "
        "A constitutionally protected service was disrupted."
    )
    assert "murder" in words and "disrupted" in words
    assert "depraved" not in words and "protected" not in words


def test_a_word_ending_like_a_superlative_is_not_one():
    # "the arrest stemmed": "arrest" is the subject, not an adjective before a participle
    words = _mention_words("It was not known if the arrest stemmed from the indictment.")
    assert "stemmed" in words


def test_before_dawn_is_a_time_of_day_not_a_cue():
    df = extract(
        "Putin launched the invasion before dawn Thursday, with missile strikes on cities. "
        "Police raided the house shortly after midnight on Sunday.",
        "2022-02-25",
    )
    assert iso_window(row_about(df, "launched the invasion")) == ("2022-02-24", "2022-02-24")
    assert iso_window(row_about(df, "raided")) == ("2022-02-20", "2022-02-20")


def test_a_clause_continues_the_dated_clause_before_it_in_its_sentence():
    df = extract(
        "The jet skidded down the runway on Sunday morning without its landing gear deployed, "
        "slammed into an embankment and exploded.",
        "2024-12-30",
    )
    row = row_about(df, "slammed")
    assert iso_window(row) == ("2024-12-29", "2024-12-29")
    assert row["relation"] == "inherited from narrative"


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause's time is its own
        "Acting President Choi, who took over only on Friday, ordered an inspection of airlines.",
        # what is told is not dated by the telling
        "An official was quoted Friday as saying that an Egyptian planned the attacks.",
        # another time stands between
        "The warrant issued Monday charged him in the 1995 shooting of a doctor, who was "
        "wounded in the elbow.",
    ],
)
def test_a_clause_does_not_continue_a_relative_clause_a_statement_or_across_a_time(text):
    df = extract(text, "2024-12-30")
    assert not (df["relation"] == "inherited from narrative").any(), df[["label", "edtf"]]


def test_a_day_after_a_jet_crash_landed():
    df = extract(
        "South Korea will inspect all Boeing 737-800 aircraft operated by its airlines, the "
        "transport ministry said on Monday, a day after a jet crash-landed and burst into "
        "flames.",
        "2024-12-30",
    )
    assert iso_window(row_about(df, "crash-landed")) == ("2024-12-29", "2024-12-29")
    # "operated by its airlines" is a participle, no undated past clause made the day's news
    assert not (df["relation"] == "lead of the report").any(), df[["label", "relation"]]


def test_a_record_since_a_year_dates_nothing():
    df = extract(
        "Sterling fell by more than 10% against the dollar, to its lowest level since 1985, as "
        "results came in. Turnout was the highest since 1992.",
        "2016-06-24",
    )
    assert not df["start"].dt.year.isin([1985, 1992]).any(), df[["label", "edtf"]]


def test_a_standfirst_and_a_bare_byline_are_not_the_lead():
    text = (
        "Britain votes to leave EU as Cameron announces resignation\n\n"
        "Leave campaign wins by 52% to 48%, triggering political turmoil, a plunge in the pound "
        "and fresh calls for a second Scottish independence referendum\n\n"
        "Harriet Lowe and Daniel Okafor\n\n"
        "Britain has voted to leave the European Union after 43 years of membership.\n\n"
        "The leave campaign won by 51.9% to 48.1%, a margin of more than 1.2 million votes, on "
        "a turnout of 72.2%, the highest in a UK-wide vote since the 1992 general election.\n\n"
        "Speaking outside Downing Street on Friday morning, Cameron said the country needed "
        "fresh leadership.\n"
    )
    df = extract(text, "2016-06-24")
    row = row_about(df, "has voted to leave")
    assert iso_window(row) == ("2016-06-24", "2016-06-24")
    assert row["relation"] == "lead of the report"
    assert not df["start"].dt.year.isin([1992]).any(), df[["label", "edtf"]]
    assert rows_about(df, "million votes").empty


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("Sentencing will take place in about eight weeks.", ("2021-06-14", "2021-06-20")),
        ("The court will rule in 10 days.", ("2021-04-30", "2021-04-30")),
        ("The stock would be redeemed in five years.", ("2026-01-01", "2026-12-31")),
    ],
)
def test_in_an_amount_of_time_is_a_point_ahead_for_a_future(text, window):
    [row] = [r for _, r in extract(text, "2021-04-20").iterrows()]
    assert iso_window(row) == window


def test_in_an_amount_of_time_dates_no_past_clause():
    df = extract("He was freed in three days after a long siege.", "2021-04-20")
    assert df.empty or not (df["start"].dt.date.astype(str) == "2021-04-23").any()


def test_a_time_before_of_is_no_premodifier():
    # "convicted Tuesday of murder": Tuesday is the conviction's, not the murder's
    df = extract(
        "Former police Officer Derek Chauvin was convicted Tuesday of murder and manslaughter "
        "for pinning George Floyd to the pavement.",
        "2021-04-20",
    )
    [row] = [r for _, r in df.iterrows()]
    assert "convicted" in row["label"] and iso_window(row) == ("2021-04-20", "2021-04-20")


def test_a_yearless_premodifier_of_a_past_clause_is_the_one_before():
    df = extract("The August 7 embassy bombings killed 200.", "2021-04-20")
    [row] = [r for _, r in df.iterrows()]
    assert iso_window(row) == ("2020-08-07", "2020-08-07")


def test_common_irregular_pasts_are_happenings():
    df = extract(
        "Rescuers dug through the rubble of collapsed buildings on Tuesday. Thousands fled "
        "the city on Monday.",
        "2023-02-07",
    )
    assert iso_window(row_about(df, "dug through")) == ("2023-02-07", "2023-02-07")
    assert iso_window(row_about(df, "fled")) == ("2023-02-06", "2023-02-06")


def test_similar_attacks_are_another_happening():
    df = extract(
        "Some 313,000 Rohingya have arrived in Bangladesh since Aug. 25, the U.N. said on "
        "Monday.\n\nThe violence began when insurgents attacked about 30 police posts and an "
        "army base.\n\nA smaller army operation launched after similar attacks in October "
        "last year sent some 87,000 Rohingya fleeing.\n",
        "2017-09-11",
    )
    last_year = df[df["start"].dt.year == 2016]
    assert not last_year["label"].str.contains("violence began|police posts").any(), last_year


def test_a_copula_before_a_noun_names_what_the_subject_is():
    df = extract(
        "Firefighters fought on Friday to contain a blaze that has destroyed much of the town "
        "and is now the most destructive wildfire in California history.",
        "2018-11-10",
    )
    assert rows_about(df, "most destructive wildfire").empty, df[["label", "edtf"]]


def test_a_march_is_a_protest_and_march_a_month():
    df = extract("Organisers have called another mass march for this Sunday. In March, police "
                 "arrested 12 people.", "2019-06-13")
    assert iso_window(row_about(df, "mass march")) == ("2019-06-16", "2019-06-16")
    assert iso_window(row_about(df, "arrested")) == ("2019-03-01", "2019-03-31")


def test_a_24_hour_clock_with_its_zone_is_on_the_day_named_after_it():
    df = extract(
        "Police said he had detonated a device in the foyer at about 22:30 BST on Monday and "
        "died at the scene.",
        "2017-05-23",
    )
    assert len(df) >= 1 and (df["start"].dt.date.astype(str) == "2017-05-22").all()
    assert not df["label"].str.startswith("30 BST").any(), df["label"].tolist()


def test_a_day_and_month_take_the_year_their_noun_phrase_names():
    df = extract("It is the deadliest terror attack in the UK since the 7 July bombings in London "
                 "in 2005, which killed 52 people.", "2017-05-23")
    row = row_about(df, "bombings")
    assert iso_window(row) == ("2005-07-07", "2005-07-07")
    assert rows_about(df, "deadliest").empty


def test_a_gerund_subject_and_its_dated_noun():
    df = extract("Campaigning for the general election on 8 June has been suspended by all the "
                 "main parties.", "2017-05-23")
    row = row_about(df, "general election")
    assert row["label"] == "General election" and iso_window(row) == ("2017-06-08", "2017-06-08")
    assert not (df["start"].dt.date.astype(str) == "2017-06-08").sum() > 1


def test_a_count_that_differs_tells_another_happening():
    df = extract(
        "At least 94 African migrants drowned after a packed boat caught fire and capsized off "
        "Lampedusa on Thursday. Thursday's disaster came days after 13 migrants drowned on "
        "Monday while trying to wade ashore off Sicily.",
        "2013-10-03",
    )
    assert not (rows_about(df, "94 African migrants")["start"].dt.date.astype(str)
                == "2013-09-30").any(), df[["label", "edtf"]]
    assert iso_window(row_about(df, "13 migrants")) == ("2013-09-30", "2013-09-30")


def test_in_a_dated_noun_is_then_not_after():
    df = extract("A constitution drafted by the military was approved in a 2008 referendum.",
                 "2021-02-02")
    assert iso_window(row_about(df, "approved")) == ("2008-01-01", "2008-12-31")


def test_a_noun_with_an_absolute_date_of_its_own_is_another_happening():
    df = extract(
        "Twenty-two people have been killed in a suicide bomb attack at Manchester Arena.\n\n"
        "Officers have arrested a 23-year-old man in connection with the attack.\n\n"
        "It is the deadliest terror attack in the UK since the 7 July bombings in London in "
        "2005, which killed 52 people.\n",
        "2017-05-23",
    )
    assert not (df["start"].dt.year == 2005).sum() > 1, df[["label", "edtf"]]
    assert rows_about(df, "arrested")["start"].dt.year.eq(2017).all()


def test_a_noun_that_is_expected_in_some_weeks_is_a_future():
    df = extract("Sentencing is expected in about eight weeks.", "2021-04-20")
    assert iso_window(row_about(df, "sentencing")) == ("2021-06-14", "2021-06-20")
