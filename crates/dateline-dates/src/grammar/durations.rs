//! Durations: "three years", "48 hours", "a decade", "the past two years",
//! and the TIMEX3 duration values.

use jiff::civil::Date as Civil;

use super::{Cand, Parser, Pt, grain_unit, unit_grain};
use crate::cal;
use crate::lexicon::{Deictic, Func, Hedge, Lex, PartOfDay, Rel, Unit, Vague, Verb};
use crate::timex::{Grain, Modifier, TimexRange, TimexType};
use crate::token::Kind;

/// A quantity and unit read by [`Parser::amount_unit`]: the duration value
/// ("P3Y"), the unit's grain, the end token, and whether the quantity was
/// the article "a" ("a year").
pub(super) type AmountUnit = (String, Grain, usize, bool);

/// The words before "the month" of a monthly report ("for the month").
const REPORT_PREPOSITIONS: &[&str] = &["for", "in", "during", "over", "throughout"];

/// Years from the reference a period named earlier in the sentence may
/// lie, at most, for "the year" to take it up.
const NEAR_YEARS: i32 = 2;

impl Parser<'_> {
    /// A date ahead for one end of "in N to M units" (`first` is the
    /// token of N), when the clause looks ahead as for "in N units":
    /// `v` is the end's quantity, `e` the token after the range.
    fn range_ahead(&self, first: Option<usize>, v: &str, e: usize) -> Option<Pt> {
        let first = first?;
        // The cheap token tests first: this runs for every "N units".
        if !self.is_func(first.checked_sub(1)?, Func::In) {
            return None;
        }
        let (_, after) = self.number(first)?;
        if !(self.is_func(after, Func::To) || self.is_func(after, Func::Or)) {
            return None;
        }
        let (dir, how) = self.direction_at(first - 1, e, super::Dir::Nearest);
        if dir != super::Dir::Future || how.starts_with("future-schedule") {
            return None;
        }
        let (n, u) = parse_simple_duration(v)?;
        if u == 'H' || v.starts_with("PT") {
            return None;
        }
        self.in_point(self.r, n, u, how)
    }

    /// Whether the word at `k` stands where a verb goes: after a modal or
    /// auxiliary ("will", "shouldn't", "to", "did not").
    pub(super) fn verb_slot(&self, k: usize) -> bool {
        const BEFORE_VERB: &[&str] = &[
            "will", "would", "should", "shall", "can", "could", "may", "might", "must", "to",
            "did", "does", "do", "not", "t", "ll", "d",
        ];
        k.checked_sub(1).is_some_and(|p| BEFORE_VERB.iter().any(|w| self.is_word(p, w)))
    }

    /// A quantity and unit: "three years", "48 hours", "a decade", "several weeks",
    /// "two-year", "2 1/2 years", "a year and a half". Returns (value, unit grain, end).
    pub(super) fn amount_unit(&self, i: usize) -> Option<AmountUnit> {
        // The duration and "ago" rules both read one at the same token.
        if let Some((at, found)) = &*self.amount_memo.borrow()
            && *at == i
        {
            return found.clone();
        }
        let found = self.read_amount_unit(i);
        *self.amount_memo.borrow_mut() = Some((i, found.clone()));
        found
    }

    /// Half a unit where the half stands before its unit, with or without
    /// "a" ("media hora", "medio siglo", "eine halbe Stunde", "ein halbes
    /// Jahr", "une demi-heure"), and a unit and a half without a number
    /// ("hora y media", "año y medio", read on as "una hora y media"): the
    /// quantity and where the unit is.
    #[cold]
    fn half_unit(&self, i: usize) -> Option<(f64, usize)> {
        let unit_at = |k: usize| matches!(self.unit(k), Some((u, false)) if u != Unit::Quarter);
        if unit_at(i) && self.is_func(i + 1, Func::And) && self.is_func(i + 2, Func::Half) {
            return Some((1.0, i));
        }
        let h = if self.is_func(i, Func::A) { i + 1 } else { i };
        if !self.is_func(h, Func::Half) {
            return None;
        }
        let k =
            if self.dash(h + 1) && self.glued(h + 1) && self.glued(h + 2) { h + 2 } else { h + 1 };
        // Not "medio día": noon as often as half a day.
        (unit_at(k) && self.unit(k) != Some((Unit::Day, false))).then_some((0.5, k))
    }

    /// Whether "quarter(s)" ending at `e`, its count `qty` (`None`: vague)
    /// starting at `i`, is no stretch of time: a fraction after "by" before
    /// a mark ("cut production by almost a quarter.") or before a comma and
    /// "of" ("about a quarter, of its dealers"); or the circles a vague
    /// count of quarters names after "from", "in" or "among" ("criticism
    /// from several quarters", "anger in some quarters"), not before "of"
    /// or a number ("in several quarters of 2008").
    #[cold]
    #[inline(never)]
    fn quarter_not_time(&self, i: usize, e: usize, qty: Option<f64>, plural: bool) -> bool {
        let Some(q) = qty else {
            return plural
                && i > 0
                && (self.is_func(i - 1, Func::From)
                    || self.is_func(i - 1, Func::In)
                    || self.is_word(i - 1, "among"))
                && !self.is_func(e, Func::Of)
                && self.num(e).is_none();
        };
        if q > 3.0 {
            return false;
        }
        if self.punct(e, ',') && self.is_func(e + 1, Func::Of) {
            return true;
        }
        // "by", then hedges: "by almost", "by more than", "by approximately".
        let mut k = i;
        while k > 0
            && i - k < 3
            && (matches!(self.lex(k - 1), Some(Lex::Hedge(_))) || self.is_word(k - 1, "than"))
        {
            k -= 1;
        }
        k > 0
            && self.is_func(k - 1, Func::By)
            && self.tok(e).is_none_or(|t| t.kind == Kind::Punct && !self.punct(e, '-'))
    }

    fn read_amount_unit(&self, i: usize) -> Option<AmountUnit> {
        // "1914 року", "264 до н. е.": a year, not a count of years.
        if self.lx.extended && self.p_marked_year(i).is_some() {
            return None;
        }
        let mut j;
        // Quantity.
        let mut qty: Option<f64> = None; // None = vague
        let mut vague = false;
        // "half an hour", "a quarter of an hour", "three-quarters of a mile".
        let fraction = if self.is_func(i, Func::Half) && self.is_func(i + 1, Func::A) {
            Some((0.5, i + 2))
        } else if let Some(found) = self.lx.extended.then(|| self.half_unit(i)).flatten() {
            Some(found)
        } else if self.is_func(i, Func::A)
            && matches!(self.unit(i + 1), Some((Unit::Quarter, false)))
            && self.is_func(i + 2, Func::Of)
            && self.is_func(i + 3, Func::A)
        {
            Some((0.25, i + 4))
        } else if self.lex(i) == Some(Lex::Number(3))
            && self.dash(i + 1)
            && matches!(self.unit(i + 2), Some((Unit::Quarter, true)))
            && self.is_func(i + 3, Func::Of)
            && self.is_func(i + 4, Func::A)
        {
            Some((0.75, i + 5))
        } else if let (Some((a, 1)), true, Some((b, 1))) =
            (self.num(i), self.punct(i + 1, '/'), self.num(i + 2))
            && self.glued(i + 1)
            && self.glued(i + 2)
            && (2..=4).contains(&b)
            && (1..b).contains(&a)
        {
            // "1/2 hour", "3/4 hour": a fraction only before a unit (else a date).
            Some((f64::from(a) / f64::from(b), i + 3))
        } else {
            None
        };
        // "1/2 h", "3/4h": the fraction also takes the hour's symbol.
        let fraction = fraction.filter(|&(_, e)| {
            matches!(self.unit(e), Some((u, false)) if u != Unit::Quarter) || self.is_word(e, "h")
        });
        if let Some((f, e)) = fraction {
            qty = Some(f);
            j = e;
        } else if let Some((n, e)) = self.number(i) {
            qty = Some(n);
            j = e;
        } else {
            match self.lex(i)? {
                Lex::Func(Func::A) => {
                    // "a few", "a couple of", "a year".
                    match self.lex(i + 1) {
                        Some(Lex::Vague(Vague::Few)) => {
                            vague = true;
                            j = i + 2;
                        }
                        Some(Lex::Vague(Vague::Couple)) => {
                            qty = Some(2.0);
                            j = if self.is_func(i + 2, Func::Of) { i + 3 } else { i + 2 };
                        }
                        _ => {
                            qty = Some(1.0);
                            j = i + 1;
                        }
                    }
                }
                Lex::Vague(Vague::Several | Vague::Few | Vague::Many) => {
                    vague = true;
                    j = i + 1;
                }
                Lex::Vague(Vague::Some) if self.unit(i + 1).is_some_and(|u| u.1) => {
                    vague = true;
                    j = i + 1;
                }
                Lex::Func(Func::Another) => {
                    qty = Some(1.0);
                    j = i + 1;
                }
                _ => return None,
            }
        }
        // Adjectives between: "additional", "more", "straight", "consecutive", "full", "trading".
        let mut adjective = false;
        loop {
            match self.lex(j) {
                Some(Lex::Func(
                    Func::Additional
                    | Func::Straight
                    | Func::Consecutive
                    | Func::Full
                    | Func::Trading
                    | Func::Business
                    | Func::Calendar,
                )) => j += 1,
                Some(Lex::Hedge(Hedge::More)) if !self.is_word(j + 1, "than") => j += 1,
                _ => break,
            }
        }
        // "two-year", "10-year", "16-hour", "8-month-old".
        let hyphen = self.dash(j) && self.glued(j) && self.glued(j + 1);
        if hyphen {
            j += 1;
            adjective = true;
        }
        // "one and a half hours", "two and a half years".
        let mut pre_half = false;
        if qty.is_some()
            && self.is_func(j, Func::And)
            && (self.is_func(j + 1, Func::Half)
                || self.is_func(j + 1, Func::A) && self.is_func(j + 2, Func::Half))
        {
            let k = if self.is_func(j + 1, Func::Half) { j + 2 } else { j + 3 };
            if self.unit(k).is_some() {
                pre_half = true;
                j = k;
            }
        }
        let (u, plural) = match self.unit(j) {
            Some(u) => u,
            None => {
                if self.is_func(j, Func::Weekend) && qty.is_some() {
                    (Unit::Day, false)
                } else if qty.is_some()
                    && matches!(self.lex(j), Some(Lex::PartOfDay(PartOfDay::Night)))
                    && !self.upper(j)
                {
                    // "two nights" (a hotel stay) counts days.
                    (Unit::Day, self.s(j).ends_with('s'))
                } else if qty.is_some()
                    && self.is_word(j, "h")
                    && (self.glued(j) || fraction.is_some())
                    && !adjective
                {
                    // "3h", "1.5h", "1/2 h".
                    (Unit::Hour, false)
                } else {
                    return None;
                }
            }
        };
        let qty = if pre_half { qty.map(|q| q + 0.5) } else { qty };
        let weekend = self.is_func(j, Func::Weekend);
        // "a quarter century", "a quarter-century": 25 years, not a quarter.
        let c = if self.dash(j + 1) && self.glued(j + 1) { j + 2 } else { j + 1 };
        let (u, qty, mut e) = if u == Unit::Quarter
            && !plural
            && matches!(self.unit(c), Some((Unit::Century, false)))
        {
            (Unit::Year, qty.map(|q| q * 25.0), c + 1)
        } else {
            (u, qty, j + 1)
        };
        // "a second Peace Summit", "a second term": the ordinal.
        if u == Unit::Second && !plural && self.second_is_ordinal(i, e) {
            return None;
        }
        let single_a = qty == Some(1.0) && self.is_func(i, Func::A);
        if plural && single_a {
            return None;
        }
        // "a day-by-day basis", "day-to-day running", "year-on-year": a manner
        // adjective built from the unit, not a stretch of time.
        if self.dash(e)
            && self.glued(e)
            && ["by", "to", "on", "after"].iter().any(|w| self.is_word(e + 1, w))
            && self.dash(e + 2)
            && self.unit(e + 3).is_some()
        {
            return None;
        }
        // "a month-long strike": the article belongs to the noun; "month-long"
        // is `unit_long`'s, not "a month".
        if single_a
            && !adjective
            && self.dash(e)
            && self.glued(e)
            && self.is_func(e + 1, Func::Long)
        {
            return None;
        }
        // "a year-earlier loss": the article belongs to the noun; "year-earlier"
        // is r_year_ago's date, not "a year".
        if single_a
            && self.dash(e)
            && self.glued(e)
            && matches!(self.lex(e + 1), Some(Lex::Rel(Rel::Earlier | Rel::Ago | Rel::Later)))
        {
            return None;
        }
        // "This is a day of happiness", "it was a day to remember": "a day" as the
        // complement of "be" names an occasion, not a length (but "the vote is
        // a week away" and "it was a day later" measure one).
        if single_a
            && i > 0
            && ["is", "was", "are", "were", "be", "been", "'s"]
                .iter()
                .any(|w| self.is_word(i - 1, w))
            && !self.tok(e).is_some_and(|t| {
                matches!(
                    t.lex,
                    Some(Lex::Rel(_) | Lex::Cue(_))
                        | Some(Lex::Func(Func::Long | Func::Old | Func::Or))
                ) || ["away", "ahead", "behind", "late", "early", "off"]
                    .iter()
                    .any(|w| self.is_word(e, w))
            })
        {
            return None;
        }
        // Ages ("the 6-year-old", "52 years old") are not time expressions.
        if self.dash(e) && self.glued(e) && self.is_func(e + 1, Func::Old)
            || self.is_func(e, Func::Old)
        {
            return None;
        }
        // "decades-long".
        if adjective && self.dash(e) && self.glued(e) && self.is_func(e + 1, Func::Long) {
            e += 2;
        }
        // Fractions: "a quarter of the market", "three-quarters".
        if u == Unit::Quarter
            && (self.is_func(e, Func::Of) && !vague && qty.is_some_and(|q| q <= 3.0)
                || plural && adjective
                || self.quarter_not_time(i, e, qty, plural))
        {
            return None;
        }
        // "and a half".
        let mut extra_half = false;
        if self.is_func(e, Func::And)
            && self.is_func(e + 1, Func::A)
            && self.is_func(e + 2, Func::Half)
        {
            extra_half = true;
            e += 3;
        } else if self.lx.extended
            && qty.is_some()
            && self.is_func(e, Func::And)
            && self.is_func(e + 1, Func::Half)
            && !self.tok(e + 2).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none())
        {
            // "dos semanas y media", "deux heures et demie".
            extra_half = true;
            e += 2;
        }
        let q = qty.map(|q| if extra_half { q + 0.5 } else { q });
        let _ = weekend;
        let v = if vague { None } else { q };
        let decimal = v
            .filter(|_| self.lx.tables.decimal_fractions && !weekend)
            .and_then(|q| decimal_duration_value(q, u));
        Some((
            decimal
                .unwrap_or_else(|| duration_value(v, if weekend { Unit::Day } else { u }, weekend)),
            unit_grain(u),
            e,
            single_a,
        ))
    }

    /// Whether "second" ending at `e`, its amount at `i`, is the ordinal,
    /// read from what follows it: a word outside the lexicon ("a second
    /// Peace Summit"); after "a", also a noun or an adjective of the
    /// lexicon ("a second term", "a second time", "a second consecutive
    /// day", "a second half"), a hyphenated word ("a second-rate", "a
    /// second-in-command") or a count ("a second 24-hour strike"), and the
    /// ordinal standing for its noun ("a second (runoff) round",
    /// `second_stands_for_noun`). The unit stands before punctuation or a
    /// function word ("for a second.", "a second or two", "think for a
    /// second that", "a 44 second-long video").
    fn second_is_ordinal(&self, i: usize, e: usize) -> bool {
        let Some(t) = self.tok(e) else { return false };
        if !self.is_func(i, Func::A) {
            return t.kind == Kind::Word
                && !matches!(t.lex, Some(Lex::Func(_) | Lex::Rel(_) | Lex::Cue(_)));
        }
        if self.second_stands_for_noun(i, e) {
            return true;
        }
        match t.kind {
            Kind::Word => match t.lex {
                Some(Lex::Func(f)) => matches!(
                    f,
                    Func::Term
                        | Func::Time
                        | Func::Weekend
                        | Func::Half
                        | Func::Consecutive
                        | Func::Straight
                        | Func::Full
                        | Func::Additional
                ),
                Some(Lex::Rel(_) | Lex::Cue(_)) => false,
                _ => true,
            },
            Kind::Num => true,
            _ if t.is_dash() => !t.space && self.glued(e + 1),
            _ => false,
        }
    }

    /// Whether "a second" at `i` (its unit ends before `e`) is the ordinal
    /// standing for a noun named before or after it, where the word before
    /// it takes no stretch of time (`Tables::second_unit_before`): "a second
    /// (runoff) round", "then a second, more powerful bomb", "and a second of
    /// misconduct"; and "a second or third nuclear test" after any word. Not
    /// "for a second, I thought", "1/100th of a second", "328 feet a second."
    fn second_stands_for_noun(&self, i: usize, e: usize) -> bool {
        let before = self.lx.tables.second_unit_before;
        if before.is_empty() {
            return false;
        }
        if (self.is_func(e, Func::Or) || self.is_func(e, Func::And))
            && matches!(self.lex(e + 1), Some(Lex::Ordinal(_)))
        {
            return true;
        }
        let takes_time =
            i.checked_sub(1).is_some_and(|k| before.iter().any(|w| self.is_word(k, w)));
        !takes_time && (self.punct(e, ',') || self.punct(e, '(') || self.is_word(e, "of"))
    }

    /// Durations: "three years", "the past two years", "the next 12 to 18 months",
    /// "more than four hours", "the first nine months", "years".
    #[inline]
    pub(super) fn r_duration(&self, i: usize) -> Option<Cand> {
        let c = self.r_duration_inner(i).map(|c| self.trim_hedge(i, c))?;
        Some(if self.lx.extended { self.compound_duration(c) } else { c })
    }

    /// "dos años y tres meses", "dos horas y 30 minutos": a duration and a
    /// smaller one after "and", one DURATION (`P2Y3M`, `PT2H30M`).
    fn compound_duration(&self, c: Cand) -> Cand {
        let joined = (|| {
            if c.kind != TimexType::Duration || !self.is_func(c.e, Func::And) {
                return None;
            }
            let (v, _, e, _) = self.amount_unit(c.e + 1)?;
            let first = duration_part(&c.value)?;
            let second = duration_part(&v)?;
            if second.0 >= first.0 || first.2 && !second.2 {
                return None;
            }
            let value = match (first.2, second.2) {
                (true, true) => format!("PT{}{}", first.1, second.1),
                (false, false) => format!("P{}{}", first.1, second.1),
                _ => format!("P{}T{}", first.1, second.1),
            };
            Some(Cand { e, value, rule: format!("{}+compound", c.rule), ..c.clone() })
        })();
        joined.unwrap_or(c)
    }

    /// TimeBank keeps "nearly", "more than", "at least", "around" inside a
    /// timex but mostly leaves "about" and "over three ..." out (as signals);
    /// the modifier stays either way.
    pub(super) fn trim_hedge(&self, i: usize, mut c: Cand) -> Cand {
        if c.s == i
            && (self.is_word(i, "about")
                || self.is_word(i, "over") && !self.is_func(i + 1, Func::A))
            && let Some((_, e)) = self.hedge(i)
            && e < c.e
        {
            c.s = e;
        }
        c
    }

    /// Whether "one day" at `i` is some day to come, no stretch of a day
    /// ("Islam will one day be the second largest religion": TBAQ's
    /// FUTURE_REF): right after a modal or "perhaps", or opening a clause
    /// whose modal follows ("believes that one day Wi-Fi will offer", "One
    /// day oil will dry up"). Not "one day after", "one day of", "one day's
    /// delay", "for one day", "a one day strike".
    #[cold]
    #[inline(never)]
    fn is_someday(&self, i: usize) -> bool {
        if !(self.is_word(i, "one") && self.is_word(i + 1, "day"))
            || matches!(self.lex(i + 2), Some(Lex::Rel(_)))
            || self.is_func(i + 2, Func::Of)
            || super::is_possessive_tok(self.tok(i + 2))
        {
            return false;
        }
        let modal = |k: usize| {
            matches!(
                self.lx.verb(self.s(k).as_bytes()),
                Some(Verb::Will | Verb::Would | Verb::Modal | Verb::Could)
            )
        };
        let comma = |k: usize| self.punct(k, ',');
        let before = i.checked_sub(1);
        // "will one day be", "perhaps, one day, ...".
        let word_before = before.and_then(|k| if comma(k) { k.checked_sub(1) } else { Some(k) });
        if word_before
            .is_some_and(|k| modal(k) || self.is_word(k, "perhaps") || self.is_word(k, "maybe"))
        {
            return true;
        }
        let opens_clause = before.is_none_or(|k| {
            self.tok(k).is_some_and(|t| t.kind == Kind::Punct) || self.is_word(k, "that")
        });
        if !opens_clause {
            return false;
        }
        let from = if comma(i + 2) { i + 3 } else { i + 2 };
        for k in from..from + 4 {
            match self.tok(k) {
                Some(t) if t.kind == Kind::Word => {
                    if modal(k) {
                        return true;
                    }
                }
                _ => return false,
            }
        }
        false
    }

    pub(super) fn r_duration_inner(&self, i: usize) -> Option<Cand> {
        if let Some(c) = self.unit_long(i) {
            return Some(c);
        }
        let mut j = i;
        let mut modifier = None;
        if let Some((m, e)) = self.hedge(j) {
            modifier = Some(m);
            j = e;
        }
        // "the past/last/next/first/coming N units", "the N units".
        let mut the = false;
        let mut lead: Option<Rel> = None;
        let mut k = j;
        if self.is_func(k, Func::The) {
            the = true;
            k += 1;
        }
        // "the weeks ahead", "the days ahead" (`Tables::units_ahead_words`): the
        // open stretch ahead, as "the coming weeks" is (TBAQ: PXW); not
        // "ahead of" something.
        if the
            && let Some((u, true)) = self.unit(k)
            && !matches!(u, Unit::Second | Unit::Quarter)
            && !self.breaks(k + 1)
            && self.is_ahead_word(k + 1)
            && !self.is_func(k + 2, Func::Of)
        {
            let v = duration_value(None, u, false);
            let p = Pt::new(v, unit_grain(u), "units-ahead", "").duration();
            return Some(Cand { modifier, ..p.into_cand(i, k + 2) });
        }
        match self.lex(k) {
            // "coming weeks", "the coming years": an open stretch ahead.
            Some(Lex::Rel(Rel::Coming)) if matches!(self.unit(k + 1), Some((_, true))) => {
                let (u, _) = self.unit(k + 1)?;
                let v = duration_value(None, u, false);
                return Some(Cand {
                    modifier,
                    ..Pt::new(v, unit_grain(u), "coming-units", "").duration().into_cand(i, k + 2)
                });
            }
            // "shouldn't last two hours", "will last three days": the verb.
            Some(Lex::Rel(Rel::Last)) if self.verb_slot(k) => return None,
            // "Coming nine months before the ballots, ...": a participle;
            // the count is read on its own. "The coming", "in coming" lead
            // (English: "kommende", "próximos" lead a count bare).
            Some(Lex::Rel(Rel::Coming))
                if !the
                    && !self.lx.extended
                    && self.number(k + 1).is_some()
                    && !k
                        .checked_sub(1)
                        .is_some_and(|p| matches!(self.lex(p), Some(Lex::Func(_)))) =>
            {
                return None;
            }
            Some(Lex::Rel(
                r @ (Rel::Last | Rel::Next | Rel::Coming | Rel::Previous | Rel::Following),
            )) => {
                lead = Some(r);
                k += 1;
            }
            Some(Lex::Deictic(Deictic::Past)) => {
                lead = Some(Rel::Last);
                k += 1;
            }
            Some(Lex::Ordinal(1)) if the => {
                lead = Some(Rel::Next);
                k += 1;
            }
            Some(Lex::Deictic(Deictic::Recent)) if !the => {
                // "recent months" -> vague duration; "recent years" -> PAST_REF (TimeBank).
                if let Some((u, true)) = self.unit(k + 1)
                    && matches!(u, Unit::Month | Unit::Week | Unit::Quarter)
                {
                    let p = duration_value(None, u, false);
                    return Some(Cand {
                        modifier,
                        ..Pt::new(p, unit_grain(u), "recent-units", "")
                            .duration()
                            .into_cand(i, k + 2)
                    });
                }
                return None;
            }
            _ => {}
        }
        if lead.is_some() || the {
            // "the next 12 to 18 months".
            if let (Some((_, e1)), true) = (self.number(k), true)
                && (self.is_func(e1, Func::To) || self.is_func(e1, Func::Or))
                && let Some((v, g, e2, _)) = self.amount_unit(e1 + 1)
            {
                let vv = vague_of(&v);
                return Some(Cand {
                    modifier,
                    ..Pt::new(vv, g, "the-range-units", "").duration().into_cand(i, e2)
                });
            }
            // "the 1988 quarter", "the 1989 period": that year's quarter in a results report.
            if the
                && lead.is_none()
                && let Some((y, 4)) = self.num(k)
                && (matches!(self.unit(k + 1), Some((Unit::Quarter, false)))
                    || self.is_func(k + 1, Func::Period))
            {
                let p = match self.doc.last_quarter {
                    Some((_, q)) => Pt::new(
                        format!("{}-Q{q}", cal::fmt_year(y as i32)),
                        Grain::Quarter,
                        "the-year-period",
                        "",
                    ),
                    None => Pt::new(cal::fmt_year(y as i32), Grain::Year, "the-year-period", ""),
                };
                return Some(p.into_cand(i, k + 2));
            }
            if let Some((v, g, e, single)) = self.amount_unit(k) {
                if single && lead.is_none() {
                    return None; // "the a year"
                }
                if self.num(k).is_some_and(|(n, d)| d == 4 && n >= 1000) {
                    return None;
                }
                // "the two-week strike", "der zweitägige Streik" (a number
                // word glued to a unit adjective): the adjective alone is
                // the timex.
                if lead.is_none()
                    && (k..e)
                        .any(|x| self.dash(x) || x > k && self.glued(x) && self.unit(x).is_some())
                {
                    return None;
                }
                if lead.is_none() && self.unit_as_adjective(e) {
                    return None;
                }
                if self.is_func(k, Func::A) {
                    return None;
                }
                let mut e = e;
                let mut m = modifier;
                if self.is_func(e, Func::Or) && self.is_word(e + 1, "so") {
                    e += 2;
                    m = Some(Modifier::Approx);
                }
                let mut c = Pt::new(v, g, "the-units", "").duration().into_cand(i, e);
                c.modifier = m;
                let begin_end = if the {
                    self.span_range(lead, &c.value)
                } else {
                    self.aligned_range(lead, &c.value)
                };
                c.range = begin_end;
                return Some(c);
            }
            // "the past year", "over the past decade": the stretch of one unit up to
            // the reference date, a DURATION as TimeML annotates "the past two
            // years". "the last year" and "the past quarter" stay relative DATEs
            // (p_relative): they usually name the previous calendar or fiscal period.
            if the
                && (self.lex(k - 1) == Some(Lex::Deictic(Deictic::Past))
                    || self.last_unit_stretch(j))
                && let Some(u) = self.past_unit(k)
            {
                let v = duration_value(Some(1.0), u, false);
                let name = if lead == Some(Rel::Last) { "the-past-unit" } else { "the-next-unit" };
                let mut c = Pt::new(v, unit_grain(u), name, "").duration().into_cand(i, k + 1);
                c.modifier = modifier;
                c.range = self.span_range(lead, &c.value);
                return Some(c);
            }
            if the
                && matches!(lead, Some(Rel::Next | Rel::Coming))
                && let Some(c) = self.the_next_decade(i, k, lead, modifier)
            {
                return Some(c);
            }
            // "the last decade" / "the next year" -> relative DATE (handled by p_relative).
            if lead.is_some() && the {
                // "the last few months" -> PAST_REF
                if let Some(Lex::Vague(_)) = self.lex(k)
                    && let Some((_, true)) = self.unit(k + 1)
                {
                    let v = duration_value(None, self.unit(k + 1)?.0, false);
                    return Some(Cand {
                        modifier,
                        ..Pt::new(v, Grain::Unspecified, "the-vague-units", "")
                            .duration()
                            .into_cand(i, k + 2)
                    });
                }
            }
            if the && lead.is_none() {
                // "the year" (ended ...) / "the fiscal year" / "the weekend".
                let mut f = k;
                if self.is_func(f, Func::Fiscal) {
                    f += 1;
                }
                // "the full year", "the whole year": the current year.
                if matches!(self.lex(f), Some(Lex::Func(Func::Full | Func::Whole | Func::Entire)))
                    && matches!(self.unit(f + 1), Some((Unit::Year, false)))
                {
                    // A report of last year's fourth quarter ("a loss of $4.8
                    // billion in the fourth quarter of 2005 and $8.6 billion
                    // for the entire year", said in January) sums up that
                    // year, unless the clause looks ahead ("expects growth
                    // for the full year").
                    let this = i32::from(self.r.year());
                    let year = match self.doc.last_quarter {
                        Some((y, 4))
                            if y == this - 1
                                && !matches!(
                                    self.clause_lean(i, f + 2),
                                    Some((super::Dir::Future, _))
                                ) =>
                        {
                            y
                        }
                        _ => this,
                    };
                    let p = Pt::new(cal::fmt_year(year), Grain::Year, "the-full-year", "");
                    return Some(Cand { modifier, ..p.into_cand(i, f + 2) });
                }
                let unit = self.unit(f);
                if unit == Some((Unit::Day, false))
                    && f == k
                    && j == i
                    && let Some(c) = self.session_day(i, f)
                {
                    return Some(c);
                }
                if let Some((u @ (Unit::Year | Unit::Month | Unit::Quarter | Unit::Week), false)) =
                    unit
                {
                    let ended = matches!(
                        self.s(f + 1).to_ascii_lowercase().as_str(),
                        "ended" | "ending" | "ends" | "to"
                    );
                    if ended && u != Unit::Quarter {
                        let v = duration_value(Some(1.0), u, false);
                        return Some(Cand {
                            modifier,
                            ..Pt::new(v, unit_grain(u), "the-unit-ended", "")
                                .duration()
                                .into_cand(i, f + 1)
                        });
                    }
                    // "the year of 2008", "the month of May": the name after
                    // "of" is the date; "the year" alone would be this one.
                    if self.is_func(f + 1, Func::Of)
                        && match u {
                            Unit::Year => self.num(f + 2).is_some_and(|(_, d)| d == 4),
                            Unit::Month => matches!(self.lex(f + 2), Some(Lex::Month(_))),
                            _ => false,
                        }
                    {
                        return None;
                    }
                    // "the year" / "the quarter" as dates.
                    return self.the_unit(i, f, u, modifier);
                }
                if self.is_func(f, Func::Weekend) && !self.plural_phrase(f) {
                    // "the weekend of May 12": the weekend of that day's week
                    // (TimeBank marks the day apart, so the span stays).
                    if let Some(d) = self.day_named_after_part(f + 1) {
                        let (y, w) = cal::iso_week(d);
                        let week = format!("{}-WE", cal::fmt_week(y, w));
                        let p = Pt::new(week, Grain::Week, "the-weekend", "day-named-after");
                        return Some(p.into_cand(i, f + 1));
                    }
                    let cur = cal::weekday(self.r) as i64;
                    // The weekend just past (TimeBank), or this one if it is
                    // the weekend; the coming one when the clause looks ahead
                    // ("fans converge on the centre over the weekend").
                    let mut back = if cur >= 6 { 0 } else { cur };
                    let mut how = String::new();
                    if back > 0
                        && let Some((super::Dir::Future, h)) = self.clause_lean(i, f + 1)
                    {
                        back = 0;
                        how = h;
                    }
                    let (y, w) = cal::iso_week(cal::add_days(self.r, -back)?);
                    let p = Pt::new(
                        format!("{}-WE", cal::fmt_week(y, w)),
                        Grain::Week,
                        "the-weekend",
                        how,
                    );
                    return Some(p.into_cand(i, f + 1));
                }
                // "los fines de semana", "les week-ends": every weekend.
                if self.lx.extended && self.is_func(f, Func::Weekend) {
                    let p = Pt::new("XXXX-WXX-WE".into(), Grain::Unspecified, "the-weekends", "");
                    return Some(p.set().into_cand(i, f + 1));
                }
            }
            return None;
        }
        // "unos días", "unas semanas": the hedge before a plural unit is a
        // vague quantity.
        if self.lx.extended
            && modifier == Some(Modifier::Approx)
            && let Some((u, true)) = self.unit(j)
        {
            let p = Pt::new(duration_value(None, u, false), Grain::Unspecified, "some-units", "");
            return Some(p.duration().into_cand(i, j + 1));
        }
        // Plain "N units" (with a hedge).
        if let Some((v, g, e, _)) = self.amount_unit(j) {
            if self.upper(e - 1) && self.count_in_title(j) {
                return None;
            }
            if modifier.is_none() && e == i + 2 && self.is_someday(i) {
                let p = Pt::new("FUTURE_REF".into(), Grain::Unspecified, "one-day-ahead", "");
                return Some(p.into_cand(i, e));
            }
            if modifier.is_none()
                && let Some(c) = self.counted_from_story(i, &v, e)
            {
                return Some(c);
            }
            let mut e = e;
            let mut m = modifier;
            if self.is_func(e, Func::Or) && self.is_word(e + 1, "so") {
                e += 2;
                m = Some(Modifier::Approx);
            }
            // "N to M units" / "N or M units".
            let _ = &mut e;
            // The second of "in two to three years" shares the first's
            // reading: a date ahead.
            if m.is_none()
                && let Some(p) = self.range_ahead(j.checked_sub(2), &v, e)
            {
                return Some(p.into_cand(i, e));
            }
            let mut c = Pt::new(v, g, "units", "").duration().into_cand(i, e);
            c.modifier = m;
            return Some(c);
        }
        // "two to six days": the first number alone (TimeBank annotates it apart).
        if let Some((n, e1)) = self.number(j)
            && (self.is_func(e1, Func::To) || self.is_func(e1, Func::Or))
            && let Some((_, g, _, _)) = self.amount_unit(e1 + 1)
        {
            let u = grain_unit(g)?;
            let v = duration_value(Some(n), u, false);
            // The pair shares the reading its last words give: "20 or 30
            // years ago" is a date back, "12 to 18 months from now" and "in
            // two to three years" one ahead.
            if modifier.is_none()
                && let Some((_, _, e2, _)) = self.amount_unit(e1 + 1)
            {
                if let Some((sign, _)) = self.offset_tail(e2)
                    && let Some((k, u)) = parse_simple_duration(&v)
                {
                    let rule = if sign < 0 { "range-first-ago" } else { "range-first-ahead" };
                    if let Some(p) = self.ago_point(sign * k, u, rule) {
                        return Some(p.into_cand(i, e1));
                    }
                }
                if let Some(p) = self.range_ahead(Some(j), &v, e2) {
                    return Some(p.into_cand(i, e1));
                }
            }
            let mut c = Pt::new(v, g, "range-first-units", "").duration().into_cand(i, e1);
            c.modifier = modifier;
            return Some(c);
        }
        // Bare plural units after a preposition: "for years", "within days".
        if modifier.is_none()
            && let Some((u, true)) = self.unit(j)
        {
            let prev_ok = j > 0
                && matches!(
                    self.lex(j - 1),
                    Some(Lex::Func(Func::For | Func::Within | Func::During))
                        | Some(Lex::Hedge(Hedge::Over))
                )
                || j > 0 && self.is_func(j - 1, Func::In) && matches!(u, Unit::Year | Unit::Decade)
                || self.lx.extended && j > 0 && self.spent(j);
            let next_ok = !matches!(
                self.lex(j + 1),
                Some(Lex::Func(Func::Of)) | Some(Lex::Rel(Rel::Ago | Rel::Later | Rel::Earlier))
            );
            if prev_ok && next_ok && !matches!(u, Unit::Second) {
                let v = duration_value(None, u, false);
                return Some(
                    Pt::new(v, unit_grain(u), "bare-units", "").duration().into_cand(i, j + 1),
                );
            }
            // "Días después", "años después": a tail the language's corpus
            // keeps inside; "depuis des années".
            if self.lx.extended && !matches!(u, Unit::Second) {
                let tail = self.duration_tail(j + 1);
                let since = j > 0 && self.is_rel(j - 1, Rel::Since);
                if tail.is_some() || since {
                    let v = duration_value(None, u, false);
                    let p = Pt::new(v, unit_grain(u), "bare-units", "").duration();
                    return Some(p.into_cand(i, tail.unwrap_or(j + 1)));
                }
            }
        }
        None
    }

    /// "zwei Tage später", "einen Tag zuvor", "drei Monate danach": where
    /// the language's corpora mark it so (`Tables::counted_from_story`),
    /// the day that many units from the day the text named last, one DATE
    /// with the word for later or earlier (at `e`) inside. A count of years
    /// moves the year; of months, the month named since that day, if one
    /// was. `v` is the count's duration value ("P2D"). Nothing
    /// without a day named before: the count stays a duration.
    fn counted_from_story(&self, i: usize, v: &str, e: usize) -> Option<Cand> {
        if !self.lx.tables.counted_from_story || self.breaks(e) {
            return None;
        }
        let step = match self.lex(e)? {
            Lex::Rel(Rel::Later) => 1,
            Lex::Rel(Rel::Earlier) => -1,
            _ => return None,
        };
        let (n, unit) = parse_simple_duration(v).filter(|_| !v.starts_with("PT"))?;
        let day = self.doc.last_day?;
        let p = match unit {
            'Y' => {
                let y = self.doc.last_year.unwrap_or(i32::from(day.year())) + (step * n) as i32;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                Pt::new(cal::fmt_year(y), Grain::Year, "units-from-story", "anchored")
            }
            // A month named since the day ("im Mai 1861 ... einen Monat
            // später"): months from that month.
            'M' if self
                .doc
                .last_month
                .is_some_and(|(y, m)| (y, m) != (i32::from(day.year()), day.month() as u32)) =>
            {
                let (y, m) = self.doc.last_month?;
                let (y, m) = cal::shift_month(y, m, step * n)?;
                Pt::new(cal::fmt_month(y, m), Grain::Month, "units-from-story", "anchored")
            }
            'M' | 'W' | 'D' => {
                let d = match unit {
                    'M' => cal::add_months(day, step * n)?,
                    'W' => cal::add_days(day, 7 * step * n)?,
                    _ => cal::add_days(day, step * n)?,
                };
                Pt::day(d, "units-from-story", "anchored")
            }
            _ => return None,
        };
        Some(p.into_cand(i, e + 1))
    }

    /// "innerhalb [weniger Tage]", "binnen [weniger Wochen]": German
    /// "weniger" is "few" in the genitive, spelled as "less" is, after
    /// "within" (a rule of the extended grammar).
    pub(super) fn r_within_few(&self, i: usize) -> Option<Cand> {
        if !(matches!(self.lex(i), Some(Lex::Hedge(Hedge::Less)))
            && i > 0
            && self.is_func(i - 1, Func::Within))
        {
            return None;
        }
        let Some((u, true)) = self.unit(i + 1) else { return None };
        if self.breaks(i + 1) {
            return None;
        }
        let v = duration_value(None, u, false);
        Some(Pt::new(v, unit_grain(u), "units", "").duration().into_cand(i, i + 2))
    }

    /// "jahrelang", "die [jahrelange] Arbeit", "nach [langjährigen]
    /// Ermittlungen": units of unstated number in one word
    /// (`Tables::vague_unit_words`), a DURATION.
    pub(super) fn r_vague_unit_word(&self, i: usize) -> Option<Cand> {
        let words = self.lx.tables.vague_unit_words;
        let Some((u, true)) = self.unit(i) else { return None };
        if words.is_empty() || !words.iter().any(|w| self.lx.same_word(self.s(i), w)) {
            return None;
        }
        let v = duration_value(None, u, false);
        Some(Pt::new(v, unit_grain(u), "vague-unit-word", "").duration().into_cand(i, i + 1))
    }

    /// "[über Jahre]": German "über" (over) is the hedge "more" in the
    /// table ("über 20 Jahre"); before a bare plural unit it is "for", inside
    /// the expression (a rule of the extended grammar: English "over years"
    /// stays as it was).
    pub(super) fn r_over_units(&self, i: usize) -> Option<Cand> {
        if !matches!(self.lex(i), Some(Lex::Hedge(Hedge::More))) {
            return None;
        }
        let Some((u, true)) = self.unit(i + 1) else { return None };
        if matches!(u, Unit::Second) || self.is_than(i + 2) || self.breaks(i + 1) {
            return None;
        }
        let v = duration_value(None, u, false);
        Some(Pt::new(v, unit_grain(u), "bare-units", "").duration().into_cand(i, i + 2))
    }

    /// Whether the bare plural unit at `j` (`j > 0`) is time spent: after a
    /// verb that spends it ("Llevan [años]"; `Tables::spend_verbs`) or
    /// after "after of" ("después de [años]").
    fn spent(&self, j: usize) -> bool {
        let k = j - 1;
        self.lx.tables.spend_verbs.iter().any(|w| self.lx.same_word(self.s(k), w))
            || k > 0 && self.is_func(k, Func::Of) && self.is_rel(k - 1, Rel::After)
    }

    /// "over the next decade", "in the coming decade" (the decade at `k`,
    /// after "the next"): the ten years ahead of the reference, a DURATION
    /// as "the past decade" is. Read as the calendar decade after the
    /// current one, "the next decade" said in 2010 would be the 2020s.
    #[inline(never)]
    fn the_next_decade(
        &self,
        i: usize,
        k: usize,
        lead: Option<Rel>,
        modifier: Option<Modifier>,
    ) -> Option<Cand> {
        if self.lx.extended || !matches!(self.unit(k), Some((Unit::Decade, false))) {
            return None;
        }
        let v = duration_value(Some(1.0), Unit::Decade, false);
        let mut c = Pt::new(v, Grain::Decade, "the-next-decade", "").duration().into_cand(i, k + 1);
        c.modifier = modifier;
        c.range = self.span_range(lead, &c.value);
        Some(c)
    }

    /// "46 complaints in the last year", "down 68 percent over the last
    /// year", "In the last decade, ...": after "in", "over", "during",
    /// "throughout" or "within", "the last" and a unit that closes the
    /// phrase (a stop, a comma, a bracket or a quote follows, or a word
    /// that ends it: `stretch_closed_by_word`) is the stretch
    /// of one unit up to the reference, a DURATION as "the past year" is
    /// (issue 17, seed 44); after "within", "the next" or "the coming" and
    /// such a unit is the stretch ahead ("expected to be completed within
    /// the next year."). `the` is the index of "the". "for the last year"
    /// (a results period), "the last year of his term", "the last year we
    /// traveled together", "over the last week's close", "in the last year
    /// or two" and "in the next year" stay as they were. "over the course
    /// of" (`course_of`) counts as "within". English only.
    pub(super) fn last_unit_stretch(&self, the: usize) -> bool {
        let Some(before) = the.checked_sub(1).filter(|_| !self.lx.extended) else { return false };
        let last = self.is_rel(the + 1, Rel::Last);
        if !last && !self.is_rel(the + 1, Rel::Next) && !self.is_rel(the + 1, Rel::Coming) {
            return false;
        }
        let within = self.is_func(before, Func::Within) || self.course_of(before);
        (last || within)
            && self.past_unit(the + 2).is_some()
            && (within
                || self.is_func(before, Func::In)
                || self.is_func(before, Func::During)
                || self.is_word(before, "over")
                || self.is_word(before, "throughout"))
            && (self.t.get(the + 3).is_none()
                || [',', '.', ';', ':', ')', ']', '"', '!', '?', '\u{201d}']
                    .iter()
                    .any(|&c| self.punct(the + 3, c))
                || self.stretch_closed_by_word(before, the + 3))
    }

    /// Whether "of" at `of` closes "over the course of" ("in", "during",
    /// "throughout" the course of): the stretch the unit after it spans,
    /// back or ahead, as after "within" ("declining over the course of
    /// the last month according to a poll", "may increase over the course
    /// of the next year."; issue 17, seed 45).
    #[cold]
    #[inline(never)]
    fn course_of(&self, of: usize) -> bool {
        of >= 3
            && self.is_func(of, Func::Of)
            && self.is_word(of - 1, "course")
            && self.is_func(of - 2, Func::The)
            && (self.is_func(of - 3, Func::In)
                || self.is_func(of - 3, Func::During)
                || self.is_word(of - 3, "over")
                || self.is_word(of - 3, "throughout"))
    }

    /// Whether the word at `k`, after "the last <unit>" and the
    /// preposition at `before`, closes the phrase as a mark would (issue
    /// 17, seed 34 and the corpus): an auxiliary or a modal of the verb table
    /// ("troubles over the last year could be due"), a participle in
    /// "-ing" the word table does not know ("in the last month involving
    /// the church", "over the last month according to a poll"), or, where
    /// the preposition opens the sentence, the subject of its clause: a
    /// capitalized word other than a pronoun, or an article ("Over the last
    /// decade Thompson has focused", "Over the last decade a lot of effort
    /// has gone"). Not "of", "or", "and" or a pronoun after it ("the last
    /// year of his term", "in the last year or two", "the last year we
    /// traveled together": the final one).
    #[cold]
    #[inline(never)]
    fn stretch_closed_by_word(&self, before: usize, k: usize) -> bool {
        let Some(t) = self.tok(k).filter(|t| t.kind == Kind::Word && !self.breaks(k)) else {
            return false;
        };
        let word = &self.text[t.start..t.end];
        let lower = word.to_ascii_lowercase();
        let class = self.lx.verb(lower.as_bytes());
        if matches!(
            class,
            Some(
                Verb::Be
                    | Verb::Was
                    | Verb::Have
                    | Verb::Will
                    | Verb::Would
                    | Verb::Modal
                    | Verb::Could
            )
        ) {
            return true;
        }
        if !t.upper && t.lex.is_none() && word.len() > 5 && word.ends_with("ing") {
            return true;
        }
        self.starts_sentence(before)
            && (t.upper && class != Some(Verb::Pronoun) && t.lex.is_none()
                || self.is_func(k, Func::The)
                || self.is_func(k, Func::A))
    }

    /// A singular unit at `i` that "the past" turns into a one-unit duration
    /// ("the past year", "the past week", "the past fortnight", P2W); not
    /// "the past quarter" (the last
    /// reported quarter) nor "the past weekend" (a date).
    pub(super) fn past_unit(&self, i: usize) -> Option<Unit> {
        match self.unit(i) {
            Some((
                u @ (Unit::Year
                | Unit::Month
                | Unit::Week
                | Unit::Fortnight
                | Unit::Day
                | Unit::Hour
                | Unit::Decade
                | Unit::Century),
                false,
            )) => Some(u),
            _ => None,
        }
    }

    /// "up from 20 the year before", "the month previous", "had, the week
    /// earlier, said", "not next year or the year after": the unit before
    /// (after) the last date the text named (the reference when it named
    /// none), as "the day before" is. Only where the word closes the
    /// phrase: "the week before the vote" counts from the vote, which is
    /// no date.
    fn the_unit_before(&self, i: usize, f: usize, u: Unit) -> Option<Cand> {
        // "the year before last", "the week before last": two units back
        // from the reference.
        if self.is_rel(f + 1, Rel::Before) && self.is_rel(f + 2, Rel::Last) {
            let p = match u {
                Unit::Year => {
                    let y = i32::from(self.r.year()) - 2;
                    Pt::new(cal::fmt_year(y), Grain::Year, "the-unit-before-last", "")
                }
                Unit::Month => {
                    let d = cal::add_months(self.r, -2)?;
                    let v = cal::fmt_month(d.year().into(), d.month() as u32);
                    Pt::new(v, Grain::Month, "the-unit-before-last", "")
                }
                Unit::Week => {
                    let (y, w) = cal::iso_week(cal::add_days(self.r, -14)?);
                    Pt::new(cal::fmt_week(y, w), Grain::Week, "the-unit-before-last", "")
                }
                _ => return None,
            };
            return Some(p.into_cand(i, f + 3));
        }
        let closes = |k: usize| match self.tok(k) {
            None => true,
            Some(t) => {
                t.kind == Kind::Punct && !self.punct(k, '-')
                    || self.is_func(k, Func::And)
                    || self.is_func(k, Func::Or)
            }
        };
        // "better than the month before that": "that" is the period just
        // named, the anchor the unit counts from.
        let that = self.is_word(f + 2, "that") && closes(f + 3);
        let closing = closes(f + 2) || that;
        // "earlier" and "later" are no prepositions; "before", "after",
        // "previous", "prior" are, unless they close the phrase.
        let (step, rule) = match self.lex(f + 1) {
            Some(Lex::Rel(Rel::Earlier)) => (-1, "the-unit-before"),
            Some(Lex::Rel(Rel::Later)) => (1, "the-unit-after"),
            Some(Lex::Rel(Rel::Before | Rel::Previous | Rel::Prior)) if closing => {
                (-1, "the-unit-before")
            }
            Some(Lex::Rel(Rel::After)) if closing => (1, "the-unit-after"),
            _ => return None,
        };
        if self.breaks(f + 1) {
            return None;
        }
        let day = self.doc.last_day;
        let how = |anchored: bool| if anchored { "anchored" } else { "" };
        let p = match u {
            Unit::Year => {
                let y = self.doc.last_year.unwrap_or_else(|| self.r.year().into()) + step;
                if !(1..=9999).contains(&y) {
                    return None;
                }
                Pt::new(cal::fmt_year(y), Grain::Year, rule, how(self.doc.last_year.is_some()))
            }
            Unit::Month => {
                let month = self.doc.last_month;
                let (y, m) = month.unwrap_or((self.r.year().into(), self.r.month() as u32));
                let (y, m) = cal::shift_month(y, m, i64::from(step))?;
                Pt::new(cal::fmt_month(y, m), Grain::Month, rule, how(month.is_some()))
            }
            Unit::Week => {
                let d = cal::add_days(day.unwrap_or(self.r), 7 * i64::from(step))?;
                let (y, w) = cal::iso_week(d);
                Pt::new(cal::fmt_week(y, w), Grain::Week, rule, how(day.is_some()))
            }
            _ => return None,
        };
        Some(p.into_cand(i, if that { f + 3 } else { f + 2 }))
    }

    /// A year written just before "the year" at `i`, with only a comma, a
    /// parenthesis or a copula between ("1948, the year", "1947 (the
    /// year", "2007 was the year", "2008 may really be the year").
    fn year_named_before(&self, i: usize) -> Option<i32> {
        for k in (i.saturating_sub(5)..i).rev() {
            if let Some((y, 4)) = self.num(k) {
                return (1000..=2999).contains(&y).then_some(y as i32);
            }
            let between = self.punct(k, ',')
                || self.punct(k, '(')
                || COPULA.iter().any(|w| self.is_word(k, w));
            if !between || self.breaks(k + 1) {
                return None;
            }
        }
        None
    }

    /// The year, month or week (unit `u`) named last before token `i`, in
    /// its sentence and within `NEAR_YEARS` of the reference (a year
    /// recalled from history, "privatised in 1987 ... its outlook for the
    /// year", is no antecedent); in a language whose clauses are read.
    fn period_named_in_sentence(&self, i: usize, u: Unit) -> Option<Pt> {
        if !self.lx.reads_clauses() {
            return None;
        }
        let (grain, rule) = match u {
            Unit::Year => (Grain::Year, "the-year"),
            Unit::Month => (Grain::Month, "the-month"),
            Unit::Week => (Grain::Week, "the-week"),
            _ => return None,
        };
        let p = self.doc.last_period.filter(|p| p.grain == grain)?;
        let at = self.tok(i)?.start;
        if p.end > at || (p.year - i32::from(self.r.year())).abs() > NEAR_YEARS {
            return None;
        }
        if self.text.get(p.end..at)?.contains('\n') || self.sentence_ends(p.end, at)? {
            return None;
        }
        let v = match u {
            Unit::Year => cal::fmt_year(p.year),
            Unit::Month => cal::fmt_month(p.year, p.part),
            _ => cal::fmt_week(p.year, p.part),
        };
        Some(Pt::new(v, grain, rule, "named"))
    }

    /// The month of a monthly report: "the month" at `i` ("month" at `f`)
    /// after "for", "in", "during", "over" or "throughout", or before a
    /// possessive ("for the month", "the month's layoffs"), in a text whose
    /// first month named lies one to three months before the reference
    /// ("The console data shows that, in April, ... Hardware sales for the
    /// month fell 8%" in May): that month, the report's, not the
    /// reference's. Not "the month of Ramadan", "the rest of the month";
    /// in a language whose clauses are read.
    #[inline(never)]
    fn report_month(&self, i: usize, f: usize) -> Option<Pt> {
        let (y, m) = self.doc.first_month?;
        if !self.lx.reads_clauses() || self.upper(i) {
            return None;
        }
        let governed = i > 0 && REPORT_PREPOSITIONS.iter().any(|w| self.is_word(i - 1, w))
            || super::is_possessive_tok(self.tok(f + 1));
        if !governed
            || self.is_func(f + 1, Func::Of)
            || matches!(self.lex(f + 1), Some(Lex::Rel(_)))
        {
            return None;
        }
        let back = (i32::from(self.r.year()) - y) * 12 + self.r.month() as i32 - m as i32;
        (1..=3)
            .contains(&back)
            .then(|| Pt::new(cal::fmt_month(y, m), Grain::Month, "the-month", "report"))
    }

    /// Whether the word at `k` is one of `Tables::units_ahead_words`
    /// ("ahead"): after "the" and a plural unit, the open stretch ahead.
    pub(super) fn is_ahead_word(&self, k: usize) -> bool {
        self.lx.tables.units_ahead_words.iter().any(|w| self.lx.same_word(self.s(k), w))
    }

    /// "a [month-long] strike", "their third [day-long] meeting", "the
    /// [decades-long] dispute": a unit with no count before "-long" at `i`,
    /// a length that modifies the noun after it: one unit, or some when
    /// plural (`P1M`, `PXY`). The article belongs to the noun, as "the"
    /// does before "the week-long strike" (`the_unit`). A unit counted
    /// before it ("two-year-long", "a 44 second-long video") is the counted
    /// rule's; "second" and "quarter" are left out ("a second-long pause"
    /// is rare, "quarter" is also a fraction).
    fn unit_long(&self, i: usize) -> Option<Cand> {
        let (u, plural) = self.unit(i)?;
        if !(self.dash(i + 1)
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.is_func(i + 2, Func::Long))
            || matches!(u, Unit::Second | Unit::Quarter)
            || i > 0
                && (self.dash(i - 1) && self.glued(i)
                    || self.tok(i - 1).is_some_and(|t| t.kind == Kind::Num))
        {
            return None;
        }
        // Decades count in years, as "two decades" is P20Y: "decades-long"
        // is PXY (TBAQ and MEANTIME both write it so).
        let v = match (u, plural) {
            (Unit::Decade, true) => duration_value(None, Unit::Year, false),
            _ => duration_value((!plural).then_some(1.0), u, false),
        };
        Some(Pt::new(v, unit_grain(u), "unit-long", "").duration().into_cand(i, i + 3))
    }

    /// "to end the day at 9,505.96", "finished the day up 2%" ("the" at
    /// `i`, "day" at `f`): the trading day of a market report, on the
    /// story's day (`story_day.rs`), as MEANTIME marks it. Not "the day
    /// before/after/of ...", "the day when ...".
    #[inline(never)]
    fn session_day(&self, i: usize, f: usize) -> Option<Cand> {
        let verb = i.checked_sub(1)?;
        if !SESSION_VERBS.iter().any(|w| self.is_word(verb, w))
            || matches!(self.lex(f + 1), Some(Lex::Rel(_) | Lex::Func(Func::Of)))
            || CLAUSE_OPENERS.iter().any(|w| self.is_word(f + 1, w))
        {
            return None;
        }
        let p = match self.story_day(i, f + 1) {
            Some(d) => Pt::day(d, "session-day", "story-day"),
            None => Pt::day(self.r, "session-day", ""),
        };
        Some(p.into_cand(i, f + 1))
    }

    /// Whether a counted unit ending at `e` ("the six day", "the 24 hour")
    /// is singular before a noun ("the six day event", "the one year
    /// anniversary"): an adjective, as "six-day" is, so "the" is the
    /// noun's. Not before a clause ("the one day it was in place").
    /// So is one before "long" ("the thirty year-long period", "the
    /// fifteen minute long attack", "the four decades-long conflict"):
    /// the length is the noun's adjective.
    #[inline(never)]
    fn unit_as_adjective(&self, e: usize) -> bool {
        if self.unit(e.wrapping_sub(1)).is_some()
            && (self.is_func(e, Func::Long)
                || self.dash(e) && self.glued(e + 1) && self.is_func(e + 1, Func::Long))
        {
            return true;
        }
        matches!(self.unit(e.wrapping_sub(1)), Some((_, false)))
            && self.tok(e).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none())
            && !self.breaks(e)
            && !CLAUSE_OPENERS.iter().any(|w| self.is_word(e, w))
    }

    /// Whether the count at `j`, before a capitalized unit, is a word of a
    /// name: the unit is capitalized while the word before the count (an
    /// opening quote between) is lowercase, so the sentence is not in
    /// title case ("a 60 Minutes interview", "on the CBS network \"60
    /// Minutes\"", "the 2008 Year Book"), where the language writes the
    /// unit lowercase (`Tables::lowercase_units`); a headline capitalizes the
    /// words around it too ("Hunger Strike After 54 Days").
    #[cold]
    fn count_in_title(&self, j: usize) -> bool {
        if !self.lx.tables.lowercase_units || j == 0 || self.breaks(j) {
            return false;
        }
        let mut k = j - 1;
        if (self.punct(k, '"') || self.punct(k, '\u{201c}')) && k > 0 && !self.breaks(k) {
            k -= 1;
        }
        self.tok(k).is_some_and(|t| t.kind == Kind::Word && !t.upper && !t.newline)
    }

    /// Whether the word at `k`, after "the month" or "the week", opens a
    /// phrase naming what the period counts from ("the month following the
    /// crash", "the year prior to his talks", "the week preceding the
    /// vote"): an event's period, not the reference's. A word that closes
    /// the phrase ("the year previous") is `the_unit_before`'s; "before"
    /// and "after" stay a known gap ("the week before the vote").
    #[cold]
    #[inline(never)]
    fn counts_from_event(&self, k: usize) -> bool {
        matches!(self.lex(k), Some(Lex::Rel(Rel::Following | Rel::Previous | Rel::Prior)))
            && !self.breaks(k)
            && self.tok(k + 1).is_some_and(|t| t.kind == Kind::Word)
    }

    /// "For the quarter ending September, expected profit will be ...":
    /// the calendar quarter the month after "ending" or "to" closes, in the
    /// year that puts the month nearest the reference; a month that closes
    /// no calendar quarter ("the quarter to May") names none.
    #[cold]
    #[inline(never)]
    fn quarter_ending_month(&self, f: usize) -> Option<(i32, u32)> {
        let Some(Lex::Month(m)) = self.lex(f + 2) else {
            return None;
        };
        if m % 3 != 0 || !["ended", "ending", "ends", "to"].iter().any(|w| self.is_word(f + 1, w)) {
            return None;
        }
        let y = i32::from(self.r.year());
        let d = i32::from(m) - self.r.month() as i32;
        let y = if d > 6 {
            y - 1
        } else if d < -6 {
            y + 1
        } else {
            y
        };
        Some((y, u32::from(m / 3)))
    }

    /// "the year", "the quarter", "the month", "the week" as dates.
    pub(super) fn the_unit(
        &self,
        i: usize,
        f: usize,
        u: Unit,
        modifier: Option<Modifier>,
    ) -> Option<Cand> {
        let r = self.r;
        // "the month long campaign", "the week-long strike": a length, not
        // this month ("the" belongs to the noun after).
        let long_at = if self.is_func(f + 1, Func::Long) {
            Some(f + 2)
        } else if self.dash(f + 1) && self.glued(f + 1) && self.is_func(f + 2, Func::Long) {
            Some(f + 3)
        } else {
            None
        };
        if let Some(e) = long_at {
            let v = duration_value(Some(1.0), u, false);
            return Some(Pt::new(v, unit_grain(u), "unit-long", "").duration().into_cand(f, e));
        }
        // "the week 31" is p_week_number's.
        if u == Unit::Week && self.num(f + 1).is_some() {
            return None;
        }
        // "day of the week", "time of the year": a position in any such
        // period, not this one.
        if i >= 2
            && self.is_func(i - 1, Func::Of)
            && (matches!(self.unit(i - 2), Some((Unit::Day | Unit::Month, false)))
                || self.is_func(i - 2, Func::Time))
        {
            return None;
        }
        // "the year-earlier period" is r_year_ago's.
        if self.dash(f + 1) && (self.is_rel(f + 2, Rel::Earlier) || self.is_rel(f + 2, Rel::Ago)) {
            return None;
        }
        // "Car of the Year", "The Year of the Black Actor", "the Year
        // Books": English writes the unit lowercase, so a capital is a title's.
        if self.upper(f) && !self.lx.tables.nouns_capitalized {
            return None;
        }
        if let Some(c) = self.the_unit_before(i, f, u) {
            return Some(Cand { modifier, ..c });
        }
        if matches!(self.lex(f + 1), Some(Lex::Rel(_))) && self.counts_from_event(f + 1) {
            return None;
        }
        // "in 1948, the year of Gandhi's death", "2007 was the year of the
        // iPhone": the year just named, not the reference's.
        if u == Unit::Year
            && let Some(y) = self.year_named_before(i)
        {
            let p = Pt::new(cal::fmt_year(y), Grain::Year, "the-year", "named");
            return Some(Cand { modifier, ..p.into_cand(i, f + 1) });
        }
        // "sales for the entire of 2009 rose 4.9% for the year", "This
        // last week will be studied as the week the world was spun on its
        // axis": the period its sentence named.
        if let Some(p) = self.period_named_in_sentence(i, u) {
            return Some(Cand { modifier, ..p.into_cand(i, f + 1) });
        }
        if u == Unit::Month
            && let Some(p) = self.report_month(i, f)
        {
            return Some(Cand { modifier, ..p.into_cand(i, f + 1) });
        }
        let p = match u {
            Unit::Quarter => {
                let (y, q) =
                    self.quarter_ending_month(f).unwrap_or_else(|| self.previous_quarter());
                Pt::new(format!("{}-Q{q}", cal::fmt_year(y)), Grain::Quarter, "the-quarter", "")
            }
            Unit::Year => {
                // "the year" alone is usually the current year, but "for the
                // year" in results reports is the year's span.
                Pt::new(cal::fmt_year(r.year().into()), Grain::Year, "the-year", "")
            }
            Unit::Week => {
                let (y, w) = cal::iso_week(r);
                Pt::new(cal::fmt_week(y, w), Grain::Week, "the-week", "")
            }
            Unit::Month => Pt::new(
                cal::fmt_month(r.year().into(), r.month() as u32),
                Grain::Month,
                "the-month",
                "",
            ),
            _ => return None,
        };
        Some(Cand { modifier, ..p.into_cand(i, f + 1) })
    }

    /// Begin and end of "the past two years" / "the next three months".
    pub(super) fn span_range(&self, lead: Option<Rel>, value: &str) -> Option<TimexRange> {
        let lead = lead?;
        if value.starts_with("PT") {
            return self.clock_range(lead, value, false);
        }
        let now = cal::fmt_day(self.r);
        let (n, u) = parse_simple_duration(value)?;
        let other = match u {
            'D' => cal::add_days(self.r, n),
            'W' => cal::add_days(self.r, 7 * n),
            'M' => cal::add_months(self.r, n),
            'Y' => cal::add_months(self.r, 12 * n),
            _ => None,
        };
        match lead {
            Rel::Last | Rel::Previous => {
                let b = cal::add_months(self.r, 0).and(match u {
                    'D' => cal::add_days(self.r, -n),
                    'W' => cal::add_days(self.r, -7 * n),
                    'M' => cal::add_months(self.r, -n),
                    'Y' => cal::add_months(self.r, -12 * n),
                    _ => None,
                })?;
                Some(TimexRange::new(cal::fmt_day(b), now))
            }
            _ => other.map(|o| TimexRange::new(now, cal::fmt_day(o))),
        }
    }

    /// "next 3 days", "last two weeks" without an article: whole calendar
    /// units before or after the current one (the query reading Duckling and
    /// Recognizers use), inclusive dates.
    pub(super) fn aligned_range(&self, lead: Option<Rel>, value: &str) -> Option<TimexRange> {
        let lead = lead?;
        if value.starts_with("PT") {
            return self.clock_range(lead, value, true);
        }
        let (n, u) = parse_simple_duration(value)?;
        if n < 1 {
            return None;
        }
        let r = self.r;
        // The first day of the current unit, and the step to the next one.
        let (start, step): (Civil, &dyn Fn(Civil, i64) -> Option<Civil>) = match u {
            'D' => (r, &|d, k| cal::add_days(d, k)),
            'W' => {
                (cal::add_days(r, 1 - i64::from(cal::weekday(r)))?, &|d, k| cal::add_days(d, 7 * k))
            }
            'M' => {
                (cal::date(r.year().into(), r.month() as u32, 1)?, &|d, k| cal::add_months(d, k))
            }
            'Y' => (cal::date(r.year().into(), 1, 1)?, &|d, k| cal::add_months(d, 12 * k)),
            _ => return None,
        };
        let (b, e) = match lead {
            Rel::Last | Rel::Previous => (step(start, -n)?, cal::add_days(start, -1)?),
            _ => (step(start, 1)?, cal::add_days(step(start, n + 1)?, -1)?),
        };
        Some(TimexRange::new(cal::fmt_day(b), cal::fmt_day(e)))
    }
}

