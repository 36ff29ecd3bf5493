//! Saving and loading a compiled matcher.
//!
//! The format is little-endian and versioned:
//!
//! ```text
//! magic "DLMATCH\0" | version u32 | options u32 (bit 0 accent folding,
//! bits 8..16 match kind) | sections | checksum u64
//! section = element count u64, then the elements:
//!   nodes (5 × u32 each), first bytes (u8), key pool (u8), ids (u32),
//!   checks (u32), case checks (3 × u32 each), case flags (u8),
//!   then the first-word filter: log2 of its bits (u32) and the bits
//!   (a section of u64s, each as two u32s), the first-word table
//!   (4 × u32 per slot), then the lowercase first-word filter
//!   ([`Matcher::lower_words`]) as the first-word filter is stored
//! ```
//!
//! Version 2 files (before the lowercase filter) still load; their filter
//! is made on first use, as for a matcher just built.
//!
//! Loading checks the magic, version, every length, every index and the
//! checksum, so truncated, corrupted or foreign bytes are an error and never
//! a panic or an out-of-bounds walk.

use std::io::{self, Write};

use crate::{
    BuildError, MatchKind, Matcher, Normalizer,
    filter::{FirstWords, INLINE, Slot, WordTable},
    matcher::{CaseCheck, MatcherId, NO_CHECK},
    trie::{CHECKED, Node, Trie},
};

const MAGIC: &[u8; 8] = b"DLMATCH\0";
/// Version 2: the first-word table's size is any length (slots found by
/// scaling the hash), not a power of two. Version 3: the lowercase
/// first-word filter is stored, so that loading a large matcher does not
/// walk its whole trie to make it (an eighth of `dateline extract`'s
/// start-up with the default gazetteer).
const VERSION: u32 = 3;
/// The oldest version [`Matcher::read_from`] reads.
const OLDEST_VERSION: u32 = 2;

