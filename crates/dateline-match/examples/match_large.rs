//! Builds a matcher from a large gazetteer TSV (optionally gzipped), saves
//! it, reloads it, and prints the timings.
//!
//! ```text
//! cargo run --release -p dateline-match --example match_large -- \
//!     ../shared/gazetteers/large.tsv.gz [/tmp/large.dlm]
//! /usr/bin/time -v target/release/examples/match_large ...   # peak RSS
//! ```
//!
//! Rows are streamed from the file into the builder, so the input is never
//! held in memory as a whole: the peak is the builder's own.

use std::error::Error;
use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

use dateline_match::{CasePolicy, Matcher, Pattern};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1);
    let path = args.next().ok_or("usage: match_large GAZETTEER.tsv[.gz] [SAVE_PATH]")?;
    let save = args.next().unwrap_or_else(|| "/tmp/dateline-large.dlm".into());

    let file = std::fs::File::open(&path)?;
    let reader: Box<dyn Read> = if path.to_string_lossy().ends_with(".gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut lines = BufReader::with_capacity(1 << 20, reader).lines();
    let header = lines.next().ok_or("empty file")??;
    let columns: Vec<&str> = header.split('\t').collect();
    let name = columns.iter().position(|&c| c == "name").ok_or("no name column")?;
    let case = columns.iter().position(|&c| c == "case");

    let mut rows = 0usize;
    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let patterns = lines.map_while(Result::ok).filter_map(|line| {
        let fields: Vec<&str> = line.split('\t').collect();
        let form = fields.get(name)?.trim();
        if form.is_empty() {
            return None;
        }
        rows += 1;
        let policy = match case.and_then(|c| fields.get(c)) {
            Some(&"exact") => CasePolicy::Sensitive,
            _ => CasePolicy::Insensitive,
        };
        Some(Pattern::new(form, policy))
    });
    let matcher = Matcher::new(patterns)?;
    let built = started.elapsed();
    eprintln!(
        "built {rows} patterns in {:.2} s wall, {:.2} s CPU (reading and decompressing included); \
         matcher {:.1} MB; peak RSS so far {}",
        built.as_secs_f64(),
        cpu_seconds() - cpu_started,
        matcher.memory_usage() as f64 / 1e6,
        peak_rss()
    );

    let started = Instant::now();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&save)?);
    matcher.write_to(&mut out)?;
    drop(out);
    eprintln!("saved to {} in {:.2} s", save.to_string_lossy(), started.elapsed().as_secs_f64());
    drop(matcher);

    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let bytes = std::fs::read(&save)?;
    let reloaded = Matcher::read_from(&bytes)?;
    eprintln!(
        "reloaded {} bytes in {:.3} s wall, {:.3} s CPU ({} patterns)",
        bytes.len(),
        started.elapsed().as_secs_f64(),
        cpu_seconds() - cpu_started,
        reloaded.pattern_count()
    );
    eprintln!("peak RSS after reload (file bytes and both copies included): {}", peak_rss());
    let text = "Officials in Kyiv and São Paulo met delegates from Vila and Soldeu.";
    eprintln!("{} matches in a sample sentence", reloaded.find_iter(text).count());
    Ok(())
}

/// The process's peak resident set size, from `/proc/self/status` (Linux).
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l[6..].trim().to_owned()))
        .unwrap_or_else(|| "unknown".into())
}

/// CPU time of this thread in seconds, from `/proc/thread-self/schedstat`
/// (Linux): on a busy machine, wall-clock time says little.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace().next().and_then(|ns| ns.parse::<f64>().ok()).unwrap_or(0.0) / 1e9
}
