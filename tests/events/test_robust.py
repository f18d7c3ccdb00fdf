"""Odd inputs: long articles, lists, headlines and bylines, HTML-derived text, no date."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.events.helpers import tx
from timeline.errors import MissingPublicationDateError
from timeline.events import events_from_timexes, extract
from timeline.events._lexicon import lexicon
from timeline.events._text import split_sentences
from timeline.io import article_from_text, html_to_text
from timeline.schema import validate_events

DCT = "2025-03-21"


def test_missing_publication_date_is_a_one_line_error():
    with pytest.raises(MissingPublicationDateError) as err:
        extract("Rebels seized the town in December.")
    msg = str(err.value)
    assert "\n" not in msg
    assert '"December"' in msg or '"in December"' in msg
    assert "--published YYYY-MM-DD" in msg


def test_explicit_dates_need_no_publication_date():
    df = extract("Rebels seized the town on 3 March 2021.")
    assert list(df["edtf"]) == ["2021-03-03"]


def test_published_argument_overrides_and_accepts_strings():
    df = extract("Rebels seized the town last week.", "2025-03-21")
    assert list(df["edtf"]) == ["2025-03-10/2025-03-16"]


def test_empty_and_dateless_articles_give_an_empty_valid_table():
    df = extract("Nothing happened here at all.", DCT)
    assert df.empty and "evidence_spans" in df.columns
    validate_events(df)


def test_headline_and_byline_are_not_events():
    text = ("Rebels seize town after week of fighting\n"
            "By Jane Doe, Middle East correspondent\n"
            "Rebels seized the town of Arden last week.\n")
    df = extract(article_from_text(text, DCT))
    assert len(df) == 1
    assert df.iloc[0]["sentence"] == "Rebels seized the town of Arden last week."
    assert df.iloc[0]["places"] == ["Arden"]


def test_bullet_lists_are_sentences_without_their_markers():
    text = ("Key events:\n"
            "- Rebels seized the town in January.\n"
            "* Troops shelled the port in February.\n"
            "3. Talks began in Geneva in March\n")
    sents = split_sentences(text, lexicon())
    assert [text[s.start : s.end] for s in sents][-3:] == [
        "Rebels seized the town in January.", "Troops shelled the port in February.",
        "Talks began in Geneva in March"]
    timexes = [tx(text, "in January", "2025-01", ("2025-01-01", "2025-01-31"), "month"),
               tx(text, "in February", "2025-02", ("2025-02-01", "2025-02-28"), "month"),
               tx(text, "in March", "2025-03", ("2025-03-01", "2025-03-31"), "month")]
    df = events_from_timexes(article_from_text(text, DCT), timexes)
    assert len(df) == 3
    for _, row in df.iterrows():
        assert text[row["char_start"] : row["char_end"]] == row["sentence"]
        assert not row["sentence"].startswith(("-", "*", "3."))


def test_html_derived_text():
    markup = ("<html><head><title>T</title><script>var x = 'killed in 1999';</script></head>"
              "<body><h1>Floods hit the north</h1><p>Floods killed 12 people in the north "
              "on 3 March 2024.</p><ul><li>Rescuers evacuated 300 families on 4 March 2024."
              "</li></ul></body></html>")
    text, _title = html_to_text(markup)
    df = extract(article_from_text(text, DCT))
    assert set(df["edtf"]) == {"2024-03-03", "2024-03-04"}
    assert "1999" not in " ".join(df["sentence"])


def test_abbreviations_and_initials_do_not_split_sentences():
    text = "Mr. Smith and Gen. J. R. Allen met U.S. officials in Geneva on Monday. Talks ended."
    sents = split_sentences(text, lexicon())
    assert len(sents) == 2


def test_very_long_article_runs_and_stays_consistent():
    para = ("Rebels attacked the town of Arden last week. The team retrieved 10 bodies. "
            "\u201cWe will rebuild,\u201d the mayor said.\n")
    text = para * (200_000 // len(para) + 1)
    df = extract(article_from_text(text, DCT))
    assert len(text) >= 200_000
    assert len(df) >= 200_000 // len(para)  # at least each paragraph's retrieval
    assert df["event_id"].is_unique
    first = df.iloc[0]
    assert text[first["char_start"] : first["char_end"]] == first["sentence"]


def test_odd_whitespace_and_punctuation_only_lines():
    text = "\n\n   \n...\n---\nRebels attacked the town last week.\n\n\n"
    df = extract(article_from_text(text, DCT))
    assert len(df) == 1 and df.iloc[0]["sentence"] == "Rebels attacked the town last week."


def test_no_plotly_or_dash_in_the_events_package():
    import subprocess
    import sys

    code = ("import sys, timeline.events; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('plotly', 'dash')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_output_passes_the_schema():
    df = extract("Rebels seized the town last week. Troops fled the next day.", DCT)
    again = validate_events(df.drop(columns=["evidence_spans"]))
    plain = [c for c in df.columns if c != "evidence_spans"]
    assert list(again.columns)[: len(plain)] == plain
    assert pd.api.types.is_float_dtype(df["confidence"])
