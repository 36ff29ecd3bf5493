//! German: what `--lang auto` looks for.

use super::{Profile, Script};

/// Function words frequent in any German prose, lowercase (both "dass"
/// and the pre-1996 "daß", which news archives still have).
pub(super) static PROFILE: Profile = Profile {
    script: Script::Latin,
    words: &[
        "aber", "als", "also", "am", "an", "auch", "auf", "aus", "bei", "bis", "da", "das", "dass",
        "daß", "dem", "den", "der", "des", "die", "dies", "diese", "diesem", "diesen", "dieser",
        "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "für", "gegen",
        "haben", "hatte", "ich", "ihr", "ihre", "im", "in", "ist", "kann", "mehr", "mit", "nach",
        "nicht", "noch", "nur", "oder", "schon", "sehr", "sein", "seine", "sich", "sie", "sind",
        "so", "um", "und", "uns", "unter", "vom", "von", "vor", "was", "wenn", "werden", "wie",
        "will", "wir", "wird", "wurde", "wurden", "zu", "zum", "zur", "über",
    ],
    letters: &['ä', 'ö', 'ü', 'ß'],
};
