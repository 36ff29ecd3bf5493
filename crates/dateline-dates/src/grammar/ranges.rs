//! Day ranges: "1-3 September" (one expression), and the bare first day
//! of "from 13 to 15 July" (a point of its own, linked to the second);
//! where the language's corpus writes every range so (WikiWars: "[11]—[12
//! листопада 1914]"), "1-3 September" too.

use jiff::civil::Date as Civil;

use super::{Cand, Parser, Pt};
use crate::cal;
use crate::lexicon::{Func, Lex};
use crate::timex::{Grain, TimexRange};

impl Parser<'_> {
    /// "1–3 September", "September 1-3, 2024": one expression with both ends.
    pub(super) fn r_day_range(&self, i: usize) -> Option<Cand> {
        // Day-led ("11—12 листопада" is two dates where the table says so).
        if let Some((d1, e1)) = self.day_num(i) {
            if self.dash(e1)
                && !self.lx.tables.split_day_ranges
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

impl Parser<'_> {
    /// The first day of a range whose month is written only once, at the
    /// end: "[13] to 15 July", "from [the 13th] to the 15th of July",
    /// "between [3] and 12 of Sept", "[23rd] through 26th Oct". The day takes
    /// the month and year of the day after the connector; the extractor then
    /// links the two as a range.
    pub(super) fn r_range_first_day(&self, i: usize) -> Option<Cand> {
        let k = if self.is_func(i, Func::The) { i + 1 } else { i };
        self.num(k)?;
        let (d1, e1) = self.day_num(k)?;
        let opener = i.checked_sub(1).and_then(|o| self.lex(o));
        let between = opener == Some(Lex::Func(Func::Between));
        let connects = match self.lex(e1) {
            Some(Lex::Func(Func::To | Func::Until | Func::Through)) => true,
            Some(Lex::Func(Func::And)) => between,
            // "del 7 al 11 de septiembre", "du 7 au 11 septembre": "to the"
            // in one word after "of the" in one.
            Some(Lex::Func(Func::Per | Func::At)) => {
                self.lx.extended
                    && opener == Some(Lex::Func(Func::Of))
                    && !self.glued(e1 + 1)
                    && self.num(e1 + 1).is_some()
            }
            _ => self.dash(e1) && (!self.glued(e1) || self.lx.tables.split_day_ranges),
        };
        // "22 and 23 October", "22 & 23 October": a list of days, each a date.
        let listed = !connects
            && (self.is_func(e1, Func::And) || self.is_func(e1, Func::Or) || self.punct(e1, '&'));
        if !connects && !listed {
            return None;
        }
        let j = if self.is_func(e1 + 1, Func::The) { e1 + 2 } else { e1 + 1 };
        let (p, _) = self.p_day_first(j)?;
        let d2 = p.day?;
        if d1 >= d2.day() as u32 {
            return None;
        }
        let day = cal::date(d2.year().into(), d2.month() as u32, d1)?;
        let rule = if listed { "list-first-day" } else { "range-first-day" };
        Some(Pt::day(day, rule, p.how).into_cand(i, e1))
    }
}

pub(super) fn range_cand(a: Civil, b: Civil, s: usize, e: usize) -> Cand {
    let n = cal::diff_days(a, b) + 1;
    let mut c = Pt::new(format!("P{n}D"), Grain::Day, "day-range", "").duration().into_cand(s, e);
    c.range = Some(TimexRange::new(cal::fmt_day(a), cal::fmt_day(b)));
    c
}
