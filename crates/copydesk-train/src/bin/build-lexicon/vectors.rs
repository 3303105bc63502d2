//! Word vectors learned from unlabelled news: a PPMI co-occurrence matrix over the most
//! frequent words (symmetric window), factorised by a randomized truncated SVD. Everything
//! is deterministic (fixed-seed generator, sorted vocabulary ties, single thread).

use std::collections::HashMap;

use copydesk_tokenize::TokenKind;

/// Corpus statistics and the token stream, over a frequency-ranked vocabulary.
pub struct Corpus {
    /// Vocabulary, most frequent first.
    pub words: Vec<String>,
    /// Occurrences of each vocabulary word.
    pub count: Vec<u64>,
    /// Occurrences written lower-case (not at a sentence start).
    pub lower: Vec<u32>,
    /// Occurrences written with a capital (not at a sentence start, not in capitals).
    pub capital: Vec<u32>,
    /// Token stream: vocabulary ids, [`OOV`] for other words, [`BREAK`] between documents.
    stream: Vec<u32>,
}

/// A word outside the vocabulary (keeps its position in windows).
const OOV: u32 = u32::MAX;
/// A document boundary (windows do not cross it).
const BREAK: u32 = u32::MAX - 1;

/// A lower-case alphabetic word (letters, inner hyphens and apostrophes) or `None`.
fn word_key(w: &str) -> Option<String> {
    let ok = w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    ok.then(|| copydesk_tokenize::normalize(w).into_owned())
}

impl Corpus {
    /// Reads a JSONL news corpus (one article per line, field `text`), keeping the `size`
    /// most frequent words (at least `min_count` occurrences) as the vocabulary.
    pub fn read(jsonl: &str, size: usize, min_count: u64) -> Corpus {
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut count: Vec<u64> = Vec::new();
        let mut lower: Vec<u32> = Vec::new();
        let mut capital: Vec<u32> = Vec::new();
        let mut stream: Vec<u32> = Vec::new();
        for text in copydesk_train::corpus::news_texts(jsonl) {
            // Line breaks and tabs as spaces, as this reader always read them.
            let text = text.replace(['\n', '\r', '\t'], " ");
            let mut sentence_start = true;
            for t in copydesk_tokenize::tokenize(&text) {
                let w = t.text(&text);
                if t.kind != TokenKind::Word {
                    if t.kind == TokenKind::Punct {
                        sentence_start = matches!(w, "." | "!" | "?" | "\"");
                    }
                    if t.kind == TokenKind::Number {
                        stream.push(OOV);
                    }
                    continue;
                }
                let Some(key) = word_key(w) else {
                    stream.push(OOV);
                    sentence_start = false;
                    continue;
                };
                let id = *index.entry(key).or_insert_with_key(|k| {
                    words.push(k.clone());
                    count.push(0);
                    lower.push(0);
                    capital.push(0);
                    (words.len() - 1) as u32
                }) as usize;
                count[id] += 1;
                if !sentence_start {
                    let caps = w
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                    if w.starts_with(char::is_uppercase) && !caps {
                        capital[id] += 1;
                    } else if !caps {
                        lower[id] += 1;
                    }
                }
                sentence_start = false;
                stream.push(id as u32);
            }
            stream.push(BREAK);
        }
        // Rank by frequency (ties alphabetically), keep the top `size`.
        let mut order: Vec<usize> = (0..words.len())
            .filter(|&i| count[i] >= min_count)
            .collect();
        order.sort_by(|&a, &b| {
            count[b]
                .cmp(&count[a])
                .then_with(|| words[a].cmp(&words[b]))
        });
        order.truncate(size);
        let mut remap = vec![OOV; words.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old] = new as u32;
        }
        for s in &mut stream {
            if *s != BREAK && *s != OOV {
                *s = remap[*s as usize];
            }
        }
        Corpus {
            words: order.iter().map(|&i| words[i].clone()).collect(),
            count: order.iter().map(|&i| count[i]).collect(),
            lower: order.iter().map(|&i| lower[i]).collect(),
            capital: order.iter().map(|&i| capital[i]).collect(),
            stream,
        }
    }

    /// The symmetric co-occurrence counts within ±`window` words, as a PPMI matrix
    /// (context counts smoothed by the power 0.75).
    pub fn ppmi(&self, window: usize) -> Csr {
        let n = self.words.len();
        let mut pairs: Vec<u64> = Vec::new();
        for i in 0..self.stream.len() {
            let a = self.stream[i];
            if a == BREAK {
                continue;
            }
            for d in 1..=window {
                let Some(&b) = self.stream.get(i + d) else {
                    break;
                };
                if b == BREAK {
                    break;
                }
                if a != OOV && b != OOV {
                    pairs.push(u64::from(a) << 32 | u64::from(b));
                    pairs.push(u64::from(b) << 32 | u64::from(a));
                }
            }
        }
        pairs.sort_unstable();
        let mut rows = vec![0u32; n + 1];
        let mut cols: Vec<u32> = Vec::new();
        let mut vals: Vec<f32> = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let key = pairs[i];
            let mut j = i;
            while j < pairs.len() && pairs[j] == key {
                j += 1;
            }
            rows[(key >> 32) as usize + 1] += 1;
            cols.push(key as u32);
            vals.push((j - i) as f32);
            i = j;
        }
        drop(pairs);
        for r in 0..n {
            rows[r + 1] += rows[r];
        }
        let mut row_sum = vec![0f64; n];
        let mut col_sum = vec![0f64; n];
        for r in 0..n {
            for k in rows[r] as usize..rows[r + 1] as usize {
                row_sum[r] += f64::from(vals[k]);
                col_sum[cols[k] as usize] += f64::from(vals[k]);
            }
        }
        let total: f64 = row_sum.iter().sum();
        let col_smooth: Vec<f64> = col_sum.iter().map(|c| c.powf(0.75)).collect();
        let smooth_total: f64 = col_smooth.iter().sum();
        let mut out = Csr {
            n,
            rows: vec![0],
            cols: Vec::new(),
            vals: Vec::new(),
        };
        for r in 0..n {
            for k in rows[r] as usize..rows[r + 1] as usize {
                let c = cols[k] as usize;
                let p = (f64::from(vals[k]) / total)
                    / ((row_sum[r] / total) * (col_smooth[c] / smooth_total));
                let pmi = p.ln();
                if pmi > 0.0 {
                    out.cols.push(c as u32);
                    out.vals.push(pmi as f32);
                }
            }
            out.rows.push(out.cols.len() as u32);
        }
        out
    }
}

