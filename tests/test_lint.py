"""House style is checked like behaviour: ruff and mypy stay clean."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.paths import REPO


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed (pip install -e '.[test]' brings it)")
    return subprocess.run([sys.executable, "-m", tool, *args], capture_output=True, text=True,
                          cwd=REPO)


def test_ruff_is_clean():
    proc = _run("ruff", "check", "--output-format", "concise", ".")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_is_clean():
    proc = _run("mypy", "timeline")
    assert proc.returncode == 0, proc.stdout + proc.stderr
