"""Exporting timelines: images (PNG/SVG/PDF), self-contained HTML, TimelineJS JSON.

``to_*`` functions return data, ``write_*`` functions write it (always through
:func:`timeline.io.atomic_write`, so a failed export leaves nothing on disk) and
:func:`export_events` picks one by extension for the CLI.

Images are drawn by kaleido with the system Chromium. The browser starts once
per process, on the first image, and is stopped at exit: the first PNG costs
about two seconds, the following ones a fraction of a second.

>>> import pandas as pd
>>> ev = pd.DataFrame({"label": ["Ambush"], "start": ["2024-12-15"], "end": ["2024-12-31"]})
>>> to_timelinejs(ev)["events"][0]["display_date"]
'15-31 December 2024'
"""

from __future__ import annotations

import atexit
import calendar
import html
import json
import os
import re
import threading
import time
import warnings
from datetime import date
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from timeline.errors import ExportError, SchemaError, TimelineError
from timeline.figure import build_figure
from timeline.io import atomic_write, parse_published, write_events
from timeline.schema import COLUMNS, validate_events

__all__ = [
    "IMAGE_FORMATS",
    "EXPORT_FORMATS",
    "to_html",
    "write_html",
    "to_image",
    "write_image",
    "to_timelinejs",
    "read_timelinejs",
    "write_timelinejs",
    "export_events",
    "stop_image_server",
]

IMAGE_FORMATS = ("png", "svg", "pdf", "jpeg", "webp")
EXPORT_FORMATS = (*IMAGE_FORMATS, "html", "csv", "json", "parquet", "timelinejs")
_PLOTLYJS = {"inline": True, "cdn": "cdn", "none": False}
_NO_BROWSER = (
    "no Chromium found for image export; install it (apt-get install -y chromium) "
    "or set BROWSER_PATH=/path/to/chromium"
)
#: an image taking longer than this means the browser is stuck
_RENDER_TIMEOUT = 120.0

EventsOrFigure: TypeAlias = pd.DataFrame | go.Figure


# ---------------------------------------------------------------- figures --


def _source_of(events: pd.DataFrame) -> str | None:
    """The article's source when every event comes from the same one."""
    if "source" not in events.columns:
        return None
    values = events["source"].dropna().astype(str).unique()
    return str(values[0]) if len(values) == 1 else None


def _figure(
    events_or_fig: EventsOrFigure,
    *,
    title: str | None,
    source: str | None,
    published: date | str | None,
    theme: str,
    width: int | None = None,
    height: int | None = None,
    **figure_opts: Any,
) -> go.Figure:
    if isinstance(events_or_fig, go.Figure):
        fig = go.Figure(events_or_fig)  # a copy: exporting never changes the caller's figure
        if width is not None or height is not None:
            fig.update_layout(width=width, height=height)
        return fig
    if not isinstance(events_or_fig, pd.DataFrame):
        raise ExportError("give an events table or a plotly figure to export")
    events = events_or_fig
    if any(c not in events.columns for c in COLUMNS):
        events = validate_events(events)
    return build_figure(
        events, title=title, source=source if source is not None else _source_of(events),
        published=parse_published(published, what="published"), theme=theme,
        width=width, height=height, **figure_opts,
    )


# ------------------------------------------------------------------- html --

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="timeline">
<title>{page_title}</title>
<style>
  html, body {{ margin: 0; background: {bg}; color: {fg}; }}
  body {{ font-family: Inter, "Helvetica Neue", Arial, sans-serif; }}
  header {{ padding: 16px 24px 0; }}
  h1 {{ font-size: 1.5rem; margin: 0 0 4px; line-height: 1.25; }}
  .credit {{ margin: 0; color: {muted}; font-size: 0.95rem; }}
  .timeline-figure {{ width: 100%; }}
  footer {{ padding: 4px 24px 16px; color: {muted}; font-size: 0.8rem; }}
  details.events {{ padding: 0 24px 8px; }}
  details.events summary {{ cursor: pointer; font-weight: 600; padding: 6px 0; }}
  table {{ border-collapse: collapse; width: 100%; font-size: 0.9rem; }}
  th, td {{ text-align: left; vertical-align: top; padding: 4px 8px;
            border-bottom: 1px solid {rule}; }}
  td.when {{ white-space: nowrap; }}
  td.evidence {{ color: {muted}; }}
