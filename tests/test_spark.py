"""copydesk.spark: the mapInPandas partition function, on pandas frames and on Spark local[2],
and ``link_entities`` (referents linked across partitions as ``copydesk.frame`` does).

The pandas part always runs (it needs no Spark; for linking, partitions are simulated by
setting the partition id and the one Spark aggregation is done by ``name_table``). The
Spark part runs when pyspark and a Java runtime are present and is skipped otherwise, with
the reason in the pytest summary (-rs).
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
from copydesk._partitions import dtypes, link_tables, name_table

pd = pytest.importorskip("pandas")

from copydesk import spark as cspark  # noqa: E402
from copydesk.spark import (  # noqa: E402
    SCHEMAS,
    analyze_partitions,
    link_entities,
    relink_partitions,
    schema,
)

ROOT = Path(__file__).resolve().parent.parent
LAVROV = [
    '"We did not," Lavrov said in Manila on Monday.',
    "Sergei Lavrov met Rex Tillerson in Manila. Lavrov said little.",
    "Sergey Lavrov spoke to reporters. Sergey Lavrov then left. Sergey Lavrov returned.",
]

HAS_QUOTES = hasattr(copydesk.Document, "quotes")
TESTED_LEVELS = [lv for lv in LEVELS if lv != "quotes" or HAS_QUOTES]

# How each pandas dtype of a yielded frame appears in a Spark DDL schema.
SPARK_OF_PANDAS = {
    "int64": "bigint",
    "Int64": "bigint",  # an int or missing (a quote's speaker offsets)
    "float64": "double",
    "object": "string",
    "str": "string",
}


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
    expected = copydesk.frame(docs, level=level, ids=news["id"].tolist(), link=False)
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
        "`doc` bigint, `sentence` bigint, `start` bigint, `end` bigint, `text` string, "
        "`label` string, `score` double, `canonical` string, `referent` string, "
        "`referent_label` string"
    )
    with pytest.raises(ValueError, match="level"):
        schema("paragraphs")
    with pytest.raises(KeyError, match="body"):
        list(analyze_partitions([pd.DataFrame({"text": ["x"]})], text_column="body"))


# ---- referents linked across partitions, without Spark -------------------------------------


def _link_like_spark(
    parts: list[pd.DataFrame], monkeypatch: pytest.MonkeyPatch, id_column: str | None = None
) -> pd.DataFrame:
    """link_entities' three steps on pandas: each partition through analyze_partitions
    (names=True) under its partition id, the aggregation (name_table over all rows, as the
    Spark groupBy), link_tables, then relink_partitions per partition."""
    named = []
    for p, part in enumerate(parts):
        monkeypatch.setattr(cspark, "_partition_id", lambda p=p: p)
        fn = partial(analyze_partitions, level="entities", id_column=id_column, names=True)
        named.append(list(fn(_batches(part, 2))))
    for out in named:
        for frame in out:
            assert [n for n, _ in _parse_ddl(schema("entities", names=True))] == list(frame.columns)
    # Spark aggregates the name columns of all partitions at once, in no particular order.
    rows = pd.concat([f for out in named for f in out], ignore_index=True)
    table = name_table(rows.sample(frac=1.0, random_state=7)).sample(frac=1.0, random_state=3)
    links = link_tables([table])
    got = [f for out in named for f in relink_partitions(out, links)]
    return pd.concat(got, ignore_index=True)


def _check_like_frame(texts: list[str], parts: int, monkeypatch: pytest.MonkeyPatch):
    df = pd.DataFrame({"id": [f"t{i}" for i in range(len(texts))], "text": texts})
    size = -(-len(df) // parts)
    pieces = [df.iloc[i : i + size].reset_index(drop=True) for i in range(0, len(df), size)]
    assert len(pieces) == parts >= 2
    got = _link_like_spark(pieces, monkeypatch, id_column="id")
    docs = copydesk.Pipeline().analyze_many(texts)
    expected = copydesk.frame(docs, "entities", ids=df["id"].tolist())
    pd.testing.assert_frame_equal(got, expected.astype(dtypes("entities", got["doc"].dtype)))
    return got


def test_link_across_simulated_partitions(monkeypatch: pytest.MonkeyPatch) -> None:
    got = _check_like_frame(LAVROV, 3, monkeypatch)
    # The bare "Lavrov" of partition 0 takes the variant of partition 2 (most mentions).
    bare = got[(got["doc"] == "t0") & (got["text"] == "Lavrov")]
    assert list(bare["referent"]) == ["Sergey Lavrov"] and list(bare["canonical"]) == ["Lavrov"]
    _check_like_frame(
        [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/articles").glob("*.txt"))],
        2,
        monkeypatch,
    )


def test_link_across_simulated_partitions_on_seeds(
    monkeypatch: pytest.MonkeyPatch, shared_data: Callable[[str], Path]
) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(shared_data("seeds").glob("*.txt"))]
    got = _check_like_frame(texts, 2, monkeypatch)
    lavrov = got[got["canonical"].str.contains("Lavrov")]
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= set(lavrov["canonical"])
    assert lavrov["referent"].nunique() == 1


def test_link_schemas_and_arguments() -> None:
    ddl = schema("entities", doc_type="string", names=True)
    assert ddl == schema("entities", doc_type="string") + (
        ", `_order` bigint, `_rank` bigint, `_name_label` string"
    )
    with pytest.raises(ValueError, match="names=True"):
        schema("documents", names=True)
    with pytest.raises(ValueError, match="names=True"):
        list(analyze_partitions([pd.DataFrame({"text": ["x"]})], names=True))
    # the default ids and _order agree outside Spark (partition 0)
    batch = pd.DataFrame({"text": ["Oslo is cold.", "", "Ms Solberg left Oslo."]})
    (out,) = analyze_partitions([batch], level="entities", names=True)
    assert list(out["_order"]) == list(out["doc"])
    assert list(relink_partitions([out.iloc[:0]], {})) == []


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
    expected = copydesk.frame(docs, level=level, ids=news["id"].tolist(), link=False)
    order = ["doc"] if level == "documents" else ["doc", "start"]
    got = got.sort_values(order, ignore_index=True)
    expected = expected.sort_values(order, ignore_index=True)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def _spark_linked(spark, texts: list[str], parts: int) -> pd.DataFrame:
    """link_entities over ``texts`` in ``parts`` Spark partitions, checked against
    ``copydesk.frame(docs, "entities")`` over the texts in DataFrame order."""
    df = pd.DataFrame({"id": [f"t{i}" for i in range(len(texts))], "text": texts})
    rdd = spark.sparkContext.parallelize(list(zip(df["id"], df["text"], strict=True)), parts)
    sdf = spark.createDataFrame(rdd, "id string, text string")
    assert sdf.rdd.getNumPartitions() == parts
    order = [r["id"] for r in sdf.collect()]
    result = link_entities(sdf, id_column="id", doc_type="string")
    assert [(f.name, f.dataType.simpleString()) for f in result.schema.fields] == _parse_ddl(
        schema("entities", doc_type="string")
    )
    got = result.toPandas().sort_values(["doc", "start"], ignore_index=True)
    texts_by_id = dict(zip(df["id"], df["text"], strict=True))
    docs = copydesk.Pipeline().analyze_many([texts_by_id[i] for i in order])
    expected = copydesk.frame(docs, "entities", ids=order)
    expected = expected.sort_values(["doc", "start"], ignore_index=True)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    return got


def test_spark_link_entities_equals_frame(spark) -> None:
    # Three partitions, one text each: the bare "Lavrov" of the first takes the referent
    # of the other two.
    got = _spark_linked(spark, LAVROV, 3)
    bare = got[(got["doc"] == "t0") & (got["text"] == "Lavrov")]
    assert list(bare["referent"]) == ["Sergey Lavrov"]
    assert set(got.loc[got["label"] == "PER", "referent"]) == {"Sergey Lavrov", "Rex Tillerson"}


def test_spark_link_entities_on_seeds(spark, shared_data: Callable[[str], Path]) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(shared_data("seeds").glob("*.txt"))]
    got = _spark_linked(spark, texts, 2)
    lavrov = got[got["canonical"].str.contains("Lavrov")]
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= set(lavrov["canonical"])
    assert lavrov["referent"].nunique() == 1


def test_spark_default_ids_are_unique(spark, news: pd.DataFrame) -> None:
    sdf = spark.createDataFrame(news[["text"]]).repartition(2)
    got = sdf.mapInPandas(analyze_partitions, SCHEMAS["documents"]).toPandas()
    assert len(got) == len(news) and got["doc"].is_unique
    assert sorted(got["tokens"]) == sorted(
        len(d.tokens) for d in copydesk.Pipeline().analyze_many(news["text"].tolist())
    )
