//! One token: a span of the original text and its kind.

use crate::{Span, TokenKind};

/// A token: a byte span of the caller's text plus its [`TokenKind`].
///
/// The text itself is never copied; slice it with `&text[token.span()]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Token {
    span: Span,
    kind: TokenKind,
}

impl Token {
    /// Creates a token covering `span` with kind `kind`.
    #[inline]
    pub const fn new(span: Span, kind: TokenKind) -> Token {
        Token { span, kind }
    }

    /// The byte span of the token in the original text.
    #[inline]
    pub const fn span(&self) -> Span {
        self.span
    }

    /// Byte offset of the token's first byte.
    #[inline]
    pub const fn start(&self) -> usize {
        self.span.start
    }

    /// Byte offset one past the token's last byte.
    #[inline]
    pub const fn end(&self) -> usize {
        self.span.end
    }

    /// The token's kind.
    #[inline]
    pub const fn kind(&self) -> TokenKind {
        self.kind
    }

    /// The token's text, sliced from the text it was produced from.
    ///
    /// # Panics
    ///
    /// Panics if `text` is not the text the token came from and the span
    /// does not lie on its char boundaries.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors() {
        let token = Token::new(Span::new(4, 8), TokenKind::Word);
        assert_eq!((token.start(), token.end()), (4, 8));
        assert_eq!(token.text("The Kyiv talks"), "Kyiv");
        assert_eq!(token.kind(), TokenKind::Word);
    }
}
