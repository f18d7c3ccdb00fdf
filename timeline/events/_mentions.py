"""Event mentions: which words of a clause name a happening, and what the clause says of its time.

A *mention* is one trigger ("killed", "the fall of", "an ambush") in one clause segment, with
the time constraints the text puts on it: its own time expressions (``own``) and its ties to
other mentions through cues (``rels``: "two weeks after the former president was overthrown").
Nothing is resolved here; :mod:`timeline.events._solve` turns constraints into windows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from timeline.events._lexicon import Lexicon, Trigger
from timeline.events._text import Quotes, Segment, Sentence, segments
from timeline.temporal.types import Timex

__all__ = ["Constraint", "Mention", "Relation", "mentions_of"]


@dataclass(frozen=True, slots=True)
class Constraint:
    """The event happened inside ``lo..hi`` (``None``: unbounded on that side)."""

    lo: date | None
    hi: date | None
    confidence: float
    #: the time expression, for the ``timex`` column
    text: str
    precision: str | None
    #: "explicit", "dct" (relative to the publication date), "vague"
    kind: str
    #: where the time expression starts in the text (-1: not from an expression)
    at: int = -1
    #: "by February": the event happens on or before the time, not in it
    deadline: bool = False
    #: "will finish within a year": a span from publication that only a future event takes
    future_only: bool = False


@dataclass(slots=True)
class Relation:
    relation: str  # after, before, when, since, until, during
    offset: str  # "", "P2W", "?"
    target: Mention | None  # None: the previous event in the narrative, found later
    cue: str
    #: read backwards from the clause that named this event ("seen on Nov. 3, the day before
    #: a warrant was issued": the warrant is a day after); used only by an event that has no
    #: time of its own
    inverse: bool = False


@dataclass(slots=True)
class Mention:
    index: int
    sentence: int
    seg_start: int
    seg_end: int
    start: int  # trigger span
    end: int
    trigger: Trigger
    category: str
    cls: str
    tense: str  # past, perfect, pluperfect, present, future, irrealis, nonfinite, noun
    quoted: bool
    negated: bool
    #: told as a possibility, not a fact ("could attack", "may have fled", "if they win"):
    #: such an event is not put on the timeline (see :func:`_hypothetical`)
    hypothetical: bool
    role: str  # main (a clause's event), anchor (named by a cue), object (of "investigate")
    own: list[Constraint] = field(default_factory=list)
    rels: list[Relation] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    definite: bool = False
    #: where the label text ends (a trailing appositive may extend the clause)
    label_end: int = 0
    #: where the label text starts, when it is not the clause's start (-1): a reduced
    #: relative's noun phrase ("the temporary injunction issued Thursday")
    label_start: int = -1
    #: the clause names a time this module cannot place ("in the fiscal year ended Jan. 31"):
    #: it is not a continuation of the narrative's moment
    opaque_time: bool = False
    #: "did not leave until Tuesday": dated by the "until", the negation is no denial
    not_until: bool = False
    #: the clause's subject comes in with "a"/"an" ("when a quake killed ..."): a new happening
    indefinite: bool = False

    @property
    def future(self) -> bool:
        return self.tense in ("future", "irrealis")


_DEFINITE = re.compile(
    r"(?:\b(?:the|this|these|those|that|its|their|his|her|recent|latest|last|same|such)\b"
    r"(?:\s+(?!(?:a|an)\b)[\w’'-]+){0,3}\s*)$",  # "this time a bomb": the "a" is the noun's
    re.IGNORECASE,
)
_AUX_BEFORE = re.compile(
    r"(?P<aux>\b(?:has|have|had|was|were|is|are|be|been|being|will|would|to|did|does|do)\b)"
    r"(?:\s+(?:not|n't|also|already|just|since|then|now|reportedly|allegedly|quickly|"
    r"been|being|never|later|recently|finally|\w+ly))*\s+$",
    re.IGNORECASE,
)


def _words_before(text: str, floor: int, pos: int, n: int = 4) -> list[str]:
    return re.findall(r"[\w’'-]+", text[max(floor, pos - 60) : pos].lower())[-n:]


#: verbs whose past is their base form
_SAME_PAST = {"cut", "put", "set", "hit", "hurt", "shut", "spread", "quit", "cost", "let",
              "split", "bid", "shed", "upset"}
#: words after which a base form is no past ("they cut", "will cut", "to cut", "did not cut")
_BASE_FORM_AFTER = {"they", "we", "i", "you", "to", "will", "would", "can", "could", "may",
                    "might", "must", "should", "shall", "do", "does", "did", "not", "n't"}
#: "is scheduled to expire": a timetable, a future the text states as fact
_SCHEDULED_AS = {"scheduled", "slated", "due", "set"}


def _tense(text: str, seg: Segment, trig_start: int, trig: Trigger, lex: Lexicon) -> str:
    if trig.pos == "n":
        return "noun"
    before = text[max(seg.start, trig_start - 60) : trig_start]
    words = _words_before(text, seg.start, trig_start, 5)
    if any(w in lex.lists["modal"] for w in words):
        return "future"
    m = _AUX_BEFORE.search(before)
    aux = m.group("aux").lower() if m else ""
    if aux == "be" and m is not None and re.search(r"\bto\s+$", before[: m.start()]):
        # "guidelines to be published in early November": an infinitive, not a past
        m = re.search(r"\bto\s+$", before[: m.start()])
        aux = "to"
    if aux == "to":
        head = re.findall(r"[\w’'-]+", before[: m.start()].lower()) if m else []
        if len(head) > 1 and head[-1] in _SCHEDULED_AS and head[-2] in ("is", "are", "was",
                                                                       "were", "be"):
            return "future"  # "the offer is scheduled to expire at the end of November"
        if head and head[-1] in lex.lists["irrealis_to"]:
            return "irrealis"
        if len(head) > 1 and head[-1] in ("be", "been") and head[-2] in lex.lists["irrealis_to"]:
            return "irrealis"
        return "nonfinite"
    if aux in ("has", "have"):
        return "perfect"
    if aux == "had":
        return "pluperfect"
    if aux in ("is", "are", "do", "does"):
        return "present"
    if aux in ("was", "were", "did", "been", "being", "be"):
        return "past"
    if trig.form == "past":
        return "past"
    if trig.form == "ing":
        return "nonfinite"
    if trig.form in ("s",):
        return "present"
    word = text[trig_start : trig_start + 12].split(maxsplit=1)[0].lower() if words else ""
    if word in _SAME_PAST and words and words[-1] not in _BASE_FORM_AFTER:
        # "Goody Products Inc. cut its dividend": a singular subject would take "cuts", so in
        # news this is the past tense
        return "past"
    return "present" if words else "nonfinite"


def _negated(text: str, seg: Segment, trig_start: int, lex: Lexicon) -> bool:
    words = _words_before(text, seg.start, trig_start, 3)
    return any(w in lex.lists["negation"] or w.endswith("n't") for w in words)


def _hypothetical(text: str, seg: Segment, trig_start: int, lex: Lexicon) -> bool:
    """The clause tells a possibility, not a happening: a modal of possibility or obligation
    before the verb ("could strike", "may have fled", "should rise"), a counterfactual ("would
    have won"), or a condition opening the clause ("if the court rules", "unless ...").

    A plain "will"/"would" is a statement about the future (or the future seen from the past,
    "said the vote would be held in June"): such events keep their future window.
    """
    words = _words_before(text, seg.start, trig_start, 5)
    if any(w in lex.lists["hypothetical"] for w in words):
        return True
    pairs = zip(words, words[1:], strict=False)
    if any(a in ("would", "wouldn't") and b == "have" for a, b in pairs):
        return True
    opening = re.findall(r"[\w’'-]+", text[seg.start : trig_start].lower())[:2]
    return any(w in lex.lists["condition"] for w in opening)


def _is_name_part(text: str, start: int, sent_start: int) -> bool:
    """A capitalised word inside a sentence is part of a name ("the Red Crescent")."""
    if not text[start].isupper() or start == sent_start:
        return False
    prev = text[max(sent_start, start - 3) : start]
    return not re.search(r"[\"“‘`(:]\s*$|[.!?]\s+$", prev)


_SUPERLATIVES = {"most", "least", "latest", "newest", "worst", "best", "biggest", "largest",
                 "deadliest", "highest", "lowest", "first", "last", "only"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                "our", "my", "your", "no", "any", "each", "every"}
_ADJECTIVAL_BEFORE = {"those", "the", "a", "an", "of", "many", "people", "some"}


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    trig: Trigger
    tense: str
    main_ok: bool


#: "As expected, ...", "as previously reported": a comment on the sentence, not a happening
_AS_COMMENT = re.compile(r"\s*(?:as\s+)?(?:\w+ly\s+)?\w+(?:ed|en)\s*[,.;]?\s*", re.IGNORECASE)


_NOT_YET = {"future", "expected", "projected", "estimated", "potential", "forecast",
            "anticipated"}
#: what is held when holding is a state: an amount, a stake, shares
_HOLDING = re.compile(r"\s+(?:(?:a|an|about|some|nearly|almost|roughly|more\s+than|its|their|"
                      r"the)\s+)*(?:[\d$£€]|(?:[\w-]+\s+){0,3}?(?:stake|shares|interest|"
                      r"percent|seats?|majority|title|record|office|post|position)\b)",
                      re.IGNORECASE)


def _candidates(text: str, sent: Sentence, seg: Segment, lex: Lexicon,
                sent_tx: list[Timex]) -> list[_Cand]:
    out: list[_Cand] = []
    if seg.lead.lower() == "as" and _AS_COMMENT.fullmatch(text, seg.body, seg.end):
        return out
    for m in lex.regex.finditer(text, seg.body, seg.end):
        if _is_name_part(text, m.start(), sent.start):
            continue
        if any(t.start < m.end() and m.start() < t.end for t in sent_tx):
            continue  # "last fall" is a time, not a falling
        form = re.sub(r"\s+", " ", m.group(0).lower())
        options = lex.forms.get(form, [])
        if not options:
            continue
        trig = _choose_pos(text, seg, m.start(), options)
        if trig.pos == "n" and _PREDICATE.match(text[seg.body : m.start()]):
            continue  # "and is now the most destructive wildfire": what it is, no happening
        tense = _tense(text, seg, m.start(), trig, lex)
        if trig.pos == "n" and _SUBJECT_SCHEDULED.match(text, m.end()):
            tense = "future"  # "Sentencing is expected in about eight weeks"
        main_ok = True
        prev = _words_before(text, seg.body, m.start(), 1)
        if trig.pos == "v" and trig.form in ("base", "s") and prev and prev[0] in _DETERMINERS:
            main_ok = False  # "the increase", "its plans": a verb's form used as a noun
        if form in _PERIOD_PARTICIPLES and prev and re.search(_PERIOD_NOUN, prev[0]):
            continue  # "the quarter ended Sept. 30": a period's end, not a happening
        if trig.cls == "results" and prev and prev[0] in _NOT_YET:
            continue  # "confident about future earnings": no figure that happened
        if trig.cls == "vote" and trig.pos == "n" and _COUNTED.search(
                text, max(seg.body, m.start() - 25), m.start()):
            continue  # "a margin of more than 1.2 million votes": an amount, not a vote
        if trig.lemma == "hold" and _HOLDING.match(text, m.end()):
            continue  # "Crane holds 504,200 shares", "holds a 14.6% stake": a holding, a state
        if trig.pos == "v" and trig.form == "past" and prev and prev[0] in _ADJECTIVAL_BEFORE:
            main_ok = False  # "those killed in ...": a reduced relative, not the clause's verb
        if trig.pos == "v" and trig.form == "past" and form.endswith("ed") and prev \
                and m.start() != seg.body and not _BY_AMOUNT.match(text, m.end()) \
                and prev[0] not in _BE_HAVE and prev[0] not in _SUBJECT_PRONOUNS \
                and _BY_NEXT.match(text, m.end()) \
                and not any(m.end() <= t.start < seg.end for t in sent_tx):
            main_ok = False  # "all aircraft operated by its airlines": a participle
        if trig.pos == "v" and trig.form == "ing" and tense == "nonfinite" \
                and m.start() != seg.body:
            main_ok = False  # "alleging it worked ...", "soldiers killing civilians"
        if trig.pos == "v" and trig.form == "ing" and m.start() == seg.body \
                and _FINITE_LATER.search(text, m.end(), seg.end):
            main_ok = False  # "Campaigning for the election has been suspended": the subject
        out.append(_Cand(m.start(), m.end(), trig, tense, main_ok))
    verbs = [c for c in out if c.trig.pos == "v" and c.main_ok]
    if not verbs or (verbs[0].trig.form == "base" and verbs[0].tense == "present") or \
            _hypothetical(text, seg, verbs[0].start, lex):
        # "and repurchased shares for a stock ownership plan": "plan" is a noun here;
        # "filed a brief on Monday arguing the agency cannot return him": the filing is the
        # clause's happening, not the possibility it argues
        dated = any(seg.start <= t.start < seg.end for t in sent_tx)
        generic = _generic_verb(text, sent, seg, lex, dated,
                                timed_after=any(
                                    t.start >= seg.body
                                    and not _SAID_BETWEEN.search(text, seg.end, t.start)
                                    for t in sent_tx))
        if generic is not None and verbs and generic.start > verbs[0].start:
            generic = None
        if generic is not None:
            out.append(generic)
            out.sort(key=lambda c: c.start)
    return out


_GENERIC = re.compile(r"(?<![\w’'-])[a-z]{2,}(?:ed|[a-z])(?![\w’'-])")
_SUBJECT_END = re.compile(
    r"(?:\b(?:he|she|they|we|i|it|who|which|that|police|officials|troops|forces|[a-z]+s)|"
    r"[A-Z][\w’'-]+|\b(?:was|were|had|has|have|been))\s+(?:\w+ly\s+)?$"
)


_BE_HAVE = {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got",
            "get", "gets"}
_BY_NEXT = re.compile(r"\s+by\b")
_BY_AMOUNT = re.compile(r"\s+by\s+(?:more\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|"
                        r"up\s+to\s+)?[\d$£€]")
#: "aircraft operated by its airlines, the ministry said on Monday": Monday is the saying's
_SAID_BETWEEN = re.compile(r"\b(?:said|says|told|announced|reported|added|stated)\b")
_COUNTED = re.compile(r"(?:\d[\d,.]*|million|billion|thousand|hundred)\s+(?:[a-z]+\s+)?$",
                      re.IGNORECASE)
#: a copula with no subject or a pronoun before a noun ("and is now the most destructive
#: wildfire", "It is the deadliest terror attack"): the noun is what the subject is
_PREDICATE = re.compile(r"(?:and\s+|but\s+)?(?:(?:it|this|that|these|those|they|he|she)\s+)?"
                        r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|"
                        r"remains|remained|becomes|became)\s+(?:now\s+|also\s+|still\s+|already\s+)*"
                        r"(?:the|a|an|its|their)\b[^,;]*$", re.IGNORECASE)
_FINITE_LATER = re.compile(r"\s(?:has|have|had|is|are|was|were)\s+(?:been\s+)?(?:\w+ly\s+)?"
                           r"[a-z]+(?:ed|en)\b")
_IN_DET = re.compile(r"\b(?:in|at|during)\s+(?:a|an|the|its|their)\s+$", re.IGNORECASE)
_SCHEDULE_WORDS = {"expected", "scheduled", "planned", "slated"}
_SUBJECT_SCHEDULED = re.compile(r"\s+(?:is|are)\s+(?:expected|due|scheduled|set|slated|planned)\b")
#: "the intersection where Floyd died, now known as George Floyd Square": a name's time
_NOW_NAMED = re.compile(r"now\s+(?:known|called|named|renamed|home)\b", re.IGNORECASE)
_NOW = {"now", "currently", "at present", "right now", "nowadays"}
_SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "it", "who", "which", "that", "police",
                     "officials", "troops", "forces"}
_NOT_BEFORE_VERB = {"the", "a", "an", "of", "those", "these", "this", "that", "and", "or", "to",
                    "be", "its", "their", "his", "her", "our", "my", "your", "newly", "so",
                    "well", "in", "on", "at", "for", "with", "by", "from", "as", "very", "most",
                    "more", "less", "un", "non", "self", "all", "any", "some", "many", "no"}


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these",
                "those", "my", "your"}


def _generic_verb(text: str, sent: Sentence, seg: Segment, lex: Lexicon,
                  dated: bool = False, timed_after: bool = False) -> _Cand | None:
    """A past-tense verb that triggers.txt does not list ("rescuers searched the rubble").
    A verb of state or level ("stood at $108 million") counts only in a clause with a time of
    its own ("the rate stayed at 4.7% in January": a figure of that month)."""
    irregular = lex.lists["generic_past"]
    for m in _GENERIC.finditer(text, seg.body, seg.end):
        word = m.group(0)
        if word in lex.lists["not_verb"] or (word.lower() in lex.lists["stative_past"]
                                             and not dated) \
                or not (word.endswith("ed") or word in irregular):
            continue
        prev = _words_before(text, seg.body, m.start(), 1)
        if prev and prev[0] in _NOT_BEFORE_VERB:
            continue  # "the injured man", "those arrested", "to be named"
        two = _words_before(text, seg.body, m.start(), 2)
        if len(two) == 2 and two[0] in _DETERMINERS and (
                two[1].endswith("ly") or two[1] in _SUPERLATIVES):
            continue  # "a constitutionally protected service", "the latest depraved assault"
        if prev and prev[0] not in _BE_HAVE and _BY_NEXT.match(text, m.end()) \
                and not timed_after:
            # "a group of investors led by Giant Group": a participle, not the clause's verb
            # (with a time of its own it is a happening: "a memo distributed ... last December")
            continue
        if prev and word in _PERIOD_PARTICIPLES and re.search(_PERIOD_NOUN, prev[0]):
            continue  # "the quarter ended Sept. 30", "the fiscal year ended": a period's end
        if prev and prev[0] in ("is", "are") and word.lower() in _SCHEDULE_WORDS:
            continue  # "Sentencing is expected in about eight weeks": the subject's schedule
        if prev and text[m.start() - 2 : m.start()].strip() == "" and not prev[0].isalpha():
            continue
        trig = Trigger(word, "v", "other", "-", "past")
        tense = _tense(text, seg, m.start(), trig, lex)
        return _Cand(m.start(), m.end(), trig, tense, True)
    sched = _SCHEDULED_VERB.search(text, seg.body, seg.end)
    if sched:  # "the procedures are due to go before the Council next week"
        trig = Trigger(sched.group(1).lower(), "v", "other", "-", "base")
        return _Cand(sched.start(1), sched.end(1), trig, "future", True)
    return None


_SCHEDULED_VERB = re.compile(
    r"\b(?:is|are|was|were)\s+(?:due|scheduled|set|slated|expected|supposed)\s+to\s+"
    r"(?!be\b)([a-z]{2,})\b")


_NOUN_CONTEXT = re.compile(
    r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our|of|in|for|after|before|"
    r"since|during|following|recent|deadly|latest|new|mass|major|first|second|last|any|no|"
    r"such|an?\s+\w+)\s+(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _choose_pos(text: str, seg: Segment, at: int, options: list[Trigger]) -> Trigger:
    if len(options) == 1:
        return options[0]
    nouns = [t for t in options if t.pos == "n"]
    verbs = [t for t in options if t.pos == "v"]
    if not nouns or not verbs:
        return options[0]
    if verbs[0].form == "past":
        return verbs[0]
    before = text[max(seg.body, at - 40) : at]
    if at == seg.body or _NOUN_CONTEXT.search(before):
        return nouns[0]
    word = re.compile(r"[\w’'-]+").match(text, at)
    if verbs[0].form == "s" and word is not None and _PAST_NEXT.match(text, word.end()):
        return nouns[0]  # "two car bombs exploded", "the talks ended": the subject
    return verbs[0]


#: a past-tense verb right after a word: that word is its subject, a noun
_PAST_NEXT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|went|hit|struck|broke|began|came|"
                        r"took|left|fell|rose|shook|tore|blew|sank|spread|killed)\b")


#: "International Women's Day is this coming Sunday", "The wedding was last Saturday": a
#: subject whose predicate is a time names an occasion
_COPULA_TIME = re.compile(
    r"(?P<np>(?:[A-Z][\w’'.-]*|the|The)(?:\s+[\w’'.-]+){0,5}?)\s+(?:is|are|was|were|will\s+be)"
    r"\s+(?:(?:on|in|at|set\s+for|scheduled\s+for|slated\s+for|due|this\s+coming)\s+)*$")


def _named_occasion(text: str, seg: Segment, tx: Timex) -> tuple[_Cand, int] | None:
    """The subject of "<X> is <time>." as an event: its last word is the trigger; returns it
    and where the name begins."""
    if tx.type != "DATE" or tx.window is None:
        return None
    m = _COPULA_TIME.fullmatch(text, seg.body, tx.start)
    if m is None or not re.match(r"\s*[.;,]?\s*$", text[tx.end : seg.end]):
        return None  # the time must close the clause: "X is on Sunday."
    head = list(re.finditer(r"[\w’'-]+", m.group("np")))[-1]
    if head.group(0).lower() in ("it", "this", "that", "there", "he", "she", "they", "which"):
        return None
    start = m.start("np") + head.start()
    np_start = m.start("np") + (4 if m.group("np").lower().startswith("the ") else 0)
    return _Cand(start, start + len(head.group(0)),
                 Trigger(head.group(0).lower(), "n", "other", "-", "base"), "noun", True), np_start


def _pick_main(cands: list[_Cand]) -> tuple[_Cand | None, Trigger | None]:
    """The clause's event and, for a light verb ("violence broke out"), the noun it is about."""
    verbs = [c for c in cands if c.trig.pos == "v" and c.main_ok]
    if verbs:
        main = verbs[0]
        if main.trig.cls == "~":
            subj = [c for c in cands if c.trig.pos == "n" and c.end <= main.start]
            later = [c for c in cands if c.start > main.start and c.trig.cls != "~"]
            about = subj[-1] if subj else (later[0] if later else None)
            return main, about.trig if about else None
        if main.trig.category == "other":
            # "Floods destroyed 200 homes": the lane of the subject, when it names an event
            subj = [c for c in cands if c.trig.pos == "n" and c.end <= main.start
                    and c.trig.category != "other"]
            if subj:
                lane = subj[-1].trig.category
                return main, Trigger(main.trig.lemma, "v", lane, "-", main.trig.form)
        return main, None
    nouns = [c for c in cands if c.trig.pos == "n"]
    return (nouns[0], None) if nouns else (None, None)


# ------------------------------------------------------------------ time expressions --


def _shift(d: date, months: int = 0, days: int = 0) -> date:
    return d + relativedelta(months=months) + timedelta(days=days)


def duration(value: str) -> relativedelta | None:
    """``P2W`` -> relativedelta(days=14); None for what we cannot count."""
    m = re.fullmatch(r"P(\d+)([DWMY])", value)
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2)
    return {
        "D": relativedelta(days=n), "W": relativedelta(days=7 * n),
        "M": relativedelta(months=n), "Y": relativedelta(years=n),
    }[unit]


