"""Type stubs for the native module ``copydesk._copydesk``."""

from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from typing import Any, Literal, TypeAlias, final

from typing_extensions import disjoint_base

__all__ = [
    "Document",
    "Entity",
    "EntityGroup",
    "EntityTone",
    "Pipeline",
    "Quote",
    "Sentence",
    "Token",
    "Tone",
    "__version__",
    "analyze",
    "link_names",
    "link_referents",
    "score_tone",
    "split_sentences",
    "tag_entities",
    "tokenize",
]

__version__: str

# The values `Token.kind` and the entity `label`s take (`copydesk_tokenize::TokenKind`,
# `copydesk_entities::Label`); private names, so that stubtest does not look for them at
# runtime.
_TokenKind: TypeAlias = Literal[
    "word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"
]
_Label: TypeAlias = Literal["PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT"]

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
    def kind(self) -> _TokenKind: ...
    def __new__(cls, text: str, start: int, end: int, kind: _TokenKind) -> Token: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Tone:
    """Tone scores: compound in [-1, 1], shares, GDELT-style densities."""

    @property
    def compound(self) -> float: ...
    @property
    def positive(self) -> float: ...
    @property
    def negative(self) -> float: ...
    @property
    def neutral(self) -> float: ...
    @property
    def polarity(self) -> float: ...
    @property
    def word_count(self) -> int: ...
    @property
    def tone(self) -> float: ...
    @property
    def activity(self) -> float: ...
    @property
    def self_reference(self) -> float: ...
    def __new__(
        cls,
        compound: float = 0.0,
        positive: float = 0.0,
        negative: float = 0.0,
        neutral: float = 0.0,
        polarity: float = 0.0,
        word_count: int = 0,
        tone: float = 0.0,
        activity: float = 0.0,
        self_reference: float = 0.0,
    ) -> Tone: ...
    def to_dict(self) -> dict[str, float]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Sentence:
    """A sentence with character offsets; ``tone`` is set when a pipeline scored it."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def tone(self) -> Tone | None: ...
    def __new__(cls, text: str, start: int, end: int, tone: Tone | None = None) -> Sentence: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Entity:
    """An entity mention with character offsets, label, score and canonical name."""

    @property
    def text(self) -> str: ...
    @property
    def label(self) -> _Label: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def score(self) -> float: ...
    @property
    def canonical(self) -> str: ...
    def __new__(
        cls,
        text: str,
        label: _Label,
        start: int,
        end: int,
        score: float = 1.0,
        canonical: str | None = None,
    ) -> Entity: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class EntityTone:
    """Tone toward one entity in one document."""

    @property
    def name(self) -> str: ...
    @property
    def label(self) -> _Label: ...
    @property
    def mentions(self) -> int: ...
    @property
    def sentences(self) -> int: ...
    @property
    def tone(self) -> float: ...
    def __new__(
        cls, name: str, label: _Label, mentions: int, sentences: int, tone: float
    ) -> EntityTone: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Quote:
    """A quotation (character offsets of the quoted words), its speaker, cue and kind.

    ``kind`` is ``"direct"``, ``"partial"`` (a fragment built into the reporter's
    sentence) or ``"scare"`` (one to three words in marks with no speaker or cue).
    """

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> Entity | None: ...
    @property
    def speaker_text(self) -> str | None: ...
    @property
    def cue(self) -> str: ...
    @property
    def tone(self) -> Tone: ...
    @property
    def kind(self) -> Literal["direct", "partial", "scare"]: ...
    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        speaker: Entity | None = None,
        speaker_text: str | None = None,
        cue: str = "",
        tone: Tone | None = None,
        kind: Literal["direct", "partial", "scare"] = "direct",
    ) -> Quote: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class EntityGroup:
    """The mentions of one referent: canonical name, label, indices into ``entities``."""

    @property
    def canonical(self) -> str: ...
    @property
    def label(self) -> _Label: ...
    @property
    def mentions(self) -> list[int]: ...
    def __new__(cls, canonical: str, label: _Label, mentions: Sequence[int]) -> EntityGroup: ...
    def __len__(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Document:
    """The analysis of one text."""

    @property
    def text(self) -> str: ...
    @property
    def tokens(self) -> list[Token]: ...
    @property
    def sentences(self) -> list[Sentence]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def quotes(self) -> list[Quote]: ...
    @property
    def entity_groups(self) -> list[EntityGroup]: ...
    @property
    def tone(self) -> Tone: ...
    def entity_tone(self) -> list[EntityTone]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @classmethod
    def from_json(cls, json: str) -> Document:
        """The inverse of ``to_json``; ``ValueError`` on anything else."""
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The inverse of ``to_dict``; ``ValueError`` on anything else."""
    def mean_compound(self) -> float:
        """Mean of the sentence compounds: the document tone that separates outlets."""
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    @classmethod
    def _from_state(cls, state: str) -> Document: ...

@disjoint_base
class Pipeline:
    """The native analysis pipeline (subclassed by ``copydesk.Pipeline``)."""

    def __new__(
        cls,
        *,
        entities: bool = True,
        tone: bool = True,
        abbreviations: Sequence[str] | None = None,
        titles: Sequence[str] | None = None,
        entity_rules: Mapping[str, _Label] | Sequence[tuple[str, _Label]] | None = None,
        entity_model: str | PathLike[str] | None = None,
        tone_lexicon: Mapping[str, float] | None = None,
        replace_tone_lexicon: bool = False,
        threads: int | None = None,
        quotes: bool = True,
        aliases: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
    ) -> Pipeline: ...
    def __call__(self, text: str) -> Document: ...
    def analyze(self, text: str) -> Document: ...
    def analyze_many(
        self, texts: Iterable[str], n_threads: int | None = None
    ) -> list[Document]: ...
    def config(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, value: object, /) -> bool: ...

def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens (UD English-EWT conventions), with character offsets."""

def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, with character offsets."""

def tag_entities(text: str) -> list[Entity]:
    """Find PER, ORG, LOC, MISC entities and DATE, TIME, MONEY, PERCENT expressions."""

def score_tone(text: str) -> Tone:
    """Score the tone of ``text``."""

def analyze(text: str) -> Document:
    """Analyse ``text`` with the default pipeline."""

def link_names(rows: Iterable[tuple[str, str, int]]) -> dict[str, tuple[str, str]]:
    """``{canonical name: (referent name, referent label)}`` for ``(name, label, mentions)``
    rows (in document order; see ``link_referents``)."""

def link_referents(docs: Sequence[Document]) -> dict[str, tuple[str, str]]:
    """``{canonical name: (referent name, referent label)}`` across ``docs``."""
