//! Reading the JSON Lines case tables of `tests/data/`.

use std::collections::HashSet;

use serde_json::Value;

/// The cases of a table: one JSON object per non-blank line, each with a
/// unique `"name"`.
pub fn read(table: &str, source: &str) -> Vec<Value> {
    let mut names = HashSet::new();
    let mut cases = Vec::new();
    for (i, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{table} line {}: {e}", i + 1));
        let name =
            case["name"].as_str().unwrap_or_else(|| panic!("{table} line {}: no name", i + 1));
        assert!(names.insert(name.to_string()), "{table}: duplicate case name {name:?}");
        cases.push(case);
    }
    assert!(!cases.is_empty(), "{table} has no cases");
    cases
}

pub fn str<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key].as_str().unwrap_or_else(|| panic!("case {}: {key} is not a string", case["name"]))
}
