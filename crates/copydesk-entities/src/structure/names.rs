//! Rules on the extent of names: roles, titles and detached punctuation are cut off, and
//! a person's name runs over a hyphenated word.

use super::*;

/// Words for a person's role or title that open "<role> of <organisation or place>".
pub(super) const ROLES: &[&str] = &[
    "ceo",
    "chief",
    "executive",
    "officer",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "vice",
    "founder",
    "co-founder",
    "head",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "secretary-general",
    "leader",
    "governor",
    "mayor",
    "ambassador",
    "chancellor",
    "deputy",
    "manager",
    "owner",
    "editor",
    "professor",
    "commander",
    "king",
    "queen",
    "emir",
    "sultan",
    "prime",
    "foreign",
    "former",
    "member",
    "members",
    "partner",
    "analyst",
    "coach",
    "captain",
];

/// Cuts a period, comma, semicolon or colon that stands apart (after whitespace) off the
/// end of a name: in running text such a mark ends the sentence or clause, never the name
/// (an abbreviation keeps its period on its token: "Inc.").
pub(super) fn trim_detached_punctuation(
    text: &str,
    tokens: &[Token],
    ents: Vec<Entity>,
) -> Vec<Entity> {
    ents.into_iter()
        .filter_map(|mut e| {
            let mut k = tokens_before(tokens, e.end);
            while k > 1 && tokens[k - 1].start > e.start {
                let t = &tokens[k - 1];
                let prev = &tokens[k - 2];
                let detached = prev.end < t.start && text[prev.end..t.start].trim().is_empty();
                if !(detached && matches!(t.text(text), "." | "," | ";" | ":")) {
                    break;
                }
                e.end = prev.end;
                k -= 1;
            }
            (e.start < e.end).then_some(e)
        })
        .collect()
}

/// Titles and honorifics written before a person's name ("General Kutuzov", "Mrs. May"),
/// besides the [`ROLES`]; matched on the normalized word without a final period. "Prince"
/// and "Pope" are left out: CoNLL's annotators keep them in the name as often as not.
pub(super) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "general",
    "gen",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "admiral",
    "adm",
    "major",
    "maj",
    "capt",
    "senator",
    "sen",
    "congressman",
    "congresswoman",
    "representative",
    "rep",
    "judge",
    "justice",
    "secretary",
    "premier",
    "emperor",
    "empress",
    "princess",
    "sheikh",
    "ayatollah",
    "cardinal",
    "bishop",
    "archbishop",
    "rev",
    "reverend",
    "father",
    "pastor",
    "rabbi",
    "imam",
    "prof",
    "detective",
    "inspector",
    "sheriff",
    "gov",
    "pres",
];

pub(super) fn is_title(word: &str) -> bool {
    let w = normalize(word);
    let w = w.strip_suffix('.').unwrap_or(&w);
    TITLES.contains(&w) || ROLES.contains(&w)
}

/// Cuts titles off the front of a person's name when a capitalised word follows them
/// ("King Mohammed Idris" → "Mohammed Idris"); CoNLL and most annotation schemes leave
/// titles outside the name.
pub(super) fn trim_titles(text: &str, tokens: &[Token], ents: Vec<Entity>) -> Vec<Entity> {
    let mut ti = 0;
    ents.into_iter()
        .map(|mut e| {
            if e.label != Label::Per {
                return e;
            }
            while ti < tokens.len() && tokens[ti].end <= e.start {
                ti += 1;
            }
            let toks: Vec<&Token> = tokens[ti..].iter().take_while(|t| t.end <= e.end).collect();
            let titles = toks.iter().take_while(|t| is_title(t.text(text))).count();
            if let Some(rest) = toks.get(titles).filter(|_| titles > 0) {
                if rest.text(text).starts_with(char::is_uppercase) {
                    e.start = rest.start;
                }
            }
            e
        })
        .collect()
}

