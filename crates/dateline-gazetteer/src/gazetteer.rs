//! [`Gazetteer`]: compiled entries searched in text, and [`EntityMatch`].

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use dateline_match::{MatchKind, Matcher, NormalizedText, Normalizer, Pattern};
use dateline_tokenize::Span;

use crate::error::truncate;
use crate::{CasePolicy, Entry, Error, GazetteerBuilder};

/// Compile options, stored with a saved gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Options {
    pub(crate) accent_folding: bool,
    pub(crate) case_policy: CasePolicy,
    pub(crate) match_kind: MatchKind,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            accent_folding: true,
            case_policy: CasePolicy::Insensitive,
            match_kind: MatchKind::LeftmostLongest,
        }
    }
}

/// A compiled gazetteer: entries whose names are searched in text.
///
/// Every name and alias of every entry becomes a surface form, matched by
/// [`dateline_match`]: case-folded (per the entry's [`CasePolicy`]),
/// accent-folded (unless switched off), with typographic and whitespace
/// folding, only on token boundaries of the original text, leftmost-longest.
///
/// # Ambiguity
///
/// One surface form may belong to several entries: "Georgia" the country and
/// the US state, "Washington" the capital, the state and other towns. A match
/// carries all of them as [`candidates`](EntityMatch::candidates), ranked:
/// higher [`prior`](Entry::prior) first, entries without a prior after those
/// with one, ties in the order the entries were added. Entries with the same
/// label and id appear once (the first-ranked wins). [`label`](EntityMatch::label)
/// and [`id`](EntityMatch::id) are the top candidate's.
///
/// Forms are grouped by their folded text (as [`Normalizer::fold`] gives
/// it), their case policy and, for case-sensitive and `Auto` forms, which
/// letters are capitals: insensitive "KYIV" and "Kyiv" are one form,
/// `Auto` "São Paulo" and "Sao Paulo" are one form (with accent folding),
/// "US" (case-sensitive) and "us" (insensitive) are two. A case-checked form
/// also carries the candidates of the insensitive form that folds alike,
/// since text that passes its check matches both: with "US" (sensitive,
/// `GPE`) and "us" (insensitive, `PRON`), "US" has both candidates and "us"
/// only the pronoun.
///
/// # Pathological input
///
/// Duplicate entries are kept and deduplicated per form as above. Empty and
/// whitespace-only names, and names longer than [`MAX_NAME_LEN`] bytes, are
/// errors (at load time for files, at build time for entries added in code).
///
/// `Gazetteer` is `Send + Sync`: share one across threads by reference or in
/// an `Arc`.
///
/// [`MAX_NAME_LEN`]: crate::MAX_NAME_LEN
#[derive(Clone)]
pub struct Gazetteer {
    pub(crate) entries: Arc<Vec<Entry>>,
    pub(crate) matcher: Matcher,
    /// Per pattern `p`, its ranked candidates are
    /// `candidates[offsets[p]..offsets[p + 1]]`, indices into `entries`.
    pub(crate) offsets: Vec<u32>,
    pub(crate) candidates: Vec<u32>,
    pub(crate) options: Options,
}

impl Gazetteer {
    /// Compiles a gazetteer from entries with the default options (accent
    /// folding on, case-insensitive by default).
    ///
    /// # Errors
    ///
    /// As for [`GazetteerBuilder::build`].
    pub fn new<I: IntoIterator<Item = Entry>>(entries: I) -> Result<Gazetteer, Error> {
        GazetteerBuilder::new().entries(entries).build()
    }

