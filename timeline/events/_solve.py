"""From mentions to events: merge mentions of one happening, then resolve windows.

Resolution is constraint intersection: each event's window is the intersection of what its
own time expressions say and what its ties to other events say ("two weeks after X" is X's
window shifted by 14 days). Windows only ever narrow; a contradiction drops the weaker
(inferred) constraint instead of inventing a date.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.events._mentions import Constraint, Mention, duration
from timeline.events._text import Sentence

__all__ = ["Event", "cluster", "solve", "inherit", "lead_news", "reports_of_the_day"]

#: confidence multipliers, one per inference step
STEP_ANCHOR = 0.8
STEP_INHERIT = 0.6
STEP_UNKNOWN_OFFSET = 0.9
#: how many earlier events of a class a new mention is compared with
RECENT_EVENTS = 30
#: a narrative time this close to publication is the news of the day, not background
RECENT_DAYS = 7
#: how many earlier sentences "meanwhile" / "since then" may look back for a dated event
NARRATIVE_LOOKBACK = 3
#: a narrative time wider than this (a year, a decade) is not passed on to the next sentence
MAX_INHERITED_DAYS = 31
#: an undated event told in the lead of a report is the day's news: dated to the report's
#: day (the dateline's date, else the publication date), with this confidence
LEAD_CONFIDENCE = 0.5
LEAD_RELATION = "lead of the report"
#: a text needs this many body sentences to be read as a report with a lead
LEAD_MIN_SENTENCES = 3
#: tenses a lead's event may be told in to count as the day's news ("clashed", "has signed",
#: "says"); a pluperfect or a future is background or outlook
LEAD_TENSES = ("past", "perfect", "present")
#: "hours / days / weeks / months / years after X": the shift in days, least and most
VAGUE_OFFSETS = {"H": (0, 2), "D": (1, 14), "W": (7, 62), "M": (28, 730), "Y": (365, 3653)}


@dataclass(slots=True)
class Event:
    mentions: list[Mention]
    lo: date | None = None
    hi: date | None = None
    confidence: float = 0.0
    timex: str | None = None
    precision: str | None = None
    anchor: Event | None = None
    relation: str | None = None
    #: constraints that came from relations, recomputed on each pass
    #: the narrative time this event continues (set by :func:`inherit`)
    inherited: tuple[Constraint, Event | None] | None = None
    #: the day's news: an undated event in the lead of the report (set by :func:`lead_news`)
    lead: Constraint | None = None

    @property
    def head(self) -> Mention:
        return self.mentions[0]

    @property
    def own(self) -> list[Constraint]:
        return [c for m in self.mentions for c in m.own]

    @property
    def dated(self) -> bool:
        return self.lo is not None and self.hi is not None

    @property
    def future(self) -> bool:
        return all(m.future for m in self.mentions)


def _intersect(cs: list[Constraint]) -> tuple[date | None, date | None]:
    lo: date | None = None
    hi: date | None = None
    for c in cs:
        if c.lo is not None and (lo is None or c.lo > lo):
            lo = c.lo
        if c.hi is not None and (hi is None or c.hi < hi):
            hi = c.hi
    return lo, hi


def _compatible(a: list[Constraint], b: list[Constraint]) -> bool:
    lo, hi = _intersect(a + b)
    return lo is None or hi is None or lo <= hi


_PAST = ("past", "perfect", "pluperfect")


def _same_side(window: list[Constraint], m: Mention, dct: date | None) -> bool:
    """A past-tense mention cannot be a later event, nor a future one an earlier event."""
    if dct is None or not window:
        return True
    lo, hi = _intersect(window)
    if m.tense in _PAST and lo is not None and lo > dct:
        return False
    return not (m.future and hi is not None and hi < dct)


def _as_one(cs: list[Constraint]) -> list[Constraint]:
    if len(cs) <= 1:
        return cs
    lo, hi = _intersect(cs)
    return [Constraint(lo, hi, 0.0, "", None, "merged")]


_NAME = re.compile(r"\b[A-Z][\w’'-]{2,}")


def _names(text: str, m: Mention) -> set[str]:
    words = {w for s, e in m.evidence for w in _NAME.findall(text[s:e])}
    words |= set(_NAME.findall(text[m.seg_start : m.seg_end]))
    return words


def _inner_names(text: str, m: Mention) -> set[str]:
    """Capitalised words of the mention's clause, not counting its first word (which is
    capitalised anyway at a sentence's start: "Weeks after rebels seized the town")."""
    seg = text[m.seg_start : m.seg_end]
    return {w.group(0) for w in _NAME.finditer(seg) if seg[: w.start()].strip()}


_CONTENT = re.compile(r"[A-Za-z][\w’'-]{3,}")
_STOPWORDS = {"that", "this", "these", "those", "with", "from", "have", "been", "were", "their",
              "they", "which", "when", "after", "before", "since", "about", "into", "over",
              "some", "most", "more", "said", "says", "also", "where", "while", "there"}


def _content(text: str, spans: list[tuple[int, int]]) -> set[str]:
    return {w.lower() for s, e in spans for w in _CONTENT.findall(text[s:e])
            if w.lower() not in _STOPWORDS}


def _kin(a: Mention, b: Mention) -> bool:
    """The same word, verb or noun: "shot" / "shooting", "bombed" / "the bombing"."""
    x, y = a.trigger.lemma.split()[0], b.trigger.lemma.split()[0]
    return x[:4] == y[:4]


def _counts(text: str, m: Mention) -> set[str]:
    """The numbers of a verb's subject ("At least 94 African migrants drowned"): who many."""
    if m.trigger.pos != "v":
        return set()
    return set(re.findall(r"\b\d[\d,]*\b", text[m.seg_start : m.start]))