/// Extends a person's name that stops at a hyphen inside a word over the rest of that
/// word ("Kim Dae" + "-jung", "Mao Tse" + "-Tung"): the tokenizer splits hyphenated words,
/// and the model takes the part after the hyphen of East Asian given names for a
/// separate word. A [`COMPOUND_WORDS`] word after the hyphen is not part of the name.
pub(super) fn hyphenated_names(text: &str, tokens: &[Token], mut ents: Vec<Entity>) -> Vec<Entity> {
    for i in 0..ents.len() {
        let e = ents[i];
        let k = tokens_before(tokens, e.end);
        let (Some(hyphen), Some(rest)) = (tokens.get(k), tokens.get(k + 1)) else {
            continue;
        };
        let glued = hyphen.start == e.end
            && hyphen.text(text) == "-"
            && rest.start == hyphen.end
            && rest.kind == TokenKind::Word
            // Not a chain ("Hart-Scott-Rodino"); a clitic may follow ("Li Ka-shing's").
            && tokens.get(k + 2).is_none_or(|t| {
                let w = t.text(text);
                t.start > rest.end || w != "-" && !w.starts_with(char::is_alphanumeric)
            });
        if e.label == Label::Per
            && glued
            && !COMPOUND_WORDS.contains(&normalize(rest.text(text)).as_ref())
            && ents.get(i + 1).is_none_or(|n| n.start >= rest.end)
        {
            ents[i].end = rest.end;
        }
    }
    ents
}

/// Extends a name over a capitalised "Greater" right before it ("Greater" + "Manchester",
/// "Greater" + "Milwaukee Open"): the word names a metropolitan area and is part of the
/// name (UNER writes all four it has inside the name), but as a common word the model
/// often leaves it out. At the start of a sentence "Greater" may be the adjective, and is
/// left alone there.
pub(super) fn greater_places(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    mut ents: Vec<Entity>,
) -> Vec<Entity> {
    for i in 0..ents.len() {
        let first = tokens_before(tokens, ents[i].start);
        let Some(g) = first.checked_sub(1) else {
            continue;
        };
        let greater = tokens[g].text(text);
        let joins = matches!(greater, "Greater" | "GREATER")
            && text[tokens[g].end..ents[i].start] == *" "
            && g > 0
            && same_segment(segs, g - 1, first)
            && i.checked_sub(1)
                .is_none_or(|p| ents[p].end <= tokens[g].start);
        if joins {
            ents[i].start = tokens[g].start;
        }
    }
    ents
}

pub(super) fn is_role(word: &str) -> bool {
    ROLES.contains(&normalize(word).as_ref())
}

