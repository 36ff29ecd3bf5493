//! Name runs: the stretch of capitalized words around a gazetteer match in
//! the original text ("Bank of China" around "China"), and what the run's
//! words say it is.
//!
//! Everything here reads a few words either side of a match, never the
//! whole text, so the cost grows with the number of matches only.

use dateline_tokenize::Span;

use super::rules::{Class, Head, NameRules};
use crate::EntityMatch;

mod scan;

/// The rule name of a region prefix before one place ("Eastern Ukraine").
pub(crate) const REGION_RULE: &str = "prefix:region";

/// What a run's words say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Typed {
    pub(crate) label: &'static str,
    pub(crate) rule: &'static str,
}

/// Whether a char continues a word: letters and digits.
#[inline]
fn is_word_char(c: char) -> bool {
    // ASCII (nearly every char read) through the byte table.
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => is_alnum(&b),
        _ => c.is_alphanumeric(),
    }
}

/// ASCII letters and digits by byte: the word scans read one entry a byte
/// instead of testing three ranges.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether `b` is an ASCII letter or digit (as [`u8::is_ascii_alphanumeric`]).
#[inline]
fn is_alnum(b: &u8) -> bool {
    ALNUM[usize::from(*b)]
}

/// The chars that may sit inside a word: "U.S.", "O'Neill", "Sh’ite".
fn is_inner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’')
}

/// Whether `word` (with its final dot) is an abbreviation the tables know,
/// or an initial ("W.", "U.S.").
fn is_dotted(rules: &NameRules, word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    stem.contains('.')
        || (stem.chars().count() == 1 && stem.chars().all(char::is_uppercase))
        || rules.is_dotted_word(word)
}

/// The word starting at byte `start` of `text`, if one does: letters and
/// digits with inner dots and apostrophes, a final dot when the word is an
/// abbreviation, and never a possessive "'s". A lone "&" is a word too.
pub(crate) fn word_from(rules: &NameRules, text: &str, start: usize) -> Option<Span> {
    let rest = text.get(start..)?;
    let first = char_at(rest, 0)?;
    if first == '&' {
        return Some(Span::new(start, start + 1));
    }
    if !is_word_char(first) {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut end = first.len_utf8();
    loop {
        // ASCII letters and digits in chunks (most of every word);
        // whatever else stands next goes through the chars below.
        end += scan::prefix_len(&bytes[end..], scan::alnum);
        // What ends most words: an ASCII byte that is no inner mark (the
        // scan stopped at it, so it is no letter or digit either).
        if bytes.get(end).is_some_and(|&b| b.is_ascii() && b != b'.' && b != b'\'') {
            break;
        }
        let Some(c) = char_at(rest, end) else { break };
        if is_word_char(c) {
            end += c.len_utf8();
            continue;
        }
        let after = end + c.len_utf8();
        if is_inner(c) && char_at(rest, after).is_some_and(is_word_char) {
            // "China's", "I'm", "they're": a possessive or a clitic is not
            // part of the word (a capital "I" alone is then no name word).
            if c != '.' && is_clitic(&rest[after..]) {
                break;
            }
            end = after;
            continue;
        }
        if c == '.' && is_dotted(rules, &rest[..after]) {
            end = after;
        }
        break;
    }
    Some(Span::new(start, start + end))
}

/// Whether `rest` (after an apostrophe) starts with a clitic ending its
/// word: "s" (a possessive), "m", "re", "ve", "ll" or "d", any case.
fn is_clitic(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let letters = bytes.iter().take(3).take_while(|b| b.is_ascii_alphabetic()).count();
    let ends = rest[letters..].chars().next().is_none_or(|c| !is_word_char(c));
    ends && matches!(
        rest[..letters].to_ascii_lowercase().as_str(),
        "s" | "m" | "re" | "ve" | "ll" | "d"
    )
}

/// The char at byte `at` of `text` (a char boundary), ASCII without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[at..].chars().next(),
        None => None,
    }
}

/// The word ending at byte `end` of `text`, if one does (see [`word_from`]).
pub(crate) fn word_before(rules: &NameRules, text: &str, end: usize) -> Option<Span> {
    if !text.is_char_boundary(end) {
        return None;
    }
    let bytes = text.as_bytes();
    // Most words before a name are ASCII letters and digits between two
    // ASCII bytes that are neither letters, digits, dots nor apostrophes
    // ("said", "of", "Bank" before a blank): such a word is the one
    // `word_from` reads from its start, so it is not read again. (Chunks of
    // eight bytes and byte tables: this runs for most words next to a name.)
    let start = end - scan::suffix_len(&bytes[..end], scan::alnum);
    if start < end {
        let clean_before = start == 0 || STOPS[usize::from(bytes[start - 1])];
        let clean_after = bytes.get(end).is_none_or(|&b| STOPS[usize::from(b)]);
        if clean_before && clean_after {
            return Some(Span::new(start, end));
        }
    }
    word_before_read(rules, text, end)
}

/// The bytes that end a plain ASCII word on either side: ASCII, and no
/// letter, digit, dot or apostrophe (see [`word_before`]).
static STOPS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] =
            byte.is_ascii() && !byte.is_ascii_alphanumeric() && byte != b'.' && byte != b'\'';
        b += 1;
    }
    table
};

/// [`word_before`] by reading the word from its start.
fn word_before_read(rules: &NameRules, text: &str, end: usize) -> Option<Span> {
    let head = text.get(..end)?;
    if head.ends_with('&') {
        return Some(Span::new(end - 1, end));
    }
    let bytes = head.as_bytes();
    // ASCII bytes first; a non-ASCII char sends the scan to the chars.
    let ascii = bytes
        .iter()
        .rev()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'.' || b == b'\'')
        .count();
    let mut start = end - ascii;
    if bytes.get(start.wrapping_sub(1)).is_some_and(|b| !b.is_ascii()) {
        for (i, c) in head[..start].char_indices().rev() {
            if is_word_char(c) || is_inner(c) {
                start = i;
            } else {
                break;
            }
        }
    }
    // The scan may start at inner punctuation ("'Neill"); a word starts
    // with a letter or digit.
    while start < end {
        let c = text[start..].chars().next()?;
        if is_word_char(c) {
            break;
        }
        start += c.len_utf8();
    }
    if start == end {
        return None;
    }
    // "China." before a sentence is no word ending at the dot, "U.S." is.
    word_from(rules, text, start).filter(|w| w.end == end)
}

/// Spaces between two words of one name: blanks, never a line break.
///
/// Inlined, asked on either side of nearly every name: the blank is a
/// space or a tab nearly always, read by bytes here, and a no-break space
/// (C2 A0) sends the rest to the chars, out of line.
#[inline]
fn gap_after(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    while let Some(&b) = bytes.get(end) {
        match b {
            b' ' | b'\t' => end += 1,
            0xC2 => return gap_after_read(text, end),
            _ => return end,
        }
    }
    end
}

/// [`gap_after`] from a byte that may start a no-break space.
#[inline(never)]
fn gap_after_read(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let len = rest.find(|c: char| !matches!(c, ' ' | '\t' | '\u{a0}')).unwrap_or(rest.len());
    end + len
}

/// As [`gap_after`], the blanks before `at`: a no-break space ends in A0.
#[inline]
pub(crate) fn gap_before(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = at;
    while let Some(b) = start.checked_sub(1).map(|i| bytes[i]) {
        match b {
            b' ' | b'\t' => start -= 1,
            0xA0 => return gap_before_read(text, start),
            _ => return start,
        }
    }
    start
}

/// [`gap_before`] from a byte that may end a no-break space.
#[inline(never)]
fn gap_before_read(text: &str, start: usize) -> usize {
    text[..start].trim_end_matches([' ', '\t', '\u{a0}']).len()
}

/// Connectors are short ("of", "von", "the"): a lowercase ASCII word of
/// four letters or more ends a run, and most words next to a name are
/// one, so this is checked before any word is read.
const MAX_CONNECTOR_LEN: usize = 3;

/// Whether the word starting `bytes` may continue a name: a capitalized
/// word, a short lowercase one (a connector), "&", or anything non-ASCII;
/// not digits, punctuation or a long lowercase word ("said", "and" is
/// short but no connector).
fn may_join(bytes: &[u8]) -> bool {
    match bytes.first() {
        Some(b) if b.is_ascii_lowercase() => !is_long_lowercase(bytes),
        Some(b) => b.is_ascii_uppercase() || *b == b'&' || !b.is_ascii(),
        None => false,
    }
}

/// [`may_join`] for the word ending `bytes` (a final dot is an
/// abbreviation's: "U.S.").
fn may_join_before(bytes: &[u8]) -> bool {
    match bytes.last() {
        Some(b) if b.is_ascii_lowercase() => !is_long_lowercase_before(bytes),
        Some(b) => b.is_ascii_alphanumeric() || matches!(*b, b'&' | b'.') || !b.is_ascii(),
        None => false,
    }
}

/// A capitalized word of two letters or more, or an initial with its dot:
/// a lone capital is a letter or a word of another language ("À Paris",
/// "O Paris Hilton").
pub(crate) fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some()
}

/// Whether `bytes` start with a lowercase ASCII word longer than any
/// connector.
fn is_long_lowercase(bytes: &[u8]) -> bool {
    bytes.iter().take(MAX_CONNECTOR_LEN + 1).take_while(|b| b.is_ascii_lowercase()).count()
        > MAX_CONNECTOR_LEN
}

