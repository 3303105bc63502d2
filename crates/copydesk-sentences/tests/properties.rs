//! Properties that hold for any input: no panic, sentences ordered, non-overlapping,
//! trimmed, and covering every token exactly once.

use copydesk_sentences::{Sentence, SentenceSplitter};
use copydesk_tokenize::{Token, Tokenizer};
use proptest::prelude::*;

fn check_cover(text: &str, tokens: &[Token], sents: &[Sentence]) {
    if tokens.is_empty() {
        assert!(sents.is_empty());
        return;
    }
    let mut ti = 0;
    let mut prev_end = 0;
    for s in sents {
        assert!(s.start < s.end, "empty sentence {s:?}");
        assert!(s.start >= prev_end, "overlap or disorder at {s:?}");
        prev_end = s.end;
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = s.text(text);
        assert_eq!(t, t.trim(), "not trimmed: {t:?}");
        // The sentence starts at a token start and ends at a token end, and holds
        // exactly the next run of tokens.
        assert_eq!(
            tokens[ti].start, s.start,
            "sentence does not start at a token"
        );
        while ti < tokens.len() && tokens[ti].end <= s.end {
            ti += 1;
        }
        assert_eq!(
            tokens[ti - 1].end,
            s.end,
            "sentence does not end at a token"
        );
    }
    assert_eq!(ti, tokens.len(), "tokens not covered");
}

fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. "),
        Just("U.S. "),
        Just("The "),
        Just("he "),
        Just("said"),
        Just(". "),
        Just("."),
        Just("! "),
        Just("? "),
        Just("..."),
        Just(" . . . "),
        Just("\""),
        Just("\u{201D} "),
        Just("("),
        Just(") "),
        Just("1. "),
        Just("2) "),
        Just("a. "),
        Just("\n"),
        Just("\n\n"),
        Just(" "),
        Just("$3.6 "),
        Just("No. 10 "),
        Just("etc. "),
        Just("\u{2022} "),
        Just(":) "),
        Just("-----"),
        Just("J. "),
        Just("\u{2026}"),
        Just("caf\u{e9} "),
        Just("\r\n"),
        Just("Inc."),
        Just("e.g. "),
        Just("?!"),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        let tokens = Tokenizer::default().tokenize(&text);
        let sents = SentenceSplitter::new().split(&text, &tokens);
        check_cover(&text, &tokens, &sents);
    }

    #[test]
    fn news_like_text(text in news_like()) {
        let tokens = Tokenizer::default().tokenize(&text);
        let sents = SentenceSplitter::new().split(&text, &tokens);
        check_cover(&text, &tokens, &sents);
    }

    #[test]
    fn whitespace_and_punctuation(text in "[ \\n\\r\\t.!?\"'()a-cA-C0-9\u{2026}\u{2022}]{0,120}") {
        let tokens = Tokenizer::default().tokenize(&text);
        let sents = SentenceSplitter::new().split(&text, &tokens);
        check_cover(&text, &tokens, &sents);
    }

    /// Tokens that do not match the text (a caller's mistake) must not panic.
    #[test]
    fn mismatched_tokens_do_not_panic(text in "\\PC{0,60}", other in "\\PC{0,60}") {
        let tokens = Tokenizer::default().tokenize(&other);
        let _ = SentenceSplitter::new().split(&text, &tokens);
    }
}

#[test]
fn pathological_inputs_are_linear() {
    let sp = SentenceSplitter::new();
    let cases = [
        "Mr. ".repeat(250_000),
        "word ".repeat(200_000),
        "\n".repeat(100_000),
        ". ".repeat(200_000),
        "a.".repeat(200_000),
        ". . . . ".repeat(100_000),
        "x\ry\r\r".repeat(100_000),
        "HEADLINE\nbody text\n".repeat(50_000),
    ];
    for text in &cases {
        let t = std::time::Instant::now();
        let tokens = Tokenizer::default().tokenize(text);
        let sents = sp.split(text, &tokens);
        check_cover(text, &tokens, &sents);
        // Generous bound (debug build, shared machine); quadratic behaviour would take minutes.
        assert!(
            t.elapsed().as_secs() < 20,
            "too slow on {:?}...",
            &text[..8.min(text.len())]
        );
    }
}
