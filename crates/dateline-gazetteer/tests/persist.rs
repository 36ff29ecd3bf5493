//! Save/load round trips; truncated, corrupted and foreign files are errors.

use dateline_gazetteer::{CasePolicy, Entry, Gazetteer};

use crate::load::TempFile;

fn small() -> Gazetteer {
    Gazetteer::builder()
        .accent_folding(false)
        .case_policy(CasePolicy::Auto)
        .entry(Entry::new("Kyiv", "GPE", "703448").with_alias("Kiev").with_prior(2_952_301.0))
        .entry(Entry::new("UN", "ORG", "Q1065").with_case(CasePolicy::Sensitive))
        .entry(Entry::new("São Paulo", "GPE", "3448439").with_case(CasePolicy::Insensitive))
        .build()
        .unwrap()
}

#[test]
fn round_trip_keeps_entries_options_and_matches() {
    let gazetteer = small();
    let file = TempFile::new("small.dlgaz", &[]);
    gazetteer.save(&file.0).unwrap();
    let loaded = Gazetteer::load(&file.0).unwrap();
    assert!(loaded.entries().eq(gazetteer.entries()));
    assert_eq!(loaded.to_entries(), gazetteer.to_entries());
    assert_eq!(loaded.entry(0), gazetteer.entry(0));
    assert_eq!(loaded.entry(3), None);
    assert_eq!(loaded.forms_len(), gazetteer.forms_len());
    assert!(!loaded.accent_folding());
    assert_eq!(loaded.case_policy(), CasePolicy::Auto);
    let text = "From KIEV to the UN, un, Sao Paulo and São Paulo.";
    assert_eq!(loaded.find(text), gazetteer.find(text));
    assert_eq!(loaded.find(text).len(), 3);
    assert_eq!(loaded.to_bytes().unwrap(), gazetteer.to_bytes().unwrap());
}

/// Saving failed with "loading gazetteer ...".
#[test]
fn regression_save_failures_say_saving() {
    let path = std::env::temp_dir().join("no-such-dir-dateline").join("out.dlgaz");
    let err = small().save(&path).unwrap_err();
    assert!(err.is_io());
    let expected = format!("saving gazetteer {:?}: ", path.display().to_string());
    assert!(err.to_string().starts_with(&expected), "{err}");
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = small().to_bytes().unwrap();
    for len in 0..bytes.len() {
        let err = Gazetteer::from_bytes(&bytes[..len]).unwrap_err();
        assert!(err.is_format(), "length {len}: {err}");
    }
}

#[test]
fn every_flipped_byte_is_an_error() {
    let bytes = small().to_bytes().unwrap();
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut corrupted = bytes.clone();
            corrupted[i] ^= flip;
            assert!(
                Gazetteer::from_bytes(&corrupted).is_err(),
                "byte {i} ^ {flip:#x} was accepted"
            );
        }
    }
}

#[test]
fn foreign_and_empty_files_are_errors() {
    let err = Gazetteer::from_bytes(b"name\tlabel\tid\nKyiv\tGPE\t1\n").unwrap_err();
    assert!(err.is_format());
    assert_eq!(err.to_string(), "reading compiled gazetteer: not a compiled dateline gazetteer");
    assert!(Gazetteer::from_bytes(&[]).unwrap_err().is_format());

    let mut bytes = small().to_bytes().unwrap();
    bytes[8] = 99; // format version
    let err = Gazetteer::from_bytes(&bytes).unwrap_err();
    assert!(err.to_string().contains("format version 99 is not supported"), "{err}");

    let file =
        TempFile::new("foreign.dlgaz", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
    let err = Gazetteer::load(&file.0).unwrap_err();
    assert_eq!(err.path(), Some(file.0.as_path()));
    assert!(err.is_format() && !err.is_io());
    assert!(Gazetteer::load("/nonexistent/x.dlgaz").unwrap_err().is_io());
}

#[test]
fn empty_gazetteer_round_trips() {
    let empty = Gazetteer::new([]).unwrap();
    assert!(empty.is_empty());
    assert!(empty.find("anything at all").is_empty());
    let loaded = Gazetteer::from_bytes(&empty.to_bytes().unwrap()).unwrap();
    assert!(loaded.is_empty());
}

#[cfg(feature = "embedded")]
#[test]
fn embedded_round_trips() {
    let embedded = Gazetteer::embedded();
    let bytes = embedded.to_bytes().unwrap();
    let loaded = Gazetteer::from_bytes(&bytes).unwrap();
    let text = include_str!("../../../seeds/000_6893e9d60b43f7bd.txt");
    assert_eq!(loaded.find(text), embedded.find(text));
    assert_eq!(loaded.forms_len(), embedded.forms_len());
}
