//! Sentence analysis shared by scoring and lexicon fitting: turns one sentence's tokens into
//! weighted sentiment terms. A term's contribution to the sentence sum is
//! `m * (v + sign(v) * e)` where `v` is the lexicon valence of its entry, `m` carries
//! negation, valence shifters and contrast (one multiplier for positive and one for
//! negative valences, as negation weakens negative words more), and `e` the extra
//! magnitude from boosters and capitals.
//! Fitting uses exactly this code, so the fitted valences are valences for this scorer.

use copydesk_tokenize::{Token, TokenKind};

use crate::rules;
use crate::table::{
    Table, ACTIVE, BENEFIT, CONCESSIVE, CONTRAST, FAIL_TO, FOCUS, LEVEL_LINK, LOW, NAME_LINK,
    NEGATOR, SELF_REF, SHIFTER, STOP, TERM, TO,
};

const NONE: u32 = u32::MAX;

/// Most items a negation/booster scan looks back over.
const MAX_LOOKBACK: usize = 4 * rules::WINDOW;

/// A weighted occurrence of a lexicon entry in a sentence.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    /// Entry index in the [`Table`].
    pub entry: u32,
    /// Multiplier: contrast weight times negation factors, for a positive valence.
    pub m: f32,
    /// The multiplier for a negative valence (negation weakens negative words more than
    /// it weakens positive ones).
    pub mn: f32,
    /// Extra magnitude (boosters, dampeners, capitals), applied in the valence's direction.
    pub e: f32,
}

impl Term {
    /// The contribution of this term given its entry's valence `v`.
    #[inline]
    pub fn contribution(&self, v: f32) -> f32 {
        if v > 0.0 {
            self.m * (v + self.e)
        } else if v < 0.0 {
            self.mn * (v - self.e)
        } else {
            0.0
        }
    }

    /// The derivative of [`contribution`](Self::contribution) with respect to `v`.
    #[inline]
    pub fn slope(&self, v: f32) -> f32 {
        if v < 0.0 {
            self.mn
        } else {
            self.m
        }
    }
}

/// Per-sentence counts besides the terms.
#[derive(Clone, Copy, Debug, Default)]
pub struct Features {
    /// Exclamation/question push magnitude, applied in the direction of the sentence sum.
    pub push: f32,
    /// Word-like tokens (words, numbers, hashtags, mentions, emoji): the GDELT denominator.
    pub words: u32,
    /// Activity words.
    pub active: u32,
    /// First-person pronouns.
    pub self_ref: u32,
    /// Items (word-like tokens, phrases and emoticons merged): the shares' denominator.
    pub items: u32,
}

#[derive(Clone, Copy, Debug)]
struct Item {
    entry: u32,
    flags: u16,
    degree: f32,
    caps: bool,
    boundary: bool,
    /// Written without a space after the previous item (`n't` in `don't`): counts as part
    /// of the same word for the negation and booster windows.
    attached: bool,
    /// An emoticon (a non-word lexicon term): not negated or boosted, and a scope boundary.
    emoticon: bool,
    /// A single word written with an initial capital (and some lower case) that does not
    /// start the sentence, a quotation or a clause after a colon: maybe part of a name.
    title: bool,
    /// For a derived form scored through its base form's entry ([`Table::inflection`]),
    /// the factor on the base's valence; 1 otherwise.
    derived: f32,
    /// A verb of benefit with a named beneficiary ([`rules::BENEFIT_VERBS`]).
    partisan: bool,
}

/// Reusable buffers for [`analyse`].
#[derive(Debug, Default)]
pub struct Scratch {
    items: Vec<Item>,
    /// Indices of the items that become terms.
    scoring: Vec<u32>,
    key: String,
    phrase: String,
    tmp: String,
}

impl Scratch {
    /// Buffers with room for sentences of `items` items.
    pub(crate) fn with_capacity(items: usize) -> Self {
        Scratch {
            items: Vec::with_capacity(items),
            ..Scratch::default()
        }
    }
}

