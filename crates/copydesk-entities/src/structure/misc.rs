//! Rules that make names MISC: events, awards and laws by their head word, dated events,
//! hyphenated compounds and listed demonyms.

use super::*;
use crate::lists::{DEMONYM, MISC};

/// Head words that close the name of an event, an award or an agreement ("Venice Film
/// Festival", "Nobel Peace Prize", "Congo Crisis", "Lusaka Agreement"): CoNLL writes such
/// names as MISC (events, prizes, laws), and so do the schemes that map events to it.
/// Heads that also close names of organisations ("Conference", "Congress", "Campaign",
/// "Accord", "Pact") or people ("Day") are left out.
pub(super) const EVENT_HEADS: &[&str] = &[
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
pub(super) const EVENT_SCORE: f32 = 0.9;

/// A name of two or more words whose last word is a capitalised [`EVENT_HEADS`] word is
/// MISC: the model tends to give the label of the place or body the name begins with
/// ("Venice Film Festival" ORG, "Congo Crisis" LOC). Such a word, or "Campaign", standing
/// untagged right after a name closes it ("Kamerun" + "Campaign", "Brit" + "Awards"); a
/// name ending in "Campaign" on its own stays as the model labelled it ("National
/// Automobile Occupant Protection Campaign" is an organisation in CoNLL).
pub(super) fn events_as_misc(
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
pub(super) const EVENT_NOUNS: &[&str] = &[
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
pub(super) fn dated_events(
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

/// The least confidence a MISC name of the model needs to be kept. MISC is the label the
/// lists and cue words anchor least, and below one half the model is more often wrong than
/// right: on CoNLL dev 16 of 40 such names are right, on CrossNER politics dev 32 of 116.
pub(super) const MISC_FLOOR: f32 = 0.5;

/// Drops the model's MISC names whose confidence is below [`MISC_FLOOR`], unless the lists
/// know the name, or its last word, as a demonym or another MISC name ("West German",
/// "Christmas"). Runs before the other rules, so the names they make MISC ("Hong
/// Kong-based", a listed demonym) keep the confidence of the model's first label and stay.
pub(super) fn unsure_misc(text: &str, lists: &NameLists, mut ents: Vec<Entity>) -> Vec<Entity> {
    let known = |keys: &[u64]| {
        let (len, cats) = lists.longest_prefix(keys);
        len == keys.len() && cats & (DEMONYM | MISC) != 0
    };
    ents.retain(|e| {
        if e.label != Label::Misc || e.score >= MISC_FLOOR {
            return true;
        }
        let keys: Vec<u64> = e
            .text(text)
            .split(' ')
            .map(|w| hash_str(&normalize(w)))
            .collect();
        known(&keys) || known(&keys[keys.len() - 1..])
    });
    ents
}

/// A one-word name the model tagged PER, ORG or LOC without being sure, which the name
/// lists know only as a demonym ("Koreans", "Azeri", "Texan"), is MISC: CoNLL train tags
/// 1,525 of its 1,565 one-word demonyms MISC. Demonyms that also name a place, a body or
/// a person in the lists ("Marines", "Jordan") keep the model's label, as do the ones it
/// is sure of (the "Yankees" of a baseball table) and the short form of an organisation
/// named in the document ("American" after "American Airlines").
pub(super) fn demonyms_as_misc(
    text: &str,
    lists: &NameLists,
    mut ents: Vec<Entity>,
) -> Vec<Entity> {
    // First words of the document's longer organisation names: "American" after
    // "American Airlines" is the airline.
    let heads: HashMap64<()> = ents
        .iter()
        .filter(|e| e.label == Label::Org)
        .filter_map(|e| e.text(text).split_once(' '))
        .map(|(head, _)| (hash_str(&normalize(head)), ()))
        .collect();
    for e in &mut ents {
        let word = e.text(text);
        if !matches!(e.label, Label::Per | Label::Org | Label::Loc)
            || e.score >= SURE
            || word.contains(' ')
            || heads.contains_key(&hash_str(&normalize(word)))
        {
            continue;
        }
        let (len, cats) = lists.longest_prefix(&[hash_str(&normalize(word))]);
        if len == 1 && cats == DEMONYM {
            e.label = Label::Misc;
        }
    }
    ents
}

/// Words that make a compound with the name before the hyphen rather than continue it
/// ("Hong Kong-based", "NATO-led", "Clinton-era", "Blair-style"): participles and nouns of
/// such compounds, all of which CoNLL train tags MISC with a capitalised name, and suffixes
/// of derived words ("Kennedy-esque").
pub(super) const COMPOUND_WORDS: &[&str] = &[
    "affiliated",
    "aligned",
    "allied",
    "appointed",
    "backed",
    "based",
    "bashing",
    "born",
    "bound",
    "bred",
    "brokered",
    "controlled",
    "dominated",
    "era",
    "esque",
    "friendly",
    "funded",
    "held",
    "ian",
    "ians",
    "inspired",
    "ish",
    "ism",
    "ist",
    "ists",
    "ite",
    "ites",
    "leaning",
    "led",
    "like",
    "linked",
    "made",
    "mania",
    "mediated",
    "owned",
    "registered",
    "related",
    "ruled",
    "run",
    "speaking",
    "sponsored",
    "style",
    "type",
];

/// A model name glued by a hyphen to a [`COMPOUND_WORDS`] word ("Hong Kong" + "-based"),
/// or a one-word MISC glued by a hyphen to a second one-word name ("German" + "-" +
/// "Israeli", "Israeli" + "-" + "PLO"), is one MISC over the whole compound: the model, trained on text that
/// keeps such compounds as one token, tags the one-word ones that way ("Toronto-based")
/// but leaves longer names in their own label.
pub(super) fn hyphenated_compounds(text: &str, tokens: &[Token], ents: Vec<Entity>) -> Vec<Entity> {
    let glued = |a: usize, b: usize| {
        tokens
            .get(a)
            .zip(tokens.get(b))
            .is_some_and(|(x, y)| x.end == y.start)
    };
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    let mut ents = ents.into_iter().peekable();
    while let Some(mut e) = ents.next() {
        if !e.label.is_model_label() {
            out.push(e);
            continue;
        }
        let last = tokens_before(tokens, e.end).saturating_sub(1);
        let hyphen = last + 1;
        let is_hyphen = tokens.get(hyphen).is_some_and(|t| t.text(text) == "-")
            && tokens[last].end == e.end
            && glued(last, hyphen)
            && glued(hyphen, hyphen + 1);
        if !is_hyphen {
            out.push(e);
            continue;
        }
        let after = &tokens[hyphen + 1];
        let part = COMPOUND_WORDS.contains(&after.text(text)) && !glued(hyphen + 1, hyphen + 2);
        // Two one-word names: "German-Israeli", "Israeli-PLO" (not "The Dai" + "Ichi
        // Kangyo Bank Ltd", a name the model cut at its hyphen).
        let one_word = tokens[last].start == e.start;
        let second = e.label == Label::Misc
            && one_word
            && ents.peek().is_some_and(|n| {
                n.start == after.start
                    && n.end == after.end
                    && n.label.is_model_label()
                    && !glued(hyphen + 1, hyphen + 2)
            });
        if part {
            e.end = after.end;
            e.label = Label::Misc;
        } else if second {
            let n = ents.next().expect("peeked");
            e.end = n.end;
            e.score = e.score.min(n.score);
        } else {
            out.push(e);
            continue;
        }
        out.push(e);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::test_support::*;

    #[test]
    fn a_listed_demonym_is_misc() {
        let text = "Koreans met Marines, Yankees and American Airlines; American said no.";
        let lists = NameLists::from_tsv(
            "Koreans\tdemonym\nMarines\tdemonym\nMarines\torg_gov\nYankees\tdemonym\n\
             American\tdemonym\n",
        );
        let ents = vec![
            ent(text, "Koreans", 0, Label::Org, 0.6),
            ent(text, "Marines", 0, Label::Org, 0.6),
            ent(text, "Yankees", 0, Label::Org, 0.95),
            ent(text, "American Airlines", 0, Label::Org, 0.9),
            ent(text, "American", 40, Label::Org, 0.6),
        ];
        let got: Vec<(&str, Label)> = demonyms_as_misc(text, &lists, ents)
            .iter()
            .map(|e| (e.text(text), e.label))
            .collect();
        assert_eq!(
            got,
            [
                ("Koreans", Label::Misc),
                ("Marines", Label::Org),
                ("Yankees", Label::Org),
                ("American Airlines", Label::Org),
                ("American", Label::Org),
            ]
        );
    }

    #[test]
    fn a_name_in_a_hyphenated_compound_makes_it_misc() {
        let text = "Hong Kong-based banks, United Nations-sponsored talks, German-Israeli \
                    ties, The Dai-Ichi Kangyo Bank, Hong Kong - based, New York-area and \
                    Paris-based-ish firms.";
        let tokens = copydesk_tokenize::tokenize(text);
        let ents = vec![
            ent(text, "Hong Kong", 0, Label::Loc, 0.9),
            ent(text, "United Nations", 0, Label::Org, 0.8),
            ent(text, "German", 0, Label::Misc, 0.7),
            ent(text, "Israeli", 0, Label::Misc, 0.6),
            ent(text, "The Dai", 0, Label::Misc, 0.5),
            ent(text, "Ichi Kangyo Bank", 0, Label::Org, 0.5),
            ent(text, "Hong Kong", 90, Label::Loc, 0.9),
            ent(text, "New York", 0, Label::Loc, 0.9),
            ent(text, "Paris", 0, Label::Loc, 0.9),
        ];
        assert_eq!(
            labelled(text, &hyphenated_compounds(text, &tokens, ents)),
            [
                ("Hong Kong-based", Label::Misc, 0.9),
                ("United Nations-sponsored", Label::Misc, 0.8),
                ("German-Israeli", Label::Misc, 0.6),
                // A name cut at its hyphen, spaced hyphens, a word not in the list and a
                // longer compound are left alone.
                ("The Dai", Label::Misc, 0.5),
                ("Ichi Kangyo Bank", Label::Org, 0.5),
                ("Hong Kong", Label::Loc, 0.9),
                ("New York", Label::Loc, 0.9),
                ("Paris", Label::Loc, 0.9),
            ]
        );
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
    fn unsure_misc_names_go_unless_listed() {
        let text = "The West German DJ met Smith at the Commons on Christmas.";
        let lists = NameLists::from_tsv("German\tdemonym\nChristmas\tmisc\n");
        let ents = vec![
            ent(text, "West German", 0, Label::Misc, 0.4),
            ent(text, "DJ", 0, Label::Misc, 0.45),
            ent(text, "Smith", 0, Label::Per, 0.3),
            ent(text, "Commons", 0, Label::Misc, 0.5),
            ent(text, "Christmas", 0, Label::Misc, 0.2),
        ];
        let got = unsure_misc(text, &lists, ents);
        assert_eq!(
            texts(text, &got),
            ["West German", "Smith", "Commons", "Christmas"]
        );
    }
}
