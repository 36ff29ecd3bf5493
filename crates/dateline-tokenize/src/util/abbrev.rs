//! Built-in abbreviations: words whose following period does not (always)
//! end a sentence.

use super::chars::to_ascii_lowercase_u64;

/// How an abbreviation behaves before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Prepositive titles (`Dr.`, `Mt.`, `Gen.`): never end a sentence
    /// before a capitalized word.
    Title,
    /// Only an abbreviation before a number (`No. 5`, `p. 55`, `Art. 3`);
    /// otherwise an ordinary word ("The answer was No.").
    BeforeNumber,
    /// Months: no break before a number (`Sept. 11`), otherwise like
    /// [`Class::General`].
    Month,
    /// Weekdays: no break before a month and its day (`Sun. Nov. 21`),
    /// otherwise like [`Class::General`].
    Weekday,
    /// Everything else (`Inc.`, `etc.`, `Calif.`): a break only before a
    /// capitalized word.
    General,
}

/// `(lowercase form, class, whether it must be written capitalized)`,
/// sorted by the lowercase form for binary search.
///
/// Capitalization is required where the lowercase form is a common word
/// ("ill.", "wash.", "miss.", "sat.") that can end a sentence.
static TABLE: &[(&str, Class, bool)] = &[
    ("adm", Class::Title, true),
    ("al", Class::General, false),
    ("ala", Class::General, true),
    ("amb", Class::Title, true),
    ("approx", Class::General, false),
    ("apr", Class::Month, true),
    ("ariz", Class::General, true),
    ("ark", Class::General, true),
    ("art", Class::BeforeNumber, false),
    ("assn", Class::General, false),
    ("asst", Class::Title, false),
    ("atty", Class::Title, true),
    ("aug", Class::Month, true),
    ("ave", Class::General, false),
    ("bldg", Class::General, false),
    ("blvd", Class::General, false),
    ("brig", Class::Title, true),
    ("bros", Class::General, true),
    ("ca", Class::General, false),
    ("calif", Class::General, true),
    ("capt", Class::Title, false),
    ("cdr", Class::Title, true),
    ("cf", Class::General, false),
    ("ch", Class::BeforeNumber, false),
    ("cmdr", Class::Title, true),
    ("co", Class::General, false),
    ("col", Class::Title, true),
    ("colo", Class::General, true),
    ("conn", Class::General, true),
    ("corp", Class::General, false),
    ("cos", Class::General, true),
    ("cpl", Class::Title, true),
    ("dec", Class::Month, true),
    ("del", Class::General, true),
    ("dept", Class::General, false),
    ("det", Class::Title, true),
    ("dr", Class::Title, false),
    ("drs", Class::Title, false),
    ("ed", Class::BeforeNumber, false),
    ("esp", Class::General, false),
    ("est", Class::General, false),
    ("et", Class::Title, false),
    ("etc", Class::General, false),
    ("ext", Class::BeforeNumber, false),
    ("feb", Class::Month, true),
    ("fig", Class::BeforeNumber, false),
    ("figs", Class::BeforeNumber, false),
    ("fla", Class::General, true),
    ("fr", Class::Title, true),
    ("fri", Class::Weekday, true),
    ("ft", Class::Title, true),
    ("ga", Class::General, true),
    ("gen", Class::Title, true),
    ("gov", Class::Title, true),
    ("hon", Class::Title, true),
    ("hwy", Class::General, false),
    ("ill", Class::General, true),
    ("inc", Class::General, false),
    ("ind", Class::General, true),
    ("insp", Class::Title, true),
    ("jan", Class::Month, true),
    ("jr", Class::General, false),
    ("jul", Class::Month, true),
    ("jun", Class::Month, true),
    ("kan", Class::General, true),
    ("kans", Class::General, true),
    ("ky", Class::General, true),
    ("la", Class::General, true),
    ("lt", Class::Title, true),
    ("ltd", Class::General, false),
    ("maj", Class::Title, true),
    ("mar", Class::Month, true),
    ("mass", Class::General, true),
    ("md", Class::General, true),
    ("messrs", Class::Title, false),
    ("mich", Class::General, true),
    ("minn", Class::General, true),
    ("miss", Class::General, true),
    ("mmes", Class::Title, false),
    ("mo", Class::General, true),
    ("mon", Class::Weekday, true),
    ("mont", Class::General, true),
    ("mr", Class::Title, false),
    ("mrs", Class::Title, false),
    ("ms", Class::Title, false),
    ("msgr", Class::Title, true),
    ("mt", Class::Title, false),
    ("neb", Class::General, true),
    ("nev", Class::General, true),
    ("no", Class::BeforeNumber, false),
    ("nos", Class::BeforeNumber, false),
    ("nov", Class::Month, true),
    ("n\u{b0}", Class::BeforeNumber, false),
    ("oct", Class::Month, true),
    ("okla", Class::General, true),
    ("op", Class::BeforeNumber, false),
    ("ore", Class::General, true),
    ("p", Class::BeforeNumber, false),
    ("pa", Class::General, true),
    ("para", Class::BeforeNumber, false),
    ("penn", Class::General, true),
    ("pp", Class::BeforeNumber, false),
    ("pres", Class::Title, true),
    ("prof", Class::Title, false),
    ("pt", Class::BeforeNumber, false),
    ("pvt", Class::Title, true),
    ("rd", Class::General, false),
    ("rep", Class::Title, true),
    ("reps", Class::Title, true),
    ("rev", Class::Title, true),
    ("rt", Class::Title, true),
    ("sat", Class::Weekday, true),
    ("sec", Class::BeforeNumber, false),
    ("sen", Class::Title, true),
    ("sens", Class::Title, true),
    ("sep", Class::Month, true),
    ("sept", Class::Month, true),
    ("sgt", Class::Title, true),
    ("sr", Class::General, false),
    ("st", Class::Title, false),
    ("ste", Class::BeforeNumber, false),
    ("sun", Class::Weekday, true),
    ("supt", Class::Title, true),
    ("tel", Class::BeforeNumber, false),
    ("tenn", Class::General, true),
    ("tex", Class::General, true),
    ("thu", Class::Weekday, true),
    ("thur", Class::Weekday, true),
    ("thurs", Class::Weekday, true),
    ("tue", Class::Weekday, true),
    ("tues", Class::Weekday, true),
    ("univ", Class::General, false),
    ("va", Class::General, true),
    ("viz", Class::General, false),
    ("vol", Class::BeforeNumber, false),
    ("vols", Class::BeforeNumber, false),
    ("vs", Class::General, false),
    ("vt", Class::General, true),
    ("wash", Class::General, true),
    ("wed", Class::Weekday, true),
    ("weds", Class::Weekday, true),
    ("wis", Class::General, true),
    ("wisc", Class::General, true),
    ("wyo", Class::General, true),
];

