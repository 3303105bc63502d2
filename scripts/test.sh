#!/usr/bin/env bash
# Runs every check and test of the project: the one test command of README.md.
# Needs only a Rust toolchain and Python 3.10+ with pip; Python tools go into .venv.
#
# Tests that read ../shared (data that is not ours) are skipped visibly when it is absent
# (one line per test with the reason, summarised at the end) and fail under CI=true or
# COPYDESK_REQUIRE_SHARED=1 (crates/copydesk-testkit, tests/conftest.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

COPYDESK_SKIP_LOG=$(mktemp "${TMPDIR:-/tmp}/copydesk-skips.XXXXXX")
export COPYDESK_SKIP_LOG
trap 'rm -f "$COPYDESK_SKIP_LOG"' EXIT

step() { printf '\n=== %s\n' "$*"; }

if [ -d ../shared/data ]; then
  echo "shared data: ../shared/data found"
else
  echo "shared data: ../shared/data not found: the tests that need it are skipped (listed at the end)"
fi

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings
step "training tools: build copydesk-train's binaries (train, eval, build-lexicon; linted above)"
cargo build -p copydesk-train --bins
step "cargo test --workspace (replays fuzz/regressions/ in copydesk's tests/fuzz_regressions.rs)"
cargo test --workspace
step "benchmarks, each once (cargo test --benches)"
cargo test -p copydesk-benches --benches

step "python package into .venv"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q ".[test]"
step "ruff"
.venv/bin/ruff check python tests benches/python
.venv/bin/ruff format --check python tests benches/python
step "stubtest"
.venv/bin/python -m mypy.stubtest copydesk._copydesk
step "pytest"
set +e
.venv/bin/python -m pytest -q -rs tests
rc=$?
set -e

step "summary"
skipped=$(sort -u "$COPYDESK_SKIP_LOG")
if [ -z "$skipped" ]; then
  echo "0 tests skipped"
else
  printf '%s tests skipped:\n%s\n' "$(printf '%s\n' "$skipped" | wc -l | tr -d ' ')" "$skipped"
fi
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
[ "$rc" -eq 0 ] && echo "all checks passed"
exit "$rc"
