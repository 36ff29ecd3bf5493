//! Batch work on rayon, in a way that survives `fork`.
//!
//! rayon's global pool is started the first time it is used, and its
//! threads exist only in the process that started them. A child forked
//! after that (multiprocessing's `fork` start method, spaCy's
//! `nlp.pipe(n_process=2)`, a pre-forking web server) inherits a pool
//! whose threads are gone, and the first batch it hands to the pool waits
//! forever. So every batch call goes through [`run`]: the process that
//! first used the global pool keeps using it, and a process forked from it
//! gets a pool of its own, started on its first batch.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use pyo3::PyResult;
use pyo3::exceptions::PyRuntimeError;
use rayon::ThreadPool;

/// The id of the process that uses rayon's global pool; 0 before any batch.
static GLOBAL_POOL_OWNER: AtomicU32 = AtomicU32::new(0);

/// The pool of a forked process, with that process's id (a grandchild
/// forked from it needs one of its own again).
static OWN_POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

/// Runs `work`, whose parallel iterators then use a pool whose threads
/// exist in this process.
///
/// # Errors
///
/// `RuntimeError` when a forked process cannot start its pool's threads.
pub fn run<R: Send>(work: impl FnOnce() -> R + Send) -> PyResult<R> {
    let pid = std::process::id();
    let owner =
        match GLOBAL_POOL_OWNER.compare_exchange(0, pid, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => pid,
            Err(owner) => owner,
        };
    if owner == pid {
        return Ok(work());
    }
    Ok(own_pool(pid)?.install(work))
}

/// This (forked) process's pool, started on first use.
fn own_pool(pid: u32) -> PyResult<Arc<ThreadPool>> {
    let mut own = OWN_POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, pool)) = own.as_ref()
        && *owner == pid
    {
        return Ok(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new().build().map_err(|err| {
        PyRuntimeError::new_err(format!(
            "dateline could not start its worker threads in this forked process: {err}"
        ))
    })?;
    let pool = Arc::new(pool);
    *own = Some((pid, Arc::clone(&pool)));
    Ok(pool)
}
