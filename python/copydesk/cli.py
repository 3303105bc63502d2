"""The ``copydesk`` command line: ``copydesk analyze PATH...``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import copydesk


def iter_inputs(paths: Sequence[str]) -> Iterator[tuple[str, str]]:
    """Yields ``(id, text)`` for ``.txt`` files, folders of them and ``.jsonl`` files.

    A ``.jsonl`` line must be an object with a ``text`` field; its ``id`` field, if any,
    names it, else ``file:line``. Folders are read in sorted order, recursively.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl"))
            yield from iter_inputs([str(p) for p in files])
        elif path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                        text = obj["text"]
                    except (ValueError, KeyError, TypeError) as e:
                        raise SystemExit(
                            f"{path}:{n}: not a JSON object with a 'text' field ({e})"
                        ) from None
                    if not isinstance(text, str):
                        raise SystemExit(f"{path}:{n}: 'text' is not a string")
                    yield str(obj.get("id", f"{path}:{n}")), text
        elif path.is_file():
            yield str(path), path.read_text(encoding="utf-8")
        else:
            raise SystemExit(f"copydesk: no such file or folder: {raw}")


def summarize(doc_id: str, doc: copydesk.Document, top: int = 3) -> dict[str, object]:
    """One row of the report for one article: size, sentences, entities, quotations, tone,
    top entities."""
    names = [e for e in doc.entity_tone() if e.label in ("PER", "ORG", "LOC", "MISC")]
    t = doc.tone
    return {
        "id": doc_id,
        "words": t.word_count,
        "sentences": len(doc.sentences),
        "entities": len(doc.entities),
        "quotes": len(doc.quotes),
        "tone": round(t.compound, 3),
        "gdelt_tone": round(t.tone, 2),
        "top_entities": "; ".join(f"{e.name} ({e.label}, {e.mentions})" for e in names[:top]),
    }


def print_table(rows: list[dict[str, object]], out) -> None:
    """A plain aligned text table."""
    if not rows:
        print("(no articles)", file=out)
        return
    cols = list(rows[0])
    cells = [[str(r[c]) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)), file=out)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``copydesk`` console script."""
    parser = argparse.ArgumentParser(prog="copydesk", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze", help="analyse articles and print a report")
    an.add_argument("paths", nargs="+", help=".txt files, folders, .jsonl files (field 'text')")
    an.add_argument("--format", choices=["table", "json", "jsonl", "csv"], default="table")
    an.add_argument("--jobs", type=int, default=None, help="threads (default: all cores)")
    args = parser.parse_args(argv)

    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    nlp = copydesk.Pipeline(threads=args.jobs)
    inputs = list(iter_inputs(args.paths))
    ids = [i for i, _ in inputs]
    docs = nlp.pipe((t for _, t in inputs), progress=len(inputs) > 20)
    rows = [summarize(i, d) for i, d in zip(ids, docs, strict=True)]
    out = sys.stdout
    if args.format == "table":
        print_table(rows, out)
    elif args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        print(file=out)
    elif args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False), file=out)
    else:
        if rows:
            w = csv.DictWriter(out, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
