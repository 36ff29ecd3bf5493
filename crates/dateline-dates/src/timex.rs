//! The result type, [`TimeExpression`], and its attribute enums.

use core::fmt;

use dateline_tokenize::Span;

/// The TIMEX3 `type` of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "UPPERCASE"))]
pub enum TimexType {
    /// A calendar date or period: "1 September", "2024", "last week", "now".
    Date,
    /// A time of day, possibly with its date: "3 p.m.", "Tuesday morning".
    Time,
    /// An amount of time: "three years", "the past two months".
    Duration,
    /// A recurrence: "every Monday", "weekly".
    Set,
}

impl TimexType {
    /// The TIMEX3 name: `"DATE"`, `"TIME"`, `"DURATION"` or `"SET"`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The granularity of an expression's value ("2015" has grain `Year`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Grain {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// A part of the day (morning, night).
    PartOfDay,
    /// Days.
    Day,
    /// Weeks (ISO weeks for dates) and weekends.
    Week,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Half years.
    Half,
    /// Seasons.
    Season,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
    /// Millennia.
    Millennium,
    /// No calendar grain: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`, or an
    /// unspecified duration unit.
    Unspecified,
}

/// A TimeML `mod` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "SCREAMING_SNAKE_CASE"))]
#[non_exhaustive]
pub enum Modifier {
    /// "before 2012".
    Before,
    /// "after 2012".
    After,
    /// "on or before".
    OnOrBefore,
    /// "on or after".
    OnOrAfter,
    /// "less than two years".
    LessThan,
    /// "more than two years".
    MoreThan,
    /// "no more than", "nearly", "up to".
    EqualOrLess,
    /// "at least".
    EqualOrMore,
    /// "early 2023", "the beginning of May".
    Start,
    /// "mid-2023", "the middle of May".
    Mid,
    /// "late 2023", "the end of May".
    End,
    /// "about two years", "around 3 p.m.".
    Approx,
}

impl Modifier {
    /// The TimeML name, e.g. `"START"`, `"EQUAL_OR_LESS"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Before => "BEFORE",
            Modifier::After => "AFTER",
            Modifier::OnOrBefore => "ON_OR_BEFORE",
            Modifier::OnOrAfter => "ON_OR_AFTER",
            Modifier::LessThan => "LESS_THAN",
            Modifier::MoreThan => "MORE_THAN",
            Modifier::EqualOrLess => "EQUAL_OR_LESS",
            Modifier::EqualOrMore => "EQUAL_OR_MORE",
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Approx => "APPROX",
        }
    }
}

impl fmt::Display for Modifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The begin and end points of an expression that denotes a stretch of time
/// ("the past two years", "since 2012", "1–3 September", each end of
/// "between 2019 and 2021"), as TIMEX3 values.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimexRange {
    begin: String,
    end: String,
}

impl TimexRange {
    pub(crate) fn new(begin: impl Into<String>, end: impl Into<String>) -> TimexRange {
        TimexRange { begin: begin.into(), end: end.into() }
    }

    /// The TIMEX3 value of the first point, e.g. `2022-07-24` or `PRESENT_REF`.
    pub fn begin(&self) -> &str {
        &self.begin
    }

    /// The TIMEX3 value of the last point.
    pub fn end(&self) -> &str {
        &self.end
    }
}

/// One date or time expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimeExpression {
    span: Span,
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    kind: TimexType,
    value: String,
    grain: Grain,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "mod", skip_serializing_if = "Option::is_none", default)
    )]
    modifier: Option<Modifier>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none", default))]
    range: Option<TimexRange>,
    rule: String,
}

impl TimeExpression {
    pub(crate) fn new(
        span: Span,
        kind: TimexType,
        value: String,
        grain: Grain,
        rule: String,
    ) -> Self {
        TimeExpression { span, kind, value, grain, modifier: None, range: None, rule }
    }

    pub(crate) fn with_modifier(mut self, modifier: Option<Modifier>) -> Self {
        self.modifier = modifier;
        self
    }

    pub(crate) fn with_range(mut self, range: Option<TimexRange>) -> Self {
        self.range = range;
        self
    }

    /// The byte range of the expression in the text given to `extract`.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The byte offset where the expression starts.
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// The byte offset one past the expression's end.
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// The TIMEX3 type.
    pub fn kind(&self) -> TimexType {
        self.kind
    }

    /// The TIMEX3 value (TimeML 1.2.1): `2024-09-01`, `2024-07`, `2024`,
    /// `2024-W30`, `2024-Q3`, `2023-SU`, `199`, `2024-07-23T15:00`, `P3D`,
    /// `PXY`, `PRESENT_REF`, `XXXX-WXX-1`, ...
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The granularity of the value.
    pub fn grain(&self) -> Grain {
        self.grain
    }

    /// The TimeML `mod`, when the expression has one ("early", "about", "more than").
    pub fn modifier(&self) -> Option<Modifier> {
        self.modifier
    }

    /// Begin and end points, for expressions that denote a stretch of time.
    pub fn range(&self) -> Option<&TimexRange> {
        self.range.as_ref()
    }

    /// The name of the grammar rule that matched and, after a colon, of the
    /// rule that decided the resolution (e.g. `day-month:future-cue(effective)`).
    /// Meant for debugging and tests; the names may change between versions.
    pub fn rule(&self) -> &str {
        &self.rule
    }

    /// The matched text, given the text that was passed to `extract`.
    ///
    /// Returns `""` if `text` is not that text and the span does not fit.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.range()).unwrap_or("")
    }
}
