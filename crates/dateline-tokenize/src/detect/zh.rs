//! Chinese: what `--lang auto` looks for. Han is Chinese's script alone
//! among the supported languages, so the script decides; the function
//! words are for mixed text.

use super::{Profile, Script};

/// Function words frequent in any Chinese prose.
pub(super) static PROFILE: Profile = Profile { script: Script::Han, words: &[], letters: &[] };
