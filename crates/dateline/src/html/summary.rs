//! The top of the page: counts per label, the most frequent entities,
//! and the dates on a timeline, tallied document by document.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use super::escape::{class_name, escape};
use super::timeline::{self, Point};
use super::{Annotated, span_text};

/// How many of the most frequent entities the summary lists.
const TOP_ENTITIES: usize = 20;
/// How many distinct date values the summary's table lists.
const TOP_DATES: usize = 30;

/// What the summary says, over any number of documents. Tallies merge, so
/// documents can be tallied apart (in parallel) and added up in any order:
/// every list is sorted when written, never in arrival order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Summary {
    documents: usize,
    sentences: usize,
    /// Entities per label.
    labels: BTreeMap<String, usize>,
    /// Dates per TIMEX3 type.
    types: BTreeMap<String, usize>,
    /// Entities by (label, id), or by (label, text) when the id is empty
    /// (a rule-found name).
    entities: HashMap<(String, String, String), Forms>,
    /// Dates by value, with their type.
    dates: HashMap<(String, String), Forms>,
    references: BTreeSet<String>,
}

/// How often something was found, and as which texts.
#[derive(Clone, Debug, Default)]
struct Forms {
    count: usize,
    texts: BTreeMap<String, usize>,
}

impl Forms {
    fn add(&mut self, text: &str, count: usize) {
        self.count += count;
        *self.texts.entry(text.to_owned()).or_default() += count;
    }

    fn merge(&mut self, other: Forms) {
        self.count += other.count;
        for (text, n) in other.texts {
            *self.texts.entry(text).or_default() += n;
        }
    }

    /// The most frequent text (the first in order on a tie).
    fn usual(&self) -> &str {
        let mut best: Option<(&str, usize)> = None;
        for (text, &n) in &self.texts {
            if best.is_none_or(|(_, most)| n > most) {
                best = Some((text, n));
            }
        }
        best.map_or("", |(text, _)| text)
    }

    /// The texts, most frequent first, quoted and joined.
    fn written(&self, at_most: usize) -> String {
        let mut texts: Vec<(&String, &usize)> = self.texts.iter().collect();
        texts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let mut out: Vec<String> =
            texts.iter().take(at_most).map(|(t, n)| format!("“{t}” ×{n}")).collect();
        if texts.len() > at_most {
            out.push(format!("and {} more", texts.len() - at_most));
        }
        out.join(", ")
    }
}

impl Summary {
    /// The tally of one document.
    pub(crate) fn of(document: &Annotated<'_>) -> Summary {
        let mut summary =
            Summary { documents: 1, sentences: document.sentences.len(), ..Summary::default() };
        for entity in &document.entities {
            let text = span_text(document.text, entity.span);
            *summary.labels.entry(entity.label.to_owned()).or_default() += 1;
            let unnamed = if entity.id.is_empty() { text } else { "" };
            summary
                .entities
                .entry((entity.label.to_owned(), entity.id.to_owned(), unnamed.to_owned()))
                .or_default()
                .add(text, 1);
        }
        for date in &document.dates {
            let text = span_text(document.text, date.span);
            *summary.types.entry(date.kind.to_owned()).or_default() += 1;
            summary
                .dates
                .entry((date.value.to_owned(), date.kind.to_owned()))
                .or_default()
                .add(text, 1);
        }
        if let Some(date) = document.reference_date {
            summary.references.insert(date.to_string());
        }
        summary
    }

    /// Adds another tally to this one.
    pub(crate) fn merge(&mut self, other: Summary) {
        self.documents += other.documents;
        self.sentences += other.sentences;
        for (label, n) in other.labels {
            *self.labels.entry(label).or_default() += n;
        }
        for (kind, n) in other.types {
            *self.types.entry(kind).or_default() += n;
        }
        for (key, forms) in other.entities {
            self.entities.entry(key).or_default().merge(forms);
        }
        for (key, forms) in other.dates {
            self.dates.entry(key).or_default().merge(forms);
        }
        self.references.extend(other.references);
    }

    /// The entity labels and date types found, for the page's colours.
    pub(crate) fn labels(&self) -> impl Iterator<Item = &str> {
        self.labels.keys().map(String::as_str)
    }

    /// The TIMEX3 types found.
    pub(crate) fn types(&self) -> impl Iterator<Item = &str> {
        self.types.keys().map(String::as_str)
    }

