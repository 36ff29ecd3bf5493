//! The grammar of languages written without spaces (Chinese).
//!
//! Chinese writes a date as numbers each followed by the marker of its
//! field, largest first ("2024年7月23日下午3点15分"), puts "last" and "next"
//! before the unit as one word ("上周五", "下个月"), and "ago" after the
//! quantity ("三天前"). Its tokens come from `unspaced.rs` (number tokens,
//! table words, single characters), and the rules here read them through
//! the same helpers and resolution as the spaced grammar: the direction of
//! a partial date (`direction_at`, with the table's tense cues "将", "已",
//! "了"), the year of a month or day (`year_for_day`, `year_for_month`),
//! the day of a weekday (`resolve_weekday`), the points and durations
//! ("ago_point", "in_point", "duration_value").
//!
//! The parser tries these rules, and only these, when the language's tables
//! are unspaced (`longest_rule_at` hands over behind the `extended` flag,
//! after `parse_at`'s fast exits, which let every table word through), so
//! spaced languages never reach this file and this file never meets an
//! English rule. The rules:
//!
//! * `zh_point`: a calendar date, coarse to fine ("2024年", "2024年7月",
//!   "7月23日", "23日", "今年7月", "本月15日"), with the part of a period
//!   after it ("年底", "月初", "上旬", "上半年", "第一季度", "春季"), then
//!   a part of the day and a clock time ("23日下午3点"); a relative day,
//!   week, month or year ("昨天", "上周五", "下周", "上个月", "去年");
//!   a weekday ("周五", "星期一"); decades and centuries ("90年代",
//!   "上世纪80年代", "21世纪"); holidays on fixed days ("国庆节"); the day
//!   or year the text named last ("当天", "次日", "同年"); a part of the day
//!   or a clock time alone ("凌晨", "下午3点", "10时30分").
//! * `zh_quantity`: durations ("三年", "两个月", "半小时", "一年半",
//!   "多年"), and the points they measure from the reference ("三天前",
//!   "两年后"). "来"/"以来" after a duration stays outside it ("[两年]来").
//! * `zh_set`: "每年", "每天", "每周一".
//! * `zh_ref`: "现在", "目前" (PRESENT_REF), "最近", "日前" (PAST_REF),
//!   "未来", "今后" (FUTURE_REF), "近年" (PXY).
//!
//! A year needs a year number: four digits, a positional numeral of a
//! thousand or more ("两千年"), or two digits written digit by digit or
//! followed by a month ("九八年", "98年3月"); "三年" and "20年" are
//! durations, "三年级" never reaches the grammar (a not-date word).
//! A clock time with a numeral hour ("三点") needs a part of the day or a
//! date before it, or minutes after it: "三点意见" (three points) is no time.

use jiff::civil::Date as Civil;

use super::durations::duration_value;
use super::periods::season_code;
use super::{Cand, Dir, Longest, Parser, Pt};
use crate::cal;
use crate::lexicon::{
    Deictic, Func, Hedge, Lex, Marker, NAMED_DAY, PartOfDay, Position, Rel, Unit, Vague,
};
use crate::timex::{Grain, Modifier, TimexRange, TimexType};
use crate::token::Kind;

/// A point with the modifier the words after it gave ("年底": END).
type Found = (Pt, usize, Option<Modifier>);

/// How far back, in bytes, a month without a year looks for its
/// sentence's year (about eighty characters).
const SENTENCE_BACK: usize = 240;

/// The value of an ASCII or full-width digit.
fn zh_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

