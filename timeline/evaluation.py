"""Score an events table against the hand-annotated development set (``tests/devset``).

Pure functions: no printing, no extractor import. ``benchmarks/score_events.py`` wires them to
:func:`timeline.events.extract`.

Definitions (see ``tests/devset/README.md`` for the annotation format and guidelines):

- An extracted row *overlaps* an annotated core event when one of its evidence spans
  (the ``evidence_spans`` column, a list of ``[start, end]`` pairs, when present and non-empty;
  otherwise ``[char_start, char_end]``) overlaps the event's trigger span (half-open intervals
  sharing at least one character).
- A row's window is *inside* an allowed window ``[first, last]`` when
  ``first <= start <= end <= last`` (inclusive days).
- A core event is *found* when some overlapping row has a window inside its ``allowed``.
- A row is *judged* when it overlaps at least one core event and has a window
  (``start`` and ``end`` not NA). A judged row is *wrong-dated* when its window is inside the
  ``allowed`` window of none of the events it overlaps (a sentence can carry two core events;
  the row is given the benefit of the doubt as to which one it stands for).
- Rows without a window (NA/NaT ``start`` or ``end``) never find an event and are never wrong.
- Rows that overlap no core event are not judged: the annotation does not list every event
  of the article, only its core ones. (The brief's optional second rule, "window ends after
  the DCT while the sentence is in past tense", is deliberately not applied: telling tense
  reliably needs a parser, and a noisy rule would make the wrong-date rate lie.)
- ``wrong_pct`` is wrong / rows with a window (the share of extracted dated events with a
  wrong date); ``wrong_of_judged_pct`` is wrong / judged rows, which cannot be diluted by
  padding the output with unjudged rows.
- Events marked ``undated`` (no temporal information beyond being before the DCT) are counted
  separately; a judged row counts under ``dated`` if any event it overlaps is dated.

Example::

    ann = load_devset(Path("tests/devset"))[0]
    report = score_events(ann, events_df)
    report["found"], report["wrong"]
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.temporal.resolve import value_window

__all__ = [
    "CoreEvent",
    "Annotation",
    "DevsetError",
    "load_devset",
    "load_annotation",
    "load_tml_text",
    "load_article_text",
    "TimeLink",
    "load_tml_links",
    "score_time_links",
    "score_events",
    "micro_totals",
]


class DevsetError(ValueError):
    """An annotation file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class CoreEvent:
    id: str
    description: str
    trigger: str
    char_start: int
    char_end: int
    first: dt.date
    last: dt.date
    undated: bool = False


@dataclass(frozen=True)
class Annotation:
    file: str  # the annotation file it was read from ("" when built in code)
    article: str  # the article path as written in the file (relative to the repo root)
    article_path: Path | None  # resolved path, or None when built in code
    dct: dt.date
    events: tuple[CoreEvent, ...]
    notes: str = ""

    @property
    def doc_id(self) -> str:
        name = Path(self.article).name
        return name[:-4] if name.endswith((".tml", ".txt")) else name


# ------------------------------------------------------------------ TimeML text --
# The same stripping as shared/eval/score_timex.py (load_timeml), so offsets agree:
# the content of <TEXT> with every tag removed and the five XML entities plus numeric
# character references decoded.

_TAG_RE = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[?!][^>]*>"
    r"|<(/?)([A-Za-z_][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>",
    re.S,
)
_ATTR_RE = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENT_RE = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>", re.I)
_TEXT_CLOSE = re.compile(r"</TEXT\s*>", re.I)
_DCT_TIMEX = re.compile(
    r"<TIMEX3\b([^>]*functionInDocument\s*=\s*[\"']CREATION_TIME[\"'][^>]*)>", re.I
)


def _unescape(s: str) -> str:
    def rep(m: re.Match[str]) -> str:
        e = m.group(1)
        if e in _NAMED:
            return _NAMED[e]
        try:
            return chr(int(e[2:], 16)) if e[1] in "xX" else chr(int(e[1:]))
        except (ValueError, OverflowError):
            return m.group(0)

    return _ENT_RE.sub(rep, s)


