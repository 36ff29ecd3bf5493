//! Clock times: "3 p.m.", "15:00 GMT", "noon", "half past two".

use super::Parser;
use crate::lexicon::{Deictic, Func, Hedge, Lex, PartOfDay, Position, Rel, Unit};
use crate::token::Kind;

impl Parser<'_> {
    /// Clock times: "3 p.m.", "15:00 GMT", "noon", "10:30am", "5 o'clock".
    /// Returns the TIMEX time part ("15:00") and the end.
    pub(super) fn clock(&self, i: usize) -> Option<(String, usize)> {
        // "half past 3", "a quarter to noon", "20 minutes past 3pm", "twenty after 3".
        let offset = if self.is_func(i, Func::Half) {
            Some((30i64, i + 1))
        } else if self.is_func(i, Func::A)
            && matches!(self.unit(i + 1), Some((Unit::Quarter, false)))
        {
            Some((15, i + 2))
        } else if matches!(self.unit(i), Some((Unit::Quarter, false))) {
            Some((15, i + 1))
        } else if let Some((n, e)) =
            self.number(i).filter(|(n, _)| *n >= 1.0 && *n < 60.0 && n.fract() == 0.0)
        {
            let e = if matches!(self.unit(e), Some((Unit::Minute, _))) { e + 1 } else { e };
            Some((n as i64, e))
        } else {
            None
        };
        // "5 to 6pm" in digits is a range; "five to six", "5 minutes to 6" count down.
        let bare_digits = self.num(i).is_some() && offset.is_some_and(|(_, k)| k == i + 1);
        if let Some((mins, k)) = offset {
            let sign = match self.lex(k) {
                Some(Lex::Deictic(Deictic::Past) | Lex::Rel(Rel::After)) => 1,
                Some(Lex::Func(Func::To) | Lex::Rel(Rel::Before))
                    if !bare_digits
                        && (self.num(k + 1).is_some()
                            || matches!(self.lex(k + 1), Some(Lex::Number(1..=12))))
                        || matches!(
                            self.lex(k + 1),
                            Some(Lex::Func(Func::Noon | Func::Midnight))
                        ) =>
                {
                    -1
                }
                _ => 0,
            };
            if sign != 0
                && let Some((base, e)) = self.clock_day_part(k + 1)
            {
                let (hh, mm) = base.split_once(':')?;
                let total =
                    hh.parse::<i64>().ok()? * 60 + mm.get(..2)?.parse::<i64>().ok()? + sign * mins;
                let total = total.rem_euclid(24 * 60);
                return Some((format!("{:02}:{:02}", total / 60, total % 60), e));
            }
        }
        self.clock_day_part(i)
    }

    /// A clock time with an optional "in the afternoon" that moves it past noon.
    pub(super) fn clock_day_part(&self, i: usize) -> Option<(String, usize)> {
        let (v, e) = self.clock_base(i)?;
        let explicit = matches!(self.lex(e.wrapping_sub(1)), Some(Lex::Func(Func::Am | Func::Pm)));
        if !explicit
            && self.is_func(e, Func::In)
            && (self.is_func(e + 1, Func::The)
                && matches!(self.lex(e + 2), Some(Lex::PartOfDay(_)))
                || matches!(self.lex(e + 1), Some(Lex::PartOfDay(_))))
        {
            let p = if self.is_func(e + 1, Func::The) { e + 2 } else { e + 1 };
            let Some(Lex::PartOfDay(pod)) = self.lex(p) else { return Some((v, e)) };
            let hh: u32 = v.get(..2)?.parse().ok()?;
            let hh = if pod != PartOfDay::Morning && hh < 12 { hh + 12 } else { hh };
            return Some((format!("{hh:02}{}", v.get(2..)?), p + 1));
        }
        Some((v, e))
    }

    pub(super) fn clock_base(&self, i: usize) -> Option<(String, usize)> {
        match self.lex(i) {
            Some(Lex::Func(Func::Noon)) => {
                if self.is_word(i.wrapping_sub(1), "high") {
                    return None;
                }
                return Some(self.noon_zone("12:00", i + 1));
            }
            Some(Lex::Func(Func::Midnight)) => return Some(self.noon_zone("24:00", i + 1)),
            // "mid day", "mid-day": "midday" in two words.
            Some(Lex::Position(Position::Mid)) => {
                let k = if self.dash(i + 1) && self.glued(i + 1) { i + 2 } else { i + 1 };
                if self.is_word(k, "day") && !self.s(k).ends_with('s') {
                    return Some(("12:00".into(), k + 1));
                }
            }
            _ => {}
        }
        if self.num(i).is_none() {
            return self.clock_words(i);
        }
        let (h, hd) = self.num(i)?;
        // "12 noon", "12 midnight".
        if h == 12 && hd == 2 {
            match self.lex(i + 1) {
                Some(Lex::Func(Func::Noon)) => return Some(self.noon_zone("12:00", i + 2)),
                Some(Lex::Func(Func::Midnight)) => return Some(self.noon_zone("24:00", i + 2)),
                _ => {}
            }
        }
        // "4 in the morning", "8 in the evening", "3 in the a.m.".
        if hd <= 2
            && (1..=12).contains(&h)
            // "las 11 de la mañana" on a 24-hour clock.
            && (self.is_func(i + 1, Func::In)
                || self.lx.tables.clock_24h && self.is_func(i + 1, Func::Of))
            && self.is_func(i + 2, Func::The)
            && let Some(pod) = match self.lex(i + 3) {
                Some(Lex::PartOfDay(pod)) => Some(pod),
                Some(Lex::Func(Func::Am)) => Some(PartOfDay::Morning),
                Some(Lex::Func(Func::Pm)) => Some(PartOfDay::Afternoon),
                _ => None,
            }
        {
            let hour = match pod {
                PartOfDay::Morning => h % 12,
                _ if h == 12 => 12,
                _ => h + 12,
            };
            return Some((format!("{hour:02}:00"), i + 4));
        }
        // "1030 GMT", "0600 UTC" in wire copy (four digits, and the zone no
        // modifier of a noun: "632 MST camps"); "730 in the evening".
        if (3..=4).contains(&hd)
            && h / 100 <= 23
            && h % 100 < 60
            && (hd == 4 && self.zone_alone(i + 1)
                || i.checked_sub(1).is_some_and(|p| {
                    matches!(
                        self.lex(p),
                        Some(
                            Lex::Func(Func::At | Func::By | Func::Until) | Lex::Hedge(Hedge::About)
                        )
                    )
                }) && self.is_func(i + 1, Func::In)
                    && self.is_func(i + 2, Func::The)
                    && matches!(self.lex(i + 3), Some(Lex::PartOfDay(_))))
        {
            let (z, e) = match self.zone_at(i + 1) {
                Some(z) => (z, i + 2),
                None => ("", i + 1),
            };
            return Some((format!("{:02}:{:02}{z}", h / 100, h % 100), e));
        }
        // "330 p.m.", "1030am".
        if (3..=4).contains(&hd)
            && matches!(self.lex(i + 1), Some(Lex::Func(Func::Am | Func::Pm)))
            && (1..=12).contains(&(h / 100))
            && h % 100 < 60
        {
            let pm = self.lex(i + 1) == Some(Lex::Func(Func::Pm));
            let hour = match (h / 100, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (x, true) => x + 12,
                (x, false) => x,
            };
            return Some((format!("{hour:02}:{:02}", h % 100), i + 2));
        }
        if hd > 2 || h > 24 {
            return None;
        }
        // "at 3 15", "@ 12 45": hour and minutes without the colon, after
        // "at" and closing the phrase (not "at 3 15-year-olds", "at 3 15 km").
        if (1..=23).contains(&h)
            && i > 0
            && (self.is_func(i - 1, Func::At) || self.punct(i - 1, '@'))
            && let Some((m, 2)) = self.num(i + 1)
            && m < 60
            && !self.glued(i + 1)
            && self.tok(i + 2).is_none_or(|t| {
                let closes = t.kind == Kind::Punct
                    && !(t.is_dash() || t.is_punct('%') || t.is_punct(':'))
                    && !(t.is_punct(',') && self.num(i + 3).is_some());
                closes
                    || t.newline
                    || matches!(
                        t.lex,
                        Some(Lex::Func(Func::Am | Func::Pm) | Lex::Deictic(_) | Lex::Weekday(_))
                    )
            })
        {
            let (hour, e) = match self.lex(i + 2) {
                Some(Lex::Func(Func::Pm)) if h < 12 => (h + 12, i + 3),
                Some(Lex::Func(Func::Am)) if h == 12 => (0, i + 3),
                Some(Lex::Func(Func::Am | Func::Pm)) => (h, i + 3),
                _ => (h, i + 2),
            };
            return Some((format!("{hour:02}:{m:02}"), e));
        }
        let mut j = i + 1;
        let mut min = 0;
        let mut sec = None;
        let mut has_min = false;
        // "15h", "15h00", "3h18" (French-style clock times).
        if self.is_word(j, "h")
            && self.glued(j)
            && h <= 24
            && !(i > 0 && matches!(self.lex(i - 1), Some(Lex::Func(Func::For | Func::Within))))
        {
            // A zone may follow: "8h00 GMT".
            let zone = |e: usize| match self.zone_at(e) {
                Some(z) => (z, e + 1),
                None => ("", e),
            };
            if let Some((m, 2)) = self.num(j + 1).filter(|_| self.glued(j + 1)) {
                if m > 59 {
                    return None;
                }
                let (z, e) = zone(j + 2);
                return Some((format!("{h:02}:{m:02}{z}"), e));
            }
            if !self.tok(j + 1).is_some_and(|t| !t.space && t.kind != Kind::Punct) {
                let (z, e) = zone(j + 1);
                return Some((format!("{h:02}:00{z}"), e));
            }
        }
        if (self.punct(j, ':') || self.punct(j, '.'))
            && self.glued(j)
            && self.glued(j + 1)
            && let Some((m, 2)) = self.num(j + 1)
        {
            if m > 59 {
                return None;
            }
            min = m;
            has_min = true;
            j += 2;
            if self.punct(j, ':')
                && self.glued(j)
                && let Some((sv, 2)) = self.num(j + 1)
            {
                sec = Some(sv);
                j += 2;
            }
        }
        let mut hour = h;
        let mut confirmed = false;
        // "о 15 годині", "в 15 часов": after a clock preposition the hour
        // noun is the clock's ("о'clock"), not a duration's unit.
        let read_by_preposition = !self.lx.tables.clock_prepositions.is_empty();
        let after_preposition = read_by_preposition
            && i > 0
            && self
                .lx
                .tables
                .clock_prepositions
                .iter()
                .any(|w| self.lx.same_word(self.s(i - 1), w));
        // A part of the day in the genitive after the hour ("вечора", "дня").
        let part_after = |k: usize| {
            !self.breaks(k)
                && matches!(
                    self.lex(k),
                    Some(Lex::PartOfDay(_)) | Some(Lex::Unit(Unit::Day, false))
                )
        };
        let hour_noun = matches!(self.lex(j), Some(Lex::Unit(Unit::Hour, _)))
            && (after_preposition || read_by_preposition && part_after(j + 1));
        // "о 15", "в 8 вечера": after a clock preposition a bare hour,
        // unless a noun follows ("в 15 странах").
        let bare_hour = after_preposition
            && hd <= 2
            && !has_min
            && (part_after(j)
                || self.tok(j).is_none_or(|t| t.kind == Kind::Punct || t.newline) && !self.dash(j));
        match self.lex(j) {
            _ if (hour_noun
                || bare_hour
                || read_by_preposition && self.is_func(j, Func::OClock))
                && h <= 24 =>
            {
                if !bare_hour {
                    j += 1;
                }
                confirmed = true;
                // "8 часов вечера", "о 9 годині ранку", "в 3 часа дня".
                let (half, k) = match self.lex(j) {
                    Some(Lex::PartOfDay(PartOfDay::Evening | PartOfDay::Afternoon)) => (1, j + 1),
                    Some(Lex::PartOfDay(PartOfDay::Night)) if h >= 6 => (1, j + 1),
                    Some(Lex::PartOfDay(PartOfDay::Night | PartOfDay::Morning)) => (0, j + 1),
                    Some(Lex::Unit(Unit::Day, false)) if !self.breaks(j) => (1, j + 1),
                    _ => (-1, j),
                };
                if half >= 0 && h <= 12 && !self.breaks(j) {
                    hour = match (h, half) {
                        (12, 0) => 0,
                        (12, _) => 12,
                        (x, 1) => x + 12,
                        (x, _) => x,
                    };
                    j = k;
                }
            }
            Some(Lex::Func(Func::Am)) if h <= 12 => {
                if h == 12 {
                    hour = 0;
                }
                j += 1;
                confirmed = true;
            }
            Some(Lex::Func(Func::Pm)) if h <= 12 => {
                if h < 12 {
                    hour = h + 12;
                }
                j += 1;
                confirmed = true;
            }
            // "15 Uhr", "15 h 30" in languages with a 24-hour clock.
            Some(Lex::Func(Func::OClock)) if h <= 12 || self.lx.tables.clock_24h && h <= 24 => {
                j += 1;
                confirmed = true;
                if self.lx.tables.clock_24h
                    && !has_min
                    && let Some((m, 2)) = self.num(j)
                    && m < 60
                {
                    min = m;
                    has_min = true;
                    j += 1;
                }
                // "3 o'clock pm".
                if let Some(Lex::Func(ap @ (Func::Am | Func::Pm))) = self.lex(j) {
                    hour = match (h, ap) {
                        (12, Func::Am) => 0,
                        (12, _) => 12,
                        (x, Func::Pm) => x + 12,
                        (x, _) => x,
                    };
                    j += 1;
                }
            }
            // "3:15p", "9:00a" (glued single letters; a bare "4a" is no time).
            _ if h <= 12
                && has_min
                && self.glued(j)
                && (self.is_word(j, "a") || self.is_word(j, "p")) =>
            {
                let pm = self.is_word(j, "p");
                hour = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (x, true) => x + 12,
                    (x, false) => x,
                };
                j += 1;
                if self.punct(j, '.') && self.glued(j) {
                    j += 1;
                }
                confirmed = true;
            }
            _ => {}
        }
        // "las 6:00 horas", "a las 15.00": a 24-hour time with its noun, or
        // after the article that names hours.
        if !confirmed && self.lx.tables.clock_24h && has_min && h <= 24 {
            if matches!(self.unit(j), Some((Unit::Hour, _))) {
                j += 1;
                confirmed = true;
            } else if self.lx.tables.hour_article && i > 0 && self.is_func(i - 1, Func::The)
                || self.zone_alone(j)
            {
                confirmed = true;
            }
        }
        // "3-4pm", "from 5 to 6 p.m.", "3:30 to 6 PM": the first time of a
        // range takes the meridiem of the second.
        if !confirmed
            && h <= 12
            && let Some(pm) = self.range_meridiem(j, h)
        {
            hour = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (x, true) => x + 12,
                (x, false) => x,
            };
            confirmed = true;
        }
        // "von 16 bis 17.30 Uhr", "10-18 Uhr": on a 24-hour clock, the first
        // time of a range whose second carries the hour word.
        if !confirmed && h <= 24 && self.lx.tables.clock_24h && self.range_oclock(j) {
            confirmed = true;
        }
        // "at 8 GMT": a zone confirms a bare hour (and is read below).
        if !confirmed && !has_min && h <= 24 && self.zone_alone(j) {
            confirmed = true;
        }
        // The end of a range of clock times: "8am until 6", "9:30-11:00".
        let range_end = !confirmed && sec.is_none() && self.follows_clock(i);
        if !(confirmed || has_min || range_end && (1..=12).contains(&h)) {
            return None;
        }
        // "3.45" is a decimal unless "p.m." follows (or, on a 24-hour
        // clock, "um 12.15", "à 9.30").
        if has_min
            && !confirmed
            && self.punct(i + 1, '.')
            && !(self.lx.tables.clock_24h
                && i > 0
                && self.is_func(i - 1, Func::At)
                // Not a phone number: "au 03.29.88.43.12".
                && !(self.punct(j, '.') && self.glued(j) && self.num(j + 1).is_some()))
        {
            return None;
        }
        let mut utc = "";
        if let Some(z) = self.zone_at(j) {
            utc = z;
            j += 1;
            confirmed = true;
        }
        if !confirmed {
            // "15:00" alone: only after a preposition that takes times.
            let prev_ok = i > 0
                && matches!(
                    self.lex(i - 1),
                    Some(Lex::Func(Func::At | Func::By | Func::From | Func::Until | Func::To))
                        | Some(Lex::Rel(Rel::Before | Rel::After | Rel::Since))
                        | Some(Lex::Hedge(Hedge::About))
                        | Some(Lex::Weekday(_))
                        | Some(Lex::Deictic(
                            Deictic::Today
                                | Deictic::Tomorrow
                                | Deictic::Yesterday
                                | Deictic::Tonight
                        ))
                );
            // Or standing alone: "15:30", but not "John 3:16", "2 3:15" or "UTC+4:30".
            let alone = i == 0
                || !self.tok(i - 1).is_some_and(|p| {
                    p.kind == Kind::Num
                        || p.kind == Kind::Word && p.upper && p.lex.is_none()
                        || p.kind == Kind::Punct && !self.tok(i).is_some_and(|t| t.space)
                });
            // With seconds, only a 24-hour time past noon ("15:23:24"):
            // "1:23:45" is a race time.
            if !(prev_ok || alone || range_end) || h > 23 || sec.is_some() && h < 13 {
                return None;
            }
        }
        if hour > 24 {
            return None;
        }
        let v = match sec {
            Some(sv) => format!("{hour:02}:{min:02}:{sv:02}{utc}"),
            None => format!("{hour:02}:{min:02}{utc}"),
        };
        Some((v, j))
    }

    /// Whether token `i` follows a clock time and a range connector: "8am
    /// until [6]", "9:30-[11:00]", "10 p.m. to [2]". Read from the tokens,
    /// without parsing the first time again (chains must stay linear).
    fn follows_clock(&self, i: usize) -> bool {
        let Some(c) = i.checked_sub(1) else { return false };
        let connects = self.dash(c)
            || matches!(self.lex(c), Some(Lex::Func(Func::To | Func::Until | Func::Through)));
        let Some(p) = c.checked_sub(1) else { return false };
        if matches!(self.lex(p), Some(Lex::Func(Func::Am | Func::Pm))) {
            return connects && p > 0 && self.num(p - 1).is_some_and(|(_, d)| d <= 2);
        }
        // "9:30", not "John 3:16" or "2 3:15".
        connects
            && p >= 2
            && self.num(p).is_some_and(|(m, d)| d == 2 && m < 60)
            && self.punct(p - 1, ':')
            && self.glued(p - 1)
            && self.glued(p)
            && self.num(p - 2).is_some_and(|(h, d)| d <= 2 && h <= 23)
            && (p == 2
                || !self.tok(p - 3).is_some_and(|t| {
                    t.kind == Kind::Num
                        || t.kind == Kind::Word && t.upper && t.lex.is_none()
                        || t.kind == Kind::Punct && !self.tok(p - 2).is_some_and(|x| x.space)
                }))
    }

    /// Whether the range connector at `j` ("-", "bis", "und") leads to a
    /// 24-hour clock time with the hour word: "16 [bis 17.30 Uhr]".
    fn range_oclock(&self, j: usize) -> bool {
        // "(9.30/12.30 Uhr)": two times of a schedule joined by a slash.
        let connects = self.dash(j)
            || matches!(self.lex(j), Some(Lex::Func(Func::To | Func::Until | Func::And)))
            || self.punct(j, '/') && self.glued(j) && self.glued(j + 1);
        if !connects || !self.num(j + 1).is_some_and(|(h, d)| d <= 2 && h <= 24) {
            return false;
        }
        let mut m = j + 2;
        if (self.punct(m, ':') || self.punct(m, '.'))
            && self.glued(m)
            && self.num(m + 1).is_some_and(|(n, d)| d == 2 && n < 60)
        {
            m += 2;
        }
        self.is_func(m, Func::OClock)
    }

    /// Whether the range connector at `j` leads to a clock time with an
    /// explicit meridiem, and which one the first time (`h`, 1-12) takes:
    /// "11-1pm" starts in the morning, "3-4pm" in the afternoon.
    fn range_meridiem(&self, j: usize, h: u32) -> Option<bool> {
        let connects = self.dash(j)
            || matches!(
                self.lex(j),
                Some(Lex::Func(Func::To | Func::Until | Func::Through | Func::And))
            );
        if !connects {
            return None;
        }
        // The second time, read here without recursing: "4pm", "6:00 p.m.",
        // "six p.m.".
        let k = j + 1;
        let (h2, mut m) = match (self.num(k), self.lex(k)) {
            (Some((h2, 1..=2)), _) => (h2, k + 1),
            (None, Some(Lex::Number(h2))) => (h2, k + 1),
            _ => return None,
        };
        if (self.punct(m, ':') || self.punct(m, '.')) && self.num(m + 1).is_some_and(|n| n.1 == 2) {
            m += 2;
        }
        // "from 3 to 4 in the afternoon", "3 to 4 in the PM".
        let in_the = self.is_func(m, Func::In) && self.is_func(m + 1, Func::The);
        if in_the {
            m += 2;
        }
        let pm = match self.lex(m) {
            Some(Lex::Func(Func::Pm)) => true,
            Some(Lex::Func(Func::Am) | Lex::PartOfDay(PartOfDay::Morning)) => false,
            Some(Lex::PartOfDay(_)) if in_the => true,
            _ => return None,
        };
        if !(1..=12).contains(&h2) {
            return None;
        }
        Some(pm && h % 12 <= h2 % 12)
    }

    /// A clock time in words, confirmed by "a.m.", "p.m." or "o'clock":
    /// "six p.m.", "ten thirty am", "seven o'clock", "nine fifty-nine a.m.".
    fn clock_words(&self, i: usize) -> Option<(String, usize)> {
        let hour_word = |k: usize| match self.lex(k) {
            Some(Lex::Number(n @ 1..=12)) => Some(n),
            _ => None,
        };
        let h = hour_word(i)?;
        // Without a.m./p.m., a clock in words only where a time is expected:
        // after "at", "until"... or opening a sentence or line ("flight one
        // oh three" is a name, "two twenty people" a count).
        let after_prep = i > 0
            && matches!(
                self.lex(i - 1),
                Some(Lex::Func(Func::At | Func::By | Func::From | Func::Until | Func::To))
                    | Some(Lex::Rel(Rel::Before | Rel::After | Rel::Since))
                    | Some(Lex::Hedge(Hedge::About))
            );
        let expected = after_prep
            || i == 0
            || self.breaks(i)
            || self
                .tok(i - 1)
                .is_some_and(|p| p.kind == Kind::Punct && !p.is_punct(',') && !p.is_dash());
        // "twelve oh three", "nine-zero-five": a zero and one digit are
        // minutes, read as a clock time without a.m./p.m.
        let dash = |k: usize| if self.dash(k) && self.glued(k) { k + 1 } else { k };
        let z = dash(i + 1);
        if matches!(self.lex(z), Some(Lex::Func(Func::Oh) | Lex::Number(0)))
            && !self.upper(z)
            && let k = dash(z + 1)
            && let Some(Lex::Number(m @ 1..=9)) = self.lex(k)
            && (z == i + 1) == (k == z + 1)
            && !self.tok(k + 1).is_some_and(|t| {
                t.kind == Kind::Num
                    || matches!(t.lex, Some(Lex::Number(_) | Lex::Func(Func::Oh) | Lex::Unit(..)))
                    || t.is_dash() && !t.space
            })
        {
            let hour = match self.lex(k + 1) {
                Some(Lex::Func(Func::Am)) => Some(h % 12),
                Some(Lex::Func(Func::Pm)) => Some(h % 12 + 12),
                _ => None,
            };
            if hour.is_none() && !expected {
                return None;
            }
            let e = k + 1 + usize::from(hour.is_some());
            return Some((format!("{:02}:{m:02}", hour.unwrap_or(h)), e));
        }
        // "ten-thirty": the hour and minutes hyphenated.
        let hyphen = self.dash(i + 1) && self.glued(i + 1) && self.glued(i + 2);
        let mut j = if hyphen { i + 2 } else { i + 1 };
        let mut min = 0;
        if let Some((m, e)) = self.number(j).filter(|_| self.num(j).is_none())
            && m.fract() == 0.0
            && (10.0..60.0).contains(&m)
        {
            min = m as u32;
            j = e;
        } else if hyphen {
            return None;
        }
        let hour = match self.lex(j) {
            Some(Lex::Func(Func::Am)) => h % 12,
            Some(Lex::Func(Func::Pm)) => h % 12 + 12,
            Some(Lex::Func(Func::OClock)) if min == 0 => h,
            // "six in the evening": `clock_day_part` moves it past noon.
            // "one in the morning and the other in the afternoon" counts.
            Some(Lex::Func(Func::In))
                if self.is_func(j + 1, Func::The)
                    && matches!(self.lex(j + 2), Some(Lex::PartOfDay(_)))
                    && !(h == 1 && min == 0 && !after_prep && self.other_follows(j + 3)) =>
            {
                return Some((format!("{h:02}:{min:02}"), j));
            }
            // "at ten thirty", "ten-thirty": minutes make it a clock time
            // after a preposition of time or hyphenated ("three twenty"
            // alone may be 320), unless a count goes on ("at two
            // twenty-somethings", "at two twenty people").
            _ if min > 0
                && (after_prep || hyphen)
                && !self.tok(j).is_some_and(|t| {
                    t.kind == Kind::Num
                        || t.kind == Kind::Word && t.lex.is_none() && !t.upper
                        || matches!(t.lex, Some(Lex::Number(_) | Lex::Unit(..)))
                        || t.is_dash() && !t.space
                }) =>
            {
                return Some((format!("{h:02}:{min:02}"), j));
            }
            _ => return None,
        };
        Some((format!("{hour:02}:{min:02}"), j + 1))
    }

    /// Whether "the other" or "another" follows from token `from` in its
    /// sentence (a dozen tokens at most): a "one" before it counts things.
    fn other_follows(&self, from: usize) -> bool {
        (from..from + 12).take_while(|&k| !self.sentence_end(k)).any(|k| {
            self.is_func(k, Func::Another)
                || self.is_func(k, Func::The) && self.is_func(k + 1, Func::Other)
        })
    }

    /// "noon" or "midnight" (`v`) ending before `e`, with the zone after it
    /// as a clock time has it: "after 12 noon EDT", "at midnight GMT".
    fn noon_zone(&self, v: &str, e: usize) -> (String, usize) {
        match self.zone_at(e) {
            Some(z) if self.zone_alone(e) && !self.breaks(e) => (format!("{v}{z}"), e + 1),
            _ => (v.to_owned(), e),
        }
    }

    /// A zone abbreviation at `k`, with what it adds to a clock time's
    /// value: "Z" for a zone the language writes as UTC, else nothing. An
    /// offset from UTC after it ("GMT+8", "UTC -4") names another zone: the
    /// stated time is kept without one.
    fn zone_at(&self, k: usize) -> Option<&'static str> {
        match self.lex(k)? {
            Lex::Zone => Some(""),
            Lex::ZoneUtc
                if self.tok(k + 1).is_some_and(|t| t.is_punct('+') || t.is_punct('-'))
                    && self.num(k + 2).is_some() =>
            {
                Some("")
            }
            Lex::ZoneUtc => Some("Z"),
            _ => None,
        }
    }

    /// The end of what names a clock time's zone after it, when something
    /// does: "local time", "(local time)", "ET", "AEDT", "(UTC-4)", "(0900
    /// GMT)", "EDT (0900 UTC)", "[IST]", a short bracket at most, on one
    /// line.
    pub(super) fn zone_tail(&self, e: usize) -> Option<usize> {
        let mut k = e;
        for _ in 0..2 {
            let Some(t) = self.tok(k).filter(|_| !self.breaks(k)) else { break };
            if self.is_word(k, "local") && self.is_func(k + 1, Func::Time) {
                k += 2;
            } else if let Some(end) = self.named_zone(k) {
                k = end;
            } else if self.zone_at(k).is_some()
                || t.kind == Kind::Word && is_zone_shaped(self.s(k).as_bytes())
            {
                k += 1;
            } else if t.is_punct('(') || t.is_punct('[') {
                let shut = if t.is_punct('(') { ')' } else { ']' };
                let Some(close) =
                    (k + 1..k + 8).take_while(|&c| !self.breaks(c)).find(|&c| self.punct(c, shut))
                else {
                    break;
                };
                k = close + 1;
            } else {
                break;
            }
        }
        (k > e).then_some(k)
    }

    /// The end of a zone named in words at `k`: a capitalized word the
    /// lexicon does not know before "time", with "Standard" or "Daylight"
    /// between them or not ("Eastern Time", "Pacific Daylight Time",
    /// "Moscow time").
    fn named_zone(&self, k: usize) -> Option<usize> {
        if !(self.upper(k) && self.unknown_word(k)) {
            return None;
        }
        let standard = self.is_word(k + 1, "standard") || self.is_word(k + 1, "daylight");
        let time = if standard { k + 2 } else { k + 1 };
        (self.is_func(time, Func::Time) && !self.breaks(time)).then_some(time + 1)
    }

    /// A zone abbreviation at `k` that names a zone, not an organisation
    /// before a noun ("MST camps", "IST students").
    fn zone_alone(&self, k: usize) -> bool {
        self.zone_at(k).is_some() && !self.lowercase_unknown_word(k + 1)
    }
}

/// Whether a word has the shape of a time zone's abbreviation the lexicon
/// may not list: two to four capitals ending in "T" ("ET", "AEDT", "BST").
pub(super) fn is_zone_shaped(word: &[u8]) -> bool {
    (2..=4).contains(&word.len()) && word.iter().all(u8::is_ascii_uppercase) && word.ends_with(b"T")
}
