//! The linear model: sparse feature weights, transitions, constrained Viterbi, marginals,
//! and the compact binary format.

use crate::clusters::Clusters;
use crate::tags::{allowed, can_end, can_start, NTAGS};
use crate::Error;

const MAGIC: &[u8; 6] = b"CDNER\0";
const VERSION: u16 = 5;
/// The previous format (no name lists), still readable.
const VERSION_4: u16 = 4;
/// The format before it (no second clustering), still readable.
const VERSION_3: u16 = 3;
/// The format before it (no casing statistics, no gazetteer), still readable.
const VERSION_2: u16 = 2;

/// A trained tagger model (public only for the training binary).
#[derive(Clone, Debug)]
pub struct Model {
    /// Open-addressing table of features (fingerprint 0 = empty slot), weights inline.
    slots: Vec<Slot>,
    /// Identifies the feature table: a fresh number each time it is filled, so a cache of
    /// sums over it (`crate::own_sums`) can tell tables apart.
    table_id: u64,
    /// Number of stored features.
    n: usize,
    /// Keys of the stored features (for serialization; not used when tagging).
    keys: Vec<u64>,
    /// Weight quantisation step.
    scale: f32,
    /// A one-hash Bloom filter over stored keys (256 KB, stays in cache): most features of
    /// unseen words are rejected without touching the table.
    filter: Vec<u64>,
    /// Transition scores `trans[prev][cur]`, start and end scores.
    pub trans: [[f32; NTAGS]; NTAGS],
    /// Start scores.
    pub start: [f32; NTAGS],
    /// End scores.
    pub end: [f32; NTAGS],
    /// Softmax temperature for confidences.
    pub temperature: f32,
    /// Whether a second decoding pass adds document-consistency features.
    pub two_pass: bool,
    /// Whether segments are decoded in order with prediction-history features.
    pub history: bool,
    pub(crate) clusters: Clusters,
}

/// One feature: a 32-bit fingerprint of its key (the slot index supplies the low bits;
/// 0 = empty), the bit mask of tags with a stored weight, and the i16 weights of all tags
/// (0 outside the mask). Storing every tag's weight in the slot makes a lookup one cache
/// access and the accumulation a fixed-width, branch-free add (most features of the
/// ensemble model carry weights for more than half of the tags anyway).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
struct Slot {
    fp: u32,
    mask: u32,
    w: [i16; NTAGS],
}

/// Bloom filter size in 64-bit words (2^21 bits, 256 KB: about 7 bits per feature of the
/// 301k-feature model).
const FILTER_WORDS: usize = 1 << 15;

fn filter_bit(key: u64) -> (usize, u64) {
    let b = (key >> 40) as usize & (FILTER_WORDS * 64 - 1);
    (b >> 6, 1u64 << (b & 63))
}

/// A number no feature table has had before (never 0).
fn next_table_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

impl Slot {
    /// The stored (masked) weights, in tag order.
    fn weights(&self) -> Vec<i16> {
        (0..NTAGS)
            .filter(|&t| self.mask & 1 << t != 0)
            .map(|t| self.w[t])
            .collect()
    }
}
/// Dense weights as produced by training, for [`Model::from_dense`].
pub struct Dense<'a> {
    /// (feature key, weight row) pairs.
    pub feats: Vec<(u64, &'a [f32; NTAGS])>,
}

impl Model {
    /// An empty model (all scores zero).
    pub fn empty(clusters: Clusters) -> Self {
        Model {
            slots: vec![Slot::default(); 2],
            table_id: 0,
            n: 0,
            keys: Vec::new(),
            scale: 1.0,
            filter: vec![0; FILTER_WORDS],
            trans: [[0.0; NTAGS]; NTAGS],
            start: [0.0; NTAGS],
            end: [0.0; NTAGS],
            temperature: 1.0,
            two_pass: false,
            history: false,
            clusters,
        }
    }

