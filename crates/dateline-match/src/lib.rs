//! Token-aligned multi-pattern matching over Unicode-normalized text, with
//! every match reported as a span of the caller's original text.
//!
//! This is dateline's hot core: the gazetteer and the date lexicons both
//! run on it. A [`Matcher`] folds its patterns and each text the same way
//! (Unicode case folding, typographic folding, whitespace runs, optional
//! accent folding), searches for patterns that start *and* end on token
//! boundaries of the original text, and maps every match back to the
//! original bytes.
//!
//! # Overview
//!
//! * [`Matcher`] — built from patterns with [`Matcher::new`] or
//!   [`Matcher::builder`] ([`MatcherBuilder`]); searched with
//!   [`Matcher::find_iter`] ([`FindIter`]) or [`Matcher::find_all`].
//! * [`Pattern`] — a pattern's text with an optional [`CasePolicy`];
//!   `&str` and `String` convert into it. [`PatternId`] is a pattern's
//!   index in insertion order.
//! * [`Match`] — the [`PatternId`] and the [`Span`] (byte range of the
//!   original text) of one match. [`MatchKind`] chooses leftmost-longest
//!   or all (overlapping) matches.
//! * [`Normalizer`] and [`NormalizedText`] — normalize a text once and
//!   search it with several matchers.
//! * [`BuildError`] — the one error type.
//!
//! # Example: names in news text
//!
//! ```
//! use dateline_match::{Matcher, Span};
//!
//! let matcher = Matcher::new(["China", "Iran", "Central Military Commission"])?;
//! let text = "CHINA’s Central Military\nCommission; Iranian (Iran).";
//! let found: Vec<(usize, Span)> =
//!     matcher.find_iter(text).map(|m| (m.pattern().as_usize(), m.span())).collect();
//! assert_eq!(found, [(0, Span::new(0, 5)), (2, Span::new(10, 37)), (1, Span::new(48, 52))]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: case policies
//!
//! ```
//! use dateline_match::{CasePolicy, Matcher, Pattern, Span};
//!
//! let matcher = Matcher::new([
//!     Pattern::new("US", CasePolicy::Auto),
//!     Pattern::new("Reading", CasePolicy::Sensitive),
//! ])?;
//! let text = "Tell us: is US reading Reading?";
//! let spans: Vec<Span> = matcher.find_iter(text).map(|m| m.span()).collect();
//! assert_eq!(spans, [Span::new(12, 14), Span::new(23, 30)]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: one normalization and one scan, several matchers
//!
//! `prepare_for` is optional: it finds where each matcher may start in
//! one pass over the text, so that the searches do not each scan it.
//!
//! ```
//! use dateline_match::{Matcher, Span};
//!
//! let places = Matcher::new(["São Paulo", "Zürich"])?;
//! let months = Matcher::new(["July", "août"])?;
//! let text = "SAO PAULO, 23 Aout — Zurich, July";
//! let mut normalized = places.normalizer().normalize(text);
//! normalized.prepare_for(&[&places, &months]);
//! let p: Vec<Span> = places.find_iter_normalized(&normalized).map(|m| m.span()).collect();
//! let m: Vec<Span> = months.find_iter_normalized(&normalized).map(|m| m.span()).collect();
//! assert_eq!(p, [Span::new(0, 9), Span::new(23, 29)]);
//! assert_eq!(m, [Span::new(14, 18), Span::new(31, 35)]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: save and reload
//!
//! ```
//! use dateline_match::Matcher;
//!
//! let matcher = Matcher::new(["Kyiv", "Kuleba"])?;
//! let mut bytes = Vec::new();
//! matcher.write_to(&mut bytes)?;
//! let reloaded = Matcher::read_from(&bytes)?;
//! assert_eq!(reloaded.find_all("Kuleba in Kyiv"), matcher.find_all("Kuleba in Kyiv"));
//! assert!(Matcher::read_from(&bytes[..bytes.len() - 1]).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! * `serde` — `Serialize` and `Deserialize` for [`Match`], [`PatternId`],
//!   [`Pattern`], [`CasePolicy`], [`MatchKind`] and [`Span`].

mod boundary;
mod error;
mod filter;
mod fold;
mod matcher;
mod normalize;
mod pattern;
mod persist;
mod search;
mod trie;
mod unspaced;

pub use crate::{
    error::BuildError,
    matcher::{Matcher, MatcherBuilder},
    normalize::{NormalizedText, Normalizer},
    pattern::{CasePolicy, Pattern, PatternId},
    search::{FindIter, Match, MatchKind},
};
pub use dateline_tokenize::Span;

// The README's example is compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests;
