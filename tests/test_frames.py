"""Frames carry what joins them (sentence index, speaker offsets), tone columns mean one
thing everywhere, and documents round-trip through JSON and dicts."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

import copydesk

pd = pytest.importorskip("pandas")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def docs(articles: list[str]) -> list[copydesk.Document]:
    return copydesk.Pipeline().analyze_many(articles)


def test_entities_join_their_sentences(docs) -> None:
    ents = copydesk.frame(docs, level="entities")
    sents = copydesk.frame(docs, level="sentences")
    joined = ents.merge(sents, on=["doc", "sentence"], suffixes=("", "_sentence"))
    assert len(joined) == len(ents) > 0
    assert (joined["start"] >= joined["start_sentence"]).all()
    assert (joined["end"] <= joined["end_sentence"]).all()
    # The sentence's compound is the one entity_tone averages.
    d = docs[0]
    first = joined[joined["doc"] == 0]
    for t in d.entity_tone()[:3]:
        rows = first[first["referent"] == t.name].drop_duplicates("sentence")
        assert rows["compound"].mean() == pytest.approx(t.tone)


def test_quotes_frame_has_speaker_offsets_and_compound(docs) -> None:
    q = copydesk.frame(docs, level="quotes")
    assert "compound" in q.columns and "tone" not in q.columns
    named = q.dropna(subset=["speaker_start"])
    assert len(named) > 0
    for r in named.itertuples():
        text = docs[r.doc].text
        span = text[int(r.speaker_start) : int(r.speaker_end)]
        ent = next(e for e in docs[r.doc].entities if e.start == r.speaker_start)
        assert span == ent.text and ent.canonical == r.speaker


def test_tone_columns_mean_one_thing(docs) -> None:
    d = copydesk.frame(docs)
    for doc, row in zip(docs, d.itertuples(), strict=True):
        assert row.compound == pytest.approx(doc.tone.compound)
        assert row.tone == pytest.approx(doc.tone.tone)  # GDELT-style percentage
        n = len(doc.sentences)
        assert row.mean_compound == pytest.approx(sum(s.tone.compound for s in doc.sentences) / n)
    c = copydesk.compare(docs, by=["a", "b", "c", "d"])
    assert list(c.outlets["compound"]) == pytest.approx(list(d["compound"]))
    assert list(c.outlets["tone"]) == pytest.approx(list(d["tone"]))
    assert list(c.outlets["mean_compound"]) == pytest.approx(list(d["mean_compound"]))


def test_parquet_round_trip(docs, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    for level in ("documents", "entities", "quotes"):
        f = copydesk.frame(docs, level=level)
        path = tmp_path / f"{level}.parquet"
        f.to_parquet(path)
        back = pd.read_parquet(path)
        assert list(back.columns) == list(f.columns) and len(back) == len(f)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is Python 3.11+")
def test_extras_install_what_they_promise() -> None:
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(r.startswith("ipywidgets") for r in extras["progress"])  # the notebook bar
    assert any(r.startswith("pyarrow") for r in extras["parquet"])


def test_document_json_and_dict_round_trip(docs) -> None:
    texts = [
        'Emoji 😀 first: "We agreed," Ingrid Solberg said in Oslo. Ms Solberg\'s aide left.',
        "",
        "no entities here at all",
    ]
    for doc in [*docs, *map(copydesk.analyze, texts)]:
        back = copydesk.Document.from_json(doc.to_json())
        assert back == doc
        assert copydesk.Document.from_dict(doc.to_dict()) == doc
        assert back.to_dict() == doc.to_dict()
    with pytest.raises(ValueError):
        copydesk.Document.from_json("not json")
    bad = docs[0].to_dict()
    bad["entities"][0]["end"] = len(bad["text"]) + 5
    with pytest.raises(ValueError):
        copydesk.Document.from_dict(bad)
    with pytest.raises(TypeError):
        copydesk.Document.from_dict(json.dumps(docs[0].to_dict()))  # type: ignore[arg-type]
    assert not math.isnan(docs[0].mean_compound())
