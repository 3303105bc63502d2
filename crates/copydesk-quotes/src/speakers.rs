//! Speakers: turning the words at an attribution into a person or an organisation.
//!
//! - Only `PER` and `ORG` mentions can speak; a place, a date or a nationality adjective
//!   never does. A name followed by a lowercase word or a possessive inside the phrase is
//!   a modifier, not the speaker (`Real Madrid president Florentino Perez`, `Ladbrokes'
//!   Warren Lush`, `the Tottenham striker`).
//! - Pronouns (`he`, `she`, `it`) and descriptions (`the 23-year-old`, `the company`)
//!   resolve by walking back sentence by sentence: a sentence's subject (its first
//!   person or organisation, not after a preposition nor possessive, within its first
//!   words) wins when it fits (label and gender); a sentence opening with a fitting
//!   pronoun is skipped (its subject is the referent already); otherwise the last fitting
//!   mention of the sentence is taken.
//! - Failing an entity, a short noun phrase (`a senior source at the club`, `Mr Lush`)
//!   names the speaker, unless it is only a place, a date or a nationality adjective.

use copydesk_entities::Label;
use copydesk_tokenize::TokenKind;

use crate::lexicon::{self, Gender, Pronoun, Role};
use crate::Doc;

/// Who is speaking, as found at an attribution.
#[derive(Clone, Debug, Default)]
pub(crate) struct Speaker {
    pub mention: Option<usize>,
    pub span: Option<(usize, usize)>,
    pub name: Option<String>,
}

/// What a pronoun or description can refer to.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Want {
    Person(Option<Gender>),
    Org,
}

/// Words a sentence's subject is looked for in.
const SUBJECT_WORDS: usize = 12;
/// Sentences walked back when resolving a pronoun or description.
const MAX_SENTENCES: usize = 8;
/// Mentions looked at per sentence when resolving.
const MAX_MENTIONS: usize = 40;
/// Words of a speaker phrase.
const MAX_PHRASE_WORDS: usize = 10;

/// Whether a label is a name (not a date, time or amount).
pub(crate) fn is_name(label: Label) -> bool {
    matches!(label, Label::Per | Label::Org | Label::Loc | Label::Misc)
}

/// Whether a label can speak.
pub(crate) fn can_speak(label: Label) -> bool {
    matches!(label, Label::Per | Label::Org)
}

/// Auxiliaries and adverbs between a subject and its cue (`the company had said`).
fn auxiliary(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "earlier"
            | "previously"
            | "then"
            | "was"
            | "is"
            | "would"
            | "will"
            | "may"
            | "might"
            | "could"
            | "once"
            | "again"
            | "further"
            | "recently"
            | "repeatedly"
            | "publicly"
            | "reportedly"
            | "separately"
            | "however"
            | "though"
    )
}

