//! The span contract of ARCHITECTURE.md as assertions, one owner for the facade's property
//! tests (`crates/copydesk/tests/invariants.rs`), the fuzz targets ([`crate::targets`]) and
//! the replay of saved fuzz inputs.
//!
//! Each `check_*` function panics when a component violates the contract: every span
//! non-empty, on char boundaries, in bounds, ordered and non-overlapping within its layer;
//! sentences cover every token exactly once; entities and quotes lie on token boundaries
//! inside the sentence they name; tones in their documented ranges; a document survives a
//! JSON round trip; batches do not depend on the thread count.

use std::sync::LazyLock;

use copydesk::tokenize::{Token, Tokenizer};
use copydesk::{Pipeline, Tone};

static TOKENIZER: LazyLock<Tokenizer> = LazyLock::new(Tokenizer::default);
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

/// Asserts that `spans` (as `(start, end)` byte pairs) are non-empty, in bounds, on char
/// boundaries, ordered and non-overlapping.
pub fn check_spans(layer: &str, text: &str, spans: impl IntoIterator<Item = (usize, usize)>) {
    let mut prev_end = 0;
    for (i, (start, end)) in spans.into_iter().enumerate() {
        assert!(
            start < end,
            "{layer}[{i}]: empty or reversed span {start}..{end}"
        );
        assert!(
            end <= text.len(),
            "{layer}[{i}]: {start}..{end} past the end ({})",
            text.len()
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{layer}[{i}]: {start}..{end} not on char boundaries"
        );
        assert!(
            start >= prev_end,
            "{layer}[{i}]: {start}..{end} overlaps or precedes the previous span (ends {prev_end})"
        );
        prev_end = end;
    }
}

/// Tokens: valid spans (see [`check_spans`]).
pub fn check_tokens(text: &str, tokens: &[Token]) {
    check_spans("tokens", text, tokens.iter().map(|t| (t.start, t.end)));
}

/// Sentences: valid, trimmed spans; each starts at a token start, ends at a token end, and
/// together they hold every token exactly once (no sentences without tokens).
pub fn check_sentences(text: &str, tokens: &[Token], sentences: &[(usize, usize)]) {
    check_spans("sentences", text, sentences.iter().copied());
    let mut ti = 0;
    for (si, &(start, end)) in sentences.iter().enumerate() {
        assert!(
            ti < tokens.len(),
            "sentence {si} {start}..{end} holds no token"
        );
        assert_eq!(
            tokens[ti].start, start,
            "sentence {si} {start}..{end} does not start at the next token {:?}",
            tokens[ti]
        );
        while ti < tokens.len() && tokens[ti].end <= end {
            ti += 1;
        }
        assert_eq!(
            tokens[ti - 1].end,
            end,
            "sentence {si} {start}..{end} does not end at a token end"
        );
        if let Some(next) = tokens.get(ti) {
            assert!(
                next.start >= end,
                "token {next:?} straddles sentence {si} {start}..{end}"
            );
        }
    }
    assert_eq!(ti, tokens.len(), "tokens from #{ti} are in no sentence");
}

/// Asserts that every `(start, end)` span starts at some token's start and ends at some
/// token's end (spans must be ordered; linear merge).
pub fn check_on_token_boundaries(
    layer: &str,
    tokens: &[Token],
    spans: impl IntoIterator<Item = (usize, usize)>,
) {
    let mut ti = 0;
    for (i, (start, end)) in spans.into_iter().enumerate() {
        while ti < tokens.len() && tokens[ti].start < start {
            ti += 1;
        }
        assert!(
            ti < tokens.len() && tokens[ti].start == start,
            "{layer}[{i}] {start}..{end} does not start at a token"
        );
        let mut tj = ti;
        while tj < tokens.len() && tokens[tj].end < end {
            tj += 1;
        }
        assert!(
            tj < tokens.len() && tokens[tj].end == end,
            "{layer}[{i}] {start}..{end} does not end at a token"
        );
    }
}

/// A tone is finite and in its documented ranges.
pub fn check_tone(what: &str, t: &Tone) {
    assert!(
        (-1.0..=1.0).contains(&t.compound),
        "{what}: compound out of range {t:?}"
    );
    for x in [t.positive, t.negative, t.neutral, t.polarity] {
        assert!((0.0..=1.0).contains(&x), "{what}: share out of range {t:?}");
    }
    let shares = t.positive + t.negative + t.neutral;
    assert!(
        shares == 0.0 || (shares - 1.0).abs() < 1e-6,
        "{what}: shares sum {shares} {t:?}"
    );
    assert!(
        (-100.0..=100.0).contains(&t.tone),
        "{what}: tone out of range {t:?}"
    );
    assert!(
        (0.0..=100.0).contains(&t.activity),
        "{what}: activity out of range {t:?}"
    );
    assert!(
        (0.0..=100.0).contains(&t.self_reference),
        "{what}: self_reference {t:?}"
    );
}