impl Parser<'_> {
    /// "the last two hours", "next 3 minutes" with a reference time: from
    /// (to) the reference moment, or, `aligned`, whole clock units before or
    /// after the current one ("next 3 hours" at 04:30 is 05:00 to 08:00).
    /// `None` without a reference time.
    fn clock_range(&self, lead: Rel, value: &str, aligned: bool) -> Option<TimexRange> {
        let now = self.now()?;
        let secs = clock_seconds(value)?;
        let unit = match value.as_bytes().last()? {
            b'H' => 3600,
            b'M' => 60,
            _ => 1,
        };
        let seconds = unit == 1 || now.second() != 0 && !aligned;
        let fmt = |t| cal::fmt_datetime(t, seconds);
        let into_unit =
            i64::from(now.hour()) * 3600 + i64::from(now.minute()) * 60 + i64::from(now.second());
        let start = if aligned { cal::add_seconds(now, -(into_unit % unit))? } else { now };
        let (b, e) = match (lead, aligned) {
            (Rel::Last | Rel::Previous, _) => (cal::add_seconds(start, -secs)?, start),
            (_, true) => (cal::add_seconds(start, unit)?, cal::add_seconds(start, unit + secs)?),
            (_, false) => (start, cal::add_seconds(start, secs)?),
        };
        Some(TimexRange::new(fmt(b), fmt(e)))
    }
}

