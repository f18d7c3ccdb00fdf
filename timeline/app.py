"""The dashboard: ``create_app(events, article) -> dash.Dash``.

State lives in the browser (``dcc.Store``: which dataset, the user's edits, the
selected event); callbacks recompute from it with :mod:`timeline.app_logic` and never
touch module globals, so gunicorn workers that share nothing serve the same page::

    gunicorn -w 2 -b 127.0.0.1:8050 timeline.app:server --no-control-socket

``server`` is built on first access from ``TIMELINE_SOURCE`` (an article or events
file; the bundled seed when unset) and ``TIMELINE_PUBLISHED`` (YYYY-MM-DD), so
``import timeline.app`` stays cheap.
"""

from __future__ import annotations

import functools
import html as html_lib
import logging
import os
import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from timeline import app_layout as ids
from timeline.app_layout import (
    PAGE_SIZE,
    article_view,
    date_bounds,
    details_view,
    header_texts,
    lane_options,
    layout,
    unmatched_view,
)
from timeline.app_logic import (
    Dataset,
    apply_edits,
    count_text,
    dataset_from_store,
    dataset_to_store,
    diff_table_rows,
    event_for_span,
    event_record,
    events_csv_bytes,
    events_json_bytes,
    export_name,
    filter_events,
    load_uploaded,
    merge_edits,
    table_page,
    table_rows,
    user_message,
)
from timeline.errors import MissingPublicationDateError, TimelineError
from timeline.io import Article, assets_dir
from timeline.schema import validate_events

if TYPE_CHECKING:
    import dash
    import flask
    import plotly.graph_objects as go

    server: flask.Flask  # built on first access by __getattr__ below

__all__ = ["create_app", "server"]

log = logging.getLogger(__name__)


# ------------------------------------------------------------ pure steps --


def tag_article(article: Article | None) -> list[Any]:
    """The article's time expressions, or none when they cannot be found."""
    if article is None or not article.text:
        return []
    try:
        from timeline.temporal import tag

        return list(tag(article.text, article.published))
    except (NotImplementedError, TimelineError) as err:
        log.info("no time expressions marked: %s", err)
        return []
    except Exception:  # a tagger bug must not take the article (or the page) down
        log.exception("the temporal tagger failed; the article is shown without marks")
        return []


def render_article(dataset: Dataset) -> list[Any]:
    art = dataset.article
    ev = dataset.events
    spans = [
        (int(s), int(e))
        for s, e in zip(ev["char_start"], ev["char_end"], strict=True)
        if not (pd.isna(s) or pd.isna(e))
    ]
    return article_view(art.text if art else None, tag_article(art), spans)


def current(initial: Dataset, data: dict | None, edits: dict | None) -> Dataset:
    """The dataset the page shows, with the user's (already validated) edits applied."""
    ds = dataset_from_store(initial, data)
    if not edits:
        return ds
    try:
        events = apply_edits(ds.events, edits)
    except TimelineError:  # edits are checked before they are stored; stale ones are dropped
        return ds
    return Dataset(events=events, article=ds.article, version=ds.version, name=ds.name)


def make_figure(
    dataset: Dataset, events: pd.DataFrame, *, lane_by: str, theme: str, selected: str | None
) -> go.Figure:
    import plotly.graph_objects as go

    from timeline.figure import build_figure

    art = dataset.article
    fig = build_figure(
        events,
        lane_by=lane_by,
        theme=theme,
        source=(art.source if art else None) or dataset.name,
        published=art.published if art else None,
        selected=selected,
    )
    # keep the user's zoom across filter changes; reset it when another dataset loads
    fig.update_layout(uirevision=f"{dataset.version}:{lane_by}")
    if is_large(fig) and not (fig.data and fig.data[-1].name == "selected"):
        # a large figure always ends with the selection trace (empty when nothing is
        # selected), so a new selection can replace that one trace in place
        fig.add_trace(go.Scatter(name="selected", showlegend=False, x=[], y=[], hoverinfo="skip"))
    return fig


