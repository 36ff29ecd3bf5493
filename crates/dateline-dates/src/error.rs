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

    /// `other()` in place of a format error; an error about a date that
    /// does not exist stays, as it says more.
    pub(crate) fn or_else_if_format(self, other: impl FnOnce() -> Error) -> Error {
        match self.kind {
            ErrorKind::ParseDate { .. } => other(),
            _ => self,
        }
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

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days in a month of the proleptic Gregorian calendar.
fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn truncate(input: &str) -> String {
    input.chars().take(64).collect()
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidDate { year, month, day } => {
                write!(f, "invalid date {year:04}-{month:02}-{day:02}: ")?;
                let month_name = usize::try_from(*month)
                    .ok()
                    .and_then(|m| m.checked_sub(1))
                    .and_then(|m| MONTHS.get(m));
                match month_name {
                    _ if !(1..=9999).contains(year) => {
                        f.write_str("the year is out of range (0001 to 9999)")
                    }
                    None => f.write_str("the month does not exist (months run 01 to 12)"),
                    Some(name) => {
                        let days = days_in_month(*year, *month);
                        write!(f, "the day does not exist ({name} {year} has {days} days)")
                    }
                }
            }
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
            Error::parse_date("2024-1-01").to_string(),
            "invalid date \"2024-1-01\": expected YYYY-MM-DD"
        );
        assert!(Error::parse_direction("up").to_string().contains("\"up\""));
        assert!(Error::invalid_date(2023, 2, 29).is_invalid_date());
    }

    /// Dates that are well-formed but do not exist say which part is wrong
    /// (it was "expected YYYY-MM-DD", as if the format were at fault).
    #[test]
    fn regression_nonexistent_dates_say_which_part_does_not_exist() {
        for (input, expected) in [
            (
                "2024-02-30",
                "invalid date 2024-02-30: the day does not exist (February 2024 has 29 days)",
            ),
            (
                "2023-02-29",
                "invalid date 2023-02-29: the day does not exist (February 2023 has 28 days)",
            ),
            (
                "1900-02-29",
                "invalid date 1900-02-29: the day does not exist (February 1900 has 28 days)",
            ),
            (
                "2024-04-31",
                "invalid date 2024-04-31: the day does not exist (April 2024 has 30 days)",
            ),
            (
                "2024-01-00",
                "invalid date 2024-01-00: the day does not exist (January 2024 has 31 days)",
            ),
            (
                "2024-13-01",
                "invalid date 2024-13-01: the month does not exist (months run 01 to 12)",
            ),
            ("0000-01-01", "invalid date 0000-01-01: the year is out of range (0001 to 9999)"),
        ] {
            let err = input.parse::<crate::Date>().unwrap_err();
            assert_eq!(err.to_string(), expected);
            assert!(err.is_invalid_date());
        }
        let err = "2024-02-30T10:00".parse::<crate::DateTime>().unwrap_err();
        assert!(err.to_string().contains("the day does not exist"), "{err}");
    }
}
