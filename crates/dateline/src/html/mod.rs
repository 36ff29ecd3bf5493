//! One self-contained HTML page to look at results: a summary at the top
//! (counts per label, the most frequent entities with their ids, the
//! normalized dates on a timeline), then each document's text with its
//! entities and dates highlighted, one colour per label, and a hover
//! (`title`) on each saying the label and id, or the TIMEX3 type, value
//! and rule.
//!
//! The page holds its CSS inline and needs no script and no network: it
//! can be mailed, archived or opened from disk. Every piece of text
//! (document text, names, labels, ids) is HTML-escaped, so a document
//! holding `<script>` shows it as text.
//!
//! [`Page`] collects documents and writes the page at the end, since the
//! summary at the top covers all of them: a page holds every document's
//! rendered text in memory (about two to four times the text's size).
//! Rendering a document ([`Section::new`]) is independent of the others,
//! so callers with many can render in parallel and [`Page::push`] in
//! order.
//!
//! # Example
//!
//! ```
//! use dateline::html::{Annotated, Page};
//! use dateline::{Date, Pipeline};
//!
//! let text = "China tightened export controls on <drones>, effective 1 September.";
//! let reference: Date = "2024-07-24".parse()?;
//! let document = Pipeline::new().process(text, reference);
//!
//! let mut page = Page::new();
//! page.add(&Annotated::new("example", text, &document).reference_date(reference));
//! let html = page.to_html();
//! assert!(html.contains("data-id=\"iso3166-1:CN\""));
//! assert!(html.contains("data-value=\"2024-09-01\""));
//! assert!(html.contains("&lt;drones&gt;") && !html.contains("<drones>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod escape;
mod marks;
mod summary;
mod timeline;

use std::fmt::Write as _;
use std::io;

use dateline_dates::Date;
use dateline_tokenize::Span;

use self::escape::{class_name, escape, escape_into};
use self::marks::{Mark, write_marked};
use self::summary::Summary;
use crate::Document;

/// One document to render: its text and what was found in it, with byte
/// spans into the text.
///
/// Build it from a pipeline's [`Document`] with [`Annotated::new`], or
/// field by field from results kept elsewhere. Spans that do not fit the
/// text (out of range, not on a character boundary) are not highlighted
/// rather than an error.
#[derive(Clone, Debug, Default)]
pub struct Annotated<'a> {
    /// What the page calls the document: a file name, an id.
    pub name: &'a str,
    /// The document's text.
    pub text: &'a str,
    /// The date relative expressions were resolved against, if known.
    pub reference_date: Option<Date>,
    /// The sentences; each start gets a thin marker.
    pub sentences: Vec<Span>,
    /// The entities.
    pub entities: Vec<EntityMark<'a>>,
    /// The date and time expressions.
    pub dates: Vec<DateMark<'a>>,
}

/// An entity to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityMark<'a> {
    /// Where it is, in bytes.
    pub span: Span,
    /// Its label, which picks the colour.
    pub label: &'a str,
    /// Its id; empty for a name a context rule found.
    pub id: &'a str,
    /// `gazetteer` or `rule`.
    pub source: &'a str,
    /// The context rule that decided, if one did.
    pub rule: Option<&'a str>,
}

