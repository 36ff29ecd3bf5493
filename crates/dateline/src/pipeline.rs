use std::sync::Arc;

use dateline_dates::{Date, DateExtractor, Direction};
use dateline_gazetteer::{Gazetteer, Nested, Resolver};
use dateline_tokenize::{Lang, Mode, SentenceSplitter, Tokenizer};
use rayon::prelude::*;

use crate::{Document, Entity, Error, overlap};

/// The most documents [`Pipeline::process_batch`] runs stage by stage
/// together.
const GROUP: usize = 64;

/// Tokenizer, sentence splitter, gazetteer and date extractor in one.
///
/// A pipeline is cheap to share: it is `Send + Sync`, and
/// [`Pipeline::process_batch`] runs documents in parallel.
#[derive(Clone, Debug)]
pub struct Pipeline {
    tokenizer: Tokenizer,
    splitter: SentenceSplitter,
    gazetteer: Option<SharedGazetteer>,
    resolver: Resolver,
    dates: DateExtractor,
    keep_tokens: bool,
}

impl Pipeline {
    /// A pipeline with the defaults: default tokenizer mode, the embedded
    /// default gazetteer, and dates resolved by context.
    pub fn new() -> Pipeline {
        PipelineBuilder::new().build().expect("the default configuration is valid")
    }

