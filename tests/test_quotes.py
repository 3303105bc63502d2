"""Quotations from Python: API, character offsets, speakers, pickling, frames, HTML, CLI."""

from __future__ import annotations

import json
import pickle

import pytest

import copydesk

TEXT = (
    "Rex Tillerson met Sergei Lavrov in Manila on Monday.\n\n"
    '"We have our differences," Tillerson said. "But we will keep talking."\n\n'
    "Mr Lavrov was less hopeful. “Nothing has changed,” he told reporters.\n\n"
    "Ministers defend 'robust' plan"
)


def speech(doc: copydesk.Document) -> list[copydesk.Quote]:
    """The quotes of ``doc`` that are reported speech (not scare quotes)."""
    return [q for q in doc.quotes if q.kind in copydesk.SPEECH_KINDS]


def test_quotes_found_with_speakers_and_exact_offsets() -> None:
    doc = copydesk.analyze(TEXT)
    assert [(q.text, q.kind) for q in doc.quotes if q.kind == "scare"] == [("robust", "scare")]
    got = [(q.text, q.speaker_text, q.cue) for q in speech(doc)]
    assert got == [
        ("We have our differences", "Rex Tillerson", "said"),
        ("But we will keep talking.", "Rex Tillerson", "said"),
        ("Nothing has changed", "Sergei Lavrov", "told"),
    ]
    for q in speech(doc):
        assert TEXT[q.start : q.end] == q.text
        assert isinstance(q.tone, copydesk.Tone)
        assert -1.0 <= q.tone.compound <= 1.0
        assert q.speaker is not None
        assert q.speaker.label == "PER"
        assert q.speaker.canonical == q.speaker_text
        assert q.speaker in doc.entities


def test_offsets_are_characters_not_bytes() -> None:
    text = "Zoë Ünal 🙂 spoke. “Ça va très bien,” Ünal said in Tromsø."
    doc = copydesk.analyze(text)
    assert [q.text for q in doc.quotes] == ["Ça va très bien"]
    q = doc.quotes[0]
    assert text[q.start : q.end] == q.text
    assert q.cue == "said"


def test_scare_quotes_and_empty_text() -> None:
    def kinds(text: str) -> list[tuple[str, str]]:
        return [(q.text, q.kind) for q in copydesk.analyze(text).quotes]

    assert kinds("Talks end with 'cautious progress'") == [("cautious progress", "scare")]
    assert kinds("") == []
    assert kinds('The so-called "Arctic corridor" is disputed.') == [("Arctic corridor", "scare")]


def test_pipeline_quotes_switch_and_config() -> None:
    off = copydesk.Pipeline(quotes=False)
    assert off(TEXT).quotes == []
    assert off.config()["quotes"] is False
    assert "quotes=False" in repr(off)
    back = pickle.loads(pickle.dumps(off))
    assert back == off
    assert back(TEXT).quotes == []


def test_quote_pickle_eq_repr() -> None:
    doc = copydesk.analyze(TEXT)
    for q in doc.quotes:
        back = pickle.loads(pickle.dumps(q))
        assert back == q
        assert back.speaker == q.speaker
        assert "Quote(" in repr(q)
    made = copydesk.Quote("hi", 1, 3)
    assert made.speaker is None and made.speaker_text is None and made.cue == ""
    assert made.tone == copydesk.Tone()
    assert pickle.loads(pickle.dumps(made)) == made
    doc2 = pickle.loads(pickle.dumps(doc))
    assert doc2 == doc
    assert doc2.quotes == doc.quotes


def test_to_dict_and_json_carry_quotes_and_groups() -> None:
    doc = copydesk.analyze(TEXT)
    d = doc.to_dict()
    assert [q["text"] for q in d["quotes"]] == [q.text for q in doc.quotes]
    assert [q["kind"] for q in d["quotes"]] == [q.kind for q in doc.quotes]
    for q in d["quotes"]:
        assert TEXT[q["start"] : q["end"]] == q["text"]
        if q["kind"] == "scare":
            assert q["speaker"] is None
            continue
        assert q["speaker"]["label"] == "PER"
        assert q["speaker_text"] == q["speaker"]["canonical"]
        assert q["cue"] in ("said", "told")
        assert "compound" in q["tone"]
    assert json.loads(doc.to_json()) == d
    assert {g["canonical"] for g in d["entity_groups"]} >= {"Rex Tillerson", "Sergei Lavrov"}


