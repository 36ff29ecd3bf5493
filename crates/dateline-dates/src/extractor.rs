//! `DateExtractor`: configuration, and the scan → tokenize → parse pipeline.

use std::sync::{Arc, OnceLock};

use dateline_match::{Matcher, NormalizedText};
use dateline_tokenize::Span;

use crate::grammar::{Cand, DocState, Parser, Period, clock_seconds};
use crate::lexicon::{Deictic, Func, Language, Lex, Lexicon, Rel};
use crate::scan::Scanner;
use crate::timex::{TimeExpression, TimexRange, TimexType};
use crate::token::{self, Token};
use crate::{Date, DateTime, Direction, Error, Lang};

/// Settings for a [`DateExtractor`]; a plain value that can travel from CLI
/// flags to the pipeline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Config {
    /// How partial dates and weekdays pick their year or week.
    pub direction: Direction,
    /// Read "01/09/2024" as 1 September (day first) instead of January 9.
    pub day_first: bool,
    /// The language whose word tables and grammar read the text.
    pub lang: Lang,
}

/// Finds date and time expressions in text and normalizes them to TIMEX3.
///
/// It is `Send + Sync` and cheap to build and to clone (the compiled
/// lexicon is built once per process and shared), and
/// [`extract`](DateExtractor::extract) takes `&self`.
///
/// ```
/// use dateline_dates::{Date, DateExtractor, TimexType};
///
/// let extractor = DateExtractor::new();
/// let text = "The rules take effect on 1 September, the ministry said on Tuesday.";
/// let found = extractor.extract(text, "2024-07-24".parse::<Date>()?);
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[0].span()], "1 September");
/// assert_eq!(found[0].value(), "2024-09-01");
/// assert_eq!(found[1].kind(), TimexType::Date);
/// assert_eq!(found[1].value(), "2024-07-23");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct DateExtractor {
    config: Config,
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    lexicon: Lexicon,
    scanner: Scanner,
}

impl Inner {
    /// The compiled lexicon and scanner of a language, built on first use
    /// and shared by every extractor after that: callers that construct an
    /// extractor per call (the Python binding) pay for an `Arc` clone, not
    /// for a hash table and an automaton.
    fn shared(language: Language) -> Arc<Inner> {
        static ENGLISH: OnceLock<Arc<Inner>> = OnceLock::new();
        static GERMAN: OnceLock<Arc<Inner>> = OnceLock::new();
        static FRENCH: OnceLock<Arc<Inner>> = OnceLock::new();
        static SPANISH: OnceLock<Arc<Inner>> = OnceLock::new();
        static UKRAINIAN: OnceLock<Arc<Inner>> = OnceLock::new();
        static RUSSIAN: OnceLock<Arc<Inner>> = OnceLock::new();
        static CHINESE: OnceLock<Arc<Inner>> = OnceLock::new();
        let cell = match language {
            Language::English => &ENGLISH,
            Language::German => &GERMAN,
            Language::French => &FRENCH,
            Language::Spanish => &SPANISH,
            Language::Ukrainian => &UKRAINIAN,
            Language::Russian => &RUSSIAN,
            Language::Chinese => &CHINESE,
        };
        Arc::clone(cell.get_or_init(|| {
            let lexicon = Lexicon::new(language);
            let scanner = Scanner::new(
                &lexicon.anchors(),
                lexicon.tables.fold_accents || lexicon.keyed,
                lexicon.unspaced.is_some(),
            );
            Arc::new(Inner { lexicon, scanner })
        }))
    }
}

impl Default for DateExtractor {
    fn default() -> Self {
        DateExtractor::new()
    }
}

impl DateExtractor {
    /// An extractor with the default settings (English, direction by context,
    /// month-first numeric dates).
    pub fn new() -> DateExtractor {
        DateExtractor::with_config(Config::default())
    }

    /// A builder for custom settings.
    pub fn builder() -> DateExtractorBuilder {
        DateExtractorBuilder::default()
    }

    fn with_config(config: Config) -> DateExtractor {
        let inner = Inner::shared(Language::of(config.lang));
        DateExtractor { config, inner }
    }

    /// The settings in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Every date and time expression in `text`, in text order, resolved
    /// against `reference` (the document date).
    ///
    /// Never fails: a text without dates gives an empty `Vec`.
    pub fn extract(&self, text: &str, reference: Date) -> Vec<TimeExpression> {
        self.extract_inner(&self.normalize(text), reference, None)
    }

    /// [`extract`](DateExtractor::extract) on a text normalized beforehand,
    /// so that one normalization can serve this extractor and a gazetteer.
    /// Spans refer to `text.original()`.
    ///
    /// The anchor words are ASCII, and in languages with accents the
    /// lexicon folds them itself, so the results do not depend on accent
    /// folding: normalize with accent folding on (the
    /// [`Normalizer`](dateline_match::Normalizer) default) to share the
    /// work; a text normalized without it is normalized again.
    pub fn extract_normalized(
        &self,
        text: &NormalizedText<'_>,
        reference: Date,
    ) -> Vec<TimeExpression> {
        self.extract_inner(text, reference, None)
    }

