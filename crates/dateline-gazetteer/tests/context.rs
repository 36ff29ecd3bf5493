//! Table-driven cases of the context rules ([`Resolver`]), from
//! `tests/data/context.toml`, against the small gazetteer of
//! `tests/data/context_gazetteer.tsv` (so that the cases do not move when
//! the embedded default data does).
//!
//! Each case lists every entity expected, in order, one string each:
//! `surface|LABEL|source` then, as they apply, the rule that decided
//! (`head:org`), `enclosing=<surface>` (with `nested = "flag"`) and, when
//! the case sets `ids = true`, `id=<id>` for gazetteer entities. A missing
//! or extra entity fails the case like a wrong one.
//!
//! Cases the rules get wrong today sit in `[[known_failure]]` entries of
//! the same shape, with a `bug` saying what goes wrong: the test checks
//! that each still fails, so a fix announces itself and the case moves to
//! `[[case]]`.
//!
//! Every case runs twice: through [`Resolver::find`], and through
//! [`Resolver::resolve_normalized`] on a text prepared for the
//! gazetteer's and the resolver's matchers, as a pipeline runs it.

use std::collections::HashSet;
use std::sync::OnceLock;

use dateline_gazetteer::{Gazetteer, Nested, Resolved, Resolver, Source};
use toml::{Table, Value};

const TABLE: &str = include_str!("data/context.toml");
const GAZETTEER: &str = include_str!("data/context_gazetteer.tsv");

/// One case of the table.
struct Case {
    name: String,
    text: String,
    nested: Nested,
    ids: bool,
    entities: Vec<String>,
}

fn field<'a>(table: &'a Table, section: &str, i: usize, key: &str) -> Option<&'a Value> {
    let value = table.get(key);
    if let Some(value) = value {
        let ok = match key {
            "ids" => value.is_bool(),
            "entities" => value.as_array().is_some_and(|a| a.iter().all(Value::is_str)),
            _ => value.is_str(),
        };
        assert!(ok, "context.toml: [[{section}]] #{}: {key} has the wrong type", i + 1);
    }
    value
}

fn read_cases(section: &str) -> Vec<Case> {
    let table: Table = TABLE.parse().unwrap_or_else(|e| panic!("context.toml: {e}"));
    for key in table.keys() {
        assert!(
            key == "case" || key == "known_failure",
            "context.toml: unknown section [[{key}]] (expected case or known_failure)"
        );
    }
    let Some(entries) = table.get(section) else { return Vec::new() };
    let entries = entries
        .as_array()
        .unwrap_or_else(|| panic!("context.toml: {section} is not an array of tables"));
    let mut cases = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let entry = entry
            .as_table()
            .unwrap_or_else(|| panic!("context.toml: [[{section}]] #{} is not a table", i + 1));
        let mut known = vec!["name", "text", "nested", "ids", "entities"];
        if section == "known_failure" {
            known.push("bug");
            assert!(
                field(entry, section, i, "bug").is_some(),
                "context.toml: [[known_failure]] #{} says no bug",
                i + 1
            );
        }
        for key in entry.keys() {
            assert!(
                known.contains(&key.as_str()),
                "context.toml: [[{section}]] #{}: unknown key {key:?}",
                i + 1
            );
        }
        let string = |key: &str| {
            field(entry, section, i, key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| panic!("context.toml: [[{section}]] #{} has no {key}", i + 1))
        };
        let name = string("name");
        let nested = match field(entry, section, i, "nested").and_then(Value::as_str) {
            Some(policy) => {
                policy.parse().unwrap_or_else(|e| panic!("context.toml: case {name}: {e}"))
            }
            None => Nested::Drop,
        };
        let entities = field(entry, section, i, "entities")
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("context.toml: case {name} has no entities"))
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
        cases.push(Case {
            text: string("text"),
            ids: field(entry, section, i, "ids").and_then(Value::as_bool).unwrap_or(false),
            name,
            nested,
            entities,
        });
    }
    cases
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER_CELL: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER_CELL.get_or_init(|| {
        Gazetteer::builder()
            .add_tsv_reader(GAZETTEER.as_bytes())
            .and_then(|b| b.build())
            .unwrap_or_else(|e| panic!("context_gazetteer.tsv: {e}"))
    })
}

