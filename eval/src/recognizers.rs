//! `dateline-eval dates recognizers`: Microsoft Recognizers-Text
//! `DateTimeModel.json` (English), the end-to-end model spec.
//!
//! A case passes when dateline finds exactly the expected entities: same
//! spans (character offsets; the spec's `End` is inclusive) and, for each, a
//! value equal to one of the spec's readings. Readings are compared in
//! meaning, not spelling: `XXXX-11-04` (year left open) accepts any year;
//! a range `(2019-07-01,2019-10-01,P3M)` accepts `2019-Q3`; a duration
//! accepts the same number of seconds; a time accepts the same clock time.
//! Cases marked `NotSupported` or `NotSupportedByDesign` (for any port) are
//! reported apart from the headline.
//!
//! Where Recognizers' conventions differ from TimeML's, the runner maps
//! between them (a missing or wrongly resolved expression still fails):
//! * spans: Recognizers includes the signal ("since August", "before the end
//!   of December", "on Monday"), TimeML leaves it out; TimeML keeps "the"
//!   ("the next quarter") and an abbreviation's period ("Aug."). Spans are
//!   compared with a leading signal (`SIGNALS`), a leading "the" and a final
//!   period set aside on both sides;
//! * ranges: Recognizers reports "from 10/1 to 11/7" as one daterange;
//!   dateline gives two expressions with the same `range()`, which count as
//!   one entity spanning both, and a range may end on its last day or after
//!   its last period;
//! * "the next two days" is a TimeML DURATION (P2D) and a Recognizers
//!   daterange: a duration without a range matches a range of its length;
//! * quantities: Recognizers reads "few", "some", "several" as 3, TimeML
//!   writes X ("PXH");
//! * grain: "two months ago" keeps the unit's grain in TimeML (2018-08) and
//!   counts back to the day in Recognizers (2018-08-17).
//! * clock spelling: "T16" = "T16:00", and a daily set's time "T15" =
//!   TimeML's "XXXX-XX-XXT15:00";
//! * "now" in a range ("between now and November 15th") is PRESENT_REF in
//!   TimeML and the reference date in Recognizers.
//! * a day and the clock after it ("morgen um 15 Uhr", "demain à 15 h")
//!   are two expressions in the German and French TimeML corpora and one
//!   entity in Recognizers: a DATE followed by a TIME on that day counts as
//!   one entity spanning both, with the TIME's reading.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use dateline_dates::{Date, DateExtractor, Lang, TimeExpression, TimexType};
use dateline_tokenize::CharOffsets;
use serde::Deserialize;
use serde_json::Value;

use crate::timex::{interval_of, seconds_of};

#[derive(Deserialize)]
struct Case {
    #[serde(rename = "Input")]
    input: String,
    #[serde(rename = "Context")]
    context: Option<Value>,
    #[serde(rename = "Results", default)]
    results: Vec<Value>,
    #[serde(rename = "NotSupported")]
    not_supported: Option<String>,
    #[serde(rename = "NotSupportedByDesign")]
    not_supported_by_design: Option<String>,
}

struct Expected {
    start: usize,
    end: usize,
    kind: String,
    readings: Vec<Value>,
}

#[derive(Default)]
struct Tally {
    cases: usize,
    passed: usize,
}

pub(crate) fn run(dir: &Path, errors: bool) -> Result<()> {
    run_path(&dir.join("DateTimeModel.json"), Lang::En, errors)
}

/// The span an expected entity names: `Start` to `End` inclusive, unless
/// that is not its `Text` (the French spec mixes inclusive and exclusive
/// ends), then where `Text` occurs in the input, case-insensitively.
fn expected_span(input: &str, r: &Value) -> (usize, usize) {
    let start =
        r.get("Start").or_else(|| r.get("start")).and_then(Value::as_u64).unwrap_or(0) as usize;
    let end = r.get("End").and_then(Value::as_u64).unwrap_or(0) as usize + 1;
    let Some(text) = r.get("Text").and_then(Value::as_str) else { return (start, end) };
    let chars: Vec<char> = input.chars().collect();
    let lower = |c: &[char]| c.iter().flat_map(|c| c.to_lowercase()).collect::<String>();
    let want = text.to_lowercase();
    if chars.get(start..end.min(chars.len())).is_some_and(|c| lower(c) == want) {
        return (start, end);
    }
    let n = text.chars().count();
    (0..chars.len().saturating_sub(n) + 1)
        .find(|&k| lower(&chars[k..k + n]) == want)
        .map_or((start, end), |k| (k, k + n))
}

