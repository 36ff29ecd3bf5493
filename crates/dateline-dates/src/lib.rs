//! Date and time expressions in news text (English, German, French,
//! Spanish, Ukrainian, Russian, Chinese: [`Lang`]), normalized to TimeML
//! TIMEX3 values against a reference date.
//!
//! A [`DateExtractor`] finds expressions such as "1 September", "last week",
//! "the past two years", "3 p.m." or "every Monday", and gives each its span
//! (byte offsets into your text), its TIMEX3 [type](TimexType) (DATE, TIME,
//! DURATION, SET), its [value](TimeExpression::value) (`2024-09-01`,
//! `2024-W29`, `P2Y`, `T15:00`, `XXXX-WXX-1`, `PRESENT_REF`, ...), its grain,
//! its TimeML `mod` and, for stretches of time, its begin and end points.
//!
//! Relative and partial expressions resolve against the reference date you
//! pass in. Which way a partial date goes ("Tuesday", "1 September") is
//! decided by the sentence (tense, "since", "effective", "will", "ago") or
//! fixed with [`Direction`]; the rule that decided is kept in
//! [`TimeExpression::rule`].
//!
//! # Overview
//!
//! * [`DateExtractor`] / [`DateExtractorBuilder`] / [`Config`] — the extractor.
//! * [`TimeExpression`] — one result; [`TimexType`], [`Grain`], [`Modifier`],
//!   [`TimexRange`] describe it.
//! * [`Date`] — the reference date, [`DateTime`] — with a time of day;
//!   [`Direction`] — resolution preference.
//!
//! # Example: news text
//!
//! ```
//! use dateline_dates::{Date, DateExtractor};
//!
//! let text = "Sales rose 5% in the third quarter from a year earlier, \
//!             and the company expects growth to continue next year.";
//! let reference: Date = "1989-10-26".parse()?;
//! let found = DateExtractor::new().extract(text, reference);
//! let got: Vec<(&str, &str)> = found.iter().map(|t| (&text[t.span()], t.value())).collect();
//! assert_eq!(
//!     got,
//!     [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3"), ("next year", "1990")]
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: direction
//!
//! ```
//! use dateline_dates::{Date, DateExtractor, Direction};
//!
//! let reference: Date = "2013-02-12".parse()?;
//! let future = DateExtractor::builder().direction(Direction::Future).build()?;
//! assert_eq!(future.extract("Monday", reference)[0].value(), "2013-02-18");
//! let past = DateExtractor::builder().direction(Direction::Past).build()?;
//! assert_eq!(past.extract("Monday", reference)[0].value(), "2013-02-11");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: other languages
//!
//! ```
//! use dateline_dates::{Date, DateExtractor, Lang};
//!
//! let reference: Date = "2024-07-24".parse()?;
//! let german = DateExtractor::builder().lang(Lang::De).build()?;
//! let text = "Die Wahl fand am 23. Juli 2024 statt. Das Ergebnis kam um 15 Uhr.";
//! let found = german.extract(text, reference);
//! let got: Vec<(&str, &str)> = found.iter().map(|t| (&text[t.span()], t.value())).collect();
//! // A time without a day is on the day named last, as KRAUTS annotates it.
//! assert_eq!(got, [("23. Juli 2024", "2024-07-23"), ("15 Uhr", "2024-07-23T15:00")]);
//!
//! let spanish = DateExtractor::builder().lang(Lang::Es).build()?;
//! let text = "Llegó hace tres años y se irá el próximo 2 de mayo.";
//! let got: Vec<String> =
//!     spanish.extract(text, reference).iter().map(|t| t.value().to_owned()).collect();
//! assert_eq!(got, ["2021", "2025-05-02"]);
//!
//! // Inflected forms: genitive months, a locative year, "до н. е.".
//! let ukrainian = DateExtractor::builder().lang(Lang::Uk).build()?;
//! let text = "28 червня 1914 року почалася криза, у 1798 році — вибори, а 264 до н. е. — війна.";
//! let found = ukrainian.extract(text, reference);
//! let got: Vec<(&str, &str)> = found.iter().map(|t| (&text[t.span()], t.value())).collect();
//! assert_eq!(got, [("28 червня 1914", "1914-06-28"), ("1798", "1798"), ("264 до н. е.", "BC0264")]);
//!
//! // Chinese has no spaces: its words are cut by longest match against
//! // its table, and 日 in 日本 (Japan) is no day.
//! let chinese = DateExtractor::builder().lang(Lang::Zh).build()?;
//! let text = "日本首相上周五抵达，２０２４年７月２３日下午3点会谈。";
//! let found = chinese.extract(text, reference);
//! let got: Vec<(&str, &str)> = found.iter().map(|t| (&text[t.span()], t.value())).collect();
//! assert_eq!(got, [("上周五", "2024-07-19"), ("２０２４年７月２３日下午3点", "2024-07-23T15:00")]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! * `serde` — `Serialize`/`Deserialize` for the result types; types
//!   serialize as `"DATE"`, `"TIME"`, `"DURATION"`, `"SET"`, modifiers as
//!   TimeML writes them (`"START"`, `"EQUAL_OR_LESS"`).

mod cal;
mod date;
mod datetime;
mod direction;
mod error;
mod extractor;
mod grammar;
mod lexicon;
mod narrative;
mod scan;
mod timex;
mod token;
mod unspaced;

pub use crate::{
    date::Date,
    datetime::DateTime,
    direction::Direction,
    error::Error,
    extractor::{Config, DateExtractor, DateExtractorBuilder},
    timex::{Grain, Modifier, TimeExpression, TimexRange, TimexType},
};
pub use dateline_tokenize::Lang;

// The README's example is compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<DateExtractor>();
        check::<DateExtractorBuilder>();
        check::<TimeExpression>();
        check::<Date>();
        check::<DateTime>();
        check::<Error>();
    }
}
