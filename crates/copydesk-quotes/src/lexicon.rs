//! Word lists of the quote finder, embedded from `data/`: titles (with the gender they
//! imply), given names (gender), quotation cues, pronouns and the nouns that name a role.
//! The facade's alias grouper uses the titles and given names too.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// The grammatical gender a title, given name or pronoun implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Male (`Mr`, `he`, `John`).
    Male,
    /// Female (`Ms`, `she`, `Mary`).
    Female,
}

/// How a cue relates to its speaker (see `data/cues.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// `said`: speaker is the subject, or follows the cue (inversion).
    Speech,
    /// `told`: speaker is the subject; the name after the cue is the listener.
    Told,
    /// `called`: frames a quoted fragment; only before the quotation.
    Frame,
    /// `according to`: the speaker follows the cue.
    Source,
}

/// A cue: the words after the first one (for phrases) and its kind.
#[derive(Debug)]
pub(crate) struct Cue {
    pub rest: Vec<String>,
    pub kind: CueKind,
}

static TITLES_TSV: &str = include_str!("../data/titles.tsv");
static NAMES_TSV: &str = include_str!("../data/given_names.tsv");
static CUES_TSV: &str = include_str!("../data/cues.tsv");

/// Non-comment, non-empty lines split at the first tab.
fn rows(tsv: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    tsv.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim(), b.trim()))
}

fn gender_code(code: &str) -> Option<Gender> {
    match code {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

static TITLES: LazyLock<HashMap<String, Option<Gender>>> = LazyLock::new(|| {
    rows(TITLES_TSV)
        .map(|(w, g)| (w.to_lowercase(), gender_code(g)))
        .collect()
});

static GIVEN_NAMES: LazyLock<HashMap<String, Gender>> = LazyLock::new(|| {
    rows(NAMES_TSV)
        .filter_map(|(w, g)| Some((w.to_lowercase(), gender_code(g)?)))
        .collect()
});

static CUES: LazyLock<HashMap<String, Vec<Cue>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<Cue>> = HashMap::new();
    for (phrase, kind) in rows(CUES_TSV) {
        let kind = match kind {
            "speech" => CueKind::Speech,
            "told" => CueKind::Told,
            "frame" => CueKind::Frame,
            "source" => CueKind::Source,
            _ => continue,
        };
        let mut words = phrase.split_whitespace().map(str::to_lowercase);
        let Some(first) = words.next() else { continue };
        let cue = Cue {
            rest: words.collect(),
            kind,
        };
        let entry = map.entry(first).or_default();
        entry.push(cue);
        // Longer phrases first, so "pointed out" wins over a bare "pointed".
        entry.sort_by_key(|c| std::cmp::Reverse(c.rest.len()));
    }
    map
});

/// Lowercases `word` into `buf` (reused between calls) and returns it.
pub fn lower<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    buf.as_str()
}

/// Whether `word` is a title, and the gender it implies (`Some(None)`: a title without one).
pub fn title(word: &str) -> Option<Option<Gender>> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.is_empty() || w.len() > 24 {
        return None;
    }
    let mut buf = String::new();
    TITLES.get(lower(w, &mut buf)).copied()
}

/// The gender a given name usually implies, if it is in the list.
pub fn given_name_gender(word: &str) -> Option<Gender> {
    if word.len() > 24 {
        return None;
    }
    let mut buf = String::new();
    GIVEN_NAMES.get(lower(word, &mut buf)).copied()
}

/// The cues starting with `word` (lowercase), longest phrase first.
pub(crate) fn cues(word_lower: &str) -> &'static [Cue] {
    CUES.get(word_lower).map_or(&[], Vec::as_slice)
}

/// The gender and number of a pronoun that can be a speaker.
pub(crate) enum Pronoun {
    /// `he` / `she`.
    Singular(Gender),
    /// `it`: an organisation ("…," it said).
    It,
    /// `they`, `we`, `I`: not resolved to a person.
    Other,
}

/// Classifies a subject pronoun.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "He" | "HE" => Some(Pronoun::Singular(Gender::Male)),
        "she" | "She" | "SHE" => Some(Pronoun::Singular(Gender::Female)),
        "it" | "It" => Some(Pronoun::It),
        "they" | "They" | "we" | "We" | "I" => Some(Pronoun::Other),
        _ => None,
    }
}

