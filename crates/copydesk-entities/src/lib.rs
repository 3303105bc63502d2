//! Named-entity tagging for news text.
//!
//! A statistical sequence tagger (averaged structured perceptron, BILOU tags, constrained
//! Viterbi, trained on CoNLL-2003 by the `train` binary of `copydesk-train`) finds `PER`, `ORG`,
//! `LOC` and `MISC` names; precise rules add `DATE`, `TIME`, `MONEY` and `PERCENT`; user
//! phrase rules override both. The default model is embedded in the crate.
//!
//! ```
//! use copydesk_entities::{tag_entities, Label};
//! let text = "Rex Tillerson met Sergei Lavrov in Manila.";
//! let labels: Vec<(&str, Label)> = tag_entities(text)
//!     .iter()
//!     .map(|e| (&text[e.start..e.end], e.label))
//!     .collect();
//! assert_eq!(
//!     labels,
//!     [("Rex Tillerson", Label::Per), ("Sergei Lavrov", Label::Per), ("Manila", Label::Loc)]
//! );
//! ```

mod clusters;
mod emissions;
mod error;
mod features;
mod gazetteer;
mod hash;
mod label;
pub mod lists;
mod model;
mod phrases;
mod rules;
mod segments;
mod structure;
mod tags;
mod truecase;

use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use copydesk_tokenize::Token;
use serde::{Deserialize, Serialize};

pub use error::Error;
pub use label::Label;
pub use structure::LEGAL_FORMS;

pub use copydesk_sentences::Sentence;

use features::Extractor;
use model::{Model, Softmax};
use phrases::Phrases;

/// A named entity: a byte span of the input on token boundaries, a label and a confidence.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Byte offset of the first byte (a token start).
    pub start: usize,
    /// Byte offset one past the last byte (a token end).
    pub end: usize,
    /// The entity type.
    pub label: Label,
    /// Confidence in `[0, 1]` (model marginal; rules and user phrases give fixed scores).
    pub score: f32,
}

impl Entity {
    /// The entity's text, sliced from the text it was found in.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

pub(crate) static EMBEDDED: &[u8] = include_bytes!("../model/ner.bin");

static DEFAULT_MODEL: LazyLock<Arc<Model>> = LazyLock::new(|| {
    Arc::new(
        Model::from_bytes(EMBEDDED).unwrap_or_else(|_| Model::empty(clusters::Clusters::default())),
    )
});

/// Tokens longer than this many bytes (base64 blobs, a megabyte of combining marks on one
/// letter) are never names, dates or amounts: they are left out of tagging, so that no
/// per-token feature work (case folding, normalization) runs over them.
const MAX_TOKEN_BYTES: usize = 256;

/// The entity tagger: a model plus optional user phrase rules. Cheap to clone (the model is
/// shared), `Send + Sync`.
#[derive(Clone, Debug)]
pub struct EntityTagger {
    model: Arc<Model>,
    /// The model's score tables for confidences.
    softmax: Softmax,
    phrases: Phrases,
}

impl Default for EntityTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl EntityTagger {
    /// A tagger with the embedded English news model.
    pub fn new() -> Self {
        EntityTagger {
            softmax: Softmax::new(&DEFAULT_MODEL),
            model: Arc::clone(&DEFAULT_MODEL),
            phrases: Phrases::default(),
        }
    }

    /// A tagger with a model from bytes written by the `train` binary (`copydesk-train`).
    pub fn from_model_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let model = Model::from_bytes(bytes)?;
        Ok(EntityTagger {
            softmax: Softmax::new(&model),
            model: Arc::new(model),
            phrases: Phrases::default(),
        })
    }

    /// A tagger with a model read from a file written by the `train` binary (`copydesk-train`).
    pub fn from_model_file(path: impl AsRef<Path>) -> Result<Self, Error> {
        let bytes = std::fs::read(path)?;
        Self::from_model_bytes(&bytes)
    }

