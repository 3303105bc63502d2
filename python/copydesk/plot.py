"""Plots of analysed documents (``pip install "copydesk[plot]"``): tone along an article
and tone toward entities across documents. Each function returns the matplotlib ``Axes``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from copydesk._copydesk import Document
from copydesk._frames import NAME_LABELS, _ids


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
) -> Any:
    """Grouped bars: tone toward the ``top`` most mentioned entities, per document."""
    plt = _pyplot()
    keys = _ids(docs, ids)
    per_doc = [
        {(e.name, e.label): e for e in d.entity_tone() if e.label in NAME_LABELS} for d in docs
    ]
    totals: dict[tuple[str, str], int] = {}
    for m in per_doc:
        for k, e in m.items():
            totals[k] = totals.get(k, 0) + e.mentions
    names = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    if ax is None:
        _, ax = plt.subplots(figsize=(max(6, 1.1 * len(names) + 2), 3.8))
    width = 0.8 / max(len(docs), 1)
    for j, (m, key) in enumerate(zip(per_doc, keys, strict=True)):
        xs = [i + j * width for i in range(len(names))]
        ys = [m[n].tone if n in m else 0.0 for n in names]
        ax.bar(xs, ys, width=width, label=str(key))
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(names))])
    ax.set_xticklabels([n for n, _ in names], rotation=30, ha="right")
    ax.axhline(0, color="#888", linewidth=0.8)
    ax.set_ylabel("mean sentence tone")
    ax.set_title("Tone toward entities")
    if len(docs) > 1:
        ax.legend(fontsize="small")
    return ax
