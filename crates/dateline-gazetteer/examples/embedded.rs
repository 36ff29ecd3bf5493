//! Measures how long the embedded default gazetteer takes to load and how
//! much memory it holds, how long each other language's search takes to
//! compile on its first use, and prints what it finds in a file (the seed
//! article by default).
//!
//! ```text
//! cargo run --release -p dateline-gazetteer --example embedded [FILE]
//! ```

use std::time::Instant;

use dateline_gazetteer::{Gazetteer, Lang};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let gazetteer = Gazetteer::embedded();
    let first = start.elapsed();
    let start = Instant::now();
    let again = Gazetteer::embedded();
    let second = start.elapsed();
    assert!(std::ptr::eq(gazetteer, again));
    eprintln!(
        "embedded gazetteer: {} entries, {} forms, {} bytes of heap; first call {:.1} ms, \
         second call {:.3} µs",
        gazetteer.len(),
        gazetteer.forms_len(),
        gazetteer.memory_usage(),
        first.as_secs_f64() * 1e3,
        second.as_secs_f64() * 1e6,
    );
    for lang in Lang::ALL {
        let start = Instant::now();
        let forms = gazetteer.with_lang(lang).forms_len();
        eprintln!(
            "{lang}: {forms} forms; first search compiled in {:.1} ms",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    eprintln!("heap with every language compiled: {} bytes", gazetteer.memory_usage());
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/000_6893e9d60b43f7bd.txt").to_string()
    });
    let text = std::fs::read_to_string(&path)?;
    let mut out = std::io::stdout().lock();
    for m in gazetteer.find_iter(&text) {
        let ids: Vec<&str> = m.candidates().map(|e| e.id()).collect();
        use std::io::Write;
        writeln!(
            out,
            "{}\t{}\t{:?}\t{}\t{}",
            m.start(),
            m.end(),
            &text[m.span().range()],
            m.label(),
            ids.join(",")
        )?;
    }
    Ok(())
}
