//! copydesk: analyse news articles — tokens, sentences, entities, tone.
//!
//! The facade re-exports the component crates.

pub use copydesk_tokenize as tokenize;
