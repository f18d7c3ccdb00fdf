"""The TIMEX3 value grammar (TimeML 1.2.1), as one regex: what ``Timex.value`` may be."""

from __future__ import annotations

import re

__all__ = ["TIMEX3_VALUE", "is_timex3_value"]

_Y = r"(?:[0-9X]{4})"
_TIME = r"(?:T(?:MO|AF|EV|NI|DT|[0-9X]{2}(?::[0-9X]{2}(?::[0-9X]{2})?)?))"
_DATE = (
    rf"(?:{_Y}(?:-(?:[0-9X]{{2}}(?:-[0-9X]{{2}})?|W[0-9X]{{1,2}}(?:-(?:[1-7X]|WE))?"
    rf"|Q[1-4X]|H[12X]|SP|SU|FA|WI))?{_TIME}?"
    rf"|[0-9X]{{2,3}}"
    rf"|XXXX-WXX-[1-7](?:{_TIME})?)"
)
_NUM = r"(?:[0-9]+(?:\.[0-9]+)?|X)"
_DURATION = (
    rf"(?:P(?:(?:{_NUM}(?:Y|M|W|D|Q|DE|CE|E|C|L))+(?:T(?:{_NUM}(?:H|M|S))+)?"
    rf"|T(?:{_NUM}(?:H|M|S))+))"
)
_REF = r"(?:PRESENT_REF|PAST_REF|FUTURE_REF)"

TIMEX3_VALUE = re.compile(rf"^(?:{_REF}|{_DURATION}|{_DATE})$")


def is_timex3_value(value: str) -> bool:
    """True when ``value`` is a well-formed TIMEX3 value.

    >>> is_timex3_value("2025-W11"), is_timex3_value("P2W"), is_timex3_value("XXXX-12")
    (True, True, True)
    >>> is_timex3_value("REF(day,0)")
    False
    """
    return TIMEX3_VALUE.match(value) is not None
