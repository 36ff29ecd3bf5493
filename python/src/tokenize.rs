//! `tokenize`, `sentences`, and the `Token` and `Span` classes.

use std::sync::atomic::{AtomicUsize, Ordering};

use dateline::view::{TextView, Viewer};
use dateline::{CharOffsets, Mode, SentenceSplitter, TokenKind, Tokenizer};
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PySlice, PyString, PyTuple};

use crate::errors::value_error;
use crate::{py_repr, strings};

/// A token: its text, code-point offsets and kind (`word`, `number`, ...),
/// and for a multi-word token in treebank mode its syntactic words
/// (`zum` -> `("zu", "dem")`; an empty tuple otherwise).
///
/// Holds Python strings, so reading `.text` or `.kind` creates nothing.
#[pyclass(frozen, module = "dateline", name = "Token")]
pub struct PyToken {
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    kind: Py<PyString>,
    #[pyo3(get)]
    words: Py<PyTuple>,
}

#[pymethods]
impl PyToken {
    #[new]
    #[pyo3(signature = (text, start, end, kind, words = None))]
    fn new(
        py: Python<'_>,
        text: Bound<'_, PyString>,
        start: usize,
        end: usize,
        kind: Bound<'_, PyString>,
        words: Option<Vec<String>>,
    ) -> PyResult<PyToken> {
        let words = PyTuple::new(py, words.unwrap_or_default())?.unbind();
        Ok(PyToken { text: text.unbind(), start, end, kind: kind.unbind(), words })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let words = self.words.bind(py);
        let words =
            if words.is_empty() { String::new() } else { format!(", words={}", words.repr()?) };
        Ok(format!(
            "Token(text={}, start={}, end={}, kind={}{words})",
            self.text.bind(py).repr()?,
            self.start,
            self.end,
            self.kind.bind(py).repr()?
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyToken>() else { return Ok(py.NotImplemented()) };
        let other = other.get();
        let equal = self.start == other.start
            && self.end == other.end
            && self.text.bind(py).as_any().eq(other.text.bind(py))?
            && self.kind.bind(py).as_any().eq(other.kind.bind(py))?
            && self.words.bind(py).as_any().eq(other.words.bind(py))?;
        Ok(PyBool::new(py, equal).to_owned().into_any().unbind())
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.__getnewargs__(py)?.hash()
    }

    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (&self.text, self.start, self.end, &self.kind, &self.words).into_pyobject(py)
    }

    /// The token as a plain dict, shaped like the CLI's JSON.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("text", &self.text)?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("kind", &self.kind)?;
        if !self.words.bind(py).is_empty() {
            dict.set_item("words", PyList::new(py, self.words.bind(py))?)?;
        }
        Ok(dict)
    }
}

impl PyToken {
    /// A token of `text` at code points `start..end`.
    fn cut(text: &Bound<'_, PyString>, token: &RawToken) -> PyResult<PyToken> {
        Ok(PyToken {
            text: strings::substring(text, token.start, token.end)?.unbind(),
            start: token.start,
            end: token.end,
            kind: strings::kind(text.py(), token.kind).unbind(),
            words: PyTuple::new(text.py(), token.words)?.unbind(),
        })
    }
}

/// A token as `Tokens` keeps it: code-point offsets, kind and the words of
/// a multi-word token (a reference into the tokenizer's tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawToken {
    start: usize,
    end: usize,
    kind: TokenKind,
    words: &'static [&'static str],
}

/// One token as `Tokens(...)` takes it: `(start, end, kind)`, or
/// `(start, end, kind, words)` for a multi-word token.
#[derive(FromPyObject)]
enum TokenSpec {
    WithWords(usize, usize, String, Vec<String>),
    Plain(usize, usize, String),
}

/// The tokens of one text, as `tokenize` returns them: a read-only sequence
/// of `Token`s that keeps offsets and kinds in Rust and makes each `Token`
/// when it is read (as spaCy's `Doc` does), so tokenizing a large text does
/// not create millions of Python objects up front.
///
/// Supports `len`, indexing (negative too), slicing (a `Tokens` again),
/// iteration, `in`, equality with another `Tokens` or with a list or tuple of
/// `Token`s, and pickling. `.text` is the text the tokens cover: the whole
/// text for `tokenize`'s result, and from the first token's start to the
/// last token's end for a slice (as spaCy's `Span.text`).
#[pyclass(frozen, sequence, module = "dateline", name = "Tokens")]
pub struct PyTokens {
    /// The whole text the offsets refer to.
    text: Py<PyString>,
    tokens: Vec<RawToken>,
    /// The code points `.text` covers; `None` for the whole text.
    span: Option<(usize, usize)>,
}

