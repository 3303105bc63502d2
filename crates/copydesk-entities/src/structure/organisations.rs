//! Rules that make organisations (and polities) whole: "<institution> of|for|on <name>"
//! and company names closed by a legal form; names that a company role or a publication
//! word beside them shows to be organisations.

use super::*;

/// Head words of institutions that are named "<head> of <place or body>" ("Bank of
/// England", "Supreme Court of New Zealand"): CoNLL annotates such a name as one
/// organisation 103 times in 133 in its training text (the rest are mostly clubs "of" their
/// country and offices "in" a city, which this rule leaves alone).
pub(super) const INSTITUTIONS: &[&str] = &[
    "academy",
    "agency",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "chamber",
    "church",
    "college",
    "commission",
    "committee",
    "community",
    "confederation",
    "conference",
    "congress",
    "council",
    "court",
    "department",
    "federation",
    "foundation",
    "government",
    "house",
    "institute",
    "league",
    "ministry",
    "museum",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "school",
    "senate",
    "service",
    "society",
    "tribunal",
    "trust",
    "union",
    "university",
];

/// Head words of states named "<head> of <place>" ("Republic of Ireland", "Principality of
/// Abkhazia", "Colony of Singapore"): CoNLL train writes them as one place ("Islamic
/// Republic of Iran"), and so does CrossNER. "City" and "County" are left out: "City of
/// New Orleans" is as often the city's government (UNER writes it ORG).
pub(super) const POLITIES: &[&str] = &[
    "republic",
    "kingdom",
    "principality",
    "duchy",
    "colony",
    "emirate",
    "sultanate",
    "khanate",
    "empire",
    "state",
    "territory",
    "dominion",
    "province",
];

/// Joins "<institution> of (the)? <name>" into one ORG, and "<polity> of (the)? <place>"
/// into one LOC.
pub(super) fn institutions_of(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    ents: Vec<Entity>,
) -> Vec<Entity> {
    let ents = joined_of(text, tokens, segs, ents, INSTITUTIONS, Label::Org);
    joined_of(text, tokens, segs, ents, POLITIES, Label::Loc)
}

/// Joins "<head> of (the)? <name>" into one name labelled `label` when the name is tagged
/// right after "of" (a place, or for an organisation also a body) and a `heads` word ends
/// a name with that label just before it, or stands untagged and capitalised ("Parliament
/// of Norway", "Principality of Abkhazia").
pub(super) fn joined_of(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    ents: Vec<Entity>,
    heads: &[&str],
    label: Label,
) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for e in ents {
        // `e` must be a place or body right after "of" (and "the").
        let k = tokens_before(tokens, e.start);
        let mut j = k;
        if j > 0 && normalize(tokens[j - 1].text(text)) == "the" {
            j -= 1;
        }
        let of_ok = j > 0
            && tokens.get(k).is_some_and(|t| t.start == e.start)
            && (e.label == Label::Loc || e.label == label)
            && normalize(tokens[j - 1].text(text)) == "of";
        let head = of_ok.then(|| j.checked_sub(2)).flatten();
        let Some(h) = head else {
            out.push(e);
            continue;
        };
        let head_word = tokens[h].text(text);
        if !heads.contains(&normalize(head_word).as_ref())
            || !same_segment(segs, h, tokens_before(tokens, e.end) - 1)
        {
            out.push(e);
            continue;
        }
        let merged = match out.last() {
            // The head is the name just before, ending with the head word.
            Some(prev) if prev.end == tokens[h].end => {
                (prev.label == label).then_some((prev.start, prev.score))
            }
            // An untagged capitalised head word.
            Some(prev) if prev.end > tokens[h].start => None,
            _ => head_word
                .starts_with(char::is_uppercase)
                .then_some((tokens[h].start, e.score)),
        };
        match merged {
            Some((start, score)) => {
                if out.last().is_some_and(|p| p.start == start) {
                    out.pop();
                }
                out.push(Entity {
                    start,
                    end: e.end,
                    label,
                    score: score.min(e.score),
                });
            }
            None => out.push(e),
        }
    }
    out
}

