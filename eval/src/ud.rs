//! `dateline-eval tokenize`: treebank-mode tokenization and sentence
//! splitting scored on a CoNLL-U file the CoNLL 2018 shared-task way.
//!
//! The raw text is rebuilt from the `# text` lines: sentences of a
//! paragraph are joined by a space (nothing when the last token has
//! `SpaceAfter=No`), and paragraphs (`# newpar`) and documents (`# newdoc`)
//! are separated by a blank line. The system tokenizes and splits that text.
//! As in `conll18_ud_eval.py`, spans are compared in the space of the
//! non-whitespace characters, so the two sides need not agree on spacing;
//! tokens and sentences are matched by exact span, and words are aligned by
//! span, or inside multiword tokens by the longest common subsequence of
//! their lowercased forms. System tokens that are clitics glued to their
//! host (`do` + `n't`, `China` + `'s`, `gon` + `na`) form one multiword
//! token, as UD English writes them; in other languages, letter runs that
//! treebank mode split apart (Spanish `quedar` + `se`) do the same. A token
//! that carries its syntactic words (German `zum` = `zu` + `dem`) is a
//! multiword token whose words are those forms.
//!
//! `--lang xx` scores every `*.conllu` file of `<dir>/xx/` (English: the EWT
//! dev file) with that language's rules, one report per file: `--lang es`
//! gives AnCora and GSD, `--lang ru` GSD and Taiga.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use dateline_tokenize::{Lang, Mode, SentenceSplitter, Tokenizer};

/// Arguments of `dateline-eval tokenize`.
#[derive(clap::Args)]
pub struct Args {
    /// The CoNLL-U file (default: the dev files of `--lang` under `--dir`).
    conllu: Option<PathBuf>,
    /// The language whose rules tokenize and split the text.
    #[arg(long, default_value = "en")]
    lang: Lang,
    /// The folder of UD dev files, one sub-folder per language (`en`
    /// reads `ud-ewt/`); default ../shared/eval/tokenize, or under
    /// `$DATELINE_SHARED`.
    #[arg(long, default_value_os_t = default_dir())]
    dir: PathBuf,
    /// Print this many sample errors per level (words and sentences).
    #[arg(long, default_value_t = 0)]
    errors: usize,
}

/// A span in non-whitespace character offsets.
type CharSpan = (usize, usize);

/// One word: its form and the span of the token it belongs to.
#[derive(Clone, Debug)]
struct Word {
    form: String,
    span: CharSpan,
    multiword: bool,
}

#[derive(Default)]
struct Side {
    tokens: Vec<CharSpan>,
    words: Vec<Word>,
    sentences: Vec<CharSpan>,
    chars: usize,
}

/// The gold side and the raw text rebuilt from it.
struct Gold {
    side: Side,
    text: String,
}

pub fn run(args: &Args) -> Result<()> {
    let paths = match &args.conllu {
        Some(path) => vec![path.clone()],
        None => dev_files(&args.dir, args.lang)?,
    };
    for (n, path) in paths.iter().enumerate() {
        if n > 0 {
            writeln!(std::io::stdout().lock())?;
        }
        run_file(args, path)?;
    }
    Ok(())
}