    /// Builds a model from dense feature rows, dropping weights with `|w| <= prune`.
    pub fn from_dense(dense: Dense<'_>, prune: f32, mut base: Model) -> Model {
        let mut entries: Vec<(u64, u32, Vec<f32>)> = Vec::new();
        for (key, row) in dense.feats {
            let mut mask = 0u32;
            let mut ws = Vec::new();
            for (t, &w) in row.iter().enumerate() {
                if w.abs() > prune {
                    mask |= 1 << t;
                    ws.push(w);
                }
            }
            if mask != 0 {
                entries.push((key, mask, ws));
            }
        }
        entries.sort_by_key(|e| e.0);
        let maxw = entries
            .iter()
            .flat_map(|e| e.2.iter())
            .fold(0f32, |a, &w| a.max(w.abs()))
            .max(1e-9);
        let scale = maxw / 32767.0;
        let q = entries
            .into_iter()
            .map(|(k, m, ws)| {
                let mut row = [0i16; NTAGS];
                let tags = (0..NTAGS).filter(|&t| m & 1 << t != 0);
                for (t, w) in tags.zip(ws) {
                    row[t] = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                }
                (k, m, row)
            })
            .collect();
        base.set_entries(q, scale);
        base
    }

    /// Fills the feature table from `(key, tag mask, weights by tag)` rows (weights outside
    /// the mask are 0).
    fn set_entries(&mut self, entries: Vec<(u64, u32, [i16; NTAGS])>, scale: f32) {
        let cap = (entries.len() * 8 / 5 + 1).next_power_of_two().max(2);
        self.slots = vec![Slot::default(); cap];
        self.keys = Vec::with_capacity(entries.len());
        self.scale = scale;
        self.table_id = next_table_id();
        self.filter = vec![0; FILTER_WORDS];
        self.n = 0;
        let m = cap - 1;
        for (key, mask, w) in entries {
            let fp = fingerprint(key);
            let mut h = key as usize & m;
            while self.slots[h].fp != 0 && self.slots[h].fp != fp {
                h = (h + 1) & m;
            }
            if self.slots[h].fp == fp || mask == 0 {
                continue;
            }
            self.slots[h] = Slot { fp, mask, w };
            let (wi, bit) = filter_bit(key);
            self.filter[wi] |= bit;
            self.keys.push(key);
            self.n += 1;
        }
    }

    /// A copy that keeps only the weights with `|w| > t` quantisation steps, and only the
    /// features left with a weight (a smaller, faster table; used by the training tools).
    pub fn pruned(&self, t: i16) -> Model {
        let mut out = self.clone();
        let entries = self
            .keys
            .iter()
            .filter_map(|&key| {
                let h = self.slot_of(key)?;
                let slot = &self.slots[h];
                let mut row = [0i16; NTAGS];
                let mut mask = 0u32;
                for (tag, &w) in slot.w.iter().enumerate() {
                    if slot.mask & 1 << tag != 0 && w.unsigned_abs() > t.unsigned_abs() {
                        row[tag] = w;
                        mask |= 1 << tag;
                    }
                }
                (mask != 0).then_some((key, mask, row))
            })
            .collect();
        out.set_entries(entries, self.scale);
        out
    }

    /// Number of stored features.
    pub fn n_features(&self) -> usize {
        self.n
    }

    /// Adds the quantised weights of the features `keys` to `acc`. Integer sums are exact,
    /// so neither the order of additions nor the batching can change a score.
    ///
    /// Keys are handled in small batches, in passes that keep the table's cache misses
    /// overlapping instead of queueing behind one another: (1) the Bloom filter drops
    /// most absent keys without a branch, (2) the home slots of the survivors are looked
    /// at (independent loads), (3) the matching slots' weight rows are added; the few keys
    /// whose home slot holds another feature walk their collision chain.
    fn accumulate(&self, keys: &[u64], acc: &mut [i32; NTAGS]) {
        // Short key lists (history and consistency features) use small batch buffers:
        // zeroing the large ones would cost more than the lookups.
        if keys.len() <= 8 {
            self.accumulate_in::<8>(keys, acc);
        } else {
            self.accumulate_in::<64>(keys, acc);
        }
    }

