//! Facade-level invariants on arbitrary and news-like input, asserted by the checks of
//! `copydesk_testkit::invariants` (the fuzz targets in `fuzz/` assert the same; saved fuzz
//! inputs are replayed by `tests/fuzz_regressions.rs`):
//!
//! - no panic on any `&str`;
//! - every span non-empty, in bounds, on char boundaries, ordered, non-overlapping in its layer;
//! - sentences start and end on tokens and cover every token exactly once;
//! - entities and quotes lie on token boundaries, inside the sentence they name;
//!   entity groups partition (a subset of) the entities;
//! - results are deterministic, survive a JSON round trip, do not depend on the thread
//!   count, and `analyze_many` equals mapping `analyze`.

use copydesk::{Document, Pipeline};
use copydesk_testkit::invariants::{check_batch, check_text};
use proptest::prelude::*;

/// Generates text shaped like news copy: titled names, quotes, numbers, abbreviations,
/// non-Latin scripts, emoji, stray punctuation and line breaks.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "the", "said", "on", "Monday", "government", "talks", "failed", "good", "not",
            "markets", "rose", "in", "of", "and", "but", "very", "war", "peace",
        ]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "Mr.", "Mrs.", "Dr.", "Gov.", "Sen.", "Prof.", "Gen.", "St.", "U.S.", "U.K.", "e.g.",
            "i.e.", "Inc.", "Corp.", "No.", "Jan.", "a.m.", "etc.",
        ]).prop_map(str::to_owned),
        3 => prop::sample::select(vec![
            "Rex Tillerson", "Angela Merkel", "Moscow", "New York", "Acme Corp", "BBC",
            "Zoë Ünal", "François Hollande", "São Paulo", "Reuters",
        ]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "25,000", "3.6", "3.5%", "$1.2bn", "£40", "1 September", "9:30", "2017", "-4",
            "1/2", "No. 10", "555-0100",
        ]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "\"", "“", "”", "'", "‘", "’", "«", "»", "(", ")", "[", "]", "—", "–", "-", "…",
            ",", ";", ":", ".", "!", "?", "?!", "...", "'s", "n't",
        ]).prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "東京で", "北京。", "مرحبا", "بالعالم.", "שלום", "עולם.", "Привет", "мир.", "🙂",
            "👨‍👩‍👧", "🇺🇸", "e\u{301}\u{301}", "\u{200b}", "\u{a0}", "#news", "@someone",
            "https://example.com/a?b=c.", "a@b.co", "\u{0}", "\u{7}", "\u{feff}",
        ]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "\"We will not give up,\" he said.",
            "“It is over,” said Angela Merkel.",
            "He told reporters: \"No deal.\"",
            "\"It was,\" she said, \"a disaster.",
            "according to the ministry, \"the talks failed\"",
            "‘Maybe’, a spokesman said",
            "„Nein“, sagte er.",
        ])
        .prop_map(str::to_owned),
        1 => "\\PC{1,6}",
    ];
    let sep = prop::sample::select(vec![" ", " ", " ", " ", "", "\n", "\n\n", "  ", "\t"]);
    prop::collection::vec((piece, sep), 0..120).prop_map(|parts| {
        parts.into_iter().fold(String::new(), |mut s, (p, sep)| {
            s.push_str(&p);
            s.push_str(sep);
            s
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn printable_text(text in "\\PC{0,200}") {
        check_text(&text);
    }

    #[test]
    fn any_string(text in any::<String>()) {
        check_text(&text);
    }

    #[test]
    fn news_like_text(text in news_like()) {
        check_text(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn batches_are_thread_count_independent(
        texts in prop::collection::vec(prop_oneof![news_like(), "\\PC{0,80}"], 0..12)
    ) {
        check_batch(&texts);
    }
}

#[test]
fn empty_and_blank_inputs() {
    for text in ["", " ", "\n\n\n", "\t \r\n", "\u{a0}\u{2003}", "\u{0}"] {
        check_text(text);
    }
    let empty: Vec<Document> = Pipeline::shared_default().analyze_many(&[] as &[&str]);
    assert!(empty.is_empty());
    assert!(Pipeline::shared_default().analyze("").tokens.is_empty());
}
