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
