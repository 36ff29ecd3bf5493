//! `dateline-eval dates duckling`: the Duckling English time corpus.
//!
//! Each phrase is parsed on its own with direction `future` (Duckling's
//! convention) against the phrase's reference date and time of day
//! (`DateExtractor::extract_at`). The
//! expression covering most of the phrase is compared with the expected
//! value at the expected grain:
//! * points: equal TIMEX3 values after dropping zero minutes and seconds
//!   (`2013-02-12T15:00` = Duckling's hour-grain `2013-02-12T15`);
//! * intervals: our expression's span of time (its range, or the period its
//!   value names) must start where Duckling's starts, at the interval grain;
//! * open intervals ("before 2 pm"): the bound must match and our `mod`
//!   must say BEFORE or AFTER.
//!
//! Where TimeML and Duckling write the same thing differently, the runner
//! maps between them (and only there; a wrong or missing value still fails):
//! * "now" is `PRESENT_REF` in TimeML and the reference moment in Duckling;
//! * TimeML leaves the signal of an open interval ("since", "before",
//!   "until") outside the TIMEX3, so without a `mod` the word before the
//!   span gives the direction;
//! * Duckling's seasons are astronomical, its weekends start on Friday at
//!   18:00, and its "end of April", "mid March", "end of the year", "end of
//!   the week" are the last (middle) third of a month, September to
//!   December, and Friday to Sunday, where TimeML writes the period with a
//!   `mod` (see `duckling_begin`); a late evening or night starts at 21:00;
//! * a range of clock times begins at its first time;
//! * "by 2:00pm", "by the end of the month": TimeML marks the point (the
//!   signal "by" outside the TIMEX3), Duckling the stretch from the
//!   reference moment to it; the point must be where Duckling's ends;
//! * a clock time with a zone ("4pm CET") is the stated time in TimeML and
//!   is converted to the reference's UTC offset in Duckling; the runner
//!   converts ours the same way (`zone_offset`);
//! * "7 days ago", "a week ago", "in 7 days" keep the unit's grain in TimeML
//!   (2013-02-05, 2013-W06) and count to the instant in Duckling
//!   (2013-02-05T04:00): the instant must fall in the period we name;
//! * German and French TimeML corpora write a day and the clock after it as
//!   two expressions ("\[morgen\] um \[15 Uhr\]"), Duckling as one: a clock on
//!   the day an expression just before it names counts from that day's
//!   start (`covered_span`).
//!
//! Negatives must yield nothing.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use dateline_dates::{DateExtractor, DateTime, Direction, Lang, Modifier, TimeExpression};
use serde_json::Value;

use crate::timex::interval_of;

fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut rows = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        rows.push(
            serde_json::from_str(&line)
                .with_context(|| format!("{}: line {}", path.display(), n + 1))?,
        );
    }
    Ok(rows)
}

pub(crate) fn run(dir: &Path, errors: bool) -> Result<()> {
    let mut sets = Vec::new();
    for (file, label) in [("en-time.jsonl", "en-time"), ("en-time-holidays.jsonl", "holidays")] {
        let path = dir.join(file);
        let rows = read_jsonl(&path)?;
        sets.push((label.to_owned(), path, rows));
    }
    let negatives = read_jsonl(&dir.join("en-time-negative.jsonl"))?;
    score(Lang::En, sets, &negatives, errors)
}

/// One language's Duckling corpus in one file (`<lang>/duckling.jsonl`):
/// phrases, with holidays (rows with `expected.holiday`) and negatives
/// (`section` = `negative`) reported apart.
pub(crate) fn run_lang(path: &Path, lang: Lang, errors: bool) -> Result<()> {
    let rows = read_jsonl(path)?;
    let (negatives, rows): (Vec<Value>, Vec<Value>) = rows
        .into_iter()
        .partition(|r| r.get("section").and_then(Value::as_str) == Some("negative"));
    let (holidays, rest): (Vec<Value>, Vec<Value>) =
        rows.into_iter().partition(|r| r.pointer("/expected/holiday").is_some());
    let label = format!("{}-time", lang.code());
    let sets =
        vec![(label, path.to_owned(), rest), ("holidays".to_owned(), path.to_owned(), holidays)];
    score(lang, sets, &negatives, errors)
}

