//! Word-table keys for languages written in a non-Latin alphabet.
//!
//! The word table keys a word by its bytes, at most sixteen of them
//! (`WordTable`), and a Cyrillic letter takes two bytes in UTF-8:
//! "вісімнадцятого" would not fit. So each letter of the language's
//! alphabet (`Tables::letters`) is keyed as one byte, 1 + its place in the
//! alphabet, below the apostrophe: control characters, space and
//! `!"#$`, which no word of a text holds, so no key of the alphabet is also
//! an ASCII word. Both cases of a letter and its folded forms ("ё" as "е",
//! the Ukrainian apostrophe "ʼ" as "'") share a key, so a lookup needs no
//! lowercasing: one table read per letter, no allocation.

use super::{MAX_KEY, Tables};

/// The key byte of every character of the alphabet's Unicode block.
#[derive(Debug)]
pub(crate) struct LetterKeys {
    /// The first code point of the 256-character block the letters lie in.
    block: u32,
    /// Key byte by offset in the block; 0 for characters that are no letter.
    keys: [u8; 256],
    /// Characters outside the block keyed as another ("’" as "'").
    folds: &'static [(char, char)],
}

impl LetterKeys {
    /// The keys of `tables.letters`; `None` for a language written in Latin
    /// letters (no alphabet given).
    ///
    /// # Panics
    ///
    /// When the alphabet does not lie in one 256-character block or has
    /// more letters than key bytes below the apostrophe: the table is wrong.
    pub(crate) fn new(tables: &Tables) -> Option<LetterKeys> {
        let first = tables.letters.chars().next()?;
        let block = u32::from(first) & !0xff;
        let mut keys = [0u8; 256];
        let offset = |c: char| {
            let off = u32::from(c).wrapping_sub(block);
            assert!(off < 256, "letter {c:?} lies outside the alphabet's block");
            off as usize
        };
        for (k, letter) in tables.letters.chars().enumerate() {
            let byte = u8::try_from(k + 1).ok().filter(|b| *b < b'\'');
            let byte = byte.expect("an alphabet of at most 38 letters");
            for c in std::iter::once(letter).chain(letter.to_uppercase()) {
                keys[offset(c)] = byte;
            }
        }
        for &(from, to) in tables.letter_folds {
            let off = u32::from(from).wrapping_sub(block);
            if off < 256 {
                let to = keys[offset(to)];
                for c in std::iter::once(from).chain(from.to_uppercase()) {
                    keys[offset(c)] = to;
                }
            }
        }
        Some(LetterKeys { block, keys, folds: tables.letter_folds })
    }

    /// The key byte of `c`: ASCII letters lowercased, the apostrophe as it
    /// is, letters of the alphabet by their place; `None` for anything else.
    #[inline]
    fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return (c.is_ascii_alphabetic() || c == '\'').then(|| c.to_ascii_lowercase() as u8);
        }
        let off = u32::from(c).wrapping_sub(self.block);
        if off < 256 {
            return Some(self.keys[off as usize]).filter(|b| *b != 0);
        }
        let &(_, to) = self.folds.iter().find(|(from, _)| *from == c)?;
        if to.is_ascii() { Some(to as u8) } else { None }
    }

    /// The key of `word` into `buf`; returns its length, or `None` when a
    /// character has no key or the key is longer than [`MAX_KEY`].
    #[inline]
    pub(crate) fn key(&self, word: &str, buf: &mut [u8; MAX_KEY]) -> Option<usize> {
        let mut n = 0;
        for c in word.chars() {
            *buf.get_mut(n)? = self.byte(c)?;
            n += 1;
        }
        Some(n)
    }

    /// Whether two words have the same key (case and folded letters aside).
    pub(crate) fn same(&self, a: &str, b: &str) -> bool {
        let mut x = a.chars().map(|c| self.byte(c));
        let mut y = b.chars().map(|c| self.byte(c));
        loop {
            match (x.next(), y.next()) {
                (None, None) => return true,
                (Some(Some(p)), Some(Some(q))) if p == q => {}
                _ => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{Language, Lex, Lexicon};

    /// Every Cyrillic word of the tables is found in capitals too (not only
    /// ASCII capitals), and folded letters find their word.
    #[test]
    fn cyrillic_words_are_found_in_any_case_and_folding() {
        for language in [Language::Ukrainian, Language::Russian] {
            let lx = Lexicon::new(language);
            for (w, lex) in language.tables().words {
                assert_eq!(lx.get(&w.to_uppercase()), Some(*lex), "{w}");
            }
        }
        let uk = Lexicon::new(Language::Ukrainian);
        assert_eq!(uk.get("ЛИПНЯ"), Some(Lex::Month(7)));
        assert_eq!(uk.get("пʼятниця"), Some(Lex::Weekday(5)), "modifier letter apostrophe");
        assert_eq!(uk.get("п’ятниця"), Some(Lex::Weekday(5)), "typographic apostrophe");
        assert_eq!(uk.get("вісімнадцятого"), Some(Lex::Ordinal(18)), "14 letters fit a key");
        assert_eq!(uk.get("липнях"), None);
        assert_eq!(uk.get("july"), None);
        let ru = Lexicon::new(Language::Russian);
        assert_eq!(ru.get("четвёртое"), Some(Lex::Ordinal(4)), "ё is е");
        assert_eq!(ru.get("Июля"), Some(Lex::Month(7)));
        // A letter outside the alphabet has no key.
        assert_eq!(ru.get("июλя"), None);
        assert!(uk.same_word("Року", "року"));
        assert!(!uk.same_word("року", "році"));
    }
}
