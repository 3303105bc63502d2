//! The scorer's lookup table: one hash lookup per token gives its lexicon valence and its
//! rule roles (negator, booster, contrast, activity, self-reference) together.

use crate::hash::hash;
use crate::lexicon::{canonical_key, Lexicon};
use crate::rules;

/// Negates sentiment in its scope.
pub(crate) const NEGATOR: u16 = 1;
/// Contrastive conjunction (`but`).
pub(crate) const CONTRAST: u16 = 2;
/// Concessive conjunction (`although`).
pub(crate) const CONCESSIVE: u16 = 4;
/// Activity word (GDELT activity density).
pub(crate) const ACTIVE: u16 = 8;
/// First-person pronoun (GDELT self/group reference density).
pub(crate) const SELF_REF: u16 = 16;
/// Never fitted (function word).
pub(crate) const STOP: u16 = 32;
/// The key is a complete term (a lexicon entry or a rule word), not only a phrase prefix.
pub(crate) const TERM: u16 = 64;
/// A valence shifter (`reduce`, `prevent`, `end`): neutralises the sentiment words in its
/// scope ("decrease fatalities" is good news, "reduce support" bad).
pub(crate) const SHIFTER: u16 = 128;
/// Right after a negator, turns it into an additive focus ("not only", "not just"): no
/// negation.
pub(crate) const FOCUS: u16 = 256;
/// Negates like a negator when `to` follows ("failed to win", "refuses to help").
pub(crate) const FAIL_TO: u16 = 512;
/// The word `to`.
pub(crate) const TO: u16 = 1024;
/// A single punctuation mark with a valence (the question mark): scored, but not a word,
/// so it counts neither in the word count nor as a positive or negative word.
pub(crate) const NOT_WORD: u16 = 2048;
/// A word that joins the parts of a multiword name ("Friends *of* Harvey Mudd College",
/// "Department *of* Justice").
pub(crate) const NAME_LINK: u16 = 4096;
/// A word of low amount (`low`, `less`): negates the sentiment word right after it, or
/// after a [`LEVEL_LINK`] run ("low trust", "a low level of trust", "less pleased").
pub(crate) const LOW: u16 = 8192;
/// A word between a [`LOW`] word and what it measures (`level`, `of`).
pub(crate) const LEVEL_LINK: u16 = 16384;
/// A verb of benefit (`help`, `aid`, `boost`): with a named beneficiary ("help Donald Trump
/// win") it says which side gains, not whether that is good news.
pub(crate) const BENEFIT: u16 = 32768;

/// Marks a derived form in `Table::inflections` as `un` + base (not an inflection).
const UN_PREFIXED: u32 = 1 << 31;

/// One key's data.
#[derive(Clone, Copy, Debug, Default)]
pub struct Entry {
    /// Lexicon valence (0 if none).
    pub valence: f32,
    /// Degree (booster > 0, dampener < 0) in units of [`rules::BOOST`].
    pub degree: f32,
    /// Role flags.
    pub flags: u16,
    /// Longest phrase (in tokens) starting with this key; 0 or 1 if none.
    pub max_phrase: u8,
    /// True if the valence came from the lexicon (the word is a lexicon term).
    pub in_lexicon: bool,
}

/// One index slot: the key's first 8 bytes, its length (0: empty) and its entry.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    head: u64,
    index: u32,
    len: u32,
}

/// The first (up to) 8 bytes of `key` as a little-endian word, and the key's hash.
#[inline]
fn head_and_hash(key: &str) -> (u64, u64) {
    let b = key.as_bytes();
    let n = b.len();
    let word = |s: &[u8]| s.iter().rev().fold(0u64, |w, &c| w << 8 | u64::from(c));
    let head = if n >= 8 {
        word(&b[..8])
    } else if n >= 4 {
        // Two overlapping 4-byte reads cover bytes 0..n.
        word(&b[..4]) | word(&b[n - 4..]) << ((n - 4) * 8)
    } else {
        word(b)
    };
    let h = if b.len() <= 8 {
        crate::hash::mix(head ^ (b.len() as u64) << 59)
    } else {
        hash(key)
    };
    (head, h)
}

/// The two bit positions of hash `h` in a 64 Ki-bit Bloom filter (1,024 words).
#[inline]
fn bloom_bits(h: u64) -> (usize, usize) {
    (((h >> 16) & 0xffff) as usize, ((h >> 48) & 0xffff) as usize)
}

