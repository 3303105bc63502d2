//! Abbreviations that keep their final period, as data (`data/*.txt`, embedded).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::hash::FnvBuildHasher;

/// The default general abbreviations (`Inc`, `etc`, `Calif`, ...), one per line without
/// the final period; `#` starts a comment line. See [`AbbreviationKind::General`]. One
/// list for the tokenizer and the sentence splitter: a word followed by `[tokenizer]` or
/// `[splitter]` is used by that component only (see [`entries_for`]).
pub const DEFAULT_ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");

/// Words that typically begin a sentence (`The`, `He`, `However`), case-sensitive, one per
/// line: after an abbreviation's period, one of them means the period also ends the
/// sentence. One list for the tokenizer and the sentence splitter; a word followed by
/// `[splitter]` or `[tokenizer]` is used by that component only (see [`starters_for`]).
pub const DEFAULT_STARTERS: &str = include_str!("../data/starters.txt");

/// The default title-like abbreviations (`Mr`, `Dr`, `No`, ...), same format, shared with
/// the sentence splitter in the same way; a trailing ` #` marks an abbreviation only before
/// a number (the splitter's numeric list). See [`AbbreviationKind::Title`].
pub const DEFAULT_TITLES: &str = include_str!("../data/titles.txt");

/// How an abbreviation's period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AbbreviationKind {
    /// May end a sentence (`etc.`, `Inc.`): followed by the end of the text, a line break
    /// or a capitalized sentence starter, the period becomes its own token (EWT: `etc` `.`).
    General,
    /// Precedes a name (`Mr.`, `Dr.`, `Gen.`): the period always stays.
    Title,
    /// An abbreviation only before a number (`No. 5`, `Nos. 3`); elsewhere the word is an
    /// ordinary word (`I said No.`). Marked with a trailing ` #` in the data files.
    BeforeNumber,
}

/// A set of abbreviations (written without their final period) with their kind.
///
/// Each entry matches as written, capitalized (`etc` → `Etc`), and in upper case
/// (`Inc` → `INC`). Titles win over general entries of the same spelling.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Abbreviations {
    map: HashMap<Box<str>, AbbreviationKind, FnvBuildHasher>,
}

impl Abbreviations {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The built-in English set ([`DEFAULT_ABBREVIATIONS`] and [`DEFAULT_TITLES`]).
    pub fn english() -> &'static Abbreviations {
        &ENGLISH
    }

    /// Adds one abbreviation (without its final period; a trailing `.` is ignored).
    /// Empty entries are ignored.
    pub fn insert(&mut self, word: &str, kind: AbbreviationKind) {
        let word = word.trim().trim_end_matches('.');
        if word.is_empty() {
            return;
        }
        let mut variants = vec![word.to_owned(), word.to_uppercase()];
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            variants.push(first.to_uppercase().chain(chars).collect());
        }
        for v in variants {
            let slot = self
                .map
                .entry(v.into_boxed_str())
                .or_insert(AbbreviationKind::General);
            if kind != AbbreviationKind::General {
                *slot = kind;
            }
        }
    }

    /// Adds every non-comment line of a list in the `data/*.txt` format; a line ending in
    /// ` #` is added as [`AbbreviationKind::BeforeNumber`]; a line marked `[splitter]` (used
    /// by the sentence splitter only, see [`entries_for`]) is left out.
    pub fn extend_from_list(&mut self, list: &str, kind: AbbreviationKind) {
        for line in entries_for(list, "tokenizer") {
            match line.strip_suffix(" #") {
                Some(word) => self.insert(word, AbbreviationKind::BeforeNumber),
                None => self.insert(line, kind),
            }
        }
    }

    /// The kind of `word` (given without its final period), if it is an abbreviation.
    pub fn get(&self, word: &str) -> Option<AbbreviationKind> {
        self.map.get(word).copied()
    }

    /// Number of stored spellings (variants included).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

static ENGLISH: LazyLock<Abbreviations> = LazyLock::new(|| {
    let mut a = Abbreviations::new();
    a.extend_from_list(DEFAULT_ABBREVIATIONS, AbbreviationKind::General);
    a.extend_from_list(DEFAULT_TITLES, AbbreviationKind::Title);
    a
});

