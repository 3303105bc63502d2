//! A gazetteer of entity names (normalized token sequences → label set), built from the
//! training data, matched greedily (longest match first, left to right) inside segments.
//!
//! Only hashes are stored: a sequence key is folded token by token from the normalized word
//! hashes, so every proper prefix of a stored name is marked as a prefix and the matcher can
//! stop as soon as no stored name continues.

use crate::hash::{mix, HashMap64};

/// Longest name (in tokens) stored or matched.
pub(crate) const MAX_LEN: usize = 8;

/// Flag: a longer stored name continues this sequence.
const PREFIX: u8 = 0x80;

/// Normalized token sequences → bit set of model label indices (bits 0–3), plus [`PREFIX`].
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub(crate) map: HashMap64<u8>,
}

/// Key of a one-token sequence.
#[inline]
pub(crate) fn first_key(lw: u64) -> u64 {
    mix(lw ^ 0x6761_7a65_7474_6565)
}

/// Key of a sequence extended by one token.
#[inline]
pub(crate) fn next_key(h: u64, lw: u64) -> u64 {
    mix(h.rotate_left(23) ^ lw)
}

impl Gazetteer {
    /// Number of stored keys (names and prefixes).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Adds a name (normalized word hashes) with model label index `label`.
    pub fn add(&mut self, lws: &[u64], label: usize) {
        if lws.is_empty() || lws.len() > MAX_LEN || label >= 4 {
            return;
        }
        let mut h = first_key(lws[0]);
        for &lw in &lws[1..] {
            *self.map.entry(h).or_default() |= PREFIX;
            h = next_key(h, lw);
        }
        *self.map.entry(h).or_default() |= 1 << label;
    }

    /// Per token, the greedy longest match covering it: `part << 4 | label bits` with part
    /// 0 = B, 1 = I, 2 = L, 3 = U; 0 where no name matches. `segs` bound the matches.
    pub(crate) fn matches(&self, lws: &[u64], segs: &[(usize, usize)]) -> Vec<u8> {
        let mut out = vec![0u8; lws.len()];
        if self.map.is_empty() {
            return out;
        }
        longest_matches(
            lws,
            segs,
            |h| self.map.get(&h).map(|&v| (v & PREFIX != 0, v & 0x0f)),
            |i, part, labels| out[i] = part << 4 | labels,
        );
        out
    }
}

/// Greedy longest-match scan (left to right) of hashed token sequences inside `segs`:
/// `get(key)` tells whether a longer stored name continues the sequence and the sequence's
/// own (non-zero if stored) value; `emit(token, part, value)` receives every token of every
/// match with its part (0 = B, 1 = I, 2 = L, 3 = U).
pub(crate) fn longest_matches<V: Copy + Default + PartialEq>(
    lws: &[u64],
    segs: &[(usize, usize)],
    get: impl Fn(u64) -> Option<(bool, V)>,
    mut emit: impl FnMut(usize, u8, V),
) {
    for &(a, b) in segs {
        let mut i = a;
        while i < b {
            let mut h = first_key(lws[i]);
            let mut best = (0usize, V::default());
            let mut j = i;
            while let Some((prefix, v)) = get(h) {
                if v != V::default() {
                    best = (j + 1 - i, v);
                }
                j += 1;
                if !prefix || j >= b || j - i >= MAX_LEN {
                    break;
                }
                h = next_key(h, lws[j]);
            }
            let (len, v) = best;
            if len == 0 {
                i += 1;
                continue;
            }
            if len == 1 {
                emit(i, 3, v);
            } else {
                emit(i, 0, v);
                for k in i + 1..i + len - 1 {
                    emit(k, 1, v);
                }
                emit(i + len - 1, 2, v);
            }
            i += len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let mut g = Gazetteer::default();
        g.add(&[1, 2], 2);
        g.add(&[1, 2, 3, 4], 1);
        g.add(&[5], 0);
        let m = g.matches(&[9, 1, 2, 3, 4, 1, 2, 3, 5], &[(0, 9)]);
        assert_eq!(m, [0, 0x02, 0x12, 0x12, 0x22, 0x04, 0x24, 0, 0x31]);
    }

    #[test]
    fn segments_bound_matches() {
        let mut g = Gazetteer::default();
        g.add(&[1, 2], 3);
        assert_eq!(g.matches(&[1, 2], &[(0, 1), (1, 2)]), [0, 0]);
    }
}
