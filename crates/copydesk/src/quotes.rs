//! Direct quotations and their speakers.
//!
//! 1. **Quotation marks are paired** in one pass over the tokens: curly `“ ”`, `« »`,
//!    `„`, straight `"` (opening or closing decided by the characters around it), and
//!    single `‘ ’` / `'` (an apostrophe never opens: it must follow a space and precede a
//!    letter). A quotation never crosses a line break, except the newspaper convention of
//!    a quote running over several paragraphs: an unclosed quotation at the end of a
//!    paragraph whose next paragraph opens with a quotation mark. Quotations inside
//!    another quotation are not speech of their own.
//! 2. **Attribution** looks at the words after the closing mark, up to the end of the
//!    sentence (`"…," Tillerson said`, `"…," said Maria Gonzalez`, `"…," he told
//!    reporters`, `"…", according to the ministry`), then at the words before the opening
//!    mark from the start of the sentence (`He said: "…"`, `Solberg said the deal was
//!    "…"`, `Greenpeace called the agreement "…"`). A cue is a word or phrase from
//!    `data/cues.tsv`. The speaker is the entity (a person first) or pronoun that is the
//!    cue's subject, or the name right after an inverted cue; failing both, the few words
//!    there ("a spokesman") become the speaker's name without an entity.
//! 3. **A quotation without a cue of its own** continues the previous attributed one when
//!    nothing but its attribution separates them in the same paragraph (`"…," he said.
//!    "…"`), or when it is the first part of a quote running over paragraphs. Otherwise it
//!    is not speech: scare quotes in headlines and quoted terms are left out.
//! 4. **Pronouns** (`he said`) resolve to the most recent person mentioned outside
//!    quotations whose gender (from a title, a given name or its group) does not
//!    contradict the pronoun; `it said` to the most recent organisation.
//!
//! Every step looks at a bounded window around each quotation mark, so the whole is
//! linear in the length of the text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use copydesk_entities::{Entity as RawEntity, Label};
use copydesk_tokenize::{Token, TokenKind};
use copydesk_tone::Tone;

use crate::aliases::Grouping;
use crate::lexicon::{self, CueKind, Gender, Pronoun};

/// A direct quotation in a [`crate::Document`] and who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Byte offset of the first quoted character (after the opening mark).
    pub start: usize,
    /// Byte offset one past the last quoted character (before the closing mark; a comma
    /// that only separates the quotation from its attribution is left out).
    pub end: usize,
    /// Index into `Document::entities` of the speaker: the mention at the attribution, or
    /// for a pronoun the person it refers to. `None` when the speaker is not a tagged entity.
    pub speaker: Option<usize>,
    /// Byte span of the words naming the speaker at the attribution (`he`, `Ms Solberg`,
    /// `a spokesman`), if any.
    pub speaker_span: Option<(usize, usize)>,
    /// The speaker's name: the canonical name of the speaker entity, else the words of
    /// `speaker_span` (never a bare pronoun).
    pub speaker_name: Option<String>,
    /// The cue as written, lowercased (`"said"`, `"told"`, `"according to"`).
    pub cue: String,
    /// The tone of the quoted words (all zero when the tone scorer is off).
    pub tone: Tone,
    /// Index of the sentence holding the start of the quotation.
    pub sentence: usize,
}

