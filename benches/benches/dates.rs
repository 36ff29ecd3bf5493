//! `dates/*`: date and time extraction on the news corpus, single-threaded.
//!
//! * `dates/extract` — `DateExtractor::extract` over every document with a
//!   fixed reference date: anchor scan (dateline-match + digit runs),
//!   region tokenizing, grammar and resolution.
//!
//! The corpus comes from `dateline_benches::load()` (`DATELINE_CORPUS`,
//! default `../shared/corpus/news-en.jsonl.gz`, falling back to the seeds).
//! The number of expressions is computed and checked once before measuring,
//! so a broken build cannot look fast.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dateline_dates::{Date, DateExtractor};

fn bench(c: &mut Criterion) {
    let corpus = dateline_benches::load();
    let extractor = DateExtractor::new();
    let reference: Date = "2024-07-24".parse().expect("valid reference date");
    let count = |ex: &DateExtractor| -> usize {
        corpus.documents.iter().map(|d| ex.extract(d, reference).len()).sum()
    };
    // Warm up and check that the extractor finds dates at all: news text has
    // at least one expression per few hundred bytes.
    let expected = count(&extractor);
    assert!(
        expected as u64 * 2000 >= corpus.total_bytes(),
        "only {expected} expressions in {} bytes",
        corpus.total_bytes()
    );
    let mut group = c.benchmark_group("dates");
    group.throughput(Throughput::Bytes(corpus.total_bytes()));
    group.sample_size(10);
    group.bench_with_input(BenchmarkId::new("extract", &corpus.name), &corpus, |b, corpus| {
        b.iter(|| {
            let n: usize =
                corpus.documents.iter().map(|d| extractor.extract(d, reference).len()).sum();
            assert_eq!(n, expected);
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
