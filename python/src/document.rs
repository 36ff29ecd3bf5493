//! `extract`, `extract_many` and the `Document` class.

use dateline::{Date, Mode, Pipeline};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple};

use crate::dates::{PyTimeExpression, direction, reference_date};
use crate::errors::value_error;
use crate::gazetteer::{PyEntity, PyGazetteer, Shared, nested_policy};
use crate::parallel;
use crate::strings::{self, StrCache};
use crate::texts::Texts;
use crate::tokenize::{PySpan, PyTokens};

/// One document's results: sentences, entities, dates (and tokens when
/// asked for, as `Tokens`, the type `tokenize` returns), all with
/// code-point offsets.
#[pyclass(frozen, module = "dateline", name = "Document")]
pub struct PyDocument {
    sentences: Vec<PySpan>,
    entities: Vec<Py<PyEntity>>,
    dates: Vec<PyTimeExpression>,
    tokens: Option<Py<PyTokens>>,
}

#[pymethods]
impl PyDocument {
    #[new]
    #[pyo3(signature = (sentences, entities, dates, tokens = None))]
    fn new(
        sentences: Vec<PySpan>,
        entities: Vec<Py<PyEntity>>,
        dates: Vec<PyTimeExpression>,
        tokens: Option<Py<PyTokens>>,
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
    fn tokens(&self, py: Python<'_>) -> Option<Py<PyTokens>> {
        self.tokens.as_ref().map(|tokens| tokens.clone_ref(py))
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
            dict.set_item("tokens", tokens.get().to_dicts(py)?)?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Document(<{} sentences, {} entities, {} dates{}>)",
            self.sentences.len(),
            self.entities.len(),
            self.dates.len(),
            self.tokens.as_ref().map_or(String::new(), |t| format!(", {} tokens", t.get().len()))
        )
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyDocument>() else { return Ok(py.NotImplemented()) };
        let that = other.get();
        let tokens_equal = match (&self.tokens, &that.tokens) {
            (Some(a), Some(b)) => a.bind(py).as_any().eq(b.bind(py))?,
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
            // `Tokens`, like a list, is unhashable; its `Token`s are.
            Some(tokens) => {
                PyTuple::new(py, tokens.bind(py).try_iter()?.collect::<PyResult<Vec<_>>>()?)?
                    .into_any()
            }
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
    /// The Python view of a pipeline's document; `text` is the document's
    /// text as the caller passed it, `rust_text` the same as a `&str`.
    fn from_rust<'a>(
        py: Python<'_>,
        document: &'a dateline::Document,
        text: &Bound<'_, PyString>,
        rust_text: &'a str,
        strings: &mut StrCache<'a, '_>,
    ) -> PyResult<PyDocument> {
        let view = document.view(rust_text);
        let entities = view
            .entities
            .iter()
            .map(|e| Ok(strings::untracked(py, PyEntity::from_view(py, e, strings)?)?.unbind()))
            .collect::<PyResult<_>>()?;
        let tokens = match &document.tokens {
            Some(tokens) => Some(Py::new(py, PyTokens::from_rust(text, rust_text, tokens))?),
            None => None,
        };
        Ok(PyDocument {
            sentences: view.sentences.into_iter().map(Into::into).collect(),
            entities,
            dates: view
                .dates
                .into_iter()
                .zip(&document.dates)
                .map(|(view, date)| PyTimeExpression::found(view, date.rule()))
                .collect(),
            tokens,
        })
    }
}

/// The options `extract` and `extract_many` share, as the CLI's `extract`
/// has them (`tests/test_parity.py` checks that the two stay in step).
struct Options<'a, 'py> {
    gazetteer: Option<&'a Bound<'py, PyGazetteer>>,
    include_default: bool,
    nested: &'a str,
    direction: &'a str,
    day_first: bool,
    mode: &'a str,
    tokens: bool,
}

/// The pipeline for these options. Cheap to build: it shares the
/// gazetteer (an `Arc`, or the process-wide default) and the date lexicons
/// `dateline-dates` compiles once per process.
///
/// The gazetteer is the caller's merged with the embedded default unless
/// `include_default` is false, as `dateline extract --gazetteer FILE` adds
/// FILE to the default unless `--no-default-gazetteer` is given.
fn pipeline(py: Python<'_>, options: &Options<'_, '_>) -> PyResult<Pipeline> {
    let mut builder = Pipeline::builder();
    let mode: Mode = options.mode.parse().map_err(value_error)?;
    builder
        .direction(direction(options.direction)?)
        .day_first(options.day_first)
        .mode(mode)
        .nested(nested_policy(options.nested)?)
        .tokens(options.tokens);
    let gazetteer = match (options.gazetteer, options.include_default) {
        (Some(gazetteer), true) => gazetteer.get().with_default(py)?,
        (Some(gazetteer), false) => gazetteer.get().shared(),
        (None, true) => Shared::Default,
        (None, false) => {
            return Err(value_error(
                "include_default=False leaves no gazetteer: pass gazetteer=... as well",
            ));
        }
    };
    if let Shared::Own(gazetteer) = gazetteer {
        builder.gazetteer(gazetteer);
    }
    builder.build().map_err(value_error)
}

/// Sentences, entities and dates of `text`.
///
/// Relative dates resolve against `reference_date` (`"YYYY-MM-DD"`, a
/// `date` or a `datetime`); without one, against today (UTC), with a
/// `ReferenceDateWarning` the first time in a process. `gazetteer` is added
/// to the default gazetteer unless `include_default=False`, as the CLI's
/// `--gazetteer` and `--no-default-gazetteer`. Entities are gazetteer
/// matches read in context; `nested` (`drop`, `keep` or `flag`) says what
/// becomes of a match inside a longer name, as `Gazetteer.find` has it.
/// `nested`, `direction`, `day_first`, `mode` and `tokens` are the CLI's
/// `--nested`, `--direction`, `--day-first`, `--mode` and `--tokens`.
#[pyfunction]
#[pyo3(
    signature = (text, reference_date = None, *, gazetteer = None, include_default = true, nested = "drop".to_owned(), direction = "context".to_owned(), day_first = false, mode = "default".to_owned(), tokens = false),
    text_signature = "(text, reference_date=None, *, gazetteer=None, include_default=True, nested='drop', direction='context', day_first=False, mode='default', tokens=False)"
)]
#[allow(clippy::too_many_arguments)]
pub fn extract(
    py: Python<'_>,
    text: Bound<'_, PyString>,
    reference_date: Option<&Bound<'_, PyAny>>,
    gazetteer: Option<&Bound<'_, PyGazetteer>>,
    include_default: bool,
    nested: String,
    direction: String,
    day_first: bool,
    mode: String,
    tokens: bool,
) -> PyResult<PyDocument> {
    let options = Options {
        gazetteer,
        include_default,
        nested: &nested,
        direction: &direction,
        day_first,
        mode: &mode,
        tokens,
    };
    let pipeline = pipeline(py, &options)?;
    let reference = self::reference_date(py, reference_date)?;
    let rust_text = text.to_cow()?;
    let document = py.detach(|| pipeline.process(&rust_text, reference));
    PyDocument::from_rust(py, &document, &text, &rust_text, &mut StrCache::new(py))
}