impl Quote {
    /// The quoted words, sliced from the document's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A found quotation and its token range (for scoring its tone).
pub(crate) struct Found {
    pub quote: Quote,
    pub tokens: Range<usize>,
}

/// How many tokens a quotation may hold: a guard for unbalanced marks in long texts.
const MAX_QUOTE_TOKENS: usize = 800;
/// Window after the closing mark.
const AFTER_WINDOW: usize = 24;
/// Window before the opening mark.
const BEFORE_WINDOW: usize = 48;
/// Tokens allowed between the closing mark and the cue (`"…," Garn, a member of the
/// Banking Committee, said`).
const MAX_SUBJECT_WORDS: usize = 14;
/// Persons looked at when resolving a pronoun.
const MAX_ANTECEDENT_STEPS: usize = 40;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// Whether a token is a quotation mark: `(double?, mark)`.
fn classify(tok: &str) -> Option<(bool, Mark)> {
    Some(match tok {
        "“" | "„" | "«" | "``" => (true, Mark::Open),
        "”" | "»" | "''" => (true, Mark::Close),
        "\"" | "＂" => (true, Mark::Either),
        "‘" => (false, Mark::Open),
        "’" => (false, Mark::Close),
        "'" => (false, Mark::Either),
        _ => return None,
    })
}

fn is_mark_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

struct Ctx {
    opening: bool,
    closing: bool,
    next_alnum: bool,
}

fn context(text: &str, t: &Token) -> Ctx {
    let prev = text.get(..t.start).and_then(|s| s.chars().next_back());
    let next = text.get(t.end..).and_then(|s| s.chars().next());
    let opening = prev.is_none_or(|c| {
        c.is_whitespace()
            || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
            || is_mark_char(c)
    });
    let closing = next.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
            )
            || is_mark_char(c)
    });
    Ctx {
        opening,
        closing,
        next_alnum: next.is_some_and(char::is_alphanumeric),
    }
}

fn line_break_before(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && i < tokens.len()
        && text
            .get(tokens[i - 1].end..tokens[i].start)
            .is_some_and(|gap| gap.contains('\n'))
}

/// A paired quotation: mark token indices and whether it runs on into the next paragraph.
#[derive(Clone, Copy)]
struct Span {
    open: usize,
    /// Index of the closing mark, or of the first token after the quotation when `continued`.
    close: usize,
    continued: bool,
}

/// Pairs quotation marks (step 1 of the module docs); spans sorted, none inside another.
fn pair_marks(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut dopen: Option<usize> = None;
    let mut sopen: Option<usize> = None;
    let mut singles: Vec<Span> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let kind = if t.kind == TokenKind::Punct || t.kind == TokenKind::Symbol {
            classify(t.text(text))
        } else {
            None
        };
        if line_break_before(text, tokens, i) {
            sopen = None;
            if let Some(o) = dopen.take() {
                let ctx = context(text, t);
                let reopens = matches!(kind, Some((true, Mark::Open)))
                    || (matches!(kind, Some((true, Mark::Either))) && ctx.opening && !ctx.closing);
                if reopens && i > o + 1 {
                    out.push(Span {
                        open: o,
                        close: i,
                        continued: true,
                    });
                }
            }
        }
        if dopen.is_some_and(|o| i - o > MAX_QUOTE_TOKENS) {
            dopen = None;
        }
        if sopen.is_some_and(|o| i - o > MAX_QUOTE_TOKENS) {
            sopen = None;
        }
        let Some((double, mark)) = kind else { continue };
        let ctx = context(text, t);
        if double {
            match (mark, dopen) {
                (Mark::Open, _) => dopen = Some(i),
                (Mark::Close, Some(o)) => {
                    out.push(Span {
                        open: o,
                        close: i,
                        continued: false,
                    });
                    dopen = None;
                }
                (Mark::Close, None) => {}
                (Mark::Either, Some(o)) => {
                    if ctx.opening && !ctx.closing {
                        dopen = Some(i);
                    } else {
                        out.push(Span {
                            open: o,
                            close: i,
                            continued: false,
                        });
                        dopen = None;
                    }
                }
                (Mark::Either, None) => {
                    if !ctx.closing || ctx.opening {
                        dopen = Some(i);
                    }
                }
            }
        } else {
            let opens = ctx.opening && !ctx.closing && (mark == Mark::Open || ctx.next_alnum);
            let closes = ctx.closing && !ctx.opening && mark != Mark::Open;
            if closes {
                if let Some(o) = sopen.take() {
                    singles.push(Span {
                        open: o,
                        close: i,
                        continued: false,
                    });
                }
            } else if opens {
                sopen = Some(i);
            }
        }
    }
    if !singles.is_empty() {
        out.extend(singles);
        out.sort_by_key(|s| (s.open, std::cmp::Reverse(s.close)));
    }
    // Drop quotations inside another one.
    let mut kept: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        if kept.last().is_some_and(|k| s.open < k.close) {
            continue;
        }
        kept.push(s);
    }
    kept
}

