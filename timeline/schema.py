"""The events table: its columns, and validation of tables that come from outside.

The schema is DESIGN.md's. A table read from a file needs only ``label``, ``start``
and ``end``; every other column is filled with explicit missing values.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
import pandas as pd

from timeline.errors import SchemaError

__all__ = [
    "COLUMNS",
    "REQUIRED",
    "PRECISIONS",
    "CATEGORIES",
    "empty_events",
    "validate_events",
    "events_to_records",
]

PRECISIONS = ["day", "week", "month", "season", "year", "decade", "vague"]
CATEGORIES = ["violence", "politics", "humanitarian", "disaster", "legal", "reporting", "other"]

#: column -> kind; the order is the order of the table
COLUMNS: dict[str, str] = {
    "event_id": "str",
    "label": "str",
    "start": "date",
    "end": "date",
    "precision": "precision",
    "edtf": "str",
    "timex": "str",
    "anchor_event": "str",
    "relation": "str",
    "category": "category",
    "actors": "list",
    "places": "list",
    "sentence": "str",
    "char_start": "int",
    "char_end": "int",
    "doc_id": "str",
    "source": "str",
    "confidence": "float",
}
REQUIRED = ("label", "start", "end")
#: a table may carry more evidence than one span (the same event mentioned twice)
OPTIONAL_EXTRA = ("evidence_spans", "linked_events", "also_in")


def empty_events() -> pd.DataFrame:
    """An events table with no rows and every column typed."""
    return _coerce(pd.DataFrame({c: [] for c in COLUMNS}))


def _as_list(v: Any) -> list[str]:
    if isinstance(v, list | tuple):
        return [str(x) for x in v if x is not None and str(x).strip()]
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return []
    if hasattr(v, "tolist"):  # numpy arrays from parquet
        return [str(x) for x in v.tolist()]
    s = str(v).strip()
    if not s:
        return []
    if s.startswith("["):
        import json

        try:
            parsed = json.loads(s)
            if isinstance(parsed, list):
                return [str(x) for x in parsed]
        except ValueError:
            pass
    return [p.strip() for p in s.split(";") if p.strip()]


def _dates(col: pd.Series, name: str) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(col):
        out = col
        if getattr(out.dt, "tz", None) is not None:
            out = out.dt.tz_convert("UTC").dt.tz_localize(None)
    else:
        out = pd.to_datetime(col, errors="coerce", format="mixed")
        bad = col.notna() & (col.astype(str).str.strip() != "") & out.isna()
        if bad.any():
            i = int(bad.to_numpy().nonzero()[0][0])
            raise SchemaError(
                f"row {i + 1}: {name} {str(col.iloc[i])[:40]!r} is not a date; "
                "write dates as YYYY-MM-DD"
            )
    return out.dt.normalize().astype("datetime64[s]")


def _coerce(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    for name, kind in COLUMNS.items():
        col = df[name] if name in df.columns else pd.Series([pd.NA] * len(df), index=df.index)
        if kind == "date":
            out[name] = _dates(col, name)
        elif kind == "int":
            out[name] = pd.to_numeric(col, errors="coerce").astype("Int64")
        elif kind == "float":
            out[name] = pd.to_numeric(col, errors="coerce").astype("Float64")
        elif kind == "list":
            out[name] = pd.Series([_as_list(v) for v in col], index=df.index, dtype=object)
        elif kind == "precision":
            out[name] = pd.Categorical(col.where(col.isin(PRECISIONS)), categories=PRECISIONS)
        elif kind == "category":
            vals = col.astype("string").str.strip().str.lower()
            out[name] = vals.where(vals.str.len() > 0).fillna("other").astype("category")
        else:
            s = col.astype("string")
            out[name] = s.where(s.str.len() > 0)
    for extra in OPTIONAL_EXTRA:
        if extra in df.columns:
            out[extra] = df[extra]
    return out.reset_index(drop=True)


def validate_events(df: pd.DataFrame, *, what: str = "events table") -> pd.DataFrame:
    """Check and coerce a table to the events schema; raise :class:`SchemaError`.

    Only ``label``, ``start`` and ``end`` are required; missing columns are
    added as NA, ``edtf`` and ``precision`` are derived from the window when
    absent, ``event_id`` defaults to the row number.
    """
    if not isinstance(df, pd.DataFrame):
        raise SchemaError(f"{what} is not a table; give rows with label, start and end")
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise SchemaError(
            f"{what} lacks column(s) {', '.join(missing)}; "
            "an events table needs at least label,start,end"
        )
    out = _coerce(df)
    # vectorised checks (100k-row tables are validated on every dashboard edit); the
    # first offending row of the earliest kind is reported
    no_label = out["label"].isna().to_numpy()
    half = (out["start"].isna() != out["end"].isna()).to_numpy()
    reversed_ = (out["end"] < out["start"]).fillna(False).to_numpy(dtype=bool)
    first = {name: int(mask.argmax()) for name, mask in
             (("label", no_label), ("half", half), ("reversed", reversed_)) if mask.any()}
    if first:
        i = min(first.values())
        if first.get("label") == i:
            raise SchemaError(f"{what} row {i + 1}: label is empty; give every event a label")
        if first.get("half") == i:
            raise SchemaError(f"{what} row {i + 1}: give both start and end, or neither")
        s, e = out["start"].iloc[i], out["end"].iloc[i]
        raise SchemaError(
            f"{what} row {i + 1}: end {e.date()} is before start {s.date()}; swap them"
        )
    need_edtf = out["edtf"].isna() & out["start"].notna()
    if need_edtf.any():
        out.loc[need_edtf, "edtf"] = _edtf_column(
            out.loc[need_edtf, "start"], out.loc[need_edtf, "end"],
            out.loc[need_edtf, "precision"])
    need_prec = out["precision"].isna() & out["start"].notna()
    if need_prec.any():
        out.loc[need_prec, "precision"] = _precision_column(
            out.loc[need_prec, "start"], out.loc[need_prec, "end"])
    ids = out["event_id"]
    if ids.isna().any():
        out["event_id"] = ids.fillna(pd.Series([f"e{i}" for i in range(len(out))], dtype="string"))
    if out["event_id"].duplicated().any():
        dup = out["event_id"][out["event_id"].duplicated()].iloc[0]
        raise SchemaError(f"{what}: event_id {dup!r} appears twice; ids must be unique")
    return out


def _edtf_column(start: pd.Series, end: pd.Series, precision: pd.Series) -> pd.Series:
    """:func:`timeline.edtf.window_to_edtf` for whole columns, without a Python call per
    row: the same strings (a test compares the two on random windows)."""
    s_str = start.dt.strftime("%Y-%m-%d")
    e_str = end.dt.strftime("%Y-%m-%d")
    approx = pd.Series(np.where(precision.astype("string").fillna("") == "vague", "~", ""),
                       index=start.index)
    whole_month = (start.dt.day == 1) & (end == start + pd.offsets.MonthEnd(0))
    whole_years = (start.dt.month == 1) & (start.dt.day == 1) & (end.dt.month == 12) \
        & (end.dt.day == 31)
    one_year = whole_years & (start.dt.year == end.dt.year)
    decade = whole_years & (start.dt.year % 10 == 0) & (end.dt.year == start.dt.year + 9)
    decade_str = (start.dt.year // 10).astype(str).str.zfill(3) + "X"
    span = pd.Series(np.where(approx == "~", s_str + "~/" + e_str + "~", s_str + "/" + e_str),
                     index=start.index)
    out = np.select(
        [start == end, whole_month, one_year, decade],
        [s_str + approx, start.dt.strftime("%Y-%m") + approx, start.dt.strftime("%Y") + approx,
         decade_str + approx],
        default=span,
    )
    return pd.Series(out, index=start.index, dtype="string")


_PRECISION_LIMITS = [(1, "day"), (7, "week"), (31, "month"), (92, "season"), (366, "year"),
                     (3653, "decade")]


def _precision_column(start: pd.Series, end: pd.Series) -> pd.Series:
    """:func:`_guess_precision` for whole columns."""
    days = (end - start).dt.days + 1
    conds, names, lower = [], [], 0
    for limit, name in _PRECISION_LIMITS:
        conds.append((days > lower) & (days <= limit))
        names.append(name)
        lower = limit
    return pd.Series(np.select(conds, names, default="vague"), index=start.index)


def _guess_precision(s: pd.Timestamp, e: pd.Timestamp) -> str:
    days = (e - s).days + 1
    if days == 1:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    if days <= 92:
        return "season"
    if days <= 366:
        return "year"
    if days <= 3653:
        return "decade"
    return "vague"


def events_to_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready records: dates as ISO strings, NA as ``None``."""
    recs = []
    for row in df.to_dict(orient="records"):
        rec: dict[str, Any] = {}
        for k, v in row.items():
            if isinstance(v, pd.Timestamp):
                rec[k] = v.date().isoformat()
            elif isinstance(v, list):
                rec[k] = v
            elif v is None or v is pd.NaT or (not isinstance(v, str) and pd.isna(v)):
                rec[k] = None
            elif hasattr(v, "item"):
                rec[k] = v.item()
            else:
                rec[k] = v
        recs.append(rec)
    return recs


def escape_text(s: object) -> str:
    """Article text made inert for plotly's pseudo-HTML (labels, hovers)."""
    return html.escape("" if s is None or s is pd.NA else str(s), quote=False)
