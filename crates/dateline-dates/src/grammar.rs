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

use jiff::civil::Date as Civil;

use crate::Direction;
use crate::cal;
use crate::lexicon::{
    Cue, Deictic, Func, Hedge, HolidayRule, Lex, Lexicon, PartOfDay, Position, Rel, Unit, Vague,
};
use crate::timex::{Grain, Modifier, TimexRange, TimexType};
use crate::token::{Kind, Token, is_possessive};

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

    fn into_cand(self, s: usize, e: usize) -> Cand {
        let rule = if self.how.is_empty() {
            self.rule.to_owned()
        } else {
            format!("{}:{}", self.rule, self.how)
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
}

pub(crate) struct Parser<'a> {
    pub(crate) text: &'a str,
    pub(crate) t: &'a [Token],
    pub(crate) lx: &'a Lexicon,
    pub(crate) r: Civil,
    pub(crate) direction: Direction,
    pub(crate) day_first: bool,
    pub(crate) doc: DocState,
}

/// Months this close to the reference resolve to the nearest reading.
const MONTH_NEAR: i64 = 3;

const MEASURE_NOUNS: &[&str] = &[
    "people",
    "persons",
    "men",
    "women",
    "children",
    "troops",
    "soldiers",
    "students",
    "workers",
    "employees",
    "jobs",
    "shares",
    "tons",
    "tonnes",
    "barrels",
    "cars",
    "vehicles",
    "units",
    "points",
    "feet",
    "ft",
    "meters",
    "metres",
    "miles",
    "km",
    "kilometers",
    "kilometres",
    "kg",
    "pounds",
    "lbs",
    "dollars",
    "euros",
    "yen",
    "acres",
    "hectares",
    "votes",
    "seats",
    "rooms",
    "homes",
    "houses",
    "copies",
    "words",
    "calories",
    "mph",
    "degrees",
    "hp",
    "members",
    "residents",
    "patients",
    "users",
    "deaths",
    "cases",
    "pages",
    "times",
    "households",
    "mw",
    "kw",
    "gw",
    "rpm",
    "bpd",
    "ounces",
    "oz",
    "gallons",
    "liters",
    "litres",
    "marines",
    "officers",
    "police",
    "refugees",
    "prisoners",
    "planes",
    "aircraft",
    "ships",
    "tanks",
    "missiles",
    "rockets",
    "flights",
    "passengers",
    "visitors",
    "delegates",
    "candidates",
    "companies",
    "firms",
    "stores",
    "banks",
    "schools",
    "villages",
    "cattle",
    "sheep",
    "positions",
    "signatures",
    "applications",
    "tickets",
    "spectators",
    "fans",
    "athletes",
];

const NUMBER_CONTEXT: &[&str] = &[
    "no",
    "nos",
    "number",
    "numbers",
    "page",
    "pages",
    "p",
    "pp",
    "room",
    "flight",
    "route",
    "highway",
    "interstate",
    "rule",
    "resolution",
    "section",
    "article",
    "chapter",
    "paragraph",
    "model",
    "version",
    "windows",
    "tel",
    "phone",
    "fax",
    "box",
    "suite",
    "apt",
    "unit",
    "code",
    "dow",
    "index",
    "nasdaq",
    "s&p",
    "ftse",
    "dax",
    "nikkei",
    "boeing",
    "airbus",
    "rev",
    "vol",
    "issue",
    "bill",
    "hr",
    "line",
    "platform",
    "gate",
    "bus",
    "ward",
    "district",
    "block",
    "lot",
    "item",
    "exhibit",
    "figure",
    "fig",
    "table",
    "step",
    "level",
    "class",
    "grade",
    "size",
];

