"""Pipeline and Document from Python: analysis, batches, threads, pickling, errors."""

from __future__ import annotations

import pickle
import threading

import pytest

import copydesk

TEXT = (
    "Rex Tillerson met Sergei Lavrov in Manila on Monday. "
    "The talks were tense and no agreement was reached.\n\n"
    '"We have our differences," Tillerson said.'
)


def check_offsets(doc: copydesk.Document) -> None:
    for layer in (doc.tokens, doc.sentences, doc.entities):
        prev = 0
        for x in layer:
            assert doc.text[x.start : x.end] == x.text
            assert prev <= x.start < x.end
            prev = x.end


def test_analyze_finds_layers() -> None:
    doc = copydesk.analyze(TEXT)
    check_offsets(doc)
    assert doc.text == TEXT
    assert len(doc.sentences) == 3
    assert all(s.tone is not None for s in doc.sentences)
    names = {(e.text, e.label) for e in doc.entities}
    assert ("Rex Tillerson", "PER") in names
    assert ("Manila", "LOC") in names
    assert -1.0 <= doc.tone.compound <= 1.0
    assert len(doc) == len(doc.tokens)


def test_entity_tone_groups_mentions() -> None:
    doc = copydesk.analyze(TEXT)
    by_name = {e.name: e for e in doc.entity_tone()}
    assert "Tillerson" in by_name or "Rex Tillerson" in by_name
    for e in doc.entity_tone():
        assert e.mentions >= e.sentences >= 1
        assert -1.0 <= e.tone <= 1.0


def test_astral_and_combining_offsets() -> None:
    text = "🇳🇴 Ingrid Solberg 👩🏽‍🚀 met Kenji Arakawa in Tromsø. Cafe\u0301 “talks” — fine."
    doc = copydesk.analyze(text)
    check_offsets(doc)
    d = doc.to_dict()
    for e in d["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]


def test_empty_and_whitespace() -> None:
    for text in ("", "   \n\n  "):
        doc = copydesk.analyze(text)
        assert doc.tokens == [] and doc.sentences == [] and doc.entities == []
        assert doc.tone.compound == 0.0
        assert copydesk.split_sentences(text) == []
        assert copydesk.tag_entities(text) == []


def test_analyze_many_equals_analyze(articles: list[str]) -> None:
    nlp = copydesk.Pipeline()
    texts = articles + [TEXT, ""]
    many = nlp.analyze_many(texts)
    assert many == [nlp(t) for t in texts]
    assert nlp.analyze_many(texts, n_threads=1) == many
    assert nlp.analyze_many([]) == []


def test_pipe_streams_in_order(articles: list[str]) -> None:
    nlp = copydesk.Pipeline()
    gen = nlp.pipe(iter(articles * 3), batch_size=2)
    assert not isinstance(gen, list)
    docs = list(gen)
    assert [d.text for d in docs] == articles * 3


def test_threads_share_one_pipeline(articles: list[str]) -> None:
    nlp = copydesk.Pipeline()
    expected = [nlp(t) for t in articles]
    results: list[list[copydesk.Document]] = [[] for _ in range(8)]

    def work(i: int) -> None:
        results[i] = [nlp(t) for t in articles] + nlp.analyze_many(articles)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert r == expected + expected


def test_pickle_round_trips() -> None:
    nlp = copydesk.Pipeline(entity_rules={"Palais des Nations": "LOC"}, titles=["Amb."])
    nlp2 = pickle.loads(pickle.dumps(nlp))
    assert isinstance(nlp2, copydesk.Pipeline)
    assert nlp2 == nlp and nlp2.config() == nlp.config()
    doc = nlp(TEXT)
    doc2 = pickle.loads(pickle.dumps(doc))
    assert doc2 == doc and doc2.to_dict() == doc.to_dict()
    for obj in (doc.tokens[0], doc.sentences[0], doc.entities[0], doc.tone, doc.entity_tone()[0]):
        assert pickle.loads(pickle.dumps(obj)) == obj


def test_user_entity_rules_override_model() -> None:
    nlp = copydesk.Pipeline(entity_rules=[("Palais des Nations", "LOC"), ("task force", "ORG")])
    doc = nlp("They met at the Palais des Nations and formed a task force.")
    found = {(e.text, e.label) for e in doc.entities}
    assert ("Palais des Nations", "LOC") in found
    assert ("task force", "ORG") in found


def test_custom_tone_lexicon() -> None:
    text = "The quarterly figures show strong headwinds."
    base = copydesk.Pipeline()(text).tone.compound
    custom = copydesk.Pipeline(tone_lexicon={"headwinds": -3.0})(text).tone.compound
    assert custom < base


def test_components_can_be_switched_off() -> None:
    doc = copydesk.Pipeline(entities=False, tone=False)(TEXT)
    assert doc.entities == []
    assert doc.tone.compound == 0.0
    assert len(doc.sentences) == 3


@pytest.mark.parametrize("bad", [None, 1, b"x", ["list"]])
def test_single_text_type_errors(bad: object) -> None:
    for fn in (
        copydesk.analyze,
        copydesk.split_sentences,
        copydesk.tag_entities,
        copydesk.score_tone,
        copydesk.Pipeline(),
    ):
        with pytest.raises(TypeError):
            fn(bad)  # type: ignore[operator]


def test_batch_errors_name_the_index() -> None:
    nlp = copydesk.Pipeline()
    with pytest.raises(TypeError, match=r"texts\[2\]"):
        nlp.analyze_many(["a", "b", 3])
    with pytest.raises(TypeError, match="not a str"):
        nlp.analyze_many("just one string")
    with pytest.raises(ValueError, match=r"texts\[1\]"):
        nlp.analyze_many(["fine", "bad \ud800"])
    with pytest.raises(TypeError):
        list(nlp.pipe("just one string"))


def test_lone_surrogates_are_value_errors() -> None:
    for fn in (copydesk.analyze, copydesk.split_sentences, copydesk.score_tone):
        with pytest.raises(ValueError):
            fn("x \udc80 y")


def test_bad_configuration() -> None:
    with pytest.raises(ValueError, match="label"):
        copydesk.Pipeline(entity_rules={"x": "ANIMAL"})
    with pytest.raises(ValueError):
        copydesk.Pipeline(threads=0)
    with pytest.raises(OSError):
        copydesk.Pipeline(entity_model="/nonexistent/model.bin")