    /// A builder, to set options, load files and merge sources.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    pub(crate) fn compile(entries: Arc<Vec<Entry>>, options: Options) -> Result<Gazetteer, Error> {
        if entries.len() > u32::MAX as usize {
            return Err(Error::build("too many entries", None));
        }
        let (forms, offsets, candidates) = plan(&entries, options);
        let patterns = forms.iter().map(|&(i, k)| {
            let entry = &entries[i as usize];
            Pattern::new(name_of(entry, k), entry.case().unwrap_or(options.case_policy))
        });
        let matcher = Matcher::builder()
            .accent_folding(options.accent_folding)
            .match_kind(options.match_kind)
            .build(patterns)
            .map_err(|e| match e.pattern_index() {
                Some(p) => {
                    let (i, k) = forms[p];
                    let entry = &entries[i as usize];
                    let (name, id) = (truncate(name_of(entry, k)), truncate(entry.id()));
                    Error::build(
                        format!("name {name:?} of the entry with id {id:?}"),
                        Some(Box::new(e)),
                    )
                }
                None => Error::build("compiling the matcher", Some(Box::new(e))),
            })?;
        Ok(Gazetteer { entries, matcher, offsets, candidates, options })
    }

    /// The entries, in the order they were added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of distinct surface forms searched (names and aliases,
    /// grouped as described under [Ambiguity](Gazetteer#ambiguity)).
    pub fn forms_len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether accents fold when matching.
    pub fn accent_folding(&self) -> bool {
        self.options.accent_folding
    }

    /// The case policy of entries that have none of their own.
    pub fn case_policy(&self) -> CasePolicy {
        self.options.case_policy
    }

    /// Which matches searches report: leftmost-longest (the default) or all
    /// boundary-valid matches, overlapping.
    pub fn match_kind(&self) -> MatchKind {
        self.options.match_kind
    }

    /// The normalizer whose output
    /// [`find_iter_normalized`](Gazetteer::find_iter_normalized) expects, so
    /// that a pipeline can normalize a text once for several searches.
    pub fn normalizer(&self) -> Normalizer {
        Normalizer::new().with_accent_folding(self.options.accent_folding)
    }

    /// Finds the entities of `text` on token boundaries: leftmost-longest,
    /// or every match when built with [`MatchKind::All`].
    pub fn find_iter<'g, 't>(
        &'g self,
        text: &'t str,
    ) -> impl Iterator<Item = EntityMatch<'g>> + use<'g, 't> {
        self.matcher.find_iter(text).map(move |m| self.entity(m.span(), m.pattern().as_usize()))
    }

    /// Finds the entities of `text` into a `Vec` (see
    /// [`find_iter`](Gazetteer::find_iter)).
    pub fn find(&self, text: &str) -> Vec<EntityMatch<'_>> {
        self.find_iter(text).collect()
    }

    /// Finds the entities of a text normalized once by
    /// [`normalizer`](Gazetteer::normalizer) (or any [`Normalizer`] with the
    /// same accent folding). Spans refer to the original text.
    pub fn find_iter_normalized<'g, 't>(
        &'g self,
        text: &'t NormalizedText<'t>,
    ) -> impl Iterator<Item = EntityMatch<'g>> + use<'g, 't> {
        self.matcher
            .find_iter_normalized(text)
            .map(move |m| self.entity(m.span(), m.pattern().as_usize()))
    }

    fn entity(&self, span: Span, pattern: usize) -> EntityMatch<'_> {
        let range = self.offsets[pattern] as usize..self.offsets[pattern + 1] as usize;
        EntityMatch { span, candidates: &self.candidates[range], entries: &self.entries }
    }
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .field("forms", &self.forms_len())
            .field("accent_folding", &self.options.accent_folding)
            .field("case_policy", &self.options.case_policy)
            .field("match_kind", &self.options.match_kind)
            .finish()
    }
}

/// Where a form's pattern text comes from: (entry, name index), where name
/// 0 is the entry's name and `k > 0` its alias `k - 1`.
type FormSource = (u32, u32);

fn name_of(entry: &Entry, k: u32) -> &str {
    match k {
        0 => entry.name(),
        k => &entry.aliases()[k as usize - 1],
    }
}

