//! `extract_arrow`: `extract_many`'s results as one Arrow record batch,
//! for Spark's `mapInArrow`, Polars and anything else that reads Arrow.
//!
//! The columns are built in Rust (`columns`) and handed to pyarrow through
//! the Arrow C data interface, wrapped in the PyCapsules of Arrow's
//! PyCapsule protocol (`__arrow_c_array__`). pyarrow takes the buffers as
//! they are: no Python object is made per sentence, entity or date, which
//! is what makes this several times faster than `extract_many` followed by
//! building the same columns from Python objects.

use arrow_array::ffi::to_ffi;
use arrow_array::{Array, StructArray};
use arrow_schema::ArrowError;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::document::{Options, References, pipeline};
use crate::errors::value_error;
use crate::gazetteer::PyGazetteer;
use crate::parallel;
use crate::texts::Texts;

mod columns;

/// `extract_many` as one `pyarrow.RecordBatch`, one row per text.
///
/// The columns are `reference_date` (the `date32` the text's dates resolved
/// against), then `sentences`, `entities` and `dates` (and `tokens` with
/// `tokens=True`), each a `list<struct>` whose fields are those of
/// `to_dict()`, with code-point offsets as `int64`; a field `to_dict()`
/// leaves out (`rule`, `enclosing`, `mod`, `range`) is null, and
/// `alternatives` is an empty list. Arguments are `extract_many`'s, but
/// `lang` is one code for the whole batch (not `'auto'`, not a list).
/// Needs pyarrow (14 or later).
#[pyfunction]
#[pyo3(
    signature = (texts, reference_date = None, *, gazetteer = None, include_default = true, nested = "drop".to_owned(), direction = "context".to_owned(), day_first = false, mode = "default".to_owned(), tokens = false, lang = None),
    text_signature = "(texts, reference_date=None, *, gazetteer=None, include_default=True, nested='drop', direction='context', day_first=False, mode='default', tokens=False, lang=None)"
)]
#[allow(clippy::too_many_arguments)]
pub fn extract_arrow<'py>(
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
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    // One language for the batch: it has no column to say a detected one.
    let lang = crate::lang::lang(lang, "extract_arrow")?;
    // Before any work, so a missing pyarrow fails at once.
    let pyarrow = py.import("pyarrow").map_err(|err| {
        let hint = PyImportError::new_err(
            "extract_arrow() returns a pyarrow.RecordBatch and needs pyarrow: pip install pyarrow",
        );
        hint.set_cause(py, Some(err));
        hint
    })?;
    let options = Options {
        gazetteer,
        include_default,
        nested: &nested,
        direction: &direction,
        day_first,
        mode: &mode,
        tokens,
    };
    let pipeline = pipeline(py, &options, lang)?;
    let mut texts_iter = Texts::new(texts, "extract_arrow", "extract")?;
    let references = References::new(py, reference_date, texts.len().ok())?;
    let mut batch = columns::Batch::new(tokens);
    while let Some(chunk) = texts_iter.next_chunk()? {
        let dates = references.for_chunk(py, chunk.first, chunk.texts.len())?;
        let documents: Vec<(&str, dateline::Date)> =
            chunk.texts.iter().map(String::as_str).zip(dates).collect();
        // A forked process's first batch needs its own pool (see `parallel`).
        let found = py.detach(|| parallel::run(|| pipeline.process_batch(&documents)))?;
        py.detach(|| {
            found
                .iter()
                .zip(&documents)
                .try_for_each(|(document, (text, date))| batch.push(&document.view(text), *date))
        })
        .map_err(value_error)?;
    }
    references.check_count(texts_iter.read())?;
    let array = py.detach(|| batch.finish()).map_err(value_error)?;
    let export = Py::new(py, ArrowExport { array })?;
    pyarrow.getattr("record_batch")?.call1((export,))
}

/// A built batch offered through Arrow's PyCapsule protocol; pyarrow's
/// `record_batch()` reads it. Not part of the module's API.
#[pyclass(frozen, module = "dateline", name = "_ArrowExport")]
struct ArrowExport {
    array: StructArray,
}

#[pymethods]
impl ArrowExport {
    /// The schema and the array as `arrow_schema` and `arrow_array`
    /// capsules. Each call exports afresh (the buffers are shared, not
    /// copied); a capsule that is never imported releases its export when
    /// Python frees it. `requested_schema` may be ignored by the protocol,
    /// and is: the batch has one layout.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let (array, schema) =
            to_ffi(&self.array.to_data()).map_err(|err: ArrowError| value_error(err))?;
        let schema = PyCapsule::new_with_value(py, schema, c"arrow_schema")?;
        let array = PyCapsule::new_with_value(py, array, c"arrow_array")?;
        Ok((schema, array))
    }
}
