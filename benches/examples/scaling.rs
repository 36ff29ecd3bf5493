//! How dateline's cost grows with gazetteer size and with document size.
//!
//! ```text
//! cargo run --release -p dateline-benches --example scaling -- [--quick] [--out DIR]
//! ```
//!
//! * Gazetteer size: 1k, 10k, 100k and 1M forms sampled (uniformly, with a
//!   fixed seed) from `../shared/gazetteers/large.tsv.gz` (GeoNames, 1.2M
//!   rows). Each size runs in a child process of its own, so that its peak
//!   resident memory (`VmHWM`, reset through `/proc/self/clear_refs` once the
//!   sample is loaded) belongs to that build alone. Reported: build time,
//!   peak RSS growth while building, RSS growth kept after building, the
//!   size of the saved compiled gazetteer, and match speed (`find_iter` over
//!   the leading 3 MB of the news corpus, median of 3 passes).
//! * Document size: 1 KB to 100 MB of news text (the corpus, repeated, as
//!   one document). Reported per component (embedded gazetteer, dates,
//!   tokenizer, whole `Pipeline::process`): MB/s, which should stay flat.
//!
//! Writes `scaling-gazetteer.csv` and `scaling-document.csv` into `--out`
//! (default `docs/`); `benches/peers/plot_scaling.py` draws `docs/scaling.png`.
//! Everything runs on one thread.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use dateline::gazetteer::CasePolicy;
use dateline::{Date, DateExtractor, Entry, Gazetteer, Pipeline, Tokenizer};

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];
/// A component measured on one text: returns how many results it found.
type Component<'a> = (&'a str, &'a dyn Fn(&str) -> usize);

const DOC_SIZES: [usize; 6] = [1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared").join(rel)
}

/// splitmix64, for a sample that is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// True with probability `num / den`.
    fn chance(&mut self, num: u64, den: u64) -> bool {
        (self.next() % den) < num
    }
}

fn open_large() -> Box<dyn BufRead> {
    let path = shared("gazetteers/large.tsv.gz");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
}

/// Exactly `n` rows of large.tsv.gz, chosen uniformly (Knuth's selection
/// sampling), streamed so that the whole file is never held in memory.
fn sample_entries(n: usize) -> Vec<Entry> {
    let total = open_large().lines().skip(1).count();
    let n = n.min(total);
    let mut rng = Rng(0x5eed ^ n as u64);
    let mut entries = Vec::with_capacity(n);
    for (i, line) in open_large().lines().skip(1).enumerate() {
        if entries.len() == n {
            break;
        }
        let line = line.expect("readable large.tsv.gz");
        if !rng.chance((n - entries.len()) as u64, (total - i) as u64) {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let case = if cols.get(6) == Some(&"exact") {
            CasePolicy::Sensitive
        } else {
            CasePolicy::Insensitive
        };
        entries.push(Entry::new(cols[0], cols[1], cols[2]).with_case(case));
    }
    entries
}

/// A field of `/proc/self/status` in kB (`VmRSS`, `VmHWM`), 0 elsewhere.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
        .unwrap_or(0)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// The leading documents of the corpus, about `limit` bytes.
fn corpus_prefix(limit: usize) -> Vec<String> {
    let mut size = 0;
    dateline_benches::load()
        .documents
        .into_iter()
        .take_while(|d| {
            let keep = size < limit;
            size += d.len();
            keep
        })
        .collect()
}

/// Child: one gazetteer size; prints one CSV row.
fn child_gazetteer(n: usize, quick: bool) {
    let entries = sample_entries(n);
    // Start the peak count here, so it measures the build alone.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let rss_before = status_kb("VmRSS");
    let t = Instant::now();
    let gazetteer = Gazetteer::builder().entries(entries).build().expect("the sample compiles");
    let build_s = t.elapsed().as_secs_f64();
    let peak = status_kb("VmHWM");
    let rss_after = status_kb("VmRSS");
    let saved = gazetteer.to_bytes().expect("the gazetteer saves").len();

    let docs = corpus_prefix(if quick { 1_000_000 } else { 3_000_000 });
    let bytes: usize = docs.iter().map(String::len).sum();
    let count = || docs.iter().map(|d| gazetteer.find_iter(d).count()).sum::<usize>();
    let matches = count();
    let passes = if quick { 1 } else { 3 };
    let secs = median(
        (0..passes)
            .map(|_| {
                let t = Instant::now();
                assert_eq!(count(), matches);
                t.elapsed().as_secs_f64()
            })
            .collect(),
    );
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{},{},{build_s:.4},{:.2},{:.2},{:.2},{:.3},{matches},{bytes}",
        n,
        gazetteer.forms_len(),
        peak.saturating_sub(rss_before) as f64 / 1024.0,
        rss_after.saturating_sub(rss_before) as f64 / 1024.0,
        saved as f64 / 1e6,
        bytes as f64 / secs / 1e6,
    )
    .expect("stdout");
}

