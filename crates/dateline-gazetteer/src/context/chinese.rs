//! The tables of Chinese: no name runs (Chinese has no capitals to make
//! them), but head words that end organizations' names written right after
//! a place ("中国工商银行", "俄罗斯外交部"; see `unspaced.rs`), in simplified
//! and traditional characters.

use super::rules::{Head, NameRules};

/// Words that end an organization's name. Government words that also
/// follow a country as a description ("政府", government) are not here:
/// "乌克兰政府" stays Ukraine, as "the Ukrainian government" does.
static HEADS: &[Head] = &[
    Head::org("银行"),
    Head::org("銀行"),
    Head::org("集团"),
    Head::org("集團"),
    Head::org("公司"),
    Head::org("大学"),
    Head::org("大學"),
    Head::org("国务院"),
    Head::org("國務院"),
    Head::org("外交部"),
    Head::org("国防部"),
    Head::org("國防部"),
    Head::org("财政部"),
    Head::org("財政部"),
    Head::org("商务部"),
    Head::org("商務部"),
    Head::org("通讯社"),
    Head::org("通訊社"),
    Head::org("电视台"),
    Head::org("電視台"),
    Head::org("议会"),
    Head::org("議會"),
];

/// Function words, numerals and measure words: a gap holding one is not
/// part of a name ("中国的银行", "美国一家公司", "中国各大银行").
const STOPS: &str = "的和与與及在对對是了为為向同跟将將把被从從到等各或也都就还還而并並由于於给給让讓说說称稱这這那其此该該有无無不没沒已曾会會要能可所以一二三四五六七八九十百千万萬两兩个個家些几幾多";

/// Chinese.
pub(crate) static CHINESE: NameRules = NameRules::without_runs(HEADS, STOPS);
