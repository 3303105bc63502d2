//! Rule-based `DATE`, `TIME`, `MONEY` and `PERCENT` entities: precise token patterns,
//! one left-to-right pass (linear time), never crossing a segment.

use copydesk_tokenize::{Token, TokenKind};

use crate::{Entity, Label};

/// Confidence given to rule entities.
const RULE_SCORE: f32 = 0.9;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const MAGNITUDES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "m", "bn", "mln", "mn", "b", "k",
    "tn", "trn", "bln",
];
const CURRENCY_SYMBOLS: &[&str] = &[
    "$", "£", "€", "¥", "₹", "₽", "₩", "US$", "A$", "C$", "HK$", "NZ$", "S$",
];
const CURRENCY_PREFIX_WORDS: &[&str] = &["US", "U.S.", "A", "C", "HK", "NZ", "S", "NT", "R"];
const CURRENCY_WORDS: &[&str] = &[
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "sterling",
    "yen",
    "yuan",
    "renminbi",
    "francs",
    "franc",
    "marks",
    "mark",
    "cents",
    "pence",
    "p",
    "rupees",
    "rupee",
    "pesos",
    "peso",
    "rand",
    "roubles",
    "rubles",
    "rouble",
    "ruble",
    "lire",
    "lira",
    "won",
    "crowns",
    "kronor",
    "krona",
    "kroner",
    "krone",
    "dinars",
    "riyals",
    "shekels",
    "baht",
    "ringgit",
    "guilders",
    "schillings",
    "pesetas",
    "escudos",
    "zlotys",
    "forints",
    "drachmas",
    "punts",
];
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "DM", "DEM", "FFR", "CAD", "AUD", "HKD", "INR",
    "RUB", "SEK", "NOK", "DKK", "ITL", "ESP", "NLG", "BEF",
];
const TIMEZONES: &[&str] = &[
    "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST",
    "ET", "PT", "JST", "IST", "HKT", "SGT", "AEST",
];
const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "of",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "throughout",
    "through",
    "to",
    "and",
    "between",
];
const RELATIVE: &[&str] = &["last", "next", "this", "past", "previous", "coming"];
const PERIODS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "quarter",
    "decade",
    "century",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "season",
    "morning",
    "afternoon",
    "evening",
    "night",
];
const DAY_WORDS: &[&str] = &["yesterday", "today", "tomorrow"];

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Token],
}

/// Whether `s` names a month ("March", "june").
pub(crate) fn is_month(s: &str) -> bool {
    is_in(MONTHS, s)
}

/// Whether `s` names a month or a day of the week ("March", "friday").
pub(crate) fn is_month_or_weekday(s: &str) -> bool {
    is_month(s) || is_in(WEEKDAYS, s)
}

fn is_in(list: &[&str], s: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(s))
}

fn is_in_exact(list: &[&str], s: &str) -> bool {
    list.contains(&s)
}

