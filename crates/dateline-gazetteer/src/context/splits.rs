//! A demonym that link markup split from its place: "[[Russia]]n money"
//! read as "Russia n money", "Iraq i civilians", "Japan ese Prime
//! Minister", "Europe an leaders" (`norp:split`). The place's match and the
//! ending after its blank are the nationality word, `NORP`, with the
//! place's entry (the gazetteer's nationality words carry their place's
//! id).
//!
//! The endings are the rules' `demonym_splits`, each with what it needs:
//! "n" and "ns" a place ending in "a" ("Syria n", "Australia ns"); "i",
//! "ese", "ian" and "ians" one ending in a consonant ("Pakistan i", "Sudan
//! ese", "Brazil ian"); "an", which is also the article, a next word that
//! starts with a consonant other than "h" ("Zimbabwe an government", not
//! "Japan an unusual", "gave Europe an hour"). The ending is a whole word
//! ("Iraq in" is none). Cost: one byte compare a place match; the ending
//! is read only after a blank and one of its first letters.

use dateline_tokenize::Span;

use super::rules::{NameRules, SplitAfter};

/// The rule's name.
pub(crate) const RULE: &str = "norp:split";

/// The end of the demonym when the place at `found` is one split from its
/// ending ("Russia n": the end of "n"), or `None`.
#[inline]
pub(crate) fn demonym_end(rules: &NameRules, text: &str, found: Span) -> Option<usize> {
    let bytes = text.as_bytes();
    // A blank, then the first letter of an ending: most matches stop here.
    if bytes.get(found.end) != Some(&b' ')
        || !matches!(bytes.get(found.end + 1), Some(b'n' | b'i' | b'e' | b'a'))
    {
        return None;
    }
    ending_after(rules, text, found.end)
}

/// The end of the ending after the blank at `at`, when it is one that fits.
fn ending_after(rules: &NameRules, text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let start = at + 1;
    let len = bytes[start..].iter().take(5).take_while(|b| b.is_ascii_lowercase()).count();
    let end = start + len;
    if len > 4 || bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80) {
        return None;
    }
    let ending = &text[start..end];
    let &(_, after) = rules.demonym_splits.iter().find(|(e, _)| *e == ending)?;
    let last = bytes[..at].last().copied().unwrap_or(b' ').to_ascii_lowercase();
    let fits = match after {
        SplitAfter::PlaceInA => last == b'a',
        SplitAfter::PlaceInConsonant => last.is_ascii_lowercase() && !b"aeiouy".contains(&last),
        SplitAfter::ConsonantNext => {
            bytes.get(end) == Some(&b' ')
                && bytes
                    .get(end + 1)
                    .is_some_and(|b| b.is_ascii_alphabetic() && !b"aeiouhAEIOUH".contains(b))
                && bytes.get(end + 2).is_some_and(u8::is_ascii_lowercase)
        }
    };
    fits.then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::english::ENGLISH;

    fn split<'t>(text: &'t str, place: &str) -> Option<&'t str> {
        let start = text.find(place).unwrap();
        let found = Span::new(start, start + place.len());
        demonym_end(&ENGLISH, text, found).map(|end| &text[start..end])
    }

    #[test]
    fn endings_after_their_places() {
        let cases = [
            ("much Russia n money", "Russia", Some("Russia n")),
            ("Three Australia ns and", "Australia", Some("Australia ns")),
            ("the Iraq i civilians.", "Iraq", Some("Iraq i")),
            ("the Israel i-Palestinian talks", "Israel", Some("Israel i")),
            ("the Japan ese Prime Minister", "Japan", Some("Japan ese")),
            ("the Brazil ian President", "Brazil", Some("Brazil ian")),
            ("the Iran ians plan", "Iran", Some("Iran ians")),
            ("Europe an leaders met", "Europe", Some("Europe an")),
            ("the Tibet an capital", "Tibet", Some("Tibet an")),
            ("the Mali an President", "Mali", Some("Mali an")),
        ];
        for (text, place, want) in cases {
            assert_eq!(split(text, place), want, "{text}");
        }
    }

    #[test]
    fn words_that_are_no_endings() {
        let cases = [
            // The verb, never an ending.
            ("Kuwait is small", "Kuwait"),
            // "an" before a vowel or "h", a capital's acronym or nothing.
            ("made Japan an unusual case", "Japan"),
            ("gave Europe an hour", "Europe"),
            ("gave Europe an FBI office", "Europe"),
            ("called North Korea an \"outpost\"", "North Korea"),
            // The wrong place ending for the ending.
            ("Peru n", "Peru"),
            ("Iraq n", "Iraq"),
            ("Russia i", "Russia"),
            ("Ghana ian president", "Ghana"),
            // Not a whole word, or no blank.
            ("Iraq in 2003", "Iraq"),
            ("Iraq ian2", "Iraq"),
            ("Russia, n", "Russia"),
            ("Iraq  i", "Iraq"),
        ];
        for (text, place) in cases {
            assert_eq!(split(text, place), None, "{text}");
        }
    }
}
