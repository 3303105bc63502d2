//! News-text tokenizer with byte offsets (UD English-EWT conventions).
//!
//! ```
//! let text = "Mr. Smith didn't pay $25,000.";
//! let words: Vec<&str> = copydesk_tokenize::tokenize(text).iter().map(|t| t.text(text)).collect();
//! assert_eq!(words, ["Mr.", "Smith", "did", "n't", "pay", "$", "25,000", "."]);
//! ```

mod normalize;
mod token;
mod tokenizer;

pub use normalize::normalize;
pub use token::{Token, TokenKind};
pub use tokenizer::{Tokenizer, Tokens};

/// Tokenizes `text` with the default English-news [`Tokenizer`].
pub fn tokenize(text: &str) -> Vec<Token> {
    Tokenizer::default().tokenize(text)
}
