//! The crate's error type.

use core::fmt;

/// An error from parsing a [`Date`](crate::Date), [`DateTime`](crate::DateTime) or
/// [`Direction`](crate::Direction),
/// or from building a [`DateExtractor`](crate::DateExtractor).
///
/// Text given to [`DateExtractor::extract`](crate::DateExtractor::extract) never
/// causes an error; errors are for bad configuration and bad arguments only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    InvalidDate { year: i64, month: i64, day: i64 },
    ParseDate { input: String },
    ParseDirection { input: String },
    InvalidTime { hour: u32, minute: u32, second: u32 },
    ParseDateTime { input: String },
}

impl Error {
    pub(crate) fn invalid_date(year: i64, month: i64, day: i64) -> Error {
        Error { kind: ErrorKind::InvalidDate { year, month, day } }
    }

    pub(crate) fn parse_date(input: &str) -> Error {
        Error { kind: ErrorKind::ParseDate { input: truncate(input) } }
    }

    pub(crate) fn invalid_time(hour: u32, minute: u32, second: u32) -> Error {
        Error { kind: ErrorKind::InvalidTime { hour, minute, second } }
    }

    pub(crate) fn parse_datetime(input: &str) -> Error {
        Error { kind: ErrorKind::ParseDateTime { input: truncate(input) } }
    }

    pub(crate) fn parse_direction(input: &str) -> Error {
        Error { kind: ErrorKind::ParseDirection { input: truncate(input) } }
    }

    /// Whether the error is about a date or time that does not exist or is out
    /// of range (years 1 to 9999 are supported), or that could not be parsed.
    pub fn is_invalid_date(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::InvalidDate { .. }
                | ErrorKind::ParseDate { .. }
                | ErrorKind::InvalidTime { .. }
                | ErrorKind::ParseDateTime { .. }
        )
    }

    /// Whether the error is about an unknown resolution direction.
    pub fn is_direction(&self) -> bool {
        matches!(self.kind, ErrorKind::ParseDirection { .. })
    }
}

fn truncate(input: &str) -> String {
    input.chars().take(64).collect()
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidDate { year, month, day } => write!(
                f,
                "invalid date {year:04}-{month:02}-{day:02}: \
                 expected a calendar date between 0001-01-01 and 9999-12-31"
            ),
            ErrorKind::ParseDate { input } => {
                write!(f, "invalid date {input:?}: expected YYYY-MM-DD")
            }
            ErrorKind::InvalidTime { hour, minute, second } => write!(
                f,
                "invalid time {hour:02}:{minute:02}:{second:02}: expected 00:00:00 to 23:59:59"
            ),
            ErrorKind::ParseDateTime { input } => {
                write!(f, "invalid date and time {input:?}: expected YYYY-MM-DDTHH:MM[:SS]")
            }
            ErrorKind::ParseDirection { input } => write!(
                f,
                "invalid direction {input:?}: expected one of \"context\", \"past\", \
                 \"future\", \"nearest\""
            ),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_quote_the_input() {
        assert_eq!(
            Error::parse_date("2024-13-01").to_string(),
            "invalid date \"2024-13-01\": expected YYYY-MM-DD"
        );
        assert!(Error::parse_direction("up").to_string().contains("\"up\""));
        assert!(Error::invalid_date(2023, 2, 29).is_invalid_date());
    }
}
