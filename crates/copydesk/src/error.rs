//! The facade's error type: every fallible pipeline construction step.

/// What can go wrong when building a [`crate::Pipeline`] or reading a [`crate::Document`].
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The entity model file could not be loaded.
    #[error("entity model: {0}")]
    EntityModel(#[from] copydesk_entities::Error),
    /// A thread pool could not be created.
    #[error("thread pool: {0}")]
    ThreadPool(#[from] rayon::ThreadPoolBuildError),
    /// A configuration or document in JSON could not be read.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// A configuration value is out of range.
    #[error("invalid configuration: {0}")]
    Config(String),
}
