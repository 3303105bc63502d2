//! The tone scorer: sentence scores from the analysed terms, document aggregation.

use std::sync::{Arc, LazyLock};

use copydesk_tokenize::Token;
use serde::{Deserialize, Serialize};

use crate::analyze::{analyse, Features, Scratch, Term};
use crate::lexicon::{Lexicon, DEFAULT_LEXICON};
use crate::rules;
use crate::table::{Table, NOT_WORD};
use crate::Sentence;
use copydesk_sentences::SentenceSplitter;

/// Tone of a sentence or a document.
///
/// `compound` is the overall verdict in [-1, 1]; `positive`, `negative` and `neutral` are
/// the shares of positive valence, negative valence and neutral words (summing to 1, or
/// all 0 for a text without words); the rest are GDELT-style bag-of-words densities over
/// `word_count` words (see the crate docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    /// Normalised score in [-1, 1] (≥ 0.05 positive, ≤ -0.05 negative by convention).
    pub compound: f64,
    /// Share of positive valence, in [0, 1].
    pub positive: f64,
    /// Share of negative valence, in [0, 1].
    pub negative: f64,
    /// Share of neutral words, in [0, 1].
    pub neutral: f64,
    /// Share of words that are tone-dictionary hits (either direction), in [0, 1].
    pub polarity: f64,
    /// Number of word-like tokens (words, numbers, hashtags, mentions, emoji, emoticons).
    pub word_count: usize,
    /// GDELT tone: 100 × (positive hits − negative hits) / word_count.
    pub tone: f64,
    /// GDELT activity reference density: % of words that are activity words.
    pub activity: f64,
    /// GDELT self/group reference density: % of words that are first-person pronouns.
    pub self_reference: f64,
}

/// Tone of a document and of each of its sentences.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentTone {
    /// The document's tone (see [`ToneScorer::score_document`] for the aggregation).
    pub document: Tone,
    /// One tone per sentence, in order.
    pub sentences: Vec<Tone>,
}

/// Sums over one or more sentences; turned into a [`Tone`] at the end.
#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    /// Sum of the sentences' sums (each after its punctuation push).
    sum: f64,
    /// Sentences with at least one word.
    sentences: u32,
    pos: f64,
    neg: f64,
    neutral: f64,
    pos_hits: u32,
    neg_hits: u32,
    words: u32,
    active: u32,
    self_ref: u32,
}

/// The squashing normalisation: `s / sqrt(s² + α)`, clipped to [-1, 1].
#[inline]
pub fn squash(s: f64) -> f64 {
    (s / (s * s + rules::ALPHA).sqrt()).clamp(-1.0, 1.0)
}

/// The document score before squashing: the sum of the sentence sums, times
/// `(SHORT / n)^DOC_EXPONENT` for `n > SHORT` sentences with words.
#[inline]
pub fn aggregate(sum: f64, sentences: u32) -> f64 {
    if sentences <= SHORT {
        sum
    } else {
        sum * (f64::from(SHORT) / f64::from(sentences)).powf(DOC_EXPONENT)
    }
}

/// Texts of up to this many sentences are scored on the plain sum of their sentences.
pub(crate) const SHORT: u32 = 3;
/// Exponent of the sentence-count normalisation of document sums (see the crate docs).
pub(crate) const DOC_EXPONENT: f64 = 0.5;

/// Applies the punctuation push to a sentence sum.
#[inline]
pub fn with_push(s: f64, push: f32) -> f64 {
    if s > 0.0 {
        s + f64::from(push)
    } else if s < 0.0 {
        s - f64::from(push)
    } else {
        0.0
    }
}

