//! `tokenize`, `sentences`, and the `Token` and `Span` classes.

use dateline::view::{TextView, TokenView, Viewer};
use dateline::{Mode, SentenceSplitter, Tokenizer};
use pyo3::prelude::*;

use crate::errors::value_error;
use crate::py_repr;

/// A token: its text, code-point offsets and kind (`word`, `number`, ...).
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "dateline", name = "Token")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PyToken {
    text: String,
    start: usize,
    end: usize,
    kind: String,
}

#[pymethods]
impl PyToken {
    #[new]
    fn new(text: String, start: usize, end: usize, kind: String) -> PyToken {
        PyToken { text, start, end, kind }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Token(text={}, start={}, end={}, kind={})",
            py_repr(py, &self.text)?,
            self.start,
            self.end,
            py_repr(py, &self.kind)?
        ))
    }

    fn __getnewargs__(&self) -> (String, usize, usize, String) {
        (self.text.clone(), self.start, self.end, self.kind.clone())
    }
}

impl PyToken {
    pub fn fields(&self) -> (&str, usize, usize, &str) {
        (&self.text, self.start, self.end, &self.kind)
    }
}

impl From<TokenView<'_>> for PyToken {
    fn from(view: TokenView<'_>) -> PyToken {
        PyToken {
            text: view.span.text.to_owned(),
            start: view.span.start,
            end: view.span.end,
            kind: view.kind.to_owned(),
        }
    }
}

/// A stretch of text, such as a sentence, with code-point offsets.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "dateline", name = "Span")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PySpan {
    text: String,
    start: usize,
    end: usize,
}

#[pymethods]
impl PySpan {
    #[new]
    fn new(text: String, start: usize, end: usize) -> PySpan {
        PySpan { text, start, end }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Span(text={}, start={}, end={})",
            py_repr(py, &self.text)?,
            self.start,
            self.end
        ))
    }

    fn __getnewargs__(&self) -> (String, usize, usize) {
        (self.text.clone(), self.start, self.end)
    }
}

impl PySpan {
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let dict = pyo3::types::PyDict::new(py);
        dict.set_item("text", &self.text)?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        Ok(dict)
    }
}

impl From<TextView<'_>> for PySpan {
    fn from(view: TextView<'_>) -> PySpan {
        PySpan { text: view.text.to_owned(), start: view.start, end: view.end }
    }
}

/// Splits `text` into tokens; `mode` is `"default"` or `"treebank"`.
#[pyfunction]
#[pyo3(signature = (text, mode = "default".to_owned()), text_signature = "(text, mode='default')")]
pub fn tokenize(py: Python<'_>, text: String, mode: String) -> PyResult<Vec<PyToken>> {
    let mode: Mode = mode.parse().map_err(value_error)?;
    Ok(py.detach(|| {
        let tokenizer = Tokenizer::builder().mode(mode).build();
        let mut viewer = Viewer::new(&text);
        tokenizer.tokens(&text).map(|token| viewer.token(&token).into()).collect()
    }))
}

/// Splits `text` into sentences.
#[pyfunction]
pub fn sentences(py: Python<'_>, text: String) -> Vec<PySpan> {
    py.detach(|| {
        let mut viewer = Viewer::new(&text);
        SentenceSplitter::new().sentences(&text).map(|span| viewer.span(span).into()).collect()
    })
}
