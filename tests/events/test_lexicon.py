"""The data files load, and a broken one says where it is broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline.events._lexicon import LexiconError, _data_dir, lexicon
from timeline.schema import CATEGORIES


def test_bundled_data_loads():
    lex = lexicon()
    assert {t.category for ts in lex.forms.values() for t in ts} <= set(CATEGORIES)
    assert lex.forms["overthrown"][0].cls == lex.forms["fall of"][0].cls
    assert lex.cues["following"] == "after"
    assert lex.numbers["two"] == 2 and lex.units["weeks"] == "W"


@pytest.mark.parametrize("word, kind", [("killed", "past"), ("stabbed", "past"),
                                        ("attacks", "s"), ("fled", "past"), ("broke out", "past")])
def test_inflections(word, kind):
    assert any(t.form == kind for t in lexicon().forms[word])


@pytest.mark.parametrize("file, bad, message", [
    ("triggers.txt", "kill | x | violence\n", "triggers.txt:"),
    ("triggers.txt", "@violent\n", "unknown category"),
    ("cues.txt", "after | later\n", "cues.txt:"),
    ("anaphora.txt", "the next day | after\n", "anaphora.txt:"),
])
def test_bad_data_file_fails_at_load_with_file_and_line(tmp_path: Path, file, bad, message):
    for f in _data_dir().iterdir():
        shutil.copy(f, tmp_path / f.name)
    with open(tmp_path / file, "a", encoding="utf-8") as fh:
        fh.write(bad)
    with pytest.raises(LexiconError, match=message):
        lexicon.__wrapped__(str(tmp_path))
