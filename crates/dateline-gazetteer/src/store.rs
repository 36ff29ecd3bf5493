//! Compact storage of entries, and [`EntryRef`], the view of one stored
//! entry.
//!
//! A large gazetteer has millions of short strings. Kept as an [`Entry`]
//! each (three `String`s and a `Vec`, ~120 bytes plus four heap blocks), the
//! 1.2M rows of GeoNames' `large.tsv` took about 250 MB before compiling.
//! The store keeps every string in one of two arenas and refers to it by
//! offset, and shares what consecutive rows repeat: a *thing* is the label,
//! id, prior and case policy of one or more consecutive entries (GeoNames
//! lists a place's name and then its alternate names, all with the same id
//! and population), and labels are interned. An entry then costs 12 bytes
//! plus its names' bytes.

use std::collections::HashMap;
use std::fmt;

use crate::{CasePolicy, Entry, Error};

/// Entries in insertion order, compactly.
///
/// Entry `i` has the names (its name, then its aliases) `k` in
/// `entry_names[i]..entry_names[i + 1]`, name `k` being
/// `names[name_bounds[k]..name_bounds[k + 1]]`, and the thing
/// `entry_thing[i]`. Thing `t` has the id `ids[id_bounds[t]..id_bounds[t + 1]]`,
/// the label `labels[thing_label[t]]`, the prior `thing_prior[t]` (NaN for
/// none) and the case policy code `thing_case[t]`.
#[derive(Clone, Debug)]
pub(crate) struct Store {
    pub(crate) names: String,
    pub(crate) name_bounds: Vec<u32>,
    pub(crate) entry_names: Vec<u32>,
    pub(crate) entry_thing: Vec<u32>,
    pub(crate) ids: String,
    pub(crate) id_bounds: Vec<u32>,
    pub(crate) thing_label: Vec<u32>,
    pub(crate) thing_prior: Vec<f64>,
    pub(crate) thing_case: Vec<u8>,
    pub(crate) labels: Vec<String>,
    label_index: HashMap<String, u32>,
}

/// Where a store stood, to roll back a file that failed half-way.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark {
    entries: usize,
    names: usize,
    things: usize,
    labels: usize,
}

/// The case policy codes of stored things and saved files.
pub(crate) fn case_code(case: Option<CasePolicy>) -> u8 {
    match case {
        Some(CasePolicy::Insensitive) => 0,
        Some(CasePolicy::Sensitive) => 1,
        Some(_) => 2,
        None => 3,
    }
}

/// The inverse of [`case_code`]; `None` for an invalid code.
pub(crate) fn case_from_code(code: u8) -> Option<Option<CasePolicy>> {
    match code {
        0 => Some(Some(CasePolicy::Insensitive)),
        1 => Some(Some(CasePolicy::Sensitive)),
        2 => Some(Some(CasePolicy::Auto)),
        3 => Some(None),
        _ => None,
    }
}

fn offset(len: usize) -> Result<u32, Error> {
    u32::try_from(len).map_err(|_| Error::build("too many entries or names (4 GiB of text)", None))
}

/// Equal contents; priors compare by bits (NaN stands for none).
impl PartialEq for Store {
    fn eq(&self, other: &Store) -> bool {
        self.names == other.names
            && self.name_bounds == other.name_bounds
            && self.entry_names == other.entry_names
            && self.entry_thing == other.entry_thing
            && self.ids == other.ids
            && self.id_bounds == other.id_bounds
            && self.thing_label == other.thing_label
            && self
                .thing_prior
                .iter()
                .map(|p| p.to_bits())
                .eq(other.thing_prior.iter().map(|p| p.to_bits()))
            && self.thing_case == other.thing_case
            && self.labels == other.labels
    }
}

impl Default for Store {
    fn default() -> Store {
        Store::new()
    }
}

impl Store {
    pub(crate) fn new() -> Store {
        Store {
            names: String::new(),
            name_bounds: vec![0],
            entry_names: vec![0],
            entry_thing: Vec::new(),
            ids: String::new(),
            id_bounds: vec![0],
            thing_label: Vec::new(),
            thing_prior: Vec::new(),
            thing_case: Vec::new(),
            labels: Vec::new(),
            label_index: HashMap::new(),
        }
    }

