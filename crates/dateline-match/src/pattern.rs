//! Patterns, their identifiers and their case policies.

/// How a pattern's letter case must appear in the text.
///
/// Case is compared after folding, letter by letter: each character of the
/// pattern and of the matched text is either uppercase (or titlecase) or
/// not, and the policy says how the two must relate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum CasePolicy {
    /// Any case: "china", "China" and "CHINA" all match "China".
    #[default]
    Insensitive,
    /// The written case exactly: "US" matches "US" only, "Nice" matches
    /// "Nice" only. (Folding of typography, whitespace and, if enabled,
    /// accents still applies.)
    Sensitive,
    /// Every letter that is uppercase in the pattern must be uppercase in
    /// the text; letters lowercase in the pattern match either case. The
    /// text may be *more* capitalized than the pattern, never less.
    ///
    /// So acronyms match only as acronyms ("US" finds "US" but not "us" or
    /// "Us"; "WHO" not "who" or "Who"), capitalized names need their
    /// capitals ("Nice" finds "Nice" and "NICE" but not "nice"; "China" not
    /// "china"), and all-lowercase patterns behave as
    /// [`Insensitive`](CasePolicy::Insensitive). Headlines in capitals
    /// therefore still match. Whether a name is also a common word is the
    /// caller's data decision: pass [`Sensitive`](CasePolicy::Sensitive)
    /// to refuse "NICE" as well.
    Auto,
}

/// A pattern: its text and, optionally, its own case policy.
///
/// Strings convert into patterns that take the builder's default policy
/// ([`MatcherBuilder::case_policy`](crate::MatcherBuilder::case_policy));
/// a `(text, CasePolicy)` pair or [`Pattern::new`] sets one explicitly.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Pattern {
    text: String,
    case_policy: Option<CasePolicy>,
}

impl Pattern {
    /// A pattern with an explicit case policy.
    pub fn new(text: impl Into<String>, case_policy: CasePolicy) -> Pattern {
        Pattern { text: text.into(), case_policy: Some(case_policy) }
    }

    /// A pattern that takes the builder's default case policy.
    pub fn with_default_policy(text: impl Into<String>) -> Pattern {
        Pattern { text: text.into(), case_policy: None }
    }

    /// The pattern's text as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The explicit case policy, or `None` for the builder's default.
    pub fn case_policy(&self) -> Option<CasePolicy> {
        self.case_policy
    }
}

impl From<&str> for Pattern {
    fn from(text: &str) -> Pattern {
        Pattern::with_default_policy(text)
    }
}

impl From<&String> for Pattern {
    fn from(text: &String) -> Pattern {
        Pattern::with_default_policy(text.as_str())
    }
}

impl From<String> for Pattern {
    fn from(text: String) -> Pattern {
        Pattern::with_default_policy(text)
    }
}

impl<S: Into<String>> From<(S, CasePolicy)> for Pattern {
    fn from((text, policy): (S, CasePolicy)) -> Pattern {
        Pattern::new(text, policy)
    }
}

impl From<&Pattern> for Pattern {
    fn from(pattern: &Pattern) -> Pattern {
        pattern.clone()
    }
}

/// Identifies a pattern: its index in the order the patterns were given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct PatternId(u32);

impl PatternId {
    /// The identifier of the pattern at `index`.
    pub const fn new(index: u32) -> PatternId {
        PatternId(index)
    }

    /// The index as `u32`.
    pub const fn as_u32(self) -> u32 {
        self.0
    }

    /// The index as `usize`, for indexing a slice of per-pattern data.
    pub const fn as_usize(self) -> usize {
        self.0 as usize
    }
}

impl From<PatternId> for usize {
    fn from(id: PatternId) -> usize {
        id.as_usize()
    }
}

impl From<PatternId> for u32 {
    fn from(id: PatternId) -> u32 {
        id.0
    }
}
