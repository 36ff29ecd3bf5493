//! Abbreviation tables: words whose following period does not (always)
//! end a sentence. Each language's table lives in its rules file
//! (`crate::rules::en` and its siblings); this module holds the shape they
//! share and the packed-key lookup.

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

/// One entry: `(lowercase form, class, whether it must be written
/// capitalized)`. Capitalization is required where the lowercase form is a
/// common word ("ill.", "wash.", "miss.", "sat.") that can end a sentence.
pub(crate) type Entry = (&'static str, Class, bool);

/// A language's abbreviations, sorted by their lowercase form, with their
/// packed keys (see [`key`]) for a binary search that compares one `u64`
/// per step.
#[derive(Debug)]
pub(crate) struct Abbreviations {
    entries: &'static [Entry],
    keys: &'static [u64],
    // For each first byte of a key, a bit per key length (1 to 8 bytes)
    // that some entry has: most words before a period ("said", "2025",
    // "officials") share no first letter and length with an entry and
    // skip the search (78% of those in English news).
    lengths_by_first: [u8; 256],
}

impl Abbreviations {
    /// A table over `entries` and their keys from [`keys`].
    pub(crate) const fn new(entries: &'static [Entry], keys: &'static [u64]) -> Abbreviations {
        assert!(entries.len() == keys.len(), "one key per entry");
        let mut lengths_by_first = [0u8; 256];
        let mut i = 0;
        while i < keys.len() {
            lengths_by_first[(keys[i] >> 56) as usize] |= length_bit(keys[i]);
            i += 1;
        }
        Abbreviations { entries, keys, lengths_by_first }
    }

    /// Looks up `word` (without its period).
    #[inline]
    pub(crate) fn lookup(&self, word: &str) -> Option<Class> {
        let k = key(word.as_bytes())?;
        if self.lengths_by_first[(k >> 56) as usize] & length_bit(k) == 0 {
            return None;
        }
        let index = self.keys.binary_search(&k).ok()?;
        let (_, class, needs_capital) = self.entries[index];
        if needs_capital && !word.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        Some(class)
    }

    /// The entries, for tests.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> &'static [Entry] {
        self.entries
    }
}

/// One bit for the length of a packed key: its bytes before the zero
/// padding. The bit depends on the key alone, so a word whose key is in
/// the table always finds its bit set.
#[inline]
const fn length_bit(key: u64) -> u8 {
    1 << ((key.trailing_zeros() / 8) & 7)
}

/// Packs a word into a `u64` that sorts like the word's lowercase bytes and
/// compares in one instruction: up to 8 bytes, ASCII-lowercased,
/// big-endian and zero-padded. A word written in ASCII and Cyrillic
/// letters (U+0400 to U+04FF) packs one byte per Cyrillic letter instead
/// (see [`cyrillic_byte`]), with capitals folded, so that Cyrillic
/// abbreviations of up to 8 letters fit and "Вул" finds "вул". `None` for
/// empty or longer input.
///
/// English and the other Latin-script tables only ever take the first
/// branch: a word of at most 8 ASCII bytes.
#[inline]
pub(crate) fn key(bytes: &[u8]) -> Option<u64> {
    if bytes.len() <= 8 {
        if bytes.is_empty() {
            return None;
        }
        let mut buf = [0u8; 8];
        buf[..bytes.len()].copy_from_slice(bytes);
        let packed = u64::from_be_bytes(buf);
        if packed & 0x8080_8080_8080_8080 == 0 {
            return Some(to_ascii_lowercase_u64(packed));
        }
    }
    // A longer word that starts in ASCII is no abbreviation of any table
    // (English words end here as they always did).
    if bytes.len() > 16 || (bytes[0] < 0x80 && bytes.len() > 8) {
        return None;
    }
    non_ascii_key(bytes)
}

/// [`key`] of a word with a non-ASCII byte: the Cyrillic packing when
/// every char is ASCII or Cyrillic, else the raw bytes (at most 8) with
/// ASCII folded, as French "déc" and "n°" have always been looked up.
#[inline(never)]
fn non_ascii_key(bytes: &[u8]) -> Option<u64> {
    const_key_checked(bytes)
}

