//! Entity model training: gold projection onto our tokens, the averaged structured
//! perceptron and its ensembles, the word clusterings and casing statistics learnt from
//! unlabelled news, and span-level evaluation. The model is written by the runtime crate's
//! own writer (`copydesk_entities::internals::Model::to_bytes`), so it loads exactly as
//! trained.

use std::collections::HashMap;

use copydesk_tokenize::Token;

use copydesk_entities::internals::{self as rt, Dense, Extractor, Features, NTAGS};
pub use copydesk_entities::internals::{Clusters, Gazetteer, Model};
use copydesk_entities::{EntityTagger, Label, Sentence};

pub use crate::corpus::{Doc, Format};

/// A document prepared for training: tokens, segments, features, gold tags.
pub struct Prepared {
    /// Our tokens.
    pub tokens: Vec<Token>,
    /// Decoding segments.
    pub segs: Vec<(usize, usize)>,
    feats: Features,
    gold_tags: Vec<usize>,
    /// For corpora without MISC annotation: per token, the bit set of tags that agree with
    /// the annotation (an untagged token may be O or part of a MISC name). The gold path
    /// is then the model's best path among those (latent-variable perceptron).
    allowed: Option<Vec<u32>>,
}

/// Per token, the tags a partial annotation allows: the gold tag inside a name; O or any
/// MISC tag outside (the corpus does not mark MISC names).
fn allowed_without_misc(gold_tags: &[usize]) -> Vec<u32> {
    let misc = Label::Misc.model_index().unwrap_or(3);
    let misc_bits: u32 = (0..NTAGS)
        .filter(|&t| rt::split_tag(t).is_some_and(|(_, l)| l == misc))
        .fold(0, |m, t| m | 1 << t);
    gold_tags
        .iter()
        .map(|&g| {
            if g == rt::O {
                1 << rt::O | misc_bits
            } else {
                1 << g
            }
        })
        .collect()
}

/// Counts of gold entities whose boundaries do not fall on our token boundaries.
#[derive(Clone, Copy, Debug, Default)]
pub struct Projection {
    /// Gold entities.
    pub total: usize,
    /// Gold entities not exactly representable on our tokens.
    pub mismatched: usize,
}

/// Our tokenization and sentence split of `text`, as `tag_text` does it.
pub fn tokens_and_segments(text: &str) -> (Vec<Token>, Vec<(usize, usize)>) {
    let tokens = copydesk_tokenize::tokenize(text);
    let sents: Vec<Sentence> = rt::split(text, &tokens);
    let segs = rt::segments(text, &tokens, &sents);
    (tokens, segs)
}

/// Projects gold character spans onto token spans (tokens whose majority lies inside).
pub fn project(doc: &Doc, tokens: &[Token], stats: &mut Projection) -> Vec<(usize, usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    for &(s, e, l) in &doc.gold {
        stats.total += 1;
        while i < tokens.len() && tokens[i].end <= s {
            i += 1;
        }
        let mut j = i;
        let mut first = None;
        let mut last = None;
        while j < tokens.len() && tokens[j].start < e {
            let t = tokens[j];
            let ov = t.end.min(e) - t.start.max(s);
            if ov * 2 >= t.len() {
                first.get_or_insert(j);
                last = Some(j);
            }
            j += 1;
        }
        let exact = matches!((first, last), (Some(f), Some(la)) if tokens[f].start == s && tokens[la].end == e);
        if !exact {
            stats.mismatched += 1;
        }
        if let (Some(f), Some(la), Some(li)) = (first, last, l.model_index()) {
            if spans
                .last()
                .is_none_or(|p: &(usize, usize, usize)| p.1 <= f)
            {
                spans.push((f, la + 1, li));
            }
        }
    }
    spans
}

/// Prepares documents with a given cluster table.
pub fn prepare(docs: &[Doc], clusters: &Clusters, stats: &mut Projection) -> Vec<Prepared> {
    let ex = Extractor {
        clusters,
        drop: 0,
        share_own: false,
    };
    docs.iter()
        .map(|d| {
            let (tokens, segs) = tokens_and_segments(&d.text);
            let spans = project(d, &tokens, stats);
            prepared(&ex, d, tokens, segs, &spans)
        })
        .collect()
}