/// Whether `bytes` end with a lowercase ASCII word longer than any
/// connector.
fn is_long_lowercase_before(bytes: &[u8]) -> bool {
    let lower = scan::suffix_len(bytes, scan::lower);
    // The whole word, not the tail of "General".
    let starts_word = bytes.len() == lower || {
        let before = bytes[bytes.len() - lower - 1];
        !before.is_ascii_alphanumeric() && before.is_ascii()
    };
    lower > MAX_CONNECTOR_LEN && starts_word
}

/// Whether a word may be part of a name: capitalized, and no date word,
/// title or "The".
fn is_name_word(rules: &NameRules, word: &str) -> bool {
    is_capitalized(word) && rules.class(word) == Class::Other
}

/// Whether `at` starts a sentence: only blanks, opening quotes or brackets
/// stand between it and the start of the text, a line break, a sentence's
/// final punctuation, or the end of a wiki heading or a markup tag
/// ("== Background == In Ukraine", "</div> Former U.S. officials").
pub(crate) fn is_sentence_start(text: &str, at: usize) -> bool {
    // Bytes first: blanks, ASCII quotes and brackets, then an ASCII char,
    // is what stands before nearly every name; other chars take the full
    // reading below.
    let bytes = text.as_bytes();
    let mut end = at;
    while let Some(&b) = end.checked_sub(1).map(|i| &bytes[i]) {
        match b {
            b' ' | b'\t' | b'"' | b'\'' | b'(' | b'[' => end -= 1,
            b'\n' | b'\r' | b'.' | b'!' | b'?' | b':' | b';' => return true,
            b'-' | b'*' => {
                return text[..end - 1].chars().next_back().is_none_or(char::is_whitespace);
            }
            b'=' | b'>' => return ends_markup(&text[..end]),
            _ if b.is_ascii() => return false,
            _ => return is_sentence_start_read(text, at),
        }
    }
    true
}

/// [`is_sentence_start`] by chars.
fn is_sentence_start_read(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches([' ', '\t', '\u{a0}', '"', '“', '‘', '\'', '(', '[']);
    match head.chars().next_back() {
        None | Some('\n' | '\r' | '.' | '!' | '?' | ':' | ';' | '—' | '–') => true,
        // A dash after a dateline ("LONDON -") or a list bullet ("- How").
        // (Sliced before the mark's own bytes: "•" is three.)
        Some(mark @ ('-' | '•' | '*')) => {
            head[..head.len() - mark.len_utf8()].chars().next_back().is_none_or(char::is_whitespace)
        }
        Some('=' | '>') => ends_markup(head),
        Some(_) => false,
    }
}

/// Whether `head` ends with the end of a wiki heading ("== Background ==")
/// or of a markup tag ("</div>", "<br />"), which a new sentence follows.
fn ends_markup(head: &str) -> bool {
    let bytes = head.as_bytes();
    match bytes.last() {
        Some(b'=') => bytes.len() >= 2 && bytes[bytes.len() - 2] == b'=',
        Some(b'>') => {
            // The tag's "<" a few bytes back, a letter or "/" after it.
            let from = bytes.len().saturating_sub(40);
            bytes[from..bytes.len() - 1].iter().rposition(|&b| b == b'<' || b == b'>').is_some_and(
                |k| {
                    bytes[from + k] == b'<'
                        && bytes
                            .get(from + k + 1)
                            .is_some_and(|&b| b == b'/' || b.is_ascii_alphabetic())
                },
            )
        }
        _ => false,
    }
}

/// Whether nothing next to `matched` can extend it: a quick look at the
/// bytes either side, which settles most matches without reading words.
/// (When it says no, [`run_around`] decides.)
pub(crate) fn stands_alone(rules: &NameRules, text: &str, matched: Span) -> bool {
    // The left side first: it is the one that more often may extend the
    // run ("the", "of" before a name), which settles the answer.
    match left_side(rules, text, matched) {
        Left::Alone => right_alone(rules, text, matched),
        Left::MayJoin => false,
        // "in the China Daily": the run grows left through "the" only
        // after a connector ("Bank of the West"), which is read here, and
        // the right side is read as the run would read it (first: it
        // settles most matches in a few bytes).
        Left::AfterSecondConnector(word) => {
            right_stays(rules, text, matched.end) && second_connector_stays(rules, text, word)
        }
    }
}

/// What the bytes left of a match say of the run.
enum Left {
    /// Nothing there can extend it.
    Alone,
    /// Something may.
    MayJoin,
    /// A second connector ("the") stands right before it, after blanks.
    AfterSecondConnector(Span),
}

/// Whether the run around a match right after the second connector `word`
/// ("the", followed by blanks) stays put on the left: the first step of
/// [`extend_left`], where `word` is the word before the match, read as
/// that step reads it.
fn second_connector_stays(rules: &NameRules, text: &str, word: Span) -> bool {
    let bytes = text.as_bytes();
    // `word_before` reads `word` itself between these bytes (its quick
    // path); otherwise the full reading decides.
    let clean_before = word.start == 0 || STOPS[usize::from(bytes[word.start - 1])];
    let clean_after = bytes.get(word.end).is_some_and(|&b| STOPS[usize::from(b)]);
    clean_before
        && clean_after
        && name_before_connector(rules, text, word, Class::SecondConnector).is_none()
}

/// Whether the run ending at `end` stays put on the right: the first step
/// of [`extend_right`] ends it. `false` when that step may go on.
fn right_stays(rules: &NameRules, text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.get(end) == Some(&b'-') {
        return false;
    }
    let at = gap_after(text, end);
    if at == end || !may_join(&bytes[at..]) {
        return true;
    }
    let Some(word) = word_from(rules, text, at) else { return true };
    let written = &text[word];
    match rules.class(written) {
        // A title right after the match: the run is the match, unless the
        // title is a name's ("the Boston General Hospital"), which the run
        // goes on over.
        Class::Title => !title_in_name(rules, text, word),
        Class::Other => !is_capitalized(written),
        Class::Connector => false,
        Class::SecondConnector | Class::Break => true,
    }
}

/// Whether nothing right of `matched` can extend it (see [`stands_alone`]).
fn right_alone(rules: &NameRules, text: &str, matched: Span) -> bool {
    let bytes = text.as_bytes();
    // Right: a connector joins only after a head word, which a gazetteer
    // name rarely ends with, so only a capital (or a hyphen, "&", a
    // non-ASCII letter) after a blank can extend the run.
    match bytes.get(matched.end) {
        None => true,
        Some(b'-') => false,
        Some(b' ' | b'\t') => {
            let at = gap_after(text, matched.end);
            match bytes.get(at) {
                Some(b) if b.is_ascii_lowercase() => !rules.types_a_name(last_word(&text[matched])),
                // A date or a person's title ends the run ("Beijing Monday",
                // "Chinese Foreign Minister"), unless the title is a name's
                // ("Massachusetts General Hospital").
                Some(b) if b.is_ascii_uppercase() => {
                    let word = ascii_word_at(bytes, at);
                    match rules.class(&text[word]) {
                        Class::Break => true,
                        Class::Title => !title_in_name(rules, text, word),
                        _ => false,
                    }
                }
                Some(b) => *b != b'&' && b.is_ascii(),
                None => true,
            }
        }
        Some(b) => b.is_ascii(),
    }
}

/// What is left of `matched` (see [`stands_alone`]).
fn left_side(rules: &NameRules, text: &str, matched: Span) -> Left {
    let bytes = text.as_bytes();
    if matched.start == 0 {
        return Left::Alone;
    }
    let alone = match bytes[matched.start - 1] {
        b'-' => false,
        b' ' | b'\t' => {
            let at = gap_before(text, matched.start);
            // "the People's Republic": a possessive that may begin the name
            // (the run decides, with the matches).
            if name_possessor(rules, text, at, &[]).is_some() {
                return Left::MayJoin;
            }
            match at.checked_sub(1).map(|i| bytes[i]) {
                // A short lowercase word may be a connector ("of China").
                Some(b) if b.is_ascii_lowercase() => {
                    let len = scan::suffix_len(&bytes[..at], scan::lower);
                    // The whole word, not the tail of "China".
                    let whole = at == len || {
                        let before = bytes[at - len - 1];
                        before.is_ascii() && !before.is_ascii_alphanumeric()
                    };
                    if !whole {
                        return Left::MayJoin;
                    }
                    if len > MAX_CONNECTOR_LEN {
                        return Left::Alone;
                    }
                    let word = Span::new(at - len, at);
                    return match rules.class(&text[word]) {
                        Class::Connector => Left::MayJoin,
                        Class::SecondConnector => Left::AfterSecondConnector(word),
                        _ => Left::Alone,
                    };
                }
                // "The United States", "President Bush": no name word.
                Some(b) if b.is_ascii_uppercase() || b.is_ascii_lowercase() => {
                    let word = ascii_word_before(bytes, at);
                    bytes[word.start].is_ascii_uppercase()
                        && (word.start == 0 || !is_word_byte(bytes[word.start - 1]))
                        && matches!(rules.class(&text[word]), Class::Break | Class::Title)
                }
                // A sentence's end ("... in 2008. China"), unless the dot ends
                // an abbreviation that may lead a name ("U.S.", "Corp.").
                Some(b'.') => {
                    let word = ascii_word_before(bytes, at - 1);
                    let before_dot = (word.start < word.end).then(|| bytes[word.end - 1]);
                    let dotted = &text[word.start..at];
                    let may_lead = word.start < word.end
                        && bytes[word.start].is_ascii_uppercase()
                        && is_dotted(rules, dotted)
                        && rules.class(dotted) == Class::Other;
                    before_dot.is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                        && !may_lead
                }
                Some(b) => b.is_ascii() && !(b.is_ascii_digit() || b == b'&'),
                None => true,
            }
        }
        b => b.is_ascii(),
    };
    if alone { Left::Alone } else { Left::MayJoin }
}