_EARLY = re.compile(r"\bearly\b(?!\s+this\b)|\b(?:beginning|start)\s+of\b", re.IGNORECASE)
_LATE = re.compile(r"\blate\b|\bend\s+of\b", re.IGNORECASE)  # "at the end of November"
_MID = re.compile(r"\bmid(?:dle)?\b|\bmid-", re.IGNORECASE)


def _whole_unit(lo: date, hi: date) -> bool:
    """A calendar month, season, quarter or year(s): starts on a 1st, ends on a month's end."""
    return lo.day == 1 and (hi + timedelta(days=1)).day == 1


def _part(window: tuple[date, date], text: str, mod: str) -> tuple[date, date]:
    """ "early March" is its first half, "late 1996" its second, "mid-1996" April..September."""
    lo, hi = window
    days = (hi - lo).days + 1
    if mod == "START" and re.search(r"\bearly\b", text, re.IGNORECASE):
        # "early this week" (the tagger: Monday to yesterday) is its first days only
        if lo.weekday() == 0 and days <= 7:
            return lo, min(hi, lo + timedelta(days=2))
        if lo.day == 1 and days <= 31:
            return lo, min(hi, lo + timedelta(days=14))
        if (lo.month, lo.day) == (1, 1) and days <= 366:
            return lo, min(hi, date(lo.year, 6, 30))
        return window
    if days == 7 and lo.weekday() == 0:
        # "early this week": Monday to Wednesday; "late last week": Thursday to Sunday
        if _EARLY.search(text):
            return lo, lo + timedelta(days=2)
        if _LATE.search(text):
            return lo + timedelta(days=3), hi
        if _MID.search(text):
            return lo + timedelta(days=1), lo + timedelta(days=3)
        return window
    if days < 14 or not _whole_unit(lo, hi):
        return window  # already a part (a tagger that narrows "early March" itself)
    if _MID.search(text) or (mod == "MID" and not _EARLY.search(text) and not _LATE.search(text)):
        if days >= 365:
            return date(lo.year, 4, 1), date(hi.year, 9, 30)
        return lo + timedelta(days=days // 3), hi - timedelta(days=days // 3)
    half = days // 2
    if _EARLY.search(text):
        return (lo, date(lo.year, 6, 30)) if days >= 365 else (lo, lo + timedelta(days=half - 1))
    if _LATE.search(text):
        return (date(hi.year, 7, 1), hi) if days >= 365 else (hi - timedelta(days=half - 1), hi)
    return window


_BY_DEADLINE = re.compile(r"\bby\s+$", re.IGNORECASE)
_ATTRIBUTIVE_TIME = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that)\s+(?:most\s+)?$",
                               re.IGNORECASE)
