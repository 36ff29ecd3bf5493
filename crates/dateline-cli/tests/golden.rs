//! Golden outputs: `seeds/*.txt` against `seeds/expected/*.jsonl`.
//!
//! The expected files change only through the bless command,
//! `DATELINE_BLESS=1 cargo test -p dateline-cli --test integration golden`,
//! and the diff is reviewed like code.

use std::fs;

use crate::{dateline, root};

/// Each seed document with its reference date, from `seeds/reference-dates.tsv`.
fn seeds() -> Vec<(String, String)> {
    let table = fs::read_to_string(root().join("seeds/reference-dates.tsv")).expect("seeds table");
    table
        .lines()
        .skip(1)
        .map(|line| {
            let (file, date) = line.split_once('\t').expect("file<TAB>date");
            (file.to_owned(), date.to_owned())
        })
        .collect()
}

fn check_golden(args: &[&str], expected_name: &str) {
    let output = dateline(args, b"");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    let actual = String::from_utf8(output.stdout).expect("UTF-8 output");
    let path = root().join("seeds/expected").join(expected_name);
    if std::env::var_os("DATELINE_BLESS").is_some() {
        fs::write(&path, &actual).expect("write the expected file");
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("{}: {err} (bless with DATELINE_BLESS=1)", path.display()));
    // Compare as JSON values so a failure shows the first differing field.
    let parse = |text: &str| -> Vec<serde_json::Value> {
        text.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
    };
    assert_eq!(parse(&actual), parse(&expected), "{args:?} differs from {}", path.display());
    assert_eq!(actual, expected, "{args:?}: same values, different formatting");
}

#[test]
fn golden_extract_on_every_seed() {
    for (file, date) in seeds() {
        let seed = format!("seeds/{file}");
        let stem = file.trim_end_matches(".txt");
        check_golden(
            &["extract", "--gazetteer", "seeds/gazetteer.tsv", "--reference-date", &date, &seed],
            &format!("{stem}.extract.jsonl"),
        );
    }
}

#[test]
fn golden_entities_on_the_seed_article() {
    check_golden(
        &["entities", "--gazetteer", "seeds/gazetteer.tsv", "seeds/000_6893e9d60b43f7bd.txt"],
        "000_6893e9d60b43f7bd.entities.jsonl",
    );
}
