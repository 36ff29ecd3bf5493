//! Points: a date, optionally with a clock time or a part of the day
//! ("Tuesday morning", "March 5 at 3 p.m."), and the rule that wraps them.

use super::{Cand, Parser, Pt};
use crate::cal;
use crate::lexicon::{Func, Hedge, Lex, PartOfDay};
use crate::timex::{Grain, Modifier, TimexType};

impl Parser<'_> {
    pub(super) fn r_point(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn point(&self, i: usize) -> Option<(Pt, usize)> {
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
}
