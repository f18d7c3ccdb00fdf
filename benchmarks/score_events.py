#!/usr/bin/env python3
"""Score timeline.events.extract on the hand-annotated development set.

    python benchmarks/score_events.py                 # table, devset in tests/devset
    python benchmarks/score_events.py --json          # the full report as JSON
    python benchmarks/score_events.py --details       # also list missed events and wrong rows

Definitions of "found" and "wrong" are in timeline/evaluation.py and tests/devset/README.md.
Exit status: 0 after a report, 1 when the extractor or the devset cannot be loaded.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.evaluation import (  # noqa: E402
    DevsetError,
    load_article_text,
    load_devset,
    micro_totals,
    score_events,
)


def _fmt_pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def format_table(reports: list[dict[str, Any]], totals: dict[str, Any]) -> str:
    head = (
        f"{'article':<28} {'core':>4} {'found':>5} {'found%':>6} {'rows':>5} "
        f"{'judged':>6} {'wrong':>5} {'wrong%':>6}"
    )
    lines = [head, "-" * len(head)]

    def line(name: str, r: dict[str, Any]) -> str:
        return (
            f"{name:<28} {r['core']:>4} {r['found']:>5} {_fmt_pct(r['found_pct']):>6} "
            f"{r['rows']:>5} {r['judged']:>6} {r['wrong']:>5} {_fmt_pct(r['wrong_pct']):>6}"
        )

    for r in reports:
        lines.append(line(r["doc_id"][:28], r))
    lines.append("-" * len(head))
    lines.append(line(f"TOTAL ({totals['articles']} articles)", totals))
    for kind in ("dated", "undated"):
        b = totals[kind]
        lines.append(
            f"  {kind:<8} core {b['core']:>4}  found {b['found']:>4} "
            f"({_fmt_pct(b['found_pct'])}%)  judged rows {b['judged']:>4}  "
            f"wrong {b['wrong']:>4} ({_fmt_pct(b['wrong_of_judged_pct'])}% of judged)"
        )
    lines.append(
        f"  wrong% = wrong / rows with a window ({totals['rows_with_window']}); "
        f"wrong of judged rows: {_fmt_pct(totals['wrong_of_judged_pct'])}%"
    )
    return "\n".join(lines)


def format_details(reports: list[dict[str, Any]]) -> str:
    lines = []
    for r in reports:
        missed = [e for e in r["events"] if not e["found"]]
        if not missed and not r["wrong_rows"]:
            continue
        lines.append(f"{r['doc_id']} (DCT {r['dct']})")
        for e in missed:
            how = "no overlapping row" if not e["rows"] else f"rows {e['rows']} outside window"
            lines.append(
                f"  missed {e['id']} {e['description']!r} allowed "
                f"{e['allowed'][0]}..{e['allowed'][1]}: {how}"
            )
        for w in r["wrong_rows"]:
            lines.append(
                f"  wrong row {w['row']} {w['start']}..{w['end']} for {w['events']} "
                f"allowed {w['allowed']}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--devset",
        type=Path,
        default=ROOT / "tests" / "devset",
        help="directory of annotation JSON files (default: tests/devset)",
    )
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument(
        "--details",
        action="store_true",
        help="list missed events and wrong-dated rows under the table",
    )
    args = parser.parse_args(argv)

    try:
        from timeline.events import extract  # type: ignore[attr-defined,unused-ignore]
        from timeline.io import Article
    except ImportError as exc:
        print(
            f"error: the extractor is not importable ({exc}); "
            "timeline.io.Article and timeline.events.extract are needed",
            file=sys.stderr,
        )
        return 1
    try:
        annotations = load_devset(args.devset)
    except DevsetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

    reports = []
    for ann in annotations:
        if ann.article_path is None or not ann.article_path.exists():
            print(
                f"error: {ann.file}: article {ann.article} not found (is ../shared/data present?)",
                file=sys.stderr,
            )
            return 1
        text, _dct = load_article_text(ann.article_path)
        article = Article(text=text, published=ann.dct, doc_id=ann.doc_id, source=ann.article)
        reports.append(score_events(ann, extract(article)))
    totals = micro_totals(reports)

    if args.json:
        print(json.dumps({"articles": reports, "totals": totals}, indent=2))
    else:
        print(format_table(reports, totals))
        if args.details:
            details = format_details(reports)
            if details:
                print()
                print(details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
