//! Cities used as clubs: "Barcelona beat Real Madrid 2-1", "DETROIT 4
//! Boston 2", "Barcelona coach Xavi", league tables.
//!
//! Only places inside a country (cities, states) are read this way: a
//! national team keeps its country's label, as CoNLL and OntoNotes
//! annotate it.
//!
//! The cues, each named by the rule it reports:
//! * `sports:score`: the city and another name stand next to their
//!   scores on one line ("DETROIT 4 Boston 2", "Barnsley 1 Huddersfield
//!   1"), not a name with a number ("Taipei 101");
//! * `sports:table`: the city is followed by three or more numbers on its
//!   line (a league table row);
//! * `sports:match`: a match verb follows the city ("beat", "edged") or a
//!   match word precedes it ("against", "lost to"), with a score such as
//!   "2-1" in the sentence; "drew with" and "coach of" need no score
//!   ("drew" alone does: "Richmond drew 200 protesters");
//! * `sports:role`: a team role follows the city ("coach", "striker").

use crate::EntityMatch;

use super::rules::NameRules;
use super::window;

/// The sports rule that makes match `i` (whose label is `label`) a club,
/// if one does.
///
/// Inlined: only a place (`GPE`) can be one, and the label settles most
/// matches before a call.
#[inline]
pub(crate) fn club_cue(
    rules: &NameRules,
    text: &str,
    matches: &[EntityMatch<'_>],
    i: usize,
    label: &str,
) -> Option<&'static str> {
    if label != "GPE" {
        return None;
    }
    place_cue(rules, text, &matches[i])
}

/// [`club_cue`] for a place: one inside a country, a city or a state, is
/// read. Countries, and entries that say nothing of where they are, are
/// not.
#[inline(never)]
fn place_cue(rules: &NameRules, text: &str, found: &EntityMatch<'_>) -> Option<&'static str> {
    found.entry().country()?;
    text_cue(rules, text, found.start(), found.end())
}

/// The sports rule the text around a name at `start..end` supports, if
/// any (whatever the name is).
fn text_cue(rules: &NameRules, text: &str, start: usize, end: usize) -> Option<&'static str> {
    // Cues sit close to the club: a score line's other name and score
    // within 120 bytes after it, a match word within 40 bytes before.
    let (window_start, window_end) = window(text, start, end, 40, 120);
    let after = &text[end..window_end];
    let before = &text[window_start..start];
    // Every cue after the name (numbers, a role, a verb, a draw) follows
    // a blank: the text after the blanks is cut once, and read only when
    // there are blanks.
    let rest = after.trim_start_matches([' ', '\t', '\u{a0}']);
    let spaced_after = rest.len() < after.len();
    let numbers_after = if spaced_after && rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        leading_numbers(after)
    } else {
        0
    };
    if numbers_after >= 3 {
        return Some("sports:table");
    }
    if numbers_after >= 1 && (score_follows(after) || score_precedes(before)) {
        return Some("sports:score");
    }
    let next = if spaced_after { word_at_start(rest) } else { None };
    if next.is_some_and(|w| rules.sports_roles_after.contains(w)) {
        return Some("sports:role");
    }
    let phrase_after = if spaced_after {
        rules.sports_strong_words.iter().copied().find(|w| {
            rest.strip_prefix(w)
                .is_some_and(|tail| tail.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        })
    } else {
        None
    };
    let verb_after = next.filter(|w| rules.sports_verbs_after.contains(w)).or(phrase_after);
    // Every cue before a club ends in a short lowercase word or "v.",
    // after which blanks stand before the club.
    let spaced_before = before.ends_with([' ', '\t', '\u{a0}']);
    let word_before = if spaced_before {
        let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
        let bytes = trimmed.as_bytes();
        let last =
            bytes.iter().rev().take_while(|&&b| b.is_ascii_alphabetic() || b == b'.').count();
        if (1..=9).contains(&last) && rules.sports_words_before.may_end(trimmed) {
            rules.sports_words_before.words.iter().copied().find(|w| ends_with_word(trimmed, w))
        } else {
            None
        }
    } else {
        None
    };
    if verb_after.is_none() && word_before.is_none() {
        return None;
    }
    let has_score = has_score(sentence_around(text, start, end));
    let strong = |w: &str| rules.sports_strong_words.contains(&w);
    match (verb_after, word_before) {
        (Some(v), _) if has_score || strong(v) => Some("sports:match"),
        (_, Some(w)) if has_score || strong(w) => Some("sports:match"),
        _ => None,
    }
}

