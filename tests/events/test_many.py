"""Several articles, one table: the same happening told twice is one row."""

from __future__ import annotations

from timeline.events import extract_many
from timeline.io import article_from_text


def test_same_event_in_two_articles_is_linked_not_repeated():
    a = article_from_text("Rebels seized the town of Arden last week. Talks began on Monday.",
                          "2025-03-21", doc_id="a")
    b = article_from_text("Last week rebels seized Arden after heavy fighting.",
                          "2025-03-20", doc_id="b")
    df = extract_many([a, b])
    seized = df[df["label"].str.contains("seized")]
    assert len(seized) == 1
    row = seized.iloc[0]
    assert row["doc_id"] == "a"
    assert row["also_in"] == ["b"]
    assert row["linked_events"][0].startswith("b:")
    assert set(df["doc_id"]) == {"a"} or "b" in set(df["doc_id"])


def test_different_events_stay_apart():
    a = article_from_text("Rebels seized the town of Arden last week.", "2025-03-21", doc_id="a")
    b = article_from_text("Floods hit the city of Bern in January.", "2025-03-21", doc_id="b")
    df = extract_many([a, b])
    assert len(df) == 2 and set(df["doc_id"]) == {"a", "b"}
    assert all(v == [] for v in df["also_in"])


def test_no_articles_gives_an_empty_table():
    df = extract_many([])
    assert df.empty and "linked_events" in df.columns
