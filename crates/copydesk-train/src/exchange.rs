//! Exchange word clustering (feature `train`): the class-bigram likelihood clustering of
//! Brown et al. (1992) optimised by exchange moves (Kneser & Ney 1993; Martin, Liermann &
//! Ney 1998), then a hierarchy over the classes by recursive 2-means on their class-bigram
//! profiles, giving Brown-cluster-like bit paths.
//!
//! Deterministic: words are visited in frequency order, ties go to the lowest class.

/// `x ln x` for integer counts, tabulated.
struct XLogX(Vec<f64>);

impl XLogX {
    fn new(max: usize) -> Self {
        XLogX(
            (0..=max)
                .map(|x| {
                    let x = x as f64;
                    if x > 0.0 {
                        x * x.ln()
                    } else {
                        0.0
                    }
                })
                .collect(),
        )
    }

    #[inline]
    fn f(&self, x: i64) -> f64 {
        self.0[x as usize]
    }
}

/// Sparse neighbour lists: `ptr[w]..ptr[w + 1]` indexes `(word, count)` pairs.
struct Adjacency {
    ptr: Vec<usize>,
    items: Vec<(u32, u32)>,
}

impl Adjacency {
    /// From sorted `(a, b)` keys packed as `a * n + b` (with counts), grouped by `a`.
    fn build(mut keys: Vec<u64>, n: usize) -> Self {
        keys.sort_unstable();
        let mut ptr = vec![0usize; n + 1];
        let mut items: Vec<(u32, u32)> = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            let k = keys[i];
            let mut j = i;
            while j < keys.len() && keys[j] == k {
                j += 1;
            }
            let a = (k / n as u64) as usize;
            let b = (k % n as u64) as u32;
            items.push((b, (j - i) as u32));
            ptr[a + 1] += 1;
            i = j;
        }
        for w in 0..n {
            ptr[w + 1] += ptr[w];
        }
        Adjacency { ptr, items }
    }

    fn of(&self, w: usize) -> &[(u32, u32)] {
        &self.items[self.ptr[w]..self.ptr[w + 1]]
    }
}

/// Clusters words `0..nw` (ids in frequency order, most frequent first) of the token
/// sequences `seqs` into `classes` classes; id `nw` stands for every other token and for
/// document boundaries and sits in a class of its own. Returns, per word, its bit path
/// (`bits` read from the least significant bit, `len` bits long).
pub(crate) fn cluster(
    seqs: &[Vec<u32>],
    nw: usize,
    classes: usize,
    passes: usize,
) -> Vec<(u32, u8)> {
    let n = nw + 1;
    let other = nw as u32;
    let mut right_keys: Vec<u64> = Vec::new();
    let mut left_keys: Vec<u64> = Vec::new();
    for s in seqs {
        let mut prev = other;
        for &w in s.iter().chain(std::iter::once(&other)) {
            right_keys.push(u64::from(prev) * n as u64 + u64::from(w));
            left_keys.push(u64::from(w) * n as u64 + u64::from(prev));
            prev = w;
        }
    }
    let total = right_keys.len();
    let right = Adjacency::build(right_keys, n);
    let left = Adjacency::build(left_keys, n);
    let xl = XLogX::new(total + 1);
    let k = classes + 1;
    // Initial classes: round-robin over the frequency order.
    let mut cls: Vec<usize> = (0..n).map(|w| w % classes).collect();
    cls[nw] = classes;
    let mut b = vec![0i64; k * k];
    let mut bt = vec![0i64; k * k];
    let mut row = vec![0i64; k];
    let mut col = vec![0i64; k];
    for w in 0..n {
        for &(v, c) in right.of(w) {
            let (x, y) = (cls[w], cls[v as usize]);
            b[x * k + y] += i64::from(c);
            bt[y * k + x] += i64::from(c);
            row[x] += i64::from(c);
            col[y] += i64::from(c);
        }
    }
    let mut r = vec![0i64; k];
    let mut l = vec![0i64; k];
    let mut tr: Vec<usize> = Vec::new();
    let mut tl: Vec<usize> = Vec::new();
    for _pass in 0..passes {
        let mut moved = 0usize;
        for w in 0..nw {
            let a = cls[w];
            let (mut s, mut rw, mut cw) = (0i64, 0i64, 0i64);
            for &(v, c) in right.of(w) {
                let c = i64::from(c);
                rw += c;
                if v as usize == w {
                    s += c;
                } else {
                    let x = cls[v as usize];
                    if r[x] == 0 {
                        tr.push(x);
                    }
                    r[x] += c;
                }
            }
            for &(v, c) in left.of(w) {
                let c = i64::from(c);
                cw += c;
                if v as usize != w {
                    let x = cls[v as usize];
                    if l[x] == 0 {
                        tl.push(x);
                    }
                    l[x] += c;
                }
            }
            let apply = |cl: usize,
                         sign: i64,
                         b: &mut [i64],
                         bt: &mut [i64],
                         row: &mut [i64],
                         col: &mut [i64]| {
                for &x in &tr {
                    b[cl * k + x] += sign * r[x];
                    bt[x * k + cl] += sign * r[x];
                }
                for &x in &tl {
                    b[x * k + cl] += sign * l[x];
                    bt[cl * k + x] += sign * l[x];
                }
                b[cl * k + cl] += sign * s;
                bt[cl * k + cl] += sign * s;
                row[cl] += sign * rw;
                col[cl] += sign * cw;
            };
            apply(a, -1, &mut b, &mut bt, &mut row, &mut col);
            let gain = |c: usize| -> f64 {
                let br = &b[c * k..(c + 1) * k];
                let bc = &bt[c * k..(c + 1) * k];
                let mut d = 0.0;
                for &x in &tr {
                    if x != c {
                        d += xl.f(br[x] + r[x]) - xl.f(br[x]);
                    }
                }
                for &x in &tl {
                    if x != c {
                        d += xl.f(bc[x] + l[x]) - xl.f(bc[x]);
                    }
                }
                let self_add = r[c] + l[c] + s;
                d += xl.f(br[c] + self_add) - xl.f(br[c]);
                d -= xl.f(row[c] + rw) - xl.f(row[c]);
                d -= xl.f(col[c] + cw) - xl.f(col[c]);
                d
            };
            let mut best = (gain(a), a);
            for c in 0..classes {
                if c != a {
                    let g = gain(c);
                    if g > best.0 + 1e-9 {
                        best = (g, c);
                    }
                }
            }
            let to = best.1;
            apply(to, 1, &mut b, &mut bt, &mut row, &mut col);
            if to != a {
                cls[w] = to;
                moved += 1;
            }
            for &x in &tr {
                r[x] = 0;
            }
            for &x in &tl {
                l[x] = 0;
            }
            tr.clear();
            tl.clear();
        }
        if moved * 1000 < nw {
            break;
        }
    }
    let class_paths = hierarchy(&b, &row, &col, classes, k);
    (0..nw).map(|w| class_paths[cls[w]]).collect()
}

