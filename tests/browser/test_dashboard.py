"""The dashboard in real headless Chromium (Debian's /usr/bin/chromium, Playwright).

Plot state is read with one JavaScript evaluation or an auto-retrying wait, never by
iterating element handles: plotly replaces its SVG nodes on every redraw.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api", reason="pip install playwright").expect

PLOT = "document.querySelector('#tl-graph .js-plotly-plot')"
#: the event ids currently drawn (the outline of the selection is not an event)
PLOTTED_IDS = f"""() => {{ const g = {PLOT}; if (!g || !g.data) return null;
  return g.data.filter(t => t.name !== 'selected' && t.customdata)
    .flatMap(t => Array.from(t.customdata, c => c[0])).sort(); }}"""
#: viewport coordinates of an event's mark, computed from plotly's own axes
MARK_XY = f"""(id) => {{ const g = {PLOT}; const fl = g._fullLayout;
  const xa = fl.xaxis, ya = fl.yaxis, box = g.getBoundingClientRect();
  for (const t of g._fullData) {{  // decoded arrays (the figure may send base64 typed arrays)
    if (t.name === 'selected' || !t.customdata) continue;
    const i = Array.from(t.customdata, c => c[0]).indexOf(id);
    if (i < 0) continue;
    const x = t.type === 'bar' ? xa.d2l(t.base[i]) + Number(t.x[i]) / 2 : xa.d2l(t.x[i]);
    return {{x: box.left + fl._size.l + xa.l2p(x), y: box.top + fl._size.t + ya.l2p(t.y[i])}};
  }}
  return null; }}"""


def click_event(page: Any, event_id: str) -> None:
    """A real mouse click on an event's mark (where plotly's axes say it is drawn)."""
    # the graph may still be resizing to the page: wait until the mark stops moving
    page.wait_for_function(
        """([js, id]) => { const xy = JSON.stringify(eval(js)(id));
           const same = window.__tl_last === xy; window.__tl_last = xy;
           return same && xy !== 'null'; }""",
        arg=[MARK_XY, event_id],
        polling=150,
    )
    xy = page.evaluate(MARK_XY, event_id)
    page.mouse.click(xy["x"], xy["y"])


def emit_click(page: Any, event_id: str) -> None:
    """plotly's own click event for an event's point (thousands of WebGL markers overlap,
    so a mouse click cannot aim at one; the real mouse is tested on the seed)."""
    page.evaluate(
        f"""(id) => {{ const g = {PLOT};
        for (const t of g._fullData) {{
          if (t.name === 'selected' || !t.customdata) continue;
          const p = Array.from(t.customdata, c => c[0]).indexOf(id);
          if (p < 0) continue;
          g.emit('plotly_click', {{points: [{{curveNumber: t.index, pointNumber: p}}]}});
          return;
        }} }}""",
        event_id,
    )


def open_dashboard(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_function(
        f"() => {{ const g = {PLOT}; return g && g.data && g.data.some(t => t.customdata); }}"
    )
    expect(page.locator("#tl-table tbody tr").nth(1)).to_be_visible()


@pytest.fixture()
def seed_url(serve: Any, seed_data: Any) -> str:
    from timeline.app import create_app

    events, article = seed_data
    return serve(create_app(events, article).server)


def test_page_loads_without_console_errors(page: Any, seed_url: str, seed_data: Any) -> None:
    open_dashboard(page, seed_url)
    events, article = seed_data
    assert page.evaluate(PLOTTED_IDS) == sorted(events["event_id"])
    expect(page.locator("#tl-count")).to_have_text(f"{len(events)} of {len(events)} events")
    expect(page.locator("h1")).to_have_text(article.title)
    assert page.title().startswith(article.title)
    expect(page.locator("#tl-article mark.tl-timex").first).to_be_visible()
    assert page.locator("#tl-article mark.tl-timex").count() >= 5
    page.wait_for_timeout(300)
    assert page.console_errors == []


def test_filters_change_what_is_plotted(page: Any, seed_url: str, seed_data: Any) -> None:
    events, _ = seed_data
    open_dashboard(page, seed_url)
    page.get_by_label("Search").fill("tartous")
    page.get_by_label("Search").press("Enter")
    expect(page.locator("#tl-count")).to_have_text(f"1 of {len(events)} events")
    want = events.loc[events["label"].str.contains("Tartous"), "event_id"].tolist()
    page.wait_for_function(
        f"(want) => JSON.stringify(({PLOTTED_IDS})()) === JSON.stringify(want)", arg=want
    )
    expect(page.locator("#tl-table tbody tr")).to_have_count(2)  # header + one row

    page.get_by_label("Search").fill("")
    page.get_by_label("Search").press("Enter")
    page.locator("#tl-precision").get_by_label("week").uncheck()
    n_week = int((events["precision"] == "week").sum())
    expect(page.locator("#tl-count")).to_have_text(
        f"{len(events) - n_week} of {len(events)} events"
    )
    page.wait_for_function(f"(n) => ({PLOTTED_IDS})().length === n", arg=len(events) - n_week)

    page.locator("#tl-precision").get_by_label("week").check()
    page.get_by_label("from date").fill("2025-03-05")
    page.keyboard.press("Enter")
    page.get_by_label("to date").fill("2025-03-09")
    page.keyboard.press("Enter")
    overlap = events[(events["end"] >= "2025-03-05") & (events["start"] <= "2025-03-09")]
    expect(page.locator("#tl-count")).to_have_text(f"{len(overlap)} of {len(events)} events")
    page.wait_for_function(f"(n) => ({PLOTTED_IDS})().length === n", arg=len(overlap))
    assert page.console_errors == []


def test_clicking_an_event_highlights_its_sentence(
    page: Any, seed_url: str, seed_data: Any
) -> None:
    events, article = seed_data
    row = events[events["label"] == "10 bodies retrieved near Barmada"].iloc[0]
    open_dashboard(page, seed_url)
    click_event(page, row["event_id"])
    highlighted = page.locator("#tl-article .tl-hl")
    expect(highlighted.first).to_be_visible()
    text = page.evaluate(
        "Array.from(document.querySelectorAll('#tl-article .tl-hl'), e => e.textContent).join('')"
    )
    assert text == article.text[int(row["char_start"]) : int(row["char_end"])]
    expect(page.locator("#tl-details")).to_contain_text("10 bodies retrieved near Barmada")
    expect(page.locator("#tl-details")).to_contain_text(str(row["edtf"]))
    # the sentence was scrolled into the article panel's view
    page.wait_for_function("""() => { const el = document.querySelector('#tl-article .tl-hl');
        const box = document.querySelector('#tl-article').getBoundingClientRect();
        const r = el.getBoundingClientRect(); return r.bottom > box.top && r.top < box.bottom; }""")
    assert page.console_errors == []


def test_clicking_a_marked_expression_selects_its_event(page: Any, seed_url: str) -> None:
    open_dashboard(page, seed_url)
    page.locator("#tl-article mark.tl-timex", has_text="Last week").click()
    expect(page.locator("#tl-details")).to_contain_text("BBC joins White Helmets in Tartous")
    expect(page.locator("#tl-article .tl-hl").first).to_contain_text("Last week")
    # keyboard users too: focus a mark and press Enter
    page.locator("#tl-article mark.tl-timex", has_text="earlier this month").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#tl-details")).to_contain_text("Killings of Alawites")
    # the chart outlines the selected event
    page.wait_for_function(f"() => {PLOT}.data.some(t => t.name === 'selected')")
    assert page.console_errors == []


def test_a_bad_upload_shows_an_alert_and_keeps_the_timeline(
    page: Any, seed_url: str, seed_data: Any
) -> None:
    events, _ = seed_data
    open_dashboard(page, seed_url)
    before = page.evaluate(PLOTTED_IDS)
    page.get_by_label("Publication date").fill("2025-03-21")
    page.set_input_files(
        "#tl-upload input[type=file]",
        files=[{"name": "photo.txt", "mimeType": "text/plain", "buffer": bytes(range(256)) * 16}],
    )
    alert = page.locator("#tl-upload-alert")
    expect(alert).to_contain_text("binary")
    expect(alert).to_have_attribute("role", "alert")
    assert page.evaluate(PLOTTED_IDS) == before
    expect(page.locator("#tl-count")).to_have_text(f"{len(events)} of {len(events)} events")

    page.set_input_files(
        "#tl-upload input[type=file]",
        files=[
            {
                "name": "t.csv",
                "mimeType": "text/csv",
                "buffer": b"label,start,end,category\nBridge opens,2025-05-01,2025-05-01,other\n",
            }
        ],
    )
    expect(page.locator("#tl-count")).to_have_text("1 of 1 event")
    expect(alert).to_be_empty()
    expect(page.locator("h1")).to_have_text("t.csv")

    # an article: its text replaces the old one, with its expressions marked
    text = "Last week, rebels seized the town of Qusayr. In December, talks had failed."
    page.set_input_files(
        "#tl-upload input[type=file]",
        files=[{"name": "qusayr.txt", "mimeType": "text/plain", "buffer": text.encode()}],
    )
    expect(page.locator("#tl-article")).to_contain_text("rebels seized the town of Qusayr")
    expect(page.locator("#tl-article mark.tl-timex", has_text="Last week")).to_be_visible()
    expect(page.locator("#tl-upload-meta, #tl-meta")).to_contain_text("published 2025-03-21")
    assert page.console_errors == []


def test_an_invalid_edit_is_refused(page: Any, seed_url: str) -> None:
    open_dashboard(page, seed_url)
    cell = page.locator("#tl-table td[data-dash-column=end]").first
    cell.dblclick()
    expect(page.locator("#tl-table input.dash-cell-value")).to_be_focused()
    page.keyboard.press("Control+a")
    page.keyboard.type("1999-01-01")
    page.keyboard.press("Enter")
    expect(page.locator("#tl-edit-alert")).to_contain_text("before start")
    expect(page.locator("#tl-table td[data-dash-column=end]").first).not_to_have_text("1999-01-01")


def test_hostile_text_stays_text(page: Any, serve: Any, hostile_events: Any) -> None:
    from timeline.app import create_app

    HOSTILE_LABEL = hostile_events.loc[0, "label"]  # noqa: N806
    assert "<script>" in HOSTILE_LABEL and "onerror" in HOSTILE_LABEL

    from datetime import date

    from timeline.io import Article

    title = "</title><script>window.__pwned=5</script>"
    text = (
        "On 5 January 2025 <script>window.__pwned=6</script> and "
        '<img src=x onerror="window.__pwned=7"> arrived.\nLater, nothing.'
    )
    article = Article(text=text, published=date(2025, 3, 21), title="<b>hi</b>")
    url = serve(create_app(hostile_events, article, title=title).server)
    open_dashboard(page, url)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title().startswith(title)
    expect(page.locator("#tl-article")).to_contain_text('<img src=x onerror="window.__pwned=7">')
    expect(page.locator("#tl-article")).to_contain_text("<script>window.__pwned=6</script>")
    assert page.locator("#tl-article script, #tl-article img, #tl-root img").count() == 0
    expect(page.locator("#tl-table")).to_contain_text(HOSTILE_LABEL)
    expect(page.locator("#tl-graph")).to_contain_text("<script>window.__pwned=1</script>")
    page.locator("#tl-table td[data-dash-column=label]", has_text="onerror").click()
    expect(page.locator("#tl-details")).to_contain_text(HOSTILE_LABEL)
    expect(page.locator("#tl-details")).to_contain_text("He said <b>bold</b>")
    assert page.locator("#tl-details b, #tl-details a, img[src=x]").count() == 0
    page.get_by_label("Search").fill("onerror")
    page.get_by_label("Search").press("Enter")
    expect(page.locator("#tl-count")).to_have_text("1 of 2 events")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.console_errors == []


def test_lanes_switch_to_actors(page: Any, seed_url: str) -> None:
    open_dashboard(page, seed_url)
    page.get_by_label("Actor", exact=True).check()
    page.wait_for_function(
        f"() => ({PLOT}._fullLayout.yaxis.ticktext || []).some(t => t.includes('White Helmets'))"
    )
    page.locator("#tl-lanes").click()
    expect(page.get_by_role("option", name="White Helmets (3)")).to_be_visible()
    assert page.console_errors == []


def test_twenty_thousand_events_render_and_filter(page: Any, serve: Any) -> None:
    import numpy as np
    import pandas as pd

    from timeline.app import create_app
    from timeline.schema import validate_events

    n = 20_000
    rng = np.random.default_rng(1)
    start = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 1500, n), unit="D")
    events = validate_events(
        pd.DataFrame(
            {
                "event_id": [f"g{i}" for i in range(n)],
                "label": [f"Event {i}" for i in range(n)],
                "start": start,
                "end": start + pd.to_timedelta(rng.integers(0, 40, n), unit="D"),
                "category": rng.choice(["politics", "violence", "legal"], n),
            }
        )
    )
    url = serve(create_app(events).server)
    open_dashboard(page, url)
    expect(page.locator("#tl-count")).to_have_text("20,000 of 20,000 events")
    assert page.evaluate(f"{PLOT}.data.some(t => t.type === 'scattergl')")
    assert len(page.evaluate(PLOTTED_IDS)) == n
    expect(page.locator("#tl-table tbody tr")).to_have_count(26)  # header + one page
    # a click selects; only the outline is sent, the 20,000 points stay
    n_traces = page.evaluate(f"{PLOT}.data.length")
    emit_click(page, "g123")
    expect(page.locator("#tl-details")).to_contain_text("Event 123")
    page.wait_for_function(
        f"() => {{ const d = {PLOT}.data; const s = d[d.length - 1];"
        " return s.name === 'selected' && s.x.length === 1; }"
    )
    assert page.evaluate(f"{PLOT}.data.length") == n_traces
    page.get_by_label("Search").fill("Event 1999")
    page.get_by_label("Search").press("Enter")
    expect(page.locator("#tl-count")).to_have_text(f"11 of {n:,} events")  # 1999, 19990..19999
    assert page.console_errors == []


def test_dark_theme_toggle(page: Any, seed_url: str) -> None:
    open_dashboard(page, seed_url)
    light = page.evaluate(f"{PLOT}._fullLayout.paper_bgcolor")
    page.get_by_label("Dark").check()
    expect(page.locator("#tl-root")).to_have_class("tl-root tl-theme-dark")
    page.wait_for_function(f"(bg) => {PLOT}._fullLayout.paper_bgcolor !== bg", arg=light)
    assert page.console_errors == []
