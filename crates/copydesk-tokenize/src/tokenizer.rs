//! The tokenizer: the public [`Tokenizer`] and its iterator [`Tokens`].
//!
//! The scanning itself lives in [`crate::scan`]; this module holds configuration and the
//! iteration state.

use std::iter::FusedIterator;
use std::sync::Arc;

use crate::abbrev::{AbbreviationKind, Abbreviations};
use crate::scan::Scanner;
use crate::token::Token;

/// An English-news tokenizer following UD English-EWT conventions.
///
/// Cheap to build and clone, `Send + Sync`, reusable. The default carries the built-in
/// abbreviation lists; [`Tokenizer::with_abbreviations`] and [`Tokenizer::with_titles`]
/// extend them.
///
/// ```
/// use copydesk_tokenize::Tokenizer;
/// let tok = Tokenizer::default().with_abbreviations(["Approx"]);
/// let text = "Approx. 5 of them.";
/// let words: Vec<&str> = tok.tokens(text).map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Approx.", "5", "of", "them", "."]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    /// Custom abbreviations; `None` means the built-in English set.
    abbreviations: Option<Arc<Abbreviations>>,
}

impl Tokenizer {
    /// A tokenizer with the default English-news conventions.
    pub fn new() -> Self {
        Self::default()
    }

    /// A tokenizer using exactly the given abbreviation set (instead of the English one).
    pub fn with_abbreviation_set(abbreviations: Abbreviations) -> Self {
        Tokenizer {
            abbreviations: Some(Arc::new(abbreviations)),
        }
    }

    /// Adds general abbreviations (written with or without the final period), which keep
    /// their period but may end a sentence (see [`AbbreviationKind::General`]).
    pub fn with_abbreviations<I, S>(self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.extended(words, AbbreviationKind::General)
    }

    /// Adds title-like abbreviations (`Mr`, `Sgt`), whose period always stays on the token
    /// (see [`AbbreviationKind::Title`]).
    pub fn with_titles<I, S>(self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.extended(words, AbbreviationKind::Title)
    }

    /// Adds one general abbreviation in place (see [`Tokenizer::with_abbreviations`]), the
    /// name every component uses for in-place configuration (`add_abbreviation` on the
    /// sentence splitter, `add_rule` on the entity tagger).
    ///
    /// ```
    /// let mut tok = copydesk_tokenize::Tokenizer::default();
    /// tok.add_abbreviation("Approx");
    /// let text = "Approx. 5 of them.";
    /// assert_eq!(tok.tokenize(text)[0].text(text), "Approx.");
    /// ```
    pub fn add_abbreviation(&mut self, word: &str) {
        *self = std::mem::take(self).with_abbreviations([word]);
    }

    /// Adds one title-like abbreviation in place (see [`Tokenizer::with_titles`]).
    pub fn add_title(&mut self, word: &str) {
        *self = std::mem::take(self).with_titles([word]);
    }

    fn extended<I, S>(self, words: I, kind: AbbreviationKind) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = self.abbreviations().clone();
        for w in words {
            set.insert(w.as_ref(), kind);
        }
        Tokenizer {
            abbreviations: Some(Arc::new(set)),
        }
    }

    /// The abbreviation set in use.
    pub fn abbreviations(&self) -> &Abbreviations {
        match &self.abbreviations {
            Some(a) => a,
            None => Abbreviations::english(),
        }
    }

    /// Tokenizes `text` into a vector of tokens.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        out.extend(self.tokens(text));
        out
    }

    /// An allocation-free iterator over the tokens of `text`, in order.
    pub fn tokens<'t>(&'t self, text: &'t str) -> Tokens<'t> {
        Tokens {
            scanner: Scanner::new(text, self.abbreviations()),
        }
    }
}

/// Iterator over the tokens of a text; see [`Tokenizer::tokens`].
///
/// Tokens come in text order, never overlap, are never empty, and start and end on char
/// boundaries; the text between two tokens is whitespace only.
#[derive(Clone, Debug)]
pub struct Tokens<'t> {
    scanner: Scanner<'t>,
}

impl Tokens<'_> {
    /// The part of the text not yet tokenized.
    pub fn as_str(&self) -> &str {
        self.scanner.rest()
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        self.scanner.next_token()
    }
}

impl FusedIterator for Tokens<'_> {}
