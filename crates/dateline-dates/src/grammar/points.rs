//! Points: a date, optionally with a clock time or a part of the day
//! ("Tuesday morning", "March 5 at 3 p.m."), and the rule that wraps them.

use jiff::civil::Date as Civil;

use super::{Cand, Dir, Parser, Pt};
use crate::Direction;
use crate::cal;
use crate::lexicon::{Func, Hedge, Lex, PartOfDay, Unit};
use crate::timex::{Grain, Modifier, TimexType};

impl Parser<'_> {
    pub(super) fn r_point(&self, i: usize) -> Option<Cand> {
        // "around 7:15 p.m.", "about noon".
        if self.lex(i) == Some(Lex::Hedge(Hedge::About))
            && let Some((p, e)) = self.point(i + 1).filter(|(p, _)| p.kind == TimexType::Time)
        {
            return Some(Cand { modifier: Some(Modifier::Approx), ..p.into_cand(i, e) });
        }
        // A hedge begins no point itself ("about 20 people", 1,300 hedges
        // on news-small; test `a_hedge_is_no_point`).
        if !self.lx.extended && matches!(self.lex(i), Some(Lex::Hedge(_))) {
            return None;
        }
        let (p, e) = self.point(i)?;
        // "the 2008-09 financial crisis": the two years of an event.
        if p.rule == "split-year"
            && let Some(c) = p.value.parse().ok().and_then(|y| self.split_year_span(i, e, y))
        {
            return Some(c);
        }
        // "3pm each day", "9 a.m. every day": the time, every day.
        if p.rule == "clock"
            && matches!(self.lex(e), Some(Lex::Func(Func::Each | Func::Every)))
            && matches!(self.unit(e + 1), Some((Unit::Day, false)))
            && let Some((_, tm)) = p.value.split_once('T')
        {
            let s = Pt::new(format!("XXXX-XX-XXT{tm}"), Grain::Unspecified, "at-every-day", "");
            return Some(s.set().into_cand(i, e + 2));
        }
        Some(p.into_cand(i, e))
    }

    /// A DATE or TIME point, with times and parts of the day attached.
    pub(super) fn point(&self, i: usize) -> Option<(Pt, usize)> {
        // Time first: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 9".
        if let Some((tm, e)) = self.clock(i) {
            if let Some((dp, d, e2)) = self.day_after_clock(e) {
                let tm = in_part_of_day(&tm, &dp.value, self.meridiem_in(i, e));
                // A day named by its date, weekday or holiday: the midnight
                // of "tonight" ("comes into effect from midnight tonight")
                // can only be the one that ends it.
                let deictic = (e..e2).any(|k| matches!(self.lex(k), Some(Lex::Deictic(_))));
                let tm = if deictic || part_of(&dp.value).is_some() {
                    tm
                } else {
                    self.opening_midnight(i, e, tm)
                };
                let p = Pt::time_on(d, &tm, Grain::Minute, "time-date", dp.how);
                return Some((p, e2));
            }
            // "around 11pm local time on Wednesday night", "at 8 p.m. ET on
            // Friday", "until midday (0900 GMT) on Tuesday": the day named
            // after the zone (marked apart, as the zone is) is the clock's.
            let mut tm = tm;
            if let Some(k) = self.zone_tail(e) {
                if let Some((dp, d, _)) = self.day_after_clock(k) {
                    let tm = in_part_of_day(&tm, &dp.value, self.meridiem_in(i, e));
                    let p = Pt::time_on(d, &tm, Grain::Minute, "clock", "day-after-zone");
                    return Some((p, e));
                }
                // "explode at 6:15 [IST] in the evening": the part of the
                // day after the zone reads the clock, as it does right after
                // it ("6:15 in the evening").
                if let Some((pod, _)) = self.in_the_part_of_day(k) {
                    tm = shift(&tm, pod, self.meridiem_in(i, e));
                }
            }
            // "9 pm in the evening of December 6": the day named after the
            // part of the day (which is marked apart).
            if let Some((pod, e2)) = self.in_the_part_of_day(e)
                && let Some(d) = self.day_named_after_part(e2)
            {
                let tm = shift(&tm, pod, self.meridiem_in(i, e));
                let p = Pt::time_on(d, &tm, Grain::Minute, "clock", "day-named-after");
                return Some((p, e));
            }
            if let Some(d) = self.day_of_after_clock(e) {
                let tm = self.opening_midnight(i, e, tm);
                let p = Pt::time_on(d, &tm, Grain::Minute, "clock", "day-of-after");
                return Some((p, e));
            }
            // "Wednesday morning (0900 GMT)": a clock opening a bracket
            // right after a day restates that day's time.
            if i > 1
                && self.punct(i - 1, '(')
                && let Some(d) = self.day_before_bracket(i, e, &tm)
            {
                let p = Pt::time_on(d, &tm, Grain::Minute, "clock", "day-before-bracket");
                return Some((p, e));
            }
            // "[jeudi] à [11h]": a clock kept apart from the day just
            // before it is on that day, whatever the direction. Else, only
            // under `Direction::Context` (the news reading), the story's day.
            let apart = self.lx.tables.clock_apart.then(|| self.day_right_before(i)).flatten();
            let story =
                || (self.direction == Direction::Context).then(|| self.clock_story_day(i, e));
            let named = apart
                .map(|d| (d, "after-day"))
                .or_else(|| story().flatten().map(|d| (d, "story-day")));
            if named.is_none() && self.each_day_before(i) {
                let mut p = Pt::new(format!("T{tm}"), Grain::Minute, "clock", "each-day");
                p.kind = TimexType::Time;
                return Some((p, e));
            }
            let (day, tm, how) = match named {
                Some((d, how)) => (d, tm, how),
                None => match self.clock_day(&tm, self.meridiem_in(i, e)) {
                    (d, tm, "reference-day") if tm.starts_with("24:00") => {
                        self.midnight_day(i, e, d, tm)
                    }
                    day => day,
                },
            };
            let mut p =
                Pt::new(format!("{}T{}", cal::fmt_day(day), tm), Grain::Minute, "clock", how);
            p.kind = TimexType::Time;
            return Some((p, e));
        }
        // A bare hour before a day's part: "8 tonight", "nine tomorrow morning".
        if let Some(h) = self.bare_hour(i)
            && self.lex(i + 1).is_some()
            && !self.breaks(i + 1)
            && let Some((dp, e2)) = self.day_with_part(i + 1)
            && let Some(d) = dp.day
            && part_of(&dp.value).is_some()
        {
            let tm = in_part_of_day(&format!("{h:02}:00"), &dp.value, false);
            let p = Pt::time_on(d, &tm, Grain::Minute, "hour-date", dp.how);
            return Some((p, e2));
        }
        // Part of day first: "mid-afternoon yesterday". ("The night of Oct.
        // 23" stays a date: TimeBank marks only "Oct. 23".)
        if let Some((pod, e)) = self.part_of_day(i)
            && let Some((dp, e2)) = self.day_point(e).filter(|_| !self.breaks(e))
            && let Some(d) = dp.day
        {
            let p = Pt::time_on(d, pod.code(), Grain::PartOfDay, "part-of-day-date", dp.how);
            return Some((p, e2));
        }
        let (dp, e) = self.date_point(i)?;
        // A day followed by a part of the day or a time.
        if let Some(d) = dp.day
            && !self.breaks(e)
        {
            if let Some((pod, e2)) = self.part_of_day(e).or_else(|| self.in_the_part_of_day(e)) {
                let mut p = Pt::new(
                    format!("{}T{}", cal::fmt_day(d), pod.code()),
                    Grain::PartOfDay,
                    "date-part-of-day",
                    dp.how,
                );
                // TimeBank types "Wednesday night" mostly as a DATE (its values
                // vary between the day and the day with its part; we keep the
                // part, as TimeML 1.2.1 writes it), "yesterday afternoon" as a TIME.
                if dp.rule.starts_with("weekday") && !self.lx.tables.weekday_part_time {
                    p.kind = TimexType::Date;
                } else {
                    p.kind = TimexType::Time;
                }
                p.day = Some(d);
                // "Saturday morning at 9", "tomorrow evening at 5".
                if !self.lx.tables.clock_apart
                    && let Some((tm, e3)) = self.at_clock(e2, pod)
                {
                    let t = Pt::time_on(d, &tm, Grain::Minute, "date-part-of-day-time", p.how);
                    return Some((t, e3));
                }
                return Some((p, e2));
            }
            // "[samedi 4 janvier], à [18 h 30]": the clock is its own
            // expression on the day just named (`Tables::clock_apart`).
            if self.lx.tables.clock_apart {
                return Some((dp, e));
            }
            // "Friday at 3 p.m.", "Friday, 3 p.m.", "tomorrow 8:00am",
            // "this afternoon at 3:20" (past noon), "tonight at 8".
            if let Some(pod) = part_of(&dp.value)
                && let Some((tm, e2)) = self.at_clock(e, pod)
            {
                let p = Pt::time_on(d, &tm, Grain::Minute, "date-time", dp.how);
                return Some((p, e2));
            }
            // "Tuesday, at 14:00 UTC" too; not where the corpora keep a
            // clock after a named day apart ("samedi 4 janvier, à 18 h 30").
            let joins_comma = !self.lx.tables.clock_on_named_day;
            let e = if joins_comma && self.punct(e, ',') && self.at(e + 1) { e + 1 } else { e };
            let j = if self.at(e) { e + 1 } else { e };
            {
                let j = self.opt_comma(j);
                if let Some((tm, e2)) = self.clock(j) {
                    let p = Pt::time_on(d, &tm, Grain::Minute, "date-time", dp.how);
                    return Some((p, e2));
                }
            }
        }
        Some((dp, e))
    }

    /// "morning", "afternoon", "mid-afternoon", "late night".
    pub(super) fn part_of_day(&self, i: usize) -> Option<(PartOfDay, usize)> {
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

    /// "in the morning", "in the evening" after a day: "March 3 in the
    /// evening", "Friday in the afternoon".
    fn in_the_part_of_day(&self, i: usize) -> Option<(PartOfDay, usize)> {
        if !(self.is_func(i, Func::In) && self.is_func(i + 1, Func::The)) || self.breaks(i + 2) {
            return None;
        }
        match self.lex(i + 2) {
            Some(Lex::PartOfDay(p)) if !self.s(i + 2).ends_with('s') => Some((p, i + 3)),
            _ => None,
        }
    }

    /// The day named right after a clock that ends at `e`, past a comma
    /// and "on" ("5 p.m., Wednesday", "8 p.m. on Friday night"), with its
    /// date and end; none across a line break.
    fn day_after_clock(&self, e: usize) -> Option<(Pt, jiff::civil::Date, usize)> {
        let mut j = self.opt_comma(e);
        if self.is_func(j, Func::On) {
            j += 1;
        }
        if self.breaks(j) {
            return None;
        }
        let (dp, end) = self.day_with_part(j)?;
        let d = dp.day?;
        Some((dp, d, end))
    }

    /// The day named with "of" after the clock time ending at `e`, past its
    /// zone and, for the first time of a range, past the second time
    /// (`Tables::clock_day_of_after`): "a las 20.00 horas [del domingo]",
    /// "entre las 06.00 hora local ( 10.00 GMT ) y las 18.00 [de hoy]".
    fn day_of_after_clock(&self, e: usize) -> Option<Civil> {
        let noon = || {
            self.lx.tables.noon_day_of_after
                && matches!(
                    self.lex(e.wrapping_sub(1)),
                    Some(Lex::Func(Func::Noon | Func::Midnight))
                )
        };
        if !self.lx.tables.clock_day_of_after && !noon() {
            return None;
        }
        let mut k = self.zone_tail(e).unwrap_or(e);
        if matches!(self.lex(k), Some(Lex::Func(Func::And | Func::Until))) && !self.breaks(k + 1) {
            let j = if self.is_func(k + 1, Func::The) { k + 2 } else { k + 1 };
            let (_, e2) = self.clock(j)?;
            k = self.zone_tail(e2).unwrap_or(e2);
        }
        if !self.is_func(k, Func::Of) || self.breaks(k + 1) {
            return None;
        }
        self.day_point(k + 1)?.0.day
    }

    /// A day, with the part of the day that follows it ("tomorrow morning")
    /// or that it names ("tonight"). Calls no rule that combines times, so
    /// chains of numbers cannot recurse.
    fn day_with_part(&self, j: usize) -> Option<(Pt, usize)> {
        let (dp, e) = self.day_point(j)?;
        let d = dp.day?;
        if part_of(&dp.value).is_some() || self.breaks(e) {
            return Some((dp, e));
        }
        if let Some((pod, e2)) = self.part_of_day(e) {
            let p = Pt::time_on(d, pod.code(), Grain::PartOfDay, "date-part-of-day", dp.how);
            return Some((p, e2));
        }
        Some((dp, e))
    }

    /// A point that names one day (for combining with times).
    pub(super) fn day_point(&self, i: usize) -> Option<(Pt, usize)> {
        let (p, e) = self.date_point(i)?;
        p.day.map(|_| (p, e))
    }

    /// Any DATE point.
    pub(super) fn date_point(&self, i: usize) -> Option<(Pt, usize)> {
        let mut best: Option<(Pt, usize)> = None;
        let mut offer = |c: Option<(Pt, usize)>| {
            if let Some(c) = c
                && best.as_ref().is_none_or(|b| c.1 > b.1)
            {
                best = Some(c);
            }
        };
        // The readers that read a word at `i` (a month, a weekday, a
        // deictic or relative word, a season, a holiday, "week") are not
        // tried at an English number, most of the tokens read here (test
        // `word_readers_read_no_number`).
        let word = self.lx.extended || self.num(i).is_none();
        // Computed once: "Friday, 13 May" reads a weekday after either.
        let month_first = if word { self.p_month_first(i) } else { None };
        let day_first = self.p_day_first(i);
        let date_weekday = self.p_date_weekday(month_first.as_ref().or(day_first.as_ref()));
        offer(self.p_numeric(i));
        offer(month_first);
        offer(day_first);
        offer(if word { self.p_weekday(i) } else { None });
        offer(self.p_year(i));
        offer(if word { self.p_deictic(i) } else { None });
        offer(if word { self.p_relative(i) } else { None });
        offer(self.p_quarter(i));
        offer(if word { self.p_season(i) } else { None });
        offer(self.p_decade(i));
        offer(if word { self.p_holiday(i) } else { None });
        offer(if word { self.p_week_number(i) } else { None });
        offer(self.p_week_of(i));
        offer(date_weekday);
        // Word orders and words English does not have (`word_order.rs`).
        if self.lx.extended {
            self.extended_date_points(i, &mut offer);
        }
        best
    }

    /// The DATE points of the extended grammar, offered after the others
    /// (out of line: English never reads them, and kept apart they leave
    /// `date_point`'s code compact).
    #[inline(never)]
    fn extended_date_points(&self, i: usize, offer: &mut dyn FnMut(Option<(Pt, usize)>)) {
        offer(self.p_rel_after_noun(i));
        offer(self.p_shifted(i));
        offer(self.p_deictic_weekday(i));
        offer(self.p_day_word(i));
        offer(self.p_weekend_on(i));
        offer(self.p_day_list(i));
        offer(self.p_century_roman(i));
        offer(self.p_century_dot(i));
        offer(self.p_the_part_of_day(i));
        offer(self.p_the_unit_from_story(i));
        offer(self.p_part_of_day_of(i));
        offer(self.p_decade_plural(i));
        if self.lx.fused_forms {
            offer(self.p_year_noun(i));
            offer(self.p_decade_suffix(i));
        }
    }

    /// "at", or "@" in chat and listings.
    fn at(&self, i: usize) -> bool {
        self.is_func(i, Func::At) || self.punct(i, '@')
    }

    /// An hour alone, in digits or words, 1 to 12: "8", "eight".
    fn bare_hour(&self, i: usize) -> Option<u32> {
        let h = match (self.num(i), self.lex(i)) {
            (Some((h, 1..=2)), _) => h,
            (None, Some(Lex::Number(h))) => h,
            _ => return None,
        };
        (1..=12).contains(&h).then_some(h)
    }

    /// Whether tokens `s..e` fix the half of the clock: "a.m.", "p.m.",
    /// noon, midnight, "in the morning", a glued "a"/"p" ("3:18a") or the
    /// 24-hour "h" ("3h18").
    fn meridiem_in(&self, s: usize, e: usize) -> bool {
        (s..e).any(|k| {
            matches!(
                self.lex(k),
                Some(
                    Lex::Func(Func::Am | Func::Pm | Func::Noon | Func::Midnight)
                        | Lex::PartOfDay(_)
                )
            ) || k > s && self.glued(k) && ["a", "p", "h"].iter().any(|w| self.is_word(k, w))
        })
    }

    /// A clock time after a part of the day: "at 3:20", "@ 9", "at eight";
    /// the hour moves past noon in the afternoon, evening and night.
    fn at_clock(&self, i: usize, pod: PartOfDay) -> Option<(String, usize)> {
        let at = self.at(i);
        let j = if at { i + 1 } else { i };
        if let Some((tm, e)) = self.clock(j) {
            return Some((shift(&tm, pod, self.meridiem_in(j, e)), e));
        }
        let h = self.bare_hour(j).filter(|_| at)?;
        Some((shift(&format!("{h:02}:00"), pod, false), j + 1))
    }

    /// Whether the clock time at `i` is one of every day, in a language
    /// with words for it: one of them within the four tokens before, on
    /// its line ("jeweils 20 Uhr", "wochentags von 14 bis 18 Uhr"), or a
    /// list of days right before ("am 25. und 26. August von 10-18 Uhr").
    fn each_day_before(&self, i: usize) -> bool {
        let words = self.lx.tables.each_day_words;
        !words.is_empty()
            && ((i.saturating_sub(4)..i)
                .rev()
                .take_while(|&k| !self.breaks(k + 1))
                .any(|k| words.iter().any(|w| self.is_word(k, w)))
                || self.after_day_list(i))
    }

    /// Whether the day the text named last ends a list of days ("25. und
    /// 26. August") that ends at most three tokens before `i`.
    fn after_day_list(&self, i: usize) -> bool {
        let Some((_, start, end)) = self.doc.last_day_span else { return false };
        let first = self.t.partition_point(|t| t.start < start);
        let after = self.t.partition_point(|t| t.end <= end);
        if self.t.get(first).is_none_or(|t| t.start != start) || i < after || i - after > 3 {
            return false;
        }
        // "25. und", "25, ": a day number before "and" or a comma.
        let Some(joint) = first.checked_sub(1) else { return false };
        let number = |k: usize| {
            self.num(k).is_some()
                || self.punct(k, '.') && k.checked_sub(1).is_some_and(|n| self.num(n).is_some())
        };
        (self.is_func(joint, Func::And) || self.punct(joint, ','))
            && joint.checked_sub(1).is_some_and(number)
    }

    /// The day of the clock time `tm` at tokens `i..e`, which opens a
    /// bracket right after an expression that names a day ("Wednesday
    /// morning (0900 GMT)", "Friday, July 3 (1500 UTC)"): that day. After
    /// a clock time with its zone ("3:15 a.m. JST (1815 UTC)"), a UTC time
    /// more than 12 hours after it or 14 before lies on the day before or
    /// after, as zones lie at most that far from UTC.
    #[cold]
    #[inline(never)]
    fn day_before_bracket(&self, i: usize, e: usize, tm: &str) -> Option<Civil> {
        let (day, end, hour) = self.doc.last_dated?;
        if self.tok(i - 2)?.end != end {
            return None;
        }
        let utc = |k: usize| self.lex(k) == Some(Lex::ZoneUtc);
        // (Midnight written 24:00 is the day's end: no shift is read.)
        let Some(h1) = hour.filter(|&h| h < 24 && (utc(e - 1) || utc(e))) else {
            return Some(day);
        };
        let h2: i64 = tm.get(..2)?.parse().ok()?;
        cal::add_days(day, cal::utc_day_shift((i64::from(h1) - h2) * 60)?)
    }

    /// The day an expression ending right before token `i` names, with
    /// nothing or only "at", "on" or a comma between ("jeudi à", "1.
    /// September 1939 um", "Donnerstag 9:30").
    fn day_right_before(&self, i: usize) -> Option<Civil> {
        let mut k = i;
        while k > 0
            && (self.punct(k - 1, ',')
                || self.is_func(k - 1, Func::At)
                || self.is_func(k - 1, Func::On))
        {
            k -= 1;
        }
        let (day, _, end) = self.doc.last_day_span?;
        (k > 0 && self.tok(k - 1)?.end == end).then_some(day)
    }

    /// The clock `tm` of tokens `i..e` on a named day, a midnight there
    /// written 00:00 when something begins at it (see
    /// [`Self::midnight_begins_day`]).
    fn opening_midnight(&self, i: usize, e: usize, tm: String) -> String {
        match tm.strip_prefix("24:00") {
            Some(rest) if self.midnight_begins_day(i, e) => format!("00:00{rest}"),
            _ => tm,
        }
    }

    /// Whether the midnight at `i..e`, "at" ("from") a day named after it,
    /// is when something begins: a word of beginning in its sentence
    /// (`Tables::beginning_words`) nearer than one of ending. Then it is the
    /// midnight that opens the day, not the one that closes it: "At
    /// midnight on November 24, a new licensing law ... came into effect",
    /// "starting at midnight on August 9", "The strike began at midnight on
    /// Monday (18:00 Sunday EST)", "took effect at midnight of New Year's
    /// Day" (issue 17, seed 52). Not "Around midnight on Sunday, a pair of
    /// bombs exploded", "is to be lifted at midnight Monday", "begins at 10
    /// p.m. and ends at midnight on Friday".
    #[cold]
    #[inline(never)]
    fn midnight_begins_day(&self, i: usize, e: usize) -> bool {
        // Bytes read on each side: the tokens the parser holds may end
        // before the sentence does ("... came into effect").
        const SPAN: usize = 300;
        let t = self.lx.tables;
        if t.beginning_words.is_empty()
            || i == 0
            || !(self.is_func(i - 1, Func::At) || self.is_func(i - 1, Func::From))
        {
            return false;
        }
        let (Some(first), Some(last)) = (self.tok(i), self.tok(e - 1)) else { return false };
        let ends_sentence = |w: &[u8]| matches!(w, [b'\n', ..] | [b'.' | b'!' | b'?', b' ', ..]);
        let before = self.text_back(first.start, SPAN).unwrap_or("");
        let before = (0..before.len())
            .rev()
            .find(|&k| ends_sentence(&before.as_bytes()[k..]))
            .map_or(before, |k| &before[k + 1..]);
        let after = self.text.get(last.end..).unwrap_or("");
        let after = &after[..crate::scan::ceil_boundary(after, SPAN.min(after.len()))];
        let after = (0..after.len())
            .find(|&k| ends_sentence(&after.as_bytes()[k..]))
            .map_or(after, |k| &after[..k]);
        let cue = |w: &str| {
            if t.beginning_words.iter().any(|c| self.lx.same_word(w, c)) {
                Some(true)
            } else if t.ending_words.iter().any(|c| self.lx.same_word(w, c)) {
                Some(false)
            } else {
                None
            }
        };
        // The cue nearest the midnight decides, on either side within its
        // sentence: "came into effect, ... in force until then" begins.
        let not_letter = |c: char| !c.is_alphabetic();
        let mut left = before.split(not_letter).filter(|w| !w.is_empty()).rev();
        let mut right = after.split(not_letter).filter(|w| !w.is_empty());
        loop {
            let (l, r) = (left.next(), right.next());
            if l.is_none() && r.is_none() {
                return false;
            }
            if let Some(b) = l.and_then(cue).or_else(|| r.and_then(cue)) {
                return b;
            }
        }
    }

    /// The day of a midnight read on the reference day `day` (tokens
    /// `i..e`): the midnight that opened it when its clause reads past ("The
    /// bombing lasted until midnight", "passed the bill shortly after midnight",
    /// "were executed by firing squad shortly after midnight"), 24:00 of the
    /// day before; the one that closes the reference day has not come when
    /// the article tells of it as gone. Not when the lede tells the story on
    /// the reference day itself ("launches a fresh wave of attacks ...
    /// Friday" in a Friday article): its night may run past the day's end
    /// ("A second ship was hit by a rocket past midnight"). Only under
    /// `Direction::Context` (the news reading) and in a language whose
    /// clauses are read.
    #[cold]
    #[inline(never)]
    fn midnight_day(
        &self,
        i: usize,
        e: usize,
        day: Civil,
        tm: String,
    ) -> (Civil, String, &'static str) {
        if self.direction == Direction::Context
            && self.lx.reads_clauses()
            && self.doc.lede_day != Some(day)
            && matches!(self.clause_direction(i, e), Some((Dir::Past, _)))
            && let Some(before) = cal::add_days(day, -1)
        {
            return (before, tm, "past-midnight");
        }
        (day, tm, "reference-day")
    }

    /// The day (and reading) of a clock time that names no day. It is the
    /// reference day, unless the caller gave a reference time and a
    /// direction: then it is the next (last, nearest) such time, and a time
    /// without a.m./p.m. ("3:30") may be read on either half of the clock.
    fn clock_day(&self, tm: &str, explicit: bool) -> (Civil, String, &'static str) {
        let reference = (self.r, tm.to_owned(), "reference-day");
        let dir = match self.direction {
            Direction::Future => Dir::Future,
            Direction::Past => Dir::Past,
            Direction::Nearest => Dir::Nearest,
            // "Freitag ... Um 9 Uhr startet": the day the text named last.
            _ if self.lx.tables.clock_on_named_day
                && let Some(d) = self.doc.last_day =>
            {
                return (d, tm.to_owned(), "named-day");
            }
            _ => return reference,
        };
        let (Some(now), Some(h), Some(rest)) =
            (self.now(), tm.get(..2).and_then(|h| h.parse::<i8>().ok()), tm.get(2..))
        else {
            return reference;
        };
        let (m, s) = (
            rest.get(1..3).and_then(|m| m.parse::<i8>().ok()).unwrap_or(0),
            rest.get(4..6).and_then(|s| s.parse::<i8>().ok()).unwrap_or(0),
        );
        let hours: &[i8] = if !explicit && (1..12).contains(&h) { &[h, h + 12] } else { &[h % 24] };
        let mut options = Vec::new();
        for &hh in hours {
            for day in [-1, 0, 1] {
                if let Some(d) = cal::add_days(self.r, day) {
                    let t = d.at(hh, m, s, 0);
                    options.push((t, seconds_between(now, t)));
                }
            }
        }
        let pick = match dir {
            Dir::Future => options.iter().filter(|o| o.1 >= 0).min_by_key(|o| o.1),
            Dir::Past => options.iter().filter(|o| o.1 <= 0).max_by_key(|o| o.1),
            Dir::Nearest => options.iter().min_by_key(|o| o.1.abs()),
        };
        let Some(&(t, _)) = pick else { return reference };
        let seconds = rest.len() > 3;
        let v = cal::fmt_datetime(t, seconds);
        (t.date(), v[11..].to_owned(), "reference-time")
    }
}