/// The TIMEX3 duration for a quantity of a unit (`None` = unspecified "X").
/// Whether a unit is of the time part of a duration, its ISO 8601 letter,
/// and how many of that letter's unit it holds.
fn unit_code(u: Unit) -> (bool, &'static str, f64) {
    match u {
        Unit::Second => (true, "S", 1.0),
        Unit::Minute => (true, "M", 1.0),
        Unit::Hour => (true, "H", 1.0),
        Unit::Day => (false, "D", 1.0),
        Unit::Week => (false, "W", 1.0),
        Unit::Fortnight => (false, "W", 2.0),
        Unit::Month => (false, "M", 1.0),
        Unit::Quarter => (false, "M", 3.0),
        Unit::Year => (false, "Y", 1.0),
        Unit::Decade => (false, "Y", 10.0),
        Unit::Century => (false, "Y", 100.0),
        Unit::Millennium => (false, "Y", 1000.0),
    }
}

/// A fraction of a unit written as a decimal of it, where the language's
/// corpus writes it so (`Tables::decimal_fractions`: "media hora" PT0.5H,
/// "dos semanas y media" P2.5W); `None` for a whole number of units.
fn decimal_duration_value(q: f64, u: Unit) -> Option<String> {
    let (time, code, mult) = unit_code(u);
    let total = q * mult;
    if total.fract() == 0.0 {
        return None;
    }
    Some(format!("P{}{total}{code}", if time { "T" } else { "" }))
}

