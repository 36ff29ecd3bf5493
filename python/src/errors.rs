//! Rust errors as Python exceptions: `TypeError` for wrong types (pyo3's
//! own), `ValueError` for bad values, `OSError` subclasses for I/O, and
//! `GazetteerError(ValueError)` with `.path` and `.line` for bad files; and
//! the `ReferenceDateWarning(UserWarning)` of a call without a reference date.

use std::fmt::Display;
use std::io;

use pyo3::exceptions::{
    PyFileNotFoundError, PyOSError, PyPermissionError, PyUserWarning, PyValueError,
};
use pyo3::prelude::*;

pyo3::create_exception!(
    dateline,
    GazetteerError,
    PyValueError,
    "A gazetteer file or saved gazetteer is malformed; `.path` and `.line` say where."
);

pyo3::create_exception!(
    dateline,
    ReferenceDateWarning,
    PyUserWarning,
    "Relative dates were resolved against today because no reference_date was given."
);

/// A `ValueError` carrying the Rust message.
pub fn value_error(err: impl Display) -> PyErr {
    PyValueError::new_err(err.to_string())
}

/// A gazetteer error as the matching Python exception.
pub fn gazetteer_error(py: Python<'_>, err: dateline::gazetteer::Error) -> PyErr {
    let message = err.to_string();
    if err.is_io() {
        let kind = std::error::Error::source(&err)
            .and_then(|source| source.downcast_ref::<io::Error>())
            .map(io::Error::kind);
        return match kind {
            Some(io::ErrorKind::NotFound) => PyFileNotFoundError::new_err(message),
            Some(io::ErrorKind::PermissionDenied) => PyPermissionError::new_err(message),
            _ => PyOSError::new_err(message),
        };
    }
    let exception = GazetteerError::new_err(message);
    let value = exception.value(py);
    let path = err.path().map(|p| p.display().to_string());
    // Setting attributes on a fresh exception instance cannot fail short of
    // memory exhaustion; if it does, the message still says where.
    let _ = value.setattr("path", path);
    let _ = value.setattr("line", err.line());
    exception
}
