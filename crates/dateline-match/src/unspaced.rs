//! The engine for scripts written without spaces.
//!
//! In Han and hiragana text every character is a token of its own, so a
//! name may start at any of them and there is no word to anchor a walk
//! on: walking the trie from every character costs a walk per character.
//! There an Aho-Corasick automaton (the `aho-corasick` crate, unanchored,
//! over the folded text) finds the next place where the start of a
//! pattern's first segment occurs in one pass over the run, and the trie
//! is walked only there, so validation (boundaries, case policies, which
//! of equal patterns wins) stays the trie's, and results are identical to
//! the walk from every character. `DESIGN.md` in this crate has the measurements.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use crate::boundary::is_standalone;
use crate::trie::Trie;

/// How many characters of a segment the automaton holds: enough to find
/// every place where a segment starts with few failed walks, few enough to
/// build fast (`DESIGN.md`).
const PREFIX_CHARS: usize = 2;

/// How far past the search position the automaton looks for the next
/// segment. Searching to the end of the text made spaced text with one
/// early Han run pay a second pass over all of it (10% of an 11 MB
/// English document's entity search); a search per run is slow on
/// Chinese, where runs are short (see `DESIGN.md`). A window serves the
/// dense runs of Chinese with one search and bounds the cost of a lone
/// run.
const LOOKAHEAD: usize = 4096;

/// The longest segment prefix the automaton holds, in bytes: `PREFIX_CHARS`
/// chars of up to four bytes.
const MAX_SEGMENT_BYTES: usize = 4 * PREFIX_CHARS;

/// An answer of the automaton: searched from `from`, the next segment
/// starts at `hit`; `None` when none starts before `settled`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Lookahead {
    from: usize,
    settled: usize,
    hit: Option<usize>,
}

impl Lookahead {
    /// The next segment start in `pos..end` (a run), when this answer
    /// knows it: `Some(None)` when it knows there is none.
    pub(crate) fn within(&self, pos: usize, end: usize) -> Option<Option<usize>> {
        if self.from > pos {
            return None;
        }
        match self.hit {
            Some(hit) if hit >= pos => Some(Some(hit).filter(|&hit| hit < end)),
            Some(_) => None,
            None => (end <= self.settled).then_some(None),
        }
    }
}

/// The automaton of the starts of the first segments (up to the first
/// space) of the patterns that begin with a character of a script without
/// spaces.
#[derive(Clone, Debug)]
pub(crate) struct Unspaced {
    automaton: AhoCorasick,
}

impl Unspaced {
    /// The engine for `trie`'s patterns, or `None` when no pattern begins
    /// with a character of a script without spaces (then the trie alone
    /// runs, as in spaced text).
    pub(crate) fn from_trie(trie: &Trie) -> Option<Unspaced> {
        let mut segments: Vec<Vec<u8>> = Vec::new();
        // Han and hiragana chars take three or four bytes, led by 0xE3 or more.
        trie.for_each_key(
            |b| b >= 0xE3,
            |key| {
                if !starts_unspaced(key) {
                    return;
                }
                let end = key.iter().position(|&b| b == b' ').unwrap_or(key.len());
                let mut cut = 0;
                let mut chars = 0;
                while cut < end && chars < PREFIX_CHARS {
                    cut += char_len(key[cut]);
                    chars += 1;
                }
                segments.push(key[..cut.min(end)].to_vec());
            },
        );
        if segments.is_empty() {
            return None;
        }
        segments.sort_unstable();
        segments.dedup();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // The text keeps its ASCII case ("北约NATO"); keys are folded.
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            // Han segments share their lead bytes: a prefilter on rare
            // bytes finds little to skip.
            .prefilter(false)
            .build(&segments)
            .or_else(|_| {
                // Too many states for a DFA: the NFA finds the same.
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(&segments)
            })
            .ok()?;
        Some(Unspaced { automaton })
    }

