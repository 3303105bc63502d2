"""copydesk: fast analysis of news articles (tokens, sentences, entities, tone, quotes).

The heavy lifting happens in Rust (``copydesk._copydesk``); this package re-exports it
and adds the notebook helpers. Offsets are character offsets into the Python ``str``:
``text[x.start:x.end] == x.text`` for every span.
"""

from copydesk._copydesk import Token, __version__, tokenize

__all__ = [
    "Token",
    "__version__",
    "tokenize",
]
