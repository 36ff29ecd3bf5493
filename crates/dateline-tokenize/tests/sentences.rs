//! Table-driven sentence-splitter cases from `tests/data/sentences*.toml`.

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

/// Every case file, by name: the general cases and the news conventions
/// for times and dates.
const FILES: &[(&str, &str)] = &[
    ("sentences.toml", include_str!("data/sentences.toml")),
    ("sentences-news.toml", include_str!("data/sentences-news.toml")),
];

fn cases() -> Vec<Case> {
    let mut all = Vec::new();
    for (name, text) in FILES {
        let cases: Cases = toml::from_str(text)
            .unwrap_or_else(|e| panic!("tests/data/{name} does not parse: {e}"));
        all.extend(cases.case);
    }
    all
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
