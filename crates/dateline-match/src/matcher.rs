//! The matcher and its builder.

use core::fmt;

use dateline_tokenize::Span;

use crate::{
    BuildError, CasePolicy, FindIter, Match, MatchKind, NormalizedText, Normalizer, Pattern,
    PatternId,
    boundary::is_boundary_at,
    filter::{FirstWords, MAX_WORD, Slot, WordTable, first_word_len, word_hash},
    fold::FOLD,
    trie::{CHECKED, Node, Trie},
    unspaced::Unspaced,
};

/// Pattern ids keep their top bit free for the `CHECKED` tag.
const MAX_PATTERNS: usize = CHECKED as usize;

/// `checks` entry of a pattern whose case needs no check.
pub(crate) const NO_CHECK: u32 = u32::MAX;

/// The case check of one pattern: its per-unit uppercase flags
/// (`flags[start..start + len]`) and whether they must match exactly
/// (`Sensitive`) or only where the pattern is uppercase (`Auto`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CaseCheck {
    pub(crate) sensitive: bool,
    pub(crate) start: u32,
    pub(crate) len: u32,
}

/// Finds token-aligned occurrences of many patterns in text, after
/// Unicode normalization, reporting spans of the original text.
///
/// Build one with [`Matcher::new`] or [`Matcher::builder`]; search with
/// [`find_iter`](Matcher::find_iter) / [`find_all`](Matcher::find_all), or
/// normalize once with a [`Normalizer`] and search with
/// [`find_iter_normalized`](Matcher::find_iter_normalized). A matcher is
/// immutable, `Send` and `Sync`; share it across threads by reference or
/// `Arc`.
///
/// # Example
///
/// ```
/// use dateline_match::{Matcher, Span};
///
/// let matcher = Matcher::new(["Iran", "China", "New York", "New York Ci"])?;
/// let text = "Iranian and CHINA’s deals in New York City";
/// let spans: Vec<Span> = matcher.find_iter(text).map(|m| m.span()).collect();
/// // "Iran" is not in "Iranian"; "New York Ci" ends inside a word, so the
/// // shorter "New York" is found.
/// assert_eq!(spans, [Span::new(12, 17), Span::new(31, 39)]);
/// assert_eq!(&text[spans[1]], "New York");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Matcher {
    pub(crate) trie: Trie,
    /// Per pattern: index into `case_checks`, or `NO_CHECK`.
    pub(crate) checks: Vec<u32>,
    pub(crate) case_checks: Vec<CaseCheck>,
    /// Per-unit uppercase flags (0 or 1) of the checked patterns.
    pub(crate) flags: Vec<u8>,
    /// First words of all patterns, to skip walks that cannot match.
    pub(crate) first_words: FirstWords,
    /// First words of all patterns, to start walks after them.
    pub(crate) word_table: WordTable,
    pub(crate) normalizer: Normalizer,
    pub(crate) match_kind: MatchKind,
    /// Tells this matcher's prepared starts in a [`NormalizedText`] from
    /// other matchers'. Clones keep it: they find the same starts.
    pub(crate) id: MatcherId,
    /// Every pattern begins with a capital its case policy insists on, so
    /// a start on a lowercase letter cannot match and is skipped unwalked
    /// (a matcher of capitalized head words meets "party", "group" and
    /// "bank" far more often than "Party").
    pub(crate) capital_starts: bool,
    /// The first words of the patterns that may match text starting with
    /// a lowercase letter, made on the first search (see
    /// [`lower_words`]): a start on a lowercase word outside it is skipped
    /// unwalked, as [`capital_starts`](Matcher::capital_starts) does for
    /// every word. French and Spanish text is full of "de", "la" and "le",
    /// which begin "La Paz" and "Le Havre" but no lowercase name.
    pub(crate) lower_words: std::sync::OnceLock<FirstWords>,
    /// The Aho-Corasick engine for text in scripts without spaces, when
    /// some pattern begins with such a character.
    pub(crate) unspaced: Option<Unspaced>,
}

