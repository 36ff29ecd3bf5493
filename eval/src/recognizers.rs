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

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use dateline_dates::{Date, DateExtractor, TimeExpression};
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
    let path = dir.join("DateTimeModel.json");
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let raw = raw.trim_start_matches('\u{feff}');
    let cases: Vec<Case> = serde_json::from_str(raw)
        .with_context(|| format!("{}: not a Recognizers-Text model spec", path.display()))?;
    let extractor = DateExtractor::new();
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
                start: r.get("Start").and_then(Value::as_u64).unwrap_or(0) as usize,
                end: r.get("End").and_then(Value::as_u64).unwrap_or(0) as usize + 1,
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
        let pass = got.len() == expected.len()
            && expected.iter().all(|x| {
                got.iter().any(|(s, e, t)| {
                    *s == x.start && *e == x.end && x.readings.iter().any(|r| reading_matches(r, t))
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
fn reading_matches(r: &Value, t: &TimeExpression) -> bool {
    let ours = t.value();
    let timex = r.get("timex").and_then(Value::as_str).unwrap_or("");
    if timex == ours {
        return true;
    }
    let kind = r.get("type").and_then(Value::as_str).unwrap_or("");
    match kind {
        "duration" => {
            let secs = r.get("value").and_then(Value::as_str).and_then(|v| v.parse::<f64>().ok());
            // Within 0.5%: "P3Y6M" and "P3.5Y" differ by the month length only.
            matches!((secs, seconds_of(ours)), (Some(a), Some(b)) if (a - b).abs() <= 1.0 + a.abs() * 0.005)
        }
        "set" => timex == ours,
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
            let ours_iv = t
                .range()
                .and_then(|rg| Some((interval_of(rg.begin())?.0, interval_of(rg.end())?.1)))
                .or_else(|| interval_of(ours));
            match ours_iv {
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
