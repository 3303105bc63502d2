//! The sentence splitter: one forward pass over the chunks (runs of tokens without
//! whitespace between them), deciding at each gap whether a sentence ends there.

use std::sync::Arc;

/// Bytes that may start an emoticon (`:-)`, `;)`, `=)`, `8)`, `^^`, `-_-`, `<3`, `xD`).
use copydesk_tokenize::emoticon::SPLITTER_STARTS as EMOTICON_START;
use copydesk_tokenize::{Token, TokenKind, Tokenizer};

use crate::chunk::{self, Head, Marker, Start, Tail, WordShape};
use crate::layout::{self, Blocks, Gap};
use crate::lexicon::{self, Lexicon, MAX_KEY};
use crate::Sentence;

/// Splits text into sentences, working on the tokenizer's output.
///
/// The default is tuned for English news. Its abbreviation and title lists are data and
/// can be extended with [`add_abbreviation`](Self::add_abbreviation) and
/// [`add_title`](Self::add_title). Cheap to clone (the lists are shared until extended),
/// `Send + Sync`.
///
/// ```
/// use copydesk_sentences::SentenceSplitter;
/// let text = "Mr. Smith went to the U.S. He liked it.";
/// let s = SentenceSplitter::new().split_text(text);
/// let parts: Vec<&str> = s.iter().map(|s| s.text(text)).collect();
/// assert_eq!(parts, ["Mr. Smith went to the U.S.", "He liked it."]);
/// ```
#[derive(Clone, Debug)]
pub struct SentenceSplitter {
    lex: Arc<Lexicon>,
    tokenizer: Tokenizer,
    /// Take the fast path for plain word gaps (off only in tests that check it).
    fast: bool,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        Self {
            lex: lexicon::default_lexicon(),
            tokenizer: Tokenizer::default(),
            fast: true,
        }
    }
}

/// A chunk: tokens `first..=last` with no whitespace between them, spanning `start..end`.
#[derive(Clone, Copy, Debug)]
struct Chunk {
    /// Index of the chunk's first token.
    first: usize,
    start: usize,
    end: usize,
    /// The kind of the chunk's last token.
    last_kind: TokenKind,
}

impl Chunk {
    /// The empty chunk `0..0` (its text is `""`).
    const EMPTY: Chunk = Chunk {
        first: 0,
        start: 0,
        end: 0,
        last_kind: TokenKind::Punct,
    };
}

/// Iterates over the chunks of a token slice.
#[derive(Clone, Debug)]
struct Chunks<'a> {
    text: &'a str,
    tokens: &'a [Token],
    i: usize,
}

impl Iterator for Chunks<'_> {
    type Item = Chunk;

    #[inline(always)]
    fn next(&mut self) -> Option<Chunk> {
        let tokens = self.tokens;
        let first = *tokens.get(self.i)?;
        let mut end = first.end;
        let mut last_kind = first.kind;
        let mut i = self.i + 1;
        while let Some(t) = tokens.get(i) {
            if t.start > end && spaced(self.text, end, t.start) {
                break;
            }
            end = end.max(t.end);
            last_kind = t.kind;
            i += 1;
        }
        let chunk = Chunk {
            first: self.i,
            start: first.start,
            end,
            last_kind,
        };
        self.i = i;
        Some(chunk)
    }
}

impl Chunks<'_> {
    /// The chunk that ends just before token `first` (the first token of a chunk), or
    /// [`Chunk::EMPTY`] at the start. Scans back over that chunk's tokens: callers look
    /// back at most two chunks from a given chunk, so every token is scanned a bounded
    /// number of times.
    fn before(&self, first: usize) -> Chunk {
        let Some(last) = first.checked_sub(1) else {
            return Chunk::EMPTY;
        };
        let t = self.tokens;
        let mut j = last;
        while j > 0 && !(t[j].start > t[j - 1].end && spaced(self.text, t[j - 1].end, t[j].start)) {
            j -= 1;
        }
        Chunk {
            first: j,
            start: t[j].start,
            end: t[last].end,
            last_kind: t[last].kind,
        }
    }
}

/// Whether the gap `text[a..b]` between two tokens holds whitespace (it holds nothing
/// else, as tokens cover all other text).
#[inline(always)]
fn spaced(text: &str, a: usize, b: usize) -> bool {
    match text.as_bytes().get(a) {
        Some(c) if c.is_ascii() => c.is_ascii_whitespace(),
        _ => spaced_unicode(text, a, b),
    }
}

