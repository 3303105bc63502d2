"""pandas DataFrames of analysed documents (``pip install "copydesk[pandas]"``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from copydesk._copydesk import Document

if TYPE_CHECKING:
    import pandas as pd

LEVELS = ("documents", "sentences", "entities", "tokens", "quotes")
TONE_FIELDS = (
    "compound",
    "positive",
    "negative",
    "neutral",
    "polarity",
    "word_count",
    "tone",
    "activity",
    "self_reference",
)
NAME_LABELS = ("PER", "ORG", "LOC", "MISC")


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError('copydesk.frame needs pandas: pip install "copydesk[pandas]"') from None
    return pandas


def _ids(docs: Sequence[Document], ids: Sequence[Any] | None) -> list[Any]:
    if isinstance(docs, Document):
        raise TypeError("docs must be a sequence of Document; wrap one document in a list")
    for i, d in enumerate(docs):
        if not isinstance(d, Document):
            raise TypeError(f"docs[{i}] must be a copydesk.Document, not {type(d).__name__}")
    if ids is None:
        return list(range(len(docs)))
    ids = list(ids)
    if len(ids) != len(docs):
        raise ValueError(f"ids has {len(ids)} items for {len(docs)} documents")
    return ids


def rows(doc: Document, doc_id: Any, level: str) -> list[dict[str, Any]]:
    """The rows of one document at ``level`` (plain dicts, character offsets)."""
    if level == "documents":
        d: dict[str, Any] = {
            "doc": doc_id,
            "chars": len(doc.text),
            "tokens": len(doc.tokens),
            "sentences": len(doc.sentences),
            "entities": len(doc.entities),
        }
        d.update(doc.tone.to_dict())
        names = [e for e in doc.entity_tone() if e.label in NAME_LABELS]
        d["top_entities"] = ", ".join(e.name for e in names[:5])
        return [d]
    if level == "sentences":
        out = []
        for i, s in enumerate(doc.sentences):
            r: dict[str, Any] = {
                "doc": doc_id,
                "sentence": i,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            if s.tone is not None:
                r.update(s.tone.to_dict())
            out.append(r)
        return out
    if level == "entities":
        return [
            {
                "doc": doc_id,
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "label": e.label,
                "score": e.score,
                "canonical": e.canonical,
            }
            for e in doc.entities
        ]
    if level == "tokens":
        return [
            {"doc": doc_id, "start": t.start, "end": t.end, "text": t.text, "kind": t.kind}
            for t in doc.tokens
        ]
    if level == "quotes":
        return [
            {
                "doc": doc_id,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker_text,
                "speaker_label": q.speaker.label if q.speaker is not None else None,
                "cue": q.cue,
                "tone": q.tone.compound,
                "kind": q.kind,
            }
            for q in doc.quotes
        ]
    raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")


COLUMNS = {
    "documents": ["doc", "chars", "tokens", "sentences", "entities", *TONE_FIELDS, "top_entities"],
    "sentences": ["doc", "sentence", "start", "end", "text", *TONE_FIELDS],
    "entities": ["doc", "start", "end", "text", "label", "score", "canonical"],
    "tokens": ["doc", "start", "end", "text", "kind"],
    "quotes": ["doc", "start", "end", "text", "speaker", "speaker_label", "cue", "tone", "kind"],
}

QUOTE_KINDS = ("direct", "partial", "scare")
"""Every ``Quote.kind``."""
SPEECH_KINDS = ("direct", "partial")
"""The kinds that are reported speech (scare quotes are not)."""


def check_kinds(kinds: Sequence[str]) -> set[str]:
    """The set of ``kinds``, each checked against :data:`QUOTE_KINDS`."""
    if isinstance(kinds, str):
        raise TypeError("kinds must be a sequence of quote kinds, not a str")
    unknown = [k for k in kinds if k not in QUOTE_KINDS]
    if unknown:
        raise ValueError(f"unknown quote kinds {unknown!r}; expected some of {QUOTE_KINDS}")
    return set(kinds)


def frame(
    docs: Sequence[Document],
    level: str = "documents",
    ids: Sequence[Any] | None = None,
    kinds: Sequence[str] = QUOTE_KINDS,
) -> pd.DataFrame:
    """One row per document, sentence, entity, token or quote (``level=``).

    Offsets are character offsets into each document's text; the ``doc`` column holds
    ``ids[i]`` (default: the position ``i``) of the document a row comes from. At the
    ``quotes`` level, ``speaker`` is the speaker's canonical name (or the words naming an
    unnamed speaker, such as "a spokesman"), ``speaker_label`` the label of the speaker
    entity (``None`` when the speaker is not a tagged entity), ``tone`` the compound
    tone of the quoted words and ``kind`` the quote's kind (``"direct"``, ``"partial"``,
    ``"scare"``); ``kinds=`` keeps only quotes of those kinds (default: all; pass
    ``copydesk.SPEECH_KINDS`` to leave out scare quotes).
    """
    pd = _pandas()
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    keep = check_kinds(kinds)
    keys = _ids(docs, ids)
    data = [r for doc, k in zip(docs, keys, strict=True) for r in rows(doc, k, level)]
    if level == "quotes" and len(keep) < len(QUOTE_KINDS):
        data = [r for r in data if r["kind"] in keep]
    return pd.DataFrame(data, columns=COLUMNS[level])


def mention_table(
    docs: Sequence[Document],
    ids: Sequence[Any] | None = None,
    labels: Sequence[str] = NAME_LABELS,
) -> pd.DataFrame:
    """Entity-by-document mention counts: one row per (canonical name, label), one column
    per document, most mentioned first."""
    pd = _pandas()
    keys = _ids(docs, ids)
    counts: dict[tuple[str, str], dict[Any, int]] = {}
    for doc, k in zip(docs, keys, strict=True):
        for e in doc.entities:
            if e.label in labels:
                row = counts.setdefault((e.canonical, e.label), {})
                row[k] = row.get(k, 0) + 1
    index = pd.MultiIndex.from_tuples(list(counts), names=["entity", "label"])
    table = pd.DataFrame(list(counts.values()), index=index, columns=keys).fillna(0).astype(int)
    if len(table):
        table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    return table
