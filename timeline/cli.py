"""The ``timeline`` command. Thin: parse arguments, call the library, report.

Every user error is a :class:`~timeline.errors.TimelineError`; it is printed as
one line on stderr and the exit code is 1. Imports are lazy so that
``timeline timex`` starts without loading pandas, plotly or dash.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from timeline.errors import TimelineError

EXAMPLES = {
    "timex": "example: echo '{\"id\": \"a\", \"text\": \"He left last week.\", "
    "\"dct\": \"2025-03-21\"}'"
    " | timeline timex --jsonl",
    "extract": "example: timeline extract seeds/white-helmets-2025-03.txt -o events.csv",
    "serve": "example: timeline serve article.txt --published 2025-03-21 --port 8050",
    "export": "example: timeline export article.txt --published 2025-03-21 -o timeline.png",
}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 1 like every user error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(1, f"timeline: error: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="timeline",
        description="Turn news articles into timelines you can trust.",
        epilog="Run 'timeline COMMAND --help' for a command's options and an example.",
    )
    p.add_argument("--version", action="store_true", help="print the version and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    t = sub.add_parser("timex", help="find and resolve time expressions", epilog=EXAMPLES["timex"])
    t.add_argument("file", nargs="?", help="an article to tag (omit with --jsonl)")
    t.add_argument("--jsonl", action="store_true",
                   help="read {id, text, dct} JSON lines on stdin, write {id, timexes} lines")
    t.add_argument("--genre", choices=("news", "narrative"), default="news",
                   help="resolve against the publication date (news) or the last date mentioned")
    t.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of FILE")

    e = sub.add_parser("extract", help="extract the dated events of articles",
                       epilog=EXAMPLES["extract"])
    e.add_argument("articles", nargs="+", metavar="ARTICLE", help=".txt, .md or .html files")
    e.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date (overrides the NAME.json sidecar)")
    e.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="OUT.csv, OUT.json or OUT.parquet; '-' prints JSON records")

    s = sub.add_parser("serve", help="explore a timeline in the browser", epilog=EXAMPLES["serve"])
    s.add_argument("source", nargs="?", metavar="SOURCE",
                   help="article or events table (default: the bundled seed article)")
    s.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of an article")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=8050, help="port (default 8050)")

    x = sub.add_parser("export", help="export a timeline (png, svg, pdf, html, csv, json, parquet)",
                       epilog=EXAMPLES["export"])
    x.add_argument("source", metavar="SOURCE", help="article or events table")
    x.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="the extension picks the format")
    x.add_argument("--format", dest="fmt", choices=(
        "png", "svg", "pdf", "html", "csv", "json", "parquet", "timelinejs"),
        help="override the format the extension implies")
    x.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of an article")
    x.add_argument("--width", type=int, help="image width in px (default 1400)")
    x.add_argument("--height", type=int, help="image height in px (default: from the lanes)")
    x.add_argument("--scale", type=float, help="pixel ratio for PNG (default 2)")
    x.add_argument("--theme", choices=("light", "dark"), default="light")
    x.add_argument("--title", help="title (default: the article's)")
    x.add_argument("--embed", action="store_true", help="HTML: write a fragment for a CMS")
    x.add_argument("--plotlyjs", choices=("inline", "cdn", "none"), default="inline",
                   help="HTML: how plotly.js is included (default inline: works offline)")
    return p


EXPORT_SUFFIXES = (".png", ".svg", ".pdf", ".html", ".htm", ".csv", ".json", ".parquet")


def _check_suffix(path: str, allowed: Sequence[str], flag: str, allow_stdout: bool = False) -> None:
    """Fail before any work is done when the output's extension names no format."""
    from pathlib import Path

    if allow_stdout and path == "-":
        return
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise TimelineError(
            f"{flag} {path}: unknown format {suffix or '(none)'}; "
            f"use one of {', '.join(allowed)}"
        )


def _cmd_timex(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.file:
            raise TimelineError("--jsonl reads standard input; drop the FILE argument")
        from timeline.temporal.jsonl import run_jsonl

        # the contract is UTF-8 JSON lines whatever the locale says
        for stream in (sys.stdin, sys.stdout):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8")
        run_jsonl(sys.stdin, sys.stdout, genre=args.genre)
        return 0
    if not args.file:
        raise TimelineError("give an article FILE, or --jsonl to read JSON lines on stdin")
    from timeline.io import load_article
    from timeline.temporal import tag

    article = load_article(args.file, args.published)
    for t in tag(article.text, article.published, genre=args.genre):
        window = f"{t.window[0]}..{t.window[1]}" if t.window else "-"
        print(f"{t.start}\t{t.end}\t{t.type}\t{t.value}\t{window}\t{t.text}")
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from timeline.io import TABLE_SUFFIXES, load_article, write_events

    _check_suffix(args.output, TABLE_SUFFIXES, "-o", allow_stdout=True)
    articles = [load_article(a, args.published) for a in args.articles]
    if len(articles) == 1:
        from timeline.events import extract

        df = extract(articles[0])
    else:
        from timeline.events import extract_many

        df = extract_many(articles)
    if args.output == "-":
        import json

        from timeline.schema import events_to_records

        json.dump(events_to_records(df), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        out = write_events(df, args.output)
        print(f"wrote {len(df)} events to {out}", file=sys.stderr)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from timeline.app import create_app
    from timeline.sources import load_source

    events, article = load_source(args.source, args.published)
    app = create_app(events, article)
    print(f"timeline: serving {len(events)} events at http://{args.host}:{args.port}/ "
          "(Ctrl+C to stop)", file=sys.stderr)
    app.run(host=args.host, port=args.port, debug=False)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from timeline.export import export_events
    from timeline.sources import load_source

    if not args.fmt:
        _check_suffix(args.output, EXPORT_SUFFIXES, "-o")
    events, article = load_source(args.source, args.published)
    opts = {
        "width": args.width, "height": args.height, "scale": args.scale, "theme": args.theme,
        "title": args.title or (article.title if article else None),
        "source": article.source if article else None,
        "published": article.published if article else None,
        "embed": args.embed, "plotlyjs": args.plotlyjs,
    }
    out = export_events(events, args.output, fmt=args.fmt,
                        **{k: v for k, v in opts.items() if v is not None})
    print(f"wrote {out}", file=sys.stderr)
    return 0


COMMANDS = {"timex": _cmd_timex, "extract": _cmd_extract, "serve": _cmd_serve,
            "export": _cmd_export}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help (0) or a usage error (1), already printed
        return int(stop.code or 0)
    if args.version:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(version("timeline"))
        except PackageNotFoundError:
            print("timeline (not installed)")
        return 0
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    try:
        return COMMANDS[args.command](args)
    except TimelineError as err:
        print(f"timeline: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
