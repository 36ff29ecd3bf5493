//! `DateTime`, a reference date with a time of day.

use core::{fmt, str::FromStr};

use crate::{Date, Error};

/// A reference date with a wall-clock time of day.
///
/// Pass it to [`DateExtractor::extract_at`](crate::DateExtractor::extract_at)
/// when the moment of writing is known to the minute (chat, alerts, live
/// blogs): "in two hours", "20 minutes ago" then resolve to clock times, and
/// with [`Direction::Future`](crate::Direction::Future) a bare "3:30" or "at
/// 3am" is the next one to come. Parse it from `YYYY-MM-DDTHH:MM[:SS]` (a
/// space may stand for the `T`); a trailing UTC offset or `Z` is accepted and
/// ignored, since values are written in the text's own wall-clock time.
///
/// ```
/// use dateline_dates::DateTime;
///
/// let r: DateTime = "2013-02-12T04:30:00-02:00".parse()?;
/// assert_eq!((r.hour(), r.minute(), r.second()), (4, 30, 0));
/// assert_eq!(r.date().to_string(), "2013-02-12");
/// assert_eq!(r.to_string(), "2013-02-12T04:30:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
}

impl DateTime {
    /// Creates a reference date and time.
    ///
    /// # Errors
    ///
    /// When the hour is above 23 or the minute or second above 59.
    pub fn new(date: Date, hour: u32, minute: u32, second: u32) -> Result<DateTime, Error> {
        if hour > 23 || minute > 59 || second > 59 {
            return Err(Error::invalid_time(hour, minute, second));
        }
        Ok(DateTime { date, hour: hour as u8, minute: minute as u8, second: second as u8 })
    }

    /// The date.
    pub fn date(self) -> Date {
        self.date
    }

    /// The hour, `0..=23`.
    pub fn hour(self) -> u32 {
        self.hour.into()
    }

    /// The minute, `0..=59`.
    pub fn minute(self) -> u32 {
        self.minute.into()
    }

    /// The second, `0..=59`.
    pub fn second(self) -> u32 {
        self.second.into()
    }

    pub(crate) fn to_civil(self) -> jiff::civil::DateTime {
        self.date.to_civil().at(self.hour as i8, self.minute as i8, self.second as i8, 0)
    }
}

impl From<Date> for DateTime {
    /// Midnight at the start of the date.
    fn from(date: Date) -> DateTime {
        DateTime { date, hour: 0, minute: 0, second: 0 }
    }
}

impl FromStr for DateTime {
    type Err = Error;

    fn from_str(s: &str) -> Result<DateTime, Error> {
        let err = || Error::parse_datetime(s);
        let t = s.trim();
        let date: Date =
            t.get(..10).ok_or_else(err)?.parse().map_err(|e: Error| e.or_else_if_format(err))?;
        let rest = t.get(10..).ok_or_else(err)?;
        let clock = rest.strip_prefix(['T', 't', ' ']).ok_or_else(err)?;
        // Drop a UTC offset or "Z": the text's wall-clock time is what counts.
        let clock = clock.find(['Z', 'z', '+', '-']).map_or(clock, |k| &clock[..k]);
        let clock = clock.split_once('.').map_or(clock, |(c, _)| c);
        let mut parts = clock.split(':');
        let mut field = |required: bool| -> Result<u32, Error> {
            match parts.next() {
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map_err(|_| err())
                }
                None if !required => Ok(0),
                _ => Err(err()),
            }
        };
        let (h, m, sec) = (field(true)?, field(true)?, field(false)?);
        if parts.next().is_some() {
            return Err(err());
        }
        DateTime::new(date, h, m, sec).map_err(|_| err())
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}:{:02}", self.date, self.hour, self.minute, self.second)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<DateTime, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_and_without_seconds_and_offsets() {
        let a: DateTime = "2013-02-12T04:30".parse().unwrap();
        let b: DateTime = "2013-02-12 04:30:00Z".parse().unwrap();
        let c: DateTime = "2013-02-12T04:30:00.000+05:30".parse().unwrap();
        assert_eq!(a, b);
        assert_eq!(b, c);
        assert_eq!(a.to_string(), "2013-02-12T04:30:00");
    }

    #[test]
    fn rejects_bad_clocks() {
        for bad in ["2013-02-12", "2013-02-12T24:00", "2013-02-12T4:30", "2013-02-12T04:60", "x"] {
            assert!(bad.parse::<DateTime>().is_err(), "{bad}");
        }
        let e = "2013-02-12T25:00".parse::<DateTime>().unwrap_err();
        assert!(e.to_string().contains("2013-02-12T25:00"), "{e}");
    }
}