/// The ASCII letters starting at `at`.
fn ascii_word_at(bytes: &[u8], at: usize) -> Span {
    let len = bytes[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
    Span::new(at, at + len)
}

/// The ASCII letters ending at `end`.
fn ascii_word_before(bytes: &[u8], end: usize) -> Span {
    let len = bytes[..end].iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
    Span::new(end - len, end)
}

/// A byte that may continue a word: a letter, a digit, or part of a
/// non-ASCII char.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || !b.is_ascii()
}

/// Whether a head word can be part of a run of two words or more: a
/// capitalized word (or "&", or a non-ASCII letter) stands beside it, or a
/// short lowercase word (a connector: "Bank of") after it. Most head
/// words in news stand alone ("Congress", "the Army"), and this settles
/// them without reading words.
pub(crate) fn may_grow(text: &str, head: Span) -> bool {
    let bytes = text.as_bytes();
    let after = gap_after(text, head.end);
    let right = after > head.end && may_join(&bytes[after..]);
    let hyphen =
        bytes.get(head.end) == Some(&b'-') || head.start > 0 && bytes[head.start - 1] == b'-';
    let before = gap_before(text, head.start);
    let left = before < head.start && may_join_before(&bytes[..before]);
    right || left || hyphen
}

/// The last word of a name, as written (a byte search: names are short,
/// and a char search's set-up cost more than the search).
fn last_word(name: &str) -> &str {
    name.bytes().rposition(|b| b == b' ').map_or(name, |space| &name[space + 1..])
}

/// The name run around `matched`, given the starts and ends of all the
/// text's gazetteer matches (sorted), which hyphens do not join
/// ("Russia-Ukraine" is two names).
pub(crate) fn run_around(
    rules: &NameRules,
    text: &str,
    matched: Span,
    match_starts: &[usize],
    match_ends: &[usize],
) -> Span {
    let end = extend_right(rules, text, matched.end, match_starts);
    let start = extend_left(rules, text, matched.start, match_ends, Titles::End, 0);
    Span::new(start, end)
}

/// The name run around a head word ("Party", "Airport"), where a title
/// before the name is part of it ("General Motors Corporation").
#[cfg(test)]
pub(crate) fn run_around_head(
    rules: &NameRules,
    text: &str,
    head: Span,
    match_starts: &[usize],
    match_ends: &[usize],
) -> Span {
    let end = head_run_end(rules, text, head, match_starts);
    let start = head_run_start(rules, text, head, match_ends, 0);
    Span::new(start, end)
}

/// Where the name run around a head word ends (the end of
/// [`run_around_head`]).
pub(crate) fn head_run_end(
    rules: &NameRules,
    text: &str,
    head: Span,
    match_starts: &[usize],
) -> usize {
    extend_right(rules, text, head.end, match_starts)
}

/// Where the name run around a head word starts (the start of
/// [`run_around_head`]), or, once the run reaches before `floor`, some
/// start before `floor`: the caller drops a run that long (it takes in a
/// gazetteer match), and need not read further.
pub(crate) fn head_run_start(
    rules: &NameRules,
    text: &str,
    head: Span,
    match_ends: &[usize],
    floor: usize,
) -> usize {
    extend_left(rules, text, head.start, match_ends, Titles::Join, floor)
}

/// What a title before a run does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Titles {
    /// Ends it: the name after a title is its holder ("Foreign Minister
    /// Wang Yi").
    End,
    /// Joins it: a name that only looks like a title ("General Motors").
    Join,
}

fn extend_right(rules: &NameRules, text: &str, from: usize, match_starts: &[usize]) -> usize {
    let mut end = from;
    // Whether a connector joined ("Department of Health"): "and" then
    // joins the words of the name's last part without a head word.
    let mut joined_connector = false;
    // The word a cause's lead ("for", "on") joined, if the last connector
    // was one (see `joins_after_cause`).
    let mut cause: Option<Span> = None;
    loop {
        if text[end..].starts_with('-') {
            match word_from(rules, text, end + 1) {
                Some(w)
                    if is_name_word(rules, &text[w])
                        && match_starts.binary_search(&w.start).is_err() =>
                {
                    end = w.end;
                    continue;
                }
                // "Brighton-le-Sands", "Mei-yueh Ho": a lowercase word
                // that goes on with the name right after the match or head
                // (seed-39 reading).
                Some(w) if end == from && text.as_bytes()[w.start].is_ascii_lowercase() => {
                    match lowercase_in_name(rules, text, w) {
                        Some(to) => {
                            end = to;
                            continue;
                        }
                        None => break,
                    }
                }
                _ => break,
            }
        }
        let at = gap_after(text, end);
        if at == end || !may_join(&text.as_bytes()[at..]) {
            break;
        }
        let Some(word) = word_from(rules, text, at) else { break };
        let written = &text[word];
        let class = match rules.class(written) {
            // "U.S. District Judge": a head word that begins a title is the
            // title's.
            Class::Other if opens_title(rules, text, word) => Class::Title,
            class => class,
        };
        if class == Class::Title && title_in_name(rules, text, word) {
            end = word.end;
            continue;
        }
        if class == Class::Title {
            // "Chinese Foreign Minister": what stands between the name and
            // the title belongs to the title, unless it ends a name of its
            // own ("U.S. Army General Joseph Votel").
            let last = word_before(rules, text, end).filter(|_| end > from);
            let ends_a_name = last.is_some_and(|last| rules.head(&text[last]).is_some());
            return if ends_a_name { end } else { from };
        }
        if class == Class::Other && is_capitalized(written) {
            end = word.end;
            continue;
        }
        if class == Class::Other
            && end > from
            && joins_over_conjunction(rules, text, end, word, match_starts, joined_connector)
        {
            end = word.end;
            continue;
        }
        if class != Class::Connector {
            break;
        }
        let last = word_before(rules, text, end);
        if !last.is_some_and(|last| {
            joins_over_connector(rules, &text[last], written)
                && !closes_a_brand(rules, text, last, written)
                || cause == Some(last) && joins_after_cause(rules, &text[last], written)
        }) {
            break;
        }
        match name_after_connector(rules, text, word) {
            Some(name) => {
                end = name.end;
                joined_connector = true;
                // "Forces for the Liberation": a cause's "of" may join next.
                cause = rules.cause_leads.contains(written).then_some(name);
            }
            None => break,
        }
    }
    end
}

/// Where a name goes on to over the lowercase word `word` after a hyphen,
/// if it does: a particle of `hyphen_particles` between two hyphens before
/// a name word, to the end of that word ("Brighton-le-Sands",
/// "Stratford-upon-Avon", a town's name), or a word of two to six ASCII
/// letters that is no common word, before a blank and a capitalized word,
/// to the end of `word` ("Mei-yueh Ho", "Teng-hui Lee": the second half of
/// a given name, whose first half the gazetteer has as a place). Not
/// "Pakistan-based", "US-led", "Soviet-era" (common words), nor
/// "China-to-the-EU".
fn lowercase_in_name(rules: &NameRules, text: &str, word: Span) -> Option<usize> {
    let bytes = text.as_bytes();
    let written = &text[word];
    match bytes.get(word.end) {
        Some(b'-') => {
            let name = word_from(rules, text, word.end + 1)?;
            (is_name_word(rules, &text[name]) && rules.hyphen_particles.contains(written))
                .then_some(name.end)
        }
        Some(b' ') => {
            let given = (2..=6).contains(&written.len())
                && written.bytes().all(|b| b.is_ascii_lowercase())
                && bytes.get(word.end + 1).is_some_and(u8::is_ascii_uppercase)
                && !rules.is_common(written);
            given.then_some(word.end)
        }
        _ => None,
    }
}

/// Where a run typed by its head word ends when a road's or a channel's
/// number follows it: one to three digits after a blank, a whole word not
/// followed by more digits ("State Highway 15", "Highway 101 and", "BBC
/// Radio 4"; not "Road 2009", "Highway 1,000", "Road 66km"), when the
/// run's last word is one of the rules' `numbered_heads`; `run.end`
/// otherwise. The digit after the blank is tested first.
pub(crate) fn end_over_number(rules: &NameRules, text: &str, run: Span) -> usize {
    if !number_follows(text, run.end) {
        return run.end;
    }
    let bytes = text.as_bytes();
    let start = run.end + 1;
    let digits = bytes[start..].iter().take(4).take_while(|b| b.is_ascii_digit()).count();
    let end = start + digits;
    let whole = match bytes.get(end) {
        None => true,
        Some(b'.' | b',' | b':') => !bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(&b) => !b.is_ascii_alphanumeric() && b != b'-' && b != b'%' && b.is_ascii(),
    };
    if digits > 3 || !whole || !rules.numbered_heads.contains(last_word(&text[run])) {
        return run.end;
    }
    end
}

