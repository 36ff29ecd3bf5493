//! Table-driven sentence-splitter cases from `tests/data/sentences.toml`.

use std::collections::HashSet;

use dateline_tokenize::SentenceSplitter;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
}

fn cases() -> Vec<Case> {
    let cases: Cases = toml::from_str(include_str!("data/sentences.toml"))
        .expect("tests/data/sentences.toml parses");
    cases.case
}

#[test]
fn case_names_are_unique() {
    let mut seen = HashSet::new();
    for case in cases() {
        assert!(seen.insert(case.name.clone()), "duplicate case name {:?}", case.name);
    }
}

#[test]
fn sentence_cases() {
    let splitter = SentenceSplitter::new();
    let mut failures = Vec::new();
    for case in cases() {
        let got: Vec<&str> = splitter.sentences(&case.text).map(|s| &case.text[s]).collect();
        if got != case.sentences {
            failures.push(format!("{}: expected {:?}\n   got {got:?}", case.name, case.sentences));
        }
        // The Vec and the lazy iterator agree.
        assert_eq!(splitter.split(&case.text).len(), got.len(), "{}", case.name);
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}
