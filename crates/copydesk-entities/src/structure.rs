//! Structure rules applied to the model's names after decoding, where the right answer
//! depends on the whole name or the whole document rather than on one token:
//!
//! - a role before "of" is not part of the name ("CEO of Exxon Mobil" → "Exxon Mobil",
//!   "President of the Philippines" → "Philippines"), and the rest takes the label its
//!   listed category implies;
//! - a name does not end in a detached period or comma ("Australian Democrats ." →
//!   "Australian Democrats");
//! - a title before a person's name is not part of it ("King Mohammed Idris" → "Mohammed
//!   Idris", "Gen. Kutuzov" → "Kutuzov");
//! - a person's name does not stop inside a hyphenated word ("Kim Dae" + "-jung" → "Kim
//!   Dae-jung", "Mao Tse-Tung");
//! - an institution "of" a place or body is one organisation ("Supreme Court" + "of" +
//!   "New Zealand" → "Supreme Court of New Zealand", "Parliament of Norway"), and a polity
//!   "of" a place is one place ("Principality of Abkhazia", "Colony of Singapore");
//! - an institution named for its purpose or subject is one organisation ("National
//!   Organization" + "for" + "Women", "Commission" + "on" + "Presidential Debates");
//! - a company's legal form closes its name ("Pirelli SpA", "Acme Corp.", "Google, Inc."):
//!   the name with it is an organisation, and so is the name without it elsewhere in the
//!   document ("Pirelli" after "Pirelli SpA"), whatever a list of surnames or places says
//!   of it;
//! - a name ending in the head word of an event, award or agreement is MISC ("Venice Film
//!   Festival", "Congo Crisis", "Zulu War Medal"), whatever other names it contains;
//! - an event name the model begins with its year is written whole: with the month before
//!   the year ("February 1974 United Kingdom general election") and the lower-case words
//!   that close it ("1977 Northern Ireland" + "local elections");
//! - names listed together are of one kind: in a list of three or more names ("Shinui,
//!   Hetz, Meretz and Ale Yarok"), a name the model is not sure of takes the label the list
//!   gives with the most confidence;
//! - one name, one label in a document: mentions of the same name whose labels disagree
//!   take the label the document gives it with the most confidence, unless their own
//!   confidence is high (the context clearly differs), and a lone surname takes the label
//!   of the person it ends;
//! - a listed country after a place cue ("in the Philippines", "from Russia") is LOC.

use copydesk_tokenize::{normalize, Token, TokenKind};

use crate::hash::{hash_str, HashMap64};
use crate::lists::NameLists;
use crate::{Entity, Label};

/// Words for a person's role or title that open "<role> of <organisation or place>".
const ROLES: &[&str] = &[
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

/// A mention whose own confidence is at least this keeps its label against the rest of the
/// document.
const SURE: f32 = 0.9;

/// Applies the rules to the model's entities of one document (sorted, non-overlapping,
/// PER/ORG/LOC/MISC only); `segs` are the token ranges (sentences) the model decoded,
/// which no rule crosses either.
pub(crate) fn apply(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    lists: &NameLists,
    ents: Vec<Entity>,
) -> Vec<Entity> {
    let ents = trim_roles(text, tokens, lists, ents);
    let ents = trim_detached_punctuation(text, tokens, ents);
    let ents = trim_titles(text, tokens, ents);
    let ents = hyphenated_names(text, tokens, ents);
    let ents = institutions_of(text, tokens, segs, ents);
    let ents = institutions_for(text, tokens, segs, ents);
    let ents = legal_forms(text, tokens, segs, ents);
    let ents = events_as_misc(text, tokens, segs, ents);
    let ents = dated_events(text, tokens, segs, ents);
    let ents = coordinated_names(text, tokens, segs, ents);
    let ents = harmonize(text, ents);
    countries_as_places(text, tokens, segs, lists, ents)
}

/// The number of tokens starting before byte `offset`: the index of the token at or after
/// it.
fn tokens_before(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.start < offset)
}

