//! Word clusters (hierarchical bit paths) learned from unlabelled news text.

use crate::hash::HashMap64;

/// Word (hash) → cluster bit path (`bits` read from the least significant bit, `len` bits long).
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// Word hash (see `hash_str`) → (path bits, path length).
    pub(crate) map: HashMap64<(u32, u8)>,
}

#[cfg_attr(not(feature = "train"), allow(dead_code))]
impl Clusters {
    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The cluster path of a word given its `hash_str` hash.
    pub(crate) fn path_hashed(&self, h: u64) -> Option<(u32, u8)> {
        self.map.get(&h).copied()
    }
}