/// Whether a blank and a digit follow `end` ("Highway 101"): the test
/// [`end_over_number`] starts with, which lets a head word alone through to
/// it (`heads.rs`).
pub(crate) fn number_follows(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    bytes.get(end) == Some(&b' ') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
}

/// Where an organization's run typed by its head word ends when it names a
/// mission posted to a place: the run begins at an organization's match
/// ("United Nations", "African Union"; `matches` are the text's, in order),
/// its last word is one of the rules' `mission_heads` ("Force",
/// "Mission"), and a word of `mission_connectors` ("in"), perhaps "the",
/// and the match of a country or a region follow. The place ends the name: "United Nations
/// Interim Force in Lebanon", "African Union Mission in Somalia", "UN
/// Stabilization Mission in Haiti" (seed-43 reading; seed 37 read the force
/// cut before "in"). Not after a nationality ("the Australian Defence Force
/// in Iraq": no organization's match begins it), nor before a city or a
/// state ("the UN Mission in New York", a country's mission to the UN).
/// `run.end` otherwise. The caller tests for a blank and an "i" after the
/// run first.
#[cold]
#[inline(never)]
pub(crate) fn end_over_posting(
    rules: &NameRules,
    text: &str,
    run: Span,
    matches: &[EntityMatch<'_>],
) -> usize {
    let first = matches.binary_search_by_key(&run.start, EntityMatch::start);
    if !first.is_ok_and(|first| matches[first].label() == "ORG")
        || !rules.mission_heads.contains(last_word(&text[run]))
    {
        return run.end;
    }
    let Some(link) = word_from(rules, text, gap_after(text, run.end)) else { return run.end };
    if !rules.mission_connectors.contains(&text[link]) {
        return run.end;
    }
    let mut at = gap_after(text, link.end);
    if let Some(the) = word_from(rules, text, at).filter(|w| rules.is_second_connector(&text[*w])) {
        at = gap_after(text, the.end);
    }
    // A country or a region: a mission is posted to one ("Mission in
    // Liberia", "Mission in Darfur"), and sits in a city ("the UN Mission
    // in New York" is a country's mission to the UN, there).
    let posted = |place: &EntityMatch<'_>| match place.label() {
        "LOC" => true,
        "GPE" => place.candidates().next().is_some_and(|first| first.country().is_none()),
        _ => false,
    };
    match matches.binary_search_by_key(&at, EntityMatch::start) {
        Ok(k) if at > link.end && posted(&matches[k]) => matches[k].end(),
        _ => run.end,
    }
}

/// Whether `word` is one of the rules' `title_openers` ("District") and
/// begins a title: one of `opened_titles` follows it ("District Judge",
/// "District attorney's office"; not "Grey District Mayor", "District
/// Court"). The openers are a slice of a word or two, compared without a
/// lookup: this is asked of most capitalized words beside a name.
#[inline]
pub(crate) fn opens_title(rules: &NameRules, text: &str, word: Span) -> bool {
    rules.title_openers.words.contains(&&text[word]) && title_follows(rules, text, word)
}

/// The rest of [`opens_title`], for an opener: out of line, as it is rare.
#[cold]
#[inline(never)]
fn title_follows(rules: &NameRules, text: &str, word: Span) -> bool {
    let at = gap_after(text, word.end);
    at > word.end
        && word_from(rules, text, at).is_some_and(|w| rules.opened_titles.contains(&text[w]))
}

/// Whether the title `title` is a word of the name it stands in: one of the
/// rules' `name_titles` ("General") with a head word ending the (at most
/// three) capitalized words after it, as [`head_follows`] reads them
/// ("Massachusetts General Hospital", "Georgia General Security Service");
/// not before a person's name ("U.S. Army General Joseph Votel").
fn title_in_name(rules: &NameRules, text: &str, title: Span) -> bool {
    rules.name_titles.words.contains(&&text[title]) && head_follows(rules, text, title.end, &[])
}

/// Whether the conjunction `word` ("and") goes on with the run ending at
/// `end` (a run that grew past its match or head word): a head word (not a
/// law's) ends the (at most three) capitalized words after it, none of them
/// the start of a gazetteer match, and the run's last word is no head
/// itself. "U.S. Food and Drug Administration", "Department of Health and
/// Human Services"; not "Bank of China and Japan", "U.S. Army and Marine
/// Corps". After a connector the words after "and" need no head when they
/// end the name ("Department of Foreign Affairs and Trade", "Bureau of
/// Agriculture and Resource Economics"; see [`last_part_follows`]).
fn joins_over_conjunction(
    rules: &NameRules,
    text: &str,
    end: usize,
    word: Span,
    match_starts: &[usize],
    joined_connector: bool,
) -> bool {
    // A list of one or two words: compared as they are, without a lookup.
    if !rules.name_conjunctions.words.contains(&&text[word]) {
        return false;
    }
    if word_before(rules, text, end).is_some_and(|last| rules.head(&text[last]).is_some()) {
        return false;
    }
    head_follows(rules, text, word.end, match_starts)
        || joined_connector && last_part_follows(rules, text, word.end, match_starts)
}

/// Whether one to three capitalized words follow `from` and end there
/// (what comes next is no capitalized word): plain name words, none a title,
/// a date or the start of a gazetteer match ("and Trade (DFAT)"; not "and
/// Interior Minister", "and Japan").
fn last_part_follows(rules: &NameRules, text: &str, from: usize, match_starts: &[usize]) -> bool {
    let mut end = from;
    for count in 0..4 {
        let at = gap_after(text, end);
        let capital = at > end && text.as_bytes().get(at).is_some_and(u8::is_ascii_uppercase);
        if !capital {
            return count > 0;
        }
        let Some(next) = word_from(rules, text, at) else { return false };
        let written = &text[next];
        if count == 3
            || !is_name_word(rules, written)
            || match_starts.binary_search(&next.start).is_ok()
        {
            return false;
        }
        end = next.end;
    }
    false
}

/// Whether a head word (not a law's) ends the (at most three) capitalized
/// words after `from`, none of them the start of a gazetteer match.
fn head_follows(rules: &NameRules, text: &str, from: usize, match_starts: &[usize]) -> bool {
    let mut end = from;
    for _ in 0..3 {
        let at = gap_after(text, end);
        if at == end || !text.as_bytes().get(at).is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        let Some(next) = word_from(rules, text, at) else { return false };
        let written = &text[next];
        if !is_name_word(rules, written) || match_starts.binary_search(&next.start).is_ok() {
            return false;
        }
        if let Some(head) = rules.head(written) {
            return head.label != super::rules::UNREPORTED;
        }
        end = next.end;
    }
    false
}

/// Whether a connector joins the word before it to the next name: "&"
/// always ("Johnson & Johnson"), "of" and the others only after a word
/// that says a name goes on ("Bank of China", "Gulf of Aden", "Ministry
/// for Foreign Affairs"), so that "Xi of China" and "Zelensky on Ukraine"
/// stay apart; a topic connector ("on") only after a topic head ("Council
/// on Foreign Relations", not "Liberal Party on May 5"); a purpose
/// connector ("for") only after an organization's head that is no seat's
/// ("Institute for Policy Studies", not "Gaza Strip for Hamas" nor
/// "Parliament for Toronto-Danforth").
///
/// Both callers have checked that `connector` is one.
fn joins_over_connector(rules: &NameRules, before: &str, connector: &str) -> bool {
    connector == "&"
        || rules.types_a_name(before)
            && (!rules.topic_connectors.contains(connector) || rules.topic_heads.contains(before))
            && (!rules.purpose_connectors.contains(connector) || serves_a_purpose(rules, before))
}

/// Whether a purpose connector joins after the typing word `before`: an
/// organization's head word, not one of `seat_heads`.
fn serves_a_purpose(rules: &NameRules, before: &str) -> bool {
    rules.head(before).is_some_and(|head| head.label == "ORG") && !rules.seat_heads.contains(before)
}

/// Whether the head word `head` closes a company's name before
/// `connector`: a head of `closing_heads` after a brand, a capitalized
/// word no table types and no common word, one of whose words
/// (`locating_connectors`) then says where the company is ("Kartika
/// Airlines of Indonesia", "Aberdeen Group of Boston"; not "Secret
/// Organisation Group of Al-Qaeda", "Advisory Group of ...", "the Group
/// of Seven"). The caller has checked that `connector` joins after `head`
/// otherwise.
fn closes_a_brand(rules: &NameRules, text: &str, head: Span, connector: &str) -> bool {
    if !(rules.locating_connectors.contains(connector) && rules.closing_heads.contains(&text[head]))
    {
        return false;
    }
    let at = gap_before(text, head.start);
    word_before(rules, text, at).is_some_and(|brand| {
        let written = &text[brand];
        at < head.start
            && is_capitalized(written)
            && !rules.is_common(written)
            && !rules.types_a_name(written)
    })
}

/// After a connector ("of", "of the"), the capitalized word it leads to.
fn name_after_connector(rules: &NameRules, text: &str, connector: Span) -> Option<Span> {
    let mut next = word_from(rules, text, gap_after(text, connector.end))?;
    if rules.is_second_connector(&text[next]) {
        next = word_from(rules, text, gap_after(text, next.end))?;
    }
    (next.start > connector.end && is_name_word(rules, &text[next])).then_some(next)
}

