"""How the dashboard scales: server-side filter callback vs first render in Chromium.

    python benchmarks/bench_app.py                 # 1,000 and 100,000 events
    python benchmarks/bench_app.py --sizes 1000 10000 100000 --repeat 5

For each size it generates a synthetic events table (reproducible: seeded), builds
``create_app(events)`` and reports

* ``callback``: server time of the main filter callback (figure + count, i.e.
  :func:`timeline.app.figure_view` with a precision filter), median of ``--repeat``;
* ``table``: server time of the table callback (one page of 25 rows);
* ``payload``: the JSON Dash sends for the figure;
* ``first render``: navigation to a drawn plot and a filled table in headless
  Chromium (Playwright, Debian's /usr/bin/chromium), served by werkzeug in a thread;
  ``(warm)`` is a reload with the browser's caches warm;
* ``filter in browser``: unticking one precision until the count and the plot update;
* ``select``: a click on an event until its outline is drawn and its details shown
  (large figures get only the outline sent, as a ``Patch``);
* ``ratio``: first render / callback.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

# one copy of the headless flags this machine needs: the screenshot script beside this one
from screenshot import ARGS, CHROMIUM

PRECISION_DAYS = {
    "day": 1,
    "week": 7,
    "month": 30,
    "season": 91,
    "year": 365,
    "decade": 3650,
    "vague": 200,
}


def synthetic_events(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` plausible events over 2015-2025 (validated like any table)."""
    from timeline.schema import CATEGORIES, validate_events

    rng = np.random.default_rng(seed)
    precs = rng.choice(list(PRECISION_DAYS), n, p=[0.45, 0.2, 0.15, 0.05, 0.08, 0.02, 0.05])
    length = np.array([PRECISION_DAYS[p] for p in precs]) - 1
    start = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3900, n), unit="D")
    end = start + pd.to_timedelta(length, unit="D")
    actors_pool = [f"Actor {i}" for i in range(40)]
    places_pool = [f"Place {i}" for i in range(25)]
    a_idx, p_idx = rng.integers(0, 40, n), rng.integers(0, 25, n)
    return validate_events(
        pd.DataFrame(
            {
                "event_id": [f"g{i}" for i in range(n)],
                "label": [f"Event {i} in place {p}" for i, p in enumerate(p_idx)],
                "start": start,
                "end": end,
                "precision": precs,
                "category": rng.choice(CATEGORIES, n),
                "actors": [[actors_pool[i]] for i in a_idx],
                "places": [[places_pool[i]] for i in p_idx],
                "sentence": [f"Sentence {i} says what happened." for i in range(n)],
                "confidence": rng.uniform(0.3, 1.0, n).round(2),
            }
        )
    )


def server_side(events: pd.DataFrame, repeat: int) -> dict[str, float]:
    from plotly.io.json import to_json_plotly

    from timeline.app import figure_view, table_view
    from timeline.app_logic import Dataset
    from timeline.schema import PRECISIONS

    ds = Dataset(events=events)
    filters = dict(
        lane_by="category",
        lanes=[],
        search="",
        precisions=[p for p in PRECISIONS if p != "day"],
        date_from=None,
        date_to=None,
    )
    fig_t, tab_t = [], []
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = figure_view(ds, filters, theme="light", data=None, edits=None, selected=None)
        payload = to_json_plotly(out["figure"])  # Dash serialises the figure the same way
        fig_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        table_view(
            ds,
            filters,
            data=None,
            edits=None,
            page_current=3,
            sort_by=[{"column_id": "start", "direction": "desc"}],
        )
        tab_t.append(time.perf_counter() - t)
    assert out is not None
    return {
        "callback_s": statistics.median(fig_t),
        "table_s": statistics.median(tab_t),
        "payload_mb": len(payload) / 1e6,
        "shown": out["count"],
    }


def in_browser(events: pd.DataFrame) -> dict[str, float]:
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from timeline.app import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    srv = make_server("127.0.0.1", 0, create_app(events).server, threaded=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    n = len(events)
    drawn = """(n) => { const g = document.querySelector('#tl-graph .js-plotly-plot');
        const rows = document.querySelectorAll('#tl-table tbody tr').length;
        return !!(g && g.data && g.data.some(t => t.customdata)
                  && g.querySelector('.main-svg') && rows > 1); }"""
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(300_000)
            t = time.perf_counter()
            page.goto(f"http://127.0.0.1:{srv.server_port}/")
            page.wait_for_function(drawn, arg=n, polling=50)
            first = time.perf_counter() - t
            t = time.perf_counter()  # again with the browser's caches warm (a second visit)
            page.reload()
            page.wait_for_function(drawn, arg=n, polling=50)
            warm = time.perf_counter() - t
            before = page.locator("#tl-count").inner_text()
            t = time.perf_counter()
            page.locator("#tl-precision").get_by_label("day").uncheck()
            page.wait_for_function(
                """(before) => document.querySelector('#tl-count').textContent !== before
                   && !document.querySelector('#tl-graph .js-plotly-plot')
                        .data.some(t => t.name === 'day')""",
                arg=before,
                polling=50,
            )
            # let plotly finish drawing the new data before stopping the clock
            page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
            )
            refilter = time.perf_counter() - t
            # select one event the way a click does (plotly's click event for its point)
            t = time.perf_counter()
            page.evaluate(
                """() => { const g = document.querySelector('#tl-graph .js-plotly-plot');
                const t = g._fullData.find(t => t.customdata && t.customdata.length
                                                 && t.name !== 'selected');
                g.emit('plotly_click', {points: [{curveNumber: t.index, pointNumber: 0}]}); }"""
            )
            page.wait_for_function(
                """() => { const d = document.querySelector('#tl-graph .js-plotly-plot').data;
                   const s = d[d.length - 1];
                   return s.name === 'selected' && s.x && s.x.length === 1
                          && document.querySelector('#tl-details h3') !== null; }""",
                polling=50,
            )
            page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
            )
            select = time.perf_counter() - t
            browser.close()
    finally:
        srv.shutdown()
    return {
        "first_render_s": first,
        "warm_render_s": warm,
        "filter_in_browser_s": refilter,
        "select_in_browser_s": select,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    results = []
    print(
        f"{'events':>8} {'callback':>9} {'table':>7} {'payload':>8} {'first render':>13} "
        f"{'(warm)':>7} {'filter in browser':>18} {'select':>7} {'ratio':>6}"
    )
    for n in args.sizes:
        events = synthetic_events(n)
        row: dict[str, float | int | str] = {"events": n, **server_side(events, args.repeat)}
        if not args.no_browser and Path(CHROMIUM).exists():
            row.update(in_browser(events))
            row["ratio"] = row["first_render_s"] / row["callback_s"]
        results.append(row)
        fr = f"{row['first_render_s']:.2f} s" if "first_render_s" in row else "-"
        wr = f"{row['warm_render_s']:.2f} s" if "warm_render_s" in row else "-"
        fb = f"{row['filter_in_browser_s']:.2f} s" if "filter_in_browser_s" in row else "-"
        ratio = f"{row['ratio']:.1f}x" if "ratio" in row else "-"
        sel = f"{row['select_in_browser_s']:.2f} s" if "select_in_browser_s" in row else "-"
        print(
            f"{n:>8,} {row['callback_s']:>7.3f} s {row['table_s']:>5.3f} s "
            f"{row['payload_mb']:>5.1f} MB "
            f"{fr:>13} {wr:>7} {fb:>18} {sel:>7} {ratio:>6}",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
