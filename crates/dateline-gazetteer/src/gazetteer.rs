//! [`Gazetteer`]: compiled entries searched in text, and [`EntityMatch`].

use std::fmt;
use std::sync::{Arc, OnceLock};

use dateline_match::{MatchKind, Matcher, NormalizedText, Normalizer, Pattern};
use dateline_tokenize::{Lang, Span};

use crate::error::truncate;
use crate::persist::{Checksum, read_view};
use crate::plan::{Plan, plan};
use crate::store::{Entries, EntryRef, Store};
use crate::{CasePolicy, Entry, Error, GazetteerBuilder, langs};

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
/// # Languages
///
/// An entry may apply to some languages only ([`Entry::with_langs`]):
/// Spanish "china" (a Chinese woman) is porcelain in English. Every search
/// is in one language, the gazetteer's [`lang`](Gazetteer::lang) or the
/// one passed to [`find_in`](Gazetteer::find_in) and the other `_in`
/// methods, and uses only the entries that apply to it. Each language's
/// forms are compiled apart (its own language's when the gazetteer is
/// built, another's on its first search), so a language's search is as
/// fast as a gazetteer of its entries alone, and another language's longer
/// name never hides a match.
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
    pub(crate) entries: Arc<Store>,
    pub(crate) options: Options,
    /// The language of searches that name none (see [`Gazetteer::lang`]).
    pub(crate) lang: Lang,
    /// The compiled searches, per language; shared by clones and by
    /// [`with_lang`](Gazetteer::with_lang).
    pub(crate) views: Arc<Views>,
}

/// One language's search: the matcher over the forms of the entries that
/// apply to it, and each form's ranked candidates.
#[derive(Clone)]
pub(crate) struct View {
    pub(crate) matcher: Matcher,
    /// Per pattern `p`, its ranked candidates are
    /// `candidates[offsets[p]..offsets[p + 1]]`, indices into the entries.
    pub(crate) offsets: Vec<u32>,
    pub(crate) candidates: Vec<u32>,
}

/// The views of every language of [`Lang::ALL`], compiled on first use.
///
/// When no entry is limited to some languages (every user gazetteer
/// without a `lang` column, every file saved before languages), all
/// languages search the same forms: `shared` is set and slot 0 serves
/// them all, compiled once. Otherwise slot `n` is `Lang::ALL[n]`'s, and
/// a language's view is compiled the first time it is searched (the
/// gazetteer's own language's at build time), so an English pipeline pays
/// for no other language's.
pub(crate) struct Views {
    pub(crate) shared: bool,
    pub(crate) by_lang: [OnceLock<View>; Lang::ALL.len()],
    /// The bytes of views stored with a gazetteer compiled into the
    /// program, read on first use (see [`Gazetteer::from_embedded_bytes`]).
    stored: [OnceLock<&'static [u8]>; Lang::ALL.len()],
}

impl Views {
    /// No view compiled yet, one per language (one for every language
    /// when `shared`).
    pub(crate) fn new(shared: bool) -> Views {
        Views {
            shared,
            by_lang: std::array::from_fn(|_| OnceLock::new()),
            stored: std::array::from_fn(|_| OnceLock::new()),
        }
    }

    /// Sets `lang`'s view, unless it is already compiled.
    pub(crate) fn set(&self, lang: Lang, view: View) {
        let _ = self.by_lang[self.slot(lang)].set(view);
    }

    /// Keeps the bytes of `lang`'s stored view, to read on first use.
    pub(crate) fn store(&self, lang: Lang, bytes: &'static [u8]) {
        let _ = self.stored[self.slot(lang)].set(bytes);
    }

    fn slot(&self, lang: Lang) -> usize {
        if self.shared { 0 } else { langs::bit(lang).trailing_zeros() as usize }
    }
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

    /// Compiles the view of `lang` (of every language when no entry is
    /// limited to some) and checks that every other language's will
    /// compile when first searched.
    pub(crate) fn compile(
        entries: Arc<Store>,
        options: Options,
        lang: Lang,
    ) -> Result<Gazetteer, Error> {
        if entries.len() > u32::MAX as usize {
            return Err(Error::build("too many entries", None));
        }
        let shared = !entries.has_langs();
        let view = compile_view(&entries, options, (!shared).then_some(lang))?;
        if !shared {
            check_uncompiled_names(&entries, options, Some(lang))?;
        }
        let views = Views::new(shared);
        views.set(lang, view);
        let views = Arc::new(views);
        Ok(Gazetteer { entries, options, lang, views })
    }