/// Head words of institutions named "<head> for|on <purpose or subject>" ("National
/// Organization for Women", "Bank for International Settlements", "Council on Foreign
/// Relations"); CoNLL train writes all 13 of its names "<organisation> for <name>" as one
/// organisation. Elected bodies (party, parliament, assembly, senate, house, congress) are
/// left out: one sits in them "for" a constituency ("Member of Parliament for Upper Bann").
pub(super) const PURPOSE_HEADS: &[&str] = &[
    "agency",
    "alliance",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "center",
    "centre",
    "coalition",
    "commission",
    "committee",
    "council",
    "federation",
    "foundation",
    "front",
    "fund",
    "institute",
    "league",
    "movement",
    "office",
    "organisation",
    "organization",
    "society",
    "union",
];

/// Lower-case words that may follow a name in a clause (prepositions, conjunctions,
/// relative pronouns, auxiliaries and verbs of saying), unlike a noun it would modify.
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "and", "or", "but", "in", "on", "at", "to", "of", "for", "from", "with", "by", "against", "as",
    "which", "who", "whose", "that", "is", "was", "are", "were", "has", "have", "had", "will",
    "would", "can", "could", "may", "might", "should", "must", "said", "says", "say", "told",
    "also",
];

/// Joins "<institution> for|on (the|a|an)? <Name>" into one ORG when the model's ORG ends
/// with a [`PURPOSE_HEADS`] word: the name after the preposition is the run of capitalised
/// words (joined by "of", or by "and" before a last word) that follows, with any entity
/// inside or overlapping it. A month or a weekday after the preposition is a date ("the
/// Commission on Friday", "on Thursdays"), not a subject, and a name after an article
/// that a lower-case word other than a [`CLAUSE_WORDS`] one follows modifies that word ("the
/// Commission for a U.S. offering").
pub(super) fn institutions_for(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    ents: Vec<Entity>,
) -> Vec<Entity> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    let capitalised = |k: usize| capitalised_word(text, tokens, k);
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    let mut ents = ents.into_iter().peekable();
    while let Some(e) = ents.next() {
        let prep = tokens_before(tokens, e.end);
        let head = prep.saturating_sub(1);
        let joins = e.label == Label::Org
            && prep > 0
            && tokens[head].end == e.end
            && PURPOSE_HEADS.contains(&normalize(word(head)).as_ref())
            && matches!(word(prep), "for" | "on");
        let mut first = prep + 1;
        if matches!(word(first), "the" | "a" | "an") {
            first += 1;
        }
        let date = |w: &str| {
            crate::rules::is_month_or_weekday(w)
                || w.strip_suffix('s')
                    .is_some_and(crate::rules::is_month_or_weekday)
        };
        if !joins || !capitalised(first) || date(word(first)) {
            out.push(e);
            continue;
        }
        let mut last = first;
        loop {
            if capitalised(last + 1) {
                last += 1;
            } else if word(last + 1) == "of" && capitalised(last + 2) {
                last += 2;
            } else {
                if word(last + 1) == "and" && capitalised(last + 2) && !capitalised(last + 3) {
                    last += 2;
                }
                break;
            }
        }
        // "for a U.S. offering", "on the Justice Department investigation": after an
        // article, a name followed by a noun only modifies it.
        let modifier = first > prep + 1
            && tokens.get(last + 1).is_some_and(|t| {
                let w = word(last + 1);
                t.kind == TokenKind::Word
                    && w.starts_with(char::is_lowercase)
                    && !CLAUSE_WORDS.contains(&w)
            });
        if modifier || !same_segment(segs, head, last) {
            out.push(e);
            continue;
        }
        let mut end = tokens[last].end;
        while let Some(inside) = ents.next_if(|n| n.start < end) {
            end = end.max(inside.end);
        }
        out.push(Entity { end, ..e });
    }
    out
}

/// Legal forms of companies, as written after the company's name ("Pirelli SpA",
/// "Exxon Mobil Corp."). Matched exactly: a form is capitalised as companies write it, so
/// "co" or "sa" in running text is not one. Also used by `copydesk-aliases`, where
/// "Pirelli SpA" and "Pirelli" name one organisation.
pub const LEGAL_FORMS: &[&str] = &[
    "Inc", "Inc.", "INC", "Corp", "Corp.", "CORP", "Co", "Co.", "Cos", "Cos.", "Ltd", "Ltd.",
    "LTD", "Limited", "Plc", "PLC", "plc", "LLC", "L.L.C.", "LLP", "LP", "L.P.", "SA", "S.A.",
    "SpA", "S.p.A.", "SPA", "AG", "NV", "N.V.", "BV", "B.V.", "GmbH", "AB", "ASA", "A/S", "Oyj",
    "SE", "SAS", "SARL", "KK", "K.K.", "Pty", "Bhd", "Berhad", "Tbk",
];

