//! The `Gazetteer` and `Entity` classes.

use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex, TryLockError};

use dateline::gazetteer::CasePolicy;
use dateline::view::EntityView;
use dateline::{CharOffsets, EntityMatch, Entry, Gazetteer};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;

use crate::errors::{gazetteer_error, value_error};
use crate::strings::{self, EntryNames, StrCache};

/// A gazetteer match: text, best label and id, code-point offsets, and the
/// other candidates for the same name as `(label, id)` pairs.
///
/// Holds Python strings, so reading an attribute creates nothing (but
/// `alternatives`, a fresh list each time).
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
}

#[pymethods]
impl PyEntity {
    #[new]
    #[pyo3(
        signature = (text, label, id, start, end, alternatives = Vec::new()),
        text_signature = "(text, label, id, start, end, alternatives=())"
    )]
    fn new(
        py: Python<'_>,
        text: Bound<'_, PyString>,
        label: Bound<'_, PyString>,
        id: Bound<'_, PyString>,
        start: usize,
        end: usize,
        alternatives: Vec<(Bound<'_, PyString>, Bound<'_, PyString>)>,
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
        })
    }

    #[getter]
    fn alternatives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        match &self.alternatives {
            Some(alternatives) => PyList::new(py, alternatives.bind(py)),
            None => Ok(PyList::empty(py)),
        }
    }

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
        Ok(repr + ")")
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyEntity>() else { return Ok(py.NotImplemented()) };
        let that = other.get();
        let equal = self.start == that.start
            && self.end == that.end
            && self.__getnewargs__(py)?.eq(that.__getnewargs__(py)?)?;
        Ok(PyBool::new(py, equal).to_owned().into_any().unbind())
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        let alternatives = match &self.alternatives {
            Some(alternatives) => alternatives.bind(py).clone(),
            None => PyTuple::empty(py),
        };
        (&self.text, &self.label, &self.id, self.start, self.end, alternatives)
            .into_pyobject(py)?
            .hash()
    }

    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (&self.text, &self.label, &self.id, self.start, self.end, self.alternatives(py)?)
            .into_pyobject(py)
    }
}

impl PyEntity {
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("text", &self.text)?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("label", &self.label)?;
        dict.set_item("id", &self.id)?;
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

    /// An entity from a view of Rust results; labels and ids through `strings`.
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
        })
    }

    /// An entity from a gazetteer match at code points `start..end` of
    /// `text`; `names` belongs to the match's gazetteer.
    fn from_match(
        py: Python<'_>,
        text: &str,
        found: &Found<'_>,
        names: &mut EntryNames,
    ) -> PyResult<PyEntity> {
        let m = &found.entity;
        let (label, id) = names.entry(py, m.entry());
        let alternatives = if m.candidates().len() > 1 {
            Some(names.alternatives(py, || m.candidates().skip(1))?.unbind())
        } else {
            None
        };
        Ok(PyEntity {
            text: PyString::new(py, &text[m.span()]).unbind(),
            label: label.unbind(),
            id: id.unbind(),
            start: found.start,
            end: found.end,
            alternatives,
        })
    }
}

/// A gazetteer match with code-point offsets, found without the GIL.
struct Found<'g> {
    entity: EntityMatch<'g>,
    start: usize,
    end: usize,
}

/// The matches of `text`, with code-point offsets.
fn find_raw<'g>(gazetteer: &'g Gazetteer, text: &str) -> Vec<Found<'g>> {
    let mut offsets = CharOffsets::new(text);
    gazetteer
        .find_iter(text)
        .map(|entity| {
            let (start, end) = offsets.span(entity.span());
            Found { entity, start, end }
        })
        .collect()
}

/// The Python list of `Entity` for the matches of one text.
fn entity_list<'py>(
    py: Python<'py>,
    text: &str,
    found: &[Found<'_>],
    names: &mut EntryNames,
) -> PyResult<Bound<'py, PyList>> {
    let entities = found
        .iter()
        .map(|f| strings::untracked(py, PyEntity::from_match(py, text, f, names)?))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, entities)
}

/// Names mapped to labels and ids, matched on token boundaries.
#[pyclass(frozen, module = "dateline", name = "Gazetteer")]
pub struct PyGazetteer {
    inner: Shared,
    /// Python strings of matched entries, for as long as `inner` lives.
    names: Arc<Mutex<EntryNames>>,
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

