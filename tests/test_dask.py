"""copydesk.dask on a real two-process LocalCluster equals Pipeline.analyze_many row for row,
and with ``link=True`` links referents across partitions as ``copydesk.frame`` does."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import copydesk
from copydesk._partitions import dtypes

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe", reason="dask not installed (copydesk[dask])")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from copydesk.dask import analyze_bag, analyze_frame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

N_ARTICLES = 200
HAS_QUOTES = hasattr(copydesk.Document, "quotes")


@pytest.fixture(scope="module")
def news(shared_data: Callable[[str], Path]) -> pd.DataFrame:
    with shared_data("corpus/news-1mb.jsonl").open(encoding="utf-8") as f:
        records = [json.loads(line) for _, line in zip(range(N_ARTICLES), f, strict=False)]
    # A string index (ids) for the "index is the id" path; a missing text on purpose.
    df = pd.DataFrame(records)[["id", "source", "text"]]
    df.loc[7, "text"] = None
    return df


@pytest.fixture(scope="module")
def expected_docs(news: pd.DataFrame) -> list[copydesk.Document]:
    texts = [t if isinstance(t, str) else "" for t in news["text"]]
    return copydesk.Pipeline().analyze_many(texts)


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def _expected(docs: list[copydesk.Document], ids: list[Any], level: str) -> pd.DataFrame:
    exp = copydesk.frame(docs, level=level, ids=ids, link=False)
    return exp.astype(dtypes(level, exp["doc"].dtype))


def _same_rows(got: pd.DataFrame, exp: pd.DataFrame) -> None:
    assert list(got.columns) == list(exp.columns)
    assert len(got) == len(exp)
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True), exp.reset_index(drop=True), check_dtype=False
    )


LEVELS = ["documents", "sentences", "entities", "tokens"] + (["quotes"] if HAS_QUOTES else [])


@pytest.mark.parametrize("level", [lv for lv in LEVELS if lv != "tokens"])
def test_analyze_frame_on_cluster_equals_analyze_many(
    client, news: pd.DataFrame, expected_docs: list[copydesk.Document], level: str
) -> None:
    ddf = dd.from_pandas(news, npartitions=5)
    result = analyze_frame(ddf, level=level, id_column="id")
    assert result.npartitions == 5
    assert list(result.columns) == copydesk._frames.COLUMNS[level]
    got = result.compute()
    _same_rows(got, _expected(expected_docs, list(news["id"]), level))
    # meta is what the partitions produce, dtype for dtype
    assert got.dtypes.to_dict() == result._meta.dtypes.to_dict()
    # every row keeps the index of its article
    assert (got["doc"].to_numpy() == news["id"].to_numpy()[got.index.to_numpy()]).all()


def test_analyze_frame_index_as_ids_and_divisions(
    client, news: pd.DataFrame, expected_docs: list[copydesk.Document]
) -> None:
    by_id = news.set_index("id").sort_index()
    ddf = dd.from_pandas(by_id, npartitions=4)
    assert ddf.known_divisions
    result = analyze_frame(ddf, level="documents")
    assert result.divisions == ddf.divisions
    got = result.compute()
    assert list(got.index) == list(by_id.index) == list(got["doc"])
    expected = dict(zip(news["id"], expected_docs, strict=True))
    docs = [expected[i] for i in by_id.index]
    _same_rows(got, _expected(docs, list(by_id.index), "documents"))
    # the documents level lines up with its input: join on the index, no shuffle needed
    joined = ddf[["source"]].join(result[["tokens"]]).compute()
    assert list(joined["tokens"]) == [len(d.tokens) for d in docs]

    ents = analyze_frame(ddf, level="entities").compute()
    assert list(ents["doc"]) == list(ents.index)
    assert ents.index.is_monotonic_increasing


def test_tokens_level(news: pd.DataFrame, expected_docs: list[copydesk.Document]) -> None:
    small = news.head(20)
    result = analyze_frame(dd.from_pandas(small, npartitions=2), level="tokens", id_column="id")
    got = result.compute(scheduler="sync")
    _same_rows(got, _expected(expected_docs[:20], list(small["id"]), "tokens"))
    assert got.dtypes.to_dict() == result._meta.dtypes.to_dict()


def test_analyze_bag_on_cluster_equals_analyze_many(
    client, news: pd.DataFrame, expected_docs: list[copydesk.Document]
) -> None:
    records = news[["id", "text"]].to_dict("records")
    by_dict = analyze_bag(db.from_sequence(records, npartitions=4)).compute()
    assert [r["id"] for r in by_dict] == list(news["id"])
    assert [{k: v for k, v in r.items() if k != "id"} for r in by_dict] == [
        d.to_dict() for d in expected_docs
    ]
    assert list(by_dict[0])[0] == "id"

    n = 40
    pairs = list(zip(news["id"], news["text"], strict=True))[:n]
    by_pair = analyze_bag(db.from_sequence(pairs, npartitions=3)).compute()
    assert by_pair == by_dict[:n]

    texts = [t if isinstance(t, str) else "" for t in news["text"]][:n]
    plain = analyze_bag(db.from_sequence(texts, npartitions=2)).compute()
    assert plain == [d.to_dict() for d in expected_docs[:n]]

    ent_rows = analyze_bag(db.from_sequence(pairs, npartitions=3), level="entities").compute()
    exp = copydesk.frame(expected_docs[:n], "entities", ids=[i for i, _ in pairs], link=False)
    assert ent_rows == exp.to_dict("records")


def test_custom_pipeline_travels_by_configuration(client) -> None:
    text = "The quarterly figures show strong headwinds at the Palais des Nations."
    nlp = copydesk.Pipeline(
        entity_rules={"Palais des Nations": "LOC"}, tone_lexicon={"headwinds": -3.0}
    )
    ddf = dd.from_pandas(pd.DataFrame({"text": [text] * 4}), npartitions=2)
    ents = analyze_frame(ddf, level="entities", pipeline=nlp).compute()
    assert ("Palais des Nations", "LOC") in set(zip(ents["text"], ents["label"], strict=True))
    docs = analyze_frame(ddf, pipeline=nlp).compute()
    assert list(docs["compound"]) == [nlp(text).tone.compound] * 4
    assert docs["compound"].iloc[0] != copydesk.analyze(text).tone.compound


def test_pipeline_is_built_once_per_worker(client) -> None:
    nlp = copydesk.Pipeline(tone_lexicon={"test-built-once": 1.0})
    ddf = dd.from_pandas(pd.DataFrame({"text": ["One text."] * 40}), npartitions=20)
    assert len(analyze_frame(ddf, pipeline=nlp).compute()) == 40

    def builds() -> list[int]:
        from copydesk import _partitions

        return [n for (_, key), n in _partitions.BUILDS.items() if "test-built-once" in key]

    per_worker = client.run(builds)
    assert sum(n for b in per_worker.values() for n in b) <= len(per_worker)
    assert all(b in ([], [1]) for b in per_worker.values())


def test_empty_partitions_and_meta() -> None:
    empty = dd.from_pandas(pd.DataFrame({"text": pd.Series([], dtype=object)}), npartitions=1)
    for level in LEVELS:
        result = analyze_frame(empty, level=level)
        got = result.compute(scheduler="sync")
        assert len(got) == 0
        assert got.dtypes.to_dict() == result._meta.dtypes.to_dict()
    assert analyze_bag(db.from_sequence([], npartitions=1)).compute(scheduler="sync") == []


# ---- referents linked across partitions (link=True) -----------------------------------------


def _texts(folder: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    assert len(texts) >= 4, folder
    return texts


def _linked_like_frame(texts: list[str], npartitions: int, **compute: Any) -> pd.DataFrame:
    """analyze_frame(..., link=True) over ``texts`` in ``npartitions``, checked against
    ``copydesk.frame(docs, "entities")`` (every column, referents included)."""
    ddf = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=npartitions)
    assert ddf.npartitions == npartitions
    result = analyze_frame(ddf, level="entities", link=True)
    assert result.npartitions == npartitions and result.divisions == ddf.divisions
    got = result.compute(**compute)
    assert got.dtypes.to_dict() == result._meta.dtypes.to_dict()
    docs = copydesk.Pipeline().analyze_many(texts)
    _same_rows(got, copydesk.frame(docs, "entities").astype(result._meta.dtypes.to_dict()))
    assert (got["doc"].to_numpy() == got.index.to_numpy()).all()
    return got


def test_link_across_partitions_on_examples() -> None:
    _linked_like_frame(_texts(ROOT / "examples" / "articles"), 2, scheduler="sync")


def _bag_linked_like_frame(
    texts: list[str], npartitions: int, form: str = "pair", **compute: Any
) -> tuple[pd.DataFrame, list[list[Any]]]:
    """analyze_bag(..., level="entities", link=True) over ``texts`` in ``npartitions``,
    checked against ``copydesk.frame(docs, "entities")`` row for row (every key, referents
    included). Items are ``(position, text)`` pairs (``form="pair"``), ``{"id", "text"}``
    mappings (``"mapping"``) or plain texts (``"str"``: ``doc`` is None). Returns the rows as
    a frame and the ``doc`` of the items of each partition."""
    items: list[Any] = {
        "pair": list(enumerate(texts)),
        "mapping": [{"id": i, "text": t} for i, t in enumerate(texts)],
        "str": texts,
    }[form]
    bag = db.from_sequence(items, npartitions=npartitions)
    assert bag.npartitions == npartitions
    result = analyze_bag(bag, level="entities", link=True)
    assert result.npartitions == npartitions
    got = result.compute(**compute)
    docs = copydesk.Pipeline().analyze_many(texts)
    ids = [None] * len(texts) if form == "str" else None
    expected = copydesk.frame(docs, "entities", ids=ids)
    assert got == expected.to_dict("records")
    parts = bag.map_partitions(lambda p: [[_item_id(item) for item in p]])
    return pd.DataFrame(got, columns=expected.columns), parts.compute(scheduler="sync")


def _item_id(item: Any) -> Any:
    if isinstance(item, str):
        return None
    return item["id"] if isinstance(item, dict) else item[0]


def _assert_seeds_linked_across(got: pd.DataFrame, second: pd.Series) -> None:
    """The seeds' Lavrov variants are one referent, and a Lavrov of the second partition
    (the rows where ``second``) takes a referent named only in the first: the linking
    crossed partitions (the name is not among the second partition's names)."""
    variants = set(got.loc[got["canonical"].str.contains("Lavrov"), "canonical"])
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= variants, variants
    assert got.loc[got["canonical"].isin(variants), "referent"].nunique() == 1
    rows = got[second]
    foreign = rows[~rows["referent"].isin(set(rows["canonical"]))]
    assert foreign["canonical"].str.contains("Lavrov").any(), rows[["canonical", "referent"]]


def test_link_across_partitions_on_seeds(client, shared_data: Callable[[str], Path]) -> None:
    # Five outlets, one story: "Sergei Lavrov" in some, "Sergey Lavrov" in others.
    texts = _texts(shared_data("seeds"))
    got = _linked_like_frame(texts, 2)
    divisions = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=2).divisions
    _assert_seeds_linked_across(got, got.index >= divisions[1])


