//! Quotations in news text and who said them.
//!
//! [`find`] takes a text, its tokens, its sentence starts and its entity mentions (with the
//! label, canonical name, referent group and gender the caller knows about them) and
//! returns every quotation with its [`QuoteKind`], cue and speaker. It is a component of
//! the `copydesk` pipeline (which feeds it the tagger's entities and the alias grouper's
//! referents) but has no dependency on the pipeline itself, nor on Python.
//!
//! The work is split in three modules:
//!
//! 1. **marks** pairs quotation marks into quotations: curly, straight and single marks,
//!    quotes running over paragraphs (the opening mark repeated, no closing mark) as one
//!    quotation, nested quotations inside the outer one.
//! 2. **attribution** finds the cue (`said`, `told`, `according to`, `called`, from
//!    `data/cues.tsv`) on either side of a quotation: after it (`"…," X said`, `"…," said
//!    X`, `"…," X, the foreign minister, said`, `"…," the paper quoted X as saying`), before
//!    it (`X said: "…"`, `X called it "…"`, `X said, adding: "…"`, `according to X, "…"`),
//!    or ending the sentence of a quoted fragment (`… "no other course" …, Y has said`). A
//!    quotation with no cue of its own continues the speaker before it (`"…," he said.
//!    "…"`, a paragraph opening with a quotation after a quoted paragraph) or is said by
//!    the subject of the sentence before it in its paragraph (`Kerr applauded the move.
//!    "…"`). One to three words with no cue and no speaker are **scare quotes**. A
//!    quotation built into the reporter's sentence (`said it was "an historic
//!    occasion"`) is **partial**; one standing as its own sentence or clause is **direct**.
//! 3. **speakers** turns the words at a cue into a speaker: a person or an organisation
//!    entity, **never a place, a date or a nationality adjective** (`said Wales coach Mike
//!    Ruddock` is Mike Ruddock, `said Real Madrid president Florentino Perez` is Perez);
//!    pronouns (`he said`, `it said`) and descriptions (`said the 23-year-old`, `the
//!    company said`) resolve to the subject of the nearest sentence that names a fitting
//!    person or organisation (gender from titles and given names), not merely the last
//!    name; failing an entity, the words themselves (`a senior source at the club`).
//!
//! Every step looks at a bounded window around each quotation mark, so the whole is
//! linear in the length of the text.

mod attribution;
pub mod lexicon;
mod marks;
mod speakers;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use copydesk_entities::Label;
use copydesk_tokenize::Token;
use copydesk_tone::Tone;

pub use lexicon::Gender;

/// What a quotation is: speech given as its own sentence or clause, a fragment of speech
/// built into the reporter's sentence, or a short phrase in marks that nobody is said to
/// have said.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// `He said: "We will fight on."`, `"We have our differences," Tillerson said.`
    #[default]
    Direct,
    /// `Moore said it was "an historic occasion".`
    Partial,
    /// One to three words in marks without a cue or speaker: `the so-called "next wave"`.
    Scare,
}

impl QuoteKind {
    /// `"direct"`, `"partial"` or `"scare"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Partial => "partial",
            Self::Scare => "scare",
        }
    }

    /// Whether the quotation is reported speech (direct or partial), not a scare quote.
    pub fn is_speech(self) -> bool {
        self != Self::Scare
    }
}