/// A square sparse matrix in compressed-row form.
pub struct Csr {
    n: usize,
    rows: Vec<u32>,
    cols: Vec<u32>,
    vals: Vec<f32>,
}

/// A dense row-major matrix.
#[derive(Clone)]
pub struct Dense {
    /// Rows.
    pub r: usize,
    /// Columns.
    pub c: usize,
    /// Row-major values.
    pub v: Vec<f64>,
}

impl Dense {
    fn zeros(r: usize, c: usize) -> Dense {
        Dense {
            r,
            c,
            v: vec![0.0; r * c],
        }
    }

    /// Row `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.v[i * self.c..(i + 1) * self.c]
    }
}

impl Csr {
    /// Non-zero entries.
    pub fn nnz(&self) -> usize {
        self.vals.len()
    }

    /// `self · x`.
    fn mul(&self, x: &Dense) -> Dense {
        let mut y = Dense::zeros(self.n, x.c);
        for r in 0..self.n {
            let out = &mut y.v[r * x.c..(r + 1) * x.c];
            for k in self.rows[r] as usize..self.rows[r + 1] as usize {
                let a = f64::from(self.vals[k]);
                for (o, xv) in out.iter_mut().zip(x.row(self.cols[k] as usize)) {
                    *o += a * xv;
                }
            }
        }
        y
    }

    /// `selfᵀ · x`.
    fn mul_t(&self, x: &Dense) -> Dense {
        let mut y = Dense::zeros(self.n, x.c);
        for r in 0..self.n {
            let xr = &x.v[r * x.c..(r + 1) * x.c];
            for k in self.rows[r] as usize..self.rows[r + 1] as usize {
                let a = f64::from(self.vals[k]);
                let c = self.cols[k] as usize;
                for (o, xv) in y.v[c * x.c..(c + 1) * x.c].iter_mut().zip(xr) {
                    *o += a * xv;
                }
            }
        }
        y
    }
}

/// splitmix64: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let x = self.0;
        let x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        let x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }

    /// A standard normal draw (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = ((self.next() >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
        let u2 = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// Orthonormalises the columns of `a` in place (modified Gram–Schmidt, twice).
