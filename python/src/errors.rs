//! The one place where Rust errors become Python exceptions.

use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::PyTypeInfo;

/// Maps a facade error to the matching Python exception.
pub fn to_py_err(e: copydesk::Error) -> PyErr {
    match e {
        copydesk::Error::EntityModel(inner) => match inner {
            copydesk::entities::Error::Io(io) => PyOSError::new_err(io.to_string()),
            other => PyValueError::new_err(format!("entity model: {other}")),
        },
        other => PyValueError::new_err(other.to_string()),
    }
}

/// An exception of type `E` about item `index` of a batch: the message is
/// `texts[{index}] {detail}`, and the attributes `index` (an `int`) and `detail` (the
/// message without its prefix) let Python callers re-number or re-word it without parsing.
pub fn item_err<E: PyTypeInfo>(py: Python<'_>, index: usize, detail: String) -> PyErr {
    let err = PyErr::new::<E, _>(format!("texts[{index}] {detail}"));
    let value = err.value(py);
    // Setting an attribute on a fresh built-in exception cannot fail in practice; were it
    // to, the exception still names the index in its message.
    let _ = value.setattr("index", index);
    let _ = value.setattr("detail", detail);
    err
}
