#!/usr/bin/env bash
# Runs every check and test of the project: the one test command of README.md.
# Needs only a Rust toolchain and Python 3.10+ with pip; Python tools go into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

step() { printf '\n=== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings
step "cargo test --workspace"
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
.venv/bin/python -m pytest -q tests
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
exit "$rc"
