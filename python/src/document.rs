//! `extract`, `extract_many` and the `Document` class.

use dateline::{Date, Pipeline};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyTuple};

use crate::dates::{PyTimeExpression, direction, reference_date};
use crate::errors::value_error;
use crate::gazetteer::{PyEntity, PyGazetteer, Shared};
use crate::strings::{self, StrCache};
use crate::tokenize::{PySpan, PyToken};

/// One document's results: sentences, entities, dates (and tokens when
/// asked for), all with code-point offsets.
#[pyclass(frozen, module = "dateline", name = "Document")]
pub struct PyDocument {
    sentences: Vec<PySpan>,
    entities: Vec<Py<PyEntity>>,
    dates: Vec<PyTimeExpression>,
    tokens: Option<Vec<Py<PyToken>>>,
}

#[pymethods]
impl PyDocument {
    #[new]
    #[pyo3(signature = (sentences, entities, dates, tokens = None))]
    fn new(
        sentences: Vec<PySpan>,
        entities: Vec<Py<PyEntity>>,
        dates: Vec<PyTimeExpression>,
        tokens: Option<Vec<Py<PyToken>>>,
    ) -> PyDocument {
        PyDocument { sentences, entities, dates, tokens }
    }

    #[getter]
    fn sentences(&self) -> Vec<PySpan> {
        self.sentences.clone()
    }

    #[getter]
    fn entities(&self, py: Python<'_>) -> Vec<Py<PyEntity>> {
        self.entities.iter().map(|e| e.clone_ref(py)).collect()
    }

    #[getter]
    fn dates(&self) -> Vec<PyTimeExpression> {
        self.dates.clone()
    }

    #[getter]
    fn tokens(&self, py: Python<'_>) -> Option<Vec<Py<PyToken>>> {
        self.tokens.as_ref().map(|tokens| tokens.iter().map(|t| t.clone_ref(py)).collect())
    }

    /// The results as plain dicts and lists, shaped like the CLI's JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let sentences: PyResult<Vec<_>> = self.sentences.iter().map(|s| s.to_dict(py)).collect();
        dict.set_item("sentences", PyList::new(py, sentences?)?)?;
        let entities: PyResult<Vec<_>> =
            self.entities.iter().map(|e| e.get().to_dict(py)).collect();
        dict.set_item("entities", PyList::new(py, entities?)?)?;
        let dates: PyResult<Vec<_>> = self.dates.iter().map(|d| d.to_dict(py)).collect();
        dict.set_item("dates", PyList::new(py, dates?)?)?;
        if let Some(tokens) = &self.tokens {
            let tokens: PyResult<Vec<_>> = tokens.iter().map(|t| t.get().to_dict(py)).collect();
            dict.set_item("tokens", PyList::new(py, tokens?)?)?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Document(<{} sentences, {} entities, {} dates{}>)",
            self.sentences.len(),
            self.entities.len(),
            self.dates.len(),
            self.tokens.as_ref().map_or(String::new(), |t| format!(", {} tokens", t.len()))
        )
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyDocument>() else { return Ok(py.NotImplemented()) };
        let that = other.get();
        let tokens_equal = match (&self.tokens, &that.tokens) {
            (Some(a), Some(b)) => equal_objects(py, a, b)?,
            (a, b) => a.is_none() && b.is_none(),
        };
        let equal = self.sentences == that.sentences
            && self.dates == that.dates
            && tokens_equal
            && equal_objects(py, &self.entities, &that.entities)?;
        Ok(PyBool::new(py, equal).to_owned().into_any().unbind())
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        let tokens = match &self.tokens {
            Some(tokens) => PyTuple::new(py, tokens)?.into_any(),
            None => py.None().into_bound(py),
        };
        (
            PyTuple::new(py, self.sentences.clone())?,
            PyTuple::new(py, &self.entities)?,
            PyTuple::new(py, self.dates.clone())?,
            tokens,
        )
            .into_pyobject(py)?
            .hash()
    }

    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (self.sentences(), self.entities(py), self.dates(), self.tokens(py)).into_pyobject(py)
    }
}

/// Whether two lists of Python objects are equal item by item (Python's
/// `==` on each pair).
fn equal_objects<T>(py: Python<'_>, a: &[Py<T>], b: &[Py<T>]) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (x, y) in a.iter().zip(b) {
        if !x.bind(py).as_any().eq(y.bind(py).as_any())? {
            return Ok(false);
        }
    }
    Ok(true)
}

