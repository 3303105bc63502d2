//! Entity aliases: grouping the mentions of one referent within a document.
//!
//! Rules, applied to name mentions (`PER`, `ORG`, `LOC`, `MISC`) in text order:
//!
//! - **Clean-up.** A trailing possessive (`Tillerson's`, `Jones'`) is dropped; leading
//!   titles and office words (`Mr`, `Dr.`, `Foreign Minister`, `Sen.`; `data/titles.tsv`)
//!   are removed from person names and never part of a canonical name; a leading
//!   lowercase `the` is dropped from other names. A known given name right before a
//!   one-word person mention (`Hillary` before a tagged `Clinton`) is taken into it.
//! - **Alias table.** A mention whose whole cleaned form is in the [`AliasTable`]
//!   (`US`, `U.S.`, `USA` → `United States`; built-in `data/aliases.tsv`, user entries on
//!   top) belongs to the group of its canonical name, whatever its label.
//!   A person name in the table (a user's `Sergey Lavrov` → `Sergei Lavrov`) is a full
//!   person name for the rules below: its bare surname (`Lavrov`, `Mr Lavrov`) joins it.
//! - **Full person names** (two or more words) with the same first and last word are one
//!   person (`Hillary Clinton`, `Hillary Rodham Clinton`). Words are compared by their
//!   [`person_key`], which folds common transliteration variants (`Sergei`/`Sergey`,
//!   `Zelensky`/`Zelenskyy`/`Zelenskiy`).
//! - **A bare surname** (`Tillerson`, `Mr Tillerson`) joins a full name ending in that word.
//!   When several people share it (`Hillary Clinton`, `Bill Clinton`), candidates whose
//!   gender (from a title such as `Mrs`, or a given name) contradicts the mention's title
//!   are dropped; of the rest, the one mentioned most recently before the bare surname
//!   wins (news copy uses the bare surname for the person just discussed), else the first
//!   one mentioned after it. Different people are never merged into one group: only the
//!   bare mention is assigned. A one-word `ORG`/`MISC` mention (a likely tagging slip) may
//!   also join a person this way, a `LOC` never.
//! - **Acronyms.** A one-word all-capitals mention joins the only multi-word non-person
//!   name in the document whose initials it spells (`World Trade Organization` → `WTO`).
//! - **Everything else** groups by cleaned form (case and periods ignored), whatever the
//!   label among `ORG`/`LOC`/`MISC` (a dateline's `OSLO` and a later `Oslo` are one place).
//!
//! A group's canonical name is the table's canonical name, else its longest full form
//! (most words, then most characters, then not all in capitals; the first seen on ties). Its label is its most
//! frequent label. Across documents, groups with equal canonical names are the same
//! referent (what `copydesk.compare` relies on).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Serialize};

use copydesk_entities::{Entity as RawEntity, Label};

mod lexicon;

pub use copydesk_quotes::lexicon::Gender;

use crate::lexicon::name_key;

/// The mentions of one referent in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityGroup {
    /// The group's canonical name (see the module docs).
    pub canonical: String,
    /// The most frequent label among its mentions.
    pub label: Label,
    /// Indices into `Document::entities`, in text order.
    pub mentions: Vec<usize>,
}

static BUILTIN_TSV: &str = include_str!("../data/aliases.tsv");

static BUILTIN: LazyLock<Arc<AliasTable>> = LazyLock::new(|| {
    let mut t = AliasTable::empty();
    for line in BUILTIN_TSV.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((variant, canonical)) = line.split_once('\t') {
            t.insert(variant.trim(), canonical.trim());
        }
    }
    Arc::new(t)
});

/// Variant names → canonical names (`U.S.` → `United States`). Keys are matched on whole
/// mentions, case-insensitively, with periods ignored; a canonical name matches itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AliasTable {
    map: HashMap<String, String>,
}

impl AliasTable {
    /// A table with no entries.
    pub fn empty() -> Self {
        Self::default()
    }

    /// The built-in table (`data/aliases.tsv`), shared.
    pub fn builtin() -> Arc<AliasTable> {
        Arc::clone(&BUILTIN)
    }

    /// Adds (or replaces) `variant` → `canonical`; the canonical name is also added as a
    /// variant of itself. Empty names are ignored.
    pub fn insert(&mut self, variant: &str, canonical: &str) {
        let canonical = canonical.split_whitespace().collect::<Vec<_>>().join(" ");
        if canonical.is_empty() {
            return;
        }
        for v in [variant, canonical.as_str()] {
            let key = name_key(v);
            if !key.is_empty() {
                self.map.insert(key, canonical.clone());
            }
        }
    }

