//! The lazy token iterator: a single forward scan over the text.
//!
//! ASCII bytes are classified with a lookup table; only non-ASCII chars are
//! decoded, and only emoji go through `unicode-segmentation` (for grapheme
//! clusters). Every decision looks at a bounded neighbourhood of the current
//! token, so the scan is linear in the length of the text.

use core::iter::FusedIterator;

use unicode_segmentation::UnicodeSegmentation;

use crate::rules::{Apostrophe, Hyphens, Rules, WordSplit, english_split, rules};
use crate::segment::{Scratch, Segmenter, is_numeral};
use crate::util::abbrev::Class;
use crate::util::chars::{
    alnum_prefix_len, glued_sentence_end, in_address, is_apostrophe, is_ascii_alnum,
    is_ascii_space, is_emoji, is_mark, is_single_char_word, is_word_char_non_ascii, punct_kind,
};
use crate::{Lang, Mode, Span, Token, TokenKind, is_word_char};

/// A lazy iterator over the [`Token`]s of a text, from
/// [`Tokenizer::tokens`](crate::Tokenizer::tokens).
#[derive(Clone, Debug)]
pub struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    mode: Mode,
    lang: Lang,
    // The language's tables.
    rules: &'static Rules,
    // The multi-word token entry (and whether it is capitalized) of the
    // token `scan` just found.
    multiword: Option<(usize, bool)>,
    // No e-mail address starts before this offset: the local-part run that
    // was last examined ends here without a valid `@domain`, and every start
    // inside that run would reach the same end.
    email_guard: usize,
    // The offset of the next `@` at or after `email_guard`'s last update
    // (the text length when there is none).
    next_at: usize,
    // In a language with a segmenter, once it met Han text: the Han run
    // being cut (boxed, so that the iterator of other languages stays
    // small).
    segments: Option<Box<Scratch>>,
}

impl<'t> Tokens<'t> {
    pub(crate) fn new(text: &'t str, mode: Mode, lang: Lang) -> Tokens<'t> {
        let next_at = memchr::memchr(b'@', text.as_bytes()).unwrap_or(text.len());
        Tokens {
            text,
            pos: 0,
            mode,
            lang,
            rules: rules(lang),
            multiword: None,
            email_guard: 0,
            next_at,
            segments: None,
        }
    }

    /// The text being tokenized.
    pub fn text(&self) -> &'t str {
        self.text
    }