_POST_PRE = re.compile(r"^(?:post|pre)-", re.IGNORECASE)
_FISCAL = re.compile(r"\bfiscal\b", re.IGNORECASE)


def timex_constraint(tx: Timex, dct: date | None, lex: Lexicon, quoted: bool,
                     before: str = "") -> Constraint | None:
    """What one time expression says about an event in its clause (None: nothing usable).

    ``before`` is the text just before the expression ("early" in "early October")."""
    if tx.type == "DURATION":
        return _span_ahead(tx, dct, quoted, before)
    if tx.type not in ("DATE", "TIME"):
        return None
    if _FISCAL.search(before[-8:] + " " + tx.text) and re.search(r"Q\d|H\d", tx.value or ""):
        # a company's fiscal quarter is not the calendar's ("fiscal first quarter" may end in
        # September): the tagger's calendar quarter would be a confident wrong date
        return None
    window = tx.window
    precision = tx.precision
    kind = "dct" if tx.anchored else "explicit"
    ago = _SOME_AGO.search(tx.text) if tx.value == "PAST_REF" and dct is not None else None
    if ago is not None and dct is not None:
        # "a few years ago", "several months ago": that unit's scale back, not "recently"
        least, most = _SOME_AGO_SPANS[ago.group(1).lower().rstrip("s")]
        window = (dct - most, dct - least)
        precision, kind = "vague", "vague"
    elif window is None:
        span = lex.vague.get(tx.value)
        if span is None or dct is None:
            return None
        delta = duration(span)
        if delta is None:
            return None
        if tx.value == "FUTURE_REF":
            window = (dct, dct + delta)
        else:
            window = (dct - delta, dct)
        precision, kind = "vague", "vague"
    if quoted and kind != "explicit":
        # quoted speech keeps its own frame: "yesterday" in a quote is the speaker's yesterday
        return None
    if tx.text.lower() in ("current", "present", "the future", "future"):
        # "under their current names", "current market conditions": the adjective says what
        # the noun is now, not when the clause's event happened
        return None
    mod = (tx.mod or "").upper()
    if not mod and _MORE_THAN_AGO.search(tx.text):
        mod = "BEFORE_OR_IN"  # "more than four decades ago": that year or before
    deadline = not mod and tx.type == "DATE" and bool(_BY_DEADLINE.search(before))
    if deadline:
        # "to pay down the loan by February", "had fled by Monday": a deadline, on or before
        mod = "ON_OR_BEFORE"
    if not mod and _POST_PRE.match(tx.text):
        # "the post-1959 politics", "pre-war levels": after (before) the period, not in it
        mod = "AFTER" if tx.text[:1].lower() == "p" and tx.text[1:3].lower() == "os" \
            else "BEFORE"
    first, last = _part(window, before[-8:] + " " + tx.text, mod)
    lo: date | None = first
    hi: date | None = last
    if mod == "BEFORE":
        lo, hi = None, first - timedelta(days=1)
    elif mod == "BEFORE_OR_IN":
        lo = None
    elif mod == "ON_OR_BEFORE":
        lo = None
    elif mod == "AFTER":
        lo, hi = last + timedelta(days=1), None
    elif mod == "ON_OR_AFTER":
        hi = None
    conf = {"explicit": 0.95, "dct": 0.85, "vague": 0.6}[kind]
    if mod == "APPROX":
        conf *= 0.8
    return Constraint(lo, hi, conf, tx.text, precision, kind, tx.start, deadline)


#: "within a year", "in the next few days", "over the coming months": from publication on
_AHEAD = re.compile(r"\b(?:within|inside)\s+(?:the\s+)?$", re.IGNORECASE)
_IN_AMOUNT = re.compile(r"\bin\s+(?:about\s+|around\s+|some\s+|roughly\s+|another\s+|just\s+)?$",
                        re.IGNORECASE)
_AHEAD_NEXT = re.compile(r"^(?:the\s+)?(?:next|coming)\b", re.IGNORECASE)
#: how far "a few days / weeks / months / years" reach, in days
_FEW = {"D": 14, "W": 62, "M": 365, "Y": 3653}


def _span_ahead(tx: Timex, dct: date | None, quoted: bool, before: str) -> Constraint | None:
    """ "will finish its investigation within a year": between publication and a year after.
    Only a future event takes it (``future_only``); "took the city within a week" tells of
    the narrative's time, not of publication."""
    if dct is None or quoted or not tx.value:
        return None
    ahead = bool(_AHEAD.search(before[-10:])) or (
        bool(_AHEAD_NEXT.match(tx.text)) and bool(re.search(r"\b(?:in|over|during|within)\s+$",
                                                          before[-10:], re.IGNORECASE)))
    point = _IN_AMOUNT.search(before[-20:])
    n = re.fullmatch(r"P(\d+)([DWMY])", tx.value)
    if point is not None and n is not None and not ahead:
        # "sentencing will take place in about eight weeks": then, not at any time before
        count, unit = int(n.group(1)), n.group(2)
        if unit == "D":
            day = dct + timedelta(days=count)
            return Constraint(day, day, 0.75, tx.text, "day", "dct", tx.start, future_only=True)
        if unit == "W":
            day = dct + timedelta(weeks=count)
            monday = day - timedelta(days=day.weekday())
            return Constraint(monday, monday + timedelta(days=6), 0.75, tx.text, "week", "dct",
                              tx.start, future_only=True)
        if unit == "M":
            first = (dct + relativedelta(months=count)).replace(day=1)
            last = first + relativedelta(months=1) - timedelta(days=1)
            return Constraint(first, last, 0.75, tx.text, "month", "dct", tx.start,
                              future_only=True)
        year = dct.year + count
        return Constraint(date(year, 1, 1), date(year, 12, 31), 0.75, tx.text, "year", "dct",
                          tx.start, future_only=True)
    if not ahead:
        return None
    unit = tx.value[-1:]
    if re.fullmatch(r"PX[DWMY]", tx.value):
        hi = dct + timedelta(days=_FEW[unit])
    else:
        delta = duration(tx.value)
        if delta is None:
            return None
        hi = dct + delta
    return Constraint(dct, hi, 0.75, tx.text, "vague", "dct", tx.start, future_only=True)


#: "a few years ago", "several months ago", "days ago": a scale, not a date
_SOME_AGO = re.compile(r"\b(years|months|weeks|days|decades)\s+ago\b", re.IGNORECASE)
_SOME_AGO_SPANS = {"day": (timedelta(days=1), timedelta(days=14)),
                   "week": (timedelta(days=7), timedelta(days=62)),
                   "month": (relativedelta(months=1), relativedelta(months=12)),
                   "year": (relativedelta(years=1), relativedelta(years=10)),
                   "decade": (relativedelta(years=10), relativedelta(years=100))}
_MORE_THAN_AGO = re.compile(r"\b(?:more\s+than|over)\b.*\bago\b", re.IGNORECASE)


# ------------------------------------------------------------------ building --


@dataclass(slots=True)
class _SegInfo:
    seg: Segment
    main: Mention | None = None
    cands: list[_Cand] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    anaphora: tuple[str, str | None, str] | None = None


def _anaphora(text: str, seg: Segment,
              lex: Lexicon) -> tuple[str, str | None, str, int, int] | None:
    piece = text[seg.start : seg.end]
    best = None
    for rx, rel, offset in lex.anaphora:  # the longest phrase wins: "two days later" > "later"
        m = rx.search(piece)
        if m and (best is None or len(m.group(0)) > len(best[0].group(0))):
            best = (m, rel, offset)
    if best is None:
        return None
    m, rel, offset = best
    if re.search(r"(?:before|after)$", m.group(0), re.IGNORECASE) and re.match(
            r"\s+[A-Za-z]", piece[m.end() :]):
        return None  # "the day before authorities issued ...": a cue, not a back-reference
    offset_value: str | None = offset
    if offset and "{n}" in offset:
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else lex.numbers.get(word)
        unit = lex.units.get(m.group("unit").lower(), "")
        if n is None or not unit:
            offset_value = "?"
        else:
            offset_value = f"P{n * (2 if unit == '2W' else 1)}{unit[-1]}"
    return rel, offset_value, m.group(0), seg.start + m.start(), seg.start + m.end()


