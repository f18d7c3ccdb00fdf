"""Phase two: turn a rule's underspecified value into a TIMEX3 value and a window.

Underspecified values (what rule templates produce), each optionally followed by a
time-of-day suffix (``TMO``, ``T14:00``):

====================  ================================================================
``1998-08-07``, ...   already a TIMEX3 value; only the window is computed
``XXXX-12[-06]``      month (day) without a year: the nearest year, tense decides
``XXXX-Q3``           quarter without a year, same logic
``WD(5)``             a bare weekday, tense decides which
``REF(unit,n)``       ``n`` units from the reference (``REF(week,-1)``: last week)
``REF(unit,0,<)``     the part of the current unit before the reference ("earlier this
                      month"); ``>`` the part after it; ``speaker`` always counts from
                      the DCT, even in a narrative ("today", "yesterday")
``REL(kind,x,n)``     the ``n``-th named month/weekday/season ``x`` from the reference
                      (``REL(month,12,-1)``: last December)
``ANA(unit,n[,keep])``  ``n`` units from the last mentioned time ("a year earlier");
                      ``keep`` keeps that time's grain (a quarter a year earlier)
``DUR(n,U)``          a duration of ``n`` units ``U`` (``Y M W D Q DE CE H MIN S``)
====================  ================================================================

The reference is the document creation time (news) or the last mentioned time
(narrative, and always for anaphoric ``ANA``). Without a reference the value keeps
its ``X`` and the window is ``None``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Anchor", "Resolved", "resolve", "value_window", "shift"]

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_SUFFIX_RE = re.compile(r"^(?P<core>.*?)(?P<tod>T(?:MO|AF|EV|NI|DT|\d{1,2}(?::\d{2})?))?$")
_CALL_RE = re.compile(
    r"^(?P<fn>REF|REL|ANA|ANAY|WD|WE|DUR|HOL|NUMDATE)\((?P<args>[^()]*)\)(?P<tail>(?:-\d{2}){1,2})?$")
_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF_RE = re.compile(r"^(\d{4})-H([12])$")
_SEASON_RE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_PARTIAL_RE = re.compile(
    r"^XXXX-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})(?:@(?P<wd>[1-7]))?)?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<season>SP|SU|FA|WI))$")
_DUR_UNITS = {"Y": ("P", "Y", 1), "M": ("P", "M", 1), "W": ("P", "W", 1), "D": ("P", "D", 1),
              "Q": ("P", "Q", 1), "DE": ("P", "Y", 10), "CE": ("P", "Y", 100),
              "H": ("PT", "H", 1), "MIN": ("PT", "M", 1), "S": ("PT", "S", 1)}
_GRAIN_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4,
               "decade": 5, "century": 6}


# vague references: days before/after the reference. "recently" in news mostly means the
# last few weeks to months; three months either side is a defensible, honest window.
_VAGUE = {"PAST_REF": (-91, -1), "PRESENT_REF": (0, 0), "FUTURE_REF": (1, 91)}


@dataclass(frozen=True, slots=True)
class Anchor:
    """A resolved time to resolve others against: a day plus the grain it was given in."""

    day: date
    grain: str  # day week month quarter season year decade century
    value: str


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str
    window: tuple[date, date] | None
    precision: str | None
    anchored: bool
    grain: str | None = None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def season_window(year: int, code: str) -> tuple[date, date]:
    a, b = SEASON_MONTHS[code]
    if code == "WI":  # winter 1998 = Dec 1998 .. Feb 1999
        return date(year, 12, 1), _month_end(year + 1, 2)
    return date(year, a, 1), _month_end(year, b)


def season_of(d: date) -> tuple[int, str]:
    for code, (a, b) in SEASON_MONTHS.items():
        if code != "WI" and a <= d.month <= b:
            return d.year, code
    return (d.year if d.month == 12 else d.year - 1), "WI"


def fmt(grain: str, d: date) -> str:
    if grain == "day":
        return d.isoformat()
    if grain == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if grain == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if grain == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if grain == "season":
        y, code = season_of(d)
        return f"{y:04d}-{code}"
    if grain == "year":
        return f"{d.year:04d}"
    if grain == "decade":
        return f"{d.year // 10:03d}"
    if grain == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(grain)


def shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return _add_months(d, n)
    if unit in ("quarter", "season"):
        return _add_months(d, 3 * n)
    if unit == "half":
        return _add_months(d, 6 * n)
    if unit == "year":
        return _add_months(d, 12 * n)
    if unit == "decade":
        return _add_months(d, 120 * n)
    if unit == "century":
        return _add_months(d, 1200 * n)
    raise ValueError(unit)


def value_window(value: str) -> tuple[tuple[date, date] | None, str | None, str | None]:
    """``(window, precision, grain)`` of a fully specified TIMEX3 date value."""
    core = value.split("T", 1)[0] if "T" in value and value[:1].isdigit() else value
    try:
        if m := _DAY_RE.match(core):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return (d, d), "day", "day"
        if m := _MONTH_RE.match(core):
            y, mo = int(m[1]), int(m[2])
            return (date(y, mo, 1), _month_end(y, mo)), "month", "month"
        if m := _WEEK_RE.match(core):
            mon = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:  # the weekend: Saturday and Sunday, a part of the week
                return (mon + timedelta(days=5), mon + timedelta(days=6)), "week", "week"
            return (mon, mon + timedelta(days=6)), "week", "week"
        if m := _QUARTER_RE.match(core):
            y, q = int(m[1]), int(m[2])
            return (date(y, 3 * q - 2, 1), _month_end(y, 3 * q)), "season", "quarter"
        if m := _HALF_RE.match(core):
            y, h = int(m[1]), int(m[2])
            return (date(y, 6 * h - 5, 1), _month_end(y, 6 * h)), "season", "quarter"
        if m := _SEASON_RE.match(core):
            return season_window(int(m[1]), m[2]), "season", "season"
        if re.fullmatch(r"\d{4}", core):
            y = int(core)
            return (date(y, 1, 1), date(y, 12, 31)), "year", "year"
        if re.fullmatch(r"\d{3}", core):
            y = int(core) * 10
            return (date(max(y, 1), 1, 1), date(y + 9, 12, 31)), "decade", "decade"
        if re.fullmatch(r"\d{2}", core):
            y = int(core) * 100
            return (date(max(y, 1), 1, 1), date(y + 99, 12, 31)), "decade", "century"
    except ValueError:
        return None, None, None
    return None, None, None


def _apply_mod(window: tuple[date, date], mod: str | None) -> tuple[date, date]:
    if mod not in ("START", "MID", "END"):
        return window
    a, b = window
    span = (b - a).days + 1
    if span < 3:
        return window
    third = span // 3
    if mod == "START":
        return a, a + timedelta(days=third - 1)
    if mod == "MID":
        return a + timedelta(days=third), b - timedelta(days=third)
    return b - timedelta(days=third - 1), b


def _done(value: str, tod: str, mod: str | None, anchored: bool) -> Resolved:
    window, precision, grain = value_window(value)
    if window is not None:
        window = _apply_mod(window, mod)
    return Resolved(value + tod, window, precision, anchored, grain)


def _unresolved(value: str, tod: str) -> Resolved:
    return Resolved(value + tod, None, None, True)


# how far the verb's tense may push a month or day without a year away from the reference:
# "in August" said in March is last August, but "Dec. 7" in a November report is next
# month even when some verb nearby is in the past tense
_TENSE_REACH_DAYS = 245


def _pick_year(make, ref: date, tense: str | None, weekday: int | None = None,
               trust_tense: bool = False):
    """Choose among last/this/next year's instance of a partial date (``make(y)`` gives its
    window or None): past tense takes the latest not after the reference, future the
    earliest not before it, otherwise (or when that is too far) the nearest. Tense cues are
    noisy, so they may only reach a little farther than the nearest instance, unless
    ``trust_tense`` (a "will" right beside it; a past-tense quarter's results). A weekday
    given with the date ("Monday, Oct. 26") picks the year where it falls on that day."""
    cands = [(y, make(y)) for y in (ref.year - 1, ref.year, ref.year + 1) if 1 <= y <= 9998]
    cands = [(y, w) for y, w in cands if w is not None]
    if weekday is not None:
        same = [(y, w) for y, w in cands if w[0].isoweekday() == weekday]
        if len(same) == 1:
            return same[0][0]
    if not cands:
        return None

    def dist(item):
        _y, (a, b) = item
        if a <= ref <= b:
            return 0
        return (a - ref).days if a > ref else (ref - b).days

    nearest = min(cands, key=dist)
    reach = 366 if trust_tense else min(_TENSE_REACH_DAYS, 1.5 * dist(nearest) + 60)
    if tense == "past":
        ok = [(y, w) for y, w in cands if w[0] <= ref]
        if ok and dist(ok[-1]) <= reach:
            return ok[-1][0]
    elif tense == "future":
        ok = [(y, w) for y, w in cands if w[1] >= ref]
        if ok and dist(ok[0]) <= reach:
            return ok[0][0]
    return nearest[0]


def _weekday(n: int, ref: date, tense: str | None, offset: int = 0) -> date:
    delta = n - ref.isoweekday()
    if offset < 0:  # last Friday: the one before the reference day
        back = (ref.isoweekday() - n) % 7 or 7
        return ref - timedelta(days=back + 7 * (-offset - 1))
    if offset > 0:
        fwd = (n - ref.isoweekday()) % 7 or 7
        return ref + timedelta(days=fwd + 7 * (offset - 1))
    if tense == "future":
        return ref + timedelta(days=(delta % 7) or 7) if delta != 0 else ref
    # past tense or no cue: news reports what happened, so the last such day (or today),
    # unless, with no cue at all, the coming one is much nearer (Sunday, said on a Friday)
    back, fwd = (-delta) % 7, delta % 7
    if tense is None and fwd < back - 2:
        return ref + timedelta(days=fwd)
    return ref - timedelta(days=back)


@dataclass(frozen=True, slots=True)
class _Ctx:
    tod: str
    mod: str | None
    dct: date | None
    anchor: Anchor | None
    deictic: date | None
    tense: str | None
    typ: str
    narrative: bool
    strong: bool = False


def resolve(
    spec: str,
    *,
    typ: str,
    mod: str | None,
    dct: date | None,
    anchor: Anchor | None,
    tense: str | None,
    narrative: bool = False,
) -> Resolved:
    """Resolve ``spec`` (see the module doc) against the DCT or the narrative anchor.

    ``tense`` is "past", "future" or None; "future!" marks a future cue right beside the
    expression ("will meet in December"), trusted however far that date is."""
    strong = tense is not None and tense.endswith("!")
    if tense is not None:
        tense = tense.rstrip("!")
    m = _SUFFIX_RE.match(spec)
    core, tod = (m["core"], m["tod"] or "") if m else (spec, "")
    if not core or not core[0].isupper() and not core[0].isdigit():
        core, tod = spec, ""
    deictic = anchor.day if (narrative and anchor is not None) else dct
    if spec in _VAGUE:
        # "now" is the writer's now even in a story told about the past
        ref = dct if spec == "PRESENT_REF" else deictic
        if ref is None:
            return Resolved(spec, None, None, True)
        lo, hi = _VAGUE[spec]
        return Resolved(spec, (ref + timedelta(days=lo), ref + timedelta(days=hi)),
                        "vague", True)
    ctx = _Ctx(tod, mod, dct, anchor, deictic, tense, typ, narrative, strong)
    call = _CALL_RE.match(core)
    if call is None:
        return _partial(core, ctx)
    args = [a.strip() for a in call["args"].split(",")]
    if call["tail"]:
        res = resolve(core[: -len(call["tail"])], typ=typ, mod=None, dct=dct, anchor=anchor,
                      tense=tense, narrative=narrative)
        if res.grain == "year":
            return _done(res.value + call["tail"], tod, mod, True)
        return _unresolved("XXXX" + call["tail"], tod)
    fn = call["fn"]
    if fn == "DUR":
        return Resolved(_duration(args[0], args[1]), None, None, False)
    if fn == "ANA":
        return _anaphor(args, ctx)
    if fn == "NUMDATE":
        return _numeric_date(args, tod, mod)
    if fn == "ANAY":
        # "the 1988 quarter": the period just talked about, in another year
        year = args[0]
        if anchor is not None and anchor.grain in ("quarter", "month", "season") and year.isdigit():
            return _done(year + anchor.value[4:].split("T")[0], tod, mod, False)
        return _done(year, tod, mod, False)
    if fn == "HOL":
        return _holiday(args, ctx)
    if deictic is None:
        return _unresolved(_x_value(args[0]) if fn == "REF" else "XXXX-XX-XX", tod)
    if fn == "WE":
        return _done(_weekend(deictic, int(args[0] or 0), tense), tod, mod, True)
    if fn == "WD":
        return _done(_weekday(int(args[0]), deictic, tense).isoformat(), tod, mod, True)
    if fn == "REF":
        if len(args) > 2 and args[2] == "speaker":
            # "today", "yesterday": the day of writing, even in a narrative
            if dct is None:
                return _unresolved(_x_value(args[0]), tod)
            return _deictic(args[:2], dct, ctx)
        return _deictic(args, deictic, ctx)
    return _named(args, deictic, ctx)


def _partial(core: str, ctx: _Ctx) -> Resolved:
    """Literal values, and months/days/quarters/seasons waiting for their year."""
    tod, mod, ref, tense = ctx.tod, ctx.mod, ctx.deictic, ctx.tense
    part = _PARTIAL_RE.match(core)
    if part is None:
        if core.startswith("XXXX"):
            return Resolved(core + tod, None, None, True)
        return _done(core, tod, mod, False)
    if ref is None:
        return _unresolved(core, tod)
    if part["month"]:
        mo = int(part["month"])
        if part["day"]:
            dd = int(part["day"])
            wd = int(part["wd"]) if part["wd"] else None

            def day_window(y: int) -> tuple[date, date] | None:
                d = _safe_date(y, mo, dd)
                return (d, d) if d else None

            y = _pick_year(day_window, ref, tense, wd, trust_tense=ctx.strong)
            if y is None:
                return _unresolved(core.split("@")[0], tod)
            return _done(f"{y:04d}-{mo:02d}-{dd:02d}", tod, mod, True)
        y = _pick_year(lambda y: (date(y, mo, 1), _month_end(y, mo)), ref, tense,
                       trust_tense=ctx.strong)
        return _done(f"{y:04d}-{mo:02d}", tod, mod, True)
    if part["q"]:
        q = int(part["q"])
        # results are reported after a quarter ends: a past-tense quarter has begun
        y = _pick_year(lambda y: (date(y, 3 * q - 2, 1), _month_end(y, 3 * q)), ref, tense,
                       trust_tense=tense == "past")
        return _done(f"{y:04d}-Q{q}", tod, mod, True)
    if part["h"]:
        h = int(part["h"])
        y = _pick_year(lambda y: (date(y, 6 * h - 5, 1), _month_end(y, 6 * h)), ref, tense)
        return _done(f"{y:04d}-H{h}", tod, mod, True)
    code = part["season"]
    y = _pick_year(lambda y: season_window(y, code), ref, tense)
    return _done(f"{y:04d}-{code}", tod, mod, True)


def _numeric_date(args: list[str], tod: str, mod: str | None) -> Resolved:
    """``NUMDATE(a,b,year)``: 25/03/1990 or 03/25/1990 when one part cannot be a month;
    12/03/1990 could be either (day-first or month-first), so only its year is known."""
    a, b, year = int(args[0]), int(args[1]), int(args[2])
    if a > 12 >= b:
        found = _safe_date(year, b, a)
    elif b > 12 >= a:
        found = _safe_date(year, a, b)
    elif a == b:
        found = _safe_date(year, a, a)
    else:
        found = None
    if found is not None:
        return _done(found.isoformat(), tod, mod, False)
    return Resolved(f"{year:04d}-XX-XX{tod}", (date(year, 1, 1), date(year, 12, 31)), "year",
                    False, "year")


def _anaphor(args: list[str], ctx: _Ctx) -> Resolved:
    """``ANA(unit,n[,keep|same|grain])``: counted from the last mentioned time."""
    unit, n = args[0], args[1]
    flag = args[2] if len(args) > 2 else ""
    keep, force = flag == "keep", (flag if flag in _GRAIN_RANK else None)
    anchor, dct, tod, mod = ctx.anchor, ctx.dct, ctx.tod, ctx.mod
    if flag == "same":
        # "the quarter": the quarter just talked about, else the latest one
        if anchor is not None and anchor.grain == unit:
            # ("from 9 a.m. to 5 p.m.": the day of the time just told, not that time)
            return _done(anchor.value.split("T")[0], tod, mod, True)
        return resolve(f"REF({unit},{n}){tod}", typ=ctx.typ, mod=mod, dct=dct, anchor=anchor,
                       tense=ctx.tense, narrative=ctx.narrative)
    if keep and (anchor is None or anchor.grain not in ("quarter", "month")):
        # "a year ago" after nothing finer than a year: counted from the DCT
        anchor = None
    base = anchor if anchor is not None else (
        Anchor(dct, "day", dct.isoformat()) if dct is not None else None)
    if base is None or (unit != "same" and not n.lstrip("+-").isdigit()):
        return _unresolved(_x_value(unit), tod)
    if unit == "same":
        return _done(base.value.split("T")[0], tod, mod, True)
    if (anchor is not None and not keep and not force
            and _GRAIN_RANK.get(base.grain, 9) > _GRAIN_RANK.get(unit, 9)):
        # "the day before" a year: there is no day to count from, and we never guess
        return _unresolved(_x_value(unit), tod)
    grain = unit
    if keep and anchor is not None and _GRAIN_RANK.get(base.grain, 9) < _GRAIN_RANK.get(unit, 9):
        grain = base.grain
    if force:
        grain = force
    return _done(fmt(grain, shift(base.day, unit, int(n))), tod, mod, True)


def _deictic(args: list[str], ref: date, ctx: _Ctx) -> Resolved:
    """``REF(unit,n[,<|>|ago])``: n units from the reference."""
    unit, n = args[0], args[1]
    flag = args[2] if len(args) > 2 else ""
    if not n.lstrip("+-").isdigit():
        return _unresolved(_x_value(unit), ctx.tod)
    if unit == "hour":  # "two hours ago": still the reference day
        return _done(ref.isoformat(), ctx.tod, ctx.mod, True)
    grain = "year" if unit == "decade" and flag == "ago" else unit  # "a decade ago": 1989
    partial = flag in ("<", ">")
    res = _done(fmt(grain, shift(ref, unit, int(n))), ctx.tod, None if partial else ctx.mod, True)
    if partial and res.window is not None:
        lo, hi = res.window
        if flag == "<" and ref > lo:  # "earlier this month": up to the day before
            return Resolved(res.value, (lo, min(hi, ref - timedelta(days=1))), res.precision,
                            True, res.grain)
        if flag == ">" and ref < hi:  # "later this month": from the day after
            return Resolved(res.value, (ref + timedelta(days=1), hi), res.precision, True,
                            res.grain)
    return res


def _named(args: list[str], ref: date, ctx: _Ctx) -> Resolved:
    """``REL(kind,x,n)``: last December, next Friday, this summer."""
    kind, x, n = args[0], args[1], int(args[2])
    tod, mod = ctx.tod, ctx.mod
    if kind == "month":
        mo = int(x)
        # the month just ended is "last month", the coming one "next month": "last February"
        # said in March is the February of the year before, "next April" said in March the
        # April of the year after
        ahead = (mo - ref.month) % 12
        if n < 0:
            y = (ref.year if mo < ref.month else ref.year - 1) + n + 1
            if ahead == 11:
                y -= 1
        elif n > 0:
            y = (ref.year if mo > ref.month else ref.year + 1) + n - 1
            if ahead == 1:
                y += 1
        else:
            y = ref.year
        return _done(f"{y:04d}-{mo:02d}", tod, mod, True)
    if kind == "wd":
        return _done(_weekday(int(x), ref, ctx.tense, n).isoformat(), tod, mod, True)
    if n == 0:
        y = ref.year - 1 if x == "WI" and ref.month <= 2 else ref.year
        return _done(f"{y:04d}-{x}", tod, mod, True)
    # walk season by season until we meet x the n-th time
    day, count = ref, 0
    for _ in range(4 * abs(n) + 4):
        day = _add_months(day, 3 if n > 0 else -3)
        yy, code = season_of(day)
        if code == x:
            count += 1
            if count == abs(n):
                return _done(f"{yy:04d}-{x}", tod, mod, True)
    return _unresolved(f"XXXX-{x}", tod)


_HOL_RE = re.compile(r"^(?:(?P<mm>\d{2})-(?:(?P<dd>\d{2})|(?P<k>[1-5L])@(?P<wd>[1-7]))"
                     r"|E)(?P<shift>[+-]\d+)?$")


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month, day = divmod(h + lw - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday(rule: str, year: int) -> date | None:
    """The day a holiday rule (``12-25``, ``11-4@4``, ``05-L@1``, ``E-2``) falls on in ``year``."""
    m = _HOL_RE.match(rule)
    if m is None or not 1 <= year <= 9998:
        return None
    if m["mm"] is None:
        day = easter(year)
    elif m["dd"]:
        found = _safe_date(year, int(m["mm"]), int(m["dd"]))
        if found is None:
            return None
        day = found
    else:
        month, wd = int(m["mm"]), int(m["wd"])
        first = date(year, month, 1)
        day = first + timedelta(days=(wd - first.isoweekday()) % 7)
        if m["k"] == "L":
            while (day + timedelta(weeks=1)).month == month:
                day += timedelta(weeks=1)
        else:
            day += timedelta(weeks=int(m["k"]) - 1)
    return day + timedelta(days=int(m["shift"] or 0))


def _holiday(args: list[str], ctx: _Ctx) -> Resolved:
    """``HOL(rule,n[,week])``: the holiday nearest the reference (tense decides), the last
    one before it (n=-1) or the next one after it (n=1)."""
    rule, n = args[0], int(args[1] or 0) if args[1].lstrip("+-").isdigit() else 0
    grain = args[2] if len(args) > 2 else "day"
    ref = ctx.deictic
    m = _HOL_RE.match(rule)
    if ref is None or m is None:
        # without a reference only a fixed date keeps its month and day
        known = f"XXXX-{m['mm']}-{m['dd']}" if m and m["dd"] else (
            f"XXXX-{m['mm']}" if m and m["mm"] else "XXXX-XX-XX")
        return _unresolved(known, ctx.tod)

    def window(y: int) -> tuple[date, date] | None:
        day = holiday(rule, y)
        return (day, day) if day else None

    if n < 0:
        y = ref.year if (w := window(ref.year)) and w[0] < ref else ref.year - 1
    elif n > 0:
        y = ref.year if (w := window(ref.year)) and w[0] > ref else ref.year + 1
    else:
        picked = _pick_year(window, ref, ctx.tense)
        if picked is None:
            return _unresolved("XXXX-XX-XX", ctx.tod)
        y = picked
    day = holiday(rule, y)
    if day is None:
        return _unresolved("XXXX-XX-XX", ctx.tod)
    return _done(fmt(grain, day), ctx.tod, ctx.mod, True)


def _weekend(ref: date, n: int, tense: str | None) -> str:
    """ISO week of the weekend meant: "last weekend" the one before the reference's,
    "next weekend" the coming one (the one after, from Friday on), "the weekend" the
    one just past in past-tense sentences or early in the week."""
    wd = ref.isoweekday()
    sat = ref + timedelta(days=6 - wd)  # this week's Saturday
    if n < 0:
        sat -= timedelta(days=7)
    elif n > 0:
        if wd >= 5:
            sat += timedelta(days=7)
    elif wd < 6 and (tense == "past" or (tense is None and wd <= 3)):
        sat -= timedelta(days=7)
    y, w, _ = sat.isocalendar()
    return f"{y:04d}-W{w:02d}-WE"


def _x_value(unit: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
            "year": "XXXX", "decade": "XXX", "century": "XX", "season": "XXXX-XX",
            "same": "XXXX-XX-XX"}.get(unit, "XXXX-XX-XX")


def _duration(n: str, unit: str) -> str:
    prefix, code, mult = _DUR_UNITS[unit]
    if n == "X" or not n:
        if unit == "DE":
            return "PXDE"
        if unit == "CE":
            return "PXCE"
        return f"{prefix}X{code}"
    try:
        val = float(n) * mult
    except ValueError:
        return f"{prefix}X{code}"
    if val != int(val):
        whole = int(val)
        if unit == "H":
            minutes = int(round((val - whole) * 60))
            return f"PT{whole}H{minutes}M" if whole else f"PT{minutes}M"
        if unit == "MIN":
            return f"PT{whole}M{int(round((val - whole) * 60))}S"
        if unit == "Y":
            months = int(round((val - whole) * 12))
            return f"P{whole}Y{months}M" if whole else f"P{months}M"
        if unit == "D":
            return f"P{whole}DT{int(round((val - whole) * 24))}H"
        return f"{prefix}{val:g}{code}"
    return f"{prefix}{int(val)}{code}"
