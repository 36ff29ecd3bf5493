//! Search results and the lazy search iterator.

use std::collections::VecDeque;

use dateline_tokenize::Span;

use crate::{
    Matcher, NormalizedText, PatternId,
    boundary::{is_standalone, is_word_char},
    filter::{MAX_WORD, ascii_run, folded_word_hash, non_alnum_lanes},
    fold::FOLD,
    matcher::Start,
};

/// Which matches a search reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum MatchKind {
    /// Non-overlapping matches, scanning left to right: at each token start
    /// the longest *boundary-valid* match wins, and the search resumes after
    /// it. A longer candidate that ends inside a word never hides a shorter
    /// valid one. When several patterns fold to the same text and pass
    /// their case policies, the one given first is reported.
    #[default]
    LeftmostLongest,
    /// Every boundary-valid match of every pattern, overlapping, ordered by
    /// start, then end, then pattern id.
    All,
}

/// One match: which pattern, and where in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Match {
    span: Span,
    pattern: PatternId,
}

impl Match {
    /// A match of `pattern` at `span`.
    pub const fn new(pattern: PatternId, span: Span) -> Match {
        Match { span, pattern }
    }

    /// The pattern that matched.
    pub const fn pattern(&self) -> PatternId {
        self.pattern
    }

    /// Where it matched, as bytes of the original text.
    pub const fn span(&self) -> Span {
        self.span
    }

    /// The byte offset where the match starts.
    pub const fn start(&self) -> usize {
        self.span.start
    }

    /// The byte offset where the match ends (exclusive).
    pub const fn end(&self) -> usize {
        self.span.end
    }
}

/// The text a search runs over: normalized by the search itself, or
/// borrowed from the caller.
#[derive(Debug)]
enum Source<'t> {
    Owned(NormalizedText<'t>),
    Borrowed(&'t NormalizedText<'t>),
}

/// How many candidate starts the scanner collects at a time. Collecting
/// them in a batch, with the filter probe's result added to a count rather
/// than branched on, lets the processor overlap the probes' cache misses.
const BATCH: usize = 32;

/// A lazy iterator over the matches in one text, from
/// [`Matcher::find_iter`] or [`Matcher::find_iter_normalized`].
///
/// The scanner's sequence of candidate starts depends only on the text
/// (starts are token boundaries, which no match can change), so it runs
/// ahead in batches; after a leftmost-longest match the starts inside it
/// are skipped.
#[derive(Debug)]
pub struct FindIter<'m, 't> {
    matcher: &'m Matcher,
    source: Source<'t>,
    /// Where the byte scan stands, for a text without a word index.
    scan: Scan,
    /// The next unit to read, for a text with a word index.
    pos: usize,
    /// Candidate starts found by the scanner, `starts[next..len]` pending.
    starts: [Start; BATCH],
    next: usize,
    len: usize,
    /// Normalized offset before which no further match may start.
    skip_before: usize,
    /// Original offset before which no further match may start.
    min_start: usize,
    /// Matches found but not yet returned (all-matches mode).
    pending: VecDeque<Match>,
}

impl<'m, 't> FindIter<'m, 't> {
    pub(crate) fn owned(matcher: &'m Matcher, text: NormalizedText<'t>) -> FindIter<'m, 't> {
        FindIter::with(matcher, Source::Owned(text))
    }

    pub(crate) fn borrowed(matcher: &'m Matcher, text: &'t NormalizedText<'t>) -> FindIter<'m, 't> {
        FindIter::with(matcher, Source::Borrowed(text))
    }

    fn with(matcher: &'m Matcher, source: Source<'t>) -> FindIter<'m, 't> {
        FindIter {
            matcher,
            source,
            scan: Scan::default(),
            pos: 0,
            starts: [Start { at: 0, word: None }; BATCH],
            next: 0,
            len: 0,
            skip_before: 0,
            min_start: 0,
            pending: VecDeque::new(),
        }
    }

    fn text(&self) -> &NormalizedText<'t> {
        match &self.source {
            Source::Owned(text) => text,
            Source::Borrowed(text) => text,
        }
    }

    /// Finds the next batch of token starts where some pattern may begin,
    /// from the text's word index when it has one, else by scanning its
    /// bytes. Returns false when the text is exhausted and no start was
    /// found.
    #[inline]
    fn fill(&mut self) -> bool {
        let text = match &self.source {
            Source::Owned(text) => text,
            Source::Borrowed(text) => *text,
        };
        let matcher = self.matcher;
        // The index leaves out whitespace, where no pattern starts (patterns
        // are trimmed); a matcher whose trie says otherwise scans.
        let len = match text.word_index() {
            Some(units) if !matcher.trie().starts_with_unit(b' ') => {
                fill_from_index(matcher, units, &mut self.pos, &mut self.starts)
            }
            _ => {
                let mut visit = Collect { matcher, starts: &mut self.starts, len: 0 };
                self.scan.run(text, &mut visit);
                visit.len
            }
        };
        for start in &self.starts[..len] {
            if let Some((_, hash)) = start.word {
                matcher.word_table.touch(hash);
            }
        }
        self.next = 0;
        self.len = len;
        len > 0
    }
}

