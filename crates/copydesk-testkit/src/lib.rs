//! Test helpers for copydesk, used only as a dev-dependency (`publish = false`).
//!
//! - [`shared`]: the one rule for tests that read `../shared` (data that is not ours and
//!   stays out of the repository). Without the data a test is *skipped visibly*: a line
//!   `SKIPPED <test>: <reason>` goes to stderr (past the test harness's capture) and to the
//!   file named by `COPYDESK_SKIP_LOG`, which `scripts/test.sh` summarises. Under `CI=true`
//!   or `COPYDESK_REQUIRE_SHARED=1` a missing file fails the test instead.
//! - `invariants` (feature `invariants`): the span contract of ARCHITECTURE.md as assertions,
//!   shared by the facade's property tests, the fuzz targets and the replay of saved fuzz
//!   inputs (`fuzz/regressions/`).
//! - [`entities_at`] (feature `entities`): entity spans from `(text, label)` pairs, for the
//!   tests of what consumes entities (the alias grouper, the quote finder).

pub mod shared;

#[cfg(feature = "invariants")]
pub mod invariants;
#[cfg(feature = "invariants")]
pub mod targets;

pub use shared::{require_shared, shared_data, shared_file, skip};

/// Entities at the first occurrence (after the previous one) of each `(text, label)` in
/// `text`, with score 1. Panics if a span is not found.
#[cfg(feature = "entities")]
pub fn entities_at(
    text: &str,
    spans: &[(&str, copydesk_entities::Label)],
) -> Vec<copydesk_entities::Entity> {
    let mut from = 0;
    spans
        .iter()
        .map(|(s, label)| {
            let start = from + text[from..].find(s).expect("span in text");
            from = start + s.len();
            copydesk_entities::Entity {
                start,
                end: from,
                label: *label,
                score: 1.0,
            }
        })
        .collect()
}
