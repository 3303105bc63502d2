//! copydesk's training tools, kept apart from the runtime crates (`publish = false`).
//!
//! The runtime crates only load and apply what this crate writes: the entity model
//! (`crates/copydesk-entities/model/ner.bin`) and the tone lexicon and its expansion
//! (`crates/copydesk-tone/data/lexicon.tsv`, `expansion.tsv`). Three binaries:
//!
//! - `train`: trains the entity model (averaged structured perceptron, word clusterings,
//!   gazetteer, name lists); the rebuild command is in `crates/copydesk-entities/model/README.md`.
//! - `eval`: measures an entity model on labelled dev sets (per label and micro P/R/F1).
//! - `build-lexicon`: fits the tone lexicon to rated snippets (and, with `--expand`,
//!   rebuilds the corpus-derived expansion); see `crates/copydesk-tone/README.md`.
//!
//! Modules: [`corpus`] reads every data format the tools and their tests use (the NER
//! corpora, the rated tone snippets, the JSONL news corpus); [`entities`] is the entity
//! trainer and its evaluation; [`tone`] is the lexicon fit and its cross-validation. What
//! they need from the runtime crates' internals comes through the hidden
//! `copydesk_entities::internals` and `copydesk_tone::internals` modules, which exist for
//! this crate only.

pub mod corpus;
pub mod entities;
mod exchange;
pub mod tone;
