"""Business news (issue 6, third round): a period's results, deals and securities, written
the way wire and newspaper business pages write them.

These run the real tagger and extractor on short reports a reader could paste.
"""

from __future__ import annotations

import pytest

from tests.events.helpers import iso_window, row_about, rows_about
from timeline.events import extract
from timeline.temporal import tag

RESULTS = ("As expected, Kellogg reported lower third-quarter earnings. Net fell 16% to "
           "$123.1 million, or $1.01 a share, from $146.5 million. Sales rose 3% to "
           "$1.2 billion. The company said it was pleased with cereal volume.")


def test_the_figures_after_a_periods_results_are_the_periods():
    df = extract(RESULTS, "1989-10-30")
    report = row_about(df, "reported lower")
    assert iso_window(report) == ("1989-07-01", "1989-10-30")  # the quarter, or its report
    for word in ("Net fell", "Sales rose"):
        row = row_about(df, word)
        assert iso_window(row) == iso_window(report), word
        assert row["relation"] == "inherited from narrative"
        assert row["confidence"] < report["confidence"]


def test_figures_do_not_continue_a_year_of_background_told_otherwise():
    # a long period that is no reporting period ("in 1987") is background, not continued
    text = ("The company was founded in 1987. Sales rose 3% to $1.2 billion. Its shares closed "
            "at $5 yesterday on the Big Board.")
    df = extract(text, "1989-10-30")
    assert rows_about(df, "Sales rose").empty


@pytest.mark.parametrize("text, word", [
    ("Ralston Purina Co. reported a 47% decline in fourth-quarter earnings, reflecting "
     "restructuring costs. The shares closed at $80.50 yesterday.", "decline"),
    ("Aetna Life & Casualty Co.'s third-quarter net income fell 22% to $182.6 million. The "
     "shares closed at $60 yesterday.", "net income fell"),
])
def test_a_results_noun_and_its_clause_are_one_report(text, word):
    df = extract(text, "1989-10-30")
    row = row_about(df, word)
    start, end = iso_window(row)
    assert start == "1989-07-01" if "third" in text else start == "1989-10-01"
    assert end in ("1989-09-30", "1989-10-30", "1989-12-31")
    # one row for the report, and its label keeps the period that names the figures
    assert len(rows_about(df, "earnings" if "earnings" in text else "net income")) == 1
    assert ("fourth-quarter" in row["label"]) or ("third-quarter" in row["label"])


def test_a_comparisons_base_a_year_ago_does_not_date_the_figures():
    text = ("Du Pont Co. reported that third-quarter profit grew a robust 19% from a year ago "
            "on the strength of its chemicals business. Its shares rose $2.50 yesterday.")
    df = extract(text, "1989-10-26")
    assert not df.empty
    assert (df["start"].dt.year == 1989).all(), df[["label", "edtf"]]


def test_business_nouns_are_events_when_the_text_dates_them():
    text = ("Cineplex Odeon said its board rejected the offer. The company extended its tender "
            "offer to Nov. 6. Holders of record Nov. 20 will receive the dividend. The Oct. 12 "
            "stock split was approved by holders.")
    df = extract(text, "1989-10-26")
    split = row_about(df, "stock split")
    assert iso_window(split) == ("1989-10-12", "1989-10-12")


def test_a_meeting_the_clause_happens_at_leaves_the_time_to_the_clause():
    text = ("The economy added 358,000 jobs in January. President Clinton welcomed the job "
            "figures at a news conference Friday. Stocks rose on the news.")
    df = extract(text, "1998-02-06")
    row = row_about(df, "welcomed")
    assert iso_window(row) == ("1998-02-06", "1998-02-06")
    assert rows_about(df, "news conference").shape[0] == 1  # the welcoming's row, no second one


def test_told_a_news_conference_on_tuesday_that_is_the_last_tuesday():
    text = ("Bush told a news conference on Tuesday that the naval barricade now in force "
            "might be extended to Jordan.")
    (tx,) = [t for t in tag(text, "1990-08-15") if t.text.endswith("Tuesday")]
    assert tx.value == "1990-08-14"
    df = extract("Iraq refused to withdraw. " + text + " Jordan protested.", "1990-08-15")
    row = row_about(df, "told")
    assert iso_window(row) == ("1990-08-14", "1990-08-14")


def test_what_is_told_after_that_keeps_its_own_future():
    # the "that" rule must not make a plain future past
    (tx,) = tag("The board will decide on Tuesday that the vote goes ahead.", "1998-02-27")
    assert tx.value == "1998-03-03"
    (tx,) = tag("He said the talks will resume Tuesday.", "1998-02-27")
    assert tx.value == "1998-03-03"


# ------------------------------------------------------- precision (fourth audit) --