    /// Adds a user phrase rule: every occurrence of `phrase` (matched on normalized tokens,
    /// so case-insensitively) is tagged `label`, overriding the model and the rules, like
    /// spaCy's EntityRuler. Longer phrases win over shorter ones starting at the same token.
    pub fn add_rule(&mut self, phrase: &str, label: Label) {
        self.phrases.add(phrase, label);
    }

    /// Tags one document given its tokens and sentences (as produced by `copydesk-tokenize`
    /// and `copydesk-sentences` for `text`). Entities are sorted and non-overlapping.
    pub fn tag(&self, text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Entity> {
        // Tokens from `copydesk-tokenize` are always valid and rarely too long, so both
        // filters usually borrow the input instead of copying every token.
        let valid = keep(tokens, |t| {
            t.start < t.end
                && t.end <= text.len()
                && text.is_char_boundary(t.start)
                && text.is_char_boundary(t.end)
        });
        let tokens = keep(&valid, |t| t.end - t.start <= MAX_TOKEN_BYTES);
        let segs = segments::segments(text, &tokens, sentences);
        let segs = segments::bounded(segs, segments::MAX_SEGMENT_TOKENS);
        let mut ents: Vec<Entity> = Vec::new();
        let mut local = Vec::new();
        for block in segments::blocks(&segs, segments::BLOCK_TOKENS) {
            let (t0, t1) = (segs[block.start].0, segs[block.end - 1].1);
            local.clear();
            local.extend(segs[block].iter().map(|&(a, b)| (a - t0, b - t0)));
            ents.extend(self.model_entities(text, &tokens[t0..t1], &local));
        }
        let mut ents = structure::apply(text, &tokens, &segs, &self.model.clusters.lists, ents);
        let rule_ents = rules::find(text, &tokens, &segs);
        let rule_ents = trim_rules(rule_ents, &ents, &tokens);
        ents = merge(ents, rule_ents);
        if !self.phrases.is_empty() {
            let user = within_sentences(self.phrases.find(text, &valid), sentences);
            ents = merge(user, ents);
        }
        ents
    }

    /// Tokenizes, splits sentences and tags `text`.
    pub fn tag_text(&self, text: &str) -> Vec<Entity> {
        let tokens = copydesk_tokenize::tokenize(text);
        let sentences = segments::split(text, &tokens);
        self.tag(text, &tokens, &sentences)
    }

    /// Model-only entities (PER/ORG/LOC/MISC) over token segments.
    pub(crate) fn model_entities(
        &self,
        text: &str,
        tokens: &[Token],
        segs: &[(usize, usize)],
    ) -> Vec<Entity> {
        let ex = Extractor {
            clusters: &self.model.clusters,
            drop: 0,
            share_own: true,
        };
        // Title-case headlines are read as running text (same offsets).
        let cased = truecase::running_text(text, tokens, segs, &self.model.clusters);
        let feats = ex.extract(&cased, tokens, segs);
        let model = &*self.model;
        let mut em = emissions::emissions(model, &feats);
        let mut best = vec![tags::O; tokens.len()];
        let mut history = model.history.then(features::History::default);
        let mut extra = Vec::new();
        for &(a, b) in segs {
            if a < b {
                if let Some(h) = &history {
                    for (i, row) in em.iter_mut().enumerate().take(b).skip(a) {
                        extra.clear();
                        h.keys(&feats, i, &mut extra);
                        model.add_emission(&extra, row);
                    }
                }
                best[a..b].copy_from_slice(&model.viterbi(&em[a..b]));
                if let Some(h) = &mut history {
                    h.record(&feats, a, &best[a..b]);
                }
            }
        }
        if model.two_pass {
            let cons = features::consistency(&feats, &best);
            for (i, row) in em.iter_mut().enumerate() {
                model.add_emission(cons.of(i), row);
            }
            for &(a, b) in segs {
                if a < b {
                    best[a..b].copy_from_slice(&model.viterbi(&em[a..b]));
                }
            }
        }
        let mut out = Vec::new();
        for &(a, b) in segs {
            if a >= b {
                continue;
            }
            let spans = tags::spans(&best[a..b]);
            if spans.is_empty() {
                continue;
            }
            let marg = self.softmax.marginals(&em[a..b]);
            for (s, e, l) in spans {
                let score = (s..e).map(|k| marg[k][best[a + k]]).fold(1.0f32, f32::min);
                out.push(Entity {
                    start: tokens[a + s].start,
                    end: tokens[a + e - 1].end,
                    label: Label::from_model_index(l),
                    score: score.clamp(0.0, 1.0),
                });
            }
        }
        out
    }
}

/// The tokens that pass `ok`: borrowed when all do, copied otherwise.
fn keep(tokens: &[Token], ok: impl Fn(&Token) -> bool) -> Cow<'_, [Token]> {
    if tokens.iter().all(&ok) {
        Cow::Borrowed(tokens)
    } else {
        Cow::Owned(tokens.iter().copied().filter(ok).collect())
    }
}

