//! Character classes and the analysis of a whitespace-delimited chunk of text: what it
//! ends with (for the chunk before a gap) and what it starts with (for the chunk after).

/// Quotes and brackets that may close a sentence after its final punctuation.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | '\u{203A}'
    )
}

/// Quotes and brackets that may open a sentence.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '\u{201C}'
            | '\u{2018}'
            | '\u{00AB}'
            | '\u{2039}'
            | '\u{201E}'
            | '\u{201A}'
            | '\u{201F}'
            | '\u{201B}'
            | '`'
    )
}

/// Bullet characters that start a list item (and so a sentence).
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '\u{2022}' // •
            | '\u{2023}' // ‣
            | '\u{2043}' // ⁃
            | '\u{25AA}' // ▪
            | '\u{25AB}'
            | '\u{25E6}' // ◦
            | '\u{25CF}' // ●
            | '\u{25CB}' // ○
            | '\u{25A0}' // ■
            | '\u{25A1}'
            | '\u{25BA}' // ►
            | '\u{25B6}' // ▶
            | '\u{25C6}' // ◆
            | '\u{2756}' // ❖
            | '\u{27A2}' // ➢
            | '\u{2713}' // ✓
            | '\u{2714}'
    )
}

/// Sentence-final punctuation other than the period.
fn is_bang(c: char) -> bool {
    matches!(
        c,
        '!' | '?' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}' | '\u{FF01}' | '\u{FF1F}'
    )
}

fn is_dot(c: char) -> bool {
    matches!(c, '.' | '\u{2026}')
}

fn dot_count(c: char) -> u32 {
    if c == '\u{2026}' {
        3
    } else {
        1
    }
}

/// The end of a chunk: `word` + terminal punctuation + closers.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tail<'t> {
    /// The word before the terminal punctuation, leading openers and bullets removed.
    pub word: &'t str,
    /// Periods in the terminal punctuation (`…` counts 3).
    pub dots: u32,
    /// The terminal punctuation holds `!` or `?`.
    pub bang: bool,
    /// Number of `!` and `?` in the terminal punctuation.
    pub bangs: u32,
    /// The terminal punctuation holds a `?`.
    pub question: bool,
    /// Closing quotes or brackets follow the terminal punctuation.
    pub closed: bool,
    /// The terminal punctuation directly follows an opening bracket (`[...]`).
    pub bracketed: bool,
    /// The chunk is nothing but dots (and closers): one piece of a spaced ellipsis.
    pub dots_only: bool,
    /// The last character of the chunk (closers included).
    pub last: char,
}

impl Tail<'_> {
    /// The chunk ends in terminal punctuation.
    pub fn terminal(&self) -> bool {
        self.dots > 0 || self.bang
    }
}

/// Analyses the end of a chunk.
pub(crate) fn tail(chunk: &str) -> Tail<'_> {
    let last = chunk.chars().next_back().unwrap_or(' ');
    let core = chunk.trim_end_matches(is_closer);
    let closed = core.len() < chunk.len();
    let mut dots = 0;
    let mut bangs = 0;
    let mut question = false;
    let mut cut = core.len();
    for (i, c) in core.char_indices().rev() {
        if is_dot(c) {
            dots += dot_count(c);
        } else if is_bang(c) {
            bangs += 1;
            question |= matches!(c, '?' | '\u{2047}' | '\u{2048}' | '\u{2049}' | '\u{FF1F}');
        } else {
            break;
        }
        cut = i;
    }
    let bang = bangs > 0;
    let before = &core[..cut];
    let bracketed = matches!(before.chars().next_back(), Some('[' | '(' | '{'));
    let word = before.trim_start_matches(|c| is_opener(c) || is_bullet(c));
    Tail {
        word,
        dots,
        bang,
        bangs,
        question,
        closed,
        bracketed,
        dots_only: before.is_empty() && dots > 0 && !bang,
        last,
    }
}

/// How the chunk after a gap begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// A lower-case letter (after any opening quotes or brackets).
    Lower,
    /// An upper-case (or caseless) letter.
    Upper,
    /// A digit.
    Digit,
    /// Closing or continuing punctuation (`,` `;` `:` `)` ...): never starts a sentence.
    Cont,
    /// Only dots: a piece of a spaced ellipsis.
    Dots,
    /// A bullet character.
    Bullet,
    /// Anything else (dashes, symbols, emoticons).
    Other,
}

/// The beginning of a chunk.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Head<'t> {
    /// What kind of character starts the chunk.
    pub start: Start,
    /// The leading run of letters (after openers): the word looked up as a sentence starter.
    pub word: &'t str,
}