#[cold]
fn spaced_unicode(text: &str, a: usize, b: usize) -> bool {
    slice(text, a, b).chars().any(char::is_whitespace)
}

/// `text[a..b]`, or `""` when the range is not valid for `text` (never panics).
fn slice(text: &str, a: usize, b: usize) -> &str {
    text.get(a..b).unwrap_or("")
}

/// A run of chunks made only of dots (a spaced ellipsis `. . .`).
#[derive(Clone, Copy, Debug, Default)]
struct DotRun {
    dots: u32,
    chunks: u32,
}

/// Per-text state of one pass.
struct Pass<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    /// Alphanumeric chunks in the current sentence so far.
    sent_words: u32,
    /// The list marker expected next, when the current list is open.
    list: Option<Marker>,
    dot_run: DotRun,
    /// Start of the first chunk on the current line.
    line_first: usize,
    blocks: Blocks,
}

impl SentenceSplitter {
    /// A splitter with the default English-news lists.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an abbreviation (`"Gov"` or `"Gov."`): a period after it ends a sentence only
    /// when a typical sentence starter follows. Multi-period forms (`"Ph.D."`) work too.
    pub fn add_abbreviation(&mut self, abbr: &str) {
        if let Some(key) = lexicon::entry_key(abbr) {
            Arc::make_mut(&mut self.lex).abbreviations.insert(key);
        }
    }

    /// Adds a title written before names (`"Gov"` or `"Gov."`): a period after it, when
    /// capitalized, never ends a sentence.
    pub fn add_title(&mut self, title: &str) {
        if let Some(key) = lexicon::entry_key(title) {
            Arc::make_mut(&mut self.lex).titles.insert(key);
        }
    }

    /// Tokenizes `text` with the default tokenizer and splits it into sentences.
    pub fn split_text(&self, text: &str) -> Vec<Sentence> {
        let tokens = self.tokenizer.tokenize(text);
        self.split(text, &tokens)
    }

    /// Splits `text` into sentences. `tokens` must be the tokenizer's output for `text`
    /// (ordered, non-overlapping byte spans). Every token lands in exactly one sentence,
    /// in order; a sentence spans its first token's start to its last token's end.
    pub fn split(&self, text: &str, tokens: &[Token]) -> Vec<Sentence> {
        let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
        let mut chunks = Chunks { text, tokens, i: 0 };
        let Some(mut cur) = chunks.next() else {
            return out;
        };
        let mut pass = Pass {
            text,
            lex: &self.lex,
            sent_words: 0,
            list: None,
            dot_run: DotRun::default(),
            line_first: cur.start,
            blocks: Blocks::default(),
        };
        pass.blocks.reset(cur.start);
        let mut sent_start = cur.start;
        loop {
            let next = chunks.next();
            if let Some(n) = next {
                if self.fast && pass.plain_gap(cur, n) {
                    // Fast path: a plain word, one space, a plain word. No rule can
                    // end a sentence here (and the chunk is no list marker).
                    if pass.sent_words == 0 {
                        pass.list = None;
                    }
                    pass.sent_words += 1;
                    pass.dot_run = DotRun::default();
                    cur = n;
                    continue;
                }
            }
            let ctext = slice(text, cur.start, cur.end);
            let tail = chunk::tail(ctext);
            let prev_words = pass.sent_words;
            if has_alphanumeric(ctext) {
                if prev_words == 0 {
                    pass.list = chunk::marker(ctext).map(|m| Marker {
                        value: m.value + 1,
                        ..m
                    });
                }
                pass.sent_words += 1;
            }
            if tail.dots_only {
                pass.dot_run.dots += tail.dots;
                pass.dot_run.chunks += 1;
            } else {
                pass.dot_run = DotRun::default();
            }
            let Some(n) = next else {
                out.push(Sentence {
                    start: sent_start,
                    end: cur.end,
                });
                break;
            };
            let gap = layout::gap(slice(text, cur.end, n.start));
            let ntext = slice(text, n.start, n.end);
            let head = chunk::head(ntext);
            if pass.decide(cur, &tail, prev_words, gap, n, &head, ntext, &chunks) {
                out.push(Sentence {
                    start: sent_start,
                    end: cur.end,
                });
                sent_start = n.start;
                pass.sent_words = 0;
            }
            if gap.breaks > 0 || gap.blank {
                pass.line_first = n.start;
                if gap.blank {
                    pass.blocks.reset(n.start);
                }
            }
            cur = n;
        }
        out
    }
}

