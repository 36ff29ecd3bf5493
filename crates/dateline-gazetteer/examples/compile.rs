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
    let gazetteer = builder.build()?;
    let built = start.elapsed();
    gazetteer.save(&out)?;
    let saved = start.elapsed();
    drop(builder);
    let reload = Instant::now();
    let again = Gazetteer::load(&out)?;
    let reloaded = reload.elapsed();
    eprintln!(
        "{} entries, {} forms: files read in {:.2} s, compiled in {:.2} s, saved in {:.2} s; \
         reloaded in {:.3} s",
        gazetteer.len(),
        gazetteer.forms_len(),
        loaded.as_secs_f64(),
        (built - loaded).as_secs_f64(),
        (saved - built).as_secs_f64(),
        reloaded.as_secs_f64(),
    );
    assert_eq!(again.forms_len(), gazetteer.forms_len());
    Ok(())
}