/// Groups the names of `entries` into forms and ranks each form's
/// candidates. Deterministic: the same entries always give the same forms in
/// the same order (a saved gazetteer stores the result).
fn plan(entries: &[Entry], options: Options) -> (Vec<FormSource>, Vec<u32>, Vec<u32>) {
    const NONE: u32 = u32::MAX;
    let normalizer = Normalizer::new().with_accent_folding(options.accent_folding);
    let total: usize = entries.iter().map(|e| 1 + e.aliases().len()).sum();
    let mut index: HashMap<String, u32, BuildHasherDefault<FxHasher>> =
        HashMap::with_capacity_and_hasher(total, BuildHasherDefault::default());
    let mut forms: Vec<FormSource> = Vec::new();
    // Forms with a case policy other than insensitive, with their folded text.
    let mut cased: Vec<(u32, String)> = Vec::new();
    // (form, entry) for every name, in entry order.
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(total);
    for (i, entry) in entries.iter().enumerate() {
        let policy = entry.case().unwrap_or(options.case_policy);
        for (k, name) in entry.names().enumerate() {
            let mut key = normalizer.fold(name);
            let fold = (policy != CasePolicy::Insensitive).then(|| key.clone());
            if policy != CasePolicy::Insensitive {
                // Case-sensitive forms differ by which letters are capitals,
                // which folding erases: key them by that too ("São Paulo"
                // and "Sao Paulo" stay one form, "Kyiv" and "KYIV" do not).
                key.push('\0');
                key.push(if policy == CasePolicy::Sensitive { 's' } else { 'a' });
                key.extend(
                    name.chars()
                        .filter(|c| c.is_alphabetic())
                        .map(|c| if c.is_uppercase() { 'U' } else { 'l' }),
                );
            }
            let next = forms.len() as u32;
            let form = *index.entry(key).or_insert(next);
            if form == next {
                forms.push((i as u32, k as u32));
                if let Some(fold) = fold {
                    cased.push((form, fold));
                }
            }
            pairs.push((form, i as u32));
        }
    }
    // Where a case-checked form and an insensitive one fold alike ("Georgia"
    // auto from the default gazetteer, "georgia" insensitive from a user
    // file), text that passes the case check matches both, and the matcher
    // reports the pattern given first. So case-checked forms go first and
    // also carry the insensitive form's candidates.
    let mut link = vec![NONE; forms.len()];
    let mut is_cased = vec![false; forms.len()];
    for (form, fold) in &cased {
        is_cased[*form as usize] = true;
        if let Some(&plain) = index.get(fold) {
            link[*form as usize] = plain;
        }
    }
    drop(index);
    drop(cased);
    // Bucket the entries by form (a counting sort keeps entry order).
    let mut starts = vec![0u32; forms.len() + 1];
    for &(form, _) in &pairs {
        starts[form as usize + 1] += 1;
    }
    for f in 0..forms.len() {
        starts[f + 1] += starts[f];
    }
    let mut fill = starts.clone();
    let mut bucketed = vec![0u32; pairs.len()];
    for &(form, entry) in &pairs {
        bucketed[fill[form as usize] as usize] = entry;
        fill[form as usize] += 1;
    }
    drop(pairs);
    let order =
        (0..forms.len()).filter(|&f| is_cased[f]).chain((0..forms.len()).filter(|&f| !is_cased[f]));
    let mut ordered = Vec::with_capacity(forms.len());
    let mut offsets = Vec::with_capacity(forms.len() + 1);
    let mut candidates = Vec::with_capacity(bucketed.len());
    let mut merged = Vec::new();
    offsets.push(0);
    for f in order {
        ordered.push(forms[f]);
        let own = starts[f] as usize..starts[f + 1] as usize;
        if link[f] == NONE {
            let list = &mut bucketed[own];
            let kept = rank(entries, list);
            candidates.extend_from_slice(&list[..kept]);
        } else {
            let plain = link[f] as usize;
            merged.clear();
            merged.extend_from_slice(&bucketed[own]);
            merged.extend_from_slice(&bucketed[starts[plain] as usize..starts[plain + 1] as usize]);
            let kept = rank(entries, &mut merged);
            candidates.extend_from_slice(&merged[..kept]);
        }
        offsets.push(candidates.len() as u32);
    }
    (ordered, offsets, candidates)
}

