//! What a token is.

use core::fmt;

/// The category of a [`Token`](crate::Token).
///
/// Serializes (with the `serde` feature) as the lowercase name returned by
/// [`TokenKind::as_str`], e.g. `"word"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters (with marks and inner digits, hyphens, apostrophes or dots),
    /// an abbreviation such as `U.S.`, or a clitic such as `'s` or `n't`.
    Word,
    /// Starts with a digit: `1,000`, `3.5`, `3.5%`, `2024-07-23`, `5th`.
    Number,
    /// Punctuation: `.` `,` `"` `(` `-` `…` and runs such as `...` or `?!`.
    Punct,
    /// Symbols: `$` `+` `=` `€` `°` `©` and other non-punctuation signs.
    Symbol,
    /// A web address starting with a scheme (`https://`) or `www.`, or a bare
    /// domain name such as `example.com`.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle: `@reuters`.
    Mention,
    /// A hashtag: `#Election2024`.
    Hashtag,
    /// An emoji grapheme (ZWJ sequences, flags and skin tones included) or an
    /// ASCII emoticon such as `:-)`.
    Emoji,
}

impl TokenKind {
    /// Every kind, in declaration order.
    pub const ALL: [TokenKind; 9] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punct,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Mention,
        TokenKind::Hashtag,
        TokenKind::Emoji,
    ];

    /// The lowercase name: `"word"`, `"number"`, `"punct"`, `"symbol"`,
    /// `"url"`, `"email"`, `"mention"`, `"hashtag"` or `"emoji"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Mention => "mention",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Emoji => "emoji",
        }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_lowercase_and_distinct() {
        let names: Vec<&str> = TokenKind::ALL.iter().map(|k| k.as_str()).collect();
        for name in &names {
            assert_eq!(*name, name.to_lowercase());
        }
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert_eq!(TokenKind::Email.to_string(), "email");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serializes_as_lowercase_names() {
        for kind in TokenKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(serde_json::from_str::<TokenKind>(&json).unwrap(), kind);
        }
        let mode = serde_json::to_string(&crate::Mode::Treebank).unwrap();
        assert_eq!(mode, "\"treebank\"");
    }
}
