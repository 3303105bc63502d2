//! Feature extraction: per-token hashed feature keys shared by training and tagging.
//!
//! Local features (word, normalized word, affixes, shape, capitalisation with
//! sentence-initial and all-caps-sentence awareness, a ±2 window, word clusters) plus
//! document-level context aggregation: what the same word does elsewhere in the document
//! (seen lower-cased, capitalised mid-sentence, inside a longer capitalised name, after a
//! title such as "Mr." or "President"), the position of the token in the longest
//! training-data gazetteer name covering it, the word's casing statistics in unlabelled
//! news, and (while decoding) the labels the same word received earlier in the document.

use std::borrow::Cow;

use copydesk_tokenize::{normalize, Token, TokenKind};

use crate::clusters::Clusters;
use crate::hash::{feat1, feat2, hash_str, Fnv, HashMap64};
use crate::truecase::{line_case, LineCase};

/// Per-token base values, hashed once.
#[derive(Clone, Copy, Debug, Default)]
struct Tok {
    w: u64,
    lw: u64,
    shape: u64,
    short_shape: u64,
    sfx: [u64; 4],
    pfx: [u64; 3],
    cl: [u64; 4],
    /// Second-clustering path prefixes (see `ALT_PREFIXES`).
    cl2: [u64; 3],
    init_cap: bool,
    lower: bool,
    sent_start: bool,
    caps_sent: bool,
    title_cue: bool,
    /// Casing code from the unlabelled corpus (0 = unseen).
    case: u8,
}

/// Hash of the padding "word" outside a segment.
const PAD_L: u64 = 0x5a5a_0001;
const PAD_R: u64 = 0x5a5a_0002;

/// Cluster-path prefix lengths used as features.
pub(crate) const CLUSTER_PREFIXES: [u8; 4] = [4, 8, 12, 20];

/// Second-clustering path prefix lengths used as features.
const ALT_PREFIXES: [u8; 3] = [3, 6, 24];

/// Hashed prefixes of a cluster path, for `lens` prefix lengths; `salt` tells clusterings
/// apart.
fn path_keys<const N: usize>((bits, len): (u32, u8), lens: [u8; N], salt: u64) -> [u64; N] {
    let mut out = [0u64; N];
    for (o, &p) in out.iter_mut().zip(&lens) {
        let l = p.min(len);
        let masked = if l >= 32 {
            bits
        } else {
            bits & ((1u32 << l) - 1)
        };
        *o = crate::hash::mix(u64::from(masked) | (u64::from(l) << 40) | salt << 50);
    }
    out
}

/// Each token's path in a clustering (`lookup` by word hash): its exact form, else its
/// lower-cased and title-cased forms (`fallback`), the one matching its capitalisation
/// first. Only first occurrences are looked up (`first`, see [`base`]); the others get
/// `None` and take their first occurrence's path.
fn cluster_paths(
    toks: &[Tok],
    fallback: &[u64],
    first: &[u32],
    lookup: impl Fn(u64) -> Option<(u32, u8)>,
) -> Vec<Option<(u32, u8)>> {
    toks.iter()
        .zip(fallback)
        .enumerate()
        .map(|(i, (t, &title))| {
            if first[i] as usize != i {
                return None;
            }
            lookup(t.w).or_else(|| {
                let (a, b) = if t.init_cap {
                    (title, t.lw)
                } else {
                    (t.lw, title)
                };
                lookup(a).or_else(|| lookup(b))
            })
        })
        .collect()
}

/// Flat per-token feature lists: token `i` owns `keys[offsets[i]..offsets[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct Features {
    pub(crate) keys: Vec<u64>,
    pub(crate) offsets: Vec<u32>,
    /// Per token: normalized-word hash, and whether document consistency applies to it
    /// (capitalised, or in an all-caps line).
    pub(crate) lw: Vec<u64>,
    pub(crate) eligible: Vec<bool>,
    /// Per token: the hash of its text; the first token of the document with the same
    /// text; and where in `keys` the features of the token's own text (which depend on
    /// nothing else) end and those of its context begin. With
    /// [`Extractor::share_own`], a repeated text's own features are listed only at its
    /// first token. Empty when the lists do not keep that order (feature copies of a
    /// training corpus).
    pub(crate) w: Vec<u64>,
    pub(crate) first: Vec<u32>,
    pub(crate) own_end: Vec<u32>,
    /// With [`Extractor::share_own`], per token: where the features its text lends the
    /// next token (as the word before it) end, and where those it lends the previous token
    /// (as the word after it) end; both lists follow the own features of a text's first
    /// token and are empty elsewhere. Empty without `share_own`.
    pub(crate) lent_end: [Vec<u32>; 2],
    /// With [`Extractor::share_own`], per token: bit 0 when the token's list leaves out
    /// what the previous token lends it, bit 1 the same for the next token (a neighbour in
    /// the same segment). Empty without `share_own`.
    pub(crate) borrows: Vec<u8>,
}

