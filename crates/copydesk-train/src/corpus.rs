//! The one reader of every data format the training tools and their tests use:
//!
//! - the labelled NER corpora ([`read`], [`read_conll`]): CoNLL-2003, the Broad Twitter
//!   Corpus, CrossNER (politics) and Universal NER (English-EWT). Every document is rebuilt
//!   as raw text (tokens joined by spaces, sentences by newlines) with gold byte spans
//!   mapped to the four model labels, so that training and evaluation run the tagger on
//!   text exactly as a user would;
//! - the rated tone snippets of `../shared/data/tone` ([`read_rated`]);
//! - the unlabelled JSONL news corpus ([`news_texts`]), for the word clusterings and the
//!   tone lexicon's word vectors.

use copydesk_entities::Label;

/// The annotation scheme of a corpus file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// CoNLL-2003: space-separated columns, tag last, `-DOCSTART-` between documents.
    Conll2003,
    /// Broad Twitter Corpus: `token<TAB>tag`, one tweet per blank-line block, no MISC.
    Btc,
    /// CrossNER: `token<TAB>fine-tag`, one sentence per block, fine types mapped to the
    /// four labels (election/event/misc are MISC).
    CrossNer,
    /// Universal NER (IOB2 CoNLL-U-like columns: index, token, tag), `# newdoc` between
    /// documents, no MISC.
    Uner,
}

impl Format {
    /// Whether the scheme annotates MISC names (nationalities, events...). Where it does
    /// not, a MISC prediction is neither right nor wrong, and an untagged token may be MISC.
    pub fn has_misc(self) -> bool {
        matches!(self, Format::Conll2003 | Format::CrossNer)
    }

    /// The domain number of documents in this format (0 = CoNLL-2003 news).
    pub fn domain(self) -> u8 {
        match self {
            Format::Conll2003 => 0,
            Format::Btc => 1,
            Format::CrossNer => 2,
            Format::Uner => 3,
        }
    }

    /// The format of a file, guessed from its name (`btc`, `crossner`, `uner`, else CoNLL).
    pub fn from_path(path: &str) -> Format {
        let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
        if name.contains("btc") {
            Format::Btc
        } else if name.contains("crossner") {
            Format::CrossNer
        } else if name.contains("uner") {
            Format::Uner
        } else {
            Format::Conll2003
        }
    }

    /// The model label of a tag's type (`PER`, `politician`, ...), if it is a name.
    fn label(self, ty: &str) -> Option<Label> {
        match self {
            Format::CrossNer => match ty {
                "person" | "politician" | "PER" => Some(Label::Per),
                "organisation" | "politicalparty" | "ORG" => Some(Label::Org),
                "country" | "location" | "LOC" => Some(Label::Loc),
                "election" | "event" | "misc" | "MISC" => Some(Label::Misc),
                _ => None,
            },
            _ => ty.parse().ok().filter(|l: &Label| l.is_model_label()),
        }
    }
}

/// One document rebuilt as raw text with gold byte spans.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Tokens joined by spaces, sentences by newlines.
    pub text: String,
    /// Gold entities `(start, end, label)` as byte offsets.
    pub gold: Vec<(usize, usize, Label)>,
    /// Whether the corpus annotates MISC (see [`Format::has_misc`]).
    pub has_misc: bool,
    /// The training corpus it comes from: 0 for CoNLL-2003 (news, the main corpus), else
    /// a small number per other corpus (see [`Format::domain`]).
    pub domain: u8,
}

/// A token and its tag: `(word, Some((begins, label)))` inside a name.
type Tagged = (String, Option<(bool, Label)>);

