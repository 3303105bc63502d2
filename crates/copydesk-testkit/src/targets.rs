//! The bodies of the cargo-fuzz targets in `fuzz/` (one per crate and the pipeline), so that
//! `cargo test` replays saved fuzz inputs through exactly what the fuzzers run.

use std::sync::LazyLock;

use copydesk::entities::{EntityTagger, Label};
use copydesk::sentences::{Sentence, SentenceSplitter};
use copydesk::tokenize::{Token, Tokenizer};
use copydesk::tone::ToneScorer;
use copydesk::Pipeline;

use crate::invariants::{
    check_document, check_on_token_boundaries, check_sentences, check_spans, check_tokens,
    check_tone,
};

/// Separator that splits one fuzz input into a batch (pipeline) or into a phrase rule and a
/// text (entities). ASCII "record separator": rare in real text, easy for the fuzzer to find.
pub const SEP: char = '\u{1e}';

static TOKENIZER: LazyLock<Tokenizer> = LazyLock::new(Tokenizer::default);
static SPLITTER: LazyLock<SentenceSplitter> = LazyLock::new(SentenceSplitter::default);
static TAGGER: LazyLock<EntityTagger> = LazyLock::new(EntityTagger::default);
static SCORER: LazyLock<ToneScorer> = LazyLock::new(ToneScorer::default);

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
        copydesk::tokenize::tokenize(text),
        tokens,
        "tokenize() differs from default"
    );
    // normalize must not panic either (it keys every lexicon).
    let _ = copydesk::tokenize::normalize(text);
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
        copydesk::sentences::split_sentences(text),
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
    let _ = copydesk::entities::tag_entities(text);
}

/// Fuzz target `tone`.
pub fn target_tone(text: &str) {
    let tokens = TOKENIZER.tokenize(text);
    let sentences = SPLITTER.split(text, &tokens);
    let spans: Vec<copydesk::tone::Sentence> = sentences
        .iter()
        .map(|s| copydesk::tone::Sentence {
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
    let t = copydesk::tone::score_tone(text);
    check_tone("score_tone", &t);
    assert_eq!(
        copydesk::tone::score_tone(text),
        t,
        "score_tone is not deterministic"
    );
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

/// The target function named `name` (`tokenize`, `sentences`, `entities`, `tone`,
/// `pipeline`), as named by the directories of `fuzz/regressions/`.
pub fn by_name(name: &str) -> Option<fn(&str)> {
    Some(match name {
        "tokenize" => target_tokenize,
        "sentences" => target_sentences,
        "entities" => target_entities,
        "tone" => target_tone,
        "pipeline" => target_pipeline,
        _ => return None,
    })
}
