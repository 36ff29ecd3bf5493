//! Matching throughput on a JSONL corpus with TSV gazetteer forms, in
//! thread CPU time (best of 10 rounds), so that numbers taken on a busy
//! machine stay comparable; wall-clock figures come from the criterion
//! bench, `cargo bench -p dateline-benches --bench match`. Runs the same
//! baseline as the bench: raw aho-corasick (contiguous NFA,
//! leftmost-longest) over pre-lowercased text, counting matches.
//!
//! ```text
//! cargo run --release -p dateline-match --example throughput -- \
//!     ../shared/corpus/news-en.jsonl.gz ../shared/gazetteers/countries.tsv \
//!     ../shared/gazetteers/cities.tsv
//! ```

use std::error::Error;
use std::io::{BufRead, BufReader, Read};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use dateline_match::{CasePolicy, Matcher, Pattern};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (corpus, gazetteers) = args.split_first().ok_or("usage: throughput CORPUS TSV...")?;
    let documents = read_corpus(corpus)?;
    let bytes: usize = documents.iter().map(String::len).sum();
    let mut patterns = Vec::new();
    for path in gazetteers {
        let text = std::fs::read_to_string(path)?;
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().ok_or("empty gazetteer")?.split('\t').collect();
        let name = header.iter().position(|&h| h == "name").ok_or("no name column")?;
        let case = header.iter().position(|&h| h == "case");
        for line in lines {
            let fields: Vec<&str> = line.split('\t').collect();
            let Some(form) = fields.get(name).filter(|f| !f.trim().is_empty()) else { continue };
            let policy = match case.and_then(|c| fields.get(c)) {
                Some(&"exact") => CasePolicy::Sensitive,
                _ => CasePolicy::Insensitive,
            };
            patterns.push(Pattern::new(*form, policy));
        }
    }
    let matcher = Matcher::new(&patterns)?;
    let lowered: Vec<String> = documents.iter().map(|d| d.to_lowercase()).collect();
    let raw = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns.iter().map(|p| p.text().to_lowercase()))?;
    eprintln!(
        "{} documents, {:.1} MB, {} patterns",
        documents.len(),
        bytes as f64 / 1e6,
        patterns.len()
    );
    let (count, dateline) =
        best_of_10(|| documents.iter().map(|d| matcher.find_iter(d).count()).sum::<usize>());
    let (raw_count, raw) =
        best_of_10(|| lowered.iter().map(|d| raw.find_iter(d).count()).sum::<usize>());
    let mbs = |seconds: f64| bytes as f64 / 1e6 / seconds;
    eprintln!("dateline:         {count} matches, {:.1} MB/s of CPU time", mbs(dateline));
    eprintln!("raw aho-corasick: {raw_count} matches, {:.1} MB/s of CPU time", mbs(raw));
    eprintln!("ratio: {:.2}x", raw / dateline);
    Ok(())
}

/// Runs `f` ten times and returns its result and the best CPU time: on a
/// shared machine, interference only ever makes a round slower.
fn best_of_10(mut f: impl FnMut() -> usize) -> (usize, f64) {
    let mut best = f64::INFINITY;
    let mut result = 0;
    for _ in 0..10 {
        let started = cpu_seconds();
        result = f();
        best = best.min(cpu_seconds() - started);
    }
    (result, best)
}

/// CPU time of this thread in seconds, from `/proc/thread-self/schedstat`
/// (nanoseconds on the CPU, Linux).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace().next().and_then(|ns| ns.parse::<f64>().ok()).unwrap_or(0.0) / 1e9
}

/// The `text` field of each JSON line (gzipped or not).
fn read_corpus(path: &str) -> Result<Vec<String>, Box<dyn Error>> {
    let file = std::fs::File::open(path)?;
    let reader: Box<dyn Read> = if path.ends_with(".gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut documents = Vec::new();
    for line in BufReader::new(reader).lines() {
        let line = line?;
        if let Some(at) = line.find("\"text\": \"").map(|i| i + 9) {
            documents.push(json_string(&line[at..]).ok_or("bad JSON string")?);
        }
    }
    Ok(documents)
}

/// Decodes a JSON string body up to its closing quote.
fn json_string(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'u' => {
                    let hex = |chars: &mut std::str::Chars<'_>| {
                        let h: String = chars.take(4).collect();
                        u32::from_str_radix(&h, 16).ok()
                    };
                    let mut code = hex(&mut chars)?;
                    if (0xD800..0xDC00).contains(&code) {
                        let (_, _) = (chars.next()?, chars.next()?);
                        let low = hex(&mut chars)?;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}
