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
        if done || overlaps_a_match(word, match_starts, match_ends) || !runs::may_grow(text, word) {
            continue;
        }
        let run = runs::run_around_head(rules, text, word, match_starts, match_ends);
        if run == word
            || overlaps_a_match(run, match_starts, match_ends)
            || lines.is_headline(word.start)
        {
            continue;
        }
        if let Some(typed) = runs::type_of(rules, text, run, None)
            .filter(|typed| typed.label != super::rules::UNREPORTED)
        {
            found.push(Resolved::by_rule(run, typed.label, typed.rule));
        }
    }
    found
}

/// Whether `run` overlaps a gazetteer match (whose reading decided already).
fn overlaps_a_match(run: Span, starts: &[usize], ends: &[usize]) -> bool {
    // The first match ending after the run starts overlaps it if it starts
    // before the run ends (matches do not overlap one another).
    let i = ends.partition_point(|&end| end <= run.start);
    i < ends.len() && starts.get(i).is_some_and(|&start| start < run.end)
}