fn gazetteer_sizes(out_dir: &Path, quick: bool) -> std::io::Result<()> {
    let exe = std::env::current_exe()?;
    let mut csv = String::from(
        "sampled_rows,forms,build_s,build_peak_rss_mb,rss_kept_mb,saved_mb,match_mb_per_s,matches,text_bytes\n",
    );
    for n in SIZES {
        let mut cmd = Command::new(&exe);
        cmd.arg("--child-gazetteer").arg(n.to_string());
        if quick {
            cmd.arg("--quick");
        }
        let output = cmd.output()?;
        assert!(
            output.status.success(),
            "child for {n}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let line = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        eprintln!("gazetteer {line}");
        csv += &line;
        csv.push('\n');
    }
    std::fs::write(out_dir.join("scaling-gazetteer.csv"), csv)
}

/// One long document of about `size` bytes of news text.
fn long_text(docs: &[String], size: usize) -> String {
    let mut text = String::with_capacity(size + 100_000);
    'fill: loop {
        for d in docs {
            if text.len() >= size {
                break 'fill;
            }
            text.push_str(d);
            text.push_str("\n\n");
        }
    }
    let mut end = size.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn document_sizes(out_dir: &Path, quick: bool) -> std::io::Result<()> {
    let docs = dateline_benches::load().documents;
    let reference: Date = "2024-07-24".parse().expect("valid date");
    let gazetteer = Gazetteer::embedded();
    let dates = DateExtractor::new();
    let tokenizer = Tokenizer::new();
    let pipeline = Pipeline::new();
    let components: [Component<'_>; 4] = [
        ("gazetteer (embedded)", &|t| gazetteer.find_iter(t).count()),
        ("dates", &|t| dates.extract(t, reference).len()),
        ("tokenize", &|t| tokenizer.tokens(t).count()),
        ("pipeline", &|t| {
            let d = pipeline.process(t, reference);
            d.sentences.len() + d.entities.len() + d.dates.len()
        }),
    ];
    let mut csv = String::from("bytes,component,mb_per_s,passes,seconds,results\n");
    let max = if quick { 10_000_000 } else { 100_000_000 };
    let biggest = long_text(&docs, max);
    for (name, run) in components {
        let mut last_rate = f64::INFINITY;
        for size in DOC_SIZES.into_iter().filter(|&s| s <= max) {
            let mut end = size.min(biggest.len());
            while !biggest.is_char_boundary(end) {
                end -= 1;
            }
            let text = &biggest[..end];
            // Skip a size that would take over two minutes at the last rate.
            if text.len() as f64 / last_rate > 120.0 {
                eprintln!("document {name} {size}: skipped, projected over 120 s");
                continue;
            }
            let results = run(text);
            let (mut passes, mut secs) = (0u32, 0.0);
            while passes == 0 || (secs < 0.5 && passes < 10_000) {
                let t = Instant::now();
                assert_eq!(run(text), results);
                secs += t.elapsed().as_secs_f64();
                passes += 1;
            }
            let rate = text.len() as f64 * f64::from(passes) / secs;
            last_rate = rate;
            eprintln!("document {name} {size}: {:.1} MB/s ({passes} passes)", rate / 1e6);
            csv +=
                &format!("{},{name},{:.3},{passes},{secs:.4},{results}\n", text.len(), rate / 1e6);
        }
    }
    std::fs::write(out_dir.join("scaling-document.csv"), csv)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    if let Some(i) = args.iter().position(|a| a == "--child-gazetteer") {
        let n = args.get(i + 1).and_then(|s| s.parse().ok()).expect("--child-gazetteer N");
        child_gazetteer(n, quick);
        return Ok(());
    }
    let out_dir = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs"));
    std::fs::create_dir_all(&out_dir)?;
    let only = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1));
    if only.is_none_or(|o| o == "gazetteer") {
        gazetteer_sizes(&out_dir, quick)?;
    }
    if only.is_none_or(|o| o == "document") {
        document_sizes(&out_dir, quick)?;
    }
    eprintln!("wrote {}/scaling-*.csv", out_dir.display());
    Ok(())
}
