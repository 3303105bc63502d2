"""Every public class pickles to an equal object: all protocols, deepcopy, another process.

Dask, Spark, Ray and multiprocessing move copydesk objects between processes by pickle, so
this covers each class in ``copydesk.__all__``; the samples are found by walking analysed
documents, so a new result class reachable from ``Document`` is covered without edits here,
and a public class with no sample fails the test.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import multiprocessing
import operator
import pickle
import sys
from typing import Any

import pytest

import copydesk

TEXT = (
    "Rex Tillerson met Sergei Lavrov in Manila on Monday, July 4, 2017. "
    "The talks were tense and no agreement on the $2 billion deal was reached.\n\n"
    '"We have our differences, but we will keep talking," Tillerson said. '
    'Lavrov said: "The sanctions are a mistake." Apple Inc. shares rose 3%.\n\n'
    "🇳🇴 Ingrid Solberg met Kenji Arakawa in Tromsø. Cafe\u0301 “talks” — fine."
)

PUBLIC_CLASSES = {
    name: obj for name in copydesk.__all__ if isinstance(obj := getattr(copydesk, name), type)
}


def _walk(obj: Any, found: dict[type, list[Any]], depth: int = 0) -> None:
    """Collects every copydesk object reachable from ``obj`` through properties, lists and
    the ``entity_tone()`` method."""
    if depth > 6 or obj is None:
        return
    if isinstance(obj, (list, tuple)):
        for x in obj[:20]:
            _walk(x, found, depth + 1)
        return
    if type(obj).__module__.split(".")[0] != "copydesk":
        return
    found.setdefault(type(obj), []).append(obj)
    for name, attr in inspect.getmembers(type(obj)):
        if name.startswith("_"):
            continue
        if inspect.isdatadescriptor(attr):
            _walk(getattr(obj, name), found, depth + 1)
        elif name == "entity_tone":
            _walk(obj.entity_tone(), found, depth + 1)


def _samples(articles: list[str]) -> dict[type, list[Any]]:
    found: dict[type, list[Any]] = {}
    docs = [copydesk.analyze(text) for text in [TEXT, "", *articles]]
    for doc in docs:
        _walk(doc, found)
    compare = getattr(copydesk, "compare", None)
    if compare is not None:
        pytest.importorskip("pandas")
        outlets = ["wire", "empty", *(f"outlet-{i % 2}" for i in range(len(articles)))]
        found[type(compare(docs, by=outlets))] = [compare(docs, by=outlets)]
    found[copydesk.Pipeline] = [
        copydesk.Pipeline(),
        copydesk.Pipeline(entities=False, tone=False),
        copydesk.Pipeline(
            entity_rules={"Palais des Nations": "LOC"},
            titles=["Amb."],
            abbreviations=["approx."],
            tone_lexicon={"headwinds": -2.5},
            threads=2,
        ),
    ]
    for cls in PUBLIC_CLASSES.values():
        # Classes users can construct directly also get a hand-made sample (a Tone with
        # every field set, a Sentence without tone, an Entity with a canonical name, ...).
        found.setdefault(cls, [])
    found[copydesk.Tone].append(copydesk.Tone(0.5, 0.3, 0.1, 0.6, 0.4, 12, 20.0, 40.0, 1.5))
    found[copydesk.Sentence].append(copydesk.Sentence("Hi.", 3, 6))
    found[copydesk.Entity].append(copydesk.Entity("Mr. X", "PER", 0, 5, 0.25, "X"))
    return found


@pytest.fixture(scope="module")
def samples(articles: list[str]) -> dict[type, list[Any]]:
    return _samples(articles)


def test_every_public_class_has_samples(samples: dict[type, list[Any]]) -> None:
    missing = [name for name, cls in PUBLIC_CLASSES.items() if not samples.get(cls)]
    assert not missing, f"public classes without a pickling sample: {missing}"
    assert {"Document", "Pipeline", "Token", "Sentence", "Entity", "Tone"} <= set(PUBLIC_CLASSES)


def _assert_same(a: Any, b: Any) -> None:
    assert type(b) is type(a)
    if dataclasses.is_dataclass(a):
        # e.g. Comparison: a dataclass of DataFrames, whose == is elementwise
        for f in dataclasses.fields(a):
            _assert_field_same(getattr(a, f.name), getattr(b, f.name))
        return
    assert b == a
    assert not (b != a)
    if isinstance(a, copydesk.Document):
        assert b.to_dict() == a.to_dict()
        assert b.entity_tone() == a.entity_tone()
    if isinstance(a, copydesk.Pipeline):
        assert b.config() == a.config()
        assert b(TEXT) == a(TEXT)


def _protocol_cases() -> list[Any]:
    cases = []
    for name in sorted(PUBLIC_CLASSES):
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            cases.append(pytest.param(name, protocol))
    return cases


def _assert_field_same(a: Any, b: Any) -> None:
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(a, pd.DataFrame):
        assert isinstance(b, pd.DataFrame)
        pd.testing.assert_frame_equal(a, b)
    elif pd is not None and isinstance(a, pd.Series):
        assert isinstance(b, pd.Series)
        pd.testing.assert_series_equal(a, b)
    else:
        _assert_same(a, b)


@pytest.mark.parametrize(("name", "protocol"), _protocol_cases())
def test_pickle_round_trip(samples: dict[type, list[Any]], name: str, protocol: int) -> None:
    for obj in samples[PUBLIC_CLASSES[name]]:
        _assert_same(obj, pickle.loads(pickle.dumps(obj, protocol=protocol)))


@pytest.mark.parametrize("name", sorted(PUBLIC_CLASSES))
def test_copy_and_deepcopy(samples: dict[type, list[Any]], name: str) -> None:
    for obj in samples[PUBLIC_CLASSES[name]]:
        _assert_same(obj, copy.deepcopy(obj))
        _assert_same(obj, copy.copy(obj))


def test_pickled_objects_are_independent_of_the_source() -> None:
    doc = copydesk.analyze(TEXT)
    blob = pickle.dumps(doc)
    del doc
    again = pickle.loads(blob)
    assert again == copydesk.analyze(TEXT)
    assert again.text[again.entities[0].start : again.entities[0].end] == again.entities[0].text


def test_not_equal_to_other_values(samples: dict[type, list[Any]]) -> None:
    doc = copydesk.analyze(TEXT)
    assert doc != copydesk.analyze(TEXT + " More.")
    assert doc != doc.to_dict()
    assert copydesk.Pipeline() != copydesk.Pipeline(tone=False)


def test_round_trip_through_a_spawned_process(
    samples: dict[type, list[Any]], articles: list[str]
) -> None:
    """A fresh interpreter (spawn, as on macOS/Windows and in Spark/Dask workers) unpickles
    a pipeline, analyses with it and sends documents back; samples of every class go there
    and back unchanged."""
    nlp = copydesk.Pipeline(entity_rules={"Palais des Nations": "LOC"})
    texts = [TEXT, "", *articles]
    sendable = {cls.__name__: samples[cls] for cls in PUBLIC_CLASSES.values()}
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        docs = pool.apply(operator.methodcaller("analyze_many", texts), (nlp,))
        echoed = pool.apply(copy.deepcopy, (sendable,))
        remote_nlp = pool.apply(copy.copy, (nlp,))
    assert docs == nlp.analyze_many(texts)
    assert all(type(d) is copydesk.Document for d in docs)
    assert [d.to_dict() for d in docs] == [nlp(t).to_dict() for t in texts]
    assert set(echoed) == set(sendable)
    for name, objs in sendable.items():
        assert len(echoed[name]) == len(objs)
        for a, b in zip(objs, echoed[name], strict=True):
            _assert_same(a, b)
    _assert_same(nlp, remote_nlp)