/// The word `rest` starts with: letters, digits and dots (ASCII by bytes,
/// the rest by chars); none when it starts with none of them.
fn word_at_start(rest: &str) -> Option<&str> {
    let bytes = rest.as_bytes();
    let ascii = bytes.iter().take_while(|&&b| b.is_ascii_alphanumeric() || b == b'.').count();
    let end = match bytes.get(ascii) {
        Some(b) if !b.is_ascii() => rest[ascii..]
            .find(|c: char| !c.is_alphanumeric() && c != '.')
            .map_or(rest.len(), |p| ascii + p),
        _ => ascii,
    };
    Some(&rest[..end]).filter(|w| !w.is_empty())
}

/// How many whole numbers of one to three digits, separated by blanks,
/// start `after` (after blanks).
fn leading_numbers(after: &str) -> usize {
    let mut count = 0;
    let mut rest = after;
    loop {
        let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}']);
        if trimmed.len() == rest.len() {
            return count;
        }
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let ends_clean = trimmed[digits..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if !(1..=3).contains(&digits) || !ends_clean || trimmed[digits..].starts_with('.') {
            return count;
        }
        if trimmed[digits..].starts_with(',') {
            // "Boston 4, Detroit 2": the score ends at the comma.
            return count + 1;
        }
        count += 1;
        rest = &trimmed[digits..];
    }
}

/// The blank-separated tokens of a line's stretch, up to a line break,
/// without brackets ("Chelsea 2 (Drogba 2) Leeds 1").
fn tokens(stretch: &str) -> impl DoubleEndedIterator<Item = &str> {
    let line = stretch.split('\n').next().unwrap_or("");
    line.split([' ', '\t', '\u{a0}', ','])
        .map(|t| t.trim_matches(['(', ')']))
        .filter(|t| !t.is_empty())
}

fn is_score_number(token: &str) -> bool {
    (1..=3).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit())
}

fn is_capitalized(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase)
}

/// After the city: its score, then another name (one to three capitalized
/// words) and that name's score: " 4 Boston 2", " 1 Huddersfield Town 1".
/// Not "Taipei 101 tower" nor "Davao 8 were freed".
fn score_follows(after: &str) -> bool {
    let mut tokens = tokens(after);
    if !tokens.next().is_some_and(is_score_number) {
        return false;
    }
    for (names, token) in tokens.enumerate() {
        if is_score_number(token) {
            return (1..=3).contains(&names);
        }
        if !is_capitalized(token) {
            return false;
        }
    }
    false
}

/// Before the city: another name and its score, as in "DETROIT 4 Boston"
/// read from Boston (whose own score follows it).
fn score_precedes(before: &str) -> bool {
    let mut tokens = tokens_back(before);
    if !tokens.next().is_some_and(is_score_number) {
        return false;
    }
    tokens.next().is_some_and(is_capitalized)
}

/// The tokens of `before` from its end back to a line break.
fn tokens_back(before: &str) -> impl Iterator<Item = &str> {
    tokens(before.rsplit('\n').next().unwrap_or("")).rev()
}

/// The first word of `after`, after blanks.
#[cfg(test)]
fn first_word(after: &str) -> Option<&str> {
    let trimmed = after.trim_start_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == after.len() {
        return None;
    }
    let end = trimmed.find(|c: char| !c.is_alphanumeric() && c != '.').unwrap_or(trimmed.len());
    Some(&trimmed[..end]).filter(|w| !w.is_empty())
}