/// A document's features (with its corpus's feature copies) and gold tags. Spans never
/// cross segments: segments follow newlines, like gold sentences.
fn prepared(
    ex: &Extractor<'_>,
    d: &Doc,
    tokens: Vec<Token>,
    segs: Vec<(usize, usize)>,
    spans: &[(usize, usize, usize)],
) -> Prepared {
    let feats = ex
        .extract(&d.text, &tokens, &segs)
        .with_domain_copies(d.domain);
    let gold_tags = rt::encode(tokens.len(), spans);
    let allowed = (!d.has_misc).then(|| allowed_without_misc(&gold_tags));
    Prepared {
        tokens,
        segs,
        feats,
        gold_tags,
        allowed,
    }
}

/// Prepares documents with a gazetteer of the gold names, jackknifed: the features of the
/// documents of fold `k` (document index mod `folds`) see a gazetteer built from the other
/// folds only, so the model learns how far to trust a match on unseen text. Returns the
/// prepared documents and the gazetteer of all documents (the one to ship in the model).
/// `split` 0 assigns document `i` to fold `i mod folds`; other values give other
/// (pseudo-random, deterministic) fold assignments.
pub fn prepare_jackknifed(
    docs: &[Doc],
    clusters: &Clusters,
    stats: &mut Projection,
    folds: usize,
    split: u64,
) -> (Vec<Prepared>, Gazetteer) {
    prepare_jackknifed_view(docs, clusters, stats, folds, split, 0)
}

/// As [`prepare_jackknifed`], leaving out the feature groups of `drop` (bits: 1 word
/// clusters, 2 second clustering, 4 gazetteer, 8 word identities, 32 document
/// aggregation): a training view for
/// feature bagging, whose member models are averaged with full-view members.
pub fn prepare_jackknifed_view(
    docs: &[Doc],
    clusters: &Clusters,
    stats: &mut Projection,
    folds: usize,
    split: u64,
    drop: u16,
) -> (Vec<Prepared>, Gazetteer) {
    let folds = folds.max(1);
    let fold_of = |di: usize| {
        if split == 0 {
            di % folds
        } else {
            (rt::mix(di as u64 ^ split.rotate_left(32)) % folds as u64) as usize
        }
    };
    let mut parsed = Vec::with_capacity(docs.len());
    let mut full = Gazetteer::default();
    let mut fold_gaz = vec![Gazetteer::default(); folds];
    for (di, d) in docs.iter().enumerate() {
        let (tokens, segs) = tokens_and_segments(&d.text);
        let spans = project(d, &tokens, stats);
        let lws: Vec<u64> = tokens
            .iter()
            .map(|t| rt::hash_str(&copydesk_tokenize::normalize(t.text(&d.text))))
            .collect();
        for &(s, e, l) in &spans {
            full.add(&lws[s..e], l);
            for (k, g) in fold_gaz.iter_mut().enumerate() {
                if folds > 1 && fold_of(di) != k {
                    g.add(&lws[s..e], l);
                }
            }
        }
        parsed.push((tokens, segs, spans));
    }
    let fold_clusters: Vec<Clusters> = fold_gaz
        .into_iter()
        .map(|g| {
            let mut c = clusters.clone();
            c.gazetteer = if folds > 1 { g } else { full.clone() };
            c
        })
        .collect();
    let prepared = docs
        .iter()
        .zip(parsed)
        .enumerate()
        .map(|(di, (d, (tokens, segs, spans)))| {
            let ex = Extractor {
                clusters: &fold_clusters[fold_of(di)],
                drop,
                share_own: false,
            };
            prepared(&ex, d, tokens, segs, &spans)
        })
        .collect();
    (prepared, full)
}

/// Averaged structured perceptron state.
#[derive(Clone)]
pub struct Perceptron {
    index: HashMap<u64, usize>,
    w: Vec<[f32; NTAGS]>,
    u: Vec<[f32; NTAGS]>,
    trans: [[f32; NTAGS]; NTAGS],
    trans_u: [[f32; NTAGS]; NTAGS],
    start: [f32; NTAGS],
    start_u: [f32; NTAGS],
    end: [f32; NTAGS],
    end_u: [f32; NTAGS],
    c: f32,
    /// Whether to decode documents in order with prediction-history features.
    pub history: bool,
}

impl Default for Perceptron {
    fn default() -> Self {
        Perceptron {
            index: HashMap::new(),
            w: Vec::new(),
            u: Vec::new(),
            trans: [[0.0; NTAGS]; NTAGS],
            trans_u: [[0.0; NTAGS]; NTAGS],
            start: [0.0; NTAGS],
            start_u: [0.0; NTAGS],
            end: [0.0; NTAGS],
            end_u: [0.0; NTAGS],
            c: 1.0,
            history: false,
        }
    }
}

/// Deterministic xorshift RNG.
pub struct Rng(pub u64);

