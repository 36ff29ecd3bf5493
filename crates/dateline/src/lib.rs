//! dateline: who, where and when in news text (facade; the pipeline lands here).

pub use dateline_dates as dates;
pub use dateline_gazetteer as gazetteer;
pub use dateline_match as matching;
pub use dateline_tokenize as tokenize;
