//! Search results and the lazy search iterator.

use std::collections::VecDeque;

use dateline_tokenize::Span;

use crate::{
    Matcher, NormalizedText, PatternId,
    boundary::{is_standalone, is_word_char},
    filter::{FirstWords, MAX_WORD, ascii_run, folded_word_hash, non_alnum_lanes},
    fold::is_plain_cjk_punctuation,
    matcher::{Start, Unit},
    normalize::OriginalBytes,
    unspaced::{self, Lookahead},
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
    /// Where the byte scan stands, for a text not prepared for the matcher.
    scan: Scan,
    /// The next prepared start to read, for a text prepared for it.
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
    /// The part of a run of a script without spaces still to search
    /// (see [`FindIter::next_in_run`]).
    run: Option<(usize, usize)>,
    /// The Aho-Corasick engine's last answer, which may serve the next
    /// runs too.
    next_hit: Option<Lookahead>,
    /// The matcher's [`lower_words`](Matcher::lower_words), fetched once.
    lower_words: &'m FirstWords,
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
            starts: [Start::default(); BATCH],
            next: 0,
            len: 0,
            skip_before: 0,
            min_start: 0,
            pending: VecDeque::new(),
            run: None,
            next_hit: None,
            lower_words: matcher.lower_words(),
        }
    }

    fn text(&self) -> &NormalizedText<'t> {
        match &self.source {
            Source::Owned(text) => text,
            Source::Borrowed(text) => text,
        }
    }

    /// The next match starting in the run of a script without spaces
    /// that `self.run` holds: the Aho-Corasick engine finds where a
    /// pattern's first segment starts, the trie is walked there, and the
    /// search goes on after a match or one char after a failed walk. Ends
    /// the run when it holds no more.
    #[inline(never)]
    fn next_in_run(&mut self) -> Option<Match> {
        let matcher = self.matcher;
        let engine = matcher.unspaced.as_ref()?;
        while let Some((pos, end)) = self.run {
            let text = match &self.source {
                Source::Owned(text) => text,
                Source::Borrowed(text) => *text,
            };
            let bytes = text.bytes();
            let known = self.next_hit.and_then(|answer| answer.within(pos, end));
            let hit = known.unwrap_or_else(|| {
                let answer = engine.next_hit(bytes, pos, end);
                self.next_hit = Some(answer);
                answer.within(pos, end).expect("a fresh answer covers its run")
            });
            let Some(hit) = hit else {
                self.run = None;
                return None;
            };
            let start = Start { at: hit, unit: Unit::Char };
            match matcher.longest_at(text, start) {
                Some((m, norm_end)) if m.start() >= self.min_start => {
                    self.min_start = m.end();
                    self.skip_before = norm_end;
                    self.run = (norm_end < end).then_some((norm_end, end));
                    return Some(m);
                }
                _ => self.run = Some((hit + unspaced::char_len(bytes[hit]), end)),
            }
        }
        None
    }

    /// Finds the next batch of token starts where some pattern may begin,
    /// from the starts [`NormalizedText::prepare_for`] found for this
    /// matcher when there are some, else by scanning the text's bytes.
    /// Returns false when the text is exhausted and no start was found.
    #[inline]
    fn fill(&mut self) -> bool {
        let text = match &self.source {
            Source::Owned(text) => text,
            Source::Borrowed(text) => *text,
        };
        let matcher = self.matcher;
        let len = match text.prepared_starts(matcher.id) {
            Some(prepared) => {
                let batch = prepared.get(self.pos..).unwrap_or_default();
                let batch = &batch[..batch.len().min(BATCH)];
                for (start, found) in self.starts.iter_mut().zip(batch) {
                    *start = found.start();
                }
                self.pos += batch.len();
                batch.len()
            }
            None => {
                let mut visit = Collect { matcher, starts: &mut self.starts, len: 0 };
                self.scan.run(text, &mut visit);
                visit.len
            }
        };
        for start in &self.starts[..len] {
            if let Unit::Word { hash, .. } = start.unit {
                matcher.word_table.touch(hash);
            }
        }
        self.next = 0;
        self.len = len;
        len > 0
    }
}

