//! Candidate finding: where in a text the grammar has to look.
//!
//! Anchors are lexicon hits (month and weekday names, temporal nouns,
//! deictic words, holidays) found by one `dateline-match` pass (case folded,
//! token-aligned), plus digit runs.
//! Each anchor opens a window of context around it; overlapping windows are
//! merged into regions, and only regions are tokenized and parsed. Text with
//! no anchors costs one automaton pass and one digit scan.

use dateline_match::{CasePolicy, MatchKind, Matcher, NormalizedText, Normalizer};

/// Context kept on each side of an anchor, in bytes.
const LEFT: usize = 48;
const RIGHT: usize = 40;
/// The same in text without spaces, where a character carries a word's
/// meaning in three bytes: ten characters before (the cues "将", "已" and
/// a year before its month lie closer), eight after.
const LEFT_UNSPACED: usize = 30;
const RIGHT_UNSPACED: usize = 24;

#[derive(Debug)]
pub(crate) struct Scanner {
    words: Matcher,
    /// Each anchor's key as `words` folds it (accents folded), by pattern.
    keys: Vec<String>,
    /// Folds like `words` but keeps accents: a hit whose text it folds to
    /// the same key is one an automaton without accent folding finds.
    plain: Normalizer,
    /// The lexicon folds accents ("März"): accented hits are anchors too.
    accented: bool,
    /// The language is written without spaces (Chinese): windows end on
    /// any character, not at the next space, which may be a line away.
    unspaced: bool,
}

impl Scanner {
    /// The automaton folds accents, like the gazetteer's, so that a pipeline
    /// can normalize a text once for both (`DateExtractor::extract_normalized`).
    /// The anchors are ASCII words, so folding accents can only add hits
    /// whose original text is accented ("Máy"); `regions` drops those, which
    /// keeps the anchors exactly those of an automaton without accent folding.
    /// In languages whose lexicon folds accents (`accented`), those hits are
    /// what the lexicon finds, and they stay.
    pub(crate) fn new(anchors: &[impl AsRef<str>], accented: bool, unspaced: bool) -> Scanner {
        Scanner { accented, unspaced, ..Scanner::with_accent_folding(anchors, true) }
    }

    fn with_accent_folding(anchors: &[impl AsRef<str>], yes: bool) -> Scanner {
        let words = Matcher::builder()
            .case_policy(CasePolicy::Insensitive)
            .accent_folding(yes)
            .match_kind(MatchKind::LeftmostLongest)
            .build(anchors.iter().map(AsRef::as_ref))
            .expect("the anchor lexicon has no empty words");
        let keys = anchors.iter().map(|anchor| words.normalizer().fold(anchor.as_ref())).collect();
        let plain = Normalizer::new().with_accent_folding(false);
        Scanner { words, keys, plain, accented: false, unspaced: false }
    }

    /// The automaton that finds the anchors.
    pub(crate) fn matcher(&self) -> &Matcher {
        &self.words
    }

    /// The normalizer whose output [`Scanner::regions`] searches without
    /// normalizing again.
    pub(crate) fn normalizer(&self) -> Normalizer {
        self.words.normalizer()
    }

    /// The regions (byte ranges on char boundaries of the original text)
    /// around every anchor.
    pub(crate) fn regions(&self, normalized: &NormalizedText<'_>, out: &mut Vec<(usize, usize)>) {
        let text = normalized.original();
        let bytes = text.as_bytes();
        // Anchors and digit runs in one list, sorted below; room for one
        // every 32 bytes from the start (growing it from empty reallocated
        // it several times a document).
        let mut all: Vec<(usize, usize)> = Vec::with_capacity(bytes.len() / 32);
        // The matcher only reports whole tokens ("may" is not in "mayor").
        for m in self.words.find_iter_normalized(normalized) {
            let span = m.span();
            let found = &text[span];
            let key = &self.keys[m.pattern().as_usize()];
            // A hit spelled as its key (Chinese ones all are) folds to it
            // without accent folding.
            if !found.is_ascii()
                && !self.accented
                && found != key
                && !self.plain.fold_eq(found, key)
            {
                continue;
            }
            all.push((span.start, span.end));
        }
        let mut i = 0;
        while i < bytes.len() {
            match memchr_digit(&bytes[i..]) {
                Some(k) => {
                    let s = i + k;
                    let mut e = s;
                    while e < bytes.len() && bytes[e].is_ascii_digit() {
                        e += 1;
                    }
                    all.push((s, e));
                    i = e;
                }
                None => break,
            }
        }
        // Into windows, in text order.
        all.sort_unstable();
        out.clear();
        for (s, e) in all {
            let (lo, hi) = if self.unspaced {
                let lo = floor_boundary(text, s.saturating_sub(LEFT_UNSPACED));
                (lo, ceil_boundary(text, (e + RIGHT_UNSPACED).min(bytes.len())))
            } else {
                let lo = floor_boundary(text, s.saturating_sub(LEFT));
                let hi = ceil_boundary(text, (e + RIGHT).min(bytes.len()));
                (snap_word_start(bytes, lo, s), snap_word_end(text, hi))
            };
            match out.last_mut() {
                Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
                _ => out.push((lo, hi)),
            }
        }
    }
}

