"""What the dashboard's callbacks compute, as plain functions (no Dash app, no globals).

The dashboard (:mod:`timeline.app`) keeps its state in the browser (``dcc.Store``):
which dataset is shown (the one the app was started with, or an uploaded one), the
user's edits to the table, the selected event. Every callback turns that state plus
the control values into outputs with the functions here, so they are tested
without a browser and two workers that share nothing compute the same thing.
"""

from __future__ import annotations

import base64
import binascii
import math
import tempfile
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from timeline.errors import InputError, SchemaError, TimelineError
from timeline.io import Article
from timeline.schema import PRECISIONS, empty_events, events_to_records, validate_events

__all__ = [
    "Dataset",
    "LANE_KINDS",
    "NO_LANE",
    "TABLE_COLUMNS",
    "EDITABLE_COLUMNS",
    "dataset_from_store",
    "dataset_to_store",
    "apply_edits",
    "diff_table_rows",
    "filter_events",
    "lane_values",
    "count_text",
    "table_rows",
    "table_page",
    "event_record",
    "event_for_span",
    "decode_upload",
    "load_uploaded",
    "events_csv_bytes",
    "events_json_bytes",
]

LANE_KINDS = ("category", "actors", "places")
#: the lane of events that name no actor / no place
NO_LANE = "(none)"

#: columns of the events table on the page, in order
TABLE_COLUMNS = (
    "label", "start", "end", "precision", "category", "timex", "sentence", "actors", "places",
    "confidence", "edtf", "relation", "event_id",
)  # fmt: skip
#: what a user may change in the table; ``edtf`` follows the window
EDITABLE_COLUMNS = (
    "label",
    "start",
    "end",
    "precision",
    "category",
    "actors",
    "places",
    "confidence",
)
_LIST_COLUMNS = ("actors", "places")


@dataclass(frozen=True)
class Dataset:
    """The events shown and the article they came from (``None`` for a table)."""

    events: pd.DataFrame
    article: Article | None = None
    #: changes whenever another dataset is loaded (plot zoom is kept while it stays)
    version: str = "initial"
    name: str | None = None


# ------------------------------------------------------------------ stores --


def _article_to_store(article: Article | None) -> dict[str, Any] | None:
    if article is None:
        return None
    return {
        "text": article.text,
        "published": article.published.isoformat() if article.published else None,
        "doc_id": article.doc_id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
    }


def _article_from_store(obj: dict[str, Any] | None) -> Article | None:
    if not obj:
        return None
    pub = obj.get("published")
    return Article(
        text=obj.get("text") or "",
        published=date.fromisoformat(pub) if pub else None,
        doc_id=obj.get("doc_id") or "article",
        title=obj.get("title"),
        source=obj.get("source"),
        url=obj.get("url"),
    )


def dataset_to_store(events: pd.DataFrame, article: Article | None, name: str) -> dict[str, Any]:
    """A loaded dataset as JSON for the browser's ``dcc.Store``."""
    return {
        "kind": "upload",
        "version": uuid.uuid4().hex[:12],
        "name": name,
        "records": events_to_records(events),
        "article": _article_to_store(article),
    }


def dataset_from_store(initial: Dataset, data: dict[str, Any] | None) -> Dataset:
    """The dataset the page shows: ``initial`` unless the store holds an uploaded one."""
    if not data or data.get("kind") != "upload":
        return initial
    records = data.get("records") or []
    events = validate_events(pd.DataFrame(records)) if records else empty_events()
    return Dataset(
        events=events,
        article=_article_from_store(data.get("article")),
        version=str(data.get("version") or "upload"),
        name=data.get("name"),
    )


# ------------------------------------------------------------------- edits --


def _format_value(col: str, v: Any) -> Any:
    """A cell as the table shows it (and as an edit comes back)."""
    if col in _LIST_COLUMNS:
        return "; ".join(v) if isinstance(v, list) else ""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat()
    if col == "confidence":
        return round(float(v), 3)
    if col in ("char_start", "char_end"):
        return int(v)
    return str(v)


