//! News-text tokenizer with byte offsets, following the UD English-EWT conventions.
//!
//! One forward pass over the text, linear in its length, with an ASCII fast path (a byte
//! class table) and Unicode rules for everything else. Tokens are [`Token`] spans (byte
//! offsets on char boundaries, never empty, in order, never overlapping); the text between
//! two tokens is whitespace only, so every other character belongs to exactly one token.
//!
//! ```
//! use copydesk_tokenize::{tokenize, TokenKind};
//!
//! let text = "Mr. Smith didn't pay $25,000 to the U.S. firm (see www.example.com).";
//! let tokens = tokenize(text);
//! let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
//! assert_eq!(
//!     words,
//!     ["Mr.", "Smith", "did", "n't", "pay", "$", "25,000", "to", "the", "U.S.", "firm",
//!      "(", "see", "www.example.com", ")", "."]
//! );
//! assert_eq!(tokens[5].kind, TokenKind::Symbol);
//! assert_eq!(tokens[6].kind, TokenKind::Number);
//! assert_eq!(tokens[13].kind, TokenKind::Url);
//! ```
//!
//! # Conventions
//!
//! * Contractions and possessives are split: `do` `n't`, `Russia` `'s`, `we` `'re`
//!   (straight `'` or curly `’`); fused web spellings too (`dont` → `do` `nt`,
//!   `cannot` → `can` `not`, `gonna` → `gon` `na`). Decades keep theirs (`60's`).
//! * Abbreviations keep their period (`U.S.`, `Mr.`, `e.g.`, initials `M.`); the list is
//!   data ([`DEFAULT_ABBREVIATIONS`], [`DEFAULT_TITLES`]) and extendable
//!   ([`Tokenizer::with_abbreviations`]). When an abbreviation's period also ends the
//!   sentence (end of text, line break, or a sentence starter such as `The` follows), the
//!   period is its own token, as in EWT (`etc` `.`). Other sentence-final periods are
//!   always their own token.
//! * Numbers stay whole: `25,000`, `3.6`, `.04`, `5:00`, `713-853-3989`, `11/28/2000`;
//!   ranges split (`3` `-` `4`). Currency signs and `%` are separate symbols.
//! * Hyphenated compounds are split (`15` `-` `year`, `well` `-` `known`) except after a
//!   fixed prefix (`e-mail`, `non-violence`, `anti-war`, `mid-1980s`), as in EWT.
//! * URLs, e-mail addresses, `#hashtags`, `@mentions`, emoji (ZWJ sequences, skin tones,
//!   flags, keycaps) and emoticons (`:-)`) are single tokens.
//! * Runs of sentence punctuation (`...`, `?!`, `…`), of hyphens (`--`) and of the same
//!   symbol (`***`) are single tokens; quotes, brackets and other dashes are separate.
//! * Any script: combining marks stay with their base; letters of scripts written with
//!   spaces form words; runs of scripts written without spaces (Han, kana, Thai, ...) are
//!   split at Unicode (UAX #29) word boundaries.
//!
//! # Matching keys
//!
//! [`normalize`] maps a token's text to a key for lexicons and gazetteers (NFKC,
//! case-folded, quotes and dashes unified) without touching offsets:
//!
//! ```
//! let text = "“Don’t” — SAID Müller";
//! let keys: Vec<String> = copydesk_tokenize::tokenize(text)
//!     .iter()
//!     .map(|t| copydesk_tokenize::normalize(t.text(text)).into_owned())
//!     .collect();
//! assert_eq!(keys, ["\"", "do", "n't", "\"", "-", "said", "müller"]);
//! ```
//!
//! # API shape
//!
//! As in every copydesk crate: from text, [`tokenize`] (defaults) or
//! [`Tokenizer::tokenize`] / [`Tokenizer::tokens`]; configure with
//! [`Tokenizer::with_abbreviations`] / [`Tokenizer::with_titles`] (by value) or
//! [`Tokenizer::add_abbreviation`] / [`Tokenizer::add_title`] (in place). The crate also
//! owns the text knowledge the others share: [`hash`] (FNV-1a) and the word lists,
//! one per kind for the tokenizer and the sentence splitter ([`DEFAULT_ABBREVIATIONS`],
//! [`DEFAULT_TITLES`], [`DEFAULT_STARTERS`]; each component reads its entries with
//! [`entries_for`], the others' marked words left out), parsed by [`list_entries`].

mod abbrev;
mod chars;
pub mod emoticon;
pub mod hash;
mod lexicon;
mod normalize;
mod scan;
mod token;
mod tokenizer;

pub use abbrev::{
    entries_for, is_sentence_starter, list_entries, starters_for, AbbreviationKind, Abbreviations,
    DEFAULT_ABBREVIATIONS, DEFAULT_STARTERS, DEFAULT_TITLES,
};
pub use normalize::normalize;
pub use token::{Token, TokenKind};
pub use tokenizer::{Tokenizer, Tokens};

/// Tokenizes `text` with the default English-news [`Tokenizer`].
///
/// ```
/// let text = "We're here.";
/// let words: Vec<&str> = copydesk_tokenize::tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["We", "'re", "here", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    Tokenizer::default().tokenize(text)
}