impl Features {
    /// The feature keys of token `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        &self.keys[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The same features plus a copy of each specific to a training corpus `domain` (> 0;
    /// 0 is the news of the main corpus): feature augmentation after Daumé (2007). The
    /// copies absorb what is peculiar to that corpus (tweets, another annotation scheme),
    /// and tagging, which sees only the shared features, keeps the main corpus's behaviour
    /// where the corpora disagree.
    pub fn with_domain_copies(self, domain: u8) -> Features {
        if domain == 0 {
            return self;
        }
        let salt = u64::from(domain).wrapping_mul(0xd6e8_feb8_6659_fd93);
        let mut keys = Vec::with_capacity(self.keys.len() * 2);
        let mut offsets = Vec::with_capacity(self.offsets.len());
        offsets.push(0);
        for i in 0..self.offsets.len() - 1 {
            let own = self.of(i);
            keys.extend_from_slice(own);
            keys.extend(own.iter().map(|&k| feat1(255, k ^ salt)));
            offsets.push(keys.len() as u32);
        }
        Features {
            keys,
            offsets,
            w: Vec::new(),
            first: Vec::new(),
            own_end: Vec::new(),
            lent_end: Default::default(),
            borrows: Vec::new(),
            ..self
        }
    }
}

/// Shape hashes: the first 8 character classes (`Xxxxx`), and the run-collapsed shape (`Xx`).
fn shapes(s: &str) -> (u64, u64) {
    let mut long = Fnv::new();
    let mut short = Fnv::new();
    let mut last = '\0';
    for (n, c) in s.chars().enumerate() {
        let k = if c.is_ascii_uppercase() {
            'X'
        } else if c.is_ascii_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_ascii() {
            c
        } else if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if n < 8 {
            long.push_char(k);
        }
        if k != last {
            short.push_char(k);
            last = k;
        }
    }
    (long.finish(), short.finish())
}

/// Which neighbour a token's text lends features to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// The next token, which sees this one as the word before it.
    Before,
    /// The previous token, which sees this one as the word after it.
    After,
}

/// The feature groups switched on (see the `DROP_*` constants) that [`lent`] reads.
#[derive(Clone, Copy)]
struct Groups {
    words: bool,
    cls: bool,
    alt: bool,
}

/// Pushes the features of a neighbour that depend only on the neighbour's text `t`: the
/// same keys, in another order, as the `lw_at(±1)`, `sh_at(±1)`, `cl_at(±1, _)`,
/// `c2_at(±1)`, `w_at(±1)` and `sfx_at(±1)` templates of [`Extractor::extract`] (the
/// `emissions` tests check that the scores agree).
fn lent(t: &Tok, side: Side, g: Groups, k: &mut Vec<u64>) {
    let before = side == Side::Before;
    let (lw, sh, cl, c2, w, sfx) = if before {
        (4, 9, 29, 113, 50, 52)
    } else {
        (5, 10, 31, 114, 51, 53)
    };
    k.push(feat1(lw, t.lw));
    k.push(feat1(sh, t.short_shape));
    if g.cls {
        for l in 0..2 {
            k.push(feat1(cl + l as u32, t.cl[l + 1]));
        }
    }
    if g.alt {
        k.push(feat1(c2, t.cl2[2]));
    }
    if g.words {
        k.push(feat1(w, t.w));
    }
    k.push(feat1(sfx, t.sfx[2]));
}

const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "president",
    "minister",
    "prime",
    "premier",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "governor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "general",
    "gen.",
    "col.",
    "lt.",
    "capt.",
    "secretary",
    "chairman",
    "spokesman",
    "spokeswoman",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "manager",
    "leader",
    "director",
    "chief",
    "executive",
    "ceo",
    "lady",
    "lord",
    "mayor",
    "ambassador",
    "envoy",
    "said",
    "says",
    "told",
    "vice",
    "deputy",
    "rev.",
    "father",
    "mother",
    "brother",
    "sister",
    "wife",
    "husband",
    "son",
    "daughter",
];