    /// The search of `lang`, compiled on first use.
    pub(crate) fn view(&self, lang: Lang) -> &View {
        let views = &*self.views;
        let slot = views.slot(lang);
        views.by_lang[slot].get_or_init(|| {
            let stored = views.stored[slot].get().and_then(|bytes| {
                read_view(bytes, &self.entries, self.options, Checksum::Skip).ok()
            });
            // Every name that could fail to compile was checked at build
            // time (`check_uncompiled_names`).
            stored.unwrap_or_else(|| {
                compile_view(&self.entries, self.options, Some(lang))
                    .expect("every language's names were checked when the gazetteer was built")
            })
        })
    }

    /// The language of searches that name none ([`find`](Gazetteer::find),
    /// [`find_iter`](Gazetteer::find_iter), [`matcher`](Gazetteer::matcher)
    /// ...): set by [`GazetteerBuilder::lang`], English by default.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// This gazetteer searching in `lang` by default: a cheap copy sharing
    /// the entries and every language's compiled search.
    pub fn with_lang(&self, lang: Lang) -> Gazetteer {
        Gazetteer { lang, ..self.clone() }
    }

    /// The entries, in the order they were added.
    pub fn entries(&self) -> Entries<'_> {
        Entries::new(&self.entries)
    }

    /// Entry `index` (in the order the entries were added), if there is one.
    pub fn entry(&self, index: usize) -> Option<EntryRef<'_>> {
        (index < self.entries.len()).then(|| self.entries.get(index))
    }

    /// Owned copies of the entries, in the order they were added.
    pub fn to_entries(&self) -> Vec<Entry> {
        self.entries().map(|e| e.to_entry()).collect()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of distinct surface forms searched in the gazetteer's
    /// [`lang`](Gazetteer::lang) (names and aliases of the entries that
    /// apply to it, grouped as described under
    /// [Ambiguity](Gazetteer#ambiguity)).
    pub fn forms_len(&self) -> usize {
        self.view(self.lang).offsets.len() - 1
    }

    /// Approximate heap memory held, in bytes: entries, and the forms and
    /// matchers of the languages compiled so far (entries shared with a
    /// builder or a clone count in full).
    pub fn memory_usage(&self) -> usize {
        let views = self.views.by_lang.iter().filter_map(OnceLock::get);
        self.entries.heap_bytes()
            + views
                .map(|v| {
                    4 * (v.offsets.capacity() + v.candidates.capacity()) + v.matcher.memory_usage()
                })
                .sum::<usize>()
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

    /// The matcher over every name and alias of the gazetteer's
    /// [`lang`](Gazetteer::lang), for [`NormalizedText::prepare_for`] when
    /// a text is searched with this gazetteer and other matchers. (Its
    /// pattern ids are internal: search with
    /// [`find_iter_normalized`](Gazetteer::find_iter_normalized).)
    pub fn matcher(&self) -> &Matcher {
        self.matcher_in(self.lang)
    }

    /// The matcher of the names that apply to text in `lang`, for
    /// [`NormalizedText::prepare_for`] before
    /// [`find_iter_normalized_in`](Gazetteer::find_iter_normalized_in).
    pub fn matcher_in(&self, lang: Lang) -> &Matcher {
        &self.view(lang).matcher
    }

    /// Finds the entities of `text` on token boundaries: leftmost-longest,
    /// or every match when built with [`MatchKind::All`]. Searches with the
    /// names of the gazetteer's [`lang`](Gazetteer::lang).
    pub fn find_iter<'g, 't>(
        &'g self,
        text: &'t str,
    ) -> impl Iterator<Item = EntityMatch<'g>> + use<'g, 't> {
        self.find_iter_in(self.lang, text)
    }

    /// Finds the entities of `text` into a `Vec` (see
    /// [`find_iter`](Gazetteer::find_iter)).
    pub fn find(&self, text: &str) -> Vec<EntityMatch<'_>> {
        self.find_iter(text).collect()
    }

    /// Finds the entities of `text` in language `lang`: with the names that
    /// apply to it (entries limited to other languages are left out, so
    /// Spanish "china" finds China's demonym in Spanish text only). The
    /// first search in a language other than the gazetteer's own compiles
    /// that language's forms (about as long as building the gazetteer);
    /// later ones reuse them.
    ///
    /// ```
    /// use dateline_gazetteer::{Entry, Gazetteer, Lang};
    ///
    /// let gazetteer = Gazetteer::new([
    ///     Entry::new("China", "GPE", "iso3166-1:CN"),
    ///     Entry::new("chinas", "NORP", "iso3166-1:CN").with_langs([Lang::Es]),
    /// ])?;
    /// let text = "Las chinas de China";
    /// assert_eq!(gazetteer.find_in(Lang::Es, text).len(), 2);
    /// assert_eq!(gazetteer.find_in(Lang::En, text).len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn find_in(&self, lang: Lang, text: &str) -> Vec<EntityMatch<'_>> {
        self.find_iter_in(lang, text).collect()
    }

    /// Finds the entities of `text` in language `lang`, lazily (see
    /// [`find_in`](Gazetteer::find_in)).
    pub fn find_iter_in<'g, 't>(
        &'g self,
        lang: Lang,
        text: &'t str,
    ) -> impl Iterator<Item = EntityMatch<'g>> + use<'g, 't> {
        let view = self.view(lang);
        view.matcher
            .find_iter(text)
            .map(move |m| self.entity(view, m.span(), m.pattern().as_usize()))
    }

    /// Finds the entities of a text normalized once by
    /// [`normalizer`](Gazetteer::normalizer) (or any [`Normalizer`] with the
    /// same accent folding), in the gazetteer's [`lang`](Gazetteer::lang).
    /// Spans refer to the original text.
    pub fn find_iter_normalized<'g, 't>(
        &'g self,
        text: &'t NormalizedText<'t>,
    ) -> impl Iterator<Item = EntityMatch<'g>> + use<'g, 't> {
        self.find_iter_normalized_in(self.lang, text)
    }

    /// As [`find_iter_normalized`](Gazetteer::find_iter_normalized), in
    /// language `lang` (prepare the text for
    /// [`matcher_in`](Gazetteer::matcher_in)`(lang)`).
    pub fn find_iter_normalized_in<'g, 't>(
        &'g self,
        lang: Lang,
        text: &'t NormalizedText<'t>,
    ) -> impl Iterator<Item = EntityMatch<'g>> + use<'g, 't> {
        let view = self.view(lang);
        view.matcher
            .find_iter_normalized(text)
            .map(move |m| self.entity(view, m.span(), m.pattern().as_usize()))
    }

    fn entity<'g>(&'g self, view: &'g View, span: Span, pattern: usize) -> EntityMatch<'g> {
        let range = view.offsets[pattern] as usize..view.offsets[pattern + 1] as usize;
        EntityMatch { span, candidates: &view.candidates[range], entries: &self.entries }
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
            .field("lang", &self.lang)
            .finish()
    }
}