/// The start of the run ending at `from` (see [`run_around`]); a run only
/// grows leftwards, so once it starts before `floor` (0: never) that start
/// is returned without reading further.
fn extend_left(
    rules: &NameRules,
    text: &str,
    from: usize,
    match_ends: &[usize],
    titles: Titles,
    floor: usize,
) -> usize {
    let mut start = from;
    loop {
        if start < floor {
            return start;
        }
        if start > 0 && text.as_bytes()[start - 1] == b'-' {
            match word_before(rules, text, start - 1) {
                Some(w)
                    if is_name_word(rules, &text[w])
                        && match_ends.binary_search(&w.end).is_err() =>
                {
                    start = w.start;
                    continue;
                }
                _ => break,
            }
        }
        let at = gap_before(text, start);
        if at == start {
            break;
        }
        if let Some(possessor) = name_possessor(rules, text, at, match_ends) {
            start = possessor.start;
            continue;
        }
        if !may_join_before(&text.as_bytes()[..at]) {
            break;
        }
        let Some(word) = word_before(rules, text, at) else { break };
        // Titles: see [`Titles`]; after places and groups they end the
        // run on the right instead ("Chinese President"). A title that is
        // a name's word joins a run around a match too ("the General
        // Office of American Accounting", "the General Assembly of UN":
        // seed-40 reading).
        let written = &text[word];
        let candidate = match rules.class(written) {
            Class::Title if titles == Titles::Join || title_in_name(rules, text, word) => {
                Some(word)
            }
            Class::Other if is_capitalized(written) => Some(word),
            class @ (Class::Connector | Class::SecondConnector) => {
                name_before_connector(rules, text, word, class)
            }
            _ => None,
        };
        match candidate {
            Some(name) if !is_weak_start(rules, text, name) => {
                // The word right before a match, in quotes ("If Nigeria").
                if titles == Titles::End
                    && start == from
                    && is_weak_quote_start(rules, text, name, from)
                {
                    break;
                }
                start = name.start;
            }
            _ => break,
        }
    }
    start
}

/// The word of a possessive ending at `end` that begins the name after it:
/// one of the rules' `possessive_name_nouns` with no name word before it
/// ("the People's Liberation Army", "the People's Bank of China", "the
/// Women's Tennis Association"). Any other owner, a name ("China's
/// Communist Party", "Circuit City's InterTAN") or a noun ("The Coalition's
/// Small Group"), keeps its possession out of the name, and so does a name
/// word before the noun ("the Mongolian People's Revolutionary Party", whose
/// first word is a gazetteer match).
#[inline(always)]
pub(crate) fn name_possessor(
    rules: &NameRules,
    text: &str,
    end: usize,
    match_ends: &[usize],
) -> Option<Span> {
    // Read by bytes, as this is asked before every match that follows a
    // blank.
    let owner_end = possessive_owner_end(text, end)?;
    possessor_word(rules, text, owner_end, match_ends)
}

/// The end of the owner when a possessive ends at `end`: "People's",
/// "People’s" (the mark is E2 80 99), "Workers'"; read by bytes.
#[inline(always)]
fn possessive_owner_end(text: &str, end: usize) -> Option<usize> {
    match text.as_bytes().get(..end)? {
        [.., b'\'', b's'] => Some(end - 2),
        [.., 0xE2, 0x80, 0x99, b's'] => Some(end - 4),
        [.., b's', b'\''] => Some(end - 1),
        [.., b's', 0xE2, 0x80, 0x99] => Some(end - 3),
        _ => None,
    }
}

/// The possessor ending at `owner_end`, when it begins the name (see
/// [`name_possessor`]).
#[inline(never)]
fn possessor_word(
    rules: &NameRules,
    text: &str,
    owner_end: usize,
    match_ends: &[usize],
) -> Option<Span> {
    let word = word_before(rules, text, owner_end)?;
    let written = &text[word];
    let owns = rules.possessive_name_nouns.words.contains(&written)
        && match_ends.binary_search(&word.end).is_err()
        && word_before(rules, text, gap_before(text, word.start)).is_none_or(|before| {
            // "The People's Daily": a sentence's first word is no evidence.
            let written = &text[before];
            !is_capitalized(written)
                || matches!(rules.class(written), Class::Connector | Class::SecondConnector)
                || is_weak_start(rules, text, before)
        });
    owns.then_some(word)
}

/// Before a conjunction ("and") left of a run typed by its head word, the
/// first of the capitalized words it joins to the run: one ("the Food and
/// Drug Administration", "the Industrial and Commercial Bank of China",
/// "the Securities and Exchange Commission") or two, neither a head word
/// ("the Social Democratic and Labour Party", "the Human Rights and Equal
/// Opportunity Commission"; not "the World Bank and Harvard University").
/// The words are no gazetteer match nor an acronym ("the DOD and Department
/// of Homeland Security", "ELFA and International Air Transport
/// Association") and follow "the" (one word may start a sentence instead):
/// a name before them is another name ("McCain and Democratic Party", "XM
/// Satellite Radio and Sirius Satellite Radio"). Two words only when `two`
/// (see [`start_over_joins`]).
fn name_before_conjunction(
    rules: &NameRules,
    text: &str,
    word: Span,
    two: bool,
    match_ends: &[usize],
) -> Option<Span> {
    // A list of one or two words: compared as they are, without a lookup.
    if !rules.name_conjunctions.words.contains(&&text[word]) {
        return None;
    }
    let name = word_before(rules, text, gap_before(text, word.start))?;
    if !is_joined_word(rules, text, name, word.start, match_ends) {
        return None;
    }
    if follows_the(rules, text, name.start)
        || follows_owned_match(text, name.start, match_ends)
        || is_sentence_start(text, name.start)
    {
        return Some(name);
    }
    if !two {
        return None;
    }
    // Two words, asked only when one did not open the name, and only after
    // "the" ("Col. Randolph Alles and Col. Michael Daily": a dot's sentence
    // start is no evidence for two).
    let first = word_before(rules, text, gap_before(text, name.start))?;
    (is_joined_word(rules, text, first, name.start, match_ends)
        && rules.head(&text[name]).is_none()
        && rules.head(&text[first]).is_none()
        && (follows_the(rules, text, first.start)
            || follows_owned_match(text, first.start, match_ends)))
    .then_some(first)
}

/// Whether `name`, a blank before `next`, is a word "and" may join to a
/// typed run: capitalized, no acronym, no connector, break or title, and
/// ending no gazetteer match.
fn is_joined_word(
    rules: &NameRules,
    text: &str,
    name: Span,
    next: usize,
    match_ends: &[usize],
) -> bool {
    let written = &text[name];
    name.end < next
        && is_name_word(rules, written)
        && written.bytes().any(|b| b.is_ascii_lowercase())
        && match_ends.binary_search(&name.end).is_err()
}

/// Whether a gazetteer match's possessive stands right before `start`
/// ("Nigeria's Economic and Financial Crimes Commission", "Hamas' Change and
/// Reform Party"): the owner is a name of its own, so the words after it
/// open the next, as after "the". A possessor no match ends ("Microsoft's
/// Hotmail and Microsoft Passport Network") is no evidence.
fn follows_owned_match(text: &str, start: usize, match_ends: &[usize]) -> bool {
    let at = gap_before(text, start);
    at < start
        && possessive_owner_end(text, at).is_some_and(|end| match_ends.binary_search(&end).is_ok())
}

/// Whether "the" (a word of `second_connectors`, in any case) stands right
/// before `start`.
fn follows_the(rules: &NameRules, text: &str, start: usize) -> bool {
    word_before(rules, text, gap_before(text, start)).is_some_and(|the| {
        let the = &text[the];
        rules.second_connectors.words.iter().any(|c| c.eq_ignore_ascii_case(the))
    })
}

/// The start of a run typed by its head word, moved left over the names a
/// hyphen joins to it: "Cameroon-Nigeria Mixed Commission", "Raleigh-Durham
/// International Airport", and a connector's particle with the name before
/// it ("Dar al-Hikma Hospital", "al-Khilani Mosque"). Matches join here,
/// unlike in untyped runs ("Russia-Ukraine" stays two names): the head word
/// says the whole is one name. Lowercase words ("pro-Syrian"), initials
/// ("D-Link") and a hyphen after a blank stop it.
///
/// A conjunction joins too, with the one word before it ("the Food and Drug
/// Administration"), or two when `two` ("the Social Democratic and Labour
/// Party"; see [`name_before_conjunction`]). The callers allow two before
/// an organization's run that no match begins: "the Hang Seng and Singapore
/// Straits Times" are two names, and so are places ("the Great Hall and
/// Federation Square").
pub(crate) fn start_over_joins(
    rules: &NameRules,
    text: &str,
    start: usize,
    two: bool,
    match_ends: &[usize],
) -> usize {
    let mut start = start_over_hyphens(rules, text, start);
    // Most runs follow no conjunction: the bytes before the blank say so
    // before any word is read.
    let at = gap_before(text, start);
    let head = &text.as_bytes()[..at];
    if at < start
        && rules.name_conjunctions.words.iter().any(|c| head.ends_with(c.as_bytes()))
        && let Some(word) = word_before(rules, text, at)
        && let Some(name) = name_before_conjunction(rules, text, word, two, match_ends)
        && !is_weak_start(rules, text, name)
    {
        start = start_over_hyphens(rules, text, name.start);
    }
    start
}

