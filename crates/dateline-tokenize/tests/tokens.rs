//! Table-driven tokenizer cases from `tests/data/tokens.toml`.

use std::collections::HashSet;

use dateline_tokenize::{Mode, Tokenizer};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    mode: Option<String>,
    tokens: Vec<String>,
    #[serde(default)]
    kinds: Option<Vec<String>>,
    #[serde(default)]
    spans: Option<Vec<[usize; 2]>>,
}

fn cases() -> Vec<Case> {
    let cases: Cases =
        toml::from_str(include_str!("data/tokens.toml")).expect("tests/data/tokens.toml parses");
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
fn token_cases() {
    let mut failures = Vec::new();
    for case in cases() {
        let mode: Mode = case.mode.as_deref().unwrap_or("default").parse().expect("valid mode");
        let tokens = Tokenizer::with_mode(mode).tokenize(&case.text);
        let texts: Vec<&str> = tokens.iter().map(|t| &case.text[t.span()]).collect();
        if texts != case.tokens {
            failures.push(format!("{}: expected {:?}\n   got {:?}", case.name, case.tokens, texts));
            continue;
        }
        if let Some(kinds) = &case.kinds {
            let got: Vec<&str> = tokens.iter().map(|t| t.kind().as_str()).collect();
            if &got != kinds {
                failures.push(format!("{}: kinds expected {kinds:?}\n   got {got:?}", case.name));
            }
        }
        if let Some(spans) = &case.spans {
            let got: Vec<[usize; 2]> = tokens.iter().map(|t| [t.start(), t.end()]).collect();
            if &got != spans {
                failures.push(format!("{}: spans expected {spans:?}\n   got {got:?}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}
