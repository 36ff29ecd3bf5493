//! Python bindings for dateline: the `dateline._dateline` extension module.
//!
//! Thin by design: each function converts its arguments to owned Rust
//! values, runs one dateline call with the GIL released, and converts the
//! results (with code-point offsets) back.
//!
//! Converting back is where the time goes for large results, so it is made
//! cheap (`strings`): result classes hold Python strings made once (token
//! kinds interned, a gazetteer's labels and ids cached with it), result
//! objects are untracked by the cycle collector, and `tokenize` returns a
//! `Tokens` sequence that makes each `Token` only when it is read.

use pyo3::prelude::*;

mod arrow;
mod dates;
mod document;
mod errors;
mod gazetteer;
mod html;
mod lang;
mod parallel;
mod strings;
mod texts;
mod tokenize;

#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("GazetteerError", m.py().get_type::<errors::GazetteerError>())?;
    m.add("ReferenceDateWarning", m.py().get_type::<errors::ReferenceDateWarning>())?;
    m.add_class::<tokenize::PyToken>()?;
    m.add_class::<tokenize::PyTokens>()?;
    m.add_class::<tokenize::TokensIter>()?;
    m.add_class::<tokenize::PySpan>()?;
    m.add_class::<gazetteer::PyEntity>()?;
    m.add_class::<gazetteer::PyGazetteer>()?;
    m.add_class::<dates::PyTimeExpression>()?;
    m.add_class::<document::PyDocument>()?;
    m.add_function(wrap_pyfunction!(tokenize::tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize::sentences, m)?)?;
    m.add_function(wrap_pyfunction!(dates::find_dates, m)?)?;
    m.add_function(wrap_pyfunction!(document::extract, m)?)?;
    m.add_function(wrap_pyfunction!(document::extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(html::to_html, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::extract_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(gazetteer::gazetteer_from_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(lang::detect_lang, m)?)?;
    Ok(())
}

/// Python's `repr` of a string, for `__repr__` methods that read like
/// constructor calls.
fn py_repr(py: Python<'_>, text: &str) -> PyResult<String> {
    pyo3::types::PyString::new(py, text).repr()?.extract()
}
