//! The quote finder on its own, with hand-made mentions: kinds, speakers that are only
//! persons or organisations, modifiers, descriptions and quotes over paragraphs.

use copydesk_entities::Label;
use copydesk_quotes::{find, Mention, QuoteKind};

/// `(quoted words, kind, speaker name)` of every quotation of `text`, with `names`
/// marked as mentions (first occurrence after the previous one).
fn quotes(text: &str, names: &[(&str, Label)]) -> Vec<(String, QuoteKind, Option<String>)> {
    let tokens = copydesk_tokenize::tokenize(text);
    let starts: Vec<usize> = copydesk_sentences::split_sentences(text)
        .iter()
        .map(|s| s.start)
        .collect();
    let mut from = 0;
    let mut mentions = Vec::new();
    for &(name, label) in names {
        let at = from + text[from..].find(name).expect("name in text");
        mentions.push(Mention {
            start: at,
            end: at + name.len(),
            label,
            name,
            group: None,
            gender: None,
        });
        from = at + name.len();
    }
    find(text, &tokens, &starts, &mentions)
        .into_iter()
        .map(|f| {
            let q = f.quote;
            if let Some(m) = q.speaker {
                assert!(matches!(
                    mentions[m].label,
                    Label::Per | Label::Org | Label::Misc
                ));
            }
            (q.text(text).to_owned(), q.kind, q.speaker_name)
        })
        .collect()
}

fn q(text: &str, kind: QuoteKind, speaker: Option<&str>) -> (String, QuoteKind, Option<String>) {
    (text.to_owned(), kind, speaker.map(str::to_owned))
}

use QuoteKind::{Direct, Partial, Scare};

#[test]
fn kinds() {
    let text = "Moore said it was \"an historic occasion\". The so-called \"next wave\" \
                countries grew. \"We will fight on,\" Moore said.";
    assert_eq!(
        quotes(text, &[("Moore", Label::Per), ("Moore", Label::Per)]),
        [
            q("an historic occasion", Partial, Some("Moore")),
            q("next wave", Scare, None),
            q("We will fight on", Direct, Some("Moore")),
        ]
    );
}

#[test]
fn places_never_speak_and_modifiers_are_skipped() {
    let text = "\"We missed him,\" said Wales coach Mike Ruddock. \
                \"Serge has a good case,\" said France. \
                \"The police have finished,\" said Real Madrid president Florentino Perez.";
    assert_eq!(
        quotes(
            text,
            &[
                ("Wales", Label::Loc),
                ("Mike Ruddock", Label::Per),
                ("France", Label::Loc),
                ("Real Madrid", Label::Org),
                ("Florentino Perez", Label::Per),
            ]
        ),
        [
            q("We missed him", Direct, Some("Mike Ruddock")),
            q("Serge has a good case", Direct, None),
            q("The police have finished", Direct, Some("Florentino Perez")),
        ]
    );
}

#[test]
fn descriptions_and_pronouns_resolve_to_the_subject() {
    let text = "After a tough first set, Molik grew in confidence. She will now meet \
                Venus Williams. \"Bring it on,\" said the 23-year-old.\n\n\
                McLeish admitted defeat after losing to Guy Roux's side.\n\n\
                \"It was amateur,\" he added.";
    assert_eq!(
        quotes(
            text,
            &[
                ("Molik", Label::Per),
                ("Venus Williams", Label::Per),
                ("McLeish", Label::Per),
                ("Guy Roux", Label::Per),
            ]
        ),
        [
            q("Bring it on", Direct, Some("Molik")),
            q("It was amateur", Direct, Some("McLeish")),
        ]
    );
}

#[test]
fn a_quote_over_paragraphs_is_one_and_the_next_paragraph_continues() {
    let text = "Ms James told the radio: \"It is dangerous.\n\n\"We need no interference.\"\n\n\
                \"Wales has moved on.\"";
    assert_eq!(
        quotes(text, &[("Ms James", Label::Per)]),
        [
            q(
                "It is dangerous.\n\n\"We need no interference.",
                Direct,
                Some("Ms James")
            ),
            q("Wales has moved on.", Direct, Some("Ms James")),
        ]
    );
}

#[test]
fn quoted_as_saying_and_according_to() {
    let text = "\"They moved so quickly,\" the Financial Times quoted an insider as saying. \
                \"Growth will slow,\" according to the central bank.";
    assert_eq!(
        quotes(text, &[("Financial Times", Label::Org)]),
        [
            q("They moved so quickly", Direct, Some("an insider")),
            q("Growth will slow", Direct, Some("the central bank")),
        ]
    );
}
