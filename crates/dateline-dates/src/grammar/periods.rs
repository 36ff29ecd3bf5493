//! Named periods of the calendar: quarters, halves, seasons, fiscal years,
//! decades and holidays.

use jiff::civil::Date as Civil;

use super::{Dir, Parser, Pt, is_possessive_tok};
use crate::cal;
use crate::lexicon::{Func, HolidayRule, Lex, Rel, Unit};
use crate::timex::Grain;
use crate::token::{Kind, is_possessive};

impl Parser<'_> {
    pub(super) fn previous_quarter(&self) -> (i32, u32) {
        if let Some(q) = self.doc.last_quarter {
            return q;
        }
        let q = cal::quarter_of(self.r);
        let y = i32::from(self.r.year());
        if q == 1 { (y - 1, 4) } else { (y, q - 1) }
    }

    /// "of 2009", "of last year", "of next year" at `k`: the year and the
    /// token after it.
    fn year_after_of(&self, k: usize) -> Option<(i32, usize)> {
        if !self.is_func(k, Func::Of) {
            return None;
        }
        if let Some(found) = self.year_after(k + 1) {
            return Some(found);
        }
        let (p, e) = self.p_relative(k + 1)?;
        (p.grain == Grain::Year).then(|| p.value.parse().ok().map(|y| (y, e)))?
    }

    /// "(July-September)", "(July to September)" at `k`: the calendar
    /// quarter of the three months a fiscal quarter names in brackets
    /// ("Q2 (July-September) of the fiscal year 2006-07" is 2006-Q3).
    pub(super) fn bracketed_quarter(&self, k: usize) -> Option<u32> {
        if !self.punct(k, '(') {
            return None;
        }
        let (m1, e1, _) = self.month_tok(k + 1)?;
        if !(self.dash(e1) || self.is_func(e1, Func::To)) {
            return None;
        }
        let (m2, e2, _) = self.month_tok(e1 + 1)?;
        (self.punct(e2, ')') && m1 % 3 == 1 && m2 == m1 + 2).then_some((m1 - 1) / 3 + 1)
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2024",
    /// "the fiscal first quarter", "the first half of 2024", "H1".
    pub(super) fn p_quarter(&self, i: usize) -> Option<(Pt, usize)> {
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
            let n = match self.bracketed_quarter(j + 2) {
                Some(q) if !half => q,
                _ => n,
            };
            let mut e = j + 2;
            let mut k = e;
            if self.punct(k, '/') || self.punct(k, '-') {
                k += 1;
            }
            let y = if let Some((y, e2)) = self.year_after(k) {
                e = e2;
                y
            } else if let Some((y, e2)) = self.year_after_of(e) {
                // "Q4 of last year", "Q2 of 2009", as "the fourth quarter
                // of last year".
                e = e2;
                y
            } else {
                // As "the fourth quarter": the most recent such period
                // unless the sentence looks ahead ("Q4 earnings" in January
                // are the year before's).
                let ry = i32::from(self.r.year());
                let (cur, max) = if half {
                    ((self.r.month() as u32 - 1) / 6 + 1, 2)
                } else {
                    (cal::quarter_of(self.r), 4)
                };
                let (dir, _) = self.direction_at(i, j + 2, Dir::Nearest);
                if ended_last_year(n, cur, max, dir) { ry - 1 } else { ry }
            };
            // "the [Q4] earnings season": the article belongs to the noun
            // the quarter modifies, as in "the [third-quarter] results".
            if the && e == j + 2 && self.lowercase_unknown_word(e) {
                return None;
            }
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
        // Not "la última media hora" (the last half hour).
        let year_half = self.is_func(k, Func::YearHalf);
        let is_half = (self.is_func(k, Func::Half) || year_half) && self.unit(k + 1).is_none();
        let is_quarter = matches!(self.unit(k), Some((Unit::Quarter, false)));
        if !is_half && !is_quarter {
            return None;
        }
        let max = if is_half { 2 } else { 4 };
        let n = if n == 5 { max } else { n };
        if !(1..=max).contains(&n) {
            return None;
        }
        let n = match self.bracketed_quarter(k + 1) {
            Some(q) if is_quarter => q,
            _ => n,
        };
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
        // "der ersten Hälfte des Jahres": the genitive needs no "of".
        let genitive = self.lx.tables.half_needs_year;
        if year.is_none() {
            if let Some((y, e2)) = self.year_after(m) {
                year = Some(y);
                end = e2;
            } else if m > end || genitive {
                // "de este año", "del año pasado" (`Tables::rel_after_noun`).
                if let Some((p, e2)) = self.p_relative(m).or_else(|| self.p_rel_after_noun(m)) {
                    if p.grain == Grain::Year {
                        year = p.value.parse().ok();
                        end = e2;
                    } else if let Some(c) = self.part_of_named(p, e2) {
                        return Some(c);
                    }
                } else if let Some((p, e2)) = self.date_point(m)
                    && let Some(c) = self.part_of_named(p, e2)
                {
                    return Some(c);
                } else if self.is_func(m, Func::The)
                    && matches!(self.unit(m + 1), Some((Unit::Year, false)))
                {
                    end = m + 2;
                } else if m > end && matches!(self.unit(m), Some((Unit::Year, false))) {
                    // "la primera mitad del año": the article fused into "del".
                    end = m + 1;
                }
            }
        }
        // "in der zweiten Hälfte gespielt": a match's half, not the year's.
        if is_half && !year_half && genitive && year.is_none() && end == k + 1 {
            return None;
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
                if ended_last_year(n, cur, max, dir) { ry - 1 } else { ry }
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

    /// "the first half of the last century", "the last half of the '80s",
    /// "the second half of September last year": a half or quarter of a
    /// period that is no year takes the period's value over the whole
    /// phrase (TimeBank: "the last half of the '80s" is 198), as TIMEX3
    /// has no value for the part.
    fn part_of_named(&self, p: Pt, end: usize) -> Option<(Pt, usize)> {
        if !matches!(p.grain, Grain::Decade | Grain::Century | Grain::Month) {
            return None;
        }
        Some((Pt { rule: "part-of", how: String::new(), ..p }, end))
    }

    /// Seasons: "summer", "the fall of 2019", "spring 2024", "winter".
    pub(super) fn p_season(&self, i: usize) -> Option<(Pt, usize)> {
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
        // "im Herbst des vergangenen Jahres", "des Frühjahres 1918".
        if self.lx.tables.genitive_days
            && let Some((y, e2)) = self.genitive_year(e)
        {
            let v = format!("{}-{}", cal::fmt_year(y), season_code(sn));
            return Some((Pt::new(v, Grain::Season, "season-year", ""), e2));
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
        // "the Summer School", "the Winter Olympics": a capitalized season
        // before a capitalized word is part of a name (English order).
        if !self.lx.tables.rel_after_noun
            && !self.lx.tables.nouns_capitalized
            && self.upper(j)
            && next_word.is_some()
            && self.upper(e)
            && self.lex(e).is_none()
        {
            return None;
        }
        // The verbs and nouns "fall" and "spring": "prices fall", "the fall in prices".
        if matches!(word.as_str(), "fall" | "spring") {
            // A compound with a particle: "the fall-out of their talks",
            // "a fall-back plan", "the spring-back".
            let particle = self.dash(e)
                && self.glued(e)
                && self.glued(e + 1)
                && ["out", "back", "off", "over"].iter().any(|w| self.is_word(e + 1, w));
            if particle
                || !the
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
            // "summer camp": an English season before a noun modifies it;
            // languages whose modifiers follow their noun (the table's
            // `rel_after_noun`) read on ("en otoño pasara"), and so do
            // languages that write such a noun as one word with the season
            // ("Sommerlager": "im Sommer griff" is a season and a verb).
            || !self.lx.tables.rel_after_noun
                && !self.lx.tables.nouns_capitalized
                && next_word.is_some_and(|_| self.lex(e).is_none() && !self.upper(e))
        {
            return None;
        }
        // In a narrative, a season without its year is in the story's year
        // ("Im Sommer griffen sie an").
        if let Some(y) = self.narrative_year() {
            let v = format!("{}-{}", cal::fmt_year(y), season_code(sn));
            return Some((Pt::new(v, Grain::Season, "season", "narrative-year"), e));
        }
        let y = i32::from(self.r.year());
        // January and February are the winter that began the year before:
        // the year's spring, summer and fall are all still ahead ("battled
        // cancer over the summer", said in January, is last year's).
        let cur = if self.r.month() <= 2 && sn != 4 { 0 } else { season_of(self.r) };
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

    /// The century of a decade written with two digits ("the '90s", "the
    /// nineties"): the latest one not after the reference year, or none
    /// before year 1 (reference year 50 and "the 90s").
    pub(super) fn century_of(&self, two_digit_year: u32) -> Option<u32> {
        let year = u32::try_from(self.r.year()).ok()?;
        if two_digit_year <= year % 100 { Some(year / 100) } else { (year / 100).checked_sub(1) }
    }

    /// Decades and centuries: "the 1990s", "the '90s", "the nineties", "the 20th century".
    pub(super) fn p_decade(&self, i: usize) -> Option<(Pt, usize)> {
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
        }
        // "1990s"
        if let Some((y, 4)) = self.num(j) {
            // "1970's" too, the possessive spelling of the decade.
            if (self.is_word(j + 1, "s") || is_possessive_tok(self.tok(j + 1)))
                && self.glued(j + 1)
                && y % 10 == 0
                && (1000..=2990).contains(&y)
            {
                // "the 1800s", "the early 1900s": the century, as readers
                // and the TIMEX2 guidelines take it ("18"); "the 2000s"
                // stays the decade of today's usage.
                if y % 100 == 0 && y < 2000 {
                    let p = Pt::new(format!("{:02}", y / 100), Grain::Century, "hundreds", "");
                    return Some((p, j + 2));
                }
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
                let c = self.century_of(y)?;
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
            let c = self.century_of(y)?;
            return Some((
                Pt::new(format!("{:03}", (c * 100 + y) / 10), Grain::Decade, "decade-short", ""),
                j + 2,
            ));
        }
        if let Some(Lex::Decade(t)) = self.lex(j) {
            // "the nineties"; "у дев'яностих" in a language without articles.
            if !the && !self.lx.tables.no_articles {
                return None;
            }
            let c = self.century_of(u32::from(t) * 10)?;
            // "den achtziger Jahren": the plural year noun is the decade's,
            // unless the language keeps its year nouns out ("в девяностых
            // годах").
            let e = if self.lx.extended
                && self.lx.tables.year_nouns.is_empty()
                && matches!(self.unit(j + 1), Some((Unit::Year, true)))
            {
                j + 2
            } else {
                j + 1
            };
            return Some((Pt::new(format!("{:02}{}", c, t), Grain::Decade, "decade-word", ""), e));
        }
        // "the 20th century", "the twentieth century", "20th-century history".
        if let Some((n, e)) = self.ordinal(j)
            && let e = if self.dash(e) && self.glued(e) && self.glued(e + 1) { e + 1 } else { e }
            && matches!(self.unit(e), Some((Unit::Century, false)))
            && (1..=99).contains(&n)
        {
            return Some((Pt::new(format!("{:02}", n - 1), Grain::Century, "century", ""), e + 1));
        }
        None
    }

    /// "im 18. Jahrhundert", "des 20. Jahrhunderts", "im 4. Jh. v. Chr."
    /// (BC03): a century with the ordinal dot (`Tables::ordinal_dot`), the
    /// noun or its abbreviation, an era.
    pub(super) fn p_century_dot(&self, i: usize) -> Option<(Pt, usize)> {
        if !self.lx.tables.ordinal_dot {
            return None;
        }
        let j = if self.is_func(i, Func::The) { i + 1 } else { i };
        let Some((n @ 1..=99, 1..=2)) = self.num(j) else { return None };
        if !(self.punct(j + 1, '.')
            && self.glued(j + 1)
            && matches!(self.unit(j + 2), Some((Unit::Century, false))))
        {
            return None;
        }
        // The abbreviation's dot ("Jh."), not a sentence's.
        let abbr = self.s(j + 2).len() <= 2;
        let e = if abbr { self.opt_dot(j + 3) } else { j + 3 };
        if let Some(era) = self.era_bc(e) {
            let p = Pt::new(format!("BC{:02}", n - 1), Grain::Century, "century-era-bc", "");
            return Some((p, era));
        }
        Some((Pt::new(format!("{:02}", n - 1), Grain::Century, "century", ""), e))
    }

    /// Holidays: "Christmas", "New Year's Day", "Easter 2025", "Thanksgiving";
    /// not inside a name ("the Good Friday Agreement").
    pub(super) fn p_holiday(&self, i: usize) -> Option<(Pt, usize)> {
        let (p, e) = self.p_holiday_name(i)?;
        let named = self.tok(e).is_some_and(|t| {
            t.kind == Kind::Word && t.upper && t.lex.is_none() && !t.newline && !is_possessive(t)
        });
        (!named).then_some((p, e))
    }

    fn p_holiday_name(&self, i: usize) -> Option<(Pt, usize)> {
        // "last Thanksgiving", "next Christmas", "this Easter".
        let rel = match self.lex(i) {
            Some(Lex::Rel(r @ (Rel::Last | Rel::Next | Rel::This))) => Some(r),
            _ => None,
        };
        let i = if rel.is_some() { i + 1 } else { i };
        // Only words that begin a holiday name get here.
        if !matches!(self.lex(i), Some(Lex::Holiday(_) | Lex::HolidayStart | Lex::Month(4 | 5)))
            // English has none, and comes here at every date point.
            && (self.lx.other_holiday_starts.is_empty()
                || !self.lx.is_other_holiday_start(self.s(i)))
        {
            return None;
        }
        // Lowercase names count too ("thanksgiving"), except everyday
        // phrases ("may day", "election day").
        let capitalized = self.lx.tables.capitalized_holidays.iter().any(|w| self.is_word(i, w));
        if capitalized && !self.upper(i) {
            return None;
        }
        let mut best: Option<(usize, HolidayRule)> = None;
        for &k in self.lx.holidays_starting(self.s(i)) {
            let h = &self.lx.holidays[usize::from(k)];
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
                        self.lx.same_word(s, w)
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
        let (mut e, mut rule) = best?;
        // "India's Independence Day", "the Mexican Independence Day".
        if let HolidayRule::National(..) = rule
            && rel.is_none()
        {
            match self.national_day_before(i) {
                Some((0, _)) => return None,
                Some((m, d)) => rule = HolidayRule::Fixed(m, d),
                None => {}
            }
        }
        // "May Day", "Election Day" only capitalized as a whole.
        if capitalized && !(i + 1..e).all(|k| self.upper(k)) {
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
        let on = |y: i32| -> Option<Civil> { rule.on(y) };
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
        let (mut dir, mut how) = self.direction_at(i, e, Dir::Nearest);
        if how == "past-attributive" && self.holiday_season_after(e) {
            (dir, how) = (Dir::Nearest, "nearest-season".into());
        }
        let ry = i32::from(self.r.year());
        let opts: Vec<(i32, i64)> = (ry - 1..=ry + 1)
            .filter_map(|y| on(y).map(|d| (y, cal::diff_days(self.r, d))))
            .collect();
        // A holiday a few weeks ahead is the coming one whatever the tense:
        // its season has begun, and a past verb tells of what is done for
        // it ("alerted the country to the risk of attack during the
        // Christmas season", "has called for a strike on New Year's Eve",
        // said in December), not of last year's, a year back.
        if dir == Dir::Past && opts.iter().any(|o| (1..=HOLIDAY_SEASON_DAYS).contains(&o.1)) {
            (dir, how) = (Dir::Future, format!("season-ahead:{how}"));
        }
        let y = self.pick_by_distance(&opts, dir)?;
        Some((Pt::day(on(y)?, "holiday", how), e))
    }

    /// The national day of the country named right before token `i`, by
    /// name with "'s" or by adjective ([`Tables::national_days`]); `(0, 0)`
    /// for a country the table has no fixed day for, or one named with
    /// "'s" that the table lacks.
    ///
    /// [`Tables::national_days`]: crate::lexicon::Tables::national_days
    fn national_day_before(&self, i: usize) -> Option<(u8, u8)> {
        let possessive = i >= 2 && is_possessive_tok(self.tok(i - 1));
        let k = if possessive { i - 2 } else { i.checked_sub(1)? };
        let word = self.s(k).trim_end_matches('.');
        match self.lx.tables.national_days.iter().find(|(w, ..)| self.lx.same_word(word, w)) {
            Some(&(_, m, d)) => Some((m, d)),
            None if possessive && self.upper(k) => Some((0, 0)),
            None => None,
        }
    }
}

/// Days ahead of the reference within which a holiday's season has begun:
/// a holiday this close is the coming one even in a past clause.
const HOLIDAY_SEASON_DAYS: i64 = 21;

/// 1 spring, 2 summer, 3 fall, 4 winter.
pub(super) fn season_code(s: u8) -> &'static str {
    match s {
        1 => "SP",
        2 => "SU",
        3 => "FA",
        _ => "WI",
    }
}

pub(super) fn season_of(d: Civil) -> u8 {
    match d.month() {
        3..=5 => 1,
        6..=8 => 2,
        9..=11 => 3,
        _ => 4,
    }
}

/// Whether quarter (or half) `n`, named without a year when the reference
/// is in period `cur` of `max`, is last year's: a period still ahead this
/// year is last year's when the clause tells it in the past ("accounts
/// were added in the fourth quarter", said in April), or when last year's
/// is the nearer one and the clause does not look ahead.
fn ended_last_year(n: u32, cur: u32, max: u32, dir: Dir) -> bool {
    n > cur && (dir == Dir::Past || dir != Dir::Future && (n - cur) * 2 > max)
}

impl Parser<'_> {
    /// Whether a noun of the time around a holiday follows its name at `e`
    /// ("the Christmas rush", "the Christmas buying season";
    /// `Tables::holiday_season_nouns`), one word between at most.
    #[cold]
    #[inline(never)]
    fn holiday_season_after(&self, e: usize) -> bool {
        let nouns = self.lx.tables.holiday_season_nouns;
        (e..e + 2).any(|k| nouns.iter().any(|w| self.is_word(k, w)))
    }
}
