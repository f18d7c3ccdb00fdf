import json
from datetime import date

import pandas as pd
import pytest

from tests.paths import SEED_TXT, SHARED
from timeline.errors import DateValueError, InputError, SchemaError
from timeline.io import (
    assets_dir,
    decode_text,
    html_to_text,
    load_article,
    parse_published,
    read_events,
    seed_article_path,
    write_events,
)
from timeline.schema import validate_events


def test_seed_is_bundled_verbatim_with_its_metadata():
    assert seed_article_path().read_bytes() == SEED_TXT.read_bytes()
    if (SHARED / "seeds").exists():
        assert SEED_TXT.read_bytes() == (SHARED / "seeds" / SEED_TXT.name).read_bytes()
    art = load_article(seed_article_path())
    assert art.published == date(2025, 3, 21)
    assert art.title.startswith("'We will rescue anyone'")
    assert art.source == "BBC News"
    assert art.meta["author"] == "Lina Sinjab" and art.meta["dateline"] == "Tartous"
    assert assets_dir().is_dir()


def test_published_flag_overrides_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("It rained on Monday.")
    (tmp_path / "a.json").write_text(json.dumps({"published": "2020-01-01", "title": "T"}))
    assert load_article(tmp_path / "a.txt").published == date(2020, 1, 1)
    assert load_article(tmp_path / "a.txt", "2021-05-06").published == date(2021, 5, 6)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-02-30", "not a real date"),
        ("21/03/2025", "write it as YYYY-MM-DD"),
        ("yesterday", "write it as YYYY-MM-DD"),
        ("2025-13-01", "not a real date"),
    ],
)
def test_impossible_publication_dates(value, message):
    with pytest.raises(DateValueError, match=message):
        parse_published(value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
        ("Café in März".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unreadable_bytes(data, message):
    with pytest.raises(InputError, match=message) as info:
        decode_text(data, name="x.txt")
    assert "\n" not in str(info.value)


def test_utf8_bom_utf16_and_crlf_are_read():
    assert decode_text("\ufeffA\r\nB".encode()) == "A\nB"
    assert decode_text("On Monday".encode("utf-16")) == "On Monday"


def test_html_keeps_visible_text_only():
    text, title = html_to_text(
        "<html><head><title>A &amp; B</title><style>p{}</style></head>"
        "<body><h1>Head</h1><p>On <b>Monday</b> it &lt;rained&gt;.</p>"
        "<script>alert(1)</script><ul><li>one</li><li>two</li></ul></body></html>"
    )
    assert title == "A & B"
    assert text == "Head\nOn Monday it <rained>.\none\ntwo"


def test_unknown_suffix_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="unknown article type .docx"):
        load_article(tmp_path / "a.docx")
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "nope.txt")


def test_bad_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "a.json").write_text("{not json")
    with pytest.raises(InputError, match="not valid JSON"):
        load_article(tmp_path / "a.txt")


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_tables_round_trip(tmp_path, suffix):
    df = validate_events(pd.DataFrame({
        "label": ["Fall <b>x</b>", "Ambush"], "start": ["2024-12-01", "2024-12-15"],
        "end": ["2024-12-31", "2024-12-31"], "actors": [["A", "B"], []],
        "confidence": [0.9, 0.6], "category": ["politics", "violence"],
    }))
    path = write_events(df, tmp_path / f"events{suffix}")
    back = read_events(path)
    cols = ["event_id", "label", "start", "end", "edtf", "precision", "category", "actors"]
    pd.testing.assert_frame_equal(back[cols], df[cols], check_dtype=False, check_categorical=False)
    assert list(back["confidence"]) == [0.9, 0.6]
    assert [p.name for p in tmp_path.iterdir()] == [f"events{suffix}"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("e.csv", b"", "is empty"),
        ("e.csv", b"title,when\nx,2020-01-01\n", "lacks column(s) label, start, end"),
        ("e.csv", b"label,start,end\nx,2020-01-05,2020-01-01\n", "before start"),
        ("e.json", b"{\"a\": 1", "not a readable json table"),
        ("e.json", b"[1, 2]", "expected a JSON list of event records"),
        ("e.parquet", b"PAR1 not really", "not a readable parquet table"),
        ("e.xlsx", b"x", "unknown table type"),
    ],
)
def test_malformed_tables(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises((SchemaError, InputError)) as info:
        read_events(p)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_failed_write_leaves_nothing(tmp_path):
    class Boom(pd.DataFrame):
        def to_parquet(self, *a, **k):
            raise RuntimeError("disk full")

    df = Boom(validate_events(pd.DataFrame({"label": ["a"], "start": ["2020-01-01"],
                                            "end": ["2020-01-01"]})))
    with pytest.raises(RuntimeError):
        write_events(df, tmp_path / "out.parquet")
    assert list(tmp_path.iterdir()) == []


def test_written_files_follow_the_umask(tmp_path):
    import os

    df = validate_events(pd.DataFrame({"label": ["a"], "start": ["2020-01-01"],
                                       "end": ["2020-01-01"]}))
    old = os.umask(0o022)
    try:
        path = write_events(df, tmp_path / "e.csv")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
