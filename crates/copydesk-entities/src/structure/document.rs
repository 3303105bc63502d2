//! Rules over the whole document: names listed together, one label per name, and
//! countries after a place cue.

use super::*;

/// Words after which a country's name is a place ("in the Philippines", "from Russia").
pub const PLACE_CUES: &[&str] = &[
    "in",
    "to",
    "from",
    "into",
    "across",
    "throughout",
    "inside",
    "visit",
    "visited",
    "visiting",
    "toward",
    "towards",
];

/// A listed country (that is not also an organisation) right after a place cue and "the",
/// and not the start of a longer name, is a place: LOC over exactly its span, whatever the
/// model made of it.
pub(super) fn countries_as_places(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    lists: &NameLists,
    mut ents: Vec<Entity>,
) -> Vec<Entity> {
    use crate::lists::{COUNTRY, ORGS};
    let capitalised = |k: usize| capitalised_word(text, tokens, k);
    let mut places: Vec<Entity> = Vec::new();
    for i in 0..tokens.len() {
        let cue = tokens[i].text(text);
        if cue.len() > 10 || !PLACE_CUES.iter().any(|c| c.eq_ignore_ascii_case(cue)) {
            continue;
        }
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| t.text(text) == "the") {
            j += 1;
        }
        if !capitalised(j) {
            continue;
        }
        let lws: Vec<u64> = tokens[j..tokens.len().min(j + crate::gazetteer::MAX_LEN)]
            .iter()
            .map(|t| hash_str(&normalize(t.text(text))))
            .collect();
        let (len, cats) = lists.longest_prefix(&lws);
        if len == 0 || cats & COUNTRY == 0 || cats & ORGS != 0 {
            continue;
        }
        let after = j + len;
        if !same_segment(segs, i, after - 1) {
            continue;
        }
        let possessive = tokens.get(after).is_some_and(|t| t.text(text) == "'s");
        // "in Hong Kong-based offices": the country only starts a hyphenated compound.
        let hyphen = tokens
            .get(after)
            .is_some_and(|t| t.start == tokens[after - 1].end && t.text(text) == "-");
        if capitalised(after) || possessive && capitalised(after + 1) || hyphen {
            continue;
        }
        places.push(Entity {
            start: tokens[j].start,
            end: tokens[after - 1].end,
            label: Label::Loc,
            score: 1.0,
        });
    }
    if places.is_empty() {
        return ents;
    }
    // Both lists sorted by start (the entities do not overlap): a binary search finds the
    // entity with a place's exact span, and one pass the entities that overlap a place.
    places.sort_by_key(|p| (p.start, p.end));
    for p in &mut places {
        let k = ents.partition_point(|e| e.start < p.start);
        if let Some(e) = ents.get(k).filter(|e| e.start == p.start && e.end == p.end) {
            p.score = if e.label == Label::Loc {
                e.score
            } else {
                1.0 - e.score
            };
        }
    }
    let mut covered: Vec<(usize, usize)> = Vec::with_capacity(places.len());
    for p in &places {
        match covered.last_mut() {
            Some(last) if p.start < last.1 => last.1 = last.1.max(p.end),
            _ => covered.push((p.start, p.end)),
        }
    }
    let mut k = 0;
    ents.retain(|e| {
        while k < covered.len() && covered[k].1 <= e.start {
            k += 1;
        }
        covered.get(k).is_none_or(|c| e.end <= c.0)
    });
    ents.extend(places);
    ents.sort_by_key(|e| (e.start, e.end));
    ents
}

/// What stands between two names of a list.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Link {
    /// A comma.
    Comma,
    /// "and" or "or", with or without a comma before it.
    Conjunction,
}

