//! Turning sentences into token segments for decoding.

use std::sync::LazyLock;

use copydesk_sentences::SentenceSplitter;
use copydesk_tokenize::Token;

use crate::Sentence;

/// Token index ranges `(start, end)` to decode independently: one per sentence, further cut
/// at line breaks (headlines, datelines and list items are separate lines in news copy).
/// Tokens outside every sentence form segments of their own. Sorted, disjoint, covering.
pub(crate) fn segments(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut seg_start = 0usize;
    let mut s = 0usize;
    let mut cur_sent: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        while s < sentences.len() && sentences[s].end <= t.start {
            s += 1;
        }
        let sent = (s < sentences.len() && sentences[s].start <= t.start).then_some(s);
        if i > 0 {
            let gap = text.get(tokens[i - 1].end..t.start).unwrap_or("");
            if sent != cur_sent || gap.contains('\n') {
                out.push((seg_start, i));
                seg_start = i;
            }
        }
        cur_sent = sent;
    }
    if seg_start < tokens.len() {
        out.push((seg_start, tokens.len()));
    }
    out
}

/// The default sentence split used by [`EntityTagger::tag_text`](crate::EntityTagger::tag_text).
pub(crate) fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    static SPLITTER: LazyLock<SentenceSplitter> = LazyLock::new(SentenceSplitter::new);
    SPLITTER.split(text, tokens)
}