impl Acc {
    fn add_sentence(&mut self, table: &Table, terms: &[Term], f: &Features) {
        let mut s = 0.0f64;
        let (mut pos, mut neg) = (0.0f64, 0.0f64);
        let mut valenced = 0u32;
        for t in terms {
            let v = table.entries[t.entry as usize].valence;
            if v == 0.0 {
                continue;
            }
            valenced += 1;
            let c = f64::from(t.contribution(v));
            s += c;
            if c > 0.0 {
                pos += c + 1.0;
            } else if c < 0.0 {
                neg += -c + 1.0;
            }
            if v.abs() >= rules::HIT && table.entries[t.entry as usize].flags & NOT_WORD == 0 {
                if c > 0.0 {
                    self.pos_hits += 1;
                } else if c < 0.0 {
                    self.neg_hits += 1;
                }
            }
        }
        let s = with_push(s, f.push);
        if pos > neg {
            pos += f64::from(f.push);
        } else if neg > pos {
            neg += f64::from(f.push);
        }
        self.sum += s;
        if f.items > 0 {
            self.sentences += 1;
        }
        self.pos += pos;
        self.neg += neg;
        self.neutral += f64::from(f.items.saturating_sub(valenced));
        self.words += f.words;
        self.active += f.active;
        self.self_ref += f.self_ref;
    }

    fn merge(&mut self, o: &Acc) {
        self.sum += o.sum;
        self.sentences += o.sentences;
        self.pos += o.pos;
        self.neg += o.neg;
        self.neutral += o.neutral;
        self.pos_hits += o.pos_hits;
        self.neg_hits += o.neg_hits;
        self.words += o.words;
        self.active += o.active;
        self.self_ref += o.self_ref;
    }

    fn tone(&self) -> Tone {
        let total = self.pos + self.neg + self.neutral;
        let (positive, negative, neutral) = if total > 0.0 {
            let p = self.pos / total;
            let n = self.neg / total;
            (p, n, (1.0 - p - n).max(0.0))
        } else {
            (0.0, 0.0, 0.0)
        };
        let w = f64::from(self.words);
        let pct = |x: u32| {
            if w > 0.0 {
                100.0 * f64::from(x) / w
            } else {
                0.0
            }
        };
        Tone {
            compound: squash(aggregate(self.sum, self.sentences)),
            positive,
            negative,
            neutral,
            polarity: if w > 0.0 {
                (f64::from(self.pos_hits + self.neg_hits) / w).min(1.0)
            } else {
                0.0
            },
            word_count: self.words as usize,
            tone: pct(self.pos_hits) - pct(self.neg_hits),
            activity: pct(self.active),
            self_reference: pct(self.self_ref),
        }
    }
}

/// The sentence splitter [`ToneScorer::score`] uses.
pub static SPLITTER: LazyLock<SentenceSplitter> = LazyLock::new(SentenceSplitter::default);

/// The embedded lexicon's table, built once and shared by every default scorer.
static DEFAULT_TABLE: LazyLock<Arc<Table>> =
    LazyLock::new(|| Arc::new(Table::new(&DEFAULT_LEXICON)));

/// A tone scorer: a lexicon plus the fixed rules. Cheap to clone (the tables are shared),
/// `Send + Sync`.
///
/// ```
/// let scorer = copydesk_tone::ToneScorer::new();
/// assert!(scorer.score("The talks were a great success.").compound > 0.3);
/// assert!(scorer.score("The talks collapsed amid mistrust and sanctions.").compound < -0.3);
/// ```
#[derive(Clone, Debug)]
pub struct ToneScorer {
    lexicon: Option<Arc<Lexicon>>,
    table: Arc<Table>,
}

impl Default for ToneScorer {
    fn default() -> Self {
        Self::new()
    }
}

impl ToneScorer {
    /// A scorer with the embedded lexicon.
    pub fn new() -> Self {
        ToneScorer {
            lexicon: None,
            table: Arc::clone(&DEFAULT_TABLE),
        }
    }

