//! The crate's error type.

/// Errors from building an [`EntityTagger`](crate::EntityTagger) or parsing a [`Label`](crate::Label).
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The model bytes are not a copydesk entity model (bad magic or version).
    #[error("not a copydesk entity model (bad header)")]
    BadHeader,
    /// A copydesk entity model in a format version this build cannot read (a newer one).
    #[error("entity model format version {0} is not supported (this build reads versions 2 to 4)")]
    UnsupportedVersion(u16),
    /// The model bytes end early or hold an inconsistent table.
    #[error("corrupt entity model: {0}")]
    Corrupt(&'static str),
    /// Reading a model file failed.
    #[error("cannot read entity model file: {0}")]
    Io(#[from] std::io::Error),
    /// A label string that is not one of the known labels.
    #[error("unknown entity label {0:?}")]
    UnknownLabel(String),
}
