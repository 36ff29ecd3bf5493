//! Save/load round trips; truncated, corrupted and foreign files are errors;
//! files of the previous format version still load.

use dateline_gazetteer::{CasePolicy, Entry, Gazetteer, Lang};

use crate::load::TempFile;

/// The entries of `data/format_v2.dlgaz`.
fn small_v2_entries() -> [Entry; 3] {
    [
        Entry::new("Kyiv", "GPE", "703448").with_alias("Kiev").with_prior(2_952_301.0),
        Entry::new("UN", "ORG", "Q1065").with_case(CasePolicy::Sensitive),
        Entry::new("São Paulo", "GPE", "3448439").with_case(CasePolicy::Insensitive),
    ]
}

fn small() -> Gazetteer {
    let [kyiv, un, sao_paulo] = small_v2_entries();
    Gazetteer::builder()
        .accent_folding(false)
        .case_policy(CasePolicy::Auto)
        .entry(kyiv.with_country("UA").with_admin1("UA-30"))
        .entry(un)
        .entry(sao_paulo.with_country("BR"))
        .entry(Entry::new("Lviv", "GPE", "702550").with_country("UA").with_admin1("UA-46"))
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
    assert_eq!(loaded.entry(4), None);
    let kyiv = loaded.entry(0).unwrap();
    assert_eq!((kyiv.country(), kyiv.admin1()), (Some("UA"), Some("UA-30")));
    let un = loaded.entry(1).unwrap();
    assert_eq!((un.country(), un.admin1()), (None, None));
    let sao_paulo = loaded.entry(2).unwrap();
    assert_eq!((sao_paulo.country(), sao_paulo.admin1()), (Some("BR"), None));
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
fn embedded_bytes_skip_the_checksum_and_nothing_else() {
    let gazetteer = with_langs();
    let bytes: &'static [u8] = Box::leak(gazetteer.to_bytes().unwrap().into_boxed_slice());
    let loaded = Gazetteer::from_embedded_bytes(bytes).unwrap();
    assert_eq!(loaded.to_bytes().unwrap(), bytes);
    // A wrong checksum: from_bytes refuses, the embedded reader does not
    // look at it.
    let good = fix_checksum(bytes.to_vec());
    let at = (0..good.len()).find(|&p| good[p..].starts_with(&fnv1a_at(&good, p))).unwrap();
    let mut wrong = good.clone();
    wrong[at] ^= 0xff;
    assert!(Gazetteer::from_bytes(&wrong).unwrap_err().to_string().contains("checksum"));
    let wrong: &'static [u8] = Box::leak(wrong.into_boxed_slice());
    assert!(Gazetteer::from_embedded_bytes(wrong).is_ok());
    // The structure is still checked: truncations and a foreign language
    // are errors, never panics.
    for len in [0, 8, 20, bytes.len() / 2, bytes.len() - 1] {
        let cut: &'static [u8] = &bytes[..len];
        assert!(Gazetteer::from_embedded_bytes(cut).unwrap_err().is_format(), "length {len}");
    }
    let table = b"\x02\0\0\0en\x02\0\0\0de";
    let lang = bytes.windows(table.len()).position(|w| w == table).expect("the table") + 4;
    let mut foreign = bytes.to_vec();
    foreign[lang..lang + 2].copy_from_slice(b"xx");
    let foreign: &'static [u8] = Box::leak(foreign.into_boxed_slice());
    assert!(Gazetteer::from_embedded_bytes(foreign).unwrap_err().is_format());
    // So is the UTF-8 of the names.
    let name = bytes.windows(5).position(|w| w == b"Chine").expect("the name");
    let mut broken = bytes.to_vec();
    broken[name + 1] = 0xff;
    let broken: &'static [u8] = Box::leak(broken.into_boxed_slice());
    let err = Gazetteer::from_embedded_bytes(broken).unwrap_err();
    assert!(err.is_format() && err.to_string().contains("invalid UTF-8"), "{err}");
}

/// The little-endian bytes of the checksum of `bytes[..at]`.
fn fnv1a_at(bytes: &[u8], at: usize) -> [u8; 8] {
    fnv1a(&bytes[..at]).to_le_bytes()
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
    assert!(err.is_format());
    assert_eq!(
        err.to_string(),
        "reading compiled gazetteer: format version 99 is not supported (this version reads \
         versions 2 to 6): load it with the newer dateline-gazetteer that saved it, or build it \
         again from its source files and save it with this version"
    );
    bytes[8] = 1;
    let err = Gazetteer::from_bytes(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "reading compiled gazetteer: format version 1 is not supported (this version reads \
         versions 2 to 6): build it again from its source files and save it with this version"
    );

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

/// `data/format_v2.dlgaz` was saved by this crate at commit 2a726a0, the
/// last with format version 2 (before entries had a country and an admin1),
/// from `small_v2_entries()` with accent folding off and `Auto` as the
/// default case policy. Should `dateline-match`'s binary format change
/// (which bumps the gazetteer's version too, and drops version 2), replace
/// this test with one that expects the "build it again" error.
const FORMAT_V2: &[u8] = include_bytes!("data/format_v2.dlgaz");

#[test]
fn format_version_2_still_loads() {
    assert_eq!(FORMAT_V2[8], 2, "the fixture is a version 2 file");
    let old = Gazetteer::from_bytes(FORMAT_V2).unwrap();
    assert_eq!(old.to_entries(), small_v2_entries());
    assert!(old.entries().all(|e| e.country().is_none() && e.admin1().is_none()));
    assert!(!old.accent_folding());
    assert_eq!(old.case_policy(), CasePolicy::Auto);
    let rebuilt = Gazetteer::builder()
        .accent_folding(false)
        .case_policy(CasePolicy::Auto)
        .entries(small_v2_entries())
        .build()
        .unwrap();
    let text = "From KIEV to the UN, un, Sao Paulo and São Paulo.";
    assert_eq!(old.find(text), rebuilt.find(text));
    assert_eq!(old.find(text).len(), 3);
    // Saved again, it is a current file with the same contents.
    let bytes = old.to_bytes().unwrap();
    assert_eq!(bytes[8], 6);
    assert_eq!(bytes, rebuilt.to_bytes().unwrap());
    // Truncated or corrupted, a version 2 file is an error like any other.
    for len in 0..FORMAT_V2.len() {
        assert!(Gazetteer::from_bytes(&FORMAT_V2[..len]).unwrap_err().is_format());
    }
}

#[test]
fn a_current_file_read_as_version_2_is_an_error() {
    let mut bytes = small().to_bytes().unwrap();
    assert_eq!(bytes[8], 6);
    for old in [2, 3, 4, 5] {
        bytes[8] = old;
        assert!(Gazetteer::from_bytes(&bytes).unwrap_err().is_format());
    }
}

/// `small()` saved by the release before languages (format version 3,
/// commit b073c29).
const FORMAT_V3: &[u8] = include_bytes!("data/format_v3.dlgaz");

#[test]
fn format_version_3_still_loads_for_every_language() {
    assert_eq!(FORMAT_V3[8], 3, "the fixture is a version 3 file");
    let old = Gazetteer::from_bytes(FORMAT_V3).unwrap();
    let current = small();
    assert_eq!(old.to_entries(), current.to_entries());
    assert!(old.entries().all(|e| e.langs().next().is_none()));
    assert_eq!(old.lang(), Lang::En);
    let text = "From KIEV to the UN, un, Sao Paulo and São Paulo.";
    for lang in Lang::ALL {
        assert_eq!(old.find_in(lang, text), current.find_in(lang, text));
        assert_eq!(old.find_in(lang, text).len(), 3);
    }
    assert_eq!(old.to_bytes().unwrap(), current.to_bytes().unwrap());
}

/// `with_langs()` saved by the release before stored views (format version
/// 4, commit a22a619).
const FORMAT_V4: &[u8] = include_bytes!("data/format_v4.dlgaz");

#[test]
fn format_version_4_still_loads_with_its_language() {
    assert_reads_as_with_langs(FORMAT_V4, 4);
}

/// `with_langs()` saved with every language's search stored by the release
/// before matchers stored their lowercase filter (format version 5, commit
/// 54001ea).
const FORMAT_V5: &[u8] = include_bytes!("data/format_v5.dlgaz");

#[test]
fn format_version_5_still_loads_with_its_stored_searches() {
    assert_reads_as_with_langs(FORMAT_V5, 5);
}

/// `fixture`, a file of format `version` saved from `with_langs()`, loads
/// as that gazetteer: the same entries, language and searches in every
/// language, and saved again (with every language's search stored), the
/// same bytes.
fn assert_reads_as_with_langs(fixture: &[u8], version: u8) {
    assert_eq!(fixture[8], version, "the fixture is a version {version} file");
    let old = Gazetteer::from_bytes(fixture).unwrap();
    let current = with_langs();
    assert_eq!(old.to_entries(), current.to_entries());
    assert_eq!(old.lang(), Lang::Fr);
    let text = "China, Chine: les chinois, los chinos; CHINE, chine";
    for lang in Lang::ALL {
        assert_eq!(old.find_in(lang, text), current.find_in(lang, text), "{lang}");
    }
    assert_eq!(old.to_bytes().unwrap(), current.to_bytes().unwrap());
    assert_eq!(
        old.to_bytes_with_views(&Lang::ALL).unwrap(),
        current.to_bytes_with_views(&Lang::ALL).unwrap()
    );
}

fn with_langs() -> Gazetteer {
    Gazetteer::builder()
        .lang(Lang::Fr)
        .entry(Entry::new("China", "GPE", "iso3166-1:CN"))
        .entry(Entry::new("Chine", "GPE", "iso3166-1:CN").with_langs([Lang::Fr]))
        .entry(Entry::new("chinois", "NORP", "iso3166-1:CN").with_langs([Lang::Fr]))
        .entry(Entry::new("chinos", "NORP", "iso3166-1:CN").with_langs([Lang::Es]))
        .build()
        .unwrap()
}

#[test]
fn languages_round_trip_with_the_gazetteer_language() {
    let gazetteer = with_langs();
    let loaded = Gazetteer::from_bytes(&gazetteer.to_bytes().unwrap()).unwrap();
    assert_eq!(loaded.to_entries(), gazetteer.to_entries());
    assert_eq!(loaded.lang(), Lang::Fr);
    assert_eq!(loaded.entry(2).unwrap().langs().collect::<Vec<_>>(), [Lang::Fr]);
    let text = "China, Chine: les chinois, los chinos";
    for lang in Lang::ALL {
        assert_eq!(loaded.find_in(lang, text), gazetteer.find_in(lang, text), "{lang}");
    }
    let found =
        |lang| loaded.find_in(lang, text).iter().map(|m| &text[m.span()]).collect::<Vec<_>>();
    assert_eq!(loaded.find(text), loaded.find_in(Lang::Fr, text));
    assert_eq!(found(Lang::Fr), ["China", "Chine", "chinois"]);
    assert_eq!(found(Lang::Es), ["China", "chinos"]);
    assert_eq!(found(Lang::En), ["China"]);
    assert_eq!(loaded.to_bytes().unwrap(), gazetteer.to_bytes().unwrap());
}

#[test]
fn stored_views_read_back_as_compiled() {
    let gazetteer = with_langs();
    let bytes = gazetteer.to_bytes_with_views(&Lang::ALL).unwrap();
    assert!(bytes.len() > gazetteer.to_bytes().unwrap().len());
    let text = "China, Chine: les chinois, los chinos";
    let embedded: &'static [u8] = Box::leak(bytes.clone().into_boxed_slice());
    let loaded =
        [Gazetteer::from_bytes(&bytes).unwrap(), Gazetteer::from_embedded_bytes(embedded).unwrap()];
    for loaded in loaded {
        for lang in Lang::ALL {
            assert_eq!(loaded.find_in(lang, text), gazetteer.find_in(lang, text), "{lang}");
            // Each language's search is the compiled one, byte for byte.
            let own = |g: &Gazetteer| g.with_lang(lang).to_bytes().unwrap();
            assert_eq!(own(&loaded), own(&gazetteer), "{lang}");
        }
        assert_eq!(loaded.to_bytes_with_views(&Lang::ALL).unwrap(), bytes);
    }
    // Every truncation is still an error.
    for len in 0..bytes.len() {
        assert!(Gazetteer::from_bytes(&bytes[..len]).unwrap_err().is_format(), "length {len}");
    }
}

#[test]
fn views_shared_by_every_language_are_stored_once() {
    let gazetteer = small();
    let bytes = gazetteer.to_bytes_with_views(&Lang::ALL).unwrap();
    assert_eq!(bytes, gazetteer.to_bytes().unwrap());
}

#[test]
fn embedded_stored_views_are_read_not_compiled() {
    // The Spanish view, the last "es" of the file (after the language
    // table): code, u64 length, 2 forms, 3 offsets, 2 candidates. Its
    // "chinos" candidate (entry 3) becomes "chinois" (entry 2), a change
    // that only its checksum tells.
    let gazetteer = with_langs();
    let mut bytes = gazetteer.to_bytes_with_views(&Lang::ALL).unwrap();
    let code = b"\x02\0\0\0es";
    let at = bytes.windows(code.len()).rposition(|w| w == code).expect("the view");
    let candidates = at + code.len() + 8 + 4 + 3 * 4 + 4;
    let stored = |b: &[u8], i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap());
    assert_eq!((stored(&bytes, candidates), stored(&bytes, candidates + 4)), (0, 3));
    bytes[candidates + 4..candidates + 8].copy_from_slice(&2u32.to_le_bytes());
    let err = Gazetteer::from_bytes(&bytes).unwrap_err();
    assert!(err.to_string().contains("checksum"), "{err}");
    let embedded: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let loaded = Gazetteer::from_embedded_bytes(embedded).unwrap();
    let found = loaded.find_in(Lang::Es, "los chinos");
    assert_eq!(found[0].entry().name(), "chinois");
    // A view that fails its structural checks is compiled instead.
    let mut broken = embedded.to_vec();
    broken[candidates + 4..candidates + 8].copy_from_slice(&99u32.to_le_bytes());
    let broken: &'static [u8] = Box::leak(broken.into_boxed_slice());
    let loaded = Gazetteer::from_embedded_bytes(broken).unwrap();
    assert_eq!(loaded.find_in(Lang::Es, "los chinos"), gazetteer.find_in(Lang::Es, "los chinos"));
}

#[test]
fn embedded_own_view_is_read_on_first_use() {
    // The gazetteer's own (French) view follows its language's code, the
    // last "fr" of a file without stored views: 3 forms, 4 offsets, 3
    // candidates. Its last candidate made out of range, with the checksum
    // recomputed: `from_bytes` refuses the file, the embedded reader
    // loads it and compiles the view at the first French search.
    let gazetteer = with_langs();
    let bytes = gazetteer.to_bytes().unwrap();
    let code = b"\x02\0\0\0fr";
    let forms = bytes.windows(code.len()).rposition(|w| w == code).expect("the code") + code.len();
    let stored = |b: &[u8], i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap());
    assert_eq!((stored(&bytes, forms), stored(&bytes, forms + 4 * 5)), (3, 3));
    let last_candidate = forms + 4 * 5 + 4 * 3;
    let mut broken = bytes.clone();
    broken[last_candidate..last_candidate + 4].copy_from_slice(&99u32.to_le_bytes());
    let broken = fix_checksum(broken);
    let err = Gazetteer::from_bytes(&broken).unwrap_err();
    assert!(err.to_string().contains("candidate out of range"), "{err}");
    let embedded: &'static [u8] = Box::leak(broken.into_boxed_slice());
    let loaded = Gazetteer::from_embedded_bytes(embedded).unwrap();
    let text = "China, Chine: les chinois, los chinos";
    for lang in Lang::ALL {
        assert_eq!(loaded.find_in(lang, text), gazetteer.find_in(lang, text), "{lang}");
    }
    // Its lengths are still read at load: a count beyond the bytes is an
    // error there.
    let mut huge = bytes.clone();
    huge[forms..forms + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let huge: &'static [u8] = Box::leak(huge.into_boxed_slice());
    assert!(Gazetteer::from_embedded_bytes(huge).unwrap_err().is_format());
}

#[test]
fn a_language_this_version_does_not_know_is_an_error() {
    let bytes = with_langs().to_bytes().unwrap();
    // The language table starts "en", "de" (each a u32 length and the
    // code); "en" renamed "xx", with the checksum recomputed so that the
    // language check is what fails.
    let table = b"\x02\0\0\0en\x02\0\0\0de";
    let at = bytes.windows(table.len()).position(|w| w == table).expect("the table") + 4;
    let mut changed = bytes.clone();
    changed[at..at + 2].copy_from_slice(b"xx");
    let err = Gazetteer::from_bytes(&fix_checksum(changed)).unwrap_err();
    assert!(err.is_format());
    assert!(err.to_string().contains("language \"xx\""), "{err}");
}

#[test]
fn languages_saved_in_another_order_are_renumbered() {
    // A file whose language table lists French and Spanish the other way
    // round (as a build with another order would save it): its entries'
    // sets follow the table, not this build's order.
    let bytes = with_langs().to_bytes().unwrap();
    let table = b"\x02\0\0\0fr\x02\0\0\0es";
    let at = bytes.windows(table.len()).position(|w| w == table).expect("the table");
    let mut swapped = bytes.clone();
    swapped[at + 4..at + 6].copy_from_slice(b"es");
    swapped[at + 10..at + 12].copy_from_slice(b"fr");
    let loaded = Gazetteer::from_bytes(&fix_checksum(swapped)).unwrap();
    let langs = |i| loaded.entry(i).unwrap().langs().collect::<Vec<_>>();
    assert_eq!((langs(1), langs(2), langs(3)), (vec![Lang::Es], vec![Lang::Es], vec![Lang::Fr]));
    assert!(langs(0).is_empty(), "China applies to every language");
}

/// FNV-1a, as the format checksums the bytes before the matcher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h: u64, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The file with its checksum recomputed: the checksum is the u64 at the
/// offset where it equals the hash of the bytes before it, in the
/// original; found there, it is replaced by the hash of the changed bytes.
fn fix_checksum(mut bytes: Vec<u8>) -> Vec<u8> {
    let original = with_langs().to_bytes().unwrap();
    let at = (20..original.len() - 8)
        .find(|&p| {
            u64::from_le_bytes(original[p..p + 8].try_into().unwrap()) == fnv1a(&original[..p])
        })
        .expect("the checksum");
    let hash = fnv1a(&bytes[..at]);
    bytes[at..at + 8].copy_from_slice(&hash.to_le_bytes());
    bytes
}

#[test]
fn merged_gazetteers_keep_country_and_admin1() {
    let cities = small();
    let mut builder = Gazetteer::builder();
    builder.gazetteer(&cities);
    builder.entry(Entry::new("Ukraine", "GPE", "UA"));
    builder.gazetteer(&cities);
    let merged = builder.build().unwrap();
    let entries = merged.to_entries();
    assert_eq!(entries.len(), 2 * cities.len() + 1);
    assert_eq!(entries[..4], cities.to_entries()[..]);
    assert_eq!(entries[5..], cities.to_entries()[..]);
    assert_eq!(merged.entry(8).unwrap().admin1(), Some("UA-46"));
    let reloaded = Gazetteer::from_bytes(&merged.to_bytes().unwrap()).unwrap();
    assert_eq!(reloaded.to_entries(), entries);
}
