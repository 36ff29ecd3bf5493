//! `Date`, a small civil date used as the reference for resolution.

use core::{fmt, str::FromStr};

use crate::Error;

/// A proleptic Gregorian calendar date between 0001-01-01 and 9999-12-31.
///
/// It is the reference ("document creation") date that relative and partial
/// expressions resolve against. Parse it from `YYYY-MM-DD`; it displays the
/// same way.
///
/// ```
/// use dateline_dates::Date;
///
/// let d: Date = "2024-07-24".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (2024, 7, 24));
/// assert_eq!(d.to_string(), "2024-07-24");
/// assert!("2023-02-29".parse::<Date>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i16,
    month: i8,
    day: i8,
}

impl Date {
    /// Creates a date, checking that it exists and that the year is in `1..=9999`.
    ///
    /// # Errors
    ///
    /// When the date does not exist (2023-02-29) or is out of range.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, Error> {
        let err = || Error::invalid_date(year.into(), month.into(), day.into());
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return Err(err());
        }
        let (y, m, d) = (year as i16, month as i8, day as i8);
        jiff::civil::Date::new(y, m, d).map_err(|_| err())?;
        Ok(Date { year: y, month: m, day: d })
    }

    /// The year, `1..=9999`.
    pub fn year(self) -> i32 {
        self.year.into()
    }

    /// The month, `1..=12`.
    pub fn month(self) -> u32 {
        self.month as u32
    }

    /// The day of the month, `1..=31`.
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Today's date in UTC, from the system clock.
    pub fn today_utc() -> Date {
        let now = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        Date::from_civil(now).unwrap_or(Date { year: 2000, month: 1, day: 1 })
    }

    pub(crate) fn to_civil(self) -> jiff::civil::Date {
        // Every `Date` was checked on construction, so this cannot fail; the
        // fallback keeps the function total anyway.
        jiff::civil::Date::new(self.year, self.month, self.day)
            .unwrap_or(jiff::civil::Date::constant(2000, 1, 1))
    }

    pub(crate) fn from_civil(d: jiff::civil::Date) -> Option<Date> {
        (1..=9999).contains(&d.year()).then(|| Date {
            year: d.year(),
            month: d.month(),
            day: d.day(),
        })
    }
}

impl FromStr for Date {
    type Err = Error;

    fn from_str(s: &str) -> Result<Date, Error> {
        let t = s.trim();
        let b = t.as_bytes();
        let digits = |r: core::ops::Range<usize>| -> Option<u32> {
            let part = b.get(r)?;
            if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
                return None;
            }
            part.iter()
                .try_fold(0u32, |acc, &c| acc.checked_mul(10)?.checked_add(u32::from(c - b'0')))
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(Error::parse_date(s));
        }
        match (digits(0..4), digits(5..7), digits(8..10)) {
            // Well-formed: a date that does not exist says which part is wrong.
            (Some(y), Some(m), Some(d)) => Date::new(y as i32, m, d),
            _ => Err(Error::parse_date(s)),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays() {
        let d: Date = "0001-01-01".parse().unwrap();
        assert_eq!(d.to_string(), "0001-01-01");
        assert_eq!("9999-12-31".parse::<Date>().unwrap().year(), 9999);
        assert_eq!("2024-02-29".parse::<Date>().unwrap().day(), 29);
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "2023-02-29",
            "0000-01-01",
            "2024-1-01",
            "2024/01/01",
            "",
            "2024-01-32",
            "２０２４-01-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!(Date::new(10000, 1, 1).is_err());
        assert!(Date::new(2024, 0, 1).is_err());
    }
}