/// Whether every pattern's first unit is a capital that its case check
/// requires (see [`Matcher::capital_starts`]).
pub(crate) fn capital_starts(checks: &[u32], case_checks: &[CaseCheck], flags: &[u8]) -> bool {
    !checks.is_empty()
        && checks.iter().all(|&check| {
            check != NO_CHECK
                && case_checks
                    .get(check as usize)
                    .and_then(|c| flags.get(c.start as usize))
                    .is_some_and(|&upper| upper == 1)
        })
}

/// The filter of [`Matcher::lower_words`]: the hash of every first word
/// after which the trie holds a pattern whose first unit may be lowercase
/// (no case check, or a check whose first flag is lowercase). A false
/// positive only costs a walk; a word outside it begins only patterns
/// whose capital a lowercase start fails.
pub(crate) fn lower_words(
    trie: &Trie,
    word_table: &WordTable,
    checks: &[u32],
    case_checks: &[CaseCheck],
    flags: &[u8],
) -> FirstWords {
    let lowercase_ok = |id: u32| {
        id & CHECKED == 0
            || match checks.get((id & !CHECKED) as usize) {
                Some(&NO_CHECK) | None => true,
                Some(&check) => case_checks
                    .get(check as usize)
                    .and_then(|c| flags.get(c.start as usize))
                    .is_none_or(|&upper| upper == 0),
            }
    };
    // Whether some pattern ending at a node may match lowercase.
    let own_lower = |n: &Node| match n.out_len {
        0 => false,
        1 => lowercase_ok(n.out),
        len => trie
            .ids
            .get(n.out as usize..(n.out + len) as usize)
            .is_none_or(|ids| ids.iter().any(|&id| lowercase_ok(id))),
    };
    // Children come after their parent (breadth-first order), so one pass
    // from the last node up sees every child before its parent.
    let nodes = &trie.nodes;
    let real = nodes.len().saturating_sub(1);
    let mut below = vec![false; real];
    for node in (0..real).rev() {
        let n = nodes[node];
        let own = own_lower(&n);
        let children = n.first_child as usize..nodes[node + 1].first_child as usize;
        below[node] = own || below.get(children).is_none_or(|c| c.contains(&true));
    }
    // From a first word's slot, a walk goes on only through a unit that
    // ends the word (the text's word ended there): patterns that continue
    // with an ASCII letter or digit ("la" in "lagos") are out of reach.
    // Other non-ASCII units may or may not end it; they count.
    let goes_on = |unit: u8| !unit.is_ascii_alphanumeric();
    let reachable_lower = |slot: &Slot| -> bool {
        let node = slot.node as usize;
        let (Some(n), Some(next)) = (nodes.get(node), nodes.get(node + 1)) else { return true };
        let covered = u32::from(slot.covered);
        if covered < n.label_len {
            let unit = trie.pool.get((n.label + covered) as usize).copied();
            return unit.is_none_or(goes_on) && below.get(node).is_none_or(|&b| b);
        }
        own_lower(n)
            || (n.first_child..next.first_child).any(|c| {
                trie.first_bytes.get(c as usize).is_none_or(|&unit| goes_on(unit))
                    && below.get(c as usize).is_none_or(|&b| b)
            })
    };
    let lower: Vec<&Slot> =
        word_table.slots.iter().filter(|s| s.tag != 0 && reachable_lower(s)).collect();
    let mut filter = FirstWords::with_capacity(lower.len());
    for slot in lower {
        if let Some(word) = slot.word(&trie.pool) {
            filter.insert(word_hash(word));
        }
    }
    filter
}

/// A process-wide unique number for each matcher built or loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MatcherId(u64);

impl MatcherId {
    pub(crate) fn next() -> MatcherId {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        MatcherId(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

/// A summary, not the tables (which run to millions of entries).
impl fmt::Debug for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.pattern_count())
            .field("nodes", &self.trie.nodes.len().saturating_sub(1))
            .field("accent_folding", &self.normalizer.accent_folding())
            .field("match_kind", &self.match_kind)
            .field("memory_usage", &self.memory_usage())
            .finish()
    }
}

impl Matcher {
    /// Builds a matcher with the default configuration: case-insensitive
    /// patterns, accent folding on, leftmost-longest matches.
    ///
    /// # Errors
    ///
    /// As [`MatcherBuilder::build`].
    pub fn new<I, P>(patterns: I) -> Result<Matcher, BuildError>
    where
        I: IntoIterator<Item = P>,
        P: Into<Pattern>,
    {
        MatcherBuilder::new().build(patterns)
    }

