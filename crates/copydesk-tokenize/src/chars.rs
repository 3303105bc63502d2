//! Character classes: an ASCII byte table for the fast path and Unicode predicates for
//! the rest (marks, emoji, scripts written without spaces, punctuation vs. symbols).

use unicode_normalization::char::is_combining_mark;

/// ASCII whitespace (the `White_Space` members below U+0080).
pub(crate) const WS: u8 = 1;
/// ASCII letter.
pub(crate) const ALPHA: u8 = 2;
/// ASCII digit.
pub(crate) const DIGIT: u8 = 4;
/// Any other ASCII byte (punctuation, symbols, controls).
pub(crate) const OTHER: u8 = 8;
/// Lead or continuation byte of a multi-byte UTF-8 sequence.
pub(crate) const HIGH: u8 = 16;

/// Bytes after which an ASCII letter run is certainly a finished plain word: whitespace
/// and punctuation that can be part of no e-mail, URL, contraction or abbreviation.
pub(crate) static PLAIN_END: [bool; 256] = build_plain_end();

const fn build_plain_end() -> [bool; 256] {
    let mut t = [false; 256];
    let ends = b" \t\n\r,;!?()[]{}\"";
    let mut i = 0;
    while i < ends.len() {
        t[ends[i] as usize] = true;
        i += 1;
    }
    t
}

/// Class of every byte value.
pub(crate) static CLASS: [u8; 256] = build_class_table();

const fn build_class_table() -> [u8; 256] {
    let mut t = [OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            HIGH
        } else if b.is_ascii_alphabetic() {
            ALPHA
        } else if b.is_ascii_digit() {
            DIGIT
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            WS
        } else {
            OTHER
        };
        i += 1;
    }
    t
}

/// Whether the byte is an ASCII letter or digit.
#[inline]
pub(crate) fn is_ascii_alnum(b: u8) -> bool {
    CLASS[b as usize] & (ALPHA | DIGIT) != 0
}

/// End of the run of ASCII letters and digits starting at `i` (`i` itself if none).
///
/// Eight bytes at a time: a word ends at the first byte of the word that is not `[0-9A-Za-z]`,
/// found from a bit mask instead of one data-dependent branch per byte.
#[inline]
pub(crate) fn alnum_run_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Bytes >= 0x80 are never alphanumeric; the others are compared in range with
        // byte-wise additions that cannot carry (every masked byte is below 0x80).
        let x = w & !HIGH;
        let in_range = |lo: u8, hi: u8| {
            let ge = x.wrapping_add(ONES * u64::from(0x80 - lo));
            let gt = x.wrapping_add(ONES * u64::from(0x80 - hi - 1));
            ge & !gt & HIGH
        };
        let alnum = (in_range(b'0', b'9') | in_range(b'A', b'Z') | in_range(b'a', b'z')) & !w;
        let stop = !alnum & HIGH;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && is_ascii_alnum(b[i]) {
        i += 1;
    }
    i
}

/// Decodes the char starting at byte `i` of valid UTF-8 `b` (`i` on a char boundary).
/// Returns the char and its length in bytes.
#[inline]
pub(crate) fn decode(b: &[u8], i: usize) -> (char, usize) {
    let b0 = b[i] as u32;
    let (cp, len) = if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            ((b0 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((b0 & 0x07) << 18)
                | ((b[i + 1] as u32 & 0x3F) << 12)
                | ((b[i + 2] as u32 & 0x3F) << 6)
                | (b[i + 3] as u32 & 0x3F),
            4,
        )
    };
    (char::from_u32(cp).unwrap_or('\u{FFFD}'), len)
}

/// A combining mark (`General_Category=Mark`): stays with the character before it.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    is_combining_mark(c)
}

/// Zero-width joiner / non-joiner: inside words of Indic and Arabic-script languages.
#[inline]
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// A letter or digit outside ASCII that continues a word (scripts written with spaces).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || is_mark(c) || is_joiner(c)) && !is_segmented_script(c)
}

/// Scripts usually written without spaces between words (Han, kana, Thai, Lao, Khmer,
/// Myanmar, ...). Runs of them are split at Unicode (UAX #29) word boundaries.
#[inline]
pub(crate) fn is_segmented_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF            // Thai, Lao
        | 0x1000..=0x109F          // Myanmar
        | 0x1780..=0x17FF          // Khmer
        | 0x19E0..=0x19FF          // Khmer symbols
        | 0x2E80..=0x2FDF          // CJK radicals, Kangxi
        | 0x3005..=0x3007          // 々 〆 〇
        | 0x3021..=0x3029          // Hangzhou numerals
        | 0x3031..=0x3035          // kana repeat marks
        | 0x3038..=0x303C
        | 0x3041..=0x30FA          // Hiragana, Katakana (not ・)
        | 0x30FC..=0x30FF
        | 0x3100..=0x312F          // Bopomofo
        | 0x31A0..=0x31FF
        | 0x3400..=0x4DBF          // CJK extension A
        | 0x4E00..=0x9FFF          // CJK unified ideographs
        | 0xF900..=0xFAFF          // CJK compatibility ideographs
        | 0xFF66..=0xFF9F          // half-width Katakana
        | 0x20000..=0x3FFFF        // CJK extensions B..
    ) && !c.is_whitespace()
}

