//! Names found by their head words alone: "Democratic Party", "Home
//! Office", "Changi International Airport", where no gazetteer name stands
//! inside.
//!
//! The head words and prefixes are found by a [`Matcher`] of their own
//! (case-sensitive), which a pipeline prepares in the same scan as its
//! gazetteer and date anchors.
//!
//! [`Matcher`]: dateline_match::Matcher

use dateline_tokenize::Span;

use super::rules::NameRules;
use super::{Lines, Resolved, runs};

/// The rule-found entities whose runs hold a head word: at least two words,
/// outside headlines.
pub(crate) fn named_by_heads<'g>(
    rules: &NameRules,
    text: &str,
    cues: &[Span],
    match_starts: &[usize],
    match_ends: &[usize],
    lines: &mut Lines<'_>,
) -> Vec<Resolved<'g>> {
    let mut found: Vec<Resolved<'g>> = Vec::new();
    for cue in cues {
        let Some(word) = runs::word_from(rules, text, cue.start) else { continue };
        let done = found.last().is_some_and(|last| last.span.end > word.start);
        // A head word inside a gazetteer name ("United" in "United States",
        // "Bank" in "World Bank") was read with that name: its run would
        // overlap the match too.
        if done
            || overlaps_a_match(word, match_starts, match_ends)
            || !(runs::may_grow(text, word) || runs::number_follows(text, word.end))
        {
            continue;
        }
        // "Travis County District Attorney": the title's word heads no run.
        if runs::opens_title(rules, text, word) {
            continue;
        }
        // The run's right end first (the cheaper side to read): a run that
        // takes in a match there is dropped whatever its left side is, as
        // a run only overlaps more matches the further it reaches left.
        let end = runs::head_run_end(rules, text, word, match_starts);
        if overlaps_a_match(Span::new(word.start, end), match_starts, match_ends) {
            continue;
        }
        let floor = overlap_floor(word.start, end, match_starts, match_ends);
        let run = Span::new(runs::head_run_start(rules, text, word, match_ends, floor), end);
        // "113th Battalion": an ordinal begins a unit's name.
        let run = Span::new(runs::start_over_ordinal(rules, text, run), run.end);
        // "Highway 101": a road's head word alone may take its number below.
        if run == word && !runs::number_follows(text, word.end)
            || overlaps_a_match(run, match_starts, match_ends)
            || lines.is_headline(word.start)
        {
            continue;
        }
        if let Some(typed) = runs::type_of(rules, text, run, None)
            .filter(|typed| typed.label != super::rules::UNREPORTED)
        {
            let mut joined =
                over_joins(rules, text, run, typed.label, match_starts, match_ends, &found);
            if typed.label == "FAC" {
                // "Highway 101", "State Highway 15": a road's number ends
                // its name.
                joined.end = runs::end_over_number(rules, text, joined);
            }
            if joined == word {
                // A head word alone took no number ("Highway 3000").
                continue;
            }
            let (label, rule) = district_or(text, joined, typed.label, typed.rule);
            found.push(Resolved::by_rule(joined, label, rule));
        }
    }
    found
}

