//! The `dateline` command (placeholder).

fn main() {}
