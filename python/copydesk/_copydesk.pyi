"""Type stubs for the native module ``copydesk._copydesk``."""

from typing import Literal, final

__all__ = ["Token", "__version__", "tokenize"]

__version__: str

TokenKind = Literal[
    "word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"
]

@final
class Token:
    """A token with character offsets into the analysed text."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    def __new__(cls, text: str, start: int, end: int, kind: str) -> Token: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens (UD English-EWT conventions), with character offsets."""
