//! Dictionary word segmentation for scripts written without spaces.
//!
//! Chinese writes no space between words, so UAX #29 (and this tokenizer
//! without a dictionary) gives one word per Han character: 43 words F1 on
//! UD Chinese GSDSimp. A language whose rules carry a [`Segmenter`]
//! segments each run of Han characters instead:
//!
//! 1. an `aho-corasick` automaton over the word list reports every
//!    dictionary word in the run, overlapping matches included: these are
//!    the edges of a lattice over the run's char boundaries;
//! 2. every char is also an edge of its own (an unknown char scores a
//!    smoothed floor, a count of one), and a run of Chinese numerals is an
//!    edge from its first char to each of its chars ("二十一", "四百五十万":
//!    one number, as UD writes them);
//! 3. the path with the highest sum of log word probabilities (count over
//!    the list's total) wins: one forward pass, as the automaton reports
//!    matches in the order of their ends, and one walk back.
//!
//! The work is linear in the run: a char ends at most as many words as the
//! longest word has chars. Digits, Latin letters and punctuation never
//! enter a run, so "NATO峰会" is "NATO" + "峰会" and "2024年" is "2024" + "年"
//! as before. The automaton is built on first use (a contiguous NFA: the
//! smallest of the crate's automata, and fast enough here), so a program
//! that never reads Chinese pays nothing for it.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// A word list with counts, compiled on first use into a lattice segmenter.
#[derive(Debug)]
pub(crate) struct Segmenter {
    /// The list: one `word count` a line, `#` comments.
    source: &'static str,
    dictionary: OnceLock<Dictionary>,
}

/// The compiled word list.
#[derive(Debug)]
struct Dictionary {
    automaton: AhoCorasick,
    /// Log probability of each pattern, by pattern id.
    scores: Vec<f64>,
    /// Log probability of a char that is no word of the list.
    unknown: f64,
    /// Log probability of a Chinese numeral run.
    number: f64,
}

/// The count a number written in Chinese numerals scores as: that of a
/// fairly common word, so that "二十一" beats "二十" + "一" and "一百二十"
/// beats "一百" + "二十".
const NUMBER_COUNT: f64 = 1000.0;

/// The count an unknown char scores as (the smoothing floor).
const UNKNOWN_COUNT: f64 = 1.0;

/// The longest run segmented at once, in bytes.
const MAX_RUN: usize = 1 << 16;

impl Segmenter {
    /// A segmenter over `source` (see [`Segmenter::source`]); nothing is
    /// parsed or built until the first run is segmented.
    pub(crate) const fn new(source: &'static str) -> Segmenter {
        Segmenter { source, dictionary: OnceLock::new() }
    }

    /// The compiled word list, built on first use.
    fn dictionary(&self) -> &Dictionary {
        self.dictionary.get_or_init(|| Dictionary::build(self.source))
    }

    /// Whether `c` belongs to the runs this segmenter cuts: Han ideographs
    /// and the ideographic zero 〇.
    #[inline]
    pub(crate) fn is_run_char(c: char) -> bool {
        matches!(c as u32,
            0x3007               // 〇
            | 0x3400..=0x4DBF    // CJK Extension A
            | 0x4E00..=0x9FFF    // CJK Unified Ideographs
            | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
            | 0x20000..=0x3FFFF  // CJK Extensions B and later
        )
    }

    /// The end of the run of [`is_run_char`](Self::is_run_char) chars that
    /// starts at `start`, or of its first [`MAX_RUN`] bytes: the lattice
    /// takes 16 bytes per byte of run, and no sentence is that long, so a
    /// longer run (a file without punctuation) is cut in pieces.
    pub(crate) fn run_end(text: &str, start: usize) -> usize {
        text[start..]
            .char_indices()
            .find(|&(i, c)| i >= MAX_RUN || !Segmenter::is_run_char(c))
            .map_or(text.len(), |(i, _)| start + i)
    }

    /// Segments `run` (a run of Han chars) into words; `scratch` holds the
    /// lattice between calls and receives, in `ends`, the end offset of
    /// each word relative to `run`, last word first.
    pub(crate) fn segment(&self, run: &str, scratch: &mut Scratch) {
        let dictionary = self.dictionary();
        let n = run.len();
        let Scratch { best, back, ends, .. } = scratch;
        best.clear();
        best.resize(n + 1, f64::NEG_INFINITY);
        back.clear();
        back.resize(n + 1, 0);
        ends.clear();
        best[0] = 0.0;
        let mut relax = |from: usize, to: usize, score: f64| {
            let candidate = best[from] + score;
            if candidate > best[to] {
                best[to] = candidate;
                back[to] = from;
            }
        };
        let mut matches = dictionary.automaton.find_overlapping_iter(run).peekable();
        let mut numeral_start = None;
        for (i, c) in run.char_indices() {
            let end = i + c.len_utf8();
            relax(i, end, dictionary.unknown);
            if is_numeral(c) {
                let from = *numeral_start.get_or_insert(i);
                if from < i {
                    relax(from, end, dictionary.number);
                }
            } else {
                numeral_start = None;
            }
            // Matches come in the order of their ends, so every word that
            // ends here starts where `best` is already final.
            while let Some(m) = matches.next_if(|m| m.end() <= end) {
                relax(m.start(), m.end(), dictionary.scores[m.pattern().as_usize()]);
            }
        }
        let mut at = n;
        while at > 0 {
            ends.push(at);
            at = back[at];
        }
    }
}