fn score(
    lang: Lang,
    sets: Vec<(String, std::path::PathBuf, Vec<Value>)>,
    negatives: &[Value],
    errors: bool,
) -> Result<()> {
    let extractor = DateExtractor::builder().direction(Direction::Future).lang(lang).build()?;
    // The languages whose TimeML corpora write a day and its clock apart.
    let split_clock = matches!(lang, Lang::De | Lang::Fr);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0;
    for (label, path, rows) in &sets {
        let mut by_kind: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
        for row in rows {
            let text = row.get("text").and_then(Value::as_str).unwrap_or("");
            let reference = reference_of(row);
            let t0 = Instant::now();
            let found = extractor.extract_at(text, reference);
            elapsed += t0.elapsed();
            bytes += text.len();
            let expected = row.get("expected").cloned().unwrap_or(Value::Null);
            let kind = expected.get("kind").and_then(Value::as_str).unwrap_or("?").to_owned();
            let best = found.iter().max_by_key(|t| {
                let start = if split_clock { covered_span(&found, t) } else { t.start() };
                (t.end() - start, std::cmp::Reverse(start))
            });
            let offset = reference_offset(row);
            let moment = row.get("reference").and_then(Value::as_str).unwrap_or("");
            let pass = best.is_some_and(|t| matches(&expected, t, text, offset, moment));
            let e = by_kind.entry(kind).or_default();
            e.1 += 1;
            if pass {
                e.0 += 1;
            } else if errors {
                let got: Vec<String> = found
                    .iter()
                    .map(|t| {
                        format!(
                            "{:?} {} {} {:?} {}",
                            &text[t.start()..t.end()],
                            t.kind(),
                            t.value(),
                            t.modifier(),
                            t.rule()
                        )
                    })
                    .collect();
                writeln!(err, "FAIL\t{label}\t{text}\t{}\t{:?}", expected, got)?;
            }
        }
        let (p, n) = by_kind.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        writeln!(
            out,
            "Duckling {label} ({}): {p}/{n} = {:.1}% (direction future)",
            path.display(),
            100.0 * p as f64 / n.max(1) as f64
        )?;
        for (kind, (p, n)) in by_kind {
            writeln!(
                out,
                "  {kind:<14} {p:>4}/{n:<4} {:5.1}%",
                100.0 * p as f64 / n.max(1) as f64
            )?;
        }
    }
    let mut hits = 0;
    for row in negatives {
        let text = row.get("text").and_then(Value::as_str).unwrap_or("");
        let found = extractor.extract_at(text, reference_of(row));
        if !found.is_empty() {
            hits += 1;
            if errors {
                let got: Vec<String> = found
                    .iter()
                    .map(|t| format!("{:?} {}", &text[t.start()..t.end()], t.value()))
                    .collect();
                writeln!(err, "NEGATIVE\t{text}\t{got:?}")?;
            }
        }
    }
    writeln!(out, "negatives: {hits} of {} phrases gave a hit", negatives.len())?;
    let secs = elapsed.as_secs_f64().max(1e-9);
    writeln!(
        out,
        "throughput {:.1} MB/s ({} bytes, single thread)",
        bytes as f64 / secs / 1e6,
        bytes
    )?;
    Ok(())
}

/// The phrase's reference moment (Duckling's is 2013-02-12T04:30:00-02:00;
/// the offset is dropped, values are compared in local wall-clock time).
fn reference_of(row: &Value) -> DateTime {
    row.get("reference")
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| "2013-02-12T04:30:00".parse().expect("valid"))
}

/// Drops zero seconds and minutes: "2013-02-12T15:00:00" -> "2013-02-12T15".
fn trim_clock(v: &str) -> String {
    let mut s = v.to_owned();
    for _ in 0..2 {
        if let Some(t) = s.find('T')
            && s.len() > t + 3
            && s.ends_with(":00")
        {
            s.truncate(s.len() - 3);
        }
    }
    s
}

/// Duckling's clock ranges for our parts of the day.
fn part_of_day(code: &str) -> Option<(u32, u32)> {
    Some(match code {
        "MO" => (0, 12),
        "AF" => (12, 19),
        "EV" | "NI" => (18, 24),
        _ => return None,
    })
}

/// Where the phrase that `t` reads starts: its own start, or for a clock
/// time on the day that the expression right before it names ("\[morgen\]
/// um \[15 Uhr\]", "\[heute abend\] um \[20 Uhr\]", the German and French TimeML
/// split), that expression's start.
fn covered_span(found: &[TimeExpression], t: &TimeExpression) -> usize {
    let day = found.iter().rev().find(|d| d.end() <= t.start());
    match day {
        Some(d)
            if t.kind() == dateline_dates::TimexType::Time
                && !d.value().contains(':')
                && t.value()
                    .strip_prefix(day_of(d.value()))
                    .is_some_and(|rest| rest.starts_with('T')) =>
        {
            d.start()
        }
        _ => t.start(),
    }
}

/// The day part of a DATE or part-of-day TIME value ("2013-02-12" of
/// "2013-02-12TEV").
pub(crate) fn day_of(value: &str) -> &str {
    value.split_once('T').map_or(value, |(day, _)| day)
}

