//! Structure rules applied to the model's names after decoding, where the right answer
//! depends on the whole name or the whole document rather than on one token:
//!
//! - a MISC name the model is less than half sure of is dropped, unless the lists know it
//!   (or its last word) as a demonym or another MISC name;
//! - a role before "of" is not part of the name ("CEO of Exxon Mobil" → "Exxon Mobil",
//!   "President of the Philippines" → "Philippines"), and the rest takes the label its
//!   listed category implies;
//! - a name does not end in a detached period or comma ("Australian Democrats ." →
//!   "Australian Democrats");
//! - a title before a person's name is not part of it ("King Mohammed Idris" → "Mohammed
//!   Idris", "Gen. Kutuzov" → "Kutuzov");
//! - a person's name does not stop inside a hyphenated word ("Kim Dae" + "-jung" → "Kim
//!   Dae-jung", "Mao Tse-Tung");
//! - a capitalised "Greater" before a name begins it ("Greater Manchester", "Greater
//!   Milwaukee Open"), except at the start of a sentence;
//! - an institution "of" a place or body is one organisation ("Supreme Court" + "of" +
//!   "New Zealand" → "Supreme Court of New Zealand", "Parliament of Norway"), and a polity
//!   "of" a place is one place ("Principality of Abkhazia", "Colony of Singapore");
//! - an institution named for its purpose or subject is one organisation ("National
//!   Organization" + "for" + "Women", "Commission" + "on" + "Presidential Debates");
//! - a company's legal form closes its name ("Pirelli SpA", "Acme Corp.", "Google, Inc."):
//!   the name with it is an organisation, and so is the name without it elsewhere in the
//!   document ("Pirelli" after "Pirelli SpA"), whatever a list of surnames or places says
//!   of it;
//! - the name after a company role and "of" ("general manager of Petofi", "chairman of
//!   Chelsea") is an organisation, and so is a name taken for a person beside a
//!   publication word ("Zycie Warszawy daily said", "the daily Zycie Warszawy"); so are
//!   the name's other person mentions and the place mentions the model was not sure of;
//! - a name glued by a hyphen to a participle or a second name is one MISC, as CoNLL
//!   writes such words: "Hong Kong-based", "United Nations-sponsored", "German-Israeli";
//! - a name ending in the head word of an event, award or agreement is MISC ("Venice Film
//!   Festival", "Congo Crisis", "Zulu War Medal"), whatever other names it contains;
//! - an event name the model begins with its year is written whole: with the month before
//!   the year ("February 1974 United Kingdom general election") and the lower-case words
//!   that close it ("1977 Northern Ireland" + "local elections");
//! - a listed demonym ("Koreans", "Azeri") is MISC unless the model is sure otherwise;
//! - names listed together are of one kind: in a list of three or more names ("Shinui,
//!   Hetz, Meretz and Ale Yarok"), a name the model is not sure of takes the label the list
//!   gives with the most confidence;
//! - one name, one label in a document: mentions of the same name whose labels disagree
//!   take the label the document gives it with the most confidence, unless their own
//!   confidence is high (the context clearly differs), and a lone surname takes the label
//!   of the person it ends;
//! - a title in quotation marks after a word for a work ("the film " On the Waterfront "",
//!   "his novel " The Collapse "") is one MISC, whatever names the model found in it;
//! - a listed country after a place cue ("in the Philippines", "from Russia") is LOC.

use copydesk_tokenize::{normalize, Token, TokenKind};

use crate::hash::{hash_str, HashMap64};
use crate::lists::NameLists;
use crate::{Entity, Label};

mod document;
mod misc;
mod names;
mod organisations;
mod works;

use document::*;
use misc::*;
use names::*;
use organisations::*;
use works::*;

pub use document::PLACE_CUES;
pub use organisations::LEGAL_FORMS;

/// A mention whose own confidence is at least this keeps its label against the rest of the
/// document.
const SURE: f32 = 0.9;

