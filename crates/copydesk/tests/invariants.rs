//! Facade-level invariants on arbitrary and news-like input (the fuzz targets in `fuzz/`
//! assert the same; saved fuzz regressions under `fuzz/regressions/` are replayed here):
//!
//! - no panic on any `&str`;
//! - every span non-empty, in bounds, on char boundaries, ordered, non-overlapping in its layer;
//! - sentences start and end on tokens and cover every token exactly once;
//! - entities and quotes lie on token boundaries, inside the sentence they name;
//!   entity groups partition (a subset of) the entities;
//! - results are deterministic, survive a JSON round trip, do not depend on the thread
//!   count, and `analyze_many` equals mapping `analyze`.

use std::sync::LazyLock;

use copydesk::{Document, Pipeline, Token};
use proptest::prelude::*;

static ONE_THREAD: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::builder()
        .threads(1)
        .build()
        .expect("valid config")
});
static TWO_THREADS: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::builder()
        .threads(2)
        .build()
        .expect("valid config")
});

fn check_spans(layer: &str, text: &str, spans: impl IntoIterator<Item = (usize, usize)>) {
    let mut prev_end = 0;
    for (i, (start, end)) in spans.into_iter().enumerate() {
        assert!(start < end, "{layer}[{i}]: empty span {start}..{end}");
        assert!(
            end <= text.len(),
            "{layer}[{i}]: {start}..{end} out of bounds"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{layer}[{i}]: {start}..{end} not on char boundaries"
        );
        assert!(
            start >= prev_end,
            "{layer}[{i}]: {start}..{end} overlaps or is out of order"
        );
        prev_end = end;
    }
}

fn check_on_tokens(layer: &str, tokens: &[Token], spans: impl IntoIterator<Item = (usize, usize)>) {
    let mut ti = 0;
    for (i, (start, end)) in spans.into_iter().enumerate() {
        while ti < tokens.len() && tokens[ti].start < start {
            ti += 1;
        }
        assert!(
            tokens.get(ti).is_some_and(|t| t.start == start),
            "{layer}[{i}] {start}..{end} does not start at a token"
        );
        let mut tj = ti;
        while tj < tokens.len() && tokens[tj].end < end {
            tj += 1;
        }
        assert!(
            tokens.get(tj).is_some_and(|t| t.end == end),
            "{layer}[{i}] {start}..{end} does not end at a token"
        );
    }
}

fn check_document(text: &str, doc: &Document) {
    assert_eq!(doc.text, text);
    let tokens = &doc.tokens;
    check_spans("tokens", text, tokens.iter().map(|t| (t.start, t.end)));
    assert_eq!(
        tokens,
        &copydesk::tokenize::tokenize(text),
        "tokens differ from tokenize"
    );

    check_spans(
        "sentences",
        text,
        doc.sentences.iter().map(|s| (s.start, s.end)),
    );
    let mut ti = 0;
    for (si, s) in doc.sentences.iter().enumerate() {
        assert!(
            tokens.get(ti).is_some_and(|t| t.start == s.start),
            "sentence {si} {}..{} does not start at the next token",
            s.start,
            s.end
        );
        while ti < tokens.len() && tokens[ti].end <= s.end {
            ti += 1;
        }
        assert_eq!(
            tokens[ti - 1].end,
            s.end,
            "sentence {si} does not end at a token"
        );
        assert!(
            (-1.0..=1.0).contains(&s.tone.compound),
            "sentence {si} tone {:?}",
            s.tone
        );
    }
    assert_eq!(ti, tokens.len(), "tokens from #{ti} are in no sentence");
    assert!(
        (-1.0..=1.0).contains(&doc.tone.compound),
        "tone {:?}",
        doc.tone
    );

    let ents = || doc.entities.iter().map(|e| (e.start, e.end));
    check_spans("entities", text, ents());
    check_on_tokens("entities", tokens, ents());
    for (i, e) in doc.entities.iter().enumerate() {
        assert!(
            (0.0..=1.0).contains(&e.score),
            "entity {i} score {}",
            e.score
        );
        let s = &doc.sentences[e.sentence];
        assert!(
            s.start <= e.start && e.end <= s.end,
            "entity {i} outside its sentence"
        );
    }
    for t in doc.entity_tone() {
        assert!((-1.0..=1.0).contains(&t.tone), "{t:?}");
    }
    check_quotes_and_groups(text, doc);
    let back = Document::from_json(&doc.to_json()).expect("JSON round trip");
    assert_eq!(&back, doc, "JSON round trip changed the document");
}

