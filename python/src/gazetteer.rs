//! The `Gazetteer` and `Entity` classes.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex, OnceLock, TryLockError};

use dateline::gazetteer::CasePolicy;
use dateline::gazetteer::EntryRef;
use dateline::gazetteer::Resolved;
use dateline::view::EntityView;
use dateline::{CharOffsets, Entry, Gazetteer, GazetteerBuilder, Lang, Nested, Resolver, Source};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;

use crate::errors::{gazetteer_error, value_error};
use crate::parallel;
use crate::strings::{self, EntryNames, StrCache};
use crate::texts::Texts;

/// An entity's parts as Rust strings, for the page renderer.
pub struct EntityParts {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub id: String,
    pub source: String,
    pub rule: Option<String>,
}

/// An entity: text, best label and id, code-point offsets, and the other
/// candidates for the same name as `(label, id)` pairs; where the label
/// comes from (`source`: `gazetteer` or `rule`), the context rule that
/// decided (`rule`), and with the `flag` policy the longer name it sits in
/// (`enclosing`, code points).
///
/// Holds Python strings, so reading an attribute creates nothing (but
/// `alternatives`, a fresh list each time, and `enclosing`, a fresh tuple).
#[pyclass(frozen, module = "dateline", name = "Entity")]
pub struct PyEntity {
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    label: Py<PyString>,
    #[pyo3(get)]
    id: Py<PyString>,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// `(label, id)` tuples; `None` when there are none.
    alternatives: Option<Py<PyTuple>>,
    /// `gazetteer` or `rule`, interned.
    #[pyo3(get)]
    source: Py<PyString>,
    #[pyo3(get)]
    rule: Option<Py<PyString>>,
    #[pyo3(get)]
    enclosing: Option<(usize, usize)>,
}

/// A `source` argument: the words `Entity.source` holds.
fn source_named<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyString>> {
    match name {
        "gazetteer" => Ok(strings::source(py, Source::Gazetteer)),
        "rule" => Ok(strings::source(py, Source::Rule)),
        _ => Err(value_error(format!(
            "unknown entity source {name:?}: expected 'gazetteer' or 'rule'"
        ))),
    }
}

#[pymethods]
impl PyEntity {
    #[new]
    #[pyo3(
        signature = (text, label, id, start, end, alternatives = Vec::new(), source = "gazetteer", rule = None, enclosing = None),
        text_signature = "(text, label, id, start, end, alternatives=(), source='gazetteer', rule=None, enclosing=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        text: Bound<'_, PyString>,
        label: Bound<'_, PyString>,
        id: Bound<'_, PyString>,
        start: usize,
        end: usize,
        alternatives: Vec<(Bound<'_, PyString>, Bound<'_, PyString>)>,
        source: &str,
        rule: Option<Bound<'_, PyString>>,
        enclosing: Option<(usize, usize)>,
    ) -> PyResult<PyEntity> {
        let alternatives = if alternatives.is_empty() {
            None
        } else {
            Some(PyTuple::new(py, alternatives)?.unbind())
        };
        Ok(PyEntity {
            text: text.unbind(),
            label: label.unbind(),
            id: id.unbind(),
            start,
            end,
            alternatives,
            source: source_named(py, source)?.unbind(),
            rule: rule.map(Bound::unbind),
            enclosing,
        })
    }

    #[getter]
    fn alternatives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        match &self.alternatives {
            Some(alternatives) => PyList::new(py, alternatives.bind(py)),
            None => Ok(PyList::empty(py)),
        }
    }

    /// Shows `source`, `rule` and `enclosing` only when they are not the
    /// defaults, so that the common gazetteer entity reads as before.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut repr = format!(
            "Entity(text={}, label={}, id={}, start={}, end={}",
            self.text.bind(py).repr()?,
            self.label.bind(py).repr()?,
            self.id.bind(py).repr()?,
            self.start,
            self.end
        );
        if let Some(alternatives) = &self.alternatives {
            repr += &format!(", alternatives=[{} more]", alternatives.bind(py).len());
        }
        if self.source.bind(py).to_cow()? != Source::Gazetteer.as_str() {
            repr += &format!(", source={}", self.source.bind(py).repr()?);
        }
        if let Some(rule) = &self.rule {
            repr += &format!(", rule={}", rule.bind(py).repr()?);
        }
        if let Some((start, end)) = self.enclosing {
            repr += &format!(", enclosing=({start}, {end})");
        }
        Ok(repr + ")")
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyEntity>() else { return Ok(py.NotImplemented()) };
        let that = other.get();
        let equal = self.start == that.start
            && self.end == that.end
            && self.enclosing == that.enclosing
            && self.__getnewargs__(py)?.eq(that.__getnewargs__(py)?)?;
        Ok(PyBool::new(py, equal).to_owned().into_any().unbind())
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        let alternatives = match &self.alternatives {
            Some(alternatives) => alternatives.bind(py).clone(),
            None => PyTuple::empty(py),
        };
        (
            (&self.text, &self.label, &self.id, self.start, self.end, alternatives),
            (&self.source, &self.rule, self.enclosing),
        )
            .into_pyobject(py)?
            .hash()
    }

    /// The constructor's arguments, all positional, for pickling.
    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (
            &self.text,
            &self.label,
            &self.id,
            self.start,
            self.end,
            self.alternatives(py)?,
            &self.source,
            &self.rule,
            self.enclosing,
        )
            .into_pyobject(py)
    }

    /// The entity as a plain dict, shaped like the CLI's JSON: `rule` and
    /// `enclosing` (a `{"start", "end"}` dict) only when set.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("text", &self.text)?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("label", &self.label)?;
        dict.set_item("id", &self.id)?;
        dict.set_item("source", &self.source)?;
        if let Some(rule) = &self.rule {
            dict.set_item("rule", rule)?;
        }
        if let Some((start, end)) = self.enclosing {
            let enclosing = PyDict::new(py);
            enclosing.set_item("start", start)?;
            enclosing.set_item("end", end)?;
            dict.set_item("enclosing", enclosing)?;
        }
        if let Some(alternatives) = &self.alternatives {
            let alternatives: PyResult<Vec<_>> = alternatives
                .bind(py)
                .iter()
                .map(|pair| {
                    let (label, id): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair.extract()?;
                    let alternative = PyDict::new(py);
                    alternative.set_item("label", label)?;
                    alternative.set_item("id", id)?;
                    Ok(alternative)
                })
                .collect();
            dict.set_item("alternatives", alternatives?)?;
        }
        Ok(dict)
    }
}