/// Analyses the start of a chunk.
pub(crate) fn head(chunk: &str) -> Head<'_> {
    let Some(first) = chunk.chars().next() else {
        return Head {
            start: Start::Other,
            word: "",
        };
    };
    if is_bullet(first) {
        return Head {
            start: Start::Bullet,
            word: "",
        };
    }
    if is_dot(first) && chunk.chars().all(|c| is_dot(c) || is_closer(c)) {
        return Head {
            start: Start::Dots,
            word: "",
        };
    }
    let rest = chunk.trim_start_matches(is_opener);
    let opened = rest.len() < chunk.len();
    let word_end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[..word_end];
    let start = match rest.chars().next() {
        None => {
            // Only quotes/brackets: a closing quote after a sentence, or an opening one.
            if first == '(' || first == '[' || first == '\u{201C}' || first == '\u{2018}' {
                Start::Other
            } else {
                Start::Cont
            }
        }
        Some(c) if c.is_lowercase() => {
            if is_web_start(rest) {
                Start::Other
            } else {
                Start::Lower
            }
        }
        Some(c) if c.is_alphabetic() => Start::Upper,
        Some(c) if c.is_numeric() => Start::Digit,
        Some(c) if !opened && is_continuing(c) => Start::Cont,
        Some(_) => Start::Other,
    };
    Head { start, word }
}

/// Punctuation that continues a sentence rather than starting one.
fn is_continuing(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | ')' | ']' | '}' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | '%'
    )
}

/// Web addresses are written in lower case whether or not they start a sentence.
fn is_web_start(s: &str) -> bool {
    s.starts_with("http:") || s.starts_with("https:") || s.starts_with("www.")
}

/// An emoticon (`:)`, `;-)`, `:D`, `^_^`, `<3`; the shapes are the tokenizer crate's,
/// `copydesk_tokenize::emoticon`) or a chunk of emoji: it can close a sentence like `!`
/// does.
pub(crate) fn is_emoticon(chunk: &str) -> bool {
    if chunk.chars().all(is_emoji) {
        return !chunk.is_empty();
    }
    copydesk_tokenize::emoticon::is_emoticon(chunk)
}

/// Pictographic emoji (and their modifiers and joiners).
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F000..=0x1F2FF | 0xFE0F | 0x200D)
}

/// A separator: four or more of the same symbol (`-----`, `=====`, `*****`).
pub(crate) fn is_separator(chunk: &str) -> bool {
    let mut cs = chunk.chars();
    let Some(c) = cs.next() else {
        return false;
    };
    matches!(
        c,
        '-' | '=' | '*' | '_' | '~' | '#' | '+' | '\u{2014}' | '\u{2013}'
    ) && chunk.chars().count() >= 4
        && cs.all(|d| d == c)
}

/// A web or e-mail address (also in angle brackets): `http://…`, `www.…`, `a@b.com`.
pub(crate) fn is_address(chunk: &str) -> bool {
    let s = chunk.trim_start_matches(['<', '(', '[']);
    if s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") {
        return true;
    }
    match s.find('@') {
        Some(at) if at > 0 => s[at..].contains('.'),
        _ => false,
    }
}

/// A clock time: `7:24`, `07:24`, `08:27:46`.
pub(crate) fn is_clock(chunk: &str) -> bool {
    let mut parts = chunk.split(':');
    let h = parts.next().unwrap_or("");
    (1..=2).contains(&h.len())
        && h.bytes().all(|b| b.is_ascii_digit())
        && (1..=2).contains(&parts.clone().count())
        && parts.all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A numeric date: `01/19/2001`, `1/9/01`.
pub(crate) fn is_date(chunk: &str) -> bool {
    let parts: [&str; 3] = {
        let mut it = chunk.split('/');
        let (Some(a), Some(b), Some(c), None) = (it.next(), it.next(), it.next(), it.next()) else {
            return false;
        };
        [a, b, c]
    };
    let digits =
        |p: &str, lens: &[usize]| lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    digits(parts[0], &[1, 2]) && digits(parts[1], &[1, 2]) && digits(parts[2], &[2, 4])
}

/// The kind of word before a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordShape {
    /// Nothing (a detached period or an ellipsis alone).
    Empty,
    /// A number, possibly with a currency sign: `55`, `$100.00`, `1026.253.553`.
    Number,
    /// One letter: an initial (`E.`) or a list letter (`a.`).
    Initial,
    /// Letters with inner periods: `U.S`, `e.g`, `Ph.D`, `a.m`.
    Dotted,
    /// Anything else.
    Word,
}

/// Classifies the word before a period by its shape.
pub(crate) fn shape(word: &str) -> WordShape {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return WordShape::Empty;
    };
    if chars.next().is_none() && first.is_alphabetic() {
        return WordShape::Initial;
    }
    let digits = word.trim_start_matches(['$', '£', '€', '¥', '#', '+', '-', '(']);
    if digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-'))
    {
        return WordShape::Number;
    }
    if word.contains('.')
        && word.len() <= 16
        && word.split('.').all(|seg| {
            !seg.is_empty() && seg.chars().count() <= 2 && seg.chars().all(char::is_alphabetic)
        })
    {
        return WordShape::Dotted;
    }
    WordShape::Word
}