impl<'a> Cx<'a> {
    fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }
    /// Token `i + 1` follows token `i` with no space between.
    fn glued(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].end == self.toks[i + 1].start
    }
    fn capitalized(&self, i: usize) -> bool {
        self.t(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A number: digits with `,`/`.` groups, as one token or glued tokens. Returns the end
    /// token index (exclusive) and the integer part's value when small.
    fn number(&self, i: usize) -> Option<(usize, Option<u32>)> {
        let s = self.t(i);
        if !is_numeric_text(s) {
            return None;
        }
        let mut j = i + 1;
        while j + 1 < self.toks.len() + 1
            && self.glued(j - 1)
            && matches!(self.t(j), "." | ",")
            && self.glued(j)
            && self.t(j + 1).bytes().all(|b| b.is_ascii_digit())
            && !self.t(j + 1).is_empty()
        {
            j += 2;
        }
        // Glued groups are joined by "." or ",": such a number has no small integer value.
        let val = if j > i + 1 || s.contains(',') || s.contains('.') {
            None
        } else {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            s[..digits].parse::<u32>().ok()
        };
        Some((j, val))
    }

    /// A number followed by an optional magnitude word (`3.6 trillion`, `50m`, `10bn`).
    fn amount(&self, i: usize) -> Option<usize> {
        if let Some(end) = self.number_with_suffix(i, MAGNITUDES) {
            return Some(end);
        }
        let (mut j, _) = self.number(i)?;
        if is_in(MAGNITUDES, self.t(j)) && (self.t(j).len() > 2 || self.glued(j - 1)) {
            j += 1;
        }
        Some(j)
    }

    /// A single token like `50m`, `3.6bn`, `1st`: digits then one of `suffixes`.
    fn number_with_suffix(&self, i: usize, suffixes: &[&str]) -> Option<usize> {
        let s = self.t(i);
        let split = s.find(|c: char| c.is_alphabetic())?;
        if split == 0 || !is_numeric_text(&s[..split]) {
            return None;
        }
        is_in(suffixes, &s[split..]).then_some(i + 1)
    }

    fn money(&self, i: usize) -> Option<usize> {
        let s = self.t(i);
        // Currency prefix word glued to a symbol: `US$`, `HK$`.
        let mut j = i;
        if is_in_exact(CURRENCY_PREFIX_WORDS, s)
            && self.glued(i)
            && is_in_exact(CURRENCY_SYMBOLS, self.t(i + 1))
        {
            j = i + 1;
        }
        let sym = self.t(j);
        if is_in_exact(CURRENCY_SYMBOLS, sym) || is_in_exact(CURRENCY_CODES, sym) {
            let end = self.amount(j + 1)?;
            return Some(end);
        }
        // Amount then currency word or code: `10 million euros`, `5 million Swiss francs`.
        let end = self.amount(i)?;
        let w = self.t(end);
        if is_in(CURRENCY_WORDS, w)
            && w.len() > 1
            && !(w.eq_ignore_ascii_case("mark") || w.eq_ignore_ascii_case("won") && end == i + 1)
        {
            return Some(end + 1);
        }
        if is_in_exact(CURRENCY_CODES, w) {
            return Some(end + 1);
        }
        if self.capitalized(end)
            && is_in(CURRENCY_WORDS, self.t(end + 1))
            && self.t(end + 1).len() > 4
        {
            return Some(end + 2);
        }
        None
    }

    fn percent(&self, i: usize) -> Option<usize> {
        let start = if matches!(self.t(i), "+" | "-" | "−") && self.glued(i) {
            i + 1
        } else {
            i
        };
        let (j, _) = self.number(start)?;
        let w = self.t(j);
        if w == "%"
            || w == "pct"
            || w.eq_ignore_ascii_case("percent")
            || w.eq_ignore_ascii_case("per-cent")
        {
            return Some(j + 1);
        }
        if w.eq_ignore_ascii_case("per") && self.t(j + 1).eq_ignore_ascii_case("cent") {
            return Some(j + 2);
        }
        None
    }

    /// `a.m.` / `pm` etc. as one token or glued pieces; returns the end index.
    fn ampm(&self, j: usize) -> Option<usize> {
        let mut acc = String::new();
        let mut k = j;
        while k < self.toks.len() && k < j + 4 {
            acc.push_str(&self.t(k).to_ascii_lowercase());
            k += 1;
            if matches!(acc.as_str(), "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m") {
                // Prefer the longer form with the final period.
                if (acc == "a.m" || acc == "p.m") && self.glued(k - 1) && self.t(k) == "." {
                    return Some(k + 1);
                }
                return Some(k);
            }
            if !self.glued(k - 1) || acc.len() > 4 {
                break;
            }
        }
        None
    }

    fn time(&self, i: usize) -> Option<usize> {
        let s = self.t(i);
        let lw = s.to_ascii_lowercase();
        if lw == "noon" || lw == "midnight" {
            return Some(i + 1);
        }
        let mut j;
        if is_clock(s) {
            j = i + 1;
        } else if s.bytes().all(|b| b.is_ascii_digit())
            && !s.is_empty()
            && s.len() <= 2
            && self.glued(i)
            && self.t(i + 1) == ":"
            && self.glued(i + 1)
            && self.t(i + 2).len() == 2
            && self.t(i + 2).bytes().all(|b| b.is_ascii_digit())
        {
            j = i + 3;
        } else if let Some(end) = self.number_with_suffix(i, &["am", "pm", "a.m.", "p.m."]) {
            return (s.len() <= 6).then_some(end);
        } else {
            let (e, v) = self.number(i)?;
            let v = v?;
            j = e;
            if (1..=12).contains(&v) && self.ampm(j).is_some() {
                j = self.ampm(j)?;
                return Some(self.timezone(j));
            }
            // Reuters style `1430 GMT`.
            if s.len() == 4 && v % 100 < 60 && v / 100 < 24 && is_in_exact(TIMEZONES, self.t(j)) {
                return Some(j + 1);
            }
            return None;
        }
        if let Some(e) = self.ampm(j) {
            j = e;
        }
        Some(self.timezone(j))
    }

    fn timezone(&self, j: usize) -> usize {
        if is_in_exact(TIMEZONES, self.t(j)) {
            j + 1
        } else {
            j
        }
    }

    fn month(&self, i: usize) -> Option<usize> {
        let s = self.t(i);
        if !self.capitalized(i) {
            return None;
        }
        if is_in(MONTHS, s) {
            return Some(i + 1);
        }
        let base = s.strip_suffix('.').unwrap_or(s);
        if is_in(MONTH_ABBR, base) {
            if s.ends_with('.') {
                return Some(i + 1);
            }
            if self.glued(i) && self.t(i + 1) == "." {
                return Some(i + 2);
            }
            return Some(i + 1);
        }
        None
    }

    fn day_number(&self, i: usize) -> Option<usize> {
        if let Some(e) = self.number_with_suffix(i, &["st", "nd", "rd", "th"]) {
            let d: u32 = self
                .t(i)
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .ok()?;
            return (1..=31).contains(&d).then_some(e);
        }
        let s = self.t(i);
        if s.len() <= 2 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            let d: u32 = s.parse().ok()?;
            return (1..=31).contains(&d).then_some(i + 1);
        }
        None
    }

    fn year(&self, i: usize) -> Option<usize> {
        let s = self.t(i);
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            let y: u32 = s.parse().ok()?;
            return (1000..=2199).contains(&y).then_some(i + 1);
        }
        None
    }

    /// `, 2017` or ` 2017` after a day/month.
    fn opt_year(&self, j: usize) -> usize {
        if self.t(j) == "," {
            if let Some(e) = self.year(j + 1) {
                return e;
            }
        }
        self.year(j).unwrap_or(j)
    }

    /// A calendar date starting at `i` (without a weekday).
    fn calendar(&self, i: usize) -> Option<usize> {
        // Day Month [Year]
        if let Some(d) = self.day_number(i) {
            let m = if self.t(d).eq_ignore_ascii_case("of") {
                d + 1
            } else {
                d
            };
            if let Some(e) = self.month(m) {
                return Some(self.opt_year(e));
            }
        }
        // Month Day[, Year] | Month Year | Month
        if let Some(m) = self.month(i) {
            if let Some(d) = self.day_number(m) {
                if !(self.t(d) == ":" || self.t(d) == "." && self.glued(d - 1)) {
                    return Some(self.opt_year(d));
                }
            }
            if let Some(e) = self.year(m) {
                return Some(e);
            }
            let s = self.t(i);
            let full = is_in(MONTHS, s);
            let ambiguous = s.eq_ignore_ascii_case("may") || s.eq_ignore_ascii_case("march");
            if full && s.chars().skip(1).all(|c| c.is_lowercase()) {
                if !ambiguous {
                    return Some(m);
                }
                let prev = if i > 0 { self.t(i - 1) } else { "" };
                if is_in(
                    &[
                        "in", "since", "until", "by", "early", "late", "mid", "last", "next",
                        "this", "of", "during", "from", "through",
                    ],
                    prev,
                ) {
                    return Some(m);
                }
            }
        }
        // Numeric dates: 1996-08-22, 22/08/1996, 8/22/96.
        self.numeric_date(i)
    }

    fn numeric_date(&self, i: usize) -> Option<usize> {
        let s = self.t(i);
        // Every numeric date, glued or not, starts with a digit.
        if !s.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if is_numeric_date(s) {
            return Some(i + 1);
        }
        // Glued pieces: N sep N sep N.
        let mut acc = String::from(s);
        let mut k = i;
        for _ in 0..4 {
            if !self.glued(k) {
                break;
            }
            k += 1;
            acc.push_str(self.t(k));
        }
        if k > i {
            // Find the longest glued prefix that is a date.
            let mut acc2 = String::from(s);
            let mut best = None;
            for j in i + 1..=k {
                acc2.push_str(self.t(j));
                if is_numeric_date(&acc2) {
                    best = Some(j + 1);
                }
            }
            return best;
        }
        None
    }

    fn date(&self, i: usize) -> Option<usize> {
        let s = self.t(i);
        if is_in(DAY_WORDS, s) {
            return Some(i + 1);
        }
        let mut start_rel = i;
        if is_in(RELATIVE, s) && s.chars().next().is_some_and(char::is_lowercase)
            || is_in(RELATIVE, s) && i == 0
        {
            let n = self.t(i + 1);
            if is_in(PERIODS, n) && n.chars().all(char::is_lowercase) {
                return Some(i + 2);
            }
            start_rel = i + 1;
        }
        let w = self.t(start_rel);
        if is_in(WEEKDAYS, w) && self.capitalized(start_rel) {
            let mut j = start_rel + 1;
            let k = if self.t(j) == "," { j + 1 } else { j };
            if let Some(e) = self.calendar(k) {
                j = e;
            }
            return Some(j);
        }
        if start_rel != i {
            return None;
        }
        if let Some(e) = self.calendar(i) {
            return Some(e);
        }
        // A year after a cue word: `in 1996`, `since 2001`; decades: `1990s`.
        let prev = if i > 0 { self.t(i - 1) } else { "" };
        if let Some(e) = self.year(i) {
            if is_in(YEAR_CUES, prev) && !self.glued(i) {
                return Some(e);
            }
        }
        if s.len() == 5
            && s.ends_with('s')
            && s[..4].bytes().all(|b| b.is_ascii_digit())
            && s.starts_with(['1', '2'])
        {
            return Some(i + 1);
        }
        None
    }
}

