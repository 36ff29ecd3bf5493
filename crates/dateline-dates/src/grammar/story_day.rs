//! The story's day of a clock time: "At one money transfer office on
//! Tuesday, as many as 300 people lined up. Natasha George told The New
//! York Times that she had been waiting in line since 3 a.m." — 3 a.m. of
//! that Tuesday, not of the article's day.
//!
//! English news leaves a clock time that names no day on the reference
//! day (`Tables::clock_on_named_day` is off), which is right when the
//! story happens on it. When the sentence, or the one before, names a day
//! of the past week, the story is told on that day, and so is the time; a
//! day of the coming week likewise for a clock time whose clause does not
//! look back ("the Board, which meets Tuesday, March 28. The meeting
//! begins at 8:00am").
//! A clock time read so carries the story on: the sentence after it counts
//! as the one after the day's ("tomorrow ... at 20:15 BST. The stadium
//! gates will now open at 17:45 BST").
//! Farther back, or across a paragraph, the named day is a side remark,
//! unless it is the day of the lede (the text's first sentence: "On June
//! 30, deputy Roberto Jefferson testified ... His testimony ran from 4
//! p.m."), which holds until the text names another day.

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
    /// paragraph, or the lede's day, one to seven days before the
    /// reference, in a clause that does not look ahead.
    pub(super) fn story_day(&self, s: usize, e: usize) -> Option<Civil> {
        self.story_day_within(s, e, false)
    }

    /// The day of the clock time at tokens `s..e`: the story's day, as
    /// [`Parser::story_day`] finds it, or the day of the coming week named
    /// in its sentence or the one before when its clause does not look
    /// back (parts of the day keep the reference's, "will arrive on Tuesday
    /// and leave in the afternoon").
    pub(super) fn clock_story_day(&self, s: usize, e: usize) -> Option<Civil> {
        self.story_day_within(s, e, true)
    }

    fn story_day_within(&self, s: usize, e: usize, coming: bool) -> Option<Civil> {
        if !self.lx.reads_clauses() || self.lx.tables.clock_on_named_day {
            return None;
        }
        let (day, _, end) = self.doc.last_day_span?;
        let at = self.tok(s)?.start;
        let back = cal::diff_days(day, self.r);
        let ahead = coming && (-RECENT_DAYS..=-1).contains(&back);
        if end > at || !(1..=RECENT_DAYS).contains(&back) && !ahead {
            return None;
        }
        // The day of the lede holds until the text names another; a day
        // ahead only in its sentence and the next ("the Board, which meets
        // Tuesday, March 28. The meeting begins at 8:00am"). A section
        // heading ("=== The City ===") parts them as a line break does.
        if ahead || self.doc.lede_day != Some(day) {
            // Counted from the last clock time read on that day, when one
            // came after the day's name ("tomorrow ... at 20:15 BST (19:15
            // GMT). The stadium gates will now open at 17:45 BST").
            let end = match self.doc.story_clock {
                Some((d, clock_end)) if d == day && (end..=at).contains(&clock_end) => clock_end,
                _ => end,
            };
            let between = self.text.get(end..at)?;
            if at - end > REACH
                || between.contains('\n')
                || between.contains("==")
                || sentences_ending(between) > 1
            {
                return None;
            }
        }
        let (dir, _) = self.direction_at(s, e, Dir::Nearest);
        let against = if ahead { Dir::Past } else { Dir::Future };
        (dir != against).then_some(day)
    }

    /// The day an anaphoric day at token `i` ("The day after", "The next
    /// day") counts from: the last day named, unless the anaphor opens the
    /// sentence right after one that opened with its day ("On Friday, July
    /// 31, 40 employees began an occupation, though they had been told the
    /// store would stay open until September 6. The day after, ..."): the
    /// later days of that sentence are side remarks of its main event.
    pub(super) fn anaphor_anchor(&self, i: usize) -> Option<Civil> {
        let last = self.doc.last_day?;
        let at = self.tok(i)?.start;
        if let Some((topic, end)) = self.doc.topic_day
            && topic != last
            && end <= at
            && opens_sentence(self.text, at)
            && let Some(between) = self.text.get(end..at)
            && !between.contains('\n')
            && sentences_ending(between) == 1
        {
            return Some(topic);
        }
        Some(last)
    }
}

/// Whether byte `at` of `text` opens a sentence, after an optional "On":
/// the text's or a line's start, or a sentence's end before it.
pub(crate) fn opens_sentence(text: &str, at: usize) -> bool {
    let Some(mut before) = text.get(..at) else { return false };
    if let Some(rest) = before.trim_end().strip_suffix("On") {
        if rest.ends_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        before = rest;
    }
    let trimmed = before.trim_end();
    if trimmed.is_empty() || before[trimmed.len()..].contains('\n') {
        return true;
    }
    let stop = trimmed.trim_end_matches(CLOSING);
    match stop.chars().next_back() {
        Some('!' | '?') => true,
        Some('.') => !abbreviation_before(&stop[..stop.len() - 1]),
        _ => false,
    }
}

/// Quotation marks and brackets that may close a sentence after its stop.
const CLOSING: [char; 6] = ['"', '\'', '”', '’', ')', ']'];

/// The longest first sentence read as a lede, in bytes: news ledes run to
/// some 40 words, and a day past this is no lede's.
const LEDE: usize = 600;

/// Whether byte `at` of `text` lies in its first sentence (within [`LEDE`]
/// bytes).
pub(crate) fn in_first_sentence(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at).filter(|_| at <= LEDE) else { return false };
    // Only the stops are read (a SIMD search finds them).
    !memchr::memchr3_iter(b'.', b'!', b'?', before.as_bytes())
        .any(|k| ends_sentence(before, k, char::from(before.as_bytes()[k])))
}

/// How many sentences end in `text` (see [`ends_sentence`]).
pub(super) fn sentences_ending(text: &str) -> usize {
    text.char_indices().filter(|&(k, ch)| ends_sentence(text, k, ch)).count()
}

/// Whether `ch` at byte `k` of `text` ends a sentence: a ".", "!" or "?"
/// (not an abbreviation's period), closing quotes or brackets after it,
/// then a space ("... a \"gift to the British people.\" The crew ...").
fn ends_sentence(text: &str, k: usize, ch: char) -> bool {
    if !matches!(ch, '.' | '!' | '?') {
        return false;
    }
    let rest = text[k + 1..].trim_start_matches(CLOSING);
    rest.starts_with(char::is_whitespace) && !(ch == '.' && abbreviation_before(&text[..k]))
}

#[cfg(test)]
mod tests {
    use super::{opens_sentence, sentences_ending};

    #[test]
    fn sentence_ends_after_closing_quotes_but_not_after_initials() {
        assert_eq!(sentences_ending(r#" a "gift to the people." The crew landed. They"#), 2);
        assert_eq!(sentences_ending(" said U.S. officials and George W. Bush"), 0);
        assert_eq!(sentences_ending(" lined up (on Tuesday.) Then"), 1);
    }

    #[test]
    fn a_sentence_opens_after_a_stop_a_line_break_or_on() {
        let opens = |text: &str| opens_sentence(text, text.len());
        assert!(opens(""));
        assert!(opens("It closed. "));
        assert!(opens("It closed. On "));
        assert!(opens("\"It closed.\" On "));
        assert!(opens("== Strike ==\n"));
        assert!(!opens("Staff met on "));
        assert!(!opens("He met Mr. "));
        assert!(!opens("It closed, "));
        assert!(!opens("It closed. Con "));
    }
}
