//! Calendar arithmetic on top of jiff, all checked: out-of-range results
//! (before year 1, after 9999) come back as `None`, never as a panic.

use jiff::Span as JSpan;
use jiff::civil::{Date as Civil, DateTime, Weekday};

pub(crate) fn date(year: i32, month: u32, day: u32) -> Option<Civil> {
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Civil::new(year as i16, month as i8, day as i8).ok()
}

pub(crate) fn add_days(d: Civil, n: i64) -> Option<Civil> {
    let span = JSpan::new().try_days(n).ok()?;
    d.checked_add(span).ok().filter(|d| d.year() >= 1)
}

pub(crate) fn add_months(d: Civil, n: i64) -> Option<Civil> {
    let span = JSpan::new().try_months(n).ok()?;
    d.checked_add(span).ok().filter(|d| d.year() >= 1)
}

/// Monday = 1 ... Sunday = 7.
pub(crate) fn weekday(d: Civil) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

pub(crate) fn iso_week(d: Civil) -> (i32, u32) {
    let w = d.iso_week_date();
    (w.year().into(), w.week() as u32)
}

/// The Monday of an ISO week.
pub(crate) fn week_monday(year: i32, week: u32) -> Option<Civil> {
    use jiff::civil::ISOWeekDate;
    let y = i16::try_from(year).ok()?;
    let w = i8::try_from(week).ok()?;
    ISOWeekDate::new(y, w, Weekday::Monday).ok().map(|w| w.date())
}

/// The nth (1-based, or -1 for the last) `wd` (1 = Monday) of a month.
pub(crate) fn nth_weekday(year: i32, month: u32, n: i8, wd: u8) -> Option<Civil> {
    let first = date(year, month, 1)?;
    let wday = Weekday::from_monday_one_offset(wd as i8).ok()?;
    first.nth_weekday_of_month(n, wday).ok()
}

/// The Chinese New Year (the Spring Festival, 春节) of a Gregorian year: the
/// day, in Beijing time, of the new moon that falls between 21 January and
/// 20 February. The new moon comes from Meeus's series (Astronomical
/// Algorithms, ch. 49, its largest terms: within minutes from 1900 to
/// 2100); a new moon within those minutes of Beijing midnight may land a
/// day off.
pub(crate) fn chinese_new_year(year: i32) -> Option<Civil> {
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let first = date(year, 1, 21)?;
    let last = date(year, 2, 20)?;
    let epoch = date(1970, 1, 1)?;
    let k0 = ((f64::from(year) - 2000.0) * 12.3685).floor();
    (0..4).find_map(|n| {
        let jde = new_moon(k0 + f64::from(n));
        // Julian day 2440587.5 is 1970-01-01 00:00 UTC; Beijing is UTC+8.
        let days = (jde + 8.0 / 24.0 - 2_440_587.5).floor() as i64;
        add_days(epoch, days).filter(|d| *d >= first && *d <= last)
    })
}

/// The Julian ephemeris day of new moon number `k` (0 = January 2000).
fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let rad = |deg: f64| deg.rem_euclid(360.0).to_radians();
    let e = 1.0 - 0.002_516 * t;
    let m = rad(2.5534 + 29.105_356_70 * k);
    let mp = rad(201.5643 + 385.816_935_28 * k + 0.010_758_2 * t * t);
    let f = rad(160.7108 + 390.670_502_84 * k - 0.001_611_8 * t * t);
    let om = rad(124.7746 - 1.563_755_88 * k);
    let mean = 2_451_550.097_66 + 29.530_588_861 * k + 0.000_154_37 * t * t;
    mean - 0.40720 * mp.sin()
        + 0.17241 * e * m.sin()
        + 0.01608 * (2.0 * mp).sin()
        + 0.01039 * (2.0 * f).sin()
        + 0.00739 * e * (mp - m).sin()
        - 0.00514 * e * (mp + m).sin()
        + 0.00208 * e * e * (2.0 * m).sin()
        - 0.00111 * (mp - 2.0 * f).sin()
        - 0.00057 * (mp + 2.0 * f).sin()
        + 0.00056 * e * (2.0 * mp + m).sin()
        - 0.00042 * (3.0 * mp).sin()
        + 0.00042 * e * (m + 2.0 * f).sin()
        + 0.00038 * e * (m - 2.0 * f).sin()
        - 0.00024 * e * (2.0 * mp - m).sin()
        - 0.00017 * om.sin()
}