    /// A builder to configure a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::new()
    }

    /// The gazetteer entities are matched with, if any.
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.gazetteer.as_ref().map(SharedGazetteer::get)
    }

    /// Finds sentences, entities and dates in `text`, resolving relative
    /// dates against `reference` (usually the document's publication date).
    ///
    /// The text is normalized for matching once, with the gazetteer's
    /// normalizer, and both the gazetteer and the date scanner search that
    /// one normalized text. (The date lexicon is ASCII English, so the
    /// gazetteer's accent folding does not change which dates are found;
    /// a gazetteer built without accent folding makes the date scanner
    /// normalize on its own.)
    pub fn process(&self, text: &str, reference: Date) -> Document {
        // The batch routine on a group of one, so the two cannot drift apart.
        self.process_group(&[(text, reference)]).pop().expect("one document in, one out")
    }

    /// Processes many documents in parallel; the results come in input order.
    pub fn process_batch<T: AsRef<str> + Sync>(&self, documents: &[(T, Date)]) -> Vec<Document> {
        // Groups of at most GROUP, fewer when that leaves a thread idle.
        let group = documents.len().div_ceil(rayon::current_num_threads()).clamp(1, GROUP);
        documents.par_chunks(group).flat_map_iter(|group| self.process_group(group)).collect()
    }

    /// Processes `documents` on this thread one stage at a time: each stage
    /// runs over the whole group before the next starts.
    ///
    /// The date grammar and the entity resolver each overflow the L1
    /// instruction cache; running one of them over many documents in a row
    /// keeps its code and branch history warm, where going from stage to
    /// stage for every document evicts them (see DESIGN.md, Pipeline).
    fn process_group<T: AsRef<str>>(&self, documents: &[(T, Date)]) -> Vec<Document> {
        let texts = || documents.iter().map(|(text, _)| text.as_ref());
        let references = documents.iter().map(|&(_, reference)| reference);
        let sentences: Vec<_> = texts().map(|text| self.splitter.split(text)).collect();
        let (entities, dates): (Vec<Vec<Entity>>, Vec<_>) = match self.gazetteer() {
            Some(gazetteer) => {
                let lang = self.resolver.lang();
                let matchers = [
                    gazetteer.matcher_in(lang),
                    self.dates.anchor_matcher(),
                    self.resolver.matcher(),
                ];
                let normalized: Vec<_> = texts()
                    .map(|text| {
                        let mut normalized = gazetteer.normalizer().normalize(text);
                        // One scan finds where the three searches may start.
                        normalized.prepare_for(&matchers);
                        normalized
                    })
                    .collect();
                let entities = normalized
                    .iter()
                    .map(|text| {
                        let matches = gazetteer.find_iter_normalized_in(lang, text);
                        let resolved = self.resolver.resolve_normalized(text, matches);
                        resolved.iter().map(Entity::from_resolved).collect()
                    })
                    .collect();
                let dates = normalized
                    .iter()
                    .zip(references)
                    .map(|(text, reference)| self.dates.extract_normalized(text, reference))
                    .collect();
                (entities, dates)
            }
            None => {
                let dates = texts()
                    .zip(references)
                    .map(|(text, reference)| self.dates.extract(text, reference))
                    .collect();
                (vec![Vec::new(); documents.len()], dates)
            }
        };
        sentences
            .into_iter()
            .zip(entities.into_iter().zip(dates))
            .zip(texts())
            .map(|((sentences, (entities, dates)), text)| {
                let (entities, dates) = overlap::resolve(entities, dates);
                let tokens = self.keep_tokens.then(|| self.tokenizer.tokenize(text));
                Document { sentences, entities, dates, tokens }
            })
            .collect()
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

/// Configures and builds a [`Pipeline`].
///
/// Setters take and return `&mut Self`; the builder can be reused.
#[derive(Clone, Debug)]
pub struct PipelineBuilder {
    mode: Mode,
    lang: Lang,
    gazetteer: GazetteerChoice,
    nested: Nested,
    direction: Direction,
    day_first: bool,
    keep_tokens: bool,
}

#[derive(Clone, Debug)]
enum GazetteerChoice {
    Embedded,
    None,
    Given(Arc<Gazetteer>),
}

/// The embedded gazetteer lives for the whole program; a caller's is shared.
#[derive(Clone, Debug)]
enum SharedGazetteer {
    Static(&'static Gazetteer),
    Shared(Arc<Gazetteer>),
}

impl SharedGazetteer {
    fn get(&self) -> &Gazetteer {
        match self {
            SharedGazetteer::Static(gazetteer) => gazetteer,
            SharedGazetteer::Shared(gazetteer) => gazetteer,
        }
    }
}

impl PipelineBuilder {
    /// The defaults, as [`Pipeline::new`] has them.
    pub fn new() -> PipelineBuilder {
        PipelineBuilder {
            mode: Mode::Default,
            lang: Lang::En,
            gazetteer: GazetteerChoice::Embedded,
            nested: Nested::Drop,
            direction: Direction::Context,
            day_first: false,
            keep_tokens: false,
        }
    }

    /// The tokenizer mode (for the tokens kept with [`PipelineBuilder::tokens`]).
    pub fn mode(&mut self, mode: Mode) -> &mut PipelineBuilder {
        self.mode = mode;
        self
    }

    /// The language of the texts (default [`Lang::En`]); every component
    /// reads with its tables.
    pub fn lang(&mut self, lang: Lang) -> &mut PipelineBuilder {
        self.lang = lang;
        self
    }

    /// Match entities with `gazetteer` instead of the embedded default. To
    /// combine the default with your own names, build one gazetteer from
    /// both (see [`dateline_gazetteer::GazetteerBuilder`]).
    pub fn gazetteer(&mut self, gazetteer: impl Into<Arc<Gazetteer>>) -> &mut PipelineBuilder {
        self.gazetteer = GazetteerChoice::Given(gazetteer.into());
        self
    }

    /// Match no entities at all.
    pub fn no_gazetteer(&mut self) -> &mut PipelineBuilder {
        self.gazetteer = GazetteerChoice::None;
        self
    }

    /// What becomes of a gazetteer match inside a longer name ("US" in "US
    /// Navy"): [`Nested::Drop`] (the default) reports the longer name when
    /// its head word types it and drops the inner match; see
    /// [`dateline_gazetteer::Resolver`] for the context rules.
    pub fn nested(&mut self, nested: Nested) -> &mut PipelineBuilder {
        self.nested = nested;
        self
    }

    /// How bare dates and weekdays pick their year and week.
    pub fn direction(&mut self, direction: Direction) -> &mut PipelineBuilder {
        self.direction = direction;
        self
    }

    /// Read numeric dates such as `01/09/2024` as day first.
    pub fn day_first(&mut self, yes: bool) -> &mut PipelineBuilder {
        self.day_first = yes;
        self
    }

    /// Keep the tokens in each [`Document`].
    pub fn tokens(&mut self, yes: bool) -> &mut PipelineBuilder {
        self.keep_tokens = yes;
        self
    }

    /// Builds the pipeline.
    ///
    /// # Errors
    ///
    /// When the date extractor rejects its settings.
    pub fn build(&self) -> Result<Pipeline, Error> {
        let gazetteer = match &self.gazetteer {
            GazetteerChoice::Embedded => Some(SharedGazetteer::Static(Gazetteer::embedded())),
            GazetteerChoice::None => None,
            GazetteerChoice::Given(gazetteer) => {
                Some(SharedGazetteer::Shared(Arc::clone(gazetteer)))
            }
        };
        let dates = DateExtractor::builder()
            .direction(self.direction)
            .day_first(self.day_first)
            .lang(self.lang)
            .build()
            .map_err(Error::dates)?;
        Ok(Pipeline {
            tokenizer: Tokenizer::builder().mode(self.mode).lang(self.lang).build(),
            splitter: SentenceSplitter::builder().lang(self.lang).build(),
            gazetteer,
            resolver: Resolver::builder().nested(self.nested).lang(self.lang).build(),
            dates,
            keep_tokens: self.keep_tokens,
        })
    }
}

impl Default for PipelineBuilder {
    fn default() -> PipelineBuilder {
        PipelineBuilder::new()
    }
}

/// Finds the entities of `text` with `gazetteer`, leftmost-longest, read in
/// context by `resolver` ([`Resolver::new`] for the defaults), as owned
/// [`Entity`] values.
pub fn find_entities(gazetteer: &Gazetteer, resolver: &Resolver, text: &str) -> Vec<Entity> {
    resolver.find(gazetteer, text).iter().map(Entity::from_resolved).collect()
}

/// Finds the entities of many texts with one gazetteer, in parallel;
/// results come in input order.
pub fn find_entities_batch<T: AsRef<str> + Sync>(
    gazetteer: &Gazetteer,
    resolver: &Resolver,
    texts: &[T],
) -> Vec<Vec<Entity>> {
    texts.par_iter().map(|text| find_entities(gazetteer, resolver, text.as_ref())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 3] = [
        "China tightened export controls, effective 1 September.",
        "",
        "Kuleba visited Beijing on 23 July – the first visit since 2012.",
    ];

    #[test]
    fn public_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Pipeline>();
        assert_send_sync::<PipelineBuilder>();
        assert_send_sync::<Document>();
        assert_send_sync::<Entity>();
    }

    #[test]
    fn a_batch_equals_documents_processed_alone() {
        let pipeline = Pipeline::builder().tokens(true).build().expect("valid settings");
        let reference: Date = "2024-07-24".parse().expect("a valid date");
        let batch: Vec<(&str, Date)> = TEXTS.iter().map(|&t| (t, reference)).collect();
        let alone: Vec<Document> = TEXTS.iter().map(|t| pipeline.process(t, reference)).collect();
        assert_eq!(pipeline.process_batch(&batch), alone);
        assert!(alone[0].tokens.as_ref().is_some_and(|t| !t.is_empty()));
    }

    #[test]
    fn entity_batches_equal_single_searches() {
        let gazetteer = Gazetteer::embedded();
        let single: Vec<Vec<Entity>> = TEXTS
            .iter()
            .map(|t| Resolver::new().find(gazetteer, t).iter().map(Entity::from_resolved).collect())
            .collect();
        assert_eq!(find_entities_batch(gazetteer, &Resolver::new(), &TEXTS), single);
        assert_eq!(single[0][0].label(), "GPE");
    }

    /// What `process` computed before it shared one normalization: the
    /// gazetteer and the date extractor each on the raw text.
    fn separate_passes(pipeline: &Pipeline, text: &str, reference: Date) -> Document {
        let entities = pipeline
            .gazetteer()
            .map_or_else(Vec::new, |g| find_entities(g, &pipeline.resolver, text));
        let dates = pipeline.dates.extract(text, reference);
        let (entities, dates) = overlap::resolve(entities, dates);
        let sentences = pipeline.splitter.split(text);
        Document { sentences, entities, dates, tokens: None }
    }

    /// The default pipeline, and one whose gazetteer does not fold accents
    /// (so the date extractor cannot share its normalization).
    fn pipelines() -> &'static [Pipeline; 2] {
        static PIPELINES: std::sync::OnceLock<[Pipeline; 2]> = std::sync::OnceLock::new();
        PIPELINES.get_or_init(|| {
            let without_accents = Gazetteer::builder()
                .embedded()
                .accent_folding(false)
                .build()
                .expect("a valid gazetteer");
            [
                Pipeline::new(),
                Pipeline::builder().gazetteer(without_accents).build().expect("valid settings"),
            ]
        })
    }

    const SEEDS: [(&str, &str); 5] = [
        (include_str!("../../../seeds/000_6893e9d60b43f7bd.txt"), "2024-07-24"),
        (include_str!("../../../seeds/001_summit.txt"), "2024-03-12"),
        (include_str!("../../../seeds/002_markets.txt"), "2024-05-29"),
        (include_str!("../../../seeds/003_unicode.txt"), "2024-06-26"),
        (include_str!("../../../seeds/004_names_and_false_dates.txt"), "2024-06-20"),
    ];

    #[test]
    fn one_normalization_finds_what_separate_passes_find_on_the_seeds() {
        for pipeline in pipelines() {
            for (text, reference) in SEEDS {
                let reference: Date = reference.parse().expect("a valid date");
                let shared = pipeline.process(text, reference);
                assert!(!shared.entities.is_empty() && !shared.dates.is_empty());
                assert_eq!(shared, separate_passes(pipeline, text, reference));
            }
        }
    }

    #[test]
    fn the_seeds_processed_as_one_group_equal_each_processed_alone() {
        let seeds: Vec<(&str, Date)> = SEEDS
            .iter()
            .map(|&(text, reference)| (text, reference.parse().expect("a valid date")))
            .collect();
        for pipeline in pipelines() {
            let alone: Vec<Document> =
                seeds.iter().map(|&(text, reference)| pipeline.process(text, reference)).collect();
            assert_eq!(pipeline.process_group(&seeds), alone);
            // And again in the other order, so no document sees the same
            // neighbours as before.
            let reversed: Vec<_> = seeds.iter().rev().copied().collect();
            let alone_reversed: Vec<_> = alone.into_iter().rev().collect();
            assert_eq!(pipeline.process_group(&reversed), alone_reversed);
        }
    }

    /// Names and dates with accents, combining marks, letters that fold
    /// longer, and typographic forms, to make the two normalizations differ.
    const PIECES: &[&str] = &[
        "São Paulo",
        "Sao Paulo",
        "SÃO PAULO",
        "Sa\u{303}o Paulo",
        "Zürich",
        "Zurich",
        "Québec",
        "Côte d’Ivoire",
        "China’s",
        "Kyiv",
        "Київ",
        "May",
        "Máy",
        "ma\u{301}y",
        "1 September",
        "Septémber",
        "last Tuesday",
        "Túesday",
        "since 2012",
        "two days ago",
        "agó",
        "3 p.m.",
        "Christmas Day",
        "Chrístmas Dáy",
        "Theresa May",
        "İstanbul",
        "ß",
        "ﬁ",
        "Æ",
        "ø",
        "—",
        "\u{301}",
        "23 July",
        "Julý 4",
        "the week",
        "",
    ];
    const GAPS: &[&str] = &[" ", ", ", ". ", "\n", "\u{a0}", "-", "’s "];

    proptest::proptest! {
        #[test]
        fn one_normalization_finds_what_separate_passes_find(
            pieces in proptest::collection::vec(
                (proptest::sample::select(PIECES), proptest::sample::select(GAPS)),
                0..24,
            ),
        ) {
            let text: String = pieces.iter().flat_map(|&(p, g)| [p, g]).collect();
            let reference: Date = "2024-07-24".parse().expect("a valid date");
            for pipeline in pipelines() {
                proptest::prop_assert_eq!(
                    pipeline.process(&text, reference),
                    separate_passes(pipeline, &text, reference)
                );
            }
        }

        /// Documents processed as one group, stage by stage, get what each
        /// gets processed alone by separate passes: no stage carries
        /// anything from one document to the next.
        #[test]
        fn a_group_finds_what_separate_passes_find(
            documents in proptest::collection::vec(
                (
                    proptest::collection::vec(
                        (proptest::sample::select(PIECES), proptest::sample::select(GAPS)),
                        0..12,
                    ),
                    (2020..2027i32, 1..=12u32, 1..=28u32),
                ),
                1..12,
            ),
        ) {
            let documents: Vec<(String, Date)> = documents
                .iter()
                .map(|(pieces, (year, month, day))| {
                    let text = pieces.iter().flat_map(|&(p, g)| [p, g]).collect();
                    (text, Date::new(*year, *month, *day).expect("a valid date"))
                })
                .collect();
            for pipeline in pipelines() {
                let group = pipeline.process_group(&documents);
                for ((text, reference), found) in documents.iter().zip(&group) {
                    let alone = separate_passes(pipeline, text, *reference);
                    proptest::prop_assert_eq!(found, &alone);
                }
            }
        }
    }

    #[test]
    fn the_pipelines_lang_picks_the_gazetteers_names() {
        let text = "Les chinois de Pékin et l'OTAN.";
        let reference: Date = "2024-07-24".parse().expect("a valid date");
        let found = |lang: Lang| -> Vec<String> {
            let pipeline = Pipeline::builder().lang(lang).build().expect("valid settings");
            pipeline
                .process(text, reference)
                .entities
                .iter()
                .map(|e| text[e.span()].to_owned())
                .collect()
        };
        assert_eq!(found(Lang::Fr), ["chinois", "Pékin", "OTAN"]);
        assert_eq!(found(Lang::En), ["Pékin"]);
    }

    #[test]
    fn without_a_gazetteer_there_are_no_entities() {
        let pipeline = Pipeline::builder().no_gazetteer().build().expect("valid settings");
        let document = pipeline.process(TEXTS[0], "2024-07-24".parse().expect("a valid date"));
        assert!(document.entities.is_empty());
        assert_eq!(document.dates.len(), 1);
    }
}