def is_large(fig: Any) -> bool:
    """True for build_figure's WebGL view of many events (no per-event annotations)."""
    return any(getattr(t, "type", None) == "scattergl" for t in fig.data)


def figure_key(filters: dict[str, Any], theme: str, data: dict | None, edits: dict | None) -> str:
    """A short digest of everything but the selection that the figure is drawn from."""
    import hashlib
    import json

    what = [filters, theme, (data or {}).get("version"), edits or {}]
    return hashlib.sha1(json.dumps(what, sort_keys=True, default=str).encode()).hexdigest()[:16]


#: the selection of a marked expression that no event contains
UNMATCHED = "timex:"
COMPLETE_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
FILTERS = ("lane_by", "lanes", "search", "precisions", "date_from", "date_to")


def _shown(
    initial: Dataset, filters: dict[str, Any], data: dict | None, edits: dict | None
) -> tuple[Dataset, pd.DataFrame]:
    ds = current(initial, data, edits)
    chosen: dict[str, Any] = {k: filters.get(k) for k in FILTERS}
    return ds, filter_events(ds.events, **chosen)


def figure_view(
    initial: Dataset,
    filters: dict[str, Any],
    *,
    theme: str,
    data: dict | None,
    edits: dict | None,
    selected: str | None,
) -> dict[str, Any]:
    """The main filter callback: the figure and "12 of 40 events" for the controls given."""
    ds, shown = _shown(initial, filters, data, edits)
    lane_by = filters.get("lane_by") or "category"
    return {
        "figure": make_figure(ds, shown, lane_by=lane_by, theme=theme, selected=selected),
        "count": count_text(len(shown), len(ds.events)),
    }


def table_view(
    initial: Dataset,
    filters: dict[str, Any],
    *,
    data: dict | None,
    edits: dict | None,
    page_current: int | None,
    sort_by: list[dict] | None,
    keep_page: bool = False,
) -> dict[str, Any]:
    """One page of the events table for the same filters (only that page is sent)."""
    _, shown = _shown(initial, filters, data, edits)
    page = page_current if keep_page else 0
    rows, pages = table_page(shown, page, PAGE_SIZE, sort_by)
    return {"rows": rows, "page_count": pages, "page_current": min(max(page or 0, 0), pages - 1)}


def update_view(
    initial: Dataset,
    *,
    theme: str = "light",
    data: dict | None = None,
    edits: dict | None = None,
    selected: str | None = None,
    page_current: int | None = 0,
    sort_by: list[dict] | None = None,
    **filters: Any,
) -> dict[str, Any]:
    """Both views at once (what a filter change costs the server)."""
    out = figure_view(initial, filters, theme=theme, data=data, edits=edits, selected=selected)
    out.update(
        table_view(
            initial, filters, data=data, edits=edits, page_current=page_current, sort_by=sort_by
        )
    )
    return out


def select_event(
    initial: Dataset,
    *,
    trigger: Any,
    click_data: dict | None,
    active_cell: dict | None,
    timex_clicks: int | None,
    data: dict | None,
    edits: dict | None,
) -> str | None:
    """The event a click selects; raise ``LookupError`` when the click selects nothing."""
    if trigger == ids.GRAPH:
        for point in (click_data or {}).get("points", []):
            cd = point.get("customdata")
            if isinstance(cd, list | tuple) and cd and cd[0]:
                return str(cd[0])
            if isinstance(cd, str) and cd:
                return cd
        raise LookupError("no event under the click")
    if trigger == ids.TABLE:
        row_id = (active_cell or {}).get("row_id")
        if row_id:
            return str(row_id)
        raise LookupError("no row")
    if isinstance(trigger, dict) and trigger.get("type") == ids.TIMEX:
        if not timex_clicks:
            raise LookupError("marks were (re)drawn, not clicked")
        start, end = (int(x) for x in str(trigger["index"]).split("-"))
        ds = current(initial, data, edits)
        text = ds.article.text[start:end] if ds.article else None
        found = event_for_span(ds.events, start, end, text)
        # an expression no event hangs on is still worth saying so in the details panel
        return found if found is not None else f"{UNMATCHED}{start}-{end}"
    raise LookupError("not a selecting click")