fn is_numeric_text(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_digit()
        && b[b.len() - 1].is_ascii_digit()
        && b.iter()
            .all(|c| c.is_ascii_digit() || *c == b',' || *c == b'.')
}

fn is_clock(s: &str) -> bool {
    let Some((h, m)) = s.split_once(':') else {
        return false;
    };
    !h.is_empty()
        && h.len() <= 2
        && m.len() == 2
        && h.bytes().all(|b| b.is_ascii_digit())
        && m.bytes().all(|b| b.is_ascii_digit())
        && h.parse::<u32>().is_ok_and(|v| v < 24)
        && m.parse::<u32>().is_ok_and(|v| v < 60)
}

fn is_numeric_date(s: &str) -> bool {
    let sep = if s.contains('-') {
        '-'
    } else if s.contains('/') {
        '/'
    } else {
        return false;
    };
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if n.len() != 3 {
        return false;
    }
    if parts[0].len() == 4 {
        // ISO: YYYY-MM-DD
        parts[1].len() <= 2
            && parts[2].len() <= 2
            && (1..=12).contains(&n[1])
            && (1..=31).contains(&n[2])
    } else {
        // D/M/Y or M/D/Y
        parts[0].len() <= 2
            && parts[1].len() <= 2
            && (parts[2].len() == 2 || parts[2].len() == 4)
            && (1..=31).contains(&n[0])
            && (1..=31).contains(&n[1])
            && (n[0] <= 12 || n[1] <= 12)
    }
}