/// Bit paths of the classes: recursive 2-means over the classes' (square-rooted, unit
/// length) right- and left-neighbour class distributions.
fn hierarchy(b: &[i64], row: &[i64], col: &[i64], classes: usize, k: usize) -> Vec<(u32, u8)> {
    let dim = 2 * k;
    let vecs: Vec<Vec<f64>> = (0..classes)
        .map(|c| {
            let mut v = vec![0f64; dim];
            for x in 0..k {
                v[x] = (b[c * k + x] as f64 / row[c].max(1) as f64).sqrt();
                v[k + x] = (b[x * k + c] as f64 / col[c].max(1) as f64).sqrt();
            }
            let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
            v.iter_mut().for_each(|x| *x /= norm);
            v
        })
        .collect();
    let weight: Vec<f64> = (0..classes).map(|c| row[c] as f64).collect();
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let mut paths = vec![(0u32, 0u8); classes];
    let mut stack: Vec<(Vec<usize>, u32, u8)> = vec![((0..classes).collect(), 0, 0)];
    while let Some((members, bits, depth)) = stack.pop() {
        if members.len() < 2 || depth >= 24 {
            for &m in &members {
                paths[m] = (bits, depth);
            }
            continue;
        }
        // Seeds: the heaviest member and the member least similar to it.
        let a = *members
            .iter()
            .max_by(|&&x, &&y| weight[x].total_cmp(&weight[y]).then(y.cmp(&x)))
            .unwrap_or(&members[0]);
        let far = *members
            .iter()
            .min_by(|&&x, &&y| dot(&vecs[x], &vecs[a]).total_cmp(&dot(&vecs[y], &vecs[a])))
            .unwrap_or(&members[0]);
        let mut c0 = vecs[a].clone();
        let mut c1 = vecs[far].clone();
        let mut side = vec![false; members.len()];
        for _ in 0..10 {
            let mut s0 = vec![0f64; dim];
            let mut s1 = vec![0f64; dim];
            for (j, &m) in members.iter().enumerate() {
                let v = &vecs[m];
                side[j] = if m == a {
                    false
                } else if m == far {
                    true
                } else {
                    dot(v, &c1) > dot(v, &c0)
                };
                let s = if side[j] { &mut s1 } else { &mut s0 };
                for (d, x) in v.iter().enumerate() {
                    s[d] += x * weight[m].sqrt();
                }
            }
            c0 = s0;
            c1 = s1;
        }
        let (mut lo, mut hi) = (Vec::new(), Vec::new());
        for (j, &m) in members.iter().enumerate() {
            if side[j] {
                hi.push(m);
            } else {
                lo.push(m);
            }
        }
        if lo.is_empty() || hi.is_empty() {
            for &m in &members {
                paths[m] = (bits, depth);
            }
            continue;
        }
        stack.push((lo, bits, depth + 1));
        stack.push((hi, bits | (1 << depth), depth + 1));
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_two_word_families() {
        // Words 0, 1 follow "the"-like word 4; words 2, 3 follow word 5.
        let mut seqs = Vec::new();
        for i in 0..50u32 {
            seqs.push(vec![4, i % 2, 5, 2 + i % 2, 6]);
        }
        let p = cluster(&seqs, 7, 4, 10);
        assert_eq!(p[0], p[1]);
        assert_eq!(p[2], p[3]);
        assert_ne!(p[0], p[2]);
    }
}