def mentions_of(
    text: str,
    sentences: list[Sentence],
    timexes: list[Timex],
    dct: date | None,
    lex: Lexicon,
    quotes: Quotes,
) -> list[Mention]:
    """Every event mention of the article, in text order, with its unresolved constraints."""
    out: list[Mention] = []
    tx_sorted = sorted(timexes, key=lambda t: t.start)
    ti = 0
    for si, sent in enumerate(sentences):
        while ti < len(tx_sorted) and tx_sorted[ti].start < sent.start:
            ti += 1
        tj = ti
        sent_tx = []
        while tj < len(tx_sorted) and tx_sorted[tj].start < sent.end:
            sent_tx.append(tx_sorted[tj])
            tj += 1
        if sent.kind in ("headline", "heading"):
            continue
        _sentence_mentions(text, si, sent, sent_tx, dct, lex, quotes, out)
    for m in out:
        if m.tense in ("past", "pluperfect") and any(c.text.lower() in _NOW for c in m.own):
            # "who fronted Vote Leave and is now the favourite": the "now" of another clause
            # does not date a past happening (but "The army now named Smith" is now)
            m.own = [c for c in m.own if c.text.lower() not in _NOW
                     or m.seg_start <= c.at < m.seg_end]
        if not m.future and any(c.future_only for c in m.own):
            m.own = [c for c in m.own if not c.future_only]  # "took the city within a week"
        if m.own and any(0 <= c.at < m.start for c in m.own):
            m.own = _anniversaries(text, m)
        if len(m.own) > 1:
            m.own = _year_of_day(m.own)
            m.own = _spans_of_dates(text, m.own)
    return out


def _year_of_day(own: list[Constraint]) -> list[Constraint]:
    """ "the 7 July bombings in London in 2005": a day and month the tagger placed in the
    nearest year, and a year the same noun phrase names, are one date."""
    years = [c for c in own if c.precision == "year" and c.kind == "explicit" and c.lo and c.hi
             and c.lo.year == c.hi.year]
    if len(years) != 1:
        return own
    year = years[0].lo.year  # type: ignore[union-attr]
    out = []
    for c in own:
        if c.kind == "dct" and c.precision == "day" and c.lo and c.hi \
                and _MONTH_NAME.search(c.text) and c.lo.year == c.hi.year != year \
                and not re.search(r"\d{4}|'\d\d", c.text) \
                and abs(c.at - years[0].at) <= 60:
            try:
                c = Constraint(c.lo.replace(year=year), c.hi.replace(year=year), c.confidence,
                               c.text, c.precision, "explicit", c.at, c.deadline, c.future_only)
            except ValueError:  # Feb 29
                pass
        out.append(c)
    return out


#: "on April 24 and 25", "Monday or Tuesday", "from March 3 to 5": dates joined into one span
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|-|–)\s*", re.IGNORECASE)


def _spans_of_dates(text: str, own: list[Constraint]) -> list[Constraint]:
    """Two dates joined by "and" / "or" / "to" are one span, not two constraints to
    intersect: the event is somewhere in (or across) both."""
    out: list[Constraint] = []
    for c in sorted(own, key=lambda c: c.at):
        prev = out[-1] if out else None
        if prev is not None and prev.at >= 0 and c.at >= 0 and prev.lo and prev.hi and c.lo \
                and c.hi and prev.precision == c.precision and prev.precision in ("day", "month") \
                and abs((c.lo - prev.lo).days) <= 62 \
                and _JOINED.fullmatch(text, prev.at + len(prev.text), c.at):
            out[-1] = Constraint(min(prev.lo, c.lo), max(prev.hi, c.hi),
                                 min(prev.confidence, c.confidence),
                                 text[prev.at : c.at + len(c.text)], None, prev.kind, prev.at)
            continue
        out.append(c)
    return out


#: "today, the 39th anniversary of the Bay of Pigs fiasco, an aborted invasion that ...": the
#: date is the anniversary's; the event it recalls is that many years older
_ANNIVERSARY = re.compile(r",?\s*(?:(?:the|its|his|her|their)\s+)?"
                          r"(?:(?P<n>\d+|[a-z-]+?)(?:st|nd|rd|th)?\s+)?anniversary\s+of\b",
                          re.IGNORECASE)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20,
             "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
             "sixtieth": 60, "hundredth": 100}


def _anniversaries(text: str, m: Mention) -> list[Constraint]:
    out = []
    for c in m.own:
        # the anniversary stands beside the date ("today, the 39th anniversary of"), not in a
        # tie of its own ("a week after the 25th anniversary of")
        end = c.at + len(c.text)
        ann = _ANNIVERSARY.match(text, end) if 0 <= c.at and end <= m.start else None
        if ann is None:
            out.append(c)
            continue
        out += _anniversary(c, ann.group("n"))
    return out


def _anniversary(c: Constraint, word: str | None) -> list[Constraint]:
    """The event an anniversary recalls happened that many years before the anniversary's
    date; with no number, the date says nothing of it (no constraint)."""
    n = None
    if word:
        w = word.lower()
        n = int(w) if w.isdigit() else _ORDINALS.get(w)
    if n is None:
        return []
    back = relativedelta(years=n)
    return [Constraint(c.lo - back if c.lo else None, c.hi - back if c.hi else None,
                       c.confidence, c.text, c.precision, c.kind, c.at)]


_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?",
                         re.IGNORECASE)
_NAMED_YEAR = re.compile(r"\d{4}|\b(?:next|this|coming|last|past|previous)\b", re.IGNORECASE)


def _told_in_past(m: Mention | None) -> bool:
    """A clause whose own verb is in the past: not a report ("said the vote is in January")."""
    return m is not None and m.tense in ("past", "pluperfect") and m.category != "reporting" \
        and not m.quoted


def _yearless_later(text: str, window: tuple[date, date] | None, dct: date | None,
                    before: str = "") -> bool:
    """A month (and day) without a year, placed after publication, and not the end of a
    fiscal period ("the fiscal year ended Jan. 31")."""
    return window is not None and dct is not None and window[0] > dct \
        and bool(_MONTH_NAME.search(text)) and not _NAMED_YEAR.search(text) \
        and not _PERIOD_END.search(before)


#: "the fiscal year ended Jan. 31", "the quarter ending March 31": a period's end, not a date
#: the clause's event took place on
_PERIOD_END = re.compile(r"\b(?:fiscal|ended|ending|ends|through|due)\b[^.]{0,20}$",
                         re.IGNORECASE)


def _past_reading(c: Constraint, dct: date | None, before: str) -> Constraint:
    """ "In January, a bomb killed a guard" (published in October): a month without a year
    that the tagger placed ahead of publication (the nearest January) is, for a clause told
    in the past tense, the one before."""
    if c.kind != "dct" or c.lo is None or c.hi is None \
            or not _yearless_later(c.text, (c.lo, c.hi), dct, before):
        return c
    back = relativedelta(years=1)
    return Constraint(c.lo - back, c.hi - back, c.confidence, c.text, c.precision, c.kind, c.at,
                      c.deadline, c.future_only)


_INDEFINITE = re.compile(r"\W*(?:(?:when|after|before|as|since|while|until)\s+)?"
                         r"(?:a|an|another|one)\s", re.IGNORECASE)


def _indefinite_subject(text: str, body: int, trigger_start: int) -> bool:
    """ "A second quake struck", "when a quake in Erzincan killed ...": the clause's subject is
    brought in as new, so the clause names a new happening, not one told before."""
    return bool(_INDEFINITE.match(text, body, trigger_start))


def _new_mention(out: list[Mention], si: int, seg: Segment, cand: _Cand, about: Trigger | None,
                 role: str, text: str, lex: Lexicon, quotes: Quotes) -> Mention:
    for prev in reversed(out):  # one mention per trigger, whatever made it a mention
        if prev.sentence != si:
            break
        if (prev.start, prev.end) == (cand.start, cand.end):
            return prev
    trig = cand.trig
    cls = about.cls if about else (trig.cls if trig.cls != "~" else "-")
    category = about.category if about else trig.category
    before = text[max(seg.start, cand.start - 50) : cand.start]
    m = Mention(
        index=len(out), sentence=si, seg_start=seg.start, seg_end=seg.end,
        start=cand.start, end=cand.end, trigger=trig, category=category, cls=cls,
        tense=cand.tense, quoted=quotes.inside(cand.start),
        negated=_negated(text, seg, cand.start, lex), role=role,
        hypothetical=trig.pos != "n" and (
            _hypothetical(text, seg, cand.start, lex)
            # "capital spending will rise slightly": a forecast, not a scheduled happening
            or (cand.tense in ("future", "irrealis")
                and trig.lemma.split()[0] in lex.lists["forecast"])),
        evidence=[(seg.body, seg.end)],
        definite=(trig.pos == "n" and bool(_DEFINITE.search(before))) or (
            about is not None and not _indefinite_subject(text, seg.body, cand.start)),
        label_end=seg.end,
        indefinite=_indefinite_subject(text, seg.start, cand.start),
    )
    out.append(m)
    return m


