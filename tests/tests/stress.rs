//! One `Pipeline` (and one `Gazetteer`) used from many threads at once
//! gives exactly the sequential results.

use std::sync::Barrier;

use dateline::{Document, Gazetteer, find_entities_batch};

use crate::common::{pipeline, seed_documents};

const THREADS: usize = 8;
const ROUNDS: usize = 3;

#[test]
fn eight_threads_share_one_pipeline() {
    let documents = seed_documents();
    let pipeline = pipeline();
    let sequential: Vec<Document> =
        documents.iter().map(|&(text, date)| pipeline.process(text, date)).collect();
    assert!(sequential.iter().all(|d| !d.entities.is_empty() && !d.dates.is_empty()));
    let barrier = Barrier::new(THREADS);
    std::thread::scope(|scope| {
        for t in 0..THREADS {
            let (documents, sequential, barrier) = (&documents, &sequential, &barrier);
            scope.spawn(move || {
                barrier.wait();
                for round in 0..ROUNDS {
                    // Each thread walks the documents from a different start.
                    for k in 0..documents.len() {
                        let i = (k + t + round) % documents.len();
                        let (text, date) = documents[i];
                        assert_eq!(pipeline.process(text, date), sequential[i], "doc {i}");
                    }
                }
            });
        }
    });
    // Batches running in parallel with each other agree too.
    let batch: Vec<(&str, dateline::Date)> =
        documents.iter().cycle().take(documents.len() * 4).copied().collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            (0..4).map(|_| scope.spawn(|| pipeline.process_batch(&batch))).collect();
        for handle in handles {
            let results = handle.join().expect("no panic");
            for (i, result) in results.iter().enumerate() {
                assert_eq!(result, &sequential[i % documents.len()]);
            }
        }
    });
}

#[test]
fn eight_threads_share_one_gazetteer() {
    let gazetteer = Gazetteer::embedded();
    let texts: Vec<&str> = seed_documents().into_iter().map(|(text, _)| text).collect();
    let resolver = dateline::Resolver::new();
    let sequential = find_entities_batch(gazetteer, &resolver, &texts);
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| {
                for _ in 0..ROUNDS {
                    assert_eq!(find_entities_batch(gazetteer, &resolver, &texts), sequential);
                    for (text, expected) in texts.iter().zip(&sequential) {
                        let found: Vec<dateline::Entity> = resolver
                            .find(gazetteer, text)
                            .iter()
                            .map(dateline::Entity::from_resolved)
                            .collect();
                        assert_eq!(&found, expected);
                    }
                }
            });
        }
    });
}
