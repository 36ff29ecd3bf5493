//! Byte offsets to code-point offsets: the one conversion that every
//! outward-facing interface (JSON output, the Python binding) uses.

use crate::Span;

/// Converts byte offsets of one text into code-point (Unicode scalar value)
/// offsets, as Python's `str` indexes.
///
/// Lookups are amortized O(1) when offsets are asked for in ascending order
/// (the order every dateline result comes in); any order is correct. ASCII
/// text is detected once and converted without any counting.
///
/// # Example
///
/// ```
/// use dateline_tokenize::{CharOffsets, Span};
///
/// let text = "Київ, 23 July";
/// let mut offsets = CharOffsets::new(text);
/// // "July" is bytes 13..17 but code points 9..13.
/// assert_eq!(offsets.span(Span::new(13, 17)), (9, 13));
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    ascii: bool,
    // The last position asked for, as (byte offset, code-point offset).
    cursor: (usize, usize),
}

impl<'t> CharOffsets<'t> {
    /// Prepares conversion for `text`.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets { text, ascii: text.is_ascii(), cursor: (0, 0) }
    }

    /// The code-point offset of byte offset `byte`.
    ///
    /// A `byte` that falls inside a multi-byte character counts the
    /// characters that start before it; a `byte` past the end of the text
    /// is clamped to the end.
    pub fn char_offset(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let (mut at_byte, mut at_char) = self.cursor;
        if byte < at_byte {
            // Walking back is rare; restart rather than keep a second index.
            (at_byte, at_char) = (0, 0);
        }
        at_char += count_char_starts(&self.text.as_bytes()[at_byte..byte]);
        self.cursor = (byte, at_char);
        at_char
    }

    /// The code-point offsets `(start, end)` of a byte span.
    pub fn span(&mut self, span: Span) -> (usize, usize) {
        let start = self.char_offset(span.start);
        (start, self.char_offset(span.end))
    }
}

/// Counts the bytes that begin a UTF-8 sequence (everything but continuation
/// bytes `0b10xx_xxxx`), which is the number of chars that start in `bytes`.
///
/// Eight bytes at a time: a byte starts a char when its top bit is clear
/// or its next bit is set, which gives one flag bit per byte; a multiply
/// sums the eight flags into the top byte.
fn count_char_starts(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut words = bytes.chunks_exact(8);
    let mut count = 0;
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("an 8-byte chunk"));
        let starts = ((!word >> 7) | (word >> 6)) & ONES;
        count += (starts.wrapping_mul(ONES) >> 56) as usize;
    }
    count + words.remainder().iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The slow reference: count chars up to each byte offset.
    fn reference(text: &str, byte: usize) -> usize {
        text.char_indices().take_while(|&(i, _)| i < byte).count()
    }

    #[test]
    fn ascii_is_identity() {
        let mut offsets = CharOffsets::new("Kyiv, July 23");
        assert_eq!(offsets.span(Span::new(6, 10)), (6, 10));
    }

    #[test]
    fn emoji_combining_and_cjk() {
        let text = "👩‍👩‍👧 é 北京 Kyiv";
        let mut offsets = CharOffsets::new(text);
        let kyiv = text.find("Kyiv").unwrap();
        assert_eq!(offsets.char_offset(kyiv), reference(text, kyiv));
        // Out-of-order and out-of-range requests still answer correctly.
        assert_eq!(offsets.char_offset(0), 0);
        assert_eq!(offsets.char_offset(10_000), text.chars().count());
    }

    #[test]
    fn char_starts_are_counted_in_every_alignment() {
        let text = "aé€😀 Київ\u{301}b👩‍👩‍👧 ascii tail";
        for from in 0..text.len() {
            for to in from..=text.len() {
                let bytes = &text.as_bytes()[from..to];
                let slow = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
                assert_eq!(count_char_starts(bytes), slow, "{from}..{to}");
            }
        }
    }

    proptest! {
        #[test]
        fn agrees_with_slow_reference(text in "\\PC{0,40}", picks in prop::collection::vec(0usize..200, 0..12)) {
            let boundaries: Vec<usize> =
                text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut offsets = CharOffsets::new(&text);
            for pick in picks {
                let byte = boundaries[pick % boundaries.len()];
                prop_assert_eq!(offsets.char_offset(byte), reference(&text, byte));
            }
        }
    }
}