#: "after similar attacks in October last year", "another bombing": not the one told before
_ANOTHER = re.compile(r"\b(?:similar|earlier|previous|prior|other|another|separate|past)\s+"
                      r"(?:[\w-]+\s+)?$", re.IGNORECASE)


def cluster(text: str, mentions: list[Mention], sentences: list[Sentence],
            stop_names: set[str], dct: date | None = None) -> list[Event]:
    """One event per happening: a later mention joins an earlier event of the same class when
    it is presented as known ("the recent attacks", "after the president was overthrown") or
    shares a name with it, and their dates do not contradict each other. Among several such
    events, the one whose words it shares most wins, then the most recently mentioned."""
    events: list[Event] = []
    by_cls: dict[str, dict[int, Event]] = {}  # insertion order: least recently mentioned first
    names_of: dict[int, set[str]] = {}  # per event (id), grown as mentions join
    segs_of: dict[int, set[tuple[int, int]]] = {}
    window_of: dict[int, list[Constraint]] = {}  # the event's own window, as one constraint
    words_of: dict[int, set[str]] = {}
    last_seen: dict[int, int] = {}
    for m in mentions:
        names = {n for n in _names(text, m) if n not in stop_names}
        sent = sentences[m.sentence]
        words = _content(text, [*m.evidence, (sent.start, sent.end)])
        target = None
        other = bool(_ANOTHER.search(text, max(sent.start, m.start - 25), m.start))
        mine = _counts(text, m)  # the numbers of its subject, to tell "13 drowned" from "94"
        if m.cls not in ("-", "~") and not m.quoted and not other:
            best: tuple[int, int, int] | None = None
            # only the most recent events of the class: keeps this linear in the article
            recent = by_cls.get(m.cls, {})
            for ev in itertools.islice(reversed(recent.values()), RECENT_EVENTS):
                if (m.sentence, m.seg_start) in segs_of[id(ev)]:
                    continue
                shared = names & names_of[id(ev)]
                if m.role == "anchor" and names_of[id(ev)] and not shared \
                        and _inner_names(text, m) - stop_names:
                    # "when Hamas gunmen attacked Israel" names other actors than "Israeli
                    # strikes killed 20": a happening of its own, not a reference back
                    continue
                theirs = _counts(text, ev.head) if mine else set()
                if m.own and mine and theirs and not mine & theirs:
                    continue  # "13 migrants drowned on Monday" is not "94 migrants drowned"
                given = m.definite or (m.role in ("anchor", "object") and m.trigger.pos == "v"
                                       and not m.indefinite)
                if (m.role in ("nominal", "anchor") or (
                        m.trigger.pos == "n" and all(c.kind == "explicit" for c in m.own))) \
                        and m.own and not shared \
                        and m.trigger.cls != "~" and not any(_kin(m, x) for x in ev.mentions):
                    # "the January 1998 bombing" has its own date: it is another happening
                    # than an earlier shooting unless a name or the word itself ties them
                    # (so has "the 7 July bombings in London in 2005" after "the attack")
                    continue
                if not ((given or shared) and _compatible(window_of[id(ev)], m.own)
                        and ev.head.category == m.category
                        and _same_side(window_of[id(ev)], m, dct)):
                    continue
                key = (len(shared), len(words & words_of[id(ev)]), last_seen[id(ev)])
                if best is None or key > best:
                    best, target = key, ev
        if target is not None:
            target.mentions.append(m)
            names_of[id(target)] |= names
            segs_of[id(target)].add((m.sentence, m.seg_start))
            window_of[id(target)] = _as_one(window_of[id(target)] + m.own)
            words_of[id(target)] |= _content(text, m.evidence)
            last_seen[id(target)] = m.index
            recent = by_cls[m.cls]
            recent[id(target)] = recent.pop(id(target))  # most recently mentioned last
        else:
            ev = Event([m])
            events.append(ev)
            names_of[id(ev)] = set(names)
            segs_of[id(ev)] = {(m.sentence, m.seg_start)}
            window_of[id(ev)] = _as_one(m.own)
            words_of[id(ev)] = _content(text, m.evidence)
            last_seen[id(ev)] = m.index
            if m.cls not in ("-", "~"):
                by_cls.setdefault(m.cls, {})[id(ev)] = ev
    return events


def _shifted(ev: Event, offset: str, sign: int) -> tuple[date | None, date | None, bool]:
    """``ev``'s window moved by ``offset``; the flag says the amount was known."""
    if ev.lo is None and ev.hi is None:
        return None, None, False
    if offset in ("", "?"):
        return ev.lo, ev.hi, offset == ""
    delta = duration(offset)
    if delta is None:
        return ev.lo, ev.hi, False
    lo = ev.lo + delta * sign if ev.lo is not None else None
    hi = ev.hi + delta * sign if ev.hi is not None else None
    return lo, hi, True