/// Adds hash `h` to a Bloom filter of 1,024 words.
fn bloom_insert(bits: &mut [u64], h: u64) {
    let (a, b) = bloom_bits(h);
    bits[a >> 6] |= 1 << (a & 63);
    bits[b >> 6] |= 1 << (b & 63);
}

/// False if hash `h` was never added to the Bloom filter `bits` (1,024 words).
#[inline]
fn bloom_contains(bits: &[u64], h: u64) -> bool {
    let (a, b) = bloom_bits(h);
    (bits[a >> 6] >> (a & 63)) & (bits[b >> 6] >> (b & 63)) & 1 == 1
}

/// The word (of 8 Ki) and the two bits of hash `h` in the blocked Bloom filter of the
/// derived forms.
#[inline]
fn inflection_bits(h: u64) -> (usize, u64) {
    (
        (h & 0x1fff) as usize,
        1 << ((h >> 20) & 63) | 1 << ((h >> 40) & 63),
    )
}

/// The Bloom hash of a phrase's first-word entry and its second word's key hash.
#[inline]
fn pair_hash(first: u32, second: u64) -> u64 {
    crate::hash::mix(second ^ (u64::from(first) << 32 | 0x9e37_79b9))
}

/// Key → entry index, plus the entries.
///
/// The index is a compact open-addressing table whose 16-byte slots hold the first 8 bytes
/// of their key, so that lookups stay in cache: a word outside the table is usually
/// rejected by a Bloom filter, and a hit on a key of up to 8 bytes (most words) is settled
/// by its slot; longer keys are checked in one contiguous arena.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Open-addressing slots (linear probing); length a power of two.
    slots: Vec<Slot>,
    /// A 2-hash Bloom filter over the keys (64 Ki bits, stays in L1): most words outside
    /// the table are rejected without touching `slots`.
    bloom: Vec<u64>,
    /// All keys, concatenated.
    arena: String,
    /// Each entry's key span in the arena.
    spans: Vec<(u32, u32)>,
    /// The entries, by index.
    pub entries: Vec<Entry>,
    /// Entries of "so", "this", "that" (after "never" they intensify: "never so good").
    so_this: [u32; 3],
    /// Entry of "the" (between a verb of benefit and its named beneficiary: "boost the
    /// Kremlin").
    pub the: u32,
    /// A 2-hash Bloom filter over the (first-word entry, second-word hash) pairs of the
    /// phrases: most words that start some phrase are not followed by a second word of
    /// one, and are rejected here without building a phrase key.
    pairs: Vec<u64>,
    /// Regular inflections and `un`-forms of the lexicon's words that the table lacks
    /// ("tyrannies", "loveliest", "unappetizing"), by [`key_hash`](Self::key_hash): the
    /// entry of their base form (with [`UN_PREFIXED`] for an `un`-form).
    inflections: crate::hash::FxHashMap<u64, u32>,
    /// A blocked 2-hash Bloom filter over the keys of `inflections` (8 Ki words of 64 bits,
    /// both bits of a key in one word): most words are rejected with one memory access.
    inflection_bloom: Vec<u64>,
    /// Entry of "never".
    never: u32,
    /// Entries of "none", "nothing", "nobody" (before a comparative they intensify too:
    /// "none more beautiful", "nothing better").
    nothing: [u32; 3],
    /// Entries of "so", "more", "better", "greater", "worse" (after "never", "none",
    /// "nothing" or "nobody" they make a superlative: "never better", "never been worse",
    /// "nothing so stimulating").
    comparative: [u32; 5],
}

impl Table {
    /// Builds the table for `lexicon` plus the fixed rule vocabulary.
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut t = Table::default();
        t.grow(((lexicon.len() + 2048) * 3 / 2).next_power_of_two());
        for w in rules::NEGATORS {
            t.add_role(w, NEGATOR);
        }
        for w in rules::SHIFTERS {
            t.add_role(w, SHIFTER);
        }
        for w in rules::CONTRASTIVE {
            t.add_role(w, CONTRAST);
        }
        for w in rules::CONCESSIVE {
            t.add_role(w, CONCESSIVE);
        }
        for w in rules::FOCUS_WORDS {
            t.add_role(w, FOCUS);
        }
        for w in rules::FAIL_TO_WORDS {
            t.add_role(w, FAIL_TO);
        }
        t.add_role("to", TO);
        for w in rules::LOW_WORDS {
            t.add_role(w, LOW);
        }
        for w in rules::LEVEL_LINKS {
            t.add_role(w, LEVEL_LINK);
        }
        for w in rules::NAME_LINKS {
            t.add_role(w, NAME_LINK);
        }
        for w in rules::BENEFIT_VERBS {
            t.add_role(w, BENEFIT);
        }