    /// [`Model::accumulate`] in batches of `BATCH` keys.
    fn accumulate_in<const BATCH: usize>(&self, keys: &[u64], acc: &mut [i32; NTAGS]) {
        let m = self.slots.len() - 1;
        let mut cand = [0u64; BATCH];
        let mut found = [0usize; BATCH];
        for chunk in keys.chunks(BATCH) {
            let mut n = 0;
            for &key in chunk {
                let (wi, bit) = filter_bit(key);
                cand[n] = key;
                n += usize::from(self.filter[wi] & bit != 0);
            }
            // Touch the home slots (and the next, where a collision chain goes on) first:
            // these loads depend on nothing and nothing branches on them, so their cache
            // misses all overlap; the pass below then finds the slots in cache and its
            // mispredicted branches cost little.
            let mut touched = 0u32;
            for &key in &cand[..n] {
                let h = key as usize & m;
                touched |= self.slots[h].fp | self.slots[(h + 1) & m].fp;
            }
            std::hint::black_box(touched);
            let mut hits = 0;
            for &key in &cand[..n] {
                let h = key as usize & m;
                let fp = fingerprint(key);
                let home = self.slots[h].fp;
                if home == fp {
                    found[hits] = h;
                    hits += 1;
                } else if home != 0 {
                    if let Some(h) = self.probe(h, fp) {
                        found[hits] = h;
                        hits += 1;
                    }
                }
            }
            for &h in &found[..hits] {
                let w = &self.slots[h].w;
                for (a, &x) in acc.iter_mut().zip(w) {
                    *a += i32::from(x);
                }
            }
        }
    }

    /// Walks the collision chain after the (occupied, non-matching) slot `h`: the slot
    /// holding fingerprint `fp`, if any.
    fn probe(&self, mut h: usize, fp: u32) -> Option<usize> {
        let m = self.slots.len() - 1;
        loop {
            h = (h + 1) & m;
            match self.slots[h].fp {
                f if f == fp => return Some(h),
                0 => return None,
                _ => {}
            }
        }
    }

    /// The slot holding the feature with key `key`, if stored.
    fn slot_of(&self, key: u64) -> Option<usize> {
        let m = self.slots.len() - 1;
        let fp = fingerprint(key);
        let mut h = key as usize & m;
        loop {
            match self.slots[h].fp {
                f if f == fp => return Some(h),
                0 => return None,
                _ => h = (h + 1) & m,
            }
        }
    }

    /// The stored feature with key `key`: mask and weights.
    fn find(&self, key: u64) -> Option<(u32, Vec<i16>)> {
        let slot = &self.slots[self.slot_of(key)?];
        Some((slot.mask, slot.weights()))
    }

    /// Adds the weights of `keys` to an emission row.
    pub(crate) fn add_emission(&self, keys: &[u64], row: &mut [f32; NTAGS]) {
        let extra = self.emission(keys);
        for (r, e) in row.iter_mut().zip(extra) {
            *r += e;
        }
    }

    /// Emission scores of one token from its feature keys.
    pub fn emission(&self, keys: &[u64]) -> [f32; NTAGS] {
        let mut acc = [0i32; NTAGS];
        self.accumulate(keys, &mut acc);
        self.scores(acc)
    }

    /// Emission scores from summed quantised weights (see [`Model::sum`]).
    pub(crate) fn scores(&self, acc: [i32; NTAGS]) -> [f32; NTAGS] {
        acc.map(|a| a as f32 * self.scale)
    }

    /// Adds the quantised weights of the features `keys` to `acc`: exact integer sums, so
    /// sums of parts add up to the sum of the whole.
    pub(crate) fn sum(&self, keys: &[u64], acc: &mut [i32; NTAGS]) {
        self.accumulate(keys, acc);
    }

    /// The number that identifies the current feature table (see `table_id`).
    pub(crate) fn table_id(&self) -> u64 {
        self.table_id
    }

    /// Constrained Viterbi over emission rows; returns the best legal tag sequence.
    pub fn viterbi(&self, em: &[[f32; NTAGS]]) -> Vec<usize> {
        viterbi(em, &self.trans, &self.start, &self.end)
    }

