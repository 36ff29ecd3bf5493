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
}

impl Abbreviations {
    /// A table over `entries` and their keys from [`keys`].
    pub(crate) const fn new(entries: &'static [Entry], keys: &'static [u64]) -> Abbreviations {
        assert!(entries.len() == keys.len(), "one key per entry");
        Abbreviations { entries, keys }
    }

    /// Looks up `word` (without its period).
    #[inline]
    pub(crate) fn lookup(&self, word: &str) -> Option<Class> {
        let k = key(word.as_bytes())?;
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
            }
        }
        assert_eq!(key(b""), None);
        assert_eq!(key(b"123456789"), None);
        assert_eq!(key(b"Mr"), key(b"mr"));
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
