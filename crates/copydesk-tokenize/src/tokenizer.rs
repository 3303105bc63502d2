//! The tokenizer: a single forward scan over the text, linear in its length.

use std::iter::FusedIterator;

use crate::token::{Token, TokenKind};

/// An English-news tokenizer. Cheap to build, `Send + Sync`, reusable.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    _private: (),
}

impl Tokenizer {
    /// A tokenizer with the default English-news conventions.
    pub fn new() -> Self {
        Self::default()
    }

    /// Tokenizes `text` into a vector of tokens.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        out.extend(self.tokens(text));
        out
    }

    /// An allocation-free iterator over the tokens of `text`.
    pub fn tokens<'t>(&'t self, text: &'t str) -> Tokens<'t> {
        Tokens {
            text,
            pos: 0,
            pending: [None; 4],
            npending: 0,
            next_pending: 0,
        }
    }
}

/// Iterator over the tokens of a text; see [`Tokenizer::tokens`].
#[derive(Clone, Debug)]
pub struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    pending: [Option<Token>; 4],
    npending: usize,
    next_pending: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if self.next_pending < self.npending {
            let t = self.pending[self.next_pending];
            self.next_pending += 1;
            return t;
        }
        self.npending = 0;
        self.next_pending = 0;
        let bytes = self.text.as_bytes();
        // Skip whitespace.
        while self.pos < bytes.len() {
            let c = char_at(self.text, self.pos);
            if !c.is_whitespace() {
                break;
            }
            self.pos += c.len_utf8();
        }
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let c = char_at(self.text, start);
        let (end, kind) = if c.is_alphanumeric() {
            scan_word(self.text, start)
        } else {
            (start + c.len_utf8(), punct_kind(c))
        };
        self.pos = end;
        Some(Token { start, end, kind })
    }
}

impl FusedIterator for Tokens<'_> {}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    let mut end = start;
    let mut all_digits = true;
    for (i, c) in text[start..].char_indices() {
        if c.is_alphanumeric() || is_mark(c) {
            all_digits &= c.is_ascii_digit();
            end = start + i + c.len_utf8();
        } else {
            break;
        }
    }
    let kind = if all_digits {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn punct_kind(c: char) -> TokenKind {
    if c.is_ascii_punctuation()
        && !matches!(c, '$' | '%' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '&')
    {
        TokenKind::Punct
    } else if matches!(c, '\u{2018}'..='\u{201F}' | '\u{2010}'..='\u{2015}' | '\u{2026}' | '\u{00AB}' | '\u{00BB}')
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}
