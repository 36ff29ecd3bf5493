//! Compiles the embedded default gazetteer once, at build time, so that
//! `dateline` loads it ready-made instead of compiling its 40,000 entries
//! on every run (the larger part of the command's start-up time).

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = dateline_gazetteer::Gazetteer::embedded()
        .to_bytes()
        .expect("the embedded gazetteer serializes");
    std::fs::write(out.join("default.gazetteer"), bytes).expect("OUT_DIR is writable");
    // Rebuilt whenever dateline-gazetteer (a build dependency) changes.
    println!("cargo::rerun-if-changed=build.rs");
}