/// Whether a chunk of `len` bytes from `first` to `last` is `AM`, `PM`, `am` or `pm`.
#[inline]
fn is_am_pm(len: usize, first: u8, last: u8) -> bool {
    let w = u16::from_le_bytes([first, last]);
    let is = |s: &[u8; 2]| w == u16::from_le_bytes(*s);
    (len == 2) & (is(b"AM") | is(b"PM") | is(b"am") | is(b"pm"))
}

/// Whether `s` holds a letter or digit (ASCII checked first).
fn has_alphanumeric(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphanumeric())
        || (!s.is_ascii() && s.chars().any(char::is_alphanumeric))
}

impl Pass<'_> {
    /// The common case where no rule can end a sentence: `cur` is a word or number
    /// chunk ending in a letter, digit, `,`, `;` or `%` (no final punctuation, not a
    /// separator, address or time stamp), is not an emoticon, one plain space follows,
    /// and the next chunk starts with an ASCII character that cannot open a bullet,
    /// separator or date, with no list open. Addresses are recognised by token kind here.
    #[inline]
    fn plain_gap(&self, cur: Chunk, next: Chunk) -> bool {
        let bytes = self.text.as_bytes();
        let c = bytes.get(cur.start..cur.end).unwrap_or_default();
        let (Some(&last), Some(&first)) = (c.last(), c.first()) else {
            return false;
        };
        let Some(&nfirst) = bytes.get(next.start) else {
            return false;
        };
        next.start == cur.end + 1
            && bytes.get(cur.end) == Some(&b' ')
            && (last.is_ascii_alphanumeric()
                || (matches!(last, b',' | b';' | b'%') && first.is_ascii_alphanumeric()))
            && (nfirst.is_ascii_alphabetic()
                || matches!(nfirst, b'"' | b'\'' | b'(' | b'$')
                || (nfirst.is_ascii_digit()
                    && !slice(self.text, next.start, next.end).contains('/')))
            && matches!(
                cur.last_kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Punct | TokenKind::Symbol
            )
            && (self.list.is_none() || self.sent_words == 0)
            // Word lengths are irregular: these two tests are combined without branches.
            && !is_am_pm(c.len(), first, last) & ((c.len() > 4) | !EMOTICON_START[usize::from(first)])
    }

    /// Whether a sentence ends in the gap between chunk `cur` and chunk `next`.
    #[allow(clippy::too_many_arguments)]
    fn decide(
        &mut self,
        cur: Chunk,
        tail: &Tail<'_>,
        prev_words: u32,
        gap: Gap,
        next: Chunk,
        head: &Head<'_>,
        ntext: &str,
        after: &Chunks<'_>,
    ) -> bool {
        if gap.blank {
            return true;
        }
        if !gap.space {
            return false;
        }
        // A bullet or the next list marker starts an item, unless the current sentence
        // holds nothing but a bullet.
        let has_words = self.sent_words > 0;
        if has_words && head.start == Start::Bullet {
            return true;
        }
        if has_words
            && gap.breaks > 0
            && matches!(ntext, "-" | "*" | "+" | "\u{2013}" | "\u{2014}")
            && (tail.terminal() || tail.last == ':' || self.line_is_short(cur, next))
        {
            // A dash or star opening a line is a bullet, unless the line break is one
            // of a hard-wrapped paragraph.
            return true;
        }
        if let Some(expected) = self.list {
            if has_words && chunk::marker(ntext) == Some(expected) {
                return true;
            }
        }
        let ctext = slice(self.text, cur.start, cur.end);
        if chunk::is_separator(ctext) {
            return true;
        }
        if has_words && chunk::is_separator(ntext) {
            return true;
        }
        if chunk::is_emoticon(ctext) {
            return has_words && head.start != Start::Cont;
        }
        if self.web_text_ends(cur, ctext, head, ntext, after) {
            return true;
        }
        if !tail.terminal() {
            return gap.breaks > 0 && self.line_break_ends(cur, tail, next, head);
        }
        match head.start {
            Start::Cont => return false,
            Start::Dots => {
                if tail.dots_only || tail.closed || tail.word.is_empty() {
                    return false;
                }
                if tail.bang && tail.dots == 0 {
                    // `food? ... Some help`
                    return true;
                }
                if tail.bang || tail.dots != 1 {
                    return false;
                }
                // `compounds. . . . The`: the period ends the sentence, the ellipsis
                // opens the next one.
                return self.ellipsis_after_period(chunk::tail(ntext).dots, after);
            }
            _ => {}
        }
        if tail.bang {
            return match head.start {
                Start::Lower => {
                    // `Yahoo! in`, `Jeopardy! host`: a single `!` closing a name.
                    let name_like = !tail.question
                        && tail.bangs == 1
                        && prev_words > 0
                        && is_title_case(tail.word);
                    !tail.closed && !name_like
                }
                _ => true,
            };
        }
        let (dots, spaced) = if tail.dots_only {
            (self.dot_run.dots, self.dot_run.chunks > 1)
        } else {
            (tail.dots, false)
        };
        if dots >= 2 {
            if tail.bracketed {
                return false;
            }
            return match head.start {
                Start::Upper | Start::Digit => !(spaced && dots == 3),
                _ => false,
            };
        }
        let line_end = gap.breaks > 0 && self.line_is_short(cur, next);
        self.period_ends(tail, prev_words, line_end, head)
    }

    /// Web and e-mail text: a web or e-mail address (or a `>>` attachment mark) followed
    /// by a capitalized word; the end of a mail header time stamp (`01/19/2001 07:24 AM`);
    /// the start of one after a name.
    fn web_text_ends(
        &self,
        cur: Chunk,
        ctext: &str,
        head: &Head<'_>,
        ntext: &str,
        after: &Chunks<'_>,
    ) -> bool {
        let capital = matches!(head.start, Start::Upper | Start::Digit);
        if !capital {
            return false;
        }
        if head.start == Start::Upper
            && (matches!(cur.last_kind, TokenKind::Url | TokenKind::Email)
                || chunk::is_address(ctext)
                || ctext.ends_with(">>"))
        {
            return true;
        }
        let text = self.text;
        let chunk_text = |c: Chunk| slice(text, c.start, c.end);
        if matches!(ctext, "AM" | "PM" | "am" | "pm") && {
            // The two chunks before (time stamps: `01/19/2001 07:24 AM`).
            let clock = after.before(cur.first);
            chunk::is_clock(chunk_text(clock))
                && chunk::is_date(chunk_text(after.before(clock.first)))
        } {
            // Not before a time zone (`PDT`, `EST`).
            let zone = ntext.len() <= 4 && ntext.chars().all(|c| c.is_ascii_uppercase());
            return !zone;
        }
        if head.start == Start::Digit
            && chunk::is_date(ntext)
            && ctext.ends_with(|c: char| c.is_alphanumeric())
            && !ctext.starts_with(char::is_lowercase)
        {
            return chunk::is_clock(chunk_text(after.clone().next().unwrap_or(Chunk::EMPTY)));
        }
        false
    }

    /// A single period at the end of `tail`: does it end the sentence?
    /// `line_end`: a line break follows that is not one inside a hard-wrapped paragraph.
    fn period_ends(
        &self,
        tail: &Tail<'_>,
        prev_words: u32,
        line_end: bool,
        head: &Head<'_>,
    ) -> bool {
        if tail.closed && head.start == Start::Lower {
            return false;
        }
        let word = tail.word;
        let mut buf = [0u8; MAX_KEY * 2];
        let key = lexicon::lower_key(word, &mut buf).unwrap_or("");
        let shape = chunk::shape(word);
        if !key.is_empty() && word.starts_with(char::is_uppercase) && self.lex.titles.contains(key)
        {
            return false;
        }
        let abbreviation = matches!(shape, WordShape::Initial | WordShape::Dotted)
            || (!key.is_empty() && self.lex.abbreviations.contains(key));
        if head.start == Start::Digit
            && (abbreviation || (!key.is_empty() && self.lex.numeric.contains(key)))
        {
            return false;
        }
        if shape == WordShape::Number && prev_words == 0 {
            // A list marker (`1.`) opening the sentence.
            return false;
        }
        if !abbreviation {
            return true;
        }
        match head.start {
            Start::Upper => line_end || (prev_words >= 3 && self.lex.starters.contains(head.word)),
            Start::Other => line_end,
            _ => false,
        }
    }

    /// After a word and a period comes an ellipsis (`dots` so far, continued by the
    /// chunks of `after`): does the period end the sentence? It does when the ellipsis
    /// has three dots and text follows it.
    fn ellipsis_after_period(&self, mut dots: u32, after: &Chunks<'_>) -> bool {
        for c in after.clone() {
            let t = slice(self.text, c.start, c.end);
            let h = chunk::head(t);
            if h.start == Start::Dots {
                dots += chunk::tail(t).dots;
                continue;
            }
            return dots == 3 && !matches!(h.start, Start::Cont);
        }
        false
    }

    /// A line break after a chunk without final punctuation: a sentence ends when the
    /// line is short (headline, caption, byline), not inside a hard-wrapped paragraph.
    fn line_break_ends(
        &mut self,
        cur: Chunk,
        tail: &Tail<'_>,
        next: Chunk,
        head: &Head<'_>,
    ) -> bool {
        if head.start == Start::Cont {
            return false;
        }
        if matches!(
            tail.last,
            ',' | ';' | '&' | '/' | '(' | '-' | '\u{2013}' | '\u{2014}'
        ) {
            return false;
        }
        self.line_is_short(cur, next) || self.line_is_headline(cur, next)
    }

    /// The line ending with `cur` is short for its block: the first chunk of the next
    /// line (`next`) would have fitted on it, so the break is not a hard wrap.
    fn line_is_short(&mut self, cur: Chunk, next: Chunk) -> bool {
        let width = self.blocks.width(self.text);
        let line_len = cur.end.saturating_sub(self.line_first);
        let next_len = next.end.saturating_sub(next.start);
        layout::short_line(line_len, next_len, width)
    }

    /// The line ending with `cur` is written in capitals (a wire-service headline) and
    /// the next line, starting with `next`, is not.
    fn line_is_headline(&self, cur: Chunk, next: Chunk) -> bool {
        let line = slice(self.text, self.line_first, cur.end);
        let mut upper = 0;
        for c in line.chars() {
            if c.is_lowercase() {
                return false;
            }
            upper += usize::from(c.is_uppercase());
        }
        let rest = self.text.get(next.start..).unwrap_or("");
        let next_line = rest.split('\n').next().unwrap_or("");
        upper >= 4 && next_line.chars().any(char::is_lowercase)
    }
}