    /// The matcher that finds the words anchoring date expressions (month
    /// and weekday names, temporal nouns, holidays, ...) in a normalized
    /// text. A caller that searches one text with it and other matchers
    /// (a gazetteer) can pass them all to
    /// [`NormalizedText::prepare_for`] before
    /// [`extract_normalized`](DateExtractor::extract_normalized), so that
    /// the text is scanned once for all of them.
    pub fn anchor_matcher(&self) -> &Matcher {
        self.inner.scanner.matcher()
    }

    /// Like [`extract`](DateExtractor::extract), against a reference date
    /// *and time of day*: "in two hours", "20 minutes ago", "2 minutes from
    /// now" become clock times, and with [`Direction::Future`] (or `Past`,
    /// `Nearest`) a clock time without a date ("at 3am", "3:30") is the next
    /// (last, nearest) one, on the reference day or the day after (before).
    ///
    /// ```
    /// use dateline_dates::{DateExtractor, DateTime, Direction};
    ///
    /// let now: DateTime = "2013-02-12T04:30:00".parse()?;
    /// let future = DateExtractor::builder().direction(Direction::Future).build()?;
    /// let got: Vec<String> = ["in 2 hours", "at 3am", "3:30"]
    ///     .iter()
    ///     .map(|t| future.extract_at(t, now)[0].value().to_owned())
    ///     .collect();
    /// assert_eq!(got, ["2013-02-12T06:30", "2013-02-13T03:00", "2013-02-12T15:30"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extract_at(&self, text: &str, reference: DateTime) -> Vec<TimeExpression> {
        let now = reference.to_civil();
        self.extract_inner(&self.normalize(text), reference.date(), Some(now.time()))
    }

    /// Whether the candidate is one word that modifies the noun after it
    /// ("la próxima edición", "la recién creada", "la actual crisis"): the
    /// adjectives "actual", "reciente" always; a relative adjective or
    /// another reference word before a word the table does not know
    /// (lowercase, or any in a language that capitalizes nouns). Nouns of
    /// the present ("la actualidad") keep their article. The day adverbs
    /// ("hoy", "gestern") are no nouns: an article before one belongs to
    /// what it modifies ("la hoy ministra", "dem gestern veröffentlichten
    /// Bericht").
    fn modifies_noun(&self, tokens: &[Token], c: &Cand) -> bool {
        if c.e != c.s + 1 {
            return false;
        }
        // "das [jahrelange] Warten": an adjective of units, the article the noun's.
        if c.rule.starts_with("vague-unit-word") {
            return true;
        }
        let lex = tokens.get(c.s).and_then(|t| t.lex);
        if matches!(
            lex,
            Some(Lex::Deictic(
                Deictic::Current
                    | Deictic::Recent
                    | Deictic::Today
                    | Deictic::Yesterday
                    | Deictic::Tomorrow
            ))
        ) {
            return true;
        }
        // A capitalized word after it is the noun too: an event's name ("el
        // [pasado] Mundial", "los [próximos] Juegos", "el [futuro] AVE"),
        // and so is a season of a league ("la [próxima] temporada").
        (c.rule.starts_with("relative-adjective")
            || c.rule.starts_with("reference-word") && lex != Some(Lex::Deictic(Deictic::Present)))
            && tokens.get(c.e).is_some_and(|t| {
                t.kind == token::Kind::Word
                    && (t.lex.is_none() || t.lex == Some(Lex::Func(Func::Season)))
            })
    }

    /// Whether the candidate ends in a unit adjective ("einwöchigen"): the
    /// article before it is its noun's ("den [einwöchigen] Aufenthalt").
    fn ends_in_unit_adjective(&self, text: &str, tokens: &[Token], c: &Cand) -> bool {
        let lexicon = &self.inner.lexicon;
        let adjectives = lexicon.tables.unit_adjectives;
        !adjectives.is_empty()
            && tokens.get(c.e.wrapping_sub(1)).is_some_and(|t| {
                matches!(t.lex, Some(Lex::Unit(_, false)))
                    && adjectives.iter().any(|(a, _)| lexicon.same_word(&text[t.start..t.end], a))
            })
    }

    /// Whether the candidate is part of a name, not an expression: a date
    /// after a capitalized place noun of the table ("la Avenida [17 de
    /// Junio]", "Plaza [2 de Mayo]"; `Tables::place_nouns`), or one
    /// capitalized weekday that is also a given name before a capitalized
    /// word the table does not know ("[Domingo] García";
    /// `Tables::name_weekdays`).
    fn in_name(&self, tokens: &[Token], text: &str, c: &Cand) -> bool {
        let lx = &self.inner.lexicon;
        let word = |t: &Token| &text[t.start..t.end];
        let mut k = c.s;
        // "la Avenida del 17 de Junio".
        while k > 0
            && tokens
                .get(k - 1)
                .is_some_and(|t| matches!(t.lex, Some(Lex::Func(Func::Of | Func::The))))
        {
            k -= 1;
        }
        if k > 0
            && let Some(p) = tokens.get(k - 1)
            && p.upper
            && !tokens.get(k).is_some_and(|t| t.newline)
            && lx.tables.place_nouns.iter().any(|w| lx.same_word(word(p), w))
        {
            return true;
        }
        let (Some(t), Some(n)) = (tokens.get(c.s), tokens.get(c.e)) else { return false };
        c.e == c.s + 1
            && t.upper
            && n.upper
            && n.kind == token::Kind::Word
            && n.lex.is_none()
            && !n.newline
            && lx.tables.name_weekdays.iter().any(|w| lx.same_word(word(t), w))
    }

    /// `text` normalized as the scanner searches it.
    fn normalize<'t>(&self, text: &'t str) -> NormalizedText<'t> {
        self.inner.scanner.normalizer().normalize(text)
    }

    fn extract_inner(
        &self,
        normalized: &NormalizedText<'_>,
        reference: Date,
        now: Option<jiff::civil::Time>,
    ) -> Vec<TimeExpression> {
        let text = normalized.original();
        let mut regions = Vec::new();
        self.inner.scanner.regions(normalized, &mut regions);
        // About an expression a region: room for them from the start.
        let mut out = Vec::with_capacity(regions.len());
        // Room for a few regions' tokens from the start: growing from
        // empty reallocated it several times a document.
        let mut tokens: Vec<Token> = Vec::with_capacity(256);
        // One list of candidates for all the regions, emptied by each:
        // a list per region cost an allocation or more each.
        let mut cands: Vec<Cand> = Vec::new();
        let mut doc = DocState {
            narrative: self.inner.lexicon.tables.narrative_years
                && crate::narrative::is_narrative(text, reference.year()),
            ..DocState::default()
        };
        // The dateline of the section being read (`dateline`): its day,
        // the reference of the section's text, and the byte where the
        // section ends (the next "===" heading, or the text's end).
        let mut dateline: Option<(jiff::civil::Date, usize)> = None;
        // Without spaces the stretch `in_url` reads runs 256 bytes each way
        // from every candidate: a text with neither of its marks has no
        // web address, and skips it.
        let no_urls = self.inner.lexicon.unspaced.is_some() && !has_url_marks(text);
        for &(lo, hi) in &regions {
            tokens.clear();
            match &self.inner.lexicon.unspaced {
                None => token::tokenize(text, lo, hi, &self.inner.lexicon, &mut tokens),
                Some(words) => crate::unspaced::tokenize(text, lo, hi, words, &mut tokens),
            }
            // The day of saying the region starts with (`quoted_days`).
            let last_day_span_before = doc.last_day_span;
            let mut parser = Parser {
                text,
                t: &tokens,
                lx: &self.inner.lexicon,
                r: dateline.filter(|&(_, end)| lo < end).map_or(reference.to_civil(), |d| d.0),
                now,
                direction: self.config.direction,
                day_first: self.config.day_first || self.inner.lexicon.tables.day_first,
                doc: &mut doc,
                amount_memo: Default::default(),
                clause_memo: Default::default(),
                reads: Default::default(),
            };
            cands.clear();
            let mut i = 0;
            // Where the last expression of the region ends (a token index).
            let mut last_end = 0;
            while i < tokens.len() {
                match parser.parse_at(i) {
                    // A void candidate (a day that does not exist) only blocks its span.
                    Some(c) if c.value.is_empty() => i = c.e,
                    // A candidate after the end of a dated section
                    // (`dateline`) is read again from the reference.
                    Some(c)
                        if dateline.is_some_and(|(_, end)| {
                            tokens.get(c.s).is_some_and(|t| t.start >= end)
                        }) =>
                    {
                        dateline = None;
                        parser.r = reference.to_civil();
                    }
                    Some(mut c) => {
                        // Two rules take in the word before the token they
                        // start at ("[more recently]", "[these days]"): never
                        // a word the expression before holds.
                        c.s = c.s.max(last_end);
                        if c.kind == TimexType::Duration
                            && let Some(e) = parser.duration_tail(c.e)
                        {
                            c.e = e;
                        }
                        i = c.e;
                        last_end = c.e;
                        if c.grain == crate::Grain::Quarter && c.kind == TimexType::Date {
                            remember_quarter(parser.doc, &c, reference, &tokens, parser.text);
                        }
                        // A year counted from the story's own ("im nächsten
                        // Jahr", anchored) does not move it either.
                        let aside = c.rule == "year" && in_passing(&tokens, c.s)
                            || c.rule.contains("relative-unit");
                        if remember(parser.doc, &c, reference.year(), aside)
                            && let Some(day) = parser.doc.last_day
                            && let Some(b) = tokens.get(c.e.wrapping_sub(1))
                        {
                            let hour = c.value.get(11..13).and_then(|h| h.parse().ok());
                            parser.doc.last_dated = Some((day, b.end, hour));
                        }
                        // The period a later "the year" ("the month", "the
                        // week") of its sentence takes up (durations.rs).
                        if c.kind == TimexType::Date
                            && let Some(b) = tokens.get(c.e.wrapping_sub(1))
                            && let Some(p) = Period::parse(&c.value, c.grain, b.end)
                        {
                            parser.doc.last_period = Some(p);
                            if p.grain == crate::Grain::Month
                                && parser.doc.first_month.is_none()
                                && !c.rule.starts_with("the-month")
                            {
                                parser.doc.first_month = Some((p.year, p.part));
                            }
                        }
                        // A clock time on a full date ("at 08:15 on August
                        // 6, 1945") dates a day for later day-months too.
                        if c.kind == TimexType::Time
                            && (c.rule.starts_with("time-date") || c.rule.starts_with("date-time"))
                            && let (Some(a), Some(b)) =
                                (tokens.get(c.s), tokens.get(c.e.wrapping_sub(1)))
                            && let Some(y) = c.value.get(..4)
                            && parser.text.get(a.start..b.end).is_some_and(|t| t.contains(y))
                            && let Some(day) = c.day()
                        {
                            parser.doc.last_month_day = Some((day, b.end, true));
                        }
                        // A clock time read on the story's day carries the
                        // story on: the next sentence's clock may take the
                        // day too (story_day.rs).
                        if c.kind == TimexType::Time
                            && c.rule.starts_with("clock:story-day")
                            && let Some(day) = c.day()
                            && let Some(b) = tokens.get(c.e.wrapping_sub(1))
                        {
                            parser.doc.story_clock = Some((day, b.end));
                        }
                        // The day of saying of a later quotation (quotes.rs),
                        // and of a later clock (story_day.rs): "on Monday
                        // evening" dates one as "on Monday" does.
                        if c.kind == TimexType::Date
                            && matches!(c.grain, crate::Grain::Day | crate::Grain::PartOfDay)
                            && let (Some(day), Some(a), Some(b)) = (
                                parser.doc.last_day,
                                tokens.get(c.s),
                                tokens.get(c.e.wrapping_sub(1)),
                            )
                        {
                            // The text's first one-day DATE is the lede's
                            // when its first sentence names it.
                            if parser.doc.last_day_span.is_none()
                                && crate::grammar::in_first_sentence(text, a.start)
                            {
                                parser.doc.lede_day = Some(day);
                            }
                            parser.doc.last_day_span = Some((day, a.start, b.end));
                            if crate::grammar::opens_sentence(text, a.start) {
                                parser.doc.topic_day = Some((day, b.end));
                            }
                            if MONTH_DAY_RULES.iter().any(|r| c.rule.starts_with(r)) {
                                // A day that took the year of a dated day
                                // before passes it on ("on 15 August, and
                                // ... on 2 September").
                                let with_year = c.rule.starts_with("month-day-year")
                                    || c.rule.starts_with("day-month-year");
                                let dated = with_year
                                    || c.rule.ends_with("year-of-date-before")
                                    || c.rule.ends_with("year-of-same-day");
                                parser.doc.last_month_day = Some((day, b.end, dated));
                                if with_year {
                                    let days = &mut parser.doc.dated_days;
                                    if !days.contains(&Some(day)) {
                                        days.rotate_right(1);
                                        days[0] = Some(day);
                                    }
                                }
                            }
                            if let Some(end) = self.dateline(text, &tokens, &c, day, reference) {
                                dateline = Some((day, end));
                                parser.r = day;
                            }
                        }
                        // "October 22 and 23", "October 22, 23 & 24": each
                        // further day of the list.
                        let mut tail = parser.day_tail(&c);
                        let first = cands.len();
                        cands.push(c);
                        while let Some(t) = tail {
                            i = t.e;
                            tail = parser.day_tail(&t);
                            cands.push(t);
                        }
                        if cands.len() - first > 1 {
                            Parser::share_tail_year(&mut cands[first..]);
                            if let Some(last) = cands.last() {
                                remember(parser.doc, last, reference.year(), false);
                            }
                        }
                    }
                    None => i += 1,
                }
            }
            // "http://.../06/apr/1242.html", ".../jan-june05/...": a web
            // address is no text to read dates from.
            cands.retain(|c| {
                let (Some(a), Some(b)) = (tokens.get(c.s), tokens.get(c.e.wrapping_sub(1))) else {
                    return false;
                };
                no_urls || !in_url(text, a.start, b.end)
            });
            // "la Avenida 17 de Junio", "Domingo García": names.
            if self.inner.lexicon.extended {
                cands.retain(|c| !self.in_name(&tokens, text, c));
            }
            parser.share_lists(&mut cands);
            parser.split_amount_ranges(&mut cands);
            parser.compound_durations(&mut cands);
            parser.quoted_days(&mut cands, last_day_span_before);
            link_ranges(&parser, &mut cands, reference);
            let article = self.inner.lexicon.tables.article_in_span;
            let mut prev_end = 0;
            for c in cands.drain(..) {
                // "le 15 juillet", "el viernes": the determiner is inside
                // (not in "la [próxima] edición", "la [actual] crisis": it is
                // the noun's; but "del pasado", "la actualidad" are nouns).
                let s = if article
                    && c.s > prev_end
                    && !self.modifies_noun(&tokens, &c)
                    && !self.ends_in_unit_adjective(text, &tokens, &c)
                    && !tokens.get(c.s).is_some_and(|t| t.newline)
                    && tokens.get(c.s - 1).is_some_and(|t| {
                        t.lex == Some(Lex::Func(Func::The))
                            || self
                                .inner
                                .lexicon
                                .tables
                                .span_contractions
                                .iter()
                                .any(|w| text[t.start..t.end].eq_ignore_ascii_case(w))
                    }) {
                    c.s - 1
                } else {
                    c.s
                };
                // "[todo el año]": a whole word before the article too.
                let whole = self.inner.lexicon.tables.whole_words;
                let s = if article
                    && !whole.is_empty()
                    && s > prev_end
                    && tokens[s].lex == Some(Lex::Func(Func::The))
                    && !tokens[s].newline
                    && tokens.get(s - 1).is_some_and(|t| {
                        whole.iter().any(|x| self.inner.lexicon.same_word(&text[t.start..t.end], x))
                    }) {
                    s - 1
                } else {
                    s
                };
                // "[протягом двох тижнів]": a preposition the language's
                // corpus keeps inside a duration.
                let heads = self.inner.lexicon.tables.duration_heads;
                let s = if !heads.is_empty()
                    && s == c.s
                    && c.s > prev_end
                    && c.kind == TimexType::Duration
                    && !tokens.get(c.s).is_some_and(|t| t.newline)
                    && tokens.get(c.s - 1).is_some_and(|t| {
                        heads.iter().any(|w| self.inner.lexicon.same_word(&text[t.start..t.end], w))
                    }) {
                    c.s - 1
                } else {
                    s
                };
                prev_end = c.e;
                let (Some(first), Some(last)) = (tokens.get(s), tokens.get(c.e.wrapping_sub(1)))
                else {
                    continue;
                };
                let span = Span::new(first.start, last.end);
                out.push(
                    TimeExpression::new(span, c.kind, c.value, c.grain, c.rule)
                        .with_modifier(c.modifier)
                        .with_range(c.range),
                );
            }
        }
        out
    }
}

