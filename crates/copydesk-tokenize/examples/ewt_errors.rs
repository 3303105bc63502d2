//! Development aid: scores a UD-EWT CoNLL-U file and prints the span differences.
//!
//! `cargo run --release -p copydesk-tokenize --example ewt_errors -- PATH.conllu [N]`
//! prints the F1 and up to N (default 200) differing regions, most frequent first.

#[path = "../tests/support/ewt.rs"]
mod ewt;

use std::collections::{BTreeSet, HashMap};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: ewt_errors PATH.conllu [N]");
    let limit: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(200);
    let raw = std::fs::read_to_string(&path).expect("readable CoNLL-U file");
    let (docs, unaligned) = ewt::load(&raw);
    let tok = copydesk_tokenize::Tokenizer::default();
    let mut total = ewt::Score::default();
    let mut diffs: HashMap<String, usize> = HashMap::new();
    for doc in &docs {
        let pred: Vec<_> = tok.tokens(&doc.text).map(|t| t.range()).collect();
        total = ewt::add(total, ewt::score(doc, &pred));
        // Group differing spans into regions of overlapping gold/predicted spans.
        let g: BTreeSet<(usize, usize)> = doc.gold.iter().map(|r| (r.start, r.end)).collect();
        let p: BTreeSet<(usize, usize)> = pred.iter().map(|r| (r.start, r.end)).collect();
        let mut bad: Vec<(usize, usize)> = g.symmetric_difference(&p).copied().collect();
        bad.sort();
        let mut i = 0;
        while i < bad.len() {
            let (s, mut e) = bad[i];
            i += 1;
            while i < bad.len() && bad[i].0 < e {
                e = e.max(bad[i].1);
                i += 1;
            }
            let show = |set: &BTreeSet<(usize, usize)>| {
                set.range((s, 0)..(e, 0))
                    .filter(|r| r.1 <= e)
                    .map(|r| &doc.text[r.0..r.1])
                    .collect::<Vec<_>>()
                    .join("|")
            };
            *diffs
                .entry(format!("gold {:<30} pred {}", show(&g), show(&p)))
                .or_default() += 1;
        }
    }
    println!(
        "P {:.4} R {:.4} F1 {:.4} (gold {}, pred {}, tp {}, unaligned sentences {unaligned})",
        total.precision(),
        total.recall(),
        total.f1(),
        total.gold,
        total.pred,
        total.tp
    );
    let mut v: Vec<_> = diffs.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (k, c) in v.into_iter().take(limit) {
        println!("{c:4} {k}");
    }
}