        for w in rules::SELF_PRONOUNS {
            t.add_role(w, SELF_REF);
        }
        for w in rules::STOPWORDS {
            t.add_role(w, STOP);
        }
        for line in rules::ACTIVITY.lines() {
            let w = line.trim();
            if w.is_empty() || w.starts_with('#') {
                continue;
            }
            for form in rules::inflections(w) {
                t.add_role(&form, ACTIVE);
            }
        }
        for (w, d) in rules::DEGREE {
            let key = canonical_key(w);
            let i = t.intern(&key);
            t.entries[i].degree = *d;
            t.entries[i].flags |= TERM;
        }
        for (key, v) in lexicon.iter() {
            let i = t.intern(key);
            let e = &mut t.entries[i];
            e.valence = v;
            e.in_lexicon = true;
            e.flags |= TERM;
            if rules::is_boundary(key.as_bytes()) {
                e.flags |= NOT_WORD;
            }
        }
        for (n, w) in ["so", "this", "that"].iter().enumerate() {
            t.so_this[n] = t.intern(w) as u32;
        }
        t.the = t.intern("the") as u32;
        t.add_inflections();
        t.never = t.intern("never") as u32;
        for (n, w) in ["none", "nothing", "nobody"].iter().enumerate() {
            t.nothing[n] = t.intern(w) as u32;
        }
        for (n, w) in ["so", "more", "better", "greater", "worse"]
            .iter()
            .enumerate()
        {
            t.comparative[n] = t.intern(w) as u32;
        }
        t
    }

    /// Fills `inflections`: the regular inflections ([`rules::inflections`], plus -ly/-ily,
    /// -er/-ier and -est/-iest) and the `un`-prefixed form of every single-word lexicon entry of 4+ lower-case ASCII letters
    /// with a valence, that the table lacks or holds only as activity words ("attacked"),
    /// and that are not lexicalised ("likely").
    /// A form two bases share goes to the alphabetically first.
    fn add_inflections(&mut self) {
        let mut map: crate::hash::FxHashMap<u64, u32> = Default::default();
        let mut form = String::new();
        for i in 0..self.entries.len() {
            let e = self.entries[i];
            let key = self.key(i);
            if !e.in_lexicon
                || e.valence == 0.0
                || key.len() < 4
                || !key.bytes().all(|b| b.is_ascii_lowercase())
            {
                continue;
            }
            // Adverbs and degrees besides the verb and noun forms: -ly/-ily, -er/-ier,
            // -est/-iest ("richer", "freshest").
            let (stem, endings): (&str, &[&str]) = match key.strip_suffix('y') {
                Some(stem) => (stem, &["ily", "ier", "iest"]),
                None if key.ends_with('e') => (key, &["ly", "r", "st"]),
                None => (key, &["ly", "er", "est"]),
            };
            let inflected = rules::inflections(key);
            let forms = inflected[1..]
                .iter()
                .map(|f| (f.as_str(), "", false))
                .chain(endings.iter().map(|end| (stem, *end, false)))
                .chain((!key.starts_with("un")).then_some(("un", key, true)));
            for (a, b, un) in forms {
                form.clear();
                form.push_str(a);
                form.push_str(b);
                if form.len() < 5
                    || self.get(&form).is_some_and(|f| !self.may_derive(f))
                    || rules::LEXICALISED.contains(&form.as_str())
                {
                    continue;
                }
                let value = i as u32 | if un { UN_PREFIXED } else { 0 };
                let base = |v: u32| self.key((v & !UN_PREFIXED) as usize);
                // A form two bases share goes to the alphabetically first.
                map.entry(Self::key_hash(&form))
                    .and_modify(|v| {
                        if base(value) < base(*v) {
                            *v = value;
                        }
                    })
                    .or_insert(value);
            }
        }
        self.inflection_bloom = vec![0u64; 8192];
        for &h in map.keys() {
            let (word, bits) = inflection_bits(h);
            self.inflection_bloom[word] |= bits;
        }
        self.inflections = map;
    }

    /// Whether the token of table entry `entry` may still be scored as a derived form: it
    /// has no valence of its own and no rule role but activity ("attacked").
    #[inline]
    pub fn may_derive(&self, entry: u32) -> bool {
        let e = &self.entries[entry as usize];
        !e.in_lexicon && e.degree == 0.0 && e.flags & !(ACTIVE | TERM) == 0
    }

    /// The base form's entry of the derived form whose key has hash `h` (see
    /// [`key_hash`](Self::key_hash)), if the lexicon rates that base and lacks the form,
    /// and the factor on the base's valence: [`rules::INFLECTED`] for an inflection,
    /// [`rules::UN_PREFIX`] for `un` + base. The form may still be a table entry with rule
    /// roles of its own (`attacked`).
    #[inline]
    pub fn inflection(&self, h: u64) -> Option<(u32, f32)> {
        let (word, bits) = inflection_bits(h);
        if self
            .inflection_bloom
            .get(word)
            .is_none_or(|w| w & bits != bits)
        {
            return None;
        }
        let v = *self.inflections.get(&h)?;
        Some(if v & UN_PREFIXED != 0 {
            (v & !UN_PREFIXED, rules::UN_PREFIX)
        } else {
            (v, rules::INFLECTED)
        })
    }

    fn add_role(&mut self, word: &str, flag: u16) {
        let key = canonical_key(word);
        let i = self.intern(&key);
        self.entries[i].flags |= flag | TERM;
    }

    /// The index of `key` (already canonical), creating an empty entry (and registering it
    /// as a phrase) if needed.
    pub fn intern(&mut self, key: &str) -> usize {
        if let Some(i) = self.get(key) {
            return i as usize;
        }
        let i = self.entries.len();
        self.entries.push(Entry::default());
        let start = self.arena.len();
        self.arena.push_str(key);
        self.spans.push((start as u32, key.len() as u32));
        if self.entries.len() * 3 > self.slots.len() * 2 {
            self.grow(self.slots.len().max(1024) * 2);
        } else {
            self.place(i);
        }
        let n = key.split(' ').count();
        if n > 1 {
            let mut words = key.split(' ');
            let first = words.next().unwrap_or(key).to_owned();
            let second = words.next().unwrap_or("").to_owned();
            let f = self.intern(&first);
            if self.pairs.is_empty() {
                self.pairs = vec![0; 1 << 10];
            }
            bloom_insert(
                &mut self.pairs,
                pair_hash(f as u32, Self::key_hash(&second)),
            );
            let len = u8::try_from(n).unwrap_or(u8::MAX);
            let e = &mut self.entries[f];
            e.max_phrase = e.max_phrase.max(len);
        }
        i
    }

    /// The hash a canonical key has in the table.
    #[inline]
    pub fn key_hash(key: &str) -> u64 {
        head_and_hash(key).1
    }

    /// The hash of a canonical key of 1 to 8 bytes given as its little-endian, zero-padded
    /// `head` word (as [`get_short_hashed`](Self::get_short_hashed) takes it); equals
    /// [`key_hash`](Self::key_hash) of that key.
    #[inline]
    pub fn short_hash(head: u64, len: usize) -> u64 {
        crate::hash::mix(head ^ (len as u64) << 59)
    }

    /// False if no phrase starts with the key of `entry` followed by a word whose key has
    /// hash `second` (see [`key_hash`](Self::key_hash)); true if one may.
    #[inline]
    pub fn may_continue_phrase(&self, entry: u32, second: u64) -> bool {
        if self.pairs.is_empty() {
            return false;
        }
        bloom_contains(&self.pairs, pair_hash(entry, second))
    }

    /// Whether the negator `negator`, with the items `between` it and a sentiment word (that
    /// word included), intensifies that word instead of negating it: "never so good", "never
    /// this sore", "none more beautiful", "nothing so stimulating", "nobody had done
    /// better", "relations have never been worse" (but "not so good" and "nothing that
    /// helps" are negations).
    #[inline]
    pub fn intensifies(&self, negator: u32, mut between: impl Iterator<Item = u32>) -> bool {
        let never = self.never == negator;
        (never || self.nothing.contains(&negator))
            && between
                .any(|x| self.comparative.contains(&x) || (never && self.so_this.contains(&x)))
    }

    /// The canonical key of entry `i`.
    #[inline]
    pub fn key(&self, i: usize) -> &str {
        let (start, len) = self.spans[i];
        &self.arena[start as usize..(start + len) as usize]
    }

    /// The entry index of a canonical key.
    #[inline]
    pub fn get(&self, key: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let (head, h) = head_and_hash(key);
        self.probe(key, head, h)
    }

    /// [`get_short_hashed`](Self::get_short_hashed) computing the hash (tests compare it
    /// with [`get`](Self::get)).
    #[cfg(test)]
    pub fn get_short(&self, head: u64, len: usize) -> Option<u32> {
        self.get_short_hashed(head, len, Self::short_hash(head, len))
    }

    /// The entry index of a canonical key of 1 to 8 bytes given as its little-endian,
    /// zero-padded `head` word and its hash `h` ([`short_hash`](Self::short_hash)), without
    /// the key's text.
    #[inline]
    pub fn get_short_hashed(&self, head: u64, len: usize, h: u64) -> Option<u32> {
        debug_assert!((1..=8).contains(&len));
        if self.slots.is_empty() {
            return None;
        }
        // `key` is only read for keys over 8 bytes.
        self.probe_short(head, len, h)
    }

    /// The entry index of a canonical key of 9 to 16 bytes given as two little-endian words
    /// (bytes 0..8, then bytes 8.. zero-padded), without the key's text.
    #[cfg(test)]
    pub fn get_medium(&self, words: [u64; 2], len: usize) -> Option<u32> {
        self.get_medium_hashed(words, len, crate::hash::hash_words(&words, len))
    }

    /// The entry index of a canonical key of 9 to 16 bytes given as two little-endian words
    /// (bytes 0..8, then bytes 8.. zero-padded) and its hash `h` (`hash_words(&words, len)`).
    #[inline]
    pub fn get_medium_hashed(&self, words: [u64; 2], len: usize, h: u64) -> Option<u32> {
        debug_assert!((9..=16).contains(&len));
        if self.slots.is_empty() {
            return None;
        }
        self.probe_with(words[0], len, h, |index| {
            let key = self.key(index as usize).as_bytes();
            let mut tail = [0u8; 8];
            tail[..len - 8].copy_from_slice(&key[8..len]);
            u64::from_le_bytes(tail) == words[1]
        })
    }

    /// [`get`](Self::get) for a key of up to 8 bytes, given its head word and hash.
    #[inline]
    fn probe_short(&self, head: u64, len: usize, h: u64) -> Option<u32> {
        // Keys of up to 8 bytes are settled by the slot alone.
        self.probe_with(head, len, h, |_| true)
    }

    /// The probe of [`get`](Self::get), given the key's head word and hash.
    #[inline]
    fn probe(&self, key: &str, head: u64, h: u64) -> Option<u32> {
        self.probe_with(head, key.len(), h, |index| {
            key.len() <= 8 || self.key(index as usize) == key
        })
    }

    /// Linear probing from hash `h` for a slot with this head word and length, for which
    /// `full_match` (given the slot's entry index) confirms the whole key.
    #[inline]
    fn probe_with(
        &self,
        head: u64,
        len: usize,
        h: u64,
        full_match: impl Fn(u32) -> bool,
    ) -> Option<u32> {
        if !self.maybe(h) {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            let s = self.slots[at];
            if s.len == 0 {
                return None;
            }
            if s.head == head && s.len as usize == len && full_match(s.index) {
                return Some(s.index);
            }
            at = (at + 1) & mask;
        }
    }

    /// False if no key has hash `h`.
    #[inline]
    fn maybe(&self, h: u64) -> bool {
        bloom_contains(&self.bloom, h)
    }

    /// Puts entry `i` into its slot (the table has room).
    fn place(&mut self, i: usize) {
        let key = self.key(i);
        let len = u32::try_from(key.len()).unwrap_or(u32::MAX);
        let (head, h) = head_and_hash(key);
        bloom_insert(&mut self.bloom, h);
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        while self.slots[at].len != 0 {
            at = (at + 1) & mask;
        }
        self.slots[at] = Slot {
            head,
            index: i as u32,
            len,
        };
    }

    /// Rebuilds the index with `cap` (a power of two) slots.
    fn grow(&mut self, cap: usize) {
        self.slots = vec![Slot::default(); cap];
        self.bloom = vec![0; 1 << 10];
        for i in 0..self.entries.len() {
            self.place(i);
        }
    }
}
