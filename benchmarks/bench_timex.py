"""Speed of the temporal tagger against dateparser's ``search_dates`` on the same text.

    python benchmarks/bench_timex.py [--gold DIR] [--dateparser-docs N]

Reads the TempEval-3 training articles (../shared/data/tempeval3/train beside the repo),
runs ``timeline timex --jsonl`` end to end (a fresh process: start-up, JSON in and out)
and, in this process, ``timeline.temporal.tag`` and dateparser's ``search_dates`` on the
same articles (all of them by default, about 5 s; ``--dateparser-docs N`` samples N to go
faster, and the output says so). Finishes in well under two minutes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "tempeval3" / "train"
SCORER = REPO.parent / "shared" / "eval" / "score_timex.py"


def load_docs(gold: Path) -> list[dict]:
    sys.path.insert(0, str(SCORER.parent))
    import score_timex  # the scorer's own reader: the exact text it scores

    docs = score_timex.load_gold_dir(str(gold))
    return [{"id": i, "text": d["text"], "dct": d["dct"]} for i, d in docs.items()]


def bench_cli(docs: list[dict]) -> float:
    payload = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode()
    cmd = [sys.executable, "-m", "timeline.temporal.jsonl"]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, input=payload, capture_output=True, cwd=REPO, check=True)
    wall = time.perf_counter() - t0
    assert len(out.stdout.decode().splitlines()) == len(docs)
    return sum(len(d["text"]) for d in docs) / wall


def bench_inprocess(docs: list[dict]) -> float:
    from timeline.temporal import tag

    tag("warm up on Friday", "2000-01-01")
    t0 = time.perf_counter()
    for d in docs:
        tag(d["text"], d["dct"])
    return sum(len(d["text"]) for d in docs) / (time.perf_counter() - t0)


def bench_dateparser(docs: list[dict]) -> float:
    from datetime import datetime

    from dateparser.search import search_dates

    search_dates("warm up on Friday", languages=["en"])
    chars, t0 = 0, time.perf_counter()
    for d in docs:
        base = datetime.fromisoformat(d["dct"]) if d["dct"] else None
        settings = {"RELATIVE_BASE": base} if base else None
        search_dates(d["text"], languages=["en"], settings=settings)
        chars += len(d["text"])
    return chars / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--dateparser-docs", type=int, default=0,
                    help="articles given to dateparser (it is slow); 0 = all")
    args = ap.parse_args(argv)
    if not args.gold.is_dir():
        print(f"no articles at {args.gold}: the TempEval-3 data lives in ../shared",
              file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    docs = load_docs(args.gold)
    chars = sum(len(d["text"]) for d in docs)
    cli = bench_cli(docs)
    inproc = bench_inprocess(docs)
    step = 1 if args.dateparser_docs <= 0 else max(1, len(docs) // args.dateparser_docs)
    subset = docs[::step]
    dp = bench_dateparser(subset)
    sub_chars = sum(len(d["text"]) for d in subset)
    sample = (f"a sample of {len(subset)} ({sub_chars:,} chars, every {step}th)" if step > 1
              else "all of them")
    print(f"articles: {len(docs)} ({chars:,} chars); dateparser ran on {sample}")
    print(f"timeline in-process: {inproc:,.0f} chars/s")
    print(f"timeline: {cli:,.0f} chars/s | dateparser: {dp:,.0f} chars/s | ratio: {cli / dp:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
