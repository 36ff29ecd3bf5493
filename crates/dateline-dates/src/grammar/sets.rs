//! Sets: "every Monday", "annually", "twice a week".

use super::durations::duration_value;
use super::periods::season_code;
use super::points::shift;
use super::{Cand, Parser, Pt, is_possessive_tok, unit_grain};
use crate::lexicon::{Func, Lex, Unit, Verb};
use crate::timex::Grain;
use crate::token::{Kind, is_possessive};

impl Parser<'_> {
    /// Whether the capitalized word at `i` starts a name: a capitalized word
    /// outside the lexicon follows it on the same line ("Daily Telegraph",
    /// "Weekly Standard"). A frequency word that is a set stays lowercase
    /// inside a sentence ("daily flights"); where every noun is capitalized
    /// ("Täglich Kaffee") the next capital says nothing.
    fn heads_name(&self, i: usize) -> bool {
        !self.lx.tables.nouns_capitalized
            && self.upper(i)
            && !self.breaks(i + 1)
            && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word && t.upper && t.lex.is_none())
    }

    /// Whether the capitalized word at `i` stands next to a capitalized
    /// word of a newspaper's name that the lexicon knows otherwise
    /// (`Tables::paper_name_words`): "Daily Times", "Business Daily".
    fn by_paper_name_word(&self, i: usize) -> bool {
        let words = self.lx.tables.paper_name_words;
        let name_word = |k: usize| self.upper(k) && words.iter().any(|w| self.is_word(k, w));
        self.upper(i)
            && (i.checked_sub(1).is_some_and(|k| !self.breaks(i) && name_word(k))
                || !self.breaks(i + 1) && name_word(i + 1))
    }

    /// Whether the word at `i` stands before a noun it modifies: a word
    /// follows on its line that is no function word an adverb goes before
    /// ("everyday life", not "everyday so they", "everyday at noon").
    pub(super) fn modifies_next(&self, i: usize) -> bool {
        const AFTER_ADVERB: &[&str] = &[
            "so", "and", "or", "but", "then", "until", "till", "since", "because", "as", "when",
            "while", "if", "of", "to", "at", "in", "on", "for", "from", "with", "by", "after",
            "before", "during", "the", "a", "an", "this", "that", "these", "those", "my", "our",
            "your", "his", "her", "their", "its", "is", "are", "was", "were", "will", "would",
            "can", "could", "should", "must", "may", "might", "do", "does", "did", "has", "have",
            "had", "just", "now", "too", "also", "again", "there", "here", "i", "we", "you", "he",
            "she", "it", "they",
        ];
        !self.breaks(i + 1)
            && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word)
            && !AFTER_ADVERB.iter().any(|w| self.is_word(i + 1, w))
    }

    /// Whether the lowercase frequency word at `i` is the noun for a
    /// newspaper (`names_paper`, `paper_says`). Not in a language that
    /// capitalizes its nouns, nor capitalized, nor first.
    fn is_paper_noun(&self, i: usize) -> bool {
        !(self.lx.tables.nouns_capitalized || self.upper(i) || i == 0)
            && (self.names_paper(i) || self.paper_says(i))
    }

    /// Whether the frequency word at `i` (see `is_paper_noun`) is the noun
    /// for a newspaper, its name after it: "the Polish daily Dziennik", "Romanian
    /// daily Evenimentul Zilei, this", "the satirical weekly Charlie Hebdo
    /// reprinted", "the Russian weekly \"Argumenty Nedeli\"". Before it
    /// "the" or a modifier outside the lexicon (a nationality, "state",
    /// "local"); after the name the clause goes on: a mark, a function
    /// word, a verb. Not the adjective before a noun that a name modifies
    /// ("the weekly Cabinet meeting", "daily RSS feeds"), nor before a
    /// name with a possessive ("the weekly Prime Minister's Questions"),
    /// nor after a verb ("have yearly Family Days").
    fn names_paper(&self, i: usize) -> bool {
        const SAYS: &[&str] = &["says", "writes", "reports", "quotes", "cites", "claims", "notes"];
        let before = i - 1;
        if !(self.is_func(before, Func::The) || self.unknown_word(before))
            || is_possessive_tok(self.tok(before))
        {
            return false;
        }
        let Some(next) = self.tok(i + 1) else { return false };
        // An opening quote: a capitalized word glued after it (not the
        // closing one of '"happen daily" in').
        if next.is_punct('"') || next.is_punct('“') {
            return self.glued(i + 2) && self.upper(i + 2);
        }
        // The name: capitalized words outside the lexicon, not an acronym
        // ("RSS", "GDP", Russian "ЗП"); "The Wall Street Journal" keeps its article.
        let name_word = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.kind == Kind::Word
                    && t.upper
                    && t.lex.is_none()
                    && !is_possessive(t)
                    && !(self.s(k).chars().nth(1).is_some()
                        && self.s(k).chars().all(char::is_uppercase))
            })
        };
        let mut k = i + 1;
        if self.is_func(k, Func::The) && self.upper(k) && name_word(k + 1) {
            k += 1;
        }
        if !name_word(k) || self.breaks(k) {
            return false;
        }
        while k < i + 5 && name_word(k + 1) && !self.breaks(k + 1) {
            k += 1;
        }
        let after = k + 1;
        match self.tok(after) {
            None => true,
            Some(t) if t.kind == Kind::Punct => !is_possessive_tok(self.tok(after + 1)),
            Some(t) if t.kind != Kind::Word => false,
            Some(t) => {
                !is_possessive(t)
                    && (t.lex.is_some()
                        || self.lx.verb(self.s(after).as_bytes()).is_some()
                        || self.s(after).ends_with("ed")
                        || SAYS.iter().any(|w| self.is_word(after, w)))
            }
        }
    }

    /// Whether the lowercase "daily", "weekly" or "monthly" at `i` is the
    /// noun for a newspaper, the subject of a verb of reporting right after
    /// it: "The daily writes that", "A Philippine daily reported that",
    /// "The Lagos-based daily reported", "The daily reports it is assumed",
    /// "Hamshari daily has stated".
    /// "reports", "notes", "claims" and "quotes" are nouns as well ("filing
    /// daily reports from", "monthly reports of"): verbs only before "that"
    /// or a pronoun. Before the frequency word "the", "a" or a modifier that
    /// is no verb.
    #[cold]
    #[inline(never)]
    fn paper_says(&self, i: usize) -> bool {
        const VERBS: &[&str] = &[
            "said",
            "says",
            "reported",
            "wrote",
            "writes",
            "quoted",
            "claimed",
            "added",
            "noted",
            "cited",
            "published",
            "revealed",
            "stated",
            "alleged",
            "commented",
            "printed",
        ];
        const NOUN_OR_VERB: &[&str] = &["reports", "notes", "claims", "quotes"];
        const CLAUSE: &[&str] = &["that", "it", "he", "she", "they", "there"];
        if !["daily", "weekly", "monthly"].iter().any(|w| self.is_word(i, w)) || self.breaks(i + 1)
        {
            return false;
        }
        let before = i - 1;
        let determined = self.is_func(before, Func::The)
            || self.is_func(before, Func::A)
            || self.unknown_word(before)
                && !is_possessive_tok(self.tok(before))
                && self.lx.verb(self.s(before).as_bytes()).is_none()
                // A participle is a verb ("printed daily said"), unless it
                // ends a compound ("the Lagos-based daily").
                && (!self.s(before).ends_with("ed") || before > 0 && self.dash(before - 1));
        // "Hamshari daily has stated": the verb after its auxiliary.
        let verb = if matches!(self.lx.verb(self.s(i + 1).as_bytes()), Some(Verb::Have | Verb::Did))
        {
            i + 2
        } else {
            i + 1
        };
        determined
            && (VERBS.iter().any(|w| self.is_word(verb, w))
                || NOUN_OR_VERB.iter().any(|w| self.is_word(i + 1, w))
                    && CLAUSE.iter().any(|w| self.is_word(i + 2, w)))
    }

    /// "every Monday", "each year", "daily", "weekly", "Mondays", "twice a year", "per year".
    /// Whether the word at `i` is a plural article before which a weekday
    /// is plural (`Tables::plural_day_articles`: Spanish "los").
    fn plural_day_article(&self, i: usize) -> bool {
        let articles = self.lx.tables.plural_day_articles;
        !articles.is_empty()
            && matches!(self.lex(i + 1), Some(Lex::Weekday(_)))
            && articles.iter().any(|a| self.lx.same_word(self.s(i), a))
    }

    pub(super) fn r_set(&self, i: usize) -> Option<Cand> {
        // "once a week", "twice a year", "three times a month": the count
        // belongs to the set (TimeML: "twice a week", P1W, freq 2X).
        let count_end = match self.lex(i)? {
            Lex::Func(Func::Once | Func::Twice) => Some(i + 1),
            Lex::Func(Func::A) => None,
            _ => self
                .number(i)
                .map(|(_, e)| e)
                .filter(|&e| self.is_func(e, Func::Times))
                .map(|e| e + 1),
        };
        if let Some(a) = count_end.filter(|&a| self.is_func(a, Func::A) || self.is_rate_article(a))
        {
            let c = self.r_set(a)?;
            return Some(Cand { s: i, ..c });
        }
        match self.lex(i)? {
            // "mornings", "evenings": every morning.
            Lex::PartOfDay(pod)
                // Only where no adjective or determiner can stand before it
                // ("on mornings", "mornings are free"; not "dark nights").
                if self.s(i).ends_with('s')
                    && i.checked_sub(1).is_none_or(|k| {
                        self.tok(k).is_some_and(|t| t.kind == Kind::Punct)
                            || matches!(
                                self.lex(k),
                                Some(Lex::Func(Func::On | Func::During) | Lex::Cue(_))
                            )
                    }) =>
            {
                let p = Pt::new(
                    format!("XXXX-XX-XXT{}", pod.code()),
                    Grain::PartOfDay,
                    "plural-part-of-day",
                    "",
                );
                return Some(p.set().into_cand(i, i + 1));
            }
            // Not "The People's Daily", "Business Review Weekly"; nor the
            // head of a name, "the Daily Mail", "The Weekly Standard".
            Lex::Frequency(_) if self.in_name(i) || self.heads_name(i) => return None,
            // "told Daily Times", "Investor's Business Daily": the same, next
            // to a name's word the lexicon knows otherwise.
            Lex::Frequency(_) if self.by_paper_name_word(i) => return None,
            // "the Russian weekly \"Argumenty Nedeli\"", "Romanian daily
            // Evenimentul Zilei", "The daily reports": the noun for a newspaper.
            Lex::Frequency(_) if self.is_paper_noun(i) => return None,
            Lex::Frequency(u) => {
                // "its quarterly dividend" is no recurrence; "a daily rally" is (TimeBank).
                if u == Unit::Quarter
                    && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word && !t.upper)
                {
                    return None;
                }
                // "everyday life", "everyday people", "everyday low prices":
                // the adjective is "ordinary" (TimeBank marks no "everyday
                // matter"); the adverb ("I travel by bus everyday, but") is
                // "every day", and so is the adjective of what recurs ("an
                // everyday routine", as Recognizers-Text reads it).
                const RECURRING: &[&str] =
                    &["routine", "routines", "occurrence", "occurrences", "ritual", "rituals"];
                if u == Unit::Day
                    && self.is_word(i, "everyday")
                    && self.modifies_next(i)
                    && !RECURRING.iter().any(|w| self.is_word(i + 1, w))
                {
                    return None;
                }
                let v = match u {
                    Unit::Quarter => "P1Q".to_owned(),
                    u => duration_value(Some(1.0), u, false),
                };
                return Some(
                    Pt::new(v, unit_grain(u), "frequency-adverb", "").set().into_cand(i, i + 1),
                );
            }
            // "índice diario", "le dîner annuel": after its noun only; "el
            // diario", "del diario", "le quotidien" are newspapers.
            Lex::FrequencyAdj(u) => {
                let after_noun = i.checked_sub(1).is_some_and(|k| {
                    self.tok(k).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none())
                });
                if !after_noun || self.in_name(i) {
                    return None;
                }
                let v = duration_value(Some(1.0), u, false);
                return Some(
                    Pt::new(v, unit_grain(u), "frequency-adjective", "").set().into_cand(i, i + 1),
                );
            }
            // "Friday mornings", "tuesday afternoons".
            // Not "Tuesday evenings conference event", a possessive
            // without its apostrophe: a noun follows.
            Lex::Weekday(w @ 1..=7)
                if matches!(self.lex(i + 1), Some(Lex::PartOfDay(_)))
                    && self.s(i + 1).ends_with('s')
                    && !self.tok(i + 2).is_some_and(|t| {
                        t.kind == Kind::Word
                            && t.lex.is_none()
                            && !t.upper
                            && self.lx.verb(self.s(i + 2).as_bytes()).is_none()
                            && !self.s(i + 2).ends_with("ed")
                    }) =>
            {
                let Some(Lex::PartOfDay(pod)) = self.lex(i + 1) else { return None };
                let p = Pt::new(
                    format!("XXXX-WXX-{w}T{}", pod.code()),
                    Grain::Unspecified,
                    "weekday-parts",
                    "",
                );
                return Some(p.set().into_cand(i, i + 2));
            }
            Lex::Weekday(w) if w > 10 && self.upper(i) => {
                let mut p =
                    Pt::new(format!("XXXX-WXX-{}", w - 10), Grain::Day, "plural-weekday", "").set();
                let mut e = i + 1;
                if let Some(Lex::PartOfDay(pod)) = self.lex(e) {
                    p.value = format!("{}T{}", p.value, pod.code());
                    e += 1;
                }
                return Some(p.into_cand(i, e));
            }
            // "los sábados", "cierra los lunes": a weekday after the plural
            // article is every such day (`Tables::plural_day_articles`; "lunes"
            // to "viernes" are the same in the plural).
            Lex::Func(Func::The) if self.plural_day_article(i) => {
                let Some(Lex::Weekday(w)) = self.lex(i + 1) else { return None };
                let w = if w > 10 { w - 10 } else { w };
                let p = Pt::new(format!("XXXX-WXX-{w}"), Grain::Day, "plural-weekday", "");
                return Some(p.set().into_cand(i, i + 2));
            }
            Lex::Func(Func::Every | Func::Each) => {}
            Lex::Func(Func::Per) => {
                let (u, false) = self.unit(i + 1)? else { return None };
                // "al día siguiente" is the next day, not "per day".
                if self.lx.tables.rel_after_noun && self.shift_word(i + 2).is_some() {
                    return None;
                }
                let v = duration_value(Some(1.0), u, false);
                return Some(Pt::new(v, unit_grain(u), "per-unit", "").set().into_cand(i, i + 2));
            }
            Lex::Func(Func::A) => {
                // "twice a year", "three times a week".
                if i > 0
                    && (matches!(
                        self.lex(i - 1),
                        Some(Lex::Func(Func::Times | Func::Once | Func::Twice))
                    ) || self.after_quantity(i))
                {
                    let (u, false) = self.unit(i + 1)? else { return None };
                    // "a second hearing" is an ordinal; "(a quarter of a
                    // percent)" a fraction.
                    if u == Unit::Second && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Word)
                        || self.is_func(i + 2, Func::Of)
                    {
                        return None;
                    }
                    let v = duration_value(Some(1.0), u, false);
                    return Some(
                        Pt::new(v, unit_grain(u), "times-a-unit", "").set().into_cand(i, i + 2),
                    );
                }
                return None;
            }
            // "400 Euro im Monat", "einmal im Jahr": a rate's "a" written
            // as a preposition (`rate_articles`).
            Lex::Func(Func::In | Func::On) if self.is_rate_article(i) => {
                let (u, false) = self.unit(i + 1)? else { return None };
                let counted = matches!(
                    self.lex(i.wrapping_sub(1)),
                    Some(Lex::Func(Func::Times | Func::Once | Func::Twice))
                ) || self.counted_before(i);
                // Not "im Monat Mai", "im Jahr 2014", "am Tag der Wahl",
                // "am Tag zuvor": the unit is named, not counted.
                let named = self.tok(i + 2).is_some_and(|t| {
                    t.kind == Kind::Num || t.kind == Kind::Word && t.upper
                }) || matches!(
                    self.lex(i + 2),
                    Some(Lex::Month(_) | Lex::Ordinal(_) | Lex::Func(Func::The | Func::Of))
                );
                if !counted || named || self.shift_word(i + 2).is_some() {
                    return None;
                }
                let v = duration_value(Some(1.0), u, false);
                return Some(
                    Pt::new(v, unit_grain(u), "times-a-unit", "").set().into_cand(i, i + 2),
                );
            }
            _ => return None,
        }
        let mut j = i + 1;
        if self.is_func(j, Func::Of) {
            return None; // "each of the past three years"
        }
        // "todos los días", "tous les jeudis": "every" with an article
        // before a plural, which English never writes.
        if self.is_func(i, Func::Every) && self.is_func(j, Func::The) {
            let v = match self.lex(j + 1)? {
                Lex::Unit(u, true) => duration_value(Some(1.0), u, false),
                Lex::Weekday(w) if w > 10 => format!("XXXX-WXX-{}", w - 10),
                // "todos los lunes": plural after its plural article.
                Lex::Weekday(w) if self.plural_day_article(j) => format!("XXXX-WXX-{w}"),
                Lex::Func(Func::Weekend) => "XXXX-WXX-WE".into(),
                _ => return None,
            };
            return Some(Pt::new(v, Grain::Unspecified, "every-the", "").set().into_cand(i, j + 2));
        }
        // "every other week", "every second Thursday", "jeden zweiten
        // Donnerstag" ("second" is a unit too: only before a unit or a day).
        let second = matches!(self.lex(j), Some(Lex::Ordinal(2)))
            || matches!(self.lex(j), Some(Lex::Unit(Unit::Second, false)))
                && matches!(self.lex(j + 1), Some(Lex::Unit(_, false) | Lex::Weekday(1..=7)));
        let every_other = self.is_func(j, Func::Other) || second;
        if every_other {
            j += 1;
        }
        let lex = self.lex(j)?;
        let v = match lex {
            Lex::Weekday(w) if w <= 7 => {
                let mut v = format!("XXXX-WXX-{w}");
                if let Some(Lex::PartOfDay(pod)) = self.lex(j + 1) {
                    v = format!("{v}T{}", pod.code());
                    j += 1;
                } else if self.is_func(j + 1, Func::At)
                    && let Some((tm, e)) = self.clock(j + 2)
                {
                    // "each Monday at 4pm".
                    return Some(
                        Pt::new(format!("{v}T{tm}"), Grain::Unspecified, "every-at", "")
                            .set()
                            .into_cand(i, e),
                    );
                }
                v
            }
            Lex::Month(m) => format!("XXXX-{m:02}"),
            Lex::Season(s) => format!("XXXX-{}", season_code(s)),
            // "every evening at 7:13 p.m.": the time, every day.
            Lex::PartOfDay(pod)
                if self.is_func(j + 1, Func::At)
                    && let Some((tm, e)) = self.clock(j + 2) =>
            {
                let tm = shift(&tm, pod, false);
                return Some(
                    Pt::new(format!("XXXX-XX-XXT{tm}"), Grain::Unspecified, "every-at", "")
                        .set()
                        .into_cand(i, e),
                );
            }
            Lex::PartOfDay(pod) => format!("XXXX-XX-XXT{}", pod.code()),
            // "every day at 3pm".
            Lex::Unit(Unit::Day, false)
                if self.is_func(j + 1, Func::At)
                    && let Some((tm, e)) = self.clock(j + 2) =>
            {
                return Some(
                    Pt::new(format!("XXXX-XX-XXT{tm}"), Grain::Unspecified, "every-at", "")
                        .set()
                        .into_cand(i, e),
                );
            }
            Lex::Func(Func::Weekend) => "XXXX-WXX-WE".into(),
            Lex::Unit(u, false) => {
                if every_other {
                    duration_value(Some(2.0), u, false)
                } else if u == Unit::Quarter {
                    "P1Q".into()
                } else {
                    duration_value(Some(1.0), u, false)
                }
            }
            _ => {
                let (v, _g, e, _) = self.amount_unit(j)?;
                return Some(
                    Pt::new(v, Grain::Unspecified, "every-n-units", "").set().into_cand(i, e),
                );
            }
        };
        Some(Pt::new(v, Grain::Unspecified, "every", "").set().into_cand(i, j + 1))
    }

    /// Whether token `i` is one of the language's `rate_articles` ("im";
    /// ASCII, as prepositions of a rate are).
    fn is_rate_article(&self, i: usize) -> bool {
        let articles = self.lx.tables.rate_articles;
        !articles.is_empty()
            && matches!(self.lex(i), Some(Lex::Func(Func::In | Func::On)))
            && articles.iter().any(|w| self.s(i).eq_ignore_ascii_case(w))
    }

    /// Whether a count stands one to three words before `i`, with no
    /// punctuation between ("400 Euro", "200 Patienten", "zwei Stunden");
    /// a year is none ("1790 und die im Jahr darauf").
    fn counted_before(&self, i: usize) -> bool {
        (1..=3)
            .map_while(|k| i.checked_sub(k))
            .take_while(|&k| self.tok(k).is_some_and(|t| t.kind != Kind::Punct))
            .any(|k| match self.num(k) {
                Some((n, d)) => !(d == 4 && (1000..=2100).contains(&n)),
                None => matches!(self.lex(k), Some(Lex::Number(n)) if n >= 2),
            })
    }

    /// Whether "a" at `i` follows a quantity ("$2 million a year", "700 seats a week").
    pub(super) fn after_quantity(&self, i: usize) -> bool {
        // "150,000 barrels (a day)", "one day [a week]": the rate in
        // brackets after its count.
        let bracket = self.punct(i.wrapping_sub(1), '(') || self.punct(i.wrapping_sub(1), '[');
        let prev = i.wrapping_sub(if bracket { 2 } else { 1 });
        let big = |j: usize| {
            ["million", "billion", "trillion", "thousand", "hundred"].iter().any(|w| self.is_word(j, w))
                // "£500m", "$2bn", "10k": a magnitude glued to its number;
                // "30p", "5c": pence and cents.
                || j > 0
                    && self.glued(j)
                    && self.num(j - 1).is_some()
                    && ["m", "mn", "bn", "b", "k", "tn", "p", "c"].iter().any(|w| self.is_word(j, w))
        };
        if self.num(prev).is_some()
            || big(prev)
            || self.is_word(prev, "percent")
            || self.punct(prev, '%') && prev > 0 && self.num(prev - 1).is_some()
        {
            return true;
        }
        // "three meals a day", "fifty thousand CDs a year": a counted plural noun
        // (an acronym's plural too) with the count a few words back.
        let plural_noun = self.tok(prev).is_some_and(|t| {
            let w = self.s(prev);
            let acronym = w.chars().filter(char::is_ascii_uppercase).count() >= 2;
            t.kind == Kind::Word && t.lex.is_none() && (!t.upper || acronym) && w.ends_with('s')
        });
        let count = |j: usize| {
            self.num(j).is_some() || big(j) || matches!(self.lex(j), Some(Lex::Number(n)) if n >= 2)
        };
        // "18 hours a day", "two days a week", "one day a week": a counted
        // span of time per unit is a rate too.
        let counted_span = match self.lex(prev) {
            Some(Lex::Unit(_, true)) => prev.checked_sub(1).is_some_and(count),
            Some(Lex::Unit(_, false)) => prev.checked_sub(1).is_some_and(|j| {
                self.num(j).is_some_and(|(n, _)| n == 1) || self.lex(j) == Some(Lex::Number(1))
            }),
            _ => false,
        };
        counted_span || plural_noun && (2..=4).any(|k| i.checked_sub(k).is_some_and(count))
    }
}
