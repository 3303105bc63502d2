//! Behaviour tests: news examples, user rules, model files, and invariants on any input.

use copydesk_entities::{tag_entities, Entity, EntityTagger, Error, Label};
use proptest::prelude::*;

fn check(tagger: &EntityTagger, text: &str, expected: &[(&str, Label)]) {
    let got: Vec<(&str, Label)> = tagger
        .tag_text(text)
        .iter()
        .map(|e| (e.text(text), e.label))
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

#[test]
fn news_examples() {
    let t = EntityTagger::new();
    check(
        &t,
        "Rex Tillerson met Sergei Lavrov in Manila.",
        &[
            ("Rex Tillerson", Label::Per),
            ("Sergei Lavrov", Label::Per),
            ("Manila", Label::Loc),
        ],
    );
    check(
        &t,
        "Shares of Goldman Sachs fell 3 percent on Monday.",
        &[
            ("Goldman Sachs", Label::Org),
            ("3 percent", Label::Percent),
            ("Monday", Label::Date),
        ],
    );
    check(
        &t,
        "The European Commission said on Thursday it disagreed with German advice.",
        &[
            ("European Commission", Label::Org),
            ("Thursday", Label::Date),
            ("German", Label::Misc),
        ],
    );
}

#[test]
fn title_case_headlines() {
    // A headline in title case: capitals say nothing here, yet the names are found, and
    // the words around them ("Becomes", "Latest", "Host") are not taken for names.
    let t = EntityTagger::new();
    check(
        &t,
        "Eric Bolling Becomes Latest Fox News Host Suspended Over Harassment Claims",
        &[("Eric Bolling", Label::Per), ("Fox News", Label::Org)],
    );
    check(
        &t,
        "Tillerson Meets Xi Jinping In Beijing As Goldman Sachs Warns Of Slowdown\n\n\
         Rex Tillerson arrived in Beijing on Sunday.",
        &[
            ("Tillerson", Label::Per),
            ("Xi Jinping", Label::Per),
            ("Beijing", Label::Loc),
            ("Goldman Sachs", Label::Org),
            ("Rex Tillerson", Label::Per),
            ("Beijing", Label::Loc),
            ("Sunday", Label::Date),
        ],
    );
}

#[test]
fn a_company_after_its_managers_role() {
    // An unfamiliar one-word company reads like a surname; "general manager of" says what
    // it is, and its other mentions in the story follow.
    let t = EntityTagger::new();
    check(
        &t,
        "Laszlo Sebesvari, general manager of Petofi, will leave Petofi. \
         Analysts said Petofi lost money.",
        &[
            ("Laszlo Sebesvari", Label::Per),
            ("Petofi", Label::Org),
            ("Petofi", Label::Org),
            ("Petofi", Label::Org),
        ],
    );
}

#[test]
fn quoted_titles_of_works() {
    // The model takes a film named after a person for the person, and finds only a piece of
    // a title made of common words; the quotation marks and "film" say what they are.
    let t = EntityTagger::new();
    check(
        &t,
        "Neil Jordan's film \u{201c}Michael Collins\u{201d} opens in Venice. \
         Elia Kazan is best known for \"On the Waterfront\" and \"Viva Zapata\".",
        &[
            ("Neil Jordan", Label::Per),
            ("Michael Collins", Label::Misc),
            ("Venice", Label::Loc),
            ("Elia Kazan", Label::Per),
            ("On the Waterfront", Label::Misc),
            ("Viva Zapata", Label::Misc),
        ],
    );
}

#[test]
fn later_surname_is_a_person() {
    let text = "Rex Tillerson arrived in Manila. Officials said Tillerson would stay two days.";
    let ents = tag_entities(text);
    let last = ents
        .iter()
        .find(|e| e.text(text) == "Tillerson")
        .expect("bare surname tagged");
    assert_eq!(last.label, Label::Per);
}

#[test]
fn rules_beside_the_model() {
    let t = EntityTagger::new();
    check(
        &t,
        "The deal was worth $3.6 trillion, up 45 percent, and closed at 10:30 GMT on Sept. 1, 2017.",
        &[
            ("$3.6 trillion", Label::Money),
            ("45 percent", Label::Percent),
            // The model tags `GMT` MISC (CoNLL-2003 convention); the rule keeps the clock time.
            ("10:30", Label::Time),
            ("GMT", Label::Misc),
            ("Sept. 1, 2017", Label::Date),
        ],
    );
}

#[test]
fn user_rules_override_the_model() {
    let mut t = EntityTagger::new();
    t.add_rule("Goldman Sachs", Label::Per);
    t.add_rule("acme widgets", Label::Org);
    check(
        &t,
        "Goldman Sachs bought Acme Widgets in Manila.",
        &[
            ("Goldman Sachs", Label::Per),
            ("Acme Widgets", Label::Org),
            ("Manila", Label::Loc),
        ],
    );
    // Re-adding a phrase replaces its label; the default tagger is unaffected.
    t.add_rule("goldman sachs", Label::Org);
    check(&t, "Goldman Sachs rose.", &[("Goldman Sachs", Label::Org)]);
    t.add_rule("   ", Label::Misc);
    assert!(tag_entities("").is_empty());
}

#[test]
fn model_bytes_and_files() {
    assert!(matches!(
        EntityTagger::from_model_bytes(b"nope"),
        Err(Error::BadHeader)
    ));
    assert!(EntityTagger::from_model_bytes(&[]).is_err());
    assert!(EntityTagger::from_model_file("/nonexistent/model.bin").is_err());
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/model/ner.bin")).unwrap();
    let t = EntityTagger::from_model_bytes(&bytes).unwrap();
    let text = "Angela Merkel visited Paris.";
    assert_eq!(t.tag_text(text), EntityTagger::new().tag_text(text));
    // Truncated models are rejected, not panicking.
    for cut in [7, 100, bytes.len() / 2, bytes.len() - 1] {
        assert!(EntityTagger::from_model_bytes(&bytes[..cut]).is_err());
    }
}

#[test]
fn load_time_is_small() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/model/ner.bin")).unwrap();
    let t0 = std::time::Instant::now();
    let _t = EntityTagger::from_model_bytes(&bytes).unwrap();
    // Generous for debug builds; release loads in a few tens of ms.
    assert!(
        t0.elapsed().as_secs_f64() < 2.0,
        "load took {:?}",
        t0.elapsed()
    );
}

