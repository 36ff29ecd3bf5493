//! Namesakes by region: "Portland, Maine", datelines such as "PORTLAND,
//! Maine (AP) —", and AP's state abbreviations ("Portland, Ore.").
//!
//! A place name followed by a comma and a region picks, among its
//! candidates, the first (in the gazetteer's ranking) whose `admin1` or
//! `country` is one of the region's candidates; the region takes that
//! candidate too ("Atlanta, Georgia" is the US state). Without such a
//! region the gazetteer's ranking stands.

use crate::EntityMatch;

use super::rules::NameRules;

/// The candidates chosen for a place and the region after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Choice {
    /// The place's candidate (an index into its ranked candidates).
    pub(crate) place: usize,
    /// The region's candidate, when the region is match `i + 1`.
    pub(crate) region: Option<usize>,
}

/// The choice a region after match `i` makes, if one follows it and holds
/// one of its candidates.
///
/// Asked of every match: the comma is looked for here, inlined, and the
/// region read out of line only after one (few matches have it).
#[inline]
pub(crate) fn by_region(
    rules: &NameRules,
    text: &str,
    matches: &[EntityMatch<'_>],
    i: usize,
) -> Option<Choice> {
    if text.as_bytes().get(matches[i].end()) != Some(&b',') {
        return None;
    }
    by_region_after_comma(rules, text, matches, i)
}

/// [`by_region`] for a match followed by a comma.
#[inline(never)]
fn by_region_after_comma(
    rules: &NameRules,
    text: &str,
    matches: &[EntityMatch<'_>],
    i: usize,
) -> Option<Choice> {
    let place = matches[i];
    let after = &text[place.end() + 1..];
    let region_start = text.len() - after.trim_start_matches([' ', '\u{a0}']).len();
    if region_start == place.end() + 1 {
        return None;
    }
    if let Some(region) = matches.get(i + 1).filter(|m| m.start() == region_start) {
        let regions: Vec<&str> = region.candidates().map(|r| r.id()).collect();
        let (place, region) = first_inside(place, &regions)?;
        return Some(Choice { place, region: Some(region) });
    }
    let word_end = text[region_start..]
        .find(|c: char| !(c.is_alphabetic() || c == '.'))
        .map_or(text.len(), |p| region_start + p);
    let id = rules.region_abbreviation(&text[region_start..word_end])?;
    let (place, _) = first_inside(place, &[id])?;
    Some(Choice { place, region: None })
}

/// The first candidate of `place` inside one of `regions` (ids), and which.
fn first_inside(place: EntityMatch<'_>, regions: &[&str]) -> Option<(usize, usize)> {
    place.candidates().enumerate().find_map(|(c, candidate)| {
        let within = [candidate.admin1(), candidate.country()];
        regions.iter().position(|r| within.contains(&Some(r))).map(|r| (c, r))
    })
}