def _relation_constraint(rel: str, offset: str, anchor: Event) -> Constraint | None:
    if not anchor.dated:
        return None
    conf = anchor.confidence * STEP_ANCHOR
    if offset.startswith("~") and rel in ("after", "since", "before", "until"):
        # "days after X": more than a day, fewer than a round two weeks (and so on)
        least, most = VAGUE_OFFSETS[offset[1:]]
        assert anchor.lo is not None and anchor.hi is not None
        conf *= STEP_UNKNOWN_OFFSET
        if rel in ("after", "since"):
            return Constraint(anchor.lo + timedelta(days=least), anchor.hi + timedelta(days=most),
                              conf, "", None, "anchor")
        return Constraint(anchor.lo - timedelta(days=most), anchor.hi - timedelta(days=least),
                          conf, "", None, "anchor")
    if rel in ("after", "since"):
        lo, hi, known = _shifted(anchor, offset, +1)
        if offset and offset != "?" and known:
            # "two weeks after X": as precise as X, moved
            return Constraint(lo, hi, conf, "", None, "anchor")
        if offset == "?":
            conf *= STEP_UNKNOWN_OFFSET
        return Constraint(lo, None, conf, "", None, "anchor")
    if rel in ("before", "until"):
        lo, hi, known = _shifted(anchor, offset, -1)
        if offset and offset != "?" and known:
            return Constraint(lo, hi, conf, "", None, "anchor")
        return Constraint(None, hi, conf, "", None, "anchor")
    if rel in ("when", "during"):
        return Constraint(anchor.lo, anchor.hi, conf, "", None, "anchor")
    if rel == "within" and anchor.lo is not None and anchor.hi is not None:
        # "within a week of X": from X to a week after it
        if offset.startswith("~"):
            reach = timedelta(days=VAGUE_OFFSETS[offset[1:]][1])
            return Constraint(anchor.lo, anchor.hi + reach, conf * STEP_UNKNOWN_OFFSET, "", None,
                              "anchor")
        delta = duration(offset)
        if delta is None:
            return None
        return Constraint(anchor.lo, anchor.hi + delta, conf, "", None, "anchor")
    return None


#: a round amount read backwards ("nearly two months after his team was blocked"): the
#: other event is that far back give or take this many days
ROUND_TOLERANCE = {"D": 0, "W": 3, "M": 15, "Y": 182}


def _loosen(c: Constraint, offset: str) -> Constraint:
    slack = timedelta(days=ROUND_TOLERANCE.get(offset[-1:], 0))
    if not slack:
        return c
    lo = c.lo - slack if c.lo is not None else None
    hi = c.hi + slack if c.hi is not None else None
    return Constraint(lo, hi, c.confidence * STEP_UNKNOWN_OFFSET, c.text, None, c.kind, c.at)


def _rel_text(rel: str, offset: str) -> str:
    name = {"since": "after", "until": "before", "during": "during", "when": "when"}.get(rel, rel)
    if rel == "within":
        amount = {"H": "hours", "D": "days", "W": "weeks", "M": "months", "Y": "years"}
        return f"within {offset}" if not offset.startswith("~") else \
            f"within (some {amount[offset[1]]})"
    if offset.startswith("~"):
        unit = {"H": "hours", "D": "days", "W": "weeks", "M": "months", "Y": "years"}[offset[1]]
        return f"{name} (some {unit})"
    if offset and offset != "?":
        sign = "+" if rel in ("after", "since") else "-"
        return f"{name} {sign}{offset}"
    return name


def solve(events: list[Event], by_mention: dict[int, Event], dct: date | None,
          previous: dict[int, list[Event]]) -> None:
    """Give every event the tightest window its constraints allow (in place)."""
    for _ in range(4):
        changed = False
        for ev in events:
            before = (ev.lo, ev.hi, ev.confidence)
            _solve_one(ev, by_mention, dct, previous)
            changed |= before != (ev.lo, ev.hi, ev.confidence)
        if not changed:
            break


def _solve_one(ev: Event, by_mention: dict[int, Event], dct: date | None,
               previous: dict[int, list[Event]]) -> None:
    own = [c for c in ev.own if ev.future or not c.future_only]
    derived: list[tuple[Constraint, Event | None, str]] = []
    for m in ev.mentions:
        for r in m.rels:
            if r.inverse and own:
                continue  # a backward reading only for an event the text does not date
            if r.target is not None:
                anchor = by_mention.get(r.target.index)
            else:  # the narrative's previous event: the first of the sentence before with a date
                cands = [e for e in previous.get(m.index, []) if e is not ev]
                anchor = next((e for e in cands if e.dated), cands[0] if cands else None)
            if anchor is None or anchor is ev or anchor.anchor is ev:
                continue  # (an event dated from this one tells nothing new of it)
            c = _relation_constraint(r.relation, r.offset, anchor)
            if c is not None and r.inverse:
                c = _loosen(c, r.offset)
            if c is not None:
                derived.append((c, anchor, _rel_text(r.relation, r.offset)))
    if not own and not derived and ev.inherited is not None:
        derived.append((ev.inherited[0], ev.inherited[1],
                        HEADING_RELATION if ev.inherited[0].kind == "heading"
                        else "inherited from narrative"))
    lead = False
    if not own and ev.lead is not None:
        # the lead's day, unless the ties to other events already bound it on both sides or
        # contradict it ("says gaps remain before next week's talks": before, and that day)
        lo_d, hi_d = _intersect([c for c, _a, _r in derived])
        first, last = ev.lead.lo, ev.lead.hi
        assert first is not None and last is not None
        if (lo_d is None or hi_d is None) and (lo_d is None or lo_d <= last) \
                and (hi_d is None or hi_d >= first):
            own, lead = [ev.lead], True
    future = ev.future or any(c.lo is not None and dct is not None and c.lo > dct for c in own)
    cs = own + [c for c, _a, _r in derived]
    lo, hi = _intersect(cs)
    if lo is not None and hi is not None and lo > hi:
        # the text contradicts itself (or we misread a cue): trust what it says outright
        cs = own
        derived = []
        lo, hi = _intersect(cs)
        if lo is not None and hi is not None and lo > hi:
            # two dates for one clause: keep the expression nearest to the event's words
            head = ev.head.start
            near = min(own, key=lambda c: abs(c.at - head) if c.at >= 0 else 1 << 30)
            cs = [c for c in own if c.at == near.at]
            lo, hi = _intersect(cs)
    if lo is None and hi is not None and dct is not None and hi >= dct and \
            any(c.deadline for c in cs) and not all(m.tense == "pluperfect" for m in ev.mentions):
        # "to be completed by Nov. 1": between publication and the deadline; "by Monday,
        # officials hardened their stance": then (but "flights had landed by Wednesday" tells
        # of some time before it)
        lo = dct
        future = True
    if hi is None and lo is not None and dct is not None and not future and lo <= dct:
        hi = dct  # a past event happened by the publication date at the latest
    if hi is not None and dct is not None and not future and hi > dct:
        hi = dct
    if lo is not None and hi is not None and dct is not None and future and lo < dct <= hi \
            and all(m.future for m in ev.mentions):
        lo = dct  # "is scheduled to expire at the end of the month": not before publication
    if lo is None or hi is None or lo > hi:
        ev.lo = ev.hi = None
        ev.confidence = 0.0
        return
    ev.lo, ev.hi = lo, hi
    # each bound is as sure as the surest constraint that sets it; the window as its weaker bound
    conf_lo = max((c.confidence for c in cs if c.lo == lo), default=None)
    conf_hi = max((c.confidence for c in cs if c.hi == hi), default=None)
    sure = [c for c in (conf_lo, conf_hi) if c is not None]
    binding = [c for c in cs if c.lo == lo or c.hi == hi] or cs
    ev.confidence = round(min(sure) if sure else min(c.confidence for c in binding), 3)
    ev.timex = _timex_text(own, lo, hi)
    exact = [c for c in own if c.lo == lo and c.hi == hi and c.precision]
    filled = not any(c.hi == hi for c in cs)  # the end is the publication date, not the text
    if exact:
        ev.precision = exact[0].precision
    elif filled or any(c.kind == "vague" for c in binding):
        ev.precision = "vague"
    else:
        ev.precision = _precision(lo, hi)
    own_lo = any(c.lo == lo for c in own)
    own_hi = any(c.hi == hi for c in own)
    # a tie to another event is reported when it sets a bound the text's own words do not
    useful = [(c, a, r) for c, a, r in derived
              if (c.lo == lo and not own_lo) or (c.hi == hi and not own_hi)]
    if useful:
        ev.anchor, ev.relation = useful[0][1], useful[0][2]
    elif lead:
        assert ev.lead is not None
        ev.anchor = None
        ev.relation = {"told": TOLD_RELATION, "recent": RECENT_RELATION,
                       "action": ACTION_RELATION}.get(ev.lead.kind, LEAD_RELATION)
    else:
        ev.anchor, ev.relation = None, None


