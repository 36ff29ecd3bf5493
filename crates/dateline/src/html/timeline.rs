//! The summary's timeline: TIMEX3 values placed on a calendar axis, drawn
//! as inline SVG (no script, no external file).
//!
//! Only values that name a stretch of the calendar go on it: a year, a
//! decade or century (`199`, `19`), a season, half, quarter, month, ISO
//! week or day, with or without a time of day. Durations (`P3D`), sets,
//! `PRESENT_REF` and values with unknown parts (`XXXX-09-01`) have no
//! place on an axis; the summary lists them apart.

use std::fmt::Write as _;

use super::escape::{class_name, escape};

/// Days since 1970-01-01, proleptic Gregorian (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (if month <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, month, day)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    days_from_civil(if month == 12 { year + 1 } else { year }, month % 12 + 1, 1)
        - days_from_civil(year, month, 1)
}

/// `digits` as a number when it is exactly `len` ASCII digits.
fn number(digits: &str, len: usize) -> Option<i64> {
    (digits.len() == len && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The days a TIMEX3 value covers, as a half-open range of days since
/// 1970-01-01; `None` for values with no place on a calendar axis.
pub(crate) fn interval(value: &str) -> Option<(i64, i64)> {
    // A time of day ("2024-07-23T15:00", "2024-07-23TMO") sits in its day.
    let calendar = value.split_once('T').map_or(value, |(date, _)| date);
    let mut parts = calendar.split('-');
    let first = parts.next()?;
    let second = parts.next();
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let months = |year: i64, from: i64, count: i64| {
        let start = days_from_civil(year, from, 1);
        let (end_year, end_month) = (year + (from - 1 + count) / 12, (from - 1 + count) % 12 + 1);
        Some((start, days_from_civil(end_year, end_month, 1)))
    };
    let Some(year) = number(first, 4) else {
        if second.is_some() {
            return None;
        }
        // A decade ("199") or a century ("19").
        return match (number(first, 3), number(first, 2)) {
            (Some(decade), _) => {
                Some((days_from_civil(decade * 10, 1, 1), days_from_civil(decade * 10 + 10, 1, 1)))
            }
            (_, Some(century)) => Some((
                days_from_civil(century * 100, 1, 1),
                days_from_civil(century * 100 + 100, 1, 1),
            )),
            _ => None,
        };
    };
    let Some(second) = second else { return months(year, 1, 12) };
    if let Some(day) = third {
        let month = number(second, 2).filter(|m| (1..=12).contains(m))?;
        let day = number(day, 2).filter(|&d| d >= 1 && d <= days_in_month(year, month))?;
        let start = days_from_civil(year, month, day);
        return Some((start, start + 1));
    }
    if let Some(month) = number(second, 2) {
        return (1..=12).contains(&month).then(|| months(year, month, 1)).flatten();
    }
    match second {
        "SP" => months(year, 3, 3),
        "SU" => months(year, 6, 3),
        "FA" => months(year, 9, 3),
        "WI" => months(year, 12, 3),
        "H1" => months(year, 1, 6),
        "H2" => months(year, 7, 6),
        _ => {
            let (kind, n) = second.split_at(1);
            let n = number(n, 1).or_else(|| number(n, 2))?;
            match kind {
                "Q" if (1..=4).contains(&n) => months(year, 3 * n - 2, 3),
                "W" if (1..=53).contains(&n) => {
                    // ISO week 1 holds 4 January; weeks start on Monday.
                    let jan4 = days_from_civil(year, 1, 4);
                    let monday = jan4 - (jan4 + 3).rem_euclid(7);
                    let start = monday + 7 * (n - 1);
                    Some((start, start + 7))
                }
                _ => None,
            }
        }
    }
}

/// One distinct value to place.
#[derive(Clone, Debug)]
pub(crate) struct Point<'a> {
    pub(crate) value: &'a str,
    /// The TIMEX3 type, which picks the colour.
    pub(crate) kind: &'a str,
    pub(crate) count: usize,
    /// What the hover says besides the value: how it was written.
    pub(crate) written: String,
}

const WIDTH: f64 = 960.0;
const MARGIN: f64 = 24.0;
const LANE: f64 = 14.0;
const MAX_LANES: usize = 12;

/// The timeline as an `<svg>` element, or `None` when no value has a
/// place on it. `references` are the documents' reference dates, drawn as
/// dashed lines.
pub(crate) fn svg(points: &[Point<'_>], references: &[String]) -> Option<String> {
    let mut placed: Vec<((i64, i64), &Point<'_>)> =
        points.iter().filter_map(|p| Some((interval(p.value)?, p))).collect();
    if placed.is_empty() {
        return None;
    }
    // Fully ordered, the type last: one value found as a DATE and as a
    // TIME ("2024-07-23") would otherwise keep the summary's hash order,
    // and the page would change from run to run.
    placed.sort_by(|(a, pa), (b, pb)| {
        a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(pa.value.cmp(pb.value)).then(pa.kind.cmp(pb.kind))
    });
    let references: Vec<(i64, &str)> = references
        .iter()
        .filter_map(|r| Some((interval(r).filter(|(s, e)| e - s == 1)?.0, r.as_str())))
        .collect();

    // The axis spans the bulk of the mentions: one "in the year 1000" must
    // not squeeze a news corpus's decade into a sliver. What lies outside
    // sits at the edge, hollow, its hover saying so.
    let (bulk_low, bulk_high) = bulk(&placed);
    let mut low = references.iter().map(|r| r.0).chain([bulk_low]).min()?;
    let mut high = references.iter().map(|r| r.0 + 1).chain([bulk_high]).max()?;
    // At least a week, and a little air on both sides.
    if high - low < 7 {
        let grow = 7 - (high - low);
        low -= grow / 2;
        high += grow - grow / 2;
    }
    let pad = ((high - low) / 40).max(1);
    let (low, high) = (low - pad, high + pad);
    let x = |day: i64| {
        let day = day.clamp(low, high);
        MARGIN + (day - low) as f64 / (high - low) as f64 * (WIDTH - 2.0 * MARGIN)
    };

    // Lanes, so that values close together do not hide each other.
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut bars = String::new();
    for ((start, end), point) in &placed {
        let x0 = x(*start);
        let x1 = x(*end).max(x0 + 6.0);
        let lane = match lane_ends.iter().position(|&e| e + 2.0 <= x0) {
            Some(lane) => lane,
            None if lane_ends.len() < MAX_LANES => {
                lane_ends.push(f64::MIN);
                lane_ends.len() - 1
            }
            None => lane_ends.len() - 1,
        };
        lane_ends[lane] = lane_ends[lane].max(x1);
        let outside = *start < low || *end > high;
        let _ = write!(
            bars,
            "<g class=\"{class}{out}\" data-value=\"{value}\"><title>{value} ({kind}) ×{count}: \
             {written}{note}</title><rect x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" \
             height=\"10\" rx=\"3\"/></g>",
            class = class_name("t-", point.kind),
            out = if outside { " out" } else { "" },
            note = if outside { " (beyond the axis, drawn at its edge)" } else { "" },
            value = escape(point.value),
            kind = escape(point.kind),
            count = point.count,
            written = escape(&point.written),
            y = 8.0 + lane as f64 * LANE,
            w = x1 - x0,
        );
    }
    let axis = 8.0 + lane_ends.len() as f64 * LANE + 6.0;
    let height = axis + 24.0;

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"timeline\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"dates on a timeline\" xmlns=\"http://www.w3.org/2000/svg\">\
         <line class=\"axis\" x1=\"{MARGIN}\" x2=\"{}\" y1=\"{axis}\" y2=\"{axis}\"/>",
        WIDTH - MARGIN
    );
    for (day, label) in ticks(low, high) {
        let _ = write!(
            svg,
            "<line class=\"tick\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{axis}\" y2=\"{}\"/>\
             <text x=\"{x:.1}\" y=\"{}\">{label}</text>",
            axis + 4.0,
            axis + 16.0,
            x = x(day),
        );
    }
    for (day, date) in &references {
        let _ = write!(
            svg,
            "<g class=\"reference\"><title>reference date {date}</title><line x1=\"{x:.1}\" \
             x2=\"{x:.1}\" y1=\"2\" y2=\"{axis}\"/></g>",
            date = escape(date),
            x = x(*day) + (x(day + 1) - x(*day)) / 2.0,
        );
    }
    svg.push_str(&bars);
    svg.push_str("</svg>");
    Some(svg)
}

/// The days most mentions fall in: from the 2nd to the 98th percentile
/// of the values' first days, weighted by mentions, and out to the last
/// day of every value that starts inside. With fewer than 50 mentions
/// nothing is left out.
fn bulk(placed: &[((i64, i64), &Point<'_>)]) -> (i64, i64) {
    let total: usize = placed.iter().map(|(_, p)| p.count).sum();
    let cut = total / 50;
    let (mut low, mut high, mut seen) = (None, None, 0);
    // `placed` is sorted by first day.
    for ((start, _), point) in placed {
        seen += point.count;
        if low.is_none() && seen > cut {
            low = Some(*start);
        }
        if seen + cut >= total && high.is_none() {
            high = Some(*start);
        }
    }
    let (low, last_start) = (low.unwrap_or(placed[0].0.0), high.unwrap_or(placed[0].0.0));
    let high = placed
        .iter()
        .filter(|((start, _), _)| (low..=last_start).contains(start))
        .map(|((_, end), _)| *end)
        .max()
        .unwrap_or(last_start + 1);
    (low, high)
}

/// Tick positions and labels between two days: years, months or days,
/// whichever gives a dozen or fewer.
fn ticks(low: i64, high: i64) -> Vec<(i64, String)> {
    let (first_year, first_month, _) = civil_from_days(low);
    let span = high - low;
    let mut ticks = Vec::new();
    if span > 4 * 365 {
        let years = span / 365;
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
            .into_iter()
            .find(|s| years / s <= 12)
            .unwrap_or(years / 12 + 1);
        let mut year = (first_year + 1).div_euclid(step) * step;
        while days_from_civil(year, 1, 1) < high {
            let day = days_from_civil(year, 1, 1);
            if day >= low {
                ticks.push((day, year.to_string()));
            }
            year += step;
        }
    } else if span > 60 {
        let months = span / 30;
        let step = [1, 2, 3, 6, 12].into_iter().find(|s| months / s <= 12).unwrap_or(12);
        let mut index = first_year * 12 + (first_month - 1);
        index = (index + step - 1).div_euclid(step) * step;
        loop {
            let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
            let day = days_from_civil(year, month, 1);
            if day >= high {
                break;
            }
            if day >= low {
                ticks.push((day, format!("{year:04}-{month:02}")));
            }
            index += step;
        }
    } else {
        let step = [1, 2, 7, 14].into_iter().find(|s| span / s <= 12).unwrap_or(14);
        let mut day = low;
        while day < high {
            let (year, month, d) = civil_from_days(day);
            ticks.push((day, format!("{year:04}-{month:02}-{d:02}")));
            day += step;
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(value: &str) -> Option<(String, String)> {
        let show = |d: i64| {
            let (y, m, d) = civil_from_days(d);
            format!("{y:04}-{m:02}-{d:02}")
        };
        interval(value).map(|(s, e)| (show(s), show(e)))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_owned(), b.to_owned()))
    }

    #[test]
    fn calendar_values_cover_their_days() {
        assert_eq!(days("2024-07-23"), pair("2024-07-23", "2024-07-24"));
        assert_eq!(days("2024-07-23T15:00"), pair("2024-07-23", "2024-07-24"));
        assert_eq!(days("2024-07-23TMO"), pair("2024-07-23", "2024-07-24"));
        assert_eq!(days("2024-02"), pair("2024-02-01", "2024-03-01"));
        assert_eq!(days("2024-12"), pair("2024-12-01", "2025-01-01"));
        assert_eq!(days("2024"), pair("2024-01-01", "2025-01-01"));
        assert_eq!(days("199"), pair("1990-01-01", "2000-01-01"));
        assert_eq!(days("19"), pair("1900-01-01", "2000-01-01"));
        assert_eq!(days("2024-Q3"), pair("2024-07-01", "2024-10-01"));
        assert_eq!(days("2024-H2"), pair("2024-07-01", "2025-01-01"));
        assert_eq!(days("2023-WI"), pair("2023-12-01", "2024-03-01"));
        // ISO week 30 of 2024 runs Monday 22 to Sunday 28 July; week 1 of
        // 2021 starts on 4 January, week 1 of 2025 on 30 December 2024.
        assert_eq!(days("2024-W30"), pair("2024-07-22", "2024-07-29"));
        assert_eq!(days("2021-W01"), pair("2021-01-04", "2021-01-11"));
        assert_eq!(days("2025-W01"), pair("2024-12-30", "2025-01-06"));
    }

    #[test]
    fn values_without_a_place_are_none() {
        for value in [
            "P3D",
            "PXY",
            "PRESENT_REF",
            "XXXX-09-01",
            "2024-13",
            "2024-02-30",
            "2024-W54",
            "2024-Q5",
            "XXXX-WXX-1",
            "2024-W30-WE",
            "",
            "T15:00",
            "20240723",
            "1-2-3-4",
        ] {
            assert_eq!(interval(value), None, "{value}");
        }
        assert_eq!(days("2024-02-29"), pair("2024-02-29", "2024-03-01"));
        assert_eq!(interval("2023-02-29"), None);
    }

    #[test]
    fn days_round_trip() {
        for day in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn the_svg_holds_each_placed_value_and_the_reference_date() {
        let points = [
            Point { value: "2024-07-23", kind: "DATE", count: 2, written: "23 July".into() },
            Point { value: "2024-09-01", kind: "DATE", count: 1, written: "<1 Sept>".into() },
            Point { value: "P3D", kind: "DURATION", count: 1, written: "three days".into() },
        ];
        let svg = svg(&points, &["2024-07-24".to_owned()]).expect("two values have a place");
        assert!(svg.contains("data-value=\"2024-07-23\""));
        assert!(svg.contains("data-value=\"2024-09-01\""));
        assert!(!svg.contains("P3D"));
        assert!(svg.contains("reference date 2024-07-24"));
        assert!(svg.contains("&lt;1 Sept&gt;") && !svg.contains("<1 Sept>"));
        assert!(svg.contains(">2024-08-05<"), "weekly ticks over six weeks: {svg}");
        assert_eq!(super::svg(&points[2..], &[]), None);
    }

    #[test]
    fn the_svg_does_not_depend_on_the_order_of_the_points() {
        // One value as a DATE and as a TIME, and values that share a day.
        let points = [
            Point { value: "2024-07-23", kind: "DATE", count: 1, written: "Tuesday".into() },
            Point { value: "2024-07-23", kind: "TIME", count: 1, written: "23 July".into() },
            Point { value: "2024-07-23T10:00", kind: "TIME", count: 2, written: "10am".into() },
            Point { value: "2024-07", kind: "DATE", count: 1, written: "July".into() },
        ];
        let forwards = svg(&points, &["2024-07-24".to_owned()]);
        let reversed: Vec<Point<'_>> = points.iter().rev().cloned().collect();
        assert_eq!(svg(&reversed, &["2024-07-24".to_owned()]), forwards);
        for k in 1..points.len() {
            let mut rotated = points.to_vec();
            rotated.rotate_left(k);
            assert_eq!(svg(&rotated, &["2024-07-24".to_owned()]), forwards, "rotated by {k}");
        }
    }

    #[test]
    fn a_few_far_values_do_not_stretch_the_axis() {
        let mut points: Vec<Point<'_>> = ["2024-07-20", "2024-07-23", "2024-08-02", "2024-09-01"]
            .into_iter()
            .map(|value| Point { value, kind: "DATE", count: 30, written: String::new() })
            .collect();
        points.push(Point { value: "1000", kind: "DATE", count: 1, written: String::new() });
        points.push(Point { value: "2100", kind: "DATE", count: 1, written: String::new() });
        let svg = svg(&points, &[]).expect("values to place");
        assert!(!svg.contains(">1000<") && !svg.contains(">1100<"), "no axis of centuries: {svg}");
        assert!(svg.contains(">2024-08-02<"), "an axis of weeks: {svg}");
        assert_eq!(svg.matches("class=\"t-DATE out\"").count(), 2);
        assert!(svg.contains("1000 (DATE) ×1:  (beyond the axis, drawn at its edge)"));
        // With few mentions, nothing is left out.
        let few: Vec<Point<'_>> = ["1000", "2024"]
            .into_iter()
            .map(|value| Point { value, kind: "DATE", count: 1, written: String::new() })
            .collect();
        let svg = super::svg(&few, &[]).expect("values to place");
        assert!(!svg.contains(" out\"") && svg.contains(">1000<"), "{svg}");
    }

    #[test]
    fn ticks_stay_few_at_any_scale() {
        for (low, high) in [(0, 7), (0, 61), (0, 400), (0, 1500), (-700_000, 20_000)] {
            let ticks = ticks(low, high);
            assert!(!ticks.is_empty() && ticks.len() <= 13, "{low}..{high}: {ticks:?}");
            assert!(ticks.iter().all(|&(d, _)| (low..high).contains(&d)));
        }
    }
}