    /// A builder to configure a matcher.
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder::new()
    }

    /// The matches in `text`, lazily.
    pub fn find_iter<'m, 't>(&'m self, text: &'t str) -> FindIter<'m, 't> {
        FindIter::owned(self, self.normalizer.normalize(text))
    }

    /// All matches in `text`, collected.
    pub fn find_all(&self, text: &str) -> Vec<Match> {
        self.find_iter(text).collect()
    }

    /// The matches in a text normalized beforehand, lazily.
    ///
    /// Normalize with [`Matcher::normalizer`] (or any [`Normalizer`] with
    /// the same accent folding) to share the work between matchers. A text
    /// normalized with a different accent folding is normalized again, so
    /// the result is always the same as [`find_iter`](Matcher::find_iter)
    /// on the original text.
    pub fn find_iter_normalized<'m, 't>(
        &'m self,
        text: &'t NormalizedText<'t>,
    ) -> FindIter<'m, 't> {
        if text.accent_folding() == self.normalizer.accent_folding() {
            FindIter::borrowed(self, text)
        } else {
            FindIter::owned(self, self.normalizer.normalize(text.original()))
        }
    }

    /// All matches in a text normalized beforehand, collected.
    pub fn find_all_normalized(&self, text: &NormalizedText<'_>) -> Vec<Match> {
        self.find_iter_normalized(text).collect()
    }

    /// The normalizer this matcher applies to patterns and texts.
    pub fn normalizer(&self) -> Normalizer {
        self.normalizer
    }

    /// The match kind searches report.
    pub fn match_kind(&self) -> MatchKind {
        self.match_kind
    }

    /// The number of patterns.
    pub fn pattern_count(&self) -> usize {
        self.checks.len()
    }

    /// Approximate heap memory held, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.trie.heap_bytes()
            + self.checks.capacity() * 4
            + self.case_checks.capacity() * size_of::<CaseCheck>()
            + self.flags.capacity()
            + self.first_words.bits.capacity() * 8
            + self.word_table.slots.capacity() * size_of::<Slot>()
            + self.unspaced.as_ref().map_or(0, Unspaced::heap_bytes)
    }

    pub(crate) fn trie(&self) -> &Trie {
        &self.trie
    }

    /// [`Matcher::lower_words`], made on first use.
    pub(crate) fn lower_words(&self) -> &FirstWords {
        self.lower_words.get_or_init(|| {
            lower_words(&self.trie, &self.word_table, &self.checks, &self.case_checks, &self.flags)
        })
    }

    /// The longest boundary-valid match starting at `start`, with its
    /// normalized end.
    #[inline]
    pub(crate) fn longest_at(
        &self,
        text: &NormalizedText<'_>,
        start: Start,
    ) -> Option<(Match, usize)> {
        let mut best = None;
        self.candidates_at(text, start, |ids, span, norm_end| {
            if let Some(&id) = ids.iter().find(|&&id| self.case_ok(id, text.original(), span)) {
                best = Some((Match::new(PatternId::new(id & !CHECKED), span), norm_end));
            }
        });
        best
    }

    /// Every boundary-valid match starting at `start`.
    pub(crate) fn all_at(
        &self,
        text: &NormalizedText<'_>,
        start: Start,
        mut emit: impl FnMut(Match),
    ) {
        self.candidates_at(text, start, |ids, span, _| {
            for &id in ids {
                if self.case_ok(id, text.original(), span) {
                    emit(Match::new(PatternId::new(id & !CHECKED), span));
                }
            }
        });
    }

    /// Walks from `start` and reports each end that is a token boundary of
    /// the original text, as the pattern ids ending there and the original
    /// span, in order of increasing end.
    #[inline]
    fn candidates_at(
        &self,
        text: &NormalizedText<'_>,
        start: Start,
        mut on_candidate: impl FnMut(&[u32], Span, usize),
    ) {
        let original = text.original();
        let identity = text.is_identity();
        let at = start.at;
        // The start is checked on the original text only once a candidate
        // shows up; on identity-mapped text the scan already checked it.
        let mut orig_start: Option<Option<usize>> = None;
        let on_end = |ids: &[u32], norm_end: usize| {
            let os = *orig_start.get_or_insert_with(|| {
                if identity {
                    Some(at)
                } else {
                    let (lo, hi) = text.to_original_range(at)?;
                    tight_start(original, lo, hi)
                }
            });
            let Some(os) = os else { return };
            let oe = if identity {
                is_boundary_at(original, norm_end).then_some(norm_end)
            } else {
                match text.to_original_range(norm_end) {
                    Some((lo, hi)) if lo == hi => is_boundary_at(original, lo).then_some(lo),
                    Some((lo, hi)) => tight_end(original, lo, hi),
                    None => None,
                }
            };
            if let Some(oe) = oe.filter(|&oe| oe > os) {
                on_candidate(ids, Span::new(os, oe), norm_end);
            }
        };
        let bytes = text.bytes();
        match start.unit {
            Unit::Char | Unit::Run { .. } => self.trie.walk(bytes, at, on_end),
            Unit::Word { end, hash } => {
                let word = &bytes[at..end];
                let pool = &self.trie.pool;
                let same = |slot: &Slot| {
                    usize::from(slot.len) == word.len()
                        && slot.word(pool).is_some_and(|key| {
                            key.iter().zip(word).all(|(&k, &b)| k == FOLD[b as usize])
                        })
                };
                if let Some(slot) = self.word_table.get(hash, same) {
                    let (node, covered) = (slot.node as usize, usize::from(slot.covered));
                    self.trie.walk_from(bytes, node, covered, end, on_end);
                }
            }
        }
    }

    /// Whether the text at `span` satisfies the case policy of the pattern
    /// with stored (tagged) id `id`.
    #[inline]
    fn case_ok(&self, id: u32, original: &str, span: Span) -> bool {
        if id & CHECKED == 0 {
            return true;
        }
        match self.checks.get((id & !CHECKED) as usize) {
            Some(&NO_CHECK) => true,
            Some(&check) => self.case_check(check, original.get(span.start..span.end)),
            None => false,
        }
    }

    /// The case check proper: compares the uppercase flags of the found
    /// text's units with the pattern's.
    #[inline(never)]
    fn case_check(&self, check: u32, found: Option<&str>) -> bool {
        let (Some(check), Some(found)) = (self.case_checks.get(check as usize), found) else {
            return false;
        };
        let Some(flags) =
            self.flags.get(check.start as usize..check.start as usize + check.len as usize)
        else {
            return false;
        };
        let mut i = 0;
        let mut ok = true;
        self.normalizer.fold_units(found, |_, upper| {
            let want = flags.get(i).is_some_and(|&f| f != 0);
            ok &= i < flags.len() && if check.sensitive { want == upper } else { upper || !want };
            i += 1;
        });
        ok && i == flags.len()
    }
}

