"""The CLI: exit codes and exact one-line messages, run in-process and as a user would."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from tests.paths import REPO, SEED_TXT
from timeline.cli import main


def run(args, capsys, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    assert lines[0].startswith("timeline: error: ")
    assert "Traceback" not in err
    return lines[0]


def test_extract_seed_to_stdout(capsys):
    code, out, err = run(["extract", str(SEED_TXT), "-o", "-"], capsys)
    assert code == 0
    records = json.loads(out)
    assert len(records) >= 4
    assert all(r["start"] <= r["end"] <= "2025-03-21" for r in records if r["start"])
    assert {"event_id", "label", "start", "end", "edtf", "precision", "sentence"} <= set(records[0])


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_extract_writes_by_extension(tmp_path, capsys, suffix):
    out = tmp_path / f"events{suffix}"
    code, _, err = run(["extract", str(SEED_TXT), "-o", str(out)], capsys)
    assert code == 0 and out.exists()
    assert err.startswith("wrote ") and str(out) in err
    from timeline.io import read_events

    assert len(read_events(out)) >= 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        ("Le 3 mars, à Genève".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_extract_bad_files(tmp_path, capsys, content, message):
    p = tmp_path / "a.txt"
    p.write_bytes(content)
    out = tmp_path / "out.csv"
    code, _, err = run(["extract", str(p), "-o", str(out)], capsys)
    assert code == 1
    assert message in one_line_error(err)
    assert not out.exists() and [x.name for x in tmp_path.iterdir()] == ["a.txt"]


def test_relative_date_without_publication_date_names_the_flag(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("Rebels seized the town last week.")
    code, _, err = run(["extract", str(p), "-o", "-"], capsys)
    assert code == 1
    assert "--published" in one_line_error(err)


def test_absolute_dates_need_no_publication_date(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("The dam collapsed on 3 March 2019.")
    code, out, _ = run(["extract", str(p), "-o", "-"], capsys)
    assert code == 0
    assert any(r["start"] == "2019-03-03" for r in json.loads(out))


@pytest.mark.parametrize("value", ["2025-02-30", "21/03/2025", "tomorrow"])
def test_impossible_published(capsys, value):
    code, _, err = run(["extract", str(SEED_TXT), "--published", value, "-o", "-"], capsys)
    assert code == 1
    assert "--published" in one_line_error(err)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing.txt", "-o", "-"], "missing.txt: no such file"),
        (["extract", "README.md.docx", "-o", "-"], "unknown article type .docx"),
        (["extract", str(SEED_TXT), "-o", "out.xlsx"], "unknown format .xlsx"),
        (["serve", "--port", "eighty"], "invalid int value"),
        (["export"], "required"),
        (["timex"], "give an article FILE, or --jsonl"),
    ],
)
def test_user_errors_are_one_line_exit_1(capsys, args, message):
    code, _, err = run(args, capsys)
    assert code == 1
    assert message in one_line_error(err)


def test_timex_jsonl_contract(capsys, monkeypatch):
    lines = [
        {"id": "a", "text": "In December the regime fell.", "dct": "2025-03-21"},
        {"id": "b", "text": "No dates here.", "dct": "2025-03-21"},
    ]
    stdin = "".join(json.dumps(x) + "\n" for x in lines)
    code, out, _ = run(["timex", "--jsonl"], capsys, stdin=stdin, monkeypatch=monkeypatch)
    assert code == 0
    got = [json.loads(x) for x in out.splitlines()]
    assert [g["id"] for g in got] == ["a", "b"]
    t = got[0]["timexes"][0]
    assert lines[0]["text"][t["start"]:t["end"]] == "December"
    assert (t["type"], t["value"]) == ("DATE", "2024-12")
    assert got[1]["timexes"] == []


def test_timex_jsonl_bad_line(capsys, monkeypatch):
    code, _, err = run(["timex", "--jsonl"], capsys, stdin="{oops\n", monkeypatch=monkeypatch)
    assert code == 1
    assert "line 1" in one_line_error(err)


def test_console_script_as_a_user_runs_it(tmp_path):
    """The real process: exit code 1, one line, no traceback."""
    bad = tmp_path / "a.txt"
    bad.write_bytes(b"caf\xe9 au lait, \xe0 Gen\xe8ve")
    proc = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(bad), "-o", str(tmp_path / "o.csv")],
        capture_output=True, text=True, cwd=REPO,
    )
    assert proc.returncode == 1
    one_line_error(proc.stderr)
    ok = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(SEED_TXT), "-o", str(tmp_path / "o.csv")],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stderr
    assert len(pd.read_csv(tmp_path / "o.csv")) >= 4


def test_export_html_and_png_from_an_article(tmp_path, capsys):
    html_out = tmp_path / "t.html"
    code, _, err = run(["export", str(SEED_TXT), "-o", str(html_out), "--title", "<b>T</b>"],
                       capsys)
    assert code == 0, err
    page = html_out.read_text()
    assert "&lt;b&gt;T&lt;/b&gt;" in page and "<b>T</b>" not in page
    png = tmp_path / "t.png"
    code, _, err = run(["export", str(SEED_TXT), "-o", str(png), "--width", "800", "--scale", "1"],
                       capsys)
    if code == 1 and "chromium" in err:
        pytest.skip("no Chromium here: " + err.strip())
    assert code == 0, err
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(head[16:20], "big") == 800


def test_export_without_a_browser_is_one_line_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    import timeline.export as ex

    if hasattr(ex, "stop_image_server"):
        ex.stop_image_server()
    out = tmp_path / "t.png"
    code, _, err = run(["export", str(SEED_TXT), "-o", str(out)], capsys)
    assert code == 1
    line = one_line_error(err)
    assert "chromium" in line.lower() and "BROWSER_PATH" in line
    assert list(tmp_path.iterdir()) == []


def test_timex_jsonl_is_utf8_whatever_the_locale():
    line = json.dumps({"id": "é", "text": "Genève — “he left last week”.", "dct": "2025-03-21"},
                      ensure_ascii=False)
    proc = subprocess.run(
        [sys.executable, "-m", "timeline", "timex", "--jsonl"], input=(line + "\n").encode(),
        capture_output=True, cwd=REPO, env={"LC_ALL": "C", "PYTHONIOENCODING": "ascii",
                                            "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout.decode("utf-8"))
    assert got["id"] == "é"
    (t,) = got["timexes"]
    assert "Genève — “he left last week”."[t["start"]:t["end"]] == "last week"