impl<'a> Parser<'a> {
    // ----- token helpers -------------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Token> {
        self.t.get(i)
    }

    fn lex(&self, i: usize) -> Option<Lex> {
        self.t.get(i).and_then(|t| t.lex)
    }

    fn s(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.kind == Kind::Word && self.text[t.start..t.end].eq_ignore_ascii_case(w)
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

    fn ordinal_word(&self, i: usize) -> Option<u32> {
        match self.lex(i) {
            Some(Lex::Ordinal(n)) => Some(n),
            Some(Lex::Unit(Unit::Second, false)) => Some(2),
            _ => None,
        }
    }

    /// A digit ordinal "1st", "22nd", or an ordinal word; returns (n, end).
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, d)) = self.num(i) {
            if d <= 2
                && self.glued(i + 1)
                && matches!(self.s(i + 1).to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
            {
                return Some((n, i + 2));
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
        if let Some((n, d)) = self.num(i) {
            let mut v = f64::from(n);
            let mut j = i + 1;
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
            Some(Lex::Func(Func::A)) => match self.lex(i + 1) {
                Some(Lex::Number(m @ (12 | 100 | 1000))) => Some((f64::from(m), i + 2)),
                _ => None,
            },
            _ => None,
        }
    }

    // ----- direction -------------------------------------------------------------------------

    /// The direction for the expression at tokens `s..e`, with the cue that decided it.
    pub(crate) fn direction_at(&self, s: usize, e: usize, default: Dir) -> (Dir, String) {
        match self.direction {
            Direction::Past => return (Dir::Past, "option-past".into()),
            Direction::Future => return (Dir::Future, "option-future".into()),
            Direction::Nearest => return (Dir::Nearest, "option-nearest".into()),
            Direction::Context => {}
        }
        // Left: up to 10 tokens, within the sentence.
        let mut i = s;
        let mut steps = 0;
        while i > 0 && steps < 10 {
            i -= 1;
            steps += 1;
            if self.sentence_end(i) {
                break;
            }
            if self.lex(i) == Some(Lex::Cue(Cue::Report)) {
                return (Dir::Past, format!("past-cue({})", self.s(i).to_ascii_lowercase()));
            }
            if let Some(d) = self.cue(i, s - i) {
                return d;
            }
            if self.breaks(i) {
                break;
            }
        }
        // Right: up to 6 tokens.
        let mut j = e;
        while j < self.t.len() && j < e + 6 {
            if self.breaks(j) || self.sentence_end(j) {
                break;
            }
            if let Some(d) = self.cue(j, j + 1 - e) {
                return d;
            }
            j += 1;
        }
        (default, "default".into())
    }

    fn sentence_end(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return true };
        if t.kind != Kind::Punct {
            return false;
        }
        match char::from_u32(t.num) {
            Some('!' | '?' | ';' | '"' | '“' | '”') => true,
            Some('.') => {
                // Not after an abbreviation ("Sept.", "Mr.") or an initial.
                i == 0
                    || !matches!(self.lex(i - 1), Some(Lex::MonthAbbr(_) | Lex::WeekdayAbbr(_)))
                        && !(self
                            .tok(i - 1)
                            .is_some_and(|p| p.kind == Kind::Word && p.end - p.start <= 2))
            }
            _ => false,
        }
    }

    fn cue(&self, i: usize, distance: usize) -> Option<(Dir, String)> {
        let word = self.s(i);
        // "took effect", "came into effect": the verb decides.
        if word.eq_ignore_ascii_case("effect") {
            for k in [i.wrapping_sub(1), i.wrapping_sub(2)] {
                if self.lex(k) == Some(Lex::Cue(Cue::Past)) {
                    return Some((
                        Dir::Past,
                        format!("past-cue({} effect)", self.s(k).to_ascii_lowercase()),
                    ));
                }
            }
        }
        match self.lex(i) {
            Some(Lex::Cue(Cue::Future)) => {
                return Some((Dir::Future, format!("future-cue({})", word.to_ascii_lowercase())));
            }
            Some(Lex::Cue(Cue::Past)) => {
                return Some((Dir::Past, format!("past-cue({})", word.to_ascii_lowercase())));
            }
            Some(Lex::Cue(Cue::Present | Cue::Report)) => return None,
            Some(Lex::Rel(Rel::Since | Rel::Ago)) => {
                return Some((Dir::Past, format!("past-cue({})", word.to_ascii_lowercase())));
            }
            _ => {}
        }
        let t = self.tok(i)?;
        if t.kind == Kind::Word && t.lex.is_none() && distance <= 4 && word.len() > 4 {
            let lw = word.as_bytes();
            if lw.ends_with(b"ed") && !t.upper {
                return Some((Dir::Past, format!("past-tense({})", word.to_ascii_lowercase())));
            }
        }
        None
    }

    // ----- resolution helpers ----------------------------------------------------------------

    fn pick_by_distance(&self, options: &[(i32, i64)], dir: Dir) -> Option<i32> {
        // options: (label, signed distance in days from reference; negative = past).
        match dir {
            Dir::Past => options.iter().filter(|o| o.1 <= 0).max_by_key(|o| o.1).map(|o| o.0),
            Dir::Future => options.iter().filter(|o| o.1 >= 0).min_by_key(|o| o.1).map(|o| o.0),
            Dir::Nearest => options.iter().min_by_key(|o| (o.1.abs(), o.1 > 0)).map(|o| o.0),
        }
    }

    /// Year for a month-day without a year.
    fn year_for_day(&self, m: u32, d: u32, s: usize, e: usize) -> Option<(i32, String)> {
        let y = i32::from(self.r.year());
        let opts: Vec<(i32, i64)> = (y - 1..=y + 1)
            .filter_map(|yy| cal::date(yy, m, d).map(|dd| (yy, cal::diff_days(self.r, dd))))
            .collect();
        // News dates cluster around the reference: a day within four months
        // is that one, whatever the tense (past-tense reporting of a coming
        // deadline, "was extended to Nov. 16", is the common case).
        if self.direction == Direction::Context {
            let near = self.pick_by_distance(&opts, Dir::Nearest);
            if let Some(&(yy, dist)) =
                near.and_then(|yy| opts.iter().find(|o| o.0 == yy && o.1.abs() <= 120))
            {
                // Report the cue when it agrees, so the decision stays readable.
                let (dir, how) = self.direction_at(s, e, Dir::Nearest);
                let agrees = dir == Dir::Nearest
                    || dir == Dir::Future && dist >= 0
                    || dir == Dir::Past && dist <= 0;
                return Some((yy, if agrees { how } else { format!("nearest-over-{how}") }));
            }
        }
        let (dir, how) = self.direction_at(s, e, Dir::Nearest);
        let dir = if dir == Dir::Future && self.direction == Direction::Context {
            Dir::Future
        } else {
            dir
        };
        self.pick_by_distance(&opts, dir).map(|yy| (yy, how))
    }

    /// Year for a month without a year (the month containing the reference
    /// counts as both past and future).
    fn year_for_month(&self, m: u32, s: usize, e: usize) -> Option<(i32, String)> {
        let y = i32::from(self.r.year());
        let rm = self.r.month() as i32;
        let opts: Vec<(i32, i64)> =
            (y - 1..=y + 1).map(|yy| (yy, i64::from((yy - y) * 12 + m as i32 - rm))).collect();
        // As for days: a month within MONTH_NEAR of the reference is that one;
        // farther ones follow the sentence's cue, else the nearest reading.
        if self.direction == Direction::Context
            && let Some(&(yy, _)) =
                opts.iter().filter(|o| o.1.abs() <= MONTH_NEAR).min_by_key(|o| (o.1.abs(), o.1 > 0))
        {
            return Some((yy, "nearest".into()));
        }
        let (dir, how) = self.direction_at(s, e, Dir::Nearest);
        let dir = if self.direction == Direction::Future && dir == Dir::Future {
            // Duckling: a month name means the next such month, this one excluded.
            let opts: Vec<(i32, i64)> = opts.into_iter().filter(|o| o.1 > 0).collect();
            return self.pick_by_distance(&opts, Dir::Future).map(|yy| (yy, how));
        } else {
            dir
        };
        self.pick_by_distance(&opts, dir).map(|yy| (yy, how))
    }

    fn resolve_weekday(&self, wd: u8, s: usize, e: usize) -> Option<(Civil, String)> {
        let (dir, how) = self.direction_at(s, e, Dir::Past);
        let cur = cal::weekday(self.r) as i64;
        let back = (cur - i64::from(wd)).rem_euclid(7); // days back to the last such day (0 = today)
        let fwd = (i64::from(wd) - cur).rem_euclid(7);
        let delta = match dir {
            Dir::Past => -back,
            Dir::Future => {
                if fwd == 0 && self.direction == Direction::Future {
                    7
                } else {
                    fwd
                }
            }
            Dir::Nearest => {
                if back <= fwd {
                    -back
                } else {
                    fwd
                }
            }
        };
        cal::add_days(self.r, delta).map(|d| (d, how))
    }

    // ----- the rule loop ---------------------------------------------------------------------

    /// The longest expression starting at token `i`.
    pub(crate) fn parse_at(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        // Fast exits: most tokens cannot start an expression, and function
        // words start one only with a core temporal token close behind.
        match t.kind {
            Kind::Num => {}
            Kind::Punct if t.is_punct('\'') => {}
            Kind::Punct => return None,
            Kind::Word => match t.lex {
                None => {
                    let w = self.s(i);
                    if !(w.eq_ignore_ascii_case("q") || w.eq_ignore_ascii_case("h")) {
                        return None;
                    }
                }
                Some(Lex::HolidayStart) => {
                    return self.p_holiday(i).map(|(p, e)| p.into_cand(i, e));
                }
                Some(Lex::Cue(_)) => return None,
                Some(l) if !is_core(l) => {
                    if !(i + 1..(i + 6).min(self.t.len()))
                        .any(|k| self.t[k].kind == Kind::Num || self.t[k].lex.is_some_and(is_core))
                    {
                        return None;
                    }
                }
                Some(_) => {}
            },
        }
        let mut best: Option<Cand> = None;
        let mut offer = |c: Option<Cand>| {
            if let Some(c) = c
                && c.e > c.s
                && best.as_ref().is_none_or(|b| c.e > b.e)
            {
                best = Some(c);
            }
        };
        offer(self.r_point(i));
        offer(self.r_position(i));
        offer(self.r_set(i));
        offer(self.r_duration(i));
        offer(self.r_ago(i));
        offer(self.r_ref(i));
        offer(self.r_day_range(i));
        offer(self.r_year_ago(i));
        offer(self.r_in_units(i));
        offer(self.r_nth_weekday(i));
        offer(self.r_day_alone(i));
        offer(self.r_that(i));
        best
    }

    // ----- points ----------------------------------------------------------------------------

    fn r_point(&self, i: usize) -> Option<Cand> {
        // "around 7:15 p.m.", "about noon".
        if self.lex(i) == Some(Lex::Hedge(Hedge::About))
            && let Some((p, e)) = self.point(i + 1).filter(|(p, _)| p.kind == TimexType::Time)
        {
            return Some(Cand { modifier: Some(Modifier::Approx), ..p.into_cand(i, e) });
        }
        let (p, e) = self.point(i)?;
        Some(p.into_cand(i, e))
    }

    /// A DATE or TIME point, with times and parts of the day attached.
    fn point(&self, i: usize) -> Option<(Pt, usize)> {
        // Time first: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 9".
        if let Some((tm, e)) = self.clock(i) {
            let mut j = self.opt_comma(e);
            if self.is_func(j, Func::On) {
                j += 1;
            }
            if !self.breaks(j)
                && let Some((dp, e2)) = self.day_point(j)
                && let Some(d) = dp.day
            {
                let mut p = Pt::new(
                    format!("{}T{}", cal::fmt_day(d), tm),
                    Grain::Minute,
                    "time-date",
                    dp.how,
                );
                p.kind = TimexType::Time;
                p.day = Some(d);
                return Some((p, e2));
            }
            let mut p = Pt::new(
                format!("{}T{}", cal::fmt_day(self.r), tm),
                Grain::Minute,
                "clock",
                "reference-day",
            );
            p.kind = TimexType::Time;
            return Some((p, e));
        }
        // Part of day first: "mid-afternoon yesterday".
        if let Some((pod, e)) = self.part_of_day(i)
            && let Some((dp, e2)) = self.day_point(e).filter(|_| !self.breaks(e))
            && let Some(d) = dp.day
        {
            let mut p = Pt::new(
                format!("{}T{}", cal::fmt_day(d), pod.code()),
                Grain::PartOfDay,
                "part-of-day-date",
                dp.how,
            );
            p.kind = TimexType::Time;
            p.day = Some(d);
            return Some((p, e2));
        }
        let (dp, e) = self.date_point(i)?;
        // A day followed by a part of the day or a time.
        if let Some(d) = dp.day
            && !self.breaks(e)
        {
            if let Some((pod, e2)) = self.part_of_day(e) {
                let mut p = Pt::new(
                    format!("{}T{}", cal::fmt_day(d), pod.code()),
                    Grain::PartOfDay,
                    "date-part-of-day",
                    dp.how,
                );
                // TimeBank types "Wednesday night" mostly as a DATE (its values
                // vary between the day and the day with its part; we keep the
                // part, as TimeML 1.2.1 writes it), "yesterday afternoon" as a TIME.
                if dp.rule.starts_with("weekday") {
                    p.kind = TimexType::Date;
                } else {
                    p.kind = TimexType::Time;
                }
                p.day = Some(d);
                return Some((p, e2));
            }
            // "Friday at 3 p.m.", "Friday, 3 p.m.", "tomorrow 8:00am".
            let j = if self.is_func(e, Func::At) { e + 1 } else { e };
            {
                let j = self.opt_comma(j);
                if let Some((tm, e2)) = self.clock(j) {
                    let mut p = Pt::new(
                        format!("{}T{}", cal::fmt_day(d), tm),
                        Grain::Minute,
                        "date-time",
                        dp.how,
                    );
                    p.kind = TimexType::Time;
                    p.day = Some(d);
                    return Some((p, e2));
                }
            }
        }
        Some((dp, e))
    }

    /// "morning", "afternoon", "mid-afternoon", "late night".
    fn part_of_day(&self, i: usize) -> Option<(PartOfDay, usize)> {
        let mut j = i;
        if matches!(self.lex(j), Some(Lex::Position(_))) {
            j += 1;
            if self.dash(j) {
                j += 1;
            }
        }
        match self.lex(j) {
            Some(Lex::PartOfDay(p)) if !self.s(j).ends_with('s') => Some((p, j + 1)),
            _ => None,
        }
    }

    /// A point that names one day (for combining with times).
    fn day_point(&self, i: usize) -> Option<(Pt, usize)> {
        let (p, e) = self.date_point(i)?;
        p.day.map(|_| (p, e))
    }

    /// Any DATE point.
    fn date_point(&self, i: usize) -> Option<(Pt, usize)> {
        let mut best: Option<(Pt, usize)> = None;
        let mut offer = |c: Option<(Pt, usize)>| {
            if let Some(c) = c
                && best.as_ref().is_none_or(|b| c.1 > b.1)
            {
                best = Some(c);
            }
        };
        offer(self.p_numeric(i));
        offer(self.p_month_first(i));
        offer(self.p_day_first(i));
        offer(self.p_weekday(i));
        offer(self.p_year(i));
        offer(self.p_deictic(i));
        offer(self.p_relative(i));
        offer(self.p_quarter(i));
        offer(self.p_season(i));
        offer(self.p_decade(i));
        offer(self.p_holiday(i));
        offer(self.p_week_number(i));
        best
    }

    /// Clock times: "3 p.m.", "15:00 GMT", "noon", "10:30am", "5 o'clock".
    /// Returns the TIMEX time part ("15:00") and the end.
    fn clock(&self, i: usize) -> Option<(String, usize)> {
        // "half past 3", "a quarter to noon", "20 minutes past 3pm", "twenty after 3".
        let offset = if self.is_func(i, Func::Half) {
            Some((30i64, i + 1))
        } else if self.is_func(i, Func::A)
            && matches!(self.unit(i + 1), Some((Unit::Quarter, false)))
        {
            Some((15, i + 2))
        } else if matches!(self.unit(i), Some((Unit::Quarter, false))) {
            Some((15, i + 1))
        } else if let Some((n, e)) =
            self.number(i).filter(|(n, _)| *n >= 1.0 && *n < 60.0 && n.fract() == 0.0)
        {
            let e = if matches!(self.unit(e), Some((Unit::Minute, _))) { e + 1 } else { e };
            Some((n as i64, e))
        } else {
            None
        };
        if let Some((mins, k)) = offset {
            let sign = match self.lex(k) {
                Some(Lex::Deictic(Deictic::Past) | Lex::Rel(Rel::After)) => 1,
                Some(Lex::Func(Func::To) | Lex::Rel(Rel::Before))
                    if self.num(k + 1).is_some()
                        || matches!(
                            self.lex(k + 1),
                            Some(Lex::Func(Func::Noon | Func::Midnight))
                        ) =>
                {
                    -1
                }
                _ => 0,
            };
            if sign != 0
                && let Some((base, e)) = self.clock_day_part(k + 1)
            {
                let (hh, mm) = base.split_once(':')?;
                let total =
                    hh.parse::<i64>().ok()? * 60 + mm.get(..2)?.parse::<i64>().ok()? + sign * mins;
                let total = total.rem_euclid(24 * 60);
                return Some((format!("{:02}:{:02}", total / 60, total % 60), e));
            }
        }
        self.clock_day_part(i)
    }

    /// A clock time with an optional "in the afternoon" that moves it past noon.
    fn clock_day_part(&self, i: usize) -> Option<(String, usize)> {
        let (v, e) = self.clock_base(i)?;
        let explicit = matches!(self.lex(e.wrapping_sub(1)), Some(Lex::Func(Func::Am | Func::Pm)));
        if !explicit
            && self.is_func(e, Func::In)
            && (self.is_func(e + 1, Func::The)
                && matches!(self.lex(e + 2), Some(Lex::PartOfDay(_)))
                || matches!(self.lex(e + 1), Some(Lex::PartOfDay(_))))
        {
            let p = if self.is_func(e + 1, Func::The) { e + 2 } else { e + 1 };
            let Some(Lex::PartOfDay(pod)) = self.lex(p) else { return Some((v, e)) };
            let hh: u32 = v.get(..2)?.parse().ok()?;
            let hh = if pod != PartOfDay::Morning && hh < 12 { hh + 12 } else { hh };
            return Some((format!("{hh:02}{}", v.get(2..)?), p + 1));
        }
        Some((v, e))
    }

    fn clock_base(&self, i: usize) -> Option<(String, usize)> {
        match self.lex(i) {
            Some(Lex::Func(Func::Noon)) => {
                if self.is_word(i.wrapping_sub(1), "high") {
                    return None;
                }
                return Some(("12:00".into(), i + 1));
            }
            Some(Lex::Func(Func::Midnight)) => return Some(("24:00".into(), i + 1)),
            _ => {}
        }
        let (h, hd) = self.num(i)?;
        // "12 noon", "12 midnight".
        if h == 12 && hd == 2 {
            match self.lex(i + 1) {
                Some(Lex::Func(Func::Noon)) => return Some(("12:00".into(), i + 2)),
                Some(Lex::Func(Func::Midnight)) => return Some(("24:00".into(), i + 2)),
                _ => {}
            }
        }
        // "4 in the morning", "8 in the evening".
        if hd <= 2
            && (1..=12).contains(&h)
            && self.is_func(i + 1, Func::In)
            && self.is_func(i + 2, Func::The)
            && let Some(Lex::PartOfDay(pod)) = self.lex(i + 3)
        {
            let hour = match pod {
                PartOfDay::Morning => h % 12,
                _ if h == 12 => 12,
                _ => h + 12,
            };
            return Some((format!("{hour:02}:00"), i + 4));
        }
        // "330 p.m.", "1030am".
        if (3..=4).contains(&hd)
            && matches!(self.lex(i + 1), Some(Lex::Func(Func::Am | Func::Pm)))
            && (1..=12).contains(&(h / 100))
            && h % 100 < 60
        {
            let pm = self.lex(i + 1) == Some(Lex::Func(Func::Pm));
            let hour = match (h / 100, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (x, true) => x + 12,
                (x, false) => x,
            };
            return Some((format!("{hour:02}:{:02}", h % 100), i + 2));
        }
        if hd > 2 || h > 24 {
            return None;
        }
        let mut j = i + 1;
        let mut min = 0;
        let mut sec = None;
        let mut has_min = false;
        // "15h", "15h00", "3h18" (French-style clock times).
        if self.is_word(j, "h")
            && self.glued(j)
            && h <= 24
            && !(i > 0 && matches!(self.lex(i - 1), Some(Lex::Func(Func::For | Func::Within))))
        {
            if let Some((m, 2)) = self.num(j + 1).filter(|_| self.glued(j + 1)) {
                if m > 59 {
                    return None;
                }
                return Some((format!("{h:02}:{m:02}"), j + 2));
            }
            if !self.tok(j + 1).is_some_and(|t| !t.space && t.kind != Kind::Punct) {
                return Some((format!("{h:02}:00"), j + 1));
            }
        }
        if (self.punct(j, ':') || self.punct(j, '.'))
            && self.glued(j)
            && self.glued(j + 1)
            && let Some((m, 2)) = self.num(j + 1)
        {
            if m > 59 {
                return None;
            }
            min = m;
            has_min = true;
            j += 2;
            if self.punct(j, ':')
                && self.glued(j)
                && let Some((sv, 2)) = self.num(j + 1)
            {
                sec = Some(sv);
                j += 2;
            }
        }
        let mut hour = h;
        let mut confirmed = false;
        match self.lex(j) {
            Some(Lex::Func(Func::Am)) if h <= 12 => {
                if h == 12 {
                    hour = 0;
                }
                j += 1;
                confirmed = true;
            }
            Some(Lex::Func(Func::Pm)) if h <= 12 => {
                if h < 12 {
                    hour = h + 12;
                }
                j += 1;
                confirmed = true;
            }
            Some(Lex::Func(Func::OClock)) if h <= 12 => {
                j += 1;
                confirmed = true;
                // "3 o'clock pm".
                if let Some(Lex::Func(ap @ (Func::Am | Func::Pm))) = self.lex(j) {
                    hour = match (h, ap) {
                        (12, Func::Am) => 0,
                        (12, _) => 12,
                        (x, Func::Pm) => x + 12,
                        (x, _) => x,
                    };
                    j += 1;
                }
            }
            // "3:15p", "9:00a" (glued single letters; a bare "4a" is no time).
            _ if h <= 12
                && has_min
                && self.glued(j)
                && (self.is_word(j, "a") || self.is_word(j, "p")) =>
            {
                let pm = self.is_word(j, "p");
                hour = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (x, true) => x + 12,
                    (x, false) => x,
                };
                j += 1;
                if self.punct(j, '.') && self.glued(j) {
                    j += 1;
                }
                confirmed = true;
            }
            _ => {}
        }
        if !confirmed && !has_min {
            return None;
        }
        if has_min && !confirmed && self.punct(i + 1, '.') {
            return None; // "3.45" is a decimal unless "p.m." follows.
        }
        if let Some(Lex::Zone) = self.lex(j) {
            j += 1;
            confirmed = true;
        }
        if !confirmed {
            // "15:00" alone: only after a preposition that takes times.
            let prev_ok = i > 0
                && matches!(
                    self.lex(i - 1),
                    Some(Lex::Func(Func::At | Func::By | Func::From | Func::Until | Func::To))
                        | Some(Lex::Rel(Rel::Before | Rel::After | Rel::Since))
                        | Some(Lex::Hedge(Hedge::About))
                        | Some(Lex::Weekday(_))
                        | Some(Lex::Deictic(
                            Deictic::Today
                                | Deictic::Tomorrow
                                | Deictic::Yesterday
                                | Deictic::Tonight
                        ))
                );
            // Or standing alone: "15:30", but not "John 3:16", "2 3:15" or "UTC+4:30".
            let alone = i == 0
                || !self.tok(i - 1).is_some_and(|p| {
                    p.kind == Kind::Num
                        || p.kind == Kind::Word && p.upper && p.lex.is_none()
                        || p.kind == Kind::Punct && !self.tok(i).is_some_and(|t| t.space)
                });
            if !(prev_ok || alone) || h > 23 || sec.is_some() {
                return None;
            }
        }
        if hour > 24 {
            return None;
        }
        let v = match sec {
            Some(sv) => format!("{hour:02}:{min:02}:{sv:02}"),
            None => format!("{hour:02}:{min:02}"),
        };
        Some((v, j))
    }

    /// A month token, with guards for "May", "March", "August" and abbreviations.
    /// Returns (month, end after an optional "."), and whether it was abbreviated.
    fn month_tok(&self, i: usize) -> Option<(u32, usize, bool)> {
        match self.lex(i)? {
            Lex::Month(m) => Some((u32::from(m), i + 1, false)),
            // Lowercase abbreviations only before a day or a dot ("feb 30", "aug.").
            Lex::MonthAbbr(m)
                if self.upper(i)
                    || self.num(i + 1).is_some()
                    || self.punct(i + 1, '.') && self.glued(i + 1) =>
            {
                Some((u32::from(m), self.opt_dot(i + 1), true))
            }
            _ => None,
        }
    }

    /// Whether a month word with no day or year beside it reads as a month here.
    fn bare_month_ok(&self, i: usize, e: usize, abbr: bool) -> bool {
        let word = self.s(i).to_ascii_lowercase();
        // Lowercase "may", "march" and "august" are words; other month names are
        // months in any case ("in september").
        if abbr || !self.upper(i) && matches!(word.as_str(), "may" | "march" | "august") {
            return false;
        }
        // A capitalized word before ("Theresa May", "Ray August") makes a name,
        // unless it starts the sentence.
        if i > 0
            && self.upper(i - 1)
            && self.tok(i - 1).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none())
        {
            return false;
        }
        // A capitalized word after ("August Wilson", "May Day Parade").
        if self.upper(e)
            && self.tok(e).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none())
            && !self.breaks(e)
        {
            return false;
        }
        if i > 0 && self.is_word(i - 1, "of") && i > 1 && self.upper(i - 2) {
            return false;
        }
        if matches!(word.as_str(), "may" | "march") {
            let prev_ok = i > 0
                && matches!(
                    self.lex(i - 1),
                    Some(Lex::Func(
                        Func::In
                            | Func::Of
                            | Func::By
                            | Func::Until
                            | Func::Through
                            | Func::From
                            | Func::To
                            | Func::During
                            | Func::Between
                            | Func::And
                            | Func::Or
                    )) | Some(Lex::Rel(_))
                        | Some(Lex::Position(_))
                );
            // "in May that ...", "since March and ...": a preposition before a
            // capitalized "May" makes the month, unless a verb follows ("to May
            // be"); "and"/"or" need the month reading to continue.
            let strong = i > 0
                && matches!(
                    self.lex(i - 1),
                    Some(Lex::Func(
                        Func::In | Func::By | Func::Until | Func::Through | Func::During
                    )) | Some(Lex::Rel(
                        Rel::Since | Rel::Before | Rel::After | Rel::Last | Rel::Next | Rel::This
                    )) | Some(Lex::Position(_))
                );
            let next_ok =
                is_possessive_tok(self.tok(e)) || self.punct(e, ',') || self.punct(e, '.');
            return strong && !self.is_word(e, "be") && !self.is_word(e, "have")
                || prev_ok
                    && (next_ok || !self.tok(e).is_some_and(|t| t.kind == Kind::Word && !t.upper));
        }
        true
    }

    /// A plausible day-of-month number at `i`: "5", "5th"; returns (day, end).
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((d, e)) = self.ordinal(i) {
            return (1..=31).contains(&d).then_some((d, e));
        }
        let (d, digits) = self.num(i)?;
        if digits > 2 || !(1..=31).contains(&d) {
            return None;
        }
        // Not "5.5", "5,000", "5:30", "5%".
        if self.glued(i + 1)
            && (self.punct(i + 1, '.') && self.num(i + 2).is_some()
                || self.punct(i + 1, ':') && self.glued(i + 2) && self.num(i + 2).is_some()
                || self.punct(i + 1, '%'))
        {
            return None;
        }
        if self.punct(i + 1, ',')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.num(i + 2).is_some_and(|n| n.1 == 3)
        {
            return None;
        }
        Some((d, i + 1))
    }

    /// A 4-digit year after a month or day: "2024", "'24" is not accepted here.
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        if matches!(self.lex(i), Some(Lex::Number(_))) {
            return self.year_number(i, true);
        }
        let (y, d) = self.num(i)?;
        if d == 4
            && (1000..=2999).contains(&y)
            && !(self.glued(i + 1) && (self.punct(i + 1, '%') || self.punct(i + 1, ':')))
        {
            return Some((y as i32, i + 1));
        }
        None
    }

    /// Month-led dates: "September 1, 2024", "Sept. 1", "June 2024", "June", "May 5th".
    fn p_month_first(&self, i: usize) -> Option<(Pt, usize)> {
        let (m, e, abbr) = self.month_tok(i)?;
        // Day.
        if !self.breaks(e) {
            if let Some((d, e2)) = self.day_num(e) {
                // Not "March 2-1 vote", "May 3-2" (scores): a day followed by "-digit".
                let score = self.dash(e2)
                    && self.glued(e2)
                    && self.num(e2 + 1).is_some()
                    && self.glued(e2 + 1)
                    && self.month_tok(e2 + 1).is_none();
                // "September 1, 2024", "july 4th of 1995", "June 28 in 2020".
                let year_follow = {
                    let j = if self.is_func(e2, Func::Of) || self.is_func(e2, Func::In) {
                        e2 + 1
                    } else {
                        self.opt_comma(e2)
                    };
                    self.year_after(j).filter(|_| !self.breaks(j))
                };
                if let Some((y, e3)) = year_follow
                    && let Some(dd) = cal::date(y, m, d)
                {
                    return Some((Pt::day(dd, "month-day-year", ""), e3));
                }
                if !score {
                    let (y, how) = self.year_for_day(m, d, i, e2)?;
                    let dd = cal::date(y, m, d)?;
                    return Some((Pt::day(dd, "month-day", how), e2));
                }
            }
            // "June 2024", "June of 2024", "June, 2024".
            let j = if self.is_func(e, Func::Of) { e + 1 } else { self.opt_comma(e) };
            if let Some((y, e2)) = self.year_after(j) {
                return Some((Pt::new(cal::fmt_month(y, m), Grain::Month, "month-year", ""), e2));
            }
            // "Dec-2018".
            if self.dash(e)
                && self.glued(e)
                && self.glued(e + 1)
                && let Some((y, 4)) = self.num(e + 1)
                && !self
                    .tok(e + 2)
                    .is_some_and(|t| !t.space && !t.is_punct('.') && !t.is_punct(','))
            {
                return Some((
                    Pt::new(cal::fmt_month(y as i32, m), Grain::Month, "month-year", ""),
                    e + 2,
                ));
            }
            // "Dec/2018", "Jan/3".
            if self.punct(e, '/') && self.glued(e) && self.glued(e + 1) {
                if let Some((y, 4)) = self.num(e + 1) {
                    return Some((
                        Pt::new(cal::fmt_month(y as i32, m), Grain::Month, "month-year", ""),
                        e + 2,
                    ));
                }
                if let Some((d, e2)) = self.day_num(e + 1) {
                    let (y, how) = self.year_for_day(m, d, i, e2)?;
                    return Some((Pt::day(cal::date(y, m, d)?, "month-day", how), e2));
                }
            }
            // "October, 1st", "february the 15th".
            let k = if self.punct(e, ',') || self.is_func(e, Func::The) { e + 1 } else { e };
            if k > e
                && let Some((d, e2)) = self.ordinal(k).filter(|(d, _)| (1..=31).contains(d))
                && let Some((y, how)) = self.year_for_day(m, d, i, e2)
            {
                return Some((Pt::day(cal::date(y, m, d)?, "month-day", how), e2));
            }
            // "June last year", "January this year", "May next year".
            if let Some(rel) = self.lex(e).and_then(|l| match l {
                Lex::Rel(r @ (Rel::Last | Rel::This | Rel::Next)) => Some(r),
                _ => None,
            }) && matches!(self.unit(e + 1), Some((Unit::Year, false)))
                && (self.upper(i) || !matches!(self.s(i), "may" | "march"))
            {
                let y = i32::from(self.r.year())
                    + match rel {
                        Rel::Last => -1,
                        Rel::Next => 1,
                        _ => 0,
                    };
                return Some((
                    Pt::new(cal::fmt_month(y, m), Grain::Month, "month-relative-year", ""),
                    e + 2,
                ));
            }
        }
        if !self.bare_month_ok(i, e, abbr) {
            return None;
        }
        let (y, how) = self.year_for_month(m, i, e)?;
        Some((Pt::new(cal::fmt_month(y, m), Grain::Month, "month", how), e))
    }

    /// Day-led dates: "1 September", "1st of September 2024", "the 3rd of May".
    fn p_day_first(&self, i: usize) -> Option<(Pt, usize)> {
        let (d, e) = self.day_num(i)?;
        let mut j = e;
        if self.is_func(j, Func::Of) {
            j += 1;
        }
        if self.breaks(j) {
            return None;
        }
        // "20 of next month", "20th of the previous month".
        if j > e
            && let Some((p, e2)) = self.p_relative(j).filter(|(p, _)| p.grain == Grain::Month)
        {
            let y: i32 = p.value.get(..4)?.parse().ok()?;
            let m: u32 = p.value.get(5..7)?.parse().ok()?;
            return Some((Pt::day(cal::date(y, m, d)?, "day-of-relative-month", ""), e2));
        }
        let (m, e2, _abbr) = self.month_tok(j)?;
        if self.is_word(j, "may") && !self.upper(j) {
            // "5 may": only with a year after it.
            let k = self.opt_comma(e2);
            self.year_after(k)?;
        }
        let k = if self.is_func(e2, Func::Of) || self.is_func(e2, Func::In) {
            e2 + 1
        } else {
            self.opt_comma(e2)
        };
        if let Some((y, e3)) = self.year_after(k).filter(|_| !self.breaks(k)) {
            let dd = cal::date(y, m, d)?;
            return Some((Pt::day(dd, "day-month-year", ""), e3));
        }
        let (y, how) = self.year_for_day(m, d, i, e2)?;
        let dd = cal::date(y, m, d)?;
        Some((Pt::day(dd, "day-month", how), e2))
    }

    /// Numeric dates: "2024-09-01", "2024/09/01", "01/09/2024", "9/1/24", "2024-09".
    fn p_numeric(&self, i: usize) -> Option<(Pt, usize)> {
        let (a, ad) = self.num(i)?;
        let sep = self
            .tok(i + 1)
            .filter(|t| !t.space && (t.is_punct('-') || t.is_punct('/') || t.is_punct('.')))?;
        let sep_c = sep.num;
        // "05-Aug-2016", "31/Oct/1974", "31-Oct-74".
        if ad <= 2
            && self.glued(i + 2)
            && let Some(Lex::Month(m) | Lex::MonthAbbr(m)) = self.lex(i + 2)
            && self.tok(i + 3).is_some_and(|t| !t.space && t.num == sep_c)
            && let Some((y, yd)) = self.num(i + 4).filter(|_| self.glued(i + 4))
            && (yd == 4 || yd == 2)
        {
            let y = if yd == 2 { if y < 50 { 2000 + y } else { 1900 + y } } else { y } as i32;
            let dd = cal::date(y, u32::from(m), a)?;
            return Some((Pt::day(dd, "numeric-month-name", ""), i + 5));
        }
        let (b, bd) = self.num(i + 2).filter(|_| self.glued(i + 2))?;
        let third = self
            .tok(i + 3)
            .filter(|t| !t.space && t.kind == Kind::Punct && t.num == sep_c)
            .and_then(|_| self.num(i + 4).filter(|_| self.glued(i + 4)));
        // Must not continue as a longer number ("1-2-3-4", "10.1.2.3").
        if let Some((c, cd)) = third {
            if self.tok(i + 5).is_some_and(|t| {
                !t.space && (t.kind == Kind::Num || t.num == sep_c && self.num(i + 6).is_some())
            }) {
                return None;
            }
            if ad == 4 && bd <= 2 && cd <= 2 {
                let dd = cal::date(a as i32, b, c)?;
                return Some((Pt::day(dd, "iso-date", ""), i + 5));
            }
            if ad <= 2 && bd <= 2 && (cd == 4 || cd == 2 && sep_c != u32::from('.')) {
                let y = if cd == 2 { if c < 50 { 2000 + c } else { 1900 + c } } else { c } as i32;
                let (m, d) =
                    if self.day_first || sep_c == u32::from('.') { (b, a) } else { (a, b) };
                let dd = cal::date(y, m, d)
                    .or_else(|| if a > 12 { cal::date(y, b, a) } else { None })?;
                return Some((
                    Pt::day(
                        dd,
                        "numeric-date",
                        if self.day_first { "day-first" } else { "month-first" },
                    ),
                    i + 5,
                ));
            }
            return None;
        }
        // "2024-09" (ISO month) only with a dash and a 2-digit month.
        if ad == 4
            && bd == 2
            && sep_c == u32::from('-')
            && (1..=12).contains(&b)
            && (1000..=2999).contains(&a)
        {
            if self.tok(i + 3).is_some_and(|t| !t.space && (t.kind == Kind::Num || t.is_punct('-')))
            {
                return None;
            }
            // "1990-95" is a range of years, not a month.
            if b > 12 || self.punct(i + 1, '-') && i > 0 && self.is_func(i - 1, Func::From) {
                return None;
            }
            return Some((
                Pt::new(cal::fmt_month(a as i32, b), Grain::Month, "iso-month", ""),
                i + 3,
            ));
        }
        // Slash forms without a third part: "2014/10", "2/2013", "4/25", "22/04".
        if sep_c != u32::from('/')
            || self.tok(i + 3).is_some_and(|t| !t.space && t.kind != Kind::Punct)
        {
            return None;
        }
        if self.tok(i + 3).is_some_and(|t| !t.space && (t.is_punct('/') || t.is_punct('%')))
            || self.punct(i + 3, '.')
                && self.glued(i + 3)
                && self.glued(i + 4)
                && self.num(i + 4).is_some()
        {
            return None;
        }
        if ad == 4 && bd <= 2 && (1..=12).contains(&b) && (1000..=2999).contains(&a) {
            return Some((
                Pt::new(cal::fmt_month(a as i32, b), Grain::Month, "year-month", ""),
                i + 3,
            ));
        }
        if ad <= 2 && bd == 4 && (1..=12).contains(&a) && (1000..=2999).contains(&b) {
            return Some((
                Pt::new(cal::fmt_month(b as i32, a), Grain::Month, "month-year", ""),
                i + 3,
            ));
        }
        if ad <= 2 && bd <= 2 {
            // Fractions ("1/2", "3/4") and "24/7" are not dates; a preceding
            // number ("2 1/2") makes a mixed fraction.
            // Stock prices are quoted in eighths: "fell 7/8", "31 7/8".
            let fraction = a < b && (b <= 4 || matches!(b, 8 | 16 | 32 | 64)) || (a, b) == (24, 7);
            let prev_num = i > 0 && self.num(i - 1).is_some();
            let on = i > 0
                && matches!(
                    self.lex(i - 1),
                    Some(Lex::Func(Func::On | Func::From | Func::To | Func::Until | Func::By))
                );
            // Paths and URLs: "/2002/mar/20/9.htm".
            let in_path =
                i > 0 && self.glued(i) && self.tok(i - 1).is_some_and(|p| p.kind == Kind::Punct);
            if prev_num || in_path || fraction && !on {
                return None;
            }
            // "9/11" names the 2001 attacks.
            if (a, b) == (9, 11) && !self.day_first {
                return Some((Pt::day(cal::date(2001, 9, 11)?, "named-date", ""), i + 3));
            }
            let (m, d) = if self.day_first && b <= 12 || a > 12 { (b, a) } else { (a, b) };
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            let (y, how) = self.year_for_day(m, d, i, i + 3)?;
            return Some((Pt::day(cal::date(y, m, d)?, "numeric-month-day", how), i + 3));
        }
        None
    }

    /// Weekdays: "Tuesday", "last Friday", "next Monday", "Monday, Sept. 2".
    fn p_weekday(&self, i: usize) -> Option<(Pt, usize)> {
        let mut j = i;
        let mut the = false;
        if self.is_func(j, Func::The) {
            the = true;
            j += 1;
        }
        let rel = match self.lex(j) {
            Some(Lex::Rel(
                r @ (Rel::Last
                | Rel::Next
                | Rel::This
                | Rel::Coming
                | Rel::Previous
                | Rel::Following
                | Rel::Same),
            )) => {
                j += 1;
                Some(r)
            }
            Some(Lex::Deictic(Deictic::Past)) => {
                j += 1;
                Some(Rel::Last)
            }
            _ => None,
        };
        if the && !matches!(rel, Some(Rel::Previous | Rel::Following | Rel::Coming | Rel::Same)) {
            return None;
        }
        let (wd, abbr) = match self.lex(j)? {
            Lex::Weekday(w) if w <= 7 => (w, false),
            Lex::WeekdayAbbr(w) => (w, true),
            _ => return None,
        };
        let mut e = j + 1;
        if abbr {
            e = self.opt_dot(e);
        }
        // A full date after the weekday wins: "Monday, Sept. 2, 2024".
        let k = self.opt_comma(e);
        if !self.breaks(k) {
            let explicit =
                self.p_month_first(k).or_else(|| self.p_day_first(k)).or_else(|| self.p_numeric(k));
            if let Some((p, e2)) = explicit
                && let Some(day) = p.day
            {
                // A yearless date takes the year whose weekday agrees:
                // "Sunday, Feb 10" said in 2013 is 2013-02-10.
                if cal::weekday(day) != wd && !p.rule.ends_with("-year") {
                    let found = [-1i32, 1, -2, 2].into_iter().find_map(|dy| {
                        let y = i32::from(day.year()) + dy;
                        cal::date(y, day.month() as u32, day.day() as u32)
                            .filter(|d| cal::weekday(*d) == wd)
                    });
                    if let Some(d) = found {
                        return Some((Pt::day(d, "weekday-date", "weekday-agrees"), e2));
                    }
                }
                return Some((Pt { rule: "weekday-date", ..p }, e2));
            }
        }
        if abbr {
            // "sun", "sat", "wed" are words; other abbreviations ("Fri", "thu.")
            // stand alone only with a dot or as unambiguous forms.
            let w = self.s(j).to_ascii_lowercase();
            let dotted = self.punct(j + 1, '.') && self.glued(j + 1);
            if matches!(w.as_str(), "sun" | "sat" | "wed") && !(dotted && self.upper(j)) {
                return None;
            }
            if !dotted
                && !self.upper(j)
                && !matches!(w.as_str(), "tue" | "tues" | "thu" | "thur" | "thurs" | "fri")
            {
                return None;
            }
        }
        // "Tuesday of next week", "Wednesday next week", "Monday of the following week".
        if rel.is_none() {
            let k = if self.is_func(e, Func::Of) { e + 1 } else { e };
            if let Some((p, e2)) = self
                .p_relative(k)
                .filter(|(p, _)| p.grain == Grain::Week && !p.value.ends_with("WE"))
                && let Some(d) = self.day_in_week(&p.value, wd)
            {
                return Some((Pt::day(d, "weekday-of-week", ""), e2));
            }
        }
        let cur = cal::weekday(self.r) as i64;
        let (d, how) = match rel {
            Some(Rel::Last | Rel::Previous) => {
                let back = (cur - i64::from(wd)).rem_euclid(7);
                let back = if back == 0 { 7 } else { back };
                (cal::add_days(self.r, -back)?, "last".to_owned())
            }
            Some(Rel::Next | Rel::Coming | Rel::Following) => {
                let fwd = (i64::from(wd) - cur).rem_euclid(7);
                let fwd = if fwd == 0 { 7 } else { fwd };
                (cal::add_days(self.r, fwd)?, "next".to_owned())
            }
            Some(Rel::This) if self.direction == Direction::Future => {
                let fwd = (i64::from(wd) - cur).rem_euclid(7);
                (cal::add_days(self.r, if fwd == 0 { 7 } else { fwd })?, "this-upcoming".to_owned())
            }
            Some(Rel::This) => {
                // The day of this ISO week.
                (cal::add_days(self.r, i64::from(wd) - cur)?, "this-week".to_owned())
            }
            _ => self.resolve_weekday(wd, i, e)?,
        };
        let _ = Position::Early;
        Some((Pt::day(d, "weekday", how), e))
    }

    /// Years: "2024", "fiscal 1989", "FY2024", "the year 2000", "nineteen ninety-six".
    fn p_year(&self, i: usize) -> Option<(Pt, usize)> {
        // "fiscal [year] 1989", "FY 2024", "FY2024", "FY24".
        if self.is_func(i, Func::Fiscal) {
            let mut j = i + 1;
            if matches!(self.unit(j), Some((Unit::Year, false))) {
                j += 1;
            }
            if let Some((y, d)) = self.num(j) {
                let y = match d {
                    4 if (1000..=2999).contains(&y) => y as i32,
                    2 if self.s(i).eq_ignore_ascii_case("fy") => 2000 + y as i32,
                    _ => return None,
                };
                return Some((Pt::new(cal::fmt_year(y), Grain::Year, "fiscal-year", ""), j + 1));
            }
            return None;
        }
        // "the year 2000", "the year two thousand".
        if self.is_func(i, Func::The) && matches!(self.unit(i + 1), Some((Unit::Year, false))) {
            if let Some((y, e)) = self.year_number(i + 2, true) {
                return Some((Pt::new(cal::fmt_year(y), Grain::Year, "the-year-n", ""), e));
            }
            return None;
        }
        let (y, e) = self.year_number(i, false)?;
        Some((Pt::new(cal::fmt_year(y), Grain::Year, "year", ""), e))
    }

    /// A year number at `i`, with false-positive guards for bare digits.
    fn year_number(&self, i: usize, cued: bool) -> Option<(i32, usize)> {
        if let Some((y, d)) = self.num(i) {
            // Second half of a year range: "1990-95", "2019-21".
            if d == 2 && i >= 2 && self.dash(i - 1) && self.glued(i - 1) && self.glued(i) {
                if let Some((py, 4)) = self.num(i - 2)
                    && (1000..=2999).contains(&py)
                    && y > py % 100
                    && !self.glued(i + 1)
                {
                    return Some(((py / 100 * 100 + y) as i32, i + 1));
                }
                return None;
            }
            if d != 4 || !(1000..=2999).contains(&y) {
                return None;
            }
            if !self.year_context_ok(i, y, cued) {
                return None;
            }
            return Some((y as i32, i + 1));
        }
        // "nineteen ninety-six", "two thousand eight", "twenty twenty-four".
        let Some(Lex::Number(a)) = self.lex(i) else { return None };
        if (11..=20).contains(&a) {
            let (b, e) = self.number(i + 1)?;
            if !(self.lex(i + 1).is_some_and(|l| matches!(l, Lex::Number(_))))
                || !(10.0..100.0).contains(&b)
            {
                return None;
            }
            return Some(((a * 100 + b as u32) as i32, e));
        }
        if a == 2 && self.lex(i + 1) == Some(Lex::Number(1000)) {
            let mut j = i + 2;
            if self.is_func(j, Func::And) {
                j += 1;
            }
            if let Some((b, e)) =
                self.number(j).filter(|(b, _)| *b < 100.0 && self.num(j).is_none())
            {
                return Some((2000 + b as i32, e));
            }
            if cued {
                return Some((2000, i + 2));
            }
        }
        None
    }

    fn year_context_ok(&self, i: usize, y: u32, cued: bool) -> bool {
        // Glued neighbours that make it another kind of number.
        if i > 0
            && self.glued(i)
            && let Some(p) = self.tok(i - 1)
        {
            if p.kind == Kind::Num || p.kind == Kind::Word && !self.is_word(i - 1, "fy") {
                return false;
            }
            if p.kind == Kind::Punct
                && !(p.is_punct('(') || p.is_punct('\'') || p.is_punct('"') || p.is_punct('“'))
            {
                // "$2000", "#1999", "555-2012", "1,2000", "-2000" (but not "1990-2000").
                if !(p.is_dash()
                    && i >= 2
                    && self
                        .num(i - 2)
                        .is_some_and(|(py, d)| d == 4 && (1000..=2999).contains(&py) && py < y))
                {
                    return false;
                }
            }
        }
        if let Some(n) = self.tok(i + 1).filter(|t| !t.space) {
            if n.kind == Kind::Num || n.is_punct('%') || n.is_punct(':') || n.is_punct('/') {
                return false;
            }
            if n.kind == Kind::Word && !is_possessive(n) && !self.is_word(i + 1, "s") {
                return false;
            }
            if (n.is_punct('.') || n.is_punct(','))
                && self.glued(i + 2)
                && self.num(i + 2).is_some()
            {
                return false;
            }
            if n.is_dash()
                && self.glued(i + 2)
                && let Some((_, d)) = self.num(i + 2)
                && d != 4
                && d != 2
            {
                return false; // phone numbers "2012-5555"
            }
        }
        if cued {
            return true;
        }
        if i > 0 {
            let prev = self.s(i - 1).to_ascii_lowercase();
            if NUMBER_CONTEXT.contains(&prev.as_str()) {
                return false;
            }
            // A name before a bare number: "Windows 2000", "Orion 1980", "ABC 2000".
            if self.tok(i - 1).is_some_and(|p| p.kind == Kind::Word && p.upper && p.lex.is_none())
                && i >= 2
                && !self.sentence_end(i - 2)
                && !self.breaks(i - 1)
            {
                return false;
            }
        }
        // Measure nouns after it: "2000 people".
        if let Some(n) = self.tok(i + 1)
            && n.kind == Kind::Word
        {
            let w = self.s(i + 1).to_ascii_lowercase();
            if MEASURE_NOUNS.contains(&w.as_str()) || self.unit(i + 1).is_some() {
                return false;
            }
        }
        if (1900..=2099).contains(&y) {
            return true;
        }
        // Older years need a preposition or a temporal word before them.
        i > 0
            && matches!(
                self.lex(i - 1),
                Some(Lex::Func(
                    Func::In
                        | Func::Of
                        | Func::By
                        | Func::Until
                        | Func::Through
                        | Func::From
                        | Func::To
                        | Func::Between
                        | Func::And
                        | Func::During
                        | Func::Fiscal
                )) | Some(Lex::Rel(Rel::Since | Rel::Before | Rel::After))
                    | Some(Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Season(_) | Lex::Position(_))
            )
    }

    /// Deictic days and times: today, yesterday, tomorrow, tonight, last night.
    fn p_deictic(&self, i: usize) -> Option<(Pt, usize)> {
        // "in the morning", "during the afternoon": that part of the reference day.
        if self.is_func(i, Func::The)
            && i > 0
            && matches!(self.lex(i - 1), Some(Lex::Func(Func::In | Func::During)))
            && let Some(Lex::PartOfDay(pod)) = self.lex(i + 1)
            && !self.s(i + 1).ends_with('s')
        {
            let mut p = Pt::new(
                format!("{}T{}", cal::fmt_day(self.r), pod.code()),
                Grain::PartOfDay,
                "the-part-of-day",
                "",
            );
            p.kind = TimexType::Time;
            return Some((p, i + 2));
        }
        // "the day after tomorrow", "the day before yesterday".
        if self.is_func(i, Func::The) && matches!(self.unit(i + 1), Some((Unit::Day, false))) {
            let shift = match (self.lex(i + 2), self.lex(i + 3)) {
                (Some(Lex::Rel(Rel::After)), Some(Lex::Deictic(Deictic::Tomorrow))) => 2,
                (Some(Lex::Rel(Rel::Before)), Some(Lex::Deictic(Deictic::Yesterday))) => -2,
                _ => return None,
            };
            return Some((Pt::day(cal::add_days(self.r, shift)?, "day-after-tomorrow", ""), i + 4));
        }
        match self.lex(i)? {
            Lex::Deictic(Deictic::Today) => Some((Pt::day(self.r, "today", ""), i + 1)),
            Lex::Deictic(Deictic::Yesterday) => {
                Some((Pt::day(cal::add_days(self.r, -1)?, "yesterday", ""), i + 1))
            }
            Lex::Deictic(Deictic::Tomorrow) => {
                Some((Pt::day(cal::add_days(self.r, 1)?, "tomorrow", ""), i + 1))
            }
            Lex::Deictic(Deictic::Tonight) => {
                let mut p = Pt::new(
                    format!("{}TNI", cal::fmt_day(self.r)),
                    Grain::PartOfDay,
                    "tonight",
                    "",
                );
                p.kind = TimexType::Time;
                // "tonight at 1am" combines with a clock time.
                p.day = Some(self.r);
                Some((p, i + 1))
            }
            Lex::Deictic(Deictic::Overnight) => None,
            Lex::Rel(r @ (Rel::Last | Rel::This)) => {
                // "last night", "this morning", "this afternoon".
                let (pod, e) = self.part_of_day(i + 1)?;
                let d = if r == Rel::Last && pod == PartOfDay::Night {
                    cal::add_days(self.r, -1)?
                } else {
                    self.r
                };
                if r == Rel::Last && pod != PartOfDay::Night {
                    return None;
                }
                let mut p = Pt::new(
                    format!("{}T{}", cal::fmt_day(d), pod.code()),
                    Grain::PartOfDay,
                    "relative-part-of-day",
                    "",
                );
                p.kind = TimexType::Time;
                p.day = Some(d);
                Some((p, e))
            }
            _ => None,
        }
    }

    /// Relative periods: "last week", "this year", "next month", "the following day",
    /// "the current quarter", "last summer", "this September".
    fn p_relative(&self, i: usize) -> Option<(Pt, usize)> {
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
        }
        let current = self.lex(j) == Some(Lex::Deictic(Deictic::Current));
        let mut rel = match self.lex(j)? {
            Lex::Rel(
                r @ (Rel::Last
                | Rel::Next
                | Rel::This
                | Rel::Coming
                | Rel::Previous
                | Rel::Following
                | Rel::Latest
                | Rel::Same),
            ) => r,
            Lex::Deictic(Deictic::Past) => Rel::Last,
            Lex::Deictic(Deictic::Current) => Rel::This,
            _ => return None,
        };
        if the && rel == Rel::This && !current {
            return None;
        }
        j += 1;
        // "this past spring", "this coming Sunday".
        if rel == Rel::This {
            match self.lex(j) {
                Some(Lex::Deictic(Deictic::Past)) => {
                    rel = Rel::Last;
                    j += 1;
                }
                Some(Lex::Rel(Rel::Coming)) => {
                    rel = Rel::Next;
                    j += 1;
                }
                _ => {}
            }
        }
        // Titles: ABC's "This Week".
        if self.upper(j - 1)
            && self.upper(j)
            && self.unit(j).is_some()
            && !self.breaks(j - 1)
            && j >= 2
            && (!self.sentence_end(j - 2) || self.punct(j - 2, '"') || self.punct(j - 2, '“'))
        {
            return None;
        }
        // "this fiscal year", "the current fiscal year".
        let fiscal = self.is_func(j, Func::Fiscal);
        if fiscal {
            j += 1;
        }
        let shift: i64 = match rel {
            Rel::Last | Rel::Previous => -1,
            Rel::Next | Rel::Coming | Rel::Following => 1,
            _ => 0,
        };
        // "last June", "this September".
        if let Some(Lex::Month(m)) = self.lex(j).filter(|_| self.upper(j)) {
            let m = u32::from(m);
            let y = i32::from(self.r.year());
            let rm = self.r.month() as u32;
            let y = match rel {
                // "last April" in October is this year's; "last February" in
                // March is the year before (TimeBank).
                Rel::Last | Rel::Previous => {
                    if m + 2 <= rm {
                        y
                    } else {
                        y - 1
                    }
                }
                Rel::Next | Rel::Coming | Rel::Following => {
                    if m > rm {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            return Some((
                Pt::new(cal::fmt_month(y, m), Grain::Month, "relative-month", ""),
                j + 1,
            ));
        }
        // "last summer", "this spring".
        if let Some(Lex::Season(sn)) = self.lex(j) {
            // January and February belong to the winter that began the year before.
            let (y, cur) = if self.r.month() <= 2 {
                (i32::from(self.r.year()) - 1, 4)
            } else {
                (i32::from(self.r.year()), season_of(self.r))
            };
            let y = match rel {
                Rel::Last | Rel::Previous => {
                    if sn < cur {
                        y
                    } else {
                        y - 1
                    }
                }
                Rel::Next | Rel::Coming | Rel::Following => {
                    if sn > cur {
                        y
                    } else {
                        y + 1
                    }
                }
                // "this summer" said in February is the coming one.
                _ if sn != 4 => i32::from(self.r.year()),
                _ => y,
            };
            return Some((
                Pt::new(
                    format!("{}-{}", cal::fmt_year(y), season_code(sn)),
                    Grain::Season,
                    "relative-season",
                    "",
                ),
                j + 1,
            ));
        }
        if self.is_func(j, Func::Weekend) && !self.s(j).ends_with('s') {
            let (y, w) = cal::iso_week(cal::add_days(self.r, shift * 7)?);
            return Some((
                Pt::new(format!("{}-WE", cal::fmt_week(y, w)), Grain::Week, "relative-weekend", ""),
                j + 1,
            ));
        }
        if self.is_func(j, Func::Half) && self.is_func(i.wrapping_sub(0), Func::The) {
            return None;
        }
        // "the latest period" in a results report: the quarter just reported.
        if rel == Rel::Latest && self.is_func(j, Func::Period) {
            let (y, q) = self.previous_quarter();
            let p =
                Pt::new(format!("{}-Q{q}", cal::fmt_year(y)), Grain::Quarter, "latest-period", "");
            return Some((p, j + 1));
        }
        let (u, plural) = self.unit(j)?;
        if plural {
            return None;
        }
        if rel == Rel::Latest && u != Unit::Quarter && u != Unit::Year {
            return None;
        }
        if rel == Rel::Same && !the {
            return None;
        }
        let e = j + 1;
        let name = if the { "the-relative-unit" } else { "relative-unit" };
        let r = self.r;
        // "the following day", "the previous year", "the same day": anaphoric,
        // anchored on the last date the text named (TimeML's anchorTimeID).
        let anaphoric =
            the && matches!(rel, Rel::Following | Rel::Previous | Rel::Same | Rel::Next);
        let pt = match u {
            Unit::Day => {
                if shift == 0 && rel != Rel::Same {
                    return None; // "this day" is rarely a date
                }
                match self.doc.last_day.filter(|_| anaphoric) {
                    Some(anchor) => Pt::day(cal::add_days(anchor, shift)?, name, "anchored"),
                    None => Pt::day(cal::add_days(r, shift)?, name, ""),
                }
            }
            Unit::Year if anaphoric && self.doc.last_year.is_some() => {
                let y = self.doc.last_year? + shift as i32;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                Pt::new(cal::fmt_year(y), Grain::Year, name, "anchored")
            }
            Unit::Week | Unit::Fortnight => {
                let (y, w) = cal::iso_week(cal::add_days(r, shift * 7)?);
                let week = cal::fmt_week(y, w);
                // "next week Wednesday", "this week Monday".
                let k = if self.dash(e) { e + 1 } else { e };
                if let Some(Lex::Weekday(wd @ 1..=7)) = self.lex(k)
                    && let Some(d) = self.day_in_week(&week, wd)
                {
                    return Some((Pt::day(d, "week-weekday", ""), k + 1));
                }
                Pt::new(week, Grain::Week, name, "")
            }
            Unit::Month => {
                let d = cal::add_months(r, shift)?;
                Pt::new(cal::fmt_month(d.year().into(), d.month() as u32), Grain::Month, name, "")
            }
            Unit::Quarter => {
                let (y, q) = if rel == Rel::Latest || (the && rel == Rel::Last) {
                    self.previous_quarter()
                } else {
                    let d = cal::add_months(r, shift * 3)?;
                    (i32::from(d.year()), cal::quarter_of(d))
                };
                Pt::new(format!("{}-Q{q}", cal::fmt_year(y)), Grain::Quarter, name, "")
            }
            Unit::Year => {
                let y = if rel == Rel::Latest && fiscal {
                    i32::from(r.year()) - 1
                } else {
                    i32::from(r.year()) + shift as i32
                };
                if !(1..=9999).contains(&y) {
                    return None;
                }
                Pt::new(cal::fmt_year(y), Grain::Year, name, "")
            }
            Unit::Decade => {
                let y = i32::from(r.year()) + 10 * shift as i32;
                if !(10..=9999).contains(&y) {
                    return None;
                }
                Pt::new(format!("{:03}", y / 10), Grain::Decade, name, "")
            }
            Unit::Century => {
                let y = i32::from(r.year()) + 100 * shift as i32;
                if !(100..=9999).contains(&y) {
                    return None;
                }
                Pt::new(format!("{:02}", y / 100), Grain::Century, name, "")
            }
            _ => return None,
        };
        Some((pt, e))
    }

    /// The given weekday (1 = Monday) of an ISO week value "2019-W32".
    fn day_in_week(&self, week: &str, wd: u8) -> Option<Civil> {
        let y: i16 = week.get(..4)?.parse().ok()?;
        let w: i8 = week.get(6..8)?.parse().ok()?;
        let weekday = jiff::civil::Weekday::from_monday_one_offset(wd as i8).ok()?;
        jiff::civil::ISOWeekDate::new(y, w, weekday).ok().map(|d| d.date())
    }

    /// "week 31", "week 1 of 2019": an ISO week of the reference year.
    fn p_week_number(&self, i: usize) -> Option<(Pt, usize)> {
        if !matches!(self.unit(i), Some((Unit::Week, false))) {
            return None;
        }
        let (n, d) = self.num(i + 1)?;
        if d > 2
            || !(1..=53).contains(&n)
            || self.tok(i + 2).is_some_and(|t| !t.space && t.kind != Kind::Punct)
        {
            return None;
        }
        let mut e = i + 2;
        let mut y = i32::from(self.r.year());
        let k = if self.is_func(e, Func::Of) { e + 1 } else { e };
        if let Some((yy, e2)) = self.year_after(k).filter(|_| k > e || self.punct(e, ',')) {
            y = yy;
            e = e2;
        }
        cal::week_monday(y, n)?;
        Some((Pt::new(cal::fmt_week(y, n), Grain::Week, "week-number", ""), e))
    }

    fn previous_quarter(&self) -> (i32, u32) {
        if let Some(q) = self.doc.last_quarter {
            return q;
        }
        let q = cal::quarter_of(self.r);
        let y = i32::from(self.r.year());
        if q == 1 { (y - 1, 4) } else { (y, q - 1) }
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2024",
    /// "the fiscal first quarter", "the first half of 2024", "H1".
    fn p_quarter(&self, i: usize) -> Option<(Pt, usize)> {
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
        }
        // "2017-Q1", "2019 H2", "2018Q4", "18q4".
        if let Some((y, d)) = self.num(j).filter(|(_, d)| *d == 4 || *d == 2) {
            let k = if self.dash(j + 1) && self.glued(j + 1) { j + 2 } else { j + 1 };
            let w = self.s(k);
            let half = w.eq_ignore_ascii_case("h");
            if (half || w.eq_ignore_ascii_case("q"))
                && (d == 4 || self.glued(k))
                && self.glued(k + 1)
                && let Some((n, 1)) = self.num(k + 1)
                && (1..=if half { 2 } else { 4 }).contains(&n)
                && !self.tok(k + 2).is_some_and(|t| !t.space && t.kind != Kind::Punct)
            {
                let y = if d == 2 { 2000 + y as i32 } else { y as i32 };
                let (v, g) = if half {
                    (format!("{}-H{n}", cal::fmt_year(y)), Grain::Half)
                } else {
                    (format!("{}-Q{n}", cal::fmt_year(y)), Grain::Quarter)
                };
                return Some((Pt::new(v, g, "q-notation", ""), k + 2));
            }
        }
        // "Q3", "Q3 2024", "H1 2024", "Q3/2024".
        let w = self.s(j);
        if (w.eq_ignore_ascii_case("q") || w.eq_ignore_ascii_case("h")) && self.glued(j + 1) {
            let (n, _) = self.num(j + 1)?;
            // "H1N1", "Q1RA" (codes), "the H1 N1 virus".
            if self.tok(j + 2).is_some_and(|t| !t.space && t.kind != Kind::Punct)
                || self.glued(j) && j > 0 && self.tok(j - 1).is_some_and(|p| p.kind != Kind::Punct)
                || self.is_word(j + 2, "n")
            {
                return None;
            }
            let half = w.eq_ignore_ascii_case("h");
            if !(1..=if half { 2 } else { 4 }).contains(&n) {
                return None;
            }
            let mut e = j + 2;
            let mut k = e;
            if self.punct(k, '/') || self.punct(k, '-') {
                k += 1;
            }
            let y = if let Some((y, e2)) = self.year_after(k) {
                e = e2;
                y
            } else {
                i32::from(self.r.year())
            };
            let v = if half {
                format!("{}-H{n}", cal::fmt_year(y))
            } else {
                format!("{}-Q{n}", cal::fmt_year(y))
            };
            return Some((
                Pt::new(v, if half { Grain::Half } else { Grain::Quarter }, "q-notation", ""),
                e,
            ));
        }
        // "[the] [1988] [fiscal] third[-]quarter [of [fiscal] 1990 | 1990]".
        let mut year: Option<i32> = None;
        if let Some((y, 4)) = self.num(j)
            && (1000..=2999).contains(&y)
            && the
        {
            year = Some(y as i32);
            j += 1;
        }
        // "this year's third quarter", "next year's first quarter", "last year's".
        if year.is_none()
            && !the
            && let Some(Lex::Rel(r @ (Rel::This | Rel::Last | Rel::Next))) = self.lex(j)
            && matches!(self.unit(j + 1), Some((Unit::Year, false)))
            && is_possessive_tok(self.tok(j + 2))
        {
            let y = i32::from(self.r.year())
                + match r {
                    Rel::Last => -1,
                    Rel::Next => 1,
                    _ => 0,
                };
            year = Some(y);
            j += 3;
        }
        if self.is_func(j, Func::Fiscal) {
            j += 1;
            if self.dash(j) {
                j += 1;
            }
        }
        let (n, e) = self
            .ordinal(j)
            .or_else(|| if self.is_rel(j, Rel::Last) { Some((5, j + 1)) } else { None })?;
        let mut k = e;
        if self.dash(k) {
            // "the third-quarter results": TimeBank leaves "the" out of the compound.
            if the && year.is_none() {
                return None;
            }
            k += 1;
        }
        if self.is_func(k, Func::Fiscal) {
            k += 1;
        }
        let is_half = self.is_func(k, Func::Half);
        let is_quarter = matches!(self.unit(k), Some((Unit::Quarter, false)));
        if !is_half && !is_quarter {
            return None;
        }
        let max = if is_half { 2 } else { 4 };
        let n = if n == 5 { max } else { n };
        if !(1..=max).contains(&n) {
            return None;
        }
        let mut end = k + 1;
        // "of 1990", "of fiscal 1990", "1990", "of this year", "of the year".
        let mut m = end;
        if self.is_func(m, Func::Of) {
            m += 1;
        }
        if self.is_func(m, Func::Fiscal) {
            m += 1;
        }
        let mut how = "";
        if year.is_none() {
            if let Some((y, e2)) = self.year_after(m) {
                year = Some(y);
                end = e2;
            } else if m > end {
                if let Some((p, e2)) = self.p_relative(m) {
                    if p.grain == Grain::Year {
                        year = p.value.parse().ok();
                        end = e2;
                    }
                } else if self.is_func(m, Func::The)
                    && matches!(self.unit(m + 1), Some((Unit::Year, false)))
                {
                    end = m + 2;
                }
            }
        }
        let y = match year {
            Some(y) => y,
            None => {
                // The most recent such period, unless the sentence looks ahead.
                let ry = i32::from(self.r.year());
                let cur = if is_half {
                    (self.r.month() as u32 - 1) / 6 + 1
                } else {
                    cal::quarter_of(self.r)
                };
                let (dir, h) = self.direction_at(i, end, Dir::Nearest);
                how = if dir == Dir::Future { "future" } else { "" };
                let _ = h;
                if n > cur && dir != Dir::Future && (n - cur) * 2 > max { ry - 1 } else { ry }
            }
        };
        let code = if is_half { format!("H{n}") } else { format!("Q{n}") };
        let _ = the;
        Some((
            Pt::new(
                format!("{}-{code}", cal::fmt_year(y)),
                if is_half { Grain::Half } else { Grain::Quarter },
                "quarter",
                how,
            ),
            end,
        ))
    }

    /// Seasons: "summer", "the fall of 2019", "spring 2024", "winter".
    fn p_season(&self, i: usize) -> Option<(Pt, usize)> {
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
        }
        let Some(Lex::Season(sn)) = self.lex(j) else { return None };
        let e = j + 1;
        let word = self.s(j).to_ascii_lowercase();
        // "summer of 2019", "spring 2024".
        let mut k = e;
        if self.is_func(k, Func::Of) {
            k += 1;
        }
        if let Some((y, e2)) = self.year_after(k) {
            return Some((
                Pt::new(
                    format!("{}-{}", cal::fmt_year(y), season_code(sn)),
                    Grain::Season,
                    "season-year",
                    "",
                ),
                e2,
            ));
        }
        if self.s(j).ends_with('s') && word != "fall" {
            return None;
        }
        let prev = if the { i.checked_sub(1) } else { j.checked_sub(1) };
        let prev_ok = prev.is_some_and(|p| {
            matches!(
                self.lex(p),
                Some(Lex::Func(
                    Func::In
                        | Func::By
                        | Func::Until
                        | Func::Through
                        | Func::During
                        | Func::From
                        | Func::For
                        | Func::Of
                        | Func::At
                )) | Some(Lex::Rel(Rel::Since | Rel::Before | Rel::After))
                    | Some(Lex::Position(_))
            )
        });
        let next_word = self.tok(e).filter(|t| t.kind == Kind::Word && !is_possessive(t));
        // The verbs and nouns "fall" and "spring": "prices fall", "the fall in prices".
        if matches!(word.as_str(), "fall" | "spring") {
            if !the
                || !prev_ok
                || next_word.is_some_and(|_| {
                    matches!(
                        self.lex(e),
                        Some(Lex::Func(Func::Of | Func::In | Func::From | Func::To | Func::And))
                            | None
                    )
                })
            {
                return None;
            }
        } else if !(the || prev_ok)
            || next_word.is_some_and(|_| self.lex(e).is_none() && !self.upper(e))
        {
            return None;
        }
        let y = i32::from(self.r.year());
        let cur = season_of(self.r);
        let (dir, how) = self.direction_at(i, e, Dir::Nearest);
        let y = match dir {
            Dir::Past => {
                if sn <= cur {
                    y
                } else {
                    y - 1
                }
            }
            Dir::Future => {
                if sn >= cur {
                    y
                } else {
                    y + 1
                }
            }
            Dir::Nearest => {
                let d = i32::from(sn) - i32::from(cur);
                if d > 2 {
                    y - 1
                } else if d < -2 {
                    y + 1
                } else {
                    y
                }
            }
        };
        let y = if sn == 4 && self.r.month() <= 2 && dir != Dir::Future { y - 1 } else { y };
        Some((
            Pt::new(
                format!("{}-{}", cal::fmt_year(y), season_code(sn)),
                Grain::Season,
                "season",
                how,
            ),
            e,
        ))
    }

    /// Decades and centuries: "the 1990s", "the '90s", "the nineties", "the 20th century".
    fn p_decade(&self, i: usize) -> Option<(Pt, usize)> {
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
        }
        // "1990s"
        if let Some((y, 4)) = self.num(j) {
            if self.is_word(j + 1, "s")
                && self.glued(j + 1)
                && y % 10 == 0
                && (1000..=2990).contains(&y)
            {
                return Some((
                    Pt::new(format!("{:03}", y / 10), Grain::Decade, "decade", ""),
                    j + 2,
                ));
            }
            return None;
        }
        // "'90s", "90s"
        if self.punct(j, '\'') {
            if let Some((y, 2)) = self.num(j + 1)
                && self.is_word(j + 2, "s")
                && self.glued(j + 2)
                && y % 10 == 0
            {
                let c = if y <= (self.r.year() as u32 % 100) {
                    self.r.year() as u32 / 100
                } else {
                    self.r.year() as u32 / 100 - 1
                };
                return Some((
                    Pt::new(
                        format!("{:03}", (c * 100 + y) / 10),
                        Grain::Decade,
                        "decade-short",
                        "",
                    ),
                    j + 3,
                ));
            }
            return None;
        }
        if let Some((y, 2)) = self.num(j)
            && the
            && self.is_word(j + 1, "s")
            && self.glued(j + 1)
            && y % 10 == 0
        {
            let c = if y <= (self.r.year() as u32 % 100) {
                self.r.year() as u32 / 100
            } else {
                self.r.year() as u32 / 100 - 1
            };
            return Some((
                Pt::new(format!("{:03}", (c * 100 + y) / 10), Grain::Decade, "decade-short", ""),
                j + 2,
            ));
        }
        if let Some(Lex::Decade(t)) = self.lex(j) {
            if !the {
                return None;
            }
            let c = self.r.year() as u32 / 100;
            let c = if u32::from(t) * 10 <= self.r.year() as u32 % 100 { c } else { c - 1 };
            return Some((
                Pt::new(format!("{:02}{}", c, t), Grain::Decade, "decade-word", ""),
                j + 1,
            ));
        }
        // "the 20th century", "the twentieth century".
        if let Some((n, e)) = self.ordinal(j)
            && matches!(self.unit(e), Some((Unit::Century, false)))
            && (1..=99).contains(&n)
        {
            return Some((Pt::new(format!("{:02}", n - 1), Grain::Century, "century", ""), e + 1));
        }
        None
    }

    /// Holidays: "Christmas", "New Year's Day", "Easter 2025", "Thanksgiving".
    fn p_holiday(&self, i: usize) -> Option<(Pt, usize)> {
        // "last Thanksgiving", "next Christmas", "this Easter".
        let rel = match self.lex(i) {
            Some(Lex::Rel(r @ (Rel::Last | Rel::Next | Rel::This))) => Some(r),
            _ => None,
        };
        let i = if rel.is_some() { i + 1 } else { i };
        // Only words that begin a holiday name get here.
        if !matches!(self.lex(i), Some(Lex::Holiday(_) | Lex::HolidayStart | Lex::Month(4 | 5))) {
            return None;
        }
        // Lowercase names count too ("thanksgiving"), except "may day".
        if !self.upper(i) && self.is_word(i, "may") {
            return None;
        }
        let mut best: Option<(usize, HolidayRule)> = None;
        for h in self.lx.holidays {
            let mut j = i;
            let mut ok = true;
            for w in h.words {
                let t = self.tok(j);
                let matches = t.is_some_and(|t| {
                    let s = &self.text[t.start..t.end];
                    if *w == "'s" {
                        is_possessive(t)
                    } else if *w == "'" || *w == "." {
                        s == *w || s == "’"
                    } else {
                        s.eq_ignore_ascii_case(w)
                    }
                });
                if !matches || (j > i && self.breaks(j)) {
                    ok = false;
                    break;
                }
                j += 1;
            }
            if ok && best.is_none_or(|b| j > b.0) {
                best = Some((j, h.rule));
            }
        }
        let (mut e, rule) = best?;
        // "May Day" only capitalized as a whole.
        if self.is_word(i, "may") && !self.upper(i + 1) {
            return None;
        }
        let mut year = None;
        if let Some((y, e2)) = self.year_after(e) {
            year = Some(y);
            e = e2;
        } else if self.is_func(e, Func::Of)
            && let Some((p, e2)) = self.p_relative(e + 1).filter(|(p, _)| p.grain == Grain::Year)
        {
            // "Thanksgiving of next year".
            year = p.value.parse().ok();
            e = e2;
        }
        let on = |y: i32| -> Option<Civil> {
            match rule {
                HolidayRule::Fixed(m, d) => cal::date(y, m.into(), d.into()),
                HolidayRule::NthWeekday(n, wd, m) => cal::nth_weekday(y, m.into(), n, wd),
                HolidayRule::NthWeekdayPlus(n, wd, m, off) => {
                    cal::add_days(cal::nth_weekday(y, m.into(), n, wd)?, off.into())
                }
                HolidayRule::Easter(off) => cal::add_days(cal::easter(y)?, off.into()),
            }
        };
        if let Some(y) = year {
            return Some((Pt::day(on(y)?, "holiday-year", ""), e));
        }
        if let Some(r) = rel {
            let ry = i32::from(self.r.year());
            let d = match r {
                Rel::Last => (ry - 2..=ry).rev().filter_map(on).find(|d| *d < self.r)?,
                Rel::Next => (ry..=ry + 2).filter_map(on).find(|d| *d > self.r)?,
                _ => on(ry)?,
            };
            return Some((Pt::day(d, "relative-holiday", ""), e));
        }
        let (dir, how) = self.direction_at(i, e, Dir::Nearest);
        let ry = i32::from(self.r.year());
        let opts: Vec<(i32, i64)> = (ry - 1..=ry + 1)
            .filter_map(|y| on(y).map(|d| (y, cal::diff_days(self.r, d))))
            .collect();
        let y = self.pick_by_distance(&opts, dir)?;
        Some((Pt::day(on(y)?, "holiday", how), e))
    }

    // ----- positions and hedges ------------------------------------------------------------

    /// "early September", "mid-2023", "late last year", "the end of 2024",
    /// "the beginning of the month", "earlier this year", "year-end".
    fn r_position(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
        }
        let (modifier, mut k) = match self.lex(j)? {
            Lex::Position(p) => {
                let m = match p {
                    Position::Early | Position::Beginning => Modifier::Start,
                    Position::Mid | Position::Middle => Modifier::Mid,
                    Position::Late | Position::End => Modifier::End,
                };
                let needs_of = matches!(p, Position::Beginning | Position::Middle | Position::End);
                let mut k = j + 1;
                if self.dash(k) {
                    k += 1;
                }
                if needs_of {
                    if !self.is_func(k, Func::Of) {
                        return None;
                    }
                    k += 1;
                } else if the
                    && !(self.is_word(k + 1, "s") && self.num(k).is_some()
                        || matches!(self.lex(k), Some(Lex::Season(_))))
                {
                    // Only "the early 1980s", "the late summer" keep their article.
                    return None;
                }
                (m, k)
            }
            Lex::Rel(Rel::Earlier) if !the => (Modifier::Start, j + 1),
            Lex::Rel(Rel::Later) if !the => (Modifier::End, j + 1),
            Lex::Unit(Unit::Year, false) if !the => {
                // "year-end", "year end", "year's end".
                let k = if self.dash(j + 1) || is_possessive_tok(self.tok(j + 1)) {
                    j + 2
                } else {
                    j + 1
                };
                if !self.is_word(k, "end")
                    || k == j + 1 && !self.is_func(j.wrapping_sub(1), Func::By)
                {
                    return None;
                }
                let p = Pt::new(cal::fmt_year(self.r.year().into()), Grain::Year, "year-end", "");
                return Some(Cand { modifier: Some(Modifier::End), ..p.into_cand(i, k + 1) });
            }
            _ => return None,
        };
        if self.breaks(k) {
            return None;
        }
        // "mid afternoon", "late morning": that part of the reference day.
        if let Some(Lex::PartOfDay(pod)) = self.lex(k)
            && !self.s(k).ends_with('s')
            && !the
            && !matches!(self.lex(k + 1), Some(Lex::Weekday(_) | Lex::Deictic(_)))
        {
            let mut p = Pt::new(
                format!("{}T{}", cal::fmt_day(self.r), pod.code()),
                Grain::PartOfDay,
                "position-part-of-day",
                "",
            );
            p.kind = TimexType::Time;
            return Some(Cand { modifier: Some(modifier), ..p.into_cand(i, k + 1) });
        }
        let earlier_later = matches!(self.lex(j), Some(Lex::Rel(Rel::Earlier | Rel::Later)));
        // "the end of the year", "the end of the month", "end of year".
        let uk = if self.is_func(k, Func::The) { k + 1 } else { k };
        if (uk > k || k > 0 && self.is_func(k - 1, Func::Of))
            && self.unit(uk).is_some_and(|(u, p)| {
                !p && matches!(
                    u,
                    Unit::Year
                        | Unit::Month
                        | Unit::Week
                        | Unit::Quarter
                        | Unit::Decade
                        | Unit::Century
                )
            })
            && !earlier_later
        {
            let u = self.unit(uk)?.0;
            let r = self.r;
            let p = match u {
                Unit::Year => {
                    Pt::new(cal::fmt_year(r.year().into()), Grain::Year, "position-the-unit", "")
                }
                Unit::Month => Pt::new(
                    cal::fmt_month(r.year().into(), r.month() as u32),
                    Grain::Month,
                    "position-the-unit",
                    "",
                ),
                Unit::Week => {
                    let (y, w) = cal::iso_week(r);
                    Pt::new(cal::fmt_week(y, w), Grain::Week, "position-the-unit", "")
                }
                Unit::Quarter => Pt::new(
                    format!("{}-Q{}", cal::fmt_year(r.year().into()), cal::quarter_of(r)),
                    Grain::Quarter,
                    "position-the-unit",
                    "",
                ),
                Unit::Decade => {
                    Pt::new(format!("{:03}", r.year() / 10), Grain::Decade, "position-the-unit", "")
                }
                _ => Pt::new(
                    format!("{:02}", r.year() / 100),
                    Grain::Century,
                    "position-the-unit",
                    "",
                ),
            };
            return Some(Cand { modifier: Some(modifier), ..p.into_cand(i, uk + 1) });
        }
        if earlier_later {
            // "earlier that day", "later that year".
            if let Some(c) = self.r_that(k) {
                return Some(Cand {
                    s: i,
                    modifier: Some(modifier),
                    rule: format!("position-{}", c.rule),
                    ..c
                });
            }
            // "earlier this year", "later this month", "earlier Sunday", "later today".
            // TimeBank leaves "earlier"/"later" out before a weekday ("Earlier
            // Friday" -> "Friday") but keeps it in "earlier this month".
            let ok = matches!(
                self.lex(k),
                Some(Lex::Rel(Rel::This))
                    | Some(Lex::Deictic(
                        Deictic::Today | Deictic::Yesterday | Deictic::Tomorrow | Deictic::Tonight
                    ))
            );
            if !ok {
                if self.is_func(k, Func::In)
                    && self.is_func(k + 1, Func::The)
                    && matches!(
                        self.unit(k + 2),
                        Some((Unit::Year | Unit::Month | Unit::Week | Unit::Day, false))
                    )
                {
                    let r = self.r;
                    let p = match self.unit(k + 2)?.0 {
                        Unit::Year => Pt::new(
                            cal::fmt_year(r.year().into()),
                            Grain::Year,
                            "earlier-in-the-unit",
                            "",
                        ),
                        Unit::Month => Pt::new(
                            cal::fmt_month(r.year().into(), r.month() as u32),
                            Grain::Month,
                            "earlier-in-the-unit",
                            "",
                        ),
                        Unit::Week => {
                            let (y, w) = cal::iso_week(r);
                            Pt::new(cal::fmt_week(y, w), Grain::Week, "earlier-in-the-unit", "")
                        }
                        _ => Pt::day(r, "earlier-in-the-unit", ""),
                    };
                    return Some(Cand { modifier: Some(modifier), ..p.into_cand(i, k + 3) });
                }
                return None;
            }
        }
        // "mid-2023": a bare year after "mid-"/"early"/"late" is cued.
        if let Some((y, 4)) = self.num(k)
            && (1000..=2999).contains(&y)
            && !(self.is_word(k + 1, "s") && self.glued(k + 1))
        {
            let p = Pt::new(cal::fmt_year(y as i32), Grain::Year, "position-year", "");
            return Some(Cand { modifier: Some(modifier), ..p.into_cand(i, k + 1) });
        }
        let (p, e) = self.point(k).or_else(|| {
            // "late November" where bare-month guards need the position word.
            let (m, e, abbr) = self.month_tok(k)?;
            if abbr || !self.upper(k) {
                return None;
            }
            let (y, how) = self.year_for_month(m, k, e)?;
            Some((Pt::new(cal::fmt_month(y, m), Grain::Month, "month", how), e))
        })?;
        let _ = &mut k;
        let mut c = p.into_cand(i, e);
        c.modifier = Some(modifier);
        c.rule = format!("position-{}", c.rule);
        Some(c)
    }

    /// A hedge before a quantity: "about", "nearly", "more than", "at least",
    /// "up to", "no more than", "less than", "over", "some". Returns (mod, end).
    fn hedge(&self, i: usize) -> Option<(Modifier, usize)> {
        if self.is_func(i, Func::At) && self.lex(i + 1) == Some(Lex::Hedge(Hedge::AtLeast)) {
            return Some((Modifier::EqualOrMore, i + 2));
        }
        let h = match self.lex(i)? {
            Lex::Hedge(h) => h,
            _ => {
                if self.is_func(i, Func::No)
                    && self.lex(i + 1) == Some(Lex::Hedge(Hedge::More))
                    && self.is_word(i + 2, "than")
                {
                    return Some((Modifier::EqualOrLess, i + 3));
                }
                return None;
            }
        };
        match h {
            Hedge::About => Some((Modifier::Approx, i + 1)),
            Hedge::Nearly => Some((Modifier::EqualOrLess, i + 1)),
            Hedge::More if self.is_word(i + 1, "than") => Some((Modifier::MoreThan, i + 2)),
            Hedge::Less if self.is_word(i + 1, "than") => Some((Modifier::LessThan, i + 2)),
            Hedge::Over | Hedge::Under
                if self.number(i + 1).is_some() || self.is_func(i + 1, Func::A) =>
            {
                Some((
                    if h == Hedge::Over { Modifier::MoreThan } else { Modifier::LessThan },
                    i + 1,
                ))
            }
            Hedge::UpTo if self.is_func(i + 1, Func::To) => Some((Modifier::EqualOrLess, i + 2)),
            _ => None,
        }
    }

    // ----- durations ---------------------------------------------------------------------------

    /// A quantity and unit: "three years", "48 hours", "a decade", "several weeks",
    /// "two-year", "2 1/2 years", "a year and a half". Returns (value, unit grain, end).
    fn amount_unit(&self, i: usize) -> Option<(String, Grain, usize, bool)> {
        let mut j;
        // Quantity.
        let mut qty: Option<f64> = None; // None = vague
        let mut vague = false;
        if let Some((n, e)) = self.number(i) {
            qty = Some(n);
            j = e;
        } else {
            match self.lex(i)? {
                Lex::Func(Func::A) => {
                    // "a few", "a couple of", "a year".
                    match self.lex(i + 1) {
                        Some(Lex::Vague(Vague::Few)) => {
                            vague = true;
                            j = i + 2;
                        }
                        Some(Lex::Vague(Vague::Couple)) => {
                            qty = Some(2.0);
                            j = if self.is_func(i + 2, Func::Of) { i + 3 } else { i + 2 };
                        }
                        _ => {
                            qty = Some(1.0);
                            j = i + 1;
                        }
                    }
                }
                Lex::Vague(Vague::Several | Vague::Few | Vague::Many) => {
                    vague = true;
                    j = i + 1;
                }
                Lex::Vague(Vague::Some) if self.unit(i + 1).is_some_and(|u| u.1) => {
                    vague = true;
                    j = i + 1;
                }
                Lex::Func(Func::Another) => {
                    qty = Some(1.0);
                    j = i + 1;
                }
                _ => return None,
            }
        }
        // Adjectives between: "additional", "more", "straight", "consecutive", "full", "trading".
        let mut adjective = false;
        loop {
            match self.lex(j) {
                Some(Lex::Func(
                    Func::Additional
                    | Func::Straight
                    | Func::Consecutive
                    | Func::Full
                    | Func::Trading
                    | Func::Business
                    | Func::Calendar,
                )) => j += 1,
                Some(Lex::Hedge(Hedge::More)) if !self.is_word(j + 1, "than") => j += 1,
                _ => break,
            }
        }
        // "two-year", "10-year", "16-hour", "8-month-old".
        let hyphen = self.dash(j) && self.glued(j) && self.glued(j + 1);
        if hyphen {
            j += 1;
            adjective = true;
        }
        // "one and a half hours", "two and a half years".
        let mut pre_half = false;
        if qty.is_some()
            && self.is_func(j, Func::And)
            && (self.is_func(j + 1, Func::Half)
                || self.is_func(j + 1, Func::A) && self.is_func(j + 2, Func::Half))
        {
            let k = if self.is_func(j + 1, Func::Half) { j + 2 } else { j + 3 };
            if self.unit(k).is_some() {
                pre_half = true;
                j = k;
            }
        }
        let (u, plural) = match self.unit(j) {
            Some(u) => u,
            None => {
                if self.is_func(j, Func::Weekend) && qty.is_some() {
                    (Unit::Day, false)
                } else if qty.is_some()
                    && matches!(self.lex(j), Some(Lex::PartOfDay(PartOfDay::Night)))
                    && !self.upper(j)
                {
                    // "two nights" (a hotel stay) counts days.
                    (Unit::Day, self.s(j).ends_with('s'))
                } else if qty.is_some() && self.is_word(j, "h") && self.glued(j) && !adjective {
                    // "3h", "1.5h".
                    (Unit::Hour, false)
                } else {
                    return None;
                }
            }
        };
        let qty = if pre_half { qty.map(|q| q + 0.5) } else { qty };
        let weekend = self.is_func(j, Func::Weekend);
        let mut e = j + 1;
        // "a second Peace Summit", "a second term": the ordinal.
        if u == Unit::Second
            && !plural
            && self.tok(e).is_some_and(|t| {
                t.kind == Kind::Word
                    && !matches!(t.lex, Some(Lex::Func(_) | Lex::Rel(_) | Lex::Cue(_)))
            })
        {
            return None;
        }
        let single_a = qty == Some(1.0) && self.is_func(i, Func::A);
        if plural && single_a {
            return None;
        }
        // Ages ("the 6-year-old", "52 years old") are not time expressions.
        if self.dash(e) && self.glued(e) && self.is_func(e + 1, Func::Old)
            || self.is_func(e, Func::Old)
        {
            return None;
        }
        // "decades-long".
        if adjective && self.dash(e) && self.glued(e) && self.is_func(e + 1, Func::Long) {
            e += 2;
        }
        // Fractions: "a quarter of the market", "three-quarters".
        if u == Unit::Quarter
            && (self.is_func(e, Func::Of) && !vague && qty.is_some_and(|q| q <= 3.0)
                || plural && adjective)
        {
            return None;
        }
        // "and a half".
        let mut extra_half = false;
        if self.is_func(e, Func::And)
            && self.is_func(e + 1, Func::A)
            && self.is_func(e + 2, Func::Half)
        {
            extra_half = true;
            e += 3;
        }
        let q = qty.map(|q| if extra_half { q + 0.5 } else { q });
        let _ = weekend;
        let v = if vague { None } else { q };
        Some((
            duration_value(v, if weekend { Unit::Day } else { u }, weekend),
            unit_grain(u),
            e,
            single_a,
        ))
    }

    /// Durations: "three years", "the past two years", "the next 12 to 18 months",
    /// "more than four hours", "the first nine months", "years".
    fn r_duration(&self, i: usize) -> Option<Cand> {
        self.r_duration_inner(i).map(|c| self.trim_hedge(i, c))
    }

    /// TimeBank keeps "nearly", "more than", "at least", "around" inside a
    /// timex but mostly leaves "about" and "over three ..." out (as signals);
    /// the modifier stays either way.
    fn trim_hedge(&self, i: usize, mut c: Cand) -> Cand {
        if c.s == i
            && (self.is_word(i, "about")
                || self.is_word(i, "over") && !self.is_func(i + 1, Func::A))
            && let Some((_, e)) = self.hedge(i)
            && e < c.e
        {
            c.s = e;
        }
        c
    }

    fn r_duration_inner(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut modifier = None;
        if let Some((m, e)) = self.hedge(j) {
            modifier = Some(m);
            j = e;
        }
        // "the past/last/next/first/coming N units", "the N units".
        let mut the = false;
        let mut lead: Option<Rel> = None;
        let mut k = j;
        if self.is_func(k, Func::The) {
            the = true;
            k += 1;
        }
        match self.lex(k) {
            // "coming weeks", "the coming years": an open stretch ahead.
            Some(Lex::Rel(Rel::Coming)) if matches!(self.unit(k + 1), Some((_, true))) => {
                let (u, _) = self.unit(k + 1)?;
                let v = duration_value(None, u, false);
                return Some(Cand {
                    modifier,
                    ..Pt::new(v, unit_grain(u), "coming-units", "").duration().into_cand(i, k + 2)
                });
            }
            Some(Lex::Rel(
                r @ (Rel::Last | Rel::Next | Rel::Coming | Rel::Previous | Rel::Following),
            )) => {
                lead = Some(r);
                k += 1;
            }
            Some(Lex::Deictic(Deictic::Past)) => {
                lead = Some(Rel::Last);
                k += 1;
            }
            Some(Lex::Ordinal(1)) if the => {
                lead = Some(Rel::Next);
                k += 1;
            }
            Some(Lex::Deictic(Deictic::Recent)) if !the => {
                // "recent months" -> vague duration; "recent years" -> PAST_REF (TimeBank).
                if let Some((u, true)) = self.unit(k + 1)
                    && matches!(u, Unit::Month | Unit::Week | Unit::Quarter)
                {
                    let p = duration_value(None, u, false);
                    return Some(Cand {
                        modifier,
                        ..Pt::new(p, unit_grain(u), "recent-units", "")
                            .duration()
                            .into_cand(i, k + 2)
                    });
                }
                return None;
            }
            _ => {}
        }
        if lead.is_some() || the {
            // "the next 12 to 18 months".
            if let (Some((_, e1)), true) = (self.number(k), true)
                && (self.is_func(e1, Func::To) || self.is_func(e1, Func::Or))
                && let Some((v, g, e2, _)) = self.amount_unit(e1 + 1)
            {
                let vv = vague_of(&v);
                return Some(Cand {
                    modifier,
                    ..Pt::new(vv, g, "the-range-units", "").duration().into_cand(i, e2)
                });
            }
            // "the 1988 quarter", "the 1989 period": that year's quarter in a results report.
            if the
                && lead.is_none()
                && let Some((y, 4)) = self.num(k)
                && (matches!(self.unit(k + 1), Some((Unit::Quarter, false)))
                    || self.is_func(k + 1, Func::Period))
            {
                let p = match self.doc.last_quarter {
                    Some((_, q)) => Pt::new(
                        format!("{}-Q{q}", cal::fmt_year(y as i32)),
                        Grain::Quarter,
                        "the-year-period",
                        "",
                    ),
                    None => Pt::new(cal::fmt_year(y as i32), Grain::Year, "the-year-period", ""),
                };
                return Some(p.into_cand(i, k + 2));
            }
            if let Some((v, g, e, single)) = self.amount_unit(k) {
                if single && lead.is_none() {
                    return None; // "the a year"
                }
                if self.num(k).is_some_and(|(n, d)| d == 4 && n >= 1000) {
                    return None;
                }
                // "the two-week strike": the adjective alone is the timex.
                if lead.is_none() && (k..e).any(|x| self.dash(x)) {
                    return None;
                }
                if self.is_func(k, Func::A) {
                    return None;
                }
                let mut e = e;
                let mut m = modifier;
                if self.is_func(e, Func::Or) && self.is_word(e + 1, "so") {
                    e += 2;
                    m = Some(Modifier::Approx);
                }
                let mut c = Pt::new(v, g, "the-units", "").duration().into_cand(i, e);
                c.modifier = m;
                let begin_end = if the {
                    self.span_range(lead, &c.value)
                } else {
                    self.aligned_range(lead, &c.value)
                };
                c.range = begin_end;
                return Some(c);
            }
            // "the past year" / "the last decade" / "the next year" -> relative DATE (handled by p_relative).
            if lead.is_some() && the {
                // "the last few months" -> PAST_REF
                if let Some(Lex::Vague(_)) = self.lex(k)
                    && let Some((_, true)) = self.unit(k + 1)
                {
                    let v = duration_value(None, self.unit(k + 1)?.0, false);
                    return Some(Cand {
                        modifier,
                        ..Pt::new(v, Grain::Unspecified, "the-vague-units", "")
                            .duration()
                            .into_cand(i, k + 2)
                    });
                }
            }
            if the && lead.is_none() {
                // "the year" (ended ...) / "the fiscal year" / "the weekend".
                let mut f = k;
                if self.is_func(f, Func::Fiscal) {
                    f += 1;
                }
                // "the full year", "the whole year": the current year.
                if matches!(self.lex(f), Some(Lex::Func(Func::Full | Func::Whole | Func::Entire)))
                    && matches!(self.unit(f + 1), Some((Unit::Year, false)))
                {
                    let p = Pt::new(
                        cal::fmt_year(self.r.year().into()),
                        Grain::Year,
                        "the-full-year",
                        "",
                    );
                    return Some(Cand { modifier, ..p.into_cand(i, f + 2) });
                }
                if let Some((u @ (Unit::Year | Unit::Month | Unit::Quarter | Unit::Week), false)) =
                    self.unit(f)
                {
                    let ended = matches!(
                        self.s(f + 1).to_ascii_lowercase().as_str(),
                        "ended" | "ending" | "ends" | "to"
                    );
                    if ended && u != Unit::Quarter {
                        let v = duration_value(Some(1.0), u, false);
                        return Some(Cand {
                            modifier,
                            ..Pt::new(v, unit_grain(u), "the-unit-ended", "")
                                .duration()
                                .into_cand(i, f + 1)
                        });
                    }
                    // "the year" / "the quarter" as dates.
                    return self.the_unit(i, f, u, modifier);
                }
                if self.is_func(f, Func::Weekend) && !self.s(f).ends_with('s') {
                    let cur = cal::weekday(self.r) as i64;
                    // The weekend just past (TimeBank), or this one if it is the weekend.
                    let back = if cur >= 6 { 0 } else { cur };
                    let (y, w) = cal::iso_week(cal::add_days(self.r, -back)?);
                    let p = Pt::new(
                        format!("{}-WE", cal::fmt_week(y, w)),
                        Grain::Week,
                        "the-weekend",
                        "",
                    );
                    return Some(p.into_cand(i, f + 1));
                }
            }
            return None;
        }
        // Plain "N units" (with a hedge).
        if let Some((v, g, e, _)) = self.amount_unit(j) {
            let mut e = e;
            let mut m = modifier;
            if self.is_func(e, Func::Or) && self.is_word(e + 1, "so") {
                e += 2;
                m = Some(Modifier::Approx);
            }
            // "N to M units" / "N or M units".
            let _ = &mut e;
            let mut c = Pt::new(v, g, "units", "").duration().into_cand(i, e);
            c.modifier = m;
            return Some(c);
        }
        // "two to six days": the first number alone (TimeBank annotates it apart).
        if let Some((n, e1)) = self.number(j)
            && (self.is_func(e1, Func::To) || self.is_func(e1, Func::Or))
            && let Some((_, g, _, _)) = self.amount_unit(e1 + 1)
        {
            let u = grain_unit(g)?;
            let v = duration_value(Some(n), u, false);
            let mut c = Pt::new(v, g, "range-first-units", "").duration().into_cand(i, e1);
            c.modifier = modifier;
            return Some(c);
        }
        // Bare plural units after a preposition: "for years", "within days".
        if modifier.is_none()
            && let Some((u, true)) = self.unit(j)
        {
            let prev_ok = j > 0
                && matches!(
                    self.lex(j - 1),
                    Some(Lex::Func(Func::For | Func::Within | Func::During))
                        | Some(Lex::Hedge(Hedge::Over))
                )
                || j > 0 && self.is_func(j - 1, Func::In) && matches!(u, Unit::Year | Unit::Decade);
            let next_ok = !matches!(
                self.lex(j + 1),
                Some(Lex::Func(Func::Of)) | Some(Lex::Rel(Rel::Ago | Rel::Later | Rel::Earlier))
            );
            if prev_ok && next_ok && !matches!(u, Unit::Second) {
                let v = duration_value(None, u, false);
                return Some(
                    Pt::new(v, unit_grain(u), "bare-units", "").duration().into_cand(i, j + 1),
                );
            }
        }
        None
    }

    /// "the year", "the quarter", "the month", "the week" as dates.
    fn the_unit(&self, i: usize, f: usize, u: Unit, modifier: Option<Modifier>) -> Option<Cand> {
        let r = self.r;
        // "the week 31" is p_week_number's.
        if u == Unit::Week && self.num(f + 1).is_some() {
            return None;
        }
        // "the year-earlier period" is r_year_ago's.
        if self.dash(f + 1) && (self.is_rel(f + 2, Rel::Earlier) || self.is_rel(f + 2, Rel::Ago)) {
            return None;
        }
        let p = match u {
            Unit::Quarter => {
                let (y, q) = self.previous_quarter();
                Pt::new(format!("{}-Q{q}", cal::fmt_year(y)), Grain::Quarter, "the-quarter", "")
            }
            Unit::Year => {
                // "the year" alone is usually the current year, but "for the
                // year" in results reports is the year's span.
                Pt::new(cal::fmt_year(r.year().into()), Grain::Year, "the-year", "")
            }
            Unit::Week => {
                let (y, w) = cal::iso_week(r);
                Pt::new(cal::fmt_week(y, w), Grain::Week, "the-week", "")
            }
            Unit::Month => Pt::new(
                cal::fmt_month(r.year().into(), r.month() as u32),
                Grain::Month,
                "the-month",
                "",
            ),
            _ => return None,
        };
        Some(Cand { modifier, ..p.into_cand(i, f + 1) })
    }

    /// Begin and end of "the past two years" / "the next three months".
    fn span_range(&self, lead: Option<Rel>, value: &str) -> Option<TimexRange> {
        let lead = lead?;
        let now = cal::fmt_day(self.r);
        let (n, u) = parse_simple_duration(value)?;
        let other = match u {
            'D' => cal::add_days(self.r, n),
            'W' => cal::add_days(self.r, 7 * n),
            'M' => cal::add_months(self.r, n),
            'Y' => cal::add_months(self.r, 12 * n),
            _ => None,
        };
        match lead {
            Rel::Last | Rel::Previous => {
                let b = cal::add_months(self.r, 0).and(match u {
                    'D' => cal::add_days(self.r, -n),
                    'W' => cal::add_days(self.r, -7 * n),
                    'M' => cal::add_months(self.r, -n),
                    'Y' => cal::add_months(self.r, -12 * n),
                    _ => None,
                })?;
                Some(TimexRange::new(cal::fmt_day(b), now))
            }
            _ => other.map(|o| TimexRange::new(now, cal::fmt_day(o))),
        }
    }

    /// "next 3 days", "last two weeks" without an article: whole calendar
    /// units before or after the current one (the query reading Duckling and
    /// Recognizers use), inclusive dates.
    fn aligned_range(&self, lead: Option<Rel>, value: &str) -> Option<TimexRange> {
        let lead = lead?;
        let (n, u) = parse_simple_duration(value)?;
        if n < 1 {
            return None;
        }
        let r = self.r;
        // The first day of the current unit, and the step to the next one.
        let (start, step): (Civil, &dyn Fn(Civil, i64) -> Option<Civil>) = match u {
            'D' => (r, &|d, k| cal::add_days(d, k)),
            'W' => {
                (cal::add_days(r, 1 - i64::from(cal::weekday(r)))?, &|d, k| cal::add_days(d, 7 * k))
            }
            'M' => {
                (cal::date(r.year().into(), r.month() as u32, 1)?, &|d, k| cal::add_months(d, k))
            }
            'Y' => (cal::date(r.year().into(), 1, 1)?, &|d, k| cal::add_months(d, 12 * k)),
            _ => return None,
        };
        let (b, e) = match lead {
            Rel::Last | Rel::Previous => (step(start, -n)?, cal::add_days(start, -1)?),
            _ => (step(start, 1)?, cal::add_days(step(start, n + 1)?, -1)?),
        };
        Some(TimexRange::new(cal::fmt_day(b), cal::fmt_day(e)))
    }

    /// "two days ago", "a year earlier", "three weeks from now", "in three weeks",
    /// "a decade ago", "several years ago"; "three days later" is a duration.
    fn r_ago(&self, i: usize) -> Option<Cand> {
        self.r_ago_inner(i).map(|c| self.trim_hedge(i, c))
    }

    fn r_ago_inner(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut modifier = None;
        if let Some((m, e)) = self.hedge(j) {
            modifier = Some(match m {
                Modifier::EqualOrLess => Modifier::Approx,
                m => m,
            });
            j = e;
        }
        let vague_few = matches!(self.lex(j), Some(Lex::Vague(_)))
            || self.is_func(j, Func::A) && matches!(self.lex(j + 1), Some(Lex::Vague(Vague::Few)));
        let (v, _g, e, _) = self.amount_unit(j)?;
        // "two hours ago" needs the time of day; the duration rule takes it.
        if v.starts_with("PT") {
            return None;
        }
        let (n, u) = parse_simple_duration(&v).unzip();
        let mut e2 = e;
        // "a week or so ago".
        if self.is_func(e2, Func::Or) && self.is_word(e2 + 1, "so") {
            e2 += 2;
            modifier = Some(Modifier::Approx);
        }
        let sign = match self.lex(e2) {
            Some(Lex::Rel(Rel::Ago)) => -1,
            Some(Lex::Rel(Rel::Earlier)) => -1,
            Some(Lex::Rel(Rel::Hence)) => 1,
            // "three weeks from now", "3 days from today", "two days after today".
            Some(Lex::Func(Func::From) | Lex::Rel(Rel::After))
                if matches!(
                    self.lex(e2 + 1),
                    Some(Lex::Deictic(Deictic::Now | Deictic::Today))
                ) =>
            {
                e2 += 1;
                1
            }
            Some(Lex::Rel(Rel::Before))
                if self.lex(e2 + 1) == Some(Lex::Deictic(Deictic::Today)) =>
            {
                e2 += 1;
                -1
            }
            _ => return None,
        };
        let end = e2 + 1;
        if vague_few || n.is_none() {
            let value = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            let c = Pt::new(value.into(), Grain::Unspecified, "vague-ago", "").into_cand(i, end);
            return Some(Cand { modifier, ..c });
        }
        let n = n? * sign;
        let u = u?;
        let r = self.r;
        let p = match u {
            'D' => Pt::day(cal::add_days(r, n)?, "ago", ""),
            'W' => {
                let d = cal::add_days(r, 7 * n)?;
                let (y, w) = cal::iso_week(d);
                Pt::new(cal::fmt_week(y, w), Grain::Week, "ago", "")
            }
            'M' => {
                let d = cal::add_months(r, n)?;
                Pt::new(cal::fmt_month(d.year().into(), d.month() as u32), Grain::Month, "ago", "")
            }
            'Y' => {
                let y = i32::from(r.year()) + n as i32;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                // "a year ago" in a results report: the same quarter a year back.
                if n == -1
                    && let Some((qy, q)) = self.doc.last_quarter
                    && (qy == i32::from(r.year()) || qy == i32::from(r.year()) - 1 && q == 4)
                {
                    return Some(Cand {
                        modifier,
                        ..Pt::new(
                            format!("{}-Q{q}", cal::fmt_year(qy - 1)),
                            Grain::Quarter,
                            "ago-quarter",
                            "",
                        )
                        .into_cand(i, end)
                    });
                }
                Pt::new(cal::fmt_year(y), Grain::Year, "ago", "")
            }
            'H' => {
                let d = r;
                Pt::day(d, "ago-hours", "")
            }
            _ => return None,
        };
        Some(Cand { modifier, ..p.into_cand(i, end) })
    }

    /// "year-earlier", "the year-ago quarter", "the comparable year-earlier period":
    /// the same period a year back (the quarter of the report, when one was named).
    fn r_year_ago(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if self.is_func(j, Func::The) {
            j += 1;
        }
        if self.is_word(j, "comparable")
            || self.is_word(j, "corresponding")
            || self.is_rel(j, Rel::Same)
        {
            j += 1;
        }
        if !matches!(self.unit(j), Some((Unit::Year, false)))
            || !self.dash(j + 1)
            || !(self.is_rel(j + 2, Rel::Earlier) || self.is_rel(j + 2, Rel::Ago))
        {
            return None;
        }
        let mut e = j + 3;
        // An ordinal quarter after it names the quarter: "the year-ago third quarter".
        let mut q = self.doc.last_quarter.map(|(_, q)| q);
        if let Some((n, e2)) = self.ordinal(e)
            && matches!(self.unit(e2), Some((Unit::Quarter, false)))
            && (1..=4).contains(&n)
        {
            q = Some(n);
            e = e2 + 1;
        } else if matches!(self.unit(e), Some((Unit::Quarter, false)))
            || self.is_func(e, Func::Period)
        {
            e += 1;
        } else if i != j {
            // "the year-earlier" alone needs a noun; "year-earlier profit" is fine.
            return None;
        }
        let y = i32::from(self.r.year()) - 1;
        let p = match q {
            Some(q) => {
                Pt::new(format!("{}-Q{q}", cal::fmt_year(y)), Grain::Quarter, "year-ago", "")
            }
            None => Pt::new(cal::fmt_year(y), Grain::Year, "year-ago", ""),
        };
        Some(p.into_cand(i, e))
    }

    /// "in three weeks", "in 7 days": a date ahead of the reference, when the
    /// sentence looks ahead (or the direction option says so); otherwise the
    /// quantity stays a duration ("in three weeks, prices fell").
    fn r_in_units(&self, i: usize) -> Option<Cand> {
        if !self.is_func(i, Func::In) {
            return None;
        }
        let (v, _g, e, _) = self.amount_unit(i + 1)?;
        // Clock units ("in 5 minutes") need the time of day, which we do not have.
        if v.starts_with("PT") {
            return None;
        }
        let (n, u) = parse_simple_duration(&v)?;
        let (dir, how) = self.direction_at(i, e, Dir::Nearest);
        if dir != Dir::Future {
            return None;
        }
        let d = match u {
            'D' => cal::add_days(self.r, n)?,
            'W' => cal::add_days(self.r, 7 * n)?,
            'M' => cal::add_months(self.r, n)?,
            'Y' => cal::add_months(self.r, 12 * n)?,
            _ => return None,
        };
        let p = match u {
            'M' => Pt::new(
                cal::fmt_month(d.year().into(), d.month() as u32),
                Grain::Month,
                "in-units",
                how,
            ),
            'Y' => Pt::new(cal::fmt_year(d.year().into()), Grain::Year, "in-units", how),
            _ => Pt::day(d, "in-units", how),
        };
        Some(p.into_cand(i, e))
    }

    /// "on the 15th", "the 1st": a day of the month alone, with an ordinal
    /// suffix and no noun after it ("the 15th anniversary" is not a date).
    fn r_day_alone(&self, i: usize) -> Option<Cand> {
        let on = self.is_func(i, Func::On);
        let j = if on { i + 1 } else { i };
        let the = self.is_func(j, Func::The);
        let k = if the { j + 1 } else { j };
        if !on && !the {
            return None;
        }
        let (d, e) = self.ordinal(k).filter(|_| self.num(k).is_some())?;
        if !(1..=31).contains(&d) || self.tok(e).is_some_and(|t| t.kind == Kind::Word) {
            return None;
        }
        let (dir, how) = self.direction_at(i, e, Dir::Nearest);
        let y = i32::from(self.r.year());
        let rm = self.r.month() as u32;
        let mut opts = Vec::new();
        for (yy, mm) in [
            (if rm == 1 { y - 1 } else { y }, if rm == 1 { 12 } else { rm - 1 }),
            (y, rm),
            (if rm == 12 { y + 1 } else { y }, if rm == 12 { 1 } else { rm + 1 }),
        ] {
            if let Some(dd) = cal::date(yy, mm, d) {
                opts.push((dd, cal::diff_days(self.r, dd)));
            }
        }
        let pick = match dir {
            Dir::Past => opts.iter().filter(|o| o.1 <= 0).max_by_key(|o| o.1),
            Dir::Future => opts.iter().filter(|o| o.1 >= 0).min_by_key(|o| o.1),
            Dir::Nearest => opts.iter().min_by_key(|o| (o.1.abs(), o.1 > 0)),
        }?;
        let start = if on { j } else { i };
        Some(Pt::day(pick.0, "day-of-month", how).into_cand(start, e))
    }

    /// "that day", "that same year", "that year": the last date the text named.
    fn r_that(&self, i: usize) -> Option<Cand> {
        if !self.is_func(i, Func::That) {
            return None;
        }
        let mut j = i + 1;
        if self.is_rel(j, Rel::Same) {
            j += 1;
        }
        let p = match self.unit(j)? {
            (Unit::Day, false) => Pt::day(self.doc.last_day?, "that-unit", "anchored"),
            (Unit::Year, false) => {
                Pt::new(cal::fmt_year(self.doc.last_year?), Grain::Year, "that-unit", "anchored")
            }
            _ => return None,
        };
        Some(p.into_cand(i, j + 1))
    }

    /// "the first Tuesday of October", "third tuesday of september 2014",
    /// "the last Monday of March".
    fn r_nth_weekday(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if self.is_func(j, Func::The) {
            j += 1;
        }
        let (n, e) = match self.ordinal(j) {
            Some((n, e)) if (1..=5).contains(&n) => (n as i8, e),
            _ if self.is_rel(j, Rel::Last) => (-1, j + 1),
            _ => return None,
        };
        let Some(Lex::Weekday(wd @ 1..=7)) = self.lex(e) else { return None };
        if !(self.is_func(e + 1, Func::Of) || self.is_func(e + 1, Func::In)) {
            return None;
        }
        let k = e + 2;
        let (year, month, end, how) = if let Some((m, e2, _)) = self.month_tok(k) {
            match self.year_after(e2) {
                Some((y, e3)) => (y, m, e3, String::new()),
                None => {
                    let (y, how) = self.year_for_month(m, i, e2)?;
                    (y, m, e2, how)
                }
            }
        } else if self.is_func(k, Func::The)
            && matches!(self.unit(k + 1), Some((Unit::Month, false)))
        {
            // "the first Monday of the month": the reference month.
            (i32::from(self.r.year()), self.r.month() as u32, k + 2, String::new())
        } else {
            let (p, e2) = self.p_relative(k)?;
            if p.grain != Grain::Month {
                return None;
            }
            let y: i32 = p.value.get(..4)?.parse().ok()?;
            let m: u32 = p.value.get(5..7)?.parse().ok()?;
            (y, m, e2, String::new())
        };
        let d = cal::nth_weekday(year, month, n, wd)?;
        Some(Pt::day(d, "nth-weekday-of-month", how).into_cand(i, end))
    }

    /// The second day of "April 24 and 25", "Sept. 3-5" written with spaces:
    /// a bare day number right after a month-day, in the same month.
    pub(crate) fn day_tail(&self, c: &Cand) -> Option<Cand> {
        if c.kind != TimexType::Date || c.grain != Grain::Day || !c.rule.starts_with("month-day") {
            return None;
        }
        let sep = c.e;
        if !(self.is_func(sep, Func::And)
            || self.is_func(sep, Func::Or)
            || self.is_func(sep, Func::To)
            || self.dash(sep))
        {
            return None;
        }
        let (d, e) = self.day_num(sep + 1)?;
        if self.num(sep + 1).is_none()
            || self.month_tok(e).is_some()
            || self.unit(e).is_some()
            || self.tok(e).is_some_and(|t| !t.space && t.kind != Kind::Punct)
        {
            return None;
        }
        let y: i32 = c.value.get(..4)?.parse().ok()?;
        let m: u32 = c.value.get(5..7)?.parse().ok()?;
        let first: u32 = c.value.get(8..10)?.parse().ok()?;
        if d <= first {
            return None;
        }
        let p = Pt::day(cal::date(y, m, d)?, "month-day-tail", "");
        let mut tail = p.into_cand(sep + 1, e);
        let range = TimexRange::new(c.value.clone(), tail.value.clone());
        tail.range = Some(range);
        Some(tail)
    }

    // ----- sets ----------------------------------------------------------------------------

    /// "every Monday", "each year", "daily", "weekly", "Mondays", "twice a year", "per year".
    fn r_set(&self, i: usize) -> Option<Cand> {
        match self.lex(i)? {
            Lex::Frequency(u) => {
                // "its quarterly dividend" is no recurrence; "a daily rally" is (TimeBank).
                if u == Unit::Quarter
                    && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word && !t.upper)
                {
                    return None;
                }
                let v = match u {
                    Unit::Quarter => "P1Q".to_owned(),
                    u => duration_value(Some(1.0), u, false),
                };
                return Some(
                    Pt::new(v, unit_grain(u), "frequency-adverb", "").set().into_cand(i, i + 1),
                );
            }
            // "Friday mornings", "tuesday afternoons".
            Lex::Weekday(w @ 1..=7)
                if matches!(self.lex(i + 1), Some(Lex::PartOfDay(_)))
                    && self.s(i + 1).ends_with('s') =>
            {
                let Some(Lex::PartOfDay(pod)) = self.lex(i + 1) else { return None };
                let p = Pt::new(
                    format!("XXXX-WXX-{w}T{}", pod.code()),
                    Grain::Unspecified,
                    "weekday-parts",
                    "",
                );
                return Some(p.set().into_cand(i, i + 2));
            }
            Lex::Weekday(w) if w > 10 && self.upper(i) => {
                let mut p =
                    Pt::new(format!("XXXX-WXX-{}", w - 10), Grain::Day, "plural-weekday", "").set();
                let mut e = i + 1;
                if let Some(Lex::PartOfDay(pod)) = self.lex(e) {
                    p.value = format!("{}T{}", p.value, pod.code());
                    e += 1;
                }
                return Some(p.into_cand(i, e));
            }
            Lex::Func(Func::Every | Func::Each) => {}
            Lex::Func(Func::Per) => {
                let (u, false) = self.unit(i + 1)? else { return None };
                let v = duration_value(Some(1.0), u, false);
                return Some(Pt::new(v, unit_grain(u), "per-unit", "").set().into_cand(i, i + 2));
            }
            Lex::Func(Func::A) => {
                // "twice a year", "three times a week".
                if i > 0
                    && (matches!(
                        self.lex(i - 1),
                        Some(Lex::Func(Func::Times | Func::Once | Func::Twice))
                    ) || self.after_quantity(i))
                {
                    let (u, false) = self.unit(i + 1)? else { return None };
                    // "a second hearing" is an ordinal.
                    if u == Unit::Second && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Word) {
                        return None;
                    }
                    let v = duration_value(Some(1.0), u, false);
                    return Some(
                        Pt::new(v, unit_grain(u), "times-a-unit", "").set().into_cand(i, i + 2),
                    );
                }
                return None;
            }
            _ => return None,
        }
        let mut j = i + 1;
        if self.is_func(j, Func::Of) {
            return None; // "each of the past three years"
        }
        let mut every_other = false;
        if self.is_func(j, Func::Other) {
            every_other = true;
            j += 1;
        }
        let lex = self.lex(j)?;
        let v = match lex {
            Lex::Weekday(w) if w <= 7 => {
                let mut v = format!("XXXX-WXX-{w}");
                if let Some(Lex::PartOfDay(pod)) = self.lex(j + 1) {
                    v = format!("{v}T{}", pod.code());
                    j += 1;
                } else if self.is_func(j + 1, Func::At)
                    && let Some((tm, e)) = self.clock(j + 2)
                {
                    // "each Monday at 4pm".
                    return Some(
                        Pt::new(format!("{v}T{tm}"), Grain::Unspecified, "every-at", "")
                            .set()
                            .into_cand(i, e),
                    );
                }
                v
            }
            Lex::Month(m) => format!("XXXX-{m:02}"),
            Lex::Season(s) => format!("XXXX-{}", season_code(s)),
            Lex::PartOfDay(pod) => format!("XXXX-XX-XXT{}", pod.code()),
            Lex::Func(Func::Weekend) => "XXXX-WXX-WE".into(),
            Lex::Unit(u, false) => {
                if every_other {
                    duration_value(Some(2.0), u, false)
                } else if u == Unit::Quarter {
                    "P1Q".into()
                } else {
                    duration_value(Some(1.0), u, false)
                }
            }
            _ => {
                let (v, _g, e, _) = self.amount_unit(j)?;
                return Some(
                    Pt::new(v, Grain::Unspecified, "every-n-units", "").set().into_cand(i, e),
                );
            }
        };
        Some(Pt::new(v, Grain::Unspecified, "every", "").set().into_cand(i, j + 1))
    }

    /// Whether "a" at `i` follows a quantity ("$2 million a year", "700 seats a week").
    fn after_quantity(&self, i: usize) -> bool {
        let prev = i.wrapping_sub(1);
        let big =
            |j: usize| matches!(self.s(j).to_ascii_lowercase().as_str(), "million" | "billion");
        if self.num(prev).is_some() || big(prev) || self.is_word(prev, "percent") {
            return true;
        }
        let plural_noun = self.tok(prev).is_some_and(|t| {
            t.kind == Kind::Word && t.lex.is_none() && !t.upper && self.s(prev).ends_with('s')
        });
        plural_noun
            && (2..=4).any(|k| i.checked_sub(k).is_some_and(|j| self.num(j).is_some() || big(j)))
    }

    // ----- references ----------------------------------------------------------------------

    /// PRESENT_REF, PAST_REF, FUTURE_REF words: "now", "currently", "recently",
    /// "the past", "the future", "soon", "recent".
    fn r_ref(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
            // "the near future", "the near term", "the short term".
            if (self.is_word(j, "near") || self.is_word(j, "short"))
                && (self.is_word(j + 1, "term") || self.is_word(j + 1, "future"))
            {
                let p = Pt::new("FUTURE_REF".into(), Grain::Unspecified, "near-future", "");
                return Some(p.into_cand(i, j + 2));
            }
        }
        let value = match self.lex(j)? {
            // TimeBank annotates "now" even in "now that ...".
            Lex::Deictic(Deictic::Now) if !the => "PRESENT_REF",
            Lex::Deictic(Deictic::Present) if !the => "PRESENT_REF",
            Lex::Deictic(Deictic::Current) if !the => {
                // "current" alone; "current quarter" is handled as a relative period.
                if self.unit(j + 1).is_some() {
                    return None;
                }
                "PRESENT_REF"
            }
            Lex::Deictic(Deictic::PastRef) if !the => {
                if self.is_word(j, "previously") {
                    return None;
                }
                "PAST_REF"
            }
            Lex::Deictic(Deictic::Recent) if !the => {
                if let Some((u, true)) = self.unit(j + 1) {
                    if matches!(u, Unit::Year | Unit::Day | Unit::Decade) {
                        return Some(
                            Pt::new("PAST_REF".into(), Grain::Unspecified, "recent-units", "")
                                .into_cand(i, j + 2),
                        );
                    }
                    return None;
                }
                if j > 0
                    && (self.is_func(j - 1, Func::The) || self.is_func(j - 1, Func::A))
                    && !self.is_word(j - 1, "the")
                {
                    return None;
                }
                "PAST_REF"
            }
            Lex::Deictic(Deictic::FutureRef) if !the => {
                // TimeBank annotates "soon" only as an adverb of the clause
                // ("will soon", "soon to be"), not "as soon as", "soon after",
                // nor a sentence-initial "Soon".
                if j > 0 && self.is_word(j - 1, "as")
                    || self.upper(j)
                    || self.is_word(j + 1, "as")
                    || self.is_rel(j + 1, Rel::After)
                    || self.is_word(j + 1, "afterward")
                    || self.is_word(j + 1, "afterwards")
                {
                    return None;
                }
                "FUTURE_REF"
            }
            Lex::Deictic(Deictic::Future) => {
                if !the
                    && !(j > 0 && (self.is_func(j - 1, Func::In) || self.is_word(j - 1, "near")))
                {
                    return None;
                }
                // "the future contracts", "future losses": a noun follows.
                if self.tok(j + 1).is_some_and(|t| {
                    t.kind == Kind::Word
                        && t.lex.is_none()
                        && !t.upper
                        && self.s(j + 1).ends_with('s')
                }) {
                    return None;
                }
                "FUTURE_REF"
            }
            Lex::Deictic(Deictic::Past) if the => {
                // "the past" alone; "the past two years" is a duration.
                if self.number(j + 1).is_some()
                    || self.unit(j + 1).is_some()
                    || matches!(
                        self.lex(j + 1),
                        Some(
                            Lex::Vague(_)
                                | Lex::Func(Func::Weekend)
                                | Lex::Month(_)
                                | Lex::Weekday(_)
                                | Lex::Season(_)
                                | Lex::Func(Func::A)
                        )
                    )
                {
                    return None;
                }
                "PAST_REF"
            }
            _ => return None,
        };
        Some(Pt::new(value.into(), Grain::Unspecified, "reference-word", "").into_cand(i, j + 1))
    }

    // ----- day ranges ----------------------------------------------------------------------

    /// "1–3 September", "September 1-3, 2024": one expression with both ends.
    fn r_day_range(&self, i: usize) -> Option<Cand> {
        // Day-led.
        if let Some((d1, e1)) = self.day_num(i) {
            if self.dash(e1)
                && let Some((p, e)) = self.p_day_first(e1 + 1)
            {
                let d2 = p.day?;
                if d1 >= d2.day() as u32 {
                    return None;
                }
                let start = cal::date(d2.year().into(), d2.month() as u32, d1)?;
                return Some(range_cand(start, d2, i, e));
            }
            return None;
        }
        // Month-led.
        let (m, e, _) = self.month_tok(i)?;
        let (d1, e1) = self.day_num(e)?;
        if !self.dash(e1) {
            return None;
        }
        let (d2, e2) = self.day_num(e1 + 1)?;
        if d2 <= d1 {
            return None;
        }
        let k = self.opt_comma(e2);
        let (y, end) = match self.year_after(k) {
            Some((y, e3)) => (y, e3),
            None => (self.year_for_day(m, d1, i, e2)?.0, e2),
        };
        Some(range_cand(cal::date(y, m, d1)?, cal::date(y, m, d2)?, i, end))
    }
}