def _width(c: Constraint) -> int:
    return (c.hi - c.lo).days if c.lo is not None and c.hi is not None else 1 << 30


def _timex_text(own: list[Constraint], lo: date, hi: date) -> str | None:
    """The expressions that set the window's bounds (the narrowest one for each bound)."""
    named = [c for c in own if c.text]
    texts = []
    for side in ("lo", "hi"):
        hits = sorted((c for c in named if getattr(c, side) == (lo if side == "lo" else hi)),
                      key=_width)
        if hits and hits[0].text not in texts:
            texts.append(hits[0].text)
    if not texts and named:
        texts = [min(named, key=_width).text]
    return "; ".join(texts) or None


def _precision(lo: date, hi: date) -> str:
    days = (hi - lo).days + 1
    for limit, name in ((1, "day"), (7, "week"), (31, "month"), (92, "season"), (366, "year")):
        if days <= limit:
            return name
    return "decade" if days <= 3653 else "vague"


#: wire copy gives most sentences a paragraph of their own: a paragraph this short does not
#: end the narrative's moment
SHORT_PARAGRAPH = 1


def _continues(sentences: list[Sentence], sizes: Counter[int], i: int) -> bool:
    """Sentence ``i`` continues sentence ``i - 1``: the same paragraph, or the next one after
    a one-sentence paragraph (wire style). ``sizes``: body sentences per paragraph."""
    a, b = sentences[i - 1], sentences[i]
    if a.para == b.para:
        return True
    # the opening sentence of a paragraph that follows a one-sentence paragraph
    return b.para == a.para + 1 and sizes[a.para] <= SHORT_PARAGRAPH


#: a time expression naming a reporting period ("the third quarter", "fiscal 1989", "the
#: first half"): the figures told after it are the period's
_PERIOD = re.compile(r"\b(?:quarter|half|fiscal|period|nine\s+months|six\s+months)\b|"
                     r"-(?:quarter|half)\b", re.IGNORECASE)


HEADING_RELATION = "dated by its heading"


_TO_COME = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:expected\s+)?to)\s+(?:\w+ly\s+)?"
                      r"(?:be\s+)?\w+", re.IGNORECASE)


