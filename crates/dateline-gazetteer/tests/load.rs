//! Loader errors name the file, line and column; good files load whole.

use std::path::PathBuf;

use dateline_gazetteer::{CasePolicy, Entry, Gazetteer};

use crate::cases;

const ERRORS: &str = include_str!("data/load_errors.jsonl");
const FIELDS: &str = include_str!("data/load_fields.jsonl");
const LANGS: &str = include_str!("data/load_langs.jsonl");

#[test]
fn load_error_cases() {
    for case in cases::read("load_errors.jsonl", ERRORS) {
        let name = cases::str(&case, "name");
        let input = cases::str(&case, "input");
        let mut builder = Gazetteer::builder();
        let result = match cases::str(&case, "format") {
            "tsv" => builder.add_tsv_reader(input.as_bytes()).map(|_| ()),
            "jsonl" => builder.add_jsonl_reader(input.as_bytes()).map(|_| ()),
            other => panic!("{name}: unknown format {other}"),
        };
        let err = result.expect_err(name);
        assert_eq!(err.to_string(), cases::str(&case, "error"), "case {name}");
        assert_eq!(err.line(), case["line"].as_u64(), "case {name}");
        assert!(!err.is_io(), "case {name}");
        assert_eq!(err.path(), None, "case {name}");
    }
}

/// The gazetteer a load case's `input` builds, read as its `format` says.
fn load_case(case: &serde_json::Value, name: &str) -> Gazetteer {
    let input = cases::str(case, "input");
    let mut builder = Gazetteer::builder();
    match cases::str(case, "format") {
        "tsv" => builder.add_tsv_reader(input.as_bytes()),
        "jsonl" => builder.add_jsonl_reader(input.as_bytes()),
        other => panic!("{name}: unknown format {other}"),
    }
    .unwrap_or_else(|e| panic!("case {name}: {e}"));
    builder.build().unwrap()
}

/// The optional `country` and `admin1` columns and fields: found by name,
/// empty or null for none, absent in older files.
#[test]
fn load_field_cases() {
    for case in cases::read("load_fields.jsonl", FIELDS) {
        let name = cases::str(&case, "name");
        let gazetteer = load_case(&case, name);
        let found: Vec<[Option<&str>; 5]> = gazetteer
            .entries()
            .map(|e| [Some(e.name()), Some(e.label()), Some(e.id()), e.country(), e.admin1()])
            .collect();
        let expected: Vec<[Option<&str>; 5]> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                let row = row.as_array().unwrap();
                std::array::from_fn(|i| row[i].as_str())
            })
            .collect();
        assert_eq!(found, expected, "case {name}");
        // The owned copies agree with the views.
        for (entry, view) in gazetteer.to_entries().iter().zip(gazetteer.entries()) {
            assert_eq!((entry.country(), entry.admin1()), (view.country(), view.admin1()));
        }
    }
}

