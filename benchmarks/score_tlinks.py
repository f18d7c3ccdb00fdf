#!/usr/bin/env python3
"""Check event dates against the TimeML TLINKs of TempEval-3 (a large, noisy second opinion).

    python benchmarks/score_tlinks.py                  # all articles outside the sealed sets
    python benchmarks/score_tlinks.py --details        # also list the rows dated apart

The corpus annotators linked many events to the time expression they happened in ("signed
the plan Friday": the signing IS_INCLUDED in Friday). For each such link whose time has a
calendar window, this asks whether the extractor's row over the event's word has a window
inside it. Thousands of links, none of them ours: a check on how the extractor anchors events
to times, not a replacement for the core-event sets in tests/ (the links are not core events,
and some gold values are wrong). Articles of the sealed sets (tests/devset_heldout3 and
tests/devset_heldout4) are left out so that this can be used while developing.

Exit status: 0 after a report, 1 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.evaluation import load_tml_links, score_time_links  # noqa: E402
from timeline.events import extract  # noqa: E402
from timeline.io import Article  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "tempeval3" / "train"
SEALED = ("devset_heldout3", "devset_heldout4")


def sealed_articles() -> set[str]:
    out = set()
    for name in SEALED:
        for f in (ROOT / "tests" / name).glob("*.json"):
            out.add(Path(json.loads(f.read_text(encoding="utf-8"))["article"]).name)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="TempEval-3 train directory")
    ap.add_argument("--details", action="store_true", help="list the rows dated apart")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("*/*.tml"))
    if not files:
        print(f"score_tlinks: no .tml files under {args.corpus} (is ../shared beside the "
              "project?)", file=sys.stderr)
        return 1
    skip = sealed_articles()
    totals = {"articles": 0, "links": 0, "inside": 0, "overlaps": 0, "disjoint": 0,
              "no_row": 0}
    t0 = time.perf_counter()
    for f in files:
        if f.name in skip:
            continue
        text, dct, links = load_tml_links(f)
        if not links or dct is None:
            continue
        df = extract(Article(text=text, published=dct.isoformat(), doc_id=f.stem))
        report = score_time_links(links, df)
        totals["articles"] += 1
        for k in ("links", "inside", "overlaps", "disjoint", "no_row"):
            totals[k] += report[k]
        if args.details and report["disjoint"]:
            for link in links:
                one = score_time_links([link], df)
                if one["disjoint"]:
                    print(f"{f.stem}: {link.event_text!r} in {link.time_text!r} "
                          f"({link.value})")
    seconds = time.perf_counter() - t0
    if args.json:
        print(json.dumps(totals))
        return 0
    n = totals["links"] or 1
    print(f"{totals['articles']} articles, {totals['links']} event-time links "
          f"({seconds:.1f} s)")
    for k in ("inside", "overlaps", "disjoint", "no_row"):
        print(f"  {k:<9} {totals[k]:>5}  {100 * totals[k] / n:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
