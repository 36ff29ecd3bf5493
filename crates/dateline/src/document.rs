use std::borrow::Cow;

use dateline_dates::TimeExpression;
use dateline_gazetteer::{EntityMatch, Resolved, Source};
use dateline_tokenize::{Span, Token};

/// Everything the pipeline found in one document, with byte spans into the
/// document's text.
///
/// For offsets in code points (JSON, Python), see [`Document::view`].
#[derive(Clone, Debug, Default, PartialEq)]
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

/// An entity, owned: a gazetteer match read in context (its span and its
/// candidates, best first), or a name a context rule found.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    span: Span,
    label: Cow<'static, str>,
    id: String,
    alternatives: Vec<(String, String)>,
    source: Source,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    rule: Option<Cow<'static, str>>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    enclosing: Option<Span>,
}

/// The label as an entity keeps it: borrowed when it is one of the labels
/// of the default gazetteer and of OntoNotes, rather than an allocated copy
/// (a news document has hundreds of entities, nearly all of them labeled
/// with one of a few). A `match`, which the compiler turns into a test of
/// the length and a few bytes, not a scan of the list with a string
/// comparison for each label: this runs for every entity.
fn label_of(label: &str) -> Cow<'static, str> {
    let common = match label {
        "GPE" => "GPE",
        "NORP" => "NORP",
        "ORG" => "ORG",
        "LOC" => "LOC",
        "PERSON" => "PERSON",
        "FAC" => "FAC",
        "EVENT" => "EVENT",
        "PRODUCT" => "PRODUCT",
        "WORK_OF_ART" => "WORK_OF_ART",
        "LAW" => "LAW",
        "LANGUAGE" => "LANGUAGE",
        _ => return Cow::Owned(label.to_owned()),
    };
    Cow::Borrowed(common)
}

impl Entity {
    /// Takes what a gazetteer match says, as found (no context rules), to
    /// keep after the text is gone.
    pub fn from_match(found: &EntityMatch<'_>) -> Entity {
        Entity::from_resolved(&Resolved::from(*found))
    }

    /// Takes what a match read in context says (see
    /// [`dateline_gazetteer::Resolver`]).
    pub fn from_resolved(found: &Resolved<'_>) -> Entity {
        Entity {
            span: found.span(),
            label: label_of(found.label()),
            id: found.id().to_owned(),
            // Most names have one candidate: no alternatives to walk to.
            alternatives: if found.matched().is_some_and(|m| m.candidates().len() > 1) {
                found
                    .candidates()
                    .skip(1)
                    .map(|c| (c.label().to_owned(), c.id().to_owned()))
                    .collect()
            } else {
                Vec::new()
            },
            source: found.source(),
            rule: found.rule().map(Cow::Borrowed),
            enclosing: found.enclosing(),
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

    /// The best candidate's id, such as `iso3166-1:CN` or `geonames:703448`
    /// from the default gazetteer, or a user gazetteer's id as written.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The other candidates for the same surface form, as `(label, id)`,
    /// best first.
    pub fn alternatives(&self) -> &[(String, String)] {
        &self.alternatives
    }

    /// Where the label comes from: a gazetteer entry, or a context rule.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The context rule that decided, if one did: `head:org` for "US
    /// Navy", `sports:score` for a city used as a club, ...
    pub fn rule(&self) -> Option<&str> {
        self.rule.as_deref()
    }

    /// With [`Nested::Flag`](dateline_gazetteer::Nested::Flag), the longer
    /// name the entity sits in.
    pub fn enclosing(&self) -> Option<Span> {
        self.enclosing
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::label_of;

    #[test]
    fn common_labels_are_borrowed_and_others_kept_as_given() {
        assert!(matches!(label_of("GPE"), Cow::Borrowed("GPE")));
        assert!(matches!(label_of("PERSON"), Cow::Borrowed("PERSON")));
        assert!(matches!(label_of("gpe"), Cow::Owned(label) if label == "gpe"));
        assert!(matches!(label_of("SHIP"), Cow::Owned(label) if label == "SHIP"));
    }
}
