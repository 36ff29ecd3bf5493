//! The tokenizer and its builder.

use crate::{Lang, Mode, Token, Tokens};

/// Splits text into [`Token`]s with exact byte spans.
///
/// Every non-whitespace char of the input belongs to exactly one token;
/// tokens come in order and never overlap. A `Tokenizer` is cheap to copy,
/// `Send + Sync`, and can be shared across threads.
///
/// # Example
///
/// ```
/// use dateline_tokenize::{Mode, TokenKind, Tokenizer};
///
/// let text = "China's GDP rose 3.5% in the U.S. quarter, see https://example.com/q2.";
/// let tokens = Tokenizer::new().tokenize(text);
/// let words: Vec<&str> = tokens.iter().map(|t| &text[t.span()]).collect();
/// assert_eq!(
///     words,
///     ["China", "'s", "GDP", "rose", "3.5%", "in", "the", "U.S.", "quarter", ",", "see",
///      "https://example.com/q2", "."],
/// );
/// assert_eq!(tokens[11].kind(), TokenKind::Url);
/// assert_eq!((tokens[11].start(), tokens[11].end()), (47, 69));
///
/// let treebank = Tokenizer::builder().mode(Mode::Treebank).build();
/// let text = "I can't see a 15-year plan.";
/// let words: Vec<&str> = treebank.tokens(text).map(|t| &text[t.span()]).collect();
/// assert_eq!(words, ["I", "ca", "n't", "see", "a", "15", "-", "year", "plan", "."]);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tokenizer {
    mode: Mode,
    lang: Lang,
}

impl Tokenizer {
    /// A tokenizer in [`Mode::Default`].
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// A tokenizer in the given mode.
    pub fn with_mode(mode: Mode) -> Tokenizer {
        Tokenizer { mode, lang: Lang::default() }
    }

    /// A builder for configuring a tokenizer.
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::new()
    }

    /// The mode this tokenizer follows.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The language whose conventions this tokenizer follows.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Lazily iterates over the tokens of `text`, without copying it.
    pub fn tokens<'t>(&self, text: &'t str) -> Tokens<'t> {
        Tokens::new(text, self.mode, self.lang)
    }

    /// Collects the tokens of `text`.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        self.tokens(text).collect()
    }
}

/// Configures and builds a [`Tokenizer`]. Reusable: `build` can be called
/// any number of times.
///
/// # Example
///
/// ```
/// use dateline_tokenize::{Mode, Tokenizer};
///
/// let tokenizer = Tokenizer::builder().mode("treebank".parse()?).build();
/// assert_eq!(tokenizer.mode(), Mode::Treebank);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct TokenizerBuilder {
    mode: Mode,
    lang: Lang,
}

impl TokenizerBuilder {
    /// A builder with the default configuration ([`Mode::Default`]).
    pub fn new() -> TokenizerBuilder {
        TokenizerBuilder::default()
    }

    /// Sets the tokenization conventions.
    pub fn mode(&mut self, mode: Mode) -> &mut TokenizerBuilder {
        self.mode = mode;
        self
    }

    /// Sets the language (default [`Lang::En`]).
    pub fn lang(&mut self, lang: Lang) -> &mut TokenizerBuilder {
        self.lang = lang;
        self
    }

    /// Builds the tokenizer. Building never fails: every configuration is
    /// valid.
    pub fn build(&self) -> Tokenizer {
        Tokenizer { mode: self.mode, lang: self.lang }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_is_reusable() {
        let mut builder = Tokenizer::builder();
        let a = builder.mode(Mode::Treebank).build();
        let b = builder.build();
        assert_eq!(a, b);
        assert_eq!(Tokenizer::new().mode(), Mode::Default);
        assert_eq!(Tokenizer::with_mode(Mode::Treebank), a);
    }
}
