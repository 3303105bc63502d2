"""Shared pytest fixtures: the example articles and the shared dev data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def articles() -> list[str]:
    """The project's own example articles, in file order."""
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
