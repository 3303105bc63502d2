//! Shared helpers for copydesk's criterion benchmarks: loading the news corpus.

use std::path::PathBuf;

/// The directory holding the shared data (`../shared/data` beside the repository), if present.
pub fn shared_data() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data");
    root.is_dir().then_some(root)
}

/// Article bodies for benchmarks: the 1 MB news sample from `../shared`, or the
/// project's own example articles when `../shared` is absent.
pub fn news_corpus() -> Vec<String> {
    if let Some(dir) = shared_data() {
        let path = dir.join("corpus/news-1mb.jsonl");
        if let Ok(raw) = std::fs::read_to_string(&path) {
            return raw
                .lines()
                .filter(|l| !l.trim().is_empty())
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
                .collect();
        }
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/articles");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    texts
}

/// Total UTF-8 bytes of a set of texts.
pub fn total_bytes(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}