impl Parser<'_> {
    /// The longest expression starting at token `i` in unspaced text.
    pub(super) fn unspaced_at(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        match (t.kind, t.lex) {
            (Kind::Num, _) => {}
            // "近三年": nearly, before a quantity only; "前三季度", "头两个
            // 月", "三天前": "前" and "头" begin only a quantity.
            (Kind::Word, Some(Lex::Hedge(Hedge::Nearly) | Lex::Rel(Rel::Ago | Rel::Prior))) => {
                return self.zh_quantity(i);
            }
            (Kind::Word, Some(Lex::Cue(_) | Lex::Hedge(_))) => return None,
            (Kind::Word, Some(_)) => {}
            _ => return None,
        }
        let mut best = Longest::default();
        let mut offer = |c| best.offer(c);
        offer(self.zh_point(i));
        offer(self.zh_quantity(i));
        offer(self.zh_set(i));
        offer(self.zh_ref(i));
        best.0
    }

    // ----- tokens ---------------------------------------------------------------------------

    fn marker(&self, i: usize) -> Option<Marker> {
        match self.lex(i) {
            Some(Lex::Marker(m)) => Some(m),
            _ => None,
        }
    }

    /// A number token: its value, digit count (0 for a positional numeral)
    /// and whether it is written in numerals.
    fn zh_num(&self, i: usize) -> Option<(u32, u8, bool)> {
        self.tok(i).filter(|t| t.kind == Kind::Num).map(|t| (t.num, t.digits, t.lex.is_some()))
    }

    /// A number and 年 read as a calendar year: (year, end).
    fn zh_year(&self, i: usize) -> Option<(i32, usize)> {
        let (v, d, _) = self.zh_num(i)?;
        if self.marker(i + 1) != Some(Marker::Year) {
            return None;
        }
        // "在649年", "公元649年": a date preposition or the era before
        // three digits makes a year.
        let cued = i > 0
            && (matches!(self.s(i - 1), "在" | "于" | "於" | "至" | "到" | "从" | "從" | "自")
                || self.zh_after_era(i));
        let y = match d {
            4 if v >= 1000 => v,
            3 if cued && v >= 100 => v,
            0 if (1000..=2999).contains(&v) => v,
            // "九八年", "98年3月": a year of the century news is written in.
            // "08年": a leading zero writes a year.
            2 if self.zh_month(i + 2).is_some() || !(10..80).contains(&v) => {
                if v < 50 {
                    2000 + v
                } else {
                    1900 + v
                }
            }
            _ => return None,
        };
        Some((y as i32, i + 2))
    }

    /// A month number and 月 ("两月" is two months, not February); the
    /// first month of a range without its own 月 ("[1]至6月"); two
    /// neighbouring numerals ("三四月", March or April) as the first.
    fn zh_month(&self, i: usize) -> Option<(u32, usize)> {
        // "元月": January in one word.
        if let Some(Lex::Month(m)) = self.lex(i) {
            return Some((u32::from(m), i + 1));
        }
        let (v, d, numeral) = self.zh_num(i)?;
        // "三四月间": March or April, read as the first.
        if numeral
            && d == 2
            && v % 10 == v / 10 + 1
            && v / 10 >= 1
            && self.marker(i + 1) == Some(Marker::Month)
        {
            return Some((v / 10, i + 2));
        }
        if !(1..=12).contains(&v) || d > 2 || matches!(self.s(i), "两" | "兩") {
            return None;
        }
        if self.marker(i + 1) == Some(Marker::Month) {
            return Some((v, i + 2));
        }
        self.zh_range_to(i, Marker::Month).filter(|&(to, _)| v < to && to <= 12).map(|_| (v, i + 1))
    }

    /// "1至6月", "40至50年代": after the number at `i`, a connector and a
    /// second number with the `marker` both share: the second number and
    /// its end.
    fn zh_range_to(&self, i: usize, marker: Marker) -> Option<(u32, usize)> {
        if self.marker(i + 3) != Some(marker) {
            return None;
        }
        let (to, d, _) = self.zh_num(i + 2)?;
        let joins = matches!(self.s(i + 1), "至" | "到" | "、") || self.dash(i + 1);
        (joins && d <= 4).then_some((to, i + 4))
    }

    /// A day number and 日 or 号; right after a month the marker may be
    /// left out ("八月十五").
    fn zh_day(&self, i: usize) -> Option<(u32, usize)> {
        let (v, d, _) = self.zh_num(i)?;
        if !(1..=31).contains(&v) || d > 2 {
            return None;
        }
        if self.marker(i + 1) == Some(Marker::Day) {
            return Some((v, i + 2));
        }
        let after_month = i > 0 && self.marker(i - 1) == Some(Marker::Month);
        let free = !matches!(self.lex(i + 1), Some(Lex::Marker(_) | Lex::Unit(..) | Lex::Func(_)))
            && !self.tok(i + 1).is_some_and(|t| t.kind == Kind::Num || self.s(i + 1) == "刻");
        (after_month && free).then_some((v, i + 1))
    }

    /// "初", "底", "末", "中" (and for months "上旬" ...) after a period: its
    /// modifier and the end.
    fn zh_position(&self, j: usize, month: bool) -> (Option<Modifier>, usize) {
        let m = match self.lex(j) {
            Some(Lex::Position(Position::Beginning)) => Modifier::Start,
            Some(Lex::Position(Position::End)) => Modifier::End,
            Some(Lex::Position(Position::Mid)) => Modifier::Mid,
            Some(Lex::Marker(Marker::Xun(p))) if month => match p {
                Position::Early => Modifier::Start,
                Position::Late => Modifier::End,
                _ => Modifier::Mid,
            },
            _ => return (None, j),
        };
        (Some(m), j + 1)
    }

    // ----- points ---------------------------------------------------------------------------

    fn zh_point(&self, i: usize) -> Option<Cand> {
        let (pt, e, modifier) = match self.zh_date(i) {
            Some((pt, e, None)) if pt.grain == Grain::Day && pt.day.is_some() => {
                let day = pt.day.expect("checked");
                match self.zh_day_time(day, e, true) {
                    Some((t, e2)) => (Pt { rule: pt.rule, how: pt.how.clone(), ..t }, e2, None),
                    None => (pt, e, None),
                }
            }
            Some(found) => found,
            None => {
                let (t, e) = self.zh_day_time(self.r, i, false)?;
                (t, e, None)
            }
        };
        let mut c = pt.into_cand(i, e);
        c.modifier = modifier;
        // "2012年以来": since then, up to the reference.
        if c.kind == TimexType::Date
            && modifier.is_none()
            && self.lex(e) == Some(Lex::Rel(Rel::Since))
            && !c.value.is_empty()
        {
            c.range = Some(TimexRange::new(c.value.clone(), cal::fmt_day(self.r)));
        }
        Some(c)
    }

    /// "2010/01/29", "2010.01.29", "2010-1-29": a four-digit year first,
    /// one separator throughout.
    fn zh_numeric(&self, i: usize) -> Option<Found> {
        let (y, 4, false) = self.zh_num(i)? else { return None };
        let sep = self.tok(i + 1).filter(|t| t.kind == Kind::Punct)?.num;
        if !matches!(char::from_u32(sep), Some('/' | '.' | '-'))
            || !self.punct(i + 3, char::from_u32(sep)?)
        {
            return None;
        }
        let (m, 1..=2, false) = self.zh_num(i + 2)? else { return None };
        let (d, 1..=2, false) = self.zh_num(i + 4)? else { return None };
        let day = cal::date(y as i32, m, d)?;
        Some((Pt::day(day, "numeric", ""), i + 5, None))
    }

    /// A date, coarse to fine.
    fn zh_date(&self, i: usize) -> Option<Found> {
        let ry = i32::from(self.r.year());
        if let Some(found) = self.zh_numeric(i) {
            return Some(found);
        }
        let year = match (self.zh_year(i), self.lex(i)) {
            (Some((y, e)), _) => Some((y, e, "year")),
            (None, Some(Lex::Shifted(Unit::Year, k))) => {
                Some((ry + i32::from(k), i + 1, "relative-year"))
            }
            _ => None,
        };
        if let Some((y, j, rule)) = year {
            return self.zh_in_year(y, j, rule);
        }
        if let Some((m, j)) = self.zh_month(i) {
            let written = self.zh_sentence_year(i, m);
            if let Some((d, e)) = self.zh_day(j) {
                let year = match written {
                    Some(y) => Some((y, "sentence-year".to_owned())),
                    None => self.year_for_day(m, d, i, self.past_signal(e)),
                };
                let Some((y, how)) = year else {
                    return Some((Pt::void("month-day"), e, None));
                };
                return Some(match cal::date(y, m, d) {
                    Some(day) => (Pt::day(day, "month-day", how), e, None),
                    None => (Pt::void("month-day"), e, None),
                });
            }
            // "1至11月": the range's year is its last month's.
            let last = self.zh_range_to(i, Marker::Month).filter(|_| j == i + 1);
            let (y, how) = match (written, last) {
                (Some(y), _) => (y, "sentence-year".to_owned()),
                (None, Some((to, e))) => self.year_for_month(to, i + 2, self.past_signal(e))?,
                (None, None) => self.year_for_month(m, i, self.past_signal(j))?,
            };
            let (modifier, e) = self.zh_position(j, true);
            return Some((Pt::new(cal::fmt_month(y, m), Grain::Month, "month", how), e, modifier));
        }
        // A day alone is written with 日: "4号线" is line 4, "6号种子" a seed.
        if let Some((d, e)) = self.zh_day(i).filter(|_| matches!(self.s(i + 1), "日")) {
            return self.zh_day_alone(d, i, e);
        }
        if let Some((q, e)) = self.zh_quarter(i) {
            let v = format!("{}-Q{q}", cal::fmt_year(ry));
            return Some((Pt::new(v, Grain::Quarter, "quarter", ""), e, None));
        }
        let Some(lex) = self.lex(i).filter(|_| self.zh_num(i).is_none()) else {
            if let Some((c, e)) = self.zh_century_number(i) {
                return self.zh_century(c, e);
            }
            // "八十年代初": the decade's start.
            let (y, e) = self.zh_decade(i)?;
            let (modifier, e) = self.zh_position(e, false);
            return Some((
                Pt::new(format!("{}", y / 10), Grain::Decade, "decade", ""),
                e,
                modifier,
            ));
        };
        match lex {
            Lex::Shifted(Unit::Month, k) => {
                let m = cal::add_months(self.r, i64::from(k))?;
                let (y, mo) = (i32::from(m.year()), m.month() as u32);
                if let Some((d, e)) = self.zh_day(i + 1) {
                    return Some(match cal::date(y, mo, d) {
                        Some(day) => (Pt::day(day, "relative-month-day", ""), e, None),
                        None => (Pt::void("relative-month-day"), e, None),
                    });
                }
                let (modifier, e) = self.zh_position(i + 1, true);
                Some((
                    Pt::new(cal::fmt_month(y, mo), Grain::Month, "relative-month", ""),
                    e,
                    modifier,
                ))
            }
            Lex::Shifted(Unit::Week, k) => {
                let monday =
                    cal::add_days(self.r, 7 * i64::from(k) - i64::from(cal::weekday(self.r)) + 1)?;
                // "上周五", "下周日".
                let wd = match (self.zh_num(i + 1), self.lex(i + 1)) {
                    (Some((n @ 1..=6, 1, true)), _) => Some(n as u8),
                    (_, Some(Lex::Marker(Marker::Day) | Lex::Unit(Unit::Day, _))) => Some(7),
                    _ => None,
                };
                if let Some(wd) = wd {
                    let day = cal::add_days(monday, i64::from(wd) - 1)?;
                    return Some((Pt::day(day, "relative-weekday", ""), i + 2, None));
                }
                let (y, w) = cal::iso_week(monday);
                if self.lex(i + 1) == Some(Lex::Position(Position::End)) {
                    let v = format!("{}-WE", cal::fmt_week(y, w));
                    return Some((Pt::new(v, Grain::Week, "relative-weekend", ""), i + 2, None));
                }
                Some((Pt::new(cal::fmt_week(y, w), Grain::Week, "relative-week", ""), i + 1, None))
            }
            // "上季度", "本季度": the quarter before, this one.
            Lex::Shifted(Unit::Quarter, k) => {
                let n = ry * 4 + cal::quarter_of(self.r) as i32 - 1 + i32::from(k);
                let v = format!("{}-Q{}", cal::fmt_year(n.div_euclid(4)), n.rem_euclid(4) + 1);
                Some((Pt::new(v, Grain::Quarter, "relative-quarter", ""), i + 1, None))
            }
            Lex::Shifted(Unit::Day, k) => {
                let day = cal::add_days(self.r, i64::from(k))?;
                Some((Pt::day(day, "relative-day", ""), i + 1, None))
            }
            Lex::Shifted(Unit::Century, k) => self.zh_century(ry / 100 + i32::from(k), i + 1),
            Lex::Weekday(wd) => {
                let (day, how) = self.resolve_weekday(wd, i, self.past_signal(i + 1))?;
                Some((Pt::day(day, "weekday", how), i + 1, None))
            }
            // "冬季到来": a season alone is this year's, as in English.
            Lex::Season(s) => {
                let v = format!("{}-{}", cal::fmt_year(ry), season_code(s));
                Some((Pt::new(v, Grain::Season, "season", ""), i + 1, None))
            }
            Lex::Func(Func::Weekend) => {
                let (y, w) = cal::iso_week(self.r);
                let v = format!("{}-WE", cal::fmt_week(y, w));
                Some((Pt::new(v, Grain::Week, "weekend", ""), i + 1, None))
            }
            Lex::Holiday(h) => {
                let &(_, rule) = self.lx.unspaced.as_ref()?.table.holidays.get(usize::from(h))?;
                let opts: Vec<(i32, i64)> = (ry - 1..=ry + 1)
                    .filter_map(|y| rule.on(y).map(|day| (y, cal::diff_days(self.r, day))))
                    .collect();
                // As for a day of a month: a holiday within four months is
                // that one, whatever the tense ("春节前夕，他看望了..." in
                // early January is this year's).
                let near = opts.iter().filter(|o| o.1.abs() <= 120).min_by_key(|o| o.1.abs());
                let (y, how) = match near {
                    Some(&(y, _)) if self.direction == crate::Direction::Context => {
                        (y, "nearest".to_owned())
                    }
                    _ => {
                        let (dir, how) =
                            self.direction_at(i, self.past_signal(i + 1), Dir::Nearest);
                        (self.pick_by_distance(&opts, dir)?, how)
                    }
                };
                Some((Pt::day(rule.on(y)?, "holiday", how), i + 1, None))
            }
            Lex::Era(k) => {
                let &(_, base) = self.lx.unspaced.as_ref()?.table.eras.get(usize::from(k))?;
                // "民国元年" is its first year.
                let (n, j) = match self.zh_num(i + 1) {
                    Some((n, _, _)) => (n as i32, i + 2),
                    None if self.s(i + 1) == "元" => (1, i + 2),
                    None => return None,
                };
                if self.marker(j) != Some(Marker::Year) || n < 1 {
                    return None;
                }
                self.zh_in_year(base + n, j + 1, "era-year")
            }
            Lex::Rel(Rel::Same) => {
                let day = self.doc.last_day.unwrap_or(self.r);
                Some((Pt::day(day, "same-day", ""), i + 1, None))
            }
            Lex::Rel(r @ (Rel::Following | Rel::Previous)) => self.zh_anaphoric(i, r),
            Lex::Func(Func::That) => {
                let y = self.doc.last_year.unwrap_or(ry);
                self.zh_in_year(y, i + 1, "that-year")
            }
            // "岁末", "年终": this year's end.
            Lex::EndOf(Unit::Year) => Some((
                Pt::new(cal::fmt_year(ry), Grain::Year, "year-end", ""),
                i + 1,
                Some(Modifier::End),
            )),
            Lex::Marker(Marker::Year) => {
                // "年终": this year's end; "年内": within this year.
                let here = self.tok(i)?.end;
                let adjacent = self.tok(i + 1).is_some_and(|t| t.start == here);
                let end = matches!(self.s(i + 1), "终" | "終");
                if adjacent && (end || matches!(self.s(i + 1), "内" | "內")) {
                    let p = Pt::new(cal::fmt_year(ry), Grain::Year, "year-end", "");
                    let p = if end { p } else { Pt { rule: "within-the-year", ..p } };
                    return Some((p, i + 2, end.then_some(Modifier::End)));
                }
                // "年底", "年初" alone: this year's end or start.
                let (modifier, e) = self.zh_position(i + 1, false);
                modifier.map(|m| {
                    (Pt::new(cal::fmt_year(ry), Grain::Year, "year-position", ""), e, Some(m))
                })
            }
            Lex::Marker(Marker::Month) => {
                let (modifier, e) = self.zh_position(i + 1, true);
                modifier.map(|m| {
                    let v = cal::fmt_month(ry, self.r.month() as u32);
                    (Pt::new(v, Grain::Month, "month-position", ""), e, Some(m))
                })
            }
            Lex::Marker(Marker::Half(h)) => {
                let v = format!("{}-H{h}", cal::fmt_year(ry));
                Some((Pt::new(v, Grain::Half, "half", ""), i + 1, None))
            }
            _ => None,
        }
    }

    /// The year a month without one takes from its own sentence: "1812年
    /// 7月23日，……9月14日到达" is 1812's September. The last year written
    /// in digits earlier in the sentence, unless a month written with it
    /// comes after `m` ("1997年12月……，1月" is some other January).
    #[cold]
    #[inline(never)]
    fn zh_sentence_year(&self, i: usize, m: u32) -> Option<i32> {
        let mut s = self.text_before(i, SENTENCE_BACK)?;
        if let Some(k) = s.rfind(['。', '！', '？', '；', '\n']) {
            s = &s[k..];
        }
        let mut rest = s;
        while let Some(k) = rest.rfind('年') {
            let before = &rest[..k];
            rest = before;
            let digits: Vec<u32> = before.chars().rev().map_while(zh_digit).take(5).collect();
            if digits.len() != 4 {
                continue;
            }
            let y = digits.iter().rev().fold(0, |a, &d| a * 10 + d) as i32;
            // A month written after the year: "1997年12月".
            let after = &s[k + '年'.len_utf8()..];
            let month: Vec<u32> = after.chars().map_while(zh_digit).collect();
            let written_month = month.iter().fold(0, |a, &d| a * 10 + d);
            let marked = after.chars().nth(month.len()) == Some('月');
            if !month.is_empty() && marked && written_month > m {
                return None;
            }
            return (1000..=2999).contains(&y).then_some(y);
        }
        None
    }

    /// "次日", "前一天", "次年", "上年", "次月": the day, year or month
    /// after or before the one the text named last (the reference when it
    /// named none). The word's last character says which unit it shifts.
    #[cold]
    #[inline(never)]
    fn zh_anaphoric(&self, i: usize, r: Rel) -> Option<Found> {
        let k: i32 = if r == Rel::Following { 1 } else { -1 };
        match self.s(i).chars().last()? {
            '年' => {
                let y = self.doc.last_year.unwrap_or(i32::from(self.r.year())) + k;
                let rule = if k > 0 { "following-year" } else { "previous-year" };
                self.zh_in_year(y, i + 1, rule)
            }
            '月' => {
                let (y, m) = self
                    .doc
                    .last_month
                    .unwrap_or((i32::from(self.r.year()), self.r.month() as u32));
                let first = cal::add_months(cal::date(y, m, 1)?, i64::from(k))?;
                let v = cal::fmt_month(i32::from(first.year()), first.month() as u32);
                let rule = if k > 0 { "following-month" } else { "previous-month" };
                Some((Pt::new(v, Grain::Month, rule, ""), i + 1, None))
            }
            _ => {
                let day = cal::add_days(self.doc.last_day.unwrap_or(self.r), i64::from(k))?;
                let rule = if k > 0 { "following-day" } else { "previous-day" };
                Some((Pt::day(day, rule, ""), i + 1, None))
            }
        }
    }

    /// What follows a year: a month (and day), a holiday, a half, a quarter,
    /// a season or a position, or nothing.
    fn zh_in_year(&self, y: i32, j: usize, rule: &'static str) -> Option<Found> {
        if let Some((m, j2)) = self.zh_month(j) {
            if let Some((d, e)) = self.zh_day(j2) {
                return Some(match cal::date(y, m, d) {
                    Some(day) => (Pt::day(day, rule, ""), e, None),
                    None => (Pt::void(rule), e, None),
                });
            }
            let (modifier, e) = self.zh_position(j2, true);
            return Some((Pt::new(cal::fmt_month(y, m), Grain::Month, rule, ""), e, modifier));
        }
        // "明年年初", "今年年底": the year said twice before its position.
        let j = if self.marker(j) == Some(Marker::Year)
            && matches!(self.lex(j + 1), Some(Lex::Position(_)))
        {
            j + 1
        } else {
            j
        };
        let year = cal::fmt_year(y);
        match self.lex(j) {
            Some(Lex::Marker(Marker::Half(h))) => {
                return Some((Pt::new(format!("{year}-H{h}"), Grain::Half, rule, ""), j + 1, None));
            }
            Some(Lex::Season(s)) => {
                let v = format!("{year}-{}", season_code(s));
                return Some((Pt::new(v, Grain::Season, rule, ""), j + 1, None));
            }
            // "1594年秋，": one character names the season right after a
            // year, when a word does not go on ("2010年冬奥会" is no winter).
            None if self.tok(j + 1).is_none_or(|t| t.kind == Kind::Punct) => {
                if let Some(k) = ["春", "夏", "秋", "冬"].iter().position(|&c| c == self.s(j)) {
                    let v = format!("{year}-{}", season_code(k as u8 + 1));
                    return Some((Pt::new(v, Grain::Season, rule, ""), j + 1, None));
                }
            }
            Some(Lex::Holiday(h)) => {
                let &(_, rule) = self.lx.unspaced.as_ref()?.table.holidays.get(usize::from(h))?;
                let day = rule.on(y)?;
                return Some((Pt::day(day, "holiday-year", ""), j + 1, None));
            }
            _ => {}
        }
        if let Some((q, e)) = self.zh_quarter(j) {
            return Some((Pt::new(format!("{year}-Q{q}"), Grain::Quarter, rule, ""), e, None));
        }
        let (modifier, e) = self.zh_position(j, false);
        Some((Pt::new(year, Grain::Year, rule, ""), e, modifier))
    }

    /// "第一季度", "一季度", "三季": the quarter and the end.
    fn zh_quarter(&self, j: usize) -> Option<(u32, usize)> {
        let k = if self.marker(j) == Some(Marker::Ordinal) { j + 1 } else { j };
        let (q, d, _) = self.zh_num(k)?;
        ((1..=4).contains(&q) && d <= 1 && self.marker(k + 1) == Some(Marker::Quarter))
            .then_some((q, k + 2))
    }

    /// The end of an expression for reading its direction: past a "前" or
    /// "后" right after it, which says "before" or "after" the date ("12月
    /// 31日前"), not the tense of the clause.
    fn past_signal(&self, e: usize) -> usize {
        match self.lex(e) {
            Some(Lex::Rel(Rel::Ago | Rel::Later)) => e + 1,
            _ => e,
        }
    }

    /// A day of the month alone ("23日"): the one of the month nearest the
    /// reference that has it, as the sentence's direction reads it.
    fn zh_day_alone(&self, d: u32, i: usize, e: usize) -> Option<Found> {
        let opts: Vec<(i32, i64)> = (-1..=1)
            .filter_map(|k| {
                let m = cal::add_months(self.r, k)?;
                let day = cal::date(i32::from(m.year()), m.month() as u32, d)?;
                Some((k as i32, cal::diff_days(self.r, day)))
            })
            .collect();
        let (dir, how) = self.direction_at(i, self.past_signal(e), Dir::Nearest);
        let k = self.pick_by_distance(&opts, dir)?;
        let m = cal::add_months(self.r, i64::from(k))?;
        let day = cal::date(i32::from(m.year()), m.month() as u32, d)?;
        Some((Pt::day(day, "day", how), e, None))
    }

    /// "20世纪", "二十一世纪": the century's value (19 for the 20th) and the end.
    fn zh_century_number(&self, i: usize) -> Option<(i32, usize)> {
        let (c, d, _) = self.zh_num(i)?;
        ((1..=30).contains(&c) && d <= 2 && self.unit(i + 1) == Some((Unit::Century, false)))
            .then(|| (c as i32 - 1, i + 2))
    }

    /// After a century: a decade ("上世纪90年代"), a position ("本世纪末"),
    /// or the century alone.
    fn zh_century(&self, c: i32, j: usize) -> Option<Found> {
        if let Some((v, d, _)) = self.zh_num(j)
            && self.marker(j + 1) == Some(Marker::Decade)
            && d <= 2
            && v % 10 == 0
            && v < 100
        {
            let v = format!("{:02}{}", c, v / 10);
            let (modifier, e) = self.zh_position(j + 2, false);
            return Some((Pt::new(v, Grain::Decade, "century-decade", ""), e, modifier));
        }
        let (modifier, e) = self.zh_position(j, false);
        Some((Pt::new(format!("{c:02}"), Grain::Century, "century", ""), e, modifier))
    }

    /// "90年代", "九十年代", "1990年代": the decade's first year and the end.
    fn zh_decade(&self, i: usize) -> Option<(i32, usize)> {
        let (v, d, _) = self.zh_num(i)?;
        // "[40]至50年代": the first decade of a range.
        let e = if self.marker(i + 1) == Some(Marker::Decade) {
            i + 2
        } else {
            self.zh_range_to(i, Marker::Decade).filter(|&(to, _)| v < to).map(|_| i + 1)?
        };
        if v % 10 != 0 {
            return None;
        }
        let y = match (v, d) {
            (1000..=2990, 4 | 0) => v,
            (0..=90, _) if v >= 30 => 1900 + v,
            (0..=20, _) => 2000 + v,
            _ => return None,
        };
        Some((y as i32, e))
    }

    // ----- times of day ---------------------------------------------------------------------

    /// A part of the day and a clock time after a day ("下午3点", "上午",
    /// "3点") as a TIME on `day`; a clock time with a numeral hour needs a
    /// part of the day before it or minutes after it, or a day before it
    /// (`i` after a date).
    fn zh_day_time(&self, day: Civil, i: usize, after_date: bool) -> Option<(Pt, usize)> {
        let (day, i, part) = match self.lex(i) {
            Some(Lex::DayPart(NAMED_DAY, pod)) => {
                (self.doc.last_day.unwrap_or(self.r), i + 1, Some(pod))
            }
            Some(Lex::DayPart(k, pod)) => (cal::add_days(self.r, i64::from(k))?, i + 1, Some(pod)),
            Some(Lex::PartOfDay(pod)) => (day, i + 1, Some(pod)),
            Some(Lex::Func(Func::Noon)) => (day, i + 1, None),
            _ => (day, i, None),
        };
        let noon = i > 0 && self.is_func(i - 1, Func::Noon);
        if let Some((h, m, e, strong)) = self.zh_clock(i)
            && (strong || part.is_some() || noon || after_date)
        {
            let h = match part {
                Some(PartOfDay::Afternoon | PartOfDay::Evening) if (1..12).contains(&h) => h + 12,
                Some(PartOfDay::Night) if (6..12).contains(&h) => h + 12,
                None if noon && (1..=3).contains(&h) => h + 12,
                _ => h,
            };
            let tm = format!("{h:02}:{m:02}");
            return Some((Pt::time_on(day, &tm, Grain::Minute, "clock", ""), e));
        }
        if noon {
            return Some((Pt::time_on(day, "12:00", Grain::Minute, "noon", ""), i));
        }
        let pod = part?;
        // "晚" alone is late, not the evening ("太晚"): one character
        // names a part of the day only after a date.
        if !after_date && self.s(i - 1).chars().count() == 1 {
            return None;
        }
        Some((Pt::time_on(day, pod.code(), Grain::PartOfDay, "part-of-day", ""), i))
    }

    /// A clock time: (hour, minute, end, whether it reads as one alone:
    /// minutes or "半" after it, "点钟", or a digit hour with "时").
    fn zh_clock(&self, i: usize) -> Option<(u32, u32, usize, bool)> {
        let (h, d, numeral) = self.zh_num(i)?;
        if h > 24 || d > 2 {
            return None;
        }
        // "15:30", "下午3:15".
        if self.punct(i + 1, ':')
            && let Some((m, 2, false)) = self.zh_num(i + 2)
            && m < 60
            && !numeral
        {
            return Some((h, m, i + 3, true));
        }
        if self.marker(i + 1) != Some(Marker::Hour) {
            return None;
        }
        let word = self.s(i + 1);
        let mut strong = !numeral && word.starts_with(['时', '時']) || word.ends_with(['钟', '鐘']);
        let mut e = i + 2;
        let mut m = 0;
        if self.is_func(e, Func::Half) {
            m = 30;
            e += 1;
            strong = true;
        } else if let Some((mm, md, _)) = self.zh_num(e)
            && mm < 60
            && md <= 2
        {
            if self.marker(e + 1) == Some(Marker::Minute) {
                m = mm;
                e += 2;
                strong = true;
            } else if self.s(e + 1) == "刻" && (1..=3).contains(&mm) {
                // "五点一刻": quarters of an hour.
                m = 15 * mm;
                e += 2;
                strong = true;
            } else if !matches!(self.lex(e + 1), Some(Lex::Marker(_) | Lex::Unit(..)))
                && word.starts_with(['点', '點'])
            {
                m = mm;
                e += 1;
            }
        }
        Some((h, m, e, strong))
    }

    // ----- quantities -----------------------------------------------------------------------

    /// A quantity: a number, "半", or a vague word ("几", "数", "多"), with
    /// "多" after a number ("十多"): (amount, more than, end).
    fn zh_amount(&self, i: usize) -> Option<(Option<f64>, bool, usize)> {
        if let Some((v, d, numeral)) = self.zh_num(i) {
            // "三四天", "一两年": two neighbouring numerals are an estimate,
            // not thirty-four days; "十几年": some more than ten.
            if numeral && d == 2 && v % 10 == v / 10 + 1 {
                return Some((None, false, i + 1));
            }
            if self.lex(i + 1) == Some(Lex::Vague(Vague::Few)) {
                return Some((None, false, i + 2));
            }
            if self.lex(i + 1) == Some(Lex::Vague(Vague::Many)) {
                return Some((Some(f64::from(v)), true, i + 2));
            }
            return Some((Some(f64::from(v)), false, i + 1));
        }
        match self.lex(i)? {
            Lex::Func(Func::Half) => Some((Some(0.5), false, i + 1)),
            Lex::Vague(_) => Some((None, false, i + 1)),
            _ => None,
        }
    }

    /// A unit after a quantity, with an optional classifier ("个") before
    /// it, "多" after the classifier ("一个多月": more than a month) and
    /// "半" after it: (unit, half, end, more than).
    fn zh_unit(&self, j: usize, vague: bool) -> Option<(Unit, bool, usize, bool)> {
        let classified = self.marker(j) == Some(Marker::Classifier);
        let more = classified && self.lex(j + 1) == Some(Lex::Vague(Vague::Many));
        let k = j + usize::from(classified) + usize::from(more);
        let u = match self.lex(k)? {
            Lex::Unit(u, _) => u,
            Lex::Marker(Marker::Year) => Unit::Year,
            Lex::Marker(Marker::Quarter) if vague || classified => Unit::Quarter,
            Lex::Marker(Marker::Day) if vague => Unit::Day,
            Lex::Marker(Marker::Month) if vague || classified => Unit::Month,
            _ => return None,
        };
        let half = self.is_func(k + 1, Func::Half);
        Some((u, half, k + 1 + usize::from(half), more))
    }

    fn zh_quantity(&self, i: usize) -> Option<Cand> {
        // "第四周" is the fourth week, "光绪三十二年" a year of the reign,
        // "年复一年" year after year (an idiom, no quantity).
        if self.zh_year(i).is_some()
            || i > 0 && matches!(self.s(i - 1), "复" | "復")
            || self.zh_decade(i).is_some()
            || i > 0 && matches!(self.lex(i - 1), Some(Lex::Marker(Marker::Ordinal) | Lex::Era(_)))
        {
            return None;
        }
        // "过去十年", "未来五年", "近三年": the stretch up to or from now.
        let lead = matches!(
            self.lex(i),
            Some(Lex::Deictic(Deictic::PastRef | Deictic::FutureRef) | Lex::Hedge(Hedge::Nearly))
        );
        // "前三季度", "头两个月": the first ones of a period; "前几天":
        // some days ago.
        let first = matches!(self.lex(i), Some(Lex::Rel(Rel::Ago | Rel::Prior)));
        let start = match (lead || first, self.lex(i + 1)) {
            (false, _) => i,
            (true, Some(Lex::Func(Func::Of))) if lead => i + 2,
            (true, _) => i + 1,
        };
        if first && let Some(c) = self.zh_bc_year(i) {
            return Some(c);
        }
        if first && self.zh_year(start).is_some() {
            return None;
        }
        let (q, more, j) = self.zh_amount(start)?;
        // "两日前": a numeral count of days before "前" or "后" (a day of the
        // month is written in digits: "23日前" is before the 23rd).
        let days_ago = self.marker(j) == Some(Marker::Day)
            && self.tok(j - 1).is_some_and(|t| t.lex.is_some())
            && q.is_some_and(|q| q <= 10.0)
            && matches!(self.lex(j + 1), Some(Lex::Rel(Rel::Ago | Rel::Later)));
        // "只有82日": more days than a month has is a count of them.
        let many_days = self.marker(j) == Some(Marker::Day) && q.is_some_and(|q| q > 31.0);
        let (u, half, e, more) = match self.zh_unit(j, q.is_none() || first) {
            Some((u, half, e, more_after)) => (u, half, e, more || more_after && q.is_some()),
            None if days_ago || many_days => (Unit::Day, false, j + 1, more),
            None => return None,
        };
        if first
            && (q.is_none() || matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Quarter))
        {
            return self.zh_first(i, q, u, half, e);
        }
        // "公元前7世纪", "前55年" otherwise: no first years.
        if first {
            return None;
        }
        // "三年级" never gets here; "三月" is March (no classifier).
        let q = q.map(|q| if half { q + 0.5 } else { q });
        // "三年多": more than three years.
        let (more, e) = match self.lex(e) {
            Some(Lex::Vague(Vague::Many)) if q.is_some() && !more => (true, e + 1),
            _ => (more, e),
        };
        let value = duration_value(q, u, false);
        // "四年一度", "每四年一次": once every so long, a SET.
        if self.zh_num(e).is_some_and(|(n, _, _)| n == 1) && matches!(self.s(e + 1), "度" | "次")
        {
            return Some(
                Pt::new(value, Grain::Unspecified, "once-every", "").set().into_cand(i, e),
            );
        }
        match self.lex(e) {
            Some(Lex::Rel(r @ (Rel::Ago | Rel::Later))) if !lead => {
                let ago = r == Rel::Ago;
                let code = match u {
                    Unit::Day => 'D',
                    Unit::Week => 'W',
                    Unit::Month => 'M',
                    Unit::Year => 'Y',
                    Unit::Hour | Unit::Minute | Unit::Second => 'H',
                    _ => return None,
                };
                let pt = match q.filter(|q| q.fract() == 0.0) {
                    None => {
                        let v = if ago { "PAST_REF" } else { "FUTURE_REF" };
                        Pt::new(v.into(), Grain::Unspecified, "vague-ago", "")
                    }
                    Some(n) if ago => self.ago_point(-(n as i64), code, "ago")?,
                    Some(_) if code == 'H' => Pt::day(self.r, "later", ""),
                    Some(n) => self.in_point(self.r, n as i64, code, String::new())?,
                };
                let pt = Pt { rule: if ago { "ago" } else { "later" }, ..pt };
                Some(pt.into_cand(i, e + 1))
            }
            _ => {
                let mut c =
                    Pt::new(value, Grain::Unspecified, "duration", "").duration().into_cand(i, e);
                if more {
                    c.modifier = Some(Modifier::MoreThan);
                }
                if self.lex(e) == Some(Lex::Rel(Rel::Since)) {
                    c.rule = "duration-since".into();
                }
                Some(c)
            }
        }
    }

    /// "公元前99年", "（前99年-前55年）": a year before Christ from the "前" at
    /// `i`, its number in digits, after the era's name (inside the
    /// expression), a bracket or a dash.
    #[cold]
    #[inline(never)]
    fn zh_bc_year(&self, i: usize) -> Option<Cand> {
        let era = self.zh_after_era(i);
        let opens = i == 0 || matches!(self.s(i - 1), "(" | "（") || self.dash(i - 1);
        let (n, d, numeral) = self.zh_num(i + 1)?;
        if self.lex(i) != Some(Lex::Rel(Rel::Ago))
            || !(era || opens)
            || d == 0
            || numeral
            || n == 0
            || self.marker(i + 2) != Some(Marker::Year)
        {
            return None;
        }
        let pt = Pt::new(format!("BC{n:04}"), Grain::Year, "bc-year", "");
        Some(pt.into_cand(if era { i - 2 } else { i }, i + 3))
    }

    /// Whether the era's name, "公元" or "西元", comes right before token `i`
    /// (two tokens of one character each: the table has no word for it,
    /// so that neither character costs a lookup).
    fn zh_after_era(&self, i: usize) -> bool {
        i >= 2
            && self.tok(i - 2).is_some_and(|t| t.end == self.tok(i - 1).map_or(0, |u| u.start))
            && self.tok(i - 1).is_some_and(|t| t.end == self.tok(i).map_or(0, |u| u.start))
            && self.s(i - 1) == "元"
            && matches!(self.s(i - 2), "公" | "西")
    }

    /// "前三季度", "头两个月" (the first quarters or months of a period,
    /// a DURATION) and "前两天", "前几天" (days ago, a DATE), from token
    /// `i` (the "前" or "头") to `e`, the unit's end.
    #[cold]
    #[inline(never)]
    fn zh_first(&self, i: usize, q: Option<f64>, u: Unit, half: bool, e: usize) -> Option<Cand> {
        if half || matches!(self.lex(e), Some(Lex::Rel(_))) {
            return None;
        }
        // "前几年": some years ago.
        if q.is_none() && self.lex(i) == Some(Lex::Rel(Rel::Ago)) {
            let pt = Pt::new("PAST_REF".into(), Grain::Unspecified, "days-before", "");
            return Some(pt.into_cand(i, e));
        }
        if u == Unit::Day && self.lex(i) == Some(Lex::Rel(Rel::Ago)) {
            let pt = self.ago_point(-(q? as i64), 'D', "ago")?;
            return Some(Pt { rule: "days-before", ..pt }.into_cand(i, e));
        }
        let value = duration_value(q, u, false);
        Some(Pt::new(value, Grain::Unspecified, "first-of-period", "").duration().into_cand(i, e))
    }

    /// "每年", "每天", "每两周", "每周一": sets.
    fn zh_set(&self, i: usize) -> Option<Cand> {
        if !self.is_func(i, Func::Every) {
            return None;
        }
        if let Some(Lex::Weekday(wd)) = self.lex(i + 1) {
            let v = format!("XXXX-WXX-{wd}");
            return Some(Pt::new(v, Grain::Day, "every-weekday", "").set().into_cand(i, i + 2));
        }
        let (n, j) = match self.zh_num(i + 1) {
            Some((n, _, _)) => (f64::from(n), i + 2),
            None => (1.0, i + 1),
        };
        let classified = self.marker(j) == Some(Marker::Classifier);
        let k = if classified { j + 1 } else { j };
        let u = match self.lex(k)? {
            Lex::Unit(u, _) => u,
            Lex::Marker(Marker::Year) => Unit::Year,
            Lex::Marker(Marker::Month) => Unit::Month,
            Lex::Marker(Marker::Day) => Unit::Day,
            Lex::Marker(Marker::Quarter) => Unit::Quarter,
            _ => return None,
        };
        // "每天早晨": every morning.
        if u == Unit::Day
            && n == 1.0
            && let Some(Lex::PartOfDay(pod)) = self.lex(k + 1)
        {
            let v = format!("XXXX-XX-XXT{}", pod.code());
            return Some(Pt::new(v, Grain::PartOfDay, "every", "").set().into_cand(i, k + 2));
        }
        let v = duration_value(Some(n), u, false);
        Some(Pt::new(v, Grain::Unspecified, "every", "").set().into_cand(i, k + 1))
    }

    /// Words for the present, the past and the future as such.
    fn zh_ref(&self, i: usize) -> Option<Cand> {
        let (v, kind) = match self.lex(i)? {
            Lex::Deictic(Deictic::Present) => ("PRESENT_REF", TimexType::Date),
            // "晕了过去。": passed out, at the end of a sentence.
            // "十多年过去了": the verb "to pass", after a quantity or before 了.
            Lex::Deictic(Deictic::PastRef)
                if self.tok(i + 1).is_none_or(|t| t.is_punct('.') || t.is_punct('!'))
                    || self.s(i + 1) == "了"
                    || i > 0 && matches!(self.lex(i - 1), Some(Lex::Unit(..) | Lex::Marker(_))) =>
            {
                return None;
            }
            Lex::Deictic(Deictic::PastRef) => ("PAST_REF", TimexType::Date),
            Lex::Deictic(Deictic::FutureRef) => ("FUTURE_REF", TimexType::Date),
            Lex::Deictic(Deictic::Recent) => ("PXY", TimexType::Duration),
            _ => return None,
        };
        let mut p = Pt::new(v.into(), Grain::Unspecified, "reference-word", "");
        p.kind = kind;
        Some(p.into_cand(i, i + 1))
    }
}
