//! Recognizers-Text DateTimeModel.json runner (filled in below).

use std::path::Path;

use anyhow::Result;

pub(crate) fn run(_dir: &Path, _errors: bool) -> Result<()> {
    anyhow::bail!("not implemented yet")
}