def test_a_holding_or_a_share_is_no_happening():
    text = ("Crane Co. said it holds an 8.9% stake in Milton Roy Corp. Gabelli Group holds "
            "14.6%. The unit accounted for 58% of sales last year. The party held talks on "
            "Monday with the company.")
    df = extract(text, "1989-10-30")
    assert rows_about(df, "Gabelli").empty
    assert rows_about(df, "accounted").empty
    assert len(rows_about(df, "held talks")) == 1  # holding talks is a happening


def test_a_share_keeps_its_time_from_the_next_clause():
    text = ("The brewer, which last year accounted for about 41% of all U.S. beer sales, is "
            "expected to see that grow to 42.5% in the current year. Its shares fell "
            "yesterday.")
    df = extract(text, "1989-10-26")
    assert not (df["start"].dt.year == 1988).any(), df[["label", "edtf"]]


def test_a_scheduled_expiry_is_in_the_future_and_late_in_the_month():
    text = ("Montedison began its $37-a-share tender offer for Erbamont N.V., a maker of "
            "pharmaceuticals incorporated in the Netherlands. The offer is scheduled to "
            "expire at the end of November. Montedison owns about 72% of Erbamont.")
    df = extract(text, "1989-11-02")
    row = row_about(df, "expire")
    assert iso_window(row) == ("1989-11-16", "1989-11-30")
    # an appositive ("a maker of ... incorporated in the Netherlands") is no news of the day
    assert rows_about(df, "maker of pharmaceuticals").empty


def test_one_sentence_that_says_one_thing_is_one_row():
    text = ("Service Corp. International said it expects to report net income of 15 cents a "
            "share for the third quarter. The company said it expects to release "
            "third-quarter results in mid-November. The funeral home operator changed its "
            "fiscal year in December.")
    df = extract(text, "1989-10-27")
    release = rows_about(df, "release third-quarter results")
    assert len(release) == 1
    assert iso_window(release.iloc[0]) == ("1989-11-11", "1989-11-20")  # mid-November, not Q3
    report = row_about(df, "expects to report net income")  # the label keeps what is expected
    assert len(report["evidence_spans"]) == 2


def test_a_label_is_not_cut_inside_a_number():
    text = ("Upjohn Co. said it will offer an early retirement package to as many as 1,100 "
            "employees, a move that could result in a big charge. Its shares rose 87.5 cents "
            "yesterday. Analysts were surprised.")
    df = extract(text, "1989-11-02")
    row = row_about(df, "retirement package")
    assert not row["label"].endswith((" 1", "as many"))
    # "yesterday" in a morning paper: the news may be of the day before
    assert iso_window(row) == ("1989-11-01", "1989-11-02")


def test_a_recent_filing_does_not_date_the_clause_but_a_recent_collapse_is_recent():
    text = ("Gabelli Group began raising its Milton Roy stake in July, and holds 14.6%, "
            "according to a recent SEC filing. Crane Co. said it holds an 8.9% stake. The "
            "company blamed the recent collapse of the junk-bond market.")
    df = extract(text, "1989-10-30")
    assert iso_window(row_about(df, "began raising")) == ("1989-07-01", "1989-07-31")
    collapse = row_about(df, "collapse")
    assert collapse["end"].date().isoformat() <= "1989-10-30"
    assert collapse["precision"] == "vague"


@pytest.mark.parametrize("text, word, window", [
    ("For the six months ended Aug. 12, Provigo posted net income of C$6.5 million, compared "
     "with C$18.1 million, or 21 Canadian cents a share, a year earlier.", "posted",
     ("1989-02-13", "1989-10-26")),
    ("In the fiscal year ended Jan. 31, the company reported sales of $59 million.",
     "reported sales", ("1988-02-01", "1989-10-26")),
])
def test_a_period_that_ended_dates_its_figures_up_to_their_report(text, word, window):
    df = extract(text + " Its shares rose. Analysts were pleased.", "1989-10-26")
    assert iso_window(row_about(df, word)) == window


def test_the_label_drops_the_periods_end_with_its_date():
    text = ("National Steel posted net income of $8.6 million. Sales increased in the quarter "
            "ended Sept. 30 to $747.8 million from $623.5 million a year ago. It was fine.")
    row = row_about(extract(text, "1989-10-26"), "Sales increased")
    assert "ended" not in row["label"]
    assert iso_window(row)[0] == "1989-07-01"


def test_an_abbreviation_before_an_adverb_is_no_article():
    # "S.p.A. definitively agreed": the "A" of S.p.A. is not the article "a"
    text = ("Montedison S.p.A. definitively agreed to buy all of the publicly held shares of "
            "Erbamont N.V. for $37 each. Montedison now owns about 72% of Erbamont. The "
            "companies said the accord was approved by a committee.")
    row = row_about(extract(text, "1989-10-30"), "agreed to buy")
    assert iso_window(row) == ("1989-10-30", "1989-10-30")


