//! The loop every subcommand shares: read documents in chunks on one
//! thread, parse, process and render each chunk in parallel on the workers
//! (in groups, each step over a group before the next) while the previous
//! one is written, write results in input order.
//!
//! Memory stays bounded by the chunk size whatever the input size, and a
//! bad document is reported with its file and line, then skipped or fatal
//! as `--on-error` and `--max-errors` say.

use std::collections::VecDeque;
use std::io::{IoSlice, IsTerminal, Write};
use std::sync::{Arc, mpsc};

use anyhow::{Context, bail};
use dateline::{Date, Lang};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::args::OutputFormat;
use crate::args::{InputArgs, InputFormat, OutputArgs};
use crate::input::{BadDocument, Document, Documents, Origin, Pending};
use crate::jsonl::ObjectWriter;
use crate::output::{self, Labeled, Sink};
use dateline::html::{Annotated, Page, Section};

/// A chunk closes at whichever limit it reaches first.
const CHUNK_DOCUMENTS: usize = 512;
const CHUNK_BYTES: usize = 8 << 20;
/// Chunks handed to the workers before the oldest is written: the workers
/// go on with the next chunk while the main thread writes one, so neither
/// waits for the other, and memory stays bounded by a few chunks.
const IN_FLIGHT: usize = 2;
/// Each worker parses, processes and renders the documents of a chunk in
/// groups of this many, one step over the whole group before the next:
/// the JSON parser, each stage of the pipeline and the writer then run
/// over many documents in a row with their code and branch history warm,
/// rather than taking turns for every document. Over the news corpus
/// (`extract --threads 1`, 25 alternating runs on a busy machine), groups
/// of 16, 32, 64 and 128 took 2.3%, 3.2%, 4.7% and 5.1% less CPU time
/// (medians) than one document at a time, and callgrind put 32 to 128
/// level; 64 gets nearly all of it while a group's data (texts, normalized
/// texts, outputs: a few hundred KB) stays small, as last-level misses
/// grow with the group (0.36M, 0.39M, 0.40M over 1,000 documents).
const GROUP: usize = 64;
/// More documents than this earn a progress bar (on a terminal).
const PROGRESS_AFTER: usize = 8;

type Chunk = Vec<Pending>;
type Rendered = Vec<Result<Output, BadDocument>>;

/// One document's output: bytes to write in order, or (`--format html`)
/// its section of the page.
#[derive(Default)]
pub struct Output {
    pub bytes: Vec<u8>,
    section: Option<Section>,
}

