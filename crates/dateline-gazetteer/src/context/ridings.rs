//! An electoral district named for the places it joins, with a district's
//! noun beside it: "the new Ajax-Pickering riding", "the riding of Hamilton
//! East—Stoney Creek", "Toronto—Danforth riding" (`place:riding`). Canada's
//! ridings join their places' names with hyphens or dashes, and the runs
//! read the places one by one ("Ajax", "Pickering") or the first alone
//! ("Toronto" of "Toronto—Danforth"); OntoNotes marks the district one
//! `GPE` (seeds 37, 42 and 45 read a place inside one as wrong).
//!
//! A pass over the entities, each read by its label first: a `GPE` with a
//! hyphen or a dash right beside it is the part of a compound when
//!
//! * the compound is parts of one to [`MAX_PART_WORDS`] capitalized words
//!   (no title, date word or connector), joined by a hyphen, an en dash or
//!   an em dash with no blank ("Thunder Bay—Superior North",
//!   "Dufferin—Peel—Wellington—Grey"); at a sentence's start its common
//!   first words are left out ("The Brandon-Souris riding");
//! * one of the rules' `riding_nouns` follows it ("riding", "ridings"), or
//!   one stands before it with one of `riding_links` ("riding of");
//! * the entities inside it are places, none reaching out of it (not "the
//!   Liberal Toronto—Danforth riding", whose party word is a `NORP`).
//!
//! Then the compound replaces them (drop policy only). A single place is
//! left as the gazetteer reads it ("the riding of Vaughan"), and a compound
//! without the noun as the runs read it ("Whitby-Oshawa MPP", "the
//! Iran-Iraq border").

use dateline_tokenize::Span;

use super::rules::{Class, NameRules};
use super::{Resolved, runs};

/// The rule's name.
pub(crate) const RULE: &str = "place:riding";

/// The most words a part of a riding's name takes ("Don Valley West").
const MAX_PART_WORDS: usize = 3;

/// Replaces the places of each riding's compound name in `found` (in text
/// order, apart) by the compound, a `GPE` (see the module docs).
pub(crate) fn ridings_named_for_places(
    rules: &NameRules,
    text: &str,
    found: &mut Vec<Resolved<'_>>,
) {
    if rules.riding_nouns.words.is_empty() {
        return;
    }
    // Two byte loads an entity: the last byte of a dash before it (a
    // hyphen, or the last byte of "–" or "—") or the first of one after.
    // (Reading the matches' bounds first, to leave texts with no dash
    // beside a match, cost as much as this: most texts have one.)
    let bytes = text.as_bytes();
    let dash_ends = |at: usize| at > 0 && matches!(bytes[at - 1], b'-' | 0x93 | 0x94);
    let dash_starts = |at: usize| matches!(bytes.get(at), Some(b'-' | 0xE2));
    let mut i = 0;
    while let Some(at) =
        found[i..].iter().position(|e| dash_ends(e.span.start) || dash_starts(e.span.end))
    {
        i += at;
        let span = found[i].span;
        let riding = if found[i].label == "GPE"
            && (dash_before(text, span.start).is_some() || dash_after(text, span.end).is_some())
        {
            riding_around(rules, text, span)
        } else {
            None
        };
        let Some(riding) = riding else {
            i += 1;
            continue;
        };
        i = replace_places(found, i, riding);
    }
}

/// Replaces the entities of `found` inside `riding`, around entity `i`, by
/// the riding, when they are places and none reaches out of it; the index
/// to read on from.
#[cold]
#[inline(never)]
fn replace_places(found: &mut Vec<Resolved<'_>>, i: usize, riding: Span) -> usize {
    let mut first = i;
    while first > 0 && found[first - 1].span.start >= riding.start {
        first -= 1;
    }
    let mut last = i + 1;
    while last < found.len() && found[last].span.start < riding.end {
        last += 1;
    }
    let apart = first == 0 || found[first - 1].span.end <= riding.start;
    let inside = found[first..last]
        .iter()
        .all(|e| e.span.end <= riding.end && matches!(e.label, "GPE" | "LOC"));
    if !(apart && inside) {
        return i + 1;
    }
    found.splice(first..last, [Resolved::by_rule(riding, "GPE", RULE)]);
    first + 1
}

