//! News tone scoring: a lexicon-and-rules sentence scorer, document aggregation, and
//! GDELT-style document tone densities.
//!
//! ```
//! use copydesk_tone::{score_tone, ToneScorer, Lexicon};
//! let t = score_tone("The summit ended without an agreement, and sanctions followed.");
//! assert!(t.compound < 0.0);
//! assert!((t.positive + t.negative + t.neutral - 1.0).abs() < 1e-9);
//!
//! // A custom lexicon extends (or replaces) ours.
//! let mut scorer = ToneScorer::new();
//! scorer.extend_lexicon(&Lexicon::from_tsv("bullish\t2.5\n").unwrap());
//! assert!(scorer.score("Analysts are bullish.").compound > 0.3);
//! ```
//!
//! # Sentence scoring
//!
//! Each token is looked up (normalised with [`copydesk_tokenize::normalize`]; multiword
//! phrases, idioms and emoticons matched longest-first) in the lexicon of valences on a
//! -4..+4 scale; a word the lexicon lacks that is a regular inflection of a lexicon word
//! (-s/-es/-ies, -ed/-d/-ied, -ing, -ly/-ily, -er/-ier, -est/-iest: "tyrannies",
//! "loveliest", "freshest") scores 0.8 times its base's valence (lexicalised forms such as
//! `likely` excepted), and `un` + a lexicon word ("unappetizing") -0.84 times it (the slope
//! of VADER's own `un`-words on their bases). Numerals carry no tone (VADER's slang "187"
//! and "86" are quantities in news). Then rules adjust each sentiment word:
//!
//! - **negation**: a negator (`not`, `n't`, `no`, `never`, `without`, `lack`, `instead of`,
//!   `rather than`, ...) within the four previous words *of the same clause* multiplies a
//!   positive valence by -0.74 (flip and weaken) and a negative one by -0.3 ("not bad" is
//!   only mildly positive): "no agreement was reached" is negative; "never so/this" and
//!   "never/none/nothing/nobody ... more/better/greater/so" ("none more beautiful",
//!   "nothing better") intensify instead, "not only/just" is no negation, and
//!   `fail`/`refuse`/`unable` ... followed by `to` negate ("failed to win"); a hyphen
//!   inside a compound ("not well-known") is no clause boundary;
//! - **valence shifters** (`reduce`, `prevent`, `end`, `curb`, `ban`, ...): sentiment words
//!   in the next three words of the clause count 0, since "reduce poverty" is good news and
//!   "reduce support" bad;
//! - **named beneficiaries**: a verb of benefit (`help`, `aid`, `assist`, `boost`,
//!   `bolster`, `benefit`) followed by a name, directly or after `the` ("help Donald Trump
//!   win the election"), says which side gains, not whether that is good news: the verb
//!   and the next three words carry no tone ("State government is trying to help" keeps
//!   its);
//! - **boosters and dampeners** (`very`, `extremely` / `slightly`, `kind of`) within three
//!   words add or remove 0.293 of magnitude, fading with distance; like the conjunctions
//!   below, they may also carry a (fitted) valence of their own (`less` -0.5, `rather`
//!   -0.6, `instead` -0.3: in editorials they mostly frame a shortfall);
//! - **capitals**: a word in capitals in mixed-case text gains 0.733 of magnitude;
//! - **contrast**: before `but`/`however`/`nevertheless`, words weigh 0.5 (after it 1, not
//!   VADER's 1.5); a concessive or conditional clause (`although`, `though`, `despite`, `if`
//!   ... up to the next comma) weighs 0.5 and the rest of the sentence 1;
//! - **punctuation**: each `!` (up to 4) pushes the sum 0.292 further from 0; two or more `?`
//!   push 0.18 each (at most 0.96); the question mark itself has a (fitted, mildly
//!   negative) lexicon valence: questions in opinion writing are mostly rhetorical and
//!   critical. It is scored but not counted as a word.
//! - **names**: a capitalised word inside a sentence (not at its start, after a colon or
//!   opening a quotation) next to another such word, directly or across `of`/`for`/`and`,
//!   is part of a name and carries no tone: "the Friends of Harvey Mudd College", "a
//!   Federal Grand Jury", "the Justice Department" (sentences with no word starting in
//!   lower case, such as Title Case posts, are left alone);
//! - **length**: in a sentence of `w > 10` words every sentiment word weighs `√(10 / w)`: a
//!   long sentence holds more sentiment words without reading as more emphatic (in 5-fold
//!   cross-validation this raised r on all four rated sets, e.g. NYT 0.566 → 0.580).
//!
//! The sentence sum `s` is squashed to `compound = s / sqrt(s² + 15)` in [-1, 1].
//!
//! # Document aggregation
//!
//! A document's `compound` squashes `S = Σ s_j` over its `n` sentences (with words) when
//! `n ≤ 3`, and `S = Σ s_j · √(3/n)` beyond. Snippets of one to three sentences (what the
//! rated evaluation sets hold, and what `score()` is called on for snippet-level work)
//! are read as one unit, as human raters read them: on the multi-sentence tweets the
//! plain sum correlated better (r 0.868 with the unfitted prior lexicon) than dividing
//! by `√n` (0.860) or averaging sentence sums (0.811). For a long article a plain sum
//! saturates at ±1 (sums grow with length while the squashing does not look at it); the
//! `√(3/n)` factor keeps a mixed article near 0 and lets only a consistently toned one
//! approach ±1, continuously with the short-text rule. Shares and densities are pooled
//! over all words.
//!
//! # GDELT-style densities
//!
//! Over the `word_count` word-like tokens (words, numbers, hashtags, mentions, emoji and
//! emoticons; never punctuation), a *hit* is a lexicon word with |valence| ≥ 1, counted
//! positive or negative by its sign after negation. `polarity` = hits / words (a fraction),
//! `tone` = 100 × (positive − negative hits) / words, `activity` = % of words in our
//! activity-word list (action verbs and their inflections, `data/activity.txt`), and
//! `self_reference` = % of first-person pronouns (I, me, my, we, us, our, ...).
//!
//! # The lexicon
//!
//! `data/lexicon.tsv` is generated by `cargo run --release -p copydesk-train --bin
//! build-lexicon` (see `data/README.md`): VADER's lexicon as a prior plus valences for
//! frequent news words predicted from word vectors of unlabelled news (`--expand`) and our
//! news vocabulary, with valences fitted to human-rated snippets by the training tools'
//! `copydesk_train::tone::fit_lexicon`.
//!
//! # API shape
//!
//! As in every copydesk crate: from text, [`score_tone`] (defaults) or
//! [`ToneScorer::score_text`] (also named [`ToneScorer::score`]); from tokens and sentences
//! computed upstream, [`ToneScorer::score_sentence`] / [`ToneScorer::score_document`];
//! configure with [`ToneScorer::with_lexicon`] (replace) or [`ToneScorer::extend_lexicon`].

mod analyze;
mod hash;
mod lexicon;
mod rules;
mod scorer;
mod table;

pub use copydesk_sentences::Sentence;

/// For the training tool `crates/copydesk-train` only, not a stable API: the scorer's own
/// sentence analysis and aggregation, which the lexicon fit runs so that fitted valences
/// are valences for this scorer.
#[doc(hidden)]
pub mod internals {
    pub use crate::analyze::{analyse, key_of, Features, Scratch, Term};
    pub use crate::hash::{FxHashMap, FxHasher};
    pub use crate::rules::{ALPHA, LEXICALISED};
    pub use crate::scorer::{aggregate, squash, with_push, SPLITTER};
    pub use crate::table::{Entry, Table};
}
pub use lexicon::Lexicon;
pub use scorer::{score_tone, DocumentTone, Tone, ToneScorer};

/// Errors of this crate's fallible constructors.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A lexicon line could not be parsed.
    #[error("lexicon line {line}: {message}")]
    Parse {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}