impl DateExtractor {
    /// Where the section ends whose dateline the candidate `c` (of the
    /// day `day`) is: a full date with its year that opens the text or
    /// follows a "===" heading and runs straight into the first sentence
    /// ("===Explosion in Paracin, Serbia=== October 19, 2006 Early this
    /// morning ..."), one to seven days before the reference. The
    /// section's "this morning", "today", "Tuesday" count from it, not
    /// from the article's date, up to the next heading. A dateline after
    /// the reference is none: early Wikinews articles open with the day
    /// after theirs as often as not ("April 10, 2005 ... marched in
    /// Baghdad on Saturday ... two years ago today", the 9th). Only
    /// languages whose clauses are read (English): news datelines.
    #[inline(never)]
    fn dateline(
        &self,
        text: &str,
        tokens: &[Token],
        c: &Cand,
        day: jiff::civil::Date,
        reference: Date,
    ) -> Option<usize> {
        if !self.inner.lexicon.reads_clauses()
            || !(c.rule.starts_with("month-day-year") || c.rule.starts_with("day-month-year"))
        {
            return None;
        }
        let back = crate::cal::diff_days(day, reference.to_civil());
        if !(1..=7).contains(&back) {
            return None;
        }
        let (first, last) = (tokens.get(c.s)?, tokens.get(c.e.wrapping_sub(1))?);
        let before = text.get(..first.start)?.trim_end();
        if !(before.is_empty() || before.ends_with("===")) {
            return None;
        }
        // The sentence starts right after it: a capitalized word.
        let after = text.get(last.end..)?;
        let rest = after.trim_start();
        if rest.len() == after.len() || !rest.starts_with(|ch: char| ch.is_ascii_uppercase()) {
            return None;
        }
        Some(after.find("===").map_or(text.len(), |k| last.end + k))
    }
}

