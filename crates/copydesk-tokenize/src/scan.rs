//! The scanner: one forward pass over the bytes, an ASCII fast path driven by a byte
//! class table, Unicode predicates only for non-ASCII characters.
//!
//! Linear time: every decision looks ahead a bounded number of bytes, or scans a region
//! that is then consumed (URL, e-mail, digit groups). The only state that spans tokens is
//! the position of the next `@` (searched once per `@`) and the end of a run of a script
//! written without spaces (split at UAX #29 word boundaries).

use unicode_segmentation::UnicodeSegmentation;

use crate::abbrev::{is_sentence_starter, AbbreviationKind, Abbreviations};
use crate::chars::PLAIN_END;
use crate::chars::{
    alnum_run_end, decode, is_apostrophe, is_ascii_alnum, is_dash, is_emoji_base,
    is_emoji_extender, is_joiner, is_mark, is_regional_indicator, is_segmented_script,
    is_text_pictograph, is_unicode_punct, is_word_char, ALPHA, CLASS, DIGIT, HIGH, WS,
};
use crate::lexicon::{fused_contraction, is_clitic, is_file_extension, is_hyphen_prefix, is_tld};
use crate::token::{Token, TokenKind};

/// What an apostrophe inside a word means.
enum Apostrophe {
    /// `don't`: the word ends before the `n`.
    SplitBeforeN,
    /// `we're`, `Russia's`: the word ends at the apostrophe.
    SplitHere,
    /// `O'Brien`, `60's`: the word goes on at this byte.
    Continue(usize),
    /// Not part of the word.
    Stop,
}

/// What kind of abbreviation a word before a period is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// Keeps its period, never ends a sentence (`Mr.`, initials, `e.g.`).
    Title,
    /// Keeps its period unless the period also ends the sentence (`etc.`, `U.S.`).
    General,
}

/// Facts gathered while scanning a word, used to finish it.
struct WordScan {
    /// Start of the last dot/hyphen segment.
    seg: usize,
    /// Saw an inner period (`U.S`, `e.g`, `galleryfurniture.com`).
    dotted: bool,
    /// Every dot-separated segment before the last is one or two letters.
    short_segs: bool,
    /// Any letter.
    alpha: bool,
    /// Any digit.
    digit: bool,
    /// Only ASCII so far.
    ascii: bool,
}

/// The scanning state behind [`crate::Tokens`].
#[derive(Clone, Debug)]
pub(crate) struct Scanner<'t> {
    text: &'t str,
    b: &'t [u8],
    pos: usize,
    abbr: &'t Abbreviations,
    /// End of the current run of a script written without spaces.
    seg_end: usize,
    /// Position of the next `@` at or after the last search (text length if none);
    /// `None` before the first search.
    at: Option<usize>,
    /// The e-mail address around `at`, if it is one.
    email: Option<(usize, usize)>,
}