/// The start of a run typed by its head word, moved left over an ordinal
/// written in digits right before it when a word of the run is one of
/// `ordinal_heads`: "the 25th Infantry Regiment", "113th Battalion". Bytes
/// first (a blank, a suffix, a digit); the run's words only after them.
pub(crate) fn start_over_ordinal(rules: &NameRules, text: &str, run: Span) -> usize {
    let bytes = &text.as_bytes()[..run.start];
    let n = bytes.len();
    // The digit first: it rules out most runs in one test.
    if n < 4
        || !bytes[n - 4].is_ascii_digit()
        || bytes[n - 1] != b' '
        || !matches!(&bytes[n - 3..n - 1], b"st" | b"nd" | b"rd" | b"th")
    {
        return run.start;
    }
    let mut start = n - 4;
    while start > 0 && bytes[start - 1].is_ascii_digit() {
        start -= 1;
    }
    // "A25th", "1-25th": part of another word.
    if start > 0 && (is_word_byte(bytes[start - 1]) || bytes[start - 1] == b'-') {
        return run.start;
    }
    // The unit words are plain words between blanks ("Infantry Regiment").
    if text[run].split(' ').any(|word| rules.ordinal_heads.contains(word)) {
        start
    } else {
        run.start
    }
}

/// [`start_over_joins`] over hyphens alone.
fn start_over_hyphens(rules: &NameRules, text: &str, start: usize) -> usize {
    let mut start = start;
    while start > 0 && text.as_bytes()[start - 1] == b'-' {
        let Some(word) = word_before(rules, text, start - 1) else { break };
        let written = &text[word];
        if is_name_word(rules, written) {
            start = word.start;
            continue;
        }
        if written == "&" || rules.class(written) != Class::Connector {
            break;
        }
        start = word.start;
        let name = word_before(rules, text, gap_before(text, word.start))
            .filter(|name| name.end < word.start && is_name_word(rules, &text[*name]));
        if let Some(name) = name {
            start = name.start;
        }
    }
    start
}

/// Before a connector ("of", "of the"), the capitalized word it comes from.
/// `class` is the class of `word`, a connector or a second one (the
/// caller has looked it up).
fn name_before_connector(rules: &NameRules, text: &str, word: Span, class: Class) -> Option<Span> {
    let mut connector = word;
    if class == Class::SecondConnector {
        let end = gap_before(text, connector.start);
        // "said the", "with the": a word ending in more lowercase letters
        // than a connector has is none, and is not read.
        if is_long_lowercase_before(&text.as_bytes()[..end]) {
            return None;
        }
        connector = word_before(rules, text, end)?;
        if !rules.is_connector(&text[connector]) {
            return None;
        }
    }
    let name = word_before(rules, text, gap_before(text, connector.start))?;
    (name.end < connector.start
        && is_name_word(rules, &text[name])
        && (joins_over_connector(rules, &text[name], &text[connector])
            && !closes_a_brand(rules, text, name, &text[connector])
            || joins_after_cause(rules, &text[name], &text[connector])
                && cause_follows_connector(rules, text, name)))
    .then_some(name)
}

/// Whether `connector` joins after the cause `before` ("Liberation" before
/// "of"), when a connector that joined a head word leads to the cause
/// (the caller checks: "Forces for the Liberation of Rwanda"; not "the
/// Liberation of Kuwait").
fn joins_after_cause(rules: &NameRules, before: &str, connector: &str) -> bool {
    rules.cause_connectors.contains(connector) && rules.cause_nouns.contains(before)
}

/// Whether the cause `cause` comes right after one of the rules'
/// `cause_leads`, perhaps and "the", that joined a name word before them
/// ("Forces for the", "United for"). Out of line: asked only before a
/// cause's "of".
#[inline(never)]
fn cause_follows_connector(rules: &NameRules, text: &str, cause: Span) -> bool {
    let before = |at: usize| {
        let end = gap_before(text, at);
        (end < at).then(|| word_before(rules, text, end)).flatten()
    };
    let Some(mut lead) = before(cause.start) else { return false };
    if rules.is_second_connector(&text[lead]) {
        let Some(word) = before(lead.start) else { return false };
        lead = word;
    }
    rules.cause_leads.contains(&text[lead])
        && name_before_connector(rules, text, lead, Class::Connector).is_some()
}

/// A sentence's first word is capitalized whatever it is: it is evidence of
/// a name only when it is not a common word ("In China", "Officials
/// Beijing") or when it says what the name is ("Bank of China").
fn is_weak_start(rules: &NameRules, text: &str, word: Span) -> bool {
    let written = &text[word];
    is_sentence_start(text, word.start) && rules.is_common(written) && !rules.types_a_name(written)
}

/// So is a quotation's first word right before a gazetteer match, even
/// where no sentence ends before it: 'adding that "If Nigeria does not
/// want us"', '"Currently Iran has"'. Asked only of the word before a
/// match (`from`), so that quoted names typed by a head word keep their
/// first word ('the "Permanent Committee of Solidarity"').
fn is_weak_quote_start(rules: &NameRules, text: &str, word: Span, from: usize) -> bool {
    let written = &text[word];
    opens_quote(text, word.start)
        && gap_after(text, word.end) == from
        && rules.is_common(written)
        && !rules.types_a_name(written)
}

/// Whether an opening quotation mark stands right before `at`: a double
/// quote or a left single quote after a blank, a bracket or the start of
/// the text ("that "If", "said ‘Given"); not an apostrophe ("Rock 'n'").
fn opens_quote(text: &str, at: usize) -> bool {
    let head = &text.as_bytes()[..at];
    let mark = match head {
        [.., b'"'] => 1,
        [.., 0xE2, 0x80, 0x9C | 0x98] => 3,
        _ => return false,
    };
    let before = head.len() - mark;
    before == 0 || matches!(head[before - 1], b' ' | b'\t' | b'\n' | b'(' | b'[')
}

/// The words of a run, in order.
fn words<'a>(rules: &'a NameRules, text: &'a str, run: Span) -> impl Iterator<Item = Span> + 'a {
    let mut at = run.start;
    std::iter::from_fn(move || {
        while at < run.end {
            // Blanks and ASCII punctuation start no word ("&" does): they
            // are stepped over without asking.
            let b = text.as_bytes()[at];
            if b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'&' {
                at += 1;
                continue;
            }
            let c = text[at..].chars().next()?;
            if let Some(word) = word_from(rules, text, at) {
                at = word.end;
                return Some(word);
            }
            at += c.len_utf8();
        }
        None
    })
}

/// What a run is by its words, if they say: a club prefix ("Real Madrid"),
/// a head word ("Bank of China", "US Navy", "Gaza Strip"), a feature
/// prefix ("Mount Everest"), or a region prefix before one place
/// ("Eastern Ukraine").
pub(crate) fn type_of(
    rules: &NameRules,
    text: &str,
    run: Span,
    inner_place: Option<Span>,
) -> Option<Typed> {
    let mut first = None;
    let mut head: Option<Span> = None;
    for word in words(rules, text, run) {
        let written = &text[word];
        if first.is_none() {
            first = Some(word);
        }
        // One class lookup a word: a connector, or a name word (see
        // `is_name_word`).
        let class = rules.class(written);
        if class == Class::Connector && written != "&" {
            // Nothing after the first connector changes the first word or
            // the head: the rest of the run is not read.
            break;
        }
        if class == Class::Other && is_capitalized(written) {
            head = Some(word);
        }
    }
    let first = &text[first?];
    if rules.org_prefixes.contains(first) && inner_place.is_some() {
        return Some(Typed { label: "ORG", rule: "prefix:org" });
    }
    if let Some(Head { label, rule, .. }) = head.and_then(|h| rules.head(&text[h])) {
        return Some(Typed { label, rule });
    }
    if rules.loc_prefixes.contains(first) {
        return Some(Typed { label: "LOC", rule: "prefix:loc" });
    }
    let rest_is_the_place = inner_place.is_some_and(|place| {
        place.end == run.end && gap_after(text, run.start + first.len()) == place.start
    });
    if rules.region_prefixes.contains(first) && rest_is_the_place {
        return Some(Typed { label: "LOC", rule: REGION_RULE });
    }
    None
}

/// Whether a line is a headline: title case ("China Tightens Drone
/// Export Rules") or capitals, where capitals are no evidence of a name.
pub(crate) fn is_headline(line: &str) -> bool {
    if !line.is_ascii() {
        return is_headline_read(line);
    }
    // ASCII lines (nearly all) by bytes: a letter is a char, and the
    // words are the runs of letters.
    let (mut capitalized, mut lower) = (0usize, 0usize);
    let (mut upper_letters, mut letters) = (0usize, 0usize);
    let bytes = line.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
            upper_letters += usize::from(bytes[at].is_ascii_uppercase());
            at += 1;
        }
        letters += at - start;
        if at - start >= 4 {
            if bytes[start].is_ascii_uppercase() {
                capitalized += 1;
            } else {
                lower += 1;
            }
        }
    }
    headline_by_counts(line, capitalized, lower, upper_letters, letters)
}

/// [`is_headline`] by chars, for lines beyond ASCII.
fn is_headline_read(line: &str) -> bool {
    let (mut capitalized, mut lower) = (0usize, 0usize);
    let (mut upper_letters, mut letters) = (0usize, 0usize);
    for word in line.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        for c in word.chars() {
            letters += 1;
            upper_letters += usize::from(c.is_uppercase());
        }
        // Short words ("of", "in", "a") are lowercase in title case too.
        if word.chars().count() >= 4 {
            if word.chars().next().is_some_and(char::is_uppercase) {
                capitalized += 1;
            } else {
                lower += 1;
            }
        }
    }
    headline_by_counts(line, capitalized, lower, upper_letters, letters)
}

