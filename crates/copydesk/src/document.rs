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

fn is_name(label: Label) -> bool {
    matches!(label, Label::Per | Label::Org | Label::Loc | Label::Misc)
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

    /// Tone toward each referent, most mentioned first: one row per canonical name (the
    /// name of an [`EntityGroup`]) with the label of its group (its most frequent label,
    /// so "US" tagged `ORG` five times and `LOC` twice is one row), counting every
    /// name mention (`PER`, `ORG`, `LOC`, `MISC`) of that name. When two groups share a
    /// canonical name, the label is that of the larger (the first on ties).
    pub fn entity_tone(&self) -> Vec<EntityTone> {
        // Label of each canonical name: its largest group's label.
        let mut group_label: HashMap<&str, (usize, Label)> = HashMap::new();
        for g in &self.entity_groups {
            let n = g.mentions.len();
            let e = group_label
                .entry(g.canonical.as_str())
                .or_insert((n, g.label));
            if n > e.0 {
                *e = (n, g.label);
            }
        }
        let mut out: Vec<(EntityTone, Option<usize>, f64)> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for e in &self.entities {
            if !is_name(e.label) {
                continue;
            }
            let name = e.canonical.as_str();
            let i = *index.entry(name).or_insert_with(|| {
                let label = group_label.get(name).map_or(e.label, |&(_, l)| l);
                out.push((
                    EntityTone {
                        name: e.canonical.clone(),
                        label,
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

    /// The mean of the sentence compounds, in [-1, 1] (0 for a text without sentences):
    /// the document-level aggregate that separates outlets. `tone.compound` squashes the
    /// sum of the whole text's sentiment, so any long article saturates towards -1 or +1;
    /// this mean does not grow with length, and it is what `copydesk.compare`, the
    /// documents frame and the command line report as `mean_compound`.
    pub fn mean_compound(&self) -> f64 {
        if self.sentences.is_empty() {
            return 0.0;
        }
        self.sentences.iter().map(|s| s.tone.compound).sum::<f64>() / self.sentences.len() as f64
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip() {
        let doc = crate::analyze(
            "\"We agreed,\" Ingrid Solberg said in Oslo on Monday. Ms Solberg's ministry \
             called the US sanctions unjustified; the U.S. did not reply. 😀 Straße.",
        );
        assert!(!doc.quotes.is_empty() && !doc.entity_groups.is_empty());
        let back = Document::from_json(&doc.to_json()).expect("round trip");
        assert_eq!(back, doc);
        assert!(Document::from_json("{\"text\": 1}").is_err());
    }

    #[test]
    fn entity_tone_counts_a_referent_once_whatever_its_mention_labels() {
        let mut doc = crate::analyze(
            "The US imposed sanctions. The US embassy closed. Officials in the US said \
             the US would respond.",
        );
        let us: Vec<usize> = (0..doc.entities.len())
            .filter(|&i| doc.entities[i].canonical == "United States")
            .collect();
        assert!(us.len() >= 3, "{:?}", doc.entities);
        // The tagger's labels for one referent disagree: the rows must not split.
        for (k, &i) in us.iter().enumerate() {
            doc.entities[i].label = if k % 2 == 0 { Label::Org } else { Label::Loc };
        }
        let rows: Vec<EntityTone> = doc
            .entity_tone()
            .into_iter()
            .filter(|t| t.name == "United States")
            .collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].mentions, us.len());
        let group = doc
            .entity_groups
            .iter()
            .find(|g| g.canonical == "United States")
            .expect("a group");
        assert_eq!(rows[0].label, group.label);
    }

    #[test]
    fn mean_compound_is_the_mean_of_the_sentences() {
        let doc = crate::analyze("A wonderful day. A terrible, awful crime. The end.");
        let n = doc.sentences.len() as f64;
        let want: f64 = doc.sentences.iter().map(|s| s.tone.compound).sum::<f64>() / n;
        assert!((doc.mean_compound() - want).abs() < 1e-12);
        assert_eq!(crate::analyze("").mean_compound(), 0.0);
    }
}