    fn own(gazetteer: Gazetteer) -> PyGazetteer {
        PyGazetteer { inner: Shared::Own(Arc::new(gazetteer)), names: Arc::default() }
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

fn case_policy(name: &str) -> PyResult<CasePolicy> {
    match name {
        "auto" => Ok(CasePolicy::Auto),
        "insensitive" => Ok(CasePolicy::Insensitive),
        "sensitive" => Ok(CasePolicy::Sensitive),
        other => Err(value_error(format!(
            "unknown case {other:?}: expected 'auto', 'insensitive' or 'sensitive'"
        ))),
    }
}

/// One entry from a `(name, label, id)` tuple or a dict with `name`,
/// `label`, `id` and optionally `aliases`, `prior` and `case`.
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
    if let Some(prior) = dict.get_item("prior")?.filter(|p| !p.is_none()) {
        entry = entry.with_prior(prior.extract()?);
    }
    if let Some(case) = dict.get_item("case")?.filter(|c| !c.is_none()) {
        entry = entry.with_case(case_policy(&case.extract::<String>()?)?);
    }
    Ok(entry)
}

#[pymethods]
impl PyGazetteer {
    /// A gazetteer from `(name, label, id)` tuples or entry dicts.
    #[new]
    #[pyo3(
        signature = (entries, *, case = "auto".to_owned(), accent_folding = false),
        text_signature = "(entries, *, case='auto', accent_folding=False)"
    )]
    fn new(
        py: Python<'_>,
        entries: &Bound<'_, PyAny>,
        case: String,
        accent_folding: bool,
    ) -> PyResult<PyGazetteer> {
        let policy = case_policy(&case)?;
        let entries: Vec<Entry> =
            entries.try_iter()?.map(|item| entry(&item?)).collect::<PyResult<_>>()?;
        let built = py.detach(|| {
            Gazetteer::builder()
                .case_policy(policy)
                .accent_folding(accent_folding)
                .entries(entries)
                .build()
        });
        Ok(PyGazetteer::own(built.map_err(|err| gazetteer_error(py, err))?))
    }

    /// The embedded default gazetteer: countries, demonyms, cities and
    /// international organizations.
    #[staticmethod]
    fn default(py: Python<'_>) -> PyGazetteer {
        py.detach(Gazetteer::embedded);
        PyGazetteer { inner: Shared::Default, names: Arc::clone(&DEFAULT_NAMES) }
    }

    /// A gazetteer from a TSV or JSON Lines file, optionally with the default.
    #[staticmethod]
    #[pyo3(
        signature = (path, *, case = "auto".to_owned(), accent_folding = false, include_default = false),
        text_signature = "(path, *, case='auto', accent_folding=False, include_default=False)"
    )]
    fn from_file(
        py: Python<'_>,
        path: PathBuf,
        case: String,
        accent_folding: bool,
        include_default: bool,
    ) -> PyResult<PyGazetteer> {
        let policy = case_policy(&case)?;
        let built = py.detach(|| {
            let mut builder = Gazetteer::builder();
            builder.case_policy(policy).accent_folding(accent_folding);
            if include_default {
                builder.embedded();
            }
            builder.add_file(&path)?;
            builder.build()
        });
        Ok(PyGazetteer::own(built.map_err(|err| gazetteer_error(py, err))?))
    }

    /// A gazetteer saved with `save`.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyGazetteer> {
        let loaded =
            py.detach(|| Gazetteer::load(&path)).map_err(|err| gazetteer_error(py, err))?;
        Ok(PyGazetteer::own(loaded))
    }

    /// Saves the compiled gazetteer, for a quick `load`.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let gazetteer = self.inner.clone();
        py.detach(|| gazetteer.get().save(&path)).map_err(|err| gazetteer_error(py, err))
    }

    /// The entities in `text`, leftmost-longest.
    fn find<'py>(&self, py: Python<'py>, text: String) -> PyResult<Bound<'py, PyList>> {
        let gazetteer = self.inner.get();
        let found = py.detach(|| find_raw(gazetteer, &text));
        self.with_names(|names| entity_list(py, &text, &found, names))
    }

    /// The entities of each text, computed in parallel; in input order.
    fn find_many<'py>(&self, py: Python<'py>, texts: Vec<String>) -> PyResult<Bound<'py, PyList>> {
        let gazetteer = self.inner.get();
        // Matching and offsets run in parallel without the GIL; only the
        // Python objects are made with it, sharing label and id strings.
        let found: Vec<Vec<Found<'_>>> =
            py.detach(|| texts.par_iter().map(|text| find_raw(gazetteer, text)).collect());
        let lists = self.with_names(|names| {
            texts
                .iter()
                .zip(&found)
                .map(|(text, found)| entity_list(py, text, found, names))
                .collect::<PyResult<Vec<_>>>()
        })?;
        PyList::new(py, lists)
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
                let args = PyTuple::new(py, [PyBytes::new(py, &bytes)])?;
                PyTuple::new(py, [rebuild.into_any(), args.into_any()])
            }
        }
    }
}

/// Rebuilds a pickled gazetteer from its compiled bytes.
#[pyfunction]
#[pyo3(name = "_gazetteer_from_bytes")]
pub fn gazetteer_from_bytes(py: Python<'_>, data: &Bound<'_, PyBytes>) -> PyResult<PyGazetteer> {
    let bytes = data.as_bytes().to_vec();
    let gazetteer =
        py.detach(|| Gazetteer::from_bytes(&bytes)).map_err(|err| gazetteer_error(py, err))?;
    Ok(PyGazetteer::own(gazetteer))
}