/// A character that starts an emoji token on its own.
#[inline]
pub(crate) fn is_emoji_base(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF
        | 0x1FC00..=0x1FFFD
        | 0x231A | 0x231B | 0x2328 | 0x23CF
        | 0x23E9..=0x23F3
        | 0x23F8..=0x23FA
        | 0x24C2
        | 0x25AA | 0x25AB | 0x25B6 | 0x25C0
        | 0x25FB..=0x25FE
        | 0x2600..=0x27BF
        | 0x2934 | 0x2935
        | 0x2B05..=0x2B07
        | 0x2B1B | 0x2B1C | 0x2B50 | 0x2B55
        | 0x3030 | 0x303D | 0x3297 | 0x3299
    )
}

/// Text-default pictographs (`©`, `®`, `™`, `‼`, arrows ...): emoji only when followed
/// by the emoji presentation selector U+FE0F.
#[inline]
pub(crate) fn is_text_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139
        | 0x2194..=0x2199 | 0x21A9 | 0x21AA
        | 0x2B00..=0x2BFF
    )
}

/// Regional indicator letters: pairs of them are flags.
#[inline]
pub(crate) fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// Characters that extend an emoji: variation selectors, skin tones, the keycap mark,
/// tag characters (subdivision flags) and other combining marks.
#[inline]
pub(crate) fn is_emoji_extender(c: char) -> bool {
    matches!(c as u32,
        0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0x20E3 | 0xE0020..=0xE007F)
        || is_mark(c)
}

/// Apostrophe-like characters used in contractions: `'`, `’`, `‘` (misused), `` ` ``.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '`')
}

/// Dashes other than the ASCII hyphen-minus.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Whether a non-ASCII, non-word character is punctuation (`General_Category=P*`,
/// approximated by blocks) rather than a symbol.
pub(crate) fn is_unicode_punct(c: char) -> bool {
    matches!(c as u32,
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF
        | 0x037E | 0x0387 | 0x055A..=0x055F | 0x0589 | 0x058A | 0x05BE | 0x05C0 | 0x05C3
        | 0x05C6 | 0x05F3 | 0x05F4 | 0x0609 | 0x060A | 0x060C | 0x060D | 0x061B
        | 0x061D..=0x061F | 0x066A..=0x066D | 0x06D4 | 0x0964 | 0x0965 | 0x0970
        | 0x0E4F | 0x0E5A | 0x0E5B | 0x104A..=0x104F | 0x10FB | 0x1360..=0x1368
        | 0x166E | 0x17D4..=0x17D6 | 0x17D8..=0x17DA | 0x1800..=0x180A
        | 0x2010..=0x2027 | 0x2030..=0x2043 | 0x2045..=0x2051 | 0x2053..=0x205E
        | 0x207D | 0x207E | 0x208D | 0x208E | 0x2308..=0x230B | 0x2329 | 0x232A
        | 0x2768..=0x2775 | 0x27C5 | 0x27C6 | 0x27E6..=0x27EF | 0x2983..=0x2998
        | 0x29D8..=0x29DB | 0x29FC | 0x29FD | 0x2CF9..=0x2CFC | 0x2CFE | 0x2CFF
        | 0x2E00..=0x2E4F | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F
        | 0x3030 | 0x303D | 0x30A0 | 0x30FB | 0xFD3E | 0xFD3F | 0xFE10..=0xFE19
        | 0xFE30..=0xFE52 | 0xFE54..=0xFE61 | 0xFE63 | 0xFE68 | 0xFE6A | 0xFE6B
        | 0xFF01..=0xFF03 | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F | 0xFF1A | 0xFF1B
        | 0xFF1F | 0xFF20 | 0xFF3B..=0xFF3D | 0xFF3F | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_matches_std() {
        let s = "aé€😀";
        let b = s.as_bytes();
        let mut i = 0;
        for c in s.chars() {
            assert_eq!(decode(b, i), (c, c.len_utf8()));
            i += c.len_utf8();
        }
    }

    #[test]
    fn table_agrees_with_std_whitespace() {
        for b in 0u8..0x80 {
            assert_eq!(
                CLASS[b as usize] == WS,
                (b as char).is_whitespace(),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn alnum_run_end_matches_the_byte_loop() {
        // Every byte value at every offset of an eight-byte block, and runs crossing blocks.
        let mut b: Vec<u8> = (0u8..=255).collect();
        b.extend_from_slice(b"Sanctions2024abcdefghijklmnopqrstuvwxyz0123456789Z");
        for i in 0..=b.len() {
            let mut e = i;
            while e < b.len() && is_ascii_alnum(b[e]) {
                e += 1;
            }
            assert_eq!(alnum_run_end(&b, i), e, "from {i}");
        }
    }

    #[test]
    fn classes() {
        assert!(is_mark('\u{0301}'));
        assert!(is_segmented_script('東'));
        assert!(!is_segmented_script('a'));
        assert!(is_emoji_base('😀'));
        assert!(is_emoji_base('❤'));
        assert!(is_regional_indicator('🇫'));
        assert!(is_unicode_punct('«'));
        assert!(!is_unicode_punct('€'));
    }
}
