//! Candidate finding: where in a text the grammar has to look.
//!
//! Anchors are lexicon hits (month and weekday names, temporal nouns,
//! deictic words, holidays) found by one `dateline-match` pass (case folded,
//! token-aligned), plus digit runs.
//! Each anchor opens a window of context around it; overlapping windows are
//! merged into regions, and only regions are tokenized and parsed. Text with
//! no anchors costs one automaton pass and one digit scan.

use dateline_match::{CasePolicy, MatchKind, Matcher};

/// Context kept on each side of an anchor, in bytes.
const LEFT: usize = 48;
const RIGHT: usize = 40;

#[derive(Debug)]
pub(crate) struct Scanner {
    words: Matcher,
}

impl Scanner {
    pub(crate) fn new(anchors: &[&str]) -> Scanner {
        let words = Matcher::builder()
            .case_policy(CasePolicy::Insensitive)
            .accent_folding(false)
            .match_kind(MatchKind::LeftmostLongest)
            .build(anchors.iter().copied())
            .expect("the anchor lexicon has no empty words");
        Scanner { words }
    }

    /// The regions (byte ranges on char boundaries) around every anchor.
    pub(crate) fn regions(&self, text: &str, out: &mut Vec<(usize, usize)>) {
        let bytes = text.as_bytes();
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        // The matcher only reports whole tokens ("may" is not in "mayor").
        for m in self.words.find_iter(text) {
            let span = m.span();
            anchors.push((span.start, span.end));
        }
        let mut i = 0;
        let mut digits: Vec<(usize, usize)> = Vec::new();
        while i < bytes.len() {
            match memchr_digit(&bytes[i..]) {
                Some(k) => {
                    let s = i + k;
                    let mut e = s;
                    while e < bytes.len() && bytes[e].is_ascii_digit() {
                        e += 1;
                    }
                    digits.push((s, e));
                    i = e;
                }
                None => break,
            }
        }
        // Merge the two sorted lists into windows.
        let mut all = anchors;
        all.extend(digits);
        all.sort_unstable();
        out.clear();
        for (s, e) in all {
            let lo = floor_boundary(text, s.saturating_sub(LEFT));
            let lo = snap_word_start(bytes, lo, s);
            let hi = ceil_boundary(text, (e + RIGHT).min(bytes.len()));
            let hi = snap_word_end(text, hi);
            match out.last_mut() {
                Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
                _ => out.push((lo, hi)),
            }
        }
    }
}

fn memchr_digit(b: &[u8]) -> Option<usize> {
    b.iter().position(u8::is_ascii_digit)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Moves a window start forward to the start of a word (never past `limit`).
fn snap_word_start(bytes: &[u8], lo: usize, limit: usize) -> usize {
    if lo == 0 || bytes[lo - 1].is_ascii_whitespace() {
        return lo;
    }
    let mut i = lo;
    while i < limit && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Moves a window end forward to the end of a word (at most 32 bytes).
fn snap_word_end(text: &str, hi: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = hi;
    let cap = (hi + 32).min(bytes.len());
    while i < cap && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    ceil_boundary(text, i)
}
