//! What quotations and alias grouping add to the pipeline's time, single-threaded:
//! `cargo run --release -p copydesk --example quote_cost -- [corpus.jsonl]`
//! (default: `../shared/data/corpus/news-1mb.jsonl`). Reports the least thread CPU time
//! of 7 interleaved runs of
//! (a) the components alone (tokenize, split, tag, tone: the pipeline before quotes and
//! aliases), (b) the pipeline with quotes off (aliases on), (c) the full pipeline.

use std::time::{Duration, Instant};

const ROUNDS: usize = 7;

use copydesk::{entities::EntityTagger, sentences::SentenceSplitter, tone::ToneScorer, Pipeline};

/// CPU time of this thread (Linux `/proc/thread-self/schedstat`), else wall time since
/// `start`: on a shared machine, CPU time is what a pass costs.
fn now(start: Instant) -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| start.elapsed(), Duration::from_nanos)
}

/// Cost of one pass of `f` over `texts`.
fn pass(texts: &[String], f: &dyn Fn(&str) -> usize) -> (Duration, usize) {
    let origin = Instant::now();
    let t0 = now(origin);
    let n = texts.iter().map(|x| f(x)).sum();
    (now(origin).saturating_sub(t0), n)
}

fn main() {
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

    let splitter = SentenceSplitter::default();
    let tagger = EntityTagger::default();
    let scorer = ToneScorer::default();
    let base_fn = |t: &str| {
        let tokens = copydesk::tokenize::tokenize(t);
        let sents = splitter.split(t, &tokens);
        let ents = tagger.tag(t, &tokens, &sents);
        let spans: Vec<copydesk::tone::Sentence> = sents
            .iter()
            .map(|s| copydesk::tone::Sentence {
                start: s.start,
                end: s.end,
            })
            .collect();
        let tone = scorer.score_document(t, &tokens, &spans);
        ents.len() + tone.sentences.len()
    };
    let off = Pipeline::builder().quotes(false).build().expect("valid");
    let on = Pipeline::new();
    let off_fn = |t: &str| off.analyze(t).entity_groups.len();
    let on_fn = |t: &str| on.analyze(t).quotes.len();
    // Interleaved rounds, best of each: the machine may be shared.
    let (mut base, mut no_quotes, mut full) = (Duration::MAX, Duration::MAX, Duration::MAX);
    let (mut groups, mut quotes) = (0, 0);
    for _ in 0..ROUNDS {
        base = base.min(pass(&texts, &base_fn).0);
        let (d, n) = pass(&texts, &off_fn);
        no_quotes = no_quotes.min(d);
        groups = n;
        let (d, n) = pass(&texts, &on_fn);
        full = full.min(d);
        quotes = n;
    }
    let pct = |d: Duration| 100.0 * (d.as_secs_f64() / base.as_secs_f64() - 1.0);
    println!("components only     {:>8.1} ms", base.as_secs_f64() * 1e3);
    println!(
        "pipeline, no quotes {:>8.1} ms  ({:+.1}%, {groups} entity groups)",
        no_quotes.as_secs_f64() * 1e3,
        pct(no_quotes)
    );
    println!(
        "pipeline, full      {:>8.1} ms  ({:+.1}%, {quotes} quotes)",
        full.as_secs_f64() * 1e3,
        pct(full)
    );
}