    /// The canonical name for a mention, if the table has it.
    pub fn lookup(&self, mention: &str) -> Option<&str> {
        if self.map.is_empty() {
            return None;
        }
        self.map.get(&name_key(mention)).map(String::as_str)
    }

    /// Number of variants (canonical names included).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The key under which two spellings of a person's name word are one: the [`name_key`]
/// with `y` read as `i` and doubled letters single (`Sergey` = `Sergei`, `Zelenskyy` =
/// `Zelensky` = `Zelenskiy`, `Mohammed` = `Mohamed`). Used for given names and surnames,
/// within a document and across documents (the facade's `link_referents`).
pub fn person_key(word: &str) -> String {
    let key = name_key(word);
    let mut out = String::with_capacity(key.len());
    let mut prev = None;
    for c in key.chars() {
        let c = if c == 'y' { 'i' } else { c };
        if prev != Some(c) || !c.is_alphabetic() {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// The result of grouping: per entity its canonical name and group, per group its gender.
#[derive(Clone, Debug, PartialEq)]
pub struct Grouping {
    /// Per entity, its canonical name: its group's, or for a mention that is not a name
    /// (a date, an amount) its [`plain_canonical`] form.
    pub canonical: Vec<String>,
    /// Per entity, the index of its group in `groups` (`None` for mentions that are not names).
    pub group_of: Vec<Option<usize>>,
    /// The groups, in order of their first mention.
    pub groups: Vec<EntityGroup>,
    /// Per group, the gender its titles or given names imply, if any.
    pub gender: Vec<Option<Gender>>,
}

fn is_name(label: Label) -> bool {
    matches!(label, Label::Per | Label::Org | Label::Loc | Label::Misc)
}

/// The canonical form of a non-name mention (dates, money...): whitespace collapsed,
/// a trailing possessive dropped.
pub fn plain_canonical(mention: &str) -> String {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let mut s = words.join(" ");
    let stripped = strip_possessive(&s).len();
    s.truncate(stripped);
    s
}

fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(w) = word.strip_suffix(suffix) {
            if !w.is_empty() {
                return w;
            }
        }
    }
    word
}

/// What one mention contributes to grouping.
struct Mention<'t> {
    /// Cleaned words (titles, possessive, leading `the` removed).
    words: Vec<&'t str>,
    /// Effective label (a titled mention is a person).
    label: Label,
    /// Gender implied by a title in or before the mention, or a given name.
    gender: Option<Gender>,
}

/// The word just before byte `pos` (skipping whitespace), if on the same line.
fn word_before(text: &str, pos: usize) -> Option<&str> {
    let head = text.get(..pos)?;
    let trimmed = head.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == head.len() && !head.is_empty() {
        return None; // no space: not a separate word
    }
    let start = trimmed.rfind(|c: char| c.is_whitespace()).map_or(0, |i| {
        i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
    });
    let w = &trimmed[start..];
    (!w.is_empty() && w.len() <= 24).then_some(w)
}

fn analyse_mention<'t>(text: &'t str, e: &RawEntity) -> Mention<'t> {
    let surface = text.get(e.start..e.end).unwrap_or("");
    let mut words: Vec<&str> = surface.split_whitespace().collect();
    if let Some(last) = words.last_mut() {
        *last = strip_possessive(last);
    }
    if words.len() >= 2 && matches!(words.last().copied(), Some("'s" | "’s")) {
        words.pop();
    }
    let mut gender = None;
    let mut label = e.label;
    // A title right before the mention ("Mr Arakawa") marks a person.
    if let Some(title) = word_before(text, e.start).and_then(lexicon::title) {
        let prev = word_before(text, e.start).unwrap_or("");
        gender = gender.or(title);
        let personal = title.is_some()
            || matches!(
                prev.trim_end_matches('.').to_ascii_lowercase().as_str(),
                "dr" | "prof" | "sen" | "gov" | "rep" | "gen"
            );
        if personal && matches!(label, Label::Org | Label::Misc | Label::Loc) {
            label = Label::Per;
        }
    }
    // A given name just before a one-word person mention belongs to it: the tagger cut
    // "Hillary Clinton" short to "Clinton".
    if label == Label::Per && words.len() == 1 {
        if let Some(prev) = word_before(text, e.start) {
            if let Some(g) = lexicon::given_name_gender(prev)
                .filter(|_| prev.chars().next().is_some_and(char::is_uppercase))
            {
                words.insert(0, prev);
                gender = gender.or(Some(g));
            }
        }
    }
    if label == Label::Per {
        while words.len() > 1 {
            match lexicon::title(words[0]) {
                Some(g) => {
                    gender = gender.or(g);
                    words.remove(0);
                }
                None => break,
            }
        }
        if words.len() >= 2 {
            gender = gender.or_else(|| lexicon::given_name_gender(words[0]));
        }
    } else if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    Mention {
        words,
        label,
        gender,
    }
}