    /// Serializes the model (weights quantised to i16).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.push(u8::from(self.two_pass) | u8::from(self.history) << 1);
        out.extend_from_slice(&self.temperature.to_le_bytes());
        for row in &self.trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for v in self.start.iter().chain(self.end.iter()) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut cl: Vec<(u64, (u32, u8))> =
            self.clusters.map.iter().map(|(k, v)| (*k, *v)).collect();
        cl.sort_unstable();
        out.extend_from_slice(&(cl.len() as u32).to_le_bytes());
        for (k, (bits, len)) in &cl {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&bits.to_le_bytes());
            out.push(*len);
        }
        // The second clustering: its distinct paths, then one path index per clustered
        // word above (u16::MAX = none).
        let mut alt_paths: Vec<(u32, u8)> = self.clusters.alt.values().copied().collect();
        alt_paths.sort_unstable();
        alt_paths.dedup();
        alt_paths.truncate(usize::from(u16::MAX));
        out.extend_from_slice(&(alt_paths.len() as u32).to_le_bytes());
        for (bits, len) in &alt_paths {
            out.extend_from_slice(&bits.to_le_bytes());
            out.push(*len);
        }
        if !alt_paths.is_empty() {
            for (k, _) in &cl {
                let ix = self
                    .clusters
                    .alt
                    .get(k)
                    .and_then(|p| alt_paths.binary_search(p).ok())
                    .map_or(u16::MAX, |i| i as u16);
                out.extend_from_slice(&ix.to_le_bytes());
            }
        }
        for table in [&self.clusters.casing, &self.clusters.gazetteer.map] {
            let mut t: Vec<(u64, u8)> = table.iter().map(|(k, v)| (*k, *v)).collect();
            t.sort_unstable();
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            for (k, v) in &t {
                out.extend_from_slice(&k.to_le_bytes());
                out.push(*v);
            }
        }
        let mut lists: Vec<(u64, u16)> = self
            .clusters
            .lists
            .map
            .iter()
            .map(|(k, v)| (*k, *v))
            .collect();
        lists.sort_unstable();
        out.extend_from_slice(&(lists.len() as u32).to_le_bytes());
        for (k, v) in &lists {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        // Features in key order, for a deterministic file.
        let mut keys = self.keys.clone();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        let feats: Vec<(u64, u32, Vec<i16>)> = keys
            .iter()
            .filter_map(|&k| self.find(k).map(|(m, w)| (k, m, w)))
            .collect();
        for (k, mask, _) in &feats {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&mask.to_le_bytes()[..3]);
        }
        for (_, _, ws) in &feats {
            for w in ws.iter() {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Parses a model from bytes.
    pub fn from_bytes(b: &[u8]) -> Result<Model, Error> {
        let mut r = Reader { b, pos: 0 };
        if b.len() < 8 || r.take(6)? != MAGIC {
            return Err(Error::BadHeader);
        }
        let version = r.u16()?;
        if version > VERSION {
            return Err(Error::UnsupportedVersion(version));
        }
        if version < VERSION_2 {
            return Err(Error::BadHeader);
        }
        let flags = r.take(1)?[0];
        if flags > 3 {
            return Err(Error::Corrupt("flags"));
        }
        let (two_pass, history) = (flags & 1 != 0, flags & 2 != 0);
        let temperature = r.f32()?;
        let mut trans = [[0.0; NTAGS]; NTAGS];
        for row in &mut trans {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        let mut start = [0.0; NTAGS];
        let mut end = [0.0; NTAGS];
        for v in start.iter_mut().chain(end.iter_mut()) {
            *v = r.f32()?;
        }
        let ncl = r.u32()? as usize;
        if ncl > b.len() / 13 {
            return Err(Error::Corrupt("cluster count"));
        }
        let mut map = crate::hash::HashMap64::default();
        map.reserve(ncl);
        let mut cl_keys = Vec::with_capacity(ncl);
        for _ in 0..ncl {
            let k = r.u64()?;
            let bits = r.u32()?;
            let len = r.take(1)?[0];
            map.insert(k, (bits, len));
            cl_keys.push(k);
        }
        let mut alt = crate::hash::HashMap64::default();
        if version >= VERSION_4 {
            let npaths = r.u32()? as usize;
            if npaths > usize::from(u16::MAX) || npaths > b.len() / 5 {
                return Err(Error::Corrupt("second clustering size"));
            }
            let mut paths = Vec::with_capacity(npaths);
            for _ in 0..npaths {
                let bits = r.u32()?;
                let len = r.take(1)?[0];
                paths.push((bits, len));
            }
            if npaths > 0 {
                alt.reserve(ncl);
                for k in cl_keys {
                    let ix = usize::from(r.u16()?);
                    if ix == usize::from(u16::MAX) {
                        continue;
                    }
                    let p = *paths
                        .get(ix)
                        .ok_or(Error::Corrupt("second clustering path"))?;
                    alt.insert(k, p);
                }
            }
        }
        let mut tables: [crate::hash::HashMap64<u8>; 2] = Default::default();
        if version >= VERSION_3 {
            for table in &mut tables {
                let n = r.u32()? as usize;
                if n > b.len() / 9 {
                    return Err(Error::Corrupt("table size"));
                }
                table.reserve(n);
                for _ in 0..n {
                    let k = r.u64()?;
                    let v = r.take(1)?[0];
                    table.insert(k, v);
                }
            }
        }
        let [casing, gaz] = tables;
        let mut lists = crate::hash::HashMap64::default();
        if version >= VERSION {
            let n = r.u32()? as usize;
            if n > b.len() / 10 {
                return Err(Error::Corrupt("name list size"));
            }
            lists.reserve(n);
            for _ in 0..n {
                let k = r.u64()?;
                lists.insert(k, r.u16()?);
            }
        }
        let nf = r.u32()? as usize;
        if nf > b.len() / 11 {
            return Err(Error::Corrupt("feature count"));
        }
        let scale = r.f32()?;
        let mut heads = Vec::with_capacity(nf);
        for _ in 0..nf {
            let k = r.u64()?;
            let m = r.take(3)?;
            let mask = u32::from(m[0]) | u32::from(m[1]) << 8 | u32::from(m[2]) << 16;
            if mask >> NTAGS != 0 || k == 0 {
                return Err(Error::Corrupt("feature row"));
            }
            heads.push((k, mask));
        }
        let mut entries = Vec::with_capacity(nf);
        for (k, mask) in heads {
            let mut row = [0i16; NTAGS];
            for t in (0..NTAGS).filter(|&t| mask & 1 << t != 0) {
                row[t] = i16::from_le_bytes(
                    r.take(2)?
                        .try_into()
                        .map_err(|_| Error::Corrupt("weight"))?,
                );
            }
            entries.push((k, mask, row));
        }
        if r.pos != b.len() {
            return Err(Error::Corrupt("trailing bytes"));
        }
        let mut m = Model::empty_with(
            trans,
            start,
            end,
            temperature,
            Clusters {
                map,
                alt,
                casing,
                gazetteer: crate::gazetteer::Gazetteer { map: gaz },
                lists: crate::lists::NameLists { map: lists },
            },
        );
        m.two_pass = two_pass;
        m.history = history;
        m.set_entries(entries, scale);
        Ok(m)
    }

    fn empty_with(
        trans: [[f32; NTAGS]; NTAGS],
        start: [f32; NTAGS],
        end: [f32; NTAGS],
        temperature: f32,
        clusters: Clusters,
    ) -> Model {
        Model {
            slots: vec![Slot::default(); 2],
            table_id: 0,
            n: 0,
            keys: Vec::new(),
            scale: 1.0,
            filter: vec![0; FILTER_WORDS],
            trans,
            start,
            end,
            temperature,
            two_pass: false,
            history: false,
            clusters,
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).ok_or(Error::Corrupt("length"))?;
        let s = self
            .b
            .get(self.pos..end)
            .ok_or(Error::Corrupt("unexpected end"))?;
        self.pos = end;
        Ok(s)
    }
    /// The next `N` bytes as an array (`what` names the field in the error).
    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], Error> {
        self.take(N)?.try_into().map_err(|_| Error::Corrupt(what))
    }
    fn u16(&mut self) -> Result<u16, Error> {
        self.array("u16").map(u16::from_le_bytes)
    }
    fn u32(&mut self) -> Result<u32, Error> {
        self.array("u32").map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Result<u64, Error> {
        self.array("u64").map(u64::from_le_bytes)
    }
    fn f32(&mut self) -> Result<f32, Error> {
        let v = f32::from_le_bytes(self.array("f32")?);
        if v.is_finite() {
            Ok(v)
        } else {
            Err(Error::Corrupt("non-finite number"))
        }
    }
}

/// For each tag, the tags that may precede it (`legal_n[t]` of them).
static LEGAL: std::sync::LazyLock<([[u8; NTAGS]; NTAGS], [usize; NTAGS])> =
    std::sync::LazyLock::new(|| {
        let mut prev = [[0u8; NTAGS]; NTAGS];
        let mut n = [0usize; NTAGS];
        for t in 0..NTAGS {
            for p in 0..NTAGS {
                if allowed(p, t) {
                    prev[t][n[t]] = p as u8;
                    n[t] += 1;
                }
            }
        }
        (prev, n)
    });

/// Constrained first-order Viterbi.
pub fn viterbi(
    em: &[[f32; NTAGS]],
    trans: &[[f32; NTAGS]; NTAGS],
    start: &[f32; NTAGS],
    end: &[f32; NTAGS],
) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let (legal_prev, legal_n) = (&LEGAL.0, &LEGAL.1);
    // Per tag, its legal predecessors with their transition scores, in ascending order.
    let mut from = [[(0u8, 0f32); NTAGS]; NTAGS];
    for t in 0..NTAGS {
        for (k, &p) in legal_prev[t].iter().take(legal_n[t]).enumerate() {
            from[t][k] = (p, trans[usize::from(p)][t]);
        }
    }
    let mut back = vec![[0u8; NTAGS]; n];
    let mut cur = [NEG; NTAGS];
    for t in 0..NTAGS {
        if can_start(t) {
            cur[t] = start[t] + em[0][t];
        }
    }
    for i in 1..n {
        let mut next = [NEG; NTAGS];
        for t in 0..NTAGS {
            // An unreachable predecessor scores −∞ and never beats `best`, so the first
            // strictly best reachable one wins, as it would skipping the unreachable.
            let mut best = NEG;
            let mut arg = 0u8;
            for &(p, score) in &from[t][..legal_n[t]] {
                let s = cur[usize::from(p)] + score;
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            if best > NEG {
                next[t] = best + em[i][t];
                back[i][t] = arg;
            }
        }
        cur = next;
    }
    let mut best = NEG;
    let mut arg = 0usize;
    for t in 0..NTAGS {
        if can_end(t) && cur[t] > NEG && cur[t] + end[t] > best {
            best = cur[t] + end[t];
            arg = t;
        }
    }
    let mut out = vec![0usize; n];
    out[n - 1] = arg;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i]] as usize;
    }
    out
}

