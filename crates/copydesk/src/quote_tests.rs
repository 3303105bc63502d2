//! The quote finder on hand-made texts, with entity mentions grouped by the alias
//! grouper as in the pipeline (canonical names, genders).

use copydesk_entities::Label;
use Label::{Loc, Org, Per};

use copydesk_testkit::entities_at as mark;

use crate::aliases::{self, AliasTable};
use crate::pipeline::quote_mentions;

/// `(quoted words, speaker name, cue)` of every quotation found.
fn quotes(text: &str, ents: &[(&str, Label)]) -> Vec<(String, Option<String>, String)> {
    let tokens = copydesk_tokenize::tokenize(text);
    let starts: Vec<usize> = copydesk_sentences::split_sentences(text)
        .iter()
        .map(|s| s.start)
        .collect();
    let ents = mark(text, ents);
    let grouping = aliases::group(text, &ents, &AliasTable::builtin());
    let mentions = quote_mentions(&ents, &grouping);
    copydesk_quotes::find(text, &tokens, &starts, &mentions)
        .into_iter()
        .map(|f| {
            let q = f.quote;
            assert_eq!(tokens[f.tokens.start].start, q.start);
            assert_eq!(tokens[f.tokens.end - 1].end, q.end);
            if let Some(e) = q.speaker {
                assert!(e < ents.len());
            }
            (q.text(text).to_owned(), q.speaker_name, q.cue)
        })
        .collect()
}

fn q(text: &str, speaker: Option<&str>, cue: &str) -> (String, Option<String>, String) {
    (text.to_owned(), speaker.map(str::to_owned), cue.to_owned())
}

#[test]
fn attribution_after_the_quote() {
    let text = "Rex Tillerson met Sergei Lavrov. \"We have our differences,\" Tillerson said. \
                \"It's a long-term story, not a trade,\" said Maria Gonzalez, a strategist. \
                \"We will keep talking,\" Ms Solberg told reporters in Geneva.";
    let got = quotes(
        text,
        &[
            ("Rex Tillerson", Per),
            ("Sergei Lavrov", Per),
            ("Tillerson", Per),
            ("Maria Gonzalez", Per),
            ("Solberg", Per),
            ("Geneva", Loc),
        ],
    );
    assert_eq!(
        got,
        [
            q("We have our differences", Some("Rex Tillerson"), "said"),
            q(
                "It's a long-term story, not a trade",
                Some("Maria Gonzalez"),
                "said"
            ),
            q("We will keep talking", Some("Solberg"), "told"),
        ]
    );
}

#[test]
fn attribution_before_the_quote() {
    let text = "Trump tweeted: \"Big win for America!\" Solberg said the deal was \"a good day \
                for both our nations\" and left. Dr. Per Holm, a fellow, warned that the pact \
                \"leaves the hard questions for later\". Greenpeace called it \"a map for \
                more oil tankers\".";
    let got = quotes(
        text,
        &[
            ("Trump", Per),
            ("America", Loc),
            ("Solberg", Per),
            ("Per Holm", Per),
            ("Greenpeace", Org),
        ],
    );
    assert_eq!(
        got,
        [
            q("Big win for America!", Some("Trump"), "tweeted"),
            q("a good day for both our nations", Some("Solberg"), "said"),
            q(
                "leaves the hard questions for later",
                Some("Per Holm"),
                "warned"
            ),
            q("a map for more oil tankers", Some("Greenpeace"), "called"),
        ]
    );
}

#[test]
fn according_to_and_unnamed_speakers() {
    let text = "\"Growth will slow,\" according to the central bank. \
                'We will fight on,' the prime minister said. \
                According to Reuters, \"talks have stalled\".";
    let got = quotes(text, &[("Reuters", Org)]);
    assert_eq!(
        got,
        [
            q("Growth will slow", Some("the central bank"), "according to"),
            q("We will fight on", Some("the prime minister"), "said"),
            q("talks have stalled", Some("Reuters"), "according to"),
        ]
    );
}

#[test]
fn pronouns_resolve_by_gender_and_recency() {
    let text = "Mr Arakawa met Ms Solberg in Geneva. \"We agreed,\" he said. \
                \"We did,\" she said. Kenji Arakawa said Japan would pay. \
                He added: \"This is not charity.\"";
    let got = quotes(
        text,
        &[
            ("Arakawa", Per),
            ("Solberg", Per),
            ("Geneva", Loc),
            ("Kenji Arakawa", Per),
            ("Japan", Loc),
        ],
    );
    assert_eq!(
        got,
        [
            q("We agreed", Some("Kenji Arakawa"), "said"),
            q("We did", Some("Solberg"), "said"),
            q("This is not charity.", Some("Kenji Arakawa"), "added"),
        ]
    );
}