/// The part of the day a value names: "2013-02-12TEV" -> evening.
pub(super) fn part_of(value: &str) -> Option<PartOfDay> {
    let (_, code) = value.rsplit_once('T')?;
    [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening, PartOfDay::Night]
        .into_iter()
        .find(|p| p.code() == code)
}

/// A clock time read inside the part of the day that `value` names.
fn in_part_of_day(tm: &str, value: &str, explicit: bool) -> String {
    match part_of(value) {
        Some(pod) => shift(tm, pod, explicit),
        None => tm.to_owned(),
    }
}

/// "3:20" in the afternoon is 15:20, "8" at night 20:00; an explicit
/// meridiem, a 24-hour time or a morning leave it as it is. At night only
/// 5 to 11 move ("tonight at 2" may be after midnight).
pub(super) fn shift(tm: &str, pod: PartOfDay, explicit: bool) -> String {
    let Some(h) = tm.get(..2).and_then(|h| h.parse::<u32>().ok()) else {
        return tm.to_owned();
    };
    let moves = match pod {
        PartOfDay::Afternoon | PartOfDay::Evening => (1..12).contains(&h),
        PartOfDay::Night => (5..12).contains(&h),
        _ => false,
    };
    if explicit || !moves {
        return tm.to_owned();
    }
    format!("{:02}{}", h + 12, tm.get(2..).unwrap_or(""))
}

/// Seconds from `a` to `b`.
fn seconds_between(a: jiff::civil::DateTime, b: jiff::civil::DateTime) -> i64 {
    let secs = |t: jiff::civil::DateTime| {
        i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second())
    };
    cal::diff_days(a.date(), b.date()) * 86_400 + secs(b) - secs(a)
}
