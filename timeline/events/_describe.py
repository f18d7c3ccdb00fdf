"""What a reader sees of an event: a short label, who took part and where.

Heuristics of English news prose, nothing more: capitalised names, a few role nouns
("supporters of X", "volunteer rescuers"), and the prepositions that introduce places.
"""

from __future__ import annotations

import re

from timeline.events._lexicon import Lexicon
from timeline.events._mentions import Mention
from timeline.events._text import Segment, segments
from timeline.temporal.types import Timex

__all__ = ["label_for", "participants", "resolve_subject_pronoun", "MAX_LABEL"]

MAX_LABEL = 80

_TRAILING_JUNK = re.compile(
    r"(?:\s+(?:of|the|a|an|and|or|but|to|in|on|at|for|with|by|from|that|which|who|as|its|their|"
    r"his|her|into|over|after|before|since|than|while|when|where|because|is|was|were|are|has|have|"
    r"had|be|been|would|will|could|can|not|so|against|about|between|among|under|through|toward|"
    r"towards|via|including|like|other|such|whose|per))+$|[\s,;:–—-]+$",
    re.IGNORECASE,
)
_LEADING_JUNK = re.compile(r"^(?:(?:and|but|then|so|also|however|meanwhile|yet|or|although|"
                           r"though|whereas|even\s+though|that(?=\s+(?:it|he|she|they|we)\b))"
                           r"\b[\s,]*)+", re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|a|an|this|these|those|that)\s+", re.IGNORECASE)
_TIME_PREP = re.compile(r"(?:\b(?:in|on|at|by|during|since|from|until|of|over|for|earlier|later|"
                        r"around|about|a period of days|early|late|mid|ended|ending)[\s-]+)+$",
                        re.IGNORECASE)


_NP_END = re.compile(r"\s(?:to|that|which|who|was|were|is|are|has|have|had|will|would|"
                     r"said|says|might|may|could|can)\s")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|but|in|on|at|to|of|for|with|by|from|after|before|when|while|as|that|"
    r"which|who|was|were|is|are|has|have|had|will|would|said|says)\b)[a-z][\w-]*")


#: what a removed date leaves behind: a possessive, or the rest of "April 24 and 25"
_CUT_TAIL = re.compile(r"([’']s\b)|\s*(?:and|to|-|–)\s*\d{1,2}\b"
                       r"(?!\s*(?:percent|%|people|men|[ap]\.?m\b|:\d))")


#: a time used as an adjective: "fourth-quarter", "first-half", "year-earlier"
_ADJECTIVAL_TIME = re.compile(r"[\w]+-(?:quarter|half|year|month|week|day|earlier|ago)|overnight",
                              re.IGNORECASE)


def _remove_spans(text: str, start: int, end: int, cut: list[tuple[int, int]]) -> str:
    """``text[start:end]`` without the spans in ``cut`` (and the prepositions before them)."""
    parts: list[str] = []
    pos = start
    for a, b in sorted(cut):
        a, b = max(a, start), min(b, end)
        if a >= b or a < pos:
            continue
        if _NOUN_AFTER.match(text, b, end) and (
                re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", text[max(start, a - 8) : a])
                or _ADJECTIVAL_TIME.fullmatch(text, a, b)):
            # "the Oct. 23 slaying", "a decline in fourth-quarter earnings": the date is part
            # of the name of the event
            continue
        piece = text[pos:a]
        tail = _CUT_TAIL.match(text, b, end)
        if tail and tail.group(1):
            # "last month's discovery" -> "the discovery"; "in Sunday's election" keeps its
            # "in": the preposition belongs to the noun, not to the time
            piece += " the "
        else:
            piece = _TIME_PREP.sub("", piece)
        parts.append(piece)
        pos = tail.end() if tail else b
    parts.append(text[pos:end])
    out = "".join(parts)
    out = re.sub(r"\s+([,.;:])", r"\1", out)
    return re.sub(r"\s{2,}", " ", out).strip()


def _balance(label: str) -> str:
    for pair in ("“”", "‘’", "()", "[]"):
        if label.count(pair[0]) != label.count(pair[1]):
            label = label.replace(pair[0], "").replace(pair[1], "") if pair != "‘’" else \
                label.replace("‘", "")
    if label.count('"') % 2:
        label = label.replace('"', "")
    label = label.replace("``", "").replace("''", "")
    return label.strip()


