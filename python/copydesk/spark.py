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
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from copydesk._frames import LEVELS
from copydesk._partitions import KINDS, ShippedPipeline, analyze_texts, check_level
from copydesk._pipeline import Pipeline

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SCHEMAS", "analyze_partitions", "schema"]

_SPARK_TYPES = {"int": "bigint", "int?": "bigint", "float": "double", "str": "string"}


def schema(level: str, doc_type: str = "bigint") -> str:
    """The Spark DDL schema of the frames :func:`analyze_partitions` yields for ``level``;
    ``doc_type`` is the Spark type of the ids (``bigint`` without ``id_column``)."""
    check_level(level)
    fields = [("doc", doc_type)] + [(c, _SPARK_TYPES[k]) for c, k in KINDS[level].items()]
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
) -> Iterator[pd.DataFrame]:
    """Analyses each pandas frame of a partition; yields the rows of ``copydesk.frame`` at
    ``level`` with the columns and types of ``schema(level)``.

    The ``doc`` column is ``frame[id_column]``; without ``id_column`` it is a unique
    ``bigint`` computed like Spark's ``monotonically_increasing_id()`` (partition id in the
    upper 31 bits, row number within the partition in the lower 33; outside Spark the
    partition id is 0). A missing text (None/NaN) is analysed as the empty text.

    Spark runs one task per core, so each batch uses ``n_threads=1`` by default.
    """
    check_level(level)
    nlp = ShippedPipeline(pipeline).pipeline
    base = _partition_id() << 33 if id_column is None else 0
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
        seen += n
        out = analyze_texts(part[text_column].tolist(), ids, level, nlp, n_threads, doc_dtype)
        if len(out):
            yield out


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
