//! Python strings for results, made cheaply: the few token kinds interned
//! once per process, labels and ids shared per call, substrings cut straight
//! from the caller's `str`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use dateline::gazetteer::EntryRef;
use dateline::{Source, TokenKind};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};
use pyo3::{PyClass, PyClassInitializer};

static KINDS: PyOnceLock<Vec<Py<PyString>>> = PyOnceLock::new();

/// The interned Python string for a token kind.
pub fn kind<'py>(py: Python<'py>, kind: TokenKind) -> Bound<'py, PyString> {
    let kinds = KINDS.get_or_init(py, || {
        TokenKind::ALL.iter().map(|k| PyString::intern(py, k.as_str()).unbind()).collect()
    });
    match TokenKind::ALL.iter().position(|&k| k == kind) {
        Some(i) => kinds[i].bind(py).clone(),
        // A kind added to the tokenizer after this binding was written.
        None => PyString::intern(py, kind.as_str()),
    }
}

static SOURCES: PyOnceLock<[Py<PyString>; 2]> = PyOnceLock::new();

/// The interned Python string for an entity's source: `gazetteer` or
/// `rule`.
pub fn source(py: Python<'_>, source: Source) -> Bound<'_, PyString> {
    let [gazetteer, rule] = SOURCES.get_or_init(py, || {
        [Source::Gazetteer, Source::Rule].map(|s| PyString::intern(py, s.as_str()).unbind())
    });
    match source {
        Source::Gazetteer => gazetteer.bind(py).clone(),
        Source::Rule => rule.bind(py).clone(),
        // A source added to the gazetteer crate after this binding was written.
        other => PyString::intern(py, other.as_str()),
    }
}

/// The token kind named `name`, if there is one.
pub fn kind_named(name: &str) -> Option<TokenKind> {
    TokenKind::ALL.iter().copied().find(|k| k.as_str() == name)
}

/// `text[start:end]` in code points, as a new `str`.
///
/// Through `PyUnicode_Substring`: a copy of the code points. Going through
/// Python's slicing instead (a slice object and two ints per call) made
/// `[t.text for t in tokens]` 1.6x as slow (226 vs 142 ns of CPU per
/// token on the news corpus, measured in turn with both builds).
pub fn substring<'py>(
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyString>> {
    let (start, end) = (to_ssize(start), to_ssize(end));
    substring_unchecked_type(text, start, end)?.cast_into::<PyString>().map_err(Into::into)
}

#[allow(unsafe_code)]
fn substring_unchecked_type<'py>(
    text: &Bound<'py, PyString>,
    start: ffi::Py_ssize_t,
    end: ffi::Py_ssize_t,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: `text` is a live `str` (the `Bound` holds a reference and
    // the GIL is held). `PyUnicode_Substring` accepts any start and end
    // (it clamps them to the string) and returns a new reference, or NULL
    // with an exception set, which `from_owned_ptr_or_err` turns into a
    // `PyErr`.
    unsafe {
        Bound::from_owned_ptr_or_err(text.py(), ffi::PyUnicode_Substring(text.as_ptr(), start, end))
    }
}

fn to_ssize(n: usize) -> ffi::Py_ssize_t {
    ffi::Py_ssize_t::try_from(n).unwrap_or(ffi::Py_ssize_t::MAX)
}

/// Python strings for `&str`s that repeat within one call (labels, ids of
/// a document's entities): each distinct text becomes one `str`, shared by
/// every result that carries it.
pub struct StrCache<'a, 'py> {
    py: Python<'py>,
    strings: FxHashMap<&'a str, Bound<'py, PyString>>,
}

impl<'a, 'py> StrCache<'a, 'py> {
    pub fn new(py: Python<'py>) -> StrCache<'a, 'py> {
        StrCache { py, strings: HashMap::default() }
    }

    /// The `str` for `text`, made on first use.
    pub fn get(&mut self, text: &'a str) -> Bound<'py, PyString> {
        let py = self.py;
        self.strings.entry(text).or_insert_with(|| PyString::new(py, text)).clone()
    }
}

/// The Python strings of one gazetteer's entries, kept for the gazetteer's
/// lifetime: made the first time an entry is matched, then shared by every
/// `Entity` that carries it. Keys are entry indices, so a cache belongs to
/// one gazetteer.
#[derive(Default)]
pub struct EntryNames {
    /// Label and id by entry index.
    entries: FxHashMap<usize, (Py<PyString>, Py<PyString>)>,
    /// Labels by text: a gazetteer has few distinct ones.
    labels: FxHashMap<String, Py<PyString>>,
    /// Alternatives tuples by (index of the first entry, count), with the
    /// indices of all their entries to check a hit against.
    alternatives: FxHashMap<(usize, usize), (Vec<usize>, Py<PyTuple>)>,
}

impl EntryNames {
    /// The label and id of an entry of this cache's gazetteer.
    pub fn entry<'py>(
        &mut self,
        py: Python<'py>,
        entry: EntryRef<'_>,
    ) -> (Bound<'py, PyString>, Bound<'py, PyString>) {
        if let Some((label, id)) = self.entries.get(&entry.index()) {
            return (label.bind(py).clone(), id.bind(py).clone());
        }
        let label = self.label(py, entry.label());
        let id = PyString::new(py, entry.id());
        self.entries.insert(entry.index(), (label.clone().unbind(), id.clone().unbind()));
        (label, id)
    }

    /// The Python string of a label: an entry's, or one a context rule
    /// gave a name it found.
    pub fn label<'py>(&mut self, py: Python<'py>, label: &str) -> Bound<'py, PyString> {
        if let Some(cached) = self.labels.get(label) {
            return cached.bind(py).clone();
        }
        let string = PyString::intern(py, label);
        self.labels.insert(label.to_owned(), string.clone().unbind());
        string
    }

    /// The tuple of `(label, id)` pairs for entries of this cache's
    /// gazetteer, shared by every match with the same alternatives.
    pub fn alternatives<'py, 'g, I>(
        &mut self,
        py: Python<'py>,
        entries: impl Fn() -> I,
    ) -> PyResult<Bound<'py, PyTuple>>
    where
        I: ExactSizeIterator<Item = EntryRef<'g>>,
    {
        let index = |e: EntryRef<'g>| e.index();
        let key = (entries().next().map_or(0, index), entries().len());
        if let Some((indices, tuple)) = self.alternatives.get(&key)
            && indices.iter().copied().eq(entries().map(index))
        {
            return Ok(tuple.bind(py).clone());
        }
        let pairs: Vec<_> = entries().map(|e| self.entry(py, e)).collect();
        let tuple = PyTuple::new(py, pairs)?;
        self.alternatives.insert(key, (entries().map(index).collect(), tuple.clone().unbind()));
        Ok(tuple)
    }
}

