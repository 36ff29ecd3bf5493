//! Table-driven matching cases, run across configurations: accent folding
//! on and off (unless a case pins it) × plain and pre-normalized search.

use dateline_gazetteer::{CasePolicy, Entry, Gazetteer};
use serde_json::Value;

use crate::cases;

const MATCHING: &str = include_str!("data/matching.jsonl");

fn entries(case: &Value) -> Vec<Entry> {
    let rows = case["entries"].as_array().expect("entries");
    rows.iter()
        .map(|row| {
            let f: Vec<&str> =
                row.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            let entry = Entry::new(f[0], f[1], f[2]);
            match f.get(3) {
                Some(&"exact") => entry.with_case(CasePolicy::Sensitive),
                Some(&"fold") => entry.with_case(CasePolicy::Insensitive),
                Some(&"auto") => entry.with_case(CasePolicy::Auto),
                Some(other) => panic!("case {}: unknown case {other}", case["name"]),
                None => entry,
            }
        })
        .collect()
}

#[test]
fn matching_cases() {
    for case in cases::read("matching.jsonl", MATCHING) {
        let name = cases::str(&case, "name");
        let text = cases::str(&case, "text");
        let expected: Vec<(String, String, String)> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                let f: Vec<&str> =
                    row.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
                (f[0].to_string(), f[1].to_string(), f[2].to_string())
            })
            .collect();
        let foldings = match case["accent_folding"].as_bool() {
            Some(pinned) => vec![pinned],
            None => vec![true, false],
        };
        for accent_folding in foldings {
            let gazetteer = Gazetteer::builder()
                .accent_folding(accent_folding)
                .entries(entries(&case))
                .build()
                .unwrap_or_else(|e| panic!("case {name}: {e}"));
            let normalized = gazetteer.normalizer().normalize(text);
            let searches =
                [gazetteer.find(text), gazetteer.find_iter_normalized(&normalized).collect()];
            for (search, found) in searches.iter().enumerate() {
                let found: Vec<(String, String, String)> = found
                    .iter()
                    .map(|m| {
                        (text[m.span()].to_string(), m.label().to_string(), m.id().to_string())
                    })
                    .collect();
                assert_eq!(
                    found, expected,
                    "case {name}, accent folding {accent_folding}, search {search}"
                );
            }
        }
    }
}

#[test]
fn spans_are_on_char_boundaries_of_the_original() {
    let gazetteer =
        Gazetteer::new([Entry::new("Straße", "LOC", "s"), Entry::new("Київ", "GPE", "k")]).unwrap();
    let text = "STRASSE — «Київ», Straße.";
    let found = gazetteer.find(text);
    assert_eq!(found.len(), 3);
    for m in found {
        assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
        assert_eq!(m.end() - m.start(), m.span().len());
    }
}