</style>
</head>
<body>
<header>
{heading}
{credit}
</header>
<main class="timeline-figure">
{figure}
</main>
{events}
<footer>Hover over an event for its date phrase and sentence;
drag to zoom, double-click to reset.</footer>
</body>
</html>
"""


def _plotly_fragment(fig: go.Figure, plotlyjs: str, *, div_id: str | None = None) -> str:
    if plotlyjs not in _PLOTLYJS:
        raise ExportError(f"plotlyjs {plotlyjs!r} is unknown; use inline, cdn or none")
    height = fig.layout.height
    fig.update_layout(width=None, autosize=True)
    return pio.to_html(
        fig,
        full_html=False,
        include_plotlyjs=_PLOTLYJS[plotlyjs],
        include_mathjax=False,
        default_width="100%",
        default_height=f"{height}px" if height else "100%",
        div_id=div_id,
        config={"responsive": True, "displaylogo": False, "scrollZoom": False,
                "toImageButtonOptions": {"format": "png", "scale": 2}},
        validate=True,
    )


_LIST_LIMIT = 2000


def _events_list(events: pd.DataFrame) -> str:
    """The dated events as a plain table under the chart: searchable, printable,
    readable without JavaScript, and the evidence sentence beside each date."""
    if any(c not in events.columns for c in COLUMNS):
        events = validate_events(events)
    dated = events[events["start"].notna()].sort_values(["start", "end"], kind="stable")
    if dated.empty:
        return ""
    shown = dated.head(_LIST_LIMIT)
    rows = []
    for row in shown.itertuples(index=False):
        when = _display_date(row.start.date(), row.end.date(), _str_or_none(row.precision))
        phrase = _str_or_none(row.timex)
        rows.append(
            "<tr>"
            f'<td class="when">{html.escape(when)}</td>'
            f"<td>{html.escape(str(row.label))}</td>"
            f"<td>{html.escape(phrase) if phrase else '<i>inherited</i>'}</td>"
            f'<td class="evidence">{html.escape(_str_or_none(row.sentence) or "")}</td>'
            "</tr>"
        )
    more = len(dated) - len(shown)
    note = f" (the first {len(shown):,} are listed)" if more else ""
    return (
        f'<details class="events"><summary>{len(dated):,} dated events{note}</summary>\n'
        "<table><thead><tr><th>When</th><th>Event</th><th>Date phrase</th>"
        "<th>Evidence</th></tr></thead>\n<tbody>\n" + "\n".join(rows) +
        "\n</tbody></table></details>"
    )


def to_html(
    events_or_fig: EventsOrFigure,
    *,
    title: str | None = None,
    source: str | None = None,
    published: date | str | None = None,
    theme: str = "light",
    embed: bool = False,
    plotlyjs: str = "inline",
    events_list: bool = True,
    **figure_opts: Any,
) -> str:
    """A self-contained HTML page of the timeline (or, with ``embed=True``, a fragment).

    The page inlines plotly.js (``plotlyjs="inline"``, about 5 MB) so it works
    offline; ``"cdn"`` loads it from the network, ``"none"`` leaves it to the
    host page. Title and credit line are escaped page text above the figure; an
    embed fragment carries them inside the figure instead. ``events_list`` adds
    a collapsed table of the events and their sentences under the chart.
    """
    published_day = parse_published(published, what="published")
    if embed:
        fig = _figure(events_or_fig, title=title, source=source, published=published_day,
                      theme=theme, **figure_opts)
        return f'<div class="timeline-embed">\n{_plotly_fragment(fig, plotlyjs)}\n</div>\n'

    if source is None and isinstance(events_or_fig, pd.DataFrame):
        source = _source_of(events_or_fig)
    # the page prints title and credit as text, so the figure need not repeat them
    fig = _figure(events_or_fig, title=None, source="", published=published_day,
                  theme=theme, **figure_opts)
    if isinstance(events_or_fig, pd.DataFrame):  # the header above says it already
        fig.layout.annotations = [a for a in fig.layout.annotations if a.name != "source"]
    credit_bits = []
    if source:
        credit_bits.append(f"Source: {html.escape(source)}")
    if published_day:
        credit_bits.append(f"published {published_day.isoformat()}")
    dark = theme == "dark"
    return _PAGE.format(
        page_title=html.escape(title or "Timeline"),
        heading=f"<h1>{html.escape(title)}</h1>" if title else "",
        credit=f'<p class="credit">{", ".join(credit_bits)}</p>' if credit_bits else "",
        figure=_plotly_fragment(fig, plotlyjs),
        events=_events_list(events_or_fig)
        if events_list and isinstance(events_or_fig, pd.DataFrame) else "",
        rule="#333333" if dark else "#e5e5e5",
        bg="#111111" if dark else "#ffffff",
        fg="#eeeeee" if dark else "#222222",
        muted="#bbbbbb" if dark else "#555555",
    )


def write_html(events_or_fig: EventsOrFigure, path: str | os.PathLike[str], **opts: Any) -> Path:
    """Write :func:`to_html` to ``path`` (atomically); ``opts`` as for :func:`to_html`."""
    page = to_html(events_or_fig, **opts)
    with atomic_write(path, "w") as fh:
        fh.write(page)
    return Path(path)


# ----------------------------------------------------------------- images --

_server_lock = threading.Lock()
_exit_hook: list[bool] = []  # registered once, however often the server restarts
_render_lock = threading.Lock()


def _browser_path() -> str:
    """The Chromium kaleido will drive, or a one-line error saying how to get one."""
    override = os.environ.get("BROWSER_PATH")
    if override:
        if not (Path(override).is_file() and os.access(override, os.X_OK)):
            raise ExportError(
                f"BROWSER_PATH={override} is not an executable browser; install Chromium "
                "(apt-get install -y chromium) or set BROWSER_PATH=/path/to/chromium"
            )
        return override
    try:
        from choreographer.browsers.chromium import Chromium

        found = Chromium.find_browser(skip_local=False)
    except Exception:  # the search is best effort; no browser is the likely cause
        found = None
    if not found:
        raise ExportError(_NO_BROWSER)
    return str(found)


def _server() -> Any:
    """kaleido's process-wide server, started on first use."""
    import kaleido
    from kaleido import _sync_server

    with _server_lock:
        server = _sync_server.GlobalKaleidoServer()
        if not server.is_running():
            path = _browser_path()
            kaleido.start_sync_server(mathjax=False, path=path, silence_warnings=True)
            if not _exit_hook:
                atexit.register(stop_image_server)
                _exit_hook.append(True)
        return server


