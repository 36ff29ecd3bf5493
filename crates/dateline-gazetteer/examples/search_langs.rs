//! Times a gazetteer file per language: compiling it, the first search in
//! each language (which compiles that language's matcher), and search
//! throughput over a text file.
//!
//! ```text
//! cargo run --release -p dateline-gazetteer --example search_langs -- \
//!     GAZETTEER.tsv LANG=TEXT...
//! ```
//!
//! Used to choose between generated case forms and stems with endings for
//! Ukrainian and Russian (DESIGN.md at the workspace root): run it on the
//! default gazetteer and on one generated without case forms. Throughput is
//! given per second of the thread's CPU time (Linux, `/proc`) as well as of
//! wall time: on a loaded machine the first is the one to compare.

use std::time::Instant;

use dateline_gazetteer::{Gazetteer, Lang};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: search_langs GAZETTEER LANG=TEXT...")?;
    let start = Instant::now();
    let mut builder = Gazetteer::builder();
    builder.add_file(&path)?;
    let gazetteer = builder.build()?;
    eprintln!(
        "{path}: {} entries, {} forms, compiled in {:.3} s, {:.1} MB",
        gazetteer.len(),
        gazetteer.forms_len(),
        start.elapsed().as_secs_f64(),
        gazetteer.memory_usage() as f64 / 1e6,
    );
    for spec in args {
        let (code, file) = spec.split_once('=').ok_or("expected LANG=TEXT")?;
        let lang: Lang = code.parse()?;
        let text = std::fs::read_to_string(file)?;
        let first = Instant::now();
        let _ = gazetteer.find_in(lang, "");
        let view = first.elapsed();
        // The best of three passes over the whole text.
        let (mut best, mut best_cpu) = (f64::MAX, f64::MAX);
        let mut found = 0;
        for _ in 0..3 {
            let (t, cpu) = (Instant::now(), cpu_seconds());
            found = gazetteer.find_iter_in(lang, &text).count();
            best = best.min(t.elapsed().as_secs_f64());
            best_cpu = best_cpu.min(cpu_seconds() - cpu);
        }
        let mb = text.len() as f64 / 1e6;
        eprintln!(
            "{code}: language view in {:.3} s; {found} matches in {mb:.1} MB: {:.1} MB/s wall, \
             {:.1} MB/s CPU",
            view.as_secs_f64(),
            mb / best,
            mb / best_cpu.max(0.01),
        );
    }
    Ok(())
}

/// The CPU time of this thread so far, in seconds, from
/// `/proc/thread-self/stat` (user and system clock ticks of 10 ms); 0
/// elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which may hold spaces) in parentheses.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here.
    (ticks(11) + ticks(12)) / 100.0
}
