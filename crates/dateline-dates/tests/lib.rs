//! Integration tests for dateline-dates: data-driven case tables, the seed
//! article, known false positives and property tests.

mod cases;
mod props;
mod seed;
#[cfg(feature = "serde")]
mod serde;