def _sentence_mentions(text: str, si: int, sent: Sentence, sent_tx: list[Timex],
                       dct: date | None, lex: Lexicon, quotes: Quotes, out: list[Mention]) -> None:
    segs = segments(text, sent.start, sent.end, lex)
    infos: list[_SegInfo] = []
    for seg in segs:
        info = _SegInfo(seg)
        ana = _anaphora(text, seg, lex)
        if ana and any(t.start <= ana[3] and ana[4] <= t.end and t.end - t.start >= ana[4] - ana[3]
                       and t.window is not None for t in sent_tx):
            # "later this month", "the following year": the words are part of a time
            # expression the tagger placed, not a back-reference to the previous event
            ana = None
        info.timexes = [t for t in sent_tx if seg.start <= t.start < seg.end
                        and not (ana and t.start < ana[4] and ana[3] < t.end)
                        and not (_NOW_NAMED.match(text, t.start)
                                 and text[max(0, t.start - 3) : t.start].rstrip().endswith(","))]
        if ana:
            info.anaphora = (ana[0], ana[1], ana[2])
        cands = info.cands = _candidates(text, sent, seg, lex, sent_tx)
        if ana:  # "In a related move, X resigned": the phrase's "move" is no happening
            cands = [c for c in cands if not ana[3] <= c.start < ana[4]]
        main, about = _pick_main(cands)
        occasion = None
        if main is None and info.timexes and not seg.lead and not seg.relation:
            occasion = _named_occasion(text, seg, info.timexes[0])
            main = occasion[0] if occasion else None
        if main is not None:
            role = "anchor" if seg.relation else "main"
            if seg.lead in ("which", "who", "whom", "whose", "where") and main.trig.cls == "~" \
                    and about is None and infos and infos[-1].main is not None:
                main = None  # "..., which occurred earlier this month": about the antecedent
            elif seg.lead in ("including", "such as") and infos and any(i.main for i in infos):
                main = None  # an example of the event before it, not an event of its own
            subject = _noun_subject(text, seg, main, infos, sent_tx)
            if main is not None and subject is not None:
                # "Bombings at two embassies ..., on Aug. 7 killed 258": the noun's predicate
                subject.evidence.append((seg.body, seg.end))
                if subject.tense == "noun":
                    subject.tense = main.tense
                main = None
            if main is not None:
                info.main = _new_mention(out, si, seg, main, about, role, text, lex, quotes)
                if occasion is not None:  # the label is the occasion's name
                    info.main.label_start, info.main.label_end = occasion[1], main.end
                np_start = _relative_head(text, seg, info.main, info.timexes)
                if np_start is not None:
                    info.main.label_start = np_start
                    stop = re.compile(r"\s+and\s|[,;:(]").search(text, info.main.end,
                                                                    info.main.label_end)
                    if stop:
                        info.main.label_end = stop.start()
                _objects(text, seg, cands, info.main, si, lex, quotes, out)
                info.timexes = _dated_nouns(text, seg, cands, main, info, si, dct, lex, quotes, out)
        if info.main is None and infos and seg.lead in ("which", "who", "whom", "whose", "where",
                                                        "including", "such as", ""):
            prev = next((i.main for i in reversed(infos) if i.main is not None), None)
            noun = _event_antecedent(text, seg, infos, prev) \
                if info.timexes and prev is not None else None
            if noun is not None:
                # "cancelled his trip to the G20 summit in Antalya, which begins on Sunday": the
                # time is the summit's, not the cancelling's
                m = _new_mention(out, si, infos[-1].seg, noun, None, "nominal", text, lex, quotes)
                m.tense = "future" if any(t.window and dct and t.window[0] > dct
                                          for t in info.timexes) else "noun"
                m.evidence = [(noun.start, noun.end), (seg.body, seg.end)]
                for tx in info.timexes:
                    _add_timex(m, tx, dct, lex, quotes)
                info.timexes = []
                prev = None
            if prev is not None and seg.lead:
                prev.evidence.append((seg.body, seg.end))
                for tx in info.timexes:
                    other = _time_of_other(text, tx, prev, lex)
                    if not other:
                        _add_timex(prev, tx, dct, lex, quotes)
                    elif other == "after" and dct is not None:
                        c = timex_constraint(tx, dct, lex, quotes.inside(tx.start) or prev.quoted,
                                             quotes.text[max(0, tx.start - 16) : tx.start])
                        if c is not None and c.lo is not None and c.lo <= dct:
                            prev.own.append(Constraint(c.lo, dct, c.confidence * STEP_REFERRED,
                                                       c.text, "vague", c.kind, c.at))
                info.timexes = []
        infos.append(info)
    _onsets(text, si, infos, dct, lex, quotes, out)
    _attach(text, infos, dct, lex, quotes)
    _share_fronted_time(text, infos)
    # an appositive name after the clause belongs in its label ("the capital, Damascus")
    for k, info in enumerate(infos[:-1]):
        nxt = infos[k + 1]
        if info.main and nxt.main is None and not nxt.seg.lead and not nxt.timexes \
                and re.fullmatch(r"(?:[A-Z][\w’'-]+\s?){1,3}", text[nxt.seg.start : nxt.seg.end]):
            if info.main.label_end == info.seg.end:  # not a label already cut short
                info.main.label_end = nxt.seg.end


#: "has been independent", "have been missing", "had remained in custody": a state at its end
_STATE = re.compile(
    r"\b(?:has|have|had)\s+(?:been|remained|stayed)\s+(?:\w+ly\s+)?"
    r"(?P<state>(?:in|under|on|out\s+of)\s+[a-z]+|[a-z]{4,})\s*$", re.IGNORECASE)
_NOT_STATE = {"there", "here", "able", "unable", "some", "many", "more", "less", "much",
              "very", "about", "around", "over", "under", "since", "the", "this", "that"}


#: "which begins on Sunday", "which took place in May": a clause that only dates its antecedent
_DATES_ANTECEDENT = re.compile(
    r"(?:begins?|began|starts?|started|opens?|opened|ends?|ended|runs?|ran|(?:takes?|took|will\s+"
    r"take)\s+place|(?:is|was|will\s+be)(?:\s+(?:due|scheduled|set|held|planned|slated))?)\b",
    re.IGNORECASE)


def _event_antecedent(text: str, seg: Segment, infos: list[_SegInfo],
                      prev: Mention) -> _Cand | None:
    """The event noun a "which" clause right after it only dates ("the G20 summit in Antalya,
    which begins on Sunday"), when it is not the clause's own event."""
    if seg.lead.lower() != "which" or not infos or not _DATES_ANTECEDENT.match(text, seg.body):
        return None
    before = infos[-1].seg
    if before.relation or prev.start < before.start or prev.end > before.end:
        return None
    nouns = [c for c in infos[-1].cands
             if c.trig.pos == "n" and c.start > prev.end and c.trig.cls not in ("-", "~")]
    return nouns[-1] if nouns else None


def _onsets(text: str, si: int, infos: list[_SegInfo], dct: date | None, lex: Lexicon,
            quotes: Quotes, out: list[Mention]) -> None:
    """ "Australia has been independent since 1901": the state began then, so its onset (it
    became independent) is an event dated by the time after "since", not an open window."""
    for k, info in enumerate(infos[:-1]):
        nxt = infos[k + 1]
        if info.main is not None or nxt.main is not None or nxt.seg.relation != "since" \
                or len(nxt.timexes) != 1 or info.timexes:
            continue
        m = _STATE.search(text, info.seg.body, info.seg.end)
        if m is None or m.group("state").split()[-1].lower() in _NOT_STATE \
                or m.group("state").lower().endswith("ing"):
            continue  # "had been brewing since December": a process, not a state's onset
        if not re.search(r"[A-Za-z]", text[info.seg.body : m.start()]):
            continue  # no subject: not a clause of its own
        tx = nxt.timexes[0]
        c = timex_constraint(tx, dct, lex, quotes.inside(tx.start),
                             text[max(0, tx.start - 16) : tx.start])
        if c is None or c.lo is None or c.hi is None:
            continue
        word = m.group("state")
        trig = Trigger(word.lower(), "v", "other", "-", "past")
        cand = _Cand(m.start("state"), m.end("state"), trig, "past", True)
        onset = _new_mention(out, si, info.seg, cand, None, "main", text, lex, quotes)
        onset.own.append(c)
        onset.evidence = [(info.seg.body, nxt.seg.end)]
        onset.label_end = info.seg.end
        info.main = onset
        nxt.timexes = []


def _share_fronted_time(text: str, infos: list[_SegInfo]) -> None:
    """ "During the quarter, Delta issued shares, and repurchased others": a time put before
    the subject covers every verb that subject takes; a time after a verb is that verb's."""
    for k, info in enumerate(infos):
        m = info.main
        if k == 0 or m is None or info.seg.lead != "and" or m.own or m.rels or info.timexes \
                or m.trigger.pos != "v" or m.role != "main":
            continue
        if not _NO_SUBJECT.match(_between(text, info.seg.body, m.start)):
            continue
        prev = next((i.main for i in reversed(infos[:k]) if i.main is not None), None)
        if prev is None or prev.trigger.pos != "v" or prev.role != "main" or prev.tense != m.tense:
            continue
        fronted = [c for c in prev.own if 0 <= c.at < prev.seg_start and c.kind != "vague"]
        if fronted and len(fronted) == len(prev.own):
            m.own.extend(fronted)


def _between(text: str, a: int, b: int) -> str:
    piece = text[a:b].strip()
    return piece + " " if piece else ""


_NO_SUBJECT = re.compile(
    r"^(?:(?:\w+ly|also|then|later|had|has|have|was|were|been|reportedly|allegedly|(?:on|in|at|"
    r"by|during|last|this|early|late)(?:\s+\S+){0,2})\s+)*$",
    re.IGNORECASE,
)


_ASIDE_OPENERS = {"with", "without", "despite", "amid", "like", "unlike", "including", "after",
                  "before", "following", "citing", "because", "as", "from", "for", "of", "in",
                  "on", "at", "by", "among"}


def _noun_subject(text: str, seg: Segment, main: _Cand | None, infos: list[_SegInfo],
                  sent_tx: list[Timex]) -> Mention | None:
    """The event noun a subjectless verb segment is the predicate of, if any."""
    if main is None or main.trig.pos != "v" or seg.lead or not infos or main.tense == "nonfinite":
        return None
    before = text[seg.body : main.start]
    for t in sent_tx:
        if seg.body <= t.start and t.end <= main.start:
            before = before.replace(t.text, " ")
    if not _NO_SUBJECT.match(before.strip() + " " if before.strip() else ""):
        return None
    prev = infos[-1]
    if prev.main is None or prev.main.trigger.pos != "n" or prev.seg.lead \
            or prev.main.role != "main":
        return None
    opener = re.match(r"\W*([\w’'-]+)", text[prev.seg.body : prev.main.start])
    if opener is not None and (opener.group(1).lower().endswith("ing")
                               or opener.group(1).lower() in _ASIDE_OPENERS):
        # "Columbia, reeling from ... the recent collapse of the junk-bond market, announced":
        # the noun is inside an aside, not the subject of the verb after it
        return None
    return prev.main


def _objects(text: str, seg: Segment, cands: list[_Cand], main: Mention, si: int, lex: Lexicon,
             quotes: Quotes, out: list[Mention]) -> None:
    """ "set up a committee to investigate the killings": the killings came first."""
    for c in cands:
        if c.trig.pos != "n" or c.start == main.start:
            continue
        before = text[max(seg.body, c.start - 60) : c.start].lower()
        words = re.findall(r"[\w’'-]+", before)
        tail = " ".join(words[-4:])
        for verb in lex.lists["after_object"]:
            if c.start < main.start and not verb.startswith("suspect"):
                continue  # before the verb only "suspects in the bombing were handed over"
            if re.search(r"\b" + re.escape(verb) + r"\b(?:\s+\w+){0,2}$", tail) and re.search(
                r"\b(?:the|these|those|this|its|their)\b", tail
            ):
                obj = _new_mention(out, si, seg, c, None, "object", text, lex, quotes)
                obj.definite = True
                obj.evidence = [(c.start, c.end)]
                main.rels.append(Relation("after", "", obj, verb))
                return


_PARTICIPLE = re.compile(r"\s+(?:\w+ed|held|made|won|lost|built|led|struck|taken|given|seen|set)\b"
                         r"(?:\s+[\w’'.-]+){0,5}")
#: "the August 7 bombings", "Sunday's vote"
_PRE_TIME = re.compile(r"^\s*(?:[’']s\s+)?(?:(?!(?:of|and|or|to|in|on|at|for|with|by|from|the|an?)"
                       r"\s)[\w-]+\s+)?$", re.IGNORECASE)  # not "convicted Tuesday of murder"
#: a noun's schedule: "a summit set for Washington in April", "talks scheduled for Monday"
_SET_FOR = re.compile(r"\s+(?:set|scheduled|planned|slated|due|expected)\s+(?:for|to\s+\w+|on|in)"
                      r"\b[^.,;:]{0,40}$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s\s+")
