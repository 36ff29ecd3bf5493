//! Years marked by the word after them: a year noun ("1914 року", "в 1914
//! году", "1918 р.") or an era before the common era ("264 до н. е.",
//! "218–201 рр. до н. е.").
//!
//! Languages that inflect the word "year" after every year of a narrative
//! name their years this way, and the noun is what tells a year from a
//! count ("1914 року" is 1914, "п'ять років" five years). The nouns and
//! eras are table data (`Tables::year_nouns`, `Tables::era_bc`); a table
//! without them switches the rule off at its first check.

use super::periods::season_code;
use super::{Cand, Parser, Pt};
use crate::cal;
use crate::lexicon::Lex;
use crate::timex::Grain;

impl Parser<'_> {
    /// A year noun of the language at `i` ("року", "р.", "года", "г."),
    /// with a glued dot after it; returns the end.
    pub(super) fn year_noun(&self, i: usize) -> Option<usize> {
        let nouns = self.lx.tables.year_nouns;
        if nouns.is_empty() || self.breaks(i) {
            return None;
        }
        let t = self.tok(i).filter(|t| t.kind == crate::token::Kind::Word)?;
        let word = &self.text[t.start..t.end];
        nouns.iter().any(|n| self.lx.same_word(word, n)).then(|| self.opt_dot(i + 1))
    }

    /// An era before the common era at `i` ("до н. е.", "до нашої ери",
    /// "до н.э."): the table's word sequence, with dots between the words;
    /// returns the end (after a last glued dot).
    pub(super) fn era_bc(&self, i: usize) -> Option<usize> {
        self.lx.tables.era_bc.iter().find_map(|words| {
            let mut k = i;
            for (n, w) in words.iter().enumerate() {
                // A table word spelled with its dot ("chr.") is an
                // abbreviation that takes it ("v. Chr.").
                let (w, dotted) = w.strip_suffix('.').map_or((*w, false), |w| (w, true));
                let t = self.tok(k).filter(|t| t.kind == crate::token::Kind::Word)?;
                if (n > 0 && self.breaks(k)) || !self.lx.same_word(&self.text[t.start..t.end], w) {
                    return None;
                }
                k += 1;
                // The dot of an abbreviation ("н. е."), not a sentence's end.
                if self.punct(k, '.') && (dotted || w.chars().count() <= 2) {
                    k += 1;
                }
            }
            Some(k)
        })
    }

    /// A number of up to four digits at `i` marked as a year by what
    /// follows it: "1914 року" (the noun inside or not as the table says:
    /// `year_nouns_inside`), "264 до н. е." (BC0264, the era
    /// inside), "146 рр. до н. е.", and the first year of a range whose
    /// second is BC ("[218]–201 рр. до н. е." is BC0218).
    pub(super) fn p_marked_year(&self, i: usize) -> Option<(Pt, usize)> {
        if self.lx.tables.year_nouns.is_empty() && self.lx.tables.era_bc.is_empty() {
            return None;
        }
        let (y, digits) = self.num(i)?;
        if !(1..=4).contains(&digits)
            || y == 0
            || i > 0 && self.glued(i) && self.num(i - 1).is_some()
        {
            return None;
        }
        let after_noun = |k: usize| self.year_noun(k).unwrap_or(k);
        // The era after this year, or after the year that closes its range.
        let era = self.era_bc(after_noun(i + 1)).map(|e| (e, true)).or_else(|| {
            let (second, d2) = self.num(i + 2).filter(|_| self.dash(i + 1))?;
            (d2 <= 4 && second > 0 && second <= y)
                .then(|| self.era_bc(after_noun(i + 3)))
                .flatten()
                .map(|_| (i + 1, false))
        });
        if let Some((e, whole)) = era {
            let end = if whole { e } else { i + 1 };
            let value = format!("BC{y:04}");
            return Some((Pt::new(value, Grain::Year, "year-era-bc", ""), end));
        }
        let year = (digits == 4 && (1000..=2999).contains(&y)).then_some(y as i32);
        // The first year of a range whose second is marked ("[1776]-1777
        // рр.", "1918–1920 років").
        if let Some(y) = year
            && self.dash(i + 1)
            && let Some((second, 4)) = self.num(i + 2)
            && second > y as u32
            && self.year_noun(i + 3).is_some()
        {
            return Some((Pt::new(cal::fmt_year(y), Grain::Year, "year-noun-range", ""), i + 1));
        }
        // A timeline's heading: "1980: вторгнення", "1789—1794".
        if let Some(y) = year
            && self.lx.tables.heading_years
            && (i == 0 || self.breaks(i))
            && self.tok(i + 1).is_none_or(|t| {
                t.newline
                    || t.is_punct(':')
                    || t.is_dash() && self.num(i + 2).is_some_and(|(n, d)| d == 4 && n > y as u32)
            })
        {
            return Some((Pt::new(cal::fmt_year(y), Grain::Year, "year-heading", ""), i + 1));
        }
        // The second year of a heading's range ("1789—[1794]").
        if let Some(y) = year
            && self.lx.tables.heading_years
            && i >= 2
            && self.dash(i - 1)
            && self.breaks(i - 2)
            && self.num(i - 2).is_some_and(|(n, d)| d == 4 && n < y as u32)
            && self.tok(i + 1).is_none_or(|t| t.newline || t.is_punct(':'))
        {
            return Some((Pt::new(cal::fmt_year(y), Grain::Year, "year-heading", ""), i + 1));
        }
        // A year noun makes a year of four digits ("1914 року"); a shorter
        // number before one is a count ("2 роки") unless a date opens it.
        if digits == 4 && (1000..=2999).contains(&y) && self.year_noun(i + 1).is_some() {
            let inside = self
                .lx
                .tables
                .year_nouns_inside
                .iter()
                .any(|n| self.lx.same_word(self.s(i + 1), n));
            let end = if inside { i + 2 } else { i + 1 };
            return Some((Pt::new(cal::fmt_year(y as i32), Grain::Year, "year-noun", ""), end));
        }
        None
    }

    /// A month or season of a year before the common era: "березні 241 до
    /// н. е." (BC0241-03), "навесні 264 до н. е." (BC0264-SP).
    pub(super) fn r_bc_period(&self, i: usize) -> Option<Cand> {
        let code = match self.lex(i)? {
            Lex::Month(m) => format!("{m:02}"),
            Lex::Season(s) => season_code(s).to_owned(),
            _ => return None,
        };
        let (year, e) = self.p_marked_year(i + 1).filter(|(p, _)| p.value.starts_with("BC"))?;
        // Not the first year of a range ("березні [218]–201 рр. до н. е."):
        // the era must follow this year.
        if e <= i + 2 {
            return None;
        }
        let grain = if code.len() == 2 && code.bytes().all(|b| b.is_ascii_digit()) {
            Grain::Month
        } else {
            Grain::Season
        };
        let value = format!("{}-{code}", year.value);
        Some(Pt::new(value, grain, "period-era-bc", "").into_cand(i, e))
    }
}