#: "expects to report ...", "agreed to sell ...": what follows "to" is what the label is about
_INTENT_TO = re.compile(r"\b(?:expects?|expected|plans?|planned|intends?|intended|agreed|agrees|"
                        r"decided|wants?|wanted|hopes?|hoped|aims?|seeks?|sought|tries|tried|"
                        r"vowed|promised|threatened|offered|refused|failed|voted|moved|due|"
                        r"owing)\s+to$",
                        re.IGNORECASE)


#: "as many as 1,100": an amount, not a clause
_AS_MANY = re.compile(r"\bas\s+(?:many|much|few|little|long|far|high|low)$", re.IGNORECASE)


def _shorten(label: str, limit: int = MAX_LABEL, keep: int = 0) -> str:
    """``label`` cut to ``limit`` characters at a clause or phrase boundary. ``keep``: where
    the event's verb ends in it; the cut never falls before it, and a long subject loses its
    asides first ("A group led by Giant Group Ltd. and its chairman, Burt Sugarman, said it
    filed ..." keeps "said it filed")."""
    label = label.strip(" ,;:–—-")
    if len(label) > limit and keep > 40:
        head = re.sub(r",[^,]{1,40},\s*", " ", label[:keep])
        if len(head) < keep:
            label = head + label[keep:]
            keep = len(head)
    if len(label) > limit:
        cut = label[: limit + 1]
        # prefer ending before a clause or a prepositional phrase, never inside "X and Y"
        bounds = [m.start() for m in re.finditer(
            r"(?<!\d),(?!\d)|\s(?=(?:which|who|that|while|because|after|before|to|at|in|on|"
            r"for|with|from|during|since|as)\s)", cut)
            if m.start() >= max(35, keep) and not _INTENT_TO.search(cut, 0, m.start() + 3)
            and not _AS_MANY.search(cut, 0, m.start())]
        label = cut[: bounds[-1]] if bounds else cut.rsplit(" ", 1)[0]
        rest = cut[len(label) :].split()
        if rest and rest[0][:1].isupper() and label.split()[-1][:1].isupper():
            # never end inside a name: "a coup against First Prime Minister ..."
            label = re.sub(r"(?:\s+[A-Z][\w’'.-]*)+$", "", label)
        # nor on half of a coordination: "bombed two towns and fired", "Hezbollah and other"
        if not bounds and len(label) > 40:
            label = re.sub(r"\s+(?:and|or|but)\s+[\w’'-]+$", "", label)
    prev = None
    while prev != label:
        prev = label
        label = _TRAILING_JUNK.sub("", label).strip()
    return label[:limit]


#: a phrase that sets the scene, not a subject: "In a related move", "At a news conference"
_PREPOSITION_OPENING = re.compile(r"(?:In|At|On|After|Before|During|With|For|By|Under|Amid|"
                                  r"Despite|Following|Meanwhile|Also|Earlier|Later)\b")


_FINITE = re.compile(r"\s(?:has|have|had|was|were|is|are|will|would|said|says)\b")
#: "Giant Group and its chairman, Burt Sugarman, said": the name is the second subject's
_NP_AND = re.compile(r"\band\s+(?:its|their|his|her|the|a|an)\s")
#: a proper name and nothing else: "GM Hughes Electronics", "General Motors Acceptance Corp."
_NAME_ONLY = re.compile(r"(?:[A-Z][\w&’'.-]*)(?:\s+(?:[A-Z][\w&’'.-]*|of|de|&|and)){0,5}")


