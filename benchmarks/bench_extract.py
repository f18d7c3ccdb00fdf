#!/usr/bin/env python3
"""How the event extractor's time grows with the article: it should grow linearly.

    python benchmarks/bench_extract.py [--sizes 25000,50000,100000,200000] [--with-tagger]

Builds articles of the given sizes (in characters) by cycling through the seed article's
paragraphs, with varied names so that events do not all merge, and times
:func:`timeline.events.events_from_timexes` on each (the tagger's own time is reported
separately with ``--with-tagger``). Prints seconds, characters per second, and the ratio of
each step to the previous one against the ratio of sizes: near 1.0 means linear.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.events import events_from_timexes  # noqa: E402
from timeline.io import article_from_text, load_article, seed_article_path  # noqa: E402
from timeline.temporal import tag  # noqa: E402


def make_text(size: int) -> str:
    seed = load_article(seed_article_path()).text
    paras = [p for p in seed.split("\n") if p.strip()]
    out: list[str] = []
    n = 0
    i = 0
    while n < size:
        p = paras[i % len(paras)]
        p = p.replace("Barmada", f"Barmada{i}").replace("Tartous", f"Tartous{i}")
        out.append(p)
        n += len(p) + 1
        i += 1
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="25000,50000,100000,200000")
    ap.add_argument("--with-tagger", action="store_true", help="also time the tagger")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    events_from_timexes(article_from_text("Rebels seized the town.", "2025-03-21"), [])  # warm-up
    prev = None
    print(f"{'chars':>9} {'events s':>9} {'chars/s':>10} {'rows':>6} "
          f"{'time ratio / size ratio':>24}"
          + ("  tagger s" if args.with_tagger else ""))
    for size in sizes:
        text = make_text(size)
        t0 = time.perf_counter()
        timexes = tag(text, "2025-03-21")
        t_tag = time.perf_counter() - t0
        art = article_from_text(text, "2025-03-21")
        t0 = time.perf_counter()
        df = events_from_timexes(art, timexes)
        took = time.perf_counter() - t0
        ratio = "" if prev is None else f"{(took / prev[1]) / (len(text) / prev[0]):.2f}"
        line = f"{len(text):>9} {took:>9.2f} {len(text) / took:>10.0f} {len(df):>6} {ratio:>24}"
        if args.with_tagger:
            line += f"  {t_tag:8.2f}"
        print(line)
        prev = (len(text), took)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