def inherit(events: list[Event], sentences: list[Sentence], dct: date | None = None,
            course: frozenset[str] = frozenset(),
            headings: dict[int, Constraint] | None = None, text: str | None = None) -> bool:
    """A past-tense clause with no time of its own continues the narrative of the sentence
    just before it, when that sentence was dated by its own time expression (one step only).
    Background (a time more than :data:`RECENT_DAYS` before publication) is continued only
    within its paragraph and not by a report ("..., Castro said" tells of now, not of 1998).
    A period's results ("reported lower third-quarter earnings. Net fell 16% ... Sales rose
    3%") are continued, however long the period, by verbs of a quantity's course (``course``).
    A sentence that is only a time ("January nineteen ninety-seven.", ``headings``) dates what
    the rest of its paragraph tells ("This time a bomb at an abortion clinic.").
    Returns whether anything was inherited."""
    dated_by_sentence: dict[int, Event] = {}
    for ev in events:
        lead = ev.relation == LEAD_RELATION
        if ev.dated and (ev.timex or lead) and ev.anchor is None and not ev.head.quoted:
            for m in ev.mentions:
                if m.role == "main" and (m.own or lead) and m.sentence not in dated_by_sentence:
                    dated_by_sentence[m.sentence] = ev
    # clauses dated by a time of their own, by sentence, in text order (not a statement: "X
    # said on Monday, ... a jet crashed" tells nothing of when the jet crashed)
    dated_clauses: dict[int, list[tuple[int, Event]]] = {}
    for ev in events:
        if ev.dated and ev.timex and ev.anchor is None and ev.head.category != "reporting":
            for m in ev.mentions:
                if m.role == "main" and m.own and not m.quoted and m.tense == "past" \
                        and not (text is None or _RELATIVE_LEAD.match(text, m.seg_start)):
                    # not "Choi, who took over on Friday, ordered ...": a relative clause
                    dated_clauses.setdefault(m.sentence, []).append((m.start, ev))
    for clauses in dated_clauses.values():
        clauses.sort(key=lambda c: c[0])
    timed: dict[int, list[int]] = {}  # where mentions with a time of their own are
    for ev in events:
        for m in ev.mentions:
            if m.own:
                timed.setdefault(m.sentence, []).append(m.start)
    # a sentence with a time expression of its own (one we could not place) is no
    # continuation of the narrative's moment
    opaque = {m.sentence for ev in events for m in ev.mentions if m.opaque_time}
    sizes = Counter(s.para for s in sentences if s.kind == "body")
    changed = False
    headings = headings or {}
    heading_of: dict[int, Constraint] = {}
    for i in sorted(headings):
        for j in range(i + 1, len(sentences)):
            if sentences[j].para != sentences[i].para or j in headings:
                break
            heading_of[j] = headings[i]
    for ev in events:
        if ev.dated or len(ev.mentions) > 1:
            continue
        m = ev.head
        scene = heading_of.get(m.sentence)
        if scene is not None and m.role == "main" and not m.own and not m.rels \
                and not (m.quoted or m.negated or m.hypothetical or m.future) \
                and m.sentence not in opaque and ev.inherited is None:
            # "Atlanta nineteen ninety-six. A bomb blast shocks the Olympic games."
            ev.inherited = (Constraint(scene.lo, scene.hi, scene.confidence * STEP_INHERIT, "",
                                       scene.precision, "heading"), None)
            changed = True
            continue
        # "They were talking when the bomb went off": a moment shared within the sentence
        # continues the narrative as one
        same_moment = bool(m.rels) and all(
            r.relation == "when" and not r.offset and r.target is not None
            and r.target.sentence == m.sentence and not r.target.own
            and r.target.tense in ("past", "noun") and not r.target.quoted for r in m.rels)
        if m.role not in ("main", "anchor") or (m.role == "anchor" and not same_moment) \
                or m.quoted or m.negated or m.tense != "past" or (m.rels and not same_moment) \
                or m.sentence in opaque:
            continue
        within = _continued_in_sentence(m, dated_clauses, timed, text)
        if within is not None:
            c = Constraint(within.lo, within.hi, within.confidence * STEP_INHERIT, "",
                           within.precision, "inherited")
            ev.inherited = (c, within)
            changed = True
            continue
        prev_ev = dated_by_sentence.get(m.sentence - 1)
        if prev_ev is None or not _continues(sentences, sizes, m.sentence):
            continue
        if prev_ev.future or (text is not None and prev_ev.head.trigger.pos == "n"
                              and _TO_COME.search(text, prev_ev.head.start,
                                                  sentences[prev_ev.head.sentence].end)):
            continue  # "Earnings will be disclosed this morning. Class H closed at $29": what
            # is to come is no narrative a past clause continues
        assert prev_ev.lo is not None and prev_ev.hi is not None
        figures = m.trigger.lemma.split()[0] in course and bool(
            prev_ev.timex and _PERIOD.search(prev_ev.timex))
        if (prev_ev.hi - prev_ev.lo).days > MAX_INHERITED_DAYS and not figures:
            continue  # "in 1989" is background, not the narrative's moment
        background = dct is not None and (dct - prev_ev.hi).days > RECENT_DAYS
        if background and (m.category == "reporting" or
                           sentences[m.sentence].para != sentences[m.sentence - 1].para):
            continue
        c = Constraint(prev_ev.lo, prev_ev.hi, prev_ev.confidence * STEP_INHERIT, "",
                       prev_ev.precision, "inherited")
        ev.inherited = (c, prev_ev)
        if figures:
            # "Net fell 16% ... Sales rose 3%": the next figures continue the same period
            dated_by_sentence.setdefault(m.sentence, prev_ev)
        changed = True
    return changed


#: "was quoted Friday as saying that an Egyptian planned the attacks": what is told
_TOLD_BETWEEN = re.compile(r"\b(?:that|said|says|saying|told|quoted|added|announced|reported|"
                           r"stated|claimed|warned|insisted|according)\b", re.IGNORECASE)


def _continued_in_sentence(m: Mention, dated_clauses: dict[int, list[tuple[int, Event]]],
                           timed: dict[int, list[int]], text: str | None) -> Event | None:
    """ "The jet skidded down the runway on Sunday, slammed into a wall and exploded": the
    dated clause before ``m`` in its sentence that ``m`` continues, or None. Not a relative
    clause's time, nor across another time or a statement ("was quoted Friday as saying that
    an Egyptian planned the attacks")."""
    earlier = [(at, e) for at, e in dated_clauses.get(m.sentence, ()) if at < m.start]
    if not earlier or text is None or m.future or m.hypothetical:
        return None
    at, ev = earlier[-1]
    if any(at < t < m.start for t in timed.get(m.sentence, ())) \
            or _RELATIVE_LEAD.match(text, m.seg_start) or _TOLD_BETWEEN.search(text, at, m.start):
        return None
    assert ev.lo is not None and ev.hi is not None
    # a coordinated clause continues a day's or a week's narrative, not a month's ("issued
    # shares in July, and repurchased others"); a main clause continues the clause fronted
    # before it ("Cited by police in December, he was ordered home")
    limit = 7 if _COORDINATED.match(text, m.seg_start) else MAX_INHERITED_DAYS
    return ev if (ev.hi - ev.lo).days < limit else None


