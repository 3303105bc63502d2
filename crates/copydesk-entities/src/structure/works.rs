//! The rule that makes a quoted title of a work one MISC: "the film " On the Waterfront "".

use super::*;

/// Words that announce the title of a work in quotation marks: kinds of work ("the film",
/// "his novel", "her biography"), "titles", and verbs that take one ("wrote", "starring",
/// "appearances in"). CoNLL writes titles of works as MISC.
pub(super) const WORK_CUES: &[&str] = &[
    "film",
    "films",
    "movie",
    "movies",
    "picture",
    "documentary",
    "novel",
    "novels",
    "book",
    "books",
    "biography",
    "autobiography",
    "memoir",
    "memoirs",
    "poem",
    "poems",
    "song",
    "songs",
    "album",
    "albums",
    "opera",
    "ballet",
    "musical",
    "play",
    "plays",
    "sitcom",
    "series",
    "titles",
    "titled",
    "entitled",
    "wrote",
    "starring",
    "appearances",
    "codenamed",
    "code-named",
];

/// Lower-case words a title may hold between its capitalised words ("Lawrence of
/// Arabia", "Anne of a Thousand Days", "Viva la Vida").
const TITLE_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "de", "del", "der", "du", "for", "from", "in", "la", "le", "of",
    "on", "or", "the", "to", "von", "with",
];

/// How many tokens a quoted title may have, and how far before its opening quote a
/// [`WORK_CUES`] word may stand.
const MAX_TITLE: usize = 8;
const CUE_WINDOW: usize = 4;

/// Confidence of a MISC whose label comes from its quotation marks and cue.
const WORK_SCORE: f32 = 0.9;

/// The closing quotation mark that pairs with an opening one.
fn closing_quote(open: &str) -> Option<&'static str> {
    match open {
        "\"" => Some("\""),
        "'" => Some("'"),
        "\u{201c}" => Some("\u{201d}"),
        "\u{2018}" => Some("\u{2019}"),
        "\u{ab}" => Some("\u{bb}"),
        _ => None,
    }
}