    /// Assembles a store from parts checked by the caller (see `persist`):
    /// bounds start at 0, never decrease and end at their arena's length on
    /// char boundaries, every entry has a name, and every index is in range.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_parts(
        names: String,
        name_bounds: Vec<u32>,
        entry_names: Vec<u32>,
        entry_thing: Vec<u32>,
        ids: String,
        id_bounds: Vec<u32>,
        thing_label: Vec<u32>,
        thing_prior: Vec<f64>,
        thing_case: Vec<u8>,
        labels: Vec<String>,
    ) -> Store {
        let label_index = labels.iter().enumerate().map(|(i, l)| (l.clone(), i as u32)).collect();
        Store {
            names,
            name_bounds,
            entry_names,
            entry_thing,
            ids,
            id_bounds,
            thing_label,
            thing_prior,
            thing_case,
            labels,
            label_index,
        }
    }

    /// The number of entries.
    pub(crate) fn len(&self) -> usize {
        self.entry_thing.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entry_thing.is_empty()
    }

    /// The number of things (label, id, prior and case shared by
    /// consecutive entries).
    pub(crate) fn things(&self) -> usize {
        self.thing_label.len()
    }

    /// Appends an entry. Strings are stored as given (the loaders trim and
    /// check them; entries made in code are checked at build time).
    ///
    /// # Errors
    ///
    /// When the arenas would pass 4 GiB.
    pub(crate) fn push<'a>(
        &mut self,
        name: &str,
        aliases: impl IntoIterator<Item = &'a str>,
        label: &str,
        id: &str,
        prior: Option<f64>,
        case: Option<CasePolicy>,
    ) -> Result<(), Error> {
        let label = match self.label_index.get(label) {
            Some(&l) => l,
            None => {
                let l = offset(self.labels.len())?;
                self.labels.push(label.to_owned());
                self.label_index.insert(label.to_owned(), l);
                l
            }
        };
        let prior = prior.unwrap_or(f64::NAN);
        let case = case_code(case);
        let same_thing = self.things().checked_sub(1).is_some_and(|t| {
            self.thing_label[t] == label
                && self.thing_case[t] == case
                && self.thing_prior[t].to_bits() == prior.to_bits()
                && self.id(t) == id
        });
        let thing = if same_thing {
            self.things() - 1
        } else {
            self.ids.push_str(id);
            self.id_bounds.push(offset(self.ids.len())?);
            self.thing_label.push(label);
            self.thing_prior.push(prior);
            self.thing_case.push(case);
            self.things() - 1
        };
        self.names.push_str(name);
        self.name_bounds.push(offset(self.names.len())?);
        for name in aliases {
            self.names.push_str(name);
            self.name_bounds.push(offset(self.names.len())?);
        }
        self.entry_names.push(offset(self.name_bounds.len() - 1)?);
        self.entry_thing.push(offset(thing)?);
        Ok(())
    }

    /// Appends an owned entry.
    pub(crate) fn push_entry(&mut self, entry: &Entry) -> Result<(), Error> {
        self.push(
            entry.name(),
            entry.aliases().iter().map(String::as_str),
            entry.label(),
            entry.id(),
            entry.prior(),
            entry.case(),
        )
    }

    /// Appends every entry of `other`.
    pub(crate) fn extend_from(&mut self, other: &Store) -> Result<(), Error> {
        for i in 0..other.len() {
            let e = other.get(i);
            self.push(e.name(), e.aliases(), e.label(), e.id(), e.prior(), e.case())?;
        }
        Ok(())
    }

    /// The current length, for [`rollback`](Store::rollback).
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            entries: self.len(),
            names: self.name_bounds.len() - 1,
            things: self.things(),
            labels: self.labels.len(),
        }
    }

    /// Drops everything pushed since `mark`.
    pub(crate) fn rollback(&mut self, mark: Mark) {
        self.entry_thing.truncate(mark.entries);
        self.entry_names.truncate(mark.entries + 1);
        self.name_bounds.truncate(mark.names + 1);
        self.names.truncate(self.name_bounds[mark.names] as usize);
        self.id_bounds.truncate(mark.things + 1);
        self.ids.truncate(self.id_bounds[mark.things] as usize);
        self.thing_label.truncate(mark.things);
        self.thing_prior.truncate(mark.things);
        self.thing_case.truncate(mark.things);
        for label in self.labels.drain(mark.labels..) {
            self.label_index.remove(&label);
        }
    }

    /// Frees unused capacity (a built gazetteer's store is never added to).
    pub(crate) fn shrink_to_fit(&mut self) {
        self.names.shrink_to_fit();
        self.name_bounds.shrink_to_fit();
        self.entry_names.shrink_to_fit();
        self.entry_thing.shrink_to_fit();
        self.ids.shrink_to_fit();
        self.id_bounds.shrink_to_fit();
        self.thing_label.shrink_to_fit();
        self.thing_prior.shrink_to_fit();
        self.thing_case.shrink_to_fit();
    }

    /// Approximate heap bytes used.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.names.capacity()
            + self.ids.capacity()
            + 4 * (self.name_bounds.capacity()
                + self.entry_names.capacity()
                + self.entry_thing.capacity()
                + self.id_bounds.capacity()
                + self.thing_label.capacity())
            + 8 * self.thing_prior.capacity()
            + self.thing_case.capacity()
    }

    /// Entry `i`, which must be below [`len`](Store::len).
    pub(crate) fn get(&self, i: usize) -> EntryRef<'_> {
        assert!(i < self.len(), "entry {i} out of range");
        EntryRef { store: self, index: i }
    }

    fn name_at(&self, k: usize) -> &str {
        &self.names[self.name_bounds[k] as usize..self.name_bounds[k + 1] as usize]
    }

    fn id(&self, t: usize) -> &str {
        &self.ids[self.id_bounds[t] as usize..self.id_bounds[t + 1] as usize]
    }

    fn thing(&self, i: usize) -> usize {
        self.entry_thing[i] as usize
    }

    /// The label index of entry `i` (equal labels, equal indices).
    pub(crate) fn label_of(&self, i: usize) -> u32 {
        self.thing_label[self.thing(i)]
    }

    /// The id of entry `i`.
    pub(crate) fn id_of(&self, i: usize) -> &str {
        self.id(self.thing(i))
    }

    /// The prior of entry `i`.
    pub(crate) fn prior_of(&self, i: usize) -> Option<f64> {
        let prior = self.thing_prior[self.thing(i)];
        (!prior.is_nan()).then_some(prior)
    }

    /// The case policy of entry `i`.
    pub(crate) fn case_of(&self, i: usize) -> Option<CasePolicy> {
        case_from_code(self.thing_case[self.thing(i)]).flatten()
    }

    /// The names of entry `i`, the name first.
    pub(crate) fn names_of(
        &self,
        i: usize,
    ) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator + Clone {
        let names = self.entry_names[i] as usize..self.entry_names[i + 1] as usize;
        names.map(move |k| self.name_at(k))
    }
}

