//! The rule-based sentence splitter.
//!
//! One forward scan looks for sentence-ending punctuation and line breaks;
//! each candidate is decided from a bounded window around it (the word
//! before, the word after, the marker that opened the sentence), so the
//! splitter is linear in the length of the text and never allocates while
//! splitting.

use core::iter::FusedIterator;
use std::collections::BTreeSet;

use crate::rules::{Rules, rules};
use crate::util::abbrev::Class;
use crate::util::chars::{glued_sentence_end, in_address, is_ascii_space, is_mark};
use crate::{Lang, Span};

/// How far the splitter looks back for the word before a period and
/// forward for the word after it, in bytes.
const WINDOW: usize = 64;

/// Splits text into sentences, returned as trimmed byte [`Span`]s.
///
/// Handles abbreviations (titles, months, US states, `Corp.`/`Inc.`/`Ltd.`,
/// `No.` before numbers), initials and dotted abbreviations (`J. R. R.`,
/// `U.S.A.`), news times and dates (`10 a.m. Tuesday`, `4 p.m. EST`,
/// `Sept. 11`, `Sun. Nov. 21`, while `at 5 p.m. He left` splits), decimals
/// and versions, ellipses, terminal punctuation followed by closing quotes
/// or brackets, news datelines, inline and bulleted lists, headings, and
/// blank lines as hard boundaries. The abbreviation list can be extended
/// through [`SentenceSplitter::builder`].
///
/// # Example
///
/// ```
/// use dateline_tokenize::{SentenceSplitter, Span};
///
/// let text = "KYIV, July 23 (Reuters) – Mr. Smith met U.S. officials. \"It went well,\" he said.";
/// let spans = SentenceSplitter::new().split(text);
/// assert_eq!(spans, [Span::new(0, 57), Span::new(58, 82)]);
/// assert_eq!(&text[spans[1]], "\"It went well,\" he said.");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceSplitter {
    titles: BTreeSet<String>,
    abbreviations: BTreeSet<String>,
    // The language picks the built-in abbreviations, the words that start
    // sentences, and the date words that decide the period of "a.m." and
    // of a weekday abbreviation.
    lang: Lang,
}

impl SentenceSplitter {
    /// A splitter with the built-in abbreviation list.
    pub fn new() -> SentenceSplitter {
        SentenceSplitter::default()
    }

    /// A builder for extending the abbreviation list.
    pub fn builder() -> SentenceSplitterBuilder {
        SentenceSplitterBuilder::new()
    }

    /// The language whose abbreviations and rules this splitter follows.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The sentences of `text`, trimmed of surrounding whitespace.
    pub fn split(&self, text: &str) -> Vec<Span> {
        // Room for a sentence every 128 bytes (news runs one every 136):
        // collecting from empty regrew the list several times a text.
        let mut spans = Vec::with_capacity(text.len() / 128 + 1);
        spans.extend(self.sentences(text));
        spans
    }

    /// Lazily iterates over the sentences of `text`.
    pub fn sentences<'s, 't>(&'s self, text: &'t str) -> Sentences<'s, 't> {
        Sentences { splitter: self, rules: rules(self.lang), text, pos: 0, marker: None }
    }

    fn lookup(&self, rules: &Rules, word: &str) -> Option<Class> {
        if let Some(class) = rules.abbreviations.lookup(word) {
            return Some(class);
        }
        if self.titles.is_empty() && self.abbreviations.is_empty() {
            return None;
        }
        let lower = word.to_lowercase();
        if self.titles.contains(&lower) {
            Some(Class::Title)
        } else if self.abbreviations.contains(&lower) {
            Some(Class::General)
        } else {
            None
        }
    }
}

/// Extends a [`SentenceSplitter`]'s abbreviation list. Reusable.
///
/// # Example
///
/// ```
/// use dateline_tokenize::SentenceSplitter;
///
/// let text = "They met at Trafalgar Sq. in London. The Ven. Smith spoke.";
/// let plain = SentenceSplitter::new();
/// assert_eq!(plain.split(text).len(), 4);
/// let splitter = SentenceSplitter::builder().title("Ven").abbreviation("Sq.").build();
/// let sentences: Vec<&str> = splitter.sentences(text).map(|s| &text[s]).collect();
/// assert_eq!(sentences, ["They met at Trafalgar Sq. in London.", "The Ven. Smith spoke."]);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct SentenceSplitterBuilder {
    titles: BTreeSet<String>,
    abbreviations: BTreeSet<String>,
    lang: Lang,
}

impl SentenceSplitterBuilder {
    /// A builder with no extra abbreviations.
    pub fn new() -> SentenceSplitterBuilder {
        SentenceSplitterBuilder::default()
    }

    /// Adds an abbreviation such as `"Approx"` or `"Dept."` (the trailing
    /// period is optional; matching ignores case). A period after it ends a
    /// sentence only before a capitalized word.
    ///
    /// Note: built-in entries take precedence.
    pub fn abbreviation(&mut self, abbreviation: &str) -> &mut SentenceSplitterBuilder {
        if let Some(key) = normalize(abbreviation) {
            self.abbreviations.insert(key);
        }
        self
    }

    /// Adds several abbreviations, as [`abbreviation`](Self::abbreviation).
    pub fn abbreviations<I, S>(&mut self, abbreviations: I) -> &mut SentenceSplitterBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for abbreviation in abbreviations {
            self.abbreviation(abbreviation.as_ref());
        }
        self
    }

    /// Adds a title written before a name, such as `"Ven"` or `"Cllr."`:
    /// a period after it never ends a sentence before a capitalized word.
    pub fn title(&mut self, title: &str) -> &mut SentenceSplitterBuilder {
        if let Some(key) = normalize(title) {
            self.titles.insert(key);
        }
        self
    }

    /// Sets the language (default [`Lang::En`]).
    pub fn lang(&mut self, lang: Lang) -> &mut SentenceSplitterBuilder {
        self.lang = lang;
        self
    }

    /// Builds the splitter. Building never fails; entries that are empty or
    /// contain whitespace are ignored.
    pub fn build(&self) -> SentenceSplitter {
        SentenceSplitter {
            titles: self.titles.clone(),
            abbreviations: self.abbreviations.clone(),
            lang: self.lang,
        }
    }
}

