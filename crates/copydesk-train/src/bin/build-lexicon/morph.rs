//! Inflectional back-off: frequent corpus words that the prior lexicon lacks but whose
//! base form it rates ("invasions" ← "invasion", "congratulated" ← "congratulate",
//! "excessively" ← "excessive") inherit a damped copy of the base's valence. Only regular
//! English suffixes are undone (-s/-es/-ies, -ed/-ied with e-restoration and undoubled
//! consonants, -ing, -ly/-ily, -iest); no rated snippet is involved.

use copydesk_tone::Lexicon;

use crate::vectors::Corpus;

/// Fraction of the base valence an inflected form inherits.
pub const DAMPING: f64 = 0.8;

/// Candidate base forms of `w`, most specific first (each at least 4 letters).
fn bases(w: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if s.len() >= 4 && !out.contains(&s) {
            out.push(s);
        }
    };
    let strip = |suffix: &str| w.strip_suffix(suffix).map(str::to_owned);
    for (suffix, y) in [("ies", "y"), ("ied", "y"), ("ily", "y"), ("iest", "y")] {
        if let Some(stem) = strip(suffix) {
            add(format!("{stem}{y}"));
        }
    }
    for suffix in ["s", "es", "ed", "d", "ing", "ly"] {
        let Some(stem) = strip(suffix) else { continue };
        add(stem.clone());
        if matches!(suffix, "ed" | "ing") {
            add(format!("{stem}e"));
            let b = stem.as_bytes();
            let n = b.len();
            if n >= 2 && b[n - 1] == b[n - 2] && !b"aeiouls".contains(&b[n - 1]) {
                add(stem[..n - 1].to_owned());
            }
        }
    }
    out
}

/// Corpus vocabulary words (5+ letters, ASCII lower-case letters, mostly written in lower
/// case) outside `prior` whose base form has a valence in `base`, with `DAMPING` × that
/// valence (2 decimals), sorted.
pub fn derive(corpus: &Corpus, base: &Lexicon, prior: &Lexicon) -> Vec<(String, f32)> {
    let mut out = Vec::new();
    for (i, w) in corpus.words.iter().enumerate() {
        if w.len() < 5
            || !w.bytes().all(|b| b.is_ascii_lowercase())
            || corpus.lower[i] < 2 * corpus.capital[i]
            || prior.get(w).is_some()
            || copydesk_train::tone::LEXICALISED.contains(&w.as_str())
        {
            continue;
        }
        let found = bases(w).into_iter().find_map(|b| {
            base.get(&b)
                .filter(|v| *v != 0.0 && b.bytes().all(|c| c.is_ascii_lowercase()))
        });
        if let Some(v) = found {
            let v = (f64::from(v) * DAMPING * 100.0).round() / 100.0;
            out.push((w.clone(), v as f32));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[cfg(test)]
mod tests {
    use super::bases;

    #[test]
    fn regular_suffixes_are_undone() {
        assert!(bases("invasions").contains(&"invasion".to_owned()));
        assert!(bases("tyrannies").contains(&"tyranny".to_owned()));
        assert!(bases("congratulated").contains(&"congratulate".to_owned()));
        assert!(bases("slammed").contains(&"slam".to_owned()));
        assert!(bases("loveliest").contains(&"lovely".to_owned()));
        assert!(bases("excessively").contains(&"excessive".to_owned()));
        assert!(bases("cat").is_empty());
    }
}