/// Cuts a rule entity short where a model entity overlaps its tail (`10:30 GMT` with a
/// model `GMT` keeps `10:30` as TIME); rule entities overlapping elsewhere are left for
/// [`merge`] to drop.
fn trim_rules(rules: Vec<Entity>, model: &[Entity], tokens: &[Token]) -> Vec<Entity> {
    let mut j = 0;
    let mut ti = 0;
    rules
        .into_iter()
        .map(|mut e| {
            while j < model.len() && model[j].end <= e.start {
                j += 1;
            }
            if j < model.len() && model[j].start < e.end && model[j].start > e.start {
                let cut = model[j].start;
                while ti < tokens.len() && tokens[ti].end <= e.start {
                    ti += 1;
                }
                let mut k = ti;
                let mut new_end = e.start;
                while k < tokens.len() && tokens[k].end <= cut {
                    new_end = tokens[k].end;
                    k += 1;
                }
                if new_end > e.start {
                    e.end = new_end;
                }
            }
            e
        })
        .collect()
}

/// The entities of the sorted list `ents` that do not cross a boundary of the sorted,
/// disjoint `sentences`: each lies inside one sentence or outside all of them (a user
/// phrase must not join the end of one sentence to the start of the next).
fn within_sentences(ents: Vec<Entity>, sentences: &[Sentence]) -> Vec<Entity> {
    let mut s = 0;
    ents.into_iter()
        .filter(|e| {
            while s < sentences.len() && sentences[s].end <= e.start {
                s += 1;
            }
            match sentences.get(s) {
                Some(sent) if sent.start < e.end => sent.start <= e.start && e.end <= sent.end,
                _ => true,
            }
        })
        .collect()
}

/// Merges two sorted, disjoint entity lists; `first` wins where they overlap.
fn merge(first: Vec<Entity>, second: Vec<Entity>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::with_capacity(first.len() + second.len());
    let mut j = 0;
    for e in second {
        while j < first.len() && first[j].end <= e.start {
            j += 1;
        }
        let overlaps = j < first.len() && first[j].start < e.end;
        if !overlaps {
            out.push(e);
        }
    }
    out.extend(first);
    out.sort_by_key(|e| (e.start, e.end));
    out
}

/// For the training tool `crates/copydesk-train` only, not a stable API: what the trainer
/// shares with the tagger (feature extraction, Viterbi decoding, BILOU tags, the model
/// writer, the clusters/gazetteer tables and the hashing of list entries), so that a trained
/// model is read back exactly as it was trained; and the place cues that `tests/countries.rs`
/// checks against.
#[doc(hidden)]
pub mod internals {
    pub use crate::clusters::{casing_code, Clusters};
    pub use crate::features::{consistency, Extractor, Features, History};
    pub use crate::gazetteer::Gazetteer;
    pub use crate::hash::{hash_str, mix, HashMap64, IdentityHasher};
    pub use crate::model::{viterbi, Dense, Model};
    pub use crate::segments::{segments, split};
    pub use crate::structure::PLACE_CUES;
    pub use crate::tags::{encode, split as split_tag, Part, NTAGS, O};

