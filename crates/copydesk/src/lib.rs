//! copydesk: analyse news articles — tokens, sentences, entities, tone.
//!
//! The facade composes the component crates into one [`Pipeline`] whose
//! [`Pipeline::analyze`] returns a [`Document`]: the text with its tokens, sentences (each
//! with its tone), entities (each with a canonical name), the document tone and the tone
//! toward each entity. [`Pipeline::analyze_many`] does the same for many texts in parallel.
//! Offsets are byte offsets into the analysed text, always on char boundaries.
//!
//! ```
//! let doc = copydesk::analyze("Rex Tillerson met Sergei Lavrov in Manila. The talks went badly.");
//! assert_eq!(doc.sentences.len(), 2);
//! for e in &doc.entities {
//!     println!("{} {}", e.label.as_str(), &doc.text[e.start..e.end]);
//! }
//! assert!(doc.tone.compound < 0.0);
//! ```
//!
//! Each component is usable on its own through the re-exported crates:
//! [`tokenize`], [`sentences`], [`entities`], [`tone`].

mod document;
mod error;
mod pipeline;

pub use copydesk_entities as entities;
pub use copydesk_sentences as sentences;
pub use copydesk_tokenize as tokenize;
pub use copydesk_tone as tone;

pub use copydesk_entities::Label;
pub use copydesk_tokenize::{Token, TokenKind};
pub use copydesk_tone::Tone;
pub use document::{Document, Entity, EntityTone, Sentence};
pub use error::Error;
pub use pipeline::{EntityRule, Pipeline, PipelineBuilder, PipelineConfig};

/// Analyses `text` with the default pipeline (every component, built-in models).
pub fn analyze(text: &str) -> Document {
    Pipeline::shared_default().analyze(text)
}