pub(crate) fn duration_value(q: Option<f64>, u: Unit, weekend: bool) -> String {
    if weekend {
        return match q {
            Some(q) if q >= 1.0 => format!("P{}D", (q * 2.0) as u64),
            _ => "P2D".into(),
        };
    }
    let (time, code, mult) = unit_code(u);
    let t = if time { "T" } else { "" };
    let Some(q) = q else {
        let code = match u {
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Millennium => "ML",
            Unit::Quarter => "Q",
            _ => code,
        };
        return format!("P{t}X{code}");
    };
    let total = q * mult;
    if total.fract() == 0.0 {
        return format!("P{t}{}{code}", total as u64);
    }
    // Fractions go down one unit: 2.5 years = P2Y6M, 1.5 hours = PT1H30M.
    let whole = total.trunc() as u64;
    let frac = total.fract();
    let (sub, subcode, subtime) = match (u, code) {
        (Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium, _) => (12.0, "M", false),
        (Unit::Month | Unit::Quarter, _) => (30.0, "D", false),
        (Unit::Week | Unit::Fortnight, _) => (7.0, "D", false),
        (Unit::Day, _) => (24.0, "H", true),
        (Unit::Hour, _) => (60.0, "M", true),
        (Unit::Minute, _) => (60.0, "S", true),
        (Unit::Second, _) => return format!("PT{total}S"),
    };
    let part = (frac * sub).round() as u64;
    let head = if whole > 0 { format!("{whole}{code}") } else { String::new() };
    if subtime && !time {
        format!("P{head}T{part}{subcode}")
    } else {
        format!("P{t}{head}{part}{subcode}")
    }
}

