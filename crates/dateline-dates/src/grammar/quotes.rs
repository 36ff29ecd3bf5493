//! Quoted speech: where a quotation opens, and the deictic days inside
//! one whose day the sentence names ("On Friday he made a speech,
//! saying, \"The day after tomorrow, I hope ...\""; "Her article, dated
//! April 13, began, \"... resumed yesterday\"").
//!
//! "today", "yesterday" and "tomorrow" count from the day the words were
//! said. A quotation is read against the article's date unless the words
//! that introduce it, in the same sentence, name the day of saying; then
//! that day is their anchor.

use jiff::civil::Date as Civil;

use super::{Cand, Parser};
use crate::cal;
use crate::extractor::in_url;
use crate::timex::{Grain, TimexType};

/// Bytes of introduction read before an opening quote, at most.
const INTRO: usize = 300;

/// The rules of deictic days, counted from the day of saying.
const DEICTIC: &[&str] = &["today", "yesterday", "tomorrow", "day-after-tomorrow"];

/// Nouns of an occasion of speech: a quotation after the sentence that
/// dates one is read from its day.
const SPEECH: &[&str] =
    &["speech", "address", "appearance", "remarks", "interview", "briefing", "conference"];

impl Parser<'_> {
    /// The byte of the quotation mark that opens the quotation byte `at`
    /// stands in, within its paragraph: after an odd number of straight
    /// quotes, or more opening curly quotes than closing ones.
    pub(crate) fn quotation_opened(&self, at: usize) -> Option<usize> {
        let before = self.text.get(..at)?;
        let start = before.rfind('\n').map_or(0, |n| n + 1);
        let para = &before[start..];
        // Searched as substrings (a fast byte search), not char by char:
        // a one-line article is one long paragraph.
        let (mut straight, mut last) = (0usize, None);
        for (k, _) in para.match_indices('"') {
            straight += 1;
            last = Some(k);
        }
        let opening = para.rfind('“');
        let curly_open = opening.is_some() && para.matches('“').count() > para.matches('”').count();
        let straight_open = if straight % 2 == 1 { last } else { None };
        let curly = if curly_open { opening } else { None };
        straight_open.max(curly).map(|k| start + k)
    }

    /// Moves each deictic day inside a quotation to the day of saying,
    /// when the sentence that introduces the quotation names that day
    /// (a day on or before the reference, outside the quotation); in a
    /// language whose clauses are read. `carried` is the last one-day
    /// DATE of the regions before.
    pub(crate) fn quoted_days(&self, cands: &mut [Cand], carried: Option<(Civil, usize, usize)>) {
        if !self.lx.reads_clauses() {
            return;
        }
        for k in 0..cands.len() {
            let c = &cands[k];
            let rule = c.rule.split(':').next().unwrap_or("");
            let tonight = rule == "tonight";
            if !(c.grain == Grain::Day && DEICTIC.contains(&rule) || tonight) {
                continue;
            }
            let Some(start) = self.tok(c.s).map(|t| t.start) else { continue };
            let Some(quote) = self.quotation_opened(start) else { continue };
            let Some(day) = c.day() else { continue };
            let last = cands[..k]
                .iter()
                .rev()
                .filter_map(|c| self.day_span(c))
                .chain(carried)
                .find(|&(_, _, e)| e <= quote);
            // A quoted "tonight" in a story whose lede names last night's
            // day, and no day since, was said that night ("Clinton told
            // supporters \"Tonight, we have come from behind\"" the day
            // after the primary).
            let lede_night = || {
                let (named, ..) = last?;
                let lede = self.doc.lede_day.filter(|&d| d == named)?;
                (tonight && cal::diff_days(lede, self.r) == 1).then_some(lede)
            };
            let Some(said) = last.and_then(|l| self.day_of_saying(l, quote)).or_else(lede_night)
            else {
                continue;
            };
            let Some(moved) = cal::add_days(said, cal::diff_days(self.r, day)) else { continue };
            let c = &mut cands[k];
            c.value.replace_range(..10, &cal::fmt_day(moved));
            c.rule.push_str(":said-on");
        }
    }

    /// The day of a one-day DATE candidate, with its byte span.
    pub(crate) fn day_span(&self, c: &Cand) -> Option<(Civil, usize, usize)> {
        if c.kind != TimexType::Date || c.grain != Grain::Day {
            return None;
        }
        let day = c.day()?;
        Some((day, self.tok(c.s)?.start, self.tok(c.e.checked_sub(1)?)?.end))
    }

    /// The day of saying of the quotation opening at byte `quote`, when
    /// `last` (the last one-day DATE before it) introduces it: in the same
    /// sentence (no sentence end between), or in the sentence right before
    /// when that one names a speech; outside any quotation, before the
    /// reference.
    fn day_of_saying(&self, last: (Civil, usize, usize), quote: usize) -> Option<Civil> {
        let (day, s, e) = last;
        if quote - e > INTRO || self.quotation_opened(s).is_some() || in_url(self.text, s, e) {
            return None;
        }
        let ends = self.sentence_ends(e, quote)?;
        if !ends {
            return (day < self.r).then_some(day);
        }
        // A quotation that opens the sentence right after one naming the
        // day of a speech goes on with its words ("In an appearance in
        // Allentown on Friday, Obama called the figure \"modestly
        // encouraging\". \"... as I said yesterday\""): one sentence end,
        // then only the quotation mark, and a speech noun in that sentence.
        let between = self.text.get(e..quote)?;
        let trimmed = between.trim_end();
        let next_sentence = trimmed.len() < between.len()
            && trimmed.ends_with(['.', '!', '?'])
            && self.sentence_ends(e, e + trimmed.len() - 1) == Some(false)
            && !trimmed.contains('\n');
        let back = self.text_back(s, INTRO)?;
        let lo = s - back.len();
        let opening = back.rfind(['.', '!', '?', '\n']).map_or(lo, |k| lo + k + 1);
        let speech = self
            .text
            .get(opening..e + trimmed.len())?
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| SPEECH.iter().any(|v| w.eq_ignore_ascii_case(v)));
        (next_sentence && speech && day < self.r).then_some(day)
    }

    /// Whether a sentence ends between bytes `from` and `to`: a ".", "!",
    /// "?" before a space (not an abbreviation's period), or a line break.
    pub(crate) fn sentence_ends(&self, from: usize, to: usize) -> Option<bool> {
        let between = self.text.get(from..to)?;
        Some(between.char_indices().any(|(k, ch)| {
            matches!(ch, '.' | '!' | '?' | '\n')
                && between[k + 1..].starts_with(|n: char| n.is_whitespace())
                && !(ch == '.' && abbreviation_before(&between[..k]))
        }))
    }
}

