//! Replays every minimized fuzz input kept in `fuzz/regressions/<target>/`
//! through the same code the fuzz target runs (`fuzz/src/lib.rs`), so a
//! crash found by fuzzing stays fixed.

use std::path::{Path, PathBuf};

use crate::fuzz_targets as targets;

/// Inputs that still crash, by file name, with the bug they show. They are
/// skipped by [`replay`] and replayed by ignored tests below until fixed.
const OPEN_BUGS: &[&str] = &[];

/// A fuzz target's body.
type Target = fn(&[u8]);

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions").join(target);
    let Ok(read) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = read
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn replay(target: &str, run: Target) {
    for path in inputs(target) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if OPEN_BUGS.contains(&name) {
            continue;
        }
        let data = std::fs::read(&path).expect("a readable regression input");
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "fuzz regression {} fails again", path.display());
    }
}

#[test]
fn tokenize() {
    replay("tokenize", targets::tokenize);
}

#[test]
fn matching() {
    replay("match", targets::matching);
}

#[test]
fn gazetteer_load() {
    replay("gazetteer_load", targets::gazetteer_load);
}

#[test]
fn dates() {
    replay("dates", targets::dates);
}

/// Replays the inputs of open bugs; passes once they are all fixed (then
/// empty `OPEN_BUGS`).
#[test]
#[ignore = "replays fuzz inputs of open bugs listed in OPEN_BUGS"]
fn open_bugs() {
    let runs: [(&str, Target); 4] = [
        ("tokenize", targets::tokenize),
        ("match", targets::matching),
        ("gazetteer_load", targets::gazetteer_load),
        ("dates", targets::dates),
    ];
    for (target, run) in runs {
        for path in inputs(target) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if OPEN_BUGS.contains(&name) {
                run(&std::fs::read(&path).expect("a readable regression input"));
            }
        }
    }
}

#[test]
fn open_bugs_are_kept_as_regression_files() {
    let all: Vec<String> = ["tokenize", "match", "gazetteer_load", "dates"]
        .into_iter()
        .flat_map(inputs)
        .filter_map(|p| p.file_name().and_then(|n| n.to_str()).map(str::to_owned))
        .collect();
    for bug in OPEN_BUGS {
        assert!(all.iter().any(|name| name == bug), "{bug} is not in fuzz/regressions/");
    }
}
