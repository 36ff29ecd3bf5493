//! Language data: the words the grammar knows, keyed by language.
//!
//! The engine never spells an English word itself: it works on the classes
//! below ([`Lex`]), and each language supplies a table from surface forms to
//! classes (see `en.rs`). Adding a language means adding a table (and, where
//! word order differs, grammar rules), not touching the scanner or resolver.
//! [`Tables`] lists what a language supplies; [`Language::tables`] is the one
//! place that maps a language to its tables.

mod de;
mod en;
mod es;
mod fr;
mod letters;
mod ru;
mod uk;
mod zh;

use std::borrow::Cow;

use dateline_match::Normalizer;

use letters::LetterKeys;

use crate::Lang;

/// Units of time, for durations, relative expressions and sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// Parts of the day, with their TIMEX3 codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
    Day,
}

impl PartOfDay {
    pub(crate) fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Day => "DT",
        }
    }
}

/// Words that point at the present, past or future on their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Deictic {
    Today,
    Tomorrow,
    Yesterday,
    Tonight,
    /// "anoche": the night before the reference day, in one word.
    LastNight,
    Now,
    /// "currently", "nowadays": PRESENT_REF.
    Present,
    /// "current": PRESENT_REF when it stands alone.
    Current,
    /// "recently", "lately", "previously": PAST_REF.
    PastRef,
    /// "entonces": PAST_REF after a preposition or a demonstrative ("desde
    /// entonces", "hasta entonces", "aquel entonces"); alone it is mostly
    /// the connective "so" ("y entonces", "Entonces el ceramista envolvió"),
    /// which Spanish TimeBank leaves out.
    Then,
    /// "recent": PAST_REF, or a vague duration before a plural unit.
    Recent,
    /// "soon": FUTURE_REF.
    FutureRef,
    /// "future" ("the future", "in future").
    Future,
    /// "past" as a noun ("the past"), also a relative word ("the past two years").
    Past,
    /// "overnight".
    Overnight,
    /// "un rato", "un buen rato": a short while, the DURATION `PTXM`.
    ShortWhile,
    /// "un tiempo": a while, the DURATION `PXM`, after a preposition
    /// ("después de un tiempo", "por un tiempo"; not "un tiempo de 2:05").
    While,
    /// "momento": the present in "hasta el momento" (until now) and "en
    /// estos momentos" (at present), nothing elsewhere ("un momento clave").
    Moment,
}

/// Words that shift or anchor another expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Rel {
    Last,
    Next,
    This,
    Coming,
    Previous,
    Following,
    Latest,
    Ago,
    Earlier,
    Later,
    Hence,
    Same,
    Before,
    After,
    Since,
    Prior,
}

/// Words that pick a part of a period ("early", "mid", "the end of").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Position {
    Early,
    Mid,
    Late,
    Beginning,
    Middle,
    End,
}

/// Hedges and bounds on quantities ("about", "more than", "nearly").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Hedge {
    About,
    Nearly,
    More,
    Less,
    Over,
    Under,
    AtLeast,
    UpTo,
}

/// Vague quantities ("a few", "several", "some", "many").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Vague {
    Few,
    Several,
    Some,
    Many,
    Couple,
}

/// Function words the grammar needs by role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Func {
    The,
    No,
    Right,
    That,
    A,
    Of,
    In,
    On,
    At,
    By,
    To,
    From,
    Until,
    Through,
    Between,
    And,
    Or,
    For,
    Within,
    During,
    Every,
    Each,
    Per,
    Fiscal,
    Half,
    /// A word for the half of a year itself ("Jahreshälfte", "Halbjahr").
    YearHalf,
    Weekend,
    Am,
    Pm,
    Noon,
    Midnight,
    OClock,
    /// "oh", "o" read as a zero in clock times ("twelve oh three").
    Oh,
    Times,
    Full,
    Whole,
    Entire,
    Period,
    Term,
    Season,
    Time,
    Era,
    Other,
    Additional,
    Another,
    Straight,
    Consecutive,
    Trading,
    Business,
    Calendar,
    Ever,
    S,
    Once,
    Twice,
    Old,
    Long,
}

impl Func {
    /// Prepositions and conjunctions that put a following word in a date
    /// slot: "in May", "of 1066", "from March", "between 1914 and 1918".
    pub(crate) fn opens_date(self) -> bool {
        matches!(
            self,
            Func::In
                | Func::Of
                | Func::By
                | Func::Until
                | Func::Through
                | Func::From
                | Func::To
                | Func::During
                | Func::Between
                | Func::And
        )
    }

    /// Signals, in TimeML's sense: prepositions and conjunctions that link
    /// or introduce an expression from outside it ("of", "to", "from",
    /// "during", "and"). No rule begins with one, so the parser does not
    /// try them as starts. ("In", "on" and "at" are not here: "in two
    /// hours", "on the 13th" and "at least a year" begin with them.)
    pub(crate) fn is_signal(self) -> bool {
        matches!(
            self,
            Func::Of
                | Func::By
                | Func::To
                | Func::From
                | Func::Until
                | Func::Through
                | Func::During
                | Func::Between
                | Func::Within
                | Func::For
                | Func::And
                | Func::Or
        )
    }
}

/// Cue words for the tense/direction of a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    /// Points forward: "will", "effective", "scheduled", "until".
    Future,
    /// Points backward: "was", "said", "had", "ago".
    Past,
    /// Present tense auxiliaries: "is", "are", "has".
    Present,
    /// Reporting verbs ("said", "told"): past, but only when they come before
    /// the expression ("said on Tuesday"), not in "..., the ministry said".
    Report,
}

/// What a word says about the verb group of its clause, for reading the
/// direction of a partial date from the clause it sits in
/// (`grammar/clause.rs`). A separate table from [`Lex`]: these words are
/// read around an expression, never inside one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Verb {
    /// "will", "shall", "won't": the event lies ahead.
    Will,
    /// "would": ahead of a past report ("said it would close on Friday").
    Would,
    /// Other modals ("can", "may", "should", "must"): an event ahead of
    /// the reference.
    Modal,
    /// "could", "might": a possibility either side of the reference
    /// ("could come as early as Tuesday", "could not be located
    /// Wednesday"): the nearest reading.
    Could,
    /// "is", "are", "am": present; with an "-ing" form or an intention
    /// word ahead ("is meeting", "is expected to").
    Be,
    /// "was", "were".
    Was,
    /// "has", "have": with a participle, the present perfect (past).
    Have,
    /// "had", "did": past auxiliaries.
    Did,
    /// "be", "been", "being": inside a group, never its carrier.
    BeForm,
    /// "does", "do": present auxiliaries.
    Do,
    /// Simple pasts not ending in "-ed": "took", "met", "won", "said".
    Past,
    /// Present forms of verbs that link a state to the subject ("remain",
    /// "stays", "seems"): a participle after one is its complement ("will
    /// remain closed"), not the group's head.
    Linking,
    /// Words that put what follows ahead, whatever their tense:
    /// "expected on Friday", "scheduled for", "due".
    Intent,
    /// Words that put what follows ahead before "to" only: "plans to",
    /// "agreed to buy", "is going to" ("vacation plans" is a noun).
    IntentTo,
    /// The simple past of a decision ("agreed", "voted", "decided"): an
    /// `IntentTo` word, but a bare date after its infinitive's object
    /// dates the decision ("the Senate voted to adopt the bill Tuesday").
    Decided,
    /// Present tense of verbs that news uses for scheduled events:
    /// "Parliament reconvenes on Monday", "the market opens on Friday".
    Schedule,
    /// The plain form of a scheduling verb ("the two teams meet on
    /// Friday"): present only after a pronoun or plural subject.
    ScheduleBase,
    /// Adverbs that may stand inside a verb group ("will also meet", "has
    /// not yet").
    Adverb,
    /// Words ending in "-ed" that are not verbs: "hundred", "need", "red".
    Plain,
    /// Determiners and possessives: an "-ed" or "-s" word after one is an
    /// adjective or a noun ("the scheduled talks", "the opens").
    Determiner,
    /// Pronouns that can be the subject of a present verb ("they meet").
    Pronoun,
    /// Words that open another clause: "but", "which", "who", "because".
    Boundary,
}

/// The class of a word in the lexicon.
#[derive(Clone, Copy, Debug, Eq)]
pub(crate) enum Lex {
    /// A month name, 1 to 12.
    Month(u8),
    /// A month abbreviation ("Sept", "Jan"), 1 to 12.
    MonthAbbr(u8),
    /// A weekday name, 1 (Monday) to 7 (Sunday).
    Weekday(u8),
    /// A weekday abbreviation.
    WeekdayAbbr(u8),
    /// A cardinal number word ("two", "twenty", "hundred").
    Number(u32),
    /// A number and a half in one word, the whole number ("eineinhalb",
    /// "anderthalb": 1; "zweieinhalb": 2).
    NumberAndHalf(u32),
    /// An ordinal word ("third"); "second" is `Unit(Second)` and ordinal 2.
    Ordinal(u32),
    /// A unit noun ("years"), with whether it was plural.
    Unit(Unit, bool),
    /// A season: 1 spring, 2 summer, 3 fall, 4 winter.
    Season(u8),
    PartOfDay(PartOfDay),
    Deictic(Deictic),
    Rel(Rel),
    Position(Position),
    /// An acronym for the end of a period ("EOM", "EOY"), read only in capitals.
    EndOf(Unit),
    Hedge(Hedge),
    Vague(Vague),
    /// An adverb of frequency ("daily", "annually").
    Frequency(Unit),
    /// An adjective of frequency that is also a noun ("diario": daily, and
    /// the daily paper; "quotidien"): a SET only after its noun ("índice
    /// diario", "le lot quotidien"), never after a determiner or a
    /// preposition ("el diario", "del diario").
    FrequencyAdj(Unit),
    /// A decade word ("nineties"), the decade's tens digit.
    Decade(u8),
    /// A holiday name (index into the holiday table).
    Holiday(u8),
    /// The first word of a multi-word holiday name ("New" of "New Year's Day").
    HolidayStart,
    /// A time zone abbreviation.
    Zone,
    /// A time zone abbreviation for UTC ("GMT") that the language's TimeML
    /// corpus writes into the value as "Z" ("13.00 GMT" is `T13:00Z` in
    /// Spanish TimeBank).
    ZoneUtc,
    /// One word for a unit shifted from the reference: German "heuer" (this
    /// year), "Vorjahr" (last year), "übermorgen" (in two days).
    Shifted(Unit, i8),
    Func(Func),
    Cue(Cue),
    /// A character that marks the field a number fills, in languages that
    /// write dates as number + marker ("2024年7月23日", "下午3点15分").
    Marker(Marker),
    /// One word for a day shifted from the reference and a part of it:
    /// Chinese "今晨" (this morning), "昨晚" (last night); [`NAMED_DAY`]
    /// for the day the text named last ("当晚", that night).
    DayPart(i8, PartOfDay),
    /// A reign or republic era whose years count from a base ("民国",
    /// "康熙"): index into the unspaced table's eras.
    Era(u8),
}

/// The grammar compares classes everywhere (`self.lex(i) == Some(Lex::Func(Func::And))`),
/// nearly always against a constant. Inlined, such a comparison folds to a
/// test of one or two bytes; the derived `eq` grew too large to be inlined
/// once the other languages' classes joined, and its calls cost English
/// dates 3% of their instructions.
impl PartialEq for Lex {
    #[inline(always)]
    fn eq(&self, other: &Lex) -> bool {
        use Lex::*;
        match (*self, *other) {
            (Month(a), Month(b))
            | (MonthAbbr(a), MonthAbbr(b))
            | (Weekday(a), Weekday(b))
            | (WeekdayAbbr(a), WeekdayAbbr(b))
            | (Season(a), Season(b))
            | (Decade(a), Decade(b))
            | (Holiday(a), Holiday(b))
            | (Era(a), Era(b)) => a == b,
            (Number(a), Number(b))
            | (NumberAndHalf(a), NumberAndHalf(b))
            | (Ordinal(a), Ordinal(b)) => a == b,
            (Unit(a, x), Unit(b, y)) => a == b && x == y,
            (PartOfDay(a), PartOfDay(b)) => a == b,
            (Deictic(a), Deictic(b)) => a == b,
            (Rel(a), Rel(b)) => a == b,
            (Position(a), Position(b)) => a == b,
            (EndOf(a), EndOf(b))
            | (Frequency(a), Frequency(b))
            | (FrequencyAdj(a), FrequencyAdj(b)) => a == b,
            (Hedge(a), Hedge(b)) => a == b,
            (Vague(a), Vague(b)) => a == b,
            (HolidayStart, HolidayStart) | (Zone, Zone) | (ZoneUtc, ZoneUtc) => true,
            (Shifted(a, x), Shifted(b, y)) => a == b && x == y,
            (Func(a), Func(b)) => a == b,
            (Cue(a), Cue(b)) => a == b,
            (Marker(a), Marker(b)) => a == b,
            (DayPart(a, x), DayPart(b, y)) => a == b && x == y,
            _ => false,
        }
    }
}

