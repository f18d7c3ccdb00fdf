"""The timeline figure: an events table in, a plotly figure out (no I/O).

Lanes run down the y axis (one per category, first actor or first place); time
runs along a date x axis with a range slider. Uncertain windows are translucent
horizontal bars spanning the whole window (the end day included), exact dates
are markers; each precision is its own trace, so the legend says how sure each
date is. The publication date is a dashed vertical line.

Article text never becomes markup: every label, sentence and date phrase is
passed through :func:`timeline.schema.escape_text` before it reaches plotly.

Above ``large_threshold`` events the figure switches to WebGL markers at the
window midpoints, built with vectorised pandas only (100,000 events in well
under a second).

>>> from timeline.schema import validate_events
>>> events = validate_events(pd.DataFrame({"label": ["Ambush"], "start": ["2024-12-15"],
...                                          "end": ["2024-12-31"]}))
>>> fig = build_figure(events, published=date(2025, 3, 21))
>>> fig.data[0].type, fig.data[0].orientation
('bar', 'h')
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.errors import InputError
from timeline.schema import COLUMNS, PRECISIONS, escape_text, validate_events

__all__ = [
    "build_figure",
    "LANE_BY",
    "THEMES",
    "PRECISION_STYLE",
    "LABEL_LIMIT",
    "NONE_LANE",
]

LANE_BY = ("category", "actors", "places")
THEMES = ("light", "dark")
#: text labels beside marks only up to this many events; beyond, hover only
LABEL_LIMIT = 40
#: lane of an event with no actor / place
NONE_LANE = "(none)"

DAY_MS = 86_400_000
_HALF_DAY = pd.Timedelta(hours=12)
_ONE_DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class _Style:
    colour: str
    bar_opacity: float


#: Okabe-Ito colours (colour-blind safe); vaguer windows are paler
PRECISION_STYLE: dict[str, _Style] = {
    "day": _Style("#0072B2", 0.85),
    "week": _Style("#E69F00", 0.60),
    "month": _Style("#009E73", 0.45),
    "season": _Style("#CC79A7", 0.40),
    "year": _Style("#56B4E9", 0.35),
    "decade": _Style("#D55E00", 0.30),
    "vague": _Style("#7F7F7F", 0.35),
}

_THEME: dict[str, dict[str, Any]] = {
    "light": {
        "template": "plotly_white",
        "text": "#222222",
        "muted": "#555555",
        "band": "rgba(0,0,0,0.035)",
        "pub": "#B22222",
        "outline": "#111111",
        "paper": "#FFFFFF",
        "boost": 0.0,
    },
    "dark": {
        "template": "plotly_dark",
        "text": "#EEEEEE",
        "muted": "#BBBBBB",
        "band": "rgba(255,255,255,0.05)",
        "pub": "#FF7F7F",
        "outline": "#FFFFFF",
        "paper": "#111111",
        "boost": 0.25,  # translucent colours sink into a dark background
    },
}

_FONT = "Inter, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
_LABEL_CHARS = 44
_LANE_CHARS = 26
_WRAP = 70
#: approximate width of one label character at 11 px, for packing labels
_CHAR_PX = 6.4
_MAX_SUBROWS = 10
_SLIDER = 0.07


# ------------------------------------------------------------------ entry --


def build_figure(
    events: pd.DataFrame,
    *,
    lane_by: str = "category",
    theme: str = "light",
    title: str | None = None,
    source: str | None = None,
    published: date | str | None = None,
    width: int | None = None,
    height: int | None = None,
    selected: str | None = None,
    large_threshold: int = 5000,
    rangeslider: bool = True,
) -> go.Figure:
    """The timeline figure of an events table.

    ``events`` follows the events schema (it is validated when columns are
    missing). ``selected`` is an ``event_id`` to emphasise. Every mark's
    ``customdata[0]`` is its ``event_id``. ``title`` and ``source`` are plain
    text (escaped here); ``published`` draws the publication line and goes in
    the source line. ``width=None`` lets the page size the figure.
    ``rangeslider=False`` drops the slider (static images: it is a control).
    """
    if lane_by not in LANE_BY:
        raise InputError(f"lanes by {lane_by!r} are unknown; use one of {', '.join(LANE_BY)}")
    if theme not in THEMES:
        raise InputError(f"theme {theme!r} is unknown; use light or dark")
    if not isinstance(events, pd.DataFrame):
        raise InputError("events must be a table (a pandas DataFrame with label, start, end)")
    if any(c not in events.columns for c in COLUMNS) or not all(
        pd.api.types.is_datetime64_any_dtype(events[c]) for c in ("start", "end")
    ):
        events = validate_events(events)
    day = _as_date(published)
    dated = events[events["start"].notna() & events["end"].notna()]
    palette = _THEME[theme]

    if dated.empty:
        fig = go.Figure()
        _layout(fig, palette, title=title, source=source, published=day, width=width,
                height=height or 420, xrange=None, rangeslider=rangeslider)
        fig.add_annotation(
            text="No dated events to show", xref="paper", yref="paper", x=0.5, y=0.5,
            showarrow=False, font={"size": 18, "color": palette["muted"]},
        )
        fig.update_xaxes(visible=False, rangeslider_visible=False)
        fig.update_yaxes(visible=False)
        return fig

    lanes, lane_of = _lanes(dated, lane_by)
    large = len(dated) > large_threshold
    fig = go.Figure()
    if large:
        bands = _add_large(fig, dated, lanes, lane_of, palette, selected)
    else:
        bands = _add_detailed(fig, dated, lanes, lane_of, palette, selected, width, day)
    total = bands[-1][1] if bands else 1.0
    if height is None:
        per_row = 22 if large else 30
        rows = total if not large else len(lanes) * 2.2
        height = int(min(2400, max(380, 250 + per_row * rows)))
    xrange = _xrange(dated, day)
    _layout(fig, palette, title=title, source=source, published=day, width=width,
            height=height, xrange=xrange, rangeslider=rangeslider)
    _lane_axis(fig, lanes, bands, palette, None if large else 44)
    if day is not None:
        _publication_line(fig, day, palette)
    return fig


# ----------------------------------------------------------------- lanes --


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value  # type: ignore[return-value]
    if isinstance(value, datetime):
        return value.date()
    from timeline.io import parse_published

    return parse_published(value, what="published")


def _lane_names(dated: pd.DataFrame, lane_by: str) -> pd.Series:
    if lane_by == "category":
        return dated["category"].astype("string").fillna("other")
    col = dated[lane_by]
    first = col.map(lambda v: v[0] if isinstance(v, list) and v else NONE_LANE)
    return first.astype("string").fillna(NONE_LANE)


def _lanes(dated: pd.DataFrame, lane_by: str) -> tuple[list[str], pd.Series]:
    """Lane names in display order (top first) and each event's lane index."""
    names = _lane_names(dated, lane_by)
    if lane_by == "category":
        from timeline.schema import CATEGORIES

        present = set(names.unique())
        order = [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
    else:
        # busiest lanes first; "(none)" always last
        counts = names.value_counts(sort=False)
        first_seen = dated.groupby(names.to_numpy(), sort=False)["start"].min()
        table = pd.DataFrame({"n": counts, "first": first_seen.reindex(counts.index)})
        table = table.sort_values(["n", "first"], ascending=[False, True], kind="stable")
        order = [n for n in table.index if n != NONE_LANE]
        if NONE_LANE in table.index:
            order.append(NONE_LANE)
    index = {name: i for i, name in enumerate(order)}
    return order, names.map(index).astype(int)


def _lane_title(name: str) -> str:
    text = name[:1].upper() + name[1:] if name and name.islower() else name
    return escape_text(_cut(text, _LANE_CHARS))


def _cut(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, at a word boundary when one is near."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space >= limit * 0.6:
        head = head[:space]
    return head.rstrip(" ,;:-–") + "…"


def _short(label: str) -> str:
    return escape_text(_cut(label, _LABEL_CHARS))


# --------------------------------------------------------------- detailed --


def _hover(row: Any) -> str:
    """Hover text of one event: every piece escaped, our own markup around it."""
    parts = [f"<b>{escape_text(row.label)}</b>"]
    timex = row.timex if isinstance(row.timex, str) else None
    when = f"“{escape_text(timex)}”" if timex else "<i>date inherited from context</i>"
    edtf = escape_text(row.edtf) if isinstance(row.edtf, str) else ""
    prec = row.precision if isinstance(row.precision, str) else ""
    parts.append(f"{when} · {edtf} · {escape_text(prec)}")
    if isinstance(row.sentence, str) and row.sentence.strip():
        lines = textwrap.wrap(" ".join(row.sentence.split()), _WRAP)[:8]
        parts.append("<br>".join(escape_text(line) for line in lines))
    return "<br>".join(parts)


def _pack(frame: pd.DataFrame, px_per_day: float, right: pd.Timestamp, labels: bool) -> None:
    """Give each event a sub-row in its lane so marks (and labels) do not overlap.

    Greedy first fit by start date. An event occupies its window and, when
    labels are drawn, the width of its label at the initial zoom: left-aligned
    at the window's start, or right-aligned at its end when it would run past
    ``right`` (the last day shown). Sets ``sub`` and ``flip`` columns.
    """
    end_excl = frame["end"] + _ONE_DAY
    extent_days = ((frame["short"].str.len().astype(float) * _CHAR_PX + 14) / px_per_day
                   if labels else pd.Series(16 / px_per_day, index=frame.index))
    extent = pd.to_timedelta(extent_days.to_numpy(), unit="D")
    flip = (frame["start"] + extent > right).to_numpy() & labels
    occ_start = np.where(flip, (end_excl - extent).to_numpy(), frame["start"].to_numpy())
    occ_start = np.minimum(occ_start, frame["start"].to_numpy())
    occ_end = np.maximum(end_excl.to_numpy(), (frame["start"] + extent).to_numpy())
    occ_end = np.where(flip, end_excl.to_numpy(), occ_end)
    lanes_arr = frame["lane"].to_numpy()
    order = np.lexsort((occ_end, occ_start, lanes_arr))
    sub = np.zeros(len(frame), dtype=int)
    free: list[np.datetime64] = []
    current = -1
    for i in order:
        if lanes_arr[i] != current:
            current, free = lanes_arr[i], []
        for j, until in enumerate(free):
            if until <= occ_start[i]:
                sub[i], free[j] = j, occ_end[i]
                break
        else:
            if len(free) < _MAX_SUBROWS:
                sub[i] = len(free)
                free.append(occ_end[i])
            else:  # the lane is saturated: reuse the row that frees up first
                j = int(np.argmin(free))
                sub[i], free[j] = j, max(free[j], occ_end[i])
    frame["sub"] = sub
    frame["flip"] = flip


def _bands(frame: pd.DataFrame, n_lanes: int, col: str = "sub") -> list[tuple[float, float]]:
    rows = frame.groupby("lane")[col].max().reindex(range(n_lanes)).fillna(0).astype(int) + 1
    bands, top = [], 0.0
    for k in rows:
        bands.append((top, top + k + 0.4))
        top += k + 0.4
    return bands


def _add_detailed(
    fig: go.Figure,
    dated: pd.DataFrame,
    lanes: list[str],
    lane_of: pd.Series,
    palette: dict[str, Any],
    selected: str | None,
    width: int | None,
    published: date | None,
) -> list[tuple[float, float]]:
    frame = dated.copy()
    frame["lane"] = lane_of.to_numpy()
    frame["short"] = [_short(x) for x in frame["label"].astype(str)]
    labels = len(frame) <= LABEL_LIMIT
    first, last = _xrange(dated, published)
    plot_px = max(400, (width or 1100) - 200)
    px_per_day = plot_px / max(1.0, (last - first) / _ONE_DAY)
    _pack(frame, px_per_day, last, labels)
    bands = _bands(frame, len(lanes))
    lane_top = np.array([b[0] for b in bands]) + 0.2
    row_top = lane_top[frame["lane"].to_numpy()] + frame["sub"].to_numpy()
    frame["y_mark"] = row_top + (0.68 if labels else 0.5)
    frame["y_text"] = row_top + 0.26
    frame["hover"] = [_hover(r) for r in frame.itertuples(index=False)]
    frame["is_sel"] = (frame["event_id"] == selected).fillna(False) if selected else False
    exact = frame["start"] == frame["end"]
    bar_width = 0.42 if labels else 0.6
    hovertemplate = "%{customdata[1]}<extra>%{fullData.name}</extra>"

    for prec in PRECISIONS:
        style = PRECISION_STYLE[prec]
        in_prec = frame["precision"].astype("string") == prec
        shown = False
        windows = frame[in_prec & ~exact]
        if len(windows):
            fig.add_trace(go.Bar(
                name=prec, legendgroup=prec, showlegend=True,
                orientation="h",
                base=windows["start"].dt.strftime("%Y-%m-%d").tolist(),
                x=((windows["end"] - windows["start"] + _ONE_DAY) // pd.Timedelta(milliseconds=1))
                .astype("int64").tolist(),
                y=windows["y_mark"].round(3).tolist(),
                width=bar_width,
                marker={"color": style.colour,
                        "opacity": min(0.95, style.bar_opacity + palette["boost"]),
                        "line": {"color": style.colour, "width": 1}},
                customdata=np.column_stack([windows["event_id"].astype(str), windows["hover"]]),
                hovertemplate=hovertemplate,
                meta={"kind": "window", "precision": prec},
            ))
            shown = True
        points = frame[in_prec & exact]
        if len(points):
            fig.add_trace(go.Scatter(
                name=prec, legendgroup=prec, showlegend=not shown,
                mode="markers",
                x=(points["start"] + _HALF_DAY).dt.strftime("%Y-%m-%d %H:%M").tolist(),
                y=points["y_mark"].round(3).tolist(),
                marker={"color": style.colour, "symbol": "diamond", "size": 12,
                        "line": {"color": palette["paper"], "width": 1}},
                customdata=np.column_stack([points["event_id"].astype(str), points["hover"]]),
                hovertemplate=hovertemplate,
                meta={"kind": "point", "precision": prec},
            ))

    chosen = frame[frame["is_sel"].to_numpy(dtype=bool)] if selected else frame.iloc[:0]
    if len(chosen):
        _add_selected(fig, chosen, palette, bar_width)

    if labels:
        # annotations, not a text trace: they stay out of the range slider's miniature
        flips = frame["flip"].to_numpy(dtype=bool)
        is_sel = np.broadcast_to(frame["is_sel"].to_numpy(dtype=bool), len(frame))
        left = frame["start"].dt.strftime("%Y-%m-%d")
        right = (frame["end"] + _ONE_DAY).dt.strftime("%Y-%m-%d")
        for k, (short, y_text, flip, sel) in enumerate(
            zip(frame["short"], frame["y_text"], flips, is_sel, strict=True)
        ):
            fig.add_annotation(
                text=f"<b>{short}</b>" if sel else short, name="label",
                x=right.iloc[k] if flip else left.iloc[k], y=round(float(y_text), 3),
                xref="x", yref="y", xanchor="right" if flip else "left", yanchor="middle",
                showarrow=False, font={"size": 11, "color": palette["text"]},
            )
    return bands


def _add_selected(
    fig: go.Figure, chosen: pd.DataFrame, palette: dict[str, Any], bar_width: float
) -> None:
    """An outline over the selected event (a separate trace keeps the legend icons plain)."""
    row = chosen.iloc[0]
    custom = [[str(row["event_id"]), row["hover"]]]
    common = {"name": "selected", "showlegend": False, "customdata": custom,
              "hovertemplate": "%{customdata[1]}<extra>selected</extra>",
              "meta": {"kind": "selected"}}
    if row["start"] == row["end"]:
        fig.add_trace(go.Scatter(
            mode="markers", x=[(row["start"] + _HALF_DAY).strftime("%Y-%m-%d %H:%M")],
            y=[round(float(row["y_mark"]), 3)],
            marker={"symbol": "diamond-open", "size": 20,
                    "line": {"color": palette["outline"], "width": 3}},
            **common,
        ))
    else:
        fig.add_trace(go.Bar(
            orientation="h", base=[row["start"].strftime("%Y-%m-%d")],
            x=[int((row["end"] - row["start"] + _ONE_DAY) / pd.Timedelta(milliseconds=1))],
            y=[round(float(row["y_mark"]), 3)], width=bar_width + 0.12,
            marker={"color": "rgba(0,0,0,0)", "line": {"color": palette["outline"], "width": 3}},
            **common,
        ))


# ------------------------------------------------------------------ large --


def _escape_series(s: pd.Series) -> pd.Series:
    s = s.astype("string").fillna("")
    return s.str.replace("&", "&amp;", regex=False).str.replace(
        "<", "&lt;", regex=False).str.replace(">", "&gt;", regex=False)


def _add_large(
    fig: go.Figure,
    dated: pd.DataFrame,
    lanes: list[str],
    lane_of: pd.Series,
    palette: dict[str, Any],
    selected: str | None,
) -> list[tuple[float, float]]:
    """WebGL markers at window midpoints, jittered inside their lane (vectorised)."""
    n = len(dated)
    start_ms = dated["start"].to_numpy(dtype="datetime64[ms]").astype("int64").astype(float)
    end_ms = dated["end"].to_numpy(dtype="datetime64[ms]").astype("int64").astype(float) + DAY_MS
    mid = (start_ms + end_ms) / 2
    rng = np.random.default_rng(0)  # fixed seed: the same table draws the same picture
    lane_idx = lane_of.to_numpy()
    y = lane_idx + 0.5 + rng.uniform(-0.38, 0.38, n)
    ids = dated["event_id"].astype(str).to_numpy()
    hover = (
        "<b>" + _escape_series(dated["label"]).str.slice(0, 80) + "</b><br>"
        + _escape_series(dated["edtf"]) + " · " + _escape_series(dated["timex"])
    ).to_numpy()
    prec = dated["precision"].astype("string").fillna("vague").to_numpy()
    for p in PRECISIONS:
        mask = prec == p
        if not mask.any():
            continue
        style = PRECISION_STYLE[p]
        fig.add_trace(go.Scattergl(
            name=p, legendgroup=p, mode="markers",
            x=mid[mask], y=y[mask],
            marker={"color": style.colour, "size": 5, "opacity": min(0.9, style.bar_opacity + 0.2)},
            customdata=np.column_stack([ids[mask], hover[mask]]),
            hovertemplate="%{customdata[1]}<extra>%{fullData.name}</extra>",
            meta={"kind": "midpoint", "precision": p},
        ))
    if selected is not None:
        hit = ids == selected
        if hit.any():
            fig.add_trace(go.Scatter(
                name="selected", showlegend=False, mode="markers",
                x=mid[hit], y=y[hit],
                marker={"size": 16, "color": "rgba(0,0,0,0)", "symbol": "circle",
                        "line": {"color": palette["outline"], "width": 3}},
                customdata=np.column_stack([ids[hit], hover[hit]]),
                hovertemplate="%{customdata[1]}<extra></extra>",
                meta={"kind": "selected"},
            ))
    return [(float(i), float(i + 1)) for i in range(len(lanes))]


# ----------------------------------------------------------------- layout --


def _xrange(dated: pd.DataFrame, published: date | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    first = dated["start"].min()
    last = dated["end"].max() + _ONE_DAY
    if published is not None:
        pub = pd.Timestamp(published)
        first, last = min(first, pub), max(last, pub + _ONE_DAY)
    pad = max(pd.Timedelta(days=2), (last - first) * 0.04)
    return first - pad, last + pad


def _layout(
    fig: go.Figure,
    palette: dict[str, Any],
    *,
    title: str | None,
    source: str | None,
    published: date | None,
    width: int | None,
    height: int,
    xrange: tuple[pd.Timestamp, pd.Timestamp] | None,
    rangeslider: bool = True,
) -> None:
    top = 84 if title else 56
    # without a slider below the axis, the credit line needs room of its own
    credit_room = 40 if (source or published) and not (xrange is not None and rangeslider) else 0
    fig.update_layout(
        template=palette["template"],
        font={"family": _FONT, "size": 13, "color": palette["text"]},
        width=width,
        height=height,
        autosize=width is None,
        margin={"l": 20, "r": 30, "t": top, "b": 40 + credit_room},
        barmode="overlay",
        hovermode="closest",
        hoverlabel={"align": "left", "font": {"size": 12}},
        dragmode="zoom",
        showlegend=True,
        legend={
            "orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom",
            "title": {"text": "Date precision "}, "itemclick": "toggle",
            "itemsizing": "constant",
            "bgcolor": "rgba(0,0,0,0)",
        },
        uirevision="timeline",
    )
    if title:
        fig.update_layout(title={
            "text": f"<b>{escape_text(title)}</b>", "x": 0.01, "xanchor": "left",
            "y": 0.98, "yanchor": "top", "yref": "container", "font": {"size": 20},
        })
    xaxis: dict[str, Any] = {
        "type": "date", "title": None, "showgrid": True, "automargin": True,
        "rangeslider": {"visible": rangeslider, "thickness": _SLIDER},
        "tickformatstops": [
            {"dtickrange": [None, DAY_MS * 2], "value": "%e %b %Y"},
            {"dtickrange": [DAY_MS * 2, DAY_MS * 40], "value": "%e %b\n%Y"},
            {"dtickrange": [DAY_MS * 40, None], "value": "%b %Y"},
        ],
        "ticks": "outside",
    }
    if xrange is not None:
        xaxis["range"] = [x.strftime("%Y-%m-%d %H:%M") for x in xrange]
        xaxis["rangeslider"]["range"] = xaxis["range"]
    fig.update_xaxes(**xaxis)
    credit = _credit(source, published)
    if credit:
        # below the tick labels and the range slider (its height is a share of the plot's)
        slider_px = _SLIDER * (height - top - 40) if xrange is not None and rangeslider else 0
        fig.add_annotation(
            text=credit, xref="paper", yref="paper", x=0, y=0, xanchor="left",
            yanchor="top", yshift=-(48 + slider_px + 10), showarrow=False, align="left",
            font={"size": 12, "color": palette["muted"]}, name="source",
        )


def _credit(source: str | None, published: date | None) -> str:
    parts = []
    if source:
        parts.append(f"Source: {escape_text(source)}")
    if published is not None:
        parts.append(f"published {published.isoformat()}")
    return ", ".join(parts)


def _lane_axis(
    fig: go.Figure,
    lanes: list[str],
    bands: list[tuple[float, float]],
    palette: dict[str, Any],
    max_row_px: float | None = None,
) -> None:
    total = bands[-1][1]
    if max_row_px is not None:
        # few rows in a tall figure: keep rows compact at the top instead of stretching them
        plot_px = float(fig.layout.height or 440) - 250
        total = max(total, plot_px / max_row_px)
    fig.update_yaxes(
        range=[total, 0], fixedrange=True, showgrid=False, zeroline=False,
        tickmode="array",
        tickvals=[round((a + b) / 2, 3) for a, b in bands],
        ticktext=[_lane_title(name) for name in lanes],
        ticks="", automargin=True, title=None, tickfont={"size": 13},
    )
    for i, (a, b) in enumerate(bands):
        if i % 2 == 0:
            fig.add_shape(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=a, y1=b,
                          fillcolor=palette["band"], line_width=0, layer="below")


def _publication_line(fig: go.Figure, published: date, palette: dict[str, Any]) -> None:
    x = f"{published.isoformat()} 12:00"
    fig.add_shape(
        type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1,
        line={"color": palette["pub"], "width": 2, "dash": "dash"}, name="published",
    )
    fig.add_annotation(
        text=f"published {published.isoformat()}", xref="x", yref="paper", x=x, y=1,
        xanchor="right", yanchor="bottom", showarrow=False, name="published",
        font={"size": 12, "color": palette["pub"]},
    )