/// Nouns that, after `the`, describe a person the text has named (`said the 23-year-old`,
/// `said the Chelsea star`): such a speaker is the person the paragraph is about.
const PERSON_ROLES: &[&str] = &[
    "striker",
    "star",
    "midfielder",
    "defender",
    "forward",
    "winger",
    "goalkeeper",
    "keeper",
    "player",
    "youngster",
    "veteran",
    "champion",
    "actor",
    "actress",
    "singer",
    "seed",
    "winner",
];

/// Nouns that, after `the`, stand for an organisation the text has named (`the company
/// said`).
const ORG_ROLES: &[&str] = &[
    "company",
    "firm",
    "group",
    "bank",
    "organisation",
    "organization",
    "club",
    "paper",
    "newspaper",
    "agency",
    "ministry",
    "union",
    "corporation",
    "carrier",
    "airline",
    "retailer",
    "broadcaster",
    "exchange",
    "commission",
    "statement",
    "report",
    "board",
];

/// What a definite description after `the` refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A person (`the striker`, `the 23-year-old`).
    Person,
    /// An organisation (`the company`).
    Org,
}

/// The referent kind of a role noun (lowercase or not), if it is one.
pub(crate) fn role(word: &str) -> Option<Role> {
    if word.len() > 24 {
        return None;
    }
    let mut buf = String::new();
    let w = lower(word, &mut buf);
    if w.ends_with("-year-old") {
        return Some(Role::Person);
    }
    if PERSON_ROLES.contains(&w) {
        Some(Role::Person)
    } else if ORG_ROLES.contains(&w) {
        Some(Role::Org)
    } else {
        None
    }
}

/// Lowercase words of a speaker's office or role (`Lib Dem home affairs spokesman`): not
/// verbs, so they may stand before a sentence's subject.
pub(crate) fn office_word(word: &str) -> bool {
    matches!(
        word,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "affairs"
            | "home"
            | "boss"
            | "coach"
            | "manager"
            | "analyst"
            | "economist"
            | "chairman"
            | "chief"
            | "executive"
            | "director"
            | "secretary"
            | "general"
            | "leader"
            | "head"
            | "captain"
            | "striker"
            | "star"
            | "actor"
            | "actress"
            | "singer"
            | "writer"
            | "producer"
            | "president"
            | "founder"
            | "editor"
            | "lawyer"
            | "shadow"
            | "legend"
            | "player"
            | "midfielder"
            | "veteran"
            | "comic"
            | "skipper"
            | "winger"
            | "defender"
            | "forward"
            | "keeper"
            | "goalkeeper"
    )
}

/// Whether a name has the shape of a nationality or group adjective (`Russian`,
/// `Chinese`, `British`, `Iraqi`, `Democratic`, `French`): such a name never speaks.
pub(crate) fn demonym(name: &str) -> bool {
    let Some(last) = name.split_whitespace().next_back() else {
        return false;
    };
    let mut buf = String::new();
    let w = lower(last, &mut buf);
    ["an", "ese", "ish", "i", "ic", "ch"]
        .iter()
        .any(|s| w.ends_with(s))
}

/// Prepositions: a name right after one is not the subject of its sentence.
pub(crate) fn preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "In"
            | "of"
            | "for"
            | "to"
            | "from"
            | "with"
            | "by"
            | "at"
            | "on"
            | "against"
            | "over"
            | "under"
            | "after"
            | "before"
            | "about"
            | "than"
            | "like"
            | "At"
            | "On"
            | "For"
            | "With"
            | "By"
            | "From"
            | "After"
            | "Before"
            | "Under"
            | "Against"
    )
}

/// Determiners that open a speaker phrase (`the spokesman`, `a source`).
pub(crate) fn determiner(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "a" | "an" | "the" | "one" | "his" | "her" | "their" | "its" | "another"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse() {
        assert_eq!(title("Mr."), Some(Some(Gender::Male)));
        assert_eq!(title("Ms"), Some(Some(Gender::Female)));
        assert_eq!(title("Sen."), Some(None));
        assert_eq!(title("Tillerson"), None);
        assert_eq!(given_name_gender("Hillary"), Some(Gender::Female));
        assert_eq!(given_name_gender("Bill"), Some(Gender::Male));
        assert!(cues("said").iter().any(|c| c.kind == CueKind::Speech));
        assert!(cues("according")
            .iter()
            .any(|c| c.kind == CueKind::Source && c.rest == ["to"]));
    }
}