/// The last token boundary in `lo..=hi` (original offsets that all stand
/// for one normalized offset, the characters between them dropped by
/// folding): a match starts as late as it can, so it does not swallow a
/// stray mark before it.
fn tight_start(original: &str, lo: usize, hi: usize) -> Option<usize> {
    let mut at = hi;
    loop {
        if is_boundary_at(original, at) {
            return Some(at);
        }
        if at <= lo {
            return None;
        }
        at -= original.get(..at)?.chars().next_back()?.len_utf8();
    }
}

/// The first token boundary in `lo..=hi`: a match ends as early as it can
/// (but after any marks that belong to its last letter).
fn tight_end(original: &str, lo: usize, hi: usize) -> Option<usize> {
    let mut at = lo;
    loop {
        if is_boundary_at(original, at) {
            return Some(at);
        }
        if at >= hi {
            return None;
        }
        at += original.get(at..)?.chars().next()?.len_utf8();
    }
}

/// Where a walk starts: a normalized offset, and what begins there.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Start {
    pub(crate) at: usize,
    pub(crate) unit: Unit,
}

/// What a [`Start`] begins with.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) enum Unit {
    /// A char the first-word table does not know: walk from it.
    #[default]
    Char,
    /// A known first word, with its end and hash: the walk begins after it.
    Word { end: usize, hash: u64 },
    /// A run of a script without spaces ending at `end`, which the
    /// Aho-Corasick engine searches for the starts inside it.
    Run { end: usize },
}