/// Sorts candidates by prior (higher first, none last), then insertion
/// order, and moves the first of each (label, id) to the front; returns how
/// many are kept.
///
/// Linear after the sort: short lists (nearly all of them) compare against
/// the few kept so far, longer ones remember the kept pairs in a hash set,
/// so that k entries sharing a name cost O(k log k), not O(k²).
fn rank(entries: &[Entry], list: &mut [u32]) -> usize {
    /// Up to this many candidates, a scan of the kept ones beats hashing.
    const SCAN: usize = 16;
    if list.len() < 2 {
        return list.len();
    }
    list.sort_by(|&a, &b| {
        let (pa, pb) = (entries[a as usize].prior(), entries[b as usize].prior());
        let by_prior = match (pa, pb) {
            (Some(pa), Some(pb)) => pb.total_cmp(&pa),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_prior.then(a.cmp(&b))
    });
    let key = |i: u32| {
        let e = &entries[i as usize];
        (e.label(), e.id())
    };
    let mut kept = 0;
    if list.len() <= SCAN {
        for j in 0..list.len() {
            let pair = key(list[j]);
            if !list[..kept].iter().any(|&k| key(k) == pair) {
                list[kept] = list[j];
                kept += 1;
            }
        }
    } else {
        let mut seen: HashSet<(&str, &str), BuildHasherDefault<FxHasher>> =
            HashSet::with_capacity_and_hasher(list.len(), BuildHasherDefault::default());
        for j in 0..list.len() {
            if seen.insert(key(list[j])) {
                list[kept] = list[j];
                kept += 1;
            }
        }
    }
    kept
}

/// FxHash (as in rustc): much faster than SipHash on the many short keys of
/// a large gazetteer; names come from the gazetteer's own author, so
/// flooding resistance buys nothing here.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// An entity found in text: a span of the original text and the ranked
/// entries whose names match there.
///
/// Borrowed from its [`Gazetteer`]; copy it freely.
#[derive(Clone, Copy)]
pub struct EntityMatch<'g> {
    span: Span,
    candidates: &'g [u32],
    entries: &'g [Entry],
}

impl<'g> EntityMatch<'g> {
    /// The byte span of the match in the original text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The byte offset where the match starts.
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// The byte offset where the match ends (exclusive).
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// The top-ranked entry.
    pub fn entry(&self) -> &'g Entry {
        &self.entries[self.candidates[0] as usize]
    }

    /// The top-ranked entry's label.
    pub fn label(&self) -> &'g str {
        self.entry().label()
    }

    /// The top-ranked entry's id.
    pub fn id(&self) -> &'g str {
        self.entry().id()
    }

    /// All entries with this surface form, ranked (the first is
    /// [`entry`](EntityMatch::entry)). Never empty.
    pub fn candidates(&self) -> impl ExactSizeIterator<Item = &'g Entry> + use<'g> {
        let entries = self.entries;
        self.candidates.iter().map(move |&i| &entries[i as usize])
    }
}

impl PartialEq for EntityMatch<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.span == other.span && self.candidates().eq(other.candidates())
    }
}

impl fmt::Debug for EntityMatch<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntityMatch")
            .field("span", &self.span)
            .field("label", &self.label())
            .field("id", &self.id())
            .field(
                "candidates",
                &self.candidates().map(|e| (e.label(), e.id())).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// Serializes as `{"start", "end", "label", "id", "candidates": [{"label",
/// "id"}, ...]}` with byte offsets.
#[cfg(feature = "serde")]
impl serde::Serialize for EntityMatch<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeStruct};

        struct Candidate<'a>(&'a Entry);
        impl serde::Serialize for Candidate<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("label", self.0.label())?;
                map.serialize_entry("id", self.0.id())?;
                map.end()
            }
        }
        let candidates: Vec<Candidate<'_>> = self.candidates().map(Candidate).collect();
        let mut st = s.serialize_struct("EntityMatch", 5)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("label", self.label())?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("candidates", &candidates)?;
        st.end()
    }
}