def stop_image_server() -> None:
    """Stop the Chromium started for image export (it restarts on the next image)."""
    try:
        import kaleido
    except ImportError:  # pragma: no cover - kaleido is a dependency
        return
    with _server_lock:
        kaleido.stop_sync_server(silence_warnings=True)


def _render(fig_dict: dict[str, Any], opts: dict[str, Any]) -> bytes:
    """One image from the running server, with a watchdog: a browser that died
    (or never started) makes kaleido wait forever, so wait here instead."""
    import kaleido

    server = _server()
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="The kopts argument is ignored")
                result["image"] = kaleido.calc_fig_sync(fig_dict, opts=opts)
        except BaseException as err:  # handed to the caller's thread
            result["error"] = err

    with _render_lock:  # the server answers one request at a time
        worker = threading.Thread(target=work, name="timeline-image", daemon=True)
        worker.start()
        deadline = time.monotonic() + _RENDER_TIMEOUT
        while worker.is_alive():
            worker.join(0.05)
            server_thread = getattr(server, "_thread", None)
            dead = server_thread is not None and not server_thread.is_alive()
            if worker.is_alive() and (dead or time.monotonic() > deadline):
                _forget_server(server)
                why = "Chromium stopped" if dead else f"no image after {_RENDER_TIMEOUT:.0f} s"
                raise ExportError(
                    f"image export failed ({why}); check that {_browser_path()} runs "
                    "(chromium --headless --version) or set BROWSER_PATH=/path/to/chromium"
                )
    if "error" in result:
        err = result["error"]
        if type(err).__name__ == "ChromeNotFoundError":
            raise ExportError(_NO_BROWSER) from None
        raise ExportError(f"image export failed: {str(err).splitlines()[0][:200]}") from err
    image = result["image"]
    return image.encode("utf-8") if isinstance(image, str) else bytes(image)


