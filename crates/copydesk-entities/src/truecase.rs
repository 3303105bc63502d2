//! Headlines written in title case ("Trump Meets Xi Jinping In Beijing") hide what
//! capitalisation says about names. Before the model reads such a line, its words are
//! written as running news text writes them: a word that news copy almost always writes in
//! lower case mid-sentence ("Meets", "In", "Warns") is lower-cased, and the others keep
//! their capital. The casing statistics come with the model (learnt from unlabelled news).
//! Only ASCII letters change, so byte offsets stay the same and the entities found on the
//! copy are entities of the original text. Lines in capitals are left as they are: the
//! model learnt CoNLL's capitals headlines as written.

use std::borrow::Cow;

use copydesk_tokenize::{normalize, Token, TokenKind};

use crate::clusters::Clusters;
use crate::hash::hash_str;

/// How a line (segment) is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineCase {
    /// Ordinary text.
    Plain,
    /// At least four words of four letters or more, all capitalised, and no number (a
    /// table row has numbers).
    Title,
    /// (Nearly) all letters are capitals.
    Capitals,
}

/// How the segment `tokens` of `text` is written.
pub(crate) fn line_case(text: &str, tokens: &[Token]) -> LineCase {
    let (mut up, mut low) = (0usize, 0usize);
    let (mut cap_words, mut low_words, mut numbers) = (0usize, 0usize, 0usize);
    for t in tokens {
        let s = t.text(text);
        for c in s.chars() {
            if c.is_uppercase() {
                up += 1;
            } else if c.is_lowercase() {
                low += 1;
            }
        }
        match t.kind {
            TokenKind::Number => numbers += 1,
            TokenKind::Word if s.chars().nth(3).is_some() => {
                if s.starts_with(|c: char| c.is_uppercase()) {
                    cap_words += 1;
                } else if s.starts_with(|c: char| c.is_lowercase()) {
                    low_words += 1;
                }
            }
            _ => {}
        }
    }
    if up >= 4 && low * 5 < up {
        LineCase::Capitals
    } else if cap_words >= 4 && low_words == 0 && numbers == 0 {
        LineCase::Title
    } else {
        LineCase::Plain
    }
}

/// Whether news copy writes the word `s` in lower case mid-sentence: seen capitalised in
/// fewer than a fifth of its mid-sentence uses (casing buckets 0 and 1 of
/// [`crate::clusters::casing_code`]).
fn usually_lower(s: &str, clusters: &Clusters) -> bool {
    let code = clusters.casing_of(hash_str(&normalize(s)));
    code != 0 && (code - 1) / 3 <= 1
}

/// `text` with the title-case lines among `segs` (token ranges of `tokens`) written as
/// running text: borrowed when no line changes, else a copy with the same length and the
/// same character boundaries as `text`.
pub(crate) fn running_text<'t>(
    text: &'t str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    clusters: &Clusters,
) -> Cow<'t, str> {
    let mut out: Option<Vec<u8>> = None;
    let mut lower = Vec::new();
    for &(a, b) in segs {
        if a >= b || line_case(text, &tokens[a..b]) != LineCase::Title {
            continue;
        }
        // The line's first word is capitalised in running text too. Single letters stay:
        // mostly initials ("O Palepoi").
        lower.clear();
        let mut titled = 0;
        for t in &tokens[a + 1..b] {
            let s = t.text(text);
            let mut cs = s.chars();
            if t.kind == TokenKind::Word
                && cs.next().is_some_and(|c| c.is_ascii_uppercase())
                && cs.as_str().starts_with(char::is_alphabetic)
                && cs.all(|c| !c.is_uppercase())
            {
                titled += 1;
                if usually_lower(s, clusters) {
                    lower.push(t.start);
                }
            }
        }
        // A line of names with a stray common word ("A N Other", a team list) is no
        // headline: at least a third of its capitalised words must be common words.
        if lower.len() * 3 < titled {
            continue;
        }
        let bytes = out.get_or_insert_with(|| text.as_bytes().to_vec());
        for &at in &lower {
            bytes[at] = bytes[at].to_ascii_lowercase();
        }
    }
    match out {
        // Only ASCII capitals at character starts were lowered: still valid UTF-8.
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(words: &[(&str, u32, u32)]) -> Clusters {
        let mut c = Clusters::default();
        for &(w, cap, low) in words {
            c.casing.insert(
                hash_str(&normalize(w)),
                crate::clusters::casing_code(cap, low),
            );
        }
        c
    }

    fn run(text: &str, c: &Clusters) -> String {
        let toks = copydesk_tokenize::tokenize(text);
        running_text(text, &toks, &[(0, toks.len())], c).into_owned()
    }

    #[test]
    fn lowers_usual_words_of_title_lines_only() {
        let c = stats(&[
            ("meets", 1, 500),
            ("warns", 2, 300),
            ("beijing", 400, 0),
            ("in", 0, 9000),
        ]);
        assert_eq!(
            run("Tillerson Meets Xi Jinping In Beijing As Rain Warns", &c),
            "Tillerson meets Xi Jinping in Beijing As Rain warns"
        );
        // Running text and capitals lines are left alone.
        let plain = "Tillerson meets Xi in Beijing as rain falls";
        assert_eq!(run(plain, &c), plain);
        let caps = "TILLERSON MEETS XI JINPING IN BEIJING";
        assert_eq!(run(caps, &c), caps);
    }

    #[test]
    fn lines_of_names_are_no_headlines() {
        let c = stats(&[("other", 3, 900)]);
        let list = "Taukafa (Tonga), Guinazu (Argentina), Sititi (Samoa), A N Other.";
        assert_eq!(run(list, &c), list);
    }

    #[test]
    fn same_length_and_boundaries() {
        let c = stats(&[("über", 1, 500), ("meets", 1, 500), ("crowd", 1, 500)]);
        let text = "Zoë Meets Über Fans — Crowd Cheers “Énorme” Show";
        let out = run(text, &c);
        assert_eq!(out.len(), text.len());
        assert!(text.char_indices().all(|(i, _)| out.is_char_boundary(i)));
        // Non-ASCII capitals are kept (lowering them could change the byte length).
        assert_eq!(out, "Zoë meets Über Fans — crowd Cheers “Énorme” Show");
    }
}
