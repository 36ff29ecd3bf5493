//! Compact storage of entries, and [`EntryRef`], the view of one stored
//! entry.
//!
//! A large gazetteer has millions of short strings. Kept as an [`Entry`]
//! each (three `String`s and a `Vec`, ~120 bytes plus four heap blocks), the
//! 1.2M rows of GeoNames' `large.tsv` took about 250 MB before compiling.
//! The store keeps every string in one of two arenas and refers to it by
//! offset, and shares what consecutive rows repeat: a *thing* is the label,
//! id, prior, case policy, country and first-level division of one or more
//! consecutive entries (GeoNames lists a place's name and then its alternate
//! names, all with the same id and population), and labels are interned. An
//! entry then costs 12 bytes plus its names' bytes.
//!
//! Where a thing lies, its *place*, is the pair (country, admin1) of
//! containing entries' ids. Most places share a country and many share a
//! division, so the ids are interned once each (in an arena, like the
//! labels), the pairs once each, and a thing holds only the pair's number:
//! 4 bytes per thing, and nothing at all per thing while no entry sets
//! either field (place 0 is "neither", and an empty list of things' places
//! means every thing is there).

use std::collections::HashMap;
use std::fmt;

use crate::{CasePolicy, Entry, Error, Lang, langs};

/// The country or admin1 half of a place that has none.
pub(crate) const NO_ID: u32 = u32::MAX;

/// The place of things with neither a country nor an admin1.
const NO_PLACE: [u32; 2] = [NO_ID, NO_ID];

/// Entries in insertion order, compactly.
///
/// Entry `i` has the names (its name, then its aliases) `k` in
/// `entry_names[i]..entry_names[i + 1]`, name `k` being
/// `names[name_bounds[k]..name_bounds[k + 1]]`, and the thing
/// `entry_thing[i]`. Thing `t` has the id `ids[id_bounds[t]..id_bounds[t + 1]]`,
/// the label `labels[thing_label[t]]`, the prior `thing_prior[t]` (NaN for
/// none), the case policy code `thing_case[t]` and the place
/// `places[thing_place[t]]`: a pair of indices into `place_ids` (the
/// country's id, the admin1's id), [`NO_ID`] for none. Place 0 is always
/// `[NO_ID, NO_ID]`, and `thing_place` is either empty, while every thing
/// is in place 0, or has one place per thing.
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
    pub(crate) thing_place: Vec<u32>,
    /// The languages of each thing (see `langs.rs`; 0 for every one):
    /// empty while every thing applies to every language, else one a thing.
    pub(crate) thing_langs: Vec<u32>,
    pub(crate) places: Vec<[u32; 2]>,
    place_index: HashMap<[u32; 2], u32>,
    pub(crate) place_ids: Interner,
    pub(crate) labels: Interner,
}

/// Distinct strings, numbered in the order they were first seen, in one
/// arena: string `n` is `text[bounds[n]..bounds[n + 1]]`.
///
/// The index from string to number serves only while entries are added:
/// [`shrink_to_fit`](Interner::shrink_to_fit) drops it (a built gazetteer
/// never adds any), and [`intern`](Interner::intern) rebuilds it should
/// more come. It is either empty or complete.
#[derive(Clone, Debug)]
pub(crate) struct Interner {
    text: String,
    bounds: Vec<u32>,
    index: HashMap<String, u32>,
}

impl Default for Interner {
    fn default() -> Interner {
        Interner { text: String::new(), bounds: vec![0], index: HashMap::new() }
    }
}

impl PartialEq for Interner {
    fn eq(&self, other: &Interner) -> bool {
        self.text == other.text && self.bounds == other.bounds
    }
}

impl Interner {
    /// The strings numbered in order, as a saved file lists them (distinct).
    pub(crate) fn from_strings<S: AsRef<str>>(strings: &[S]) -> Result<Interner, Error> {
        let mut interner = Interner::default();
        for s in strings {
            interner.text.push_str(s.as_ref());
            interner.bounds.push(offset(interner.text.len())?);
        }
        Ok(interner)
    }

    /// The number of `value`, new or not.
    fn intern(&mut self, value: &str) -> Result<u32, Error> {
        if self.index.len() != self.len() {
            self.index =
                (0..self.len()).map(|n| (self.get(n as u32).to_owned(), n as u32)).collect();
        }
        if let Some(&n) = self.index.get(value) {
            return Ok(n);
        }
        let n = offset(self.len())?;
        self.text.push_str(value);
        self.bounds.push(offset(self.text.len())?);
        self.index.insert(value.to_owned(), n);
        Ok(n)
    }