    /// A scorer with `lexicon` instead of the embedded one (the rules stay).
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        let table = Arc::new(Table::new(&lexicon));
        ToneScorer {
            lexicon: Some(Arc::new(lexicon)),
            table,
        }
    }

    /// Adds the entries of `lexicon` to this scorer's lexicon, overriding existing ones.
    pub fn extend_lexicon(&mut self, lexicon: &Lexicon) {
        let mut merged = match &self.lexicon {
            Some(l) => (**l).clone(),
            None => DEFAULT_LEXICON.clone(),
        };
        merged.extend_from(lexicon);
        *self = ToneScorer::with_lexicon(merged);
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        match &self.lexicon {
            Some(l) => l,
            None => &DEFAULT_LEXICON,
        }
    }

    /// The lookup table (for the lexicon fit of `copydesk-train`).
    #[doc(hidden)]
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// The tone of `text`: tokenizes it, splits it into sentences, and aggregates the
    /// sentence scores as [`score_document`](Self::score_document) does.
    pub fn score(&self, text: &str) -> Tone {
        let tokens = copydesk_tokenize::tokenize(text);
        let sentences = SPLITTER.split(text, &tokens);
        self.accumulate(text, &tokens, &sentences, None).tone()
    }

    /// The tone of `text`, from text: the same as [`score`](Self::score), under the name
    /// every component uses for its from-text call (`split_text`, `tag_text`).
    pub fn score_text(&self, text: &str) -> Tone {
        self.score(text)
    }

    /// The tone of one sentence; `tokens` are that sentence's tokens (offsets into `text`).
    pub fn score_sentence(&self, text: &str, tokens: &[Token]) -> Tone {
        let mut scratch = Scratch::default();
        let mut terms = Vec::new();
        let f = analyse(&self.table, text, tokens, &mut scratch, false, &mut terms);
        let mut acc = Acc::default();
        acc.add_sentence(&self.table, &terms, &f);
        acc.tone()
    }

    /// The tone of a document and of each sentence. `tokens` are the document's tokens and
    /// `sentences` its sentence spans (both offsets into `text`); tokens outside every
    /// sentence are ignored.
    ///
    /// The document `compound` squashes the sum of the sentence sums, times `√(3/n)` for
    /// `n > 3` sentences (see the crate docs): one sentence scores exactly as
    /// [`score_sentence`](Self::score_sentence), a snippet of up to three sentences as one
    /// unit, and a long article does not saturate at ±1 the way a plain sum does. Shares
    /// and densities are pooled over all words. The document part equals
    /// [`score`](Self::score) when `tokens` and `sentences` are those `score` would use.
    pub fn score_document(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> DocumentTone {
        let mut out = Vec::with_capacity(sentences.len());
        let acc = self.accumulate(text, tokens, sentences, Some(&mut out));
        DocumentTone {
            document: acc.tone(),
            sentences: out,
        }
    }

    fn accumulate(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        mut per_sentence: Option<&mut Vec<Tone>>,
    ) -> Acc {
        let mut scratch = Scratch::with_capacity(tokens.len().min(256));
        let mut terms = Vec::with_capacity(tokens.len().min(256) / 4);
        let mut doc = Acc::default();
        let mut t = 0;
        for s in sentences {
            while t < tokens.len() && tokens[t].start < s.start {
                t += 1;
            }
            let first = t;
            while t < tokens.len() && tokens[t].end <= s.end {
                t += 1;
            }
            terms.clear();
            let f = analyse(
                &self.table,
                text,
                &tokens[first..t],
                &mut scratch,
                false,
                &mut terms,
            );
            let mut acc = Acc::default();
            acc.add_sentence(&self.table, &terms, &f);
            if let Some(out) = per_sentence.as_deref_mut() {
                out.push(acc.tone());
            }
            doc.merge(&acc);
        }
        doc
    }
}

/// The tone of `text` with the default scorer (embedded lexicon).
///
/// ```
/// let t = copydesk_tone::score_tone("No agreement was reached.");
/// assert!(t.compound < 0.0);
/// assert_eq!(t.word_count, 4);
/// ```
pub fn score_tone(text: &str) -> Tone {
    static SCORER: LazyLock<ToneScorer> = LazyLock::new(ToneScorer::new);
    SCORER.score(text)
}
