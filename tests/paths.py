"""Where things are, for tests: the repository, the seed, and ../shared (CI only)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: the research data and scorers beside the project in CI (absent in a user's clone)
SHARED = REPO.parent / "shared"
TEMPEVAL = SHARED / "data" / "tempeval3" / "train"
SEED_TXT = REPO / "seeds" / "white-helmets-2025-03.txt"


def require_shared(path: Path = TEMPEVAL) -> Path:
    """``path`` inside ../shared, or skip the test saying why."""
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the TempEval-3 data lives in ../shared beside the repo (CI has it)"
        )
    return path
