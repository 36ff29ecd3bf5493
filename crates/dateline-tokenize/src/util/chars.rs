//! Character classes used by the tokenizer and the sentence splitter.

use crate::TokenKind;

/// Byte classes for the ASCII fast path.
pub(crate) const SPACE: u8 = 1;
pub(crate) const ALNUM: u8 = 2;
pub(crate) const OTHER: u8 = 3;

/// Class of every ASCII byte; bytes >= 0x80 are looked up by char.
pub(crate) static ASCII_CLASS: [u8; 128] = {
    let mut table = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = ALNUM;
        } else if c.is_ascii_whitespace() || c == 0x0B {
            table[b] = SPACE;
        }
        b += 1;
    }
    table
};

/// Whether byte `b` is ASCII whitespace (space, tab, newlines, form feed,
/// vertical tab).
#[inline]
pub(crate) const fn is_ascii_space(b: u8) -> bool {
    b < 128 && ASCII_CLASS[b as usize] == SPACE
}

/// Whether byte `b` is an ASCII letter or digit.
#[inline]
pub(crate) fn is_ascii_alnum(b: u8) -> bool {
    b < 128 && ASCII_CLASS[b as usize] == ALNUM
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;
const LOW7: u64 = ONES * 0x7F;

/// For each of the eight bytes of `x`: the byte's high bit set when
/// `m < byte < n` (and the byte is below 0x80), all other bits clear.
#[inline]
fn between(x: u64, m: u64, n: u64) -> u64 {
    ((ONES * (127 + n)).wrapping_sub(x & LOW7) & !x & (x & LOW7).wrapping_add(ONES * (127 - m)))
        & HIGH
}

/// ASCII-lowercases the eight bytes of `x` at once.
#[inline]
pub(crate) fn to_ascii_lowercase_u64(x: u64) -> u64 {
    x | (between(x, 0x40, 0x5B) >> 2)
}

/// The number of leading ASCII letters and digits in the 8 bytes of
/// `chunk` (loaded little-endian), 8 if all are.
///
/// SWAR: for bytes below 0x80, `m < b < n` is computed for all eight
/// bytes at once without carries between them (see "Determine if a word
/// has a byte between m and n" in Bit Twiddling Hacks); bytes with the high
/// bit set are never letters or digits.
#[inline]
pub(crate) fn alnum_prefix_len(chunk: u64) -> usize {
    let letters = between(chunk | (ONES * 0x20), 0x60, 0x7B);
    let digits = between(chunk, 0x2F, 0x3A);
    let stop = !(letters | digits) & HIGH;
    (stop.trailing_zeros() / 8) as usize
}

/// Whether the period at `i`, right after the ASCII letters `start..i`,
/// ends a sentence whose following space is missing: a word ending in two
/// lowercase letters, the period, and a capitalized word that is not a
/// domain or part of an address ("this site.Most of", not "Newsfeed.Com"
/// or "Jane.Doe@").
pub(crate) fn glued_sentence_end(bytes: &[u8], start: usize, i: usize) -> bool {
    let Some(left) = bytes.get(start..i) else { return false };
    if left.len() < 2
        || left.eq_ignore_ascii_case(b"www")
        || !left.iter().all(u8::is_ascii_alphabetic)
        || !left[left.len() - 2..].iter().all(u8::is_ascii_lowercase)
    {
        return false;
    }
    let right = bytes.get(i + 1..).unwrap_or_default();
    let len = right.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if len < 2 || !right[0].is_ascii_uppercase() || !right[1].is_ascii_lowercase() {
        return false;
    }
    let next = right.get(len).copied();
    !is_tld(&right[..len]) && !matches!(next, Some(b'.' | b'/' | b'@' | b'_' | b'-' | b'0'..=b'9'))
}

/// Whether the text just before `at` looks like part of a web or e-mail
/// address: within the 64 bytes before `at`, back to the last ASCII space,
/// there is an `@` or a `://`, or the chunk starts with `www.`.
///
/// Bounded, so calling it at every period stays linear; the tokenizer and
/// the sentence splitter both ask it, so they agree.
pub(crate) fn in_address(bytes: &[u8], at: usize) -> bool {
    let floor = at.saturating_sub(64);
    let mut from = at.min(bytes.len());
    while from > floor && !is_ascii_space(bytes[from - 1]) {
        from -= 1;
    }
    let chunk = &bytes[from..at.min(bytes.len())];
    chunk.contains(&b'@')
        || chunk.windows(3).any(|w| w == b"://")
        || chunk.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"www."))
}

/// Whether `word` is a common top-level domain (any case).
pub(crate) fn is_tld(word: &[u8]) -> bool {
    ["com", "org", "net", "edu", "gov", "int", "io", "info", "biz"]
        .iter()
        .any(|t| word.eq_ignore_ascii_case(t.as_bytes()))
}

