//! `extract`, `extract_many` and the `Document` class.

use dateline::{Date, Pipeline};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::dates::{PyTimeExpression, direction, reference_date};
use crate::errors::value_error;
use crate::gazetteer::{PyEntity, PyGazetteer, Shared};
use crate::tokenize::{PySpan, PyToken};

/// One document's results: sentences, entities, dates (and tokens when
/// asked for), all with code-point offsets.
#[pyclass(frozen, eq, hash, get_all, module = "dateline", name = "Document")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PyDocument {
    sentences: Vec<PySpan>,
    entities: Vec<PyEntity>,
    dates: Vec<PyTimeExpression>,
    tokens: Option<Vec<PyToken>>,
}

#[pymethods]
impl PyDocument {
    #[new]
    #[pyo3(signature = (sentences, entities, dates, tokens = None))]
    fn new(
        sentences: Vec<PySpan>,
        entities: Vec<PyEntity>,
        dates: Vec<PyTimeExpression>,
        tokens: Option<Vec<PyToken>>,
    ) -> PyDocument {
        PyDocument { sentences, entities, dates, tokens }
    }

    /// The results as plain dicts and lists, shaped like the CLI's JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let sentences: PyResult<Vec<_>> = self.sentences.iter().map(|s| s.to_dict(py)).collect();
        dict.set_item("sentences", PyList::new(py, sentences?)?)?;
        let entities: PyResult<Vec<_>> = self.entities.iter().map(|e| e.to_dict(py)).collect();
        dict.set_item("entities", PyList::new(py, entities?)?)?;
        let dates: PyResult<Vec<_>> = self.dates.iter().map(|d| d.to_dict(py)).collect();
        dict.set_item("dates", PyList::new(py, dates?)?)?;
        if let Some(tokens) = &self.tokens {
            let tokens: PyResult<Vec<_>> = tokens
                .iter()
                .map(|t| {
                    let token = PyDict::new(py);
                    let (text, start, end, kind) = t.fields();
                    token.set_item("text", text)?;
                    token.set_item("start", start)?;
                    token.set_item("end", end)?;
                    token.set_item("kind", kind)?;
                    Ok(token)
                })
                .collect();
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

    #[allow(clippy::type_complexity)]
    fn __getnewargs__(
        &self,
    ) -> (Vec<PySpan>, Vec<PyEntity>, Vec<PyTimeExpression>, Option<Vec<PyToken>>) {
        let this = self.clone();
        (this.sentences, this.entities, this.dates, this.tokens)
    }
}

impl PyDocument {
    fn from_rust(document: &dateline::Document, text: &str) -> PyDocument {
        let view = document.view(text);
        PyDocument {
            sentences: view.sentences.into_iter().map(Into::into).collect(),
            entities: view.entities.into_iter().map(Into::into).collect(),
            dates: view.dates.into_iter().map(Into::into).collect(),
            tokens: view.tokens.map(|tokens| tokens.into_iter().map(Into::into).collect()),
        }
    }
}

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
    Ok(py.detach(|| PyDocument::from_rust(&pipeline.process(&text, reference), &text)))
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
    Ok(py.detach(|| {
        let documents: Vec<(String, Date)> = texts.into_iter().zip(references).collect();
        let results = pipeline.process_batch(&documents);
        results
            .iter()
            .zip(&documents)
            .map(|(result, (text, _))| PyDocument::from_rust(result, text))
            .collect()
    }))
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
