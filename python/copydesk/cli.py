"""The ``copydesk`` command line: ``copydesk analyze PATH...``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import copydesk
from copydesk._frames import NAME_LABELS, SPEECH_KINDS, Referents

DESCRIPTION = """\
Analyse news articles: words, sentences, named entities, quotations and tone.

Each PATH is a .txt file (one article), a folder (its .txt and .jsonl files, recursively,
in sorted order), a .jsonl file (one JSON object per line with a "text" field and an
optional "id"), or - for one article read from standard input. Files must be UTF-8 text:
any other file is named on stderr and skipped, and the exit status is then 1."""

EPILOG = """\
tone columns: compound is the squashed tone score in [-1, 1]; mean_compound the mean of
the sentence compounds (what separates outlets: compound saturates on long articles);
tone the GDELT-style percentage of positive minus negative words.

examples:
  copydesk analyze examples/articles/
  copydesk analyze articles/ --what entities --format csv > entities.csv
  cat story.txt | copydesk analyze - --format json"""


class BadInput(Exception):
    """An input that cannot be analysed (reported on stderr and skipped)."""


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data:
        raise BadInput(f"{path}: binary file, not text (skipped)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text (skipped)") from None


def _jsonl(path: Path) -> Iterator[tuple[str, str] | BadInput]:
    text = _read_text(path)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            value = obj["text"]
        except (ValueError, KeyError, TypeError) as e:
            yield BadInput(f"{path}:{n}: not a JSON object with a 'text' field ({e}) (skipped)")
            continue
        if not isinstance(value, str):
            yield BadInput(f"{path}:{n}: 'text' is not a string (skipped)")
            continue
        yield str(obj.get("id", f"{path}:{n}")), value


def iter_inputs(paths: Sequence[str], stdin: TextIO | None = None) -> Iterator[Any]:
    """Yields ``(id, text)`` for ``.txt`` files, folders of them, ``.jsonl`` files and ``-``
    (standard input), and a :class:`BadInput` for each input that cannot be read.

    A ``.jsonl`` line must be an object with a ``text`` field; its ``id`` field, if any,
    names it, else ``file:line``. Folders are read in sorted order, recursively.
    """
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield "-", stream.read()
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl"))
                yield from iter_inputs([str(p) for p in files], stdin)
            elif path.suffix == ".jsonl":
                yield from _jsonl(path)
            elif path.is_file():
                yield str(path), _read_text(path)
            else:
                yield BadInput(f"{raw}: no such file or folder (skipped)")
        except BadInput as e:
            yield e
        except OSError as e:
            yield BadInput(f"{raw}: {e.strerror or e} (skipped)")


def summarize(doc_id: str, doc: copydesk.Document, top: int = 3) -> dict[str, object]:
    """One row of the report for one article: size, sentences, entities, quotations (direct
    and partial, as ``compare`` counts them; not scare quotes), tone, top entities (a list
    of ``{"name", "label", "mentions"}``)."""
    names = [e for e in doc.entity_tone() if e.label in NAME_LABELS]
    t = doc.tone
    return {
        "id": doc_id,
        "words": t.word_count,
        "sentences": len(doc.sentences),
        "entities": len(doc.entities),
        "quotes": sum(q.kind in SPEECH_KINDS for q in doc.quotes),
        "compound": round(t.compound, 3),
        "mean_compound": round(doc.mean_compound(), 3),
        "tone": round(t.tone, 2),
        "top_entities": [
            {"name": e.name, "label": e.label, "mentions": e.mentions} for e in names[:top]
        ],
    }


def entity_rows(ids: list[str], docs: list[copydesk.Document]) -> list[dict[str, object]]:
    """One row per article and referent: mentions and the mean compound of the sentences
    naming it (the counts and tones of ``copydesk.compare``)."""
    refs = Referents(docs, ids)
    out: list[dict[str, object]] = []
    for doc_id in refs.keys:
        for name, label in refs.order:
            n = refs.mentions[(name, label)].get(doc_id)
            if n:
                tone = refs.tone.get((name, label), {}).get(doc_id, 0.0)
                out.append(
                    {
                        "id": doc_id,
                        "entity": name,
                        "label": label,
                        "mentions": n,
                        "compound": round(tone, 3),
                    }
                )
    return out


def quote_rows(ids: list[str], docs: list[copydesk.Document]) -> list[dict[str, object]]:
    """One row per quotation: speaker, cue, the quoted words and their compound tone."""
    return [
        {
            "id": doc_id,
            "start": q.start,
            "end": q.end,
            "speaker": q.speaker_text,
            "speaker_label": q.speaker.label if q.speaker is not None else None,
            "cue": q.cue,
            "compound": round(q.tone.compound, 3),
            "text": q.text,
        }
        for doc_id, doc in zip(ids, docs, strict=True)
        for q in doc.quotes
    ]


def _flat(value: object) -> str:
    """A cell of the text table or CSV: lists of entities joined."""
    if isinstance(value, list):
        return "; ".join(f"{v['name']} ({v['label']}, {v['mentions']})" for v in value)
    return "" if value is None else str(value)


def print_table(rows: list[dict[str, object]], out) -> None:
    """A plain aligned text table."""
    if not rows:
        print("(nothing to report)", file=out)
        return
    cols = list(rows[0])
    cells = [[_flat(r[c]) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip(), file=out)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Fast analysis of news articles (tokens, sentences, entities, tone, quotes).",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {copydesk.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    an = sub.add_parser(
        "analyze",
        help="analyse articles and print a report",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    an.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, .jsonl file or -")
    an.add_argument(
        "--what",
        choices=["documents", "entities", "quotes"],
        default="documents",
        help="one row per article (default), per article and entity, or per quotation",
    )
    an.add_argument(
        "--format",
        choices=["table", "json", "jsonl", "csv"],
        default="table",
        help="output format (default: an aligned text table)",
    )
    an.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="threads (default: all cores)"
    )
    an.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first input that cannot be read (default: skip it, exit status 1)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``copydesk`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")

    inputs: list[tuple[str, str]] = []
    skipped = 0
    for item in iter_inputs(args.paths):
        if isinstance(item, BadInput):
            print(f"copydesk: {item}", file=sys.stderr)
            skipped += 1
            if args.strict:
                return 1
            continue
        inputs.append(item)

    nlp = copydesk.Pipeline(threads=args.jobs)
    ids = [i for i, _ in inputs]
    docs = list(nlp.pipe((t for _, t in inputs), progress=len(inputs) > 20))
    if args.what == "documents":
        rows = [summarize(i, d) for i, d in zip(ids, docs, strict=True)]
    elif args.what == "entities":
        rows = entity_rows(ids, docs)
    else:
        rows = quote_rows(ids, docs)

    out = sys.stdout
    if args.format == "table":
        print_table(rows, out)
    elif args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        print(file=out)
    elif args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False), file=out)
    elif rows:
        w = csv.DictWriter(out, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows({k: _flat(v) for k, v in r.items()} for r in rows)
    if skipped:
        print(f"copydesk: {skipped} input(s) skipped", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