static TITLE_SET: std::sync::LazyLock<
    std::collections::HashSet<u64, std::hash::BuildHasherDefault<crate::hash::IdentityHasher>>,
> = std::sync::LazyLock::new(|| TITLES.iter().map(|t| hash_str(t)).collect());

fn is_title(lw_hash: u64) -> bool {
    TITLE_SET.contains(&lw_hash)
}

/// Per token: whether its segment is written in capitals or in title case (a headline),
/// where capitalisation says nothing about names (see [`line_case`]).
fn caps_lines(text: &str, tokens: &[Token], segs: &[(usize, usize)]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    for &(a, b) in segs {
        out[a..b].fill(line_case(text, &tokens[a..b]) != LineCase::Plain);
    }
    out
}

/// The base values of every token, and for each token the first token of the document
/// with the same text (itself, for a first occurrence). The values that depend only on a
/// token's text are computed once per distinct text and copied to its repetitions.
fn base(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    clusters: &Clusters,
) -> (Vec<Tok>, Vec<u32>) {
    let mut out: Vec<Tok> = Vec::with_capacity(tokens.len());
    let caps_line = caps_lines(text, tokens, segs);
    let mut fallback: Vec<u64> = Vec::with_capacity(tokens.len());
    let mut first: Vec<u32> = Vec::with_capacity(tokens.len());
    let mut seen: HashMap64<u32> = HashMap64::default();
    seen.reserve(tokens.len() / 2 + 1);
    for t in tokens {
        let s = t.text(text);
        let w = hash_str(s);
        let i = out.len() as u32;
        let j = *seen.entry(w).or_insert(i);
        first.push(j);
        if j != i {
            out.push(out[j as usize]);
            fallback.push(fallback[j as usize]);
            continue;
        }
        let lw = normalize(s);
        let (shape, short_shape) = shapes(s);
        let mut sfx = [0u64; 4];
        let mut pfx = [0u64; 3];
        // Suffixes: the last k chars, for words longer than k chars.
        let mut ends = lw.char_indices().rev();
        for slot in &mut sfx {
            match ends.next() {
                Some((at, _)) if at > 0 => *slot = hash_str(&lw[at..]),
                _ => break,
            }
        }
        // Prefixes: the first k chars, for words longer than k chars (FNV is streamed, so
        // each prefix hash extends the previous one).
        let mut head = Fnv::new();
        let mut cs = lw.chars().peekable();
        for slot in &mut pfx {
            let Some(c) = cs.next() else { break };
            if cs.peek().is_none() {
                break;
            }
            head.push_char(c);
            *slot = head.finish();
        }
        let first = s.chars().next().unwrap_or(' ');
        let lwh = if matches!(lw, Cow::Borrowed(_)) {
            w
        } else {
            hash_str(&lw)
        };
        // The title-cased normalized word, a fallback key for the cluster lookup.
        let title = if clusters.map.is_empty() {
            0
        } else {
            let mut title = Fnv::new();
            let mut cs = lw.chars();
            if let Some(c) = cs.next() {
                for u in c.to_uppercase() {
                    title.push_char(u);
                }
                for c in cs {
                    title.push_char(c);
                }
            }
            title.finish()
        };
        fallback.push(title);
        out.push(Tok {
            w,
            lw: lwh,
            shape,
            short_shape,
            sfx,
            pfx,
            cl: [7; 4],
            cl2: [7; 3],
            init_cap: first.is_uppercase(),
            lower: t.kind == TokenKind::Word && !s.chars().any(char::is_uppercase),
            sent_start: false,
            caps_sent: false,
            title_cue: is_title(lwh),
            case: 0,
        });
    }
    // The lexicon lookups (cache misses, mostly) run as separate passes over the tokens so
    // that the misses of neighbouring tokens overlap.
    for (i, t) in out.iter_mut().enumerate() {
        if first[i] as usize == i {
            t.case = clusters.casing_of(t.lw);
        }
    }
    if !clusters.map.is_empty() {
        let paths = cluster_paths(&out, &fallback, &first, |h| clusters.path_hashed(h));
        for (t, path) in out.iter_mut().zip(paths) {
            if let Some(p) = path {
                t.cl = path_keys(p, CLUSTER_PREFIXES, 1);
            }
        }
    }
    if !clusters.alt.is_empty() {
        let paths = cluster_paths(&out, &fallback, &first, |h| clusters.alt_hashed(h));
        for (t, path) in out.iter_mut().zip(paths) {
            if let Some(p) = path {
                t.cl2 = path_keys(p, ALT_PREFIXES, 2);
            }
        }
    }
    for &(a, b) in segs {
        if a >= b {
            continue;
        }
        // Sentence start: first token, skipping opening quotes/brackets.
        let mut k = a;
        while k < b && tokens[k].kind == TokenKind::Punct {
            k += 1;
        }
        if k < b {
            out[k].sent_start = true;
        }
    }
    for (t, &c) in out.iter_mut().zip(&caps_line) {
        t.caps_sent = c;
    }
    for i in 0..out.len() {
        let j = first[i] as usize;
        if j != i {
            let f = out[j];
            let t = &mut out[i];
            (t.case, t.cl, t.cl2) = (f.case, f.cl, f.cl2);
        }
    }
    (out, first)
}