def _strip_tags(xml: str) -> str:
    out: list[str] = []
    pos = 0
    for m in _TAG_RE.finditer(xml):
        out.append(_unescape(xml[pos : m.start()]))
        pos = m.end()
    out.append(_unescape(xml[pos:]))
    return "".join(out)


def load_tml_text(path: str | Path) -> tuple[str, dt.date | None]:
    """Return (stripped TEXT, DCT) of a TimeML file, exactly as score_timex.py sees it."""
    raw = Path(path).read_text(encoding="utf-8")
    mo = _TEXT_OPEN.search(raw)
    if not mo:
        raise DevsetError(f"{path}: no <TEXT> element")
    closes = list(_TEXT_CLOSE.finditer(raw, mo.end()))
    if not closes:
        raise DevsetError(f"{path}: no </TEXT>")
    text = _strip_tags(raw[mo.end() : closes[-1].start()])
    dct: dt.date | None = None
    md = _DCT_TIMEX.search(raw)
    if md:
        attrs = {
            a.group(1): a.group(2) if a.group(2) is not None else a.group(3)
            for a in _ATTR_RE.finditer(md.group(1))
        }
        m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", _unescape(attrs.get("value", "")))
        if m:
            dct = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return text, dct


def load_article_text(path: str | Path) -> tuple[str, dt.date | None]:
    """Text and DCT of an annotated article: a TimeML file as :func:`load_tml_text` reads it,
    or a plain UTF-8 ``.txt`` file taken verbatim (its DCT lives in the annotation only, so
    the second item is None)."""
    path = Path(path)
    if path.suffix.lower() == ".tml":
        return load_tml_text(path)
    try:
        return path.read_text(encoding="utf-8"), None
    except (OSError, UnicodeDecodeError) as exc:
        raise DevsetError(f"{path}: cannot read article: {exc}") from None


# ------------------------------------------------------ TimeML event-time links --


@dataclass(frozen=True)
class TimeLink:
    """A TimeML TLINK that puts an EVENT inside a dated TIMEX3 (not the DCT): the event
    happened within ``first..last`` (the time's window), by the corpus annotators' reading."""

    event_start: int
    event_end: int
    event_text: str
    time_text: str
    value: str
    first: dt.date
    last: dt.date


_PIECE_RE = re.compile(r"<(/?)(\w+)([^>]*)>")
_INSIDE_TYPES = {"IS_INCLUDED", "DURING", "SIMULTANEOUS"}


#: the TIMEX3 values a link is counted for: a day, a month, a year, an ISO week, a quarter
_LINK_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4])?")