/// The shift of [`Lex::DayPart`] that means the day the text named last,
/// not one counted from the reference.
pub(crate) const NAMED_DAY: i8 = i8::MIN;

/// Field markers of languages that write a number before the word that
/// says what it counts or names (Chinese). The grammar for unspaced text
/// (`grammar/unspaced.rs`) reads them; no English word has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Marker {
    /// 年: a year after a year number, years after a quantity.
    Year,
    /// 月: a month after 1 to 12; months only after a classifier (个月).
    Month,
    /// 日, 号: a day of the month.
    Day,
    /// 点, 时: an hour of the clock.
    Hour,
    /// 分: minutes of the clock.
    Minute,
    /// 个: the classifier between a quantity and its unit.
    Classifier,
    /// 年代: a decade after its year ("90年代").
    Decade,
    /// 上半年 (1), 下半年 (2): a half of the year.
    Half(u8),
    /// 季度: a quarter after its number.
    Quarter,
    /// 上旬, 中旬, 下旬: the first, middle or last ten days of a month.
    Xun(Position),
    /// 第: makes the number after it an ordinal.
    Ordinal,
}

impl Lex {
    /// Whether a word of this class can start or anchor a time expression,
    /// so the scanner must look around it.
    pub(crate) fn is_anchor(self) -> bool {
        self.is_core()
            || matches!(
                self,
                Lex::Func(Func::Am | Func::Pm | Func::OClock | Func::Oh)
                    | Lex::Number(0 | 15 | 20 | 30 | 40 | 45 | 50)
            )
    }

    /// Whether this class carries time by itself (as opposed to function
    /// words that only extend an expression: "the", "last", "about", "two").
    /// "a.m." and "o'clock" anchor a scan but need a number before them.
    pub(crate) fn is_core(self) -> bool {
        matches!(
            self,
            Lex::Month(_)
                | Lex::MonthAbbr(_)
                | Lex::Weekday(_)
                | Lex::WeekdayAbbr(_)
                | Lex::Unit(..)
                | Lex::Season(_)
                | Lex::PartOfDay(_)
                | Lex::Deictic(_)
                | Lex::Frequency(_)
                | Lex::FrequencyAdj(_)
                | Lex::Decade(_)
                | Lex::Holiday(_)
                | Lex::EndOf(_)
                | Lex::Shifted(..)
                | Lex::Marker(_)
                | Lex::DayPart(..)
                | Lex::Era(_)
                | Lex::Number(18 | 19)
                | Lex::Func(
                    Func::Half
                        | Func::YearHalf
                        | Func::Term
                        | Func::Period
                        | Func::Weekend
                        | Func::Noon
                        | Func::Midnight
                        | Func::Fiscal
                )
        )
    }
}

/// How a holiday's date is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// A fixed month and day.
    Fixed(u8, u8),
    /// The nth (1-based; -1 = last) weekday (1 = Monday) of a month.
    NthWeekday(i8, u8, u8),
    /// Days after the nth weekday of a month (Black Friday).
    NthWeekdayPlus(i8, u8, u8, i8),
    /// Days after Easter Sunday (negative: before).
    Easter(i16),
    /// Days after the Chinese New Year (negative: before).
    LunarNewYear(i16),
    /// A country's own day (its independence day), a fixed month and day
    /// unless a country named before it has another day
    /// ([`Tables::national_days`]).
    National(u8, u8),
}

impl HolidayRule {
    /// The holiday's day in `year`.
    pub(crate) fn on(self, year: i32) -> Option<jiff::civil::Date> {
        use crate::cal;
        match self {
            HolidayRule::Fixed(m, d) | HolidayRule::National(m, d) => {
                cal::date(year, m.into(), d.into())
            }
            HolidayRule::NthWeekday(n, wd, m) => cal::nth_weekday(year, m.into(), n, wd),
            HolidayRule::NthWeekdayPlus(n, wd, m, off) => {
                cal::add_days(cal::nth_weekday(year, m.into(), n, wd)?, off.into())
            }
            HolidayRule::Easter(off) => cal::add_days(cal::easter(year)?, off.into()),
            HolidayRule::LunarNewYear(off) => {
                cal::add_days(cal::chinese_new_year(year)?, off.into())
            }
        }
    }
}

/// One holiday: its name, as a sequence of lowercase words, and its rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Holiday {
    pub(crate) words: &'static [&'static str],
    pub(crate) rule: HolidayRule,
}

/// Supported languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) enum Language {
    #[default]
    English,
    German,
    French,
    Spanish,
    Ukrainian,
    Russian,
    Chinese,
}

impl Language {
    /// The language whose tables read texts in `lang`.
    pub(crate) fn of(lang: Lang) -> Language {
        match lang {
            Lang::De => Language::German,
            Lang::Fr => Language::French,
            Lang::Es => Language::Spanish,
            Lang::Uk => Language::Ukrainian,
            Lang::Ru => Language::Russian,
            Lang::Zh => Language::Chinese,
            _ => Language::English,
        }
    }

    /// The language's tables: the one dispatch point from a language to its data.
    pub(crate) fn tables(self) -> &'static Tables {
        match self {
            Language::English => &en::TABLES,
            Language::German => &de::TABLES,
            Language::French => &fr::TABLES,
            Language::Spanish => &es::TABLES,
            Language::Ukrainian => &uk::TABLES,
            Language::Russian => &ru::TABLES,
            Language::Chinese => &zh::TABLES,
        }
    }
}

/// Where a word that shifts a quantity back in time ("ago", "vor", "il y a",
/// "hace") stands, and what its expression is in the language's TimeML
/// corpora.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AgoBefore {
    /// The word stands after the quantity ("three years ago"): English.
    No,
    /// The word stands before the quantity and outside the expression, which
    /// is the DURATION ("vor [fünf Jahren]" in KRAUTS, "il y a [trois ans]"
    /// in French TimeBank).
    Signal,
    /// The word stands before the quantity and inside the expression, a DATE
    /// ("[hace tres años]" in Spanish TimeBank).
    Date,
}