/// The lookup key of a token's text: borrowed if already lower-case ASCII, otherwise
/// lower-cased (ASCII) or [`copydesk_tokenize::normalize`]d into `buf`.
#[inline]
pub fn key_of<'a>(s: &'a str, buf: &'a mut String) -> &'a str {
    key_and_case(s, buf).0
}

/// Case of a token: whether it has upper-case and lower-case letters, and whether it is
/// written in capitals (two or more letters, none lower-case).
#[derive(Clone, Copy, Debug, Default)]
struct Case {
    lower: bool,
    caps: bool,
}

/// [`key_of`] plus the token's [`Case`], in one pass for ASCII tokens.
#[inline]
fn key_and_case<'a>(s: &'a str, buf: &'a mut String) -> (&'a str, Case) {
    let b = s.as_bytes();
    let (mut upper, mut lower, mut ascii) = (0u32, false, true);
    for &c in b {
        upper += u32::from(c.is_ascii_uppercase());
        lower |= c.is_ascii_lowercase();
        ascii &= c.is_ascii();
    }
    if ascii {
        let case = Case {
            lower,
            caps: !lower && upper >= 2,
        };
        if upper == 0 {
            return (s, case);
        }
        buf.clear();
        buf.push_str(s);
        buf.make_ascii_lowercase();
        return (buf, case);
    }
    let case = Case {
        lower: has_lower(s),
        caps: is_caps(s),
    };
    buf.clear();
    buf.push_str(&copydesk_tokenize::normalize(s));
    (buf, case)
}

/// For an ASCII token of 1 to 8 bytes not starting with `#`: its lower-cased bytes as a
/// little-endian, zero-padded word (the head [`Table::get_short_hashed`] takes, identical to what
/// [`Table::get`] computes for the key [`key_and_case`] gives) and its [`Case`], computed
/// eight bytes at a time. `None` for other tokens, which take the general path (hashtags
/// there fall back to their text without `#`).
#[inline]
fn short_ascii(b: &[u8]) -> Option<(u64, Case)> {
    let n = b.len();
    if n == 0 || n > 8 || b[0] == b'#' {
        return None;
    }
    // The bytes as a zero-padded little-endian word, from overlapping loads (a byte copy
    // into a stack buffer costs a call and a store-forwarding stall).
    let w = if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | u64::from(hi) << ((n - 4) * 8)
    } else {
        u64::from(b[0]) | u64::from(b[n / 2]) << (n / 2 * 8) | u64::from(b[n - 1]) << ((n - 1) * 8)
    };
    short_key(w)
}

/// [`short_ascii`] of the token `text[start..end]`: where eight bytes of `text` follow
/// `start`, one load masked to the token's length replaces the branches on its length
/// (token lengths are too irregular for branch prediction).
#[inline]
fn short_ascii_in(text: &[u8], start: usize, end: usize) -> Option<(u64, Case)> {
    let n = end.wrapping_sub(start);
    match text.get(start..start.wrapping_add(8)) {
        Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) if (1..=8).contains(&n) => {
            if b0 == b'#' {
                return None;
            }
            let w = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
            short_key(w & (u64::MAX >> (64 - 8 * n)))
        }
        _ => short_ascii(text.get(start..end)?),
    }
}

/// The lower-cased head word and [`Case`] of the zero-padded word `w` of an ASCII token
/// of up to 8 bytes; `None` if a byte is not ASCII.
#[inline]
fn short_key(w: u64) -> Option<(u64, Case)> {
    let (lower, upper) = ascii_word_case(w)?;
    let case = Case {
        lower: lower != 0,
        caps: lower == 0 && upper.count_ones() >= 2,
    };
    Some((w | upper >> 2, case))
}

