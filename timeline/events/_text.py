"""Sentences, quotations and clause segments of an article, as character spans.

Everything here is one left-to-right pass over the text (linear in its length), and
every span points into the article text unchanged, so ``text[start:end]`` is what the
reader sees.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.events._lexicon import Lexicon

__all__ = ["Sentence", "Segment", "split_sentences", "quote_spans", "Quotes", "segments"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    #: "body", "headline" (a title line: no events), "bullet" (a list item)
    kind: str
    #: index of the paragraph (blank-line separated block) it belongs to
    para: int


_BULLET = re.compile(r"[ \t]*(?:[-*•▪◦‣·–—]|\d{1,3}[.)]|#{1,6})[ \t]+")
_BYLINE = re.compile(
    r"(?:by|from)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|van|von|al-\w+))*\s*,?"
    r"(?:\s*(?:[A-Z][\w ]+ )?(?:correspondent|reporter|editor|writer|staff))?\s*$"
    r"|(?:associated press|reuters|afp|bbc news|staff)\b.{0,30}"
    r"(?:writer|reporter|correspondent)\s*$"
    r"|(?:\(c\)|©|copyright)\b.*$",
    re.IGNORECASE,
)
#: "CANBERRA, Australia (AP)_ " or "WASHINGTON — " opening a wire story
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?\s*(?:\([A-Za-z-]{2,12}\))?"
    r"\s*[-_—–:]+\s*(?=\S)"
)
_END_PUNCT = '.!?"”’\'):;…'
_SENT_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?:''|\")?(?=\s+[\"“‘(\[`]*[A-Z0-9])")


def _is_boundary(line: str, dot: int, lex: Lexicon) -> bool:
    if line[dot] != ".":
        return True
    m = re.search(r"([\w.]+)$", line[:dot])
    if not m:
        return True
    word = m.group(1)
    if word in lex.abbreviations:
        return False
    # an initial ("John F. Kennedy") or an acronym written with dots ("U.S.")
    initial = len(word) == 1 and word.isupper()
    return not initial and not re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word)


def split_sentences(text: str, lex: Lexicon) -> list[Sentence]:
    """Sentences of ``text``; bylines are dropped, headlines and bullets marked."""
    out: list[Sentence] = []
    para = 0
    first_body_seen = False
    for m in re.finditer(r"[^\n]*", text):
        line_start, line = m.start(), m.group(0)
        if not line.strip():
            if m.end() > m.start() or (m.start() > 0 and text[m.start() - 1] == "\n"):
                para += 1 if out and out[-1].para == para else 0
            continue
        offset = 0
        bullet = _BULLET.match(line)
        kind = "body"
        if bullet and bullet.end() < len(line):
            offset = bullet.end()
            kind = "heading" if bullet.group(0).strip().startswith("#") else "bullet"
        body = line[offset:]
        if _BYLINE.fullmatch(body.strip()):
            continue
        stripped = body.rstrip()
        words = len(stripped.split())
        if kind == "heading" or (
            # a title, a standfirst, a byline without "By": lines before the first body
            # paragraph that do not end as a sentence does
            kind == "body" and stripped and stripped[-1] not in _END_PUNCT and words <= 45
            and not first_body_seen
        ):
            kind = "headline"
        dl = _DATELINE.match(body)
        if dl and kind != "headline" and re.search(r"[a-z]", body[dl.end() :]):
            offset += dl.end()
        pos = offset
        for sm in _SENT_END.finditer(line, offset):
            end = sm.end()
            if not _is_boundary(line, sm.start(), lex):
                continue
            _add(out, text, line_start + pos, line_start + end, kind, para)
            pos = end
        _add(out, text, line_start + pos, line_start + len(line), kind, para)
        if kind != "headline":
            first_body_seen = True
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, kind: str, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2 and re.search(r"[A-Za-z]", text[start:end]):
        out.append(Sentence(start, end, kind, para))


# ------------------------------------------------------------------ quotations --

_OPEN = {"“": "”", "``": "''", "«": "»"}


class Quotes:
    """Spans of quoted speech, for quick "is this offset inside a quotation?" look-ups."""

    def __init__(self, spans: list[tuple[int, int]], text: str = ""):
        self.text = text
        self.spans = spans
        self.starts = [s for s, _e in spans]

    def inside(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]

    def share(self, start: int, end: int) -> float:
        """How much of ``start..end`` is quoted (0..1)."""
        if end <= start:
            return 0.0
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        covered = 0
        while i < len(self.spans) and self.spans[i][0] < end:
            s, e = self.spans[i]
            covered += max(0, min(e, end) - max(s, start))
            i += 1
        return covered / (end - start)


_QUOTE_TOKEN = re.compile(r"``|''|[“”«»\"]|\n")


def quote_spans(text: str) -> Quotes:
    """Quoted spans (the quotation marks included); a quotation never crosses a paragraph."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for m in _QUOTE_TOKEN.finditer(text):
        tok = m.group(0)
        if tok == "\n":
            if open_at is not None and text[open_at : m.start()].count(" ") > 0:
                # an unclosed quotation runs to the end of its paragraph (wire style)
                spans.append((open_at, m.start()))
            open_at = None
            continue
        if open_at is None:
            if tok in _OPEN or tok == '"':
                open_at, closer = m.start(), _OPEN.get(tok, '"')
        elif tok == closer or (closer == '"' and tok == '"'):
            spans.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return Quotes(spans, text)