/// The softmax of a model's scores for tag marginals: `exp(score / temperature)` of its
/// transitions, start and end scores, computed once per tagger rather than per segment.
#[derive(Clone, Debug)]
pub(crate) struct Softmax {
    inv: f32,
    tr: [[f32; NTAGS]; NTAGS],
    start: [f32; NTAGS],
    end: [f32; NTAGS],
}

impl Softmax {
    /// The tables of `model`'s current scores and temperature.
    pub(crate) fn new(model: &Model) -> Softmax {
        let inv = 1.0 / model.temperature.max(1e-3);
        let soft = |score: f32| (score * inv).clamp(-60.0, 60.0).exp();
        let mut tr = [[0.0f32; NTAGS]; NTAGS];
        for (p, row) in tr.iter_mut().enumerate() {
            for (t, v) in row.iter_mut().enumerate() {
                if allowed(p, t) {
                    *v = soft(model.trans[p][t]);
                }
            }
        }
        let mut start = [0.0f32; NTAGS];
        let mut end = [0.0f32; NTAGS];
        for t in 0..NTAGS {
            if can_start(t) {
                start[t] = soft(model.start[t]);
            }
            if can_end(t) {
                end[t] = soft(model.end[t]);
            }
        }
        Softmax {
            inv,
            tr,
            start,
            end,
        }
    }

