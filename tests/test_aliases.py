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