# ------------------------------------------------------------------ segments --


@dataclass(slots=True)
class Segment:
    start: int
    end: int
    #: the cue or clause word that opens it: "after", "when", "which", "including", "" ...
    lead: str
    #: relation named by the cue ("after", "before", "when", ...) or ""
    relation: str
    #: ISO 8601 duration before the cue ("two weeks after" -> "P2W"), "" for none,
    #: "?" for an unknown amount ("several days after")
    offset: str
    #: where the text after the lead starts
    body: int


_CLAUSE_LEADS = ("which", "who", "whom", "whose", "where", "including", "such as")
_PUNCT_SPLIT = re.compile(
    r"(?<!\d),|,(?!\d{3}\b)|[;()\[\]]|(?<!\d):|:(?!\d)|\s[–—_-]{1,2}\s"
    r"|\s(?=(?:but|and)\s+(?:has|have|had|was|were|is|are|will|later|then)\b)"
    # "... dispatched agents but there was no word on Tuesday": "but" and a new subject open
    # a clause of its own, with its own time
    r"|\s(?=but\s+(?:there|it|he|she|they|we|i|the|a|an|his|her|their|its|no|none)\s)"
)


_SHORT_PAREN = re.compile(r"\((?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\)")


def segments(text: str, start: int, end: int, lex: Lexicon) -> list[Segment]:
    """Clause-like pieces of the sentence ``text[start:end]``, split at punctuation and cues."""
    cuts = {start, end}
    # "The Hamilton (Ontario) Spectator", "Sen. Jesse Helms (R-N.C.)": a short name in
    # parentheses is part of its noun phrase, not a clause boundary
    inside = {i for p in _SHORT_PAREN.finditer(text, start, end) for i in (p.start(), p.end() - 1)}
    for m in _PUNCT_SPLIT.finditer(text, start, end):
        if m.start() in inside:
            continue
        cuts.add(m.start())
        cuts.add(m.end())
    for m in lex.cue_regex.finditer(text, start, end):
        if _real_cue(text, m, lex):
            cuts.add(_offset_start(text, start, m.start(), lex))
    leads = re.compile(r"(?<![\w-])(?:" + "|".join(_CLAUSE_LEADS) + r")(?![\w-])", re.IGNORECASE)
    for m in leads.finditer(text[start:end]):
        if m.start() > 0:
            cuts.add(start + m.start())
    relative = _relative_that(tuple(lex.lists["generic_past"]))
    for m in relative.finditer(text, start + 1, end):
        before = re.search(r"([\w’'-]+)\s+$", text[max(start, m.start() - 40) : m.start()])
        if before and any(t.pos == "n" for t in lex.forms.get(before.group(1).lower(), ())):
            continue  # "the 1996 bombing that killed one person": the clause tells the event
        cuts.add(m.start())
    bounds = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        a2, b2 = _trim(text, a, b)
        if b2 <= a2:
            continue
        rel = relative.match(text, a2, b2)
        seg = Segment(a2, b2, "that", "", "", _skip_space(text, a2 + 4, b2)) if rel \
            else _lead(text, a2, b2, lex)
        last = re.search(r"([\w’'.-]+)$", text[out[-1].start : out[-1].end]) if out else None
        if last and _NAMES_ONLY.fullmatch(text[a2:b2]) and text[out[-1].end : a2].strip() == "," \
                and last.group(1)[:1].isupper() and last.group(1) not in lex.lists["not_name"]:
            # "in Dar es Salaam, Tanzania, and Nairobi, Kenya": one place list, not clauses
            prev = out[-1]
            out[-1] = Segment(prev.start, b2, prev.lead, prev.relation, prev.offset, prev.body)
            continue
        out.append(seg)
    return out


_NAMES_ONLY = re.compile(r"(?:and\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|es|de|al-\w+)){0,3}")