#[pymethods]
impl PyTokens {
    /// Tokens of `text` from `(start, end, kind)` triples in code points
    /// (`(start, end, kind, words)` for a multi-word token);
    /// `span`, the `(start, end)` that `.text` covers, is the whole text
    /// unless given (slices pickle with theirs).
    #[new]
    #[pyo3(signature = (text, tokens, span = None))]
    fn new(
        text: Bound<'_, PyString>,
        tokens: Vec<TokenSpec>,
        span: Option<(usize, usize)>,
    ) -> PyResult<PyTokens> {
        let len = text.len()?;
        if let Some((start, end)) = span
            && (start > end || end > len)
        {
            return Err(value_error(format!(
                "span {start}..{end} is not within the text's {len} characters"
            )));
        }
        let tokens = tokens
            .into_iter()
            .map(|spec| {
                let (start, end, kind, words) = match spec {
                    TokenSpec::WithWords(start, end, kind, words) => (start, end, kind, words),
                    TokenSpec::Plain(start, end, kind) => (start, end, kind, Vec::new()),
                };
                if start > end || end > len {
                    return Err(value_error(format!(
                        "token span {start}..{end} is not within the text's {len} characters"
                    )));
                }
                let kind = strings::kind_named(&kind)
                    .ok_or_else(|| value_error(format!("unknown token kind {kind:?}")))?;
                Ok(RawToken { start, end, kind, words: static_words(&words)? })
            })
            .collect::<PyResult<_>>()?;
        Ok(PyTokens { text: text.unbind(), tokens, span })
    }

