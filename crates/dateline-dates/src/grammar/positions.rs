//! Positions within a period ("early September", "mid-2023", "the end of
//! the year") and hedges ("about", "at least").

use super::{Cand, Dir, Parser, Pt, is_possessive_tok};
use crate::cal;
use crate::lexicon::{Deictic, Func, Hedge, Lex, Position, Rel, Unit};
use crate::timex::{Grain, Modifier, TimexType};

impl Parser<'_> {
    /// "early September", "mid-2023", "late last year", "the end of 2024",
    /// "the beginning of the month", "earlier this year", "year-end".
    pub(super) fn r_position(&self, i: usize) -> Option<Cand> {
        let c = self.r_position_inner(i)?;
        // "[наприкінці 1776 року]": WikiWarsUA keeps the year's noun inside
        // a position phrase (11 of 13 times) as it does after a bare year.
        if c.e >= 1
            && !self.lx.tables.year_nouns_inside.is_empty()
            && self.num(c.e - 1).is_some_and(|(_, d)| d == 4)
            && self.lx.tables.year_nouns_inside.iter().any(|n| self.lx.same_word(self.s(c.e), n))
            && !self.breaks(c.e)
        {
            return Some(Cand { e: c.e + 1, ..c });
        }
        Some(c)
    }

    fn r_position_inner(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = self.is_func(j, Func::The);
        if the {
            j += 1;
        }
        // "by EOM", "the EOY": business shorthand, in capitals only.
        if let Some(Lex::EndOf(u)) = self.lex(j)
            && self.s(j).bytes().all(|b| b.is_ascii_uppercase())
        {
            let r = self.r;
            let p = match u {
                Unit::Month => Pt::new(
                    cal::fmt_month(r.year().into(), r.month() as u32),
                    Grain::Month,
                    "end-acronym",
                    "",
                ),
                _ => Pt::new(cal::fmt_year(r.year().into()), Grain::Year, "end-acronym", ""),
            };
            return Some(Cand { modifier: Some(Modifier::End), ..p.into_cand(i, j + 1) });
        }
        let (modifier, mut k) = match self.lex(j)? {
            Lex::Position(p) => {
                let m = match p {
                    Position::Early | Position::Beginning => Modifier::Start,
                    Position::Mid | Position::Middle => Modifier::Mid,
                    Position::Late | Position::End => Modifier::End,
                };
                let needs_of = matches!(p, Position::Beginning | Position::Middle | Position::End);
                let mut k = j + 1;
                if self.dash(k) {
                    k += 1;
                }
                if needs_of {
                    if !self.is_func(k, Func::Of) {
                        return None;
                    }
                    k += 1;
                } else if self.is_func(k, Func::Of) {
                    // "la fin de l'année", "au début du mois": French "fin"
                    // and "début" may take "de" (English never writes "late
                    // of").
                    k += 1;
                } else if the
                    && !((self.is_word(k + 1, "s") || is_possessive_tok(self.tok(k + 1)))
                        && self.num(k).is_some()
                        || matches!(self.lex(k), Some(Lex::Season(_))))
                {
                    // Only "the early 1980s", "the late summer" keep their article.
                    return None;
                }
                (m, k)
            }
            Lex::Rel(Rel::Earlier) if !the => (Modifier::Start, j + 1),
            Lex::Rel(Rel::Later) if !the => (Modifier::End, j + 1),
            Lex::Unit(Unit::Year, false) => {
                // "year-end", "year end", "year's end"; "the year-end" with
                // its article, as "the year" has it.
                let k = if self.dash(j + 1) || is_possessive_tok(self.tok(j + 1)) {
                    j + 2
                } else {
                    j + 1
                };
                if !self.is_word(k, "end")
                    || k == j + 1 && (the || !self.is_func(j.wrapping_sub(1), Func::By))
                {
                    return None;
                }
                // "Seiyu's year-end loss in 2004": the year its noun is of.
                let (year, how) = match self.year_of_noun_after(k + 1) {
                    Some(year) => (year, "noun-year"),
                    None => (self.r.year().into(), ""),
                };
                let p = Pt::new(cal::fmt_year(year), Grain::Year, "year-end", how);
                return Some(Cand { modifier: Some(Modifier::End), ..p.into_cand(i, k + 1) });
            }
            _ => return None,
        };
        if self.breaks(k) {
            return None;
        }
        // "mid afternoon", "late morning": that part of the reference day,
        // unless it names a broadcast slot ("the late-night lineups").
        if let Some(Lex::PartOfDay(pod)) = self.lex(k)
            && !self.s(k).ends_with('s')
            && !the
            && !BROADCAST_NOUNS.iter().any(|w| self.is_word(k + 1, w))
            && !matches!(self.lex(k + 1), Some(Lex::Weekday(_) | Lex::Deictic(_)))
        {
            // "On Sunday, Marines who had just escaped an early-morning
            // ambush", "told lawmakers Monday. ... a late-night call": the
            // day the story is told on (`story_day.rs`), as "in the
            // morning" takes it.
            let (day, how) = match self.story_day_of_position(i, k + 1) {
                Some(d) => (d, "story-day"),
                None => (self.r, ""),
            };
            let mut p = Pt::new(
                format!("{}T{}", cal::fmt_day(day), pod.code()),
                Grain::PartOfDay,
                "position-part-of-day",
                how,
            );
            p.kind = TimexType::Time;
            return Some(Cand { modifier: Some(modifier), ..p.into_cand(i, k + 1) });
        }
        let earlier_later = matches!(self.lex(j), Some(Lex::Rel(Rel::Earlier | Rel::Later)));
        // "al final del año próximo", "la fin de l'année dernière": the
        // relative word after the unit.
        if self.lx.extended
            && !earlier_later
            && let Some((p, e)) = self.p_rel_after_noun(k)
        {
            let rule = format!("position-{}", p.rule);
            return Some(Cand { modifier: Some(modifier), rule, ..p.into_cand(i, e) });
        }
        // "zum Jahresende", "Jahresbeginn 1918": the position glued to its
        // unit, read as "Ende des Jahres".
        let glued_unit = (self.lx.extended && !the && k == j + 1)
            .then(|| self.position_compound_unit(j))
            .flatten();
        // "the end of the year", "the end of the month", "end of year".
        let uk = if glued_unit.is_some() {
            j
        } else if self.is_func(k, Func::The) {
            k + 1
        } else {
            k
        };
        // "до кінця року": languages without articles put the unit's
        // genitive right after the position word.
        let bare = self.lx.extended
            && uk == k
            && k == j + 1
            && matches!(self.lex(j), Some(Lex::Position(_)))
            && !self.lx.tables.year_nouns_inside.is_empty();
        let unit_at = |uk: usize| glued_unit.map(|u| (u, false)).or_else(|| self.unit(uk));
        if (uk > k || bare || glued_unit.is_some() || k > 0 && self.is_func(k - 1, Func::Of))
            && unit_at(uk).is_some_and(|(u, p)| {
                !p && matches!(
                    u,
                    Unit::Year
                        | Unit::Month
                        | Unit::Week
                        | Unit::Quarter
                        | Unit::Decade
                        | Unit::Century
                )
            })
            && !earlier_later
        {
            let u = unit_at(uk)?.0;
            let r = self.r;
            // "Ende des Jahres 1939": the year the noun names.
            if self.lx.extended
                && u == Unit::Year
                && let Some((y, e)) = self.year_number(uk + 1, true)
            {
                let p = Pt::new(cal::fmt_year(y), Grain::Year, "position-the-year-n", "");
                return Some(Cand { modifier: Some(modifier), ..p.into_cand(i, e) });
            }
            let p = match u {
                // In a narrative, the year the story is in.
                Unit::Year => {
                    let y = self.narrative_year().unwrap_or(r.year().into());
                    Pt::new(cal::fmt_year(y), Grain::Year, "position-the-unit", "")
                }
                // In a narrative, the month the story named last.
                Unit::Month => {
                    let (y, m) = match (self.narrative_year(), self.doc.last_month) {
                        (Some(_), Some(ym)) => ym,
                        _ => (r.year().into(), r.month() as u32),
                    };
                    Pt::new(cal::fmt_month(y, m), Grain::Month, "position-the-unit", "")
                }
                Unit::Week => {
                    let (y, w) = cal::iso_week(r);
                    Pt::new(cal::fmt_week(y, w), Grain::Week, "position-the-unit", "")
                }
                // As "the quarter" alone: the quarter the report named
                // last; in a past clause the last one ended ("At the end of
                // the quarter, the base had grown to 8 million").
                Unit::Quarter => {
                    let ((y, q), how) = match self.doc.last_quarter {
                        Some(named) => (named, "named".to_owned()),
                        None => match self.direction_at(i, uk + 1, Dir::Nearest) {
                            (Dir::Past, cue) => (self.previous_quarter(), cue),
                            _ => ((r.year().into(), cal::quarter_of(r)), String::new()),
                        },
                    };
                    let v = format!("{}-Q{q}", cal::fmt_year(y));
                    Pt::new(v, Grain::Quarter, "position-the-unit", how)
                }
                Unit::Decade => {
                    Pt::new(format!("{:03}", r.year() / 10), Grain::Decade, "position-the-unit", "")
                }
                _ => Pt::new(
                    format!("{:02}", r.year() / 100),
                    Grain::Century,
                    "position-the-unit",
                    "",
                ),
            };
            return Some(Cand { modifier: Some(modifier), ..p.into_cand(i, uk + 1) });
        }
        if earlier_later {
            // "earlier that day", "later that year".
            if let Some(c) = self.r_that(k) {
                return Some(Cand {
                    s: i,
                    modifier: Some(modifier),
                    rule: format!("position-{}", c.rule),
                    ..c
                });
            }
            // "earlier this year", "later this month", "earlier Sunday", "later today".
            // TimeBank leaves "earlier"/"later" out before a weekday ("Earlier
            // Friday" -> "Friday") but keeps it in "earlier this month".
            let ok = matches!(
                self.lex(k),
                Some(Lex::Rel(Rel::This))
                    | Some(Lex::Deictic(
                        Deictic::Today | Deictic::Yesterday | Deictic::Tomorrow | Deictic::Tonight
                    ))
            );
            if !ok {
                if self.is_func(k, Func::In)
                    && self.is_func(k + 1, Func::The)
                    && matches!(
                        self.unit(k + 2),
                        Some((Unit::Year | Unit::Month | Unit::Week | Unit::Day, false))
                    )
                {
                    let r = self.r;
                    let u = self.unit(k + 2)?.0;
                    if self.is_rel(j, Rel::Earlier)
                        && let Some(p) = self.unit_just_ended(u, "earlier-in-the-unit")
                    {
                        return Some(p.into_cand(i, k + 3));
                    }
                    let p = match u {
                        Unit::Year => Pt::new(
                            cal::fmt_year(r.year().into()),
                            Grain::Year,
                            "earlier-in-the-unit",
                            "",
                        ),
                        Unit::Month => Pt::new(
                            cal::fmt_month(r.year().into(), r.month() as u32),
                            Grain::Month,
                            "earlier-in-the-unit",
                            "",
                        ),
                        Unit::Week => {
                            let (y, w) = cal::iso_week(r);
                            Pt::new(cal::fmt_week(y, w), Grain::Week, "earlier-in-the-unit", "")
                        }
                        // "On Monday, the spokesman had criticized ...
                        // Later in the day, Newsweek retracted": the day
                        // the story is told on (`story_day.rs`).
                        _ => match self.story_day(i, k + 3) {
                            Some(d) => Pt::day(d, "earlier-in-the-unit", "story-day"),
                            None => Pt::day(r, "earlier-in-the-unit", ""),
                        },
                    };
                    return Some(Cand { modifier: Some(modifier), ..p.into_cand(i, k + 3) });
                }
                return None;
            }
        }
        // "mid-2023": a bare year after "mid-"/"early"/"late" is cued.
        if let Some((y, 4)) = self.num(k)
            && (1000..=2999).contains(&y)
            && !((self.is_word(k + 1, "s") || is_possessive_tok(self.tok(k + 1)))
                && self.glued(k + 1))
        {
            let p = Pt::new(cal::fmt_year(y as i32), Grain::Year, "position-year", "");
            return Some(Cand { modifier: Some(modifier), ..p.into_cand(i, k + 1) });
        }
        let (p, e) = self.point(k).or_else(|| {
            // "late November" where bare-month guards need the position word.
            let (m, e, abbr) = self.month_tok(k)?;
            if abbr || !self.upper(k) {
                return None;
            }
            let (y, how) = self.year_for_month(m, k, e)?;
            Some((Pt::new(cal::fmt_month(y, m), Grain::Month, "month", how), e))
        })?;
        // "the start of the Q4 earnings season": "the Q4" modifies the noun
        // after it, whose start is meant, not the quarter's.
        if p.rule == "q-notation" && self.is_func(k, Func::The) && self.lowercase_unknown_word(e) {
            return None;
        }
        let _ = &mut k;
        if p.rule == "relative-unit"
            && self.is_rel(j, Rel::Earlier)
            && self.is_rel(k, Rel::This)
            && let Some((u, false)) = self.unit(k + 1)
            && let Some(p) = self.unit_just_ended(u, "position-relative-unit")
        {
            return Some(p.into_cand(i, e));
        }
        let mut c = p.into_cand(i, e);
        c.modifier = Some(modifier);
        c.rule = format!("position-{}", c.rule);
        Some(c)
    }

    /// "Earlier this week" ("in the week") on a Monday: nothing of the week
    /// lies earlier, so the week just ended is meant (all seven in
    /// news.jsonl), as a whole. ("Earlier this month" on a month's first
    /// day means the month before as well, but TimeBank gives it the
    /// document's month: wsj_0356.)
    #[cold]
    #[inline(never)]
    fn unit_just_ended(&self, u: Unit, rule: &'static str) -> Option<Pt> {
        if u != Unit::Week || cal::weekday(self.r) != 1 {
            return None;
        }
        let (y, w) = cal::iso_week(cal::add_days(self.r, -7)?);
        Some(Pt::new(cal::fmt_week(y, w), Grain::Week, rule, "just-ended"))
    }

    /// The unit a position word at `i` is glued to ("Jahresende": the
    /// year), from `Tables::position_compounds`.
    pub(super) fn position_compound_unit(&self, i: usize) -> Option<Unit> {
        let w = self.s(i);
        let found = self.lx.tables.position_compounds.iter().find(|(c, _)| self.lx.same_word(w, c));
        found.map(|&(_, u)| u)
    }

    /// A hedge before a quantity: "about", "nearly", "more than", "at least",
    /// "up to", "no more than", "less than", "over", "some". Returns (mod, end).
    /// "than" in the language ("als", "de").
    pub(super) fn is_than(&self, i: usize) -> bool {
        self.lx.tables.than.iter().any(|w| self.is_word(i, w))
    }

    pub(super) fn hedge(&self, i: usize) -> Option<(Modifier, usize)> {
        if self.is_func(i, Func::At) && self.lex(i + 1) == Some(Lex::Hedge(Hedge::AtLeast)) {
            return Some((Modifier::EqualOrMore, i + 2));
        }
        let h = match self.lex(i)? {
            Lex::Hedge(h) => h,
            _ => {
                if self.is_func(i, Func::No)
                    && self.lex(i + 1) == Some(Lex::Hedge(Hedge::More))
                    && self.is_word(i + 2, "than")
                {
                    return Some((Modifier::EqualOrLess, i + 3));
                }
                return None;
            }
        };
        match h {
            Hedge::About => Some((Modifier::Approx, i + 1)),
            Hedge::Nearly => Some((Modifier::EqualOrLess, i + 1)),
            Hedge::More if self.is_than(i + 1) => Some((Modifier::MoreThan, i + 2)),
            Hedge::Less if self.is_than(i + 1) => Some((Modifier::LessThan, i + 2)),
            Hedge::Over | Hedge::Under
                if self.number(i + 1).is_some() || self.is_func(i + 1, Func::A) =>
            {
                Some((
                    if h == Hedge::Over { Modifier::MoreThan } else { Modifier::LessThan },
                    i + 1,
                ))
            }
            Hedge::UpTo if self.is_func(i + 1, Func::To) => Some((Modifier::EqualOrLess, i + 2)),
            // "al menos", one phrase of the table.
            Hedge::AtLeast if self.lx.extended => Some((Modifier::EqualOrMore, i + 1)),
            _ => None,
        }
    }

    /// The year a noun after token `i` is of: one or two lowercase words,
    /// then "in", "for" or "of" and a year ("loss in 2004", "results for
    /// 2003"), in English.
    fn year_of_noun_after(&self, i: usize) -> Option<i32> {
        if self.lx.extended {
            return None;
        }
        let nouns = (i..i + 2).take_while(|&k| self.lowercase_unknown_word(k)).count();
        let k = i + nouns;
        let linked = [Func::In, Func::For, Func::Of].iter().any(|&f| self.is_func(k, f));
        if nouns == 0 || !linked || self.breaks(k + 1) {
            return None;
        }
        self.year_number(k + 1, true).map(|(year, _)| year)
    }
}

/// Nouns a part of the day names a broadcast slot before ("the late-night
/// lineups", "late-night programming", "a late-night talk show"): no time.
const BROADCAST_NOUNS: &[&str] = &[
    "show",
    "shows",
    "talk",
    "television",
    "tv",
    "programming",
    "programme",
    "programmes",
    "program",
    "programs",
    "lineup",
    "lineups",
    "comedy",
    "comedian",
    "comedians",
    "host",
    "hosts",
    "slot",
    "slots",
];

impl Parser<'_> {
    /// The story's day of "late-night" at tokens `s..e`, out of line: the
    /// reading is rare.
    #[cold]
    #[inline(never)]
    fn story_day_of_position(&self, s: usize, e: usize) -> Option<jiff::civil::Date> {
        (self.direction == crate::Direction::Context).then(|| self.story_day(s, e)).flatten()
    }
}
