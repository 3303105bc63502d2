"""The ``copydesk analyze`` command line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import copydesk
from copydesk import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


def run(*args: str, stdin: str | None = None) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "copydesk.cli", *args],
        check=True,
        capture_output=True,
        text=True,
        input=stdin,
    )
    return out.stdout


def run_status(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "copydesk.cli", *args], capture_output=True, text=True
    )


def test_table_on_examples() -> None:
    out = run("analyze", str(EXAMPLES))
    assert "top_entities" in out
    assert "01-harbour-post.txt" in out
    assert "Solberg" in out


def test_json_and_csv(tmp_path: Path) -> None:
    rows = json.loads(run("analyze", str(EXAMPLES), "--format", "json", "--jobs", "1"))
    assert len(rows) == len(list(EXAMPLES.glob("*.txt")))
    assert all(-1 <= r["compound"] <= 1 and -1 <= r["mean_compound"] <= 1 for r in rows)
    # Lists, not joined strings, in JSON.
    assert all(isinstance(r["top_entities"], list) for r in rows)
    assert {"name", "label", "mentions"} <= set(rows[0]["top_entities"][0])
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
    r = run_status("analyze", str(p))
    assert r.returncode != 0 and "text" in r.stderr and "Traceback" not in r.stderr
    r = run_status("analyze", str(tmp_path / "missing"))
    assert r.returncode != 0 and "missing: no such file or folder" in r.stderr


def test_a_real_folder_with_bad_files(tmp_path: Path) -> None:
    """One Latin-1 file, one binary file and good files: every good file is analysed,
    each bad one named on stderr, no traceback, exit status 1; --strict stops."""
    for f in sorted(EXAMPLES.glob("*.txt")):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait in S\xe3o Paulo.".encode("latin-1"))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    r = run_status("analyze", str(tmp_path), "--format", "jsonl")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert f"{tmp_path / 'latin1.txt'}: not UTF-8 text (skipped)" in r.stderr
    assert f"{tmp_path / 'image.txt'}: binary file, not text (skipped)" in r.stderr
    ids = [json.loads(x)["id"] for x in r.stdout.splitlines()]
    assert ids == [str(tmp_path / f.name) for f in sorted(EXAMPLES.glob("*.txt"))]
    r = run_status("analyze", str(tmp_path), "--strict")
    assert r.returncode == 1 and r.stdout == "" and r.stderr.count("(skipped)") == 1


def test_stdin_version_and_help() -> None:
    rows = json.loads(
        run("analyze", "-", "--format", "json", stdin="Rex Tillerson spoke in Manila.")
    )
    assert rows[0]["id"] == "-"
    assert {e["name"] for e in rows[0]["top_entities"]} == {"Rex Tillerson", "Manila"}
    assert run("--version").strip() == f"copydesk {copydesk.__version__}"
    help_text = run("analyze", "--help")
    assert "--what" in help_text and "--strict" in help_text and "``" not in help_text
    assert "``" not in run("--help")


def test_entities_and_quotes_output() -> None:
    docs = copydesk.Pipeline().analyze_many(
        [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    )
    ids = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    ents = json.loads(run("analyze", str(EXAMPLES), "--what", "entities", "--format", "json"))
    # The counts and tones of copydesk.compare, per article and referent.
    c = copydesk.compare(docs, by=ids)
    assert sum(r["mentions"] for r in ents) == int(c.mentions.to_numpy().sum())
    for r in ents:
        assert c.mentions.loc[(r["entity"], r["label"]), r["id"]] == r["mentions"]
        assert abs(c.entity_tone.loc[(r["entity"], r["label"]), r["id"]] - r["compound"]) < 1e-3
    quotes = list(
        csv.DictReader(
            io.StringIO(run("analyze", str(EXAMPLES), "--what", "quotes", "--format", "csv"))
        )
    )
    assert len(quotes) == sum(len(d.quotes) for d in docs)
    assert {"id", "speaker", "cue", "compound", "text"} <= set(quotes[0])


def test_iter_inputs_reads_folders_sorted() -> None:
    ids = [i for i, _ in cli.iter_inputs([str(EXAMPLES)])]
    assert ids == sorted(ids) and len(ids) >= 3
