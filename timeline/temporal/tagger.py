"""Phase one: find time expressions with the rules, then resolve them left to right."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import cache

from timeline.errors import DateValueError, InputError
from timeline.temporal.grammar import is_timex3_value
from timeline.temporal.normalize import FUNCTIONS, apply
from timeline.temporal.resolve import Anchor, Resolved, resolve
from timeline.temporal.rules import (
    Rule,
    load_cues,
    load_keys,
    load_patterns,
    load_rules,
    load_tables,
)
from timeline.temporal.types import Timex

__all__ = ["tag", "Grammar", "grammar"]

_SENT_END = re.compile(r"[.!?;\n]\s|\n")
# what arithmetic that ran off the calendar (before year 1, after 9999) resolves to
_OFF_CALENDAR = Resolved("XXXX-XX-XX", None, None, True)
_CLOSE_CUE = 30  # a future cue this near (chars) is the expression's own verb: trust it
_AUX = {"will", "would", "be", "to", "shall"}
_QUOTE_RE = re.compile(r"[\"“”]|''|``")
_PAST_BE = {"was", "were"}
_COARSE = ("year", "decade", "century")  # grains no quarter can be counted from
_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|'[A-Za-z]+")


class Grammar:
    """The loaded rules, tables, key index and tense cues (built once, on first use)."""

    def __init__(self) -> None:
        self.patterns = load_patterns()
        self.tables = load_tables()
        self.key_classes = load_keys()
        self.rules: list[Rule] = load_rules(patterns=self.patterns, tables=self.tables,
                                            functions=frozenset(FUNCTIONS),
                                            key_classes=self.key_classes)
        # word -> indices of the rules keyed on it; digit tokens go through the classes' regexes
        self.by_word: dict[str, list[int]] = {}
        self.digit_classes: list[tuple[re.Pattern[str], int]] = []
        for i, rule in enumerate(self.rules):
            for k in rule.keys:
                if k.startswith("@"):
                    words, rx = self.key_classes[k[1:]]
                    for w in words:
                        self.by_word.setdefault(w, []).append(i)
                    if rx is not None:
                        self.digit_classes.append((rx, i))
                else:
                    self.by_word.setdefault(k, []).append(i)
        self._digit_cache: dict[str, list[int]] = {}
        cues = load_cues()
        self.not_past = cues["NOT_PAST"]
        # phrase -> label; a phrase listed twice keeps the first of future, report, past
        self.cue_phrases: dict[str, str] = {}
        for section, label in (("PAST", "past"), ("REPORT", "report"), ("FUTURE", "future")):
            for phrase in cues[section]:
                self.cue_phrases[phrase] = label

    def rules_for(self, token: str) -> list[int] | None:
        """Indices of the rules keyed on ``token`` (a run of letters or of digits)."""
        if token[0].isdigit():
            hit = self._digit_cache.get(token)
            if hit is None:
                hit = sorted({i for rx, i in self.digit_classes if rx.fullmatch(token)})
                if len(self._digit_cache) < 10000:
                    self._digit_cache[token] = hit
            return hit
        return self.by_word.get(token.lower())


@cache
def grammar() -> Grammar:
    return Grammar()


def _as_date(dct: date | str | None) -> date | None:
    if dct is None or isinstance(dct, date):
        return dct
    s = str(dct).strip()
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        raise DateValueError(f"publication date {dct!r} is not a date: use YYYY-MM-DD") from None


_TOKEN_RE = re.compile(r"[A-Za-z]+|[0-9]+")
_BEFORE, _AFTER = 50, 40  # how far a match may reach before / after its key token


def _windows(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        a, b = max(0, s - _BEFORE), min(n, e + _AFTER)
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _scan(rule: Rule, text: str, windows, found) -> None:
    finditer = rule.regex.finditer
    has_t = "t" in rule.regex.groupindex
    for a, b in windows:
        for m in finditer(text, a, b):
            s, e = m.span("t") if has_t else m.span()
            if e > s:
                found.append((s, e, rule, m))


_Cand = tuple[int, int, Rule, re.Match[str]]


def _candidates(text: str, g: Grammar, genre: str) -> list[_Cand]:
    hits: dict[int, list[tuple[int, int]]] = {}
    rules_for = g.rules_for
    for m in _TOKEN_RE.finditer(text):
        idx = rules_for(m.group())
        if idx:
            span = m.span()
            for i in idx:
                hits.setdefault(i, []).append(span)
    if not hits:
        return []
    n = len(text)
    found: list[tuple[int, int, Rule, re.Match[str]]] = []
    rules = g.rules
    for i, spans in hits.items():
        rule = rules[i]
        if not rule.negative and rule.genre in (None, genre):
            _scan(rule, text, _windows(spans, n), found)
    if not found:
        return []
    # a negative rule vetoes only candidates it covers, so its key token lies inside one
    inside = bytearray(n)
    for c in found:
        inside[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
    for i, spans in hits.items():
        if rules[i].negative:
            near = [sp for sp in spans if inside[sp[0]]]
            if near:
                _scan(rules[i], text, _windows(near, n), found)
    # a negative match vetoes the candidates it covers ("2000 people", "May I"), not the
    # ones it merely touches ("on Aug. 7 killed 258")
    negs = sorted((c[0], c[1]) for c in found if c[2].negative)
    if negs:
        neg_starts = [ns for ns, _ne in negs]
        reach, best = [], -1  # reach[i]: the farthest end among the first i+1 negatives
        for _ns, ne in negs:
            best = max(best, ne)
            reach.append(best)

        def vetoed(c: tuple[int, int, Rule, re.Match[str]]) -> bool:
            i = bisect_right(neg_starts, c[0]) - 1
            return i >= 0 and reach[i] >= c[1]

        found = [c for c in found if not c[2].negative and not vetoed(c)]
    # longest first, then the earlier rule in the files; greedy non-overlapping choice
    found.sort(key=lambda c: (c[0] - c[1], c[2].order, c[0]))
    taken: list[tuple[int, int, Rule, re.Match[str]]] = []
    used = bytearray(n)
    for c in found:
        s, e = c[0], c[1]
        if used.find(1, s, e) != -1:
            continue
        used[s:e] = b"\x01" * (e - s)
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    return taken


_BLOCK = 300  # sentences longer than this are cut into blocks, so no window grows unbounded


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start..end``, as a span that is the same for every expression
    in it (so its cue words are found once), at most about 900 characters long."""
    block = start // _BLOCK
    lo = max(0, (block - 1) * _BLOCK)
    hi = min(len(text), (block + 2) * _BLOCK)
    left = lo
    for m in _SENT_END.finditer(text, lo, start):
        left = m.end()
    stop = _SENT_END.search(text, end, hi)
    right = stop.start() + 1 if stop else hi
    return left, right


