//! Chinese: no spaces between words or sentences, and no abbreviations.
//!
//! - Sentences end on `。！？` and on `…`/`……` whatever follows (no space
//!   comes before the next sentence); a run of terminators ("？！",
//!   "。。") and the closing quotes after it (`」』”`) stay with the
//!   sentence that ends, and so does a `。` after a closing quote
//!   ("呢？”。", as UD Chinese GSDSimp has it). The full-width semicolon
//!   `；` joins clauses of one sentence (GB/T 15834; none of the six in the
//!   UD GSDSimp dev file ends one: splitting there cost 1.8 points of
//!   sentence F1, 99.1 -> 97.3), so it is no stop.
//! - Words come from a dictionary segmenter over runs of Han chars (see
//!   `crate::segment`) with the word list of `data/zh/` (from jieba, MIT;
//!   see its README for what was kept and what that is worth).

use super::Rules;
use crate::segment::Segmenter;
use crate::util::datewords::DateWords;

pub(crate) static RULES: Rules =
    Rules { dates: &DATES, stops: STOPS, segmenter: Some(&SEGMENTER), ..Rules::PLAIN };

/// Sentence ends: full-width and ideographic terminators and the ellipsis
/// ("……" is two of them).
static STOPS: &[char] = &['。', '！', '？', '｡', '…', '‼', '⁇', '⁈', '⁉'];

/// The Chinese word list with counts, compiled on first use.
static SEGMENTER: Segmenter = Segmenter::new(include_str!("../../data/zh/words.txt"));

static DATES: DateWords = DateWords {
    meridiems: &[],
    weekdays: &[],
    weekday_abbreviations: &[],
    months: &[],
    month_abbreviations: &[],
    time_zones: &["UTC", "GMT"],
    zone_heads: &[],
};