    /// The text the tokens cover: all of it for `tokenize`'s result, from
    /// the first token's start to the last one's end for a slice.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        match self.span {
            None => Ok(self.text.bind(py).clone()),
            Some((start, end)) => strings::substring(self.text.bind(py), start, end),
        }
    }

    fn __len__(&self) -> usize {
        self.tokens.len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(slice) = index.cast::<PySlice>() {
            let len = isize::try_from(self.tokens.len()).unwrap_or(isize::MAX);
            let range = slice.indices(len)?;
            let tokens: Vec<RawToken> = (0..range.slicelength)
                .map(|i| self.tokens[(range.start + i as isize * range.step) as usize])
                .collect();
            let sliced =
                PyTokens { text: self.text.clone_ref(py), span: Some(covered(&tokens)), tokens };
            return Ok(Bound::new(py, sliced)?.into_any());
        }
        let Ok(index) = index.extract::<isize>() else {
            return Err(PyTypeError::new_err(format!(
                "Tokens indices must be integers or slices, not {}",
                index.get_type().name()?
            )));
        };
        let len = self.tokens.len() as isize;
        let at = if index < 0 { index + len } else { index };
        if !(0..len).contains(&at) {
            return Err(PyIndexError::new_err("Tokens index out of range"));
        }
        Ok(strings::untracked(py, PyToken::cut(self.text.bind(py), &self.tokens[at as usize])?)?
            .into_any())
    }

    fn __iter__(slf: Bound<'_, Self>) -> TokensIter {
        TokensIter { tokens: slf.unbind(), next: AtomicUsize::new(0) }
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let equal = if let Ok(other) = other.cast::<PyTokens>() {
            // Equal when the Token lists would be: same spans and kinds, and
            // the same text under each span (the texts may differ elsewhere).
            let other = other.get();
            let (text, other_text) = (self.text.bind(py), other.text.bind(py));
            self.tokens == other.tokens
                && (text.as_any().eq(other_text)?
                    || self.tokens.iter().try_fold(true, |equal, t| {
                        Ok::<_, PyErr>(
                            equal
                                && strings::substring(text, t.start, t.end)?
                                    .as_any()
                                    .eq(strings::substring(other_text, t.start, t.end)?)?,
                        )
                    })?)
        } else if other.is_instance_of::<PyList>() || other.is_instance_of::<PyTuple>() {
            self.tokens.len() == other.len()?
                && self.to_list(py)?.eq(other.try_iter()?.collect::<PyResult<Vec<_>>>()?)?
        } else {
            return Ok(py.NotImplemented());
        };
        Ok(PyBool::new(py, equal).to_owned().into_any().unbind())
    }

    fn __contains__(&self, py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.position(py, value, 0, self.tokens.len())?.is_some())
    }

    /// The number of tokens equal to `value`.
    fn count(&self, py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<usize> {
        let Ok(value) = value.cast::<PyToken>() else { return Ok(0) };
        let mut count = 0;
        for (i, _) in self.tokens.iter().enumerate() {
            count += usize::from(self.is_at(py, i, value.get())?);
        }
        Ok(count)
    }

    /// The position of the first token equal to `value` in `[start, stop)`,
    /// as `list.index` has it.
    #[pyo3(signature = (value, start = 0, stop = None))]
    fn index(
        &self,
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
        start: isize,
        stop: Option<isize>,
    ) -> PyResult<usize> {
        let len = self.tokens.len() as isize;
        let clamp = |i: isize| (if i < 0 { i + len } else { i }).clamp(0, len) as usize;
        let (start, stop) = (clamp(start), clamp(stop.unwrap_or(len)));
        self.position(py, value, start, stop)?.ok_or_else(|| {
            value_error(format!(
                "{} is not in Tokens",
                value.repr().map_or_else(|_| "value".into(), |r| r.to_string())
            ))
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        const SHOWN: usize = 8;
        let text = self.text.bind(py);
        let mut parts = Vec::new();
        for token in self.tokens.iter().take(SHOWN) {
            parts.push(PyToken::cut(text, token)?.__repr__(py)?);
        }
        if self.tokens.len() > SHOWN {
            parts.push(format!("... {} more", self.tokens.len() - SHOWN));
        }
        Ok(format!("Tokens([{}])", parts.join(", ")))
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Py<PyString>, Vec<Bound<'py, PyTuple>>, Option<(usize, usize)>)> {
        let spans = self
            .tokens
            .iter()
            .map(|t| {
                let kind = t.kind.as_str();
                if t.words.is_empty() {
                    (t.start, t.end, kind).into_pyobject(py)
                } else {
                    (t.start, t.end, kind, PyTuple::new(py, t.words)?).into_pyobject(py)
                }
            })
            .collect::<PyResult<_>>()?;
        Ok((self.text.clone_ref(py), spans, self.span))
    }
}

/// The code points a slice's `.text` covers: from its first token's start
/// to its last token's end (whichever comes first for a reversed slice);
/// an empty slice covers nothing.
/// The tokenizer's own copy of a multi-word token's `words`.
fn static_words(words: &[String]) -> PyResult<&'static [&'static str]> {
    if words.is_empty() {
        return Ok(&[]);
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    dateline::Token::with_words(dateline::Span::new(0, 0), &words)
        .map(|token| token.words())
        .ok_or_else(|| {
            value_error(format!(
                "{words:?} are not the words of a multi-word token of any supported language"
            ))
        })
}

fn covered(tokens: &[RawToken]) -> (usize, usize) {
    let start = tokens.iter().map(|t| t.start).min().unwrap_or(0);
    let end = tokens.iter().map(|t| t.end).max().unwrap_or(0);
    (start, end)
}

impl PyTokens {
    /// The tokens of a pipeline's document, with code-point offsets; `text`
    /// is the document's text as the caller passed it.
    pub fn from_rust(
        text: &Bound<'_, PyString>,
        rust_text: &str,
        tokens: &[dateline::Token],
    ) -> PyTokens {
        let mut offsets = CharOffsets::new(rust_text);
        let tokens = tokens
            .iter()
            .map(|token| {
                let (start, end) = offsets.span(token.span());
                RawToken { start, end, kind: token.kind(), words: token.words() }
            })
            .collect();
        PyTokens { text: text.clone().unbind(), tokens, span: None }
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Every token as a plain dict, for `Document.to_dict`.
    pub fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let text = self.text.bind(py);
        let dicts = self
            .tokens
            .iter()
            .map(|t| PyToken::cut(text, t)?.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, dicts)
    }

    /// Whether token `i` equals `token`.
    fn is_at(&self, py: Python<'_>, i: usize, token: &PyToken) -> PyResult<bool> {
        let raw = &self.tokens[i];
        Ok(raw.start == token.start
            && raw.end == token.end
            && strings::kind(py, raw.kind).as_any().eq(token.kind.bind(py))?
            && PyTuple::new(py, raw.words)?.as_any().eq(token.words.bind(py))?
            && strings::substring(self.text.bind(py), raw.start, raw.end)?
                .as_any()
                .eq(token.text.bind(py))?)
    }

    /// The first position in `start..stop` of a token equal to `value`.
    fn position(
        &self,
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
        start: usize,
        stop: usize,
    ) -> PyResult<Option<usize>> {
        let Ok(value) = value.cast::<PyToken>() else { return Ok(None) };
        for i in start..stop.min(self.tokens.len()) {
            if self.is_at(py, i, value.get())? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// Every token as a `Token`, in a list.
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let text = self.text.bind(py);
        let tokens: Vec<Bound<'py, PyToken>> = self
            .tokens
            .iter()
            .map(|t| strings::untracked(py, PyToken::cut(text, t)?))
            .collect::<PyResult<_>>()?;
        PyList::new(py, tokens)
    }
}

/// The iterator over a `Tokens`.
#[pyclass(frozen, module = "dateline", name = "TokensIterator")]
pub struct TokensIter {
    tokens: Py<PyTokens>,
    next: AtomicUsize,
}

#[pymethods]
impl TokensIter {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    /// Pickles as `iter(tokens)` plus the position, as list iterators do.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let iter = py.import("builtins")?.getattr("iter")?;
        let position = self.next.load(Ordering::Relaxed).min(self.tokens.get().tokens.len());
        (iter, (self.tokens.clone_ref(py),), position).into_pyobject(py)
    }

    fn __setstate__(&self, position: usize) {
        self.next.store(position, Ordering::Relaxed);
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyToken>>> {
        let tokens = self.tokens.get();
        let at = self.next.fetch_add(1, Ordering::Relaxed);
        match tokens.tokens.get(at) {
            Some(token) => {
                Ok(Some(strings::untracked(py, PyToken::cut(tokens.text.bind(py), token)?)?))
            }
            None => {
                // Stay exhausted however often `next` is called.
                self.next.store(tokens.tokens.len(), Ordering::Relaxed);
                Ok(None)
            }
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

impl PySpan {
    /// Code-point offsets.
    pub fn offsets(&self) -> (usize, usize) {
        (self.start, self.end)
    }
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

    /// The span as a plain dict, shaped like the CLI's JSON.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
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

/// Splits `text` into tokens; `mode` is `"default"` or `"treebank"`, `lang`
/// the text's language (`None`: English).
#[pyfunction]
#[pyo3(
    signature = (text, mode = "default".to_owned(), *, lang = None),
    text_signature = "(text, mode='default', *, lang=None)"
)]
pub fn tokenize(
    py: Python<'_>,
    text: Bound<'_, PyString>,
    mode: String,
    lang: Option<&str>,
) -> PyResult<PyTokens> {
    let mode: Mode = mode.parse().map_err(value_error)?;
    let lang = crate::lang::lang(lang, "tokenize")?;
    let rust_text = text.to_cow()?;
    let tokens = py.detach(|| {
        let tokenizer = Tokenizer::builder().mode(mode).lang(lang).build();
        let mut offsets = CharOffsets::new(&rust_text);
        tokenizer
            .tokens(&rust_text)
            .map(|token| {
                let (start, end) = offsets.span(token.span());
                RawToken { start, end, kind: token.kind(), words: token.words() }
            })
            .collect()
    });
    Ok(PyTokens { text: text.unbind(), tokens, span: None })
}

/// Splits `text` into sentences; `lang` is the text's language (`None`:
/// English).
#[pyfunction]
#[pyo3(signature = (text, *, lang = None), text_signature = "(text, *, lang=None)")]
pub fn sentences<'py>(
    py: Python<'py>,
    text: String,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyList>> {
    let lang = crate::lang::lang(lang, "sentences")?;
    let spans: Vec<PySpan> = py.detach(|| {
        let mut viewer = Viewer::new(&text);
        let splitter = SentenceSplitter::builder().lang(lang).build();
        splitter.sentences(&text).map(|span| viewer.span(span).into()).collect()
    });
    let spans =
        spans.into_iter().map(|s| strings::untracked(py, s)).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, spans)
}