fn check_invariants(text: &str, ents: &[Entity]) {
    let toks = copydesk_tokenize::tokenize(text);
    let starts: std::collections::HashSet<usize> = toks.iter().map(|t| t.start).collect();
    let ends: std::collections::HashSet<usize> = toks.iter().map(|t| t.end).collect();
    let mut prev_end = 0;
    for e in ents {
        assert!(e.start < e.end && e.end <= text.len());
        assert!(e.start >= prev_end, "sorted and disjoint");
        assert!(
            starts.contains(&e.start) && ends.contains(&e.end),
            "on token boundaries"
        );
        assert!((0.0..=1.0).contains(&e.score));
        prev_end = e.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_spans_are_sound(text in "\\PC{0,200}") {
        let ents = tag_entities(&text);
        check_invariants(&text, &ents);
    }

    #[test]
    fn news_like_text(words in proptest::collection::vec(
        prop_oneof![
            Just("Rex"), Just("Tillerson"), Just("U.S."), Just("$"), Just("3.6"), Just("trillion"),
            Just("%"), Just("45"), Just("percent"), Just("Monday"), Just("Sept."), Just("1,"),
            Just("2017"), Just("p.m."), Just("10:30"), Just("GMT"), Just("in"), Just("the"),
            Just("\n"), Just("."), Just("\""), Just("Russia's"), Just("New"), Just("York"),
        ], 0..40)) {
        let text = words.join(" ");
        let mut t = EntityTagger::new();
        t.add_rule("New York", Label::Org);
        t.add_rule("the", Label::Misc);
        let ents = t.tag_text(&text);
        check_invariants(&text, &ents);
    }
}
