//! Builds a gazetteer from a large TSV file (optionally gzipped) through
//! `GazetteerBuilder`, saves it, and in a second run reloads it: the
//! build, memory and reload figures of the crate README.
//!
//! ```text
//! cargo build --release -p dateline-gazetteer --example build_large
//! /usr/bin/time -v target/release/examples/build_large \
//!     ../shared/gazetteers/large.tsv.gz /tmp/large.dlgaz      # build + save
//! /usr/bin/time -v target/release/examples/build_large --load /tmp/large.dlgaz
//! ```
//!
//! With `-` as OUT, nothing is saved (for a heap profiler's peak of the
//! build alone: `heaptrack build_large IN -`).
//!
//! The file is streamed into the builder (decompressed on the fly), so the
//! peak resident set is the gazetteer's own plus the reader's buffers. Each
//! run prints its wall and CPU times and `VmHWM`; run the two steps as
//! separate processes so the reload's peak is its own.

use std::error::Error;
use std::io::{BufReader, Read};
use std::time::Instant;

use dateline_gazetteer::Gazetteer;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, saved] if flag == "--load" => reload(saved),
        [input, saved] => build(input, saved),
        _ => Err("usage: build_large IN.tsv[.gz] OUT.dlgaz | build_large --load OUT.dlgaz".into()),
    }
}

fn build(input: &str, saved: &str) -> Result<(), Box<dyn Error>> {
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let file = std::fs::File::open(input)?;
    let reader: Box<dyn Read> = if input.ends_with(".gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut builder = Gazetteer::builder();
    builder.add_tsv_reader(BufReader::with_capacity(1 << 16, reader))?;
    let read = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let peak_read = peak_rss();
    let gazetteer = builder.build()?;
    drop(builder);
    let built = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    eprintln!(
        "{} entries, {} forms, {:.1} MB: read in {:.2} s wall / {:.2} s CPU, read + built in \
         {:.2} s wall / {:.2} s CPU; peak RSS after reading {peak_read}, after building {}",
        gazetteer.len(),
        gazetteer.forms_len(),
        gazetteer.memory_usage() as f64 / 1e6,
        read.0,
        read.1,
        built.0,
        built.1,
        peak_rss(),
    );
    if saved == "-" {
        sample(&gazetteer);
        return Ok(());
    }
    let started = Instant::now();
    gazetteer.save(saved)?;
    let size = std::fs::metadata(saved)?.len();
    eprintln!("saved {size} bytes in {:.2} s", started.elapsed().as_secs_f64());
    sample(&gazetteer);
    Ok(())
}

fn reload(saved: &str) -> Result<(), Box<dyn Error>> {
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let gazetteer = Gazetteer::load(saved)?;
    eprintln!(
        "reloaded {} entries, {} forms in {:.3} s wall / {:.3} s CPU; peak RSS {}",
        gazetteer.len(),
        gazetteer.forms_len(),
        wall.elapsed().as_secs_f64(),
        cpu_seconds() - cpu,
        peak_rss(),
    );
    sample(&gazetteer);
    Ok(())
}

/// Prints the matches in a sample sentence, to show the gazetteer works.
fn sample(gazetteer: &Gazetteer) {
    let text = "Officials in Kyiv and Sao Paulo met delegates from Vila and Soldeu.";
    for m in gazetteer.find_iter(text) {
        let ids: Vec<&str> = m.candidates().take(3).map(|e| e.id()).collect();
        eprintln!(
            "  {:?} {} {:?} ({} candidates)",
            &text[m.span()],
            m.label(),
            ids,
            m.candidates().len()
        );
    }
}

/// The process's peak resident set size, from `/proc/self/status` (Linux).
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix("VmHWM:")).map(|v| v.trim().to_owned()))
        .unwrap_or_else(|| "unknown".into())
}

/// CPU time of this thread in seconds, from `/proc/thread-self/schedstat`
/// (Linux): on a shared machine, wall-clock time says little.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace().next().and_then(|ns| ns.parse::<f64>().ok()).unwrap_or(0.0) / 1e9
}
