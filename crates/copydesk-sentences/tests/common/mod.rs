//! Shared helpers for the evaluation tests: reading `../shared` and scoring.

#![allow(dead_code, missing_docs)]

/// The contents of `rel` under `../shared/data`, or `None` when it is absent and the test
/// is skipped visibly (it fails instead under `CI=true`; see `copydesk_testkit::shared_file`).
pub fn read_shared(rel: &str) -> Option<String> {
    let path = copydesk_testkit::shared_file(rel)?;
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// A UD document: paragraphs of sentence texts (from `# text =` lines).
pub type Doc = Vec<Vec<String>>;

/// Reads the documents of a CoNLL-U file from its `# newdoc`, `# newpar` and `# text =`
/// comments.
pub fn read_conllu_docs(raw: &str) -> Vec<Doc> {
    let mut docs: Vec<Doc> = Vec::new();
    for line in raw.lines() {
        if line.starts_with("# newdoc") {
            docs.push(Vec::new());
        } else if line.starts_with("# newpar") {
            if let Some(d) = docs.last_mut() {
                d.push(Vec::new());
            }
        } else if let Some(t) = line.strip_prefix("# text = ") {
            if docs.is_empty() {
                docs.push(Vec::new());
            }
            let doc = docs.last_mut().expect("a document");
            if doc.is_empty() {
                doc.push(Vec::new());
            }
            doc.last_mut()
                .expect("a paragraph")
                .push(t.trim().to_owned());
        }
    }
    docs.retain(|d| d.iter().any(|p| !p.is_empty()));
    docs
}

/// Builds a document's raw text (sentences joined by a space, paragraphs by `par_sep`)
/// and the byte offsets of its gold sentence ends, the document end excluded.
pub fn build_doc(doc: &Doc, par_sep: &str) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut ends = Vec::new();
    for par in doc.iter().filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push_str(par_sep);
        }
        for (i, s) in par.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(s);
            ends.push(text.len());
        }
    }
    ends.pop();
    (text, ends)
}

/// Precision/recall counts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

/// Scores the sentence ends found by `split` on every document against the gold ends.
/// With `show` set, prints up to that many errors with context.
pub fn score_docs(
    docs: &[Doc],
    par_sep: &str,
    split: impl Fn(&str) -> Vec<usize>,
    show: usize,
) -> Counts {
    let mut c = Counts::default();
    let mut shown = 0;
    for doc in docs {
        let (text, gold) = build_doc(doc, par_sep);
        let mut pred = split(&text);
        pred.retain(|&e| e < text.trim_end().len());
        let ctx = |e: usize, tag: &str| {
            let a = (e.saturating_sub(50)..=e)
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let b = (e..(e + 40).min(text.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(e);
            let b = b.max(e);
            println!("{tag} {:?} | {:?}", &text[a..e], &text[e..b]);
        };
        for &e in &pred {
            if gold.binary_search(&e).is_ok() {
                c.tp += 1;
            } else {
                c.fp += 1;
                if shown < show {
                    ctx(e, "FP");
                    shown += 1;
                }
            }
        }
        for &e in &gold {
            if pred.binary_search(&e).is_err() {
                c.fn_ += 1;
                if shown < show {
                    ctx(e, "FN");
                    shown += 1;
                }
            }
        }
    }
    c
}