/// Classes that carry time by themselves (as opposed to function words that
/// only extend an expression: "the", "last", "about", "two").
fn is_core(l: Lex) -> bool {
    matches!(
        l,
        Lex::Month(_)
            | Lex::MonthAbbr(_)
            | Lex::Weekday(_)
            | Lex::WeekdayAbbr(_)
            | Lex::Unit(..)
            | Lex::Season(_)
            | Lex::PartOfDay(_)
            | Lex::Deictic(_)
            | Lex::Frequency(_)
            | Lex::Decade(_)
            | Lex::Holiday(_)
            | Lex::Number(18 | 19)
            | Lex::Func(
                Func::Weekend
                    | Func::Noon
                    | Func::Midnight
                    | Func::Half
                    | Func::Fiscal
                    | Func::Term
                    | Func::Period
            )
    )
}

fn range_cand(a: Civil, b: Civil, s: usize, e: usize) -> Cand {
    let n = cal::diff_days(a, b) + 1;
    let mut c = Pt::new(format!("P{n}D"), Grain::Day, "day-range", "").duration().into_cand(s, e);
    c.range = Some(TimexRange::new(cal::fmt_day(a), cal::fmt_day(b)));
    c
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

fn is_possessive_tok(t: Option<&Token>) -> bool {
    t.is_some_and(is_possessive)
}

/// 1 spring, 2 summer, 3 fall, 4 winter.
fn season_code(s: u8) -> &'static str {
    match s {
        1 => "SP",
        2 => "SU",
        3 => "FA",
        _ => "WI",
    }
}

