//! `extract`, `extract_many` and the `Document` class.

use dateline::{Date, Lang, Mode, Pipeline, PipelineBuilder};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;

use crate::dates::{PyTimeExpression, direction, reference_date};
use crate::errors::value_error;
use crate::gazetteer::{PyEntity, PyGazetteer, Shared, nested_policy};
use crate::lang::{Choice, choice};
use crate::parallel;
use crate::strings::{self, StrCache};
use crate::texts::Texts;
use crate::tokenize::{PySpan, PyTokens};

/// One document's results: sentences, entities, dates (and tokens when
/// asked for, as `Tokens`, the type `tokenize` returns), all with
/// code-point offsets, the text they were found in (for `to_html`), and
/// the language the text was read in.
#[pyclass(frozen, module = "dateline", name = "Document")]
pub struct PyDocument {
    sentences: Vec<PySpan>,
    entities: Vec<Py<PyEntity>>,
    dates: Vec<PyTimeExpression>,
    tokens: Option<Py<PyTokens>>,
    /// The caller's own string object: keeping it costs a reference, not
    /// a copy. Not part of equality: two documents are equal when their
    /// results are.
    text: Option<Py<PyString>>,
    /// The language, when one was chosen (by `lang=` or detection); `None`
    /// when the caller said nothing, which is English and leaves `"lang"`
    /// out of `to_dict`, as the CLI leaves it out without `--lang`.
    lang: Option<Lang>,
}

#[pymethods]
impl PyDocument {
    #[new]
    #[pyo3(signature = (sentences, entities, dates, tokens = None, text = None, lang = None))]
    fn new(
        sentences: Vec<PySpan>,
        entities: Vec<Py<PyEntity>>,
        dates: Vec<PyTimeExpression>,
        tokens: Option<Py<PyTokens>>,
        text: Option<Py<PyString>>,
        lang: Option<&str>,
    ) -> PyResult<PyDocument> {
        let lang = lang.map(|code| crate::lang::lang(Some(code), "Document")).transpose()?;
        Ok(PyDocument { sentences, entities, dates, tokens, text, lang })
    }

    /// The text the results were found in; `None` for a document built
    /// without `text=`.
    #[getter]
    fn text(&self, py: Python<'_>) -> Option<Py<PyString>> {
        self.text.as_ref().map(|text| text.clone_ref(py))
    }

    /// One self-contained HTML page: a summary, then the text with its
    /// entities and dates highlighted, a hover on each.
    #[pyo3(signature = (*, name = None, title = None))]
    fn to_html(
        &self,
        py: Python<'_>,
        name: Option<String>,
        title: Option<String>,
    ) -> PyResult<String> {
        let owned =
            crate::html::Owned::new(py, self, name.unwrap_or_else(|| "document".to_owned()))?;
        Ok(crate::html::render(py, &[owned], title.as_deref(), false))
    }

