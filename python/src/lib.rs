//! Python bindings for copydesk: the module `copydesk._copydesk`.
//!
//! Conversions only: every piece of NLP logic lives in the Rust crates. Rust byte offsets
//! become Python character offsets here (see [`offsets`]), nowhere else. Inputs are
//! borrowed while attached to the interpreter, the work runs detached (`py.detach`), and
//! Python objects are built afterwards.

mod document;
mod errors;
mod offsets;
mod pipeline;
mod types;

use pyo3::prelude::*;

/// The native module behind the `copydesk` Python package.
#[pymodule(gil_used = false)]
mod _copydesk {
    use std::sync::LazyLock;

    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::document::Document;
    #[pymodule_export]
    use crate::pipeline::Pipeline;
    #[pymodule_export]
    use crate::types::{Entity, EntityGroup, EntityTone, Quote, Sentence, Token, Tone};

    /// The package version.
    #[allow(non_upper_case_globals)]
    #[pymodule_export]
    const __version__: &str = env!("CARGO_PKG_VERSION");

    /// The pipeline behind `tag_entities`: entities (with canonical names), no tone, no quotes.
    static ENTITIES_ONLY: LazyLock<copydesk::Pipeline> = LazyLock::new(|| {
        copydesk::Pipeline::builder()
            .tone(false)
            .quotes(false)
            .build()
            .expect("the built-in entity model loads")
    });

    /// Splits `text` into tokens (UD English-EWT conventions), with character offsets.
    #[pyfunction]
    fn tokenize(py: Python<'_>, text: &str) -> Vec<Token> {
        let toks = py.detach(|| copydesk::tokenize::tokenize(text));
        crate::types::tokens_to_py(text, &toks)
    }

    /// Splits `text` into sentences, with character offsets (no surrounding whitespace).
    #[pyfunction]
    fn split_sentences(py: Python<'_>, text: &str) -> Vec<Sentence> {
        let sents = py.detach(|| copydesk::sentences::split_sentences(text));
        crate::types::sentences_to_py(text, sents.iter().map(|s| (s.start, s.end, None)))
    }

    /// Finds named entities (PER, ORG, LOC, MISC) and dates, times, money and percentages.
    #[pyfunction]
    fn tag_entities(py: Python<'_>, text: &str) -> Vec<Entity> {
        let doc = py.detach(|| ENTITIES_ONLY.analyze(text));
        crate::types::entities_to_py(text, &doc.entities)
    }

    /// Scores the tone of `text` (a sentence, a snippet or a whole article).
    #[pyfunction]
    fn score_tone(py: Python<'_>, text: &str) -> Tone {
        Tone::from(&py.detach(|| copydesk::tone::score_tone(text)))
    }

    /// Links the canonical names of `docs` to the referents they stand for across the
    /// documents (`Sergei Lavrov` and `Sergey Lavrov`, a bare `Lavrov`): `{name: (referent
    /// name, referent label)}` for every name of `Document.entity_tone()`.
    #[pyfunction]
    fn link_referents(
        docs: Vec<Bound<'_, Document>>,
    ) -> std::collections::HashMap<String, (String, &'static str)> {
        copydesk::link_referents(docs.iter().map(|d| &*d.get().inner))
            .into_iter()
            .map(|(k, r)| (k, (r.name, r.label.as_str())))
            .collect()
    }

    /// Links canonical names given as `(name, label, mentions)` rows to their referents,
    /// by the rules of `link_referents`: `{name: (referent name, referent label)}` for
    /// every name of the rows. Rows in document order (each document's in
    /// `Document.entity_tone()` order), or summed per (name, label) in order of first
    /// appearance, give what `link_referents` gives for the documents.
    #[pyfunction]
    fn link_names(
        py: Python<'_>,
        rows: &Bound<'_, PyAny>,
    ) -> PyResult<std::collections::HashMap<String, (String, &'static str)>> {
        let rows = crate::types::name_rows(rows)?;
        Ok(py
            .detach(|| copydesk::link_names(rows))
            .into_iter()
            .map(|(k, r)| (k, (r.name, r.label.as_str())))
            .collect())
    }

    /// Analyses `text` with the default pipeline.
    #[pyfunction]
    fn analyze(py: Python<'_>, text: &str) -> Document {
        Document::new(py.detach(|| copydesk::Pipeline::shared_default().analyze(text)))
    }
}
