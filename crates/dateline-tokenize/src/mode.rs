//! Tokenization conventions.

use core::{fmt, str::FromStr};

use crate::Error;

/// Which tokenization conventions a [`Tokenizer`](crate::Tokenizer) follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Mode {
    /// News-friendly: `U.S.`, `e.g.`, `3.5%`, `1,000`, `2024-07-23`,
    /// `dual-use`, URLs, e-mails, `@handles`, `#tags` and emoji sequences
    /// stay whole; possessives and clitics split (`China` + `'s`) so names
    /// stay matchable.
    #[default]
    Default,
    /// Universal Dependencies English (EWT) conventions: clitics and
    /// possessives split (`do` + `n't`, `ca` + `n't`), hyphenated compounds
    /// split (`15` `-` `year`), `%` split from numbers, contractions written
    /// without apostrophes split (`gon` + `na`, `can` + `not`).
    Treebank,
}

impl Mode {
    /// The names [`Mode::from_str`] accepts, in declaration order.
    pub const NAMES: [&'static str; 2] = ["default", "treebank"];

    /// The mode's name: `"default"` or `"treebank"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Default => "default",
            Mode::Treebank => "treebank",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Mode {
    type Err = Error;

    /// Parses `"default"` or `"treebank"` (ASCII case-insensitive).
    ///
    /// # Errors
    ///
    /// Any other name; the message lists the valid ones.
    fn from_str(s: &str) -> Result<Mode, Error> {
        if s.eq_ignore_ascii_case("default") {
            Ok(Mode::Default)
        } else if s.eq_ignore_ascii_case("treebank") {
            Ok(Mode::Treebank)
        } else {
            Err(Error::unknown_mode(s))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_names() {
        for name in Mode::NAMES {
            let mode: Mode = name.parse().unwrap();
            assert_eq!(mode.as_str(), name);
        }
        assert_eq!("TREEBANK".parse::<Mode>(), Ok(Mode::Treebank));
        assert!("ud".parse::<Mode>().unwrap_err().is_unknown_mode());
    }
}