/// The `*.conllu` files of `lang` under `dir`, sorted.
fn dev_files(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>> {
    let folder = dir.join(if lang == Lang::En { "ud-ewt" } else { lang.code() });
    let mut paths = Vec::new();
    let entries = std::fs::read_dir(&folder)
        .with_context(|| format!("reading the {} dev folder {}", lang.name(), folder.display()))?;
    for entry in entries {
        let path = entry.with_context(|| format!("reading {}", folder.display()))?.path();
        if path.extension().is_some_and(|e| e == "conllu") {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        bail!("no .conllu file in {}", folder.display());
    }
    Ok(paths)
}

fn run_file(args: &Args, path: &Path) -> Result<()> {
    let source = std::fs::read_to_string(path)
        .with_context(|| format!("reading CoNLL-U file {}", path.display()))?;
    let gold = parse(&source).with_context(|| format!("parsing {}", path.display()))?;
    let system = system(&gold.text, args.lang);
    if system.chars != gold.side.chars {
        bail!(
            "the rebuilt text has {} non-space chars but the gold forms have {}",
            system.chars,
            gold.side.chars
        );
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "UD evaluation of treebank mode ({}) on {}", args.lang, path.display())?;
    writeln!(
        out,
        "{} bytes of text, {} gold sentences",
        gold.text.len(),
        gold.side.sentences.len()
    )?;
    writeln!(out, "Metric     | Precision |    Recall |  F1 Score")?;
    writeln!(out, "-----------+-----------+-----------+-----------")?;
    let tokens = spans_score(&gold.side.tokens, &system.tokens);
    let sentences = spans_score(&gold.side.sentences, &system.sentences);
    let aligned = align_words(&gold.side.words, &system.words);
    let words = Score::new(aligned.len(), gold.side.words.len(), system.words.len());
    for (name, score) in [("Tokens", tokens), ("Sentences", sentences), ("Words", words)] {
        writeln!(
            out,
            "{name:<10} | {:9.2} | {:9.2} | {:9.2}",
            100.0 * score.precision(),
            100.0 * score.recall(),
            100.0 * score.f1()
        )?;
    }
    if args.errors > 0 {
        print_errors(&mut out, &gold, &system, &aligned, args.errors)?;
    }
    Ok(())
}

fn default_dir() -> PathBuf {
    crate::timex::shared("eval/tokenize")
}

/// Parses gold tokens, words and sentences and rebuilds the raw text.
fn parse(source: &str) -> Result<Gold> {
    let mut side = Side::default();
    let mut text = String::new();
    let mut index = 0;
    let mut sentence_start: Option<usize> = None;
    let mut sentence_text: Option<String> = None;
    let mut new_par = false;
    let mut space_after_last = true;
    // Words still expected inside the current multiword token.
    let mut pending_words = 0usize;
    let mut forms = String::new();
    for (n, line) in source.lines().enumerate() {
        let line_no = n + 1;
        if line.is_empty() {
            if let Some(start) = sentence_start.take() {
                side.sentences.push((start, index));
                let sentence = sentence_text.take().unwrap_or_else(|| forms.clone());
                if !text.is_empty() {
                    text.push_str(if new_par {
                        "\n\n"
                    } else if space_after_last {
                        " "
                    } else {
                        ""
                    });
                }
                text.push_str(&sentence);
                new_par = false;
                forms.clear();
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if comment.starts_with("newdoc") || comment.starts_with("newpar") {
                new_par = true;
            } else if let Some(t) = comment.strip_prefix("text =") {
                sentence_text = Some(t.trim().to_owned());
            }
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            bail!("line {line_no}: expected 10 tab-separated columns, found {}", columns.len());
        }
        let (id, form, misc) = (columns[0], columns[1], columns[9]);
        if id.contains('.') {
            continue;
        }
        sentence_start.get_or_insert(index);
        let form: String = form.chars().filter(|c| !c.is_whitespace()).collect();
        let space_after = !misc.split('|').any(|f| f == "SpaceAfter=No");
        if let Some((a, b)) = id.split_once('-') {
            let (a, b): (usize, usize) = (
                a.parse().with_context(|| format!("line {line_no}: bad id {id:?}"))?,
                b.parse().with_context(|| format!("line {line_no}: bad id {id:?}"))?,
            );
            let len = form.chars().count();
            side.tokens.push((index, index + len));
            index += len;
            pending_words = b + 1 - a;
            push_form(&mut forms, columns[1], space_after);
            space_after_last = space_after;
            continue;
        }
        if pending_words > 0 {
            pending_words -= 1;
            let span = *side.tokens.last().expect("a multiword token precedes its words");
            side.words.push(Word { form, span, multiword: true });
            continue;
        }
        let len = form.chars().count();
        side.tokens.push((index, index + len));
        side.words.push(Word { form, span: (index, index + len), multiword: false });
        index += len;
        push_form(&mut forms, columns[1], space_after);
        space_after_last = space_after;
    }
    if let Some(start) = sentence_start {
        side.sentences.push((start, index));
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence_text.unwrap_or(forms));
    }
    side.chars = index;
    Ok(Gold { side, text })
}

fn push_form(forms: &mut String, form: &str, space_after: bool) {
    forms.push_str(form);
    if space_after {
        forms.push(' ');
    }
}

/// Tokenizes and splits `text` with `lang`'s rules; groups clitics into
/// multiword tokens.
fn system(text: &str, lang: Lang) -> Side {
    // Non-whitespace chars before each byte offset.
    let mut nonspace = vec![0usize; text.len() + 1];
    let mut count = 0;
    for (i, c) in text.char_indices() {
        for slot in &mut nonspace[i..i + c.len_utf8()] {
            *slot = count;
        }
        if !c.is_whitespace() {
            count += 1;
        }
    }
    nonspace[text.len()] = count;
    let mut side = Side { chars: count, ..Side::default() };
    let tokenizer = Tokenizer::builder().mode(Mode::Treebank).lang(lang).build();
    let tokens = tokenizer.tokenize(text);
    let mut i = 0;
    while i < tokens.len() {
        let words = tokens[i].words();
        if !words.is_empty() {
            let span = (nonspace[tokens[i].start()], nonspace[tokens[i].end()]);
            side.tokens.push(span);
            for form in words {
                side.words.push(Word { form: (*form).to_owned(), span, multiword: true });
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && tokens[j].start() == tokens[j - 1].end()
            && tokens[j].words().is_empty()
            && is_clitic(&text[tokens[j - 1].span()], &text[tokens[j].span()], lang)
        {
            j += 1;
        }
        let span = (nonspace[tokens[i].start()], nonspace[tokens[j - 1].end()]);
        side.tokens.push(span);
        for token in &tokens[i..j] {
            let form = text[token.span()].to_owned();
            let (span, multiword) = if j - i > 1 {
                (span, true)
            } else {
                ((nonspace[token.start()], nonspace[token.end()]), false)
            };
            side.words.push(Word { form, span, multiword });
        }
        i = j;
    }
    for sentence in SentenceSplitter::builder().lang(lang).build().sentences(text) {
        side.sentences.push((nonspace[sentence.start], nonspace[sentence.end]));
    }
    side
}

/// Whether `next` is a clitic glued to `prev` (UD writes the pair as one
/// multiword token).
fn is_clitic(prev: &str, next: &str, lang: Lang) -> bool {
    if lang == Lang::Zh {
        // Chinese words are letter runs the segmenter cut apart: words of
        // their own, scored by span, not parts of one multiword token.
        return false;
    }
    if lang != Lang::En {
        // Only a verb and its pronouns ("quedar" + "se") are letter runs
        // that treebank mode splits.
        return prev.chars().all(char::is_alphabetic) && next.chars().all(char::is_alphabetic);
    }
    let lower = next.to_lowercase().replace(['’', 'ʼ'], "'");
    if matches!(lower.as_str(), "'s" | "'m" | "'d" | "'ll" | "'re" | "'ve" | "n't") {
        return prev.chars().all(char::is_alphanumeric);
    }
    // Apostrophe-less contractions ("gon" + "na", "can" + "not") are the
    // only letter runs the tokenizer splits.
    prev.chars().all(|c| c.is_ascii_alphabetic()) && next.chars().all(|c| c.is_ascii_alphabetic())
}

#[derive(Clone, Copy, Debug)]
struct Score {
    correct: usize,
    gold: usize,
    system: usize,
}

impl Score {
    fn new(correct: usize, gold: usize, system: usize) -> Score {
        Score { correct, gold, system }
    }

    fn precision(&self) -> f64 {
        if self.system == 0 { 0.0 } else { self.correct as f64 / self.system as f64 }
    }

    fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.correct as f64 / self.gold as f64 }
    }

    fn f1(&self) -> f64 {
        let total = self.gold + self.system;
        if total == 0 { 0.0 } else { 2.0 * self.correct as f64 / total as f64 }
    }
}

/// Exact-span matching of two sorted span lists.
fn spans_score(gold: &[CharSpan], system: &[CharSpan]) -> Score {
    let (mut gi, mut si, mut correct) = (0, 0, 0);
    while gi < gold.len() && si < system.len() {
        if system[si].0 < gold[gi].0 {
            si += 1;
        } else if gold[gi].0 < system[si].0 {
            gi += 1;
        } else {
            correct += usize::from(gold[gi].1 == system[si].1);
            gi += 1;
            si += 1;
        }
    }
    Score::new(correct, gold.len(), system.len())
}

/// Aligned `(gold index, system index)` word pairs, as conll18_ud_eval's
/// `align_words`.
fn align_words(gold: &[Word], system: &[Word]) -> Vec<(usize, usize)> {
    let mut aligned = Vec::new();
    let (mut gi, mut si) = (0, 0);
    while gi < gold.len() && si < system.len() {
        if gold[gi].multiword || system[si].multiword {
            let (gs, ss, ge, se) = multiword_span(gold, system, gi, si);
            gi = ge;
            si = se;
            if ge > gs && se > ss {
                align_lcs(gold, system, gs, ss, ge, se, &mut aligned);
            }
        } else if gold[gi].span == system[si].span {
            aligned.push((gi, si));
            gi += 1;
            si += 1;
        } else if gold[gi].span.0 <= system[si].span.0 {
            gi += 1;
        } else {
            si += 1;
        }
    }
    aligned
}

fn beyond_end(words: &[Word], i: usize, end: usize) -> bool {
    match words.get(i) {
        None => true,
        Some(w) if w.multiword => w.span.0 >= end,
        Some(w) => w.span.1 > end,
    }
}

fn extend_end(word: &Word, end: usize) -> usize {
    if word.multiword && word.span.1 > end { word.span.1 } else { end }
}

fn multiword_span(
    gold: &[Word],
    system: &[Word],
    mut gi: usize,
    mut si: usize,
) -> (usize, usize, usize, usize) {
    let mut end;
    if gold[gi].multiword {
        end = gold[gi].span.1;
        if !system[si].multiword && system[si].span.0 < gold[gi].span.0 {
            si += 1;
        }
    } else {
        end = system[si].span.1;
        if !gold[gi].multiword && gold[gi].span.0 < system[si].span.0 {
            gi += 1;
        }
    }
    let (gs, ss) = (gi, si);
    while !beyond_end(gold, gi, end) || !beyond_end(system, si, end) {
        if gi < gold.len() && (si >= system.len() || gold[gi].span.0 <= system[si].span.0) {
            end = extend_end(&gold[gi], end);
            gi += 1;
        } else {
            end = extend_end(&system[si], end);
            si += 1;
        }
    }
    (gs, ss, gi, si)
}

#[allow(clippy::too_many_arguments)]
fn align_lcs(
    gold: &[Word],
    system: &[Word],
    gs: usize,
    ss: usize,
    ge: usize,
    se: usize,
    aligned: &mut Vec<(usize, usize)>,
) {
    let (n, m) = (ge - gs, se - ss);
    let same =
        |g: usize, s: usize| gold[gs + g].form.to_lowercase() == system[ss + s].form.to_lowercase();
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for g in (0..n).rev() {
        for s in (0..m).rev() {
            let mut best = if same(g, s) { 1 + lcs[g + 1][s + 1] } else { 0 };
            best = best.max(lcs[g + 1][s]).max(lcs[g][s + 1]);
            lcs[g][s] = best;
        }
    }
    let (mut g, mut s) = (0, 0);
    while g < n && s < m {
        if same(g, s) {
            aligned.push((gs + g, ss + s));
            g += 1;
            s += 1;
        } else if lcs[g][s] == lcs[g + 1][s] {
            g += 1;
        } else {
            s += 1;
        }
    }
}

/// Prints unaligned gold words and mismatched sentence boundaries with
/// their context.
fn print_errors(
    out: &mut impl Write,
    gold: &Gold,
    system: &Side,
    aligned: &[(usize, usize)],
    limit: usize,
) -> Result<()> {
    // Non-whitespace char index -> byte offset in the text.
    let starts: Vec<usize> =
        gold.text.char_indices().filter(|(_, c)| !c.is_whitespace()).map(|(i, _)| i).collect();
    let byte = |c: usize| starts.get(c).copied().unwrap_or(gold.text.len());
    let context = |span: CharSpan| {
        let (a, b) = (byte(span.0), byte(span.1));
        let from = gold.text[..a].char_indices().rev().nth(20).map_or(0, |(i, _)| i);
        let to = gold.text[b..].char_indices().nth(20).map_or(gold.text.len(), |(i, _)| b + i);
        format!("{}[{}]{}", &gold.text[from..a], &gold.text[a..b], &gold.text[b..to])
            .replace('\n', "⏎")
    };
    let mut matched = vec![false; gold.side.words.len()];
    for &(g, _) in aligned {
        matched[g] = true;
    }
    writeln!(out, "\nUnaligned gold words (first {limit}):")?;
    let mut shown = 0;
    let mut last_span = None;
    for (word, ok) in gold.side.words.iter().zip(&matched) {
        if !ok && last_span != Some(word.span) && shown < limit {
            last_span = Some(word.span);
            let sys: Vec<&str> = system
                .words
                .iter()
                .filter(|w| w.span.0 < word.span.1 && word.span.0 < w.span.1)
                .map(|w| w.form.as_str())
                .collect();
            writeln!(out, "  gold {:?} system {:?}: {}", word.form, sys, context(word.span))?;
            shown += 1;
        }
    }
    let gold_ends: std::collections::BTreeSet<usize> =
        gold.side.sentences.iter().map(|s| s.1).collect();
    let system_ends: std::collections::BTreeSet<usize> =
        system.sentences.iter().map(|s| s.1).collect();
    writeln!(out, "\nMissed sentence ends (first {limit}):")?;
    for &end in gold_ends.difference(&system_ends).take(limit) {
        writeln!(out, "  {}", context((end.saturating_sub(1), end)))?;
    }
    writeln!(out, "\nSpurious sentence ends (first {limit}):")?;
    for &end in system_ends.difference(&gold_ends).take(limit) {
        writeln!(out, "  {}", context((end.saturating_sub(1), end)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar id = p1\n# text = I don't know.\n\
1\tI\tI\tPRON\t_\t_\t0\t_\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\t_\t_\t0\t_\t_\t_\n\
3\tn't\tnot\tPART\t_\t_\t0\t_\t_\t_\n\
4\tknow\tknow\tVERB\t_\t_\t0\t_\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_\n\n\
# text = Fine.\n\
1\tFine\tfine\tADJ\t_\t_\t0\t_\t_\tSpaceAfter=No\n\
2\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_\n\n";

    // Segmented Chinese words are words of their own, not the parts of one
    // multiword token (which would score them by LCS of forms).
    #[test]
    fn chinese_words_are_scored_by_span() {
        let system = system("中国和乌克兰。", Lang::Zh);
        let forms: Vec<&str> = system.words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["中国", "和", "乌克兰", "。"]);
        assert!(system.words.iter().all(|w| !w.multiword));
        assert_eq!(system.tokens, [(0, 2), (2, 3), (3, 6), (6, 7)]);
    }

    #[test]
    fn rebuilds_text_and_scores_perfectly() {
        let gold = parse(SAMPLE).unwrap();
        assert_eq!(gold.text, "I don't know. Fine.");
        assert_eq!(gold.side.tokens.len(), 6);
        assert_eq!(gold.side.words.len(), 7);
        let system = system(&gold.text, Lang::En);
        assert_eq!(system.tokens, gold.side.tokens);
        assert_eq!(align_words(&gold.side.words, &system.words).len(), 7);
        assert_eq!(spans_score(&gold.side.sentences, &system.sentences).f1(), 1.0);
    }
}
