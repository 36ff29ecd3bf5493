//! Results with code-point offsets: what JSON output and Python see.
//!
//! Rust results carry byte spans. Everything that leaves Rust goes through
//! these views, which convert with the one [`CharOffsets`] function, so the
//! CLI and the Python binding can never disagree on an offset.

use dateline_dates::TimeExpression;
use dateline_tokenize::{CharOffsets, Span, Token};

use crate::{Document, Entity};

/// A stretch of text with code-point offsets: `text[start:end]` in Python.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TextView<'t> {
    /// The covered text.
    pub text: &'t str,
    /// Code-point offset of the start.
    pub start: usize,
    /// Code-point offset one past the end.
    pub end: usize,
}

/// A token with code-point offsets.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TokenView<'t> {
    /// Text and offsets.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub span: TextView<'t>,
    /// The token kind, such as `word` or `url`.
    pub kind: &'static str,
    /// The syntactic words of a multi-word token (treebank mode: German
    /// `zum` -> `["zu", "dem"]`); empty, and not serialized, otherwise.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "<[_]>::is_empty"))]
    pub words: &'static [&'static str],
}

/// An entity with code-point offsets.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EntityView<'t> {
    /// Text and offsets.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub span: TextView<'t>,
    /// The best candidate's label.
    pub label: &'t str,
    /// The best candidate's id; empty for an entity a rule found.
    pub id: &'t str,
    /// Where the label comes from: `gazetteer` or `rule`.
    pub source: &'static str,
    /// The context rule that decided, if one did.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub rule: Option<&'t str>,
    /// The longer name the entity sits in (nested policy `flag`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub enclosing: Option<OffsetsView>,
    /// The other candidates, best first.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub alternatives: Vec<AlternativeView<'t>>,
}

/// Code-point offsets of a span whose text is not repeated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OffsetsView {
    /// Code-point offset of the start.
    pub start: usize,
    /// Code-point offset one past the end.
    pub end: usize,
}

/// Another candidate for an entity's surface form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AlternativeView<'t> {
    /// Its label.
    pub label: &'t str,
    /// Its id.
    pub id: &'t str,
}

/// A date or time expression with code-point offsets.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DateView<'t> {
    /// Text and offsets.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub span: TextView<'t>,
    /// TIMEX3 type: `DATE`, `TIME`, `DURATION` or `SET`.
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: &'static str,
    /// TIMEX3 value, such as `2024-09-01` or `P3D`.
    pub value: &'t str,
    /// TIMEX3 `mod`, such as `START` or `APPROX`.
    #[cfg_attr(feature = "serde", serde(rename = "mod", skip_serializing_if = "Option::is_none"))]
    pub modifier: Option<&'static str>,
    /// For ranges ("from 1 to 3 September", "since 2012"), the end points.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub range: Option<RangeView<'t>>,
}

/// The end points of a range, as TIMEX3 values.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RangeView<'t> {
    /// The first point.
    pub begin: &'t str,
    /// The last point.
    pub end: &'t str,
}

/// A whole document's results with code-point offsets.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DocumentView<'t> {
    /// Sentences.
    pub sentences: Vec<TextView<'t>>,
    /// Entities.
    pub entities: Vec<EntityView<'t>>,
    /// Date and time expressions.
    pub dates: Vec<DateView<'t>>,
    /// Tokens, when kept.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub tokens: Option<Vec<TokenView<'t>>>,
}

/// Converts results for one text to views. Ask for spans in ascending
/// order where you can: each kind of result comes sorted, so a viewer per
/// kind converts in amortized constant time per span.
#[derive(Clone, Debug)]
pub struct Viewer<'t> {
    text: &'t str,
    offsets: CharOffsets<'t>,
    /// Enclosing names start before the entities in them: converting them
    /// apart keeps both conversions in ascending order.
    enclosing: CharOffsets<'t>,
}

impl<'t> Viewer<'t> {
    /// A viewer for results found in `text`.
    pub fn new(text: &'t str) -> Viewer<'t> {
        Viewer { text, offsets: CharOffsets::new(text), enclosing: CharOffsets::new(text) }
    }

    /// A span as text with code-point offsets.
    pub fn span(&mut self, span: Span) -> TextView<'t> {
        let (start, end) = self.offsets.span(span);
        TextView { text: &self.text[span], start, end }
    }

