//! Invariants of quotations and entity groups on arbitrary and news-like input: spans
//! non-empty, on token boundaries, ordered and non-overlapping; speakers valid indices;
//! every name mention in exactly one group; JSON round trip; quotes can be turned off.

use copydesk::{Document, Label, Pipeline, QuoteKind};
use proptest::prelude::*;

fn check(doc: &Document) {
    let text = &doc.text;
    let mut prev = 0;
    for (i, q) in doc.quotes.iter().enumerate() {
        assert!(q.start < q.end && q.end <= text.len(), "quote {i}");
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert!(q.start >= prev, "quote {i} overlaps");
        prev = q.end;
        assert!(
            doc.tokens.iter().any(|t| t.start == q.start),
            "quote {i} start"
        );
        assert!(doc.tokens.iter().any(|t| t.end == q.end), "quote {i} end");
        assert!(q.speaker.is_none_or(|e| e < doc.entities.len()));
        assert!(q.sentence < doc.sentences.len());
        if q.kind == QuoteKind::Scare {
            assert!(q.cue.is_empty() && q.speaker_name.is_none(), "quote {i}");
        }
        if let Some(e) = q.speaker {
            // The referent's label (its group's, what the quote finder goes by).
            let label = doc
                .entity_groups
                .iter()
                .find(|g| g.mentions.contains(&e))
                .map_or(doc.entities[e].label, |g| g.label);
            assert!(
                !matches!(
                    label,
                    Label::Loc | Label::Date | Label::Time | Label::Money | Label::Percent
                ),
                "quote {i}: speaker {:?}",
                doc.entities[e]
            );
        }
        if let Some((a, b)) = q.speaker_span {
            assert!(
                a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
            );
        }
    }
    let mut seen = vec![0; doc.entities.len()];
    for g in &doc.entity_groups {
        assert!(!g.mentions.is_empty());
        for &m in &g.mentions {
            seen[m] += 1;
            assert_eq!(doc.entities[m].canonical, g.canonical);
        }
    }
    for (e, n) in doc.entities.iter().zip(seen) {
        let name = matches!(e.label, Label::Per | Label::Org | Label::Loc | Label::Misc);
        assert_eq!(n, usize::from(name), "{e:?}");
    }
    assert_eq!(&Document::from_json(&doc.to_json()).unwrap(), doc);
}

fn news_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "’",
        "said",
        "told",
        "according to",
        "he",
        "she",
        "Mr",
        "Ms.",
        "Rex Tillerson",
        "Tillerson's",
        "Hillary Clinton",
        "Clinton",
        "U.S.",
        "US",
        "the",
        "talks",
        ",",
        ".",
        ":",
        "\n\n",
        "called",
        "é",
        "🙂",
        "Sen.",
        "'s",
    ]);
    prop::collection::vec(piece, 0..50).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn news_like_quotes(text in news_like()) {
        check(&copydesk::analyze(&text));
    }

    #[test]
    fn any_text(text in "\\PC{0,120}") {
        check(&copydesk::analyze(&text));
    }
}

#[test]
fn quotes_can_be_turned_off_and_aliases_added() {
    let text = "\"We agreed,\" Rex Tillerson said of the Beeb and the BBC.";
    let on = copydesk::analyze(text);
    assert_eq!(on.quotes.len(), 1);
    assert_eq!(on.quotes[0].text(text), "We agreed");
    let off = Pipeline::builder()
        .quotes(false)
        .build()
        .unwrap()
        .analyze(text);
    assert!(off.quotes.is_empty());
    assert_eq!(off.entities, on.entities);
    let p = Pipeline::builder().alias("Beeb", "BBC").build().unwrap();
    assert_eq!(p.config().aliases, [("Beeb".to_owned(), "BBC".to_owned())]);
    assert!(Pipeline::builder().alias(" ", "BBC").build().is_err());
}

#[test]
fn entity_tone_groups_by_canonical_name() {
    let text = "Rex Tillerson arrived. Tillerson was angry. Mr Tillerson's plan failed.";
    let doc = copydesk::analyze(text);
    let tones = doc.entity_tone();
    let t = tones
        .iter()
        .find(|t| t.name == "Rex Tillerson")
        .expect("grouped");
    assert_eq!(
        t.mentions,
        doc.entities
            .iter()
            .filter(|e| e.canonical == "Rex Tillerson")
            .count()
    );
    assert!(t.mentions >= 2, "{tones:?}");
}
