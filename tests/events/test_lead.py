"""The news conventions of issue 6's second round: the lead's undated news, spans from
publication ("within a year"), parts of weeks, possessive times and "the following year".

These run the real tagger: each row is a short report as a reader would paste it.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.events.helpers import iso_window, row_about, rows_about
from timeline.events import extract
from timeline.events._solve import LEAD_RELATION

REPORT = ("{lead} Police said more arrests were possible. Residents were told to stay "
          "indoors. The mayor visited the area on Monday.")


@pytest.mark.parametrize("lead, word", [
    ("Security forces clashed with demonstrators in the capital.", "clashed"),
    ("The presidents have signed the accession papers in two ceremonies.", "signed"),
    ("Officials are warning residents that more rain will cause landslides.", "warning"),
    ("The president says he is committed to a possible strike.", "says"),
])
def test_the_leads_undated_news_is_the_days_news(lead, word):
    df = extract(REPORT.format(lead=lead), "1998-03-03")
    row = row_about(df, word)
    assert iso_window(row) == ("1998-03-03", "1998-03-03")
    assert row["relation"] == LEAD_RELATION
    assert pd.isna(row["timex"])  # no expression dated it
    assert row["confidence"] < 0.6  # a convention, not the text's words


def test_a_datelines_date_is_the_reports_day():
    text = ("WARSAW, February 26 (Xinhua) --\n\n"
            "The presidents of Poland and the Czech Republic have signed papers of accession. "
            "The ceremonies were broadcast live. Officials welcomed the step.")
    row = row_about(extract(text, "1999-02-27"), "signed")
    assert iso_window(row) == ("1999-02-26", "1999-02-26")


@pytest.mark.parametrize("lead, word", [
    # not the day's news: a relative clause, a fronted participle, a present-tense state, a
    # pluperfect, a prediction, a report by a bare pronoun
    ("Creditors, who are owed $430 million, met the judge.", "owed"),
    ("Tired of being sidelined, the astronaut moved abroad.", "sidelined"),
    ("The company holds an 8.9% stake in its rival.", "holds"),
    ("The government had banned the party.", "banned"),
    ("Rebels might attack the town.", "attack"),
    ("The talks failed, it said.", "said"),
])
def test_what_is_not_the_days_news_gets_no_date_from_the_lead(lead, word):
    df = extract(REPORT.format(lead=lead), "1998-03-03")
    hits = df[df["label"].str.contains(word, case=False, regex=False)]
    assert (hits["relation"] != LEAD_RELATION).all(), hits[["label", "edtf", "relation"]]


def test_the_lead_rule_needs_a_report_not_a_lone_sentence():
    assert extract("Security forces clashed with demonstrators.", "1998-03-03").empty


def test_a_later_sentence_is_not_the_lead():
    text = ("Police said more arrests were possible. The mayor visited the area on Monday. "
            "Residents were told to stay indoors. Security forces clashed with demonstrators.")
    df = extract(text, "1998-03-03")
    assert df[df["label"].str.contains("clashed")].empty


@pytest.mark.parametrize("sentence, window", [
    ("The panel will finish its investigation within a year.", ("1998-02-27", "1999-02-27")),
    ("Troops will withdraw within two weeks.", ("1998-02-27", "1998-03-13")),
    ("The vote will be held in the next few days.", ("1998-02-27", "1998-03-13")),
])
def test_within_a_span_a_future_event_falls_between_publication_and_its_end(sentence, window):
    row = row_about(extract(sentence, "1998-02-27"), sentence.split()[1])
    assert iso_window(row) == window
    assert row["precision"] == "vague"


def test_within_a_span_dates_no_past_event():
    # "within a week" of the narrative's time, not of publication: no row from it
    assert extract("The rebels took the city within a week.", "1998-02-27").empty


@pytest.mark.parametrize("phrase, window", [
    ("early this week", ("1998-11-30", "1998-12-02")),  # Monday to Wednesday
    ("earlier this week", ("1998-11-30", "1998-12-04")),  # Monday to yesterday
    ("late last week", ("1998-11-26", "1998-11-29")),  # Thursday to Sunday
    ("early last week", ("1998-11-23", "1998-11-25")),
    ("early last month", ("1998-11-01", "1998-11-15")),
])
def test_parts_of_weeks_and_months(phrase, window):
    df = extract(f"The Netherlands {phrase} became the last country to ratify the treaty.",
                 "1998-12-05")  # a Saturday
    assert iso_window(row_about(df, "ratify")) == window


def test_the_following_year_is_the_year_after_the_date_before_it():
    text = ("On May 22, 1995, the colonel was made a brigadier general, and the following year "
            "he was appointed military attache in Washington.")
    row = row_about(extract(text, "1998-04-18"), "appointed")
    assert iso_window(row) == ("1996-01-01", "1996-12-31")
    assert pd.isna(row["relation"])  # "following" here is no cue, the year is the text's own


def test_a_possessive_time_dates_its_noun_not_the_clause():
    text = ("A man was arrested in connection with last year's deadly embassy blasts in Kenya. "
            "He appeared in court on Friday.")
    df = extract(text, "1999-10-08")
    blasts = row_about(df, "blasts")
    assert iso_window(blasts) == ("1998-01-01", "1998-12-31")
    arrested = df[df["label"].str.contains("arrested")]
    assert all(r.start.year == 1999 for r in arrested.itertuples())


def test_a_when_clause_continues_the_narrative_as_one_moment():
    text = ("The ambassador met the minister again on Wednesday. On Aug. 7, the two had just "
            "ended a news conference near the embassy. They were talking when the bomb went off, "
            "killing 247 people.")
    row = row_about(extract(text, "1998-08-26"), "bomb went off")
    assert iso_window(row) == ("1998-08-07", "1998-08-07")
    # the moment both clauses share continues the narrative: one inference step below the
    # dated sentence (not a confidence worn down by the two clauses' ties to each other)
    dated = row_about(extract(text, "1998-08-26"), "ended a news conference")
    assert 0.4 < row["confidence"] < dated["confidence"]


def test_two_clauses_tied_to_each_other_do_not_wear_their_confidence_down():
    text = ("Russian troops pressed toward the capital Friday, with explosions and gunfire "
            "echoing through the city before dawn, as the government urged residents to make "
            "firebombs.")
    df = extract(text, "2022-02-25")
    assert len(df) >= 2 and (df["confidence"] > 0.3).all(), df[["label", "confidence"]]


def test_a_quoted_when_clause_is_no_moment_of_the_narrative():
    text = ("Rebels attacked the town on Monday. The commander told reporters that the work went "
            "on: “When we went to rescue people, nobody asked about politics.” Aid arrived later.")
    df = extract(text, "2025-03-21")
    assert df[df["label"].str.contains("told reporters")].empty


def test_wire_style_one_sentence_paragraphs_continue_the_narrative():
    text = ("NAIROBI, Kenya (AP) _\n\nBombs exploded outside the embassy on Friday.\n\n"
            "The ambassador was injured, a local TV said.\n\nOfficials met on Monday.")
    df = extract(text, "1998-08-10")
    row = df[df["label"] == "The ambassador was injured"].iloc[0]
    assert iso_window(row) == ("1998-08-07", "1998-08-07")
    assert row["relation"] == "inherited from narrative"


def test_a_paragraph_of_several_sentences_ends_the_narratives_moment():
    text = ("Bombs exploded outside the embassy on Friday. Police sealed the street.\n\n"
            "The ambassador was injured. Officials met on Monday. Talks went on.")
    df = extract(text, "1998-08-10")
    assert df[df["label"].str.contains("ambassador")].empty


def test_a_participle_clause_tells_what_its_event_did_at_its_time():
    text = ("Bombs exploded outside two embassies on Friday, killing dozens of people. "
            "Police sealed the street. Officials met on Monday.")
    row = row_about(extract(text, "1998-08-10"), "killing dozens")
    assert iso_window(row) == ("1998-08-07", "1998-08-07")
    assert row["relation"] == "when"


def test_a_present_tense_report_in_the_opening_is_the_days_news():
    text = ("Talks in Baghdad went on late into the night. Diplomats were hopeful. "
            "A UN spokesman says the secretary general is on the verge of a breakthrough. "
            "Officials met on Monday. Experts say the deal is close.")
    df = extract(text, "1998-02-22")
    row = row_about(df, "spokesman says")
    assert iso_window(row) == ("1998-02-22", "1998-02-22")
    assert df[df["label"].str.contains("Experts say")].empty  # not in the opening


@pytest.mark.parametrize("text, word, window", [
    # after a participle, "in the <event>" ties the clause to that event
    ("A bomb exploded at the embassy on Friday. The ambassador was injured in the blast. "
     "Officials met on Monday.", "ambassador was injured", ("1998-08-07", "1998-08-07")),
])
def test_in_the_event_ties_a_clause_to_it(text, word, window):
    row = row_about(extract(text, "1998-08-10"), word)
    assert iso_window(row) == window
    assert row["relation"] == "during"


@pytest.mark.parametrize("sentence", [
    "Two key suspects in the Kenya bombing have been handed over for trial.",  # a noun phrase
    "In Los Angeles that lesson was brought home today.",  # a place
    "Prices rose in the wake of the attack.",  # another cue
])
def test_in_is_no_cue_before_a_place_or_inside_a_noun_phrase(sentence):
    from timeline.events._lexicon import lexicon
    from timeline.events._text import segments

    segs = segments(sentence, 0, len(sentence), lexicon())
    assert all(s.lead != "in" for s in segs), segs


@pytest.mark.parametrize("text, word, window", [
    # a month without a year, told in the past tense, is the one before publication
    ("In January, a bomb killed a guard at a clinic.", "killed a guard",
     ("1998-01-01", "1998-01-31")),
    ("On Dec. 5 the minister resigned.", "resigned", ("1997-12-05", "1997-12-05")),
    # told of the future, it stays ahead
    ("The vote will be held in January.", "vote", ("1999-01-01", "1999-01-31")),
])
def test_a_yearless_month_follows_the_clauses_tense(text, word, window):
    assert iso_window(row_about(extract(text, "1998-10-25"), word)) == window


def test_a_fiscal_periods_end_is_not_reread_as_last_year():
    df = extract("In the fiscal year ended Jan. 31, the company reported sales of $59 million.",
                 "1998-10-25")
    assert not (df["start"].dt.year == 1998).any(), df[["label", "edtf"]]


def test_the_leads_day_meets_an_open_tie():
    text = ("The prime minister says considerable gaps remain before next week's talks in London. "
            "Aides were hopeful. Officials met on Monday.")
    row = row_about(extract(text, "1998-05-01"), "says")
    assert iso_window(row) == ("1998-05-01", "1998-05-01")
    assert row["relation"] == LEAD_RELATION


def test_a_time_in_a_reported_clause_dates_the_reported_event():
    text = ("Police said that on Friday rebels attacked the town. "
            "The agency says it received 8,000 reports of attacks last year.")
    df = extract(text, "1998-03-03")
    assert iso_window(row_about(df, "attacked the town")) == ("1998-02-27", "1998-02-27")
    # the reported receiving (or the attacks it counts) in 1997; the telling is not
    assert ("1997-01-01", "1997-12-31") in [iso_window(r) for _, r in df.iterrows()]
    says = df[df["label"].str.contains("says")]
    assert all(iso_window(r) != ("1997-01-01", "1998-03-03") for _, r in says.iterrows())


def test_the_sentence_after_the_lead_continues_its_day():
    text = ("The presidents have signed the accession papers.\n\n"
            "The two leaders signed the documents in their palaces.\n\nAides were hopeful.\n\n"
            "Officials met on Monday.")
    row = row_about(extract(text, "1999-02-27"), "two leaders signed")
    assert iso_window(row) == ("1999-02-27", "1999-02-27")
    assert row["relation"] == "inherited from narrative"
    assert row["confidence"] < 0.5


@pytest.mark.parametrize("text, word, window", [
    # the word after a possessive time is its noun, even one that can be a verb ("ruling")
    ("Relatives vowed to fight Wednesday's ruling by the agency.", "ruling",
     ("2000-01-05", "2000-01-05")),
    # event nouns: a founding, an occupation
    ("The alliance's mission has changed since its founding in 1949.", "founding",
     ("1949-01-01", "1949-12-31")),
    # a reported time is the "when" clause's too
    ("The minister said he was in Kansas City in 1968 when troops swept through Prague in the "
     "occupation of Czechoslovakia.", "occupation", ("1968-01-01", "1968-12-31")),
])
def test_nominal_events_take_their_own_time(text, word, window):
    assert iso_window(row_about(extract(text, "2000-01-07"), word)) == window


def test_a_scheduled_noun_takes_its_time():
    df = extract("The issue is expected to dominate a NATO summit set for Washington in April.",
                 "1999-03-12")
    assert iso_window(row_about(df, "summit")) == ("1999-04-01", "1999-04-30")


def test_an_expected_event_takes_its_time():
    df = extract("The three countries are expected to join the alliance in April.", "1998-12-05")
    assert iso_window(row_about(df, "join")) == ("1999-04-01", "1999-04-30")


def test_when_the_opening_names_an_earlier_day_the_leads_window_covers_it():
    text = ("Some lousy earnings reports whacked the stock market. The Dow fell 3.3 points "
            "yesterday. Bond prices rose.")
    row = row_about(extract(text, "1989-10-27"), "whacked")
    assert iso_window(row) == ("1989-10-26", "1989-10-27")
    assert row["relation"] == LEAD_RELATION


def test_a_comparisons_base_dates_nothing():
    df = extract("The pound was at $1.5765 compared with $1.6145 Wednesday.", "1989-10-27")
    assert not (df["start"] == pd.Timestamp("1989-10-25")).any(), df[["label", "edtf"]]


def test_results_for_a_quarter_are_told_between_its_start_and_publication():
    row = row_about(extract("The company reported a third-quarter loss of $5 million.",
                       "1989-10-27"), "reported")
    assert iso_window(row) == ("1989-07-01", "1989-10-27")


def test_an_anniversarys_event_is_that_many_years_older():
    text = ("Many feared the effort would fail today, the 39th anniversary of the Bay of Pigs "
            "fiasco, an aborted invasion of Cuba that left many exiles bitter.")
    df = extract(text, "2000-04-17")
    left = df[df["label"].str.contains("invasion|left", regex=True)]
    assert not left.empty and all(r.start.year == 1961 for r in left.itertuples())


def test_an_anniversary_in_a_tie_is_no_apposition():
    text = ("In January, a week after the 25th anniversary of the court's decision, a clinic "
            "bombing killed a security guard.")
    row = row_about(extract(text, "1998-10-25"), "killed")
    assert row["start"].year == 1998


def test_a_tellers_label_says_what_was_told():
    text = "The bombings were cowardly acts of terror, Albright said Monday. Talks went on."
    row = row_about(extract(text, "1998-08-26"), "Albright said")
    assert "cowardly" in row["label"] and len(row["label"]) <= 80


@pytest.mark.parametrize("text, label", [
    ("The death toll in the Tanzania blast, initially 10, has risen to 12, hospital officials "
     "said Wednesday. Talks went on.",
     "Hospital officials said: the death toll in the Tanzania blast has risen to 12"),
    ("``We are going to maintain our forces in the region,'' said spokesman Kenneth Bacon on "
     "Friday. Talks went on.",
     "Spokesman Kenneth Bacon said: we are going to maintain our forces in the region"),
])
def test_a_teller_label_names_the_teller_and_the_news(text, label):
    df = extract(text, "1998-03-06")  # a Friday
    assert label in df["label"].tolist(), df["label"].tolist()


def test_meanwhile_looks_back_past_an_undated_sentence():
    text = ("Some 1,500 protesters marched on Sunday in Istanbul. ``Stop the bloodshed,'' the "
            "protesters chanted. Meanwhile in Ankara, a few hundred people laid a wreath at the "
            "embassy.")
    row = row_about(extract(text, "1998-03-08"), "laid a wreath")
    assert iso_window(row) == ("1998-03-08", "1998-03-08")


def test_a_coordinated_clause_borrows_the_subject_of_the_sentence():
    df = extract("Rebels seized the town on Friday and were joined by deserters. Talks went on. "
                 "Officials met.", "1999-10-08")
    assert "Rebels were joined by deserters" in df["label"].tolist(), df["label"].tolist()


def test_a_comparison_in_its_own_segment_dates_nothing():
    df = extract("Volume was estimated at 1.3 billion shares, up from 886 million Thursday.",
                 "1989-10-27")
    assert not (df["start"] == pd.Timestamp("1989-10-26")).any(), df[["label", "edtf"]]


def test_a_forecasts_time_is_not_the_tellings():
    df = extract("Mr. Marous said the business will achieve higher sales this year.", "1989-10-26")
    said = df[df["label"].str.contains("said")]
    assert all(iso_window(r) != ("1989-01-01", "1989-10-26") for _, r in said.iterrows())


def test_a_yesterday_further_into_the_opening_still_widens_the_leads_window():
    text = ("Some lousy earnings reports whacked the stock market. Bond prices fell only "
            "slightly. Traders were nervous. The Dow fell 3.3 points yesterday. Volume was heavy.")
    row = row_about(extract(text, "1989-10-27"), "whacked")
    assert iso_window(row) == ("1989-10-26", "1989-10-27")


def test_a_second_time_the_first_contradicts_dates_the_event_between_them():
    text = ("The World Court Friday rejected objections to a case that has blocked the trial of "
            "two Libyans suspected of blowing up a Pan Am jumbo jet over Scotland in 1988.")
    df = extract(text, "1998-02-27")
    assert iso_window(row_about(df, "rejected")) == ("1998-02-27", "1998-02-27")
    row = row_about(df, "Blowing up")
    assert iso_window(row) == ("1988-01-01", "1988-12-31")
    assert "World Court" not in row["label"]  # the label is the event's, not the clause's


@pytest.mark.parametrize("text, window", [
    ("The summit will be held in Washington on April 24 and 25.", ("1999-04-24", "1999-04-25")),
    # not joined: another clause's time
    ("Warplanes helped end the war almost four years ago and now are poised to strike.",
     ("1995-01-01", "1995-12-31")),
])
def test_dates_joined_by_and_are_one_span(text, window):
    df = extract(text, "1999-03-12")
    assert window in [iso_window(r) for _, r in df.iterrows()], df[["label", "edtf"]]


@pytest.mark.parametrize("text, window", [
    ("Rebels attacked the town a few years ago.", ("1990-04-01", "1999-04-01")),
    ("Rebels attacked the town several months ago.", ("1999-04-01", "2000-03-01")),
    ("Rebels attacked the town a few days ago.", ("2000-03-18", "2000-03-31")),
])
def test_some_units_ago_keeps_the_units_scale(text, window):
    row = row_about(extract(text, "2000-04-01"), "attacked")
    assert iso_window(row) == window and row["precision"] == "vague"


def test_more_than_n_ago_is_that_time_or_before():
    df = extract("The rebels landed more than four decades ago.", "2000-04-01")
    assert not (df["start"].dt.year == 1960).any()  # not the single year 1960



def test_a_level_is_no_event_unless_the_clause_dates_it():
    text = ("Loss reserves stood at $108.3 million. The unemployment rate stayed at 4.7 percent "
            "in January. Officials met on Friday.")
    df = extract(text, "1998-02-06")
    assert df[df["label"].str.contains("reserves")].empty
    assert iso_window(row_about(df, "stayed")) == ("1998-01-01", "1998-01-31")


def test_a_periods_end_is_no_event_and_no_date_of_the_clause():
    text = ("For the quarter ended Sept. 30, the company earned $5 million. Net income fell 5%, "
            "compared with a year earlier. Officials met on Friday.")
    df = extract(text, "1989-10-26")
    assert df[df["label"].str.contains("ended")].empty
    assert not (df["start"] == pd.Timestamp("1989-09-30")).any(), df[["label", "edtf"]]


def test_a_tellers_label_takes_what_follows_when_nothing_precedes():
    from timeline.events._extract import _told_what

    text = "Officials said that six visas were approved for the family."
    label, span = _told_what("Officials said", text, 0, 0, [], text.index("said") + 4, len(text))
    assert label == "Officials said: six visas were approved for the family"
    assert span is not None
    assert text[span[0] : span[1]] == "that six visas were approved for the family"


def test_what_was_told_with_no_event_of_its_own_is_the_tellings_evidence():
    text = ("South Korea will carry out an emergency safety inspection of all Boeing 737-800 "
            "aircraft, the transport ministry said on Monday.")
    row = extract(text, "2024-12-30").iloc[0]
    spans = [tuple(s) for s in row["evidence_spans"]]
    assert any(text[a:b].startswith("South Korea will carry out") for a, b in spans), spans


def test_a_forecast_is_no_event_but_a_scheduled_one_is():
    df = extract("Capital expenditure will rise slightly in 1990. The vote will be held in "
                 "January. Ethnic Albanians fear the future.", "1989-10-26")
    assert df[df["label"].str.contains("expenditure|fear", regex=True)].empty
    assert iso_window(row_about(df, "vote")) == ("1990-01-01", "1990-01-31")


def test_a_short_name_in_parentheses_stays_in_its_noun_phrase():
    from timeline.events._lexicon import lexicon
    from timeline.events._text import segments

    t = "In its Friday issue, The Hamilton (Ontario) Spectator quoted an officer."
    pieces = [t[s.start : s.end] for s in segments(t, 0, len(t), lexicon())]
    assert "The Hamilton (Ontario) Spectator quoted an officer" in pieces


WEB_PAGE = """Ceasefire talks stall as strikes continue

