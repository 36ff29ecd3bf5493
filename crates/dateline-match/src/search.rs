//! Search results and the lazy search iterator.

use std::collections::VecDeque;

use dateline_tokenize::Span;

use crate::{
    Matcher, NormalizedText, PatternId,
    boundary::{is_standalone, is_word_char},
    filter::{MAX_WORD, ascii_run, folded_word_hash, non_alnum_lanes},
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
    /// Scanner state: next normalized offset to read, and whether the
    /// character before it is a word character / standalone.
    pos: usize,
    prev_word: bool,
    prev_standalone: bool,
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
            pos: 0,
            prev_word: false,
            prev_standalone: false,
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

    /// Scans on from `pos` for the next batch of token starts where some
    /// pattern may begin. Returns false when the text is exhausted and no
    /// start was found.
    ///
    /// Words are consumed whole: positions inside a word are never token
    /// starts, and hashing the word on the way lets the first-word filter
    /// skip the trie walk for words that begin no pattern.
    #[inline]
    fn fill(&mut self) -> bool {
        let matcher = self.matcher;
        let trie = matcher.trie();
        let first_words = &matcher.first_words;
        let text = match &self.source {
            Source::Owned(text) => text,
            Source::Borrowed(text) => *text,
        };
        let bytes = text.bytes();
        let starts = &mut self.starts;
        // Work on locals; the state is written back once per batch.
        let (mut pos, mut prev_word, mut prev_standalone) =
            (self.pos, self.prev_word, self.prev_standalone);
        let mut len = 0;
        while len < BATCH {
            let Some(&b) = bytes.get(pos) else { break };
            let at = pos;
            let (word, standalone, char_len) = classify(text, at, b);
            let boundary = !(prev_word && word) || standalone || prev_standalone;
            prev_word = word;
            prev_standalone = standalone;
            if !word || standalone {
                pos += char_len;
                if trie.starts_with_unit(b) {
                    starts[len] = Start { at, word: None };
                    len += 1;
                }
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
            if end - at > MAX_WORD {
                if boundary {
                    starts[len] = Start { at, word: None };
                    len += 1;
                }
                continue;
            }
            let hash = if ascii { ascii_hash } else { folded_word_hash(&bytes[at..end]) };
            // Written unconditionally and kept only if the filter says so:
            // no branch on the probe, so probes of later words can overlap.
            starts[len] = Start { at, word: Some((end, hash)) };
            len += usize::from(boundary & first_words.contains(hash));
        }
        for start in &starts[..len] {
            if let Some((_, hash)) = start.word {
                matcher.word_table.touch(hash);
            }
        }
        (self.pos, self.prev_word, self.prev_standalone) = (pos, prev_word, prev_standalone);
        self.next = 0;
        self.len = len;
        len > 0
    }
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