/// Easter Sunday (Gregorian), by the anonymous Gregorian computus.
pub(crate) fn easter(year: i32) -> Option<Civil> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

pub(crate) fn add_seconds(t: DateTime, n: i64) -> Option<DateTime> {
    let span = JSpan::new().try_seconds(n).ok()?;
    t.checked_add(span).ok().filter(|t| t.year() >= 1)
}

/// "2013-02-12T04:30", or "2013-02-12T04:30:15" with `seconds`.
pub(crate) fn fmt_datetime(t: DateTime, seconds: bool) -> String {
    let mut out = fmt_day(t.date());
    out.push('T');
    push_padded(&mut out, t.hour().into(), 2);
    out.push(':');
    push_padded(&mut out, t.minute().into(), 2);
    if seconds {
        out.push(':');
        push_padded(&mut out, t.second().into(), 2);
    }
    out
}

pub(crate) fn fmt_day(d: Civil) -> String {
    let mut out = String::with_capacity(10);
    push_padded(&mut out, d.year().into(), 4);
    out.push('-');
    push_padded(&mut out, d.month().into(), 2);
    out.push('-');
    push_padded(&mut out, d.day().into(), 2);
    out
}

/// The month `n` months from `month` of `year` (negative back), within
/// years 1 to 9999.
pub(crate) fn shift_month(year: i32, month: u32, n: i64) -> Option<(i32, u32)> {
    let k = i64::from(year) * 12 + i64::from(month) - 1 + n;
    let y = i32::try_from(k.div_euclid(12)).ok().filter(|y| (1..=9999).contains(y))?;
    Some((y, k.rem_euclid(12) as u32 + 1))
}

pub(crate) fn fmt_month(year: i32, month: u32) -> String {
    let mut out = String::with_capacity(7);
    push_padded(&mut out, year.into(), 4);
    out.push('-');
    push_padded(&mut out, month.into(), 2);
    out
}

pub(crate) fn fmt_year(year: i32) -> String {
    let mut out = String::with_capacity(4);
    push_padded(&mut out, year.into(), 4);
    out
}

pub(crate) fn fmt_week(year: i32, week: u32) -> String {
    let mut out = String::with_capacity(8);
    push_padded(&mut out, year.into(), 4);
    out.push_str("-W");
    push_padded(&mut out, week.into(), 2);
    out
}

/// Appends `n` in decimal, zero-padded to `width` chars with the sign
/// counted, as `format!("{n:0width$}")` writes it. The rules format a
/// value for every candidate they find, most of which a longer one
/// replaces; the formatting machinery cost more than the digits, which
/// `itoa` writes (as the command's JSON writer does).
fn push_padded(out: &mut String, n: i64, width: usize) {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(n.unsigned_abs());
    if n < 0 {
        out.push('-');
    }
    for _ in digits.len() + usize::from(n < 0)..width {
        out.push('0');
    }
    out.push_str(digits);
}

pub(crate) fn quarter_of(d: Civil) -> u32 {
    (d.month() as u32 - 1) / 3 + 1
}

/// The days from a local clock's day to the day of the UTC clock that
/// restates it, from the clocks' difference in minutes (local minus UTC):
/// zones lie from 12 hours behind UTC to 14 ahead, so the UTC clock is on
/// the local day unless only the day before or after keeps the offset in
/// that span ("8:00 AEDT" is 21:00 UTC the evening before). `None` for a
/// difference no day can mend.
pub(crate) fn utc_day_shift(local_minus_utc: i64) -> Option<i64> {
    [0, -1, 1]
        .into_iter()
        .find(|&d| (-12 * 60..=14 * 60).contains(&(local_minus_utc - d * 24 * 60)))
}

