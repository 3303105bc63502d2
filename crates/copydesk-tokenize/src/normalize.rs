//! The normalized form used for matching (lexicons, gazetteers).

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Normalizes a token's text for matching: NFKC, case-folded (lower-cased), curly quotes
/// and apostrophes made straight, dashes made `-`. Offsets are unaffected: this maps a
/// token's text to a key, it never rewrites the input.
///
/// ```
/// assert_eq!(copydesk_tokenize::normalize("Don’t"), "don't");
/// assert_eq!(copydesk_tokenize::normalize("—"), "-");
/// assert_eq!(copydesk_tokenize::normalize("ﬁnal"), "final");
/// ```
pub fn normalize(s: &str) -> Cow<'_, str> {
    let simple = s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
    if simple {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let push = |out: &mut String, c: char| match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' => {
            out.push('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => out.push('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => out.push('-'),
        c => out.extend(c.to_lowercase()),
    };
    if s.is_ascii() || is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        for c in s.chars() {
            push(&mut out, c);
        }
    } else {
        for c in s.nfkc() {
            push(&mut out, c);
        }
    }
    Cow::Owned(out)
}
