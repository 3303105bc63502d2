"""Partition-at-a-time analysis shared by ``copydesk.dask`` and ``copydesk.spark``.

Engine-free (pandas only): a partition of texts becomes one pandas frame with the columns of
``copydesk.frame`` and fixed dtypes, so every partition (empty or not) has the same schema.
A pipeline travels to workers as a :class:`ShippedPipeline`, which unpickles to a pipeline
cached per process: it is rebuilt once per worker, not once per task.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from copydesk._frames import COLUMNS, LEVELS, TONE_FIELDS, rows
from copydesk._pipeline import Pipeline

if TYPE_CHECKING:
    import pandas as pd

# The kind of every column but ``doc`` (whose type is the ids'): "int", "int?" (an int or
# missing), "float" or "str".
_TONE_KINDS = {f: "int" if f == "word_count" else "float" for f in TONE_FIELDS}
KINDS: dict[str, dict[str, str]] = {
    "documents": {
        "chars": "int",
        "tokens": "int",
        "sentences": "int",
        "entities": "int",
        **_TONE_KINDS,
        "mean_compound": "float",
        "top_entities": "str",
    },
    "sentences": {"sentence": "int", "start": "int", "end": "int", "text": "str", **_TONE_KINDS},
    "entities": {
        "sentence": "int",
        "start": "int",
        "end": "int",
        "text": "str",
        "label": "str",
        "score": "float",
        "canonical": "str",
        "referent": "str",
        "referent_label": "str",
    },
    "tokens": {"start": "int", "end": "int", "text": "str", "kind": "str"},
    "quotes": {
        "start": "int",
        "end": "int",
        "text": "str",
        "speaker": "str",
        "speaker_label": "str",
        "speaker_start": "int?",
        "speaker_end": "int?",
        "cue": "str",
        "compound": "float",
        "kind": "str",
    },
}
assert all(["doc", *KINDS[lv]] == COLUMNS[lv] for lv in LEVELS), "KINDS out of step with COLUMNS"


def check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")


def pandas_module():
    try:
        import pandas
    except ImportError:
        raise ImportError(
            'copydesk.dask and copydesk.spark need pandas: pip install "copydesk[pandas]"'
        ) from None
    return pandas


def dtypes(level: str, doc_dtype: Any) -> dict[str, Any]:
    """The pandas dtype of every column at ``level``; strings get the dtype pandas infers
    for a column of ``str`` (``object`` before pandas 3, ``str`` from pandas 3 on)."""
    pd = pandas_module()
    string = pd.Series(["x"]).dtype
    by_kind = {"int": "int64", "int?": "Int64", "float": "float64", "str": string}
    return {"doc": doc_dtype, **{c: by_kind[k] for c, k in KINDS[level].items()}}


# ---- pipelines on workers ------------------------------------------------------------------

_CACHE: dict[tuple[type, str], Pipeline] = {}
_CACHE_SIZE = 8
_LOCK = threading.Lock()
BUILDS: dict[tuple[type, str], int] = {}  # pipelines built per configuration in this process


def _config_key(config: dict[str, Any]) -> str:
    return json.dumps(config, sort_keys=True, default=repr)


def cached_pipeline(cls: type, config: dict[str, Any]) -> Pipeline:
    """The pipeline of class ``cls`` built from ``config``, once per process."""
    key = (cls, _config_key(config))
    with _LOCK:
        nlp = _CACHE.get(key)
        if nlp is None:
            nlp = cls(**config)
            BUILDS[key] = BUILDS.get(key, 0) + 1
            if len(_CACHE) >= _CACHE_SIZE:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[key] = nlp
        return nlp


class ShippedPipeline:
    """A pipeline as a task argument: pickles as its class and configuration and unpickles
    to the worker's cached pipeline with that configuration."""

    __slots__ = ("pipeline",)

    def __init__(self, pipeline: Pipeline | None) -> None:
        if pipeline is None:
            pipeline = Pipeline()
        elif not isinstance(pipeline, Pipeline):
            raise TypeError(f"pipeline must be a copydesk.Pipeline, not {type(pipeline).__name__}")
        self.pipeline = pipeline

    def __reduce__(self):
        return (_unship, (type(self.pipeline), self.pipeline.config()))

    def __dask_tokenize__(self):
        return (type(self.pipeline).__qualname__, _config_key(self.pipeline.config()))


def _unship(cls: type, config: dict[str, Any]) -> ShippedPipeline:
    return ShippedPipeline(cached_pipeline(cls, config))


# ---- texts to rows -------------------------------------------------------------------------


def clean_texts(values: Iterable[Any]) -> list[str]:
    """Texts for ``analyze_many``: a missing value (None, NaN, pd.NA) is the empty text."""
    out = []
    for v in values:
        if isinstance(v, str):
            out.append(v)
        elif v is None or (isinstance(v, float) and v != v) or _is_na(v):
            out.append("")
        else:
            out.append(v)  # analyze_many raises a TypeError naming the item
    return out


def _is_na(v: Any) -> bool:
    try:
        import pandas
    except ImportError:
        return False
    return v is pandas.NA or v is pandas.NaT


def analyze_texts(
    texts: Sequence[Any],
    ids: Sequence[Any],
    level: str,
    pipeline: Pipeline,
    n_threads: int | None,
    doc_dtype: Any,
    index: Any = None,
) -> pd.DataFrame:
    """One frame with ``COLUMNS[level]`` and ``dtypes(level, doc_dtype)`` for these texts.

    With ``index`` (a pandas Index, one entry per text), every row carries the index entry
    of its text; otherwise the frame has a fresh RangeIndex.
    """
    pd = pandas_module()
    docs = pipeline.analyze_many(clean_texts(texts), n_threads=n_threads) if len(texts) else []
    data: list[dict[str, Any]] = []
    owner: list[int] = []
    # Referents are linked within each document (as ``frame(..., link=False)``): a
    # partition's rows must not depend on which other texts share the partition.
    for i, (doc, k) in enumerate(zip(docs, ids, strict=True)):
        rs = rows(doc, k, level)
        data.extend(rs)
        owner.extend([i] * len(rs))
    types = dtypes(level, doc_dtype)
    out = pd.DataFrame(data, columns=COLUMNS[level])
    if not len(out):
        out = pd.DataFrame({c: pd.Series([], dtype=t) for c, t in types.items()})
    else:
        out = out.astype(types)
    if index is not None:
        out.index = index[owner] if owner else index[:0]
    return out
