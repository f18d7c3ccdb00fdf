"""Load the tagger's knowledge from the data files in ``timeline/temporal/data/``.

HeidelTime style, everything English lives in plain files:

* ``patterns.txt``: named patterns, ``@NAME`` then one regex alternative per line;
  rules refer to them as ``%NAME``.
* ``norm.txt``: normalization tables, ``@table`` then ``phrase = value`` lines; value
  templates use them as ``{group:table}`` (or a function of :mod:`.normalize`).
* ``keys.txt``: key-token classes; a rule only runs near its keys (speed).
* ``cues.txt``: tense cue words (past / future / reporting verbs).
* ``rules*.txt``: rules, blocks of ``key: value`` lines separated by blank lines::

      rule: month_day
      keys: @MONTH
      pattern: (?P<month>%MONTH)\\.? (?P<day>%DAYNUM)\\b
      type: DATE
      value: XXXX-{month:month}-{day:day}
      example: said on [March 6] | 2025-03-21 | 2025-03-06

  ``value`` is an *underspecified* value (see :mod:`timeline.temporal.resolve`);
  ``{group:table:default}`` fills in a named group. ``example`` lines are
  ``text | dct | value`` (brackets mark the expected span, ``value`` ``-`` means
  "nothing tagged here"); tests/temporal runs every one. A group named ``t`` narrows the
  span to it (context outside it is matched but not tagged: "since [then]"). Optional
  keys: ``mod``, ``genre`` (``news`` or ``narrative``: the rule applies only there),
  ``case`` (``sensitive``), ``negative`` (``yes``: a match vetoes the
  candidates it covers and yields nothing), ``anchor`` (``no``: the result never becomes
  the reference for later anaphora, e.g. comparisons like "a year earlier").

Any mistake fails at load time with ``file:line rule-name: what is wrong``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

__all__ = ["Rule", "Example", "RuleFileError", "load_rules", "load_tables", "load_patterns",
           "load_keys", "load_cues", "sections"]

_TYPES = {"DATE", "TIME", "DURATION", "SET"}
_KEYS = {"rule", "pattern", "type", "value", "mod", "example", "case", "negative", "anchor",
         "keys", "genre"}
_REF_RE = re.compile(r"%([A-Z][A-Z0-9_]*)")
_SLOT_RE = re.compile(r"\{([a-z_][a-z0-9_]*)(?::([a-z_0-9]*))?(?::([^{}]*))?\}")
_MODS = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
         "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"}


class RuleFileError(ValueError):
    """A rule, pattern or table file is malformed (a bug in the data, not user input)."""


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    dct: str | None
    value: str
    span: tuple[int, int] | None
    line: int


@dataclass(slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    type: str
    value: str
    mod: str | None
    negative: bool
    anchor: bool
    order: int
    where: str
    examples: list[Example] = field(default_factory=list)
    #: key tokens (lowercase words, or "@CLASS" names from keys.txt) the rule runs near
    keys: tuple[str, ...] = ()
    #: the only genre the rule applies in ("news" / "narrative"), None for both
    genre: str | None = None
    slots: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)


def _data_dir() -> Path:
    return Path(str(resources.files("timeline.temporal") / "data"))


def _read(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def sections(path: Path) -> Iterator[tuple[int, str | None, str | None]]:
    """Walk an ``@SECTION`` data file: ``(line number, section, line)`` for every content
    line, and ``(line number, section, None)`` for each ``@SECTION`` header itself.
    Blank lines and ``#`` comments are skipped; ``section`` is ``None`` before the first
    header."""
    current: str | None = None
    for n, raw in enumerate(_read(path), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            current = line[1:].strip()
            yield n, current, None
        else:
            yield n, current, line


def load_patterns(path: Path | None = None) -> dict[str, str]:
    """``NAME -> (?:alt|alt)``, longest alternatives first so the regex is greedy."""
    path = path or _data_dir() / "patterns.txt"
    out: dict[str, list[str]] = {}
    for n, current, line in sections(path):
        if line is None:
            assert current is not None
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", current):
                raise RuleFileError(f"{path.name}:{n} {current}: pattern names are UPPER_CASE")
            out[current] = []
            continue
        if current is None:
            raise RuleFileError(f"{path.name}:{n} -: alternative before any @NAME")
        if _literal(line) is None and "%" not in line:
            try:
                re.compile(line)
            except re.error as err:
                raise RuleFileError(f"{path.name}:{n} {current}: bad regex {line!r}: {err}") \
                    from None
        out[current].append(line)
    res: dict[str, str] = {}
    for name, alts in out.items():
        literals = [lit for lit in map(_literal, alts) if lit is not None]
        others = sorted((a for a in alts if _literal(a) is None), key=len, reverse=True)
        res[name] = "(?:" + "|".join(others + ([_trie(literals)] if literals else [])) + ")"
    # patterns may refer to earlier patterns
    for name in res:
        for _ in range(5):
            new = _REF_RE.sub(lambda m: res.get(m.group(1), m.group(0)), res[name])
            if new == res[name]:
                break
            res[name] = new
    return res


_META = set(".^$*+?{}[]|()")


def _literal(alt: str) -> str | None:
    """The plain string an alternative stands for, or None if it is a real regex."""
    out, i = [], 0
    while i < len(alt):
        ch = alt[i]
        if ch == "\\":
            if i + 1 < len(alt) and alt[i + 1] in _META:
                out.append(alt[i + 1])
                i += 2
                continue
            return None
        if ch in _META or ch == "%":
            return None
        out.append(ch)
        i += 1
    return "".join(out)


def _trie(words: list[str]) -> str:
    """One regex for a word list, factored by common prefixes ("year(?:s)?"): far fewer
    branches to try at each position than a flat alternation, same strings matched,
    and the longest one preferred."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def gen(node: dict) -> str:
        branches = [re.escape(ch) + gen(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    return gen(root)


def load_keys(path: Path | None = None) -> dict[str, tuple[set[str], re.Pattern[str] | None]]:
    """``CLASS -> (words, digit-token regex or None)`` from ``keys.txt``."""
    path = path or _data_dir() / "keys.txt"
    words: dict[str, set[str]] = {}
    regexes: dict[str, list[str]] = {}
    for n, current, line in sections(path):
        if line is None:
            assert current is not None
            words[current], regexes[current] = set(), []
            continue
        if current is None:
            raise RuleFileError(f"{path.name}:{n} -: key before any @CLASS")
        if line.startswith("/") and line.endswith("/") and len(line) > 2:
            try:
                re.compile(line[1:-1])
            except re.error as err:
                raise RuleFileError(f"{path.name}:{n} {current}: bad regex: {err}") from None
            regexes[current].append(line[1:-1])
        elif re.fullmatch(r"[a-z]+|[0-9]+", line):
            words[current].add(line)
        else:
            raise RuleFileError(f"{path.name}:{n} {current}: a key is one lowercase word, "
                                f"digits or /regex/, got {line!r}")
    return {c: (words[c], re.compile("|".join(regexes[c])) if regexes[c] else None)
            for c in words}


def load_cues(path: Path | None = None) -> dict[str, set[str]]:
    """``SECTION -> {phrase}`` from ``cues.txt`` (lowercase words and short phrases)."""
    path = path or _data_dir() / "cues.txt"
    out: dict[str, set[str]] = {}
    for n, current, line in sections(path):
        if line is None:
            assert current is not None
            out[current] = set()
            continue
        if current is None or not re.fullmatch(r"[a-z']+(?: [a-z']+){0,2}", line):
            raise RuleFileError(f"{path.name}:{n} {current or '-'}: a cue is one to three "
                                f"lowercase words, got {line!r}")
        out[current].add(line)
    return out


def load_tables(path: Path | None = None) -> dict[str, dict[str, str]]:
    """``table -> {lowercased phrase: value}``."""
    path = path or _data_dir() / "norm.txt"
    out: dict[str, dict[str, str]] = {}
    for n, current, line in sections(path):
        if line is None:
            assert current is not None
            out[current] = {}
            continue
        if current is None or "=" not in line:
            raise RuleFileError(f"{path.name}:{n} {current or '-'}: expected 'phrase = value'")
        key, val = (p.strip() for p in line.split("=", 1))
        out[current][key.lower()] = val
    return out


def _parse_example(raw: str, where: str, line: int) -> Example:
    parts = [p.strip() for p in raw.split("|")]
    if len(parts) != 3:
        raise RuleFileError(f"{where}: example needs 'text | dct | value', got {raw!r}")
    text, dct, value = parts
    span = None
    if "[" in text:
        a = text.index("[")
        b = text.index("]", a)
        span = (a, b - 1)
        text = text[:a] + text[a + 1 : b] + text[b + 1 :]
    return Example(text, None if dct in ("", "-", "none") else dct, value, span, line)


def load_rules(
    paths: list[Path] | None = None,
    patterns: dict[str, str] | None = None,
    tables: dict[str, dict[str, str]] | None = None,
    functions: frozenset[str] = frozenset(),
    key_classes: Mapping[str, object] | None = None,
) -> list[Rule]:
    """Parse every rule file; ``functions`` are normalizers implemented in Python."""
    key_classes = key_classes if key_classes is not None else load_keys()
    patterns = patterns if patterns is not None else load_patterns()
    tables = tables if tables is not None else load_tables()
    if paths is None:
        paths = sorted(_data_dir().glob("rules*.txt"))
    rules: list[Rule] = []
    names: set[str] = set()
    for path in paths:
        block: list[tuple[int, str, str]] = []
        lines = _read(path) + [""]
        for n, raw in enumerate(lines, 1):
            line = raw.rstrip()
            if line.lstrip().startswith("#"):
                continue
            if not line.strip():
                if block:
                    rules.append(_build(path.name, block, patterns, tables, functions,
                                        len(rules), names, key_classes))
                    block = []
                continue
            if ":" not in line:
                raise RuleFileError(f"{path.name}:{n} -: expected 'key: value', got {line!r}")
            key, val = line.split(":", 1)
            block.append((n, key.strip(), val.strip()))
    return rules


def _build(fname, block, patterns, tables, functions, order, names, key_classes) -> Rule:
    first_line = block[0][0]
    fields: dict[str, str] = {}
    lines_of: dict[str, int] = {}
    examples_raw: list[tuple[int, str]] = []
    name = next((v for _n, k, v in block if k == "rule"), "?")
    for n, key, val in block:
        where = f"{fname}:{n} {name}"
        if key not in _KEYS:
            raise RuleFileError(f"{where}: unknown key {key!r}")
        if key == "example":
            examples_raw.append((n, val))
        elif key in fields:
            raise RuleFileError(f"{where}: duplicate key {key!r}")
        else:
            fields[key] = val
            lines_of[key] = n
    where = f"{fname}:{first_line} {name}"

    def at(key: str) -> str:
        return f"{fname}:{lines_of.get(key, first_line)} {name}"

    if "rule" not in fields:
        raise RuleFileError(f"{where}: block has no 'rule:' name")
    if name in names:
        raise RuleFileError(f"{where}: duplicate rule name")
    names.add(name)
    negative = fields.get("negative", "no") == "yes"
    for key in ("pattern", "keys") if negative else ("pattern", "type", "value", "keys"):
        if key not in fields:
            raise RuleFileError(f"{where}: missing '{key}:'")
    typ = fields.get("type", "DATE")
    if typ not in _TYPES:
        raise RuleFileError(f"{at('type')}: type must be one of {sorted(_TYPES)}, got {typ!r}")
    mod = fields.get("mod") or None
    if mod is not None and mod not in _MODS:
        raise RuleFileError(f"{at('mod')}: unknown mod {mod!r}")
    missing = [m.group(1) for m in _REF_RE.finditer(fields["pattern"])
               if m.group(1) not in patterns]
    if missing:
        raise RuleFileError(f"{at('pattern')}: unknown pattern %{missing[0]}")
    source = _REF_RE.sub(lambda m: patterns[m.group(1)], fields["pattern"])
    flags = 0 if fields.get("case") == "sensitive" else re.IGNORECASE
    try:
        regex = re.compile(source, flags)
    except re.error as err:
        raise RuleFileError(f"{at('pattern')}: bad pattern: {err}") from None
    value = fields.get("value", "")
    slots = []
    for m in _SLOT_RE.finditer(value):
        group, norm, default = m.group(1), m.group(2) or None, m.group(3)
        if group not in regex.groupindex:
            raise RuleFileError(
                f"{at('value')}: value uses {{{group}}} but the pattern has no such group")
        if norm and norm not in tables and norm not in functions:
            raise RuleFileError(f"{at('value')}: unknown normalization {norm!r}")
        slots.append((m.group(0), group, norm, default))
    keys = tuple(fields["keys"].lower().split())
    for k in keys:
        if k.startswith("@") and k[1:].upper() not in key_classes:
            raise RuleFileError(f"{at('keys')}: unknown key class {k.upper()}")
        if not k.startswith("@") and not re.fullmatch(r"[a-z]+|[0-9]+", k):
            raise RuleFileError(f"{at('keys')}: a key is a lowercase word or @CLASS, got {k!r}")
    keys = tuple(k.upper() if k.startswith("@") else k for k in keys)
    genre = fields.get("genre") or None
    if genre not in (None, "news", "narrative"):
        raise RuleFileError(f"{at('genre')}: genre must be news or narrative, got {genre!r}")
    if not examples_raw:
        raise RuleFileError(f"{where}: every rule needs at least one 'example:'")
    examples = [_parse_example(v, f"{fname}:{n} {name}", n) for n, v in examples_raw]
    return Rule(name, regex, typ, value, mod, negative, fields.get("anchor", "yes") != "no",
                order, where, examples, keys, genre, slots)
