//! Cross-crate integration tests: one binary, one module per area.

mod common;
// The fuzz targets' bodies and invariant checks, shared with `fuzz/`.
mod fuzz_regressions;
#[path = "../../fuzz/src/lib.rs"]
mod fuzz_targets;
mod gazetteer_files;
mod manifests;
mod pathological;
mod properties;
mod stress;
