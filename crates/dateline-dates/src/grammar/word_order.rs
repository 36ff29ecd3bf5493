//! Word orders English does not use, switched on by the language's tables
//! (`Tables::rel_after_noun`, `Tables::ago`), so that English never reaches
//! past the first check:
//!
//! * a relative word after its noun: "mardi dernier", "le 6 mai dernier",
//!   "l'année prochaine", "el lunes pasado", "junio pasado";
//! * a relative word before a day and month: "el próximo 2 de mayo";
//! * "ago" before the quantity, inside the expression: "hace tres años";
//! * one word for a shifted unit: "heuer", "Vorjahr", "übermorgen";
//! * vague spans (`Tables::vague_spans`): "los últimos días", "ces derniers
//!   jours", "estos días", and "hoy, jueves" as one expression.

use super::durations::{duration_value, parse_simple_duration};
use super::periods::season_code;
use super::{Cand, Parser, Pt, unit_grain};
use crate::cal;
use crate::lexicon::{AgoBefore, Deictic, Func, Lex, PartOfDay, Rel, Unit};
use crate::timex::{Grain, Modifier};
use crate::token::Kind;

impl Parser<'_> {
    /// The shift a relative word at `i` names: -1 ("dernier", "pasado"),
    /// +1 ("prochain", "próximo"), or `None`.
    pub(super) fn shift_word(&self, i: usize) -> Option<i32> {
        match self.lex(i)? {
            Lex::Rel(Rel::Last | Rel::Previous) | Lex::Deictic(Deictic::Past) => Some(-1),
            Lex::Rel(Rel::Next | Rel::Coming | Rel::Following) => Some(1),
            _ => None,
        }
    }

    /// A weekday, month, day and month, or unit followed by a relative word
    /// ("mardi dernier", "septembre dernier", "le 6 mai dernier", "el año
    /// próximo"), or a relative word before a day and month ("el próximo 2
    /// de mayo").
    pub(super) fn p_rel_after_noun(&self, i: usize) -> Option<(Pt, usize)> {
        if !self.lx.tables.rel_after_noun {
            return None;
        }
        let j = if self.is_func(i, Func::The) { i + 1 } else { i };
        // "el próximo 2 de mayo", "el pasado 25 de julio".
        if let Some(shift) = self.shift_word(j)
            && let Some((p, e)) = self
                .p_day_first(j + 1)
                .filter(|(p, _)| p.rule == "day-month")
                .or_else(|| self.p_day_word(j + 1))
            && let Some(d) = p.day
        {
            // "el pasado día 3": a day named without its month is the last
            // (next) day of that number before (after) the reference.
            let day = if p.rule == "day-word" {
                self.shifted_month_day(d.day() as u32, shift)?
            } else {
                self.shifted_day(d.month() as u32, d.day() as u32, shift)?
            };
            return Some((Pt::day(day, "rel-day-month", ""), e));
        }
        // "el pasado septiembre", "del pasado mes de mayo", "el próximo mes
        // de septiembre": the relative word before a month.
        if let Some(shift) = self.shift_word(j) {
            let k = if matches!(self.unit(j + 1), Some((Unit::Month, false)))
                && self.is_func(j + 2, Func::Of)
            {
                j + 3
            } else {
                j + 1
            };
            if let Some(Lex::Month(m)) = self.lex(k) {
                return Some((self.month_shifted(u32::from(m), shift), k + 1));
            }
        }
        // "el mes de septiembre del 2001", "le mois de juin": the month
        // the noun names.
        if matches!(self.unit(j), Some((Unit::Month, false)))
            && self.is_func(j + 1, Func::Of)
            && matches!(self.lex(j + 2), Some(Lex::Month(_)))
            && let Some((p, e)) = self.date_point(j + 2).filter(|(p, _)| p.grain == Grain::Month)
        {
            return Some((p, e));
        }
        // The noun, then the relative word.
        if let Some((p, e)) = self.p_day_first(j).filter(|(p, _)| p.rule == "day-month")
            && let Some(shift) = self.shift_word(e)
            && let Some(d) = p.day
        {
            let day = self.shifted_day(d.month() as u32, d.day() as u32, shift)?;
            return Some((Pt::day(day, "day-month-rel", ""), e + 1));
        }
        let shift = self.shift_word(j + 1)?;
        let e = j + 2;
        let r = self.r;
        let ry = i32::from(r.year());
        match self.lex(j)? {
            Lex::Weekday(wd @ 1..=7) => {
                let cur = i64::from(cal::weekday(r));
                let wd = i64::from(wd);
                let delta = if shift < 0 {
                    -(cur - wd - 1).rem_euclid(7) - 1
                } else {
                    (wd - cur - 1).rem_euclid(7) + 1
                };
                Some((Pt::day(cal::add_days(r, delta)?, "weekday-rel", ""), e))
            }
            Lex::Month(m) => Some((self.month_shifted(u32::from(m), shift), e)),
            // "el verano pasado", "l'été dernier": as "last summer".
            Lex::Season(sn) => {
                let y = self.shifted_season_year(sn, shift);
                let v = format!("{}-{}", cal::fmt_year(y), season_code(sn));
                Some((Pt::new(v, Grain::Season, "season-rel", ""), e))
            }
            Lex::Unit(u, false) => {
                let n = i64::from(shift);
                let p = match u {
                    // "el día anterior", "al día siguiente": next to the day
                    // the text named last, as "the day before" closing a
                    // clause (or to the reference).
                    Unit::Day => {
                        let anchor = self.doc.last_day.unwrap_or(r);
                        Pt::day(cal::add_days(anchor, n)?, "unit-rel", "anchored")
                    }
                    Unit::Week => {
                        let (y, w) = cal::iso_week(cal::add_days(r, 7 * n)?);
                        Pt::new(cal::fmt_week(y, w), Grain::Week, "unit-rel", "")
                    }
                    Unit::Month => {
                        let d = cal::add_months(r, n)?;
                        let v = cal::fmt_month(d.year().into(), d.month() as u32);
                        Pt::new(v, Grain::Month, "unit-rel", "")
                    }
                    Unit::Quarter => {
                        let d = cal::add_months(r, 3 * n)?;
                        let v =
                            format!("{}-Q{}", cal::fmt_year(d.year().into()), cal::quarter_of(d));
                        Pt::new(v, Grain::Quarter, "unit-rel", "")
                    }
                    Unit::Year => Pt::new(cal::fmt_year(ry + shift), Grain::Year, "unit-rel", ""),
                    // "la década pasada", "el siglo pasado", "le siècle
                    // dernier": as "the last decade (century)".
                    Unit::Decade => {
                        let y = ry + 10 * shift;
                        Pt::new(format!("{:03}", y / 10), Grain::Decade, "unit-rel", "")
                    }
                    Unit::Century => {
                        let y = ry + 100 * shift;
                        Pt::new(format!("{:02}", y / 100), Grain::Century, "unit-rel", "")
                    }
                    _ => return None,
                };
                Some((p, e))
            }
            _ => None,
        }
    }

    /// The last (`shift` -1) or next (+1) month `m` before or after the
    /// reference month.
    fn month_shifted(&self, m: u32, shift: i32) -> Pt {
        let (ry, rm) = (i32::from(self.r.year()), self.r.month() as u32);
        let y = match shift {
            -1 if m < rm => ry,
            -1 => ry - 1,
            _ if m > rm => ry,
            _ => ry + 1,
        };
        Pt::new(cal::fmt_month(y, m), Grain::Month, "month-rel", "")
    }

    /// "la mañana del miércoles", "la noche del viernes pasado", "la
    /// madrugada de hoy sábado": a part of a named day, one TIME.
    pub(super) fn p_part_of_day_of(&self, i: usize) -> Option<(Pt, usize)> {
        let j = if self.is_func(i, Func::The) { i + 1 } else { i };
        let Some(Lex::PartOfDay(pod)) = self.lex(j) else { return None };
        if self.s(j).ends_with('s') || !self.is_func(j + 1, Func::Of) {
            return None;
        }
        let (p, e) = self.day_point(j + 2)?;
        let d = p.day?;
        if super::points::part_of(&p.value).is_some() {
            return None;
        }
        Some((Pt::time_on(d, pod.code(), Grain::PartOfDay, "part-of-day-of", p.how), e))
    }

    /// "los 80", "los años 30", "la década de los noventa", "les années
    /// 1990": a decade after a plural article.
    pub(super) fn p_decade_plural(&self, i: usize) -> Option<(Pt, usize)> {
        let mut j = i;
        let mut named = false;
        // "la década de los noventa".
        if self.is_func(j, Func::The) && matches!(self.unit(j + 1), Some((Unit::Decade, _))) {
            if !self.is_func(j + 2, Func::Of) {
                return None;
            }
            j += 3;
            named = true;
        }
        let plural = |k: usize| {
            self.is_func(k, Func::The)
                && self.lx.tables.decade_articles.iter().any(|a| self.lx.same_word(self.s(k), a))
        };
        if !plural(j) {
            return None;
        }
        j += 1;
        if matches!(self.unit(j), Some((Unit::Year, true))) {
            j += 1;
            named = true;
        }
        let (n, e) = match (self.num(j), self.lex(j)) {
            (Some((n, 2 | 4)), _) => (n, j + 1),
            (None, Some(Lex::Number(n @ 20..=90))) => (n, j + 1),
            _ => return None,
        };
        if n % 10 != 0 || n > 2090 || (100..1000).contains(&n) {
            return None;
        }
        // "los 80.000 millones", "las 30 primeras espadas": an amount, a count.
        if self.punct(e, '.') && self.glued(e) && self.num(e + 1).is_some()
            || matches!(self.lex(e), Some(Lex::Ordinal(_) | Lex::Unit(..)))
        {
            return None;
        }
        // "des 20. Jahrhunderts": an ordinal.
        if self.lx.tables.ordinal_dot && self.punct(e, '.') && self.glued(e) {
            return None;
        }
        // "los 80 diputados": without "años" or "década", a number before a
        // noun is a count.
        if !named && self.tok(e).is_some_and(|t| t.kind != Kind::Punct && t.lex.is_none()) {
            return None;
        }
        let decade = if n >= 1000 { n / 10 } else { (self.century_of(n)? * 100 + n) / 10 };
        Some((Pt::new(format!("{decade:03}"), Grain::Decade, "decade-plural", ""), e))
    }

    /// "hasta el momento" (until now), "en estos momentos", "en este
    /// momento" (at present): PRESENT_REF, the article or demonstrative
    /// inside.
    /// "en esos momentos", "en aquel momento" (at that time): PAST_REF.
    pub(super) fn r_moment(&self, i: usize) -> Option<Cand> {
        let this = self.is_rel(i, Rel::This);
        let that = self.is_func(i, Func::That);
        if !(this || that || self.is_func(i, Func::The))
            || self.lex(i + 1) != Some(Lex::Deictic(Deictic::Moment))
        {
            return None;
        }
        let before = self.lex(i.checked_sub(1)?)?;
        if that {
            return (before == Lex::Func(Func::In)).then(|| {
                Pt::new("PAST_REF".into(), Grain::Unspecified, "that-moment", "")
                    .into_cand(i, i + 2)
            });
        }
        let present =
            matches!(before, Lex::Func(Func::Until)) || this && before == Lex::Func(Func::In);
        present.then(|| {
            Pt::new("PRESENT_REF".into(), Grain::Unspecified, "moment", "").into_cand(i, i + 2)
        })
    }

    /// "los últimos días", "in den letzten Monaten", "ces derniers jours",
    /// "les mois prochains": a stretch of unstated length next to the
    /// reference (DURATION `PXD`); "estos días": the present.
    pub(super) fn r_vague_span(&self, i: usize) -> Option<Cand> {
        if !self.lx.tables.vague_spans {
            return None;
        }
        let mut j = i;
        if self.is_func(j, Func::The) || self.is_rel(j, Rel::This) {
            j += 1;
        }
        // "estos días".
        if j == i + 1
            && self.is_rel(i, Rel::This)
            && matches!(self.unit(j), Some((Unit::Day, true)))
        {
            let p = Pt::new("PRESENT_REF".into(), Grain::Unspecified, "these-days", "");
            return Some(p.into_cand(i, j + 1));
        }
        // "los cinco últimos años", "les trois derniers mois": the count
        // before the relative word.
        if j > i
            && let Some((n, k)) = self.number(j)
            && n >= 2.0
            && self.shift_word(k).is_some()
            && let Some((u, _)) = self.unit(k + 1)
        {
            let p =
                Pt::new(duration_value(Some(n), u, false), unit_grain(u), "count-rel-units", "");
            return Some(p.duration().into_cand(i, k + 2));
        }
        let (u, e) = match (self.shift_word(j), self.unit(j)) {
            (Some(_), _) => match self.unit(j + 1) {
                Some((u, true)) => (u, j + 2),
                _ => return None,
            },
            (None, Some((u, true))) if j > i && self.shift_word(j + 1).is_some() => (u, j + 2),
            _ => return None,
        };
        let p = Pt::new(duration_value(None, u, false), Grain::Unspecified, "vague-span", "");
        Some(p.duration().into_cand(i, e))
    }

    /// "hoy, jueves", "ayer domingo", "heute, Mittwoch", "am gestrigen
    /// Montag", "am heutigen Donnerstag": a deictic day and the weekday it
    /// falls on, one expression.
    pub(super) fn p_deictic_weekday(&self, i: usize) -> Option<(Pt, usize)> {
        if !self.lx.tables.vague_spans {
            return None;
        }
        let shift = match self.lex(i)? {
            Lex::Deictic(Deictic::Today) => 0,
            Lex::Deictic(Deictic::Yesterday) => -1,
            Lex::Deictic(Deictic::Tomorrow) => 1,
            // "heutigen" is today's only right before its day.
            Lex::Deictic(Deictic::Current) if matches!(self.lex(i + 1), Some(Lex::Weekday(_))) => 0,
            _ => return None,
        };
        let j = self.opt_comma(i + 1);
        let Some(Lex::Weekday(wd @ 1..=7)) = self.lex(j) else { return None };
        let day = cal::add_days(self.r, shift)?;
        (cal::weekday(day) == wd).then(|| (Pt::day(day, "deictic-weekday", ""), j + 1))
    }

    /// "las 11.45 horas", "a las 15.00": the article that names the hour
    /// belongs to the time (Spanish TimeBank), and wins over reading "11.45
    /// horas" as a duration.
    pub(super) fn r_article_clock(&self, i: usize) -> Option<Cand> {
        if !self.lx.tables.hour_article || !self.is_func(i, Func::The) {
            return None;
        }
        if let Some(c) = self.article_word_clock(i) {
            return Some(c);
        }
        self.num(i + 1)?;
        let (p, e) = self.point(i + 1)?;
        (p.kind == crate::TimexType::Time).then(|| p.into_cand(i, e))
    }

    /// "las seis de la mañana (de ayer)", "la una de la tarde": an hour
    /// in words and the part of the day it falls in, on the day named
    /// after it, else the day the text named last, else the reference day.
    fn article_word_clock(&self, i: usize) -> Option<Cand> {
        let h = match self.lex(i + 1)? {
            Lex::Number(h @ 2..=12) => h,
            Lex::Func(Func::A) => 1,
            _ => return None,
        };
        if !(self.is_func(i + 2, Func::Of) && self.is_func(i + 3, Func::The)) {
            return None;
        }
        let Some(Lex::PartOfDay(pod)) = self.lex(i + 4) else { return None };
        let tm = super::points::shift(&format!("{h:02}:00"), pod, false);
        let day_after = self.is_func(i + 5, Func::Of).then(|| self.day_point(i + 6)).flatten();
        let (day, e, how) = match day_after.and_then(|(p, e)| Some((p.day?, e))) {
            Some((d, e)) => (d, e, "day-after"),
            None => match self.doc.last_day {
                Some(d) => (d, i + 5, "named-day"),
                None => (self.r, i + 5, "reference-day"),
            },
        };
        Some(Pt::time_on(day, &tm, Grain::Minute, "word-clock", how).into_cand(i, e))
    }

    /// Ages and names that look like expressions, read so that nothing
    /// else is (a candidate with no value only blocks its span): "âgé de
    /// [54 ans]", "Alain Parmentier, [53 ans],", "les 6-[16 ans]", "les
    /// Jeux d'[hiver]".
    pub(super) fn r_not_time(&self, i: usize) -> Option<Cand> {
        let ages = self.lx.tables.age_words;
        let (before, after) = (self.lx.tables.age_prepositions, self.lx.tables.age_comparatives);
        if ages.is_empty() && before.is_empty() && after.is_empty() {
            return None;
        }
        let void = |e: usize| {
            let mut p = Pt::void("not-a-time");
            p.how = "age".into();
            p.into_cand(i, e)
        };
        let years_after = |k: usize| {
            self.number(k)
                .and_then(|(_, e)| matches!(self.unit(e), Some((Unit::Year, _))).then_some(e + 1))
        };
        // "ab 16 Jahren", "mit 16 Jahren", "unter 14 Jahren": an age after
        // its preposition, unless a noun the count measures follows ("mit
        // 16 Jahren Verspätung", "zu 16 Jahren Haft").
        if i > 0
            && before.iter().any(|w| self.is_word(i - 1, w))
            && let Some(e) = years_after(i)
            && !self.tok(e).is_some_and(|t| t.upper && t.kind == Kind::Word && !self.breaks(e))
        {
            return Some(void(e));
        }
        // "16 Jahre jünger", "der 16 Jahre jüngere Crosby": a difference
        // of ages (the comparative inside the span it blocks, so that no
        // reading of the article and the count is longer).
        let count = if self.is_func(i, Func::The) { i + 1 } else { i };
        if let Some(e) = years_after(count)
            && after.iter().any(|w| self.lx.same_word(self.s(e), w))
        {
            return Some(void(e + 1));
        }
        if ages.is_empty() {
            return None;
        }
        // "âgé de 54 ans" (read at the number: no rule starts at "âgé").
        if i >= 2
            && self.is_func(i - 1, Func::Of)
            && ages.iter().any(|w| self.lx.same_word(self.s(i - 2), w))
            && let Some(e) = years_after(i)
        {
            return Some(void(e));
        }
        // ", 53 ans,".
        if i > 0
            && self.punct(i - 1, ',')
            && let Some(e) = years_after(i)
            && (self.punct(e, ',') || self.punct(e, ')'))
        {
            return Some(void(e));
        }
        // "les 6-16 ans", "des 0-6 ans": an age group, the article before a
        // range of numbers of years (read at the range's second number).
        if i >= 3
            && self.dash(i - 1)
            && self.glued(i - 1)
            && self.glued(i)
            && self.num(i - 2).is_some()
            && self.is_func(i - 3, Func::The)
            && let Some(e) = years_after(i)
        {
            return Some(void(e));
        }
        // "les Jeux d'hiver": a season right after an elided "de" names a kind.
        if matches!(self.lex(i), Some(Lex::Season(_)))
            && i > 0
            && self.is_func(i - 1, Func::Of)
            && self.glued(i)
        {
            return Some(void(i + 1));
        }
        None
    }

    /// Centuries in Roman numerals: "el siglo XIX", "le XIXe siècle", "du
    /// XVIIIe siècle" (TIMEX3 writes the 19th century as "18").
    pub(super) fn p_century_roman(&self, i: usize) -> Option<(Pt, usize)> {
        if !self.lx.tables.rel_after_noun {
            return None;
        }
        let j = if self.is_func(i, Func::The) { i + 1 } else { i };
        let (n, e) = if matches!(self.unit(j), Some((Unit::Century, false))) {
            (self.roman(j + 1, false)?, j + 2)
        } else if matches!(self.unit(j + 1), Some((Unit::Century, false))) {
            // The century word first: it is rarer than a capital I, V, X, L, C.
            (self.roman(j, true)?, j + 2)
        } else {
            return None;
        };
        if !(1..=21).contains(&n) {
            return None;
        }
        Some((Pt::new(format!("{:02}", n - 1), Grain::Century, "century-roman", ""), e))
    }

    /// A Roman numeral in capitals at `i` ("XIX"), with a French ordinal
    /// ending when `ordinal` ("XIXe", "XXIème").
    pub(super) fn roman(&self, i: usize, ordinal: bool) -> Option<u32> {
        let t = self.tok(i).filter(|t| t.kind == crate::token::Kind::Word)?;
        let word = &self.text[t.start..t.end];
        // Most words do not start with a numeral letter: no suffix to check.
        if !word.as_bytes().first().is_some_and(|b| b"IVXLC".contains(b)) {
            return None;
        }
        let digits = if ordinal {
            let end = word.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))?;
            let suffix = &word[end..];
            if !self.lx.tables.ordinal_suffixes.iter().any(|s| suffix.eq_ignore_ascii_case(s)) {
                return None;
            }
            &word[..end]
        } else {
            word
        };
        if digits.is_empty() || !digits.bytes().all(|b| b"IVXLC".contains(&b)) {
            return None;
        }
        let value = |c: u8| match c {
            b'I' => 1,
            b'V' => 5,
            b'X' => 10,
            b'L' => 50,
            _ => 100,
        };
        let b = digits.as_bytes();
        let mut n = 0i32;
        for (k, &c) in b.iter().enumerate() {
            let v = value(c);
            if b.get(k + 1).is_some_and(|&next| value(next) > v) {
                n -= v;
            } else {
                n += v;
            }
        }
        u32::try_from(n).ok()
    }

    /// "la próxima edición", "la pasada cumbre", "del pasado": a relative
    /// adjective before a noun that is no time word, or alone, is
    /// FUTURE_REF or PAST_REF.
    pub(super) fn r_rel_adjective(&self, i: usize) -> Option<Cand> {
        let shift = self.shift_word(i)?;
        if !self.is_rel_adjective(i) {
            return None;
        }
        // "su pasado", "una pasada", "más próximos", "próxima a Panticosa":
        // a noun or a plain adjective; the references follow an article or
        // "of" ("la próxima edición", "del pasado").
        let determined = |k: usize| {
            matches!(self.lex(k), Some(Lex::Func(Func::The | Func::Of)))
                // "sus [próximas] películas": after a possessive, only
                // before its noun (not a clitic: "su pasado le pesa").
                || self.lx.tables.possessives.iter().any(|w| self.lx.same_word(self.s(k), w))
                    && self.tok(i + 1).is_some_and(|t| {
                        t.kind == Kind::Word && t.lex.is_none() && !t.upper && t.end - t.start > 3
                    })
        };
        if !i.checked_sub(1).is_some_and(determined) {
            return None;
        }
        // Before a time word, the other rules read the whole expression.
        if self.lex(i + 1).is_some_and(Lex::is_anchor) || self.num(i + 1).is_some() {
            return None;
        }
        let value = if shift < 0 { "PAST_REF" } else { "FUTURE_REF" };
        Some(
            Pt::new(value.into(), Grain::Unspecified, "relative-adjective", "").into_cand(i, i + 1),
        )
    }

    /// Whether token `i` is one of the language's relative adjectives.
    pub(super) fn is_rel_adjective(&self, i: usize) -> bool {
        self.lx.tables.rel_adjectives.iter().any(|w| self.lx.same_word(self.s(i), w))
    }

    /// "por la tarde", "en la mañana": that part of the day the text named
    /// last (or of the reference day).
    /// "am Nachmittag": after a preposition fused with its article, the
    /// part of the day alone (the contraction stays outside).
    pub(super) fn p_the_part_of_day(&self, i: usize) -> Option<(Pt, usize)> {
        if !self.lx.tables.clock_on_named_day {
            return None;
        }
        // "am [frühen Morgen]", "in [der selben Nacht]": an adjective of
        // the table that keeps the part on its day.
        let adjective = |k: usize| {
            self.tok(k).is_some_and(|t| t.kind == Kind::Word && !t.upper)
                && self
                    .lx
                    .tables
                    .part_of_day_adjectives
                    .iter()
                    .any(|w| self.lx.same_word(self.s(k), w))
                && matches!(self.lex(k + 1), Some(Lex::PartOfDay(_)))
        };
        let k = if self.is_func(i, Func::The)
            && matches!(
                self.lex(i.wrapping_sub(1)),
                Some(Lex::Func(Func::Per | Func::In | Func::During))
            ) {
            if adjective(i + 1) { i + 2 } else { i + 1 }
        } else if matches!(self.lex(i), Some(Lex::PartOfDay(_)))
            && (self.is_article_contraction(i.wrapping_sub(1))
                || i >= 2 && adjective(i - 1) && self.is_article_contraction(i - 2))
        {
            i
        } else {
            return None;
        };
        let Some(Lex::PartOfDay(pod)) = self.lex(k) else { return None };
        if self.s(k).ends_with('s') {
            return None;
        }
        // "in der Nacht vom 16. auf den 17. April 1945", "vom 20./21.
        // Juni": the night of the first day, which ends the expression; the
        // second day is one of its own.
        if let Some(found) = self.part_of_day_of_pair(k, pod) {
            return Some(found);
        }
        if let Some(found) = self.part_of_day_of_weekday_pair(k, pod) {
            return Some(found);
        }
        if pod == PartOfDay::Night && self.night_into_day(k) {
            return Some((Pt::void("night-into-day"), k + 1));
        }
        // "am Abend desselben Tages", "am Morgen dieses Tages": the day
        // named last.
        if self.lx.tables.genitive_days
            && matches!(self.lex(k + 1), Some(Lex::Rel(Rel::Same | Rel::This)))
            && matches!(self.unit(k + 2), Some((Unit::Day, false)))
            && let Some(day) = self.doc.last_day
        {
            let p = Pt::time_on(day, pod.code(), Grain::PartOfDay, "the-part-of-day", "same-day");
            return Some((p, k + 3));
        }
        // "am Morgen des 22. Juni 1941", "in der Nacht des 14. August": the
        // part of the day named after it in the genitive, one expression.
        if self.lx.tables.genitive_days
            && self.is_func(k + 1, Func::The)
            && !self.breaks(k + 2)
            && let Some((named, e)) = self.p_day_first(k + 2)
            && let Some(day) = named.day
        {
            let p = Pt::time_on(day, pod.code(), Grain::PartOfDay, "the-part-of-day", "of-the-day");
            return Some((p, e));
        }
        let (day, how) = match self.doc.last_day {
            Some(d) => (d, "named-day"),
            // News reports the night just past: the one that began the
            // day before.
            None if pod == PartOfDay::Night => (cal::add_days(self.r, -1)?, "night-before"),
            None => (self.r, "reference-day"),
        };
        Some((Pt::time_on(day, pod.code(), Grain::PartOfDay, "the-part-of-day", how), k + 1))
    }

    /// "in der Nacht von Samstag auf Sonntag", "in der Nacht vom Freitag
    /// zum Samstag": the part of the day at `k` on the first of two
    /// weekdays in a row joined by a word of `Tables::night_pair_words`
    /// (the day before the second, as that one resolves); the expression
    /// ends after the first weekday, the second is one of its own, as in
    /// "Nacht vom 16. auf den 17. April".
    pub(super) fn part_of_day_of_weekday_pair(
        &self,
        k: usize,
        pod: PartOfDay,
    ) -> Option<(Pt, usize)> {
        let words = self.lx.tables.night_pair_words;
        if words.is_empty() || !self.is_func(k + 1, Func::From) || self.breaks(k + 2) {
            return None;
        }
        let first = if self.is_func(k + 2, Func::The) { k + 3 } else { k + 2 };
        let Some(Lex::Weekday(w1 @ 1..=7)) = self.lex(first) else { return None };
        if !words.iter().any(|w| self.lx.same_word(self.s(first + 1), w)) {
            return None;
        }
        let j = if self.is_func(first + 2, Func::The) { first + 3 } else { first + 2 };
        let Some(Lex::Weekday(w2 @ 1..=7)) = self.lex(j) else { return None };
        if w2 != w1 % 7 + 1 {
            return None;
        }
        let (p, _) = self.day_point(j)?;
        let day = cal::add_days(p.day?, -1)?;
        let pt = Pt::time_on(day, pod.code(), Grain::PartOfDay, "part-of-day-pair", p.how);
        Some((pt, first + 1))
    }

    /// Whether the night at `k` runs into the day named after it: "in der
    /// Nacht auf Sonntag", "in der Nacht zum 28. Juli" (a word of
    /// `Tables::night_pair_words`, then a day). KRAUTS marks the day alone,
    /// and the night is no expression of its own: not the one before the
    /// reference, which a night alone in a report is.
    pub(super) fn night_into_day(&self, k: usize) -> bool {
        let words = self.lx.tables.night_pair_words;
        if words.is_empty()
            || self.breaks(k + 1)
            || !words.iter().any(|w| self.lx.same_word(self.s(k + 1), w))
        {
            return false;
        }
        let j = if self.is_func(k + 2, Func::The) { k + 3 } else { k + 2 };
        self.day_point(j).is_some()
    }

    /// "Nacht vom 16. auf den 17. April": the part of the day at `k` of
    /// the first of two days joined by a word of
    /// `Tables::night_pair_words` or a slash, the month and year the second
    /// one's; the expression ends after the first day.
    fn part_of_day_of_pair(&self, k: usize, pod: PartOfDay) -> Option<(Pt, usize)> {
        let words = self.lx.tables.night_pair_words;
        if words.is_empty()
            || !self.is_func(k + 1, Func::From)
            || !self.is_article_contraction(k + 1)
        {
            return None;
        }
        let (d1, digits) = self.num(k + 2)?;
        if digits > 2 || !(self.punct(k + 3, '.') && self.glued(k + 3)) {
            return None;
        }
        // "vom 8. Februar auf den 9. Februar 1904": the first day's month.
        let (month, e) = match self.month_tok(k + 4) {
            Some((m, e, _)) => (Some(m), e),
            None => (None, k + 4),
        };
        let joined = self.punct(e, '/') || words.iter().any(|w| self.lx.same_word(self.s(e), w));
        if !joined || self.breaks(e) {
            return None;
        }
        let j = if self.is_func(e + 1, Func::The) { e + 2 } else { e + 1 };
        let (p, _) = self.p_day_first(j)?;
        let d2 = p.day?;
        let m = month.unwrap_or(d2.month() as u32);
        let day = cal::date(d2.year().into(), m, d1)?;
        // The first day comes first: "vom 31. auf den 1." is no pair.
        if day >= d2 {
            return None;
        }
        Some((Pt::time_on(day, pod.code(), Grain::PartOfDay, "part-of-day-pair", p.how), e))
    }

    /// "am [Tag zuvor]", "am [Tag danach]", "im [Jahr darauf]": one unit
    /// before or after the day (year, month) the text named last, the
    /// unit made definite by the article fused into the preposition, as
    /// "einen Tag zuvor" counts one (`Tables::counted_from_story`).
    pub(super) fn p_the_unit_from_story(&self, i: usize) -> Option<(Pt, usize)> {
        if !self.lx.tables.counted_from_story || !self.is_article_contraction(i.wrapping_sub(1)) {
            return None;
        }
        let Some((u, false)) = self.unit(i) else { return None };
        if self.breaks(i + 1) {
            return None;
        }
        let step: i64 = match self.lex(i + 1) {
            Some(Lex::Rel(Rel::Later)) => 1,
            Some(Lex::Rel(Rel::Earlier)) => -1,
            _ if self
                .lx
                .tables
                .after_that_words
                .iter()
                .any(|w| self.lx.same_word(self.s(i + 1), w)) =>
            {
                1
            }
            _ => return None,
        };
        let rule = "the-unit-from-story";
        let p = match u {
            Unit::Day => Pt::day(cal::add_days(self.doc.last_day?, step)?, rule, "anchored"),
            Unit::Week => {
                let (y, w) = cal::iso_week(cal::add_days(self.doc.last_day?, 7 * step)?);
                Pt::new(cal::fmt_week(y, w), Grain::Week, rule, "anchored")
            }
            Unit::Month => {
                let (y, m) = self.doc.last_month?;
                let (y, m) = cal::shift_month(y, m, step)?;
                Pt::new(cal::fmt_month(y, m), Grain::Month, rule, "anchored")
            }
            // A year the text named as a year (not the one of a month
            // read alone: "im Monat Mai ... die im Jahr darauf folgende").
            Unit::Year
                if self.doc.narrative
                    || self.doc.last_period.is_some_and(|p| p.grain == Grain::Year) =>
            {
                let y = self.doc.last_year? + step as i32;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                Pt::new(cal::fmt_year(y), Grain::Year, rule, "anchored")
            }
            _ => return None,
        };
        Some((p, i + 2))
    }

    /// Whether token `i` is a preposition fused with an article
    /// (`Tables::article_contractions`: "am", "im").
    fn is_article_contraction(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Word)
            && self.lx.tables.article_contractions.iter().any(|w| self.is_word(i, w))
    }

    /// "im [Jahr 2014]", "vom [Jahr 1895]": the year noun after a
    /// preposition fused with its article belongs to the year, as "the"
    /// does in "[the year 2000]"; so does the old dative "im [Jahre 1871]".
    /// After an adjective the noun is the year's too, the article and the
    /// adjective outside ("das intensive [Jahr 2014]", "das gesamte [Jahr
    /// 2009]"); not after a count ("ein Jahr", "zwei Jahre"). (English
    /// keeps "the following year 2005" as TimeBank does.)
    pub(super) fn p_year_noun(&self, i: usize) -> Option<(Pt, usize)> {
        let Some((Unit::Year, plural)) = self.unit(i) else { return None };
        let fused = self.is_article_contraction(i.wrapping_sub(1));
        let after_adjective = self.lx.extended
            && i >= 2
            && self.is_func(i - 2, Func::The)
            && self.tok(i - 1).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none());
        if !(fused || after_adjective && !plural) {
            return None;
        }
        let (y, e) = self.year_number(i + 1, true)?;
        Some((Pt::new(cal::fmt_year(y), Grain::Year, "the-year-n", ""), e))
    }

    /// "[den 60er Jahren]", "[die 1990er-Jahre]": a round number with the
    /// language's decade ending (`Tables::decade_suffixes`) and the plural
    /// year noun, after it or glued by a hyphen.
    pub(super) fn p_decade_suffix(&self, i: usize) -> Option<(Pt, usize)> {
        if self.lx.tables.decade_suffixes.is_empty() {
            return None;
        }
        // "Mitte der 1990er Jahre": the article after a position word.
        let i = if self.is_func(i, Func::The) { i + 1 } else { i };
        let (n, digits) = self.num(i)?;
        if !matches!(digits, 2 | 4) || n % 10 != 0 || n > 2090 {
            return None;
        }
        if !(self.glued(i + 1)
            && self.lx.tables.decade_suffixes.iter().any(|w| self.is_word(i + 1, w)))
        {
            return None;
        }
        let k = if self.dash(i + 2) && self.glued(i + 2) && self.glued(i + 3) {
            i + 3
        } else if !self.glued(i + 2) {
            i + 2
        } else {
            return None;
        };
        if !matches!(self.unit(k), Some((Unit::Year, true))) {
            return None;
        }
        let decade = if digits == 4 { n / 10 } else { (self.century_of(n)? * 100 + n) / 10 };
        Some((Pt::new(format!("{decade:03}"), Grain::Decade, "decade-suffix", ""), k + 1))
    }

    /// "el día 8", "el próximo día 9 de julio": "day" and a day number.
    pub(super) fn p_day_word(&self, i: usize) -> Option<(Pt, usize)> {
        if !self.lx.tables.rel_after_noun || !matches!(self.unit(i), Some((Unit::Day, false))) {
            return None;
        }
        let (d, digits) = self.num(i + 1)?;
        if digits > 2 || !(1..=31).contains(&d) {
            return None;
        }
        if let Some((p, e)) = self.p_day_first(i + 1) {
            return Some((p, e));
        }
        // "del 11 de septiembre. El día 12, ...": a story told months away
        // from the reference goes on in the month of the day it named last,
        // when the number follows that day within a week.
        if let Some(last) = self.doc.last_day
            && cal::diff_days(self.r, last).abs() > 45
            && (last.day() as u32..=last.day() as u32 + 7).contains(&d)
            && let Some(day) = cal::date(last.year().into(), last.month() as u32, d)
        {
            return Some((Pt::day(day, "day-word", "story-month"), i + 2));
        }
        // The month of the reference, or the one before or after, whichever
        // is nearest (news names days of the month close to its date).
        let (dir, how) = match self.direction {
            crate::Direction::Context => (super::Dir::Nearest, "nearest".to_owned()),
            _ => self.direction_at(i, i + 2, super::Dir::Nearest),
        };
        let opts: Vec<(i32, i64)> = (-1..=1)
            .filter_map(|k| {
                let m = cal::add_months(self.r, k)?;
                let day = cal::date(m.year().into(), m.month() as u32, d)?;
                Some((k as i32, cal::diff_days(self.r, day)))
            })
            .collect();
        let k = self.pick_by_distance(&opts, dir)?;
        let m = cal::add_months(self.r, i64::from(k))?;
        let day = cal::date(m.year().into(), m.month() as u32, d)?;
        Some((Pt::day(day, "day-word", how), i + 2))
    }

    /// "am Wochenende": the weekend of the reference week, or the one
    /// before when the sentence looks back (German news writes the
    /// weekend just past this way).
    pub(super) fn p_weekend_on(&self, i: usize) -> Option<(Pt, usize)> {
        if !self.lx.tables.compounds
            || !self.is_func(i, Func::Weekend)
            || !self.is_func(i.wrapping_sub(1), Func::On)
        {
            return None;
        }
        let wd = cal::weekday(self.r);
        let (dir, how) = self.direction_at(i, i + 1, super::Dir::Past);
        let back = wd < 6 && dir == super::Dir::Past;
        let (y, w) = cal::iso_week(cal::add_days(self.r, if back { -7 } else { 0 })?);
        Some((
            Pt::new(format!("{}-WE", cal::fmt_week(y, w)), Grain::Week, "on-weekend", how),
            i + 1,
        ))
    }

    /// "am 3., 4. und 5. Oktober", "vom 18. und 19. Dezember": a day number
    /// with the ordinal dot in a list that a month closes.
    pub(super) fn p_day_list(&self, i: usize) -> Option<(Pt, usize)> {
        if !self.lx.tables.ordinal_dot {
            return None;
        }
        let (d, digits) = self.num(i)?;
        if digits > 2 || !(1..=31).contains(&d) || !(self.punct(i + 1, '.') && self.glued(i + 1)) {
            return None;
        }
        let mut k = i + 2;
        let mut steps = 0;
        while steps < 12 && !self.breaks(k) {
            if self.punct(k, ',')
                || self.dash(k)
                || matches!(self.lex(k), Some(Lex::Func(Func::And | Func::Until | Func::Or)))
                // "am 16. und 17. sowie am 23. und 24. Jänner".
                || self.is_func(k, Func::On) && self.is_func(k.wrapping_sub(1), Func::And)
                // "vom 2. bis zum 7. Mai", "zwischen dem 18. und dem 23.
                // September", "am 27./28. September".
                || self.is_func(k, Func::To) && self.is_func(k.wrapping_sub(1), Func::Until)
                || self.is_func(k, Func::The) && self.is_func(k.wrapping_sub(1), Func::And)
                || self.punct(k, '/') && self.glued(k) && self.glued(k + 1)
            {
                k += 1;
            } else if self.num(k).is_some_and(|(n, nd)| nd <= 2 && (1..=31).contains(&n))
                && self.punct(k + 1, '.')
            {
                k += 2;
            } else {
                break;
            }
            steps += 1;
        }
        if k == i + 2 {
            return None;
        }
        let (m, e, _) = self.month_tok(k)?;
        let year = self.year_after(e).map(|(y, _)| y);
        // Without a year, the days take the year of the date that closes
        // the list, read as it reads alone.
        let closing = self.p_day_first(k - 2).and_then(|(p, _)| p.day).map(|c| i32::from(c.year()));
        let day = match year.or(closing) {
            Some(y) => cal::date(y, m, d)?,
            None => {
                let (y, _) = self.year_for_day(m, d, i, e)?;
                cal::date(y, m, d)?
            }
        };
        // The ordinal dot stays out of a list, "am [16]. und [17. Jänner]",
        // as KRAUTS writes it; a range keeps it: "[13.] - [15. Juli]".
        let e = if self.dash(i + 2) { i + 2 } else { i + 1 };
        Some((Pt::day(day, "day-list", ""), e))
    }

    /// "heuer" (this year), "Vorjahr" (last year), "Vortag", "übermorgen",
    /// "anteayer": a unit shifted from the reference date, in one word.
    pub(super) fn p_shifted(&self, i: usize) -> Option<(Pt, usize)> {
        let Some(Lex::Shifted(u, n)) = self.lex(i) else { return None };
        let (r, n) = (self.r, i64::from(n));
        let p = match u {
            Unit::Day => {
                let from_story =
                    self.lx.tables.story_shifted_days.iter().any(|w| self.is_word(i, w));
                match self.doc.last_day.filter(|_| from_story) {
                    Some(day) => Pt::day(cal::add_days(day, n)?, "shifted-word", "anchored"),
                    None => Pt::day(cal::add_days(r, n)?, "shifted-word", ""),
                }
            }
            Unit::Week => {
                let (y, w) = cal::iso_week(cal::add_days(r, 7 * n)?);
                Pt::new(cal::fmt_week(y, w), Grain::Week, "shifted-word", "")
            }
            Unit::Month => {
                let d = cal::add_months(r, n)?;
                let v = cal::fmt_month(d.year().into(), d.month() as u32);
                Pt::new(v, Grain::Month, "shifted-word", "")
            }
            // "im Folgejahr" counts from the year named last; in a narrative
            // "im Vorjahr" counts from the story's year.
            Unit::Year => {
                let from_story = self
                    .lx
                    .tables
                    .story_shifted_years
                    .iter()
                    .any(|w| self.lx.same_word(self.s(i), w));
                let (base, how) = match (from_story, self.doc.last_year, self.narrative_year()) {
                    (true, Some(y), _) => (y, "anchored"),
                    (true, None, _) => return None,
                    (false, _, Some(y)) => (y, "narrative-year"),
                    (false, _, None) => (i32::from(r.year()), ""),
                };
                let y = base + i32::try_from(n).ok()?;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                Pt::new(cal::fmt_year(y), Grain::Year, "shifted-word", how)
            }
            _ => return None,
        };
        Some((p, i + 1))
    }

    /// The last (`shift` -1) or next (+1) day `d` of a month strictly
    /// before or after the reference date, within a year.
    fn shifted_month_day(&self, d: u32, shift: i32) -> Option<jiff::civil::Date> {
        (0..=12).find_map(|k| {
            let m = cal::add_months(self.r, i64::from(shift) * k)?;
            let day = cal::date(m.year().into(), m.month() as u32, d)?;
            ((shift < 0 && day < self.r) || (shift > 0 && day > self.r)).then_some(day)
        })
    }

    /// The last (`shift` -1) or next (+1) `m`/`d` strictly before or after
    /// the reference date.
    fn shifted_day(&self, m: u32, d: u32, shift: i32) -> Option<jiff::civil::Date> {
        let ry = i32::from(self.r.year());
        if shift < 0 {
            (ry - 2..=ry).rev().filter_map(|y| cal::date(y, m, d)).find(|day| *day < self.r)
        } else {
            (ry..=ry + 2).filter_map(|y| cal::date(y, m, d)).find(|day| *day > self.r)
        }
    }

    /// "hace tres años", "hace más de 30 años": "ago" before its quantity,
    /// inside the expression, a DATE. With a vague quantity or none ("hace
    /// unos días", "hace varios días", "hace meses") Spanish TimeBank
    /// writes the span as the DURATION (`PXD`): no point can be named.
    pub(super) fn r_ago_before(&self, i: usize) -> Option<Cand> {
        if self.lx.tables.ago != AgoBefore::Date || self.lex(i) != Some(Lex::Rel(Rel::Ago)) {
            return None;
        }
        let mut j = i + 1;
        // "hace sólo unas semanas", "hace ya muchos meses".
        while self.tok(j).is_some_and(|t| t.kind == Kind::Word)
            && self.lx.tables.ago_adverbs.iter().any(|w| self.lx.same_word(self.s(j), w))
        {
            j += 1;
        }
        let mut modifier = None;
        if let Some((m, e)) = self.hedge(j) {
            modifier = Some(match m {
                Modifier::EqualOrLess => Modifier::Approx,
                m => m,
            });
            j = e;
        }
        let vague = |value: String, e: usize| Cand {
            s: i,
            e,
            kind: crate::TimexType::Duration,
            value,
            grain: Grain::Unspecified,
            modifier,
            range: None,
            rule: "ago-before-vague".into(),
        };
        // "desde hace tiempo", "hace mucho": a while, of unstated length.
        if modifier.is_none() && self.ago_while(j) {
            // "hace mucho tiempo": the words of a while together.
            let e = if self.ago_while(j + 1) { j + 2 } else { j + 1 };
            return Some(vague("PXM".into(), e));
        }
        let Some((v, _, e, _)) = self.amount_unit(j) else {
            // "hace meses", "hace unos días": a plural unit without a number.
            let (u, true) = self.unit(j)? else { return None };
            return Some(vague(duration_value(None, u, false), j + 1));
        };
        let r = self.r;
        let p = match parse_simple_duration(&v) {
            None => return Some(vague(v, e)),
            Some((n, 'D')) if !v.starts_with("PT") => {
                Pt::day(cal::add_days(r, -n)?, "ago-before", "")
            }
            Some((n, 'W')) => {
                let (y, w) = cal::iso_week(cal::add_days(r, -7 * n)?);
                Pt::new(cal::fmt_week(y, w), Grain::Week, "ago-before", "")
            }
            Some((n, 'M')) if !v.starts_with("PT") => {
                let d = cal::add_months(r, -n)?;
                let v = cal::fmt_month(d.year().into(), d.month() as u32);
                Pt::new(v, Grain::Month, "ago-before", "")
            }
            Some((n, 'Y')) => {
                let y = i32::from(r.year()) - i32::try_from(n).ok()?;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                Pt::new(cal::fmt_year(y), Grain::Year, "ago-before", "")
            }
            Some(_) => Pt::day(r, "ago-before-clock", ""),
        };
        Some(Cand { modifier, ..p.into_cand(i, e) })
    }

    /// Whether token `j`, after "ago", says "a while" ("hace [tiempo]",
    /// "hace [mucho]"; `Tables::ago_while`), not a quantity of a unit
    /// ("hace mucho tiempo" is read the same, "hace poco" too).
    pub(super) fn ago_while(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.kind == Kind::Word)
            && self.lx.tables.ago_while.iter().any(|w| self.lx.same_word(self.s(j), w))
            && self.unit(j + 1).is_none()
    }

    /// Where a duration ending at token `e` ends with its tail ("un día
    /// [después]", "dos meses [más tarde]"): the language's TimeML corpus
    /// keeps the tail inside unless a word after it ties the duration to an
    /// event ("dos días después del partido").
    pub(crate) fn duration_tail(&self, e: usize) -> Option<usize> {
        let tables = self.lx.tables;
        let tail = tables.duration_tails.iter().find(|words| {
            words.iter().enumerate().all(|(k, w)| {
                self.tok(e + k).is_some_and(|t| t.kind == Kind::Word)
                    && self.lx.same_word(self.s(e + k), w)
            })
        })?;
        let end = e + tail.len();
        let tied = tables.tail_breakers.iter().any(|w| self.lx.same_word(self.s(end), w));
        (!tied).then_some(end)
    }
}
