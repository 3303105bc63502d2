//! Scoring the quote extractor against the hand-checked development set in
//! `tests/data/quotes-dev/` (see its `GUIDELINE.md`). Shared by the `quote_eval` example
//! and the `quotes_dev` regression test through `#[path]`.
//!
//! The set holds article ids, an FNV-1a 64 hash of each article's UTF-8 text (a changed
//! corpus is detected) and byte offsets into that text: never the text itself.

#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;

/// The development set with the articles' texts read from the corpus.
pub struct Dev {
    /// `(id, text)` in the set's order.
    pub articles: Vec<(String, String)>,
    /// Gold quotes per article id.
    pub gold: HashMap<String, Vec<Gold>>,
}

/// One hand-annotated quote.
#[derive(Clone, Debug)]
pub struct Gold {
    /// Byte offset of the first quoted character.
    pub start: usize,
    /// Byte offset one past the last quoted character.
    pub end: usize,
    /// `direct`, `partial` or `scare`.
    pub kind: String,
    /// Accepted names of the speaker (`|`-separated in the file); empty: none.
    pub speakers: Vec<String>,
}

const DEV_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/quotes-dev");

/// FNV-1a 64 of `bytes`, as 16 hex digits.
pub fn fnv1a(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Reads the set and the texts of its articles from `corpus` (news.jsonl).
pub fn load_dev(corpus: &str) -> Result<Dev, String> {
    let ids = std::fs::read_to_string(format!("{DEV_DIR}/articles.tsv"))
        .map_err(|e| format!("articles.tsv: {e}"))?;
    let mut want: Vec<(String, String)> = Vec::new();
    for line in ids.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (id, hash) = line.split_once('\t').ok_or("articles.tsv: bad line")?;
        want.push((id.to_owned(), hash.to_owned()));
    }
    let raw = std::fs::read_to_string(corpus).map_err(|e| format!("{corpus}: {e}"))?;
    let mut texts: HashMap<String, String> = HashMap::new();
    let wanted: HashMap<&str, &str> = want.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    for line in raw.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) else {
            continue;
        };
        if let Some(h) = wanted.get(id) {
            let got = fnv1a(text.as_bytes());
            if got != *h {
                return Err(format!("{id}: text hash {got}, the set expects {h}"));
            }
            texts.insert(id.to_owned(), text.to_owned());
        }
    }
    let mut articles = Vec::new();
    for (id, _) in &want {
        let text = texts
            .remove(id)
            .ok_or_else(|| format!("{id}: not in {corpus}"))?;
        articles.push((id.clone(), text));
    }
    let gold_tsv = std::fs::read_to_string(format!("{DEV_DIR}/quotes.tsv"))
        .map_err(|e| format!("quotes.tsv: {e}"))?;
    let mut gold: HashMap<String, Vec<Gold>> = HashMap::new();
    for line in gold_tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            return Err(format!("quotes.tsv: bad line {line:?}"));
        }
        let g = Gold {
            start: f[1].parse().map_err(|_| format!("bad start {line:?}"))?,
            end: f[2].parse().map_err(|_| format!("bad end {line:?}"))?,
            kind: f[3].to_owned(),
            speakers: f[4]
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        };
        gold.entry(f[0].to_owned()).or_default().push(g);
    }
    Ok(Dev { articles, gold })
}

/// A span's text without surrounding whitespace and end punctuation: the matching key.
fn core(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || ",.;:!?…".contains(c));
    (start + lead, start + t.len().max(lead))
}

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "prof",
    "professor",
    "the",
    "a",
    "an",
];

/// Lowercased words of a name, without titles, determiners and punctuation.
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'')
                .collect::<String>()
                .to_lowercase()
        })
        .map(|w| w.strip_suffix("'s").map(str::to_owned).unwrap_or(w))
        .filter(|w| !w.is_empty() && !TITLES.contains(&w.as_str()))
        .collect()
}

/// Whether a predicted speaker name fits one of the accepted names: equal words, or one
/// a suffix of the other (`Blair` / `Tony Blair`), or the prediction starting with the
/// accepted words (`spokesman for the ministry` / `spokesman`).
pub fn speaker_matches(pred: Option<&str>, gold: &[String]) -> bool {
    let Some(p) = pred else {
        return gold.is_empty();
    };
    let p = name_words(p);
    if p.is_empty() {
        return gold.is_empty();
    }
    gold.iter().any(|g| {
        let g = name_words(g);
        !g.is_empty() && (p.ends_with(&g) || g.ends_with(&p) || p.starts_with(&g))
    })
}

/// Counts and errors of one evaluation.
#[derive(Default)]
pub struct Report {
    /// Gold quotes, all kinds.
    pub gold: usize,
    /// Predicted quotes, all kinds.
    pub pred: usize,
    /// Gold quotes with an exactly matching predicted span.
    pub matched: usize,
    /// Gold speech quotes (`direct` + `partial`).
    pub gold_speech: usize,
    /// Predicted quotes that are speech.
    pub pred_speech: usize,
    /// Gold speech quotes matched by a predicted speech quote.
    pub matched_speech: usize,
    /// Matched quotes whose kind agrees.
    pub kind_ok: usize,
    /// Matched speech quotes (gold) whose speaker is right.
    pub speaker_ok: usize,
    /// Matched gold speech quotes (denominator of the speaker accuracy).
    pub speaker_n: usize,
    /// One line per disagreement.
    pub errors: Vec<String>,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Report {
    /// Span precision, recall, F1 over all kinds.
    pub fn span(&self) -> (f64, f64, f64) {
        let (p, r) = (
            ratio(self.matched, self.pred),
            ratio(self.matched, self.gold),
        );
        (p, r, f1(p, r))
    }

    /// Span precision, recall, F1 of speech quotes (direct + partial).
    pub fn speech(&self) -> (f64, f64, f64) {
        let (p, r) = (
            ratio(self.matched_speech, self.pred_speech),
            ratio(self.matched_speech, self.gold_speech),
        );
        (p, r, f1(p, r))
    }

    /// Share of matched gold speech quotes with the right speaker.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.speaker_n)
    }

