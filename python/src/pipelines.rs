//! Pipelines for `extract` and `extract_many`, built once per gazetteer and
//! settings and then reused.
//!
//! Building a pipeline builds its context `Resolver`, which compiles the
//! rules' head words into a matcher: 22 µs, measured against 0.8 µs to
//! process "China met Ukraine." with the built pipeline (release build,
//! one core). Built on every call, that made `extract` on a short text
//! some 20 times as slow as processing it.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError};

use dateline::{Direction, Mode, Nested, Pipeline};
use pyo3::PyResult;

/// What a pipeline is built from, besides its gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Settings {
    pub include_default: bool,
    pub nested: Nested,
    pub direction: Direction,
    pub day_first: bool,
    pub mode: Mode,
    pub tokens: bool,
}

/// The pipelines built for one gazetteer, by settings. There are at most a
/// few hundred settings, so the map needs no bound.
#[derive(Default)]
pub struct Pipelines {
    built: Mutex<HashMap<Settings, Arc<Pipeline>>>,
}

/// The pipelines of the embedded default gazetteer, shared by every call
/// that uses it alone.
pub static DEFAULT: LazyLock<Pipelines> = LazyLock::new(Pipelines::default);

impl Pipelines {
    /// The pipeline for `settings`, built with `build` the first time.
    ///
    /// The lock is not held while building (which may release the GIL), so
    /// two threads may build the same pipeline at once; the first one
    /// stored is kept, and both are the same.
    pub fn get_or_build(
        &self,
        settings: Settings,
        build: impl FnOnce() -> PyResult<Pipeline>,
    ) -> PyResult<Arc<Pipeline>> {
        if let Some(pipeline) = self.lock().get(&settings) {
            return Ok(Arc::clone(pipeline));
        }
        let built = Arc::new(build()?);
        Ok(Arc::clone(self.lock().entry(settings).or_insert(built)))
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<Settings, Arc<Pipeline>>> {
        // A panic while the lock was held left the map whole: an insert
        // either happened or did not.
        self.built.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