/// One entry of a [`Gazetteer`](crate::Gazetteer): its name, label, id,
/// aliases, prior and case policy, borrowed from the gazetteer's compact
/// storage.
///
/// The accessors mirror [`Entry`]'s; [`to_entry`](EntryRef::to_entry)
/// makes an owned copy. An `EntryRef` compares equal to another, or to an
/// [`Entry`], with the same fields.
#[derive(Clone, Copy)]
pub struct EntryRef<'g> {
    store: &'g Store,
    index: usize,
}

impl<'g> EntryRef<'g> {
    /// The entry's position among the gazetteer's entries (the order they
    /// were added in).
    pub fn index(&self) -> usize {
        self.index
    }

    /// The primary name.
    pub fn name(&self) -> &'g str {
        let k = self.store.entry_names[self.index] as usize;
        self.store.name_at(k)
    }

    /// The label, e.g. `"GPE"`.
    pub fn label(&self) -> &'g str {
        &self.store.labels[self.store.label_of(self.index) as usize]
    }

    /// The id, e.g. `"703448"`.
    pub fn id(&self) -> &'g str {
        self.store.id_of(self.index)
    }

    /// The aliases, in the order they were added.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &'g str> + Clone + use<'g> {
        self.store.names_of(self.index).skip(1)
    }

    /// The name followed by the aliases.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &'g str> + Clone + use<'g> {
        self.store.names_of(self.index)
    }

    /// The prior, if any.
    pub fn prior(&self) -> Option<f64> {
        self.store.prior_of(self.index)
    }

    /// The entry's own case policy, if any.
    pub fn case(&self) -> Option<CasePolicy> {
        self.store.case_of(self.index)
    }

    /// An owned copy.
    pub fn to_entry(&self) -> Entry {
        let mut entry =
            Entry::new(self.name(), self.label(), self.id()).with_aliases(self.aliases());
        if let Some(prior) = self.prior() {
            entry = entry.with_prior(prior);
        }
        if let Some(case) = self.case() {
            entry = entry.with_case(case);
        }
        entry
    }
}

