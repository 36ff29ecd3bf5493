//! The first word of every pattern: a bit-set filter and a table.
//!
//! The scanner reads each word of the text once anyway (to find where the
//! next token starts); hashing it on the way costs a multiply per eight
//! bytes, and one probe into a small bit set then skips the trie walk for
//! most words that begin no pattern. For the rest, a table gives the trie
//! state after the word. False positives only cost a probe; there are no
//! false negatives, because patterns and texts are split into words by the
//! same rule over the same folded units, and hashed by the same function.

use crate::{
    boundary::{is_standalone, is_word_char},
    fold::FOLD,
};

const K: u64 = 0x517C_C1B7_2722_0A95;

/// The hash of a word's folded units: eight bytes at a time, little-endian,
/// the last chunk zero-padded, then mixed with the length so that the low
/// bits (the table index) and high bits (filter index, tag) all depend on
/// every byte.
#[inline]
pub(crate) fn word_hash(units: &[u8]) -> u64 {
    let mut hash = 0x243F_6A88_85A3_08D3u64;
    let mut chunks = units.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        hash = (hash.rotate_left(23) ^ word).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        hash = (hash.rotate_left(23) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    }
    finish(hash, units.len())
}

/// [`word_hash`] of the ASCII alphanumeric word `text[start..end]`, given
/// *unfolded*: for such bytes folding is setting bit 0x20 (letters
/// lowercase, digits unchanged), done eight bytes at a time. Chunks are
/// loaded straight from `text` and masked, so short words cost one load.
/// (The reference for [`ascii_run`], which the scanner uses.)
#[cfg(test)]
pub(crate) fn ascii_word_hash(text: &[u8], start: usize, end: usize) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mut hash = 0x243F_6A88_85A3_08D3u64;
    let mut at = start;
    while at < end {
        let len = (end - at).min(8);
        let word = match text.get(at..at + 8) {
            Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("8 bytes")),
            None => {
                let mut last = [0u8; 8];
                last[..len].copy_from_slice(&text[at..at + len]);
                u64::from_le_bytes(last)
            }
        };
        let mask = if len == 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 };
        hash = (hash.rotate_left(23) ^ ((word | LOWER) & mask)).wrapping_mul(K);
        at += len;
    }
    finish(hash, end - start)
}