    use crate::{EntityTagger, Phrases, Softmax};
    use std::sync::Arc;

    /// A tagger with `model` and no phrase rules.
    pub fn tagger(model: Model) -> EntityTagger {
        EntityTagger {
            softmax: Softmax::new(&model),
            model: Arc::new(model),
            phrases: Phrases::default(),
        }
    }
}

/// Tags `text` with the default tagger.
pub fn tag_entities(text: &str) -> Vec<Entity> {
    static TAGGER: LazyLock<EntityTagger> = LazyLock::new(EntityTagger::new);
    TAGGER.tag_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn tagger_is_send_sync() {
        assert_send_sync::<EntityTagger>();
    }

    #[test]
    fn huge_tokens_are_skipped_and_the_rest_is_tagged() {
        let text = format!(
            "{} Angela Merkel met officials in Paris.",
            "\u{301}".repeat(400)
        );
        let labels: Vec<(&str, Label)> = tag_entities(&text)
            .iter()
            .map(|e| (&text[e.start..e.end], e.label))
            .collect();
        assert!(
            labels.contains(&("Angela Merkel", Label::Per)),
            "{labels:?}"
        );
        assert!(labels.contains(&("Paris", Label::Loc)), "{labels:?}");
    }

    #[test]
    fn tokens_off_the_text_are_ignored() {
        let text = "Ünal Öz met Angela Merkel in Paris.";
        let tokens = copydesk_tokenize::tokenize(text);
        let sentences = segments::split(text, &tokens);
        let clean = EntityTagger::default().tag(text, &tokens, &sentences);
        let mut bad = tokens.clone();
        let kind = bad[0].kind;
        // Inside "Ü", past the end, and empty: all three are dropped, the rest is tagged.
        bad.insert(
            0,
            Token {
                start: 0,
                end: 1,
                kind,
            },
        );
        bad.push(Token {
            start: 30,
            end: text.len() + 5,
            kind,
        });
        bad.push(Token {
            start: 3,
            end: 3,
            kind,
        });
        assert_eq!(EntityTagger::default().tag(text, &bad, &sentences), clean);
    }

    #[test]
    fn a_long_document_is_tagged_block_by_block_like_its_parts() {
        let para = "Angela Merkel met officials in Paris on Monday. ";
        let one = tag_entities(para);
        let n = 2 * segments::BLOCK_TOKENS / 10;
        let text = para.repeat(n);
        let all = tag_entities(&text);
        assert_eq!(all.len(), one.len() * n);
        assert!(all.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn user_phrases_do_not_cross_sentences() {
        let mut tagger = EntityTagger::default();
        tagger.add_rule("Doe. The", Label::Misc);
        tagger.add_rule("talks went", Label::Misc);
        let text = "We met Jane Doe. The talks went well.";
        let labels: Vec<(&str, Label)> = tagger
            .tag_text(text)
            .iter()
            .map(|e| (&text[e.start..e.end], e.label))
            .collect();
        assert!(labels.contains(&("talks went", Label::Misc)), "{labels:?}");
        assert!(labels.iter().all(|(s, _)| !s.contains('.')), "{labels:?}");
    }

    #[test]
    fn merge_prefers_first() {
        let a = |s, e, l| Entity {
            start: s,
            end: e,
            label: l,
            score: 1.0,
        };
        let m = merge(
            vec![a(5, 10, Label::Per)],
            vec![
                a(0, 3, Label::Date),
                a(8, 12, Label::Date),
                a(12, 14, Label::Time),
            ],
        );
        assert_eq!(
            m,
            vec![
                a(0, 3, Label::Date),
                a(5, 10, Label::Per),
                a(12, 14, Label::Time)
            ]
        );
    }
}
