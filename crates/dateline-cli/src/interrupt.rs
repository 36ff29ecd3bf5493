//! Removing the temporary output file when a run is interrupted.
//!
//! `--output FILE` writes into a hidden temporary file beside FILE and
//! renames it over FILE only when the run succeeds. An error drops the
//! temporary file, but SIGINT (Ctrl-C) or SIGTERM would kill the process
//! before any destructor runs, leaving a hidden file as large as the
//! output behind. So while such a file exists, a thread waits for those
//! signals, removes it, and then lets the signal end the process as it
//! would have (the shell still sees "killed by SIGINT").

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The temporary file to remove on a signal, if any. The lock also keeps
/// the final rename and the removal from overlapping.
static TEMPORARY: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Removes `path` if SIGINT or SIGTERM arrives before [`settle`].
///
/// # Errors
///
/// When the signal handlers cannot be installed.
pub fn remove_on_signal(path: &Path) -> std::io::Result<()> {
    static WATCHER: OnceLock<Result<(), std::io::ErrorKind>> = OnceLock::new();
    WATCHER.get_or_init(|| start_watcher().map_err(|e| e.kind())).map_err(std::io::Error::from)?;
    *lock() = Some(path.to_owned());
    Ok(())
}

/// Runs `rename`, which moves the temporary file into place (or fails and
/// drops it), with removal held off; then stops watching the file.
pub fn settle<R>(rename: impl FnOnce() -> R) -> R {
    let mut temporary = lock();
    let result = rename();
    *temporary = None;
    result
}

fn lock() -> MutexGuard<'static, Option<PathBuf>> {
    TEMPORARY.lock().unwrap_or_else(PoisonError::into_inner)
}

fn start_watcher() -> std::io::Result<()> {
    let mut signals = Signals::new([SIGINT, SIGTERM])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Keep the lock until the process is gone, so the output can
            // no longer be renamed into place half-written.
            let temporary = lock();
            if let Some(path) = &*temporary {
                let _ = std::fs::remove_file(path);
            }
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            // Only reached if the default action could not be restored.
            std::process::exit(128 + signal);
        }
    })?;
    Ok(())
}