/// Finds rule entities in every segment.
pub(crate) fn find(text: &str, tokens: &[Token], segs: &[(usize, usize)]) -> Vec<Entity> {
    let mut out = Vec::new();
    for &(a, b) in segs {
        let cx = Cx {
            text,
            toks: &tokens[a..b],
        };
        let mut i = 0;
        while i < b - a {
            let t = &cx.toks[i];
            let first = t.text(text).as_bytes()[0];
            // Quick filter: only digits, currency symbols/prefixes, letters.
            let try_it = t.kind != TokenKind::Punct || first.is_ascii_digit();
            let found = if try_it {
                cx.money(i)
                    .map(|e| (e, Label::Money))
                    .or_else(|| cx.percent(i).map(|e| (e, Label::Percent)))
                    .or_else(|| cx.time(i).map(|e| (e, Label::Time)))
                    .or_else(|| cx.date(i).map(|e| (e, Label::Date)))
            } else {
                None
            };
            match found {
                Some((e, label)) if e > i && e <= cx.toks.len() => {
                    out.push(Entity {
                        start: cx.toks[i].start,
                        end: cx.toks[e - 1].end,
                        label,
                        score: RULE_SCORE,
                    });
                    i = e;
                }
                _ => i += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, Label)]) {
        let toks = copydesk_tokenize::tokenize(text);
        let segs = vec![(0, toks.len())];
        let got: Vec<(&str, Label)> = find(text, &toks, &segs)
            .iter()
            .map(|e| (&text[e.start..e.end], e.label))
            .collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn money() {
        check(
            "It costs $3.6 trillion.",
            &[("$3.6 trillion", Label::Money)],
        );
        check("a £50m deal", &[("£50m", Label::Money)]);
        check(
            "paid 10 million euros",
            &[("10 million euros", Label::Money)],
        );
        check("US$ 20 each", &[("US$ 20", Label::Money)]);
        check(
            "5 million Swiss francs",
            &[("5 million Swiss francs", Label::Money)],
        );
    }

    #[test]
    fn percent() {
        check("up 45 percent", &[("45 percent", Label::Percent)]);
        check(
            "rose 1.5% today",
            &[("1.5%", Label::Percent), ("today", Label::Date)],
        );
        check("fell 3 per cent", &[("3 per cent", Label::Percent)]);
    }

    #[test]
    fn time() {
        check("at 3 p.m. on", &[("3 p.m.", Label::Time)]);
        check("by 10:30 GMT", &[("10:30 GMT", Label::Time)]);
        check("at 1430 GMT", &[("1430 GMT", Label::Time)]);
    }

    #[test]
    fn dates() {
        check("on 1 September", &[("1 September", Label::Date)]);
        check("on Monday", &[("Monday", Label::Date)]);
        check("on Sept. 1, 2017", &[("Sept. 1, 2017", Label::Date)]);
        check("BRUSSELS 1996-08-22", &[("1996-08-22", Label::Date)]);
        check("in 1996 and", &[("1996", Label::Date)]);
        check("last week", &[("last week", Label::Date)]);
        check(
            "Monday, September 1",
            &[("Monday, September 1", Label::Date)],
        );
    }

    #[test]
    fn precise() {
        check("You may go in March.", &[("March", Label::Date)]);
        check("May I ask? 1996 people came, won 3 games.", &[]);
        check("the mark fell", &[]);
    }
}
