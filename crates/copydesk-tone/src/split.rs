//! Sentence spans for [`ToneScorer::score`](crate::ToneScorer::score): a small internal
//! splitter used until `copydesk-sentences` provides one.

use copydesk_tokenize::{Token, TokenKind};
use serde::{Deserialize, Serialize};

/// A sentence: the byte span `[start, end)` of the text (the same shape as
/// `copydesk_sentences::Sentence`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the sentence's first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
}

fn is_terminal(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| matches!(b, b'.' | b'!' | b'?')) || s == "\u{2026}"
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "''" | ")" | "]" | "\u{201D}" | "\u{2019}")
}

/// Splits at sentence-final punctuation (`.`, `!`, `?`, runs of them, plus closing quotes
/// and brackets) followed by a token that does not start with a lower-case letter, and at
/// blank lines. Linear in the number of tokens.
pub(crate) fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if let (Some(s), Some(prev)) = (start, i.checked_sub(1).map(|p| tokens[p])) {
            if text[prev.end..t.start].contains("\n\n") {
                out.push(Sentence {
                    start: s,
                    end: prev.end,
                });
                start = None;
            }
        }
        let s0 = *start.get_or_insert(t.start);
        let mut end_here = false;
        if t.kind == TokenKind::Punct && is_terminal(t.text(text)) {
            while i + 1 < tokens.len() && is_closer(tokens[i + 1].text(text)) {
                i += 1;
            }
            end_here = match tokens.get(i + 1) {
                None => true,
                Some(n) => !n.text(text).starts_with(char::is_lowercase),
            };
        }
        if end_here {
            out.push(Sentence {
                start: s0,
                end: tokens[i].end,
            });
            start = None;
        }
        i += 1;
    }
    if let (Some(s), Some(last)) = (start, tokens.last()) {
        out.push(Sentence {
            start: s,
            end: last.end,
        });
    }
    out
}

/// The sentences of `text`, tokenizing it first.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    split(text, &copydesk_tokenize::tokenize(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_at_final_punctuation() {
        assert_eq!(
            spans("Yay. Another good day!"),
            ["Yay.", "Another good day!"]
        );
        assert_eq!(
            spans("He said \"no.\" Then left"),
            ["He said \"no.\"", "Then left"]
        );
        assert_eq!(
            spans("Mr. Smith came. e.g. this"),
            ["Mr. Smith came. e.g. this"]
        );
        assert!(spans("").is_empty());
        assert_eq!(spans("one\n\ntwo"), ["one", "two"]);
    }
}