impl<'t> Scanner<'t> {
    pub(crate) fn new(text: &'t str, abbr: &'t Abbreviations) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
            pos: 0,
            abbr,
            seg_end: 0,
            at: None,
            email: None,
        }
    }

    /// The text not yet tokenized.
    pub(crate) fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    /// The next token, or `None` at the end of the text.
    #[inline]
    pub(crate) fn next_token(&mut self) -> Option<Token> {
        let b = self.b;
        let n = b.len();
        let mut p = self.pos;
        if p < self.seg_end {
            let (end, kind) = self.segment(p);
            self.pos = end;
            return Some(Token {
                start: p,
                end,
                kind,
            });
        }
        loop {
            if p >= n {
                self.pos = n;
                return None;
            }
            let cls = CLASS[b[p] as usize];
            if cls == WS {
                p += 1;
                continue;
            }
            if cls == HIGH {
                let (c, l) = decode(b, p);
                if c.is_whitespace() {
                    p += l;
                    continue;
                }
            }
            break;
        }
        let (end, kind) = self.scan(p);
        debug_assert!(end > p && self.text.is_char_boundary(end));
        self.pos = end;
        Some(Token {
            start: p,
            end,
            kind,
        })
    }

    /// Scans the token starting at the non-whitespace byte `p`.
    #[inline]
    fn scan(&mut self, p: usize) -> (usize, TokenKind) {
        let c = self.b[p];
        match CLASS[c as usize] {
            ALPHA => {
                // Fast path: a run of ASCII letters/digits ended by whitespace or simple
                // punctuation is a plain word (no URL, e-mail, clitic or abbreviation).
                let b = self.b;
                let i = alnum_run_end(b, p + 1);
                if i == b.len() || PLAIN_END[b[i] as usize] {
                    if let Some(k) = fused_contraction(&b[p..i]) {
                        return (p + k, TokenKind::Word);
                    }
                    return (i, TokenKind::Word);
                }
                let second = self.b.get(p + 1).map_or(0, |&x| x | 0x20);
                if matches!(
                    (c | 0x20, second),
                    (b'h', b't') | (b'w', b'w') | (b'f', b't') | (b'm', b'a')
                ) {
                    if let Some(e) = self.url(p) {
                        return (e, TokenKind::Url);
                    }
                }
                if let Some(e) = self.email(p) {
                    return (e, TokenKind::Email);
                }
                if c | 0x20 == b'n' {
                    if let Some(e) = self.nt_clitic(p) {
                        return (e, TokenKind::Word);
                    }
                }
                self.word(p)
            }
            DIGIT => {
                if let Some(e) = self.keycap(p) {
                    return (e, TokenKind::Emoji);
                }
                if let Some(e) = self.email(p) {
                    return (e, TokenKind::Email);
                }
                self.number(p)
            }
            HIGH => self.non_ascii(p),
            _ => {
                if matches!(c, b'_' | b'.' | b'%' | b'+' | b'-') {
                    if let Some(e) = self.email(p) {
                        return (e, TokenKind::Email);
                    }
                }
                let (e, kind) = self.ascii_punct(p);
                (self.absorb_marks(e), kind)
            }
        }
    }

    // ----- small helpers -------------------------------------------------------------

    /// Byte length of an apostrophe at `i` (`'`, `’`, and `` ` `` if allowed), else 0.
    #[inline]
    fn apostrophe_len(&self, i: usize, backtick: bool) -> usize {
        let b = self.b;
        match b.get(i) {
            Some(b'\'') => 1,
            Some(b'`') if backtick => 1,
            Some(0xE2) if b[i..].starts_with("\u{2019}".as_bytes()) => 3,
            _ => 0,
        }
    }

    /// Whether no word character starts at `i`.
    #[inline]
    fn is_boundary(&self, i: usize) -> bool {
        let b = self.b;
        if i >= b.len() {
            return true;
        }
        let c = b[i];
        if c < 0x80 {
            !is_ascii_alnum(c)
        } else {
            !is_word_char(decode(b, i).0)
        }
    }

    /// Whether a letter (ASCII or not) starts at `i`.
    #[inline]
    fn is_letter_at(&self, i: usize) -> bool {
        let b = self.b;
        if i >= b.len() {
            return false;
        }
        let c = b[i];
        if c < 0x80 {
            c.is_ascii_alphabetic()
        } else {
            let ch = decode(b, i).0;
            is_word_char(ch) && ch.is_alphabetic()
        }
    }

    /// Skips combining marks (and variation selectors) at `i`: they stay with the
    /// character before them.
    #[inline]
    fn absorb_marks(&self, mut i: usize) -> usize {
        let b = self.b;
        while i < b.len() && b[i] >= 0x80 {
            let (c, l) = decode(b, i);
            if is_mark(c) {
                i += l;
            } else {
                break;
            }
        }
        i
    }

    /// End of a run of the ASCII byte `c` starting at `p`.
    #[inline]
    fn run_of(&self, p: usize, c: u8) -> usize {
        let b = self.b;
        let mut i = p + 1;
        while i < b.len() && b[i] == c {
            i += 1;
        }
        i
    }

    // ----- web tokens ----------------------------------------------------------------

    /// A URL starting at `p` (`http://`, `https://`, `ftp://`, `www.`, `mailto:`).
    fn url(&self, p: usize) -> Option<usize> {
        let b = self.b;
        let n = b.len();
        let rest = &b[p..];
        let starts =
            |pre: &[u8]| rest.len() > pre.len() && rest[..pre.len()].eq_ignore_ascii_case(pre);
        let plen = [&b"https://"[..], b"http://", b"ftp://", b"www.", b"mailto:"]
            .iter()
            .find(|pre| starts(pre))?
            .len();
        let first = b[p + plen];
        if !(is_ascii_alnum(first) || first >= 0x80) {
            return None;
        }
        let mut e = p + plen;
        let (mut opens, mut closes) = (0usize, 0usize);
        while e < n {
            let c = b[e];
            if c < 0x80 {
                if CLASS[c as usize] == WS
                    || matches!(
                        c,
                        b'<' | b'>' | b'"' | b'`' | b'{' | b'}' | b'|' | b'\\' | b'^'
                    )
                {
                    break;
                }
                opens += usize::from(c == b'(');
                closes += usize::from(c == b')');
                e += 1;
            } else {
                let (ch, l) = decode(b, e);
                if ch.is_whitespace() || is_unicode_punct(ch) || is_emoji_base(ch) {
                    break;
                }
                e += l;
            }
        }
        // Trailing punctuation belongs to the sentence, not the address.
        while e > p + plen + 1 {
            let c = b[e - 1];
            if matches!(
                c,
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'*'
            ) || (c == b')' && closes > opens)
            {
                closes -= usize::from(c == b')');
                e -= 1;
            } else {
                break;
            }
        }
        Some(e)
    }

    /// An e-mail address starting exactly at `p`, using the next `@` in the text.
    #[inline]
    fn email(&mut self, p: usize) -> Option<usize> {
        if self.at.is_none_or(|a| a < p) {
            self.find_at(p);
        }
        match self.email {
            Some((s, e)) if s == p => Some(e),
            _ => None,
        }
    }

    /// Finds the next `@` from `p` (each byte is searched once over the whole text).
    #[cold]
    fn find_at(&mut self, p: usize) {
        let b = self.b;
        let a = memchr::memchr(b'@', &b[p..]).map_or(b.len(), |i| p + i);
        self.at = Some(a);
        self.email = if a < b.len() {
            self.email_span(p, a)
        } else {
            None
        };
    }

    /// The e-mail address around the `@` at `a`, starting no earlier than `lo`.
    fn email_span(&self, lo: usize, a: usize) -> Option<(usize, usize)> {
        let b = self.b;
        let n = b.len();
        let is_local = |c: u8| is_ascii_alnum(c) || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut s = a;
        while s > lo && is_local(b[s - 1]) {
            s -= 1;
        }
        if s == a || !is_ascii_alnum(b[s]) && b[s] != b'_' {
            return None;
        }
        let mut e = a + 1;
        while e < n && (is_ascii_alnum(b[e]) || b[e] == b'-' || b[e] == b'.') {
            e += 1;
        }
        while e > a + 1 && matches!(b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        let domain = &b[a + 1..e];
        let dot = domain.iter().rposition(|&c| c == b'.')?;
        let tld = &domain[dot + 1..];
        if dot == 0 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        Some((s, e))
    }

    // ----- words -------------------------------------------------------------------------

    /// `n't` at `p` (the clitic on its own, after `do` was emitted).
    fn nt_clitic(&self, p: usize) -> Option<usize> {
        let al = self.apostrophe_len(p + 1, false);
        if al == 0 {
            return None;
        }
        let t = p + 1 + al;
        (t < self.b.len() && self.b[t] | 0x20 == b't' && self.is_boundary(t + 1)).then_some(t + 1)
    }

    /// A clitic (`'s`, `'ll`, ...) starting with the apostrophe at `p` of length `al`.
    fn clitic_at(&self, p: usize, al: usize) -> Option<usize> {
        let b = self.b;
        let a = p + al;
        let mut k = 0;
        while a + k < b.len() && k < 3 && b[a + k].is_ascii_alphabetic() {
            k += 1;
        }
        let mut lower = [0u8; 3];
        for (d, s) in lower.iter_mut().zip(&b[a..a + k]) {
            *d = s.to_ascii_lowercase();
        }
        ((1..=2).contains(&k) && self.is_boundary(a + k) && is_clitic(&lower[..k])).then_some(a + k)
    }

    /// Classifies the apostrophe of length `al` at `i` inside the word starting at `p`.
    fn apostrophe_in_word(&self, p: usize, i: usize, al: usize) -> Apostrophe {
        let b = self.b;
        let a = i + al;
        let mut k = 0;
        while a + k < b.len() && k < 3 && b[a + k].is_ascii_alphabetic() {
            k += 1;
        }
        let bound = self.is_boundary(a + k);
        let backtick = b[i] == b'`';
        if k == 1
            && bound
            && !backtick
            && b[a] | 0x20 == b't'
            && i >= p + 2
            && b[i - 1] | 0x20 == b'n'
            && b[i - 2].is_ascii_alphabetic()
        {
            return Apostrophe::SplitBeforeN;
        }
        if let Some(e) = self.clitic_at(i, al) {
            if backtick && (e - a != 1 || b[a] | 0x20 != b's') {
                return Apostrophe::Stop;
            }
            return if b[i - 1].is_ascii_digit() {
                Apostrophe::Continue(e)
            } else {
                Apostrophe::SplitHere
            };
        }
        if !backtick && self.is_letter_at(a) {
            Apostrophe::Continue(a)
        } else {
            Apostrophe::Stop
        }
    }

    /// Whether the period at `i` continues the word whose current segment starts at `seg`
    /// (`U.S`, `e.g`, `galleryfurniture.com`, `ENRON.XLS`; not `end.The`).
    #[inline]
    fn dot_continues(&self, seg: usize, i: usize) -> bool {
        let b = self.b;
        if i == seg || i + 1 >= b.len() {
            return false;
        }
        let nb = b[i + 1];
        if nb.is_ascii_lowercase() || nb.is_ascii_digit() {
            true
        } else if nb.is_ascii_uppercase() {
            i - seg == 1 || b[seg..i].iter().all(u8::is_ascii_uppercase)
        } else if nb >= 0x80 {
            let c = decode(b, i + 1).0;
            is_word_char(c) && !c.is_uppercase()
        } else {
            false
        }
    }

    /// Scans a word starting at `p` (a letter, a non-ASCII word character, or a digit
    /// followed by letters).
    fn word(&self, p: usize) -> (usize, TokenKind) {
        let b = self.b;
        let n = b.len();
        let mut w = WordScan {
            seg: p,
            dotted: false,
            short_segs: true,
            alpha: false,
            digit: false,
            ascii: true,
        };
        let mut i = p;
        loop {
            let mut seen = 0u8;
            while i < n {
                let cls = CLASS[b[i] as usize];
                if cls & (ALPHA | DIGIT) != 0 {
                    seen |= cls;
                    i += 1;
                } else if cls == HIGH {
                    let (ch, l) = decode(b, i);
                    if !is_word_char(ch) {
                        break;
                    }
                    w.alpha |= ch.is_alphabetic();
                    w.digit |= ch.is_numeric();
                    w.ascii = false;
                    i += l;
                } else {
                    break;
                }
            }
            w.alpha |= seen & ALPHA != 0;
            w.digit |= seen & DIGIT != 0;
            if i >= n || i == w.seg {
                break;
            }
            match b[i] {
                b'.' => {
                    if !self.dot_continues(w.seg, i) {
                        break;
                    }
                    let seg = &b[w.seg..i];
                    if seg.len() > 2 || !seg.iter().all(u8::is_ascii_alphabetic) {
                        w.short_segs = false;
                    }
                    w.dotted = true;
                    i += 1;
                    w.seg = i;
                }
                b'-' => {
                    if i + 1 < n && is_ascii_alnum(b[i + 1]) && is_hyphen_prefix(&b[w.seg..i]) {
                        i += 1;
                        w.seg = i;
                    } else {
                        break;
                    }
                }
                b'&' => {
                    // AT&T, S&P, Q&A
                    if i - p <= 3
                        && i + 1 < n
                        && b[i + 1].is_ascii_alphabetic()
                        && b[p..i].iter().all(u8::is_ascii_alphabetic)
                        && (i + 2 >= n || !b[i + 2].is_ascii_lowercase())
                    {
                        i += 1;
                    } else {
                        break;
                    }
                }
                b'/' => {
                    // b/c, w/o, l/c
                    if i - w.seg == 1
                        && i + 1 < n
                        && b[i + 1].is_ascii_alphabetic()
                        && b[w.seg].is_ascii_alphabetic()
                        && self.is_boundary(i + 2)
                    {
                        i += 2;
                    } else {
                        break;
                    }
                }
                b'_' => {
                    if i + 1 < n && is_ascii_alnum(b[i + 1]) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                b'\'' | b'`' | 0xE2 => {
                    let al = self.apostrophe_len(i, true);
                    if al == 0 {
                        break;
                    }
                    match self.apostrophe_in_word(p, i, al) {
                        Apostrophe::SplitBeforeN => {
                            i -= 1;
                            break;
                        }
                        Apostrophe::SplitHere | Apostrophe::Stop => break,
                        Apostrophe::Continue(j) => i = j,
                    }
                }
                _ => break,
            }
        }
        self.finish_word(p, i, &w)
    }

    /// Decides the end and kind of the word `[p, end)`: fused contractions, a final
    /// abbreviation period, web domains.
    fn finish_word(&self, p: usize, end: usize, w: &WordScan) -> (usize, TokenKind) {
        let b = self.b;
        let word = &b[p..end];
        if w.ascii && !w.dotted && !w.digit && w.seg == p {
            if let Some(k) = fused_contraction(word) {
                return (p + k, TokenKind::Word);
            }
        }
        if end < b.len() && b[end] == b'.' && b.get(end + 1) != Some(&b'.') {
            if let Some(e) = self.file_extension(end) {
                return (e, TokenKind::Word); // report.XLS
            }
            if let Some(kind) = self.abbreviation(p, end, w) {
                if kind == Abbrev::Title || !self.ends_sentence(end + 1) {
                    return (end + 1, TokenKind::Word);
                }
            }
        }
        let kind = if !w.alpha && !w.digit {
            TokenKind::Symbol
        } else if !w.alpha {
            TokenKind::Number
        } else if w.dotted && !w.short_segs && is_tld(&b[w.seg..end]) {
            TokenKind::Url
        } else {
            TokenKind::Word
        };
        (end, kind)
    }

    /// Whether the word `[p, end)` followed by a period is an abbreviation.
    fn abbreviation(&self, p: usize, end: usize, w: &WordScan) -> Option<Abbrev> {
        let b = self.b;
        let word = &b[p..end];
        if w.dotted {
            let last = &b[w.seg..end];
            let acronym = w.short_segs
                && !w.digit
                && last.len() <= 2
                && last.iter().all(u8::is_ascii_alphabetic);
            if !acronym {
                return None;
            }
            let latin = word.eq_ignore_ascii_case(b"e.g") || word.eq_ignore_ascii_case(b"i.e");
            return Some(if latin {
                Abbrev::Title
            } else {
                Abbrev::General
            });
        }
        if word.len() == 1 && word[0].is_ascii_uppercase() && word[0] != b'I' {
            return Some(Abbrev::Title); // an initial: `Jennifer M. Anderson`
        }
        if word.len() > 12 {
            return None;
        }
        match self.abbr.get(&self.text[p..end])? {
            AbbreviationKind::Title => Some(Abbrev::Title),
            AbbreviationKind::General => Some(Abbrev::General),
            AbbreviationKind::BeforeNumber => {
                let mut j = end + 1;
                while j < b.len() && matches!(b[j], b' ' | b'\t') {
                    j += 1;
                }
                (j > end + 1 && j < b.len() && (b[j].is_ascii_digit() || b[j] == b'#'))
                    .then_some(Abbrev::Title)
            }
        }
    }

    /// Whether an abbreviation's period ending at `q` also ends the sentence: the text
    /// ends, a line break follows, or a capitalized sentence starter (`The`, `He`, ...).
    fn ends_sentence(&self, q: usize) -> bool {
        let b = self.b;
        let n = b.len();
        let mut j = q;
        let mut spaced = false;
        loop {
            if j >= n {
                return true;
            }
            let c = b[j];
            match c {
                b'\n' | b'\r' => return true,
                b' ' | b'\t' | 0x0B | 0x0C => {
                    spaced = true;
                    j += 1;
                }
                0x80.. => {
                    let (ch, l) = decode(b, j);
                    if matches!(ch, '\u{2028}' | '\u{2029}' | '\u{85}') {
                        return true;
                    }
                    if !ch.is_whitespace() {
                        break;
                    }
                    spaced = true;
                    j += l;
                }
                _ => break,
            }
        }
        if !spaced {
            return false;
        }
        let mut k = j;
        while k < n && k - j < 12 && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        k > j && self.is_boundary(k) && is_sentence_starter(&self.text[j..k])
    }

    // ----- numbers -----------------------------------------------------------------------

    /// A keycap emoji (`1️⃣`, `#️⃣`) at `p`.
    fn keycap(&self, p: usize) -> Option<usize> {
        let rest = &self.b[p + 1..];
        let vs = "\u{FE0F}".as_bytes();
        let cap = "\u{20E3}".as_bytes();
        let skip = if rest.starts_with(vs) { vs.len() } else { 0 };
        rest[skip..]
            .starts_with(cap)
            .then(|| self.absorb_marks(p + 1 + skip + cap.len()))
    }

    /// A number at `p` (a digit, or `.` before a digit): `25,000`, `3.6`, `.04`, `5:00`,
    /// phone numbers and dates (`713-853-3989`, `11/28/2000`). A number followed by letters
    /// is one word (`1990s`, `2nd`, `60's`).
    fn number(&self, p: usize) -> (usize, TokenKind) {
        let b = self.b;
        let n = b.len();
        let digits = |mut i: usize| {
            while i < n && b[i].is_ascii_digit() {
                i += 1;
            }
            i
        };
        let mut i = digits(if b[p] == b'.' { p + 1 } else { p });
        let mut plain = b[p] != b'.';
        while i + 1 < n {
            match b[i] {
                b',' if i + 3 < n
                    && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                    && (i + 4 >= n || !b[i + 4].is_ascii_digit()) =>
                {
                    i += 4;
                }
                b'.' | b':' if b[i + 1].is_ascii_digit() => i = digits(i + 1),
                _ => break,
            }
            plain = false;
        }
        if plain && i + 1 < n && matches!(b[i], b'-' | b'/') && b[i + 1].is_ascii_digit() {
            let sep = b[i];
            let first = i - p;
            let mut j = i;
            let mut groups = 1;
            let mut second = 0;
            while j + 1 < n && b[j] == sep && b[j + 1].is_ascii_digit() {
                let s = j + 1;
                j = digits(s);
                groups += 1;
                if groups == 2 {
                    second = j - s;
                }
            }
            let value = |s: usize, len: usize| {
                b[s..s + len.min(3)]
                    .iter()
                    .fold(0u32, |v, d| v * 10 + u32::from(d - b'0'))
            };
            let keep = groups >= 3
                // phone numbers and ZIP+4: 853-3989, 77030-2707
                || (sep == b'-' && matches!(first, 3 | 5) && second == 4)
                // month/day dates: 9/11, 12/27 (but 1/2, 3/4 are fractions)
                || (sep == b'/'
                    && groups == 2
                    && first <= 2
                    && second <= 2
                    && first + second > 2
                    && (1..=12).contains(&value(p, first))
                    && (1..=31).contains(&value(i + 1, second)));
            if keep {
                i = j;
                // area code and number: 713/853-5984
                if sep == b'/' && groups == 2 && first == 3 && second == 3 {
                    if let Some(k) = self.digit_group(i, b'-', 4) {
                        i = k;
                    }
                }
            } else if sep == b'/' && groups == 2 && first == 3 && second == 3 {
                if let Some(k) = self.digit_group(j, b'-', 4) {
                    i = k;
                }
            }
        }
        if i < n {
            if let Some(e) = self.file_extension(i) {
                return (e, TokenKind::Word); // 20.doc
            }
            if b[i].is_ascii_alphabetic() && !self.number_suffix(i) {
                return (i, TokenKind::Number); // 5 pm, 35 mm, 10 k: EWT splits units off
            }
            if self.is_letter_at(i) || b[i] == b'_' {
                // 1990s, 2nd, 4_28_00
                let mut j = i;
                while j < n {
                    let c = b[j];
                    if is_ascii_alnum(c) || c == b'_' {
                        j += 1;
                    } else if c >= 0x80 {
                        let (ch, l) = decode(b, j);
                        if !is_word_char(ch) {
                            break;
                        }
                        j += l;
                    } else {
                        break;
                    }
                }
                return (self.file_extension(j).unwrap_or(j), TokenKind::Word);
            }
            let al = self.apostrophe_len(i, false);
            if al > 0 && i + al < n && b[i + al] | 0x20 == b's' && self.is_boundary(i + al + 1) {
                return (i + al + 1, TokenKind::Word); // 60's, 1590's (kept whole in EWT)
            }
        }
        (self.absorb_marks(i), TokenKind::Number)
    }

    /// `sep` followed by exactly `len` digits at `i`: the end of the group.
    fn digit_group(&self, i: usize, sep: u8, len: usize) -> Option<usize> {
        let b = self.b;
        let e = i + 1 + len;
        (e <= b.len()
            && b[i] == sep
            && b[i + 1..e].iter().all(u8::is_ascii_digit)
            && (e == b.len() || !b[e].is_ascii_alphanumeric()))
        .then_some(e)
    }

    /// Whether the ASCII letters at `i` after a number belong to it: ordinals and decades
    /// (`2nd`, `4th`, `1990s`) or letters followed by more digits (`4x4`, `2b3`).
    fn number_suffix(&self, i: usize) -> bool {
        let b = self.b;
        let mut j = i;
        while j < b.len() && j - i < 3 && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        if j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
            return true;
        }
        let mut lower = [0u8; 3];
        for (d, s) in lower.iter_mut().zip(&b[i..j]) {
            *d = s.to_ascii_lowercase();
        }
        // A single capital is part of a code (4G, 83N, 1Q); other letters are units.
        (j - i == 1 && b[i].is_ascii_uppercase())
            || matches!(&lower[..j - i], b"st" | b"nd" | b"rd" | b"th" | b"s" | b"d")
    }

    /// A file extension (`.doc`, `.XLS`) at `i` that stays on the name before it.
    fn file_extension(&self, i: usize) -> Option<usize> {
        let b = self.b;
        if b.get(i) != Some(&b'.') {
            return None;
        }
        let mut j = i + 1;
        while j < b.len() && j - i <= 5 && is_ascii_alnum(b[j]) {
            j += 1;
        }
        (self.is_boundary(j) && is_file_extension(&b[i + 1..j])).then_some(j)
    }

    // ----- punctuation and symbols -------------------------------------------------------

    /// A run of sentence-final punctuation (`.`, `...`, `?!`, `…`).
    fn terminal_run(&self, p: usize) -> usize {
        let b = self.b;
        let ell = "\u{2026}".as_bytes();
        let mut i = p;
        while i < b.len() {
            if matches!(b[i], b'.' | b'!' | b'?') {
                i += 1;
            } else if b[i..].starts_with(ell) {
                i += ell.len();
            } else {
                break;
            }
        }
        i
    }

    /// An emoticon at `p` (`:)`, `:-(`, `;D`, `=P`): eyes (`p`, one of
    /// [`emoticon::EYES`](crate::emoticon::EYES)), an optional nose and a mouth.
    fn emoticon(&self, p: usize) -> Option<usize> {
        let b = self.b;
        let mut i = p + 1;
        if i < b.len() && crate::emoticon::is_nose(b[i]) {
            i += 1;
        }
        if i < b.len() && crate::emoticon::is_tokenizer_mouth(b[i]) {
            let e = i + 1;
            let after_ok = e >= b.len() || !is_ascii_alnum(b[e]) && b[e] != b'/';
            let before_ok = p == 0 || !is_ascii_alnum(b[p - 1]) || b[i] == b')' || b[i] == b'(';
            if after_ok && before_ok && !(b[i] == b'/' && b.get(e) == Some(&b'/')) {
                return Some(e);
            }
        }
        None
    }

    /// A token starting with an ASCII punctuation or symbol byte.
    fn ascii_punct(&self, p: usize) -> (usize, TokenKind) {
        use TokenKind::{Hashtag, Mention, Punct, Symbol, Word};
        let b = self.b;
        let n = b.len();
        let c = b[p];
        match c {
            b'.' => {
                if p + 1 < n && b[p + 1].is_ascii_digit() {
                    self.number(p)
                } else if let Some(e) = self.file_extension(p) {
                    (e, Word)
                } else {
                    (self.terminal_run(p), Punct)
                }
            }
            b'!' | b'?' => (self.terminal_run(p), Punct),
            b'\'' => {
                if let Some(e) = self.clitic_at(p, 1) {
                    return (e, Word);
                }
                // '72, '90s
                if p + 2 < n && b[p + 1].is_ascii_digit() && b[p + 2].is_ascii_digit() {
                    let mut e = p + 3;
                    if e < n && b[e] == b's' {
                        e += 1;
                    }
                    if self.is_boundary(e) {
                        return (e, Word);
                    }
                }
                (self.run_of(p, c), Punct)
            }
            // The emoticon eyes (`emoticon::EYES`).
            b':' | b';' | b'=' => match self.emoticon(p) {
                Some(e) => (e, Symbol),
                None if c == b'=' => (self.run_of(p, c), Symbol),
                None => (p + 1, Punct),
            },
            b'#' => {
                if let Some(e) = self.keycap(p) {
                    return (e, TokenKind::Emoji);
                }
                match self.tag_body(p + 1, true) {
                    Some(e) => (e, Hashtag),
                    None => (self.run_of(p, c), Punct),
                }
            }
            b'@' => match self.tag_body(p + 1, true) {
                Some(e) => (e, Mention),
                None => (p + 1, Symbol),
            },
            b'*' => match self.keycap(p) {
                Some(e) => (e, TokenKind::Emoji),
                None => (self.run_of(p, c), Punct),
            },
            b'`' => match self.clitic_at(p, 1) {
                Some(e) if e == p + 2 && b[p + 1] | 0x20 == b's' => (e, Word), // mama`s
                _ => (self.run_of(p, c), Punct),
            },
            b'+' if p + 1 < n && b[p + 1].is_ascii_digit() => {
                (self.number(p + 1).0, TokenKind::Number)
            }
            b'-' | b'_' | b'/' | b'\\' => (self.run_of(p, c), Punct),
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'"' | b',' => (p + 1, Punct),
            b'+' | b'<' | b'>' | b'^' | b'|' | b'~' => (self.run_of(p, c), Symbol),
            _ => (p + 1, Symbol), // $ % & and control characters
        }
    }

    /// The body of a `#hashtag` or `@mention` starting at `i`: word characters and `_`.
    /// A hashtag needs a letter (`#1` is not one).
    fn tag_body(&self, i: usize, need_letter: bool) -> Option<usize> {
        let b = self.b;
        let mut j = i;
        let mut letter = false;
        while j < b.len() {
            let c = b[j];
            if is_ascii_alnum(c) || c == b'_' {
                letter |= c.is_ascii_alphabetic();
                j += 1;
            } else if c >= 0x80 {
                let (ch, l) = decode(b, j);
                if !(is_word_char(ch) || is_segmented_script(ch)) {
                    break;
                }
                letter |= ch.is_alphabetic();
                j += l;
            } else {
                break;
            }
        }
        (j > i && (letter || !need_letter)).then_some(j)
    }

    /// A token starting with a non-ASCII, non-whitespace character.
    fn non_ascii(&mut self, p: usize) -> (usize, TokenKind) {
        let b = self.b;
        let (c, l) = decode(b, p);
        if is_segmented_script(c) {
            let mut i = p;
            while i < b.len() && b[i] >= 0x80 {
                let (ch, cl) = decode(b, i);
                if is_segmented_script(ch) || is_mark(ch) || is_joiner(ch) {
                    i += cl;
                } else {
                    break;
                }
            }
            self.seg_end = i;
            return self.segment(p);
        }
        if is_word_char(c) {
            return self.word(p);
        }
        if is_apostrophe(c) {
            if let Some(e) = self.clitic_at(p, l) {
                return (e, TokenKind::Word);
            }
        }
        let next_is_vs = b[p + l..].starts_with("\u{FE0F}".as_bytes());
        if is_emoji_base(c) || is_regional_indicator(c) || (is_text_pictograph(c) && next_is_vs) {
            return (self.emoji(p, c, l), TokenKind::Emoji);
        }
        if c == '\u{2026}' {
            return (self.terminal_run(p), TokenKind::Punct);
        }
        let mut e = p + l;
        if is_dash(c) {
            while b[e..].starts_with(&b[p..p + l]) {
                e += l;
            }
        } else if matches!(c, '\u{2018}'..='\u{201D}') {
            // Doubled curly quotes typed as one mark: ‘‘ ’’ ‘’ “”
            let single = matches!(c, '\u{2018}' | '\u{2019}');
            while e + 3 <= b.len() && b[e] == 0xE2 {
                let (c2, l2) = decode(b, e);
                let same_family = if single {
                    matches!(c2, '\u{2018}' | '\u{2019}')
                } else {
                    matches!(c2, '\u{201C}' | '\u{201D}')
                };
                if !same_family {
                    break;
                }
                e += l2;
            }
        }
        let kind = if is_unicode_punct(c) || is_dash(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        (self.absorb_marks(e), kind)
    }

    /// An emoji sequence starting with `c` (length `l`) at `p`: flags (two regional
    /// indicators), skin tones, variation selectors, keycaps, tags, ZWJ sequences.
    fn emoji(&self, p: usize, c: char, l: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let mut i = p + l;
        if is_regional_indicator(c) {
            if i < n && b[i] >= 0x80 {
                let (c2, l2) = decode(b, i);
                if is_regional_indicator(c2) {
                    i += l2;
                }
            }
            return self.absorb_marks(i);
        }
        while i < n && b[i] >= 0x80 {
            let (c2, l2) = decode(b, i);
            if is_emoji_extender(c2) {
                i += l2;
            } else if c2 == '\u{200D}' {
                let j = i + l2;
                if j < n && b[j] >= 0x80 {
                    let (c3, l3) = decode(b, j);
                    if is_emoji_base(c3) || is_text_pictograph(c3) {
                        i = j + l3;
                        continue;
                    }
                }
                break;
            } else {
                break;
            }
        }
        i
    }

    /// The next UAX #29 word in the current run of a script written without spaces.
    fn segment(&self, p: usize) -> (usize, TokenKind) {
        let run = &self.text[p..self.seg_end];
        let len = run.split_word_bounds().next().map_or(run.len(), str::len);
        let len = if len == 0 { run.len() } else { len };
        let first = decode(self.b, p).0;
        let kind = if first.is_alphanumeric() {
            TokenKind::Word
        } else if is_unicode_punct(first) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        (p + len, kind)
    }
}