    #[inline]
    fn byte(&self, i: usize) -> Option<u8> {
        self.text.as_bytes().get(i).copied()
    }

    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    /// The char that ends just before byte `i`.
    #[inline]
    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|s| s.chars().next_back())
    }

    /// Whether a word char starts at `i`.
    #[inline]
    fn word_char_at(&self, i: usize) -> bool {
        match self.byte(i) {
            None => false,
            Some(b) if b < 0x80 => is_ascii_alnum(b),
            Some(_) => self.char_at(i).is_some_and(is_word_char_non_ascii),
        }
    }

    /// Whether a letter (not a digit) starts at `i`.
    #[inline]
    fn letter_at(&self, i: usize) -> bool {
        match self.byte(i) {
            None => false,
            Some(b) if b < 0x80 => b.is_ascii_alphabetic(),
            Some(_) => self.char_at(i).is_some_and(char::is_alphabetic),
        }
    }

    /// Whether `i` ends a word: end of text or a non-word char.
    #[inline]
    fn word_ends_at(&self, i: usize) -> bool {
        !self.word_char_at(i)
    }

    /// Skips combining marks and ZWJ/variation selectors from `i`.
    fn skip_marks(&self, mut i: usize) -> usize {
        while let Some(b) = self.byte(i) {
            if b < 0x80 {
                break;
            }
            match self.char_at(i) {
                Some(c) if is_mark(c) || c == '\u{200D}' => i += c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    /// Scans one token starting at the non-whitespace char at `start`.
    fn scan(&mut self, start: usize) -> (usize, TokenKind) {
        let Some(b) = self.byte(start) else {
            return (start, TokenKind::Symbol);
        };
        if b < 0x80 {
            if is_ascii_alnum(b) {
                return self.word(start);
            }
            return self.ascii_punct(start, b);
        }
        let Some(c) = self.char_at(start) else {
            return (start + 1, TokenKind::Symbol);
        };
        let after = start + c.len_utf8();
        if is_word_char_non_ascii(c) {
            return self.word(start);
        }
        if is_emoji(c) {
            let len = self.text[start..].graphemes(true).next().map_or(c.len_utf8(), str::len);
            return (start + len, TokenKind::Emoji);
        }
        if is_apostrophe(c) {
            return self.apostrophe(start, after);
        }
        if c == '\u{2026}' {
            let mut i = after;
            while self.text[i..].starts_with('\u{2026}') {
                i += '\u{2026}'.len_utf8();
            }
            return (i, TokenKind::Punct);
        }
        (self.skip_marks(after), punct_kind(c))
    }

    /// ASCII punctuation and symbols at `start`.
    fn ascii_punct(&mut self, start: usize, b: u8) -> (usize, TokenKind) {
        let next = start + 1;
        match b {
            b'@' => {
                let mut i = next;
                loop {
                    match self.byte(i) {
                        Some(b) if is_ascii_alnum(b) || b == b'_' => i += 1,
                        Some(b) if b >= 0x80 => match self.char_at(i) {
                            Some(c) if is_word_char_non_ascii(c) => i += c.len_utf8(),
                            _ => break,
                        },
                        _ => break,
                    }
                }
                if i > next && !self.char_before(start).is_some_and(is_word_char) {
                    return (i, TokenKind::Mention);
                }
                (next, TokenKind::Punct)
            }
            b'#' => {
                let mut i = next;
                let mut letters = false;
                loop {
                    match self.byte(i) {
                        Some(b'_') => i += 1,
                        Some(b) if b < 0x80 && is_ascii_alnum(b) => {
                            letters |= b.is_ascii_alphabetic();
                            i += 1;
                        }
                        Some(b) if b >= 0x80 => match self.char_at(i) {
                            Some(c) if is_word_char_non_ascii(c) => {
                                letters |= c.is_alphabetic();
                                i += c.len_utf8();
                            }
                            _ => break,
                        },
                        _ => break,
                    }
                }
                if letters
                    && self.word_char_at(next)
                    && !self.char_before(start).is_some_and(is_word_char)
                {
                    return (i, TokenKind::Hashtag);
                }
                (self.same_run(start, b), TokenKind::Punct)
            }
            b'\'' => self.apostrophe(start, next),
            b'&' if self.rules.punctuation.character_references => {
                match self.character_reference(start) {
                    Some((end, kind)) => (end, kind),
                    None => (self.same_run(start, b), punct_kind('&')),
                }
            }
            b'!' | b'?' if self.rules.split_mark_runs && self.mode == Mode::Treebank => {
                (next, TokenKind::Punct)
            }
            b'.' | b'!' | b'?' => {
                let mut i = next;
                while matches!(self.byte(i), Some(b'.' | b'!' | b'?')) {
                    i += 1;
                }
                (i, TokenKind::Punct)
            }
            b':' | b';' | b'=' => {
                if let Some(end) = self.emoticon(start) {
                    return (end, TokenKind::Emoji);
                }
                if b == b'=' {
                    return (self.same_run(start, b), TokenKind::Symbol);
                }
                (next, TokenKind::Punct)
            }
            b'-' | b'_' | b'*' | b'~' | b'<' | b'>' | b'/' | b'\\' | b'|' | b'+' | b'^' | b'$'
            | b'&' | b'%' | b'`' => (self.same_run(start, b), punct_kind(b as char)),
            _ => (self.skip_marks(next), punct_kind(b as char)),
        }
    }

    /// The end of the run of byte `b` starting at `start`.
    fn same_run(&self, start: usize, b: u8) -> usize {
        let mut i = start + 1;
        // Rules such as "----==" mix dashes and equals signs.
        let rule = matches!(b, b'-' | b'=');
        while let Some(next) = self.byte(i) {
            if next == b || (rule && matches!(next, b'-' | b'=')) {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// An ASCII emoticon at `start`: `:)` `:-)` `;)` `:D` `:P` `=)` ...
    fn emoticon(&self, start: usize) -> Option<usize> {
        let mut i = start + 1;
        if self.byte(i) == Some(b'-') {
            i += 1;
        }
        let mouth = self.byte(i)?;
        if !matches!(
            mouth,
            b')' | b'(' | b'D' | b'P' | b'p' | b'O' | b'o' | b'/' | b'|' | b']' | b'['
        ) {
            return None;
        }
        i += 1;
        // The mouth must not start a word (":Daniel", ":/path").
        let ends = match self.byte(i) {
            None => true,
            Some(b) => is_ascii_space(b) || (!is_ascii_alnum(b) && b != b'/'),
        };
        // ":(" at the start of a parenthesis is punctuation, unless spaced.
        (ends && !(start > 0 && self.word_char_at(start - 1) && matches!(mouth, b'(' | b'[')))
            .then_some(i)
    }

    /// An apostrophe at `start` (ending at `after`) that does not continue a
    /// word: a clitic split from its host (`'s`, `'ll`), a decade (`'90s`),
    /// or a quote mark.
    fn apostrophe(&self, start: usize, after: usize) -> (usize, TokenKind) {
        if matches!(self.rules.apostrophe, Apostrophe::EnglishClitics)
            && self.char_before(start).is_some_and(is_word_char)
        {
            if let Some(end) = self.clitic(after) {
                return (end, TokenKind::Word);
            }
        } else if self.byte(after).is_some_and(|b| b.is_ascii_digit())
            && self.byte(after + 1).is_some_and(|b| b.is_ascii_digit())
        {
            let mut i = after + 2;
            if self.byte(i) == Some(b's') {
                i += 1;
            }
            if self.word_ends_at(i) {
                return (i, TokenKind::Number);
            }
        }
        if self.byte(start) == Some(b'\'') && self.byte(after) == Some(b'\'') {
            return (self.skip_marks(after + 1), TokenKind::Punct);
        }
        (self.skip_marks(after), TokenKind::Punct)
    }

    /// If a clitic (`s m d ll re ve`, any case) followed by a word end
    /// starts at `i` (just after an apostrophe), its end.
    fn clitic(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let first = bytes.get(i)?.to_ascii_lowercase();
        let len = match first {
            b's' | b'm' | b'd' => 1,
            b'l' | b'r' | b'v' => {
                let second = bytes.get(i + 1)?.to_ascii_lowercase();
                match (first, second) {
                    (b'l', b'l') | (b'r', b'e') | (b'v', b'e') => 2,
                    _ => return None,
                }
            }
            _ => return None,
        };
        self.word_ends_at(i + len).then_some(i + len)
    }

    /// A word-like token starting with the word char at `start`.
    fn word(&mut self, start: usize) -> (usize, TokenKind) {
        if self.text.as_bytes()[start] >= 0x80
            && let Some(c) = self.char_at(start).filter(|&c| is_single_char_word(c))
        {
            // A Han run (which may go on with 〇, "二〇一九") in a language
            // that segments.
            if let Some(segmenter) = self.rules.segmenter
                && let Some(token) = self.segmented(segmenter, start)
            {
                return token;
            }
            return (self.skip_marks(start + c.len_utf8()), TokenKind::Word);
        }
        if let Some(end) = self.url(start) {
            return (end, TokenKind::Url);
        }
        if start >= self.email_guard
            && let Some(end) = self.email(start)
        {
            return (end, TokenKind::Email);
        }
        let treebank = self.mode == Mode::Treebank;
        let mut i = start;
        let mut inner_dot = false;
        let mut joined = false;
        loop {
            i = self.run(i);
            let Some(b) = self.byte(i) else { break };
            match b {
                b'\'' | 0xE2 | 0xCA => {
                    let Some(c) = self.char_at(i) else { break };
                    if is_apostrophe(c) {
                        let after = i + c.len_utf8();
                        if !matches!(self.rules.apostrophe, Apostrophe::EnglishClitics) {
                            match self.apostrophe_in_word(start, i, after) {
                                Some(end) => {
                                    i = end;
                                    joined = true;
                                    continue;
                                }
                                None if self.letter_at(after) => i = after,
                                None => {}
                            }
                            break;
                        }
                        // "don't" -> "do" + "n't"; a lone "n" continues into "n't".
                        if i >= start + 2
                            && self.byte(i - 1).is_some_and(|b| b | 0x20 == b'n')
                            && self.byte(after).is_some_and(|b| b | 0x20 == b't')
                            && self.word_ends_at(after + 1)
                        {
                            i -= 1;
                            break;
                        }
                        if let Some(end) = self.clitic(after) {
                            // Decades keep their "'s": "the 70's".
                            if end == after + 1
                                && self.text.as_bytes()[start..i].iter().all(u8::is_ascii_digit)
                                && self.text.as_bytes()[after] | 0x20 == b's'
                            {
                                i = end;
                            }
                            break;
                        }
                        if self.letter_at(after) {
                            i = after;
                            joined = true;
                            continue;
                        }
                        break;
                    }
                    if matches!(c, '\u{2009}' | '\u{202F}')
                        && self.rules.punctuation.spaced_thousands
                        && let Some(end) = self.thousands(start, i)
                    {
                        i = end;
                        joined = true;
                        continue;
                    }
                    if matches!(c, '\u{2010}' | '\u{2011}') {
                        let after = i + c.len_utf8();
                        if self.join_hyphen(start, i, after, treebank) {
                            i = after;
                            joined = true;
                            continue;
                        }
                    }
                    break;
                }
                b' ' | 0xC2 if self.rules.punctuation.spaced_thousands => {
                    if let Some(end) = self.thousands(start, i) {
                        i = end;
                        joined = true;
                        continue;
                    }
                    break;
                }
                b'-' => {
                    if self.join_hyphen(start, i, i + 1, treebank) {
                        i += 1;
                        joined = true;
                        continue;
                    }
                    break;
                }
                b'.' => {
                    if treebank && self.rules.punctuation.split_inner_punct {
                        // UD Ukrainian: "р" + ".", "А" + "." + "О" + ".".
                        break;
                    }
                    if self.rules.hyphenated_initials
                        && i == start + 1
                        && self.text.as_bytes()[start].is_ascii_uppercase()
                        && let Some(end) = self.hyphenated_initial(i)
                    {
                        // "J.-C.", "J.-P." (Jésus-Christ, Jean-Pierre).
                        i = end;
                        break;
                    }
                    if self.glued(start, i) {
                        // "this site.Most of them": a sentence end typed
                        // without its space.
                        break;
                    }
                    if self.word_char_at(i + 1) && !self.char_at(i + 1).is_some_and(is_mark) {
                        i += 1;
                        inner_dot = true;
                        joined = true;
                        continue;
                    }
                    if self.attach_period(start, i, inner_dot, treebank) {
                        i += 1;
                    }
                    break;
                }
                b',' => {
                    if treebank && self.rules.punctuation.split_inner_punct {
                        break;
                    }
                    let bytes = self.text.as_bytes();
                    // "5,2", "130,00" where the comma is the decimal mark.
                    if self.rules.decimal_comma
                        && bytes[i - 1].is_ascii_digit()
                        && self.byte(i + 1).is_some_and(|b| b.is_ascii_digit())
                    {
                        i += 1;
                        joined = true;
                        continue;
                    }
                    // "1,000": a comma between a digit and exactly three digits.
                    if bytes[i - 1].is_ascii_digit()
                        && bytes.get(i + 1..i + 4).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                        && !self.byte(i + 4).is_some_and(|b| b.is_ascii_digit())
                    {
                        i += 1;
                        joined = true;
                        continue;
                    }
                    break;
                }
                b'/' if i == start + 1
                    && matches!(self.text.as_bytes()[start] | 0x20, b'b' | b'w') =>
                {
                    // "b/c", "w/o", "w/".
                    if self.byte(i + 1).is_some_and(|b| b.is_ascii_alphabetic())
                        && self.word_ends_at(i + 2)
                    {
                        i += 2;
                    } else if self.text.as_bytes()[start] | 0x20 == b'w' && self.word_ends_at(i + 1)
                    {
                        i += 1;
                    }
                    break;
                }
                b':' | b'/' => {
                    // "10:30", "9/11", "1/2".
                    if !(treebank && self.rules.punctuation.split_inner_punct)
                        && self.text.as_bytes()[i - 1].is_ascii_digit()
                        && self.byte(i + 1).is_some_and(|b| b.is_ascii_digit())
                    {
                        i += 1;
                        joined = true;
                        continue;
                    }
                    break;
                }
                b'&' => {
                    // "AT&T", "S&P", "R&D".
                    if self.text.as_bytes()[i - 1].is_ascii_uppercase()
                        && self.byte(i + 1).is_some_and(|b| b.is_ascii_uppercase())
                    {
                        i += 1;
                        joined = true;
                        continue;
                    }
                    break;
                }
                b'_' => {
                    if self.byte(i + 1).is_some_and(is_ascii_alnum) {
                        i += 1;
                        joined = true;
                        continue;
                    }
                    break;
                }
                b'%' => {
                    if !treebank && self.text.as_bytes()[start].is_ascii_digit() {
                        i += 1;
                    }
                    break;
                }
                _ => break,
            }
        }
        let word = &self.text[start..i];
        if treebank && !joined {
            // English's splits inline, as before languages existed; the
            // other languages' tables out of line.
            if let WordSplit::English = self.rules.word_split {
                if let Some((len, kind)) = english_split(word) {
                    return (start + len, kind);
                }
            } else if let Some(split) = self.treebank_word(start, i) {
                return split;
            }
        }
        (i, word_kind(word, inner_dot))
    }

    /// Treebank mode's splits of the letter run `start..i` in a language
    /// other than English: a verb with its pronouns in two tokens, or a
    /// multi-word token. Out of line, so that the word scanner stays as
    /// small as it was for English.
    #[inline(never)]
    fn treebank_word(&mut self, start: usize, i: usize) -> Option<(usize, TokenKind)> {
        let word = &self.text[start..i];
        if let Some((len, kind)) = self.rules.word_split.split(word) {
            return Some((start + len, kind));
        }
        let index = self.rules.multiword(word)?;
        if !self.contracts(index, start) {
            return None;
        }
        self.multiword = Some((index, word.starts_with(char::is_uppercase)));
        Some((i, TokenKind::Word))
    }

    /// An apostrophe at `i..after` inside the word that starts at `start`,
    /// in a language without English clitics: `None` when the word ends
    /// before it, or (when a letter follows) after it, for an elided word
    /// ("l'" + "Ukraine", "qu'" + "il"); otherwise the apostrophe joins and
    /// the scan goes on from `after` ("aujourd'hui", "TV's").
    #[inline(never)]
    fn apostrophe_in_word(&self, start: usize, i: usize, after: usize) -> Option<usize> {
        if !self.letter_at(after) || self.rules.is_elided(&self.text[start..i]) {
            return None;
        }
        Some(after)
    }

    /// The end of the run of word chars from `i` (stops before CJK
    /// ideographs and hiragana, which are tokens of their own).
    #[inline]
    fn run(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            // Eight bytes at a time while they are all ASCII letters or digits.
            while let Some(chunk) = bytes.get(i..i + 8) {
                let Ok(chunk) = <[u8; 8]>::try_from(chunk) else { break };
                let n = alnum_prefix_len(u64::from_le_bytes(chunk));
                i += n;
                if n < 8 {
                    break;
                }
            }
            while bytes.get(i).is_some_and(|&b| IS_ASCII_ALNUM[b as usize]) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&b) if b >= 0x80 => match self.char_at(i) {
                    Some(c) if is_word_char_non_ascii(c) && !is_single_char_word(c) => {
                        i += c.len_utf8();
                    }
                    _ => return i,
                },
                _ => return i,
            }
        }
    }

    /// The next word of the Han run at `start`, cut by the language's
    /// dictionary segmenter (the whole run is cut when the scan enters it);
    /// `None` when no Han char starts at `start`. A word of Chinese
    /// numerals only is a number.
    #[inline(never)]
    fn segmented(&mut self, segmenter: &Segmenter, start: usize) -> Option<(usize, TokenKind)> {
        let run = self.segments.get_or_insert_with(Box::default);
        if start != run.next || run.ends.is_empty() {
            if !self.text[start..].starts_with(Segmenter::is_run_char) {
                return None;
            }
            let run_end = Segmenter::run_end(self.text, start);
            segmenter.segment(&self.text[start..run_end], run);
            run.start = start;
        }
        let end = run.start + run.ends.pop()?;
        run.next = end;
        let last = run.ends.is_empty();
        let word = &self.text[start..end];
        let kind = if word.chars().all(is_numeral) { TokenKind::Number } else { TokenKind::Word };
        // Marks end a run, so only the run's last word can have any.
        let end = if last { self.skip_marks(end) } else { end };
        Some((end, kind))
    }

    /// Whether the hyphen at `i..after` joins the word `start..i` with the
    /// word char that follows.
    #[inline(never)]
    fn join_hyphen(&self, start: usize, i: usize, after: usize, treebank: bool) -> bool {
        if !self.word_char_at(after) {
            return false;
        }
        if !treebank {
            return true;
        }
        let prefixes = match self.rules.hyphens {
            Hyphens::Keep => return true,
            Hyphens::Split(prefixes) => prefixes,
            Hyphens::SplitCompounds(compounds) => {
                let left = &self.text[start..i];
                let left = left.rsplit(['-', '\u{2010}', '\u{2011}']).next().unwrap_or(left);
                // The word chars after the hyphen (not `run`, which must
                // stay inlined in the word scanner alone: a second caller
                // made the compiler outline it, 7% more instructions).
                let rest = &self.text[after..];
                let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
                return compounds.keeps(left, &rest[..len]);
            }
        };
        let left = &self.text[start..i];
        // UD English keeps a few bound prefixes ("e-mail", "non-human",
        // "re-wording") and digit groups of phone numbers ("713-664-7478").
        let group = left.bytes().rev().take_while(u8::is_ascii_digit).count();
        if group > 0 && left.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            let digits = self.text.as_bytes()[after..].iter().take_while(|b| b.is_ascii_digit());
            let right = digits.count();
            return (group <= 3 && right == 4) || (group == 3 && right == 3 && group == left.len());
        }
        let mut buf = [0u8; 8];
        // An acronym is a word of its own: "UN-backed" splits.
        if left.len() > buf.len()
            || (left.len() >= 2 && left.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return false;
        }
        for (o, b) in buf.iter_mut().zip(left.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        let lower = &buf[..left.len()];
        prefixes.contains(&lower)
    }

    /// An HTML character reference at `start` ("&#39;", "&#x2019;",
    /// "&amp;"), repeated as long as the same one follows ("&#39;&#39;", a
    /// closing quote as `''` is): its end and the kind of the char it
    /// stands for.
    #[inline(never)]
    fn character_reference(&self, start: usize) -> Option<(usize, TokenKind)> {
        let rest = &self.text.as_bytes()[start..];
        let body = rest.get(1..)?;
        let (len, c) = if let Some(digits) = body.strip_prefix(b"#") {
            let (hex, digits) = match digits.first() {
                Some(b'x' | b'X') => (true, &digits[1..]),
                _ => (false, digits),
            };
            let n = digits
                .iter()
                .take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() })
                .count();
            if n == 0 || n > 7 || digits.get(n) != Some(&b';') {
                return None;
            }
            let text = core::str::from_utf8(&digits[..n]).ok()?;
            let code = u32::from_str_radix(text, if hex { 16 } else { 10 }).ok()?;
            (1 + body.len() - digits.len() + n + 1, char::from_u32(code))
        } else {
            let n = body.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if !(2..=31).contains(&n)
                || !body[0].is_ascii_alphabetic()
                || body.get(n) != Some(&b';')
            {
                return None;
            }
            let c = match &body[..n] {
                b"amp" => Some('&'),
                b"lt" => Some('<'),
                b"gt" => Some('>'),
                b"quot" => Some('"'),
                b"apos" => Some('\''),
                b"nbsp" => Some('\u{a0}'),
                _ => None,
            };
            (1 + n + 1, c)
        };
        let reference = &rest[..len];
        let mut end = start + len;
        while self.text.as_bytes()[end..].starts_with(reference) {
            end += len;
        }
        let kind = match c {
            Some(c) if c.is_alphanumeric() => TokenKind::Word,
            Some(c) => punct_kind(c),
            None => TokenKind::Symbol,
        };
        Some((end, kind))
    }

    /// The end of the group of three digits that follows the space at
    /// `i`, after the number `start..i` ("80" + " 000"): the number so far
    /// is digit groups whose last has one to three digits, and the group
    /// after the space is three digits that end the number.
    #[inline(never)]
    fn thousands(&self, start: usize, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let left = &bytes[start..i];
        let group = left.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=3).contains(&group) || !left[0].is_ascii_digit() {
            return None;
        }
        // Earlier groups were joined by this rule: all digits and spaces.
        if group < left.len() && !left.iter().all(|&b| b.is_ascii_digit() || b >= 0x80 || b == b' ')
        {
            return None;
        }
        let space = self.char_at(i)?;
        if !matches!(space, ' ' | '\u{a0}' | '\u{2009}' | '\u{202F}') {
            return None;
        }
        let after = i + space.len_utf8();
        let digits = bytes.get(after..after + 3)?;
        if !digits.iter().all(u8::is_ascii_digit) || !self.word_ends_at(after + 3) {
            return None;
        }
        // "80 000,5" and "80 000.": the comma or period is the next rule's.
        Some(after + 3)
    }

    /// Whether multi-word entry `index` is a contraction at `start`, by the
    /// word before it (see [`MultiWord::not_after`](crate::rules::MultiWord)).
    fn contracts(&self, index: usize, start: usize) -> bool {
        let Some(not_after) = self.rules.multiwords[index].not_after else { return true };
        let before = self.text[..start].trim_end();
        let floor = before.len().saturating_sub(32);
        let mut from = before.len();
        while from > floor {
            match before[..from].chars().next_back() {
                Some(c) if is_word_char(c) => from -= c.len_utf8(),
                _ => break,
            }
        }
        let previous = &before[from..];
        if previous.is_empty() {
            // The start of the text, or after punctuation.
            return false;
        }
        let previous = previous.to_lowercase();
        !not_after.contains(&previous.as_str())
    }

    /// The end of a hyphenated initial whose first letter and period end
    /// at `i + 1` ("J." of "J.-C."): the hyphen, one capital letter and its
    /// period follow.
    #[inline(never)]
    fn hyphenated_initial(&self, i: usize) -> Option<usize> {
        let rest = self.text.as_bytes().get(i..i + 4)?;
        (rest[1] == b'-'
            && rest[2].is_ascii_uppercase()
            && rest[3] == b'.'
            && self.word_ends_at(i + 3))
        .then_some(i + 4)
    }

    /// [`glued_sentence_end`] for the letters that end the word `start..i`
    /// (the sentence splitter asks about the same letters).
    fn glued(&self, start: usize, i: usize) -> bool {
        let bytes = self.text.as_bytes();
        let letters = bytes[start..i].iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
        let from = i - letters;
        glued_sentence_end(bytes, from, i) && !in_address(bytes, from)
    }

    /// Whether the period at `i` belongs to the word `start..i`.
    fn attach_period(&self, start: usize, i: usize, inner_dot: bool, treebank: bool) -> bool {
        let word = &self.text[start..i];
        if self.text.as_bytes().get(i + 1..i + 3) == Some(b"..") {
            // "etc..." is "etc" + "...".
            return false;
        }
        // With `treebank`, UD English splits the period of an abbreviation
        // that ends a sentence: "in the U.S. They" -> "U.S" + ".".
        let next = self.next_word(i + 1);
        let attach = if inner_dot {
            // "U.S", "e.g", "a.m", "Ph.D": dotted segments of one or two letters.
            word.split('.')
                .all(|s| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()))
                && !(treebank && self.rules.is_starter(next))
        } else if (word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic())
            || (self.rules.punctuation.non_ascii_initials && is_single_capital(word))
        {
            // Initials ("M.", "В."), except the pronoun "I".
            word != "I" && !(treebank && self.rules.is_starter(next))
        } else if self.rules.ordinal_dot && is_ordinal_number(word) {
            // "am 23. Juli", "der 2. Weltkrieg": an ordinal, unless the
            // next word starts a sentence (the splitter decides alike).
            !next.is_empty() && !self.rules.is_starter(next)
        } else {
            let digit = next.starts_with(|c: char| c.is_ascii_digit());
            match self.rules.abbreviations.lookup(word) {
                None => false,
                Some(Class::Title) => true,
                Some(Class::BeforeNumber) => digit,
                Some(Class::Month | Class::Weekday | Class::General) => {
                    !(treebank
                        && next.starts_with(char::is_uppercase)
                        && !digit
                        && (!self.rules.capitalized_nouns || self.rules.is_starter(next)))
                }
            }
        };
        if !attach {
            return false;
        }
        if treebank {
            // ... and at the end of the text or a line.
            let mut j = i + 1;
            while matches!(self.byte(j), Some(b'"' | b'\'' | b')' | b']')) {
                j += 1;
            }
            if matches!(self.byte(j), None | Some(b'\n' | b'\r')) {
                return false;
            }
        }
        true
    }

    /// The word after the spaces and opening quotes that follow `i` on the
    /// same line (at most 32 bytes of it).
    fn next_word(&self, mut i: usize) -> &'t str {
        while matches!(self.byte(i), Some(b' ' | b'\t' | b'"' | b'(')) {
            i += 1;
        }
        let mut e = i;
        while e < i + 32 {
            match self.char_at(e) {
                Some(c) if c.is_alphanumeric() || c == '\'' => e += c.len_utf8(),
                _ => break,
            }
        }
        &self.text[i..e]
    }

    /// A URL starting at `start`: `scheme://...` or `www.` up to whitespace,
    /// minus trailing punctuation.
    fn url(&self, start: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[start..];
        if !matches!(rest.first().map(|b| b | 0x20), Some(b'h' | b'w' | b'f')) {
            return None;
        }
        let prefix = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        let body = if prefix(b"https://") {
            8
        } else if prefix(b"http://") || prefix(b"www.") {
            if prefix(b"www.") { 4 } else { 7 }
        } else if prefix(b"ftp://") {
            6
        } else {
            return None;
        };
        if !rest.get(body).is_some_and(|&b| is_ascii_alnum(b) || b >= 0x80) {
            return None;
        }
        let mut end = start + body;
        let mut parens = 0i64;
        while let Some(b) = self.byte(end) {
            if b < 0x80 {
                if is_ascii_space(b) || matches!(b, b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|')
                {
                    break;
                }
                parens += match b {
                    b'(' | b'[' => 1,
                    b')' | b']' => -1,
                    _ => 0,
                };
                end += 1;
            } else {
                match self.char_at(end) {
                    // Internationalized addresses carry letters, never
                    // non-ASCII punctuation ("www.example.cn。" ends at "。").
                    Some(c) if is_word_char_non_ascii(c) => end += c.len_utf8(),
                    _ => break,
                }
            }
        }
        // Trim trailing punctuation that ends the sentence rather than the URL.
        while end > start + body {
            match self.text.as_bytes()[end - 1] {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => end -= 1,
                b')' | b']' if parens < 0 => {
                    parens += 1;
                    end -= 1;
                }
                _ => break,
            }
        }
        Some(end)
    }

    /// An e-mail address starting at `start`.
    fn email(&mut self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        if self.next_at < start {
            self.next_at = memchr::memchr(b'@', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        }
        // A local part is at most 64 bytes long (RFC 5321).
        if self.next_at >= bytes.len() || self.next_at - start > 64 {
            return None;
        }
        let mut i = start;
        while bytes
            .get(i)
            .is_some_and(|&b| is_ascii_alnum(b) || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-'))
        {
            i += 1;
        }
        if bytes.get(i) != Some(&b'@') {
            self.email_guard = i;
            return None;
        }
        let domain_start = i + 1;
        let mut end = domain_start;
        while bytes.get(end).is_some_and(|&b| is_ascii_alnum(b) || matches!(b, b'.' | b'-')) {
            end += 1;
        }
        while end > domain_start && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &bytes[domain_start..end];
        // "jane@example.com", and Lotus Notes style "Traci Warner@ENRON".
        let valid = domain.first().is_some_and(|&b| is_ascii_alnum(b))
            && (domain.contains(&b'.')
                || (domain.len() >= 3
                    && i - start >= 2
                    && domain.iter().all(|&b| is_ascii_alnum(b))))
            && !self.word_char_at(end);
        if !valid {
            self.email_guard = i;
            return None;
        }
        Some(end)
    }
}

/// ASCII letters and digits; every other byte (non-ASCII included) is false.
static IS_ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// ASCII whitespace bytes (as [`is_ascii_space`]).
static IS_ASCII_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = is_ascii_space(b as u8);
        b += 1;
    }
    table
};