    /// What Jupyter shows for a document: the page as a `<div>` whose style
    /// stays inside it.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let owned = crate::html::Owned::new(py, self, "document".to_owned())?;
        Ok(crate::html::render(py, &[owned], None, true))
    }

    /// The language the text was read in: `'en'` unless `lang=` chose
    /// another or `lang='auto'` detected one.
    #[getter]
    fn lang(&self) -> &'static str {
        self.lang.unwrap_or(Lang::En).code()
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
        if let Some(lang) = self.lang {
            dict.set_item("lang", lang.code())?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Document(<{} sentences, {} entities, {} dates{}{}>)",
            self.sentences.len(),
            self.entities.len(),
            self.dates.len(),
            self.tokens.as_ref().map_or(String::new(), |t| format!(", {} tokens", t.get().len())),
            self.lang.map_or(String::new(), |lang| format!(", lang='{}'", lang.code()))
        )
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyDocument>() else { return Ok(py.NotImplemented()) };
        let that = other.get();
        let tokens_equal = match (&self.tokens, &that.tokens) {
            (Some(a), Some(b)) => a.bind(py).as_any().eq(b.bind(py))?,
            (a, b) => a.is_none() && b.is_none(),
        };
        // The language read, whether or not it was said: `lang='en'` and
        // no `lang` give equal documents (their `to_dict` differ by the key).
        let equal = self.lang() == that.lang()
            && self.sentences == that.sentences
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
            self.lang(),
        )
            .into_pyobject(py)?
            .hash()
    }

    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let lang = self.lang.map(Lang::code);
        (self.sentences(), self.entities(py), self.dates(), self.tokens(py), self.text(py), lang)
            .into_pyobject(py)
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
    /// The text, when the document has it.
    pub fn source_text(&self) -> Option<&Py<PyString>> {
        self.text.as_ref()
    }

    /// The sentences' code-point offsets.
    pub fn sentence_offsets(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.sentences.iter().map(PySpan::offsets)
    }

    /// The entities.
    pub fn entity_objects(&self) -> &[Py<PyEntity>] {
        &self.entities
    }

    /// The date expressions.
    pub fn date_objects(&self) -> &[PyTimeExpression] {
        &self.dates
    }

    /// The Python view of a pipeline's document; `text` is the document's
    /// text as the caller passed it, `rust_text` the same as a `&str`;
    /// `lang` the language, if one was chosen.
    fn from_rust<'a>(
        py: Python<'_>,
        document: &'a dateline::Document,
        text: &Bound<'_, PyString>,
        rust_text: &'a str,
        lang: Option<Lang>,
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
            text: Some(text.clone().unbind()),
            lang,
        })
    }
}

/// The options `extract`, `extract_many` and `extract_arrow` share, as the
/// CLI's `extract` has them (`tests/test_parity.py` checks that they stay in
/// step).
pub(crate) struct Options<'a, 'py> {
    pub(crate) gazetteer: Option<&'a Bound<'py, PyGazetteer>>,
    pub(crate) include_default: bool,
    pub(crate) nested: &'a str,
    pub(crate) direction: &'a str,
    pub(crate) day_first: bool,
    pub(crate) mode: &'a str,
    pub(crate) tokens: bool,
}

/// The pipeline builder for these options, without the language. Each
/// pipeline it builds is cheap: it shares the gazetteer (an `Arc`, or the
/// process-wide default) and the date lexicons `dateline-dates` compiles
/// once per process.
///
/// The gazetteer is the caller's merged with the embedded default unless
/// `include_default` is false, as `dateline extract --gazetteer FILE` adds
/// FILE to the default unless `--no-default-gazetteer` is given.
fn builder(py: Python<'_>, options: &Options<'_, '_>) -> PyResult<PipelineBuilder> {
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
    Ok(builder)
}

/// The pipeline for these options in one language (for `extract_arrow`,
/// whose batch has no column to say a detected language).
pub(crate) fn pipeline(
    py: Python<'_>,
    options: &Options<'_, '_>,
    lang: Lang,
) -> PyResult<Pipeline> {
    builder(py, options)?.lang(lang).build().map_err(value_error)
}

/// One pipeline per language, built from one builder when first needed.
struct Pipelines {
    builder: PipelineBuilder,
    built: [Option<Pipeline>; Lang::ALL.len()],
}

impl Pipelines {
    /// Pipelines from `builder`, with `first`'s built now, so that bad
    /// settings fail before any text is read.
    fn new(builder: PipelineBuilder, first: Lang) -> PyResult<Pipelines> {
        let mut pipelines = Pipelines { builder, built: Default::default() };
        pipelines.prepare(first)?;
        Ok(pipelines)
    }

    /// Builds `lang`'s pipeline if it is not built yet.
    fn prepare(&mut self, lang: Lang) -> PyResult<()> {
        let slot = &mut self.built[index(lang)];
        if slot.is_none() {
            *slot = Some(self.builder.clone().lang(lang).build().map_err(value_error)?);
        }
        Ok(())
    }

    /// `lang`'s pipeline, which [`Pipelines::prepare`] built.
    fn get(&self, lang: Lang) -> &Pipeline {
        self.built[index(lang)].as_ref().expect("prepare built every language asked for")
    }
}