/// The length of a hyphen or dash ending at `at`, if one does.
fn dash_before(text: &str, at: usize) -> Option<usize> {
    text.get(..at)?.chars().next_back().filter(|&c| is_dash(c)).map(char::len_utf8)
}

/// The length of a hyphen or dash starting at `at`, if one does.
fn dash_after(text: &str, at: usize) -> Option<usize> {
    text.get(at..)?.chars().next().filter(|&c| is_dash(c)).map(char::len_utf8)
}

/// A hyphen, an en dash or an em dash: what joins a riding's parts.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// Whether `word` may be a word of a riding's part: capitalized, and no
/// title, date word or connector.
fn is_part_word(rules: &NameRules, text: &str, word: Span) -> bool {
    let written = &text[word];
    runs::is_capitalized(written) && rules.class(written) == Class::Other
}

/// The compound name around the place at `place`, when a district's noun
/// says it is a riding's (see the module docs). Out of line: asked of the
/// few places beside a dash.
#[inline(never)]
fn riding_around(rules: &NameRules, text: &str, place: Span) -> Option<Span> {
    let mut dashes = 0;
    // Leftwards: over a dash to the last word of the part before, or over
    // one blank to a word of the same part.
    let mut start = place.start;
    let mut part_words = 1;
    loop {
        if let Some(len) = dash_before(text, start) {
            match runs::word_before(rules, text, start - len) {
                Some(w) if is_part_word(rules, text, w) => {
                    start = w.start;
                    dashes += 1;
                    part_words = 1;
                    continue;
                }
                _ => return None,
            }
        }
        if part_words == MAX_PART_WORDS || start < 2 || text.as_bytes()[start - 1] != b' ' {
            break;
        }
        match runs::word_before(rules, text, start - 1) {
            Some(w) if w.end == start - 1 && is_part_word(rules, text, w) => {
                start = w.start;
                part_words += 1;
            }
            _ => break,
        }
    }
    // "The Brandon-Souris riding": a capitalized common word at a
    // sentence's start is no evidence of a name.
    if runs::is_sentence_start(text, start) {
        while let Some(w) = runs::word_from(rules, text, start)
            && w.end < place.start
            && rules.is_common(&text[w])
            && text.as_bytes().get(w.end) == Some(&b' ')
        {
            start = w.end + 1;
        }
    }
    // Rightwards, as leftwards.
    let mut end = place.end;
    part_words = 1;
    loop {
        if let Some(len) = dash_after(text, end) {
            match runs::word_from(rules, text, end + len) {
                Some(w) if is_part_word(rules, text, w) => {
                    end = w.end;
                    dashes += 1;
                    part_words = 1;
                    continue;
                }
                _ => return None,
            }
        }
        if text.as_bytes().get(end) != Some(&b' ') {
            break;
        }
        match runs::word_from(rules, text, end + 1) {
            Some(w) if is_part_word(rules, text, w) => {
                // A fourth word: no part of a riding's name ends here.
                if part_words == MAX_PART_WORDS {
                    return None;
                }
                end = w.end;
                part_words += 1;
            }
            _ => break,
        }
    }
    if dashes == 0 {
        return None;
    }
    let riding = Span::new(start, end);
    has_noun(rules, text, riding).then_some(riding)
}