impl Rng {
    /// Next value.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

impl Perceptron {
    fn emission(&self, keys: &[u64]) -> [f32; NTAGS] {
        let mut s = [0.0; NTAGS];
        for k in keys {
            if let Some(&ix) = self.index.get(k) {
                let row = &self.w[ix];
                for t in 0..NTAGS {
                    s[t] += row[t];
                }
            }
        }
        s
    }

    fn update_feats(&mut self, keys: &[u64], tag: usize, delta: f32) {
        let c = self.c;
        for &k in keys {
            let next = self.w.len();
            let ix = *self.index.entry(k).or_insert(next);
            if ix == next {
                self.w.push([0.0; NTAGS]);
                self.u.push([0.0; NTAGS]);
            }
            self.w[ix][tag] += delta;
            self.u[ix][tag] += c * delta;
        }
    }

    /// One epoch over the documents in the given order; returns the token error count.
    pub fn epoch(&mut self, docs: &[Prepared], order: &[usize]) -> usize {
        let mut errors = 0;
        let mut em = Vec::new();
        let mut extra: Vec<Vec<u64>> = Vec::new();
        for &di in order {
            let d = &docs[di];
            let mut hist = rt::History::default();
            for &(a, b) in &d.segs {
                if a >= b {
                    continue;
                }
                em.clear();
                extra.resize(b - a, Vec::new());
                for i in a..b {
                    let mut row = self.emission(d.feats.of(i));
                    let x = &mut extra[i - a];
                    x.clear();
                    if self.history {
                        hist.keys(&d.feats, i, x);
                        let e = self.emission(x);
                        for t in 0..NTAGS {
                            row[t] += e[t];
                        }
                    }
                    em.push(row);
                }
                let pred = rt::viterbi(&em, &self.trans, &self.start, &self.end);
                let latent;
                let gold = match &d.allowed {
                    Some(allowed) => {
                        let masked: Vec<[f32; NTAGS]> = em
                            .iter()
                            .zip(&allowed[a..b])
                            .map(|(row, &ok)| {
                                let mut r = *row;
                                for (t, x) in r.iter_mut().enumerate() {
                                    if ok & 1 << t == 0 {
                                        *x = f32::NEG_INFINITY;
                                    }
                                }
                                r
                            })
                            .collect();
                        latent = rt::viterbi(&masked, &self.trans, &self.start, &self.end);
                        &latent[..]
                    }
                    None => &d.gold_tags[a..b],
                };
                if pred != gold {
                    let c = self.c;
                    for (k, (&p, &g)) in pred.iter().zip(gold).enumerate() {
                        if p != g {
                            errors += 1;
                            let keys = d.feats.of(a + k);
                            self.update_feats(keys, g, 1.0);
                            self.update_feats(keys, p, -1.0);
                            let x = std::mem::take(&mut extra[k]);
                            self.update_feats(&x, g, 1.0);
                            self.update_feats(&x, p, -1.0);
                            extra[k] = x;
                        }
                        if k > 0 {
                            let (pp, gp) = (pred[k - 1], gold[k - 1]);
                            if pp != gp || p != g {
                                self.trans[gp][g] += 1.0;
                                self.trans_u[gp][g] += c;
                                self.trans[pp][p] -= 1.0;
                                self.trans_u[pp][p] -= c;
                            }
                        }
                    }
                    let (p0, g0) = (pred[0], gold[0]);
                    if p0 != g0 {
                        self.start[g0] += 1.0;
                        self.start_u[g0] += c;
                        self.start[p0] -= 1.0;
                        self.start_u[p0] -= c;
                    }
                    let (pl, gl) = (pred[pred.len() - 1], gold[gold.len() - 1]);
                    if pl != gl {
                        self.end[gl] += 1.0;
                        self.end_u[gl] += c;
                        self.end[pl] -= 1.0;
                        self.end_u[pl] -= c;
                    }
                }
                if self.history {
                    hist.record(&d.feats, a, &pred);
                }
                self.c += 1.0;
            }
        }
        errors
    }

    /// Averaged transition, start and end scores.
    fn averaged_trans(&self) -> ([[f32; NTAGS]; NTAGS], [f32; NTAGS], [f32; NTAGS]) {
        let c = self.c;
        let avg = |w: f32, u: f32| w - u / c;
        let mut tr = [[0.0; NTAGS]; NTAGS];
        let mut st = [0.0; NTAGS];
        let mut en = [0.0; NTAGS];
        for (p, row) in tr.iter_mut().enumerate() {
            for (t, x) in row.iter_mut().enumerate() {
                *x = avg(self.trans[p][t], self.trans_u[p][t]);
            }
            st[p] = avg(self.start[p], self.start_u[p]);
            en[p] = avg(self.end[p], self.end_u[p]);
        }
        (tr, st, en)
    }