/// The link between names `a` and `b` (next to each other in `ents`) when only a comma or
/// a conjunction stands between them in one segment.
pub(super) fn link(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    a: &Entity,
    b: &Entity,
) -> Option<Link> {
    let mut words = text[a.end..b.start].split_whitespace();
    let link = match (words.next(), words.next(), words.next()) {
        (Some(","), None, None) => Link::Comma,
        (Some("and" | "or"), None, None) | (Some(","), Some("and" | "or"), None) => {
            Link::Conjunction
        }
        _ => return None,
    };
    let (i, j) = (
        tokens_before(tokens, a.start),
        tokens_before(tokens, b.start),
    );
    same_segment(segs, i, j).then_some(link)
}

/// Whether a legal form ends the name that ends at byte `end`, or follows it (after a
/// comma): the names before it are the partners of a firm ("Smith Barney, Harris Upham and
/// Co Inc").
pub(super) fn firm_name(text: &str, tokens: &[Token], end: usize) -> bool {
    let k = tokens_before(tokens, end);
    let is_form = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| LEGAL_FORMS.contains(&t.text(text)))
    };
    is_form(k - 1)
        || is_form(k)
        || tokens.get(k).is_some_and(|t| t.text(text) == ",") && is_form(k + 1)
}

/// Names listed together are of one kind (coordination joins like with like): in a list
/// of three or more names ("A, B and C", "A, B, C, or D") within one segment, each name
/// below [`SURE`] takes the label whose names have the highest summed confidence in the
/// list. Names separated by commas alone are not taken for a list: they are as often a
/// place and its region ("Chatswood, New South Wales, Monier is ...") or a team sheet; nor
/// are the partners' names of a firm ("Brooks, Weinger, Robbins and Leeds, Inc.").
pub(super) fn coordinated_names(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    mut ents: Vec<Entity>,
) -> Vec<Entity> {
    let linked = |ents: &[Entity], k: usize| link(text, tokens, segs, &ents[k - 1], &ents[k]);
    let mut start = 0;
    while start < ents.len() {
        let mut end = start + 1;
        while end < ents.len() && linked(&ents, end) == Some(Link::Comma) {
            end += 1;
        }
        let coordinated = end < ents.len() && linked(&ents, end) == Some(Link::Conjunction);
        if !coordinated {
            start = end;
            continue;
        }
        let list = &mut ents[start..=end];
        start = end + 1;
        if list.len() < 3 || firm_name(text, tokens, list[list.len() - 1].end) {
            continue;
        }
        let mut weight = [0.0f32; 4];
        for e in list.iter() {
            if let Some(l) = e.label.model_index() {
                weight[l] += e.score;
            }
        }
        let best = heaviest(&weight, 0);
        for e in list.iter_mut().filter(|e| e.score < SURE) {
            e.label = Label::from_model_index(best);
        }
    }
    ents
}

/// The model label (index) with the most weight; `first` wins ties.
pub(super) fn heaviest(weight: &[f32; 4], first: usize) -> usize {
    (0..4).fold(first, |b, l| if weight[l] > weight[b] { l } else { b })
}

