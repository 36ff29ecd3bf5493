//! `--lang CODE|auto`, a JSON line's own `"lang"`, and the per-language
//! components built for them.
//!
//! Each document's language comes from its line's `"lang"` field (see
//! `--lang-field`) if it has one, else from `--lang`, else it is English;
//! `auto`, in either place, detects it from the text. The output record
//! says which language was used (`"lang": "de"`) whenever it was chosen,
//! by the flag, the line or detection, so that `auto` never decides
//! silently; a run that says nothing about languages writes no `"lang"`,
//! and its output is byte for byte what it was before languages existed.
//!
//! Components are built once per language, the first time a document
//! needs it, and shared by every worker thread after that.

use std::sync::OnceLock;

use clap::Args;
use dateline::Lang;

use crate::input::Document;

/// `--lang`.
#[derive(Args, Debug)]
pub struct LangArgs {
    /// The language of the documents: a code (en, de, fr, es, uk, ru, zh; a region
    /// such as de-AT reads as de) or `auto` to detect each document's from
    /// its script and function words (English when the text has no
    /// evidence). A JSONL line's "lang" field overrides it (see
    /// --lang-field). Whenever a language is chosen, by this option, a
    /// line or detection, each record says which as "lang" [default: en].
    #[arg(long, value_name = "CODE|auto", value_parser = parse_choice)]
    pub lang: Option<Choice>,
}

/// A `--lang` or `"lang"` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Detect each document's language.
    Auto,
    /// This language.
    Code(Lang),
}

fn parse_choice(text: &str) -> Result<Choice, String> {
    if text.trim().eq_ignore_ascii_case("auto") {
        return Ok(Choice::Auto);
    }
    text.trim().parse().map(Choice::Code).map_err(|_: dateline::tokenize::Error| {
        let codes: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
        format!("unsupported language {text:?} (supported: {}, or auto)", codes.join(", "))
    })
}

/// The language a document is read in, and whether its record says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chosen {
    pub lang: Lang,
    /// The language was chosen (by `--lang`, the line, or detection), so
    /// the record carries it.
    pub shown: bool,
}

impl Chosen {
    /// The `"lang"` to write, if any.
    pub fn shown(self) -> Option<Lang> {
        self.shown.then_some(self.lang)
    }
}

impl LangArgs {
    /// The language of `document`.
    ///
    /// # Errors
    ///
    /// A message for a line whose `"lang"` is not a supported code or
    /// `auto`; the caller reports it as a bad document.
    pub fn for_document(&self, document: &Document) -> Result<Chosen, String> {
        let choice = match &document.lang {
            Some(text) => parse_choice(text).map_err(|err| format!("field \"lang\": {err}"))?,
            None => match self.lang {
                Some(choice) => choice,
                None => return Ok(Chosen { lang: Lang::En, shown: false }),
            },
        };
        let lang = match choice {
            Choice::Code(lang) => lang,
            Choice::Auto => Lang::detect(&document.text).unwrap_or(Lang::En),
        };
        Ok(Chosen { lang, shown: true })
    }

    /// The language to build components for before reading: the one
    /// `--lang` names, else English (also the fallback of `auto`).
    pub fn first(&self) -> Lang {
        match self.lang {
            Some(Choice::Code(lang)) => lang,
            _ => Lang::En,
        }
    }
}

/// One `T` per language, each built the first time it is asked for.
pub struct PerLang<T, F> {
    built: [OnceLock<Result<T, String>>; Lang::ALL.len()],
    build: F,
}

