//! What quotations and alias grouping add to the pipeline's time, single-threaded:
//! `cargo run --release -p copydesk --example quote_cost -- [corpus.jsonl]`
//! (default: `../shared/data/corpus/news-1mb.jsonl`). Reports the least thread CPU time
//! of 7 interleaved runs of
//! (a) the components alone (tokenize, split, tag, tone: the pipeline before quotes and
//! aliases), (b) the pipeline with quotes off (aliases on), (c) the full pipeline.

#[path = "cost/mod.rs"]
mod cost;

use std::time::Duration;

use cost::pass;

const ROUNDS: usize = 7;

use copydesk::{entities::EntityTagger, sentences::SentenceSplitter, tone::ToneScorer, Pipeline};

fn main() {
    let texts = cost::texts();

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
