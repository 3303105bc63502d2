"""pandas DataFrames of analysed documents (``pip install "copydesk[pandas]"``)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

from copydesk._copydesk import Document, link_referents

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


def entity_sentences(doc: Document) -> list[int]:
    """The index of the sentence holding each entity of ``doc`` (same order)."""
    starts = [s.start for s in doc.sentences]
    return [max(bisect_right(starts, e.start) - 1, 0) for e in doc.entities]


Links = dict[str, tuple[str, str]]


def rows(
    doc: Document, doc_id: Any, level: str, links: Links | None = None
) -> list[dict[str, Any]]:
    """The rows of one document at ``level`` (plain dicts, character offsets).

    ``links`` (from ``link_referents`` over all the documents of a frame) names the
    referent of each canonical name at the ``entities`` level; by default the document's
    own names are linked.
    """
    if level == "documents":
        d: dict[str, Any] = {
            "doc": doc_id,
            "chars": len(doc.text),
            "tokens": len(doc.tokens),
            "sentences": len(doc.sentences),
            "entities": len(doc.entities),
        }
        d.update(doc.tone.to_dict())
        d["mean_compound"] = doc.mean_compound()
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
        if links is None:
            links = link_referents([doc])
        out = []
        for e, i in zip(doc.entities, entity_sentences(doc), strict=True):
            referent, referent_label = (
                links.get(e.canonical, (e.canonical, e.label))
                if e.label in NAME_LABELS
                else (e.canonical, e.label)
            )
            out.append(
                {
                    "doc": doc_id,
                    "sentence": i,
                    "start": e.start,
                    "end": e.end,
                    "text": e.text,
                    "label": e.label,
                    "score": e.score,
                    "canonical": e.canonical,
                    "referent": referent,
                    "referent_label": referent_label,
                }
            )
        return out
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
                "speaker_start": q.speaker.start if q.speaker is not None else None,
                "speaker_end": q.speaker.end if q.speaker is not None else None,
                "cue": q.cue,
                "compound": q.tone.compound,
                "kind": q.kind,
            }
            for q in doc.quotes
        ]
    raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")


COLUMNS = {
    "documents": [
        "doc",
        "chars",
        "tokens",
        "sentences",
        "entities",
        *TONE_FIELDS,
        "mean_compound",
        "top_entities",
    ],
    "sentences": ["doc", "sentence", "start", "end", "text", *TONE_FIELDS],
    "entities": [
        "doc",
        "sentence",
        "start",
        "end",
        "text",
        "label",
        "score",
        "canonical",
        "referent",
        "referent_label",
    ],
    "tokens": ["doc", "start", "end", "text", "kind"],
    "quotes": [
        "doc",
        "start",
        "end",
        "text",
        "speaker",
        "speaker_label",
        "speaker_start",
        "speaker_end",
        "cue",
        "compound",
        "kind",
    ],
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
    link: bool = True,
    kinds: Sequence[str] = QUOTE_KINDS,
) -> pd.DataFrame:
    """One row per document, sentence, entity, token or quote (``level=``).

    Offsets are character offsets into each document's text; the ``doc`` column holds
    ``ids[i]`` (default: the position ``i``) of the document a row comes from. Tone
    columns mean the same everywhere: ``compound`` is the squashed score in [-1, 1],
    ``tone`` the GDELT-style percentage (positive minus negative words), and, per
    document, ``mean_compound`` the mean of its sentences' compounds (see
    ``Document.mean_compound``).

    At the ``entities`` level, ``sentence`` is the index of the sentence holding the
    mention (join it with the ``sentences`` level on ``doc`` and ``sentence``), and
    ``referent``/``referent_label`` name what the mention refers to across all ``docs``
    (``Sergey Lavrov`` in one document and ``Sergei Lavrov`` or a bare ``Lavrov`` in
    another are one referent; see ``copydesk.link_referents``); with ``link=False`` only
    within each document. ``copydesk.dask`` and ``copydesk.spark`` link within each
    document by default (a partition's rows then depend on its own texts only) and across
    all texts with ``analyze_frame(..., link=True)``, ``analyze_bag(..., link=True)`` and
    ``link_entities`` (same columns as this frame, by ``copydesk.link_names`` over every
    partition's names). At the ``quotes`` level,
    ``speaker`` is the speaker's canonical name (or the words naming an unnamed speaker,
    such as "a spokesman"), ``speaker_label``, ``speaker_start`` and ``speaker_end`` the
    label and character offsets of the speaker's entity mention (for a pronoun, the
    mention it refers to; ``None`` when the speaker is not a tagged entity) and
    ``compound`` the tone of the quoted words, and ``kind`` the quote's kind
    (``"direct"``, ``"partial"``, ``"scare"``); ``kinds=`` keeps only quotes of those kinds
    (default: all; pass ``copydesk.SPEECH_KINDS`` to leave out scare quotes).

    Save a frame with pandas, e.g. ``frame(docs, "entities").to_parquet("ents.parquet")``
    (``pip install "copydesk[parquet]"``).
    """
    pd = _pandas()
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    keep = check_kinds(kinds)
    keys = _ids(docs, ids)
    links = link_referents(list(docs)) if level == "entities" and link else None
    data = [r for doc, k in zip(docs, keys, strict=True) for r in rows(doc, k, level, links)]
    if level == "quotes" and len(keep) < len(QUOTE_KINDS):
        data = [r for r in data if r["kind"] in keep]
    return pd.DataFrame(data, columns=COLUMNS[level])


class Referents:
    """Mentions of and tone toward each referent, per key (an outlet or a document id):
    the one computation behind ``mention_table``, ``compare`` and ``plot.entity_tone``.

    A mention counts for the referent ``link_referents`` gives its canonical name; the tone
    toward a referent under a key is the mean compound of the distinct sentences (of the
    key's documents) that mention it.
    """

    def __init__(
        self,
        docs: Sequence[Document],
        keys: Sequence[Hashable],
        labels: Sequence[str] = NAME_LABELS,
    ) -> None:
        links = link_referents(list(docs))
        self.keys: list[Hashable] = list(dict.fromkeys(keys))
        self.mentions: dict[tuple[str, str], dict[Hashable, int]] = {}
        tone: dict[tuple[str, str], dict[Hashable, list[float]]] = {}
        for doc, key in zip(docs, keys, strict=True):
            sentence_tone = [s.tone.compound if s.tone is not None else 0.0 for s in doc.sentences]
            seen: set[tuple[tuple[str, str], int]] = set()
            for e, i in zip(doc.entities, entity_sentences(doc), strict=True):
                if e.label not in NAME_LABELS:
                    continue
                ref = links.get(e.canonical, (e.canonical, e.label))
                if ref[1] not in labels:
                    continue
                row = self.mentions.setdefault(ref, {})
                row[key] = row.get(key, 0) + 1
                acc = tone.setdefault(ref, {}).setdefault(key, [0.0, 0.0])
                if (ref, i) not in seen and i < len(sentence_tone):
                    seen.add((ref, i))
                    acc[0] += sentence_tone[i]
                    acc[1] += 1
        self.tone: dict[tuple[str, str], dict[Hashable, float]] = {
            ref: {k: a[0] / a[1] for k, a in per.items() if a[1]} for ref, per in tone.items()
        }
        self.order: list[tuple[str, str]] = sorted(
            self.mentions, key=lambda r: (-sum(self.mentions[r].values()), r[0], r[1])
        )

    def mention_frame(self, index_names: Sequence[str] = ("entity", "label")) -> pd.DataFrame:
        """Mentions: one row per referent (most mentioned first), one column per key."""
        pd = _pandas()
        index = pd.MultiIndex.from_tuples(self.order, names=list(index_names))
        return pd.DataFrame(
            [[self.mentions[r].get(k, 0) for k in self.keys] for r in self.order],
            index=index,
            columns=self.keys,
            dtype="int64",
        )

    def tone_frame(self, index_names: Sequence[str] = ("entity", "label")) -> pd.DataFrame:
        """Tone toward each referent per key; NaN where the key never mentions it."""
        pd = _pandas()
        index = pd.MultiIndex.from_tuples(self.order, names=list(index_names))
        return pd.DataFrame(
            [[self.tone.get(r, {}).get(k, float("nan")) for k in self.keys] for r in self.order],
            index=index,
            columns=self.keys,
            dtype="float64",
        )


def mention_table(
    docs: Sequence[Document],
    ids: Sequence[Any] | None = None,
    labels: Sequence[str] = NAME_LABELS,
) -> pd.DataFrame:
    """Entity-by-document mention counts: one row per referent (index ``entity``, ``label``:
    the name and label ``copydesk.link_referents`` gives it across ``docs``), one column
    per document id, most mentioned first. Documents sharing an id share a column. The
    counts are those of ``compare(docs, by=ids).mentions``."""
    keys = _ids(docs, ids)
    return Referents(docs, keys, labels).mention_frame()