/// Applies the rules to the model's entities of one document (sorted, non-overlapping,
/// PER/ORG/LOC/MISC only); `segs` are the token ranges (sentences) the model decoded,
/// which no rule crosses either.
pub(crate) fn apply(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    lists: &NameLists,
    ents: Vec<Entity>,
) -> Vec<Entity> {
    let ents = unsure_misc(text, lists, ents);
    let ents = trim_roles(text, tokens, lists, ents);
    let ents = trim_detached_punctuation(text, tokens, ents);
    let ents = trim_titles(text, tokens, ents);
    let ents = hyphenated_names(text, tokens, ents);
    let ents = greater_places(text, tokens, segs, ents);
    let ents = institutions_of(text, tokens, segs, ents);
    let ents = institutions_for(text, tokens, segs, ents);
    let ents = legal_forms(text, tokens, segs, ents);
    let ents = employers(text, tokens, ents);
    let ents = publications(text, tokens, ents);
    let ents = hyphenated_compounds(text, tokens, ents);
    let ents = events_as_misc(text, tokens, segs, ents);
    let ents = dated_events(text, tokens, segs, ents);
    let ents = demonyms_as_misc(text, lists, ents);
    let ents = coordinated_names(text, tokens, segs, ents);
    let ents = harmonize(text, ents);
    let ents = quoted_works(text, tokens, segs, ents);
    countries_as_places(text, tokens, segs, lists, ents)
}

/// The number of tokens starting before byte `offset`: the index of the token at or after
/// it.
fn tokens_before(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.start < offset)
}

/// The hashed (normalized) last words of the document's multi-word person names: the
/// surnames a one-word mention may stand for ("Bond" after "Alan Bond").
fn person_surnames<'e>(text: &'e str, ents: &'e [Entity]) -> impl Iterator<Item = u64> + 'e {
    ents.iter()
        .filter(|e| e.label == Label::Per)
        .filter_map(|e| e.text(text).rsplit_once(' '))
        .map(|(_, last)| hash_str(&normalize(last)))
}

/// Whether token `k` exists and is a word with a capital first letter.
fn capitalised_word(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase))
}

/// Whether the tokens `a..=b` lie in one segment of `segs` (sorted token ranges).
fn same_segment(segs: &[(usize, usize)], a: usize, b: usize) -> bool {
    let k = segs.partition_point(|s| s.1 <= a);
    segs.get(k).is_some_and(|s| s.0 <= a && b < s.1)
}

/// Builders and readers of entities shared by the rules' tests.
#[cfg(test)]
mod test_support {
    use super::*;

    /// Entities over the first occurrence of each name, all `label` with confidence 0.8.
    pub(crate) fn ents_of(text: &str, names: &[&str], label: Label) -> Vec<Entity> {
        names.iter().map(|n| ent(text, n, 0, label, 0.8)).collect()
    }

    /// Each entity's text.
    pub(crate) fn texts<'t>(text: &'t str, ents: &[Entity]) -> Vec<&'t str> {
        ents.iter().map(|e| e.text(text)).collect()
    }

    /// A rule that reads the segments.
    pub(crate) type Rule = fn(&str, &[Token], &[(usize, usize)], Vec<Entity>) -> Vec<Entity>;

    /// The texts of the entities `rule` gives for `ents` of `text`, read as one segment.
    pub(crate) fn texts_after(text: &str, ents: Vec<Entity>, rule: Rule) -> Vec<&str> {
        let tokens = copydesk_tokenize::tokenize(text);
        texts(text, &rule(text, &tokens, &[(0, tokens.len())], ents))
    }

    /// Each entity's text, label and confidence.
    pub(crate) fn labelled<'t>(text: &'t str, ents: &[Entity]) -> Vec<(&'t str, Label, f32)> {
        ents.iter()
            .map(|e| (e.text(text), e.label, e.score))
            .collect()
    }

    pub(crate) fn ent(text: &str, name: &str, from: usize, label: Label, score: f32) -> Entity {
        let start = text[from..].find(name).unwrap() + from;
        Entity {
            start,
            end: start + name.len(),
            label,
            score,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_support::*;

    #[test]
    fn rules_do_not_cross_sentences() {
        // "Sen." ends a sentence: the legal form after it belongs to the next one.
        let text = "Sen.\nInc. was in the United\nStates.";
        let tokens = copydesk_tokenize::tokenize(text);
        let cut = tokens.iter().position(|t| t.text(text) == "Inc.").unwrap();
        let states = tokens
            .iter()
            .position(|t| t.text(text) == "States")
            .unwrap();
        let segs = [(0, cut), (cut, states), (states, tokens.len())];
        assert!(same_segment(&segs, 0, cut - 1) && !same_segment(&segs, cut - 1, cut));
        let ents = vec![ent(text, "Sen.", 0, Label::Per, 0.5)];
        let got = legal_forms(text, &tokens, &segs, ents.clone());
        assert_eq!(got, ents);
        let lists = NameLists::from_tsv("United States\tcountry\n");
        let got = countries_as_places(text, &tokens, &segs, &lists, Vec::new());
        assert!(got.is_empty(), "{got:?}");
    }
}
