//! English: what `--lang auto` looks for.

use super::{Profile, Script};

/// Function words frequent in any English prose, lowercase. Words English
/// shares with another language ("in", "so", "was", "no") count for both;
/// only the words a language has alone tell languages apart, and the
/// shared ones cost nothing.
pub(super) static PROFILE: Profile = Profile {
    script: Script::Latin,
    words: &[
        "about", "after", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but",
        "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
        "her", "his", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "my", "no",
        "not", "of", "on", "or", "our", "over", "she", "should", "so", "some", "than", "that",
        "the", "their", "there", "they", "this", "to", "was", "we", "were", "what", "when",
        "which", "who", "will", "with", "would", "you", "your",
    ],
    // English writes no letters of its own beyond ASCII.
    letters: &[],
};
