"""Sources: what `serve`, `export` and the dashboard's upload turn into events."""

from __future__ import annotations

import pytest

from timeline.errors import DateValueError, InputError, MissingPublicationDateError, SchemaError
from timeline.sources import load_source, load_upload

TABLE = b"label,start,end,category\nDam collapses,2019-03-03,2019-03-03,disaster\n"


def test_default_source_is_the_seed():
    events, article = load_source(None)
    assert article is not None and article.doc_id == "white-helmets-2025-03"
    assert str(article.published) == "2025-03-21"
    assert len(events) >= 4


def test_table_source(tmp_path):
    p = tmp_path / "e.csv"
    p.write_bytes(TABLE)
    events, article = load_source(p)
    assert article is None
    assert events.loc[0, "label"] == "Dam collapses" and events.loc[0, "category"] == "disaster"


def test_upload_table_and_article():
    events, article = load_upload("e.csv", TABLE)
    assert article is None and len(events) == 1
    events, article = load_upload(
        "a.html", b"<p>The dam collapsed on 3 March 2019.</p><script>x()</script>", None
    )
    assert article.text == "The dam collapsed on 3 March 2019."
    assert (events["start"].dt.strftime("%Y-%m-%d") == "2019-03-03").any()


@pytest.mark.parametrize(
    ("name", "data", "published", "error", "message"),
    [
        ("a.txt", b"", "2025-03-21", InputError, "a.txt is empty"),
        ("a.txt", b"\x00\x01binary\x00", "2025-03-21", InputError, "binary"),
        ("a.txt", "Genève, März".encode("latin-1"), "2025-03-21", InputError, "not UTF-8"),
        ("a.txt", b"They met last week.", None, MissingPublicationDateError, "publication date"),
        ("a.txt", b"They met last week.", "2025-02-30", DateValueError, "not a real date"),
        ("a.pdf", b"%PDF-1.7", "2025-03-21", InputError, "unknown file type .pdf"),
        ("e.csv", b"name,when\nx,y\n", None, SchemaError, "label, start, end"),
    ],
)
def test_bad_uploads_say_what_to_fix(name, data, published, error, message):
    with pytest.raises(error, match=message) as info:
        load_upload(name, data, published)
    assert "\n" not in str(info.value)
