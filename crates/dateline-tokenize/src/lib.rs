//! News-aware tokenization and sentence splitting with exact byte spans.
//!
//! `dateline-tokenize` splits text into [`Token`]s and sentences whose
//! [`Span`]s are byte ranges into the caller's original `&str` — never into a
//! normalized copy — so `&text[token.span()]` is always the token's text.
//! Every non-whitespace char belongs to exactly one token, tokens come in
//! order without overlapping, and no input makes the tokenizer or the
//! splitter panic or take more than linear time.
//!
//! # Overview
//!
//! - [`Tokenizer`] (built with [`Tokenizer::new`] or [`Tokenizer::builder`])
//!   yields [`Token`]s lazily through [`Tokens`], or collects them with
//!   [`Tokenizer::tokenize`]. Each token has a [`TokenKind`]: word, number,
//!   punctuation, symbol, URL, e-mail, mention, hashtag or emoji.
//! - [`Mode`] picks the conventions: news-friendly [`Mode::Default`]
//!   (`U.S.`, `3.5%`, `dual-use` and URLs stay whole, `China's` splits into
//!   `China` + `'s` so names stay matchable) or [`Mode::Treebank`], which
//!   follows the Universal Dependencies treebanks of the language.
//! - [`Lang`] picks the language's rules (set with `.lang()` on either
//!   builder): abbreviations, the words that start sentences, German
//!   ordinal dots ("am 23. Juli"), French elision ("l'" + "Ukraine"),
//!   Spanish "¿" and "¡", and in treebank mode the multi-word tokens UD
//!   expands, which keep one span and carry their words
//!   ([`Token::words`]: "zum" -> `["zu", "dem"]`).
//! - Chinese ([`Lang::Zh`]), written without spaces, is *segmented*: a
//!   dictionary of about 99,000 words with counts (from jieba, MIT) cuts
//!   each run of Han characters into its most probable words, while digits,
//!   Latin letters and punctuation stay whole ("NATO峰会" -> "NATO" +
//!   "峰会"). The dictionary is compiled the first time Chinese is
//!   tokenized (0.1 to 0.3 s); other languages never load it and keep one
//!   token per Han character.
//! - [`SentenceSplitter`] returns sentence spans trimmed of whitespace, with
//!   an abbreviation list you can extend.
//! - [`is_word_char`] and [`is_word_boundary`] are the word-character rule
//!   that `dateline-match` shares, so entity boundaries agree with token
//!   boundaries.
//! - [`CharOffsets`] converts byte offsets to code-point offsets for JSON
//!   output and Python.
//!
//! # Example: tokens with exact spans
//!
//! ```
//! use dateline_tokenize::{Span, TokenKind, Tokenizer};
//!
//! let text = "Kyiv’s mayor met @UN officials on 2024-07-23 🇺🇦";
//! let tokens = Tokenizer::new().tokenize(text);
//! let pieces: Vec<(&str, TokenKind)> = tokens.iter().map(|t| (&text[t.span()], t.kind())).collect();
//! assert_eq!(
//!     pieces,
//!     [
//!         ("Kyiv", TokenKind::Word),
//!         ("’s", TokenKind::Word),
//!         ("mayor", TokenKind::Word),
//!         ("met", TokenKind::Word),
//!         ("@UN", TokenKind::Mention),
//!         ("officials", TokenKind::Word),
//!         ("on", TokenKind::Word),
//!         ("2024-07-23", TokenKind::Number),
//!         ("🇺🇦", TokenKind::Emoji),
//!     ]
//! );
//! assert_eq!(tokens[1].span(), Span::new(4, 8));
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: Universal Dependencies conventions
//!
//! ```
//! use dateline_tokenize::{Mode, Tokenizer};
//!
//! let mode: Mode = "treebank".parse()?;
//! let tokenizer = Tokenizer::builder().mode(mode).build();
//! let text = "They don't sell 15-year bonds.";
//! let words: Vec<&str> = tokenizer.tokens(text).map(|t| &text[t.span()]).collect();
//! assert_eq!(words, ["They", "do", "n't", "sell", "15", "-", "year", "bonds", "."]);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: German, French and Spanish
//!
//! ```
//! use dateline_tokenize::{Lang, Mode, SentenceSplitter, Tokenizer};
//!
//! let text = "Am 23. Juli kam Dr. Müller zum Gipfel. Er blieb.";
//! let splitter = SentenceSplitter::builder().lang(Lang::De).build();
//! let sentences: Vec<&str> = splitter.sentences(text).map(|s| &text[s]).collect();
//! assert_eq!(sentences, ["Am 23. Juli kam Dr. Müller zum Gipfel.", "Er blieb."]);
//!
//! let french = Tokenizer::builder().lang(Lang::Fr).mode(Mode::Treebank).build();
//! let text = "L'Ukraine parle du plan.";
//! let tokens: Vec<(&str, &[&str])> =
//!     french.tokens(text).map(|t| (&text[t.span()], t.words())).collect();
//! assert_eq!(
//!     tokens,
//!     [("L'", &[][..]), ("Ukraine", &[]), ("parle", &[]), ("du", &["de", "le"]), ("plan", &[]), (".", &[])]
//! );
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: Chinese
//!
//! ```
//! use dateline_tokenize::{Lang, SentenceSplitter, Span, TokenKind, Tokenizer};
//!
//! let text = "中国和乌克兰的外长于2024年7月23日在北京会谈。NATO峰会将在华盛顿举行。";
//! let tokenizer = Tokenizer::builder().lang(Lang::Zh).build();
//! let tokens = tokenizer.tokenize(text);
//! let words: Vec<&str> = tokens.iter().map(|t| &text[t.span()]).collect();
//! assert_eq!(
//!     words,
//!     ["中国", "和", "乌克兰", "的", "外长", "于", "2024", "年", "7", "月", "23", "日",
//!      "在", "北京", "会谈", "。", "NATO", "峰会", "将", "在", "华盛顿", "举行", "。"]
//! );
//! assert_eq!((tokens[2].span(), tokens[2].kind()), (Span::new(9, 18), TokenKind::Word));
//!
//! let splitter = SentenceSplitter::builder().lang(Lang::Zh).build();
//! let sentences: Vec<&str> = splitter.sentences(text).map(|s| &text[s]).collect();
//! assert_eq!(sentences, ["中国和乌克兰的外长于2024年7月23日在北京会谈。", "NATO峰会将在华盛顿举行。"]);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: sentences
//!
//! ```
//! use dateline_tokenize::{SentenceSplitter, Span};
//!
//! let text = "Dr. Smith arrived at 5 p.m. on Tuesday. He left.\n\nNext paragraph";
//! let sentences = SentenceSplitter::new().split(text);
//! assert_eq!(sentences, [Span::new(0, 39), Span::new(40, 48), Span::new(50, 64)]);
//! assert_eq!(&text[sentences[1]], "He left.");
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for [`Span`], [`Token`] (with
//!   `"words"` only on multi-word tokens),
//!   [`TokenKind`] (as lowercase names such as `"word"`) and [`Mode`].

mod boundary;
mod detect;
mod error;
mod kind;
mod lang;
mod mode;
mod offsets;
pub(crate) mod rules;
pub(crate) mod segment;
mod sentence;
mod span;
mod token;
mod tokenizer;
mod tokens;
pub(crate) mod util;

pub use crate::{
    boundary::{is_word_boundary, is_word_char},
    error::Error,
    kind::TokenKind,
    lang::Lang,
    mode::Mode,
    offsets::CharOffsets,
    sentence::{SentenceSplitter, SentenceSplitterBuilder, Sentences},
    span::Span,
    token::Token,
    tokenizer::{Tokenizer, TokenizerBuilder},
    tokens::Tokens,
};

// The README's example is compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<Tokenizer>();
        assert_send_sync::<TokenizerBuilder>();
        assert_send_sync::<Tokens<'_>>();
        assert_send_sync::<Token>();
        assert_send_sync::<SentenceSplitter>();
        assert_send_sync::<Sentences<'_, '_>>();
        assert_send_sync::<Error>();
        assert_send_sync::<CharOffsets<'_>>();
    }
}
