//! Table-driven cases of the context rules.