/// Runs `process` over every document and writes the results.
///
/// `process` hands the document's record to [`Emit::record`], or returns a
/// message when the document itself is unusable (such as a malformed
/// `reference_date`); that counts as a bad document like an unreadable one.
///
/// One thread reads and splits the input into chunks of documents; the
/// worker threads parse, process and render the documents of each chunk,
/// in groups; the calling thread writes the rendered chunks in input order.
pub fn run<F>(input: InputArgs, output_args: &OutputArgs, process: F) -> anyhow::Result<()>
where
    F: Fn(&Document, Emit<'_>) -> Result<(), String> + Sync,
{
    run_in_groups(input, output_args, |group| {
        group.into_iter().map(|(document, emit)| process(document, emit)).collect()
    })
}

/// [`run`] for a `process` that takes a group of documents at a time, to
/// run each step over the group before the next (see `GROUP`): it gets
/// the documents of a group that parsed, each with its [`Emit`], and
/// returns what became of each, in order.
pub fn run_in_groups<F>(
    input: InputArgs,
    output_args: &OutputArgs,
    process: F,
) -> anyhow::Result<()>
where
    F: for<'a> Fn(Vec<(&'a Document, Emit<'a>)>) -> Vec<Result<(), String>> + Sync,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(output_args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let threads = pool.current_num_threads();
    let fields = input.fields()?;
    let progress = progress_bar(&input);
    let format = output_args.format;
    let mut writer = Writer {
        sink: Sink::open(output_args.output.clone())?,
        progress,
        error_limit: input.error_limit(),
        format,
        page: (format == OutputFormat::Html).then(Page::new),
        written: 0,
        skipped: 0,
    };

    // Reading runs ahead by at most one chunk, so memory stays flat.
    let (sender, chunks) = mpsc::sync_channel::<Chunk>(1);
    let reader = std::thread::spawn(move || {
        let mut documents = Documents::new(input.input, input.files);
        loop {
            let mut chunk = Vec::new();
            let mut bytes = 0;
            while chunk.len() < CHUNK_DOCUMENTS && bytes < CHUNK_BYTES {
                let Some(document) = documents.next() else { break };
                bytes += document.len();
                chunk.push(document);
            }
            if chunk.is_empty() || sender.send(chunk).is_err() {
                return;
            }
        }
    });

    let render = |group: Vec<Pending>| -> Rendered {
        let parsed: Vec<Result<Document, BadDocument>> =
            group.into_iter().map(|pending| pending.parse(&fields)).collect();
        let documents: Vec<&Document> = parsed.iter().filter_map(|p| p.as_ref().ok()).collect();
        let mut outputs: Vec<Output> = documents
            .iter()
            .map(|document| {
                // JSON Lines output runs about twice the text (sentences
                // repeat it, plus offsets); reserving that saves regrowing.
                let mut output = Output::default();
                if format != OutputFormat::Html {
                    output.bytes.reserve(2 * document.text.len() + 1024);
                }
                output
            })
            .collect();
        let emits = documents
            .iter()
            .zip(&mut outputs)
            .map(|(&document, output)| (document, Emit::for_document(document, format, output)))
            .collect();
        let mut processed = process(emits).into_iter().zip(outputs);
        parsed
            .into_iter()
            .map(|document| {
                let document = document?;
                let (result, output) = processed.next().expect("one result per document");
                result.map_err(|message| BadDocument {
                    location: document.origin.location(),
                    message,
                })?;
                Ok(output)
            })
            .collect()
    };
    let render = &render;
    let finished = pool.in_place_scope(|scope| -> anyhow::Result<bool> {
        let mut in_flight = VecDeque::with_capacity(IN_FLIGHT);
        for chunk in chunks {
            let (done, rendered) = mpsc::sync_channel::<Rendered>(1);
            scope.spawn(move |_| {
                // Smaller groups when there are too few to go round.
                let group_size = chunk.len().div_ceil(threads).clamp(1, GROUP);
                // The receiver is gone only when the run already stopped.
                let _ = done
                    .send(chunk.into_par_iter().chunks(group_size).flat_map_iter(render).collect());
            });
            in_flight.push_back(rendered);
            if in_flight.len() >= IN_FLIGHT && !writer.write_next(&mut in_flight)? {
                return Ok(false);
            }
        }
        while !in_flight.is_empty() {
            if !writer.write_next(&mut in_flight)? {
                return Ok(false);
            }
        }
        Ok(true)
    })?;
    if !finished {
        return Ok(());
    }
    reader.join().map_err(|_| anyhow::anyhow!("the input reader thread panicked"))?;
    writer.finish()
}

/// Writes rendered chunks in order and counts documents.
struct Writer {
    sink: Sink,
    progress: ProgressBar,
    /// Bad documents to skip before failing; `None` for any number.
    error_limit: Option<u64>,
    format: OutputFormat,
    /// With `--format html`, the page the documents go to, written at the
    /// end: its summary at the top covers every document.
    page: Option<Page>,
    written: u64,
    skipped: u64,
}