def load_outputs(
    contents: str | None, filename: str | None, published: str | None
) -> dict[str, Any]:
    """The upload callback: a new dataset for the page, or only an alert.

    On any failure the result holds just ``alert`` (what to fix): the current
    timeline stays as it is. Nothing at all happens before a file is chosen.
    """
    if not contents:
        return {}
    try:
        ds = load_uploaded(contents, filename, published)
    except MissingPublicationDateError as err:
        # the extractor speaks to the CLI (--published); here the fix is the date box
        what = str(err).split(";")[0]
        return {
            "alert": f"{filename}: {what}; enter its publication date (YYYY-MM-DD) "
            "in the box above and the article loads again"
        }
    except Exception as err:  # noqa: BLE001 - the page must survive any bad file
        if not isinstance(err, TimelineError):
            log.exception("loading %s failed", filename)
        return {"alert": user_message(err, f"loading {filename}")}
    store = dataset_to_store(ds.events, ds.article, filename or "upload")
    ds = Dataset(events=ds.events, article=ds.article, version=store["version"], name=filename)
    title, meta = header_texts(ds)
    lo, hi = date_bounds(ds.events)
    return {
        "store": store,
        "edits": {},
        "selected": None,
        "alert": "",
        "article": render_article(ds),
        "title": title,
        "meta": meta,
        "min_date": lo,
        "max_date": hi,
        "month": hi,
        "start_date": None,
        "end_date": None,
    }


def show_details(
    initial: Dataset, selected: str | None, data: dict | None, edits: dict | None
) -> tuple[list[Any], dict | None]:
    """The details panel and the span to highlight in the article."""
    ds = current(initial, data, edits)
    events = ds.events
    if selected and selected.startswith(UNMATCHED) and ds.article is not None:
        start, end = (int(x) for x in selected[len(UNMATCHED) :].split("-"))
        return unmatched_view(ds.article.text[start:end]), {
            "start": start,
            "end": end,
            "event_id": None,
        }
    rec = event_record(events, selected)
    if rec and rec.get("anchor_event"):
        anchor = event_record(events, rec["anchor_event"])
        if anchor:  # name the event the date hangs on, not its id
            rec["anchor_event"] = f"{anchor['label']} ({anchor.get('edtf') or anchor.get('start')})"
    span = None
    if rec and rec.get("char_start") is not None and rec.get("char_end") is not None:
        span = {"start": rec["char_start"], "end": rec["char_end"], "event_id": rec["event_id"]}
    return details_view(rec), span


def edit_table(
    initial: Dataset, rows: list[dict] | None, data: dict | None, edits: dict | None
) -> tuple[dict | None, str, list[dict] | None]:
    """Validate a table edit: (new edits or ``None`` if unchanged, alert text, rows to restore).

    An invalid edit is not stored: the alert says why and the page's rows are restored.
    """
    ds = current(initial, data, edits)
    changes = diff_table_rows(ds.events, rows or [])
    if not changes:
        return None, "", None
    candidate = merge_edits(edits, changes)
    base = dataset_from_store(initial, data)
    try:
        apply_edits(base.events, candidate)
    except TimelineError as err:
        ids_on_page = [r.get("event_id") for r in rows or []]
        by_id = {
            r["event_id"]: r for r in table_rows(ds.events[ds.events["event_id"].isin(ids_on_page)])
        }
        restored = [by_id.get(r.get("event_id"), r) for r in rows or []]
        return None, f"Edit not applied: {user_message(err, 'the edit')}", restored
    return candidate, "", None