def table_rows(events: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows for the DataTable: strings and numbers only; ``id`` is the event id."""
    cols = {c: events[c].tolist() for c in TABLE_COLUMNS}
    rows = []
    for i in range(len(events)):
        row = {c: _format_value(c, cols[c][i]) for c in TABLE_COLUMNS}
        row["id"] = row["event_id"]
        rows.append(row)
    return rows


def _same(col: str, shown: Any, current: Any) -> bool:
    if col == "confidence":
        try:
            a = None if shown in (None, "") else float(shown)
        except (TypeError, ValueError):
            return False
        return (a is None and current is None) or (
            a is not None and current is not None and abs(a - float(current)) < 5e-4
        )
    norm = lambda x: "" if x is None else str(x).strip()  # noqa: E731
    return norm(shown) == norm(current)


def diff_table_rows(events: pd.DataFrame, rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """What the user changed: ``{event_id: {column: new value}}`` for the rows given."""
    ids = [r.get("event_id") for r in rows if r.get("event_id") is not None]
    current = events[events["event_id"].isin(ids)]
    truth = {r["event_id"]: r for r in table_rows(current)}
    changes: dict[str, dict[str, Any]] = {}
    for row in rows:
        before = truth.get(row.get("event_id"))
        if before is None:
            continue
        for col in EDITABLE_COLUMNS:
            if col in row and not _same(col, row[col], before[col]):
                changes.setdefault(before["event_id"], {})[col] = row[col]
    return changes


def merge_edits(
    edits: dict[str, dict[str, Any]] | None, changes: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Edits so far plus new changes (a new store value; the old one is not touched)."""
    out = {k: dict(v) for k, v in (edits or {}).items()}
    for eid, cols in changes.items():
        out.setdefault(eid, {}).update(cols)
    return out


def _check_edit(eid: str, col: str, value: Any) -> None:
    where = f"event {eid}: {col}"
    if col == "precision" and value not in PRECISIONS:
        raise SchemaError(
            f"{where} {value!r} is not a precision; use one of {', '.join(PRECISIONS)}"
        )
    if col == "confidence" and value not in (None, ""):
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise SchemaError(
                f"{where} {value!r} is not a number; give a confidence from 0 to 1"
            ) from None
        if not 0.0 <= x <= 1.0:
            raise SchemaError(f"{where} {value!r} is out of range; give a confidence from 0 to 1")
    if col in ("start", "end") and value in (None, ""):
        raise SchemaError(f"{where} is empty; write the date as YYYY-MM-DD")
    if col == "label" and (value is None or not str(value).strip()):
        raise SchemaError(f"{where} is empty; give every event a label")


def _edited_row(row: pd.DataFrame, eid: str, cols: dict[str, Any]) -> pd.DataFrame:
    """One event's row with its edits, validated alone (so the message can name it)."""
    raw = row.astype(object)
    for col, value in cols.items():
        if col not in EDITABLE_COLUMNS:
            raise SchemaError(f"event {eid}: column {col!r} cannot be edited")
        _check_edit(eid, col, value)
        if col in _LIST_COLUMNS:
            value = [p.strip() for p in str(value or "").split(";") if p.strip()]
        elif isinstance(value, str):
            value = value.strip()
        raw.iat[0, raw.columns.get_loc(col)] = value
        if col in ("start", "end", "precision"):
            raw.iat[0, raw.columns.get_loc("edtf")] = pd.NA  # re-derived from the new window
    for col in ("start", "end"):
        v = raw.iat[0, raw.columns.get_loc(col)]
        if isinstance(v, pd.Timestamp):
            raw.iat[0, raw.columns.get_loc(col)] = v.date().isoformat()
    label = str(raw.iat[0, raw.columns.get_loc("label")])
    what = f"event {label[:60]!r}"
    try:
        return validate_events(raw, what=what)
    except SchemaError as err:
        raise SchemaError(str(err).replace(f"{what} row 1:", f"{what}:")) from None


def apply_edits(events: pd.DataFrame, edits: dict[str, dict[str, Any]] | None) -> pd.DataFrame:
    """``events`` with the user's edits applied and validated; raise :class:`SchemaError`.

    ``events`` (already valid) is never modified; only the edited rows are checked
    again, so an edit costs the same on 100,000 events as on ten. Changing the window
    or precision re-derives EDTF.
    """
    if not edits:
        return events
    out = events.copy()
    pos = pd.Series(range(len(out)), index=out["event_id"].astype(object))
    for eid, cols in edits.items():
        if eid not in pos.index:
            continue  # an edit of an event no longer there (another table was loaded)
        i = int(pos[eid])
        fixed = _edited_row(out.iloc[[i]], eid, cols)
        for col in out.columns:
            if col not in fixed.columns:
                continue
            value = fixed.iat[0, fixed.columns.get_loc(col)]
            if isinstance(out[col].dtype, pd.CategoricalDtype) and not pd.isna(value):
                if value not in out[col].cat.categories:
                    out[col] = out[col].cat.add_categories([value])
            if isinstance(value, list):  # a list in a cell: set it on the column itself
                column = out[col].copy()
                column.iat[i] = value
                out[col] = column
            else:
                out.iat[i, out.columns.get_loc(col)] = value
    return out


# ----------------------------------------------------------------- filters --


def _lane_lists(events: pd.DataFrame, lane_by: str) -> list[list[str]]:
    if lane_by == "category":
        return [[str(v)] for v in events["category"].astype(object).fillna("other")]
    return [list(v) if isinstance(v, list) and v else [NO_LANE] for v in events[lane_by]]


def lane_values(events: pd.DataFrame, lane_by: str) -> list[tuple[str, int]]:
    """The lanes and how many events each holds, biggest first."""
    counts: dict[str, int] = {}
    for vals in _lane_lists(events, lane_by):
        for v in set(vals):
            counts[v] = counts.get(v, 0) + 1
    return sorted(counts.items(), key=lambda kv: (kv[0] == NO_LANE, -kv[1], kv[0].lower()))


def _as_day(value: str | None) -> pd.Timestamp | None:
    if not value:
        return None
    ts = pd.to_datetime(str(value)[:10], errors="coerce", format="%Y-%m-%d")
    return None if pd.isna(ts) else ts


def filter_events(
    events: pd.DataFrame,
    *,
    lane_by: str = "category",
    lanes: list[str] | None = None,
    search: str | None = None,
    precisions: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> pd.DataFrame:
    """The events that pass the page's filters.

    ``lanes`` empty or ``None`` keeps every lane; ``precisions`` ``None`` keeps every
    precision (an empty list keeps none); the date range keeps events whose window
    overlaps it; ``search`` is a case-insensitive substring of label, sentence,
    expression, actors or places.
    """
    mask = np.ones(len(events), dtype=bool)
    if lanes:
        wanted = set(lanes)
        mask &= np.fromiter(
            (bool(wanted.intersection(v)) for v in _lane_lists(events, lane_by)), bool, len(events)
        )
    if precisions is not None:
        mask &= events["precision"].astype(object).isin(list(precisions)).to_numpy(dtype=bool)
    lo, hi = _as_day(date_from), _as_day(date_to)
    if lo is not None:
        mask &= (events["end"] >= lo).fillna(False).to_numpy(dtype=bool)
    if hi is not None:
        mask &= (events["start"] <= hi).fillna(False).to_numpy(dtype=bool)
    query = (search or "").strip().lower()
    if query and mask.any():
        sub = events[mask]
        hay = sub["label"].fillna("").astype(str)
        for col in ("sentence", "timex", "edtf"):
            hay = hay + "\n" + sub[col].fillna("").astype(str)
        for col in _LIST_COLUMNS:
            hay = hay + "\n" + pd.Series(["; ".join(v) for v in sub[col]], index=sub.index)
        mask[mask] = hay.str.lower().str.contains(query, regex=False).to_numpy(dtype=bool)
    return events[mask]


def count_text(shown: int, total: int) -> str:
    """``"12 of 40 events"``."""
    noun = "event" if total == 1 else "events"
    return f"{shown:,} of {total:,} {noun}"


# ------------------------------------------------------------------- table --


def table_page(
    events: pd.DataFrame,
    page_current: int | None,
    page_size: int,
    sort_by: list[dict[str, str]] | None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of rows (sorted as asked) and the number of pages.

    Only this page goes to the browser, so 100,000 events cost one page.
    """
    df = events
    for spec in reversed(sort_by or []):
        col = spec.get("column_id")
        if col not in df.columns:
            continue
        key = None
        if col in _LIST_COLUMNS:
            key = lambda s: s.map("; ".join)  # noqa: E731
        elif col not in ("start", "end", "confidence", "char_start", "char_end"):
            key = lambda s: s.astype("string").str.lower()  # noqa: E731
        df = df.sort_values(
            col,
            ascending=spec.get("direction") != "desc",
            na_position="last",
            kind="stable",
            key=key,
        )
    pages = max(1, math.ceil(len(df) / page_size))
    page = min(max(int(page_current or 0), 0), pages - 1)
    chunk = df.iloc[page * page_size : (page + 1) * page_size]
    return table_rows(chunk), pages


# --------------------------------------------------------------- selection --


def event_record(events: pd.DataFrame, event_id: str | None) -> dict[str, Any] | None:
    """One event as a JSON-ready dict, or ``None`` if it is not in ``events``."""
    if not event_id:
        return None
    hit = events[events["event_id"] == event_id]
    if hit.empty:
        return None
    return events_to_records(hit.head(1))[0]


def event_for_span(
    events: pd.DataFrame, start: int, end: int, text: str | None = None
) -> str | None:
    """The event whose evidence span contains ``[start, end)`` (a marked expression).

    Among several, the one dated by this very expression wins, then the tightest span.
    """
    cs, ce = events["char_start"], events["char_end"]
    inside = events[(cs <= start).fillna(False) & (ce >= end).fillna(False)]
    if inside.empty:
        return None
    by_phrase = (inside["timex"] == text).fillna(False) if text else None
    if by_phrase is not None and by_phrase.any():
        inside = inside[by_phrase.to_numpy(dtype=bool)]
    width = (inside["char_end"] - inside["char_start"]).astype("float64")
    return str(inside.loc[width.idxmin(), "event_id"])


# ------------------------------------------------------------------ upload --


def decode_upload(contents: str, filename: str) -> bytes:
    """The bytes of a ``dcc.Upload`` data URL."""
    try:
        _, b64 = contents.split(",", 1)
        return base64.b64decode(b64, validate=True)
    except (ValueError, binascii.Error):
        raise InputError(f"{filename}: the upload arrived damaged; try again") from None


def load_uploaded(contents: str | None, filename: str | None, published: str | None) -> Dataset:
    """Read an uploaded article or table with :func:`timeline.sources.load_upload`.

    Raises :class:`TimelineError` with a message that says what to fix.
    """
    if not contents or not filename:
        raise InputError("no file received; choose an article (.txt, .md, .html) or a table")
    from timeline.sources import load_upload

    data = decode_upload(contents, filename)
    events, article = load_upload(filename, data, (published or "").strip() or None)
    return Dataset(events=events, article=article, version=uuid.uuid4().hex[:12], name=filename)


# ------------------------------------------------------------------ export --


def events_csv_bytes(events: pd.DataFrame) -> bytes:
    """The table as CSV, exactly as ``timeline extract -o x.csv`` writes it."""
    from timeline.io import write_events

    with tempfile.TemporaryDirectory() as tmp:
        path = write_events(events, Path(tmp) / "events.csv")
        return path.read_bytes()


def events_json_bytes(events: pd.DataFrame) -> bytes:
    from timeline.io import write_events

    with tempfile.TemporaryDirectory() as tmp:
        path = write_events(events, Path(tmp) / "events.json")
        return path.read_bytes()


def export_name(dataset: Dataset, ext: str) -> str:
    """A file name for a download: the article's id, ``timeline`` otherwise."""
    stem = dataset.article.doc_id if dataset.article else Path(dataset.name or "timeline").stem
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem).strip("-") or "timeline"
    return f"{safe[:60]}.{ext}"


def user_message(err: BaseException, what: str) -> str:
    """The line an alert shows: a TimelineError's own message, else a bug report hint."""
    if isinstance(err, TimelineError):
        return str(err).splitlines()[0] if str(err) else type(err).__name__
    return f"{what} failed unexpectedly ({type(err).__name__}); this is a bug, please report it"