/// One Recognizers-Text DateTimeModel spec file, read in `lang`.
pub(crate) fn run_path(path: &Path, lang: Lang, errors: bool) -> Result<()> {
    let path = path.to_owned();
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let raw = raw.trim_start_matches('\u{feff}');
    let cases: Vec<Case> = serde_json::from_str(raw)
        .with_context(|| format!("{}: not a Recognizers-Text model spec", path.display()))?;
    let extractor = DateExtractor::builder().lang(lang).build()?;
    // (supported?, type) -> tally
    let mut tallies: BTreeMap<(bool, String), Tally> = BTreeMap::new();
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0;
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for case in &cases {
        let supported = case.not_supported.as_deref().is_none_or(str::is_empty)
            && case.not_supported_by_design.as_deref().is_none_or(str::is_empty);
        let reference = case
            .context
            .as_ref()
            .and_then(|c| c.get("ReferenceDateTime"))
            .and_then(Value::as_str)
            .and_then(|s| s.get(..10))
            .and_then(|s| s.parse::<Date>().ok())
            .unwrap_or_else(|| "2016-11-07".parse().expect("valid"));
        let expected: Vec<Expected> = case
            .results
            .iter()
            .map(|r| Expected {
                start: expected_span(&case.input, r).0,
                end: expected_span(&case.input, r).1,
                kind: r
                    .get("TypeName")
                    .or_else(|| r.get("Typename"))
                    .and_then(Value::as_str)
                    .unwrap_or("?")
                    .trim_start_matches("datetimeV2.")
                    .to_owned(),
                readings: r
                    .pointer("/Resolution/values")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect();
        let t0 = Instant::now();
        let found = extractor.extract(&case.input, reference);
        elapsed += t0.elapsed();
        bytes += case.input.len();
        let mut offsets = CharOffsets::new(&case.input);
        let got: Vec<(usize, usize, &TimeExpression)> = found
            .iter()
            .map(|t| {
                let (s, e) = offsets.span(t.span());
                (s, e, t)
            })
            .collect();
        let chars: Vec<char> = case.input.chars().collect();
        let entities = entities(&got, matches!(lang, Lang::De | Lang::Fr));
        let pass = entities.len() == expected.len()
            && expected.iter().all(|x| {
                entities.iter().any(|en| {
                    same_span(&chars, (en.start, en.end), (x.start, x.end))
                        && x.readings.iter().any(|r| reading_matches(r, en.t, en.pair, reference))
                })
            });
        let kind = match expected.first() {
            None => "none".to_owned(),
            Some(first) if expected.iter().all(|x| x.kind == first.kind) => first.kind.clone(),
            Some(_) => "mixed".to_owned(),
        };
        let tally = tallies.entry((supported, kind)).or_default();
        tally.cases += 1;
        if pass {
            tally.passed += 1;
        } else if errors && supported {
            let exp: Vec<String> = expected
                .iter()
                .map(|x| {
                    let text: String =
                        case.input.chars().skip(x.start).take(x.end - x.start).collect();
                    let readings: Vec<&str> = x
                        .readings
                        .iter()
                        .filter_map(|r| r.get("timex").and_then(Value::as_str))
                        .collect();
                    format!("{text:?} {} {readings:?}", x.kind)
                })
                .collect();
            let g: Vec<String> = got
                .iter()
                .map(|(_, _, t)| {
                    format!(
                        "{:?} {} {} {}",
                        &case.input[t.start()..t.end()],
                        t.kind(),
                        t.value(),
                        t.rule()
                    )
                })
                .collect();
            writeln!(err, "FAIL\t{}\t{}\texpected {:?}\tgot {:?}", reference, case.input, exp, g)?;
        }
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(out, "Recognizers-Text {} ({} cases)", path.display(), cases.len())?;
    for supported in [true, false] {
        writeln!(
            out,
            "{}",
            if supported {
                "cases not marked NotSupported / NotSupportedByDesign:"
            } else {
                "cases marked NotSupported (any port), for reference:"
            }
        )?;
        let mut headline = Tally::default();
        for ((s, kind), t) in &tallies {
            if *s != supported {
                continue;
            }
            writeln!(
                out,
                "  {kind:<16} {:>4}/{:<4} {:5.1}%",
                t.passed,
                t.cases,
                100.0 * t.passed as f64 / t.cases.max(1) as f64
            )?;
            if matches!(kind.as_str(), "date" | "daterange" | "duration" | "set") {
                headline.cases += t.cases;
                headline.passed += t.passed;
            }
        }
        writeln!(
            out,
            "  date+daterange+duration+set: {}/{} = {:.1}%",
            headline.passed,
            headline.cases,
            100.0 * headline.passed as f64 / headline.cases.max(1) as f64
        )?;
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    writeln!(
        out,
        "throughput {:.1} MB/s ({} bytes, single thread)",
        bytes as f64 / secs / 1e6,
        bytes
    )?;
    Ok(())
}

/// Whether one Recognizers reading (`{timex, type, value | start, end}`) means
/// the same as dateline's expression.
fn reading_matches(r: &Value, t: &TimeExpression, pair: bool, reference: Date) -> bool {
    let ours = t.value();
    let timex = r.get("timex").and_then(Value::as_str).unwrap_or("");
    if timex == ours && !pair {
        return true;
    }
    // Year left open: "XXXX-11-04" accepts "2016-11-04", "XXXX-08" "2016-08".
    if !pair
        && timex
            .strip_prefix("XXXX")
            .is_some_and(|rest| !rest.is_empty() && ours.len() >= 4 && same_point(rest, &ours[4..]))
    {
        return true;
    }
    let kind = r.get("type").and_then(Value::as_str).unwrap_or("");
    match kind {
        "duration" => {
            let secs = r.get("value").and_then(Value::as_str).and_then(|v| v.parse::<f64>().ok());
            // Recognizers gives "few", "some", "several" the quantity 3 where
            // TimeML writes X ("PXH"): compare with X = 3.
            let ours = ours.replace('X', "3");
            // Within 0.5%: "P3Y6M" and "P3.5Y" differ by the month length only.
            matches!((secs, seconds_of(&ours)), (Some(a), Some(b)) if (a - b).abs() <= 1.0 + a.abs() * 0.005)
        }
        // "XXXX-WXX-1T16" = "XXXX-WXX-1T16:00".
        // "every day at 3pm": TimeML "XXXX-XX-XXT15:00", Recognizers "T15".
        "set" => {
            same_point(timex, ours)
                || same_point(timex, ours.strip_prefix("XXXX-XX-XX").unwrap_or(ours))
        }
        "time" => {
            // "T17" / "T17:30" against "2016-11-07T17:00".
            ours.split_once('T')
                .is_some_and(|(_, clock)| same_clock(timex.trim_start_matches('T'), clock))
        }
        "date" | "datetime" => {
            let value = r.get("value").and_then(Value::as_str).unwrap_or("");
            if same_point(value, ours) || same_point(timex, ours) {
                return true;
            }
            // "two months ago": TimeML keeps the unit's grain (2018-08),
            // Recognizers counts back to the day (2018-08-17).
            if counted_back(t) && ours.len() >= 7 && value.starts_with(ours) {
                return true;
            }
            // Year left open: "XXXX-11-04" accepts "2016-11-04".
            timex
                .strip_prefix("XXXX")
                .is_some_and(|rest| ours.len() >= 4 && same_point(rest, &ours[4..]))
        }
        _ => {
            // Ranges: compare [start, end) with our value's interval or range.
            let start = r.get("start").and_then(Value::as_str);
            let end = r.get("end").and_then(Value::as_str);
            let (Some(start), Some(end)) = (start, end) else { return false };
            // A range ends at its last day ("9 to 12 of June" ends on the
            // 12th) or after its last period ("next quarter" ends on the
            // first day of the one after): both spellings are accepted.
            // "the next two days": a DURATION in TimeML, a range here; the
            // range of its days when it has one, else its length.
            if t.range().is_none() && t.kind() == TimexType::Duration {
                let days = |d: &str| d.get(..10).and_then(|d| d.parse::<Date>().ok());
                return match (days(start), days(end), seconds_of(ours)) {
                    (Some(a), Some(b), Some(secs)) => {
                        (day_number(b) - day_number(a)) as f64 * 86_400.0 == secs
                    }
                    _ => false,
                };
            }
            if let Some(rg) = t.range() {
                // "between now and November 15th": TimeML's PRESENT_REF is
                // the reference date in Recognizers' range.
                let today = reference.to_string();
                let point = |v: &str| if v == "PRESENT_REF" { today.clone() } else { v.to_owned() };
                let (Some(a), Some(b)) =
                    (interval_of(&point(rg.begin())), interval_of(&point(rg.end())))
                else {
                    return false;
                };
                return date_part(start) == a.0 && (date_part(end) == b.1 || date_part(end) == b.0);
            }
            match interval_of(ours) {
                Some((a, b)) => date_part(start) == a && date_part(end) == b,
                None => false,
            }
        }
    }
}

fn date_part(s: &str) -> String {
    s.get(..10).unwrap_or(s).to_owned()
}

fn same_point(a: &str, b: &str) -> bool {
    let na = a.replace(" ", "T");
    let (da, ta) = na.split_once('T').unwrap_or((na.as_str(), ""));
    let (db, tb) = b.split_once('T').unwrap_or((b, ""));
    da == db
        && (ta.is_empty() && tb.is_empty()
            || !ta.is_empty() && !tb.is_empty() && same_clock(ta, tb))
}

/// "17" == "17:00" == "17:00:00".
fn same_clock(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let mut parts: Vec<&str> = s.split(':').collect();
        while parts.len() > 1 && parts.last() == Some(&"00") {
            parts.pop();
        }
        parts.join(":")
    };
    !a.is_empty() && norm(a) == norm(b)
}

/// One entity as Recognizers counts them: an expression, or two expressions
/// that dateline links as the ends of one range ("from 10/1 to 11/7",
/// "Feb 28th to March 1st"), which Recognizers reports as one daterange.
struct Entity<'a> {
    start: usize,
    end: usize,
    t: &'a TimeExpression,
    pair: bool,
}

/// `split_clock`: the language's TimeML corpora write a day and its clock
/// apart (German, French), so its expressions do.
fn entities<'a>(got: &[(usize, usize, &'a TimeExpression)], split_clock: bool) -> Vec<Entity<'a>> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < got.len() {
        let (s, e, t) = got[k];
        if let Some(&(_, e2, t2)) = got.get(k + 1)
            && t.range().is_some()
            && t.range() == t2.range()
        {
            out.push(Entity { start: s, end: e2, t, pair: true });
            k += 2;
            continue;
        }
        // "[morgen] um [15 Uhr]": German and French TimeML corpora write a
        // day and its clock apart, Recognizers as one entity with the
        // clock's reading.
        if split_clock
            && let Some(&(_, e2, t2)) = got.get(k + 1)
            && t2.kind() == dateline_dates::TimexType::Time
            && !t.value().contains(':')
            && t2
                .value()
                .strip_prefix(crate::duckling::day_of(t.value()))
                .is_some_and(|rest| rest.starts_with('T'))
        {
            out.push(Entity { start: s, end: e2, t: t2, pair: false });
            k += 2;
            continue;
        }
        out.push(Entity { start: s, end: e, t, pair: false });
        k += 1;
    }
    out
}

