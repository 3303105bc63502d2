//! Lexicon fitting: adjusts word valences so that the scorer's `compound` tracks human
//! ratings, starting from (and regularised toward) a prior lexicon. Used by the
//! `build-lexicon` binary and by the cross-validation tests, so it is fast: each text is
//! analysed once by the scorer's own sentence analysis (negation, boosters, contrast and
//! punctuation fixed per occurrence), then the valences are fitted by full-batch Adam on
//!
//! ```text
//! Σ_i w_i (compound_i(v) − squash(c · rating_i))²  +  Σ_k λ_k ((v_k − prior_k) / 4)²
//! ```
//!
//! where `squash(s) = s / sqrt(s² + 15)`, `c` is [`FitConfig::target_scale`], and `λ_k` is
//! [`FitConfig::lambda_prior`] for words of the prior, [`FitConfig::lambda_new`] for new
//! words (prior 0) and [`FitConfig::lambda_news`] for our hand-set news vocabulary. New
//! words enter only if they occur in at least [`FitConfig::min_count`] texts and are not
//! proper nouns or function words.

use std::collections::HashSet;

use copydesk_tokenize::TokenKind;

use copydesk_tone::internals::{self as rules, aggregate, analyse, key_of, squash, with_push};
use copydesk_tone::internals::{Scratch, Term, SPLITTER};
use copydesk_tone::{Error, Lexicon, ToneScorer};

pub use crate::corpus::Rated;

/// Derived-looking words whose meaning drifted from their "base" ("likely" is not about
/// liking, "unless" no negation of "less"): the scorer never scores them through a base,
/// and `build-lexicon` gives them no valence inherited from one.
pub use copydesk_tone::internals::LEXICALISED;

/// One training text.
#[derive(Clone, Copy, Debug)]
pub struct Sample<'a> {
    /// The text.
    pub text: &'a str,
    /// Mean human rating on -4..+4.
    pub rating: f64,
    /// Weight of this text in the loss (e.g. to balance data sets).
    pub weight: f64,
}

/// Fitting hyper-parameters.
#[derive(Clone, Debug)]
pub struct FitConfig {
    /// Ridge strength toward the prior for words of the prior lexicon.
    pub lambda_prior: f64,
    /// Ridge strength toward 0 for words the prior lacks.
    pub lambda_new: f64,
    /// Ridge strength toward our hand-set value for the words of [`NEWS_PRIORS`] (domain
    /// knowledge the rated snippets should only nudge).
    pub lambda_news: f64,
    /// A text rated `r` is fitted toward the compound of a raw sum `target_scale × r`
    /// (`r` is on the lexicon's own -4..+4 scale; values above 1 counter the shrinkage of
    /// a squared loss on noisy ratings).
    pub target_scale: f64,
    /// Minimum number of training texts a new word must occur in.
    pub min_count: usize,
    /// Adam iterations (full batch).
    pub iterations: usize,
    /// Adam step size, in valence units.
    pub learning_rate: f64,
    /// New words whose fitted |valence| stays below this are left out of the lexicon.
    pub min_new_valence: f32,
    /// Ridge strength (toward 1) of eight fitted scales, one per sign and band of |prior
    /// valence| (below 1, 1..2, 2..3, 3 and above): words of the VADER lexicon and the
    /// expansion are shrunk toward `scale × prior` rather than `prior` (and those the
    /// samples do not use get `scale × prior`), a monotone-ish recalibration of the prior
    /// for news. 0 keeps all scales at 1.
    pub lambda_scale: f64,
}

impl Default for FitConfig {
    fn default() -> Self {
        FitConfig {
            lambda_prior: 10.0,
            lambda_new: 100.0,
            lambda_news: 100.0,
            target_scale: 2.5,
            min_count: 3,
            iterations: 150,
            learning_rate: 0.05,
            min_new_valence: 0.1,
            lambda_scale: 100.0,
        }
    }
}

