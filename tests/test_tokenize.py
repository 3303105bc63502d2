"""copydesk.tokenize: the offset contract, conventions seen from Python, bad input."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk

TRICKY = [
    "",
    "   \n\t ",
    "Mr. Smith didn't pay $25,000 to the U.S. Treasury.",
    "Emoji 👩🏽‍🚀 and flags 🇳🇴🇯🇵 and 👍🏿!",
    "Astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters 𠜎𠜱 and a café with combining: cafe\u0301.",
    "Curly “quotes” and ‘single’ — dashes – here… ok",
    "Windows\r\nline\r\nends",
    "東京で会議が開かれた。Переговоры прошли в Женеве. مرحبا بالعالم",
]


@pytest.mark.parametrize("text", TRICKY)
def test_offsets_slice_the_text(text: str) -> None:
    tokens = copydesk.tokenize(text)
    prev_end = 0
    for t in tokens:
        assert text[t.start : t.end] == t.text
        assert t.start < t.end
        assert t.start >= prev_end
        assert text[prev_end : t.start].strip() == ""
        prev_end = t.end
    assert text[prev_end:].strip() == ""


def test_news_conventions() -> None:
    words = [t.text for t in copydesk.tokenize("Mr. Smith didn't pay $25,000 in the U.S.")]
    assert words[:4] == ["Mr.", "Smith", "did", "n't"]
    assert "$" in words and "25,000" in words


def test_kinds() -> None:
    kinds = {
        t.text: t.kind
        for t in copydesk.tokenize("Mail me@example.com or see https://x.org #tag @bob 42 😀 !")
    }
    assert kinds["me@example.com"] == "email"
    assert kinds["https://x.org"] == "url"
    assert kinds["#tag"] == "hashtag"
    assert kinds["@bob"] == "mention"
    assert kinds["42"] == "number"
    assert kinds["😀"] == "emoji"
    assert kinds["!"] == "punct"


def test_token_is_frozen_value() -> None:
    t = copydesk.tokenize("Hello world")[0]
    assert t == copydesk.Token("Hello", 0, 5, "word")
    assert hash(t) == hash(copydesk.Token("Hello", 0, 5, "word"))
    assert "Hello" in repr(t)
    with pytest.raises(AttributeError):
        t.start = 3  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(t)) == t


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"], 3.5])
def test_non_str_is_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        copydesk.tokenize(bad)  # type: ignore[arg-type]


def test_lone_surrogate_is_value_error() -> None:
    with pytest.raises(ValueError):
        copydesk.tokenize("bad \ud800 text")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_tokenizes_with_valid_offsets(text: str) -> None:
    try:
        tokens = copydesk.tokenize(text)
    except ValueError:
        # Only lone surrogates cannot be encoded as UTF-8.
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        return
    covered = 0
    for t in tokens:
        assert text[t.start : t.end] == t.text
        assert t.start >= covered
        assert text[covered : t.start].strip() == ""
        covered = t.end
    assert text[covered:].strip() == ""
