//! The `Gazetteer` and `Entity` classes.

use std::path::PathBuf;
use std::sync::Arc;

use dateline::gazetteer::CasePolicy;
use dateline::view::{EntityView, Viewer};
use dateline::{Entry, Gazetteer};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

use crate::errors::{gazetteer_error, value_error};
use crate::py_repr;

/// A gazetteer match: text, best label and id, code-point offsets, and the
/// other candidates for the same name as `(label, id)` pairs.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "dateline", name = "Entity")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PyEntity {
    text: String,
    label: String,
    id: String,
    start: usize,
    end: usize,
    alternatives: Vec<(String, String)>,
}

#[pymethods]
impl PyEntity {
    #[new]
    #[pyo3(
        signature = (text, label, id, start, end, alternatives = Vec::new()),
        text_signature = "(text, label, id, start, end, alternatives=())"
    )]
    fn new(
        text: String,
        label: String,
        id: String,
        start: usize,
        end: usize,
        alternatives: Vec<(String, String)>,
    ) -> PyEntity {
        PyEntity { text, label, id, start, end, alternatives }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut repr = format!(
            "Entity(text={}, label={}, id={}, start={}, end={}",
            py_repr(py, &self.text)?,
            py_repr(py, &self.label)?,
            py_repr(py, &self.id)?,
            self.start,
            self.end
        );
        if !self.alternatives.is_empty() {
            repr += &format!(", alternatives=[{} more]", self.alternatives.len());
        }
        Ok(repr + ")")
    }

    fn __getnewargs__(&self) -> (String, String, String, usize, usize, Vec<(String, String)>) {
        let this = self.clone();
        (this.text, this.label, this.id, this.start, this.end, this.alternatives)
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
        if !self.alternatives.is_empty() {
            let alternatives: PyResult<Vec<_>> = self
                .alternatives
                .iter()
                .map(|(label, id)| {
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

impl From<EntityView<'_>> for PyEntity {
    fn from(view: EntityView<'_>) -> PyEntity {
        PyEntity {
            text: view.span.text.to_owned(),
            label: view.label.to_owned(),
            id: view.id.to_owned(),
            start: view.span.start,
            end: view.span.end,
            alternatives: view
                .alternatives
                .iter()
                .map(|a| (a.label.to_owned(), a.id.to_owned()))
                .collect(),
        }
    }
}

/// Names mapped to labels and ids, matched on token boundaries.
#[pyclass(frozen, module = "dateline", name = "Gazetteer")]
pub struct PyGazetteer {
    inner: Shared,
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
}

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
        Ok(PyGazetteer {
            inner: Shared::Own(Arc::new(built.map_err(|err| gazetteer_error(py, err))?)),
        })
    }

    /// The embedded default gazetteer: countries, demonyms, cities and
    /// international organizations.
    #[staticmethod]
    fn default(py: Python<'_>) -> PyGazetteer {
        py.detach(Gazetteer::embedded);
        PyGazetteer { inner: Shared::Default }
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
        Ok(PyGazetteer {
            inner: Shared::Own(Arc::new(built.map_err(|err| gazetteer_error(py, err))?)),
        })
    }

    /// A gazetteer saved with `save`.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyGazetteer> {
        let loaded =
            py.detach(|| Gazetteer::load(&path)).map_err(|err| gazetteer_error(py, err))?;
        Ok(PyGazetteer { inner: Shared::Own(Arc::new(loaded)) })
    }

    /// Saves the compiled gazetteer, for a quick `load`.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let gazetteer = self.inner.clone();
        py.detach(|| gazetteer.get().save(&path)).map_err(|err| gazetteer_error(py, err))
    }

    /// The entities in `text`, leftmost-longest.
    fn find(&self, py: Python<'_>, text: String) -> Vec<PyEntity> {
        let gazetteer = self.inner.clone();
        py.detach(|| find_in(gazetteer.get(), &text))
    }

    /// The entities of each text, computed in parallel; in input order.
    fn find_many(&self, py: Python<'_>, texts: Vec<String>) -> Vec<Vec<PyEntity>> {
        let gazetteer = self.inner.clone();
        py.detach(|| {
            let found = dateline::find_entities_batch(gazetteer.get(), &texts);
            found
                .iter()
                .zip(&texts)
                .map(|(entities, text)| {
                    let mut viewer = Viewer::new(text);
                    entities.iter().map(|e| viewer.entity(e).into()).collect()
                })
                .collect()
        })
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

fn find_in(gazetteer: &Gazetteer, text: &str) -> Vec<PyEntity> {
    let mut viewer = Viewer::new(text);
    dateline::find_entities(gazetteer, text).iter().map(|e| viewer.entity(e).into()).collect()
}

/// Rebuilds a pickled gazetteer from its compiled bytes.
#[pyfunction]
#[pyo3(name = "_gazetteer_from_bytes")]
pub fn gazetteer_from_bytes(py: Python<'_>, data: &Bound<'_, PyBytes>) -> PyResult<PyGazetteer> {
    let bytes = data.as_bytes().to_vec();
    let gazetteer =
        py.detach(|| Gazetteer::from_bytes(&bytes)).map_err(|err| gazetteer_error(py, err))?;
    Ok(PyGazetteer { inner: Shared::Own(Arc::new(gazetteer)) })
}