/// Packs up to 8 bytes, ASCII-lowercased, big-endian and zero-padded, so
/// that packed keys sort like the byte strings they came from and compare
/// in one instruction. `None` for empty or longer input.
#[inline]
pub(crate) fn key(bytes: &[u8]) -> Option<u64> {
    if bytes.is_empty() || bytes.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..bytes.len()].copy_from_slice(bytes);
    Some(to_ascii_lowercase_u64(u64::from_be_bytes(buf)))
}

/// [`key`] at compile time, for the tables.
pub(crate) const fn const_key(bytes: &[u8]) -> u64 {
    assert!(!bytes.is_empty() && bytes.len() <= 8, "table words are 1 to 8 bytes long");
    let mut k = 0u64;
    let mut i = 0;
    while i < 8 {
        let b = if i < bytes.len() { bytes[i].to_ascii_lowercase() } else { 0 };
        k = (k << 8) | b as u64;
        i += 1;
    }
    k
}

/// [`TABLE`]'s words as packed keys, in the same (sorted) order.
static KEYS: [u64; TABLE.len()] = {
    let mut keys = [0u64; TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        keys[i] = const_key(TABLE[i].0.as_bytes());
        i += 1;
    }
    keys
};

/// Looks up `word` (without its period) in the built-in table.
#[inline]
pub(crate) fn lookup(word: &str) -> Option<Class> {
    let k = key(word.as_bytes())?;
    let index = KEYS.binary_search(&k).ok()?;
    let (_, class, needs_capital) = TABLE[index];
    if needs_capital && !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some(class)
}

/// Capitalized words that commonly start a sentence: after a dotted
/// abbreviation or an initial, only these signal a new sentence ("U.S. How"
/// versus "U.S. Government").
pub(crate) fn is_starter(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "A",
        "About",
        "After",
        "All",
        "Also",
        "An",
        "And",
        "Are",
        "As",
        "At",
        "But",
        "Can",
        "Could",
        "Did",
        "Do",
        "Does",
        "For",
        "From",
        "He",
        "Her",
        "Here",
        "His",
        "How",
        "However",
        "I",
        "If",
        "In",
        "Is",
        "It",
        "Its",
        "It's",
        "Let",
        "Many",
        "Meanwhile",
        "My",
        "No",
        "Now",
        "Our",
        "She",
        "So",
        "Some",
        "That",
        "The",
        "Their",
        "Then",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "To",
        "Was",
        "We",
        "Were",
        "What",
        "When",
        "Where",
        "Which",
        "While",
        "Who",
        "Why",
        "Will",
        "With",
        "Would",
        "Yes",
        "You",
        "Your",
    ];
    STARTERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_lowercase() {
        for pair in TABLE.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} >= {}", pair[0].0, pair[1].0);
        }
        for (word, _, _) in TABLE {
            assert_eq!(*word, word.to_lowercase());
        }
    }

    #[test]
    fn keys_sort_like_words() {
        for pair in KEYS.windows(2) {
            assert!(pair[0] < pair[1]);
        }
        assert_eq!(key(b""), None);
        assert_eq!(key(b"123456789"), None);
        assert_eq!(key(b"Mr"), key(b"mr"));
        for (word, _, _) in TABLE {
            assert_eq!(key(word.as_bytes()), Some(const_key(word.as_bytes())));
            assert_eq!(key(word.to_ascii_uppercase().as_bytes()), key(word.as_bytes()));
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup("Mr"), Some(Class::Title));
        assert_eq!(lookup("MR"), Some(Class::Title));
        assert_eq!(lookup("etc"), Some(Class::General));
        assert_eq!(lookup("Wash"), Some(Class::General));
        assert_eq!(lookup("wash"), None);
        assert_eq!(lookup("N°"), Some(Class::BeforeNumber));
        assert_eq!(lookup("Washington"), None);
    }
}
