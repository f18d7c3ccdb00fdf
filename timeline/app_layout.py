"""The dashboard's components: ids and layout builders. They build; they load nothing.

All text from an article or a table goes in as component children or attributes,
which Dash escapes; nothing here uses ``dangerously_allow_html`` or markdown.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import pandas as pd
from dash import dcc, html

from timeline.app_logic import (
    EDITABLE_COLUMNS,
    LANE_KINDS,
    TABLE_COLUMNS,
    Dataset,
    count_text,
    lane_values,
)
from timeline.schema import CATEGORIES, PRECISIONS

# ------------------------------------------------------------------- ids --
ROOT = "tl-root"
THEME = "tl-theme"
DATA = "tl-data"  # which dataset: {"kind": "initial"} or an uploaded one
EDITS = "tl-edits"  # {event_id: {column: value}}
SELECTED = "tl-selected"  # event_id or None
HIGHLIGHT = "tl-highlight"  # {"start": int, "end": int} of the selected sentence
HIGHLIGHT_DONE = "tl-highlight-done"  # output of the clientside highlighter
FIGURE_KEY = "tl-figure-key"  # what the figure on the page was drawn from (see app._figure)
HEADER_TITLE = "tl-title"
HEADER_META = "tl-meta"
GRAPH = "tl-graph"
COUNT = "tl-count"
LANE_BY = "tl-lane-by"
LANES = "tl-lanes"
SEARCH = "tl-search"
PRECISION = "tl-precision"
DATES = "tl-dates"
DATE_FROM = "tl-date-from"
DATE_TO = "tl-date-to"
ARTICLE = "tl-article"
DETAILS = "tl-details"
TABLE = "tl-table"
EDIT_ALERT = "tl-edit-alert"
UPLOAD = "tl-upload"
PUBLISHED = "tl-published"
UPLOAD_ALERT = "tl-upload-alert"
EXPORT_PNG = "tl-export-png"
EXPORT_HTML = "tl-export-html"
EXPORT_CSV = "tl-export-csv"
EXPORT_JSON = "tl-export-json"
EXPORT_ALERT = "tl-export-alert"
DOWNLOAD = "tl-download"
TIMEX = "tl-timex"  # pattern-matching type of the marked expressions

PAGE_SIZE = 25
LANE_LABELS = {"category": "Category", "actors": "Actor", "places": "Place"}


def _aria(label: str) -> dict[str, Any]:
    return {"aria-label": label}


def _attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """``data-*``/``aria-*`` props (Dash takes them as keywords; typed as Any for mypy)."""
    return attrs


def alert(id_: str) -> html.Div:
    """An alert region (empty, hence hidden by CSS, until a callback fills it)."""
    return html.Div(
        id=id_, role="alert", className="tl-alert", **_attrs({"aria-live": "assertive"})
    )


def header_texts(dataset: Dataset) -> tuple[str, str]:
    """The page heading and the line under it."""
    art = dataset.article
    title = (
        (art.title if art else None) or (art.doc_id if art else None) or dataset.name or "Timeline"
    )
    bits = []
    if art and art.source:
        bits.append(art.source)
    if art and art.published:
        bits.append(f"published {art.published.isoformat()}")
    if not art:
        bits.append("events table (no article text)")
    bits.append(f"{len(dataset.events):,} events")
    return title, " · ".join(bits)


def lane_options(events: pd.DataFrame, lane_by: str) -> list[dict[str, str]]:
    return [{"label": f"{v} ({n:,})", "value": v} for v, n in lane_values(events, lane_by)]


def date_bounds(events: pd.DataFrame) -> tuple[str | None, str | None]:
    start, end = events["start"].min(), events["end"].max()
    iso = lambda t: None if pd.isna(t) else t.date().isoformat()  # noqa: E731
    return iso(start), iso(end)


# ---------------------------------------------------------------- article --


def _segments(text: str, cuts: set[int]) -> list[tuple[int, int]]:
    points = sorted(p for p in cuts | {0, len(text)} if 0 <= p <= len(text))
    return [(a, b) for a, b in zip(points, points[1:], strict=False) if b > a]


def article_view(
    text: str | None,
    timexes: Sequence[Any],
    spans: Sequence[tuple[int, int]],
) -> list[Any]:
    """The article as paragraphs; expressions in ``html.Mark``, evidence text in spans.

    Every piece of an evidence span carries ``data-s``/``data-e`` (its character
    offsets) so the browser can highlight the selected event's sentence; a mark's id
    holds its offsets so a click finds the event that contains it.
    """
    if not text:
        return [
            html.P(
                "This timeline was loaded from a table: there is no article text. "
                "Each event's sentence is in its details and in the table.",
                className="tl-muted",
            )
        ]
    n = len(text)
    marks = sorted(
        {(int(t.start), int(t.end)): t for t in timexes if 0 <= t.start < t.end <= n}.values(),
        key=lambda t: (t.start, -t.end),  # the longest expression wins a tie
    )
    # overlapping marks cannot nest: keep the first of any overlap
    kept, last_end = [], -1
    for t in marks:
        if t.start >= last_end:
            kept.append(t)
            last_end = t.end
    ev = [(s, e) for s, e in spans if 0 <= s < e <= n]
    cuts = {p for t in kept for p in (t.start, t.end)} | {p for s, e in ev for p in (s, e)}
    cuts |= {i for i, ch in enumerate(text) if ch == "\n"} | {
        i + 1 for i, ch in enumerate(text) if ch == "\n"
    }
    ev_sorted = sorted(ev)

    def covered(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in ev_sorted if s <= a)

    paragraphs: list[Any] = []
    current: list[Any] = []
    mark_i = 0
    open_mark: tuple[Any, list[Any]] | None = None

    def close_mark() -> None:
        nonlocal open_mark
        if open_mark is not None:
            t, kids = open_mark
            current.append(
                html.Mark(
                    kids,
                    id={"type": TIMEX, "index": f"{t.start}-{t.end}"},
                    n_clicks=0,
                    className="tl-timex",
                    tabIndex="0",
                    role="button",
                    title=f"{t.type} {t.value}"
                    + (f" ({t.edtf})" if getattr(t, "edtf", None) else ""),
                    **_aria(f"{t.text}: select the event dated by it"),
                )
            )
            open_mark = None

    for a, b in _segments(text, cuts):
        piece = text[a:b]
        if piece == "\n":
            close_mark()
            if current:
                paragraphs.append(html.P(current))
            current = []
            continue
        while mark_i < len(kept) and kept[mark_i].end <= a:
            mark_i += 1
        t = kept[mark_i] if mark_i < len(kept) and kept[mark_i].start <= a else None
        node: Any = (
            html.Span(piece, className="tl-ev", **_attrs({"data-s": str(a), "data-e": str(b)}))
            if covered(a, b)
            else piece
        )
        if open_mark is not None and (t is None or t is not open_mark[0]):
            close_mark()
        if t is not None:
            if open_mark is None:
                open_mark = (t, [])
            open_mark[1].append(node)
        else:
            current.append(node)
    close_mark()
    if current:
        paragraphs.append(html.P(current))
    return paragraphs


# ---------------------------------------------------------------- details --


def details_view(rec: dict[str, Any] | None) -> list[Any]:
    """The provenance of one event (label, window, EDTF, expression, anchor, sentence)."""
    if rec is None:
        return [
            html.P(
                "Click an event on the timeline, a highlighted expression in the "
                "article, or a row of the table to see where its date comes from.",
                className="tl-muted",
            )
        ]
    window = rec.get("start") or "undated"
    if rec.get("end") and rec.get("end") != rec.get("start"):
        window = f"{rec['start']} – {rec['end']}"
    anchor = "the publication date" if rec.get("timex") and not rec.get("anchor_event") else None
    if rec.get("anchor_event"):
        anchor = f"{rec['anchor_event']}" + (f" · {rec['relation']}" if rec.get("relation") else "")
    elif rec.get("relation"):
        anchor = str(rec["relation"])
    conf = rec.get("confidence")
    rows = [
        ("When", window),
        ("EDTF", rec.get("edtf") or "—"),
        ("Precision", rec.get("precision") or "—"),
        ("Expression", rec.get("timex") or "none: the date is inherited from the narrative"),
        ("Anchor", anchor or "—"),
        ("Category", rec.get("category") or "—"),
        ("Actors", "; ".join(rec.get("actors") or []) or "—"),
        ("Places", "; ".join(rec.get("places") or []) or "—"),
        ("Confidence", f"{conf:.2f}" if isinstance(conf, int | float) else "—"),
        ("Source", rec.get("source") or rec.get("doc_id") or "—"),
        ("Event id", rec.get("event_id") or "—"),
    ]
    items: list[Any] = []
    for key, value in rows:
        items += [html.Dt(key), html.Dd(str(value))]
    out: list[Any] = [
        html.H3(str(rec.get("label") or ""), className="tl-details-label"),
        html.Dl(items),
    ]
    if rec.get("sentence"):
        out.append(
            html.Figure(
                [
                    html.Figcaption("Evidence sentence"),
                    html.Blockquote(str(rec["sentence"]), className="tl-sentence"),
                ]
            )
        )
    return out


def unmatched_view(phrase: str) -> list[Any]:
    """The details panel for a marked expression that no event hangs on."""
    return [
        html.P(
            f"No event is dated by \u201c{phrase}\u201d: nothing in the table hangs on it.",
            className="tl-muted",
        )
    ]


# ------------------------------------------------------------------ table --


def events_table(page_size: int = PAGE_SIZE) -> Any:
    """The sortable, editable, server-paged events table (the accessible view)."""
    from dash import dash_table

    names = {
        "label": "Event",
        "start": "Start",
        "end": "End",
        "precision": "Precision",
        "edtf": "EDTF",
        "timex": "Expression",
        "category": "Category",
        "actors": "Actors",
        "places": "Places",
        "confidence": "Confidence",
        "relation": "Relation",
        "sentence": "Sentence",
        "event_id": "Id",
    }
    columns = []
    for c in TABLE_COLUMNS:
        col: dict[str, Any] = {"name": names[c], "id": c, "editable": c in EDITABLE_COLUMNS}
        if c == "confidence":
            col["type"] = "numeric"
        if c in ("precision", "category"):
            col["presentation"] = "dropdown"
        columns.append(col)
    with warnings.catch_warnings():
        # DataTable still ships with dash 4 and is what the brief asks for; its
        # deprecation notice (pointing at dash-ag-grid) is not news to us.
        warnings.simplefilter("ignore", DeprecationWarning)
        return dash_table.DataTable(  # type: ignore[attr-defined]
            id=TABLE,
            columns=columns,
            data=[],
            editable=True,
            page_action="custom",
            page_current=0,
            page_size=page_size,
            page_count=1,
            sort_action="custom",
            sort_mode="single",
            sort_by=[],
            dropdown={
                "precision": {
                    "options": [{"label": p, "value": p} for p in PRECISIONS],
                    "clearable": False,
                },
                "category": {
                    "options": [{"label": c, "value": c} for c in CATEGORIES],
                    "clearable": False,
                },
            },
            markdown_options={"html": False},
            style_table={"overflowX": "auto"},
            style_cell={
                "textAlign": "left",
                "whiteSpace": "normal",
                "height": "auto",
                "maxWidth": "28rem",
                "minWidth": "4rem",
                "fontSize": "0.85rem",
                "padding": "4px 6px",
                "backgroundColor": "var(--bg)",
                "color": "var(--fg)",
            },
            style_header={"backgroundColor": "var(--panel)", "fontWeight": 600},
            style_cell_conditional=[
                {"if": {"column_id": "sentence"}, "minWidth": "22rem"},
                {"if": {"column_id": "label"}, "minWidth": "12rem"},
                {
                    "if": {"column_id": ["start", "end"]},
                    "minWidth": "6.2rem",
                    "whiteSpace": "nowrap",
                },
                {"if": {"column_id": "edtf"}, "minWidth": "9rem"},
                {"if": {"column_id": "event_id"}, "fontSize": "0.75rem", "color": "var(--muted)"},
            ],
            style_data_conditional=[
                {
                    "if": {"state": "active"},
                    "backgroundColor": "var(--panel)",
                    "border": "1px solid var(--accent)",
                },
                {
                    "if": {"state": "selected"},
                    "backgroundColor": "var(--panel)",
                    "border": "1px solid var(--accent)",
                },
            ],
            css=[{"selector": ".dash-spreadsheet-menu", "rule": "display: none"}],
            tooltip_delay=None,
        )


# ----------------------------------------------------------------- layout --


def _field(label: str, for_id: str, control: Any, cls: str = "") -> html.Div:
    return html.Div(
        [html.Label(label, htmlFor=for_id), control], className=f"tl-field {cls}".strip()
    )


def filters_view(dataset: Dataset) -> html.Section:
    lo, hi = date_bounds(dataset.events)
    return html.Section(
        [
            html.Fieldset(
                [
                    html.Legend("Lanes by"),
                    dcc.RadioItems(
                        id=LANE_BY,
                        options=[{"label": LANE_LABELS[k], "value": k} for k in LANE_KINDS],
                        value="category",
                        inline=True,
                        className="tl-radio",
                    ),
                ],
                className="tl-field",
            ),
            _field(
                "Show lanes",
                LANES,
                dcc.Dropdown(
                    id=LANES,
                    options=lane_options(dataset.events, "category"),
                    value=[],
                    multi=True,
                    placeholder="All lanes",
                    searchable=True,
                    clearable=True,
                ),
                "tl-grow",
            ),
            _field(
                "Search",
                SEARCH,
                dcc.Input(
                    id=SEARCH,
                    type="search",
                    value="",
                    debounce=0.3,
                    placeholder="word in label or sentence",
                    autoComplete="off",
                ),
            ),
            html.Fieldset(
                [
                    html.Legend("Precision"),
                    dcc.Checklist(
                        id=PRECISION,
                        options=[{"label": p, "value": p} for p in PRECISIONS],
                        value=list(PRECISIONS),
                        inline=True,
                        className="tl-checks",
                    ),
                ],
                className="tl-field",
            ),
            _field(
                "Dates",
                DATE_FROM,
                dcc.DatePickerRange(
                    id=DATES,
                    start_date_id=DATE_FROM,
                    end_date_id=DATE_TO,
                    min_date_allowed=lo,
                    max_date_allowed=hi,
                    initial_visible_month=hi,
                    display_format="YYYY-MM-DD",
                    clearable=True,
                    start_date_placeholder_text="from date",
                    end_date_placeholder_text="to date",
                ),
            ),
            html.Output(
                count_text(len(dataset.events), len(dataset.events)),
                id=COUNT,
                className="tl-count",
                **_attrs({"aria-live": "polite"}),
            ),
        ],
        className="tl-filters",
        **_attrs({"aria-label": "Filters"}),
    )


def header_view(dataset: Dataset) -> html.Header:
    title, meta = header_texts(dataset)
    return html.Header(
        [
            html.Div(
                [
                    html.H1(title, id=HEADER_TITLE),
                    html.P(meta, id=HEADER_META, className="tl-muted"),
                ],
                className="tl-heading",
            ),
            html.Div(
                [
                    html.Fieldset(
                        [
                            html.Legend("Theme"),
                            dcc.RadioItems(
                                id=THEME,
                                options=[
                                    {"label": "Light", "value": "light"},
                                    {"label": "Dark", "value": "dark"},
                                ],
                                value="light",
                                inline=True,
                                className="tl-radio",
                            ),
                        ],
                        className="tl-field",
                    ),
                    html.Div(
                        [
                            _field(
                                "Publication date",
                                PUBLISHED,
                                dcc.Input(
                                    id=PUBLISHED,
                                    type="text",
                                    placeholder="YYYY-MM-DD",
                                    debounce=False,  # typed, then a file dropped: no blur needed
                                    autoComplete="off",
                                ),
                            ),
                            dcc.Upload(
                                id=UPLOAD,
                                children=html.Div(
                                    [
                                        "Load an article or events table: drop it here or ",
                                        html.Span("choose a file", className="tl-link"),
                                    ]
                                ),
                                accept=".txt,.md,.html,.htm,.csv,.json,.parquet",
                                max_size=20 * 1024 * 1024,
                                className="tl-upload",
                                className_active="tl-upload tl-upload-active",
                            ),
                            html.Span(
                                "Articles need their publication date to resolve "
                                "\u201clast week\u201d; tables do not.",
                                id="tl-upload-help",
                                className="tl-muted tl-small",
                            ),
                        ],
                        className="tl-load",
                    ),
                ],
                className="tl-tools",
            ),
            alert(UPLOAD_ALERT),
        ],
        className="tl-header",
    )


EXPORTS = (
    ("PNG", EXPORT_PNG, "Download the timeline as a PNG image"),
    ("HTML", EXPORT_HTML, "Download the timeline as an HTML page"),
    ("CSV", EXPORT_CSV, "Download the events shown as CSV"),
    ("JSON", EXPORT_JSON, "Download the events shown as JSON"),
)


def table_section() -> html.Section:
    """Export buttons, the edit help and alerts, and the events table."""
    buttons = [
        html.Button(text, id=id_, n_clicks=0, **_aria(label)) for text, id_, label in EXPORTS
    ]
    return html.Section(
        [
            html.Div(
                [
                    html.H2("Events"),
                    html.Div(
                        [html.Span("Download:", className="tl-muted"), *buttons],
                        className="tl-exports",
                    ),
                ],
                className="tl-table-head",
            ),
            html.P(
                "Edit a cell to correct an event (dates as YYYY-MM-DD, actors and "
                "places separated by ;). Sort by clicking a column name.",
                className="tl-muted tl-small",
            ),
            alert(EXPORT_ALERT),
            alert(EDIT_ALERT),
            events_table(),
        ],
        className="tl-table-box",
        **_aria("Events table"),
    )


def layout(dataset: Dataset, article_children: list[Any]) -> html.Div:
    """The whole page for ``dataset``; ``article_children`` from :func:`article_view`."""
    graph = dcc.Graph(
        id=GRAPH,
        config={
            "displaylogo": False,
            "responsive": True,
            "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        },
        className="tl-graph",
    )
    article = html.Section(
        [html.H2("Article"), html.Div(article_children, id=ARTICLE, className="tl-article")],
        className="tl-article-box",
        **_aria("Article"),
    )
    details = html.Aside(
        [
            html.H2("Selected event"),
            html.Div(
                details_view(None),
                id=DETAILS,
                className="tl-details",
                **_attrs({"aria-live": "polite"}),
            ),
        ],
        className="tl-details-box",
        **_aria("Selected event"),
    )
    return html.Div(
        [
            dcc.Store(id=DATA, data={"kind": "initial"}),
            dcc.Store(id=EDITS, data={}),
            dcc.Store(id=SELECTED, data=None),
            dcc.Store(id=HIGHLIGHT, data=None),
            dcc.Store(id=HIGHLIGHT_DONE, data=None),
            dcc.Store(id=FIGURE_KEY, data=None),
            dcc.Download(id=DOWNLOAD),
            header_view(dataset),
            filters_view(dataset),
            html.Main(
                [
                    html.Section(graph, className="tl-chart", **_aria("Timeline chart")),
                    html.Div([article, details], className="tl-lower"),
                    table_section(),
                ],
                className="tl-main",
            ),
        ],
        id=ROOT,
        className="tl-root tl-theme-light",
    )