fn matches(expected: &Value, t: &TimeExpression, text: &str, offset: i64, reference: &str) -> bool {
    let grain = expected.get("grain").and_then(Value::as_str).unwrap_or("");
    // A clock time with a zone ("4pm CET"): TimeML writes the stated time,
    // Duckling converts it to the reference's UTC offset.
    let zoned = zone_offset(text).and_then(|z| in_offset(t.value(), offset - z));
    let value = zoned.as_deref().unwrap_or(t.value());
    match expected.get("kind").and_then(Value::as_str) {
        Some("value") => {
            let timex = expected.get("timex").and_then(Value::as_str).unwrap_or("");
            // TimeML writes "now" as PRESENT_REF; Duckling as the reference moment.
            if t.value() == "PRESENT_REF" {
                let reference = expected_reference(expected);
                return reference.is_some_and(|r| trim_clock(timex) == trim_clock(&r));
            }
            if trim_clock(timex) == trim_clock(value) {
                return true;
            }
            // "7 days ago", "a week ago", "in 7 days": TimeML keeps the unit's
            // grain (2013-02-05, 2013-W06); Duckling counts to the instant
            // (2013-02-05T04). The instant must fall in our period.
            counted(t)
                && interval_of(t.value()).is_some_and(|(a, b)| {
                    a.as_str() <= &timex[..10.min(timex.len())]
                        && &timex[..10.min(timex.len())] < b.as_str()
                })
        }
        Some("interval") => {
            let from = expected.get("from").and_then(Value::as_str).unwrap_or("");
            // "by 2:00pm", "by the end of the month": TimeML marks the point
            // (the signal "by" stays outside); Duckling the stretch from the
            // reference moment to it.
            let to = expected.get("to").and_then(Value::as_str).unwrap_or("");
            if text[..t.start()].trim_end().to_ascii_lowercase().ends_with("by")
                && from.get(..19) == reference.get(..19)
            {
                let end = if value.contains('T') {
                    Some(value.to_owned())
                } else {
                    interval_of(value).map(|iv| iv.1)
                };
                return end.is_some_and(|e| {
                    trim_clock(to.get(..19).unwrap_or(to)) == trim_clock(&e)
                        || to.get(..10) == e.get(..10) && !e.contains('T')
                });
            }
            // Parts of the day: "2013-02-12TMO".
            if let Some((day, code)) = t.value().split_once('T')
                && let Some((h, _)) = part_of_day(code)
            {
                // "late tonight": Duckling's late evening or night starts at 21:00.
                let h = if t.modifier() == Some(Modifier::End) && matches!(code, "EV" | "NI") {
                    21
                } else {
                    h
                };
                return from.get(..10) == Some(day)
                    && from.get(11..13) == Some(format!("{h:02}").as_str());
            }
            // A range of clock times begins at its first time, not at its day.
            let clock = |v: &str| {
                v.find('T').is_some_and(|k| v[k + 1..].starts_with(|c: char| c.is_ascii_digit()))
            };
            let begin = t
                .range()
                .and_then(|r| {
                    if clock(r.begin()) {
                        return zone_offset(text)
                            .and_then(|z| in_offset(r.begin(), offset - z))
                            .or_else(|| Some(r.begin().to_owned()));
                    }
                    interval_of(r.begin()).map(|iv| iv.0).or_else(|| Some(r.begin().to_owned()))
                })
                .or_else(|| duckling_begin(t.value(), t.modifier()))
                .or_else(|| interval_of(t.value()).map(|iv| iv.0));
            match (grain, begin) {
                ("day" | "week" | "month" | "year" | "quarter", Some(b)) => {
                    from.get(..10) == b.get(..10)
                }
                (_, Some(b)) => trim_clock(from.get(..19).unwrap_or(from)) == trim_clock(&b),
                _ => false,
            }
        }
        Some("open_interval") => {
            let value = expected.get("value").and_then(Value::as_str).unwrap_or("");
            let dir = expected.get("direction").and_then(Value::as_str).unwrap_or("");
            // TimeML keeps "before 2 pm", "since 2014" as a signal outside
            // the TIMEX3; without a `mod`, the signal word before the span
            // gives the direction.
            let m = t.modifier().or_else(|| signal_before(&text[..t.start()]));
            let dir_ok = match dir {
                "before" => matches!(m, Some(Modifier::Before | Modifier::OnOrBefore)),
                _ => matches!(m, Some(Modifier::After | Modifier::OnOrAfter)),
            };
            let v = trim_clock(value.get(..19).unwrap_or(value));
            dir_ok && (v == trim_clock(t.value()) || v.get(..4) == Some(t.value()))
        }
        _ => false,
    }
}

/// The reference moment of a Duckling row, from its expected value's
/// offset-free prefix (rows carry it as `reference`; the value of "now" is it).
fn expected_reference(expected: &Value) -> Option<String> {
    expected.get("value").and_then(Value::as_str).and_then(|v| v.get(..19)).map(str::to_owned)
}

