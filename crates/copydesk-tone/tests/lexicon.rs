//! Custom lexicons: loading, replacing and extending.

use copydesk_tone::{Error, Lexicon, ToneScorer};

#[test]
fn load_from_tsv() {
    let lex = Lexicon::from_tsv(
        "# finance terms\n\nbullish\t2.5\nbearish\t-2.5\textra\tcolumns\nprofit warning\t-2\n",
    )
    .unwrap();
    assert_eq!(lex.len(), 3);
    assert_eq!(lex.get("Bullish"), Some(2.5));
    assert_eq!(lex.get("PROFIT  WARNING"), Some(-2.0));
    assert_eq!(lex.get("bull"), None);
    let mut keys: Vec<&str> = lex.iter().map(|(k, _)| k).collect();
    keys.sort();
    assert_eq!(keys, ["bearish", "bullish", "profit warning"]);
    // Space-separated lines work too.
    assert_eq!(
        Lexicon::from_tsv("upbeat 1.5").unwrap().get("upbeat"),
        Some(1.5)
    );
}

#[test]
fn parse_errors_name_the_line() {
    assert!(matches!(
        Lexicon::from_tsv("ok\t1\nbroken\n"),
        Err(Error::Parse { line: 2, .. })
    ));
    assert!(matches!(
        Lexicon::from_tsv("x\tabc"),
        Err(Error::Parse { line: 1, .. })
    ));
    assert!(matches!(
        Lexicon::from_tsv("x\tNaN"),
        Err(Error::Parse { line: 1, .. })
    ));
    let e = Lexicon::from_tsv("x\tabc").unwrap_err();
    assert!(e.to_string().contains("line 1"));
}

#[test]
fn replace_the_lexicon() {
    let scorer = ToneScorer::with_lexicon(Lexicon::from_tsv("bullish\t2.5\n").unwrap());
    assert!(scorer.score("Analysts are bullish.").compound > 0.5);
    // Our words are gone; the rules stay.
    assert_eq!(scorer.score("A terrible, horrible war.").compound, 0.0);
    assert!(scorer.score("Analysts are not bullish.").compound < 0.0);
    assert_eq!(scorer.lexicon().len(), 1);
}

#[test]
fn extend_the_lexicon() {
    let mut scorer = ToneScorer::new();
    let before = scorer.lexicon().len();
    let plain = scorer.score("Shares look bullish").compound;
    let mut finance = Lexicon::new();
    finance.insert("bullish", 2.5);
    finance.insert("war", 1.0); // override one of ours
    finance.insert("short squeeze", -1.0); // a phrase
    scorer.extend_lexicon(&finance);
    assert!(scorer.score("Shares look bullish").compound > plain + 0.3);
    assert!(scorer.score("a war").compound > 0.0);
    assert!(scorer.score("a short squeeze").compound < 0.0);
    assert_eq!(scorer.lexicon().get("war"), Some(1.0));
    assert!(scorer.lexicon().len() >= before + 2);
    // The default scorer is unaffected.
    assert!(ToneScorer::new().score("a war").compound < 0.0);
}

#[test]
fn embedded_lexicon_round_trips() {
    let lex = Lexicon::embedded();
    assert!(lex.len() > 7000);
    let again = Lexicon::from_tsv(&lex.to_tsv()).unwrap();
    assert_eq!(again.len(), lex.len());
    for (k, v) in lex.iter().take(200) {
        assert_eq!(again.get(k), Some(v), "{k}");
    }
}

#[test]
fn scorer_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ToneScorer>();
    let a = ToneScorer::new();
    let b = a.clone();
    assert_eq!(a.score("good news"), b.score("good news"));
}