/// For an ASCII token of 9 to 16 bytes not starting with `#`: its lower-cased bytes as two
/// little-endian words (bytes 0..8, and bytes 8.. zero-padded; what [`Table::get_medium_hashed`]
/// takes) and its [`Case`]. `None` for other tokens.
#[inline]
fn medium_ascii(b: &[u8]) -> Option<([u64; 2], Case)> {
    let n = b.len();
    if !(9..=16).contains(&n) || b[0] == b'#' {
        return None;
    }
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let w0 = word(0);
    // Bytes n-8..n, shifted down so that bytes 8..n start the word and zeros follow.
    let w1 = word(n - 8) >> ((16 - n) * 8);
    let (l0, u0) = ascii_word_case(w0)?;
    let (l1, u1) = ascii_word_case(w1)?;
    let lower = l0 | l1;
    let case = Case {
        lower: lower != 0,
        caps: lower == 0 && u0.count_ones() + u1.count_ones() >= 2,
    };
    Some(([w0 | u0 >> 2, w1 | u1 >> 2], case))
}

/// The lower-case and upper-case ASCII letters of a word of bytes, as masks with the high
/// bit of each such byte set; `None` if a byte is not ASCII.
#[inline]
fn ascii_word_case(w: u64) -> Option<(u64, u64)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if w & HIGH != 0 {
        return None;
    }
    // Every byte is below 0x80, so these byte-wise additions never carry across bytes;
    // padding bytes (0) are neither upper- nor lower-case.
    let in_range = |lo: u8, hi: u8| {
        let ge = w.wrapping_add(ONES * u64::from(0x80 - lo));
        let gt = w.wrapping_add(ONES * u64::from(0x80 - hi - 1));
        ge & !gt & HIGH
    };
    Some((in_range(b'a', b'z'), in_range(b'A', b'Z')))
}

fn is_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters >= 2
}

fn has_lower(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

fn word_like(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Word
            | TokenKind::Number
            | TokenKind::Hashtag
            | TokenKind::Mention
            | TokenKind::Emoji
    )
}

/// Counts a word-like token with entry flags `flags` and text `s` in the densities.
#[inline]
fn count_word(f: &mut Features, flags: u16, s: &[u8]) {
    f.words += 1;
    if flags & ACTIVE != 0 {
        f.active += 1;
    }
    if flags & SELF_REF != 0 && s != b"US" {
        f.self_ref += 1;
    }
}

/// Whether the token after `tokens[i]` (whose entry `entry` starts some phrase) may be a
/// phrase's second word: a cheap filter before building phrase keys. `wl` tells whether
/// `tokens[i]` is word-like (a non-word phrase, an emoticon, needs contiguous tokens).
#[inline]
fn may_continue_phrase(
    table: &Table,
    entry: u32,
    text: &str,
    tokens: &[Token],
    i: usize,
    wl: bool,
    buf: &mut String,
) -> bool {
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    if !wl && next.start != tokens[i].end {
        return false;
    }
    let s = next.text(text);
    let h = match short_ascii(s.as_bytes()) {
        Some((head, _)) => Table::short_hash(head, s.len()),
        None => Table::key_hash(key_of(s, buf)),
    };
    table.may_continue_phrase(entry, h)
}

/// [`Table::key_hash`] of a token's key, without building the key for ASCII tokens of up
/// to 16 bytes.
#[inline]
fn token_hash(s: &str, buf: &mut String) -> u64 {
    if let Some((head, _)) = short_ascii(s.as_bytes()) {
        Table::short_hash(head, s.len())
    } else if let Some((words, _)) = medium_ascii(s.as_bytes()) {
        crate::hash::hash_words(&words, s.len())
    } else {
        Table::key_hash(key_of(s, buf))
    }
}

/// Whether a token may be one of the derived forms [`Table::inflection`] knows (5+ bytes,
/// ending in -s, -ed, -ng, -ly, -st or -er or starting with un-, in either case): a cheap
/// filter before hashing it.
#[inline]
fn may_be_derived(b: &[u8]) -> bool {
    let n = b.len();
    if n < 5 {
        return false;
    }
    if (b[0] | 0x20, b[1] | 0x20) == (b'u', b'n') {
        return true;
    }
    let (y, z) = (b[n - 2] | 0x20, b[n - 1] | 0x20);
    matches!(
        (y, z),
        (_, b's') | (b'e', b'd') | (b'n', b'g') | (b'l', b'y') | (b's', b't') | (b'e', b'r')
    )
}

