//! Quick single-core throughput check over `../shared/data/corpus/news-1mb.jsonl`
//! (the criterion bench `benches/entities.rs` is the reference measurement).
use std::time::Instant;

use copydesk_entities::EntityTagger;

/// CPU seconds used by this thread so far (Linux `/proc`; `None` elsewhere), so the figure
/// stays meaningful on a loaded machine.
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = stat.rsplit(')').next()?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/corpus/news-1mb.jsonl"
    );
    let raw = std::fs::read_to_string(path).expect("news-1mb.jsonl");
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let t0 = Instant::now();
    // `MODEL=path` measures another model file (such as a pruned copy) instead.
    let tagger = match std::env::var("MODEL") {
        Ok(p) => EntityTagger::from_model_file(p).expect("read MODEL"),
        Err(_) => EntityTagger::new(),
    };
    let _ = tagger.tag_text("warm up");
    println!("model load {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let toks = copydesk_tokenize::tokenize(t);
            let sents = copydesk_sentences::split_sentences(t);
            (t.as_str(), toks, sents)
        })
        .collect();
    let ntok: usize = prepared.iter().map(|p| p.1.len()).sum();
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    for round in 0..rounds {
        let t0 = Instant::now();
        let c0 = thread_cpu();
        let mut n = 0;
        for (t, toks, sents) in &prepared {
            n += tagger.tag(t, toks, sents).len();
        }
        let s = t0.elapsed().as_secs_f64();
        let cpu = match (c0, thread_cpu()) {
            (Some(a), Some(b)) if b > a => format!(", {:.0} tokens/CPU-s", ntok as f64 / (b - a)),
            _ => String::new(),
        };
        println!(
            "round {round}: tag: {ntok} tokens, {n} entities, {:.0} tokens/s{cpu}",
            ntok as f64 / s
        );
    }
    let t0 = Instant::now();
    for t in &texts {
        std::hint::black_box(tagger.tag_text(t));
    }
    println!(
        "tag_text: {:.0} tokens/s",
        ntok as f64 / t0.elapsed().as_secs_f64()
    );
}
