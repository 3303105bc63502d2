"""``copydesk.compare``: how outlets differ in whom they mention, quote and how they sound.

Entities are compared by referent: ``copydesk.link_referents`` gives every canonical name
(``Entity.canonical``: titles, possessives and variants such as ``U.S.``/``United States``
already resolved within each document) the name and label of what it refers to across
all the documents (transliteration variants such as ``Sergei``/``Sergey Lavrov`` are one
person, and a one-word person name joins the only full name ending in it). The counts and
tones are those of ``copydesk.mention_table`` and ``copydesk.plot.entity_tone``.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from copydesk._copydesk import Document, link_referents
from copydesk._frames import NAME_LABELS, SPEECH_KINDS, Referents, _pandas, check_kinds

if TYPE_CHECKING:
    import pandas as pd

UNNAMED = "(unnamed)"


@dataclass(frozen=True)
class Comparison:
    """The comparison of outlets built by :func:`compare`; every table has one column (or
    row, for ``outlets``) per outlet label, in order of first appearance.

    - ``outlets``: per outlet, documents, words, quotes (of the kinds compared) and the
      means over its documents of ``mean_compound`` (the mean sentence compound, which
      separates outlets), ``compound`` (the document compound, which saturates on long
      articles), ``tone`` (GDELT-style percentage) and the positive and negative shares.
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


def compare(
    docs: Sequence[Document],
    by: Sequence[Hashable],
    labels: Sequence[str] = NAME_LABELS,
    top: int = 15,
    kinds: Sequence[str] = SPEECH_KINDS,
) -> Comparison:
    """Compares outlets: ``by[i]`` is the outlet (any hashable label) of ``docs[i]``;
    several documents may share one. ``labels`` are the entity labels compared, and
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

    # Mentions and tone toward each referent.
    refs = Referents(docs, by, labels)
    mentions = refs.mention_frame()
    entity_tone = refs.tone_frame()

    # Quotations per speaker: a named speaker by referent, others by their words.
    links = link_referents(docs)
    q_n: dict[tuple[str, str], dict[Hashable, int]] = {}
    q_tone: dict[tuple[str, str], dict[Hashable, float]] = {}
    for doc, outlet in zip(docs, by, strict=True):
        for q in doc.quotes:
            if q.kind not in keep:
                continue
            if q.speaker is not None:
                k = links.get(q.speaker.canonical, (q.speaker.canonical, q.speaker.label))
            else:
                k = (q.speaker_text or UNNAMED, "")
            row = q_n.setdefault(k, {})
            row[outlet] = row.get(outlet, 0) + 1
            sums = q_tone.setdefault(k, {})
            sums[outlet] = sums.get(outlet, 0.0) + q.tone.compound
    q_order = sorted(q_n, key=lambda k: (-sum(q_n[k].values()), k[0], k[1]))
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
    means = ("mean_compound", "compound", "tone", "positive", "negative")
    per: dict[Hashable, dict[str, Any]] = {
        o: {"documents": 0, "words": 0, "quotes": 0, **dict.fromkeys(means, 0.0)} for o in outlets
    }
    for doc, outlet in zip(docs, by, strict=True):
        r = per[outlet]
        t = doc.tone
        r["documents"] += 1
        r["words"] += t.word_count
        r["quotes"] += sum(q.kind in keep for q in doc.quotes)
        r["mean_compound"] += doc.mean_compound()
        r["compound"] += t.compound
        r["tone"] += t.tone
        r["positive"] += t.positive
        r["negative"] += t.negative
    for r in per.values():
        n = r["documents"] or 1
        for f in means:
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
