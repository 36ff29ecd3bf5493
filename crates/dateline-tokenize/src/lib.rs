//! News-aware tokenization and sentence splitting with exact byte spans.
//!
//! Placeholder crate root: the tokenizer lands in its own modules.

mod offsets;
mod span;

pub use crate::{offsets::CharOffsets, span::Span};