/// Everything a language supplies to the shared engine: its word table and
/// the few facts about its spelling and word order that the grammar reads.
#[derive(Debug)]
pub(crate) struct Tables {
    /// Every word the grammar knows, lowercase ASCII (accents folded when
    /// `fold_accents`), with its class; the first entry of a word wins. An
    /// entry of several words ("fin de semana", "hoy por hoy") is a phrase:
    /// the tokenizer reads it as one token of that class.
    pub(crate) words: &'static [(&'static str, Lex)],
    /// Holidays, names as lowercase word sequences.
    pub(crate) holidays: &'static [Holiday],
    /// Anchor spellings that the tokenizer reads as one word but the word
    /// table cannot hold ("p.m.").
    pub(crate) spelled_anchors: &'static [&'static str],
    /// Letters glued to a day number that make it an ordinal ("21st",
    /// "1er", "1º").
    pub(crate) ordinal_suffixes: &'static [&'static str],
    /// A glued "." after a day number makes it an ordinal ("am 23. Juli").
    pub(crate) ordinal_dot: bool,
    /// The ordinal suffix follows a hyphen ("5-го", "18-е").
    pub(crate) ordinal_hyphen: bool,
    /// A weekday and a part of the day written as one word
    /// ("Donnerstagabend") are read as two.
    pub(crate) compounds: bool,
    /// Adjectives of a unit, in every ending ("tagig", "tagigen":
    /// "-tägig"), read as the unit: after a number and a hyphen
    /// ("154-tägiger Belagerung") or glued to one of `compound_numbers`,
    /// which the tokenizer splits from them ("zweitägigen", "einwöchigen").
    pub(crate) unit_adjectives: &'static [(&'static str, Unit)],
    /// The number words a unit adjective is glued to ("ein", "zwei", ...).
    pub(crate) compound_numbers: &'static [&'static str],
    /// Numeric dates are day first ("01.09.2024" is 1 September).
    pub(crate) day_first: bool,
    /// Words are looked up with their accents folded ("März" finds "marz").
    pub(crate) fold_accents: bool,
    /// The letters of a non-Latin alphabet (Cyrillic), for languages whose
    /// table words are written in it: the word table keys each letter as
    /// one byte, so that "вісімнадцятого" fits its 16-byte keys. Empty for
    /// languages written in Latin letters, whose words are keyed as spelled.
    pub(crate) letters: &'static str,
    /// Letters keyed as another before the lookup: Russian "ё" as "е", the
    /// Ukrainian apostrophe "ʼ" and "’" as "'".
    pub(crate) letter_folds: &'static [(char, char)],
    /// Words whose accented spelling is another word: they match only as
    /// written ("à" is not the verb "a", "él" is not the article "el").
    pub(crate) unaccented_only: &'static [&'static str],
    /// Words read differently when capitalized, with that class: German
    /// "Morgen" is the morning, "morgen" tomorrow.
    pub(crate) capitalized: &'static [(&'static str, Lex)],
    /// Words read differently after a determiner, with that class:
    /// Spanish "mañana" is tomorrow, "la mañana", "esta mañana" the morning.
    pub(crate) after_determiner: &'static [(&'static str, Lex)],
    /// Words before "de" that make the quantity after it an age ("âgé de
    /// 54 ans"); with any, ", 53 ans," between commas is one too.
    pub(crate) age_words: &'static [&'static str],
    /// Prepositions before a count of years that make it an age ("ab 16
    /// Jahren", "mit 16 Jahren", "unter 14 Jahren"), unless a noun the
    /// count measures follows ("mit 16 Jahren Verspätung").
    pub(crate) age_prepositions: &'static [&'static str],
    /// Comparatives after a count of years that make it a difference of
    /// ages ("16 Jahre jünger", "zwei Jahre älter"), lowercase and folded.
    pub(crate) age_comparatives: &'static [&'static str],
    /// Relative adjectives that, before a noun that is no time word, say
    /// only "in the future / past" ("la próxima edición"), as the
    /// language's TimeBank annotates them.
    pub(crate) rel_adjectives: &'static [&'static str],
    /// Possessive determiners, after which a relative adjective before its
    /// noun is a reference too ("sus [próximas] películas", "su [próximo]
    /// trabajo"); alone after one it is a noun ("su pasado").
    pub(crate) possessives: &'static [&'static str],
    /// Elided words keep their apostrophe ("l'année", "d'ici"): the table
    /// holds them as "l'", "d'".
    pub(crate) elision: bool,
    /// Hyphenated words are looked up whole ("après-midi", "dix-huit").
    pub(crate) hyphen_words: bool,
    /// Contractions of a preposition and an article that the language's
    /// TimeML corpus keeps inside an expression (Spanish "del", "al").
    pub(crate) span_contractions: &'static [&'static str],
    /// Prepositions fused with an article that the language's TimeML
    /// corpus leaves outside an expression but that stand for its article
    /// (German "am", "im", "vom"): "am [Nachmittag]" is the afternoon of
    /// the day the text named last, as "por [la tarde]", and "im [Jahr
    /// 2014]" is the year, as "[the year 2014]".
    pub(crate) article_contractions: &'static [&'static str],
    /// Endings that make a round number a decade ("60er", "1990er"), with
    /// the plural year noun after it or glued by a hyphen ("[den 60er
    /// Jahren]", "[den 1990er-Jahren]").
    pub(crate) decade_suffixes: &'static [&'static str],
    /// A weekday with a part of the day ("Donnerstagabend", "Freitag
    /// früh") is a TIME, as KRAUTS types it; English TimeBank types
    /// "Wednesday night" a DATE.
    pub(crate) weekday_part_time: bool,
    /// The word after "more"/"less" in a bound ("than", "als", "de").
    pub(crate) than: &'static [&'static str],
    /// Vague spans: "los últimos días", "ces derniers jours" (a DURATION),
    /// "estos días" (PRESENT_REF); and a deictic word naming its weekday,
    /// "hoy, jueves", as one expression.
    pub(crate) vague_spans: bool,
    /// A determiner right before an expression belongs to it ("le 15
    /// juillet", "el viernes", "dem 20. Jahrhundert"), as the language's
    /// TimeML guidelines write extents.
    pub(crate) article_in_span: bool,
    /// Month names that are ordinary words when written in lowercase
    /// (English "may", "march", "august").
    pub(crate) lowercase_not_month: &'static [&'static str],
    /// Month names that are also common words or names in any case
    /// ("May", "March"; French "mars", the planet): alone, they are months
    /// only after a word that opens a date ("in May", "en mars").
    pub(crate) guarded_months: &'static [&'static str],
    /// Every noun is capitalized (German): a capitalized word before a
    /// number is no sign of a name ("Windows 2000").
    pub(crate) nouns_capitalized: bool,
    /// A unit word is written lowercase inside a sentence, so a count before
    /// a capitalized one after a lowercase word is a name's ("a 60 Minutes
    /// interview", "the 2008 Year Book"). English; French writes so too
    /// ("la Guerre de Trente Ans") but waits for a French reading round.
    pub(crate) lowercase_units: bool,
    /// Where "ago" stands.
    pub(crate) ago: AgoBefore,
    /// Relative words may follow their noun ("mardi dernier", "el año
    /// pasado").
    pub(crate) rel_after_noun: bool,
    /// Clock times are written on a 24-hour clock with an hour word ("15
    /// Uhr", "15 h 30", "las 15.00 horas").
    pub(crate) clock_24h: bool,
    /// An article before a clock time names the hour ("a las 15.00").
    pub(crate) hour_article: bool,
    /// A lowercase word of two letters before a period ends its sentence
    /// ("sagte er.", "gibt es.", "lo que es.", "comme il."): the grammar
    /// then reads no tense across it and a capitalized relative word after
    /// it opens a sentence ("Nächste Woche kommt sie"), not a title.
    /// English keeps such a period open (an abbreviation may end in it:
    /// "vs.", "ft."); an initial ("J.") or a capitalized short word ("Dr.",
    /// "Nr.") keeps it open everywhere.
    pub(crate) short_words_end_sentences: bool,
    /// The plural articles a decade written as a bare number follows
    /// ("los 80", "les années 90"): Spanish "las 10" is a clock hour, and
    /// German "das 50-jährige Bestehen" no decade (German writes "die
    /// 50er", `decade_suffixes`).
    pub(crate) decade_articles: &'static [&'static str],
    /// A fraction of a unit is written as a decimal of that unit ("media
    /// hora" PT0.5H, "dos semanas y media" P2.5W), as Spanish TimeBank
    /// writes it; elsewhere it goes down one unit (PT30M, P2W4D).
    pub(crate) decimal_fractions: bool,
    /// Adjectives of yesterday and tomorrow ("gestrigen", "morgige"): a
    /// day only before the weekday they name ("am gestrigen Montag"), no
    /// expression of their own ("bei der gestrigen Pressekonferenz", which
    /// KRAUTS leaves out).
    pub(crate) attributive_days: &'static [&'static str],
    /// Plural articles that make the weekday after them plural, every such
    /// day (a SET): Spanish "los lunes", "los sábados", whose "lunes" to
    /// "viernes" are the same in both numbers.
    pub(crate) plural_day_articles: &'static [&'static str],
    /// Words for units of unstated number, a DURATION alone ("jahrelang",
    /// "die jahrelange Arbeit", "langjährigen": `PXY`); the table gives
    /// each its plural unit.
    pub(crate) vague_unit_words: &'static [&'static str],
    /// Auxiliaries of the perfect among the tense cues ("ha", "han";
    /// "hat", "haben"): before "until" and a date the state they tell holds
    /// now and ends ahead ("han dado vacaciones hasta el jueves").
    pub(crate) perfect_auxiliaries: &'static [&'static str],
    /// The words that end an idiom "now and ..." ("every now and then",
    /// "now and again"): from time to time, so its "now" names no time.
    pub(crate) now_and_idioms: &'static [&'static str],
    /// Nouns of the time around a holiday ("the Christmas rush", "the
    /// Christmas buying season", "over the Christmas holiday"): a holiday
    /// before one is the nearest, most often the coming one, not the last
    /// one as other dates before a noun are.
    pub(crate) holiday_season_nouns: &'static [&'static str],
    /// A day named after a clock time with "of" is the clock's, the two
    /// expressions kept apart: "a las 20.00 horas del domingo", "las 18.00
    /// hora local ( 22.00 GMT ) de hoy", the first time of "entre las 06.00
    /// y las 18.00 de hoy" too (Spanish TimeBank).
    pub(crate) clock_day_of_after: bool,
    /// "noon" and "midnight" take the day named after them with "of", as
    /// every clock does under `clock_day_of_after`: "took effect at
    /// midnight of New Year's Day", "At noon of July 11" (issue 17, seed 52).
    pub(crate) noon_day_of_after: bool,
    /// Words that tell, in the sentence of a midnight "at" (or "from") a
    /// named day, that something begins then ("came into effect", "can
    /// officially begin", "starting at", "The strike began"): the midnight
    /// that opens the day, not the one that closes it (issue 17, seed 52).
    pub(crate) beginning_words: &'static [&'static str],
    /// Words of ending that keep the midnight that closes the day in such a
    /// sentence ("begins at 10 p.m. and ends at midnight on Friday").
    pub(crate) ending_words: &'static [&'static str],
    /// Words after which "a second" is a stretch of time ("for a second",
    /// "a fraction of a second", "wait a second"). After any other word "a
    /// second" before a comma, a bracket or "of" is the ordinal standing for
    /// its noun ("a second (runoff) round", "then a second, more powerful
    /// bomb", "A second, by R. Joseph Hoffmann", "and a second of misconduct";
    /// issue 17, seed 53). Empty: no such reading.
    pub(crate) second_unit_before: &'static [&'static str],
    /// Capitalized words of a newspaper's name that the lexicon knows
    /// otherwise ("Times", "Business"): a frequency word next to one is in
    /// the name ("told Daily Times", "the Investors Business Daily"; issue
    /// 17, seed 53), as it is next to a word the lexicon does not know.
    pub(crate) paper_name_words: &'static [&'static str],
    /// Verbs of asking or sending ("demanded", "called", "sent"): in the
    /// present perfect, with the request's content ("to", "for") between the
    /// verb and a date, the date is the content's, not the asking's, and
    /// takes the nearest reading ("has demanded staff return to work on
    /// Tuesday", "have called for a general strike on Thursday", "has sent
    /// Rice to visit the country on Monday"; issue 17, seed 54). Empty: the
    /// perfect reads the date as past.
    pub(crate) request_verbs: &'static [&'static str],
    /// A clock time without a day is on the day the text named last
    /// ("samedi ... à 15 h"), as KRAUTS and French TimeBank annotate it;
    /// English news leaves it on the reference day, unless a recent day
    /// named just before tells the story (`grammar/story_day.rs`).
    pub(crate) clock_on_named_day: bool,
    /// Words that make a clock time after them one of every day ("jeweils
    /// 20 Uhr", "wochentags von 14 bis 18 Uhr"), within a few words: a
    /// time with no day of its own (`T20:00`), as KRAUTS marks it, rather
    /// than one on the day the text named last.
    pub(crate) each_day_words: &'static [&'static str],
    /// Words for a set of days that make a span of hours near them a
    /// schedule's ("open weekdays from 9 a.m. to 5 p.m."): its clocks
    /// are times of no one day (`XXXX-XX-XXT09:00`, `grammar/lists.rs`),
    /// as a weekday set's are (ASCII, matched ignoring case).
    pub(crate) schedule_days: &'static [&'static str],
    /// Adjectives that may stand between the indefinite article and a
    /// weekday it makes any such day ("on a typical Saturday night"); the
    /// rule (`p_weekday`) runs only where this table is not empty.
    pub(crate) generic_day_adjectives: &'static [&'static str],
    /// Adverbs of degree that a past or future reference word ("recently",
    /// "soon") keeps inside its extent: "[more recently]", "[very soon]",
    /// as TBAQ and MEANTIME mark them (ASCII, matched ignoring case).
    pub(crate) degree_adverbs: &'static [&'static str],
    /// Determiners that make a bare plural "days" after them the present,
    /// nowadays ("[these days]", PRESENT_REF, as TBAQ marks it), not a
    /// stretch of days (ASCII, matched ignoring case).
    pub(crate) present_days: &'static [&'static str],
    /// Words after "the" and a plural unit that make it the open stretch
    /// ahead ("[the weeks ahead]", PXW, as "the coming weeks"; TBAQ), and
    /// that keep "these days" before them no present (ASCII, matched
    /// ignoring case).
    pub(crate) units_ahead_words: &'static [&'static str],
    /// Words the word table does not know that begin no noun: after "a
    /// Saturday night" they leave it nothing to modify, so it stays any
    /// such day ("on a Saturday night with the 'Blond Gaggle'", "sit on a
    /// Friday without question time"), and after "today's" they end the
    /// phrase whose head tells the present age ("the burden of today's
    /// deficits onto the backs of", `Tables::age_nouns`).
    pub(crate) not_nouns: &'static [&'static str],
    /// The forms of the verb that gives the weekday of a date named
    /// elsewhere ("Republic Day fell on a Sunday"): no day of its own.
    pub(crate) fall_verbs: &'static [&'static str],
    /// Nouns of an age's people or state that make "today's" before them
    /// the present age, PRESENT_REF, not the day ("in today's global
    /// economy", "today's teens", "in today's dollars"): the head of the
    /// phrase, its last word (ASCII, matched ignoring case).
    pub(crate) age_nouns: &'static [&'static str],
    /// Phrases, words parted by one space, that make "today" closing them
    /// before a mark the present age, PRESENT_REF: a comparison with the
    /// present state ("as it is today.", "as we know it today.", "it
    /// remains the same today"), not a day's event (ASCII, matched
    /// ignoring case).
    pub(crate) today_state_phrases: &'static [&'static str],
    /// Nouns for a limit set ahead of the day it falls on ("the November 24
    /// deadline", "a deadline of November 24"): a day so named keeps the
    /// nearest reading whatever the tense of its clause, which tells when
    /// the limit was set, met or missed, not when it falls (ASCII, matched
    /// ignoring case).
    pub(crate) deadline_nouns: &'static [&'static str],
    /// A clock time after a named day is an expression of its own, on
    /// that day ("[samedi 4 janvier], à [18 h 30]", "[1. September 1939]
    /// um [4:45 Uhr]", "[ce soir] à [00 h 10]"), as French TimeBank 1.1,
    /// KRAUTS and WikiWarsDE annotate them; English TimeBank joins them
    /// ("[Friday at 3 p.m.]").
    pub(crate) clock_apart: bool,
    /// A document whose years lie mostly far from its reference date is a
    /// narrative (a history article): there a date without a year takes the
    /// last year the text named, not the reference's (HeidelTime's
    /// "narrative" document type). English leaves this off so that its
    /// news output and speed stay as they are.
    pub(crate) narrative_years: bool,
    /// Words after a duration that the language's TimeML corpus keeps inside
    /// it ("un día después", "dos meses más tarde", "un año más"), as word
    /// sequences in table spelling.
    pub(crate) duration_tails: &'static [&'static [&'static str]],
    /// Words that, right after such a tail, tie it to an event outside the
    /// expression ("dos días después del partido"): the tail stays out.
    pub(crate) tail_breakers: &'static [&'static str],
    /// Adverbs that may stand between an "ago" written before its quantity
    /// and the quantity, inside the expression ("hace sólo unas semanas",
    /// "hace ya muchos meses", "hace escasamente un mes").
    pub(crate) ago_adverbs: &'static [&'static str],
    /// Words after "ago" that say "a while" ("hace tiempo", "hace mucho"):
    /// a stretch of unstated length, which Spanish TimeBank writes as the
    /// DURATION `PXM` ("desde [hace tiempo]").
    pub(crate) ago_while: &'static [&'static str],
    /// Prepositions that stand for a rate's "a" after a count ("400 Euro
    /// [im Monat]", "[einmal im Jahr]", "200 Patienten [am Tag]").
    pub(crate) rate_articles: &'static [&'static str],
    /// Verb forms that spend a bare plural unit after them, a duration
    /// (Spanish "llevar": "Llevan [años] al servicio", "llevaban [días]
    /// con molestias"), like "for" before it.
    pub(crate) spend_verbs: &'static [&'static str],
    /// Words before an article that the language's corpus keeps inside
    /// with it ("[todo el año]", "[toda la semana]"), where the article is
    /// (`article_in_span`).
    pub(crate) whole_words: &'static [&'static str],
    /// Accented words whose folded spelling is another word, with their
    /// own class ("à" → `Func::At`; "a" is the verb).
    pub(crate) accented: &'static [(&'static str, Lex)],
    /// Word endings that mark a verb's tense next to an expression (English
    /// "-ed"); a word matches when it is lowercase, not in the table, and
    /// longer than four bytes.
    pub(crate) tense_suffixes: &'static [(&'static str, Cue)],
    /// A sentence may begin with its verb, the subject left unsaid
    /// ("Llegará el viernes"): a capitalized word that starts a sentence
    /// is read for `tense_suffixes` too (any other capitalized word may be
    /// a name: "Miró").
    pub(crate) verb_first: bool,
    /// Words that put the start of a state right before a date ("ab
    /// Montag", "à partir de vendredi"): without a tense near it, the date
    /// is ahead, as news announces such starts. Lowercase, as written.
    pub(crate) onset_words: &'static [&'static [&'static str]],
    /// Verb-group words for reading a date's clause ("will", "said", "plans"):
    /// a language with this table reads direction from the clause's verb;
    /// one without from tense cues near the date.
    pub(crate) verbs: &'static [(&'static str, Verb)],
    /// Nouns after a year number that mark it a year and stay outside the
    /// expression ("[1914] року", "в [1914] году", "[1918] р."): a number
    /// before one is a year, never a count of years, when it has four
    /// digits or an era follows.
    pub(crate) year_nouns: &'static [&'static str],
    /// Nouns of events that last ("crisis", "strike", "war"): a split year
    /// before one ("the 2008-09 financial crisis"), with at most one word
    /// between, names the two years the event spans, not a fiscal or
    /// sporting year.
    pub(crate) event_nouns: &'static [&'static str],
    /// The year nouns a bare year keeps inside its expression, without a
    /// dot ("[1914 року]", "[1918 р]." but "у [1914] році", "[28 червня
    /// 1914] року"), as WikiWarsUA writes them.
    pub(crate) year_nouns_inside: &'static [&'static str],
    /// Eras before the common era, as word sequences ("до н. е.", "до нашої
    /// ери"; dots between the words are read through): the year before one
    /// is BC ("[264 до н. е.]" is BC0264), and the era is inside. A word
    /// written with its dot ("chr.") is an abbreviation that keeps it
    /// ("[202 v. Chr.]"); words of one or two letters keep theirs anyway.
    pub(crate) era_bc: &'static [&'static [&'static str]],
    /// Weekday forms that are also common nouns ("середа", "среда": the
    /// environment): Wednesday only in a date context, after a preposition
    /// or a relative word, or beside a date or another time word.
    pub(crate) guarded_weekdays: &'static [&'static str],
    /// Particles that make the demonstrative before them "the same" and are
    /// read as part of it ("того ж дня", "в тот же день").
    pub(crate) same_particles: &'static [&'static str],
    /// A day range in one run ("11—12 листопада 1914") is two dates, the
    /// first day taking the month and year of the second, as WikiWars
    /// annotates it; otherwise one DURATION with both ends (TimeBank).
    pub(crate) split_day_ranges: bool,
    /// A range of amounts that names its unit once ("de dos a tres años",
    /// "sechs bis acht Monate") is two durations, the first taking the
    /// unit of the second, as Spanish TimeBank, KRAUTS and WikiWarsDE
    /// annotate it; otherwise the second amount alone is one.
    pub(crate) split_amount_ranges: bool,
    /// Capitalized nouns that name a place after them, a date included
    /// ("Avenida 17 de Junio", "Plaza 2 de Mayo", "rue du 4 Septembre"):
    /// a date after one is part of the name.
    pub(crate) place_nouns: &'static [&'static str],
    /// Weekdays that are also given names ("Domingo"): capitalized, alone
    /// and before a capitalized word the table does not know ("Domingo
    /// García", "Domingo Cavallo"), a name.
    pub(crate) name_weekdays: &'static [&'static str],
    /// "26.7", "15.2.": a day and a month joined by a dot are a date (the
    /// language writes decimals with a comma).
    pub(crate) dotted_day_month: bool,
    /// The word for a half ("Hälfte") is a half of the year only with the
    /// year after it ("der ersten Hälfte des Jahres", "der zweiten Hälfte
    /// 2014"): alone, news uses it of a match ("Vier Minuten waren in der
    /// zweiten Hälfte gespielt"), and says the year's half with words of
    /// its own ([`Func::YearHalf`]: "Jahreshälfte", "Halbjahr"). The year
    /// follows in the genitive, without a word for "of" (German), or after
    /// it (Spanish "la primera mitad de 1999", French "la première moitié
    /// de l'année"; "semestre" is the year's half alone).
    pub(crate) half_needs_year: bool,
    /// A part of the day takes the day it belongs to in the genitive ("am
    /// Morgen des 22. Juni 1941", "in der Nacht des 14. August"): the two
    /// are one TIME of that day, as KRAUTS and WikiWarsDE mark them.
    pub(crate) genitive_days: bool,
    /// A count of units before a word for later or earlier ("zwei Tage
    /// später", "einen Tag zuvor", "drei Monate danach") names the day that
    /// far from the day the text named last: one DATE with the word
    /// inside, as KRAUTS and WikiWarsDE mark it (TimeBank marks "two days
    /// later" as the duration).
    pub(crate) counted_from_story: bool,
    /// Words for a day shifted from the day the text named last, when it
    /// named one ("am Vortag": the day before it, as KRAUTS marks it), not
    /// from the reference as "gestern" is (ASCII, matched ignoring case).
    pub(crate) story_shifted_days: &'static [&'static str],
    /// News counts its weeks from Sunday: "last week" said on a Sunday is
    /// the Monday to Saturday just ended ("Thursday last week" is three
    /// days back), where the ISO week before would be ten.
    pub(crate) sunday_ends_week: bool,
    /// Countries' words (a name or its adjective, as the lexicon folds them)
    /// with the month and day of their own national day, for a
    /// [`HolidayRule::National`] named after one ("India's Independence
    /// Day" is August 15, "the Mexican Independence Day" September 16).
    /// Month 0: the country's day moves from year to year (Israel's follows
    /// the Hebrew calendar), and the holiday is not read.
    pub(crate) national_days: &'static [(&'static str, u8, u8)],
    /// First words of holiday names that are also everyday phrases, read as
    /// the holiday only capitalized as a whole: "May Day" (not "may day"),
    /// "Election Day" (the United States'; "election day" is the day of
    /// whatever election the story tells).
    pub(crate) capitalized_holidays: &'static [&'static str],
    /// Decimals are written with a comma ("30,4 secondes", "1,5 Stunden",
    /// "2,5 años"): a comma between digits is the decimal mark, never a
    /// thousands separator.
    pub(crate) decimal_comma: bool,
    /// Month names are written in lowercase: a lowercase month beside a
    /// capitalized word is no name ("у квітні Вашингтон").
    pub(crate) months_lowercase: bool,
    /// A year of four digits alone at the start of a line, before a colon,
    /// a dash and another year, or the line's end, heads a timeline's
    /// section ("1980: вторгнення", "1789—1794").
    pub(crate) heading_years: bool,
    /// Words before a quantity that put it ahead of the reference whatever
    /// the tense ("через два дні"; English "in" may also mean "within"): in
    /// a narrative, ahead of the last day the story named. A table with
    /// any reads "in N units" from these words only.
    pub(crate) ahead_words: &'static [&'static str],
    /// Prepositions after which a number and an hour noun name a clock time
    /// ("о 15 годині", "в 15 часов"), not a duration, as does a bare hour
    /// not followed by a noun ("о 15", "в 8 вечера"); a part of the day in
    /// the genitive after the hour sets its half ("8 часов вечера").
    pub(crate) clock_prepositions: &'static [&'static str],
    /// Prepositions after the word for night that name the day it leads
    /// into ("ніч на 4 серпня", "ночь с 3 на 4 августа"): a TIME of that day.
    pub(crate) night_into: &'static [&'static str],
    /// Words that join the two days of a night named by both ("in der
    /// Nacht vom 16. auf den 17. April", "vom 20./21. Juni" with a slash
    /// too): a TIME of the first day, whose span ends with it, the second
    /// day an expression of its own (WikiWarsDE).
    pub(crate) night_pair_words: &'static [&'static str],
    /// Position words glued to their unit ("Jahresende", "Monatsanfang",
    /// "Wochenmitte"), listed in the words as positions: the position of
    /// that unit, as "Ende des Jahres" is ("zum [Jahresende]", "[Jahresbeginn
    /// 1918]").
    pub(crate) position_compounds: &'static [(&'static str, Unit)],
    /// Words for "after that" that follow a unit the article of a fused
    /// preposition makes definite ("im Jahr darauf"), read as "later" only
    /// there ("drei Jahre darauf gewartet" waited for it).
    pub(crate) after_that_words: &'static [&'static str],
    /// Words for a year shifted from the year named last, not from the
    /// reference ("im Folgejahr"), as `story_shifted_days` are for days.
    pub(crate) story_shifted_years: &'static [&'static str],
    /// Adjectives between a preposition (or article) and a part of the day
    /// that keep it on the same day ("am [frühen Morgen]", "im [späten
    /// Nachmittag des 2. Mai]").
    pub(crate) part_of_day_adjectives: &'static [&'static str],
    /// Adverbs of a part of the day or a season that are an expression
    /// alone ("вночі", "влітку", "ночью", "летом"), listed in the words
    /// with their class (`grammar/time_adverbs.rs`).
    pub(crate) time_adverbs: &'static [&'static str],
    /// The language has no articles: "наступного дня" is "the following
    /// day", anchored on the last day named, as English says it with "the".
    pub(crate) no_articles: bool,
    /// Prepositions before a duration that the language's corpus keeps
    /// inside it ("[протягом двох тижнів]", "[через три дні]").
    pub(crate) duration_heads: &'static [&'static str],
    /// A language written without spaces (Chinese): its words, cut from the
    /// text by longest match (`unspaced.rs`) and read by the grammar's own
    /// rules for it (`grammar/unspaced.rs`). `None` for spaced languages,
    /// which then pay nothing for it.
    pub(crate) unspaced: Option<&'static Unspaced>,
}

