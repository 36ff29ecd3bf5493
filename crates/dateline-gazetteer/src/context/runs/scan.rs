//! Runs of ASCII letters (and digits) read eight bytes at a time.
//!
//! The rules read the word on either side of nearly every name. A byte
//! loop over a word ends at a length that varies from word to word, which
//! the branch predictor misses about once a word; one 64-bit load and a
//! few arithmetic steps find where most words end without a loop.

/// Every byte of a `u64` set to one.
const ONES: u64 = u64::MAX / 255;
/// The high bit of every byte.
const HIGH: u64 = ONES * 0x80;
/// The bit that tells ASCII capitals from small letters, in every byte.
const CASE: u64 = ONES * 0x20;

/// The high bit of each byte of `w` that is ASCII from `lo` to `hi`
/// (`0 < lo <= hi < 0x80`).
#[inline]
const fn between(w: u64, lo: u8, hi: u8) -> u64 {
    // With the high bits cleared, each byte is below 0x80, and the sums
    // below stay under 0x100: no carry crosses into the next byte. The
    // first sets the high bit from `lo` up, the second above `hi`.
    let low = w & !HIGH;
    let at_least = low + ONES * (0x80 - lo as u64);
    let above = low + ONES * (0x7f - hi as u64);
    at_least & !above & !w & HIGH
}

/// The high bit of each byte of `w` that is an ASCII letter or digit.
#[inline]
pub(super) const fn alnum(w: u64) -> u64 {
    // Setting bit 5 folds capitals onto small letters; no other byte
    // lands among them, and digits and non-ASCII bytes are told apart
    // from `w` itself.
    between(w, b'0', b'9') | between(w | CASE, b'a', b'z')
}

/// The high bit of each byte of `w` that is a small ASCII letter.
#[inline]
pub(super) const fn lower(w: u64) -> u64 {
    between(w, b'a', b'z')
}

/// How many bytes at the start of `bytes` are of the class `bits` marks
/// (`alnum` or `lower`; a generic, not a function pointer, so that each
/// class is compiled in, not called).
#[inline]
pub(super) fn prefix_len(bytes: &[u8], bits: impl Fn(u64) -> u64) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes[n..].first_chunk::<8>() {
        let stops = !bits(u64::from_le_bytes(*chunk)) & HIGH;
        if stops != 0 {
            return n + (stops.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|&&b| bits(u64::from(b)) != 0).count()
}

/// How many bytes at the end of `bytes` are of the class `bits` marks.
#[inline]
pub(super) fn suffix_len(bytes: &[u8], bits: impl Fn(u64) -> u64) -> usize {
    let mut head = bytes;
    while let Some((rest, chunk)) = head.split_last_chunk::<8>() {
        let stops = !bits(u64::from_le_bytes(*chunk)) & HIGH;
        if stops != 0 {
            // The last byte is the highest in a little-endian load.
            return bytes.len() - head.len() + (stops.leading_zeros() / 8) as usize;
        }
        head = rest;
    }
    bytes.len() - head.len() + head.iter().rev().take_while(|&&b| bits(u64::from(b)) != 0).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_classes_hold_their_bytes_only() {
        for b in 0..=u8::MAX {
            let w = u64::from(b) << 24 | 0x2020_2020_0020_2020;
            assert_eq!(alnum(w) != 0, b.is_ascii_alphanumeric(), "{b}");
            assert_eq!(lower(w) != 0, b.is_ascii_lowercase(), "{b}");
            assert_eq!(alnum(w), u64::from(b.is_ascii_alphanumeric()) << 31, "{b}");
        }
    }

    #[test]
    fn runs_are_counted_across_chunks() {
        let text = b"Internationalization said... US Navy Caf\xc3\xa9 of";
        assert_eq!(prefix_len(text, alnum), 20);
        assert_eq!(prefix_len(&text[5..], lower), 15);
        assert_eq!(suffix_len(text, lower), 2);
        assert_eq!(suffix_len(&text[..20], alnum), 20);
        assert_eq!(suffix_len(&text[..42], alnum), 0);
        assert_eq!(prefix_len(b"", alnum), 0);
        assert_eq!(suffix_len(b"", alnum), 0);
    }

    /// Bytes that are mostly letters and digits, some blanks, dots and
    /// non-ASCII bytes, so that runs end in and across chunks.
    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop_oneof![
            8 => proptest::sample::select(&b"abcxyzABCXYZ0189"[..]),
            1 => proptest::sample::select(&b" .'@[`{/:\x7f"[..]),
            1 => any::<u8>(),
        ];
        proptest::collection::vec(byte, 0..40)
    }

    proptest! {
        /// The chunked counts against byte loops.
        #[test]
        fn runs_are_counted_as_byte_by_byte(bytes in bytes()) {
            for at in 0..=bytes.len() {
                let (head, tail) = bytes.split_at(at);
                let alnum_ahead = tail.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                let lower_ahead = tail.iter().take_while(|b| b.is_ascii_lowercase()).count();
                let alnum_back = head.iter().rev().take_while(|b| b.is_ascii_alphanumeric()).count();
                let lower_back = head.iter().rev().take_while(|b| b.is_ascii_lowercase()).count();
                prop_assert_eq!(prefix_len(tail, alnum), alnum_ahead);
                prop_assert_eq!(prefix_len(tail, lower), lower_ahead);
                prop_assert_eq!(suffix_len(head, alnum), alnum_back);
                prop_assert_eq!(suffix_len(head, lower), lower_back);
            }
        }
    }
}
