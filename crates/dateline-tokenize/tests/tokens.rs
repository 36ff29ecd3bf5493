//! Table-driven tokenizer cases from `tests/data/tokens*.toml`: every file
//! found there runs, each in the language its `lang` key names (English
//! when absent), so a new language's cases need no new test code.

use dateline_tokenize::{Lang, Mode, Tokenizer};
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
    #[serde(default)]
    mode: Option<String>,
    /// Overrides the file's language for this case (negatives: German
    /// contractions in English text).
    #[serde(default)]
    lang: Option<String>,
    tokens: Vec<String>,
    #[serde(default)]
    kinds: Option<Vec<String>>,
    #[serde(default)]
    spans: Option<Vec<[usize; 2]>>,
    /// The tokens that carry words, in order, as `"token = word word"`.
    #[serde(default)]
    multiwords: Option<Vec<String>>,
}

fn cases() -> Vec<(CaseFile, Lang, Case)> {
    let mut all = Vec::new();
    for file in data::files("tokens") {
        let cases: Cases = toml::from_str(&file.text)
            .unwrap_or_else(|e| panic!("tests/data/{} does not parse: {e}", file.name));
        let file_lang = data::lang(&file, cases.lang.as_deref());
        for case in cases.case {
            let lang = case.lang.as_deref().map_or(file_lang, |l| data::lang(&file, Some(l)));
            all.push((file.clone(), lang, case));
        }
    }
    all
}

#[test]
fn case_names_are_unique_and_every_language_has_cases() {
    let cases = cases();
    data::check_table(
        "token",
        cases.iter().map(|(file, lang, case)| (file, *lang, case.name.as_str())),
    );
}

#[test]
fn token_cases() {
    let mut failures = Vec::new();
    for (file, lang, case) in cases() {
        let mode: Mode = case.mode.as_deref().unwrap_or("default").parse().expect("valid mode");
        let tokens = Tokenizer::builder().mode(mode).lang(lang).build().tokenize(&case.text);
        let name = format!("{}: {} ({lang}, {mode})", file.name, case.name);
        let texts: Vec<&str> = tokens.iter().map(|t| &case.text[t.span()]).collect();
        if texts != case.tokens {
            failures.push(format!("{name}: expected {:?}\n   got {texts:?}", case.tokens));
            continue;
        }
        if let Some(kinds) = &case.kinds {
            let got: Vec<&str> = tokens.iter().map(|t| t.kind().as_str()).collect();
            if &got != kinds {
                failures.push(format!("{name}: kinds expected {kinds:?}\n   got {got:?}"));
            }
        }
        if let Some(spans) = &case.spans {
            let got: Vec<[usize; 2]> = tokens.iter().map(|t| [t.start(), t.end()]).collect();
            if &got != spans {
                failures.push(format!("{name}: spans expected {spans:?}\n   got {got:?}"));
            }
        }
        if let Some(expected) = &case.multiwords {
            let got: Vec<String> = tokens
                .iter()
                .filter(|t| !t.words().is_empty())
                .map(|t| format!("{} = {}", &case.text[t.span()], t.words().join(" ")))
                .collect();
            if &got != expected {
                failures.push(format!("{name}: multiwords expected {expected:?}\n   got {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}
