//! Properties of every Tone, on arbitrary input.

use copydesk_tone::{score_tone, Tone, ToneScorer};
use proptest::prelude::*;

fn check(t: &Tone) {
    assert!((-1.0..=1.0).contains(&t.compound), "{t:?}");
    let shares = t.positive + t.negative + t.neutral;
    assert!(shares == 0.0 || (shares - 1.0).abs() < 1e-9, "{t:?}");
    for x in [t.positive, t.negative, t.neutral, t.polarity] {
        assert!((0.0..=1.0).contains(&x), "{t:?}");
    }
    assert!((-100.0..=100.0).contains(&t.tone));
    assert!((0.0..=100.0).contains(&t.activity));
    assert!((0.0..=100.0).contains(&t.self_reference));
    assert!(t.compound.is_finite() && t.tone.is_finite());
    if t.word_count == 0 {
        assert_eq!(
            (t.polarity, t.tone, t.activity, t.self_reference),
            (0.0, 0.0, 0.0, 0.0)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text(text in "\\PC{0,200}") {
        check(&score_tone(&text));
    }

    #[test]
    fn wordy_text(words in proptest::collection::vec(
        prop_oneof![
            Just("good"), Just("GREAT"), Just("not"), Just("but"), Just("very"), Just("war"),
            Just("!"), Just("?"), Just("."), Just(","), Just(":)"), Just("although"),
            Just("kind of"), Just("n't"), Just("we"), Just("attack"), Just("sanctions"),
            Just("“"), Just("é"), Just("\n\n"), Just("🙂"),
        ], 0..80)) {
        let text = words.join(" ");
        let t = score_tone(&text);
        check(&t);
        let tokens = copydesk_tokenize::tokenize(&text);
        let sentences = copydesk_sentences::split_sentences(&text);
        let doc = ToneScorer::new().score_document(&text, &tokens, &sentences);
        check(&doc.document);
        prop_assert_eq!(doc.document, t);
        prop_assert_eq!(doc.sentences.len(), sentences.len());
        for s in &doc.sentences {
            check(s);
        }
    }
}

#[test]
fn empty_and_whitespace() {
    assert_eq!(score_tone(""), Tone::default());
    assert_eq!(score_tone("   \n\t "), Tone::default());
}

#[test]
fn serde_round_trip() {
    let t = score_tone("We are very happy with the result!");
    let json = serde_json::to_string(&t).unwrap();
    let back: Tone = serde_json::from_str(&json).unwrap();
    assert_eq!(back, t);
}

#[test]
fn long_unspaced_text_stays_linear() {
    // Every token is a sentiment word attached to the previous one; a scan that is not
    // capped would be quadratic here (about 10^10 steps).
    let scorer = ToneScorer::with_lexicon(copydesk_tone::Lexicon::from_tsv("好\t2\n").unwrap());
    let text = "好".repeat(100_000);
    let start = std::time::Instant::now();
    let t = scorer.score(&text);
    check(&t);
    assert!(t.compound > 0.9);
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

/// Found by the `tone` fuzz target: an emoticon starting with punctuation (`:*`) was not
/// counted as a word but as a positive word, so the GDELT tone reached 200; question marks
/// (scored, not words) could do the same.
#[test]
fn scored_punctuation_and_emoticons_keep_tone_in_range() {
    for text in [
        ".) ty.::::::::::::::::::::::::::*",
        "bad ? ? ? ?",
        "Terrible?? Awful???",
        ":* :) ;)",
        "?",
    ] {
        let t = score_tone(text);
        check(&t);
    }
    let t = score_tone(":* :)");
    assert_eq!(t.word_count, 2, "{t:?}");
}