/// Signals that TimeML leaves outside a TIMEX3 and Recognizers puts inside
/// its entity ("since August", "before the end of December", "on Monday").
const SIGNALS: &[&str] = &[
    "no later than",
    "not later than",
    "later than",
    "earlier than",
    "greater than",
    "as early as",
    "as late as",
    "starting from",
    "starting on",
    "starting",
    "beginning on",
    "beginning",
    "since",
    "after",
    "before",
    "until",
    "till",
    "by",
    "from",
    "between",
    "on",
    "in",
    "at",
    "during",
];

/// Whether two character spans name the same expression once the two
/// conventions are lined up: a leading signal (TimeML leaves it out), a
/// leading "the" (TimeML keeps it: "the next quarter"), and the period of
/// an abbreviation at the end ("Aug.": TimeML keeps it) are set aside on
/// both sides.
fn same_span(chars: &[char], a: (usize, usize), b: (usize, usize)) -> bool {
    a == b || core(chars, a) == core(chars, b)
}

fn core(chars: &[char], (mut s, mut e): (usize, usize)) -> (usize, usize) {
    let e_max = e.min(chars.len());
    e = e_max;
    let lower: String = chars[s.min(e)..e].iter().collect::<String>().to_lowercase();
    let mut offset = 0;
    loop {
        let rest = &lower[offset..];
        let Some(sig) = SIGNALS
            .iter()
            .chain(["the"].iter())
            .find(|w| rest.starts_with(**w) && rest[w.len()..].starts_with(' '))
        else {
            break;
        };
        offset += sig.len() + 1;
        s += sig.chars().count() + 1;
    }
    if e > s && chars[e - 1] == '.' {
        e -= 1;
    }
    (s, e)
}

/// "two months ago", "a year earlier", "three weeks from now".
fn counted_back(t: &TimeExpression) -> bool {
    t.rule().starts_with("ago")
}

/// Days since 0001-01-01 (proleptic Gregorian), for day counts.
fn day_number(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d.year()), i64::from(d.month()), i64::from(d.day()));
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + day
}