/// Days between two dates (b - a).
pub(crate) fn diff_days(a: Civil, b: Civil) -> i64 {
    a.until(b).ok().map_or(i64::MAX, |s| s.get_days().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_day_shift_keeps_offsets_between_minus_12_and_plus_14_hours() {
        // 08:00 AEDT restated as 21:00 UTC: the evening before.
        assert_eq!(utc_day_shift(8 * 60 - 21 * 60), Some(-1));
        // 23:00 in Buenos Aires restated as 02:00 UTC: the next day.
        assert_eq!(utc_day_shift(23 * 60 - 2 * 60), Some(1));
        // The span's bounds stay on the local day.
        assert_eq!(utc_day_shift(14 * 60), Some(0));
        assert_eq!(utc_day_shift(-12 * 60), Some(0));
        assert_eq!(utc_day_shift(14 * 60 + 1), Some(1));
        assert_eq!(utc_day_shift(-12 * 60 - 1), Some(-1));
        assert_eq!(utc_day_shift(4 * 24 * 60), None);
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024).map(fmt_day).as_deref(), Some("2024-03-31"));
        assert_eq!(easter(2013).map(fmt_day).as_deref(), Some("2013-03-31"));
        assert_eq!(easter(2000).map(fmt_day).as_deref(), Some("2000-04-23"));
    }

    /// The hand-written formatting writes what `format!` wrote.
    #[test]
    fn values_format_as_format_did() {
        let ns = [0i64, 1, -1, 7, 9, 10, -10, 99, 100, 999, 1000, -999, 2024, 9999, 10000, -12345];
        for n in ns.into_iter().chain(i64::MIN..i64::MIN + 2).chain(i64::MAX - 1..=i64::MAX) {
            for width in [0, 1, 2, 4] {
                let mut out = String::from("x");
                push_padded(&mut out, n, width);
                assert_eq!(out, format!("x{n:0width$}"), "{n} in {width}");
            }
        }
        for year in [-44, 0, 7, 987, 2024, 9999] {
            assert_eq!(fmt_year(year), format!("{year:04}"));
            assert_eq!(fmt_month(year, 3), format!("{year:04}-03"));
            assert_eq!(fmt_week(year, 12), format!("{year:04}-W12"));
        }
        let t = date(987, 6, 5).unwrap().at(4, 3, 2, 0);
        assert_eq!(fmt_day(t.date()), "0987-06-05");
        assert_eq!(fmt_datetime(t, false), "0987-06-05T04:03");
        assert_eq!(fmt_datetime(t, true), "0987-06-05T04:03:02");
        let t = Civil::new(-12, 11, 30).unwrap().at(23, 59, 58, 0);
        assert_eq!(fmt_datetime(t, true), format!("{:04}-11-30T23:59:58", -12));
    }

    #[test]
    fn edges_do_not_panic() {
        let last = date(9999, 12, 31).unwrap();
        assert!(add_days(last, 1).is_none());
        let first = date(1, 1, 1).unwrap();
        assert!(add_days(first, -1).is_none());
        assert!(add_months(first, -1).is_none());
        assert_eq!(iso_week(date(2020, 12, 31).unwrap()), (2020, 53));
        assert_eq!(week_monday(2020, 53).map(fmt_day).as_deref(), Some("2020-12-28"));
        assert!(week_monday(2021, 53).is_none());
        assert_eq!(nth_weekday(2024, 11, 4, 4).map(fmt_day).as_deref(), Some("2024-11-28"));
        assert_eq!(diff_days(date(2024, 2, 28).unwrap(), date(2024, 3, 1).unwrap()), 2);
    }
}