impl PyDocument {
    fn from_rust<'a>(
        py: Python<'_>,
        document: &'a dateline::Document,
        text: &'a str,
        strings: &mut StrCache<'a, '_>,
    ) -> PyResult<PyDocument> {
        let view = document.view(text);
        let entities = view
            .entities
            .iter()
            .map(|e| Ok(strings::untracked(py, PyEntity::from_view(py, e, strings)?)?.unbind()))
            .collect::<PyResult<_>>()?;
        let tokens = match &view.tokens {
            Some(tokens) => Some(
                tokens
                    .iter()
                    .map(|t| Ok(strings::untracked(py, PyToken::from_view(py, t))?.unbind()))
                    .collect::<PyResult<_>>()?,
            ),
            None => None,
        };
        Ok(PyDocument {
            sentences: view.sentences.into_iter().map(Into::into).collect(),
            entities,
            dates: view.dates.into_iter().map(Into::into).collect(),
            tokens,
        })
    }
}

/// The pipeline for these settings. Cheap to build: it shares the
/// gazetteer (an `Arc`, or the process-wide default) and the date lexicons
/// `dateline-dates` compiles once per process.
fn pipeline(
    gazetteer: Option<&Bound<'_, PyGazetteer>>,
    direction: &str,
    tokens: bool,
) -> PyResult<Pipeline> {
    let mut builder = Pipeline::builder();
    builder.direction(self::direction(direction)?).tokens(tokens);
    if let Some(Shared::Own(gazetteer)) = gazetteer.map(|g| g.get().shared()) {
        builder.gazetteer(gazetteer);
    }
    builder.build().map_err(value_error)
}

/// Sentences, entities and dates of `text`.
#[pyfunction]
#[pyo3(
    signature = (text, reference_date = None, *, gazetteer = None, direction = "context".to_owned(), tokens = false),
    text_signature = "(text, reference_date=None, *, gazetteer=None, direction='context', tokens=False)"
)]
pub fn extract(
    py: Python<'_>,
    text: String,
    reference_date: Option<&Bound<'_, PyAny>>,
    gazetteer: Option<&Bound<'_, PyGazetteer>>,
    direction: String,
    tokens: bool,
) -> PyResult<PyDocument> {
    let reference = self::reference_date(reference_date)?;
    let pipeline = pipeline(gazetteer, &direction, tokens)?;
    let document = py.detach(|| pipeline.process(&text, reference));
    PyDocument::from_rust(py, &document, &text, &mut StrCache::new(py))
}

/// `extract` over many texts, in parallel; results in input order.
/// `reference_date` is one date for all, or a sequence with one per text.
#[pyfunction]
#[pyo3(
    signature = (texts, reference_date = None, *, gazetteer = None, direction = "context".to_owned(), tokens = false),
    text_signature = "(texts, reference_date=None, *, gazetteer=None, direction='context', tokens=False)"
)]
pub fn extract_many(
    py: Python<'_>,
    texts: Vec<String>,
    reference_date: Option<&Bound<'_, PyAny>>,
    gazetteer: Option<&Bound<'_, PyGazetteer>>,
    direction: String,
    tokens: bool,
) -> PyResult<Vec<PyDocument>> {
    let references = reference_dates(reference_date, texts.len())?;
    let pipeline = pipeline(gazetteer, &direction, tokens)?;
    let documents: Vec<(String, Date)> = texts.into_iter().zip(references).collect();
    let results = py.detach(|| pipeline.process_batch(&documents));
    let mut strings = StrCache::new(py);
    results
        .iter()
        .zip(&documents)
        .map(|(result, (text, _))| PyDocument::from_rust(py, result, text, &mut strings))
        .collect()
}

/// One reference date for every text, or one per text from a list or tuple.
fn reference_dates(value: Option<&Bound<'_, PyAny>>, count: usize) -> PyResult<Vec<Date>> {
    match value {
        Some(v) if v.is_instance_of::<PyList>() || v.is_instance_of::<pyo3::types::PyTuple>() => {
            let items: Vec<Bound<'_, PyAny>> = v.extract()?;
            if items.len() != count {
                return Err(value_error(format!(
                    "reference_date has {} dates for {count} texts",
                    items.len()
                )));
            }
            items.iter().map(|item| reference_date(Some(item))).collect()
        }
        other => Ok(vec![reference_date(other)?; count]),
    }
}