/// Whether a line with these counts of words and letters is a headline.
fn headline_by_counts(
    line: &str,
    capitalized: usize,
    lower: usize,
    upper_letters: usize,
    letters: usize,
) -> bool {
    // A title-case line that ends like a sentence is one ("He met U.S.
    // Army General Joseph Votel."); capitals stay a headline either way.
    let ends_a_sentence =
        line.trim_end().trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?']);
    let title_case = capitalized >= 3 && lower * 5 <= capitalized && !ends_a_sentence;
    let capitals = letters >= 12 && upper_letters * 10 >= letters * 9;
    title_case || capitals
}

#[cfg(test)]
pub(crate) mod before;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::english::ENGLISH;
    use proptest::prelude::*;

    fn word_at(text: &str, start: usize) -> Option<&str> {
        word_from(&ENGLISH, text, start).map(|w| &text[w])
    }

    /// Every language's connectors are short, so that a longer lowercase
    /// word is none without a lookup (`may_join_before`,
    /// `name_before_connector`).
    #[test]
    fn connectors_are_short_in_every_language() {
        for lang in dateline_tokenize::Lang::ALL {
            let rules = crate::context::rules::for_lang(lang);
            for word in rules.connectors.words {
                assert!(word.len() <= MAX_CONNECTOR_LEN, "{lang}: {word}");
            }
        }
    }

    /// Seed-43 reading: a mission's name takes the country or region it is
    /// posted to ("United Nations Interim Force in Lebanon"), after a run
    /// that an organization's match begins.
    #[test]
    fn a_mission_takes_its_place() {
        use crate::{Entry, Gazetteer, Resolver};
        let gazetteer = Gazetteer::new([
            Entry::new("United Nations", "ORG", "wikidata:Q1065"),
            Entry::new("UN", "ORG", "wikidata:Q1065"),
            Entry::new("African Union", "ORG", "wikidata:Q7159"),
            Entry::new("Lebanon", "GPE", "iso3166-1:LB"),
            Entry::new("Iraq", "GPE", "iso3166-1:IQ"),
            Entry::new("Darfur", "LOC", "dateline:darfur"),
            Entry::new("Australian", "NORP", "iso3166-1:AU"),
            Entry::new("New York", "GPE", "geonames:5128581")
                .with_country("iso3166-1:US")
                .with_admin1("iso3166-2:US-NY"),
        ])
        .expect("a valid gazetteer");
        let read = |text: &'static str| -> Vec<(&'static str, String)> {
            Resolver::new()
                .find(&gazetteer, text)
                .into_iter()
                .map(|e| (&text[e.span()], e.label().to_owned()))
                .collect()
        };
        for (text, expected) in [
            (
                "He commanded the United Nations Interim Force in Lebanon (UNIFIL) there.",
                vec![("United Nations Interim Force in Lebanon", "ORG")],
            ),
            (
                "Troops of the UN African Union Mission in Darfur arrived.",
                vec![("UN African Union Mission in Darfur", "ORG")],
            ),
            (
                "It joined the United Nations Assistance Mission in the Lebanon today.",
                vec![("United Nations Assistance Mission in the Lebanon", "ORG")],
            ),
            // Counter-cases: no organization's match begins the run; a city
            // is where a mission sits; no head of a mission; lowercase.
            (
                "Troops of the Australian Defence Force in Iraq left.",
                vec![("Australian Defence Force", "ORG"), ("Iraq", "GPE")],
            ),
            (
                "He ran the UN Mission in New York for a year.",
                vec![("UN Mission", "ORG"), ("New York", "GPE")],
            ),
            (
                "The UN Security Council in Lebanon met.",
                vec![("UN Security Council", "ORG"), ("Lebanon", "GPE")],
            ),
            ("A UN force in Lebanon withdrew.", vec![("UN", "ORG"), ("Lebanon", "GPE")]),
        ] {
            let expected: Vec<_> = expected.into_iter().map(|(s, l)| (s, l.to_owned())).collect();
            assert_eq!(read(text), expected, "{text}");
        }
    }

    #[test]
    fn connectors_are_short() {
        let english = ENGLISH.connectors.words.iter().chain(ENGLISH.second_connectors.words);
        assert!(english.map(|w| w.len()).max() <= Some(MAX_CONNECTOR_LEN));
        assert!(is_long_lowercase(b"said"));
        assert!(!is_long_lowercase(b"of China"));
        assert!(is_long_lowercase_before(b"the capital"));
        assert!(!is_long_lowercase_before(b"Bank of"));
        assert!(!is_long_lowercase_before(b"said General"));
        assert!(!is_long_lowercase_before(b"the na\xc3\xafve"));
    }

    #[test]
    fn the_byte_table_holds_letters_and_digits() {
        for b in 0..=u8::MAX {
            assert_eq!(is_alnum(&b), b.is_ascii_alphanumeric(), "{b}");
        }
        for c in ['a', 'Z', '0', ' ', '.', '\u{7f}', '\u{80}', '\u{aa}', 'é', 'ß', '٣', '中', '’']
        {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_keep_abbreviations_and_drop_possessives() {
        assert_eq!(word_at("U.S. Navy", 0), Some("U.S."));
        assert_eq!(word_at("China's Navy", 0), Some("China"));
        assert_eq!(word_at("China’s", 0), Some("China"));
        assert_eq!(word_at("O'Neill said", 0), Some("O'Neill"));
        assert_eq!(word_at("I'm Israeli", 0), Some("I"));
        assert_eq!(word_at("They're here", 0), Some("They"));
        assert_eq!(word_at("Shi'a Muslims", 0), Some("Shi'a"));
        assert_eq!(word_at("D'Souza's", 0), Some("D'Souza"));
        assert_eq!(word_at("China. Then", 0), Some("China"));
        assert_eq!(word_at("Acme Corp. said", 5), Some("Corp."));
        assert_eq!(word_at("George W. Bush", 7), Some("W."));
        assert_eq!(word_at("& Co", 0), Some("&"));
        assert_eq!(word_at(" x", 0), None);
    }

    #[test]
    fn words_end_where_they_end() {
        let text = "the U.S. Navy and China. Beijing";
        assert_eq!(word_before(&ENGLISH, text, 8).map(|w| &text[w]), Some("U.S."));
        assert_eq!(word_before(&ENGLISH, text, 24), None);
        assert_eq!(word_before(&ENGLISH, text, 23).map(|w| &text[w]), Some("China"));
    }

    #[test]
    fn words_before_are_the_words_read_from_their_start() {
        // The short cut for plain ASCII words against the full reading, at
        // every char boundary of texts with dots, apostrophes, clitics,
        // "&", non-ASCII letters and blanks.
        let texts = [
            "the U.S. Navy and China. Beijing",
            "AT&T and Johnson & Johnson, O'Neill's D'Souza 'quoted' x",
            "Acme Corp. said George W. Bush met Mr. Xi at 10.30 in St. Louis",
            "São Paulo\u{a0}FC beat Zürich’s club 2-1; I'm sure they're here.",
            "CHINA'S NAVY-led drills (Reuters) -- 2024-07-24 a1b2 _x_ ø",
        ];
        for text in texts {
            for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                assert_eq!(
                    word_before(&ENGLISH, text, end),
                    word_before_read(&ENGLISH, text, end),
                    "{text:?} at {end}"
                );
            }
        }
    }

    fn run(text: &str, name: &str, others: &[&str]) -> String {
        let start = text.find(name).expect("the name is in the text");
        let matched = Span::new(start, start + name.len());
        let mut spans: Vec<Span> = others
            .iter()
            .map(|o| {
                let s = text.find(o).expect("the other name is in the text");
                Span::new(s, s + o.len())
            })
            .chain([matched])
            .collect();
        spans.sort_by_key(|s| s.start);
        let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
        let mut ends: Vec<usize> = spans.iter().map(|s| s.end).collect();
        ends.sort_unstable();
        text[run_around(&ENGLISH, text, matched, &starts, &ends)].to_owned()
    }

    #[test]
    fn runs_take_capitalized_words_and_connectors() {
        assert_eq!(run("He joined the US Navy in 1990.", "US", &[]), "US Navy");
        assert_eq!(run("Shares of Bank of China fell.", "China", &[]), "Bank of China");
        assert_eq!(run("the Bank of the West said", "West", &[]), "Bank of the West");
        assert_eq!(
            run("on the New York Stock Exchange today", "New York", &[]),
            "New York Stock Exchange"
        );
        assert_eq!(run("Paris Hilton arrived", "Paris", &[]), "Paris Hilton");
        assert_eq!(run("AT&T and Johnson & Johnson", "Johnson", &[]), "Johnson & Johnson");
        assert_eq!(run("the Gulf of Aden", "Aden", &[]), "Gulf of Aden");
        assert_eq!(run("the US Department of Justice said", "US", &[]), "US Department of Justice");
    }

    #[test]
    fn runs_stop_at_possessives_hyphens_between_names_dates_and_titles() {
        assert_eq!(run("China's Foreign Ministry said", "China", &[]), "China");
        assert_eq!(run("the US-led coalition", "US", &[]), "US");
        assert_eq!(run("the Russia-Ukraine war", "Russia", &["Ukraine"]), "Russia");
        assert_eq!(run("the Russia-Ukraine war", "Ukraine", &["Russia"]), "Ukraine");
        assert_eq!(run("talks in Beijing Monday", "Beijing", &[]), "Beijing");
        assert_eq!(run("said Chinese Foreign Minister Wang Yi", "Chinese", &[]), "Chinese");
        assert_eq!(run("the Mayor of London said", "London", &[]), "London");
        assert_eq!(run("U.S. Army General Joseph Votel", "U.S.", &[]), "U.S. Army");
        // A gazetteer name after a title is the title's holder; a head
        // word's run takes the title in.
        assert_eq!(run("met Foreign Minister Wang Yi", "Wang Yi", &[]), "Wang Yi");
        let text = "said General Motors Corporation";
        let head = Span::new(text.find("Corporation").expect("present"), text.len());
        let found = run_around_head(&ENGLISH, text, head, &[], &[]);
        assert_eq!(&text[found], "General Motors Corporation");
        assert_eq!(run("in China and Russia", "China", &["Russia"]), "China");
        assert_eq!(run("À Paris, il pleut.", "Paris", &[]), "Paris");
        assert_eq!(run("George W. Bush visited", "Bush", &[]), "George W. Bush");
        assert_eq!(run("said Xi of China", "China", &[]), "China");
        assert_eq!(run("Zelensky on Ukraine", "Ukraine", &[]), "Ukraine");
        assert_eq!(run("Ukraine and Western allies", "Ukraine", &[]), "Ukraine");
        assert_eq!(run("The China Daily said", "China", &[]), "China Daily");
    }

    #[test]
    fn sentence_initial_common_words_are_no_evidence() {
        assert_eq!(run("In China, prices rose.", "China", &[]), "China");
        assert_eq!(run("It rained. Yesterday China said", "China", &[]), "China");
        assert_eq!(run("“Officials in Beijing", "Beijing", &[]), "Beijing");
        assert_eq!(run("Bank of China shares fell.", "China", &[]), "Bank of China");
        assert_eq!(run("Air China flew", "China", &[]), "Air China");
        assert_eq!(run("links:\n- How China derailed", "China", &[]), "China");
        assert_eq!(run("LONDON - In China", "China", &[]), "China");
    }

    fn typed(text: &str, place: Option<&str>) -> Option<(&'static str, &'static str)> {
        let place = place.map(|p| {
            let s = text.find(p).expect("the place is in the text");
            Span::new(s, s + p.len())
        });
        type_of(&ENGLISH, text, Span::new(0, text.len()), place).map(|t| (t.label, t.rule))
    }

    #[test]
    fn runs_are_typed_by_their_words() {
        assert_eq!(typed("Bank of China", None), Some(("ORG", "head:org")));
        assert_eq!(typed("US Navy", None), Some(("ORG", "head:org")));
        assert_eq!(typed("Shanghai Electric Group", None), Some(("ORG", "head:org")));
        assert_eq!(typed("Gaza Strip", None), Some(("LOC", "head:loc")));
        assert_eq!(typed("Gulf of Mexico", None), Some(("LOC", "head:loc")));
        assert_eq!(typed("Beijing Capital International Airport", None), Some(("FAC", "head:fac")));
        assert_eq!(typed("Real Madrid", Some("Madrid")), Some(("ORG", "prefix:org")));
        assert_eq!(typed("Real Estate", None), None);
        assert_eq!(typed("Real ID Act", None), Some(("LAW", "head:law")));
        assert_eq!(typed("Mount Everest", None), Some(("LOC", "prefix:loc")));
        assert_eq!(typed("Eastern Ukraine", Some("Ukraine")), Some(("LOC", "prefix:region")));
        assert_eq!(typed("Guangdong Province", None), Some(("GPE", "head:gpe")));
        assert_eq!(typed("NEW YORK STOCK EXCHANGE", None), Some(("ORG", "head:org")));
    }

    #[test]
    fn runs_whose_words_say_nothing_are_untyped() {
        assert_eq!(typed("Paris Hilton", None), None);
        assert_eq!(typed("Positive Black Soul", None), None);
        assert_eq!(typed("Beijing Olympics", None), None);
        assert_eq!(typed("Eastern Promises", None), None);
        // The head is the word before "of": the "Bank" of "Bank of England".
        assert_eq!(typed("Governor of the Bank", None), None);
    }

    #[test]
    fn headlines_are_told_from_sentences() {
        assert!(is_headline("China Tightens Export Controls on Military Drones"));
        assert!(is_headline("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT."));
        assert!(!is_headline("China has tightened export controls on drones, effective today."));
        assert!(!is_headline("Barnsley 1 Huddersfield 1"));
        assert!(!is_headline("He met U.S. Army General Joseph Votel."));
        assert!(!is_headline(
            "PORTLAND, Maine (AP) — Officials said on Monday that the storm had passed."
        ));
    }

    /// Texts of name words, connectors, titles, dates, sentence ends,
    /// hyphens, quotes and non-ASCII chars, for the fast paths to be
    /// compared with the readings they replace.
    fn texts() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "US",
            "China",
            "Chinese",
            "Bank",
            "of",
            "the",
            "The",
            "in",
            "In",
            "for",
            "on",
            "&",
            "Navy",
            "Party",
            "General",
            "Motors",
            "Corporation",
            "Minister",
            "Foreign",
            "Monday",
            "U.S.",
            "Corp.",
            "W.",
            "Officials",
            "People",
            "Workers'",
            "It",
            "said",
            "Mount",
            "Real",
            "O'Neill",
            "’s",
            "'s",
            "al-",
            "é",
            "Ü",
            "北京",
            "2-1",
            "4",
            "“",
            "\"",
            "(",
            "[",
            "•",
            "-",
            "*",
            "—",
            ".",
            "!",
            "?",
            ":",
            ";",
            "\n",
            "\r",
            "\t",
            "\u{a0}",
            "==",
            "=",
            "</div>",
            "<br />",
            ">",
            " ",
            "  ",
            ", ",
            "",
        ];
        proptest::collection::vec(proptest::sample::select(PIECES), 0..14).prop_map(|pieces| {
            let mut text = String::new();
            for (i, piece) in pieces.iter().enumerate() {
                // Mostly words apart, sometimes glued.
                if i > 0 && i % 3 != 0 {
                    text.push(' ');
                }
                text.push_str(piece);
            }
            text
        })
    }

    fn boundaries(text: &str) -> impl Iterator<Item = usize> + '_ {
        (0..=text.len()).filter(|&at| text.is_char_boundary(at))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The byte reading of a sentence start against the char reading.
        #[test]
        fn sentence_starts_read_by_bytes_as_by_chars(text in texts()) {
            for at in boundaries(&text) {
                prop_assert_eq!(
                    is_sentence_start(&text, at),
                    before::is_sentence_start(&text, at),
                    "{:?} at {}", text, at
                );
            }
        }

        /// The index loop and byte tables of `word_before` read the words
        /// the iterators read, at every char boundary.
        #[test]
        fn words_before_read_as_before(text in texts()) {
            for end in boundaries(&text) {
                prop_assert_eq!(
                    word_before(&ENGLISH, &text, end),
                    before::word_before_by_iterators(&ENGLISH, &text, end),
                    "{:?} at {}", text, end
                );
            }
        }

        /// `extend_left` with its class passed on and its floor reads as it
        /// did: without a floor the same start; with one, the same start
        /// when that is at or after the floor, and a start before the floor
        /// otherwise.
        #[test]
        fn runs_extend_left_as_before(text in texts()) {
            // Ends of words as gazetteer match ends, for the hyphen rule.
            let ends: Vec<usize> = boundaries(&text).filter(|&at| at % 4 == 1).collect();
            for from in boundaries(&text) {
                for titles in [Titles::End, Titles::Join] {
                    let old = before::extend_left(&ENGLISH, &text, from, &ends, titles);
                    let new = extend_left(&ENGLISH, &text, from, &ends, titles, 0);
                    prop_assert_eq!(new, old, "{:?} from {}", text, from);
                    for floor in boundaries(&text).filter(|&f| f <= from) {
                        let bounded = extend_left(&ENGLISH, &text, from, &ends, titles, floor);
                        if old >= floor {
                            prop_assert_eq!(bounded, old, "{:?} from {} floor {}", text, from, floor);
                        } else {
                            prop_assert!(bounded < floor && bounded >= old);
                        }
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The left side read first, the same answer or a run that is the
        /// match; and runs typed
        /// without reading past their first connector, the same type.
        #[test]
        fn quick_looks_and_types_as_before(text in texts()) {
            for start in boundaries(&text) {
                for end in boundaries(&text).filter(|&e| e > start) {
                    let span = Span::new(start, end);
                    // Alone where it was, and where it was not, only when
                    // the run is the match.
                    let alone = stands_alone(&ENGLISH, &text, span);
                    if before::stands_alone(&ENGLISH, &text, span) {
                        prop_assert!(alone, "{:?} at {:?}", text, span);
                    } else if alone {
                        let run = run_around(&ENGLISH, &text, span, &[], &[]);
                        prop_assert_eq!(run, span, "{:?}", text);
                    }
                    for place in [None, Some(span), Some(Span::new(end, end))] {
                        prop_assert_eq!(
                            type_of(&ENGLISH, &text, span, place),
                            before::type_of(&ENGLISH, &text, span, place),
                            "{:?} at {:?}", text, span
                        );
                    }
                }
            }
        }
    }
}