def test_bag_link_across_partitions_on_examples() -> None:
    _bag_linked_like_frame(_texts(ROOT / "examples" / "articles"), 2, scheduler="sync")


def test_bag_link_across_partitions_on_seeds(client, shared_data: Callable[[str], Path]) -> None:
    got, parts = _bag_linked_like_frame(_texts(shared_data("seeds")), 2, form="mapping")
    assert len(parts) == 2 and all(parts)
    _assert_seeds_linked_across(got, got["doc"].isin(parts[1]))


# One text per partition: the bare "Lavrov" of the first takes the referent of the variants
# in the second ("Sergei") and third ("Sergey", most mentioned).
LAVROV = [
    '"We did not," Lavrov said in Manila on Monday.',
    "Sergei Lavrov met Rex Tillerson in Manila. Lavrov said little.",
    "Sergey Lavrov spoke to reporters. Sergey Lavrov then left. Sergey Lavrov returned.",
]
LAVROV_ALONE = {"Lavrov", "Sergei Lavrov", "Sergey Lavrov", "Rex Tillerson"}


def test_link_a_surname_to_a_full_name_in_other_partitions() -> None:
    texts = LAVROV
    got = _linked_like_frame(texts, 3, scheduler="sync")
    first = got[got["doc"] == 0].set_index("text")
    assert first.loc["Lavrov", "canonical"] == "Lavrov"
    assert tuple(first.loc["Lavrov", ["referent", "referent_label"]]) == ("Sergey Lavrov", "PER")
    assert set(got.loc[got["label"] == "PER", "referent"]) == {"Sergey Lavrov", "Rex Tillerson"}
    # Without link, each partition's rows name their own document's referents.
    ddf = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=3)
    alone = analyze_frame(ddf, level="entities").compute(scheduler="sync")
    assert set(alone.loc[alone["label"] == "PER", "referent"]) == LAVROV_ALONE


