"""copydesk: fast analysis of news articles (tokens, sentences, entities, tone, quotes).

The heavy lifting happens in Rust (``copydesk._copydesk``); this package re-exports it
and adds the notebook helpers (tables, plots, HTML). Offsets are character offsets into
the Python ``str``: ``text[x.start:x.end] == x.text`` for every span.

>>> import copydesk
>>> doc = copydesk.analyze("Rex Tillerson met Sergei Lavrov in Manila.")
>>> [(e.text, e.label) for e in doc.entities]
[('Rex Tillerson', 'PER'), ('Sergei Lavrov', 'PER'), ('Manila', 'LOC')]
>>> doc = copydesk.analyze('"We have our differences," Mr Tillerson said.')
>>> [(q.text, q.speaker_text, q.cue) for q in doc.quotes]
[('We have our differences', 'Tillerson', 'said')]
"""

from __future__ import annotations

from copydesk._compare import Comparison, compare
from copydesk._copydesk import (
    Document,
    Entity,
    EntityGroup,
    EntityTone,
    Quote,
    Sentence,
    Token,
    Tone,
    __version__,
    analyze,
    link_names,
    link_referents,
    score_tone,
    split_sentences,
    tag_entities,
    tokenize,
)
from copydesk._frames import QUOTE_KINDS, SPEECH_KINDS, frame, mention_table
from copydesk._pipeline import Pipeline

__all__ = [
    "Comparison",
    "Document",
    "Entity",
    "EntityGroup",
    "EntityTone",
    "Pipeline",
    "QUOTE_KINDS",
    "Quote",
    "SPEECH_KINDS",
    "Sentence",
    "Token",
    "Tone",
    "__version__",
    "analyze",
    "compare",
    "frame",
    "link_names",
    "link_referents",
    "mention_table",
    "score_tone",
    "split_sentences",
    "tag_entities",
    "tokenize",
]
