"""Events from news text: who did what, when (as a window), and how sure we are.

Pure Python plus pandas (no plotly, no dash). The public entry points are :func:`extract`
(one article) and :func:`extract_many` (several, the same event linked across them).

>>> from timeline.events import extract                       # doctest: +SKIP
>>> extract(load_article(seed_article_path()))[["label", "edtf"]]  # doctest: +SKIP
"""

from timeline.events._extract import events_from_timexes, extract, extract_many

__all__ = ["extract", "extract_many", "events_from_timexes"]
