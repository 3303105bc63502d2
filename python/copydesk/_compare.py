"""``copydesk.compare``: how outlets differ in whom they mention, quote and how they sound.

Entities are compared by canonical name (``Entity.canonical``: titles, possessives and
variants such as ``U.S.``/``United States`` already resolved within each document).
Across documents one more rule applies: a one-word person name (``Solberg``, from an
article that never gives the full name) joins the only multi-word person name among all
the documents that ends with it (``Ingrid Solberg``); when several do, it stays apart.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from copydesk._copydesk import Document
from copydesk._frames import NAME_LABELS, SPEECH_KINDS, _pandas, check_kinds

if TYPE_CHECKING:
    import pandas as pd

UNNAMED = "(unnamed)"


@dataclass(frozen=True)
class Comparison:
    """The comparison of outlets built by :func:`compare`; every table has one column (or
    row, for ``outlets``) per outlet label, in order of first appearance.

    - ``outlets``: per outlet, documents, words, quotes (of the kinds compared), mean
      document tone (``tone``,
      compound in [-1, 1]), mean GDELT tone, mean positive and negative shares.
    - ``mentions``: mentions per entity (index ``entity``, ``label``) per outlet.
    - ``entity_tone``: tone toward each entity per outlet (mean compound tone of the
      sentences mentioning it; empty where the outlet never mentions it).
    - ``quotes``: quotations per speaker per outlet (index ``speaker``, ``label``;
      unattributed-to-a-name quotes count under ``"(unnamed)"``).
    - ``quote_tone``: mean tone of each speaker's quotations per outlet.
    """

    labels: list[Hashable]
    outlets: pd.DataFrame
    mentions: pd.DataFrame
    entity_tone: pd.DataFrame
    quotes: pd.DataFrame
    quote_tone: pd.DataFrame
    top: int = field(default=15, compare=False)

    def __repr__(self) -> str:
        return (
            f"Comparison({len(self.labels)} outlets, {len(self.mentions)} entities, "
            f"{len(self.quotes)} speakers)"
        )

    def _repr_html_(self) -> str:
        """Jupyter rendering: the tables, top entities and speakers first (all escaped)."""
        n = self.top

        def table(title: str, df: pd.DataFrame, note: str = "") -> str:
            body = df.to_html(escape=True, na_rep="", float_format=lambda x: f"{x:+.3f}")
            extra = f' <span class="cd-note">{escape(note)}</span>' if note else ""
            return f"<h4>{escape(title)}{extra}</h4>{body}"

        more = f"top {n} of {{}}"
        parts = [
            _STYLE,
            '<div class="cd-compare">',
            table("Tone per outlet", self.outlets),
            table(
                "Mentions per entity",
                self.mentions.head(n),
                more.format(len(self.mentions)) if len(self.mentions) > n else "",
            ),
            table(
                "Tone toward each entity",
                self.entity_tone.head(n),
                "mean compound tone of the sentences mentioning it",
            ),
            table(
                "Quotations per speaker",
                self.quotes.head(n),
                more.format(len(self.quotes)) if len(self.quotes) > n else "",
            ),
            table("Tone of each speaker's quotations", self.quote_tone.head(n)),
            "</div>",
        ]
        return "".join(parts)


_STYLE = """<style>
.cd-compare h4{font:600 0.95em sans-serif;margin:14px 0 4px 0}
.cd-compare .cd-note{font-weight:normal;color:#666;font-size:0.85em}
.cd-compare table{font-size:0.85em}
</style>"""


def _merge_surnames(names: dict[str, str]) -> dict[str, str]:
    """Maps each one-word person name to the only multi-word person name ending in it."""
    full: dict[str, list[str]] = {}
    for name, label in names.items():
        words = name.split()
        if label == "PER" and len(words) > 1:
            full.setdefault(words[-1].casefold(), []).append(name)
    out = {}
    for name, label in names.items():
        if label == "PER" and len(name.split()) == 1:
            candidates = full.get(name.casefold(), [])
            if len(candidates) == 1:
                out[name] = candidates[0]
    return out


def _majority(counts: dict[str, int]) -> str:
    return max(counts.items(), key=lambda kv: kv[1])[0]


def compare(
    docs: Sequence[Document],
    by: Sequence[Hashable],
    labels: Sequence[str] = NAME_LABELS,
    top: int = 15,
    kinds: Sequence[str] = SPEECH_KINDS,
) -> Comparison:
    """Compares outlets: ``by[i]`` is the outlet (any hashable label) of ``docs[i]``;
    several documents may share one. ``labels`` are the entity labels compared;
    ``kinds`` the quote kinds counted (default ``SPEECH_KINDS``: direct and partial
    quotes, not scare quotes; pass ``QUOTE_KINDS`` for all).

    Returns a :class:`Comparison` of pandas DataFrames (``outlets``, ``mentions``,
    ``entity_tone``, ``quotes``, ``quote_tone``) that renders as HTML in Jupyter, showing
    the ``top`` rows of each table.
    """
    pd = _pandas()
    keep = check_kinds(kinds)
    if isinstance(docs, Document):
        raise TypeError("docs must be a sequence of Document; wrap one document in a list")
    docs = list(docs)
    if isinstance(by, (str, bytes)):
        raise TypeError("by must be a sequence of labels, one per document, not a str")
    by = list(by)
    if len(by) != len(docs):
        raise ValueError(f"by has {len(by)} labels for {len(docs)} documents")
    for i, d in enumerate(docs):
        if not isinstance(d, Document):
            raise TypeError(f"docs[{i}] must be a Document, not {type(d).__name__}")
    outlets: list[Hashable] = list(dict.fromkeys(by))

    # Pass 1: per-document entity and quote records, keyed by canonical name.
    label_counts: dict[str, dict[str, int]] = {}
    ent_rows: list[tuple[Hashable, str, str, int, int, float]] = []
    quote_rows: list[tuple[Hashable, str, str, float]] = []
    for doc, outlet in zip(docs, by, strict=True):
        for et in doc.entity_tone():
            if et.label not in labels:
                continue
            counts = label_counts.setdefault(et.name, {})
            counts[et.label] = counts.get(et.label, 0) + et.mentions
            ent_rows.append((outlet, et.name, et.label, et.mentions, et.sentences, et.tone))
        for q in doc.quotes:
            if q.kind not in keep:
                continue
            speaker = q.speaker_text or UNNAMED
            label = q.speaker.label if q.speaker is not None else ""
            quote_rows.append((outlet, speaker, label, q.tone.compound))
            if label:
                counts = label_counts.setdefault(speaker, {})
                counts.setdefault(label, 0)
    names = {name: _majority(c) for name, c in label_counts.items() if c}
    merged = _merge_surnames(names)

    def key(name: str) -> str:
        return merged.get(name, name)

    # Mentions and tone toward each entity.
    mention_n: dict[tuple[str, str], dict[Hashable, int]] = {}
    tone_sum: dict[tuple[str, str], dict[Hashable, list[float]]] = {}
    for outlet, name, label, mentions, sentences, tone in ent_rows:
        k = (key(name), names.get(key(name), label))
        row = mention_n.setdefault(k, {})
        row[outlet] = row.get(outlet, 0) + mentions
        acc = tone_sum.setdefault(k, {}).setdefault(outlet, [0.0, 0.0])
        acc[0] += tone * sentences
        acc[1] += sentences
    order = sorted(mention_n, key=lambda k: (-sum(mention_n[k].values()), k[0]))
    index = pd.MultiIndex.from_tuples(order, names=["entity", "label"])
    mentions = pd.DataFrame(
        [[mention_n[k].get(o, 0) for o in outlets] for k in order],
        index=index,
        columns=outlets,
        dtype="int64",
    )
    entity_tone = pd.DataFrame(
        [
            [(a[0] / a[1]) if (a := tone_sum[k].get(o)) and a[1] else float("nan") for o in outlets]
            for k in order
        ],
        index=index.copy(),
        columns=outlets,
        dtype="float64",
    )

    # Quotations per speaker.
    q_n: dict[tuple[str, str], dict[Hashable, int]] = {}
    q_tone: dict[tuple[str, str], dict[Hashable, float]] = {}
    for outlet, speaker, label, tone in quote_rows:
        name = key(speaker) if label else speaker
        k = (name, names.get(name, label) if label else label)
        row = q_n.setdefault(k, {})
        row[outlet] = row.get(outlet, 0) + 1
        sums = q_tone.setdefault(k, {})
        sums[outlet] = sums.get(outlet, 0.0) + tone
    q_order = sorted(q_n, key=lambda k: (-sum(q_n[k].values()), k[0]))
    q_index = pd.MultiIndex.from_tuples(q_order, names=["speaker", "label"])
    quotes = pd.DataFrame(
        [[q_n[k].get(o, 0) for o in outlets] for k in q_order],
        index=q_index,
        columns=outlets,
        dtype="int64",
    )
    quote_tone = pd.DataFrame(
        [
            [q_tone[k][o] / q_n[k][o] if o in q_n[k] else float("nan") for o in outlets]
            for k in q_order
        ],
        index=q_index.copy(),
        columns=outlets,
        dtype="float64",
    )

    # Tone per outlet.
    per: dict[Hashable, dict[str, Any]] = {
        o: {
            "documents": 0,
            "words": 0,
            "quotes": 0,
            "tone": 0.0,
            "gdelt_tone": 0.0,
            "positive": 0.0,
            "negative": 0.0,
        }
        for o in outlets
    }
    for doc, outlet in zip(docs, by, strict=True):
        r = per[outlet]
        t = doc.tone
        r["documents"] += 1
        r["words"] += t.word_count
        r["quotes"] += sum(q.kind in keep for q in doc.quotes)
        r["tone"] += t.compound
        r["gdelt_tone"] += t.tone
        r["positive"] += t.positive
        r["negative"] += t.negative
    for r in per.values():
        n = r["documents"] or 1
        for f in ("tone", "gdelt_tone", "positive", "negative"):
            r[f] /= n
    outlet_frame = pd.DataFrame.from_dict(per, orient="index")
    outlet_frame.index.name = "outlet"

    return Comparison(
        labels=outlets,
        outlets=outlet_frame,
        mentions=mentions,
        entity_tone=entity_tone,
        quotes=quotes,
        quote_tone=quote_tone,
        top=top,
    )
