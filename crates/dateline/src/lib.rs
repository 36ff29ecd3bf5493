//! dateline reads English news text and says *who, where and when*.
//!
//! This crate puts the components together: a [`Pipeline`] tokenizes and
//! splits sentences ([`dateline_tokenize`]), matches gazetteer names
//! ([`dateline_gazetteer`], on the [`dateline_match`] core) and finds date
//! and time expressions normalized to TimeML TIMEX3 ([`dateline_dates`]),
//! returning a [`Document`].
//!
//! Results carry byte [`Span`]s into your text; [`Document::view`] gives
//! the same results with code-point offsets, as JSON and Python use.
//! [`html`] renders documents as one self-contained page to look at.
//!
//! # Crate features
//!
//! * `serde`: `Serialize`/`Deserialize` for results, `Serialize` for views.

mod document;
mod error;
pub mod html;
mod overlap;
mod pipeline;
pub mod view;

pub use crate::{
    document::{Document, Entity},
    error::Error,
    pipeline::{Pipeline, PipelineBuilder, find_entities, find_entities_batch},
};
pub use dateline_dates::{Date, DateExtractor, Direction, TimeExpression, TimexType};
pub use dateline_gazetteer::{
    EntityMatch, Entry, Gazetteer, GazetteerBuilder, Nested, Resolver, Source,
};
pub use dateline_tokenize::{
    CharOffsets, Lang, Mode, SentenceSplitter, Span, Token, TokenKind, Tokenizer,
};

/// The component crates, for everything not re-exported above.
pub use dateline_dates as dates;
pub use dateline_gazetteer as gazetteer;
pub use dateline_match as matching;
pub use dateline_tokenize as tokenize;

// The READMEs' Rust examples (the project's and the crate's) are compiled
// and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct CrateReadmeDoctests;
