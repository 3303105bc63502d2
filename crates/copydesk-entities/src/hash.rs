//! Small, stable 64-bit hashing for feature keys (identical across platforms and runs).

use copydesk_tokenize::hash::{fnv1a, fnv1a_extend, FNV_OFFSET};

/// FNV-1a over bytes, then a final mix.
pub fn hash_str(s: &str) -> u64 {
    mix(fnv1a(s.as_bytes()))
}

/// The splitmix64 finaliser.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines a template id with one value hash.
#[inline]
pub(crate) fn feat1(template: u32, a: u64) -> u64 {
    nonzero(mix(
        a ^ (u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    ))
}

/// Combines a template id with two value hashes (order matters).
#[inline]
pub(crate) fn feat2(template: u32, a: u64, b: u64) -> u64 {
    feat1(template, mix(a).rotate_left(17) ^ b)
}

/// Keys are never 0 (0 marks an empty slot in the feature table).
#[inline]
fn nonzero(h: u64) -> u64 {
    if h == 0 {
        1
    } else {
        h
    }
}

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a_extend(self.0, bytes);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A `HashMap` keyed by pre-hashed `u64`s.
pub type HashMap64<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<IdentityHasher>>;

/// Streaming FNV-1a state, finalised like [`hash_str`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Self {
        Fnv(FNV_OFFSET)
    }
    #[inline]
    pub(crate) fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.0 = fnv1a_extend(self.0, c.encode_utf8(&mut buf).as_bytes());
    }
    pub(crate) fn finish(self) -> u64 {
        mix(self.0)
    }
}
