//! Layout: the whitespace between chunks (spaces, line breaks, blank lines) and the
//! width of the current block of lines, used to tell a headline or caption line from a
//! line break inside a hard-wrapped paragraph.

/// What the whitespace between two chunks holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Gap {
    /// At least one whitespace character.
    pub space: bool,
    /// Number of line breaks.
    pub breaks: u32,
    /// A blank line (two line breaks, or a paragraph/page separator).
    pub blank: bool,
}

/// Classifies the text between two chunks.
pub(crate) fn gap(s: &str) -> Gap {
    let mut g = Gap::default();
    let mut prev_cr = false;
    for c in s.chars() {
        match c {
            '\n' if !prev_cr => g.breaks += 1,
            '\n' => {}
            '\r' | '\u{000B}' | '\u{0085}' | '\u{2028}' => g.breaks += 1,
            '\u{000C}' | '\u{2029}' => g.blank = true,
            _ => {}
        }
        prev_cr = c == '\r';
        if c.is_whitespace() {
            g.space = true;
        }
    }
    g.blank |= g.breaks >= 2;
    g
}

/// Lines narrower than this are never taken for a hard-wrapped paragraph.
const MIN_WRAP_WIDTH: usize = 25;

/// A block with a line wider than this is not hard-wrapped (one paragraph per line).
const MAX_WRAP_WIDTH: usize = 100;

/// Finds the width of the block (lines up to the next blank line) that starts at a given
/// offset. Each block is measured once, so the total cost is linear in the text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Blocks {
    start: usize,
    width: Option<usize>,
}

impl Blocks {
    /// Starts a new block at byte offset `start` (after a blank line).
    pub fn reset(&mut self, start: usize) {
        self.start = start;
        self.width = None;
    }

    /// The width in bytes of the longest line of the current block.
    pub fn width(&mut self, text: &str) -> usize {
        if let Some(w) = self.width {
            return w;
        }
        let rest = text.get(self.start..).unwrap_or("");
        // Same notion of line break and blank line as `gap`, so that a block ends
        // exactly where the splitter resets it (keeps the total work linear).
        let mut width = 0;
        let mut line = 0; // bytes of the current line, up to its last non-space
        let mut pos = 0; // bytes of the current line so far
        let mut breaks = 0; // line breaks since the last non-space character
        let mut seen = false;
        let mut prev_cr = false;
        for c in rest.chars() {
            let is_break = match c {
                '\n' => !prev_cr,
                '\r' | '\u{000B}' | '\u{0085}' | '\u{2028}' => true,
                '\u{000C}' | '\u{2029}' => {
                    breaks = 2;
                    true
                }
                _ => false,
            };
            prev_cr = c == '\r';
            if c == '\n' && !is_break {
                continue;
            }
            if is_break {
                width = width.max(line);
                breaks += 1;
                line = 0;
                pos = 0;
                if seen && breaks >= 2 {
                    break;
                }
            } else if c.is_whitespace() {
                pos += c.len_utf8();
            } else {
                if breaks > 0 || !seen {
                    // First character of a line: leading spaces do not count.
                    pos = 0;
                }
                breaks = 0;
                seen = true;
                pos += c.len_utf8();
                line = pos;
            }
        }
        width = width.max(line);
        self.width = Some(width);
        width
    }
}

/// Whether a line break after a line without final punctuation ends a sentence: the
/// line is a headline, caption or byline, not a piece of a hard-wrapped paragraph. It is
/// when the block is not hard-wrapped at all (its lines are very short or very long),
/// or when the first word of the next line would clearly have fitted on it.
pub(crate) fn short_line(line_len: usize, next_word_len: usize, width: usize) -> bool {
    !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width)
        || (line_len + 1 + next_word_len) * 5 < width * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps() {
        assert_eq!(
            gap(" "),
            Gap {
                space: true,
                breaks: 0,
                blank: false
            }
        );
        assert_eq!(gap("\n").breaks, 1);
        assert!(gap("\r\n \r\n").blank);
        assert!(!gap("\r\n").blank);
        assert!(gap("\n\n").blank);
        assert!(!gap("").space);
    }

    #[test]
    fn block_width() {
        let text = "Headline\nA longer line of body text here\n\nNext";
        let mut b = Blocks::default();
        assert_eq!(b.width(text), 31);
        b.reset(text.find("Next").unwrap());
        assert_eq!(b.width(text), 4);
    }

    #[test]
    fn block_width_with_other_breaks() {
        let text = "ab\r\rlonger line\r\nx\r\n\r\nzzzzzzzzzzzzzzzz";
        let mut b = Blocks::default();
        assert_eq!(b.width(text), 2);
        b.reset(text.find("longer").unwrap());
        assert_eq!(b.width(text), 11);
        let text = "  indented line  \n\u{2029}next";
        let mut b = Blocks::default();
        assert_eq!(b.width(text), 13);
    }

    #[test]
    fn short_lines() {
        assert!(short_line(8, 3, 72));
        assert!(!short_line(68, 6, 72));
        assert!(short_line(20, 3, 24));
        assert!(!short_line(30, 6, 35));
        assert!(short_line(400, 3, 800));
    }
}