fn season_of(d: Civil) -> u8 {
    match d.month() {
        3..=5 => 1,
        6..=8 => 2,
        9..=11 => 3,
        _ => 4,
    }
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

/// The TIMEX3 duration for a quantity of a unit (`None` = unspecified "X").
pub(crate) fn duration_value(q: Option<f64>, u: Unit, weekend: bool) -> String {
    if weekend {
        return match q {
            Some(q) if q >= 1.0 => format!("P{}D", (q * 2.0) as u64),
            _ => "P2D".into(),
        };
    }
    let (time, code, mult) = match u {
        Unit::Second => (true, "S", 1.0),
        Unit::Minute => (true, "M", 1.0),
        Unit::Hour => (true, "H", 1.0),
        Unit::Day => (false, "D", 1.0),
        Unit::Week => (false, "W", 1.0),
        Unit::Fortnight => (false, "W", 2.0),
        Unit::Month => (false, "M", 1.0),
        Unit::Quarter => (false, "M", 3.0),
        Unit::Year => (false, "Y", 1.0),
        Unit::Decade => (false, "Y", 10.0),
        Unit::Century => (false, "Y", 100.0),
        Unit::Millennium => (false, "Y", 1000.0),
    };
    let t = if time { "T" } else { "" };
    let Some(q) = q else {
        let code = match u {
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Millennium => "ML",
            Unit::Quarter => "Q",
            _ => code,
        };
        return format!("P{t}X{code}");
    };
    let total = q * mult;
    if total.fract() == 0.0 {
        return format!("P{t}{}{code}", total as u64);
    }
    // Fractions go down one unit: 2.5 years = P2Y6M, 1.5 hours = PT1H30M.
    let whole = total.trunc() as u64;
    let frac = total.fract();
    let (sub, subcode, subtime) = match (u, code) {
        (Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium, _) => (12.0, "M", false),
        (Unit::Month | Unit::Quarter, _) => (30.0, "D", false),
        (Unit::Week | Unit::Fortnight, _) => (7.0, "D", false),
        (Unit::Day, _) => (24.0, "H", true),
        (Unit::Hour, _) => (60.0, "M", true),
        (Unit::Minute, _) => (60.0, "S", true),
        (Unit::Second, _) => return format!("PT{total}S"),
    };
    let part = (frac * sub).round() as u64;
    let head = if whole > 0 { format!("{whole}{code}") } else { String::new() };
    if subtime && !time {
        format!("P{head}T{part}{subcode}")
    } else {
        format!("P{t}{head}{part}{subcode}")
    }
}

/// "P3D" -> (3, 'D'); "P2W" -> (2, 'W'); "P1Y" -> (1, 'Y'); "PT4H" -> (4, 'H').
fn parse_simple_duration(v: &str) -> Option<(i64, char)> {
    let rest = v.strip_prefix('P')?;
    let rest = rest.strip_prefix('T').unwrap_or(rest);
    let u = rest.chars().last()?;
    let n: i64 = rest[..rest.len() - 1].parse().ok()?;
    Some((n, u))
}

/// "P12M" -> "PXM" (for "12 to 18 months").
fn vague_of(v: &str) -> String {
    let t = v.starts_with("PT");
    let u = v.chars().last().unwrap_or('Y');
    if t { format!("PTX{u}") } else { format!("PX{u}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_values() {
        assert_eq!(duration_value(Some(3.0), Unit::Year, false), "P3Y");
        assert_eq!(duration_value(Some(2.5), Unit::Year, false), "P2Y6M");
        assert_eq!(duration_value(Some(1.5), Unit::Hour, false), "PT1H30M");
        assert_eq!(duration_value(Some(0.5), Unit::Hour, false), "PT30M");
        assert_eq!(duration_value(Some(1.5), Unit::Day, false), "P1DT12H");
        assert_eq!(duration_value(None, Unit::Year, false), "PXY");
        assert_eq!(duration_value(Some(2.0), Unit::Decade, false), "P20Y");
        assert_eq!(duration_value(Some(48.0), Unit::Hour, false), "PT48H");
        assert_eq!(duration_value(Some(3.0), Unit::Quarter, false), "P9M");
    }
}
