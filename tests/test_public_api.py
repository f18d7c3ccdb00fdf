"""The public surface: every name in timeline.__all__ resolves, and the tagger stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

import timeline
from tests.paths import REPO


@pytest.mark.parametrize("name", timeline.__all__)
def test_every_public_name_resolves(name):
    assert getattr(timeline, name) is not None


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        timeline.nope  # noqa: B018


def test_errors_form_one_family():
    for name in ("InputError", "MissingPublicationDateError", "DateValueError", "SchemaError",
                 "ExportError"):
        assert issubclass(getattr(timeline, name), timeline.TimelineError)


def test_importing_the_cli_and_tagger_loads_no_pandas_plotly_or_dash():
    code = ("import sys, timeline, timeline.cli, timeline.temporal;"
            "print(sorted(m for m in ('pandas', 'plotly', 'dash') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