/// Who is speaking, as found at an attribution.
#[derive(Clone, Default)]
struct Speaker {
    entity: Option<usize>,
    span: Option<(usize, usize)>,
    name: Option<String>,
}

#[derive(Clone)]
struct Attribution {
    speaker: Speaker,
    cue: String,
}

/// What the finder needs to know about the document.
struct Doc<'a> {
    text: &'a str,
    tokens: &'a [Token],
    entities: &'a [RawEntity],
    grouping: &'a Grouping,
    /// Per entity: inside a quotation.
    in_quote: Vec<bool>,
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

fn is_boundary(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | ";" | "…")
}

impl Doc<'_> {
    fn tok(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    fn label(&self, e: usize) -> Label {
        match self.grouping.group_of[e] {
            Some(g) => self.grouping.groups[g].label,
            None => self.entities[e].label,
        }
    }

    /// The cue starting at token `j` (within `j..end`): its length in tokens and kind.
    fn cue_at(&self, j: usize, end: usize) -> Option<(usize, CueKind)> {
        let t = &self.tokens[j];
        if !is_word(t) || t.len() > 24 {
            return None;
        }
        // "so-called", "well-said": a hyphenated word is not a cue.
        if self.text.get(..t.start).is_some_and(|s| s.ends_with('-'))
            || self.text.get(t.end..).is_some_and(|s| s.starts_with('-'))
        {
            return None;
        }
        let mut buf = String::new();
        let first = lexicon::lower(t.text(self.text), &mut buf);
        for cue in lexicon::cues(first) {
            let n = 1 + cue.rest.len();
            if j + n > end {
                continue;
            }
            let ok = cue.rest.iter().enumerate().all(|(k, w)| {
                let u = self.tok(j + 1 + k);
                u.eq_ignore_ascii_case(w)
            });
            if ok {
                return Some((n, cue.kind));
            }
        }
        None
    }

    fn cue_text(&self, j: usize, n: usize) -> String {
        let words: Vec<String> = (j..j + n).map(|k| self.tok(k).to_lowercase()).collect();
        words.join(" ")
    }

    /// Entities lying within byte range `lo..hi`.
    fn entities_in(&self, lo: usize, hi: usize) -> Range<usize> {
        let a = self.entities.partition_point(|e| e.start < lo);
        let b = self.entities.partition_point(|e| e.start < hi);
        let mut b2 = a;
        while b2 < b && self.entities[b2].end <= hi {
            b2 += 1;
        }
        a..b2
    }

    fn is_name_entity(&self, e: usize) -> bool {
        matches!(
            self.label(e),
            Label::Per | Label::Org | Label::Loc | Label::Misc
        )
    }

    fn named(&self, e: usize, span: (usize, usize)) -> Speaker {
        Speaker {
            entity: Some(e),
            span: Some(span),
            name: Some(self.grouping.canonical[e].clone()),
        }
    }

    /// The speaker among tokens `lo..hi`: a person entity, else a pronoun, else another
    /// name; `nearest_last` prefers the one closest to `hi`.
    fn speaker_in(&self, lo: usize, hi: usize, nearest_last: bool) -> Option<Speaker> {
        if lo >= hi {
            return None;
        }
        let (blo, bhi) = (self.tokens[lo].start, self.tokens[hi - 1].end);
        let ents = self.entities_in(blo, bhi);
        let mut person: Option<usize> = None;
        let mut other: Option<usize> = None;
        for e in ents.clone() {
            if !self.is_name_entity(e) {
                continue;
            }
            let slot = if self.label(e) == Label::Per {
                &mut person
            } else {
                &mut other
            };
            if slot.is_none() || nearest_last {
                *slot = Some(e);
            }
        }
        let mut pronoun: Option<usize> = None;
        for k in lo..hi {
            if lexicon::pronoun(self.tok(k)).is_some() {
                pronoun = Some(k);
                if !nearest_last {
                    break;
                }
            }
        }
        let entity_speaker = |e: usize| {
            let x = &self.entities[e];
            self.named(e, (x.start, x.end))
        };
        match (person, pronoun) {
            (Some(e), Some(p)) => {
                let e_first = self.entities[e].start < self.tokens[p].start;
                return Some(if e_first != nearest_last {
                    entity_speaker(e)
                } else {
                    self.resolve_pronoun(p)
                });
            }
            (Some(e), None) => return Some(entity_speaker(e)),
            (None, Some(p)) => return Some(self.resolve_pronoun(p)),
            (None, None) => {}
        }
        other.map(entity_speaker)
    }

    /// A short noun phrase of tokens `lo..hi` as a speaker name (`a spokesman`), if it
    /// looks like one: at most `max` words, no punctuation but abbreviation periods.
    fn phrase(&self, lo: usize, hi: usize, max: usize) -> Option<Speaker> {
        if lo >= hi || hi - lo > max {
            return None;
        }
        if (lo..hi).any(|k| !matches!(self.tokens[k].kind, TokenKind::Word | TokenKind::Number)) {
            return None;
        }
        let first = self.tok(lo);
        let det = matches!(
            first.to_ascii_lowercase().as_str(),
            "a" | "an" | "the" | "one" | "his" | "her" | "their" | "its" | "another"
        );
        if !det && !first.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let span = (self.tokens[lo].start, self.tokens[hi - 1].end);
        Some(Speaker {
            entity: None,
            span: Some(span),
            name: self.text.get(span.0..span.1).map(str::to_owned),
        })
    }

    /// The speaker right after an inverted cue at token `p` (`said Sen. Robert Kline`).
    fn speaker_after(&self, p: usize, end: usize) -> Option<Speaker> {
        if p >= end {
            return None;
        }
        if lexicon::pronoun(self.tok(p)).is_some() {
            return Some(self.resolve_pronoun(p));
        }
        // The phrase runs to the next punctuation (abbreviations are words).
        let mut q = p;
        while q < end
            && q - p < 8
            && matches!(self.tokens[q].kind, TokenKind::Word | TokenKind::Number)
        {
            q += 1;
        }
        // An entity starting within the first words (after titles and determiners).
        let mut k = p;
        while k < q && k - p < 4 {
            let ents = self.entities_in(self.tokens[k].start, self.tokens[q - 1].end);
            if let Some(e) = ents
                .clone()
                .find(|&e| self.entities[e].start == self.tokens[k].start && self.is_name_entity(e))
            {
                let x = &self.entities[e];
                return Some(self.named(e, (x.start, x.end)));
            }
            let w = self.tok(k);
            let skippable = lexicon::title(w).is_some()
                || matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the");
            if !skippable {
                break;
            }
            k += 1;
        }
        self.phrase(p, q.min(p + 6), 6)
    }

    /// A pronoun speaker resolved to the most recent fitting person outside quotations.
    fn resolve_pronoun(&self, p: usize) -> Speaker {
        let t = &self.tokens[p];
        let mut sp = Speaker {
            entity: None,
            span: Some((t.start, t.end)),
            name: None,
        };
        let (want, gender) = match lexicon::pronoun(t.text(self.text)) {
            Some(Pronoun::Singular(g)) => (Label::Per, Some(g)),
            Some(Pronoun::It) => (Label::Org, None),
            _ => return sp,
        };
        let mut k = self.entities.partition_point(|e| e.start < t.start);
        let mut steps = 0;
        while k > 0 && steps < MAX_ANTECEDENT_STEPS {
            k -= 1;
            if self.label(k) != want || self.in_quote[k] {
                continue;
            }
            steps += 1;
            let g: Option<Gender> = self.grouping.group_of[k].and_then(|g| self.grouping.gender[g]);
            if gender.is_none() || g.is_none_or(|g| Some(g) == gender) {
                sp.entity = Some(k);
                sp.name = Some(self.grouping.canonical[k].clone());
                return sp;
            }
        }
        sp
    }

    /// Attribution from the words after the closing mark (`"…," he said`). `end` ends
    /// the window; `at_boundary` says whether it stops at a sentence end (not at the next
    /// quotation).
    fn after(&self, close: usize, end: usize, at_boundary: bool) -> Option<Attribution> {
        // After a quotation that ends its own sentence ("…win!" Solberg said the deal…),
        // a capitalised word may start a new sentence: only a short clause ending the
        // sentence ("Solberg said.", "Tillerson told reporters.") is an attribution.
        let terminal = close > 0 && matches!(self.tok(close - 1), "." | "!" | "?" | "…");
        let capital = self.tokens.get(close + 1).is_some_and(|t| {
            let w = t.text(self.text);
            w.chars().next().is_some_and(char::is_uppercase) && lexicon::pronoun(w).is_none()
        });
        let strict = terminal && capital;
        let mut a = close + 1;
        while a < end && matches!(self.tok(a), "," | "—" | "–" | "-" | "(") {
            a += 1;
        }
        let mut j = a;
        while j < end && j - a <= MAX_SUBJECT_WORDS {
            if let Some((n, kind)) = self.cue_at(j, end) {
                let cue = self.cue_text(j, n);
                if strict {
                    let rest = (j + n..end).filter(|&k| is_word(&self.tokens[k])).count();
                    if !at_boundary || rest > 4 {
                        return None;
                    }
                }
                let speaker = match kind {
                    CueKind::Frame => return None,
                    CueKind::Source => self.speaker_after(j + n, end),
                    _ if j == a => {
                        if cue.ends_with("ing") {
                            return None; // "…", adding that…: the subject is before the quote.
                        }
                        if kind == CueKind::Speech {
                            self.speaker_after(j + n, end)
                        } else {
                            None
                        }
                    }
                    // Words between the quotation and the cue must name the speaker
                    // ("…" and rejected claims that…: "claims" is a noun there).
                    _ => Some(
                        self.speaker_in(a, j, false)
                            .or_else(|| self.phrase(a, j, 10))?,
                    ),
                };
                return Some(Attribution {
                    speaker: speaker.unwrap_or_default(),
                    cue,
                });
            }
            j += 1;
        }
        None
    }

    /// Attribution from the words before the opening mark (`He said: "…"`).
    fn before(&self, lo: usize, open: usize) -> Option<Attribution> {
        let mut j = open;
        while j > lo {
            j -= 1;
            let Some((n, kind)) = self.cue_at(j, open) else {
                continue;
            };
            let cue = self.cue_text(j, n);
            let speaker = match kind {
                CueKind::Source => self.speaker_after(j + n, open),
                _ => self
                    .speaker_in(lo, j, true)
                    .or_else(|| {
                        if kind == CueKind::Speech {
                            self.speaker_after(j + n, open)
                        } else {
                            None
                        }
                    })
                    .or_else(|| {
                        let mut s = j;
                        while s > lo && j - s < 6 && self.tokens[s - 1].kind == TokenKind::Word {
                            s -= 1;
                        }
                        self.phrase(s, j, 6)
                    }),
            };
            return Some(Attribution {
                speaker: speaker.unwrap_or_default(),
                cue,
            });
        }
        None
    }
}

