"""A plain (non-editable) install, used from another directory, finds its seed and assets."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from tests.paths import REPO

pytest.importorskip("hatchling", reason="the test extra installs hatchling to build the wheel")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    (whl,) = out.glob("timeline-*.whl")
    return whl


def test_wheel_carries_seed_assets_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "timeline/_bundled/seeds/white-helmets-2025-03.txt" in names
    assert "timeline/_bundled/seeds/white-helmets-2025-03.json" in names
    assert any(n.startswith("timeline/_bundled/assets/") for n in names)
    assert any(n.startswith("timeline/temporal/data/") for n in names)
    assert "timeline/cli.py" in names


def test_installed_package_runs_from_elsewhere(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True,
    )
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    code = (
        "import timeline, timeline.io as io;"
        "from timeline.sources import load_source;"
        "df, art = load_source(None);"
        "print(timeline.__file__); print(io.seed_article_path()); print(io.assets_dir());"
        "print(len(df), art.published)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=elsewhere,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    pkg, seed, assets, summary = proc.stdout.splitlines()
    for line in (pkg, seed, assets):
        assert line.startswith(str(target)), line
    n, published = summary.split()
    assert int(n) >= 4 and published == "2025-03-21"