_COORDINATED = re.compile(r"(?:and|but|or|then)\b", re.IGNORECASE)
_RELATIVE_LEAD = re.compile(r"(?:who|whom|whose|which|that|where)\b", re.IGNORECASE)
_RELATIVE_OPENERS = {"who", "which", "whom", "whose", "where", "that", "including", "such"}
_ATTRIBUTIVE_BEFORE = {"a", "an", "the", "its", "their", "his", "her", "this", "these", "being",
                       "having", "of"}
_FUNCTION_WORDS = {"by", "to", "in", "on", "at", "for", "from", "with", "the", "a", "an", "that",
                   "and", "or", "but", "as", "its", "their", "his", "her", "into", "over", "up",
                   "out", "off", "down", "about", "after", "before", "since", "until", "this"}
_RELATIVE_SUBJECT = re.compile(r"\b(?:that|which|who)\s+(?:(?:has|have|had|is|are|was|were|"
                               r"been|also|already)\s+)*$", re.IGNORECASE)
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "officials", "police"}
_PROGRESSIVE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


#: words, not the letters of an abbreviation ("S.p.A. definitively agreed": no article "a")
_WORD_BEFORE = re.compile(r"(?<![.\w’'-])[\w’'-]+(?!\.\w)")


def _attributive(text: str, m: Mention) -> bool:
    """A participle before its noun or after "of" ("a previously announced program", "of
    being sidelined") or a relative clause's verb ("which reported ..."): no clause of its
    own."""
    opener = re.match(r"\W*([\w’'-]+)", text[m.seg_start : m.end])
    if opener is not None and opener.group(1).lower() in _RELATIVE_OPENERS:
        return True
    prev = _WORD_BEFORE.findall(text[max(m.seg_start, m.start - 40) : m.start].lower())[-2:]
    return bool(prev) and (prev[-1] in _ATTRIBUTIVE_BEFORE or (
        prev[-1].endswith("ly") and len(prev) > 1 and prev[-2] in _ATTRIBUTIVE_BEFORE))


def _lead_clause(text: str, m: Mention, sentence_start: int) -> bool:
    """A clause that tells the news: a finite verb with a subject of its own, not a relative
    clause ("who are owed $430 million"), nor a fronted participle ("Tired of being sidelined,
    ..."), nor a present-tense state ("holds a stake"; "is leaving" and "says" are news)."""
    if m.trigger.pos != "v":
        return False
    opener = re.match(r"\W*([\w’'-]+)", text[m.seg_start : m.end])
    if opener is None or _attributive(text, m):
        # a relative clause, "of being sidelined", "a previously announced program": no clause
        return False
    if _RELATIVE_SUBJECT.search(text, max(m.seg_start, m.start - 30), m.start):
        return False  # "in a case that has gripped the country": a relative clause inside
    if opener.start(1) + m.seg_start == m.start and m.seg_start == sentence_start:
        return False  # "Tired of being sidelined, ...": a fronted participle
    if opener.group(1) in ("a", "an") and text[max(0, m.seg_start - 2) : m.seg_start].strip() \
            in (",", "--"):
        return False  # "Erbamont N.V., a maker of drugs incorporated in the Netherlands"
    prev = _WORD_BEFORE.findall(text[max(m.seg_start, m.start - 40) : m.start].lower())[-2:]
    nxt = re.match(r"\s+([a-z][\w-]*)", text[m.end : m.end + 30])
    if prev and prev[-1].endswith("ly") and nxt and nxt.group(1) not in _FUNCTION_WORDS:
        return False  # "closely held companies": a participle before its noun
    subject = re.findall(r"[\w’'-]+", text[m.seg_start : m.start].lower())
    if not subject and m.seg_start > sentence_start \
            and text[sentence_start : m.seg_start][:1].isupper():
        # "A group led by X and its chairman, Burt Sugarman, said ...": the subject is the
        # segments before the verb's
        subject = re.findall(r"[\w’'-]+", text[sentence_start : m.seg_start].lower())[-3:]
    if m.category == "reporting" and all(w in _PRONOUNS for w in subject):
        return False  # "..., it said": the report of what the sentence tells, not news of its own
    progressive = bool(_PROGRESSIVE.search(text, max(0, m.start - 20), m.start))
    if text[m.start : m.end].lower().endswith("ing") and not progressive:
        return False  # "..., reeling from losses, ...": a participle
    if m.tense == "present":
        return m.category == "reporting" or progressive
    return True


#: "Terms call for ...", "The plan says ...": a document's content, no statement of the day
_DOCUMENT_SUBJECT = re.compile(r"\b(?:terms|plan|plans|agreement|proposal|pact|accord|bill|law|"
                               r"contract|deal|rules?|guidelines)\s*$", re.IGNORECASE)


