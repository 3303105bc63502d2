//! Python value classes: frozen snapshots with character offsets.

use pyo3::prelude::*;

use crate::offsets::CharCursor;

/// A token: `text`, character offsets `start`/`end` into the analysed `str`, and `kind`.
#[pyclass(frozen, eq, hash, get_all, module = "copydesk")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// The token's text (`source[start:end]`).
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// `"word"`, `"number"`, `"punct"`, `"symbol"`, `"url"`, `"email"`, `"hashtag"`, `"mention"` or `"emoji"`.
    pub kind: &'static str,
}

#[pymethods]
impl Token {
    #[new]
    fn new(text: String, start: usize, end: usize, kind: &str) -> PyResult<Self> {
        Ok(Self {
            text,
            start,
            end,
            kind: kind_name(kind)?,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Token({:?}, start={}, end={}, kind={:?})",
            self.text, self.start, self.end, self.kind
        )
    }

    fn __reduce__(
        slf: &Bound<'_, Self>,
    ) -> PyResult<(Py<PyAny>, (String, usize, usize, &'static str))> {
        let t = slf.get();
        Ok((
            slf.get_type().into_any().unbind(),
            (t.text.clone(), t.start, t.end, t.kind),
        ))
    }
}

fn kind_name(kind: &str) -> PyResult<&'static str> {
    const KINDS: [&str; 9] = [
        "word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji",
    ];
    KINDS.iter().find(|k| **k == kind).copied().ok_or_else(|| {
        pyo3::exceptions::PyValueError::new_err(format!("unknown token kind {kind:?}"))
    })
}

/// Converts Rust tokens of `text` into Python tokens with character offsets.
pub fn tokens_to_py(text: &str, tokens: &[copydesk::tokenize::Token]) -> Vec<Token> {
    let mut cur = CharCursor::new(text);
    tokens
        .iter()
        .map(|t| Token {
            text: t.text(text).to_owned(),
            start: cur.to_char(t.start),
            end: cur.to_char(t.end),
            kind: t.kind.as_str(),
        })
        .collect()
}