/// Parses a corpus file of the given format into documents.
pub fn read(raw: &str, format: Format) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut sents: Vec<Vec<Tagged>> = Vec::new();
    let mut cur: Vec<Tagged> = Vec::new();
    let sentence_is_doc = matches!(format, Format::Btc | Format::CrossNer);
    let flush = |sents: &mut Vec<Vec<Tagged>>, docs: &mut Vec<Doc>| {
        if !sents.is_empty() {
            docs.push(build(sents, format));
            sents.clear();
        }
    };
    for line in raw.lines() {
        let line = line.trim_end_matches(['\r', '\n']);
        let doc_break = line.starts_with("-DOCSTART-") || line.starts_with("# newdoc");
        if line.trim().is_empty() || doc_break || line.starts_with('#') && format == Format::Uner {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            if doc_break || sentence_is_doc && line.trim().is_empty() {
                flush(&mut sents, &mut docs);
            }
            continue;
        }
        let cols: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(' ').collect()
        };
        let (word, tag) = match format {
            Format::Uner => (cols.get(1).copied(), cols.get(2).copied()),
            _ => (cols.first().copied(), cols.last().copied()),
        };
        let (Some(word), Some(tag)) = (word, tag) else {
            continue;
        };
        if word.is_empty() {
            continue;
        }
        let (prefix, ty) = tag.split_once('-').unwrap_or((tag, ""));
        let t = format
            .label(ty)
            .filter(|_| matches!(prefix, "B" | "I"))
            .map(|l| (prefix == "B", l));
        // BTC splits "@user" and "#tag" into two tokens, both tagged: glue them back, as
        // the tweet had them.
        if format == Format::Btc {
            if let Some((prev, pt)) = cur.last_mut() {
                if prev == "@" || prev == "#" {
                    prev.push_str(word);
                    *pt = pt.or(t).map(|(_, l)| (true, l));
                    continue;
                }
            }
        }
        cur.push((word.to_owned(), t));
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    flush(&mut sents, &mut docs);
    docs
}

/// Rebuilds one document's text and gold spans from its tagged sentences (IOB1 or IOB2: an
/// `I` continuing a name of the same label extends it, anything else opens a new one).
fn build(sents: &[Vec<Tagged>], format: Format) -> Doc {
    let mut text = String::new();
    let mut gold = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        if si > 0 {
            text.push('\n');
        }
        let mut open: Option<(usize, usize, Label)> = None;
        for (wi, (w, t)) in s.iter().enumerate() {
            if wi > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(w);
            let end = text.len();
            match *t {
                Some((false, l)) if matches!(open, Some((_, _, ol)) if ol == l) => {
                    if let Some(o) = open.as_mut() {
                        o.1 = end;
                    }
                }
                Some((_, l)) => {
                    gold.extend(open.take());
                    open = Some((start, end, l));
                }
                None => gold.extend(open.take()),
            }
        }
        gold.extend(open.take());
    }
    Doc {
        text,
        gold,
        has_misc: format.has_misc(),
        domain: format.domain(),
    }
}

/// Parses a CoNLL-2003 file (IOB2 or IOB1 in the last column) into documents.
pub fn read_conll(raw: &str) -> Vec<Doc> {
    read(raw, Format::Conll2003)
}

/// A text with its mean human rating (-4..+4), as in the `tone/*.tsv` files.
#[derive(Clone, Debug, PartialEq)]
pub struct Rated {
    /// Source id (`12_3`, ...).
    pub id: String,
    /// Mean rating on -4..+4.
    pub rating: f64,
    /// The text.
    pub text: String,
}

/// Parses `id<TAB>rating<TAB>text` lines; malformed lines are skipped.
pub fn read_rated(tsv: &str) -> Vec<Rated> {
    tsv.lines()
        .filter_map(|l| {
            let mut it = l.splitn(3, '\t');
            let id = it.next()?;
            let rating: f64 = it.next()?.trim().parse().ok()?;
            let text = it.next()?;
            rating.is_finite().then(|| Rated {
                id: id.to_owned(),
                rating,
                text: text.to_owned(),
            })
        })
        .collect()
}

/// The article texts of a JSONL news corpus (one JSON object a line, field `text`), in
/// order; lines that are not JSON objects with a string `text` are skipped.
pub fn news_texts(jsonl: &str) -> impl Iterator<Item = String> + '_ {
    jsonl.lines().filter_map(|line| {
        let v = serde_json::from_str::<serde_json::Value>(line).ok()?;
        Some(v.get("text")?.as_str()?.to_owned())
    })
}