impl Doc<'_> {
    fn fits(&self, m: usize, want: Want) -> bool {
        let e = &self.mentions[m];
        match want {
            Want::Person(g) => {
                e.label == Label::Per && (g.is_none() || e.gender.is_none_or(|x| Some(x) == g))
            }
            Want::Org => e.label == Label::Org,
        }
    }

    pub(crate) fn named(&self, m: usize) -> Speaker {
        let e = &self.mentions[m];
        Speaker {
            mention: Some(m),
            span: Some((e.start, e.end)),
            name: Some(e.name.to_owned()),
        }
    }

    /// Whether mention `m` is possessive (`Tillerson's`, `Ladbrokes'`).
    fn possessive(&self, m: usize) -> bool {
        let rest = self.text.get(self.mentions[m].end..).unwrap_or("");
        rest.starts_with('\'') || rest.starts_with('’')
    }

    /// Whether mention `m` modifies a word after it within tokens `..hi` (`Ladbrokes'
    /// Warren Lush`, `the Tottenham striker`, `Wales coach Mike Ruddock`): possessive, or
    /// followed by a lowercase word when a determiner precedes it or that word is an
    /// office or title (`Mr Brown is alleged` is no modifier: a verb follows).
    pub(crate) fn modifier(&self, m: usize, hi: usize) -> bool {
        if self.possessive(m) {
            return true;
        }
        let k = self.after_token(m);
        let lower_next = k < hi
            && self.tokens[k].kind == TokenKind::Word
            && self.tok(k).chars().next().is_some_and(char::is_lowercase);
        if !lower_next {
            return false;
        }
        let first = self.first_token(m);
        if first > 0 && lexicon::determiner(self.tok(first - 1)) {
            return true;
        }
        let w = self.tok(k);
        lexicon::office_word(w) || lexicon::title(w).is_some()
    }

    /// Whether the word before mention `m` is a preposition (`in Mr Peston's book`).
    fn after_preposition(&self, m: usize) -> bool {
        let mut k = self.first_token(m);
        if k > 0 && lexicon::determiner(self.tok(k - 1)) {
            k -= 1;
        }
        k > 0 && lexicon::preposition(self.tok(k - 1))
    }

    /// The subject of sentence `s` among its tokens before `limit`: its first person or
    /// organisation within the first words, outside quotations, not after a preposition,
    /// not a modifier.
    pub(crate) fn sentence_subject(&self, s: usize, limit: usize) -> Option<usize> {
        let r = self.sentence(s);
        let mut hi = r.start;
        let mut words = 0;
        while hi < r.end.min(limit) && words < SUBJECT_WORDS {
            if self.tokens[hi].kind == TokenKind::Word {
                words += 1;
            }
            hi += 1;
        }
        // An opening adverbial clause (`After a tough first set, Molik …`) holding no
        // name is skipped.
        let mut from = r.start;
        if let Some(c) = (r.start..hi).find(|&k| self.tok(k) == ",") {
            let names_before = self
                .mentions_in(r.start, c)
                .any(|x| crate::speakers::is_name(self.mentions[x].label));
            if !names_before {
                from = c + 1;
            }
        }
        let ms = self.mentions_in(r.start, hi);
        let m = ms.clone().take(MAX_MENTIONS).find(|&m| {
            !self.in_quote[m]
                && is_name(self.mentions[m].label)
                && !self.after_preposition(m)
                && !self.modifier(m, r.end)
        })?;
        if !can_speak(self.mentions[m].label) {
            return None;
        }
        // Before the subject: no pronoun, and at most one lowercase word that is not an
        // office word (`Lib Dem home affairs spokesman Mark Oaten`; not `She will now
        // meet Venus Williams`).
        let first = self.first_token(m);
        let start = if first >= from { from } else { r.start };
        let mut loose = 0;
        for k in start..first {
            let w = self.tok(k);
            if self.tokens[k].kind != TokenKind::Word || self.quoted[k] {
                continue;
            }
            if lexicon::pronoun(w).is_some() {
                return None;
            }
            if w.chars().next().is_some_and(char::is_lowercase)
                && lexicon::title(w).is_none()
                && !lexicon::office_word(w)
            {
                loose += 1;
            }
        }
        (loose <= 1).then_some(m)
    }

    /// The first word of sentence `s` outside quotations, if it is a pronoun fitting `want`.
    fn opens_with_pronoun(&self, s: usize, want: Want) -> bool {
        let r = self.sentence(s);
        let Some(k) = (r.start..r.end.min(r.start + 8))
            .find(|&k| self.tokens[k].kind == TokenKind::Word && !self.quoted[k])
        else {
            return false;
        };
        match (lexicon::pronoun(self.tok(k)), want) {
            (Some(Pronoun::Singular(g)), Want::Person(w)) => w.is_none_or(|w| w == g),
            (Some(Pronoun::It), Want::Org) => true,
            _ => false,
        }
    }

    /// The person or organisation that a pronoun or description at token `p` refers to.
    pub(crate) fn resolve(&self, p: usize, want: Want) -> Option<usize> {
        let mut s = self.sentence_of(p);
        let mut limit = p;
        let mut counted = 0;
        for _ in 0..MAX_SENTENCES * 5 {
            let r = self.sentence(s);
            if (r.start..r.end.min(r.start + 64))
                .any(|k| !self.quoted[k] && self.tokens[k].kind == TokenKind::Word)
            {
                counted += 1;
            }
            if counted > MAX_SENTENCES {
                break;
            }
            if let Some(m) = self.sentence_subject(s, limit) {
                if self.fits(m, want) {
                    return Some(m);
                }
            }
            if !(s == self.sentence_of(p) || self.opens_with_pronoun(s, want)) {
                let lo = r.start.max(limit.saturating_sub(400));
                let ms = self.mentions_in(lo, limit.min(r.end));
                let found = ms
                    .rev()
                    .take(MAX_MENTIONS)
                    .find(|&m| !self.in_quote[m] && self.fits(m, want) && !self.modifier(m, r.end));
                if found.is_some() {
                    return found;
                }
            }
            if s == 0 {
                break;
            }
            s -= 1;
            limit = self.sentence(s).end;
        }
        None
    }

    /// A pronoun speaker at token `p`, resolved.
    pub(crate) fn pronoun_speaker(&self, p: usize) -> Speaker {
        let t = &self.tokens[p];
        let mut sp = Speaker {
            mention: None,
            span: Some((t.start, t.end)),
            name: None,
        };
        let want = match lexicon::pronoun(t.text(self.text)) {
            Some(Pronoun::Singular(g)) => Want::Person(Some(g)),
            Some(Pronoun::It) => Want::Org,
            _ => return sp,
        };
        if let Some(m) = self.resolve(p, want) {
            sp.mention = Some(m);
            sp.name = Some(self.mentions[m].name.to_owned());
        }
        sp
    }

    /// Whether token `k` is a dash or hyphen glued to the words on both sides
    /// (`23-year-old` tokenized in pieces).
    fn glued(&self, k: usize) -> bool {
        k > 0
            && k + 1 < self.tokens.len()
            && self.tokens[k].kind != TokenKind::Word
            && self.tokens[k - 1].end == self.tokens[k].start
            && self.tokens[k].end == self.tokens[k + 1].start
    }

    /// The end of the noun phrase starting at token `lo` (before `hi`): words, numbers
    /// and glued hyphens, at most [`MAX_PHRASE_WORDS`] words.
    pub(crate) fn phrase_end(&self, lo: usize, hi: usize) -> usize {
        let mut q = lo;
        let mut words = 0;
        while q < hi && words < MAX_PHRASE_WORDS {
            let k = self.tokens[q].kind;
            if matches!(k, TokenKind::Word | TokenKind::Number) {
                words += 1;
            } else if !self.glued(q) {
                break;
            }
            q += 1;
        }
        q
    }

    /// The mention holding token `k`, if any.
    fn mention_at(&self, k: usize) -> Option<usize> {
        let at = self.tokens[k].start;
        let m = self
            .mentions
            .partition_point(|e| e.start <= at)
            .checked_sub(1)?;
        (self.mentions[m].end > at).then_some(m)
    }

    /// The first mention labelled `label` in tokens `lo..hi` that can head a speaker
    /// phrase: outside quotations, not a modifier, not after a preposition.
    pub(crate) fn pick(&self, lo: usize, hi: usize, label: Label) -> Option<usize> {
        self.mentions_in(lo, hi).take(MAX_MENTIONS).find(|&m| {
            self.mentions[m].label == label
                && !self.in_quote[m]
                && !self.modifier(m, hi)
                && !self.after_preposition(m)
        })
    }

    /// A name the tagger called miscellaneous, or missed, that is the subject of a cue at
    /// `j` (`Petro-Canada has said`, `Greenpeace called`): it ends right before the cue
    /// (auxiliaries aside), within `lo..j` (a missed one is all of it), and is not shaped
    /// like an adjective.
    pub(crate) fn misc_subject(&self, lo: usize, j: usize) -> Option<Speaker> {
        let mut k = j;
        while k > lo && auxiliary(self.tok(k - 1)) {
            k -= 1;
        }
        if k <= lo {
            return None;
        }
        let Some(m) = self.mentions_in(lo, k).last() else {
            // `Greenpeace called`: one capitalised word the tagger missed, alone before
            // the cue.
            let w = self.tok(lo);
            let bare = k == lo + 1
                && self.tokens[lo].kind == TokenKind::Word
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() > 2
                && lexicon::pronoun(w).is_none()
                && lexicon::title(w).is_none()
                && !lexicon::determiner(w)
                && !lexicon::demonym(w);
            let t = &self.tokens[lo];
            return bare.then(|| Speaker {
                mention: None,
                span: Some((t.start, t.end)),
                name: Some(w.to_owned()),
            });
        };
        let e = &self.mentions[m];
        let ok = e.label == Label::Misc
            && e.end == self.tokens[k - 1].end
            && !self.in_quote[m]
            && !lexicon::demonym(&self.text[e.start..e.end]);
        ok.then(|| self.named(m))
    }

    /// The speaker named by the phrase of tokens `lo..hi` (a subject, or the words after
    /// an inverted cue): a person, else an organisation that is not a modifier, else a
    /// pronoun, else a description resolved to its referent, else the words themselves.
    pub(crate) fn phrase_speaker(&self, lo: usize, hi: usize) -> Option<Speaker> {
        if lo >= hi {
            return None;
        }
        if let Some(m) = self
            .pick(lo, hi, Label::Per)
            .or_else(|| self.pick(lo, hi, Label::Org))
        {
            return Some(self.named(m));
        }
        if let Some(p) = (lo..hi.min(lo + 4)).find(|&k| lexicon::pronoun(self.tok(k)).is_some()) {
            return Some(self.pronoun_speaker(p));
        }
        self.words_speaker(lo, hi)
    }

    /// A speaker named only by words (`a spokesman`, `the company`, `Mr Lush`): a
    /// description after `the` resolves to its referent; other words stand as the name
    /// when they look like one.
    fn words_speaker(&self, lo: usize, hi: usize) -> Option<Speaker> {
        let mut end = self.phrase_end(lo, hi);
        while end > lo && auxiliary(self.tok(end - 1)) {
            end -= 1;
        }
        if end <= lo {
            return None;
        }
        let mut lo = lo;
        let capital = |k: usize| self.tok(k).chars().next().is_some_and(char::is_uppercase);
        let first = self.tok(lo);
        let det = lexicon::determiner(first);
        if !det && !capital(lo) {
            // `retail analyst Nick Bubb of Evolution Securities`: the name after the
            // lowercase words describing the speaker.
            let mut a = lo;
            while a < end && !capital(a) {
                if lexicon::preposition(self.tok(a)) {
                    return None;
                }
                a += 1;
            }
            let mut b = a;
            while b < end && capital(b) {
                b += 1;
            }
            if b - a < 2 {
                return None;
            }
            lo = a;
            end = b;
        } else {
            // `Standard Chartered chief executive Mervyn Davies at a London press
            // conference`, `one official who took part`: the phrase ends before a place or
            // time preposition or a relative pronoun (`a spokesman for the ministry` keeps
            // its `for`), and before any other preposition right after a name.
            if let Some(k) = (lo + 1..end).find(|&k| {
                let w = self.tok(k);
                matches!(
                    w,
                    "in" | "at" | "on" | "during" | "who" | "which" | "that" | "whose"
                ) || (lexicon::preposition(w) && w != "for" && capital(k - 1))
            }) {
                end = k;
            }
        }
        let first = self.tok(lo);
        let det = lexicon::determiner(first);
        let (a, b) = (self.tokens[lo].start, self.tokens[end - 1].end);
        let words = &self.text[a..b];
        // A description: `the` … role noun (the last word, hyphenated pieces joined).
        if first.eq_ignore_ascii_case("the")
            && end - lo >= 2
            && words.split_whitespace().count() <= 3
        {
            let last = words.rsplit(char::is_whitespace).next().unwrap_or("");
            let want = match lexicon::role(last) {
                Some(Role::Person) => Some(Want::Person(None)),
                Some(Role::Org) => Some(Want::Org),
                None => None,
            };
            if let Some(want) = want {
                if let Some(m) = self.resolve(lo, want) {
                    let mut sp = self.named(m);
                    sp.span = Some((a, b));
                    return Some(sp);
                }
            }
        }
        // Never a place, a date or an adjective alone: the phrase must hold more than
        // one non-speaker mention (after a determiner).
        let body = if det { lo + 1 } else { lo };
        if body >= end {
            return None;
        }
        let ms = self.mentions_in(body, end);
        let only_mention = ms.len() == 1 && {
            let e = &self.mentions[ms.start];
            e.start == self.tokens[body].start && e.end == b
        };
        if only_mention {
            let e = &self.mentions[ms.start];
            let group_noun = det && e.label == Label::Misc && words.ends_with('s');
            if !can_speak(e.label) && !group_noun {
                return None;
            }
        }
        // The phrase's head (its last word) inside a place, a date or an adjective: `a
        // move Oslo` (a move Oslo condemned) names no speaker.
        let head = self.mention_at(end - 1);
        if head.is_some_and(|x| !can_speak(self.mentions[x].label)) && !only_mention {
            return None;
        }
        // One capitalised word with no title and no determiner: not known to be a name.
        let titled = lexicon::title(first).is_some();
        if end - lo == 1 && !det && !titled && ms.is_empty() {
            return None;
        }
        if end - lo == 1 && det {
            return None;
        }
        Some(Speaker {
            mention: None,
            span: Some((a, b)),
            name: Some(words.to_owned()),
        })
    }
}