/// What the scanner meets in a text, in order: words (runs of word
/// characters, read whole) and single other characters (punctuation,
/// spaces, standalone characters such as CJK ideographs).
trait Visit {
    /// Whether the visitor wants no more units for now.
    fn full(&self) -> bool;
    /// A word at `at..end` that begins a token (`boundary`), with the hash
    /// of its folded units; `None` for a word longer than [`MAX_WORD`],
    /// which the first-word filter does not know. `first` is its first
    /// byte.
    fn word(&mut self, at: usize, end: usize, hash: Option<u64>, boundary: bool, first: u8);
    /// A character that is not part of a word, or is standalone, whose
    /// first byte is `b`.
    fn other(&mut self, at: usize, b: u8);
    /// Whether [`Visit::other`] does nothing with a space (no pattern
    /// starts with one), so the scan may step over spaces without a call.
    fn ignores_spaces(&self) -> bool;
    /// Whether runs of a script without spaces come whole, to
    /// [`Visit::run`], instead of a char at a time to [`Visit::other`].
    fn takes_runs(&self) -> bool;
    /// A run of a script without spaces at `at..end` of the normalized
    /// `bytes`.
    fn run(&mut self, bytes: &[u8], at: usize, end: usize);
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
        let skip_spaces = visit.ignores_spaces();
        let takes_runs = visit.takes_runs();
        while !visit.full() {
            let Some(&b) = bytes.get(pos) else { break };
            // The commonest character, between words.
            if b == b' ' && skip_spaces {
                (prev_word, prev_standalone) = (false, false);
                pos += 1;
                continue;
            }
            let at = pos;
            let (word, standalone, char_len) = classify(text, at, b);
            let boundary = !(prev_word && word) || standalone || prev_standalone;
            prev_word = word;
            prev_standalone = standalone;
            if standalone && takes_runs {
                pos = unspaced::run_end(bytes, at);
                visit.run(bytes, at, pos);
                continue;
            }
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
            visit.word(at, end, hash, boundary, b);
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
    fn word(&mut self, at: usize, end: usize, hash: Option<u64>, boundary: bool, _first: u8) {
        match hash {
            Some(hash) => {
                // Written unconditionally and kept only if the filter says
                // so: no branch on the probe, so probes of later words can
                // overlap.
                self.starts[self.len] = Start { at, unit: Unit::Word { end, hash } };
                self.len += usize::from(boundary & self.matcher.first_words.contains(hash));
            }
            None if boundary => {
                self.starts[self.len] = Start { at, unit: Unit::Char };
                self.len += 1;
            }
            None => {}
        }
    }

    #[inline(always)]
    fn other(&mut self, at: usize, b: u8) {
        if self.matcher.trie().starts_with_unit(b) {
            self.starts[self.len] = Start { at, unit: Unit::Char };
            self.len += 1;
        }
    }

    fn ignores_spaces(&self) -> bool {
        !self.matcher.trie().starts_with_unit(b' ')
    }

    fn takes_runs(&self) -> bool {
        takes_runs(self.matcher)
    }

    #[inline(always)]
    fn run(&mut self, _bytes: &[u8], at: usize, end: usize) {
        self.starts[self.len] = Start { at, unit: Unit::Run { end } };
        self.len += 1;
    }
}

/// Whether a matcher's search takes runs of a script without spaces whole:
/// when it has the Aho-Corasick engine and reports leftmost-longest
/// matches (all matches come from the trie walked from every char).
fn takes_runs(matcher: &Matcher) -> bool {
    matcher.unspaced.is_some() && matcher.match_kind() != crate::MatchKind::All
}

/// A candidate start found ahead of a search by
/// [`NormalizedText::prepare_for`], in 16 bytes (offsets are normalized
/// and fit in `u32`; longer texts are not prepared).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Prepared {
    at: u32,
    /// The end of the start's first word; equal to `at` when the start is
    /// not a word the first-word table knows.
    end: u32,
    hash: u64,
}

impl Prepared {
    #[inline(always)]
    fn start(self) -> Start {
        let at = self.at as usize;
        let end = (self.end & !RUN) as usize;
        let unit = if self.end & RUN != 0 {
            Unit::Run { end }
        } else if self.end > self.at {
            Unit::Word { end, hash: self.hash }
        } else {
            Unit::Char
        };
        Start { at, unit }
    }
}

