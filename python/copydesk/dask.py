"""copydesk on Dask: analyse a Dask DataFrame or Bag of texts, a partition at a time.

Needs the ``dask`` extra: ``pip install "copydesk[dask]"``. Each partition is analysed by
one task with ``Pipeline.analyze_many``; the pipeline travels to the workers by its
configuration and is built once per worker process (then reused by every task there).

Dask supplies the parallelism (one task per worker thread), so each task uses one thread
by default (``n_threads=1``); raise it only if workers have spare cores.

>>> import dask.dataframe as dd
>>> ddf = dd.read_json("news.jsonl", lines=True, blocksize=2**24)  # doctest: +SKIP
>>> sentences = analyze_frame(ddf, level="sentences", id_column="id")  # doctest: +SKIP
>>> entities = analyze_frame(ddf, level="entities", id_column="id", link=True)  # doctest: +SKIP
>>> import json, dask.bag as db
>>> bag = db.read_text("news.jsonl").map(json.loads)  # doctest: +SKIP
>>> linked = analyze_bag(bag, level="entities", link=True)  # doctest: +SKIP

``link=True`` (``analyze_frame`` and ``analyze_bag``, entities level) links referents
across all the texts, as ``copydesk.frame(docs, "entities")`` does, instead of within each
document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

try:
    import dask.bag as _db
    import dask.dataframe as _dd
    from dask import delayed as _delayed
except ImportError as e:  # pragma: no cover - exercised without dask installed
    raise ImportError(f'copydesk.dask needs Dask: pip install "copydesk[dask]" ({e})') from None

from copydesk._frames import rows
from copydesk._partitions import (
    ShippedPipeline,
    add_names,
    analyze_texts,
    check_level,
    clean_texts,
    link_tables,
    name_table,
    name_table_of_rows,
    relink,
    relink_rows,
)
from copydesk._pipeline import Pipeline

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["analyze_bag", "analyze_frame"]


def analyze_frame(
    ddf: _dd.DataFrame,
    text_column: str = "text",
    level: str = "documents",
    pipeline: Pipeline | None = None,
    id_column: str | None = None,
    n_threads: int | None = 1,
    link: bool = False,
) -> _dd.DataFrame:
    """The rows of ``copydesk.frame(docs, level, link=link)`` for the texts in
    ``ddf[text_column]``.

    ``level`` is ``"documents"``, ``"sentences"``, ``"entities"``, ``"tokens"`` or
    ``"quotes"``. The ``doc`` column holds each text's id: ``ddf[id_column]``, or the
    index of ``ddf`` when ``id_column`` is None. Every output row keeps the index of the text
    it comes from, so the result has the partitions and divisions of ``ddf`` (join it back
    on the index). A missing text (None/NaN) is analysed as the empty text. Offsets are
    half-open character offsets into each text.

    At the ``entities`` level, ``referent``/``referent_label`` link names within each
    document by default (``link=False``: a partition's rows depend on its texts only).
    With ``link=True`` they link across all the texts of ``ddf``, in its order, exactly as
    ``copydesk.frame(docs, "entities")`` does (``Sergei Lavrov`` in one partition and
    ``Sergey Lavrov`` or a bare ``Lavrov`` in another are one referent): each partition is
    analysed once and also yields its (name, label, mentions) table, the tables go to one
    task that links them with ``copydesk.link_names``, and a last pass rewrites the two
    columns of every partition with that one link table. The entity rows of every
    partition are therefore held (on the workers) until the last partition is analysed;
    ``persist()`` the result, or write it out, rather than computing it twice. ``link`` is
    ignored at the other levels, as by ``copydesk.frame``.
    """
    check_level(level)
    if not isinstance(ddf, _dd.DataFrame):
        raise TypeError(f"ddf must be a dask DataFrame, not {type(ddf).__name__}")
    if text_column not in ddf.columns:
        raise KeyError(f"no column {text_column!r} in the frame (columns: {list(ddf.columns)})")
    if id_column is not None and id_column not in ddf.columns:
        raise KeyError(f"no column {id_column!r} in the frame (columns: {list(ddf.columns)})")
    shipped = ShippedPipeline(pipeline)
    args = (text_column, level, id_column, shipped, n_threads)
    meta = _frame_partition(ddf._meta, *args)
    if not (link and level == "entities"):
        return ddf.map_partitions(_frame_partition, *args, meta=meta)
    # One graph of delayed tasks, so that each partition is analysed once: its rows feed
    # both its name table and its rewrite (two collections would analyse it twice).
    analyse = _delayed(_frame_partition, pure=True)
    named = [analyse(part, *args, names=True) for part in ddf.to_delayed()]
    links = _delayed(link_tables, pure=True)([_delayed(name_table, pure=True)(n) for n in named])
    out = [_delayed(relink, pure=True)(n, links) for n in named]
    return _dd.from_delayed(out, meta=meta, divisions=ddf.divisions, verify_meta=False)


def _frame_partition(
    part: pd.DataFrame,
    text_column: str,
    level: str,
    id_column: str | None,
    shipped: ShippedPipeline,
    n_threads: int | None,
    names: bool = False,
) -> pd.DataFrame:
    ids = part.index if id_column is None else part[id_column]
    return analyze_texts(
        part[text_column].tolist(),
        ids.tolist(),
        level,
        shipped.pipeline,
        n_threads,
        doc_dtype=ids.dtype,
        index=part.index,
        names=names,
    )


_NO_ID = object()


def analyze_bag(
    bag: _db.Bag,
    pipeline: Pipeline | None = None,
    level: str | None = None,
    n_threads: int | None = 1,
    link: bool = False,
) -> _db.Bag:
    """Analyses a Bag of texts into a Bag of plain dicts, in the bag's order.

    Items may be a ``str``, an ``(id, text)`` pair, or a mapping with a ``"text"`` key and
    optionally an ``"id"`` key (e.g. ``db.read_text(path).map(json.loads)`` on JSON lines).
    With ``level=None`` each result is ``Document.to_dict()``, preceded by ``"id"`` when the
    item has one; with a ``level`` each item gives the rows of ``copydesk.frame`` at that
    level (``doc`` = the id, or None without one), flattened into the bag.

    At the ``entities`` level, ``referent``/``referent_label`` link names within each
    document by default (``link=False``). With ``link=True`` they link across all the items
    of the bag, in its order, exactly as ``copydesk.frame(docs, "entities")`` does, in the
    same steps as ``analyze_frame(..., link=True)``: each partition is analysed once and
    also yields its (name, label, mentions) table, one task links the tables with
    ``copydesk.link_names``, and a last pass rewrites the two keys of every row. The rows
    of every partition are therefore held (on the workers) until the last partition is
    analysed; ``persist()`` the result, or write it out, rather than computing it twice.
    ``link`` is ignored at the other levels and with ``level=None``, as by
    ``analyze_frame``.
    """
    if level is not None:
        check_level(level)
    if not isinstance(bag, _db.Bag):
        raise TypeError(f"bag must be a dask Bag, not {type(bag).__name__}")
    args = (ShippedPipeline(pipeline), level, n_threads)
    if not (link and level == "entities"):
        return bag.map_partitions(_bag_partition, *args)
    # As in analyze_frame: one graph of delayed tasks, so each partition is analysed once.
    analyse = _delayed(_bag_partition, pure=True)
    named = [analyse(part, *args, names=True) for part in bag.to_delayed()]
    tables = [_delayed(name_table_of_rows, pure=True)(n) for n in named]
    links = _delayed(link_tables, pure=True)(tables)
    return _db.from_delayed([_delayed(relink_rows, pure=True)(n, links) for n in named])


def _split_item(item: Any) -> tuple[Any, Any]:
    if isinstance(item, str):
        return _NO_ID, item
    if isinstance(item, Mapping):
        if "text" not in item:
            raise KeyError(f"a bag item mapping needs a 'text' key (keys: {list(item)})")
        return item.get("id", _NO_ID), item["text"]
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return item[0], item[1]
    raise TypeError(
        "bag items must be str, (id, text) pairs or mappings with a 'text' key, "
        f"not {type(item).__name__}"
    )


def _bag_partition(
    items: Iterable[Any],
    shipped: ShippedPipeline,
    level: str | None,
    n_threads: int | None,
    names: bool = False,
) -> list[dict[str, Any]]:
    """The results of a partition's items; with ``names`` (entities level), the entity rows
    also carry the name keys (``add_names``, positions counted within the partition)."""
    pairs = [_split_item(item) for item in items]
    texts = clean_texts(text for _, text in pairs)
    docs = shipped.pipeline.analyze_many(texts, n_threads=n_threads) if texts else []
    out: list[dict[str, Any]] = []
    for i, ((doc_id, _), doc) in enumerate(zip(pairs, docs, strict=True)):
        if level is not None:
            rs = rows(doc, None if doc_id is _NO_ID else doc_id, level)
            if names:
                add_names(doc, rs, i)
            out.extend(rs)
        elif doc_id is _NO_ID:
            out.append(doc.to_dict())
        else:
            out.append({"id": doc_id, **doc.to_dict()})
    return out