impl Tables {
    /// A language that uses none of the optional words and rules: every
    /// list empty, every switch off. A language's table names what it uses
    /// and takes the rest from here (`..Tables::EMPTY`), so a field a new
    /// language brings touches no other language's file.
    pub(crate) const EMPTY: Tables = Tables {
        words: &[],
        holidays: &[],
        spelled_anchors: &[],
        ordinal_suffixes: &[],
        ordinal_dot: false,
        ordinal_hyphen: false,
        compounds: false,
        unit_adjectives: &[],
        compound_numbers: &[],
        day_first: false,
        fold_accents: false,
        letters: "",
        letter_folds: &[],
        unaccented_only: &[],
        capitalized: &[],
        after_determiner: &[],
        age_words: &[],
        age_prepositions: &[],
        age_comparatives: &[],
        rel_adjectives: &[],
        possessives: &[],
        elision: false,
        hyphen_words: false,
        span_contractions: &[],
        article_contractions: &[],
        decade_suffixes: &[],
        weekday_part_time: false,
        than: &[],
        vague_spans: false,
        article_in_span: false,
        lowercase_not_month: &[],
        guarded_months: &[],
        nouns_capitalized: false,
        lowercase_units: false,
        ago: AgoBefore::No,
        rel_after_noun: false,
        clock_24h: false,
        hour_article: false,
        short_words_end_sentences: false,
        decade_articles: &[],
        decimal_fractions: false,
        attributive_days: &[],
        schedule_days: &[],
        generic_day_adjectives: &[],
        degree_adverbs: &[],
        present_days: &[],
        units_ahead_words: &[],
        not_nouns: &[],
        fall_verbs: &[],
        age_nouns: &[],
        today_state_phrases: &[],
        deadline_nouns: &[],
        plural_day_articles: &[],
        vague_unit_words: &[],
        perfect_auxiliaries: &[],
        now_and_idioms: &[],
        holiday_season_nouns: &[],
        clock_day_of_after: false,
        noon_day_of_after: false,
        beginning_words: &[],
        ending_words: &[],
        second_unit_before: &[],
        paper_name_words: &[],
        request_verbs: &[],
        clock_on_named_day: false,
        each_day_words: &[],
        clock_apart: false,
        narrative_years: false,
        duration_tails: &[],
        tail_breakers: &[],
        ago_adverbs: &[],
        ago_while: &[],
        rate_articles: &[],
        spend_verbs: &[],
        whole_words: &[],
        accented: &[],
        tense_suffixes: &[],
        verb_first: false,
        onset_words: &[],
        verbs: &[],
        year_nouns: &[],
        event_nouns: &[],
        year_nouns_inside: &[],
        era_bc: &[],
        guarded_weekdays: &[],
        same_particles: &[],
        split_day_ranges: false,
        split_amount_ranges: false,
        place_nouns: &[],
        name_weekdays: &[],
        dotted_day_month: false,
        half_needs_year: false,
        genitive_days: false,
        counted_from_story: false,
        story_shifted_days: &[],
        sunday_ends_week: false,
        national_days: &[],
        capitalized_holidays: &[],
        decimal_comma: false,
        months_lowercase: false,
        heading_years: false,
        ahead_words: &[],
        clock_prepositions: &[],
        night_into: &[],
        night_pair_words: &[],
        position_compounds: &[],
        after_that_words: &[],
        story_shifted_years: &[],
        part_of_day_adjectives: &[],
        time_adverbs: &[],
        no_articles: false,
        duration_heads: &[],
        unspaced: None,
    };
}