/// The direction a TimeML signal word gives an open interval: "before",
/// "until", "through", "by" end it; "after", "since", "from" start it.
fn signal_before(left: &str) -> Option<Modifier> {
    let word = left.trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next()?;
    match word.to_ascii_lowercase().as_str() {
        "before" | "until" | "till" | "through" | "thru" | "by" => Some(Modifier::Before),
        "after" | "since" | "from" => Some(Modifier::After),
        _ => None,
    }
}

/// Where Duckling's interval for a TimeML value begins, where the two
/// conventions differ:
/// * seasons are astronomical in Duckling (spring from March 20, summer
///   June 21, fall September 23, winter December 21); TimeML's `2013-SU`
///   names the season without bounds;
/// * a weekend (`2013-W06-WE`) starts on Friday at 18:00 in Duckling;
/// * TimeML's `mod` on a month, year or week ("the end of April" = `2013-04`
///   END) is Duckling's last (middle) part of it: a month's end from the
///   21st, its middle from the 11th; a year's end from September; a week's
///   end from Friday.
fn duckling_begin(value: &str, modifier: Option<Modifier>) -> Option<String> {
    let year = value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    let rest = &value[4..];
    let season = match rest {
        "-SP" => Some("03-20"),
        "-SU" => Some("06-21"),
        "-FA" => Some("09-23"),
        "-WI" => Some("12-21"),
        _ => None,
    };
    if let Some(md) = season {
        return Some(format!("{year}-{md}"));
    }
    if rest.ends_with("-WE") {
        let (monday, _) = interval_of(value.strip_suffix("-WE")?)?;
        return Some(format!("{}T18:00", shift_day(&monday, 4)?));
    }
    let (start, _) = interval_of(value)?;
    match (modifier, rest.len()) {
        // A month: "2013-04".
        (Some(Modifier::End), 3) => Some(format!("{}-21", &value[..7])),
        (Some(Modifier::Mid), 3) => Some(format!("{}-11", &value[..7])),
        // A year.
        (Some(Modifier::End), 0) => Some(format!("{year}-09-01")),
        // A week: "2013-W07".
        (Some(Modifier::End), 4) if rest.starts_with("-W") => shift_day(&start, 4),
        _ => None,
    }
}

/// `YYYY-MM-DD` plus `n` days, through the calendar in `interval_of`.
fn shift_day(day: &str, n: u32) -> Option<String> {
    let mut d = day.to_owned();
    for _ in 0..n {
        d = interval_of(&d)?.1;
    }
    Some(d)
}

/// Expressions counted from the reference: "7 days ago", "in 7 days", "a
/// week hence".
fn counted(t: &TimeExpression) -> bool {
    t.rule().starts_with("ago") || t.rule().starts_with("in-units")
}

/// The reference's UTC offset in minutes ("2013-02-12T04:30:00-02:00" -> -120).
fn reference_offset(row: &Value) -> i64 {
    let r = row.get("reference").and_then(Value::as_str).unwrap_or("");
    let Some(tail) = r.get(19..).filter(|t| t.len() == 6) else { return 0 };
    let sign = if tail.starts_with('-') { -1 } else { 1 };
    let h: i64 = tail[1..3].parse().unwrap_or(0);
    let m: i64 = tail[4..6].parse().unwrap_or(0);
    sign * (h * 60 + m)
}

/// The UTC offset, in minutes, of a zone abbreviation in the phrase (the
/// offsets Duckling uses, whatever the season).
fn zone_offset(text: &str) -> Option<i64> {
    const ZONES: &[(&str, i64)] = &[
        ("gmt", 0),
        ("utc", 0),
        ("bst", 60),
        ("cet", 60),
        ("cest", 120),
        ("ist", 330),
        ("est", -300),
        ("edt", -240),
        ("cst", -360),
        ("cdt", -300),
        ("mst", -420),
        ("mdt", -360),
        ("pst", -480),
        ("pdt", -420),
    ];
    text.split(|c: char| !c.is_ascii_alphabetic()).find_map(|w| {
        let w = w.to_ascii_lowercase();
        ZONES.iter().find(|(z, _)| *z == w).map(|(_, o)| *o)
    })
}

/// A clock value ("2013-02-14T08:00") moved by `minutes`, the day rolling over.
fn in_offset(value: &str, minutes: i64) -> Option<String> {
    let (day, clock) = value.split_once('T')?;
    let h: i64 = clock.get(..2)?.parse().ok()?;
    let m: i64 = clock.get(3..5)?.parse().ok()?;
    let total = h * 60 + m + minutes;
    let date: dateline_dates::Date = day.parse().ok()?;
    let date = crate::timex::add_days(date, total.div_euclid(1440))?;
    let t = total.rem_euclid(1440);
    Some(format!("{date}T{:02}:{:02}", t / 60, t % 60))
}