/// Compiles the search of the entries that apply to `lang` (of all of
/// them for `None`).
fn compile_view(entries: &Store, options: Options, lang: Option<Lang>) -> Result<View, Error> {
    let Plan { forms, offsets, candidates } = plan(entries, options, lang)?;
    let name_of = |(i, k): (u32, u32)| {
        entries.names_of(i as usize).nth(k as usize).expect("a form names its entry's name")
    };
    // The forms are consumed (and freed, 8 MB for a million forms)
    // before the matcher builds its trie; a failing pattern's source is
    // found again by planning anew, which gives the same forms.
    let patterns = forms.into_iter().map(|(i, k)| {
        let policy = entries.case_of(i as usize).unwrap_or(options.case_policy);
        Pattern::new(name_of((i, k)), policy)
    });
    let matcher = Matcher::builder()
        .accent_folding(options.accent_folding)
        .match_kind(options.match_kind)
        .build(patterns)
        .map_err(|e| {
            let source = e.pattern_index().and_then(|p| {
                let forms = plan(entries, options, lang).ok()?.forms;
                forms.get(p).copied()
            });
            match source {
                Some((i, k)) => name_error(entries, i as usize, name_of((i, k)), Box::new(e)),
                None => Error::build("compiling the matcher", Some(Box::new(e))),
            }
        })?;
    Ok(View { matcher, offsets, candidates })
}

/// The error of a name that does not compile.
fn name_error(
    entries: &Store,
    i: usize,
    name: &str,
    source: Box<dyn std::error::Error + Send + Sync>,
) -> Error {
    let (name, id) = (truncate(name), truncate(entries.id_of(i)));
    Error::build(format!("name {name:?} of the entry with id {id:?}"), Some(source))
}

/// Checks that the names no compiled view holds (those of entries limited
/// to languages other than `compiled`; every name when `None`) normalize
/// to something, so that the views compiled on first search cannot fail.
pub(crate) fn check_uncompiled_names(
    entries: &Store,
    options: Options,
    compiled: Option<Lang>,
) -> Result<(), Error> {
    let normalizer = Normalizer::new().with_accent_folding(options.accent_folding);
    let mut folded = String::new();
    let uncompiled =
        |i: usize| compiled.is_none_or(|lang| !langs::applies(entries.langs_of(i), lang));
    for i in (0..entries.len()).filter(|&i| uncompiled(i)) {
        for name in entries.names_of(i).filter(|name| !keeps_a_letter(name)) {
            normalizer.fold_into(name, &mut folded);
            if folded.trim_matches(' ').is_empty() {
                let why = format!("{name:?} normalizes to nothing");
                return Err(name_error(entries, i, name, why.into()));
            }
        }
    }
    Ok(())
}

