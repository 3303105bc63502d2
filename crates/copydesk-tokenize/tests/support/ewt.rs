//! Token span evaluation against UD English-EWT (CoNLL-U), shared by the `ewt` test and
//! the `ewt_errors` example.
//!
//! Raw text: each document is rebuilt from its `# text =` lines; sentences of one
//! paragraph are joined by a space, paragraphs (`# newpar`) by a newline (`\n`). Each
//! document is tokenized in one call.
//!
//! Gold: the span of every syntactic word. The words of a multiword token (`don't` =
//! `do` + `n't`) get sub-spans of the token when their forms concatenate to its surface
//! form; otherwise the multiword token counts as one span. A span is correct when both
//! its start and end match exactly; precision, recall and F1 over spans.

#![allow(dead_code)]

use std::collections::HashSet;
use std::ops::Range;

/// One document: raw text and gold word spans (byte offsets).
pub struct Doc {
    /// `# newdoc id`.
    pub id: String,
    /// Rebuilt raw text.
    pub text: String,
    /// Gold spans, in order.
    pub gold: Vec<Range<usize>>,
}

/// Counts for P/R/F1.
#[derive(Default, Debug, Clone, Copy)]
pub struct Score {
    /// Correct predicted spans.
    pub tp: usize,
    /// Predicted spans.
    pub pred: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Score {
    /// Precision.
    pub fn precision(&self) -> f64 {
        self.tp as f64 / self.pred.max(1) as f64
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

struct Sent {
    text: String,
    newpar: bool,
    /// Surface tokens: (form, word forms if multiword).
    tokens: Vec<(String, Vec<String>)>,
}

/// Parses a CoNLL-U file into documents. Returns the documents and the number of
/// sentences whose tokens could not be aligned to their text (skipped).
pub fn load(conllu: &str) -> (Vec<Doc>, usize) {
    let mut docs: Vec<(String, Vec<Sent>)> = Vec::new();
    let mut cur: Option<Sent> = None;
    let mut pending_newpar = false;
    let mut mwt_end = 0usize;
    for line in conllu.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            docs.push((id.to_owned(), Vec::new()));
        } else if line.starts_with("# newpar") {
            pending_newpar = true;
        } else if let Some(t) = line.strip_prefix("# text = ") {
            cur = Some(Sent {
                text: t.to_owned(),
                newpar: pending_newpar,
                tokens: Vec::new(),
            });
            pending_newpar = false;
            mwt_end = 0;
        } else if line.is_empty() {
            if let Some(s) = cur.take() {
                if docs.is_empty() {
                    docs.push((String::new(), Vec::new()));
                }
                docs.last_mut().unwrap().1.push(s);
            }
        } else if !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            let (id, form) = (cols[0], cols[1]);
            let Some(s) = cur.as_mut() else { continue };
            if id.contains('.') {
                continue;
            }
            if let Some((a, b)) = id.split_once('-') {
                let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
                mwt_end = b;
                let _ = a;
                s.tokens.push((form.to_owned(), Vec::new()));
            } else {
                let n: usize = id.parse().unwrap();
                if n <= mwt_end {
                    s.tokens.last_mut().unwrap().1.push(form.to_owned());
                } else {
                    s.tokens.push((form.to_owned(), Vec::new()));
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut failed = 0;
    for (id, sents) in docs {
        let mut text = String::new();
        let mut gold = Vec::new();
        for (k, s) in sents.iter().enumerate() {
            if k > 0 {
                text.push(if s.newpar { '\n' } else { ' ' });
            }
            let base = text.len();
            text.push_str(&s.text);
            match align(&s.text, &s.tokens) {
                Some(spans) => gold.extend(spans.into_iter().map(|r| r.start + base..r.end + base)),
                None => failed += 1,
            }
        }
        out.push(Doc { id, text, gold });
    }
    (out, failed)
}

/// Finds each surface token in `text` in order (whitespace between and, rarely, inside
/// tokens is skipped) and expands multiword tokens into word spans.
fn align(text: &str, tokens: &[(String, Vec<String>)]) -> Option<Vec<Range<usize>>> {
    let mut spans = Vec::new();
    let mut pos = 0;
    for (form, words) in tokens {
        while let Some(c) = text[pos..].chars().next() {
            if !c.is_whitespace() {
                break;
            }
            pos += c.len_utf8();
        }
        let start = pos;
        for fc in form.chars().filter(|c| !c.is_whitespace()) {
            loop {
                let c = text[pos..].chars().next()?;
                if c == fc {
                    pos += c.len_utf8();
                    break;
                } else if c.is_whitespace() && pos > start {
                    pos += c.len_utf8();
                } else {
                    return None;
                }
            }
        }
        let surface = &text[start..pos];
        if !words.is_empty() && words.concat() == surface {
            let mut p = start;
            for w in words {
                spans.push(p..p + w.len());
                p += w.len();
            }
        } else {
            spans.push(start..pos);
        }
    }
    Some(spans)
}

/// Scores predicted spans against the gold spans of one document.
pub fn score(doc: &Doc, pred: &[Range<usize>]) -> Score {
    let gold: HashSet<(usize, usize)> = doc.gold.iter().map(|r| (r.start, r.end)).collect();
    let tp = pred
        .iter()
        .filter(|r| gold.contains(&(r.start, r.end)))
        .count();
    Score {
        tp,
        pred: pred.len(),
        gold: gold.len(),
    }
}

/// Sums scores.
pub fn add(a: Score, b: Score) -> Score {
    Score {
        tp: a.tp + b.tp,
        pred: a.pred + b.pred,
        gold: a.gold + b.gold,
    }
}
