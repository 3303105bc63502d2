//! The copydesk fuzz targets' bodies and invariant checks. They live in the dev-only crate
//! `copydesk-testkit` (`crates/copydesk-testkit`), the one owner of the span checks, so that
//! the normal test suite replays every saved input under `regressions/` through exactly
//! what the fuzzers run (`cargo test -p copydesk-testkit`).

pub use copydesk_testkit::invariants::*;
pub use copydesk_testkit::targets::*;
