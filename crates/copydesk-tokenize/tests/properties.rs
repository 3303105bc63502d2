//! Property tests: on arbitrary strings the tokens are ordered, non-overlapping, non-empty,
//! on char boundaries, cover every non-whitespace character exactly once, and tokenizing
//! never panics.

use copydesk_tokenize::{normalize, tokenize, Tokenizer};
use proptest::prelude::*;

/// Checks every invariant of the token stream of `text`.
fn assert_invariants(text: &str) -> Result<(), TestCaseError> {
    let tokens = tokenize(text);
    let mut prev_end = 0;
    for t in &tokens {
        prop_assert!(t.start < t.end, "empty token {t:?}");
        prop_assert!(t.start >= prev_end, "overlap or disorder at {t:?}");
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert!(
            text[prev_end..t.start].chars().all(char::is_whitespace),
            "non-whitespace {:?} skipped before {t:?}",
            &text[prev_end..t.start]
        );
        prop_assert!(
            !t.text(text).starts_with(char::is_whitespace),
            "token starts with whitespace: {t:?}"
        );
        prev_end = t.end;
    }
    prop_assert!(
        text[prev_end..].chars().all(char::is_whitespace),
        "tail not covered"
    );
    // The iterator and the vector agree.
    let tok = Tokenizer::default();
    prop_assert_eq!(tok.tokens(text).collect::<Vec<_>>(), tokens);
    Ok(())
}

/// Strings built from pieces that exercise the scanner's special cases.
fn tricky() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("'"),
        Just("’"),
        Just("n't"),
        Just("'s"),
        Just("."),
        Just(".."),
        Just("-"),
        Just("--"),
        Just("@"),
        Just("#"),
        Just("http://"),
        Just("www."),
        Just(".com"),
        Just("e"),
        Just("U"),
        Just("Mr"),
        Just("etc"),
        Just(" "),
        Just("\n"),
        Just("\r\n"),
        Just("1"),
        Just("25"),
        Just(","),
        Just(":"),
        Just(")"),
        Just("("),
        Just("&"),
        Just("_"),
        Just("/"),
        Just("`"),
        Just("\u{301}"),
        Just("\u{200d}"),
        Just("\u{fe0f}"),
        Just("\u{20e3}"),
        Just("👍"),
        Just("🏽"),
        Just("🇫"),
        Just("東"),
        Just("カ"),
        Just("ก"),
        Just("é"),
        Just("ب"),
        Just("—"),
        Just("…"),
        Just("\u{a0}"),
        Just("$"),
        Just("%"),
        Just("dont"),
        Just("The"),
        Just("😀"),
        Just("\u{e0067}"),
        Just("*"),
        Just(";"),
        Just("a"),
        Just("Z"),
        Just("0"),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn invariants_on_arbitrary_strings(text in any::<String>()) {
        assert_invariants(&text)?;
    }

    #[test]
    fn invariants_on_tricky_strings(text in tricky()) {
        assert_invariants(&text)?;
    }

    #[test]
    fn normalize_never_panics_and_ascii_fast_path_agrees(text in any::<String>(), ascii in "[ -~]{0,40}") {
        let _ = normalize(&text);
        prop_assert_eq!(normalize(&ascii).into_owned(), ascii.to_lowercase().replace('`', "'"));
    }

    #[test]
    fn invariants_on_ascii(text in "[ -~\n\t]{0,80}") {
        assert_invariants(&text)?;
    }
}
