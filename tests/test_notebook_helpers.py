"""DataFrames, HTML rendering and plots of analysed documents."""

from __future__ import annotations

import pytest

import copydesk

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def docs(articles: list[str]) -> list[copydesk.Document]:
    return copydesk.Pipeline().analyze_many(articles)


def test_frame_levels(docs: list[copydesk.Document]) -> None:
    ids = [f"outlet-{i}" for i in range(len(docs))]
    d = copydesk.frame(docs, ids=ids)
    assert list(d["doc"]) == ids
    assert (d["sentences"] > 0).all()
    s = copydesk.frame(docs, level="sentences", ids=ids)
    assert len(s) == sum(len(x.sentences) for x in docs)
    e = copydesk.frame(docs, level="entities")
    for row in e.itertuples():
        assert docs[row.doc].text[row.start : row.end] == row.text
    t = copydesk.frame(docs, level="tokens")
    assert len(t) == sum(len(x.tokens) for x in docs)
    with pytest.raises(ValueError):
        copydesk.frame(docs, level="paragraphs")
    with pytest.raises(ValueError):
        copydesk.frame(docs, ids=["only one"])


def test_mention_table(docs: list[copydesk.Document]) -> None:
    table = copydesk.mention_table(docs)
    assert list(table.columns) == list(range(len(docs)))
    assert table.to_numpy().sum() == sum(
        1 for d in docs for e in d.entities if e.label in ("PER", "ORG", "LOC", "MISC")
    )
    totals = table.sum(axis=1).tolist()
    assert totals == sorted(totals, reverse=True)


def test_html_highlights_and_escapes() -> None:
    doc = copydesk.analyze('Ingrid Solberg visited Geneva. <script>alert("x")</script> & more.')
    html = doc._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'class="cd-ent"' in html and "PER" in html
    assert "cd-sent" in html


def test_plots(docs: list[copydesk.Document]) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from copydesk import plot

    ax = plot.tone_along(docs)
    assert len(ax.lines) >= len(docs)
    ax = plot.entity_tone(docs, top=5)
    assert len(ax.patches) > 0