/// Whether token `k` exists and is a word with a capital first letter.
fn capitalised_word(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase))
}

/// Whether the tokens `a..=b` lie in one segment of `segs` (sorted token ranges).
fn same_segment(segs: &[(usize, usize)], a: usize, b: usize) -> bool {
    let k = segs.partition_point(|s| s.1 <= a);
    segs.get(k).is_some_and(|s| s.0 <= a && b < s.1)
}

/// Cuts a period, comma, semicolon or colon that stands apart (after whitespace) off the
/// end of a name: in running text such a mark ends the sentence or clause, never the name
/// (an abbreviation keeps its period on its token: "Inc.").
fn trim_detached_punctuation(text: &str, tokens: &[Token], ents: Vec<Entity>) -> Vec<Entity> {
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
const TITLES: &[&str] = &[
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

fn is_title(word: &str) -> bool {
    let w = normalize(word);
    let w = w.strip_suffix('.').unwrap_or(&w);
    TITLES.contains(&w) || ROLES.contains(&w)
}

/// Cuts titles off the front of a person's name when a capitalised word follows them
/// ("King Mohammed Idris" → "Mohammed Idris"); CoNLL and most annotation schemes leave
/// titles outside the name.
fn trim_titles(text: &str, tokens: &[Token], ents: Vec<Entity>) -> Vec<Entity> {
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

/// Words that make a compound with the name before the hyphen rather than continue it
/// ("Clinton-era", "Blair-led", "Obama-style").
const COMPOUND_WORDS: &[&str] = &[
    "era",
    "led",
    "born",
    "bred",
    "run",
    "style",
    "based",
    "backed",
    "owned",
    "made",
    "type",
    "like",
    "linked",
    "controlled",
    "dominated",
    "inspired",
    "appointed",
    "affiliated",
    "sponsored",
    "related",
    "friendly",
    "aligned",
    "allied",
    "leaning",
    "bashing",
    "ish",
    "esque",
    "mania",
    "ite",
    "ites",
    "ism",
    "ist",
    "ists",
    "ian",
    "ians",
];

/// Extends a person's name that stops at a hyphen inside a word over the rest of that
/// word ("Kim Dae" + "-jung", "Mao Tse" + "-Tung"): the tokenizer splits hyphenated words,
/// and the model takes the part after the hyphen of East Asian given names for a
/// separate word. A [`COMPOUND_WORDS`] word after the hyphen is not part of the name.
fn hyphenated_names(text: &str, tokens: &[Token], mut ents: Vec<Entity>) -> Vec<Entity> {
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

/// Head words of institutions that are named "<head> of <place or body>" ("Bank of
/// England", "Supreme Court of New Zealand"): CoNLL annotates such a name as one
/// organisation 103 times in 133 in its training text (the rest are mostly clubs "of" their
/// country and offices "in" a city, which this rule leaves alone).
const INSTITUTIONS: &[&str] = &[
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
const POLITIES: &[&str] = &[
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
fn institutions_of(
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
fn joined_of(
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
const PURPOSE_HEADS: &[&str] = &[
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
const CLAUSE_WORDS: &[&str] = &[
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
fn institutions_for(
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
const COUNTY_FORMS: &[&str] = &["Co", "Co."];

/// Confidence of an organisation whose label comes from a legal form rather than from the
/// model.
const LEGAL_FORM_SCORE: f32 = 0.9;

/// Names closed by a legal form are organisations: the form right after a name (or after
/// a comma behind an organisation's name) joins it (the model often leaves it out), the
/// name becomes ORG, and every other mention of the name without the form ("Pirelli" after
/// "Pirelli SpA") becomes ORG too. A form that another name already starts with is left
/// alone, as is a one-word "name" that is only the form.
fn legal_forms(
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
    for e in ents.iter().filter(|e| e.label == Label::Per) {
        if let Some((_, last)) = e.text(text).rsplit_once(' ') {
            heads.remove(&hash_str(&normalize(last)));
        }
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

/// Head words that close the name of an event, an award or an agreement ("Venice Film
/// Festival", "Nobel Peace Prize", "Congo Crisis", "Lusaka Agreement"): CoNLL writes such
/// names as MISC (events, prizes, laws), and so do the schemes that map events to it.
/// Heads that also close names of organisations ("Conference", "Congress", "Campaign",
/// "Accord", "Pact") or people ("Day") are left out.
const EVENT_HEADS: &[&str] = &[
    "festival",
    "awards",
    "award",
    "prize",
    "medal",
    "championship",
    "championships",
    "olympics",
    "war",
    "revolution",
    "rebellion",
    "revolt",
    "uprising",
    "crisis",
    "agreement",
    "treaty",
    "convention",
    "act",
];

/// Confidence of a MISC whose label comes from its head word rather than from the model.
const EVENT_SCORE: f32 = 0.9;

/// A name of two or more words whose last word is a capitalised [`EVENT_HEADS`] word is
/// MISC: the model tends to give the label of the place or body the name begins with
/// ("Venice Film Festival" ORG, "Congo Crisis" LOC). Such a word, or "Campaign", standing
/// untagged right after a name closes it ("Kamerun" + "Campaign", "Brit" + "Awards"); a
/// name ending in "Campaign" on its own stays as the model labelled it ("National
/// Automobile Occupant Protection Campaign" is an organisation in CoNLL).
fn events_as_misc(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    mut ents: Vec<Entity>,
) -> Vec<Entity> {
    let word = |k: usize| normalize(tokens.get(k).map_or("", |t| t.text(text)));
    let is_head =
        |k: usize| capitalised_word(text, tokens, k) && EVENT_HEADS.contains(&word(k).as_ref());
    for i in 0..ents.len() {
        let e = ents[i];
        if !e.label.is_model_label() {
            continue;
        }
        let next = tokens_before(tokens, e.end);
        let joins = (is_head(next)
            || capitalised_word(text, tokens, next) && word(next) == "campaign")
            && text[e.end..tokens[next].start] == *" "
            && same_segment(segs, next - 1, next)
            && ents.get(i + 1).is_none_or(|n| n.start >= tokens[next].end);
        if joins {
            ents[i].end = tokens[next].end;
        }
        let named = tokens[next - 1].start > e.start && is_head(next - 1);
        if e.label != Label::Misc && (joins || named) {
            ents[i].label = Label::Misc;
            ents[i].score = EVENT_SCORE;
        }
    }
    ents
}

/// Lower-case nouns that close the name of a dated event ("1977 Northern Ireland local
/// elections", "1996 Miss Teen USA pageant", "1992 European championship": CoNLL and
/// CrossNER write them inside the name when the year is).
const EVENT_NOUNS: &[&str] = &[
    "election",
    "elections",
    "by-election",
    "by-elections",
    "referendum",
    "primary",
    "primaries",
    "campaign",
    "championship",
    "championships",
    "pageant",
    "tournament",
    "summit",
    "festival",
];

/// Completes the MISC names the model begins with a year (a four-digit number from 1500
/// to 2099), as names of events are written with their date: a month right before the
/// year joins the name ("February" + "1974 United Kingdom general election"), and so does
/// an [`EVENT_NOUNS`] noun right after it, alone or after one lower-case word ("1977
/// Northern Ireland" + "local elections"), unless the name already ends with one. A
/// function word ([`CLAUSE_WORDS`], an article) is not that word ("1988 Senate elections was
/// an election"), and two words are too many ("1997 Fed Cup team tennis championships").
fn dated_events(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    mut ents: Vec<Entity>,
) -> Vec<Entity> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    let lower = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            let w = word(k);
            t.kind == TokenKind::Word
                && w.starts_with(char::is_lowercase)
                && !CLAUSE_WORDS.contains(&w)
                && !matches!(w, "a" | "an" | "the")
        })
    };
    let is_event_noun = |k: usize| EVENT_NOUNS.contains(&word(k));
    for i in 0..ents.len() {
        let e = ents[i];
        let first = tokens_before(tokens, e.start);
        let year = tokens.get(first).filter(|t| {
            t.start == e.start
                && t.kind == TokenKind::Number
                && word(first).len() == 4
                && (1500..2100).contains(&word(first).parse::<u32>().unwrap_or(0))
        });
        if e.label != Label::Misc || year.is_none() {
            continue;
        }
        let prev_end = i.checked_sub(1).map_or(0, |p| ents[p].end);
        if let Some(m) = first.checked_sub(1) {
            if crate::rules::is_month(word(m))
                && word(m).starts_with(char::is_uppercase)
                && tokens[m].start >= prev_end
                && same_segment(segs, m, first)
            {
                ents[i].start = tokens[m].start;
            }
        }
        let last = tokens_before(tokens, e.end) - 1;
        if is_event_noun(last) {
            continue;
        }
        let next_start = ents.get(i + 1).map_or(text.len(), |n| n.start);
        let head = (last + 1..=last + 2)
            .take_while(|&k| k == last + 1 || lower(k - 1))
            .find(|&k| is_event_noun(k));
        if let Some(h) =
            head.filter(|&h| tokens[h].end <= next_start && same_segment(segs, last, h))
        {
            ents[i].end = tokens[h].end;
        }
    }
    ents
}

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
fn countries_as_places(
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
        if capitalised(after) || possessive && capitalised(after + 1) {
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
    for p in &mut places {
        if let Some(e) = ents.iter().find(|e| e.start == p.start && e.end == p.end) {
            p.score = if e.label == Label::Loc {
                e.score
            } else {
                1.0 - e.score
            };
        }
    }
    ents.retain(|e| !places.iter().any(|p| e.start < p.end && p.start < e.end));
    ents.extend(places);
    ents.sort_by_key(|e| (e.start, e.end));
    ents
}

fn is_role(word: &str) -> bool {
    ROLES.contains(&normalize(word).as_ref())
}

/// Cuts "<role>+ of (the)?" off the front of a name; the rest keeps the model's label
/// unless the name lists say it is a place and not an organisation (LOC) or the reverse.
fn trim_roles(text: &str, tokens: &[Token], lists: &NameLists, ents: Vec<Entity>) -> Vec<Entity> {
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

/// What stands between two names of a list.
#[derive(Clone, Copy, PartialEq)]
enum Link {
    /// A comma.
    Comma,
    /// "and" or "or", with or without a comma before it.
    Conjunction,
}

/// The link between names `a` and `b` (next to each other in `ents`) when only a comma or
/// a conjunction stands between them in one segment.
fn link(
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
fn firm_name(text: &str, tokens: &[Token], end: usize) -> bool {
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
fn coordinated_names(
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
fn heaviest(weight: &[f32; 4], first: usize) -> usize {
    (0..4).fold(first, |b, l| if weight[l] > weight[b] { l } else { b })
}

/// One name, one label: see the module docs.
fn harmonize(text: &str, mut ents: Vec<Entity>) -> Vec<Entity> {
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
    let mut surnames: HashMap64<()> = HashMap64::default();
    for e in &ents {
        let name = e.text(text);
        if e.label == Label::Per {
            if let Some((_, last)) = name.rsplit_once(' ') {
                surnames.insert(hash_str(&normalize(last)), ());
            }
        }
    }
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

    use super::*;

    /// Entities over the first occurrence of each name, all `label` with confidence 0.8.
    fn ents_of(text: &str, names: &[&str], label: Label) -> Vec<Entity> {
        names.iter().map(|n| ent(text, n, 0, label, 0.8)).collect()
    }

    /// Each entity's text.
    fn texts<'t>(text: &'t str, ents: &[Entity]) -> Vec<&'t str> {
        ents.iter().map(|e| e.text(text)).collect()
    }

    /// A rule that reads the segments.
    type Rule = fn(&str, &[Token], &[(usize, usize)], Vec<Entity>) -> Vec<Entity>;

    /// The texts of the entities `rule` gives for `ents` of `text`, read as one segment.
    fn texts_after(text: &str, ents: Vec<Entity>, rule: Rule) -> Vec<&str> {
        let tokens = copydesk_tokenize::tokenize(text);
        texts(text, &rule(text, &tokens, &[(0, tokens.len())], ents))
    }

    /// Each entity's text, label and confidence.
    fn labelled<'t>(text: &'t str, ents: &[Entity]) -> Vec<(&'t str, Label, f32)> {
        ents.iter()
            .map(|e| (e.text(text), e.label, e.score))
            .collect()
    }

    fn ent(text: &str, name: &str, from: usize, label: Label, score: f32) -> Entity {
        let start = text[from..].find(name).unwrap() + from;
        Entity {
            start,
            end: start + name.len(),
            label,
            score,
        }
    }

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
    fn rules_do_not_cross_sentences() {
        // "Sen." ends a sentence: the legal form after it belongs to the next one.
        let text = "Sen.\nInc. was in the United\nStates.";
        let tokens = copydesk_tokenize::tokenize(text);
        let cut = tokens.iter().position(|t| t.text(text) == "Inc.").unwrap();
        let states = tokens
            .iter()
            .position(|t| t.text(text) == "States")
            .unwrap();
        let segs = [(0, cut), (cut, states), (states, tokens.len())];
        assert!(same_segment(&segs, 0, cut - 1) && !same_segment(&segs, cut - 1, cut));
        let ents = vec![ent(text, "Sen.", 0, Label::Per, 0.5)];
        let got = legal_forms(text, &tokens, &segs, ents.clone());
        assert_eq!(got, ents);
        let lists = NameLists::from_tsv("United States\tcountry\n");
        let got = countries_as_places(text, &tokens, &segs, &lists, Vec::new());
        assert!(got.is_empty(), "{got:?}");
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
    fn names_of_events_are_misc() {
        let text = "A Medal ; the Venice Film Festival , the Congo Crisis , the Zulu War Medal , \
                    Festival Records ; MEXICO CRISIS ; the Kamerun Campaign , \
                    the Safety Campaign .";
        let tokens = copydesk_tokenize::tokenize(text);
        let names = [
            "Medal",
            "Venice Film Festival",
            "Congo Crisis",
            "Zulu War Medal",
            "Festival Records",
            "MEXICO CRISIS",
            "Kamerun",
            "Safety Campaign",
        ];
        let ents = ents_of(text, &names, Label::Org);
        let got = events_as_misc(text, &tokens, &[(0, tokens.len())], ents);
        let misc: Vec<(&str, f32)> = got
            .iter()
            .filter(|e| e.label == Label::Misc)
            .map(|e| (e.text(text), e.score))
            .collect();
        assert_eq!(
            misc,
            [
                ("Venice Film Festival", EVENT_SCORE),
                ("Congo Crisis", EVENT_SCORE),
                ("Zulu War Medal", EVENT_SCORE),
                ("MEXICO CRISIS", EVENT_SCORE),
                ("Kamerun Campaign", EVENT_SCORE),
            ]
        );
    }

    #[test]
    fn dated_event_names_are_written_whole() {
        let text = "In February 1974 United Kingdom general election , the 1977 Northern \
                    Ireland local elections , the 1997 Fed Cup team tennis championships , \
                    the 1988 Senate elections was an election and March 1996 Open elections .";
        let names = [
            "1974 United Kingdom general election",
            "1977 Northern Ireland",
            "1997 Fed Cup",
            "1988 Senate elections",
            "March",
            "1996 Open",
        ];
        let ents = ents_of(text, &names, Label::Misc);
        assert_eq!(
            texts_after(text, ents, dated_events),
            [
                "February 1974 United Kingdom general election",
                "1977 Northern Ireland local elections",
                "1997 Fed Cup",
                "1988 Senate elections",
                "March",
                "1996 Open elections",
            ]
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
