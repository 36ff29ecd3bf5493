//! `find_dates` and the `TimeExpression` class; reference-date arguments.

use std::ffi::CString;
use std::sync::atomic::{AtomicBool, Ordering};

use dateline::view::{DateView, Viewer};
use dateline::{Date, DateExtractor, Direction};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::errors::{ReferenceDateWarning, value_error};
use crate::{py_repr, strings};

/// A date or time expression: text, code-point offsets, TIMEX3 `type`
/// and `value`, `mod` and `range` where TimeML has them, and the `rule`
/// that found and resolved it.
///
/// Equality and hashing leave `rule` out: it names grammar rules, which
/// may change between versions, so `TimeExpression("1 September", "DATE",
/// "2024-09-01", 43, 54)` equals what `find_dates` returns for that text.
#[pyclass(frozen, eq, hash, from_py_object, module = "dateline", name = "TimeExpression")]
#[derive(Clone, Debug)]
pub struct PyTimeExpression {
    #[pyo3(get)]
    text: String,
    #[pyo3(get, name = "type")]
    kind: String,
    #[pyo3(get)]
    value: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get, name = "mod")]
    modifier: Option<String>,
    #[pyo3(get)]
    range: Option<(String, String)>,
    /// The grammar rule that matched and, after a colon, the rule that
    /// resolved the value (`day-month:future-cue(effective)`); for
    /// debugging and explanations, as `TimeExpression::rule` in Rust.
    #[pyo3(get)]
    rule: Option<String>,
}

impl PyTimeExpression {
    /// The fields that say what was found, without `rule`.
    #[allow(clippy::type_complexity)]
    fn key(&self) -> (&str, &str, &str, usize, usize, Option<&str>, Option<&(String, String)>) {
        (
            &self.text,
            &self.kind,
            &self.value,
            self.start,
            self.end,
            self.modifier.as_deref(),
            self.range.as_ref(),
        )
    }
}

