//! Locating `../shared/data` for data-dependent tests, with visible skips.
//!
//! ```no_run
//! #[test]
//! fn dev_figure() {
//!     let Some(path) = copydesk_testkit::shared_file("ner/conll2003/dev.conll") else {
//!         return; // skipped visibly (or failed under CI=true)
//!     };
//!     let _raw = std::fs::read_to_string(path).unwrap();
//! }
//! ```

use std::io::Write;
use std::path::{Path, PathBuf};

/// The shared data directory: `../shared/data` beside the repository root (overridable
/// with `COPYDESK_SHARED_DATA`). It need not exist.
pub fn shared_data() -> PathBuf {
    match std::env::var_os("COPYDESK_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    }
}

/// Whether a missing shared file must fail the test: `CI=true` (or `1`) or
/// `COPYDESK_REQUIRE_SHARED=1`.
pub fn require_shared() -> bool {
    let on = |name: &str| {
        std::env::var(name)
            .map(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes"))
            .unwrap_or(false)
    };
    on("CI") || on("COPYDESK_REQUIRE_SHARED")
}

/// The path of `rel` under [`shared_data`] if it exists. If it does not: under
/// [`require_shared`] this panics (the test fails); otherwise it reports the test as
/// skipped ([`skip`]) and returns `None`, and the caller returns.
#[track_caller]
pub fn shared_file(rel: &str) -> Option<PathBuf> {
    let path = shared_data().join(rel);
    if path.exists() {
        return Some(path);
    }
    let reason = format!("needs ../shared/data/{rel}, which is not there");
    if require_shared() {
        panic!("{reason} (CI=true or COPYDESK_REQUIRE_SHARED=1: shared data is required)");
    }
    skip(&reason);
    None
}

/// Reports the running test as skipped for `reason`: one line `SKIPPED <test>: <reason>`
/// on stderr, written past the harness's output capture so that it shows in `cargo test`
/// output, and appended to the file named by `COPYDESK_SKIP_LOG` when that is set.
/// The test name is the test thread's name (libtest names it after the test).
#[track_caller]
pub fn skip(reason: &str) {
    let thread = std::thread::current();
    let name = match thread.name() {
        Some(n) if n != "main" => n.to_owned(),
        _ => std::panic::Location::caller().file().to_owned(),
    };
    let krate = std::env::var("CARGO_PKG_NAME").unwrap_or_default();
    let line = if krate.is_empty() {
        format!("SKIPPED {name}: {reason}\n")
    } else {
        format!("SKIPPED {krate}::{name}: {reason}\n")
    };
    let _ = std::io::stderr().write_all(line.as_bytes());
    if let Some(log) = std::env::var_os("COPYDESK_SKIP_LOG") {
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
        {
            let _ = f.write_all(line.as_bytes());
        }
    }
}
