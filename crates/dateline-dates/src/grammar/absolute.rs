//! Absolute and partial calendar dates: "1 September", "Sept. 1, 2024",
//! "2024-09-01", "01/09/2024", "2024", and the guards that keep months,
//! days and years from firing on ordinary words and numbers.

use super::{Cand, Dir, Parser, Pt, is_possessive_tok};
use crate::cal;
use crate::lexicon::{Deictic, Func, Lex, Rel, Unit};
use crate::timex::{Grain, TimexRange};
use crate::token::{Kind, is_possessive};

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
    "listeners",
    "viewers",
    // Singular before the noun a count modifies: "the 2000 page bill",
    // "500 and 1000 rupee notes".
    "page",
    "rupee",
    "rupees",
    "dollar",
    "euro",
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

impl Parser<'_> {
    /// A month token, with guards for "May", "March", "August" and abbreviations.
    /// Returns (month, end after an optional "."), and whether it was abbreviated.
    pub(super) fn month_tok(&self, i: usize) -> Option<(u32, usize, bool)> {
        match self.lex(i)? {
            Lex::Month(m) => Some((u32::from(m), i + 1, false)),
            // Lowercase abbreviations only beside a day or before a dot ("feb
            // 30", "21st aug", "aug.").
            Lex::MonthAbbr(m)
                if self.upper(i)
                    || self.num(i + 1).is_some()
                    || self.punct(i + 1, '.') && self.glued(i + 1)
                    || self.day_before(i) =>
            {
                Some((u32::from(m), self.opt_dot(i + 1), true))
            }
            _ => None,
        }
    }

    /// A day number or ordinal just before token `i`: "21 aug", "21st aug".
    fn day_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else { return false };
        let k = if self.glued(p) && self.is_ordinal_suffix(p) { p.wrapping_sub(1) } else { p };
        self.num(k).is_some_and(|(d, digits)| digits <= 2 && (1..=31).contains(&d))
    }

    /// Whether a month word with no day or year beside it reads as a month here.
    pub(super) fn bare_month_ok(&self, i: usize, e: usize, abbr: bool) -> bool {
        let word = self.s(i).to_ascii_lowercase();
        // Lowercase "may", "march" and "august" are words; other month names are
        // months in any case ("in september").
        if abbr || !self.upper(i) && self.lx.tables.lowercase_not_month.contains(&word.as_str()) {
            return false;
        }
        // A capitalized word before ("Theresa May", "Ray August") makes a name,
        // unless it starts the sentence.
        if (self.upper(i) || !self.lx.tables.months_lowercase)
            && i > 0
            && self.upper(i - 1)
            && self.tok(i - 1).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none())
        {
            return false;
        }
        // A capitalized word after ("August Wilson", "May Day Parade"); a
        // month written in lowercase is no name ("у квітні Вашингтон").
        if (self.upper(i) || !self.lx.tables.months_lowercase)
            && self.upper(e)
            && self.tok(e).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none())
            && !self.breaks(e)
        {
            return false;
        }
        if i > 0 && self.is_word(i - 1, "of") && i > 1 && self.upper(i - 2) {
            return false;
        }
        if self.lx.tables.guarded_months.contains(&word.as_str()) {
            let prev = i.checked_sub(1).and_then(|k| self.lex(k));
            let prev_ok = match prev {
                Some(Lex::Func(f)) => f.opens_date() || f == Func::Or,
                Some(Lex::Rel(_) | Lex::Position(_)) => true,
                _ => false,
            };
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
            // "between March and May": a month after the conjunction.
            let next_ok = is_possessive_tok(self.tok(e))
                || self.punct(e, ',')
                || self.punct(e, '.')
                || (self.is_func(e, Func::And) || self.is_func(e, Func::Or))
                    && matches!(self.lex(e + 1), Some(Lex::Month(_)));
            return strong && !self.is_word(e, "be") && !self.is_word(e, "have")
                || prev_ok
                    && (next_ok || !self.tok(e).is_some_and(|t| t.kind == Kind::Word && !t.upper));
        }
        true
    }

    /// A plausible day-of-month number at `i`: "5", "5th"; returns (day, end).
    pub(super) fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        super::remembered(&self.reads.day, i, || self.read_day_num(i))
    }

    pub(super) fn read_day_num(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((d, e)) = self.ordinal(i) {
            return (1..=31).contains(&d).then_some((d, e));
        }
        let (d, digits) = self.num(i)?;
        if digits > 2 || !(1..=31).contains(&d) {
            return None;
        }
        // "$12 December 27": an amount, not a day.
        if i.checked_sub(1).and_then(|k| self.tok(k)).is_some_and(|t| {
            t.kind == Kind::Punct && matches!(char::from_u32(t.num), Some('$' | '€' | '£' | '¥'))
        }) {
            return None;
        }
        // Not "5.5", "5,000", "5:30", "5%" (but "by July 10. 2006 New
        // Jersey": a sentence ends after the day).
        if self.glued(i + 1)
            && (self.punct(i + 1, '.') && self.glued(i + 2) && self.num(i + 2).is_some()
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
    pub(super) fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        if matches!(self.lex(i), Some(Lex::Number(_))) {
            return self.year_number(i, true);
        }
        let (y, d) = self.num(i)?;
        if d == 4
            && (1000..=2999).contains(&y)
            // Not "2008%" nor a clock "2008:30"; a timeline's "May 8, 2008:"
            // keeps its year.
            && !(self.glued(i + 1)
                && (self.punct(i + 1, '%')
                    || self.punct(i + 1, ':') && self.glued(i + 2) && self.num(i + 2).is_some()))
        {
            return Some((y as i32, i + 1));
        }
        // "octobre 98", "le 10 novembre 93": two digits after a month name
        // (extended languages), not a count before its noun ("93 personnes").
        if self.lx.extended
            && d == 2
            && i > 0
            && matches!(self.lex(i - 1), Some(Lex::Month(_)))
            && !self.tok(i + 1).is_some_and(|t| {
                t.kind == Kind::Word
                    || t.kind == Kind::Num
                    || !t.space && !t.is_punct('.') && !t.is_punct(',')
            })
        {
            let c = self.century_of(y)?;
            return Some(((c * 100 + y) as i32, i + 1));
        }
        None
    }

    /// Whether "September 11" ("11 September") at `s..e`, with no year,
    /// names the 2001 attacks, as "9/11" does: before a noun of the attacks
    /// ("the September 11 attacks", "a Sept. 11 victim"), after
    /// "post-"/"pre-", or after "the attack(s) of/on" ("the terrorist attacks
    /// of September 11"; "came under attack on September 11" is the day of
    /// its own year).
    pub(super) fn names_sept_eleven(&self, s: usize, e: usize) -> bool {
        const NOUNS: &[&str] = &[
            "attack",
            "attacks",
            "terrorist",
            "terror",
            "hijacker",
            "hijackers",
            "hijackings",
            "victim",
            "victims",
            "plot",
            "plotters",
            "tragedy",
            "commission",
            "era",
        ];
        if self.lx.extended {
            return false;
        }
        let noun_after = !self.breaks(e) && NOUNS.iter().any(|w| self.is_word(e, w));
        let prefixed = s >= 2
            && self.dash(s - 1)
            && self.glued(s)
            && self.glued(s - 1)
            && (self.is_word(s - 2, "post") || self.is_word(s - 2, "pre"));
        // "the attacks of September 11", "the victims of September 11".
        let attack_of = s >= 2
            && (self.is_word(s - 1, "of") || self.is_word(s - 1, "on"))
            && (["attack", "attacks"].iter().any(|w| self.is_word(s - 2, w))
                || self.is_word(s - 1, "of")
                    && ["victims", "victim", "aftermath"].iter().any(|w| self.is_word(s - 2, w)))
            && !(s >= 3 && self.is_word(s - 3, "under"));
        noun_after || prefixed || attack_of
    }

    /// Whether the month or day from token `i` to `e` recurs every year:
    /// "each year", "every year" or "annually" stands before it, across a
    /// preposition ("the World No Tobacco Day held each year on May 31",
    /// "every year in August", "each year during the August-November dry
    /// season"), or right after it ("held on May 31 each year", "on the 25th
    /// of April every year"). A SET, as "every May" is; the months of one
    /// range or list share the reading ("every year in May and June").
    fn recurs_yearly(&self, i: usize, e: usize) -> bool {
        !self.lx.extended && (self.yearly_before(self.list_start(i)) || self.yearly_at(e))
    }

    /// The first month of the range or list that the month at token `i`
    /// ends ("August" for the "November" of "August-November" and of "May,
    /// August and November"), or `i`.
    fn list_start(&self, mut i: usize) -> usize {
        while i >= 2
            && (self.joins_months(i - 1) || self.punct(i - 1, ','))
            && self.month_tok(i - 2).is_some_and(|(_, end, _)| end == i - 1)
        {
            i -= 2;
        }
        i
    }

    /// Whether token `k` joins two months of a range or list: a dash,
    /// "and", "or", "to", "through".
    fn joins_months(&self, k: usize) -> bool {
        self.dash(k)
            || matches!(
                self.lex(k),
                Some(Lex::Func(Func::And | Func::Or | Func::To | Func::Through))
            )
    }

    /// Whether "each year", "every year", "annually" or "yearly" and a
    /// preposition ("on", "in", "during", "from", "between"), with an
    /// optional "the", stand right before token `i`.
    fn yearly_before(&self, i: usize) -> bool {
        let k = if i >= 1 && self.is_func(i - 1, Func::The) { i - 1 } else { i };
        let prepositions = [Func::On, Func::In, Func::During, Func::From, Func::Between];
        if k < 2 || !prepositions.iter().any(|&f| self.is_func(k - 1, f)) {
            return false;
        }
        self.is_word(k - 2, "annually")
            || k >= 3
                && (self.is_word(k - 2, "year") || self.is_word(k - 2, "yearly"))
                && (self.is_func(k - 3, Func::Each) || self.is_func(k - 3, Func::Every))
    }

    /// Whether "each year", "every year" or "annually" begins at token `e`,
    /// after the month or day it makes recur, or after the rest of its range
    /// or list ("from August to November every year").
    fn yearly_at(&self, mut e: usize) -> bool {
        while self.joins_months(e)
            && let Some((_, end, _)) = self.month_tok(e + 1)
        {
            e = self.day_num(end).map_or(end, |(_, end)| end);
        }
        self.is_word(e, "annually")
            || (self.is_func(e, Func::Each) || self.is_func(e, Func::Every))
                && self.is_word(e + 1, "year")
                && !is_possessive_tok(self.tok(e + 2))
    }

    /// Month-led dates: "September 1, 2024", "Sept. 1", "June 2024", "June", "May 5th".
    pub(super) fn p_month_first(&self, i: usize) -> Option<(Pt, usize)> {
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
                if let Some((y, e3)) = year_follow {
                    // "February 29, 2023" names no day: nothing is read from it,
                    // neither another year's February 29 nor the year alone.
                    return Some(match cal::date(y, m, d) {
                        Some(dd) => (Pt::day(dd, "month-day-year", ""), e3),
                        None => (Pt::void("month-day-year"), e3),
                    });
                }
                // "April 6 last year", "October 12th of last year": the day
                // takes that year; in English the year stays its own
                // expression, as after a month ("May of last year").
                if !score
                    && !self.lx.extended
                    && let Some((y, _)) =
                        self.relative_year_after(e2).or_else(|| self.of_relative_year(e2))
                {
                    let dd = cal::date(y, m, d)?;
                    return Some((Pt::day(dd, "month-day", "relative-year"), e2));
                }
                if !score {
                    if self.recurs_yearly(i, e2) {
                        let v = format!("XXXX-{m:02}-{d:02}");
                        return Some((
                            Pt::new(v, Grain::Unspecified, "month-day", "yearly").set(),
                            e2,
                        ));
                    }
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
            // "June last year", "January this year", "May next year". "May
            // of last year" takes that year too; in English the month and
            // the year stay two expressions, as MEANTIME marks them ("de
            // este año" is one date in Spanish).
            let of_year = || {
                let (y, e2) = self.of_relative_year(e)?;
                Some((y, if self.lx.extended { e2 } else { e }, "of-year"))
            };
            // "in the September coup last year": the year after the noun
            // the month dates.
            let noun_year = || {
                let t = self.tok(e)?;
                if t.kind != Kind::Word
                    || t.lex.is_some()
                    || t.upper
                    || !self.is_func(i.checked_sub(1)?, Func::The)
                {
                    return None;
                }
                let (y, _) = self.relative_year_after(e + 1)?;
                Some((y, e, "noun-year"))
            };
            // "in March that year", "December of that same year": the year
            // the text named last, which "that year" (an expression of its
            // own) names too.
            let that_year = || {
                let k = if self.is_func(e, Func::Of) { e + 1 } else { e };
                let u = if self.is_rel(k + 1, Rel::Same) { k + 2 } else { k + 1 };
                (self.is_func(k, Func::That) && matches!(self.unit(u), Some((Unit::Year, false))))
                    .then_some((self.doc.last_year?, e, "that-year"))
            };
            if let Some((y, e2, how)) = self
                .relative_year_after(e)
                .map(|(y, e2)| (y, e2, ""))
                .or_else(of_year)
                .or_else(|| self.comma_relative_year(e))
                .or_else(that_year)
                .or_else(noun_year)
                && (self.upper(i) || !matches!(self.s(i), "may" | "march"))
            {
                return Some((
                    Pt::new(cal::fmt_month(y, m), Grain::Month, "month-relative-year", how),
                    e2,
                ));
            }
        }
        if !self.bare_month_ok(i, e, abbr) {
            return None;
        }
        if self.recurs_yearly(i, e) {
            let v = format!("XXXX-{m:02}");
            return Some((Pt::new(v, Grain::Unspecified, "month", "yearly").set(), e));
        }
        let (y, how) = self.year_for_month(m, i, e)?;
        Some((Pt::new(cal::fmt_month(y, m), Grain::Month, "month", how), e))
    }

    /// Day-led dates: "1 September", "1st of September 2024", "the 3rd of May".
    pub(super) fn p_day_first(&self, i: usize) -> Option<(Pt, usize)> {
        // "el dos de mayo", "el uno de agosto": a day in words, where the
        // language writes it so, with its month after "of".
        let word_day = || {
            let Some(Lex::Number(d @ 1..=31)) = self.lex(i) else { return None };
            (self.lx.extended && self.is_func(i + 1, Func::Of) && self.month_tok(i + 2).is_some())
                .then_some((d, i + 1))
        };
        let (d, mut e) = self.day_num(i).or_else(word_day)?;
        // "am 23. Juli": the ordinal dot.
        if self.lx.tables.ordinal_dot && self.punct(e, '.') && self.glued(e) {
            e += 1;
        }
        // "the 15th day of June".
        if self.ordinal(i).is_some()
            && matches!(self.unit(e), Some((Unit::Day, false)))
            && self.is_func(e + 1, Func::Of)
        {
            e += 1;
        }
        let mut j = e;
        if self.is_func(j, Func::Of) {
            j += 1;
        }
        if self.breaks(j) {
            return None;
        }
        // "20 of next month", "20th of the previous month"; "el 15 del mes
        // pasado" (`Tables::rel_after_noun`).
        if j > e
            && let Some((p, e2)) = self
                .p_relative(j)
                .or_else(|| self.p_rel_after_noun(j))
                .filter(|(p, _)| p.grain == Grain::Month)
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
            // "29 February 2023": no such day, so no date at all (see "month-day-year").
            return Some(match cal::date(y, m, d) {
                Some(dd) => (Pt::day(dd, "day-month-year", ""), e3),
                None => (Pt::void("day-month-year"), e3),
            });
        }
        // "am 5. Mai letzten Jahres", "el 3 de marzo del año pasado", "on
        // the 18th of December last year": the day takes that year. In
        // English the year stays its own expression, as after a month.
        if let Some((y, e3)) = self.relative_year_after(e2).or_else(|| self.of_relative_year(e2)) {
            let dd = cal::date(y, m, d)?;
            return Some(if self.lx.extended {
                (Pt::day(dd, "day-month-relative-year", ""), e3)
            } else {
                (Pt::day(dd, "day-month", "relative-year"), e2)
            });
        }
        // "on the 25th of April every year", "each year on 6 February": a
        // SET, as after a month-led day ("on May 31 each year").
        if self.recurs_yearly(i, e2) {
            let v = format!("XXXX-{m:02}-{d:02}");
            return Some((Pt::new(v, Grain::Unspecified, "day-month", "yearly").set(), e2));
        }
        let (y, how) = self.year_for_day(m, d, i, e2)?;
        let dd = cal::date(y, m, d)?;
        Some((Pt::day(dd, "day-month", how), e2))
    }

    /// A year in the genitive at `e` (`Tables::genitive_days`), after a
    /// month, a day or a season: "des Jahres 2014", "des vergangenen
    /// Jahres", "des Vorjahres", "des folgenden Jahres" (the year after the
    /// one named last). The year and the end.
    pub(super) fn genitive_year(&self, e: usize) -> Option<(i32, usize)> {
        if !self.is_func(e, Func::The) || self.breaks(e + 1) {
            return None;
        }
        let k = e + 1;
        match self.lex(k)? {
            Lex::Unit(Unit::Year, false) => self.year_number(k + 1, true),
            Lex::Shifted(Unit::Year, n) => Some((i32::from(self.r.year()) + i32::from(n), k + 1)),
            Lex::Rel(_) | Lex::Deictic(Deictic::Past) => {
                // With its article ("des folgenden Jahres" is anaphoric), or
                // without ("vergangenen Jahres": the article makes "the past
                // year" a duration).
                let (p, end) = self
                    .p_relative(e)
                    .filter(|(p, _)| p.grain == Grain::Year)
                    .or_else(|| self.p_relative(k))
                    .filter(|(p, _)| p.grain == Grain::Year)?;
                Some((p.value.parse().ok()?, end))
            }
            _ => None,
        }
    }

    /// "of last year", "de este año", "del año pasado", "de l'année
    /// dernière": "of" and a relative year after a month or a day.
    fn of_relative_year(&self, e: usize) -> Option<(i32, usize)> {
        if !self.is_func(e, Func::Of) {
            return None;
        }
        let (p, e2) = self
            .p_relative(e + 1)
            .or_else(|| self.p_rel_after_noun(e + 1))
            .filter(|(p, _)| p.grain == Grain::Year)?;
        Some((p.value.parse().ok()?, e2))
    }

    /// "from December, last year", "in February, this year": the year
    /// after a comma is the month's; the two stay two expressions, as "of
    /// last year" leaves them in English. Not "December, next year's".
    #[cold]
    #[inline(never)]
    fn comma_relative_year(&self, e: usize) -> Option<(i32, usize, &'static str)> {
        if self.lx.extended || !self.punct(e, ',') || is_possessive_tok(self.tok(e + 3)) {
            return None;
        }
        let (y, _) = self.relative_year_after(e + 1)?;
        Some((y, e, "comma-year"))
    }

    /// A year named by a relative word and the year noun at `e`: "last
    /// year", "this year", "next year"; in other languages also "vorigen
    /// Jahres", "kommenden Jahres". The year and the end.
    fn relative_year_after(&self, e: usize) -> Option<(i32, usize)> {
        let shift = match self.lex(e)? {
            Lex::Rel(Rel::Last) => -1,
            Lex::Rel(Rel::This) => 0,
            Lex::Rel(Rel::Next) => 1,
            Lex::Rel(Rel::Previous) if self.lx.extended => -1,
            Lex::Rel(Rel::Coming | Rel::Following) if self.lx.extended => 1,
            l if self.lx.extended => return self.extended_year_after(l, e),
            _ => return None,
        };
        if !matches!(self.unit(e + 1), Some((Unit::Year, false))) {
            return None;
        }
        Some((i32::from(self.r.year()) + shift, e + 2))
    }

    /// The years after a month or a day that only the extended grammar
    /// reads (`relative_year_after`, word `l` at `e`): "im August desselben
    /// Jahres", "en agosto del mismo año" (the year named last); "im
    /// Herbst des vergangenen Jahres", "im März des Jahres 2014" (a year in
    /// the genitive).
    #[inline(never)]
    fn extended_year_after(&self, l: Lex, e: usize) -> Option<(i32, usize)> {
        match l {
            Lex::Rel(Rel::Same) if matches!(self.unit(e + 1), Some((Unit::Year, false))) => {
                Some((self.doc.last_year?, e + 2))
            }
            Lex::Func(Func::The) if self.lx.tables.genitive_days => self.genitive_year(e),
            _ => None,
        }
    }

    /// Numeric dates: "2024-09-01", "2024/09/01", "01/09/2024", "9/1/24", "2024-09".
    pub(super) fn p_numeric(&self, i: usize) -> Option<(Pt, usize)> {
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
                // Only one order is a date when a number is over 12:
                // "31.10.1974", "10.31.1974", "25/12/2024" month-first.
                let dd = cal::date(y, m, d)
                    .or_else(|| if a > 12 || b > 12 { cal::date(y, d, m) } else { None })?;
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
            if let Some(p) = split_year(a, b) {
                return Some((p, i + 3));
            }
            return Some((
                Pt::new(cal::fmt_month(a as i32, b), Grain::Month, "iso-month", ""),
                i + 3,
            ));
        }
        // "26.7", "15.2.": a day and month with a dot, where the language
        // writes decimals with a comma.
        if sep_c == u32::from('.')
            && self.lx.tables.dotted_day_month
            && ad <= 2
            && bd <= 2
            && (1..=31).contains(&a)
            && (1..=12).contains(&b)
            && !self.tok(i + 3).is_some_and(|t| !t.space && t.kind == Kind::Num)
            && !(i > 0 && self.glued(i) && self.tok(i - 1).is_some_and(|p| p.kind != Kind::Word))
        {
            let e = if self.punct(i + 3, '.') && self.glued(i + 3) { i + 4 } else { i + 3 };
            // Not "2.5 відсотка": a quantity before its noun.
            let opened = i > 0 && matches!(self.lex(i - 1), Some(Lex::Func(_)));
            if !opened && self.lowercase_unknown_word(e) && !self.breaks(e) {
                return None;
            }
            let (y, how) = self.year_for_day(b, a, i, e)?;
            return Some((Pt::day(cal::date(y, b, a)?, "numeric-day-month", how), e));
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
            if let Some(p) = split_year(a, b) {
                return Some((p, i + 3));
            }
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
            // Betting odds: "odds of just 16/1", "a 5/1 shot" (a day written
            // month first with day 1 needs "on", "by"... before it).
            let odds = !self.day_first && b == 1 && a >= 2;
            let prev_num = i > 0 && self.num(i - 1).is_some();
            let on = i > 0
                && matches!(
                    self.lex(i - 1),
                    Some(Lex::Func(Func::On | Func::From | Func::To | Func::Until | Func::By))
                );
            // Paths and URLs: "/2002/mar/20/9.htm".
            let in_path =
                i > 0 && self.glued(i) && self.tok(i - 1).is_some_and(|p| p.kind == Kind::Punct);
            if prev_num || in_path || (fraction || odds) && !on {
                return None;
            }
            // "9/11" names the 2001 attacks; "the 7/7 bombers" the London
            // bombings of 2005 (before a noun: "on 7/7" is a day).
            if (a, b) == (9, 11) && !self.day_first {
                return Some((Pt::day(cal::date(2001, 9, 11)?, "named-date", ""), i + 3));
            }
            if (a, b) == (7, 7)
                && self.tok(i + 3).is_some_and(|t| t.kind == Kind::Word && !t.upper)
                && self.lx.verb(self.s(i + 3).as_bytes()).is_none()
            {
                return Some((Pt::day(cal::date(2005, 7, 7)?, "named-date", ""), i + 3));
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

    /// Years: "2024", "fiscal 1989", "FY2024", "the year 2000", "nineteen ninety-six".
    pub(super) fn p_year(&self, i: usize) -> Option<(Pt, usize)> {
        if self.lx.extended
            && let Some(found) = self.p_marked_year(i)
        {
            return Some(found);
        }
        // "2008-09 fiscal year", "2008/09 financial year": a split fiscal year
        // named before its noun (a bare "2008-09" is a split year too,
        // `split_year`).
        if let Some((y, 4)) = self.num(i)
            && (1000..=2999).contains(&y)
            && let Some((end, e)) = self.fiscal_second_year(i + 1, y as i32)
            && let Some(e) = self.fiscal_noun(e)
        {
            return Some((Pt::new(cal::fmt_year(end), Grain::Year, "fiscal-year-span", ""), e));
        }
        // "the fiscal year 2008/09": the article belongs to the fiscal year.
        if self.is_func(i, Func::The)
            && (self.is_func(i + 1, Func::Fiscal) || self.is_word(i + 1, "financial"))
            && matches!(self.unit(i + 2), Some((Unit::Year, false)))
            && let Some((p, e)) = self.p_year(i + 1)
        {
            return Some((p, e));
        }
        // "financial year 2008-09" reads as "fiscal year 2008-09".
        let fiscal = self.is_func(i, Func::Fiscal)
            || self.is_word(i, "financial")
                && matches!(self.unit(i + 1), Some((Unit::Year, false)));
        // "fiscal [year] 1989", "FY 2024", "FY2024", "FY24".
        if fiscal {
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
                // A fiscal year across two calendar years ("2008-09", "2009/10",
                // "2008-2009") is named by the year it ends in (DESIGN.md,
                // "Conventions"); the second year is part of the expression, never a
                // month or a year of its own.
                if let Some((end, e)) = self.fiscal_second_year(j + 1, y) {
                    return Some((
                        Pt::new(cal::fmt_year(end), Grain::Year, "fiscal-year-span", ""),
                        e,
                    ));
                }
                return Some((Pt::new(cal::fmt_year(y), Grain::Year, "fiscal-year", ""), j + 1));
            }
            return None;
        }
        // "the year 2000", "the year two thousand".
        if self.is_func(i, Func::The) && matches!(self.unit(i + 1), Some((Unit::Year, false))) {
            if let Some((y, e)) = self.year_number(i + 2, true) {
                return Some((Pt::new(cal::fmt_year(y), Grain::Year, "the-year-n", ""), e));
            }
            // "das Jahr 500 v. Chr.": a year its era marks (only languages
            // with era tables read one).
            if self.lx.extended
                && let Some((p, e)) = self.p_marked_year(i + 2)
                && p.value.starts_with("BC")
            {
                return Some((Pt::new(p.value, Grain::Year, "the-year-n", ""), e));
            }
            return None;
        }
        // "79 AD", "14 a.d.", "1066 A.D.": the era makes any number a year.
        if let Some((y, d)) = self.num(i)
            && d <= 4
            && y >= 1
            && let Some(e) = self.era_ad(i + 1)
        {
            return Some((Pt::new(cal::fmt_year(y as i32), Grain::Year, "year-era", ""), e));
        }
        let (y, e) = self.year_number(i, false)?;
        Some((Pt::new(cal::fmt_year(y), Grain::Year, "year", ""), e))
    }

    /// Whether no noun follows a number at `j`, in a language whose nouns
    /// are capitalized: the text ends, a line ends, a punctuation mark that
    /// closes or joins clauses comes ("," "." ";" ")" "–"), or a lowercase
    /// word of four letters or more that the table does not know (a verb or
    /// adverb: "besetzten", "eher"; "km" and "t" are units).
    fn no_noun_after(&self, j: usize) -> bool {
        let Some(t) = self.tok(j) else { return true };
        if t.newline {
            return true;
        }
        match t.kind {
            Kind::Punct => {
                t.is_dash()
                    || [',', '.', ';', ')', ']'].into_iter().any(|c| t.is_punct(c))
                        && !(self.glued(j + 1) && self.num(j + 1).is_some())
            }
            // A verb: a lowercase word outside the table, or one of the
            // table's tense words ("1776 ließ General Howe").
            Kind::Word => {
                !t.upper
                    && (t.lex.is_none() && self.text[t.start..t.end].chars().count() >= 4
                        || matches!(t.lex, Some(Lex::Cue(_))))
            }
            _ => false,
        }
    }

    /// "Weltmeister (2005/2010)": two years of four digits at `a` and `b`
    /// joined by a glued slash, the second more than one after the first,
    /// are two years (a split year names consecutive ones: "2014/15").
    /// Languages of the extended grammar only: English reads no such pair.
    fn slashed_years(&self, a: usize, b: usize) -> bool {
        self.lx.extended
            && self.glued(a + 1)
            && self.glued(b)
            // Not inside a longer run: "12/2005/2010", "ID2005/2010",
            // "2005/2010/2015", "2005/2010.5".
            && !(self.glued(b + 1)
                && self.tok(b + 1).is_some_and(|t| {
                    t.kind != Kind::Punct
                        || t.is_punct('/')
                        || t.is_dash()
                        || (t.is_punct('.') || t.is_punct(',')) && self.glued(b + 2)
                }))
            && !(a > 0
                && self.glued(a)
                && self.tok(a - 1).is_some_and(|t| {
                    t.kind != Kind::Punct || t.is_punct('/') || t.is_punct('.') || t.is_dash()
                }))
            && matches!(
                (self.num(a), self.num(b)),
                (Some((x, 4)), Some((y, 4))) if (1000..=2999).contains(&x) && x + 1 < y && y <= 2999
            )
    }

    /// "fiscal year" or "financial year" at `i`; returns its end.
    fn fiscal_noun(&self, i: usize) -> Option<usize> {
        let cue = self.is_func(i, Func::Fiscal) || self.is_word(i, "financial");
        (cue && matches!(self.unit(i + 1), Some((Unit::Year, false)))).then_some(i + 2)
    }

    /// The second half of a split fiscal year after year `y`: a glued "-" or "/"
    /// at `i`, then `y + 1` in two or four digits; returns (y + 1, end).
    fn fiscal_second_year(&self, i: usize, y: i32) -> Option<(i32, usize)> {
        if !(self.dash(i) || self.punct(i, '/')) || !self.glued(i) || !self.glued(i + 1) {
            return None;
        }
        let (n, d) = self.num(i + 1)?;
        let next = y + 1;
        let ok = match d {
            2 => n as i32 == next % 100,
            4 => n as i32 == next,
            _ => false,
        };
        ok.then_some((next, i + 2))
    }

    /// "AD", "A.D.", "a.d." at `i` (not "AD patients": a noun may not
    /// follow); returns the end.
    fn era_ad(&self, i: usize) -> Option<usize> {
        let e = if self.is_word(i, "ad") && self.upper(i) && self.s(i) == "AD" {
            i + 1
        } else if self.is_word(i, "a")
            && self.punct(i + 1, '.')
            && self.glued(i + 1)
            && self.is_word(i + 2, "d")
            && self.glued(i + 2)
            && self.upper(i) == self.upper(i + 2)
        {
            self.opt_dot(i + 3)
        } else {
            return None;
        };
        let noun_follows =
            self.tok(e).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none() && !self.breaks(e));
        (!noun_follows).then_some(e)
    }

    /// A year number at `i`, with false-positive guards for bare digits.
    pub(super) fn year_number(&self, i: usize, cued: bool) -> Option<(i32, usize)> {
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

    pub(super) fn year_context_ok(&self, i: usize, y: u32, cued: bool) -> bool {
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
                && !(p.is_punct('/') && i >= 2 && self.slashed_years(i - 2, i))
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
            if n.kind == Kind::Num
                || n.is_punct('%')
                || n.is_punct(':')
                || n.is_punct('/') && !self.slashed_years(i, i + 2)
            {
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
        // A section or paragraph number: "42 U.S.C. § 1983", "¶ 2004".
        if i > 0 && (self.punct(i - 1, '§') || self.punct(i - 1, '¶')) {
            return false;
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
            if !self.lx.tables.nouns_capitalized
                && self
                    .tok(i - 1)
                    .is_some_and(|p| p.kind == Kind::Word && p.upper && p.lex.is_none())
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
        // Where years are marked by a noun ("1914 року"), a bare number
        // before a lowercase word counts it ("втратила 2000 солдатів",
        // "близько 2000 жінок") unless a date word opens it ("у 1971 ...").
        if !self.lx.tables.year_nouns.is_empty()
            && self.tok(i + 1).is_some_and(|n| {
                n.kind == Kind::Word && !n.upper && n.lex.is_none() && !self.breaks(i + 1)
            })
            && !matches!(
                i.checked_sub(1).and_then(|k| self.lex(k)),
                Some(
                    Lex::Func(Func::In | Func::Between | Func::Until | Func::Through | Func::On)
                        | Lex::Month(_)
                        | Lex::Position(_)
                        | Lex::Season(_)
                        | Lex::Rel(_)
                )
            )
        {
            return false;
        }
        if (1900..=2099).contains(&y) {
            return true;
        }
        // Where every noun is capitalized (German), a count stands before
        // its capitalized noun; a number before a lowercase word ("1830
        // besetzten", "bei Dogali 1887 veranlasste") or before the clause's
        // punctuation ("(1808–1883)", "Spaniens 1779,") counts nothing: it
        // is a year, however old.
        if self.lx.tables.nouns_capitalized && self.no_noun_after(i + 1) {
            return true;
        }
        // Older years need a preposition or a temporal word before them.
        // "and" only after a year ("in 1480 and 1510", "1882 Assab und
        // 1885 Massaua"); after a count it joins counts ("15 years and
        // 1500 lashes").
        match i.checked_sub(1).and_then(|k| self.lex(k)) {
            Some(Lex::Func(Func::And)) => {
                let year = |k: usize| {
                    self.num(k).is_some_and(|(p, d)| d == 4 && (1000..=2999).contains(&p))
                };
                i >= 2 && year(i - 2)
                    || i >= 3
                        && year(i - 3)
                        && self.tok(i - 2).is_some_and(|t| t.kind == Kind::Word)
            }
            Some(Lex::Func(f)) => f.opens_date() || f == Func::Fiscal,
            Some(Lex::Rel(r)) => matches!(r, Rel::Since | Rel::Before | Rel::After),
            Some(Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Season(_) | Lex::Position(_)) => true,
            _ => false,
        }
    }

    /// Whether "century" or "centuries" stands before token `i` in its
    /// sentence (a few dozen tokens back at most).
    fn century_named_before(&self, i: usize) -> bool {
        (i.saturating_sub(40)..i)
            .rev()
            .take_while(|&k| !self.sentence_end(k))
            .any(|k| matches!(self.unit(k), Some((Unit::Century, _))))
    }

    /// "on the 15th", "the 1st": a day of the month alone, with an ordinal
    /// suffix and no noun after it ("the 15th anniversary" is not a date).
    pub(super) fn r_day_alone(&self, i: usize) -> Option<Cand> {
        let on = self.is_func(i, Func::On);
        let j = if on { i + 1 } else { i };
        let the = self.is_func(j, Func::The);
        let k = if the { j + 1 } else { j };
        if !on && !the {
            return None;
        }
        let (d, e) = self.ordinal(k).filter(|_| self.num(k).is_some())?;
        if !(1..=31).contains(&d) || !self.clause_goes_on(e) {
            return None;
        }
        let start = if on { j } else { i };
        // "from the 21st century back to the 15th": an ordinal after a
        // century its sentence names counts centuries too.
        if self.century_named_before(start) {
            let p = Pt::new(format!("{:02}", d - 1), Grain::Century, "century", "elided");
            return Some(p.into_cand(start, e));
        }
        // "on the 29th of August ... until the 30th": a later day of the
        // month its sentence has just named.
        if let Some((named, end, _)) = self.doc.last_month_day
            && let Some(at) = self.tok(start).map(|t| t.start)
            && at > end
            && at - end <= SAME_MONTH_REACH
            && d > named.day() as u32
            && self.sentence_ends(end, at) == Some(false)
            && let Some(day) = cal::date(named.year().into(), named.month() as u32, d)
        {
            return Some(Pt::day(day, "day-of-month", "month-named-before").into_cand(start, e));
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
        Some(Pt::day(pick.0, "day-of-month", how).into_cand(start, e))
    }

    /// Whether the word at `e` ends a noun phrase rather than continuing it:
    /// after "the 1st" comes punctuation, a verb ("is", "was", "will"), a
    /// pronoun ("they"), or a conjunction or preposition that does not start
    /// another ordinal ("and closed", not "and 2nd quarters"). Any other word
    /// is the noun the ordinal counts ("the 1st quarter", "the 1st round").
    pub(super) fn clause_goes_on(&self, e: usize) -> bool {
        let Some(t) = self.tok(e) else { return true };
        // Not "the 28th-annual show", "the 2nd-largest": a hyphen joins the
        // ordinal to the word after it, one adjective.
        if self.dash(e)
            && self.glued(e)
            && self.glued(e + 1)
            && self.tok(e + 1).is_some_and(|n| n.kind == Kind::Word)
        {
            return false;
        }
        if t.kind != Kind::Word {
            return true;
        }
        match t.lex {
            Some(Lex::Cue(_)) => true,
            // Not "the 17th and current Prime Minister": a title follows.
            Some(Lex::Func(Func::And | Func::Or))
                if self.tok(e + 2).is_some_and(|n| {
                    n.kind == Kind::Word && n.upper && n.lex.is_none() && !self.breaks(e + 2)
                }) =>
            {
                false
            }
            Some(Lex::Func(
                Func::And | Func::Or | Func::At | Func::In | Func::Until | Func::By,
            )) => self.tok(e + 1).is_some_and(|n| n.kind != Kind::Num),
            _ => ["he", "she", "it", "they", "we", "i", "when", "after", "before"]
                .iter()
                .any(|w| self.is_word(e, w)),
        }
    }
}

impl Parser<'_> {
    /// "the 2008-09 financial crisis", "the 2004-05 strike", "the crisis
    /// of 2008-09": a split year (`split_year`, ending at token `e` in
    /// `end_year`) next to an event noun (`Tables::event_nouns`; one word
    /// may stand between the year and the noun after it) names the two
    /// years the event spans, not one fiscal or sporting year: one
    /// DURATION with its begin and end, as "1–3 September" is one.
    pub(super) fn split_year_span(&self, i: usize, e: usize, end_year: i32) -> Option<Cand> {
        let nouns = self.lx.tables.event_nouns;
        if nouns.is_empty() {
            return None;
        }
        let event = |k: usize| !self.breaks(k) && nouns.iter().any(|w| self.is_word(k, w));
        let word = |k: usize| self.tok(k).is_some_and(|t| t.kind == Kind::Word) && !self.breaks(k);
        let before = i >= 2 && self.is_func(i - 1, Func::Of) && event(i - 2);
        if !(event(e) || word(e) && event(e + 1) || before) {
            return None;
        }
        let span = Pt::new("P2Y".into(), Grain::Year, "split-year-span", "").duration();
        let mut c = span.into_cand(i, e);
        c.range = Some(TimexRange::new(cal::fmt_year(end_year - 1), cal::fmt_year(end_year)));
        Some(c)
    }
}

/// Bytes between a day written with its month and a bare "the 30th" that
/// takes that month, at most.
const SAME_MONTH_REACH: usize = 200;

/// "2008-09", "2001/02": a year and the next one's last two digits name a
/// split (fiscal, academic, sporting) year, not a month; like fiscal years
/// (`fiscal-year-span`), it takes the year it ends in. Next to an event
/// noun it is the event's two years instead (`Parser::split_year_span`).
fn split_year(a: u32, b: u32) -> Option<Pt> {
    (b == (a + 1) % 100)
        .then(|| Pt::new(cal::fmt_year(a as i32 + 1), Grain::Year, "split-year", ""))
}
