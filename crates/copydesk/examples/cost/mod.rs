//! What the cost examples (`quote_cost`, `entity_cost`) share: the corpus, and the thread
//! CPU time of a pass over it.

use std::time::{Duration, Instant};

/// The texts of the JSON-lines corpus named by the first argument (default
/// `../shared/data/corpus/news-1mb.jsonl`); prints their number and size.
pub fn texts() -> Vec<String> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/corpus/news-1mb.jsonl"
        )
        .into()
    });
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("{} texts, {:.2} MB", texts.len(), bytes as f64 / 1e6);
    texts
}

/// CPU time of this thread (Linux `/proc/thread-self/schedstat`), else wall time since
/// `start`: on a shared machine, CPU time is what a pass costs.
fn now(start: Instant) -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| start.elapsed(), Duration::from_nanos)
}

/// Cost of one pass of `f` over `texts`, and the sum of what it returned.
pub fn pass(texts: &[String], f: &dyn Fn(&str) -> usize) -> (Duration, usize) {
    let origin = Instant::now();
    let t0 = now(origin);
    let n = texts.iter().map(|x| f(x)).sum();
    (now(origin).saturating_sub(t0), n)
}
