//! Pairing quotation marks into quotations, in one pass over the tokens.
//!
//! Curly `“ ”`, `« »`, `„`, straight `"` (opening or closing decided by the characters
//! around it), and single `‘ ’` / `'` (an apostrophe never opens: it must follow a space
//! and precede a letter). A quotation never crosses a line break, except the newspaper
//! convention of a quote running over several paragraphs: an unclosed quotation at the end
//! of a paragraph whose next paragraph opens with a quotation mark goes on there. The same
//! repeated opening mark after a sentence end inside an open quotation (paragraphs joined
//! on one line: `"…rights. "There is…"`) continues the quotation too. Either way the
//! result is **one** quotation from the first opening mark to the last closing mark.
//! Quotations inside another quotation are not speech of their own.

use copydesk_tokenize::{Token, TokenKind};

/// How many tokens a quotation may hold: a guard for unbalanced marks in long texts.
pub(crate) const MAX_QUOTE_TOKENS: usize = 800;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// Whether a token is a quotation mark: `(double?, mark)`.
fn classify(tok: &str) -> Option<(bool, Mark)> {
    Some(match tok {
        "“" | "„" | "«" | "``" => (true, Mark::Open),
        "”" | "»" | "''" => (true, Mark::Close),
        "\"" | "＂" => (true, Mark::Either),
        "‘" => (false, Mark::Open),
        "’" => (false, Mark::Close),
        "'" => (false, Mark::Either),
        _ => return None,
    })
}

fn is_mark_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

struct Ctx {
    opening: bool,
    closing: bool,
    next_alnum: bool,
}

fn context(text: &str, t: &Token) -> Ctx {
    let prev = text.get(..t.start).and_then(|s| s.chars().next_back());
    let next = text.get(t.end..).and_then(|s| s.chars().next());
    let opening = prev.is_none_or(|c| {
        c.is_whitespace()
            || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
            || is_mark_char(c)
    });
    let closing = next.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
            )
            || is_mark_char(c)
    });
    Ctx {
        opening,
        closing,
        next_alnum: next.is_some_and(char::is_alphanumeric),
    }
}

/// Whether a line break separates token `i` from the one before it.
pub(crate) fn line_break_before(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && i < tokens.len()
        && text
            .get(tokens[i - 1].end..tokens[i].start)
            .is_some_and(|gap| gap.contains('\n'))
}

/// A paired quotation: the token indices of its first opening and last closing mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    /// Index of the (first) opening mark.
    pub open: usize,
    /// Index of the (last) closing mark.
    pub close: usize,
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// Pairs quotation marks (see the module docs); spans sorted, none inside another.
pub(crate) fn pair(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    // The open double quotation: its first mark, and whether it ran over a paragraph
    // break whose next paragraph has not yet shown its opening mark.
    let mut dopen: Option<usize> = None;
    let mut sopen: Option<usize> = None;
    let mut singles: Vec<Span> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let kind = if t.kind == TokenKind::Punct || t.kind == TokenKind::Symbol {
            classify(t.text(text))
        } else {
            None
        };
        let ctx = kind.map(|_| context(text, t));
        let reopens = |ctx: &Option<Ctx>| {
            matches!(kind, Some((true, Mark::Open)))
                || (matches!(kind, Some((true, Mark::Either)))
                    && ctx.as_ref().is_some_and(|c| c.opening && !c.closing))
        };
        if line_break_before(text, tokens, i) {
            sopen = None;
            if let Some(o) = dopen {
                if reopens(&ctx) && i > o + 1 {
                    // The quote runs on into this paragraph: skip its repeated mark.
                    continue;
                }
                dopen = None;
            }
        }
        if dopen.is_some_and(|o| i - o > MAX_QUOTE_TOKENS) {
            dopen = None;
        }
        if sopen.is_some_and(|o| i - o > MAX_QUOTE_TOKENS) {
            sopen = None;
        }
        let (Some((double, mark)), Some(ctx)) = (kind, ctx) else {
            continue;
        };
        if double {
            match (mark, dopen) {
                (Mark::Open, Some(o)) => {
                    // A repeated opening mark after a sentence end continues the quote.
                    if !(i > o + 1 && is_terminal(tokens[i - 1].text(text))) {
                        dopen = Some(i);
                    }
                }
                (Mark::Open, None) => dopen = Some(i),
                (Mark::Close, Some(o)) => {
                    out.push(Span { open: o, close: i });
                    dopen = None;
                }
                (Mark::Close, None) => {}
                (Mark::Either, Some(o)) => {
                    if ctx.opening && !ctx.closing {
                        if !(i > o + 1 && is_terminal(tokens[i - 1].text(text))) {
                            dopen = Some(i);
                        }
                    } else {
                        out.push(Span { open: o, close: i });
                        dopen = None;
                    }
                }
                (Mark::Either, None) => {
                    if !ctx.closing || ctx.opening {
                        dopen = Some(i);
                    }
                }
            }
        } else {
            let opens = ctx.opening && !ctx.closing && (mark == Mark::Open || ctx.next_alnum);
            let closes = ctx.closing && !ctx.opening && mark != Mark::Open;
            if closes {
                if let Some(o) = sopen.take() {
                    singles.push(Span { open: o, close: i });
                }
            } else if opens {
                sopen = Some(i);
            }
        }
    }
    if !singles.is_empty() {
        out.extend(singles);
        out.sort_by_key(|s| (s.open, std::cmp::Reverse(s.close)));
    }
    // Drop quotations inside another one.
    let mut kept: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        if kept.last().is_some_and(|k| s.open < k.close) {
            continue;
        }
        kept.push(s);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        let tokens = copydesk_tokenize::tokenize(text);
        pair(text, &tokens)
            .into_iter()
            .map(|s| &text[tokens[s.open].end..tokens[s.close].start])
            .collect()
    }

    #[test]
    fn pairs_and_runs_over_paragraphs() {
        assert_eq!(spans("\"A,\" he said. \"B.\""), ["A,", "B."]);
        assert_eq!(
            spans("\"First para.\n\n\"Second,\" he said."),
            ["First para.\n\n\"Second,"]
        );
        assert_eq!(
            spans("\"One sentence. \"Another one,\" he said."),
            ["One sentence. \"Another one,"]
        );
        // Unclosed at a paragraph end with no mark after: not a quotation.
        assert_eq!(spans("\"Lost mark.\n\nNext paragraph."), Vec::<&str>::new());
        assert_eq!(spans("“Curly” and 'single' marks"), ["Curly", "single"]);
        assert_eq!(spans("\"He said 'no' twice.\""), ["He said 'no' twice."]);
        // `'n'` pairs here; a one-letter quotation is dropped when kinds are decided.
        assert_eq!(spans("rock 'n' roll, the Joneses' house"), ["n"]);
    }
}