    pub(crate) fn get(&self, n: u32) -> &str {
        let n = n as usize;
        &self.text[self.bounds[n] as usize..self.bounds[n + 1] as usize]
    }

    pub(crate) fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    /// The strings, in order.
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = &str> {
        (0..self.len()).map(|n| self.get(n as u32))
    }

    /// Forgets the strings numbered `len` and above.
    fn truncate(&mut self, len: usize) {
        if self.index.len() == self.len() {
            for n in len..self.len() {
                let value = self.get(n as u32).to_owned();
                self.index.remove(&value);
            }
        }
        self.bounds.truncate(len + 1);
        self.text.truncate(self.bounds[len] as usize);
    }

    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.bounds.shrink_to_fit();
        self.index = HashMap::new();
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + 4 * self.bounds.capacity()
            + self.index.capacity() * (size_of::<(String, u32)>() + 1)
            + self.index.keys().map(String::capacity).sum::<usize>()
    }
}

/// What the consecutive entries of one thing share: see [`Store::push`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Thing<'a> {
    pub(crate) label: &'a str,
    pub(crate) id: &'a str,
    pub(crate) prior: Option<f64>,
    pub(crate) case: Option<CasePolicy>,
    pub(crate) country: Option<&'a str>,
    pub(crate) admin1: Option<&'a str>,
    /// The languages the thing applies to (see `langs.rs`; 0 for all).
    pub(crate) langs: u32,
}

/// Where a store stood, to roll back a file that failed half-way.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark {
    entries: usize,
    names: usize,
    things: usize,
    labels: usize,
    places: usize,
    place_ids: usize,
    /// `thing_place`'s length, 0 or `things`.
    thing_places: usize,
    /// `thing_langs`'s length, 0 or `things`.
    thing_langs: usize,
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
            && self.thing_place == other.thing_place
            && self.thing_langs == other.thing_langs
            && self.places == other.places
            && self.place_ids == other.place_ids
            && self.labels == other.labels
    }
}

impl Default for Store {
    fn default() -> Store {
        Store::new()
    }
}

