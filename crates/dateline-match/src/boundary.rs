//! Token boundaries of the original text.
//!
//! The rule is the tokenizer's ([`dateline_tokenize::is_word_char`] and
//! [`dateline_tokenize::is_word_boundary`]), so entity boundaries agree with
//! token boundaries: a match may start or end where the characters on
//! either side are not both word characters (letters, digits, combining
//! marks), and around every CJK ideograph or hiragana character.

/// Whether `c` continues a word: letters, digits and combining marks.
///
/// Apostrophes, hyphens and other punctuation are not word characters, so
/// "China's", "China-Russia" and "(China)" all have a boundary after
/// "China".
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    dateline_tokenize::is_word_char(c)
}

/// Characters of scripts written without spaces, each of which is its own
/// token (Han ideographs, hiragana). This mirrors the tokenizer's private
/// single-character-word set, which `is_word_boundary` applies; the scanner
/// needs it to split such runs the same way.
#[inline]
pub(crate) fn is_standalone(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{309F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Whether byte offset `pos` of `text` is a token boundary. Offsets that are
/// not on a char boundary are never token boundaries.
#[inline]
pub(crate) fn is_boundary_at(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    // Both neighbours ASCII: the common case, no decoding.
    if let (Some(&a), Some(&b)) = (pos.checked_sub(1).and_then(|i| bytes.get(i)), bytes.get(pos))
        && a.is_ascii()
        && b.is_ascii()
    {
        return !(a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric());
    }
    pos <= text.len() && dateline_tokenize::is_word_boundary(text, pos)
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
            ("ロンドン", 3, false),
            ("é", 1, false),
            ("", 0, true),
            ("ab", 2, true),
        ];
        for &(text, pos, want) in cases {
            assert_eq!(is_boundary_at(text, pos), want, "{text:?} at {pos}");
        }
    }
}