/// The rules of days written with their month, by name or number.
const MONTH_DAY_RULES: &[&str] = &[
    "month-day",
    "day-month",
    "weekday-date",
    "date-weekday",
    "numeric-date",
    "numeric-month-day",
    "iso-date",
];

/// A report's "the quarter" is the last quarter named near the reference
/// date ("the 1988 third quarter" is not one). A quarter not yet ended ("a
/// fourth-quarter charge" in a third-quarter report) does not replace an
/// ended one, nor does an older calendar quarter ("after a flat second
/// quarter" in that report): the report is about the latest quarter it has
/// results for. A fiscal quarter counts on another calendar.
#[inline(never)]
fn remember_quarter(doc: &mut DocState, c: &Cand, reference: Date, tokens: &[Token], text: &str) {
    if !(c.rule.starts_with("quarter") || c.rule.starts_with("q-notation")) {
        return;
    }
    let Some((y, q)) = parse_quarter(&c.value) else { return };
    let r = reference.year() * 4 + (reference.month() as i32 - 1) / 3;
    let named = y * 4 + q as i32 - 1;
    let back = r - named;
    let kept = doc.last_quarter.map(|(y0, q0)| y0 * 4 + q0 as i32 - 1);
    let ended_before = kept.is_some_and(|k| r - k >= 1);
    let fiscal =
        || tokens.get(c.s).is_some_and(|t| text[t.start..t.end].eq_ignore_ascii_case("fiscal"));
    let older = kept.is_some_and(|k| named < k) && !fiscal();
    if (-1..=2).contains(&back) && !(back < 1 && ended_before) && !older {
        doc.last_quarter = Some((y, q));
    }
}

