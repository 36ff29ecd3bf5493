//! Coordinated weekdays share one reading and one anchor: "on Thursday,
//! Friday, Saturday and Sunday nights" names four days of one week, in
//! order, read the same way.
//!
//! Each weekday of a list has already been resolved on its own, in the same
//! direction (they share a clause, `clause.rs`), but each against the
//! reference: said on a Thursday, "Thursday, Friday and Saturday" in the
//! past would be today and the two days before, out of order. This pass
//! puts the days of a list in one week: a past list ends on its last
//! day's reading, a future list starts on its first day's. A plural part of
//! the day after the last weekday ("Sunday nights") distributes over the
//! list: with a past verb it is that day's night, as its neighbours are
//! days; otherwise ("the club opens on Friday and Saturday nights") every
//! day of the list is a set.

use jiff::civil::Date as Civil;

use super::{Cand, Parser, Period};
use crate::cal;
use crate::lexicon::{Func, Lex};
use crate::timex::{Grain, TimexType};
use crate::token::Kind;

/// Tokens between two months of one list, at most ("for February, EUR 346
/// for March, EUR 860 for April").
const MONTH_GAP: usize = 12;

/// Tokens between a clock time and the weekday set of its schedule, at
/// most ("Monday to Friday: 06:00-09:00am, 03:30-06:30pm, 11:00pm-01:00am").
const SCHEDULE_REACH: usize = 16;

/// Words between a part of the day and "on" before the day that dates
/// it, at most ("A late night car bomb explosion on Saturday").
const NOUNS_BEFORE_DAY: usize = 3;

/// One weekday of a list: the candidate, its weekday and its day.
struct Item {
    k: usize,
    weekday: u8,
    day: Option<Civil>,
    /// The set "Sunday nights": (the part of the day code).
    plural_part: Option<String>,
}