def _subject_prefix(text: str, sent_start: int, m: Mention, lex: Lexicon,
                    timex_spans: list[tuple[int, int]]) -> str:
    """ "The minister, a former general, has set up ...": the subject is a segment back."""
    body = text[m.seg_start : m.start]
    coordinated = re.match(r"\s*and\s", body)
    if coordinated:
        body = body[coordinated.end() :]
    relative = re.match(r"\s*(who|which|that)\b", body, re.IGNORECASE)
    if relative:
        body = body[relative.end() :]
    if re.search(r"[A-Za-z]", _AUX_ONLY.sub("", body)):
        return ""
    segs = segments(text, sent_start, m.seg_start, lex) if m.seg_start > sent_start else []
    if relative:
        return _antecedent(text, segs[-1], relative.group(1).lower() == "who") if segs else ""
    if coordinated:
        # "Delta issued shares ..., and repurchased others": the subject of the clause before
        return _clause_subject(text, [g for g in segs if not g.relation and not g.lead], lex)
    plain = [g for g in segs if not g.relation
             and not any(a <= g.body and g.end <= b for a, b in timex_spans)
             and not _PREPOSITION_OPENING.match(text[g.body : g.end])]
    if len(plain) >= 2 and _NAME_ONLY.fullmatch(text[plain[-1].body : plain[-1].end].strip()) \
            and not _NP_AND.search(text, plain[-2].body, plain[-2].end):
        # "GM's electronics unit, GM Hughes Electronics, said ...", "net at GM's finance arm,
        # General Motors Acceptance Corp., fell 3.1%": the name in apposition
        return text[plain[-1].body : plain[-1].end].strip()
    for seg in segs:
        piece = text[seg.body : seg.end]
        if seg.relation or any(a <= seg.body and seg.end <= b for a, b in timex_spans) \
                or _PREPOSITION_OPENING.match(piece):
            continue  # "In January, Al-Hadi, ...", "In a related move, X, ...": keep the name
        quoted = seg.start > 0 and text[seg.start - 1] in "“\"`'‘"
        if 0 < len(piece.split()) <= 5 and piece[:1].isupper() and not quoted:
            return piece
        if 5 < len(piece.split()) <= 12 and piece[:1].isupper() and not quoted \
                and not _FINITE.search(" " + piece) and seg is plain[0] and len(plain) == 2:
            # "A group of investors led by Giant Group Ltd. and its chairman, Burt Sugarman,
            # said ...": a long subject before an aside (the label is shortened later)
            return piece
        break
    if len(segs) >= 2 and segs[-1].lead in ("who", "which") and not segs[-2].relation:
        # "It was the first time that Ritter, who arrived on Thursday, had been allowed"
        return _antecedent(text, segs[-2], segs[-1].lead == "who")
    return ""


_VERB_START = re.compile(
    r"\s(?:has|have|had|was|were|is|are|will|would|could|did|also|[a-z]+ed|said|says)\b")


def _clause_subject(text: str, segs: list[Segment], lex: Lexicon) -> str:
    """The words before the verb of the last plain clause, when they look like a subject."""
    if not segs:
        return ""
    piece = text[segs[-1].body : segs[-1].end]
    verb = _VERB_START.search(" " + piece)
    trig = lex.regex.search(piece)
    at = min(x for x in (verb.start() if verb else None, trig.start() if trig else None)
             if x is not None) if (verb or trig) else -1
    subject = piece[:at].strip() if at > 0 else ""
    words = subject.split()
    if not 1 <= len(words) <= 6 or words[-1].lower() in _NOT_SUBJECT_END or not (
            words[0][:1].isupper() or words[0].lower() in ("the", "a", "an", "its", "their")):
        return ""
    return subject


_NOT_SUBJECT_END = {"the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from",
                    "and", "or", "that", "which", "who", "it", "there"}
_RELATIVE = re.compile(r"^(?:who|which|that)\s+", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:is|was|are|were|has|have|had)\b")
_AUX_TAIL = re.compile(r"\b(?:is|was|are|were|has|have|had)(?:\s+(?:been|\w+ly|not|also))*\s+$")


def _closed_relative(text: str, m: Mention, seg: Segment | None, sent_start: int,
                     lex: Lexicon) -> tuple[int, str] | None:
    """ "A foe who is the subject of a manhunt was charged": the relative clause ends without a
    comma; the event is the antecedent's ("A foe was charged"). (label start, subject) or None."""
    if seg is None or seg.lead not in ("who", "which"):
        return None
    before = text[seg.body : m.start]
    aux = _AUX_TAIL.search(before)
    if aux is None or not _FINITE.search(before[: aux.start()]):
        return None
    segs = segments(text, sent_start, seg.start, lex) if seg.start > sent_start else []
    if not segs or segs[-1].relation:
        return None
    subject = _antecedent(text, segs[-1], seg.lead == "who")
    return (seg.body + aux.start(), subject) if subject else None
_INVERTED = re.compile(r"^(?P<verb>said|says|added|told|asked|wrote)\s+"
                       r"(?P<who>(?:[A-Z][\w’'.-]*\s*){1,4})(?=$|,)")
_NP_TAIL = re.compile(
    r"(?:\b(?i:the|a|an|this|these|its|their|his|her)\s+(?:[\w’'.-]+\s+){0,4}[\w’'.-]+"
    r"|(?:[A-Z][\w’'.-]*\s+){1,3}[a-z][\w’'-]*"
    r"|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)$"
)


