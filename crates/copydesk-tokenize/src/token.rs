//! The token span type.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What a token is. Serialized as the lower-case contract string (`"word"`, ...).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (with marks, inner apostrophes, hyphens per EWT), abbreviations such as `U.S.`.
    Word,
    /// Digits, with thousands separators and decimals: `25,000`, `3.6`.
    Number,
    /// Punctuation: `.`, `,`, quotes, brackets, dashes, `...`.
    Punct,
    /// Symbols: currency signs, `%`, `+`, `&`, math and other symbols.
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// `#tag`.
    Hashtag,
    /// `@user`.
    Mention,
    /// One emoji, including ZWJ sequences, flags and skin-tone modifiers.
    Emoji,
}

impl TokenKind {
    /// The contract string for this kind (`"word"`, `"number"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Emoji => "emoji",
        }
    }
}

/// A token: a byte span `[start, end)` of the input, always on char boundaries, never empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token {
    /// The byte range of the token.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The token's text, sliced from the text it was produced from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Always false: tokens are never empty (kept for the `len`/`is_empty` pair).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}
