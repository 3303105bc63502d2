//! Invariant checks shared by the copydesk fuzz targets (and by `cargo test` in this crate,
//! which replays every saved input under `regressions/`).
//!
//! Each `check_*` function panics (and so makes libFuzzer report a crash) when a component
//! violates the span contract of ARCHITECTURE.md: no panic on any `&str`; every span
//! non-empty, on char boundaries, in bounds, ordered and non-overlapping within its layer;
//! sentences cover every token exactly once; entities lie on token boundaries; results are
//! deterministic and `analyze_many` equals mapping `analyze`.

use std::sync::LazyLock;

use copydesk::Pipeline;
use copydesk_entities::{EntityTagger, Label};
use copydesk_sentences::{Sentence, SentenceSplitter};
use copydesk_tokenize::{Token, Tokenizer};
use copydesk_tone::{Tone, ToneScorer};

/// Separator that splits one fuzz input into a batch (pipeline) or into a phrase rule and a
/// text (entities). ASCII "record separator": rare in real text, easy for the fuzzer to find.
pub const SEP: char = '\u{1e}';

static TOKENIZER: LazyLock<Tokenizer> = LazyLock::new(Tokenizer::default);
static SPLITTER: LazyLock<SentenceSplitter> = LazyLock::new(SentenceSplitter::default);
static TAGGER: LazyLock<EntityTagger> = LazyLock::new(EntityTagger::default);
static SCORER: LazyLock<ToneScorer> = LazyLock::new(ToneScorer::default);

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

/// Fuzz target `tokenize`.
pub fn target_tokenize(text: &str) {
    let tokens = TOKENIZER.tokenize(text);
    check_tokens(text, &tokens);
    let iterated: Vec<Token> = TOKENIZER.tokens(text).collect();
    assert_eq!(
        iterated, tokens,
        "Tokenizer::tokens differs from Tokenizer::tokenize"
    );
    assert_eq!(
        TOKENIZER.tokenize(text),
        tokens,
        "tokenize is not deterministic"
    );
    assert_eq!(
        copydesk_tokenize::tokenize(text),
        tokens,
        "tokenize() differs from default"
    );
    // normalize must not panic either (it keys every lexicon).
    let _ = copydesk_tokenize::normalize(text);
}

/// Fuzz target `sentences`.
pub fn target_sentences(text: &str) {
    let tokens = TOKENIZER.tokenize(text);
    let sentences = SPLITTER.split(text, &tokens);
    check_sentences(text, &tokens, &spans_of(&sentences));
    for (i, s) in sentences.iter().enumerate() {
        let t = s.text(text);
        assert_eq!(t, t.trim(), "sentence {i} not trimmed");
    }
    assert_eq!(
        SPLITTER.split(text, &tokens),
        sentences,
        "split is not deterministic"
    );
    assert_eq!(
        copydesk_sentences::split_sentences(text),
        sentences,
        "split_sentences differs"
    );
    // Tokens that do not belong to the text must not make the splitter panic either.
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    let _ = SPLITTER.split(text, &tokens[..tokens.len() / 2]);
    let _ = SPLITTER.split(&text[half..], &tokens);
}

/// Fuzz target `entities`. An input `phrase SEP text` adds `phrase` as a user rule first.
pub fn target_entities(input: &str) {
    let (tagger, text) = match input.split_once(SEP) {
        Some((phrase, text)) => {
            let labels = [Label::Per, Label::Org, Label::Loc, Label::Misc];
            let mut t = TAGGER.clone();
            t.add_rule(phrase, labels[phrase.len() % labels.len()]);
            (t, text)
        }
        None => (TAGGER.clone(), input),
    };
    let tokens = TOKENIZER.tokenize(text);
    let sentences = SPLITTER.split(text, &tokens);
    let entities = tagger.tag(text, &tokens, &sentences);
    check_spans("entities", text, entities.iter().map(|e| (e.start, e.end)));
    check_on_token_boundaries(
        "entities",
        &tokens,
        entities.iter().map(|e| (e.start, e.end)),
    );
    for e in &entities {
        assert!(
            e.score.is_finite() && (0.0..=1.0).contains(&e.score),
            "entity score {e:?}"
        );
        assert!(
            sentences
                .iter()
                .any(|s| s.start <= e.start && e.end <= s.end),
            "entity {e:?} crosses a sentence boundary"
        );
    }
    assert_eq!(
        tagger.tag(text, &tokens, &sentences),
        entities,
        "tag is not deterministic"
    );
    let _ = tagger.tag_text(text);
    let _ = copydesk_entities::tag_entities(text);
}

/// Fuzz target `tone`.
pub fn target_tone(text: &str) {
    let tokens = TOKENIZER.tokenize(text);
    let sentences = SPLITTER.split(text, &tokens);
    let spans: Vec<copydesk_tone::Sentence> = sentences
        .iter()
        .map(|s| copydesk_tone::Sentence {
            start: s.start,
            end: s.end,
        })
        .collect();
    let doc = SCORER.score_document(text, &tokens, &spans);
    check_tone("document", &doc.document);
    assert_eq!(doc.sentences.len(), spans.len(), "one tone per sentence");
    for (i, t) in doc.sentences.iter().enumerate() {
        check_tone(&format!("sentence {i}"), t);
    }
    assert_eq!(
        SCORER.score_document(text, &tokens, &spans),
        doc,
        "not deterministic"
    );
    let t = copydesk_tone::score_tone(text);
    check_tone("score_tone", &t);
    assert_eq!(
        copydesk_tone::score_tone(text),
        t,
        "score_tone is not deterministic"
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

/// Fuzz target `pipeline`: the whole input, and its `SEP`-separated parts as a batch.
pub fn target_pipeline(input: &str) {
    let pipeline = Pipeline::shared_default();
    let doc = pipeline.analyze(input);
    check_document(input, &doc);
    assert_eq!(pipeline.analyze(input), doc, "analyze is not deterministic");
    let texts: Vec<&str> = input.split(SEP).collect();
    let many = pipeline.analyze_many(&texts);
    assert_eq!(
        many.len(),
        texts.len(),
        "analyze_many lost or added documents"
    );
    for (i, (t, d)) in texts.iter().zip(&many).enumerate() {
        assert_eq!(
            d,
            &pipeline.analyze(t),
            "analyze_many[{i}] differs from analyze"
        );
    }
}

fn spans_of(sentences: &[Sentence]) -> Vec<(usize, usize)> {
    sentences.iter().map(|s| (s.start, s.end)).collect()
}

#[cfg(test)]
mod tests {
    //! Replays every saved input under `regressions/<target>/` through its target's checks.

    use std::path::Path;

    fn replay(target: &str, check: fn(&str)) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("regressions")
            .join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            if let Ok(text) = std::str::from_utf8(&bytes) {
                eprintln!("replaying {}", path.display());
                check(text);
            }
        }
    }

    #[test]
    fn regressions() {
        replay("tokenize", super::target_tokenize);
        replay("sentences", super::target_sentences);
        replay("entities", super::target_entities);
        replay("tone", super::target_tone);
        replay("pipeline", super::target_pipeline);
    }

    #[test]
    fn smoke() {
        for text in [
            "",
            " ",
            "Mr. Smith said: \"Hello.\" Then he left.",
            "\u{0}\u{301}\u{301}",
        ] {
            super::target_tokenize(text);
            super::target_sentences(text);
            super::target_entities(text);
            super::target_tone(text);
            super::target_pipeline(text);
        }
        super::target_entities("new york\u{1e}I love New York.");
        super::target_pipeline("One.\u{1e}Two. Three.\u{1e}");
    }
}
