//! Grouping the names of a gazetteer's entries into surface forms, and
//! ranking each form's candidates (see [`Gazetteer`](crate::Gazetteer)'s
//! "Ambiguity" section for the rules).
//!
//! Built for a million names: the grouping keys live in one byte arena
//! indexed by an open-addressing table of form numbers, with no `String`
//! per name.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use dateline_match::Normalizer;

use crate::gazetteer::Options;
use crate::store::Store;
use crate::{CasePolicy, Error, Lang, langs};

/// Where a form's pattern text comes from: (entry, name index), where name
/// 0 is the entry's name and `k > 0` its alias `k - 1`.
pub(crate) type FormSource = (u32, u32);

/// The result of [`plan`]: each form's source, and per form `f` its ranked
/// candidates `candidates[offsets[f]..offsets[f + 1]]` (entry indices).
pub(crate) struct Plan {
    pub(crate) forms: Vec<FormSource>,
    pub(crate) offsets: Vec<u32>,
    pub(crate) candidates: Vec<u32>,
}

fn too_large() -> Error {
    Error::build("too many names (4 GiB of folded text)", None)
}

/// Groups the names of `entries` that apply to `lang` (all of them for
/// `None`) into forms and ranks each form's candidates. Deterministic: the same entries always give the same forms in the same
/// order (a saved gazetteer stores the result).
///
/// # Errors
///
/// When the folded names pass 4 GiB.
pub(crate) fn plan(entries: &Store, options: Options, lang: Option<Lang>) -> Result<Plan, Error> {
    const NONE: u32 = u32::MAX;
    let normalizer = Normalizer::new().with_accent_folding(options.accent_folding);
    let total = entries.name_bounds.len() - 1;
    let mut index = FormIndex::with_capacity(total);
    let mut forms: Vec<FormSource> = Vec::new();
    // Forms with a case policy other than insensitive, with the length of
    // their folded text (their key's prefix).
    let mut cased: Vec<(u32, u32)> = Vec::new();
    // (form, entry) for every name, in entry order.
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(total);
    let mut key = String::new();
    for i in 0..entries.len() {
        if lang.is_some_and(|lang| !langs::applies(entries.langs_of(i), lang)) {
            continue;
        }
        let policy = entries.case_of(i).unwrap_or(options.case_policy);
        for (k, name) in entries.names_of(i).enumerate() {
            normalizer.fold_into(name, &mut key);
            let folded = key.len();
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
            let form = index.get_or_insert(key.as_bytes(), next)?;
            if form == next {
                forms.push((i as u32, k as u32));
                if policy != CasePolicy::Insensitive {
                    cased.push((form, folded as u32));
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
    for &(form, folded) in &cased {
        is_cased[form as usize] = true;
        let fold = &index.key(form)[..folded as usize];
        if let Some(plain) = index.get(fold) {
            link[form as usize] = plain;
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
    let mut bucketed = vec![0u32; pairs.len()];
    {
        let mut fill = starts.clone();
        for &(form, entry) in &pairs {
            bucketed[fill[form as usize] as usize] = entry;
            fill[form as usize] += 1;
        }
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
        offsets.push(u32::try_from(candidates.len()).map_err(|_| too_large())?);
    }
    candidates.shrink_to_fit();
    Ok(Plan { forms: ordered, offsets, candidates })
}

/// Sorts candidates by prior (higher first, none last), then insertion
/// order, and moves the first of each (label, id) to the front; returns how
/// many are kept.
///
/// Linear after the sort: short lists (nearly all of them) compare against
/// the few kept so far, longer ones remember the kept pairs in a hash set,
/// so that k entries sharing a name cost O(k log k), not O(k²).
pub(crate) fn rank(entries: &Store, list: &mut [u32]) -> usize {
    /// Up to this many candidates, a scan of the kept ones beats hashing.
    const SCAN: usize = 16;
    if list.len() < 2 {
        return list.len();
    }
    list.sort_by(|&a, &b| {
        let (pa, pb) = (entries.prior_of(a as usize), entries.prior_of(b as usize));
        let by_prior = match (pa, pb) {
            (Some(pa), Some(pb)) => pb.total_cmp(&pa),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_prior.then(a.cmp(&b))
    });
    let key = |i: u32| (entries.label_of(i as usize), entries.id_of(i as usize));
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
        let mut seen: HashSet<(u32, &str), BuildHasherDefault<FxHasher>> =
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

/// Form numbers by grouping key: the keys in one arena, an open-addressing
/// table of `tag << 32 | form + 1` (0 for an empty slot), at most 2/3 full.
struct FormIndex {
    keys: Vec<u8>,
    /// Form `f`'s key is `keys[bounds[f]..bounds[f + 1]]`.
    bounds: Vec<u32>,
    slots: Vec<u64>,
}

impl FormIndex {
    fn with_capacity(keys: usize) -> FormIndex {
        // At most 2/3 full when every name is a form of its own (keys is
        // the name count), usually less.
        let slots = keys.saturating_add(keys / 2).next_power_of_two().max(16);
        FormIndex { keys: Vec::new(), bounds: vec![0], slots: vec![0; slots] }
    }

    fn key(&self, form: u32) -> &[u8] {
        let f = form as usize;
        &self.keys[self.bounds[f] as usize..self.bounds[f + 1] as usize]
    }

    fn hash(key: &[u8]) -> u64 {
        let mut hasher = FxHasher::default();
        hasher.write(key);
        hasher.write_u8(0xff);
        // Fx leaves the low bits weak; fold the high ones in.
        let h = hasher.finish();
        h ^ (h >> 29)
    }

    /// The slot where `key` is, or the empty slot where it would go.
    fn find(&self, key: &[u8], hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let tag = hash >> 32;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 || (slot >> 32 == tag && self.key((slot as u32) - 1) == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    fn get(&self, key: &[u8]) -> Option<u32> {
        let slot = self.slots[self.find(key, FormIndex::hash(key))];
        (slot != 0).then(|| slot as u32 - 1)
    }

    /// The form of `key`, inserted as form `next` if new (forms are
    /// numbered in insertion order, so `next` is the count so far).
    fn get_or_insert(&mut self, key: &[u8], next: u32) -> Result<u32, Error> {
        let hash = FormIndex::hash(key);
        let i = self.find(key, hash);
        if self.slots[i] != 0 {
            return Ok(self.slots[i] as u32 - 1);
        }
        // Never more than 2/3 full: `with_capacity` got the name count, and
        // each name adds at most one form.
        debug_assert!((next as usize) < self.slots.len() / 3 * 2 + 1);
        self.keys.extend_from_slice(key);
        self.bounds.push(u32::try_from(self.keys.len()).map_err(|_| too_large())?);
        self.slots[i] = (hash >> 32) << 32 | u64::from(next + 1);
        Ok(next)
    }
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

    fn write_u32(&mut self, i: u32) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_index_finds_what_it_inserted() {
        let words: Vec<String> = (0..1000).map(|i| format!("w{}", i % 300)).collect();
        let mut index = FormIndex::with_capacity(words.len());
        let mut next = 0;
        for w in &words {
            let form = index.get_or_insert(w.as_bytes(), next).unwrap();
            if form == next {
                next += 1;
            }
            assert_eq!(index.key(form), w.as_bytes());
        }
        assert_eq!(next, 300);
        assert_eq!(index.get(b"w17"), Some(17));
        assert_eq!(index.get(b"w300"), None);
        assert_eq!(index.get(b""), None);
    }
}