    /// Forward-backward marginals over legal sequences of `exp(score / temperature)`.
    pub(crate) fn marginals(&self, em: &[[f32; NTAGS]]) -> Vec<[f32; NTAGS]> {
        let n = em.len();
        if n == 0 {
            return Vec::new();
        }
        let (inv, tr) = (self.inv, &self.tr);
        let ex: Vec<[f32; NTAGS]> = em
            .iter()
            .map(|row| {
                let m = row.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
                let mut o = [0.0; NTAGS];
                for t in 0..NTAGS {
                    o[t] = ((row[t] - m) * inv).max(-60.0).exp();
                }
                o
            })
            .collect();
        let mut alpha = vec![[0.0f32; NTAGS]; n];
        for t in 0..NTAGS {
            alpha[0][t] = self.start[t] * ex[0][t];
        }
        normalize(&mut alpha[0]);
        for i in 1..n {
            let mut a = [0.0f32; NTAGS];
            for p in 0..NTAGS {
                let ap = alpha[i - 1][p];
                if ap == 0.0 {
                    continue;
                }
                for t in 0..NTAGS {
                    a[t] += ap * tr[p][t];
                }
            }
            for t in 0..NTAGS {
                a[t] *= ex[i][t];
            }
            normalize(&mut a);
            alpha[i] = a;
        }
        let mut beta = vec![[0.0f32; NTAGS]; n];
        beta[n - 1] = self.end;
        normalize(&mut beta[n - 1]);
        for i in (0..n - 1).rev() {
            let mut b = [0.0f32; NTAGS];
            for p in 0..NTAGS {
                let mut s = 0.0;
                for t in 0..NTAGS {
                    s += tr[p][t] * ex[i + 1][t] * beta[i + 1][t];
                }
                b[p] = s;
            }
            normalize(&mut b);
            beta[i] = b;
        }
        let mut out = vec![[0.0f32; NTAGS]; n];
        for i in 0..n {
            for t in 0..NTAGS {
                out[i][t] = alpha[i][t] * beta[i][t];
            }
            normalize(&mut out[i]);
        }
        out
    }
}

