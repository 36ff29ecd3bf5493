//! `gazetteer/*`: the embedded default gazetteer.
//!
//! * `gazetteer/find/embedded` — `Gazetteer::find_iter` over every document
//!   of the corpus (`dateline_benches::load()`), counting entities; the
//!   count is checked once before measuring.
//! * `gazetteer/find/embedded-fr` — the same with `find_iter_in(Lang::Fr)`:
//!   the French names' search (more forms) over the same English text, for
//!   the engine's speed in another language.
//! * `gazetteer/load/*` — what `Gazetteer::embedded()` costs on first use
//!   (`parse-and-compile`: the embedded TSV parsed and compiled), compiling
//!   already-parsed entries (`compile`), reading a saved compiled copy
//!   (`from-bytes`, what the `dateline` command does at start-up), and that
//!   plus compiling the French search on its first use (`from-bytes+fr`,
//!   the command's start-up in French).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dateline::gazetteer::{Gazetteer, Lang};

/// The embedded data, to time the first-use cost of `Gazetteer::embedded()`.
const DEFAULT_TSV: &str = include_str!("../../crates/dateline-gazetteer/data/default.tsv");

/// Entities the embedded gazetteer finds in `news-en.jsonl.gz` (11.5 MB,
/// 6,064 documents). Update together with `data/default.tsv` (75,560 since
/// the reading rounds' data changes: no English word as a country's alternate
/// name ("Island"), organizations in both spellings, historical states,
/// "Quebec" the province, bare "Congo"; 75,587 since Arabic place names
/// without their article and "Washington D.C."; 75,521 before; 75,318 since
/// the first-level divisions, territories, NORP groups, institutions and news
/// organizations were added; 62,356 before).
const NEWS_EN_ENTITIES: usize = 75_560;

fn find(c: &mut Criterion) {
    let corpus = dateline_benches::load();
    let gazetteer = Gazetteer::embedded();
    let count =
        |g: &Gazetteer| -> usize { corpus.documents.iter().map(|d| g.find_iter(d).count()).sum() };
    let found = count(gazetteer);
    if corpus.name.starts_with("news-en/") {
        assert_eq!(found, NEWS_EN_ENTITIES, "entity count on {}", corpus.name);
    } else {
        assert!(found > 0, "no entity found in {}", corpus.name);
    }
    let mut group = c.benchmark_group("gazetteer/find");
    group.throughput(Throughput::Bytes(corpus.total_bytes()));
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function(BenchmarkId::new("embedded", &corpus.name), |b| {
        b.iter(|| assert_eq!(count(black_box(gazetteer)), found))
    });
    let count_fr = |g: &Gazetteer| -> usize {
        corpus.documents.iter().map(|d| g.find_iter_in(Lang::Fr, d).count()).sum()
    };
    let found_fr = count_fr(gazetteer);
    assert!(found_fr > 0, "no entity found in French in {}", corpus.name);
    group.bench_function(BenchmarkId::new("embedded-fr", &corpus.name), |b| {
        b.iter(|| assert_eq!(count_fr(black_box(gazetteer)), found_fr))
    });
    group.finish();
}

fn load(c: &mut Criterion) {
    let embedded = Gazetteer::embedded();
    let bytes = embedded.to_bytes().expect("the embedded gazetteer saves");
    let mut group = c.benchmark_group("gazetteer/load");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("parse-and-compile", |b| {
        b.iter(|| {
            let mut builder = Gazetteer::builder();
            builder.add_tsv_reader(black_box(DEFAULT_TSV).as_bytes()).expect("valid TSV");
            builder.build().expect("compiles")
        })
    });
    group.bench_function("compile", |b| {
        b.iter(|| Gazetteer::builder().gazetteer(black_box(embedded)).build().expect("compiles"))
    });
    group.bench_function("from-bytes", |b| {
        b.iter(|| Gazetteer::from_bytes(black_box(&bytes)).expect("valid bytes"))
    });
    group.bench_function("from-bytes+fr", |b| {
        b.iter(|| {
            let gazetteer = Gazetteer::from_bytes(black_box(&bytes)).expect("valid bytes");
            gazetteer.find_in(Lang::Fr, "").len()
        })
    });
    group.finish();
}

criterion_group!(benches, find, load);
criterion_main!(benches);
