//! The night before a day, named by the day it leads into: "ніч на 4
//! серпня", "в ночь с 3 на 4 августа" (Ukrainian and Russian). WikiWarsUA
//! annotates it as a TIME of the day named (the first day of a "з 29 на
//! 30" pair). The prepositions are table data (`Tables::night_into`).

use super::{Cand, Parser, Pt};
use crate::cal;
use crate::lexicon::{Func, Lex, PartOfDay};
use crate::timex::Grain;

impl Parser<'_> {
    /// "ніч на 4 серпня", "ночь с 3 на 4 августа": the night before the
    /// day named, a TIME of the day WikiWarsUA gives it (the day after
    /// "на", or the first day of "з 29 на 30"). The prepositions are table
    /// data (`Tables::night_into`); English "the night of Oct. 23" stays a
    /// date, as TimeBank marks it.
    pub(super) fn r_night_into(&self, i: usize) -> Option<Cand> {
        let into = self.lx.tables.night_into;
        if into.is_empty() || self.lex(i) != Some(Lex::PartOfDay(PartOfDay::Night)) {
            return None;
        }
        let is_into = |k: usize| into.iter().any(|w| self.lx.same_word(self.s(k), w));
        let mut j = i + 1;
        let mut first = None;
        if self.is_func(j, Func::From)
            && let Some((d1, k)) = self.day_num(j + 1)
        {
            first = Some(d1);
            j = k;
        }
        if !is_into(j) || self.breaks(j) {
            return None;
        }
        let (p, e) = self.p_day_first(j + 1)?;
        let day = p.day?;
        let day = match first {
            Some(d1) => cal::date(day.year().into(), day.month() as u32, d1)?,
            None => day,
        };
        Some(Pt::time_on(day, "NI", Grain::PartOfDay, "night-into", p.how).into_cand(i, e))
    }
}