/// Configures and builds a [`Matcher`]. Reusable: `build` can be called
/// any number of times.
///
/// # Example
///
/// ```
/// use dateline_match::{CasePolicy, MatchKind, Matcher, Pattern, Span};
///
/// let matcher = Matcher::builder()
///     .case_policy(CasePolicy::Auto)
///     .match_kind(MatchKind::All)
///     .build([Pattern::from("US"), Pattern::from("US Army"), Pattern::from("Nice")])?;
/// let text = "Let us ask the US Army in nice NICE.";
/// let found: Vec<(usize, Span)> =
///     matcher.find_iter(text).map(|m| (m.pattern().as_usize(), m.span())).collect();
/// assert_eq!(found, [(0, Span::new(15, 17)), (1, Span::new(15, 22)), (2, Span::new(31, 35))]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct MatcherBuilder {
    case_policy: CasePolicy,
    accent_folding: bool,
    match_kind: MatchKind,
    unspaced_automaton: bool,
}

impl Default for MatcherBuilder {
    fn default() -> MatcherBuilder {
        MatcherBuilder::new()
    }
}

impl MatcherBuilder {
    /// A builder with the defaults: [`CasePolicy::Insensitive`], accent
    /// folding on, [`MatchKind::LeftmostLongest`].
    pub fn new() -> MatcherBuilder {
        MatcherBuilder {
            case_policy: CasePolicy::Insensitive,
            accent_folding: true,
            match_kind: MatchKind::LeftmostLongest,
            unspaced_automaton: true,
        }
    }

    /// The case policy of patterns that do not set their own.
    pub fn case_policy(&mut self, policy: CasePolicy) -> &mut MatcherBuilder {
        self.case_policy = policy;
        self
    }

    /// Whether accents are folded ("Sao Paulo" ⇄ "São Paulo").
    pub fn accent_folding(&mut self, yes: bool) -> &mut MatcherBuilder {
        self.accent_folding = yes;
        self
    }

    /// Which matches searches report.
    pub fn match_kind(&mut self, kind: MatchKind) -> &mut MatcherBuilder {
        self.match_kind = kind;
        self
    }

    /// Whether text in scripts without spaces (Han, hiragana) is searched
    /// with an Aho-Corasick automaton (the default), or by walking the
    /// trie from every character. Both find the same matches; the choice
    /// exists to measure one against the other. A matcher loaded with
    /// [`Matcher::read_from`] always uses the automaton.
    pub fn unspaced_automaton(&mut self, yes: bool) -> &mut MatcherBuilder {
        self.unspaced_automaton = yes;
        self
    }

