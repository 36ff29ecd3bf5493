//! dateline-dates (placeholder crate root).