/// Keeps the last named day and year as anchors for "the following day",
/// "that year", and in a narrative the story's year (one far from the
/// reference year `reference_year`). An `aside`, a bare year named in
/// passing ([`in_passing`]: "seit 1917", "(1808–1883)"), leaves the
/// story's year alone.
/// Returns whether `c` named a day (and so became `last_day`).
fn remember(doc: &mut DocState, c: &Cand, reference_year: i32, aside: bool) -> bool {
    if c.kind != TimexType::Date && c.kind != TimexType::Time {
        return false;
    }
    let Some(year) = c.value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())) else {
        return false;
    };
    let Ok(year) = year.parse::<i32>() else { return false };
    doc.last_year = Some(year);
    if doc.narrative && !aside && (year - reference_year).abs() >= crate::narrative::FAR_YEARS {
        doc.story_year = Some(year);
    }
    if let Some(m) =
        c.value.get(5..7).and_then(|m| m.parse::<u32>().ok()).filter(|m| (1..=12).contains(m))
        && c.value.as_bytes().get(4) == Some(&b'-')
    {
        doc.last_month = Some((year, m));
    }
    if let (Some(m), Some(d)) = (c.value.get(5..7), c.value.get(8..10))
        && let (Ok(m), Ok(d)) = (m.parse::<i8>(), d.parse::<i8>())
        && let Ok(day) = jiff::civil::Date::new(year as i16, m, d)
    {
        doc.last_day = Some(day);
        return true;
    }
    false
}