#: a period used as an adjective ("third-quarter results"): it says which figures
_ADJECTIVAL_PERIOD = re.compile(r"[\w]+-(?:quarter|half|year|month)", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+[a-z]")
#: a cause named after the clause: "due to its", "because of a", "reflecting the"
_CAUSE_BEFORE = re.compile(r"\b(?:due\s+to|because\s+of|reflecting|citing|owing\s+to|"
                           r"as\s+a\s+result\s+of)\s+(?:its|their|the|a|an|his|her)?\s*$",
                           re.IGNORECASE)
#: a noun the clause happens at ("at a news conference", "during his visit") shares its time
_SETTING = re.compile(r"\b(?:at|during)\s+(?:(?:a|an|the|his|her|its|their)\s+)?"
                      r"(?:[\w.’'-]+\s+){0,3}$", re.IGNORECASE)
#: at most four words between a possessive time and its noun ("last year's deadly U.S. Embassy")
_POSSESSED = re.compile(r"(?:[\w.’'-]+\s+){0,4}")
_POST_TIME = re.compile(r"^\s+(?:(?:on|in|of|last|this|early|late|since|from)\s+){0,2}$",
                        re.IGNORECASE)


#: time expressions a present perfect can take ("has risen this year", "since May")
_PERFECT_OK = re.compile(r"\b(?:since|this|these|recent|recently|past|so far|now|already|yet|"
                         r"ever|lately|for)\b", re.IGNORECASE)


def _dated_nouns(text: str, seg: Segment, cands: list[_Cand], main: _Cand, info: _SegInfo,
                 si: int, dct: date | None, lex: Lexicon, quotes: Quotes,
                 out: list[Mention]) -> list[Timex]:
    """ "said Friday that ... the August 7 bombings": a noun with its own date is its own event.

    Returns the segment's time expressions that are left for the clause's main event."""
    left: list[Timex] = []
    clause = info.main
    possessed: set[int] = set()  # nouns dated by a possessive time ("Wednesday's ruling")
    for tx in sorted(info.timexes, key=lambda t: t.start):
        if clause is not None and _reduced_relative(text, seg, cands, main, clause, tx, si, dct,
                                                    lex, quotes, out):
            continue
        if _COMPARED.search(text, max(0, tx.start - 80), tx.start):
            left.append(tx)  # "grew 19% from a year ago": a comparison's base dates nothing
            continue
        if _ADJECTIVAL_PERIOD.fullmatch(tx.text) and _NOUN_NEXT.match(text, tx.end) and any(
                t is not tx and not _ADJECTIVAL_PERIOD.fullmatch(t.text) for t in info.timexes):
            continue  # "to release third-quarter results in mid-November": which results
        if _ADJECTIVAL_PERIOD.fullmatch(tx.text) and _CAUSE_BEFORE.search(
                text, max(seg.body, tx.start - 30), tx.start):
            continue  # "cut the dividend due to its third-quarter loss": the cause's period

        owner = None
        own_phrase = False  # the dated noun is a noun phrase of its own in the subject
        later = bool(tx.window and dct and tx.window[0] > dct and not quotes.inside(tx.start)) \
            and not (_told_in_past(clause) and _yearless_later(
                tx.text, tx.window, dct, text[max(0, tx.start - 40) : tx.start]))
        definite_past = bool(
            clause is not None and clause.tense == "perfect" and tx.window and dct
            and tx.window[1] < dct and tx.start > clause.end
            and not _PERFECT_OK.search(tx.text) and not quotes.inside(tx.start))
        if (later or definite_past) and clause is not None and clause.trigger.pos == "v" \
                and clause.tense in ("past", "perfect", "pluperfect"):
            # "has decided to admit them in early March": the date is the complement's
            comp = [c for c in cands if c.start > main.end and c.start < tx.start and c is not main
                    and (c.trig.pos == "n" or c.tense in ("irrealis", "nonfinite", "future"))
                    and c.start not in possessed]  # "Wednesday's ruling ... by Jan. 14"
            subject = [c for c in cands if c.end <= main.start and c.trig.pos == "n"]
            due = _DUE.search(text, 0, tx.start)
            if comp and due is not None and due.start() > comp[-1].end + 1:
                clause.opaque_time = True  # "debentures due Oct. 15, 1999": a maturity
                continue
            if comp and _GOAL.search(text, comp[-1].end, tx.start):
                clause.opaque_time = True  # "to hold to its goal of a 50% share by 1995"
                continue
            if comp:
                owner = comp[-1]
            elif later and subject and _SCHEDULED.search(text[subject[-1].end : tx.start]):
                owner = subject[-1]  # "the accession was planned for early March"
            elif later and subject and re.fullmatch(r"\s+(?:on|in|of)\s+",
                                                    text[subject[-1].end : tx.start]):
                owner = subject[-1]  # "Campaigning for the election on 8 June has been ..."
                own_phrase = True
            else:
                clause.opaque_time = True
                continue  # a later date cannot be a past event's: leave it out
        told = False
        possessive = _POSSESSIVE.match(text, tx.end)
        by_possessive = bool(possessive) and owner is None
        if possessive and owner is None:
            # "last year's deadly embassy blasts": the time is the noun's, not the clause's
            # (the word after a possessive is a noun, whatever else it can be: "ruling")
            owner = next((c for c in cands if c is not main and c.start >= possessive.end()
                          and _POSSESSED.fullmatch(text, possessive.end(), c.start)), None)
            if owner is not None:
                possessed.add(owner.start)
        second = False
        for c in ([] if owner else cands):
            if c is main or c.trig.pos != "n" or _SETTING.search(text, seg.start, c.start):
                continue  # "welcomed the figures at a news conference Friday": the clause's time
            if c.trig.cls == "meeting" and clause is not None and clause.category == "reporting" \
                    and c.start > clause.end:
                continue  # "Bush told a news conference on Tuesday": where he told it
            if c.trig.cls == "results" and main.trig.pos == "v":
                # "reported a decline in fourth-quarter earnings", "third-quarter net income
                # fell 22%": the results and the clause are one report
                continue
            if tx.end <= c.start and _PRE_TIME.match(text[tx.end : c.start]):
                owner = c  # premodifier: "the August 7 bombings"
            elif c.end <= tx.start and _SET_FOR.match(text, c.end, tx.start):
                owner = c  # "a summit set for Washington in April"
            elif c.end <= tx.start and _POST_TIME.match(text[c.end : tx.start]) and clause and (
                clause.category == "reporting" or clause.tense in ("present", "perfect")
                or (clause.tense == "past" and tx.window and dct and tx.window[0] > dct)
                or (clause.future and c.start > clause.end and not text[c.end : tx.start].strip())
            ):
                # "said the vote in June would ...", "may not meet the criteria effective Dec. 7"
                owner = c
            if owner:
                break
        if owner is None and not possessive and clause is not None and tx.window is not None \
                and dct is not None and not quotes.inside(tx.start):
            # "rejected objections Friday ... suspected of blowing up a jet in 1988": a
            # second time the first contradicts belongs to the event told between them
            clash = [t for t in left if t.window is not None and (
                t.window[1] < tx.window[0] or tx.window[1] < t.window[0])]
            if clash:
                floor = max(max(t.end for t in clash), clause.end)
                between = [c for c in cands if c is not main and floor <= c.start
                           and c.end <= tx.start]
                if between:
                    owner, second = between[-1], True
        if owner is None and clause is not None and clause.category == "reporting" \
                and clause.trigger.pos == "v" and tx.start > clause.end \
                and not quotes.inside(tx.start):
            # "The FBI says it received 8,000 reports last year": the time is the reported
            # event's, not the telling's
            opener = next((w for w in re.finditer(r"[\w’'-]+|--", text[clause.end : tx.start])
                           if w.group(0).lower() in _COMPLEMENT), None)
            if opener is not None:
                floor = clause.end + opener.end()
                comp = [c for c in cands if c is not main and c.start >= floor
                        and c.trig.cls != "results"]  # "expects to report net income"
                before_tx = [c for c in comp if c.end <= tx.start]
                pick = before_tx[-1] if before_tx else next(
                    (c for c in comp if c.start >= tx.end and c.trig.pos == "v"), None)
                if pick is not None:
                    owner, told = pick, True
        if owner is None and tx.text.lower() in ("recent", "latest") \
                and _ATTRIBUTIVE_TIME.search(text, max(0, tx.start - 12), tx.start) \
                and not (main.trig.pos == "n" and main.start >= tx.end
                         and _PRE_TIME.match(text[tx.end : main.start])):
            continue  # "according to a recent SEC filing": which filing, not the clause's time
        if owner is None:
            left.append(tx)
            continue
        m = _new_mention(out, si, seg, owner, None, "nominal", text, lex, quotes)
        if by_possessive:
            m.tense = "noun"
        elif second and owner.trig.pos == "v":
            m.tense = "past" if tx.window is not None and dct is not None \
                and tx.window[1] <= dct else "future"
            m.label_start = owner.start  # "blowing up a jet over Scotland", not the clause
        elif owner.trig.pos == "v":
            m.tense = "future"
            if told and tx.window is not None and dct is not None and tx.window[1] <= dct:
                m.tense = "past"
        end = max(owner.end, tx.end)
        modifier = _PARTICIPLE.match(text, end, seg.end)  # "the Feb. 23 accord signed by ..."
        m.evidence = [(min(owner.start, tx.start), modifier.end() if modifier else end)]
        # a dated noun in the subject is its own noun phrase ("the general election on 8 June"),
        # not the clause's predicate
        m.label_end = end if own_phrase else seg.end
        _add_timex(m, tx, dct, lex, quotes)
        if _told_in_past(clause) and owner.trig.pos == "n" and tx.end <= owner.start:
            # "The August 7 embassy bombings killed 200" (published in April): last August
            before = text[max(0, tx.start - 16) : tx.start]
            m.own = [_past_reading(c, dct, before) for c in m.own]
        if clause is not None and owner.start > clause.end:
            # the clause's own evidence stops where the dated noun phrase begins
            np_start = min(owner.start, tx.start)
            head = text[max(seg.body, np_start - 40) : np_start]
            det = _DETERMINED.search(head)
            if det:
                np_start -= len(head) - det.start()
            s0, e0 = clause.evidence[0]
            if s0 < np_start < e0:
                clause.evidence[0] = (s0, np_start)
    return left


#: "the injunction issued Thursday", "a bid launched last week": a past participle after a
#: noun, right before a time, is a reduced relative clause: the time is the participle's
_REDUCED = re.compile(
    r"\b(?P<noun>[\w’'-]+)\s+(?P<part>[a-z]{3,}ed|held|made|won|lost|built|struck|taken|"
    r"given|seen|sold|bought|signed|brought|begun|sent|shot|hit|caught|found|paid|set)"
    r"\s+(?:(?:on|in|at|during|since|early|late|earlier|later)\s+){0,2}$")
_REDUCED_AT = re.compile(r"\b(?P<noun>[\w’'-]+)\s+(?P<part>[\w’'-]+)$")
_NOT_RELATIVE_HEAD = {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had",
                      "and", "or", "but", "not", "n't", "who", "which", "that", "it", "he", "she",
                      "they", "we", "i", "you", "also", "then", "just", "recently", "never",
                      "to", "get", "got", "gets", "getting", "as", "so"}


#: words that may follow a passive participle (it takes no object): "issued on Monday",
#: "launched last week", "sent by the government"
_AFTER_PASSIVE = {"on", "in", "at", "by", "last", "this", "during", "early", "late", "earlier",
                  "later", "from", "for", "with", "after", "before", "since", "yesterday",
                  "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                  "sunday", "january", "february", "march", "april", "may", "june", "july",
                  "august", "september", "october", "november", "december", "jan", "feb", "mar",
                  "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec", "under",
                  "near", "against", "over"}


#: words before a noun phrase that leave it the subject of its own clause
_CLAUSE_OPENERS = {"and", "or", "but", "that", "which", "who", "when", "while", "because", "as",
                   "since", "after", "before", "if", "where", "then", "said", "says", "say"}


_PERIOD_ENDED = re.compile(r"\b(?:quarter|year|months?|weeks?|period|half)\s+(?:ended|ending)"
                           r"\s+(?:on\s+)?$", re.IGNORECASE)
_PERIOD_SPAN = re.compile(
    r"\b(?:(?P<q>quarter|three\s+months|3\s+months)|(?P<h>half|six\s+months|6\s+months)|"
    r"(?P<n>nine\s+months|9\s+months)|(?P<y>year|12\s+months|twelve\s+months))\s+"
    r"(?:ended|ending)\s+(?:on\s+)?$", re.IGNORECASE)


def _ended_period(text: str, tx: Timex, dct: date | None, target: Mention) -> Constraint | None:
    """ "posted net income for the six months ended Aug. 12": the six months up to Aug. 12,
    and, for a past clause, up to publication (results are reported after the period)."""
    m = _PERIOD_SPAN.search(text, max(0, tx.start - 40), tx.start)
    if m is None or tx.window is None or tx.window[0] != tx.window[1] or tx.type != "DATE":
        return None
    end = tx.window[1]
    if dct is not None and end > dct and "ended" in m.group(0).lower():
        # "the fiscal year ended Jan. 31" has ended: the last Jan. 31, not the next one
        end = _shift(end, months=-12)
        if end > dct:
            return None
    months = 3 if m.group("q") else 6 if m.group("h") else 9 if m.group("n") else 12
    start = _shift(end, months=-months, days=1)  # Sept. 30 -> July 1; Aug. 12 -> Feb. 13
    hi = end
    if dct is not None and end <= dct and target.tense in ("past", "perfect", "noun"):
        hi = dct
    return Constraint(start, hi, 0.85, text[m.start() : tx.end], "vague", "explicit", tx.start)


#: the nouns whose "ended" names a period's end: "the quarter ended", "nine months ended"
_PERIOD_NOUN = r"^(?:quarter|year|years|months?|weeks?|period|half|fiscal|fiscal-)$"
#: participles that name a period, not a happening ("the quarter ended Sept. 30")
_PERIOD_PARTICIPLES = {"ended", "ending", "begun", "beginning", "started", "closed", "set"}
_FINITE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|"
                            r"do|does|did|to|may|might|must|should)\b", re.IGNORECASE)