fn orthonormalise(a: &mut Dense) {
    let (r, c) = (a.r, a.c);
    // Work column-major for cache-friendly column operations.
    let mut cols: Vec<Vec<f64>> = (0..c)
        .map(|j| (0..r).map(|i| a.v[i * c + j]).collect())
        .collect();
    for _ in 0..2 {
        for j in 0..c {
            let (done, rest) = cols.split_at_mut(j);
            let col = &mut rest[0];
            for q in done.iter() {
                let d: f64 = q.iter().zip(col.iter()).map(|(x, y)| x * y).sum();
                col.iter_mut().zip(q).for_each(|(y, x)| *y -= d * x);
            }
            let norm = col.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 1e-12 {
                col.iter_mut().for_each(|y| *y /= norm);
            }
        }
    }
    for (j, col) in cols.iter().enumerate() {
        for (i, x) in col.iter().enumerate() {
            a.v[i * c + j] = *x;
        }
    }
}

/// Eigen-decomposition of a small symmetric matrix (cyclic Jacobi). Returns eigenvalues
/// and eigenvectors (as columns of a row-major matrix), sorted by decreasing eigenvalue.
fn jacobi_eigen(mut a: Dense) -> (Vec<f64>, Dense) {
    let n = a.r;
    let mut v = Dense::zeros(n, n);
    for i in 0..n {
        v.v[i * n + i] = 1.0;
    }
    for _sweep in 0..50 {
        let mut off = 0.0;
        for p in 0..n {
            for q in p + 1..n {
                off += a.v[p * n + q] * a.v[p * n + q];
            }
        }
        if off < 1e-22 {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a.v[p * n + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a.v[q * n + q] - a.v[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let cs = 1.0 / (t * t + 1.0).sqrt();
                let sn = t * cs;
                for k in 0..n {
                    let (akp, akq) = (a.v[k * n + p], a.v[k * n + q]);
                    a.v[k * n + p] = cs * akp - sn * akq;
                    a.v[k * n + q] = sn * akp + cs * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a.v[p * n + k], a.v[q * n + k]);
                    a.v[p * n + k] = cs * apk - sn * aqk;
                    a.v[q * n + k] = sn * apk + cs * aqk;
                }
                for k in 0..n {
                    let (vkp, vkq) = (v.v[k * n + p], v.v[k * n + q]);
                    v.v[k * n + p] = cs * vkp - sn * vkq;
                    v.v[k * n + q] = sn * vkp + cs * vkq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| a.v[y * n + y].total_cmp(&a.v[x * n + x]));
    let vals = order.iter().map(|&i| a.v[i * n + i]).collect();
    let mut vecs = Dense::zeros(n, n);
    for (j, &o) in order.iter().enumerate() {
        for k in 0..n {
            vecs.v[k * n + j] = v.v[k * n + o];
        }
    }
    (vals, vecs)
}

/// Word vectors: the top `dims` left singular vectors of `m`, scaled by the square roots
/// of their singular values, each row normalised to unit length. Randomized SVD with
/// `oversample` extra columns and `power` power iterations.
pub fn embed(m: &Csr, dims: usize, oversample: usize, power: usize, seed: u64) -> Dense {
    let l = dims + oversample;
    let mut rng = Rng(seed);
    let mut omega = Dense::zeros(m.n, l);
    omega.v.iter_mut().for_each(|x| *x = rng.normal());
    let mut y = m.mul(&omega);
    orthonormalise(&mut y);
    for _ in 0..power {
        let mut z = m.mul_t(&y);
        orthonormalise(&mut z);
        y = m.mul(&z);
        orthonormalise(&mut y);
    }
    // B = Qᵀ M (l × n); B Bᵀ = Qᵀ M Mᵀ Q, with Mᵀ Q = (n × l).
    let bt = m.mul_t(&y);
    let mut bbt = Dense::zeros(l, l);
    for i in 0..m.n {
        let row = bt.row(i);
        for (a, &ra) in row.iter().enumerate() {
            if ra == 0.0 {
                continue;
            }
            for (o, &rb) in bbt.v[a * l..(a + 1) * l].iter_mut().zip(row) {
                *o += ra * rb;
            }
        }
    }
    let (eig, ub) = jacobi_eigen(bbt);
    // U = Q · U_B; singular values sqrt(eig); vectors U · S^0.5.
    let mut out = Dense::zeros(m.n, dims);
    for i in 0..m.n {
        let q = y.row(i);
        for (j, e) in eig.iter().enumerate().take(dims) {
            let s: f64 = q
                .iter()
                .enumerate()
                .map(|(k, qk)| qk * ub.v[k * l + j])
                .sum();
            out.v[i * dims + j] = s * e.max(0.0).sqrt().sqrt();
        }
        let row = &mut out.v[i * dims..(i + 1) * dims];
        let norm = row.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            row.iter_mut().for_each(|x| *x /= norm);
        }
    }
    out
}