/// The byte lanes of `x` that are not ASCII letters or digits, as their
/// high bit (0x80) set. Per lane, on the low seven bits (so that no sum
/// carries into the next lane): a letter is `v | 0x20` in `a..=z`, a digit
/// is `v` in `0..=9`, each range tested as "adding `0x80 - lo` sets the
/// high bit and adding `0x80 - hi - 1` does not"; lanes with the high bit
/// set (non-ASCII) always stop.
#[inline(always)]
pub(crate) fn non_alnum_lanes(x: u64) -> u64 {
    const fn lanes(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    const HIGH: u64 = lanes(0x80);
    let v = x & !HIGH;
    let lower = v | lanes(0x20);
    let letter = (lower + lanes(0x80 - b'a')) & !(lower + lanes(0x80 - b'z' - 1));
    let digit = (v + lanes(0x80 - b'0')) & !(v + lanes(0x80 - b'9' - 1));
    (!(letter | digit) | x) & HIGH
}

/// The run of ASCII letters and digits starting at `start`: its end, and
/// its [`word_hash`] once folded (what [`ascii_word_hash`] gives for it),
/// computed on the chunks the scan loads anyway.
#[inline(always)]
pub(crate) fn ascii_run(text: &[u8], start: usize) -> (usize, u64) {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mut hash = 0x243F_6A88_85A3_08D3u64;
    let mut at = start;
    loop {
        let word = match text.get(at..at + 8) {
            Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("8 bytes")),
            None => {
                // Zero padding is not alphanumeric: the run stops there.
                let mut last = [0u8; 8];
                let rest = text.get(at..).unwrap_or_default();
                last[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(last)
            }
        };
        let stop = non_alnum_lanes(word);
        if stop == 0 {
            hash = (hash.rotate_left(23) ^ (word | LOWER)).wrapping_mul(K);
            at += 8;
            continue;
        }
        let n = (stop.trailing_zeros() / 8) as usize;
        if n > 0 {
            let mask = (1u64 << (8 * n)) - 1;
            hash = (hash.rotate_left(23) ^ ((word | LOWER) & mask)).wrapping_mul(K);
        }
        at += n;
        return (at, finish(hash, at - start));
    }
}

/// [`word_hash`] of a word given unfolded (any bytes): folds each byte
/// with `FOLD` on the way, without allocating.
pub(crate) fn folded_word_hash(bytes: &[u8]) -> u64 {
    let mut hash = 0x243F_6A88_85A3_08D3u64;
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        for (w, &b) in word.iter_mut().zip(chunk) {
            *w = FOLD[b as usize];
        }
        hash = (hash.rotate_left(23) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    finish(hash, bytes.len())
}

#[inline(always)]
fn finish(hash: u64, len: usize) -> u64 {
    let hash = (hash ^ len as u64).wrapping_mul(K);
    hash ^ (hash >> 29)
}

/// The length of the word that `key` (folded units) starts with, or 0 when
/// it starts with punctuation, a space or a standalone character (which the
/// scanner does not filter).
pub(crate) fn first_word_len(key: &[u8]) -> usize {
    let Ok(key) = std::str::from_utf8(key) else { return 0 };
    key.chars().take_while(|&c| is_word_char(c) && !is_standalone(c)).map(char::len_utf8).sum()
}

/// The hash and length of the word that `key` (folded units) starts with
/// (see [`first_word_len`]).
#[cfg(test)]
pub(crate) fn first_word_hash(key: &[u8]) -> Option<(u64, usize)> {
    let len = first_word_len(key);
    (len > 0).then(|| (word_hash(&key[..len]), len))
}

/// The set of first-word hashes, as a bit set indexed by the hash's top
/// bits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FirstWords {
    pub(crate) bits: Vec<u64>,
    pub(crate) log2: u32,
}

impl FirstWords {
    /// An empty filter sized for about `words` distinct words: 16 bits per
    /// word keeps false positives near 6% with one probe. Small matchers
    /// get 2 KB at least: a pipeline scans every word of a text for its
    /// date anchors and name heads too, and at 512 bytes one frequent word
    /// ("The") hit a head word's bit and sent itself to the trie on every
    /// line (1.4% of `extract`'s instructions).
    pub(crate) fn with_capacity(words: usize) -> FirstWords {
        let log2 = FirstWords::log2_for(words);
        FirstWords { bits: vec![0; 1 << (log2 - 6)], log2 }
    }

    /// The log2 of the number of bits [`with_capacity`](FirstWords::with_capacity)
    /// gives a filter of `words` words.
    pub(crate) fn log2_for(words: usize) -> u32 {
        (words.saturating_mul(16)).next_power_of_two().clamp(1 << 14, 1 << 25).trailing_zeros()
    }

    /// The filter of the words of `table`, sized as
    /// [`with_capacity`](FirstWords::with_capacity) sizes it.
    pub(crate) fn of_table(table: &WordTable, pool: &[u8]) -> FirstWords {
        let words: Vec<&[u8]> =
            table.slots.iter().filter(|s| s.tag != 0).filter_map(|s| s.word(pool)).collect();
        let mut filter = FirstWords::with_capacity(words.len());
        for word in words {
            filter.insert(word_hash(word));
        }
        filter
    }

    /// Rebuilds from stored parts, if they are consistent.
    pub(crate) fn from_parts(bits: Vec<u64>, log2: u32) -> Option<FirstWords> {
        ((6..=40).contains(&log2) && bits.len() as u64 == 1u64 << (log2 - 6))
            .then_some(FirstWords { bits, log2 })
    }

    #[inline(always)]
    fn slot(&self, hash: u64) -> (usize, u64) {
        let i = (hash >> (64 - self.log2)) as usize;
        (i / 64, 1u64 << (i % 64))
    }

    pub(crate) fn insert(&mut self, hash: u64) {
        let (word, bit) = self.slot(hash);
        self.bits[word] |= bit;
    }

    #[inline(always)]
    pub(crate) fn contains(&self, hash: u64) -> bool {
        let (word, bit) = self.slot(hash);
        self.bits.get(word).is_some_and(|w| w & bit != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_hash_folds_like_the_generic_one() {
        for word in ["a", "Kyiv", "NEWYORK1", "Thessaloniki", "x9Y8z7W6v5U4t3S2r1", "0"] {
            let padded = format!("{word} and more text");
            assert_eq!(
                ascii_word_hash(padded.as_bytes(), 0, word.len()),
                word_hash(word.to_lowercase().as_bytes())
            );
            assert_eq!(
                ascii_word_hash(word.as_bytes(), 0, word.len()),
                word_hash(word.to_lowercase().as_bytes())
            );
            assert_eq!(
                folded_word_hash(word.as_bytes()),
                word_hash(word.to_lowercase().as_bytes())
            );
        }
    }

    #[test]
    fn word_table_of_any_length_finds_every_word() {
        for n in [1usize, 5, 12, 13, 100, 1000] {
            let words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
            let mut table = WordTable::with_capacity(n);
            assert!(table.slots.len() * 3 >= n * 4, "at most 3/4 full");
            for (i, w) in words.iter().enumerate() {
                table.insert(word_hash(w.as_bytes()), Slot::new(i as u32, 0, 1, w.as_bytes()));
            }
            for (i, w) in words.iter().enumerate() {
                let found = table.get(word_hash(w.as_bytes()), |s| {
                    s.inline[..usize::from(s.len)] == *w.as_bytes()
                });
                assert_eq!(found.map(|s| s.node), Some(i as u32), "{w} of {n}");
            }
            assert!(table.get(word_hash(b"absent"), |_| true).is_none());
        }
        // Probing wraps around the end: three words whose home is the
        // last slot (low bits all ones), told apart by their tags.
        let hashes = [2u64, 4, 6].map(|high| high << 32 | u64::from(u32::MAX));
        let mut table = WordTable::with_capacity(3);
        assert_eq!(table.home(hashes[0]), table.slots.len() - 1);
        for (i, &h) in hashes.iter().enumerate() {
            table.insert(h, Slot::new(i as u32, 0, 1, b"x"));
        }
        for (i, &h) in hashes.iter().enumerate() {
            assert_eq!(table.get(h, |_| true).map(|s| s.node), Some(i as u32));
        }
        assert!(WordTable::default().get(1, |_| true).is_none());
    }

    #[test]
    fn alnum_lanes_agree_with_the_byte_test() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // The byte in one lane, letters elsewhere.
                let mut chunk = *b"abcdefgh";
                chunk[lane] = b;
                let stop = non_alnum_lanes(u64::from_le_bytes(chunk));
                let want = if b.is_ascii_alphanumeric() { 0 } else { 0x80u64 << (8 * lane) };
                assert_eq!(stop, want, "byte {b:#x} in lane {lane}");
                // And every lane the same byte.
                let all = non_alnum_lanes(u64::from_le_bytes([b; 8]));
                assert_eq!(all != 0, !b.is_ascii_alphanumeric(), "byte {b:#x}");
            }
        }
    }

    #[test]
    fn ascii_runs_hash_like_ascii_word_hash() {
        let texts: [&[u8]; 7] = [
            b"",
            b"abc",
            b"Abcdefgh12345678 x",
            b"Zz09zz\xc3\xa9t",
            b"0123456789abcdefXYZ",
            b"a-b",
            b"ABCDEFGH",
        ];
        for text in texts {
            for start in 0..=text.len() {
                let mut end = start;
                while text.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let want = (end, ascii_word_hash(text, start, end));
                assert_eq!(ascii_run(text, start), want, "{text:?} from {start}");
            }
        }
    }

    #[test]
    fn first_words() {
        let h = |s: &str| first_word_hash(s.as_bytes()).map(|(h, _)| h);
        assert_eq!(h("new york"), h("new"));
        assert_eq!(h("guinea-bissau"), h("guinea"));
        assert_ne!(h("iran"), h("iranian"));
        assert_eq!(h("'s-hertogenbosch"), None);
        assert_eq!(h("北京"), None);
        let mut f = FirstWords::with_capacity(2);
        f.insert(h("new").expect("word"));
        assert!(f.contains(h("new york").expect("word")));
    }
}