impl PartialEq for PyTimeExpression {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for PyTimeExpression {}

impl std::hash::Hash for PyTimeExpression {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PyTimeExpression {
    /// What a page shows: code-point offsets, type, value and `mod`.
    pub fn parts(&self) -> (usize, usize, &str, &str, Option<&str>) {
        (self.start, self.end, &self.kind, &self.value, self.modifier.as_deref())
    }
}

#[pymethods]
impl PyTimeExpression {
    #[new]
    #[pyo3(signature = (text, r#type, value, start, end, r#mod = None, range = None, rule = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: String,
        r#type: String,
        value: String,
        start: usize,
        end: usize,
        r#mod: Option<String>,
        range: Option<(String, String)>,
        rule: Option<String>,
    ) -> PyTimeExpression {
        PyTimeExpression { text, kind: r#type, value, start, end, modifier: r#mod, range, rule }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut repr = format!(
            "TimeExpression(text={}, type={}, value={}, start={}, end={}",
            py_repr(py, &self.text)?,
            py_repr(py, &self.kind)?,
            py_repr(py, &self.value)?,
            self.start,
            self.end
        );
        if let Some(modifier) = &self.modifier {
            repr += &format!(", mod={}", py_repr(py, modifier)?);
        }
        if let Some((begin, end)) = &self.range {
            repr += &format!(", range=({}, {})", py_repr(py, begin)?, py_repr(py, end)?);
        }
        // `rule` is left out, as from equality: debugging detail.
        Ok(repr + ")")
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__(
        &self,
    ) -> (
        String,
        String,
        String,
        usize,
        usize,
        Option<String>,
        Option<(String, String)>,
        Option<String>,
    ) {
        let this = self.clone();
        (
            this.text,
            this.kind,
            this.value,
            this.start,
            this.end,
            this.modifier,
            this.range,
            this.rule,
        )
    }

    /// The expression as a plain dict, shaped like the CLI's JSON (which
    /// has no `rule`).
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("text", &self.text)?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("type", &self.kind)?;
        dict.set_item("value", &self.value)?;
        if let Some(modifier) = &self.modifier {
            dict.set_item("mod", modifier)?;
        }
        if let Some((begin, end)) = &self.range {
            let range = PyDict::new(py);
            range.set_item("begin", begin)?;
            range.set_item("end", end)?;
            dict.set_item("range", range)?;
        }
        Ok(dict)
    }
}

impl PyTimeExpression {
    /// The Python view of a found expression: `view` for the text and
    /// offsets, `rule` from the `TimeExpression` it views.
    pub fn found(view: DateView<'_>, rule: &str) -> PyTimeExpression {
        PyTimeExpression {
            text: view.span.text.to_owned(),
            kind: view.kind.to_owned(),
            value: view.value.to_owned(),
            start: view.span.start,
            end: view.span.end,
            modifier: view.modifier.map(str::to_owned),
            range: view.range.map(|r| (r.begin.to_owned(), r.end.to_owned())),
            rule: Some(rule.to_owned()),
        }
    }
}

/// A `reference_date` argument: `None` (today, UTC, with a
/// `ReferenceDateWarning` the first time), a `datetime.date` or
/// `datetime.datetime`, or an ISO `YYYY-MM-DD` string.
pub fn reference_date(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Date> {
    let Some(value) = value.filter(|v| !v.is_none()) else { return today(py) };
    if value.is_instance_of::<PyString>() {
        let text: String = value.extract()?;
        return text.parse().map_err(|err| value_error(format!("reference_date {text:?}: {err}")));
    }
    let date_type = value.py().import("datetime")?.getattr("date")?;
    if value.is_instance(&date_type)? {
        let (year, month, day): (i32, u32, u32) = (
            value.getattr("year")?.extract()?,
            value.getattr("month")?.extract()?,
            value.getattr("day")?.extract()?,
        );
        return Date::new(year, month, day).map_err(value_error);
    }
    Err(PyTypeError::new_err(format!(
        "reference_date must be a datetime.date, a datetime.datetime or a 'YYYY-MM-DD' string, not {}",
        value.get_type().name()?
    )))
}

/// Whether the reference-date warning has been given in this process.
static WARNED: AtomicBool = AtomicBool::new(false);

/// Today's date (UTC), for a call without a reference date: resolving
/// "yesterday" in an archive against the day the code runs is rarely what
/// was meant, so the first such call in a process warns, as the CLI says
/// so on stderr. Once, because a batch job would otherwise warn per text.
fn today(py: Python<'_>) -> PyResult<Date> {
    let today = Date::today_utc();
    if !WARNED.swap(true, Ordering::Relaxed) {
        let category = py.get_type::<ReferenceDateWarning>();
        let message = CString::new(format!(
            "no reference_date given: relative dates resolve against today, {today} (UTC); \
             pass reference_date= (such as the publication date) to resolve them against \
             that (this warning is shown once per process)"
        ))
        .expect("the message has no NUL byte");
        PyErr::warn(py, &category, &message, 1)?;
    }
    Ok(today)
}

/// A `direction` argument.
pub fn direction(value: &str) -> PyResult<Direction> {
    value.parse().map_err(value_error)
}

/// Finds date and time expressions in `text`, resolved against
/// `reference_date`, read with the word tables of `lang` (`None`: English).
#[pyfunction]
#[pyo3(
    signature = (text, reference_date = None, *, direction = "context".to_owned(), day_first = false, lang = None),
    text_signature = "(text, reference_date=None, *, direction='context', day_first=False, lang=None)"
)]
pub fn find_dates<'py>(
    py: Python<'py>,
    text: String,
    reference_date: Option<&Bound<'_, PyAny>>,
    direction: String,
    day_first: bool,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyList>> {
    let reference = self::reference_date(py, reference_date)?;
    let direction = self::direction(&direction)?;
    let lang = crate::lang::lang(lang, "find_dates")?;
    // Cheap: every extractor shares the lexicons `dateline-dates` compiles
    // once per process.
    let extractor = DateExtractor::builder()
        .direction(direction)
        .day_first(day_first)
        .lang(lang)
        .build()
        .map_err(value_error)?;
    let found: Vec<PyTimeExpression> = py.detach(|| {
        let found = extractor.extract(&text, reference);
        let mut viewer = Viewer::new(&text);
        found.iter().map(|date| PyTimeExpression::found(viewer.date(date), date.rule())).collect()
    });
    let found =
        found.into_iter().map(|d| strings::untracked(py, d)).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, found)
}
