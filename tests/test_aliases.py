"""Entity aliases from Python: groups, canonical names, the alias table and its extension."""

from __future__ import annotations

import pickle

import pytest

import copydesk


def groups(doc: copydesk.Document) -> dict[str, list[str]]:
    return {g.canonical: [doc.entities[i].text for i in g.mentions] for g in doc.entity_groups}


def test_titles_possessives_and_surnames_join() -> None:
    text = (
        "Secretary of State Rex Tillerson flew to Manila. Mr Tillerson met officials there. "
        "Tillerson's aides said little, and Tillerson left early."
    )
    doc = copydesk.analyze(text)
    g = groups(doc)
    assert "Rex Tillerson" in g, g
    assert len(g["Rex Tillerson"]) >= 3
    for e in doc.entities:
        if "Tillerson" in e.text:
            assert e.canonical == "Rex Tillerson"
    assert not any(name.startswith(("Mr", "Secretary")) for name in g)


def test_two_clintons_are_not_merged() -> None:
    text = (
        "Hillary Clinton addressed supporters in Ohio. Her husband, former President "
        "Bill Clinton, spoke later. Mrs Clinton thanked the crowd."
    )
    doc = copydesk.analyze(text)
    names = {e.canonical for e in doc.entities if "Clinton" in e.text}
    assert {"Hillary Clinton", "Bill Clinton"} <= names
    g = groups(doc)
    assert all(
        not (any("Hillary" in m for m in ms) and any("Bill" in m for m in ms)) for ms in g.values()
    )
    mrs = [e for e in doc.entities if e.text == "Clinton"]
    assert all(e.canonical == "Hillary Clinton" for e in mrs)


def test_alias_table_joins_country_variants() -> None:
    text = (
        "The U.S. and Russia met at the UN. The United States said the US position was "
        "clear; the Russian Federation disagreed, and the United Nations took note."
    )
    doc = copydesk.analyze(text)
    canon = {e.text: e.canonical for e in doc.entities}
    for variant in ("U.S.", "United States", "US"):
        if variant in canon:
            assert canon[variant] == "United States"
    assert canon.get("U.S.") == "United States"
    if "Russian Federation" in canon:
        assert canon["Russian Federation"] == "Russia"


def test_user_aliases_and_pickling() -> None:
    nlp = copydesk.Pipeline(aliases={"Beeb": "BBC"})
    assert nlp.config()["aliases"] == {"Beeb": "BBC"}
    assert pickle.loads(pickle.dumps(nlp)) == nlp
    assert "aliases" in repr(nlp)
    assert copydesk.Pipeline(aliases=[("Beeb", "BBC")]) == nlp
    with pytest.raises(TypeError):
        copydesk.Pipeline(aliases=42)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        copydesk.Pipeline(aliases={"": "BBC"})


def test_entity_group_class() -> None:
    doc = copydesk.analyze("Rex Tillerson arrived. Tillerson spoke.")
    for g in doc.entity_groups:
        assert isinstance(g, copydesk.EntityGroup)
        assert len(g) == len(g.mentions) >= 1
        assert pickle.loads(pickle.dumps(g)) == g
        assert "EntityGroup(" in repr(g)
        for i in g.mentions:
            assert doc.entities[i].canonical == g.canonical
    made = copydesk.EntityGroup("United States", "LOC", [0, 2])
    assert made.mentions == [0, 2]
    with pytest.raises(ValueError):
        copydesk.EntityGroup("x", "NOPE", [])


def test_entity_tone_uses_canonical_names() -> None:
    doc = copydesk.analyze("Rex Tillerson was angry. Mr Tillerson's plan failed badly.")
    names = [t.name for t in doc.entity_tone()]
    assert names.count("Rex Tillerson") == 1


LAVROV = [
    '"We did not," Lavrov said in Manila on Monday.',
    "Sergei Lavrov met Rex Tillerson in Manila. Lavrov said little.",
    "Sergey Lavrov spoke to reporters. Sergey Lavrov then left. Sergey Lavrov returned.",
]


def test_link_names_over_entity_tone_rows_is_link_referents(articles: list[str]) -> None:
    for texts in (LAVROV, articles):
        docs = copydesk.Pipeline().analyze_many(texts)
        rows = [(t.name, t.label, t.mentions) for d in docs for t in d.entity_tone()]
        links = copydesk.link_referents(docs)
        assert copydesk.link_names(rows) == links
        assert copydesk.link_names(iter(rows)) == links  # any iterable, lists as rows too
        assert copydesk.link_names([list(r) for r in rows]) == links
    # The bare surname of the first text joins the variant with the most mentions.
    assert links_of(LAVROV)["Lavrov"] == ("Sergey Lavrov", "PER")
    assert copydesk.link_names([]) == {}


def links_of(texts: list[str]) -> dict[str, tuple[str, str]]:
    docs = copydesk.Pipeline().analyze_many(texts)
    return copydesk.link_names(
        [(t.name, t.label, t.mentions) for d in docs for t in d.entity_tone()]
    )


def test_link_names_sums_rows() -> None:
    links = copydesk.link_names(
        [("Manila", "LOC", 1), ("Manila", "ORG", 1), ("Manila", "ORG", 1), ("Oslo", "LOC", 2)]
    )
    assert links == {"Manila": ("Manila", "ORG"), "Oslo": ("Oslo", "LOC")}


@pytest.mark.parametrize(
    ("rows", "error", "match"),
    [
        ([("Oslo", "LOC")], TypeError, r"rows\[0\] must be a \(name, label, mentions\) tuple"),
        ([("Oslo", "LOC", 1), 5], TypeError, r"rows\[1\] must be"),
        ([(1, "LOC", 1)], TypeError, r"rows\[0\] name must be str"),
        ([("Oslo", None, 1)], TypeError, r"rows\[0\] label must be str"),
        ([("Oslo", "CITY", 1)], ValueError, "unknown entity label"),
        ([("Oslo", "LOC", -1)], ValueError, "non-negative"),
        ([("Oslo", "LOC", 1.0)], TypeError, "mentions must be int"),
        ("Oslo", TypeError, "not a str"),
        (5, TypeError, "not iterable"),
    ],
)
def test_link_names_rejects_bad_rows(rows, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        copydesk.link_names(rows)