impl PyEntity {
    /// What a page shows: code-point offsets, label, id, source and rule.
    pub fn parts(&self, py: Python<'_>) -> PyResult<EntityParts> {
        let owned =
            |s: &Py<PyString>| -> PyResult<String> { Ok(s.bind(py).to_cow()?.into_owned()) };
        Ok(EntityParts {
            start: self.start,
            end: self.end,
            label: owned(&self.label)?,
            id: owned(&self.id)?,
            source: owned(&self.source)?,
            rule: self.rule.as_ref().map(owned).transpose()?,
        })
    }

    /// An entity from a view of Rust results; labels, ids and rules through
    /// `strings`.
    pub fn from_view<'a>(
        py: Python<'_>,
        view: &EntityView<'a>,
        strings: &mut StrCache<'a, '_>,
    ) -> PyResult<PyEntity> {
        let alternatives = if view.alternatives.is_empty() {
            None
        } else {
            let pairs = view.alternatives.iter().map(|a| (strings.get(a.label), strings.get(a.id)));
            Some(PyTuple::new(py, pairs)?.unbind())
        };
        Ok(PyEntity {
            text: PyString::new(py, view.span.text).unbind(),
            label: strings.get(view.label).unbind(),
            id: strings.get(view.id).unbind(),
            start: view.span.start,
            end: view.span.end,
            alternatives,
            source: strings.get(view.source).unbind(),
            rule: view.rule.map(|rule| strings.get(rule).unbind()),
            enclosing: view.enclosing.map(|e| (e.start, e.end)),
        })
    }

    /// An entity from a match read in context, found in `text`; `names`
    /// belongs to the match's gazetteer.
    fn from_resolved(
        py: Python<'_>,
        text: &str,
        found: &Found<'_>,
        names: &mut EntryNames,
    ) -> PyResult<PyEntity> {
        let resolved = &found.entity;
        let (label, id) = match resolved.entry() {
            Some(entry) => names.entry(py, entry),
            // Found by a rule: the rule's label, no id.
            None => (names.label(py, resolved.label()), PyString::intern(py, "")),
        };
        let others: Vec<EntryRef<'_>> = resolved.candidates().skip(1).collect();
        let alternatives = if others.is_empty() {
            None
        } else {
            Some(names.alternatives(py, || others.iter().copied())?.unbind())
        };
        Ok(PyEntity {
            text: PyString::new(py, &text[resolved.span()]).unbind(),
            label: label.unbind(),
            id: id.unbind(),
            start: found.start,
            end: found.end,
            alternatives,
            source: strings::source(py, resolved.source()).unbind(),
            rule: resolved.rule().map(|rule| PyString::intern(py, rule).unbind()),
            enclosing: found.enclosing,
        })
    }
}