2 hours ago

Share

By Jane Doe, News, Jerusalem

Image source, Getty Images
Image caption, Rescue workers search the rubble of a building on Monday

Talks on a ceasefire stalled on Tuesday after negotiators failed to agree, officials said.

Israeli strikes killed at least 20 people overnight, according to the health ministry.

The war began on 7 October 2023, when Hamas-led gunmen attacked southern Israel, killing
about 1,200 people.

Related topics
More on this story
"""


def test_a_web_page_gives_its_events_and_nothing_from_its_furniture():
    df = extract(WEB_PAGE, "2024-05-14")
    labels = " | ".join(df["label"])
    assert iso_window(row_about(df, "war began")) == ("2023-10-07", "2023-10-07")
    assert iso_window(row_about(df, "stalled")) == ("2024-05-14", "2024-05-14")
    for furniture in ("Share", "Getty", "Related", "More on this story", "hours ago"):
        assert furniture not in labels, labels


def test_an_anchor_naming_other_actors_is_not_an_earlier_event():
    # "when Hamas-led gunmen attacked Israel" is not the "Israeli strikes" of the sentence
    # before, and must not lend them its date
    df = extract(WEB_PAGE, "2024-05-14")
    strikes = df[df["label"].str.contains("Israeli strikes")]
    assert all(r.start.year == 2024 for r in strikes.itertuples()), strikes[["label", "edtf"]]


QUAKE = """Earthquake: death toll passes 2,300 as rescuers search rubble