/// Initials of the capitalised words of a multi-word name (`World Trade Organization` →
/// `WTO`), or `None` when fewer than two.
fn initials(words: &[&str]) -> Option<String> {
    let s: String = words
        .iter()
        .filter(|w| !matches!(**w, "of" | "the" | "and" | "for" | "&" | "de" | "du" | "on"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (s.chars().count() >= 2).then_some(s)
}

fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=8).contains(&n) && word.chars().all(|c| c.is_uppercase())
}

/// Group key of a mention decided in the first pass.
#[derive(Hash, PartialEq, Eq)]
enum Key {
    Table(String),
    Person(String, String),
    Single(String),
    Other(String),
}

struct Builder {
    groups: Vec<EntityGroup>,
    gender: Vec<Option<Gender>>,
    /// Per group: best form so far (words, chars) for the canonical name.
    best: Vec<(usize, usize, usize)>,
    labels: Vec<Vec<(Label, usize)>>,
    index: HashMap<Key, usize>,
}

impl Builder {
    fn group(&mut self, key: Key, canonical: String, label: Label) -> usize {
        *self.index.entry(key).or_insert_with(|| {
            self.groups.push(EntityGroup {
                canonical,
                label,
                mentions: Vec::new(),
            });
            self.gender.push(None);
            self.best.push((0, 0, 0));
            self.labels.push(Vec::new());
            self.groups.len() - 1
        })
    }

    fn add(&mut self, g: usize, entity: usize, m: &Mention<'_>, rename: bool) {
        self.groups[g].mentions.push(entity);
        if self.gender[g].is_none() {
            self.gender[g] = m.gender;
        }
        let labels = &mut self.labels[g];
        match labels.iter_mut().find(|(l, _)| *l == m.label) {
            Some((_, n)) => *n += 1,
            None => labels.push((m.label, 1)),
        }
        if rename {
            let chars: usize = m.words.iter().map(|w| w.chars().count()).sum();
            // Longest, then not in capitals ("New York" over a dateline's "NEW YORK").
            let mixed = m
                .words
                .iter()
                .any(|w| w.chars().skip(1).any(char::is_lowercase));
            let score = (m.words.len(), chars, usize::from(mixed));
            if score > self.best[g] {
                self.best[g] = score;
                self.groups[g].canonical = m.words.join(" ");
            }
        }
    }
}

