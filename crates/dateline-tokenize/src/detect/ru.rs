//! Russian: what `--lang auto` looks for.

use super::{Profile, Script};

/// Function words frequent in any Russian prose, lowercase.
pub(super) static PROFILE: Profile = Profile {
    script: Script::Cyrillic,
    words: &[
        "в", "и", "не", "на", "что", "он", "она", "они", "с", "как", "а", "то", "все", "это",
        "по", "к", "но", "из", "у", "за", "от", "же", "для", "о", "его", "ее", "её", "их", "был",
        "была", "было", "были", "будет", "также", "который", "которая", "которые", "после",
        "через", "между", "когда", "чтобы", "или", "при", "уже", "еще", "ещё", "этого",
    ],
    // Letters Ukrainian does not write.
    letters: &['ы', 'э', 'ъ', 'ё'],
};