/// Whether a bare year at token `s` names its year in passing: after a
/// word that bounds or anchors a span ("seit 1917", "bis 1881", "von 1207",
/// "vor 1900", "und 1885") or inside a sentence after "(", a dash or a
/// comma ("(1808–1883)"). A year that opens its line or sentence ("1862"
/// heading a section, "- 1953" in a list, "1830 besetzten ..."), or
/// follows "im"/"in", leads the story.
fn in_passing(tokens: &[Token], s: usize) -> bool {
    let (Some(t), Some(p)) = (tokens.get(s), s.checked_sub(1).and_then(|k| tokens.get(k))) else {
        return false;
    };
    // A year that opens its line, or follows a bullet that does ("- 1953").
    if t.newline || p.newline && p.kind == token::Kind::Punct {
        return false;
    }
    if p.is_punct('(') || p.is_punct(',') || p.is_dash() {
        return true;
    }
    matches!(
        p.lex,
        Some(
            Lex::Rel(Rel::Since | Rel::Before | Rel::After)
                | Lex::Func(
                    Func::Until
                        | Func::From
                        | Func::To
                        | Func::Between
                        | Func::And
                        | Func::Through
                        | Func::At
                )
        )
    )
}

/// Whether `text[start..end]` lies inside a web address: the run of
/// non-space text around it (at most 256 bytes each way) has "://" or
/// starts with "www.".
pub(crate) fn in_url(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let mut lo = start;
    while lo > 0 && start - lo < 256 && !bytes[lo - 1].is_ascii_whitespace() {
        lo -= 1;
    }
    let mut hi = end;
    while hi < bytes.len() && hi - end < 256 && !bytes[hi].is_ascii_whitespace() {
        hi += 1;
    }
    let chunk = &bytes[lo..hi];
    let chunk = chunk.strip_prefix(b"[").unwrap_or(chunk);
    chunk.windows(3).any(|w| w == b"://") || chunk.starts_with(b"www.")
}

