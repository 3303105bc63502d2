//! Attribution: the cue of each quotation, its speaker, and its kind (see the crate docs).

use copydesk_entities::Label;
use copydesk_tokenize::{Token, TokenKind};
use copydesk_tone::Tone;

use crate::lexicon::{self, CueKind};
use crate::marks::{self, line_break_before, Span};
use crate::speakers::Speaker;
use crate::{Doc, Found, Mention, Quote, QuoteKind};

/// Window after the closing mark.
const AFTER_WINDOW: usize = 24;
/// Window before the opening mark.
const BEFORE_WINDOW: usize = 48;
/// Window from a quotation to the end of its sentence, for a cue ending the sentence.
const TAIL_WINDOW: usize = 48;
/// Tokens allowed between the closing mark and the cue (`"…," Garn, a member of the
/// Banking Committee, said`).
const MAX_SUBJECT_WORDS: usize = 14;
/// Words a quotation may have to be a scare quote.
const MAX_SCARE_WORDS: usize = 3;
/// Sentences looked back for the subject that speaks an uncued quotation.
const MAX_SUBJECT_SENTENCES: usize = 3;

#[derive(Clone, Debug)]
pub(crate) struct Attribution {
    pub speaker: Speaker,
    pub cue: String,
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

fn is_boundary(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | ";" | "…")
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// Clause boundaries inside a sentence.
fn is_clause_mark(s: &str) -> bool {
    matches!(s, "," | ";" | ":" | "(" | ")" | "—" | "–")
}

impl Doc<'_> {
    /// The cue starting at token `j` (within `j..end`): its length in tokens and kind.
    fn cue_at(&self, j: usize, end: usize) -> Option<(usize, CueKind)> {
        let t = &self.tokens[j];
        if !is_word(t) || t.len() > 24 || self.quoted[j] {
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

    /// The speaker named right after an inverted cue at token `p` (`said Sen. Robert
    /// Kline`, `according to the ministry`): the phrase up to the next punctuation.
    fn inverted(&self, p: usize, end: usize) -> Option<Speaker> {
        if p >= end {
            return None;
        }
        if lexicon::pronoun(self.tok(p)).is_some() {
            return Some(self.pronoun_speaker(p));
        }
        let q = self.phrase_end(p, end);
        self.phrase_speaker(p, q)
    }

    /// `quoted X as saying`: the speaker X, when the cue at `j` ends such a phrase that
    /// starts within `a..j`.
    fn quoted_as(&self, a: usize, j: usize) -> Option<Speaker> {
        if j < 2 || !self.tok(j - 1).eq_ignore_ascii_case("as") {
            return None;
        }
        let q = (a..j - 1).rev().find(|&k| {
            matches!(
                self.tok(k).to_ascii_lowercase().as_str(),
                "quoted" | "quotes" | "quoting" | "cited" | "cites"
            )
        })?;
        self.phrase_speaker(q + 1, j - 1)
    }

    /// The subject of a cue at `j` from the words before it in `lo..j`: a person or an
    /// organisation of the clause right before the cue, else a person, else an
    /// organisation of the clauses before it (an appositive between: `X, the foreign
    /// minister, said`; `Cummings, head of equities at Y, said`), else the words of the
    /// nearest clause (`a company spokesman said`); for a participle after a comma (`X
    /// said, adding:`), the speaker of the clause before.
    fn subject_before(&self, lo: usize, j: usize) -> Option<Speaker> {
        let clause_start = |end: usize| {
            let mut s = end;
            while s > lo && !is_clause_mark(self.tok(s - 1)) {
                s -= 1;
            }
            s
        };
        let s = clause_start(j);
        if s == j && s > lo + 1 && self.tok(j).to_ascii_lowercase().ends_with("ing") {
            // `X said, adding:` / `he is not envious, insisting:`
            let app_end = s - 1;
            let app_start = clause_start(app_end);
            return self
                .before(lo, app_end)
                .map(|a| a.speaker)
                .or_else(|| self.phrase_speaker(app_start, app_end));
        }
        let mut segs: Vec<(usize, usize)> = Vec::with_capacity(4);
        let mut end = j;
        while segs.len() < 4 {
            let s = clause_start(end);
            if s < end {
                segs.push((s, end));
            }
            if s <= lo {
                break;
            }
            end = s - 1;
        }
        if let Some(&(a, b)) = segs.first().filter(|x| x.1 == j) {
            if let Some(sp) = self
                .phrase_speaker(a, b)
                .filter(|x| x.mention.is_some())
                .or_else(|| self.misc_subject(a, b))
            {
                return Some(sp);
            }
        }
        for label in [Label::Per, Label::Org] {
            for &(a, b) in &segs {
                if let Some(m) = self.pick(a, b, label) {
                    return Some(self.named(m));
                }
            }
        }
        segs.first().and_then(|&(a, b)| self.phrase_speaker(a, b))
    }

    /// Attribution from the words after the closing mark (`"…," he said`). `end` ends
    /// the window; `at_boundary` says whether it stops at a sentence end (not at the next
    /// quotation).
    fn after(&self, close: usize, end: usize, at_boundary: bool) -> Option<Attribution> {
        // After a quotation that ends its own sentence ("…win!" Solberg said the deal…),
        // a capitalised word may start a new sentence: only a short clause ending the
        // sentence ("Solberg said.", "Tillerson told reporters.") is an attribution.
        let terminal = close > 0 && is_terminal(self.tok(close - 1));
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
                    CueKind::Source => self.inverted(j + n, end),
                    _ if j == a => {
                        if cue.ends_with("ing") {
                            return None; // "…", adding that…: the subject is before the quote.
                        }
                        if kind == CueKind::Speech {
                            self.inverted(j + n, end)
                        } else {
                            None
                        }
                    }
                    // Words between the quotation and the cue must name the speaker
                    // ("…" and rejected claims that…: "claims" is a noun there).
                    _ => {
                        let sp = self.quoted_as(a, j).or_else(|| {
                            self.phrase_speaker(a, j)
                                .filter(|x| x.mention.is_some())
                                .or_else(|| self.misc_subject(a, j))
                                .or_else(|| self.phrase_speaker(a, j))
                        });
                        // A name that cannot speak (`Petro-Canada said` tagged as a
                        // miscellaneous name) still makes this a cue, without a speaker.
                        let named_words = (a..j).all(|k| is_word(&self.tokens[k]))
                            && j - a <= 4
                            && !self.mentions_in(a, j).is_empty();
                        if sp.is_none() && !named_words {
                            return None;
                        }
                        sp
                    }
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

    /// Attribution from the words before the opening mark, back to `lo` (`He said:
    /// "…"`, `Solberg said the deal was "…"`).
    fn before(&self, lo: usize, open: usize) -> Option<Attribution> {
        let mut j = open;
        while j > lo {
            j -= 1;
            let Some((n, kind)) = self.cue_at(j, open) else {
                continue;
            };
            let cue = self.cue_text(j, n);
            let speaker = match kind {
                CueKind::Source => self.inverted(j + n, open),
                _ => self.subject_before(lo, j).or_else(|| {
                    if kind == CueKind::Speech {
                        self.inverted(j + n, open)
                    } else {
                        None
                    }
                }),
            };
            return Some(Attribution {
                speaker: speaker.unwrap_or_default(),
                cue,
            });
        }
        // `Brentford boss Martin Allen: "…"`: a name right before a colon.
        if open >= 2 && self.tok(open - 1) == ":" {
            let ms = self.mentions_in(lo, open - 1);
            if let Some(m) = ms.last().filter(|&m| {
                self.mentions[m].end == self.tokens[open - 2].end
                    && crate::speakers::can_speak(self.mentions[m].label)
            }) {
                return Some(Attribution {
                    speaker: self.named(m),
                    cue: String::new(),
                });
            }
        }
        None
    }

    /// A cue ending the sentence of a quoted fragment (`… "no other course of action" …,
    /// lead singer Gary Lightbody has said.`): the last clause of the sentence ends with a
    /// speech cue (a few words such as `in a statement` may follow).
    fn tail(&self, close: usize, limit: usize) -> Option<Attribution> {
        let mut e = close + 1;
        while e < limit
            && e - close <= TAIL_WINDOW
            && !line_break_before(self.text, self.tokens, e)
            && !is_boundary(self.tok(e))
        {
            e += 1;
        }
        if e >= limit || e - close > TAIL_WINDOW || !is_terminal(self.tok(e)) {
            return None;
        }
        let mut c = e;
        while c > close + 1 && self.tok(c - 1) != "," {
            c -= 1;
        }
        if c <= close + 1 {
            return None;
        }
        for j in c..e {
            let Some((n, kind)) = self.cue_at(j, e) else {
                continue;
            };
            if !matches!(kind, CueKind::Speech | CueKind::Told) || e - (j + n) > 4 {
                return None;
            }
            let speaker = self.phrase_speaker(c, j)?;
            return Some(Attribution {
                speaker,
                cue: self.cue_text(j, n),
            });
        }
        None
    }

    /// Whether the quotation `s` starts a sentence (after a sentence end, a line break
    /// or at the text start).
    fn starts_sentence(&self, s: Span) -> bool {
        s.open == 0
            || line_break_before(self.text, self.tokens, s.open)
            || is_terminal(self.tok(s.open - 1))
            || self.sent_starts.binary_search(&s.open).is_ok()
    }

    /// The speaker of an uncued quotation starting a sentence: the subject of the
    /// nearest sentence before it (after token `after`, in its paragraph) that has one.
    fn subject_speaker(&self, after: usize, open: usize) -> Option<Speaker> {
        let mut s = self.sentence_of(open);
        for _ in 0..MAX_SUBJECT_SENTENCES {
            if s == 0 {
                break;
            }
            s -= 1;
            let r = self.sentence(s);
            // Within the paragraph (a bounded look: a "sentence" may be huge).
            if r.start < after
                || open - r.start > 400
                || (r.start..=open).any(|k| line_break_before(self.text, self.tokens, k))
            {
                break;
            }
            if let Some(m) = self
                .sentence_subject(s, r.end)
                .filter(|&m| self.mentions[m].label == Label::Per)
            {
                return Some(self.named(m));
            }
        }
        None
    }
}

fn words_in(doc: &Doc<'_>, s: Span) -> usize {
    (s.open + 1..s.close)
        .filter(|&k| matches!(doc.tokens[k].kind, TokenKind::Word | TokenKind::Number))
        .count()
}

/// Finds the quotations of a document; see the crate docs.
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    sentence_starts: &[usize],
    mentions: &[Mention<'_>],
) -> Vec<Found> {
    let spans = marks::pair(text, tokens);
    if spans.is_empty() {
        return Vec::new();
    }
    let mut quoted = vec![false; tokens.len()];
    for s in &spans {
        for q in &mut quoted[s.open + 1..s.close] {
            *q = true;
        }
    }
    let mut in_quote = vec![false; mentions.len()];
    let mut si = 0;
    for (k, e) in mentions.iter().enumerate() {
        while si < spans.len() && tokens[spans[si].close].start <= e.start {
            si += 1;
        }
        if let Some(s) = spans.get(si) {
            in_quote[k] = tokens[s.open].end <= e.start;
        }
    }
    let mut sent_starts: Vec<usize> = sentence_starts
        .iter()
        .map(|&b| tokens.partition_point(|t| t.start < b))
        .collect();
    if sent_starts.first() != Some(&0) {
        sent_starts.insert(0, 0);
    }
    sent_starts.dedup();
    let doc = Doc {
        text,
        tokens,
        mentions,
        in_quote,
        quoted,
        sent_starts,
    };
    // Each quotation's own attribution.
    let mut attrs: Vec<Option<Attribution>> = Vec::with_capacity(spans.len());
    for (qi, s) in spans.iter().enumerate() {
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
            .or_else(|| doc.before(lo, s.open))
            .or_else(|| doc.tail(s.close, next_open));
        attrs.push(attr);
    }
    // Quotations without a cue of their own.
    for qi in 0..spans.len() {
        if attrs[qi].is_some() {
            continue;
        }
        let q = spans[qi];
        // A quotation in the same sentence as the one before takes its attribution
        // (`said KFB was a "well-managed bank" and represented a "significant
        // acquisition"`).
        if let Some(p) = qi.checked_sub(1) {
            let pq = spans[p];
            let same_sentence = q.open - pq.close < AFTER_WINDOW
                && !(pq.close + 1..q.open)
                    .any(|k| is_boundary(doc.tok(k)) || line_break_before(text, tokens, k));
            if same_sentence {
                if let Some(a) = attrs[p].clone() {
                    attrs[qi] = Some(a);
                    continue;
                }
            }
        }
        let sentence_like = words_in(&doc, q) > MAX_SCARE_WORDS
            || (q.close > q.open + 1 && is_terminal(doc.tok(q.close - 1)));
        if !sentence_like || !doc.starts_sentence(q) {
            continue;
        }
        let prev = qi.checked_sub(1).map(|p| (spans[p], attrs[p].clone()));
        let breaks = |a: usize| {
            (a..=q.open)
                .filter(|&k| line_break_before(text, tokens, k))
                .count()
        };
        let from = prev.as_ref().map_or(0, |(p, _)| p.close + 1);
        // The attribution sentence of the previous quotation ends where a new sentence
        // begins after its closing mark.
        let after_prev = prev.as_ref().map_or(0, |(p, _)| {
            let s = doc.sentence_of(p.close);
            doc.sentence(s).end.max(p.close + 1)
        });
        let subject = doc.subject_speaker(after_prev.max(from), q.open);
        let attr = match (subject, prev) {
            (Some(sp), _) => Some(Attribution {
                speaker: sp,
                cue: String::new(),
            }),
            (None, Some((p, Some(a)))) => {
                let n = breaks(p.close + 1);
                let opens_para = line_break_before(text, tokens, q.open);
                (n == 0 || (n == 1 && opens_para)).then_some(a)
            }
            _ => None,
        };
        if let Some(a) = attr {
            attrs[qi] = Some(Attribution {
                speaker: a.speaker,
                cue: a.cue,
            });
        }
    }
    let mut out = Vec::new();
    for (s, attr) in spans.iter().zip(attrs) {
        let first = s.open + 1;
        let mut last = s.close;
        while last > first && matches!(doc.tok(last - 1), "," | "，") {
            last -= 1;
        }
        if last <= first || !(first..last).any(|k| is_word(&tokens[k])) {
            continue;
        }
        let kind = match &attr {
            None if words_in(&doc, *s) <= MAX_SCARE_WORDS
                && (first..last).any(|k| is_word(&tokens[k]) && tokens[k].len() > 1) =>
            {
                QuoteKind::Scare
            }
            None => continue,
            Some(_) => {
                let embedded = s.open > 0
                    && !line_break_before(text, tokens, s.open)
                    && matches!(tokens[s.open - 1].kind, TokenKind::Word | TokenKind::Number);
                if embedded {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Direct
                }
            }
        };
        let attr = attr.unwrap_or(Attribution {
            speaker: Speaker::default(),
            cue: String::new(),
        });
        let (start, end) = (tokens[first].start, tokens[last - 1].end);
        let sentence = sentence_starts
            .partition_point(|&x| x <= start)
            .saturating_sub(1);
        out.push(Found {
            quote: Quote {
                start,
                end,
                speaker: attr.speaker.mention,
                speaker_span: attr.speaker.span,
                speaker_name: attr.speaker.name,
                cue: attr.cue,
                kind,
                tone: Tone::default(),
                sentence,
            },
            tokens: first..last,
        });
    }
    out
}
