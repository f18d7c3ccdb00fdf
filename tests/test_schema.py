import re

import pandas as pd
import pytest

from timeline.errors import SchemaError
from timeline.schema import COLUMNS, empty_events, events_to_records, validate_events


def test_minimal_table_gets_every_column_with_explicit_missing_values():
    df = validate_events(
        pd.DataFrame({"label": ["Fall"], "start": ["2024-12-01"], "end": ["2024-12-31"]})
    )
    assert list(df.columns) == list(COLUMNS)
    row = df.iloc[0]
    assert row["edtf"] == "2024-12"
    assert row["precision"] == "month"
    assert row["event_id"] == "e0"
    assert row["category"] == "other"
    assert pd.isna(row["timex"]) and pd.isna(row["confidence"])
    assert row["actors"] == []
    assert pd.api.types.is_datetime64_any_dtype(df["start"])


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"label": ["a"], "start": ["2024-12-01"]}, "lacks column(s) end"),
        ({"label": ["a"], "start": ["2025-02-30"], "end": ["2025-03-01"]}, "row 1: start"),
        ({"label": ["a"], "start": ["soon"], "end": ["2025-03-01"]}, "is not a date"),
        ({"label": ["a"], "start": ["2025-03-02"], "end": ["2025-03-01"]}, "before start"),
        ({"label": [""], "start": ["2025-03-01"], "end": ["2025-03-01"]}, "label is empty"),
        ({"label": ["a"], "start": ["2025-03-01"], "end": [""]}, "both start and end"),
        (
            {"event_id": ["x", "x"], "label": ["a", "b"], "start": ["2025-03-01"] * 2,
             "end": ["2025-03-01"] * 2},
            "appears twice",
        ),
    ],
)
def test_malformed_tables_fail_with_one_line_saying_what_to_fix(table, message):
    with pytest.raises(SchemaError, match=re.escape(message)) as info:
        validate_events(pd.DataFrame(table))
    assert "\n" not in str(info.value)


def test_records_are_json_ready():
    df = validate_events(
        pd.DataFrame({"label": ["a"], "start": ["2025-03-10"], "end": ["2025-03-16"],
                      "actors": ["Kim;Lee"], "confidence": [0.5]})
    )
    rec = events_to_records(df)[0]
    assert rec["start"] == "2025-03-10" and rec["end"] == "2025-03-16"
    assert rec["actors"] == ["Kim", "Lee"]
    assert rec["timex"] is None and rec["confidence"] == 0.5


def test_empty_table_is_typed():
    df = empty_events()
    assert len(df) == 0 and list(df.columns) == list(COLUMNS)
    assert pd.api.types.is_datetime64_any_dtype(df["end"])


def test_the_first_bad_row_is_reported_whatever_its_fault():
    table = pd.DataFrame({
        "label": ["ok", "late", ""],
        "start": ["2025-03-01", "2025-03-05", "2025-03-01"],
        "end": ["2025-03-02", "2025-03-01", "2025-03-01"],
    })
    with pytest.raises(SchemaError, match="row 2: end 2025-03-01 is before start 2025-03-05"):
        validate_events(table)


def test_column_edtf_and_precision_match_the_row_functions():
    # validate_events derives both for whole columns; they must equal the per-row functions
    import numpy as np

    from timeline.edtf import window_to_edtf
    from timeline.schema import _edtf_column, _guess_precision, _precision_column

    rng = np.random.default_rng(7)
    starts = pd.to_datetime("1999-12-25") + pd.to_timedelta(rng.integers(0, 4000, 3000), "D")
    spans = rng.choice([0, 1, 6, 27, 29, 30, 91, 364, 365, 3652, 5000], 3000)
    start = pd.Series(starts)
    end = start + pd.to_timedelta(spans, "D")
    # whole months, years and decades too
    start = pd.concat([start, pd.Series(pd.to_datetime(["2024-02-01", "2020-01-01",
                                                         "2010-01-01"]))], ignore_index=True)
    end = pd.concat([end, pd.Series(pd.to_datetime(["2024-02-29", "2020-12-31",
                                                     "2019-12-31"]))], ignore_index=True)
    prec = pd.Series(rng.choice(["vague", "day", None], len(start)), dtype="string")
    got = _edtf_column(start, end, prec).tolist()
    want = [window_to_edtf(s.date(), e.date(), None if pd.isna(p) else p)
            for s, e, p in zip(start, end, prec, strict=True)]
    assert got == want
    assert {"2024-02", "2020", "201X"} <= {g.rstrip("~") for g in got}
    assert _precision_column(start, end).tolist() == [
        _guess_precision(s, e) for s, e in zip(start, end, strict=True)]
