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
/// through ties (the first seen wins).
pub fn link_referents<'d>(
    docs: impl IntoIterator<Item = &'d Document>,
) -> HashMap<String, Referent> {
    // Names in order of first appearance, with their mentions per label.
    let mut names: Vec<(String, Vec<(Label, usize)>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for doc in docs {
        for t in doc.entity_tone() {
            let i = *index.entry(t.name.clone()).or_insert_with(|| {
                names.push((t.name.clone(), Vec::new()));
                names.len() - 1
            });
            let counts = &mut names[i].1;
            match counts.iter_mut().find(|(l, _)| *l == t.label) {
                Some((_, n)) => *n += t.mentions,
                None => counts.push((t.label, t.mentions)),
            }
        }
    }
    let total = |c: &[(Label, usize)]| c.iter().map(|(_, n)| n).sum::<usize>();
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
                Some((_, m)) => *m += n,
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
}