/// Whether `after` starts with the word or words `cue`, after blanks.
#[cfg(test)]
fn starts_with_words(after: &str, cue: &str) -> bool {
    let trimmed = after.trim_start_matches([' ', '\t', '\u{a0}']);
    trimmed.len() < after.len()
        && trimmed
            .strip_prefix(cue)
            .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Whether `trimmed` (text before a name, blanks cut) ends with the word
/// or words `cue`.
fn ends_with_word(trimmed: &str, cue: &str) -> bool {
    // The last bytes first: this is asked for every cue word before most
    // cities, and most cues end otherwise than the text.
    if let Some(last) = cue.as_bytes().last()
        && trimmed.as_bytes().last() != Some(last)
    {
        return false;
    }
    trimmed
        .strip_suffix(cue)
        .is_some_and(|head| head.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// The sentence around a span: up to the nearest sentence end or line
/// break on either side, at most 300 bytes away.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let (from, to) = window(text, start, end, 300, 300);
    let head = &text[from..start];
    let begin = head.rfind(['\n', '.', '!', '?']).map_or(from, |p| from + p + 1);
    let tail = &text[end..to];
    let finish = tail
        .match_indices(['\n', '!', '?', '.'])
        .find(|&(p, _)| tail[p + 1..].starts_with([' ', '\n']) || p + 1 == tail.len())
        .map_or(to, |(p, _)| end + p);
    &text[begin..finish]
}

/// Whether a sentence holds a score: "2-1", "3–2", "104-98", not "2023-24"
/// or "9-11" read as dates (four digits, or a score glued to letters).
fn has_score(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    sentence.match_indices(['-', '–']).any(|(p, dash)| {
        let left = bytes[..p].iter().rev().take_while(|b| b.is_ascii_digit()).count();
        let right = bytes[p + dash.len()..].iter().take_while(|b| b.is_ascii_digit()).count();
        // Glued to letters or to other numbers ("COVID-19", "2024-07-23") it
        // is a name or a date.
        let glued = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'.' | b':');
        let clean_left = p == left || !glued(bytes[p - left - 1]);
        let after = p + dash.len() + right;
        let clean_right = after == bytes.len()
            || !glued(bytes[after])
            || bytes[after] == b'.' && after + 1 == bytes.len();
        (1..=3).contains(&left) && (1..=3).contains(&right) && clean_left && clean_right
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_after_a_name_are_counted() {
        assert_eq!(leading_numbers(" 4 Boston 2"), 1);
        assert_eq!(leading_numbers(" 10 8 1 1 25 8 25"), 7);
        assert_eq!(leading_numbers(" 2008 Olympics"), 0);
        assert_eq!(leading_numbers(" 3.5 million"), 0);
        assert_eq!(leading_numbers(" 3, 4"), 1);
        assert_eq!(leading_numbers("4 x"), 0);
    }

    #[test]
    fn scores_are_told_from_dates_and_ranges() {
        assert!(has_score("Barcelona beat Real Madrid 2-1 on Sunday"));
        assert!(has_score("a 3–2 win"));
        assert!(has_score("won 104-98"));
        assert!(!has_score("the 2023-24 season"));
        assert!(!has_score("on 2024-07-23"));
        assert!(!has_score("a COVID-19 case"));
        assert!(!has_score("no numbers"));
    }

    #[test]
    fn score_lines_pair_two_names_with_numbers() {
        assert!(score_follows(" 4 Boston 2"));
        assert!(score_follows(" 1 Huddersfield Town 1"));
        assert!(score_follows(" 104, Boston Celtics 98"));
        assert!(!score_follows(" 101 is the tallest"));
        assert!(!score_follows(" 8 were freed by Police 2"));
        assert!(!score_follows(" 2008 Olympics 2"));
        assert!(score_precedes("DETROIT 4 "));
        assert!(!score_precedes("the 4 "));
        assert!(!score_precedes("DETROIT 4\n"));
    }

    #[test]
    fn score_lines_are_read_on_char_boundaries() {
        // A no-break space is two bytes (regression: a slice inside it).
        assert!(score_follows(" 4\u{a0}Boston\u{a0}2"));
        assert!(!score_follows(" 2\u{a0}é 2"));
    }

    #[test]
    fn sentences_end_at_their_punctuation() {
        let text = "He left. Barcelona beat Madrid 2-1. Then rain.";
        let start = text.find("Barcelona").expect("present");
        assert_eq!(sentence_around(text, start, start + 9), " Barcelona beat Madrid 2-1");
    }

    #[test]
    fn cue_words_are_whole_words() {
        assert!(ends_with_word("they lost to", "lost to"));
        assert!(!ends_with_word("they glost to", "lost to"));
        assert!(!ends_with_word("Parliament", "v"));
        assert!(ends_with_word("Chelsea v", "v"));
        assert!(!ends_with_word("Chelsea", "v") && !ends_with_word("", "v"));
        assert!(ends_with_word("they beat", "beat") && !ends_with_word("they beats", "beat"));
    }

    /// `text_cue` as it was, reading every cue from the whole window.
    fn text_cue_before(
        rules: &NameRules,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<&'static str> {
        // Cues sit close to the club: a score line's other name and score
        // within 120 bytes after it, a match word within 40 bytes before.
        let (window_start, window_end) = window(text, start, end, 40, 120);
        let after = &text[end..window_end];
        let before = &text[window_start..start];
        let numbers_after = leading_numbers(after);
        if numbers_after >= 3 {
            return Some("sports:table");
        }
        if numbers_after >= 1 && (score_follows(after) || score_precedes(before)) {
            return Some("sports:score");
        }
        let next = first_word(after);
        if next.is_some_and(|w| rules.sports_roles_after.contains(w)) {
            return Some("sports:role");
        }
        let phrase_after =
            rules.sports_strong_words.iter().copied().find(|w| starts_with_words(after, w));
        let verb_after = next.filter(|w| rules.sports_verbs_after.contains(w)).or(phrase_after);
        let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
        // Every cue before a club ends in a short lowercase word or "v.".
        let last = trimmed.rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '.')).next();
        let may_cue =
            trimmed.len() < before.len() && last.is_some_and(|w| (1..=9).contains(&w.len()));
        let word_before = may_cue
            .then(|| {
                rules.sports_words_before.words.iter().copied().find(|w| ends_with_word(trimmed, w))
            })
            .flatten();
        if verb_after.is_none() && word_before.is_none() {
            return None;
        }
        let has_score = has_score(sentence_around(text, start, end));
        let strong = |w: &str| rules.sports_strong_words.contains(&w);
        match (verb_after, word_before) {
            (Some(v), _) if has_score || strong(v) => Some("sports:match"),
            (_, Some(w)) if has_score || strong(w) => Some("sports:match"),
            _ => None,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The cues read after one cut of the blanks are the cues read
        /// before, around every name of texts of scores, cue words,
        /// blanks and other scripts.
        #[test]
        fn cues_read_as_before(pieces in proptest::collection::vec(
            proptest::sample::select(&[
                "Boston", "DETROIT", "beat", "drew with", "coach", "coach of", "lost to", "v.",
                "v", "vs", "striker", "won", "2-1", "4", "10", "104", "2008", "3.5", ",", ".",
                "\n", " ", "  ", "\t", "\u{a0}", "é", "Zürich", "北京", "(", ")", "said",
                "the", "in", "Leeds", "Town",
            ][..]),
            0..14,
        ), name in 0usize..14) {
            let rules = &crate::context::english::ENGLISH;
            let mut text = String::new();
            let mut names = Vec::new();
            for (i, piece) in pieces.iter().enumerate() {
                if i % 2 == 1 {
                    text.push(' ');
                }
                let at = text.len();
                text.push_str(piece);
                names.push((at, text.len()));
            }
            if let Some(&(start, end)) = names.get(name) {
                proptest::prop_assert_eq!(
                    text_cue(rules, &text, start, end),
                    text_cue_before(rules, &text, start, end),
                    "{:?} at {}..{}", text, start, end
                );
            }
            for (start, end) in names {
                proptest::prop_assert_eq!(
                    text_cue(rules, &text, start, end),
                    text_cue_before(rules, &text, start, end)
                );
            }
        }
    }
}