    /// The averaged model, pruning weights with `|w| <= prune`.
    pub fn averaged(&self, clusters: &Clusters, prune: f32) -> Model {
        let c = self.c;
        let avg = |w: f32, u: f32| w - u / c;
        let rows: Vec<[f32; NTAGS]> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| {
                let mut r = [0.0; NTAGS];
                for t in 0..NTAGS {
                    r[t] = avg(w[t], u[t]);
                }
                r
            })
            .collect();
        let mut keys: Vec<(u64, usize)> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        keys.sort_unstable();
        let dense = Dense {
            feats: keys.iter().map(|(k, ix)| (*k, &rows[*ix])).collect(),
        };
        let mut base = Model::empty(clusters.clone());
        for p in 0..NTAGS {
            for t in 0..NTAGS {
                base.trans[p][t] = avg(self.trans[p][t], self.trans_u[p][t]);
            }
            base.start[p] = avg(self.start[p], self.start_u[p]);
            base.end[p] = avg(self.end[p], self.end_u[p]);
        }
        Model::from_dense(dense, prune, base)
    }
}

/// Precision/recall counts per label.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Per label: (true positives, predicted, gold).
    pub per_label: HashMap<Label, (usize, usize, usize)>,
}

impl Score {
    /// Adds one document's predictions.
    pub fn add(&mut self, gold: &[(usize, usize, Label)], pred: &[(usize, usize, Label)]) {
        let g: std::collections::HashSet<_> = gold.iter().collect();
        for p in pred {
            let e = self.per_label.entry(p.2).or_default();
            e.1 += 1;
            if g.contains(p) {
                e.0 += 1;
            }
        }
        for x in gold {
            self.per_label.entry(x.2).or_default().2 += 1;
        }
    }
    /// Micro (P, R, F1) over all labels.
    pub fn micro(&self) -> (f64, f64, f64) {
        let (tp, p, g) = self
            .per_label
            .values()
            .fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
        prf(tp, p, g)
    }
    /// A printable report.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let mut labels: Vec<_> = self.per_label.keys().copied().collect();
        labels.sort();
        for l in labels {
            let v = self.per_label[&l];
            let (p, r, f) = prf(v.0, v.1, v.2);
            out.push_str(&format!(
                "{:>8} P {:.4} R {:.4} F1 {:.4} (gold {})\n",
                l.as_str(),
                p,
                r,
                f,
                v.2
            ));
        }
        let (p, r, f) = self.micro();
        out.push_str(&format!("   micro P {p:.4} R {r:.4} F1 {f:.4}\n"));
        out
    }
}

fn prf(tp: usize, p: usize, g: usize) -> (f64, f64, f64) {
    let pr = if p == 0 { 0.0 } else { tp as f64 / p as f64 };
    let rc = if g == 0 { 0.0 } else { tp as f64 / g as f64 };
    let f = if pr + rc == 0.0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    };
    (pr, rc, f)
}

/// Evaluates a model on documents (model labels only, exact character spans).
pub fn evaluate(model: Model, docs: &[Doc]) -> Score {
    let tagger = rt::tagger(model);
    evaluate_tagger(&tagger, docs)
}

/// Evaluates a tagger through `tag_text`, keeping only PER/ORG/LOC/MISC predictions.
pub fn evaluate_tagger(tagger: &EntityTagger, docs: &[Doc]) -> Score {
    let mut score = Score::default();
    for d in docs {
        let pred: Vec<(usize, usize, Label)> = tagger
            .tag_text(&d.text)
            .into_iter()
            .filter(|e| e.label.model_index().is_some())
            .filter(|e| d.has_misc || e.label != Label::Misc)
            .map(|e| (e.start, e.end, e.label))
            .collect();
        score.add(&d.gold, &pred);
    }
    score
}

