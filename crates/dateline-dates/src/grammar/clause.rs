//! The clause around an expression, read for its governing verb group:
//! which way a partial date resolves when the sentence says so by tense,
//! modal or aspect ("Smith will meet officials from four ministries on
//! Friday", "Parliament reconvenes on Monday", "said on Friday", "but this
//! Sunday, under pressure, it reversed its decision").
//!
//! The reading works on the text itself, not on the grammar's tokens: the
//! verb can stand farther from the expression than the region the parser
//! sees. It walks word by word away from the expression, left first and
//! within the clause (a sentence end, a line break, a quotation mark, a
//! semicolon or colon, a bracket, markup's angle brackets or a heading's
//! "==", or a word that opens another clause: "but", "which", "because");
//! a time zone in brackets, "(0900 GMT)", is read past. The first verb it
//! meets on the left is the last word of the governing group; the words
//! before it that belong to the group (auxiliaries, modals, adverbs) give
//! the tense, the leftmost auxiliary deciding: "will be held" is ahead,
//! "has been postponed" behind. When the clause has no verb before the
//! expression ("On Friday, the company said ..."), the first group after
//! it governs. Reported speech falls out of the order: in "said on
//! Friday" the report is the nearest verb, in "said it will ... on Friday"
//! the modal is.
//!
//! Which words are verbs, auxiliaries, determiners or clause openers is
//! language data (`Lexicon::verb`, from `lexicon/en.rs`); simple pasts in
//! "-ed" are read by their ending.

use super::quotes;
use super::times::is_zone_shaped;
use super::{Dir, Parser};
use crate::lexicon::{Lex, Verb};

/// Words read on each side of an expression, at most.
const REACH: usize = 24;

/// Words read first: the governing verb is nearly always among them, and
/// the rest of the clause is read only when the reading needs it.
const FIRST: usize = 8;

/// Bytes read on each side of an expression, at most.
const SPAN: usize = 400;

/// A word of the clause, as the reading sees it.
#[derive(Clone, Copy, Debug)]
struct Word<'t> {
    /// The word without a contraction or possessive ending.
    text: &'t str,
    /// The class of the word (of the contraction when there is one: "'ll").
    class: Option<Verb>,
    /// The first letter is uppercase.
    upper: bool,
}

impl Word<'_> {
    const NONE: Word<'static> = Word { text: "", class: None, upper: false };

    fn is(&self, w: &str) -> bool {
        self.text.eq_ignore_ascii_case(w)
    }

    /// A simple past or participle in "-ed": lowercase, longer than four
    /// letters, not hyphenated ("London-based"), not a listed exception.
    fn ends_ed(&self) -> bool {
        let b = self.text.as_bytes();
        !self.upper
            && b.len() > 4
            && b.ends_with(b"ed")
            && !b.contains(&b'-')
            && self.class != Some(Verb::Plain)
    }

    fn ends_ing(&self) -> bool {
        let b = self.text.as_bytes();
        !self.upper && b.len() > 5 && b.ends_with(b"ing")
    }

    fn is_aux(&self) -> bool {
        matches!(
            self.class,
            Some(
                Verb::Will
                    | Verb::Would
                    | Verb::Modal
                    | Verb::Could
                    | Verb::Be
                    | Verb::Was
                    | Verb::Have
                    | Verb::Did
                    | Verb::Do
                    | Verb::BeForm
            )
        )
    }

    fn inside_group(&self) -> bool {
        self.class == Some(Verb::Adverb) || self.text.len() > 4 && self.text.ends_with("ly")
    }

    fn lower(&self) -> String {
        self.text.to_ascii_lowercase()
    }
}

/// Where the reading of one side of an expression stands, so that it can
/// go on past the first words.
struct Side {
    /// The byte the reading started at (the expression's edge).
    from: usize,
    /// The byte the next word is read from.
    at: usize,
    /// Words read so far.
    n: usize,
    /// Read up to this many words.
    limit: usize,
    /// The clause (or the bytes in reach) ended.
    done: bool,
}

impl Side {
    fn new(from: usize) -> Side {
        Side { from, at: from, n: 0, limit: FIRST, done: false }
    }