def export_file(
    initial: Dataset,
    kind: str,
    *,
    filters: dict[str, Any],
    theme: str,
    data: dict | None,
    edits: dict | None,
) -> dict[str, Any]:
    """A ``dcc.Download`` payload of what is shown (filters applied) as png/html/csv/json."""
    import base64

    ds = current(initial, data, edits)
    shown = filter_events(ds.events, **filters)
    name = export_name(ds, kind)
    if kind == "csv":
        return {
            "content": events_csv_bytes(shown).decode("utf-8"),
            "filename": name,
            "type": "text/csv",
        }
    if kind == "json":
        return {
            "content": events_json_bytes(shown).decode("utf-8"),
            "filename": name,
            "type": "application/json",
        }
    from timeline import export

    art = ds.article
    opts: dict[str, Any] = dict(
        title=(art.title if art else None) or ds.name,
        source=(art.source if art else None) or ds.name,
        published=art.published if art else None,
        theme=theme,
        lane_by=filters.get("lane_by") or "category",
    )
    if kind == "html":
        return {"content": export.to_html(shown, **opts), "filename": name, "type": "text/html"}
    if kind == "png":
        png = export.to_image(shown, format="png", **opts)
        return {
            "content": base64.b64encode(png).decode("ascii"),
            "filename": name,
            "base64": True,
            "type": "image/png",
        }
    raise ValueError(kind)


# ------------------------------------------------------------------- app --


def _initial_dataset(
    events: pd.DataFrame | None, article: Article | None, title: str | None
) -> Dataset:
    if events is None:
        if article is not None:
            from timeline.events import extract

            events = extract(article)
        else:
            from timeline.sources import load_source

            events, article = load_source(None)
    events = validate_events(events)
    name = title
    if name is None and article is None:  # a table: name it by its one source, if it has one
        sources = events["source"].dropna().unique()
        name = str(sources[0]) if len(sources) == 1 else None
    return Dataset(events=events, article=article, version="initial", name=name)


def page_title(dataset: Dataset, title: str | None) -> str:
    """The browser tab's title, escaped: Dash writes it into <title> as is."""
    heading = title or header_texts(dataset)[0]
    text = "timeline" if heading.strip().lower() == "timeline" else f"{heading} · timeline"
    return html_lib.escape(text, quote=False)


def create_app(
    events: pd.DataFrame | None = None,
    article: Article | None = None,
    *,
    title: str | None = None,
) -> dash.Dash:
    """A Dash app showing ``events`` (and ``article`` beside them); the seed by default.

    >>> app = create_app()                      # doctest: +SKIP
    >>> app.run(host="127.0.0.1", port=8050)    # doctest: +SKIP
    """
    import dash

    import timeline.figure  # noqa: F401 - pay for importing plotly now, not in the first request

    initial = _initial_dataset(events, article, title)
    app = dash.Dash(
        __name__,
        assets_folder=str(assets_dir()),
        title=page_title(initial, title),
        update_title="",  # no "Updating..." flicker in the tab
        serve_locally=True,
    )
    app.layout = layout(initial, render_article(initial))
    if title:
        app.layout[ids.HEADER_TITLE].children = title
    _register(app, initial)
    return app