@lru_cache(maxsize=4)
def _relative_that(irregular_past: tuple[str, ...]) -> re.Pattern[str]:
    """"the bullet that tore through his window", "a storm that killed 12": "that" right after
    a noun and right before a past verb opens a relative clause with a happening of its own
    (not "said that the army ...": a complement opens with its subject). After an event noun
    ("an explosion that took place") the clause stays with the noun it tells about."""
    irregular = "|".join(sorted(map(re.escape, irregular_past), key=len, reverse=True))
    return re.compile(r"(?<=[a-z’'] )that\s+(?=(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|" + irregular
                      + r")\b)")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:()[]–—_-\"“”'‘’`"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:()[]–—_-\"“”'‘’`."):
        b -= 1
    return a, b


_AS_BLOCK = re.compile(
    r"(?:known|such|well|same|so|welcomed|described|regarded|seen|served|branded|named|"
    r"identified|listed|used|act|acted|acting|work|worked|as|much|many|long|soon|far|just)\s*$",
    re.IGNORECASE,
)


_AS_CLAUSE = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?(?:was|were|had|got|began|came|went|took|made|fled|fell|"
    r"arrived|\w{3,}ed)\b"
)


#: "within (a|two|some) (hours|days|week) of": the amount after the cue, then "of"
_WITHIN = re.compile(r"\s+(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|"
                     r"a few|a couple of)\s+)?(?P<unit>hour|day|week|month|year)s?\s+of\b",
                     re.IGNORECASE)
_WITHIN_N = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_BEFORE_PLACE = re.compile(
    r"\b(?:go|goes|went|gone|going|appear|appears|appeared|appearing|come|comes|came|coming|"
    r"bring|brings|brought|bringing|testify|testifies|testified|testifying|stand|stands|stood|"
    r"standing|plead|pleaded|pleads|argue|argued|argues|put|puts|placed|laid|kneel|knelt)\s+$",
    re.IGNORECASE)


#: "in the blast", "in Friday's attack", "in last week's bombing": the words before the noun
_IN_EVENT = re.compile(r"\s+(?:the|that|this|these|those|(?:[\w-]+\s+)?[\w-]+[’']s)\s+"
                       r"(?:[\w-]+\s+){0,2}?(?P<noun>[a-z][\w-]+)\b")


_DONE_BEFORE = re.compile(r"\b(?:[a-z]{3,}ed|hurt|hit|shot|struck|lost|caught|slain|died|"
                          r"stabbed|beaten|taken|broken|burnt|burned)\s+$")


def _in_event(text: str, at: int, lex: Lexicon) -> bool:
    """ "in" names an event only before a determined event noun of a class that merges
    ("injured in the blast"), not before a place or a time ("in the capital", "in the fall")."""
    m = _IN_EVENT.match(text, at)
    if m is None:
        return False
    return any(t.pos == "n" and t.cls not in ("-", "~") and t.form in ("base", "plural")
               for t in lex.forms.get(m.group("noun").lower(), []))


#: "the highest since 1989", "the first time since the war" (not "at least three times")
_SUPERLATIVE = re.compile(r"\b(?:[a-z]{2,}est|(?<!at\s)most|(?<!at\s)least|first|worst|best)\b"
                          r"(?:\s+[\w%’'-]+){0,6}\s+$", re.IGNORECASE)


_PART_OF_DAY = re.compile(r"\s+(?:dawn|daybreak|sunrise|first\s+light|dusk|sunset|sundown|"
                          r"nightfall|dark|midnight|midday|noon)\b", re.IGNORECASE)


