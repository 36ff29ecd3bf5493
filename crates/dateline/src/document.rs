use dateline_dates::TimeExpression;
use dateline_gazetteer::EntityMatch;
use dateline_tokenize::{Span, Token};

/// Everything the pipeline found in one document, with byte spans into the
/// document's text.
///
/// For offsets in code points (JSON, Python), see [`Document::view`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Document {
    /// The sentences, in order, trimmed of surrounding whitespace.
    pub sentences: Vec<Span>,
    /// Gazetteer entities, leftmost-longest, in order.
    pub entities: Vec<Entity>,
    /// Date and time expressions, in order.
    pub dates: Vec<TimeExpression>,
    /// The tokens, when the pipeline was asked to keep them.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub tokens: Option<Vec<Token>>,
}

/// A gazetteer match, owned: its span and its candidates, best first.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    span: Span,
    label: String,
    id: String,
    alternatives: Vec<(String, String)>,
}

impl Entity {
    /// Takes what a gazetteer match says, to keep after the text is gone.
    pub fn from_match(found: &EntityMatch<'_>) -> Entity {
        Entity {
            span: found.span(),
            label: found.label().to_owned(),
            id: found.id().to_owned(),
            alternatives: found
                .candidates()
                .skip(1)
                .map(|c| (c.label().to_owned(), c.id().to_owned()))
                .collect(),
        }
    }

    /// Where the entity is, in bytes.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Byte offset of the entity's start.
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// Byte offset one past the entity's end.
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// The best candidate's label, such as `GPE` or `PERSON`.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The best candidate's id, such as `CN` or a GeoNames id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The other candidates for the same surface form, as `(label, id)`,
    /// best first.
    pub fn alternatives(&self) -> &[(String, String)] {
        &self.alternatives
    }
}