def _antecedent(text: str, seg: Segment, person: bool) -> str:
    """ "James A. Taylor, who stepped down": the noun phrase a relative clause is about."""
    piece = text[seg.body : seg.end].rstrip(" ,")
    name = _NAME_TAIL.search(piece)
    if person and name and not re.fullmatch(r"(?:The|A|An|It|This)", name.group(0)) \
            and not _DEMONYM.match(name.group(0).split()[0]):
        return name.group(0)  # "the first time that Ritter, who arrived": Ritter
    m = _NP_TAIL.search(piece)
    if not m:
        return ""
    np = m.group(0)
    plural = re.match(r"\s*(?:who|which)\s+(?:were|are|have)\b", text[seg.end : seg.end + 30])
    both = re.search(r"(?:\b[\w’'-]+\s+){1,2}and\s+$", piece[: m.start()])
    if plural and both and not re.match(r"\s*(?:\w+ed|said|says)\b", both.group(0)):
        joined = both.group(0) + np  # "five Iraqis and a Libyan who were questioned"
        return joined if len(joined.split()) <= 7 else ""
    if person and not (np[:1].isupper() or _DETERMINER.match(np)):
        return ""
    return np if len(np.split()) <= 6 else ""


_NAME_TAIL = re.compile(r"(?<![\w’'.-])(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*$")


_AUX_ONLY = re.compile(
    r"\b(?:has|have|had|was|were|is|are|will|would|also|then|later|been|be|not|n't|reportedly|"
    r"allegedly|quickly|already|just|\w+ly|"
    # "is scheduled to expire": after a finite verb only ("bid, due to expire": a modifier)
    r"(?:(?<=(?:has|was|are|een|ere) )|(?<=\bis ))(?:(?:scheduled|set|due|expected|slated) )?to)\b",
    re.IGNORECASE,
)


