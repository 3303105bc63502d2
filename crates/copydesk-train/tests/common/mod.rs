//! Shared by the accuracy tests: reading `../shared` (through `copydesk-testkit`), and
//! span-level scoring.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

use copydesk_entities::{EntityTagger, Label};
use copydesk_train::corpus::Doc;

/// The text of `../shared/data/<rel>`, or `None` when the data is not there (the test is
/// then skipped visibly, or fails under CI: see `copydesk_testkit::shared_file`).
pub fn shared(rel: &str) -> Option<String> {
    let path = copydesk_testkit::shared_file(rel)?;
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Per label: (true positives, predicted, gold), by exact span. MISC predictions are not
/// counted on documents whose corpus does not annotate MISC.
pub fn score(tagger: &EntityTagger, docs: &[Doc]) -> HashMap<Label, (usize, usize, usize)> {
    let mut counts: HashMap<Label, (usize, usize, usize)> = HashMap::new();
    for d in docs {
        let gold: HashSet<_> = d.gold.iter().copied().collect();
        for e in tagger.tag_text(&d.text) {
            if !e.label.is_model_label() || !d.has_misc && e.label == Label::Misc {
                continue;
            }
            let c = counts.entry(e.label).or_default();
            c.1 += 1;
            if gold.contains(&(e.start, e.end, e.label)) {
                c.0 += 1;
            }
        }
        for g in &d.gold {
            counts.entry(g.2).or_default().2 += 1;
        }
    }
    counts
}

/// (precision, recall, F1) of (true positives, predicted, gold).
pub fn prf((tp, p, g): (usize, usize, usize)) -> (f64, f64, f64) {
    let pr = tp as f64 / p.max(1) as f64;
    let rc = tp as f64 / g.max(1) as f64;
    let f = if pr + rc > 0.0 {
        2.0 * pr * rc / (pr + rc)
    } else {
        0.0
    };
    (pr, rc, f)
}

/// Prints the per-label table and returns (per-label F1, micro F1, gold count).
pub fn report(counts: &HashMap<Label, (usize, usize, usize)>) -> (HashMap<Label, f64>, f64, usize) {
    let mut total = (0, 0, 0);
    let mut per = HashMap::new();
    for l in [Label::Per, Label::Org, Label::Loc, Label::Misc] {
        let Some(&c) = counts.get(&l) else { continue };
        let (p, r, f) = prf(c);
        println!(
            "{:>5} P {p:.4} R {r:.4} F1 {f:.4} (gold {})",
            l.as_str(),
            c.2
        );
        per.insert(l, f);
        total = (total.0 + c.0, total.1 + c.1, total.2 + c.2);
    }
    let (p, r, f) = prf(total);
    println!("micro P {p:.4} R {r:.4} F1 {f:.4}");
    (per, f, total.2)
}