/// `lang`'s position in [`Lang::ALL`].
fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|&l| l == lang).expect("every Lang is in Lang::ALL")
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
/// `lang` is the text's language (`'en'`, `'de'`, `'fr'`, `'es'`), or
/// `'auto'` to detect it; `Document.lang` says which was used, and
/// `to_dict` carries it whenever `lang` was given. `nested`, `direction`,
/// `day_first`, `mode`, `tokens` and `lang` are the CLI's `--nested`,
/// `--direction`, `--day-first`, `--mode`, `--tokens` and `--lang`.
#[pyfunction]
#[pyo3(
    signature = (text, reference_date = None, *, gazetteer = None, include_default = true, nested = "drop".to_owned(), direction = "context".to_owned(), day_first = false, mode = "default".to_owned(), tokens = false, lang = None),
    text_signature = "(text, reference_date=None, *, gazetteer=None, include_default=True, nested='drop', direction='context', day_first=False, mode='default', tokens=False, lang=None)"
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
    lang: Option<&str>,
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
    let builder = builder(py, &options)?;
    let choice = choice(lang)?;
    let reference = self::reference_date(py, reference_date)?;
    let rust_text = text.to_cow()?;
    let chosen = choice.map(|c| py.detach(|| c.resolve(&rust_text)));
    let pipeline = builder.clone().lang(chosen.unwrap_or(Lang::En)).build().map_err(value_error)?;
    let document = py.detach(|| pipeline.process(&rust_text, reference));
    PyDocument::from_rust(py, &document, &text, &rust_text, chosen, &mut StrCache::new(py))
}

/// `extract` over many texts, in parallel; results in input order.
///
/// `texts` is any iterable of `str` (a list, a generator), read in chunks
/// of 1,024 texts; `reference_date` is one date for all, or a list or
/// tuple with one per text, and so is `lang` (each a code, `'auto'` or
/// `None`), as a JSON line's own `"lang"` overrides the CLI's `--lang`.
/// The other options are `extract`'s.
#[pyfunction]
#[pyo3(
    signature = (texts, reference_date = None, *, gazetteer = None, include_default = true, nested = "drop".to_owned(), direction = "context".to_owned(), day_first = false, mode = "default".to_owned(), tokens = false, lang = None),
    text_signature = "(texts, reference_date=None, *, gazetteer=None, include_default=True, nested='drop', direction='context', day_first=False, mode='default', tokens=False, lang=None)"
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
    lang: Option<&Bound<'py, PyAny>>,
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
    let langs = Langs::new(lang, texts.len().ok())?;
    let mut pipelines = Pipelines::new(builder(py, &options)?, langs.first())?;
    let mut texts_iter = Texts::new(texts, "extract_many", "extract")?;
    let references = References::new(py, reference_date, texts.len().ok())?;
    let results = PyList::empty(py);
    while let Some(chunk) = texts_iter.next_chunk()? {
        let dates = references.for_chunk(py, chunk.first, chunk.texts.len())?;
        let choices = langs.for_chunk(chunk.first, chunk.texts.len())?;
        let chosen: Vec<Option<Lang>> = py.detach(|| {
            parallel::run(|| {
                chunk
                    .texts
                    .par_iter()
                    .zip(&choices)
                    .map(|(text, choice)| choice.map(|c| c.resolve(text)))
                    .collect()
            })
        })?;
        for lang in &chosen {
            pipelines.prepare(lang.unwrap_or(Lang::En))?;
        }
        let documents: Vec<(&str, Date)> =
            chunk.texts.iter().map(String::as_str).zip(dates).collect();
        let pipelines = &pipelines;
        let lang_of = |lang: &Option<Lang>| lang.unwrap_or(Lang::En);
        // A chunk in one language (the usual case) goes through its
        // pipeline as a batch, stage by stage over groups of documents.
        let one_lang = chosen
            .first()
            .map(lang_of)
            .filter(|&first| chosen.iter().all(|lang| lang_of(lang) == first));
        let found: Vec<dateline::Document> = py.detach(|| {
            parallel::run(|| match one_lang {
                Some(lang) => pipelines.get(lang).process_batch(&documents),
                None => documents
                    .par_iter()
                    .zip(&chosen)
                    .map(|(&(text, date), lang)| pipelines.get(lang_of(lang)).process(text, date))
                    .collect(),
            })
        })?;
        let mut strings = StrCache::new(py);
        let rows = found.iter().zip(&chunk.objects).zip(&documents).zip(&chosen);
        for (((document, text), (rust_text, _)), lang) in rows {
            results.append(PyDocument::from_rust(
                py,
                document,
                text,
                rust_text,
                *lang,
                &mut strings,
            )?)?;
        }
    }
    references.check_count(texts_iter.read())?;
    langs.check_count(texts_iter.read())?;
    Ok(results)
}

