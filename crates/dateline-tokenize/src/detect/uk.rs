//! Ukrainian: what `--lang auto` looks for.

use super::{Profile, Script};

/// Function words frequent in any Ukrainian prose, lowercase.
pub(super) static PROFILE: Profile = Profile {
    script: Script::Cyrillic,
    words: &[
        "але", "від", "він", "вона", "вони", "для", "до", "же", "за", "з", "і", "із", "й", "його",
        "її", "їх", "є", "як", "який", "яка", "які", "на", "не", "про", "по", "при", "та", "так",
        "також", "те", "ще", "що", "це", "цього", "у", "в", "вже", "був", "була", "було", "були",
        "буде", "між", "після", "через", "під", "коли", "тому", "щоб",
    ],
    // Letters Russian does not write.
    letters: &['є', 'і', 'ї', 'ґ'],
};
