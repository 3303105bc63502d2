//! Emission scores of a document's tokens, with the sums of words' own-text features
//! shared.
//!
//! About 20 of a token's ~50 features (the word, its lowercase form, shape, affixes and
//! clusters) depend on nothing but the token's text, and so do about 7 of those it gives
//! each neighbour (the word before is "the", its shape, its clusters...). News repeats
//! its words: "the", "said", "Mr", a name mentioned ten times. The quantised weights of
//! those three groups are summed once per distinct text in a document
//! ([`Extractor::share_own`](crate::features::Extractor) lists them only there), and a
//! per-thread cache keeps the sums of recent words across documents. The sums are exact
//! integers, so the shared sums plus the context's sum are the sum of all features: the
//! scores are those of [`Model::emission`] over every feature.

use std::cell::RefCell;

use crate::features::Features;
use crate::model::Model;
use crate::tags::NTAGS;

/// The summed weights of a text's own features, of those it lends the next token (as the
/// word before it) and of those it lends the previous token (as the word after it).
type Sums = [[i32; NTAGS]; 3];

/// The emission scores of every token of `feats`, extracted with `share_own`.
pub(crate) fn emissions(model: &Model, feats: &Features) -> Vec<[f32; NTAGS]> {
    CACHE.with(|cache| {
        // Borrowed once per document; a thread that is already in here (it cannot be, as
        // nothing below calls back) would sum without the cache.
        let mut cache = cache.try_borrow_mut().ok();
        if let Some(c) = cache.as_deref_mut() {
            c.serve(model);
        }
        let n = feats.offsets.len() - 1;
        let [before_end, after_end] = &feats.lent_end;
        let mut sums: Vec<Sums> = Vec::with_capacity(n);
        for i in 0..n {
            let j = feats.first[i] as usize;
            let s = if j < i {
                sums[j]
            } else {
                let o = feats.offsets[i];
                let keys = &feats.keys[o as usize..after_end[i] as usize];
                let (own, lent) = keys.split_at((feats.own_end[i] - o) as usize);
                let (before, after) = lent.split_at((before_end[i] - feats.own_end[i]) as usize);
                let parts = [own, before, after];
                match cache.as_deref_mut() {
                    Some(c) => c.sums(model, feats.w[i], parts),
                    None => sum_parts(model, parts),
                }
            };
            sums.push(s);
        }
        (0..n)
            .map(|i| {
                let mut acc = sums[i][0];
                let borrows = feats.borrows[i];
                if borrows & 1 != 0 {
                    add(&mut acc, &sums[i - 1][1]);
                }
                if borrows & 2 != 0 {
                    add(&mut acc, &sums[i + 1][2]);
                }
                let context = &feats.keys[after_end[i] as usize..feats.offsets[i + 1] as usize];
                model.sum(context, &mut acc);
                model.scores(acc)
            })
            .collect()
    })
}

/// Adds `b` to `acc`, element by element.
fn add(acc: &mut [i32; NTAGS], b: &[i32; NTAGS]) {
    for (a, b) in acc.iter_mut().zip(b) {
        *a += b;
    }
}

/// The summed weights of each of the three key lists.
fn sum_parts(model: &Model, parts: [&[u64]; 3]) -> Sums {
    parts.map(|keys| {
        let mut sum = [0i32; NTAGS];
        model.sum(keys, &mut sum);
        sum
    })
}

/// Entries of the direct-mapped cache (a power of two; 4096 × 204 bytes = 816 KB).
const ENTRIES: usize = 4096;

/// The cache: entry `h & (ENTRIES - 1)` holds the sums of the word with text hash `h`.
struct SharedSums {
    /// The feature table the sums were taken from (`Model::table_id`).
    table: u64,
    /// Text hash of each entry's word (0 = empty).
    words: Vec<u64>,
    sums: Vec<Sums>,
}

impl SharedSums {
    /// Empties the cache unless it holds sums of `model`'s feature table.
    fn serve(&mut self, model: &Model) {
        if self.table != model.table_id() || self.words.is_empty() {
            self.table = model.table_id();
            self.words = vec![0; ENTRIES];
            self.sums = vec![[[0; NTAGS]; 3]; ENTRIES];
        }
    }

    /// The summed weights of `parts`, the own and lent features of a word whose text
    /// hashes to `word`: from the cache when the word was summed before (see
    /// [`SharedSums::serve`]).
    fn sums(&mut self, model: &Model, word: u64, parts: [&[u64]; 3]) -> Sums {
        let e = (word ^ word >> 32) as usize & (ENTRIES - 1);
        if self.words[e] != word || word == 0 {
            self.sums[e] = sum_parts(model, parts);
            self.words[e] = word;
        }
        self.sums[e]
    }
}

thread_local! {
    static CACHE: RefCell<SharedSums> = const {
        RefCell::new(SharedSums { table: 0, words: Vec::new(), sums: Vec::new() })
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Extractor;

    /// Features of `text` (one segment per sentence), with or without shared sums.
    fn features(model: &Model, text: &str, share_own: bool) -> Features {
        let tokens = copydesk_tokenize::tokenize(text);
        let sentences = crate::segments::split(text, &tokens);
        let segs = crate::segments::segments(text, &tokens, &sentences);
        let ex = Extractor {
            clusters: &model.clusters,
            drop: 0,
            share_own,
        };
        ex.extract(text, &tokens, &segs)
    }

    /// The scores of `emissions` equal, bit for bit, those of every token's full feature
    /// list, with the cache cold or warm.
    fn check(model: &Model, text: &str) {
        let all = features(model, text, false);
        let plain: Vec<[f32; NTAGS]> = (0..all.offsets.len() - 1)
            .map(|i| model.emission(all.of(i)))
            .collect();
        let shared = features(model, text, true);
        assert!(
            shared.keys.len() < all.keys.len(),
            "nothing shared in {text:?}"
        );
        for _ in 0..2 {
            let got = emissions(model, &shared);
            assert_eq!(got.len(), plain.len());
            for (g, p) in got.iter().zip(&plain) {
                assert_eq!(g.map(f32::to_bits), p.map(f32::to_bits), "in {text:?}");
            }
        }
    }

    const TEXT: &str = "Mr Lavrov met Mr Tillerson in Manila. Lavrov said the talks \
        were useful; Tillerson said the talks were frank. The talks went on.";

    #[test]
    fn shared_sums_give_the_scores_of_all_features() {
        let model = Model::from_bytes(crate::EMBEDDED).expect("the embedded model loads");
        check(&model, TEXT);
        check(&model, "Talks, talks: TALKS and talks in Talks City.");
    }

    #[test]
    fn the_cache_tells_models_apart() {
        let model = Model::from_bytes(crate::EMBEDDED).expect("the embedded model loads");
        let other = Model::from_bytes(crate::EMBEDDED).expect("the embedded model loads");
        let empty = Model::empty(model.clusters.clone());
        check(&model, TEXT);
        // Every sum of the empty model is 0: a cache that kept the first model's sums
        // would give them here.
        check(&empty, TEXT);
        check(&other, TEXT);
        check(&model, TEXT);
    }
}