/// "P3D" -> (3, 'D'); "P2W" -> (2, 'W'); "P1Y" -> (1, 'Y'); "PT4H" -> (4, 'H').
/// A duration value of one whole unit ("P2Y", "PT30M") as the rank of its
/// unit (seconds 0 to years 6), its part after "P" or "PT", and whether it
/// is a clock part.
fn duration_part(v: &str) -> Option<(u8, &str, bool)> {
    let (clock, body) = match v.strip_prefix("PT") {
        Some(b) => (true, b),
        None => (false, v.strip_prefix('P')?),
    };
    let (digits, unit) = body.split_at(body.len().checked_sub(1)?);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rank = match (clock, unit) {
        (true, "S") => 0,
        (true, "M") => 1,
        (true, "H") => 2,
        (false, "D") => 3,
        (false, "W") => 4,
        (false, "M") => 5,
        (false, "Y") => 6,
        _ => return None,
    };
    Some((rank, body, clock))
}

impl Parser<'_> {
    /// "de [dos] a [tres años]", "[sechs] bis [acht Monate]", "[tres] o
    /// [cuatro semanas]": in a range of amounts that names its unit once,
    /// the first amount is a duration of that unit too, as Spanish
    /// TimeBank, KRAUTS and WikiWarsDE annotate it
    /// (`Tables::split_amount_ranges`). The connector is "to", "until",
    /// "or" or a dash; "and" joins ages ("zwischen sechs und elf Jahren")
    /// that the corpora leave out.
    pub(crate) fn split_amount_ranges(&self, cands: &mut Vec<Cand>) {
        if !self.lx.tables.split_amount_ranges {
            return;
        }
        let mut k = 0;
        while k < cands.len() {
            let c = &cands[k];
            let prev_end = k.checked_sub(1).map_or(0, |p| cands[p].e);
            if let Some(first) = self.first_amount(c, prev_end) {
                cands.insert(k, first);
                k += 1;
            }
            k += 1;
        }
    }

    /// "four years and eight months", "93 years and 121 days", "11 minutes
    /// and 26 seconds": two counted durations joined by "and", the second
    /// in a smaller unit, are one DURATION (P4Y8M), as TimeML writes it.
    pub(crate) fn compound_durations(&self, cands: &mut Vec<Cand>) {
        let mut k = 1;
        while k < cands.len() {
            let (a, b) = (&cands[k - 1], &cands[k]);
            if a.kind == TimexType::Duration
                && b.kind == TimexType::Duration
                && b.s == a.e + 1
                && self.is_func(a.e, Func::And)
                && self.join_durations(cands, k)
            {
                cands.remove(k);
            } else {
                k += 1;
            }
        }
    }

    /// Joins `cands[k]` into `cands[k - 1]` when both are counted units
    /// ("units" rules, no modifier on the second), the second's unit is
    /// smaller and they are not the ends of a range ("between 2 hours and
    /// 30 minutes"); whether it did.
    #[cold]
    #[inline(never)]
    fn join_durations(&self, cands: &mut [Cand], k: usize) -> bool {
        const ORDER: [&str; 6] = ["Y", "M", "D", "TH", "TM", "TS"];
        let (a, b) = (&cands[k - 1], &cands[k]);
        if a.rule != "units"
            || b.rule != "units"
            || b.modifier.is_some()
            || a.s.checked_sub(1).is_some_and(|p| self.is_func(p, Func::Between))
        {
            return false;
        }
        let part = |v: &str| -> Option<(usize, i64)> {
            let (n, u) = parse_simple_duration(v)?;
            let key = if v.starts_with("PT") { format!("T{u}") } else { u.to_string() };
            Some((ORDER.iter().position(|o| *o == key)?, n))
        };
        let (Some((ua, na)), Some((ub, nb))) = (part(&a.value), part(&b.value)) else {
            return false;
        };
        if ub <= ua {
            return false;
        }
        let mut value = String::from("P");
        for (u, n) in [(ua, na), (ub, nb)] {
            if u >= 3 && !value.contains('T') {
                value.push('T');
            }
            value.push_str(&n.to_string());
            value.push_str(ORDER[u].trim_start_matches('T'));
        }
        let e = b.e;
        let a = &mut cands[k - 1];
        a.value = value;
        a.e = e;
        a.rule.push_str(":compound");
        true
    }

    /// Whether the word or phrase at `i` is a plural: one of its words
    /// ends in "s" ("weekends", "fines de semana", "week-ends"; not "fin de
    /// semana").
    pub(super) fn plural_phrase(&self, i: usize) -> bool {
        self.s(i).split([' ', '-']).any(|w| w.ends_with('s'))
    }

    /// The first amount of a range whose second is the duration `c`, when
    /// no expression before it (ending at `prev_end`) covers it.
    fn first_amount(&self, c: &Cand, prev_end: usize) -> Option<Cand> {
        if c.kind != TimexType::Duration || c.s < 2 || c.s - 2 < prev_end {
            return None;
        }
        let (_, u) = parse_simple_duration(&c.value)?;
        let (second, e) = self.number(c.s)?;
        if self.unit(e).is_none() || second.fract() != 0.0 {
            return None;
        }
        let connector = self.dash(c.s - 1)
            || matches!(
                self.lex(c.s - 1),
                Some(Lex::Func(Func::To | Func::Until | Func::At | Func::Or))
            );
        let (first, e1) = self.number(c.s - 2)?;
        if !connector || e1 != c.s - 1 || first.fract() != 0.0 || first < 1.0 || first >= second {
            return None;
        }
        // Not the end of a longer number ("1.500 a 2.000 años").
        if c.s >= 3
            && self.glued(c.s - 2)
            && self.tok(c.s - 3).is_some_and(|t| t.kind == Kind::Punct)
        {
            return None;
        }
        let t = if c.value.starts_with("PT") { "T" } else { "" };
        Some(Cand {
            s: c.s - 2,
            e: c.s - 1,
            kind: TimexType::Duration,
            value: format!("P{t}{}{u}", first as i64),
            grain: c.grain,
            modifier: None,
            range: None,
            rule: "range-first-amount".into(),
        })
    }
}