/// `run` with the words a hyphen or "and" joins before it ("al-Khilani
/// Mosque", "the Food and Drug Administration"; see
/// [`runs::start_over_joins`]), unless they hold a gazetteer match or reach
/// an earlier name of `found`.
fn over_joins(
    rules: &NameRules,
    text: &str,
    run: Span,
    label: &str,
    match_starts: &[usize],
    match_ends: &[usize],
    found: &[Resolved<'_>],
) -> Span {
    // No match is inside a head word's run: "and" may take two words before
    // an organization's.
    let two = label == "ORG";
    let start = runs::start_over_joins(rules, text, run.start, two, match_ends);
    let free = start == run.start
        || !overlaps_a_match(Span::new(start, run.start), match_starts, match_ends)
            && found.last().is_none_or(|last| last.span.end <= start);
    if free { Span::new(start, run.end) } else { run }
}

/// The rule that names a district, for a run typed by a landform's head
/// word: "Scarborough-Rouge River", "Skeena-Bulkley Valley", a landform's
/// name that a hyphen joins to a name before it, is a compound district (an
/// electoral riding), no landform; not "al-Hamra Valley", whose particle
/// joins no name. Other runs keep `label` and `rule`.
pub(crate) fn district_or(
    text: &str,
    run: Span,
    label: &'static str,
    rule: &'static str,
) -> (&'static str, &'static str) {
    if rule == "head:loc" && joins_names(&text[run]) { ("GPE", DISTRICT) } else { (label, rule) }
}

/// The rule name of [`district_or`].
pub(crate) const DISTRICT: &str = "head:district";

/// Whether the first of two or more words of `run` is two capitalised names
/// a hyphen joins ("Skeena-Bulkley Valley"; not "al-Hamra Valley" nor the
/// one word "Cross-Strait").
fn joins_names(run: &str) -> bool {
    let bytes = run.as_bytes();
    let Some(blank) = bytes.iter().position(|&b| b == b' ') else { return false };
    bytes[0].is_ascii_uppercase()
        && bytes[..blank]
            .iter()
            .position(|&b| b == b'-')
            .is_some_and(|hyphen| bytes.get(hyphen + 1).is_some_and(u8::is_ascii_uppercase))
}

/// A start before which every run from there to `end` overlaps a match
/// (0 when no such start is known): the end of the last match before
/// `from`, when a run starting just before it overlaps a match.
///
/// Matches are in text order, so [`overlaps_a_match`] only says yes more
/// often as a run's start moves left: one look settles every start below.
fn overlap_floor(from: usize, end: usize, starts: &[usize], ends: &[usize]) -> usize {
    let i = ends.partition_point(|&e| e <= from);
    match i.checked_sub(1).map(|last| ends[last]) {
        Some(floor) if floor > 0 && overlaps_a_match(Span::new(floor - 1, end), starts, ends) => {
            floor
        }
        _ => 0,
    }
}

/// Whether `run` overlaps a gazetteer match (whose reading decided already).
fn overlaps_a_match(run: Span, starts: &[usize], ends: &[usize]) -> bool {
    // The first match ending after the run starts overlaps it if it starts
    // before the run ends (matches do not overlap one another).
    let i = ends.partition_point(|&end| end <= run.start);
    i < ends.len() && starts.get(i).is_some_and(|&start| start < run.end)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::context::english::ENGLISH;
    use crate::{Entry, Gazetteer};

    /// `named_by_heads` as it was, reading each run whole before asking
    /// whether it overlaps a match.
    fn named_by_heads_before<'g>(
        rules: &NameRules,
        text: &str,
        cues: &[Span],
        match_starts: &[usize],
        match_ends: &[usize],
        lines: &mut Lines<'_>,
    ) -> Vec<Resolved<'g>> {
        let mut found: Vec<Resolved<'g>> = Vec::new();
        for cue in cues {
            let Some(word) = runs::word_from(rules, text, cue.start) else { continue };
            let done = found.last().is_some_and(|last| last.span.end > word.start);
            if done
                || overlaps_a_match(word, match_starts, match_ends)
                || !runs::may_grow(text, word)
            {
                continue;
            }
            let run = runs::before::run_around_head(rules, text, word, match_starts, match_ends);
            if run == word
                || overlaps_a_match(run, match_starts, match_ends)
                || lines.is_headline(word.start)
            {
                continue;
            }
            if let Some(typed) = runs::type_of(rules, text, run, None)
                .filter(|typed| typed.label != super::super::rules::UNREPORTED)
            {
                let run =
                    over_joins(rules, text, run, typed.label, match_starts, match_ends, &found);
                found.push(Resolved::by_rule(run, typed.label, typed.rule));
            }
        }
        found
    }

    fn gazetteer() -> &'static Gazetteer {
        static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZETTEER.get_or_init(|| {
            Gazetteer::new([
                Entry::new("US", "GPE", "iso3166-1:US"),
                Entry::new("China", "GPE", "iso3166-1:CN"),
                Entry::new("Chinese", "NORP", "iso3166-1:CN"),
                Entry::new("New York", "GPE", "geonames:5128581"),
                Entry::new("Beijing", "GPE", "geonames:1816670"),
            ])
            .expect("a valid gazetteer")
        })
    }

    fn read(text: &str, before: bool) -> Vec<(Span, &'static str, Option<&'static str>)> {
        let rules = &ENGLISH;
        let matches: Vec<_> = gazetteer().find(text);
        let starts: Vec<usize> = matches.iter().map(|m| m.start()).collect();
        let mut ends: Vec<usize> = matches.iter().map(|m| m.end()).collect();
        ends.sort_unstable();
        let cues: Vec<Span> = rules.cue_matcher().find_iter(text).map(|m| m.span()).collect();
        let mut lines = Lines::new(text);
        let found = if before {
            named_by_heads_before(rules, text, &cues, &starts, &ends, &mut lines)
        } else {
            named_by_heads(rules, text, &cues, &starts, &ends, &mut lines)
        };
        found.iter().map(|e| (e.span(), e.label(), e.rule())).collect()
    }

    #[test]
    fn heads_name_runs_as_before() {
        for text in [
            "the Chinese Communist Party said",
            "shares of Bank of China and the Democratic Party fell",
            "said General Motors Corporation of New York",
            "the New York Stock Exchange Group and Beijing Capital International Airport",
            "US Navy officials met the People's Liberation Army Navy",
        ] {
            assert_eq!(read(text, false), read(text, true), "{text:?}");
        }
        assert_eq!(
            read("officials of the Democratic Party said", false),
            [(Span::new(17, 33), "ORG", Some("head:org"))]
        );
    }

    #[test]
    fn hyphen_joined_names_before_a_landform_name_a_district() {
        for (run, district) in [
            ("Skeena-Bulkley Valley", true),
            ("Kenora-Rainy River", true),
            ("Cross-Strait", false),
            ("al-Hamra Valley", false),
            ("Anti-government River", false),
            ("Rouge River", false),
            ("Rouge River-Scarborough", false),
        ] {
            assert_eq!(joins_names(run), district, "{run:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Runs whose right end takes in a match, or whose left side
        /// reaches one, are dropped without reading them whole, and the
        /// same runs are named.
        #[test]
        fn heads_name_the_same_runs(pieces in proptest::collection::vec(
            proptest::sample::select(&[
                "US", "China", "Chinese", "New York", "Beijing", "Bank", "Party", "Group",
                "Airport", "Stock", "Exchange", "Communist", "Democratic", "General", "Motors",
                "Corporation", "of", "the", "The", "for", "&", "said", "Minister", "Monday",
                "Navy", "Army", "Mount", "Everest", "Strip", "Gaza", "U.S.", "Corp.", "-",
                "’s", "\n", ".", "Real",
            ][..]),
            0..16,
        )) {
            let text = pieces.join(" ");
            prop_assert_eq!(read(&text, false), read(&text, true), "{:?}", text);
            let glued = pieces.concat();
            prop_assert_eq!(read(&glued, false), read(&glued, true), "{:?}", glued);
        }
    }
}
