use std::sync::Arc;

use dateline_dates::{Date, DateExtractor, Direction};
use dateline_gazetteer::Gazetteer;
use dateline_tokenize::{Mode, SentenceSplitter, Tokenizer};
use rayon::prelude::*;

use crate::{Document, Entity, Error, overlap};

/// Tokenizer, sentence splitter, gazetteer and date extractor in one.
///
/// A pipeline is cheap to share: it is `Send + Sync`, and
/// [`Pipeline::process_batch`] runs documents in parallel.
#[derive(Clone, Debug)]
pub struct Pipeline {
    tokenizer: Tokenizer,
    splitter: SentenceSplitter,
    gazetteer: Option<SharedGazetteer>,
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
    pub fn process(&self, text: &str, reference: Date) -> Document {
        let sentences = self.splitter.split(text);
        let entities: Vec<Entity> = match self.gazetteer() {
            Some(gazetteer) => find_entities(gazetteer, text),
            None => Vec::new(),
        };
        let dates = self.dates.extract(text, reference);
        let (entities, dates) = overlap::resolve(entities, dates);
        let tokens = self.keep_tokens.then(|| self.tokenizer.tokenize(text));
        Document { sentences, entities, dates, tokens }
    }

    /// Processes many documents in parallel; the results come in input order.
    pub fn process_batch<T: AsRef<str> + Sync>(&self, documents: &[(T, Date)]) -> Vec<Document> {
        documents
            .par_iter()
            .map(|(text, reference)| self.process(text.as_ref(), *reference))
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
    gazetteer: GazetteerChoice,
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
            gazetteer: GazetteerChoice::Embedded,
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
            .build()
            .map_err(Error::dates)?;
        Ok(Pipeline {
            tokenizer: Tokenizer::builder().mode(self.mode).build(),
            splitter: SentenceSplitter::new(),
            gazetteer,
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

/// Finds the entities of `text`, leftmost-longest, as owned [`Entity`] values.
pub fn find_entities(gazetteer: &Gazetteer, text: &str) -> Vec<Entity> {
    gazetteer.find_iter(text).map(|m| Entity::from_match(&m)).collect()
}

/// Finds the entities of many texts with one gazetteer, in parallel;
/// results come in input order.
pub fn find_entities_batch<T: AsRef<str> + Sync>(
    gazetteer: &Gazetteer,
    texts: &[T],
) -> Vec<Vec<Entity>> {
    texts.par_iter().map(|text| find_entities(gazetteer, text.as_ref())).collect()
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
            .map(|t| gazetteer.find_iter(t).map(|m| Entity::from_match(&m)).collect())
            .collect();
        assert_eq!(find_entities_batch(gazetteer, &TEXTS), single);
        assert_eq!(single[0][0].label(), "GPE");
    }

    #[test]
    fn without_a_gazetteer_there_are_no_entities() {
        let pipeline = Pipeline::builder().no_gazetteer().build().expect("valid settings");
        let document = pipeline.process(TEXTS[0], "2024-07-24".parse().expect("a valid date"));
        assert!(document.entities.is_empty());
        assert_eq!(document.dates.len(), 1);
    }
}