/// The starts of the units `units[*pos..]` where some pattern of `matcher`
/// may begin, up to a batch; advances `pos` past the units read.
#[inline]
fn fill_from_index(
    matcher: &Matcher,
    units: &[Unit],
    pos: &mut usize,
    starts: &mut [Start; BATCH],
) -> usize {
    let (trie, first_words) = (matcher.trie(), &matcher.first_words);
    let mut len = 0;
    let mut i = *pos;
    while len < BATCH {
        let Some(unit) = units.get(i) else { break };
        i += 1;
        let at = unit.at as usize;
        let keep = match unit.kind() {
            UnitKind::Word { end, hash } => {
                starts[len] = Start { at, word: Some((end, hash)) };
                first_words.contains(hash)
            }
            UnitKind::LongWord => {
                starts[len] = Start { at, word: None };
                true
            }
            UnitKind::Other(b) => {
                starts[len] = Start { at, word: None };
                trie.starts_with_unit(b)
            }
        };
        len += usize::from(keep);
    }
    *pos = i;
    len
}

/// What the scanner meets in a text, in order: words (runs of word
/// characters, read whole) and single other characters (punctuation,
/// spaces, standalone characters such as CJK ideographs).
trait Visit {
    /// Whether the visitor wants no more units for now.
    fn full(&self) -> bool;
    /// A word at `at..end` that begins a token (`boundary`), with the hash
    /// of its folded units; `None` for a word longer than [`MAX_WORD`],
    /// which the first-word filter does not know.
    fn word(&mut self, at: usize, end: usize, hash: Option<u64>, boundary: bool);
    /// A character that is not part of a word, or is standalone, whose
    /// first byte is `b`.
    fn other(&mut self, at: usize, b: u8);
}

/// The scanner's position in a text: the next normalized offset to read,
/// and whether the character before it is a word character / standalone.
#[derive(Clone, Copy, Debug, Default)]
struct Scan {
    pos: usize,
    prev_word: bool,
    prev_standalone: bool,
}

impl Scan {
    /// Reads units from `pos` until the text ends or `visit` is full.
    ///
    /// Words are consumed whole: positions inside a word are never token
    /// starts, and hashing the word on the way lets the first-word filter
    /// skip the trie walk for words that begin no pattern.
    #[inline(always)]
    fn run(&mut self, text: &NormalizedText<'_>, visit: &mut impl Visit) {
        let bytes = text.bytes();
        // Work on locals; the state is written back once per call.
        let Scan { mut pos, mut prev_word, mut prev_standalone } = *self;
        while !visit.full() {
            let Some(&b) = bytes.get(pos) else { break };
            let at = pos;
            let (word, standalone, char_len) = classify(text, at, b);
            let boundary = !(prev_word && word) || standalone || prev_standalone;
            prev_word = word;
            prev_standalone = standalone;
            if !word || standalone {
                pos += char_len;
                visit.other(at, b);
                continue;
            }
            // A word: find its end, hashing it on the way while it is
            // ASCII (the usual case); other words are hashed afterwards.
            let (mut end, ascii_hash) = ascii_run(bytes, at);
            let mut ascii = true;
            while let Some(&c) = bytes.get(end).filter(|&&c| c >= 0x80) {
                let (w, s, l) = classify(text, end, c);
                if !w || s {
                    break;
                }
                ascii = false;
                end = alnum_run_end(bytes, end + l);
            }
            pos = end;
            let hash = if end - at > MAX_WORD {
                None
            } else if ascii {
                Some(ascii_hash)
            } else {
                Some(folded_word_hash(&bytes[at..end]))
            };
            visit.word(at, end, hash, boundary);
        }
        *self = Scan { pos, prev_word, prev_standalone };
    }
}

/// Collects a batch of one matcher's candidate starts while scanning.
struct Collect<'a> {
    matcher: &'a Matcher,
    starts: &'a mut [Start; BATCH],
    len: usize,
}

impl Visit for Collect<'_> {
    #[inline(always)]
    fn full(&self) -> bool {
        self.len >= BATCH
    }

    #[inline(always)]
    fn word(&mut self, at: usize, end: usize, hash: Option<u64>, boundary: bool) {
        match hash {
            Some(hash) => {
                // Written unconditionally and kept only if the filter says
                // so: no branch on the probe, so probes of later words can
                // overlap.
                self.starts[self.len] = Start { at, word: Some((end, hash)) };
                self.len += usize::from(boundary & self.matcher.first_words.contains(hash));
            }
            None if boundary => {
                self.starts[self.len] = Start { at, word: None };
                self.len += 1;
            }
            None => {}
        }
    }

    #[inline(always)]
    fn other(&mut self, at: usize, b: u8) {
        if self.matcher.trie().starts_with_unit(b) {
            self.starts[self.len] = Start { at, word: None };
            self.len += 1;
        }
    }
}

