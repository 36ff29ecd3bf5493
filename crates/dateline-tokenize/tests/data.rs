//! Finds the case files under `tests/data/` (the crate's own directory, so
//! tests never need `../shared/`).

use std::path::Path;

use dateline_tokenize::Lang;

/// One case file: its name and its text.
#[derive(Clone, Debug)]
pub struct CaseFile {
    pub name: String,
    pub text: String,
}

/// Every `tests/data/<prefix>*.toml`, sorted by name.
pub fn files(prefix: &str) -> Vec<CaseFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/data is readable") {
        let path = entry.expect("a directory entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if name.starts_with(prefix) && name.ends_with(".toml") {
            let text = std::fs::read_to_string(&path).expect("a readable case file");
            files.push(CaseFile { name: name.to_owned(), text });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!files.is_empty(), "no tests/data/{prefix}*.toml");
    files
}

/// The language a file or case names (English when it names none).
pub fn lang(file: &CaseFile, code: Option<&str>) -> Lang {
    code.map_or(Lang::En, |code| {
        code.parse().unwrap_or_else(|e| panic!("tests/data/{}: {e}", file.name))
    })
}

/// Checks what every table of cases must hold: case names unique across
/// its files, and cases in every language of `Lang::ALL`. `cases` gives
/// each case's file, language and name; `kind` names the table.
pub fn check_table<'a>(kind: &str, cases: impl IntoIterator<Item = (&'a CaseFile, Lang, &'a str)>) {
    let mut names = std::collections::HashSet::new();
    let mut langs = std::collections::HashSet::new();
    for (file, lang, name) in cases {
        assert!(names.insert(name), "{}: duplicate case name {name:?}", file.name);
        langs.insert(lang);
    }
    for lang in Lang::ALL {
        assert!(langs.contains(&lang), "no {kind} cases for {lang}");
    }
}