_NP_DET = re.compile(r"\b(?:the|a|an|this|these|its|their|his|her)\s+", re.IGNORECASE)


def _noun_phrase_start(text: str, floor: int, noun_at: int) -> int | None:
    """Where the noun phrase ending in the word at ``noun_at`` starts: its nearest determiner
    at most three words back ("the temporary injunction"), else None."""
    head = text[max(floor, noun_at - 40) : noun_at]
    dets = list(_NP_DET.finditer(head))
    if not dets:
        return None
    words = re.findall(r"[\w’'.-]+", head[dets[-1].end() :])
    if len(words) > 3 or any(w.lower() in _CLAUSE_OPENERS for w in words):
        return None
    return noun_at - (len(head) - dets[-1].start())


def _plausible_relative(noun: str, part: str) -> bool:
    noun, part = noun.lower(), part.lower()
    return not (noun in _NOT_RELATIVE_HEAD or noun.endswith(("ly", "ing")) or noun.isdigit()
                or part in _PERIOD_PARTICIPLES or part.startswith("un"))


def _relative_head(text: str, seg: Segment, m: Mention, timexes: list[Timex]) -> int | None:
    """ "The department wants the court to suspend the injunction issued Thursday": when the
    clause's only event is a participle modifying a noun phrase deep in the clause, the label
    is that noun phrase ("Temporary injunction issued"), not the clause's subject and verb.
    Returns where the noun phrase starts, or None."""
    if m.trigger.pos != "v" or m.tense != "past":
        return None
    if not any(t.start >= m.end and (r := _REDUCED.search(text, seg.body, t.start)) is not None
               and r.start("part") == m.start for t in timexes):
        return None  # the participle has no time of its own: the clause's words say more
    r = _REDUCED_AT.search(text, seg.body, m.end)
    if r is None or r.start("part") != m.start:
        return None
    if not _plausible_relative(r.group("noun"), r.group("part")):
        return None
    nxt = re.match(r"\s*([\w’'-]*)", text[m.end : seg.end])
    after = nxt.group(1).lower() if nxt else ""
    if after and after not in _AFTER_PASSIVE:
        return None  # "supporters of the old regime killed 14 troops": a verb with an object
    np_start = _noun_phrase_start(text, seg.body, r.start("noun"))
    if np_start is None:
        return None
    before = re.findall(r"[\w’'-]+", text[seg.body : np_start].lower())
    if len(before) < 2 or before[-1] in _CLAUSE_OPENERS:
        return None
    if not _FINITE_BEFORE.search(text, seg.body, np_start):
        return None  # "Additional details of the slaying emerged": the clause's own verb
    return np_start


def _reduced_relative(text: str, seg: Segment, cands: list[_Cand], main: _Cand,
                      clause: Mention, tx: Timex, si: int, dct: date | None, lex: Lexicon,
                      quotes: Quotes, out: list[Mention]) -> bool:
    """ "The department wants the court to suspend the injunction issued Thursday": Thursday
    dates the issuing, not the wanting. Makes the participle its own event and returns True
    (the clause does not take the time), or returns False."""
    if clause.category == "reporting" or tx.start <= clause.end:
        return False
    m = _REDUCED.search(text, seg.body, tx.start)
    if m is None or m.start("part") <= clause.end:
        return False
    if not _plausible_relative(m.group("noun"), m.group("part")):
        return False
    start, end = m.start("part"), m.end("part")
    hit = next((c for c in cands if c.start == start and c.trig.pos == "v"), None)
    trig = hit.trig if hit is not None else Trigger(m.group("part"), "v", "other", "-", "past")
    cand = _Cand(start, end, trig, "past", True)
    part = _new_mention(out, si, seg, cand, None, "nominal", text, lex, quotes)
    part.tense = "past"
    np_start = _noun_phrase_start(text, seg.body, m.start("noun"))
    if np_start is None:
        np_start = m.start("noun")
    part.evidence = [(np_start, max(end, tx.end))]
    part.label_start = np_start
    part.label_end = end
    _add_timex(part, tx, dct, lex, quotes)
    s0, e0 = clause.evidence[0]
    if s0 < np_start < e0:
        clause.evidence[0] = (s0, np_start)
    return True


_SCHEDULED = re.compile(
    r"^\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?"
    r"(?:planned|scheduled|set|slated|expected|due|postponed|moved|put off|delayed|rescheduled)"
    r"(?:\s+(?:to\s+\w+|for|until|to|on|in|by))*\s+$", re.IGNORECASE)
_DETERMINED = re.compile(r"\b(?:the|a|an|this|these|its|their|his|her)\s+(?:[\w’'.-]+\s+){0,3}$")


def _add_timex(m: Mention, tx: Timex, dct: date | None, lex: Lexicon, quotes: Quotes) -> None:
    c = timex_constraint(tx, dct, lex, quotes.inside(tx.start) or m.quoted,
                         quotes.text[max(0, tx.start - 16) : tx.start])
    if c is not None:
        m.own.append(c)


def _attach(text: str, infos: list[_SegInfo], dct: date | None, lex: Lexicon,
            quotes: Quotes) -> None:
    """Tie each segment's time expressions and cues to the mention they are about."""
    def prev_main(k: int) -> Mention | None:
        for i in range(k - 1, -1, -1):
            if infos[i].main is not None:
                return infos[i].main
        return None

    def next_main(k: int, plain: bool = False) -> Mention | None:
        for i in range(k + 1, len(infos)):
            if infos[i].main is not None and (not plain or not infos[i].seg.relation):
                return infos[i].main
        return None

    for k, info in enumerate(infos):
        seg, main = info.seg, info.main
        # 1. time expressions of the segment
        if info.timexes:
            target: Mention | None
            if main is not None:
                target = main
            elif seg.lead == "and" and not seg.relation and _OWN_CLAUSE.match(
                    text, seg.body, info.timexes[0].start):
                # "... dispatched agents but there was no word on Tuesday": a clause with its
                # own subject and verb (none an event) keeps its time to itself
                target = None
            elif seg.relation in ("", "since", "after", "before", "until", "during", "when"):
                target = prev_main(k) or next_main(k, plain=True)
            else:
                target = None
            if target is not None:
                for tx in info.timexes:
                    if _COMPARED.search(text, max(0, tx.start - 80), tx.start):
                        continue  # "..., up from 886 million Thursday": a comparison's base
                    if _EFFECTIVE.search(text, max(0, tx.start - 40), tx.start):
                        continue  # "..., payable Dec. 7 to stock of record Nov. 22": terms
                    if main is None and tx.text.lower() in ("recent", "latest") \
                            and _ATTRIBUTIVE_TIME.search(text, max(0, tx.start - 12), tx.start):
                        continue  # "..., according to a recent SEC filing": which filing
                    if _PERIOD_ENDED.search(text, max(0, tx.start - 40), tx.start):
                        # "for the quarter ended Sept. 30": the period's last day, not the
                        # day of what the clause tells; the clause is of the period (its
                        # figures), or reported after it
                        period = _ended_period(text, tx, dct, target)
                        if period is None:
                            target.opaque_time = True
                        else:
                            target.own.append(period)
                        continue
                    if target.category == "reporting" and target.trigger.pos == "v" \
                            and tx.start > target.end and _FORECAST.search(
                                text, target.end, tx.start):
                        continue  # "said sales will rise this year": the forecast's time
                    c = timex_constraint(tx, dct, lex, quotes.inside(tx.start) or target.quoted,
                                         text[max(0, tx.start - 16) : tx.start])
                    if c is not None and _told_in_past(target):
                        c = _past_reading(c, dct, text[max(0, tx.start - 40) : tx.start])
                    if c is not None and main is not None:
                        other = _time_of_other(text, tx, main, lex)
                        if other == "drop" or (other == "after" and (
                                dct is None or c.lo is None or c.lo > dct)):
                            continue
                        if other == "after":
                            # told of, or done because of, something of that time: no earlier
                            # than it, no later than publication
                            c = Constraint(c.lo, dct, c.confidence * STEP_REFERRED, c.text,
                                           "vague", c.kind, c.at)
                    if c is None:
                        if tx.type in ("DATE", "TIME") and _FISCAL.search(
                                text[max(0, tx.start - 8) : tx.start] + " " + tx.text):
                            target.opaque_time = True
                        continue
                    if seg.relation == "until" and main is None and target.negated \
                            and target.start < tx.start and not seg.offset:
                        # "wasn't to begin until 1993", "did not leave until Tuesday": the
                        # negation only rules out an earlier time; it happens then
                        target.negated = False
                        target.not_until = True
                    elif seg.relation and main is None:
                        if seg.relation == "until" and _PROLONG.search(text, target.start,
                                                                       seg.start):
                            # "extended its offer until Nov. 9": the new deadline is the
                            # offer's, not a bound on when the extending happened
                            continue
                        c = _cue_on_time(c, seg.relation)
                    elif main is None and _later_than_past(c, tx, target, dct, quotes) \
                            and (tx.start > target.end
                                 or not re.match(r"\s+to\s", text[target.end : target.end + 4])):
                        continue  # "has decided to admit X, Y and Z in early March"
                    if c is not None:
                        target.own.append(c)
        # 2. "..., when X": X happened at the time just named
        told = infos[k - 1].main if k > 0 else None
        if seg.relation == "when" and main is not None and k > 0 and infos[k - 1].timexes \
                and (told is None or (told.category == "reporting" and all(
                    t.start > told.end for t in infos[k - 1].timexes))):
            # ("said he was in Kansas City in 1968 when troops swept through Prague": the
            # time is the reported moment's, and the "when" clause's)
            for tx in infos[k - 1].timexes:
                if seg.lead.lower() == "as" \
                        and _COMPARED.search(text, max(0, tx.start - 80), tx.start):
                    # "to its lowest level since 1985, as results came in" ("since 1939,
                    # when a quake killed 33,000": "when" tells of that time)
                    continue
                c = timex_constraint(tx, dct, lex, quotes.inside(tx.start) or main.quoted,
                                     text[max(0, tx.start - 16) : tx.start])
                if c is not None:
                    main.own.append(c)
            continue
        # 3. a cue naming an event: the governing clause is placed relative to it
        if seg.relation and main is not None:
            gov = prev_main(k) if k > 0 and prev_main(k) is not None else next_main(k, plain=True)
            if gov is not None and gov is not main:
                gov.rels.append(Relation(seg.relation, seg.offset, main, seg.lead))
                if seg.relation == "when" and not seg.offset:
                    # "killed when a bomb exploded": the same moment, whichever side is dated
                    main.rels.append(Relation("when", "", gov, seg.lead))
                elif seg.relation in _INVERSE and seg.offset and seg.offset[0] == "P":
                    # "seen on Nov. 3, the day before a warrant was issued": issued Nov. 4
                    main.rels.append(Relation(_INVERSE[seg.relation], seg.offset, gov, seg.lead,
                                              inverse=True))
        # 4b. "Bombs exploded on Friday, killing dozens": a participle clause right after its
        # clause tells what that event did, at its time
        if main is not None and k > 0 and not seg.lead and not seg.relation and not info.timexes \
                and main.start == seg.body and _CONSEQUENCE.match(text, main.start) \
                and not info.anaphora:
            gov = infos[k - 1].main
            if gov is not None and main.category != "reporting" \
                    and gov.tense in ("past", "perfect", "present", "noun") \
                    and not gov.quoted and gov.sentence == main.sentence:
                main.rels.append(Relation("when", "", gov, ""))
        # 4. "since then", "two days later": relative to the narrative's previous event
        if info.anaphora:
            rel, offset, cue = info.anaphora
            gov = main or next_main(k) or prev_main(k)
            if cue.lower() == "then" and (
                    main is None or text[seg.body : main.start].count(" ") > 6):
                gov = None  # "Pol Pot, then the group's leader": not a step in the story
            if gov is not None:
                gov.rels.append(Relation(rel, offset or "", None, cue))