/// Marks a [`Prepared`] start's `end` as a run's (see [`Unit::Run`]);
/// prepared texts are shorter than 2 GiB, so real offsets never set it.
const RUN: u32 = 1 << 31;

/// Scans `text` once and returns, for each matcher, the starts its search
/// would find, in order; `None` when the text's offsets do not fit in
/// `u32`. Matchers go two to a scan, so the per-character work unrolls.
pub(crate) fn prepare_starts(
    text: &NormalizedText<'_>,
    matchers: &[&Matcher],
) -> Option<Vec<Vec<Prepared>>> {
    if text.bytes().len() >= RUN as usize {
        return None;
    }
    let mut found = Vec::with_capacity(matchers.len());
    // Up to three matchers share a pass (a pipeline's gazetteer, date
    // anchors and name heads); const generics unroll the per-word work.
    for group in matchers.chunks(3) {
        match *group {
            [a, b, c] => found.extend(Many::scan([a, b, c], text)),
            [a, b] => found.extend(Many::scan([a, b], text)),
            [a] => found.extend(Many::scan([a], text)),
            _ => unreachable!("chunks of one to three"),
        }
    }
    Some(found)
}

/// The starts of `N` matchers, collected a batch at a time (see
/// [`Collect`]) while one scan runs.
struct Many<'a, const N: usize> {
    matchers: [&'a Matcher; N],
    /// Each matcher's first-word filter for a word that starts with
    /// anything but a small ASCII letter (`[0]`), and for one that starts
    /// with one the original text has there too (`[1]`).
    filters: [[&'a FirstWords; 2]; N],
    /// Which of the text's bytes are the original's (see `word`).
    original: OriginalBytes<'a>,
    batches: [([Prepared; BATCH], usize); N],
    found: [Vec<Prepared>; N],
}

/// The filter of a matcher that no lowercase word may start.
static NO_WORDS: FirstWords = FirstWords { bits: Vec::new(), log2: 6 };

impl<'a, const N: usize> Many<'a, N> {
    fn new(matchers: [&'a Matcher; N], text: &'a NormalizedText<'_>) -> Many<'a, N> {
        let empty = Prepared { at: 0, end: 0, hash: 0 };
        // A search skips a start on a small letter unless the word may
        // begin a pattern that matches lowercase text (see
        // `FindIter::next`): the scan asks that filter for such words, so
        // that those starts are never kept ("party", "group" and "bank"
        // for capitalized head words; most words for a gazetteer).
        let lower = |m: &'a Matcher| if m.capital_starts { &NO_WORDS } else { m.lower_words() };
        Many {
            matchers,
            filters: matchers.map(|m| [&m.first_words, lower(m)]),
            original: text.original_bytes(),
            batches: [([empty; BATCH], 0); N],
            found: std::array::from_fn(|_| Vec::new()),
        }
    }

    /// The starts of each of `matchers` in `text`, from one scan.
    fn scan(matchers: [&'a Matcher; N], text: &'a NormalizedText<'_>) -> [Vec<Prepared>; N] {
        let mut this = Many::new(matchers, text);
        // Room for a start every 16 bytes (news has one every 19 for a
        // large gazetteer, fewer for small matchers): growing each list
        // from empty reallocated it several times a document.
        for found in &mut this.found {
            found.reserve(text.bytes().len() / 16);
        }
        Scan::default().run(text, &mut this);
        for ((batch, len), found) in this.batches.iter().zip(&mut this.found) {
            found.extend_from_slice(&batch[..*len]);
        }
        this.found
    }

    #[inline(always)]
    fn flush_full(&mut self) {
        for ((batch, len), found) in self.batches.iter_mut().zip(&mut self.found) {
            if *len == BATCH {
                found.extend_from_slice(batch);
                *len = 0;
            }
        }
    }
}

impl<const N: usize> Visit for Many<'_, N> {
    #[inline(always)]
    fn full(&self) -> bool {
        false
    }

    #[inline(always)]
    fn word(&mut self, at: usize, end: usize, hash: Option<u64>, boundary: bool, first: u8) {
        let (at, end) = (at as u32, end as u32);
        // Only outside the folded forms of the text is the first byte the
        // original's: inside one a small letter may be a folded capital
        // ("É" read as "e" with accent folding), which the search keeps.
        // Both asked of every word, in text order: a branch on the letter's
        // case would be mispredicted on the mix of news text.
        let lower = usize::from(first.is_ascii_lowercase() & self.original.at(at as usize));
        for (filters, (batch, len)) in self.filters.iter().zip(&mut self.batches) {
            // As in `Collect`: written always, kept as the filter says.
            // `len` is below `BATCH` between visits (`flush_full`): the
            // remainder is `len` itself, and spares the bounds check.
            debug_assert!(*len < BATCH, "a full batch is flushed after every visit");
            let slot = &mut batch[*len % BATCH];
            let keep = match hash {
                Some(hash) => {
                    *slot = Prepared { at, end, hash };
                    boundary & filters[lower].contains(hash)
                }
                None => {
                    *slot = Prepared { at, end: at, hash: 0 };
                    boundary
                }
            };
            *len += usize::from(keep);
        }
        self.flush_full();
    }

    #[inline(always)]
    fn other(&mut self, at: usize, b: u8) {
        for (matcher, (batch, len)) in self.matchers.iter().zip(&mut self.batches) {
            // As in `word`.
            debug_assert!(*len < BATCH, "a full batch is flushed after every visit");
            batch[*len % BATCH] = Prepared { at: at as u32, end: at as u32, hash: 0 };
            *len += usize::from(matcher.trie().starts_with_unit(b));
        }
        self.flush_full();
    }

    fn ignores_spaces(&self) -> bool {
        self.matchers.iter().all(|m| !m.trie().starts_with_unit(b' '))
    }

    fn takes_runs(&self) -> bool {
        self.matchers.iter().any(|m| takes_runs(m))
    }

    /// One run start for the matchers that take runs; for the others, the
    /// run's chars one at a time, as [`Visit::other`] would have had them.
    fn run(&mut self, bytes: &[u8], at: usize, end: usize) {
        let (at32, end32) = (at as u32, end as u32);
        for i in 0..N {
            if takes_runs(self.matchers[i]) {
                let (batch, len) = &mut self.batches[i];
                batch[*len] = Prepared { at: at32, end: end32 | RUN, hash: 0 };
                *len += 1;
                self.flush_full();
            }
        }
        if self.matchers.iter().all(|m| takes_runs(m)) {
            return;
        }
        let mut pos = at;
        while pos < end {
            let lead = bytes[pos];
            for i in 0..N {
                let matcher = self.matchers[i];
                if !takes_runs(matcher) && matcher.trie().starts_with_unit(lead) {
                    let (batch, len) = &mut self.batches[i];
                    batch[*len] = Prepared { at: pos as u32, end: pos as u32, hash: 0 };
                    *len += 1;
                    self.flush_full();
                }
            }
            pos += unspaced::char_len(lead);
        }
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
    // Cyrillic, U+0400..=U+04FF (lead bytes D0..=D3): letters and
    // combining marks but for U+0482 (D2 82), the thousands sign; without
    // the Unicode tables, which cost Ukrainian and Russian text a third of
    // its search time.
    if (0xD0..=0xD3).contains(&b) {
        return (!(b == 0xD2 && text.bytes().get(at + 1) == Some(&0x82)), false, 2);
    }
    // Han ideographs (U+4000..=U+9FFF but the hexagram symbols at
    // U+4DC0..=U+4DFF, lead bytes E4 B7): words of one char each, without
    // decoding.
    if (0xE4..=0xE9).contains(&b) && !(b == 0xE4 && text.bytes().get(at + 1) == Some(&0xB7)) {
        return (true, true, 3);
    }
    if is_plain_cjk_punctuation(&text.bytes()[at..]) {
        return (false, false, 3);
    }
    match text.as_str().get(at..).and_then(|s| s.chars().next()) {
        Some(c) => (is_word_char(c), is_standalone(c), c.len_utf8()),
        None => (false, false, 1),
    }
}

impl Iterator for FindIter<'_, '_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        // A run that gave the last match goes on first.
        if self.run.is_some()
            && let Some(m) = self.next_in_run()
        {
            return Some(m);
        }
        loop {
            if let Some(m) = self.pending.pop_front() {
                return Some(m);
            }
            if self.next == self.len && !self.fill() {
                return None;
            }
            let start = self.starts[self.next];
            self.next += 1;
            if let Unit::Run { end } = start.unit {
                if end > self.skip_before {
                    self.run = Some((start.at.max(self.skip_before), end));
                    if let Some(m) = self.next_in_run() {
                        return Some(m);
                    }
                }
                continue;
            }
            if start.at < self.skip_before {
                continue;
            }
            let matcher = self.matcher;
            // Only a start on a small ASCII letter may be skipped (see
            // `starts_lowercase`): that byte is read first, and the
            // lowercase filter, whose probe may miss the cache, is asked
            // only then.
            if self.text().bytes().get(start.at).is_some_and(u8::is_ascii_lowercase) {
                let capital_only = matcher.capital_starts
                    || matches!(start.unit, Unit::Word { hash, .. } if !self.lower_words.contains(hash));
                if capital_only && starts_lowercase(self.text(), start.at) {
                    continue;
                }
            }
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

/// Whether the original char at normalized offset `at` is an ASCII
/// lowercase letter (anything else, or no clean mapping, says no).
fn starts_lowercase(text: &NormalizedText<'_>, at: usize) -> bool {
    // Normalizing copies ASCII and folds only other chars, so an original
    // ASCII lowercase letter is one at its normalized offset too: a start
    // on any other byte (a capital, a digit) needs no mapping back.
    if !text.bytes().get(at).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let original =
        if text.is_identity() { Some(at) } else { text.to_original_range(at).map(|(lo, _)| lo) };
    original
        .and_then(|at| text.original().as_bytes().get(at))
        .is_some_and(|b| b.is_ascii_lowercase())
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

    #[test]
    fn prepared_starts_skip_small_letters_the_original_has() {
        // The curly apostrophe folds to "'", so offsets differ from the
        // original's after it; "the" is still the original's own, and a
        // matcher of capitalized names keeps no start there. The "t" that
        // "Ť" folds to is not the original's, and stays a start.
        let matcher =
            crate::Matcher::new([crate::Pattern::new("The Hague", crate::CasePolicy::Sensitive)])
                .expect("a valid pattern");
        let normalizer = crate::Normalizer::new().with_accent_folding(true);
        for (text, kept) in [
            ("Ukraine’s the The", vec!["The"]),
            ("the The", vec!["The"]),
            ("Ukraine’s Ťhe the The", vec!["the", "The"]),
        ] {
            let mut normalized = normalizer.normalize(text);
            normalized.prepare_for(&[&matcher]);
            let starts = normalized.prepared_starts(matcher.id).expect("prepared");
            let words: Vec<&str> = starts
                .iter()
                .map(|p| &normalized.as_str()[p.at as usize..(p.end & !RUN) as usize])
                .collect();
            assert_eq!(words, kept, "{text:?}");
        }
    }

    #[test]
    fn original_bytes_are_those_outside_folded_forms() {
        let normalizer = crate::Normalizer::new().with_accent_folding(true);
        // "’" (3 bytes) folds to "'", "É" to "e", and the mark after "e" is
        // dropped: the next char ("x") stands where the mark was.
        let text = normalizer.normalize("a’b Éc e\u{301}x y");
        assert_eq!(text.as_str(), "a'b ec ex y");
        let mut original = text.original_bytes();
        let flags: Vec<bool> = (0..text.bytes().len()).map(|at| original.at(at)).collect();
        assert_eq!(
            flags,
            [true, false, true, true, false, true, true, true, false, true, true],
            "{:?}",
            text.as_str()
        );
    }

    #[test]
    fn classify_agrees_with_the_unicode_tables() {
        // The byte fast paths (Cyrillic, Han) give what decoding would.
        let normalizer = crate::Normalizer::new();
        for c in ('\u{80}'..='\u{7FF}').chain('\u{3000}'..='\u{A000}') {
            let s = c.to_string();
            let text = normalizer.normalize(&s);
            let Some(b) = text.bytes().first().copied() else { continue };
            let Some(first) = text.as_str().chars().next() else { continue };
            let want = (is_word_char(first), is_standalone(first), first.len_utf8());
            assert_eq!(classify(&text, 0, b), want, "U+{:04X}", c as u32);
        }
    }
}
