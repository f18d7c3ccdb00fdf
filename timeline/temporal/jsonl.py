"""The ``timeline timex --jsonl`` contract (DESIGN.md): JSON lines in, JSON lines out.

Each input line is ``{"id": ..., "text": ..., "dct": "YYYY-MM-DD"}``; each output line is
``{"id": ..., "timexes": [{"start", "end", "type", "value"}]}`` in the same order, with
character offsets into ``text``. Run it directly with
``python -m timeline.temporal.jsonl [--genre news|narrative] < in.jsonl``.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from timeline.errors import InputError
from timeline.temporal.tagger import tag

__all__ = ["run_jsonl"]


def _parse_dct(raw: object, lineno: int) -> str | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise InputError(f"line {lineno}: 'dct' must be a YYYY-MM-DD string, got {raw!r}")
    from datetime import date

    try:
        date.fromisoformat(raw.strip()[:10])
    except ValueError:
        raise InputError(f"line {lineno}: 'dct' is not a date (YYYY-MM-DD): {raw!r}") from None
    return raw.strip()[:10]


def run_jsonl(stdin: TextIO, stdout: TextIO, genre: str = "news") -> int:
    """Tag every line of ``stdin`` and write the results to ``stdout``; returns the count.

    A bad line raises :class:`~timeline.errors.InputError` naming the line number.
    """
    if genre not in ("news", "narrative"):
        raise InputError(f"unknown genre {genre!r}: use 'news' or 'narrative'")
    count = 0
    dumps = json.dumps
    for lineno, line in enumerate(stdin, 1):
        if lineno == 1:
            line = line.lstrip("\ufeff")  # a byte-order mark some editors write
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"line {lineno}: not valid JSON ({err.msg})") from None
        if not isinstance(obj, dict):
            raise InputError(f"line {lineno}: expected a JSON object with 'id' and 'text'")
        text = obj.get("text")
        if not isinstance(text, str):
            raise InputError(f"line {lineno}: missing 'text' (a string)")
        dct = _parse_dct(obj.get("dct"), lineno)
        timexes = [{"start": t.start, "end": t.end, "type": t.type, "value": t.value}
                   for t in tag(text, dct, genre)]
        stdout.write(dumps({"id": obj.get("id"), "timexes": timexes}, ensure_ascii=False))
        stdout.write("\n")
        count += 1
    stdout.flush()
    return count


def _main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m timeline.temporal.jsonl",
                                 description="Tag JSON lines {id, text, dct} from stdin.")
    ap.add_argument("--genre", choices=("news", "narrative"), default="news")
    args = ap.parse_args(argv)
    for stream in (sys.stdin, sys.stdout):
        if hasattr(stream, "reconfigure"):  # JSON lines are UTF-8 whatever the locale says
            stream.reconfigure(encoding="utf-8")
    try:
        run_jsonl(sys.stdin, sys.stdout, args.genre)
    except InputError as err:
        sys.stderr.write(f"error: {err}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main())