A magnitude 7.8 earthquake struck southern Turkey and northern Syria early on Monday, killing more than 2,300 people and destroying thousands of buildings.

Rescuers worked through the night in freezing conditions. A second quake of magnitude 7.5 struck the region on Monday afternoon, about nine hours after the first.

It was the strongest earthquake to hit Turkey since 1939, when a quake in the eastern province of Erzincan killed about 33,000 people.

Turkey will hold elections in May.
"""  # noqa: E501


def test_an_indefinite_subject_brings_in_a_new_happening():
    df = extract(QUAKE, "2023-02-06")
    monday = row_about(df, "Killing more than 2,300")
    assert iso_window(monday) == ("2023-02-06", "2023-02-06")  # not 1939's killing
    assert iso_window(row_about(df, "33,000")) == ("1939-01-01", "1939-12-31")
    assert iso_window(row_about(df, "second quake")) == ("2023-02-06", "2023-02-06")
    assert iso_window(row_about(df, "elections")) == ("2023-05-01", "2023-05-31")


ELECTION = """Opposition wins election, ending eight years of nationalist rule

The opposition parties won a majority in Sunday's parliamentary election, official results showed on Tuesday.

Turnout reached 74%, the highest since the fall of communism in 1989.

Its leader conceded defeat on Monday evening.

