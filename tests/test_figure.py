"""build_figure: assertions on the figure spec (fig.data / fig.layout), not on pixels."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from timeline.errors import InputError
from timeline.figure import LABEL_LIMIT, NONE_LANE, build_figure
from timeline.schema import CATEGORIES, validate_events

DAY_MS = 86_400_000
HOSTILE = "<img src=x onerror=alert(1)>"
PUB = date(2025, 3, 21)


def table(rows: list[dict]) -> pd.DataFrame:
    return validate_events(pd.DataFrame(rows))


@pytest.fixture
def events() -> pd.DataFrame:
    return table([
        {"event_id": "fall", "label": "Assad regime falls", "start": "2024-12-01",
         "end": "2024-12-31", "precision": "month", "timex": "in December", "category": "politics",
         "actors": ["Bashar al-Assad"], "places": ["Syria"],
         "sentence": "After the fall of former Syrian President Bashar al-Assad in December ..."},
        {"event_id": "ambush", "label": "Ambush kills 14 troops", "start": "2024-12-15",
         "end": "2024-12-31", "precision": "week", "category": "violence",
         "timex": "two weeks after the former president was overthrown",
         "actors": ["Assad supporters"], "places": []},
        {"event_id": "tartous", "label": "BBC joins White Helmets in Tartous",
         "start": "2025-03-10", "end": "2025-03-16", "precision": "week", "timex": "Last week",
         "category": "reporting",
         "actors": ["BBC News", "White Helmets"], "places": ["Tartous"]},
        {"event_id": "report", "label": "Report published", "start": "2025-03-21",
         "end": "2025-03-21", "precision": "day", "category": "reporting"},
        {"event_id": "undated", "label": "Committee set up", "start": None, "end": None,
         "category": "legal"},
    ])


def traces(fig, kind: str | None = None):
    return [t for t in fig.data if kind is None or (t.meta or {}).get("kind") == kind]


def test_lanes_by_category_are_readable_tick_labels(events):
    fig = build_figure(events)
    ticks = list(fig.layout.yaxis.ticktext)
    assert ticks == ["Violence", "Politics", "Reporting"]  # CATEGORIES order, undated lane absent
    assert len(fig.layout.yaxis.tickvals) == 3
    assert list(fig.layout.yaxis.range)[0] > list(fig.layout.yaxis.range)[1]  # first lane on top


@pytest.mark.parametrize(
    ("lane_by", "expected"),
    [("actors", {"Bashar al-Assad", "Assad supporters", "BBC News", NONE_LANE}),
     ("places", {"Syria", "Tartous", NONE_LANE})],
)
def test_lanes_by_first_actor_or_place(events, lane_by, expected):
    fig = build_figure(events, lane_by=lane_by)
    assert set(fig.layout.yaxis.ticktext) == expected
    assert fig.layout.yaxis.ticktext[-1] == NONE_LANE


def test_unknown_lane_or_theme_is_a_one_line_error(events):
    with pytest.raises(InputError, match="category, actors, places"):
        build_figure(events, lane_by="colour")
    with pytest.raises(InputError, match="light or dark"):
        build_figure(events, theme="sepia")


def test_windows_are_bars_spanning_the_inclusive_end(events):
    fig = build_figure(events)
    bars = {t.name: t for t in traces(fig, "window")}
    assert set(bars) == {"week", "month"}
    month = bars["month"]
    assert month.type == "bar" and month.orientation == "h"
    assert list(month.base) == ["2024-12-01"]
    assert list(month.x) == [31 * DAY_MS]  # 1..31 December inclusive
    week = bars["week"]
    spans = dict(zip(week.customdata[:, 0], zip(week.base, week.x, strict=True), strict=True))
    assert spans["ambush"] == ("2024-12-15", 17 * DAY_MS)
    assert spans["tartous"] == ("2025-03-10", 7 * DAY_MS)
    assert 0 < month.marker.opacity < 1  # translucent


def test_exact_dates_are_markers_and_precision_is_in_the_legend(events):
    fig = build_figure(events)
    points = traces(fig, "point")
    assert [t.name for t in points] == ["day"]
    assert points[0].mode == "markers"
    assert list(points[0].x) == ["2025-03-21 12:00"]  # the middle of the day
    legend = {t.name for t in fig.data if t.showlegend is not False}
    assert legend == {"day", "week", "month"}
    colours = {t.name: t.marker.color for t in fig.data if t.name in legend}
    assert len(set(colours.values())) == 3


def test_every_mark_carries_its_event_id_first(events):
    fig = build_figure(events)
    ids = [i for t in traces(fig, "window") + traces(fig, "point") for i in t.customdata[:, 0]]
    assert sorted(ids) == ["ambush", "fall", "report", "tartous"]  # undated row not plotted


def test_hover_holds_label_timex_edtf_and_sentence(events):
    fig = build_figure(events)
    month = traces(fig, "window")[-1]
    hover = month.customdata[0][1]
    assert "Assad regime falls" in hover and "in December" in hover and "2024-12" in hover
    assert "After the fall" in hover
    assert "customdata[1]" in month.hovertemplate


def test_long_sentences_are_wrapped_in_the_hover():
    sentence = " ".join(["word"] * 60)
    fig = build_figure(table([{"label": "x", "start": "2025-01-01", "end": "2025-01-02",
                               "sentence": sentence}]))
    hover = traces(fig, "window")[0].customdata[0][1]
    assert hover.count("<br>") >= 4


def test_publication_line_and_label(events):
    fig = build_figure(events, published=PUB)
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(lines) == 1 and lines[0].x0 == "2025-03-21 12:00" and lines[0].yref == "paper"
    texts = [a.text for a in fig.layout.annotations]
    assert "published 2025-03-21" in texts
    assert not [s for s in build_figure(events).layout.shapes if s.type == "line"]


def test_published_as_string_is_accepted(events):
    fig = build_figure(events, published="2025-03-21")
    assert "published 2025-03-21" in [a.text for a in fig.layout.annotations]


def test_title_and_source_attribution(events):
    fig = build_figure(events, title="White Helmets", source="BBC News", published=PUB)
    assert "White Helmets" in fig.layout.title.text
    assert "Source: BBC News, published 2025-03-21" in [a.text for a in fig.layout.annotations]


def test_zoom_pan_and_range_slider_on_a_date_axis(events):
    fig = build_figure(events)
    assert fig.layout.xaxis.type == "date"
    assert fig.layout.xaxis.rangeslider.visible is True
    assert fig.layout.dragmode == "zoom"
    assert fig.layout.yaxis.fixedrange is True  # zoom moves in time only


def test_static_figures_drop_the_slider_but_keep_the_credit(events):
    fig = build_figure(events, source="BBC News", published=PUB, rangeslider=False)
    assert fig.layout.xaxis.rangeslider.visible is False
    assert fig.layout.margin.b > build_figure(events, source="BBC News").layout.margin.b
    assert any(a.text.startswith("Source: BBC News") for a in fig.layout.annotations)


def test_dark_theme(events):
    light, dark = build_figure(events), build_figure(events, theme="dark")
    assert dark.layout.template.layout.paper_bgcolor != light.layout.template.layout.paper_bgcolor
    assert dark.layout.font.color.upper() == "#EEEEEE"


def test_hostile_text_is_escaped_everywhere():
    ev = table([{"event_id": "x1", "label": HOSTILE, "start": "2025-03-01", "end": "2025-03-05",
                 "timex": HOSTILE, "sentence": f"He said {HOSTILE} & left.", "category": "other",
                 "actors": [HOSTILE]}])
    for lane_by in ("category", "actors"):
        fig = build_figure(ev, title=HOSTILE, source=HOSTILE, lane_by=lane_by)
        spec = fig.to_json()
        assert "<img" not in spec
        assert "&lt;img src=x onerror=alert(1)&gt;" in spec
    hover = traces(fig, "window")[0].customdata[0][1]
    assert "&amp; left" in hover


def test_labels_shown_for_few_events_and_dropped_for_many():
    few = build_figure(table([{"label": f"event {i}", "start": "2025-03-01", "end": "2025-03-02"}
                              for i in range(5)]))
    assert len([a for a in few.layout.annotations if a.name == "label"]) == 5
    n = LABEL_LIMIT + 1
    many = build_figure(table([{"label": f"event {i}", "start": "2025-03-01", "end": "2025-03-02"}
                               for i in range(n)]))
    assert not [a for a in many.layout.annotations if a.name == "label"]


def test_crowded_events_are_staggered_into_sub_rows():
    fig = build_figure(table([{"label": f"event {i}", "start": "2025-03-01", "end": "2025-03-02"}
                              for i in range(4)]))
    ys = list(traces(fig, "window")[0].y)
    assert len(set(ys)) == 4  # same window, four rows, no overlap
    labels = [a.y for a in fig.layout.annotations if a.name == "label"]
    assert len(set(labels)) == 4


def test_selected_event_is_outlined(events):
    fig = build_figure(events, selected="tartous")
    (sel,) = traces(fig, "selected")
    assert sel.customdata[0][0] == "tartous" and sel.marker.line.width >= 3
    assert sel.showlegend is False
    (sel,) = traces(build_figure(events, selected="report"), "selected")
    assert sel.type == "scatter" and sel.marker.size > 12
    assert not traces(build_figure(events, selected="nope"), "selected")


def test_missing_columns_are_validated_on_the_way_in():
    raw = pd.DataFrame({"label": ["a"], "start": ["2025-01-01"], "end": ["2025-01-31"]})
    fig = build_figure(raw)
    assert traces(fig, "window")[0].name == "month"


def test_all_columns_but_string_dates_are_validated(events):
    raw = events.copy()
    raw["start"] = raw["start"].dt.strftime("%Y-%m-%d")
    raw["end"] = raw["end"].dt.strftime("%Y-%m-%d")
    fig = build_figure(raw)
    assert {t.name for t in traces(fig, "window")} == {"week", "month"}


def test_empty_table_gives_a_friendly_figure():
    fig = build_figure(table([{"label": "undated", "start": None, "end": None}]))
    assert not fig.data
    assert any("No dated events" in a.text for a in fig.layout.annotations)
    fig = build_figure(validate_events(pd.DataFrame({"label": [], "start": [], "end": []})))
    assert any("No dated events" in a.text for a in fig.layout.annotations)


def synthetic(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    start = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 1800, n), unit="D")
    dur = rng.choice([0, 6, 30], n)
    return validate_events(pd.DataFrame({
        "event_id": [f"e{i}" for i in range(n)], "label": [f"<b>event {i}</b>" for i in range(n)],
        "start": start, "end": start + pd.to_timedelta(dur, unit="D"),
        "precision": np.select([dur == 0, dur == 6], ["day", "week"], "month"),
        "category": rng.choice(CATEGORIES, n), "edtf": "x",
    }))


def test_large_tables_use_webgl_markers_at_midpoints():
    ev = synthetic(300)
    fig = build_figure(ev, large_threshold=100, selected="e3")
    gl = [t for t in fig.data if t.type == "scattergl"]
    assert gl and all(t.error_x.array is None for t in gl)
    assert sum(len(t.x) for t in gl) == 300
    assert fig.layout.xaxis.type == "date"
    x = np.asarray(gl[0].x)
    assert x.dtype.kind == "f"  # epoch milliseconds, not strings
    row = ev.set_index("event_id").loc[gl[0].customdata[0][0]]
    mid = (row["start"].value / 1e6 + row["end"].value / 1e6 + DAY_MS) / 2
    assert x[0] == pytest.approx(mid)
    assert "&lt;b&gt;" in gl[0].customdata[0][1]
    assert traces(fig, "selected")[0].customdata[0][0] == "e3"


def test_100k_events_take_the_webgl_path():
    # speed is measured in benchmarks/bench_export.py and bench_app.py, not here
    ev = synthetic(100_000)
    fig = build_figure(ev)
    assert {t.type for t in fig.data} == {"scattergl"}
    assert sum(len(t.x) for t in fig.data if t.name != "selected") == 100_000