/// Per token: 0 for prose, else the kind of table row its segment looks like (1: some
/// numbers, 2: numbers make up a third or more of the tokens); 3 or 4 for the token before
/// the first number of such a row (a row label, e.g. a team name in a results table).
fn row_kinds(tokens: &[Token], segs: &[(usize, usize)]) -> Vec<u8> {
    let mut out = vec![0u8; tokens.len()];
    for &(a, b) in segs {
        let nums = tokens[a..b]
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .count();
        if nums == 0 {
            continue;
        }
        let kind = if 3 * nums >= b - a { 2 } else { 1 };
        out[a..b].fill(kind);
        if let Some(first) = tokens[a..b]
            .iter()
            .position(|t| t.kind == TokenKind::Number)
        {
            if first > 0 {
                out[a + first - 1] = kind + 2;
            }
        }
    }
    out
}

/// What the same (normalized) word does across the document.
#[derive(Clone, Copy, Debug, Default)]
struct Agg {
    lower: u16,
    cap_mid: u16,
    multi_first: u16,
    multi_last: u16,
    after_title: u16,
}

/// Per-token contributions to [`Agg`].
fn contrib(toks: &[Tok], i: usize, seg: (usize, usize)) -> Agg {
    let t = &toks[i];
    let mut a = Agg::default();
    if t.caps_sent {
        return a;
    }
    if t.lower {
        a.lower = 1;
    }
    if t.init_cap && !t.sent_start {
        a.cap_mid = 1;
    }
    if t.init_cap {
        let prev_cap = i > seg.0 && toks[i - 1].init_cap && !toks[i - 1].title_cue;
        let next_cap = i + 1 < seg.1 && toks[i + 1].init_cap;
        if next_cap && !prev_cap && !t.title_cue {
            a.multi_first = 1;
        }
        if prev_cap && !next_cap {
            a.multi_last = 1;
        }
        if i > seg.0 && toks[i - 1].title_cue {
            a.after_title = 1;
        }
    }
    a
}

/// The feature extractor (borrowing the model's word clusters).
pub struct Extractor<'a> {
    /// The word clusters, casing statistics, gazetteer and name lists.
    pub clusters: &'a Clusters,
    /// Feature groups left out (a training "view" for feature bagging; 0 when tagging):
    /// see the `DROP_*` constants.
    pub drop: u16,
    /// Whether the features of a token's own text are listed only at the first token of
    /// the document with the same text (see [`Features`]); tagging sums them once per
    /// text, training needs them at every token.
    pub share_own: bool,
}

/// Feature group: word-cluster templates.
pub(crate) const DROP_CLUSTERS: u16 = 1;
/// Feature group: second-clustering templates.
pub(crate) const DROP_ALT: u16 = 2;
/// Feature group: gazetteer templates.
pub(crate) const DROP_GAZETTEER: u16 = 4;
/// Feature group: word-identity templates (the word and its neighbours).
pub(crate) const DROP_WORDS: u16 = 8;
/// Feature group: document aggregation templates (the word elsewhere in the document).
pub(crate) const DROP_DOC: u16 = 32;
/// Feature group: table-row templates.
pub(crate) const DROP_ROWS: u16 = 64;
/// Feature group: context aggregation (the neighbours of the word's other occurrences).
pub(crate) const DROP_CONTEXT: u16 = 128;

/// Feature group: name lists from open sources (countries, cities, names, organisations).
pub(crate) const DROP_LISTS: u16 = 256;