impl Matcher {
    /// Writes the compiled matcher to `out`, for
    /// [`Matcher::read_from`].
    ///
    /// # Errors
    ///
    /// Only the writer's I/O errors.
    pub fn write_to<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        self.write_version(out, VERSION)
    }

    /// Writes the layout of `version` (an older one only in tests).
    fn write_version<W: Write + ?Sized>(&self, out: &mut W, version: u32) -> io::Result<()> {
        let mut w = Hashing { out, hash: Hasher::new(), buf: Vec::with_capacity(1 << 16) };
        w.bytes(MAGIC)?;
        w.u32s([version])?;
        let kind = match self.match_kind {
            MatchKind::All => 1u32,
            _ => 0,
        };
        w.u32s([u32::from(self.normalizer.accent_folding()) | (kind << 8)])?;
        let t = &self.trie;
        w.len(t.nodes.len())?;
        w.u32s(
            t.nodes.iter().flat_map(|n| [n.first_child, n.label, n.label_len, n.out, n.out_len]),
        )?;
        w.len(t.first_bytes.len())?;
        w.bytes(&t.first_bytes)?;
        w.len(t.pool.len())?;
        w.bytes(&t.pool)?;
        w.len(t.ids.len())?;
        w.u32s(t.ids.iter().copied())?;
        w.len(self.checks.len())?;
        w.u32s(self.checks.iter().copied())?;
        w.len(self.case_checks.len())?;
        w.u32s(self.case_checks.iter().flat_map(|c| [u32::from(c.sensitive), c.start, c.len]))?;
        w.len(self.flags.len())?;
        w.bytes(&self.flags)?;
        w.filter(&self.first_words)?;
        w.len(self.word_table.slots.len())?;
        w.u32s(
            self.word_table.slots.iter().flat_map(|s| {
                [s.tag, s.node, s.key, u32::from(s.covered) | u32::from(s.len) << 16]
            }),
        )?;
        if version >= 3 {
            w.filter(self.lower_words())?;
        }
        w.flush()?;
        let hash = w.hash.finish();
        w.out.write_all(&hash.to_le_bytes())
    }

    /// The compiled matcher as bytes (see [`Matcher::write_to`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.memory_usage() + 128);
        self.write_to(&mut out).expect("writing to a Vec never fails");
        out
    }

    /// Loads a matcher written by [`Matcher::write_to`].
    ///
    /// # Errors
    ///
    /// When `bytes` are not a compiled matcher of this format version, are
    /// truncated, or fail validation ([`BuildError::is_invalid_data`]).
    pub fn read_from(bytes: &[u8]) -> Result<Matcher, BuildError> {
        Matcher::read_checked(bytes, true)
    }

    /// As [`read_from`](Matcher::read_from), without the checksum: for
    /// bytes compiled into the program, which the program's own integrity
    /// covers (hashing a large matcher is a twentieth of a command's
    /// start-up). Every other check still runs, so bytes that are not a
    /// valid matcher are an error, never a panic or an out-of-bounds walk.
    ///
    /// # Errors
    ///
    /// As for [`read_from`](Matcher::read_from), but for a checksum
    /// mismatch.
    pub fn read_from_skipping_checksum(bytes: &[u8]) -> Result<Matcher, BuildError> {
        Matcher::read_checked(bytes, false)
    }

    fn read_checked(bytes: &[u8], verify_checksum: bool) -> Result<Matcher, BuildError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(BuildError::invalid_data(0, "not a compiled dateline matcher"));
        }
        let Some(body_len) = bytes.len().checked_sub(8) else {
            return Err(BuildError::invalid_data(0, "truncated"));
        };
        let mut r = Reader { bytes: &bytes[..body_len], pos: MAGIC.len() };
        let version = r.u32()?;
        if !(OLDEST_VERSION..=VERSION).contains(&version) {
            return Err(BuildError::invalid_data(8, "unsupported format version"));
        }
        let options = r.u32()?;
        let accent_folding = options & 1 == 1;
        let match_kind = match options >> 8 {
            0 => MatchKind::LeftmostLongest,
            1 => MatchKind::All,
            _ => return Err(BuildError::invalid_data(12, "unknown match kind")),
        };
        let raw_nodes = r.u32_section(5)?;
        let nodes: Vec<Node> = raw_nodes
            .chunks_exact(5)
            .map(|c| Node {
                first_child: c[0],
                label: c[1],
                label_len: c[2],
                out: c[3],
                out_len: c[4],
            })
            .collect();
        drop(raw_nodes);
        let first_bytes = r.byte_section()?;
        let pool = r.byte_section()?;
        let ids = r.u32_section(1)?;
        let checks = r.u32_section(1)?;
        let case_checks: Vec<CaseCheck> = r
            .u32_section(3)?
            .chunks_exact(3)
            .map(|c| CaseCheck { sensitive: c[0] == 1, start: c[1], len: c[2] })
            .collect();
        let flags = r.byte_section()?;
        let first_words = r.filter("first-word filter size")?;
        let at = r.pos;
        let slots: Vec<Slot> = r
            .u32_section(4)?
            .chunks_exact(4)
            .map(|c| Slot {
                tag: c[0],
                node: c[1],
                key: c[2],
                covered: c[3] as u16,
                len: (c[3] >> 16) as u16,
                inline: [0; INLINE],
            })
            .collect();
        let word_table = WordTable::from_slots(slots, &pool)
            .ok_or_else(|| BuildError::invalid_data(at, "first-word table size"))?;
        // A filter saved before small matchers' filters grew to 2 KB is
        // made again as a build makes it now: same answers, fewer false
        // positives, and the file saved again is the one a build saves.
        let first_words = if first_words.log2 < FirstWords::log2_for(word_table.len()) {
            FirstWords::of_table(&word_table, &pool)
        } else {
            first_words
        };
        let lower_words = match version {
            2 => std::sync::OnceLock::new(),
            _ => std::sync::OnceLock::from(r.filter("lowercase first-word filter size")?),
        };
        if r.pos != r.bytes.len() {
            return Err(BuildError::invalid_data(r.pos, "trailing bytes"));
        }
        let mut hash = Hasher::new();
        if verify_checksum {
            hash.write(&bytes[..body_len]);
        }
        let stored = u64::from_le_bytes(bytes[body_len..].try_into().expect("8 bytes"));
        if verify_checksum && hash.finish() != stored {
            return Err(BuildError::invalid_data(body_len, "checksum mismatch"));
        }
        validate(&nodes, &first_bytes, &pool, &ids, &checks, &case_checks, &flags)
            .and_then(|()| validate_words(&nodes, &pool, &word_table))
            .map_err(|message| BuildError::invalid_data(body_len, message))?;
        let capital_starts = crate::matcher::capital_starts(&checks, &case_checks, &flags);
        let trie = Trie::from_parts(nodes, first_bytes, pool, ids);
        // Derived from the trie, so the stored format does not change.
        let unspaced = crate::unspaced::Unspaced::from_trie(&trie);
        Ok(Matcher {
            trie,
            checks,
            case_checks,
            flags,
            first_words,
            word_table,
            normalizer: Normalizer::new().with_accent_folding(accent_folding),
            match_kind,
            id: MatcherId::next(),
            capital_starts,
            lower_words,
            unspaced,
        })
    }
}