def test_in_a_related_move_is_no_move_of_its_own():
    text = ("Rebels seized the airport on Monday. In a related move, the army closed the border. "
            "Residents fled.")
    df = extract(text, "1998-03-04")
    assert rows_about(df, "related move").empty
    assert iso_window(row_about(df, "closed the border")) == ("1998-03-02", "1998-03-02")


def test_a_related_move_after_an_announcement_is_of_the_announcements_day():
    text = ("Provigo said on Wednesday it will sell its non-food operations. In a related move, "
            "Pierre Lortie, chairman and chief executive, resigned. He joined Provigo in 1985.")
    df = extract(text, "1989-10-26")
    row = row_about(df, "resigned")
    assert row["label"] == "Pierre Lortie resigned"  # not "In a related move resigned"
    assert iso_window(row) == ("1989-10-25", "1989-10-25")
    assert row["relation"] == "when"


def test_what_a_study_warns_of_keeps_its_own_year():
    text = ("A new report says there has been a dramatic rise in hate groups. The new study "
            "warns that such groups grew rapidly last year, mostly by recruiting younger "
            "members. Its authors were alarmed.")
    df = extract(text, "1998-03-03")
    told = df[df["label"].str.startswith("Such groups grew")]
    assert len(told) == 1
    assert iso_window(told.iloc[0]) == ("1997-01-01", "1997-12-31")
    # the warning itself is the report's, not last year's
    assert iso_window(row_about(df, "study warns")) == ("1998-03-03", "1998-03-03")


def test_a_payable_date_is_the_payments_not_the_declarations():
    text = ("CAMBREX Corp. declared its initial quarterly dividend of five cents a share, payable "
            "Dec. 1 to stock of record Nov. 10. The company said the move recognizes its strong "
            "position. Cambrex shares rose 50 cents yesterday.\n\n"
            "Goody Products cut its dividend. The reduced dividend is payable Jan. 2 to stock of "
            "record Dec. 15.")
    df = extract(text, "1989-10-27")
    declared = row_about(df, "declared")
    assert declared["start"].year == 1989 and declared["end"].date().isoformat() == "1989-10-27"
    assert iso_window(row_about(df, "is payable")) == ("1990-01-02", "1990-01-02")


def test_extended_until_a_date_is_the_days_news_and_the_date_the_offers():
    text = ("Dow Jones & Co. said it extended its $18-a-share offer for Telerate Inc. common "
            "stock until 5 p.m. EST Nov. 9.\n\nThe offer, valued at about $576 million, had been "
            "set to expire Nov. 6.\n\nTelerate's directors have rejected the offer.")
    df = extract(text, "1989-11-02")
    assert iso_window(row_about(df, "extended")) == ("1989-11-02", "1989-11-02")
    assert not (df["label"] == "The offer").any()  # the bare subject is no row of its own


def test_a_dividend_cut_is_the_days_news_and_not_the_quarters():
    text = ("Goody Products Inc. cut its quarterly dividend to five cents a share from 7.5 "
            "cents. The maker of hair accessories said it cut the dividend due to its "
            "third-quarter loss of $992,000. Its shares fell yesterday.")
    df = extract(text, "1989-10-27")
    lead = row_about(df, "Goody Products Inc. cut")  # "cut" after a singular subject is past
    assert iso_window(lead) == ("1989-10-26", "1989-10-27")
    assert not (df["start"].dt.month == 7).any(), df[["label", "edtf"]]  # not Q3's


def test_confidence_about_future_earnings_is_no_row_and_although_leaves_the_label():
    text = ('CAMBREX Corp. declared its initial quarterly dividend of five cents a share. The '
            'company said the move recognizes its strong position. Although profits were '
            '"squeezed" in 1989, the company said it is confident about future earnings and '
            'cash flow for 1990 and beyond. Its shares rose yesterday.')
    df = extract(text, "1989-10-27")
    assert not (df["start"].dt.year == 1990).any(), df[["label", "edtf"]]
    assert not df["label"].str.startswith("Although").any()


def test_a_past_clause_does_not_continue_what_is_still_to_come():
    text = ("GM closed down $1.875 at $44.875 in New York Stock Exchange trading yesterday. "
            "Earnings for GM common stock, reflecting the performance of GM's core automotive "
            "operations, will be disclosed this morning. GM Class H closed at $29, up 25 cents "
            "in Big Board composite trading.")
    df = extract(text, "1989-10-26")
    class_h = rows_about(df, "Class H")
    # not this morning's (the disclosure is still to come): yesterday's session or no date
    assert class_h.empty or iso_window(class_h.iloc[0])[1] <= "1989-10-25"