/// Legal forms that also abbreviate "County" ("Saratoga Co"): they close a company's name
/// only when the model did not take the name for a place.
pub(super) const COUNTY_FORMS: &[&str] = &["Co", "Co."];

/// Roles held in a company or club, which the name after "<role> of" is ("general manager
/// of Petofi", "chief executive of Exxon"): never a person, and a place only as the
/// club or firm named for it ("chairman of Chelsea"). "President" and "director" are left
/// out: they head countries and offices too ("president of France").
const COMPANY_ROLES: &[&str] = &[
    "ceo",
    "cfo",
    "chairman",
    "chairperson",
    "chairwoman",
    "chief executive",
    "chief executive officer",
    "chief financial officer",
    "chief operating officer",
    "coo",
    "general manager",
    "managing director",
];

/// The name after "<company role> of (the)?" ("general manager of Petofi") is an
/// organisation when the model tagged it a person or a place without being sure; its
/// other mentions follow ("leaving Petofi") as [`organisations_by_cue`] says.
pub(super) fn employers(text: &str, tokens: &[Token], ents: Vec<Entity>) -> Vec<Entity> {
    let word = |k: usize| normalize(tokens[k].text(text));
    organisations_by_cue(text, tokens, ents, |e, a, _| {
        let mut k = a;
        if k > 0 && word(k - 1) == "the" {
            k -= 1;
        }
        matches!(e.label, Label::Per | Label::Loc)
            && k >= 2
            && word(k - 1) == "of"
            && (1..=3).filter(|&n| k > n).any(|n| {
                let words: Vec<_> = (k - 1 - n..k - 1).map(word).collect();
                COMPANY_ROLES.contains(&words.join(" ").as_str())
            })
    })
}

/// Words that name a publication beside its title ("Zycie Warszawy daily said", "the
/// newspaper Izvestia").
const PUBLICATIONS: &[&str] = &["daily", "newspaper", "tabloid", "weekly"];

/// A name the model took for a person without being sure is a newspaper when a
/// publication word follows it without an article before it ("Zycie Warszawy daily said";
/// "a Murdoch newspaper" is the owner) or comes right before it ("the daily Zycie
/// Warszawy"); its other person mentions follow, as [`organisations_by_cue`] says.
pub(super) fn publications(text: &str, tokens: &[Token], ents: Vec<Entity>) -> Vec<Entity> {
    let word = |k: usize| normalize(tokens[k].text(text));
    let publication = |k: usize| k < tokens.len() && PUBLICATIONS.contains(&word(k).as_ref());
    organisations_by_cue(text, tokens, ents, |e, a, b| {
        let bare = a == 0 || !matches!(word(a - 1).as_ref(), "a" | "an" | "the" | "'s");
        e.label == Label::Per && (publication(b) && bare || a > 0 && publication(a - 1))
    })
}

/// Makes ORG each unsure name that `cued` accepts (given the entity and its token range
/// `a..b`), and every other mention of the name with the label the model gave the cued
/// one: every person mention, as a legal form does (a model sure of "Zycie Warszawy said"
/// is as sure of a person as it was unsure beside "daily"), and the place mentions it was
/// not sure of ("chairman of Chelsea" leaves "sure" places "in Chelsea" alone); a name that
/// is the surname of a person of the document is left alone.
fn organisations_by_cue(
    text: &str,
    tokens: &[Token],
    mut ents: Vec<Entity>,
    cued: impl Fn(&Entity, usize, usize) -> bool,
) -> Vec<Entity> {
    let mut named: HashMap64<Label> = HashMap64::default();
    for e in &mut ents {
        if e.score >= SURE {
            continue;
        }
        let (a, b) = (tokens_before(tokens, e.start), tokens_before(tokens, e.end));
        if cued(e, a, b) {
            named.insert(hash_str(&normalize(e.text(text))), e.label);
            e.label = Label::Org;
            e.score = LEGAL_FORM_SCORE;
        }
    }
    if named.is_empty() {
        return ents;
    }
    for surname in person_surnames(text, &ents) {
        named.remove(&surname);
    }
    for e in &mut ents {
        let key = hash_str(&normalize(e.text(text)));
        if named.get(&key) == Some(&e.label) && (e.label == Label::Per || e.score < SURE) {
            e.label = Label::Org;
            e.score = LEGAL_FORM_SCORE;
        }
    }
    ents
}

