//! The project's example articles (`examples/articles/*.txt`): every quotation of speech
//! is found, with the right speaker, cue and exact span; a headline scare quote is marked
//! as one; a place is never a speaker; mentions of one person or country are grouped.

use copydesk::{Document, Label, QuoteKind};

fn article(name: &str) -> Document {
    let path = format!(
        "{}/../../examples/articles/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    copydesk::analyze(&text)
}

/// `(quoted words, a word of the speaker's name or "" for none, cue)` of the quotations of
/// speech, in order, and nothing else.
fn check(name: &str, expected: &[(&str, &str, &str)]) {
    let doc = article(name);
    let got: Vec<(&str, Option<&str>, &str)> = doc
        .quotes
        .iter()
        .filter(|q| q.kind.is_speech())
        .map(|q| (q.text(&doc.text), q.speaker_name.as_deref(), q.cue.as_str()))
        .collect();
    assert_eq!(got.len(), expected.len(), "{name}: {got:#?}");
    for ((text, speaker, cue), (want_text, want_speaker, want_cue)) in got.iter().zip(expected) {
        assert_eq!(text, want_text, "{name}");
        assert!(
            (want_speaker.is_empty() && speaker.is_none())
                || speaker.is_some_and(|s| s.split_whitespace().any(|w| w == *want_speaker)),
            "{name}: {text:?} attributed to {speaker:?}, not {want_speaker}"
        );
        assert_eq!(cue, want_cue, "{name}: {text:?}");
    }
    for q in &doc.quotes {
        if let Some(e) = q.speaker {
            assert_eq!(doc.entities[e].canonical, q.speaker_name.clone().unwrap());
        }
    }
}

#[test]
fn harbour_post() {
    check(
        "01-harbour-post.txt",
        &[
            (
                "We have our differences. We will keep talking",
                "Solberg",
                "told",
            ),
            (
                "This is not charity; it is a shared interest",
                "Arakawa",
                "said",
            ),
            (
                "a map for more oil tankers in fragile waters",
                "Greenpeace",
                "called",
            ),
        ],
    );
}

#[test]
fn northern_wire() {
    check(
        "02-northern-wire.txt",
        &[
            ("a good day for both our nations", "Solberg", "said"),
            (
                "No agreement was reached on drilling, and none will be",
                "Solberg",
                "said",
            ),
            ("patience and honesty", "Arakawa", "praised"),
            ("leaves the hard questions for later", "Holm", "warned"),
            // "a move Oslo condemned": a place is never a speaker.
            ("unjustified and hostile", "", "condemned"),
        ],
    );
}

#[test]
fn global_ledger() {
    check(
        "03-global-ledger.txt",
        &[
            (
                "It's a long-term story, not a trade for this week",
                "Gonzalez",
                "said",
            ),
            (
                "Nobody has explained who pays when a tanker runs aground",
                "Kline",
                "said",
            ),
        ],
    );
}

#[test]
fn evening_courier() {
    check(
        "04-evening-courier.txt",
        &[
            (
                "We will not sacrifice the Arctic for profit",
                "Solberg",
                "told",
            ),
            (
                "the strictest standards in the world",
                "Arakawa",
                "insisted",
            ),
        ],
    );
}

#[test]
fn pronoun_speakers_resolve_to_the_person() {
    let doc = article("01-harbour-post.txt");
    let headline = &doc.quotes[0];
    assert_eq!(headline.text(&doc.text), "cautious progress");
    assert_eq!(headline.kind, QuoteKind::Scare);
    assert!(headline.speaker_name.is_none());
    let q = &doc.quotes[2];
    assert_eq!(
        doc.slice(q.speaker_span.unwrap().0, q.speaker_span.unwrap().1),
        "he"
    );
    let e = &doc.entities[q.speaker.expect("resolved")];
    assert_eq!(e.label, Label::Per);
    assert!(e.canonical.ends_with("Arakawa"));
}

#[test]
fn mentions_are_grouped() {
    let doc = article("04-evening-courier.txt");
    for name in ["Ingrid Solberg", "Kenji Arakawa"] {
        let g = doc
            .entity_groups
            .iter()
            .find(|g| g.canonical == name)
            .unwrap_or_else(|| panic!("no group {name}: {:#?}", doc.entity_groups));
        assert_eq!(g.mentions.len(), 3, "{name}");
        for &m in &g.mentions {
            assert_eq!(doc.entities[m].canonical, name);
        }
    }
    let doc = article("01-harbour-post.txt");
    let us = doc
        .entities
        .iter()
        .find(|e| doc.slice(e.start, e.end) == "U.S.");
    assert_eq!(us.map(|e| e.canonical.as_str()), Some("United States"));
}
