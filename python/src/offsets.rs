//! Byte offsets (Rust) to character offsets (Python), in one forward pass.

/// Converts ascending byte offsets of one text into code-point offsets.
///
/// Queries must be made in non-decreasing order of byte offset (spans of one layer are
/// sorted); call [`CharCursor::reset`] before converting another layer. Each conversion
/// costs only the bytes between the previous query and this one, so a whole layer
/// converts in time linear in the text length. ASCII texts take a shortcut.
pub struct CharCursor<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'t> CharCursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// Back to the start of the text, for the next layer of spans.
    pub fn reset(&mut self) {
        self.byte = 0;
        self.chars = 0;
    }

    /// The character offset of byte offset `byte` (on a char boundary).
    #[allow(clippy::wrong_self_convention)] // a cursor: converting advances it
    pub fn to_char(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.reset();
        }
        let bytes = &self.text.as_bytes()[self.byte..byte];
        // Count bytes that start a code point (everything but UTF-8 continuation bytes).
        self.chars += bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
        self.byte = byte;
        self.chars
    }
}
