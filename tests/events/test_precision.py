"""A time expression that dates something else than the clause's event (precision audit)."""

from __future__ import annotations

import pytest

from timeline.events import extract

DCT = "1989-10-30"

#: (text, a label word, the window the row must have, or None: no row may carry that time)
CASES = [
    # (c) a period a prediction covers, a date a pact takes effect
    ("Kellogg's chairman forecast an earnings increase for the full year.", "forecast", None),
    ("Workers approved a labor pact effective June 1.", "approved", None),
    # (d) a date that premodifies another noun: no earlier than it, no later than publication
    ("The company acquired the shares as a result of an Aug. 10, 1988, agreement.", "acquired",
     ("1988-08-10", DCT)),
    # (a) a verb of saying with a dated complement
    ("Kellogg reported lower third-quarter earnings.", "reported", ("1989-07-01", DCT)),
    ("The year-earlier results have been restated.", "restated", ("1988-01-01", DCT)),
    ("Stocks rose, leaving the index near its record high set on Aug. 6.", "rose",
     ("1989-08-06", DCT)),
    # a maturity, an aim: no event of that time
    ("The company sold $125 million of debentures due Oct. 15, 1999.", "sold", None),
    ("The brewer said it continues to hold to its goal of a 50% share by the mid-1990s.",
     "hold", None),
    # (e) "As expected, ..." is a comment, not a happening
    ("As expected, Kellogg reported lower third-quarter earnings.", "as expected", None),
    # negatives: the clause's own time stays
    ("The company said Friday that it would cut jobs.", "said", ("1989-10-27", "1989-10-27")),
    ("The boy belongs with his father, the official said Friday, adding that it was right.",
     "said", ("1989-10-27", "1989-10-27")),
    ("Last week the company reported third-quarter earnings of $9.8 million.", "reported",
     ("1989-10-23", "1989-10-29")),
    ("Profit jumped 16% in the third quarter.", "jumped", ("1989-07-01", "1989-09-30")),
    ("The firm earned $5 million for the full year.", "earned", ("1989-01-01", "1989-12-31")),
    ("The election due this September drew record figures.", "election", None),
]


@pytest.mark.parametrize(("text", "word", "window"), CASES)
def test_time_of_other(text: str, word: str, window: tuple[str, str] | None) -> None:
    df = extract(text, DCT)
    rows = df[df["label"].str.lower().str.contains(word)]
    if window is None:
        assert all(str(r.start.date()) != "1990-06-01" for r in rows.itertuples())
        assert not any(str(r.timex) in ("the full year", "June 1", "Oct. 15, 1999", "the mid-1990s")
                       for r in rows.itertuples())
        if word == "as expected":
            assert rows.empty
        return
    assert len(rows) >= 1, df[["label", "edtf"]]
    got = (str(rows.iloc[0]["start"])[:10], str(rows.iloc[0]["end"])[:10])
    assert got[0] == window[0]
    assert got[1] <= window[1]