    /// Share of matched quotes whose kind agrees.
    pub fn kind_accuracy(&self) -> f64 {
        ratio(self.kind_ok, self.matched)
    }

    /// The figures, one per line.
    pub fn summary(&self) -> String {
        let (p, r, f) = self.span();
        let (sp, sr, sf) = self.speech();
        let mut s = String::new();
        let _ = writeln!(
            s,
            "quotes (all kinds): gold {} pred {} matched {}  P {p:.3} R {r:.3} F1 {f:.3}",
            self.gold, self.pred, self.matched
        );
        let _ = writeln!(
            s,
            "speech quotes:      gold {} pred {} matched {}  P {sp:.3} R {sr:.3} F1 {sf:.3}",
            self.gold_speech, self.pred_speech, self.matched_speech
        );
        let _ = writeln!(
            s,
            "kind accuracy:      {:.3} ({}/{})",
            self.kind_accuracy(),
            self.kind_ok,
            self.matched
        );
        let _ = write!(
            s,
            "speaker accuracy:   {:.3} ({}/{} matched speech quotes)",
            self.speaker_accuracy(),
            self.speaker_ok,
            self.speaker_n
        );
        s
    }
}

fn is_speech(kind: &str) -> bool {
    kind == "direct" || kind == "partial"
}

/// Runs `nlp` on every article of the set and scores its quotes.
pub fn evaluate(dev: &Dev, nlp: &copydesk::Pipeline) -> Report {
    let mut r = Report::default();
    let empty = Vec::new();
    for (id, text) in &dev.articles {
        let doc = nlp.analyze(text);
        let gold = dev.gold.get(id).unwrap_or(&empty);
        let mut pred: HashMap<(usize, usize), (&str, Option<&str>, usize)> = HashMap::new();
        for (i, q) in doc.quotes.iter().enumerate() {
            let kind = q.kind.as_str();
            pred.insert(
                core(text, q.start, q.end),
                (kind, q.speaker_name.as_deref(), i),
            );
            r.pred += 1;
            r.pred_speech += usize::from(is_speech(kind));
        }
        let mut used = vec![false; doc.quotes.len()];
        for g in gold {
            r.gold += 1;
            let speech = is_speech(&g.kind);
            r.gold_speech += usize::from(speech);
            let snippet = |a: usize, b: usize| snippet_of(text, a, b);
            let Some(&(kind, speaker, i)) = pred.get(&core(text, g.start, g.end)) else {
                r.errors.push(format!(
                    "MISS  {id} {}..{} [{}] {:?} — {}",
                    g.start,
                    g.end,
                    g.kind,
                    snippet(g.start, g.end),
                    g.speakers.join("|")
                ));
                continue;
            };
            used[i] = true;
            r.matched += 1;
            if kind == g.kind {
                r.kind_ok += 1;
            } else {
                r.errors.push(format!(
                    "KIND  {id} {}..{} gold {} pred {kind} {:?}",
                    g.start,
                    g.end,
                    g.kind,
                    snippet(g.start, g.end)
                ));
            }
            if speech && is_speech(kind) {
                r.matched_speech += 1;
            }
            if speech {
                r.speaker_n += 1;
                if speaker_matches(speaker, &g.speakers) {
                    r.speaker_ok += 1;
                } else {
                    r.errors.push(format!(
                        "SPKR  {id} {}..{} gold {:?} pred {:?} {:?}",
                        g.start,
                        g.end,
                        g.speakers.join("|"),
                        speaker.unwrap_or(""),
                        snippet(g.start, g.end)
                    ));
                }
            }
        }
        for (i, q) in doc.quotes.iter().enumerate() {
            if !used[i] {
                r.errors.push(format!(
                    "EXTRA {id} {}..{} [{}] {:?} — {}",
                    q.start,
                    q.end,
                    q.kind.as_str(),
                    snippet_of(text, q.start, q.end),
                    q.speaker_name.as_deref().unwrap_or("")
                ));
            }
        }
    }
    r
}

fn snippet_of(text: &str, a: usize, b: usize) -> String {
    let s = &text[a..b];
    let mut cut = s.len().min(60);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s[..cut].replace('\n', "⏎")
}

/// Reads a file from `../shared`; `None` (with a visible note) when it is missing, but a
/// panic under `CI=true`, where the data must be there.
pub fn read_shared(path: &str) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(s) => Some(s),
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("{path}: {e} (CI=true: the shared data must be present)")
        }
        Err(e) => {
            eprintln!("SKIPPED: {path}: {e}");
            None
        }
    }
}

/// The news corpus in `../shared`.
pub const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/corpus/news.jsonl"
);
