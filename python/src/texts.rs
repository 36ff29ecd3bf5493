//! The texts of a batch call (`extract_many`, `Gazetteer.find_many`): any
//! iterable of `str`, read in bounded chunks.
//!
//! A list of a million articles, or a generator reading them from a file,
//! is processed one chunk at a time: Rust holds copies of at most `CHUNK`
//! texts and their results, and the chunk runs in parallel with the GIL
//! released. Only the Python results accumulate.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};

/// Texts per chunk: enough for rayon to balance two to dozens of cores over
/// documents of very different lengths, and few enough that a chunk of news
/// articles (a few KB each) stays in the megabytes.
pub const CHUNK: usize = 1024;

/// An iterable of texts being read chunk by chunk.
pub struct Texts<'py> {
    iter: Bound<'py, PyIterator>,
    function: &'static str,
    /// Texts read so far, to say which item is not a `str`.
    read: usize,
}

/// One chunk: the texts as the caller passed them, and as Rust strings.
pub struct Chunk<'py> {
    pub objects: Vec<Bound<'py, PyString>>,
    pub texts: Vec<String>,
    /// The position of the chunk's first text in the whole iterable.
    pub first: usize,
}

impl<'py> Texts<'py> {
    /// Starts reading `texts`, the argument of `function`, whose one-text
    /// counterpart is `single` (named in the error for a lone `str`).
    ///
    /// # Errors
    ///
    /// `TypeError` when `texts` is a `str` (iterating it would process
    /// each character as a document) or is not iterable.
    pub fn new(
        texts: &Bound<'py, PyAny>,
        function: &'static str,
        single: &'static str,
    ) -> PyResult<Texts<'py>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(format!(
                "{function}() takes an iterable of texts (such as a list of str), not a str; \
                 for one text, call {single}(text)"
            )));
        }
        let iter = texts.try_iter().map_err(|_| {
            let kind = texts.get_type().name().map_or_else(|_| "?".into(), |n| n.to_string());
            PyTypeError::new_err(format!(
                "{function}() takes an iterable of texts (such as a list of str), not {kind}"
            ))
        })?;
        Ok(Texts { iter, function, read: 0 })
    }

    /// The next chunk of up to `CHUNK` texts; `None` when all are read.
    ///
    /// # Errors
    ///
    /// `TypeError` naming the position of an item that is not a `str`, and
    /// whatever the caller's iterator raises.
    pub fn next_chunk(&mut self) -> PyResult<Option<Chunk<'py>>> {
        let first = self.read;
        let mut objects = Vec::new();
        let mut texts = Vec::new();
        while objects.len() < CHUNK {
            let Some(item) = self.iter.next() else { break };
            let item = item?;
            if !item.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(format!(
                    "{}(): text {} is a {}, not a str",
                    self.function,
                    self.read,
                    item.get_type().name()?
                )));
            }
            let text = item.cast_into::<PyString>()?;
            texts.push(text.to_cow()?.into_owned());
            objects.push(text);
            self.read += 1;
        }
        Ok((!objects.is_empty()).then_some(Chunk { objects, texts, first }))
    }

    /// How many texts have been read.
    pub fn read(&self) -> usize {
        self.read
    }
}
