//! Relative expressions: weekdays, "yesterday", "last week", "two days ago",
//! "in three weeks", "the following day", "recently".

use jiff::civil::Date as Civil;

use super::durations::{clock_seconds, parse_simple_duration};
use super::periods::{season_code, season_of};
use super::story_day::sentences_ending;
use super::{Cand, Dir, Parser, Pt};
use crate::Direction;
use crate::cal;
use crate::lexicon::{Deictic, Func, Hedge, Lex, PartOfDay, Position, Rel, Unit, Vague, Verb};
use crate::timex::{Grain, Modifier, TimexRange, TimexType};
use crate::token::Kind;

impl Parser<'_> {
    /// Whether the weekday at `j` (ending at `e`) reads as one: always,
    /// unless the table guards its form as a common noun ("середа",
    /// "среда": the environment); then only after a preposition ("у
    /// середу", "до середи"), or before a date, a part of the day or a
    /// relative word ("середа, 13 лютого", "середа наступного тижня").
    fn weekday_in_context(&self, j: usize, e: usize) -> bool {
        let guarded = self.lx.tables.guarded_weekdays;
        if guarded.is_empty() || !guarded.iter().any(|w| self.lx.same_word(self.s(j), w)) {
            return true;
        }
        let after_preposition = j > 0
            && !self.breaks(j)
            && matches!(self.lex(j - 1), Some(Lex::Func(f)) if f.opens_date() || f == Func::On);
        let k = self.opt_comma(e);
        let before_date = !self.breaks(k)
            && (self.num(k).is_some()
                || matches!(self.lex(k), Some(Lex::Rel(_) | Lex::PartOfDay(_) | Lex::Month(_))));
        after_preposition || before_date
    }

    /// The year of season `sn` the last time it was (`shift` -1) or the
    /// next time it will be (+1): "last summer", "el verano pasado". January
    /// and February belong to the winter that began the year before.
    pub(super) fn shifted_season_year(&self, sn: u8, shift: i32) -> i32 {
        let (y, cur) = if self.r.month() <= 2 {
            (i32::from(self.r.year()) - 1, 4)
        } else {
            (i32::from(self.r.year()), season_of(self.r))
        };
        match (shift < 0, sn < cur, sn > cur) {
            (true, true, _) | (false, _, true) => y,
            (true, false, _) => y - 1,
            (false, _, false) => y + 1,
        }
    }

    /// Whether the weekday at `j` ends a range of weekdays that gives
    /// hours kept every week: "call between 8 a.m. and 5 p.m. CT Monday
    /// through Friday", "Monday to Friday: 06:00-09:00am". A clock's "a.m."
    /// or "pm" (and its zone) stands right before the range, or a colon and
    /// a number after it; "from Wednesday to Sunday" is one week's days.
    /// Two weekdays joined by "and" are a timetable's only before a colon
    /// and a number ("Saturday and Sunday: 06:00-09:00am").
    #[cold]
    #[inline(never)]
    fn in_weekly_hours(&self, j: usize) -> bool {
        let joins = |k: usize| {
            matches!(self.lex(k), Some(Lex::Func(Func::To | Func::Through))) || self.dash(k)
        };
        let weekday = |k: usize| matches!(self.lex(k), Some(Lex::Weekday(1..=7)));
        let colon_then_clock =
            |last: usize| self.punct(last + 1, ':') && self.num(last + 2).is_some();
        let (first, last) = if joins(j + 1) && weekday(j + 2) {
            (j, j + 2)
        } else if j >= 2 && joins(j - 1) && weekday(j - 2) {
            (j - 2, j)
        } else {
            // "Saturday and Sunday: 06:00-09:00am": two days of a timetable.
            let and = |k: usize| self.is_func(k, Func::And);
            return and(j + 1) && weekday(j + 2) && colon_then_clock(j + 2)
                || j >= 2 && and(j - 1) && weekday(j - 2) && colon_then_clock(j);
        };
        colon_then_clock(last)
            || self.tok(first).is_some_and(|t| after_clock(&self.text[..t.start]))
    }

    /// "on a typical Saturday night", "fell on a Sunday", "as normal for a
    /// Tuesday": a weekday (with its part of the day) after the indefinite
    /// article, or after it and an adjective of `Tables::generic_day_adjectives`,
    /// is any such day, no day of the calendar (XXXX-WXX-6TNI), unless a noun
    /// follows that it modifies ("in a Sunday news conference", "a
    /// Tuesday-morning strike") or a date names it ("A Saturday, July 26th,
    /// meeting"). `j..e` is the weekday `wd`.
    #[cold]
    #[inline(never)]
    fn any_such_day(&self, j: usize, e: usize, wd: u8) -> Option<(Pt, usize)> {
        let mut k = j - 1;
        if self.lx.tables.generic_day_adjectives.iter().any(|w| self.lx.same_word(self.s(k), w)) {
            k = k.checked_sub(1)?;
        }
        // "a" standing alone (not "Qur'an"), not in apposition ("the second
        // day, a Monday, of the convention", "on the 28th - a Friday"), nor
        // after "fall on", which gives the weekday of a date named elsewhere
        // ("Republic Day fell on a Sunday").
        if !self.is_func(k, Func::A) || self.glued(k) || self.breaks(j) || k == 0 {
            return None;
        }
        if self.punct(k - 1, ',')
            || self.dash(k - 1)
            || k >= 2
                && self.is_func(k - 1, Func::On)
                && self.lx.tables.fall_verbs.iter().any(|w| self.is_word(k - 2, w))
        {
            return None;
        }
        let (part, e) = match self.part_of_day(e).filter(|_| !self.breaks(e)) {
            Some((pod, e2)) => (format!("T{}", pod.code()), e2),
            None => (String::new(), e),
        };
        // A word after it is a noun it modifies ("a Sunday MSNBC broadcast",
        // "a Friday trading value"), unless a function word.
        let next = self.tok(e);
        let noun = next.is_some_and(|t| {
            t.kind == Kind::Word
                && !matches!(t.lex, Some(Lex::Func(f)) if f.is_signal()
                    || matches!(f, Func::In | Func::On | Func::At | Func::The | Func::A))
                && !self.begins_no_noun(e)
        });
        let compound = self.dash(e) && self.glued(e);
        let dated = next.is_some_and(|t| t.kind == Kind::Num)
            || matches!(self.lex(e), Some(Lex::Month(_)))
            || self.punct(e, ',')
                && (self.num(e + 1).is_some() || matches!(self.lex(e + 1), Some(Lex::Month(_))));
        if noun || compound || dated {
            return None;
        }
        Some((Pt::new(format!("XXXX-WXX-{wd}{part}"), Grain::Day, "weekday-any", ""), e))
    }

    /// Weekdays: "Tuesday", "last Friday", "next Monday", "Monday, Sept. 2".
    pub(super) fn p_weekday(&self, i: usize) -> Option<(Pt, usize)> {
        // "last week's Sunday", "next week's Friday".
        if matches!(self.lex(i), Some(Lex::Rel(_)))
            && let Some((p, e)) = self
                .p_relative(i)
                .filter(|(p, _)| p.grain == Grain::Week && !p.value.ends_with("WE"))
            && super::is_possessive_tok(self.tok(e))
            && let Some(Lex::Weekday(wd @ 1..=7)) = self.lex(e + 1)
            && let Some(d) = self.weekday_of_week(&p.value, wd)
        {
            return Some((Pt::day(d, "weekday-of-week", ""), e + 2));
        }
        let mut j = i;
        let mut the = false;
        if self.is_func(j, Func::The) {
            the = true;
            j += 1;
        }
        // "this coming Sunday".
        if !the && self.is_rel(j, Rel::This) && self.is_rel(j + 1, Rel::Coming) {
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
        if !abbr && rel.is_none() && !the && self.in_weekly_hours(j) {
            let p = Pt::new(format!("XXXX-WXX-{wd}"), Grain::Day, "weekday-hours", "");
            return Some((p.set(), e));
        }
        if !abbr
            && rel.is_none()
            && !the
            && j > 0
            && (self.is_func(j - 1, Func::A) || j > 1 && self.is_func(j - 2, Func::A))
            && !self.lx.tables.generic_day_adjectives.is_empty()
            && let Some(generic) = self.any_such_day(j, e, wd)
        {
            return Some(generic);
        }
        // "середа", "среда" (the environment): Wednesday only in a date context.
        if rel.is_none() && self.lx.extended && !self.weekday_in_context(j, e) {
            return None;
        }
        // Inside a name: "the Good Friday Agreement", "Black Monday Fund".
        let capital_word = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.kind == Kind::Word
                    && t.upper
                    && !t.newline
                    && !matches!(t.lex, Some(Lex::Func(_)))
            })
        };
        if j > 0
            && capital_word(j - 1)
            && !self.breaks(j)
            && capital_word(e)
            && self.lex(e).is_none()
            && !self.breaks(e)
        {
            return None;
        }
        // A newspaper or programme named for its day: "The Sunday Times",
        // "the Sunday Telegraph", "GMTV's Sunday Programme". After a word that
        // leads a day in ("On Sunday Memoirs ... will be released") it is the
        // day.
        if !abbr
            && rel.is_none()
            && self.upper(j)
            && !self.breaks(e)
            && self.upper(e)
            && self.is_title_noun(e)
            && !(j > 0
                && matches!(
                    self.lex(j - 1),
                    Some(Lex::Func(
                        Func::On
                            | Func::By
                            | Func::From
                            | Func::To
                            | Func::Until
                            | Func::Through
                            | Func::Between
                            | Func::And
                            | Func::Or
                            | Func::During
                            | Func::Every
                            | Func::Each
                    ))
                ))
        {
            return None;
        }
        // A show named for its night: "Sunday Night Football", "Saturday
        // Night Live" (a capitalized part of the day, then a capitalized
        // word the grammar does not know).
        if !abbr
            && self.upper(j)
            && matches!(self.lex(e), Some(Lex::PartOfDay(_)))
            && capital_word(e)
            && !self.breaks(e)
            && capital_word(e + 1)
            && self.lex(e + 1).is_none()
        {
            return None;
        }
        // A full date after the weekday wins: "Monday, Sept. 2, 2024".
        let k = self.opt_comma(e);
        if !self.breaks(k) {
            // "Tuesday the 16th of October 2007": the article before a day
            // with its month.
            let explicit = self
                .p_month_first(k)
                .or_else(|| self.p_day_first(k))
                .or_else(|| self.p_numeric(k))
                .or_else(|| self.is_func(k, Func::The).then(|| self.p_day_first(k + 1)).flatten());
            if let Some((p, e2)) = explicit
                && let Some(day) = p.day
            {
                // A yearless date takes the year whose weekday agrees:
                // "Sunday, Feb 10" said in 2013 is 2013-02-10; unless that
                // year is far and the date read is near, where the weekday
                // is the writer's slip.
                if cal::weekday(day) != wd
                    && !p.rule.ends_with("-year")
                    && let Some(d) = year_agreeing(day, wd)
                {
                    if let Some(p) = self.weekday_slip(day, d) {
                        return Some((Pt { rule: "weekday-date", ..p }, e2));
                    }
                    return Some((Pt::day(d, "weekday-date", "weekday-agrees"), e2));
                }
                return Some((Pt { rule: "weekday-date", ..p }, e2));
            }
        }
        // "Tuesday the 11th", "Wednesday the thirty-first": the day of a
        // month near the reference whose weekday agrees.
        if self.is_func(e, Func::The)
            && let Some((dd, e2)) = self.ordinal(e + 1).filter(|(d, _)| (1..=31).contains(d))
            && self.clause_goes_on(e2)
        {
            let (dir, how) = self.direction_at(i, e2, Dir::Nearest);
            // The month before, this one or the next: a writer names a bare
            // "the 8th" of no other.
            let days: Vec<(Civil, i64)> = (-1..=1)
                .filter_map(|dm| cal::add_months(self.r, dm))
                .filter_map(|m| cal::date(m.year().into(), m.month() as u32, dd))
                .map(|d| (d, cal::diff_days(self.r, d)))
                .collect();
            let options: Vec<&(Civil, i64)> =
                days.iter().filter(|(d, _)| cal::weekday(*d) == wd).collect();
            let pick = match dir {
                Dir::Past => options.iter().filter(|o| o.1 <= 0).max_by_key(|o| o.1),
                Dir::Future => options.iter().filter(|o| o.1 >= 0).min_by_key(|o| o.1),
                Dir::Nearest => options.iter().min_by_key(|o| (o.1.abs(), o.1 > 0)),
            };
            if let Some(&&(d, _)) = pick {
                return Some((Pt::day(d, "weekday-the-day", how), e2));
            }
            // No such day agrees with the weekday: the writer's slip ("6am
            // Saturday the 8th" the day after Thursday, July 7, a Friday);
            // the day nearest the reference, not a month where it agrees.
            if options.is_empty()
                && let Some(&(d, _)) = days.iter().min_by_key(|o| (o.1.abs(), o.1 > 0))
            {
                return Some((Pt::day(d, "weekday-the-day", "weekday-slip"), e2));
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
        // "Tuesday of next week", "Wednesday next week", "Monday of the
        // following week", "Sunday from last week".
        if rel.is_none() {
            let k =
                if self.is_func(e, Func::Of) || self.is_func(e, Func::From) { e + 1 } else { e };
            if let Some((p, e2)) = self
                .p_relative(k)
                .filter(|(p, _)| p.grain == Grain::Week && !p.value.ends_with("WE"))
                && let Some(d) = self.weekday_of_week(&p.value, wd)
            {
                return Some((Pt::day(d, "weekday-of-week", ""), e2));
            }
        }
        let cur = cal::weekday(self.r) as i64;
        // "Friday after next": a week after the coming Friday.
        if rel.is_none() && self.is_rel(e, Rel::After) && self.is_rel(e + 1, Rel::Next) {
            let fwd = (i64::from(wd) - cur).rem_euclid(7);
            let fwd = if fwd == 0 { 7 } else { fwd };
            let d = cal::add_days(self.r, fwd + 7)?;
            return Some((Pt::day(d, "weekday-after-next", ""), e + 2));
        }
        let (d, how) = match rel {
            Some(Rel::Last | Rel::Previous) => {
                let back = (cur - i64::from(wd)).rem_euclid(7);
                let back = if back == 0 { 7 } else { back };
                (cal::add_days(self.r, -back)?, "last".to_owned())
            }
            // "next Wednesday": the Wednesday of next week (said on a Tuesday,
            // not tomorrow; AP style names the day alone within the coming
            // week, and Duckling and Recognizers read "next" so too).
            Some(Rel::Next) => {
                let d = cal::add_days(self.r, 8 - cur + i64::from(wd) - 1)?;
                (d, "next-week".to_owned())
            }
            Some(Rel::Coming | Rel::Following) => {
                let fwd = (i64::from(wd) - cur).rem_euclid(7);
                let fwd = if fwd == 0 { 7 } else { fwd };
                (cal::add_days(self.r, fwd)?, "next".to_owned())
            }
            Some(Rel::This) if self.direction == Direction::Future => {
                let fwd = (i64::from(wd) - cur).rem_euclid(7);
                (cal::add_days(self.r, if fwd == 0 { 7 } else { fwd })?, "this-upcoming".to_owned())
            }
            Some(Rel::This) => {
                // The clause's tense picks the side ("but this Sunday, ..., it
                // reversed its decision" is the Sunday just past); without
                // one, the day of this ISO week.
                match self.direction_at(i, e, Dir::Nearest) {
                    (Dir::Past, how) => {
                        let back = (cur - i64::from(wd)).rem_euclid(7);
                        (cal::add_days(self.r, -back)?, format!("this-past:{how}"))
                    }
                    (Dir::Future, how) => {
                        let fwd = (i64::from(wd) - cur).rem_euclid(7);
                        (cal::add_days(self.r, fwd)?, format!("this-upcoming:{how}"))
                    }
                    (Dir::Nearest, _) => {
                        (cal::add_days(self.r, i64::from(wd) - cur)?, "this-week".to_owned())
                    }
                }
            }
            _ => self.resolve_weekday(wd, i, e)?,
        };
        let _ = Position::Early;
        Some((Pt::day(d, "weekday", how), e))
    }

    /// A yearless date followed by its weekday: "July 18, Friday", "Jul 18,
    /// Fri"; the year is the nearest whose weekday agrees. `date` is the
    /// date read where the expression starts (month first, else day first).
    pub(super) fn p_date_weekday(&self, date: Option<&(Pt, usize)>) -> Option<(Pt, usize)> {
        let &(ref p, e) = date?;
        let day = p.day?;
        if p.rule.ends_with("-year") || !self.punct(e, ',') || self.breaks(e + 1) {
            return None;
        }
        let (wd, mut e2) = match self.lex(e + 1)? {
            Lex::Weekday(w @ 1..=7) => (w, e + 2),
            Lex::WeekdayAbbr(w) if self.upper(e + 1) => (w, e + 2),
            _ => return None,
        };
        if matches!(self.lex(e + 1), Some(Lex::WeekdayAbbr(_))) {
            e2 = self.opt_dot(e2);
        }
        if cal::weekday(day) == wd {
            return Some((Pt { rule: "date-weekday", ..p.clone() }, e2));
        }
        let d = year_agreeing(day, wd)?;
        if let Some(p) = self.weekday_slip(day, d) {
            return Some((Pt { rule: "date-weekday", ..p }, e2));
        }
        Some((Pt::day(d, "date-weekday", "weekday-agrees"), e2))
    }

    /// In news (`Direction::Context`), a date read within a month of the
    /// article whose weekday the text gives wrong, when the nearest year
    /// where the weekday agrees is more than half a year away: "Wednesday
    /// January 25th" in an article of January 26, 2005 (the 25th was a
    /// Tuesday) is the day before, not 2006-01-25; a reporter who misnames
    /// a weekday names the day meant. Read alone ("Jul 18, Fri" to a
    /// scheduler), the weekday picks the year.
    #[cold]
    #[inline(never)]
    fn weekday_slip(&self, day: Civil, agreeing: Civil) -> Option<Pt> {
        let near = cal::diff_days(self.r, day).abs() <= 31;
        let far = cal::diff_days(self.r, agreeing).abs() > 183;
        (self.direction == Direction::Context && near && far)
            .then(|| Pt::day(day, "weekday-date", "weekday-slip"))
    }

    /// The day that "on" or "of" at `i` names after a part of the day ("the
    /// morning on October 17", "the evening of December 6", "the night of
    /// Thursday"): a date with its day, month first or day first, or after
    /// "of" a weekday too, since "of" cannot start a new phrase there the way
    /// "on" can ("in the morning on Friday's ...").
    pub(super) fn day_named_after_part(&self, i: usize) -> Option<Civil> {
        let named = self.p_month_first(i + 1).or_else(|| self.p_day_first(i + 1));
        if self.is_func(i, Func::On) {
            return named.and_then(|(q, _)| q.day);
        }
        if !self.is_func(i, Func::Of) || self.breaks(i + 1) {
            return None;
        }
        named.or_else(|| self.day_point(i + 1)).and_then(|(q, _)| q.day)
    }

    /// Where a deictic word ending at `e` ends with the emphatic "same" the
    /// languages other than English write after it ("hoy mismo", "ayer
    /// mismo", "ahora mismo": this very day, right now), which their
    /// TimeML corpora keep inside.
    pub(super) fn emphatic(&self, e: usize) -> usize {
        if self.lx.extended && self.is_rel(e, Rel::Same) && !self.breaks(e) { e + 1 } else { e }
    }

    /// Whether the word at `i` is a noun newspapers and programmes are named
    /// with after a weekday ("Sunday Times", "Sunday Telegraph", "Saturday
    /// Star", "Sunday Programme").
    fn is_title_noun(&self, i: usize) -> bool {
        const TITLES: &[&str] = &[
            "times",
            "telegraph",
            "express",
            "sport",
            "star",
            "news",
            "programme",
            "herald",
            "mirror",
            "post",
            "independent",
            "observer",
            "tribune",
            "mail",
            "age",
        ];
        TITLES.iter().any(|w| self.is_word(i, w))
    }

    /// Whether the capitalized deictic word at `i` ("Today", "Tonight",
    /// "Now", "Current", "Tomorrow") is a word of a title or a name inside a
    /// sentence: a word stands before it, and it follows a capitalized word
    /// outside the lexicon or a possessive ("Democracy Now", "World News
    /// Tonight", "BBC Radio 4's Today programme") or comes before one ("the
    /// Today Sponge", "The Tonight Show", "Current TV", "the Iran of
    /// Tomorrow Movement"). After punctuation, or at a line's start, it
    /// may open a sentence ("Today Sony announced"). Not "Yesterday": a
    /// section's label runs into the first sentence ("United Kingdom
    /// Yesterday, the U.K. ..."), nor a word in capitals ("GRAB HER NOW").
    pub(super) fn deictic_in_title(&self, i: usize) -> bool {
        if !self.upper(i) || i == 0 || self.breaks(i) || self.lx.tables.nouns_capitalized {
            return false;
        }
        if self.s(i).bytes().skip(1).all(|b| b.is_ascii_uppercase()) {
            return false;
        }
        let Some(prev) = self.tok(i - 1).filter(|t| t.kind == Kind::Word) else { return false };
        crate::token::is_possessive(prev)
            || self.in_name(i)
            || !self.breaks(i + 1)
                && self
                    .tok(i + 1)
                    .is_some_and(|t| t.kind == Kind::Word && t.upper && t.lex.is_none() && t.space)
    }

    /// Whether the word at `i` is one the word table does not know that
    /// begins no noun (`Tables::not_nouns`: "with", "when", "onto").
    fn begins_no_noun(&self, i: usize) -> bool {
        self.lx.tables.not_nouns.iter().any(|w| self.lx.same_word(self.s(i), w))
    }

    /// "is today a free city", "the world today." (see [`Self::today_age`]).
    fn today_state(&self, i: usize) -> bool {
        const STATE: &[&str] = &["a", "an", "the", "one", "among"];
        let copula = |k: usize| self.is_word(k, "is") || self.is_word(k, "are");
        if i == 0 || self.breaks(i) {
            return false;
        }
        if copula(i - 1) && !self.breaks(i + 1) && STATE.iter().any(|w| self.is_word(i + 1, w)) {
            return true;
        }
        if self.today_ends_present_relative(i) || self.today_closes_state_phrase(i) {
            return true;
        }
        i >= 2
            && self.is_word(i - 1, "world")
            && self.is_func(i - 2, Func::The)
            && self.tok(i + 1).is_none_or(|t| t.kind == Kind::Punct || copula(i + 1))
    }

    /// Whether "today" at `i` closes, before a mark, a phrase that compares
    /// the present state with another (`Tables::today_state_phrases`: "run
    /// absolutely as it is today.", "smaller than it is today.", "the
    /// industry as we know it today.", "it remains the same today"): the
    /// present age, not the day (issue 17, seeds 36 and 49).
    #[cold]
    #[inline(never)]
    fn today_closes_state_phrase(&self, i: usize) -> bool {
        if self.tok(i + 1).is_some_and(|t| t.kind != Kind::Punct || t.is_punct('\'')) {
            return false;
        }
        self.lx.tables.today_state_phrases.iter().any(|p| {
            let n = p.split(' ').count();
            i >= n && p.split(' ').enumerate().all(|(m, w)| self.is_word(i - n + m, w))
        })
    }

    /// Whether "today" at `i` closes a clause of the present state that
    /// qualifies a noun, before a mark: "the challenges facing Ontario
    /// today,", "the deficits that we face today.", "what they earn
    /// today" (a relative word, a personal pronoun and a verb of a state
    /// in the present right before it), also before a conjunction that
    /// opens the next clause ("may not earn what they earn today because
    /// they will not be eligible": issue 17, seed 38). Not a day's event:
    /// "faces a lawsuit brought today", "face off today in the primary",
    /// "that we will see today", "All we have today is".
    fn today_ends_present_relative(&self, i: usize) -> bool {
        const STATE_VERBS: &[&str] = &["face", "have", "see", "know", "enjoy", "earn", "need"];
        const PRONOUNS: &[&str] = &["we", "you", "they", "i"];
        const RELATIVES: &[&str] = &["that", "which", "what"];
        const NEXT_CLAUSE: &[&str] = &["because", "although", "though", "while"];
        let closed = self.tok(i + 1).is_none_or(|t| t.kind == Kind::Punct && !t.is_punct('\''));
        if i < 2 || !closed && !NEXT_CLAUSE.iter().any(|w| self.is_word(i + 1, w)) {
            return false;
        }
        if i >= 3
            && STATE_VERBS.iter().any(|w| self.is_word(i - 1, w))
            && PRONOUNS.iter().any(|w| self.is_word(i - 2, w))
            && RELATIVES.iter().any(|w| self.is_word(i - 3, w))
        {
            return true;
        }
        // "the issues facing Ontario today": "facing" and its object, a
        // name or a noun phrase of at most three words.
        closed
            && (i.saturating_sub(4)..i - 1).rev().any(|k| {
                self.is_word(k, "facing")
                    && (k + 1..i).all(|j| self.tok(j).is_some_and(|t| t.kind == Kind::Word))
            })
    }

    /// Whether "today" at `i` is the present set against the past: before
    /// "than" ("far stronger today than it was a year ago", "more milk today
    /// than they did in the 1990s"), or "between today and the earlier"
    /// ("previous") times ("The only difference between today and the
    /// earlier bombardments": issue 17, seed 32): the present age, not the
    /// day. Not a day set against a day: "more today than yesterday", "than
    /// on Friday", "than last week", "between today and January 1".
    #[cold]
    #[inline(never)]
    fn today_against_past(&self, i: usize) -> bool {
        if self.lx.tables.than.iter().any(|w| self.is_word(i + 1, w)) {
            return !self.is_func(i + 2, Func::On)
                && !matches!(
                    self.lex(i + 2),
                    Some(Lex::Deictic(_) | Lex::Weekday(_) | Lex::Rel(_) | Lex::Month(_))
                );
        }
        i >= 1
            && self.is_func(i - 1, Func::Between)
            && self.is_func(i + 1, Func::And)
            && self.is_func(i + 2, Func::The)
            && matches!(self.lex(i + 3), Some(Lex::Rel(Rel::Earlier | Rel::Previous)))
    }

    /// Whether "today" at `i` names the present age by what it qualifies:
    /// "today's" before a noun of an age's people or state ("in today's
    /// global economy", "today's teens are", "in today's dollars", with
    /// adjectives joined by "and" or "or" before it), or
    /// "today" after "more than ever" ("More than ever today Americans
    /// need"). Not the day's events or papers: "today's vote", "today's
    /// market rally" (the head noun is the last of the phrase), "today's
    /// Guardian". Also "today" between "is" ("are") and the noun phrase
    /// of a state ("was once a base and is today a free city", "is today
    /// the world's leading sponsor"), and "the world today" before a mark
    /// or "is" ("in the world today.", "in the world today are"); not "is
    /// today at noon", "the world today marks".
    #[inline(never)]
    fn today_age(&self, i: usize) -> bool {
        if self.lx.extended {
            return false;
        }
        if i >= 3
            && self.is_word(i - 1, "ever")
            && self.is_word(i - 2, "than")
            && (self.is_word(i - 3, "more") || self.is_word(i - 3, "less"))
        {
            return true;
        }
        if !super::is_possessive_tok(self.tok(i + 1)) {
            return self.today_state(i) || self.today_against_past(i);
        }
        // The phrase's lowercase words, its head the last before a mark, a
        // function word, a word that begins no noun ("onto", "with") or a
        // verb; "and" or "or" between two of them joins adjectives
        // ("today's confident and dynamic democracy", "today's individual
        // and institutional investors").
        let mut head = None;
        let (mut k, mut words) = (i + 2, 0);
        while words < 4 && !self.breaks(k) {
            if self.lowercase_unknown_word(k) && !self.begins_no_noun(k) {
                head = Some(k);
                words += 1;
                k += 1;
            } else if head.is_some()
                && (self.is_func(k, Func::And) || self.is_func(k, Func::Or))
                && !self.breaks(k + 1)
                && self.lowercase_unknown_word(k + 1)
            {
                k += 1;
            } else {
                break;
            }
        }
        head.is_some_and(|k| self.lx.tables.age_nouns.iter().any(|w| self.is_word(k, w)))
    }

    /// Whether "today" at `i` closes a noun phrase with "of" ("the leaders
    /// of today", "the job market of today"): the present age, not the day.
    /// Not "as of today", nor after a part of the day or of its events ("the
    /// end of today", "the early hours of today morning", "the events of
    /// today"), nor before a possessive ("the result of today's vote").
    #[inline(never)]
    fn of_today_age(&self, i: usize) -> bool {
        const DAY_PARTS: &[&str] = &[
            "as",
            "end",
            "rest",
            "start",
            "beginning",
            "middle",
            "close",
            "remainder",
            "part",
            "course",
            "morning",
            "afternoon",
            "evening",
            "night",
            "hours",
            "events",
            "news",
        ];
        !self.lx.extended
            && i >= 2
            && self.is_func(i - 1, Func::Of)
            && self.tok(i - 2).is_some_and(|t| t.kind == Kind::Word)
            && !DAY_PARTS.iter().any(|w| self.is_word(i - 2, w))
            && !super::is_possessive_tok(self.tok(i + 1))
            && !matches!(self.lex(i + 1), Some(Lex::PartOfDay(_)))
    }

    /// The story's day of "the morning" (the article at `i`), out of line:
    /// inlined, the story-day reading costs the deictic reader more than
    /// its rare calls (callgrind, news-small).
    #[cold]
    #[inline(never)]
    fn story_day_of_part(&self, i: usize) -> Option<Civil> {
        self.story_day(i, i + 2)
    }

    /// Deictic days and times: today, yesterday, tomorrow, tonight, last night.
    pub(super) fn p_deictic(&self, i: usize) -> Option<(Pt, usize)> {
        // "in the morning", "during the afternoon": that part of the reference day.
        if self.is_func(i, Func::The)
            && i > 0
            && matches!(self.lex(i - 1), Some(Lex::Func(Func::In | Func::During)))
            && let Some(Lex::PartOfDay(pod)) = self.lex(i + 1)
            && !self.s(i + 1).ends_with('s')
        {
            // "dans la nuit": the night just past, which began the day
            // before (the languages other than English).
            let night = self.lx.extended && pod == PartOfDay::Night;
            if self.lx.extended
                && let Some(found) = self.part_of_day_of_weekday_pair(i + 1, pod)
            {
                return Some(found);
            }
            if night && self.night_into_day(i + 1) {
                return Some((Pt::void("night-into-day"), i + 2));
            }
            let day = if night { cal::add_days(self.r, -1)? } else { self.r };
            let mut p = Pt::time_on(
                day,
                pod.code(),
                Grain::PartOfDay,
                "the-part-of-day",
                if night { "night-before" } else { "" },
            );
            // "in the morning on October 17", "in the evening of December
            // 6", "during the night of Thursday to Friday": that day's part.
            // (TimeBank marks the day apart, so the span stays "the morning".)
            if let Some(d) = self.day_named_after_part(i + 2) {
                p.value = format!("{}T{}", cal::fmt_day(d), pod.code());
                p.day = Some(d);
                p.how = "day-named-after".into();
            } else if !night && let Some(d) = self.story_day_of_part(i) {
                // "On Tuesday ... In the afternoon, police": the day the
                // story is told on (`story_day.rs`), as a clock time's.
                p.value = format!("{}T{}", cal::fmt_day(d), pod.code());
                p.day = Some(d);
                p.how = "story-day".into();
            }
            return Some((p, i + 2));
        }
        // "le matin même", "le soir même": that very part of the day the
        // text named last (the languages other than English).
        if self.lx.extended
            && self.is_func(i, Func::The)
            && let Some(Lex::PartOfDay(pod)) = self.lex(i + 1)
            && self.is_rel(i + 2, Rel::Same)
        {
            let day = self.doc.last_day.unwrap_or(self.r);
            let p = Pt::time_on(day, pod.code(), Grain::PartOfDay, "the-part-of-day-same", "");
            return Some((p, i + 3));
        }
        // "the day after tomorrow", "(the) day before yesterday".
        let the = self.is_func(i, Func::The);
        let day = if the { i + 1 } else { i };
        if matches!(self.unit(day), Some((Unit::Day, false))) {
            let shift = match (self.lex(day + 1), self.lex(day + 2)) {
                (Some(Lex::Rel(Rel::After)), Some(Lex::Deictic(Deictic::Tomorrow))) => 2,
                (Some(Lex::Rel(Rel::Before)), Some(Lex::Deictic(Deictic::Yesterday))) => -2,
                // "el día de ayer", "la jornada de hoy": the deictic day
                // itself, named with its noun (the languages other than
                // English). "el día de mañana" is "some day", the future.
                (Some(Lex::Func(Func::Of)), Some(Lex::Deictic(d))) if self.lx.extended => {
                    let shift = match d {
                        Deictic::Today => 0,
                        Deictic::Yesterday => -1,
                        Deictic::Tomorrow => {
                            let p = Pt::new(
                                "FUTURE_REF".into(),
                                Grain::Unspecified,
                                "the-day-of-tomorrow",
                                "",
                            );
                            return Some((p, day + 3));
                        }
                        _ => return None,
                    };
                    let d = cal::add_days(self.r, shift)?;
                    let e = self.emphatic(day + 3);
                    return Some((Pt::day(d, "the-day-of-deictic", ""), e));
                }
                // "the day before", "the day after" closing a clause: the day
                // next to the last one named (or to the reference).
                (Some(Lex::Rel(r @ (Rel::After | Rel::Before))), _)
                    if the && self.tok(day + 2).is_none_or(|t| t.kind == Kind::Punct) =>
                {
                    let step = if r == Rel::After { 1 } else { -1 };
                    let anchor = self.anaphor_anchor(i).unwrap_or(self.r);
                    let d = cal::add_days(anchor, step)?;
                    return Some((Pt::day(d, "the-day-after", ""), day + 2));
                }
                _ => return None,
            };
            let d = cal::add_days(self.r, shift)?;
            return Some((Pt::day(d, "day-after-tomorrow", ""), day + 3));
        }
        match self.lex(i)? {
            // In a narrative (a history), "heute" is the present of its
            // writer, not a day of the story; unless a verb in the past
            // beside it reports the day's news ("defendió hoy").
            Lex::Deictic(Deictic::Today)
                if self.doc.narrative
                    && self.direction == crate::Direction::Context
                    && !self.past_beside(i) =>
            {
                Some((
                    Pt::new("PRESENT_REF".into(), Grain::Unspecified, "today-narrative", ""),
                    i + 1,
                ))
            }
            // "la hoy extinta Yugoslavia", "el hoy ministro": an adverb
            // inside a noun phrase, the present (languages with articles
            // inside the span write it so).
            Lex::Deictic(Deictic::Today)
                if self.lx.tables.article_in_span && i > 0 && self.is_func(i - 1, Func::The) =>
            {
                Some((
                    Pt::new("PRESENT_REF".into(), Grain::Unspecified, "today-attributive", ""),
                    i + 1,
                ))
            }
            // Not "USA Today", "Wikinews Today", "the Today programme".
            Lex::Deictic(Deictic::Today | Deictic::Tomorrow | Deictic::Tonight)
                if self.in_name(i) || self.deictic_in_title(i) =>
            {
                None
            }
            // "the American leaders of today", "Ontario's NDP of today", "the
            // job market of today": the present age, as "nowadays" is.
            Lex::Deictic(Deictic::Today) if self.of_today_age(i) => {
                Some((Pt::new("PRESENT_REF".into(), Grain::Unspecified, "of-today", ""), i + 1))
            }
            Lex::Deictic(Deictic::Today) if self.today_age(i) => {
                Some((Pt::new("PRESENT_REF".into(), Grain::Unspecified, "today-age", ""), i + 1))
            }
            Lex::Deictic(Deictic::Today) => {
                Some((Pt::day(self.r, "today", ""), self.emphatic(i + 1)))
            }
            // "bei der gestrigen Pressekonferenz": KRAUTS leaves the
            // adjective out; it names a day before its weekday ("am
            // gestrigen Montag", `p_deictic_weekday`).
            Lex::Deictic(Deictic::Yesterday | Deictic::Tomorrow)
                if !self.lx.tables.attributive_days.is_empty()
                    && self
                        .lx
                        .tables
                        .attributive_days
                        .iter()
                        .any(|w| self.lx.same_word(self.s(i), w)) =>
            {
                None
            }
            Lex::Deictic(Deictic::Yesterday) => {
                Some((Pt::day(cal::add_days(self.r, -1)?, "yesterday", ""), self.emphatic(i + 1)))
            }
            Lex::Deictic(Deictic::Tomorrow) => {
                Some((Pt::day(cal::add_days(self.r, 1)?, "tomorrow", ""), self.emphatic(i + 1)))
            }
            Lex::Deictic(d @ (Deictic::Tonight | Deictic::LastNight)) => {
                let (day, rule) = if d == Deictic::LastNight {
                    (cal::add_days(self.r, -1)?, "last-night")
                } else {
                    (self.r, "tonight")
                };
                // A TIME with its day: "tonight at 1am" combines with a clock time.
                Some((Pt::time_on(day, "NI", Grain::PartOfDay, rule, ""), i + 1))
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
                Some((Pt::time_on(d, pod.code(), Grain::PartOfDay, "relative-part-of-day", ""), e))
            }
            _ => None,
        }
    }

    /// "the same period last year", "the same quarter a year ago", "the
    /// same month of the previous year" ("period", "quarter" or "month" at
    /// `j`): the period a results report compares with, one expression as
    /// TimeBank and MEANTIME mark it. A quarter, or a period in a report
    /// on a quarter, is the report's quarter a year back; a month, or
    /// another period after a month named, that month a year back; else
    /// last year.
    #[inline(never)]
    fn same_period_year_back(&self, j: usize) -> Option<(Pt, usize)> {
        let period = self.is_func(j, Func::Period);
        let unit = self.unit(j).filter(|&(u, p)| !p && matches!(u, Unit::Quarter | Unit::Month));
        if !period && unit.is_none() {
            return None;
        }
        let mut k = j + 1;
        if self.is_func(k, Func::Of) || self.is_func(k, Func::In) {
            k += 1;
        }
        let year = |k: usize| self.unit(k) == Some((Unit::Year, false));
        // "last year"; "a year ago (earlier, before)"; "the previous
        // (prior) year".
        let year_ago = self.is_func(k, Func::A)
            && year(k + 1)
            && (self.is_rel(k + 2, Rel::Ago)
                || self.is_rel(k + 2, Rel::Earlier)
                || self.is_rel(k + 2, Rel::Before));
        let previous_year = self.is_func(k, Func::The)
            && (self.is_rel(k + 1, Rel::Previous) || self.is_rel(k + 1, Rel::Prior))
            && year(k + 2);
        let e = if self.is_rel(k, Rel::Last) && year(k + 1) {
            k + 2
        } else if year_ago || previous_year {
            k + 3
        } else {
            return None;
        };
        let rule = "same-period-year-back";
        let quarter = match unit {
            Some((Unit::Quarter, _)) => Some(self.previous_quarter()),
            Some(_) => None,
            None => self.doc.last_quarter,
        };
        if let Some((y, q)) = quarter {
            return Some((
                Pt::new(format!("{}-Q{q}", cal::fmt_year(y - 1)), Grain::Quarter, rule, ""),
                e,
            ));
        }
        // A month recalled from another year is no report's month.
        let this = i32::from(self.r.year());
        let month = self
            .doc
            .last_month
            .filter(|&(y, _)| (this - y).abs() <= 1)
            .or_else(|| unit.is_some().then(|| (this, self.r.month() as u32)));
        let p = match month {
            Some((y, m)) => Pt::new(cal::fmt_month(y - 1, m), Grain::Month, rule, ""),
            None => Pt::new(cal::fmt_year(this - 1), Grain::Year, rule, ""),
        };
        Some((p, e))
    }

    /// Relative periods: "last week", "this year", "next month", "the following day",
    /// "the current quarter", "last summer", "this September".
    pub(super) fn p_relative(&self, i: usize) -> Option<(Pt, usize)> {
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
        }
        // "in the last year." is a duration (r_duration's "the-past-unit").
        if the && self.last_unit_stretch(i) {
            return None;
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
            // "the past year" is a duration (r_duration's "the-past-unit").
            Lex::Deictic(Deictic::Past) if the && self.past_unit(j + 1).is_some() => return None,
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
        // "this fiscal year", "the current fiscal year", "the last financial year".
        let fiscal = self.is_func(j, Func::Fiscal)
            || self.is_word(j, "financial")
                && matches!(self.unit(j + 1), Some((Unit::Year, false)));
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
            // "the upcoming April 23", "last January 29", "this May 22": the
            // day with its month, the next one ahead, the last one past or
            // this year's. A year after the day ("this April 23, 2006") or a
            // range of days ("the upcoming May 19-30") is read from the
            // month on; "following" before a day is a preposition ("in the
            // days following September 11").
            if let Some((_, me, _)) = self.month_tok(j)
                && !self.breaks(me)
                && let Some((d, e2)) = self.day_num(me)
                && matches!(rel, Rel::Last | Rel::Previous | Rel::Next | Rel::Coming | Rel::This)
            {
                if self.dash(e2) && self.day_num(e2 + 1).is_some()
                    || self.year_after(self.opt_comma(e2)).is_some()
                {
                    return None;
                }
                let rd = self.r.day() as u32;
                let later = (m, d) > (rm, rd);
                let y = match rel {
                    Rel::Last | Rel::Previous if later || (m, d) == (rm, rd) => y - 1,
                    Rel::Next | Rel::Coming if !later => y + 1,
                    _ => y,
                };
                return Some((Pt::day(cal::date(y, m, d)?, "relative-month-day", ""), e2));
            }
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
            let y = match rel {
                Rel::Last | Rel::Previous => self.shifted_season_year(sn, -1),
                Rel::Next | Rel::Coming | Rel::Following => self.shifted_season_year(sn, 1),
                // "this summer" said in February is the coming one.
                _ if sn != 4 => i32::from(self.r.year()),
                // January and February belong to the winter that began the
                // year before.
                _ if self.r.month() <= 2 => i32::from(self.r.year()) - 1,
                _ => i32::from(self.r.year()),
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
            // "protesters gathered this weekend" said on a weekday: the
            // weekend just past, as the clause's past tense says.
            let mut how = String::new();
            let mut shift = shift;
            if rel == Rel::This
                && !current
                && (1..=5).contains(&(cal::weekday(self.r) as i64))
                && let Some((Dir::Past, h)) = self.clause_lean(i, j + 1)
            {
                shift = -1;
                how = h;
            }
            let (y, w) = cal::iso_week(cal::add_days(self.r, shift * 7)?);
            return Some((
                Pt::new(
                    format!("{}-WE", cal::fmt_week(y, w)),
                    Grain::Week,
                    "relative-weekend",
                    how,
                ),
                j + 1,
            ));
        }
        // "este semestre": the half of the year the reference is in.
        if self.lx.extended
            && rel == Rel::This
            && (self.is_func(j, Func::Half) || self.is_func(j, Func::YearHalf))
            && self.unit(j + 1).is_none()
        {
            let half = if self.r.month() <= 6 { 1 } else { 2 };
            let v = format!("{}-H{half}", cal::fmt_year(self.r.year().into()));
            return Some((Pt::new(v, Grain::Quarter, "this-half", ""), j + 1));
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
        // "the same period last year", "the same quarter a year ago".
        if rel == Rel::Same
            && the
            && let Some(found) = self.same_period_year_back(j)
        {
            return Some(found);
        }
        let (u, plural) = self.unit(j)?;
        if plural {
            return None;
        }
        // "over the next decade" is a duration (r_duration's "the-next-decade").
        if the && matches!(rel, Rel::Next | Rel::Coming) && u == Unit::Decade && !self.lx.extended {
            return None;
        }
        // "the last year we traveled together", "may be the last day I'm
        // ever involved": a subject pronoun right after the unit opens a
        // relative clause, and "last" is the final one of what it tells,
        // no date; not after a preposition, where the pronoun opens the
        // main clause ("During the last year I have become ...").
        let the_at =
            if the { Some(i) } else { i.checked_sub(1).filter(|&k| self.is_func(k, Func::The)) };
        if let Some(the_at) = the_at
            && rel == Rel::Last
            && self.tok(j + 1).is_some_and(|t| t.kind == Kind::Word)
            && self.lx.verb(self.s(j + 1).as_bytes()) == Some(Verb::Pronoun)
            && !the_at.checked_sub(1).is_some_and(|k| {
                matches!(
                    self.lex(k),
                    Some(Lex::Func(Func::In | Func::For | Func::Within | Func::During))
                        | Some(Lex::Hedge(_) | Lex::Rel(_))
                )
            })
        {
            return None;
        }
        // "On the last day of the summit", "December 17 is the last day to
        // make decisions": the final day of what follows, not the day
        // before (issue 17, seed 29). English only.
        if u == Unit::Day
            && rel == Rel::Last
            && the_at.is_some()
            && !self.lx.extended
            && (self.is_func(j + 1, Func::Of) || self.is_func(j + 1, Func::To))
        {
            return None;
        }
        if rel == Rel::Latest && u != Unit::Quarter && u != Unit::Year {
            return None;
        }
        // A language without articles says "the following day" without one
        // ("наступного дня").
        let definite = the || self.lx.tables.no_articles;
        // "the following day", "the previous year", "the same day": anaphoric,
        // anchored on the last date the text named (TimeML's anchorTimeID);
        // so is "am folgenden Tag", its article in the contraction, "am
        // selben Tag", "im gleichen Jahr", and "am nächsten Tag" (a day: "im
        // nächsten Jahr" is the writer's next year).
        let contracted = i
            .checked_sub(1)
            .filter(|_| !the && (rel != Rel::Next || u == Unit::Day))
            .and_then(|k| self.tok(k))
            .is_some_and(|t| {
                let w = &self.text[t.start..t.end];
                self.lx.tables.article_contractions.iter().any(|c| self.lx.same_word(w, c))
            });
        if rel == Rel::Same && !definite && !contracted {
            return None;
        }
        let e = j + 1;
        let name = if the { "the-relative-unit" } else { "relative-unit" };
        let r = self.r;
        let anaphoric = (definite || contracted)
            && matches!(rel, Rel::Following | Rel::Previous | Rel::Same | Rel::Next);
        let back_or_same = matches!(rel, Rel::Following | Rel::Previous | Rel::Same);
        // In a narrative, "this year", "next year", "last year" count from
        // the story's year, not the writer's ("im nächsten Jahr", "dieses
        // Jahres" in a history of 1862).
        let story_year = self.narrative_year().is_some()
            && matches!(rel, Rel::This | Rel::Next | Rel::Last | Rel::Following | Rel::Previous);
        let pt = match u {
            Unit::Day => {
                // "this day" is rarely a date; a story told without articles
                // says "цей день" for the day it named last.
                let story_day =
                    rel == Rel::This && self.lx.tables.no_articles && self.doc.narrative;
                if shift == 0 && rel != Rel::Same && !story_day {
                    return None;
                }
                let last_day = if anaphoric {
                    self.anaphor_anchor(i)
                } else {
                    self.doc.last_day.filter(|_| story_day)
                };
                match last_day {
                    Some(anchor) => Pt::day(cal::add_days(anchor, shift)?, name, "anchored"),
                    None => Pt::day(cal::add_days(r, shift)?, name, ""),
                }
            }
            // "the next year" looks ahead from now in a clause that looks
            // ahead ("We'll reduce our soldiers over the course of the next
            // year"), as "the next week" does, or tells of now ("is not
            // hedged for the next fiscal year"); told in the past it follows
            // the year named last.
            Unit::Year
                if (anaphoric
                    || story_year
                    || rel == Rel::This && self.lx.tables.no_articles && self.doc.narrative)
                    && self.doc.last_year.is_some()
                    && !(rel == Rel::Next
                        && the
                        && !story_year
                        && self.lx.reads_clauses()
                        && match self.direction_at(i, e, Dir::Nearest) {
                            (Dir::Future, _) => true,
                            (Dir::Nearest, how) => how.starts_with("present"),
                            (Dir::Past, _) => false,
                        }) =>
            {
                let y = self.doc.last_year? + shift as i32;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                Pt::new(cal::fmt_year(y), Grain::Year, name, "anchored")
            }
            Unit::Week | Unit::Fortnight => {
                // "the following week", "the previous week", "the same
                // week" and, told in the past, "the next week" ("On
                // Wednesday of the next week, ceremonies were held"): the
                // week after (before) the last day named, as "the following
                // day" is. Ahead, "the next week" is the coming one ("will
                // be paid in the next week").
                let anchor = self.doc.last_day.filter(|&d| {
                    the && u == Unit::Week
                        && self.lx.reads_clauses()
                        && match rel {
                            Rel::Following | Rel::Previous | Rel::Same => true,
                            // The story's day lies behind ("followed by the
                            // next week's BikeFest" after Memorial Day ahead
                            // is no story told).
                            Rel::Next => {
                                d <= r && self.direction_at(i, e, Dir::Nearest).0 == Dir::Past
                            }
                            _ => false,
                        }
                });
                // "this week" said on a Sunday, the last day of its ISO week,
                // of what lies ahead ("is set to be tested in court this
                // week", "the elections taking place this week"): the week
                // that begins the next day.
                let ahead = if rel == Rel::This
                    && !the
                    && u == Unit::Week
                    && anchor.is_none()
                    && cal::weekday(r) == 7
                    && let Some((Dir::Future, h)) = self.clause_lean(i, e)
                {
                    Some(format!("sunday-ahead:{h}"))
                } else {
                    None
                };
                let shift = if ahead.is_some() { 1 } else { shift };
                // "432,000 last week, down from the previous week": the week
                // its sentence has just named from now, with no day named.
                let named = if the && back_or_same {
                    self.deictic_unit_before(i, Unit::Week)
                } else {
                    None
                };
                let shift = shift + named.unwrap_or(0);
                let anchor = if named.is_some() { Some(r) } else { anchor };
                let (y, w) = cal::iso_week(cal::add_days(anchor.unwrap_or(r), shift * 7)?);
                let week = cal::fmt_week(y, w);
                // "next week Wednesday", "this week Monday".
                let k = if self.dash(e) { e + 1 } else { e };
                if let Some(Lex::Weekday(wd @ 1..=7)) = self.lex(k)
                    && let Some(d) = self.day_in_week(&week, wd)
                {
                    return Some((Pt::day(d, "week-weekday", ""), k + 1));
                }
                Pt::new(
                    week,
                    Grain::Week,
                    name,
                    if anchor.is_some() { "anchored" } else { ahead.as_deref().unwrap_or("") },
                )
            }
            // In a narrative told without articles, "наступного місяця" is the
            // month after the last day named, as "the following day" is.
            Unit::Month if self.lx.tables.no_articles && self.doc.narrative => {
                let anchor = self.doc.last_day.filter(|_| anaphoric || rel == Rel::This);
                let d = cal::add_months(anchor.unwrap_or(r), shift)?;
                let how = if anchor.is_some() { "anchored" } else { "" };
                Pt::new(cal::fmt_month(d.year().into(), d.month() as u32), Grain::Month, name, how)
            }
            // "im selben Monat", "el mismo mes", "le mois suivant": the month
            // named last, or the one after (before) it.
            Unit::Month
                if self.lx.extended
                    && anaphoric
                    && rel != Rel::Next
                    && let Some((y, m)) = self.doc.last_month =>
            {
                let d = cal::add_months(cal::date(y, m, 1)?, shift)?;
                Pt::new(
                    cal::fmt_month(d.year().into(), d.month() as u32),
                    Grain::Month,
                    name,
                    "anchored",
                )
            }
            Unit::Month => {
                // "sales fell last month, down from the previous month".
                let named = if the && back_or_same {
                    self.deictic_unit_before(i, Unit::Month)
                } else {
                    None
                };
                // "a high in May. This represents a rise on the previous
                // month": the month before the one just named.
                let month = if named.is_none() && the && back_or_same && !self.lx.extended {
                    self.month_named_just_before(i)
                } else {
                    None
                };
                // "in July this year compared to the same month in 2010":
                // the month just named, in the year after "in".
                let month = match month {
                    Some((y, m)) if rel == Rel::Same => {
                        Some((self.year_after_in(e).unwrap_or(y), m))
                    }
                    _ => month,
                };
                let d = match month {
                    Some((y, m)) => cal::add_months(cal::date(y, m, 1)?, shift)?,
                    None => cal::add_months(r, shift + named.unwrap_or(0))?,
                };
                let how = if named.is_some() || month.is_some() { "anchored" } else { "" };
                Pt::new(cal::fmt_month(d.year().into(), d.month() as u32), Grain::Month, name, how)
            }
            Unit::Quarter => {
                // "dropped in the quarter to June. The figures are an
                // improvement over the previous quarter": the quarter
                // before the one of the month just named.
                let month = if the && back_or_same && !self.lx.extended {
                    self.month_named_just_before(i)
                } else {
                    None
                };
                let (y, q) = if let Some((y, m)) = month {
                    let d = cal::add_months(cal::date(y, m, 1)?, shift * 3)?;
                    (i32::from(d.year()), cal::quarter_of(d))
                } else if rel == Rel::Latest || (the && rel == Rel::Last) {
                    self.previous_quarter()
                } else {
                    let d = cal::add_months(r, shift * 3)?;
                    (i32::from(d.year()), cal::quarter_of(d))
                };
                // "the last quarter's (April-June)": the months in brackets
                // name the quarter, in the year of the reading or the one
                // before.
                let (y, q) = match self
                    .bracketed_quarter(e)
                    .or_else(|| self.bracketed_quarter(e + 1).filter(|_| self.is_word(e, "'s")))
                {
                    Some(b) if b <= q => (y, b),
                    Some(b) => (y - 1, b),
                    None => (y, q),
                };
                let how = if month.is_some() { "anchored" } else { "" };
                Pt::new(format!("{}-Q{q}", cal::fmt_year(y)), Grain::Quarter, name, how)
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

    /// The month (year, month) named last before token `i`, in its
    /// sentence or the one before and near the reference: what an English
    /// "the previous month" ("the same month", "the previous quarter")
    /// counts from, as TimeML anchors it on the time the text is about.
    #[cold]
    #[inline(never)]
    fn month_named_just_before(&self, i: usize) -> Option<(i32, u32)> {
        let p = self.doc.last_period.filter(|p| p.grain == Grain::Month)?;
        let at = self.tok(i)?.start;
        if p.end > at || (p.year - i32::from(self.r.year())).abs() > 1 {
            return None;
        }
        let between = self.text.get(p.end..at)?;
        if between.contains('\n') || sentences_ending(between) > 1 {
            return None;
        }
        // A month written by its name ("in May", "July 2010"), not one an
        // earlier "the previous month" counted, which would count again.
        let last = (0..i).rev().find(|&k| self.tok(k).is_some_and(|t| t.end <= p.end))?;
        let name = |k: usize| matches!(self.lex(k), Some(Lex::Month(_) | Lex::MonthAbbr(_)));
        // "July 2010", "July this year".
        let this_year = || {
            self.unit(last) == Some((Unit::Year, false))
                && matches!(self.lex(last.wrapping_sub(1)), Some(Lex::Rel(Rel::This | Rel::Last)))
                && name(last.wrapping_sub(2))
        };
        (name(last)
            || self.num(last).is_some_and(|(_, d)| d == 4) && name(last.wrapping_sub(1))
            || this_year())
        .then_some((p.year, p.part))
    }

    /// "in 2010" at `k`: the year (the comparison's year after "the same
    /// month").
    #[cold]
    #[inline(never)]
    fn year_after_in(&self, k: usize) -> Option<i32> {
        if !self.is_func(k, Func::In) {
            return None;
        }
        let (v, d) = self.num(k + 1)?;
        (d == 4).then_some(v as i32)
    }

    /// The shift from now of a unit `u` its sentence names before `i` the
    /// way "last week", "this month", "next week" do (no article before
    /// it): -1, 0 or 1. "the previous week" after "last week" counts from it.
    #[inline(never)]
    fn deictic_unit_before(&self, i: usize, u: Unit) -> Option<i64> {
        for k in (i.saturating_sub(24)..i).rev() {
            if self.sentence_end(k) || self.breaks(k + 1) {
                return None;
            }
            if self.unit(k) == Some((u, false))
                && k >= 1
                && !self.is_func(k.wrapping_sub(2), Func::The)
            {
                match self.lex(k - 1) {
                    Some(Lex::Rel(Rel::Last)) => return Some(-1),
                    Some(Lex::Rel(Rel::This)) => return Some(0),
                    Some(Lex::Rel(Rel::Next)) => return Some(1),
                    _ => {}
                }
            }
        }
        None
    }

    /// The weekday `wd` of the relative week `week` ("Thursday last week").
    /// Where news counts weeks from Sunday (`Tables::sunday_ends_week`),
    /// "last week" said on a Sunday is the Monday to Saturday just ended,
    /// not the ISO week before it: "Thursday last week" in a Sunday
    /// article is three days back.
    fn weekday_of_week(&self, week: &str, wd: u8) -> Option<Civil> {
        let d = self.day_in_week(week, wd)?;
        let sunday = cal::weekday(self.r) == 7;
        if self.lx.tables.sunday_ends_week && sunday && wd < 7 {
            let (y, w) = cal::iso_week(cal::add_days(self.r, -7)?);
            if week == cal::fmt_week(y, w) {
                return cal::add_days(d, 7);
            }
        }
        Some(d)
    }

    /// The given weekday (1 = Monday) of an ISO week value "2019-W32".
    pub(super) fn day_in_week(&self, week: &str, wd: u8) -> Option<Civil> {
        let y: i16 = week.get(..4)?.parse().ok()?;
        let w: i8 = week.get(6..8)?.parse().ok()?;
        let weekday = jiff::civil::Weekday::from_monday_one_offset(wd as i8).ok()?;
        jiff::civil::ISOWeekDate::new(y, w, weekday).ok().map(|d| d.date())
    }

    /// Whether the word at `k` says a run goes on: "consecutive",
    /// "straight", "successive".
    fn runs_on(&self, k: usize) -> bool {
        self.is_func(k, Func::Consecutive)
            || self.is_func(k, Func::Straight)
            || self.is_word(k, "successive")
    }

    /// "for a second consecutive day", "the 64th straight day" (the article
    /// at `i`, the ordinal `n` ending at `k`): the day the run has reached, as MEANTIME
    /// marks "a second consecutive day": the reference day, or the story's
    /// day a sentence before names ("Prices for crude oil reached a
    /// one-year high on Friday ... gained for the seventh straight day").
    /// Longer stretches ("the sixth straight month") count to the period a
    /// report covers, which is not read here.
    fn nth_consecutive_day(&self, i: usize, n: u32, k: usize) -> Option<(Pt, usize)> {
        if n < 2 || !self.runs_on(k) || self.unit(k + 1) != Some((Unit::Day, false)) {
            return None;
        }
        let story = (self.direction == Direction::Context).then(|| self.story_day(i, k + 2));
        match story.flatten() {
            Some(d) => Some((Pt::day(d, "nth-consecutive-day", "story-day"), k + 2)),
            None => Some((Pt::day(self.r, "nth-consecutive-day", ""), k + 2)),
        }
    }

    /// "the first week of October", "the last week of 2019", "the second
    /// week of July 2014": the nth (last) full week, Monday to Sunday, inside
    /// a month, or the nth (last) ISO week of a year. "the week of October
    /// 6th": the week of that day.
    pub(super) fn p_week_of(&self, i: usize) -> Option<(Pt, usize)> {
        let j = if self.is_func(i, Func::The) { i + 1 } else { i };
        // Cheap exit: "last", an ordinal word or digits must come first.
        if self.lex(j).is_none() && self.num(j).is_none() {
            return None;
        }
        // "a second consecutive day".
        if j == i && self.is_func(i, Func::A) {
            let (n, k) = self.ordinal(i + 1)?;
            return self.nth_consecutive_day(i, n, k);
        }
        // Negative counts from the end: "the last week", "the second last week".
        let (nth, k) = match self.lex(j) {
            Some(Lex::Rel(Rel::Last)) => (-1, j + 1),
            _ => match self.ordinal(j) {
                Some((n, k)) if j > i && self.runs_on(k) => {
                    return self.nth_consecutive_day(i, n, k);
                }
                Some((n @ 1..=5, k)) if self.is_rel(k, Rel::Last) => (-(n as i64), k + 1),
                Some((n @ 1..=5, k)) => (n as i64, k),
                _ => (0, j),
            },
        };
        // "the last day of June", "the first weekend of October".
        let kind = match (self.unit(k), self.lex(k)) {
            (Some((Unit::Week, false)), _) => Stretch::Week,
            (Some((Unit::Day, false)), _) if nth != 0 => Stretch::Day,
            (_, Some(Lex::Func(Func::Weekend))) if nth != 0 && !self.s(k).ends_with('s') => {
                Stretch::Weekend
            }
            _ => return None,
        };
        if !(self.is_func(k + 1, Func::Of)
            || kind != Stretch::Week && self.is_func(k + 1, Func::In))
        {
            return None;
        }
        // Not `date_point`: "the week of the week of ..." must not recurse.
        let (p, e) = [
            self.p_month_first(k + 2),
            self.p_day_first(k + 2),
            self.p_numeric(k + 2),
            self.p_year(k + 2),
            self.p_relative(k + 2),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(_, e)| *e)?;
        if nth == 0 {
            // "the week of October 6th".
            let d = p.day.filter(|_| j == i + 1)?;
            let (y, w) = cal::iso_week(d);
            return Some((Pt::new(cal::fmt_week(y, w), Grain::Week, "week-of-day", p.how), e));
        }
        let (first, last) = match p.grain {
            Grain::Month => {
                let y = p.value.get(..4)?.parse().ok()?;
                let m = p.value.get(5..7)?.parse().ok()?;
                let first = cal::date(y, m, 1)?;
                (first, cal::add_days(cal::add_months(first, 1)?, -1)?)
            }
            // A year's weeks are its ISO weeks: the first holds January 4,
            // the last December 28.
            Grain::Year if kind != Stretch::Week => {
                let y = p.value.get(..4)?.parse().ok()?;
                (cal::date(y, 1, 1)?, cal::date(y, 12, 31)?)
            }
            Grain::Year => {
                let y: i32 = p.value.get(..4)?.parse().ok()?;
                let last_week = i64::from(cal::iso_week(cal::date(y, 12, 28)?).1);
                let w = if nth > 0 { nth } else { last_week + 1 + nth };
                let w = u32::try_from(w).ok().filter(|w| *w >= 1)?;
                cal::week_monday(y, w)?;
                return Some((Pt::new(cal::fmt_week(y, w), Grain::Week, "nth-week-of", p.how), e));
            }
            _ => return None,
        };
        // "the 2nd Day of 2008 WiMAX Expo": a day of an event's name.
        if self.tok(e).is_some_and(|t| t.kind == Kind::Word && t.upper && t.lex.is_none()) {
            return None;
        }
        if kind == Stretch::Day {
            let d = if nth > 0 {
                cal::add_days(first, nth - 1)?
            } else {
                cal::add_days(last, nth + 1)?
            };
            if d < first || d > last {
                return None;
            }
            return Some((Pt::day(d, "nth-day-of", p.how), e));
        }
        if kind == Stretch::Weekend {
            // The nth (last) Saturday whose Sunday is in the period too.
            let saturday = if nth > 0 {
                let to_saturday = (6 - i64::from(cal::weekday(first))).rem_euclid(7);
                cal::add_days(first, to_saturday + 7 * (nth - 1))?
            } else {
                let back = i64::from(cal::weekday(last)) % 7;
                cal::add_days(last, -back - 1)?
            };
            cal::add_days(saturday, 1).filter(|sunday| *sunday <= last && saturday >= first)?;
            let (y, w) = cal::iso_week(saturday);
            let v = format!("{}-WE", cal::fmt_week(y, w));
            return Some((Pt::new(v, Grain::Week, "nth-weekend-of", p.how), e));
        }
        let monday = if nth > 0 {
            let to_monday = (8 - i64::from(cal::weekday(first))) % 7;
            let d = cal::add_days(first, to_monday + 7 * (nth - 1))?;
            cal::add_days(d, 6).filter(|sunday| *sunday <= last)?;
            d
        } else {
            let back = i64::from(cal::weekday(last)) % 7;
            let d = cal::add_days(last, -back - 6 + 7 * (nth + 1))?;
            (d >= first).then_some(d)?
        };
        let (y, w) = cal::iso_week(monday);
        Some((Pt::new(cal::fmt_week(y, w), Grain::Week, "nth-week-of", p.how), e))
    }

    /// "week 31", "week 1 of 2019": an ISO week of the reference year.
    pub(super) fn p_week_number(&self, i: usize) -> Option<(Pt, usize)> {
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

    /// "two Sundays ago", "3 Fridays from now": the nth such weekday before
    /// (after) the reference, the reference day not counted.
    pub(super) fn r_weekdays_ago(&self, i: usize) -> Option<Cand> {
        let (n, e) =
            self.number(i).filter(|(n, _)| n.fract() == 0.0 && (1.0..=52.0).contains(n))?;
        let Some(Lex::Weekday(w @ 11..=17)) = self.lex(e) else { return None };
        let wd = i64::from(w - 10);
        let (sign, end) = match self.lex(e + 1) {
            Some(Lex::Rel(Rel::Ago)) => (-1, e + 2),
            _ if self.is_word(e + 1, "back") => (-1, e + 2),
            Some(Lex::Func(Func::From)) if self.lex(e + 2) == Some(Lex::Deictic(Deictic::Now)) => {
                (1, e + 3)
            }
            _ => return None,
        };
        let cur = i64::from(cal::weekday(self.r));
        let first = if sign > 0 {
            let fwd = (wd - cur).rem_euclid(7);
            if fwd == 0 { 7 } else { fwd }
        } else {
            let back = (cur - wd).rem_euclid(7);
            -(if back == 0 { 7 } else { back })
        };
        let d = cal::add_days(self.r, first + sign * 7 * (n as i64 - 1))?;
        Some(Pt::day(d, "weekdays-ago", "").into_cand(i, end))
    }

    /// "two days ago", "a year earlier", "three weeks from now", "in three weeks",
    /// "a decade ago", "several years ago"; "three days later" is a duration.
    pub(super) fn r_ago(&self, i: usize) -> Option<Cand> {
        self.r_ago_inner(i).map(|c| self.trim_hedge(i, c))
    }

    pub(super) fn r_ago_inner(&self, i: usize) -> Option<Cand> {
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
        // "two hours ago" needs the time of day; without it the duration
        // rule takes it.
        let clock = v.starts_with("PT");
        if clock && self.now.is_none() {
            return None;
        }
        let (n, u) = parse_simple_duration(&v).unzip();
        let mut e2 = e;
        // "a week or so ago".
        if self.is_func(e2, Func::Or) && self.is_word(e2 + 1, "so") {
            e2 += 2;
            modifier = Some(Modifier::Approx);
        }
        let (sign, end) = self.offset_tail(e2)?;
        if clock && !vague_few {
            let p = self.clock_offset(sign * clock_seconds(&v)?, "ago-clock", String::new())?;
            return Some(Cand { modifier, ..p.into_cand(i, end) });
        }
        // "a year and a half ago", "two and a half years ago": a count
        // with its half is as exact as a whole one.
        if !vague_few
            && n.is_none()
            && let Some(p) = self.mixed_ago(&v, sign)
        {
            return Some(Cand { modifier, ..p.into_cand(i, end) });
        }
        if vague_few || n.is_none() {
            let value = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            let c = Pt::new(value.into(), Grain::Unspecified, "vague-ago", "").into_cand(i, end);
            return Some(Cand { modifier, ..c });
        }
        let n = n? * sign;
        let u = u?;
        // "a year ago" in a results report: the same quarter a year back,
        // but not in quoted speech ("A year ago, I never would have ...").
        if u == 'Y'
            && n == -1
            && let Some((qy, q)) = self.doc.last_quarter
            && (qy == i32::from(self.r.year()) || qy == i32::from(self.r.year()) - 1 && q == 4)
            && self.tok(i).is_none_or(|t| self.quotation_opened(t.start).is_none())
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
        // "exports jumped 17.7% in December from a year earlier": the month
        // compared, a year back.
        if u == 'Y'
            && n == -1
            && let Some((y, m)) = self.month_compared(i)
        {
            let p = Pt::new(cal::fmt_month(y - 1, m), Grain::Month, "ago-month", "");
            return Some(Cand { modifier, ..p.into_cand(i, end) });
        }
        // "over strikes two days earlier" after "a Sunday air strike", "on
        // January 3 after finishing its split two days earlier": "earlier"
        // counts back from the day the story named last, as "the day
        // before" does ("ago" counts from the writer's today).
        if matches!(u, 'D' | 'W')
            && self.is_rel(e2, Rel::Earlier)
            && let Some(day) = self.earlier_anchor(i)
        {
            let p = Self::offset_point(day, n, u, "ago", "anchored")?;
            return Some(Cand { modifier, ..p.into_cand(i, end) });
        }
        let p = self.ago_point(n, u, "ago")?;
        Some(Cand { modifier, ..p.into_cand(i, end) })
    }

    /// The words at `k` that make an amount an offset from the reference:
    /// "ago", "earlier", "hence", "from now", "from today", "after today",
    /// "before today"; the direction (-1 back, 1 ahead) and the end.
    pub(super) fn offset_tail(&self, k: usize) -> Option<(i64, usize)> {
        match self.lex(k)? {
            Lex::Rel(Rel::Ago) => Some((-1, k + 1)),
            // "six months earlier than planned": a difference, not a date.
            Lex::Rel(Rel::Earlier) if !self.is_word(k + 1, "than") => Some((-1, k + 1)),
            Lex::Rel(Rel::Hence) => Some((1, k + 1)),
            // "three weeks from now", "3 days from today", "two days after today".
            Lex::Func(Func::From) | Lex::Rel(Rel::After)
                if matches!(self.lex(k + 1), Some(Lex::Deictic(Deictic::Now | Deictic::Today))) =>
            {
                Some((1, k + 2))
            }
            Lex::Rel(Rel::Before) if self.lex(k + 1) == Some(Lex::Deictic(Deictic::Today)) => {
                Some((-1, k + 2))
            }
            _ => None,
        }
    }

    /// The month a figure is compared for, when "a year earlier" at `i`
    /// follows "from", "than", "to", "with" or "over" and its clause named
    /// that month after "in" ("rose 12.1% in December compared to a year
    /// earlier"): the last month named, `(year, month)`.
    #[cold]
    #[inline(never)]
    fn month_compared(&self, i: usize) -> Option<(i32, u32)> {
        let k = i.checked_sub(1)?;
        if !["from", "than", "to", "with", "over"].iter().any(|w| self.is_word(k, w)) {
            return None;
        }
        let (y, m) = self.doc.last_month?;
        for x in (k.saturating_sub(12)..k).rev() {
            let t = self.tok(x)?;
            if t.newline
                || t.kind == Kind::Punct && matches!(self.s(x), "." | ";" | ":" | "?" | "!")
            {
                return None;
            }
            if let Some(Lex::Month(named)) = self.lex(x) {
                let bare = !matches!(self.tok(x + 1), Some(t) if t.kind == Kind::Num);
                let after_in = x.checked_sub(1).is_some_and(|p| self.is_func(p, Func::In));
                return (bare && after_in && u32::from(named) == m).then_some((y, m));
            }
        }
        None
    }

    /// The month `v`, a duration of years and months ("P1Y6M": "a year and
    /// a half") or of months and days ("P1M15D": "a month and a half"),
    /// lies from the reference in the direction `sign`; `None` for other
    /// durations (they stay vague).
    #[cold]
    #[inline(never)]
    fn mixed_ago(&self, v: &str, sign: i64) -> Option<Pt> {
        let rest = v.strip_prefix('P')?;
        let (a, rest) = rest.split_at(rest.find(|c: char| !c.is_ascii_digit())?);
        let a: i64 = a.parse().ok()?;
        let (big, rest) = rest.split_at(1);
        let (b, small) = rest.split_at(rest.find(|c: char| !c.is_ascii_digit())?);
        let b: i64 = b.parse().ok()?;
        let d = match (big, small) {
            ("Y", "M") => cal::add_months(self.r, sign * (12 * a + b))?,
            ("M", "D") => cal::add_days(cal::add_months(self.r, sign * a)?, sign * b)?,
            _ => return None,
        };
        Some(Pt::new(
            cal::fmt_month(d.year().into(), d.month() as u32),
            Grain::Month,
            "ago",
            "mixed",
        ))
    }

    /// The date `n` units `u` (`D`, `W`, `M`, `Y`, `H`) from the reference,
    /// at the unit's grain, as "N units ago" reads it (negative `n`: back).
    pub(super) fn ago_point(&self, n: i64, u: char, rule: &'static str) -> Option<Pt> {
        let r = self.r;
        Some(match u {
            'D' | 'W' => Self::offset_point(r, n, u, rule, "")?,
            'M' => {
                let d = cal::add_months(r, n)?;
                Pt::new(cal::fmt_month(d.year().into(), d.month() as u32), Grain::Month, rule, "")
            }
            'Y' => {
                let y = i32::from(r.year()) + i32::try_from(n).ok()?;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                Pt::new(cal::fmt_year(y), Grain::Year, rule, "")
            }
            'H' => Pt::day(r, "ago-hours", ""),
            _ => return None,
        })
    }

    /// The day "N days (weeks) earlier" at `i` counts back from: a day up
    /// to the reference named in its sentence or the one before, on the
    /// same line. Days and weeks only ("a year earlier" compares a
    /// report's period); a day named farther back ("Previously, on
    /// February 4, ..." a section before "A week earlier, ...") or one
    /// ahead (the registration "on February 24" before "had announced a
    /// day earlier") leaves the reference.
    #[cold]
    #[inline(never)]
    fn earlier_anchor(&self, i: usize) -> Option<Civil> {
        let (day, end, _) = self.doc.last_dated?;
        let at = self.tok(i)?.start;
        let between = self.text.get(end..at)?;
        // Two sentences run to some 400 bytes; a day farther back is no
        // anchor, and the count stays short.
        let near = between.len() <= 400 && !between.contains('\n');
        (day <= self.r && near && sentences_ending(between) <= 1).then_some(day)
    }

    /// The day `n` days (`u` = `D`) or the ISO week `n` weeks (`W`) from
    /// `base`.
    fn offset_point(
        base: Civil,
        n: i64,
        u: char,
        rule: &'static str,
        how: &'static str,
    ) -> Option<Pt> {
        Some(match u {
            'D' => Pt::day(cal::add_days(base, n)?, rule, how),
            'W' => {
                let (y, w) = cal::iso_week(cal::add_days(base, 7 * n)?);
                Pt::new(cal::fmt_week(y, w), Grain::Week, rule, how)
            }
            _ => return None,
        })
    }

    /// "year-earlier", "the year-ago quarter", "the comparable year-earlier period":
    /// the same period a year back (the quarter of the report, when one was named).
    pub(super) fn r_year_ago(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn r_in_units(&self, i: usize) -> Option<Cand> {
        if !self.is_func(i, Func::In) {
            return None;
        }
        // "in about two hours": a hedged offset from now.
        let hedged = self.lex(i + 1) == Some(Lex::Hedge(Hedge::About));
        // "через два дні" is ahead whatever the tense; in a narrative, ahead
        // of the last day the story named.
        let ahead = self.lx.extended
            && self.lx.tables.ahead_words.iter().any(|w| self.lx.same_word(self.s(i), w));
        let (v, e) = match self.amount_unit(i + 1 + usize::from(hedged)) {
            Some((v, _, e, _)) => (v, e),
            // "через місяць", "через неделю": one unit, with no number.
            None if ahead && !hedged => match self.unit(i + 1)? {
                (u, false) => (super::durations::duration_value(Some(1.0), u, false), i + 2),
                _ => return None,
            },
            None => return None,
        };
        // Where the table names them, only those words read "in N units"
        // ("в 3 часа" is a clock time, "через 3 часа" ahead).
        if !ahead && !self.lx.tables.ahead_words.is_empty() {
            return None;
        }
        // "the first time in 20 years", "their fifth leader in 9 years": an
        // ordinal in the noun phrase counts back over the span, whatever the
        // tense; the quantity stays a duration. So does a superlative: "may
        // be entering its deepest recession in a decade".
        if !ahead && self.ordinal_before(i) {
            return None;
        }
        let from = match self.doc.last_day {
            Some(day) if ahead && self.doc.narrative => day,
            _ => self.r,
        };
        // A timetable's present ("closes at its lowest level in six
        // years") does not make the span ahead.
        let (dir, how) = if ahead {
            let how = if from == self.r { "ahead-word" } else { "ahead-word:anchored" };
            (Dir::Future, how.to_owned())
        } else {
            self.direction_at(i, e, Dir::Nearest)
        };
        if dir != Dir::Future || how.starts_with("future-schedule") {
            return None;
        }
        // Clock units ("in 5 minutes") need the time of day.
        if v.starts_with("PT") {
            let secs = clock_seconds(&v)?;
            let c = self.clock_offset(secs, "in-units", how)?.into_cand(i, e);
            return Some(Cand { modifier: hedged.then_some(Modifier::Approx), ..c });
        }
        if hedged {
            return None;
        }
        let (n, u) = parse_simple_duration(&v)?;
        Some(self.in_point(from, n, u, how)?.into_cand(i, e))
    }

    /// Whether an ordinal ("first", "fifth", "21st") stands in the six
    /// tokens before token `i`, with no punctuation but a possessive's
    /// apostrophe ("the first teachers' strike") or line break between.
    fn ordinal_before(&self, i: usize) -> bool {
        for k in (i.saturating_sub(6)..i).rev() {
            let Some(t) = self.tok(k) else { return false };
            let apostrophe = (self.punct(k, '\'') || self.punct(k, '’')) && self.glued(k);
            if t.kind == Kind::Punct && !apostrophe || self.breaks(k + 1) {
                return false;
            }
            if self.ordinal_word(k).is_some()
                || self.is_ordinal_suffix(k) && k > 0 && self.num(k - 1).is_some() && self.glued(k)
                || self.superlative(k)
            {
                return true;
            }
        }
        false
    }

    /// Whether the word at `k` is a superlative that sets a record over a
    /// span ("the highest level in", "its worst year in", "the deadliest
    /// attack in"): the common "-est" forms of news, "-iest", and "most"
    /// or "least" before an adjective. Not "protest", "interest", "west".
    fn superlative(&self, k: usize) -> bool {
        const EST: &[&str] = &[
            "highest",
            "lowest",
            "biggest",
            "largest",
            "smallest",
            "deepest",
            "worst",
            "best",
            "longest",
            "shortest",
            "strongest",
            "weakest",
            "fastest",
            "slowest",
            "greatest",
            "hottest",
            "coldest",
            "warmest",
            "coolest",
            "sharpest",
            "steepest",
            "widest",
            "toughest",
            "tightest",
            "loudest",
            "oldest",
            "youngest",
            "richest",
            "poorest",
            "heaviest",
            "busiest",
            "deadliest",
            "costliest",
            "driest",
            "wettest",
            "bloodiest",
        ];
        if (self.is_word(k, "most") || self.is_word(k, "least")) && self.unknown_word(k + 1) {
            return true;
        }
        let Some(t) = self.tok(k).filter(|t| t.kind == Kind::Word && t.lex.is_none()) else {
            return false;
        };
        let w = &self.text.as_bytes()[t.start..t.end];
        w.len() > 4 && w[w.len() - 4..].eq_ignore_ascii_case(b"iest")
            || EST.iter().any(|s| w.eq_ignore_ascii_case(s.as_bytes()))
    }

    /// The date `n` units `u` (`D`, `W`, `M`, `Y`) ahead of `from` (the
    /// reference, or a narrative's last day), as "in N units" reads it: a day, or the month or year it falls in.
    pub(super) fn in_point(&self, from: Civil, n: i64, u: char, how: String) -> Option<Pt> {
        let d = match u {
            'D' => cal::add_days(from, n)?,
            'W' => cal::add_days(from, 7 * n)?,
            'M' => cal::add_months(from, n)?,
            'Y' => cal::add_months(from, 12 * n)?,
            _ => return None,
        };
        Some(match u {
            'M' => Pt::new(
                cal::fmt_month(d.year().into(), d.month() as u32),
                Grain::Month,
                "in-units",
                how,
            ),
            'Y' => Pt::new(cal::fmt_year(d.year().into()), Grain::Year, "in-units", how),
            _ => Pt::day(d, "in-units", how),
        })
    }

    /// "that day", "that same year", "that year": the last date the text named.
    pub(super) fn r_that(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn r_nth_weekday(&self, i: usize) -> Option<Cand> {
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

    /// The days of a list before its last one, when the last carries the
    /// written year ("March 3 and 4, 2003"): they take it too, unless they
    /// wrote their own. `chain` is a month-day and its tails, in order.
    pub(crate) fn share_tail_year(chain: &mut [Cand]) {
        let Some(last) = chain.last() else { return };
        if !last.rule.ends_with(TAIL_YEAR) {
            return;
        }
        let Some(year) = last.value.get(..4).map(str::to_owned) else { return };
        let n = chain.len();
        for c in &mut chain[..n - 1] {
            if c.rule.starts_with("month-day-year") || c.value.len() != 10 {
                continue;
            }
            let Some(day) = c.value.get(4..).map(|rest| format!("{year}{rest}")) else {
                continue;
            };
            // The day must exist in that year (February 29).
            if day.parse::<Civil>().is_err() {
                continue;
            }
            c.value = day;
            if let Some(r) = &c.range {
                let (b, e) = (r.begin(), r.end());
                let fix = |v: &str| match v.get(4..) {
                    Some(rest) if v.len() == 10 => format!("{year}{rest}"),
                    _ => v.to_owned(),
                };
                c.range = Some(TimexRange::new(fix(b), fix(e)));
            }
        }
        let first = chain[0].value.clone();
        if let Some(r) = &mut chain[n - 1].range {
            *r = TimexRange::new(first, r.end().to_owned());
        }
    }

    /// The second day of "April 24 and 25", "Sept. 3-5" written with spaces:
    /// a bare day number right after a month-day, in the same month.
    pub(crate) fn day_tail(&self, c: &Cand) -> Option<Cand> {
        if c.kind != TimexType::Date || c.grain != Grain::Day || !c.rule.starts_with("month-day") {
            return None;
        }
        let sep = c.e;
        let joins = |k: usize| {
            self.is_func(k, Func::And) || self.is_func(k, Func::Or) || self.punct(k, '&')
        };
        // "October 22, 23 and 24": a comma joins a day only inside a list
        // that goes on with "and", "or", "&" or another comma.
        let listed = self.punct(sep, ',')
            && self.day_num(sep + 1).is_some_and(|(_, e)| joins(e) || self.punct(e, ','));
        if !(joins(sep) || listed || self.is_func(sep, Func::To) || self.dash(sep)) {
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
        // "July 10 or 11 of 2003", "March 3 and 4, 2003": a year written
        // after the last day is the whole list's (`share_tail_year`).
        let written = if self.punct(e, ',') || self.is_func(e, Func::Of) {
            self.year_after(e + 1)
        } else {
            None
        };
        let (y, e, how) = match written {
            Some((y, e2)) => (y, e2, TAIL_YEAR),
            None => (y, e, ""),
        };
        let p = Pt::day(cal::date(y, m, d)?, "month-day-tail", how);
        let mut tail = p.into_cand(sep + 1, e);
        // A list shares its first day as the begin: "22, 23 and 24".
        let begin = c.range.as_ref().map_or(c.value.as_str(), |r| r.begin());
        let range = TimexRange::new(begin.to_owned(), tail.value.clone());
        tail.range = Some(range);
        Some(tail)
    }

    /// Whether "the future" (`the` at `the`, "future" at `j`) is the
    /// adjective before a singular noun: "the term of the future Polish
    /// government", "the future direction of this country" (as "the future
    /// contracts"). After "in" or "into" it is the time ("in the future we
    /// will"), and a verb, function word or "-ed"/"-ly" word after it ends
    /// the noun phrase ("the future is", "the future looked").
    #[cold]
    #[inline(never)]
    fn future_before_noun(&self, the: usize, j: usize) -> bool {
        let next = self.s(j + 1);
        self.is_word(the, "the")
            && !the.checked_sub(1).is_some_and(|k| self.is_word(k, "in") || self.is_word(k, "into"))
            && self.modifies_next(j)
            && self.tok(j + 1).is_some_and(|t| t.lex.is_none() && t.space)
            && self.lx.verb(next.as_bytes()).is_none()
            && !next.ends_with("ed")
            && !next.ends_with("ly")
    }

    /// Whether the word at `k`, after "now and", ends an idiom of
    /// recurrence ("every now and then", "now and again"): no time. Not
    /// after "between" ("between now and then").
    #[cold]
    #[inline(never)]
    fn now_and_idiom(&self, k: usize) -> bool {
        // "between now and then" spans from now.
        if self.is_func(k.wrapping_sub(3), Func::Between) {
            return false;
        }
        let Some(t) = self.tok(k) else { return false };
        let w = &self.text[t.start..t.end];
        self.lx.tables.now_and_idioms.iter().any(|idiom| self.lx.same_word(w, idiom))
    }

    /// Whether the word at `k` is a simple past or a participle, as the
    /// clause reading tells one ("took", "emerged"; `Parser::is_past_form`).
    fn past_verb(&self, k: usize) -> bool {
        !self.breaks(k)
            && self.tok(k).is_some_and(|t| t.kind == Kind::Word && self.is_past_form(self.s(k)))
    }

    /// "[these days]" ("days" at `i`, a determiner of
    /// `Tables::present_days` before it): the present, nowadays
    /// (PRESENT_REF), as TBAQ marks it ("hurt market makers more painfully
    /// these days"). Not days told apart from others ("these days ahead",
    /// "these days of", "these days before the vote", "spent these days
    /// in jail": the object of a past verb), nor a title ("These Days").
    fn present_days(&self, i: usize) -> Option<Cand> {
        if i == 0 || self.unit(i) != Some((Unit::Day, true)) || self.upper(i) || self.breaks(i) {
            return None;
        }
        let k = i - 1;
        if !self.lx.tables.present_days.iter().any(|w| self.lx.same_word(self.s(k), w))
            || matches!(self.lex(i + 1), Some(Lex::Rel(_) | Lex::Func(Func::Of)))
            || self.is_ahead_word(i + 1)
            || k > 0 && self.past_verb(k - 1)
        {
            return None;
        }
        let p = Pt::new("PRESENT_REF".into(), Grain::Unspecified, "present-days", "");
        Some(p.into_cand(k, i + 1))
    }

    /// PRESENT_REF, PAST_REF, FUTURE_REF words: "now", "currently", "recently",
    /// "the past", "the future", "soon", "recent".
    pub(super) fn r_ref(&self, i: usize) -> Option<Cand> {
        if let Some(c) = self.present_days(i) {
            return Some(c);
        }
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
            // "the near future", "the near term", "the short term", "the
            // very near future", "the immediate future" (TBAQ leaves "the
            // foreseeable future" unmarked: a stretch open to its end).
            let k = if self.is_word(j, "very") { j + 1 } else { j };
            if (self.is_word(k, "near") || self.is_word(k, "short"))
                && (self.is_word(k + 1, "term") || self.is_word(k + 1, "future"))
                || self.is_word(k, "immediate") && self.is_word(k + 1, "future")
            {
                let p = Pt::new("FUTURE_REF".into(), Grain::Unspecified, "near-future", "");
                return Some(p.into_cand(i, k + 2));
            }
        }
        let value = match self.lex(j)? {
            // TimeBank annotates "now" even in "now that ...".
            // "Democracy Now", "Current TV": titles and names.
            Lex::Deictic(Deictic::Now | Deictic::Current) if !the && self.deictic_in_title(j) => {
                return None;
            }
            Lex::Deictic(Deictic::Now) if !the => {
                if self.is_func(j + 1, Func::And) && self.now_and_idiom(j + 2) {
                    return None;
                }
                let e = self.emphatic(j + 1);
                let p = Pt::new("PRESENT_REF".into(), Grain::Unspecified, "reference-word", "");
                return Some(p.into_cand(i, e));
            }
            Lex::Deictic(Deictic::Present) if !the => "PRESENT_REF",
            Lex::Deictic(Deictic::Current) if !the => {
                // "current" alone; "current quarter" is handled as a relative period.
                if self.unit(j + 1).is_some() {
                    return None;
                }
                // "current account deficit", "alternating current": economics and
                // physics terms where "current" says nothing about time.
                if CURRENT_TERMS_AFTER.iter().any(|w| self.is_word(j + 1, w))
                    || j > 0 && CURRENT_TERMS_BEFORE.iter().any(|w| self.is_word(j - 1, w))
                {
                    return None;
                }
                // The noun "current": "the river's current", "the current was
                // cut", "against the current." (an adjective needs its noun).
                let noun_next = self.tok(j + 1).is_none_or(|t| t.kind == Kind::Punct)
                    || self.lx.verb(self.s(j + 1).as_bytes()).is_some_and(|v| {
                        matches!(v, Verb::Be | Verb::Was | Verb::Have | Verb::Did | Verb::Will)
                    });
                if noun_next {
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
            // "durante [un buen rato]", "después de [un tiempo]": a while.
            Lex::Deictic(d @ (Deictic::ShortWhile | Deictic::While)) if !the => {
                let prep = j > 0
                    && matches!(
                        self.lex(j - 1),
                        Some(Lex::Func(f)) if f.is_signal() || matches!(f, Func::Per | Func::In)
                    );
                if d == Deictic::While && (!prep || self.is_func(j + 1, Func::Of)) {
                    return None;
                }
                let v = if d == Deictic::While { "PXM" } else { "PTXM" };
                let p = Pt::new(v.into(), Grain::Unspecified, "a-while", "").duration();
                return Some(p.into_cand(i, j + 1));
            }
            // "desde entonces", "hasta entonces", "el presidente de entonces".
            Lex::Deictic(Deictic::Then) if !the => {
                let prep = j > 0
                    && matches!(
                        self.lex(j - 1),
                        Some(
                            Lex::Rel(Rel::Since)
                                | Lex::Func(Func::Until | Func::For | Func::Of | Func::In)
                        )
                    );
                if !prep {
                    return None;
                }
                "PAST_REF"
            }
            // "aquel entonces": the demonstrative inside.
            Lex::Func(Func::That)
                if self.lx.extended
                    && !the
                    && self.lex(j + 1) == Some(Lex::Deictic(Deictic::Then)) =>
            {
                let p = Pt::new("PAST_REF".into(), Grain::Unspecified, "that-then", "");
                return Some(p.into_cand(i, j + 2));
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
                // "a recent", not "the recent" ("la reciente creación").
                if j > 0
                    && (self.is_func(j - 1, Func::The) || self.is_func(j - 1, Func::A))
                    && !self.is_word(j - 1, "the")
                    && !(self.lx.extended && self.is_func(j - 1, Func::The))
                {
                    return None;
                }
                "PAST_REF"
            }
            Lex::Deictic(Deictic::FutureRef) if !the => {
                // TimeBank annotates "soon" only as an adverb of the clause
                // ("will soon", "soon to be"), not "as soon as", "soon after",
                // nor a sentence-initial "Soon"; nor one that tells a past
                // event ("but soon emerged in the pack", "the crowd soon
                // started dispersing", "He was soon released"): shortly after
                // another, no future.
                if j > 0 && self.is_word(j - 1, "as")
                    || self.upper(j)
                    || self.is_word(j + 1, "as")
                    || self.is_rel(j + 1, Rel::After)
                    || self.is_word(j + 1, "afterward")
                    || self.is_word(j + 1, "afterwards")
                    || self.lx.reads_clauses() && self.past_verb(j + 1)
                {
                    return None;
                }
                "FUTURE_REF"
            }
            // "el [futuro] campo", "al [futuro] parque", "en [futuras]
            // inversiones": an adjective after an article or a preposition,
            // before its noun (extended languages), without the article. An
            // adjective is lowercase (German "der Zukunft" is the noun), and
            // a word that opens a complement or a relative clause makes it
            // a noun ("el futuro que se llama España": `tail_breakers`).
            Lex::Deictic(Deictic::Future)
                if self.lx.extended
                    && !self.upper(j)
                    && !self
                        .lx
                        .tables
                        .tail_breakers
                        .iter()
                        .any(|w| self.lx.same_word(self.s(j + 1), w))
                    && j > 0
                    && matches!(
                        self.lex(j - 1),
                        Some(Lex::Func(Func::The | Func::Of | Func::In | Func::Per))
                    )
                    && self.tok(j + 1).is_some_and(|t| {
                        t.kind == Kind::Word && t.lex.is_none() && !t.upper && t.space
                    }) =>
            {
                let p = Pt::new(
                    "FUTURE_REF".into(),
                    Grain::Unspecified,
                    "reference-word-adjective",
                    "",
                );
                return Some(p.into_cand(j, j + 1));
            }
            Lex::Deictic(Deictic::Future) => {
                // "proyecto de futuro" (extended languages).
                let of = self.lx.extended && !the && j > 0 && self.is_func(j - 1, Func::Of);
                if !the
                    && !of
                    && !(j > 0 && (self.is_func(j - 1, Func::In) || self.is_word(j - 1, "near")))
                {
                    return None;
                }
                // "el futuro de las pensiones": a subject's future, no time.
                if self.lx.extended && self.is_func(j + 1, Func::Of) {
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
                if the && self.future_before_noun(i, j) {
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
        // "[more recently]", "[very soon]": an adverb of degree before the
        // word is inside (`Tables::degree_adverbs`), as TBAQ and MEANTIME
        // mark it; not "only recently", "too soon" (no such degree).
        if i == j
            && i > 0
            && matches!(self.lex(j), Some(Lex::Deictic(Deictic::PastRef | Deictic::FutureRef)))
            && !self.breaks(j)
            && self.tok(i - 1).is_some_and(|t| t.kind == Kind::Word)
            && self.lx.tables.degree_adverbs.iter().any(|w| self.lx.same_word(self.s(i - 1), w))
        {
            let p = Pt::new(value.into(), Grain::Unspecified, "reference-word", "degree");
            return Some(p.into_cand(i - 1, j + 1));
        }
        Some(Pt::new(value.into(), Grain::Unspecified, "reference-word", "").into_cand(i, j + 1))
    }
}

/// The `how` of a list's last day that carries the list's written year.
const TAIL_YEAR: &str = "written-year";

/// Nouns after which "current" is part of a fixed term, not a time: "current
/// account (deficit)", "current assets", "current liabilities", "current ratio".
/// TimeBank annotates "current" before ordinary nouns ("current market
/// conditions", "his current wife"), so only these terms are left out.
const CURRENT_TERMS_AFTER: &[&str] = &[
    "account",
    "accounts",
    "assets",
    "liabilities",
    "ratio",
    "density",
    "transformer",
    "affairs",
    "flow",
    "flows",
    "generator",
];

/// Words before a noun "current" (an electric or water current).
const CURRENT_TERMS_BEFORE: &[&str] =
    &["electric", "electrical", "alternating", "direct", "ocean", "rip", "strong", "jet", "tidal"];

/// What "the first ... of" counts in a month or year.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stretch {
    Day,
    Week,
    Weekend,
}

/// The same month and day in the nearest year (one or two years away)
/// whose weekday is `wd`.
fn year_agreeing(day: Civil, wd: u8) -> Option<Civil> {
    [-1i32, 1, -2, 2].into_iter().find_map(|dy| {
        let y = i32::from(day.year()) + dy;
        cal::date(y, day.month() as u32, day.day() as u32).filter(|d| cal::weekday(*d) == wd)
    })
}

/// Whether `before` ends with a clock's "a.m." or "pm" ("5 p.m. CT",
/// "10pm"), a zone abbreviation after it allowed.
fn after_clock(before: &str) -> bool {
    let mut b = before.trim_end().as_bytes();
    let word_at = b.iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(0, |k| k + 1);
    if super::times::is_zone_shaped(&b[word_at..]) {
        b = before[..word_at].trim_end().as_bytes();
    }
    let b = b.strip_suffix(b".").unwrap_or(b);
    let meridiem = [&b"a.m"[..], b"p.m", b"am", b"pm"]
        .into_iter()
        .find(|m| b.len() > m.len() && b[b.len() - m.len()..].eq_ignore_ascii_case(m));
    meridiem.is_some_and(|m| {
        let rest = b[..b.len() - m.len()].trim_ascii_end();
        rest.last().is_some_and(u8::is_ascii_digit)
    })
}
