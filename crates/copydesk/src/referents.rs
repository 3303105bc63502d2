//! Referents across documents: which canonical names of several documents name one
//! person, organisation or place.
//!
//! Within a document, [`crate::aliases`] groups the mentions of a referent under one
//! canonical name. Across documents, equal canonical names are one referent, and two more
//! rules join names that differ:
//!
//! - **Transliteration variants.** Multi-word person names whose first and last words have
//!   equal [`person_key`]s (`Sergei Lavrov` in one outlet, `Sergey Lavrov` in another) are
//!   one person, named by the variant with the most mentions (the first seen on ties).
//! - **Surname-only names.** A one-word person name (`Solberg`, from an article that never
//!   gives the full name) joins the only person of the documents whose full name ends with
//!   it (by [`person_key`]); when several people do, it stays apart.
//!
//! A referent's label is the label with the most mentions over all its names and documents
//! (the first seen on ties), each document counting a name under the label of its
//! [`crate::EntityGroup`] ([`Document::entity_tone`]).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use copydesk_entities::Label;

use crate::aliases::person_key;
use crate::document::Document;

/// The referent a canonical name stands for across a set of documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referent {
    /// The name shared by all the names of this referent.
    pub name: String,
    /// Its label: the one with the most mentions over all its names.
    pub label: Label,
}

/// Links the canonical names of `docs` (their [`Document::entity_tone`] names) to the
/// referents they stand for; see the module docs for the rules. Every name of every
/// document is a key of the result. The result depends on the documents' order only
/// through ties (the first seen wins). Same as [`link_names`] over the documents'
/// `entity_tone()` rows, document after document.
pub fn link_referents<'d>(
    docs: impl IntoIterator<Item = &'d Document>,
) -> HashMap<String, Referent> {
    link_names(docs.into_iter().flat_map(|doc| {
        doc.entity_tone()
            .into_iter()
            .map(|t| (t.name, t.label, t.mentions))
    }))
}

/// Links canonical names given as `(name, label, mentions)` rows to the referents they
/// stand for, by the rules of the module docs: the core of [`link_referents`], for callers
/// that hold the names of documents rather than the documents (a table gathered from
/// the partitions of a distributed frame, say).
///
/// The rows are read in order and a name may occur in many of them (once per document,
/// or once per label): its mentions are summed per label. Rows in document order, each
/// document's rows in [`Document::entity_tone`] order, give exactly what
/// [`link_referents`] gives for those documents; so do rows already summed over
/// documents, one per (name, label), in the order of each pair's first appearance.
/// Order matters only through ties (the first seen wins). Every name is a key of the
/// result.
///
/// ```
/// use copydesk::{link_names, Label};
///
/// let links = link_names([
///     ("Sergei Lavrov", Label::Per, 2),
///     ("Lavrov", Label::Per, 1),
///     ("Sergey Lavrov", Label::Per, 3),
/// ]);
/// assert_eq!(links["Lavrov"].name, "Sergey Lavrov");
/// assert_eq!(links["Sergei Lavrov"].label, Label::Per);
/// ```
pub fn link_names<S: AsRef<str>>(
    rows: impl IntoIterator<Item = (S, Label, usize)>,
) -> HashMap<String, Referent> {
    // Names in order of first appearance, with their mentions per label.
    let mut names: Vec<(String, Vec<(Label, usize)>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (name, label, mentions) in rows {
        let name = name.as_ref();
        let i = match index.get(name) {
            Some(&i) => i,
            None => {
                names.push((name.to_owned(), Vec::new()));
                index.insert(name.to_owned(), names.len() - 1);
                names.len() - 1
            }
        };
        let counts = &mut names[i].1;
        match counts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n = n.saturating_add(mentions),
            None => counts.push((label, mentions)),
        }
    }
    let total = |c: &[(Label, usize)]| c.iter().fold(0usize, |t, (_, n)| t.saturating_add(*n));
    let label = |c: &[(Label, usize)]| majority(c);
    // Rule 1: full person names by (first, last) person key; the most mentioned is the name.
    let mut rep: Vec<usize> = (0..names.len()).collect();
    let mut people: HashMap<(String, String), usize> = HashMap::new();
    for (i, (name, counts)) in names.iter().enumerate() {
        let words: Vec<&str> = name.split_whitespace().collect();
        if label(counts) != Label::Per || words.len() < 2 {
            continue;
        }
        let key = (person_key(words[0]), person_key(words[words.len() - 1]));
        match people.get(&key) {
            Some(&r) => {
                let (r_total, i_total) = (total(&names[r].1), total(counts));
                if i_total > r_total {
                    // `i` becomes the representative of the key; `r` points to it.
                    for x in rep.iter_mut().filter(|x| **x == r) {
                        *x = i;
                    }
                    people.insert(key, i);
                } else {
                    rep[i] = r;
                }
            }
            None => {
                people.insert(key, i);
            }
        }
    }
    // Rule 2: a one-word person name joins the only full name ending in it.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for ((_, last), &r) in &people {
        by_surname.entry(last.clone()).or_default().push(r);
    }
    for (i, (name, counts)) in names.iter().enumerate() {
        if label(counts) != Label::Per || name.split_whitespace().count() != 1 {
            continue;
        }
        if let Some([r]) = by_surname.get(&person_key(name)).map(Vec::as_slice) {
            rep[i] = *r;
        }
    }
    // Labels over all the names of a referent.
    let mut merged: HashMap<usize, Vec<(Label, usize)>> = HashMap::new();
    for (i, (_, counts)) in names.iter().enumerate() {
        let acc = merged.entry(rep[i]).or_default();
        for &(l, n) in counts {
            match acc.iter_mut().find(|(x, _)| *x == l) {
                Some((_, m)) => *m = m.saturating_add(n),
                None => acc.push((l, n)),
            }
        }
    }
    names
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            let r = rep[i];
            let referent = Referent {
                name: names[r].0.clone(),
                label: merged.get(&r).map_or(Label::Misc, |c| majority(c)),
            };
            (name.clone(), referent)
        })
        .collect()
}