def test_quotes_frame() -> None:
    pytest.importorskip("pandas")
    docs = [copydesk.analyze(TEXT), copydesk.analyze("Nothing quoted here.")]
    df = copydesk.frame(docs, level="quotes", ids=["a", "b"], kinds=copydesk.SPEECH_KINDS)
    assert list(df.columns) == copydesk._frames.COLUMNS["quotes"]
    assert list(df["doc"]) == ["a", "a", "a"]
    assert list(df["speaker"]) == ["Rex Tillerson", "Rex Tillerson", "Sergei Lavrov"]
    assert list(df["speaker_label"]) == ["PER"] * 3
    for row in df.itertuples():
        assert TEXT[row.start : row.end] == row.text


def test_html_underlines_quotes_escaped() -> None:
    text = '"<script>alert(1)</script> & more," Tillerson said.'
    html = copydesk.analyze(text)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'class="cd-quote"' in html


def test_cli_reports_quote_counts(tmp_path, capsys) -> None:
    from copydesk.cli import main

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["quotes"] == 3


def test_example_articles_quotes(articles: list[str]) -> None:
    """Every direct quotation in the example articles is found, with its speaker (a word of
    the speaker's name; none where only a place "speaks") and the exact span."""
    expected = [
        [
            ("We have our differences. We will keep talking", "Solberg"),
            ("This is not charity; it is a shared interest", "Arakawa"),
            ("a map for more oil tankers in fragile waters", "Greenpeace"),
        ],
        [
            ("a good day for both our nations", "Solberg"),
            ("No agreement was reached on drilling, and none will be", "Solberg"),
            ("patience and honesty", "Arakawa"),
            ("leaves the hard questions for later", "Holm"),
            # "a move Oslo condemned as ...": a place is never a speaker.
            ("unjustified and hostile", ""),
        ],
        [
            ("It's a long-term story, not a trade for this week", "Gonzalez"),
            ("Nobody has explained who pays when a tanker runs aground", "Kline"),
        ],
        [
            ("We will not sacrifice the Arctic for profit", "Solberg"),
            ("the strictest standards in the world", "Arakawa"),
        ],
    ]
    assert len(articles) == len(expected)
    for text, want in zip(articles, expected, strict=True):
        doc = copydesk.analyze(text)
        got = [(q.text, q.speaker_text or "") for q in speech(doc)]
        assert [t for t, _ in got] == [t for t, _ in want]
        for (_, speaker), (_, name) in zip(got, want, strict=True):
            assert name in speaker.split() if name else speaker == ""
        for q in doc.quotes:
            assert text[q.start : q.end] == q.text


SCARE = (
    'Talks end with "cautious progress"\n\n'
    'Rex Tillerson said the deal was "a good day for both our nations". '
    '"We will keep talking," he said.'
)


def test_quote_kinds() -> None:
    doc = copydesk.analyze(SCARE)
    got = [(q.text, q.kind, q.speaker_text) for q in doc.quotes]
    assert got == [
        ("cautious progress", "scare", None),
        ("a good day for both our nations", "partial", "Rex Tillerson"),
        ("We will keep talking", "direct", "Rex Tillerson"),
    ]
    assert [q["kind"] for q in doc.to_dict()["quotes"]] == ["scare", "partial", "direct"]
    q = doc.quotes[0]
    assert pickle.loads(pickle.dumps(q)) == q
    assert "kind='scare'" in repr(q) or 'kind="scare"' in repr(q)
    assert copydesk.Quote("x", 0, 1, kind="partial").kind == "partial"
    assert copydesk.Quote("x", 0, 1).kind == "direct"
    with pytest.raises(ValueError, match="quote kind"):
        copydesk.Quote("x", 0, 1, kind="quoted")


def test_frame_and_compare_filter_kinds() -> None:
    pytest.importorskip("pandas")
    docs = [copydesk.analyze(SCARE)]
    df = copydesk.frame(docs, level="quotes")
    assert list(df["kind"]) == ["scare", "partial", "direct"]
    speech = copydesk.frame(docs, level="quotes", kinds=copydesk.SPEECH_KINDS)
    assert list(speech["kind"]) == ["partial", "direct"]
    with pytest.raises(ValueError, match="unknown quote kinds"):
        copydesk.frame(docs, level="quotes", kinds=["quoted"])
    with pytest.raises(TypeError):
        copydesk.frame(docs, level="quotes", kinds="scare")
    c = copydesk.compare(docs, by=["a"])
    assert int(c.outlets.loc["a", "quotes"]) == 2
    assert "(unnamed)" not in c.quotes.index.get_level_values("speaker")
    every = copydesk.compare(docs, by=["a"], kinds=copydesk.QUOTE_KINDS)
    assert int(every.outlets.loc["a", "quotes"]) == 3
    assert "(unnamed)" in every.quotes.index.get_level_values("speaker")
