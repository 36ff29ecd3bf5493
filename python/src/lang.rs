//! `lang` arguments and `detect_lang`.
//!
//! Every function takes `lang`, a language code (`"en"`, `"de"`, `"fr"`,
//! `"es"`; a region such as `"de-AT"` reads as German) or `None` for the
//! default, English, as the CLI's `--lang`. `"auto"` detects the language
//! from the text, and is taken only where the result says which language
//! was used (`Document.lang`, from `extract` and `extract_many`), as the
//! CLI writes `"lang"` into every record: the rule is that
//! detection never decides silently. Elsewhere `detect_lang` says what
//! detection finds, and its answer can be passed on.

use dateline::Lang;
use pyo3::prelude::*;

use crate::errors::value_error;

/// A `lang` value that may be `"auto"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Auto,
    Code(Lang),
}

impl Choice {
    /// The language of `text` under this choice: `auto` detects it,
    /// falling back to English when the text gives no evidence.
    pub fn resolve(self, text: &str) -> Lang {
        match self {
            Choice::Code(lang) => lang,
            Choice::Auto => Lang::detect(text).unwrap_or(Lang::En),
        }
    }
}

/// Reads a `lang` argument that may be `"auto"`; `None` stays `None` (the
/// caller said nothing, which reads as English).
pub fn choice(value: Option<&str>) -> PyResult<Option<Choice>> {
    let Some(value) = value else { return Ok(None) };
    if value.trim().eq_ignore_ascii_case("auto") {
        return Ok(Some(Choice::Auto));
    }
    code(value, ", or 'auto'").map(|lang| Some(Choice::Code(lang)))
}

/// Reads a `lang` argument of a function whose result cannot say which
/// language detection chose, so `"auto"` is refused with what to do
/// instead; `None` is English.
pub fn lang(value: Option<&str>, function: &str) -> PyResult<Lang> {
    let Some(value) = value else { return Ok(Lang::En) };
    if value.trim().eq_ignore_ascii_case("auto") {
        return Err(value_error(format!(
            "{function}(lang='auto') would choose a language without saying which: pass \
             lang=dateline.detect_lang(text) (and check it is not None), or use extract, \
             whose Document.lang says which language was used"
        )));
    }
    code(value, "")
}

fn code(value: &str, or_auto: &str) -> PyResult<Lang> {
    value.trim().parse().map_err(|_: dateline::tokenize::Error| {
        let codes: Vec<String> =
            Lang::ALL.iter().map(|lang| format!("'{}'", lang.code())).collect();
        value_error(format!(
            "unsupported language {value:?} (supported: {}{or_auto})",
            codes.join(", ")
        ))
    })
}

/// The language `text` is written in, as a code (`'en'`, `'de'`, `'fr'`,
/// `'es'`), from its script and function words; `None` when the text
/// gives no evidence for any of them (no letters, no function words, or
/// another script). `lang='auto'` reads such a text as English.
#[pyfunction]
pub fn detect_lang(py: Python<'_>, text: String) -> Option<&'static str> {
    py.detach(|| Lang::detect(&text)).map(Lang::code)
}
