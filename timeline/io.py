"""Reading articles and events tables, writing tables atomically.

Everything a user hands us passes through here, so every failure is a
one-line :class:`~timeline.errors.TimelineError` that says how to fix it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

from timeline.errors import DateValueError, InputError, SchemaError

__all__ = [
    "Article",
    "ARTICLE_SUFFIXES",
    "TABLE_SUFFIXES",
    "parse_published",
    "decode_text",
    "html_to_text",
    "article_from_text",
    "load_article",
    "read_events",
    "write_events",
    "atomic_write",
    "seed_article_path",
    "assets_dir",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".json", ".parquet")

_PKG = Path(__file__).resolve().parent


def _bundled(kind: str) -> Path:
    """``seeds``/``assets``: inside an installed wheel, else the repository's top level."""
    inside = _PKG / "_bundled" / kind
    return inside if inside.is_dir() else _PKG.parent / kind


def assets_dir() -> Path:
    """Absolute path of the Dash ``assets/`` folder, installed or not."""
    return _bundled("assets")


def seed_article_path() -> Path:
    """The bundled seed article (its metadata is the ``.json`` beside it)."""
    return _bundled("seeds") / "white-helmets-2025-03.txt"


@dataclass(frozen=True)
class Article:
    """An article's visible text and what we know about it.

    ``text`` is what the reader sees (tags stripped for HTML); every offset in
    the events table points into it.
    """

    text: str
    published: date | None = None
    doc_id: str = "article"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def with_published(self, published: date | str | None) -> Article:
        return replace(self, published=parse_published(published))


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_published(value: date | str | None, *, what: str = "--published") -> date | None:
    """A publication date from ``YYYY-MM-DD`` (or a ``date``); ``None`` stays ``None``.

    >>> parse_published("2025-03-21")
    datetime.date(2025, 3, 21)
    """
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    m = _ISO_DATE.match(text)
    if not m:
        raise DateValueError(
            f"{what} {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-21"
        )
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as err:
        raise DateValueError(
            f"{what} {text!r} is not a real date ({err}); check day and month"
        ) from None


