//! The English grammar: token patterns → TIMEX3 values.
//!
//! The parser runs over the tokens of one region (the text around a group of
//! anchors). At each token it tries every rule and keeps the longest match;
//! rules are plain functions that read tokens through small helpers, so a new
//! rule is one more function plus one line in [`Parser::parse_at`].
//!
//! Rules only *recognize*; partial expressions ("June", "Friday", "the third
//! quarter") are resolved by the `pick_*` helpers, which ask
//! [`Parser::direction_at`] for the sentence's direction and record the cue
//! that decided it.
//!
//! The rules live next to their kind of expression:
//!
//! * `absolute` — calendar dates ("1 September", "2024-09-01", "2024");
//! * `relative` — weekdays, "yesterday", "last week", "two days ago";
//! * `times` — clock times ("3 p.m.", "15:00 GMT", "noon");
//! * `points` — a date with a time or part of the day ("Tuesday morning");
//! * `periods` — quarters, halves, seasons, fiscal years, decades, holidays;
//! * `positions` — "early September", "mid-2023", hedges ("about");
//! * `durations` — "three years", "the past two years", duration values;
//! * `sets` — "every Monday", "annually";
//! * `ranges` — "1-3 September";
//! * `resolve` — the direction and the year a partial date takes;
//! * `clause` — the governing verb group of an expression's clause
//!   (languages with a verb table: English);
//! * `lists` — coordinated weekdays read as days of one week;
//! * `marked_years` — years marked by a noun or an era after them ("1914
//!   року", "264 до н. е.");
//! * `night_into` — "ніч на 4 серпня", the night before a day;
//! * `time_adverbs` — "вночі", "влітку": a part of the day or a season alone;
//! * `word_order` — orders other languages use ("mardi dernier", "hace tres años");
//! * `unspaced` — the grammar of text without spaces (Chinese: "2024年7月23日",
//!   "上周五", "三天前"), tried instead of all the others there.

mod absolute;
mod clause;
mod durations;
mod lists;
mod marked_years;
mod night_into;
mod periods;
mod points;
mod positions;
mod quotes;
mod ranges;
mod relative;
mod resolve;
mod sets;
mod story_day;
mod time_adverbs;
mod times;
mod unspaced;
mod word_order;

pub(crate) use durations::clock_seconds;
pub(crate) use story_day::{in_first_sentence, opens_sentence};

use std::cell::{Cell, RefCell};

use jiff::civil::Date as Civil;

use crate::Direction;
use crate::cal;
use crate::lexicon::{Deictic, Func, Hedge, Lex, Lexicon, Rel, Unit};
use crate::timex::{Grain, Modifier, TimexRange, TimexType};
use crate::token::{Kind, Token, is_possessive};
use durations::AmountUnit;

/// A recognized expression, by token indices (`e` exclusive).
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) kind: TimexType,
    pub(crate) value: String,
    pub(crate) grain: Grain,
    pub(crate) modifier: Option<Modifier>,
    pub(crate) range: Option<TimexRange>,
    pub(crate) rule: String,
}

impl Cand {
    /// Gives the candidate `value` read by a pass over its neighbours,
    /// its rule marked with the pass (`how`, ":list"), when the value
    /// changes.
    fn revalue(&mut self, value: String, how: &str) {
        if value != self.value {
            self.value = value;
            self.rule.push_str(how);
        }
    }

    /// The day the candidate's value names, when it names one (a DATE of
    /// the day, a TIME on one).
    pub(crate) fn day(&self) -> Option<Civil> {
        self.value.get(..10)?.parse().ok()
    }

    /// The candidate's value moved to day `d`, its time of day kept.
    fn on_day(&self, d: Civil) -> String {
        format!("{}{}", cal::fmt_day(d), self.value.get(10..).unwrap_or(""))
    }
}

/// A resolved point (DATE or TIME) before it becomes a candidate.
#[derive(Clone, Debug)]
struct Pt {
    kind: TimexType,
    value: String,
    grain: Grain,
    /// The day, when the point is a single day.
    day: Option<Civil>,
    rule: &'static str,
    how: String,
}

impl Pt {
    fn new(value: String, grain: Grain, rule: &'static str, how: impl Into<String>) -> Pt {
        Pt { kind: TimexType::Date, value, grain, day: None, rule, how: how.into() }
    }

    fn day(d: Civil, rule: &'static str, how: impl Into<String>) -> Pt {
        Pt {
            kind: TimexType::Date,
            value: cal::fmt_day(d),
            grain: Grain::Day,
            day: Some(d),
            rule,
            how: how.into(),
        }
    }

    /// A day that does not exist ("February 29, 2023"): the span is consumed so
    /// that no part of it is read on its own, and the extractor emits nothing
    /// for it (an empty value marks it).
    fn void(rule: &'static str) -> Pt {
        Pt {
            kind: TimexType::Date,
            value: String::new(),
            grain: Grain::Day,
            day: None,
            rule,
            how: "no-such-day".into(),
        }
    }

    /// A TIME on day `d`: `tm` is a clock time ("15:20") or the code of a
    /// part of the day ("MO").
    fn time_on(d: Civil, tm: &str, grain: Grain, rule: &'static str, how: impl Into<String>) -> Pt {
        Pt {
            kind: TimexType::Time,
            value: format!("{}T{tm}", cal::fmt_day(d)),
            grain,
            day: Some(d),
            rule,
            how: how.into(),
        }
    }

    fn into_cand(self, s: usize, e: usize) -> Cand {
        let rule = if self.how.is_empty() {
            self.rule.to_owned()
        } else {
            [self.rule, ":", &self.how].concat()
        };
        Cand {
            s,
            e,
            kind: self.kind,
            value: self.value,
            grain: self.grain,
            modifier: None,
            range: None,
            rule,
        }
    }
}

/// A clause reading remembered for the expression at tokens `.0..1`.
pub(crate) type ClauseMemo = (usize, usize, Option<(Dir, String)>);

/// Resolution direction for one expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    Past,
    Future,
    Nearest,
}

/// Facts carried from one expression to the next in a document.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DocState {
    /// The last quarter mentioned (year, quarter).
    pub(crate) last_quarter: Option<(i32, u32)>,
    /// The last day named explicitly ("March 13", "Tuesday"): the anchor of
    /// "the following day", "that day".
    pub(crate) last_day: Option<Civil>,
    /// The last year named explicitly: the anchor of "that year", "the following year".
    pub(crate) last_year: Option<i32>,
    /// The last month named explicitly, as a day or a month (year, month):
    /// the anchor of "the month before".
    pub(crate) last_month: Option<(i32, u32)>,
    /// The document is a narrative (`narrative.rs`): a date without a year
    /// takes `story_year`.
    pub(crate) narrative: bool,
    /// In a narrative, the last year named that lies far from the reference:
    /// "heute" (the reference) does not move the story's time.
    pub(crate) story_year: Option<i32>,
    /// The last one-day DATE found, with its byte span: the day of saying
    /// of a quotation it introduces (`quotes.rs`), even in a later region.
    pub(crate) last_day_span: Option<(Civil, usize, usize)>,
    /// The last clock time read on the story's day, with that day and the
    /// byte where it ends: the story goes on from it to the next sentence
    /// (`story_day.rs`).
    pub(crate) story_clock: Option<(Civil, usize)>,
    /// The last one-day DATE that opened its sentence ("On Friday, July
    /// 31, 40 employees began ..."), with the byte where it ends: the time
    /// of that sentence's main event, which "The day after" opening the
    /// next sentence counts from (`story_day.rs`).
    pub(crate) topic_day: Option<(Civil, usize)>,
    /// The first one-day DATE, when the text's first sentence (its lede)
    /// names it: the day the story is told on (`story_day.rs`).
    pub(crate) lede_day: Option<Civil>,
    /// The last day written with its month ("the 29th of August", "May
    /// 3"), with the byte where it ends: the month of a bare "the 30th"
    /// later in its sentence.
    /// Whether it was written with its year ("November 10, 2001"): then
    /// its year is that of a day of the same month named soon after
    /// without one ("as early as November 7").
    pub(crate) last_month_day: Option<(Civil, usize, bool)>,
    /// The last days written with their year ("April 13, 2002"), the
    /// latest first: the year of the same day named again without one,
    /// anywhere after ("Immediately I left the meeting, on April 13").
    pub(crate) dated_days: [Option<Civil>; 4],
    /// The last DATE of a year, a month or a week ("in 2007", "the previous
    /// month", "This last week"), with the byte where it ends: what "the
    /// year", "the month", "the week" later in its sentence take up.
    pub(crate) last_period: Option<Period>,
    /// The first DATE of a month the text named ("in April", "May 2008"):
    /// the month of a monthly report, which a later "for the month" means
    /// (`durations.rs`).
    pub(crate) first_month: Option<(i32, u32)>,
    /// The day of the last DATE or TIME that names one ("Wednesday
    /// morning", "3:15 a.m."), the byte where it ends, and its hour when
    /// it has a clock: the day of a clock time in a bracket right after it
    /// ("Wednesday morning (0900 GMT)"; `points.rs`).
    pub(crate) last_dated: Option<(Civil, usize, Option<i8>)>,
}