/// [`key`] at compile time, for the tables.
pub(crate) const fn const_key(bytes: &[u8]) -> u64 {
    match const_key_checked(bytes) {
        Some(k) => k,
        None => panic!("table words are 1 to 8 letters (8 bytes unless Cyrillic)"),
    }
}

/// The key of `bytes` (UTF-8), in either packing, or `None` when it does
/// not fit.
const fn const_key_checked(bytes: &[u8]) -> Option<u64> {
    if bytes.is_empty() {
        return None;
    }
    // The Cyrillic packing, when every char allows it.
    let mut k = 0u64;
    let mut n = 0;
    let mut i = 0;
    let mut cyrillic = true;
    while i < bytes.len() {
        let b = bytes[i];
        let packed = if b < 0x80 {
            i += 1;
            b.to_ascii_lowercase()
        } else if (b == 0xD0 || b == 0xD1 || b == 0xD2 || b == 0xD3) && i + 1 < bytes.len() {
            let c = (((b & 0x1F) as u32) << 6) | (bytes[i + 1] & 0x3F) as u32;
            i += 2;
            match cyrillic_byte(c) {
                Some(packed) => packed,
                None => {
                    cyrillic = false;
                    break;
                }
            }
        } else {
            cyrillic = false;
            break;
        };
        if n == 8 {
            return None;
        }
        k = (k << 8) | packed as u64;
        n += 1;
    }
    if cyrillic {
        return Some(k << (8 * (8 - n)));
    }
    // The raw bytes.
    if bytes.len() > 8 {
        return None;
    }
    let mut k = 0u64;
    let mut i = 0;
    while i < 8 {
        let b = if i < bytes.len() { bytes[i].to_ascii_lowercase() } else { 0 };
        k = (k << 8) | b as u64;
        i += 1;
    }
    Some(k)
}

/// One byte for a Cyrillic letter in a packed key: its lowercase form's
/// code point minus U+0430 plus 0x80, so "а" to "џ" (U+0430 to U+045F)
/// pack to 0x80 to 0xAF in code point order, which is the order of their
/// UTF-8 bytes; Ukrainian "ґ" (U+0491) packs to 0xB0. `None` for other
/// chars (the letters of other Cyrillic languages keep raw bytes).
///
/// The two packings never meet: every byte of a Cyrillic key is below
/// 0xC2, and a raw key of non-ASCII text holds a UTF-8 lead byte of 0xC2
/// or more.
const fn cyrillic_byte(c: u32) -> Option<u8> {
    let lower = match c {
        // Ѐ to Џ, then А to Я.
        0x400..=0x40F => c + 0x50,
        0x410..=0x42F => c + 0x20,
        0x430..=0x45F => c,
        0x490 | 0x491 => return Some(0xB0),
        _ => return None,
    };
    Some((lower - 0x430 + 0x80) as u8)
}

