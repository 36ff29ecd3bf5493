//! Russian: Cyrillic abbreviations of dates and addresses ("г.", "гг.",
//! "т. д.", "ул.") and initials ("В. Путин").

use super::{Apostrophe, Hyphens, Rules, WordSplit};
use crate::util::abbrev::{self, Abbreviations, Class, Entry};
use crate::util::datewords::DateWords;

pub(crate) static RULES: Rules = Rules {
    abbreviations: Abbreviations::new(ABBREVIATIONS, &KEYS),
    starters: STARTERS,
    dates: &DATES,
    apostrophe: Apostrophe::Join,
    hyphens: Hyphens::Keep,
    word_split: WordSplit::None,
    decimal_comma: true,
    ordinal_dot: false,
    hyphenated_initials: false,
    split_mark_runs: false,
    capitalized_nouns: false,
    semicolon_before_starter: true,
    dash_continues: false,
    multiwords: &[],
};

/// Abbreviations of Russian news. Sorted (by bytes).
static ABBREVIATIONS: &[Entry] =
    &[("г", Class::General, false), ("гг", Class::General, false), ("ул", Class::Title, false)];

static KEYS: [u64; ABBREVIATIONS.len()] = abbrev::keys(ABBREVIATIONS);

/// Capitalized words that commonly start a Russian sentence.
static STARTERS: &[&str] = &["А", "В", "Он", "Она", "Они", "И", "На", "По", "Но"];

static DATES: DateWords = DateWords {
    meridiems: &[],
    weekdays: &["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
    weekday_abbreviations: &[],
    months: &[
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    month_abbreviations: &[],
    time_zones: &["UTC", "GMT", "MSK"],
    zone_heads: &[],
};
