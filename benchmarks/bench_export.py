"""Export timings: first vs repeated PNG in one process, HTML for 10,000 events.

Also renders the seed article's timeline to docs/img/export-seed.png at the
default export settings (the picture in the README).

    python benchmarks/bench_export.py            # table + docs/img/export-seed.png
    python benchmarks/bench_export.py --no-seed  # timings only

The first PNG pays for starting Chromium (kaleido's server is started once per
process); the repeats should cost a small fraction of it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline import export  # noqa: E402
from timeline.figure import build_figure  # noqa: E402
from timeline.io import load_article, seed_article_path  # noqa: E402
from timeline.schema import CATEGORIES, validate_events  # noqa: E402

SEED_PNG = REPO / "docs" / "img" / "export-seed.png"

# The seed's facts by hand (DESIGN.md's time semantics), used when the extractor
# is missing or fails: (sentence start, label, start, end, precision, timex, category,
# actors, places)
SEED_FACTS = [
    ("After the fall of former Syrian President", "Assad is overthrown", "2024-12-01",
     "2024-12-31", "month", "in December", "politics", ["Bashar al-Assad"], ["Syria"]),
    ("After the fall of former Syrian President", "White Helmets arrive in Damascus",
     "2024-12-01", "2024-12-31", "month", "in December", "humanitarian", ["White Helmets"],
     ["Damascus"]),
    ("Tensions had been brewing since December", "Assad supporters kill 14 troops in ambush",
     "2024-12-15", "2024-12-31", "week", "two weeks after the former president was overthrown",
     "violence", ["Assad supporters"], ["Syria"]),
    ("Most of those killed in the recent attacks", "Mass killings of Alawites on the coast",
     "2025-03-01", "2025-03-20", "month", "earlier this month", "violence", [],
     ["Syria's coastal area"]),
    ("Last week, BBC News joined", "BBC joins White Helmets in Tartous", "2025-03-10",
     "2025-03-16", "week", "Last week", "reporting", ["BBC News", "White Helmets"], ["Tartous"]),
    ("Last week, BBC News joined", "Reports of a massacre in Barmada", "2025-03-10",
     "2025-03-16", "week", "Last week", "violence", [], ["Barmada"]),
    ("The team retrieved 10 bodies", "Team retrieves 10 bodies of government fighters",
     "2025-03-10", "2025-03-16", "week", None, "humanitarian", ["White Helmets"], ["Barmada"]),
    ("Al-Sharaa, Syria’s interim president", "Al-Sharaa sets up inquiry committee",
     None, None, None, None, "legal", ["Ahmed al-Sharaa"], []),
]


def hand_seed_events(article) -> pd.DataFrame:
    rows = []
    for head, label, start, end, prec, timex, cat, actors, places in SEED_FACTS:
        s = article.text.index(head)
        e = article.text.find("\n", s)
        e = len(article.text) if e < 0 else e
        rows.append({
            "event_id": f"{article.doc_id}:{s}-{e}:{len(rows)}", "label": label, "start": start,
            "end": end, "precision": prec, "timex": timex, "category": cat, "actors": actors,
            "places": places, "sentence": article.text[s:e], "char_start": s, "char_end": e,
            "doc_id": article.doc_id, "source": article.source,
            "confidence": 0.6 if timex is None else 0.9,
        })
    return validate_events(pd.DataFrame(rows))


def seed_events(article) -> tuple[pd.DataFrame, str]:
    try:
        from timeline.events import extract

        events = extract(article)
        if len(events.dropna(subset=["start"])):
            return events, "timeline.events.extract"
        why = "extract found no dated events"
    except Exception as err:  # noqa: BLE001 - the extractor is optional here
        why = f"extract failed: {type(err).__name__}: {err}"
    print(f"seed: using the hand-made table ({why})", file=sys.stderr)
    return hand_seed_events(article), "hand-made table"


def synthetic(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 5 * 365, n), unit="D")
    dur = rng.choice([0, 0, 6, 30, 90], n)
    return validate_events(pd.DataFrame({
        "event_id": [f"e{i}" for i in range(n)],
        "label": [f"Synthetic event {i}" for i in range(n)],
        "start": start, "end": start + pd.to_timedelta(dur, unit="D"),
        "precision": np.select([dur == 0, dur == 6, dur == 30], ["day", "week", "month"], "season"),
        "category": rng.choice(CATEGORIES, n),
        "sentence": "A sentence long enough to look like evidence from an article.",
    }))


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-seed", action="store_true", help="do not write the seed PNG")
    args = parser.parse_args(argv)

    article = load_article(seed_article_path())
    events, origin = seed_events(article)
    opts = {"title": article.title, "source": article.source, "published": article.published}
    rows: list[tuple[str, str]] = []

    png, first = timed(export.to_image, events, **opts)
    repeats = [timed(export.to_image, events, **opts)[1] for _ in range(args.repeats)]
    warm = statistics.median(repeats)
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    rows += [
        (f"seed PNG, first in process ({len(events)} events)", f"{first:.2f} s"),
        (f"seed PNG, repeated (median of {args.repeats})", f"{warm:.2f} s"),
        ("first / repeated", f"{first / warm:.1f}x"),
        ("seed PNG size", f"{width}x{height} px, {len(png) / 1024:.0f} KiB"),
    ]
    svg, t = timed(export.to_image, events, format="svg", **opts)
    rows.append(("seed SVG", f"{t:.2f} s, {len(svg) / 1024:.0f} KiB"))
    pdf, t = timed(export.to_image, events, format="pdf", **opts)
    rows.append(("seed PDF", f"{t:.2f} s, {len(pdf) / 1024:.0f} KiB"))

    big = synthetic(10_000)
    with tempfile.TemporaryDirectory() as tmp:
        for label, extra in (("WebGL markers", {}), ("SVG bars", {"large_threshold": 20_000})):
            path, t = timed(export.write_html, big, Path(tmp) / "big.html", **extra)
            rows.append((f"HTML, 10,000 events ({label})",
                         f"{t:.2f} s, {path.stat().st_size / 1e6:.1f} MB"))
        _, t = timed(export.write_image, big, Path(tmp) / "big.png")
        rows.append(("PNG, 10,000 events (WebGL markers)", f"{t:.2f} s"))
    huge = synthetic(100_000)
    _, t = timed(build_figure, huge)
    rows.append(("build_figure, 100,000 events", f"{t:.2f} s"))

    if not args.no_seed:
        SEED_PNG.parent.mkdir(parents=True, exist_ok=True)
        export.write_image(events, SEED_PNG, **opts)
        rows.append((f"wrote {SEED_PNG.relative_to(REPO)}", f"from {origin}"))

    wide = max(len(r[0]) for r in rows)
    print(f"{'measure':<{wide}}  value")
    print(f"{'-' * wide}  {'-' * 22}")
    for name, value in rows:
        print(f"{name:<{wide}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