/// A quotation and who said it. Offsets are byte offsets into the analysed text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Byte offset of the first quoted character (after the opening mark).
    pub start: usize,
    /// Byte offset one past the last quoted character (before the closing mark; a comma
    /// that only separates the quotation from its attribution is left out). A quotation
    /// running over paragraphs holds the repeated opening marks.
    pub end: usize,
    /// Index of the speaker among the mentions passed to [`find`] (in the pipeline: into
    /// `Document::entities`): the mention at the attribution, or for a pronoun or a
    /// description the mention it refers to. Always a person or an organisation. `None`
    /// when the speaker is not a tagged entity.
    pub speaker: Option<usize>,
    /// Byte span of the words naming the speaker at the attribution (`he`, `Ms Solberg`,
    /// `a spokesman`), if any.
    pub speaker_span: Option<(usize, usize)>,
    /// The speaker's name: the canonical name of the speaker mention, else the words of
    /// `speaker_span` (never a bare pronoun).
    pub speaker_name: Option<String>,
    /// The cue as written, lowercased (`"said"`, `"told"`, `"according to"`); empty for a
    /// quotation without a cue of its own.
    pub cue: String,
    /// Direct speech, a partial quotation or a scare quote.
    #[serde(default)]
    pub kind: QuoteKind,
    /// The tone of the quoted words (all zero until the caller scores them).
    pub tone: Tone,
    /// Index of the sentence holding the start of the quotation.
    pub sentence: usize,
}

impl Quote {
    /// The quoted words, sliced from the text they were found in.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// An entity mention as the quote finder sees it. Mentions are passed sorted by `start`,
/// non-overlapping, on token boundaries.
#[derive(Clone, Copy, Debug)]
pub struct Mention<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The label of the referent (in the pipeline: the label of the mention's group).
    /// Only `PER` and `ORG` mentions can be speakers.
    pub label: Label,
    /// The referent's name (in the pipeline: the canonical name).
    pub name: &'a str,
    /// The referent group (mentions with the same group are one referent), if known.
    pub group: Option<usize>,
    /// The referent's gender (from a title or a given name), if known.
    pub gender: Option<Gender>,
}

/// A found quotation and its token range (for scoring its tone).
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The quotation.
    pub quote: Quote,
    /// The tokens of the quoted words.
    pub tokens: Range<usize>,
}

/// Finds the quotations of a text; see the crate docs. `tokens` are the text's tokens,
/// `sentence_starts` the byte offsets where its sentences start (sorted), `mentions` its
/// entity mentions.
pub fn find(
    text: &str,
    tokens: &[Token],
    sentence_starts: &[usize],
    mentions: &[Mention<'_>],
) -> Vec<Found> {
    attribution::find(text, tokens, sentence_starts, mentions)
}

/// What the modules need to know about the document.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub mentions: &'a [Mention<'a>],
    /// Per mention: inside a quotation.
    pub in_quote: Vec<bool>,
    /// Per token: inside a quotation (between its marks).
    pub quoted: Vec<bool>,
    /// Token index of each sentence's first token (sorted; the first is 0).
    pub sent_starts: Vec<usize>,
}

impl Doc<'_> {
    pub fn tok(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sent_starts
            .partition_point(|&s| s <= i)
            .saturating_sub(1)
    }

    /// The token range of sentence `s`.
    pub fn sentence(&self, s: usize) -> Range<usize> {
        let a = self
            .sent_starts
            .get(s)
            .copied()
            .unwrap_or(self.tokens.len());
        let b = self
            .sent_starts
            .get(s + 1)
            .copied()
            .unwrap_or(self.tokens.len());
        a..b
    }

    /// Mentions lying within tokens `lo..hi`.
    pub fn mentions_in(&self, lo: usize, hi: usize) -> Range<usize> {
        if lo >= hi || hi > self.tokens.len() {
            return 0..0;
        }
        let (blo, bhi) = (self.tokens[lo].start, self.tokens[hi - 1].end);
        let a = self.mentions.partition_point(|e| e.start < blo);
        let b = self.mentions.partition_point(|e| e.start < bhi);
        let mut b2 = a;
        while b2 < b && self.mentions[b2].end <= bhi {
            b2 += 1;
        }
        a..b2
    }

    /// The token at which mention `m` starts.
    pub fn first_token(&self, m: usize) -> usize {
        self.tokens
            .partition_point(|t| t.start < self.mentions[m].start)
    }

    /// The first token after mention `m`.
    pub fn after_token(&self, m: usize) -> usize {
        self.tokens
            .partition_point(|t| t.start < self.mentions[m].end)
    }
}