_Cue = tuple[int, int, str]  # start, end, label


def _cues(text: str, left: int, right: int, g: Grammar) -> list[_Cue]:
    """Tense cue words in ``text[left:right]`` (see data/cues.txt)."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD_RE.finditer(text, left, right)]
    phrases = g.cue_phrases
    out: list[_Cue] = []
    i, n = 0, len(words)
    while i < n:
        s, e, w = words[i]
        j = i  # where the cue starts
        label = None
        for k in (3, 2):
            if i + k <= n:
                phrase = " ".join(x[2] for x in words[i:i + k])
                if phrase in phrases:
                    label, e = phrases[phrase], words[i + k - 1][1]
                    i += k - 1
                    break
        if label is None:
            label = phrases.get(w)
            if label is None and w.endswith("'ll"):
                label = "future"
            elif label is None and len(w) >= 4 and w.endswith("ed") and w not in g.not_past:
                label = "past"
            if label == "past" and i > 0 and words[i - 1][2] in _AUX:
                label = None  # "will be held", "to be signed": a participle, not a past tense
        if label == "future" and j == i and _did_before(words, j):
            label = "past"  # "did not meet on Tuesday": do-support carries the tense
        elif label == "future" and j > 1 and words[j - 2][2] == "had" and words[j - 1][2] == "been":
            label = "past"  # "had been due to expire Friday": a plan that lay in the past
        elif (label == "future" and j > 0 and out and out[-1][2] == "past"
              and words[j - 1][2] in _PAST_BE and out[-1][0] == words[j - 1][0]):
            out.pop()  # "were planning to march Saturday": the plan governs, not the "were"
        if label is not None:
            out.append((s, e, label))
        i += 1
    return out


def _did_before(words: list[tuple[int, int, str]], j: int) -> bool:
    """Whether the verb at ``j`` follows "did", "didn't" or "did not"."""
    prev = words[j - 1][2] if j > 0 else ""
    if prev in ("not", "never") and j > 1:
        prev = words[j - 2][2]
    return prev in ("did", "didn't")


#: "told a news conference on Tuesday that": how far a report may stand before its time
_REPORT_REACH = 40
_THAT_AFTER = re.compile(r"\s+that\b")


_FOR_DAY = re.compile(r"(?:(?<![\w-])[a-z]+\s+for|\b(?:starting|beginning|effective)"
                      r"(?:\s+on)?)\s+$", re.IGNORECASE)
_DAY_OF = re.compile(r"\s+(?:as\s+)?an?\s+(?:national\s+|public\s+)?(?:day|holiday)\b")
_WEEKDAY_EXPR = re.compile(r"(?:this\s+(?:coming\s+)?)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


def tense_at(text: str, start: int, end: int, g: Grammar | None = None,
             cache: dict[tuple[int, int], list[_Cue]] | None = None) -> str | None:
    """'past', 'future' or None from the cue words nearest to the expression in its
    sentence (a cheap stand-in for a POS tagger's verb tense)."""
    g = g or grammar()
    if _WEEKDAY_EXPR.fullmatch(text, start, end) and (
            (_FOR_DAY.search(text, max(0, start - 12), start) and text[end : end + 1] not in "'’")
            or _DAY_OF.match(text, end)):
        # "called another mass march for this Sunday", "declared Friday a day of national
        # mourning", "three days of national mourning, starting on Wednesday": a schedule
        return "future!"
    span = _sentence(text, start, end)
    cues = cache.get(span) if cache is not None else None
    if cues is None:
        cues = _cues(text, span[0], span[1], g)
        if cache is not None:
            cache[span] = cues
    best: tuple[int, str] | None = None
    since = False
    # "told reporters on Tuesday that the ban might be lifted": what follows "that" is what
    # was told, and its tenses are not the expression's
    that_after = bool(_THAT_AFTER.match(text, end))
    for cs, ce, label in cues:
        if start <= cs < end or (that_after and cs >= end):
            continue
        dist = start - ce if ce <= start else cs - end
        if _QUOTE_RE.search(text, min(ce, end), max(cs, start)):
            # not across a quotation's edge: ("we are going to stay,'' he said on Friday":
            # the quote's future is not the saying's; "leave on Thursday,'' he said")
            continue
        if label == "report":
            # news reports everything with "said": only "said Friday" dates the saying, and
            # "told a news conference on Tuesday that ...", where what was told follows
            if dist > 12 and not (ce <= start and dist <= _REPORT_REACH and that_after):
                continue
            label = "past"
        if ce <= start and dist <= _CLOSE_CUE and text[cs:ce].lower() == "since":
            since = True
        if best is None or dist < best[0]:
            best = (dist, label)
    if since and (best is None or best[1] != "future"):
        return "past!"  # "since February", "since KKR bought RJR in February": before now
    if best is None:
        return None
    return best[1] + "!" if best[0] <= _CLOSE_CUE and best[1] == "future" else best[1]


def _fill(rule: Rule, m: re.Match[str], tables) -> str:
    value = rule.value
    for slot, group, norm, default in rule.slots:
        raw = m.group(group)
        if raw is None:
            rep = default if default is not None else ""
        else:
            rep = apply(norm, raw, tables)
        value = value.replace(slot, rep, 1)
    return value


def tag(text: str, dct: date | str | None = None, genre: str = "news") -> list[Timex]:
    """Find and resolve the time expressions in ``text``, sorted and non-overlapping.

    ``dct`` is the publication date (document creation time); without it relative
    expressions keep X's in their value and get no window (never today's date).
    ``genre="narrative"`` resolves against the last date mentioned instead of the DCT.

    >>> [t.value for t in tag("He arrived in December.", "2025-03-21")]
    ['2024-12']
    >>> [(t.value, t.window) for t in tag("He arrived in December.")]
    [('XXXX-12', None)]
    """
    if genre not in ("news", "narrative"):
        raise InputError(f"unknown genre {genre!r}: use 'news' or 'narrative'")
    g = grammar()
    dct_date = _as_date(dct)
    narrative = genre == "narrative"
    anchor: Anchor | None = None
    anchor_pos = -1
    period: Anchor | None = None  # the last quarter (or month) mentioned
    period_pos = -1
    out: list[Timex] = []
    same_day: set[int] = set()  # indexes in out of "at 6 a.m."-like times
    cue_cache: dict[tuple[int, int], list[_Cue]] = {}
    for s, e, rule, m in _candidates(text, g, genre):
        spec = _fill(rule, m, g.tables)
        if spec.startswith(("ANA(day,0,same)", "REF(day,0)T")):
            same_day.add(len(out))
        needs_tense = "WD(" in spec or spec.startswith("XXXX-")
        tense = tense_at(text, s, e, g, cue_cache) if needs_tense else None
        if narrative and anchor is not None:
            # a story told in the past moves forward: "In May", "on Friday" come after the
            # last date told (its tenses say nothing about that order)
            tense = "future"
        ana = anchor
        if "keep" in spec:
            # "a year earlier" compares with a period said just before: the last quarter or
            # month ("sales for the quarter ended Sept. 30 rose from a year earlier")
            ana = period if period is not None and s - period_pos <= 400 else None
        elif spec.startswith("ANA(day,0,same)") and s - anchor_pos > 400:
            ana = None  # "at 6 a.m.", "in the morning": the day just told of, else today
        elif spec.endswith(",quarter)") and (anchor is None or anchor.grain in _COARSE):
            # "the year-ago quarter" presupposes a quarter under discussion: the last one
            # named, even if a year ("the current year's figures") was named after it
            ana = period if period is not None and period.grain == "quarter" else anchor
        if rule.type == "SET" and spec.startswith("XXXX"):
            # "each July" recurs: a set keeps its X and is never resolved to one July
            out.append(Timex(s, e, text[s:e], "SET", spec, None, None, rule.mod, False,
                             rule.name))
            continue
        try:
            res = resolve(spec, typ=rule.type, mod=rule.mod, dct=dct_date, anchor=ana,
                          tense=tense, narrative=narrative)
        except (ValueError, OverflowError):
            res = _OFF_CALENDAR
        if not is_timex3_value(res.value):
            res = _OFF_CALENDAR
        typ = rule.type
        dated = typ in ("DATE", "TIME")
        out.append(Timex(s, e, text[s:e], typ, res.value, res.window if dated else None,
                         res.precision if dated else None, rule.mod, res.anchored, rule.name))
        if rule.anchor and res.window is not None and typ in ("DATE", "TIME") and res.grain:
            anchor = Anchor(res.window[0], res.grain, res.value)
            anchor_pos = e
            if res.grain in ("quarter", "month"):
                period, period_pos = anchor, e
    return _day_of_time(text, out, same_day)


#: what may stand between a time of day and the day that follows it: "at 4:17 a.m. (0117
#: GMT) on Monday", "at 3 p.m. local time on Friday", "midnight, Sunday"
_TIME_THEN_DAY = re.compile(r"(?:\s*\([^()]{1,20}\))?(?:\s+local\s+time)?\s*,?\s*(?:on\s+)?$",
                            re.IGNORECASE)


def _day_of_time(text: str, out: list[Timex], same_day: set[int]) -> list[Timex]:
    """ "at 3 p.m. on Friday": a time of day takes its day from the day named right after it,
    not from the day told before (or the publication date)."""
    for i in sorted(same_day):
        k = i + 1
        while k < len(out) and out[k].type == "TIME" and "(" in text[out[i].end : out[k].start] \
                and ")" in text[out[k].end : out[k].end + 2]:
            k += 1  # "at 4:17am (01:17 GMT) on Monday": the time in brackets is the same
        if k >= len(out):
            continue
        t, d = out[i], out[k]
        if t.window is None or d.window is None or d.type != "DATE" or d.precision != "day" \
                or not _TIME_THEN_DAY.match(text[t.end : d.start]) \
                or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.value) or "T" not in t.value:
            continue
        for j in range(i, k):
            t = out[j]
            if "T" in t.value:
                value = d.value + t.value[t.value.index("T") :]
                out[j] = Timex(t.start, t.end, t.text, t.type, value, d.window, t.precision,
                               t.mod, True, t.rule)
    return out
