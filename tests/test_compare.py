"""copydesk.compare: outlets side by side."""

from __future__ import annotations

import math

import pytest

import copydesk

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def docs(articles: list[str]) -> list[copydesk.Document]:
    return copydesk.Pipeline().analyze_many(articles)


LABELS = ["Harbour Post", "Northern Wire", "Global Ledger", "Evening Courier"]


def n_speech(doc: copydesk.Document) -> int:
    """Quotes of ``doc`` that ``compare`` counts by default (not scare quotes)."""
    return sum(q.kind in copydesk.SPEECH_KINDS for q in doc.quotes)


def test_compare_example_articles(docs: list[copydesk.Document]) -> None:
    c = copydesk.compare(docs, by=LABELS)
    assert isinstance(c, copydesk.Comparison)
    assert c.labels == LABELS
    assert list(c.outlets.index) == LABELS
    assert list(c.outlets["documents"]) == [1, 1, 1, 1]
    assert list(c.outlets["quotes"]) == [n_speech(d) for d in docs]
    for o, d in zip(LABELS, docs, strict=True):
        assert c.outlets.loc[o, "compound"] == pytest.approx(d.tone.compound)
        assert c.outlets.loc[o, "tone"] == pytest.approx(d.tone.tone)
        assert c.outlets.loc[o, "mean_compound"] == pytest.approx(d.mean_compound())
    # Mentions per canonical entity per outlet equal the documents' own counts.
    for o, d in zip(LABELS, docs, strict=True):
        want: dict[str, int] = {}
        for e in d.entities:
            if e.label in ("PER", "ORG", "LOC", "MISC"):
                want[e.canonical] = want.get(e.canonical, 0) + 1
        got = c.mentions[o].groupby(level="entity").sum()
        assert sum(got) == sum(want.values())
    assert list(c.mentions.columns) == LABELS
    assert (c.mentions.sum(axis=1).diff().dropna() <= 0).all()
    # The foreign ministers are quoted by several outlets.
    speakers = c.quotes.index.get_level_values("speaker")
    assert "Ingrid Solberg" in speakers
    row = c.quotes.xs("Ingrid Solberg", level="speaker").iloc[0]
    assert row["Harbour Post"] == 1 and row["Northern Wire"] == 2
    assert row["Global Ledger"] == 0 and row["Evening Courier"] == 1
    assert c.quotes.to_numpy().sum() == sum(n_speech(d) for d in docs)
    # Tone toward an entity: NaN where the outlet does not mention it.
    tone = c.entity_tone.xs("Ingrid Solberg", level="entity").iloc[0]
    assert math.isnan(tone["Global Ledger"])
    assert -1 <= tone["Harbour Post"] <= 1
    assert c.quote_tone.shape == c.quotes.shape


def test_outlets_share_labels(docs: list[copydesk.Document]) -> None:
    c = copydesk.compare(docs, by=["wire", "wire", "paper", "paper"])
    assert c.labels == ["wire", "paper"]
    assert list(c.outlets["documents"]) == [2, 2]
    assert c.quotes.to_numpy().sum() == sum(n_speech(d) for d in docs)


def test_surnames_merge_across_documents() -> None:
    a = copydesk.analyze('"We agreed," Ingrid Solberg said.')
    b = copydesk.analyze('"We did not," Solberg said.')
    c = copydesk.compare([a, b], by=["A", "B"])
    speakers = list(c.quotes.index.get_level_values("speaker"))
    assert speakers == ["Ingrid Solberg"]
    assert list(c.quotes.iloc[0]) == [1, 1]


def test_html_is_escaped(docs: list[copydesk.Document]) -> None:
    c = copydesk.compare(docs, by=["<b>x</b>", "y", "y", "z"])
    html = c._repr_html_()
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "Quotations per speaker" in html
    assert "Comparison(" in repr(c)


def test_bad_arguments(docs: list[copydesk.Document]) -> None:
    with pytest.raises(ValueError):
        copydesk.compare(docs, by=["a"])
    with pytest.raises(TypeError):
        copydesk.compare(docs[0], by=["a"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        copydesk.compare(docs[:2], by="ab")
    with pytest.raises(TypeError):
        copydesk.compare(["text"], by=["a"])  # type: ignore[list-item]
    empty = copydesk.compare([], by=[])
    assert empty.mentions.empty and empty.quotes.empty
    empty._repr_html_()
