//! Compiles gazetteer files into a saved gazetteer and reports timings.
//!
//! ```text
//! cargo run --release -p dateline-gazetteer --example compile -- OUT.dlgaz FILE...
//! ```
//!
//! Each FILE is TSV or JSON Lines (by extension). The saved file loads with
//! `Gazetteer::load`.

use std::time::Instant;

use dateline_gazetteer::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: compile OUT.dlgaz FILE...")?;
    let start = Instant::now();
    let mut builder = Gazetteer::builder();
    for path in args {
        builder.add_file(&path)?;
    }
    let loaded = start.elapsed();
    let peak_read = peak_rss_mb();
    let gazetteer = builder.build()?;
    let built = start.elapsed();
    let peak_built = peak_rss_mb();
    gazetteer.save(&out)?;
    let saved = start.elapsed();
    let (entries, forms) = (gazetteer.len(), gazetteer.forms_len());
    drop(builder);
    drop(gazetteer);
    let reload = Instant::now();
    let again = Gazetteer::load(&out)?;
    let reloaded = reload.elapsed();
    eprintln!(
        "{} entries, {} forms: files read in {:.2} s, compiled in {:.2} s, saved in {:.2} s; \
         reloaded in {:.3} s; peak RSS after reading {peak_read} MB, after compiling \
         {peak_built} MB (Linux only)",
        entries,
        forms,
        loaded.as_secs_f64(),
        (built - loaded).as_secs_f64(),
        (saved - built).as_secs_f64(),
        reloaded.as_secs_f64(),
    );
    assert_eq!(again.forms_len(), forms);
    Ok(())
}

/// The peak resident set size so far, from `/proc/self/status` (0 elsewhere).
fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
