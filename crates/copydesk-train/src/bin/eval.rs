//! Measures an entity model on labelled corpora: per-label and micro P/R/F1 by exact span.
//!
//! ```text
//! cargo run --release -p copydesk-train --bin eval -- \
//!     [--model crates/copydesk-entities/model/ner.bin] \
//!     ../shared/data/ner/conll2003/dev.conll ../shared/data/ner/extra/btc.dev.conll \
//!     ../shared/data/ner/extra/uner-ewt-dev.iob2 ../shared/data/ner/extra/crossner-politics-dev.txt
//! ```
//!
//! `--show FILE` prints the entities found in a plain-text file instead (label, text,
//! score), for looking at output by eye.
//!
//! With `NER_ERRORS=DIR`, each file's false positives and negatives go to
//! `DIR/<file name>.errors`.
//!
//! The format of each file follows from its name (`corpus::Format::from_path`). On corpora
//! without MISC annotation, MISC predictions are not counted.

use copydesk_entities::EntityTagger;
use copydesk_train::corpus::{self, Format};
use copydesk_train::entities;

fn main() {
    let mut model = None;
    let mut files = Vec::new();
    let mut show = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--model" => model = it.next(),
            "--show" => show.extend(it.next()),
            _ => files.push(a),
        }
    }
    let tagger = match &model {
        Some(p) => EntityTagger::from_model_file(p).expect("read --model"),
        None => EntityTagger::new(),
    };
    for f in &show {
        let text = std::fs::read_to_string(f).expect("read --show file");
        for e in tagger.tag_text(&text) {
            println!("{}\t{}\t{:.2}", e.label, e.text(&text), e.score);
        }
    }
    for f in &files {
        let raw = std::fs::read_to_string(f).expect("read corpus file");
        let docs = corpus::read(&raw, Format::from_path(f));
        let score = entities::evaluate_tagger(&tagger, &docs);
        println!("{f} ({} documents)\n{}", docs.len(), score.report());
        if let Ok(dir) = std::env::var("NER_ERRORS") {
            let name = f.rsplit('/').next().unwrap_or(f);
            let report = entities::error_report_tagger(&tagger, &docs);
            std::fs::write(format!("{dir}/{name}.errors"), report).expect("write errors");
        }
    }
}