/// What a language written without spaces supplies: the words the scanner
/// cuts from its runs by longest match, the words it must not cut a date
/// word out of, and its numerals.
#[derive(Debug)]
pub(crate) struct Unspaced {
    /// Words as written (simplified and traditional forms alike) with their
    /// class; the first entry of a word wins.
    pub(crate) words: &'static [(&'static str, Lex)],
    /// Words that hold a date character but name no time ("日本", "月球",
    /// "年级", "生日"): the longest match takes them whole, so their 日, 月,
    /// 年 never reach the grammar.
    pub(crate) not_dates: &'static [&'static str],
    /// Numeral characters: digits (0 to 9) and multipliers (10, 100, 1000,
    /// 10000). A run of them is one number token.
    pub(crate) numerals: &'static [(char, u32)],
    /// Holidays by name.
    pub(crate) holidays: &'static [(&'static str, HolidayRule)],
    /// Eras whose years count from a base year ("民国6年" is 1911 + 6):
    /// name and the year before the era's first.
    pub(crate) eras: &'static [(&'static str, i32)],
    /// Words that a number counts although they begin with a date marker
    /// ("30日元", thirty yen): after a number, other not-date words that
    /// begin with 日 or 月 give the marker back ("26日本赛季" is the 26th).
    pub(crate) counted: &'static [&'static str],
}