/// Checks every invariant the search relies on for in-bounds, terminating
/// walks.
fn validate(
    nodes: &[Node],
    first_bytes: &[u8],
    pool: &[u8],
    ids: &[u32],
    checks: &[u32],
    case_checks: &[CaseCheck],
    flags: &[u8],
) -> Result<(), &'static str> {
    // Root plus sentinel at least.
    if nodes.len() < 2 || first_bytes.len() != nodes.len() {
        return Err("node table size");
    }
    let real = nodes.len() - 1;
    if nodes[real].first_child as usize != real {
        return Err("sentinel node");
    }
    let mut last_child = 1;
    for (i, n) in nodes[..real].iter().enumerate() {
        let fc = n.first_child as usize;
        // Children come after their parent, in order, without gaps.
        if fc != last_child || fc > real || fc <= i {
            return Err("child ranges");
        }
        let end = nodes[i + 1].first_child as usize;
        if end < fc || end > real {
            return Err("child ranges");
        }
        last_child = end;
        if i > 0 {
            let label = n.label as usize;
            let len = n.label_len as usize;
            if len == 0 || label + len > pool.len() || pool[label] != first_bytes[i] {
                return Err("edge labels");
            }
        }
        let out_ok = match n.out_len {
            0 => true,
            1 => tagged_ok(n.out, checks),
            len => n.out as u64 + len as u64 <= ids.len() as u64,
        };
        if !out_ok {
            return Err("pattern lists");
        }
        // Sibling first bytes distinct, so lookups are unambiguous.
        let siblings = &first_bytes[fc..end];
        if siblings.windows(2).any(|w| w[0] >= w[1]) {
            return Err("sibling order");
        }
    }
    if last_child != real {
        return Err("child ranges");
    }
    if nodes[0].label_len != 0 {
        return Err("root label");
    }
    if !ids.iter().all(|&id| tagged_ok(id, checks)) {
        return Err("pattern ids");
    }
    if checks.iter().any(|&c| c != NO_CHECK && c as usize >= case_checks.len()) {
        return Err("case checks");
    }
    if case_checks.iter().any(|c| c.start as u64 + c.len as u64 > flags.len() as u64) {
        return Err("case flags");
    }
    Ok(())
}

/// Whether a stored pattern id is in range and tagged as its check says.
fn tagged_ok(tagged: u32, checks: &[u32]) -> bool {
    checks
        .get((tagged & !CHECKED) as usize)
        .is_some_and(|&check| (check != NO_CHECK) == (tagged & CHECKED != 0))
}

/// Checks that every first-word slot points at a real node and label
/// position and at key bytes inside the pool.
fn validate_words(nodes: &[Node], pool: &[u8], table: &WordTable) -> Result<(), &'static str> {
    let real = nodes.len() - 1;
    for slot in table.slots.iter().filter(|s| s.tag != 0) {
        let node = slot.node as usize;
        let ok = (1..real).contains(&node)
            && (1..=nodes[node].label_len).contains(&u32::from(slot.covered))
            && slot.key as u64 + slot.len as u64 <= pool.len() as u64;
        if !ok {
            return Err("first-word table");
        }
    }
    Ok(())
}

/// A writer that hashes what it writes and buffers little-endian values.
struct Hashing<'w, W: Write + ?Sized> {
    out: &'w mut W,
    hash: Hasher,
    buf: Vec<u8>,
}

