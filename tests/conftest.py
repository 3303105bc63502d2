"""Shared pytest fixtures: the example articles and the shared dev data.

Tests that read ``../shared/data`` (data that is not ours and stays out of the repository)
get it through the ``shared_data`` fixture: without the file the test is skipped with a
reason naming the file, and under ``CI=true`` (or ``COPYDESK_REQUIRE_SHARED=1``) it fails.
Every skip, whatever its cause, is also appended to the file named by
``COPYDESK_SKIP_LOG`` (``scripts/test.sh`` prints them in its summary), in the format the
Rust helper ``copydesk_testkit::skip`` uses.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SHARED_DATA = Path(os.environ.get("COPYDESK_SHARED_DATA") or ROOT.parent / "shared" / "data")


def require_shared() -> bool:
    """Whether missing shared data fails a test: ``CI=true`` or ``COPYDESK_REQUIRE_SHARED=1``."""

    def on(name: str) -> bool:
        return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")

    return on("CI") or on("COPYDESK_REQUIRE_SHARED")


@pytest.fixture(scope="session")
def shared_data() -> Callable[[str], Path]:
    """A function giving the path of a file under ``../shared/data``, or skipping the test
    (failing it under CI) when the file is not there."""

    def get(rel: str) -> Path:
        path = SHARED_DATA / rel
        if path.exists():
            return path
        reason = f"needs ../shared/data/{rel}, which is not there"
        if require_shared():
            pytest.fail(f"{reason} (CI=true or COPYDESK_REQUIRE_SHARED=1: shared data is required)")
        pytest.skip(reason)

    return get


@pytest.fixture(scope="session")
def articles() -> list[str]:
    """The project's own example articles, in file order."""
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Appends every skipped test, with its reason, to ``$COPYDESK_SKIP_LOG``."""
    log = os.environ.get("COPYDESK_SKIP_LOG")
    if not log or not report.skipped:
        return
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    reason = reason.removeprefix("Skipped: ")
    with open(log, "a", encoding="utf-8") as f:
        f.write(f"SKIPPED pytest::{report.nodeid}: {reason}\n")
