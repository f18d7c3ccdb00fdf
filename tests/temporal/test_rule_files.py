# ruff: noqa: E501  (table rows read best one per line)
"""Bad rule files fail at load with ``file:line rule-name: what is wrong``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.paths import REPO
from timeline.temporal.normalize import FUNCTIONS
from timeline.temporal.rules import (
    RuleFileError,
    load_cues,
    load_patterns,
    load_rules,
    load_tables,
)

GOOD = """\
rule: {name}
keys: @MONTH
pattern: \\b(?P<month>%MONTH_FULL)\\b
type: DATE
value: XXXX-{{month:month}}
example: in [December] | 2025-03-21 | 2024-12
"""


def load(tmp_path, body):
    path = tmp_path / "rules_bad.txt"
    path.write_text(body, encoding="utf-8")
    return load_rules([path], load_patterns(), load_tables(), frozenset(FUNCTIONS))


def test_good_file_loads(tmp_path):
    (rule,) = load(tmp_path, GOOD.format(name="ok"))
    assert rule.name == "ok" and rule.examples[0].span == (3, 11)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (GOOD.format(name="r1").replace("DATE", "DAY"), "rules_bad.txt:4 r1: type must be"),
        (GOOD.format(name="r2").replace("%MONTH_FULL", "%MONTHS"), "rules_bad.txt:3 r2: unknown pattern %MONTHS"),
        (GOOD.format(name="r3").replace("(?P<month>", "(?P<month"), "rules_bad.txt:3 r3: bad pattern"),
        (GOOD.format(name="r4").replace("{month:month}", "{mon:month}"), "rules_bad.txt:5 r4: value uses {mon}"),
        (GOOD.format(name="r5").replace("{month:month}", "{month:monthz}"), "rules_bad.txt:5 r5: unknown normalization"),
        (GOOD.format(name="r6").replace("example: in [December] | 2025-03-21 | 2024-12\n", ""), "rules_bad.txt:1 r6: every rule needs"),
        (GOOD.format(name="r7").replace("type:", "typo:"), "rules_bad.txt:4 r7: unknown key 'typo'"),
        (GOOD.format(name="r8") + "\n" + GOOD.format(name="r8"), "rules_bad.txt:8 r8: duplicate rule name"),
        (GOOD.format(name="r9").replace("2024-12\n", "2024-12 | extra\n"), "rules_bad.txt:6 r9: example needs"),
        (GOOD.format(name="r11").replace("@MONTH", "@MONTHS"), "rules_bad.txt:2 r11: unknown key class @MONTHS"),
        (GOOD.format(name="r12").replace("keys: @MONTH\n", ""), "rules_bad.txt:1 r12: missing 'keys:'"),
        (GOOD.format(name="r13").replace("type: DATE", "type: DATE\ngenre: poetry"), "rules_bad.txt:5 r13: genre must be news or narrative"),
        ("rule: r10\njust words\n", "rules_bad.txt:2 -: expected 'key: value'"),
    ],
)
def test_bad_rule_file_message(tmp_path, body, message):
    with pytest.raises(RuleFileError) as err:
        load(tmp_path, body)
    assert str(err.value).startswith(message), str(err.value)


def test_bad_cue_file_message(tmp_path):
    path = tmp_path / "cues.txt"
    path.write_text("@PAST\nwas\nWere Big Words Here\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_cues(path)
    assert str(err.value).startswith("cues.txt:3 PAST: a cue is one to three lowercase words")


def test_import_is_cheap():
    code = ("import sys, timeline.temporal; "
            "heavy = {'pandas', 'plotly', 'dash', 'dateutil', 'dateparser', 'numpy'}; "
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "words",
    [["year", "years"], ["Jan.", "Jan", "June", "July"], ["a", "a few", "a couple of", "an"],
     ["may", "may day", "march"], ["x"]],
)
def test_word_lists_become_prefix_tries_matching_the_same_strings(words):
    import re

    from timeline.temporal.rules import _trie

    rx = re.compile(_trie([re.sub(r"\\(.)", r"\1", w) for w in words]))
    for w in words:
        assert rx.fullmatch(w)
        assert rx.match(w + " tail").group() == w or any(
            o.startswith(w) and len(o) > len(w) for o in words)
    assert not rx.fullmatch("zzz")