/// An entity as the table writes it.
fn render(text: &str, entity: &Resolved<'_>, ids: bool) -> String {
    let mut out =
        format!("{}|{}|{}", &text[entity.span()], entity.label(), entity.source().as_str());
    if let Some(rule) = entity.rule() {
        out.push('|');
        out.push_str(rule);
    }
    if let Some(enclosing) = entity.enclosing() {
        out.push_str("|enclosing=");
        out.push_str(&text[enclosing]);
    }
    if ids && entity.source() == Source::Gazetteer {
        out.push_str("|id=");
        out.push_str(entity.id());
    }
    out
}

/// What the resolver reads in a case's text, by both routes; the second is
/// `None` when it agrees with the first. A panic is caught and reported as
/// the one entity `PANIC: <message>`, so that it fails its case (or keeps a
/// known failure failing) without hiding the other cases.
fn run(case: &Case) -> (Vec<String>, Option<Vec<String>>) {
    std::panic::catch_unwind(|| run_unguarded(case)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("(no message)");
        (vec![format!("PANIC: {message}")], None)
    })
}

fn run_unguarded(case: &Case) -> (Vec<String>, Option<Vec<String>>) {
    let gazetteer = gazetteer();
    let resolver = Resolver::builder().nested(case.nested).build();
    let text = case.text.as_str();
    let found: Vec<String> =
        resolver.find(gazetteer, text).iter().map(|e| render(text, e, case.ids)).collect();
    let mut normalized = gazetteer.normalizer().normalize(text);
    normalized.prepare_for(&[gazetteer.matcher(), resolver.matcher()]);
    let matches: Vec<_> = gazetteer.find_iter_normalized(&normalized).collect();
    let piped: Vec<String> = resolver
        .resolve_normalized(&normalized, matches)
        .iter()
        .map(|e| render(text, e, case.ids))
        .collect();
    let piped = (piped != found).then_some(piped);
    (found, piped)
}

/// A readable difference: the expected list, then what was found, marking
/// the entities of each that the other lacks.
fn diff(expected: &[String], got: &[String]) -> String {
    let mut out = String::new();
    for (title, list, other) in [("expected", expected, got), ("got", got, expected)] {
        out.push_str(&format!("    {title}:\n"));
        if list.is_empty() {
            out.push_str("      (nothing)\n");
        }
        for entity in list {
            let mark = if other.contains(entity) { ' ' } else { '!' };
            out.push_str(&format!("     {mark}{entity:?}\n"));
        }
    }
    out
}

#[test]
fn context_case_names_are_unique() {
    let mut seen = HashSet::new();
    for case in read_cases("case").into_iter().chain(read_cases("known_failure")) {
        assert!(
            seen.insert(case.name.clone()),
            "context.toml: duplicate case name {:?}",
            case.name
        );
    }
}

#[test]
fn context_gazetteer_loads() {
    assert!(gazetteer().len() >= 30, "the test gazetteer has {} entries", gazetteer().len());
}

#[test]
fn context_cases() {
    let cases = read_cases("case");
    assert!(!cases.is_empty(), "context.toml has no cases");
    let mut failures = Vec::new();
    for case in &cases {
        let (found, piped) = run(case);
        if found != case.entities {
            failures.push(format!(
                "case {} ({}): {:?}\n{}",
                case.name,
                case.nested,
                case.text,
                diff(&case.entities, &found)
            ));
        }
        if let Some(piped) = piped {
            failures.push(format!(
                "case {} ({}): find and resolve_normalized disagree on {:?}\n{}",
                case.name,
                case.nested,
                case.text,
                diff(&found, &piped)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} context cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Known failures must still fail; one that passes is fixed and belongs in
/// `[[case]]`.
#[test]
fn context_known_failures_still_fail() {
    let mut fixed = Vec::new();
    for case in read_cases("known_failure") {
        let (found, piped) = run(&case);
        if found == case.entities && piped.is_none() {
            fixed.push(case.name);
        }
    }
    assert!(
        fixed.is_empty(),
        "these known failures pass now; move them to [[case]]: {}",
        fixed.join(", ")
    );
}