/// Chooses the confidence temperature minimising the log-loss of "predicted entity is
/// correct" on `docs`.
pub fn calibrate(model: &Model, docs: &[Doc]) -> f32 {
    let mut best = (f64::INFINITY, 1.0f32);
    let mut t = 0.25f32;
    while t <= 64.0 {
        let mut m = model.clone();
        m.temperature = t;
        let tagger = rt::tagger(m);
        let mut loss = 0.0f64;
        let mut n = 0usize;
        for d in docs {
            let gold: std::collections::HashSet<_> = d.gold.iter().copied().collect();
            for e in tagger.tag_text(&d.text) {
                if e.label.model_index().is_none() {
                    continue;
                }
                let p = f64::from(e.score).clamp(1e-4, 1.0 - 1e-4);
                let ok = gold.contains(&(e.start, e.end, e.label));
                loss -= if ok { p.ln() } else { (1.0 - p).ln() };
                n += 1;
            }
        }
        let l = loss / n.max(1) as f64;
        if l < best.0 {
            best = (l, t);
        }
        t *= std::f32::consts::SQRT_2;
    }
    best.1
}

/// Learns hierarchical word clusters from a JSONL news corpus (`text` field): PPMI-weighted
/// left/right context vectors over the most frequent context words, randomly projected,
/// then split recursively by 2-means into bit paths (a Brown-cluster-like hierarchy).
/// Deterministic. `max_words` caps the vocabulary (most frequent word forms).
pub fn learn_clusters(jsonl: &str, max_words: usize) -> Clusters {
    learn_clusters_with(jsonl, max_words, 0)
}