/// Words of the training texts that may get a fitted valence although the prior lacks
/// them: alphabetic words in at least `min_count` texts, mostly written in lower case.
fn candidates(samples: &[Sample<'_>], prior: &Lexicon, min_count: usize) -> Vec<String> {
    #[derive(Default, Clone, Copy)]
    struct Count {
        docs: usize,
        lower: usize,
        capital: usize,
        last_doc: usize,
    }
    let mut counts: rules::FxHashMap<String, Count> = Default::default();
    let mut buf = String::new();
    for (d, s) in samples.iter().enumerate() {
        let tokens = copydesk_tokenize::tokenize(s.text);
        let mut sentence_start = true;
        for t in &tokens {
            let w = t.text(s.text);
            if t.kind != TokenKind::Word {
                sentence_start = matches!(w, "." | "!" | "?" | "\"");
                continue;
            }
            if w.chars().count() < 2
                || !w
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            {
                sentence_start = false;
                continue;
            }
            let key = key_of(w, &mut buf);
            let c = counts.entry(key.to_owned()).or_default();
            if c.last_doc != d + 1 {
                c.docs += 1;
                c.last_doc = d + 1;
            }
            if !sentence_start {
                if w.starts_with(char::is_uppercase) && !w.chars().all(char::is_uppercase) {
                    c.capital += 1;
                } else {
                    c.lower += 1;
                }
            }
            sentence_start = false;
        }
    }
    let mut out: Vec<String> = counts
        .into_iter()
        .filter(|(k, c)| c.docs >= min_count && c.capital <= c.lower && prior.get(k).is_none())
        .map(|(k, _)| k)
        .collect();
    out.sort();
    out
}

/// Fits a lexicon to `samples`, starting from `prior`. Returns the prior with fitted
/// valences for the words the samples use, plus new words that earned a valence.
pub fn fit_lexicon(samples: &[Sample<'_>], prior: &Lexicon, config: &FitConfig) -> Lexicon {
    let new_words = candidates(samples, prior, config.min_count);
    let mut lex = prior.clone();
    for w in &new_words {
        lex.insert(w, 0.0);
    }
    let new_set: HashSet<&str> = new_words.iter().map(String::as_str).collect();
    let scorer = ToneScorer::with_lexicon(lex);
    let table = scorer.table();

    // Analyse every text once.
    let mut terms: Vec<Term> = Vec::new();
    let mut sentence_end: Vec<u32> = Vec::new(); // end index into `terms`, per sentence
    let mut sentence_push: Vec<f32> = Vec::new();
    let mut sample_end: Vec<u32> = Vec::new(); // end index into sentences, per sample
    let mut sample_n: Vec<u32> = Vec::new(); // sentences with words, per sample
    let mut scratch = Scratch::default();
    for s in samples {
        let tokens = copydesk_tokenize::tokenize(s.text);
        let mut n = 0;
        for sen in SPLITTER.split(s.text, &tokens) {
            let a = tokens.partition_point(|t| t.start < sen.start);
            let b = tokens.partition_point(|t| t.end <= sen.end);
            let f = analyse(
                table,
                s.text,
                &tokens[a..b.max(a)],
                &mut scratch,
                true,
                &mut terms,
            );
            sentence_end.push(terms.len() as u32);
            sentence_push.push(f.push);
            if f.items > 0 {
                n += 1;
            }
        }
        sample_end.push(sentence_end.len() as u32);
        sample_n.push(n);
    }

    let n_entries = table.entries.len();
    let prior_v: Vec<f64> = table.entries.iter().map(|e| f64::from(e.valence)).collect();
    let mut used = vec![false; n_entries];
    for t in &terms {
        used[t.entry as usize] = true;
    }
    let news = Lexicon::from_tsv(NEWS_PRIORS).unwrap_or_default();
    let lambda: Vec<f64> = (0..n_entries)
        .map(|k| {
            if news.get(table.key(k)).is_some() {
                config.lambda_news
            } else if new_set.contains(table.key(k)) {
                config.lambda_new
            } else {
                config.lambda_prior
            }
        })
        .collect();
    // Words of the VADER lexicon and the expansion are shrunk toward `scale · prior`, with
    // one fitted scale per sign and magnitude band of the prior valence.
    let scaled: Vec<bool> = (0..n_entries)
        .map(|k| {
            config.lambda_scale > 0.0
                && prior_v[k] != 0.0
                && table.entries[k].in_lexicon
                && lambda[k] == config.lambda_prior
                && !new_set.contains(table.key(k))
        })
        .collect();
    let centre = |k: usize, scale: &[f64; 2 * SCALE_BANDS]| {
        if scaled[k] {
            scale[band(prior_v[k])] * prior_v[k]
        } else {
            prior_v[k]
        }
    };
    let total_w: f64 = samples.iter().map(|s| s.weight).sum::<f64>().max(1e-12);
    let scale_w = samples.len() as f64 / total_w;
    let targets: Vec<f64> = samples
        .iter()
        .map(|s| squash(s.rating * config.target_scale))
        .collect();

    let mut v: Vec<f64> = prior_v.clone();
    let mut m1 = vec![0.0f64; n_entries];
    let mut m2 = vec![0.0f64; n_entries];
    let mut grad = vec![0.0f64; n_entries];
    let mut scale = [1.0f64; 2 * SCALE_BANDS];
    let (mut scale_m1, mut scale_m2) = ([0.0f64; 2 * SCALE_BANDS], [0.0f64; 2 * SCALE_BANDS]);
    let (b1, b2, eps) = (0.9f64, 0.999f64, 1e-8);
    for it in 0..config.iterations {
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut t0 = 0usize;
        let mut s0 = 0usize;
        for (i, s) in samples.iter().enumerate() {
            let s1 = sample_end[i] as usize;
            let mut total = 0.0;
            for j in s0..s1 {
                let t1 = sentence_end[j] as usize;
                let mut sum = 0.0f64;
                for t in &terms[t0..t1] {
                    sum += f64::from(t.contribution(v[t.entry as usize] as f32));
                }
                total += with_push(sum, sentence_push[j]);
                t0 = t1;
            }
            let n = sample_n[i];
            let agg = aggregate(total, n);
            let scale = aggregate(1.0, n);
            let g = squash(agg);
            let dg = rules::ALPHA / (agg * agg + rules::ALPHA).powf(1.5);
            let d = 2.0 * s.weight * scale_w * (g - targets[i]) * dg * scale;
            // Back-propagate to the terms of this sample.
            let first_term = if s0 == 0 {
                0
            } else {
                sentence_end[s0 - 1] as usize
            };
            let last_term = if s1 == 0 {
                0
            } else {
                sentence_end[s1 - 1] as usize
            };
            for t in &terms[first_term..last_term] {
                grad[t.entry as usize] += d * f64::from(t.slope(v[t.entry as usize] as f32));
            }
            s0 = s1;
        }
        let step = it as i32 + 1;
        let (c1, c2) = (1.0 - b1.powi(step), 1.0 - b2.powi(step));
        let mut scale_grad = [0.0f64; 2 * SCALE_BANDS];
        for k in 0..n_entries {
            if !used[k] {
                continue;
            }
            let dev = v[k] - centre(k, &scale);
            if scaled[k] {
                scale_grad[band(prior_v[k])] -= 2.0 * lambda[k] * dev * prior_v[k] / 16.0;
            }
            let g = grad[k] + 2.0 * lambda[k] * dev / 16.0;
            m1[k] = b1 * m1[k] + (1.0 - b1) * g;
            m2[k] = b2 * m2[k] + (1.0 - b2) * g * g;
            v[k] -= config.learning_rate * (m1[k] / c1) / ((m2[k] / c2).sqrt() + eps);
            v[k] = v[k].clamp(-4.0, 4.0);
        }
        if config.lambda_scale > 0.0 {
            for side in 0..2 * SCALE_BANDS {
                let g = scale_grad[side] + 2.0 * config.lambda_scale * (scale[side] - 1.0);
                scale_m1[side] = b1 * scale_m1[side] + (1.0 - b1) * g;
                scale_m2[side] = b2 * scale_m2[side] + (1.0 - b2) * g * g;
                scale[side] -=
                    SCALE_RATE * (scale_m1[side] / c1) / ((scale_m2[side] / c2).sqrt() + eps);
            }
        }
    }

    let mut out = prior.clone();
    for k in 0..n_entries {
        let val = if used[k] {
            v[k] as f32
        } else if scaled[k] {
            centre(k, &scale) as f32
        } else {
            continue;
        };
        let key = table.key(k);
        if new_set.contains(key) {
            if val.abs() >= config.min_new_valence {
                out.insert(key, round3(val));
            }
        } else if table.entries[k].in_lexicon {
            out.insert(key, round3(val));
        }
    }
    out
}

/// Prior-scale bands per sign, by |prior valence|: below 1, 1..2, 2..3, 3 and above, so the
/// prior is recalibrated by magnitude as well as sign (in the full fit, positive VADER words
/// of 1..2 keep about 0.7 of their value, negative ones of 1..2 nearly all of it).
const SCALE_BANDS: usize = 4;

/// The prior-scale band of a non-zero prior valence `p`.
fn band(p: f64) -> usize {
    usize::from(p > 0.0) * SCALE_BANDS + (p.abs() as usize).min(SCALE_BANDS - 1)
}

/// Adam step size of the prior scales.
const SCALE_RATE: f64 = 0.01;

fn round3(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

/// Pearson correlation of two equally long series (0 if either is constant or empty).
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n == 0 {
        return 0.0;
    }
    let mx = x[..n].iter().sum::<f64>() / n as f64;
    let my = y[..n].iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (a, b) = (x[i] - mx, y[i] - my);
        sxy += a * b;
        sxx += a * a;
        syy += b * b;
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// A named rated data set and its weight in the fitting loss (per text).
#[derive(Clone, Debug)]
pub struct DataSet {
    /// Name (`nyt`, `tweets`, ...).
    pub name: String,
    /// The rated texts.
    pub rows: Vec<Rated>,
    /// Loss weight of each of its texts.
    pub weight: f64,
}

/// The fold (0..k) of a text: a hash of its set name and id, so folds are stable.
pub fn fold_of(set: &str, id: &str, k: usize) -> usize {
    use copydesk_tokenize::hash::{fnv1a, fnv1a_extend};
    let h = fnv1a_extend(fnv1a_extend(fnv1a(set.as_bytes()), &[0]), id.as_bytes());
    (h % k.max(1) as u64) as usize
}

/// k-fold cross-validated Pearson r of `compound` against the ratings, per data set: for
/// each fold a lexicon is fitted on the other folds of *all* sets (starting from `prior`)
/// and scores that fold's texts, which it never saw. Returns `(name, r)` per set, over the
/// pooled out-of-fold predictions.
pub fn cross_validate(
    sets: &[DataSet],
    prior: &Lexicon,
    config: &FitConfig,
    k: usize,
) -> Vec<(String, f64)> {
    let preds = cross_validated_compounds(sets, prior, config, k);
    sets.iter()
        .zip(&preds)
        .map(|(s, p)| {
            let y: Vec<f64> = s.rows.iter().map(|r| r.rating).collect();
            (s.name.clone(), pearson(p, &y))
        })
        .collect()
}

/// The out-of-fold `compound` of every text of `sets` (one vector per set, in row order)
/// that [`cross_validate`] correlates with the ratings.
pub fn cross_validated_compounds(
    sets: &[DataSet],
    prior: &Lexicon,
    config: &FitConfig,
    k: usize,
) -> Vec<Vec<f64>> {
    let mut preds: Vec<Vec<f64>> = sets.iter().map(|s| vec![0.0; s.rows.len()]).collect();
    for fold in 0..k {
        let train: Vec<Sample<'_>> = sets
            .iter()
            .flat_map(|s| {
                s.rows
                    .iter()
                    .filter(move |r| fold_of(&s.name, &r.id, k) != fold)
                    .map(move |r| Sample {
                        text: &r.text,
                        rating: r.rating,
                        weight: s.weight,
                    })
            })
            .collect();
        let lex = fit_lexicon(&train, prior, config);
        let scorer = ToneScorer::with_lexicon(lex);
        for (si, s) in sets.iter().enumerate() {
            for (ri, r) in s.rows.iter().enumerate() {
                if fold_of(&s.name, &r.id, k) == fold {
                    preds[si][ri] = scorer.score(&r.text).compound;
                }
            }
        }
    }
    preds
}

/// Pearson r of a scorer's `compound` against the ratings of `rows` (no fitting).
pub fn evaluate(scorer: &ToneScorer, rows: &[Rated]) -> f64 {
    let p: Vec<f64> = rows
        .iter()
        .map(|r| scorer.score(&r.text).compound)
        .collect();
    let y: Vec<f64> = rows.iter().map(|r| r.rating).collect();
    pearson(&p, &y)
}

/// Our news vocabulary and idioms (hand-set priors, written for copydesk).
pub const NEWS_PRIORS: &str = include_str!("../../copydesk-tone/data/news.tsv");

/// The training data sets of `../shared/data/tone`: `(name, file, loss weight per text)`.
/// News is weighted up: the lexicon is for news first.
pub const DATA_SETS: &[(&str, &str, f64)] = &[
    ("nyt", "nyt-dev.tsv", 4.0),
    ("tweets", "tweets.tsv", 1.0),
    ("movies", "movies.tsv", 0.5),
    ("amazon", "amazon.tsv", 1.0),
];

/// Corpus-derived valences for news words the VADER lexicon and [`NEWS_PRIORS`] lack,
/// generated by `build-lexicon --expand` from unlabelled news only (word vectors → ridge
/// regression trained on the VADER lexicon; see `data/README.md`).
pub const EXPANSION: &str = include_str!("../../copydesk-tone/data/expansion.tsv");

/// The prior lexicon: VADER's lexicon (`vader_tsv`, the text of `vader_lexicon.txt`),
/// extended by the corpus-derived [`EXPANSION`] and overridden and extended by
/// [`NEWS_PRIORS`].
///
/// # Errors
/// [`Error::Parse`](copydesk_tone::Error::Parse) if either text is malformed.
pub fn prior_lexicon(vader_tsv: &str) -> Result<Lexicon, Error> {
    prior_lexicon_with(vader_tsv, EXPANSION)
}

/// [`prior_lexicon`] with another expansion (`expansion_tsv`, same format as
/// [`EXPANSION`]); its terms never override VADER's or ours.
///
/// # Errors
/// [`Error::Parse`](copydesk_tone::Error::Parse) if any text is malformed.
pub fn prior_lexicon_with(vader_tsv: &str, expansion_tsv: &str) -> Result<Lexicon, Error> {
    let mut lex = Lexicon::from_tsv(vader_tsv)?;
    let news = Lexicon::from_tsv(NEWS_PRIORS)?;
    for (k, v) in Lexicon::from_tsv(expansion_tsv)?.iter() {
        if lex.get(k).is_none() && news.get(k).is_none() {
            lex.insert(k, v);
        }
    }
    lex.extend_from(&news);
    Ok(lex)
}