/// Every invariant of one analysed [`copydesk::Document`] for `text`.
pub fn check_document(text: &str, doc: &copydesk::Document) {
    assert_eq!(doc.text, text, "Document.text differs from the input");
    check_tokens(text, &doc.tokens);
    assert_eq!(
        doc.tokens,
        TOKENIZER.tokenize(text),
        "Document.tokens differ from tokenize"
    );
    let sentences: Vec<(usize, usize)> = doc.sentences.iter().map(|s| (s.start, s.end)).collect();
    check_sentences(text, &doc.tokens, &sentences);
    check_tone("document", &doc.tone);
    for (i, s) in doc.sentences.iter().enumerate() {
        check_tone(&format!("sentence {i}"), &s.tone);
    }
    let ents = || doc.entities.iter().map(|e| (e.start, e.end));
    check_spans("entities", text, ents());
    check_on_token_boundaries("entities", &doc.tokens, ents());
    for (i, e) in doc.entities.iter().enumerate() {
        assert!(
            e.score.is_finite() && (0.0..=1.0).contains(&e.score),
            "entity {i} score"
        );
        let s = doc.sentences.get(e.sentence).unwrap_or_else(|| {
            panic!(
                "entity {i} names sentence {} of {}",
                e.sentence,
                doc.sentences.len()
            )
        });
        assert!(
            s.start <= e.start && e.end <= s.end,
            "entity {i} {}..{} is not inside its sentence {}..{}",
            e.start,
            e.end,
            s.start,
            s.end
        );
    }
    for t in doc.entity_tone() {
        assert!((-1.0..=1.0).contains(&t.tone), "entity tone {t:?}");
        assert!(
            t.mentions >= t.sentences && t.sentences >= 1,
            "entity tone counts {t:?}"
        );
    }
    extra::check_document_extra(text, doc);
    let back = copydesk::Document::from_json(&doc.to_json()).expect("JSON round trip");
    assert_eq!(&back, doc, "JSON round trip changed the document");
}

mod extra {
    //! Checks of the layers added to `Document` after the original contract.

    use super::{check_on_token_boundaries, check_spans, check_tone};

    /// Quotes: ordered, non-overlapping spans on token boundaries with valid speaker,
    /// speaker span and sentence; entity groups: valid sorted mention indices, each entity
    /// in at most one group.
    pub fn check_document_extra(text: &str, doc: &copydesk::Document) {
        let quotes = || doc.quotes.iter().map(|q| (q.start, q.end));
        check_spans("quotes", text, quotes());
        check_on_token_boundaries("quotes", &doc.tokens, quotes());
        for (i, q) in doc.quotes.iter().enumerate() {
            if let Some(e) = q.speaker {
                assert!(
                    e < doc.entities.len(),
                    "quote {i} speaker {e} of {}",
                    doc.entities.len()
                );
            }
            if let Some((start, end)) = q.speaker_span {
                check_spans("quote speaker", text, [(start, end)]);
                check_on_token_boundaries("quote speaker", &doc.tokens, [(start, end)]);
            }
            let s = doc.sentences.get(q.sentence).unwrap_or_else(|| {
                panic!(
                    "quote {i} names sentence {} of {}",
                    q.sentence,
                    doc.sentences.len()
                )
            });
            assert!(
                s.start <= q.start && q.start < s.end,
                "quote {i} starts outside its sentence"
            );
            check_tone(&format!("quote {i}"), &q.tone);
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
}

/// `text` through the default pipeline: every document invariant ([`check_document`]),
/// determinism, and `copydesk::analyze` equal to the shared default pipeline.
pub fn check_text(text: &str) {
    let pipeline = Pipeline::shared_default();
    let doc = pipeline.analyze(text);
    check_document(text, &doc);
    assert_eq!(pipeline.analyze(text), doc, "analyze is not deterministic");
    assert_eq!(copydesk::analyze(text), doc, "copydesk::analyze differs");
}

/// A batch: one thread, two threads and the global pool agree, `analyze_many` equals
/// mapping `analyze`, and every document passes [`check_document`].
pub fn check_batch<S: AsRef<str> + Sync>(texts: &[S]) {
    let one = ONE_THREAD.analyze_many(texts);
    let two = TWO_THREADS.analyze_many(texts);
    let global = Pipeline::shared_default().analyze_many(texts);
    assert_eq!(one.len(), texts.len(), "analyze_many lost documents");
    assert_eq!(one, two, "1 thread and 2 threads disagree");
    assert_eq!(one, global, "a pinned pool and the global pool disagree");
    for (i, (t, d)) in texts.iter().zip(&one).enumerate() {
        let t = t.as_ref();
        assert_eq!(
            d,
            &ONE_THREAD.analyze(t),
            "analyze_many[{i}] differs from analyze"
        );
        check_document(t, d);
    }
}
