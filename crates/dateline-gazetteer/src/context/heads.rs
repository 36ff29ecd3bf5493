//! Names found by their head words alone: "Democratic Party", "Home
//! Office", "Changi International Airport", where no gazetteer name stands
//! inside.
//!
//! One pass over the text looks at capitalized ASCII words only (head words
//! are ASCII), eight bytes at a time between them.

use dateline_tokenize::Span;

use super::rules::NameRules;
use super::{Lines, Resolved, runs};

/// The rule-found entities whose runs hold a head word: at least two words,
/// outside headlines.
pub(crate) fn named_by_heads<'g>(
    rules: &NameRules,
    text: &str,
    match_starts: &[usize],
    match_ends: &[usize],
    lines: &mut Lines<'_>,
) -> Vec<Resolved<'g>> {
    let mut found: Vec<Resolved<'g>> = Vec::new();
    let mut at = 0;
    while let Some(start) = next_capitalized(text.as_bytes(), at) {
        let Some(word) = runs::word_from(rules, text, start) else {
            at = start + 1;
            continue;
        };
        at = word.end;
        let written = &text[word];
        let is_cue = rules.head(written).is_some()
            || rules.org_prefixes.contains(&written)
            || rules.loc_prefixes.contains(&written);
        let done = found.last().is_some_and(|last| last.span.end > word.start);
        if !is_cue || done || lines.is_headline(word.start) {
            continue;
        }
        let run = runs::run_around(rules, text, word, match_starts, match_ends).span;
        if run == word || overlaps_a_match(run, match_starts, match_ends) {
            continue;
        }
        if let Some(typed) = runs::type_of(rules, text, run, None) {
            found.push(Resolved::by_rule(run, typed.label, typed.rule));
            at = run.end;
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

/// The next byte at or after `from` that starts a word with an ASCII
/// capital.
fn next_capitalized(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        // Skip eight bytes at a time while none is a capital.
        while i + 8 <= bytes.len() {
            let chunk = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
            if has_capital(chunk) {
                break;
            }
            i += 8;
        }
        let end = (i + 8).min(bytes.len());
        for j in i..end {
            if bytes[j].is_ascii_uppercase() && (j == 0 || !is_word_byte(bytes[j - 1])) {
                return Some(j);
            }
        }
        i = end;
    }
    None
}

/// A byte that may continue a word (any byte of a non-ASCII char counts).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'\'' || b == b'-'
}

/// Whether any byte of `chunk` is an ASCII capital, `A` to `Z`.
fn has_capital(chunk: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = chunk & !HIGH;
    // Per byte with its high bit clear: (low7 + (128 - 'A')) sets bit 7 when
    // the byte is at least 'A'; ((128 + 'Z') - low7) keeps bit 7 set when it
    // is at most 'Z'. Neither sum carries across bytes.
    let at_least_a = low7 + ONES * (128 - b'A' as u64);
    let at_most_z = ONES * (128 + b'Z' as u64) - low7;
    at_least_a & at_most_z & !chunk & HIGH != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_found_eight_bytes_at_a_time() {
        for byte in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[lane] = byte;
                let chunk = u64::from_le_bytes(bytes);
                assert_eq!(has_capital(chunk), byte.is_ascii_uppercase(), "{byte} at {lane}");
            }
        }
    }

    #[test]
    fn capitalized_words_start_words() {
        let text = "the iPhone, then Democratic Party and McDonald's Ñu Zed";
        let starts: Vec<usize> =
            std::iter::successors(next_capitalized(text.as_bytes(), 0), |&s| {
                next_capitalized(text.as_bytes(), s + 1)
            })
            .collect();
        let words: Vec<&str> = starts.iter().map(|&s| &text[s..s + 3]).collect();
        assert_eq!(words, ["Dem", "Par", "McD", "Zed"]);
    }
}
