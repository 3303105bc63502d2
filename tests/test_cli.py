"""The ``copydesk analyze`` command line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from copydesk import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


def run(*args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "copydesk.cli", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


def test_table_on_examples() -> None:
    out = run("analyze", str(EXAMPLES))
    assert "top_entities" in out
    assert "01-harbour-post.txt" in out
    assert "Solberg" in out


def test_json_and_csv(tmp_path: Path) -> None:
    rows = json.loads(run("analyze", str(EXAMPLES), "--format", "json", "--jobs", "1"))
    assert len(rows) == len(list(EXAMPLES.glob("*.txt")))
    assert all(-1 <= r["tone"] <= 1 for r in rows)
    lines = run("analyze", str(EXAMPLES), "--format", "jsonl").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [r["id"] for r in rows]
    table = list(csv.DictReader(io.StringIO(run("analyze", str(EXAMPLES), "--format", "csv"))))
    assert [r["id"] for r in table] == [r["id"] for r in rows]


def test_jsonl_input(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        json.dumps({"id": "a", "text": "Rex Tillerson spoke in Manila."})
        + "\n\n"
        + json.dumps({"text": "No id here."})
        + "\n",
        encoding="utf-8",
    )
    rows = [json.loads(x) for x in run("analyze", str(p), "--format", "jsonl").splitlines()]
    assert rows[0]["id"] == "a"
    assert rows[1]["id"].endswith(":3")


def test_bad_input(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"title": "no text"}\n', encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "copydesk.cli", "analyze", str(p)], capture_output=True, text=True
    )
    assert r.returncode != 0 and "text" in r.stderr
    r = subprocess.run(
        [sys.executable, "-m", "copydesk.cli", "analyze", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
    )
    assert r.returncode != 0


def test_iter_inputs_reads_folders_sorted() -> None:
    ids = [i for i, _ in cli.iter_inputs([str(EXAMPLES)])]
    assert ids == sorted(ids) and len(ids) >= 3