/// The packed keys of `entries`, in order, built at compile time:
/// `static KEYS: [u64; TABLE.len()] = abbrev::keys(TABLE);`.
pub(crate) const fn keys<const N: usize>(entries: &[Entry]) -> [u64; N] {
    assert!(entries.len() == N, "one key per entry");
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N {
        keys[i] = const_key(entries[i].0.as_bytes());
        i += 1;
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lang, rules};

    #[test]
    fn tables_are_sorted_and_lowercase() {
        for lang in Lang::ALL {
            let table = &rules::rules(lang).abbreviations;
            for pair in table.entries().windows(2) {
                assert!(pair[0].0 < pair[1].0, "{lang}: {} >= {}", pair[0].0, pair[1].0);
            }
            for (word, _, _) in table.entries() {
                assert_eq!(*word, word.to_lowercase(), "{lang}");
            }
        }
    }

    #[test]
    fn keys_sort_like_words() {
        for lang in Lang::ALL {
            let table = &rules::rules(lang).abbreviations;
            for pair in table.keys.windows(2) {
                assert!(pair[0] < pair[1], "{lang}");
            }
            for (word, _, _) in table.entries() {
                assert_eq!(key(word.as_bytes()), Some(const_key(word.as_bytes())));
                assert_eq!(key(word.to_ascii_uppercase().as_bytes()), key(word.as_bytes()));
                // Capitals fold in ASCII and Cyrillic (not in "déc").
                if word.chars().all(|c| c.is_ascii() || ('\u{430}'..='\u{491}').contains(&c)) {
                    let upper = word.to_uppercase();
                    assert_eq!(key(upper.as_bytes()), key(word.as_bytes()), "{word}");
                }
            }
        }
        assert_eq!(key(b""), None);
        assert_eq!(key(b"123456789"), None);
        assert_eq!(key(b"Mr"), key(b"mr"));
    }

    #[test]
    fn cyrillic_keys_fold_capitals_and_hold_eight_letters() {
        let k = |w: &str| key(w.as_bytes());
        assert_eq!(k("Вул"), k("вул"));
        assert_eq!(k("ІМ"), k("ім"));
        assert_eq!(k("Ґанок"), k("ґанок"));
        assert_eq!(k("Ёлка"), k("ёлка"));
        assert!(k("примечан").is_some() && k("примечани").is_none());
        assert_ne!(k("тыс"), k("тис"));
        // Keys sort like the lowercase words' bytes.
        let mut words = ["р", "рр", "ім", "ґ", "вул", "т.д", "абв", "щ", "ї", "є", "ё", "z", "a"];
        words.sort_unstable();
        let keys: Vec<u64> = words.iter().map(|w| k(w).unwrap()).collect();
        assert!(keys.windows(2).all(|p| p[0] < p[1]), "{words:?}");
        // A word with letters of no packing stays raw: "n°", "déc".
        assert_eq!(k("N°"), Some(const_key("n°".as_bytes())));
        assert_eq!(k("déc"), Some(const_key("déc".as_bytes())));
    }

    // Every byte of a Cyrillic key is below 0xC2; every raw key of
    // non-ASCII text has a UTF-8 lead byte of 0xC2 or more.
    #[test]
    fn packings_do_not_meet() {
        for c in ('\u{400}'..='\u{45f}').chain(['ґ', 'Ґ']) {
            let word = format!("{c}{c}");
            let k = key(word.as_bytes()).unwrap();
            assert!(k.to_be_bytes().iter().all(|&b| b < 0xC2), "{c}");
        }
        for word in ["n°", "déc", "ѣ", "ß"] {
            let k = key(word.as_bytes()).unwrap();
            assert!(k.to_be_bytes().iter().any(|&b| b >= 0xC2), "{word}");
        }
    }

    #[test]
    fn cyrillic_lookups() {
        let uk = &rules::rules(Lang::Uk).abbreviations;
        assert_eq!(uk.lookup("Вул"), Some(Class::Title));
        assert_eq!(uk.lookup("ім"), Some(Class::Title));
        assert_eq!(uk.lookup("р"), Some(Class::General));
        assert_eq!(uk.lookup("ріка"), None);
        let ru = &rules::rules(Lang::Ru).abbreviations;
        assert_eq!(ru.lookup("Г"), Some(Class::General));
        assert_eq!(ru.lookup("гг"), Some(Class::General));
        assert_eq!(ru.lookup("т.д"), Some(Class::General));
        assert_eq!(ru.lookup("год"), None);
    }

    // The first-byte and length filter never turns an entry away.
    #[test]
    fn every_entry_is_found() {
        for lang in Lang::ALL {
            let table = &rules::rules(lang).abbreviations;
            for &(word, class, needs_capital) in table.entries() {
                let mut chars = word.chars();
                let capitalized: String =
                    chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
                let written = if needs_capital { capitalized.as_str() } else { word };
                assert_eq!(table.lookup(written), Some(class), "{lang}: {word}");
            }
        }
    }

    #[test]
    fn english_lookups() {
        let en = &rules::rules(Lang::En).abbreviations;
        assert_eq!(en.lookup("Mr"), Some(Class::Title));
        assert_eq!(en.lookup("MR"), Some(Class::Title));
        assert_eq!(en.lookup("etc"), Some(Class::General));
        assert_eq!(en.lookup("Wash"), Some(Class::General));
        assert_eq!(en.lookup("wash"), None);
        assert_eq!(en.lookup("N°"), Some(Class::BeforeNumber));
        assert_eq!(en.lookup("Washington"), None);
    }
}
