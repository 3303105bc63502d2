//! The one place where Rust errors become Python exceptions.

use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::PyErr;

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
