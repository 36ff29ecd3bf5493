//! `dateline-eval dates ...`: TempEval-3 Task A scoring of `dateline-dates`,
//! plus the subcommands for the Recognizers-Text and Duckling suites.
//!
//! Scoring follows the shared scorer's description (`eval/dates/README.md`):
//! strict (exact span) and relaxed (overlapping span) precision, recall and
//! F1 with one-to-one alignment; type and value accuracy over the relaxed
//! matches; type F1 and value F1 = relaxed F1 × accuracy.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Subcommand;
use dateline_dates::{Date, DateExtractor, Lang};
use dateline_tokenize::CharOffsets;
use serde::Deserialize;

/// The date/time evaluation suites.
#[derive(Subcommand)]
pub enum DatesSuite {
    /// TempEval-3 Task A (TIMEX3) on a TempEval JSONL file (reference = each document's DCT).
    Tempeval {
        /// Gold JSONL (default: ../shared/eval/dates/tempeval3/tbaq.jsonl).
        path: Option<PathBuf>,
        /// Write the predictions as JSONL here.
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Print every missed, spurious and wrongly normalized timex to stderr.
        #[arg(long)]
        errors: bool,
    },
    /// Recognizers-Text DateTimeModel.json (English): share of cases matched, per type.
    Recognizers {
        /// Directory with the spec files (default: ../shared/eval/dates/recognizers).
        dir: Option<PathBuf>,
        /// Print failing cases to stderr.
        #[arg(long)]
        errors: bool,
    },
    /// Duckling en-time.jsonl value accuracy (direction future) and hits on negatives.
    Duckling {
        /// Directory with en-time*.jsonl (default: ../shared/eval/dates/duckling).
        dir: Option<PathBuf>,
        /// Print failing phrases to stderr.
        #[arg(long)]
        errors: bool,
    },
}

/// Runs one suite, or with none every set of `lang` (English: TempEval-3,
/// Recognizers-Text and Duckling; other languages: every annotated corpus
/// in `../shared/eval/dates/<lang>/`, then its Duckling and Recognizers-Text
/// cases).
pub fn run(lang: Lang, suite: Option<DatesSuite>) -> Result<()> {
    let Some(suite) = suite else {
        if lang == Lang::En {
            run(lang, Some(DatesSuite::Tempeval { path: None, predictions: None, errors: false }))?;
            run(lang, Some(DatesSuite::Recognizers { dir: None, errors: false }))?;
            return run(lang, Some(DatesSuite::Duckling { dir: None, errors: false }));
        }
        let dir = shared(&format!("eval/dates/{}", lang.code()));
        let mut corpora: Vec<PathBuf> = std::fs::read_dir(&dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "jsonl")
                    && p.file_name().is_none_or(|n| n != "duckling.jsonl")
            })
            .collect();
        corpora.sort();
        for path in &corpora {
            tempeval(path, lang, None, false)?;
        }
        crate::duckling::run_lang(&dir.join("duckling.jsonl"), lang, false)?;
        // Recognizers-Text has no DateTime spec for some languages (uk, ru).
        let spec = dir.join("recognizers-DateTimeModel.json");
        if !spec.exists() {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            writeln!(out, "Recognizers-Text: no spec for {} ({})", lang.code(), spec.display())?;
            return Ok(());
        }
        return crate::recognizers::run_path(&spec, lang, false);
    };
    let dir_of = |lang: Lang| shared(&format!("eval/dates/{}", lang.code()));
    match suite {
        DatesSuite::Tempeval { path, predictions, errors } => {
            let path = path.unwrap_or_else(|| shared("eval/dates/tempeval3/tbaq.jsonl"));
            tempeval(&path, lang, predictions.as_deref(), errors)
        }
        DatesSuite::Recognizers { dir, errors } if lang == Lang::En => crate::recognizers::run(
            &dir.unwrap_or_else(|| shared("eval/dates/recognizers")),
            errors,
        ),
        DatesSuite::Recognizers { dir, errors } => crate::recognizers::run_path(
            &dir.unwrap_or_else(|| dir_of(lang)).join("recognizers-DateTimeModel.json"),
            lang,
            errors,
        ),
        DatesSuite::Duckling { dir, errors } if lang == Lang::En => {
            crate::duckling::run(&dir.unwrap_or_else(|| shared("eval/dates/duckling")), errors)
        }
        DatesSuite::Duckling { dir, errors } => crate::duckling::run_lang(
            &dir.unwrap_or_else(|| dir_of(lang)).join("duckling.jsonl"),
            lang,
            errors,
        ),
    }
}