Two days after the vote, thousands of supporters gathered in Warsaw to celebrate.
"""  # noqa: E501


def test_an_election_story():
    df = extract(ELECTION, "2023-10-17")
    # "the vote" is Sunday's election: two days after it is Tuesday
    assert iso_window(row_about(df, "supporters gathered")) == ("2023-10-17", "2023-10-17")
    # "the highest since 1989" compares; it does not put the turnout after 1989
    assert df[df["label"].str.contains("Turnout") & (df["start"].dt.year == 1989)].empty
    # a possessive time leaves its preposition in the label
    assert any("in the parliamentary election" in x for x in df["label"])


def test_at_least_is_no_superlative():
    from timeline.events._lexicon import lexicon
    from timeline.events._text import segments

    t = "Gonzalez has spoken with Elian at least three times since he arrived."
    assert any(s.lead == "since" for s in segments(t, 0, len(t), lexicon()))


def test_a_pluperfect_by_a_day_is_some_time_before_it():
    text = ("The storm hit the coast on Sunday. Rescue teams have been arriving since Tuesday. "
            "By Wednesday, aid flights had landed in Benghazi. Officials met.")
    df = extract(text, "2023-09-13")  # a Wednesday
    landed = df[df["label"].str.contains("landed")]
    assert all(iso_window(r) != ("2023-09-13", "2023-09-13") for _, r in landed.iterrows())


def test_a_pronoun_with_no_name_before_it_becomes_the_role_that_opened_the_story():
    df = extract("A former defence minister was sentenced on Thursday to seven years in prison. "
                 "He was arrested in March last year. Talks went on.", "2024-06-14")
    assert "The former defence minister was arrested" in df["label"].tolist()


def test_a_relative_clause_inside_the_lead_is_not_its_news():
    df = extract("A minister was sentenced on Thursday, in a case that has gripped the country. "
                 "Talks went on. Officials met.", "2024-06-14")
    assert df[df["label"].str.contains("gripped")].empty


# ------------------------------------------------- statements on the report's day --

DAY_REPORT = ("Two car bombs exploded outside the U.S. embassies in Nairobi and Dar es Salaam, "
              "killing 80 people. Rescue teams searched the rubble for survivors. {sentence} "
              "Hospitals appealed for blood.")


@pytest.mark.parametrize("sentence, word", [
    ("Egypt's ambassador condemned those responsible.", "condemned"),
    ("Turkey, worried about the violence spreading, urged all states to sign a declaration.",
     "urged"),
    ("A police official denied a newspaper report that two suspects were arrested.", "denied"),
])
def test_a_statement_in_a_report_of_the_day_is_of_that_day(sentence, word):
    df = extract(DAY_REPORT.format(sentence=sentence), "1998-08-08")
    row = row_about(df, word)
    assert iso_window(row) == ("1998-08-08", "1998-08-08")
    assert row["relation"] == "told on the report's day"
    assert row["confidence"] < 0.5  # less sure than the lead's own day


@pytest.mark.parametrize("sentence", [
    "The ambassador said the embassy would reopen.",  # a plain "said" only attributes
    "Asked to comment, the ministry declined.",  # a fronted participle
    "The blasts wrecked a previously announced security plan.",  # a participle before a noun
])
def test_attributions_and_participles_get_no_day_of_their_own(sentence):
    df = extract(DAY_REPORT.format(sentence=sentence), "1998-08-08")
    assert (df["relation"] != "told on the report's day").all(), df[["label", "relation"]]


def test_a_statement_in_a_paragraph_about_the_past_is_not_dated_to_the_report():
    text = ("American Medical agreed on Friday to be bought by IMA. The shares rose yesterday.\n\n"
            "In March, American Medical received an offer to take the company private. It also "
            "was considering a restructuring. A group of holders urged the company to act.")
    df = extract(text, "1989-10-27")
    assert rows_about(df, "urged").empty


def test_no_day_for_statements_where_nothing_is_the_days_news():
    # an essay: no lead dated to the report's day, so a statement's day is unknown
    text = ("The republic has a long history of reform. Critics urged the government to move "
            "faster. Its leaders denied that the plan had failed. Reform remains popular.")
    df = extract(text, "1998-02-13")
    assert (df["relation"] != "told on the report's day").all(), df[["label", "relation"]]



@pytest.mark.parametrize("text, word", [
    ("Two car bombs exploded outside the embassies, killing 80 people.", "exploded"),
    ("The talks ended without agreement.", "ended"),
])
def test_a_plural_noun_before_a_past_verb_is_its_subject_not_a_verb(text, word):
    df = extract(text + " Rescue teams searched the rubble. Hospitals appealed for blood.",
                 "1998-08-08")
    row = row_about(df, word)
    assert row["label"].lower().startswith(("two car bombs", "the talks"))


# ------------------------------------------------------------------ time headings --

TRANSCRIPT = ("Live from Atlanta, good evening. New evidence links three bombings.\n\n"
              "Atlanta, nineteen ninety-six. A bomb blast shocks the Olympic games. One person "
              "is killed.\n\n"
              "January nineteen ninety-seven. Atlanta again. This time a bomb at an abortion "
              "clinic. More people are hurt.\n\n"
              "Officials are investigating the links.")


def test_a_sentence_that_is_only_a_time_dates_the_rest_of_its_paragraph():
    df = extract(TRANSCRIPT, "1998-02-27")
    olympics = row_about(df, "Olympic")
    assert iso_window(olympics) == ("1996-01-01", "1996-12-31")
    assert olympics["relation"] == "dated by its heading"
    clinic = row_about(df, "abortion clinic")
    assert iso_window(clinic) == ("1997-01-01", "1997-01-31")
    assert clinic["label"].startswith("Bomb at")  # "this time a bomb": the bomb, not the time
    # two bombs brought in with "a" are two happenings, not one
    assert iso_window(olympics) != iso_window(clinic)
    # a heading dates only its own paragraph
    headed = df[df["relation"] == "dated by its heading"]
    assert (headed["char_start"] < TRANSCRIPT.index("Officials")).all()
    assert (headed["char_start"] > TRANSCRIPT.index("Atlanta,")).all()


def test_a_sentence_with_a_verb_is_no_heading():
    text = ("The court met in 1996. A new judge was appointed. It was the first.\n\n"
            "Officials are investigating the links.")
    df = extract(text, "1998-02-27")
    assert (df["relation"] != "dated by its heading").all(), df[["label", "relation"]]


@pytest.mark.parametrize("text, label, window", [
    ("International Women's Day is this coming Sunday, March eighth. This year it focuses "
     "on Afghan women. Special events are being organized.", "International Women's Day",
     ("1998-03-08", "1998-03-08")),
    ("The wedding was last Saturday. Guests danced until dawn. The couple left for Rome.",
     "wedding", ("1998-02-28", "1998-02-28")),
])
def test_a_subject_whose_predicate_is_a_time_is_an_occasion(text, label, window):
    row = row_about(extract(text, "1998-03-05"), label)
    assert iso_window(row) == window
    assert " is " not in row["label"] and " was " not in row["label"]


def test_it_is_friday_is_no_occasion():
    assert extract("It is Friday. The weather was fine. Nothing happened.", "1998-03-06").empty


def test_called_on_is_a_statement_of_the_day():
    text = ("Israel's prime minister met the U.S. vice president in Jerusalem, officials said. "
            "Aides were hopeful. Mr. Gore called on Israel to continue taking risks for peace.")
    row = row_about(extract(text, "1998-05-01"), "called on Israel")
    assert iso_window(row) == ("1998-05-01", "1998-05-01")


RECENT = "since the news of the report"


def test_a_present_perfect_in_breaking_news_is_since_the_lead_news():
    text = (
        "A passenger jet crash-landed and burst into flames at Muan airport on Sunday, killing "
        "179 people, officials said.\n\n"
        "Investigators are examining whether a bird strike caused the crash.\n\n"
        "The plane's cockpit voice recorder has been recovered, a ministry official said.\n\n"
        "The government has declared seven days of national mourning.\n\n"
        "Relatives have fought for answers for weeks.\n"
    )
    df = extract(text, "2024-12-30")
    for word in ("recorder has been recovered", "declared seven days"):
        row = row_about(df, word)
        assert row["relation"] == RECENT and iso_window(row) == ("2024-12-29", "2024-12-30")
    assert rows_about(df, "fought").empty  # a course, not one happening


def test_a_present_perfect_in_a_report_of_old_news_is_not_dated():
    text = (
        "The treaty was signed in March 1997 after years of talks.\n\n"
        "Its critics say it gave away too much.\n\n"
        "The parliament has ratified it.\n"
    )
    df = extract(text, "1998-02-27")
    assert (df["relation"] != RECENT).all(), df[["label", "relation"]]


def test_a_lead_told_by_a_dated_saying_is_news_of_that_day():
    text = (
        "PARADISE — Nine people have died in the Camp Fire, Butte County Sheriff Kory Honea said "
        "Friday evening.\n\n"
        "The fire was reported at 6:33 a.m. Thursday near Camp Creek Road.\n\n"
        "Evacuation orders remained in effect Friday for Paradise.\n"
    )
    row = row_about(extract(text, "2018-11-10"), "nine people have died")
    assert row["relation"] == LEAD_RELATION and iso_window(row) == ("2018-11-09", "2018-11-09")


def test_a_record_since_a_year_is_no_course():
    text = (
        "Gunmen killed at least 129 people in Paris on Friday night.\n\n"
        "Investigators are searching for accomplices.\n\n"
        "France has declared a nationwide state of emergency, the first since 2005.\n"
    )
    row = row_about(extract(text, "2015-11-14"), "declared a nationwide state")
    assert row["relation"] == RECENT and iso_window(row) == ("2015-11-13", "2015-11-14")


ACTION = "done on the report's day"


def test_a_response_told_in_a_report_of_the_day_is_of_that_day():
    text = (
        "At least 94 migrants drowned after a boat caught fire and capsized off Lampedusa on "
        "Thursday.\n\n"
        "Coastguard vessels pulled 151 survivors from the water, officials said.\n\n"
        "Interior Minister Angelino Alfano flew to the island.\n\n"
        "'It is a horror,' the mayor declared.\n\n"
        "Shares of the ferry company closed at $19.50.\n"
    )
    df = extract(text, "2013-10-03")
    row = row_about(df, "Alfano flew")
    assert row["relation"] == ACTION and iso_window(row) == ("2013-10-03", "2013-10-03")
    assert (df["relation"] == ACTION).sum() == 2, df[["label", "relation"]]  # pulled, flew


def test_a_running_toll_is_not_the_news_of_the_day():
    text = (
        "Hamas freed 24 hostages from Gaza on Friday under a truce.\n\n"
        "The hostages were handed to the Red Cross.\n\n"
        "Israel's retaliatory bombardment and ground offensive have killed more than 14,000 "
        "Palestinians.\n\n"
        "At the crossing where aid trucks waited, now known as the gate, people cheered.\n"
    )
    df = extract(text, "2023-11-24")
    assert rows_about(df, "14,000").empty, df[["label", "relation"]]
    assert rows_about(df, "trucks waited").empty
