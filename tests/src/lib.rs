//! Cross-crate tests for dateline live in `tests/tests/`; this library is empty.