/// Whether `word` is digit groups joined by no-break or thin spaces
/// ("12\u{a0}000"), as [`Tokens::thousands`] joins them.
fn is_spaced_number(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202F}'))
}

/// Whether `word` is one capital letter: an initial ("В"); a lowercase
/// one is a word ("я") or an abbreviation the table lists ("г", "т").
#[inline]
fn is_single_capital(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Whether `word` is a number that a period may make an ordinal: one to
/// three digits ("23.", "100."), not a year.
#[inline]
fn is_ordinal_number(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Word or Number (or Url for a bare domain such as `example.com`).
fn word_kind(word: &str, inner_dot: bool) -> TokenKind {
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        // "5th", "1990s", "3.5%": digits with at most an ordinal or plural suffix.
        let letters = bytes.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
        let suffix = &word[word.len() - letters..];
        let numeric_body = bytes[..bytes.len() - letters].iter().all(|b| !b.is_ascii_alphabetic())
            && (word.is_ascii() || is_spaced_number(word));
        if numeric_body
            && (letters == 0
                || ["st", "nd", "rd", "th", "s"].iter().any(|s| suffix.eq_ignore_ascii_case(s)))
        {
            return TokenKind::Number;
        }
        return TokenKind::Word;
    }
    if inner_dot
        && let Some(tld) = word.rsplit('.').next()
        && ["com", "org", "net", "edu", "gov", "int", "io", "info", "biz"]
            .iter()
            .any(|t| tld.eq_ignore_ascii_case(t))
        && !word.ends_with('.')
    {
        return TokenKind::Url;
    }
    TokenKind::Word
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        loop {
            while bytes.get(self.pos).is_some_and(|&b| IS_ASCII_SPACE[b as usize]) {
                self.pos += 1;
            }
            let &b = bytes.get(self.pos)?;
            if b < 0x80 {
                break;
            }
            match self.char_at(self.pos) {
                Some(c) if c.is_whitespace() => self.pos += c.len_utf8(),
                _ => break,
            }
        }
        let start = self.pos;
        let (mut end, kind) = self.scan(start);
        // Safety net: always advance by at least one whole char.
        if end <= start || !self.text.is_char_boundary(end) || end > self.text.len() {
            end = start + self.char_at(start).map_or(1, char::len_utf8);
        }
        self.pos = end;
        let span = Span::new(start, end);
        match self.multiword.take() {
            None => Some(Token::new(span, kind)),
            Some((index, capitalized)) => {
                Some(Token::multiword(span, self.lang, index, capitalized))
            }
        }
    }
}

