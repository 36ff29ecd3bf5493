//! Invariants for any input: no panic, spans sorted, non-overlapping and on
//! char boundaries, at any reference date.

use dateline_dates::{Date, DateExtractor, DateTime, Direction, Lang};
use proptest::prelude::*;

/// Checks `text` in every supported language.
fn check(text: &str, reference: Date, direction: Direction) {
    for lang in Lang::ALL {
        let extractor =
            DateExtractor::builder().direction(direction).lang(lang).build().expect("build");
        check_found(text, &extractor.extract(text, reference));
        // At the first and the last second of the reference day too.
        for (h, m, s) in [(0, 0, 0), (23, 59, 59)] {
            let at = DateTime::new(reference, h, m, s).expect("valid time");
            check_found(text, &extractor.extract_at(text, at));
        }
    }
}

fn check_found(text: &str, found: &[dateline_dates::TimeExpression]) {
    let mut last_end = 0;
    for t in found {
        assert!(t.start() < t.end(), "empty span {t:?}");
        assert!(t.start() >= last_end, "overlap or unsorted: {t:?}");
        assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()), "{t:?}");
        assert!(!t.value().is_empty());
        last_end = t.end();
    }
}

const WORDS: &[&str] = &[
    // German, French and Spanish words, with their accents, elisions and
    // ordinal marks.
    "23.",
    "Juli",
    "März",
    "vor",
    "letzten",
    "Jahren",
    "Uhr",
    "Morgen",
    "l'",
    "l’",
    "année",
    "aujourd'hui",
    "aujourd’",
    "dernier",
    "1er",
    "h",
    "il y a",
    "mai",
    "hace",
    "próximo",
    "de",
    "julio",
    "1º",
    "ª",
    "miércoles",
    "las",
    "horas",
    "Tag der Deutschen Einheit",
    "Día de la Hispanidad",
    "last",
    "next",
    "the",
    "past",
    "two",
    "years",
    "ago",
    "May",
    "march",
    "1",
    "31",
    "2024",
    "9999",
    "0001",
    "Sept.",
    "of",
    "-",
    "–",
    "/",
    ":",
    "p.m.",
    "week",
    "53",
    "Monday",
    "early",
    "mid-",
    "quarter",
    "third",
    "fiscal",
    "1990s",
    "'",
    "s",
    "every",
    "since",
    "between",
    "and",
    "Christmas",
    "Easter",
    "a",
    "year",
    "earlier",
    "now",
    "recently",
    "12:30",
    "3am",
    "in",
    "hours",
    "minutes",
    "seconds",
    "tonight",
    "at",
    "29",
    "February",
    "Feb",
    "é",
    "日本",
    ",",
    ".",
    "\n",
    "half",
    "century",
    "20th",
    "Q4",
    "FY",
    "from",
    "to",
    "12/31/9999",
    "0000-00-00",
];

fn edge_date() -> impl Strategy<Value = Date> {
    prop_oneof![
        Just("0001-01-01"),
        Just("0001-01-07"),
        Just("9999-12-31"),
        Just("9999-12-25"),
        Just("2024-02-29"),
        Just("2020-12-31"),
        Just("2026-12-31"),
        Just("2024-07-24"),
    ]
    .prop_map(|s| s.parse().expect("valid"))
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![
        Just(Direction::Context),
        Just(Direction::Past),
        Just(Direction::Future),
        Just(Direction::Nearest)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_safe(text in "\\PC{0,80}", reference in edge_date(), dir in direction()) {
        check(&text, reference, dir);
    }

    #[test]
    fn word_soup_is_safe(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..24), reference in edge_date(), dir in direction()) {
        let text = words.join(" ");
        check(&text, reference, dir);
        let glued = words.concat();
        check(&glued, reference, dir);
    }
}

#[test]
fn calendar_edges_do_not_panic() {
    let texts = [
        "last year",
        "next year",
        "next week",
        "the following day",
        "yesterday",
        "tomorrow",
        "two days ago",
        "a decade ago",
        "in the next century",
        "next month",
        "last month",
        "Monday",
        "next Monday",
        "last Friday",
        "Christmas",
        "Easter",
        "the fourth quarter",
        "December 31",
        "January 1",
        "February 29",
        "week 53",
        "the 1990s",
        "the past two years",
        "the next 3 years",
        "this weekend",
        "last weekend",
        "next decade",
        "last century",
        "Thanksgiving",
        "1 September",
        "Sept. 31",
        "February 30, 2023",
        "12/31/9999",
        "01/01/0001",
    ];
    for r in [
        "0001-01-01",
        "9999-12-31",
        "2024-02-29",
        "2020-12-31",
        "2021-01-03",
        "0001-12-31",
        "9999-01-01",
    ] {
        let reference: Date = r.parse().expect("valid");
        for d in [Direction::Context, Direction::Past, Direction::Future, Direction::Nearest] {
            for lang in Lang::ALL {
                let ex = DateExtractor::builder().direction(d).lang(lang).build().expect("build");
                for t in texts.iter().chain(&FOREIGN_EDGES) {
                    check_found(t, &ex.extract(t, reference));
                }
            }
        }
    }
}

/// Calendar edges in the other languages' words.
const FOREIGN_EDGES: [&str; 12] = [
    "letztes Jahr",
    "nächste Woche",
    "am 31. Dezember",
    "Ostern",
    "l'année dernière",
    "mardi dernier",
    "le 31 décembre dernier",
    "il y a trois ans",
    "hace tres años",
    "el año próximo",
    "el próximo 29 de febrero",
    "Navidad",
];

/// Rules that combine a point with what follows must not recurse along a
/// chain of tokens: a test thread's stack would overflow long before 30,000.
#[test]
fn long_chains_do_not_recurse() {
    let reference: Date = "2013-02-12".parse().expect("valid");
    let at = DateTime::new(reference, 4, 30, 0).expect("valid time");
    let future = DateExtractor::builder().direction(Direction::Future).build().expect("build");
    for unit in
        ["8 ", "3-", "3 to ", "3pm ", "the week of ", "first week of ", "once a ", "tonight "]
    {
        let text = format!("{}tonight 5pm", unit.repeat(30_000));
        check_found(&text, &future.extract_at(&text, at));
    }
}
