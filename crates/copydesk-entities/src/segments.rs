//! Turning sentences into token segments for decoding.

use std::sync::LazyLock;

use copydesk_sentences::SentenceSplitter;
use copydesk_tokenize::Token;

use crate::Sentence;

/// Token index ranges `(start, end)` to decode independently: one per sentence, further cut
/// at line breaks (headlines, datelines and list items are separate lines in news copy).
/// Tokens outside every sentence form segments of their own. Sorted, disjoint, covering.
pub fn segments(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<(usize, usize)> {
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

/// Most tokens in one decoded segment: a longer sentence (a run of text without sentence
/// ends, e.g. scraped text without punctuation or whitespace) is decoded in pieces of this
/// size, so that decoding memory stays bounded. Real sentences are far shorter.
pub(crate) const MAX_SEGMENT_TOKENS: usize = 1024;

/// Most tokens tagged together as one document (whole segments; one segment may reach
/// [`MAX_SEGMENT_TOKENS`]). A longer text is tagged block by block, so that the feature
/// vectors of only one block are alive at a time and stay in cache: memory is bounded and
/// time linear in the text size. Document-level features (a name seen elsewhere in the
/// document) then reach across one block, some 40 KB of text, longer than a news article.
pub(crate) const BLOCK_TOKENS: usize = 8192;

/// `segs` with every segment longer than `max` tokens cut into pieces of `max` tokens (the
/// last piece shorter).
pub(crate) fn bounded(segs: Vec<(usize, usize)>, max: usize) -> Vec<(usize, usize)> {
    if segs.iter().all(|&(a, b)| b - a <= max) {
        return segs;
    }
    let mut out = Vec::with_capacity(segs.len());
    for (a, b) in segs {
        let mut s = a;
        while b - s > max {
            out.push((s, s + max));
            s += max;
        }
        out.push((s, b));
    }
    out
}

/// Groups consecutive segments into blocks of at most `max` tokens (a single longer
/// segment is a block of its own): index ranges into `segs`, in order, covering all.
pub(crate) fn blocks(segs: &[(usize, usize)], max: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, &(_, b)) in segs.iter().enumerate() {
        if i > first && b - segs[first].0 > max {
            out.push(first..i);
            first = i;
        }
    }
    if first < segs.len() {
        out.push(first..segs.len());
    }
    out
}

/// The default sentence split used by [`EntityTagger::tag_text`](crate::EntityTagger::tag_text).
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    static SPLITTER: LazyLock<SentenceSplitter> = LazyLock::new(SentenceSplitter::new);
    SPLITTER.split(text, tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_segments_are_cut_and_blocks_cover_every_segment_in_order() {
        let segs = bounded(vec![(0, 3), (3, 2503), (2503, 2600)], 1000);
        assert_eq!(
            segs,
            [(0, 3), (3, 1003), (1003, 2003), (2003, 2503), (2503, 2600)]
        );
        let blocks = blocks(&segs, 1500);
        assert_eq!(blocks, [0..2, 2..4, 4..5]);
        for b in &blocks {
            let tokens = segs[b.end - 1].1 - segs[b.start].0;
            assert!(tokens <= 1500 || b.len() == 1);
        }
    }

    #[test]
    fn short_documents_are_one_block() {
        let segs = vec![(0, 10), (10, 25), (25, 40)];
        assert_eq!(bounded(segs.clone(), 1024), segs);
        assert_eq!(
            blocks(&segs, 8192),
            vec![std::ops::Range { start: 0, end: 3 }]
        );
    }
}