/// The `lang` of a batch: one for every text, or one per text from a
/// list or tuple; each `None` (English, unsaid), a code or `auto`.
enum Langs {
    One(Option<Choice>),
    PerText(Vec<Option<Choice>>),
}

impl Langs {
    /// Reads a `lang` argument; `count` is the number of texts when known
    /// up front (a list), to fail before any work.
    fn new(value: Option<&Bound<'_, PyAny>>, count: Option<usize>) -> PyResult<Langs> {
        let Some(value) = value.filter(|v| !v.is_none()) else { return Ok(Langs::One(None)) };
        if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
            let items: Vec<Option<String>> = value.extract()?;
            let choices =
                items.iter().map(|item| choice(item.as_deref())).collect::<PyResult<Vec<_>>>()?;
            let langs = Langs::PerText(choices);
            if let Some(count) = count {
                langs.check_count(count)?;
            }
            return Ok(langs);
        }
        let Ok(text) = value.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "lang must be a language code such as 'de', 'auto', None, or a list with one \
                 per text, not {}",
                value.get_type().name()?
            )));
        };
        Ok(Langs::One(choice(Some(&text.to_cow()?))?))
    }

    /// The language whose pipeline to build before reading: the one given
    /// for all texts, else English.
    fn first(&self) -> Lang {
        match self {
            Langs::One(Some(Choice::Code(lang))) => *lang,
            _ => Lang::En,
        }
    }

    /// The choices for texts `first..first + len`.
    fn for_chunk(&self, first: usize, len: usize) -> PyResult<Vec<Option<Choice>>> {
        match self {
            Langs::One(choice) => Ok(vec![*choice; len]),
            Langs::PerText(items) => {
                items.get(first..first + len).map(<[_]>::to_vec).ok_or_else(|| {
                    value_error(format!(
                        "lang has {} languages for at least {} texts",
                        items.len(),
                        first + len
                    ))
                })
            }
        }
    }

    /// Whether there was one language per text, `count` texts in all.
    fn check_count(&self, count: usize) -> PyResult<()> {
        match self {
            Langs::PerText(items) if items.len() != count => {
                Err(value_error(format!("lang has {} languages for {count} texts", items.len())))
            }
            _ => Ok(()),
        }
    }
}

/// The reference dates of a batch: one for every text, or one per text
/// from a list or tuple.
pub(crate) enum References<'py> {
    One(Date),
    PerText(Vec<Bound<'py, PyAny>>),
}

impl<'py> References<'py> {
    /// Reads a `reference_date` argument; `count` is the number of texts
    /// when known up front (a list), to fail before any work.
    pub(crate) fn new(
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
    pub(crate) fn for_chunk(
        &self,
        py: Python<'_>,
        first: usize,
        len: usize,
    ) -> PyResult<Vec<Date>> {
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
    pub(crate) fn check_count(&self, count: usize) -> PyResult<()> {
        match self {
            References::PerText(items) if items.len() != count => Err(value_error(format!(
                "reference_date has {} dates for {count} texts",
                items.len()
            ))),
            _ => Ok(()),
        }
    }
}
