//! Table-driven sentence-splitter cases from `tests/data/sentences*.toml`:
//! every file found there runs, in the language its `lang` key names
//! (English when absent).

use dateline_tokenize::{Lang, SentenceSplitter};
use serde::Deserialize;

use crate::data::{self, CaseFile};

#[derive(Deserialize)]
struct Cases {
    #[serde(default)]
    lang: Option<String>,
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
}

fn cases() -> Vec<(CaseFile, Lang, Case)> {
    let mut all = Vec::new();
    for file in data::files("sentences") {
        let cases: Cases = toml::from_str(&file.text)
            .unwrap_or_else(|e| panic!("tests/data/{} does not parse: {e}", file.name));
        let lang = data::lang(&file, cases.lang.as_deref());
        all.extend(cases.case.into_iter().map(|case| (file.clone(), lang, case)));
    }
    all
}

#[test]
fn case_names_are_unique_and_every_language_has_cases() {
    let cases = cases();
    data::check_table(
        "sentence",
        cases.iter().map(|(file, lang, case)| (file, *lang, case.name.as_str())),
    );
}

#[test]
fn sentence_cases() {
    let mut failures = Vec::new();
    for (file, lang, case) in cases() {
        let splitter = SentenceSplitter::builder().lang(lang).build();
        let got: Vec<&str> = splitter.sentences(&case.text).map(|s| &case.text[s]).collect();
        if got != case.sentences {
            failures.push(format!(
                "{}: {} ({lang}): expected {:?}\n   got {got:?}",
                file.name, case.name, case.sentences
            ));
        }
        // The Vec and the lazy iterator agree.
        assert_eq!(splitter.split(&case.text).len(), got.len(), "{}", case.name);
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}
