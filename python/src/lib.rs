//! Python bindings for copydesk: the module `copydesk._copydesk`.
//!
//! Conversions only: every piece of NLP logic lives in the Rust crates. Rust byte offsets
//! become Python character offsets here (see [`offsets`]), nowhere else.

mod offsets;
mod types;

use pyo3::prelude::*;

/// The native module behind the `copydesk` Python package.
#[pymodule(gil_used = false)]
mod _copydesk {
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::types::Token;

    /// The package version.
    #[allow(non_upper_case_globals)]
    #[pymodule_export]
    const __version__: &str = env!("CARGO_PKG_VERSION");

    /// Splits `text` into tokens (UD English-EWT conventions), with character offsets.
    #[pyfunction]
    fn tokenize(py: Python<'_>, text: &str) -> PyResult<Vec<Token>> {
        let toks = py.detach(|| copydesk::tokenize::tokenize(text));
        Ok(crate::types::tokens_to_py(text, &toks))
    }
}