/// The parts of a [`Store`], as a saved file holds them (see `persist`).
pub(crate) struct Parts {
    pub(crate) names: String,
    pub(crate) name_bounds: Vec<u32>,
    pub(crate) entry_names: Vec<u32>,
    pub(crate) entry_thing: Vec<u32>,
    pub(crate) ids: String,
    pub(crate) id_bounds: Vec<u32>,
    pub(crate) thing_label: Vec<u32>,
    pub(crate) thing_prior: Vec<f64>,
    pub(crate) thing_case: Vec<u8>,
    pub(crate) thing_place: Vec<u32>,
    pub(crate) thing_langs: Vec<u32>,
    pub(crate) places: Vec<[u32; 2]>,
    pub(crate) place_ids: Vec<String>,
    pub(crate) labels: Vec<String>,
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
            thing_place: Vec::new(),
            thing_langs: Vec::new(),
            places: vec![NO_PLACE],
            place_index: HashMap::from([(NO_PLACE, 0)]),
            place_ids: Interner::default(),
            labels: Interner::default(),
        }
    }

    /// Assembles a store from parts checked by the caller (see `persist`):
    /// bounds start at 0, never decrease and end at their arena's length on
    /// char boundaries, every entry has a name, every index is in range, and
    /// place 0 is `[NO_ID, NO_ID]`.
    ///
    /// # Errors
    ///
    /// When the labels or place ids pass 4 GiB.
    pub(crate) fn from_parts(parts: Parts) -> Result<Store, Error> {
        Ok(Store {
            names: parts.names,
            name_bounds: parts.name_bounds,
            entry_names: parts.entry_names,
            entry_thing: parts.entry_thing,
            ids: parts.ids,
            id_bounds: parts.id_bounds,
            thing_label: parts.thing_label,
            thing_prior: parts.thing_prior,
            thing_case: parts.thing_case,
            thing_place: parts.thing_place,
            thing_langs: parts.thing_langs,
            places: parts.places,
            place_index: HashMap::new(),
            place_ids: Interner::from_strings(&parts.place_ids)?,
            labels: Interner::from_strings(&parts.labels)?,
        })
    }

    /// The number of entries.
    pub(crate) fn len(&self) -> usize {
        self.entry_thing.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entry_thing.is_empty()
    }

    /// The number of things (label, id, prior, case and place shared by
    /// consecutive entries).
    pub(crate) fn things(&self) -> usize {
        self.thing_label.len()
    }

    /// The number of the place (`country`, `admin1`), new or not.
    fn place(&mut self, country: Option<&str>, admin1: Option<&str>) -> Result<u32, Error> {
        if country.is_none() && admin1.is_none() {
            return Ok(0);
        }
        // Consecutive rows mostly lie in the same place (a city's alternate
        // names; a file sorted by country): reuse the last thing's without
        // hashing.
        if let Some(t) = self.things().checked_sub(1)
            && self.place_parts(self.place_at(t)) == (country, admin1)
        {
            return Ok(self.place_at(t));
        }
        let mut id = |value: Option<&str>| value.map_or(Ok(NO_ID), |v| self.place_ids.intern(v));
        let place = [id(country)?, id(admin1)?];
        // The index is empty or complete, like the interners'.
        if self.place_index.len() != self.places.len() {
            self.place_index =
                self.places.iter().enumerate().map(|(p, &k)| (k, p as u32)).collect();
        }
        match self.place_index.get(&place) {
            Some(&p) => Ok(p),
            None => {
                let p = offset(self.places.len())?;
                self.places.push(place);
                self.place_index.insert(place, p);
                Ok(p)
            }
        }
    }

    /// The place of thing `t`.
    fn place_at(&self, t: usize) -> u32 {
        self.thing_place.get(t).copied().unwrap_or(0)
    }

    /// The country and admin1 ids of place `p`.
    fn place_parts(&self, p: u32) -> (Option<&str>, Option<&str>) {
        let [country, admin1] = self.places[p as usize];
        let id = |n: u32| (n != NO_ID).then(|| self.place_ids.get(n));
        (id(country), id(admin1))
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
        thing: &Thing<'_>,
    ) -> Result<(), Error> {
        // Consecutive rows mostly share a label: no hashing for those.
        let label = match self.thing_label.last() {
            Some(&l) if self.labels.get(l) == thing.label => l,
            _ => self.labels.intern(thing.label)?,
        };
        let place = self.place(thing.country, thing.admin1)?;
        let prior = thing.prior.unwrap_or(f64::NAN);
        let case = case_code(thing.case);
        let same_thing = self.things().checked_sub(1).is_some_and(|t| {
            self.thing_label[t] == label
                && self.thing_case[t] == case
                && self.place_at(t) == place
                && self.thing_prior[t].to_bits() == prior.to_bits()
                && self.langs_at(t) == thing.langs
                && self.id(t) == thing.id
        });
        let t = if same_thing {
            self.things() - 1
        } else {
            self.ids.push_str(thing.id);
            self.id_bounds.push(offset(self.ids.len())?);
            self.thing_label.push(label);
            self.thing_prior.push(prior);
            self.thing_case.push(case);
            if place != 0 || !self.thing_place.is_empty() {
                // The first thing with a place gives every earlier one its
                // place 0.
                self.thing_place.resize(self.things() - 1, 0);
                self.thing_place.push(place);
            }
            if thing.langs != langs::ALL || !self.thing_langs.is_empty() {
                self.thing_langs.resize(self.things() - 1, langs::ALL);
                self.thing_langs.push(thing.langs);
            }
            self.things() - 1
        };
        self.names.push_str(name);
        self.name_bounds.push(offset(self.names.len())?);
        for name in aliases {
            self.names.push_str(name);
            self.name_bounds.push(offset(self.names.len())?);
        }
        self.entry_names.push(offset(self.name_bounds.len() - 1)?);
        self.entry_thing.push(offset(t)?);
        Ok(())
    }

    /// Appends an owned entry.
    pub(crate) fn push_entry(&mut self, entry: &Entry) -> Result<(), Error> {
        let thing = Thing {
            label: entry.label(),
            id: entry.id(),
            prior: entry.prior(),
            case: entry.case(),
            country: entry.country(),
            admin1: entry.admin1(),
            langs: langs::mask(entry.langs()),
        };
        self.push(entry.name(), entry.aliases().iter().map(String::as_str), &thing)
    }

    /// Appends every entry of `other`.
    pub(crate) fn extend_from(&mut self, other: &Store) -> Result<(), Error> {
        for i in 0..other.len() {
            let e = other.get(i);
            let thing = Thing {
                label: e.label(),
                id: e.id(),
                prior: e.prior(),
                case: e.case(),
                country: e.country(),
                admin1: e.admin1(),
                langs: other.langs_of(i),
            };
            self.push(e.name(), e.aliases(), &thing)?;
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
            places: self.places.len(),
            place_ids: self.place_ids.len(),
            thing_places: self.thing_place.len(),
            thing_langs: self.thing_langs.len(),
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
        self.thing_place.truncate(mark.thing_places);
        self.thing_langs.truncate(mark.thing_langs);
        let indexed = self.place_index.len() == self.places.len();
        for place in self.places.drain(mark.places..) {
            if indexed {
                self.place_index.remove(&place);
            }
        }
        self.place_ids.truncate(mark.place_ids);
        self.labels.truncate(mark.labels);
    }

    /// Frees unused capacity and the interning indexes (a built gazetteer's
    /// store is never added to; a builder that adds more rebuilds them).
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
        self.thing_place.shrink_to_fit();
        self.thing_langs.shrink_to_fit();
        self.places.shrink_to_fit();
        self.place_index = HashMap::new();
        self.place_ids.shrink_to_fit();
        self.labels.shrink_to_fit();
    }

    /// Approximate heap bytes used.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.names.capacity()
            + self.ids.capacity()
            + 4 * (self.name_bounds.capacity()
                + self.entry_names.capacity()
                + self.entry_thing.capacity()
                + self.id_bounds.capacity()
                + self.thing_label.capacity()
                + self.thing_place.capacity()
                + self.thing_langs.capacity())
            + 8 * self.thing_prior.capacity()
            + self.thing_case.capacity()
            + 8 * self.places.capacity()
            + 13 * self.place_index.capacity()
            + self.place_ids.heap_bytes()
            + self.labels.heap_bytes()
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

    /// The country and admin1 ids of entry `i`.
    pub(crate) fn place_of(&self, i: usize) -> (Option<&str>, Option<&str>) {
        self.place_parts(self.place_at(self.thing(i)))
    }

    /// The languages of thing `t` (0: every one).
    fn langs_at(&self, t: usize) -> u32 {
        self.thing_langs.get(t).copied().unwrap_or(langs::ALL)
    }

    /// The languages entry `i` applies to, as a set (see `langs.rs`; 0 for
    /// every language).
    pub(crate) fn langs_of(&self, i: usize) -> u32 {
        self.langs_at(self.thing(i))
    }

    /// Whether any entry is limited to some languages (if none is, every
    /// language searches the same forms).
    pub(crate) fn has_langs(&self) -> bool {
        self.thing_langs.iter().any(|&m| m != langs::ALL)
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
/// aliases, prior, case policy, country and admin1, borrowed from the
/// gazetteer's compact storage.
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
        self.store.labels.get(self.store.label_of(self.index))
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

    /// The id of the entry of the country that contains this one, if set
    /// (see [`Entry::country`]).
    pub fn country(&self) -> Option<&'g str> {
        self.store.place_of(self.index).0
    }

    /// The id of the entry of the first-level division that contains this
    /// one, if set (see [`Entry::admin1`]).
    pub fn admin1(&self) -> Option<&'g str> {
        self.store.place_of(self.index).1
    }

    /// The languages the entry applies to, in [`Lang::ALL`] order; none
    /// for an entry of every language (see [`Entry::langs`]).
    pub fn langs(&self) -> impl Iterator<Item = Lang> + use<> {
        langs::langs(self.store.langs_of(self.index))
    }

    /// Whether the entry applies to text in `lang`.
    pub fn applies_to(&self, lang: Lang) -> bool {
        langs::applies(self.store.langs_of(self.index), lang)
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
        let (country, admin1) = self.store.place_of(self.index);
        if let Some(country) = country {
            entry = entry.with_country(country);
        }
        if let Some(admin1) = admin1 {
            entry = entry.with_admin1(admin1);
        }
        entry.with_langs(self.langs())
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
            && self.country() == other.country()
            && self.admin1() == other.admin1()
            && self.langs().eq(other.langs())
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
            && self.country() == other.country()
            && self.admin1() == other.admin1()
            && self.langs().eq(other.langs().iter().copied())
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
            .field("country", &self.country())
            .field("admin1", &self.admin1())
            .field("langs", &self.langs().collect::<Vec<_>>())
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
        assert_eq!(store.labels.iter().collect::<Vec<_>>(), ["GPE", "ORG"]);
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(store.get(i), *e);
            assert_eq!(store.get(i).to_entry(), *e);
            assert_eq!(store.get(i).index(), i);
        }
        assert_eq!(store.get(2).aliases().collect::<Vec<_>>(), ["UN", "U.N."]);
        assert_ne!(store.get(0), store.get(3));
    }

    #[test]
    fn places_are_interned_and_split_things() {
        let mut store = Store::new();
        let states = ["US-ME", "US-OR", "US-TX"];
        for i in 0..300 {
            let entry = Entry::new(format!("Town {i}"), "GPE", i.to_string())
                .with_country("US")
                .with_admin1(states[i % 3]);
            store.push_entry(&entry).unwrap();
        }
        store.push_entry(&Entry::new("Lyon", "GPE", "lyon").with_country("FR")).unwrap();
        store.push_entry(&Entry::new("Maine", "GPE", "US-ME").with_country("US")).unwrap();
        store.push_entry(&Entry::new("Nowhere", "GPE", "0")).unwrap();
        // Place 0 (none), three states of the US, France alone, the US alone.
        assert_eq!(store.places.len(), 6);
        assert_eq!(
            store.place_ids.iter().collect::<Vec<_>>(),
            ["US", "US-ME", "US-OR", "US-TX", "FR"]
        );
        assert_eq!(store.get(4).admin1(), Some("US-OR"));
        assert_eq!(store.get(300).country(), Some("FR"));
        assert_eq!(store.get(300).admin1(), None);
        assert_eq!(store.get(302).country(), None);
        // Shrunk (the indexes dropped), the store still interns: more
        // entries find the places, ids and labels already there.
        store.shrink_to_fit();
        let before = (store.places.len(), store.place_ids.len(), store.labels.len());
        store.push_entry(&Entry::new("Paris", "GPE", "paris").with_country("FR")).unwrap();
        store
            .push_entry(&Entry::new("Bangor", "GPE", "b").with_country("US").with_admin1("US-ME"))
            .unwrap();
        assert_eq!((store.places.len(), store.place_ids.len(), store.labels.len()), before);
        assert_eq!(store.get(304).admin1(), Some("US-ME"));

        // Same label, id, prior and case, another place: another thing.
        let mut store = Store::new();
        let maine = Entry::new("Portland", "GPE", "P").with_country("US").with_admin1("US-ME");
        store.push_entry(&maine).unwrap();
        store.push_entry(&maine.clone().with_alias("Portland, Maine")).unwrap();
        store.push_entry(&Entry::new("Portland", "GPE", "P").with_country("US")).unwrap();
        assert_eq!(store.things(), 2);
        assert_eq!(store.get(1), maine.with_alias("Portland, Maine"));
        assert_eq!(store.get(2).admin1(), None);
    }

    #[test]
    fn things_have_no_place_list_until_one_has_a_place() {
        let mut store = Store::new();
        store.push_entry(&Entry::new("Kyiv", "GPE", "1")).unwrap();
        store.push_entry(&Entry::new("UN", "ORG", "2")).unwrap();
        assert!(store.thing_place.is_empty());
        let mark = store.mark();
        store.push_entry(&Entry::new("Lviv", "GPE", "3").with_country("UA")).unwrap();
        assert_eq!(store.thing_place, [0, 0, 1]);
        assert_eq!(store.get(0).country(), None);
        assert_eq!(store.get(2).country(), Some("UA"));
        store.push_entry(&Entry::new("NATO", "ORG", "4")).unwrap();
        assert_eq!(store.thing_place, [0, 0, 1, 0]);
        store.rollback(mark);
        assert!(store.thing_place.is_empty(), "rolled back to no place list");
    }

    #[test]
    fn rollback_forgets_everything_after_the_mark() {
        let mut store = Store::new();
        store.push_entry(&Entry::new("Kyiv", "GPE", "1")).unwrap();
        let before = store.clone();
        let mark = store.mark();
        store.push_entry(&Entry::new("Kiev", "GPE", "1")).unwrap();
        store.push_entry(&Entry::new("UN", "ORG", "2").with_alias("U.N.")).unwrap();
        store
            .push_entry(&Entry::new("Lviv", "GPE", "4").with_country("UA").with_admin1("46"))
            .unwrap();
        store.rollback(mark);
        assert_eq!(store, before);
        assert_eq!(store.places.len(), 1);
        assert_eq!(store.place_ids.len(), 0);
        store.push_entry(&Entry::new("NATO", "ORG", "3")).unwrap();
        assert_eq!(store.get(1).label(), "ORG");
        assert_eq!(store.labels.iter().collect::<Vec<_>>(), ["GPE", "ORG"]);
        // The forgotten place and ids are interned anew, not found stale.
        store.push_entry(&Entry::new("Lviv", "GPE", "4").with_admin1("46")).unwrap();
        assert_eq!(store.get(2).admin1(), Some("46"));
        assert_eq!(store.places, [[NO_ID, NO_ID], [NO_ID, 0]]);
    }
}
