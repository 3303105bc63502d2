//! The BILOU tag set over the four model labels, and its transition constraints.

/// Number of tags: `O` plus B/I/L/U for each of the 4 model labels.
pub const NTAGS: usize = 17;

/// Tag position within an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Begin: the first token of a name of two or more tokens.
    B,
    /// Inside: a middle token.
    I,
    /// Last: the last token.
    L,
    /// Unit: a name of one token.
    U,
}

/// The tag index for `O`.
pub const O: usize = 0;

/// Tag index for (`part`, model label index `label`).
pub(crate) fn tag(part: Part, label: usize) -> usize {
    1 + label * 4
        + match part {
            Part::B => 0,
            Part::I => 1,
            Part::L => 2,
            Part::U => 3,
        }
}

/// Splits a tag into its part and label; `None` for `O`.
pub fn split(t: usize) -> Option<(Part, usize)> {
    if t == O || t >= NTAGS {
        return None;
    }
    let l = (t - 1) / 4;
    let p = match (t - 1) % 4 {
        0 => Part::B,
        1 => Part::I,
        2 => Part::L,
        _ => Part::U,
    };
    Some((p, l))
}

/// Whether a tag may start a segment (no open entity before it).
pub(crate) fn can_start(t: usize) -> bool {
    matches!(split(t), None | Some((Part::B | Part::U, _)))
}

/// Whether a tag may end a segment (it closes any entity it is in).
pub(crate) fn can_end(t: usize) -> bool {
    matches!(split(t), None | Some((Part::L | Part::U, _)))
}

/// Whether `cur` may follow `prev`.
pub(crate) fn allowed(prev: usize, cur: usize) -> bool {
    match split(prev) {
        Some((Part::B | Part::I, l)) => {
            matches!(split(cur), Some((Part::I | Part::L, m)) if m == l)
        }
        _ => can_start(cur),
    }
}

/// Turns a tag sequence into `(start, end_exclusive, label)` token spans. Ill-formed
/// sequences (which constrained decoding never produces) are repaired leniently.
pub(crate) fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            None => {
                if let Some((s, l)) = open.take() {
                    out.push((s, i, l));
                }
            }
            Some((p, l)) => {
                let continues =
                    matches!(open, Some((_, ol)) if ol == l) && matches!(p, Part::I | Part::L);
                if !continues {
                    if let Some((s, ol)) = open.take() {
                        out.push((s, i, ol));
                    }
                    open = Some((i, l));
                }
                if matches!(p, Part::L | Part::U) {
                    if let Some((s, ol)) = open.take() {
                        out.push((s, i + 1, ol));
                    }
                }
            }
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

/// Encodes token spans `(start, end_exclusive, label)` as BILOU tags over `n` tokens.
pub fn encode(n: usize, spans: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut tags = vec![O; n];
    for &(s, e, l) in spans {
        if e <= s || e > n {
            continue;
        }
        if e - s == 1 {
            tags[s] = tag(Part::U, l);
        } else {
            tags[s] = tag(Part::B, l);
            for t in &mut tags[s + 1..e - 1] {
                *t = tag(Part::I, l);
            }
            tags[e - 1] = tag(Part::L, l);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode() {
        let spans_in = vec![(0, 2, 0), (2, 3, 2), (5, 8, 3)];
        let tags = encode(9, &spans_in);
        assert_eq!(spans(&tags), spans_in);
        for w in tags.windows(2) {
            assert!(allowed(w[0], w[1]));
        }
        assert!(can_start(tags[0]) && can_end(tags[8]));
    }

    #[test]
    fn constraints() {
        assert!(allowed(tag(Part::B, 1), tag(Part::L, 1)));
        assert!(!allowed(tag(Part::B, 1), tag(Part::L, 2)));
        assert!(!allowed(O, tag(Part::I, 0)));
        assert!(allowed(tag(Part::U, 0), tag(Part::B, 0)));
    }
}