/// Groups the name mentions of a document; see the module docs for the rules.
pub fn group(text: &str, entities: &[RawEntity], table: &AliasTable) -> Grouping {
    let mentions: Vec<Option<Mention<'_>>> = entities
        .iter()
        .map(|e| is_name(e.label).then(|| analyse_mention(text, e)))
        .collect();
    let mut b = Builder {
        groups: Vec::new(),
        gender: Vec::new(),
        best: Vec::new(),
        labels: Vec::new(),
        index: HashMap::new(),
    };
    let mut group_of: Vec<Option<usize>> = vec![None; entities.len()];
    // Pass 1: table entries, full person names, other names. Bare surnames and acronyms wait.
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
    let mut acronyms: HashMap<String, Vec<usize>> = HashMap::new();
    let mut first_seen: Vec<usize> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(m) = m else { continue };
        if m.words.is_empty() {
            continue;
        }
        let name = m.words.join(" ");
        let g = if let Some(canonical) = table.lookup(&name) {
            let key = Key::Table(canonical.to_owned());
            let new = !b.index.contains_key(&key);
            let g = b.group(key, canonical.to_owned(), m.label);
            // A person in the table is a full name: its bare surname joins it.
            let words: Vec<&str> = canonical.split_whitespace().collect();
            if new {
                // The table's canonical name is never replaced by a longer mention.
                b.best[g] = (usize::MAX, 0, 0);
            }
            if new && m.label == Label::Per && words.len() >= 2 {
                let (first, last) = (person_key(words[0]), person_key(words[words.len() - 1]));
                b.index.entry(Key::Person(first, last.clone())).or_insert(g);
                surnames.entry(last).or_default().push(g);
            }
            b.add(g, i, m, false);
            g
        } else if m.label == Label::Per && m.words.len() >= 2 {
            let first = person_key(m.words[0]);
            let last = person_key(m.words[m.words.len() - 1]);
            let new = !b
                .index
                .contains_key(&Key::Person(first.clone(), last.clone()));
            let g = b.group(Key::Person(first, last.clone()), name, m.label);
            if new {
                surnames.entry(last).or_default().push(g);
            }
            b.add(g, i, m, true);
            g
        } else if m.words.len() == 1
            && (m.label == Label::Per || matches!(m.label, Label::Org | Label::Misc | Label::Loc))
        {
            pending.push(i);
            continue;
        } else {
            // An organisation's legal form is not part of what names it: "Pirelli SpA"
            // and a later "Pirelli" are one group.
            let core = match m.words.split_last() {
                Some((form, rest))
                    if m.label == Label::Org
                        && !rest.is_empty()
                        && copydesk_entities::LEGAL_FORMS.contains(form) =>
                {
                    rest.join(" ")
                }
                _ => name.clone(),
            };
            let key = Key::Other(name_key(&core));
            let new = !b.index.contains_key(&key);
            let g = b.group(key, name, m.label);
            if new {
                if let Some(ini) = initials(&m.words) {
                    acronyms.entry(ini).or_default().push(g);
                }
            }
            b.add(g, i, m, true);
            g
        };
        group_of[i] = Some(g);
        if first_seen.len() < b.groups.len() {
            first_seen.push(entities[i].start);
        }
    }
    // Pass 2, in text order: bare names. `last_seen` tracks each group's latest mention.
    let mut last_seen: Vec<Option<usize>> = vec![None; b.groups.len()];
    let mut next_pending = pending.iter().peekable();
    for i in 0..entities.len() {
        if next_pending.peek() != Some(&&i) {
            if let Some(g) = group_of[i] {
                if g < last_seen.len() {
                    last_seen[g] = Some(entities[i].start);
                }
            }
            continue;
        }
        next_pending.next();
        let Some(m) = &mentions[i] else { continue };
        let word = m.words[0];
        let key = name_key(word);
        let person_ok = m.label == Label::Per || matches!(m.label, Label::Org | Label::Misc);
        let candidates: &[usize] = if person_ok {
            surnames.get(&person_key(word)).map_or(&[], Vec::as_slice)
        } else {
            &[]
        };
        let fitting = candidates
            .iter()
            .copied()
            .filter(|&g| match (m.gender, b.gender[g]) {
                (Some(a), Some(c)) => a == c,
                _ => true,
            });
        let before = fitting
            .clone()
            .filter_map(|g| last_seen.get(g).copied().flatten().map(|p| (p, g)))
            .max();
        let after = fitting
            .filter(|&g| first_seen.get(g).is_some_and(|&p| p > entities[i].start))
            .min_by_key(|&g| first_seen[g]);
        let chosen = before.map(|(_, g)| g).or(after).or_else(|| {
            let groups = acronyms.get(word).filter(|_| is_acronym(word))?;
            (groups.len() == 1).then(|| groups[0])
        });
        let g = match chosen {
            Some(g) => {
                b.add(g, i, m, false);
                g
            }
            None => {
                let k = if m.label == Label::Per {
                    Key::Single(key)
                } else {
                    Key::Other(key)
                };
                let g = b.group(k, word.to_owned(), m.label);
                b.add(g, i, m, true);
                g
            }
        };
        group_of[i] = Some(g);
        if last_seen.len() < b.groups.len() {
            last_seen.resize(b.groups.len(), None);
        }
        last_seen[g] = Some(entities[i].start);
    }
    // Labels: the most frequent, the first seen on ties.
    for (g, counts) in b.labels.iter().enumerate() {
        if let Some(&(label, _)) = counts
            .iter()
            .rev()
            .max_by_key(|(_, n)| *n)
            .filter(|_| counts.len() > 1)
        {
            b.groups[g].label = label;
        }
    }
    for grp in &mut b.groups {
        grp.mentions.sort_unstable();
    }
    let canonical = entities
        .iter()
        .enumerate()
        .map(|(i, e)| match group_of[i] {
            Some(g) => b.groups[g].canonical.clone(),
            None => plain_canonical(text.get(e.start..e.end).unwrap_or("")),
        })
        .collect();
    Grouping {
        canonical,
        group_of,
        groups: b.groups,
        gender: b.gender,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_testkit::entities_at as mark;

    fn canon(text: &str, spans: &[(&str, Label)]) -> (Vec<String>, Vec<EntityGroup>) {
        let ents = mark(text, spans);
        let g = group(text, &ents, &AliasTable::builtin());
        (g.canonical, g.groups)
    }

    use Label::{Loc, Misc, Org, Per};

    #[test]
    fn surname_title_and_possessive_join_the_full_name() {
        let text = "Tillerson warns Moscow. Secretary of State Rex Tillerson met Mr Tillerson's \
                    critics; Tillerson said no.";
        let (c, groups) = canon(
            text,
            &[
                ("Tillerson", Per),
                ("Moscow", Loc),
                ("Rex Tillerson", Per),
                ("Tillerson's", Per),
                ("Tillerson", Per),
            ],
        );
        assert_eq!(c[0], "Rex Tillerson");
        assert_eq!(c[2], "Rex Tillerson");
        assert_eq!(c[3], "Rex Tillerson");
        assert_eq!(c[4], "Rex Tillerson");
        let t = groups
            .iter()
            .find(|g| g.canonical == "Rex Tillerson")
            .unwrap();
        assert_eq!(t.mentions, vec![0, 2, 3, 4]);
        assert_eq!(t.label, Per);
        assert_eq!(groups.len(), 2);
    }

    #[test]
    fn a_legal_form_does_not_split_an_organisation() {
        let text = "Pirelli SpA sold a unit. Pirelli shares rose, and Exxon Mobil Corp. met \
                    Exxon Mobil; Exxon Inc. is apart from Exxon Mobil.";
        let (c, groups) = canon(
            text,
            &[
                ("Pirelli SpA", Org),
                ("Pirelli", Org),
                ("Exxon Mobil Corp.", Org),
                ("Exxon Mobil", Org),
                ("Exxon Inc.", Org),
                ("Exxon Mobil", Org),
            ],
        );
        assert_eq!(
            c,
            [
                "Pirelli SpA",
                "Pirelli SpA",
                "Exxon Mobil Corp.",
                "Exxon Mobil Corp.",
                "Exxon Inc.",
                "Exxon Mobil Corp."
            ]
        );
        assert_eq!(groups.len(), 3);
    }

    #[test]
    fn titles_are_not_part_of_names() {
        let text = "Foreign Minister Ingrid Solberg spoke. Ms Solberg left. Sen. Robert Kline \
                    and Dr. Per Holm stayed.";
        let (c, _) = canon(
            text,
            &[
                ("Foreign Minister Ingrid Solberg", Per),
                ("Solberg", Per),
                ("Sen. Robert Kline", Per),
                ("Dr. Per Holm", Per),
            ],
        );
        assert_eq!(
            c,
            [
                "Ingrid Solberg",
                "Ingrid Solberg",
                "Robert Kline",
                "Per Holm"
            ]
        );
    }

    #[test]
    fn two_clintons_stay_apart() {
        let text = "Hillary Clinton met voters. Former President Bill Clinton joined her. \
                    Clinton said little. Later Mrs Clinton spoke and Hillary Rodham Clinton won.";
        let (c, groups) = canon(
            text,
            &[
                ("Hillary Clinton", Per),
                ("Bill Clinton", Per),
                ("Clinton", Per),
                ("Clinton", Per),
                ("Hillary Rodham Clinton", Per),
            ],
        );
        // Bare "Clinton" → the most recently mentioned Clinton (Bill); "Mrs Clinton" →
        // the female one; the two people are never one group.
        assert_eq!(c[2], "Bill Clinton");
        assert_eq!(c[3], "Hillary Rodham Clinton");
        assert_eq!(c[0], "Hillary Rodham Clinton");
        let people: Vec<&str> = groups.iter().map(|g| g.canonical.as_str()).collect();
        assert_eq!(people, ["Hillary Rodham Clinton", "Bill Clinton"]);
        assert_eq!(groups[0].mentions, vec![0, 3, 4]);
        assert_eq!(groups[1].mentions, vec![1, 2]);
    }

    #[test]
    fn a_given_name_left_out_of_the_mention_still_counts() {
        let text = "Hillary Clinton spoke. Bill Clinton joined. Mrs Clinton left.";
        let (c, groups) = canon(
            text,
            &[("Clinton", Per), ("Bill Clinton", Per), ("Clinton", Per)],
        );
        assert_eq!(c, ["Hillary Clinton", "Bill Clinton", "Hillary Clinton"]);
        assert_eq!(groups.len(), 2);
    }

    #[test]
    fn alias_table_joins_country_variants() {
        let text = "The US and the U.S. Senate; the United States, USA and America. \
                    The UK, Britain and the U.K.; Nato and NATO; the UN and the United Nations.";
        let (c, groups) = canon(
            text,
            &[
                ("US", Loc),
                ("U.S.", Loc),
                ("United States", Loc),
                ("USA", Org),
                ("America", Loc),
                ("UK", Loc),
                ("Britain", Loc),
                ("U.K.", Loc),
                ("Nato", Org),
                ("NATO", Org),
                ("UN", Org),
                ("United Nations", Org),
            ],
        );
        assert!(c[..5].iter().all(|x| x == "United States"), "{c:?}");
        assert!(c[5..8].iter().all(|x| x == "United Kingdom"), "{c:?}");
        assert!(c[8..10].iter().all(|x| x == "NATO"));
        assert!(c[10..].iter().all(|x| x == "United Nations"));
        assert_eq!(groups.len(), 4);
        assert_eq!(groups[0].label, Loc);
        assert_eq!(groups[0].mentions, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn user_aliases_extend_the_table() {
        let mut table = (*AliasTable::builtin()).clone();
        table.insert("Beeb", "BBC");
        let text = "The BBC and the Beeb.";
        let ents = mark(text, &[("BBC", Org), ("Beeb", Org)]);
        let g = group(text, &ents, &table);
        assert_eq!(g.canonical, ["BBC", "BBC"]);
        assert_eq!(g.groups.len(), 1);
    }

    #[test]
    fn a_person_alias_still_takes_the_bare_surname() {
        let text = "Sergey Lavrov met Rex Tillerson. Mr Lavrov said no. Lavrov left.";
        let spans = [
            ("Sergey Lavrov", Per),
            ("Rex Tillerson", Per),
            ("Lavrov", Per),
            ("Lavrov", Per),
        ];
        // A real alias, and the identity alias (which used to cut "Lavrov" off).
        for (variant, canonical) in [
            ("Sergey Lavrov", "Sergei Lavrov"),
            ("Sergey Lavrov", "Sergey Lavrov"),
        ] {
            let mut table = (*AliasTable::builtin()).clone();
            table.insert(variant, canonical);
            let ents = mark(text, &spans);
            let g = group(text, &ents, &table);
            for i in [0, 2, 3] {
                assert_eq!(g.canonical[i], canonical, "{variant} {i}");
            }
            assert_eq!(g.groups.len(), 2, "{canonical}");
            assert_eq!(g.groups[0].mentions, vec![0, 2, 3]);
        }
    }

    #[test]
    fn transliteration_variants_are_one_person() {
        let text = "Sergei Lavrov spoke. Sergey Lavrov left. Lavrov returned.";
        let (c, groups) = canon(
            text,
            &[
                ("Sergei Lavrov", Per),
                ("Sergey Lavrov", Per),
                ("Lavrov", Per),
            ],
        );
        assert_eq!(c, ["Sergei Lavrov", "Sergei Lavrov", "Sergei Lavrov"]);
        assert_eq!(groups.len(), 1);
        assert_eq!(person_key("Zelenskyy"), person_key("Zelensky"));
        assert_eq!(person_key("Zelenskiy"), person_key("Zelensky"));
        assert_ne!(person_key("Lavrov"), person_key("Putin"));
    }

    #[test]
    fn acronyms_and_locations() {
        let text = "The World Trade Organization said the WTO would meet in Washington. \
                    George Washington was not there.";
        let (c, groups) = canon(
            text,
            &[
                ("World Trade Organization", Org),
                ("WTO", Org),
                ("Washington", Loc),
                ("George Washington", Per),
            ],
        );
        assert_eq!(c[1], "World Trade Organization");
        assert_eq!(c[2], "Washington");
        assert_eq!(c[3], "George Washington");
        assert_eq!(groups.len(), 3);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["'s", "Mr", "’", "Dr. ’s", "ÉÉ's"] {
            let ents = vec![RawEntity {
                start: 0,
                end: text.len(),
                label: Per,
                score: 1.0,
            }];
            let g = group(text, &ents, &AliasTable::builtin());
            assert_eq!(g.canonical.len(), 1);
        }
        let _ = (Misc, Org);
    }
}