/// A date or time expression to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMark<'a> {
    /// Where it is, in bytes.
    pub span: Span,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`), which picks the colour.
    pub kind: &'a str,
    /// TIMEX3 value.
    pub value: &'a str,
    /// TIMEX3 `mod`, if any.
    pub modifier: Option<&'a str>,
    /// The grammar rule that matched, when known.
    pub rule: Option<&'a str>,
}

impl<'a> Annotated<'a> {
    /// A pipeline's results for `text`, the text they were computed from.
    pub fn new(name: &'a str, text: &'a str, document: &'a Document) -> Annotated<'a> {
        Annotated {
            name,
            text,
            reference_date: None,
            sentences: document.sentences.clone(),
            entities: document
                .entities
                .iter()
                .map(|e| EntityMark {
                    span: e.span(),
                    label: e.label(),
                    id: e.id(),
                    source: e.source().as_str(),
                    rule: e.rule(),
                })
                .collect(),
            dates: document
                .dates
                .iter()
                .map(|d| DateMark {
                    span: d.span(),
                    kind: d.kind().as_str(),
                    value: d.value(),
                    modifier: d.modifier().map(|m| m.as_str()),
                    rule: Some(d.rule()),
                })
                .collect(),
        }
    }

    /// Says which reference date the dates were resolved against.
    pub fn reference_date(mut self, date: Date) -> Annotated<'a> {
        self.reference_date = Some(date);
        self
    }
}

/// The text of `span` in `text`, or `""` when it does not fit.
fn span_text(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// One document, rendered: its part of the page and its tally for the
/// summary.
#[derive(Clone, Debug)]
pub struct Section {
    html: String,
    summary: Summary,
}

impl Section {
    /// Renders one document.
    pub fn new(document: &Annotated<'_>) -> Section {
        let mut html = String::with_capacity(3 * document.text.len() + 256);
        html.push_str("<h2>");
        escape_into(&mut html, if document.name.is_empty() { "document" } else { document.name });
        html.push_str("</h2><p class=\"meta\">");
        if let Some(date) = document.reference_date {
            let _ = write!(html, "reference date {date} · ");
        }
        let _ = write!(
            html,
            "{} sentences · {} entities · {} dates</p><div class=\"text\">",
            document.sentences.len(),
            document.entities.len(),
            document.dates.len()
        );
        let marks = document
            .entities
            .iter()
            .map(|e| Mark { start: e.span.start, end: e.span.end, open: entity_tag(e) })
            .chain(document.dates.iter().map(|d| Mark {
                start: d.span.start,
                end: d.span.end,
                open: date_tag(d),
            }))
            .collect();
        let starts: Vec<usize> = document.sentences.iter().map(|s| s.start).collect();
        if document.text.is_empty() {
            html.push_str("<span class=\"empty\">(empty)</span>");
        }
        write_marked(&mut html, document.text, marks, &starts);
        html.push_str("</div>");
        Section { html, summary: Summary::of(document) }
    }
}

/// `<mark ...>` for an entity: class by label, data attributes for
/// scripts and tests, a `title` for people.
fn entity_tag(entity: &EntityMark<'_>) -> String {
    let mut title = entity.label.to_owned();
    if !entity.id.is_empty() {
        let _ = write!(title, " · {}", entity.id);
    }
    let _ = write!(title, "\nsource: {}", entity.source);
    if let Some(rule) = entity.rule {
        let _ = write!(title, "\nrule: {rule}");
    }
    let mut tag = format!(
        "<mark class=\"ent {}\" data-label=\"{}\" data-id=\"{}\"",
        class_name("l-", entity.label),
        escape(entity.label),
        escape(entity.id)
    );
    if let Some(rule) = entity.rule {
        let _ = write!(tag, " data-rule=\"{}\"", escape(rule));
    }
    let _ = write!(tag, " title=\"{}\">", escape(&title).replace('\n', "&#10;"));
    tag
}

/// `<mark ...>` for a date expression.
fn date_tag(date: &DateMark<'_>) -> String {
    let mut title = format!("{} · {}", date.kind, date.value);
    if let Some(modifier) = date.modifier {
        let _ = write!(title, "\nmod: {modifier}");
    }
    if let Some(rule) = date.rule {
        let _ = write!(title, "\nrule: {rule}");
    }
    let mut tag = format!(
        "<mark class=\"date {}\" data-type=\"{}\" data-value=\"{}\"",
        class_name("t-", date.kind),
        escape(date.kind),
        escape(date.value)
    );
    if let Some(rule) = date.rule {
        let _ = write!(tag, " data-rule=\"{}\"", escape(rule));
    }
    let _ = write!(tag, " title=\"{}\">", escape(&title).replace('\n', "&#10;"));
    tag
}

/// The colours of the labels everyone has (OntoNotes, as spaCy's displaCy
/// shows them) and of the TIMEX3 types; any other label gets a colour
/// from its name.
const ENTITY_COLOURS: &[(&str, &str)] = &[
    ("GPE", "#feca74"),
    ("NORP", "#c887fb"),
    ("ORG", "#7aecec"),
    ("LOC", "#ff9561"),
    ("PERSON", "#aa9cfc"),
    ("FAC", "#9cc9cc"),
    ("EVENT", "#ffeb80"),
    ("PRODUCT", "#bfeeb7"),
    ("WORK_OF_ART", "#f0d0ff"),
    ("LAW", "#ff8197"),
    ("LANGUAGE", "#ffb3c6"),
];
const DATE_COLOURS: &[(&str, &str)] =
    &[("DATE", "#a7e3b5"), ("TIME", "#9fd5f0"), ("DURATION", "#dfe79a"), ("SET", "#f4c2d7")];

/// A light colour for a label no table knows, the same on every page.
fn colour(label: &str, known: &[(&str, &str)]) -> String {
    if let Some((_, colour)) = known.iter().find(|(name, _)| *name == label) {
        return (*colour).to_owned();
    }
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let hash =
        label.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("hsl({},70%,78%)", hash % 360)
}

/// A page of documents, written once all are in.
#[derive(Clone, Debug, Default)]
pub struct Page {
    title: Option<String>,
    sections: Vec<String>,
    summary: Summary,
}

impl Page {
    /// An empty page.
    pub fn new() -> Page {
        Page::default()
    }

    /// Sets the page's heading (and `<title>`); by default it says how
    /// many documents the page holds.
    pub fn title(&mut self, title: &str) -> &mut Page {
        self.title = Some(title.to_owned());
        self
    }

    /// Renders a document and adds it after the others.
    pub fn add(&mut self, document: &Annotated<'_>) -> &mut Page {
        self.push(Section::new(document))
    }

    /// Adds a rendered document after the others.
    pub fn push(&mut self, section: Section) -> &mut Page {
        self.sections.push(section.html);
        self.summary.merge(section.summary);
        self
    }

    /// How many documents the page holds.
    pub fn len(&self) -> usize {
        self.sections.len()
    }

    /// Whether the page holds no document.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// The whole page: `<!DOCTYPE html>` to `</html>`.
    pub fn to_html(&self) -> String {
        self.to_string(true)
    }

    /// The page as one `<div>` with its `<style>`, to embed in another
    /// page (a notebook cell's output). Every rule is scoped to the div's
    /// class, so the style does not leak into the host page.
    pub fn to_fragment(&self) -> String {
        self.to_string(false)
    }

    /// Writes [`Page::to_html`] to `out`, a piece at a time: the head and
    /// summary, then each document's section as it is held, so a large
    /// page is never copied whole.
    ///
    /// # Errors
    ///
    /// When `out` fails.
    pub fn write_to(&self, out: &mut impl io::Write) -> io::Result<()> {
        self.write_parts(true, out)
    }

    fn to_string(&self, whole: bool) -> String {
        let mut out = Vec::with_capacity(self.body_len() + 8192);
        self.write_parts(whole, &mut out).expect("writing to memory cannot fail");
        String::from_utf8(out).expect("every part is a str")
    }

    /// The page (`whole`) or the fragment, into `out`.
    fn write_parts(&self, whole: bool, out: &mut impl io::Write) -> io::Result<()> {
        let mut head = String::with_capacity(8192);
        if whole {
            head.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
            head.push_str(
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            );
            head.push_str("<meta name=\"generator\" content=\"dateline\"><title>");
            escape_into(&mut head, &self.heading());
            head.push_str("</title>");
        }
        self.write_style(&mut head);
        if whole {
            head.push_str("</head><body style=\"margin:0\">");
        }
        head.push_str("<div class=\"dateline-page\"><header><h1>");
        escape_into(&mut head, &self.heading());
        head.push_str("</h1></header><section class=\"summary\">");
        self.summary.write(&mut head);
        head.push_str("</section>");
        out.write_all(head.as_bytes())?;
        for (i, section) in self.sections.iter().enumerate() {
            write!(out, "<section class=\"doc\" id=\"doc-{}\">", i + 1)?;
            out.write_all(section.as_bytes())?;
            out.write_all(b"</section>")?;
        }
        out.write_all(if whole { b"</div></body></html>\n" } else { b"</div>" })
    }

    fn body_len(&self) -> usize {
        self.sections.iter().map(String::len).sum::<usize>() + 64 * self.sections.len()
    }

    fn heading(&self) -> String {
        match &self.title {
            Some(title) => title.clone(),
            None => match self.summary.documents() {
                1 => "dateline: 1 document".to_owned(),
                n => format!("dateline: {n} documents"),
            },
        }
    }

    fn write_style(&self, out: &mut String) {
        out.push_str("<style>");
        out.push_str(include_str!("page.css"));
        for label in self.summary.labels() {
            let _ = writeln!(
                out,
                ".dateline-page .{}{{background:{}}}",
                class_name("l-", label),
                colour(label, ENTITY_COLOURS)
            );
        }
        for kind in self.summary.types() {
            let _ = writeln!(
                out,
                ".dateline-page .{0}{{background:{1}}}.dateline-page svg .{0} rect{{fill:{1}}}",
                class_name("t-", kind),
                colour(kind, DATE_COLOURS)
            );
        }
        out.push_str("</style>");
    }
}

/// The page for `documents`, in order: [`Page::add`] for each, then
/// [`Page::to_html`].
pub fn render_html<'a>(documents: impl IntoIterator<Item = &'a Annotated<'a>>) -> String {
    let mut page = Page::new();
    for document in documents {
        page.add(document);
    }
    page.to_html()
}

#[cfg(test)]
mod tests;
