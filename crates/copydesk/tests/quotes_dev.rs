//! Quote detection and speakers on the hand-checked development set
//! (`tests/data/quotes-dev/`, see its `GUIDELINE.md`): floors for the figures that
//! `cargo run --release -p copydesk --example quote_eval` prints. Needs
//! `../shared/data/corpus/news.jsonl` (skipped visibly without it, failing under CI=true).

#[path = "support/quote_eval.rs"]
mod quote_eval;

use quote_eval::{evaluate, load_dev, read_shared, CORPUS};

#[test]
fn dev_set_quote_spans_and_speakers() {
    if read_shared(CORPUS).is_none() {
        return;
    }
    let dev = load_dev(CORPUS).unwrap_or_else(|e| panic!("{e}"));
    assert!(dev.articles.len() >= 60);
    assert!(dev.gold.values().map(Vec::len).sum::<usize>() >= 300);
    let report = evaluate(&dev, &copydesk::Pipeline::new());
    eprintln!("{}", report.summary());
    let (_, _, f1) = report.span();
    let (_, _, speech_f1) = report.speech();
    // Measured 0.994 / 0.976 / 0.913 / 0.961 (baseline before issue 18: span F1 0.856,
    // speaker accuracy 0.837). The floors leave room for the entity model's retraining.
    assert!(f1 >= 0.95, "quote span F1 {f1:.3} < 0.95");
    assert!(
        speech_f1 >= 0.95,
        "speech quote span F1 {speech_f1:.3} < 0.95"
    );
    assert!(
        report.speaker_accuracy() >= 0.90,
        "speaker accuracy {:.3} < 0.90",
        report.speaker_accuracy()
    );
    assert!(
        report.kind_accuracy() >= 0.93,
        "kind accuracy {:.3} < 0.93",
        report.kind_accuracy()
    );
}

#[test]
fn speaker_names_match_by_words() {
    use quote_eval::speaker_matches;
    let gold = |s: &str| s.split('|').map(str::to_owned).collect::<Vec<_>>();
    assert!(speaker_matches(Some("Tony Blair"), &gold("Tony Blair")));
    assert!(speaker_matches(Some("Mr Blair"), &gold("Tony Blair")));
    assert!(speaker_matches(
        Some("A spokesman for the ministry"),
        &gold("a spokesman")
    ));
    assert!(!speaker_matches(Some("Tottenham"), &gold("Robbie Keane")));
    assert!(!speaker_matches(
        Some("British"),
        &gold("the British source")
    ));
    assert!(!speaker_matches(None, &gold("Tony Blair")));
    assert!(speaker_matches(None, &[]));
}
