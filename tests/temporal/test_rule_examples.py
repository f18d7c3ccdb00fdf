"""Every example attached to every rule (timeline/temporal/data/rules*.txt) holds."""

from __future__ import annotations

import pytest

from timeline.temporal import tag
from timeline.temporal.grammar import is_timex3_value
from timeline.temporal.tagger import grammar

RULES = grammar().rules
CASES = [(rule, ex) for rule in RULES for ex in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"), CASES, ids=[f"{r.name}:{e.line}" for r, e in CASES]
)
def test_rule_example(rule, example):
    found = tag(example.text, example.dct, rule.genre or "news")
    if example.value == "-":
        if example.span is None:
            assert all(t.rule != rule.name for t in found), found
            if rule.negative:
                assert found == [], found
        else:
            a, b = example.span
            assert not any(t.start < b and a < t.end for t in found), found
        return
    hits = [t for t in found if t.value == example.value]
    assert hits, f"{example.text!r} (dct {example.dct}): wanted {example.value}, got {found}"
    if example.span is not None:
        spans = [(t.start, t.end) for t in hits]
        assert example.span in spans, f"span {example.span} not in {spans}"
        hit = next(t for t in hits if (t.start, t.end) == example.span)
        if not rule.negative:
            assert hit.rule == rule.name, f"matched by {hit.rule}, not {rule.name}"
    assert all(is_timex3_value(t.value) for t in found)


def test_every_rule_has_examples():
    assert all(rule.examples for rule in RULES)
