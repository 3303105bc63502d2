//! `PipelineConfig` options reach every component they concern.

use copydesk::Pipeline;

fn words(doc: &copydesk::Document) -> Vec<&str> {
    doc.tokens.iter().map(|t| t.text(&doc.text)).collect()
}

#[test]
fn user_abbreviations_reach_the_tokenizer_and_the_splitter() {
    let text = "The ctte. met 5 times. Mr Brown knows.";
    let default = Pipeline::shared_default().analyze(text);
    assert!(words(&default).contains(&"ctte"), "{:?}", words(&default));
    let nlp = Pipeline::builder()
        .abbreviation("ctte.")
        .build()
        .expect("valid config");
    let doc = nlp.analyze(text);
    assert!(words(&doc).contains(&"ctte."), "{:?}", words(&doc));
    let sentences: Vec<&str> = doc
        .sentences
        .iter()
        .map(|s| &doc.text[s.start..s.end])
        .collect();
    assert_eq!(sentences, ["The ctte. met 5 times.", "Mr Brown knows."]);
}

#[test]
fn user_titles_reach_the_tokenizer_and_the_splitter() {
    let text = "We met Amb. Carter. She spoke.";
    let nlp = Pipeline::builder()
        .title("Amb.")
        .build()
        .expect("valid config");
    let doc = nlp.analyze(text);
    assert!(words(&doc).contains(&"Amb."), "{:?}", words(&doc));
    let sentences: Vec<&str> = doc
        .sentences
        .iter()
        .map(|s| &doc.text[s.start..s.end])
        .collect();
    assert_eq!(sentences, ["We met Amb. Carter.", "She spoke."]);
}