/// As [`learn_clusters`], but with `classes > 0` the words are clustered by the exchange
/// algorithm (class-bigram likelihood, Brown-style) into that many classes, with a
/// hierarchy over the classes (see `exchange`), instead of the PPMI projection.
pub fn learn_clusters_with(jsonl: &str, max_words: usize, classes: usize) -> Clusters {
    const NCTX: usize = 1000;
    const DIM: usize = 128;
    const MIN_FREQ: u32 = 2;
    let mut docs_tokens: Vec<Vec<u32>> = Vec::new();
    let mut casing: HashMap<u64, (u32, u32)> = HashMap::new();
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut forms: Vec<String> = Vec::new();
    let mut freq: Vec<u32> = Vec::new();
    for text in crate::corpus::news_texts(jsonl) {
        let text = text.as_str();
        let toks = copydesk_tokenize::tokenize(text);
        count_casing(text, &toks, &mut casing);
        let mut ids = Vec::with_capacity(toks.len());
        for t in &toks {
            let w = t.text(text);
            let id = match vocab.get(w) {
                Some(&id) => id,
                None => {
                    let id = forms.len() as u32;
                    vocab.insert(w.to_owned(), id);
                    forms.push(w.to_owned());
                    freq.push(0);
                    id
                }
            };
            freq[id as usize] += 1;
            ids.push(id);
        }
        docs_tokens.push(ids);
    }
    // Context vocabulary: most frequent lower-cased forms.
    let mut lower_id: HashMap<String, u32> = HashMap::new();
    let mut lower_of: Vec<u32> = Vec::with_capacity(forms.len());
    let mut lower_freq: Vec<u64> = Vec::new();
    for (i, f) in forms.iter().enumerate() {
        let l = copydesk_tokenize::normalize(f).into_owned();
        let n = lower_id.len() as u32;
        let id = *lower_id.entry(l).or_insert(n);
        if id as usize == lower_freq.len() {
            lower_freq.push(0);
        }
        lower_freq[id as usize] += u64::from(freq[i]);
        lower_of.push(id);
    }
    let mut lorder: Vec<u32> = (0..lower_freq.len() as u32).collect();
    lorder.sort_by_key(|&i| (std::cmp::Reverse(lower_freq[i as usize]), i));
    let mut ctx_index = vec![u32::MAX; lower_freq.len()];
    for (r, &l) in lorder.iter().take(NCTX).enumerate() {
        ctx_index[l as usize] = r as u32;
    }
    // Target vocabulary: frequent forms.
    let mut order: Vec<u32> = (0..forms.len() as u32)
        .filter(|&i| freq[i as usize] >= MIN_FREQ)
        .collect();
    order.sort_by(|&a, &b| {
        freq[b as usize]
            .cmp(&freq[a as usize])
            .then_with(|| forms[a as usize].cmp(&forms[b as usize]))
    });
    order.truncate(max_words);
    let mut row_of = vec![u32::MAX; forms.len()];
    for (r, &w) in order.iter().enumerate() {
        row_of[w as usize] = r as u32;
    }
    let nw = order.len();
    if classes > 0 {
        let seqs: Vec<Vec<u32>> = docs_tokens
            .iter()
            .map(|ids| {
                ids.iter()
                    .map(|&w| row_of[w as usize].min(nw as u32))
                    .collect()
            })
            .collect();
        let paths = crate::exchange::cluster(&seqs, nw, classes, 20);
        let mut alt = rt::HashMap64::default();
        for (r, &w) in order.iter().enumerate() {
            alt.insert(rt::hash_str(&forms[w as usize]), paths[r]);
        }
        let mut c = learn_clusters_with(jsonl, max_words, 0);
        c.alt = alt;
        return c;
    }
    // Sparse co-occurrence counts: (row, ctx slot) with left slots [0, NCTX), right [NCTX, 2NCTX).
    let mut counts: HashMap<(u32, u32), f32> = HashMap::new();
    let bos = u32::MAX;
    for ids in &docs_tokens {
        for (k, &w) in ids.iter().enumerate() {
            let r = row_of[w as usize];
            if r == u32::MAX {
                continue;
            }
            let left = if k > 0 {
                lower_of[ids[k - 1] as usize]
            } else {
                bos
            };
            let right = ids.get(k + 1).map_or(bos, |&x| lower_of[x as usize]);
            if left != bos && ctx_index[left as usize] != u32::MAX {
                *counts.entry((r, ctx_index[left as usize])).or_default() += 1.0;
            }
            if right != bos && ctx_index[right as usize] != u32::MAX {
                *counts
                    .entry((r, NCTX as u32 + ctx_index[right as usize]))
                    .or_default() += 1.0;
            }
        }
    }
    // PPMI weights.
    let mut row_tot = vec![0f64; nw];
    let mut col_tot = vec![0f64; 2 * NCTX];
    let mut total = 0f64;
    for (&(r, c), &v) in &counts {
        row_tot[r as usize] += f64::from(v);
        col_tot[c as usize] += f64::from(v);
        total += f64::from(v);
    }
    // Random projection matrix (deterministic), ±1 entries.
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let proj: Vec<[f32; DIM]> = (0..2 * NCTX)
        .map(|_| {
            let mut r = [0f32; DIM];
            for x in r.iter_mut() {
                *x = if rng.next_u64() & 1 == 0 { 1.0 } else { -1.0 };
            }
            r
        })
        .collect();
    let mut vecs = vec![[0f32; DIM]; nw];
    let mut entries: Vec<(&(u32, u32), &f32)> = counts.iter().collect();
    entries.sort_unstable_by_key(|e| *e.0);
    for (&(r, c), &v) in entries {
        let pmi = ((f64::from(v) * total) / (row_tot[r as usize] * col_tot[c as usize])).ln();
        if pmi <= 0.0 {
            continue;
        }
        let p = &proj[c as usize];
        let row = &mut vecs[r as usize];
        for d in 0..DIM {
            row[d] += pmi as f32 * p[d];
        }
    }
    for v in &mut vecs {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        for x in v.iter_mut() {
            *x /= n;
        }
    }
    // Recursive bisection.
    let mut paths = vec![(0u32, 0u8); nw];
    let mut stack: Vec<(Vec<u32>, u32, u8)> = vec![((0..nw as u32).collect(), 0, 0)];
    while let Some((members, bits, depth)) = stack.pop() {
        if members.len() < 8 || depth >= 24 {
            for &m in &members {
                paths[m as usize] = (bits, depth);
            }
            continue;
        }
        // Seeds: the most frequent member and the member farthest from it.
        let a = members[0] as usize;
        let far = members
            .iter()
            .copied()
            .min_by(|&x, &y| {
                dot(&vecs[x as usize], &vecs[a]).total_cmp(&dot(&vecs[y as usize], &vecs[a]))
            })
            .unwrap_or(members[0]) as usize;
        let mut c0 = vecs[a];
        let mut c1 = vecs[far];
        let mut assign = vec![false; members.len()];
        for _ in 0..8 {
            let mut s0 = [0f32; DIM];
            let mut s1 = [0f32; DIM];
            for (k, &m) in members.iter().enumerate() {
                let v = &vecs[m as usize];
                let side = dot(v, &c1) > dot(v, &c0);
                assign[k] = side;
                let s = if side { &mut s1 } else { &mut s0 };
                for d in 0..DIM {
                    s[d] += v[d];
                }
            }
            c0 = s0;
            c1 = s1;
        }
        let (mut l, mut r) = (Vec::new(), Vec::new());
        for (k, &m) in members.iter().enumerate() {
            if assign[k] {
                r.push(m);
            } else {
                l.push(m);
            }
        }
        if l.is_empty() || r.is_empty() {
            for &m in &members {
                paths[m as usize] = (bits, depth);
            }
            continue;
        }
        stack.push((l, bits, depth + 1));
        stack.push((r, bits | (1 << depth), depth + 1));
    }
    finish_clusters(&order, &forms, &paths, casing)
}

