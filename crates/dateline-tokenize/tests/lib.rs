//! Integration tests for `dateline-tokenize`: table-driven cases from
//! `tests/data/*.toml`, property-based invariants, and linear-time checks.

mod data;
mod invariants;
mod linear;
mod sentences;
mod tokens;