#: "effective June 1", "for the full year", "by the mid-1990s": the time a pact takes effect
#: or the period a figure covers, not when the clause's verb happened
_EFFECTIVE = re.compile(r"\b(?:effective|retroactive(?:\s+to)?|valid\s+(?:from|until|through)"
                        r"|maturing|expiring|(?<!is )(?<!are )(?<!be )payable|of\s+record)"
                        r"\s+(?:on\s+|in\s+|from\s+|as\s+of\s+)?$",
                        re.IGNORECASE)  # "a split, payable Dec. 7 to stock of record Nov. 22"
#: a noun of intent: a time after it is the aim's, not any event's
_GOAL = re.compile(r"\b(?:goal|goals|target|targets|aim|objective|objectives|ambition|hope|"
                   r"hopes|deadline|timetable|forecast|projection|outlook)\b", re.IGNORECASE)
#: "the election due this September" dates the election; "debentures due 1999" no event
_DUE = re.compile(r"\bdue\s+(?:on\s+|in\s+|by\s+)?$", re.IGNORECASE)
_PERIOD_FOR = re.compile(r"\b(?:for|by|through|until|in)\s+(?:the\s+)?$", re.IGNORECASE)
#: "as a result of an Aug. 10 agreement", "announcement of a third-quarter loss": a time
#: between a determiner and a noun dates that noun
_DET_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that|these|those|our|your)"
                         r"(?:\s+(?:[a-z]+er|lower|higher|record|new|first|final|latest))?\s+$",
                         re.IGNORECASE)
_ADJ_ONLY = re.compile(r"\s+(?:[a-z]+er\s+)?")
_NOUN_AFTER = re.compile(r"(?:(?<=\d),)?\s+(?P<w>[a-z][a-z-]{2,})\b")
_NOT_NOUN = {"and", "or", "but", "when", "while", "after", "before", "since", "that", "which",
             "who", "as", "at", "in", "on", "of", "for", "to", "from", "by", "with", "was",
             "were", "is", "are", "has", "have", "had", "will", "would", "the", "a", "an",
             "said", "says", "ago", "earlier", "later", "last", "this", "next", "morning",
             "afternoon", "evening", "night", "through", "until", "against", "than", "over",
             "because", "if", "about", "into", "amid", "during", "following", "there", "it"}
#: words that open a reported clause after a verb of saying ("said it continues ...",
#: "said the issues that hurt ... earlier this year")
_COMPLEMENT = {"that", "it", "he", "she", "they", "we", "i", "there", "--", "whether", "if",
               "how", "why", "what"}
#: a time that dates what a clause tells of, not the telling, lowers confidence this much
STEP_REFERRED = 0.8


def _time_of_other(text: str, tx: Timex, main: Mention, lex: Lexicon) -> str:
    """Whether the segment's time expression dates something else than the clause's event:
    "drop" (it says nothing of the event), "after" (the event is no earlier than that time,
    and no later than publication: "said the issues that hurt ... earlier this year"), or ""."""
    before = text[max(0, tx.start - 40) : tx.start]
    if _EFFECTIVE.search(before):
        return "drop"  # "a labor pact effective June 1"
    if _COMPARED.search(text, max(0, tx.start - 80), tx.start):
        return "drop"  # "was at $1.5765 compared with $1.6145 Wednesday": a comparison's base
    if re.search(r"Q\d|H\d", tx.value or "") and main.category == "reporting" \
            and main.tense in ("past", "perfect"):
        # "reported a third-quarter loss": the quarter is the period the figures cover; the
        # report is between its start and publication
        return "after"
    if main.trigger.pos == "v" and tx.end <= main.start and _DET_BEFORE.search(before):
        nxt = _NOUN_AFTER.match(text, tx.end)
        if nxt and nxt.end() <= main.start and nxt.group("w").lower() not in _NOT_NOUN \
                and not nxt.group("w").endswith("ly"):
            return "after"  # "the year-earlier results have been restated"
    if tx.start < main.end or main.trigger.pos != "v":
        return ""
    if _DUE.search(before):
        return "drop"  # "sold notes due 1999": the notes' maturity
    rel = _REDUCED.search(text, main.end, tx.start)
    if rel is not None and rel.start("part") > main.end and main.category != "reporting" \
            and rel.group("noun").lower() not in _NOT_RELATIVE_HEAD \
            and not rel.group("noun").lower().endswith("ly"):
        return "after"  # "within 70 points of its record high set on Aug. 6"
    # the verb itself, or a verb of predicting right before it ("forecast an earnings increase")
    prediction = any(w in lex.lists["prediction"] for w in
                     re.findall(r"[\w’'-]+", text[max(0, main.start - 30) : main.end].lower())[-5:])
    expected_to = main.trigger.pos == "v" and bool(
        re.search(r"\bto\s+$", text[max(0, main.start - 4) : main.start]))
    if prediction and _PERIOD_FOR.search(before) and not expected_to:
        # "forecast an earnings increase for the full year" (but "are expected to join in
        # April": the joining is in April)
        return "drop"
    if _DET_BEFORE.search(before) and not _IN_DET.search(before):
        nxt = _NOUN_AFTER.match(text, tx.end)
        if nxt and nxt.group("w").lower() not in _NOT_NOUN and not nxt.group("w").endswith("ly"):
            return "after"  # "acquired shares as a result of an Aug. 10, 1988 agreement"
            # (but "approved in a 2008 referendum": in it, then)
    if main.category == "reporting" and _ADJ_ONLY.fullmatch(text, main.end, tx.start):
        nxt = _NOUN_AFTER.match(text, tx.end)
        if nxt and nxt.group("w").lower() not in _NOT_NOUN:
            return "after"  # "reported lower third-quarter earnings"
    if main.category == "reporting" or prediction:
        between = re.findall(r"[\w’'-]+|--", text[main.end : tx.start].lower())
        if any(w in _COMPLEMENT for w in between):
            return "after"  # "said it continues to hold ... by the mid-1990s"
    return ""


_FUTURE_COMPLEMENT = re.compile(r"that\s+(?:[\w’'-]+\s+){1,3}(?:will|would|shall)",
                                re.IGNORECASE)


#: a forecast told by a report: "said the business will achieve higher sales this year"
_FORECAST = re.compile(r"\b(?:will|would|could|might|should|expects?|expected|intends?|"
                       r"predicts?)\b", re.IGNORECASE)
#: a comparison's base: "compared with $1.6145 Wednesday", "from $98 million a year ago",
#: "19% from a year ago"
_COMPARED = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bversus|\bvs\.|\bthan|\bfrom\s+(?:\$|US\$|£|€)?\d[\d.,]*)"
    r"(?:[^.;:]|(?<=\d)\.(?=\d)){0,30}$"
    r"|(?:%|\bpercent|\bpoints?)\s+(?:[\w-]+\s+){0,2}from\s+$"  # "grew 19% from a year ago"
    # "to its lowest level since 1985", "the first time since 2001": a record's base
    r"|\b(?:[a-z]{2,}est|most|least|first|worst|best)(?:\s+[\w%’'-]+){0,4}\s+since\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE)
#: a coordinated clause that opens with its own subject and a finite "be"/"have"
_OWN_CLAUSE = re.compile(
    r"(?:there|it|he|she|they|we|i|(?:the|a|an|his|her|their|its|no)\s+[\w’'-]+(?:\s+[\w’'-]+)?)"
    r"\s+(?:was|were|is|are|has|have|had)\b", re.IGNORECASE)


def _later_than_past(c: Constraint, tx: Timex, target: Mention, dct: date | None,
                     quotes: Quotes) -> bool:
    """A date after publication, in a segment without a verb, cannot be a past clause's."""
    return (dct is not None and c.lo is not None and c.lo > dct and not quotes.inside(tx.start)
            and target.trigger.pos == "v" and target.tense in ("past", "perfect", "pluperfect"))


_INVERSE = {"after": "before", "before": "after"}
#: a lowercase participle opening a clause: "killing dozens", "pushing the Dow up"
_CONSEQUENCE = re.compile(r"[a-z]{3,}ing\b")


#: verbs whose "until <date>" is their object's new end: "extended the offer until Nov. 9"
_PROLONG = re.compile(r"\b(?:extend|postpon|delay|defer|adjourn|suspend|prolong)\w*\b",
                      re.IGNORECASE)


def _cue_on_time(c: Constraint, relation: str) -> Constraint | None:
    """ "since December" / "before March" / "after 2020" / "during May" on a clause."""
    if relation in ("since", "after"):
        return Constraint(c.lo, None, c.confidence, c.text, c.precision, c.kind, c.at)
    if relation in ("before", "until"):
        return Constraint(None, c.hi, c.confidence, c.text, c.precision, c.kind, c.at)
    return c