pub(super) fn parse_simple_duration(v: &str) -> Option<(i64, char)> {
    let rest = v.strip_prefix('P')?;
    let rest = rest.strip_prefix('T').unwrap_or(rest);
    let u = rest.chars().last()?;
    let n: i64 = rest[..rest.len() - 1].parse().ok()?;
    Some((n, u))
}

/// "P12M" -> "PXM" (for "12 to 18 months").
pub(super) fn vague_of(v: &str) -> String {
    let t = v.starts_with("PT");
    let u = v.chars().last().unwrap_or('Y');
    if t { format!("PTX{u}") } else { format!("PX{u}") }
}

/// The seconds in a clock duration: "PT2H30M" -> 9000, "PT15S" -> 15.
pub(crate) fn clock_seconds(v: &str) -> Option<i64> {
    let mut rest = v.strip_prefix("PT")?;
    let mut total = 0i64;
    while !rest.is_empty() {
        let k = rest.find(|c: char| !c.is_ascii_digit())?;
        let n: i64 = rest[..k].parse().ok()?;
        let unit = match rest.as_bytes()[k] {
            b'H' => 3600,
            b'M' => 60,
            b'S' => 1,
            _ => return None,
        };
        total = total.checked_add(n.checked_mul(unit)?)?;
        rest = &rest[k + 1..];
    }
    Some(total)
}

