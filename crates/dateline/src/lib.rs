//! dateline (placeholder crate root).
