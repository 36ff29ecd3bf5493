//! Shared corpus loading for dateline's criterion benchmarks.
//!
//! The corpus is the Wikinews JSONL file named by `DATELINE_CORPUS`
//! (default `../shared/corpus/news-en.jsonl.gz`, relative to the workspace
//! root). When it is missing, the benches fall back to the seed articles so
//! that `cargo bench` runs anywhere.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One benchmark input: a name for the `BenchmarkId` and the documents.
pub struct Corpus {
    /// Where the text came from, with its size, e.g. `news-en/11.5MB`.
    pub name: String,
    /// The documents' texts.
    pub documents: Vec<String>,
}

impl Corpus {
    /// Total size of all documents in bytes, for `Throughput::Bytes`.
    pub fn total_bytes(&self) -> u64 {
        self.documents.iter().map(|d| d.len() as u64).sum()
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("benches/ sits in the workspace").into()
}

/// Loads the news corpus, or the seed articles when it is not available.
pub fn load() -> Corpus {
    let path = std::env::var_os("DATELINE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/corpus/news-en.jsonl.gz"));
    match read_jsonl_gz(&path) {
        Ok(documents) if !documents.is_empty() => {
            let corpus = Corpus { name: String::new(), documents };
            let mb = corpus.total_bytes() as f64 / 1e6;
            Corpus { name: format!("news-en/{mb:.1}MB"), ..corpus }
        }
        _ => seeds(),
    }
}

fn seeds() -> Corpus {
    let mut documents = Vec::new();
    let dir = workspace_root().join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        if let Ok(text) = std::fs::read_to_string(path) {
            documents.push(text);
        }
    }
    let corpus = Corpus { name: String::new(), documents };
    let kb = corpus.total_bytes() as f64 / 1e3;
    Corpus { name: format!("seeds/{kb:.1}KB"), ..corpus }
}

fn read_jsonl_gz(path: &Path) -> std::io::Result<Vec<String>> {
    let file = std::fs::File::open(path)?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut documents = Vec::new();
    for line in BufReader::new(reader).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)?;
        if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
            documents.push(text.to_owned());
        }
    }
    Ok(documents)
}
