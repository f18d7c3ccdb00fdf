"""One place that turns "what the user pointed at" into an events table.

A source is an article (``.txt``, ``.md``, ``.html``: its events are extracted)
or an events table (``.csv``, ``.json``, ``.parquet``, TimelineJS JSON). The
CLI's ``serve``/``export`` and the dashboard's upload all come through here.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pandas as pd

from timeline.errors import InputError
from timeline.io import (
    ARTICLE_SUFFIXES,
    TABLE_SUFFIXES,
    Article,
    decode_text,
    html_to_text,
    load_article,
    parse_published,
    read_events,
    seed_article_path,
)

__all__ = ["load_source", "load_upload"]


def _extract(article: Article) -> pd.DataFrame:
    from timeline.events import extract

    return extract(article)


def load_source(
    path: str | os.PathLike[str] | None, published: date | str | None = None
) -> tuple[pd.DataFrame, Article | None]:
    """Events (and the article, when the source is one) for a path; ``None`` is the seed."""
    p = seed_article_path() if path is None else Path(path)
    suffix = p.suffix.lower()
    if suffix in ARTICLE_SUFFIXES:
        article = load_article(p, published)
        return _extract(article), article
    if suffix in TABLE_SUFFIXES:
        if published is not None:
            parse_published(published)  # still reject an impossible date
        return read_events(p), None
    raise InputError(
        f"{p.name}: unknown file type {suffix or '(none)'}; give an article "
        f"({', '.join(ARTICLE_SUFFIXES)}) or an events table ({', '.join(TABLE_SUFFIXES)})"
    )


def load_upload(
    filename: str, data: bytes, published: date | str | None = None
) -> tuple[pd.DataFrame, Article | None]:
    """Like :func:`load_source` for a file uploaded in the dashboard (never touches disk)."""
    name = Path(filename or "upload").name
    suffix = Path(name).suffix.lower()
    if suffix in ARTICLE_SUFFIXES:
        text = decode_text(data, name=name)
        title = None
        if suffix in (".html", ".htm"):
            text, title = html_to_text(text)
            if not text.strip():
                raise InputError(f"{name}: the page has no visible text")
        article = Article(
            text=text, published=parse_published(published, what="the publication date"),
            doc_id=Path(name).stem, title=title, source=name,
        )
        return _extract(article), article
    if suffix in TABLE_SUFFIXES:
        import tempfile

        # read_events validates by extension; a private temp dir keeps the reader in one place
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / name
            p.write_bytes(data)
            return read_events(p), None
    raise InputError(
        f"{name}: unknown file type {suffix or '(none)'}; upload an article (.txt, .md, .html) "
        "or an events table (.csv, .json, .parquet)"
    )