/// One first word: where the trie walk stands after consuming it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Slot {
    /// High hash bits, never 0 in a used slot.
    pub(crate) tag: u32,
    /// The node whose label the word ends in.
    pub(crate) node: u32,
    /// The word's units: `pool[key..key + len]`.
    pub(crate) key: u32,
    /// How many bytes of the node's label the word covers
    /// (1..=label_len).
    pub(crate) covered: u16,
    pub(crate) len: u16,
    /// A copy of the word when it is at most `INLINE` bytes, so that the
    /// check against the text reads nothing outside the slot.
    pub(crate) inline: [u8; INLINE],
}

/// Words up to this length are copied into their slot (8: a 24-byte slot,
/// and most words of news text; longer ones are checked against the pool).
pub(crate) const INLINE: usize = 8;

/// Words longer than this (in folded bytes) are not indexed; the scanner
/// walks the trie from the root for them instead.
pub(crate) const MAX_WORD: usize = u16::MAX as usize;

impl Slot {
    /// A slot for `word`, stored at `key` in the pool.
    pub(crate) fn new(node: u32, key: u32, covered: u16, word: &[u8]) -> Slot {
        let mut inline = [0; INLINE];
        if word.len() <= INLINE {
            inline[..word.len()].copy_from_slice(word);
        }
        Slot { tag: 0, node, key, covered, len: word.len() as u16, inline }
    }

