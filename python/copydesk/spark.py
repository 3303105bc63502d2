"""copydesk on Spark: a partition function for ``DataFrame.mapInPandas``, and its schemas.

This module never imports pyspark (it only needs pandas): Spark calls
:func:`analyze_partitions` on its Python workers, which must have copydesk installed
(point ``PYSPARK_PYTHON`` at the Python of the virtualenv that has it)::

    from functools import partial
    from copydesk.spark import SCHEMAS, analyze_partitions

    entities = df.mapInPandas(
        partial(analyze_partitions, level="entities", id_column="id"), SCHEMAS["entities"]
    )

``SCHEMAS[level]`` is the DDL schema of the frames yielded for ``level`` with integer ids
(``doc bigint``); for other id types use ``schema(level, doc_type="string")``. Offsets are
half-open character offsets ``[start, end)`` into each text (Python/Java code points, so
``substring`` in Spark SQL, which counts from 1, needs ``start + 1``).

At the ``entities`` level a partition links referents within each document (as
``copydesk.frame(..., link=False)``). :func:`link_entities` links them across the whole
DataFrame, as ``copydesk.frame(docs, "entities")`` does::

    from copydesk.spark import link_entities

    ents = link_entities(df, id_column="id", doc_type="string")
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from copydesk._frames import LEVELS
from copydesk._partitions import (
    KINDS,
    NAME_COLUMNS,
    ShippedPipeline,
    analyze_texts,
    check_level,
    link_tables,
    relink,
)
from copydesk._pipeline import Pipeline

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SCHEMAS", "analyze_partitions", "link_entities", "relink_partitions", "schema"]

_SPARK_TYPES = {"int": "bigint", "int?": "bigint", "float": "double", "str": "string"}


def schema(level: str, doc_type: str = "bigint", names: bool = False) -> str:
    """The Spark DDL schema of the frames :func:`analyze_partitions` yields for ``level``;
    ``doc_type`` is the Spark type of the ids (``bigint`` without ``id_column``). With
    ``names`` (entities level), the name columns ``analyze_partitions(..., names=True)``
    adds follow."""
    check_level(level)
    if names and level != "entities":
        raise ValueError(f"names=True needs level='entities', not {level!r}")
    kinds = {**KINDS[level], **(NAME_COLUMNS if names else {})}
    fields = [("doc", doc_type)] + [(c, _SPARK_TYPES[k]) for c, k in kinds.items()]
    return ", ".join(f"`{name}` {t}" for name, t in fields)


SCHEMAS: dict[str, str] = {level: schema(level) for level in LEVELS}
"""DDL schema per level, with ``doc bigint`` (no ``id_column``, or integer ids)."""


def analyze_partitions(
    frames: Iterable[pd.DataFrame],
    text_column: str = "text",
    level: str = "documents",
    id_column: str | None = None,
    pipeline: Pipeline | None = None,
    n_threads: int | None = 1,
    names: bool = False,
) -> Iterator[pd.DataFrame]:
    """Analyses each pandas frame of a partition; yields the rows of ``copydesk.frame`` at
    ``level`` with the columns and types of ``schema(level)`` (with ``names=True``,
    entities level only: ``schema(level, names=True)``, the columns
    :func:`link_entities` links referents across partitions by; the first,
    ``_order``, numbers the texts in DataFrame order like the default ids).

    The ``doc`` column is ``frame[id_column]``; without ``id_column`` it is a unique
    ``bigint`` computed like Spark's ``monotonically_increasing_id()`` (partition id in the
    upper 31 bits, row number within the partition in the lower 33; outside Spark the
    partition id is 0). A missing text (None/NaN) is analysed as the empty text.

    Spark runs one task per core, so each batch uses ``n_threads=1`` by default.
    """
    check_level(level)
    if names and level != "entities":
        raise ValueError(f"names=True needs level='entities', not {level!r}")
    nlp = ShippedPipeline(pipeline).pipeline
    first = _partition_id() << 33
    base = first if id_column is None else 0
    seen = 0
    for part in frames:
        if text_column not in part.columns:
            raise KeyError(
                f"no column {text_column!r} in the frame (columns: {list(part.columns)})"
            )
        n = len(part)
        if id_column is None:
            ids: list[Any] = list(range(base + seen, base + seen + n))
            doc_dtype: Any = "int64"
        else:
            _require_column(part, id_column)
            ids = part[id_column].tolist()
            doc_dtype = part[id_column].dtype
        out = analyze_texts(
            part[text_column].tolist(),
            ids,
            level,
            nlp,
            n_threads,
            doc_dtype,
            names=names,
            first=first + seen,
        )
        seen += n
        if len(out):
            yield out


def relink_partitions(frames: Iterable[pd.DataFrame], links: Any) -> Iterator[pd.DataFrame]:
    """The ``mapInPandas`` function of the last step of :func:`link_entities`: each frame
    of entity rows with name columns, with ``referent``/``referent_label`` from ``links``
    (a ``{name: (referent, label)}`` dict, or a Spark broadcast of one) and without the
    name columns: ``schema("entities", doc_type)``."""
    table = links.value if hasattr(links, "value") else links
    for part in frames:
        out = relink(part, table)
        if len(out):
            yield out


def link_entities(
    df: Any,
    text_column: str = "text",
    id_column: str | None = None,
    pipeline: Pipeline | None = None,
    n_threads: int | None = 1,
    doc_type: str = "bigint",
    persist: bool = True,
) -> Any:
    """The entities level of the texts of the Spark DataFrame ``df``, with referents linked
    across all of them: the rows of ``copydesk.frame(docs, "entities")`` for its texts in
    DataFrame order (partition by partition), as a Spark DataFrame of
    ``schema("entities", doc_type)``; ``doc_type`` is the Spark type of ``df[id_column]``.

    ``Sergei Lavrov`` in one partition and ``Sergey Lavrov`` or a bare ``Lavrov`` in another
    get one ``referent`` and ``referent_label``. How: one ``mapInPandas`` analyses the texts
    (:func:`analyze_partitions` with ``names=True``, persisted when ``persist``, so that
    the texts are analysed once); one aggregation sums its name columns per (name, label)
    and the small table is collected; ``copydesk.link_names`` links it on the driver; the
    link table is broadcast and a second ``mapInPandas`` (:func:`relink_partitions`)
    rewrites the two columns. The aggregation runs now (a Spark job); the result is lazy.
    """
    from pyspark.sql import functions as F  # noqa: N812 - pyspark's own convention

    analyse = partial(
        analyze_partitions,
        text_column=text_column,
        level="entities",
        id_column=id_column,
        pipeline=pipeline,
        n_threads=n_threads,
        names=True,
    )
    named = df.mapInPandas(analyse, schema("entities", doc_type, names=True))
    if persist:
        named = named.persist()
    table = (
        named.where(F.col("_name_label").isNotNull())
        .groupBy(F.col("canonical").alias("name"), F.col("_name_label").alias("label"))
        .agg(
            F.count(F.lit(1)).alias("mentions"),
            F.min(F.struct("_order", "_rank")).alias("_first"),
        )
        .select("name", "label", "mentions", "_first._order", "_first._rank")
        .toPandas()
    )
    links = df.sparkSession.sparkContext.broadcast(link_tables([table]))
    return named.mapInPandas(partial(relink_partitions, links=links), schema("entities", doc_type))


def _require_column(part: pd.DataFrame, column: str) -> None:
    if column not in part.columns:
        raise KeyError(f"no column {column!r} in the frame (columns: {list(part.columns)})")


def _partition_id() -> int:
    """Spark's partition id when running in a Spark task, else 0 (pyspark is only looked
    up when the worker has already imported it)."""
    pyspark = sys.modules.get("pyspark")
    if pyspark is None:
        return 0
    try:
        ctx = pyspark.TaskContext.get()
    except Exception:
        return 0
    return ctx.partitionId() if ctx is not None else 0
