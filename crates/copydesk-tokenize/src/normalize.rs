//! The normalized form used for matching (lexicons, gazetteers).

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Normalizes a token's text for matching: curly quotes, primes and the backtick made
/// straight (`'`, `"`), dashes and the minus sign made `-`, then NFKC, then case-folded
/// (lower-cased, with `ß` → `ss` and final `ς` → `σ`).
///
/// Offsets are unaffected: this maps a token's text to a key, it never rewrites the input.
/// Text that is already a key (ASCII without capitals or backticks) is returned borrowed;
/// other ASCII takes a byte-wise fast path.
///
/// ```
/// use copydesk_tokenize::normalize;
/// assert_eq!(normalize("Don’t"), "don't");
/// assert_eq!(normalize("—"), "-");
/// assert_eq!(normalize("ﬁnal"), "final");
/// assert_eq!(normalize("“Straße”"), "\"strasse\"");
/// assert!(matches!(normalize("already"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize(s: &str) -> Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        return Cow::Borrowed(s);
    }
    if s.is_ascii() {
        let out = s
            .bytes()
            .map(|b| {
                if b == b'`' {
                    '\''
                } else {
                    b.to_ascii_lowercase() as char
                }
            })
            .collect();
        return Cow::Owned(out);
    }
    let unified: String = s.chars().map(unify).collect();
    let composed: String = if is_nfkc_quick(unified.chars()) == IsNormalized::Yes {
        unified
    } else {
        unified.nfkc().map(unify).collect()
    };
    let mut out = String::with_capacity(composed.len());
    for c in composed.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            c => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

/// Maps quote-like characters to `'` or `"` and dash-like characters to `-`.
fn unify(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`'
        | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(normalize(input), expected, "input: {input:?}");
    }

    #[test]
    fn ascii() {
        check("hello", "hello");
        check("Hello WORLD", "hello world");
        check("`quoted'", "'quoted'");
        assert!(matches!(normalize("u.s."), Cow::Borrowed(_)));
        assert!(matches!(normalize("U.S."), Cow::Owned(_)));
    }

    #[test]
    fn quotes_and_dashes() {
        check("‘a’ “b” «c» „d‟", "'a' \"b\" \"c\" \"d\"");
        check("a–b—c‐d−e", "a-b-c-d-e");
        check("6′2″", "6'2\"");
    }

    #[test]
    fn nfkc_and_case_folding() {
        check("Ｆｕｌｌ", "full");
        check("ﬁ", "fi");
        check("Café", "café");
        check("cafe\u{301}", "café");
        check("STRASSE Straße", "strasse strasse");
        check("ΟΔΥΣΣΕΥΣ", "οδυσσευσ");
        check("İstanbul", "i\u{307}stanbul");
        check("😀", "😀");
    }
}
