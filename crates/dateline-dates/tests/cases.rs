//! Table-driven cases from `tests/data/*.toml`.

use std::collections::HashSet;

use dateline_dates::{Date, DateExtractor, DateTime, Direction};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    reference_date: Option<String>,
    /// A reference time of day ("04:30:00"): the case runs through `extract_at`.
    reference_time: Option<String>,
    direction: Option<String>,
    day_first: Option<bool>,
    /// The language (default `en`).
    lang: Option<String>,
    #[serde(default)]
    expected: Vec<Expected>,
    /// Only check the listed expressions, allow others.
    #[serde(default)]
    partial: bool,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    text: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    value: Option<String>,
    #[serde(rename = "mod")]
    modifier: Option<String>,
    begin: Option<String>,
    end: Option<String>,
    /// A part of `rule()` that must appear (the deciding cue).
    rule: Option<String>,
}

const TABLES: &[(&str, &str)] = &[
    ("absolute.toml", include_str!("data/absolute.toml")),
    ("relative.toml", include_str!("data/relative.toml")),
    ("durations_sets.toml", include_str!("data/durations_sets.toml")),
    ("times.toml", include_str!("data/times.toml")),
    ("false_positives.toml", include_str!("data/false_positives.toml")),
    ("edges.toml", include_str!("data/edges.toml")),
    ("clause.toml", include_str!("data/clause.toml")),
    ("de.toml", include_str!("data/de.toml")),
    ("fr.toml", include_str!("data/fr.toml")),
    ("es.toml", include_str!("data/es.toml")),
    ("uk.toml", include_str!("data/uk.toml")),
    ("ru.toml", include_str!("data/ru.toml")),
    ("zh.toml", include_str!("data/zh.toml")),
];

fn load() -> Vec<(&'static str, Case)> {
    let mut all = Vec::new();
    for (file, src) in TABLES {
        let table: Table = toml::from_str(src).unwrap_or_else(|e| panic!("{file}: {e}"));
        all.extend(table.case.into_iter().map(|c| (*file, c)));
    }
    all
}

#[test]
fn case_names_are_unique() {
    let mut seen = HashSet::new();
    for (file, case) in load() {
        assert!(seen.insert(case.name.clone()), "{file}: duplicate case name {:?}", case.name);
    }
}

#[test]
fn cases() {
    let mut failures = Vec::new();
    for (file, case) in load() {
        let reference: Date =
            case.reference_date.as_deref().unwrap_or("2024-07-24").parse().expect("reference date");
        let mut b = DateExtractor::builder();
        if let Some(d) = &case.direction {
            b.direction(d.parse::<Direction>().expect("direction"));
        }
        if let Some(df) = case.day_first {
            b.day_first(df);
        }
        if let Some(lang) = &case.lang {
            b.lang(lang.parse().expect("lang"));
        }
        let extractor = b.build().expect("build");
        let found = match &case.reference_time {
            Some(tm) => {
                let at: DateTime = format!("{reference}T{tm}").parse().expect("reference time");
                extractor.extract_at(&case.text, at)
            }
            None => extractor.extract(&case.text, reference),
        };
        let got: Vec<Expected> = found
            .iter()
            .map(|t| Expected {
                text: case.text.as_str()[t.span()].to_owned(),
                kind: Some(t.kind().to_string()),
                value: Some(t.value().to_owned()),
                modifier: t.modifier().map(|m| m.to_string()),
                begin: t.range().map(|r| r.begin().to_owned()),
                end: t.range().map(|r| r.end().to_owned()),
                rule: Some(t.rule().to_owned()),
            })
            .collect();
        let describe = |v: &[Expected]| {
            v.iter()
                .map(|e| {
                    format!(
                        "{:?}={}/{} [{}]",
                        e.text,
                        e.kind.as_deref().unwrap_or("?"),
                        e.value.as_deref().unwrap_or("?"),
                        e.rule.as_deref().unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut ok = case.partial || got.len() == case.expected.len();
        for exp in &case.expected {
            let hit = got.iter().any(|g| {
                g.text == exp.text
                    && exp.kind.as_ref().is_none_or(|k| g.kind.as_ref() == Some(k))
                    && exp.value.as_ref().is_none_or(|v| g.value.as_ref() == Some(v))
                    && exp.modifier.as_ref().is_none_or(|m| g.modifier.as_ref() == Some(m))
                    && exp.begin.as_ref().is_none_or(|b| g.begin.as_ref() == Some(b))
                    && exp.end.as_ref().is_none_or(|e| g.end.as_ref() == Some(e))
                    && exp
                        .rule
                        .as_ref()
                        .is_none_or(|r| g.rule.as_ref().is_some_and(|g| g.contains(r)))
            });
            ok &= hit;
        }
        if !ok {
            failures.push(format!(
                "{file}: {}: expected [{}], got [{}]",
                case.name,
                describe(&case.expected),
                describe(&got)
            ));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
