//! Resolution: which way a partial date goes (the sentence's direction and
//! its cues), and the year, month or day a partial expression lands on.

use jiff::civil::Date as Civil;

use super::{Dir, Parser};
use crate::Direction;
use crate::cal;
use crate::lexicon::{Cue, Func, Lex, Rel, Unit, Verb};
use crate::token::{Kind, Token, is_possessive};

/// Months this close to the reference resolve to the nearest reading.
const MONTH_NEAR: i64 = 3;

impl Parser<'_> {
    /// The direction for the expression at tokens `s..e`, with the cue that
    /// decided it: a cue word of the expression's own phrase ("since",
    /// "effective", "took effect"), else the governing verb group of its
    /// clause (`clause.rs`), else `default`.
    pub(crate) fn direction_at(&self, s: usize, e: usize, default: Dir) -> (Dir, String) {
        match self.direction {
            Direction::Past => return (Dir::Past, "option-past".into()),
            Direction::Future => return (Dir::Future, "option-future".into()),
            Direction::Nearest => return (Dir::Nearest, "option-nearest".into()),
            Direction::Context => {}
        }
        if !self.lx.reads_clauses() {
            return self.window_direction(s, e, default);
        }
        if let Some(d) = self.phrase_cue(s) {
            return d;
        }
        // "Thursday's closing price", "the Oct. 23 slaying": a date that
        // modifies a noun is not governed by the clause's verb.
        // Such a date names a known event, which news reports after it.
        if self.attributive(s, e) {
            // Unless it names an event held on a schedule, which the clause
            // may put ahead: "will not be attending Tuesday's meeting",
            // "say Saturday's elections will be fair".
            if let Some(event) = self.scheduled_event_after(s, e) {
                if let Some((Dir::Future, how)) = self.clause_direction(s, e) {
                    return (Dir::Future, format!("future-attributive:{how}"));
                }
                // The event is the subject of a "will" group, whatever
                // verb the clause before it reads: "have denied
                // allegations of rigging and say Saturday's elections will
                // be fair".
                if self.will_after(event) {
                    return (Dir::Future, "future-attributive:event-will".into());
                }
            }
            if self.planned_after(s, e) {
                return (Dir::Nearest, "nearest-attributive".into());
            }
            return (Dir::Past, "past-attributive".into());
        }
        let memo = self.clause_memo.borrow().as_ref().filter(|m| (m.0, m.1) == (s, e)).cloned();
        let d = match memo {
            Some((_, _, d)) => d,
            None => {
                let d = self.clause_direction(s, e);
                *self.clause_memo.borrow_mut() = Some((s, e, d.clone()));
                d
            }
        };
        match d {
            // "is closed until Monday", "will remain shut until Friday",
            // "has adjourned until Tuesday": the end of a state that holds
            // now lies ahead ("lasted until Friday" stays past).
            Some((Dir::Nearest, how)) if how.starts_with("present") && self.after_until(s) => {
                (Dir::Future, format!("future-until:{how}"))
            }
            Some((Dir::Past, how)) if how.starts_with("past-perfect") && self.after_until(s) => {
                (Dir::Future, format!("future-until:{how}"))
            }
            Some(d) => d,
            None => (default, "default".into()),
        }
    }

    /// Whether the expression at `s` follows "until" (or "until the").
    fn after_until(&self, s: usize) -> bool {
        let k = self.with_article(s);
        k > 0 && self.is_func(k - 1, Func::Until)
    }

    /// Where the expression at `s` starts with the article right before it,
    /// if one is: the words before the phrase are read from there.
    /// Whether "until" ("hasta", "bis") stands before the expression at `s`
    /// (or its article).
    fn until_before(&self, s: usize) -> bool {
        let k = self.with_article(s);
        k > 0 && self.is_func(k - 1, Func::Until)
    }

    /// Whether the word at `i` is an auxiliary of the perfect
    /// (`Tables::perfect_auxiliaries`: "han", "hat").
    fn perfect_auxiliary(&self, i: usize) -> bool {
        self.lx.tables.perfect_auxiliaries.iter().any(|w| self.lx.same_word(self.s(i), w))
    }

    fn with_article(&self, s: usize) -> usize {
        if s > 0 && self.is_func(s - 1, Func::The) { s - 1 } else { s }
    }

    /// Whether the expression at `s..e` modifies the noun after it: a
    /// possessive ("Wednesday's ruling"), or a determiner before and a
    /// plain lowercase word after ("a June agreement").
    fn attributive(&self, s: usize, e: usize) -> bool {
        if self.tok(e).is_some_and(is_possessive) {
            return true;
        }
        s > 0
            && self.lx.verb(self.s(s - 1).as_bytes()) == Some(Verb::Determiner)
            && self.tok(e).is_some_and(|t| t.kind == Kind::Word && t.lex.is_none() && !t.upper)
            && self.lx.verb(self.s(e).as_bytes()).is_none()
    }

    /// Whether the attributive expression at `s..e` names an event held on
    /// a schedule ("Tuesday's meeting", "Sunday's election"), not one that
    /// happened ("Monday's attack"), and not as the place or source of an
    /// outcome ("the fewest votes in Tuesday's election", "the result of
    /// Sunday's elections", "after Saturday's election"): the event noun's
    /// token.
    #[inline(never)]
    fn scheduled_event_after(&self, s: usize, e: usize) -> Option<usize> {
        const OUTCOME: &[&str] = &["in", "of", "from", "after", "following", "since", "at"];
        const EVENTS: &[&str] = &[
            "election",
            "elections",
            "vote",
            "poll",
            "polls",
            "referendum",
            "ballot",
            "meeting",
            "meetings",
            "summit",
            "hearing",
            "session",
            "talks",
            "debate",
            "deadline",
            "primary",
            "primaries",
            "runoff",
            "game",
            "match",
            "final",
            "race",
            "launch",
            "ceremony",
            "conference",
        ];
        let k = if self.tok(e).is_some_and(is_possessive) { e + 1 } else { e };
        if !EVENTS.iter().any(|w| self.is_word(k, w)) {
            return None;
        }
        let p = self.with_article(s);
        (!(p > 0 && OUTCOME.iter().any(|w| self.is_word(p - 1, w)))).then_some(k)
    }

    /// Whether a "will" follows token `k` (an event noun: "Saturday's
    /// elections will be").
    fn will_after(&self, k: usize) -> bool {
        self.tok(k + 1).is_some_and(|t| t.kind == Kind::Word)
            && self.lx.verb(self.s(k + 1).as_bytes()) == Some(Verb::Will)
    }

    /// Whether the attributive expression at `s..e` names what was set
    /// ahead of the clause, not a known event: a plan ("Saturday's planned
    /// event", "Saturday's expected vote"), or a deadline the clause's
    /// event must meet ("approval by Monday's deadline", told in the past
    /// on a Saturday, is the coming Monday; "missed Friday's deadline" is
    /// no such limit). News names these whether just passed or still to
    /// come, so the nearest day is taken.
    #[inline(never)]
    fn planned_after(&self, s: usize, e: usize) -> bool {
        const PLANNED: &[&str] = &["planned", "scheduled", "expected", "upcoming", "proposed"];
        const LIMIT: &[&str] = &["by", "before", "until"];
        let k = if self.tok(e).is_some_and(is_possessive) { e + 1 } else { e };
        if PLANNED.iter().any(|w| self.is_word(k, w)) {
            return true;
        }
        let p = self.with_article(s);
        self.is_word(k, "deadline") && p > 0 && LIMIT.iter().any(|w| self.is_word(p - 1, w))
    }

    /// A cue word among the three tokens before the expression at `s`,
    /// within the sentence.
    fn phrase_cue(&self, s: usize) -> Option<(Dir, String)> {
        let mut i = s;
        while i > 0 && i + 3 > s {
            i -= 1;
            if self.sentence_end(i) {
                break;
            }
            if let Some(d) = self.cue(i) {
                return Some(d);
            }
            if self.breaks(i) {
                break;
            }
        }
        None
    }

    /// The direction in a language without clause tables (no verb table):
    /// the nearest cue among ten tokens before the expression and six
    /// after, within the sentence: a tense word or ending, "since", "ago"
    /// and a report verb.
    fn window_direction(&self, s: usize, e: usize, default: Dir) -> (Dir, String) {
        let mut i = s;
        let mut steps = 0;
        // How far a verb ending may stand: the words between it and the
        // expression, not counting a time expression between them ("empezará
        // [a las 20.00 horas] del domingo": the clock is the verb's too).
        let mut words = 0;
        while i > 0 && steps < 10 {
            i -= 1;
            steps += 1;
            if self.sentence_end(i) {
                break;
            }
            if self.lex(i) == Some(Lex::Cue(Cue::Report)) {
                return (Dir::Past, format!("past-cue({})", self.s(i).to_ascii_lowercase()));
            }
            if let Some(d) = self.tense_cue(i, words + 1) {
                // "han dado vacaciones hasta el jueves", "hat bis Montag
                // geschlossen": a state that holds now ends there, ahead (as
                // English "has adjourned until Tuesday").
                if d.0 == Dir::Past && self.until_before(s) && self.perfect_auxiliary(i) {
                    let w = self.s(i).to_lowercase();
                    return (Dir::Future, format!("future-until:perfect({w})"));
                }
                return d;
            }
            let t = &self.t[i];
            let timely = t.kind == Kind::Num
                || t.lex
                    .is_some_and(|l| l.is_anchor() || matches!(l, Lex::Func(Func::The | Func::At)));
            if !timely {
                words += 1;
            }
            if self.breaks(i) {
                break;
            }
        }
        let mut j = e;
        while j < self.t.len() && j < e + 6 {
            if self.breaks(j) || self.sentence_end(j) {
                break;
            }
            if let Some(d) = self.tense_cue(j, j + 1 - e) {
                return d;
            }
            j += 1;
        }
        // No tense: "hasta el jueves", "para el domingo" set a bound or a
        // purpose ahead.
        let k = self.with_article(s);
        if k > 0 && matches!(self.lex(k - 1), Some(Lex::Func(Func::Until | Func::For))) {
            return (Dir::Future, format!("future-cue({})", self.s(k - 1).to_lowercase()));
        }
        // "ab Montag", "à partir de vendredi": the onset of a state, which
        // news announces ahead.
        if let Some(onset) = self.onset_before(k) {
            return (Dir::Future, format!("future-cue({onset})"));
        }
        (default, "default".into())
    }

    /// A tense cue at token `i`, `distance` tokens from the expression: a
    /// cue word of the language's table, "since"/"ago", or (within four
    /// tokens) a verb ending the table gives a tense ("-ra", "-ó").
    fn tense_cue(&self, i: usize, distance: usize) -> Option<(Dir, String)> {
        let word = self.s(i);
        match self.lex(i) {
            Some(Lex::Cue(Cue::Future)) => {
                return Some((Dir::Future, format!("future-cue({})", word.to_ascii_lowercase())));
            }
            Some(Lex::Cue(Cue::Past)) => {
                return Some((Dir::Past, format!("past-cue({})", word.to_ascii_lowercase())));
            }
            Some(Lex::Cue(Cue::Present | Cue::Report)) => return None,
            Some(Lex::Rel(Rel::Since | Rel::Ago)) => {
                return Some((Dir::Past, format!("past-cue({})", word.to_ascii_lowercase())));
            }
            _ => {}
        }
        let t = self.tok(i)?;
        let may_be_verb = !t.upper || self.lx.tables.verb_first && self.starts_sentence(i);
        if t.kind == Kind::Word && t.lex.is_none() && distance <= 4 && word.len() > 4 && may_be_verb
        {
            for &(suffix, cue) in self.lx.tables.tense_suffixes {
                if word.as_bytes().ends_with(suffix.as_bytes()) {
                    let (dir, name) = match cue {
                        Cue::Future => (Dir::Future, "future-tense"),
                        _ => (Dir::Past, "past-tense"),
                    };
                    return Some((dir, format!("{name}({})", word.to_ascii_lowercase())));
                }
            }
        }
        None
    }

    /// The words of the language's `onset_words` that end right before
    /// token `k`, if some do.
    fn onset_before(&self, k: usize) -> Option<String> {
        self.lx.tables.onset_words.iter().find_map(|words| {
            let first = k.checked_sub(words.len())?;
            let lowercase = |i: usize| self.s(i).chars().flat_map(char::to_lowercase);
            let said = (first..k).zip(words.iter()).all(|(i, w)| lowercase(i).eq(w.chars()));
            said.then(|| words.join(" "))
        })
    }

    /// Whether token `i` begins a sentence: nothing but blanks and opening
    /// marks ("¿", "¡", quotes) between it and the text's start or a
    /// sentence's end.
    pub(super) fn starts_sentence(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let before = self.text[..t.start].trim_end_matches(|c: char| {
            c != '\n' && c.is_whitespace()
                || matches!(c, '¿' | '¡' | '"' | '“' | '«' | '\'' | '‘' | '(')
        });
        before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '»', '”'])
    }

    /// Whether the word just before or after token `i` is a verb in the
    /// past ("defendió hoy", "pidió hoy").
    pub(super) fn past_beside(&self, i: usize) -> bool {
        [i.wrapping_sub(1), i + 1]
            .into_iter()
            .any(|k| self.tense_cue(k, 1).is_some_and(|(d, _)| d == Dir::Past))
    }

    pub(super) fn sentence_end(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return true };
        if t.kind != Kind::Punct {
            return false;
        }
        match char::from_u32(t.num) {
            Some('!' | '?' | ';' | '"' | '“' | '”') => true,
            Some('.') => {
                // Not after an abbreviation ("Sept.", "Mr.") or an initial;
                // where short lowercase words end sentences ("sagte er."),
                // only one letter or a capitalized word keeps it open.
                let short = |p: &Token| {
                    p.kind == Kind::Word
                        && p.end - p.start <= 2
                        && (!self.lx.tables.short_words_end_sentences
                            || p.upper
                            || self.text[p.start..p.end].chars().nth(1).is_none())
                };
                // Nor between the digits of "20.00 horas", "9.30 Uhr", "1.500"
                // (the languages that write clocks and thousands so).
                let inside_number = i > 0
                    && self.lx.extended
                    && self.num(i - 1).is_some()
                    && self.glued(i)
                    && self.glued(i + 1)
                    && self.num(i + 1).is_some();
                i == 0
                    || !inside_number
                        && !matches!(self.lex(i - 1), Some(Lex::MonthAbbr(_) | Lex::WeekdayAbbr(_)))
                        && !self.tok(i - 1).is_some_and(short)
            }
            _ => false,
        }
    }

    /// A cue word of the expression's own phrase: "since", "ago",
    /// "effective", "starting", "due", "took effect"; the verbs of the
    /// clause are read by `clause_direction`.
    pub(super) fn cue(&self, i: usize) -> Option<(Dir, String)> {
        let word = self.s(i);
        // "took effect", "came into effect": the verb decides.
        if word.eq_ignore_ascii_case("effect") {
            for k in [i.wrapping_sub(1), i.wrapping_sub(2)] {
                if self.lex(k) == Some(Lex::Cue(Cue::Past)) {
                    return Some((
                        Dir::Past,
                        format!("past-cue({} effect)", self.s(k).to_ascii_lowercase()),
                    ));
                }
            }
        }
        match self.lex(i) {
            // Verbs ("will", "plans", "expected") are the clause's to read.
            Some(Lex::Cue(Cue::Future)) if self.lx.verb(word.as_bytes()).is_none() => {
                Some((Dir::Future, format!("future-cue({})", word.to_ascii_lowercase())))
            }
            Some(Lex::Rel(Rel::Since | Rel::Ago)) => {
                Some((Dir::Past, format!("past-cue({})", word.to_ascii_lowercase())))
            }
            _ => None,
        }
    }

    pub(super) fn pick_by_distance(&self, options: &[(i32, i64)], dir: Dir) -> Option<i32> {
        // options: (label, signed distance in days from reference; negative = past).
        match dir {
            Dir::Past => options.iter().filter(|o| o.1 <= 0).max_by_key(|o| o.1).map(|o| o.0),
            Dir::Future => options.iter().filter(|o| o.1 >= 0).min_by_key(|o| o.1).map(|o| o.0),
            Dir::Nearest => options.iter().min_by_key(|o| (o.1.abs(), o.1 > 0)).map(|o| o.0),
        }
    }

    /// In a narrative document (`narrative.rs`), the year a date without
    /// one takes: the last year the story named. Only when the caller left
    /// the direction to the context.
    pub(super) fn narrative_year(&self) -> Option<i32> {
        if self.doc.narrative && self.direction == Direction::Context {
            self.doc.story_year
        } else {
            None
        }
    }

    /// Year for a month-day without a year.
    pub(super) fn year_for_day(&self, m: u32, d: u32, s: usize, e: usize) -> Option<(i32, String)> {
        if (m, d) == (9, 11) && self.names_sept_eleven(s, e) {
            return Some((2001, "attacks-of-2001".into()));
        }
        if let Some(y) = self.possessive_year_before(s) {
            return Some((y, "possessive-year".into()));
        }
        if let Some(y) = self.narrative_year() {
            return Some((y, "narrative-year".into()));
        }
        if let Some(y) = self.year_of_dated_day(m, s) {
            return Some((y, "year-of-date-before".into()));
        }
        if self.doc.dated_days[0].is_some()
            && let Some(y) = self.year_of_same_day(m, d, s, e)
        {
            return Some((y, "year-of-same-day".into()));
        }
        let y = i32::from(self.r.year());
        let opts: Vec<(i32, i64)> = (y - 1..=y + 1)
            .filter_map(|yy| cal::date(yy, m, d).map(|dd| (yy, cal::diff_days(self.r, dd))))
            .collect();
        // News dates cluster around the reference: a day within four months
        // is that one, whatever the tense (past-tense reporting of a coming
        // deadline, "was extended to Nov. 16", is the common case).
        if self.direction == Direction::Context {
            let near = self.pick_by_distance(&opts, Dir::Nearest);
            if let Some(&(yy, dist)) =
                near.and_then(|yy| opts.iter().find(|o| o.0 == yy && o.1.abs() <= 120))
            {
                // Nearness decides, not the clause (which is not read): a cue
                // of the phrase is reported when there is one, so the decision
                // stays readable.
                let Some((dir, how)) = self.phrase_cue(s) else {
                    return Some((yy, "nearest".into()));
                };
                // Except a past cue before a day ahead: "has been going on
                // since February 28" (said in December), "took effect on
                // March 1" are over, whatever the distance; a coming day
                // reported in the past ("was extended to Nov. 16") has no
                // such cue.
                if dir == Dir::Past && dist > 0 && self.lx.reads_clauses() {
                    return self.pick_by_distance(&opts, Dir::Past).map(|yy| (yy, how));
                }
                let agrees = dir == Dir::Nearest
                    || dir == Dir::Future && dist >= 0
                    || dir == Dir::Past && dist <= 0;
                return Some((yy, if agrees { how } else { format!("nearest-over-{how}") }));
            }
        }
        let (dir, how) = self.direction_at(s, e, Dir::Nearest);
        if dir == Dir::Past
            && self.direction == Direction::Context
            && !self.lx.tables.deadline_nouns.is_empty()
            && self.names_deadline(s, e)
        {
            let yy = self.pick_by_distance(&opts, Dir::Nearest);
            return yy.map(|yy| (yy, format!("nearest-deadline-over-{how}")));
        }
        let dir = if dir == Dir::Future && self.direction == Direction::Context {
            Dir::Future
        } else {
            dir
        };
        self.pick_by_distance(&opts, dir).map(|yy| (yy, how))
    }

    /// Whether the day at tokens `s..e` is a limit's (`Tables::deadline_nouns`),
    /// with no cue of its own phrase: the noun after it ("the November 24
    /// deadline", "November 24's deadline") or before "of" or "on" and it
    /// ("set a deadline of November 24"). Such a day falls after it was
    /// set, so the past of "set" or "extended" does not date it: a past
    /// clause leaves it to nearness, as for the days within four months
    /// ("They set a deadline of November 24", said in May, is the November
    /// ahead; "had failed to meet the June 30 deadline", said in December,
    /// the June past). A clause that puts it ahead keeps it there ("plan
    /// to restore an executive by a deadline of November 24", said in
    /// April).
    ///
    /// Out of line: days more than four months away are few.
    #[cold]
    #[inline(never)]
    fn names_deadline(&self, s: usize, e: usize) -> bool {
        let noun = |i: usize| self.lx.tables.deadline_nouns.iter().any(|w| self.is_word(i, w));
        let after = if self.tok(e).is_some_and(is_possessive) { e + 1 } else { e };
        let named = noun(after)
            || s >= 2
                && (self.is_func(s - 1, Func::Of) || self.is_func(s - 1, Func::On))
                && noun(s - 2);
        named && self.phrase_cue(s).is_none()
    }

    /// The year a relative year with a possessive right before token `s`
    /// names for the month or day there: "last year's February 11
    /// resignation" (said in January 2012) is 2011's, "this year's November
    /// elections" (said in January) this year's, "next year's March 3 vote"
    /// next year's.
    fn possessive_year_before(&self, s: usize) -> Option<i32> {
        if s < 3 || !self.tok(s - 1).is_some_and(is_possessive) {
            return None;
        }
        if !matches!(self.unit(s - 2), Some((Unit::Year, false))) {
            return None;
        }
        let shift = match self.lex(s - 3)? {
            Lex::Rel(Rel::Last) => -1,
            Lex::Rel(Rel::This) => 0,
            Lex::Rel(Rel::Next) => 1,
            _ => return None,
        };
        Some(i32::from(self.r.year()) + shift)
    }

    /// The year of a day of month `m` at token `s` written without one, when
    /// a day of the same month was just written with its year, another than
    /// the reference's: "their re-election on November 10, 2001 ...
    /// investigations as early as November 7", "the answer of March 17 2003
    /// ... the March 17 answer". Within a few sentences and the same section
    /// (a wiki heading "==" starts another), and not after a weekday, which
    /// picks the year itself.
    fn year_of_dated_day(&self, m: u32, s: usize) -> Option<i32> {
        let (day, end, true) = self.doc.last_month_day? else { return None };
        let y = i32::from(day.year());
        // A history told day by day ("dropped on August 6, 1945 ...
        // surrendered on 15 August, and signed the surrender on 2
        // September"): a year far from the reference carries to the days
        // of the next two months too, and a little farther.
        // No other year may be named in between ("commissioned on 11 July
        // 1980 and first saw service in 1982 ... on 1 August" is today's).
        let far = (y - i32::from(self.r.year())).abs() >= crate::narrative::FAR_YEARS
            && self.doc.last_year == Some(y);
        let dm = day.month() as u32;
        let month_ok = dm == m || far && m > dm && m <= dm + 2;
        if !month_ok || y == i32::from(self.r.year()) {
            return None;
        }
        // A weekday before it picks the year itself ("On Thursday April 6").
        let k = if s > 0 && self.punct(s - 1, ',') { s - 1 } else { s };
        if k > 0 && matches!(self.lex(k - 1), Some(Lex::Weekday(_))) {
            return None;
        }
        let start = self.tok(s)?.start;
        let between = self.text.get(end..start)?;
        let reach = if far { 800 } else { 400 };
        (between.len() <= reach && !between.contains("==")).then_some(y)
    }

    /// The year of a day at token `s` written without one when the text
    /// gave the same day with a year before the reference's: the same
    /// event named again ("on April 13, 2002, the spy took part of a
    /// meeting ... Immediately I left the meeting, on April 13"; "the July
    /// 7 bombings" after "July 7, 2005"). A later year is a coming date,
    /// not an event told, and a weekday before picks the year itself; a
    /// day kept "every year" is no single one ("commemorate ANZAC Day on
    /// the 25th of April every year", after "25 April 1915").
    #[cold]
    #[inline(never)]
    fn year_of_same_day(&self, m: u32, d: u32, s: usize, e: usize) -> Option<i32> {
        if matches!(self.lex(e), Some(Lex::Func(Func::Every | Func::Each))) {
            return None;
        }
        let day = self.doc.dated_days.iter().flatten().find(|day| {
            day.month() as u32 == m
                && day.day() as u32 == d
                && i32::from(day.year()) < i32::from(self.r.year())
        })?;
        let k = if s > 0 && self.punct(s - 1, ',') { s - 1 } else { s };
        if k > 0 && matches!(self.lex(k - 1), Some(Lex::Weekday(_))) {
            return None;
        }
        Some(day.year().into())
    }

    /// Year for a month without a year (the month containing the reference
    /// counts as both past and future).
    pub(super) fn year_for_month(&self, m: u32, s: usize, e: usize) -> Option<(i32, String)> {
        if let Some(y) = self.range_closing_year(m, e) {
            return Some((y, "range-year".into()));
        }
        if let Some(y) = self.possessive_year_before(s) {
            return Some((y, "possessive-year".into()));
        }
        // "in September in 2000": the year the phrase after it names.
        if self.is_func(e, Func::In)
            && let Some((y, _)) = self.year_after(e + 1)
        {
            return Some((y, "in-year".into()));
        }
        if let Some(y) = self.narrative_year() {
            return Some((y, "narrative-year".into()));
        }
        let y = i32::from(self.r.year());
        let rm = self.r.month() as i32;
        let opts: Vec<(i32, i64)> =
            (y - 1..=y + 1).map(|yy| (yy, i64::from((yy - y) * 12 + m as i32 - rm))).collect();
        // As for days: a month within MONTH_NEAR of the reference is that one;
        // farther ones follow the sentence's cue, else the nearest reading.
        if self.direction == Direction::Context
            && let Some(&(yy, dist)) =
                opts.iter().filter(|o| o.1.abs() <= MONTH_NEAR).min_by_key(|o| (o.1.abs(), o.1 > 0))
        {
            // "was given a three year sentence in April" said in January:
            // a month ahead that a simple past tells with "in" is last
            // year's. Deadlines keep the nearest reading ("was extended
            // to", "by", "until"), as do plans told in the past, an
            // infinitive before the month ("trials said to begin in July",
            // "the review to be presented in December") and what a verb of
            // saying reports ("told oil companies of a cutback in
            // September").
            // "since February", "took effect in March" (said in
            // November): a past cue of the phrase puts a month ahead a year
            // back, as it does a day.
            if dist > 0
                && self.lx.reads_clauses()
                && let Some((Dir::Past, how)) = self.phrase_cue(s)
            {
                return Some((yy - 1, how));
            }
            if dist > 0
                && self.lx.reads_clauses()
                && s > 0
                && self.is_func(s - 1, Func::In)
                && !self.infinitive_before(s - 1)
                && let (Dir::Past, how) = self.direction_at(s, e, Dir::Nearest)
                && how.starts_with("past-verb")
            {
                return Some((yy - 1, how));
            }
            return Some((yy, "nearest".into()));
        }
        let (dir, how) = self.direction_at(s, e, Dir::Nearest);
        let dir = if self.direction == Direction::Future && dir == Dir::Future {
            // Duckling: a month name means the next such month, this one excluded.
            let opts: Vec<(i32, i64)> = opts.into_iter().filter(|o| o.1 > 0).collect();
            return self.pick_by_distance(&opts, Dir::Future).map(|yy| (yy, how));
        } else {
            dir
        };
        self.pick_by_distance(&opts, dir).map(|yy| (yy, how))
    }

    /// Whether the "would" before token `i` in its sentence reports what
    /// was said, thought or told: a word of reporting ("said", "that",
    /// "hoped", "assumed") among the eight words before it, a name of
    /// several capitalized words counting as one, no "if" between ("said
    /// both men would be in Hibhid", "announced that he would
    /// stand"; not "if the new leader would provide").
    fn reported_would(&self, i: usize) -> bool {
        const REPORTING: &[&str] = &[
            "that",
            "said",
            "says",
            "saying",
            "told",
            "announced",
            "reported",
            "hoped",
            "assumed",
        ];
        let Some(before) = self.text_before(i, 240) else { return false };
        // The sentence: a period before a space and a capital ends one,
        // not the periods of "p.m. local" or "Mr. Neptune".
        let b = before.as_bytes();
        let start = (1..b.len().saturating_sub(1))
            .rev()
            .find(|&k| {
                matches!(b[k - 1], b'!' | b'?' | b'"' | b';')
                    || b[k - 1] == b'.'
                        && b[k].is_ascii_whitespace()
                        && b[k + 1].is_ascii_uppercase()
                        && !super::quotes::abbreviation_before(&before[..k - 1])
            })
            .unwrap_or(0);
        let words: Vec<&str> = before[start..]
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        let Some(k) = words.iter().rposition(|w| w.eq_ignore_ascii_case("would")) else {
            return false;
        };
        // A run of capitalized words is one name, one word of the eight
        // ("said both Sheikh Abu Abdul-Rahman and al-Zarqawi would be").
        let mut counted = 0;
        let mut in_name = false;
        for w in words[..k].iter().rev() {
            if w.eq_ignore_ascii_case("if") || w.eq_ignore_ascii_case("unless") {
                return false;
            }
            if REPORTING.iter().any(|r| w.eq_ignore_ascii_case(r)) {
                return true;
            }
            let capital = w.starts_with(|c: char| c.is_ascii_uppercase());
            if !(capital && in_name) {
                counted += 1;
                if counted == 8 {
                    return false;
                }
            }
            in_name = capital;
        }
        false
    }

    /// Whether an infinitive's "to" or a verb of saying ("said", "told",
    /// "announced": what is told may lie ahead) stands in the sentence
    /// before token `i`, at most 160 bytes back. The text is read, not
    /// the tokens (the verb often lies outside the region); a period ends
    /// the sentence after a lowercase word or a number, not after "Ill.".
    fn infinitive_before(&self, i: usize) -> bool {
        let Some(before) = self.text_before(i, 160) else { return false };
        let b = before.as_bytes();
        let start = (1..b.len())
            .rev()
            .find(|&k| {
                matches!(b[k - 1], b'.' | b'!' | b'?')
                    && b[k].is_ascii_whitespace()
                    && (b[k - 1] != b'.'
                        || k >= 2 && (b[k - 2].is_ascii_lowercase() || b[k - 2].is_ascii_digit()))
            })
            .unwrap_or(0);
        before[start..].split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            ["to", "said", "says", "told", "announced", "reported"]
                .iter()
                .any(|v| w.eq_ignore_ascii_case(v))
        })
    }

    /// "in October and November 2010", "in March or September in 2000",
    /// "entre enero y marzo de 1998", "von
    /// Januar bis März 2012": the year
    /// of the month that closes a range opened by month `m` (ending at
    /// token `e`), a year before when it comes round again ("de noviembre
    /// a marzo de 1998").
    fn range_closing_year(&self, m: u32, e: usize) -> Option<i32> {
        let connects = self.dash(e)
            || matches!(
                self.lex(e),
                Some(Lex::Func(Func::And | Func::Or | Func::Until | Func::To | Func::At))
            );
        if !connects {
            return None;
        }
        let (m2, e2, _) = self.month_tok(e + 1)?;
        let k = if self.is_func(e2, Func::Of) || self.is_func(e2, Func::In) { e2 + 1 } else { e2 };
        let (y, _) = self.year_after(k)?;
        Some(if m > m2 { y - 1 } else { y })
    }

    pub(super) fn resolve_weekday(&self, wd: u8, s: usize, e: usize) -> Option<(Civil, String)> {
        // "At 21:30 local time (00:30 UTC of Monday)": the day a bracket
        // gives a clock time in UTC lies within a day of the local one,
        // so it is the nearest such day, whatever the clause's tense.
        let (dir, how) = if self.direction == Direction::Context && self.zone_bracket_day(s, e) {
            (Dir::Nearest, "nearest-zone-bracket".to_owned())
        } else {
            self.direction_at(s, e, Dir::Past)
        };
        // "advertised Sunday that it would give away its breakfast Tuesday":
        // "would" is the future of a past saying, a few days back, so a
        // weekday under it may have passed by the article's day: the
        // nearest one. (Months and holidays lie far enough ahead to stay
        // future.)
        let (dir, how) =
            if dir == Dir::Future && how.starts_with("future-verb(would") && self.reported_would(s)
            {
                (Dir::Nearest, format!("nearest-{how}"))
            } else {
                (dir, how)
            };
        let cur = cal::weekday(self.r) as i64;
        let back = (cur - i64::from(wd)).rem_euclid(7); // days back to the last such day (0 = today)
        let fwd = (i64::from(wd) - cur).rem_euclid(7);
        let delta = match dir {
            Dir::Past => -back,
            Dir::Future => {
                if fwd == 0 && self.direction == Direction::Future {
                    7
                } else {
                    fwd
                }
            }
            Dir::Nearest => {
                if back <= fwd {
                    -back
                } else {
                    fwd
                }
            }
        };
        cal::add_days(self.r, delta).map(|d| (d, how))
    }

    /// Whether the weekday at tokens `s..e` sits in a bracket that gives a
    /// clock time in UTC or GMT with its day: "(00:30 UTC of Monday)",
    /// "(02:00 Tuesday UTC)", "(2200 Saturday, UTC)". Inside the bracket
    /// only the clock's numbers, the zone, "on", "of" and marks may stand.
    fn zone_bracket_day(&self, s: usize, e: usize) -> bool {
        if s == 0 {
            return false;
        }
        let (mut clock, mut zone) = (false, false);
        let mut inside = |k: usize| -> Option<bool> {
            let t = self.tok(k)?;
            match t.kind {
                Kind::Num => clock = true,
                Kind::Punct if t.is_punct('(') || t.is_punct(')') => return Some(true),
                Kind::Punct if t.is_punct(':') || t.is_punct(',') || t.is_punct('.') => {}
                _ if self.lex(k) == Some(Lex::ZoneUtc) => zone = true,
                _ if self.is_func(k, Func::Of) || self.is_func(k, Func::On) => {}
                _ => return None,
            }
            Some(false)
        };
        // The bracket mark first reached over `ks`, when only the
        // bracket's words stand before it.
        let mut mark = |ks: &mut dyn Iterator<Item = usize>| -> Option<usize> {
            for k in ks {
                if inside(k)? {
                    return Some(k);
                }
            }
            None
        };
        let open = mark(&mut (s.saturating_sub(7)..s).rev()).is_some_and(|k| self.punct(k, '('));
        let close = open && mark(&mut (e..e + 3)).is_some_and(|k| self.punct(k, ')'));
        close && clock && zone
    }
}