def label_for(text: str, m: Mention, sent_start: int, timexes: list[Timex], lex: Lexicon,
              seg: Segment | None = None) -> str:
    """A headline-style label for mention ``m``: who did what, at most 80 characters."""
    # dates leave the label (the table has them); amounts of time are part of what happened
    cut = [(t.start, t.end) for t in timexes
           if m.seg_start <= t.start < m.label_end and t.type in ("DATE", "TIME")]
    if m.label_start >= 0:  # a reduced relative: "the temporary injunction issued"
        label = _DETERMINER.sub("", _remove_spans(text, m.label_start, m.label_end, cut))
    elif m.trigger.pos == "n" or m.role != "main":
        start = m.start
        before = text[max(m.seg_start, m.start - 40) : m.start]
        det = re.search(r"\b(?:the|a|an|this|these|their|its|his|her)\s+"
                        r"(?:(?!(?:the|a|an|this|these)\b)[\w’'.-]+\s+){0,3}$",
                        before, re.IGNORECASE)  # the nearest: "this time [a bomb]"
        if det is None and m.role == "nominal" and m.trigger.pos == "n" and \
                any(not text[m.end : a].strip() for a, _b in cut):
            # "the new government capital criteria effective Dec. 7": the date names it
            before = text[max(m.seg_start, m.start - 60) : m.start]
            det = re.search(r"\b(?:the|a|an|this|these|their|its|his|her)\s+"
                            r"(?:[\w’'.-]+\s+){0,5}$", before, re.IGNORECASE)
            cut = [(a, b) for a, b in cut if text[m.end : a].strip()]
        if det and m.trigger.pos == "n":
            start = m.start - (len(before) - det.start())
        elif m.trigger.pos == "v":
            start = seg.body if seg is not None else m.seg_start
            heads = list(re.finditer(r"\b(?:that|whether)\s+", text[start : m.start]))
            if m.role == "nominal" and heads:
                # "added that final guidelines to be published ...": what is to happen
                start += heads[-1].end()
        label = _remove_spans(text, start, m.label_end, cut)
        label = _DETERMINER.sub("", label)
        if m.trigger.pos == "n" or m.role == "nominal":
            # "the slaying of X to begin ...": the noun phrase, not the rest of the clause
            np_end = _NP_END.search(label, len(text[start : m.end]) - 1 if start <= m.end else 0)
            if np_end and np_end.start() >= 8:
                label = label[: np_end.start()]
    else:
        start = seg.body if seg is not None else m.seg_start
        closed = _closed_relative(text, m, seg, sent_start, lex)
        if closed is not None:
            start = closed[0]
        label = _remove_spans(text, start, m.label_end, cut)
        if closed is not None:
            label = f"{closed[1]} {label}"
        spans = [(t.start, t.end) for t in timexes if sent_start <= t.start < m.seg_start]
        inverted = _INVERTED.match(label)
        if inverted and m.category == "reporting":
            # "said Eitan, the science minister" -> "Eitan said"
            label = f"{inverted.group('who').strip()} {inverted.group('verb')}"
        else:
            prefix = _subject_prefix(text, sent_start, m, lex, spans)
            if prefix and seg is not None and seg.lead in ("who", "which") and closed is None:
                # "An official who saw the confessions was quoted as saying": the relative
                # clause ends where the main clause's verb begins
                said = text[m.start : m.end]
                at = label.find(said)
                nxt = re.compile(r"\s(?:was|were|is|are|has|have|had)\s").search(
                    label, at + len(said)) if at >= 0 else None
                if nxt:
                    label = label[: nxt.start()]
            if prefix:
                label = f"{prefix} {_RELATIVE.sub('', label)}"
    label = _LEADING_JUNK.sub("", label)
    if m.category == "reporting" and m.trigger.pos == "v":
        # "The FBI said that a suspect who ...": the saying is the event; its content is not
        said = text[m.start : m.end]
        at = label.find(said)
        that = re.search(r"\s(?:that|whether|if)\s", label[at + len(said) :]) if at >= 0 else None
        stop = re.search(r"\s(?:" + "|".join(sorted(lex.lists["label_stop"])) + r")\s", label)
        content = label[at + len(said) + that.end() :].split() if that else []
        if that and at + len(said) + that.start() >= 12 and (
                len(label) > MAX_LABEL or stop or len(content) < 4):
            label = label[: at + len(said) + that.start()]
    stop = re.search(r"\s(?:" + "|".join(sorted(lex.lists["label_stop"])) + r")\s", label)
    if stop and stop.start() > 15:
        label = label[: stop.start()]
    trigger = text[m.start : m.end]
    at = label.find(trigger) if m.trigger.pos == "v" else -1
    label = _balance(_shorten(_balance(label), keep=at + len(trigger) if at > 0 else 0))
    if len(label.split()) < 2:
        # "Ended": without its time the clause says nothing; keep the words as written
        whole = _balance(_shorten(_LEADING_JUNK.sub("", text[m.seg_start : m.label_end])))
        if len(whole.split()) > len(label.split()):
            label = whole
    if not label:
        label = text[m.start : m.end]
    return label[:1].upper() + label[1:]


# ------------------------------------------------------------------ actors and places --

_NAME_SEQ = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w’'.-]*|al-[A-Z][\w’'-]*)"
    r"(?:\s+(?:(?:of|de|del|bin|van|von|es|el|al|la|da|du|le)\s+)?(?:[A-Z][\w’'.-]*|al-[A-Z][\w’'-]*))*"
)
_TITLES = {"President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Gen", "General", "King",
           "Queen", "Pope", "Sen", "Senator", "Gov", "Governor", "Interim", "Former", "Chief",
           "Secretary", "Foreign", "Defence", "Defense", "Interior", "Colonel", "Col", "Lt",
           "Captain", "Judge", "Justice", "Rep", "Representative", "Mayor", "Sheikh", "Prince",
           "Crown", "Vice", "Deputy", "Acting", "Treasurer", "Attorney", "Environment"}
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ite|ic)$")


def _clean_name(name: str, not_name: set[str]) -> str:
    words = name.split()
    while len(words) > 1 and (words[0] in not_name or words[0].rstrip(".") in _TITLES
                              or (_DEMONYM.match(words[0]) and words[1] in _TITLES)):
        words = words[1:]
    while words and (words[-1] in ("and", "of", "de", "bin", "es", "el", "al", "la")
                     or words[-1].rstrip(".") in not_name):
        words = words[:-1]
    if len(words) == 1 and (words[0] in not_name or words[0] in _TITLES):
        return ""
    out = " ".join(words)
    out = re.sub(r"[’']s$", "", out)
    if not re.search(r"(?:\b[A-Z]\.)+$", out):  # keep "U.S.", drop a full stop
        out = out.rstrip(".")
    if re.search(r"-(?:based|led|backed|born|owned|run)$", out):
        return ""
    return out


