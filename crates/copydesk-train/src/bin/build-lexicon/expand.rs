//! Semi-supervised lexicon expansion: a ridge regression from corpus word vectors to
//! valence, trained on the prior lexicon's words (and, with a small weight, on the other
//! vocabulary words as neutral), predicts valences for frequent news words the prior
//! lacks. Predictions are cross-fitted (a word's own zero label never trains the model
//! that scores it), shrunk, and kept only where clearly non-neutral.

use copydesk_tone::Lexicon;

use crate::vectors::{Corpus, Dense};

/// Expansion hyper-parameters.
#[derive(Clone, Debug)]
pub struct ExpandConfig {
    /// Ridge strength on the vector weights.
    pub ridge: f64,
    /// Loss weight of a vocabulary word outside the lexicon (labelled 0).
    pub zero_weight: f64,
    /// Cross-fitting folds.
    pub folds: usize,
    /// Candidates must occur at least this often in the corpus.
    pub min_count: u64,
    /// The most frequent words (function words) are never candidates.
    pub skip_top: usize,
    /// Predicted valences are multiplied by this.
    pub shrink: f64,
    /// Only candidates predicted at most `-threshold` get a (negative) valence.
    pub threshold: f64,
    /// Only candidates predicted at least this get a (positive) valence.
    pub threshold_positive: f64,
}

impl Default for ExpandConfig {
    fn default() -> Self {
        ExpandConfig {
            ridge: 1.0,
            zero_weight: 0.3,
            folds: 5,
            min_count: 5,
            skip_top: 300,
            shrink: 0.7,
            threshold: 0.6,
            threshold_positive: 0.6,
        }
    }
}

/// Out-of-fold predictions for every vocabulary word, and the r of those predictions
/// against the prior valences of the lexicon words (a quality check).
pub struct Predictions {
    /// Out-of-fold predicted valence per vocabulary word.
    pub value: Vec<f64>,
    /// Pearson r on the lexicon words (held out).
    pub lexicon_r: f64,
    /// Number of lexicon words in the vocabulary.
    pub labelled: usize,
}

fn fold_of(word: &str, k: usize) -> usize {
    (copydesk_tokenize::hash::fnv1a(word.as_bytes()) % k as u64) as usize
}

/// Solves `a x = b` for a symmetric positive definite `a` (n × n, row-major), Cholesky.
fn solve_spd(mut a: Vec<f64>, mut b: Vec<f64>, n: usize) -> Vec<f64> {
    for j in 0..n {
        let mut d = a[j * n + j];
        for k in 0..j {
            d -= a[j * n + k] * a[j * n + k];
        }
        let d = d.max(1e-12).sqrt();
        a[j * n + j] = d;
        for i in j + 1..n {
            let mut s = a[i * n + j];
            for k in 0..j {
                s -= a[i * n + k] * a[j * n + k];
            }
            a[i * n + j] = s / d;
        }
    }
    for i in 0..n {
        for k in 0..i {
            b[i] -= a[i * n + k] * b[k];
        }
        b[i] /= a[i * n + i];
    }
    for i in (0..n).rev() {
        for k in i + 1..n {
            b[i] -= a[k * n + i] * b[k];
        }
        b[i] /= a[i * n + i];
    }
    b
}

/// Cross-fitted ridge predictions of valence from `vectors` for every vocabulary word.
pub fn predict(
    corpus: &Corpus,
    vectors: &Dense,
    prior: &Lexicon,
    cfg: &ExpandConfig,
) -> Predictions {
    let d = vectors.c + 1; // + bias
    let n = corpus.words.len();
    let labels: Vec<Option<f64>> = corpus
        .words
        .iter()
        .map(|w| prior.get(w).map(f64::from))
        .collect();
    let folds: Vec<usize> = corpus.words.iter().map(|w| fold_of(w, cfg.folds)).collect();
    let x = |i: usize| vectors.row(i).iter().copied().chain([1.0]);
    // Per-fold normal equations.
    let mut xtx = vec![vec![0.0f64; d * d]; cfg.folds];
    let mut xty = vec![vec![0.0f64; d]; cfg.folds];
    for i in 0..n {
        let (y, w) = match labels[i] {
            Some(v) => (v, 1.0),
            None => (0.0, cfg.zero_weight),
        };
        let xi: Vec<f64> = x(i).collect();
        let (a, b) = (&mut xtx[folds[i]], &mut xty[folds[i]]);
        for p in 0..d {
            let wp = w * xi[p];
            b[p] += wp * y;
            for q in 0..d {
                a[p * d + q] += wp * xi[q];
            }
        }
    }
    let mut value = vec![0.0; n];
    for f in 0..cfg.folds {
        let mut a = vec![0.0; d * d];
        let mut b = vec![0.0; d];
        for g in (0..cfg.folds).filter(|&g| g != f) {
            a.iter_mut().zip(&xtx[g]).for_each(|(s, v)| *s += v);
            b.iter_mut().zip(&xty[g]).for_each(|(s, v)| *s += v);
        }
        for p in 0..d - 1 {
            a[p * d + p] += cfg.ridge;
        }
        a[(d - 1) * d + d - 1] += 1e-6;
        let wts = solve_spd(a, b, d);
        for i in (0..n).filter(|&i| folds[i] == f) {
            value[i] = x(i).zip(&wts).map(|(a, b)| a * b).sum();
        }
    }
    let (p, y): (Vec<f64>, Vec<f64>) = (0..n)
        .filter_map(|i| labels[i].map(|v| (value[i], v)))
        .unzip();
    Predictions {
        lexicon_r: copydesk_train::tone::pearson(&p, &y),
        labelled: y.len(),
        value,
    }
}

/// The expansion: frequent, mostly lower-case corpus words outside `prior` whose
/// out-of-fold prediction clears the threshold, with shrunk valences (2 decimals), sorted.
pub fn select(
    corpus: &Corpus,
    pred: &Predictions,
    prior: &Lexicon,
    cfg: &ExpandConfig,
) -> Vec<(String, f32)> {
    let mut out = Vec::new();
    for (i, w) in corpus.words.iter().enumerate() {
        let candidate = i >= cfg.skip_top
            && corpus.count[i] >= cfg.min_count
            && w.chars().count() >= 3
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && corpus.lower[i] >= 2 * corpus.capital[i]
            && prior.get(w).is_none();
        let p = pred.value[i];
        if candidate && (p <= -cfg.threshold || p >= cfg.threshold_positive) {
            let v = (p * cfg.shrink * 100.0).round() / 100.0;
            out.push((w.clone(), v as f32));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