type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The Fx hash (rustc's): fast for the short keys used here.
#[derive(Default)]
pub struct FxHasher {
    hash: u64,
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.hash = (self.hash.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Makes a result object and takes it out of the cycle collector's care.
///
/// Result classes hold only strings, integers and tuples of strings, so they
/// can never be part of a reference cycle; like CPython's own tuples of
/// atoms, they need no tracking. Tracked, every batch of 700 results made a
/// young-generation collection walk all results still alive: a list of
/// 400,000 `Token`s took 3x as long to build with the collector on as off
/// (measured in `benches/peers`' corpus, 2 MB slice).
pub fn untracked<T: PyClass>(py: Python<'_>, value: T) -> PyResult<Bound<'_, T>>
where
    PyClassInitializer<T>: From<T>,
{
    let object = Bound::new(py, value)?;
    untrack(object.as_any());
    Ok(object)
}

#[allow(unsafe_code)]
fn untrack(object: &Bound<'_, PyAny>) {
    // SAFETY: `object` is a live object (the `Bound` holds a reference and
    // the GIL). `PyObject_GC_UnTrack` is valid on any object of a GC type,
    // which every `#[pyclass]` is, and untracking twice is a no-op, so
    // pyo3's own `tp_dealloc` may untrack again. Untracked objects are still
    // freed by reference counting; only cycles through them would leak, and
    // the callers' objects hold no references that could form one.
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(object.as_ptr().cast()) }
}