/// Whether a district's noun follows `riding` ("Ajax-Pickering riding") or
/// stands before it with a link ("riding of Toronto—Danforth").
fn has_noun(rules: &NameRules, text: &str, riding: Span) -> bool {
    let after = text.as_bytes().get(riding.end) == Some(&b' ')
        && runs::word_from(rules, text, riding.end + 1)
            .is_some_and(|w| rules.riding_nouns.contains(&text[w]));
    after || {
        let link = (riding.start >= 2 && text.as_bytes()[riding.start - 1] == b' ')
            .then(|| runs::word_before(rules, text, riding.start - 1))
            .flatten()
            .filter(|w| rules.riding_links.contains(&text[*w]));
        link.is_some_and(|link| {
            link.start >= 2
                && text.as_bytes()[link.start - 1] == b' '
                && runs::word_before(rules, text, link.start - 1)
                    .is_some_and(|w| rules.riding_nouns.contains(&text[w]))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::{Entry, Gazetteer};

    fn gazetteer() -> &'static Gazetteer {
        static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZETTEER.get_or_init(|| {
            let town = |name: &str, id: &str| {
                Entry::new(name, "GPE", id)
                    .with_country("iso3166-1:CA")
                    .with_admin1("iso3166-2:CA-ON")
            };
            Gazetteer::new([
                town("Ajax", "geonames:5882873"),
                town("Pickering", "geonames:6104111"),
                town("Toronto", "geonames:6167865"),
                town("Stoney Creek", "geonames:6156102"),
                town("Wellington", "geonames:6178582"),
                town("Vaughan", "geonames:6173577"),
                Entry::new("Ontario", "GPE", "iso3166-2:CA-ON").with_country("iso3166-1:CA"),
                Entry::new("Iran", "GPE", "iso3166-1:IR"),
                Entry::new("Iraq", "GPE", "iso3166-1:IQ"),
                Entry::new("Liberal", "NORP", "dateline:liberals"),
            ])
            .expect("a valid gazetteer")
        })
    }

    fn read(text: &str) -> Vec<(&str, &str, Option<&'static str>)> {
        crate::context::tests::read_with(gazetteer(), text)
    }

    /// Seed-45 reading ("the new Ajax-Pickering riding"; seed 42 read
    /// "Stoney Creek" of "the riding of Hamilton East—Stoney Creek").
    #[test]
    fn a_riding_named_for_its_places_is_one_place() {
        let riding = Some(super::RULE);
        for (text, expected) in [
            (
                "the two ridings that were previously part of the new Ajax-Pickering riding did",
                vec![("Ajax-Pickering", "GPE", riding)],
            ),
            ("in the Ajax—Pickering riding.", vec![("Ajax—Pickering", "GPE", riding)]),
            (
                "standing for re-election in the riding of Hamilton East—Stoney Creek. Marston",
                vec![("Hamilton East—Stoney Creek", "GPE", riding)],
            ),
            (
                "the riding of Toronto—Danforth, Ontario",
                vec![("Toronto—Danforth", "GPE", riding), ("Ontario", "GPE", None)],
            ),
            (
                "in the riding of Dufferin—Peel—Wellington—Grey in",
                vec![("Dufferin—Peel—Wellington—Grey", "GPE", riding)],
            ),
            ("The Toronto–Danforth riding voted.", vec![("Toronto–Danforth", "GPE", riding)]),
            ("Ajax-Pickering ridings", vec![("Ajax-Pickering", "GPE", riding)]),
        ] {
            assert_eq!(read(text), expected, "{text}");
        }
    }

    /// Counter-cases: no district's noun, a single place, a party's word
    /// before the compound, a fourth word in a part, a space by the dash.
    #[test]
    fn places_joined_without_a_riding_stay_apart() {
        for (text, expected) in [
            (
                "patrols along the Iran-Iraq border",
                vec![("Iran", "GPE", None), ("Iraq", "GPE", None)],
            ),
            ("He won Toronto—Danforth again.", vec![("Toronto", "GPE", None)]),
            ("in the riding of Vaughan.", vec![("Vaughan", "GPE", None)]),
            (
                "the Liberal Ajax-Pickering riding",
                vec![("Liberal", "NORP", None), ("Ajax", "GPE", None), ("Pickering", "GPE", None)],
            ),
            (
                "the riding of Toronto—Danforth New Democrat Jack Layton",
                vec![("Toronto", "GPE", None)],
            ),
            (
                "the Ajax - Pickering riding",
                vec![("Ajax", "GPE", None), ("Pickering", "GPE", None)],
            ),
            (
                "horse riding in Toronto-Ontario",
                vec![("Toronto", "GPE", None), ("Ontario", "GPE", None)],
            ),
        ] {
            assert_eq!(read(text), expected, "{text}");
        }
    }
}
