//! Word lists shared by the alias grouper and the quote finder, embedded from `data/`:
//! titles (with the gender they imply), given names (gender), quotation cues.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// The grammatical gender a title, given name or pronoun implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) enum Gender {
    Male,
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
pub(crate) fn lower<'b>(word: &str, buf: &'b mut String) -> &'b str {
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
pub(crate) fn title(word: &str) -> Option<Option<Gender>> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.is_empty() || w.len() > 24 {
        return None;
    }
    let mut buf = String::new();
    TITLES.get(lower(w, &mut buf)).copied()
}

/// The gender a given name usually implies, if it is in the list.
pub(crate) fn given_name_gender(word: &str) -> Option<Gender> {
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

/// The lookup key of a name: normalized (case folded, quotes unified), periods dropped,
/// whitespace collapsed.
pub(crate) fn name_key(name: &str) -> String {
    let norm = copydesk_tokenize::normalize(name);
    let mut out = String::with_capacity(norm.len());
    for word in norm.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|&c| c != '.'));
    }
    out
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
        assert_eq!(name_key("U.S."), name_key("US"));
        assert_eq!(name_key("  United   States "), "united states");
    }
}