/// Finds the direct quotations of a document; see the module docs.
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    sentence_starts: &[usize],
    entities: &[RawEntity],
    grouping: &Grouping,
) -> Vec<Found> {
    let spans = pair_marks(text, tokens);
    if spans.is_empty() {
        return Vec::new();
    }
    // Entities inside quotations (not antecedents of "he said").
    let mut in_quote = vec![false; entities.len()];
    let mut si = 0;
    for (k, e) in entities.iter().enumerate() {
        while si < spans.len() && tokens[spans[si].close].start <= e.start {
            si += 1;
        }
        if let Some(s) = spans.get(si) {
            in_quote[k] = tokens[s.open].end <= e.start;
        }
    }
    let doc = Doc {
        text,
        tokens,
        entities,
        grouping,
        in_quote,
    };
    let mut attrs: Vec<Option<Attribution>> = Vec::with_capacity(spans.len());
    for (qi, s) in spans.iter().enumerate() {
        if s.continued {
            attrs.push(None);
            continue;
        }
        // After the closing mark: up to the sentence end, a line break or the next quote.
        let next_open = spans.get(qi + 1).map_or(tokens.len(), |n| n.open);
        let mut end = s.close + 1;
        while end < tokens.len()
            && end < next_open
            && end - s.close <= AFTER_WINDOW
            && !line_break_before(text, tokens, end)
            && !is_boundary(doc.tok(end))
        {
            end += 1;
        }
        // Before the opening mark: back to the sentence start, a line break or the last quote.
        let prev_close = if qi > 0 { spans[qi - 1].close + 1 } else { 0 };
        let mut lo = s.open;
        while lo > prev_close
            && s.open - lo < BEFORE_WINDOW
            && !line_break_before(text, tokens, lo)
            && !is_boundary(doc.tok(lo - 1))
        {
            lo -= 1;
        }
        let at_boundary = end >= tokens.len() || end < next_open;
        let attr = doc
            .after(s.close, end, at_boundary)
            .or_else(|| doc.before(lo, s.open));
        attrs.push(attr);
    }
    // Step 3: continuations. Forward: a quote with no cue continues the previous attributed
    // one in the same paragraph when no other person is named in between.
    for qi in 1..spans.len() {
        if attrs[qi].is_some() {
            continue;
        }
        let (p, q) = (spans[qi - 1], spans[qi]);
        let Some(prev) = attrs[qi - 1].clone() else {
            continue;
        };
        let joined =
            p.continued || !(p.close + 1..=q.open).any(|k| line_break_before(text, tokens, k));
        if !joined {
            continue;
        }
        let lo = tokens.get(p.close).map_or(text.len(), |t| t.end);
        let hi = tokens[q.open].start;
        let speaker_group = prev.speaker.entity.and_then(|e| grouping.group_of[e]);
        let other_person = doc.entities_in(lo, hi).any(|e| {
            doc.label(e) == Label::Per
                && (speaker_group.is_none() || grouping.group_of[e] != speaker_group)
                && prev
                    .speaker
                    .span
                    .is_none_or(|(a, _)| a != entities[e].start)
        });
        if !other_person {
            attrs[qi] = Some(prev);
        }
    }
    // Backward: the first paragraphs of a quote running over several take its attribution.
    for qi in (0..spans.len().saturating_sub(1)).rev() {
        if spans[qi].continued && attrs[qi].is_none() {
            attrs[qi] = attrs[qi + 1].clone();
        }
    }
    let mut out = Vec::new();
    for (s, attr) in spans.iter().zip(attrs) {
        let Some(attr) = attr else { continue };
        // Content: between the marks, without a trailing separator comma.
        let first = s.open + 1;
        let mut last = s.close;
        while last > first && matches!(doc.tok(last - 1), "," | "，") {
            last -= 1;
        }
        if last <= first || !(first..last).any(|k| is_word(&tokens[k])) {
            continue;
        }
        let (start, end) = (tokens[first].start, tokens[last - 1].end);
        let sentence = sentence_starts
            .partition_point(|&x| x <= start)
            .saturating_sub(1);
        out.push(Found {
            quote: Quote {
                start,
                end,
                speaker: attr.speaker.entity,
                speaker_span: attr.speaker.span,
                speaker_name: attr.speaker.name,
                cue: attr.cue,
                tone: Tone::default(),
                sentence,
            },
            tokens: first..last,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aliases::{self, AliasTable};
    use Label::{Loc, Org, Per};

    use crate::aliases::tests::mark;

    /// `(quoted words, speaker name, cue)` of every quotation found.
    fn quotes(text: &str, ents: &[(&str, Label)]) -> Vec<(String, Option<String>, String)> {
        let tokens = copydesk_tokenize::tokenize(text);
        let starts: Vec<usize> = copydesk_sentences::split_sentences(text)
            .iter()
            .map(|s| s.start)
            .collect();
        let ents = mark(text, ents);
        let grouping = aliases::group(text, &ents, &AliasTable::builtin());
        find(text, &tokens, &starts, &ents, &grouping)
            .into_iter()
            .map(|f| {
                let q = f.quote;
                assert_eq!(tokens[f.tokens.start].start, q.start);
                assert_eq!(tokens[f.tokens.end - 1].end, q.end);
                if let Some(e) = q.speaker {
                    assert!(e < ents.len());
                }
                (q.text(text).to_owned(), q.speaker_name, q.cue)
            })
            .collect()
    }

    fn q(text: &str, speaker: Option<&str>, cue: &str) -> (String, Option<String>, String) {
        (text.to_owned(), speaker.map(str::to_owned), cue.to_owned())
    }

    #[test]
    fn attribution_after_the_quote() {
        let text = "Rex Tillerson met Sergei Lavrov. \"We have our differences,\" Tillerson said. \
                    \"It's a long-term story, not a trade,\" said Maria Gonzalez, a strategist. \
                    \"We will keep talking,\" Ms Solberg told reporters in Geneva.";
        let got = quotes(
            text,
            &[
                ("Rex Tillerson", Per),
                ("Sergei Lavrov", Per),
                ("Tillerson", Per),
                ("Maria Gonzalez", Per),
                ("Solberg", Per),
                ("Geneva", Loc),
            ],
        );
        assert_eq!(
            got,
            [
                q("We have our differences", Some("Rex Tillerson"), "said"),
                q(
                    "It's a long-term story, not a trade",
                    Some("Maria Gonzalez"),
                    "said"
                ),
                q("We will keep talking", Some("Solberg"), "told"),
            ]
        );
    }

    #[test]
    fn attribution_before_the_quote() {
        let text =
            "Trump tweeted: \"Big win for America!\" Solberg said the deal was \"a good day \
                    for both our nations\" and left. Dr. Per Holm, a fellow, warned that the pact \
                    \"leaves the hard questions for later\". Greenpeace called it \"a map for \
                    more oil tankers\".";
        let got = quotes(
            text,
            &[
                ("Trump", Per),
                ("America", Loc),
                ("Solberg", Per),
                ("Per Holm", Per),
                ("Greenpeace", Org),
            ],
        );
        assert_eq!(
            got,
            [
                q("Big win for America!", Some("Trump"), "tweeted"),
                q("a good day for both our nations", Some("Solberg"), "said"),
                q(
                    "leaves the hard questions for later",
                    Some("Per Holm"),
                    "warned"
                ),
                q("a map for more oil tankers", Some("Greenpeace"), "called"),
            ]
        );
    }

    #[test]
    fn according_to_and_unnamed_speakers() {
        let text = "\"Growth will slow,\" according to the central bank. \
                    'We will fight on,' the prime minister said. \
                    According to Reuters, \"talks have stalled\".";
        let got = quotes(text, &[("Reuters", Org)]);
        assert_eq!(
            got,
            [
                q("Growth will slow", Some("the central bank"), "according to"),
                q("We will fight on", Some("the prime minister"), "said"),
                q("talks have stalled", Some("Reuters"), "according to"),
            ]
        );
    }

    #[test]
    fn pronouns_resolve_by_gender_and_recency() {
        let text = "Mr Arakawa met Ms Solberg in Geneva. \"We agreed,\" he said. \
                    \"We did,\" she said. Kenji Arakawa said Japan would pay. \
                    He added: \"This is not charity.\"";
        let got = quotes(
            text,
            &[
                ("Arakawa", Per),
                ("Solberg", Per),
                ("Geneva", Loc),
                ("Kenji Arakawa", Per),
                ("Japan", Loc),
            ],
        );
        assert_eq!(
            got,
            [
                q("We agreed", Some("Kenji Arakawa"), "said"),
                q("We did", Some("Solberg"), "said"),
                q("This is not charity.", Some("Kenji Arakawa"), "added"),
            ]
        );
    }

    #[test]
    fn long_subjects_and_organisations() {
        let text = "Acme Corp reported results. \"Demand was weak,\" it said. \"The runs have \
                    started,\" Jake Garn, a member of the Banking Committee, said. \"Prices will \
                    rise,\" the general trading manager of an oil company said.";
        let got = quotes(
            text,
            &[
                ("Acme Corp", Org),
                ("Jake Garn", Per),
                ("Banking Committee", Org),
            ],
        );
        assert_eq!(
            got,
            [
                q("Demand was weak", Some("Acme Corp"), "said"),
                q("The runs have started", Some("Jake Garn"), "said"),
                q(
                    "Prices will rise",
                    Some("the general trading manager of an oil company"),
                    "said"
                ),
            ]
        );
    }

    #[test]
    fn names_inside_quotes_are_not_antecedents() {
        let text = "Ingrid Solberg spoke first. \"I told Arakawa we would wait,\" she said.";
        let got = quotes(text, &[("Ingrid Solberg", Per), ("Arakawa", Per)]);
        assert_eq!(
            got,
            [q(
                "I told Arakawa we would wait",
                Some("Ingrid Solberg"),
                "said"
            )]
        );
    }

    #[test]
    fn split_and_multi_sentence_quotes() {
        let text = "Kenji Arakawa spoke.\n\n“This is not charity. It is a shared interest,” he \
                    said. “We will invest.”\n\n\"Part one,\" Arakawa said, \"part two.\"";
        let got = quotes(text, &[("Kenji Arakawa", Per), ("Arakawa", Per)]);
        assert_eq!(
            got,
            [
                q(
                    "This is not charity. It is a shared interest",
                    Some("Kenji Arakawa"),
                    "said"
                ),
                q("We will invest.", Some("Kenji Arakawa"), "said"),
                q("Part one", Some("Kenji Arakawa"), "said"),
                q("part two.", Some("Kenji Arakawa"), "said"),
            ]
        );
    }

    #[test]
    fn quotes_running_over_paragraphs() {
        let text = "\"The first paragraph of a long statement.\n\n\"And the second,\" said \
                    Sergei Lavrov.";
        let got = quotes(text, &[("Sergei Lavrov", Per)]);
        assert_eq!(
            got,
            [
                q(
                    "The first paragraph of a long statement.",
                    Some("Sergei Lavrov"),
                    "said"
                ),
                q("And the second", Some("Sergei Lavrov"), "said"),
            ]
        );
    }

    #[test]
    fn scare_quotes_and_terms_are_not_speech() {
        let text = "Arctic shipping talks end with \"cautious progress\"\n\n\
                    Minister defends 'robust' plan\n\n\
                    The so-called \"Arctic corridor\" is disputed. Shares in the 'safe' \
                    fund fell. The Joneses' house and rock 'n' roll were not quoted.";
        assert_eq!(quotes(text, &[]), []);
    }

    #[test]
    fn another_speaker_breaks_a_continuation() {
        let text = "\"Yes,\" said Tillerson. \"No,\" said Lavrov. Tillerson shrugged. \"Maybe.\"";
        let got = quotes(
            text,
            &[("Tillerson", Per), ("Lavrov", Per), ("Tillerson", Per)],
        );
        assert_eq!(
            got,
            [
                q("Yes", Some("Tillerson"), "said"),
                q("No", Some("Lavrov"), "said")
            ]
        );
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        for text in [
            "\"",
            "\"\"",
            "“",
            "”",
            "' '",
            "\"a,\" said",
            "said \"",
            "\"\n\n\"",
            "„x“",
            "\"é,\" él said",
            "according to",
            "\"x\" according to",
            "He said: \"",
            "’s said ‘’",
        ] {
            let _ = quotes(text, &[]);
        }
    }
}