/// Quotes: ordered, non-overlapping spans on token boundaries; speakers, speaker spans and
/// sentence indices valid. Entity groups: valid, sorted mention indices, each entity in at
/// most one group.
fn check_quotes_and_groups(text: &str, doc: &Document) {
    let quotes = || doc.quotes.iter().map(|q| (q.start, q.end));
    check_spans("quotes", text, quotes());
    check_on_tokens("quotes", &doc.tokens, quotes());
    for (i, q) in doc.quotes.iter().enumerate() {
        assert!(
            q.speaker.is_none_or(|e| e < doc.entities.len()),
            "quote {i} speaker"
        );
        if let Some((start, end)) = q.speaker_span {
            check_spans("quote speaker", text, [(start, end)]);
            check_on_tokens("quote speaker", &doc.tokens, [(start, end)]);
        }
        let s = &doc.sentences[q.sentence];
        assert!(
            s.start <= q.start && q.start < s.end,
            "quote {i} not in its sentence"
        );
        assert!((-1.0..=1.0).contains(&q.tone.compound), "quote {i} tone");
    }
    let mut grouped = vec![false; doc.entities.len()];
    for (g, group) in doc.entity_groups.iter().enumerate() {
        assert!(!group.mentions.is_empty(), "entity group {g} is empty");
        assert!(
            group.mentions.windows(2).all(|w| w[0] < w[1]),
            "group {g} unsorted"
        );
        for &m in &group.mentions {
            assert!(
                m < grouped.len(),
                "group {g} names entity {m} of {}",
                grouped.len()
            );
            assert!(!grouped[m], "entity {m} is in two groups");
            grouped[m] = true;
        }
    }
}

fn check_text(text: &str) {
    let pipeline = Pipeline::shared_default();
    let doc = pipeline.analyze(text);
    check_document(text, &doc);
    assert_eq!(pipeline.analyze(text), doc, "analyze is not deterministic");
    assert_eq!(copydesk::analyze(text), doc);
}

fn check_batch(texts: &[String]) {
    let one = ONE_THREAD.analyze_many(texts);
    let two = TWO_THREADS.analyze_many(texts);
    let global = Pipeline::shared_default().analyze_many(texts);
    assert_eq!(one.len(), texts.len(), "analyze_many lost documents");
    assert_eq!(one, two, "1 thread and 2 threads disagree");
    assert_eq!(one, global, "a pinned pool and the global pool disagree");
    for (i, (t, d)) in texts.iter().zip(&one).enumerate() {
        assert_eq!(
            d,
            &ONE_THREAD.analyze(t),
            "analyze_many[{i}] differs from analyze"
        );
        check_document(t, d);
    }
}

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
    let empty: Vec<Document> = ONE_THREAD.analyze_many(&[] as &[&str]);
    assert!(empty.is_empty());
    assert!(Pipeline::shared_default().analyze("").tokens.is_empty());
}

/// Every input saved by the fuzzers under `fuzz/regressions/<target>/` (valid UTF-8 ones)
/// must pass the full pipeline checks.
#[test]
fn fuzz_regressions_replay() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/regressions");
    let Ok(targets) = std::fs::read_dir(root) else {
        return;
    };
    let mut texts = Vec::new();
    for dir in targets.flatten() {
        for file in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if let Ok(text) = String::from_utf8(std::fs::read(file.path()).unwrap_or_default()) {
                check_text(&text);
                texts.push(text);
            }
        }
    }
    check_batch(&texts);
}