/// One name, one label: see the module docs.
pub(super) fn harmonize(text: &str, mut ents: Vec<Entity>) -> Vec<Entity> {
    if ents.len() < 2 {
        return ents;
    }
    let keys: Vec<u64> = ents
        .iter()
        .map(|e| hash_str(&normalize(e.text(text))))
        .collect();
    // Per name: the summed confidence of each model label.
    let mut weight: HashMap64<[f32; 4]> = HashMap64::default();
    for (e, &k) in ents.iter().zip(&keys) {
        if let Some(l) = e.label.model_index() {
            weight.entry(k).or_default()[l] += e.score;
        }
    }
    // Last words of multi-word person names.
    let surnames: HashMap64<()> = person_surnames(text, &ents).map(|k| (k, ())).collect();
    for (e, k) in ents.iter_mut().zip(&keys) {
        if e.score >= SURE {
            continue;
        }
        let Some(own) = e.label.model_index() else {
            continue;
        };
        if !e.text(text).contains(' ') && surnames.contains_key(k) {
            e.label = Label::Per;
            continue;
        }
        let w = weight.get(k).copied().unwrap_or_default();
        let best = heaviest(&w, own);
        if best != own && w[best] > w[own] {
            e.label = Label::from_model_index(best);
        }
    }
    ents
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::test_support::*;

    #[test]
    fn a_country_after_a_place_cue_is_a_place() {
        let text = "Talks in the Philippines and in Russia's capital, not in Russia Today.";
        let tokens = copydesk_tokenize::tokenize(text);
        let lists = NameLists::from_tsv("Philippines\tcountry\nRussia\tcountry\n");
        let ents = vec![ent(text, "Philippines", 0, Label::Org, 0.6)];
        let got: Vec<(&str, Label)> =
            countries_as_places(text, &tokens, &[(0, tokens.len())], &lists, ents)
                .iter()
                .map(|e| (e.text(text), e.label))
                .collect();
        assert_eq!(got, [("Philippines", Label::Loc), ("Russia", Label::Loc)]);
    }

    #[test]
    fn a_country_that_starts_a_hyphenated_compound_is_no_place() {
        let text = "Offices in Hong Kong-based banks.";
        let tokens = copydesk_tokenize::tokenize(text);
        let lists = NameLists::from_tsv("Hong Kong\tcountry\n");
        let ents = vec![ent(text, "Hong Kong-based", 0, Label::Misc, 0.9)];
        let got = countries_as_places(text, &tokens, &[(0, tokens.len())], &lists, ents);
        assert_eq!(
            labelled(text, &got),
            [("Hong Kong-based", Label::Misc, 0.9)]
        );
    }

    #[test]
    fn names_listed_together_are_of_one_kind() {
        let text = "Shinui , Hetz , Meretz and Ale Yarok ; Paris , Kent , Oslo ; Nokia , Intel \
                    or Bonn ; Brooks , Weinger and Leeds , Inc.";
        let tokens = copydesk_tokenize::tokenize(text);
        use Label::{Loc, Org, Per};
        let model = [
            Per, Loc, Org, Org, Loc, Org, Loc, Org, Org, Loc, Per, Loc, Per,
        ];
        let scores = [
            0.5, 0.6, 0.8, 0.7, 0.8, 0.5, 0.8, 0.8, 0.7, 0.95, 0.6, 0.5, 0.6,
        ];
        let names: Vec<&str> = "Shinui|Hetz|Meretz|Ale Yarok|Paris|Kent|Oslo|Nokia|Intel|Bonn|\
                                Brooks|Weinger|Leeds"
            .split('|')
            .collect();
        let mut ents = ents_of(text, &names, Per);
        for ((e, label), score) in ents.iter_mut().zip(model).zip(scores) {
            (e.label, e.score) = (label, score);
        }
        let got = coordinated_names(text, &tokens, &[(0, tokens.len())], ents);
        let labels: Vec<Label> = got.iter().map(|e| e.label).collect();
        // The first list is one of parties; commas alone make no list; a sure name keeps
        // its label; a firm's partners are not a list.
        let want = [
            Org, Org, Org, Org, Loc, Org, Loc, Org, Org, Loc, Per, Loc, Per,
        ];
        assert_eq!(labels, want);
    }

    #[test]
    fn one_name_one_label_unless_sure() {
        let text = "Philippines a. Philippines b. Philippines c. Philippines d. Putin e. \
                    Vladimir Putin f.";
        let ents = vec![
            ent(text, "Philippines", 0, Label::Org, 0.45),
            ent(text, "Philippines", 13, Label::Loc, 0.8),
            ent(text, "Philippines", 27, Label::Loc, 0.7),
            ent(text, "Philippines", 42, Label::Misc, 0.95),
            ent(text, "Putin", 0, Label::Loc, 0.6),
            ent(text, "Vladimir Putin", 0, Label::Per, 0.99),
        ];
        let labels: Vec<Label> = harmonize(text, ents).iter().map(|e| e.label).collect();
        assert_eq!(
            labels,
            [
                Label::Loc,
                Label::Loc,
                Label::Loc,
                Label::Misc,
                Label::Per,
                Label::Per
            ]
        );
    }
}
