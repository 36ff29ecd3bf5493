//! `pipeline/*`: the whole `Pipeline` (sentences, embedded gazetteer, dates,
//! overlap resolution) over the news corpus.
//!
//! * `pipeline/process` — `Pipeline::process` on every document in turn, on
//!   one thread.
//! * `pipeline/process-batch` — `Pipeline::process_batch` on all documents
//!   at once, in parallel on rayon's global pool (one thread per core).
//!
//! The corpus comes from `dateline_benches::load()` (`DATELINE_CORPUS`,
//! default `../shared/corpus/news-en.jsonl.gz`, falling back to the seeds).
//! Before measuring, the sentence, entity and date counts are computed once,
//! checked against the figures recorded for the news corpus (within 2%, so
//! that a grammar or gazetteer tweak elsewhere does not break the bench but
//! a broken build does), and the batch is checked to equal the sequential
//! results.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dateline::{Date, Document, Pipeline};

/// Counts on `news-en.jsonl.gz` (11.5 MB, 6,064 documents) with reference
/// date 2024-07-24, recorded 2026-12-06 (after the news sentence rules, the
/// larger default gazetteer and the context rules): sentences, entities,
/// dates.
const NEWS_EN_COUNTS: (usize, usize, usize) = (83_839, 73_131, 32_565);

fn counts(documents: &[Document]) -> (usize, usize, usize) {
    documents.iter().fold((0, 0, 0), |(s, e, d), doc| {
        (s + doc.sentences.len(), e + doc.entities.len(), d + doc.dates.len())
    })
}

fn near(found: usize, recorded: usize) -> bool {
    found.abs_diff(recorded) * 50 <= recorded
}

fn bench(c: &mut Criterion) {
    let corpus = dateline_benches::load();
    let pipeline = Pipeline::new();
    let reference: Date = "2024-07-24".parse().expect("valid reference date");
    let batch: Vec<(&str, Date)> =
        corpus.documents.iter().map(|d| (d.as_str(), reference)).collect();

    // Warm up (the embedded gazetteer compiles on first use) and check.
    let sequential: Vec<Document> =
        corpus.documents.iter().map(|d| pipeline.process(d, reference)).collect();
    let found = counts(&sequential);
    if corpus.name.starts_with("news-en/") {
        let (s, e, d) = NEWS_EN_COUNTS;
        assert!(
            near(found.0, s) && near(found.1, e) && near(found.2, d),
            "sentences, entities, dates on {}: {found:?}, recorded {NEWS_EN_COUNTS:?}",
            corpus.name
        );
    } else {
        assert!(found.0 > 0 && found.1 > 0 && found.2 > 0, "{found:?} on {}", corpus.name);
    }
    assert!(pipeline.process_batch(&batch) == sequential, "the batch differs from one by one");
    eprintln!("pipeline on {}: {found:?} (sentences, entities, dates)", corpus.name);

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(corpus.total_bytes()));
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.bench_function(BenchmarkId::new("process", &corpus.name), |b| {
        b.iter(|| {
            let docs: Vec<Document> = corpus
                .documents
                .iter()
                .map(|d| pipeline.process(black_box(d), reference))
                .collect();
            assert_eq!(docs.len(), sequential.len());
            docs
        })
    });
    group.bench_function(BenchmarkId::new("process-batch", &corpus.name), |b| {
        b.iter(|| {
            let docs = pipeline.process_batch(black_box(&batch));
            assert_eq!(docs.len(), sequential.len());
            docs
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
