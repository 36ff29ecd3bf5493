//! Invariants of the context rules on any text: no panic, entities in
//! order, apart, on char boundaries, whatever the policy.

use proptest::prelude::*;

use crate::{Entry, Gazetteer, Nested, Resolver};

/// What the default resolver reads in `text` with `gazetteer`: each
/// entity's text, label and rule, as the rules' table tests list them.
pub(super) fn read_with<'t>(
    gazetteer: &'static Gazetteer,
    text: &'t str,
) -> Vec<(&'t str, &'static str, Option<&'static str>)> {
    Resolver::new()
        .find(gazetteer, text)
        .into_iter()
        .map(|e| (&text[e.span()], e.label(), e.rule()))
        .collect()
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let place = |name: &str, id: &str, admin1: &str| {
            Entry::new(name, "GPE", id).with_country("iso3166-1:US").with_admin1(admin1)
        };
        Gazetteer::new([
            Entry::new("US", "GPE", "iso3166-1:US"),
            Entry::new("China", "GPE", "iso3166-1:CN"),
            Entry::new("Chinese", "NORP", "iso3166-1:CN"),
            Entry::new("Maine", "GPE", "iso3166-2:US-ME").with_country("iso3166-1:US"),
            place("Portland", "geonames:5746545", "iso3166-2:US-OR").with_prior(6e5),
            place("Portland", "geonames:4975802", "iso3166-2:US-ME").with_prior(6e4),
            place("Boston", "geonames:4930956", "iso3166-2:US-MA"),
            place("Detroit", "geonames:4990729", "iso3166-2:US-MI"),
        ])
        .expect("a valid gazetteer")
    })
}

const PIECES: &[&str] = &[
    "US", "China", "Chinese", "Portland", "Maine", "Boston", "DETROIT", "Navy", "Bank", "of",
    "the", "Group", "Corp.", "Real", "Mount", "Eastern", "beat", "coach", "2-1", "4", "10", "said",
    "In", "Minister", "Monday", "U.S.", "&", "al-", "’s", "'s", "é", "Ü", "北京", "Ore.", "",
];
const GAPS: &[&str] = &[" ", ", ", ". ", "\n", "\u{a0}", "-", "  ", "—", " (AP) "];

fn check(text: &str, nested: Nested) -> Result<(), TestCaseError> {
    let found = Resolver::builder().nested(nested).build().find(gazetteer(), text);
    let mut last_end = 0;
    for entity in &found {
        let span = entity.span();
        prop_assert!(span.start >= last_end && span.start < span.end && span.end <= text.len());
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        if let Some(outer) = entity.enclosing() {
            prop_assert!(outer.start <= span.start && span.end <= outer.end);
        }
        prop_assert_eq!(entity.id().is_empty(), entity.entry().is_none());
        last_end = span.end;
    }
    Ok(())
}

