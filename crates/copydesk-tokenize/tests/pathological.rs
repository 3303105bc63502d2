//! Linear-time guards: inputs that would make a backtracking or rescanning tokenizer
//! quadratic. Each is a few hundred KB, so a quadratic scan would take minutes, a linear
//! one milliseconds. The invariants are checked too.

use std::time::{Duration, Instant};

use copydesk_tokenize::tokenize;

/// Tokenizes `text`, checks coverage, and asserts it took well under a second.
#[track_caller]
fn check_linear(name: &str, text: &str) -> usize {
    let t = Instant::now();
    let tokens = tokenize(text);
    let took = t.elapsed();
    let mut prev = 0;
    for tok in &tokens {
        assert!(
            tok.start >= prev && tok.end > tok.start,
            "{name}: bad token {tok:?}"
        );
        assert!(
            text[prev..tok.start].chars().all(char::is_whitespace),
            "{name}: gap"
        );
        prev = tok.end;
    }
    assert!(
        text[prev..].chars().all(char::is_whitespace),
        "{name}: tail"
    );
    assert!(
        took < Duration::from_secs(3),
        "{name}: {took:?} for {} bytes",
        text.len()
    );
    tokens.len()
}

const N: usize = 300_000;

#[test]
fn dots() {
    assert_eq!(check_linear("dots", &".".repeat(N)), 1);
}

#[test]
fn one_emoji_repeated() {
    let text = "👍🏽".repeat(N / 8);
    assert_eq!(check_linear("emoji", &text), N / 8);
    let family = "👨\u{200d}👩\u{200d}👧".repeat(N / 20);
    assert_eq!(check_linear("zwj", &family), N / 20);
}

#[test]
fn no_whitespace() {
    for unit in [
        "abc.def-ghi'jkl,mn@op#qr1,234.5/6:7x",
        "a",
        "a.",
        "U.S.",
        "1-",
        "1/",
        "a@",
        "@a",
        "'",
        "n't",
        "a'",
        "x-",
        "non-",
        "e.",
        "#a",
        "1,000,",
        "東",
        "é\u{301}",
        ":)",
        "www.",
        "a_",
    ] {
        let text = unit.repeat(N / unit.len());
        check_linear(unit, &text);
    }
}

#[test]
fn long_single_tokens() {
    let url = format!("http://example.com/{}", "a".repeat(N));
    assert_eq!(check_linear("url", &url), 1);
    let email = format!("{}@example.com", "a.".repeat(N / 2) + "a");
    assert_eq!(check_linear("email", &email), 1);
    let word = "a".repeat(N) + ".";
    assert_eq!(check_linear("word", &word), 2);
    let spaces = format!("etc.{}The", " ".repeat(N));
    assert_eq!(check_linear("spaces", &spaces), 3);
}