def mid_sentence_words(text: str) -> set[str]:
    """Capitalised words seen after a lower-case word: names, not sentence openers."""
    return set(re.findall(r"(?<=[a-z,] )([A-Z][\w’'-]+)", text))


def participants(text: str, start: int, end: int, trig_start: int, lex: Lexicon,
                 names: set[str] | None = None) -> tuple[list[str], list[str]]:
    """(actors, places) named in ``text[start:end]``; ``trig_start`` splits subject from the rest.

    ``names`` (see :func:`mid_sentence_words`) tells a one-word name ("Citadel posted ...")
    from a capitalised sentence opener ("Sales were ...")."""
    not_name = lex.lists["not_name"]
    actors: list[str] = []
    places: list[str] = []
    piece = text[start:end]
    last_place_end = -1
    for m in _NAME_SEQ.finditer(piece):
        raw = m.group(0)
        name = _clean_name(raw, not_name)
        if len(name) < 2 or not re.search(r"[a-z]", name) and len(name) > 6:
            continue
        if names is not None and " " not in name and name not in names and "-" not in name \
                and not re.search(r"[A-Z]{2}|\.", name):
            continue  # a capitalised opener seen nowhere else capitalised: not a name
        after = piece[m.end() : m.end() + 20]
        nxt = re.match(r"\s+([a-z][\w-]*)", after)
        if " " not in name and _DEMONYM.match(name) and nxt and nxt.group(1) not in _FUNCTION:
            continue  # "Syrian security forces": an adjective
        before = piece[max(0, m.start() - 40) : m.start()].lower()
        words = re.findall(r"[\w’'-]+|,", before)
        listed = bool(words) and words[-1] in ("and", "or", ",") and last_place_end >= 0 \
            and not re.search(r"[a-z]{3,}", piece[last_place_end : m.start()].replace("and", "")
                              .replace("or", ""))
        is_place = bool(words) and (
            listed or words[-1] in lex.lists["place_prep"]
            or (len(words) >= 2 and words[-1] == "of" and words[-2] in lex.lists["place_noun"])
            or (len(words) >= 2 and words[-1] == "," and words[-2] in lex.lists["place_noun"])
        )
        if is_place:
            last_place_end = m.end()
            if name not in places:
                places.append(name)
        elif name not in actors:
            actors.append(name)
    roles = _role_phrases(text, start, trig_start, lex)
    for r in roles:
        actors = [a for a in actors if a not in r]
        if r not in actors:
            actors.insert(0, r)
    actors = [a for a in actors if a not in places]
    actors = [a for a in actors if not any(a != b and a in b for b in actors)]
    places = [p for p in places if not any(p != b and p in b for b in places)]
    return actors[:5], places[:5]


_FUNCTION = {"and", "or", "but", "in", "on", "at", "to", "of", "for", "with", "from", "by", "was",
             "were", "is", "are", "has", "have", "had", "said", "says", "will", "would", "as",
             "after", "before", "since", "when", "where", "which", "who", "that", "than"}
_NOT_MODIFIER = {"the", "a", "an", "of", "and", "by", "for", "to", "in", "his", "her", "their",
                 "its", "our", "most", "some", "many", "those", "these", "that", "this", "which",
                 "who", "when", "where", "as", "at", "on", "with", "from", "all", "both", "other",
                 "said", "told", "including", "than", "been", "were", "was", "had", "has", "have"}


def _role_phrases(text: str, start: int, end: int, lex: Lexicon) -> list[str]:
    out = []
    piece = text[start:end]
    roles = sorted(lex.lists["role"], key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(r) for r in roles) + r")(?![\w-])",
                    re.IGNORECASE)
    for m in rx.finditer(piece):
        pre = re.findall(r"[A-Za-z][\w’'-]*", piece[: m.start()])[-2:]
        mods: list[str] = []
        for w in reversed(pre):
            if w.lower() in _NOT_MODIFIER or w.lower() in lex.cues or w[0].isupper() \
                    or not w.isalpha() or w.lower().endswith("ed"):
                break
            mods.insert(0, w)
        phrase = " ".join([*mods, m.group(0).lower() if m.start() == 0 else m.group(0)])
        if m.group(0)[:1].isupper() and m.start() > 0:
            continue  # "Interior Ministry", "Security Council": part of a name
        tail = re.match(r"\s+of\s+((?:[A-Z][\w’'-]+\s?){1,3})", piece[m.end() :])
        if tail:
            phrase += " of " + _clean_name(tail.group(1).strip(), lex.lists["not_name"])
        out.append(phrase)
    return out[:2]


