//! The word lists the splitter consults: titles, abbreviations, numeric abbreviations
//! and sentence starters. The defaults are the tokenizer's lists (one list per kind for
//! both components, `copydesk-tokenize/data/*.txt`, with `[splitter]`/`[tokenizer]` marking
//! the words only one of them uses), parsed once.

use std::collections::HashSet as StdHashSet;
use std::sync::{Arc, LazyLock};

use copydesk_tokenize::hash::FnvBuildHasher;

/// A set of words hashed with FNV-1a (`copydesk_tokenize::hash`): the keys are short
/// words, for which it is much faster than SipHash.
pub(crate) type HashSet<T> = StdHashSet<T, FnvBuildHasher>;

/// Longest word (in bytes) looked up in the lists; longer words are never abbreviations.
pub(crate) const MAX_KEY: usize = 32;

/// The lists, shared between clones of a splitter until one of them is extended.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    /// Lower-case titles ("mr", "gen"); a capitalized one before a period never ends a sentence.
    pub titles: HashSet<Box<str>>,
    /// Lower-case abbreviations ("inc", "etc").
    pub abbreviations: HashSet<Box<str>>,
    /// Lower-case abbreviations that precede numbers ("no", "p", "vol").
    pub numeric: HashSet<Box<str>>,
    /// Case-sensitive words that typically start a sentence ("The", "He").
    pub starters: HashSet<Box<str>>,
}

/// The splitter's entries of one of the tokenizer's lists (`copydesk_tokenize::entries_for`),
/// lower-cased: those before a number (marked ` #`) when `numeric`, else the others.
fn parse(list: &str, numeric: bool) -> HashSet<Box<str>> {
    copydesk_tokenize::entries_for(list, "splitter")
        .filter_map(|e| match e.strip_suffix(" #") {
            Some(word) => numeric.then_some(word),
            None => (!numeric).then_some(e),
        })
        .map(|e| Box::from(e.to_lowercase()))
        .collect()
}

static DEFAULT: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    let (titles, abbreviations) = (
        copydesk_tokenize::DEFAULT_TITLES,
        copydesk_tokenize::DEFAULT_ABBREVIATIONS,
    );
    Arc::new(Lexicon {
        titles: parse(titles, false),
        abbreviations: parse(abbreviations, false),
        numeric: parse(titles, true)
            .into_iter()
            .chain(parse(abbreviations, true))
            .collect(),
        starters: copydesk_tokenize::starters_for(copydesk_tokenize::DEFAULT_STARTERS, "splitter")
            .map(Box::from)
            .collect(),
    })
});

/// The default English-news lexicon (shared, parsed once).
pub(crate) fn default_lexicon() -> Arc<Lexicon> {
    Arc::clone(&DEFAULT)
}

/// Normalizes a user-supplied entry: trimmed, without final period(s), lower-case.
pub(crate) fn entry_key(s: &str) -> Option<Box<str>> {
    let s = s.trim().trim_end_matches('.');
    if s.is_empty() || s.len() > MAX_KEY {
        return None;
    }
    Some(s.to_lowercase().into_boxed_str())
}

/// Lower-cases `word` into `buf` for a set lookup, without allocating. `None` when the
/// word is too long to be in any list.
pub(crate) fn lower_key<'b>(word: &str, buf: &'b mut [u8; MAX_KEY * 2]) -> Option<&'b str> {
    if word.len() > MAX_KEY {
        return None;
    }
    if word.is_ascii() {
        let n = word.len();
        buf[..n].copy_from_slice(word.as_bytes());
        buf[..n].make_ascii_lowercase();
        return std::str::from_utf8(&buf[..n]).ok();
    }
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse() {
        let l = default_lexicon();
        assert!(l.titles.contains("mr"));
        assert!(l.abbreviations.contains("inc"));
        assert!(l.numeric.contains("no"));
        assert!(l.starters.contains("The"));
        assert!(!l.abbreviations.iter().any(|a| a.starts_with('#')));
    }

    #[test]
    fn keys() {
        let mut buf = [0u8; MAX_KEY * 2];
        assert_eq!(lower_key("Gov", &mut buf), Some("gov"));
        assert_eq!(lower_key("N°", &mut buf), Some("n°"));
        assert_eq!(entry_key(" Gov. ").as_deref(), Some("gov"));
        assert_eq!(entry_key("..."), None);
    }
}
