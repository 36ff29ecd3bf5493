//! Byte offsets to code-point offsets: the one conversion that every
//! outward-facing interface (JSON output, the Python binding) uses.

use crate::Span;

/// Converts byte offsets of one text into code-point (Unicode scalar value)
/// offsets, as Python's `str` indexes.
///
/// Lookups are amortized O(1) when offsets are asked for in ascending order
/// (the order every dateline result comes in); any order is correct. The
/// ASCII start of the text (all of it, for ASCII text) is found once and
/// converted without any counting.
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
    // The bytes before this offset are ASCII, so there a code-point offset
    // is the byte offset: news with one "£" or "é" converts most of its
    // spans without counting.
    ascii_prefix: usize,
    // The last position asked for past the ASCII prefix, as (byte offset,
    // code-point offset).
    cursor: (usize, usize),
}

impl<'t> CharOffsets<'t> {
    /// Prepares conversion for `text`.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        let ascii_prefix = ascii_prefix_len(text.as_bytes());
        CharOffsets { text, ascii_prefix, cursor: (ascii_prefix, ascii_prefix) }
    }

    /// The code-point offset of byte offset `byte`.
    ///
    /// A `byte` that falls inside a multi-byte character counts the
    /// characters that start before it; a `byte` past the end of the text
    /// is clamped to the end.
    #[inline]
    pub fn char_offset(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte <= self.ascii_prefix {
            return byte;
        }
        let (mut at_byte, mut at_char) = self.cursor;
        if byte < at_byte {
            // Walking back is rare; restart rather than keep a second index.
            (at_byte, at_char) = (self.ascii_prefix, self.ascii_prefix);
        }
        at_char += count_char_starts(self.text.as_bytes(), at_byte, byte);
        self.cursor = (byte, at_char);
        at_char
    }

    /// The code-point offsets `(start, end)` of a byte span.
    #[inline]
    pub fn span(&mut self, span: Span) -> (usize, usize) {
        let start = self.char_offset(span.start);
        (start, self.char_offset(span.end))
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `bytes` from `at`, read little-endian.
#[inline]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("an 8-byte chunk"))
}

/// The number of continuation bytes (`0b10xx_xxxx`) in the word: a flag
/// per byte with its top bit set and the next one clear, summed into the
/// top byte by one multiply.
#[inline]
fn continuations(word: u64) -> usize {
    ((word & !(word << 1) & HIGHS) >> 7).wrapping_mul(ONES) as usize >> 56
}

/// The length of the ASCII start of `bytes`, eight bytes at a time.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let high = word_at(bytes, at) & HIGHS;
        if high != 0 {
            return at + high.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    at + bytes[at..].iter().take_while(|b| b.is_ascii()).count()
}

/// Counts the bytes of `bytes[from..to]` that begin a UTF-8 sequence
/// (everything but continuation bytes), which is the number of chars that
/// start there.
///
/// Sixteen bytes at a time, and ASCII stretches at a test each; a last
/// partial word is read whole and masked when the text goes on past it,
/// since the short hops between the ends of neighbouring spans are the
/// common case.
fn count_char_starts(bytes: &[u8], from: usize, to: usize) -> usize {
    let mut skipped = 0;
    let mut at = from;
    while at + 16 <= to {
        let (a, b) = (word_at(bytes, at), word_at(bytes, at + 8));
        if (a | b) & HIGHS != 0 {
            skipped += continuations(a) + continuations(b);
        }
        at += 16;
    }
    if at + 8 <= to {
        skipped += continuations(word_at(bytes, at));
        at += 8;
    }
    let rest = to - at;
    if rest > 0 {
        if at + 8 <= bytes.len() {
            let low_bytes = (1u64 << (8 * rest)) - 1;
            skipped += continuations(word_at(bytes, at) & low_bytes);
        } else {
            skipped += bytes[at..to].iter().filter(|&&b| (b as i8) < -0x40).count();
        }
    }
    (to - from) - skipped
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
        let text = "aé€😀 Київ\u{301}b👩‍👩‍👧 ascii tail and some more ASCII after it";
        let bytes = text.as_bytes();
        for from in 0..text.len() {
            for to in from..=text.len() {
                let slow = bytes[from..to].iter().filter(|&&b| (b as i8) >= -0x40).count();
                assert_eq!(count_char_starts(bytes, from, to), slow, "{from}..{to}");
            }
        }
        for end in 0..text.len() {
            let slow = bytes[..end].iter().take_while(|b| b.is_ascii()).count();
            assert_eq!(ascii_prefix_len(&bytes[..end]), slow, "{end}");
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
