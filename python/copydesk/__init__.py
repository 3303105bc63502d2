"""copydesk: fast analysis of news articles (tokens, sentences, entities, tone, quotes).

The heavy lifting happens in Rust (``copydesk._copydesk``); this package re-exports it
and adds the notebook helpers (tables, plots, HTML). Offsets are character offsets into
the Python ``str``: ``text[x.start:x.end] == x.text`` for every span.

>>> import copydesk
>>> doc = copydesk.analyze("Rex Tillerson met Sergei Lavrov in Manila.")
>>> [(e.text, e.label) for e in doc.entities]
[('Rex Tillerson', 'PER'), ('Sergei Lavrov', 'PER'), ('Manila', 'LOC')]
"""

from __future__ import annotations

from copydesk._copydesk import (
    Document,
    Entity,
    EntityTone,
    Sentence,
    Token,
    Tone,
    __version__,
    analyze,
    score_tone,
    split_sentences,
    tag_entities,
    tokenize,
)
from copydesk._frames import frame, mention_table
from copydesk._pipeline import Pipeline

__all__ = [
    "Document",
    "Entity",
    "EntityTone",
    "Pipeline",
    "Sentence",
    "Token",
    "Tone",
    "__version__",
    "analyze",
    "frame",
    "mention_table",
    "score_tone",
    "split_sentences",
    "tag_entities",
    "tokenize",
]
