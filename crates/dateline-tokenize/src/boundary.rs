//! The word-character rule shared with `dateline-match`, so that entity
//! boundaries agree with token boundaries.

use crate::util::chars;

/// Whether `c` is part of a word: a letter, a digit or a combining mark.
///
/// Precisely: `char::is_alphanumeric` (Unicode `Alphabetic` or `Numeric`)
/// or General_Category `M` (`Mn`, `Mc`, `Me`), so an accent or a Devanagari
/// vowel sign never splits a word. Everything else — whitespace,
/// punctuation (including `'`, `’`, `-`, `_`, `.`), symbols and emoji — is
/// not, and neither is `ʼ` (U+02BC, a "letter" that is written as an
/// apostrophe: "Ukraineʼs"). ASCII takes one comparison; other chars a table lookup. No
/// allocation.
///
/// A match boundary at byte `i` is valid when the chars on either side of
/// `i` are not both word chars (see [`is_word_boundary`]); this is what makes
/// "China" match in "China's", "(China)" and "China-Russia" but "Iran" not
/// match in "Iranian". The [`Tokenizer`](crate::Tokenizer)'s token
/// boundaries are such boundaries, with two exceptions: a clitic split
/// inside a letter run (`do|n't`, and in treebank mode `can|not`, `gon|na`,
/// `375|mm`); and the other way round, [`Mode::Default`](crate::Mode::Default)
/// keeps `dual-use`, `U.S.` and URLs whole although a name may match inside
/// them.
///
/// # Example
///
/// ```
/// use dateline_tokenize::is_word_char;
///
/// assert!(is_word_char('a') && is_word_char('7') && is_word_char('й'));
/// assert!(is_word_char('\u{301}')); // combining acute accent
/// assert!(!is_word_char('\'') && !is_word_char('-') && !is_word_char('_'));
/// assert!(!is_word_char(' ') && !is_word_char('😀'));
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { chars::is_word_char_non_ascii(c) }
}

/// Whether byte offset `at` of `text` is a word boundary: the start or end
/// of the text, or a char boundary where the chars on either side are not
/// both [word chars](is_word_char). Between two CJK ideographs (or kana)
/// there is always a boundary, since the tokenizer makes each one a token.
///
/// An `at` that is not a char boundary (or is past the end) is never a
/// word boundary.
///
/// # Example
///
/// ```
/// use dateline_tokenize::is_word_boundary;
///
/// let text = "China's Iranian";
/// assert!(is_word_boundary(text, 5)); // China|'s
/// assert!(!is_word_boundary(text, 12)); // Iran|ian
/// assert!(is_word_boundary(text, text.len()));
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn is_word_boundary(text: &str, at: usize) -> bool {
    if at == 0 || at == text.len() {
        return true;
    }
    if !text.is_char_boundary(at) {
        return false;
    }
    let (Some(before), Some(after)) = (text[..at].chars().next_back(), text[at..].chars().next())
    else {
        return true;
    };
    // The range checks first: between Han characters they decide alone, and
    // `is_word_char` looks a non-ASCII char up in Unicode's tables.
    chars::is_single_char_word(before)
        || (chars::is_single_char_word(after) && !chars::is_mark(after))
        || !(is_word_char(before) && is_word_char(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars() {
        for c in ['A', 'z', '0', 'é', 'ж', '北', 'ー', '\u{0301}', '\u{094D}', '٣'] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in [' ', '\'', '’', '-', '.', '_', '@', '#', '$', '€', '😀', '\u{200D}'] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn boundaries() {
        assert!(is_word_boundary("北京", 3));
        assert!(!is_word_boundary("cafe\u{301}s", 5));
        assert!(!is_word_boundary("é", 1));
        assert!(!is_word_boundary("abc", 9));
        assert!(is_word_boundary("", 0));
    }
}