    /// Builds a matcher over `patterns`; pattern `i` gets
    /// [`PatternId::new(i)`](PatternId::new).
    ///
    /// Patterns are consumed one at a time, so a large list can stream in
    /// without being held in memory twice.
    ///
    /// # Errors
    ///
    /// When a pattern is empty after normalization (empty, whitespace, or
    /// only marks that accent folding drops), or when there are more than
    /// 2³¹ patterns or 4 GiB of folded pattern text.
    pub fn build<I, P>(&self, patterns: I) -> Result<Matcher, BuildError>
    where
        I: IntoIterator<Item = P>,
        P: Into<Pattern>,
    {
        let normalizer = Normalizer::new().with_accent_folding(self.accent_folding);
        let mut pool: Vec<u8> = Vec::new();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        let mut checks: Vec<u32> = Vec::new();
        let mut case_checks = Vec::new();
        let mut flags = Vec::new();
        let mut units = Vec::new();
        let mut uppers = Vec::new();
        for (index, pattern) in patterns.into_iter().enumerate() {
            let pattern = pattern.into();
            units.clear();
            uppers.clear();
            normalizer.fold_units(pattern.text(), |unit, upper| {
                units.push(unit);
                uppers.push(upper as u8);
            });
            if units.last() == Some(&b' ') {
                units.pop();
                uppers.pop();
            }
            let skip = usize::from(units.first() == Some(&b' '));
            let (units, uppers) = (&units[skip..], &uppers[skip..]);
            if units.is_empty() {
                return Err(BuildError::empty_pattern(index, pattern.text()));
            }
            if index >= MAX_PATTERNS {
                return Err(BuildError::too_large("patterns", MAX_PATTERNS as u64));
            }
            let start = pool.len();
            pool.extend_from_slice(units);
            let end = u32::try_from(pool.len())
                .map_err(|_| BuildError::too_large("pattern bytes", u64::from(u32::MAX)))?;
            ranges.push((start as u32, end));
            let policy = pattern.case_policy().unwrap_or(self.case_policy);
            let check = match policy {
                CasePolicy::Sensitive => Some(true),
                CasePolicy::Auto if uppers.contains(&1) => Some(false),
                _ => None,
            };
            checks.push(match check {
                None => NO_CHECK,
                Some(sensitive) => {
                    let flags_start = u32::try_from(flags.len())
                        .map_err(|_| BuildError::too_large("case flags", u64::from(u32::MAX)))?;
                    flags.extend_from_slice(uppers);
                    case_checks.push(CaseCheck {
                        sensitive,
                        start: flags_start,
                        len: uppers.len() as u32,
                    });
                    (case_checks.len() - 1) as u32
                }
            });
        }
        pool.shrink_to_fit();
        let (mut trie, sorted) = Trie::build(pool, ranges);
        trie.tag_ids(|id| checks[id as usize] != NO_CHECK);
        let (first_words, word_table) = first_word_index(&trie, sorted);
        checks.shrink_to_fit();
        case_checks.shrink_to_fit();
        flags.shrink_to_fit();
        let capital_starts = capital_starts(&checks, &case_checks, &flags);
        let unspaced = if self.unspaced_automaton { Unspaced::from_trie(&trie) } else { None };
        Ok(Matcher {
            trie,
            checks,
            case_checks,
            flags,
            first_words,
            word_table,
            normalizer,
            match_kind: self.match_kind,
            id: MatcherId::next(),
            capital_starts,
            lower_words: std::sync::OnceLock::new(),
            unspaced,
        })
    }
}

/// Builds the first-word filter and table from the keys (`sorted`: key
/// ranges into the trie's pool, in sorted order).
fn first_word_index(trie: &Trie, sorted: Vec<(u32, u32)>) -> (FirstWords, WordTable) {
    let pool = &trie.pool;
    // (offset, length) of each distinct first word, in key order (which
    // keeps the descents below walking nearby nodes). Keys with one first
    // word are mostly adjacent, so repeats of the last word are skipped as
    // they come; the hash is recomputed below rather than stored (8 bytes
    // a word instead of 16: 5 MB less at the build's peak for a million
    // keys).
    let word = |&(key, len): &(u32, u16)| &pool[key as usize..key as usize + usize::from(len)];
    let mut words: Vec<(u32, u16)> = Vec::new();
    for (j, &(start, end)) in sorted.iter().enumerate() {
        if j > 0 && sorted[j - 1] == (start, end) {
            continue;
        }
        let key = &pool[start as usize..end as usize];
        let len = first_word_len(key);
        if len == 0 || len > MAX_WORD {
            continue;
        }
        let w = (start, len as u16);
        if words.last().is_none_or(|last| word(last) != word(&w)) {
            words.push(w);
        }
    }
    // Freed before the table is allocated: for a million keys, 8 MB.
    drop(sorted);
    words.sort_by(|a, b| word(a).cmp(word(b)));
    words.dedup_by(|a, b| word(a) == word(b));
    words.shrink_to_fit();
    let mut filter = FirstWords::with_capacity(words.len());
    let mut table = WordTable::with_capacity(words.len());
    for w in &words {
        let hash = word_hash(word(w));
        filter.insert(hash);
        let (node, covered) = trie.descend(word(w)).expect("every first word is a key prefix");
        // covered <= len <= MAX_WORD, so it fits.
        let covered = covered as u16;
        table.insert(hash, Slot::new(node, w.0, covered, word(w)));
    }
    (filter, table)
}