def lead_news(text: str, events: list[Event], sentences: list[Sentence],
              newsday: date | None, told: date | None = None) -> bool:
    """News convention: the lead (the first body sentence, and what the second one tells in
    the present perfect) reports the day's news, and so does a present-tense report with a
    complement in the first three ("A UN spokesman says Annan is close to a deal"). Its main
    events that the text dates in no other way ("Security forces clashed with demonstrators
    in Lagos", "The presidents have signed the accession papers", "Officials are warning
    residents") happened on ``newsday``, or between ``told`` (an earlier day the opening
    names: "yesterday") and it. Returns whether anything was dated so."""
    if newsday is None:
        return False
    body = [i for i, s in enumerate(sentences) if s.kind == "body"][:LEAD_MIN_SENTENCES]
    if len(body) < LEAD_MIN_SENTENCES:
        return False  # a lone sentence is no report with a lead: nothing says it is news
    opening = set(body)  # the first sentences: where a transcript states its news
    body = body[:2]
    changed = False
    for ev in events:
        if ev.dated or ev.lead is not None:
            continue
        m = ev.head
        # beyond the lead, only a present-tense report ("A UN spokesman says ...") is of the day
        says = m.tense == "present" and m.category == "reporting" and m.sentence > body[0] \
            and m.sentence in opening and len(text[m.end : sentences[m.sentence].end].split()) > 3 \
            and not _DOCUMENT_SUBJECT.search(text, m.seg_start, m.start)
        if (m.sentence not in body and not says) or m.role != "main" or m.quoted \
                or m.negated or m.hypothetical or m.own or m.opaque_time \
                or any(x.quoted or x.negated or x.hypothetical for x in ev.mentions):
            continue
        first = m.sentence == body[0]
        if not _lead_clause(text, m, sentences[m.sentence].start):
            continue
        if not says and m.tense not in (LEAD_TENSES if first else ("perfect",)):
            continue
        said = next((x for x in events if x is not ev and x.dated and x.own
                     and x.head.sentence == m.sentence and x.head.category == "reporting"
                     and x.lo is not None and x.hi is not None and x.hi <= newsday
                     and (newsday - x.lo).days <= RECENT_DAYS), None)
        if said is not None and m.start < said.head.start:
            # "Nine people have died in the Camp Fire, the sheriff said Friday evening": the
            # news as of the day it was told
            ev.lead = Constraint(said.lo, said.hi, LEAD_CONFIDENCE, "", said.precision, "lead")
            changed = True
            continue
        # when the opening names an earlier recent day, the news may be of that day
        ev.lead = Constraint(told or newsday, newsday, LEAD_CONFIDENCE, "",
                             "day" if told is None else None, "lead")
        changed = True
    return changed


#: what was told, right after the verb of telling: "said he now believed ...", "said that"
_COMPLEMENT_NEXT = re.compile(r"\s+(?:that|he|she|it|they|we|i|the|a|an|there|his|her|its|"
                              r"their|[A-Z][\w’'-]+\s+(?:was|were|had|has|is|are|would|will))\b")
#: verbs that only attribute what the story tells ("said", "added"): a row each would bury
#: the news under its sources
_PLAIN_TELLING = {"say", "tell", "add", "state", "describe", "estimate", "insist"}
#: statements in other lanes ("condemned the attack", "vowed to rebuild")
_STATEMENTS = {"condemn", "deplore", "promise", "pledge", "threaten", "vow", "demand"}
#: "The government has declared seven days of national mourning", told after the lead of a
#: report of breaking news: since the lead's news, by the report's day
RECENT_RELATION = "since the news of the report"
RECENT_CONFIDENCE = 0.4
#: how recent a lead's news must be for a report to be one of breaking news (days)
BREAKING_DAYS = 3


#: a course, not one happening: "for weeks", "over the past 20 years", "more than a dozen
#: times", "almost daily", "so far", "in recent months", "since Iraq's invasion"
_COURSE = re.compile(r"\b(?:for\s+(?:\w+\s+){0,2}(?:days|weeks|months|years|decades)|over\s+the\s+"
                     r"(?:past|last)|in\s+(?:the\s+)?(?:recent|last|past)|times|daily|weekly|"
                     r"so\s+far|thus\s+far|(?<!first\s)(?<!est\s)since|previously|repeatedly|long|always|"
                     r"never|ever|"
                     r"from\s+the\s+start|still)\b", re.IGNORECASE)


_LONG_RUNNING = re.compile(r"\b(?:conflict|war|fighting|insurgency|outbreak|epidemic|pandemic|"
                           r"offensive|bombardment|campaign|crisis|disease|virus)\b",
                           re.IGNORECASE)
_SEEMS = re.compile(r"\b(?:appears?|appeared|seems?|seemed)\s+to\s+have\s+(?:been\s+)?$",
                    re.IGNORECASE)


def recent_perfects(text: str, events: list[Event], sentences: list[Sentence],
                    newsday: date | None, states: frozenset[str] = frozenset()) -> bool:
    """News convention: in a report of breaking news (its lead dated within
    :data:`BREAKING_DAYS` of the report's day), a main clause in the present perfect that the
    text dates in no other way ("The government has declared seven days of national mourning",
    "The cockpit voice recorder has been recovered") happened between the lead's news and the
    report's day. Returns whether anything was dated so."""
    if newsday is None:
        return False
    body = [i for i, s in enumerate(sentences) if s.kind == "body"]
    if len(body) < LEAD_MIN_SENTENCES:
        return False
    lead = set(body[:2])
    # the lead's news as the text dates it (by a time, or by a tie to a dated event; not by
    # a news convention)
    starts = [ev.lo for ev in events if ev.dated and ev.head.sentence in lead
              and ev.lead is None and ev.inherited is None
              and ev.lo is not None and ev.hi is not None and ev.hi <= newsday
              and (newsday - ev.lo).days <= BREAKING_DAYS and not ev.head.quoted]
    if not starts:
        return False
    start = min(starts)
    changed = False
    for ev in events:
        m = ev.head
        if ev.dated or ev.lead is not None or m.tense != "perfect" or m.role != "main" \
                or m.sentence not in body or m.own or m.opaque_time or m.category == "reporting" \
                or any(x.quoted or x.negated or x.hypothetical for x in ev.mentions) \
                or not _lead_clause(text, m, sentences[m.sentence].start):
            continue
        sent = sentences[m.sentence]
        verb = text[m.start : m.end].lower().split()[0]
        if _LONG_RUNNING.search(text, sent.start, m.start):
            continue  # "The conflict has killed an estimated 220,000 people": a running toll
        if verb in states or m.trigger.lemma.lower() in states \
                or _COURSE.search(text, sent.start, sent.end) \
                or _SEEMS.search(text, max(sent.start, m.start - 30), m.start):
            continue  # "have fought to keep the boy", "has held such rallies for weeks"
        ev.lead = Constraint(start, newsday, RECENT_CONFIDENCE, "", None, "recent")
        changed = True
    return changed


