"""Article -> events table (DESIGN.md's schema plus ``evidence_spans``).

The pipeline, each step one pass over the article:

1. sentences, quotations and clause segments (:mod:`._text`);
2. time expressions from :func:`timeline.temporal.tag`, once for the whole text;
3. event mentions and the constraints the text puts on them (:mod:`._mentions`);
4. mentions of one happening merged into one event (:func:`._solve.cluster`);
5. windows: own time expressions intersected with cue-linked events, then narrative
   inheritance for clauses that have nothing else (:mod:`._solve`);
6. labels, actors, places, category (:mod:`._describe`) and the table.

Only what the text says happened (or is scheduled to happen) becomes a row: an event every
mention of which is negated ("did not attack") or told as a possibility ("could strike",
"may have fled", "would have won", "if the court rules") is dropped, not marked; a plain
"will"/"would" future keeps its future window. An event with no time of its own and no
bound from the text (a present perfect with nothing to hang on) stays undated: no row, no
invented window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from timeline.edtf import window_to_edtf
from timeline.errors import MissingPublicationDateError
from timeline.events._describe import (
    _remove_spans,
    _shorten,
    label_for,
    mid_sentence_words,
    participants,
    resolve_subject_pronoun,
)
from timeline.events._lexicon import lexicon
from timeline.events._mentions import Constraint, Mention, mentions_of
from timeline.events._solve import (
    Event,
    _precision,
    cluster,
    inherit,
    lead_news,
    previous_events,
    recent_perfects,
    reports_of_the_day,
    solve,
)
from timeline.events._text import Sentence, _trim, quote_spans, segments, split_sentences
from timeline.io import Article, article_from_text, parse_published
from timeline.schema import empty_events, validate_events
from timeline.temporal.types import Timex

__all__ = ["extract", "extract_many", "events_from_timexes"]


def _article(article: Article | str, published: date | str | None, doc_id: str | None) -> Article:
    art = article_from_text(article) if isinstance(article, str) else article
    if published is not None:
        art = art.with_published(published)
    if doc_id is not None:
        from dataclasses import replace

        art = replace(art, doc_id=doc_id)
    return art


def extract(article: Article | str, published: date | str | None = None, *,
            doc_id: str | None = None) -> pd.DataFrame:
    """The dated events of an article, one row per happening.

    ``published`` overrides ``article.published``; a relative time expression ("in
    December") without a publication date raises :class:`MissingPublicationDateError`.

    >>> df = extract("Last week, rebels seized the town.", "2025-03-21")  # doctest: +SKIP
    >>> df.loc[0, ["label", "edtf"]].tolist()                               # doctest: +SKIP
    ['Rebels seized the town', '2025-03-10/2025-03-16']
    """
    from timeline.temporal import tag

    art = _article(article, published, doc_id)
    timexes = tag(art.text, art.published)
    return events_from_timexes(art, timexes)


def _check_anchor(art: Article, timexes: list[Timex]) -> None:
    if art.published is not None:
        return
    for t in timexes:
        if t.anchored and t.window is None and t.type in ("DATE", "TIME"):
            side = Path(art.path).with_suffix(".json").name if art.path else "NAME.json"
            raise MissingPublicationDateError(
                f'"{t.text}" needs a publication date to be resolved; '
                f'pass --published YYYY-MM-DD (or "published" in {side})'
            )


#: a dateline's date is the report's day when it is at most this many days before publication
DATELINE_DAYS = 3


def _newsday(text: str, sentences: list[Sentence], timexes: list[Timex],
             dct: date | None) -> date | None:
    """The day the report tells of: the date in its dateline ("WARSAW, February 26 (Xinhua)
    --"), when there is one a few days before publication, else the publication date."""
    if dct is None:
        return None
    first_body = next((s for s in sentences if s.kind == "body"), None)
    for s in sentences:
        if s is first_body or (first_body is not None and s.start > first_body.start):
            break
        if s.kind != "headline" or len(text[s.start : s.end].split()) > 8:
            continue
        for t in timexes:
            if s.start <= t.start < s.end and t.type == "DATE" and t.window is not None \
                    and t.window[0] == t.window[1] \
                    and 0 <= (dct - t.window[0]).days <= DATELINE_DAYS:
                return t.window[0]
    return dct


#: how far back a day named in the opening may lie and still be the lead's day
OPENING_DAYS = 7


def _told_day(sentences: list[Sentence], timexes: list[Timex], newsday: date | None,
              quotes) -> date | None:
    """The earliest recent day the lead or the sentence after it names ("Wednesday night"),
    or the day before the report's when the report says "yesterday" anywhere: the lead's news
    may have happened then rather than on the report's day (a morning paper). None when the
    text names no such day."""
    if newsday is None:
        return None
    body = [s for s in sentences if s.kind == "body"]
    if not body:
        return None
    near = body[:2]  # any recent day named there
    days = []
    for t in timexes:
        if t.type not in ("DATE", "TIME") or t.window is None or t.window[0] != t.window[1] \
                or quotes.inside(t.start):
            continue
        back = (newsday - t.window[0]).days
        if 0 < back <= OPENING_DAYS and near[0].start <= t.start < near[-1].end:
            days.append(t.window[0])
        elif back == 1 and "yesterday" in t.text.lower() \
                and body[0].start <= t.start < body[-1].end:
            # only the day before, anywhere in the report: "yesterday" is a morning paper's
            # word for the day its news happened ("Upjohn said ... Its shares rose yesterday")
            days.append(t.window[0])
    return min(days, default=None)


#: how sure a heading's time is (as sure as a time relative to publication)
HEADING_CONFIDENCE = 0.85
#: what may stand beside a time in a heading: a place ("Atlanta nineteen ninety-six."), "Then"
_HEADING_WORD = re.compile(r"[A-Z][\w.’'-]*|in|on|of|the|and|then|again|later|earlier")


def _time_headings(text: str, sentences: list[Sentence], timexes: list[Timex],
                   mentions: list[Mention]) -> dict[int, Constraint]:
    """Sentences that are only a time, perhaps with a place ("January nineteen ninety-seven.",
    "Atlanta, 1996."): the scene's time for the rest of the paragraph."""
    with_events = {m.sentence for m in mentions}
    out: dict[int, Constraint] = {}
    it = iter(sorted(timexes, key=lambda t: t.start))
    tx = next(it, None)
    for i, s in enumerate(sentences):
        inside = []
        while tx is not None and tx.start < s.end:
            if tx.start >= s.start:
                inside.append(tx)
            tx = next(it, None)
        if i in with_events or len(inside) != 1 or s.kind != "body":
            continue
        t = inside[0]
        if t.type != "DATE" or t.window is None:
            continue
        rest = (text[s.start : t.start] + " " + text[t.end : s.end]).replace(",", " ")
        words = re.findall(r"[\w.’'-]+", rest.rstrip(" .:;!"))
        if len(words) <= 3 and all(_HEADING_WORD.fullmatch(w) for w in words):
            lo, hi = t.window
            out[i] = Constraint(lo, hi, HEADING_CONFIDENCE, t.text, _precision(lo, hi),
                                "heading")
    return out


#: verbs that tell a period's figures besides the quantity's course ("earned $5 million")
_FIGURES = frozenset({"earn", "post", "total", "lose"})


@dataclass
class _Row:
    event: Event
    record: dict


def events_from_timexes(article: Article, timexes: list[Timex]) -> pd.DataFrame:
    """The events table of ``article`` given its time expressions (the tagger's output)."""
    rows = _rows(article, timexes)
    return _table([r.record for r in rows])


def _rows(article: Article, timexes: list[Timex]) -> list[_Row]:
    _check_anchor(article, timexes)
    lex = lexicon()
    text = article.text
    dct = parse_published(article.published) if article.published else None
    sentences = split_sentences(text, lex)
    quotes = quote_spans(text)
    mentions = mentions_of(text, sentences, timexes, dct, lex, quotes)
    for m in mentions:
        if m.quoted:
            m.rels.clear()  # quoted speech keeps its own frame
    events = cluster(text, mentions, sentences, lex.lists["not_name"], dct)
    by_mention = {m.index: ev for ev in events for m in ev.mentions}
    # a share ("accounted for 27% of sales") is no happening a later clause can hang on
    previous = previous_events([m for m in mentions
                                if m.trigger.lemma.lower() not in lex.lists["share_of"]],
                               by_mention)
    solve(events, by_mention, dct, previous)
    course = frozenset(lex.lists["forecast"]) | _FIGURES
    headings = _time_headings(text, sentences, timexes, mentions)
    if inherit(events, sentences, dct, course, headings, text):
        solve(events, by_mention, dct, previous)  # inherited windows may date cue-linked events
    newsday = _newsday(text, sentences, timexes, dct)
    told_day = _told_day(sentences, timexes, newsday, quotes)
    if lead_news(text, events, sentences, newsday, told_day):
        solve(events, by_mention, dct, previous)
        if inherit(events, sentences, dct, course, headings, text):  # the lead's next sentences
            solve(events, by_mention, dct, previous)
    if reports_of_the_day(text, events, sentences, newsday, told_day, dct,
                          frozenset(lex.lists["responses"])):
        solve(events, by_mention, dct, previous)
    if recent_perfects(text, events, sentences, newsday, frozenset(lex.lists["perfect_state"])):
        solve(events, by_mention, dct, previous)
    # an event the text says did not happen, or tells only as a possibility, is no row;
    # nor is a share ("the unit accounted for 58% of sales last year"): it keeps its time
    # from the clauses around it, but it is no happening
    keep = [ev for ev in events if ev.dated
            and not all(m.negated or m.hypothetical for m in ev.mentions)
            and not all(m.trigger.lemma.lower() in lex.lists["share_of"] for m in ev.mentions)]
    ids = {id(ev): _event_id(article.doc_id, ev) for ev in keep}
    out = []
    tx_by_start = sorted(timexes, key=lambda t: t.start)
    names = mid_sentence_words(text)
    rows = [_Row(ev, _record(article, ev, ids, sentences, tx_by_start, lex, names))
            for ev in keep]
    by_sentence: dict[int, list[_Row]] = {}
    for row in rows:
        by_sentence.setdefault(row.event.head.sentence, []).append(row)
    # every event's clause by sentence (dated or not), for labels that borrow a subject
    verb_heads: dict[int, list[Mention]] = {}
    for e in events:
        if e.head.role == "main" and e.head.trigger.pos == "v":
            verb_heads.setdefault(e.head.sentence, []).append(e.head)
    for row in rows:
        ev, rec = row.event, row.record
        if _FRAGMENT_START.match(rec["label"]) and not _TO_START.match(rec["label"]):
            earlier = [h for h in verb_heads.get(ev.head.sentence, [])
                       if h.start < ev.head.start]
            rec["label"] = _with_subject(rec["label"], earlier, text, sentences, tx_by_start,
                                         lex, ev.head)
        if _attribution_only(rec, text, ev):
            own_time = bool(ev.own)
            told = next((r for r in by_sentence[ev.head.sentence] if r is not row
                         and (r.event.head.start < ev.head.seg_start
                              or r.event.head.start > ev.head.end)
                         and ((r.event.lo, r.event.hi) == (ev.lo, ev.hi) or not own_time)), None)
            if told is not None:
                # what was told is a row of its own, with the same date (or the telling has
                # no time of its own): one row, both spans
                told.record["evidence_spans"] = sorted(
                    told.record["evidence_spans"] + rec["evidence_spans"])
                continue
            sent = sentences[ev.head.sentence]
            says = ev.head.trigger.lemma in _SAYING
            label, content = _told_what(rec["label"], text, sent.start, ev.head.seg_start,
                                        tx_by_start, ev.head.end if says else -1, sent.end,
                                        names)
            rec["label"] = label
            if content is not None and not any(content[0] <= x.start < content[1]
                                               for x in mentions):
                # what was told names no event of its own ("South Korea will carry out an
                # inspection, the ministry said on Monday"): the telling is that news, and
                # its words are this row's evidence too
                rec["evidence_spans"] = sorted(rec["evidence_spans"] + [list(content)])
        out.append(row)
    # "The offer" (the subject of a clause told after an aside), dated only by the narrative,
    # says nothing of what happened then
    out = [r for r in _one_row_per_label(out)
           if not (_BARE_NOUN.fullmatch(r.record["label"]) and r.event.inherited is not None
                   and not r.event.own)]
    out.sort(key=lambda r: (r.record["start"], r.record["char_start"]))
    return out


_BARE_NOUN = re.compile(r"(?:The|A|An|This|That|These|Those|Its|Their|His|Her)\s+[\w’'-]+")


def _dated_by_text(row: _Row) -> bool:
    return bool(row.event.own) and row.event.relation is None


def _one_row_per_label(rows: list[_Row]) -> list[_Row]:
    """Rows of one sentence that say the same thing ("The company said it expects to release
    results" and "... results in mid-November") are one happening told twice: the row the
    text dates itself stays, with the other's evidence; a row dated by inference goes."""
    by_sentence: dict[int, list[_Row]] = {}
    for row in rows:
        by_sentence.setdefault(row.event.head.sentence, []).append(row)
    gone: set[int] = set()
    for group in by_sentence.values():
        for a in group:
            for b in group:
                if a is b or id(a) in gone or id(b) in gone:
                    continue
                la, lb = a.record["label"].lower(), b.record["label"].lower()
                if not (la == lb or (len(la) >= 20 and lb.startswith(la))):
                    continue
                # a's label is b's (or begins it): keep the one the text dates
                keep, drop = (b, a) if _dated_by_text(b) or not _dated_by_text(a) else (a, b)
                keep.record["evidence_spans"] = sorted(
                    keep.record["evidence_spans"] + drop.record["evidence_spans"])
                gone.add(id(drop))
    return [r for r in rows if id(r) not in gone]


#: "..., Albright said", "The official news agency IRNA reported": who told it, and nothing
#: of what happened
_ATTRIBUTION = re.compile(r"(?:[\w.,’'&-]+\s+){0,7}?(?:also\s+)?[\w’'-]+\s*"
                          r"(?:\s+(?:here|there|today|yesterday|in\s+a\s+statement))?",
                          re.IGNORECASE)


#: "..., said spokesman Kenneth Bacon": the teller after the verb
_TELLER = r"(?:[A-Z][\w.’'-]*|of|the|[a-z]+man|[a-z]+woman|police|officials?|minister)"
_INVERTED = re.compile(r"(?P<verb>(?i:said|says|added|reported|told))\s+"
                       rf"(?P<who>{_TELLER}(?:\s+{_TELLER}){{0,5}})$")


def _attribution_only(rec: dict, text: str, ev: Event) -> bool:
    """A report whose label names only the teller: the row tells a reader nothing (what was
    told is its own row, when it is an event). "Said spokesman Kenneth Bacon" is turned into
    "Spokesman Kenneth Bacon said" on the way."""
    m = ev.head
    if rec["category"] != "reporting" or m.trigger.pos != "v" or len(ev.mentions) > 1:
        return False
    inverted = _INVERTED.fullmatch(rec["label"].rstrip(" .,"))
    if inverted:
        who = inverted.group("who")
        rec["label"] = f"{who[:1].upper()}{who[1:]} {inverted.group('verb').lower()}"
    label = rec["label"].rstrip(" .,")
    verb = text[m.start : m.end].lower()
    words = label.split()
    return bool(words) and words[-1].lower() in (verb, "here", "there", "today", "statement") \
        and verb in label.lower() and len(words) <= 8


#: a label that opens with an infinitive, a participle or an auxiliary says nothing of who did
#: what: "To file for applications", "Adding that ...", "Is scheduled for completion"
_FRAGMENT_START = re.compile(r"(?:to|adding|saying|noting|citing|including|is|are|was|were|"
                             r"has|have|had|been|being)\b", re.IGNORECASE)


_TO_START = re.compile(r"(?:to|adding|saying|noting|citing|including)\b", re.IGNORECASE)
_AUX_END = re.compile(r"(?:\s+(?:was|were|is|are|has|have|had|been|also|then|later|and))+$",
                      re.IGNORECASE)


def _with_subject(label: str, earlier: list[Mention], text: str, sentences: list[Sentence],
                  timexes: list[Timex], lex, head: Mention | None = None) -> str:
    """ "A man ... was arrested ... and was brought to the United States": the second
    clause's label borrows the subject of the first ("A man ... was brought ...")."""
    for m in earlier:
        sent = sentences[m.sentence]
        if text[sent.start : m.seg_start].strip(" \"“`'"):
            continue  # only a clause that opens the sentence has its subject in its label
        seg = next((s for s in segments(text, sent.start, sent.end, lex)
                    if s.start == m.seg_start), None)
        olabel = label_for(text, m, sent.start, timexes, lex, seg)
        if _FRAGMENT_START.match(olabel):
            continue
        trig = text[m.start : m.end]
        at = olabel.find(trig)
        subject = _AUX_END.sub("", olabel[:at].rstrip()) if at > 0 else ""
        if subject and len(subject) <= 50 and subject[:1].isupper():
            return _shorten(f"{subject} {label[:1].lower()}{label[1:]}")
    if head is not None and _AUX_START.match(label):
        # "Boris Johnson, the former mayor of London who fronted Vote Leave, was jeered by
        # crowds": the name that opens the sentence before its asides
        sent = sentences[head.sentence]
        name = _OPENING_NAME.match(text, sent.start, head.seg_start)
        if name is not None and not any(name.start() <= t.start < name.end() for t in timexes):
            return _shorten(f"{name.group(1)} {label[:1].lower()}{label[1:]}")
    return label


_AUX_START = re.compile(r"(?:was|were|is|are|has|have|had)\s", re.IGNORECASE)
#: a name of one to four capitalised words opening a sentence, then an aside after a comma
_OPENING_NAME = re.compile(r"\W*(?!(?:In|On|At|After|Before|During|Since|For|By|From|With|As|"
                           r"When|While|Last|This|Earlier|Later|However|But|And)\b)"
                           r"((?:[A-Z][\w’'.-]*\s){0,3}[A-Z][\w’'.-]*),\s")


#: verbs whose complement is what was told ("said that ..."), not an object ("published")
_SAYING = {"say", "tell", "report", "add", "announce", "state", "declare", "claim", "warn"}


def _told_what(label: str, text: str, sent_start: int, seg_start: int,
               timexes: list[Timex], verb_end: int = -1, sent_end: int = -1,
               names: set[str] | None = None) -> tuple[str, tuple[int, int] | None]:
    """ "Albright said" after what she said: the label says what was told ("Albright said:
    the bombings were cowardly"), from the words before the teller or, when there are none,
    after the verb ("officials said the visas were approved"). Returns the label and the
    span of what was told (None when the label stays as it was)."""
    start, end = sent_start, seg_start
    if len(text[start:end].split()) < 3 and 0 <= verb_end < sent_end:
        start, end = verb_end, sent_end
    content = _remove_spans(text, start, end, [(t.start, t.end) for t in timexes
                                               if start <= t.start and t.end <= end])
    # what a removed time leaves dangling: "As of [Sept. 30], ...", "..., compared [with a year
    # earlier]"
    content = re.sub(r"(?:,\s*)?\b(?:as(?:\s+of)?|through|the|compared(?:\s+(?:with|to))?)\s*"
                     r"(?=[,.;:]|$)", "", content, flags=re.IGNORECASE)
    content = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", content))
    content = content.strip(" ,;:-–—\"'`“”‘’.")
    content = re.sub(r"^(?:that|on|in)\s+", "", content, flags=re.IGNORECASE)
    if len(content.split()) < 3:
        return label, None
    if len(label) + len(content) > 78:
        # "the death toll, initially 10, has risen to 12": an aside goes before the news does
        content = re.sub(r",[^,]{1,40},\s*", " ", content)
    start, end = _trim(text, start, end)
    words = content.split(" ", 2)
    first, second = words[0], words[1] if len(words) > 1 else ""
    name = first in (names or set()) or first == "I" or (len(first) > 1 and first.isupper()) \
        or bool(re.search(r"[A-Z]", first[1:])) \
        or (second[:1].isupper() and first.lower() not in _LOWER_FIRST)
    if not name:
        content = content[:1].lower() + content[1:]  # "the bombings were cowardly", not "South"
    return _shorten(f"{label}: {content}"), (start, end)


#: words that open a sentence and are lowercase inside one, even before a name ("The FBI")
_LOWER_FIRST = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these",
                "those", "some", "many", "all", "no", "one", "two", "three", "several", "to",
                "in", "on", "at", "for", "by", "from", "with", "as", "after", "before"}



def _event_id(doc_id: str, ev: Event) -> str:
    return f"{doc_id}:{ev.head.start}-{ev.head.end}"


_NEGATION_WORDS = (("won't", "will"), ("can't", "can"), ("cannot", "can"))


def _drop_negation(label: str) -> str:
    """ "The plant wasn't to open" (until 1993) -> "The plant was to open": it did, then."""
    for neg, pos in _NEGATION_WORDS:
        label = re.sub(rf"\b{neg}\b", pos, label, flags=re.IGNORECASE)
    label = re.sub(r"n't\b", "", label)
    return re.sub(r"\s+(?:not|never)\b", "", label)


def _evidence_mention(ev: Event) -> Mention:
    """The mention whose own words date the event (else the first)."""
    if ev.lo is not None:
        for m in ev.mentions:
            if any(c.lo == ev.lo or c.hi == ev.hi for c in m.own):
                return m
    return ev.head


def _label_mention(ev: Event) -> Mention:
    if ev.head.role != "object":
        return ev.head
    others = [m for m in ev.mentions if m.role != "object" and not m.quoted]
    return others[0] if others else ev.head


#: "At EDS, ...", "At General Motors, ...": the company the sentence's figures are of
_AT_COMPANY = re.compile(r"\s*At\s+((?:[A-Z][\w&.’'-]*)(?:\s+[A-Z][\w&.’'-]*){0,3}),\s")


def _record(article: Article, ev: Event, ids: dict[int, str], sentences: list[Sentence],
            timexes: list[Timex], lex, names: set[str]) -> dict:
    text = article.text
    assert ev.lo is not None and ev.hi is not None  # only dated events become rows
    ev_m = _evidence_mention(ev)
    lab_m = _label_mention(ev)
    sent = sentences[ev_m.sentence]
    lab_sent = sentences[lab_m.sentence]
    seg = next((s for s in segments(text, lab_sent.start, lab_sent.end, lex)
                if s.start == lab_m.seg_start), None)
    label = label_for(text, lab_m, lab_sent.start, timexes, lex, seg)
    if lab_m.not_until:
        label = _drop_negation(label)
    if ev.anchor is not None:
        label = _resolve_pronoun(label, text, ev.anchor)
    pronoun_at = _subject_position(text, lab_sent.start, lab_m, label)
    if pronoun_at is not None:
        prev_start = sentences[lab_m.sentence - 1].start if lab_m.sentence > 0 else 0
        label = resolve_subject_pronoun(label, text, pronoun_at, lab_sent.start, prev_start,
                                        lex, names)
    at = _AT_COMPANY.match(text, lab_sent.start, lab_m.seg_start)
    if at is not None and at.group(1) not in label and lab_m.seg_start > at.end() - 2:
        # "At EDS, third-quarter profit jumped 16%": whose profit (the label's first word
        # keeps its capital when it is a name or an acronym)
        first = label.split()[0]
        told = label if first.isupper() or first in names else label[:1].lower() + label[1:]
        label = _shorten(f"{at.group(1)}: {told}")
    actors: list[str] = []
    places: list[str] = []
    for m in [lab_m, *[x for x in ev.mentions[:6] if x is not lab_m]]:
        if m is lab_m:
            # a subject borrowed from earlier in the sentence ("The minister, ..., has set up")
            # is part of what the label says
            body = text[seg.body : seg.body + 12].lower() if seg is not None else ""
            borrowed = bool(body) and not label.lower().startswith(body[:6])
            a, p = participants(text, lab_sent.start if borrowed else m.seg_start, m.label_end,
                                m.start, lex, names)
        else:  # another mention: only the words that name the event itself
            s0, e0 = m.evidence[0]
            a, p = participants(text, s0, e0, m.start, lex, names)
        actors += [x for x in a if x not in actors]
        places += [x for x in p if x not in places]
    actors = [a for a in actors if not any(a != b and a in b for b in actors)]
    places = [p for p in places if not any(p != b and p in b for b in places)]
    if not places and ev.relation == "inherited from narrative" and ev.anchor is not None:
        am = _label_mention(ev.anchor)
        places = participants(text, sentences[am.sentence].start, sentences[am.sentence].end,
                              am.start, lex, names)[1]
    anchor_id = ids.get(id(ev.anchor)) if ev.anchor is not None else None
    if ev.anchor is not None and anchor_id is None:
        anchor_id = _event_id(article.doc_id, ev.anchor)
    spans = sorted({(s, e) for m in ev.mentions for s, e in m.evidence})
    return {
        "event_id": _event_id(article.doc_id, ev),
        "label": label,
        "start": ev.lo,
        "end": ev.hi,
        "precision": ev.precision,
        "edtf": window_to_edtf(ev.lo, ev.hi, ev.precision if ev.precision != "vague" or
                               _is_vague_timex(ev) else None),
        "timex": ev.timex if ev.relation != "inherited from narrative" else None,
        "anchor_event": anchor_id,
        "relation": ev.relation,
        "category": lab_m.category if lab_m.category != "other" else ev.head.category,
        "actors": actors[:6],
        "places": places[:4],
        "sentence": text[sent.start : sent.end],
        "char_start": sent.start,
        "char_end": sent.end,
        "doc_id": article.doc_id,
        "source": article.source or article.title or article.path or article.doc_id,
        "confidence": ev.confidence,
        "evidence_spans": [[s, e] for s, e in spans],
        "_cls": ev.head.cls,
    }


_PRONOUN = re.compile(r"^(They|He|She)\s+(?=\S)")


def _resolve_pronoun(label: str, text: str, anchor: Event) -> str:
    """ "They have started operating" after "The Red Cross arrived": say who."""
    m = _PRONOUN.match(label)
    if not m:
        return label
    am = anchor.head
    if am.trigger.pos != "v" or am.role != "main":
        return label
    subject = text[am.seg_start : am.start].strip()
    subject = re.sub(r"^(?:and|but|then|when|as)\s+", "", subject, flags=re.IGNORECASE)
    words = subject.split()
    if not (1 <= len(words) <= 5) or not any(w[:1].isupper() for w in words):
        return label
    if not re.fullmatch(r"(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+)*", subject, re.IGNORECASE):
        return label
    plural = subject.endswith("s") and not subject.endswith("ss")
    if (m.group(1) == "They") != plural:
        return label
    out = _shorten(subject + " " + label[m.end() :])
    return out[:1].upper() + out[1:]


def _subject_position(text: str, sent_start: int, m: Mention, label: str) -> int | None:
    """Where the label's opening pronoun stands in the text (None: it opens with none)."""
    word = re.match(r"(He|She|They|It)\s", label)
    if not word:
        return None
    hit = re.compile(r"(?<![\w’'-])" + word.group(1) + r"(?![\w’'-])", re.IGNORECASE)
    found = [x.start() for x in hit.finditer(text, sent_start, m.start + 1)]
    return found[0] if found else sent_start


def _is_vague_timex(ev: Event) -> bool:
    return any(c.kind == "vague" and c.lo == ev.lo and c.hi == ev.hi for c in ev.own)


def _table(records: list[dict]) -> pd.DataFrame:
    if not records:
        df = empty_events()
        df["evidence_spans"] = pd.Series([], dtype=object)
        return df
    raw = pd.DataFrame(records)
    spans = raw["evidence_spans"]
    df = validate_events(raw.drop(columns=["_cls"]), what="extracted events")
    df["evidence_spans"] = list(spans)
    return df


# ------------------------------------------------------------------ several articles --


def extract_many(articles: list[Article]) -> pd.DataFrame:
    """One table for several articles; an event told by two articles is one row.

    Each article is extracted on its own (``doc_id`` per row). A row of a later article that
    tells the same happening as a row already kept (same lane and overlapping windows, and
    most of the label's words, or the same kind of event with a shared name, or the same kind
    on the same single day with a word in common; or the very same label a few days apart,
    a state restated) is not repeated: the kept row gets the tighter window, the label that
    says who when its own does not, the other row's actors and places, and lists the other
    row in ``linked_events`` (event ids, which start with their doc_id) and its document in
    ``also_in``. ``evidence_spans`` always point into the kept row's own article.
    """
    from timeline.temporal import tag

    kept: list[dict] = []
    seen_ids: set[str] = set()
    for i, art in enumerate(articles):
        if not isinstance(art, Article):
            art = article_from_text(str(art), doc_id=f"doc{i + 1}")
        if art.doc_id in seen_ids:
            from dataclasses import replace

            art = replace(art, doc_id=f"{art.doc_id}-{i + 1}")
        seen_ids.add(art.doc_id)
        for row in _rows(art, tag(art.text, art.published)):
            rec = row.record
            rec.setdefault("linked_events", [])
            rec.setdefault("also_in", [])
            twin = next((k for k in kept if k["doc_id"] != rec["doc_id"] and _same(k, rec)), None)
            if twin is None:
                kept.append(rec)
                continue
            twin["linked_events"].append(rec["event_id"])
            if rec["doc_id"] not in twin["also_in"]:
                twin["also_in"].append(rec["doc_id"])
            lo, hi = max(twin["start"], rec["start"]), min(twin["end"], rec["end"])
            if lo <= hi and (hi - lo) < (twin["end"] - twin["start"]):
                twin.update(start=lo, end=hi, precision=rec["precision"] if (lo, hi) == (
                    rec["start"], rec["end"]) else twin["precision"])
                twin["edtf"] = window_to_edtf(lo, hi, twin["precision"]
                                              if twin["precision"] != "vague" else None)
            twin["confidence"] = max(twin["confidence"], rec["confidence"])
            if _weak_label(twin["label"]) and not _weak_label(rec["label"]):
                twin["label"] = rec["label"]  # "Was charged with murder" -> who was
            twin["actors"] = (twin["actors"] + [a for a in rec["actors"]
                                                if a not in twin["actors"]])[:6]
            twin["places"] = (twin["places"] + [p for p in rec["places"]
                                                if p not in twin["places"]])[:4]
    if not kept:
        df = _table([])
        df["linked_events"] = pd.Series([], dtype=object)
        df["also_in"] = pd.Series([], dtype=object)
        return df
    kept.sort(key=lambda r: (r["start"], r["doc_id"], r["char_start"]))
    linked = [r.pop("linked_events") for r in kept]
    also = [r.pop("also_in") for r in kept]
    df = _table(kept)
    df["linked_events"] = linked
    df["also_in"] = also
    return df


_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "by", "with", "from",
         "was", "were", "had", "has", "have", "been", "is", "are", "its", "their", "his", "her"}


