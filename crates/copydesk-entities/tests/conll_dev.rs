//! Regression test: CoNLL-2003 dev entity-level micro F1 over raw document text.
//!
//! Each document is rebuilt as raw text (tokens joined by spaces, sentences by newlines),
//! tagged with one `tag_text` call, and scored by exact character span + label on the
//! model labels (PER/ORG/LOC/MISC). Needs `../shared` (see `copydesk_testkit::shared_file`).

use std::collections::{HashMap, HashSet};

use copydesk_entities::{EntityTagger, Label};

/// Dev micro F1 reached by the committed model (see model/README.md), minus a hair.
const MIN_F1: f64 = 0.931;

/// A document's raw text and gold spans.
type GoldDoc = (String, Vec<(usize, usize, Label)>);

/// (text, gold spans) per document.
fn read_docs(raw: &str) -> Vec<GoldDoc> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, usize, Label)> = None;
    let mut line_start = true;
    let close = |open: &mut Option<(usize, usize, Label)>, gold: &mut Vec<_>| {
        if let Some(o) = open.take() {
            gold.push(o);
        }
    };
    for line in raw.lines() {
        if line.starts_with("-DOCSTART-") {
            close(&mut open, &mut gold);
            if !text.is_empty() {
                docs.push((std::mem::take(&mut text), std::mem::take(&mut gold)));
            }
            line_start = true;
            continue;
        }
        if line.trim().is_empty() {
            close(&mut open, &mut gold);
            if !text.is_empty() && !line_start {
                text.push('\n');
                line_start = true;
            }
            continue;
        }
        let word = line.split(' ').next().unwrap_or("");
        let tag = line.rsplit(' ').next().unwrap_or("O");
        if !line_start {
            text.push(' ');
        }
        line_start = false;
        let start = text.len();
        text.push_str(word);
        let end = text.len();
        let (prefix, lab) = tag.split_once('-').unwrap_or((tag, ""));
        let label: Option<Label> = lab.parse().ok();
        match (prefix, label) {
            ("I", Some(l)) if matches!(open, Some((_, _, ol)) if ol == l) => {
                open.as_mut().unwrap().1 = end
            }
            ("B" | "I", Some(l)) => {
                close(&mut open, &mut gold);
                open = Some((start, end, l));
            }
            _ => close(&mut open, &mut gold),
        }
    }
    close(&mut open, &mut gold);
    if !text.is_empty() {
        docs.push((text, gold));
    }
    for d in &mut docs {
        while d.0.ends_with('\n') {
            d.0.pop();
        }
    }
    docs
}

#[test]
fn conll_dev_f1() {
    let Some(path) = copydesk_testkit::shared_file("ner/conll2003/dev.conll") else {
        return;
    };
    let raw = std::fs::read_to_string(path).expect("readable CoNLL dev file");
    let docs = read_docs(&raw);
    assert_eq!(docs.len(), 216);
    let tagger = EntityTagger::new();
    let mut counts: HashMap<Label, (usize, usize, usize)> = HashMap::new();
    for (text, gold) in &docs {
        let gold_set: HashSet<_> = gold.iter().copied().collect();
        for e in tagger.tag_text(text) {
            if !e.label.is_model_label() {
                continue;
            }
            let c = counts.entry(e.label).or_default();
            c.1 += 1;
            if gold_set.contains(&(e.start, e.end, e.label)) {
                c.0 += 1;
            }
        }
        for g in gold {
            counts.entry(g.2).or_default().2 += 1;
        }
    }
    let prf = |(tp, p, g): (usize, usize, usize)| {
        let pr = tp as f64 / p.max(1) as f64;
        let rc = tp as f64 / g.max(1) as f64;
        (
            pr,
            rc,
            if pr + rc > 0.0 {
                2.0 * pr * rc / (pr + rc)
            } else {
                0.0
            },
        )
    };
    let mut total = (0, 0, 0);
    for l in [Label::Per, Label::Org, Label::Loc, Label::Misc] {
        let c = counts.get(&l).copied().unwrap_or_default();
        let (p, r, f) = prf(c);
        println!(
            "{:>5} P {p:.4} R {r:.4} F1 {f:.4} (gold {})",
            l.as_str(),
            c.2
        );
        total = (total.0 + c.0, total.1 + c.1, total.2 + c.2);
    }
    let (p, r, f) = prf(total);
    println!("micro P {p:.4} R {r:.4} F1 {f:.4}");
    assert_eq!(total.2, 5942, "gold entity count");
    assert!(f >= MIN_F1, "dev micro F1 {f:.4} < {MIN_F1}");
}