#[test]
fn long_subjects_and_organisations() {
    let text = "Acme Corp reported results. \"Demand was weak,\" it said. \"The runs have \
                started,\" Jake Garn, a member of the Banking Committee, said. \"Prices will \
                rise,\" the general trading manager of an oil company said.";
    let got = quotes(
        text,
        &[
            ("Acme Corp", Org),
            ("Jake Garn", Per),
            ("Banking Committee", Org),
        ],
    );
    assert_eq!(
        got,
        [
            q("Demand was weak", Some("Acme Corp"), "said"),
            q("The runs have started", Some("Jake Garn"), "said"),
            q(
                "Prices will rise",
                Some("the general trading manager of an oil company"),
                "said"
            ),
        ]
    );
}

#[test]
fn names_inside_quotes_are_not_antecedents() {
    let text = "Ingrid Solberg spoke first. \"I told Arakawa we would wait,\" she said.";
    let got = quotes(text, &[("Ingrid Solberg", Per), ("Arakawa", Per)]);
    assert_eq!(
        got,
        [q(
            "I told Arakawa we would wait",
            Some("Ingrid Solberg"),
            "said"
        )]
    );
}

#[test]
fn split_and_multi_sentence_quotes() {
    let text = "Kenji Arakawa spoke.\n\n“This is not charity. It is a shared interest,” he \
                said. “We will invest.”\n\n\"Part one,\" Arakawa said, \"part two.\"";
    let got = quotes(text, &[("Kenji Arakawa", Per), ("Arakawa", Per)]);
    assert_eq!(
        got,
        [
            q(
                "This is not charity. It is a shared interest",
                Some("Kenji Arakawa"),
                "said"
            ),
            q("We will invest.", Some("Kenji Arakawa"), "said"),
            q("Part one", Some("Kenji Arakawa"), "said"),
            q("part two.", Some("Kenji Arakawa"), "said"),
        ]
    );
}

#[test]
fn quotes_running_over_paragraphs() {
    let text = "\"The first paragraph of a long statement.\n\n\"And the second,\" said \
                Sergei Lavrov.";
    let got = quotes(text, &[("Sergei Lavrov", Per)]);
    assert_eq!(
        got,
        [q(
            "The first paragraph of a long statement.\n\n\"And the second",
            Some("Sergei Lavrov"),
            "said"
        )]
    );
}

#[test]
fn scare_quotes_and_terms_have_no_speaker() {
    let text = "Arctic shipping talks end with \"cautious progress\"\n\n\
                Minister defends 'robust' plan\n\n\
                The so-called \"Arctic corridor\" is disputed. Shares in the 'safe' \
                fund fell. The Joneses' house and rock 'n' roll were not quoted.";
    // Scare quotes: no speaker, no cue (their kind is checked in the quotes crate).
    assert_eq!(
        quotes(text, &[]),
        [
            q("cautious progress", None, ""),
            q("robust", None, ""),
            q("Arctic corridor", None, ""),
            q("safe", None, ""),
        ]
    );
}

#[test]
fn another_subject_takes_over_a_continuation() {
    let text = "\"Yes,\" said Tillerson. \"No,\" said Lavrov. Tillerson shrugged. \"Maybe.\"";
    let got = quotes(
        text,
        &[("Tillerson", Per), ("Lavrov", Per), ("Tillerson", Per)],
    );
    assert_eq!(
        got,
        [
            q("Yes", Some("Tillerson"), "said"),
            q("No", Some("Lavrov"), "said"),
            q("Maybe.", Some("Tillerson"), ""),
        ]
    );
}

#[test]
fn unbalanced_marks_do_not_panic() {
    for text in [
        "\"",
        "\"\"",
        "“",
        "”",
        "' '",
        "\"a,\" said",
        "said \"",
        "\"\n\n\"",
        "„x“",
        "\"é,\" él said",
        "according to",
        "\"x\" according to",
        "He said: \"",
        "’s said ‘’",
    ] {
        let _ = quotes(text, &[]);
    }
}