impl PartialEq for EntryRef<'_> {
    fn eq(&self, other: &EntryRef<'_>) -> bool {
        self.name() == other.name()
            && self.label() == other.label()
            && self.id() == other.id()
            && self.aliases().eq(other.aliases())
            && self.prior() == other.prior()
            && self.case() == other.case()
    }
}

impl PartialEq<Entry> for EntryRef<'_> {
    fn eq(&self, other: &Entry) -> bool {
        self.name() == other.name()
            && self.label() == other.label()
            && self.id() == other.id()
            && self.aliases().eq(other.aliases().iter().map(String::as_str))
            && self.prior() == other.prior()
            && self.case() == other.case()
    }
}

impl PartialEq<EntryRef<'_>> for Entry {
    fn eq(&self, other: &EntryRef<'_>) -> bool {
        other == self
    }
}

impl fmt::Debug for EntryRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntryRef")
            .field("name", &self.name())
            .field("label", &self.label())
            .field("id", &self.id())
            .field("aliases", &self.aliases().collect::<Vec<_>>())
            .field("prior", &self.prior())
            .field("case", &self.case())
            .finish()
    }
}

/// Serializes exactly as the [`Entry`] it stands for.
#[cfg(feature = "serde")]
impl serde::Serialize for EntryRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_entry().serialize(s)
    }
}

/// The entries of a [`Gazetteer`](crate::Gazetteer), in the order they
/// were added (from [`Gazetteer::entries`](crate::Gazetteer::entries)).
#[derive(Clone, Debug)]
pub struct Entries<'g> {
    store: &'g Store,
    range: std::ops::Range<usize>,
}

impl<'g> Entries<'g> {
    pub(crate) fn new(store: &'g Store) -> Entries<'g> {
        Entries { store, range: 0..store.len() }
    }
}

impl<'g> Iterator for Entries<'g> {
    type Item = EntryRef<'g>;

    fn next(&mut self) -> Option<EntryRef<'g>> {
        self.range.next().map(|i| self.store.get(i))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<EntryRef<'g>> {
        self.range.nth(n).map(|i| self.store.get(i))
    }
}

impl DoubleEndedIterator for Entries<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.range.next_back().map(|i| self.store.get(i))
    }
}

impl ExactSizeIterator for Entries<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_share_things() {
        let entries = [
            Entry::new("Kyiv", "GPE", "703448").with_prior(2.9e6).with_case(CasePolicy::Auto),
            Entry::new("Kiev", "GPE", "703448").with_prior(2.9e6).with_case(CasePolicy::Auto),
            Entry::new("United Nations", "ORG", "Q1065").with_aliases(["UN", "U.N."]),
            Entry::new("Kyiv", "GPE", "703448").with_prior(3.0e6),
        ];
        let mut store = Store::new();
        for e in &entries {
            store.push_entry(e).unwrap();
        }
        assert_eq!(store.len(), 4);
        assert_eq!(store.things(), 3, "the first two rows share a thing");
        assert_eq!(store.labels, ["GPE", "ORG"]);
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(store.get(i), *e);
            assert_eq!(store.get(i).to_entry(), *e);
            assert_eq!(store.get(i).index(), i);
        }
        assert_eq!(store.get(2).aliases().collect::<Vec<_>>(), ["UN", "U.N."]);
        assert_ne!(store.get(0), store.get(3));
    }

    #[test]
    fn rollback_forgets_everything_after_the_mark() {
        let mut store = Store::new();
        store.push_entry(&Entry::new("Kyiv", "GPE", "1")).unwrap();
        let before = store.clone();
        let mark = store.mark();
        store.push_entry(&Entry::new("Kiev", "GPE", "1")).unwrap();
        store.push_entry(&Entry::new("UN", "ORG", "2").with_alias("U.N.")).unwrap();
        store.rollback(mark);
        assert_eq!(store, before);
        store.push_entry(&Entry::new("NATO", "ORG", "3")).unwrap();
        assert_eq!(store.get(1).label(), "ORG");
        assert_eq!(store.labels, ["GPE", "ORG"]);
    }
}
