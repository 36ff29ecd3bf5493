//! Which languages an entry applies to, as a bit set over [`Lang::ALL`].
//!
//! Most entries apply to every language (a place's name, an acronym); some
//! forms belong to one language's text only: Spanish "china" (a Chinese
//! woman) is porcelain in English, German "Bank" a bench. An entry names
//! its languages (an empty list means all), and a gazetteer searched in a
//! language uses only the entries that apply to it.
//!
//! The set is a `u32` with bit `n` for `Lang::ALL[n]`, and 0 for "every
//! language": a new language appended to `Lang::ALL` keeps the old bits.

use dateline_tokenize::Lang;

use crate::Error;

/// The set of every language (entries without languages of their own).
pub(crate) const ALL: u32 = 0;

/// The bit of `lang`.
pub(crate) fn bit(lang: Lang) -> u32 {
    let n = Lang::ALL.iter().position(|&l| l == lang).expect("Lang::ALL lists every language");
    1 << n
}

/// The set of `langs` ([`ALL`] when empty).
pub(crate) fn mask(langs: &[Lang]) -> u32 {
    langs.iter().fold(ALL, |m, &l| m | bit(l))
}

/// Whether an entry with the set `mask` applies to text in `lang`.
pub(crate) fn applies(mask: u32, lang: Lang) -> bool {
    mask == ALL || mask & bit(lang) != 0
}

/// The languages of `mask`, in [`Lang::ALL`] order (none for [`ALL`]).
pub(crate) fn langs(mask: u32) -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().enumerate().filter(move |(n, _)| mask & (1 << n) != 0).map(|(_, l)| l)
}

/// Parses a list of language codes as gazetteer files write them: codes
/// separated by commas or spaces (`"de,fr"`, `"es"`), empty for every
/// language.
///
/// # Errors
///
/// An unsupported code; the message lists the supported ones.
pub(crate) fn parse(value: &str) -> Result<u32, Error> {
    let mut m = ALL;
    for code in value.split([',', ' ']).map(str::trim).filter(|c| !c.is_empty()) {
        let lang = code.parse::<Lang>().map_err(|e| Error::invalid_lang(&e.to_string()))?;
        m |= bit(lang);
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_round_trip_and_empty_means_every_language() {
        assert_eq!(parse("").unwrap(), ALL);
        assert_eq!(parse(" , ").unwrap(), ALL);
        let m = parse("fr, de").unwrap();
        assert_eq!(langs(m).collect::<Vec<_>>(), [Lang::De, Lang::Fr]);
        assert_eq!(mask(&[Lang::Fr, Lang::De]), m);
        assert!(applies(m, Lang::Fr) && applies(m, Lang::De));
        assert!(!applies(m, Lang::En) && !applies(m, Lang::Es));
        for lang in Lang::ALL {
            assert!(applies(ALL, lang));
        }
        assert_eq!(langs(ALL).count(), 0);
        let err = parse("de,xx").unwrap_err().to_string();
        assert!(err.contains("\"xx\"") && err.contains("en, de, fr, es, uk, ru, zh"), "{err}");
    }
}