    /// Where the next segment starts at or after `at` in the normalized
    /// `bytes`, looking to the end of the run (`run_end`) and on up to
    /// [`LOOKAHEAD`] bytes past `at`: one search answers for the runs up
    /// to its hit, and a run in spaced text costs no more than its window.
    pub(crate) fn next_hit(&self, bytes: &[u8], at: usize, run_end: usize) -> Lookahead {
        let limit = (run_end + MAX_SEGMENT_BYTES).max(at + LOOKAHEAD).min(bytes.len());
        // A segment starting this near the limit may run past it, unseen:
        // only hits before `settled` are certain to be the leftmost.
        let settled = if limit == bytes.len() { limit } else { limit - MAX_SEGMENT_BYTES };
        let hit = self.automaton.find(Input::new(bytes).range(at..limit)).map(|hit| hit.start());
        Lookahead { from: at, settled, hit: hit.filter(|&hit| hit < settled) }
    }

    /// Heap bytes held by the automaton.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.automaton.memory_usage()
    }
}

/// Whether `key` (folded pattern text) begins with a character of a script
/// without spaces.
fn starts_unspaced(key: &[u8]) -> bool {
    first_char(key).is_some_and(is_standalone)
}

/// The char that `bytes` begin with, if they begin with a whole one:
/// decoded by hand, as `run_end` asks it of every full-width mark.
fn first_char(bytes: &[u8]) -> Option<char> {
    let (&lead, rest) = bytes.split_first()?;
    let len = char_len(lead);
    let tail = rest.get(..len - 1)?;
    if tail.iter().any(|&b| b & 0xC0 != 0x80) {
        return None;
    }
    let lead_bits = match len {
        1 => lead,
        2 => lead & 0x1F,
        3 => lead & 0x0F,
        _ => lead & 0x07,
    };
    let code = tail.iter().fold(u32::from(lead_bits), |code, &b| code << 6 | u32::from(b & 0x3F));
    // Overlong forms and surrogates are not chars of a `str`.
    char::from_u32(code).filter(|c| c.len_utf8() == len)
}

/// The char at normalized offset `at`, when it is of a script without
/// spaces.
pub(crate) fn is_unspaced_at(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at) {
        // U+4000..=U+9FFF: Han ideographs, without decoding, but for the
        // hexagram symbols at U+4DC0..=U+4DFF (E4 B7).
        Some(0xE5..=0xE9) => true,
        Some(0xE4) => bytes.get(at + 1) != Some(&0xB7),
        Some(&b) if b >= 0xE3 => bytes.get(at..).and_then(first_char).is_some_and(is_standalone),
        _ => false,
    }
}

/// The length of the UTF-8 char that starts with byte `lead`.
pub(crate) fn char_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// The end of the run of characters of scripts without spaces that
/// starts at `at`.
pub(crate) fn run_end(bytes: &[u8], mut at: usize) -> usize {
    while is_unspaced_at(bytes, at) {
        at += char_len(bytes[at]);
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_char_decodes_as_std_does() {
        for c in ['a', 'é', '中', '。', '，', '𠀀', '\u{FFFF}', '\u{10FFFF}'] {
            let mut utf8 = [0u8; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert_eq!(first_char(bytes), Some(c));
            if bytes.len() > 1 {
                assert_eq!(first_char(&bytes[..bytes.len() - 1]), None, "{c} cut short");
            }
        }
        for bad in [&[0xE4, 0x41, 0x80][..], &[0xC0, 0x80], &[0xED, 0xA0, 0x80], &[0x80], &[]] {
            assert_eq!(first_char(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn runs_end_at_other_scripts() {
        let text = "在北京的NATO会议";
        let bytes = text.as_bytes();
        assert!(is_unspaced_at(bytes, 0));
        assert_eq!(run_end(bytes, 0), "在北京的".len());
        assert!(!is_unspaced_at(bytes, "在北京的".len()));
        assert_eq!(run_end(bytes, "在北京的NATO".len()), bytes.len());
        assert!(!is_unspaced_at("ロンドン".as_bytes(), 0), "katakana words are spaced words");
        // The byte tests agree with the char test.
        for c in ('\u{3000}'..='\u{A000}')
            .chain('\u{1F600}'..='\u{1F610}')
            .chain('\u{20000}'..='\u{20010}')
        {
            let mut utf8 = [0u8; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert_eq!(is_unspaced_at(bytes, 0), is_standalone(c), "U+{:04X}", c as u32);
        }
    }
}