/// Whether non-ASCII `c` is a combining mark (General_Category M).
pub(crate) fn is_mark(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x300 {
        return false;
    }
    super::marks::MARKS
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                core::cmp::Ordering::Less
            } else if lo > cp {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// [`crate::is_word_char`] for non-ASCII chars.
#[inline]
pub(crate) fn is_word_char_non_ascii(c: char) -> bool {
    // U+02BC MODIFIER LETTER APOSTROPHE is a letter to Unicode but an
    // apostrophe in practice ("Ukraineʼs").
    (c.is_alphanumeric() || is_mark(c)) && c != '\u{02BC}'
}

/// Whether `c` is a char that forms a word on its own: CJK ideographs and
/// hiragana, which are written without spaces, so that a name inside a
/// Chinese or Japanese sentence still starts and ends on token boundaries
/// (as in UAX #29, which also splits them one by one).
#[inline]
pub(crate) fn is_single_char_word(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x309F      // Hiragana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x3FFFF  // CJK Extensions B and later
    )
}

/// Whether `c` starts an emoji grapheme (an approximation of
/// Extended_Pictographic plus regional indicators that covers the emoji
/// blocks).
#[inline]
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x231A..=0x231B | 0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA
        | 0x24C2 | 0x25AA..=0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE
        | 0x2600..=0x27BF | 0x2934..=0x2935 | 0x2B05..=0x2B07 | 0x2B1B..=0x2B1C
        | 0x2B50 | 0x2B55 | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x1F000..=0x1FAFF | 0x1FC00..=0x1FFFD
    )
}

/// Whether `c` is an apostrophe: `'`, `’` (U+2019) or `ʼ` (U+02BC).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The kind of a single non-word, non-emoji char.
pub(crate) fn punct_kind(c: char) -> TokenKind {
    if c.is_ascii() {
        return match c {
            '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' => TokenKind::Symbol,
            c if c.is_ascii_control() => TokenKind::Symbol,
            _ => TokenKind::Punct,
        };
    }
    match c as u32 {
        // Latin-1 punctuation: ¡ § « ¶ · » ¿
        0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF => TokenKind::Punct,
        // General Punctuation (dashes, quotes, bullets, ellipsis), minus
        // the invisible format chars.
        0x2010..=0x2027 | 0x2030..=0x205E => TokenKind::Punct,
        0x2E00..=0x2E7F => TokenKind::Punct,
        // CJK punctuation and full-width ASCII punctuation.
        0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F => TokenKind::Punct,
        0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF3D | 0xFF5B..=0xFF65 => TokenKind::Punct,
        // Arabic comma, semicolon, question mark, full stop; Hebrew maqaf.
        0x060C | 0x061B | 0x061F | 0x06D4 | 0x05BE | 0x05C3 => TokenKind::Punct,
        _ => TokenKind::Symbol,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_prefix_agrees_with_bytes() {
        let samples: [&[u8; 8]; 6] = [
            b"abcdefgh",
            b"Kyiv, Ju",
            b"09azAZ@[",
            b"`{/:_ -x",
            b"\xC3\xA9abcdef",
            b"ab\xE2\x80\x99s x",
        ];
        for sample in samples {
            let expected = sample.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            assert_eq!(alnum_prefix_len(u64::from_le_bytes(*sample)), expected, "{sample:?}");
        }
        for b in 0..=255u8 {
            let chunk = u64::from_le_bytes([b, b'a', b'a', b'a', b'a', b'a', b'a', b' ']);
            let expected = if b.is_ascii_alphanumeric() { 7 } else { 0 };
            assert_eq!(alnum_prefix_len(chunk), expected, "{b:#x}");
        }
    }

    #[test]
    fn lowercases_eight_bytes() {
        let x = u64::from_be_bytes(*b"AbZ@[\xC3\x89z");
        assert_eq!(to_ascii_lowercase_u64(x).to_be_bytes(), *b"abz@[\xC3\x89z");
    }

    #[test]
    fn marks_and_kinds() {
        assert!(is_mark('\u{0301}') && is_mark('\u{20E3}') && !is_mark('a') && !is_mark('é'));
        assert_eq!(punct_kind('—'), TokenKind::Punct);
        assert_eq!(punct_kind('€'), TokenKind::Symbol);
        assert_eq!(punct_kind('$'), TokenKind::Symbol);
        assert_eq!(punct_kind('"'), TokenKind::Punct);
        assert!(is_emoji('😀') && is_emoji('🇺') && !is_emoji('€'));
        assert!(is_single_char_word('北') && !is_single_char_word('ア'));
    }
}