/// Words headline style leaves in lower case (articles, conjunctions, short prepositions).
const HEADLINE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "at", "by", "in", "of", "on",
    "to", "up", "as", "vs",
];

/// `doc` with every line written as a title-case headline: each word whose first letter
/// is an ASCII lower-case letter gets a capital, except short function words after a
/// line's first word. Only ASCII letters change, so the gold offsets stay valid.
pub fn headline_case(mut doc: Doc) -> Doc {
    let mut out = String::with_capacity(doc.text.len());
    for (n, line) in doc.text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        for (k, word) in line.split(' ').enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let mut cs = word.chars();
            match cs.next() {
                Some(c)
                    if c.is_ascii_lowercase() && (k == 0 || !HEADLINE_SMALL.contains(&word)) =>
                {
                    out.push(c.to_ascii_uppercase());
                    out.push_str(cs.as_str());
                }
                _ => out.push_str(word),
            }
        }
    }
    doc.text = out;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_documents_and_spans() {
        let raw = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\
                   German JJ B-NP B-MISC\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n";
        let docs = read(raw, Format::Conll2003);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "EU rejects German\nPeter Blackburn");
        let spans: Vec<_> = d.gold.iter().map(|&(s, e, l)| (&d.text[s..e], l)).collect();
        assert_eq!(
            spans,
            [
                ("EU", Label::Org),
                ("German", Label::Misc),
                ("Peter Blackburn", Label::Per)
            ]
        );
        assert!(d.has_misc);
    }

    #[test]
    fn crossner_fine_types_map_to_model_labels() {
        let raw = "The\tO\n2001\tB-election\nItalian\tI-election\nelection\tI-election\n\
                   Greens\tB-politicalparty\n\nRome\tB-location\n";
        let docs = read(raw, Format::CrossNer);
        assert_eq!(docs.len(), 2, "one sentence per document");
        let spans: Vec<_> = docs[0]
            .gold
            .iter()
            .map(|&(s, e, l)| (&docs[0].text[s..e], l))
            .collect();
        assert_eq!(
            spans,
            [
                ("2001 Italian election", Label::Misc),
                ("Greens", Label::Org)
            ]
        );
        assert_eq!(docs[1].gold, [(0, 4, Label::Loc)]);
    }

    #[test]
    fn btc_glues_mentions_back_together() {
        let raw = "RT\tO\n@\tB-PER\nNikoWavy\tB-PER\nand\tO\nAnn\tB-PER\n\n";
        let docs = read(raw, Format::Btc);
        assert_eq!(docs[0].text, "RT @NikoWavy and Ann");
        assert_eq!(docs[0].gold, [(3, 12, Label::Per), (17, 20, Label::Per)]);
    }

    #[test]
    fn uner_reads_the_token_and_tag_columns() {
        let raw = "# newdoc id = a\n# text = I met Ann Lee\n1\tI\tO\t-\t-\n2\tmet\tO\t-\t-\n\
                   3\tAnn\tB-PER\t-\t-\n4\tLee\tI-PER\t-\t-\n\n# newdoc id = b\n1\tParis\tB-LOC\t-\t-\n";
        let docs = read(raw, Format::Uner);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "I met Ann Lee");
        assert_eq!(docs[0].gold, [(6, 13, Label::Per)]);
        assert!(!docs[1].has_misc);
        assert_eq!(Format::from_path("x/uner-ewt-dev.iob2"), Format::Uner);
    }

    #[test]
    fn headline_case_keeps_offsets() {
        let doc = Doc {
            text: "the talks in Manila ended\nöl prices rose by 2 % .".into(),
            gold: vec![(13, 19, Label::Loc)],
            has_misc: true,
            domain: 0,
        };
        let h = headline_case(doc);
        assert_eq!(h.text, "The Talks in Manila Ended\nöl Prices Rose by 2 % .");
        assert_eq!(&h.text[13..19], "Manila");
    }
}
