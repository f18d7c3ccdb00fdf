"""The ``timeline timex --jsonl`` contract (DESIGN.md)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from tests.paths import REPO
from timeline.errors import InputError
from timeline.temporal.jsonl import run_jsonl


def run(lines, genre="news"):
    out = io.StringIO()
    n = run_jsonl(io.StringIO("".join(lines)), out, genre)
    return n, [json.loads(x) for x in out.getvalue().splitlines()]


def test_contract_shape_and_order():
    lines = [json.dumps({"id": "b", "text": "Last week, in December.", "dct": "2025-03-21"}) + "\n",
             json.dumps({"id": "a", "text": "nothing here", "dct": "2025-03-21"}) + "\n"]
    n, out = run(lines)
    assert n == 2
    assert [o["id"] for o in out] == ["b", "a"]
    assert out[0]["timexes"] == [
        {"start": 0, "end": 9, "type": "DATE", "value": "2025-W11"},
        {"start": 14, "end": 22, "type": "DATE", "value": "2024-12"},
    ]
    assert out[1]["timexes"] == []


def test_offsets_are_python_str_indices_for_non_ascii():
    text = "Syria’s war — “last week” — ended."
    line = json.dumps({"id": 1, "text": text, "dct": "2025-03-21"}, ensure_ascii=False)
    _, out = run([line + "\n"])
    (t,) = out[0]["timexes"]
    assert text[t["start"]:t["end"]] == "last week"


def test_missing_dct_keeps_x():
    _, out = run([json.dumps({"id": 1, "text": "in December"}) + "\n"])
    assert out[0]["timexes"][0]["value"] == "XXXX-12"


def test_narrative_genre():
    text = "In June 1944 they landed. On Friday they won."
    _, out = run([json.dumps({"id": 1, "text": text, "dct": "2025-03-21"}) + "\n"], "narrative")
    assert [t["value"] for t in out[0]["timexes"]] == ["1944-06", "1944-06-02"]


@pytest.mark.parametrize(
    ("line", "msg"),
    [
        ("{not json\n", "line 2: not valid JSON"),
        ('{"id": 1}\n', "line 2: missing 'text'"),
        ('[1, 2]\n', "line 2: expected a JSON object"),
        ('{"id": 1, "text": "x", "dct": "21/03/2025"}\n', "line 2: 'dct' is not a date"),
    ],
)
def test_bad_line_names_the_line(line, msg):
    good = json.dumps({"id": 0, "text": "today", "dct": "2025-03-21"}) + "\n"
    with pytest.raises(InputError) as err:
        run([good, line])
    assert str(err.value).startswith(msg)
    assert "\n" not in str(err.value)


def test_byte_order_mark_and_crlf_are_accepted():
    line = json.dumps({"id": 0, "text": "today", "dct": "2025-03-21"})
    n, out = run(["\ufeff" + line + "\r\n", line + "\r\n"])
    assert n == 2 and out[0]["timexes"][0]["value"] == "2025-03-21"


def test_blank_lines_are_skipped():
    n, _ = run(["\n", json.dumps({"id": 0, "text": "today", "dct": "2025-03-21"}) + "\n", "\n"])
    assert n == 1


def test_module_main_runs_and_reports_errors():
    cmd = [sys.executable, "-m", "timeline.temporal.jsonl", "--genre", "news"]
    ok = subprocess.run(cmd, input='{"id": "x", "text": "last week", "dct": "2025-03-21"}\n',
                        capture_output=True, text=True, cwd=REPO, check=False)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["timexes"][0]["value"] == "2025-W11"
    bad = subprocess.run(cmd, input="oops\n", capture_output=True, text=True, cwd=REPO, check=False)
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines() == ["error: line 1: not valid JSON (Expecting value)"]
