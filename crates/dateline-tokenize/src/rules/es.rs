//! Spanish: abbreviations, inverted `¿` `¡`, and UD Spanish conventions in
//! treebank mode (`del` = `de` + `el`, `al` = `a` + `el`, pronouns split
//! from verbs: `quedarse` -> `quedar` + `se`).

use super::{Enclitics, MultiWord, Rules, WordSplit};
use crate::util::abbrev::{self, Abbreviations, Class, Entry};
use crate::util::datewords::DateWords;

pub(crate) static RULES: Rules = Rules {
    abbreviations: Abbreviations::new(ABBREVIATIONS, &KEYS),
    starters: STARTERS,
    dates: &DATES,
    word_split: WordSplit::Enclitics(&ENCLITICS),
    decimal_comma: true,
    semicolon_before_starter: true,
    dash_continues: true,
    multiwords: MULTIWORDS,
    ..Rules::PLAIN
};

/// Abbreviations of Spanish news: titles (`Sr.`, `Sra.`, `Dña.`, `Dr.`),
/// `EE. UU.`, `etc.`, references (`núm.`, `pág.`, `art.`). Sorted.
static ABBREVIATIONS: &[Entry] = &[
    ("abr", Class::Month, true),
    ("admón", Class::General, false),
    ("ago", Class::Month, true),
    ("aprox", Class::General, false),
    ("arq", Class::Title, true),
    ("art", Class::BeforeNumber, false),
    ("av", Class::Title, true),
    ("avda", Class::Title, true),
    ("bros", Class::General, true),
    ("cap", Class::BeforeNumber, false),
    ("cía", Class::General, false),
    ("dic", Class::Month, true),
    ("dr", Class::Title, false),
    ("dra", Class::Title, false),
    ("dña", Class::Title, false),
    ("ee", Class::Title, true),
    ("ej", Class::General, false),
    ("ene", Class::Month, true),
    ("etc", Class::General, false),
    ("excma", Class::Title, false),
    ("excmo", Class::Title, false),
    ("feb", Class::Month, true),
    ("gral", Class::Title, false),
    ("hab", Class::General, false),
    ("ing", Class::Title, true),
    ("jul", Class::Month, true),
    ("jun", Class::Month, true),
    ("kms", Class::General, false),
    ("lic", Class::Title, true),
    ("ltda", Class::General, false),
    ("mons", Class::Title, true),
    ("no", Class::BeforeNumber, true),
    ("nov", Class::Month, true),
    ("n\u{ba}", Class::BeforeNumber, false),
    ("núm", Class::BeforeNumber, false),
    ("oct", Class::Month, true),
    ("pdte", Class::Title, false),
    ("pp", Class::BeforeNumber, false),
    ("prof", Class::Title, false),
    ("pág", Class::BeforeNumber, false),
    ("págs", Class::BeforeNumber, false),
    ("sep", Class::Month, true),
    ("sept", Class::Month, true),
    ("sr", Class::Title, false),
    ("sra", Class::Title, false),
    ("sras", Class::Title, false),
    ("sres", Class::Title, false),
    ("srta", Class::Title, false),
    ("st", Class::Title, true),
    ("sta", Class::Title, true),
    ("sto", Class::Title, true),
    ("ud", Class::Title, true),
    ("uds", Class::Title, true),
    ("uu", Class::General, true),
    ("vd", Class::Title, true),
    ("vds", Class::Title, true),
    ("vol", Class::BeforeNumber, false),
    ("vs", Class::General, false),
];

static KEYS: [u64; ABBREVIATIONS.len()] = abbrev::keys(ABBREVIATIONS);

/// Capitalized words that commonly start a Spanish sentence.
static STARTERS: &[&str] = &[
    "A", "Además", "Cómo", "Cuál", "Cuándo", "Dónde", "Qué", "Quién", "Al", "Antes", "Así",
    "Aunque", "Ayer", "Cada", "Como", "Con", "Cuando", "De", "Del", "Desde", "Después", "Durante",
    "El", "Ella", "Ellos", "En", "Entonces", "Entre", "Es", "Esa", "Ese", "Eso", "Esta", "Este",
    "Esto", "Estos", "Estas", "Fue", "Ha", "Hay", "Hoy", "La", "Las", "Le", "Lo", "Los",
    "Mientras", "Ni", "No", "Nosotros", "O", "Para", "Pero", "Por", "Que", "Se", "Según", "Si",
    "Sin", "Sobre", "Su", "Sus", "También", "Tras", "Un", "Una", "Y", "Ya", "Yo", "Él",
];

static DATES: DateWords = DateWords {
    meridiems: &[],
    weekdays: &["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    weekday_abbreviations: &[],
    months: &[
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "setiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    month_abbreviations: &[
        "ene", "feb", "abr", "jun", "jul", "ago", "sep", "sept", "oct", "nov", "dic",
    ],
    time_zones: &["UTC", "GMT", "CET", "CEST"],
    zone_heads: &["hora"],
};

/// Verb endings a pronoun attaches to: infinitives and (accented)
/// gerunds.
const INFINITIVE: &[&str] = &["ar", "er", "ir", "ír", "ándo", "iéndo", "yéndo"];
const INFINITIVE_AR_IR: &[&str] = &["ar", "ir", "ír", "ándo", "iéndo", "yéndo"];
const GERUND: &[&str] = &["ándo", "iéndo", "yéndo"];

/// UD Spanish writes a verb with attached pronouns as one multi-word
/// token whose words are substrings ("quedarse" = "quedar" + "se"), so
/// treebank mode splits it in two tokens. The endings and exceptions come
/// from the false splits on the AnCora and GSD dev sets ("parte",
/// "fuerte", "firme", "internos", "charla").
static ENCLITICS: Enclitics = Enclitics {
    pronouns: &[
        ("selas", INFINITIVE),
        ("selos", INFINITIVE),
        ("sela", INFINITIVE),
        ("selo", INFINITIVE),
        ("las", INFINITIVE),
        ("les", INFINITIVE),
        ("los", INFINITIVE),
        // "internos", "modernos", "gobiernos": not after "er".
        ("nos", INFINITIVE_AR_IR),
        ("la", INFINITIVE),
        ("le", INFINITIVE),
        ("lo", INFINITIVE),
        ("me", INFINITIVE),
        ("se", INFINITIVE),
        // "fuerte", "muerte", "suerte", "convierte": not after "er".
        ("te", INFINITIVE_AR_IR),
        ("os", GERUND),
    ],
    exceptions: &["charla", "charlas", "charle", "firme", "firmes", "perla", "perlas"],
    exception_endings: &["parte", "partes"],
};

/// Preposition + article contractions. Sorted by form.
static MULTIWORDS: &[MultiWord] = &[
    MultiWord { form: "al", words: &["a", "el"], capitalized: &["A", "el"], not_after: None },
    MultiWord { form: "del", words: &["de", "el"], capitalized: &["De", "el"], not_after: None },
];
