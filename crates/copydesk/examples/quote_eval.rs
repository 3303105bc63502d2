//! Quote detection and speaker accuracy on the hand-checked development set
//! (`crates/copydesk/tests/data/quotes-dev/`, guideline in its `GUIDELINE.md`):
//!
//! `cargo run --release -p copydesk --example quote_eval -- [--errors] [--predict] [CORPUS]`
//!
//! CORPUS defaults to `../shared/data/corpus/news.jsonl`. The set stores article ids,
//! a hash of each text and byte offsets, never article text. Prints quote span
//! precision, recall and F1 (all kinds, and speech only: `direct` + `partial`), the kind
//! accuracy and the speaker accuracy of the matched quotes. `--errors` lists every
//! disagreement; `--predict` prints the extractor's quotes of the set's articles instead.

#[path = "../tests/support/quote_eval.rs"]
mod quote_eval;

use quote_eval::{evaluate, load_dev, Dev};

fn main() {
    let mut errors = false;
    let mut predict = false;
    let mut corpus: Option<String> = None;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--errors" => errors = true,
            "--predict" => predict = true,
            _ => corpus = Some(a),
        }
    }
    let corpus = corpus.unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/corpus/news.jsonl"
        )
        .into()
    });
    let dev: Dev = load_dev(&corpus).unwrap_or_else(|e| panic!("{e}"));
    let nlp = copydesk::Pipeline::new();
    if predict {
        for (id, text) in &dev.articles {
            let doc = nlp.analyze(text);
            for q in &doc.quotes {
                println!(
                    "{id}\t{}\t{}\t{}\t{}\t{}\t{:?}",
                    q.start,
                    q.end,
                    q.kind.as_str(),
                    q.speaker_name.as_deref().unwrap_or(""),
                    q.cue,
                    q.text(&doc.text)
                );
            }
        }
        return;
    }
    let report = evaluate(&dev, &nlp);
    if errors {
        for e in &report.errors {
            println!("{e}");
        }
    }
    println!("{}", report.summary());
}
