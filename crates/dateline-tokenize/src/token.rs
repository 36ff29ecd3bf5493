//! One token: a span of the original text, its kind, and the syntactic
//! words of a multi-word token.

use crate::{Lang, Span, TokenKind, rules};

/// A token: a byte span of the caller's text plus its [`TokenKind`].
///
/// The text itself is never copied; slice it with `&text[token.span()]`.
/// In treebank mode a contraction whose syntactic words are not substrings
/// of it (German `zum` = `zu` + `dem`, French `du` = `de` + `le`, Spanish
/// `del` = `de` + `el`) stays one token and carries its words, as Universal
/// Dependencies writes a multi-word token: see [`Token::words`].
///
/// A `Token` is `Copy` and as small as a span and a kind: the words are a
/// reference into the language's table, not a copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    span: Span,
    kind: TokenKind,
    words: Words,
}

/// Where a multi-word token's words are: an entry of a language's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Words {
    lang: Lang,
    /// The entry's index, [`Words::NONE`] for an ordinary token.
    index: u8,
    capitalized: bool,
}

impl Words {
    const NONE: u8 = u8::MAX;
    const EMPTY: Words = Words { lang: Lang::En, index: Words::NONE, capitalized: false };

    fn get(self) -> &'static [&'static str] {
        if self.index == Words::NONE {
            return &[];
        }
        match rules::rules(self.lang).multiwords.get(usize::from(self.index)) {
            Some(m) if self.capitalized => m.capitalized,
            Some(m) => m.words,
            None => &[],
        }
    }
}

impl Token {
    /// Creates a token covering `span` with kind `kind` (and no words).
    #[inline]
    pub const fn new(span: Span, kind: TokenKind) -> Token {
        Token { span, kind, words: Words::EMPTY }
    }

    /// A multi-word token: entry `index` of `lang`'s table, written
    /// capitalized or not.
    #[inline]
    pub(crate) fn multiword(span: Span, lang: Lang, index: usize, capitalized: bool) -> Token {
        let index = u8::try_from(index).ok().filter(|&i| i != Words::NONE);
        let words = index.map_or(Words::EMPTY, |index| Words { lang, index, capitalized });
        Token { span, kind: TokenKind::Word, words }
    }

    /// A word token over `span` that carries `words`, the syntactic words
    /// of a multi-word token of one of the supported languages (`["zu",
    /// "dem"]`, `["À", "le"]`); `None` when no language has that
    /// contraction. For rebuilding tokens from a serialized form.
    ///
    /// ```
    /// use dateline_tokenize::{Span, Token};
    ///
    /// let token = Token::with_words(Span::new(0, 3), &["zu", "dem"]).ok_or("no such token")?;
    /// assert_eq!(token.words(), ["zu", "dem"]);
    /// assert!(Token::with_words(Span::new(0, 3), &["zu", "den"]).is_none());
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_words(span: Span, words: &[&str]) -> Option<Token> {
        let (lang, index, capitalized) = rules::find_multiword(words)?;
        Some(Token::multiword(span, lang, usize::from(index), capitalized))
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

    /// The syntactic words of a multi-word token whose words are not
    /// substrings of it (`"zum"` -> `["zu", "dem"]`, `"Au"` -> `["À",
    /// "le"]`); empty for every other token.
    ///
    /// Only treebank mode produces them. A contraction whose words *are*
    /// substrings (English `don't`, Spanish `quedarse`) is split into
    /// tokens instead.
    ///
    /// ```
    /// use dateline_tokenize::{Lang, Mode, Tokenizer};
    ///
    /// let tokenizer = Tokenizer::builder().lang(Lang::De).mode(Mode::Treebank).build();
    /// let text = "Zum Glück kam er zur Sitzung.";
    /// let words: Vec<&[&str]> = tokenizer.tokens(text).map(|t| t.words()).collect();
    /// assert_eq!(words[0], ["Zu", "dem"]);
    /// assert_eq!(words[4], ["zu", "der"]);
    /// assert!(words[1].is_empty());
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn words(&self) -> &'static [&'static str] {
        self.words.get()
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

#[cfg(feature = "serde")]
impl serde::Serialize for Token {
    /// `{"span": ..., "kind": ...}`, plus `"words": [...]` for a
    /// multi-word token.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let words = self.words();
        let mut state = serializer.serialize_struct("Token", 2 + usize::from(!words.is_empty()))?;
        state.serialize_field("span", &self.span)?;
        state.serialize_field("kind", &self.kind)?;
        if !words.is_empty() {
            state.serialize_field("words", words)?;
        }
        state.end()
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Token {
    /// Reads what [`Serialize`](serde::Serialize) writes.
    ///
    /// # Errors
    ///
    /// Words that are no language's multi-word token.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Token, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            span: Span,
            kind: TokenKind,
            #[serde(default)]
            words: Vec<String>,
        }
        let raw = Raw::deserialize(deserializer)?;
        if raw.words.is_empty() {
            return Ok(Token::new(raw.span, raw.kind));
        }
        let words: Vec<&str> = raw.words.iter().map(String::as_str).collect();
        let mut token = Token::with_words(raw.span, &words).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{words:?} are not the words of a multi-word token of any supported language"
            ))
        })?;
        token.kind = raw.kind;
        Ok(token)
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
        assert!(token.words().is_empty());
    }

    #[test]
    fn stays_small() {
        assert_eq!(core::mem::size_of::<Token>(), core::mem::size_of::<(Span, u64)>());
    }

    #[test]
    fn multiword_words() {
        let index = rules::rules(Lang::De).multiword("zum").expect("German has zum");
        let token = Token::multiword(Span::new(0, 3), Lang::De, index, false);
        assert_eq!(token.words(), ["zu", "dem"]);
        let token = Token::multiword(Span::new(0, 3), Lang::De, index, true);
        assert_eq!(token.words(), ["Zu", "dem"]);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_writes_words_only_when_there_are_some() {
        let plain = Token::new(Span::new(0, 2), TokenKind::Word);
        let json = serde_json::to_string(&plain).unwrap();
        assert!(!json.contains("words"), "{json}");
        assert_eq!(serde_json::from_str::<Token>(&json).unwrap(), plain);
        let index = rules::rules(Lang::Fr).multiword("du").expect("French has du");
        let token = Token::multiword(Span::new(0, 2), Lang::Fr, index, true);
        let json = serde_json::to_string(&token).unwrap();
        assert!(json.ends_with(r#""words":["De","le"]}"#), "{json}");
        assert_eq!(serde_json::from_str::<Token>(&json).unwrap(), token);
        let bad = r#"{"span":{"start":0,"end":2},"kind":"word","words":["x","y"]}"#;
        let err = serde_json::from_str::<Token>(bad).unwrap_err();
        assert!(err.to_string().contains("not the words of a multi-word token"), "{err}");
    }
}