/// Whether `text` has a mark [`in_url`] looks for ("://", "www."):
/// without one, `in_url` holds nowhere in it. Out of line: asked only of
/// texts without spaces, its searchers stay out of the extraction loop.
#[inline(never)]
fn has_url_marks(text: &str) -> bool {
    text.contains("://") || text.contains("www.")
}

fn parse_quarter(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

/// Ranges across expressions: "from X to Y", "between X and Y", "X-Y",
/// and "since X" (from X to the reference date).
fn link_ranges(p: &Parser<'_>, cands: &mut [Cand], reference: Date) {
    for k in 0..cands.len() {
        let s = cands[k].s;
        let before = s.checked_sub(1).and_then(|b| p.t.get(b)).and_then(|t| t.lex);
        if before == Some(Lex::Rel(Rel::Since))
            && cands[k].kind == TimexType::Date
            && cands[k].range.is_none()
        {
            cands[k].range = Some(TimexRange::new(cands[k].value.clone(), reference.to_string()));
        }
        if k + 1 >= cands.len() {
            continue;
        }
        let (a, b) = (&cands[k], &cands[k + 1]);
        // "4pm for 30 minutes": the duration runs from the clock time (a
        // DURATION with begin and end points, as TimeML allows).
        if a.kind == TimexType::Time
            && b.kind == TimexType::Duration
            && b.s == a.e + 1
            && p.t.get(a.e).and_then(|t| t.lex) == Some(Lex::Func(Func::For))
            && b.range.is_none()
            && let Some(end) = clock_end(&a.value, &b.value)
        {
            let range = TimexRange::new(a.value.clone(), end);
            cands[k].range = Some(range.clone());
            cands[k + 1].range = Some(range);
            continue;
        }
        // "from the 13th to [the] 15th of July": "the" may stand between.
        let the_between =
            b.s == a.e + 2 && p.t.get(a.e + 1).and_then(|t| t.lex) == Some(Lex::Func(Func::The));
        if b.s != a.e + 1 && !the_between
            || a.kind != b.kind
            || a.kind != TimexType::Date && a.kind != TimexType::Time
        {
            continue;
        }
        let sep = &p.t[a.e];
        let sep_lex = sep.lex;
        let opener = s.checked_sub(1).and_then(|o| p.t.get(o)).and_then(|t| t.lex);
        // The bare first day of "13 to 15 July" is a range end by construction;
        // two full days in order around "to" or a dash are one too ("Feb 28th
        // to March 1st", "January 12, 2016 - 01/22/2016").
        let days = a.kind == TimexType::Date
            && a.value.len() == 10
            && b.value.len() == 10
            && a.value.bytes().all(|c| c.is_ascii_digit() || c == b'-')
            && a.value < b.value;
        let first_day = a.rule.starts_with("range-first-day") || days;
        let linked = match sep_lex {
            Some(Lex::Func(Func::To | Func::Until | Func::Through)) => {
                first_day
                    || a.kind == TimexType::Time
                    || matches!(opener, Some(Lex::Func(Func::From)))
            }
            Some(Lex::Func(Func::And)) => matches!(opener, Some(Lex::Func(Func::Between))),
            // "8am - 1pm": a spaced dash links two clock times, not two years.
            _ => sep.is_dash() && (first_day || a.kind == TimexType::Time || !sep.space),
        };
        if linked {
            // "from 9:30 to 11:00 on Thursday": a bare clock time takes the
            // day of the time it runs to.
            if a.kind == TimexType::Time
                && a.rule.starts_with("clock")
                && !b.rule.starts_with("clock")
                && let (Some((_, clock)), Some((day, _))) =
                    (a.value.split_once('T'), b.value.split_once('T'))
            {
                cands[k].value = format!("{day}T{clock}");
                cands[k].rule.push_str(":day-of-range-end");
            }
            // "8am until 6", "10 p.m. to 2": a second time without a.m./p.m.
            // is the first such time after the first.
            if cands[k].kind == TimexType::Time
                && !(cands[k + 1].s..cands[k + 1].e).any(|t| {
                    matches!(
                        p.t.get(t).and_then(|t| t.lex),
                        Some(Lex::Func(Func::Am | Func::Pm | Func::Noon | Func::Midnight))
                            | Some(Lex::PartOfDay(_))
                    )
                })
                && let Some(later) =
                    p.t.get(cands[k + 1].s)
                        .and_then(|w| first_after(&cands[k].value, &cands[k + 1].value, w))
            {
                cands[k + 1].value = later;
            }
            let (a, b) = (&cands[k], &cands[k + 1]);
            let range = TimexRange::new(a.value.clone(), b.value.clone());
            cands[k].range = Some(range.clone());
            cands[k + 1].range = Some(range);
        }
    }
}

/// The first reading of a clock time without a.m./p.m. (`b`, 1 to 12
/// o'clock) after the time `a` a range starts at: "8am until [6]" is 18:00,
/// "10 p.m. to [2]" 02:00 the next day. `None` when `b` is that already.
fn first_after(a: &str, b: &str, written: &Token) -> Option<String> {
    // Only an hour written 1 to 12 ("6", "1:30"), not "09:00" or "15:00".
    if written.kind != token::Kind::Num
        || !(1..=12).contains(&written.num)
        || written.digits == 2 && written.num < 10
    {
        return None;
    }
    let start: jiff::civil::DateTime = a.parse().ok()?;
    let end: jiff::civil::DateTime = b.parse().ok()?;
    if b.split_once('T')?.1.len() != 5 {
        return None;
    }
    let h = (written.num % 12) as i8;
    let day = start.date();
    let mut options = Vec::new();
    for d in [Some(day), day.tomorrow().ok()].into_iter().flatten() {
        for hh in [h, h + 12] {
            options.push(d.at(hh, end.minute(), 0, 0));
        }
    }
    let best = options.into_iter().filter(|t| *t > start).min()?;
    (best != end).then(|| crate::cal::fmt_datetime(best, false))
}

/// The end of a clock-unit duration that starts at a clock time:
/// ("2013-02-12T16:00", "PT30M") -> "2013-02-12T16:30".
fn clock_end(start: &str, duration: &str) -> Option<String> {
    let (_, clock) = start.split_once('T')?;
    if clock.len() != 5 || !clock.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let t: jiff::civil::DateTime = start.parse().ok()?;
    let secs = clock_seconds(duration)?;
    if secs % 60 != 0 {
        return None;
    }
    Some(crate::cal::fmt_datetime(crate::cal::add_seconds(t, secs)?, false))
}

/// Builds a [`DateExtractor`] with custom settings. Setters take and return
/// `&mut Self`; a builder can be reused.
#[derive(Clone, Debug, Default)]
pub struct DateExtractorBuilder {
    config: Config,
}

impl DateExtractorBuilder {
    /// Starts from the given settings.
    pub fn configure(&mut self, config: Config) -> &mut Self {
        self.config = config;
        self
    }

    /// How partial dates and weekdays resolve (default: [`Direction::Context`]).
    pub fn direction(&mut self, direction: Direction) -> &mut Self {
        self.config.direction = direction;
        self
    }

    /// Read ambiguous numeric dates day first ("01/09/2024" = 1 September).
    pub fn day_first(&mut self, yes: bool) -> &mut Self {
        self.config.day_first = yes;
        self
    }

    /// The language of the texts (default [`Lang::En`]).
    pub fn lang(&mut self, lang: Lang) -> &mut Self {
        self.config.lang = lang;
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// None with the current settings; the `Result` leaves room for
    /// configuration that can be invalid (such as custom lexicons).
    pub fn build(&self) -> Result<DateExtractor, Error> {
        Ok(DateExtractor::with_config(self.config.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Where `has_url_marks` lets a text skip `in_url`, `in_url` finds
        /// no address at any span of it.
        #[test]
        fn no_url_marks_no_url(s in "[:/w. \\[a-z年月日0-9]{0,40}") {
            if !has_url_marks(&s) {
                let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
                for (k, &start) in bounds.iter().enumerate() {
                    for &end in &bounds[k..] {
                        proptest::prop_assert!(!in_url(&s, start, end), "{:?} {}..{}", s, start, end);
                    }
                }
            }
        }
    }

    #[test]
    fn no_url_marks_in_chinese_without_an_address() {
        let text = "他在www.example.com上说，2024年7月23日发布。";
        assert!(has_url_marks(text));
        assert!(!has_url_marks("他说，2024年7月23日发布。"));
        let dates = DateExtractor::builder().lang(Lang::Zh).build().unwrap();
        let reference = Date::new(2024, 7, 24).unwrap();
        let found = dates.extract("见http://news.cn/2024年7月23日", reference);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(dates.extract("见新华网2024年7月23日", reference).len(), 1);
    }

    #[test]
    fn extractors_share_the_compiled_lexicon() {
        let a = DateExtractor::new();
        let b = DateExtractor::builder().direction(Direction::Future).build().unwrap();
        assert!(Arc::ptr_eq(&a.inner, &b.inner));
        assert_eq!(b.config().direction, Direction::Future);
    }
}
