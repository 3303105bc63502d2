//! Every country of the name lists used as a place ("in the Philippines", "from Russia",
//! "to North Korea") is tagged LOC, with exactly its span: over the bundled example
//! articles, and over the 1 MB news sample of `../shared` (another corpus file can be given
//! in `COPYDESK_COUNTRY_CORPUS`, e.g. the whole `news.jsonl` in a release run).

// The words after which a country name is a place: the tagger's own list, not a copy.
use copydesk_entities::internals::PLACE_CUES;
use copydesk_entities::{EntityTagger, Label};
use copydesk_tokenize::{normalize, tokenize, TokenKind};

/// The names of `data/gazetteer.tsv` as lower-cased token sequences, each with whether it
/// is a country, longest first (so that "South Korea" is tried before "Korea", and "Mexico
/// City" before "Mexico").
fn countries() -> Vec<(Vec<String>, bool)> {
    let tsv = include_str!("../data/gazetteer.tsv");
    let mut out: Vec<(Vec<String>, bool)> = tsv
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(name, cat)| {
            let words = tokenize(name)
                .iter()
                .map(|t| t.text(name).to_lowercase())
                .collect();
            (words, cat == "country")
        })
        .collect();
    out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(b.1.cmp(&a.1)));
    out
}

/// Countries used as places in `text` whose tagging is not one LOC entity of exactly
/// their span, as `(name, what the tagger gave)`.
fn misses(
    tagger: &EntityTagger,
    names: &[(Vec<String>, bool)],
    text: &str,
) -> Vec<(String, String)> {
    let toks = tokenize(text);
    let ents = tagger.tag_text(text);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !PLACE_CUES.contains(&normalize(toks[i].text(text)).as_ref()) {
            continue;
        }
        let mut j = i + 1;
        if toks.get(j).is_some_and(|t| t.text(text) == "the") {
            j += 1;
        }
        if !toks
            .get(j)
            .is_some_and(|t| t.text(text).starts_with(char::is_uppercase))
        {
            continue;
        }
        // The longest listed name here must be a country.
        let Some((name, true)) = names.iter().find(|(n, _)| {
            n.iter().enumerate().all(|(k, w)| {
                toks.get(j + k)
                    .is_some_and(|t| t.text(text).to_lowercase() == *w)
            })
        }) else {
            continue;
        };
        let (start, end) = (toks[j].start, toks[j + name.len() - 1].end);
        // Part of a longer name ("in the United States Senate", "to Russia Today", "the
        // UK's Human Rights Watch").
        let capitalised = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase)
            })
        };
        let after = j + name.len();
        let possessive = toks.get(after).is_some_and(|t| t.text(text) == "'s");
        if capitalised(after) || possessive && capitalised(after + 1) {
            continue;
        }
        let hit = ents
            .iter()
            .any(|e| e.start == start && e.end == end && e.label == Label::Loc);
        if !hit {
            let got = ents
                .iter()
                .filter(|e| e.start < end && start < e.end)
                .map(|e| format!("{} {:?}", e.label, e.text(text)))
                .collect::<Vec<_>>()
                .join(", ");
            out.push((text[start..end].to_owned(), got));
        }
    }
    out
}

#[test]
fn countries_in_the_example_articles_are_places() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
    let tagger = EntityTagger::new();
    let names = countries();
    let mut failures = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(dir).expect("examples/articles") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("article");
        failures.extend(misses(&tagger, &names, &text));
        files += 1;
    }
    assert!(files >= 4);
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn countries_in_news_are_places() {
    let raw = match std::env::var("COPYDESK_COUNTRY_CORPUS") {
        Ok(path) => std::fs::read_to_string(path).expect("COPYDESK_COUNTRY_CORPUS"),
        Err(_) => match copydesk_testkit::shared_file("corpus/news-1mb.jsonl") {
            Some(path) => std::fs::read_to_string(path).expect("corpus/news-1mb.jsonl"),
            None => return,
        },
    };
    let tagger = EntityTagger::new();
    let names = countries();
    let mut failures = Vec::new();
    let mut docs = 0;
    for line in raw.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if let Some(text) = v["text"].as_str() {
            failures.extend(misses(&tagger, &names, text));
            docs += 1;
        }
    }
    println!("{docs} documents, {} misses", failures.len());
    assert!(docs > 100);
    assert!(
        failures.is_empty(),
        "{} misses: {failures:?}",
        failures.len()
    );
}

#[test]
fn the_check_reports_a_country_not_tagged_as_a_place() {
    let names = countries();
    let text = "Officials in the Philippines met envoys from North Korea.";
    assert!(misses(&EntityTagger::new(), &names, text).is_empty());
    let mut wrong = EntityTagger::new();
    wrong.add_rule("Philippines", Label::Org);
    let found = misses(&wrong, &names, text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "Philippines");
}