/// The cluster table of the words `order` (indices into `forms`) with their `paths`, and
/// the casing codes of the counted words.
fn finish_clusters(
    order: &[u32],
    forms: &[String],
    paths: &[(u32, u8)],
    casing: HashMap<u64, (u32, u32)>,
) -> Clusters {
    let mut map = rt::HashMap64::default();
    map.reserve(order.len());
    for (r, &w) in order.iter().enumerate() {
        map.insert(rt::hash_str(&forms[w as usize]), paths[r]);
    }
    let casing = casing
        .into_iter()
        .filter(|(_, (c, l))| c + l >= 2)
        .map(|(k, (c, l))| (k, rt::casing_code(c, l)))
        .collect();
    Clusters {
        map,
        alt: Default::default(),
        casing,
        gazetteer: Gazetteer::default(),
        lists: Default::default(),
    }
}

/// Counts, per normalized word, mid-sentence occurrences starting with an upper-case
/// (`.0`) or a lower-case (`.1`) letter. A word is mid-sentence when it follows another
/// token on the same line that does not end a sentence or open a quote or bracket.
fn count_casing(text: &str, toks: &[Token], casing: &mut HashMap<u64, (u32, u32)>) {
    for (i, t) in toks.iter().enumerate() {
        if i == 0 || t.kind != copydesk_tokenize::TokenKind::Word {
            continue;
        }
        let prev = toks[i - 1];
        if text.get(prev.end..t.start).is_none_or(|g| g.contains('\n')) {
            continue;
        }
        let p = prev.text(text);
        if matches!(
            p,
            "." | "!"
                | "?"
                | ":"
                | "\""
                | "'"
                | "“"
                | "‘"
                | "("
                | "["
                | "-"
                | "--"
                | "—"
                | "–"
                | "``"
        ) {
            continue;
        }
        let w = t.text(text);
        let Some(c) = w.chars().next() else { continue };
        let e = casing
            .entry(rt::hash_str(&copydesk_tokenize::normalize(w)))
            .or_default();
        if c.is_uppercase() {
            e.0 += 1;
        } else if c.is_lowercase() {
            e.1 += 1;
        }
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Writes false positives / false negatives (with their text) for error analysis.
pub fn error_report(model: Model, docs: &[Doc]) -> String {
    error_report_tagger(&rt::tagger(model), docs)
}

/// As [`error_report`], for a tagger.
pub fn error_report_tagger(tagger: &EntityTagger, docs: &[Doc]) -> String {
    let mut out = String::new();
    for d in docs {
        let ents: Vec<_> = tagger
            .tag_text(&d.text)
            .into_iter()
            .filter(|e| e.label.is_model_label())
            .collect();
        let pred: Vec<(usize, usize, Label)> =
            ents.iter().map(|e| (e.start, e.end, e.label)).collect();
        let g: std::collections::HashSet<_> = d.gold.iter().copied().collect();
        let p: std::collections::HashSet<_> = pred.iter().copied().collect();
        let line = |x: &(usize, usize, Label)| {
            let a = d.text[..x.0].rfind('\n').map_or(0, |i| i + 1);
            let b = d.text[x.1..].find('\n').map_or(d.text.len(), |i| x.1 + i);
            d.text[a..b].to_owned()
        };
        for (x, e) in pred.iter().zip(&ents) {
            if !g.contains(x) {
                let (name, score) = (&d.text[x.0..x.1], e.score);
                out.push_str(&format!("FP {} {name:?} {score:.2}\t{}\n", x.2, line(x)));
            }
        }
        for x in &d.gold {
            if !p.contains(x) {
                let name = &d.text[x.0..x.1];
                out.push_str(&format!("FN {} {name:?}\t{}\n", x.2, line(x)));
            }
        }
    }
    out
}

impl Perceptron {
    /// Averaged dense rows of every feature, sorted by key.
    pub fn averaged_rows(&self) -> Vec<(u64, [f32; NTAGS])> {
        let c = self.c;
        let mut rows: Vec<(u64, [f32; NTAGS])> = self
            .index
            .iter()
            .map(|(k, &ix)| {
                let mut r = [0.0; NTAGS];
                for (t, x) in r.iter_mut().enumerate() {
                    *x = self.w[ix][t] - self.u[ix][t] / c;
                }
                (*k, r)
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    /// One stacking epoch: emissions are fixed first-pass scores plus this perceptron's
    /// consistency-feature weights; transitions come from `base`. Only feature weights learn.
    pub fn epoch_stacked(&mut self, items: &[Stacked], order: &[usize], base: &Model) -> usize {
        let mut errors = 0;
        for &di in order {
            let d = &items[di];
            for &(a, b) in &d.segs {
                if a >= b {
                    continue;
                }
                let em: Vec<[f32; NTAGS]> = (a..b)
                    .map(|i| {
                        let mut row = d.base_em[i];
                        let extra = self.emission(d.cons.of(i));
                        for t in 0..NTAGS {
                            row[t] += extra[t];
                        }
                        row
                    })
                    .collect();
                let pred = rt::viterbi(&em, &base.trans, &base.start, &base.end);
                let gold = &d.gold_tags[a..b];
                for (k, (&p, &g)) in pred.iter().zip(gold).enumerate() {
                    if p != g {
                        errors += 1;
                        let keys = d.cons.of(a + k);
                        self.update_feats(keys, g, 1.0);
                        self.update_feats(keys, p, -1.0);
                    }
                }
                self.c += 1.0;
            }
        }
        errors
    }
}

/// A document prepared for the stacking (second-pass) stage.
pub struct Stacked {
    segs: Vec<(usize, usize)>,
    base_em: Vec<[f32; NTAGS]>,
    cons: Features,
    gold_tags: Vec<usize>,
}

/// First-pass emissions and tags of `model` on `doc`, and its consistency features.
pub fn stack_item(model: &Model, doc: &Prepared) -> Stacked {
    let base_em: Vec<[f32; NTAGS]> = (0..doc.tokens.len())
        .map(|i| model.emission(doc.feats.of(i)))
        .collect();
    let mut tags_ = vec![rt::O; doc.tokens.len()];
    for &(a, b) in &doc.segs {
        if a < b {
            tags_[a..b].copy_from_slice(&model.viterbi(&base_em[a..b]));
        }
    }
    let cons = rt::consistency(&doc.feats, &tags_);
    Stacked {
        segs: doc.segs.clone(),
        base_em,
        cons,
        gold_tags: doc.gold_tags.clone(),
    }
}

/// One model whose weights are the mean of the averaged weights of `members` (perceptrons
/// trained on different shuffles), pruning mean weights with `|w| <= prune`.
pub fn ensemble(members: &[Perceptron], clusters: &Clusters, prune: f32) -> Model {
    let n = members.len().max(1) as f32;
    let mut acc: HashMap<u64, [f32; NTAGS]> = HashMap::new();
    let mut base = Model::empty(clusters.clone());
    for p in members {
        for (k, r) in p.averaged_rows() {
            let e = acc.entry(k).or_insert([0.0; NTAGS]);
            for t in 0..NTAGS {
                e[t] += r[t] / n;
            }
        }
        let (tr, st, en) = p.averaged_trans();
        for (a, row) in tr.iter().enumerate() {
            for (b, x) in row.iter().enumerate() {
                base.trans[a][b] += x / n;
            }
            base.start[a] += st[a] / n;
            base.end[a] += en[a] / n;
        }
    }
    let mut rows: Vec<(u64, [f32; NTAGS])> = acc.into_iter().collect();
    rows.sort_unstable_by_key(|r| r.0);
    let dense = Dense {
        feats: rows.iter().map(|(k, r)| (*k, r)).collect(),
    };
    Model::from_dense(dense, prune, base)
}

/// Trains a first-pass perceptron for `epochs` epochs over `docs[idx]`.
pub fn train_base(
    docs: &[Prepared],
    idx: &[usize],
    epochs: usize,
    seed: u64,
    history: bool,
) -> Perceptron {
    let mut p = Perceptron {
        history,
        ..Perceptron::default()
    };
    let mut rng = Rng(seed);
    let mut order = idx.to_vec();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        p.epoch(docs, &order);
    }
    p
}

/// Combines first-pass and stacking weights into one two-pass model.
pub fn combine(base: &Perceptron, stack: &Perceptron, clusters: &Clusters, prune: f32) -> Model {
    let mut m = base.averaged(clusters, prune);
    let mut rows = base.averaged_rows();
    rows.extend(stack.averaged_rows());
    let dense = Dense {
        feats: rows.iter().map(|(k, r)| (*k, r)).collect(),
    };
    let mut shell = Model::empty(clusters.clone());
    shell.trans = m.trans;
    shell.start = m.start;
    shell.end = m.end;
    m = Model::from_dense(dense, prune, shell);
    m.two_pass = true;
    m
}
