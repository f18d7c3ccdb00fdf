"""Several articles, one table: the same happening told twice is one row."""

from __future__ import annotations

import pandas as pd

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


# ------------------------------------------------------------------ two real articles --

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from timeline.io import Article  # noqa: E402

_AQUAINT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "tempeval3" / \
    "train" / "AQUAINT"
#: the same story on consecutive days: a doctor's killer charged (May 6), told again May 7
_PAIR = ("APW19990506.0155", "APW19990507.0207")


@pytest.fixture(scope="module")
def pair():
    paths = [_AQUAINT / f"{name}.tml" for name in _PAIR]
    if not all(p.exists() for p in paths):
        pytest.skip("TempEval-3 AQUAINT articles not present in ../shared")
    from timeline.evaluation import load_tml_text
    from timeline.events import extract

    arts = []
    for name, path in zip(_PAIR, paths, strict=True):
        text, dct = load_tml_text(path)
        arts.append(Article(text=text, published=dct, doc_id=name, source=name))
    return arts, [extract(a) for a in arts], extract_many(arts)


def test_two_articles_share_their_common_events(pair):
    arts, singles, df = pair
    # nothing is lost: every row is kept or linked, and linked rows name the other article
    linked = {e for links in df["linked_events"] for e in links}
    assert len(df) + len(linked) == sum(len(s) for s in singles)
    for _, row in df.iterrows():
        for e in row["linked_events"]:
            assert not e.startswith(row["doc_id"] + ":")
            assert e.split(":")[0] in row["also_in"]
    # the charge of May 6 is told by both: one row, from the first article, linked to the other
    charged = df[df["label"].str.contains("charged with murder")
                 & (df["start"] == pd.Timestamp("1999-05-06"))]
    assert len(charged) == 1
    assert charged.iloc[0]["doc_id"] == _PAIR[0] and charged.iloc[0]["also_in"] == [_PAIR[1]]
    assert not charged.iloc[0]["label"].startswith(("Is ", "Was ", "Who "))


def test_two_articles_do_not_repeat_a_row(pair):
    _arts, _singles, df = pair
    # the same words in two articles' rows a few days apart are one row
    seen: dict[str, str] = {}
    for _, row in df.iterrows():
        key = row["label"].lower()
        assert key not in seen or seen[key] == row["doc_id"], key
        seen[key] = row["doc_id"]
    assert df["label"].str.contains("second anti-abortion activist").sum() == 1


def test_evidence_points_into_the_row_s_own_article(pair):
    arts, _singles, df = pair
    texts = {a.doc_id: a.text for a in arts}
    for _, row in df.iterrows():
        text = texts[row["doc_id"]]
        assert text[row["char_start"] : row["char_end"]] == row["sentence"]
        assert any(row["char_start"] <= s < row["char_end"] for s, _e in row["evidence_spans"])
        for s, e in row["evidence_spans"]:
            assert 0 <= s < e <= len(text) and text[s:e].strip()


def test_events_told_by_one_article_only_stay(pair):
    _arts, singles, df = pair
    only_second = set(singles[1]["event_id"]) - {e for links in df["linked_events"]
                                                 for e in links}
    assert only_second and only_second <= set(df["event_id"])
    assert (df["doc_id"] == _PAIR[1]).sum() == len(only_second)


def test_a_state_restated_the_next_day_is_one_row():
    # ("sought by the army" alone is a participle, no happening: the army's naming is one)
    a = article_from_text("Rebels seized Arden on Monday. The army now named Smith the second "
                          "rebel leader it sought.", "2025-03-20", doc_id="a")
    b = article_from_text("The army now named Smith the second rebel leader it sought.",
                          "2025-03-21", doc_id="b")
    df = extract_many([a, b])
    rows = df[df["label"].str.contains("second rebel leader")]
    assert len(rows) == 1
    assert rows.iloc[0]["doc_id"] == "a" and rows.iloc[0]["also_in"] == ["b"]


def test_the_linked_row_takes_the_label_that_says_who():
    a = article_from_text("Smith met Jones on Monday. He was arrested on Tuesday in Arden.",
                          "2025-03-21", doc_id="a")
    b = article_from_text("Police arrested Jones on Tuesday in Arden.", "2025-03-21",
                          doc_id="b")
    df = extract_many([a, b])
    arrests = df[df["label"].str.contains("rrested")]
    assert len(arrests) == 1
    assert arrests.iloc[0]["label"].startswith("Police arrested Jones")
    assert arrests.iloc[0]["also_in"] == ["b"]
