//! The scorer's lookup table: one hash lookup per token gives its lexicon valence and its
//! rule roles (negator, booster, contrast, activity, self-reference) together.

use crate::hash::FxHashMap;
use crate::lexicon::{canonical_key, Lexicon};
use crate::rules;

/// Negates sentiment in its scope.
pub(crate) const NEGATOR: u8 = 1;
/// Contrastive conjunction (`but`).
pub(crate) const CONTRAST: u8 = 2;
/// Concessive conjunction (`although`).
pub(crate) const CONCESSIVE: u8 = 4;
/// Activity word (GDELT activity density).
pub(crate) const ACTIVE: u8 = 8;
/// First-person pronoun (GDELT self/group reference density).
pub(crate) const SELF_REF: u8 = 16;
/// Never fitted (function word).
pub(crate) const STOP: u8 = 32;
/// The key is a complete term (a lexicon entry or a rule word), not only a phrase prefix.
pub(crate) const TERM: u8 = 64;

/// Roles that make a word a rule word whose own lexicon valence is ignored.
pub(crate) const RULE: u8 = NEGATOR | CONTRAST | CONCESSIVE;

/// One key's data.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Entry {
    /// Lexicon valence (0 if none).
    pub valence: f32,
    /// Degree (booster > 0, dampener < 0) in units of [`rules::BOOST`].
    pub degree: f32,
    /// Role flags.
    pub flags: u8,
    /// Longest phrase (in tokens) starting with this key; 0 or 1 if none.
    pub max_phrase: u8,
    /// True if the valence came from the lexicon (the word is a lexicon term).
    pub in_lexicon: bool,
    /// The entry whose valence this one shares: itself, or the lexicon word it inflects.
    pub base: u32,
}

impl Entry {
    /// Whether the lexicon valence counts (not a rule word or booster).
    #[inline]
    pub fn scores(&self) -> bool {
        self.flags & (CONTRAST | CONCESSIVE) == 0 && self.degree == 0.0
    }
}

/// Key → entry index, plus the entries.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    map: FxHashMap<Box<str>, u32>,
    pub entries: Vec<Entry>,
    /// The canonical key of each entry, by index.
    pub keys: Vec<Box<str>>,
    /// Entries of "so", "this", "that" (after a negator they intensify: "never so good").
    so_this: [u32; 3],
}

impl Table {
    /// Builds the table for `lexicon` plus the fixed rule vocabulary.
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut t = Table::default();
        t.map.reserve(lexicon.len() + 1024);
        for w in rules::NEGATORS {
            t.add_role(w, NEGATOR);
        }
        for w in rules::CONTRASTIVE {
            t.add_role(w, CONTRAST);
        }
        for w in rules::CONCESSIVE {
            t.add_role(w, CONCESSIVE);
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
        }
        for (n, w) in ["so", "this", "that"].iter().enumerate() {
            t.so_this[n] = t.intern(w) as u32;
        }
        t.derive_inflections();
        t
    }

    /// Gives regular inflections (-s, -ed, -ing, -ly) of single-word lexicon terms the
    /// valence of their base word, unless they are terms of their own: "corrupts",
    /// "sanctioning" and "bleakly" are scored although only their bases are listed.
    fn derive_inflections(&mut self) {
        let n = self.entries.len();
        for i in 0..n {
            let e = self.entries[i];
            if !e.in_lexicon || e.valence == 0.0 || !e.scores() {
                continue;
            }
            let key = self.keys[i].clone();
            if key.len() < 3 || !key.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let mut forms = rules::inflections(&key);
            forms.push(format!("{key}ly"));
            for f in forms.into_iter().skip(1) {
                let j = self.intern(&f);
                let d = &mut self.entries[j];
                if !d.in_lexicon
                    && d.base == j as u32
                    && d.flags & (RULE | STOP) == 0
                    && d.degree == 0.0
                {
                    d.valence = e.valence;
                    d.flags |= TERM;
                    d.base = i as u32;
                }
            }
        }
    }

    fn add_role(&mut self, word: &str, flag: u8) {
        let key = canonical_key(word);
        let i = self.intern(&key);
        self.entries[i].flags |= flag | TERM;
    }

    /// The index of `key` (already canonical), creating an empty entry (and registering it
    /// as a phrase) if needed.
    pub fn intern(&mut self, key: &str) -> usize {
        if let Some(&i) = self.map.get(key) {
            return i as usize;
        }
        let i = self.entries.len();
        self.entries.push(Entry {
            base: i as u32,
            ..Entry::default()
        });
        self.keys.push(key.into());
        self.map.insert(key.into(), i as u32);
        let n = key.split(' ').count();
        if n > 1 {
            let first = key.split(' ').next().unwrap_or(key).to_owned();
            let f = self.intern(&first);
            let len = u8::try_from(n).unwrap_or(u8::MAX);
            let e = &mut self.entries[f];
            e.max_phrase = e.max_phrase.max(len);
        }
        i
    }

    /// Whether `entry` is "so", "this" or "that".
    #[inline]
    pub fn is_so_this(&self, entry: u32) -> bool {
        self.so_this.contains(&entry)
    }

    /// The entry index of a canonical key.
    #[inline]
    pub fn get(&self, key: &str) -> Option<u32> {
        self.map.get(key).copied()
    }
}
