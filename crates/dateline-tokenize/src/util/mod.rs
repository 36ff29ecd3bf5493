//! Internals: character classes, abbreviation lists and generated tables.

pub(crate) mod abbrev;
pub(crate) mod chars;
mod marks;