impl Writer {
    /// Waits for the oldest chunk in flight and writes it;
    /// `Ok(false)` when the reader of stdout went away, which ends the run
    /// quietly. The documents go out in one vectored write, not copied
    /// into one buffer first.
    fn write_next(
        &mut self,
        in_flight: &mut VecDeque<mpsc::Receiver<Rendered>>,
    ) -> anyhow::Result<bool> {
        let oldest = in_flight.pop_front().expect("called with a chunk in flight");
        let mut results = oldest.recv().map_err(|_| anyhow::anyhow!("a worker thread panicked"))?;
        if let Some(page) = &mut self.page {
            for section in results.iter_mut().filter_map(|r| r.as_mut().ok()?.section.take()) {
                page.push(section);
            }
        }
        let mut pieces: Vec<IoSlice<'_>> = Vec::with_capacity(2 * results.len());
        for result in &results {
            match result {
                Ok(Output { bytes, .. }) => {
                    let separator = output::separator(self.format, self.written == 0);
                    if !separator.is_empty() {
                        pieces.push(IoSlice::new(separator));
                    }
                    pieces.push(IoSlice::new(bytes));
                    self.written += 1;
                }
                Err(bad) => match self.error_limit {
                    Some(limit) if self.skipped >= limit => {
                        // Everything before the bad document is written;
                        // nothing after it.
                        write_or_broken_pipe(&mut self.sink, &mut pieces)?;
                        self.progress.finish_and_clear();
                        self.stopped_summary();
                        if limit == 0 {
                            bail!(
                                "{bad} (use --on-error skip or --max-errors N to go on past \
                                 bad documents)"
                            );
                        }
                        bail!("{bad}: more than {limit} bad documents (--max-errors {limit})");
                    }
                    _ => {
                        self.progress.suspend(|| eprintln!("dateline: skipped {bad}"));
                        self.skipped += 1;
                    }
                },
            }
            self.progress.inc(1);
        }
        write_or_broken_pipe(&mut self.sink, &mut pieces)
    }

    /// Closes the output and reports the counts.
    fn finish(mut self) -> anyhow::Result<()> {
        if let Some(page) = self.page.take() {
            // In pieces, as the page holds them: a copy of the whole page
            // would double the memory a large page takes.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut self.sink);
            match page.write_to(&mut out).and_then(|()| out.flush()) {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    return Err(err).context("cannot write output");
                }
                _ => {}
            }
        }
        let closing = output::closing(self.format, self.written > 0);
        write_or_broken_pipe(&mut self.sink, &mut [IoSlice::new(closing)])?;
        self.sink.finish()?;
        self.progress.finish_and_clear();
        summary(self.written, self.skipped);
        Ok(())
    }

    /// The summary of a run stopped by a bad document: with `--output`
    /// nothing was written to the file, which is left as it was.
    fn stopped_summary(&self) {
        let plural = |n: u64| if n == 1 { "" } else { "s" };
        let (written, skipped) = (self.written, self.skipped);
        match self.sink.target() {
            None => summary(written, skipped),
            Some(target) => eprintln!(
                "dateline: stopped after {written} document{}, {skipped} bad document{} \
                 skipped; {} left as it was",
                plural(written),
                plural(skipped),
                target.display()
            ),
        }
    }
}

/// Says on stderr how many documents were written and skipped, so that a
/// run that skipped everything does not pass unnoticed.
fn summary(written: u64, skipped: u64) {
    let plural = |n: u64| if n == 1 { "" } else { "s" };
    eprintln!(
        "dateline: {written} document{} written, {skipped} bad document{} skipped",
        plural(written),
        plural(skipped)
    );
}

/// Takes one document's record and renders it, labeled with the
/// document's origin and language and followed by its kept input fields.
pub struct Emit<'a> {
    origin: &'a Origin,
    lang: Option<Lang>,
    kept: &'a [(Arc<str>, Value)],
    format: OutputFormat,
    out: &'a mut Output,
}