/// An entity read in context with code-point offsets, found without the GIL.
struct Found<'g> {
    entity: Resolved<'g>,
    start: usize,
    end: usize,
    enclosing: Option<(usize, usize)>,
}

/// The entities of `text` read in context by `resolver`, with code-point
/// offsets.
fn find_raw<'g>(gazetteer: &'g Gazetteer, resolver: &Resolver, text: &str) -> Vec<Found<'g>> {
    let resolved = resolver.find(gazetteer, text);
    let mut offsets = CharOffsets::new(text);
    // Enclosing names start before the entities in them: a second converter
    // keeps both in ascending order, as `dateline::view::Viewer` does.
    let mut enclosing = CharOffsets::new(text);
    resolved
        .into_iter()
        .map(|entity| {
            let (start, end) = offsets.span(entity.span());
            let enclosing = entity.enclosing().map(|span| enclosing.span(span));
            Found { entity, start, end, enclosing }
        })
        .collect()
}

/// The Python list of `Entity` for the entities of one text.
fn entity_list<'py>(
    py: Python<'py>,
    text: &str,
    found: &[Found<'_>],
    names: &mut EntryNames,
) -> PyResult<Bound<'py, PyList>> {
    let entities = found
        .iter()
        .map(|f| strings::untracked(py, PyEntity::from_resolved(py, text, f, names)?))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, entities)
}

/// A `nested` argument (`drop`, `keep` or `flag`), as the CLI's `--nested`.
pub fn nested_policy(name: &str) -> PyResult<Nested> {
    name.parse().map_err(value_error)
}

/// The resolver for a policy, searching the names of `lang`. English's are
/// made once per process, so `find` on a short text stays as cheap as
/// before context rules; another language's is made per call (a resolver
/// is cheap to make: its rules' matcher is built once per process).
fn resolver(nested: Nested, lang: Lang) -> Cow<'static, Resolver> {
    if lang != Lang::En {
        return Cow::Owned(Resolver::builder().nested(nested).lang(lang).build());
    }
    static RESOLVERS: LazyLock<[Resolver; 3]> = LazyLock::new(|| {
        [Nested::Drop, Nested::Keep, Nested::Flag].map(|n| Resolver::builder().nested(n).build())
    });
    match RESOLVERS.iter().find(|r| r.nested() == nested) {
        Some(resolver) => Cow::Borrowed(resolver),
        // A policy added to the gazetteer crate after this binding was written.
        None => Cow::Owned(Resolver::builder().nested(nested).build()),
    }
}

/// Names mapped to labels and ids, matched on token boundaries.
#[pyclass(frozen, module = "dateline", name = "Gazetteer")]
pub struct PyGazetteer {
    inner: Shared,
    /// Python strings of matched entries, for as long as `inner` lives.
    names: Arc<Mutex<EntryNames>>,
    /// Whether `inner` holds the embedded default's entries (it is the
    /// default, or was built with `include_default=True`).
    includes_default: bool,
    /// `inner` merged with the embedded default, built the first time
    /// `extract` asks for both (`include_default=True`, the default).
    with_default: OnceLock<Arc<Gazetteer>>,
}

/// The embedded default is shared for the whole process and pickles by
/// reference; any other gazetteer pickles as its compiled bytes.
#[derive(Clone)]
pub enum Shared {
    Default,
    Own(Arc<Gazetteer>),
}

impl Shared {
    pub fn get(&self) -> &Gazetteer {
        match self {
            Shared::Default => Gazetteer::embedded(),
            Shared::Own(gazetteer) => gazetteer,
        }
    }
}

impl PyGazetteer {
    pub fn shared(&self) -> Shared {
        self.inner.clone()
    }

