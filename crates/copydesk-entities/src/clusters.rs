//! Word clusters (hierarchical bit paths) learned from unlabelled news text.

use std::collections::HashMap;

use crate::hash::hash_str;

/// Word (hash) → cluster bit path (`bits` read from the least significant bit, `len` bits long).
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// Word hash (see `hash_str`) → (path bits, path length).
    pub map: HashMap<u64, (u32, u8)>,
}

impl Clusters {
    /// The cluster path of a word form, if known.
    pub(crate) fn path(&self, word: &str) -> Option<(u32, u8)> {
        if self.map.is_empty() {
            return None;
        }
        self.map.get(&hash_str(word)).copied()
    }
}