impl<'a> Emit<'a> {
    /// Renders one document from `origin` in `format` into `out`.
    #[cfg_attr(not(test), expect(dead_code, reason = "the tests render origins alone"))]
    pub fn new(origin: &'a Origin, format: OutputFormat, out: &'a mut Output) -> Emit<'a> {
        Emit { origin, lang: None, kept: &[], format, out }
    }

    /// Renders `document`'s results in `format` into `out`.
    pub fn for_document(
        document: &'a Document,
        format: OutputFormat,
        out: &'a mut Output,
    ) -> Emit<'a> {
        Emit { origin: &document.origin, lang: None, kept: &document.kept, format, out }
    }

    /// Says the document's language (`"lang"`, after the origin); `None`
    /// writes none.
    pub fn lang(mut self, lang: Option<Lang>) -> Emit<'a> {
        self.lang = lang;
        self
    }

    /// Renders `record` as this document's output.
    pub fn record<R: Serialize>(self, record: R) {
        let labeled = Labeled::new(self.origin, record).with_lang(self.lang).with_kept(self.kept);
        output::render(self.format, &labeled, &mut self.out.bytes)
            .expect("serializing results to memory cannot fail");
    }

    /// Whether the output is a page, which takes [`Emit::page`] rather
    /// than a record.
    pub fn is_page(&self) -> bool {
        self.format == OutputFormat::Html
    }

    /// Renders this document's section of the page: `found` in `text`,
    /// named after where the document came from.
    pub fn page(self, text: &str, reference_date: Option<Date>, found: &dateline::Document) {
        let name = match self.origin {
            Origin::Line { id: Some(Value::String(id)), .. } => id.clone(),
            Origin::Line { id: Some(id), .. } => id.to_string(),
            origin => origin.location(),
        };
        let mut document = Annotated::new(&name, text, found);
        document.reference_date = reference_date;
        self.out.section = Some(Section::new(&document));
    }

    /// Renders this document's output: JSON Lines straight into the buffer
    /// by `fields` (after the fields saying where the document came from),
    /// any other format through serde from `record`. Both must describe
    /// the same object.
    pub fn fields_or_record<R: Serialize>(
        self,
        fields: impl FnOnce(&mut ObjectWriter<'_>),
        record: impl FnOnce() -> R,
    ) {
        if self.format == OutputFormat::Jsonl {
            let mut object = ObjectWriter::labeled(self.origin, &mut self.out.bytes);
            if let Some(lang) = self.lang {
                object.str_field("lang", lang.code());
            }
            for (name, value) in self.kept {
                object.named_value_field(name, value);
            }
            fields(&mut object);
            object.close();
            self.out.bytes.push(b'\n');
        } else {
            self.record(record());
        }
    }
}

/// Writes `bytes`; `Ok(false)` when the reader of stdout went away (as
/// with `dateline ... | head`), which ends the run quietly.
fn write_or_broken_pipe(sink: &mut Sink, pieces: &mut [IoSlice<'_>]) -> anyhow::Result<bool> {
    match sink.write_all_vectored(pieces) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(err) => Err(err).context("cannot write output"),
    }
}

fn progress_bar(input: &InputArgs) -> ProgressBar {
    let many = input.input == InputFormat::Jsonl || input.files.len() > PROGRESS_AFTER;
    if !many || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = if input.input == InputFormat::Text {
        ProgressBar::new(input.files.len() as u64)
    } else {
        ProgressBar::new_spinner()
    };
    let template = if input.input == InputFormat::Text {
        "{bar:30} {pos}/{len} documents ({per_sec}, eta {eta})"
    } else {
        "{spinner} {pos} documents ({per_sec})"
    };
    bar.set_style(ProgressStyle::with_template(template).expect("the template is valid"));
    bar
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The fast JSON Lines writer and serde put kept fields, with names
    /// and values that need escaping, in the same place, byte for byte.
    #[test]
    fn kept_fields_are_written_alike_by_both_writers() {
        let kept = vec![
            (Arc::from("ti\"tle\u{1}"), json!({"a": [1, 2.5, "é\n\"x\""]})),
            (Arc::from("missing"), Value::Null),
        ];
        for id in [Some(json!("doc-1")), None] {
            let origin = Origin::Line { path: "in.jsonl".into(), line: 2, id };
            let document = Document {
                origin,
                text: "x".into(),
                reference_date: None,
                lang: None,
                kept: kept.clone(),
            };
            for lang in [None, Some(Lang::Fr)] {
                let mut fast = Output::default();
                Emit::for_document(&document, OutputFormat::Jsonl, &mut fast)
                    .lang(lang)
                    .fields_or_record(|o| o.str_field("k", "v"), || json!({"k": "v"}));
                let mut slow = Output::default();
                Emit::for_document(&document, OutputFormat::Jsonl, &mut slow)
                    .lang(lang)
                    .record(json!({"k": "v"}));
                let fast = String::from_utf8(fast.bytes).unwrap();
                assert_eq!(fast, String::from_utf8(slow.bytes).unwrap());
                assert_eq!(fast.contains(r#""lang":"fr","#), lang.is_some(), "{fast}");
            }
        }
    }
}
