//! Spanish: what `--lang auto` looks for.

use super::{Profile, Script};

/// Function words frequent in any Spanish prose, lowercase.
pub(super) static PROFILE: Profile = Profile {
    script: Script::Latin,
    words: &[
        "al", "como", "con", "cuando", "de", "del", "desde", "donde", "el", "en", "entre", "es",
        "esta", "este", "está", "fue", "ha", "han", "hasta", "hay", "la", "las", "le", "les", "lo",
        "los", "me", "muy", "más", "no", "nos", "para", "pero", "por", "porque", "que", "se",
        "ser", "sin", "sobre", "son", "su", "sus", "también", "un", "una", "y", "ya",
    ],
    letters: &['¡', '¿', 'á', 'í', 'ñ', 'ó', 'ú'],
};