/// A year, month or week named in the text (`DocState::last_period`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Period {
    pub(crate) grain: Grain,
    pub(crate) year: i32,
    /// The month or ISO week; 0 for a year.
    pub(crate) part: u32,
    /// The byte where its expression ends.
    pub(crate) end: usize,
}

impl Period {
    /// The year, month or week DATE `value` ("2007", "2009-08",
    /// "2008-W38") of `grain`, ending at byte `end`.
    pub(crate) fn parse(value: &str, grain: Grain, end: usize) -> Option<Period> {
        if !matches!(grain, Grain::Year | Grain::Month | Grain::Week) {
            return None;
        }
        let year = value.get(..4)?.parse().ok()?;
        let part = match (grain, value.len()) {
            (Grain::Year, 4) => 0,
            (Grain::Month, 7) => value.get(5..7)?.parse().ok()?,
            (Grain::Week, 8) if value.as_bytes()[5] == b'W' => value.get(6..8)?.parse().ok()?,
            _ => return None,
        };
        Some(Period { grain, year, part, end })
    }
}

pub(crate) struct Parser<'a> {
    pub(crate) text: &'a str,
    pub(crate) t: &'a [Token],
    pub(crate) lx: &'a Lexicon,
    pub(crate) r: Civil,
    /// The reference time of day, when the caller knows it.
    pub(crate) now: Option<jiff::civil::Time>,
    pub(crate) direction: Direction,
    pub(crate) day_first: bool,
    /// The document's facts, read and updated in place: each region's
    /// parser borrows them rather than copying them in and out.
    pub(crate) doc: &'a mut DocState,
    /// The last [`Parser::amount_unit`] read, by token.
    pub(crate) amount_memo: RefCell<Option<(usize, Option<AmountUnit>)>>,
    /// The last clause reading ([`Parser::clause_direction`]), by the
    /// tokens of its expression: resolution asks for it more than once.
    pub(crate) clause_memo: RefCell<Option<ClauseMemo>>,
    /// The last numbers read, by token.
    pub(crate) reads: Reads,
}

/// The last [`Parser::ordinal`], [`Parser::number`] and day number
/// (`day_num`) read, each with its token: the rules tried at a number
/// read them there again and again (a day number alone five times), and
/// they depend on the tokens only.
#[derive(Default)]
pub(crate) struct Reads {
    ordinal: Memo<Option<(u32, usize)>>,
    number: Memo<Option<(f64, usize)>>,
    day: Memo<Option<(u32, usize)>>,
}

/// The last value read, with the token it was read at.
type Memo<T> = Cell<Option<(usize, T)>>;

/// The value `read` gives at token `i`, from `memo` when it last read
/// there.
#[inline]
fn remembered<T: Copy>(memo: &Memo<T>, i: usize, read: impl FnOnce() -> T) -> T {
    if let Some((at, found)) = memo.get()
        && at == i
    {
        return found;
    }
    let found = read();
    memo.set(Some((i, found)));
    found
}