/// The quick look next to a match never says "alone" where the full
/// reading finds a longer run.
fn check_quick_look(text: &str) -> Result<(), TestCaseError> {
    let rules = &super::english::ENGLISH;
    let matches = gazetteer().find(text);
    let starts: Vec<usize> = matches.iter().map(|m| m.start()).collect();
    let ends: Vec<usize> = matches.iter().map(|m| m.end()).collect();
    for m in &matches {
        if super::runs::stands_alone(rules, text, m.span()) {
            let run = super::runs::run_around(rules, text, m.span(), &starts, &ends);
            prop_assert_eq!(run, m.span(), "{:?} in {:?}", &text[m.span()], text);
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn the_quick_look_agrees_with_the_full_reading(
        pieces in proptest::collection::vec(
            (proptest::sample::select(PIECES), proptest::sample::select(GAPS)),
            0..30,
        ),
    ) {
        let text: String = pieces.iter().flat_map(|&(p, g)| [p, g]).collect();
        check_quick_look(&text)?;
    }

    #[test]
    fn entities_are_ordered_apart_and_on_boundaries(
        pieces in proptest::collection::vec(
            (proptest::sample::select(PIECES), proptest::sample::select(GAPS)),
            0..30,
        ),
    ) {
        let text: String = pieces.iter().flat_map(|&(p, g)| [p, g]).collect();
        for nested in [Nested::Drop, Nested::Keep, Nested::Flag] {
            check(&text, nested)?;
        }
    }

    #[test]
    fn any_text_reads_without_panic(text in "\\PC{0,200}") {
        for nested in [Nested::Drop, Nested::Keep, Nested::Flag] {
            check(&text, nested)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The byte reading of ASCII headlines agrees with the char reading.
    #[test]
    fn headlines_read_by_bytes_as_by_chars(line in "[A-Za-z .,!?'\"()0-9-]{0,120}") {
        prop_assert_eq!(super::runs::is_headline(&line), super::runs::before::is_headline(&line));
    }
}

/// A bullet before a name is a sentence start (the first reading sliced
/// inside the bullet's three bytes and panicked on "• Bank of China").
#[test]
fn bullets_start_sentences() {
    let read = |text: &str| -> Vec<(String, String)> {
        Resolver::new()
            .find(gazetteer(), text)
            .iter()
            .map(|e| (text[e.span()].to_owned(), e.label().to_owned()))
            .collect()
    };
    let pair = |name: &str, label: &str| (name.to_owned(), label.to_owned());
    assert_eq!(read("Markets:\n• Bank of China shares fell."), [pair("Bank of China", "ORG")]);
    // A common word after the bullet is no evidence of a name.
    assert_eq!(read("Markets:\n• In China shares fell."), [pair("China", "GPE")]);
    assert_eq!(read("Markets:\n* In China shares fell."), [pair("China", "GPE")]);
}

/// Seed-49 reading: a town before a treaty noun names the treaty ("the
/// Kyoto protocol", seed 37), a law, and is not reported.
#[test]
fn a_town_before_a_treaty_noun_names_the_treaty() {
    let read = |text: &'static str| read_with(gazetteer(), text);
    for (text, expected) in [
        ("Canada ratified the Boston protocol in 2002.", vec![]),
        ("when the Detroit treaty expires", vec![]),
        ("the Boston accords, signed in May", vec![]),
        ("a post-Detroit agreement.", vec![]),
        // Counter-cases: a country stays (an agreement with it), and so does
        // a town before another word, or a longer one.
        ("a China agreement was near.", vec![("China", "GPE", None)]),
        ("Detroit agreed to the plan.", vec![("Detroit", "GPE", None)]),
        ("Boston conventional wisdom", vec![("Boston", "GPE", None)]),
        ("the Boston treaty-makers", vec![("Boston", "GPE", None)]),
        ("Boston, agreement or not.", vec![("Boston", "GPE", None)]),
    ] {
        assert_eq!(read(text), expected, "{text}");
    }
}

/// Seed-51 reading: a place after a Romance link ("de", "du", "del") that
/// follows a capitalized word ends a foreign name ("Foro de São Paulo"),
/// and is not reported.
#[test]
fn a_place_after_a_romance_link_ends_a_foreign_name() {
    let read = |text: &'static str| read_with(gazetteer(), text);
    for (text, expected) in [
        ("The Diario de Boston reported it.", vec![]),
        ("members of the Foro de Boston met.", vec![]),
        ("said Mauro Marcelo de Detroit on Monday.", vec![]),
        ("the Banco del China said.", vec![]),
        // Counter-cases: a lowercase word before the link, no link, the
        // English "do", and a link at a sentence's start leave the place.
        ("a cidade de Boston cresceu.", vec![("Boston", "GPE", None)]),
        ("Why do China and Detroit agree?", vec![("China", "GPE", None), ("Detroit", "GPE", None)]),
        ("Foro, de Boston.", vec![("Boston", "GPE", None)]),
        ("Mr. Smith of Boston said.", vec![("Boston", "GPE", None)]),
    ] {
        assert_eq!(read(text), expected, "{text}");
    }
}
