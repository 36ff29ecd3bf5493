//! Shared fixtures: the seed documents and pipelines built once.

use std::sync::OnceLock;

use dateline::{Date, Pipeline};

/// The seed documents with their reference dates (`seeds/`).
pub fn seed_documents() -> Vec<(&'static str, Date)> {
    let texts = [
        include_str!("../../seeds/000_6893e9d60b43f7bd.txt"),
        include_str!("../../seeds/001_summit.txt"),
        include_str!("../../seeds/002_markets.txt"),
        include_str!("../../seeds/003_unicode.txt"),
        include_str!("../../seeds/004_names_and_false_dates.txt"),
    ];
    let dates = ["2024-07-24", "2024-03-12", "2024-05-29", "2024-06-26", "2024-06-20"];
    texts.into_iter().zip(dates).map(|(t, d)| (t, d.parse().expect("a valid date"))).collect()
}

/// The default pipeline (embedded gazetteer), keeping tokens.
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::builder().tokens(true).build().expect("valid settings"))
}

/// A reference date for tests that do not care which.
pub fn reference() -> Date {
    Date::new(2024, 7, 24).expect("a valid date")
}