/// One entry of a [`WordIndex`]: a word that begins a token, or a
/// character outside words other than whitespace. Offsets are normalized
/// and fit in `u32` (longer texts are not indexed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    at: u32,
    /// The word's end; equal to `at` for the other kinds.
    end: u32,
    /// The word's hash, or the character's first byte, or [`LONG_WORD`].
    hash: u64,
}

/// The `hash` of a unit that is a word too long for the filter. (A real
/// word hash equal to it only costs that word a trie walk it would have
/// had anyway: such units are kept as starts whatever the filter says.)
const LONG_WORD: u64 = u64::MAX;

enum UnitKind {
    Word { end: usize, hash: u64 },
    LongWord,
    Other(u8),
}

impl Unit {
    #[inline(always)]
    fn kind(&self) -> UnitKind {
        if self.end > self.at {
            UnitKind::Word { end: self.end as usize, hash: self.hash }
        } else if self.hash == LONG_WORD {
            UnitKind::LongWord
        } else {
            UnitKind::Other(self.hash as u8)
        }
    }
}

/// The units of a whole text, found by one scan and shared by every
/// matcher that searches the text afterwards (see
/// [`NormalizedText::index_words`]).
pub(crate) type WordIndex = Vec<Unit>;

/// Scans `text` once into its [`WordIndex`]; `None` when its offsets do
/// not fit in `u32`.
pub(crate) fn index_words(text: &NormalizedText<'_>) -> Option<WordIndex> {
    u32::try_from(text.bytes().len()).ok()?;
    struct Build(WordIndex);
    impl Visit for Build {
        #[inline(always)]
        fn full(&self) -> bool {
            false
        }

        #[inline(always)]
        fn word(&mut self, at: usize, end: usize, hash: Option<u64>, boundary: bool) {
            if !boundary {
                return;
            }
            let (at, end) = (at as u32, end as u32);
            self.0.push(match hash {
                Some(hash) => Unit { at, end, hash },
                None => Unit { at, end: at, hash: LONG_WORD },
            });
        }

        #[inline(always)]
        fn other(&mut self, at: usize, b: u8) {
            if FOLD[b as usize] != b' ' {
                self.0.push(Unit { at: at as u32, end: at as u32, hash: u64::from(b) });
            }
        }
    }
    // News text runs about one indexed unit per six bytes.
    let mut build = Build(Vec::with_capacity(text.bytes().len() / 5 + 8));
    Scan::default().run(text, &mut build);
    Some(build.0)
}

/// The end of the run of ASCII letters and digits starting at `at`: eight
/// bytes at a time (see [`non_alnum_lanes`]), the last few one by one.
#[inline(always)]
fn alnum_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let stop = non_alnum_lanes(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        if stop != 0 {
            return at + (stop.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    at
}

/// Whether the char at `at` (whose first byte is `b`) is a word character
/// and whether it is standalone, and its length.
#[inline(always)]
fn classify(text: &NormalizedText<'_>, at: usize, b: u8) -> (bool, bool, usize) {
    if b < 0x80 {
        return (b.is_ascii_alphanumeric(), false, 1);
    }
    match text.as_str().get(at..).and_then(|s| s.chars().next()) {
        Some(c) => (is_word_char(c), is_standalone(c), c.len_utf8()),
        None => (false, false, 1),
    }
}

impl Iterator for FindIter<'_, '_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        loop {
            if let Some(m) = self.pending.pop_front() {
                return Some(m);
            }
            if self.next == self.len && !self.fill() {
                return None;
            }
            let start = self.starts[self.next];
            self.next += 1;
            if start.at < self.skip_before {
                continue;
            }
            let matcher = self.matcher;
            match matcher.match_kind() {
                crate::MatchKind::All => {
                    let mut pending = std::mem::take(&mut self.pending);
                    matcher.all_at(self.text(), start, |m| pending.push_back(m));
                    self.pending = pending;
                }
                _ => {
                    if let Some((m, norm_end)) = matcher.longest_at(self.text(), start)
                        && m.start() >= self.min_start
                    {
                        self.min_start = m.end();
                        self.skip_before = norm_end;
                        return Some(m);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_runs_end_where_the_byte_loop_ends() {
        let texts: [&[u8]; 6] = [
            b"",
            b"abc",
            b"Abcdefgh12345678 x",
            b"Zz09zz\xc3\xa9t",
            b"0123456789abcdefXYZ",
            b"a-b",
        ];
        for text in texts {
            for at in 0..=text.len() {
                let mut want = at;
                while text.get(want).is_some_and(u8::is_ascii_alphanumeric) {
                    want += 1;
                }
                assert_eq!(alnum_run_end(text, at), want, "{text:?} from {at}");
            }
        }
    }
}
