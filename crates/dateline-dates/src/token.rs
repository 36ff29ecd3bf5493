//! A small tokenizer for the stretches of text around anchors.
//!
//! Tokens are words (letters, with "a.m."/"p.m." and "o'clock" kept whole),
//! digit runs, and single punctuation characters. Each records whether
//! whitespace (and whether a line break) came before it, so the grammar can
//! tell "1990s" from "1990 s" and "Sept." from "Sept .".

use crate::lexicon::{Func, Lex, Lexicon, Rel};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// The lexicon class of a word.
    pub(crate) lex: Option<Lex>,
    /// The value of a digit run (saturating), or the punctuation character.
    pub(crate) num: u32,
    /// The number of digits of a digit run.
    pub(crate) digits: u8,
    /// Whitespace precedes the token.
    pub(crate) space: bool,
    /// A line break precedes the token.
    pub(crate) newline: bool,
    /// The first letter is uppercase.
    pub(crate) upper: bool,
}

impl Token {
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.num == c as u32
    }

    pub(crate) fn is_dash(&self) -> bool {
        self.kind == Kind::Punct
            && matches!(char::from_u32(self.num), Some('-' | '–' | '—' | '‐' | '‑'))
    }
}

/// Tokenizes `text[from..to]` (both on char boundaries), appending to `out`.
pub(crate) fn tokenize(
    text: &str,
    from: usize,
    to: usize,
    lexicon: &Lexicon,
    out: &mut Vec<Token>,
) {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut space = true;
    let mut newline = false;
    while i < to {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            newline |= b == b'\n';
            i += 1;
            continue;
        }
        let start = i;
        if b.is_ascii_digit() {
            let mut v: u32 = 0;
            while i < to && bytes[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let digits = (i - start).min(255) as u8;
            out.push(Token {
                start,
                end: i,
                kind: Kind::Num,
                lex: None,
                num: v,
                digits,
                space,
                newline,
                upper: false,
            });
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && char_at(text, i).is_some_and(is_letter))
        {
            while i < to {
                // ASCII letters eight at a time (most words are ASCII).
                while let Some(chunk) = bytes.get(i..i + 8).filter(|_| i + 8 <= to) {
                    let stop = non_letter_lanes(u64::from_le_bytes(
                        chunk.try_into().expect("an 8-byte chunk"),
                    ));
                    if stop != 0 {
                        i += (stop.trailing_zeros() / 8) as usize;
                        break;
                    }
                    i += 8;
                }
                let Some(&c) = bytes.get(i).filter(|_| i < to) else { break };
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 {
                    match char_at(text, i) {
                        Some(ch) if is_letter(ch) => i += ch.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let word = &text[start..i];
            // A capital at the start of a sentence says nothing ("Morgen
            // wird gewählt" is tomorrow).
            let mut lex = if lexicon.extended {
                extended_word(text, start, &mut i, to, b, lexicon, out)
            } else {
                lexicon.get(word)
            };
            // "a.m." / "p.m." (and "a.m" at a sentence end).
            if i - start == 1
                && i + 2 <= to
                && bytes[i] == b'.'
                && matches!(bytes[i + 1], b'm' | b'M')
            {
                let ampm = match b {
                    b'a' | b'A' => lexicon.get("am"),
                    b'p' | b'P' => lexicon.get("pm"),
                    _ => None,
                };
                if ampm.is_some() {
                    lex = ampm;
                    i += 2;
                    if i < to && bytes[i] == b'.' {
                        i += 1;
                    }
                }
            }
            // "week-end", "week-ends": the older spelling of "weekend".
            if word.eq_ignore_ascii_case("week") {
                let rest = &text.as_bytes()[i..to];
                let n = if rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(b"-end") {
                    if rest.get(4).is_some_and(|c| matches!(c, b's' | b'S')) { 5 } else { 4 }
                } else {
                    0
                };
                if n > 0 && !rest.get(n).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-') {
                    i += n;
                    lex = lexicon.get(if n == 5 { "weekends" } else { "weekend" });
                }
            }
            // "o'clock".
            if (word == "o" || word == "O") && text[i..to].starts_with("'clock") {
                i += "'clock".len();
                lex = lexicon.get("oclock");
            }
            // "Donnerstagabend": a weekday glued to a part of the day.
            if lex.is_none()
                && lexicon.extended
                && lexicon.tables.compounds
                && let Some((k, head, tail)) = split_compound(&text[start..i], lexicon)
                    .or_else(|| split_number_unit(&text[start..i], lexicon))
            {
                let cut = start + k;
                for (s, e, l, sp, nl, up) in [
                    (start, cut, head, space, newline, b.is_ascii_uppercase()),
                    (cut, i, tail, false, false, false),
                ] {
                    out.push(Token {
                        start: s,
                        end: e,
                        kind: Kind::Word,
                        lex: Some(l),
                        num: 0,
                        digits: 0,
                        space: sp,
                        newline: nl,
                        upper: up,
                    });
                }
                space = false;
                newline = false;
                continue;
            }
            // "того ж дня", "цього ж року": the particle makes the
            // demonstrative "the same" and is read as part of it. "тому ж
            // році": before it, "тому" is "that" (locative), not "ago".
            if lex.is_none()
                && lexicon.extended
                && !lexicon.tables.same_particles.is_empty()
                && let Some(prev) = out.last_mut()
                && matches!(prev.lex, Some(Lex::Rel(Rel::This | Rel::Ago) | Lex::Func(Func::That)))
                && lexicon.tables.same_particles.iter().any(|p| lexicon.same_word(word, p))
            {
                match prev.lex {
                    Some(Lex::Rel(Rel::This)) => prev.lex = Some(Lex::Rel(Rel::Same)),
                    Some(Lex::Rel(Rel::Ago)) => prev.lex = Some(Lex::Func(Func::That)),
                    _ => {}
                }
                continue;
            }
            out.push(Token {
                start,
                end: i,
                kind: Kind::Word,
                lex,
                num: 0,
                digits: 0,
                space,
                newline,
                // Cyrillic capitals mark names as Latin ones do.
                upper: b.is_ascii_uppercase()
                    || lexicon.keyed
                        && b >= 0x80
                        && char_at(text, start).is_some_and(char::is_uppercase),
            });
        } else {
            let ch = char_at(text, i).unwrap_or('\u{fffd}');
            let len = ch.len_utf8();
            // Possessive "'s" / "’s" becomes one word token, as do the "'"
            // of "'90s" and a bare apostrophe.
            let ch = if ch == '’' || ch == '‘' || ch == 'ʼ' { '\'' } else { ch };
            if ch == '\''
                && i + len < to
                && matches!(bytes[i + len], b's' | b'S')
                && !bytes.get(i + len + 1).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                i += len + 1;
                out.push(Token {
                    start,
                    end: i,
                    kind: Kind::Word,
                    lex: None,
                    num: u32::from('s'),
                    digits: 0,
                    space,
                    newline,
                    upper: false,
                });
            } else {
                i += len;
                out.push(Token {
                    start,
                    end: i,
                    kind: Kind::Punct,
                    lex: None,
                    num: ch as u32,
                    digits: 0,
                    space,
                    newline,
                    upper: false,
                });
            }
        }
        space = false;
        newline = false;
    }
}

/// A word's class in a language with more than English's spelling rules:
/// capitalized readings, readings after a determiner, hyphenated and
/// elided words. May move `i` past a joined word.
fn extended_word(
    text: &str,
    start: usize,
    i: &mut usize,
    to: usize,
    first: u8,
    lexicon: &Lexicon,
    out: &[Token],
) -> Option<Lex> {
    let word = &text[start..*i];
    let bytes = text.as_bytes();
    // A capital at the start of a sentence says nothing ("Morgen wird
    // gewählt" is tomorrow).
    let cased = first.is_ascii_uppercase()
        && !lexicon.tables.capitalized.is_empty()
        && !out.last().is_none_or(|t: &Token| {
            t.kind == Kind::Punct
                && matches!(char::from_u32(t.num), Some('.' | '!' | '?' | ':' | '"' | '„'))
        });
    let mut lex = lexicon.get_cased(word, cased);
    if !lexicon.tables.after_determiner.is_empty()
        && out.last().is_some_and(|t| {
            matches!(t.lex, Some(Lex::Func(Func::The | Func::In) | Lex::Rel(Rel::This)))
        })
        && let Some(&(_, after)) =
            lexicon.tables.after_determiner.iter().find(|(w, _)| lexicon.same_word(word, w))
    {
        lex = Some(after);
    }
    // Phrases the table holds whole ("fin de semana", "hoy por hoy").
    if lexicon.starts_phrase(word)
        && let Some((joined, end)) = phrase(text, word, *i, to, lexicon)
    {
        *i = end;
        return Some(joined);
    }
    // Hyphenated words the table holds whole ("après-midi", "dix-huit").
    if lexicon.tables.hyphen_words
        && *i + 1 < to
        && bytes[*i] == b'-'
        && char_at(text, *i + 1).is_some_and(char::is_alphabetic)
    {
        let mut k = *i + 1;
        while k < to {
            match char_at(text, k) {
                Some(c) if c.is_alphabetic() => k += c.len_utf8(),
                _ => break,
            }
        }
        if let Some(joined) = lexicon.get(&text[start..k]) {
            lex = Some(joined);
            *i = k;
        }
    }
    // Elided words keep their apostrophe ("l'année" is "l'" + "année"), and
    // a word joined by one is one word ("aujourd'hui").
    if lexicon.tables.elision
        && let Some((joined, one, next)) = elided(text, *i, to, lexicon)
    {
        lex = Some(joined);
        *i = if one { next } else { *i + apostrophe_len(text, *i) };
    }
    lex
}

/// The longest phrase of the table that starts with `word` (which ends at
/// `i`) and goes on in the words after it, separated by spaces on one
/// line: its class and where it ends. The first word is matched as
/// written in ASCII (`Lexicon::starts_phrase`), the others with accents
/// folded.
fn phrase(text: &str, word: &str, i: usize, to: usize, lexicon: &Lexicon) -> Option<(Lex, usize)> {
    let bytes = text.as_bytes();
    let mut best: Option<(Lex, usize)> = None;
    for &k in lexicon.phrases_starting(word) {
        let (words, lex) = &lexicon.phrases[usize::from(k)];
        if !lexicon.same_word(word, words[0]) {
            continue;
        }
        let mut k = i;
        let all = words[1..].iter().all(|w| {
            let gap = k;
            while k < to && matches!(bytes[k], b' ' | b'\t') {
                k += 1;
            }
            let start = k;
            while k < to {
                match char_at(text, k) {
                    Some(c) if c.is_alphabetic() => k += c.len_utf8(),
                    _ => break,
                }
            }
            k > start && start > gap && lexicon.same_word(&text[start..k], w)
        });
        let ends = !char_at(text, k).is_some_and(|c| c.is_alphanumeric() || c == '-');
        if all && ends && best.is_none_or(|(_, e)| k > e) {
            best = Some((*lex, k));
        }
    }
    best
}

/// A weekday glued to a part of the day ("Donnerstagabend",
/// "Samstagnachmittag"): where to cut, and the classes of the two halves.
fn split_compound(word: &str, lexicon: &Lexicon) -> Option<(usize, Lex, Lex)> {
    if word.len() < 9 {
        return None;
    }
    word.char_indices().skip(5).take(6).find_map(|(k, _)| {
        let head = lexicon.get(&word[..k]).filter(|l| matches!(l, Lex::Weekday(1..=7)))?;
        // The tail is a noun: "Montagmorgen" is Monday morning, not
        // tomorrow (the capitalized reading, `Tables::capitalized`).
        let tail =
            lexicon.get_cased(&word[k..], true).filter(|l| matches!(l, Lex::PartOfDay(_)))?;
        Some((k, head, tail))
    })
}

/// A number word glued to a unit adjective ("zweitägigen", "fünfwöchige"):
/// where to cut, and the classes of the two halves.
fn split_number_unit(word: &str, lexicon: &Lexicon) -> Option<(usize, Lex, Lex)> {
    let tables = lexicon.tables;
    // Unit adjectives end in "ig" and an ending ("-tägigen"): most long
    // words are none, and are turned away by two bytes.
    let ending = ["en", "er", "es", "em", "e", ""]
        .into_iter()
        .find(|ending| word.strip_suffix(ending).is_some_and(|w| w.ends_with("ig")))?;
    let forms = tables.unit_adjectives.iter().filter(|(adjective, _)| {
        adjective.strip_suffix(ending).is_some_and(|stem| stem.ends_with("ig"))
    });
    forms.into_iter().find_map(|&(adjective, unit)| {
        // Written with its umlaut, the adjective is a byte longer than in
        // the table ("tägig", "tagig").
        [adjective.len(), adjective.len() + 1].into_iter().find_map(|n| {
            let k = word.len().checked_sub(n)?;
            let (head, tail) = (word.get(..k)?, &word[k..]);
            if !lexicon.same_word(tail, adjective) {
                return None;
            }
            tables.compound_numbers.iter().find(|number| lexicon.same_word(head, number))?;
            Some((k, lexicon.get(head)?, Lex::Unit(unit, false)))
        })
    })
}

/// The bytes of the apostrophe at `i` (' or ’), 0 when there is none.
fn apostrophe_len(text: &str, i: usize) -> usize {
    match char_at(text, i) {
        Some('\'') => 1,
        Some('’') => '’'.len_utf8(),
        _ => 0,
    }
}

/// A word ending at `i` before an apostrophe and a letter: the class of the
/// whole "aujourd'hui" (`true`, with the end of the word after the
/// apostrophe) or of the elided "l'" (`false`), when the table has one.
fn elided(text: &str, i: usize, to: usize, lexicon: &Lexicon) -> Option<(Lex, bool, usize)> {
    let apo = apostrophe_len(text, i);
    if apo == 0 || !char_at(text, i + apo).is_some_and(char::is_alphabetic) {
        return None;
    }
    let start = text[..i]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(i, |(k, _)| k);
    let mut next = i + apo;
    while next < to {
        match char_at(text, next) {
            Some(c) if c.is_alphabetic() => next += c.len_utf8(),
            _ => break,
        }
    }
    let head = &text[start..i];
    if let Some(lex) = lexicon.get(&format!("{head}'{}", &text[i + apo..next])) {
        return Some((lex, true, next));
    }
    lexicon.get(&format!("{head}'")).map(|lex| (lex, false, next))
}

/// The high bit of each of the eight bytes of `word` (little-endian) that
/// is not an ASCII letter: `| 0x20` makes capitals small, and a small
/// letter is at least 'a' and at most 'z' on its low seven bits with its
/// high bit clear. No lane carries into the next.
#[inline]
fn non_letter_lanes(word: u64) -> u64 {
    const fn lanes(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    let v = (word | lanes(0x20)) & !lanes(0x80);
    let from_a = v.wrapping_add(lanes(0x80 - b'a'));
    let past_z = v.wrapping_add(lanes(0x80 - b'z' - 1));
    let letters = from_a & !past_z & !word & lanes(0x80);
    !letters & lanes(0x80)
}

/// Whether `c` is a letter: Cyrillic letters by their range (Unicode's
/// alphabetic table is a slow lookup, and Cyrillic text is all letters),
/// anything else by that table.
#[inline]
fn is_letter(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{481}' | '\u{48a}'..='\u{4ff}') || c.is_alphabetic()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Whether a word token is the possessive "'s".
pub(crate) fn is_possessive(t: &Token) -> bool {
    t.kind == Kind::Word && t.num == u32::from('s') && t.lex.is_none() && t.end - t.start >= 2
}

#[cfg(test)]
mod tests {
    #[test]
    fn letter_lanes_agree_with_the_byte_test() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = b;
                let stop = super::non_letter_lanes(u64::from_le_bytes(word));
                let want = word.iter().position(|c| !c.is_ascii_alphabetic());
                let got = (stop != 0).then(|| (stop.trailing_zeros() / 8) as usize);
                assert_eq!(got, want, "{b:#x} at {at}");
            }
        }
    }

    use super::*;
    use crate::lexicon::Language;

    fn kinds(text: &str) -> Vec<(&str, Kind)> {
        let lx = Lexicon::new(Language::English);
        let mut v = Vec::new();
        tokenize(text, 0, text.len(), &lx, &mut v);
        v.iter().map(|t| (&text[t.start..t.end], t.kind)).collect()
    }

    #[test]
    fn splits_words_numbers_punctuation() {
        assert_eq!(
            kinds("Sept. 1, 2024 at 3 p.m. in the 1990s, Russia’s"),
            vec![
                ("Sept", Kind::Word),
                (".", Kind::Punct),
                ("1", Kind::Num),
                (",", Kind::Punct),
                ("2024", Kind::Num),
                ("at", Kind::Word),
                ("3", Kind::Num),
                ("p.m.", Kind::Word),
                ("in", Kind::Word),
                ("the", Kind::Word),
                ("1990", Kind::Num),
                ("s", Kind::Word),
                (",", Kind::Punct),
                ("Russia", Kind::Word),
                ("’s", Kind::Word),
            ]
        );
        assert_eq!(kinds("5 o'clock")[1], ("o'clock", Kind::Word));
    }
}
