//! dateline-gazetteer (placeholder crate root).
