//! Ukrainian: Cyrillic abbreviations of dates and addresses ("р.", "рр.",
//! "ім.", "вул.") and initials ("В. Зеленський").

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

/// Abbreviations of Ukrainian news. Sorted (by bytes).
static ABBREVIATIONS: &[Entry] = &[
    ("вул", Class::Title, false),
    ("ім", Class::Title, false),
    ("р", Class::General, false),
    ("рр", Class::General, false),
];

static KEYS: [u64; ABBREVIATIONS.len()] = abbrev::keys(ABBREVIATIONS);

/// Capitalized words that commonly start a Ukrainian sentence.
static STARTERS: &[&str] = &["А", "Але", "В", "Він", "Вона", "Вони", "І", "Й", "На", "Про", "У"];

static DATES: DateWords = DateWords {
    meridiems: &[],
    weekdays: &["понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя"],
    weekday_abbreviations: &[],
    months: &[
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    month_abbreviations: &[],
    time_zones: &["UTC", "GMT"],
    zone_heads: &[],
};