    /// This gazetteer with the embedded default's entries: itself when it
    /// has them already, else the two merged (once, then kept), the
    /// default's entries first and this gazetteer's options, as the CLI
    /// merges `--gazetteer` files into the default.
    ///
    /// # Errors
    ///
    /// When the merged entries do not compile (a gazetteer near the size
    /// limits).
    pub fn with_default(&self, py: Python<'_>) -> PyResult<Shared> {
        let Shared::Own(own) = &self.inner else { return Ok(Shared::Default) };
        if self.includes_default {
            return Ok(self.inner.clone());
        }
        if let Some(merged) = self.with_default.get() {
            return Ok(Shared::Own(Arc::clone(merged)));
        }
        let merged = py
            .detach(|| {
                Gazetteer::builder()
                    .accent_folding(own.accent_folding())
                    .case_policy(own.case_policy())
                    .match_kind(own.match_kind())
                    .embedded()
                    .gazetteer(own)
                    .build()
            })
            .map_err(|err| gazetteer_error(py, err))?;
        // Another thread may have merged meanwhile; either result is the same.
        Ok(Shared::Own(Arc::clone(self.with_default.get_or_init(|| Arc::new(merged)))))
    }

    fn own(gazetteer: Gazetteer, includes_default: bool) -> PyGazetteer {
        PyGazetteer {
            inner: Shared::Own(Arc::new(gazetteer)),
            names: Arc::default(),
            includes_default,
            with_default: OnceLock::new(),
        }
    }

    /// Runs `f` with this gazetteer's string cache. The cache is only used
    /// with the GIL held; if it is busy anyway (a finalizer run by the
    /// collector while entities are being made called back into this
    /// gazetteer), `f` gets a fresh one rather than waiting on itself.
    fn with_names<R>(&self, f: impl FnOnce(&mut EntryNames) -> R) -> R {
        match self.names.try_lock() {
            Ok(mut names) => f(&mut names),
            Err(TryLockError::Poisoned(poisoned)) => f(&mut poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => f(&mut EntryNames::default()),
        }
    }
}

/// The string cache of the embedded default gazetteer, shared by every
/// `Gazetteer.default()`.
static DEFAULT_NAMES: LazyLock<Arc<Mutex<EntryNames>>> = LazyLock::new(Arc::default);

/// A `case` argument, read as gazetteer files are (`exact`, `fold` or
/// `auto`, ignoring ASCII case and surrounding spaces); `sensitive` and
/// `insensitive`, this module's earlier words, are kept as aliases of
/// `exact` and `fold`, as the file loader keeps them.
fn case_policy(name: &str) -> PyResult<CasePolicy> {
    match name.trim().to_ascii_lowercase().as_str() {
        "exact" | "sensitive" => Ok(CasePolicy::Sensitive),
        "fold" | "insensitive" => Ok(CasePolicy::Insensitive),
        "auto" => Ok(CasePolicy::Auto),
        _ => Err(value_error(format!(
            "unknown case {name:?}: expected 'exact', 'fold' or 'auto' \
             (as in gazetteer files; 'sensitive' and 'insensitive' are aliases \
             of 'exact' and 'fold')"
        ))),
    }
}

/// Builds a gazetteer with the options every constructor shares, with the
/// GIL released; `add` adds the caller's entries after the default's.
fn build(
    py: Python<'_>,
    case: &str,
    accent_folding: bool,
    include_default: bool,
    add: impl FnOnce(&mut GazetteerBuilder) -> Result<(), dateline::gazetteer::Error> + Send,
) -> PyResult<PyGazetteer> {
    let policy = case_policy(case)?;
    let built = py.detach(|| {
        let mut builder = Gazetteer::builder();
        builder.case_policy(policy).accent_folding(accent_folding);
        if include_default {
            builder.embedded();
        }
        add(&mut builder)?;
        builder.build()
    });
    Ok(PyGazetteer::own(built.map_err(|err| gazetteer_error(py, err))?, include_default))
}

/// One entry from a `(name, label, id)` tuple or a dict with the keys of
/// a JSON Lines gazetteer file: `name`, `label`, `id` and optionally
/// `aliases`, `prior` (or `population`) and `case`.
fn entry(item: &Bound<'_, PyAny>) -> PyResult<Entry> {
    if let Ok(tuple) = item.cast::<PyTuple>() {
        let (name, label, id): (String, String, String) = tuple.extract()?;
        return Ok(Entry::new(name, label, id));
    }
    let Ok(dict) = item.cast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "a gazetteer entry is a (name, label, id) tuple or a dict, not {}",
            item.get_type().name()?
        )));
    };
    let field = |key: &str| -> PyResult<String> {
        dict.get_item(key)?
            .ok_or_else(|| value_error(format!("a gazetteer entry dict needs {key:?}")))?
            .extract()
    };
    let mut entry = Entry::new(field("name")?, field("label")?, field("id")?);
    if let Some(aliases) = dict.get_item("aliases")? {
        entry = entry.with_aliases(aliases.extract::<Vec<String>>()?);
    }
    let prior = match dict.get_item("prior")? {
        Some(prior) => Some(prior),
        None => dict.get_item("population")?,
    };
    if let Some(prior) = prior.filter(|p| !p.is_none()) {
        entry = entry.with_prior(prior.extract()?);
    }
    if let Some(case) = dict.get_item("case")?.filter(|c| !c.is_none()) {
        entry = entry.with_case(case_policy(&case.extract::<String>()?)?);
    }
    Ok(entry)
}