def decode_text(data: bytes, *, name: str = "input") -> str:
    """Bytes of an article as text: UTF-8 (BOM allowed) or UTF-16 with a BOM."""
    if not data.strip():
        raise InputError(f"{name} is empty; give an article with some text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name} is not valid UTF-16 text; save it as UTF-8") from None
    else:
        if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
            raise InputError(
                f"{name} looks like a binary file, not text; give a .txt, .md or .html article"
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise InputError(
                f"{name} is not UTF-8 text (bad byte at position {err.start}); "
                "convert it, e.g. iconv -f latin1 -t utf-8"
            ) from None
    if not text.strip():
        raise InputError(f"{name} is empty; give an article with some text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(head: bytes) -> bool:
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(head) // 100)


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "figcaption", "hr", "title",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def _newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The text a reader sees in an HTML page (one block a line), and its <title>."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = [ln.strip() for ln in "".join(parser.parts).split("\n")]
    text = "\n".join(ln for ln in lines if ln)
    title = " ".join("".join(parser.title).split()) or None
    return text, title


def article_from_text(
    text: str,
    published: date | str | None = None,
    *,
    doc_id: str = "article",
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article:
    """An :class:`Article` from a string (pasted text, a notebook cell)."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("the article is empty; give some text")
    return Article(
        text=text, published=parse_published(published), doc_id=doc_id, title=title,
        source=source, url=url,
    )


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path} is a folder; give an article or events file")
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read it ({err.strerror})") from None


def _sidecar(path: Path) -> dict[str, Any]:
    side = path.with_suffix(".json")
    if side == path or not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise InputError(f"{side}: metadata is not valid JSON ({err}); fix or remove it") from None
    if not isinstance(meta, dict):
        raise InputError(
            f"{side}: metadata must be a JSON object with title, source, url, published"
        )
    return meta


def load_article(path: str | os.PathLike[str], published: date | str | None = None) -> Article:
    """Read an article file (``.txt``, ``.md``, ``.html``) and its sidecar ``NAME.json``.

    ``published`` overrides the sidecar's ``published``.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise InputError(
            f"{p.name}: unknown article type {suffix or '(none)'}; use .txt, .md or .html"
        )
    raw = decode_text(_read_bytes(p), name=str(p))
    meta = _sidecar(p)
    title = meta.get("title")
    if suffix in (".html", ".htm"):
        raw, html_title = html_to_text(raw)
        if not raw.strip():
            raise InputError(f"{p}: the page has no visible text")
        title = title or html_title
    pub = parse_published(published) if published else parse_published(
        meta.get("published"), what=f"{p.with_suffix('.json').name} 'published'"
    )
    return Article(
        text=raw,
        published=pub,
        doc_id=p.stem,
        title=title,
        source=meta.get("source") or str(p),
        url=meta.get("url"),
        path=str(p),
        meta=meta,
    )


# ---------------------------------------------------------------- tables --


def _unknown_table(name: str, suffix: str) -> str:
    return f"{name}: unknown table type {suffix or '(none)'}; use .csv, .json or .parquet"


def read_events(path: str | os.PathLike[str]) -> Any:
    """Read an events table (``.csv``, ``.json``, ``.parquet``) and validate it."""
    import pandas as pd

    from timeline.schema import validate_events

    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise InputError(_unknown_table(p.name, suffix))
    data = _read_bytes(p)
    if not data.strip():
        raise InputError(f"{p} is empty; an events table needs a header label,start,end and rows")
    try:
        if suffix == ".csv":
            import io

            text = decode_text(data, name=str(p))
            df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        elif suffix == ".json":
            obj = json.loads(decode_text(data, name=str(p)))
            if isinstance(obj, dict) and "events" in obj and isinstance(obj["events"], list):
                from timeline.export import read_timelinejs  # TimelineJS3 JSON

                return read_timelinejs(obj)
            if isinstance(obj, dict) and "events" in obj:
                obj = obj["events"]
            if not isinstance(obj, list) or not all(isinstance(r, dict) for r in obj):
                raise SchemaError(
                    f"{p}: expected a JSON list of event records (or TimelineJS JSON)"
                )
            df = pd.DataFrame(obj)
        else:
            import io

            df = pd.read_parquet(io.BytesIO(data))
    except SchemaError:
        raise
    except ValueError as err:
        msg = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise SchemaError(f"{p}: not a readable {suffix[1:]} table ({msg})") from None
    except Exception as err:  # parser errors of pandas/pyarrow have many types
        msg = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise SchemaError(f"{p}: not a readable {suffix[1:]} table ({msg[:120]})") from None
    return validate_events(df, what=str(p))


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success.

    Nothing half-written is ever left at ``path``.
    """
    p = Path(path)
    directory = p.parent if str(p.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"{directory}: no such folder for the output; create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; the user expects their umask
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_events(df: Any, path: str | os.PathLike[str]) -> Path:
    """Write an events table; the format follows the extension (csv, json, parquet)."""
    from timeline.schema import events_to_records

    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise InputError(_unknown_table(p.name, suffix))
    if suffix == ".json":
        payload = json.dumps(events_to_records(df), ensure_ascii=False, indent=1)
        with atomic_write(p, "w") as fh:
            fh.write(payload + "\n")
    elif suffix == ".csv":
        flat = df.copy()
        for col in ("actors", "places"):
            if col in flat.columns:
                flat[col] = [";".join(v) if isinstance(v, list) else v for v in flat[col]]
        if "evidence_spans" in flat.columns:
            flat["evidence_spans"] = [
                json.dumps(v) if isinstance(v, list) else v for v in flat["evidence_spans"]
            ]
        for col in ("start", "end"):
            if col in flat.columns:
                flat[col] = flat[col].dt.strftime("%Y-%m-%d")
        with atomic_write(p, "w") as fh:
            flat.to_csv(fh, index=False)
    else:
        with atomic_write(p, "wb") as fh:
            df.to_parquet(fh, index=False)
    return p
