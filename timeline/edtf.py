"""Windows of days <-> EDTF strings (Library of Congress Extended Date/Time Format).

A window is an inclusive pair of days plus a precision. Whole calendar units are
written as such (``2024-12``, ``2024``, ``201X``); anything else is an interval
(``2025-03-10/2025-03-16``). Vague windows carry the approximate marker ``~``.
"""

from __future__ import annotations

import calendar
from datetime import date

__all__ = ["window_to_edtf", "edtf_to_window"]


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def window_to_edtf(start: date, end: date, precision: str | None = None) -> str:
    """EDTF for the inclusive window ``start..end``.

    >>> window_to_edtf(date(2024, 12, 1), date(2024, 12, 31), "month")
    '2024-12'
    >>> window_to_edtf(date(2025, 3, 10), date(2025, 3, 16), "week")
    '2025-03-10/2025-03-16'
    >>> window_to_edtf(date(2025, 3, 1), date(2025, 3, 31), "vague")
    '2025-03~'
    """
    if end < start:
        raise ValueError(f"window ends before it starts: {start}..{end}")
    approx = "~" if precision == "vague" else ""
    if start == end:
        return start.isoformat() + approx
    if start.day == 1 and end == _month_end(start.year, start.month):
        return f"{start.year:04d}-{start.month:02d}{approx}"
    if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
        if start.year == end.year:
            return f"{start.year:04d}{approx}"
        if start.year % 10 == 0 and end.year == start.year + 9:
            return f"{start.year // 10:03d}X{approx}"
    if approx:
        return f"{start.isoformat()}~/{end.isoformat()}~"
    return f"{start.isoformat()}/{end.isoformat()}"


def edtf_to_window(value: str) -> tuple[date, date]:
    """Inclusive window for the EDTF forms :func:`window_to_edtf` writes.

    >>> edtf_to_window("2024-12")
    (datetime.date(2024, 12, 1), datetime.date(2024, 12, 31))
    >>> edtf_to_window("201X")
    (datetime.date(2010, 1, 1), datetime.date(2019, 12, 31))
    """
    text = value.strip().replace("~", "").replace("?", "").replace("%", "")
    if "/" in text:
        a, b = text.split("/", 1)
        return edtf_to_window(a)[0], edtf_to_window(b)[1]
    parts = text.split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4 and parts[0].endswith("X"):
            decade = int(parts[0][:3]) * 10
            return date(decade, 1, 1), date(decade + 9, 12, 31)
        if len(parts) == 1:
            y = int(parts[0])
            return date(y, 1, 1), date(y, 12, 31)
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return date(y, m, 1), _month_end(y, m)
        if len(parts) == 3:
            d = date(int(parts[0]), int(parts[1]), int(parts[2]))
            return d, d
    except ValueError:
        pass
    raise ValueError(f"not an EDTF date or interval this tool writes: {value!r}")