impl<'a> Parser<'a> {
    // ----- token helpers -------------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Token> {
        self.t.get(i)
    }

    /// The text before byte `end`, at most `max` bytes of it (cut forward
    /// to a char's start); `None` when `end` is no char's start.
    fn text_back(&self, end: usize, max: usize) -> Option<&'a str> {
        let text: &'a str = self.text;
        text.get(crate::scan::ceil_boundary(text, end.saturating_sub(max))..end)
    }

    /// The text before token `i`, at most `max` bytes of it (see
    /// [`Parser::text_back`]).
    fn text_before(&self, i: usize, max: usize) -> Option<&'a str> {
        self.text_back(self.tok(i)?.start, max)
    }

    fn lex(&self, i: usize) -> Option<Lex> {
        self.t.get(i).and_then(|t| t.lex)
    }

    fn s(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        // Bytes, lengths first: the rules ask this of most tokens they
        // meet, and few have the length of the word asked for.
        self.t.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && t.end - t.start == w.len()
                && self.text.as_bytes()[t.start..t.end].eq_ignore_ascii_case(w.as_bytes())
        })
    }

    fn is_func(&self, i: usize, f: Func) -> bool {
        self.lex(i) == Some(Lex::Func(f))
    }

    fn is_rel(&self, i: usize, r: Rel) -> bool {
        self.lex(i) == Some(Lex::Rel(r))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    fn dash(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(Token::is_dash)
    }

    /// Token `i` follows token `i - 1` with no whitespace between them.
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }

    /// A line break before token `i` (expressions never cross one).
    fn breaks(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.newline)
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        self.t.get(i).filter(|t| t.kind == Kind::Num).map(|t| (t.num, t.digits))
    }

    fn upper(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.upper)
    }

    /// Whether the capitalized word at `i` continues a name: a capitalized
    /// word (or its possessive) stands before it, not in the lexicon
    /// ("USA Today", "The People's Daily", "Business Review Weekly").
    fn in_name(&self, i: usize) -> bool {
        if !self.upper(i) || i == 0 || self.breaks(i) {
            return false;
        }
        let p = if is_possessive_tok(self.tok(i - 1)) { i.wrapping_sub(2) } else { i - 1 };
        self.tok(p).is_some_and(|t| t.kind == Kind::Word && t.upper && t.lex.is_none())
            && self.glued(p + 1) == (p + 1 != i)
    }

    /// Skips an optional glued "." (after abbreviations).
    fn opt_dot(&self, i: usize) -> usize {
        if self.punct(i, '.') && self.glued(i) { i + 1 } else { i }
    }

    /// Skips an optional ",".
    fn opt_comma(&self, i: usize) -> usize {
        if self.punct(i, ',') { i + 1 } else { i }
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Some(Lex::Unit(u, plural)) => Some((u, plural)),
            _ => None,
        }
    }

    /// Whether token `i` is a word the table does not know.
    fn unknown_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none())
    }

    /// Whether token `i` is a lowercase word the table does not know, a
    /// noun after a date or a zone as often as not ("the Q4 [earnings]
    /// season", "IST [students]").
    fn lowercase_unknown_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word && !t.upper && t.lex.is_none())
    }

    /// Whether the number at `i` begins no expression (read for English
    /// and the other spaced languages): a percentage ("12%"), or a number
    /// of up to three digits, after no
    /// dash, slash, colon or apostrophe (the second half of "1961-90",
    /// "9:30", "'90"), before a word the table does not know of three
    /// letters or more ("20 people", "300 soldiers") or a closing mark
    /// ("(12)", "| 5 |"; not "&": "22 & 23 October"), also when a comma or
    /// a decimal point joins another number to it ("1,000 people", "3.5
    /// percent"). Every rule that begins with a number reads the word after
    /// it by its class (a unit, a month, "p.m."), a suffix of two letters
    /// at most ("15th", "250h") or a mark that joins ("5-7"). The test
    /// `numbers_begin_nothing_before_an_unknown_word` tries every rule at
    /// such numbers in the English test tables, and
    /// `numbers_begin_nothing_before_an_unknown_word_in_other_languages` in
    /// the other languages' tables, where the word must stand apart (a
    /// glued one may be an ordinal suffix, "5ème") and no mark may join
    /// another number to it.
    fn number_begins_nothing(&self, i: usize) -> bool {
        if self.punct(i + 1, '%') {
            return true;
        }
        let joined = i.checked_sub(1).is_some_and(|p| {
            self.t[p].kind == Kind::Punct && matches!(self.s(p), "-" | "–" | "/" | ":" | "'" | "’")
        });
        if self.t[i].digits > 3 || joined {
            return false;
        }
        // "1,000 people", "3.5 percent": the number the mark joins, then
        // the same test. Other languages write dates so ("26.7").
        let glued = |k: usize| self.t.get(k + 1).is_some_and(|t| t.start == self.t[k].end);
        let k = if (self.punct(i + 1, ',') || self.punct(i + 1, '.'))
            && glued(i)
            && glued(i + 1)
            && self.num(i + 2).is_some()
        {
            if self.lx.extended {
                return false;
            }
            i + 3
        } else {
            i + 1
        };
        let Some(next) = self.tok(k) else { return false };
        match next.kind {
            Kind::Word => {
                next.lex.is_none()
                    && next.end - next.start >= 3
                    && !(self.lx.extended && (glued(k - 1) || self.punct(k + 1, '.') && glued(k)))
            }
            Kind::Punct => matches!(self.s(k), ")" | "]" | "\"" | "|" | "_" | "%"),
            Kind::Num => false,
        }
    }

    /// Whether the function word `f` at token `i` ("in", "on", "at",
    /// "that") begins no expression (read for English): in English few
    /// rules begin with these (`first_rules`), and they read a word of few
    /// classes right after it. "in" begins "in two weeks", "in about an
    /// hour" (`r_in_units`), so only a quantity's first word
    /// ([`Parser::may_begin_quantity`]) or "about" can follow; "on" begins
    /// "on the 12th" (`r_day_alone`), so a number must follow, or "the"
    /// and a number; "at" begins "at least two years" (`r_duration`,
    /// `r_ago`), so "least" must follow; "that" begins "that day", "that
    /// same year" (`r_that`; `r_ref` reads "aquel entonces" in Spanish
    /// only), so a unit must follow, or "same" and a unit. In news "in"
    /// and "on" alone were a sixth of the tokens the rule loop was tried
    /// at (14,700 of 95,200 over the corpus), nearly all beginning nothing
    /// ("in the", "on Tuesday"). The
    /// test `function_words_begin_nothing_before_other_words` tries every
    /// rule at such words in the English test tables.
    fn function_word_begins_nothing(&self, i: usize, f: Func) -> bool {
        match f {
            Func::In => {
                !self.may_begin_quantity(i + 1) && self.lex(i + 1) != Some(Lex::Hedge(Hedge::About))
            }
            Func::On => {
                self.num(i + 1).is_none()
                    && !(self.is_func(i + 1, Func::The) && self.num(i + 2).is_some())
            }
            Func::At => self.lex(i + 1) != Some(Lex::Hedge(Hedge::AtLeast)),
            Func::That => {
                let unit = if self.is_rel(i + 1, Rel::Same) { i + 2 } else { i + 1 };
                self.unit(unit).is_none()
            }
            _ => false,
        }
    }

    /// Whether an English quantity may begin at token `i` (what
    /// `read_amount_unit` reads first): a number in digits or words ("3",
    /// "three", "two and a half"), "a", "half", "another" or a vague count
    /// ("several", "a few", "many").
    fn may_begin_quantity(&self, i: usize) -> bool {
        self.num(i).is_some()
            || matches!(
                self.lex(i),
                Some(
                    Lex::Number(_)
                        | Lex::NumberAndHalf(_)
                        | Lex::Vague(_)
                        | Lex::Func(Func::A | Func::Half | Func::Another)
                )
            )
    }

    /// Whether "the" at token `i` begins no expression (read for English):
    /// before a word the table does not know (see
    /// [`Parser::unknown_after_the`]), and before an adjective the rules
    /// read only with a time word after it ("the current", "the recent",
    /// "the second", "the first"; "the current quarter", "the first
    /// Monday of") or a year, when an unknown word of three letters or
    /// more follows that, not one of `THE_WORDS` nor a possessive ("the
    /// 1980’s") ("the current government",
    /// "the second round", "the 2008 election"; some 230 tries of the rule
    /// loop in news-small, none finding anything).
    fn the_begins_nothing(&self, i: usize) -> bool {
        if self.unknown_after_the(i + 1) {
            return true;
        }
        let modifier = match self.tok(i + 1) {
            Some(t) if t.kind == Kind::Num => t.digits == 4,
            Some(t) => matches!(
                t.lex,
                Some(
                    Lex::Deictic(Deictic::Current | Deictic::Recent)
                        | Lex::Ordinal(_)
                        | Lex::Unit(Unit::Second, false)
                )
            ),
            None => false,
        };
        // Not "the 1980’s": a possessive is no word.
        modifier
            && self.unknown_after_the(i + 2)
            && self.tok(i + 2).is_some_and(|t| t.end - t.start >= 3 && !is_possessive(t))
    }

    /// Whether token `i` is a word the table does not know and no English
    /// rule reads after "the" as written (see [`THE_WORDS`]).
    fn unknown_after_the(&self, i: usize) -> bool {
        self.unknown_word(i) && !THE_WORDS.iter().any(|w| self.is_word(i, w))
    }

    /// Whether the article at token `i` ("the" when `the`, else "a")
    /// begins no expression: in English as [`Parser::the_begins_nothing`]
    /// says for "the", and before a word the table does not know for "a";
    /// in the other spaced languages before any word the table does not
    /// know ("el gobierno", "une réunion"), as no rule of theirs reads one
    /// as written after an article (the test
    /// `articles_begin_nothing_before_an_unknown_word_in_other_languages`);
    /// in unspaced text, never.
    fn article_begins_nothing(&self, i: usize, the: bool) -> bool {
        if !self.lx.extended {
            return if the { self.the_begins_nothing(i) } else { self.unknown_word(i + 1) };
        }
        self.lx.unspaced.is_none() && self.unknown_word(i + 1)
    }

    /// Whether token `i`, after "in", "at" or "per", is a word the table
    /// does not know in a spaced language other than English ("en
    /// Madrid", "à Paris", "por ciento"): no rule of theirs reads one as
    /// written there (the test
    /// `prepositions_begin_nothing_before_an_unknown_word_in_other_languages`).
    fn unknown_after_preposition(&self, i: usize) -> bool {
        self.lx.extended && self.lx.unspaced.is_none() && self.unknown_word(i)
    }

    fn ordinal_word(&self, i: usize) -> Option<u32> {
        match self.lex(i) {
            Some(Lex::Ordinal(n)) => Some(n),
            Some(Lex::Unit(Unit::Second, false)) => Some(2),
            _ => None,
        }
    }

    /// Whether token `i` is an ordinal suffix of the language ("st", "nd",
    /// "rd", "th"; "er", "e"; "º"), in any case.
    fn is_ordinal_suffix(&self, i: usize) -> bool {
        self.lx.tables.ordinal_suffixes.iter().any(|suffix| self.is_word(i, suffix))
    }

    /// A digit ordinal "1st", "22nd", or an ordinal word; returns (n, end).
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        remembered(&self.reads.ordinal, i, || self.read_ordinal(i))
    }

    fn read_ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, d)) = self.num(i) {
            if d <= 2 && self.glued(i + 1) && self.is_ordinal_suffix(i + 1) {
                return Some((n, i + 2));
            }
            // "5-го", "18-е".
            if d <= 2
                && self.lx.tables.ordinal_hyphen
                && self.dash(i + 1)
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.is_ordinal_suffix(i + 2)
            {
                return Some((n, i + 3));
            }
            return None;
        }
        // "twenty-first", "thirty first".
        if let Some(Lex::Number(tens @ (20 | 30))) = self.lex(i) {
            let j = if self.dash(i + 1) { i + 2 } else { i + 1 };
            if let Some(o) = self.ordinal_word(j).filter(|o| *o < 10) {
                return Some((tens + o, j + 1));
            }
        }
        let n = self.ordinal_word(i)?;
        Some((n, i + 1))
    }

    /// A cardinal number in digits or words; returns (value, end).
    fn number(&self, i: usize) -> Option<(f64, usize)> {
        remembered(&self.reads.number, i, || self.read_number(i))
    }

    fn read_number(&self, i: usize) -> Option<(f64, usize)> {
        if let Some((n, d)) = self.num(i) {
            let mut v = f64::from(n);
            let mut j = i + 1;
            // "30,4 secondes": a decimal comma.
            if self.lx.tables.decimal_comma
                && self.punct(j, ',')
                && self.glued(j)
                && self.glued(j + 1)
                && let Some((f, fd)) = self.num(j + 1)
            {
                v += f64::from(f) / 10f64.powi(i32::from(fd));
                return Some((v, j + 2));
            }
            // "1,000", "12,500".
            while self.punct(j, ',')
                && self.glued(j)
                && self.glued(j + 1)
                && self.num(j + 1).is_some_and(|(_, d)| d == 3)
                && d <= 3
            {
                v = v * 1000.0 + f64::from(self.num(j + 1).map_or(0, |x| x.0));
                j += 2;
            }
            // "2.5".
            if self.punct(j, '.')
                && self.glued(j)
                && self.glued(j + 1)
                && let Some((f, fd)) = self.num(j + 1)
            {
                v += f64::from(f) / 10f64.powi(i32::from(fd));
                j += 2;
            }
            // "2 1/2".
            if let (Some((a, _)), true, Some((b, _))) =
                (self.num(j), self.punct(j + 1, '/'), self.num(j + 2))
                && b > a
                && b <= 4
                && a >= 1
            {
                v += f64::from(a) / f64::from(b);
                j += 3;
            }
            return Some((v, j));
        }
        match self.lex(i) {
            Some(Lex::Number(n)) => {
                let mut v = n;
                let mut j = i + 1;
                if (20..=90).contains(&n) && n % 10 == 0 {
                    let k = if self.dash(j) && self.glued(j) { j + 1 } else { j };
                    if let Some(Lex::Number(u @ 1..=9)) = self.lex(k) {
                        v += u;
                        j = k + 1;
                    }
                }
                if v < 100
                    && let Some(Lex::Number(m @ (100 | 1000))) = self.lex(j)
                {
                    v *= m;
                    j += 1;
                }
                Some((f64::from(v), j))
            }
            Some(Lex::NumberAndHalf(n)) => Some((f64::from(n) + 0.5, i + 1)),
            Some(Lex::Func(Func::A)) => match self.lex(i + 1) {
                Some(Lex::Number(m @ (12 | 100 | 1000))) => Some((f64::from(m), i + 2)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The reference moment, when the caller gave a time of day.
    fn now(&self) -> Option<jiff::civil::DateTime> {
        self.now.map(|t| self.r.to_datetime(t))
    }

    /// A point `secs` seconds from the reference moment ("in 2 hours", "20
    /// minutes ago"), as a TIME; `None` without a reference time.
    fn clock_offset(&self, secs: i64, rule: &'static str, how: String) -> Option<Pt> {
        let now = self.now()?;
        let t = cal::add_seconds(now, secs)?;
        let seconds = secs % 60 != 0 || now.second() != 0;
        let grain = if seconds { Grain::Second } else { Grain::Minute };
        let mut p = Pt::new(cal::fmt_datetime(t, seconds), grain, rule, how);
        p.kind = TimexType::Time;
        p.day = Some(t.date());
        Some(p)
    }

    // ----- the rule loop ---------------------------------------------------------------------

    /// The longest expression starting at token `i`.
    pub(crate) fn parse_at(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        // Fast exits: most tokens cannot start an expression, and function
        // words start one only with a core temporal token (or "a.m.",
        // "o'clock") close behind.
        match t.kind {
            // "20 people", "12%", "20 personas" (see `number_begins_nothing`).
            Kind::Num if self.lx.unspaced.is_none() && self.number_begins_nothing(i) => {
                return None;
            }
            Kind::Num => {}
            // "'90s": in English an apostrophe begins an expression only
            // before digits (not the quotes of "'a gift'", 2,000 times in
            // the corpus).
            Kind::Punct if t.is_punct('\'') && (self.lx.extended || self.num(i + 1).is_some()) => {}
            Kind::Punct => return None,
            Kind::Word => match t.lex {
                None => {
                    // Only these unknown words start an expression, told
                    // apart by their first letter (a byte: no slicing of
                    // the text for the words that start none).
                    let starts = match self.text.as_bytes().get(t.start) {
                        // "Q3", "H1".
                        Some(b'q' | b'Q' | b'h' | b'H') => t.end - t.start == 1,
                        // "financial year 2008-09".
                        Some(b'f' | b'F') => {
                            self.s(i).eq_ignore_ascii_case("financial")
                                && matches!(self.unit(i + 1), Some((Unit::Year, false)))
                        }
                        // "XIXe siècle".
                        Some(b'I' | b'V' | b'X' | b'L' | b'C') => {
                            self.lx.extended && self.roman(i, true).is_some()
                        }
                        _ => false,
                    };
                    if !starts {
                        return None;
                    }
                }
                Some(Lex::HolidayStart) => {
                    return self.p_holiday(i).map(|(p, e)| p.into_cand(i, e));
                }
                Some(Lex::Cue(_)) => return None,
                Some(Lex::Func(f)) if f.is_signal() => return None,
                // "in the end", "on Tuesday", "that the": in English these
                // words begin an expression only before a word their rules
                // read next (`function_word_begins_nothing`).
                Some(Lex::Func(f @ (Func::In | Func::On | Func::At | Func::That)))
                    if !self.lx.extended && self.function_word_begins_nothing(i, f) =>
                {
                    return None;
                }
                // "since", "after", "the long term": no rule of the loop
                // begins with them (`first_rules`), and in English no other
                // rule runs.
                Some(l) if !self.lx.extended && begins_no_rule(l) => return None,
                // "the government", "a statement": a word the English table
                // does not know after an article makes it begin nothing (the
                // rules read the word after it by its class), except the few
                // words they read as written after "the" (`THE_WORDS`); so
                // does such a word after "the current", "the second" or "the
                // 2008" (`article_begins_nothing`).
                Some(Lex::Func(Func::The)) if self.article_begins_nothing(i, true) => {
                    return None;
                }
                Some(Lex::Func(Func::A)) if self.article_begins_nothing(i, false) => {
                    return None;
                }
                Some(Lex::Func(Func::In | Func::At | Func::Per))
                    if self.unknown_after_preposition(i + 1) =>
                {
                    return None;
                }
                Some(l) if !l.is_core() => {
                    let anchor_near = (i + 1..(i + 6).min(self.t.len())).any(|k| {
                        self.t[k].kind == Kind::Num || self.t[k].lex.is_some_and(Lex::is_anchor)
                    });
                    // "la próxima edición" (FUTURE_REF) has no time word after it;
                    // in unspaced text "当天" (that day) stands alone; nor has
                    // "hace tiempo" (a while ago).
                    // Nor has "zum Jahresende", its unit glued to it.
                    let rel_adjective = self.lx.extended
                        && (self.is_rel_adjective(i)
                            || self.lx.unspaced.is_some()
                            || l == Lex::Rel(Rel::Ago) && self.ago_while(i + 1)
                            || matches!(l, Lex::Position(_))
                                && self.position_compound_unit(i).is_some());
                    if !anchor_near && !rel_adjective {
                        return None;
                    }
                }
                Some(_) => {}
            },
        }
        self.longest_rule_at(i)
    }

    /// Every rule tried at token `i`, the longest match kept: what
    /// [`Parser::parse_at`] does once its fast exits let `i` through.
    fn longest_rule_at(&self, i: usize) -> Option<Cand> {
        let mut best = Longest::default();
        if self.lx.extended {
            // Unspaced text has a grammar of its own (`unspaced.rs`); the
            // check sits behind the flag so that English pays nothing.
            if self.lx.unspaced.is_some() {
                return self.unspaced_at(i);
            }
            self.extended_rules_first(i, &mut best);
        }
        let t = &self.lx.tables;
        let first = first_rules(
            self.tok(i),
            !t.rate_articles.is_empty(),
            !t.plural_day_articles.is_empty(),
        );
        for &(rule, read) in &RULES {
            if first & rule != 0 {
                best.offer(read(self, i));
            }
        }
        if self.lx.extended {
            self.extended_rules_last(i, &mut best);
        }
        best.0
    }

    /// The rules of the extended grammar tried before every other
    /// (out of line: English never runs them, and kept apart they leave
    /// the rule loop's code compact).
    #[inline(never)]
    fn extended_rules_first(&self, i: usize, best: &mut Longest) {
        best.offer(self.r_not_time(i));
        best.offer(self.r_article_clock(i));
    }

    /// The rules of the extended grammar tried after every other (see
    /// `extended_rules_first`).
    #[inline(never)]
    fn extended_rules_last(&self, i: usize, best: &mut Longest) {
        best.offer(self.r_ago_before(i));
        best.offer(self.r_vague_span(i));
        best.offer(self.r_rel_adjective(i));
        best.offer(self.r_bc_period(i));
        best.offer(self.r_night_into(i));
        best.offer(self.r_time_adverb(i));
        best.offer(self.r_moment(i));
        best.offer(self.r_over_units(i));
        best.offer(self.r_vague_unit_word(i));
        best.offer(self.r_within_few(i));
    }
}

/// The words the table does not know that an English rule reads right
/// after "the", as written: "the near future", "the short term", "the
/// very near future", "the immediate future" (`r_ref`),
/// "the comparable period", "the corresponding quarter" (`r_year_ago`),
/// "the financial year 2008/09" (`p_year`), "the Q3", "the H1"
/// (`p_quarter`). After any other such word, "the" begins nothing, and in
/// news it is one in fifteen of the tokens the rule loop was tried at
/// ("the government", 9,000 times in the corpus, never an expression but
/// before these words). "a" before such a word ("a statement", 3,700
/// times) begins nothing either, before any word. The test
/// `articles_begin_nothing_before_an_unknown_word` tries every rule there
/// in the English test tables; a rule that reads a new word after "the"
/// or "a" as written makes it fail (then add the word here, or a list
/// for "a").
const THE_WORDS: [&str; 9] =
    ["near", "short", "very", "immediate", "comparable", "corresponding", "financial", "q", "h"];

/// The rules of the rule loop, one bit each (see [`first_rules`]).
mod rule {
    pub(super) const POINT: u16 = 1 << 0;
    pub(super) const POSITION: u16 = 1 << 1;
    pub(super) const SET: u16 = 1 << 2;
    pub(super) const DURATION: u16 = 1 << 3;
    pub(super) const AGO: u16 = 1 << 4;
    pub(super) const WEEKDAYS_AGO: u16 = 1 << 5;
    pub(super) const REF: u16 = 1 << 6;
    pub(super) const DAY_RANGE: u16 = 1 << 7;
    pub(super) const RANGE_FIRST_DAY: u16 = 1 << 8;
    pub(super) const YEAR_AGO: u16 = 1 << 9;
    pub(super) const IN_UNITS: u16 = 1 << 10;
    pub(super) const NTH_WEEKDAY: u16 = 1 << 11;
    pub(super) const DAY_ALONE: u16 = 1 << 12;
    pub(super) const THAT: u16 = 1 << 13;
    /// Every rule, however many `RULES` holds.
    pub(super) const ALL: u16 = u16::MAX;
}

/// A rule of the loop: the longest expression it reads from token `i`.
type Rule = fn(&Parser<'_>, usize) -> Option<Cand>;

/// The rules every language's loop tries, in the order they are offered
/// (the first of equally long candidates is kept).
const RULES: [(u16, Rule); 14] = [
    (rule::POINT, |p, i| p.r_point(i)),
    (rule::POSITION, |p, i| p.r_position(i)),
    (rule::SET, |p, i| p.r_set(i)),
    (rule::DURATION, |p, i| p.r_duration(i)),
    (rule::AGO, |p, i| p.r_ago(i)),
    (rule::WEEKDAYS_AGO, |p, i| p.r_weekdays_ago(i)),
    (rule::REF, |p, i| p.r_ref(i)),
    (rule::DAY_RANGE, |p, i| p.r_day_range(i)),
    (rule::RANGE_FIRST_DAY, |p, i| p.r_range_first_day(i)),
    (rule::YEAR_AGO, |p, i| p.r_year_ago(i)),
    (rule::IN_UNITS, |p, i| p.r_in_units(i)),
    (rule::NTH_WEEKDAY, |p, i| p.r_nth_weekday(i)),
    (rule::DAY_ALONE, |p, i| p.r_day_alone(i)),
    (rule::THAT, |p, i| p.r_that(i)),
];

/// The rules of [`RULES`] a token may begin: all of them, except for
/// numbers and the function words the loop meets most, which begin few.
/// In news, "the", "in", "a", "on", "at", "that", the hedges ("about",
/// "over") and "since"/"after" are more than half the tokens the loop is
/// tried at, and nearly all begin nothing; trying only the rules that
/// read them first keeps those tries short. The test
/// `rules_begin_only_as_listed` tries every rule at every such token of the
/// test tables, in every language, and fails when a rule outside this
/// table reads one (then add the rule here).
///
/// `rates`: the language writes a rate's "a" as a preposition ("400 Euro
/// [im Monat]"; `Tables::rate_articles`), which then begins a set.
///
/// `plural_days`: an article may make the weekday after it plural
/// ("los lunes"; `Tables::plural_day_articles`), which then begins a set.
fn first_rules(token: Option<&Token>, rates: bool, plural_days: bool) -> u16 {
    use rule::*;
    let Some(token) = token else { return ALL };
    if token.kind == Kind::Num {
        // A number begins no rule that reads a word first ("the", "in",
        // "on", "that", a reference word, a position).
        return POINT
            | SET
            | DURATION
            | AGO
            | WEEKDAYS_AGO
            | DAY_RANGE
            | RANGE_FIRST_DAY
            | NTH_WEEKDAY;
    }
    match token.lex {
        // "the past three years", "the 1990s", "the third quarter", "the
        // 30th", "the same month a year earlier", "the second Monday of".
        Some(Lex::Func(Func::The)) => {
            let the = POINT
                | POSITION
                | DURATION
                | REF
                | RANGE_FIRST_DAY
                | YEAR_AGO
                | NTH_WEEKDAY
                | DAY_ALONE;
            // Spanish "los lunes".
            if plural_days { the | SET } else { the }
        }
        // "a week", "a few days ago", "a day", "a quarter past 3".
        Some(Lex::Func(Func::A)) => POINT | SET | DURATION | AGO,
        // "in two weeks"; German "400 Euro [im Monat]".
        Some(Lex::Func(Func::In)) if rates => IN_UNITS | SET,
        Some(Lex::Func(Func::In)) => IN_UNITS,
        // "on the 12th"; German "200 Patienten [am Tag]".
        Some(Lex::Func(Func::On)) if rates => DAY_ALONE | SET,
        Some(Lex::Func(Func::On)) => DAY_ALONE,
        // "at least two years (ago)".
        Some(Lex::Func(Func::At)) => DURATION | AGO,
        // "that day", "that same year"; Spanish "aquel entonces".
        Some(Lex::Func(Func::That)) => THAT | REF,
        // "about 7 p.m.", "more than two years (ago)".
        Some(Lex::Hedge(_)) => POINT | DURATION | AGO,
        // "now", "currently", "previously", "soon", "in future".
        Some(Lex::Deictic(
            Deictic::Now
            | Deictic::Present
            | Deictic::PastRef
            | Deictic::Future
            | Deictic::FutureRef,
        )) => REF,
        // "per day", "every week", "each year".
        Some(Lex::Func(Func::Per | Func::Every | Func::Each)) => SET,
        Some(l) if begins_no_rule(l) => 0,
        _ => ALL,
    }
}

/// Whether no rule of [`RULES`] begins with a word of class `lex`: words
/// that only link an expression to what comes before ("since", "after"),
/// and nouns that are part of one only after another word ("the long
/// term", "at the time", "the same period").
fn begins_no_rule(lex: Lex) -> bool {
    matches!(
        lex,
        Lex::Rel(Rel::Since | Rel::After | Rel::Before)
            | Lex::Func(
                Func::Term | Func::Time | Func::S | Func::Right | Func::Long | Func::Period
            )
    )
}

impl Pt {
    fn duration(mut self) -> Pt {
        self.kind = TimexType::Duration;
        self
    }

    fn set(mut self) -> Pt {
        self.kind = TimexType::Set;
        self
    }
}

/// The longest of the candidates a rule loop offers, the first of equally
/// long ones kept: what `longest_rule_at` and the unspaced grammar's
/// `unspaced_at` return.
#[derive(Default)]
pub(super) struct Longest(pub(super) Option<Cand>);

impl Longest {
    #[inline]
    pub(super) fn offer(&mut self, c: Option<Cand>) {
        if let Some(c) = c {
            self.keep_longer(c);
        }
    }

    /// Out of line: few rules find anything, and kept apart the comparison
    /// and the dropping of the shorter candidate stay out of every step of
    /// the rule loop.
    #[inline(never)]
    fn keep_longer(&mut self, c: Cand) {
        if c.e > c.s && self.0.as_ref().is_none_or(|b| c.e > b.e) {
            self.0 = Some(c);
        }
    }
}

fn is_possessive_tok(t: Option<&Token>) -> bool {
    t.is_some_and(is_possessive)
}

fn unit_grain(u: Unit) -> Grain {
    match u {
        Unit::Second => Grain::Second,
        Unit::Minute => Grain::Minute,
        Unit::Hour => Grain::Hour,
        Unit::Day => Grain::Day,
        Unit::Week | Unit::Fortnight => Grain::Week,
        Unit::Month => Grain::Month,
        Unit::Quarter => Grain::Quarter,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
        Unit::Century => Grain::Century,
        Unit::Millennium => Grain::Millennium,
    }
}

fn grain_unit(g: Grain) -> Option<Unit> {
    Some(match g {
        Grain::Second => Unit::Second,
        Grain::Minute => Unit::Minute,
        Grain::Hour => Unit::Hour,
        Grain::Day => Unit::Day,
        Grain::Week => Unit::Week,
        Grain::Month => Unit::Month,
        Grain::Quarter => Unit::Quarter,
        Grain::Year => Unit::Year,
        Grain::Decade => Unit::Decade,
        Grain::Century => Unit::Century,
        Grain::Millennium => Unit::Millennium,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Language;

    /// The fast exit for signal words ("of", "to", "during") loses nothing:
    /// at no signal word in the grammar's test texts, or in sentences full
    /// of them, does any rule match. A rule that one day begins with a
    /// signal makes this fail; drop the word from `Func::is_signal` then.
    #[test]
    fn no_rule_begins_with_a_signal_word() {
        let texts = english_texts(&[
            "of 2012, to May 5, from 13 July to 15 July, during the 1990s",
            "for three years, by Friday, until next week, through 2025",
            "between 2010 and 2012, within two days, 3 or 4 hours, and Tuesday",
            "To 1999. From now on. Of the 20th century. For the past decade.",
        ]);
        let signals = nothing_read_at(
            &texts,
            |_, _, token| matches!(token.lex, Some(Lex::Func(f)) if f.is_signal()),
            |parser, i| parser.longest_rule_at(i),
        );
        assert!(signals > 100, "only {signals} signal words tried");
    }

    /// The English case tables of `tests/data`.
    const ENGLISH_TABLES: [&str; 7] = [
        include_str!("../../tests/data/absolute.toml"),
        include_str!("../../tests/data/durations_sets.toml"),
        include_str!("../../tests/data/edges.toml"),
        include_str!("../../tests/data/clause.toml"),
        include_str!("../../tests/data/false_positives.toml"),
        include_str!("../../tests/data/relative.toml"),
        include_str!("../../tests/data/times.toml"),
    ];

    /// The text of every case of a table of `tests/data`.
    fn case_texts(table: &str) -> Vec<String> {
        let table: toml::Value = toml::from_str(table).expect("a valid table");
        let cases = table.get("case").and_then(toml::Value::as_array).expect("cases");
        cases.iter().filter_map(|c| c.get("text")?.as_str()).map(str::to_owned).collect()
    }

    /// `extra`, then the text of every case of the English tables.
    fn english_texts(extra: &[&str]) -> Vec<String> {
        let mut texts: Vec<String> = extra.iter().map(|&t| t.to_owned()).collect();
        for table in ENGLISH_TABLES {
            texts.extend(case_texts(table));
        }
        texts
    }

    /// Calls `visit` with each English text of `texts`, a parser of it and
    /// each of its tokens with its index.
    fn each_english_token(
        texts: &[String],
        mut visit: impl FnMut(&str, &Parser<'_>, usize, &Token),
    ) {
        let lexicon = Lexicon::new(Language::English);
        for text in texts {
            let mut tokens = Vec::new();
            crate::token::tokenize(text, 0, text.len(), &lexicon, &mut tokens);
            let parser = test_parser(text, &tokens, &lexicon);
            for (i, token) in tokens.iter().enumerate() {
                visit(text, &parser, i, token);
            }
        }
    }

    /// Asks `read` at every token of `texts` that `tried` picks and fails
    /// when it reads anything there; returns how many tokens it asked at.
    fn nothing_read_at<T: std::fmt::Debug>(
        texts: &[String],
        tried: impl Fn(&Parser<'_>, usize, &Token) -> bool,
        read: impl Fn(&Parser<'_>, usize) -> Option<T>,
    ) -> usize {
        let mut asked = 0;
        each_english_token(texts, |text, parser, i, token| {
            if tried(parser, i, token) {
                asked += 1;
                let found = read(parser, i);
                assert!(found.is_none(), "{text:?} at {:?}: {found:?}", &text[token.start..]);
            }
        });
        asked
    }

    /// A parser of `tokens` of `text` as the extractor makes one, with a
    /// fixed reference day.
    fn test_parser<'a>(text: &'a str, tokens: &'a [Token], lexicon: &'a Lexicon) -> Parser<'a> {
        Parser {
            text,
            t: tokens,
            lx: lexicon,
            r: Civil::constant(2024, 7, 24),
            now: None,
            direction: Direction::Context,
            day_first: false,
            doc: Box::leak(Box::default()),
            amount_memo: RefCell::default(),
            clause_memo: RefCell::default(),
            reads: Reads::default(),
        }
    }

    /// `first_rules` loses nothing: at every token of a class it limits,
    /// in every language's test texts, no rule outside its list reads an
    /// expression.
    #[test]
    fn rules_begin_only_as_listed() {
        let tables: [(Language, &[&str]); 6] = [
            (Language::English, &ENGLISH_TABLES),
            (Language::German, &[include_str!("../../tests/data/de.toml")]),
            (Language::French, &[include_str!("../../tests/data/fr.toml")]),
            (Language::Spanish, &[include_str!("../../tests/data/es.toml")]),
            (Language::Ukrainian, &[include_str!("../../tests/data/uk.toml")]),
            (Language::Russian, &[include_str!("../../tests/data/ru.toml")]),
        ];
        let mut limited = 0;
        for (language, tables) in tables {
            let lexicon = Lexicon::new(language);
            for table in tables {
                for text in &case_texts(table) {
                    let mut tokens = Vec::new();
                    crate::token::tokenize(text, 0, text.len(), &lexicon, &mut tokens);
                    let parser = test_parser(text, &tokens, &lexicon);
                    for i in 0..tokens.len() {
                        let rates = !lexicon.tables.rate_articles.is_empty();
                        let plural_days = !lexicon.tables.plural_day_articles.is_empty();
                        let first = first_rules(parser.tok(i), rates, plural_days);
                        if first == rule::ALL {
                            continue;
                        }
                        limited += 1;
                        for (k, &(bit, read)) in RULES.iter().enumerate() {
                            let found = read(&parser, i).filter(|c| c.e > c.s);
                            assert!(
                                first & bit != 0 || found.is_none(),
                                "{language:?} {text:?}: rule {k} of RULES reads {found:?} at {:?}",
                                &text[tokens[i].start..]
                            );
                        }
                    }
                }
            }
        }
        assert!(limited > 1000, "only {limited} limited tokens tried");
    }

    /// The fast exits for "the" and "a" before an unknown word (and "the"
    /// before "current", "recent", an ordinal or a year and then one), and
    /// for an apostrophe before anything but digits, lose nothing: at no such
    /// token in the English test texts, or in sentences full of them,
    /// does any rule match. A rule that one day
    /// reads another word after one as written makes this fail; add the
    /// word to `THE_WORDS` then (or a list for "a").
    #[test]
    fn articles_begin_nothing_before_an_unknown_word() {
        let texts = english_texts(&[
            "The government said the country would hold the vote after the 2024 election.",
            "The report of the group came out in the morning, the company said on Monday.",
            "The city council met the mayor on the 5th; the talks ended the next day.",
            "The people of the region voted in the referendum held in the spring of 2019.",
            "A spokesman said a new plan, a statement and a vote were due a week later.",
            "It was a long day; a second term began in a hurry a year ago, at 3 a.m.",
            "He called it 'a gift' and ‘the deal of the year’ in the '90s, not 'later'.",
            "The current government and the recent floods ended the second round of talks.",
            "In the 2008 election, the first vote of the current quarter came the second Monday.",
            "The recent past, the first half, the second week, the 1990s and the 2008 Olympics.",
            "The current financial year, the first financial quarter, the 2008 Q3 and the 1999 H1.",
            "Music of the 1980’s and the 1970’s, the 2008’s best, the first’s end.",
        ]);
        let tried = nothing_read_at(
            &texts,
            |parser, i, token| match token.lex {
                Some(Lex::Func(Func::The)) => parser.article_begins_nothing(i, true),
                Some(Lex::Func(Func::A)) => parser.article_begins_nothing(i, false),
                _ => token.is_punct('\'') && parser.num(i + 1).is_none(),
            },
            |parser, i| parser.longest_rule_at(i),
        );
        assert!(tried > 600, "only {tried} tried");
    }

    /// The fast exit for numbers before an unknown word, a closing mark or
    /// "%" loses nothing: at no such number in the English test texts, or
    /// in sentences full of them, does any rule match. A rule that one day
    /// reads a new word after a number as written makes this fail; give
    /// the word a class in the table then.
    #[test]
    fn numbers_begin_nothing_before_an_unknown_word() {
        let texts = english_texts(&[
            "About 300 soldiers and 20 people died; 12% of 150 voters (12) said so.",
            "The 3 companies paid 45 employees 7 times a year, at 5 in the morning.",
            "He served 5 working days, 20 odd years and 2 school terms | 5 | 9 & 10.",
            "Shares fell 3 percent to 250 cents, 40 analysts said on 2 May at 10 am.",
            "In 1961-90 and 2009–10, 15 of 20 members met at 9:30 for 45 minutes.",
            "Police held 14 men, 3 women and 27 children; 8 cars and 96 houses burned.",
            "Some 1,500 troops, 2.5 percent of 3,000 votes and 1.2% of 4,200 (35.5) fell.",
            "Team A won 3 games [4] and scored 112 points \"5\" ahead of 60 rivals.",
        ]);
        let tried = nothing_read_at(
            &texts,
            |parser, i, token| token.kind == Kind::Num && parser.number_begins_nothing(i),
            |parser, i| parser.longest_rule_at(i),
        );
        assert!(tried > 110, "only {tried} tried");
    }

    /// The fast exits for "in", "on", "at" and "that" before a word their
    /// rules do not read next lose nothing: at no such word in the English
    /// test texts, or in sentences full of them, does any rule match. A
    /// rule that one day begins with one of them and reads another word
    /// after it makes this fail; widen `function_word_begins_nothing` then.
    #[test]
    fn function_words_begin_nothing_before_other_words() {
        let texts = english_texts(&[
            "In the end, in May, in 2024 and in the 1990s, the talks in Paris failed.",
            "On Tuesday, on the 5th, on 12 May and on the morning of June 3 it rained.",
            "At the meeting at 3 p.m., at noon, at least two years ago, at the time.",
            "In two weeks, in about an hour, in a few days, in several months, in half an hour.",
            "On the second day, on the same day, on the 2nd, at the end of the year.",
            "In one-and-a-half years, in another week, in many years; at the latest.",
            "He said that the talks that day and that same year, not that week, failed.",
            "That year, that time, that Monday, that 2024 plan and that same month ended.",
        ]);
        let tried = nothing_read_at(
            &texts,
            |parser, i, token| match token.lex {
                Some(Lex::Func(f @ (Func::In | Func::On | Func::At | Func::That))) => {
                    parser.function_word_begins_nothing(i, f)
                }
                _ => false,
            },
            |parser, i| parser.longest_rule_at(i),
        );
        assert!(tried > 500, "only {tried} tried");
    }

    /// The test tables of the spaced languages other than English.
    const OTHER_TABLES: [(Language, &str); 5] = [
        (Language::German, include_str!("../../tests/data/de.toml")),
        (Language::French, include_str!("../../tests/data/fr.toml")),
        (Language::Spanish, include_str!("../../tests/data/es.toml")),
        (Language::Ukrainian, include_str!("../../tests/data/uk.toml")),
        (Language::Russian, include_str!("../../tests/data/ru.toml")),
    ];

    /// Sentences full of articles and numbers before words the tables do
    /// not know, and of numbers that begin expressions.
    const OTHER_SENTENCES: [(Language, &str); 11] = [
        (
            Language::Spanish,
            "Vivió en Madrid 20 años, trabajó en Sevilla en 2019, a Juan lo vio el 3 de mayo \\
             y cobró por hora, por ciento y por semana en Bogotá a mediados de 2020.",
        ),
        (
            Language::French,
            "Il a vécu à Paris 20 ans, travaillé en Bretagne en 2019, à Lyon le 3 mai, payé \\
             par heure et par semaine, dans Marseille au début de 2020.",
        ),
        (
            Language::German,
            "Er lebte in Berlin 20 Jahre, arbeitete in Bayern 2019, am Rhein am 3. Mai und \\
             zahlte pro Stunde und pro Woche in Hamburg Anfang 2020.",
        ),
        (
            Language::Spanish,
            "El gobierno dijo que la reunión del 5 de mayo juntó a 20 personas y un acuerdo; \
             los ministros y una comisión votaron el martes 3 de junio de 2019.",
        ),
        (
            Language::Spanish,
            "Unos 300 soldados, el 12% de 150 votantes (12) y las tropas llegaron en 2019; \
             un par de días, los años 90, el siglo XV, la mitad de 2020 y 1,5 millones.",
        ),
        (
            Language::French,
            "Le gouvernement a dit que la réunion du 5 mai a réuni 20 personnes et un accord ; \
             les ministres et une commission ont voté le mardi 3 juin 2019 à 15 h 30.",
        ),
        (
            Language::French,
            "Quelque 300 soldats, 12 % des 150 électeurs (12), la 5ème armée et le 1er mai \
             sont arrivés en 2019 ; l'an dernier, une semaine, les années 90 et 2,5 millions.",
        ),
        (
            Language::German,
            "Die Regierung sagte, dass 20 Menschen und ein Abkommen am 5. Mai in der Stadt \
             300 Soldaten sahen; die Minister stimmten am Dienstag, dem 3. Juni 2019.",
        ),
        (
            Language::German,
            "Der Bericht kam in den 90er Jahren, ein Jahr nach der Wahl, um 15 Uhr mit 12 % \
             der 150 Stimmen (12) und 1,5 Millionen Euro.",
        ),
        (
            Language::Russian,
            "Правительство сообщило, что 20 человек и 300 солдат прибыли 5 мая 2019 года; \
             12 % из 150 избирателей (12) проголосовали за 3 дня.",
        ),
        (
            Language::Ukrainian,
            "Уряд повідомив, що 20 людей і 300 солдатів прибули 5 травня 2019 року; \
             12 % зі 150 виборців (12) проголосували за 3 дні.",
        ),
    ];

    /// As [`nothing_read_at`], over the texts of the other spaced
    /// languages' tables and `OTHER_SENTENCES`, each with its language's
    /// lexicon.
    fn nothing_read_in_other_languages<T: std::fmt::Debug>(
        tried: impl Fn(&Parser<'_>, usize, &Token) -> bool,
        read: impl Fn(&Parser<'_>, usize) -> Option<T>,
    ) -> usize {
        let mut texts: Vec<(Language, String)> =
            OTHER_SENTENCES.iter().map(|&(language, text)| (language, text.to_owned())).collect();
        for (language, table) in OTHER_TABLES {
            texts.extend(case_texts(table).into_iter().map(|text| (language, text)));
        }
        let mut asked = 0;
        for (language, text) in &texts {
            let lexicon = Lexicon::new(*language);
            let mut tokens = Vec::new();
            crate::token::tokenize(text, 0, text.len(), &lexicon, &mut tokens);
            let parser = test_parser(text, &tokens, &lexicon);
            for (i, token) in tokens.iter().enumerate() {
                if tried(&parser, i, token) {
                    asked += 1;
                    let found = read(&parser, i);
                    assert!(
                        found.is_none(),
                        "{language:?} {text:?} at {:?}: {found:?}",
                        &text[token.start..]
                    );
                }
            }
        }
        asked
    }

    /// The fast exit for numbers before an unknown word that stands apart,
    /// a closing mark or "%" loses nothing in the other spaced languages
    /// either: no rule matches at such a number in their test texts. A
    /// rule that one day reads a word after a number as written makes
    /// this fail; give the word a class in the language's table then.
    #[test]
    fn numbers_begin_nothing_before_an_unknown_word_in_other_languages() {
        let tried = nothing_read_in_other_languages(
            |parser, i, token| token.kind == Kind::Num && parser.number_begins_nothing(i),
            |parser, i| parser.longest_rule_at(i),
        );
        assert!(tried > 30, "only {tried} tried");
    }

    /// The fast exits for articles before an unknown word lose nothing in
    /// the other spaced languages: no rule matches at such an article in
    /// their test texts ("el gobierno", "une réunion", "die Regierung").
    /// A rule that one day reads a word after an article as written makes
    /// this fail; give the word a class in the language's table then.
    #[test]
    fn articles_begin_nothing_before_an_unknown_word_in_other_languages() {
        let tried = nothing_read_in_other_languages(
            |parser, i, token| match token.lex {
                Some(Lex::Func(Func::The)) => parser.article_begins_nothing(i, true),
                Some(Lex::Func(Func::A)) => parser.article_begins_nothing(i, false),
                _ => false,
            },
            |parser, i| parser.longest_rule_at(i),
        );
        assert!(tried > 300, "only {tried} tried");
    }

    /// The fast exit for "in", "at" and "per" before an unknown word loses
    /// nothing in the other spaced languages: no rule matches at such a
    /// word in their test texts ("en Madrid", "à Paris", "por ciento").
    #[test]
    fn prepositions_begin_nothing_before_an_unknown_word_in_other_languages() {
        let tried = nothing_read_in_other_languages(
            |parser, i, token| {
                matches!(token.lex, Some(Lex::Func(Func::In | Func::At | Func::Per)))
                    && parser.unknown_after_preposition(i + 1)
            },
            |parser, i| parser.longest_rule_at(i),
        );
        assert!(tried > 90, "only {tried} tried");
    }

    /// The remembered reads (`Reads`) give what reading again gives, at
    /// every token of the English and German test texts, asked in text
    /// order, backwards and alternating between two tokens.
    #[test]
    fn remembered_reads_are_the_reads() {
        for (language, table) in [
            (Language::English, include_str!("../../tests/data/absolute.toml")),
            (Language::English, include_str!("../../tests/data/durations_sets.toml")),
            (Language::German, include_str!("../../tests/data/de.toml")),
        ] {
            let lexicon = Lexicon::new(language);
            for text in &case_texts(table) {
                let mut tokens = Vec::new();
                crate::token::tokenize(text, 0, text.len(), &lexicon, &mut tokens);
                let parser = test_parser(text, &tokens, &lexicon);
                let n = tokens.len() + 1;
                let order = (0..n).chain((0..n).rev()).chain((0..n).flat_map(|i| [i, n - 1 - i]));
                for i in order {
                    assert_eq!(parser.ordinal(i), parser.read_ordinal(i), "{text:?} at {i}");
                    assert_eq!(parser.number(i), parser.read_number(i), "{text:?} at {i}");
                    assert_eq!(parser.day_num(i), parser.read_day_num(i), "{text:?} at {i}");
                }
            }
        }
    }

    /// No point begins with a hedge in English (`r_point` skips reading
    /// one there): at every hedge of the English test texts and of
    /// sentences full of them, `point` reads nothing.
    #[test]
    fn a_hedge_is_no_point() {
        let texts = english_texts(&[
            "About 20 people, nearly 300 homes, more than 5 cars and over 9 years ago.",
            "Up to 7 p.m., at least 3 days, less than a week, under 2 hours, about noon.",
            "Nearly half past three; more than twice; about the third quarter; over May.",
        ]);
        let hedges = nothing_read_at(
            &texts,
            |_, _, token| matches!(token.lex, Some(Lex::Hedge(_))),
            |parser, i| parser.point(i),
        );
        assert!(hedges > 50, "only {hedges} hedges tried");
    }

    /// The DATE point readers `date_point` skips at an English number
    /// read none: at every number of the English test texts and of
    /// sentences full of them, each reads nothing.
    #[test]
    fn word_readers_read_no_number() {
        type Read = fn(&Parser<'_>, usize) -> Option<(Pt, usize)>;
        let readers: [(&str, Read); 7] = [
            ("p_month_first", |p, i| p.p_month_first(i)),
            ("p_weekday", |p, i| p.p_weekday(i)),
            ("p_deictic", |p, i| p.p_deictic(i)),
            ("p_relative", |p, i| p.p_relative(i)),
            ("p_season", |p, i| p.p_season(i)),
            ("p_holiday", |p, i| p.p_holiday(i)),
            ("p_week_number", |p, i| p.p_week_number(i)),
        ];
        let texts = english_texts(&[
            "On 5 May 2024, 3 days later, at 7, the 1990s, 4th of July, 9/11, 2 weeks ago.",
            "Week 5, 12 noon, 3 p.m., 2024 Q3, 25 December, 1 Jan, 2008-09, '90s, 15:30.",
        ]);
        let mut numbers = 0;
        each_english_token(&texts, |text, parser, i, token| {
            if token.kind != Kind::Num {
                return;
            }
            numbers += 1;
            for (name, read) in readers {
                let found = read(parser, i).map(|(p, e)| (p.value, e));
                assert!(
                    found.is_none(),
                    "{name} {text:?} at {:?}: {found:?}",
                    &text[token.start..]
                );
            }
        });
        assert!(numbers > 500, "only {numbers} numbers tried");
    }

    /// The words of `THE_WORDS` still begin their expressions with "the"
    /// (each is needed), an article before a word of the table does, and
    /// one before an unknown word does not; an apostrophe begins one only
    /// before digits.
    #[test]
    fn words_read_after_the_begin_with_it() {
        let cases: [(&str, Option<&str>); 21] = [
            (
                "Sales rose from the comparable year-earlier period.",
                Some("the comparable year-earlier period"),
            ),
            (
                "Profit fell from the corresponding year-ago quarter.",
                Some("the corresponding year-ago quarter"),
            ),
            ("Rates will stay low in the near future.", Some("the near future")),
            ("Prices may fall in the short term.", Some("the short term")),
            ("Growth in the financial year 2008/09 slowed.", Some("the financial year 2008/09")),
            ("Sales rose in the Q3.", Some("the Q3")),
            ("Sales rose in the very near future.", Some("the very near future")),
            ("Sales rose in the immediate future.", Some("the immediate future")),
            ("It grew in the H1 2024 report.", Some("the H1 2024")),
            ("Rates will stay low in the distant future.", None),
            ("Growth in the economic year 2008 slowed.", None),
            ("It reported the third-quarter results.", None),
            ("It was the 1990s.", Some("the 1990s")),
            ("It took a week or so.", Some("a week or so")),
            ("It ended a few days ago.", Some("a few days ago")),
            ("It was a new plan.", None),
            ("Music from '90s bands.", Some("'90s")),
            ("He said 'later' was fine.", None),
            ("Sales rose in the current quarter.", Some("the current quarter")),
            ("Sales rose in the current financial year.", Some("the current financial year")),
            ("It was the second round.", None),
        ];
        let lexicon = Lexicon::new(Language::English);
        for (text, want) in cases {
            let mut tokens = Vec::new();
            crate::token::tokenize(text, 0, text.len(), &lexicon, &mut tokens);
            let parser = test_parser(text, &tokens, &lexicon);
            let i = tokens
                .iter()
                .position(|t| matches!(&text[t.start..t.end], "the" | "a" | "'"))
                .expect("a lowercase article or an apostrophe");
            let got = parser.parse_at(i).map(|c| &text[tokens[c.s].start..tokens[c.e - 1].end]);
            assert_eq!(got, want, "{text:?}");
        }
    }
}