fn normalize(abbreviation: &str) -> Option<String> {
    let key = abbreviation.trim().trim_end_matches('.');
    (!key.is_empty() && !key.contains(char::is_whitespace)).then(|| key.to_lowercase())
}

/// A list marker that opened a sentence: `1.`, `2)`, `a.`, `• 9.`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    Number(u32),
    Letter(u8),
    Bullet(char),
}

impl Marker {
    fn follows(self, previous: Marker) -> bool {
        match (previous, self) {
            (Marker::Number(a), Marker::Number(b)) => b == a + 1,
            (Marker::Letter(a), Marker::Letter(b)) => b == a + 1,
            (Marker::Bullet(a), Marker::Bullet(b)) => a == b,
            _ => false,
        }
    }
}

/// A lazy iterator over the sentence spans of a text, from
/// [`SentenceSplitter::sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'s, 't> {
    splitter: &'s SentenceSplitter,
    rules: &'static Rules,
    text: &'t str,
    pos: usize,
    // The list marker that opened the current or previous sentence.
    marker: Option<Marker>,
}

/// Flags the bytes of `word` (read little-endian) that may be
/// [`INTERESTING`], one high bit each: a byte below 0x40 other than a space
/// (punctuation, digits, control characters) or a byte of 0xC0 and above.
/// Every interesting byte is flagged, and no carry or borrow crosses a
/// byte, so each flag is exact and the flags can be walked with
/// `trailing_zeros`; some flagged bytes are not interesting (quotes,
/// hyphens), and the scan passes over them with one table lookup each.
#[inline]
fn candidate_flags(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Spaces become 0, other bytes below 0x40 stay below 0x40 and nonzero.
    let x = word ^ (ONES * 0x20);
    let low7 = x & !HIGHS;
    // Flags each byte with its high bit clear and 0 < x < 0x40.
    let below_0x40 = (ONES * (127 + 0x40)).wrapping_sub(low7) & !x & (low7 + ONES * 127) & HIGHS;
    // Flags each byte with its two top bits set.
    let lead = word & (word << 1) & HIGHS;
    below_0x40 | lead
}

/// The offset of the first [`INTERESTING`] byte of `bytes` from `i` on, or
/// the length of `bytes`.
///
/// Most bytes cannot end a sentence: runs of letters and spaces are passed
/// eight bytes at a time, and in the eight bytes that may hold one only
/// the flagged bytes are looked up (one table lookup each, where a loop
/// over all eight bytes mispredicted its exit at every candidate).
#[inline]
fn find_interesting(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut flags = candidate_flags(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        while flags != 0 {
            let at = i + flags.trailing_zeros() as usize / 8;
            if INTERESTING[bytes[at] as usize] {
                return at;
            }
            flags &= flags - 1;
        }
        i += 8;
    }
    let tail = bytes.get(i..).unwrap_or_default();
    tail.iter().position(|&b| INTERESTING[b as usize]).map_or(bytes.len(), |k| i + k)
}

/// Bytes where a sentence may end or a rule needs a look: terminators,
/// line breaks, digits (e-mail header stamps), `,` (closings), `)` (list
/// markers), `;` (in languages where a semicolon before a sentence starter
/// ends a sentence) and the lead bytes of non-ASCII chars, but for
/// [`HAN_LEADS`].
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(
            b as u8,
            b'.' | b'!' | b'?' | b'\n' | b'\r' | b',' | b')' | b';' | b'0'..=b'9'
        ) || b >= 0xC0 && !(b >= HAN_LEADS.0 as usize && b <= HAN_LEADS.1 as usize);
        b += 1;
    }
    table
};

/// The lead bytes of U+4000..=U+9FFF (CJK ideographs): no terminator, stop,
/// line break or bullet lies there, so Chinese text is passed over a byte
/// lookup at a time instead of a char decode and a match each.
const HAN_LEADS: (u8, u8) = (0xE4, 0xE9);

/// How [`Sentences::joined_abbreviation`] reads the word before a period.
#[derive(Clone, Copy)]
enum Reading {
    /// An abbreviation of this class.
    Abbreviation(Class),
    /// An ordinary word.
    Word,
}

/// What the scan found at a candidate position.
enum Decision {
    /// No sentence boundary; continue scanning at this offset.
    Continue(usize),
    /// The sentence ends at the first offset; the next one may start at the
    /// second.
    Break(usize, usize),
}