/// A word of an unspaced table and its class (`None`: a not-date word).
type WordClass = (&'static str, Option<Lex>);

/// An [`Unspaced`] table ready for longest-match lookups: words grouped
/// by their first character (a binary search on it), longest first within
/// a group, so the first word of the group that the text starts with is
/// the longest match. Most characters begin no word and cost one search.
#[derive(Debug)]
pub(crate) struct UnspacedWords {
    /// (first character, words beginning with it longest first, each with
    /// its class or `None` for a not-date word), sorted by character.
    groups: Vec<(char, Vec<WordClass>)>,
    /// Per group, per word: its bytes after the first character as
    /// [`Head::of`] packs them, so that `longest` compares a word in one
    /// step instead of a `memcmp` call (a call per word of a group, for
    /// every character of a region that begins one).
    heads: Vec<Vec<Head>>,
    /// The numerals, sorted by character.
    numerals: Vec<(char, u32)>,
    /// Where each group's first character is in `groups`.
    group_of: CharIndex,
    /// Where each numeral is in `numerals`.
    numeral_of: CharIndex,
    pub(crate) table: &'static Unspaced,
}

/// Up to eight bytes, little-endian and zero-padded, with the mask of the
/// bytes present.
#[derive(Clone, Copy, Debug)]
struct Head {
    bytes: u64,
    mask: u64,
}

impl Head {
    fn of(b: &[u8]) -> Head {
        let n = b.len().min(8);
        let mut buf = [0u8; 8];
        buf[..n].copy_from_slice(&b[..n]);
        let mask = if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
        Head { bytes: u64::from_le_bytes(buf), mask }
    }
}

/// The positions of a few hundred sorted characters, found from a table
/// indexed by the code point's low bits: the tokenizer of a language
/// without spaces looks every character of a region up twice, and most of
/// them are in no table.
#[derive(Debug)]
struct CharIndex {
    /// Per slot: 0 when no character has it, `SHARED` when several do,
    /// else the position of its one character plus one.
    slots: Box<[u8; CharIndex::SLOTS]>,
    chars: Vec<char>,
}

impl CharIndex {
    const SLOTS: usize = 4096;
    const SHARED: u8 = u8::MAX;

    /// The index of `chars`, which are sorted.
    fn new(chars: Vec<char>) -> CharIndex {
        debug_assert!(chars.is_sorted());
        let mut slots = Box::new([0u8; CharIndex::SLOTS]);
        for (k, &c) in chars.iter().enumerate() {
            let slot = &mut slots[c as usize % CharIndex::SLOTS];
            // Past 254 characters every slot falls back to the search.
            *slot = match u8::try_from(k + 1) {
                Ok(position) if *slot == 0 && position != CharIndex::SHARED => position,
                _ => CharIndex::SHARED,
            };
        }
        CharIndex { slots, chars }
    }

    #[inline]
    fn get(&self, c: char) -> Option<usize> {
        match self.slots[c as usize % CharIndex::SLOTS] {
            0 => None,
            CharIndex::SHARED => self.chars.binary_search(&c).ok(),
            position => {
                let k = usize::from(position) - 1;
                (self.chars[k] == c).then_some(k)
            }
        }
    }
}

impl UnspacedWords {
    fn new(table: &'static Unspaced) -> UnspacedWords {
        let mut all: Vec<(&'static str, Option<Lex>)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut add = |w: &'static str, lex: Option<Lex>| {
            if !w.is_empty() && seen.insert(w) {
                all.push((w, lex));
            }
        };
        for &(w, lex) in table.words {
            add(w, Some(lex));
        }
        for &w in table.not_dates {
            add(w, None);
        }
        for (i, &(w, _)) in table.holidays.iter().enumerate() {
            add(w, Some(Lex::Holiday(i as u8)));
        }
        for (i, &(w, _)) in table.eras.iter().enumerate() {
            add(w, Some(Lex::Era(i as u8)));
        }
        let mut groups: Vec<(char, Vec<WordClass>)> = Vec::new();
        all.sort_by_key(|(w, _)| (w.chars().next(), std::cmp::Reverse(w.len())));
        for (w, lex) in all {
            let first = w.chars().next().expect("words are not empty");
            match groups.last_mut() {
                Some((c, group)) if *c == first => group.push((w, lex)),
                _ => groups.push((first, vec![(w, lex)])),
            }
        }
        let mut numerals = table.numerals.to_vec();
        numerals.sort_unstable();
        let heads = groups
            .iter()
            .map(|(c, group)| {
                group.iter().map(|(w, _)| Head::of(&w.as_bytes()[c.len_utf8()..])).collect()
            })
            .collect();
        let group_of = CharIndex::new(groups.iter().map(|&(c, _)| c).collect());
        let numeral_of = CharIndex::new(numerals.iter().map(|&(c, _)| c).collect());
        UnspacedWords { groups, heads, numerals, group_of, numeral_of, table }
    }

    /// The longest word that `text` begins with: its length in bytes and
    /// its class (`None` for a not-date word).
    #[inline]
    pub(crate) fn longest(&self, text: &str) -> Option<(usize, Option<Lex>)> {
        let c = text.chars().next()?;
        let k = self.group_of.get(c)?;
        let bytes = text.as_bytes();
        // Every word of the group begins with `c`: the rest decides.
        let rest = &bytes[c.len_utf8()..];
        let got = match rest.first_chunk::<8>() {
            Some(chunk) => u64::from_le_bytes(*chunk),
            None => Head::of(rest).bytes,
        };
        self.groups[k]
            .1
            .iter()
            .zip(&self.heads[k])
            .find(|&(&(w, _), head)| {
                // A word longer than the text differs from its padding
                // (no word has a zero byte); past eight bytes, the rest
                // is compared whole.
                got & head.mask == head.bytes
                    && w.len() <= bytes.len()
                    && (w.len() - c.len_utf8() <= 8 || bytes.starts_with(w.as_bytes()))
            })
            .map(|(&(w, lex), _)| (w.len(), lex))
    }

    /// The class of exactly `word`, if the table has it (`Some(None)` for
    /// a not-date word).
    pub(crate) fn get(&self, word: &str) -> Option<Option<Lex>> {
        let k = self.group_of.get(word.chars().next()?)?;
        self.groups[k].1.iter().find(|(w, _)| *w == word).map(|&(_, lex)| lex)
    }

    /// Every word with its class (`None` for a not-date word).
    pub(crate) fn words(&self) -> impl Iterator<Item = (&'static str, Option<Lex>)> + '_ {
        self.groups.iter().flat_map(|(_, g)| g.iter().copied())
    }

    /// Whether a table word or a numeral begins with `c`.
    #[inline]
    pub(crate) fn may_begin(&self, c: char) -> bool {
        self.group_of.get(c).is_some() || self.numeral_of.get(c).is_some()
    }

    /// The value of a numeral character.
    #[inline]
    pub(crate) fn numeral(&self, c: char) -> Option<u32> {
        self.numeral_of.get(c).map(|k| self.numerals[k].1)
    }
}

/// A language's word table, ready for lookups.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Every word with its class, first entry of a word wins.
    entries: Vec<(&'static str, Lex)>,
    table: WordTable<Lex>,
    /// The verb-group words read around an expression (see [`Verb`]).
    verbs: WordTable<Verb>,
    pub(crate) holidays: &'static [Holiday],
    spelled_anchors: &'static [&'static str],
    /// The language's spelling and word-order facts.
    pub(crate) tables: &'static Tables,
    /// `tables.fold_accents`, kept beside the word table for the lookup.
    fold_accents: bool,
    /// The table keys words by `tables.letters` (a non-Latin alphabet).
    pub(crate) keyed: bool,
    /// The keys of those letters.
    letter_keys: Option<LetterKeys>,
    /// A non-ASCII word takes the slower lookup: `fold_accents || keyed`.
    fold_any: bool,
    /// The language uses any rule or spelling English does not (a language
    /// other than English): English checks this one flag and skips the rest.
    pub(crate) extended: bool,
    /// The language has article contractions or decade endings
    /// (`Tables::article_contractions`, `Tables::decade_suffixes`): the
    /// rules that read them run only then.
    pub(crate) fused_forms: bool,
    /// The word table of a language written without spaces.
    pub(crate) unspaced: Option<UnspacedWords>,
    /// The word table's phrases (entries of several words, see
    /// [`Tables::words`]), each as its words, with its class.
    pub(crate) phrases: Vec<(Vec<&'static str>, Lex)>,
    /// The first words of the phrases, for a lookup as cheap as a word's:
    /// the tokenizer tries the phrases only after one of them.
    phrase_starts: WordTable<()>,
    /// The phrases a word may begin (see [`Lexicon::phrases_starting`]).
    phrase_leads: LeadIndex,
    /// First words of multi-word holidays that the table gives another
    /// class ("Tag" of "Tag der Deutschen Einheit", "día" of "Día de la
    /// Hispanidad"): the holiday rule tries them too. Sorted by their
    /// lowercase first byte (see [`Lexicon::other_holiday_starts_for`]).
    pub(crate) other_holiday_starts: Vec<&'static str>,
    /// The holidays a name may begin with (see
    /// [`Lexicon::holidays_starting`]).
    holiday_leads: LeadIndex,
}

/// The entries of a table (holidays, phrases) whose first word a word may
/// be, by the word's first byte: a lookup compares a word with those alone.
#[derive(Debug)]
struct LeadIndex {
    /// Per ASCII byte, the indices of the entries whose first word may
    /// equal a word starting with it, in table order (one that starts with
    /// anything but an ASCII letter or digit is listed under every byte).
    by_byte: Vec<Vec<u8>>,
    /// Every index, for a word that starts with no ASCII letter or digit.
    all: Vec<u8>,
}

impl LeadIndex {
    /// The index of entries whose first words are `firsts`, in order.
    fn new<'a>(firsts: impl ExactSizeIterator<Item = Option<&'a str>>) -> LeadIndex {
        let index = |i: usize| u8::try_from(i).expect("at most 256 entries a language");
        let len = firsts.len();
        let mut by_byte = vec![Vec::new(); 128];
        for (i, first) in firsts.enumerate() {
            let first = first.and_then(|w| w.as_bytes().first());
            for (b, list) in by_byte.iter_mut().enumerate() {
                let b = b as u8;
                if first.is_none_or(|f| !f.is_ascii_alphanumeric() || f.eq_ignore_ascii_case(&b)) {
                    list.push(index(i));
                }
            }
        }
        LeadIndex { by_byte, all: (0..len).map(index).collect() }
    }

    /// The entries that may begin with the word `written`: those whose
    /// first word starts with its first byte, in either case, when that is
    /// an ASCII letter or digit (the only ones [`Lexicon::same_word`] may
    /// find equal); all of them otherwise.
    #[inline]
    fn get(&self, written: &str) -> &[u8] {
        match written.as_bytes().first() {
            Some(&b) if b.is_ascii_alphanumeric() => {
                &self.by_byte[usize::from(b.to_ascii_lowercase())]
            }
            _ => &self.all,
        }
    }
}

impl Lexicon {
    pub(crate) fn new(language: Language) -> Lexicon {
        let tables = language.tables();
        let (table, holidays, spelled_anchors) =
            (tables.words, tables.holidays, tables.spelled_anchors);
        let mut verbs = WordTable::with_capacity(tables.verbs.len());
        for &(w, v) in tables.verbs {
            verbs.insert(w, v);
        }
        let mut entries: Vec<(&'static str, Lex)> = Vec::with_capacity(table.len() + 16);
        let mut words = WordTable::with_capacity(table.len() + holidays.len());
        let letter_keys = LetterKeys::new(tables);
        let keyed = letter_keys.is_some();
        let key = |w: &'static str| -> Cow<'static, str> {
            let Some(letters) = &letter_keys else { return Cow::Borrowed(w) };
            let mut buf = [0u8; MAX_KEY];
            let n = letters
                .key(w, &mut buf)
                .unwrap_or_else(|| panic!("lexicon word {w:?} cannot be keyed"));
            Cow::Owned(String::from_utf8(buf[..n].to_vec()).expect("key bytes are ASCII"))
        };
        let mut add = |w: &'static str, lex: Lex| {
            if words.insert(&key(w), lex) {
                entries.push((w, lex));
            }
        };
        for &(w, lex) in table {
            add(w, lex);
        }
        for (i, h) in holidays.iter().enumerate() {
            if let [w] = h.words {
                add(w, Lex::Holiday(i as u8));
            }
        }
        // First words of multi-word holidays ("new", "good", "labor") are
        // marked so the grammar tries only the holiday rule on them.
        for h in holidays {
            if let Some(first) = h.words.first().filter(|_| h.words.len() > 1) {
                add(first, Lex::HolidayStart);
            }
        }
        for &(w, lex) in tables.capitalized {
            add(w, lex);
        }
        for &(w, unit) in tables.unit_adjectives {
            add(w, Lex::Unit(unit, false));
        }
        let phrases: Vec<(Vec<&'static str>, Lex)> = table
            .iter()
            .filter(|(w, _)| w.contains(' '))
            .map(|&(w, lex)| (w.split(' ').collect(), lex))
            .collect();
        let mut phrase_starts = WordTable::with_capacity(phrases.len());
        for (words, _) in &phrases {
            phrase_starts.insert(words[0], ());
        }
        let phrase_leads = LeadIndex::new(phrases.iter().map(|(words, _)| words.first().copied()));
        let mut other_holiday_starts: Vec<&'static str> = holidays
            .iter()
            .filter(|h| h.words.len() > 1)
            .map(|h| h.words[0])
            .filter(|w| {
                !matches!(
                    words.get(key(w).as_bytes()),
                    Some(Lex::Holiday(_) | Lex::HolidayStart | Lex::Month(4 | 5))
                )
            })
            .collect();
        other_holiday_starts.sort_unstable_by_key(|w| (first_byte_lowercase(w), *w));
        other_holiday_starts.dedup();
        let holiday_leads = LeadIndex::new(holidays.iter().map(|h| h.words.first().copied()));
        let t = tables;
        let extended = t.fold_accents
            || t.elision
            || t.hyphen_words
            || t.compounds
            || t.rel_after_noun
            || t.ordinal_dot
            || t.ago != AgoBefore::No
            || t.vague_spans
            || t.hour_article
            || !t.age_words.is_empty()
            || !t.letters.is_empty()
            || table.iter().any(|(w, _)| w.contains(' '))
            || !t.capitalized.is_empty()
            || !t.after_determiner.is_empty()
            || t.unspaced.is_some();
        let fused_forms = !t.article_contractions.is_empty() || !t.decade_suffixes.is_empty();
        Lexicon {
            extended,
            fused_forms,
            unspaced: t.unspaced.map(UnspacedWords::new),
            phrases,
            phrase_starts,
            phrase_leads,
            other_holiday_starts,
            holiday_leads,
            entries,
            table: words,
            holidays,
            spelled_anchors,
            tables,
            fold_accents: tables.fold_accents,
            keyed,
            letter_keys,
            fold_any: tables.fold_accents || keyed,
            verbs,
        }
    }

    /// Whether a phrase of the table may start with `word` (its first
    /// word written in ASCII, in any case).
    #[inline]
    pub(crate) fn starts_phrase(&self, word: &str) -> bool {
        self.phrase_starts.get(word.as_bytes()).is_some()
    }

    /// The verb-group class of a word, ASCII case-insensitively.
    #[inline]
    pub(crate) fn verb(&self, word: &[u8]) -> Option<Verb> {
        self.verbs.get(word)
    }

    /// Whether the language has a verb table, so the direction of a date is
    /// read from the governing verb group of its clause (`grammar/clause.rs`);
    /// without one it comes from tense cues near the date.
    #[inline]
    pub(crate) fn reads_clauses(&self) -> bool {
        !self.tables.verbs.is_empty()
    }

    /// Looks a word up, ASCII case-insensitively (and, in languages that
    /// fold accents, with its accents folded: "März", "février").
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<Lex> {
        match self.table.get(word.as_bytes()) {
            None if self.fold_any && !word.is_ascii() => self.get_folded(word),
            found => found,
        }
    }

    /// A word token's class: [`Lexicon::get`], with the capitalized reading
    /// where the language has one ("Morgen").
    #[inline]
    pub(crate) fn get_cased(&self, word: &str, upper: bool) -> Option<Lex> {
        if upper
            && let Some(&(_, lex)) =
                self.tables.capitalized.iter().find(|(w, _)| word.eq_ignore_ascii_case(w))
        {
            return Some(lex);
        }
        self.get(word)
    }

    #[cold]
    fn get_folded(&self, word: &str) -> Option<Lex> {
        if let Some(letters) = &self.letter_keys {
            let mut buf = [0u8; MAX_KEY];
            let n = letters.key(word, &mut buf)?;
            return self.table.get(&buf[..n]);
        }
        // The table holds no key longer than MAX_KEY: a word whose folded
        // form is longer is in none, and is folded on the stack otherwise.
        let mut buf = [0u8; MAX_KEY];
        let key = self.normalizer().fold_to_slice(word, &mut buf)?;
        if self.tables.unaccented_only.contains(&key) {
            let lower = word.to_lowercase();
            return self.tables.accented.iter().find(|(w, _)| *w == lower).map(|&(_, lex)| lex);
        }
        self.table.get(key.as_bytes())
    }

    /// Folds words as the table spells them: case folded, and accents
    /// folded in languages that fold them.
    fn normalizer(&self) -> Normalizer {
        Normalizer::new().with_accent_folding(self.fold_accents)
    }

    /// `word` as the table spells it.
    #[cfg(test)]
    pub(crate) fn fold(&self, word: &str) -> String {
        self.normalizer().fold(word)
    }

    /// The holidays (indices into `holidays`, in table order) whose name
    /// may begin with the word `written` (see [`LeadIndex::get`]). The
    /// holiday rule meets every "New" and "May" near a date, and the table
    /// has some eighty names.
    pub(crate) fn holidays_starting(&self, written: &str) -> &[u8] {
        self.holiday_leads.get(written)
    }

    /// The phrases (indices into `phrases`, in table order) that may begin
    /// with the word `written` (see [`LeadIndex::get`]). Spanish phrases
    /// begin with "de", "a", "el", "que", and each of those was compared
    /// with every phrase.
    pub(crate) fn phrases_starting(&self, written: &str) -> &[u8] {
        self.phrase_leads.get(written)
    }

    /// The words of `other_holiday_starts` that `written` may be: those
    /// whose first byte is its first byte in either case, when that is an
    /// ASCII letter or digit (the only ones [`Lexicon::same_word`] may find
    /// equal); all of them otherwise. The holiday rule asks at every token
    /// it meets, and in Spanish nearly every one was compared with every
    /// word.
    pub(crate) fn other_holiday_starts_for(&self, written: &str) -> &[&'static str] {
        match written.as_bytes().first() {
            Some(&b) if b.is_ascii_alphanumeric() => {
                let lead = Some(b.to_ascii_lowercase());
                let words = &self.other_holiday_starts;
                let from = words.partition_point(|w| first_byte_lowercase(w) < lead);
                let to = words.partition_point(|w| first_byte_lowercase(w) <= lead);
                &words[from..to]
            }
            _ => &self.other_holiday_starts,
        }
    }

    /// Whether the text `written` may be one of `other_holiday_starts`.
    pub(crate) fn is_other_holiday_start(&self, written: &str) -> bool {
        self.other_holiday_starts_for(written).iter().any(|w| self.same_word(written, w))
    }

    /// Whether the text `written` is the table word `word` (holiday names).
    #[inline]
    pub(crate) fn same_word(&self, written: &str, word: &str) -> bool {
        // A letter or digit first folds to its lowercase (no accent to
        // drop): most table words are told apart by it without folding.
        if let (Some(&w), Some(&t)) = (written.as_bytes().first(), word.as_bytes().first())
            && w.is_ascii_alphanumeric()
            && !w.eq_ignore_ascii_case(&t)
        {
            return false;
        }
        written.eq_ignore_ascii_case(word) || !written.is_ascii() && self.same_folded(written, word)
    }

    /// [`Lexicon::same_word`] for a word written with non-ASCII letters,
    /// by the language's letter keys or with accents folded (out of line:
    /// the holiday rule asks `same_word` of every "New" and "May" near a
    /// date, nearly all ASCII).
    #[cold]
    #[inline(never)]
    fn same_folded(&self, written: &str, word: &str) -> bool {
        self.letter_keys.as_ref().is_some_and(|letters| letters.same(written, word))
            || self.fold_accents
                && Normalizer::new().with_accent_folding(true).fold_eq(written, word)
    }

    /// The anchor words (every surface form whose class can anchor an
    /// expression), for the scanner's automaton.
    pub(crate) fn anchors(&self) -> Vec<Cow<'static, str>> {
        let mut v: Vec<&'static str> =
            self.entries.iter().filter(|(_, l)| l.is_anchor()).map(|(w, _)| *w).collect();
        // A holiday is anchored on its last word ("Day", "Eve", "Friday"),
        // so that common first words ("new", "good", "all") cost nothing.
        for h in self.holidays {
            if let Some(last) =
                h.words.last().filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
            {
                v.push(last);
            }
        }
        v.extend_from_slice(self.spelled_anchors);
        // Readings that depend on the neighbours ("en été") anchor too.
        let contextual = self.tables.after_determiner.iter().chain(self.tables.capitalized);
        v.extend(contextual.filter(|(_, l)| l.is_anchor()).map(|(w, _)| *w));
        v.extend_from_slice(self.tables.rel_adjectives);
        // "hace [tiempo]": the word after "ago" carries the time.
        v.extend_from_slice(self.tables.ago_while);
        // Unspaced words anchor wherever they stand in a run.
        if let Some(u) = &self.unspaced {
            v.extend(
                u.words()
                    .filter(|&(w, l)| l.is_some_and(|l| anchors_unspaced(w, l)))
                    .map(|(w, _)| w),
            );
        }
        let mut v: Vec<Cow<'static, str>> = v.into_iter().map(Cow::Borrowed).collect();
        // "zweitägigen": a number word glued to a unit adjective is one
        // word to the scanner.
        for number in self.tables.compound_numbers {
            v.extend(
                self.tables.unit_adjectives.iter().map(|(a, _)| format!("{number}{a}").into()),
            );
        }
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// The alphabet of the Cyrillic tables (Ukrainian and Russian letters), in
/// the order their key bytes take (`letters.rs`).
pub(super) const CYRILLIC: &str = "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюя";
/// Whether a word of an unspaced table opens a region: every class that
/// can stand in an expression, except those that only extend one ("前"
/// after a quantity, "个", "第", "每", "分" after an hour, "晚" after a
/// date, "的" between a date and its head, tense cues, hedges). Frequent
/// characters that anchor nothing cost a region each: "的", the commonest
/// character of Chinese, opened half of all regions.
fn anchors_unspaced(word: &str, l: Lex) -> bool {
    let one_char = word.chars().nth(1).is_none();
    let extends = matches!(
        l,
        Lex::Cue(_)
            | Lex::Hedge(_)
            | Lex::Vague(_)
            | Lex::Position(_)
            | Lex::Rel(Rel::Ago | Rel::Later | Rel::Since)
            | Lex::Marker(Marker::Classifier | Marker::Ordinal | Marker::Minute)
            | Lex::Func(Func::Every | Func::Half | Func::Of)
    );
    !(extends || one_char && matches!(l, Lex::PartOfDay(_)))
}

/// The longest word a [`WordTable`] holds, in bytes.
const MAX_KEY: usize = 16;

/// An open-addressing table from lowercase ASCII words of at most
/// [`MAX_KEY`] bytes to their class, keyed by the word's bytes packed
/// into a `u128` (words have no NUL byte, so the packing is one to one).
/// A lookup packs and lowercases the word, multiplies the key into a slot
/// and compares integers: no UTF-8 check, no byte-wise hash, no string
/// comparison.
#[derive(Debug)]
pub(crate) struct WordTable<V> {
    /// Bit [`filter_bit`] of every word held. Most words of a text are in
    /// no table (43% of the date tokenizer's lookups in news hit): the
    /// filter turns most of the others away before they are packed and
    /// hashed.
    filter: [u64; FILTER_WORDS],
    /// Packed keys; 0 marks an empty slot.
    keys: Vec<u128>,
    values: Vec<Option<V>>,
    /// 128 minus log2 of the slot count.
    shift: u32,
}

impl<V: Copy> WordTable<V> {
    pub(crate) fn with_capacity(words: usize) -> WordTable<V> {
        // At most a quarter full: probe sequences stay short.
        let slots = (words * 4).next_power_of_two().max(16);
        WordTable {
            filter: [0; FILTER_WORDS],
            keys: vec![0; slots],
            values: vec![None; slots],
            shift: 128 - slots.trailing_zeros(),
        }
    }

    /// Adds `word` (lowercase ASCII, no NUL, 1 to [`MAX_KEY`] bytes) unless
    /// it is present; returns whether it was added.
    pub(crate) fn insert(&mut self, word: &str, value: V) -> bool {
        assert!(
            !word.is_empty()
                && word.len() <= MAX_KEY
                && word.bytes().all(|b| b != 0 && b.is_ascii() && !b.is_ascii_uppercase()),
            "lexicon word {word:?} cannot be keyed"
        );
        let key = pack(word.as_bytes()).expect("checked above");
        let bit = filter_bit(word.as_bytes());
        self.filter[bit / 64] |= 1 << (bit % 64);
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            if self.keys[i] == key {
                return false;
            }
            if self.keys[i] == 0 {
                self.keys[i] = key;
                self.values[i] = Some(value);
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let h = u128::from(folded.wrapping_mul(0xff51_afd7_ed55_8ccd)) << 64;
        (h >> self.shift) as usize
    }

    /// The value of `word`, ASCII case-insensitively.
    #[inline]
    pub(crate) fn get(&self, word: &[u8]) -> Option<V> {
        let bit = filter_bit(word);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let key = pack(word)?;
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return self.values[i];
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The size of a [`WordTable`]'s filter in 64-bit words: 4,096 bits, a
/// few hundred set by a language's table.
const FILTER_WORDS: usize = 64;

/// Where `word` falls in a [`WordTable`]'s filter: its length and its
/// first and last bytes, ASCII letters in either case alike (`| 0x20`
/// maps a capital to its small letter; other bytes it may merge, which
/// only lets more words through).
#[inline]
fn filter_bit(word: &[u8]) -> usize {
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else { return 0 };
    let second = word.get(1).map_or(0, |&b| b | 0x20);
    let key = u32::from(first | 0x20)
        | u32::from(last | 0x20) << 8
        | u32::from(second) << 16
        | (word.len() as u32) << 24;
    (key.wrapping_mul(0x9e37_79b1) >> (32 - 12)) as usize
}

/// `word`, ASCII-lowercased and packed little-endian into a `u128`; `None`
/// when it is empty, longer than [`MAX_KEY`], not ASCII or has a NUL byte
/// (no table word does). Works on two `u64` halves, loaded whole.
#[inline]
fn pack(word: &[u8]) -> Option<u128> {
    let n = word.len();
    let (lo, hi) = match n {
        1..=8 => (lower_lanes(load_short(word), n)?, 0),
        9..=MAX_KEY => {
            let lo = u64::from_le_bytes(word[..8].try_into().ok()?);
            // The last eight bytes, shifted so that bytes 8.. come first.
            let tail = u64::from_le_bytes(word[n - 8..].try_into().ok()?) >> (8 * (16 - n));
            (lower_lanes(lo, 8)?, lower_lanes(tail, n - 8)?)
        }
        _ => return None,
    };
    Some(u128::from(lo) | (u128::from(hi) << 64))
}

/// One to eight bytes, little-endian, the lanes above them zero.
#[inline]
fn load_short(w: &[u8]) -> u64 {
    let n = w.len();
    if n >= 4 {
        // Two overlapping loads: shared lanes hold the same byte.
        let a = u64::from(u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
        let b = u64::from(u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]));
        a | (b << (8 * (n - 4)))
    } else {
        w.iter().rev().fold(0, |x, &b| (x << 8) | u64::from(b))
    }
}

/// The `n` (1 to 8) low lanes of `x`, ASCII-lowercased; `None` if one is
/// not ASCII or is NUL.
#[inline]
fn lower_lanes(x: u64, n: usize) -> Option<u64> {
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    if x & HIGH != 0 {
        return None;
    }
    // A NUL byte would pack like a shorter word. (A lane below the first
    // zero lane never borrows, so the test is exact.)
    let lanes = u64::MAX >> (8 * (8 - n));
    if x.wrapping_sub(ONES) & !x & HIGH & lanes != 0 {
        return None;
    }
    // Lowercase every lane at once: a lane is uppercase when adding 0x3f
    // carries past 0x7f (>= 'A') and adding 0x25 does not (<= 'Z'); all
    // lanes are below 0x80, so no carry crosses a lane.
    let upper = (x + ONES * 0x3f) & !(x + ONES * 0x25) & HIGH;
    Some(x | (upper >> 2))
}

/// The first byte of `word` in ASCII lowercase, the key
/// `Lexicon::other_holiday_starts` is sorted by.
fn first_byte_lowercase(word: &str) -> Option<u8> {
    word.as_bytes().first().map(u8::to_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    #[test]
    fn phrases_left_out_for_a_word_do_not_begin_with_it() {
        for language in [
            super::Language::English,
            super::Language::German,
            super::Language::French,
            super::Language::Spanish,
            super::Language::Ukrainian,
            super::Language::Russian,
            super::Language::Chinese,
        ] {
            let lexicon = super::Lexicon::new(language);
            // Every table word and phrase word, as written, capitalized,
            // in capitals and with accents dropped or added.
            let mut written: Vec<String> = Vec::new();
            for (w, _) in lexicon.entries.iter().chain(lexicon.tables.accented) {
                for part in w.split(' ') {
                    let mut cap = part.chars();
                    let cap = cap.next().map(|c| c.to_uppercase().chain(cap).collect::<String>());
                    written.extend([part.to_string(), part.to_uppercase(), lexicon.fold(part)]);
                    written.extend(cap);
                }
            }
            written.extend(["Día", "dia", "ÁNO", "'s", "-", "1", "É", ""].map(String::from));
            for w in &written {
                let kept = lexicon.phrases_starting(w);
                for (k, (words, _)) in lexicon.phrases.iter().enumerate() {
                    if !kept.contains(&(k as u8)) {
                        assert!(!lexicon.same_word(w, words[0]), "{language:?}: {w:?} {words:?}");
                    }
                }
                assert!(kept.is_sorted(), "table order");
            }
        }
    }

    #[test]
    fn longest_unspaced_word_is_the_first_the_group_starts() {
        let lexicon = super::Lexicon::new(super::Language::Chinese);
        let words = lexicon.unspaced.as_ref().expect("Chinese has a word table");
        // The reading before word heads: the first word of the group,
        // longest first, that the text starts with.
        let slow = |text: &str| {
            let c = text.chars().next()?;
            let k = words.group_of.get(c)?;
            words.groups[k].1.iter().find(|(w, _)| text.starts_with(w)).map(|&(w, l)| (w.len(), l))
        };
        let all: Vec<&str> = words.words().map(|(w, _)| w).collect();
        for w in &all {
            // The word, cut at every char, and followed by every word.
            for (cut, _) in w.char_indices().skip(1).chain([(w.len(), ' ')]) {
                let text = &w[..cut];
                assert_eq!(words.longest(text), slow(text), "{text:?}");
            }
            for v in all.iter().take(200).chain(["", "x", "年年年年年年"].iter()) {
                let text = format!("{w}{v}");
                assert_eq!(words.longest(&text), slow(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn char_index_finds_what_a_search_finds() {
        // Slots shared (4096 apart), unshared, and more chars than a u8
        // position holds.
        let few = vec!['a', '\u{1000}', '\u{2000}', '\u{3000}', '年', '月'];
        let many: Vec<char> = ('\u{4E00}'..='\u{4FFF}').step_by(2).collect();
        for chars in [few, many, Vec::new()] {
            let index = CharIndex::new(chars.clone());
            for c in ('\0'..='\u{6000}').chain(['\u{10000}', '\u{11000}']) {
                assert_eq!(index.get(c), chars.binary_search(&c).ok(), "{c:?}");
            }
        }
    }

    use super::*;

    /// Every class, once: the match is exhaustive, so a new class fails to
    /// compile here until it is listed (and `Lex`'s hand-written `eq` is
    /// checked for it below).
    fn every_class() -> Vec<Lex> {
        let all = [
            Lex::Month(3),
            Lex::MonthAbbr(3),
            Lex::Weekday(3),
            Lex::WeekdayAbbr(3),
            Lex::Number(3),
            Lex::NumberAndHalf(3),
            Lex::Ordinal(3),
            Lex::Unit(Unit::Day, true),
            Lex::Season(3),
            Lex::PartOfDay(PartOfDay::Morning),
            Lex::Deictic(Deictic::Today),
            Lex::Rel(Rel::Next),
            Lex::Position(Position::Late),
            Lex::EndOf(Unit::Day),
            Lex::Hedge(Hedge::About),
            Lex::Vague(Vague::Few),
            Lex::Frequency(Unit::Day),
            Lex::FrequencyAdj(Unit::Day),
            Lex::Decade(3),
            Lex::Holiday(3),
            Lex::HolidayStart,
            Lex::Zone,
            Lex::ZoneUtc,
            Lex::Shifted(Unit::Day, 3),
            Lex::Func(Func::And),
            Lex::Cue(Cue::Past),
            Lex::Marker(Marker::Day),
            Lex::DayPart(3, PartOfDay::Morning),
            Lex::Era(3),
        ];
        for lex in all {
            match lex {
                Lex::Month(_)
                | Lex::MonthAbbr(_)
                | Lex::Weekday(_)
                | Lex::WeekdayAbbr(_)
                | Lex::Number(_)
                | Lex::NumberAndHalf(_)
                | Lex::Ordinal(_)
                | Lex::Unit(..)
                | Lex::Season(_)
                | Lex::PartOfDay(_)
                | Lex::Deictic(_)
                | Lex::Rel(_)
                | Lex::Position(_)
                | Lex::EndOf(_)
                | Lex::Hedge(_)
                | Lex::Vague(_)
                | Lex::Frequency(_)
                | Lex::FrequencyAdj(_)
                | Lex::Decade(_)
                | Lex::Holiday(_)
                | Lex::HolidayStart
                | Lex::Zone
                | Lex::ZoneUtc
                | Lex::Shifted(..)
                | Lex::Func(_)
                | Lex::Cue(_)
                | Lex::Marker(_)
                | Lex::DayPart(..)
                | Lex::Era(_) => {}
            }
        }
        all.to_vec()
    }

    #[test]
    fn classes_equal_themselves_and_no_other() {
        let all = every_class();
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                assert_eq!(a == b, i == j, "{a:?} == {b:?}");
            }
        }
        assert_ne!(Lex::Month(3), Lex::Month(4));
        assert_ne!(Lex::Unit(Unit::Day, true), Lex::Unit(Unit::Day, false));
        assert_ne!(Lex::DayPart(3, PartOfDay::Morning), Lex::DayPart(4, PartOfDay::Morning));
    }

    #[test]
    fn looks_up_case_insensitively() {
        let lx = Lexicon::new(Language::English);
        assert_eq!(lx.get("September"), Some(Lex::Month(9)));
        assert_eq!(lx.get("SEPT"), Some(Lex::MonthAbbr(9)));
        assert_eq!(lx.get("tuesday"), Some(Lex::Weekday(2)));
        assert_eq!(lx.get("zebra"), None);
        assert!(lx.anchors().iter().any(|a| a == "christmas"));
        assert_eq!(lx.get("Sept."), None);
        assert_eq!(lx.get("Dé"), None);
        assert_eq!(lx.get(""), None);
        assert_eq!(lx.get("septemberseptember"), None);
        assert_eq!(lx.get("may\0"), None);
        assert_eq!(lx.get("\0may"), None);
    }

    /// The packed lowercasing agrees with `to_ascii_lowercase` on every
    /// ASCII byte, in every lane.
    #[test]
    fn packing_lowercases_like_std() {
        for b in 1..0x80u8 {
            for n in 1..=MAX_KEY {
                let word = vec![b; n];
                let want = pack(&word.to_ascii_lowercase());
                assert_eq!(pack(&word), want, "{b:#x} x {n}");
            }
        }
    }

    /// Packing agrees with a byte-by-byte packing, for every length and
    /// for non-ASCII and NUL bytes at every position.
    #[test]
    fn packing_matches_bytewise_packing() {
        fn bytewise(word: &[u8]) -> Option<u128> {
            if word.is_empty() || word.len() > MAX_KEY || word.iter().any(|&b| b == 0 || b >= 0x80)
            {
                return None;
            }
            Some(word.iter().rev().fold(0, |x, &b| (x << 8) | u128::from(b.to_ascii_lowercase())))
        }
        let base = b"SeptemberQuarterZ";
        for n in 0..=base.len() {
            let word = &base[..n];
            assert_eq!(pack(word), bytewise(word), "{n}");
            for k in 0..n {
                for bad in [0u8, 0x80, 0xc3, b'@', b'[', b'`', b'{'] {
                    let mut w = word.to_vec();
                    w[k] = bad;
                    assert_eq!(pack(&w), bytewise(&w), "{n} {k} {bad:#x}");
                }
            }
        }
    }

    /// Every word of the table is found in any case, and the first entry of
    /// a word wins, as in the table order.
    #[test]
    fn finds_every_word_in_any_case() {
        let lx = Lexicon::new(Language::English);
        for &(w, lex) in &lx.entries {
            assert_eq!(lx.get(w), Some(lex), "{w}");
            assert_eq!(lx.get(&w.to_ascii_uppercase()), Some(lex), "{w}");
        }
        for (w, lex) in en::WORDS {
            assert_eq!(lx.get(w), Some(*lex));
        }
    }

    /// English holidays all begin with a word the holiday rule already
    /// tries, so its gate stays as it was.
    #[test]
    fn english_holidays_need_no_other_starts() {
        assert_eq!(Lexicon::new(Language::English).other_holiday_starts, Vec::<&str>::new());
        assert!(Lexicon::new(Language::German).other_holiday_starts.contains(&"tag"));
    }

    /// The other holiday starts listed for a word are every one it may be
    /// (any case), as comparing it with each of them finds.
    #[test]
    fn other_holiday_starts_for_keeps_every_word_a_word_may_be() {
        for lang in crate::Lang::ALL {
            let lx = Lexicon::new(Language::of(lang));
            let mut written: Vec<String> = Vec::new();
            for w in &lx.other_holiday_starts {
                let capitalized: String =
                    w.char_indices()
                        .flat_map(|(k, c)| {
                            if k == 0 { c.to_uppercase().collect::<Vec<_>>() } else { vec![c] }
                        })
                        .collect();
                written.extend([w.to_string(), capitalized, w.to_uppercase()]);
            }
            written.extend(
                ["Día", "DÍA", "dia", "Tag", "TAG", "5", "élection", "Éxito", "x", "Ünal", "день"]
                    .map(str::to_owned),
            );
            for written in &written {
                let want: Vec<&str> = lx
                    .other_holiday_starts
                    .iter()
                    .copied()
                    .filter(|w| lx.same_word(written, w))
                    .collect();
                let got: Vec<&str> = lx
                    .other_holiday_starts_for(written)
                    .iter()
                    .copied()
                    .filter(|w| lx.same_word(written, w))
                    .collect();
                assert_eq!(got, want, "{lang}: {written:?}");
            }
        }
    }

    /// The holidays listed for a word are every holiday whose first word
    /// it may be (any case), in table order: the index drops only names
    /// [`Lexicon::same_word`] tells apart by their first byte.
    #[test]
    fn holidays_starting_keeps_every_holiday_a_word_may_begin() {
        for lang in crate::Lang::ALL {
            let lx = Lexicon::new(Language::of(lang));
            for h in lx.holidays {
                let first = h.words[0];
                let cased: String = first
                    .char_indices()
                    .map(|(k, c)| if k == 0 { c.to_ascii_uppercase() } else { c })
                    .collect();
                for written in [first.to_owned(), cased, first.to_ascii_uppercase()] {
                    let listed = lx.holidays_starting(&written);
                    assert!(listed.windows(2).all(|w| w[0] < w[1]), "{lang}: order");
                    let want: Vec<u8> = (0..lx.holidays.len())
                        .filter(|&k| lx.same_word(&written, lx.holidays[k].words[0]))
                        .map(|k| k as u8)
                        .collect();
                    assert!(
                        want.iter().all(|k| listed.contains(k)),
                        "{lang}: {written:?} lists {listed:?}, needs {want:?}"
                    );
                    assert!(!want.is_empty(), "{lang}: {written:?} begins its own holiday");
                }
            }
            assert_eq!(lx.holidays_starting("").len(), lx.holidays.len());
            assert_eq!(lx.holidays_starting("«").len(), lx.holidays.len());
        }
        let en = Lexicon::new(Language::English);
        let firsts: Vec<&str> = en
            .holidays_starting("New")
            .iter()
            .map(|&k| en.holidays[usize::from(k)].words[0])
            .collect();
        assert!(firsts.contains(&"new") && firsts.iter().all(|w| w.starts_with('n')), "{firsts:?}");
    }

    /// Every language's table: words are keyable and unique, and every
    /// word is found in any case.
    #[test]
    fn every_language_table_is_well_formed() {
        for lang in crate::Lang::ALL {
            let language = Language::of(lang);
            let lx = Lexicon::new(language);
            let mut seen = std::collections::HashSet::new();
            for (w, lex) in language.tables().words {
                assert!(seen.insert(*w), "{lang}: duplicate lexicon word {w:?}");
                assert_eq!(lx.get(w), Some(*lex), "{lang}: {w}");
                assert_eq!(lx.get(&w.to_ascii_uppercase()), Some(*lex), "{lang}: {w}");
            }
        }
        let de = Lexicon::new(Language::German);
        assert_eq!(de.get("März"), Some(Lex::Month(3)));
        assert_eq!(de.get_cased("Morgen", true), Some(Lex::PartOfDay(PartOfDay::Morning)));
        assert_eq!(de.get_cased("morgen", false), Some(Lex::Deictic(Deictic::Tomorrow)));
        let fr = Lexicon::new(Language::French);
        assert_eq!(fr.get("Février"), Some(Lex::Month(2)));
        assert_eq!(fr.get("à"), Some(Lex::Func(Func::At)), "à is not the verb a");
        assert_eq!(fr.get("a"), Some(Lex::Cue(Cue::Past)));
        assert_eq!(fr.get("sept"), Some(Lex::Number(7)));
        let es = Lexicon::new(Language::Spanish);
        assert_eq!(es.get("miércoles"), Some(Lex::Weekday(3)));
        assert_eq!(es.get("está"), None, "está is not esta");
        // English does not fold accents.
        assert_eq!(Lexicon::new(Language::English).get("Máy"), None);
    }

    #[test]
    fn verb_table_has_no_duplicate_words() {
        let mut seen = std::collections::HashSet::new();
        for (w, _) in en::VERBS {
            assert!(seen.insert(*w), "duplicate verb word {w:?}");
        }
        let lx = Lexicon::new(Language::English);
        assert_eq!(lx.verb(b"Reconvenes"), Some(Verb::Schedule));
        assert_eq!(lx.verb(b"will"), Some(Verb::Will));
        assert_eq!(lx.verb(b"Friday"), None);
    }

    #[test]
    fn table_has_no_duplicate_words() {
        let mut seen = std::collections::HashSet::new();
        for (w, _) in en::WORDS {
            assert!(seen.insert(*w), "duplicate lexicon word {w:?}");
            assert_eq!(*w, w.to_ascii_lowercase());
        }
    }
}
