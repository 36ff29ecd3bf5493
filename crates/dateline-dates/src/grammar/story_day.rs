//! The story's day of a clock time: "At one money transfer office on
//! Tuesday, as many as 300 people lined up. Natasha George told The New
//! York Times that she had been waiting in line since 3 a.m." — 3 a.m. of
//! that Tuesday, not of the article's day.
//!
//! English news leaves a clock time that names no day on the reference
//! day (`Tables::clock_on_named_day` is off), which is right when the
//! story happens on it. When the sentence, or the one before, names a day
//! of the past week, the story is told on that day, and so is the time.
//! Farther back, or across a paragraph, the named day is a side remark.

use jiff::civil::Date as Civil;

use super::quotes::abbreviation_before;
use super::{Dir, Parser};
use crate::cal;

/// Days before the reference a story's day may lie, at most.
const RECENT_DAYS: i64 = 7;

/// Bytes between the named day's end and the clock time, at most.
const REACH: usize = 400;

impl Parser<'_> {
    /// The day of the clock time at tokens `s..e` when the text tells its
    /// story on a recent day (see the module): the last one-day DATE named
    /// before it, in its sentence or the one before, in the same
    /// paragraph, one to seven days before the reference, in a clause that
    /// does not look ahead.
    pub(super) fn story_day(&self, s: usize, e: usize) -> Option<Civil> {
        if !self.lx.reads_clauses() || self.lx.tables.clock_on_named_day {
            return None;
        }
        let (day, _, end) = self.doc.last_day_span?;
        let at = self.tok(s)?.start;
        let back = cal::diff_days(day, self.r);
        if end > at || at - end > REACH || !(1..=RECENT_DAYS).contains(&back) {
            return None;
        }
        let between = self.text.get(end..at)?;
        if between.contains('\n') || sentences_ending(between) > 1 {
            return None;
        }
        let (dir, _) = self.direction_at(s, e, Dir::Nearest);
        (dir != Dir::Future).then_some(day)
    }
}

/// How many sentences end in `text`: a ".", "!" or "?" (not an
/// abbreviation's period), closing quotes or brackets after it, then a
/// space ("... a \"gift to the British people.\" The crew ...").
fn sentences_ending(text: &str) -> usize {
    text.char_indices()
        .filter(|&(k, ch)| {
            let rest =
                text[k + ch.len_utf8()..].trim_start_matches(['"', '\'', '”', '’', ')', ']']);
            matches!(ch, '.' | '!' | '?')
                && rest.starts_with(char::is_whitespace)
                && !(ch == '.' && abbreviation_before(&text[..k]))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::sentences_ending;

    #[test]
    fn sentence_ends_after_closing_quotes_but_not_after_initials() {
        assert_eq!(sentences_ending(r#" a "gift to the people." The crew landed. They"#), 2);
        assert_eq!(sentences_ending(" said U.S. officials and George W. Bush"), 0);
        assert_eq!(sentences_ending(" lined up (on Tuesday.) Then"), 1);
    }
}