def _real_cue(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    word = m.group(0).lower()
    before = text[max(0, m.start() - 30) : m.start()]
    if word == "following" and re.search(r"\bthe\s+$", before, re.IGNORECASE):
        return False  # "the following year": an adjective in a time expression, not a cue
    if word == "in":
        # after a participle ("injured in the blast"), not inside a noun phrase ("suspects in
        # the bombing")
        return bool(_DONE_BEFORE.search(before)) and _in_event(text, m.end(), lex)
    if word == "within":
        return bool(_WITHIN.match(text, m.end()))  # "within a week of": not "within the city"
    if word in ("before", "after", "until", "till") and _PART_OF_DAY.match(text, m.end()):
        return False  # "before dawn Thursday", "shortly after midnight": a time of day
    if word == "before" and _BEFORE_PLACE.search(before):
        return False  # "go before the Security Council", "appeared before a judge": a place
    if word == "as":
        # "as" is temporal only before a clause with a finite verb: "as volunteers got to work"
        if _AS_BLOCK.search(before):
            return False
        after = text[m.end() : m.end() + 60]
        return bool(_AS_CLAUSE.match(after))
    return True


#: an amount of time before a cue: "two weeks (after)", "a day (before)", "shortly (after)"
_AMOUNT = (r"(?:(?P<n>\d+|{numbers})\s+(?P<unit>days?|weeks?|months?|years?|fortnight)"
           r"|(?:the|a)\s+(?P<unit1>day|week|month|year)|shortly|soon|just|hours|days|weeks|months|years)")
_SHIFTABLE = ("after", "before", "following", "prior to")


@lru_cache(maxsize=4)
def _amount_regexes(numbers: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(numbers, key=len,
                                                                           reverse=True))
    amount = _AMOUNT.replace("{numbers}", words)
    end = re.compile(r"\b" + amount + r"\s*$", re.IGNORECASE)
    lead = re.compile(r"(?P<pre>" + amount + r"\s+)?(?P<cue>[A-Za-z]+(?:\s+[A-Za-z]+){0,3})",
                      re.IGNORECASE)
    return end, lead


def _offset_start(text: str, floor: int, cue_at: int, lex: Lexicon) -> int:
    """Move a cut before "two weeks" in "two weeks after"."""
    head = text[max(floor, cue_at - 40) : cue_at]
    m = _amount_regexes(tuple(lex.numbers))[0].search(head)
    return cue_at - (len(head) - m.start()) if m else cue_at


def _offset(m: re.Match[str], lex: Lexicon) -> str:
    """ISO duration of the amount matched by ``_AMOUNT`` ("" none, "?" unknown)."""
    if m.group("pre") is None:
        return ""
    if m.group("unit1"):
        return f"P1{m.group('unit1')[0].upper()}"
    word, unit_word = m.group("n"), m.group("unit")
    if word is None or unit_word is None:
        bare = re.match(r"(?:(hour)|(day)|(week)|(month)|(year))s\s*$", m.group("pre").strip(),
                        re.IGNORECASE)
        if bare and bare.lastindex:  # "days after X": some days, an amount we can still bound
            return "~" + "HDWMY"[bare.lastindex - 1]
        return "?"
    n = int(word) if word.isdigit() else lex.numbers.get(word.lower())
    unit = lex.units.get(unit_word.lower())
    if unit is None or n is None:
        return "?"
    return f"P{n * (2 if unit == '2W' else 1)}{unit[-1]}"


def _lead(text: str, a: int, b: int, lex: Lexicon) -> Segment:
    piece = text[a:b]
    m = _amount_regexes(tuple(lex.numbers))[1].match(piece)
    if m:
        cm = lex.cue_regex.match(piece[m.start("cue") :])
        if cm and cm.group(0).lower() == "in" and not (
                _DONE_BEFORE.search(text, max(0, a - 30), a)
                and _in_event(text, a + m.start("cue") + cm.end(), lex)):
            cm = None  # "In Los Angeles, ...": a place, not an event
        if cm and (m.group("pre") is None or cm.group(0).lower() in _SHIFTABLE):
            cue = re.sub(r"\s+", " ", cm.group(0).lower())
            body = a + m.start("cue") + cm.end()
            within = _WITHIN.match(text, body, b) if cue == "within" else None
            if within:
                return Segment(a, b, cue, "within", _within_offset(within),
                               _skip_space(text, within.end(), b))
            relation = lex.cues[cue]
            if cue == "since" and _SUPERLATIVE.search(text, max(0, a - 40), a):
                relation = ""  # "the highest turnout since 1989": a comparison, no tie in time
            return Segment(a, b, cue, relation, _offset(m, lex), _skip_space(text, body, b))
        for lead in _CLAUSE_LEADS:
            if re.match(lead + r"\b", piece, re.IGNORECASE):
                return Segment(a, b, lead, "", "", _skip_space(text, a + len(lead), b))
        am = re.match(r"(?:and|but|then|so)\b", piece, re.IGNORECASE)
        if am:
            return Segment(a, b, "and", "", "", _skip_space(text, a + am.end(), b))
    return Segment(a, b, "", "", "", a)


def _within_offset(m: re.Match[str]) -> str:
    unit = m.group("unit")[0].upper()
    unit = "H" if unit == "H" else unit
    n = m.group("n")
    if n is None or n.lower() in ("a few", "a couple of"):
        return "~" + unit  # "within days of": some days
    count = int(n) if n.isdigit() else _WITHIN_N[n.lower()]
    if unit == "H":
        return "P1D" if count <= 24 else f"P{(count + 23) // 24}D"
    return f"P{count}{unit}"


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i
