//! Chinese: what `--lang auto` looks for. Han is Chinese's script alone
//! among the supported languages, so the script decides; the function
//! words are for mixed text.

use super::{Profile, Script};

/// Function words frequent in any Chinese prose: particles, pronouns,
/// prepositions, conjunctions and adverbs, one character each (the
/// detector reads Han text a character at a time).
pub(super) static PROFILE: Profile = Profile {
    script: Script::Han,
    words: &[
        "的", "了", "在", "是", "和", "与", "及", "也", "都", "就", "而", "又", "对", "从", "向",
        "被", "把", "将", "为", "以", "于", "由", "这", "那", "其", "之", "此", "但", "并", "或",
        "不", "没", "很", "已", "还", "再", "更", "最", "他", "她", "它", "我", "你", "们", "个",
        "所", "等",
    ],
    letters: &[],
};