/// The label with the most mentions, the first seen on ties.
fn majority(counts: &[(Label, usize)]) -> Label {
    let mut best: Option<(Label, usize)> = None;
    for &(l, n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((l, n));
        }
    }
    best.map_or(Label::Misc, |(l, _)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_and_surnames_link_across_documents() {
        let docs = [
            crate::analyze("Sergei Lavrov met Rex Tillerson in Manila. Lavrov said little."),
            crate::analyze(
                "Sergey Lavrov spoke to reporters. Sergey Lavrov then left. Sergey Lavrov returned.",
            ),
            crate::analyze("\"We did not,\" Lavrov said in Manila on Monday."),
        ];
        let links = link_referents(&docs);
        for name in ["Sergei Lavrov", "Sergey Lavrov", "Lavrov"] {
            if let Some(r) = links.get(name) {
                assert_eq!(r.name, "Sergey Lavrov", "{name}");
                assert_eq!(r.label, Label::Per);
            }
        }
        assert_eq!(links["Sergei Lavrov"].name, "Sergey Lavrov");
        assert_eq!(links["Manila"].name, "Manila");
    }

    #[test]
    fn an_ambiguous_surname_stays_apart() {
        let docs = [
            crate::analyze("Hillary Clinton spoke. Bill Clinton listened."),
            crate::analyze("Clinton said nothing at all."),
        ];
        let links = link_referents(&docs);
        if let Some(r) = links.get("Clinton") {
            assert_eq!(r.name, "Clinton");
        }
        assert_eq!(links["Bill Clinton"].name, "Bill Clinton");
    }

    /// `(name, label, mentions)` rows of `docs`, in document order.
    fn rows(docs: &[Document]) -> Vec<(String, Label, usize)> {
        docs.iter()
            .flat_map(|d| {
                d.entity_tone()
                    .into_iter()
                    .map(|t| (t.name, t.label, t.mentions))
            })
            .collect()
    }

    #[test]
    fn link_names_over_entity_tone_rows_is_link_referents() {
        let docs = [
            crate::analyze("\"We did not,\" Lavrov said in Manila on Monday. Manila was hot."),
            crate::analyze("Sergei Lavrov met Rex Tillerson in Manila. Lavrov said little."),
            crate::analyze(
                "Sergey Lavrov spoke to reporters. Sergey Lavrov then left. Sergey Lavrov returned.",
            ),
            crate::analyze("Hillary Clinton spoke. Bill Clinton listened. Clinton said nothing."),
        ];
        let rows = rows(&docs);
        assert!(rows.iter().any(|(n, _, _)| n == "Lavrov"), "{rows:?}");
        assert_eq!(link_names(rows.clone()), link_referents(&docs));
        // Borrowed names work too.
        let borrowed = rows.iter().map(|(n, l, m)| (n.as_str(), *l, *m));
        assert_eq!(link_names(borrowed), link_referents(&docs));
        // So do the rows summed per (name, label), in order of first appearance.
        let mut summed: Vec<(String, Label, usize)> = Vec::new();
        for (n, l, m) in rows {
            match summed.iter_mut().find(|(x, y, _)| *x == n && *y == l) {
                Some((_, _, k)) => *k += m,
                None => summed.push((n, l, m)),
            }
        }
        assert_eq!(link_names(summed), link_referents(&docs));
    }

    #[test]
    fn link_names_sums_rows_and_links_across_them() {
        // The bare surname comes first, the full names from later "documents".
        let links = link_names([
            ("Lavrov", Label::Per, 1),
            ("Manila", Label::Loc, 1),
            ("Sergei Lavrov", Label::Per, 2),
            ("Sergey Lavrov", Label::Per, 2),
            ("Sergey Lavrov", Label::Per, 1),
            ("Manila", Label::Org, 1),
            ("Manila", Label::Org, 1),
        ]);
        assert_eq!(links.len(), 4);
        for name in ["Lavrov", "Sergei Lavrov", "Sergey Lavrov"] {
            let r = &links[name];
            assert_eq!(
                (r.name.as_str(), r.label),
                ("Sergey Lavrov", Label::Per),
                "{name}"
            );
        }
        // Mentions are summed per label: ORG 2 beats LOC 1.
        assert_eq!(links["Manila"].label, Label::Org);
        // Ties go to the first seen: the variant, and the label.
        let tie = link_names([
            ("Sergei Lavrov", Label::Per, 1),
            ("Sergey Lavrov", Label::Per, 1),
            ("Oslo", Label::Loc, 1),
            ("Oslo", Label::Org, 1),
        ]);
        assert_eq!(tie["Sergey Lavrov"].name, "Sergei Lavrov");
        assert_eq!(tie["Oslo"].label, Label::Loc);
        assert!(link_names(Vec::<(String, Label, usize)>::new()).is_empty());
        // Huge counts saturate rather than overflow.
        let big = link_names([("Oslo", Label::Loc, usize::MAX), ("Oslo", Label::Loc, 1)]);
        assert_eq!(big["Oslo"].label, Label::Loc);
    }
}