impl<W: Write + ?Sized> Hashing<'_, W> {
    fn flush(&mut self) -> io::Result<()> {
        self.hash.write(&self.buf);
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    fn bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        for chunk in bytes.chunks(1 << 16) {
            self.buf.extend_from_slice(chunk);
            if self.buf.len() >= 1 << 16 {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn u32s(&mut self, values: impl IntoIterator<Item = u32>) -> io::Result<()> {
        for v in values {
            self.buf.extend_from_slice(&v.to_le_bytes());
            if self.buf.len() >= 1 << 16 {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn len(&mut self, len: usize) -> io::Result<()> {
        self.buf.extend_from_slice(&(len as u64).to_le_bytes());
        Ok(())
    }

    /// A first-word filter: log2 of its bits, then its u64s as u32 pairs.
    fn filter(&mut self, filter: &FirstWords) -> io::Result<()> {
        self.u32s([filter.log2])?;
        self.len(filter.bits.len())?;
        self.u32s(filter.bits.iter().flat_map(|&b| [b as u32, (b >> 32) as u32]))
    }
}

/// A bounds-checked reader over the body.
struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], BuildError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| BuildError::invalid_data(self.pos, "truncated"))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, BuildError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    fn count(&mut self, elem_size: usize) -> Result<usize, BuildError> {
        let at = self.pos;
        let count = u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes"));
        // A count larger than what is left can only be truncation or junk;
        // checking before allocating keeps foreign input from reserving
        // huge buffers.
        usize::try_from(count)
            .ok()
            .filter(|c| c.checked_mul(elem_size).is_some_and(|b| b <= self.bytes.len() - self.pos))
            .ok_or_else(|| BuildError::invalid_data(at, "section length exceeds the data"))
    }

    fn byte_section(&mut self) -> Result<Vec<u8>, BuildError> {
        let n = self.count(1)?;
        Ok(self.take(n)?.to_vec())
    }

    /// A first-word filter as [`Hashing::filter`] writes it; `what` names
    /// it in the error when its size is not one a filter has.
    fn filter(&mut self, what: &'static str) -> Result<FirstWords, BuildError> {
        let at = self.pos;
        let log2 = self.u32()?;
        let bits: Vec<u64> = self
            .u32_section(2)?
            .chunks_exact(2)
            .map(|c| u64::from(c[0]) | (u64::from(c[1]) << 32))
            .collect();
        FirstWords::from_parts(bits, log2).ok_or_else(|| BuildError::invalid_data(at, what))
    }

    /// A section of `count` records of `width` u32s each, flattened.
    fn u32_section(&mut self, width: usize) -> Result<Vec<u32>, BuildError> {
        let n = self.count(4 * width)?;
        let raw = self.take(n * 4 * width)?;
        Ok(raw
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }
}

/// FNV-1a over 8-byte words (and the tail bytewise): fast enough for tens of
/// megabytes, and enough to catch corruption.
struct Hasher {
    state: u64,
    tail: Vec<u8>,
}

impl Hasher {
    const PRIME: u64 = 0x0000_0100_0000_01B3;

    fn new() -> Hasher {
        Hasher { state: 0xCBF2_9CE4_8422_2325, tail: Vec::new() }
    }

    fn write(&mut self, mut bytes: &[u8]) {
        if !self.tail.is_empty() {
            let need = 8 - self.tail.len();
            let take = need.min(bytes.len());
            self.tail.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.tail.len() < 8 {
                return;
            }
            let word = u64::from_le_bytes(self.tail[..].try_into().expect("8 bytes"));
            self.mix(word);
            self.tail.clear();
        }
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.mix(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        self.tail.extend_from_slice(chunks.remainder());
    }

    #[inline]
    fn mix(&mut self, word: u64) {
        self.state = (self.state ^ word).wrapping_mul(Self::PRIME).rotate_left(29);
    }

    fn finish(&self) -> u64 {
        let mut state = self.state;
        for &b in &self.tail {
            state = (state ^ u64::from(b)).wrapping_mul(Self::PRIME);
        }
        state ^ (self.tail.len() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CasePolicy, Pattern};

    fn sample() -> Matcher {
        Matcher::builder()
            .match_kind(MatchKind::All)
            .accent_folding(false)
            .build([
                Pattern::from("New York"),
                Pattern::new("US", CasePolicy::Auto),
                Pattern::new("Reading", CasePolicy::Sensitive),
                Pattern::from("new"),
            ])
            .expect("valid patterns")
    }

    #[test]
    fn round_trip_preserves_everything() {
        let m = sample();
        let bytes = m.to_bytes();
        let r = Matcher::read_from(&bytes).expect("round trip");
        assert_eq!(r.trie, m.trie);
        assert_eq!(r.checks, m.checks);
        assert_eq!(r.case_checks, m.case_checks);
        assert_eq!(r.flags, m.flags);
        assert_eq!(r.first_words, m.first_words);
        assert_eq!(r.word_table, m.word_table);
        assert_eq!(r.normalizer, m.normalizer);
        assert_eq!(r.match_kind, m.match_kind);
        assert_eq!(r.lower_words.get(), Some(m.lower_words()), "stored, not made again");
        let text = "US and us in New York, Reading reading";
        assert_eq!(r.find_all(text), m.find_all(text));
    }

    #[test]
    fn version_2_files_still_load() {
        let m = sample();
        let mut old = Vec::new();
        m.write_version(&mut old, 2).expect("writing to a Vec never fails");
        assert!(old.len() < m.to_bytes().len(), "no lowercase filter in version 2");
        let r = Matcher::read_from(&old).expect("version 2 loads");
        assert!(r.lower_words.get().is_none(), "made on first use");
        assert_eq!(r.lower_words(), m.lower_words());
        let text = "US and us in New York, Reading reading, new";
        assert_eq!(r.find_all(text), m.find_all(text));
    }

    #[test]
    fn a_bad_lowercase_filter_size_is_an_error() {
        let bytes = sample().to_bytes();
        let body = bytes.len() - 8;
        // The filter is the body's last section: log2, count, bits.
        let words = sample().lower_words().bits.len();
        let log2_at = body - 8 * words - 8 - 4;
        let mut bad = bytes[..body].to_vec();
        bad[log2_at] += 1;
        let mut hash = Hasher::new();
        hash.write(&bad);
        bad.extend_from_slice(&hash.finish().to_le_bytes());
        let err = Matcher::read_from(&bad).expect_err("a filter of the wrong size");
        assert!(err.to_string().contains("lowercase first-word filter size"), "{err}");
    }

    #[test]
    fn every_truncation_is_an_error() {
        let bytes = sample().to_bytes();
        for len in 0..bytes.len() {
            let err = Matcher::read_from(&bytes[..len]).expect_err("truncated");
            assert!(err.is_invalid_data(), "{err}");
        }
    }

    #[test]
    fn every_flipped_byte_is_an_error() {
        let bytes = sample().to_bytes();
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x41;
            assert!(Matcher::read_from(&bad).is_err(), "byte {i}");
        }
    }

    #[test]
    fn skipping_the_checksum_keeps_every_other_check() {
        let bytes = sample().to_bytes();
        let text = "US and us in New York, Reading reading";
        let m = Matcher::read_from_skipping_checksum(&bytes).expect("valid bytes");
        assert_eq!(m.find_all(text), sample().find_all(text));
        // A wrong checksum alone passes; truncation and bad structure do not.
        let mut other_sum = bytes.clone();
        let last = other_sum.len() - 1;
        other_sum[last] ^= 0x41;
        assert!(Matcher::read_from(&other_sum).is_err());
        assert!(Matcher::read_from_skipping_checksum(&other_sum).is_ok());
        for len in 0..bytes.len() {
            assert!(Matcher::read_from_skipping_checksum(&bytes[..len]).is_err(), "{len}");
        }
        let mut bad_version = bytes.clone();
        bad_version[8] = 9;
        assert!(Matcher::read_from_skipping_checksum(&bad_version).is_err());
        let mut bad_filter = bytes;
        let log2_at = bad_filter.len() - 8 - 8 * sample().lower_words().bits.len() - 8 - 4;
        bad_filter[log2_at] += 1;
        assert!(Matcher::read_from_skipping_checksum(&bad_filter).is_err());
    }

    #[test]
    fn foreign_input_is_an_error() {
        for input in [&b""[..], b"GIF89a", b"DLMATCH\0\x02\0\0\0", &[0xFF; 64]] {
            assert!(Matcher::read_from(input).unwrap_err().is_invalid_data());
        }
    }

    #[test]
    fn hasher_is_independent_of_write_chunking() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        let mut a = Hasher::new();
        a.write(&data);
        let mut b = Hasher::new();
        for chunk in data.chunks(3) {
            b.write(chunk);
        }
        assert_eq!(a.finish(), b.finish());
    }
}