fn normalize(v: &mut [f32; NTAGS]) {
    let s: f32 = v.iter().sum();
    if s > 0.0 && s.is_finite() {
        for x in v.iter_mut() {
            *x /= s;
        }
    } else {
        *v = [1.0 / NTAGS as f32; NTAGS];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_round_trips() {
        let bytes = crate::EMBEDDED;
        let m = Model::from_bytes(bytes).unwrap();
        assert_eq!(m.to_bytes(), bytes);
    }

    #[test]
    fn lexicons_and_flags_round_trip() {
        let mut c = Clusters::default();
        c.map.insert(11, (5, 3));
        c.casing.insert(12, 7);
        c.gazetteer.add(&[1, 2, 3], 1);
        c.lists.add(&[4, 5], 1 << 6);
        let mut m = Model::empty(c);
        m.history = true;
        m.temperature = 2.0;
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert!(back.history && !back.two_pass);
        assert_eq!(back.clusters.casing_of(12), 7);
        assert_eq!(back.clusters.gazetteer.len(), 3);
        assert_eq!(back.clusters.lists.len(), 2);
        assert_eq!(back.to_bytes(), bytes);
        // A version-4 file (no name lists), a version-3 file (no second clustering either)
        // and a version-2 file (no casing, no gazetteer either) still load.
        let mut old = Model::empty(Clusters::default());
        old.temperature = 2.0;
        let bytes = old.to_bytes();
        let alt_at = 6 + 2 + 1 + 4 + 4 * NTAGS * NTAGS + 8 * NTAGS + 4;
        let lists_at = alt_at + 12;
        let mut b4 = bytes.clone();
        b4[6..8].copy_from_slice(&VERSION_4.to_le_bytes());
        b4.drain(lists_at..lists_at + 4);
        assert!(Model::from_bytes(&b4).is_ok());
        let mut b3 = b4.clone();
        b3[6..8].copy_from_slice(&VERSION_3.to_le_bytes());
        b3.drain(alt_at..alt_at + 4);
        assert!(Model::from_bytes(&b3).is_ok());
        let mut b2 = b4.clone();
        b2[6..8].copy_from_slice(&VERSION_2.to_le_bytes());
        // Drop the empty second-clustering count and the two empty table counts.
        b2.drain(alt_at..alt_at + 12);
        assert!(Model::from_bytes(&b2).is_ok());
        // A newer format is refused with a clear error.
        let mut b5 = bytes;
        b5[6..8].copy_from_slice(&(VERSION + 1).to_le_bytes());
        assert!(matches!(
            Model::from_bytes(&b5),
            Err(Error::UnsupportedVersion(v)) if v == VERSION + 1
        ));
    }

    /// Deterministic pseudo-random scores in [-3, 3).
    fn scores(seed: &mut u64) -> f32 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((*seed >> 40) as f32 / (1u64 << 24) as f32) * 6.0 - 3.0
    }

    /// A model with random transition, start and end scores, and `n` random emission rows.
    fn random_case(n: usize, seed: &mut u64) -> (Model, Vec<[f32; NTAGS]>) {
        let mut m = Model::empty(Clusters::default());
        for row in m.trans.iter_mut() {
            row.iter_mut().for_each(|v| *v = scores(seed));
        }
        m.start.iter_mut().for_each(|v| *v = scores(seed));
        m.end.iter_mut().for_each(|v| *v = scores(seed));
        m.temperature = 1.7;
        let em = (0..n).map(|_| [(); NTAGS].map(|_| scores(seed))).collect();
        (m, em)
    }

    /// Every legal tag sequence of length `n` with its total score.
    fn legal_sequences(m: &Model, em: &[[f32; NTAGS]]) -> Vec<(Vec<usize>, f32)> {
        let n = em.len();
        let mut out = Vec::new();
        let mut seq = vec![0usize; n];
        'next: for code in 0..NTAGS.pow(n as u32) {
            let mut c = code;
            for t in seq.iter_mut() {
                *t = c % NTAGS;
                c /= NTAGS;
            }
            if !can_start(seq[0]) || !can_end(seq[n - 1]) {
                continue;
            }
            let mut score = m.start[seq[0]] + em[0][seq[0]] + m.end[seq[n - 1]];
            for i in 1..n {
                if !allowed(seq[i - 1], seq[i]) {
                    continue 'next;
                }
                score += m.trans[seq[i - 1]][seq[i]] + em[i][seq[i]];
            }
            out.push((seq.clone(), score));
        }
        out
    }

    #[test]
    fn viterbi_finds_the_best_legal_sequence() {
        let mut seed = 7;
        for n in 1..=4 {
            for _ in 0..5 {
                let (m, em) = random_case(n, &mut seed);
                let all = legal_sequences(&m, &em);
                let best = all.iter().map(|s| s.1).fold(f32::NEG_INFINITY, f32::max);
                let got = m.viterbi(&em);
                let (_, score) = all.iter().find(|s| s.0 == got).expect("a legal sequence");
                assert!((score - best).abs() < 1e-4, "n={n}: {score} < {best}");
            }
        }
    }

    #[test]
    fn marginals_are_the_softmax_over_legal_sequences() {
        let mut seed = 11;
        for n in 1..=3 {
            let (m, em) = random_case(n, &mut seed);
            let mut want = vec![[0f64; NTAGS]; n];
            let mut total = 0f64;
            for (seq, score) in legal_sequences(&m, &em) {
                let w = (f64::from(score) / f64::from(m.temperature)).exp();
                total += w;
                for (i, &t) in seq.iter().enumerate() {
                    want[i][t] += w;
                }
            }
            let got = Softmax::new(&m).marginals(&em);
            for i in 0..n {
                for t in 0..NTAGS {
                    let w = want[i][t] / total;
                    assert!(
                        (f64::from(got[i][t]) - w).abs() < 1e-4,
                        "n={n} token {i} tag {t}: {} vs {w}",
                        got[i][t]
                    );
                }
            }
        }
    }

    #[test]
    fn second_clustering_round_trips() {
        let mut c = Clusters::default();
        c.map.insert(11, (5, 3));
        c.map.insert(13, (6, 3));
        c.map.insert(17, (7, 3));
        c.alt.insert(11, (1, 2));
        c.alt.insert(17, (3, 8));
        let m = Model::empty(c);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.clusters.alt_hashed(11), Some((1, 2)));
        assert_eq!(back.clusters.alt_hashed(13), None);
        assert_eq!(back.clusters.alt_hashed(17), Some((3, 8)));
        assert_eq!(back.to_bytes(), bytes);
    }
}