/// Whether the capitalised word `items[j]` is part of a multiword name: a neighbouring word
/// is capitalised too ("Justice Department", "Harvey Mudd"), directly or across a linking
/// word ("Friends of Harvey", "Department of Justice"). A lone capitalised word (emphasis
/// in informal text, "I Love it") keeps its valence, and sentences without any word that
/// starts in lower case (titles, Title Case posts) are left alone by the caller.
#[inline]
fn in_name(items: &[Item], j: usize) -> bool {
    let title = |q: usize| items.get(q).is_some_and(|x| x.title);
    let link = |q: usize| items.get(q).is_some_and(|x| x.flags & NAME_LINK != 0);
    (j > 0 && title(j - 1))
        || title(j + 1)
        || (link(j + 1) && title(j + 2))
        || (j > 1 && link(j - 1) && title(j - 2))
}

/// A token's entry (or [`NONE`]), its [`Case`], and its key's hash when the lookup computed
/// it anyway (the ASCII paths; the derived-form lookup reuses it).
#[inline(always)]
fn lookup(table: &Table, text: &str, tok: Token, key: &mut String) -> (u32, Case, Option<u64>) {
    let b = text.as_bytes().get(tok.start..tok.end).unwrap_or_default();
    if let Some((head, case)) = short_ascii_in(text.as_bytes(), tok.start, tok.end) {
        // Fast path: a short ASCII token is looked up by its lower-cased word.
        let h = Table::short_hash(head, b.len());
        let entry = table.get_short_hashed(head, b.len(), h).unwrap_or(NONE);
        (entry, case, Some(h))
    } else if let Some((words, case)) = medium_ascii(b) {
        let h = crate::hash::hash_words(&words, b.len());
        let entry = table.get_medium_hashed(words, b.len(), h).unwrap_or(NONE);
        (entry, case, Some(h))
    } else {
        let (k, case) = key_and_case(tok.text(text), key);
        let mut entry = table.get(k).unwrap_or(NONE);
        if entry == NONE && tok.kind == TokenKind::Hashtag && k.len() > 1 {
            // A hashtag falls back to its text without `#`.
            entry = table.get(&k[1..]).unwrap_or(NONE);
        }
        (entry, case, None)
    }
}

/// Most tokens analysed together. A longer sentence (no real one is; scraped text without
/// punctuation can be) is analysed in windows of this many tokens, so that the working
/// memory stays bounded and in cache: rules that reach across a sentence (contrast, names,
/// phrases) then see one window, and the sentence's tone still sums the terms of all.
pub(crate) const MAX_SENTENCE_TOKENS: usize = 1024;

/// Analyses one sentence (`tokens`, offsets into `text`), appending its terms to `terms`.
/// With `all_terms`, entries with no valence (but not function words) are emitted too, for
/// fitting; otherwise only entries with a valence. A sentence longer than
/// [`MAX_SENTENCE_TOKENS`] is analysed window by window; its counts are the windows' sums
/// and its push the largest window's.
pub fn analyse(
    table: &Table,
    text: &str,
    tokens: &[Token],
    scratch: &mut Scratch,
    all_terms: bool,
    terms: &mut Vec<Term>,
) -> Features {
    if tokens.len() <= MAX_SENTENCE_TOKENS {
        return analyse_window(table, text, tokens, scratch, all_terms, terms);
    }
    let mut f = Features::default();
    for window in tokens.chunks(MAX_SENTENCE_TOKENS) {
        let w = analyse_window(table, text, window, scratch, all_terms, terms);
        f.push = f.push.max(w.push);
        f.words += w.words;
        f.active += w.active;
        f.self_ref += w.self_ref;
        f.items += w.items;
    }
    f
}

