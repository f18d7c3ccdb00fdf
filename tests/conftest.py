"""Fixtures shared by every test module."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import SHARED, TEMPEVAL, require_shared


@pytest.fixture
def tempeval_dir() -> Path:
    return require_shared(TEMPEVAL)


@pytest.fixture
def shared_dir() -> Path:
    return require_shared(SHARED)
