//! `match/*`: the matching core against raw aho-corasick on the news corpus
//! with the countries + cities gazetteer forms.
//!
//! * `match/raw-aho-corasick` — aho-corasick's contiguous NFA,
//!   leftmost-longest, over text lowercased before timing, counting
//!   matches: no Unicode folding, no boundaries.
//! * `match/dateline` — `dateline_match::Matcher::find_iter` on the
//!   original text: Unicode case, typographic and accent folding, token
//!   boundaries, case policies, offsets mapped back.
//! * `match/dateline-prenormalized` — the same search over texts normalized
//!   beforehand (what a pipeline sharing one normalization pays per
//!   matcher).
//!
//! Gazetteer forms come from `$DATELINE_GAZETTEERS/{countries,cities}.tsv`
//! (default `../shared/gazetteers`, relative to the workspace root), falling
//! back to a small built-in list.

use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind as AcMatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dateline_match::{CasePolicy, Matcher, Pattern};

/// Used when the shared gazetteers are not available.
const FALLBACK: &[&str] = &[
    "China",
    "Russia",
    "Ukraine",
    "United States",
    "US",
    "Iran",
    "Israel",
    "Gaza",
    "Kyiv",
    "Moscow",
    "Beijing",
    "Washington",
    "London",
    "Paris",
    "Berlin",
    "New York",
    "Switzerland",
    "European Union",
    "NATO",
    "United Kingdom",
    "Japan",
    "India",
    "Brazil",
    "Canada",
];

fn gazetteer_dir() -> PathBuf {
    std::env::var_os("DATELINE_GAZETTEERS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/gazetteers"))
}

/// The `name` column of a gazetteer TSV with its `case` column
/// (`exact` → case-sensitive, anything else → insensitive).
fn read_forms(path: &Path) -> Option<Vec<(String, CasePolicy)>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next()?.split('\t').collect();
    let name = header.iter().position(|&h| h == "name")?;
    let case = header.iter().position(|&h| h == "case");
    let mut forms = Vec::new();
    for line in lines.filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let Some(&form) = fields.get(name) else { continue };
        if form.trim().is_empty() {
            continue;
        }
        let policy = match case.and_then(|c| fields.get(c)) {
            Some(&"exact") => CasePolicy::Sensitive,
            _ => CasePolicy::Insensitive,
        };
        forms.push((form.to_owned(), policy));
    }
    Some(forms)
}

fn forms() -> (String, Vec<(String, CasePolicy)>) {
    let dir = gazetteer_dir();
    let mut forms = Vec::new();
    for file in ["countries.tsv", "cities.tsv"] {
        match read_forms(&dir.join(file)) {
            Some(f) => forms.extend(f),
            None => {
                let fallback = FALLBACK.iter().map(|f| (f.to_string(), CasePolicy::Insensitive));
                return ("builtin".into(), fallback.collect());
            }
        }
    }
    (format!("countries+cities/{}k", forms.len() / 1000), forms)
}

fn bench_match(c: &mut Criterion) {
    let corpus = dateline_benches::load();
    let (gazetteer, forms) = forms();
    let id = format!("{}/{}", corpus.name, gazetteer);

    let matcher = Matcher::builder()
        .build(forms.iter().map(|(f, p)| Pattern::new(f.as_str(), *p)))
        .expect("gazetteer forms are valid patterns");
    let lowered: Vec<String> = corpus.documents.iter().map(|d| d.to_lowercase()).collect();
    let raw = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .match_kind(AcMatchKind::LeftmostLongest)
        .build(forms.iter().map(|(f, _)| f.to_lowercase()))
        .expect("aho-corasick builds");
    let normalizer = matcher.normalizer();
    let normalized: Vec<_> = corpus.documents.iter().map(|d| normalizer.normalize(d)).collect();

    let count_raw = || lowered.iter().map(|d| raw.find_iter(d).count()).sum::<usize>();
    let count_dateline =
        || corpus.documents.iter().map(|d| matcher.find_iter(d).count()).sum::<usize>();
    let count_normalized =
        || normalized.iter().map(|n| matcher.find_iter_normalized(n).count()).sum::<usize>();

    // Check once, before timing, that both sides do real work.
    let (raw_count, dateline_count) = (count_raw(), count_dateline());
    eprintln!("match/{id}: raw aho-corasick {raw_count} matches, dateline {dateline_count}");
    assert!(raw_count > 0 && dateline_count > 0, "no matches: broken setup");
    // Boundaries only remove raw hits; folding adds a few back.
    assert!(dateline_count < raw_count, "dateline found more than raw aho-corasick");
    assert_eq!(count_normalized(), dateline_count);

    let mut group = c.benchmark_group("match");
    group.throughput(Throughput::Bytes(corpus.total_bytes()));
    // Each iteration reads the whole corpus: few samples suffice.
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("raw-aho-corasick", &id), |b| b.iter(count_raw));
    group.bench_function(BenchmarkId::new("dateline", &id), |b| b.iter(count_dateline));
    group.bench_function(BenchmarkId::new("dateline-prenormalized", &id), |b| {
        b.iter(count_normalized)
    });
    group.finish();
}

