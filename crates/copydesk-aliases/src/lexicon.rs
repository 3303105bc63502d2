//! Name keys, and the word lists of `copydesk-quotes` that the alias grouper uses too
//! (titles with the gender they imply, given names).

pub(crate) use copydesk_quotes::lexicon::{given_name_gender, title};

/// The lookup key of a name: normalized (case folded, quotes unified), periods dropped,
/// whitespace collapsed.
pub(crate) fn name_key(name: &str) -> String {
    let norm = copydesk_tokenize::normalize(name);
    let mut out = String::with_capacity(norm.len());
    for word in norm.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|&c| c != '.'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys() {
        assert_eq!(name_key("U.S."), name_key("US"));
        assert_eq!(name_key("  United   States "), "united states");
    }
}
