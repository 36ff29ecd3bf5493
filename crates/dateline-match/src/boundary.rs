//! Token boundaries of the original text.
//!
//! One predicate decides where a match may start and end. It lives here, in
//! one private place, so that it can follow the tokenizer's notion of a word
//! character once `dateline-tokenize` exports it.

use unicode_normalization::char::is_combining_mark;

/// Whether `c` continues a word: letters, digits and combining marks.
///
/// Apostrophes, hyphens and other punctuation are not word characters, so
/// "China's", "China-Russia" and "(China)" all have a boundary after
/// "China".
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Characters of scripts written without spaces, each of which is its own
/// token for boundary purposes (Han ideographs, kana).
#[inline]
pub(crate) fn is_standalone(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Whether there is a token boundary between `prev` and `next` (`None` is
/// the start or end of the text).
#[inline]
pub(crate) fn is_boundary(prev: Option<char>, next: Option<char>) -> bool {
    match (prev, next) {
        (Some(a), Some(b)) => {
            !(is_word_char(a) && is_word_char(b)) || is_standalone(a) || is_standalone(b)
        }
        _ => true,
    }
}

/// Whether byte offset `pos` of `text` is a token boundary. Offsets that are
/// not on a char boundary are never token boundaries.
#[inline]
pub(crate) fn is_boundary_at(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    if !text.is_char_boundary(pos) {
        return false;
    }
    // Both neighbours ASCII: the common case, no decoding.
    let prev = pos.checked_sub(1).map(|i| bytes[i]);
    let next = bytes.get(pos).copied();
    match (prev, next) {
        (Some(a), Some(b)) if a.is_ascii() && b.is_ascii() => {
            !(a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
        }
        _ => is_boundary(text[..pos].chars().next_back(), text[pos..].chars().next()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_in_context() {
        let cases: &[(&str, usize, bool)] = &[
            ("Iranian", 4, false),
            ("China's", 5, true),
            ("China’s", 5, true),
            ("(China)", 1, true),
            ("China-Russia", 5, true),
            ("Sa\u{303}o", 2, false),
            ("Sa\u{303}o", 4, false),
            ("北京市", 3, true),
            ("é", 1, false),
            ("", 0, true),
            ("ab", 2, true),
        ];
        for &(text, pos, want) in cases {
            assert_eq!(is_boundary_at(text, pos), want, "{text:?} at {pos}");
        }
    }
}