/// The first ASCII digit of `b`: eight bytes at a time, since most of a
/// text has none.
pub(crate) fn memchr_digit(b: &[u8]) -> Option<usize> {
    const fn lanes(x: u8) -> u64 {
        u64::from_le_bytes([x; 8])
    }
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        // Per lane, on the low seven bits (no carry crosses lanes): a digit
        // is at least '0' (adding 0x80 - '0' sets the high bit) and at most
        // '9' (adding 0x80 - '9' - 1 does not); a non-ASCII lane never is.
        let v = x & !lanes(0x80);
        let digits = (v + lanes(0x80 - b'0')) & !(v + lanes(0x80 - b'9' - 1)) & !x & lanes(0x80);
        if digits != 0 {
            return Some(at + (digits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks.remainder().iter().position(u8::is_ascii_digit).map(|k| at + k)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first char's start at or after byte `i` (the text's end at most).
pub(crate) fn ceil_boundary(text: &str, mut i: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::lexicon::{Language, Lexicon};

    /// The scanner in use, and one whose automaton does not fold accents.
    fn scanners() -> (Scanner, Scanner) {
        let lexicon = Lexicon::new(Language::English);
        let anchors = lexicon.anchors();
        (Scanner::new(&anchors, false, false), Scanner::with_accent_folding(&anchors, false))
    }

    fn regions(scanner: &Scanner, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        scanner.regions(&scanner.normalizer().normalize(text), &mut out);
        out
    }

    proptest! {
        #[test]
        fn digit_search_finds_what_a_byte_loop_finds(
            bytes in prop::collection::vec(prop::sample::select(&b"09/:a \x80\xff"[..]), 0..40),
            any_bytes in prop::collection::vec(any::<u8>(), 0..40),
        ) {
            for b in [&bytes, &any_bytes] {
                for at in 0..=b.len() {
                    let b = &b[at..];
                    prop_assert_eq!(memchr_digit(b), b.iter().position(u8::is_ascii_digit));
                }
            }
        }
    }

    #[test]
    fn chinese_words_that_only_extend_open_no_region() {
        let lexicon = Lexicon::new(Language::Chinese);
        let anchors = lexicon.anchors();
        let scanner = Scanner::new(&anchors, false, true);
        // "的" (of), "每" (every), "个" (a classifier) open nothing alone;
        // the year marker does.
        assert_eq!(regions(&scanner, "我们的每个朋友"), []);
        let text = "我们的朋友去年来了";
        assert_eq!(regions(&scanner, text), [(0, text.len())]);
    }

    #[test]
    fn accented_anchor_words_open_no_region() {
        let (scanner, _) = scanners();
        assert_eq!(regions(&scanner, "Máy Dáy and Súnday"), []);
        assert_eq!(regions(&scanner, "on Sunday"), [(0, 9)]);
        // Case folding without accents still finds "ſunday" (long s).
        assert_eq!(regions(&scanner, "ſunday"), [(0, 7)]);
    }

    /// Words around the anchors, with accented look-alikes, combining
    /// marks, letters that accent folding expands, and typographic forms.
    const WORDS: &[&str] = &[
        "may",
        "May",
        "Máy",
        "MÄY",
        "ma\u{301}y",
        "may\u{301}",
        "Sunday",
        "Súnday",
        "ſunday",
        "July",
        "Julý",
        "JULY",
        "Dec",
        "Déc",
        "décembre",
        "spring",
        "sprïng",
        "Æ",
        "æon",
        "ø",
        "José",
        "São",
        "Paulo",
        "Zürich",
        "mañana",
        "day",
        "Dáy",
        "Independence",
        "Christmas",
        "Chrístmas",
        "ago",
        "agó",
        "2024",
        "12",
        "3",
        "o'clock",
        "o’clock",
        "the",
        "İ",
        "ß",
        "ǅ",
        "a.m.",
        "last",
        "läst",
        "week",
        "wéek",
        "\u{301}",
    ];
    const GAPS: &[&str] = &[" ", "  ", "-", "–", "’", "\u{a0}", "\n", ", ", ". ", ""];

    proptest! {
        #[test]
        fn folding_accents_keeps_the_anchors_of_an_automaton_without(
            words in prop::collection::vec(
                (prop::sample::select(WORDS), prop::sample::select(GAPS)),
                0..40,
            ),
        ) {
            let text: String = words.iter().flat_map(|&(w, g)| [w, g]).collect();
            let (scanner, without) = scanners();
            prop_assert_eq!(regions(&scanner, &text), regions(&without, &text));
        }
    }
}
