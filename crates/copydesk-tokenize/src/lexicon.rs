//! Small closed word lists used by the scanner: hyphen prefixes, contractions written
//! without an apostrophe, web top-level domains. General English knowledge, checked
//! against the UD English-EWT train split (see `data/README.md`).

/// Prefixes that stay attached through a hyphen (`e-mail`, `non-violence`, `mid-1980s`),
/// as EWT tokenizes them; other hyphenated compounds are split (`15` `-` `year`).
/// `seg` is the segment before the hyphen; compared case-insensitively.
pub(crate) fn is_hyphen_prefix(seg: &[u8]) -> bool {
    if seg.is_empty() || seg.len() > 7 {
        return false;
    }
    let mut buf = [0u8; 7];
    for (d, s) in buf.iter_mut().zip(seg) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..seg.len()],
        b"e" | b"non"
            | b"pre"
            | b"post"
            | b"anti"
            | b"mid"
            | b"re"
            | b"co"
            | b"pro"
            | b"multi"
            | b"ex"
            | b"sub"
            | b"semi"
            | b"cross"
            | b"neo"
            | b"psycho"
            | b"socio"
            | b"arch"
            | b"counter"
            | b"intra"
            | b"inter"
            | b"micro"
            | b"macro"
            | b"un"
            | b"over"
            | b"under"
            | b"ultra"
            | b"mega"
            | b"mini"
            | b"bi"
            | b"tri"
            | b"extra"
            | b"hyper"
            | b"pseudo"
            | b"quasi"
            | b"trans"
    )
}

/// The last two letters of [`fused_contraction`]'s words, as bits `(a & 0x7f) << 7 | (b &
/// 0x7f)` of a 16 Ki-bit set.
static FUSED_ENDINGS: [u64; 256] = {
    let endings: [&[u8; 2]; 9] = [
        b"nt", b"na", b"ta", b"ve", b"re", b"ts", b"ot", b"im", b"es",
    ];
    let mut bits = [0u64; 256];
    let mut k = 0;
    while k < endings.len() {
        let bit = (endings[k][0] as usize) << 7 | endings[k][1] as usize;
        bits[bit >> 6] |= 1 << (bit & 63);
        k += 1;
    }
    bits
};

/// Contractions written without an apostrophe, split as EWT does (`dont` → `do` `nt`,
/// `cannot` → `can` `not`, `gonna` → `gon` `na`). Returns the byte length of the first
/// part for an ASCII word, compared case-insensitively.
#[inline]
pub(crate) fn fused_contraction(word: &[u8]) -> Option<usize> {
    let n = word.len();
    if !(2..=8).contains(&n) {
        return None;
    }
    // Cheap filter on the last two letters before the table: one bit test (most words
    // fail it, at a rate too irregular for a branchy match to predict).
    let (a, b) = (word[n - 2] | 0x20, word[n - 1] | 0x20);
    let bit = usize::from(a & 0x7f) << 7 | usize::from(b & 0x7f);
    if FUSED_ENDINGS[bit >> 6] >> (bit & 63) & 1 == 0 {
        return None;
    }
    let candidate = match &[a, b] {
        b"ot" => n == 6,
        b"im" => n == 2,
        b"es" => matches!(n, 3 | 5 | 6),
        _ => true,
    };
    if !candidate {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    let first = match &buf[..n] {
        b"cannot" => 3,
        b"gonna" | b"wanna" | b"gotta" | b"outta" => 3,
        b"dont" | b"cant" | b"wont" | b"aint" => 2,
        b"didnt" | b"isnt" | b"hasnt" | b"wasnt" => n - 2,
        b"doesnt" | b"arent" | b"hadnt" | b"havent" | b"werent" | b"mustnt" | b"neednt" => n - 2,
        b"couldnt" | b"wouldnt" => 5,
        b"shouldnt" => 6,
        b"im" => 1,
        b"ive" => 1,
        b"youre" | b"youve" => 3,
        b"theyre" | b"theyve" => 4,
        b"thats" | b"whats" | b"heres" => n - 1,
        b"theres" => 5,
        b"hes" => 2,
        _ => return None,
    };
    Some(first)
}

/// Clitics split off after an apostrophe (`'s`, `'re`, ...), lower-cased ASCII.
pub(crate) fn is_clitic(lower: &[u8]) -> bool {
    matches!(lower, b"s" | b"m" | b"d" | b"ll" | b"re" | b"ve")
}

/// Common file extensions: `report.doc`, `20.xls` stay one token.
pub(crate) fn is_file_extension(ext: &[u8]) -> bool {
    if !(2..=4).contains(&ext.len()) {
        return false;
    }
    let mut buf = [0u8; 4];
    for (d, s) in buf.iter_mut().zip(ext) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..ext.len()],
        b"doc"
            | b"docx"
            | b"xls"
            | b"xlsx"
            | b"ppt"
            | b"pptx"
            | b"pdf"
            | b"txt"
            | b"rtf"
            | b"csv"
            | b"htm"
            | b"html"
            | b"jpg"
            | b"jpeg"
            | b"png"
            | b"gif"
            | b"zip"
            | b"exe"
            | b"mp3"
            | b"mp4"
            | b"wav"
            | b"avi"
            | b"xml"
            | b"json"
    )
}

/// Common top-level domains: `word.com` is a web address rather than a word.
pub(crate) fn is_tld(seg: &[u8]) -> bool {
    if !(2..=4).contains(&seg.len()) {
        return false;
    }
    let mut buf = [0u8; 4];
    for (d, s) in buf.iter_mut().zip(seg) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..seg.len()],
        b"com"
            | b"org"
            | b"net"
            | b"gov"
            | b"edu"
            | b"mil"
            | b"int"
            | b"info"
            | b"biz"
            | b"io"
            | b"uk"
            | b"de"
            | b"fr"
            | b"ca"
            | b"au"
            | b"jp"
            | b"cn"
            | b"ru"
            | b"in"
            | b"it"
            | b"nl"
            | b"es"
            | b"ch"
            | b"eu"
            | b"tv"
            | b"me"
            | b"ly"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        assert!(is_hyphen_prefix(b"Non"));
        assert!(is_hyphen_prefix(b"e"));
        assert!(!is_hyphen_prefix(b"self"));
        assert!(!is_hyphen_prefix(b""));
        assert!(!is_hyphen_prefix(b"counterfeit"));
    }

    #[test]
    fn fused() {
        assert_eq!(fused_contraction(b"Dont"), Some(2));
        assert_eq!(fused_contraction(b"cannot"), Some(3));
        assert_eq!(fused_contraction(b"wouldnt"), Some(5));
        assert_eq!(fused_contraction(b"didnt"), Some(3));
        assert_eq!(fused_contraction(b"don"), None);
        assert_eq!(fused_contraction(b"the"), None);
    }

    #[test]
    fn tlds() {
        assert!(is_tld(b"com"));
        assert!(is_tld(b"ORG"));
        assert!(!is_tld(b"s"));
    }
}
