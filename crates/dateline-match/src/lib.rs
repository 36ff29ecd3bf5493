//! dateline-match (placeholder crate root).