impl FusedIterator for Tokens<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(mode: Mode, text: &str) -> Vec<&str> {
        Tokens::new(text, mode, Lang::En).map(|t| &text[t.span()]).collect()
    }

    #[test]
    fn default_mode_keeps_news_units() {
        assert_eq!(
            words(Mode::Default, "The U.S. e.g. 3.5% of 1,000 on 2024-07-23 dual-use."),
            ["The", "U.S.", "e.g.", "3.5%", "of", "1,000", "on", "2024-07-23", "dual-use", "."]
        );
        assert_eq!(words(Mode::Default, "China's China’s"), ["China", "'s", "China", "’s"]);
        assert_eq!(words(Mode::Default, "don't can't"), ["do", "n't", "ca", "n't"]);
    }

    #[test]
    fn treebank_mode_splits_ud_style() {
        assert_eq!(
            words(Mode::Treebank, "a 15-year e-mail, 5% cannot gonna in the U.S."),
            [
                "a", "15", "-", "year", "e-mail", ",", "5", "%", "can", "not", "gon", "na", "in",
                "the", "U.S", "."
            ]
        );
    }

    #[test]
    fn kinds() {
        let text = "@reuters #Kyiv2024 jane.doe@example.com www.bbc.co.uk :-) 👩‍👩‍👧 5th";
        let kinds: Vec<TokenKind> =
            Tokens::new(text, Mode::Default, Lang::En).map(|t| t.kind()).collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Mention,
                TokenKind::Hashtag,
                TokenKind::Email,
                TokenKind::Url,
                TokenKind::Emoji,
                TokenKind::Emoji,
                TokenKind::Number
            ]
        );
    }
}