impl<T, F> PerLang<T, F>
where
    F: Fn(Lang) -> anyhow::Result<T>,
{
    /// Builds with `build`, starting with `first` so that bad settings
    /// fail the run before any input is read.
    ///
    /// # Errors
    ///
    /// When `build` fails for `first`.
    pub fn new(first: Lang, build: F) -> anyhow::Result<PerLang<T, F>> {
        let per_lang = PerLang { built: std::array::from_fn(|_| OnceLock::new()), build };
        let built = (per_lang.build)(first)?;
        // Index is in range: `first` is one of `Lang::ALL`.
        let _ = per_lang.built[index(first)].set(Ok(built));
        Ok(per_lang)
    }

    /// The `T` for `lang`, built now if it was not yet.
    ///
    /// # Errors
    ///
    /// When building it failed (then and every time after).
    pub fn get(&self, lang: Lang) -> Result<&T, String> {
        self.built[index(lang)]
            .get_or_init(|| {
                (self.build)(lang)
                    .map_err(|err| format!("cannot read {} text: {err:#}", lang.name()))
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// `lang`'s position in [`Lang::ALL`].
fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|&l| l == lang).expect("every Lang is in Lang::ALL")
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::input::Origin;

    fn document(text: &str, lang: Option<&str>) -> Document {
        Document {
            origin: Origin::File("-".into()),
            text: text.into(),
            reference_date: None,
            lang: lang.map(str::to_owned),
            kept: Vec::new(),
        }
    }

    const GERMAN: &str =
        "Die Regierung hat am Montag mitgeteilt, dass sie die Gespräche fortsetzt.";

    #[test]
    fn the_line_overrides_the_flag_and_only_chosen_languages_are_shown() {
        let none = LangArgs { lang: None };
        let fr = LangArgs { lang: Some(Choice::Code(Lang::Fr)) };
        let auto = LangArgs { lang: Some(Choice::Auto) };
        let chosen = |args: &LangArgs, doc: &Document| args.for_document(doc).unwrap();
        assert_eq!(chosen(&none, &document(GERMAN, None)), Chosen { lang: Lang::En, shown: false });
        assert_eq!(chosen(&fr, &document(GERMAN, None)), Chosen { lang: Lang::Fr, shown: true });
        assert_eq!(chosen(&auto, &document(GERMAN, None)), Chosen { lang: Lang::De, shown: true });
        assert_eq!(chosen(&none, &document(GERMAN, Some("ES"))).lang, Lang::Es);
        assert_eq!(chosen(&fr, &document(GERMAN, Some("auto"))).lang, Lang::De);
        assert_eq!(
            chosen(&fr, &document(GERMAN, Some("en"))),
            Chosen { lang: Lang::En, shown: true }
        );
        // Nothing to detect from: English, said.
        assert_eq!(chosen(&auto, &document("12:00", None)), Chosen { lang: Lang::En, shown: true });
    }

    #[test]
    fn a_bad_line_value_lists_the_choices() {
        let err = LangArgs { lang: None }.for_document(&document("x", Some("xx"))).unwrap_err();
        assert_eq!(
            err,
            r#"field "lang": unsupported language "xx" (supported: en, de, fr, es, uk, ru, zh, or auto)"#
        );
    }

    #[test]
    fn each_language_is_built_once_and_failures_stay_per_language() {
        let builds = AtomicUsize::new(0);
        let per_lang = PerLang::new(Lang::De, |lang| {
            builds.fetch_add(1, Ordering::Relaxed);
            if lang == Lang::Fr { anyhow::bail!("no tables") } else { Ok(lang.code()) }
        })
        .unwrap();
        assert_eq!(builds.load(Ordering::Relaxed), 1);
        for _ in 0..3 {
            assert_eq!(per_lang.get(Lang::De), Ok(&"de"));
            assert_eq!(per_lang.get(Lang::Es), Ok(&"es"));
            assert_eq!(per_lang.get(Lang::Fr), Err("cannot read French text: no tables".into()));
        }
        assert_eq!(builds.load(Ordering::Relaxed), 3);
        assert!(
            PerLang::new(Lang::Fr, |_| anyhow::bail!("bad settings") as anyhow::Result<()>)
                .is_err()
        );
    }
}