def _value_window(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 value of one of the :data:`_LINK_VALUE` shapes covers."""
    if not _LINK_VALUE.fullmatch(value):
        return None
    return value_window(value)[0]


def load_tml_links(path: str | Path) -> tuple[str, dt.date | None, list[TimeLink]]:
    """Text and DCT as :func:`load_tml_text` gives them, and the TLINKs that place an event
    inside a dated time expression other than the DCT (offsets into that text)."""
    raw = Path(path).read_text(encoding="utf-8")
    text, dct = load_tml_text(path)
    mo = _TEXT_OPEN.search(raw)
    assert mo is not None  # load_tml_text checked it
    body = raw[mo.end() : list(_TEXT_CLOSE.finditer(raw, mo.end()))[-1].start()]
    events: dict[str, tuple[int, int]] = {}
    times: dict[str, tuple[int, int, str, str]] = {}
    pos = n = 0
    opened: tuple[int, dict[str, str]] | None = None
    for m in _PIECE_RE.finditer(body):
        n += len(_unescape(body[pos : m.start()]))
        pos = m.end()
        if m.group(2) not in ("EVENT", "TIMEX3"):
            continue
        if not m.group(1):
            opened = (n, {a.group(1): a.group(2) or a.group(3) or ""
                          for a in _ATTR_RE.finditer(m.group(3))})
        elif opened is not None:
            start, attrs = opened
            if m.group(2) == "EVENT" and "eid" in attrs:
                events[attrs["eid"]] = (start, n)
            elif m.group(2) == "TIMEX3" and "tid" in attrs:
                times[attrs["tid"]] = (start, n, attrs.get("value", ""), attrs.get("type", ""))
            opened = None
    instance = {}
    for x in re.finditer(r"<MAKEINSTANCE\b([^>]*)>", raw):
        attrs = {a.group(1): a.group(2) or a.group(3) or "" for a in _ATTR_RE.finditer(x[1])}
        if "eiid" in attrs and "eventID" in attrs:
            instance[attrs["eiid"]] = attrs["eventID"]
    links: list[TimeLink] = []
    for x in re.finditer(r"<TLINK\b([^>]*)>", raw):
        attrs = {a.group(1): a.group(2) or a.group(3) or "" for a in _ATTR_RE.finditer(x[1])}
        rel = attrs.get("relType")
        if "eventInstanceID" in attrs and "relatedToTime" in attrs and rel in _INSIDE_TYPES:
            ei, tid = attrs["eventInstanceID"], attrs["relatedToTime"]
        elif "timeID" in attrs and "relatedToEventInstance" in attrs and \
                rel in ("INCLUDES", "DURING", "SIMULTANEOUS"):
            ei, tid = attrs["relatedToEventInstance"], attrs["timeID"]
        else:
            continue
        if ei not in instance or instance[ei] not in events or tid not in times:
            continue
        ts, te, value, typ = times[tid]
        if typ not in ("DATE", "TIME"):  # the DCT's TIMEX3 is outside TEXT: never here
            continue
        window = _value_window(value)
        if window is None:
            continue
        es, ee = events[instance[ei]]
        links.append(TimeLink(es, ee, text[es:ee], text[ts:te], value, *window))
    return text, dct, links


def score_time_links(links: Sequence[TimeLink], events: pd.DataFrame) -> dict[str, int]:
    """How the rows of ``events`` place the linked events: ``inside`` (a row over the event's
    word has a window inside the time's), ``overlaps`` (only windows that overlap it),
    ``disjoint`` (only windows apart from it: a wrong date, or a corpus error) or ``no_row``."""
    has_spans = "evidence_spans" in events.columns
    rows = [(_spans(r, has_spans), _to_date(r["start"]), _to_date(r["end"]))
            for _, r in events.iterrows()]
    out = {"links": len(links), "inside": 0, "overlaps": 0, "disjoint": 0, "no_row": 0}
    for link in links:
        over = [(a, b) for spans, a, b in rows if a is not None and b is not None
                and any(s < link.event_end and link.event_start < e for s, e in spans)]
        if not over:
            out["no_row"] += 1
        elif any(link.first <= a <= b <= link.last for a, b in over):
            out["inside"] += 1
        elif any(a <= link.last and link.first <= b for a, b in over):
            out["overlaps"] += 1
        else:
            out["disjoint"] += 1
    return out


# ------------------------------------------------------------------ annotations --


def _parse_date(value: Any, where: str) -> dt.date:
    if not isinstance(value, str):
        raise DevsetError(f"{where}: expected an ISO date string, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DevsetError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _parse_event(obj: Any, where: str) -> CoreEvent:
    if not isinstance(obj, dict):
        raise DevsetError(f"{where}: an event must be an object")
    for key in ("id", "description", "evidence", "allowed"):
        if key not in obj:
            raise DevsetError(f"{where}: missing {key!r}")
    ev = obj["evidence"]
    if not isinstance(ev, dict) or not {"text", "char_start", "char_end"} <= ev.keys():
        raise DevsetError(f"{where}: evidence needs text, char_start, char_end")
    start, end = ev["char_start"], ev["char_end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        raise DevsetError(f"{where}: bad evidence span [{start!r}, {end!r})")
    allowed = obj["allowed"]
    if not (isinstance(allowed, list) and len(allowed) == 2):
        raise DevsetError(f"{where}: allowed must be [first_day, last_day]")
    first = _parse_date(allowed[0], f"{where} allowed[0]")
    last = _parse_date(allowed[1], f"{where} allowed[1]")
    if first > last:
        raise DevsetError(f"{where}: allowed window {first}..{last} is empty")
    undated = obj.get("undated", False)
    if not isinstance(undated, bool):
        raise DevsetError(f"{where}: undated must be true or false")
    return CoreEvent(
        id=str(obj["id"]),
        description=str(obj["description"]),
        trigger=str(ev["text"]),
        char_start=start,
        char_end=end,
        first=first,
        last=last,
        undated=undated,
    )


def load_annotation(
    file: str | Path, root: str | Path | None = None, check_text: bool = True
) -> Annotation:
    """Read one annotation file; ``root`` is the repo root the ``article`` path is relative to.

    With ``check_text`` (and the article present) every trigger must equal the text at its
    offsets and the DCT must match the article's.
    """
    file = Path(file)
    try:
        obj = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DevsetError(f"{file}: cannot read annotation: {exc}") from None
    if not isinstance(obj, dict):
        raise DevsetError(f"{file}: top level must be an object")
    for key in ("article", "dct", "events"):
        if key not in obj:
            raise DevsetError(f"{file}: missing {key!r}")
    dct = _parse_date(obj["dct"], f"{file} dct")
    if not isinstance(obj["events"], list) or not obj["events"]:
        raise DevsetError(f"{file}: events must be a non-empty list")
    events = tuple(_parse_event(e, f"{file} events[{i}]") for i, e in enumerate(obj["events"]))
    ids = [e.id for e in events]
    if len(set(ids)) != len(ids):
        raise DevsetError(f"{file}: duplicate event ids")
    base = Path(root) if root is not None else file.resolve().parents[2]
    article_path = (base / obj["article"]).resolve()
    ann = Annotation(
        file=str(file),
        article=str(obj["article"]),
        article_path=article_path,
        dct=dct,
        events=events,
        notes=str(obj.get("annotator_notes", "")),
    )
    if check_text and article_path.exists():
        text, art_dct = load_article_text(article_path)
        if art_dct is not None and art_dct != dct:
            raise DevsetError(f"{file}: dct {dct} but the article's DCT is {art_dct}")
        for e in events:
            if text[e.char_start : e.char_end] != e.trigger:
                raise DevsetError(
                    f"{file} event {e.id}: text at [{e.char_start}, {e.char_end}) is "
                    f"{text[e.char_start : e.char_end]!r}, not {e.trigger!r}"
                )
    return ann


def load_devset(
    directory: str | Path, root: str | Path | None = None, check_text: bool = True
) -> list[Annotation]:
    """Load every ``*.json`` annotation in ``directory`` (sorted by file name).

    ``root`` defaults to the directory's grandparent (``tests/devset`` -> the repo root).
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DevsetError(f"{directory}: no such devset directory")
    base = Path(root) if root is not None else directory.resolve().parents[1]
    files = sorted(directory.glob("*.json"))
    if not files:
        raise DevsetError(f"{directory}: no *.json annotation files")
    return [load_annotation(f, base, check_text) for f in files]


# ------------------------------------------------------------------ scoring --


def _to_date(value: Any) -> dt.date | None:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    if ts is pd.NaT:
        return None
    return ts.date()


def _spans(row: pd.Series, has_spans_col: bool) -> list[tuple[int, int]]:
    if has_spans_col:
        raw = row["evidence_spans"]
        if isinstance(raw, Iterable) and not isinstance(raw, str | bytes):
            spans = []
            for pair in raw:
                try:
                    s, e = int(pair[0]), int(pair[1])
                except (TypeError, ValueError, IndexError):
                    continue
                spans.append((s, e))
            if spans:
                return spans
    try:
        return [(int(row["char_start"]), int(row["char_end"]))]
    except (TypeError, ValueError, KeyError):
        return []


def _overlaps(spans: Sequence[tuple[int, int]], ev: CoreEvent) -> bool:
    return any(s < ev.char_end and ev.char_start < e for s, e in spans)


def _inside(start: dt.date, end: dt.date, ev: CoreEvent) -> bool:
    return ev.first <= start <= end <= ev.last


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 1) if den else None


def _bucket() -> dict[str, Any]:
    return {"core": 0, "found": 0, "judged": 0, "wrong": 0}


def _finish(b: dict[str, Any]) -> dict[str, Any]:
    b["found_pct"] = _pct(b["found"], b["core"])
    b["wrong_of_judged_pct"] = _pct(b["wrong"], b["judged"])
    return b


def score_events(annotation: Annotation, events: pd.DataFrame) -> dict[str, Any]:
    """Score one article's extracted events table against its annotation.

    ``events`` needs ``start``, ``end``, ``char_start``, ``char_end`` (and may have
    ``evidence_spans``); extra columns are ignored. Returns counts, percentages (None when the
    denominator is 0), a ``dated``/``undated`` split, and per-event and per-wrong-row detail.
    """
    missing = {"start", "end", "char_start", "char_end"} - set(events.columns)
    if missing:
        raise ValueError(f"events table lacks column(s): {', '.join(sorted(missing))}")
    has_spans_col = "evidence_spans" in events.columns
    found_by: dict[str, list[int]] = {e.id: [] for e in annotation.events}
    overlapped_by: dict[str, list[int]] = {e.id: [] for e in annotation.events}
    split = {"dated": _bucket(), "undated": _bucket()}
    rows = with_window = judged = 0
    wrong_rows: list[dict[str, Any]] = []
    for pos, (_, row) in enumerate(events.iterrows()):
        rows += 1
        start, end = _to_date(row["start"]), _to_date(row["end"])
        has_window = start is not None and end is not None
        with_window += has_window
        spans = _spans(row, has_spans_col)
        hit = [e for e in annotation.events if _overlaps(spans, e)]
        for e in hit:
            overlapped_by[e.id].append(pos)
        if not hit or not has_window:
            continue
        assert start is not None and end is not None
        judged += 1
        good = [e for e in hit if _inside(start, end, e)]
        for e in good:
            found_by[e.id].append(pos)
        kind = "dated" if any(not e.undated for e in hit) else "undated"
        split[kind]["judged"] += 1
        if not good:
            split[kind]["wrong"] += 1
            wrong_rows.append(
                {
                    "row": pos,
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "events": [e.id for e in hit],
                    "allowed": [[e.first.isoformat(), e.last.isoformat()] for e in hit],
                }
            )
    detail = []
    for e in annotation.events:
        kind = "undated" if e.undated else "dated"
        split[kind]["core"] += 1
        split[kind]["found"] += bool(found_by[e.id])
        detail.append(
            {
                "id": e.id,
                "description": e.description,
                "undated": e.undated,
                "allowed": [e.first.isoformat(), e.last.isoformat()],
                "found": bool(found_by[e.id]),
                "rows": overlapped_by[e.id],
            }
        )
    core = len(annotation.events)
    found = sum(1 for d in detail if d["found"])
    wrong = len(wrong_rows)
    return {
        "article": annotation.article,
        "doc_id": annotation.doc_id,
        "dct": annotation.dct.isoformat(),
        "core": core,
        "found": found,
        "found_pct": _pct(found, core),
        "rows": rows,
        "rows_with_window": with_window,
        "judged": judged,
        "wrong": wrong,
        "wrong_pct": _pct(wrong, with_window),
        "wrong_of_judged_pct": _pct(wrong, judged),
        "dated": _finish(split["dated"]),
        "undated": _finish(split["undated"]),
        "events": detail,
        "wrong_rows": wrong_rows,
    }


def micro_totals(reports: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Sum per-article reports into micro-averaged totals (same keys, no detail lists)."""
    tot: dict[str, Any] = {
        "articles": 0,
        "core": 0,
        "found": 0,
        "rows": 0,
        "rows_with_window": 0,
        "judged": 0,
        "wrong": 0,
    }
    split = {"dated": _bucket(), "undated": _bucket()}
    for r in reports:
        tot["articles"] += 1
        for k in ("core", "found", "rows", "rows_with_window", "judged", "wrong"):
            tot[k] += r[k]
        for kind in split:
            for k in ("core", "found", "judged", "wrong"):
                split[kind][k] += r[kind][k]
    tot["found_pct"] = _pct(tot["found"], tot["core"])
    tot["wrong_pct"] = _pct(tot["wrong"], tot["rows_with_window"])
    tot["wrong_of_judged_pct"] = _pct(tot["wrong"], tot["judged"])
    tot["dated"] = _finish(split["dated"])
    tot["undated"] = _finish(split["undated"])
    return tot
