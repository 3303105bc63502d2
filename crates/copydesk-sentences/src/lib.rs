//! Sentence splitting for English news text, on top of `copydesk-tokenize`.
//!
//! The splitter handles titles before names (`Mr.`, `Sen.`, `Gov.`), `U.S.` in the middle
//! and at the end of a sentence, initials, numbers and money, quotes holding several
//! sentences, ellipses, lists, and the layout of scraped articles: a blank line always
//! ends a sentence, a short line without final punctuation (headline, caption, byline) is
//! a sentence of its own, and a line break inside a hard-wrapped paragraph is not a
//! boundary.
//!
//! ```
//! let text = "He said: \"We have our differences. We will continue.\" Talks resume today.";
//! let parts: Vec<&str> = copydesk_sentences::split_sentences(text)
//!     .iter()
//!     .map(|s| s.text(text))
//!     .collect();
//! assert_eq!(
//!     parts,
//!     ["He said: \"We have our differences.", "We will continue.\"", "Talks resume today."]
//! );
//! ```
//!
//! # API shape
//!
//! As in every copydesk crate: from text, [`split_sentences`] (defaults) or
//! [`SentenceSplitter::split_text`]; from tokens computed once upstream,
//! [`SentenceSplitter::split`]; configure in place with
//! [`SentenceSplitter::add_abbreviation`] / [`SentenceSplitter::add_title`].

mod chunk;
mod layout;
mod lexicon;
mod splitter;

use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

pub use splitter::SentenceSplitter;

/// A sentence: the byte span `[start, end)` of the text, from its first token's start to
/// its last token's end (so without surrounding whitespace).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the first byte of the first token.
    pub start: usize,
    /// Byte offset one past the last byte of the last token.
    pub end: usize,
}

impl Sentence {
    /// The byte range of the sentence.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The sentence's text, sliced from the text it was found in.
    ///
    /// Returns `""` if the span does not fit `text` (a different text was passed).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

static DEFAULT: LazyLock<SentenceSplitter> = LazyLock::new(SentenceSplitter::new);

/// Splits `text` into sentences with the default tokenizer and [`SentenceSplitter`].
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    DEFAULT.split_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn splitter_is_send_sync() {
        assert_send_sync::<SentenceSplitter>();
    }

    #[test]
    fn empty_and_blank() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\n\t ").is_empty());
    }
}