/// A capitalized word with lower-case letters after its first (`Yahoo`, not `OUT`).
fn is_title_case(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.clone().any(char::is_lowercase)
        && !cs.any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn both(text: &str) -> (Vec<Sentence>, Vec<Sentence>) {
        let fast = SentenceSplitter::new();
        let slow = SentenceSplitter {
            fast: false,
            ..SentenceSplitter::new()
        };
        (fast.split_text(text), slow.split_text(text))
    }

    #[test]
    fn fast_path_agrees_on_examples() {
        for text in [
            "The U.S. economy grew. He said so at 9 a.m. on Monday.",
            "Kay Mann 04/26/2001 07:17 AM Will you come? See http://x.org Then go.",
            "1. First item 2. Second item, as planned; 3. third",
            "It is an AM radio. I am here :) Next one.",
        ] {
            let (f, s) = both(text);
            assert_eq!(f, s, "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The fast path never changes the result.
        #[test]
        fn fast_path_agrees(words in prop::collection::vec(prop_oneof![
            Just("the"), Just("U.S."), Just("said."), Just("AM"), Just("is"), Just("1."),
            Just("2."), Just("a."), Just("b)"), Just(":)"), Just("Mr."), Just("He"),
            Just("01/19/2001"), Just("07:24"), Just("x@y.com"), Just("http://a.b/c"),
            Just("-----"), Just("\u{2022}"), Just("3,"), Just("word;"), Just("\"Quote"),
            Just("end.\""), Just("(aside)"), Just("$5"), Just("50%"), Just("..."),
        ], 0..40), seps in prop::collection::vec(prop_oneof![
            Just(" "), Just(" "), Just(" "), Just("\n"), Just("\n\n"), Just("  "),
        ], 40)) {
            let mut text = String::new();
            for (w, s) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(s);
            }
            let (f, s) = both(&text);
            prop_assert_eq!(f, s, "{:?}", text);
        }
    }
}
