"""The extractor's English knowledge, read from the data files in ``timeline/events/data/``.

Every file is plain text, one entry a line, ``#`` comments; a malformed line fails at load
with ``file:line: what is wrong`` (a bug in the data, not user input).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from timeline.schema import CATEGORIES
from timeline.temporal.rules import sections

__all__ = ["Trigger", "Lexicon", "LexiconError", "lexicon"]


class LexiconError(ValueError):
    """A data file of the extractor is malformed."""


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str  # "v" or "n"
    category: str
    cls: str  # "-" never merges
    form: str  # "base", "s", "past", "ing", "plural"


@dataclass(slots=True)
class Lexicon:
    #: lowercased surface form -> triggers it can be
    forms: dict[str, list[Trigger]]
    regex: re.Pattern[str]
    cues: dict[str, str]
    cue_regex: re.Pattern[str]
    #: (compiled pattern, relation, offset template)
    anaphora: list[tuple[re.Pattern[str], str, str | None]]
    numbers: dict[str, int | None]
    units: dict[str, str]
    #: TIMEX3 vague value -> ISO duration of the window it stands for ("PAST_REF" -> "P3M")
    vague: dict[str, str]
    lists: dict[str, set[str]] = field(default_factory=dict)
    abbreviations: set[str] = field(default_factory=set)


def _data_dir() -> Path:
    return Path(str(resources.files("timeline.events") / "data"))


def _lines(path: Path) -> list[tuple[int, str]]:
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append((n, line))
    return out


_VOWELS = "aeiou"


def _verb_forms(word: str) -> list[tuple[str, str]]:
    if word.endswith("e"):
        past, ing = word + "d", word[:-1] + "ing"
    elif word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        past, ing = word[:-1] + "ied", word + "ing"
    elif (len(word) <= 4 and len(word) >= 3 and word[-1] not in _VOWELS + "wxy"
          and word[-2] in _VOWELS and word[-3] not in _VOWELS):
        past, ing = word + word[-1] + "ed", word + word[-1] + "ing"
    else:
        past, ing = word + "ed", word + "ing"
    return [(word, "base"), (_plural(word), "s"), (past, "past"), (ing, "ing")]


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _inflect(lemma: str, pos: str) -> list[tuple[str, str]]:
    words = lemma.split()
    if pos == "v":
        return [(" ".join([f, *words[1:]]), kind) for f, kind in _verb_forms(words[0])]
    # nouns: inflect the head, i.e. the word before a trailing preposition, else the last
    head = len(words) - 2 if len(words) > 1 and words[-1] in ("of", "on", "in") else len(words) - 1
    plural = words[:head] + [_plural(words[head])] + words[head + 1 :]
    return [(lemma, "base"), (" ".join(plural), "plural")]


def _irregular_kind(form: str, lemma: str) -> str:
    first = form.split()[0]
    if first.endswith("ing"):
        return "ing"
    if first == _plural(lemma.split()[0]):
        return "s"
    return "past"


def _load_triggers(path: Path) -> dict[str, list[Trigger]]:
    forms: dict[str, list[Trigger]] = {}
    for n, category, line in sections(path):
        where = f"{path.name}:{n}"
        if line is None:
            if category not in CATEGORIES:
                raise LexiconError(
                    f"{where}: unknown category {category!r}; use one of {CATEGORIES}")
            continue
        if category is None:
            raise LexiconError(f"{where}: entry before any @category")
        parts = [p.strip() for p in line.split("|")]
        if len(parts) not in (3, 4):
            raise LexiconError(f"{where}: expected 'lemma | pos | class [| forms]', got {line!r}")
        lemma, pos, cls = parts[0].lower(), parts[1], parts[2]
        if pos not in ("v", "n", "vn"):
            raise LexiconError(f"{where}: pos must be v, n or vn, got {pos!r}")
        if not lemma or not cls:
            raise LexiconError(f"{where}: empty lemma or class")
        extra = [f.strip().lower() for f in parts[3].split(",")] if len(parts) == 4 else []
        for p in pos:
            made = _inflect(lemma, p)
            if p == "v":
                made += [(f, _irregular_kind(f, lemma)) for f in extra]
            else:
                made += [(f, "plural" if f.endswith("s") else "base") for f in extra]
            for form, kind in made:
                trig = Trigger(lemma, p, category, cls, kind)
                bucket = forms.setdefault(form, [])
                if not any(t.lemma == trig.lemma and t.pos == trig.pos for t in bucket):
                    bucket.append(trig)
    if not forms:
        raise LexiconError(f"{path.name}: no triggers")
    return forms


def _alternation(phrases: list[str]) -> str:
    alts = sorted({re.escape(p).replace(r"\ ", r"\s+") for p in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")"


def _load_pairs(path: Path, width: int) -> list[tuple[int, list[str]]]:
    out = []
    for n, line in _lines(path):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != width or not all(parts):
            raise LexiconError(
                f"{path.name}:{n}: expected {width} fields separated by |, got {line!r}")
        out.append((n, parts))
    return out


def _load_sections(path: Path) -> dict[str, list[tuple[int, str]]]:
    out: dict[str, list[tuple[int, str]]] = {}
    for n, current, line in sections(path):
        if current is None:
            raise LexiconError(f"{path.name}:{n}: entry before any @section")
        if line is None:
            out[current] = []
        else:
            out[current].append((n, line))
    return out


_RELATIONS = {"after", "before", "when", "since", "until", "during", "within"}


@lru_cache(maxsize=1)
def lexicon(directory: str | None = None) -> Lexicon:
    """Load (once) every data file; ``directory`` overrides the bundled data (tests)."""
    d = Path(directory) if directory else _data_dir()
    forms = _load_triggers(d / "triggers.txt")
    regex = re.compile(r"(?<![\w-])" + _alternation(list(forms)) + r"(?![\w-])", re.IGNORECASE)

    cues: dict[str, str] = {}
    for n, (phrase, rel) in _load_pairs(d / "cues.txt", 2):
        if rel not in _RELATIONS:
            raise LexiconError(f"cues.txt:{n}: unknown relation {rel!r}")
        cues[phrase.lower()] = rel
    cue_regex = re.compile(r"(?<![\w-])" + _alternation(list(cues)) + r"(?![\w-])", re.IGNORECASE)

    sections = _load_sections(d / "numbers.txt")
    numbers: dict[str, int | None] = {}
    units: dict[str, str] = {}
    vague: dict[str, str] = {}
    for name in ("number", "unit", "vague"):
        if name not in sections:
            raise LexiconError(f"numbers.txt: no @{name} section")
        for n, line in sections[name]:
            if "=" not in line:
                raise LexiconError(f"numbers.txt:{n}: expected 'word = value'")
            k, v = (p.strip() for p in line.split("=", 1))
            if name == "number":
                numbers[k.lower()] = None if v == "-" else int(v)
            elif name == "unit":
                units[k.lower()] = v
            else:
                vague[k] = v
    num_re = r"(?P<n>\d+|" + _alternation([k for k in numbers]) + ")"
    unit_re = r"(?P<unit>" + _alternation(list(units)) + ")"

    anaphora = []
    for n, (phrase, rel, offset) in _load_pairs(d / "anaphora.txt", 3):
        if rel not in _RELATIONS:
            raise LexiconError(f"anaphora.txt:{n}: unknown relation {rel!r}")
        pat = re.escape(phrase).replace(r"\ ", r"\s+")
        pat = pat.replace(r"\{n\}", num_re).replace(r"\{unit\}", unit_re)
        try:
            rx = re.compile(r"(?<![\w-])" + pat + r"(?![\w-])", re.IGNORECASE)
        except re.error as err:
            raise LexiconError(f"anaphora.txt:{n}: bad phrase {phrase!r}: {err}") from None
        anaphora.append((rx, rel, None if offset == "-" else offset))

    lists = {k: {v for _n, v in vals} for k, vals in _load_sections(d / "lexicon.txt").items()}
    for need in ("role", "place_prep", "place_noun", "not_name", "after_object", "irrealis_to",
                 "modal", "negation", "label_stop", "generic_past", "not_verb", "hypothetical",
                 "condition", "stative_past", "share_of", "forecast", "prediction"):
        if need not in lists:
            raise LexiconError(f"lexicon.txt: no @{need} section")
    abbrevs = {line for _n, line in _lines(d / "abbreviations.txt")}
    return Lexicon(forms, regex, cues, cue_regex, anaphora, numbers, units, vague, lists, abbrevs)