/// The optional `lang` column and field: codes (any case, region subtags
/// ignored) separated by commas or spaces, a string or an array in JSON;
/// empty, null or absent for every language.
#[test]
fn load_lang_cases() {
    for case in cases::read("load_langs.jsonl", LANGS) {
        let name = cases::str(&case, "name");
        let gazetteer = load_case(&case, name);
        let found: Vec<(String, String)> = gazetteer
            .entries()
            .map(|e| {
                let codes: Vec<&str> = e.langs().map(|l| l.code()).collect();
                (e.name().to_owned(), codes.join(","))
            })
            .collect();
        let expected: Vec<(String, String)> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| (row[0].as_str().unwrap().to_owned(), row[1].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(found, expected, "case {name}");
        for (entry, view) in gazetteer.to_entries().iter().zip(gazetteer.entries()) {
            assert!(entry.langs().iter().copied().eq(view.langs()), "case {name}");
            assert_eq!(*entry, view, "case {name}");
        }
    }
}

/// A scratch file in the system's temporary directory, removed on drop.
pub struct TempFile(pub PathBuf);

impl TempFile {
    pub fn new(name: &str, contents: &[u8]) -> TempFile {
        let dir = std::env::temp_dir().join(format!("dateline-gazetteer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn file_errors_name_the_file() {
    let file =
        TempFile::new("names.tsv", b"name\tlabel\tid\nWang Yi\tPERSON\twang-yi\nKuleba\tPERSON\n");
    let err = Gazetteer::builder().add_file(&file.0).unwrap_err();
    assert_eq!(err.path(), Some(file.0.as_path()));
    assert_eq!(err.line(), Some(3));
    assert_eq!(
        err.to_string(),
        format!(
            "loading gazetteer {:?}: line 3: expected 3 tab-separated fields, found 2",
            file.0.display().to_string()
        )
    );

    let file = TempFile::new("names.jsonl", b"{\"name\": \"Wang Yi\", \"label\": \"PERSON\"}\n");
    let err = Gazetteer::builder().add_file(&file.0).unwrap_err();
    assert!(err.to_string().ends_with(": line 1: missing field \"id\""), "{err}");
    assert_eq!(err.path(), Some(file.0.as_path()));
    let file = TempFile::new(
        "places.jsonl",
        b"{\"name\": \"Portland\", \"label\": \"GPE\", \"id\": \"1\", \"admin1\": \"US-ME\"}\n\
          {\"name\": \"Portland\", \"label\": \"GPE\", \"id\": \"2\", \"admin1\": {\"id\": \"US-OR\"}}\n",
    );
    let err = Gazetteer::builder().add_file(&file.0).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "loading gazetteer {:?}: line 2: field \"admin1\" must be a string or an integer",
            file.0.display().to_string()
        )
    );
    assert_eq!((err.path(), err.line()), (Some(file.0.as_path()), Some(2)));
}

#[test]
fn missing_file_is_an_io_error() {
    let err = Gazetteer::builder().add_tsv_file("/nonexistent/dateline/names.tsv").unwrap_err();
    assert!(err.is_io());
    assert!(std::error::Error::source(&err).is_some());
    assert!(
        err.to_string().starts_with("loading gazetteer \"/nonexistent/dateline/names.tsv\": "),
        "{err}"
    );
}

/// A directory failed with "line 1: Is a directory (os error 21)".
#[test]
fn regression_a_directory_is_named_as_one() {
    let dir = std::env::temp_dir();
    let err = Gazetteer::builder().add_file(&dir).unwrap_err();
    assert!(err.is_io());
    assert_eq!(err.line(), None);
    assert_eq!(
        err.to_string(),
        format!(
            "loading gazetteer {:?}: is a directory, not a gazetteer file",
            dir.display().to_string()
        )
    );
}

#[test]
fn a_failing_file_adds_nothing() {
    let mut builder = Gazetteer::builder();
    builder.entry(Entry::new("Kyiv", "GPE", "703448"));
    let bad = "name\tlabel\tid\nWang Yi\tPERSON\twang-yi\nbroken\n";
    assert!(builder.add_tsv_reader(bad.as_bytes()).is_err());
    let gazetteer = builder.build().unwrap();
    assert_eq!(gazetteer.len(), 1);
}

#[test]
fn shared_file_format_loads() {
    // The first rows of ../shared/gazetteers/countries.tsv and cities.tsv,
    // with their extra columns.
    let countries = "name\tlabel\tid\tiso3\tkind\tcase\tsource\n\
        Aruba\tCOUNTRY\tAW\tABW\tcommon\tfold\tmledoze/countries\n\
        AW\tCOUNTRY\tAW\tABW\talt\texact\tmledoze/countries\n";
    let cities = "name\tlabel\tid\tcountry\tpopulation\tkind\tcase\n\
        les Escaldes\tCITY\t3040051\tAD\t15853\tname\tfold\n";
    let mut builder = Gazetteer::builder();
    builder.add_tsv_reader(countries.as_bytes()).unwrap();
    builder.add_tsv_reader(cities.as_bytes()).unwrap();
    let gazetteer = builder.build().unwrap();
    assert_eq!(
        gazetteer.to_entries(),
        [
            Entry::new("Aruba", "COUNTRY", "AW").with_case(CasePolicy::Insensitive),
            Entry::new("AW", "COUNTRY", "AW").with_case(CasePolicy::Sensitive),
            Entry::new("les Escaldes", "CITY", "3040051")
                .with_prior(15853.0)
                .with_case(CasePolicy::Insensitive)
                .with_country("AD"),
        ]
    );
    let labels: Vec<_> = gazetteer.find_iter("aw, AW, Les Escaldes").map(|m| m.span()).collect();
    assert_eq!(labels.len(), 2);
}

#[test]
fn seed_gazetteer_loads() {
    let tsv = include_str!("../../../seeds/gazetteer.tsv");
    let gazetteer = Gazetteer::builder().add_tsv_reader(tsv.as_bytes()).unwrap().build().unwrap();
    assert_eq!(gazetteer.len(), 10);
    let text = "Dmytro Kuleba met Wang Yi; the Commerce Ministry cited the UN Charter.";
    let found: Vec<(&str, &str)> =
        gazetteer.find_iter(text).map(|m| (&text[m.span()], m.label())).collect();
    assert_eq!(
        found,
        [
            ("Dmytro Kuleba", "PERSON"),
            ("Wang Yi", "PERSON"),
            ("Commerce Ministry", "ORG"),
            ("UN Charter", "LAW"),
        ]
    );
}