/// Confidence of an organisation whose label comes from a legal form rather than from the
/// model.
pub(super) const LEGAL_FORM_SCORE: f32 = 0.9;

/// Names closed by a legal form are organisations: the form right after a name (or after
/// a comma behind an organisation's name) joins it (the model often leaves it out), the
/// name becomes ORG, and every other mention of the name without the form ("Pirelli" after
/// "Pirelli SpA") becomes ORG too. A form that another name already starts with is left
/// alone, as is a one-word "name" that is only the form.
pub(super) fn legal_forms(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    mut ents: Vec<Entity>,
) -> Vec<Entity> {
    let is_form = |t: &Token, label: Label| {
        let w = t.text(text);
        LEGAL_FORMS.contains(&w) && !(label == Label::Loc && COUNTY_FORMS.contains(&w))
    };
    let mut heads: HashMap64<()> = HashMap64::default();
    let mut ti = 0;
    for i in 0..ents.len() {
        let e = ents[i];
        while ti < tokens.len() && tokens[ti].end <= e.start {
            ti += 1;
        }
        let inside = tokens[ti..].iter().take_while(|t| t.end <= e.end).count();
        if inside == 0 {
            continue;
        }
        let last = ti + inside - 1;
        // The form follows the name after a space, or after a comma when the model took
        // the name for an organisation ("Google, Inc."; "Cape Town, SA" is a place).
        let comma = e.label == Label::Org
            && tokens
                .get(last + 1)
                .is_some_and(|t| t.text(text) == "," && matches!(&text[e.end..t.start], "" | " "));
        let f = if comma { last + 2 } else { last + 1 };
        let next = tokens.get(f).filter(|t| {
            same_segment(segs, last, f)
                && text[tokens[f - 1].end..t.start] == *" "
                && is_form(t, e.label)
                && ents.get(i + 1).is_none_or(|n| n.start >= t.end)
        });
        // A name glued to a word before it ("Acme-Cleveland Corp" cut at the hyphen) has
        // a head that is not a name of its own.
        let glued = text[..e.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '-');
        let head_end = if let Some(form) = next {
            ents[i].end = form.end;
            e.end
        } else if inside > 1 && is_form(&tokens[last], e.label) {
            tokens[last - 1].end
        } else {
            continue;
        };
        if e.label != Label::Org {
            ents[i].label = Label::Org;
            ents[i].score = LEGAL_FORM_SCORE;
        }
        if !glued {
            heads.insert(hash_str(&normalize(&text[e.start..head_end])), ());
        }
    }
    // A head that is also the surname of a person of the document ("Bond" after "Alan
    // Bond" and "Bond Corp") is left to the one-name-one-label rule.
    for surname in person_surnames(text, &ents) {
        heads.remove(&surname);
    }
    if heads.is_empty() {
        return ents;
    }
    for e in &mut ents {
        if e.label != Label::Org && heads.contains_key(&hash_str(&normalize(e.text(text)))) {
            e.label = Label::Org;
            e.score = LEGAL_FORM_SCORE;
        }
    }
    ents
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::test_support::*;

    #[test]
    fn an_institution_for_a_purpose_is_one_organisation() {
        let text = "The National Organization for Women , the Commission on Presidential Debates \
                    on Friday , the Democratic Front for the Liberation of Palestine said . \
                    The Charity Commission for England and Wales and Amnesty , the Foundation \
                    for a U.S. offering , the Labour Party for Kent , the Union on Mondays .";
        let names = [
            "National Organization",
            "Commission",
            "Democratic Front",
            "Liberation of Palestine",
            "Charity Commission",
            "Wales",
            "Foundation",
            "U.S.",
            "Labour Party",
            "Kent",
            "Union",
        ];
        let ents = ents_of(text, &names, Label::Org);
        assert_eq!(
            texts_after(text, ents, institutions_for),
            [
                "National Organization for Women",
                "Commission on Presidential Debates",
                "Democratic Front for the Liberation of Palestine",
                "Charity Commission for England and Wales",
                "Foundation",
                "U.S.",
                "Labour Party",
                "Kent",
                "Union",
            ]
        );
    }

    #[test]
    fn a_name_beside_a_publication_word_is_a_newspaper() {
        let text = "Zycie Warszawy daily said so. Zycie Warszawy said more. \
                    A Murdoch newspaper said Murdoch agreed. The daily Gara wrote.";
        let tokens = copydesk_tokenize::tokenize(text);
        let second = text.find("Zycie Warszawy said").unwrap();
        let ents = vec![
            ent(text, "Zycie Warszawy", 0, Label::Per, 0.6),
            ent(text, "Zycie Warszawy", second, Label::Per, 0.99),
            ent(text, "Murdoch", 0, Label::Per, 0.7),
            ent(
                text,
                "Murdoch",
                text.find("Murdoch agreed").unwrap(),
                Label::Per,
                0.8,
            ),
            ent(text, "Gara", 0, Label::Per, 0.5),
        ];
        let got = labelled(text, &publications(text, &tokens, ents));
        assert_eq!(
            got,
            [
                ("Zycie Warszawy", Label::Org, LEGAL_FORM_SCORE),
                ("Zycie Warszawy", Label::Org, LEGAL_FORM_SCORE),
                // "A Murdoch newspaper" is the owner's.
                ("Murdoch", Label::Per, 0.7),
                ("Murdoch", Label::Per, 0.8),
                ("Gara", Label::Org, LEGAL_FORM_SCORE),
            ]
        );
    }

    #[test]
    fn the_name_after_a_company_role_is_an_organisation() {
        let text = "Kiss, general manager of Petofi, quit. Leaving Petofi was hard. \
                    The chairman of Chelsea spoke in Chelsea. Petofi said so. \
                    The president of France met the chief executive of the Acme.";
        let tokens = copydesk_tokenize::tokenize(text);
        let at = |name: &str, from: &str| {
            text[text.find(from).unwrap()..].find(name).unwrap() + text.find(from).unwrap()
        };
        let ents = vec![
            ent(text, "Kiss", 0, Label::Per, 0.9),
            ent(text, "Petofi", 0, Label::Per, 0.6),
            ent(text, "Petofi", at("Petofi", "Leaving"), Label::Per, 0.7),
            ent(text, "Chelsea", 0, Label::Loc, 0.5),
            ent(
                text,
                "Chelsea",
                at("Chelsea", "in Chelsea"),
                Label::Loc,
                0.95,
            ),
            ent(
                text,
                "Petofi",
                at("Petofi", "Petofi said"),
                Label::Per,
                0.95,
            ),
            ent(text, "France", 0, Label::Loc, 0.6),
            ent(text, "Acme", 0, Label::Per, 0.5),
        ];
        let got = labelled(text, &employers(text, &tokens, ents));
        assert_eq!(
            got,
            [
                ("Kiss", Label::Per, 0.9),
                ("Petofi", Label::Org, LEGAL_FORM_SCORE),
                ("Petofi", Label::Org, LEGAL_FORM_SCORE),
                ("Chelsea", Label::Org, LEGAL_FORM_SCORE),
                // A mention the model is sure of keeps its label: the place.
                ("Chelsea", Label::Loc, 0.95),
                // A person mention follows even when the model was sure of it.
                ("Petofi", Label::Org, LEGAL_FORM_SCORE),
                ("France", Label::Loc, 0.6),
                ("Acme", Label::Org, LEGAL_FORM_SCORE),
            ]
        );
    }

    #[test]
    fn a_legal_form_makes_the_name_an_organisation_throughout() {
        let text = "Pirelli SpA said on Friday. Ruch SA rose. Pirelli gained, Ruch fell. \
                    Maria Ruch Schmidt and Acme Inc. agreed. In Cape Town, SA, and Saratoga Co. \
                    Alan Bond of Bond Corp; Bond said. CLEVELAND - Acme-Cleveland Corp.";
        let tokens = copydesk_tokenize::tokenize(text);
        let ents = vec![
            ent(text, "Pirelli", 0, Label::Per, 0.95),
            ent(text, "Ruch SA", 0, Label::Loc, 0.4),
            ent(text, "Pirelli", 30, Label::Per, 0.8),
            ent(text, "Ruch", 40, Label::Per, 0.6),
            ent(text, "Maria Ruch Schmidt", 0, Label::Per, 0.9),
            ent(text, "Acme Inc.", 0, Label::Org, 0.7),
            ent(text, "Cape Town", 0, Label::Loc, 0.9),
            ent(text, "Saratoga", 0, Label::Loc, 0.8),
            ent(text, "Alan Bond", 0, Label::Per, 0.9),
            ent(text, "Bond Corp", 0, Label::Org, 0.9),
            ent(
                text,
                "Bond",
                text.find("Bond said").unwrap(),
                Label::Per,
                0.7,
            ),
            ent(text, "CLEVELAND", 0, Label::Loc, 0.9),
            ent(text, "Cleveland Corp", 0, Label::Org, 0.6),
        ];
        let got = labelled(
            text,
            &legal_forms(text, &tokens, &[(0, tokens.len())], ents),
        );
        assert_eq!(
            got,
            [
                ("Pirelli SpA", Label::Org, LEGAL_FORM_SCORE),
                ("Ruch SA", Label::Org, LEGAL_FORM_SCORE),
                ("Pirelli", Label::Org, LEGAL_FORM_SCORE),
                ("Ruch", Label::Org, LEGAL_FORM_SCORE),
                ("Maria Ruch Schmidt", Label::Per, 0.9),
                ("Acme Inc.", Label::Org, 0.7),
                ("Cape Town", Label::Loc, 0.9),
                ("Saratoga", Label::Loc, 0.8),
                ("Alan Bond", Label::Per, 0.9),
                ("Bond Corp", Label::Org, 0.9),
                ("Bond", Label::Per, 0.7),
                ("CLEVELAND", Label::Loc, 0.9),
                ("Cleveland Corp", Label::Org, 0.6),
            ]
        );
    }

    #[test]
    fn a_legal_form_after_a_comma_closes_an_organisation() {
        let text = "Google, Inc. and Enron Broadband Services , Inc. met in Cape Town, SA.";
        let names = ["Google", "Enron Broadband Services", "Cape Town"];
        let mut ents = ents_of(text, &names, Label::Org);
        ents[2].label = Label::Loc;
        assert_eq!(
            texts_after(text, ents, legal_forms),
            [
                "Google, Inc.",
                "Enron Broadband Services , Inc.",
                "Cape Town"
            ]
        );
    }

    #[test]
    fn an_institution_of_a_place_is_one_organisation_and_a_polity_one_place() {
        let text = "The Supreme Court of New Zealand and the Parliament of Norway met \
                    Olympiakos of Greece, then the court of Kent, the Principality of Abkhazia \
                    and the City of Springfield.";
        let tokens = copydesk_tokenize::tokenize(text);
        let ents = vec![
            ent(text, "Supreme Court", 0, Label::Org, 0.8),
            ent(text, "New Zealand", 0, Label::Loc, 0.9),
            ent(text, "Norway", 0, Label::Loc, 0.7),
            ent(text, "Olympiakos", 0, Label::Org, 0.9),
            ent(text, "Greece", 0, Label::Loc, 0.9),
            ent(text, "Kent", 0, Label::Loc, 0.9),
            ent(text, "Abkhazia", 0, Label::Loc, 0.6),
            ent(text, "Springfield", 0, Label::Loc, 0.9),
        ];
        let got = labelled(
            text,
            &institutions_of(text, &tokens, &[(0, tokens.len())], ents),
        );
        assert_eq!(
            got,
            [
                ("Supreme Court of New Zealand", Label::Org, 0.8),
                ("Parliament of Norway", Label::Org, 0.7),
                ("Olympiakos", Label::Org, 0.9),
                ("Greece", Label::Loc, 0.9),
                ("Kent", Label::Loc, 0.9),
                ("Principality of Abkhazia", Label::Loc, 0.6),
                ("Springfield", Label::Loc, 0.9),
            ]
        );
    }
}