def _forget_server(server: Any) -> None:
    # the server thread is gone (or stuck); let the next export start a fresh one
    with _server_lock:
        for attr in ("_thread", "_task_queue", "_return_queue"):
            if hasattr(server, attr):
                delattr(server, attr)
        server._initialized = False


def _format_of(path: str | os.PathLike[str] | None, format: str | None) -> str:
    fmt = (format or (Path(path).suffix[1:] if path is not None else "") or "png").lower()
    fmt = {"jpg": "jpeg"}.get(fmt, fmt)
    if fmt not in IMAGE_FORMATS:
        raise ExportError(f"image format {fmt!r} is unknown; use {', '.join(IMAGE_FORMATS)}")
    return fmt


def to_image(
    events_or_fig: EventsOrFigure,
    *,
    format: str = "png",
    width: int = 1400,
    height: int | None = None,
    scale: float = 2,
    theme: str = "light",
    title: str | None = None,
    source: str | None = None,
    published: date | str | None = None,
    **figure_opts: Any,
) -> bytes:
    """The timeline as image bytes (PNG, SVG, PDF, JPEG or WebP).

    ``width``/``height`` are CSS pixels; a PNG is ``width * scale`` pixels wide
    (2,800 at the defaults). The height follows the number of lanes unless given.
    """
    fmt = _format_of(None, format)
    sizes = [int(width)] + ([] if height is None else [int(height)])
    if not all(100 <= size <= 10_000 for size in sizes):
        raise ExportError("image width and height must be between 100 and 10000 pixels")
    if not 0.1 <= float(scale) <= 10:
        raise ExportError("image scale must be between 0.1 and 10")
    fig = _figure(events_or_fig, title=title, source=source, published=published, theme=theme,
                  width=int(width), height=height,
                  **{"rangeslider": False, **figure_opts})  # a slider is a control: noise on paper
    fig_height = height or fig.layout.height or 600
    opts = {"format": fmt, "width": int(width), "height": int(fig_height), "scale": float(scale)}
    return _render(fig.to_dict(), opts)


def write_image(
    events_or_fig: EventsOrFigure,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    **opts: Any,
) -> Path:
    """Write the timeline as an image; the format follows the extension unless given."""
    fmt = _format_of(path, format)
    data = to_image(events_or_fig, format=fmt, **opts)
    with atomic_write(path, "wb") as fh:
        fh.write(data)
    return Path(path)


# ------------------------------------------------------------- TimelineJS --

_MONTHS = [calendar.month_name[m] for m in range(13)]