/// Words that open a clause after a noun ("the day when ...", "the one day
/// it was in place"): what follows is no adjective's noun.
const CLAUSE_OPENERS: &[&str] = &["when", "that", "which", "it", "he", "she", "they"];

/// Verbs that open or close a trading session before "the day": "to end
/// the day at 9,505.96", "the index started the day with a gain".
const SESSION_VERBS: &[&str] = &[
    "end",
    "ends",
    "ended",
    "ending",
    "finish",
    "finishes",
    "finished",
    "finishing",
    "close",
    "closes",
    "closed",
    "closing",
    "start",
    "starts",
    "started",
    "starting",
    "begin",
    "begins",
    "began",
    "beginning",
    "open",
    "opens",
    "opened",
    "opening",
];

/// The words of a copula between a year and "the year" that names it
/// ("2007 was the year", "2008 may really be the year").
const COPULA: &[&str] =
    &["was", "is", "will", "be", "been", "may", "might", "would", "could", "really", "also"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_values() {
        assert_eq!(duration_value(Some(3.0), Unit::Year, false), "P3Y");
        assert_eq!(duration_value(Some(2.5), Unit::Year, false), "P2Y6M");
        assert_eq!(duration_value(Some(1.5), Unit::Hour, false), "PT1H30M");
        assert_eq!(duration_value(Some(0.5), Unit::Hour, false), "PT30M");
        assert_eq!(duration_value(Some(1.5), Unit::Day, false), "P1DT12H");
        assert_eq!(duration_value(None, Unit::Year, false), "PXY");
        assert_eq!(duration_value(Some(2.0), Unit::Decade, false), "P20Y");
        assert_eq!(duration_value(Some(48.0), Unit::Hour, false), "PT48H");
        assert_eq!(duration_value(Some(3.0), Unit::Quarter, false), "P9M");
    }

    #[test]
    fn decimal_duration_values() {
        assert_eq!(decimal_duration_value(0.5, Unit::Hour).as_deref(), Some("PT0.5H"));
        assert_eq!(decimal_duration_value(2.5, Unit::Week).as_deref(), Some("P2.5W"));
        assert_eq!(decimal_duration_value(1.5, Unit::Year).as_deref(), Some("P1.5Y"));
        // A whole number of units (half a century) keeps the plain value.
        assert_eq!(decimal_duration_value(0.5, Unit::Century), None);
        assert_eq!(decimal_duration_value(3.0, Unit::Day), None);
    }

    #[test]
    fn clock_seconds_of_durations() {
        assert_eq!(clock_seconds("PT2H30M"), Some(9000));
        assert_eq!(clock_seconds("PT15S"), Some(15));
        assert_eq!(clock_seconds("PTXH"), None);
        assert_eq!(clock_seconds("P3D"), None);
    }
}