/// Occurrences of a capitalised word whose contexts feed [`Extractor::extract`]'s
/// context-aggregation features (its first few in the document).
const CONTEXT_OCCURRENCES: usize = 3;

impl Extractor<'_> {
    /// Extracts features for every token of a document; `segs` are token index ranges
    /// (sentences), sorted, covering every token.
    pub fn extract(&self, text: &str, tokens: &[Token], segs: &[(usize, usize)]) -> Features {
        let (toks, first) = base(text, tokens, segs, self.clusters);
        let mut seg_of = vec![(0usize, 0usize); tokens.len()];
        for &(a, b) in segs {
            for s in &mut seg_of[a..b] {
                *s = (a, b);
            }
        }
        // Document aggregation.
        let mut agg: HashMap64<Agg> = HashMap64::default();
        agg.reserve(tokens.len() / 2 + 1);
        let mut own = Vec::with_capacity(tokens.len());
        for i in 0..toks.len() {
            let c = contrib(&toks, i, seg_of[i]);
            let e = agg.entry(toks[i].lw).or_default();
            e.lower = e.lower.saturating_add(c.lower);
            e.cap_mid = e.cap_mid.saturating_add(c.cap_mid);
            e.multi_first = e.multi_first.saturating_add(c.multi_first);
            e.multi_last = e.multi_last.saturating_add(c.multi_last);
            e.after_title = e.after_title.saturating_add(c.after_title);
            own.push(c);
        }
        let mut f = Features {
            keys: Vec::with_capacity(tokens.len() * 48),
            offsets: Vec::with_capacity(tokens.len() + 1),
            lw: toks.iter().map(|t| t.lw).collect(),
            eligible: toks.iter().map(|t| t.init_cap || t.caps_sent).collect(),
            w: toks.iter().map(|t| t.w).collect(),
            first,
            own_end: Vec::with_capacity(tokens.len()),
            lent_end: Default::default(),
            borrows: Vec::with_capacity(if self.share_own { tokens.len() } else { 0 }),
        };
        f.offsets.push(0);
        // Context aggregation: the first few eligible occurrences of each word, so that a
        // mention sees the neighbours of the same word elsewhere in the document.
        let ctx = self.drop & DROP_CONTEXT == 0;
        let mut occ: HashMap64<[u32; CONTEXT_OCCURRENCES]> = HashMap64::default();
        if ctx {
            for (i, t) in toks.iter().enumerate() {
                if f.eligible[i] {
                    let e = occ.entry(t.lw).or_insert([u32::MAX; CONTEXT_OCCURRENCES]);
                    if let Some(slot) = e.iter_mut().find(|x| **x == u32::MAX) {
                        *slot = i as u32;
                    }
                }
            }
        }
        let lw_abs = |p: usize, d: isize| -> u64 {
            let (a, b) = seg_of[p];
            let q = p as isize + d;
            if q < a as isize {
                PAD_L
            } else if q >= b as isize {
                PAD_R
            } else {
                toks[q as usize].lw
            }
        };
        let gz = self.clusters.gazetteer.matches(&f.lw, segs);
        let lists = self.drop & DROP_LISTS == 0;
        let lm = if lists {
            self.clusters.lists.matches(&f.lw, segs)
        } else {
            Vec::new()
        };
        let rows = row_kinds(tokens, segs);
        let words = self.drop & DROP_WORDS == 0;
        let cls = self.drop & DROP_CLUSTERS == 0;
        let alt = self.drop & DROP_ALT == 0 && !self.clusters.alt.is_empty();
        let gaz = self.drop & DROP_GAZETTEER == 0;
        let doc = self.drop & DROP_DOC == 0;
        let groups = Groups { words, cls, alt };
        for i in 0..toks.len() {
            let (a, b) = seg_of[i];
            let k = &mut f.keys;
            let t = &toks[i];
            let lw_at = |j: isize| lw_abs(i, j);
            let tok_at = |j: isize| -> Option<&Tok> {
                let p = i as isize + j;
                if p < a as isize || p >= b as isize {
                    None
                } else {
                    Some(&toks[p as usize])
                }
            };
            let sh_at =
                |j: isize| tok_at(j).map_or(if j < 0 { PAD_L } else { PAD_R }, |t| t.short_shape);
            let cl_at = |j: isize, l: usize| {
                tok_at(j).map_or(if j < 0 { PAD_L } else { PAD_R }, |t| t.cl[l])
            };
            let flags = u64::from(t.sent_start) | u64::from(t.caps_sent) << 1;
            // The features of the token's own text come first: they depend on nothing
            // else, so a tagger may reuse their sum for every occurrence of the word.
            if !self.share_own || f.first[i] as usize == i {
                k.push(feat1(1, 0));
                if words {
                    k.push(feat1(2, t.w));
                    k.push(feat1(3, t.lw));
                }
                k.push(feat1(8, t.shape));
                for (j, &s) in t.sfx.iter().enumerate() {
                    if s != 0 {
                        k.push(feat1(15 + j as u32, s));
                    }
                }
                for (j, &p) in t.pfx.iter().enumerate() {
                    if p != 0 {
                        k.push(feat1(19 + j as u32, p));
                    }
                }
                if cls {
                    for l in 0..4 {
                        k.push(feat1(25 + l as u32, t.cl[l]));
                    }
                    k.push(feat2(55, t.short_shape, t.cl[1]));
                }
                if alt {
                    for (j, &c) in t.cl2.iter().enumerate() {
                        k.push(feat1(110 + j as u32, c));
                    }
                    k.push(feat2(115, t.short_shape, t.cl2[2]));
                }
            }
            f.own_end.push(k.len() as u32);
            // What the token's text lends its neighbours (listed once per text, like its
            // own features); a token whose neighbour is in its segment then leaves those
            // features out of its own list.
            let (lends_left, lends_right) = if self.share_own {
                if f.first[i] as usize == i {
                    lent(t, Side::Before, groups, k);
                    f.lent_end[0].push(k.len() as u32);
                    lent(t, Side::After, groups, k);
                } else {
                    f.lent_end[0].push(k.len() as u32);
                }
                f.lent_end[1].push(k.len() as u32);
                (i > a, i + 1 < b)
            } else {
                (false, false)
            };
            f.borrows
                .push(u8::from(lends_left) | u8::from(lends_right) << 1);
            // Features of the context.
            if !lends_left {
                k.push(feat1(4, lw_at(-1)));
            }
            if !lends_right {
                k.push(feat1(5, lw_at(1)));
            }
            k.push(feat1(6, lw_at(-2)));
            k.push(feat1(7, lw_at(2)));
            if !lends_left {
                k.push(feat1(9, sh_at(-1)));
            }
            if !lends_right {
                k.push(feat1(10, sh_at(1)));
            }
            k.push(feat2(11, sh_at(-1), t.short_shape));
            k.push(feat2(12, t.short_shape, sh_at(1)));
            if words {
                k.push(feat2(13, lw_at(-1), t.lw));
            }
            if words {
                k.push(feat2(14, t.lw, lw_at(1)));
            }
            k.push(feat2(22, flags, t.short_shape));
            if flags != 0 {
                k.push(feat2(23, flags, t.lw));
            }
            if cls {
                for l in 0..2 {
                    if !lends_left {
                        k.push(feat1(29 + l as u32, cl_at(-1, l + 1)));
                    }
                    if !lends_right {
                        k.push(feat1(31 + l as u32, cl_at(1, l + 1)));
                    }
                }
                k.push(feat2(33, cl_at(-1, 1), t.cl[1]));
            }
            k.push(feat2(34, lw_at(-1), t.short_shape));
            k.push(feat2(35, t.short_shape, lw_at(1)));
            if cls {
                k.push(feat2(36, flags, t.cl[2]));
            }
            k.push(feat2(37, sh_at(-2), sh_at(-1)));
            k.push(feat2(38, sh_at(1), sh_at(2)));
            if alt {
                let c2_at =
                    |j: isize| tok_at(j).map_or(if j < 0 { PAD_L } else { PAD_R }, |t| t.cl2[2]);
                if !lends_left {
                    k.push(feat1(113, c2_at(-1)));
                }
                if !lends_right {
                    k.push(feat1(114, c2_at(1)));
                }
            }
            let w_at = |j: isize| tok_at(j).map_or(if j < 0 { PAD_L } else { PAD_R }, |t| t.w);
            let sfx_at =
                |j: isize| tok_at(j).map_or(if j < 0 { PAD_L } else { PAD_R }, |t| t.sfx[2]);
            if words && !lends_left {
                k.push(feat1(50, w_at(-1)));
            }
            if words && !lends_right {
                k.push(feat1(51, w_at(1)));
            }
            if !lends_left {
                k.push(feat1(52, sfx_at(-1)));
            }
            if !lends_right {
                k.push(feat1(53, sfx_at(1)));
            }
            if words {
                k.push(feat2(54, lw_at(-1), lw_at(1)));
            }
            // Gazetteer: position in the longest training-data name covering the token.
            let g = gz[i];
            let capf = u64::from(t.init_cap) | u64::from(t.caps_sent) << 1;
            if g != 0 && gaz {
                k.push(feat1(70, u64::from(g)));
                k.push(feat2(71, u64::from(g), capf));
                for l in 0..4 {
                    if g & (1 << l) != 0 {
                        k.push(feat1(72, u64::from(g >> 4) << 2 | l));
                    }
                }
            }
            // Name lists: the categories of the longest listed name covering the token, by
            // position and capitalisation; the token's own categories (first names,
            // surnames) and those of its neighbours.
            if lists {
                let m = lm[i];
                let part = u64::from(m.part);
                let mut cats = m.cats;
                while cats != 0 {
                    let c = u64::from(cats.trailing_zeros());
                    cats &= cats - 1;
                    k.push(feat1(130, part << 5 | c));
                    k.push(feat2(131, part << 5 | c, capf));
                }
                if m.cats != 0 {
                    k.push(feat2(132, u64::from(m.cats), part));
                }
                let mut single = m.single;
                while single != 0 {
                    let c = u64::from(single.trailing_zeros());
                    single &= single - 1;
                    k.push(feat2(133, c, capf));
                }
                let names = crate::lists::FIRST | crate::lists::LAST;
                let near = |j: isize| -> u16 {
                    let p = i as isize + j;
                    if p < a as isize || p >= b as isize {
                        0
                    } else {
                        lm[p as usize].single & names
                    }
                };
                let (prev, own, next) = (near(-1), m.single & names, near(1));
                if prev | own != 0 {
                    k.push(feat2(134, u64::from(prev), u64::from(own)));
                }
                if next | own != 0 {
                    k.push(feat2(135, u64::from(next), u64::from(own)));
                }
            }
            // Table rows (segments dense in numbers): the token's shape and cluster there.
            let rk = rows[i];
            if rk != 0 && self.drop & DROP_ROWS == 0 {
                k.push(feat2(100, u64::from(rk), t.short_shape));
                if cls {
                    k.push(feat2(101, u64::from(rk), t.cl[1]));
                }
                k.push(feat2(102, u64::from(rk), sh_at(-1)));
            }
            // Casing statistics of the word in unlabelled news, by position and capitalisation.
            let flags3 = capf | u64::from(t.sent_start) << 2;
            k.push(feat2(80, u64::from(t.case), flags3));
            // Document-level aggregation (other occurrences of the same word).
            if doc && (t.init_cap || t.caps_sent) {
                let g = agg.get(&t.lw).copied().unwrap_or_default();
                let o = own[i];
                let mut d = 0u64;
                if g.lower > o.lower {
                    d |= 1;
                }
                if g.cap_mid > o.cap_mid {
                    d |= 2;
                }
                if g.multi_first > o.multi_first {
                    d |= 4;
                }
                if g.multi_last > o.multi_last {
                    d |= 8;
                }
                if g.after_title > o.after_title {
                    d |= 16;
                }
                for bit in 0..5 {
                    if d & (1 << bit) != 0 {
                        k.push(feat2(40 + bit, flags, 1));
                    }
                }
                k.push(feat2(46, d, flags));
            }
            if ctx && f.eligible[i] {
                if let Some(os) = occ.get(&t.lw) {
                    let mut used = 0;
                    for &j in os {
                        if j == u32::MAX || used == 2 {
                            break;
                        }
                        let j = j as usize;
                        if j == i {
                            continue;
                        }
                        used += 1;
                        k.push(feat1(120, lw_abs(j, -1)));
                        k.push(feat1(121, lw_abs(j, 1)));
                    }
                }
            }
            f.offsets.push(k.len() as u32);
        }
        f
    }
}

