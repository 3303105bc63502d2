"""Partition-at-a-time analysis shared by ``copydesk.dask`` and ``copydesk.spark``.

Engine-free (pandas only): a partition of texts becomes one pandas frame with the columns of
``copydesk.frame`` and fixed dtypes, so every partition (empty or not) has the same schema.
A pipeline travels to workers as a :class:`ShippedPipeline`, which unpickles to a pipeline
cached per process: it is rebuilt once per worker, not once per task.

Linking referents across partitions (``frame(docs, "entities")``'s ``referent`` columns)
takes three steps, the engine running the first and last on every partition:
``analyze_texts(..., names=True)`` adds :data:`NAME_COLUMNS` to the entity rows (where
each document's ``Document.entity_tone()`` rows come from); :func:`name_table` sums them
per partition into one row per (name, label) with its first position; :func:`link_tables`
links the tables of all partitions, in order, with ``copydesk.link_names`` (once, on the
driver); :func:`relink` rewrites a partition's ``referent``/``referent_label`` with the
result and drops the name columns. Entity rows as plain dicts (``analyze_bag``'s) take the
same steps with :func:`add_names`, :func:`name_table_of_rows`, :func:`link_tables` and
:func:`relink_rows`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from copydesk._copydesk import link_names
from copydesk._frames import COLUMNS, LEVELS, NAME_LABELS, TONE_FIELDS, Links, rows
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


# The columns ``analyze_texts(..., names=True)`` adds to the entities level: ``_order``, the
# position of the row's text in the partition (plus ``first``); ``_rank``, the position of
# its canonical name in the document's ``entity_tone()`` (-1 for DATE, TIME, MONEY and
# PERCENT mentions, which are not names); ``_name_label``, that name's ``entity_tone()``
# label (the label of its largest group, which a mention's own label may not be; None
# for the other mentions).
NAME_COLUMNS: dict[str, str] = {"_order": "int", "_rank": "int", "_name_label": "str"}
# The columns of a name table: one row per (name, label) of a partition, its mentions and
# the position of its first mention (``_order``, ``_rank`` of the first such row).
NAME_TABLE_COLUMNS = ["name", "label", "mentions", "_order", "_rank"]


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


def dtypes(level: str, doc_dtype: Any, names: bool = False) -> dict[str, Any]:
    """The pandas dtype of every column at ``level``; strings get the dtype pandas infers
    for a column of ``str`` (``object`` before pandas 3, ``str`` from pandas 3 on). With
    ``names`` (entities level), :data:`NAME_COLUMNS` follow."""
    pd = pandas_module()
    string = pd.Series(["x"]).dtype
    by_kind = {"int": "int64", "int?": "Int64", "float": "float64", "str": string}
    kinds = {**KINDS[level], **(NAME_COLUMNS if names else {})}
    return {"doc": doc_dtype, **{c: by_kind[k] for c, k in kinds.items()}}


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
    names: bool = False,
    first: int = 0,
) -> pd.DataFrame:
    """One frame with ``COLUMNS[level]`` and ``dtypes(level, doc_dtype)`` for these texts.

    With ``index`` (a pandas Index, one entry per text), every row carries the index entry
    of its text; otherwise the frame has a fresh RangeIndex. With ``names`` (entities level
    only) the rows also carry :data:`NAME_COLUMNS`, ``_order`` counting texts from
    ``first``: what :func:`name_table` sums for linking across partitions.
    """
    pd = pandas_module()
    if names and level != "entities":
        raise ValueError(f"names=True needs level='entities', not {level!r}")
    docs = pipeline.analyze_many(clean_texts(texts), n_threads=n_threads) if len(texts) else []
    data: list[dict[str, Any]] = []
    owner: list[int] = []
    # Referents are linked within each document (as ``frame(..., link=False)``): a
    # partition's rows must not depend on which other texts share the partition. Linking
    # across documents is a pass over all partitions (``names``, then ``relink``).
    for i, (doc, k) in enumerate(zip(docs, ids, strict=True)):
        rs = rows(doc, k, level)
        if names:
            add_names(doc, rs, first + i)
        data.extend(rs)
        owner.extend([i] * len(rs))
    types = dtypes(level, doc_dtype, names)
    out = pd.DataFrame(data, columns=list(types))
    if not len(out):
        out = pd.DataFrame({c: pd.Series([], dtype=t) for c, t in types.items()})
    else:
        out = out.astype(types)
    if index is not None:
        out.index = index[owner] if owner else index[:0]
    return out


def add_names(doc: Any, entity_rows: list[dict[str, Any]], order: int) -> None:
    """Adds :data:`NAME_COLUMNS` to the entity rows of ``doc``."""
    tone = {t.name: (r, t.label) for r, t in enumerate(doc.entity_tone())}
    for r in entity_rows:
        r["_order"] = order
        if r["label"] in NAME_LABELS:
            r["_rank"], r["_name_label"] = tone[r["canonical"]]
        else:
            r["_rank"], r["_name_label"] = -1, None


# ---- linking across partitions ------------------------------------------------------------


def name_table(part: pd.DataFrame) -> pd.DataFrame:
    """The names of a partition's entity rows (with :data:`NAME_COLUMNS`): one row per
    (name, label) with its mentions and the ``_order``/``_rank`` of its first mention, in
    order of first mention (:data:`NAME_TABLE_COLUMNS`). Per document these are the rows
    of ``Document.entity_tone()``; summed, they link the same (see ``link_names``)."""
    pd = pandas_module()
    named = part.loc[part["_name_label"].notna(), ["canonical", "_name_label", "_order", "_rank"]]
    named = named.sort_values(["_order", "_rank"], kind="stable")
    table = (
        named.groupby(["canonical", "_name_label"], sort=False)
        .agg(mentions=("_rank", "size"), _order=("_order", "first"), _rank=("_rank", "first"))
        .reset_index()
        .rename(columns={"canonical": "name", "_name_label": "label"})
    )
    types = {
        "name": object,
        "label": object,
        "mentions": "int64",
        "_order": "int64",
        "_rank": "int64",
    }
    if not len(table):
        return pd.DataFrame({c: pd.Series([], dtype=types[c]) for c in NAME_TABLE_COLUMNS})
    return table[NAME_TABLE_COLUMNS].astype(types)


def name_table_of_rows(entity_rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """:func:`name_table` for entity rows as dicts with the name keys (those of
    :func:`add_names`, as ``copydesk.dask.analyze_bag`` has them)."""
    pd = pandas_module()
    columns = ["canonical", "_name_label", "_order", "_rank"]
    return name_table(pd.DataFrame(list(entity_rows), columns=columns))


def link_tables(tables: Sequence[pd.DataFrame]) -> Links:
    """``{name: (referent, referent label)}`` over the name tables of all partitions, in
    partition order (each a :func:`name_table`, or any frame with its columns: several rows
    per (name, label) are summed): ``copydesk.link_names`` over the (name, label) rows
    ordered by first mention, which is what ``link_referents`` gives for the documents in
    order."""
    first: dict[tuple[str, str], tuple[int, int, int]] = {}
    mentions: dict[tuple[str, str], int] = {}
    for p, table in enumerate(tables):
        for name, label, n, order, rank in zip(
            *(table[c].tolist() for c in NAME_TABLE_COLUMNS), strict=True
        ):
            key = (name, label)
            pos = (p, order, rank)
            if key not in first or pos < first[key]:
                first[key] = pos
            mentions[key] = mentions.get(key, 0) + n
    keys = sorted(first, key=first.__getitem__)
    return link_names((name, label, mentions[name, label]) for name, label in keys)


def relink(part: pd.DataFrame, links: Links) -> pd.DataFrame:
    """``part`` (entity rows with :data:`NAME_COLUMNS`) with ``referent``/``referent_label``
    from ``links`` for its names, as ``copydesk.frame`` fills them, and without the name
    columns."""
    pd = pandas_module()
    out = part.drop(columns=list(NAME_COLUMNS))
    if not len(out):
        return out
    pairs = [
        _linked(links, c, lab, r, rl)
        for c, lab, r, rl in zip(
            out["canonical"].tolist(),
            out["label"].tolist(),
            out["referent"].tolist(),
            out["referent_label"].tolist(),
            strict=True,
        )
    ]
    for j, column in enumerate(("referent", "referent_label")):
        values = [p[j] for p in pairs]
        out[column] = pd.Series(values, index=out.index, dtype=out[column].dtype)
    return out


def relink_rows(entity_rows: Iterable[dict[str, Any]], links: Links) -> list[dict[str, Any]]:
    """:func:`relink` for entity rows as dicts (``copydesk.dask.analyze_bag``'s): new dicts,
    in the same order, without the name keys."""
    out = []
    for row in entity_rows:
        r = {k: v for k, v in row.items() if k not in NAME_COLUMNS}
        r["referent"], r["referent_label"] = _linked(
            links, r["canonical"], r["label"], r["referent"], r["referent_label"]
        )
        out.append(r)
    return out


def _linked(
    links: Links, canonical: str, label: str, referent: str, referent_label: str
) -> tuple[str, str]:
    """The (referent, referent label) of a mention as ``copydesk.frame`` fills them: from
    ``links`` for a name, unchanged for the other mentions (dates, amounts...)."""
    if label in NAME_LABELS:
        return links.get(canonical, (canonical, label))
    return referent, referent_label
