//! User phrase rules (an EntityRuler): phrases matched on normalized tokens.

use std::collections::HashMap;

use copydesk_tokenize::{normalize, tokenize, Token};

use crate::{Entity, Label};

/// Phrase rules keyed by their first normalized token.
#[derive(Clone, Debug, Default)]
pub(crate) struct Phrases {
    by_first: HashMap<String, Vec<(Vec<String>, Label)>>,
    max_len: usize,
}

impl Phrases {
    pub(crate) fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Adds a phrase; a phrase added again replaces the earlier label.
    pub(crate) fn add(&mut self, phrase: &str, label: Label) {
        let toks: Vec<String> = tokenize(phrase)
            .iter()
            .map(|t| normalize(t.text(phrase)).into_owned())
            .collect();
        let Some(first) = toks.first().cloned() else {
            return;
        };
        self.max_len = self.max_len.max(toks.len());
        let list = self.by_first.entry(first).or_default();
        if let Some(e) = list.iter_mut().find(|(p, _)| *p == toks) {
            e.1 = label;
        } else {
            list.push((toks, label));
            // Longest first, so the first match found is the longest.
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
    }

    /// Left-to-right, longest-match, non-overlapping occurrences.
    pub(crate) fn find(&self, text: &str, tokens: &[Token]) -> Vec<Entity> {
        let norm: Vec<_> = tokens.iter().map(|t| normalize(t.text(text))).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut matched = 0;
            if let Some(cands) = self.by_first.get(norm[i].as_ref()) {
                for (p, label) in cands {
                    let end = i + p.len();
                    if end <= tokens.len()
                        && p.iter().zip(&norm[i..end]).all(|(a, b)| a == b.as_ref())
                    {
                        out.push(Entity {
                            start: tokens[i].start,
                            end: tokens[end - 1].end,
                            label: *label,
                            score: 1.0,
                        });
                        matched = p.len();
                        break;
                    }
                }
            }
            i += matched.max(1);
        }
        out
    }
}