/// Used when the UD Chinese dev text is not available.
const FALLBACK_CHINESE: &str = "国务院总理李强在北京会见了乌克兰外长，双方就联合国和北约的作用交换了意见。\
    俄罗斯总统普京当天在莫斯科表示，华盛顿和基辅的谈判没有进展。\
    上海和广州的代表也参加了在日内瓦举行的会议。";

/// Chinese text: the `# text` lines of the UD Chinese GSDSimp dev set
/// (`$DATELINE_ZH_CONLLU`, default `../shared/eval/tokenize/zh/`), joined
/// into documents of 20 sentences; else a built-in paragraph.
fn chinese_documents() -> (String, Vec<String>) {
    let path = std::env::var_os("DATELINE_ZH_CONLLU").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/eval/tokenize/zh/zh_gsdsimp-ud-dev.conllu")
    });
    let Ok(conllu) = std::fs::read_to_string(&path) else {
        return ("builtin-zh".into(), vec![FALLBACK_CHINESE.repeat(20)]);
    };
    let sentences: Vec<&str> = conllu.lines().filter_map(|l| l.strip_prefix("# text = ")).collect();
    let documents: Vec<String> = sentences.chunks(20).map(|chunk| chunk.concat()).collect();
    ("ud-zh-gsdsimp-dev".into(), documents)
}

/// Whether a name is written in Han characters (its first char is one).
fn is_han(name: &str) -> bool {
    name.chars().next().is_some_and(|c| matches!(c, '\u{3400}'..='\u{9FFF}'))
}

/// `unspaced/*`: text without spaces, where every character may start a
/// name. The same matcher (the gazetteer forms written in Han characters)
/// runs its Aho-Corasick engine (`aho-corasick`) or walks its trie from
/// every character (`trie-every-char`).
fn bench_unspaced(c: &mut Criterion) {
    let (corpus, documents) = chinese_documents();
    // The embedded gazetteer's Chinese names (issue 14: 北京, 基辅, 联合国,
    // the Han names of large cities), else the shared files' Han forms.
    let embedded = dateline::Gazetteer::embedded();
    let mut names: Vec<&str> = embedded
        .entries()
        .filter(|e| e.langs().any(|l| l == dateline::Lang::Zh))
        .map(|e| e.name())
        .filter(|f| is_han(f))
        .collect();
    names.sort_unstable();
    names.dedup();
    let (_, forms) = forms();
    if names.len() < 10 {
        names = forms.iter().map(|(f, _)| f.as_str()).filter(|f| is_han(f)).collect();
    }
    if names.len() < 10 {
        names = vec![
            "北京",
            "乌克兰",
            "联合国",
            "北约",
            "俄罗斯",
            "莫斯科",
            "华盛顿",
            "基辅",
            "上海",
            "日内瓦",
        ];
    }
    let id = format!("{corpus}/han-names/{}", names.len());
    let automaton = Matcher::new(names.iter().copied()).expect("names are valid patterns");
    let trie = Matcher::builder()
        .unspaced_automaton(false)
        .build(names.iter().copied())
        .expect("names are valid patterns");
    let count = |m: &Matcher| documents.iter().map(|d| m.find_iter(d).count()).sum::<usize>();
    let found = count(&automaton);
    eprintln!("unspaced/{id}: {found} matches");
    assert!(found > 0, "no matches: broken setup");
    assert_eq!(found, count(&trie), "the engines disagree");

    let bytes: usize = documents.iter().map(String::len).sum();
    let mut group = c.benchmark_group("unspaced");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(BenchmarkId::new("aho-corasick", &id), |b| b.iter(|| count(&automaton)));
    group.bench_function(BenchmarkId::new("trie-every-char", &id), |b| b.iter(|| count(&trie)));
    group.finish();
}

criterion_group!(benches, bench_match, bench_unspaced);
criterion_main!(benches);
