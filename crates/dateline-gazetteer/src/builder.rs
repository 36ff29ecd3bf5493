//! [`GazetteerBuilder`]: entries from code, TSV and JSONL files, other
//! gazetteers and the embedded default, compiled into a [`Gazetteer`].

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;

use crate::error::truncate;
use crate::gazetteer::{Gazetteer, Options};
use crate::load::{self, check_name};
use crate::store::Store;
use crate::{CasePolicy, Entry, Error, Lang, MatchKind};

/// Builds a [`Gazetteer`] from entries added in code, loaded from TSV and
/// JSON Lines files or readers, and merged from other gazetteers (such as
/// the embedded default).
///
/// Setters take and return `&mut Self`; loaders return
/// `Result<&mut Self, Error>` so calls chain with `?`. A file is added whole
/// or not at all: when a loader fails, none of that file's entries are kept.
/// The builder can be reused after [`build`](GazetteerBuilder::build).
///
/// Entries are kept in the order they are added. Several entries may share
/// a surface form (and even a label and id); see [`Gazetteer`] for how they
/// are ranked.
///
/// # Example: the default gazetteer plus your own names
///
/// ```
/// use dateline_gazetteer::{Entry, Gazetteer};
///
/// # #[cfg(feature = "embedded")] {
/// let mut builder = Gazetteer::builder();
/// builder.embedded();
/// builder.entry(Entry::new("Wang Yi", "PERSON", "wang-yi"));
/// // Files too: builder.add_file("names.tsv")?;
/// builder.add_tsv_reader("name\tlabel\tid\nDmytro Kuleba\tPERSON\tdmytro-kuleba\n".as_bytes())?;
/// let gazetteer = builder.build()?;
///
/// let text = "Wang Yi met Dmytro Kuleba in Guangzhou.";
/// let found: Vec<(&str, &str)> =
///     gazetteer.find_iter(text).map(|m| (&text[m.span()], m.label())).collect();
/// assert_eq!(found, [("Wang Yi", "PERSON"), ("Dmytro Kuleba", "PERSON"), ("Guangzhou", "GPE")]);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    /// Shared with the gazetteers built from it, so that `build` copies no
    /// entry; adding entries after a build copies them once (copy on write).
    entries: Arc<Store>,
    /// Why the first invalid entry added in code is invalid, reported by
    /// `build` (files are checked as they load).
    invalid: Option<String>,
    options: Options,
    lang: Lang,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// A builder without entries, with accent folding on and
    /// [`CasePolicy::Insensitive`] as the default case policy.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            entries: Arc::new(Store::new()),
            invalid: None,
            options: Options::default(),
            lang: Lang::En,
        }
    }

    /// Whether accents fold when matching ("Sao Paulo" finds "São Paulo" and
    /// the reverse). On by default.
    pub fn accent_folding(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.options.accent_folding = yes;
        self
    }

    /// The case policy of entries that have none of their own (by default
    /// [`CasePolicy::Insensitive`]). Entries loaded from files without a
    /// `case` column, or with an empty `case` field, take this policy.
    pub fn case_policy(&mut self, policy: CasePolicy) -> &mut GazetteerBuilder {
        self.options.case_policy = policy;
        self
    }

    /// Which matches searches report: [`MatchKind::LeftmostLongest`] (the
    /// default; non-overlapping, the longest at each start) or
    /// [`MatchKind::All`] (every boundary-valid match, overlapping: "New York"
    /// and "York" in "New York").
    pub fn match_kind(&mut self, kind: MatchKind) -> &mut GazetteerBuilder {
        self.options.match_kind = kind;
        self
    }

    /// The language the gazetteer searches in by default (English unless
    /// set): [`Gazetteer::find`] and the other searches without a language
    /// of their own use the entries that apply to it (see
    /// [`Entry::with_langs`]). Any gazetteer also searches in any language
    /// with [`Gazetteer::find_in`]; this language's search is compiled by
    /// [`build`](GazetteerBuilder::build), another's on its first search.
    pub fn lang(&mut self, lang: Lang) -> &mut GazetteerBuilder {
        self.lang = lang;
        self
    }

    /// Adds one entry.
    pub fn entry(&mut self, entry: Entry) -> &mut GazetteerBuilder {
        self.push(&entry);
        self
    }

    /// Adds entries.
    pub fn entries<I: IntoIterator<Item = Entry>>(&mut self, entries: I) -> &mut GazetteerBuilder {
        for entry in entries {
            self.push(&entry);
        }
        self
    }

    fn push(&mut self, entry: &Entry) {
        let store = Arc::make_mut(&mut self.entries);
        let index = store.len();
        let pushed = validate(entry).and_then(|()| store.push_entry(entry));
        if let Err(e) = pushed
            && self.invalid.is_none()
        {
            let (name, id) = (truncate(entry.name()), truncate(entry.id()));
            self.invalid = Some(format!("entry {index} ({name:?}, id {id:?}): {}", e.detail()));
        }
    }

    /// Adds all the entries of another gazetteer (its options are not
    /// copied: this builder's apply).
    pub fn gazetteer(&mut self, gazetteer: &Gazetteer) -> &mut GazetteerBuilder {
        if self.entries.is_empty() {
            // Share the other gazetteer's entries until one is added.
            self.entries = Arc::clone(&gazetteer.entries);
        } else if let Err(e) = Arc::make_mut(&mut self.entries).extend_from(&gazetteer.entries)
            && self.invalid.is_none()
        {
            self.invalid = Some(e.detail());
        }
        self
    }

    /// Adds the entries of the embedded default gazetteer (see
    /// [`Gazetteer::embedded`]), typically before user files.
    #[cfg(feature = "embedded")]
    pub fn embedded(&mut self) -> &mut GazetteerBuilder {
        self.gazetteer(Gazetteer::embedded())
    }

    /// Loads a gazetteer file, choosing the format by extension: `.jsonl`,
    /// `.ndjson` and `.json` are JSON Lines, anything else is TSV.
    ///
    /// # Errors
    ///
    /// When the file cannot be read or is malformed; the error names the
    /// file and line.
    pub fn add_file<P: AsRef<Path>>(&mut self, path: P) -> Result<&mut GazetteerBuilder, Error> {
        let path = path.as_ref();
        let jsonl = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["jsonl", "ndjson", "json"].iter().any(|x| e.eq_ignore_ascii_case(x)));
        if jsonl { self.add_jsonl_file(path) } else { self.add_tsv_file(path) }
    }

    /// Loads a TSV file: a header line naming at least the columns `name`,
    /// `label` and `id`, optionally `case` (`exact`, `fold` or `auto`),
    /// `prior` (or `population`), `country` and `admin1` (the ids of the
    /// containing entries, see [`Entry::country`]; an empty cell for none);
    /// other columns are ignored. Columns are found by their header names,
    /// in any order and any ASCII case. Lines starting with `#` and blank
    /// lines are skipped; every other line must have as many tab-separated
    /// fields as the header. Names and ids are trimmed.
    ///
    /// # Errors
    ///
    /// When the file cannot be read or is malformed (wrong field count,
    /// empty or overlong name, label or id, overlong country or admin1,
    /// invalid case or prior, invalid UTF-8); the error names the file, the
    /// line and, for a bad field, the column.
    pub fn add_tsv_file<P: AsRef<Path>>(
        &mut self,
        path: P,
    ) -> Result<&mut GazetteerBuilder, Error> {
        let path = path.as_ref();
        let reader = open(path)?;
        self.load(|out| load::read_tsv(reader, out)).map_err(|e| e.with_path(path))
    }

    /// Loads a JSON Lines file: one object per line with the keys `name`,
    /// `label`, `id` (a string or an integer) and optionally `aliases` (an
    /// array of strings), `prior` or `population` (a number), `case`, and
    /// `country` and `admin1` (ids like `id`, see [`Entry::country`]; `null`
    /// or absent for none). Other keys are ignored; blank lines and lines
    /// starting with `#` are skipped.
    ///
    /// # Errors
    ///
    /// As for [`add_tsv_file`](GazetteerBuilder::add_tsv_file); JSON syntax
    /// errors also give the column.
    pub fn add_jsonl_file<P: AsRef<Path>>(
        &mut self,
        path: P,
    ) -> Result<&mut GazetteerBuilder, Error> {
        let path = path.as_ref();
        let reader = open(path)?;
        self.load(|out| load::read_jsonl(reader, out)).map_err(|e| e.with_path(path))
    }

    /// Loads TSV from a reader (see
    /// [`add_tsv_file`](GazetteerBuilder::add_tsv_file) for the format).
    ///
    /// # Errors
    ///
    /// As for `add_tsv_file`, without a path.
    pub fn add_tsv_reader<R: BufRead>(
        &mut self,
        reader: R,
    ) -> Result<&mut GazetteerBuilder, Error> {
        self.load(|out| load::read_tsv(reader, out))
    }

    /// Loads JSON Lines from a reader (see
    /// [`add_jsonl_file`](GazetteerBuilder::add_jsonl_file) for the format).
    ///
    /// # Errors
    ///
    /// As for `add_jsonl_file`, without a path.
    pub fn add_jsonl_reader<R: BufRead>(
        &mut self,
        reader: R,
    ) -> Result<&mut GazetteerBuilder, Error> {
        self.load(|out| load::read_jsonl(reader, out))
    }

    fn load(
        &mut self,
        read: impl FnOnce(&mut Store) -> Result<(), Error>,
    ) -> Result<&mut GazetteerBuilder, Error> {
        let store = Arc::make_mut(&mut self.entries);
        let mark = store.mark();
        match read(store) {
            Ok(()) => {
                // Files are large and few: give back the growth slack.
                store.shrink_to_fit();
                Ok(self)
            }
            Err(e) => {
                // A file is added whole or not at all.
                store.rollback(mark);
                Err(e)
            }
        }
    }

    /// Compiles the gazetteer.
    ///
    /// # Errors
    ///
    /// When an entry added in code has an empty (or whitespace-only) name,
    /// alias, label, id, country or admin1, or one longer than
    /// [`MAX_NAME_LEN`] bytes, or a prior that is not finite; or when a name normalizes to nothing (a
    /// lone combining mark with accent folding on). The error says which
    /// entry.
    ///
    /// [`MAX_NAME_LEN`]: crate::MAX_NAME_LEN
    pub fn build(&self) -> Result<Gazetteer, Error> {
        if let Some(message) = &self.invalid {
            return Err(Error::build(message.clone(), None));
        }
        Gazetteer::compile(Arc::clone(&self.entries), self.options, self.lang)
    }
}

/// Opens a gazetteer file; a directory is refused here, by name, rather
/// than failing its first read with "line 1: Is a directory".
fn open(path: &Path) -> Result<BufReader<File>, Error> {
    let file = File::open(path).map_err(|e| Error::io(e).with_path(path))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        let err = std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory, not a gazetteer file",
        );
        return Err(Error::io(err).with_path(path));
    }
    Ok(BufReader::new(file))
}

/// Checks an entry made in code the way the loaders check file rows.
fn validate(entry: &Entry) -> Result<(), Error> {
    check_name("name", entry.name())?;
    check_name("label", entry.label())?;
    check_name("id", entry.id())?;
    for alias in entry.aliases() {
        check_name("alias", alias)?;
    }
    if let Some(country) = entry.country() {
        check_name("country", country)?;
    }
    if let Some(admin1) = entry.admin1() {
        check_name("admin1", admin1)?;
    }
    match entry.prior() {
        Some(prior) if !prior.is_finite() => Err(Error::invalid_prior(&prior.to_string())),
        _ => Ok(()),
    }
}
