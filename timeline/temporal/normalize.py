"""Normalization functions for value templates: ``{group:name}``.

Most normalizations are plain tables in ``data/norm.txt``; the ones here need a little
arithmetic (``"twenty-four"`` -> ``24``, ``"'98"`` -> ``1998``).
"""

from __future__ import annotations

import re

__all__ = ["FUNCTIONS", "parse_number", "apply"]

_SPLIT_RE = re.compile(r"[\s\-]+")


def parse_number(text: str, table: dict[str, str]) -> str:
    """Cardinal or ordinal in digits or words; ``"X"`` for vague amounts ("several")."""
    t = text.lower().strip().rstrip(".").replace(",", "")
    if not t:
        return "X"
    if t in table:
        return table[t]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return str(int(m.group(1)))
    m = re.fullmatch(r"(\d+)(?:\s+|-)(\d)/(\d)", t)
    if m:
        frac = int(m.group(1)) + int(m.group(2)) / int(m.group(3))
        return f"{frac:g}"
    m = re.fullmatch(r"\d*\.\d+", t)
    if m:
        return f"{float(t):g}"
    total, current = 0, 0
    for word in _SPLIT_RE.split(t):
        if word == "and":
            continue
        if word in ("a", "an") and current == 0 and total == 0:
            current = 1
            continue
        val = table.get(word)
        if val is None or not val.isdigit():
            return "X"
        n = int(val)
        if n == 100:
            current = max(current, 1) * 100
        elif n == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += n
    return str(total + current)


def _year(text: str, _table: dict[str, str]) -> str:
    t = text.strip().lstrip("'’`")
    if len(t) == 2 and t.isdigit():
        n = int(t)
        return str(1900 + n if n >= 30 else 2000 + n)
    return t.zfill(4) if t.isdigit() else "XXXX"


def _spoken_year(text: str, table: dict[str, str]) -> str:
    """'nineteen ninety-six' -> 1996; 'two thousand' -> 2000."""
    t = text.lower().strip()
    words = t.replace("-", " ").split()
    if "thousand" in words:
        return parse_number(t, table).zfill(4)
    first = table.get(words[0]) if words else None
    rest = parse_number(" ".join(words[1:]), table) if len(words) > 1 else "0"
    if first is None or not first.isdigit() or not rest.isdigit():
        return "XXXX"
    return f"{int(first) * 100 + int(rest):04d}"


def _decade(text: str, _table: dict[str, str]) -> str:
    """'1990s' / "'90s" / 'nineties' style -> '199'."""
    t = text.strip().lstrip("'’`").lower().rstrip("s").rstrip("'’")
    if len(t) == 4 and t.isdigit():
        return t[:3]
    if len(t) == 2 and t.isdigit():
        return "19" + t[0]
    return "XXX"


def _day(text: str, table: dict[str, str]) -> str:
    n = parse_number(text, table)
    return n.zfill(2) if n.isdigit() else "XX"


def _two(text: str, table: dict[str, str]) -> str:
    n = parse_number(text, table)
    return n.zfill(2) if n.isdigit() else "XX"


def _century(text: str, table: dict[str, str]) -> str:
    n = parse_number(text, table)
    return f"{int(n) - 1:02d}" if n.isdigit() and int(n) > 0 else "XX"


def _hour12(text: str, table: dict[str, str]) -> str:
    n = parse_number(text, table)
    return n if n.isdigit() else "X"


FUNCTIONS = {
    "num": parse_number,
    "year": _year,
    "spoken_year": _spoken_year,
    "decade": _decade,
    "day": _day,
    "two": _two,
    "century": _century,
    "hour": _hour12,
}


def apply(name: str | None, text: str, tables: dict[str, dict[str, str]]) -> str:
    """Normalize ``text`` with the function or table ``name`` (raw text if ``None``)."""
    if name is None:
        return text
    fn = FUNCTIONS.get(name)
    if fn is not None:
        return fn(text, tables.get("number", {}))
    key = text.lower().strip()
    table = tables[name]
    if key in table:
        return table[key]
    key = re.sub(r"\s+", " ", key.rstrip("."))
    return table.get(key, table.get(key.rstrip("s"), "X"))
