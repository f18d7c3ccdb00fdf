"""Exported HTML in real headless Chromium, with the network cut off.

Fixtures ``browser`` and ``page`` (console errors in ``page.console_errors``) come
from tests/browser/conftest.py; these tests skip when /usr/bin/chromium is absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from timeline import export
from timeline.schema import validate_events

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<img src=x onerror=window.__pwned=1>",
    "</script><script>window.__pwned=2</script>",
    "<iframe src=javascript:window.__pwned=3>",
    # plotly.js's own pseudo-HTML: unescaped, it would turn bold and become a live link
    '<b>bold</b> <a href="javascript:window.__pwned=4">go</a>',
]


def offline(page: Any) -> list[str]:
    """Abort every request that is not a local file (or inline data); return them."""
    blocked: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    page.route("**/*", route)
    return blocked


def open_file(page: Any, path: Path) -> list[str]:
    blocked = offline(page)
    page.goto(path.as_uri())
    page.wait_for_selector(".main-svg", state="attached")
    page.wait_for_function("document.querySelector('.js-plotly-plot')._fullLayout !== undefined")
    return blocked


def plot_state(page: Any) -> dict[str, Any]:
    # one evaluation: plotly replaces nodes on redraw, so never iterate handles
    return page.evaluate("""() => {
        const gd = document.querySelector('.js-plotly-plot');
        return {
            bars: document.querySelectorAll('.cartesianlayer .barlayer .point path').length,
            markers: document.querySelectorAll('.cartesianlayer .scatterlayer .point').length,
            labels: [...document.querySelectorAll('.annotation-text')].map(n => n.textContent),
            ticks: [...document.querySelectorAll('.ytick text')].map(n => n.textContent),
            svgWidth: document.querySelector('.main-svg').getBoundingClientRect().width,
            traces: gd.data.length,
            pwned: typeof window.__pwned,
            injected: document.querySelectorAll('img, iframe, .main-svg a, table b').length,
            cells: [...document.querySelectorAll('details.events td')].map(n => n.textContent),
        };
    }""")


@pytest.fixture
def seed_events() -> pd.DataFrame:
    return validate_events(pd.DataFrame([
        {"event_id": "fall", "label": "Assad regime falls", "start": "2024-12-01",
         "end": "2024-12-31", "precision": "month", "timex": "in December", "category": "politics",
         "sentence": "After the fall of former Syrian President Bashar al-Assad in December ..."},
        {"event_id": "ambush", "label": "Ambush kills 14 troops", "start": "2024-12-15",
         "end": "2024-12-31", "precision": "week", "timex": "two weeks after",
         "category": "violence"},
        {"event_id": "tartous", "label": "BBC joins White Helmets in Tartous",
         "start": "2025-03-10", "end": "2025-03-16", "precision": "week", "timex": "Last week",
         "category": "reporting"},
        {"event_id": "report", "label": "Report published", "start": "2025-03-21",
         "end": "2025-03-21", "precision": "day", "category": "reporting"},
    ]))


def test_exported_page_renders_offline(page, seed_events, tmp_path):
    path = export.write_html(seed_events, tmp_path / "seed.html", title="White Helmets",
                             source="BBC News", published="2025-03-21")
    blocked = open_file(page, path)
    state = plot_state(page)
    assert state["bars"] == 3 and state["markers"] >= 1
    assert "Assad regime falls" in state["labels"]
    assert "published 2025-03-21" in state["labels"]
    assert state["ticks"] == ["Violence", "Politics", "Reporting"]
    assert page.locator("h1").inner_text() == "White Helmets"
    assert "Source: BBC News, published 2025-03-21" in page.locator(".credit").inner_text()
    assert blocked == []  # nothing even tried to reach the network
    assert page.console_errors == []


def test_exported_page_is_responsive(page, seed_events, tmp_path):
    path = export.write_html(seed_events, tmp_path / "seed.html")
    open_file(page, path)
    wide = plot_state(page)["svgWidth"]
    page.set_viewport_size({"width": 700, "height": 900})
    page.wait_for_function(
        f"document.querySelector('.main-svg').getBoundingClientRect().width < {wide - 200}"
    )


def test_hover_shows_the_sentence(page, seed_events, tmp_path):
    path = export.write_html(seed_events, tmp_path / "seed.html")
    open_file(page, path)
    page.evaluate("""() => {
        const gd = document.querySelector('.js-plotly-plot');
        const i = gd.data.findIndex(t => t.type === 'bar' && t.name === 'month');
        Plotly.Fx.hover(gd, [{curveNumber: i, pointNumber: 0}]);
    }""")
    hover = page.locator(".hoverlayer .hovertext").first
    hover.wait_for(state="attached")
    text = hover.text_content() or ""
    assert "Assad regime falls" in text and "in December" in text and "After the fall" in text


def hostile_events() -> pd.DataFrame:
    rows = []
    for i, bad in enumerate(PAYLOADS):
        rows.append({"event_id": f"h{i}", "label": bad, "timex": bad,
                     "sentence": f"He wrote {bad} in the post.",
                     "start": f"2025-03-{i + 1:02d}", "end": f"2025-03-{i + 1 + 2 * (i % 2):02d}",
                     "category": "other", "actors": [bad]})
    return validate_events(pd.DataFrame(rows))


def attack(page: Any, path: Path) -> tuple[dict[str, Any], list[str]]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_file(page, path)
    # hover every point: hover labels are where a sentence would turn into markup
    page.evaluate("""() => {
        const gd = document.querySelector('.js-plotly-plot');
        gd.data.forEach((t, c) => (t.customdata || []).forEach((_, p) =>
            Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: p}])));
    }""")
    page.wait_for_timeout(300)  # let any onerror / iframe load fire
    return plot_state(page), dialogs


@pytest.mark.parametrize("lane_by", ["category", "actors"])
def test_hostile_text_stays_text_in_the_full_page(page, tmp_path, lane_by):
    path = export.write_html(hostile_events(), tmp_path / "bad.html", title=PAYLOADS[1],
                             source=PAYLOADS[0], lane_by=lane_by)
    state, dialogs = attack(page, path)
    assert state["pwned"] == "undefined" and dialogs == [] and state["injected"] == 0
    assert state["traces"] >= 2  # the plot did render
    for bad in PAYLOADS:
        assert any(label.startswith(bad[:40]) for label in state["labels"])  # shown literally
    if lane_by == "actors":
        assert "<img src=x onerror=window…" in state["ticks"]  # long lane names are cut
    assert page.locator("h1").inner_text() == PAYLOADS[1]
    assert page.title() == PAYLOADS[1]
    for bad in PAYLOADS:  # the events table under the chart shows them as text too
        assert bad in state["cells"]


def test_hostile_text_stays_text_in_an_embed(page, tmp_path):
    fragment = export.to_html(hostile_events(), embed=True, title=PAYLOADS[2], source=PAYLOADS[0])
    host = tmp_path / "host.html"
    host.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>CMS</title></head><body>"
        f"<h1>Host article</h1><p>Before.</p>{fragment}<p id='after'>After.</p></body></html>",
        encoding="utf-8",
    )
    state, dialogs = attack(page, host)
    assert state["pwned"] == "undefined" and dialogs == [] and state["injected"] == 0
    for bad in PAYLOADS:
        assert any(label.startswith(bad[:40]) for label in state["labels"])
    assert page.locator("#after").inner_text() == "After."  # the fragment did not break the host
    assert page.console_errors == []


def test_large_table_renders_with_webgl_offline(page, tmp_path):
    n = 10_000
    days = pd.to_timedelta([i % 900 for i in range(n)], unit="D")
    start = pd.Timestamp("2022-01-01") + days
    events = validate_events(pd.DataFrame({
        "event_id": [f"e{i}" for i in range(n)], "label": [f"event {i}" for i in range(n)],
        "start": start, "end": start + pd.to_timedelta([(i % 3) * 7 for i in range(n)], unit="D"),
        "category": ["violence", "politics", "legal", "other"] * (n // 4),
    }))
    path = export.write_html(events, tmp_path / "big.html")
    blocked = open_file(page, path)
    info = page.evaluate("""() => {
        const gd = document.querySelector('.js-plotly-plot');
        return {types: [...new Set(gd._fullData.map(t => t.type))],
                points: gd._fullData.reduce((n, t) => n + (t._length || 0), 0),
                canvases: document.querySelectorAll('canvas.gl-canvas').length,
                xtype: gd._fullLayout.xaxis.type,
                ticks: [...document.querySelectorAll('.xtick text')].length};
    }""")
    assert info["types"] == ["scattergl"] and info["points"] == n
    assert info["canvases"] >= 1 and info["xtype"] == "date" and info["ticks"] > 2
    assert blocked == [] and page.console_errors == []