def _display_date(start: date, end: date, precision: str | None) -> str:
    """How a reader would write the window: "December 2024", "10-16 March 2025"."""
    def day(d: date, year: bool = True) -> str:
        return f"{d.day} {_MONTHS[d.month]}" + (f" {d.year}" if year else "")

    last_day = calendar.monthrange(end.year, end.month)[1]
    if start == end:
        text = day(start)
    elif start.day == 1 and end.day == last_day and start.replace(day=1) == end.replace(day=1):
        text = f"{_MONTHS[start.month]} {start.year}"
    elif (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        text = str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    elif start.day == 1 and end.day == last_day and start.year == end.year:
        text = f"{_MONTHS[start.month]}-{_MONTHS[end.month]} {start.year}"
    elif (start.year, start.month) == (end.year, end.month):
        text = f"{start.day}-{end.day} {_MONTHS[start.month]} {start.year}"
    elif start.year == end.year:
        text = f"{day(start, year=False)} - {day(end)}"
    else:
        text = f"{day(start)} - {day(end)}"
    return f"around {text}" if precision == "vague" else text


def _ymd(d: date) -> dict[str, int]:
    return {"year": d.year, "month": d.month, "day": d.day}


def _str_or_none(v: Any) -> str | None:
    return None if v is None or v is pd.NA or (not isinstance(v, str) and pd.isna(v)) else str(v)


def to_timelinejs(events: pd.DataFrame, *, title: str | None = None,
                  source: str | None = None) -> dict[str, Any]:
    """The events as TimelineJS3 JSON (undated events are left out).

    TimelineJS renders ``headline`` and ``text`` as HTML, so article text is
    escaped here. Fields TimelineJS does not know (precision, EDTF, the date
    phrase, actors, places) ride along in each event's ``timeline`` object so
    that :func:`read_timelinejs` gets them back.
    """
    if any(c not in events.columns for c in COLUMNS):
        events = validate_events(events)
    source = source if source is not None else _source_of(events)
    out: dict[str, Any] = {}
    if title or source:
        out["title"] = {"text": {"headline": html.escape(title or "Timeline"),
                                 "text": f"Source: {html.escape(source)}" if source else ""}}
    slides = []
    for row in events.itertuples(index=False):
        if pd.isna(row.start):
            continue
        start, end = row.start.date(), row.end.date()
        precision = _str_or_none(row.precision)
        slide: dict[str, Any] = {
            "start_date": _ymd(start),
            "display_date": _display_date(start, end, precision),
            "text": {"headline": html.escape(str(row.label)),
                     "text": html.escape(_str_or_none(row.sentence) or "")},
            "group": str(row.category),
            "unique_id": str(row.event_id),
            "timeline": {
                "precision": precision,
                "edtf": _str_or_none(row.edtf),
                "timex": _str_or_none(row.timex),
                "actors": list(row.actors),
                "places": list(row.places),
                "confidence": None if pd.isna(row.confidence) else float(row.confidence),
                "anchor_event": _str_or_none(row.anchor_event),
                "relation": _str_or_none(row.relation),
                "doc_id": _str_or_none(row.doc_id),
                "char_start": None if pd.isna(row.char_start) else int(row.char_start),
                "char_end": None if pd.isna(row.char_end) else int(row.char_end),
            },
        }
        if end != start:
            slide["end_date"] = _ymd(end)
        slides.append(slide)
    out["events"] = slides
    return out


def _unhtml(text: Any) -> str:
    """TimelineJS text is HTML: drop tags, decode entities."""
    if text is None:
        return ""
    return html.unescape(re.sub(r"<[^>]*>", " ", str(text))).strip()


def _tl_date(obj: Any, where: str, *, last: bool) -> date:
    if not isinstance(obj, dict) or "year" not in obj:
        raise SchemaError(f"{where}: a date needs at least a year, e.g. {{\"year\": 2025}}")
    try:
        year = int(obj["year"])
        month = int(obj["month"]) if obj.get("month") not in (None, "") else None
        day = int(obj["day"]) if obj.get("day") not in (None, "") else None
        if month is None:
            return date(year, 12, 31) if last else date(year, 1, 1)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
        return date(year, month, day)
    except (TypeError, ValueError) as err:
        raise SchemaError(f"{where}: {json.dumps(obj)[:60]} is not a real date ({err})") from None


_EXTRA_FIELDS = ("anchor_event", "relation", "doc_id", "char_start", "char_end")


def read_timelinejs(obj: dict[str, Any]) -> pd.DataFrame:
    """An events table from TimelineJS3 JSON (what :func:`to_timelinejs` writes, or
    a hand-made TimelineJS sheet): headline -> label, group -> category."""
    if not isinstance(obj, dict) or not isinstance(obj.get("events"), list):
        raise SchemaError("TimelineJS JSON needs an \"events\" list")
    rows = []
    for i, ev in enumerate(obj["events"]):
        where = f"TimelineJS event {i + 1}"
        if not isinstance(ev, dict):
            raise SchemaError(f"{where}: is not an object")
        start = _tl_date(ev.get("start_date"), f"{where} start_date", last=False)
        end = _tl_date(ev["end_date"], f"{where} end_date", last=True) if ev.get(
            "end_date") else _tl_date(ev.get("start_date"), f"{where} start_date", last=True)
        text: dict[str, Any] = ev["text"] if isinstance(ev.get("text"), dict) else {}
        label = _unhtml(text.get("headline")) or _unhtml(text.get("text"))[:80]
        if not label:
            raise SchemaError(f"{where}: has no headline; give every event a text.headline")
        extra: dict[str, Any] = ev["timeline"] if isinstance(ev.get("timeline"), dict) else {}
        rows.append({
            "event_id": _str_or_none(ev.get("unique_id")),
            "label": label,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "precision": extra.get("precision"),
            "edtf": extra.get("edtf"),
            "timex": extra.get("timex"),
            "category": _str_or_none(ev.get("group")),
            "actors": extra.get("actors") or [],
            "places": extra.get("places") or [],
            "sentence": _unhtml(text.get("text")) or None,
            "confidence": extra.get("confidence"),
            **{k: extra.get(k) for k in _EXTRA_FIELDS},
        })
    df = pd.DataFrame(rows, columns=["event_id", "label", "start", "end", "precision", "edtf",
                                     "timex", "category", "actors", "places", "sentence",
                                     "confidence", *_EXTRA_FIELDS])
    title = obj.get("title")
    if isinstance(title, dict) and isinstance(title.get("text"), dict):
        headline = _unhtml(title["text"].get("headline"))
        credit = _unhtml(title["text"].get("text"))
        if credit.startswith("Source: "):
            df["source"] = credit[len("Source: "):]
        out = validate_events(df, what="TimelineJS JSON")
        out.attrs["title"] = headline or None
        return out
    return validate_events(df, what="TimelineJS JSON")


def write_timelinejs(events: pd.DataFrame, path: str | os.PathLike[str], *,
                     title: str | None = None, source: str | None = None) -> Path:
    """Write :func:`to_timelinejs` as JSON (atomically)."""
    payload = json.dumps(to_timelinejs(events, title=title, source=source),
                         ensure_ascii=False, indent=1)
    with atomic_write(path, "w") as fh:
        fh.write(payload + "\n")
    return Path(path)


# --------------------------------------------------------------- dispatch --


def _format_for(path: str | os.PathLike[str], fmt: str | None) -> str:
    chosen = (fmt or Path(path).suffix[1:]).lower()
    chosen = {"jpg": "jpeg", "htm": "html", "tljs": "timelinejs"}.get(chosen, chosen)
    if chosen not in EXPORT_FORMATS:
        raise ExportError(
            f"{Path(path).name}: unknown export format {chosen or '(no extension)'!r}; "
            f"use one of {', '.join(EXPORT_FORMATS)}"
        )
    return chosen


def export_events(
    events: EventsOrFigure,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    **opts: Any,
) -> Path:
    """Export by format (``fmt``) or by the extension of ``path``.

    png/svg/pdf/jpeg/webp -> :func:`write_image` (width, height, scale, theme,
    title, source, published); html -> :func:`write_html` (theme, title, source,
    published, embed, plotlyjs); csv/json/parquet -> the events table;
    timelinejs -> :func:`write_timelinejs` (title, source). Options that do not
    apply to the format, and options set to ``None``, are ignored, so a CLI can
    pass all its flags through.
    """
    chosen = _format_for(path, fmt)
    given = {k: v for k, v in opts.items() if v is not None}
    try:
        if chosen in IMAGE_FORMATS:
            keep: tuple[str, ...] = ("width", "height", "scale", "theme", "title", "source",
                                     "published", "lane_by", "selected")
            return write_image(events, path, format=chosen,
                               **{k: v for k, v in given.items() if k in keep})
        if chosen == "html":
            keep = ("theme", "title", "source", "published", "embed", "plotlyjs", "lane_by",
                    "selected", "width", "height", "events_list")
            return write_html(events, path, **{k: v for k, v in given.items() if k in keep})
        if isinstance(events, go.Figure):
            raise ExportError(f"a figure cannot be written as {chosen}; export the events table")
        if chosen == "timelinejs":
            keep = ("title", "source")
            return write_timelinejs(events, path, **{k: v for k, v in given.items() if k in keep})
        if not isinstance(events, pd.DataFrame):
            raise ExportError("give an events table to export")
        table = events if all(c in events.columns for c in COLUMNS) else validate_events(events)
        target = Path(path)
        if target.suffix.lower() != f".{chosen}":
            raise ExportError(f"{target.name}: write {chosen} to a .{chosen} file")
        return write_events(table, target)
    except TimelineError:
        raise
    except OSError as err:
        raise ExportError(f"{path}: cannot write it ({err.strerror or err})") from None
