//! Date and time words that decide whether a period after a time or date
//! abbreviation ends a sentence.
//!
//! News writes times as "10 a.m. Tuesday", "4 p.m. EST", "9 p.m. local
//! time" and dates as "Sept. 11" or "Sun. Nov. 21": the period belongs to
//! an abbreviation and the capitalized word after it carries the date on.
//! Yet "He left at 5 p.m. He never returned." ends a sentence. The word
//! *after* the period decides, by its class: a weekday, a month before a
//! day number, a time zone, or a zone phrase ("Eastern Time", "Moscow
//! time") continues the sentence; anything else goes by the usual rules.
//!
//! The splitter reads these classes from a [`DateWords`] table rather than
//! from conditions in code, so that a language is one more table of the
//! same shape; each language's table is in its rules file
//! (`crate::rules::en` and its siblings). The lists
//! are short and scanned linearly: the splitter consults them only at a
//! period after "a.m.", "p.m.", a weekday abbreviation, or an
//! abbreviation in capitals that may be a time zone ("ET.", "EST."), which
//! is rare. (Asking about the
//! word before every sentence-ending period, as a first version did, cost
//! 2% more instructions on the news corpus.)

/// One language's date and time words for the sentence splitter.
///
/// Words are stored lowercase and compared ignoring ASCII case, except
/// time zones, which must be written exactly as listed ("EST", not "Est":
/// several are also words).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct DateWords {
    /// The forms of "a.m." and "p.m." without their final period, as the
    /// splitter sees the word before a period ("a.m", "p.m").
    pub(crate) meridiems: &'static [&'static str],
    /// Weekday names written out ("tuesday").
    pub(crate) weekdays: &'static [&'static str],
    /// Weekday abbreviations ("tues"); after a time only with their period.
    pub(crate) weekday_abbreviations: &'static [&'static str],
    /// Month names written out ("september").
    pub(crate) months: &'static [&'static str],
    /// Month abbreviations ("sept"), with or without their period.
    pub(crate) month_abbreviations: &'static [&'static str],
    /// Time zone abbreviations, exactly as written ("EST", "UTC").
    pub(crate) time_zones: &'static [&'static str],
    /// Words that close a zone phrase after capitalized words: "time" in
    /// "Eastern Time", "Moscow time", "Local time". (Lowercase "local time"
    /// needs no entry: a lowercase word never starts a sentence here.)
    pub(crate) zone_heads: &'static [&'static str],
}

impl DateWords {
    /// No date words, for a language without rules of its own.
    pub(crate) const NONE: DateWords = DateWords {
        meridiems: &[],
        weekdays: &[],
        weekday_abbreviations: &[],
        months: &[],
        month_abbreviations: &[],
        time_zones: &[],
        zone_heads: &[],
    };

    /// Whether `word` (without its final period) is "a.m" or "p.m" in any
    /// case.
    pub(crate) fn is_meridiem(&self, word: &str) -> bool {
        contains_ignore_case(self.meridiems, word)
    }

    /// Whether `word` is a weekday name written out.
    pub(crate) fn is_weekday(&self, word: &str) -> bool {
        contains_ignore_case(self.weekdays, word)
    }

    /// Whether `word` (without its period) abbreviates a weekday.
    pub(crate) fn is_weekday_abbreviation(&self, word: &str) -> bool {
        contains_ignore_case(self.weekday_abbreviations, word)
    }

    /// Whether `word` (without a period) is a month, written out or
    /// abbreviated.
    pub(crate) fn is_month(&self, word: &str) -> bool {
        contains_ignore_case(self.months, word)
            || contains_ignore_case(self.month_abbreviations, word)
    }

    /// Whether `word` is a time zone abbreviation, in its own case.
    pub(crate) fn is_time_zone(&self, word: &str) -> bool {
        // The splitter asks about every title and abbreviation before a
        // period ("Mr.", "Inc."): turn those away on their case before
        // scanning the list.
        word.bytes().all(|b| b.is_ascii_uppercase()) && self.time_zones.contains(&word)
    }

    /// Whether `word` closes a zone phrase ("time").
    pub(crate) fn is_zone_head(&self, word: &str) -> bool {
        contains_ignore_case(self.zone_heads, word)
    }
}

fn contains_ignore_case(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use crate::util::abbrev::Class;
    use crate::{Lang, rules};

    #[test]
    fn lists_are_lowercase_and_zones_uppercase() {
        for lang in Lang::ALL {
            let dates = rules::rules(lang).dates;
            let lists = [
                dates.meridiems,
                dates.weekdays,
                dates.weekday_abbreviations,
                dates.months,
                dates.month_abbreviations,
                dates.zone_heads,
            ];
            for word in lists.iter().flat_map(|l| l.iter()) {
                assert_eq!(*word, word.to_lowercase(), "{lang}");
            }
            for zone in dates.time_zones {
                assert_eq!(*zone, zone.to_uppercase(), "{lang}");
            }
        }
    }

    // A month abbreviation listed here must keep its period before a day
    // number in the abbreviation table too.
    #[test]
    fn month_abbreviations_are_abbreviations() {
        for lang in Lang::ALL {
            let rules = rules::rules(lang);
            for word in rules.dates.month_abbreviations {
                let capitalized = word[..1].to_uppercase() + &word[1..];
                let class = rules.abbreviations.lookup(&capitalized);
                assert!(
                    matches!(class, Some(Class::Month | Class::General | Class::Title)),
                    "{lang}: {word} is {class:?}"
                );
            }
        }
    }
}
