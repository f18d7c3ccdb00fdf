"""The seed article's timeline, with the real tagger: what an editor must see, and a golden file.

The golden file ``tests/golden/seed_events.json`` is compared in full. When a change to the
extractor is meant to change it, regenerate it on purpose and review the diff::

    TIMELINE_REGEN_GOLDEN=1 python -m pytest tests/events/test_seed.py

(the test then rewrites the file and fails, saying so: a regeneration is never silent).
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from timeline.events import extract
from timeline.io import load_article, seed_article_path

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seed_events.json"
GOLDEN_COLUMNS = ["event_id", "label", "start", "end", "precision", "edtf", "timex",
                  "anchor_event", "relation", "category", "confidence"]
DCT = pd.Timestamp("2025-03-21")


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return extract(load_article(seed_article_path()))


@pytest.fixture(scope="module")
def text() -> str:
    return load_article(seed_article_path()).text


def _one(df: pd.DataFrame, *words: str) -> pd.Series:
    """The single row whose label mentions all ``words``."""
    hay = df["label"].str.lower()
    mask = pd.Series(True, index=df.index)
    for w in words:
        mask &= hay.str.contains(w.lower(), regex=False)
    hits = df[mask]
    table = df[["label", "edtf"]]
    assert len(hits) == 1, f"expected one row with {words}, got {len(hits)}:\n{table}"
    return hits.iloc[0]


def _window(row: pd.Series) -> tuple[date, date]:
    return row["start"].date(), row["end"].date()


def test_fall_of_assad_is_december(seed):
    row = _one(seed, "fall of")
    assert _window(row) == (date(2024, 12, 1), date(2024, 12, 31))
    assert row["precision"] == "month" and row["edtf"] == "2024-12"
    assert row["category"] == "politics"


def test_ambush_is_two_weeks_after_the_fall_inside_december(seed):
    row = _one(seed, "ambush")
    fall = _one(seed, "fall of")
    assert _window(row) == (date(2024, 12, 15), date(2024, 12, 31))
    assert row["anchor_event"] == fall["event_id"]
    assert row["relation"] == "after +P2W"
    assert row["category"] == "violence"
    assert row["confidence"] < fall["confidence"]


def test_coastal_violence_is_earlier_this_month_and_one_row(seed, text):
    row = _one(seed, "violence broke out")
    assert _window(row) == (date(2025, 3, 1), date(2025, 3, 20))
    assert row["timex"] == "earlier this month"
    assert row["category"] == "violence"
    # "the recent attacks", "the recent outburst of violence", "the Alawite killings": one event
    said = " ".join(text[s:e] for s, e in row["evidence_spans"])
    for mention in ("recent attacks", "outburst of violence", "Alawite killings"):
        assert mention in said
    assert not seed["label"].str.contains("recent attacks", case=False).any()


def test_retrieval_of_bodies_inherits_last_week(seed):
    row = _one(seed, "retrieved")
    joined = _one(seed, "joined")
    assert joined["timex"] == "Last week"
    assert _window(row) == (date(2025, 3, 10), date(2025, 3, 16))
    assert pd.isna(row["timex"])
    assert "inherited" in row["relation"]
    assert row["anchor_event"] == joined["event_id"]
    assert row["confidence"] < joined["confidence"]
    assert "Barmada" in row["places"]


def test_white_helmets_arrived_after_the_fall(seed):
    row = _one(seed, "arrived")
    fall = _one(seed, "fall of")
    assert row["anchor_event"] == fall["event_id"] and row["relation"] == "after"
    assert row["start"] == fall["start"] and row["end"] <= DCT
    assert "Damascus" in row["places"]


def test_independent_committee_after_the_killings(seed):
    row = _one(seed, "committee")
    violence = _one(seed, "violence broke out")
    assert row["anchor_event"] == violence["event_id"]
    assert row["start"] == violence["start"] and row["end"] <= DCT


def test_nothing_after_publication_and_nothing_from_quotes(seed):
    assert (seed["end"] <= DCT).all()
    for quoted in ("liberated", "took control", "suffered"):
        assert not seed["sentence"].str.contains(quoted).any() or not seed["label"].str.contains(
            quoted).any()


def test_rows_are_well_formed(seed, text):
    assert seed["event_id"].is_unique
    for _, row in seed.iterrows():
        assert text[row["char_start"] : row["char_end"]] == row["sentence"]
        assert 0 < len(row["label"]) <= 80
        assert 0 < row["confidence"] <= 1
        assert row["event_id"].startswith("white-helmets-2025-03:")
        assert all(0 <= s < e <= len(text) for s, e in row["evidence_spans"])


# ------------------------------------------------------------------ golden --


def _golden_records(df: pd.DataFrame) -> list[dict]:
    out = []
    for rec in df[GOLDEN_COLUMNS].to_dict(orient="records"):
        row = {}
        for k, v in rec.items():
            if isinstance(v, pd.Timestamp):
                v = v.date().isoformat()
            elif v is pd.NA or v is None or (isinstance(v, float) and pd.isna(v)):
                v = None
            elif k == "confidence":
                v = round(float(v), 2)
            else:
                v = str(v)
            row[k] = v
        out.append(row)
    return out


def test_golden_seed_table(seed):
    got = _golden_records(seed)
    if os.environ.get("TIMELINE_REGEN_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        pytest.fail(f"regenerated {GOLDEN} ({len(got)} rows); review the diff, then run "
                    "again without TIMELINE_REGEN_GOLDEN")
    assert GOLDEN.exists(), f"{GOLDEN} is missing; create it with TIMELINE_REGEN_GOLDEN=1"
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got == want, ("the seed table changed; if on purpose, regenerate with "
                         "TIMELINE_REGEN_GOLDEN=1 and review the diff")
