//! Ukrainian: Cyrillic abbreviations of news ("р.", "рр.", "ім.", "вул.",
//! "тис.", "грн."), initials ("В. Зеленський"), apostrophes inside words
//! ("п'ятниця", "м’яч", "мʼяч"), and UD Ukrainian IU conventions in
//! treebank mode: punctuation inside a word is a token of its own ("р" +
//! ".", "4" + "," + "2", "13" + ":" + "00"), and a hyphen splits a compound
//! ("прес" + "-" + "секретар") but not a word the spelling rules write with
//! one ("по-різному", "будь-який", "2016-го", "хто-небудь").

use super::{Compounds, Hyphens, Punctuation, Rules};
use crate::util::abbrev::{self, Abbreviations, Class, Entry};
use crate::util::datewords::DateWords;

pub(crate) static RULES: Rules = Rules {
    abbreviations: Abbreviations::new(ABBREVIATIONS, &KEYS),
    starters: STARTERS,
    dates: &DATES,
    hyphens: Hyphens::SplitCompounds(&COMPOUNDS),
    decimal_comma: true,
    semicolon_before_starter: true,
    punctuation: Punctuation {
        non_ascii_initials: true,
        split_inner_punct: true,
        spaced_thousands: true,
        character_references: true,
        dialogue_dash: true,
    },
    ..Rules::PLAIN
};

/// Abbreviations of Ukrainian news: dates ("2016 р.", "1990-х рр."),
/// addresses ("вул.", "просп.", "м." for місто), titles and names ("ім.",
/// "св.", "проф."), amounts ("тис.", "млн", "грн.", "коп."), references
/// ("див.", "ст.", "мал.", "табл."), and the multi-part ones ("т. д.", "т.
/// п.", "н. е."), written here with their inner period and no space: the
/// splitter looks up the last two letters of "т. д." together. Sorted by
/// bytes (Ukrainian "є", "і", "ї" sort after "я").
static ABBREVIATIONS: &[Entry] = &[
    ("авт", Class::General, false),
    ("акад", Class::Title, false),
    ("англ", Class::General, false),
    ("буд", Class::BeforeNumber, false),
    ("вид", Class::General, false),
    ("вип", Class::BeforeNumber, false),
    ("вул", Class::Title, false),
    ("ген", Class::Title, false),
    ("гл", Class::BeforeNumber, false),
    ("гр", Class::General, false),
    ("грец", Class::General, false),
    ("грн", Class::General, false),
    ("д", Class::General, false),
    ("див", Class::Title, false),
    ("доц", Class::Title, false),
    ("е", Class::General, false),
    ("зам", Class::General, false),
    ("зб", Class::General, false),
    ("кв", Class::BeforeNumber, false),
    ("коп", Class::General, false),
    ("лат", Class::General, false),
    ("м", Class::Title, false),
    ("мал", Class::BeforeNumber, false),
    ("млн", Class::General, false),
    ("млрд", Class::General, false),
    ("н", Class::General, false),
    ("н.е", Class::General, false),
    ("напр", Class::General, false),
    ("нім", Class::General, false),
    ("обл", Class::General, false),
    ("п", Class::General, false),
    ("пл", Class::General, false),
    ("пор", Class::General, false),
    ("пров", Class::General, false),
    ("просп", Class::Title, false),
    ("проф", Class::Title, false),
    ("р", Class::General, false),
    ("рис", Class::BeforeNumber, false),
    ("рр", Class::General, false),
    ("с", Class::Title, false),
    ("св", Class::Title, false),
    ("сел", Class::General, false),
    ("смт", Class::General, false),
    ("ст", Class::General, false),
    ("стор", Class::BeforeNumber, false),
    ("т", Class::General, false),
    ("т.д", Class::General, false),
    ("т.зв", Class::Title, false),
    ("т.п", Class::General, false),
    ("табл", Class::BeforeNumber, false),
    ("тел", Class::BeforeNumber, false),
    ("тис", Class::General, false),
    ("укр", Class::General, false),
    ("франц", Class::General, false),
    ("ц.р", Class::General, false),
    ("ч", Class::BeforeNumber, false),
    ("чол", Class::General, false),
    ("юр", Class::General, false),
    ("ім", Class::Title, false),
    ("ін", Class::General, false),
];

static KEYS: [u64; ABBREVIATIONS.len()] = abbrev::keys(ABBREVIATIONS);

/// Capitalized words that commonly start a Ukrainian sentence: after an
/// initial or a dotted abbreviation only these end the sentence. Single
/// letters are left out: "В", "І", "А", "У", "З" are initials too ("В. В.
/// Путін", "А. О. Гаврилюк").
static STARTERS: &[&str] = &[
    "Адже",
    "Але",
    "Вже",
    "Він",
    "Вона",
    "Вони",
    "Втім",
    "Де",
    "Для",
    "До",
    "Його",
    "Зараз",
    "Згодом",
    "Кілька",
    "Коли",
    "Крім",
    "Ми",
    "На",
    "Навіть",
    "Нині",
    "Однак",
    "Окрім",
    "Опісля",
    "Отже",
    "Після",
    "По",
    "Поки",
    "Потім",
    "При",
    "Про",
    "Раніше",
    "Сьогодні",
    "Так",
    "Також",
    "Там",
    "Тепер",
    "То",
    "Тому",
    "Тоді",
    "Тож",
    "Утім",
    "Це",
    "Цей",
    "Ця",
    "Ці",
    "Цього",
    "Цьому",
    "Чи",
    "Щоб",
    "Що",
    "Як",
    "Який",
    "Яка",
    "Які",
    "Якщо",
    "Із",
    "Її",
    "Їх",
];

static DATES: DateWords = DateWords {
    meridiems: &[],
    weekdays: &["понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя"],
    weekday_abbreviations: &[],
    months: &[
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    month_abbreviations: &[],
    time_zones: &["UTC", "GMT"],
    zone_heads: &[],
};

/// Hyphenated words UD Ukrainian keeps whole; every other hyphen between
/// words splits.
static COMPOUNDS: Compounds = Compounds {
    // Adverbs "по-новому", "по-українськи", "по-перше"; pronouns
    // "будь-хто", "казна-що", "хтозна-де", "дедалі"-style fixed words.
    prefixes: &["будь", "казна", "мало", "по", "хтозна"],
    // Particles written with a hyphen: "хто-небудь", "десь-то", "все-таки",
    // "так-от", "отакий-то".
    suffixes: &["бо", "но", "небудь", "то", "таки"],
    // "2016-го", "1990-х", "14-річні", "10-ї": a number and its ending.
    after_number: true,
    // "врешті-решт", "всього-навсього", "хоч-не-хоч", "ледь-ледь": the
    // same stem repeated, as an adverb.
    repeated: true,
};
