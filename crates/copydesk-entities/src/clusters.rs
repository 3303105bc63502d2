//! Lexical resources embedded in the model: word clusters (hierarchical bit paths) and word
//! casing statistics learned from unlabelled news text, the training-data gazetteer and the
//! name lists from open sources.

use crate::gazetteer::Gazetteer;
use crate::hash::HashMap64;
use crate::lists::NameLists;

/// Word (hash) → cluster bit path (`bits` read from the least significant bit, `len` bits
/// long), normalized word (hash) → casing bucket, and the gazetteer of names.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// Word hash (see `hash_str`) → (path bits, path length).
    pub map: HashMap64<(u32, u8)>,
    /// Word hash → a second clustering's bit path (exchange clusters; empty if none).
    pub alt: HashMap64<(u32, u8)>,
    /// Normalized word hash → casing code (see [`casing_code`]); absent = unseen.
    pub casing: HashMap64<u8>,
    /// Entity names from the labelled training data.
    pub gazetteer: Gazetteer,
    /// Name lists from open sources (`data/gazetteer.tsv`).
    pub lists: NameLists,
}

/// Casing code of a word seen `cap` times capitalised and `low` times lower-case in
/// mid-sentence positions: 1 + 3 × ratio bucket + frequency bucket (0 is reserved for
/// unseen words).
pub fn casing_code(cap: u32, low: u32) -> u8 {
    let n = cap + low;
    let r = f64::from(cap) / f64::from(n.max(1));
    let rb = match r {
        r if r < 0.02 => 0,
        r if r < 0.2 => 1,
        r if r < 0.5 => 2,
        r if r < 0.8 => 3,
        r if r < 0.98 => 4,
        _ => 5,
    };
    let fb = match n {
        0..5 => 0,
        5..50 => 1,
        _ => 2,
    };
    1 + rb * 3 + fb
}

impl Clusters {
    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Number of words with casing statistics.
    pub fn casing_len(&self) -> usize {
        self.casing.len()
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Replaces the gazetteer.
    pub fn set_gazetteer(&mut self, g: Gazetteer) {
        self.gazetteer = g;
    }

    /// The name lists.
    pub fn lists(&self) -> &NameLists {
        &self.lists
    }

    /// Replaces the name lists.
    pub fn set_lists(&mut self, lists: NameLists) {
        self.lists = lists;
    }

    /// The cluster path of a word given its `hash_str` hash.
    pub(crate) fn path_hashed(&self, h: u64) -> Option<(u32, u8)> {
        self.map.get(&h).copied()
    }

    /// The second-clustering path of a word given its `hash_str` hash.
    pub(crate) fn alt_hashed(&self, h: u64) -> Option<(u32, u8)> {
        self.alt.get(&h).copied()
    }

    /// The casing code of a normalized word hash (0 = unseen).
    pub(crate) fn casing_of(&self, lw: u64) -> u8 {
        self.casing.get(&lw).copied().unwrap_or(0)
    }
}
