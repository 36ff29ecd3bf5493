//! Gazetteer files and entries with duplicate, empty, whitespace-only or
//! overlong names: a clear error naming the line (and column), or the
//! documented behaviour (duplicates merge per surface form).

use std::collections::BTreeSet;

use dateline::gazetteer::MAX_NAME_LEN;
use dateline::{Entry, Gazetteer};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    format: String,
    text: String,
    error: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
    find: Option<String>,
    found: Option<Vec<String>>,
}

fn cases() -> Vec<Case> {
    let cases: Cases =
        toml::from_str(include_str!("../data/gazetteer_files.toml")).expect("valid TOML");
    cases.case
}

fn long_name() -> String {
    "Kyiv".repeat(2560)
}

#[test]
fn case_names_are_unique() {
    let mut seen = BTreeSet::new();
    for case in cases() {
        assert!(seen.insert(case.name.clone()), "duplicate case name {}", case.name);
    }
}

#[test]
fn bad_and_odd_names() {
    for case in cases() {
        let text = case.text.replace("{10k}", &long_name());
        let mut builder = Gazetteer::builder();
        let loaded = match case.format.as_str() {
            "tsv" => builder.add_tsv_reader(text.as_bytes()).map(|_| ()),
            "jsonl" => builder.add_jsonl_reader(text.as_bytes()).map(|_| ()),
            other => panic!("{}: unknown format {other}", case.name),
        };
        let built = loaded.and_then(|()| builder.build());
        match (&case.error, built) {
            (Some(want), Err(err)) => {
                assert_eq!(&err.to_string(), want, "{}", case.name);
                assert_eq!(err.line(), case.line, "{}: line", case.name);
                assert_eq!(err.column(), case.column, "{}: column", case.name);
                assert!(!err.is_io() && err.path().is_none(), "{}", case.name);
            }
            (Some(want), Ok(_)) => panic!("{}: loaded, but expected {want:?}", case.name),
            (None, Err(err)) => panic!("{}: unexpected error {err}", case.name),
            (None, Ok(gazetteer)) => {
                let find = case.find.as_deref().expect("a case without error has `find`");
                let found: Vec<String> = gazetteer
                    .find(find)
                    .iter()
                    .map(|m| {
                        let ids: Vec<&str> = m.candidates().map(|c| c.id()).collect();
                        format!("{}={}", &find[m.span()], ids.join("|"))
                    })
                    .collect();
                assert_eq!(Some(&found), case.found.as_ref(), "{}", case.name);
            }
        }
    }
}

/// Entries made in code go through the same checks at build time, and the
/// error says which entry.
#[test]
fn bad_names_in_code() {
    let long = long_name();
    let bad = [
        (Entry::new("", "GPE", "x"), "empty name"),
        (Entry::new(" \n\t\u{a0}", "GPE", "x"), "empty name"),
        (Entry::new("Kyiv", "GPE", "x").with_alias("  "), "empty alias"),
        (Entry::new(long.as_str(), "GPE", "x"), "more than the limit of 1024 bytes"),
        (Entry::new("Kyiv", "", "x"), "empty label"),
        (Entry::new("Kyiv", "GPE", ""), "empty id"),
    ];
    for (entry, want) in bad {
        let entries = [Entry::new("Lviv", "GPE", "LV"), entry];
        let err = Gazetteer::new(entries).expect_err("a bad name fails the build");
        let message = err.to_string();
        assert!(message.starts_with("building gazetteer: entry 1 ("), "{message}");
        assert!(message.ends_with(want), "{message} should end with {want:?}");
    }
    // The limit is inclusive.
    let at_limit = "a".repeat(MAX_NAME_LEN);
    let gazetteer =
        Gazetteer::new([Entry::new(at_limit.as_str(), "X", "x")]).expect("a name at the limit");
    assert_eq!(gazetteer.find(&at_limit).len(), 1);
}

/// A name made only of a combining mark folds to nothing with accent
/// folding on: a build error rather than a pattern that matches anywhere.
#[test]
fn name_that_folds_to_nothing() {
    let err = Gazetteer::new([Entry::new("\u{301}", "X", "x")]).expect_err("folds to nothing");
    assert!(err.to_string().starts_with("building gazetteer: "), "{err}");
    let kept = Gazetteer::builder()
        .accent_folding(false)
        .entry(Entry::new("\u{301}", "X", "x"))
        .build()
        .expect("kept without accent folding");
    assert_eq!(kept.len(), 1);
}

/// Errors from files name the file as well as the line.
#[test]
fn file_errors_name_the_file_and_line() {
    let dir = std::env::temp_dir().join(format!("dateline-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join("names.tsv");
    std::fs::write(&path, "name\tlabel\tid\nKyiv\tGPE\tKY\n   \tGPE\tX\n").expect("written");
    let err = Gazetteer::builder().add_file(&path).map(|_| ()).expect_err("an empty name");
    std::fs::remove_dir_all(&dir).expect("cleaned up");
    assert_eq!(err.path(), Some(path.as_path()));
    assert_eq!(err.line(), Some(3));
    assert_eq!(
        err.to_string(),
        format!("loading gazetteer {:?}: line 3, column 1: empty name", path.display().to_string())
    );
}
