//! English: the tables the tokenizer and splitter were built on (US news
//! style, UD English EWT conventions in treebank mode).

use super::{Apostrophe, Hyphens, Rules, WordSplit};
use crate::TokenKind;
use crate::util::abbrev::{self, Abbreviations, Class, Entry};
use crate::util::datewords::DateWords;

pub(crate) static RULES: Rules = Rules {
    abbreviations: Abbreviations::new(ABBREVIATIONS, &KEYS),
    starters: STARTERS,
    dates: &DATES,
    apostrophe: Apostrophe::EnglishClitics,
    hyphens: Hyphens::Split(HYPHEN_PREFIXES),
    word_split: WordSplit::English,
    ..Rules::PLAIN
};

/// Abbreviations as US news writes them: titles, months, weekdays, US
/// states (AP style), companies, and number prefixes. Sorted.
static ABBREVIATIONS: &[Entry] = &[
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

static KEYS: [u64; ABBREVIATIONS.len()] = abbrev::keys(ABBREVIATIONS);

/// Capitalized words that commonly start a sentence.
static STARTERS: &[&str] = &[
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

// The zones news names in the corpus and their usual neighbours: North
// America, Europe, Asia-Pacific, Africa.
const ENGLISH_TIME_ZONES: &[&str] = &[
    "UTC", "GMT", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT",
    "AKST", "AKDT", "HST", "AST", "ADT", "NST", "NDT", "BST", "IST", "WET", "WEST", "CET", "CEST",
    "EET", "EEST", "MSK", "SAST", "WAT", "CAT", "EAT", "GST", "PKT", "ICT", "WIB", "SGT", "HKT",
    "PHT", "JST", "KST", "AEST", "AEDT", "ACST", "ACDT", "AWST", "NZST", "NZDT",
];

/// English, as news agencies write it (AP style and its neighbours).
static DATES: DateWords = DateWords {
    meridiems: &["a.m", "p.m"],
    weekdays: &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    weekday_abbreviations: &[
        "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
    ],
    months: &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    month_abbreviations: &[
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ],
    time_zones: ENGLISH_TIME_ZONES,
    zone_heads: &["time"],
};

/// Bound prefixes that UD English keeps attached before a hyphen.
/// (Seen in EWT dev: e, re, non, anti, vice, semi, mis, counter, over;
/// the others are bound prefixes that cannot stand alone. "self-" splits.)
static HYPHEN_PREFIXES: &[&[u8]] = &[
    b"e", b"re", b"non", b"anti", b"pre", b"post", b"co", b"vice", b"semi", b"mis", b"counter",
    b"over", b"multi", b"inter", b"mid", b"ex", b"bi", b"tri", b"sub", b"un", b"de", b"dis",
    b"intra", b"micro", b"neo", b"ultra", b"trans",
];

/// Contractions written without an apostrophe, split the UD English way:
/// `(word, length of the first part)`.
/// Sorted; every entry ends in `a`, `e`, `m`, `s` or `t` (see
/// [`split_contraction`]).
static CONTRACTIONS: &[(&str, usize)] = &[
    ("alot", 1),
    ("arent", 3),
    ("cannot", 3),
    ("cant", 2),
    ("couldnt", 5),
    ("didnt", 3),
    ("doesnt", 4),
    ("dont", 2),
    ("gimme", 3),
    ("gonna", 3),
    ("gotta", 3),
    ("hadnt", 3),
    ("hasnt", 3),
    ("havent", 4),
    ("im", 1),
    ("isnt", 2),
    ("ive", 1),
    ("lemme", 3),
    ("outta", 3),
    ("shouldnt", 6),
    ("thats", 4),
    ("theyre", 4),
    ("wanna", 3),
    ("wasnt", 3),
    ("werent", 4),
    ("whats", 4),
    ("wont", 2),
    ("wouldnt", 5),
    ("youre", 3),
];

/// [`CONTRACTIONS`] as packed keys, in the same (sorted) order.
static CONTRACTION_KEYS: [u64; CONTRACTIONS.len()] = {
    let mut keys = [0u64; CONTRACTIONS.len()];
    let mut i = 0;
    while i < CONTRACTIONS.len() {
        keys[i] = abbrev::const_key(CONTRACTIONS[i].0.as_bytes());
        i += 1;
    }
    keys
};

/// Where treebank mode splits the letter run `word` (not joined by any
/// punctuation): the length and kind of its first part.
#[inline(always)]
pub(super) fn split_word(word: &str) -> Option<(usize, TokenKind)> {
    if let Some(len) = split_contraction(word) {
        return Some((len, TokenKind::Word));
    }
    // UD English splits a number from a unit written against it
    // ("375mm", "650k"), but not ordinals or decades ("4th", "1990s").
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    if digits > 0
        && !suffix.is_empty()
        && suffix.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(suffix, "st" | "nd" | "rd" | "th" | "s")
    {
        return Some((digits, TokenKind::Number));
    }
    None
}

/// The length of the first part of an apostrophe-less contraction.
#[inline]
fn split_contraction(word: &str) -> Option<usize> {
    // Every entry ends in one of these letters; most words are rejected here.
    if !matches!(word.as_bytes().last()? | 0x20, b'a' | b'e' | b'm' | b's' | b't') {
        return None;
    }
    let k = abbrev::key(word.as_bytes())?;
    let index = CONTRACTION_KEYS.binary_search(&k).ok()?;
    Some(CONTRACTIONS[index].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contraction_table_is_sorted_and_prefiltered() {
        for pair in CONTRACTIONS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} >= {}", pair[0].0, pair[1].0);
        }
        for (word, len) in CONTRACTIONS {
            assert!(matches!(word.as_bytes()[word.len() - 1], b'a' | b'e' | b'm' | b's' | b't'));
            assert!(*len < word.len());
            assert_eq!(split_contraction(word), Some(*len));
            assert_eq!(split_contraction(&word.to_uppercase()), Some(*len));
        }
    }

    // The abbreviation table decides the period *after* a month or weekday
    // abbreviation; it must know every one listed here, or "a.m. Sept. 11"
    // and "Sun. Nov. 21" would split.
    #[test]
    fn date_abbreviations_agree_with_the_abbreviation_table() {
        let table = &RULES.abbreviations;
        for word in DATES.month_abbreviations {
            let capitalized = word[..1].to_uppercase() + &word[1..];
            assert_eq!(table.lookup(&capitalized), Some(Class::Month), "{word}");
        }
        for word in DATES.weekday_abbreviations {
            let capitalized = word[..1].to_uppercase() + &word[1..];
            assert_eq!(table.lookup(&capitalized), Some(Class::Weekday), "{word}");
        }
    }

    #[test]
    fn date_lookups() {
        assert!(DATES.is_meridiem("p.m"));
        assert!(DATES.is_meridiem("A.M"));
        assert!(!DATES.is_meridiem("pm"));
        assert!(DATES.is_weekday("Tuesday"));
        assert!(!DATES.is_weekday("Tues"));
        assert!(DATES.is_weekday_abbreviation("Tues"));
        assert!(DATES.is_month("Sept"));
        assert!(DATES.is_month("January"));
        assert!(!DATES.is_month("Janet"));
        assert!(DATES.is_time_zone("EST"));
        assert!(!DATES.is_time_zone("Est"));
        assert!(DATES.is_zone_head("Time"));
    }
}