_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec"}


def _words(label: str) -> set[str]:
    """Content words of a label; numbers and month names (kept in "the Aug. 7 bombing") are
    not words of the happening."""
    return {w.lower() for w in re.findall(r"[\w’'-]+", label) if w.lower() not in _STOP
            and not w.isdigit() and w.lower().rstrip(".")[:3] not in _MONTHS}


#: two articles a few days apart may each date a state ("is now the second suspect") by
#: their own publication day: the same label within this many days is the same row
RESTATED_DAYS = 7


def _weak_label(label: str) -> bool:
    """A label that does not say who: it opens with a verb or an auxiliary."""
    first = label.split()[0].lower() if label.split() else ""
    return first in {"was", "were", "is", "are", "has", "have", "had", "said", "says"} or \
        first.endswith("ed")


def _same(a: dict, b: dict) -> bool:
    if a["category"] != b["category"]:
        return False
    wa, wb = _words(a["label"]), _words(b["label"])
    overlap = len(wa & wb) / max(1, min(len(wa), len(wb)))
    if a["start"] > b["end"] or b["start"] > a["end"]:
        # not the same window: only a restated state ("X is now the second suspect")
        gap = max(a["start"], b["start"]) - min(a["end"], b["end"])
        return wa == wb and len(wa) >= 4 and gap.days <= RESTATED_DAYS
    names = set(a["actors"]) & set(b["actors"]) or set(a["places"]) & set(b["places"])
    same_kind = a["_cls"] == b["_cls"] and a["_cls"] not in ("-", "~")
    one_day = a["start"] == a["end"] == b["start"] == b["end"]
    # the same kind of happening on the same day, told with a word in common
    return overlap >= 0.6 or (same_kind and (bool(names) or (one_day and bool(wa & wb))))