impl Parser<'_> {
    /// Aligns the weekdays of every coordinated list in `cands`, and gives
    /// "today" the day its apposition names.
    pub(crate) fn share_lists(&self, cands: &mut [Cand]) {
        self.neighbours(cands);
        if cands.len() >= 2 && self.lx.reads_clauses() {
            self.month_order(cands);
            if cands.iter().any(|c| {
                c.kind == TimexType::Set && c.value.starts_with("XXXX-WXX-")
                    || c.kind == TimexType::Time && self.opens_hours(c.s)
            }) {
                self.schedule_clocks(cands);
            }
        }
        let mut k = 0;
        while k < cands.len() {
            let mut items: Vec<Item> = Vec::new();
            let mut m = k;
            while let Some(item) = cands.get(m).and_then(|c| self.list_item(m, c)) {
                if let Some(last) = items.last()
                    && !self.joined(&cands[last.k], &cands[m])
                {
                    break;
                }
                let set = item.plural_part.is_some();
                items.push(item);
                m += 1;
                if set {
                    break;
                }
            }
            if items.len() >= 2 {
                self.align(cands, &items);
            }
            k = m.max(k + 1);
        }
    }

    /// The passes over two neighbours one token apart: an apposition, a
    /// month range, a fiscal year's bound.
    fn neighbours(&self, cands: &mut [Cand]) {
        for k in 1..cands.len() {
            let (a, b) = (&cands[k - 1], &cands[k]);
            if a.grain == Grain::PartOfDay
                && b.grain == Grain::Day
                && b.s > a.e
                && b.s <= a.e + 1 + NOUNS_BEFORE_DAY
            {
                self.part_on_day(cands, k);
                continue;
            }
            if a.kind == TimexType::Time
                && b.kind == TimexType::Time
                && b.s <= a.e + 4
                && b.value.ends_with('Z')
            {
                self.utc_restated(cands, k);
                continue;
            }
            if b.s != a.e + 1 {
                continue;
            }
            match a.grain {
                Grain::Month => self.month_range(cands, k),
                Grain::Year => self.fiscal_year_bound(cands, k),
                Grain::Week => self.weekend_apposition(cands, k),
                _ => self.apposition(cands, k),
            }
        }
    }

    /// "today, October 14": the date after the comma names the same day,
    /// which may differ from the reference by a day or two (an article
    /// dated the day before it was finished). The text wins. In English a
    /// bracket so placed says the same: "Today [Friday], the District
    /// Attorney filed" quoted in a Sunday article is the Friday.
    fn apposition(&self, cands: &mut [Cand], k: usize) {
        let (a, b) = (&cands[k - 1], &cands[k]);
        let deictic = ["today", "yesterday", "tomorrow"].iter().any(|r| a.rule == *r);
        if !deictic || b.kind != TimexType::Date || b.grain != Grain::Day {
            return;
        }
        let bracket = |o: char, c: char| self.punct(a.e, o) && self.punct(b.e, c);
        if !self.punct(a.e, ',') && (self.lx.extended || !bracket('(', ')') && !bracket('[', ']')) {
            return;
        }
        let (Ok(x), Ok(y)) = (a.value.parse::<Civil>(), b.value.parse::<Civil>()) else {
            return;
        };
        if x != y && cal::diff_days(x, y).abs() <= 2 {
            let value = b.value.clone();
            cands[k - 1].revalue(value, ":apposition");
        }
    }

    /// "since 8:00 AM AEDT (2100 UTC)", "at about 3:20 local time (19:20
    /// GMT)", "11:00 Eastern Time (1500 UTC)": a UTC clock opening a bracket
    /// right after a local clock (its zone or "local time" between them)
    /// restates it. Zones lie from 12
    /// hours behind UTC to 14 ahead, so the UTC clock is on the local day,
    /// or on the day before or after when only that keeps the offset in
    /// that span: 8:00 in Sydney is 21:00 UTC the evening before. A UTC
    /// clock with a day of its own ("(02:45 UTC on Friday)", "(2300 UTC
    /// Sunday)") keeps it, and dates the local clock the same way when the
    /// text names no day for that one: 22:45 local time restated as 02:45
    /// UTC on Friday is Thursday night (`:local-of-utc`).
    ///
    /// Out of line: a local clock restated in UTC is rare.
    #[cold]
    #[inline(never)]
    fn utc_restated(&self, cands: &mut [Cand], k: usize) {
        let (a, b) = (&cands[k - 1], &cands[k]);
        let open = b.s - 1;
        if b.s == 0
            || open < a.e
            || !self.punct(open, '(')
            || open > a.e && self.zone_tail(a.e).is_none_or(|z| z <= open)
        {
            return;
        }
        // The local clock's day came from no words of its own: the
        // article's day or the story's.
        let utc_dates_local = b.rule.starts_with("time-date")
            && (a.rule == "clock:reference-day" || a.rule == "clock:story-day");
        if !utc_dates_local && (!b.rule.starts_with("clock") || b.rule.contains("day-")) {
            return;
        }
        // "2008-12-01T08:00" and "2008-12-01T21:00Z": a local clock with no
        // zone in its value, a UTC one with the minute.
        let minutes = |v: &str| -> Option<(Civil, i64)> {
            let day = v.get(..10)?.parse::<Civil>().ok()?;
            let h: i64 = v.get(11..13)?.parse().ok()?;
            let m: i64 = v.get(14..16)?.parse().ok()?;
            (v.as_bytes().get(10) == Some(&b'T') && v.as_bytes().get(13) == Some(&b':'))
                .then_some((day, h * 60 + m))
        };
        if a.value.len() != 16 && a.value.len() != 19 {
            return;
        }
        let (Some((local_day, local)), Some((utc_day, utc))) =
            (minutes(&a.value), minutes(&b.value))
        else {
            return;
        };
        let Some(shift) = cal::utc_day_shift(local - utc) else { return };
        if utc_dates_local {
            let Some(day) = cal::add_days(utc_day, -shift) else { return };
            if day != local_day {
                let value = a.on_day(day);
                cands[k - 1].revalue(value, ":local-of-utc");
            }
            return;
        }
        let Some(day) = cal::add_days(local_day, shift) else { return };
        if day != utc_day {
            let value = b.on_day(day);
            cands[k].revalue(value, ":utc-of-local");
        }
    }

    /// A part of the day read on the story's day that a day after it
    /// dates: "in the early morning hours of Wednesday, September 16", "in
    /// the evening hours of Sunday, September 14" (before "hours of" and
    /// the day), and in a language whose clauses are read, "A late night
    /// car bomb explosion on Saturday", "killed during the night on
    /// Wednesday" (before "on" and the day, with at most
    /// `NOUNS_BEFORE_DAY` words the table does not know between: the
    /// nouns the part of the day modifies). A word the table knows ("and",
    /// "to", "after"), a capital or a mark between leaves it: the day may
    /// then date another event ("arrived in the evening and voted on
    /// Monday").
    ///
    /// Out of line: rare.
    #[cold]
    #[inline(never)]
    fn part_on_day(&self, cands: &mut [Cand], k: usize) {
        let (a, b) = (&cands[k - 1], &cands[k]);
        if a.kind != TimexType::Time
            || b.kind != TimexType::Date
            || !(a.rule.starts_with("position-part-of-day")
                || a.rule.starts_with("the-part-of-day"))
        {
            return;
        }
        let how = if b.s == a.e + 2 && self.is_word(a.e, "hours") && self.is_func(a.e + 1, Func::Of)
        {
            ":hours-of"
        } else if self.lx.reads_clauses()
            && self.is_func(b.s - 1, Func::On)
            && (a.e..b.s - 1).all(|t| {
                self.lowercase_unknown_word(t) && self.lx.verb(self.s(t).as_bytes()).is_none()
            })
        {
            ":on-day"
        } else {
            return;
        };
        let Some(day) = b.day() else { return };
        let value = a.on_day(day);
        cands[k - 1].revalue(value, how);
    }

    /// "This weekend, April 12": the weekend of the day after the comma,
    /// when that day is a Saturday or a Sunday a week or less away.
    fn weekend_apposition(&self, cands: &mut [Cand], k: usize) {
        let (a, b) = (&cands[k - 1], &cands[k]);
        if a.rule != "relative-weekend"
            || b.kind != TimexType::Date
            || b.grain != Grain::Day
            || !self.punct(a.e, ',')
        {
            return;
        }
        let Some(day) = b.day() else { return };
        if cal::weekday(day) < 6 || cal::diff_days(self.r, day).abs() > 8 {
            return;
        }
        let (y, w) = cal::iso_week(day);
        cands[k - 1].revalue(format!("{}-WE", cal::fmt_week(y, w)), ":apposition");
    }

    /// "the fiscal year starting October 1", "the end of the current
    /// financial year in March 2008": a fiscal year read as a calendar
    /// year, with the day or month it starts or ends on after it, is named
    /// by the year it ends in (DESIGN.md, "Conventions"): the year of its
    /// end, or the year after its start unless it starts in January.
    ///
    /// Out of line: inlined, it made the tokenizer loop of the extractor
    /// it lands in cost 0.25% more instructions (callgrind, news-small).
    #[cold]
    #[inline(never)]
    fn fiscal_year_bound(&self, cands: &mut [Cand], k: usize) {
        let (a, b) = (&cands[k - 1], &cands[k]);
        if a.kind != TimexType::Date
            || b.kind != TimexType::Date
            || !matches!(b.grain, Grain::Day | Grain::Month)
        {
            return;
        }
        let start =
            ["starting", "beginning", "begins", "starts"].iter().any(|w| self.is_word(a.e, w));
        let end = ["ending", "ends", "in"].iter().any(|w| self.is_word(a.e, w));
        if !start && !end
            || !(a.s..a.e).any(|t| self.is_func(t, Func::Fiscal) || self.is_word(t, "financial"))
        {
            return;
        }
        let Some((Ok(y), Ok(m))) = b
            .value
            .get(..7)
            .and_then(|v| v.split_once('-'))
            .map(|(y, m)| (y.parse::<i32>(), m.parse::<u32>()))
        else {
            return;
        };
        let fy = if start && m > 1 { y + 1 } else { y };
        cands[k - 1].revalue(cal::fmt_year(fy), ":fiscal-bound");
    }

    /// Bare months named one after another in their sentence in the
    /// calendar's order ("bills of EUR 53 for February, EUR 346 for March,
    /// EUR 860 for April before soaring to EUR 159,000 in May", said in
    /// November) run in that order: each was read on its own against the
    /// reference, so a month read the nearest way (February, three months
    /// ahead) can land a year after a later one that its clause put in the
    /// past (May). Such a month takes the year that puts it before the
    /// next; from the last back, so the list follows its end. Only a month
    /// read the nearest way or in the present, in a clause that does not
    /// look ahead, moves: "will close in February, after talks began in
    /// May" keeps its future.
    ///
    /// Out of line: two bare months out of order in a sentence are rare.
    #[inline(never)]
    fn month_order(&self, cands: &mut [Cand]) {
        let ym = |c: &Cand| -> Option<(i32, u32)> {
            if c.grain != Grain::Month || c.kind != TimexType::Date || !c.rule.starts_with("month:")
            {
                return None;
            }
            // Only its year and month are read: where it ends is not.
            let month = Period::parse(&c.value, Grain::Month, 0)?;
            Some((month.year, month.part))
        };
        for k in (1..cands.len()).rev() {
            let (a, b) = (&cands[k - 1], &cands[k]);
            let (Some((ya, ma)), Some((yb, mb))) = (ym(a), ym(b)) else { continue };
            let free = a.rule == "month:nearest" || a.rule.starts_with("month:present");
            if !free || ma >= mb || ya <= yb || b.s > a.e + MONTH_GAP {
                continue;
            }
            if (a.e..b.s).any(|t| self.sentence_end(t))
                || self.direction_at(a.s, a.e, super::Dir::Nearest).0 == super::Dir::Future
            {
                continue;
            }
            cands[k - 1].revalue(cal::fmt_month(yb, ma), ":order");
        }
    }

    /// The clock times of a weekly schedule ("between 8 a.m. and 5 p.m. CT
    /// Monday through Friday", "Monday to Friday: 06:00-09:00am", "on
    /// Tuesdays and Thursdays ..., between the hours of 22:00 and 06:00"):
    /// a clock that names no day, in the sentence of a weekday set and at
    /// most `SCHEDULE_REACH` tokens from it, or right after such a clock,
    /// is a time of each such day, on no one day (XXXX-XX-XXT08:00), not of
    /// the article's or the story's.
    #[inline(never)]
    fn schedule_clocks(&self, cands: &mut [Cand]) {
        for k in 0..cands.len() {
            let c = &cands[k];
            let dayless = c.rule == "clock"
                || c.rule.starts_with("clock:reference-day")
                || c.rule.starts_with("clock:story-day")
                || c.rule == "clock:past-midnight";
            if c.kind != TimexType::Time || !dayless || c.value.as_bytes().get(10) != Some(&b'T') {
                continue;
            }
            let (s, e) = (c.s, c.e);
            // A weekday set near, or the clock just before, when it is a
            // time of the schedule ("..., 02:00-05:00pm, 11:00pm-01:00am").
            let joined = k > 0
                && cands[k - 1].value.starts_with("XXXX-XX-XXT")
                && s <= cands[k - 1].e + 2
                && !(cands[k - 1].e..s).any(|t| self.sentence_end(t));
            let within = |ws: usize, we: usize| {
                ws.max(s) - we.min(e) <= SCHEDULE_REACH
                    && !(we.min(e)..ws.max(s)).any(|t| self.sentence_end(t))
            };
            let near = joined
                || cands.iter().any(|w| {
                    w.kind == TimexType::Set && w.value.starts_with("XXXX-WXX-") && within(w.s, w.e)
                })
                // Hours ("open weekdays from 9 a.m. to 5 p.m.", "from 6 pm
                // to 8 am every night"): a clock that opens a span, with a
                // word for a set of days or a daily set in reach.
                || self.opens_hours(s)
                    && (cands.iter().any(|w| {
                        w.kind == TimexType::Set
                            && (w.value == "P1D" || w.value.starts_with("XXXX-XX-XXT"))
                            && within(w.s, w.e)
                    }) || (s.saturating_sub(SCHEDULE_REACH)..e + SCHEDULE_REACH)
                        .any(|t| self.schedule_days(t) && within(t, t + 1)));
            if near {
                let value = format!("XXXX-XX-XX{}", &cands[k].value[10..]);
                cands[k].revalue(value, ":schedule");
            }
        }
    }

    /// Whether the clock at token `s` opens a span of hours: after "from"
    /// or "between".
    fn opens_hours(&self, s: usize) -> bool {
        s > 0 && (self.is_func(s - 1, Func::From) || self.is_func(s - 1, Func::Between))
    }

    /// Whether the word at `t` names a set of days of a schedule
    /// (`Tables::schedule_days`: "weekdays", "weekends").
    fn schedule_days(&self, t: usize) -> bool {
        let days = self.lx.tables.schedule_days;
        !days.is_empty()
            && self.tok(t).is_some_and(|k| k.kind == Kind::Word)
            && days.iter().any(|w| self.lx.same_word(self.s(t), w))
    }

    /// "(January-July)", "October to December", "between February and
    /// September": two bare months joined by a dash, "to", "through" or
    /// "between ... and" are one span, in order, read from one
    /// anchor. Each was read on its own against the reference ("January"
    /// nearest to an August reference is the next one); the first takes
    /// the year that puts it before the second, the end of the span the
    /// anchor, as it is in a past clause.
    fn month_range(&self, cands: &mut [Cand], k: usize) {
        let (a, b) = (&cands[k - 1], &cands[k]);
        if b.grain != Grain::Month
            || !a.rule.starts_with("month:")
            || !b.rule.starts_with("month:")
            || !(self.dash(a.e)
                || self.is_func(a.e, Func::To)
                || self.is_func(a.e, Func::Through)
                || self.is_func(a.e, Func::And) && a.s > 0 && self.is_word(a.s - 1, "between"))
        {
            return;
        }
        let ym = |v: &str| -> Option<(i32, u32)> {
            let (y, m) = v.split_once('-')?;
            Some((y.parse().ok()?, m.parse().ok()?))
        };
        let (Some((ya, ma)), Some((yb, mb))) = (ym(&a.value), ym(&b.value)) else {
            return;
        };
        let y = if ma <= mb { yb } else { yb - 1 };
        if y != ya && (1..=9999).contains(&y) {
            cands[k - 1].revalue(cal::fmt_month(y, ma), ":range");
        }
    }

    /// A bare weekday candidate ("Friday", "7am on Thursday", "Sunday
    /// nights"), not one with its own "next" or "last".
    fn list_item(&self, k: usize, c: &Cand) -> Option<Item> {
        let at = if matches!(self.lex(c.s), Some(Lex::Weekday(_))) { c.s } else { c.e - 1 };
        let Some(Lex::Weekday(weekday @ 1..=7)) = self.lex(at) else { return None };
        if at > 0 && matches!(self.lex(at - 1), Some(Lex::Rel(_))) {
            return None;
        }
        if c.kind == TimexType::Set {
            // "Sunday nights": XXXX-WXX-7TNI.
            let part = c.value.strip_prefix("XXXX-WXX-")?.get(1..)?.strip_prefix('T')?;
            return Some(Item { k, weekday, day: None, plural_part: Some(part.to_owned()) });
        }
        if !c.rule.contains("weekday") && !c.rule.starts_with("time-date") {
            return None;
        }
        let day = c.day()?;
        (cal::weekday(day) == weekday).then_some(Item {
            k,
            weekday,
            day: Some(day),
            plural_part: None,
        })
    }

    /// Whether only a comma, "and", "or", "&" or ", and" stands between `a` and `b`.
    fn joined(&self, a: &Cand, b: &Cand) -> bool {
        let conj = |i: usize| {
            self.is_func(i, Func::And) || self.is_func(i, Func::Or) || self.punct(i, '&')
        };
        match b.s.checked_sub(a.e) {
            Some(1) => self.punct(a.e, ',') || conj(a.e),
            Some(2) => self.punct(a.e, ',') && conj(a.e + 1),
            _ => false,
        }
    }

    fn align(&self, cands: &mut [Cand], items: &[Item]) {
        // Only a list in weekday order names days of one week.
        if items.windows(2).any(|w| w[0].weekday >= w[1].weekday) {
            return;
        }
        let days: Vec<Civil> = items.iter().filter_map(|i| i.day).collect();
        let Some(first) = items.first() else { return };
        let Some(first_day) = first.day else { return };
        let past = days.iter().all(|d| *d <= self.r);
        let future = days.iter().all(|d| *d >= self.r);
        // Only a past verb makes "Friday and Saturday nights" two nights:
        // a present or future one is a habit or a timetable ("flights
        // would leave Bombay on Monday and Tuesday nights from March 30").
        let tensed = cands[first.k].rule.contains(":past-");
        let Some(last_dated) = items.iter().rev().find(|i| i.day.is_some()) else { return };
        // The anchor: the last day of a past list, the first of a future one.
        let (anchor, anchor_wd) = if past && !future {
            let last_day = last_dated.day.unwrap_or(first_day);
            match items.last() {
                // "... Saturday and Sunday nights" said on a Thursday: the
                // Sunday after the last dated day.
                Some(l) if l.plural_part.is_some() => {
                    let gap = i64::from(l.weekday) - i64::from(last_dated.weekday);
                    match cal::add_days(last_day, gap) {
                        Some(d) if d <= self.r => (d, l.weekday),
                        _ => (last_day, last_dated.weekday),
                    }
                }
                _ => (last_day, last_dated.weekday),
            }
        } else {
            (first_day, first.weekday)
        };
        for item in items {
            let Some(d) = cal::add_days(anchor, i64::from(item.weekday) - i64::from(anchor_wd))
            else {
                continue;
            };
            let c = &mut cands[item.k];
            match &item.plural_part {
                Some(part) if tensed => {
                    c.kind = TimexType::Time;
                    c.value = format!("{}T{part}", cal::fmt_day(d));
                    c.grain = Grain::PartOfDay;
                    c.rule.push_str(":list");
                }
                Some(_) => {}
                None => {
                    let value = c.on_day(d);
                    c.revalue(value, ":list");
                }
            }
        }
        // A present list with a plural part of the day: a set of days.
        if !tensed && let Some(Item { plural_part: Some(part), .. }) = items.last() {
            for item in &items[..items.len() - 1] {
                let c = &mut cands[item.k];
                if c.s + 1 == c.e {
                    c.kind = TimexType::Set;
                    c.value = format!("XXXX-WXX-{}T{part}", item.weekday);
                    c.grain = Grain::PartOfDay;
                    c.rule.push_str(":list");
                }
            }
        }
    }
}
