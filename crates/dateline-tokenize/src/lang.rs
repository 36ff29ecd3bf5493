//! The language a text is read in.

use core::{fmt, str::FromStr};

use crate::Error;

/// A language dateline reads, named by its BCP 47 primary subtag.
///
/// Every component takes one from its builder (tokenizer, sentence
/// splitter, date extractor, gazetteer, pipeline); the default is
/// [`Lang::En`]. A language is data plugged into shared engines: word
/// tables, rule tables and generated name data in the language's own files,
/// and one entry in [`Lang::ALL`]. TIMEX3 values and entity ids do not
/// depend on the language.
///
/// ```
/// use dateline_tokenize::Lang;
///
/// let lang: Lang = "de-AT".parse()?;
/// assert_eq!(lang, Lang::De);
/// assert_eq!(lang.code(), "de");
/// let err = "xx".parse::<Lang>().unwrap_err();
/// assert_eq!(err.to_string(), r#"unsupported language "xx" (supported: en, de, fr, es, uk, ru, zh)"#);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
    /// Chinese (simplified characters; traditional forms of names too).
    Zh,
}

impl Lang {
    /// The supported languages: the one list a new language joins.
    pub const ALL: [Lang; 7] =
        [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Uk, Lang::Ru, Lang::Zh];

    /// The BCP 47 primary subtag: `"en"`, `"de"`, `"fr"`, `"es"`, `"uk"`,
    /// `"ru"` or `"zh"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
        }
    }

    /// The language's English name, for messages.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "German",
            Lang::Fr => "French",
            Lang::Es => "Spanish",
            Lang::Uk => "Ukrainian",
            Lang::Ru => "Russian",
            Lang::Zh => "Chinese",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Parses a language tag by its primary subtag, ignoring case and any
    /// region or script subtags: `"fr"`, `"FR"`, `"fr-CA"` and `"fr_CA"`
    /// are all French.
    ///
    /// # Errors
    ///
    /// A primary subtag that is not supported; the message lists the
    /// supported codes.
    fn from_str(tag: &str) -> Result<Lang, Error> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
            .ok_or_else(|| Error::unknown_lang(tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
            assert_eq!(lang.to_string(), lang.code());
        }
    }

    #[test]
    fn region_and_case_are_ignored() {
        assert_eq!("ES-mx".parse::<Lang>(), Ok(Lang::Es));
        assert_eq!("de_CH".parse::<Lang>(), Ok(Lang::De));
    }

    #[test]
    fn unsupported_codes_are_errors() {
        for tag in ["", "-", "english", "e", "xx-en", "auto"] {
            let err = tag.parse::<Lang>().unwrap_err();
            assert!(err.is_unknown_lang(), "{tag:?}");
        }
    }
}