/// A path under `../shared/`, relative to the workspace root.
/// `DATELINE_SHARED` names another place for it (a worktree's `../shared`
/// may not exist).
pub(crate) fn shared(rel: &str) -> PathBuf {
    if let Some(dir) = std::env::var_os("DATELINE_SHARED") {
        return PathBuf::from(dir).join(rel);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new("."));
    root.join("../shared").join(rel)
}

#[derive(Deserialize)]
struct Doc {
    id: String,
    dct: String,
    text: String,
    timexes: Vec<Gold>,
}

#[derive(Deserialize, Clone)]
struct Gold {
    start: usize,
    end: usize,
    text: String,
    #[serde(rename = "type")]
    kind: String,
    /// `null` where the corpus gives no value (two WikiWarsDE timexes).
    #[serde(default, deserialize_with = "null_as_empty")]
    value: String,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

#[derive(Clone, Debug)]
struct Pred {
    start: usize,
    end: usize,
    text: String,
    kind: String,
    value: String,
    rule: String,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    pred: usize,
    strict: usize,
    relaxed: usize,
    type_ok: usize,
    value_ok: usize,
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { 0.0 } else { tp as f64 / pred as f64 };
    let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (100.0 * p, 100.0 * r, 100.0 * f)
}

/// One-to-one alignment of overlapping spans, largest overlap first.
fn align(gold: &[Gold], pred: &[Pred]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let overlap = g.end.min(p.end).saturating_sub(g.start.max(p.start));
            if overlap > 0 {
                let exact = g.start == p.start && g.end == p.end;
                pairs.push((exact, overlap, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, _, gi, pi) in pairs {
        if !used_g[gi] && !used_p[pi] {
            used_g[gi] = true;
            used_p[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

fn tempeval(path: &Path, lang: Lang, predictions: Option<&Path>, errors: bool) -> Result<()> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut docs = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = serde_json::from_str(&line).with_context(|| {
            format!("{}: line {}: not a TempEval JSONL document", path.display(), n + 1)
        })?;
        docs.push(doc);
    }
    let extractor = DateExtractor::builder().lang(lang).build()?;
    let mut counts = Counts::default();
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0usize;
    let mut writer = match predictions {
        Some(p) => Some(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => None,
    };
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for doc in &docs {
        let dct: Date = doc
            .dct
            .get(..10)
            .unwrap_or(&doc.dct)
            .parse()
            .with_context(|| format!("document {}: bad dct {:?}", doc.id, doc.dct))?;
        let t0 = Instant::now();
        let found = extractor.extract(&doc.text, dct);
        elapsed += t0.elapsed();
        bytes += doc.text.len();
        let mut offsets = CharOffsets::new(&doc.text);
        let preds: Vec<Pred> = found
            .iter()
            .map(|t| {
                let (start, end) = offsets.span(t.span());
                Pred {
                    start,
                    end,
                    text: doc.text.as_str()[t.span()].to_owned(),
                    kind: t.kind().to_string(),
                    value: t.value().to_owned(),
                    rule: t.rule().to_owned(),
                }
            })
            .collect();
        let pairs = align(&doc.timexes, &preds);
        counts.gold += doc.timexes.len();
        counts.pred += preds.len();
        for &(gi, pi) in &pairs {
            let (g, p) = (&doc.timexes[gi], &preds[pi]);
            counts.relaxed += 1;
            if g.start == p.start && g.end == p.end {
                counts.strict += 1;
            }
            if g.kind == p.kind {
                counts.type_ok += 1;
            }
            if g.value == p.value {
                counts.value_ok += 1;
            } else if errors {
                writeln!(
                    err,
                    "VALUE\t{}\t{}\t{:?}\t{}\t{}\t{:?}\t{}\t{}\t{}",
                    doc.id, doc.dct, g.text, g.kind, g.value, p.text, p.kind, p.value, p.rule
                )?;
            }
            if errors
                && g.kind == p.kind
                && g.value == p.value
                && (g.start != p.start || g.end != p.end)
            {
                writeln!(err, "SPAN\t{}\t{:?}\t{:?}\t{}", doc.id, g.text, p.text, p.rule)?;
            }
            if errors && g.kind != p.kind {
                writeln!(
                    err,
                    "TYPE\t{}\t{:?}\t{}\t{:?}\t{}\t{}",
                    doc.id, g.text, g.kind, p.text, p.kind, p.rule
                )?;
            }
        }
        if errors {
            let matched_g: Vec<usize> = pairs.iter().map(|p| p.0).collect();
            let matched_p: Vec<usize> = pairs.iter().map(|p| p.1).collect();
            for (gi, g) in doc.timexes.iter().enumerate().filter(|(i, _)| !matched_g.contains(i)) {
                let ctx = context(&doc.text, g.start, g.end);
                let _ = gi;
                writeln!(
                    err,
                    "MISS\t{}\t{}\t{:?}\t{}\t{}\t{}",
                    doc.id, doc.dct, g.text, g.kind, g.value, ctx
                )?;
            }
            for (_, p) in preds.iter().enumerate().filter(|(i, _)| !matched_p.contains(i)) {
                let ctx = context(&doc.text, p.start, p.end);
                writeln!(
                    err,
                    "SPURIOUS\t{}\t{:?}\t{}\t{}\t{}\t{}",
                    doc.id, p.text, p.kind, p.value, p.rule, ctx
                )?;
            }
        }
        if let Some(w) = writer.as_mut() {
            let timexes: Vec<serde_json::Value> = preds
                .iter()
                .map(|p| {
                    serde_json::json!({"start": p.start, "end": p.end, "text": p.text, "type": p.kind, "value": p.value, "rule": p.rule})
                })
                .collect();
            serde_json::to_writer(&mut *w, &serde_json::json!({"id": doc.id, "timexes": timexes}))?;
            w.write_all(b"\n")?;
        }
    }
    if let Some(mut w) = writer {
        w.flush()?;
    }
    let (sp, sr, sf) = prf(counts.strict, counts.pred, counts.gold);
    let (rp, rr, rf) = prf(counts.relaxed, counts.pred, counts.gold);
    let acc =
        |n: usize| if counts.relaxed == 0 { 0.0 } else { 100.0 * n as f64 / counts.relaxed as f64 };
    let (type_acc, value_acc) = (acc(counts.type_ok), acc(counts.value_ok));
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(
        out,
        "TempEval-3 Task A: {} ({} documents, {} gold timexes, {} predicted)",
        path.display(),
        docs.len(),
        counts.gold,
        counts.pred
    )?;
    writeln!(out, "strict   P {sp:5.1}  R {sr:5.1}  F1 {sf:5.1}")?;
    writeln!(out, "relaxed  P {rp:5.1}  R {rr:5.1}  F1 {rf:5.1}")?;
    writeln!(out, "type accuracy  {type_acc:5.1}   type F1  {:5.1}", rf * type_acc / 100.0)?;
    writeln!(out, "value accuracy {value_acc:5.1}   value F1 {:5.1}", rf * value_acc / 100.0)?;
    let secs = elapsed.as_secs_f64().max(1e-9);
    writeln!(
        out,
        "throughput {:.1} MB/s ({} bytes in {:.2} ms, single thread)",
        bytes as f64 / secs / 1e6,
        bytes,
        secs * 1e3
    )?;
    Ok(())
}

fn context(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let a = start.saturating_sub(50);
    let b = (end + 30).min(chars.len());
    let mut s = String::new();
    s.extend(&chars[a..start.min(chars.len())]);
    s.push('[');
    s.extend(&chars[start.min(chars.len())..end.min(chars.len())]);
    s.push(']');
    s.extend(&chars[end.min(chars.len())..b]);
    s.replace('\n', " ")
}

/// The interval `[start, end)` (as `YYYY-MM-DD` dates) that a calendar TIMEX3
/// value covers: `2019` → 2019-01-01..2020-01-01, `2019-Q3`, `2019-07`,
/// `2019-W30`, `2019-07-04`, `199` (decade), `2019-H2`. `None` for others.
pub(crate) fn interval_of(value: &str) -> Option<(String, String)> {
    let date = |y: i32, m: u32, d: u32| -> Option<Date> { Date::new(y, m, d).ok() };
    let next_month = |y: i32, m: u32| if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let fmt = |d: Date| d.to_string();
    let year: i32 = value.get(..4).and_then(|y| y.parse().ok()).unwrap_or(-1);
    let rest = value.get(4..).unwrap_or("");
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = value.parse().ok()?;
        return Some((fmt(date(y * 10, 1, 1)?), fmt(date(y * 10 + 10, 1, 1)?)));
    }
    if year < 1 {
        return None;
    }
    if rest.is_empty() {
        return Some((fmt(date(year, 1, 1)?), fmt(date(year + 1, 1, 1)?)));
    }
    if let Some(q) = rest.strip_prefix("-Q").and_then(|q| q.parse::<u32>().ok()) {
        let m = 3 * q - 2;
        let (ny, nm) = if q == 4 { (year + 1, 1) } else { (year, m + 3) };
        return Some((fmt(date(year, m, 1)?), fmt(date(ny, nm, 1)?)));
    }
    if let Some(h) = rest.strip_prefix("-H").and_then(|q| q.parse::<u32>().ok()) {
        let m = 6 * h - 5;
        let (ny, nm) = if h == 2 { (year + 1, 1) } else { (year, 7) };
        return Some((fmt(date(year, m, 1)?), fmt(date(ny, nm, 1)?)));
    }
    if let Some(w) =
        rest.strip_prefix("-W").and_then(|w| w.get(..2)).and_then(|w| w.parse::<u32>().ok())
    {
        // ISO week: the Monday of week 1 is the Monday on or before January 4.
        let jan4 = date(year, 1, 4)?;
        let wd = weekday(jan4);
        let monday = add_days(jan4, -(wd as i64 - 1) + 7 * (w as i64 - 1))?;
        let weekend = rest.ends_with("-WE");
        let (a, b) = if weekend {
            (add_days(monday, 5)?, add_days(monday, 7)?)
        } else {
            (monday, add_days(monday, 7)?)
        };
        return Some((fmt(a), fmt(b)));
    }
    let m: u32 = rest.get(1..3).and_then(|m| m.parse().ok())?;
    if rest.len() == 3 {
        let (ny, nm) = next_month(year, m);
        return Some((fmt(date(year, m, 1)?), fmt(date(ny, nm, 1)?)));
    }
    let d: u32 = rest.get(4..6).and_then(|d| d.parse().ok())?;
    let day = date(year, m, d)?;
    Some((fmt(day), fmt(add_days(day, 1)?)))
}

fn weekday(d: Date) -> u32 {
    // Sakamoto's method; 1 = Monday.
    let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let (mut y, m, dd) = (d.year(), d.month(), d.day() as i32);
    if m < 3 {
        y -= 1;
    }
    let w = (y + y / 4 - y / 100 + y / 400 + t[m as usize - 1] + dd).rem_euclid(7);
    if w == 0 { 7 } else { w as u32 }
}

pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    // Walk month by month; n is small here.
    let (mut y, mut m, mut day) = (d.year(), d.month(), d.day() as i64 + n);
    let dim = |y: i32, m: u32| -> i64 {
        match m {
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    };
    while day > dim(y, m) {
        day -= dim(y, m);
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    while day < 1 {
        (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
        day += dim(y, m);
    }
    Date::new(y, m, day as u32).ok()
}

/// Seconds in a TIMEX3 duration (`P1Y` = 365 days, `P1M` = 30 days).
pub(crate) fn seconds_of(value: &str) -> Option<f64> {
    let rest = value.strip_prefix('P')?;
    let mut total = 0.0;
    let mut num = String::new();
    let mut in_time = false;
    for c in rest.chars() {
        match c {
            'T' => in_time = true,
            '0'..='9' | '.' => num.push(c),
            _ => {
                let n: f64 = num.parse().ok()?;
                num.clear();
                total += n * match (c, in_time) {
                    ('Y', false) => 31_536_000.0,
                    ('M', false) => 2_592_000.0,
                    ('W', false) => 604_800.0,
                    ('D', false) => 86_400.0,
                    ('H', true) => 3600.0,
                    ('M', true) => 60.0,
                    ('S', true) => 1.0,
                    _ => return None,
                };
            }
        }
    }
    num.is_empty().then_some(total)
}