impl<'t> Sentences<'_, 't> {
    #[inline]
    fn byte(&self, i: usize) -> Option<u8> {
        self.text.as_bytes().get(i).copied()
    }

    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|s| s.chars().next_back())
    }

    fn skip_space(&self, mut i: usize) -> usize {
        while let Some(b) = self.byte(i) {
            if b < 0x80 {
                if !is_ascii_space(b) {
                    break;
                }
                i += 1;
            } else {
                match self.char_at(i) {
                    Some(c) if c.is_whitespace() => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        i
    }

    fn is_space_at(&self, i: usize) -> bool {
        match self.byte(i) {
            None => false,
            Some(b) if b < 0x80 => is_ascii_space(b),
            Some(_) => self.char_at(i).is_some_and(char::is_whitespace),
        }
    }

    /// Skips closing quotes and brackets from `i`.
    fn skip_closers(&self, mut i: usize) -> usize {
        // What follows most terminators, a space before a word or an ASCII
        // byte that closes nothing, is settled by its bytes.
        match self.byte(i) {
            None => return i,
            Some(b' ') if !matches!(self.byte(i + 1), Some(0xC2 | 0xE2)) => return i,
            Some(b) if b.is_ascii() && !matches!(b, b'"' | b'\'' | b')' | b']' | b'}' | b' ') => {
                return i;
            }
            _ => {}
        }
        while let Some(c) = self.char_at(i) {
            if matches!(c, ' ' | '\u{a0}' | '\u{202f}') {
                // French sets a closing guillemet off by a space: "pièce.
                // »". (Checked by its lead byte first: a space after a
                // terminator is the common case, and is no closer.)
                let after = i + c.len_utf8();
                if matches!(self.byte(after), Some(0xC2 | 0xE2))
                    && self.text[after..].starts_with(['»', '›'])
                {
                    i = after;
                    continue;
                }
                break;
            }
            // Two apostrophes are one closing quote, as in tokens.
            if self.text[i..].starts_with("''") {
                i += 2;
                while let Some(m) = self.char_at(i).filter(|&m| is_mark(m) || m == '\u{200D}') {
                    i += m.len_utf8();
                }
                continue;
            }
            // An apostrophe before a letter opens a word ("'s"), not a quote.
            let apostrophe_of_word = matches!(c, '\'' | '’')
                && self.char_at(i + c.len_utf8()).is_some_and(char::is_alphanumeric);
            if matches!(
                c,
                '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '」' | '』' | '）'
            ) && !apostrophe_of_word
            {
                i += c.len_utf8();
                // Marks stay with the char they follow, as in tokens.
                while let Some(m) = self.char_at(i).filter(|&m| is_mark(m) || m == '\u{200D}') {
                    i += m.len_utf8();
                }
            } else {
                break;
            }
        }
        i
    }

    /// The start of the whitespace-delimited chunk that ends at `i`
    /// (looking back at most [`WINDOW`] bytes).
    fn chunk_start(&self, i: usize, floor: usize) -> usize {
        let floor = floor.max(i.saturating_sub(WINDOW));
        let mut j = i;
        let bytes = self.text.as_bytes();
        while j > floor {
            // An ASCII byte is a whole char: no decoding (see `is_ascii_space`).
            if let Some(&b) = bytes.get(j - 1).filter(|b| b.is_ascii()) {
                if is_ascii_space(b) {
                    break;
                }
                j -= 1;
                continue;
            }
            let Some(c) = self.char_before(j) else { break };
            if c.is_whitespace() {
                break;
            }
            j -= c.len_utf8();
        }
        // Land on a char boundary even when the window cut a char.
        while !self.text.is_char_boundary(j) {
            j += 1;
        }
        j
    }

    /// The word that starts at `i` (letters, digits, apostrophes, at most
    /// [`WINDOW`] bytes), after skipping opening quotes and brackets.
    fn word_at(&self, i: usize) -> &'t str {
        let bytes = self.text.as_bytes();
        let mut s = i;
        // ASCII openers by their byte; only a non-ASCII byte is decoded.
        loop {
            match bytes.get(s) {
                Some(b'"' | b'\'' | b'(' | b'[') => s += 1,
                Some(&b) if b >= 0x80 => match self.char_at(s) {
                    Some(c @ ('“' | '‘' | '«' | '¿' | '¡')) => s += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        let mut e = s;
        while e < s + WINDOW {
            // An ASCII byte is a whole char: no decoding.
            if let Some(&b) = bytes.get(e).filter(|b| b.is_ascii()) {
                if !is_word_byte(b) {
                    break;
                }
                e += 1;
                continue;
            }
            match self.char_at(e) {
                Some(c) if c.is_alphanumeric() || c == '’' => e += c.len_utf8(),
                _ => break,
            }
        }
        &self.text[s..e]
    }

    /// Parses a list marker chunk such as `1.`, `12)`, `1.)`, `b.`.
    fn marker_of(chunk: &str) -> Option<Marker> {
        let body = chunk
            .strip_suffix(".)")
            .or_else(|| chunk.strip_suffix(')'))
            .or_else(|| chunk.strip_suffix('.'))?;
        let body = body.trim_start_matches(['•', '⁃', '◦', '▪', '‣', '-', '*']);
        if (1..=2).contains(&body.len()) && body.bytes().all(|b| b.is_ascii_digit()) {
            return body.parse().ok().map(Marker::Number);
        }
        match body.as_bytes() {
            [b] if b.is_ascii_lowercase() => Some(Marker::Letter(*b)),
            _ => None,
        }
    }

    /// The list marker (with an optional bullet before it) that starts at
    /// `i`, and the offset after it.
    fn marker_at(&self, i: usize) -> Option<(Marker, usize)> {
        // Most sentences open with a capital, which no marker does: an
        // ASCII first byte is judged by the test below without decoding.
        let first_byte = self.byte(i)?;
        if first_byte.is_ascii()
            && !(first_byte.is_ascii_digit()
                || first_byte.is_ascii_lowercase()
                || matches!(first_byte, b'-' | b'*'))
        {
            return None;
        }
        let first = self.char_at(i)?;
        let mut j = i;
        if is_bullet(first) {
            j = self.skip_space(i + first.len_utf8());
            let chunk_end = self.chunk_end(j);
            let chunk = &self.text[j..chunk_end];
            if let Some(marker) = Self::marker_of(chunk) {
                return Some((marker, chunk_end));
            }
            return Some((Marker::Bullet(first), i + first.len_utf8()));
        }
        // What `marker_of` accepts begins with one of these: most sentences
        // (and every Chinese one) are passed without scanning their first
        // chunk.
        if !(first.is_ascii_digit()
            || first.is_ascii_lowercase()
            || matches!(first, '•' | '⁃' | '◦' | '▪' | '‣' | '-' | '*'))
        {
            return None;
        }
        let end = self.chunk_end(j);
        let marker = Self::marker_of(&self.text[j..end])?;
        // A marker is followed by a space and not glued to a word.
        self.is_space_at(end).then_some((marker, end))
    }

    fn chunk_end(&self, mut i: usize) -> usize {
        let limit = i + WINDOW;
        let bytes = self.text.as_bytes();
        while i < limit {
            // An ASCII byte is a whole char: no decoding.
            if let Some(&b) = bytes.get(i).filter(|b| b.is_ascii()) {
                if is_ascii_space(b) {
                    break;
                }
                i += 1;
                continue;
            }
            match self.char_at(i) {
                Some(c) if !c.is_whitespace() => i += c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    /// The number of words in `start..i`, counting up to 5.
    fn words_before(&self, start: usize, i: usize) -> usize {
        let end = i.min(start + 2 * WINDOW);
        let end = (end..=i).find(|&e| self.text.is_char_boundary(e)).unwrap_or(i);
        self.text[start..end].split_whitespace().take(5).count()
    }

    /// Decides the terminator run of ASCII `.` `!` `?` at `i`.
    fn terminator(&mut self, start: usize, i: usize) -> Decision {
        let bytes = self.text.as_bytes();
        let mut j = i;
        while matches!(self.byte(j), Some(b'.' | b'!' | b'?')) {
            j += 1;
        }
        let run = &bytes[i..j];
        // A spaced ellipsis ". . ." continues the run.
        let mut dots = if run.iter().all(|&b| b == b'.') { run.len() } else { 0 };
        let mut spaced = 0;
        let mut after = j;
        if run == b"." {
            while self.byte(after) == Some(b' ') && self.byte(after + 1) == Some(b'.') {
                after += 2;
                spaced += 1;
                dots += 1;
            }
        }
        let attached = i > 0 && !self.is_space_at(i - 1) && i > start;
        if spaced >= 2 {
            let end = self.skip_closers(after);
            if i == start {
                // An ellipsis opening a sentence (". . . The practice").
                return Decision::Continue(end);
            }
            let next = self.skip_space(end);
            if next >= self.text.len() {
                return Decision::Break(end, next);
            }
            let word = self.word_at(next);
            let capital = word.starts_with(char::is_uppercase);
            if attached && dots == 4 && capital {
                // "compounds. . . . The": the period ends the sentence and
                // the ellipsis opens the next one.
                return Decision::Break(i + 1, i + 1);
            }
            if capital && (dots >= 4 || !is_pronoun_i(word)) {
                return Decision::Break(end, next);
            }
            return Decision::Continue(end);
        }
        let end = self.skip_closers(after);
        let closed = end > after;
        if end < self.text.len() && !self.is_space_at(end) {
            let letters =
                bytes[..i].iter().rev().take(WINDOW).take_while(|b| b.is_ascii_alphabetic());
            let from = i - letters.count();
            // Not inside a web or e-mail address, which is one token.
            if run == b"."
                && from >= start
                && glued_sentence_end(bytes, from, i)
                && !in_address(bytes, from)
            {
                return Decision::Break(i + 1, i + 1);
            }
            return Decision::Continue(end);
        }
        let next = self.skip_space(end);
        if next >= self.text.len() {
            return Decision::Break(end, next);
        }
        if self.rules.dash_continues
            && self.byte(next) == Some(b'-')
            && self.dash_continues(start, i, next)
        {
            return Decision::Continue(next);
        }
        if self.rules.punctuation.dialogue_dash && self.dialogue_dash(next) {
            // "Где ты? -- кричу я": the author's words after direct speech.
            return Decision::Continue(next);
        }
        let word = self.word_at(next);
        let next_char = self.char_at(next).unwrap_or(' ');
        let lower = word.starts_with(char::is_lowercase);
        let upper = word.starts_with(char::is_uppercase);
        let digit = next_char.is_ascii_digit();
        if starts_with_emoticon(&self.text[next..]) {
            // "Loved it! :)" -- the emoticon belongs to the sentence.
            return Decision::Continue(next);
        }
        if run.iter().any(|&b| b == b'!' || b == b'?') {
            // "where? why" and "great game! large selection" (web text
            // often skips capitals), but "Yahoo! in": a capitalized name
            // before "!" keeps it.
            let question = run.last() == Some(&b'?');
            let from = self.chunk_start(i, start);
            let name = self.text[from..i]
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase);
            return if lower && (closed || (!question && name)) {
                Decision::Continue(end)
            } else {
                Decision::Break(end, next)
            };
        }
        if dots >= 2 || (dots == 3 && !closed) {
            // "..", "...", "....": a break before a capitalized word other
            // than "I" (and always after four or more dots).
            // An ellipsis opening a sentence ("[...] It is") stays with it.
            let opening = !self.text[start..i].contains(char::is_alphanumeric);
            return if next_char.is_uppercase() && (dots >= 4 || !is_pronoun_i(word)) && !opening {
                Decision::Break(end, next)
            } else {
                Decision::Continue(end)
            };
        }
        // A single period.
        let chunk_from = self.chunk_start(i, start);
        let chunk = &self.text[chunk_from..i];
        let word_before = chunk.trim_start_matches(|c: char| !c.is_alphanumeric());
        // An inline list marker ("item 2. The") opens a new sentence.
        if let Some(marker) = Self::marker_of(&self.text[chunk_from..i + 1])
            && (chunk_from == start || self.marker.is_some_and(|m| marker.follows(m)))
        {
            if chunk_from > start {
                return Decision::Break(chunk_from, chunk_from);
            }
            self.marker = Some(marker);
            return Decision::Continue(end);
        }
        if closed {
            return if lower { Decision::Continue(end) } else { Decision::Break(end, next) };
        }
        if word_before.is_empty() {
            return if lower { Decision::Continue(end) } else { Decision::Break(end, next) };
        }
        // The pieces after the last '.' and after the last '-' or '/': the
        // separators are ASCII, so a reverse byte search finds them (char
        // searches, with their set-up, cost 3M instructions over 3 MB of
        // news).
        let after_last = |stop: fn(u8) -> bool| {
            &word_before[word_before.bytes().rposition(stop).map_or(0, |at| at + 1)..]
        };
        let last = after_last(|b| b == b'.');
        // "anti-U.S", "11a.m": the dotted part after a prefix or a number.
        let dotted_part =
            after_last(|b| b == b'-' || b == b'/').trim_start_matches(|c: char| c.is_ascii_digit());
        let dotted = dotted_part.contains('.')
            && dotted_part
                .split('.')
                .all(|s| (1..=2).contains(&s.len()) && s.chars().all(char::is_alphabetic));
        let joined = if self.rules.punctuation.non_ascii_initials {
            self.joined_abbreviation(start, chunk_from, word_before, dotted_part, dotted)
        } else {
            None
        };
        if let Some(Reading::Word) = joined {
            // "кричу я. Светка": a lowercase letter that is no
            // abbreviation is a word, and its period ends the sentence.
            return Decision::Break(end, next);
        }
        if joined.is_some() {
            // Decided by its class below.
        } else if dotted {
            let lower_word = dotted_part.to_ascii_lowercase();
            if matches!(lower_word.as_str(), "e.g" | "i.e" | "cf" | "viz") {
                return Decision::Continue(end);
            }
            if self.rules.dates.is_meridiem(dotted_part) {
                return self.after_meridiem(start, chunk_from, end, next, word);
            }
            return if upper && self.rules.is_starter(word) {
                Decision::Break(end, next)
            } else {
                Decision::Continue(end)
            };
        } else if last.len() == word_before.len() && is_one_letter(last) {
            // Initials, "p. 55", and the pronoun "I".
            if last == "I" {
                let before = self.chunk_start(chunk_from.saturating_sub(1), start);
                let prev = self.text[before..chunk_from].trim();
                if !prev.starts_with(char::is_uppercase) {
                    return if lower {
                        Decision::Continue(end)
                    } else {
                        Decision::Break(end, next)
                    };
                }
            }
            return if upper && self.rules.is_starter(word) {
                Decision::Break(end, next)
            } else {
                Decision::Continue(end)
            };
        } else if self.rules.ordinal_dot
            && (1..=3).contains(&word_before.len())
            && word_before.bytes().all(|b| b.is_ascii_digit())
        {
            // "am 23. Juli", "der 2. Weltkrieg", "zum 67. meines Vaters": an
            // ordinal's period, unless a word that starts sentences follows.
            return if upper && self.rules.is_starter(word) {
                Decision::Break(end, next)
            } else {
                Decision::Continue(end)
            };
        }
        let class = match joined {
            Some(Reading::Abbreviation(class)) => Some(class),
            _ => self.splitter.lookup(self.rules, word_before),
        };
        match class {
            // "5 p.m. ET. There": a zone after a time is not "et." or "Mt.",
            // nor "est." before a quote, and ends the sentence unless a
            // lowercase word follows. Other zones already end sentences like
            // ordinary words, so only abbreviations need the zone check.
            Some(Class::Title | Class::General)
                if self.rules.dates.is_time_zone(word_before)
                    && self.follows_time(start, chunk_from) =>
            {
                if lower {
                    Decision::Continue(end)
                } else {
                    Decision::Break(end, next)
                }
            }
            Some(Class::Title) => Decision::Continue(end),
            Some(Class::BeforeNumber | Class::Month) if digit => Decision::Continue(end),
            // "Sun. Nov. 21: Runoff elections take place."
            Some(Class::Weekday) if self.month_and_day_at(word) => Decision::Continue(end),
            Some(Class::General | Class::Month | Class::Weekday) => {
                // Where nouns are capitalized (German), only a sentence
                // starter says that a new sentence began: "3 Std. Anfahrt".
                if next_char.is_uppercase()
                    && (!self.rules.capitalized_nouns || self.rules.is_starter(word))
                {
                    Decision::Break(end, next)
                } else {
                    Decision::Continue(end)
                }
            }
            // Web text often starts sentences in lowercase ("the dog. i
            // want it"), so an unknown word's period ends a sentence even
            // before a lowercase word; abbreviations are in the table.
            _ => Decision::Break(end, next),
        }
    }

    /// Whether the dash at `next`, after the terminator at `i`, carries
    /// the sentence on: a dash before punctuation closes an interjected
    /// phrase ("¿Por qué? -, se pregunta", "? - -. Ha salido"), and a date
    /// before the terminator heads a chronology entry ("6 de julio. -
    /// Barak presenta").
    fn dash_continues(&self, start: usize, i: usize, next: usize) -> bool {
        let mut j = next;
        while matches!(self.byte(j), Some(b'-' | b' ')) && j < next + 8 {
            j += 1;
        }
        if matches!(self.byte(j), Some(b',' | b'.' | b';')) {
            return true;
        }
        let from = self.chunk_start(i, start);
        let before = self.text[from..i].trim_start_matches(|c: char| !c.is_alphanumeric());
        self.rules.dates.is_month(before)
    }

    /// How to read the word before a period in a language whose single
    /// non-ASCII letters are initials, where the word and its neighbours
    /// say more than the word alone: a multi-part abbreviation ("т. д.",
    /// "т.е.", "до н. е.", "т. зв.") is looked up with its parts joined by
    /// periods; a single letter after a number ("1998 г.", "2016 р.", "XX
    /// в.") is the abbreviation the table lists, not an initial; a single
    /// lowercase letter is an abbreviation when listed ("т.", "м.") and
    /// otherwise a word ("я", "в"), since initials are capitals. `None`
    /// leaves the word to the usual rules.
    fn joined_abbreviation(
        &self,
        start: usize,
        chunk_from: usize,
        word_before: &str,
        dotted_part: &str,
        dotted: bool,
    ) -> Option<Reading> {
        let table = &self.rules.abbreviations;
        if dotted {
            return table.lookup(dotted_part).map(Reading::Abbreviation);
        }
        let mut chars = word_before.chars();
        let letter = chars.next().filter(|c| !c.is_ascii() && c.is_alphabetic());
        let single = letter.is_some() && chars.next().is_none();
        if single && letter.is_some_and(char::is_lowercase) && table.lookup(word_before).is_none() {
            return Some(Reading::Word);
        }
        if word_before.is_empty() || chunk_from <= start {
            return None;
        }
        let before = self.text[start..chunk_from].trim_end();
        let from = self.chunk_start(before.len() + start, start);
        let previous = &self.text[from..start + before.len()];
        // Multi-part abbreviations end in lowercase ("т. д.", "н. э."); a
        // capital is an initial ("Н. Э. Ончуков").
        if let Some(letter) = previous.strip_suffix('.')
            && is_one_letter(letter)
            && word_before.starts_with(char::is_lowercase)
        {
            let mut buf = [0u8; 24];
            let (a, b) = (letter.len(), word_before.len());
            let joined = buf.get_mut(..a + 1 + b)?;
            joined[..a].copy_from_slice(letter.as_bytes());
            joined[a] = b'.';
            joined[a + 1..].copy_from_slice(word_before.as_bytes());
            if let Some(class) = table.lookup(core::str::from_utf8(joined).ok()?) {
                return Some(Reading::Abbreviation(class));
            }
        }
        let number = previous.bytes().all(|b| b.is_ascii_digit())
            || previous.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'));
        if single && (number || letter.is_some_and(char::is_lowercase)) {
            table.lookup(word_before).map(Reading::Abbreviation)
        } else {
            None
        }
    }

    /// Whether a dash and a lowercase word start at `next`: the author's
    /// words after direct speech ("-- кричу я", "— спитав він").
    fn dialogue_dash(&self, next: usize) -> bool {
        let rest = &self.text[next..];
        let Some(after) = rest.strip_prefix("--").or_else(|| rest.strip_prefix(['—', '–', '-']))
        else {
            return false;
        };
        let trimmed = after.trim_start_matches([' ', '\u{a0}']);
        trimmed.len() < after.len() && trimmed.starts_with(char::is_lowercase)
    }

    /// Whether the semicolon at `i` closes an HTML character reference
    /// ("&#39;", "&amp;").
    fn closes_reference(&self, i: usize) -> bool {
        let bytes = self.text.as_bytes();
        let floor = i.saturating_sub(10);
        let mut j = i;
        while j > floor && bytes[j - 1].is_ascii_alphanumeric() {
            j -= 1;
        }
        if j > 0 && bytes[j - 1] == b'#' {
            j -= 1;
        }
        j < i && j > 0 && bytes[j - 1] == b'&'
    }

    /// Decides the period of "a.m." or "p.m." by the class of the
    /// capitalized word after it: a weekday, a month before its day, a time
    /// zone or a zone phrase carries the time on ("10 a.m. Tuesday", "4
    /// p.m. EST", "2 a.m. Eastern Time"); a word that commonly starts a
    /// sentence ends it ("at 5 p.m. He left"); any other capitalized word
    /// ends it unless the sentence so far is a short opener ("At 5 a.m. Mr.
    /// Smith went").
    fn after_meridiem(
        &self,
        start: usize,
        chunk_from: usize,
        end: usize,
        next: usize,
        word: &'t str,
    ) -> Decision {
        let dates = self.rules.dates;
        let carries_on = !word.starts_with(char::is_uppercase)
            || dates.is_time_zone(word)
            || dates.is_weekday(word)
            || (dates.is_weekday_abbreviation(word)
                && self.byte(self.offset_of(word) + word.len()) == Some(b'.'))
            || self.month_and_day_at(word)
            || self.zone_phrase_at(word);
        let ends = !carries_on
            && (self.rules.is_starter(word) || self.words_before(start, chunk_from) > 3);
        if ends { Decision::Break(end, next) } else { Decision::Continue(end) }
    }

    /// The byte offset of `word`, a slice of the text.
    fn offset_of(&self, word: &str) -> usize {
        word.as_ptr() as usize - self.text.as_ptr() as usize
    }

    /// Whether `word` (from [`word_at`](Self::word_at)) is a month followed
    /// by a day number: "Nov. 21", "Jan 5", "September 11".
    fn month_and_day_at(&self, word: &str) -> bool {
        if !self.rules.dates.is_month(word) {
            return false;
        }
        let mut after = self.offset_of(word) + word.len();
        if self.byte(after) == Some(b'.') {
            after += 1;
        }
        self.is_space_at(after)
            && self.byte(self.skip_space(after)).is_some_and(|b| b.is_ascii_digit())
    }

    /// Whether `word` opens a zone phrase: capitalized words closed by a
    /// zone head, "Eastern Time", "Pacific Daylight Time", "Moscow time".
    fn zone_phrase_at(&self, word: &'t str) -> bool {
        let dates = self.rules.dates;
        let mut word = word;
        for n in 0..4 {
            if n > 0 && dates.is_zone_head(word) {
                return true;
            }
            if !word.starts_with(char::is_uppercase) {
                return false;
            }
            let end = self.offset_of(word) + word.len();
            if !self.is_space_at(end) {
                return false;
            }
            word = self.word_at(self.skip_space(end));
        }
        false
    }

    /// Whether the chunk before `chunk_from` is a time: "p.m.", "11a.m.",
    /// "17:00".
    fn follows_time(&self, start: usize, chunk_from: usize) -> bool {
        let mut e = chunk_from;
        while e > start {
            match self.char_before(e) {
                Some(c) if c.is_whitespace() => e -= c.len_utf8(),
                _ => break,
            }
        }
        if e == chunk_from || e <= start {
            return false;
        }
        let chunk = &self.text[self.chunk_start(e, start)..e];
        let time = chunk.trim_end_matches('.').trim_start_matches(|c: char| c.is_ascii_digit());
        self.rules.dates.is_meridiem(time)
            || (chunk.contains(':') && chunk.bytes().all(|b| b.is_ascii_digit() || b == b':'))
    }

    /// An e-mail header time stamp at `i`, `04/26/2001 07:17 AM` (the
    /// seconds and AM/PM optional); returns its end.
    fn header_stamp(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let digits = |at: usize, min: usize, max: usize| -> Option<usize> {
            let n =
                bytes.get(at..)?.iter().take(max + 1).take_while(|b| b.is_ascii_digit()).count();
            (min..=max).contains(&n).then_some(at + n)
        };
        let expect = |at: usize, b: u8| (bytes.get(at) == Some(&b)).then_some(at + 1);
        let mut j = digits(i, 1, 2)?;
        j = digits(expect(j, b'/')?, 1, 2)?;
        j = digits(expect(j, b'/')?, 2, 4)?;
        j = digits(expect(j, b' ')?, 1, 2)?;
        j = digits(expect(j, b':')?, 2, 2)?;
        if let Some(k) = expect(j, b':').and_then(|k| digits(k, 2, 2)) {
            j = k;
        }
        let k = if bytes.get(j) == Some(&b' ') { j + 1 } else { j };
        if let Some(m) = bytes.get(k..k + 2)
            && (m.eq_ignore_ascii_case(b"AM") || m.eq_ignore_ascii_case(b"PM"))
        {
            j = k + 2;
        }
        Some(j)
    }

    /// The sentence end at a stop of the language (`rules.stops`) at `i`:
    /// a run of stops and `!?`, the closing quotes and brackets after it,
    /// and another run after those ("呢？”。") end one sentence.
    fn stop(&self, i: usize) -> Decision {
        let mut end = i;
        loop {
            while let Some(c) =
                self.char_at(end).filter(|c| self.rules.stops.contains(c) || matches!(c, '!' | '?'))
            {
                end += c.len_utf8();
                // Marks stay with the char they follow, as in tokens (which
                // keep them apart from `!`, `?` and `…`).
                while let Some(m) = self
                    .char_at(end)
                    .filter(|&m| (is_mark(m) || m == '\u{200D}') && !matches!(c, '!' | '?' | '…'))
                {
                    end += m.len_utf8();
                }
            }
            let after = self.skip_closers(end);
            let again = self.char_at(after).is_some_and(|c| self.rules.stops.contains(&c));
            end = after;
            if !again {
                break;
            }
        }
        Decision::Break(end, self.skip_space(end))
    }

    /// Decides a line break at `i` (a `\n`, `\r`, or other line separator).
    fn line_break(&self, start: usize, line_start: usize, i: usize, len: usize) -> Decision {
        let mut j = i + len;
        // Blank line: only spaces and tabs before the next line break.
        while matches!(self.byte(j), Some(b' ' | b'\t' | b'\r')) {
            j += 1;
        }
        let next = self.skip_space(j);
        if matches!(self.byte(j), Some(b'\n') | None) || self.text[j..].starts_with('\u{2029}') {
            return Decision::Break(i, next);
        }
        if next >= self.text.len() {
            return Decision::Break(i, next);
        }
        let line = self.text[line_start.max(start)..i].trim_end();
        if line.is_empty() {
            return Decision::Continue(j);
        }
        if self.marker_at(next).is_some()
            || matches!(self.text.as_bytes()[next..], [b'-' | b'*', b' ' | b'\t', ..])
            || self.text[next..].starts_with("– ")
            || self.text[next..].starts_with("— ")
        {
            // The next line is a list item: "- Prices rose".
            return Decision::Break(i, next);
        }
        let last = line.chars().next_back().unwrap_or(' ');
        if matches!(last, ',' | ';' | '-' | '–' | '—' | '(' | '&' | '/' | ':') {
            return Decision::Continue(j);
        }
        let word = self.word_at(next);
        if word.starts_with(char::is_lowercase) {
            return Decision::Continue(j);
        }
        // A dateline on its own line ("KYIV, July 23 (Reuters)") stays with
        // the sentence it introduces.
        if last == ')' && line.split_whitespace().next().is_some_and(is_all_caps) {
            return Decision::Continue(j);
        }
        if line.len() >= 60 && !word.is_empty() {
            // A long line without final punctuation is wrapped prose.
            return Decision::Continue(j);
        }
        Decision::Break(i, next)
    }
}

/// Whether `rest` starts with an ASCII emoticon such as `:)` or `:-P`.
fn starts_with_emoticon(rest: &str) -> bool {
    let b = rest.as_bytes();
    let mouth = match b {
        [b':' | b';' | b'=', b'-', m, ..] | [b':' | b';' | b'=', m, ..] => *m,
        _ => return false,
    };
    matches!(mouth, b')' | b'(' | b'D' | b'P' | b'p' | b'/' | b'|' | b']' | b'[')
}

/// Whether `text` is an e-mail closing such as "Regards" or "Thanks".
fn is_salutation(text: &str) -> bool {
    const CLOSINGS: &[&str] = &[
        "best regards",
        "best wishes",
        "cheers",
        "kind regards",
        "regards",
        "sincerely",
        "warm regards",
        "yours truly",
    ];
    CLOSINGS.iter().any(|c| c.eq_ignore_ascii_case(text))
}

/// Whether ASCII byte `b` belongs to a word for [`Sentences::word_at`]: a
/// letter, a digit or an apostrophe (one table lookup, where the three
/// range tests cost a branch each on the hottest loop of a period).
#[inline]
fn is_word_byte(b: u8) -> bool {
    static WORD_BYTES: [bool; 128] = {
        let mut table = [false; 128];
        let mut b = 0;
        while b < 128 {
            table[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
            b += 1;
        }
        table
    };
    WORD_BYTES[b as usize & 0x7F]
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '◦' | '▪' | '‣' | '●' | '■')
}

fn is_all_caps(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '-' || c == '.')
}

/// Whether `word` is a single letter (a pair of `chars` reads, where
/// counting the chars of every word before a period cost a loop each).
fn is_one_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

fn is_pronoun_i(word: &str) -> bool {
    word == "I" || word.starts_with("I'") || word.starts_with("I’")
}

impl Iterator for Sentences<'_, '_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let start = self.skip_space(self.pos);
        if start >= self.text.len() {
            self.pos = self.text.len();
            return None;
        }
        // A sentence that opens with a list marker remembers it, so that
        // the next marker in sequence starts the next sentence.
        let mut i = start;
        let mut bullet = None;
        match self.marker_at(start) {
            Some((Marker::Bullet(b), end)) => {
                bullet = Some(b);
                self.marker = Some(Marker::Bullet(b));
                i = end;
            }
            Some((marker, end)) => {
                if let Some(c) = self.char_at(start).filter(|&c| is_bullet(c)) {
                    bullet = Some(c);
                }
                self.marker = Some(marker);
                i = end;
            }
            None => {}
        }
        let mut line_start = start;
        let bytes = self.text.as_bytes();
        let (end, next) = loop {
            i = find_interesting(bytes, i);
            let Some(&b) = bytes.get(i) else { break (self.text.len(), self.text.len()) };
            let decision = if b < 0x80 {
                match b {
                    b'.' | b'!' | b'?' => self.terminator(start, i),
                    b'\n' => self.line_break(start, line_start, i, 1),
                    b'\r' if self.byte(i + 1) != Some(b'\n') => {
                        self.line_break(start, line_start, i, 1)
                    }
                    b'0'..=b'9' if i > 0 && is_ascii_space(bytes[i - 1]) => {
                        match self.header_stamp(i) {
                            // "Kay Mann 04/26/2001 07:17 AM Will you ...": an
                            // e-mail header's date and time is a sentence of its own.
                            Some(end) if i > start => {
                                // Not after "on" or "at": "posted at 3/9/2005 11:16 PM".
                                let from = self.chunk_start(i - 1, start);
                                if self.text[from..i].starts_with(char::is_lowercase) {
                                    Decision::Continue(end)
                                } else {
                                    Decision::Break(i, i)
                                }
                            }
                            Some(end) if self.is_space_at(end) => {
                                Decision::Break(end, self.skip_space(end))
                            }
                            Some(end) => Decision::Continue(end),
                            None => Decision::Continue(i + 1),
                        }
                    }
                    b',' if i - start <= 16 && is_salutation(&self.text[start..i]) => {
                        // "Best regards, Debra": the closing is a sentence.
                        let next = self.skip_space(i + 1);
                        if self.char_at(next).is_some_and(char::is_uppercase) {
                            Decision::Break(i + 1, next)
                        } else {
                            Decision::Continue(i + 1)
                        }
                    }
                    b';' if self.rules.semicolon_before_starter => {
                        // "…exister ; Le poème": French, German and Spanish
                        // write a lowercase word after a semicolon, so a
                        // sentence starter there begins a new sentence.
                        let next = self.skip_space(i + 1);
                        let word = self.word_at(next);
                        if next > i + 1
                            && word.starts_with(char::is_uppercase)
                            && self.rules.is_starter(word)
                            && !(self.rules.punctuation.character_references
                                && self.closes_reference(i))
                        {
                            Decision::Break(i + 1, next)
                        } else {
                            Decision::Continue(i + 1)
                        }
                    }
                    b')' => {
                        // Inline "2) The second item". Only a marker that
                        // follows the one before counts: with none before,
                        // the chunk is not read.
                        let from =
                            if self.marker.is_some() { self.chunk_start(i, start) } else { start };
                        let inline = from > start
                            && Self::marker_of(&self.text[from..i + 1])
                                .is_some_and(|m| self.marker.is_some_and(|p| m.follows(p)))
                            && self.is_space_at(i + 1);
                        if inline { Decision::Break(from, from) } else { Decision::Continue(i + 1) }
                    }
                    _ => Decision::Continue(i + 1),
                }
            } else {
                let c = self.char_at(i).unwrap_or(' ');
                let len = c.len_utf8();
                match c {
                    c if self.rules.stops.contains(&c) => self.stop(i),
                    '\u{2029}' | '\u{2028}' | '\u{85}' => {
                        self.line_break(start, line_start, i, len)
                    }
                    '。' | '！' | '？' | '｡' => {
                        // Marks stay with the char they follow, as in tokens.
                        let mut after = i + len;
                        while let Some(m) =
                            self.char_at(after).filter(|&m| is_mark(m) || m == '\u{200D}')
                        {
                            after += m.len_utf8();
                        }
                        let end = self.skip_closers(after);
                        Decision::Break(end, self.skip_space(end))
                    }
                    '…' | '‼' | '⁇' | '⁈' | '⁉' => {
                        let mut j = i + len;
                        while let Some(c) =
                            self.char_at(j).filter(|c| matches!(c, '…' | '.' | '!' | '?'))
                        {
                            j += c.len_utf8();
                        }
                        let end = self.skip_closers(j);
                        let next = self.skip_space(end);
                        if end < self.text.len() && !self.is_space_at(end) {
                            Decision::Continue(end)
                        } else if next >= self.text.len() {
                            Decision::Break(end, next)
                        } else {
                            let word = self.word_at(next);
                            if word.starts_with(char::is_uppercase) && !is_pronoun_i(word) {
                                Decision::Break(end, next)
                            } else {
                                Decision::Continue(end)
                            }
                        }
                    }
                    c if bullet == Some(c) && i > start && self.is_space_at(i - 1) => {
                        Decision::Break(i, i)
                    }
                    _ => Decision::Continue(i + len),
                }
            };
            match decision {
                Decision::Continue(j) => {
                    if b == b'\n' || b == b'\r' {
                        line_start = j;
                    }
                    i = j.max(i + 1);
                    while !self.text.is_char_boundary(i) {
                        i += 1;
                    }
                }
                Decision::Break(end, next) if end > start => break (end, next.max(end)),
                Decision::Break(..) => {
                    i += 1;
                    while !self.text.is_char_boundary(i) {
                        i += 1;
                    }
                }
            }
        };
        self.pos = next;
        let trimmed = self.text[start..end].trim_end();
        Some(Span::new(start, start + trimmed.len()))
    }
}

impl FusedIterator for Sentences<'_, '_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::new().sentences(text).map(|s| &text[s]).collect()
    }

    #[test]
    fn no_char_a_rule_looks_at_is_passed_over_as_han() {
        let han = '\u{4000}'..='\u{9FFF}';
        let mut utf8 = [0; 4];
        assert!(han.start().encode_utf8(&mut utf8).as_bytes()[0] == HAN_LEADS.0);
        assert!(han.end().encode_utf8(&mut utf8).as_bytes()[0] == HAN_LEADS.1);
        for lang in Lang::ALL {
            let stops = rules(lang).stops;
            assert!(!stops.iter().any(|c| han.contains(c)), "{lang:?} stops on a Han char");
        }
        let looked_at =
            ['\u{2029}', '\u{2028}', '\u{85}', '。', '！', '？', '｡', '…', '‼', '⁇', '⁈', '⁉'];
        let bullets = ['•', '⁃', '◦', '▪', '‣', '●', '■'];
        for c in looked_at.into_iter().chain(bullets) {
            assert!(!han.contains(&c), "{c}");
            assert!(INTERESTING[c.encode_utf8(&mut utf8).as_bytes()[0] as usize], "{c}");
        }
        assert!(bullets.into_iter().all(is_bullet));
        assert_eq!(split("他说。我们走吧！好"), ["他说。", "我们走吧！", "好"]);
    }

    #[test]
    fn letters_and_spaces_are_skipped_eight_at_a_time() {
        for plain in [*b"the news", *b"NATO met", *b"        ", *b"Xyz_~{|}", *b"a@b[c]d`"] {
            assert_eq!(candidate_flags(u64::from_le_bytes(plain)), 0, "{plain:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn no_interesting_byte_is_skipped(bytes in proptest::array::uniform8(proptest::num::u8::ANY)) {
            let flags = candidate_flags(u64::from_le_bytes(bytes));
            for (k, &b) in bytes.iter().enumerate() {
                let flagged = flags >> (8 * k) & 0xFF;
                // Exactly the bytes below 0x40 but space, and those from
                // 0xC0, each by its high bit alone.
                let expected = (b < 0x40 && b != b' ') || b >= 0xC0;
                proptest::prop_assert_eq!(flagged, if expected { 0x80 } else { 0 });
                if INTERESTING[b as usize] {
                    proptest::prop_assert!(expected);
                }
            }
        }

        #[test]
        fn finds_the_first_interesting_byte(text in "[a-zA-Z .,;!?\"'()0-9\n-]{0,40}|.{0,12}", from in 0usize..41) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let naive = bytes[from..].iter().position(|&b| INTERESTING[b as usize]);
            proptest::prop_assert_eq!(find_interesting(bytes, from), naive.map_or(bytes.len(), |k| from + k));
        }
    }

    #[test]
    fn basics() {
        assert_eq!(split("Hello World. My name is Jonas."), ["Hello World.", "My name is Jonas."]);
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split("  \n\n "), Vec::<&str>::new());
        assert_eq!(split("One\n\nTwo"), ["One", "Two"]);
        assert_eq!(split("Mr. Smith went to Washington."), ["Mr. Smith went to Washington."]);
    }

    #[test]
    fn lists() {
        assert_eq!(
            split("1. The first item 2. The second item"),
            ["1. The first item", "2. The second item"]
        );
        assert_eq!(
            split("a. The first item b. The second item"),
            ["a. The first item", "b. The second item"]
        );
    }
}