/// `extract` over many texts, in parallel; results in input order.
///
/// `texts` is any iterable of `str` (a list, a generator), read in chunks
/// of 1,024 texts; `reference_date` is one date for all, or a list or
/// tuple with one per text. The other options are `extract`'s.
#[pyfunction]
#[pyo3(
    signature = (texts, reference_date = None, *, gazetteer = None, include_default = true, nested = "drop".to_owned(), direction = "context".to_owned(), day_first = false, mode = "default".to_owned(), tokens = false),
    text_signature = "(texts, reference_date=None, *, gazetteer=None, include_default=True, nested='drop', direction='context', day_first=False, mode='default', tokens=False)"
)]
#[allow(clippy::too_many_arguments)]
pub fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    reference_date: Option<&Bound<'py, PyAny>>,
    gazetteer: Option<&Bound<'py, PyGazetteer>>,
    include_default: bool,
    nested: String,
    direction: String,
    day_first: bool,
    mode: String,
    tokens: bool,
) -> PyResult<Bound<'py, PyList>> {
    let options = Options {
        gazetteer,
        include_default,
        nested: &nested,
        direction: &direction,
        day_first,
        mode: &mode,
        tokens,
    };
    let pipeline = pipeline(py, &options)?;
    let mut texts_iter = Texts::new(texts, "extract_many", "extract")?;
    let references = References::new(py, reference_date, texts.len().ok())?;
    let results = PyList::empty(py);
    while let Some(chunk) = texts_iter.next_chunk()? {
        let dates = references.for_chunk(py, chunk.first, chunk.texts.len())?;
        let documents: Vec<(&str, Date)> =
            chunk.texts.iter().map(String::as_str).zip(dates).collect();
        let found = py.detach(|| parallel::run(|| pipeline.process_batch(&documents)))?;
        let mut strings = StrCache::new(py);
        for ((document, text), (rust_text, _)) in found.iter().zip(&chunk.objects).zip(&documents) {
            results.append(PyDocument::from_rust(py, document, text, rust_text, &mut strings)?)?;
        }
    }
    references.check_count(texts_iter.read())?;
    Ok(results)
}

/// The reference dates of a batch: one for every text, or one per text
/// from a list or tuple.
enum References<'py> {
    One(Date),
    PerText(Vec<Bound<'py, PyAny>>),
}

impl<'py> References<'py> {
    /// Reads a `reference_date` argument; `count` is the number of texts
    /// when known up front (a list), to fail before any work.
    fn new(
        py: Python<'py>,
        value: Option<&Bound<'py, PyAny>>,
        count: Option<usize>,
    ) -> PyResult<References<'py>> {
        match value {
            Some(v) if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() => {
                let items: Vec<Bound<'py, PyAny>> = v.extract()?;
                let references = References::PerText(items);
                if let Some(count) = count {
                    references.check_count(count)?;
                }
                Ok(references)
            }
            other => Ok(References::One(reference_date(py, other)?)),
        }
    }

    /// The dates of texts `first..first + len`.
    fn for_chunk(&self, py: Python<'_>, first: usize, len: usize) -> PyResult<Vec<Date>> {
        match self {
            References::One(date) => Ok(vec![*date; len]),
            References::PerText(items) => {
                let Some(items) = items.get(first..first + len) else {
                    return Err(value_error(format!(
                        "reference_date has {} dates for at least {} texts",
                        items.len(),
                        first + len
                    )));
                };
                items.iter().map(|item| reference_date(py, Some(item))).collect()
            }
        }
    }

    /// Whether there was one date per text, `count` texts in all.
    fn check_count(&self, count: usize) -> PyResult<()> {
        match self {
            References::PerText(items) if items.len() != count => Err(value_error(format!(
                "reference_date has {} dates for {count} texts",
                items.len()
            ))),
            _ => Ok(()),
        }
    }
}