    /// The word, from the slot itself when it is short.
    #[inline]
    pub(crate) fn word<'p>(&'p self, pool: &'p [u8]) -> Option<&'p [u8]> {
        let len = usize::from(self.len);
        if len <= INLINE {
            Some(&self.inline[..len])
        } else {
            pool.get(self.key as usize..self.key as usize + len)
        }
    }
}

/// An open-addressing table from a first word to the trie state after it,
/// so a walk starts *after* the word instead of stepping through it (ends
/// inside a word are never token boundaries, so those steps find nothing).
///
/// Sized to the word count (three quarters full), not to a power of two:
/// a slot is found by scaling the hash's low 32 bits to the length, so
/// that 609k first words of a million-name gazetteer take 812k slots
/// (19 MB) rather than 1M.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordTable {
    pub(crate) slots: Vec<Slot>,
}

impl WordTable {
    /// A table for `words` distinct words, at most three quarters full.
    pub(crate) fn with_capacity(words: usize) -> WordTable {
        let len = words.saturating_add(words / 3).saturating_add(1).max(16);
        WordTable { slots: vec![Slot::default(); len] }
    }

    /// Rebuilds from stored slots (without their inline copies), if some
    /// slot is empty (so that probing ends) and their words lie in `pool`.
    pub(crate) fn from_slots(mut slots: Vec<Slot>, pool: &[u8]) -> Option<WordTable> {
        if slots.len() > u32::MAX as usize || !slots.iter().any(|s| s.tag == 0) {
            return None;
        }
        for slot in slots.iter_mut().filter(|s| s.tag != 0) {
            let start = slot.key as usize;
            let word = pool.get(start..start + usize::from(slot.len))?;
            *slot = Slot { tag: slot.tag, ..Slot::new(slot.node, slot.key, slot.covered, word) };
        }
        Some(WordTable { slots })
    }

    /// The number of words in the table.
    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.tag != 0).count()
    }

    fn tag(hash: u64) -> u32 {
        (hash >> 32) as u32 | 1
    }

    /// The first slot `hash` probes: its low 32 bits scaled to the length
    /// (always below it).
    #[inline(always)]
    fn home(&self, hash: u64) -> usize {
        ((u64::from(hash as u32) * self.slots.len() as u64) >> 32) as usize
    }

    /// Inserts a word known not to be in the table yet.
    pub(crate) fn insert(&mut self, hash: u64, slot: Slot) {
        let mut i = self.home(hash);
        while self.slots[i].tag != 0 {
            i += 1;
            if i == self.slots.len() {
                i = 0;
            }
        }
        self.slots[i] = Slot { tag: WordTable::tag(hash), ..slot };
    }

    /// Loads the first slot `hash` probes, so that a batch of lookups
    /// waits for its cache misses together rather than one after another.
    #[inline(always)]
    pub(crate) fn touch(&self, hash: u64) {
        if let Some(slot) = self.slots.get(self.home(hash)) {
            std::hint::black_box(slot.tag);
        }
    }

    /// The slot of the word with `hash` for which `same(key, len)` holds.
    #[inline]
    pub(crate) fn get(&self, hash: u64, mut same: impl FnMut(&Slot) -> bool) -> Option<&Slot> {
        let tag = WordTable::tag(hash);
        let mut i = self.home(hash);
        // The table always has an empty slot, so probing ends (an empty
        // table has no slot at all: `get` fails at once).
        loop {
            let slot = self.slots.get(i)?;
            if slot.tag == 0 {
                return None;
            }
            if slot.tag == tag && same(slot) {
                return Some(slot);
            }
            i += 1;
            if i == self.slots.len() {
                i = 0;
            }
        }
    }
}
