//! Chinese: sentences end on full-width marks, which the splitter already
//! breaks at; no abbreviations.

use super::{Apostrophe, Hyphens, Punctuation, Rules, WordSplit};
use crate::util::abbrev::Abbreviations;
use crate::util::datewords::DateWords;

pub(crate) static RULES: Rules = Rules {
    abbreviations: Abbreviations::new(&[], &[]),
    starters: &[],
    dates: &DATES,
    apostrophe: Apostrophe::Join,
    hyphens: Hyphens::Keep,
    word_split: WordSplit::None,
    decimal_comma: false,
    ordinal_dot: false,
    hyphenated_initials: false,
    split_mark_runs: false,
    capitalized_nouns: false,
    semicolon_before_starter: false,
    dash_continues: false,
    multiwords: &[],
    punctuation: Punctuation::PLAIN,
};

static DATES: DateWords = DateWords {
    meridiems: &[],
    weekdays: &[],
    weekday_abbreviations: &[],
    months: &[],
    month_abbreviations: &[],
    time_zones: &["UTC", "GMT"],
    zone_heads: &[],
};