    /// Records that the side ended at byte `at` after `n` words.
    fn end(&mut self, at: usize, n: usize) -> usize {
        self.at = at;
        self.n = n;
        self.done = true;
        n
    }
}

/// What reading the words of one side gave.
enum Read {
    /// A verb group decided; the words up to this index (exclusive) were
    /// looked at.
    Found((Dir, String), usize),
    /// A word that opens another clause: nothing more to read on this side.
    Stop,
    /// The words ran out, or the group they hold says nothing; this many
    /// were looked at.
    Exhausted(usize),
}

impl Parser<'_> {
    /// The direction the clause around tokens `s..e` gives, with the verb
    /// group that decided it ("future-verb(will meet)"); `None` when the
    /// clause has no verb group that says.
    pub(crate) fn clause_direction(&self, s: usize, e: usize) -> Option<(Dir, String)> {
        let (from, to) = (self.t.get(s)?.start, self.t.get(e.checked_sub(1)?)?.end);
        let mut words = [Word::NONE; REACH];
        // The first words, then on to the whole reach when the reading
        // looked past what was read.
        let mut side = Side::new(from);
        // A date with no preposition of its own ("Tuesday", not "in two
        // years"), which a decision before it can date.
        let bare = !matches!(self.lex(s), Some(Lex::Func(_)));
        let mut n = self.words_left(&mut side, &mut words);
        let mut read = self.read_left(&words[..n], bare);
        if !side.done && matches!(read, Read::Found(_, k) | Read::Exhausted(k) if k >= n) {
            side.limit = REACH;
            n = self.words_left(&mut side, &mut words);
            read = self.read_left(&words[..n], bare);
        }
        if let Read::Found(d, _) = read {
            return Some(d);
        }
        let mut side = Side::new(to);
        let mut n = self.words_right(&mut side, &mut words);
        let mut read = self.read_right(&words[..n]);
        if !side.done && matches!(read, Read::Found(_, k) | Read::Exhausted(k) if k >= n) {
            side.limit = REACH;
            n = self.words_right(&mut side, &mut words);
            read = self.read_right(&words[..n]);
        }
        match read {
            Read::Found(d, _) => Some(d),
            Read::Stop | Read::Exhausted(_) => None,
        }
    }

    /// The direction the clause around tokens `s..e` gives a week's
    /// weekend ("gathered this weekend", "converge over the weekend"), in a
    /// language whose clauses are read; `None` without a verb group that
    /// says, or in a language without clause tables (its weekends keep
    /// their fixed reading).
    pub(crate) fn clause_lean(&self, s: usize, e: usize) -> Option<(Dir, String)> {
        if !self.lx.reads_clauses() {
            return None;
        }
        let (d, how) = self.direction_at(s, e, Dir::Nearest);
        (how != "default").then_some((d, how))
    }

    /// `left[0]` is the word nearest the expression; `bare`: the expression
    /// opens with no preposition.
    fn read_left(&self, left: &[Word<'_>], bare: bool) -> Read {
        let found = |d: Option<(Dir, String)>, looked: usize| match d {
            Some(d) => Read::Found(d, looked),
            None => Read::Exhausted(looked),
        };
        for (k, w) in left.iter().enumerate() {
            let before = left.get(k + 1);
            if w.class == Some(Verb::Boundary) {
                return Read::Stop;
            }
            // "plans to", "is to", "set to resume", "set for": an intention
            // points ahead.
            if w.is("to") || w.is("for") {
                let ahead = |b: &&Word<'_>| {
                    if w.is("to") {
                        intends(b)
                    } else {
                        b.class == Some(Verb::Intent) || b.is("set")
                    }
                };
                if let Some(b) = before.filter(ahead) {
                    if bare && w.is("to") && self.dates_decision(left, k) {
                        let how = format!("past-decided({} to)", b.lower());
                        return Read::Found((Dir::Past, how), k + 3);
                    }
                    return Read::Found(plan(b, left.get(k + 2), left.get(k + 3), w), k + 3);
                }
                continue;
            }
            if !self.heads_group(w, before) {
                continue;
            }
            // The group: auxiliaries and adverbs before the head; the
            // leftmost auxiliary carries the tense. "(scheduled) to be
            // held": an infinitive after an intention points ahead.
            let mut carrier = None;
            // How far the group was read: to the end unless a word ends it.
            let mut looked = left.len();
            for (m, b) in left.iter().enumerate().skip(k + 1) {
                if b.is_aux() {
                    carrier = Some(*b);
                } else if b.is("to") {
                    if let Some(i) = left.get(m + 1).filter(|i| intends(i)) {
                        return Read::Found(plan(i, left.get(m + 2), left.get(m + 3), b), m + 3);
                    }
                    looked = m + 2;
                    break;
                } else if (b.is("or") || b.is("and"))
                    && left.get(m + 1).is_some_and(Word::inside_group)
                {
                    // "will be fully or partially closed".
                } else if !b.inside_group() {
                    looked = if b.is("or") || b.is("and") { m + 2 } else { m + 1 };
                    break;
                }
            }
            if let Some(d) = self.perfect_request(carrier, w, &left[..k]) {
                return Read::Found(d, looked.max(k + 2));
            }
            let after = k.checked_sub(1).and_then(|a| left.get(a));
            return found(decide(carrier, w, after), looked.max(k + 2));
        }
        Read::Exhausted(left.len())
    }

    /// Whether the bare date after "to" at `left[to]` dates the decision
    /// before it: "the Senate voted to adopt the bill Tuesday", "Facebook
    /// agreed to purchase Instagram for $1 billion Monday" (news puts the
    /// day of a decision taken last). Not with a preposition or another
    /// date word before the date ("agreed to meet him on Saturday"), nor
    /// right after the infinitive ("agreed to meet Tuesday"), nor after an
    /// auxiliary ("has agreed to buy": the perfect dates no day).
    #[cold]
    #[inline(never)]
    fn dates_decision(&self, left: &[Word<'_>], to: usize) -> bool {
        to >= 3
            && left.get(to + 1).is_some_and(|b| b.class == Some(Verb::Decided))
            && !left.get(to + 2).is_some_and(Word::is_aux)
            && left[0].class.is_none()
            && self.lx.get(left[0].text).is_none()
    }

    /// The nearest reading of a date after a request in the present perfect
    /// (`Tables::request_verbs`) with the request's content between them,
    /// `between` holding the words from the date back to the verb: "has
    /// demanded staff return to work on Tuesday", "have called for a general
    /// strike on Thursday" (the date of what is asked for, most often ahead),
    /// "has invited McCain to the White House on Wednesday" (that day). Not
    /// "has told reporters on Monday", nor "had called for a demonstration on
    /// Friday" (the pluperfect, told in the past), nor the request's own day
    /// with no "to" or "for" before the date ("has recommended Monday that").
    fn perfect_request(
        &self,
        carrier: Option<Word<'_>>,
        head: &Word<'_>,
        between: &[Word<'_>],
    ) -> Option<(Dir, String)> {
        let has = carrier.filter(|c| c.class == Some(Verb::Have))?;
        let verbs = self.lx.tables.request_verbs;
        (between.iter().any(|b| b.is("to") || b.is("for")) && verbs.iter().any(|v| head.is(v)))
            .then(|| (Dir::Nearest, format!("nearest-request({} {})", has.lower(), head.lower())))
    }

    /// `right[0]` is the word nearest the expression.
    fn read_right(&self, right: &[Word<'_>]) -> Read {
        let found = |d: Option<(Dir, String)>, looked: usize| match d {
            Some(d) => Read::Found(d, looked),
            None => Read::Exhausted(looked),
        };
        for (k, w) in right.iter().enumerate() {
            if w.class == Some(Verb::Boundary) {
                return Read::Stop;
            }
            let before = k.checked_sub(1).and_then(|b| right.get(b));
            if !self.heads_group(w, before) {
                continue;
            }
            if !w.is_aux() {
                return found(decide(None, w, right.get(k + 1)), k + 2);
            }
            // An auxiliary first: read on to the head of its group.
            let mut head = k;
            while let Some(n) = right.get(head + 1) {
                if n.is_aux() || n.inside_group() {
                    head += 1;
                } else {
                    break;
                }
            }
            // "I am going to raise the issue", "is going to": an intention,
            // ahead, as "plans to" is ("going" is too short for the -ing
            // test below); "was going to" a plan told in the past.
            if let (Some(g), Some(t)) = (right.get(head + 1), right.get(head + 2))
                && g.is("going")
                && t.is("to")
                && matches!(right[head].class, Some(Verb::Be | Verb::Was))
            {
                return found(Some(plan(g, Some(&right[head]), None, t)), head + 3);
            }
            // "is meeting", "has been postponed", "will be held": the head
            // is the word after the auxiliaries when it is a verb form.
            let next = right.get(head + 1);
            let verb_form = |n: &Word<'_>| {
                n.ends_ed()
                    || n.ends_ing()
                    || matches!(
                        n.class,
                        Some(Verb::Past | Verb::Intent | Verb::Schedule | Verb::ScheduleBase)
                    )
            };
            let head_word = match next {
                Some(n) if verb_form(n) => *n,
                _ => right[head],
            };
            return found(decide(Some(*w), &head_word, right.get(head + 2)), head + 3);
        }
        Read::Exhausted(right.len())
    }

    /// Whether `w` can head (end) a verb group, `before` being the word
    /// before it in the text.
    fn heads_group(&self, w: &Word<'_>, before: Option<&Word<'_>>) -> bool {
        let after_determiner = before.is_some_and(|b| b.class == Some(Verb::Determiner));
        match w.class {
            Some(
                Verb::Will
                | Verb::Would
                | Verb::Modal
                | Verb::Could
                | Verb::Be
                | Verb::Was
                | Verb::Have
                | Verb::Did
                | Verb::Do
                | Verb::BeForm,
            ) => !(w.is("may") && w.upper),
            Some(Verb::Past | Verb::Intent) => !after_determiner && !w.upper,
            // Not "1.8 marks", "the opens".
            Some(Verb::Schedule) => {
                !after_determiner
                    && !w.upper
                    && !before.is_some_and(|b| b.text.starts_with(|c: char| c.is_ascii_digit()))
            }
            // "they meet", "the two teams meet", "talks resume"; not the
            // infinitive ("difficult for Sun to meet demand"): the verb
            // that governs it comes before.
            Some(Verb::ScheduleBase) => {
                !w.upper
                    && before.is_some_and(|b| {
                        b.class == Some(Verb::Pronoun)
                            || b.is_aux()
                            || b.class.is_none()
                                && b.text.len() > 3
                                && b.text.ends_with('s')
                                && !b.text.ends_with("ss")
                    })
            }
            // A past intention verb heads its group when no "to" follows it
            // (read before this): "the cut offered by the union in
            // February", "voted on Monday", "decided on Friday". Not
            // "planned", "prepared" (adjectives as often: "a vote planned
            // for Friday") nor a wish, whose object lies ahead ("wanted
            // them by Christmas", "hoped for", "aimed at").
            Some(Verb::IntentTo | Verb::Decided) => {
                w.ends_ed()
                    && !after_determiner
                    && !["planned", "prepared", "wanted", "hoped", "aimed"].iter().any(|x| w.is(x))
            }
            Some(Verb::Adverb | Verb::Determiner | Verb::Pronoun | Verb::Boundary) => false,
            Some(Verb::Linking) => !w.upper,
            // Not the complement of a linking verb ("remain closed").
            Some(Verb::Plain) | None => {
                w.ends_ed()
                    && !after_determiner
                    && !before.is_some_and(|b| b.class == Some(Verb::Linking))
            }
        }
    }

    /// The words before byte `at`, nearest first, within the clause.
    fn words_left<'s>(&'s self, side: &mut Side, out: &mut [Word<'s>; REACH]) -> usize {
        let bytes = self.text.as_bytes();
        let lo = side.from.saturating_sub(SPAN);
        let limit = side.limit.min(REACH);
        let mut i = side.at;
        let mut n = side.n;
        while n < limit {
            // Skip spaces and commas; a line break or clause mark ends the clause.
            while i > lo {
                let b = bytes[i - 1];
                if b == b'\n' {
                    return side.end(i, n);
                }
                if b == b' ' || b == b'\t' || b == b'\r' || b == b',' {
                    i -= 1;
                    continue;
                }
                break;
            }
            if i <= lo {
                return side.end(i, n);
            }
            let end = i;
            let b = bytes[i - 1];
            if b.is_ascii() && !is_word_byte(b) {
                match b {
                    b'.' | b'!' | b'?' => {
                        // A sentence end unless it closes an abbreviation
                        // ("Sept.", "Mr.", "U.S.") or a number ("3.5").
                        if bytes.get(i).is_none_or(|c| c.is_ascii_whitespace())
                            && !quotes::abbreviation_before(&self.text[..i - 1])
                        {
                            return side.end(i, n);
                        }
                        i -= 1;
                        continue;
                    }
                    // The colon of a clock time ("at 6:00 p.m on Monday") is
                    // no clause mark.
                    b':' if i >= 2
                        && bytes[i - 2].is_ascii_digit()
                        && bytes.get(i).is_some_and(u8::is_ascii_digit) =>
                    {
                        i -= 1;
                        continue;
                    }
                    // A time zone in brackets ("until midday (0900 GMT) on
                    // Tuesday", "22:00 BST (21:00 UTC) on Thursday") is read
                    // past: the clause goes on before it.
                    b')' if let Some(open) = zone_aside_start(bytes, i - 1, lo) => {
                        i = open;
                        continue;
                    }
                    // Markup ("<!-- ... -->", "<br>", a wiki heading's
                    // "==Attacks continue==") ends a clause too.
                    b';' | b':' | b'"' | b'(' | b')' | b'[' | b']' | b'<' | b'>' | b'=' => {
                        return side.end(i, n);
                    }
                    _ => {
                        i -= 1;
                        continue;
                    }
                }
            }
            if !b.is_ascii() {
                // A multi-byte character: a letter or apostrophe continues a
                // word, curly double quotes end the clause, the rest is skipped.
                let mut c = i - 1;
                while c > 0 && !self.text.is_char_boundary(c) {
                    c -= 1;
                }
                let ch = self.text[c..i].chars().next().unwrap_or(' ');
                if matches!(ch, '“' | '”' | '«' | '»') {
                    return side.end(i, n);
                }
                if !(ch.is_alphanumeric() || ch == '’') {
                    i = c;
                    continue;
                }
            }
            // A word: back to its first byte.
            let mut start = i;
            while start > lo {
                let p = bytes[start - 1];
                if is_word_byte(p) {
                    start -= 1;
                } else if !p.is_ascii() {
                    let mut c = start - 1;
                    while c > 0 && !self.text.is_char_boundary(c) {
                        c -= 1;
                    }
                    let ch = self.text[c..start].chars().next().unwrap_or(' ');
                    if ch.is_alphanumeric() || ch == '’' {
                        start = c;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if let Some(w) = self.word(&self.text[start..end]) {
                out[n] = w;
                n += 1;
            }
            i = start;
        }
        side.at = i;
        side.n = n;
        n
    }

    /// The words after byte `at`, nearest first, within the clause.
    fn words_right<'s>(&'s self, side: &mut Side, out: &mut [Word<'s>; REACH]) -> usize {
        let bytes = self.text.as_bytes();
        let hi = (side.from + SPAN).min(bytes.len());
        let limit = side.limit.min(REACH);
        let mut i = side.at;
        let mut n = side.n;
        while n < limit {
            while i < hi {
                let b = bytes[i];
                if b == b'\n' {
                    return side.end(i, n);
                }
                if b == b' ' || b == b'\t' || b == b'\r' || b == b',' {
                    i += 1;
                    continue;
                }
                break;
            }
            if i >= hi {
                return side.end(i, n);
            }
            let b = bytes[i];
            if b.is_ascii() && !is_word_byte(b) {
                match b {
                    b'.' | b'!' | b'?' => {
                        if bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
                            && !quotes::abbreviation_before(&self.text[..i])
                        {
                            return side.end(i, n);
                        }
                        i += 1;
                        continue;
                    }
                    b':' if i >= 1
                        && bytes[i - 1].is_ascii_digit()
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) =>
                    {
                        i += 1;
                        continue;
                    }
                    // Markup ("<!-- ... -->", "<br>", a wiki heading's
                    // "==Attacks continue==") ends a clause too.
                    b';' | b':' | b'"' | b'(' | b')' | b'[' | b']' | b'<' | b'>' | b'=' => {
                        return side.end(i, n);
                    }
                    _ => {
                        i += 1;
                        continue;
                    }
                }
            }
            let start = i;
            while i < hi {
                let c = bytes[i];
                if is_word_byte(c) {
                    i += 1;
                } else if !c.is_ascii() {
                    let ch = self.text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
                    if ch.is_alphanumeric() || ch == '’' {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if i == start {
                // A character that is neither word nor space.
                let ch = self.text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
                if matches!(ch, '“' | '”' | '«' | '»') {
                    return side.end(i, n);
                }
                i += ch.len_utf8();
                continue;
            }
            if let Some(w) = self.word(&self.text[start..i]) {
                out[n] = w;
                n += 1;
            }
        }
        side.at = i;
        side.n = n;
        n
    }

    /// Whether `raw`, a word of the text, is a simple past or a participle:
    /// a past of the verb table ("took", "began") or a word in "-ed"
    /// (`Word::ends_ed`: "emerged", "released").
    pub(super) fn is_past_form(&self, raw: &str) -> bool {
        self.word(raw).is_some_and(|w| w.class == Some(Verb::Past) || w.ends_ed())
    }

    /// A word of the text, with a contraction or possessive ending read:
    /// "won't" is "wo" (will), "they'll" is "'ll" (will), "company's" is
    /// "company". `None` for a bare apostrophe or hyphen.
    fn word<'s>(&'s self, raw: &'s str) -> Option<Word<'s>> {
        // Most words are plain ASCII letters: one lookup.
        let b = raw.as_bytes();
        if b.iter().all(u8::is_ascii_alphabetic) {
            let first = *b.first()?;
            return Some(Word {
                text: raw,
                class: self.lx.verb(b),
                upper: first.is_ascii_uppercase(),
            });
        }
        let raw = raw.trim_matches(|c| c == '\'' || c == '’' || c == '-');
        let first = *raw.as_bytes().first()?;
        let upper = first.is_ascii_uppercase();
        let (text, class) = match raw.find(['\'', '’']) {
            Some(p) => {
                let base = &raw[..p];
                let tail = raw[p..].trim_start_matches(['\'', '’']);
                match tail.to_ascii_lowercase().as_str() {
                    // "didn't", "won't": "n't" after the auxiliary.
                    "t" => {
                        let base = base.strip_suffix(['n', 'N']).unwrap_or(base);
                        (base, self.lx.verb(base.as_bytes()))
                    }
                    "ll" => (base, Some(Verb::Will)),
                    "d" => (base, Some(Verb::Would)),
                    "re" | "m" => (base, Some(Verb::Be)),
                    "ve" => (base, Some(Verb::Have)),
                    // "'s" is a possessive, "is" or "has": none decides.
                    _ => (base, None),
                }
            }
            None => (raw, self.lx.verb(raw.as_bytes())),
        };
        Some(Word { text, class, upper })
    }
}

/// The direction a verb group gives: `carrier` is its leftmost auxiliary,
/// `head` its last verb, `after` the word after the head.
fn decide(
    carrier: Option<Word<'_>>,
    head: &Word<'_>,
    after: Option<&Word<'_>>,
) -> Option<(Dir, String)> {
    let group = match carrier {
        Some(c) if c.text.as_ptr() != head.text.as_ptr() => {
            format!("{} {}", c.lower(), head.lower())
        }
        _ => head.lower(),
    };
    let future = |what: &str| Some((Dir::Future, format!("future-{what}({group})")));
    let past = |what: &str| Some((Dir::Past, format!("past-{what}({group})")));
    let present = || Some((Dir::Nearest, format!("present-verb({group})")));
    if head.class == Some(Verb::Intent) {
        // "did not expect", "was expected": a plan told in the past may
        // have happened already, as in `plan`.
        if let Some(c) = carrier.filter(|c| matches!(c.class, Some(Verb::Did | Verb::Was))) {
            return Some((
                Dir::Nearest,
                format!("nearest-past-plan({} {})", c.lower(), head.lower()),
            ));
        }
        return future("verb");
    }
    let tense = carrier.map_or(head.class, |c| c.class);
    match tense {
        Some(Verb::Will | Verb::Would | Verb::Modal) => future("verb"),
        Some(Verb::Could) => Some((Dir::Nearest, format!("nearest-modal({group})"))),
        Some(Verb::Did | Verb::Was) => past("verb"),
        Some(Verb::Have) => {
            // "has a meeting on Friday" has no participle: present.
            if head.class == Some(Verb::Have) { present() } else { past("perfect") }
        }
        Some(Verb::Be) => {
            // "is meeting on Friday", "are playing": the progressive of a plan.
            let progressive = if head.class == Some(Verb::Be) {
                after.is_some_and(Word::ends_ing)
            } else {
                head.ends_ing()
            };
            if progressive { future("progressive") } else { present() }
        }
        Some(Verb::Do | Verb::Linking) => present(),
        Some(Verb::Schedule | Verb::ScheduleBase) => future("schedule"),
        Some(Verb::Past) => past("verb"),
        _ if head.ends_ed() => past("verb"),
        _ => None,
    }
}

/// The direction of a plan ("plans to", "is scheduled to", "set for"):
/// ahead, but a plan told in the past ("was scheduled to speak on
/// Tuesday", "had been scheduled to be cut down on Tuesday, but was
/// saved") may have happened already, so it goes to the nearest reading.
/// `before` is the word before the plan's word, `earlier` the one before
/// that.
fn plan(
    word: &Word<'_>,
    before: Option<&Word<'_>>,
    earlier: Option<&Word<'_>>,
    link: &Word<'_>,
) -> (Dir, String) {
    let group = format!("{} {}", word.lower(), link.lower());
    // The pluperfect, "had been": not "has been scheduled to", still ahead.
    let pluperfect = |b: &&Word<'_>| b.is("been") && earlier.is_some_and(|h| h.is("had"));
    match before.filter(|b| matches!(b.class, Some(Verb::Was | Verb::Did)) || pluperfect(b)) {
        Some(b) if pluperfect(&b) => {
            (Dir::Nearest, format!("nearest-past-plan(had {} {group})", b.lower()))
        }
        Some(b) => (Dir::Nearest, format!("nearest-past-plan({} {group})", b.lower())),
        None => (Dir::Future, format!("future-verb({group})")),
    }
}

/// A word that, before "to" (or "for"), puts what follows ahead: "plans
/// to", "is to", "set to", "scheduled for".
fn intends(w: &Word<'_>) -> bool {
    matches!(
        w.class,
        Some(Verb::Intent | Verb::IntentTo | Verb::Decided | Verb::Be | Verb::Was | Verb::Have)
    ) || w.is("set")
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b == b'-'
}

/// The longest bracketed time zone read past ("(0900 GMT)", "(UTC +4:30)",
/// "(JST, UTC +8)", "(local time)").
const ZONE_ASIDE: usize = 24;

/// Where the bracketed time zone whose ")" is at `close` opens: its "(",
/// with no byte before `lo`, no bracket, quotation mark or line break
/// inside, and a zone among its words ("UTC", "local", or the shape of a
/// zone's abbreviation: "GMT", "EDT", "BST").
fn zone_aside_start(bytes: &[u8], close: usize, lo: usize) -> Option<usize> {
    let from = close.saturating_sub(ZONE_ASIDE).max(lo);
    let k = bytes[from..close]
        .iter()
        .rposition(|&b| matches!(b, b'(' | b')' | b'[' | b']' | b'"' | b'\n' | b'<' | b'>'))?;
    let open = from + k;
    let inside = &bytes[open + 1..close];
    let zone = inside
        .split(|b| !b.is_ascii_alphabetic())
        .any(|word| matches!(word, b"UTC" | b"local") || is_zone_shaped(word));
    (bytes[open] == b'(' && zone).then_some(open)
}
