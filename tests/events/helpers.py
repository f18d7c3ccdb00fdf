"""Hand-built time expressions, so extractor tests do not depend on the tagger's rules."""

from __future__ import annotations

from datetime import date

from timeline.temporal.types import Timex


def tx(text: str, phrase: str, value: str, window: tuple[str, str] | None, precision: str | None,
       *, anchored: bool = True, nth: int = 0, type: str = "DATE", mod: str | None = None) -> Timex:
    """The ``nth`` occurrence of ``phrase`` in ``text`` as a resolved :class:`Timex`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(phrase, at + 1)
    win = (date.fromisoformat(window[0]), date.fromisoformat(window[1])) if window else None
    return Timex(at, at + len(phrase), phrase, type, value, win, precision, mod, anchored, "test")