/// [`analyse`] on at most [`MAX_SENTENCE_TOKENS`] tokens (not checked here).
fn analyse_window(
    table: &Table,
    text: &str,
    tokens: &[Token],
    scratch: &mut Scratch,
    all_terms: bool,
    terms: &mut Vec<Term>,
) -> Features {
    let mut f = Features::default();
    let first_term = terms.len();
    let Scratch {
        items,
        scoring,
        key,
        phrase,
        tmp,
    } = scratch;
    items.clear();
    scoring.clear();
    let (mut exclamations, mut questions) = (0u32, 0u32);
    let (mut any_caps, mut any_lower) = (false, false);
    // The first contrastive and the first concessive conjunction (item indices).
    let (mut contrast, mut concessive) = (None, None);
    // Whether the next word starts the sentence (or a quotation, or follows a colon), where
    // a capital says nothing about names; and whether some word starts in lower case.
    let (mut at_start, mut any_lower_initial) = (true, false);
    let entries = &table.entries;
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        // The token's bytes (its text is only needed off the ASCII fast paths).
        let b = text.as_bytes().get(tok.start..tok.end).unwrap_or_default();
        let kind = tok.kind;
        let wl = word_like(kind);
        let (mut entry, case, hash) = lookup(table, text, tok, key);
        let mut consumed = 1;
        if entry != NONE
            && entries[entry as usize].max_phrase >= 2
            && may_continue_phrase(table, entry, text, tokens, i, wl, tmp)
        {
            let contiguous = !wl;
            let max = entries[entry as usize].max_phrase as usize;
            phrase.clear();
            phrase.push_str(key_of(tok.text(text), key));
            for n in 2..=max {
                let j = i + n - 1;
                if j >= tokens.len() || (contiguous && tokens[j].start != tokens[j - 1].end) {
                    break;
                }
                phrase.push(' ');
                phrase.push_str(key_of(tokens[j].text(text), tmp));
                if let Some(ix) = table.get(phrase) {
                    if entries[ix as usize].flags & TERM != 0 {
                        entry = ix;
                        consumed = n;
                    }
                }
            }
        }
        if consumed == 1
            && entry != NONE
            && (entries[entry as usize].flags & TERM == 0 || kind == TokenKind::Number)
        {
            // Only a phrase prefix, or a numeral: in news "187" and "86" are quantities, not
            // the slang of the social-media lexicon.
            entry = NONE;
        }
        // Densities count every word-like token, including those inside a phrase.
        if consumed == 1 {
            if wl {
                let flags = if entry == NONE {
                    0
                } else {
                    entries[entry as usize].flags
                };
                count_word(&mut f, flags, b);
            }
        } else {
            for t in &tokens[i..i + consumed] {
                if word_like(t.kind) {
                    let flags = table
                        .get(key_of(t.text(text), tmp))
                        .map_or(0, |ix| entries[ix as usize].flags);
                    count_word(&mut f, flags, t.text(text).as_bytes());
                }
            }
        }
        if consumed == 1 && !wl {
            // Punctuation or symbol not part of an emoticon.
            if entry == NONE || entries[entry as usize].valence == 0.0 {
                exclamations += b.iter().filter(|&&c| c == b'!').count() as u32;
                questions += b.iter().filter(|&&c| c == b'?').count() as u32;
                // A hyphen inside a compound ("well-known", "long-winded") is no clause
                // boundary; a spaced dash is.
                let in_compound = b == b"-"
                    && i > 0
                    && tokens[i - 1].end == tok.start
                    && tokens.get(i + 1).is_some_and(|n| n.start == tok.end);
                at_start |= !in_compound && !matches!(b, b"," | b";" | b"$" | b"%" | b"&");
                if rules::is_boundary(b) && !in_compound {
                    items.push(Item {
                        entry: NONE,
                        flags: 0,
                        degree: 0.0,
                        caps: false,
                        boundary: true,
                        attached: false,
                        emoticon: false,
                        title: false,
                        derived: 1.0,
                        partisan: false,
                    });
                }
                i += 1;
                continue;
            }
        }
        if !wl && (consumed > 1 || !rules::is_boundary(b)) {
            // An emoticon: counts as a word (as emoji do). A single punctuation mark with a
            // valence (the question mark) is scored but is not a word.
            f.words += 1;
        }
        let caps = wl && case.caps;
        let mut title = false;
        if wl {
            any_caps |= caps;
            any_lower |= case.lower;
            let initial = b.first().copied().unwrap_or_default();
            any_lower_initial |= initial.is_ascii_lowercase();
            // (Combined without branches: capitals are irregular.)
            title = (consumed == 1) & case.lower & initial.is_ascii_uppercase() & !at_start;
            at_start = false;
        } else {
            at_start = true;
        }
        let (flags, degree, mut valence) = if entry == NONE {
            (0, 0.0, 0.0)
        } else {
            let e = &entries[entry as usize];
            (e.flags, e.degree, e.valence)
        };
        // An inflected form the lexicon lacks ("tyrannies", "loveliest") scores as a damped
        // copy of its base form's valence; its rule roles are its own, not the base's.
        // So does `un` + a lexicon word ("unappetizing"), with the opposite sign.
        let mut derived = 1.0;
        if kind == TokenKind::Word
            && consumed == 1
            && (entry == NONE || table.may_derive(entry))
            && may_be_derived(b)
        {
            let h = hash.unwrap_or_else(|| token_hash(tok.text(text), key));
            if let Some((base, factor)) = table.inflection(h) {
                entry = base;
                valence = entries[base as usize].valence;
                derived = factor;
            }
        }
        let attached =
            wl && i > 0 && tokens[i - 1].end == tok.start && word_like(tokens[i - 1].kind);
        // Every entry may score, boosters and conjunctions included: besides their rule
        // role they may carry a (fitted) valence of their own ("too", "instead").
        if entry != NONE && (valence != 0.0 || (all_terms && flags & STOP == 0)) {
            scoring.push(items.len() as u32);
        }
        if flags & (CONTRAST | CONCESSIVE) != 0 {
            if flags & CONTRAST != 0 {
                contrast = contrast.or(Some(items.len()));
            } else {
                concessive = concessive.or(Some(items.len()));
            }
        }
        items.push(Item {
            entry,
            flags,
            degree,
            caps,
            boundary: false,
            attached,
            emoticon: !wl,
            title,
            derived,
            partisan: false,
        });
        f.items += 1;
        i += consumed;
    }
    let mixed = any_caps && any_lower;
    f.push = exclamations.min(rules::MAX_EXCLAMATIONS) as f32 * rules::EXCLAMATION;
    if questions >= 2 {
        f.push += (questions as f32 * rules::QUESTION).min(rules::MAX_QUESTION);
    }

    // Contrast: the first contrastive conjunction splits the sentence; otherwise the first
    // concessive conjunction's clause is down-weighted.
    let concession = if contrast.is_none() {
        concessive.map(|c: usize| {
            let end = items[c + 1..]
                .iter()
                .position(|it| it.boundary)
                .map_or(items.len(), |p| c + 1 + p);
            (c, end)
        })
    } else {
        None
    };

    // Verbs of benefit with a named beneficiary: "help Donald Trump", "boost the Kremlin".
    for j in 0..items.len() {
        if items[j].flags & BENEFIT != 0 {
            let k = j + 1 + usize::from(items.get(j + 1).is_some_and(|x| x.entry == table.the));
            items[j].partisan = items.get(k).is_some_and(|x| x.title || (x.caps && mixed));
        }
    }

    for &j in scoring.iter() {
        let j = j as usize;
        let it = &items[j];
        if it.partisan {
            // Which side gains is not the writer's verdict.
            continue;
        }
        if it.title && any_lower_initial && in_name(items, j) {
            // "the Friends of Harvey Mudd College", "a Federal grand jury", "Grand Central":
            // a word of a name carries no tone.
            continue;
        }
        let mut m = match (contrast, concession) {
            (Some(c), _) if j < c => rules::BEFORE_CONTRAST,
            (Some(_), _) => rules::AFTER_CONTRAST,
            (None, Some((c, end))) if j >= c && j < end => rules::BEFORE_CONTRAST,
            (None, Some(_)) => rules::AFTER_CONTRAST,
            _ => 1.0,
        };
        m *= it.derived;
        let mut mn = m;
        let mut e = if it.caps && mixed { rules::CAPS } else { 0.0 };
        let mut seen = 0;
        // Attached pieces (`n't`) do not count toward the window, but the scan is capped
        // so that long runs of attached tokens (unspaced scripts) stay linear.
        let from = if it.emoticon {
            j
        } else {
            j.saturating_sub(MAX_LOOKBACK)
        };
        let lookback = &items[from..j];
        for (q, p) in lookback
            .iter()
            .enumerate()
            .rev()
            .map(|(q, p)| (q + from, p))
        {
            if p.boundary
                || p.emoticon
                || p.flags & (CONTRAST | CONCESSIVE) != 0
                || seen == rules::NEGATION_WINDOW
            {
                break;
            }
            let negates = if p.flags & NEGATOR != 0 {
                // "not only", "not just": additive focus, not a negation.
                items.get(q + 1).is_none_or(|x| x.flags & FOCUS == 0)
            } else if p.flags & LOW != 0 {
                // "low trust", "a low level of trust", "less pleased".
                items[q + 1..j].iter().all(|x| x.flags & LEVEL_LINK != 0)
            } else {
                // "failed to win", "refused to help".
                p.flags & FAIL_TO != 0 && items.get(q + 1).is_some_and(|x| x.flags & TO != 0)
            };
            if negates {
                // "never so good", "nothing better", "never been worse": an intensifier,
                // not a negation.
                if table.intensifies(p.entry, items[q + 1..=j].iter().map(|x| x.entry)) {
                    e += rules::BOOST;
                } else {
                    m *= rules::NEGATION;
                    mn *= rules::NEGATION_OF_NEGATIVE;
                }
            } else if (p.flags & SHIFTER != 0 || p.partisan) && seen < rules::WINDOW {
                m *= rules::SHIFT;
                mn *= rules::SHIFT;
            }
            if p.degree != 0.0 && seen < rules::WINDOW {
                let mut d = p.degree * rules::BOOST;
                if p.caps && mixed {
                    d += p.degree.signum() * rules::CAPS;
                }
                e += d * rules::DECAY[seen];
            }
            if !p.attached {
                seen += 1;
            }
        }
        terms.push(Term {
            entry: it.entry,
            m,
            mn,
            e,
        });
    }
    let scale = rules::length_scale(f.words);
    if scale != 1.0 {
        for t in &mut terms[first_term..] {
            t.m *= scale;
            t.mn *= scale;
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::DEFAULT_LEXICON;

    /// The word-at-a-time lookups find exactly what the general path finds, for every key
    /// of the table in three casings and for words outside it.
    #[test]
    fn fast_lookups_match_the_general_path() {
        let table = Table::new(&DEFAULT_LEXICON);
        let mut buf = String::new();
        let mut checked = 0;
        let keys = (0..table.entries.len()).map(|i| table.key(i).to_owned());
        let extra = ["Xylophonist", "unprecedentedly", "NEGOTIATIONS", "a", "Qz"];
        for key in keys.chain(extra.iter().map(|s| (*s).to_owned())) {
            let mut title = key.clone();
            title[..1].make_ascii_uppercase();
            for w in [key.clone(), key.to_ascii_uppercase(), title] {
                let general = table.get(key_of(&w, &mut buf));
                let fast = if let Some((head, _)) = short_ascii(w.as_bytes()) {
                    table.get_short(head, w.len())
                } else if let Some((words, _)) = medium_ascii(w.as_bytes()) {
                    table.get_medium(words, w.len())
                } else {
                    continue;
                };
                assert_eq!(fast, general, "{w:?}");
                checked += 1;
            }
        }
        assert!(checked > 20_000, "{checked}");
    }

    #[test]
    fn medium_tokens_get_their_case() {
        let (_, case) = medium_ascii("SANCTIONED!!".as_bytes()).unwrap();
        assert!(case.caps && !case.lower);
        let (_, case) = medium_ascii("Negotiations".as_bytes()).unwrap();
        assert!(!case.caps && case.lower);
        assert!(medium_ascii("#hashtagged".as_bytes()).is_none());
        assert!(medium_ascii("négociations".as_bytes()).is_none());
        assert!(medium_ascii("short".as_bytes()).is_none());
    }
}