    pub(crate) fn documents(&self) -> usize {
        self.documents
    }

    /// Appends the summary's HTML to `out`.
    pub(crate) fn write(&self, out: &mut String) {
        let entities: usize = self.labels.values().sum();
        let dates: usize = self.types.values().sum();
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let _ = write!(
            out,
            "<p class=\"totals\">{} · {} · {} · {}</p>",
            plural(self.documents, "document", "documents"),
            plural(self.sentences, "sentence", "sentences"),
            plural(entities, "entity", "entities"),
            plural(dates, "date expression", "date expressions"),
        );
        out.push_str("<div class=\"panels\">");
        self.write_labels(out);
        self.write_entities(out);
        out.push_str("</div>");
        self.write_dates(out);
    }

    fn write_labels(&self, out: &mut String) {
        out.push_str("<section class=\"labels\"><h2>Labels</h2><table>");
        for (prefix, kind, counts) in [("l-", "entity", &self.labels), ("t-", "date", &self.types)]
        {
            for (label, n) in counts {
                let _ = write!(
                    out,
                    "<tr><td><span class=\"chip {class}\">{label}</span></td><td>{kind}</td>\
                     <td class=\"n\">{n}</td></tr>",
                    class = class_name(prefix, label),
                    label = escape(label),
                );
            }
        }
        if self.labels.is_empty() && self.types.is_empty() {
            out.push_str("<tr><td>nothing found</td></tr>");
        }
        out.push_str("</table></section>");
    }

    fn write_entities(&self, out: &mut String) {
        let mut ranked: Vec<(&(String, String, String), &Forms)> = self.entities.iter().collect();
        ranked.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        out.push_str("<section class=\"top\"><h2>Most frequent entities</h2><table>");
        for ((label, id, _), forms) in ranked.iter().take(TOP_ENTITIES) {
            let _ = write!(
                out,
                "<tr title=\"{written}\"><td><span class=\"chip {class}\">{text}</span></td>\
                 <td>{label}</td><td><code>{id}</code></td><td class=\"n\">{n}</td></tr>",
                written = escape(&forms.written(5)),
                class = class_name("l-", label),
                text = escape(forms.usual()),
                label = escape(label),
                id = escape(id),
                n = forms.count,
            );
        }
        if ranked.is_empty() {
            out.push_str("<tr><td>no entities</td></tr>");
        }
        if ranked.len() > TOP_ENTITIES {
            let _ = write!(
                out,
                "<tr><td colspan=\"4\">and {} more</td></tr>",
                ranked.len() - TOP_ENTITIES
            );
        }
        out.push_str("</table></section>");
    }

    fn write_dates(&self, out: &mut String) {
        out.push_str("<section class=\"dates\"><h2>Dates</h2>");
        let points: Vec<Point<'_>> = self
            .dates
            .iter()
            .map(|((value, kind), forms)| Point {
                value,
                kind,
                count: forms.count,
                written: forms.written(5),
            })
            .collect();
        let references: Vec<String> = self.references.iter().cloned().collect();
        match timeline::svg(&points, &references) {
            Some(svg) => out.push_str(&svg),
            None => out.push_str("<p class=\"none\">No date to place on a timeline.</p>"),
        }
        let mut listed: Vec<(&(String, String), &Forms)> = self.dates.iter().collect();
        // The most mentioned first (the timeline already gives the calendar
        // order), then by value.
        listed.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        if !listed.is_empty() {
            out.push_str(
                "<table><tr><th>value</th><th>type</th><th>as written</th><th>n</th></tr>",
            );
            for ((value, kind), forms) in listed.iter().take(TOP_DATES) {
                let _ = write!(
                    out,
                    "<tr><td><code>{value}</code></td><td><span class=\"chip {class}\">{kind}\
                     </span></td><td>{written}</td><td class=\"n\">{n}</td></tr>",
                    value = escape(value),
                    class = class_name("t-", kind),
                    kind = escape(kind),
                    written = escape(&forms.written(3)),
                    n = forms.count,
                );
            }
            if listed.len() > TOP_DATES {
                let _ = write!(
                    out,
                    "<tr><td colspan=\"4\">and {} more values</td></tr>",
                    listed.len() - TOP_DATES
                );
            }
            out.push_str("</table>");
        }
        out.push_str("</section>");
    }
}
