//! A bit-set filter over the first word of every pattern.
//!
//! The scanner reads each word of the text once anyway (to find where the
//! next token starts); hashing it on the way costs a multiply per byte, and
//! one probe into this small table then skips the trie walk for nearly
//! every word that begins no pattern. False positives only cost a walk;
//! there are no false negatives, because patterns and texts are split into
//! words by the same rule over the same folded units.

use crate::boundary::{is_standalone, is_word_char};

/// Hash state before the first unit.
pub(crate) const SEED: u64 = 0x243F_6A88_85A3_08D3;

/// Adds one folded unit to a word hash.
#[inline(always)]
pub(crate) fn mix(hash: u64, unit: u8) -> u64 {
    (hash.rotate_left(5) ^ u64::from(unit)).wrapping_mul(0x517C_C1B7_2722_0A95)
}

/// The hash and length of the word that `key` (folded units) starts with,
/// or `None` when it starts with punctuation, a space or a standalone
/// character (which the scanner does not filter).
pub(crate) fn first_word_hash(key: &[u8]) -> Option<(u64, usize)> {
    let key = std::str::from_utf8(key).ok()?;
    let mut hash = SEED;
    let mut len = 0;
    for c in key.chars() {
        if !is_word_char(c) || is_standalone(c) {
            break;
        }
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            hash = mix(hash, b);
        }
        len += c.len_utf8();
    }
    (len > 0).then_some((hash, len))
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
    /// word keeps false positives near 6% with one probe.
    pub(crate) fn with_capacity(words: usize) -> FirstWords {
        let bits = (words.saturating_mul(16)).next_power_of_two().clamp(1 << 12, 1 << 25);
        FirstWords { bits: vec![0; bits / 64], log2: bits.trailing_zeros() }
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
}

/// Words longer than this (in folded bytes) are not indexed; the scanner
/// walks the trie from the root for them instead.
pub(crate) const MAX_WORD: usize = u16::MAX as usize;

/// An open-addressing table from a first word to the trie state after it,
/// so a walk starts *after* the word instead of stepping through it (ends
/// inside a word are never token boundaries, so those steps find nothing).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordTable {
    pub(crate) slots: Vec<Slot>,
}

impl WordTable {
    /// A table for `words` distinct words, at most three quarters full.
    pub(crate) fn with_capacity(words: usize) -> WordTable {
        let len = (words.saturating_add(words / 3) + 1).next_power_of_two().max(16);
        WordTable { slots: vec![Slot::default(); len] }
    }

    /// Rebuilds from stored slots, if their number is a power of two.
    pub(crate) fn from_slots(slots: Vec<Slot>) -> Option<WordTable> {
        (slots.len().is_power_of_two() && slots.iter().any(|s| s.tag == 0))
            .then_some(WordTable { slots })
    }

    fn tag(hash: u64) -> u32 {
        (hash >> 32) as u32 | 1
    }

    /// Inserts a word known not to be in the table yet.
    pub(crate) fn insert(&mut self, hash: u64, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        while self.slots[i].tag != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { tag: WordTable::tag(hash), ..slot };
    }

    /// The slot of the word with `hash` for which `same(key, len)` holds.
    #[inline]
    pub(crate) fn get(&self, hash: u64, mut same: impl FnMut(&Slot) -> bool) -> Option<&Slot> {
        let mask = self.slots.len().checked_sub(1)?;
        let tag = WordTable::tag(hash);
        let mut i = hash as usize & mask;
        // The table always has empty slots, so probing ends.
        loop {
            let slot = &self.slots[i];
            if slot.tag == 0 {
                return None;
            }
            if slot.tag == tag && same(slot) {
                return Some(slot);
            }
            i = (i + 1) & mask;
        }
    }
}
