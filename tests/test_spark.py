"""copydesk.spark: the mapInPandas partition function, on pandas frames and on Spark local[2].

The pandas part always runs (it needs no Spark). The Spark part runs when pyspark and a Java
runtime are present and is skipped otherwise, with the reason in the pytest summary (-rs).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

import copydesk
from copydesk._frames import COLUMNS, LEVELS
from copydesk._partitions import dtypes

pd = pytest.importorskip("pandas")

from copydesk.spark import SCHEMAS, analyze_partitions, schema  # noqa: E402

HAS_QUOTES = hasattr(copydesk.Document, "quotes")
TESTED_LEVELS = [lv for lv in LEVELS if lv != "quotes" or HAS_QUOTES]

# How each pandas dtype of a yielded frame appears in a Spark DDL schema.
SPARK_OF_PANDAS = {"int64": "bigint", "float64": "double", "object": "string", "str": "string"}


@pytest.fixture(scope="module")
def news(shared_data: Callable[[str], Path]) -> pd.DataFrame:
    with shared_data("corpus/news-1mb.jsonl").open(encoding="utf-8") as f:
        records = [json.loads(line) for _, line in zip(range(60), f, strict=False)]
    return pd.DataFrame(records)[["id", "text"]]


def _parse_ddl(ddl: str) -> list[tuple[str, str]]:
    return [(f.split()[0].strip("`"), f.split()[1]) for f in ddl.split(", ")]


def _batches(df: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    # mapInPandas hands each batch over with a fresh RangeIndex
    return [df.iloc[i : i + size].reset_index(drop=True) for i in range(0, len(df), size)]


@pytest.mark.parametrize("level", TESTED_LEVELS)
def test_partitions_equal_analyze_many_and_match_schema(news: pd.DataFrame, level: str) -> None:
    docs = copydesk.Pipeline().analyze_many(news["text"].tolist())
    out = list(analyze_partitions(_batches(news, 25), level=level, id_column="id"))
    got = pd.concat(out, ignore_index=True)
    expected = copydesk.frame(docs, level=level, ids=news["id"].tolist())
    pd.testing.assert_frame_equal(got, expected.astype(dtypes(level, expected["doc"].dtype)))
    fields = _parse_ddl(schema(level, doc_type="string"))
    assert [name for name, _ in fields] == COLUMNS[level] == list(got.columns)
    for frame in out:
        types = [SPARK_OF_PANDAS[str(t)] for t in frame.dtypes]
        assert types == [t for _, t in fields], level


def test_default_ids_are_unique_across_batches(news: pd.DataFrame) -> None:
    out = list(analyze_partitions(_batches(news, 7), level="documents"))
    got = pd.concat(out, ignore_index=True)
    assert got["doc"].tolist() == list(range(len(news)))  # partition 0 outside Spark
    assert [(n, t) for n, t in _parse_ddl(SCHEMAS["documents"])][0] == ("doc", "bigint")
    assert str(got["doc"].dtype) == "int64"
    ents = pd.concat(analyze_partitions(_batches(news, 7), level="entities"), ignore_index=True)
    assert ents["doc"].is_monotonic_increasing and ents["doc"].max() < len(news)


def test_missing_and_empty_texts() -> None:
    batch = pd.DataFrame({"id": [1, 2, 3], "text": ["Paris is big.", None, ""]})
    docs = pd.concat(analyze_partitions([batch], id_column="id"), ignore_index=True)
    assert docs["doc"].tolist() == [1, 2, 3]
    assert docs["tokens"].tolist() == [4, 0, 0]
    sents = list(analyze_partitions([batch.iloc[1:]], level="sentences", id_column="id"))
    assert sents == []  # nothing to yield for a batch without rows
    assert list(analyze_partitions([], level="entities")) == []


def test_schema_strings() -> None:
    assert set(SCHEMAS) == set(LEVELS)
    assert SCHEMAS["entities"] == (
        "`doc` bigint, `start` bigint, `end` bigint, `text` string, `label` string, "
        "`score` double, `canonical` string"
    )
    with pytest.raises(ValueError, match="level"):
        schema("paragraphs")
    with pytest.raises(KeyError, match="body"):
        list(analyze_partitions([pd.DataFrame({"text": ["x"]})], text_column="body"))


def test_module_does_not_import_pyspark() -> None:
    code = "import sys, copydesk.spark; print('pyspark' in sys.modules, 'dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ---- the recipe on a real Spark ------------------------------------------------------------


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed: Spark local[2] recipe test skipped"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "no Java runtime (java not on PATH, JAVA_HOME unset): Spark test skipped"
    return None


@pytest.fixture(scope="module")
def spark():
    reason = _spark_missing()
    if reason:
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the recipe: workers use this venv
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("copydesk-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.mark.parametrize("level", ["documents", "entities", "sentences"])
def test_spark_local_recipe(spark, news: pd.DataFrame, level: str) -> None:
    sdf = spark.createDataFrame(news).repartition(2)
    fn = partial(analyze_partitions, level=level, id_column="id")
    result = sdf.mapInPandas(fn, schema(level, doc_type="string"))
    got = result.toPandas()
    assert [(f.name, f.dataType.simpleString()) for f in result.schema.fields] == _parse_ddl(
        schema(level, doc_type="string")
    )
    docs = copydesk.Pipeline().analyze_many(news["text"].tolist())
    expected = copydesk.frame(docs, level=level, ids=news["id"].tolist())
    order = ["doc"] if level == "documents" else ["doc", "start"]
    got = got.sort_values(order, ignore_index=True)
    expected = expected.sort_values(order, ignore_index=True)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_spark_default_ids_are_unique(spark, news: pd.DataFrame) -> None:
    sdf = spark.createDataFrame(news[["text"]]).repartition(2)
    got = sdf.mapInPandas(analyze_partitions, SCHEMAS["documents"]).toPandas()
    assert len(got) == len(news) and got["doc"].is_unique
    assert sorted(got["tokens"]) == sorted(
        len(d.tokens) for d in copydesk.Pipeline().analyze_many(news["text"].tolist())
    )