def test_bag_links_a_surname_to_a_full_name_in_other_partitions() -> None:
    # Plain texts: no ids, doc None (the rows of the first text come first).
    got, _ = _bag_linked_like_frame(LAVROV, 3, form="str", scheduler="sync")
    assert got["doc"].isna().all()
    lavrov = got[got["text"] == "Lavrov"].iloc[0]
    assert (lavrov["canonical"], lavrov["start"]) == ("Lavrov", LAVROV[0].index("Lavrov"))
    assert (lavrov["referent"], lavrov["referent_label"]) == ("Sergey Lavrov", "PER")
    assert set(got.loc[got["label"] == "PER", "referent"]) == {"Sergey Lavrov", "Rex Tillerson"}
    # Without link, each partition's rows name their own document's referents.
    bag = db.from_sequence(LAVROV, npartitions=3)
    alone = pd.DataFrame(analyze_bag(bag, level="entities").compute(scheduler="sync"))
    assert alone["text"].tolist() == got["text"].tolist()
    assert alone.loc[alone["text"] == "Lavrov", "referent"].iloc[0] == "Lavrov"
    assert set(alone.loc[alone["label"] == "PER", "referent"]) == LAVROV_ALONE


@pytest.fixture
def analyse_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The batch size of every ``Pipeline.analyze_many`` call in this process (the sync
    scheduler runs every task here)."""
    calls: list[int] = []
    analyze_many = copydesk.Pipeline.analyze_many

    def counting(self, batch, **kw):
        calls.append(len(batch))
        return analyze_many(self, batch, **kw)

    monkeypatch.setattr(copydesk.Pipeline, "analyze_many", counting)
    return calls


ONCE = ["Sergei Lavrov spoke.", "Lavrov left.", "Oslo is cold.", "Sergey Lavrov flew."]


def test_link_analyses_each_partition_once(analyse_calls: list[int]) -> None:
    texts, calls = ONCE, analyse_calls
    ddf = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=2)
    linked = analyze_frame(ddf, level="entities", link=True).compute(scheduler="sync")
    assert calls == [2, 2]
    # unknown divisions (read_json, say) stay unknown; the rows are the same
    unknown = analyze_frame(ddf.clear_divisions(), level="entities", link=True)
    assert not unknown.known_divisions and unknown.npartitions == 2
    _same_rows(unknown.compute(scheduler="sync"), linked)
    # link is ignored at the other levels (as by copydesk.frame), and is a no-op when empty
    calls.clear()
    docs = analyze_frame(ddf, link=True).compute(scheduler="sync")
    assert len(docs) == 4 and calls == [2, 2]
    empty = dd.from_pandas(pd.DataFrame({"text": pd.Series([], dtype=object)}), npartitions=1)
    result = analyze_frame(empty, level="entities", link=True)
    got = result.compute(scheduler="sync")
    assert len(got) == 0 and got.dtypes.to_dict() == result._meta.dtypes.to_dict()


def test_bag_link_analyses_each_partition_once(analyse_calls: list[int]) -> None:
    bag = db.from_sequence(ONCE, npartitions=2)
    linked = analyze_bag(bag, level="entities", link=True).compute(scheduler="sync")
    assert analyse_calls == [2, 2]
    docs = copydesk.Pipeline().analyze_many(ONCE)
    assert linked == copydesk.frame(docs, "entities", ids=[None] * 4).to_dict("records")
    # link is ignored at the other levels and without a level (as by analyze_frame)
    for level in (None, "sentences"):
        analyse_calls.clear()
        with_link = analyze_bag(bag, level=level, link=True).compute(scheduler="sync")
        assert analyse_calls == [2, 2]
        assert with_link == analyze_bag(bag, level=level).compute(scheduler="sync")
    # a partition without names, and an empty bag
    bag = db.from_sequence(["It rained.", *ONCE[:2]], npartitions=3)
    got = analyze_bag(bag, level="entities", link=True).compute(scheduler="sync")
    assert [r["referent"] for r in got if r["label"] == "PER"] == ["Sergei Lavrov"] * 2
    empty = db.from_sequence([], npartitions=1)
    assert analyze_bag(empty, level="entities", link=True).compute(scheduler="sync") == []


def test_bad_arguments() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="text"):
        analyze_frame(ddf)
    with pytest.raises(KeyError, match="nope"):
        analyze_frame(ddf, text_column="body", id_column="nope")
    with pytest.raises(ValueError, match="level"):
        analyze_frame(ddf, text_column="body", level="paragraphs")
    with pytest.raises(TypeError, match="Pipeline"):
        analyze_frame(ddf, text_column="body", pipeline="en")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bag items"):
        analyze_bag(db.from_sequence([1, 2], npartitions=1)).compute(scheduler="sync")
    with pytest.raises(TypeError, match="dask Bag"):
        analyze_bag(["a"])  # type: ignore[arg-type]


def test_core_package_does_not_import_dask() -> None:
    code = "import sys, copydesk; copydesk.analyze('x'); print('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_import_error_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['dask'] = None; sys.modules['dask.bag'] = None\n"
        "try:\n    import copydesk.dask\nexcept ImportError as e:\n    print(e)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 'pip install "copydesk[dask]"' in out.stdout