/// The lattice of one run, kept between runs so that segmenting does not
/// allocate once the buffers have grown.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scratch {
    /// Best score of a path from the run's start to each byte offset.
    best: Vec<f64>,
    /// Where the last word of that path starts.
    back: Vec<usize>,
    /// The word ends of the best path, last first.
    pub(crate) ends: Vec<usize>,
    /// For the caller: where the run starts in its text, and where the
    /// next word to hand out starts.
    pub(crate) start: usize,
    pub(crate) next: usize,
}

impl Dictionary {
    /// Parses `source` and builds the automaton. Lines that are not `word
    /// count` are skipped: the embedded list is generated, and a test
    /// checks that every line of it parses.
    fn build(source: &'static str) -> Dictionary {
        let mut words = Vec::new();
        let mut counts = Vec::new();
        for (word, count) in source.lines().filter_map(parse_line) {
            words.push(word);
            counts.push(count);
        }
        let total: f64 = counts.iter().sum::<f64>() + UNKNOWN_COUNT;
        let log_total = total.ln();
        let scores = counts.iter().map(|c| c.ln() - log_total).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&words)
            .expect("a word list of Han words builds (a unit test builds the embedded one)");
        Dictionary {
            automaton,
            scores,
            unknown: UNKNOWN_COUNT.ln() - log_total,
            number: NUMBER_COUNT.ln() - log_total,
        }
    }
}

/// A `word count` line of a word list; `None` for comments, blank lines
/// and anything malformed.
fn parse_line(line: &str) -> Option<(&str, f64)> {
    if line.starts_with('#') {
        return None;
    }
    let (word, count) = line.split_once(' ')?;
    let count: u64 = count.trim_end().parse().ok()?;
    (!word.is_empty() && count > 0).then_some((word, count as f64))
}

/// Whether `c` is a Chinese numeral char.
#[inline]
pub(crate) fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '两'
    )
}

/// Memory and size figures of a compiled word list, for the report and
/// the tests.
#[cfg(test)]
impl Segmenter {
    fn words(&self) -> usize {
        self.dictionary().scores.len()
    }

    fn memory_usage(&self) -> usize {
        let d = self.dictionary();
        d.automaton.memory_usage() + d.scores.len() * size_of::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# a test list\n中国 1000\n乌克兰 300\n和 5000\n乌克 2\n克兰 2\n国和 1\n\
                        二十 100\n一 20000\n日 3000\nbad line\n";

    fn words<'a>(segmenter: &Segmenter, run: &'a str) -> Vec<&'a str> {
        let mut scratch = Scratch::default();
        segmenter.segment(run, &mut scratch);
        let mut from = 0;
        scratch
            .ends
            .iter()
            .rev()
            .map(|&end| {
                let word = &run[from..end];
                from = end;
                word
            })
            .collect()
    }

    #[test]
    fn the_most_probable_path_wins() {
        let segmenter = Segmenter::new(LIST);
        assert_eq!(words(&segmenter, "中国和乌克兰"), ["中国", "和", "乌克兰"]);
        // Unknown chars are words of their own.
        assert_eq!(words(&segmenter, "峰会中国"), ["峰", "会", "中国"]);
        assert_eq!(words(&segmenter, ""), Vec::<&str>::new());
    }

    #[test]
    fn numeral_runs_are_one_number() {
        let segmenter = Segmenter::new(LIST);
        assert_eq!(words(&segmenter, "二十一日"), ["二十一", "日"]);
        assert_eq!(words(&segmenter, "二〇一九"), ["二〇一九"]);
    }

    #[test]
    fn malformed_lines_are_skipped() {
        assert_eq!(Segmenter::new(LIST).words(), 9);
        assert_eq!(parse_line("中国 x"), None);
        assert_eq!(parse_line("中国 0"), None);
        assert_eq!(parse_line(" 3"), None);
    }

    #[test]
    fn long_runs_are_cut_in_pieces() {
        let text = "中".repeat(MAX_RUN);
        assert_eq!(Segmenter::run_end(&text, 0), MAX_RUN + 2);
        assert_eq!(Segmenter::run_end(&text, text.len() - 6), text.len());
    }

    #[test]
    fn runs_stop_at_other_scripts() {
        let text = "NATO峰会在〇七年G7";
        assert_eq!(Segmenter::run_end(text, 4), "NATO峰会在〇七年".len());
        assert!(!Segmenter::is_run_char('G') && !Segmenter::is_run_char('，'));
        assert!(!Segmenter::is_run_char('あ'));
    }

    #[test]
    fn every_line_of_the_embedded_list_parses() {
        let source = include_str!("../data/zh/words.txt");
        let mut lines = 0;
        for (n, line) in source.lines().enumerate() {
            if !line.starts_with('#') {
                lines += 1;
                let (word, _) = parse_line(line)
                    .unwrap_or_else(|| panic!("data/zh/words.txt:{}: {line:?}", n + 1));
                assert!(word.chars().all(Segmenter::is_run_char), "line {}: {word}", n + 1);
            }
        }
        let segmenter = Segmenter::new(source);
        assert_eq!(segmenter.words(), lines);
        assert!(segmenter.memory_usage() > 0);
    }
}

#[cfg(test)]
mod figures {
    use super::*;

    /// The embedded list's size, build time and memory, as the data README
    /// reports them; also a budget. Measure in release:
    /// `cargo test --release -p dateline-tokenize --lib figures -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement; run in release"]
    fn embedded_list_figures() {
        let source = include_str!("../data/zh/words.txt");
        let segmenter = Segmenter::new(source);
        let start = std::time::Instant::now();
        let words = segmenter.words();
        let built = start.elapsed();
        let memory = segmenter.memory_usage();
        eprintln!(
            "{words} words, {} bytes on disk, built in {built:?}, {memory} bytes in memory",
            source.len()
        );
        assert!(memory < 16 << 20, "the automaton outgrew its 16 MiB budget: {memory} bytes");
    }
}
