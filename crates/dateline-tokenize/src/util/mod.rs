//! Internals: character classes, abbreviation and date-word lists, and
//! generated tables.

pub(crate) mod abbrev;
pub(crate) mod chars;
pub(crate) mod datewords;
mod marks;
