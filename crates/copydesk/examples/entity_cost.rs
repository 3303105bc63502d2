//! Where the time of `copydesk.tag_entities` goes, single-threaded:
//! `cargo run --release -p copydesk --example entity_cost -- [corpus.jsonl]`
//! (default: `../shared/data/corpus/news-1mb.jsonl`). Reports the least thread CPU time
//! of 7 interleaved runs of tokenizing, + sentence splitting, + entity tagging, and the
//! entities-only pipeline behind `tag_entities` (which adds alias grouping).
//!
//! `ONLY_PIPE=1` runs the pipeline alone three times (for `perf record`); `DUMP=FILE`
//! writes every document of the entities-only and the full pipeline (`Debug` form), to
//! compare output byte for byte across speed changes.

#[path = "cost/mod.rs"]
mod cost;

use std::time::Duration;

use cost::pass;

const ROUNDS: usize = 7;

use copydesk::{entities::EntityTagger, sentences::SentenceSplitter, Pipeline};

fn main() {
    let texts = cost::texts();

    let splitter = SentenceSplitter::default();
    let tagger = EntityTagger::default();
    let tok_fn = |t: &str| copydesk::tokenize::tokenize(t).len();
    let split_fn = |t: &str| {
        let tokens = copydesk::tokenize::tokenize(t);
        splitter.split(t, &tokens).len()
    };
    let tag_fn = |t: &str| {
        let tokens = copydesk::tokenize::tokenize(t);
        let sents = splitter.split(t, &tokens);
        tagger.tag(t, &tokens, &sents).len()
    };
    let pipe = Pipeline::builder()
        .tone(false)
        .quotes(false)
        .build()
        .expect("valid");
    let pipe_fn = |t: &str| pipe.analyze(t).entities.len();
    if let Ok(out) = std::env::var("DUMP") {
        use std::fmt::Write as _;
        let full = Pipeline::new();
        let mut dump = String::new();
        for t in &texts {
            writeln!(dump, "{:?}", pipe.analyze(t)).unwrap();
            writeln!(dump, "{:?}", full.analyze(t)).unwrap();
        }
        std::fs::write(out, dump).unwrap();
        return;
    }
    if std::env::var("ONLY_PIPE").is_ok() {
        for _ in 0..3 {
            pass(&texts, &pipe_fn);
        }
        return;
    }
    let mut best = [Duration::MAX; 4];
    for _ in 0..ROUNDS {
        for (i, f) in [
            &tok_fn as &dyn Fn(&str) -> usize,
            &split_fn,
            &tag_fn,
            &pipe_fn,
        ]
        .iter()
        .enumerate()
        {
            best[i] = best[i].min(pass(&texts, *f).0);
        }
    }
    for (name, d) in ["tokenize", "+split", "+tag", "pipeline(entities)"]
        .iter()
        .zip(best)
    {
        println!("{name}: {:.1} ms", d.as_secs_f64() * 1e3);
    }
}
