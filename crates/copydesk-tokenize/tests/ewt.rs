//! Accuracy regression guard: token span F1 against the gold syntactic words of UD
//! English-EWT dev (see `support/ewt.rs` for how raw text and gold spans are built). Needs
//! `../shared` (see `copydesk_testkit::shared_file`).

#[path = "support/ewt.rs"]
mod ewt;

/// F1 reached when this guard was set (0.9918), minus a hair.
const MIN_F1: f64 = 0.990;

#[test]
fn ewt_dev_token_f1() {
    let Some(path) = copydesk_testkit::shared_file("ud-ewt/en_ewt-ud-dev.conllu") else {
        return;
    };
    let raw = std::fs::read_to_string(&path).expect("readable UD-EWT dev file");
    let (docs, unaligned) = ewt::load(&raw);
    assert!(
        docs.len() > 300,
        "expected the 318 dev documents, got {}",
        docs.len()
    );
    assert!(unaligned <= 5, "{unaligned} sentences could not be aligned");
    let tok = copydesk_tokenize::Tokenizer::default();
    let mut total = ewt::Score::default();
    for doc in &docs {
        let pred: Vec<_> = tok.tokens(&doc.text).map(|t| t.range()).collect();
        total = ewt::add(total, ewt::score(doc, &pred));
    }
    println!(
        "UD-EWT dev token spans: P {:.4} R {:.4} F1 {:.4} ({} gold, {} predicted, {} correct)",
        total.precision(),
        total.recall(),
        total.f1(),
        total.gold,
        total.pred,
        total.tp
    );
    assert!(
        total.f1() >= MIN_F1,
        "F1 {:.4} fell below {MIN_F1}",
        total.f1()
    );
}
