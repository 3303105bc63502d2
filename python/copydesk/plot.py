"""Plots of analysed documents (``pip install "copydesk[plot]"``): tone along an article
and tone toward entities across documents. Each function returns the matplotlib ``Axes``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from copydesk._copydesk import Document
from copydesk._frames import NAME_LABELS, Referents, _ids


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError('copydesk.plot needs matplotlib: pip install "copydesk[plot]"') from None
    return plt


def tone_along(
    docs: Document | Sequence[Document], ids: Sequence[Any] | None = None, ax: Any = None
) -> Any:
    """Sentence tone (compound) against sentence index, one line per document."""
    plt = _pyplot()
    if isinstance(docs, Document):
        docs = [docs]
    keys = _ids(docs, ids)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.5))
    for doc, key in zip(docs, keys, strict=True):
        ys = [s.tone.compound if s.tone is not None else 0.0 for s in doc.sentences]
        ax.plot(range(len(ys)), ys, marker="o", markersize=3, linewidth=1.2, label=str(key))
    ax.axhline(0, color="#888", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence")
    ax.set_ylabel("tone (compound)")
    ax.set_title("Tone along the article")
    if len(docs) > 1:
        ax.legend(fontsize="small", loc="best")
    return ax


def entity_tone(
    docs: Sequence[Document],
    ids: Sequence[Any] | None = None,
    top: int = 8,
    ax: Any = None,
    labels: Sequence[str] = NAME_LABELS,
) -> Any:
    """Grouped bars: tone toward the ``top`` most mentioned referents, one bar per id
    (documents sharing an id are pooled). The values are those of
    ``copydesk.compare(docs, by=ids).entity_tone``; an id that never mentions a referent
    has no bar there (a gap, not a zero)."""
    plt = _pyplot()
    keys = _ids(docs, ids)
    refs = Referents(docs, keys, labels)
    names = refs.order[:top]
    if ax is None:
        _, ax = plt.subplots(figsize=(max(6, 1.1 * len(names) + 2), 3.8))
    width = 0.8 / max(len(refs.keys), 1)
    for j, key in enumerate(refs.keys):
        pairs = [(i, refs.tone.get(n, {}).get(key)) for i, n in enumerate(names)]
        pairs = [(i, y) for i, y in pairs if y is not None]
        ax.bar(
            [i + j * width for i, _ in pairs],
            [y for _, y in pairs],
            width=width,
            label=str(key),
        )
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(names))])
    ax.set_xticklabels([n for n, _ in names], rotation=30, ha="right")
    ax.axhline(0, color="#888", linewidth=0.8)
    ax.set_ylabel("mean sentence compound")
    ax.set_title("Tone toward entities")
    if len(refs.keys) > 1:
        ax.legend(fontsize="small")
    return ax