/// Whether `name` holds a char that folding surely keeps (an ASCII letter
/// or digit, a basic Cyrillic letter, a Han ideograph), so it cannot
/// normalize to nothing: the check above then needs no folding, which made
/// the embedded gazetteer's start-up a tenth longer once it held every
/// language's names.
fn keeps_a_letter(name: &str) -> bool {
    name.chars().any(|c| {
        c.is_ascii_alphanumeric() || matches!(c, '\u{410}'..='\u{44f}' | '\u{4e00}'..='\u{9fff}')
    })
}

/// An entity found in text: a span of the original text and the ranked
/// entries whose names match there.
///
/// Borrowed from its [`Gazetteer`]; copy it freely.
#[derive(Clone, Copy)]
pub struct EntityMatch<'g> {
    span: Span,
    candidates: &'g [u32],
    entries: &'g Store,
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
    pub fn entry(&self) -> EntryRef<'g> {
        self.entries.get(self.candidates[0] as usize)
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
    pub fn candidates(&self) -> impl ExactSizeIterator<Item = EntryRef<'g>> + use<'g> {
        let entries = self.entries;
        self.candidates.iter().map(move |&i| entries.get(i as usize))
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
/// "id"}, ...]}` with byte offsets; a candidate that has a
/// [`country`](EntryRef::country) or [`admin1`](EntryRef::admin1) carries it
/// too (`{"label", "id", "country", "admin1"}`, each only when set).
#[cfg(feature = "serde")]
impl serde::Serialize for EntityMatch<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeStruct};

        struct Candidate<'a>(EntryRef<'a>);
        impl serde::Serialize for Candidate<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let (country, admin1) = (self.0.country(), self.0.admin1());
                let len = 2 + usize::from(country.is_some()) + usize::from(admin1.is_some());
                let mut map = s.serialize_map(Some(len))?;
                map.serialize_entry("label", self.0.label())?;
                map.serialize_entry("id", self.0.id())?;
                if let Some(country) = country {
                    map.serialize_entry("country", country)?;
                }
                if let Some(admin1) = admin1 {
                    map.serialize_entry("admin1", admin1)?;
                }
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

#[cfg(all(test, feature = "serde"))]
mod tests {
    use crate::{Entry, Gazetteer};

    #[test]
    fn serialized_candidates_carry_country_and_admin1_when_set() {
        let gazetteer = Gazetteer::new([
            Entry::new("Portland", "GPE", "geonames:5746545")
                .with_prior(652_503.0)
                .with_country("iso3166-1:US")
                .with_admin1("iso3166-2:US-OR"),
            Entry::new("Portland", "GPE", "geonames:4975802")
                .with_prior(68_408.0)
                .with_country("iso3166-1:US")
                .with_admin1("iso3166-2:US-ME"),
            Entry::new("Portland", "PERSON", "portland-x"),
            Entry::new("Lyon", "GPE", "geonames:2996944").with_country("iso3166-1:FR"),
        ])
        .unwrap();
        let found = gazetteer.find("Portland, Lyon");
        assert_eq!(
            serde_json::to_string(&found).unwrap(),
            concat!(
                r#"[{"start":0,"end":8,"label":"GPE","id":"geonames:5746545","candidates":["#,
                r#"{"label":"GPE","id":"geonames:5746545","country":"iso3166-1:US","admin1":"iso3166-2:US-OR"},"#,
                r#"{"label":"GPE","id":"geonames:4975802","country":"iso3166-1:US","admin1":"iso3166-2:US-ME"},"#,
                r#"{"label":"PERSON","id":"portland-x"}]},"#,
                r#"{"start":10,"end":14,"label":"GPE","id":"geonames:2996944","candidates":["#,
                r#"{"label":"GPE","id":"geonames:2996944","country":"iso3166-1:FR"}]}]"#
            )
        );
    }
}

#[cfg(test)]
mod start_up_tests {
    use dateline_match::Normalizer;

    use super::keeps_a_letter;

    #[test]
    fn names_that_keep_a_letter_fold_to_something() {
        for accents in [false, true] {
            let normalizer = Normalizer::new().with_accent_folding(accents);
            for name in ["a", "Z9", "Київ", "ЄС", "北京", "x\u{301}", "«Україна»", "Ёлка"]
            {
                assert!(keeps_a_letter(name), "{name:?}");
                assert!(!normalizer.fold(name).trim_matches(' ').is_empty(), "{name:?}");
            }
        }
        // Folded the slow way: no char of these is surely kept.
        for name in ["\u{301}", "--", "Ёё", "ⅷ", "ʼ"] {
            assert!(!keeps_a_letter(name), "{name:?}");
        }
    }
}
