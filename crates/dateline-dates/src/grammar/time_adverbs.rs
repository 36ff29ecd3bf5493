//! Adverbs of a part of the day or a season that are an expression alone:
//! "вночі", "увечері", "зранку", "влітку", "навесні" (Ukrainian), "ночью",
//! "летом" (Russian). WikiWarsUA marks every one of them; English "morning"
//! alone is a noun, so the forms are table data (`Tables::time_adverbs`).
//! A part of the day falls on the day the text named last in a narrative
//! (the story's day), otherwise on the reference day ("this morning"); a
//! season in the story's year, otherwise in the reference's.

use super::periods::season_code;
use super::{Cand, Parser, Pt};
use crate::lexicon::Lex;
use crate::timex::Grain;

impl Parser<'_> {
    pub(super) fn r_time_adverb(&self, i: usize) -> Option<Cand> {
        let adverbs = self.lx.tables.time_adverbs;
        if adverbs.is_empty() || !adverbs.iter().any(|w| self.lx.same_word(self.s(i), w)) {
            return None;
        }
        let story_day = self.doc.last_day.filter(|_| self.doc.narrative);
        let p = match self.lex(i)? {
            Lex::PartOfDay(part) => {
                let day = story_day.unwrap_or(self.r);
                let how = if story_day.is_some() { "story-day" } else { "reference-day" };
                Pt::time_on(day, part.code(), Grain::PartOfDay, "time-adverb", how)
            }
            Lex::Season(s) => {
                let (y, how) = match self.narrative_year() {
                    Some(y) => (y, "narrative-year"),
                    None => (i32::from(self.r.year()), "reference-year"),
                };
                let value = format!("{}-{}", crate::cal::fmt_year(y), season_code(s));
                Pt::new(value, Grain::Season, "time-adverb", how)
            }
            _ => return None,
        };
        Some(p.into_cand(i, i + 1))
    }
}