/// Capitalized words that typically start a sentence: after an abbreviation's period
/// they signal that the period also ends the sentence. Case-sensitive.
pub fn is_sentence_starter(word: &str) -> bool {
    STARTERS.contains(word)
}

static STARTERS: LazyLock<HashSet<&'static str, FnvBuildHasher>> =
    LazyLock::new(|| starters_for(DEFAULT_STARTERS, "tokenizer").collect());

/// The words of a starter list in the [`DEFAULT_STARTERS`] format that `component`
/// (`"tokenizer"` or `"splitter"`) uses: unmarked words and those marked `[component]`.
pub fn starters_for<'a>(list: &'a str, component: &'a str) -> impl Iterator<Item = &'a str> {
    entries_for(list, component)
}

/// The entries of a list in the `data/*.txt` format that `component` (`"tokenizer"` or
/// `"splitter"`) uses: unmarked lines, and lines ending in ` [component]` (without the
/// mark). A line marked for another component is left out. One list serves both
/// components; the marks keep the words on which they still disagree.
pub fn entries_for<'a>(list: &'a str, component: &'a str) -> impl Iterator<Item = &'a str> {
    list_entries(list).filter_map(move |line| {
        let Some(body) = line.strip_suffix(']') else {
            return Some(line);
        };
        match body.rsplit_once(" [") {
            Some((entry, tag)) => (tag == component).then_some(entry.trim_end()),
            None => Some(line),
        }
    })
}

/// The non-empty, non-comment lines (`#` starts a comment line) of a list in the
/// `data/*.txt` format, trimmed.
pub fn list_entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_set_variants() {
        let a = Abbreviations::english();
        assert_eq!(a.get("Mr"), Some(AbbreviationKind::Title));
        assert_eq!(a.get("MR"), Some(AbbreviationKind::Title));
        assert_eq!(a.get("etc"), Some(AbbreviationKind::General));
        assert_eq!(a.get("Etc"), Some(AbbreviationKind::General));
        assert_eq!(a.get("ETC"), Some(AbbreviationKind::General));
        assert_eq!(a.get("mr"), None);
        assert_eq!(a.get("No"), Some(AbbreviationKind::BeforeNumber));
        assert_eq!(a.get("the"), None);
        assert_eq!(a.get("# comment"), None);
    }

    #[test]
    fn insert_ignores_period_and_empty() {
        let mut a = Abbreviations::new();
        a.insert("Gov.", AbbreviationKind::Title);
        a.insert("  ", AbbreviationKind::General);
        assert_eq!(a.get("Gov"), Some(AbbreviationKind::Title));
        assert_eq!(a.len(), 2);
    }

    #[test]
    fn one_abbreviation_list_two_scopes() {
        let tok: Vec<_> = entries_for(DEFAULT_ABBREVIATIONS, "tokenizer").collect();
        let split: Vec<_> = entries_for(DEFAULT_ABBREVIATIONS, "splitter").collect();
        assert_eq!(tok.len(), 103);
        assert!(tok.contains(&"Inc") && split.contains(&"Inc"));
        assert!(tok.contains(&"Wash") && !split.contains(&"Wash"));
        assert!(!tok.contains(&"llc") && split.contains(&"llc"));
        let titles: Vec<_> = entries_for(DEFAULT_TITLES, "tokenizer").collect();
        let split: Vec<_> = entries_for(DEFAULT_TITLES, "splitter").collect();
        assert_eq!(titles.len(), 45);
        assert!(titles.contains(&"No #") && split.contains(&"No #"));
        assert!(!titles.contains(&"p #") && split.contains(&"p #"));
        assert_eq!(Abbreviations::english().get("llc"), None);
    }

    #[test]
    fn one_starter_list_two_scopes() {
        let tok: Vec<_> = starters_for(DEFAULT_STARTERS, "tokenizer").collect();
        let split: Vec<_> = starters_for(DEFAULT_STARTERS, "splitter").collect();
        assert_eq!((tok.len(), split.len()), (89, 130));
        assert!(is_sentence_starter("The") && split.contains(&"The"));
        assert!(!is_sentence_starter("Will") && split.contains(&"Will"));
        assert!(is_sentence_starter("About") && !split.contains(&"About"));
        assert!(!is_sentence_starter("the"));
    }
}
