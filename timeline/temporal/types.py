"""The value objects the temporal tagger returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["Timex", "TIMEX_TYPES", "PRECISIONS"]

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
PRECISIONS = ("day", "week", "month", "season", "year", "decade", "vague")


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression found in a text.

    ``start``/``end`` are character offsets into the tagged text (end exclusive),
    ``type`` and ``value`` follow TIMEX3 (``"DATE"``, ``"2024-12"``; ``"DURATION"``,
    ``"P2W"``). ``window`` is the inclusive range of days the expression denotes
    once resolved (``None`` for durations, sets and anything that could not be
    resolved: never a guess), and ``precision`` its grain.

    >>> Timex(0, 11, "in December", "DATE", "2024-12",
    ...       (date(2024, 12, 1), date(2024, 12, 31)), "month").edtf
    '2024-12'
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    window: tuple[date, date] | None = None
    precision: str | None = None
    #: TIMEX3 ``mod`` (BEFORE, AFTER, ON_OR_BEFORE, START, MID, END, APPROX, ...)
    mod: str | None = None
    #: True when the value was computed from a reference date (DCT or narrative)
    anchored: bool = False
    #: name of the rule that matched, for debugging and provenance
    rule: str = ""

    @property
    def edtf(self) -> str | None:
        """The window as an EDTF string, or ``None`` when there is no window."""
        if self.window is None:
            return None
        from timeline.edtf import window_to_edtf

        return window_to_edtf(self.window[0], self.window[1], self.precision)