/// Words in quotation marks written as a title (capitalised words, numbers and
/// [`TITLE_FUNCTION_WORDS`] between them, not all in capitals, a detached comma or period
/// before the closing mark allowed: "" Bertillon 166 , "") are one MISC when a
/// [`WORK_CUES`] word stands among the four tokens before the opening mark ("best known
/// for" counts too), or "campaign" right after the closing one, or when they follow such a
/// title in a list ("" The Collapse " ( 1964 ) , " A World of Things ""). Names the model
/// found inside the marks give way; a name that crosses a mark keeps the title from
/// forming. Runs after [`harmonize`]: the marks are evidence about this mention only.
pub(super) fn quoted_works(
    text: &str,
    tokens: &[Token],
    segs: &[(usize, usize)],
    ents: Vec<Entity>,
) -> Vec<Entity> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    let lower = |k: usize| normalize(word(k));
    let cue_at = |k: usize| {
        let w = lower(k);
        WORK_CUES.contains(&w.as_ref()) || w == "known" && lower(k + 1) == "for"
    };
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut last_close: Option<usize> = None;
    let mut q = 0;
    while q < tokens.len() {
        let mark = (tokens[q].kind == TokenKind::Punct).then(|| closing_quote(word(q)));
        let Some(close_mark) = mark.flatten() else {
            q += 1;
            continue;
        };
        let limit = (q + MAX_TITLE + 3).min(tokens.len());
        let Some(c) = (q + 1..limit).find(|&k| word(k) == close_mark) else {
            q += 1;
            continue;
        };
        let mut end = c;
        if c > q + 2 && matches!(word(c - 1), "," | ".") {
            end = c - 1;
        }
        let inner = q + 1..end;
        let titled = !inner.is_empty()
            && inner.len() <= MAX_TITLE
            && same_segment(segs, q, c)
            && capitalised_word(text, tokens, q + 1)
            && inner.clone().all(|k| match tokens[k].kind {
                TokenKind::Word => {
                    capitalised_word(text, tokens, k)
                        || k + 1 < end && TITLE_FUNCTION_WORDS.contains(&word(k))
                }
                TokenKind::Number => true,
                _ => false,
            })
            && inner
                .clone()
                .any(|k| word(k).chars().any(char::is_lowercase));
        if !titled {
            q += 1;
            continue;
        }
        let cued = (q.saturating_sub(CUE_WINDOW)..q).any(|k| same_segment(segs, k, q) && cue_at(k))
            || same_segment(segs, c, c + 1) && lower(c + 1) == "campaign"
            || last_close.is_some_and(|p| {
                same_segment(segs, p, q)
                    && (p + 1..q).all(|k| {
                        matches!(word(k), "," | "(" | ")" | ";" | "and" | "or")
                            || tokens[k].kind == TokenKind::Number
                    })
            });
        if cued {
            titles.push((tokens[q + 1].start, tokens[end - 1].end));
            last_close = Some(c);
        }
        q = c + 1;
    }
    // One pass over the sorted entities and titles: linear in their number.
    let mut out = Vec::with_capacity(ents.len() + titles.len());
    let mut ents = ents.into_iter().peekable();
    for (start, end) in titles {
        out.extend(std::iter::from_fn(|| ents.next_if(|e| e.end <= start)));
        let inside: Vec<Entity> = std::iter::from_fn(|| ents.next_if(|e| e.start < end)).collect();
        let crossed = out.last().is_some_and(|e: &Entity| e.end > start)
            || inside.iter().any(|e| e.start < start || e.end > end);
        if crossed {
            out.extend(inside);
        } else {
            out.push(Entity {
                start,
                end,
                label: Label::Misc,
                score: WORK_SCORE,
            });
        }
    }
    out.extend(ents);
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn works(text: &str, ents: Vec<Entity>) -> Vec<(&str, Label, f32)> {
        let tokens = copydesk_tokenize::tokenize(text);
        labelled(
            text,
            &quoted_works(text, &tokens, &[(0, tokens.len())], ents),
        )
    }

    #[test]
    fn a_quoted_title_after_a_work_cue_is_one_misc() {
        let text = "He is best known for \"On the Waterfront\" and the film \u{201c}Michael Collins\u{201d}.";
        let ents = vec![
            ent(text, "Waterfront", 0, Label::Loc, 0.4),
            ent(text, "Michael Collins", 0, Label::Per, 0.95),
        ];
        let got = works(text, ents);
        let want = [
            ("On the Waterfront", Label::Misc, WORK_SCORE),
            ("Michael Collins", Label::Misc, WORK_SCORE),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn titles_listed_after_a_title_and_a_detached_comma() {
        let text = "His novels translate as \" The Collapse \" ( 1964 ) , \" Bertillon 166 , \" and \" A World of Things \" .";
        let got: Vec<&str> = works(text, Vec::new()).iter().map(|x| x.0).collect();
        assert_eq!(got, ["The Collapse", "Bertillon 166", "A World of Things"]);
    }

    #[test]
    fn quotes_without_a_cue_or_a_title_stay_as_they_were() {
        for text in [
            "Thatcher, dubbed the \"Iron Lady\", said so.",
            "The film was \"very good indeed\", he said.",
            "PARIS FILM 'ONE OF THE BEST' SAYS.",
            "The film \"Rocky of\" opens.",
        ] {
            assert_eq!(works(text, Vec::new()), [], "{text}");
        }
    }

    #[test]
    fn a_name_across_a_quotation_mark_keeps_the_title_from_forming() {
        let text = "the film \"Michael\" Collins made";
        let ents = vec![ent(text, "Michael\" Collins", 0, Label::Per, 0.6)];
        assert_eq!(works(text, ents.clone()), labelled(text, &ents));
    }
}