/// Labels the model gave earlier in the document to each (capitalised) normalized word
/// (counts per label, and the last full BILOU tag): a non-local "prediction history"
/// feeding features of later segments, which are decoded in document order.
#[derive(Clone, Debug, Default)]
pub struct History {
    counts: HashMap64<[u16; 5]>,
    /// Most recent full tag given to the word.
    last: HashMap64<u8>,
}

impl History {
    /// Appends the history features of token `i` to `out`.
    pub fn keys(&self, f: &Features, i: usize, out: &mut Vec<u64>) {
        if !f.eligible[i] {
            return;
        }
        let Some(c) = self.counts.get(&f.lw[i]) else {
            return;
        };
        let total: u32 = c.iter().map(|&x| u32::from(x)).sum();
        if total == 0 {
            return;
        }
        let mut best = 0;
        for l in 0..5 {
            if c[l] > c[best] {
                best = l;
            }
            if c[l] > 0 {
                let n = u32::from(c[l]);
                let bucket = if n == total {
                    2
                } else if 2 * n >= total {
                    1
                } else {
                    0
                };
                out.push(feat2(91, l as u64, bucket));
            }
        }
        out.push(feat1(90, best as u64));
        if let Some(&t) = self.last.get(&f.lw[i]) {
            out.push(feat1(92, u64::from(t)));
        }
    }

