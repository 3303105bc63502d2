//! The analysis result: [`Document`] and the types it holds.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use copydesk_entities::Label;
use copydesk_tokenize::Token;
use copydesk_tone::{DocumentTone, Tone};

use crate::aliases::{plain_canonical, EntityGroup, Grouping};
use crate::error::Error;
use copydesk_quotes::Quote;

/// A sentence of a [`Document`]: byte span (trimmed) and its tone.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The sentence's tone (all zero when the tone scorer is off).
    pub tone: Tone,
}

/// An entity mention of a [`Document`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Byte offset of the first character (a token start).
    pub start: usize,
    /// Byte offset one past the last character (a token end).
    pub end: usize,
    /// `PER`, `ORG`, `LOC`, `MISC` from the model; `DATE`, `TIME`, `MONEY`, `PERCENT` from rules.
    pub label: Label,
    /// Confidence in [0, 1].
    pub score: f32,
    /// The name this mention refers to, shared by all mentions of one referent.
    pub canonical: String,
    /// Index of the sentence holding the mention.
    pub sentence: usize,
}

/// The tone toward one entity in one document: the mean compound tone of the sentences
/// that mention it (each sentence counted once).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityTone {
    /// The canonical name.
    pub name: String,
    /// The entity's label.
    pub label: Label,
    /// How many times it is mentioned.
    pub mentions: usize,
    /// How many distinct sentences mention it.
    pub sentences: usize,
    /// Mean compound tone of those sentences, in [-1, 1].
    pub tone: f64,
}

/// A text and everything the pipeline found in it. Offsets are byte offsets into `text`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The analysed text, as given.
    pub text: String,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Sentences, in order, covering every token once.
    pub sentences: Vec<Sentence>,
    /// Entity mentions, in order, non-overlapping, on token boundaries.
    pub entities: Vec<Entity>,
    /// The tone of the whole document.
    pub tone: Tone,
    /// Direct quotations with their speakers, in order (empty when quotes are off).
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Name mentions grouped by referent, in order of first mention.
    #[serde(default)]
    pub entity_groups: Vec<EntityGroup>,
}

impl Document {
    pub(crate) fn assemble(
        text: &str,
        tokens: Vec<Token>,
        sentences: &[copydesk_sentences::Sentence],
        entities: Vec<copydesk_entities::Entity>,
        tones: Option<DocumentTone>,
        grouping: Grouping,
        quotes: Vec<Quote>,
    ) -> Self {
        let (tone, sentence_tones) = match tones {
            Some(t) => (t.document, t.sentences),
            None => (Tone::default(), Vec::new()),
        };
        let sentences: Vec<Sentence> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| Sentence {
                start: s.start,
                end: s.end,
                tone: sentence_tones.get(i).copied().unwrap_or_default(),
            })
            .collect();
        let mut si = 0;
        let mut canonical = grouping.canonical.into_iter();
        let entities = entities
            .into_iter()
            .map(|e| {
                while si + 1 < sentences.len() && sentences[si].end <= e.start {
                    si += 1;
                }
                Entity {
                    start: e.start,
                    end: e.end,
                    label: e.label,
                    score: e.score,
                    canonical: canonical
                        .next()
                        .unwrap_or_else(|| plain_canonical(&text[e.start..e.end])),
                    sentence: si,
                }
            })
            .collect();
        Self {
            text: text.to_owned(),
            tokens,
            sentences,
            entities,
            tone,
            quotes,
            entity_groups: grouping.groups,
        }
    }

    /// The text of a span of this document.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[start..end]
    }

    /// Tone toward each entity (by canonical name and label), most mentioned first.
    pub fn entity_tone(&self) -> Vec<EntityTone> {
        let mut out: Vec<(EntityTone, Option<usize>, f64)> = Vec::new();
        let mut index: HashMap<(&str, Label), usize> = HashMap::new();
        for e in &self.entities {
            if !matches!(e.label, Label::Per | Label::Org | Label::Loc | Label::Misc) {
                continue;
            }
            let i = *index
                .entry((e.canonical.as_str(), e.label))
                .or_insert_with(|| {
                    out.push((
                        EntityTone {
                            name: e.canonical.clone(),
                            label: e.label,
                            mentions: 0,
                            sentences: 0,
                            tone: 0.0,
                        },
                        None,
                        0.0,
                    ));
                    out.len() - 1
                });
            let (t, last, sum) = &mut out[i];
            t.mentions += 1;
            if *last != Some(e.sentence) {
                *last = Some(e.sentence);
                t.sentences += 1;
                *sum += self
                    .sentences
                    .get(e.sentence)
                    .map_or(0.0, |s| s.tone.compound);
            }
        }
        let mut tones: Vec<EntityTone> = out
            .into_iter()
            .map(|(mut t, _, sum)| {
                t.tone = if t.sentences > 0 {
                    sum / t.sentences as f64
                } else {
                    0.0
                };
                t
            })
            .collect();
        tones.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.name.cmp(&b.name))
        });
        tones
    }

    /// The document as JSON (every field, byte offsets).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("documents always serialize")
    }

    /// Reads a document written by [`Document::to_json`].
    pub fn from_json(json: &str) -> Result<Self, Error> {
        Ok(serde_json::from_str(json)?)
    }
}
