"""The dashboard's callbacks as plain functions, and the app's wiring (no browser).

Events are hand-made on the seed article (real offsets), so these tests check the
dashboard, not the extractor.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pandas as pd
import pytest

from timeline import app as tl_app
from timeline import app_layout as ids
from timeline.app import (
    create_app,
    edit_table,
    export_file,
    load_outputs,
    page_title,
    select_event,
    show_details,
    table_view,
    update_view,
)
from timeline.app_logic import (
    Dataset,
    apply_edits,
    count_text,
    dataset_from_store,
    diff_table_rows,
    event_for_span,
    filter_events,
    lane_values,
    table_page,
    table_rows,
)
from timeline.errors import SchemaError
from timeline.io import assets_dir, load_article, seed_article_path
from timeline.schema import PRECISIONS, validate_events

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'

# sentence opening, label, start, end, precision, timex, category, actors, places
ROWS = [
    (
        "After the fall of former Syrian President",
        "Assad falls",
        "2024-12-01",
        "2024-12-31",
        "month",
        "December",
        "politics",
        ["Bashar al-Assad"],
        ["Syria"],
    ),
    (
        "Most of those killed in the recent attacks",
        "Killings of Alawites",
        "2025-03-01",
        "2025-03-10",
        "month",
        "earlier this month",
        "violence",
        [],
        ["coastal Syria"],
    ),
    (
        "Tensions had been brewing since December",
        "Ambush kills 14 troops",
        "2024-12-15",
        "2024-12-31",
        "week",
        "two weeks",
        "violence",
        ["Assad supporters"],
        [],
    ),
    (
        "Last week, BBC News joined",
        "BBC joins White Helmets in Tartous",
        "2025-03-10",
        "2025-03-16",
        "week",
        "Last week",
        "reporting",
        ["BBC News", "White Helmets"],
        ["Tartous"],
    ),
    (
        "The team retrieved 10 bodies",
        "10 bodies retrieved",
        "2025-03-10",
        "2025-03-16",
        "week",
        None,
        "humanitarian",
        ["White Helmets"],
        ["Barmada"],
    ),
]


@pytest.fixture(scope="module")
def article() -> Any:
    return load_article(seed_article_path())


@pytest.fixture(scope="module")
def events(article: Any) -> pd.DataFrame:
    rows = []
    for head, label, start, end, prec, timex, cat, actors, places in ROWS:
        s = article.text.index(head)
        e = article.text.index("\n", s)
        rows.append(
            dict(
                event_id=f"seed:{s}-{e}",
                label=label,
                start=start,
                end=end,
                precision=prec,
                timex=timex,
                category=cat,
                actors=actors,
                places=places,
                sentence=article.text[s:e],
                char_start=s,
                char_end=e,
                confidence=0.8,
                source="BBC News",
                doc_id="seed",
            )
        )
    rows.append(
        dict(
            event_id="exact",
            label="Exact day",
            start="2025-03-06",
            end="2025-03-06",
            precision="day",
            category="legal",
            sentence="On 6 March a court sat.",
        )
    )
    return validate_events(pd.DataFrame(rows))


@pytest.fixture(scope="module")
def initial(events: pd.DataFrame, article: Any) -> Dataset:
    return Dataset(events=events, article=article)


def view(initial: Dataset, **kw: Any) -> dict[str, Any]:
    args: dict[str, Any] = dict(
        lane_by="category",
        lanes=[],
        search="",
        precisions=list(PRECISIONS),
        date_from=None,
        date_to=None,
        theme="light",
        data={"kind": "initial"},
        edits={},
        selected=None,
        page_current=0,
        sort_by=[],
    )
    args.update(kw)
    return update_view(initial, **args)


def upload(name: str, data: bytes) -> str:
    return "data:application/octet-stream;base64," + base64.b64encode(data).decode()


def plotted_ids(fig: Any) -> set[str]:
    out = set()
    for tr in fig.data:
        if tr.name == "selected" or tr.customdata is None:
            continue
        out |= {str(row[0]) for row in tr.customdata}
    return out


# ----------------------------------------------------------------- filters --


def test_filter_by_lane_search_precision_and_dates(events: pd.DataFrame) -> None:
    assert len(filter_events(events)) == len(events)
    assert set(filter_events(events, lanes=["violence"])["label"]) == {
        "Killings of Alawites",
        "Ambush kills 14 troops",
    }
    by_actor = filter_events(events, lane_by="actors", lanes=["White Helmets"])
    assert set(by_actor["label"]) == {"BBC joins White Helmets in Tartous", "10 bodies retrieved"}
    assert "Exact day" in set(filter_events(events, lane_by="actors", lanes=["(none)"])["label"])
    assert list(filter_events(events, search="TARTOUS")["label"]) == [
        "BBC joins White Helmets in Tartous"
    ]
    assert set(filter_events(events, search="bodies of government")["label"]) == {
        "10 bodies retrieved"
    }
    assert set(filter_events(events, precisions=["day"])["label"]) == {"Exact day"}
    assert filter_events(events, precisions=[]).empty
    # the window overlaps the range: December events end before March
    march = filter_events(events, date_from="2025-03-05", date_to="2025-03-31")
    assert set(march["label"]) == {
        "Killings of Alawites",
        "BBC joins White Helmets in Tartous",
        "10 bodies retrieved",
        "Exact day",
    }
    assert filter_events(events, date_from="2026-01-01").empty


def test_lane_values_count_list_lanes(events: pd.DataFrame) -> None:
    actors = dict(lane_values(events, "actors"))
    assert actors["White Helmets"] == 2 and actors["(none)"] == 2
    assert lane_values(events, "actors")[-1][0] == "(none)"
    assert dict(lane_values(events, "category"))["violence"] == 2


def test_count_text() -> None:
    assert count_text(12, 40) == "12 of 40 events"
    assert count_text(1, 1) == "1 of 1 event"
    assert count_text(1000, 100000) == "1,000 of 100,000 events"


def test_main_callback_filters_figure_count_and_table(initial: Dataset) -> None:
    out = view(initial)
    assert out["count"] == "6 of 6 events"
    assert plotted_ids(out["figure"]) == set(initial.events["event_id"])
    assert len(out["rows"]) == 6 and out["page_count"] == 1 and out["page_current"] == 0

    out = view(initial, lanes=["violence"], search="ambush")
    assert out["count"] == "1 of 6 events"
    assert [r["label"] for r in out["rows"]] == ["Ambush kills 14 troops"]
    assert len(plotted_ids(out["figure"])) == 1


def test_the_table_keeps_its_page_only_when_asked(initial: Dataset) -> None:
    filters = dict(lane_by="category")
    kw = dict(data=None, edits=None, sort_by=[], page_current=1)
    assert table_view(initial, filters, keep_page=True, **kw)["page_current"] == 0  # one page only
    many = Dataset(
        events=validate_events(
            pd.DataFrame(
                {"label": [f"e{i}" for i in range(60)], "start": "2025-01-01", "end": "2025-01-02"}
            )
        )
    )
    assert table_view(many, filters, keep_page=True, **kw)["page_current"] == 1
    out = table_view(many, filters, keep_page=False, **kw)
    assert out["page_current"] == 0 and out["page_count"] == 3 and len(out["rows"]) == 25


def test_table_pages_and_sorts(events: pd.DataFrame) -> None:
    rows, pages = table_page(events, 0, 4, [{"column_id": "label", "direction": "desc"}])
    assert pages == 2 and len(rows) == 4
    assert [r["label"] for r in rows] == sorted(events["label"], key=str.lower, reverse=True)[:4]
    rows, _ = table_page(events, 9, 4, [{"column_id": "start", "direction": "asc"}])
    assert len(rows) == 2  # a page past the end shows the last page
    assert all(r["id"] == r["event_id"] for r in rows)
    assert rows[0]["actors"] in ("", "White Helmets", "BBC News; White Helmets")


# --------------------------------------------------------------- selection --


def test_click_on_chart_selects_the_event_in_customdata(initial: Dataset) -> None:
    eid = initial.events["event_id"].iloc[2]
    click = {"points": [{"curveNumber": 0, "pointNumber": 0, "customdata": [eid, "hover"]}]}
    kw = dict(active_cell=None, timex_clicks=None, data=None, edits=None)
    assert select_event(initial, trigger=ids.GRAPH, click_data=click, **kw) == eid
    with pytest.raises(LookupError):  # the publication line or empty space
        select_event(initial, trigger=ids.GRAPH, click_data={"points": [{"x": 1}]}, **kw)


def test_table_row_selects_its_event(initial: Dataset) -> None:
    got = select_event(
        initial,
        trigger=ids.TABLE,
        click_data=None,
        timex_clicks=None,
        active_cell={"row": 0, "column": 0, "row_id": "exact"},
        data=None,
        edits=None,
    )
    assert got == "exact"


def test_clicking_a_marked_expression_selects_the_event_containing_it(
    initial: Dataset, article: Any
) -> None:
    s = article.text.index("Last week")
    trigger = {"type": ids.TIMEX, "index": f"{s}-{s + 9}"}
    kw = dict(click_data=None, active_cell=None, data=None, edits=None)
    got = select_event(initial, trigger=trigger, timex_clicks=1, **kw)
    assert (
        got
        == initial.events.set_index("label").loc["BBC joins White Helmets in Tartous", "event_id"]
    )
    with pytest.raises(LookupError):  # marks re-rendered, nobody clicked
        select_event(initial, trigger=trigger, timex_clicks=0, **kw)
    r = article.text.index("recently")  # an expression no event hangs on: the panel says so
    got = select_event(
        initial, trigger={"type": ids.TIMEX, "index": f"{r}-{r + 8}"}, timex_clicks=1, **kw
    )
    panel, span = show_details(initial, got, None, None)
    assert "No event is dated by \u201crecently\u201d" in _all_text(panel)[0]
    assert span == {"start": r, "end": r + 8, "event_id": None}


def test_event_for_span_prefers_the_event_dated_by_the_phrase(events: pd.DataFrame) -> None:
    twin = events.iloc[[3]].assign(event_id="twin", timex="other phrase")
    both = validate_events(pd.concat([events, twin], ignore_index=True))
    s = int(events.iloc[3]["char_start"])
    assert event_for_span(both, s, s + 9, "Last week") == events.iloc[3]["event_id"]


def test_details_show_provenance_and_the_span_to_highlight(initial: Dataset) -> None:
    eid = initial.events["event_id"].iloc[3]
    panel, span = show_details(initial, eid, None, None)
    text = json.dumps([c.to_plotly_json() for c in panel], default=lambda o: o.to_plotly_json())
    for needle in (
        "BBC joins White Helmets in Tartous",
        "2025-03-10/2025-03-16",
        "Last week",
        "week",
        "Tartous",
        "Last week, BBC News joined",
    ):
        assert needle in text
    assert span == {
        "start": int(initial.events["char_start"].iloc[3]),
        "end": int(initial.events["char_end"].iloc[3]),
        "event_id": eid,
    }
    panel, span = show_details(initial, None, None, None)
    assert span is None


# ------------------------------------------------------------------- edits --


def _page(initial: Dataset) -> list[dict[str, Any]]:
    return table_rows(initial.events)


def test_a_valid_edit_is_stored_and_applied(initial: Dataset) -> None:
    rows = _page(initial)
    rows[0] = {**rows[0], "label": "Assad regime falls", "end": "2024-12-08"}
    edits, alert, restored = edit_table(initial, rows, None, {})
    eid = rows[0]["event_id"]
    assert alert == "" and restored is None
    assert edits == {eid: {"label": "Assad regime falls", "end": "2024-12-08"}}
    out = view(initial, edits=edits, search="regime")
    assert out["count"] == "1 of 6 events"
    assert out["rows"][0]["edtf"] == "2024-12-01/2024-12-08"  # EDTF follows the window


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("start", "next tuesday", "is not a date"),
        ("end", "2024-11-01", "before start"),
        ("precision", "fortnight", "is not a precision"),
        ("confidence", "1.5", "from 0 to 1"),
        ("label", "", "give every event a label"),
    ],
)
def test_an_invalid_edit_shows_an_alert_and_is_not_applied(
    initial: Dataset, column: str, value: str, message: str
) -> None:
    rows = _page(initial)
    before = dict(rows[0])
    rows[0] = {**rows[0], column: value}
    edits, alert, restored = edit_table(initial, rows, None, {})
    assert edits is None
    assert alert.startswith("Edit not applied:") and message in alert
    assert restored is not None and restored[0] == before


def test_apply_edits_never_changes_its_input(events: pd.DataFrame) -> None:
    snapshot = events.copy()
    eid = events["event_id"].iloc[0]
    out = apply_edits(events, {eid: {"actors": "A; B", "category": "Legal"}})
    pd.testing.assert_frame_equal(events, snapshot)
    assert out.loc[0, "actors"] == ["A", "B"] and out.loc[0, "category"] == "legal"
    with pytest.raises(SchemaError):
        apply_edits(events, {eid: {"sentence": "not editable"}})


def test_an_unchanged_page_is_not_an_edit(initial: Dataset) -> None:
    assert diff_table_rows(initial.events, _page(initial)) == {}
    assert edit_table(initial, _page(initial), None, {}) == (None, "", None)


# ------------------------------------------------------------------ upload --


@pytest.mark.parametrize(
    ("name", "data", "published", "needle"),
    [
        ("photo.txt", bytes(range(256)) * 8, "2025-03-21", "binary"),
        ("latin1.txt", "Caf\u00e9 opened in March.".encode("latin-1"), "2025-03-21", "UTF-8"),
        ("empty.txt", b"   \n", "2025-03-21", "empty"),
        ("notes.docx", b"PK\x03\x04", "2025-03-21", "unknown file type"),
        ("table.csv", b"title,when\nx,2025-01-01\n", None, "label"),
        ("article.txt", b"Last week the bridge fell.", "2025-02-30", "not a real date"),
        ("article.txt", b"Last week the bridge fell.", "21/03/2025", "YYYY-MM-DD"),
    ],
)
def test_a_bad_upload_only_shows_an_alert(
    name: str, data: bytes, published: str | None, needle: str
) -> None:
    out = load_outputs(upload(name, data), name, published)
    assert set(out) == {"alert"}, "the current timeline must stay"
    assert needle in out["alert"] and "\n" not in out["alert"]


def _need_extractor() -> None:
    events_pkg = pytest.importorskip("timeline.events")
    if not hasattr(events_pkg, "extract"):
        pytest.skip("timeline.events.extract is not written yet")


def test_an_upload_needing_a_date_without_one_says_so() -> None:
    _need_extractor()
    out = load_outputs(upload("a.txt", b"Last week the bridge fell."), "a.txt", None)
    assert set(out) == {"alert"} and "date" in out["alert"].lower()


def test_an_article_upload_shows_its_text_and_events(article: Any) -> None:
    _need_extractor()
    out = load_outputs(upload("seed.txt", article.text.encode()), "seed.txt", "2025-03-21")
    assert out["alert"] == "" and out["store"]["records"]
    assert out["store"]["article"]["published"] == "2025-03-21"
    assert "".join(_all_text(out["article"])) == article.text.replace("\n", "")
    assert "published 2025-03-21" in out["meta"]


def test_typing_the_date_reloads_only_once_it_is_whole(events: pd.DataFrame) -> None:
    app = create_app(events)
    key = next(k for k in app.callback_map if f"{ids.UPLOAD_ALERT}.children" in k)
    csv = upload("t.csv", b"label,start,end\nA,2025-01-01,2025-01-02\n")

    def typed(value: str) -> dict[str, Any]:
        body = {
            "output": key,
            "outputs": [
                {"id": o.split(".")[0].split("@")[0], "property": o.split(".")[1].split("@")[0]}
                for o in key.strip(".").split("...")
            ],
            "inputs": [
                {"id": ids.UPLOAD, "property": "contents", "value": csv},
                {"id": ids.PUBLISHED, "property": "value", "value": value},
            ],
            "state": [{"id": ids.UPLOAD, "property": "filename", "value": "t.csv"}],
            "changedPropIds": [f"{ids.PUBLISHED}.value"],
        }
        resp = app.server.test_client().post("/_dash-update-component", json=body)
        assert resp.status_code in (200, 204)
        return (resp.get_json() or {}).get("response", {}) if resp.status_code == 200 else {}

    assert typed("2025-0") == {}  # nothing updated while the date is incomplete
    assert typed("2025-03-21")[ids.DATA]["data"]["name"] == "t.csv"


def test_nothing_happens_before_a_file_is_chosen() -> None:
    assert load_outputs(None, None, "2025-03-21") == {}


def test_a_good_table_upload_replaces_the_dataset(initial: Dataset) -> None:
    csv = (
        b"label,start,end,category\nBridge opens,2025-05-01,2025-05-01,other\n"
        b"Talks,2025-04-01,2025-04-30,politics\n"
    )
    out = load_outputs(upload("t.csv", csv), "t.csv", None)
    assert out["alert"] == "" and out["edits"] == {} and out["selected"] is None
    assert out["title"] == "t.csv" and out["min_date"] == "2025-04-01"
    ds = dataset_from_store(
        initial, json.loads(json.dumps(out["store"]))
    )  # as the browser keeps it
    assert list(ds.events["label"]) == ["Bridge opens", "Talks"] and ds.article is None
    assert view(initial, data=out["store"])["count"] == "2 of 2 events"


# ------------------------------------------------------------ hostile text --


def _all_text(component: Any) -> list[str]:
    out: list[str] = []

    def walk(c: Any) -> None:
        if isinstance(c, str):
            out.append(c)
        elif isinstance(c, list | tuple):
            for x in c:
                walk(x)
        elif hasattr(c, "children"):
            walk(c.children)

    walk(component)
    return out


def test_hostile_text_is_plain_text_everywhere() -> None:
    ev = validate_events(
        pd.DataFrame(
            [
                dict(
                    event_id="h1",
                    label=HOSTILE,
                    start="2025-01-05",
                    end="2025-01-05",
                    sentence="<b>bold</b>",
                    actors=["<i>x</i>"],
                ),
            ]
        )
    )
    ds = Dataset(events=ev, name="</title><script>alert(1)</script>")
    panel, _ = show_details(ds, "h1", None, None)
    assert HOSTILE in _all_text(panel)  # a child string: React escapes it
    out = view(ds)
    assert out["rows"][0]["label"] == HOSTILE  # DataTable cells are text
    fig = out["figure"]
    blob = fig.to_json()
    assert "<script" not in blob and "<img" not in blob  # plotly.js would render these
    assert "&lt;script&gt;" in blob
    assert "<" not in page_title(ds, None)


def test_the_page_never_asks_for_raw_html() -> None:
    app = create_app(
        validate_events(pd.DataFrame([dict(label=HOSTILE, start="2025-01-05", end="2025-01-05")])),
        title="<b>t</b>",
    )
    layout = json.dumps(app.layout.to_plotly_json(), default=lambda o: o.to_plotly_json())
    assert "dangerously_allow_html" not in layout
    assert "<" not in app.title and "&lt;b&gt;t&lt;/b&gt;" in app.title


# ------------------------------------------------------------------ export --


def test_csv_and_json_downloads_hold_what_is_shown(initial: Dataset) -> None:
    filters = dict(
        lane_by="category",
        lanes=["violence"],
        search="",
        precisions=list(PRECISIONS),
        date_from=None,
        date_to=None,
    )
    csv = export_file(initial, "csv", filters=filters, theme="light", data=None, edits=None)
    assert csv["filename"].endswith(".csv")
    assert pd.read_csv(__import__("io").StringIO(csv["content"]))["label"].tolist() == [
        "Killings of Alawites",
        "Ambush kills 14 troops",
    ]
    js = export_file(initial, "json", filters=filters, theme="light", data=None, edits=None)
    assert [r["label"] for r in json.loads(js["content"])] == [
        "Killings of Alawites",
        "Ambush kills 14 troops",
    ]


def test_png_download_goes_through_the_exporter(
    initial: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline import export
    from timeline.errors import ExportError

    seen: dict[str, Any] = {}

    def fake_to_image(events: pd.DataFrame, **opts: Any) -> bytes:
        seen.update(opts, n=len(events))
        return b"\x89PNG fake"

    monkeypatch.setattr(export, "to_image", fake_to_image)
    filters = dict(lane_by="actors", lanes=None, search="tartous", precisions=None)
    png = export_file(initial, "png", filters=filters, theme="dark", data=None, edits=None)
    assert png["base64"] and base64.b64decode(png["content"]).startswith(b"\x89PNG")
    assert seen["n"] == 1 and seen["lane_by"] == "actors" and seen["theme"] == "dark"
    assert seen["format"] == "png" and seen["title"] == initial.article.title

    def no_browser(events: pd.DataFrame, **opts: Any) -> bytes:
        raise ExportError("no Chromium found for image export; install it")

    monkeypatch.setattr(export, "to_image", no_browser)
    app = create_app(initial.events, initial.article)
    key = next(k for k in app.callback_map if f"{ids.DOWNLOAD}.data" in k)
    state = [
        {"id": ids.LANE_BY, "property": "value", "value": "category"},
        {"id": ids.LANES, "property": "value", "value": []},
        {"id": ids.SEARCH, "property": "value", "value": ""},
        {"id": ids.PRECISION, "property": "value", "value": list(PRECISIONS)},
        {"id": ids.DATES, "property": "start_date", "value": None},
        {"id": ids.DATES, "property": "end_date", "value": None},
        {"id": ids.THEME, "property": "value", "value": "light"},
        {"id": ids.DATA, "property": "data", "value": {"kind": "initial"}},
        {"id": ids.EDITS, "property": "data", "value": {}},
    ]
    inputs = [
        {"id": i, "property": "n_clicks", "value": int(i == ids.EXPORT_PNG)}
        for i in (ids.EXPORT_PNG, ids.EXPORT_HTML, ids.EXPORT_CSV, ids.EXPORT_JSON)
    ]
    out = _post(app, key, inputs, state, changed=[f"{ids.EXPORT_PNG}.n_clicks"])
    assert out[ids.EXPORT_ALERT]["children"].startswith("no Chromium found")


def test_html_download_is_a_page(initial: Dataset) -> None:
    filters = dict(
        lane_by="category", lanes=None, search="", precisions=None, date_from=None, date_to=None
    )
    page = export_file(initial, "html", filters=filters, theme="dark", data=None, edits=None)
    assert page["filename"].endswith(".html") and page["content"].lstrip().lower().startswith(
        "<!doctype html"
    )


# ------------------------------------------------------- app and statelessness --


def _post(
    app: Any,
    output: str,
    inputs: list[dict[str, Any]],
    state: list[dict[str, Any]] | None = None,
    changed: list[str] | None = None,
) -> dict[str, Any]:
    """Call a registered callback the way the browser does."""
    client = app.server.test_client()
    outputs = [
        {"id": o.split(".")[0], "property": o.split(".")[1]} for o in output.strip(".").split("...")
    ]
    body = {
        "output": output,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": inputs,
        "state": state or [],
        "changedPropIds": changed or [],
    }
    resp = client.post("/_dash-update-component", json=body)
    assert resp.status_code == 200, resp.data[:500]
    return resp.get_json()["response"]


def _main_inputs(**over: Any) -> list[dict[str, Any]]:
    vals = {
        (ids.LANE_BY, "value"): "category",
        (ids.LANES, "value"): [],
        (ids.SEARCH, "value"): "",
        (ids.PRECISION, "value"): list(PRECISIONS),
        (ids.DATES, "start_date"): None,
        (ids.DATES, "end_date"): None,
        (ids.THEME, "value"): "light",
        (ids.DATA, "data"): {"kind": "initial"},
        (ids.EDITS, "data"): {},
        (ids.SELECTED, "data"): None,
    }
    for k, v in over.items():
        comp, prop = k.split("__")
        vals[(comp.replace("_", "-"), prop)] = v
    return [{"id": c, "property": p, "value": v} for (c, p), v in vals.items()]


def _main_output(app: Any) -> str:
    return next(k for k in app.callback_map if f"{ids.GRAPH}.figure" in k)


def test_two_apps_and_repeated_calls_share_no_state(events: pd.DataFrame, article: Any) -> None:
    other = validate_events(
        pd.DataFrame([dict(label="Only one", start="2020-01-01", end="2020-01-02")])
    )
    app_a, app_b = create_app(events, article), create_app(other)
    module_state = {k: id(v) for k, v in vars(tl_app).items()}

    def count(app: Any, **over: Any) -> str:
        drawn = [{"id": ids.FIGURE_KEY, "property": "data", "value": None}]
        out = _post(app, _main_output(app), _main_inputs(**over), drawn, [f"{ids.SEARCH}.value"])
        return out[ids.COUNT]["children"]

    assert count(app_a) == "6 of 6 events"
    assert count(app_b) == "1 of 1 event"
    assert count(app_a, tl_search__value="ambush") == "1 of 6 events"
    # an upload lives in the caller's store only: the app and the other app are unchanged
    store = load_outputs(
        upload("t.csv", b"label,start,end\nA,2025-01-01,2025-01-02\n"), "t.csv", None
    )["store"]
    assert count(app_a, tl_data__data=store) == "1 of 1 event"
    assert count(app_a) == "6 of 6 events"
    assert count(app_b) == "1 of 1 event"
    assert count(app_a) == count(app_a)
    assert {k: id(v) for k, v in vars(tl_app).items() if k in module_state} == module_state


def test_selecting_in_a_large_figure_sends_only_the_outline() -> None:
    n = 6_000  # above build_figure's WebGL threshold
    big = validate_events(pd.DataFrame({
        "event_id": [f"g{i}" for i in range(n)], "label": [f"Event {i}" for i in range(n)],
        "start": "2025-01-01", "end": "2025-01-02",
    }))  # fmt: skip
    app = create_app(big)
    key = _main_output(app)

    def call(selected: str | None, drawn: str | None, changed: str) -> dict[str, Any]:
        inputs = _main_inputs(tl_selected__data=selected)
        state = [{"id": ids.FIGURE_KEY, "property": "data", "value": drawn}]
        return _post(app, key, inputs, state, changed=[changed])

    first = call(None, None, f"{ids.SEARCH}.value")
    full = first[ids.GRAPH]["figure"]
    assert full["data"][-1]["name"] == "selected" and len(full["data"][-1]["x"]) == 0
    drawn = first[ids.FIGURE_KEY]["data"]
    patch = call("g42", drawn, f"{ids.SELECTED}.data")[ids.GRAPH]["figure"]
    blob = json.dumps(patch)
    assert "__dash_patch_update" in blob and "g42" in blob and len(blob) < 5_000
    # a figure drawn from something else (or nothing yet) is redrawn whole
    again = call("g42", "stale", f"{ids.SELECTED}.data")[ids.GRAPH]["figure"]
    assert len(again["data"]) == len(full["data"])


def test_importing_the_module_builds_nothing() -> None:
    import subprocess
    import sys

    code = (
        "import sys, timeline.app as a; "
        "print(a._wsgi_app.cache_info().currsize, 'timeline.sources' in sys.modules, "
        "'timeline.events' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False", "False"]


def test_wsgi_server_is_built_from_the_environment(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "t.csv"
    table.write_text("label,start,end\n<b>x</b>,2025-01-01,2025-01-02\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_SOURCE", str(table))
    monkeypatch.delenv("TIMELINE_PUBLISHED", raising=False)
    tl_app._wsgi_app.cache_clear()
    try:
        server = tl_app.server
        resp = server.test_client().get("/")
        assert resp.status_code == 200 and b"<title>timeline</title>" in resp.data
        assert tl_app.server is server  # built once per process
    finally:
        tl_app._wsgi_app.cache_clear()
    with pytest.raises(AttributeError):
        tl_app.no_such_thing  # noqa: B018


def test_assets_are_found_by_absolute_path(events: pd.DataFrame) -> None:
    app = create_app(events)
    folder = app.config.assets_folder
    assert folder == str(assets_dir()) and (assets_dir() / "timeline.css").is_file()
    resp = app.server.test_client().get("/")
    assert b"timeline.css" in resp.data and b"timeline.js" in resp.data


def test_controls_have_labels(events: pd.DataFrame, article: Any) -> None:
    layout = create_app(events, article).layout
    labels = {c.htmlFor for c in _walk(layout) if type(c).__name__ == "Label"}
    for control in (ids.LANES, ids.SEARCH, ids.PUBLISHED, ids.DATE_FROM):
        assert control in labels
    buttons = [c for c in _walk(layout) if type(c).__name__ == "Button"]
    assert buttons and all(getattr(b, "aria-label", None) for b in buttons)


def test_article_marks_every_expression_and_keeps_the_text(
    events: pd.DataFrame, article: Any
) -> None:
    layout = create_app(events, article).layout
    marks = [c for c in _walk(layout[ids.ARTICLE]) if type(c).__name__ == "Mark"]
    from timeline.temporal import tag

    spans, last = [], -1
    for t in sorted(tag(article.text, article.published), key=lambda t: (t.start, -t.end)):
        if t.start >= last:  # nested or overlapping expressions cannot both be marked
            spans.append(f"{t.start}-{t.end}")
            last = t.end
    assert [m.id["index"] for m in marks] == spans and spans
    assert all(m.id["type"] == ids.TIMEX for m in marks)
    for m in marks:  # a mark holds exactly its expression
        s, e = (int(x) for x in m.id["index"].split("-"))
        assert "".join(_all_text(m)) == article.text[s:e]
    text = "".join(_all_text(layout[ids.ARTICLE]))
    assert text == article.text.replace("\n", "")


def _walk(c: Any) -> list[Any]:
    out = [c]
    kids = getattr(c, "children", None)
    if isinstance(kids, list | tuple):
        for k in kids:
            out += _walk(k)
    elif kids is not None and not isinstance(kids, str | int | float):
        out += _walk(kids)
    return out