    /// Records the tags decoded for the segment starting at token `a`.
    pub fn record(&mut self, f: &Features, a: usize, tags: &[usize]) {
        for (k, &t) in tags.iter().enumerate() {
            let i = a + k;
            if f.eligible[i] {
                let l = crate::tags::split(t).map_or(4, |(_, l)| l);
                let c = self.counts.entry(f.lw[i]).or_default();
                c[l] = c[l].saturating_add(1);
                self.last.insert(f.lw[i], t as u8);
            }
        }
    }
}

/// Second-pass document-consistency features from first-pass tags: for each eligible
/// token, which labels the same word received elsewhere in the document, conjoined with
/// its own first-pass label. Flat lists as in [`Features`].
pub fn consistency(f: &Features, first_pass: &[usize]) -> Features {
    const NONE: usize = 4;
    let label_of = |t: usize| crate::tags::split(t).map_or(NONE, |(_, l)| l);
    let mut counts: HashMap64<[u16; 5]> = HashMap64::default();
    for (i, &t) in first_pass.iter().enumerate() {
        if f.eligible[i] {
            let c = counts.entry(f.lw[i]).or_default();
            let l = label_of(t);
            c[l] = c[l].saturating_add(1);
        }
    }
    let mut out = Features {
        keys: Vec::with_capacity(first_pass.len() * 2),
        offsets: Vec::with_capacity(first_pass.len() + 1),
        lw: Vec::new(),
        eligible: Vec::new(),
        w: Vec::new(),
        first: Vec::new(),
        own_end: Vec::new(),
        lent_end: Default::default(),
        borrows: Vec::new(),
    };
    out.offsets.push(0);
    for (i, &t) in first_pass.iter().enumerate() {
        if f.eligible[i] {
            let own = label_of(t) as u64;
            let mut c = counts.get(&f.lw[i]).copied().unwrap_or_default();
            c[own as usize] -= 1;
            let total: u16 = c.iter().sum();
            if total > 0 {
                let mut best = 0;
                for l in 0..5 {
                    if c[l] > 0 {
                        out.keys.push(feat2(60 + l as u32, own, 1));
                    }
                    if c[l] > c[best] {
                        best = l;
                    }
                }
                out.keys.push(feat2(66, own, best as u64));
                if c[best] == total {
                    out.keys.push(feat2(67, own, best as u64));
                }
            } else {
                out.keys.push(feat2(68, own, 0));
            }
        }
        out.offsets.push(out.keys.len() as u32);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_reports_earlier_labels() {
        let f = Features {
            keys: Vec::new(),
            offsets: vec![0; 4],
            lw: vec![7, 8, 7],
            eligible: vec![true, false, true],
            w: Vec::new(),
            first: Vec::new(),
            own_end: Vec::new(),
            lent_end: Default::default(),
            borrows: Vec::new(),
        };
        let mut h = History::default();
        let mut out = Vec::new();
        h.keys(&f, 2, &mut out);
        assert!(out.is_empty());
        h.record(&f, 0, &[crate::tags::tag(crate::tags::Part::U, 0), 0]);
        h.keys(&f, 2, &mut out);
        let u_per = crate::tags::tag(crate::tags::Part::U, 0);
        assert_eq!(
            out,
            [feat2(91, 0, 2), feat1(90, 0), feat1(92, u_per as u64)]
        );
        out.clear();
        h.keys(&f, 1, &mut out);
        assert!(out.is_empty());
    }
}
