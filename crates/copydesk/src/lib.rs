//! copydesk: analyse news articles — tokens, sentences, entities, tone, quotes.
//!
//! The facade composes the component crates into one [`Pipeline`] whose
//! [`Pipeline::analyze`] returns a [`Document`]: the text with its tokens, sentences (each
//! with its tone), entities (each with a canonical name), the document tone and the tone
//! toward each entity, the direct quotations with their speakers ([`Quote`]) and the
//! entity mentions grouped by referent ([`EntityGroup`], with an [`AliasTable`] joining
//! variants such as `U.S.` and `United States`; [`link_referents`] does the same across
//! documents). [`Pipeline::analyze_many`] does the same for many texts in parallel.
//! Offsets are byte offsets into the analysed text, always on char boundaries.
//!
//! ```
//! let doc = copydesk::analyze("Rex Tillerson met Sergei Lavrov in Manila. The talks went badly.");
//! assert_eq!(doc.sentences.len(), 2);
//! for e in &doc.entities {
//!     println!("{} {}", e.label.as_str(), &doc.text[e.start..e.end]);
//! }
//! assert!(doc.tone.compound < 0.0);
//!
//! let doc = copydesk::analyze("\"We have our differences,\" Mr Tillerson said.");
//! let q = &doc.quotes[0];
//! assert_eq!(q.text(&doc.text), "We have our differences");
//! assert_eq!(q.cue, "said");
//! ```
//!
//! Each component is usable on its own through the re-exported crates:
//! [`tokenize`], [`sentences`], [`entities`], [`tone`], [`quotes`], [`aliases`].
//!
//! # API shape
//!
//! Every component crate has the same three ways in (see ARCHITECTURE.md, "One API
//! shape"): a free function from text with the defaults (`tokenize`, `split_sentences`,
//! `tag_entities`, `score_tone`, here [`analyze`]), the configured type's from-text method
//! (`split_text`, `tag_text`, `score_text`, here [`Pipeline::analyze`] and
//! [`Pipeline::analyze_many`]), a from-tokens method the facade composes (`split`, `tag`,
//! `score_document`), and configuration by `with_*`/`add_*`/`extend_*` (here
//! [`Pipeline::builder`] or [`Pipeline::from_config`]).

mod document;
mod error;
mod pipeline;
mod pool;
#[cfg(test)]
mod quote_tests;
mod referents;

pub use copydesk_aliases as aliases;
pub use copydesk_entities as entities;
pub use copydesk_quotes as quotes;
pub use copydesk_sentences as sentences;
pub use copydesk_tokenize as tokenize;
pub use copydesk_tone as tone;

pub use copydesk_aliases::{person_key, AliasTable, EntityGroup};
pub use copydesk_entities::Label;
pub use copydesk_quotes::{Quote, QuoteKind};
pub use copydesk_tokenize::{Token, TokenKind};
pub use copydesk_tone::Tone;
pub use document::{Document, Entity, EntityTone, Sentence};
pub use error::Error;
pub use pipeline::{EntityRule, Pipeline, PipelineBuilder, PipelineConfig};
pub use referents::{link_names, link_referents, Referent};

/// Analyses `text` with the default pipeline (every component, built-in models).
pub fn analyze(text: &str) -> Document {
    Pipeline::shared_default().analyze(text)
}