/// Abbreviations whose period ends no sentence: titles ("Mr. Bush
/// said"), months and weekdays ("Sept. 5"), and the words of addresses and
/// company names.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "jr", "sr", "st", "gen", "col", "maj", "lt", "sgt", "cpl", "pvt",
    "adm", "cdr", "capt", "rep", "sen", "gov", "pres", "rev", "hon", "prof", "supt", "fr",
    "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "no", "nos", "vol", "co",
    "corp", "inc", "ltd", "bros", "ave", "rd", "mt", "ft", "pt", "vs", "op", "ch", "art", "fig",
];

/// Whether the text before a period ends in an abbreviation, whose period
/// ends no sentence: an initial or a dotted run of letters ("J.", "U.S.",
/// "George W.", "a.m."), or a capitalized abbreviation news uses ("Mr.",
/// "Sen.", "Jan.", "Corp."). A short capitalized word is no abbreviation by
/// itself ("on Labor Day.", "the Gulf War.").
pub(super) fn abbreviation_before(before: &str) -> bool {
    let word = before.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or("");
    let initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    let dotted = last.len() <= 2 && word.len() > last.len();
    let capitalized = last.starts_with(|c: char| c.is_ascii_uppercase());
    initial || dotted || capitalized && ABBREVIATIONS.iter().any(|a| last.eq_ignore_ascii_case(a))
}
