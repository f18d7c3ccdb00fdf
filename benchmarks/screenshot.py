"""Screenshot of the dashboard, made by the project itself.

    python benchmarks/screenshot.py                      # the seed -> docs/img/dashboard-seed.png
    python benchmarks/screenshot.py SOURCE -o out.png --theme dark --select 2
    python benchmarks/screenshot.py --select 'bodies'   # the event whose label has 'bodies'

Serves ``timeline.app.create_app`` on a free local port, opens it in Debian's headless
Chromium (Playwright), waits for the plot, optionally clicks the N-th event so the
article and details panel show a selection, and saves a full-page PNG.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from pathlib import Path

from timeline._chromium import CHROMIUM
from timeline._chromium import HEADLESS_ARGS as ARGS

ROOT = Path(__file__).resolve().parents[1]


def screenshot(
    app,
    out: Path,
    *,
    theme: str = "light",
    select: int | str | None = 0,
    width: int = 1440,
    height: int = 1000,
) -> Path:
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    srv = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"http://127.0.0.1:{srv.server_port}/")
            page.wait_for_function("document.querySelector('#tl-graph .main-svg') !== null")
            page.wait_for_function(
                "() => { const g = document.querySelector('#tl-graph .js-plotly-plot');"
                " return g && g.data && g.data.length > 0; }"
            )
            if theme == "dark":
                page.get_by_label("Dark").check()
                page.wait_for_function("document.querySelector('.tl-theme-dark') !== null")
            if select is not None:
                # select an event the way a click does: plotly's click event for its mark
                # (``select`` is an index into the events as drawn, or words of a label)
                page.evaluate(
                    """(sel) => { const g = document.querySelector('#tl-graph .js-plotly-plot');
                    const seen = [];
                    g.data.forEach((t, c) => (t.customdata || []).forEach((d, p) => {
                        if (d && d[0] && !seen.some(s => s.id === d[0]))
                            seen.push({id: d[0], text: String(d[1]).toLowerCase(), c, p}); }));
                    const byText = typeof sel === 'string'
                        ? seen.find(s => s.text.includes(sel.toLowerCase())) : null;
                    const hit = byText || seen[Math.min(Number(sel) || 0, seen.length - 1)];
                    g.emit('plotly_click',
                           {points: [{curveNumber: hit.c, pointNumber: hit.p}]}); }""",
                    select,
                )
                page.wait_for_selector("#tl-article .tl-hl")
                page.wait_for_timeout(800)  # the smooth scroll
                page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(500)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
            browser.close()
    finally:
        srv.shutdown()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", help="article or events table (default: the seed)")
    ap.add_argument("--published", help="publication date YYYY-MM-DD")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "img" / "dashboard-seed.png")
    ap.add_argument("--theme", choices=["light", "dark"], default="light")
    ap.add_argument(
        "--select",
        default="joined the White Helmets",
        help="click the event whose label has these words, or the N-th event; 'none': no click",
    )
    args = ap.parse_args(argv)

    from timeline.app import create_app
    from timeline.sources import load_source

    events, article = load_source(args.source, published=args.published)
    app = create_app(events, article)
    select: int | str | None = args.select
    if args.select == "none":
        select = None
    elif args.select.lstrip("-").isdigit():
        select = int(args.select)
    out = screenshot(app, args.out, theme=args.theme, select=select)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
