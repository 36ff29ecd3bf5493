//! Error messages a person can act on: the table in `data/errors.toml`.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use crate::{dateline, stderr};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    args: Vec<String>,
    #[serde(default)]
    stdin: String,
    error: String,
    location: Option<String>,
    hint: Option<String>,
}

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

fn cases() -> Vec<Case> {
    let table: Table = toml::from_str(include_str!("data/errors.toml")).expect("valid TOML");
    table.case
}

/// The fixtures `errors.toml` names.
fn fixtures(dir: &Path) {
    let gzip = |bytes: &[u8]| {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    };
    fs::write(dir.join("names.tsv.gz"), gzip(b"name\tlabel\tid\nKyiv\tGPE\tkyiv\n")).unwrap();
    let whole = gzip(b"{\"text\": \"One sentence, then another one.\"}\n");
    fs::write(dir.join("truncated.jsonl.gz"), &whole[..20]).unwrap();
    fs::write(dir.join("feed.xz"), b"\xfd7zXZ\x00\x00\x04\xe6\xd6\xb4\x46").unwrap();
    fs::write(dir.join("binary.txt"), b"\x7fE\xffLF\x00\x01\x00").unwrap();
    fs::create_dir(dir.join("folder")).unwrap();
}

#[test]
fn case_names_are_unique() {
    let mut seen = HashSet::new();
    for case in cases() {
        assert!(seen.insert(case.name.clone()), "duplicate case {}", case.name);
    }
}

#[test]
fn bad_inputs_give_messages_with_where_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    let dir_text = dir.path().to_str().unwrap();
    let fill = |s: &str| s.replace("{dir}", dir_text);
    for case in cases() {
        let args: Vec<String> = case.args.iter().map(|a| fill(a)).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = dateline(&args, case.stdin.as_bytes());
        let name = &case.name;
        assert!(!output.status.success(), "{name}: succeeded");
        let stderr = stderr(&output);
        let first = stderr.lines().find(|l| l.contains("error:")).unwrap_or_default();
        assert_eq!(first, fill(&case.error), "{name}");
        for part in [&case.location, &case.hint].into_iter().flatten() {
            assert!(first.contains(&fill(part)), "{name}: no {part:?} in {first}");
        }
        assert!(
            first.matches("(os error").count() <= 1,
            "{name}: an OS error is printed twice: {first}"
        );
    }
}