#: how sure a report's day is when the report itself names none ("..., Albright told envoys")
TOLD_CONFIDENCE = 0.4
TOLD_RELATION = "told on the report's day"
#: the response a report of the day's news tells in the past tense with no time of its own
#: ("Interior Minister Angelino Alfano flew to the island", "Cahill revoked his bail"): done
#: on the report's day (or since the earlier day its opening names)
ACTION_RELATION = "done on the report's day"
_BECAUSE = re.compile(r"\b(?:because|since|if|unless|although)\b", re.IGNORECASE)


def reports_of_the_day(text: str, events: list[Event], sentences: list[Sentence],
                       newsday: date | None, told: date | None = None,
                       dct: date | None = None, responses: frozenset[str] = frozenset()) -> bool:
    """News convention: in a report of the day's news, a statement in the past tense that no
    time expression dates ("Egypt's ambassador condemned the bombings", "Turkey urged all
    Balkan states to ..."; not a plain "said", which only attributes) was made on the report's
    day (or since the earlier day its opening names). Only in a report whose lead is the day's
    news, and not where the paragraph tells of the past (from its first sentence with a dated
    event more than :data:`RECENT_DAYS` before the report's day). Returns whether anything was
    dated so."""
    if newsday is None:
        return False
    body = [i for i, s in enumerate(sentences) if s.kind == "body"]
    if len(body) < LEAD_MIN_SENTENCES:
        return False
    if not any(ev.dated and ev.relation == LEAD_RELATION or (
            ev.dated and ev.timex and ev.head.sentence in body[:2] and ev.hi is not None
            and 0 <= (newsday - ev.hi).days <= RECENT_DAYS) for ev in events):
        return False  # no lead of the day: a feature, a transcript, an editorial
    # paragraphs that tell of the past, from the first sentence that does
    past_from: dict[int, int] = {}
    for ev in events:
        if ev.dated and ev.hi is not None and (newsday - ev.hi).days > RECENT_DAYS:
            for x in ev.mentions:
                para = sentences[x.sentence].para
                past_from[para] = min(past_from.get(para, x.sentence), x.sentence)
    changed = False
    for ev in events:
        if ev.dated or ev.lead is not None or ev.inherited is not None or len(ev.mentions) > 1:
            continue
        m = ev.head
        action = m.trigger.lemma.lower() in responses
        if (m.category != "reporting" and m.trigger.lemma not in _STATEMENTS and not action) \
                or m.trigger.lemma in _PLAIN_TELLING \
                or m.trigger.pos != "v" or m.tense != "past" \
                or m.role != "main" or m.quoted or m.negated or m.hypothetical or m.own \
                or m.opaque_time or m.rels:
            continue
        if past_from.get(sentences[m.sentence].para, 1 << 30) <= m.sentence:
            continue  # "In March, the company received an offer. ... A group urged ..."
        if text[m.start].isupper() or _attributive(text, m):
            continue  # "Asked to comment, ...", "a previously announced program"
        if action and (re.match(r"\s*[.,;:!?\"'”’]", text[m.end : m.end + 3])
                       or _BECAUSE.search(text, m.seg_start, m.start)):
            continue  # '"... retreat," she declared.': a telling; "because Kopp has been ..."
        ev.lead = Constraint(told or newsday, newsday, TOLD_CONFIDENCE, "",
                             "day" if told is None else None, "action" if action else "told")
        s0, e0 = m.evidence[0]
        if e0 > m.end and _COMPLEMENT_NEXT.match(text, m.end):
            # the telling's evidence stops where what was told begins (that has its own row)
            m.evidence[0] = (s0, m.end)
        changed = True
    return changed


def previous_events(mentions: list[Mention],
                    by_mention: dict[int, Event]) -> dict[int, list[Event]]:
    """For "since then" / "the next day" / "meanwhile": the main events of the last earlier
    sentence that has any (not quoted, not reported speech), first clause first, then those
    of the sentences before it (up to :data:`NARRATIVE_LOOKBACK` sentences with events), for
    when the nearest ones have no date."""
    out: dict[int, list[Event]] = {}
    recent: list[list[Event]] = []  # the last sentences' main events, most recent first
    last: list[Event] = []
    told: list[Event] = []  # the last report ("Provigo said it will sell ..."), a last resort
    current_sentence = -1
    pending: list[Event] = []
    pending_told: list[Event] = []
    for m in mentions:
        if m.sentence != current_sentence:
            if pending:
                recent = [pending, *recent][:NARRATIVE_LOOKBACK]
                last = [ev for group in recent for ev in group]
            if pending_told:
                told = pending_told
            pending, pending_told = [], []
            current_sentence = m.sentence
        # "In a related move, X resigned" after "Provigo said it will sell ...": when no
        # happening is told before, the report itself is what the clause hangs on
        out[m.index] = last + [ev for ev in told if ev not in last]
        if m.role == "main" and not m.quoted:
            ev = by_mention[m.index]
            group = pending if m.category != "reporting" else pending_told
            if ev not in group:
                group.append(ev)
    return out