# ------------------------------------------------------------------ subject pronouns --

_SUBJECT_PRONOUN = re.compile(r"^(He|She|They|It)\s+(?=[a-z])")
#: words that make a capitalised name an organisation or a place, not a person
_NOT_PERSON = {"Department", "Council", "Police", "Ministry", "Party", "Office", "Court", "Union",
               "Government", "Bank", "Corp", "Inc", "Co", "News", "Press", "Times", "Post",
               "Association", "Committee", "Force", "Army", "Agency", "University", "Airlines",
               "House", "Senate", "Congress", "Parliament", "Organization", "Organisation",
               "Movement", "Front", "Group", "Nations", "States", "Republic", "Kingdom", "City",
               "County", "Province", "Street", "Airport", "Embassy", "Service", "Bureau",
               "Network", "Radio", "Television", "Company", "Board", "Commission",
               "Cabinet", "Assembly", "Federation", "Institute", "Center", "Centre", "Church",
               "Jihad", "Brigade", "Brigades", "Guard", "Navy", "Command", "Forces", "Sea",
               "River", "Island", "Islands", "Mountains", "Coast", "Gulf", "Ocean", "Club"}
_PERSON_TITLE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Gov|Rep|Col|Lt|Capt|Sgt|Prof)\.?|\b(?:President|Minister|"
    r"Secretary|Senator|Governor|Judge|Justice|Mayor|General|Colonel|Captain|Sheikh|Prince|King|"
    r"Queen|Pope|director|spokesman|spokeswoman|leader|commander|official|chief|minister|"
    r"president|prosecutor|lawyer|judge|secretary|ambassador|envoy|premier))\s+$")
#: how far back a pronoun may look for its name (about two or three sentences)
PRONOUN_LOOKBACK = 600
#: how far back a surname alone counts as "named before" (keeps long texts linear)
SURNAME_LOOKBACK = 3000


def _person_names(text: str, start: int, end: int, lex: Lexicon,
                  names: set[str] | None) -> list[tuple[int, str]]:
    """(position, name) of the people named in ``text[start:end]``, in text order."""
    not_name = lex.lists["not_name"]
    out: list[tuple[int, str]] = []
    for m in _NAME_SEQ.finditer(text, start, end):
        raw = m.group(0)
        words = raw.replace("’s", "").replace("'s", "").split()
        if any(w.rstrip(".,") in _NOT_PERSON for w in words):
            continue
        name = _clean_name(raw, not_name)
        before = text[max(0, m.start() - 30) : m.start()]
        prev = re.findall(r"[\w’'-]+", before.lower())
        if not name or (prev and prev[-1] in lex.lists["place_prep"]) \
                or re.search(r",\s*(?:\d+,\s*)?(?:of|from)\s+$", before) \
                or re.search(r"[’']s\b", raw) or not re.search(r"[a-z]", name):
            continue  # "Kopp, 44, of St. Albans": a place; "FBI's Buffalo office": not a person
        titled = bool(_PERSON_TITLE.search(before)) or name != raw.strip().rstrip(".,")
        n_words = len(name.split())
        if n_words > 3 or re.search(r"[’']s?$|\d", name) or _DEMONYM.match(name):
            continue
        if n_words == 1 and not titled and not any(
                p.endswith(" " + name) for _, p in out):
            # one word: a person only if titled or the surname of someone named before
            if not re.search(r"(?:[A-Z][\w’'.-]+\s+){1,2}" + re.escape(name) + r"\b",
                             text[max(0, start - 3000) : m.start()]):
                continue
        if n_words >= 2 or titled or names is None or name in names:
            out.append((m.start(), name))
    return out


def _short_person(name: str, text: str, upto: int) -> str:
    """ "Kopp" for "James Charles Kopp" once the article has named him in full."""
    words = name.split()
    seen = text[max(0, upto - SURNAME_LOOKBACK) : upto].replace(name, "")
    if len(words) >= 2 and re.search(r"(?<![\w’'-])" + re.escape(words[-1]) + r"(?![\w’'-])",
                                     seen):
        return words[-1]
    return name


