//! Emoticons (`:-)`, `;D`, `^_^`): the one definition of their shapes, for the tokenizer
//! (an emoticon is one token) and the sentence splitter (an emoticon can close a sentence
//! like `!`).
//!
//! An emoticon is eyes, an optional nose and a mouth. The two components still disagree on
//! a few shapes, marked `*_SPLITTER_ONLY` below: the splitter judges whole chunks (text
//! between spaces) and also takes `8` as eyes, two mouth characters and a few more mouths
//! and whole emoticons; the tokenizer cuts an emoticon out of running text (`:)` in
//! `(yes:)`), where those would also match clock times, ratios and file paths. Removing a
//! difference changes output, so each is a measured change of its own.

/// Eyes, for both components.
pub const EYES: &[u8] = b":;=";
/// Eyes the splitter also takes (`8)`); the tokenizer reads them as a digit.
pub const EYES_SPLITTER_ONLY: &[u8] = b"8";
/// Noses (optional, between eyes and mouth), for both components.
pub const NOSES: &[u8] = b"-'o";
/// Mouths, for both components.
pub const MOUTHS: &[u8] = b")(DPp/|][";
/// Mouths the splitter also takes.
pub const MOUTHS_SPLITTER_ONLY: &[u8] = b"Oo\\*3Ss$";
/// Whole emoticons the splitter also knows, outside the eyes-nose-mouth pattern.
pub const OTHERS_SPLITTER_ONLY: [&str; 6] = ["^_^", "^^", "-_-", "<3", "xD", "XD"];

/// A 256-entry byte table holding `a` and `b`.
const fn table(a: &[u8], b: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < a.len() {
        t[a[k] as usize] = true;
        k += 1;
    }
    let mut k = 0;
    while k < b.len() {
        t[b[k] as usize] = true;
        k += 1;
    }
    t
}

const TOKENIZER_MOUTH: [bool; 256] = table(MOUTHS, b"");
const NOSE: [bool; 256] = table(NOSES, b"");
const SPLITTER_EYES: [bool; 256] = table(EYES, EYES_SPLITTER_ONLY);
const SPLITTER_MOUTH: [bool; 256] = table(MOUTHS, MOUTHS_SPLITTER_ONLY);

/// Bytes that may start an emoticon for the splitter: its eyes and the first bytes of
/// [`OTHERS_SPLITTER_ONLY`] (a quick test before [`is_emoticon`]).
pub static SPLITTER_STARTS: [bool; 256] = {
    let mut t = SPLITTER_EYES;
    let mut k = 0;
    while k < OTHERS_SPLITTER_ONLY.len() {
        t[OTHERS_SPLITTER_ONLY[k].as_bytes()[0] as usize] = true;
        k += 1;
    }
    t
};

/// Whether byte `b` is a nose.
pub(crate) fn is_nose(b: u8) -> bool {
    NOSE[usize::from(b)]
}

/// Whether byte `b` is a mouth for the tokenizer.
pub(crate) fn is_tokenizer_mouth(b: u8) -> bool {
    TOKENIZER_MOUTH[usize::from(b)]
}

/// Whether the whole of `chunk` is an emoticon for the sentence splitter: eyes (with `8`),
/// an optional nose and one or two mouth characters (with the splitter's own), or one of
/// [`OTHERS_SPLITTER_ONLY`]. Emoji are not emoticons here.
pub fn is_emoticon(chunk: &str) -> bool {
    if chunk.len() > 4 {
        return OTHERS_SPLITTER_ONLY.contains(&chunk);
    }
    let bytes = chunk.as_bytes();
    let Some(&eyes) = bytes.first() else {
        return false;
    };
    if SPLITTER_EYES[usize::from(eyes)] {
        // ASCII eyes: the rest starts at byte 1.
        let rest = &bytes[1..];
        let rest = match rest.first() {
            Some(&b) if is_nose(b) => &rest[1..],
            _ => rest,
        };
        if !rest.is_empty()
            && rest.len() <= 2
            && rest.iter().all(|&b| SPLITTER_MOUTH[usize::from(b)])
        {
            return true;
        }
    }
    OTHERS_SPLITTER_ONLY.contains(&chunk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitter_shapes() {
        for e in [
            ":)", ";-)", ":P", "8)", ":'(", ":-))", ":S", "^_^", "<3", "xD",
        ] {
            assert!(is_emoticon(e), "{e}");
        }
        for e in [":", "10:30", "Dr", ":-)))", "", "é)", ":é"] {
            assert!(!is_emoticon(e), "{e}");
        }
        assert!(SPLITTER_STARTS[usize::from(b'8')] && SPLITTER_STARTS[usize::from(b'^')]);
        assert!(!SPLITTER_STARTS[usize::from(b'a')]);
    }

    #[test]
    fn tokenizer_eyes_make_one_token() {
        for &eyes in EYES {
            for &mouth in MOUTHS {
                let text = format!("ok {}{} ok", eyes as char, mouth as char);
                let toks = crate::tokenize(&text);
                assert_eq!(toks.len(), 3, "{text}");
            }
        }
        // The splitter's own shapes are not one token for the tokenizer.
        assert_eq!(crate::tokenize("ok 8) ok").len(), 4);
    }
}