def _register(app: dash.Dash, initial: Dataset) -> None:
    from dash import ALL, ClientsideFunction, Input, Output, Patch, State, ctx, no_update

    filter_inputs = [
        Input(ids.LANE_BY, "value"),
        Input(ids.LANES, "value"),
        Input(ids.SEARCH, "value"),
        Input(ids.PRECISION, "value"),
        Input(ids.DATES, "start_date"),
        Input(ids.DATES, "end_date"),
    ]

    # the figure and the table are separate callbacks: selecting an event (a click on a
    # cell) must not put the table in its loading state, which cancels the cell's editor
    @app.callback(
        Output(ids.GRAPH, "figure"),
        Output(ids.COUNT, "children"),
        Output(ids.FIGURE_KEY, "data"),
        *filter_inputs,
        Input(ids.THEME, "value"),
        Input(ids.DATA, "data"),
        Input(ids.EDITS, "data"),
        Input(ids.SELECTED, "data"),
        State(ids.FIGURE_KEY, "data"),
    )
    def _figure(
        lane_by,
        lanes,
        search,
        precisions,
        date_from,
        date_to,
        theme,
        data,
        edits,
        selected,
        drawn_key,
    ):
        filters = dict(
            zip(FILTERS, (lane_by, lanes, search, precisions, date_from, date_to), strict=True)
        )
        out = figure_view(initial, filters, theme=theme, data=data, edits=edits, selected=selected)
        key = figure_key(filters, theme, data, edits)
        fig = out["figure"]
        if ctx.triggered_id == ids.SELECTED and drawn_key == key and is_large(fig):
            # the page already shows these points: send the selection outline only
            # (100,000 points are megabytes; the outline is one marker)
            patch = Patch()
            patch["data"][len(fig.data) - 1] = fig.data[-1].to_plotly_json()
            return patch, out["count"], key
        return fig, out["count"], key

    @app.callback(
        Output(ids.TABLE, "data"),
        Output(ids.TABLE, "page_count"),
        Output(ids.TABLE, "page_current"),
        *filter_inputs,
        Input(ids.DATA, "data"),
        Input(ids.EDITS, "data"),
        Input(ids.TABLE, "page_current"),
        Input(ids.TABLE, "sort_by"),
    )
    def _table(lane_by, lanes, search, precisions, date_from, date_to, data, edits, page, sort_by):
        filters = dict(
            zip(FILTERS, (lane_by, lanes, search, precisions, date_from, date_to), strict=True)
        )
        fired = set(ctx.triggered_prop_ids or ())
        keep = bool(fired) and fired <= {f"{ids.TABLE}.page_current", f"{ids.EDITS}.data"}
        out = table_view(
            initial,
            filters,
            data=data,
            edits=edits,
            page_current=page,
            sort_by=sort_by,
            keep_page=keep,
        )
        return out["rows"], out["page_count"], out["page_current"]

    @app.callback(
        Output(ids.LANES, "options"),
        Output(ids.LANES, "value"),
        Input(ids.LANE_BY, "value"),
        Input(ids.DATA, "data"),
        Input(ids.EDITS, "data"),
        State(ids.LANES, "value"),
        prevent_initial_call=True,
    )
    def _lanes(lane_by, data, edits, chosen):
        opts = lane_options(current(initial, data, edits).events, lane_by)
        keep = ctx.triggered_id == ids.EDITS
        valid = {o["value"] for o in opts}
        return opts, [v for v in chosen or [] if v in valid] if keep else []

    @app.callback(
        Output(ids.DATA, "data"),
        Output(ids.EDITS, "data", allow_duplicate=True),
        Output(ids.SELECTED, "data", allow_duplicate=True),
        Output(ids.UPLOAD_ALERT, "children"),
        Output(ids.ARTICLE, "children"),
        Output(ids.HEADER_TITLE, "children"),
        Output(ids.HEADER_META, "children"),
        Output(ids.DATES, "min_date_allowed"),
        Output(ids.DATES, "max_date_allowed"),
        Output(ids.DATES, "initial_visible_month"),
        Output(ids.DATES, "start_date"),
        Output(ids.DATES, "end_date"),
        Input(ids.UPLOAD, "contents"),
        Input(ids.PUBLISHED, "value"),
        State(ids.UPLOAD, "filename"),
        prevent_initial_call=True,
    )
    def _load(contents, published, filename):
        typing_date = ctx.triggered_id == ids.PUBLISHED
        if typing_date and not (contents and COMPLETE_DATE.match(published or "")):
            return (no_update,) * 12  # wait for a whole date before loading again
        out = load_outputs(contents, filename, published)
        keys = (
            "store",
            "edits",
            "selected",
            "alert",
            "article",
            "title",
            "meta",
            "min_date",
            "max_date",
            "month",
            "start_date",
            "end_date",
        )
        return tuple(out.get(k, no_update) for k in keys)

    @app.callback(
        Output(ids.SELECTED, "data"),
        Input(ids.GRAPH, "clickData"),
        Input({"type": ids.TIMEX, "index": ALL}, "n_clicks"),
        Input(ids.TABLE, "active_cell"),
        State(ids.DATA, "data"),
        State(ids.EDITS, "data"),
        prevent_initial_call=True,
    )
    def _select(click_data, _timex_clicks, active_cell, data, edits):
        trig = ctx.triggered_id
        clicks = ctx.triggered[0].get("value") if ctx.triggered else None
        try:
            return select_event(
                initial,
                trigger=trig,
                click_data=click_data,
                active_cell=active_cell,
                timex_clicks=clicks,
                data=data,
                edits=edits,
            )
        except LookupError:
            return no_update

    @app.callback(
        Output(ids.DETAILS, "children"),
        Output(ids.HIGHLIGHT, "data"),
        Input(ids.SELECTED, "data"),
        Input(ids.EDITS, "data"),
        State(ids.DATA, "data"),
        prevent_initial_call=True,
    )
    def _details(selected, edits, data):
        return show_details(initial, selected, data, edits)

    app.clientside_callback(
        ClientsideFunction(namespace="timeline", function_name="highlight"),
        Output(ids.HIGHLIGHT_DONE, "data"),
        Input(ids.HIGHLIGHT, "data"),
        prevent_initial_call=True,
    )

    @app.callback(Output(ids.ROOT, "className"), Input(ids.THEME, "value"))
    def _theme(theme):
        return f"tl-root tl-theme-{'dark' if theme == 'dark' else 'light'}"

    @app.callback(
        Output(ids.EDITS, "data"),
        Output(ids.EDIT_ALERT, "children"),
        Output(ids.TABLE, "data", allow_duplicate=True),
        Input(ids.TABLE, "data_timestamp"),
        State(ids.TABLE, "data"),
        State(ids.DATA, "data"),
        State(ids.EDITS, "data"),
        prevent_initial_call=True,
    )
    def _edit(_ts, rows, data, edits):
        new_edits, message, restored = edit_table(initial, rows, data, edits)
        return (
            new_edits if new_edits is not None else no_update,
            message,
            restored if restored is not None else no_update,
        )

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Output(ids.EXPORT_ALERT, "children"),
        Input(ids.EXPORT_PNG, "n_clicks"),
        Input(ids.EXPORT_HTML, "n_clicks"),
        Input(ids.EXPORT_CSV, "n_clicks"),
        Input(ids.EXPORT_JSON, "n_clicks"),
        State(ids.LANE_BY, "value"),
        State(ids.LANES, "value"),
        State(ids.SEARCH, "value"),
        State(ids.PRECISION, "value"),
        State(ids.DATES, "start_date"),
        State(ids.DATES, "end_date"),
        State(ids.THEME, "value"),
        State(ids.DATA, "data"),
        State(ids.EDITS, "data"),
        prevent_initial_call=True,
    )
    def _export(
        _p, _h, _c, _j, lane_by, lanes, search, precisions, date_from, date_to, theme, data, edits
    ):
        kind = {
            ids.EXPORT_PNG: "png",
            ids.EXPORT_HTML: "html",
            ids.EXPORT_CSV: "csv",
            ids.EXPORT_JSON: "json",
        }.get(ctx.triggered_id)
        if kind is None:
            return no_update, no_update
        filters = dict(
            lane_by=lane_by,
            lanes=lanes,
            search=search,
            precisions=precisions,
            date_from=date_from,
            date_to=date_to,
        )
        try:
            return export_file(
                initial, kind, filters=filters, theme=theme, data=data, edits=edits
            ), ""
        except Exception as err:  # noqa: BLE001 - an export failure must not break the page
            if not isinstance(err, TimelineError):
                log.exception("export %s failed", kind)
            return no_update, user_message(err, f"the {kind.upper()} export")


# ------------------------------------------------------------------ WSGI --


@functools.cache
def _wsgi_app() -> dash.Dash:
    from timeline.sources import load_source

    source = os.environ.get("TIMELINE_SOURCE") or None
    published = os.environ.get("TIMELINE_PUBLISHED") or None
    events, article = load_source(source, published=published)
    return create_app(events, article)


def __getattr__(name: str) -> Any:
    # ``timeline.app:server`` for gunicorn, built on first use so importing stays cheap
    if name == "server":
        return _wsgi_app().server
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
