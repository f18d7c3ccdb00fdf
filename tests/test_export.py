"""Exports: image headers and sizes, self-contained HTML, TimelineJS, atomic writes, errors."""

from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline import export
from timeline.errors import ExportError, SchemaError
from timeline.io import read_events
from timeline.schema import validate_events

HOSTILE = "</script><script>window.__pwned=2</script>"
needs_browser = pytest.mark.skipif(
    shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists(),
    reason="image export needs Chromium: apt-get install -y chromium",
)


@pytest.fixture
def events() -> pd.DataFrame:
    return validate_events(pd.DataFrame([
        {"event_id": "fall", "label": "Assad regime falls", "start": "2024-12-01",
         "end": "2024-12-31", "precision": "month", "timex": "in December", "category": "politics",
         "sentence": "After the fall of Bashar al-Assad in December ...", "source": "BBC News"},
        {"event_id": "tartous", "label": "BBC joins White Helmets", "start": "2025-03-10",
         "end": "2025-03-16", "precision": "week", "timex": "Last week", "category": "reporting",
         "actors": ["BBC News"], "places": ["Tartous"], "source": "BBC News"},
        {"event_id": "coast", "label": "Killings on the coast", "start": "2025-03-01",
         "end": "2025-03-20", "precision": "vague", "category": "violence", "source": "BBC News"},
        {"event_id": "report", "label": "Report published", "start": "2025-03-21",
         "end": "2025-03-21", "precision": "day", "category": "reporting", "source": "BBC News"},
    ]))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# ----------------------------------------------------------------- images --


@needs_browser
def test_png_at_defaults_is_wide_and_scaled(events, tmp_path):
    path = export.write_image(events, tmp_path / "t.png", published="2025-03-21", title="T")
    width, height = png_size(path.read_bytes())
    assert width == 1400 * 2 and width >= 1200
    assert height > 600


@needs_browser
def test_png_width_height_and_scale_are_honoured(events):
    assert png_size(export.to_image(events, width=800, height=500, scale=1)) == (800, 500)
    assert png_size(export.to_image(events, width=600, height=400, scale=1.5)) == (900, 600)


@needs_browser
@pytest.mark.parametrize(("ext", "head"), [("svg", b"<svg"), ("pdf", b"%PDF-")])
def test_svg_and_pdf_by_extension(events, tmp_path, ext, head):
    path = export.write_image(events, tmp_path / f"t.{ext}")
    assert path.read_bytes().lstrip()[: len(head)] == head


@needs_browser
def test_a_plotly_figure_exports_too(events):
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    assert png_size(export.to_image(fig, width=300, height=200, scale=1)) == (300, 200)
    assert fig.layout.width is None  # the caller's figure is not changed


def test_unknown_image_format_is_a_one_line_error(events, tmp_path):
    with pytest.raises(ExportError, match="png, svg, pdf"):
        export.write_image(events, tmp_path / "t.bmp")
    assert not list(tmp_path.iterdir())


def test_missing_browser_says_what_to_install(events, tmp_path, monkeypatch):
    export.stop_image_server()
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    with pytest.raises(ExportError) as info:
        export.write_image(events, tmp_path / "t.png")
    message = str(info.value)
    assert "\n" not in message
    assert "apt-get install -y chromium" in message and "BROWSER_PATH=/path/to/chromium" in message
    assert "plotly_get_chrome" not in message
    assert not (tmp_path / "t.png").exists() and not list(tmp_path.glob(".t.png*"))


def test_no_browser_anywhere_says_what_to_install(monkeypatch):
    from choreographer.browsers.chromium import Chromium

    export.stop_image_server()
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(Chromium, "find_browser", classmethod(lambda cls, **kw: None))
    with pytest.raises(ExportError, match=r"apt-get install -y chromium\) or set BROWSER_PATH"):
        export.to_image(pd.DataFrame({"label": ["a"], "start": ["2025-01-01"],
                                      "end": ["2025-01-01"]}))