#[pymethods]
impl PyGazetteer {
    /// A gazetteer from `(name, label, id)` tuples or entry dicts,
    /// optionally with the embedded default's entries first.
    #[new]
    #[pyo3(
        signature = (entries, *, case = "fold".to_owned(), accent_folding = true, include_default = false),
        text_signature = "(entries, *, case='fold', accent_folding=True, include_default=False)"
    )]
    fn new(
        py: Python<'_>,
        entries: &Bound<'_, PyAny>,
        case: String,
        accent_folding: bool,
        include_default: bool,
    ) -> PyResult<PyGazetteer> {
        if entries.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "Gazetteer(entries) takes an iterable of (name, label, id) tuples or dicts, \
                 not a str; for a file, use Gazetteer.from_file(path)",
            ));
        }
        let entries: Vec<Entry> =
            entries.try_iter()?.map(|item| entry(&item?)).collect::<PyResult<_>>()?;
        build(py, &case, accent_folding, include_default, |builder| {
            builder.entries(entries);
            Ok(())
        })
    }

    /// The embedded default gazetteer: countries, demonyms, cities and
    /// international organizations.
    #[staticmethod]
    fn default(py: Python<'_>) -> PyGazetteer {
        py.detach(Gazetteer::embedded);
        PyGazetteer {
            inner: Shared::Default,
            names: Arc::clone(&DEFAULT_NAMES),
            includes_default: true,
            with_default: OnceLock::new(),
        }
    }

    /// A gazetteer from a TSV or JSON Lines file, optionally with the default.
    #[staticmethod]
    #[pyo3(
        signature = (path, *, case = "fold".to_owned(), accent_folding = true, include_default = false),
        text_signature = "(path, *, case='fold', accent_folding=True, include_default=False)"
    )]
    fn from_file(
        py: Python<'_>,
        path: PathBuf,
        case: String,
        accent_folding: bool,
        include_default: bool,
    ) -> PyResult<PyGazetteer> {
        build(py, &case, accent_folding, include_default, |builder| {
            builder.add_file(&path)?;
            Ok(())
        })
    }

    /// A gazetteer saved with `save`.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyGazetteer> {
        let loaded =
            py.detach(|| Gazetteer::load(&path)).map_err(|err| gazetteer_error(py, err))?;
        Ok(PyGazetteer::own(loaded, false))
    }

    /// Saves the compiled gazetteer, for a quick `load`.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let gazetteer = self.inner.clone();
        py.detach(|| gazetteer.get().save(&path)).map_err(|err| gazetteer_error(py, err))
    }

    /// One gazetteer from several TSV or JSON Lines files, in order, as the
    /// CLI's repeated `--gazetteer FILE` builds one; optionally with the
    /// default's entries first.
    #[staticmethod]
    #[pyo3(
        signature = (paths, *, case = "fold".to_owned(), accent_folding = true, include_default = false),
        text_signature = "(paths, *, case='fold', accent_folding=True, include_default=False)"
    )]
    fn from_files(
        py: Python<'_>,
        paths: &Bound<'_, PyAny>,
        case: String,
        accent_folding: bool,
        include_default: bool,
    ) -> PyResult<PyGazetteer> {
        if paths.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "Gazetteer.from_files(paths) takes a list of paths, not a str; \
                 for one file, use Gazetteer.from_file(path)",
            ));
        }
        let paths: Vec<PathBuf> =
            paths.try_iter()?.map(|path| path?.extract()).collect::<PyResult<_>>()?;
        build(py, &case, accent_folding, include_default, |builder| {
            for path in &paths {
                builder.add_file(path)?;
            }
            Ok(())
        })
    }

    /// The entities in `text`, leftmost-longest, read in context as the
    /// CLI's `entities` reads them: a match inside a longer capitalized
    /// name ("US" in "US Navy") follows `nested` (`drop`: left out, and the
    /// longer name reported when its head word types it, "US Navy" `ORG`
    /// with `rule="head:org"`; `keep`: reported as found; `flag`: reported
    /// with the longer name's offsets as `enclosing`); cities used as clubs
    /// and namesakes ("Portland, Maine") are read by their neighbours.
    ///
    /// `lang` is the text's language (`None`: English), as the CLI's
    /// `--lang`: it decides which names apply (Spanish "china" is Chinese,
    /// English "china" porcelain).
    #[pyo3(
        signature = (text, *, nested = "drop", lang = None),
        text_signature = "($self, text, *, nested='drop', lang=None)"
    )]
    fn find<'py>(
        &self,
        py: Python<'py>,
        text: String,
        nested: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let lang = crate::lang::lang(lang, "Gazetteer.find")?;
        let resolver = resolver(nested_policy(nested)?, lang);
        let gazetteer = self.inner.get();
        let found = py.detach(|| find_raw(gazetteer, &resolver, &text));
        self.with_names(|names| entity_list(py, &text, &found, names))
    }

    /// The entities of each text, computed in parallel; in input order.
    /// Read in context as `find` reads them, with the same `nested` policy.
    ///
    /// `texts` is any iterable of `str` (a list, a generator, ...), read in
    /// chunks of [`CHUNK`](crate::texts::CHUNK) texts so that only one chunk is held in Rust at a
    /// time. `lang` is `find`'s.
    #[pyo3(
        signature = (texts, *, nested = "drop", lang = None),
        text_signature = "($self, texts, *, nested='drop', lang=None)"
    )]
    fn find_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        nested: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let lang = crate::lang::lang(lang, "Gazetteer.find_many")?;
        let resolver = resolver(nested_policy(nested)?, lang);
        let resolver = resolver.as_ref();
        let gazetteer = self.inner.get();
        let results = PyList::empty(py);
        let mut texts = Texts::new(texts, "find_many", "find")?;
        while let Some(chunk) = texts.next_chunk()? {
            // Matching, rules and offsets run in parallel without the GIL;
            // only the Python objects are made with it, sharing label and id
            // strings.
            let found: Vec<Vec<Found<'_>>> = py.detach(|| {
                parallel::run(|| {
                    chunk.texts.par_iter().map(|text| find_raw(gazetteer, resolver, text)).collect()
                })
            })?;
            self.with_names(|names| {
                for (text, found) in chunk.texts.iter().zip(&found) {
                    results.append(entity_list(py, text, found, names)?)?;
                }
                Ok::<_, PyErr>(())
            })?;
        }
        Ok(results)
    }

    fn __len__(&self) -> usize {
        self.inner.get().len()
    }

    fn __repr__(&self) -> String {
        match &self.inner {
            Shared::Default => format!("Gazetteer.default()  # {} entries", self.inner.get().len()),
            Shared::Own(g) => format!("Gazetteer(<{} entries>)", g.len()),
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        match &this.inner {
            Shared::Default => {
                let default = py.get_type::<PyGazetteer>().getattr("default")?;
                PyTuple::new(py, [default.into_any(), PyTuple::empty(py).into_any()])
            }
            Shared::Own(gazetteer) => {
                let bytes =
                    py.detach(|| gazetteer.to_bytes()).map_err(|err| gazetteer_error(py, err))?;
                let rebuild = py.import("dateline._dateline")?.getattr("_gazetteer_from_bytes")?;
                let args = (PyBytes::new(py, &bytes), this.includes_default).into_pyobject(py)?;
                PyTuple::new(py, [rebuild.into_any(), args.into_any()])
            }
        }
    }
}

/// Rebuilds a pickled gazetteer from its compiled bytes; `includes_default`
/// says whether it holds the default's entries.
#[pyfunction]
#[pyo3(name = "_gazetteer_from_bytes", signature = (data, includes_default = false))]
pub fn gazetteer_from_bytes(
    py: Python<'_>,
    data: &Bound<'_, PyBytes>,
    includes_default: bool,
) -> PyResult<PyGazetteer> {
    let bytes = data.as_bytes().to_vec();
    let gazetteer =
        py.detach(|| Gazetteer::from_bytes(&bytes)).map_err(|err| gazetteer_error(py, err))?;
    Ok(PyGazetteer::own(gazetteer, includes_default))
}
