//! Name lists from open sources (countries, demonyms, cities, regions, first names,
//! surnames, organisations; `data/gazetteer.tsv`), stored in the model as hashed
//! normalized-token sequences with a set of categories, and matched longest-first inside
//! segments. They feed features, never labels: the model learns how far to trust a match.

use crate::gazetteer::{first_key, longest_matches, next_key, MAX_LEN};
use crate::hash::HashMap64;

/// Flag: a longer stored name continues this sequence.
const PREFIX: u16 = 0x8000;

/// The categories of `data/gazetteer.tsv`, in bit order.
pub const CATEGORIES: [&str; 12] = [
    "country",
    "demonym",
    "city",
    "region",
    "first",
    "last",
    "org_gov",
    "org_party",
    "org_company",
    "org_media",
    "org_other",
    "misc",
];

/// Category bit of first names.
pub(crate) const FIRST: u16 = 1 << 4;
/// Category bit of surnames.
pub(crate) const LAST: u16 = 1 << 5;

/// Category bit of countries.
pub(crate) const COUNTRY: u16 = 1;
/// Category bit of demonyms.
pub(crate) const DEMONYM: u16 = 1 << 1;
/// Category bit of other MISC names ("Catholics", "Christmas", "Conservative").
pub(crate) const MISC: u16 = 1 << 11;
/// Category bits of places: countries, cities, regions.
pub(crate) const PLACES: u16 = 1 | 1 << 2 | 1 << 3;
/// Category bits of organisations.
pub(crate) const ORGS: u16 = 0x1f << 6;

/// Normalized token sequences → category bits (see [`CATEGORIES`]), plus a prefix flag.
#[derive(Clone, Debug, Default)]
pub struct NameLists {
    pub(crate) map: HashMap64<u16>,
}

/// One token's view of the lists: the categories of the longest name covering it and its
/// part in that name (0 = B, 1 = I, 2 = L, 3 = U), and the categories of the token alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ListMatch {
    pub(crate) part: u8,
    pub(crate) cats: u16,
    pub(crate) single: u16,
}

impl NameLists {
    /// Number of stored keys (names and prefixes).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Reads `name<TAB>category` lines (`#` comments and unknown categories skipped): each
    /// name is tokenized and normalized as text is when tagging.
    pub fn from_tsv(tsv: &str) -> NameLists {
        let mut lists = NameLists::default();
        for line in tsv.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((name, cat)) = line.split_once('\t') else {
                continue;
            };
            let Some(bit) = CATEGORIES.iter().position(|c| *c == cat.trim()) else {
                continue;
            };
            let lws: Vec<u64> = copydesk_tokenize::tokenize(name)
                .iter()
                .map(|t| crate::hash::hash_str(&copydesk_tokenize::normalize(t.text(name))))
                .collect();
            lists.add(&lws, 1 << bit);
        }
        lists
    }

    /// Adds a name (normalized word hashes) with category bits `cats`.
    pub(crate) fn add(&mut self, lws: &[u64], cats: u16) {
        if lws.is_empty() || lws.len() > MAX_LEN || cats & PREFIX != 0 {
            return;
        }
        let mut h = first_key(lws[0]);
        for &lw in &lws[1..] {
            *self.map.entry(h).or_default() |= PREFIX;
            h = next_key(h, lw);
        }
        *self.map.entry(h).or_default() |= cats;
    }

    /// The categories of exactly this name (normalized word hashes); 0 if not listed.
    pub(crate) fn categories(&self, lws: &[u64]) -> u16 {
        let Some((&first, rest)) = lws.split_first() else {
            return 0;
        };
        let mut h = first_key(first);
        for &lw in rest {
            h = next_key(h, lw);
        }
        self.map.get(&h).map_or(0, |&v| v & !PREFIX)
    }

    /// The longest listed name at the start of `lws`: its length in tokens and categories
    /// (`(0, 0)` if none).
    pub(crate) fn longest_prefix(&self, lws: &[u64]) -> (usize, u16) {
        let mut best = (0, 0);
        let Some(&first) = lws.first() else {
            return best;
        };
        let mut h = first_key(first);
        for (j, &lw) in lws.iter().enumerate().take(MAX_LEN) {
            if j > 0 {
                h = next_key(h, lw);
            }
            let Some(&v) = self.map.get(&h) else {
                break;
            };
            if v & !PREFIX != 0 {
                best = (j + 1, v & !PREFIX);
            }
            if v & PREFIX == 0 {
                break;
            }
        }
        best
    }

    /// Per token: the longest match covering it and its own categories.
    pub(crate) fn matches(&self, lws: &[u64], segs: &[(usize, usize)]) -> Vec<ListMatch> {
        let mut out = vec![ListMatch::default(); lws.len()];
        if self.map.is_empty() {
            return out;
        }
        for (o, &lw) in out.iter_mut().zip(lws) {
            o.single = self.map.get(&first_key(lw)).map_or(0, |&v| v & !PREFIX);
        }
        longest_matches(
            lws,
            segs,
            |h| self.map.get(&h).map(|&v| (v & PREFIX != 0, v & !PREFIX)),
            |i, part, cats| {
                out[i].part = part;
                out[i].cats = cats;
            },
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::hash_str;

    fn lws(text: &str) -> Vec<u64> {
        copydesk_tokenize::tokenize(text)
            .iter()
            .map(|t| hash_str(&copydesk_tokenize::normalize(t.text(text))))
            .collect()
    }

    #[test]
    fn names_match_longest_first_whatever_the_case() {
        let lists = NameLists::from_tsv(
            "# comment\nExxon Mobil\torg_company\nExxon\torg_company\nRex\tfirst\n\
             Philippines\tcountry\nUnknown\tnot_a_category\n",
        );
        let w = lws("CEO of EXXON Mobil Rex met the philippines");
        let m = lists.matches(&w, &[(0, w.len())]);
        let company = 1 << 8;
        assert_eq!(m[2].cats, company);
        assert_eq!((m[2].part, m[3].part), (0, 2));
        assert_eq!(m[2].single, company, "Exxon alone is listed too");
        assert_eq!(m[3].single, 0);
        assert_eq!((m[4].part, m[4].cats, m[4].single), (3, FIRST, FIRST));
        assert_eq!(m[7].cats, 1);
        assert_eq!(m[0], ListMatch::default());
        assert_eq!(m[6].cats, 0, "'the' is not part of the stored name");
    }
}