/// Cuts "<role>+ of (the)?" off the front of a name; the rest keeps the model's label
/// unless the name lists say it is a place and not an organisation (LOC) or the reverse.
pub(super) fn trim_roles(
    text: &str,
    tokens: &[Token],
    lists: &NameLists,
    ents: Vec<Entity>,
) -> Vec<Entity> {
    let mut ti = 0;
    ents.into_iter()
        .filter_map(|mut e| {
            while ti < tokens.len() && tokens[ti].end <= e.start {
                ti += 1;
            }
            let toks: Vec<&Token> = tokens[ti..].iter().take_while(|t| t.end <= e.end).collect();
            let roles = toks.iter().take_while(|t| is_role(t.text(text))).count();
            let of = toks.get(roles).map(|t| normalize(t.text(text)));
            if roles == 0 || of.as_deref() != Some("of") {
                return Some(e);
            }
            let mut rest = roles + 1;
            if toks
                .get(rest)
                .is_some_and(|t| normalize(t.text(text)) == "the")
            {
                rest += 1;
            }
            let rest = &toks[rest.min(toks.len())..];
            let (first, last) = (rest.first()?, rest.last()?);
            e.start = first.start;
            e.end = last.end;
            let lws: Vec<u64> = rest
                .iter()
                .map(|t| hash_str(&normalize(t.text(text))))
                .collect();
            let cats = lists.categories(&lws);
            let place = cats & crate::lists::PLACES != 0;
            let org = cats & crate::lists::ORGS != 0;
            if place && !org {
                e.label = Label::Loc;
            } else if org && !place {
                e.label = Label::Org;
            }
            Some(e)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::test_support::*;

    #[test]
    fn a_role_before_of_is_cut_off() {
        let text = "He is the CEO of Exxon Mobil and President of the Philippines.";
        let tokens = copydesk_tokenize::tokenize(text);
        let lists = NameLists::from_tsv("Philippines\tcountry\nExxon Mobil\torg_company\n");
        let ents = vec![
            ent(text, "CEO of Exxon Mobil", 0, Label::Per, 0.5),
            ent(text, "President of the Philippines", 0, Label::Org, 0.5),
        ];
        let got: Vec<(&str, Label)> = trim_roles(text, &tokens, &lists, ents)
            .iter()
            .map(|e| (e.text(text), e.label))
            .collect();
        assert_eq!(
            got,
            [("Exxon Mobil", Label::Org), ("Philippines", Label::Loc)]
        );
    }

    #[test]
    fn a_detached_period_is_not_part_of_a_name() {
        let text = "The Australian Democrats . Acme Inc. and U.S. , then Kent ,";
        let tokens = copydesk_tokenize::tokenize(text);
        let names = ["Australian Democrats .", "Acme Inc.", "U.S.", "Kent ,"];
        let got = trim_detached_punctuation(text, &tokens, ents_of(text, &names, Label::Org));
        assert_eq!(
            texts(text, &got),
            ["Australian Democrats", "Acme Inc.", "U.S.", "Kent"]
        );
    }

    #[test]
    fn titles_are_cut_off_the_front_of_a_name() {
        let text = "King Mohammed Idris met Gen. Kutuzov, Mrs. May, Prince Charles and Major.";
        let tokens = copydesk_tokenize::tokenize(text);
        let names = [
            "King Mohammed Idris",
            "Gen. Kutuzov",
            "Mrs. May",
            "Prince Charles",
            "Major",
        ];
        let got = trim_titles(text, &tokens, ents_of(text, &names, Label::Per));
        assert_eq!(
            texts(text, &got),
            [
                "Mohammed Idris",
                "Kutuzov",
                "May",
                "Prince Charles",
                "Major"
            ]
        );
    }

    #[test]
    fn a_name_does_not_stop_inside_a_hyphenated_word() {
        let text = "Kim Dae-jung's aide met Mao Tse-Tung , a Clinton-era aide , Ford-Werke , \
                    Li Ka - shing and Hart-Scott-Rodino .";
        let names = ["Kim Dae", "Mao Tse", "Clinton", "Ford", "Li Ka", "Hart"];
        let mut ents = ents_of(text, &names, Label::Per);
        ents[3].label = Label::Org;
        let tokens = copydesk_tokenize::tokenize(text);
        assert_eq!(
            texts(text, &hyphenated_names(text, &tokens, ents)),
            [
                "Kim Dae-jung",
                "Mao Tse-Tung",
                "Clinton",
                "Ford",
                "Li Ka",
                "Hart"
            ]
        );
    }

    #[test]
    fn names_that_merely_contain_of_are_kept() {
        let text = "The Bank of England and the University of Oxford.";
        let tokens = copydesk_tokenize::tokenize(text);
        let ents = vec![
            ent(text, "Bank of England", 0, Label::Org, 0.5),
            ent(text, "University of Oxford", 0, Label::Org, 0.5),
        ];
        let out = trim_roles(text, &tokens, &NameLists::default(), ents.clone());
        assert_eq!(out, ents);
    }

    #[test]
    fn greater_joins_the_name_after_it() {
        let text = "Police in Greater Manchester. Greater Europe is not. AT GREATER MILWAUKEE OPEN";
        let ents = vec![
            ent(text, "Manchester", 0, Label::Loc, 0.3),
            ent(text, "Europe", 0, Label::Loc, 0.9),
            ent(text, "MILWAUKEE OPEN", 0, Label::Misc, 0.9),
        ];
        let tokens = copydesk_tokenize::tokenize(text);
        let dots: Vec<usize> = (0..tokens.len())
            .filter(|&k| tokens[k].text(text) == ".")
            .collect();
        let segs = [
            (0, dots[0] + 1),
            (dots[0] + 1, dots[1] + 1),
            (dots[1] + 1, tokens.len()),
        ];
        let got = greater_places(text, &tokens, &segs, ents);
        assert_eq!(
            texts(text, &got),
            ["Greater Manchester", "Europe", "GREATER MILWAUKEE OPEN"]
        );
    }
}