def test_failed_export_leaves_no_file(events, tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise ExportError("image export failed: boom")

    monkeypatch.setattr(export, "_render", boom)
    target = tmp_path / "t.png"
    target_old = tmp_path / "old.png"
    target_old.write_bytes(b"previous")
    with pytest.raises(ExportError):
        export.write_image(events, target)
    with pytest.raises(ExportError):
        export.write_image(events, target_old)
    assert not target.exists()
    assert target_old.read_bytes() == b"previous"  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.png"]


def test_write_error_mid_file_leaves_nothing(events, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(export, "to_timelinejs", broken)
    with pytest.raises(RuntimeError):
        export.write_timelinejs(events, tmp_path / "t.json")
    assert not list(tmp_path.iterdir())


# ------------------------------------------------------------------- html --


def test_html_page_is_self_contained(events):
    page = export.to_html(events, title="White Helmets", published="2025-03-21")
    assert page.startswith("<!DOCTYPE html>") and "<html" in page
    assert not re.search(r"""src\s*=\s*["']?https?:""", page, re.I)
    assert not re.search(r"""<link[^>]+href\s*=\s*["']?https?:""", page, re.I)
    assert "Plotly.newPlot" in page and len(page) > 1_000_000  # plotly.js inlined
    assert '"responsive": true' in page
    assert "<h1>White Helmets</h1>" in page
    assert "Source: BBC News, published 2025-03-21" in page  # from the events' source column
    assert page.count("published 2025-03-21") == 2  # the credit line and the figure's line label


def test_html_page_lists_the_events_with_their_sentences(events):
    page = export.to_html(events, plotlyjs="none")
    assert "4 dated events" in page
    assert "<td class=\"when\">December 2024</td>" in page
    assert "After the fall of Bashar al-Assad in December ..." in page
    assert "dated events" not in export.to_html(events, plotlyjs="none", events_list=False)
    assert "dated events" not in export.to_html(events, plotlyjs="none", embed=True)


def test_html_cdn_and_none(events):
    cdn = export.to_html(events, plotlyjs="cdn")
    assert re.search(r'src="https://cdn\.plot\.ly/', cdn) and len(cdn) < 200_000
    assert "cdn.plot.ly" not in export.to_html(events, plotlyjs="none")
    with pytest.raises(ExportError, match="inline, cdn or none"):
        export.to_html(events, plotlyjs="local")


def test_embed_is_a_fragment(events):
    frag = export.to_html(events, embed=True, title="T", plotlyjs="none")
    assert "<html" not in frag and "<head" not in frag and "<body" not in frag
    assert frag.lstrip().startswith("<div") and "Plotly.newPlot" in frag


def test_html_escapes_hostile_title_source_and_labels(events, tmp_path):
    ev = events.copy()
    ev.loc[0, "label"] = HOSTILE
    page = export.to_html(ev, title=HOSTILE, source=HOSTILE, plotlyjs="none")
    assert "window.__pwned" in page  # the text is there ...
    assert "<td>&lt;/script&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;</td>" in page
    assert "<script>window.__pwned" not in page  # ... but never as markup
    frag = export.to_html(ev, embed=True, title=HOSTILE, plotlyjs="none")
    assert "<script>window.__pwned" not in frag


def test_write_html_is_atomic(events, tmp_path):
    path = export.write_html(events, tmp_path / "t.html", plotlyjs="none")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(ExportError):
        export.write_html(events, tmp_path / "u.html", plotlyjs="bogus")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.html"]


# ------------------------------------------------------------- TimelineJS --


def test_timelinejs_shape_and_display_dates(events):
    obj = export.to_timelinejs(events, title="White Helmets")
    assert obj["title"]["text"]["headline"] == "White Helmets"
    by_id = {e["unique_id"]: e for e in obj["events"]}
    assert by_id["fall"]["start_date"] == {"year": 2024, "month": 12, "day": 1}
    assert by_id["fall"]["end_date"] == {"year": 2024, "month": 12, "day": 31}
    assert by_id["fall"]["display_date"] == "December 2024"
    assert by_id["tartous"]["display_date"] == "10-16 March 2025"
    assert by_id["coast"]["display_date"] == "around 1-20 March 2025"
    assert by_id["report"]["display_date"] == "21 March 2025" and "end_date" not in by_id["report"]
    assert by_id["tartous"]["group"] == "reporting"
    assert by_id["tartous"]["text"]["headline"] == "BBC joins White Helmets"


@pytest.mark.parametrize(
    ("start", "end", "precision", "text"),
    [("2024-01-01", "2024-12-31", "year", "2024"),
     ("2024-12-15", "2025-01-03", "week", "15 December 2024 - 3 January 2025"),
     ("2025-02-27", "2025-03-02", "week", "27 February - 2 March 2025"),
     ("2025-03-01", "2025-05-31", "season", "March-May 2025")],
)
def test_display_dates(start, end, precision, text):
    from datetime import date

    assert export._display_date(date.fromisoformat(start), date.fromisoformat(end),
                                precision) == text


def test_timelinejs_round_trip(events, tmp_path):
    path = export.write_timelinejs(events, tmp_path / "t.json", title="T")
    back = read_events(path)  # timeline.io dispatches TimelineJS JSON here
    cols = ["event_id", "label", "start", "end", "category", "precision", "edtf", "timex",
            "sentence", "source", "confidence", "char_start", "doc_id"]
    pd.testing.assert_frame_equal(
        back[cols].reset_index(drop=True), events[cols].reset_index(drop=True),
        check_categorical=False, check_dtype=False,
    )
    assert back["actors"].tolist() == events["actors"].tolist()


def test_timelinejs_escapes_and_unescapes_hostile_text(events):
    ev = events.copy()
    ev.loc[0, "label"] = HOSTILE
    obj = export.to_timelinejs(ev)
    assert "<script>" not in json.dumps(obj)
    assert export.read_timelinejs(obj)["label"].iloc[0] == HOSTILE


def test_read_handmade_timelinejs():
    obj = {"events": [
        {"start_date": {"year": "2024", "month": "12"}, "text": {"headline": "<b>Fall</b>"}},
        {"start_date": {"year": 2020}, "end_date": {"year": 2021},
         "text": {"text": "<p>Decade</p>"}, "group": "Politics"},
    ]}
    df = export.read_timelinejs(obj)
    assert df["label"].tolist() == ["Fall", "Decade"]
    assert df["start"].dt.strftime("%Y-%m-%d").tolist() == ["2024-12-01", "2020-01-01"]
    assert df["end"].dt.strftime("%Y-%m-%d").tolist() == ["2024-12-31", "2021-12-31"]
    assert df["category"].tolist() == ["other", "politics"]


@pytest.mark.parametrize(
    "obj",
    [{"events": [{"text": {"headline": "x"}}]},
     {"events": [{"start_date": {"year": 2025, "month": 13}, "text": {"headline": "x"}}]},
     {"events": [{"start_date": {"year": 2025}}]},
     {"events": "nope"}],
)
def test_bad_timelinejs_is_a_one_line_schema_error(obj):
    with pytest.raises(SchemaError) as info:
        export.read_timelinejs(obj)
    assert "\n" not in str(info.value)


# --------------------------------------------------------------- dispatch --


@pytest.mark.parametrize("ext", ["csv", "json", "parquet"])
def test_export_tables_by_extension(events, tmp_path, ext):
    path = export.export_events(events, tmp_path / f"t.{ext}", width=None, theme="light")
    back = read_events(path)
    assert back["label"].tolist() == events["label"].tolist()


def test_export_timelinejs_and_html(events, tmp_path):
    path = export.export_events(events, tmp_path / "t.json", fmt="timelinejs", title="T")
    assert "events" in json.loads(path.read_text(encoding="utf-8"))
    path = export.export_events(events, tmp_path / "t.html", plotlyjs="none", embed=True,
                                scale=2)
    assert "<html" not in path.read_text(encoding="utf-8")


@needs_browser
def test_export_png_by_extension(events, tmp_path):
    path = export.export_events(events, tmp_path / "t.png", width=700, scale=1, embed=None)
    assert png_size(path.read_bytes())[0] == 700


def test_export_unknown_format(events, tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export.export_events(events, tmp_path / "t.docx")
    with pytest.raises(ExportError, match="unknown export format"):
        export.export_events(events, tmp_path / "t")


def test_export_a_figure_as_a_table_is_refused(tmp_path):
    fig = go.Figure(go.Scatter(x=[1], y=[1]))
    with pytest.raises(ExportError, match="export the events table"):
        export.export_events(fig, tmp_path / "t.csv")
    assert not list(tmp_path.iterdir())
