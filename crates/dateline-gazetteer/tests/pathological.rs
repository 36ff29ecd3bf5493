//! Duplicate, empty, whitespace-only and very long names.

use dateline_gazetteer::{Entry, Gazetteer};

#[test]
fn duplicates_are_kept_once_per_form() {
    let gazetteer =
        Gazetteer::new(std::iter::repeat_n(Entry::new("Kyiv", "GPE", "703448"), 1000)).unwrap();
    assert_eq!(gazetteer.len(), 1000);
    assert_eq!(gazetteer.forms_len(), 1);
    let found = gazetteer.find("Kyiv Kyiv");
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].candidates().len(), 1);
}

#[test]
fn empty_and_whitespace_names_are_build_errors() {
    for name in ["", " ", "\t\n", "\u{3000}"] {
        let err = Gazetteer::new([Entry::new("Kyiv", "GPE", "1"), Entry::new(name, "GPE", "2")])
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("building gazetteer: entry 1 ({name:?}, id \"2\"): empty name")
        );
    }
    let err = Gazetteer::new([Entry::new("Kyiv", "GPE", "1").with_alias(" ")]).unwrap_err();
    assert!(err.to_string().ends_with("empty alias"), "{err}");
    let err = Gazetteer::new([Entry::new("Kyiv", "", "1")]).unwrap_err();
    assert!(err.to_string().ends_with("empty label"), "{err}");
    let err = Gazetteer::new([Entry::new("Kyiv", "GPE", "1").with_prior(f64::NAN)]).unwrap_err();
    assert!(err.to_string().contains("invalid prior"), "{err}");
}

#[test]
fn empty_and_overlong_country_and_admin1_are_build_errors() {
    let err = Gazetteer::new([
        Entry::new("Kyiv", "GPE", "1").with_country("UA"),
        Entry::new("Lviv", "GPE", "2").with_country(" "),
    ])
    .unwrap_err();
    assert_eq!(err.to_string(), "building gazetteer: entry 1 (\"Lviv\", id \"2\"): empty country");
    let err = Gazetteer::new([Entry::new("Lviv", "GPE", "2").with_admin1("")]).unwrap_err();
    assert!(err.to_string().ends_with("empty admin1"), "{err}");
    let long = "UA".repeat(600);
    let err = Gazetteer::new([Entry::new("Lviv", "GPE", "2").with_admin1(long)]).unwrap_err();
    assert!(err.to_string().contains("admin1 is 1200 bytes long"), "{err}");
}

#[test]
fn names_that_fold_to_nothing_are_build_errors() {
    // A lone combining accent vanishes with accent folding on.
    let err = Gazetteer::new([Entry::new("\u{301}", "GPE", "accent")]).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(r#"building gazetteer: name "\u{301}" of the entry with id "accent""#),
        "{err}"
    );
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn ten_kilobyte_names_are_rejected_with_a_short_message() {
    let long = "Llanfair".repeat(1280);
    let err = Gazetteer::new([Entry::new(long.as_str(), "GPE", "1")]).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("name is 10240 bytes long, more than the limit of 1024 bytes"),
        "{message}"
    );
    assert!(message.len() < 300, "{message}");
    let tsv = format!("name\tlabel\tid\n{long}\tGPE\t1\n");
    let err = Gazetteer::builder().add_tsv_reader(tsv.as_bytes()).unwrap_err();
    assert_eq!(err.line(), Some(2));
}

#[test]
fn long_texts_and_odd_input_never_fail() {
    let gazetteer =
        Gazetteer::new([Entry::new("a", "X", "1"), Entry::new("a a", "X", "2")]).unwrap();
    let text = "a ".repeat(100_000);
    assert_eq!(gazetteer.find(&text).len(), 50_000);
    for text in ["", "\u{0}", "\u{feff}a", "🇺🇦 a", "a\u{301}"] {
        let _ = gazetteer.find(text);
    }
}