/// A list marker: `1.`, `2)`, `3.)`, `(4)`, `a.`, `b)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    /// The item number (letters count from 1 for `a`).
    pub value: u32,
    /// Whether the marker is a letter, and which case.
    pub kind: MarkerKind,
    /// The punctuation after the value.
    pub style: MarkerStyle,
}

/// The kind of list marker value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkerKind {
    /// `1.`
    Number,
    /// `a.`
    Lower,
    /// `A.`
    Upper,
}

/// The punctuation of a list marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkerStyle {
    /// `1.`
    Period,
    /// `1)`
    Paren,
    /// `1.)`
    PeriodParen,
    /// `(1)`
    Enclosed,
}

/// Parses a chunk as a list marker (leading bullets allowed).
pub(crate) fn marker(chunk: &str) -> Option<Marker> {
    let s = chunk.trim_start_matches(is_bullet);
    let (s, enclosed) = match s.strip_prefix('(') {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let value_end = s
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_alphanumeric())
        .map(|(i, _)| i)?;
    let (value, punct) = s.split_at(value_end);
    let style = match (enclosed, punct) {
        (true, ")") => MarkerStyle::Enclosed,
        (false, ".") => MarkerStyle::Period,
        (false, ")") => MarkerStyle::Paren,
        (false, ".)") => MarkerStyle::PeriodParen,
        _ => return None,
    };
    let (value, kind) = if value.len() <= 3 && value.bytes().all(|b| b.is_ascii_digit()) {
        (value.parse().ok()?, MarkerKind::Number)
    } else if value.len() == 1 {
        let b = value.as_bytes()[0];
        if b.is_ascii_lowercase() {
            (u32::from(b - b'a') + 1, MarkerKind::Lower)
        } else if b.is_ascii_uppercase() {
            (u32::from(b - b'A') + 1, MarkerKind::Upper)
        } else {
            return None;
        }
    } else {
        return None;
    };
    Some(Marker { value, kind, style })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tails() {
        let t = tail("great.'");
        assert_eq!((t.word, t.dots, t.closed), ("great", 1, true));
        let t = tail("[...]");
        assert!(t.bracketed && t.word.is_empty() && t.dots == 3);
        let t = tail("Hello!?");
        assert!(t.bang && t.word == "Hello");
        assert!(tail(".").dots_only);
        assert!(!tail("word").terminal());
        assert_eq!(tail("(U.S.").word, "U.S");
    }

    #[test]
    fn heads() {
        assert_eq!(head("\"We").start, Start::Upper);
        assert_eq!(head("\"We").word, "We");
        assert_eq!(head("she").start, Start::Lower);
        assert_eq!(head("http://x.org").start, Start::Other);
        assert_eq!(head("55").start, Start::Digit);
        assert_eq!(head(",").start, Start::Cont);
        assert_eq!(head("...").start, Start::Dots);
        assert_eq!(head(".\u{201D}").start, Start::Dots);
        assert_eq!(head("•").start, Start::Bullet);
    }

    #[test]
    fn emoticons_and_separators() {
        assert!(is_emoticon(":)"));
        assert!(is_emoticon(";-)"));
        assert!(is_emoticon(":P"));
        assert!(is_emoticon("\u{1F600}"));
        assert!(!is_emoticon(":"));
        assert!(!is_emoticon("10:30"));
        assert!(!is_emoticon("Dr"));
        assert!(is_separator("-----"));
        assert!(!is_separator("---"));
        assert!(!is_separator("--x-"));
    }

    #[test]
    fn addresses_and_stamps() {
        assert!(is_address("http://example.com/x"));
        assert!(is_address("<jane@example.com>"));
        assert!(!is_address("@user"));
        assert!(!is_address("Mr"));
        assert!(is_clock("07:24"));
        assert!(is_clock("8:27:46"));
        assert!(!is_clock("3.5"));
        assert!(!is_clock("123:45"));
        assert!(is_date("01/19/2001"));
        assert!(is_date("1/9/01"));
        assert!(!is_date("1/2"));
        assert!(!is_date("a/b/c"));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("U.S"), WordShape::Dotted);
        assert_eq!(shape("Ph.D"), WordShape::Dotted);
        assert_eq!(shape("E"), WordShape::Initial);
        assert_eq!(shape("$100.00"), WordShape::Number);
        assert_eq!(shape("example.com"), WordShape::Word);
        assert_eq!(shape(""), WordShape::Empty);
    }

    #[test]
    fn markers() {
        assert_eq!(marker("2.)").map(|m| m.value), Some(2));
        assert_eq!(marker("b.").map(|m| m.kind), Some(MarkerKind::Lower));
        assert_eq!(marker("⁃10.").map(|m| m.value), Some(10));
        assert_eq!(marker("(3)").map(|m| m.style), Some(MarkerStyle::Enclosed));
        assert_eq!(marker("word."), None);
        assert_eq!(marker("2"), None);
    }
}