def resolve_subject_pronoun(label: str, text: str, at: int, sent_start: int, prev_start: int,
                            lex: Lexicon, names: set[str] | None = None) -> str:
    """ "He was charged ..." -> "Kopp was charged ...": a subject pronoun becomes the person
    named before it in its sentence, else in the sentence before, when that sentence names
    exactly one person; "They" becomes the group the sentence before opened with; otherwise
    the pronoun is dropped for the verb phrase."""
    m = _SUBJECT_PRONOUN.match(label)
    if not m:
        return label
    pron, rest = m.group(1), label[m.end() :]
    who = ""
    lo = max(0, at - PRONOUN_LOOKBACK)
    if pron in ("He", "She"):
        for a, b in ((sent_start, at), (max(prev_start, lo), sent_start)):
            people = _person_names(text, a, b, lex, names) if a < b else []
            surnames = {p.split()[-1] for _, p in people}
            if len(surnames) == 1:
                full = max((p for _, p in people), key=len)
                who = _short_person(full, text, at)
            if people:
                break  # the nearest sentence that names people decides
        if not who and not people:
            # "A former defence minister was sentenced ... He was arrested": the role
            who = _role_subject(text, max(prev_start, lo), sent_start, lex)
    elif pron == "They":
        who = _group_subject(text, sent_start, at, lex) if at > sent_start else ""
        who = who or _group_subject(text, max(prev_start, lo), sent_start, lex)
    elif _EXPLETIVE.match(rest):
        return label  # "It was not immediately known if ...": no one to name
    elif pron == "It" and at > sent_start:
        # "Salt Lake City-based First Security ... said ... that it hopes to complete": the
        # company the sentence opened with
        opener = _COMPANY_OPENER.match(text, sent_start, at)
        who = opener.group(1) if opener else ""
    out = f"{who} {rest}" if who else _LEADING_JUNK.sub("", rest)
    out = _shorten(out)
    return out[:1].upper() + out[1:]


_EXPLETIVE = re.compile(
    r"(?:is|was|has been|had been|would be|will be)\s+(?:not\s+)?(?:\w+ly\s+)?(?:known|unknown|"
    r"clear|unclear|likely|unlikely|possible|impossible|the first|the second|the last|time|"
    r"expected|believed|thought|said|reported|feared|hoped|understood|estimated|true|false)\b")


def _role_subject(text: str, start: int, end: int, lex: Lexicon) -> str:
    """The one person a sentence opens with by role ("A former defence minister was
    sentenced ..."), as "the former defence minister"; "" when it opens otherwise."""
    roles = "|".join(re.escape(r) for r in sorted(lex.lists["role"], key=len, reverse=True))
    m = re.match(r"\s*(?:a|an)\s+((?:[\w’'.-]+\s+){0,3}?(?:" + roles + r"))\s+"
                 r"(?:was|is|has|had|were)?\s*[a-z]+", text[start:end], re.IGNORECASE)
    if not m or m.group(1).lower().endswith("s") \
            or m.group(1).split()[-1].lower() in _INSTITUTIONS:
        return ""
    return "the " + m.group(1)


#: roles that are no person: "A court found ...", "A police unit ..."
_INSTITUTIONS = {"court", "police", "government", "army", "military", "parliament", "council",
                 "committee", "agency", "ministry", "company", "group", "panel", "jury"}


_COMPANY_OPENER = re.compile(
    r"\s*(?:[\w.’'-]+-based\s+)?((?:[A-Z][\w&.’'-]*)(?:\s+(?:[A-Z][\w&.’'-]*|&)){0,4}?)"
    r"(?:,|\s+(?:said|says|has|had|is|was|will|would|agreed|announced|reported|also)\b)")


def _group_subject(text: str, start: int, end: int, lex: Lexicon) -> str:
    """The plural group that opens ``text[start:end]`` ("Irish police arrested ...")."""
    sentence = text[start:end]
    roles = "|".join(re.escape(r) for r in sorted(lex.lists["role"], key=len, reverse=True))
    m = re.match(r"\s*((?:the\s+)?(?:[\w’'.-]+\s+){0,2}?(?:" + roles + r"))\s+"
                 r"(?:(?:have|had|were|also)\s+)?[a-z]+(?:ed|ld|nd|nt|ok|id|ew|ught|ode|ame|ave)\b",
                 sentence, re.IGNORECASE)
    if not m or not re.search(r"(?:s|police|military|government|opposition)$", m.group(1),
                              re.IGNORECASE):
        return ""
    return m.group(1)
