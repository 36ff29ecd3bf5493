//! Which way partial and relative expressions resolve.

use core::{fmt, str::FromStr};

use crate::Error;

/// How a partial date ("1 September", "Tuesday", "June") picks its year or
/// week relative to the reference date.
///
/// Expressions that carry their own direction ("last Tuesday", "next June",
/// "two days ago") follow it whatever the setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Direction {
    /// Decide from the text: a cue of the expression's own phrase
    /// ("since", "effective"), else the tense, modal or aspect of the
    /// governing verb group of its clause ("will meet ... on Friday",
    /// "reconvenes on Monday", "said on Friday"), falling back to the
    /// nearest reading (the most recent for weekdays). The default, and
    /// what news text needs.
    #[default]
    Context,
    /// Always the most recent reading on or before the reference date.
    Past,
    /// Always the first reading on or after the reference date (Duckling's
    /// and most assistants' convention).
    Future,
    /// The reading closest to the reference date.
    Nearest,
}

impl Direction {
    /// The lowercase name, as accepted by [`FromStr`].
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Context => "context",
            Direction::Past => "past",
            Direction::Future => "future",
            Direction::Nearest => "nearest",
        }
    }
}

impl FromStr for Direction {
    type Err = Error;

    fn from_str(s: &str) -> Result<Direction, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "context" => Ok(Direction::Context),
            "past" => Ok(Direction::Past),
            "future" => Ok(Direction::Future),
            "nearest" => Ok(Direction::Nearest),
            _ => Err(Error::parse_direction(s)),
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_names() {
        for d in [Direction::Context, Direction::Past, Direction::Future, Direction::Nearest] {
            assert_eq!(d.as_str().parse::<Direction>(), Ok(d));
        }
        assert_eq!("Future".parse::<Direction>(), Ok(Direction::Future));
        assert!("sideways".parse::<Direction>().unwrap_err().is_direction());
    }
}