    /// A token's view.
    pub fn token(&mut self, token: &Token) -> TokenView<'t> {
        TokenView {
            span: self.span(token.span()),
            kind: token.kind().as_str(),
            words: token.words(),
        }
    }

    /// An entity's view.
    pub fn entity<'e>(&mut self, entity: &'e Entity) -> EntityView<'e>
    where
        't: 'e,
    {
        EntityView {
            span: self.span(entity.span()),
            label: entity.label(),
            id: entity.id(),
            source: entity.source().as_str(),
            rule: entity.rule(),
            enclosing: entity.enclosing().map(|span| {
                let (start, end) = self.enclosing.span(span);
                OffsetsView { start, end }
            }),
            alternatives: entity
                .alternatives()
                .iter()
                .map(|(label, id)| AlternativeView { label, id })
                .collect(),
        }
    }

    /// A date expression's view.
    pub fn date<'e>(&mut self, date: &'e TimeExpression) -> DateView<'e>
    where
        't: 'e,
    {
        DateView {
            span: self.span(date.span()),
            kind: date.kind().as_str(),
            value: date.value(),
            modifier: date.modifier().map(|m| m.as_str()),
            range: date.range().map(|r| RangeView { begin: r.begin(), end: r.end() }),
        }
    }
}

impl Document {
    /// This document's results with code-point offsets into `text`, the
    /// text it was computed from.
    pub fn view<'d>(&'d self, text: &'d str) -> DocumentView<'d> {
        DocumentView {
            sentences: {
                let mut viewer = Viewer::new(text);
                self.sentences.iter().map(|&s| viewer.span(s)).collect()
            },
            entities: {
                let mut viewer = Viewer::new(text);
                self.entities.iter().map(|e| viewer.entity(e)).collect()
            },
            dates: {
                let mut viewer = Viewer::new(text);
                self.dates.iter().map(|d| viewer.date(d)).collect()
            },
            tokens: self.tokens.as_ref().map(|tokens| {
                let mut viewer = Viewer::new(text);
                tokens.iter().map(|t| viewer.token(t)).collect()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Date, Pipeline};

    #[test]
    fn views_count_code_points_and_slice_back_to_the_text() {
        let text = "Київ — “Kyiv” 👩‍👩‍👧: China’s envoy arrived on 23 July.";
        let reference: Date = "2024-07-24".parse().expect("a valid date");
        let document = Pipeline::builder()
            .tokens(true)
            .build()
            .expect("valid settings")
            .process(text, reference);
        let view = document.view(text);
        let chars: Vec<char> = text.chars().collect();
        let slice = |start: usize, end: usize| chars[start..end].iter().collect::<String>();

        let china = view.entities.iter().find(|e| e.span.text == "China").expect("China is found");
        // Four Cyrillic letters, " — “Kyiv” ", a five-code-point family emoji, ": ".
        assert_eq!((china.span.start, china.span.end), (21, 26));
        for span in view.sentences.iter().chain(view.entities.iter().map(|e| &e.span)) {
            assert_eq!(slice(span.start, span.end), span.text);
        }
        for date in &view.dates {
            assert_eq!(slice(date.span.start, date.span.end), date.span.text);
        }
        for token in view.tokens.as_deref().unwrap_or_default() {
            assert_eq!(slice(token.span.start, token.span.end), token.span.text);
        }
        assert_eq!(view.dates[0].value, "2024-07-23");
    }

    #[test]
    fn token_views_carry_the_words_of_multiword_tokens() {
        let text = "Le prix du pétrole";
        let reference: Date = "2024-07-24".parse().expect("a valid date");
        let document = Pipeline::builder()
            .lang(crate::Lang::Fr)
            .mode(crate::Mode::Treebank)
            .tokens(true)
            .build()
            .expect("valid settings")
            .process(text, reference);
        let view = document.view(text);
        let words: Vec<(&str, &[&str])> = view
            .tokens
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|t| (t.span.text, t.words))
            .collect();
        assert_eq!(
            words,
            [("Le", &[][..]), ("prix", &[]), ("du", &["de", "le"]), ("pétrole", &[])]
        );
    }
}
