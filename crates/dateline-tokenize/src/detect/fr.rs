//! French: what `--lang auto` looks for.

use super::{Profile, Script};

/// Function words frequent in any French prose, lowercase. Elided forms
/// are written with their apostrophe ("l'", "qu'"): the detector looks a
/// word up with its apostrophe when one follows it.
pub(super) static PROFILE: Profile = Profile {
    script: Script::Latin,
    words: &[
        "au", "aussi", "aux", "avec", "c'", "ce", "ces", "cette", "comme", "d'", "dans", "de",
        "des", "du", "elle", "en", "est", "et", "il", "ils", "j'", "je", "l'", "la", "le", "les",
        "leur", "lui", "mais", "n'", "ne", "nous", "on", "ont", "ou", "où", "par", "pas", "plus",
        "pour", "qu'", "que", "qui", "s'", "sa", "se", "ses", "son", "sont", "sur", "tout", "très",
        "un", "une", "vous", "à", "été", "être",
    ],
    letters: &['à', 'â', 'ç', 'è', 'ê', 'ë', 'î', 'ï', 'ô', 'ù', 'û', 'œ'],
};
