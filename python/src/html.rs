//! `Document.to_html()`, `Document._repr_html_()` and `to_html(documents)`:
//! the facade's page renderer (`dateline::html`) over Python results.
//!
//! Python results carry code-point offsets and Python strings; the
//! renderer takes byte spans and `&str`s. The binding converts, with the
//! GIL held, then renders with it released.

use dateline::Span;
use dateline::html::{Annotated, DateMark, EntityMark, Page, Section};
use pyo3::prelude::*;

use crate::document::PyDocument;
use crate::errors::value_error;
use crate::gazetteer::EntityParts;

/// One document's results as owned Rust values, byte offsets.
pub struct Owned {
    name: String,
    text: String,
    sentences: Vec<Span>,
    entities: Vec<EntityParts>,
    dates: Vec<(Span, String, String, Option<String>)>,
}

impl Owned {
    /// Reads `document`; `name` is what the page calls it.
    ///
    /// # Errors
    ///
    /// `ValueError` when the document has no text (built by hand without
    /// `text=`).
    pub fn new(py: Python<'_>, document: &PyDocument, name: String) -> PyResult<Owned> {
        let Some(text) = document.source_text() else {
            return Err(value_error(
                "this Document has no text to show: pass text= when you build it, or use \
                 extract() or extract_many(), which keep it",
            ));
        };
        let text = text.bind(py).to_cow()?.into_owned();
        // Code point i starts at byte starts[i]; one past the end is the
        // text's length. An offset past that gets no highlight, as the
        // renderer treats any span that does not fit.
        let starts: Vec<usize> =
            text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
        let span = |start: usize, end: usize| Span {
            start: starts.get(start).copied().unwrap_or(usize::MAX),
            end: starts.get(end).copied().unwrap_or(usize::MAX),
        };
        let sentences = document.sentence_offsets().map(|(start, end)| span(start, end)).collect();
        let mut entities = Vec::new();
        for entity in document.entity_objects() {
            let mut parts = entity.get().parts(py)?;
            let bytes = span(parts.start, parts.end);
            (parts.start, parts.end) = (bytes.start, bytes.end);
            entities.push(parts);
        }
        let dates = document
            .date_objects()
            .iter()
            .map(|date| {
                let (start, end, kind, value, modifier) = date.parts();
                (span(start, end), kind.to_owned(), value.to_owned(), modifier.map(str::to_owned))
            })
            .collect();
        Ok(Owned { name, text, sentences, entities, dates })
    }

    fn annotated(&self) -> Annotated<'_> {
        Annotated {
            name: &self.name,
            text: &self.text,
            reference_date: None,
            sentences: self.sentences.clone(),
            entities: self
                .entities
                .iter()
                .map(|e| EntityMark {
                    span: Span { start: e.start, end: e.end },
                    label: &e.label,
                    id: &e.id,
                    source: &e.source,
                    rule: e.rule.as_deref(),
                })
                .collect(),
            dates: self
                .dates
                .iter()
                .map(|(span, kind, value, modifier)| DateMark {
                    span: *span,
                    kind,
                    value,
                    modifier: modifier.as_deref(),
                    // Python's TimeExpression does not carry the rule.
                    rule: None,
                })
                .collect(),
        }
    }
}

/// The page for `documents`, whole or (`fragment`) as one `<div>` with
/// its scoped `<style>`, for a notebook cell.
pub fn render(py: Python<'_>, documents: &[Owned], title: Option<&str>, fragment: bool) -> String {
    py.detach(|| {
        let mut page = Page::new();
        if let Some(title) = title {
            page.title(title);
        }
        for document in documents {
            page.push(Section::new(&document.annotated()));
        }
        if fragment { page.to_fragment() } else { page.to_html() }
    })
}

/// One self-contained HTML page for several documents, in order: a
/// summary, then each document's text with entities and dates
/// highlighted. `names` (one per document) head their sections; by
/// default they are numbered.
#[pyfunction]
#[pyo3(signature = (documents, *, names = None, title = None))]
pub fn to_html(
    py: Python<'_>,
    documents: Vec<PyRef<'_, PyDocument>>,
    names: Option<Vec<String>>,
    title: Option<String>,
) -> PyResult<String> {
    if let Some(names) = &names
        && names.len() != documents.len()
    {
        return Err(value_error(format!(
            "names has {} items for {} documents: give one name per document",
            names.len(),
            documents.len()
        )));
    }
    let owned = documents
        .iter()
        .enumerate()
        .map(|(i, document)| {
            let name = match &names {
                Some(names) => names[i].clone(),
                None => format!("document {}", i + 1),
            };
            Owned::new(py, document, name)
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(render(py, &owned, title.as_deref(), false))
}
