//! Entities from names in context: what a gazetteer match is, read with the
//! words around it.
//!
//! A gazetteer finds names; news text decides what they name. Three
//! readings matter, each measured on news (see the crate's DESIGN notes):
//!
//! * **A name inside a longer name** ("US" in "US Navy", "China" in "Bank
//!   of China", "Paris" in "Paris Hilton") is not the place. The longer
//!   name is found as a *name run*: capitalized words and the connectors
//!   between them ("of", "&", hyphens), in the original text. A run whose
//!   head word says what it is ("Navy", "Bank", "Strip", "Airport") is
//!   reported as a rule-found entity; the inner match is handled by the
//!   [`Nested`] policy.
//! * **A city used as a club** ("Barcelona beat Real Madrid 2-1",
//!   "DETROIT 4 Boston 2") is an organization: score lines, match verbs and
//!   team roles next to it say so.
//! * **Namesakes** ("Portland, Maine"; datelines "PORTLAND, Maine (AP)")
//!   take the candidate in the region named after the comma, through the
//!   entries' [`country`](crate::Entry::country) and
//!   [`admin1`](crate::Entry::admin1).
//!
//! The rules read a few words either side of each match, never the whole
//! text again, so their cost grows with the number of matches.

mod chinese;
mod english;
mod groups;
mod heads;
mod languages;
mod namesakes;
mod people;
mod ridings;
mod rules;
mod runs;
mod splits;
mod sports;
mod towns;
mod unspaced;
mod without_runs;

use std::fmt;
use std::str::FromStr;

use dateline_match::{Matcher, NormalizedText};
use dateline_tokenize::{Lang, Span};

use crate::{EntityMatch, EntryRef, Gazetteer};
use rules::NameRules;

/// What becomes of a gazetteer match strictly inside a longer name run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Nested {
    /// Not reported. The run is reported instead when its words say what it
    /// is ("US Navy" as `ORG`). The default: news names are read whole.
    #[default]
    Drop,
    /// Reported as the gazetteer found it, as before context rules; a run
    /// holding a match is not reported, so entities never overlap.
    Keep,
    /// Reported as with [`Keep`](Nested::Keep), with the run's span as
    /// [`enclosing`](Resolved::enclosing).
    Flag,
}

impl Nested {
    /// The policy's name: `drop`, `keep` or `flag`.
    pub fn as_str(self) -> &'static str {
        match self {
            Nested::Drop => "drop",
            Nested::Keep => "keep",
            Nested::Flag => "flag",
        }
    }
}

impl fmt::Display for Nested {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown [`Nested`] policy name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseNestedError {
    value: String,
}

impl fmt::Display for ParseNestedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown nested policy {:?} (expected drop, keep or flag)", self.value)
    }
}

impl std::error::Error for ParseNestedError {}

impl FromStr for Nested {
    type Err = ParseNestedError;

    fn from_str(value: &str) -> Result<Nested, ParseNestedError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "drop" => Ok(Nested::Drop),
            "keep" => Ok(Nested::Keep),
            "flag" => Ok(Nested::Flag),
            _ => Err(ParseNestedError { value: value.to_owned() }),
        }
    }
}

/// Where an entity's label comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Source {
    /// A gazetteer entry: the label and id are the entry's.
    Gazetteer,
    /// A context rule ([`Resolved::rule`] names it); the id is empty.
    Rule,
}

impl Source {
    /// `gazetteer` or `rule`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Gazetteer => "gazetteer",
            Source::Rule => "rule",
        }
    }
}

/// Reads gazetteer matches in their context.
///
/// * **A name inside a longer name** ("US" in "US Navy", "China" in "Bank
///   of China", "Paris" in "Paris Hilton") is not the place: the longer
///   name, a run of capitalized words and connectors, is reported as a
///   rule-found entity when its head word types it, and the inner match
///   follows the [`Nested`] policy.
/// * **A city used as a club** ("Barcelona beat Real Madrid 2-1",
///   "DETROIT 4 Boston 2") is an `ORG`.
/// * **Namesakes** ("Portland, Maine"; datelines) take the candidate in the
///   region named after the comma, through the entries'
///   [`country`](crate::Entry::country) and [`admin1`](crate::Entry::admin1).
/// * **A town before a region** ("Palmyra, Syria", "in Cibolo, Texas,"):
///   capitalized words no entry has, before a comma and a country or
///   first-level division, are a `GPE` (`place:region`).
/// * **A nationality word used as a language** ("said in Arabic.",
///   "Chinese-language", "speaks French") is `LANGUAGE` (`norp:language`).
/// * **A nationality word split by link markup** ("Russia n money", "Iraq
///   i civilians", "Europe an leaders") is the nationality, `NORP`, with the
///   place's entry (`norp:split`).
/// * **A landform's name joined by a hyphen to a name before it**
///   ("Scarborough-Rouge River", "Skeena-Bulkley Valley") is a compound
///   district, an electoral riding, `GPE` (`head:district`).
/// * **An electoral district named for its places** ("the Ajax-Pickering
///   riding", "the riding of Toronto—Danforth") is one `GPE`
///   (`place:riding`).
/// * **A compass word before a town** ("North Adelaide", "East Cleveland")
///   is the town's part or a town of its own, `GPE` (`prefix:town`); before
///   a country or a state it is a region ("Northern Iraq", `LOC`), unless
///   the rules name that part a state of its own ("West Darfur", "North
///   Yemen": `GPE`, `prefix:state`).
/// * **A mission posted to a country** ("United Nations Interim Force in
///   Lebanon") takes the country into its name (`head:org`).
/// * A place before "$" or "dollars" is money, and is not reported.
/// * A place after a Romance link ("de", "du", "del") that follows a
///   capitalized word ("Foro de São Paulo", "Banque Nationale de Paris")
///   ends a foreign name, and is not reported.
/// * A town before a treaty noun ("the Kyoto protocol", "the Belfast
///   agreement") names the treaty, a law, and is not reported.
/// * A one-word place after a person's title ("Mr. Houston", "Sen.
///   Lincoln") is the person, and is not reported; nor is the same name
///   alone elsewhere in the text ("Houston said"), nor the last name of a
///   person's full name with a title or a first name ("Ambassador John R.
///   Bolton", "Ricardo Lagos" ... "Bolton said").
///
/// Each entity says where its label comes from ([`Source`]) and which rule
/// decided ([`Resolved::rule`]). The rules read a few words either side of
/// each match; `DESIGN.md` in this crate has the details and measurements.
///
/// # Example
///
/// ```
/// use dateline_gazetteer::{Entry, Gazetteer, Nested, Resolver, Source};
///
/// let gazetteer = Gazetteer::new([
///     Entry::new("US", "GPE", "iso3166-1:US"),
///     Entry::new("China", "GPE", "iso3166-1:CN"),
/// ])?;
/// let text = "The US Navy met China's envoy.";
/// let found = Resolver::new().find(&gazetteer, text);
/// let read: Vec<_> = found.iter().map(|e| (&text[e.span()], e.label(), e.source())).collect();
/// assert_eq!(read, [("US Navy", "ORG", Source::Rule), ("China", "GPE", Source::Gazetteer)]);
/// assert_eq!(found[0].rule(), Some("head:org"));
///
/// // Flag keeps the inner match and says what it sits in.
/// let flagged = Resolver::builder().nested(Nested::Flag).build().find(&gazetteer, text);
/// assert_eq!(&text[flagged[0].span()], "US");
/// assert_eq!(flagged[0].enclosing().map(|s| &text[s]), Some("US Navy"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Resolver {
    nested: Nested,
    lang: Lang,
    sports: bool,
    rules: &'static NameRules,
    /// The rules' head words and prefixes, case-sensitive (built once a
    /// process: a resolver is cheap to make).
    cues: &'static Matcher,
}

impl Default for Resolver {
    fn default() -> Resolver {
        Resolver::new()
    }
}

impl Resolver {
    /// The defaults: [`Nested::Drop`], sports cues on, English rules.
    pub fn new() -> Resolver {
        ResolverBuilder::new().build()
    }

    /// A builder to set the policy and switch rules off.
    pub fn builder() -> ResolverBuilder {
        ResolverBuilder::new()
    }

    /// The nested-name policy.
    pub fn nested(&self) -> Nested {
        self.nested
    }

    /// The language the resolver reads (see [`ResolverBuilder::lang`]).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Finds the entities of `text` with `gazetteer`, searching with the
    /// names of the resolver's [`lang`](Resolver::lang) (whatever the
    /// gazetteer's own), and reads them in context.
    pub fn find<'g>(&self, gazetteer: &'g Gazetteer, text: &str) -> Vec<Resolved<'g>> {
        // One normalization and one scan serve the names and the head words.
        let mut normalized = gazetteer.normalizer().normalize(text);
        normalized.prepare_for(&[gazetteer.matcher_in(self.lang), self.matcher()]);
        let matches = gazetteer.find_iter_normalized_in(self.lang, &normalized);
        self.resolve_normalized(&normalized, matches)
    }

    /// Reads in context the matches a gazetteer found in `text`, in text
    /// order (as [`Gazetteer::find_iter`] and
    /// [`Gazetteer::find_iter_normalized`] report them). The result is in
    /// text order and free of overlaps when the matches are.
    pub fn resolve<'g>(
        &self,
        text: &str,
        matches: impl IntoIterator<Item = EntityMatch<'g>>,
    ) -> Vec<Resolved<'g>> {
        self.read(text, None, matches)
    }

    /// As [`resolve`](Resolver::resolve), for a text normalized once for
    /// several searches: prepare it for [`matcher`](Resolver::matcher)
    /// too (with [`NormalizedText::prepare_for`]) and the head words of
    /// names are found in the same scan as the gazetteer's names.
    pub fn resolve_normalized<'g>(
        &self,
        text: &NormalizedText<'_>,
        matches: impl IntoIterator<Item = EntityMatch<'g>>,
    ) -> Vec<Resolved<'g>> {
        self.read(text.original(), Some(text), matches)
    }

    /// The matcher of the words that type a name on their own ("Party",
    /// "Airport"), for [`NormalizedText::prepare_for`].
    pub fn matcher(&self) -> &Matcher {
        self.cues
    }

    fn read<'g>(
        &self,
        text: &str,
        normalized: Option<&NormalizedText<'_>>,
        matches: impl IntoIterator<Item = EntityMatch<'g>>,
    ) -> Vec<Resolved<'g>> {
        let matches: Vec<EntityMatch<'g>> = matches.into_iter().collect();
        let starts: Vec<usize> = matches.iter().map(EntityMatch::start).collect();
        let mut ends: Vec<usize> = matches.iter().map(EntityMatch::end).collect();
        // Matches that do not overlap (leftmost-longest) end in order.
        if !ends.is_sorted() {
            ends.sort_unstable();
        }
        let mut lines = Lines::new(text);
        let mut out: Vec<Resolved<'g>> = Vec::with_capacity(matches.len());
        // Places named as people's surnames ("Mr. Houston"), found in the
        // loop; their bare mentions elsewhere are dropped after it.
        let mut surnames = people::Surnames::default();
        // Candidates chosen by a region after a name, per match: made when
        // a region first chooses, which most texts never do.
        let mut chosen: Vec<(usize, Option<&'static str>)> = Vec::new();
        for i in 0..matches.len() {
            if let Some(choice) = namesakes::by_region(self.rules, text, &matches, i) {
                if chosen.is_empty() {
                    chosen.resize(matches.len(), (0, None));
                }
                chosen[i] = (choice.place, Some("namesake:region"));
                if let Some(region) = choice.region {
                    chosen[i + 1] = (region, Some("namesake:region"));
                }
            }
        }
        // The first candidate, by no rule, where no region chose.
        let chosen_for = |i: usize| chosen.get(i).copied().unwrap_or((0, None));
        // The end of a group of two hyphened matches ("Cuban-American")
        // reported as one: the second match is inside it.
        let mut joined_until = 0;
        for (i, found) in matches.iter().enumerate() {
            // The label is read from the store each time it is asked for:
            // once here for the rules below.
            let label = found.label();
            if is_money(text, found.end(), label)
                || label == "NORP" && is_currency_of_an_amount(self.rules, text, found.span())
            {
                continue;
            }
            // "the Kyoto protocol": a town before a treaty noun names the
            // treaty (seed-49 reading). Bytes first: a blank and a word of
            // four lowercase letters at least ("pact"), which "the", "and"
            // and "in" after most places are not, begun as a treaty noun.
            if text.as_bytes().get(found.end()..found.end() + 5).is_some_and(|b| {
                b[0] == b' ' && self.rules.treaty_nouns.may_start(b[1]) && b[4].is_ascii_lowercase()
            }) && label == "GPE"
                && names_a_treaty(self.rules, text, found, chosen_for(i).0)
            {
                continue;
            }
            // "Russia n money": a nationality word that link markup split
            // (one byte compare a place; see splits.rs).
            if let Some(end) = splits::demonym_end(self.rules, text, found.span())
                && is_place(label)
            {
                let (candidate, rule) = chosen_for(i);
                let place = Resolved::from_match(*found, label).choosing(candidate, rule);
                let span = Span::new(found.start(), end);
                push(&mut out, Resolved { span, label: "NORP", rule: Some(splits::RULE), ..place });
                continue;
            }
            // A person named like a place, when the name stands alone.
            let person = self.rules.name_runs
                && is_place(label)
                && surnames.after_title(self.rules, text, found);
            // "Foro de São Paulo": a place after a Romance link that follows
            // a capitalized word ends a foreign name (seed-51 reading), and is
            // not reported alone; a run a head types stays ("Plaza de
            // Bolívar"). Bytes first: a blank before the place, and a word of
            // two to five lowercase letters before it begun as a link ("de").
            let unreported =
                person || is_place(label) && after_a_foreign_link(self.rules, text, found.start());
            let (candidate, rule) = chosen_for(i);
            let mut resolved = Resolved::from_match(*found, label).choosing(candidate, rule);
            if self.sports
                && let Some(rule) = sports::club_cue(self.rules, text, &matches, i, label)
            {
                resolved = Resolved::by_rule(found.span(), "ORG", rule);
            }
            if (is_place(label) || label == "NORP")
                && let Some((run, head)) =
                    unspaced::head_after(self.rules, text, found.span(), &starts)
            {
                // "中国工商银行": a name without spaces that goes on to a head.
                match self.nested {
                    Nested::Drop => push(&mut out, Resolved::by_rule(run, head.label, head.rule)),
                    Nested::Keep => push(&mut out, resolved),
                    Nested::Flag => {
                        push(&mut out, Resolved { enclosing: Some(run), ..resolved });
                    }
                }
                continue;
            }
            if !self.rules.name_runs || runs::stands_alone(self.rules, text, found.span()) {
                if !unreported {
                    push(&mut out, as_language(self.rules, text, &resolved).unwrap_or(resolved));
                }
                continue;
            }
            // A hyphen on either side makes no match stand alone, so the
            // hyphened groups are read here, off the quick path.
            if found.start() < joined_until {
                // The second group of "Cuban-American", reported with it.
                continue;
            }
            // "Cuban-American": one group (see groups.rs).
            if label == "NORP"
                && self.nested == Nested::Drop
                && text.as_bytes().get(found.end()) == Some(&b'-')
                && let Some(span) = groups::hyphened(self.rules, text, &matches, i)
            {
                joined_until = span.end;
                let group = Resolved::by_rule(span, "NORP", groups::RULE);
                push(&mut out, as_language(self.rules, text, &group).unwrap_or(group));
                continue;
            }
            let mut run = runs::run_around(self.rules, text, found.span(), &starts, &ends);
            if run != found.span() && lines.is_headline(found.start()) {
                run = found.span();
            }
            // "Sunni Arab", "North American": one group, unless a part of
            // it was reported alone ("anti-Syrian Lebanese Prime Minister").
            if self.nested == Nested::Drop
                && run != found.span()
                && label == "NORP"
                && out.last().is_none_or(|last| last.span.end <= run.start)
                && groups::is_group(self.rules, text, &matches, i, run)
            {
                let group = Resolved::by_rule(run, "NORP", groups::RULE);
                push(&mut out, as_language(self.rules, text, &group).unwrap_or(group));
                continue;
            }
            // "U.S. Supreme Court", "New Jersey Senate", "Oregon House of
            // Representatives": a place right before an organization's name
            // names the organization.
            if self.nested == Nested::Drop
                && label == "GPE"
                && !unreported
                && let Some(org) = place_with_org(text, &matches, i, run)
            {
                push(&mut out, Resolved::by_rule(org, "ORG", PLACE_ORG));
                continue;
            }
            if run == found.span() || is_all_names(&matches, i, run) {
                if !unreported {
                    push(&mut out, as_language(self.rules, text, &resolved).unwrap_or(resolved));
                }
                continue;
            }
            let place = is_place(label).then_some(found.span());
            let typed = runs::type_of(self.rules, text, run, place);
            if typed.is_none() && (place.is_some() || label == "NORP") {
                // "Petty Officer Scott C. Dayton", "John Bolton", "John
                // Tory": "Dayton", "Bolton" and "Tory" alone are them.
                let only_match = i == 0 || matches[i - 1].end() <= run.start;
                surnames.ends_personal_name(self.rules, text, run, found, label, only_match);
            }
            if typed.is_none()
                && run.start == found.start()
                && (people::person_follows(self.rules, text, found.end(), &starts)
                    || (place.is_some()
                        && people::holder_follows(
                            self.rules,
                            text,
                            found.span(),
                            run.end,
                            &starts,
                        )))
            {
                // "President of Venezuela Hugo Chavez", "Australian John
                // Howard", "Ambassador to Iraq Ryan Crocker": the name
                // stops where a person's name starts.
                if !unreported {
                    push(&mut out, resolved);
                }
                continue;
            }
            match (self.nested, typed) {
                (Nested::Drop, Some(typed)) if typed.label == rules::UNREPORTED => {}
                (Nested::Drop, Some(typed)) => {
                    let mut run = run;
                    if typed.rule.starts_with("head:") {
                        // "Cameroon-Nigeria Mixed Commission", "the
                        // Industrial and Commercial Bank of China": the
                        // names before the hyphen or "and" are the run's.
                        // Two words before "and" only for an organization no
                        // match begins ("the Social Democratic and Labour
                        // Party"; see `start_over_joins`).
                        let two = typed.label == "ORG" && starts.binary_search(&run.start).is_err();
                        run.start = runs::start_over_joins(self.rules, text, run.start, two, &ends);
                        // "the 4th Sikh Battalion": an ordinal begins a
                        // unit's name.
                        run.start = runs::start_over_ordinal(self.rules, text, run);
                        while out.last().is_some_and(|last| last.span.start >= run.start) {
                            out.pop();
                        }
                    }
                    if typed.label == "FAC" || typed.label == "ORG" {
                        // "U.S. Highway 224", "BBC News 24": a road's or a
                        // channel's number ends its name.
                        run.end = runs::end_over_number(self.rules, text, run);
                    }
                    if typed.label == "ORG"
                        && text.as_bytes().get(run.end..run.end + 2) == Some(b" i")
                    {
                        // "United Nations Interim Force in Lebanon": a
                        // mission's place ends its name (seed-43 reading).
                        run.end = runs::end_over_posting(self.rules, text, run, &matches);
                    }
                    let (label, rule) = heads::district_or(text, run, typed.label, typed.rule);
                    // "North Canton", "East Cleveland": a part of a town is
                    // a town's (seed-43 reading).
                    let (label, rule) = if rule != runs::REGION_RULE {
                        (label, rule)
                    } else if towns::is_part_of_town(self.rules, text, run, found, chosen_for(i).0)
                    {
                        ("GPE", towns::PART_RULE)
                    } else if towns::is_compass_state(self.rules, text, run, found) {
                        // "West Darfur", "North Yemen": a state's (seed-49
                        // reading).
                        ("GPE", towns::STATE_RULE)
                    } else {
                        (label, rule)
                    };
                    push(&mut out, Resolved::by_rule(run, label, rule));
                }
                (Nested::Drop, None) => {}
                (Nested::Keep, _) => push(&mut out, resolved),
                (Nested::Flag, _) => push(&mut out, Resolved { enclosing: Some(run), ..resolved }),
            }
        }
        // "Palmyra, Syria": the words before a region's comma name a place
        // in it (one byte test a match; see towns.rs).
        let mut towns = Vec::new();
        if self.rules.name_runs {
            let bytes = text.as_bytes();
            for (i, &start) in starts.iter().enumerate() {
                // The comma and blank right before, by bytes: most matches
                // stop here.
                if start < 3 || bytes[start - 2] != b',' || bytes[start - 1] != b' ' {
                    continue;
                }
                if let Some(town) =
                    towns::before_region(self.rules, text, &matches, i, chosen_for(i).0)
                    && is_reported_place(&out, matches[i].span())
                {
                    towns.push(Resolved::by_rule(town, "GPE", towns::RULE));
                }
            }
        }
        let cues: Vec<Span> = match normalized {
            Some(normalized) => {
                self.cues.find_iter_normalized(normalized).map(|m| m.span()).collect()
            }
            None => self.cues.find_iter(text).map(|m| m.span()).collect(),
        };
        let named = heads::named_by_heads(self.rules, text, &cues, &starts, &ends, &mut lines);
        surnames.drop_bare_mentions(self.rules, text, &mut out);
        let mut found = merge(merge(out, named), towns);
        // "|| Democrat || Lake Hiawatha ||": a hometown in a table.
        towns::towns_in_tables(text, &mut found);
        // "the Ajax-Pickering riding": a district named for its places.
        if self.nested == Nested::Drop {
            ridings::ridings_named_for_places(self.rules, text, &mut found);
        }
        found
    }
}

/// `entity` as a language when it is a group's name that the words around
/// make one ("said in Arabic.", "Chinese-language", "the Northern Kurdish
/// language"; `languages.rs`): OntoNotes' `LANGUAGE`, by `norp:language`.
/// Inlined: asked of every entity reported alone, most of them no `NORP`.
#[inline(always)]
fn as_language<'g>(rules: &NameRules, text: &str, entity: &Resolved<'g>) -> Option<Resolved<'g>> {
    (entity.label == "NORP" && languages::is_language(rules, text, entity.span))
        .then(|| Resolved::by_rule(entity.span, "LANGUAGE", languages::RULE))
}

/// Whether `found` has a place with the span `span` (the region of a
/// "Town, Region" still reported as itself: not a club, not inside a
/// longer name).
fn is_reported_place(found: &[Resolved<'_>], span: Span) -> bool {
    found
        .binary_search_by_key(&span.start, |entity| entity.span.start)
        .is_ok_and(|at| found[at].span == span && is_place(found[at].label))
}

/// `found` with the `named` entities that overlap none of it, in order.
fn merge<'g>(found: Vec<Resolved<'g>>, named: Vec<Resolved<'g>>) -> Vec<Resolved<'g>> {
    if named.is_empty() {
        return found;
    }
    let mut out = Vec::with_capacity(found.len() + named.len());
    let mut found = found.into_iter().peekable();
    for entity in named {
        while let Some(next) = found.next_if(|f| f.span.start < entity.span.end) {
            out.push(next);
        }
        if out.last().is_none_or(|last: &Resolved<'_>| last.span.end <= entity.span.start) {
            out.push(entity);
        }
    }
    out.extend(found);
    out
}

/// Whether a place's name is part of a currency ("US$ 21 million", "US
/// dollars", "NZ$"): an amount of money, not the place. An organization's
/// acronym is one only with the sign right after it ("AU$ 700 billion" is
/// Australian dollars, not the African Union).
/// `end` is where the name ends, `label` its label.
///
/// Inlined: asked of every match, nearly all of which the byte after it
/// (after one blank) settles, whatever the label: no sign, no "d" of
/// "dollar", no more blanks.
#[inline]
fn is_money(text: &str, end: usize, label: &str) -> bool {
    let bytes = text.as_bytes();
    let next = match bytes.get(end) {
        Some(b' ') => bytes.get(end + 1),
        next => next,
    };
    matches!(next, Some(b'$' | b'd' | b' ' | 0xC2)) && is_money_read(text, end, label)
}

/// [`is_money`] for a name that a sign, a "d" or blanks may follow.
#[inline(never)]
fn is_money_read(text: &str, end: usize, label: &str) -> bool {
    // Only places and acronyms are money: the text is read after the label
    // says so.
    if label != "GPE" {
        return text.as_bytes().get(end) == Some(&b'$') && label == "ORG";
    }
    // Blanks skipped bytewise (a space, or U+00A0 as C2 A0): asked of
    // every place, most of which are followed by a space and a word.
    let bytes = &text.as_bytes()[end..];
    let mut at = 0;
    loop {
        match bytes.get(at..at + 2) {
            Some([b' ', _]) => at += 1,
            Some([0xC2, 0xA0]) => at += 2,
            _ => break,
        }
    }
    let after = &bytes[at..];
    match after.first() {
        Some(b'$') => true,
        Some(b'd') if after.starts_with(b"dollar") => {
            let rest = &text[end + at + 6..];
            rest.chars().next().is_none_or(|c| c == 's' || !c.is_alphanumeric())
        }
        _ => false,
    }
}

/// Whether the place `place`, read with its candidate `chosen` and followed
/// by a blank and a lowercase word of four letters at least, names a
/// treaty: the word is one of the rules' `treaty_nouns` and the place a
/// town ([`towns::is_town`]): "the Kyoto protocol", "the Belfast
/// agreement", "the Geneva convention", a law's name, not the town. A
/// country stays ("the US-India agreement" is one with India), and so does
/// a capitalized noun, which a law's head word reads ("the Kyoto
/// Protocol").
#[cold]
#[inline(never)]
fn names_a_treaty(rules: &NameRules, text: &str, place: &EntityMatch<'_>, chosen: usize) -> bool {
    let after = &text[place.end() + 1..];
    let len = after.bytes().take_while(u8::is_ascii_lowercase).count();
    if after.as_bytes().get(len).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-') {
        return false;
    }
    rules.treaty_nouns.contains(&after[..len]) && towns::is_town(place, chosen)
}

/// Whether the place starting at `start` follows one of the rules'
/// `foreign_name_links` ("de", "du", "del") right after a capitalized word:
/// "Foro de São Paulo", "Banque Nationale de Paris", "Petróleos de
/// Venezuela", "Eamonn de Valera", the end of a foreign name (an
/// organization's, a person's), not the place. A lowercase word before the
/// link ("a cidade curda de Sulaymaniyah") leaves it a place.
#[inline]
fn after_a_foreign_link(rules: &NameRules, text: &str, start: usize) -> bool {
    let Some(before) = text.as_bytes()[..start].strip_suffix(b" ") else {
        return false;
    };
    let len = before.iter().rev().take_while(|b| b.is_ascii_lowercase()).take(6).count();
    (2..=5).contains(&len)
        && rules.foreign_name_links.may_start(before[before.len() - len])
        && follows_a_capitalized_word(rules, text, before.len() - len, before.len())
}

/// Whether `text[link..end]` is a foreign name's link and the word before
/// it, after one blank, begins with a capital letter (the cold half of
/// [`after_a_foreign_link`]).
#[cold]
#[inline(never)]
fn follows_a_capitalized_word(rules: &NameRules, text: &str, link: usize, end: usize) -> bool {
    if !rules.foreign_name_links.contains(&text[link..end]) {
        return false;
    }
    let Some(word) = text[..link].strip_suffix(' ') else {
        return false;
    };
    let word = &word[word.rfind(char::is_whitespace).map_or(0, |at| at + 1)..];
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Whether a nationality word names the currency of an amount ("500
/// Australian dollars", "21.2bn Swiss francs", "several hundred Australian
/// dollars"): part of the money, as OntoNotes marks it, not the
/// nationality. Without an amount ("the Australian dollar rose") it stays.
fn is_currency_of_an_amount(rules: &NameRules, text: &str, span: Span) -> bool {
    if rules.currency_nouns.words.is_empty() {
        return false;
    }
    // The amount first, bytewise: most nationality words follow "the" or
    // another word that counts nothing.
    let before = text.as_bytes()[..span.start].trim_ascii_end();
    let amount_start = before.iter().rposition(|&b| b == b' ').map_or(0, |k| k + 1);
    // Cut at ASCII bytes (a blank before, blanks after), the amount is
    // whole chars of the text: sliced, not validated again.
    let amount = &text[amount_start..before.len()];
    let digit_at = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
    let counted = digit_at(amount.as_bytes().first())
        || digit_at(amount.as_bytes().last())
        || rules.amount_words.contains(amount);
    if !counted {
        return false;
    }
    let after = text[span.end..].trim_start_matches(' ');
    let noun = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    rules.currency_nouns.contains(noun)
}

/// Adds an entity unless it overlaps the last one (a run already reported
/// for an earlier match of it).
fn push<'g>(out: &mut Vec<Resolved<'g>>, entity: Resolved<'g>) {
    if out.last().is_none_or(|last| last.span.end <= entity.span.start) {
        out.push(entity);
    }
}

/// Whether the run around match `i` is made of gazetteer matches alone
/// ("Kyiv Ukraine"): then each is a name of its own.
fn is_all_names(matches: &[EntityMatch<'_>], i: usize, run: Span) -> bool {
    let mut covered = run.start;
    let first = matches[..i].iter().rposition(|m| m.start() < run.start).map_or(0, |p| p + 1);
    for m in matches[first..].iter().take_while(|m| m.start() < run.end) {
        if m.end() > run.end {
            return false;
        }
        let gap = m.start().checked_sub(covered);
        // Only blanks between two matches of the run.
        if gap.is_none_or(|gap| gap > 1) && covered != m.start() {
            return false;
        }
        covered = m.end();
    }
    covered == run.end
}

/// The rule of a place before an organization's name ("U.S. Supreme
/// Court").
const PLACE_ORG: &str = "place:org";

/// The span of a place match `i` and the organization match one blank
/// after it, as one organization, when the run around the place starts at
/// it and ends either where the organization ends, the run being the two
/// matches ("U.S. Supreme Court", "United States Senate", "Texas Supreme
/// Court": OntoNotes and the entity dev sets mark the whole), or inside the
/// organization, where the run stopped at "of" ("Oregon House" of "Oregon
/// House of Representatives"). In the first shape not an acronym ("the US
/// UN envoy", "Canberra CBD"): acronyms after a place are as often another
/// body or no name at all.
fn place_with_org(text: &str, matches: &[EntityMatch<'_>], i: usize, run: Span) -> Option<Span> {
    let place = matches[i];
    let org = matches.get(i + 1)?;
    if run.start != place.start() || org.start() != place.end() + 1 {
        return None;
    }
    let whole = run.end == org.end() && text[org.span()].bytes().any(|b| b.is_ascii_lowercase());
    let inside = run.end > org.start() && run.end < org.end();
    ((whole || inside) && org.label() == "ORG").then(|| Span::new(place.start(), org.end()))
}

/// Whether an entry with `label` names a place (a region prefix can make a
/// region of it).
fn is_place(label: &str) -> bool {
    matches!(label, "GPE" | "LOC")
}

/// The bytes from up to `before` bytes before `start` to up to `after`
/// bytes after `end`, narrowed to char boundaries and the text: where the
/// rules look around a name.
pub(crate) fn window(
    text: &str,
    start: usize,
    end: usize,
    before: usize,
    after: usize,
) -> (usize, usize) {
    let mut from = start.saturating_sub(before);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + after).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    (from, to)
}

/// Headline lines, told once per line as names arrive in order.
pub(crate) struct Lines<'t> {
    text: &'t str,
    /// The last line told, and whether it is a headline.
    start: usize,
    end: usize,
    headline: bool,
    /// A stretch of a line too long for a headline, known to hold no line
    /// break: the names of a long paragraph are told from it, where each
    /// read the bytes before it back again.
    unbroken: Span,
}

/// Headlines are short: a longer line is a paragraph, whatever its capitals.
const MAX_HEADLINE: usize = 200;

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        Lines { text, start: 0, end: 0, headline: false, unbroken: Span::new(0, 0) }
    }

    /// Whether the line around `at` is a headline (title case or capitals).
    pub(crate) fn is_headline(&mut self, at: usize) -> bool {
        if (self.start..self.end).contains(&at) {
            return self.headline;
        }
        if self.in_a_long_line(at) {
            return false;
        }
        let (from, to) = window(self.text, at, at, MAX_HEADLINE, MAX_HEADLINE);
        let start = match self.text[from..at].rfind('\n') {
            Some(p) => from + p + 1,
            None if from == 0 => 0,
            None => {
                self.unbroken = Span::new(from, at);
                return false;
            }
        };
        let end = match self.text[at..to].find('\n') {
            Some(p) => at + p,
            None if to == self.text.len() => to,
            None => {
                self.unbroken = Span::new(start, to);
                return false;
            }
        };
        self.start = start;
        self.end = end;
        self.headline = end - start <= MAX_HEADLINE && runs::is_headline(&self.text[start..end]);
        self.headline
    }

    /// Whether no line break stands in the `MAX_HEADLINE` bytes before `at`
    /// (after the start of the text), by the stretch known to hold none,
    /// which is read on to `at` if it ends before: then the line around
    /// `at` is too long for a headline.
    fn in_a_long_line(&mut self, at: usize) -> bool {
        let Some(from) = at.checked_sub(MAX_HEADLINE).filter(|&from| from > 0) else {
            return false;
        };
        let known = self.unbroken;
        if known.start > from || known.end < from {
            return false;
        }
        if known.end < at && self.text.as_bytes()[known.end..at].contains(&b'\n') {
            return false;
        }
        self.unbroken.end = known.end.max(at);
        true
    }
}

/// Configures a [`Resolver`].
#[derive(Clone, Debug)]
pub struct ResolverBuilder {
    nested: Nested,
    sports: bool,
    lang: Lang,
}

impl Default for ResolverBuilder {
    fn default() -> ResolverBuilder {
        ResolverBuilder::new()
    }
}

impl ResolverBuilder {
    /// The defaults, as [`Resolver::new`] has them.
    pub fn new() -> ResolverBuilder {
        ResolverBuilder { nested: Nested::Drop, sports: true, lang: Lang::En }
    }

    /// What becomes of a match inside a longer name.
    pub fn nested(&mut self, nested: Nested) -> &mut ResolverBuilder {
        self.nested = nested;
        self
    }

    /// Whether cities used as clubs on sports pages become `ORG`.
    pub fn sports(&mut self, yes: bool) -> &mut ResolverBuilder {
        self.sports = yes;
        self
    }

    /// The language of the texts (English by default): which gazetteer
    /// names [`Resolver::find`] searches with, and which word tables the
    /// rules read. English has name runs, head words, sports cues and AP
    /// state abbreviations; German, French and Spanish have none of their
    /// own yet, so their matches are read as found, except for what reads
    /// no words (namesakes by region, score lines, "US$"). See `DESIGN.md`.
    pub fn lang(&mut self, lang: Lang) -> &mut ResolverBuilder {
        self.lang = lang;
        self
    }

    /// Builds the resolver.
    pub fn build(&self) -> Resolver {
        let rules = rules::for_lang(self.lang);
        Resolver {
            nested: self.nested,
            lang: self.lang,
            sports: self.sports,
            rules,
            cues: rules.cue_matcher(),
        }
    }
}

/// An entity read in context: a gazetteer match, possibly re-ranked or
/// flagged, or an entity a rule found.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'g> {
    span: Span,
    source: Source,
    label: &'g str,
    rule: Option<&'static str>,
    enclosing: Option<Span>,
    matched: Option<EntityMatch<'g>>,
    /// Which of the match's candidates was chosen.
    chosen: usize,
}

/// A match as the gazetteer found it, read by no rule.
impl<'g> From<EntityMatch<'g>> for Resolved<'g> {
    fn from(matched: EntityMatch<'g>) -> Resolved<'g> {
        Resolved::from_match(matched, matched.label())
    }
}

impl<'g> Resolved<'g> {
    /// `matched`, whose label is `label` (read once by the caller: each
    /// read is a lookup in the store).
    fn from_match(matched: EntityMatch<'g>, label: &'g str) -> Resolved<'g> {
        Resolved {
            span: matched.span(),
            source: Source::Gazetteer,
            label,
            rule: None,
            enclosing: None,
            matched: Some(matched),
            chosen: 0,
        }
    }

    /// The same match with candidate `chosen` first, as `rule` decided.
    ///
    /// Inlined: asked of every match, nearly all of which keep their first
    /// candidate, the match's own, with nothing to look up.
    #[inline]
    fn choosing(self, chosen: usize, rule: Option<&'static str>) -> Resolved<'g> {
        if chosen == 0 { self } else { self.choosing_other(chosen, rule) }
    }

    /// [`choosing`](Resolved::choosing) a candidate after the first.
    #[inline(never)]
    fn choosing_other(self, chosen: usize, rule: Option<&'static str>) -> Resolved<'g> {
        let Some(matched) = self.matched else { return self };
        match matched.candidates().nth(chosen) {
            Some(entry) => {
                Resolved { label: entry.label(), chosen, rule: rule.or(self.rule), ..self }
            }
            _ => self,
        }
    }

    fn by_rule(span: Span, label: &'static str, rule: &'static str) -> Resolved<'g> {
        Resolved {
            span,
            source: Source::Rule,
            label,
            rule: Some(rule),
            enclosing: None,
            matched: None,
            chosen: 0,
        }
    }

    /// The byte span in the original text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The byte offset where the entity starts.
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// The byte offset where the entity ends (exclusive).
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// The label: the chosen entry's, or the rule's.
    pub fn label(&self) -> &'g str {
        self.label
    }

    /// The chosen entry's id; empty for rule-found entities.
    pub fn id(&self) -> &'g str {
        self.entry().map_or("", |e| e.id())
    }

    /// Where the label comes from.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The rule that decided, when one did: `head:org` ("US Navy"),
    /// `prefix:org` ("Real Madrid"), `sports:score` ("DETROIT 4 Boston 2"),
    /// `namesake:region` ("Portland, Maine"), `place:region` ("Palmyra,
    /// Syria": the town), `place:org` ("U.S. Supreme
    /// Court"), ...
    pub fn rule(&self) -> Option<&'static str> {
        self.rule
    }

    /// With [`Nested::Flag`], the longer name this match sits in.
    pub fn enclosing(&self) -> Option<Span> {
        self.enclosing
    }

    /// The chosen gazetteer entry, if the entity is one.
    pub fn entry(&self) -> Option<EntryRef<'g>> {
        self.matched.and_then(|m| m.candidates().nth(self.chosen))
    }

    /// The gazetteer match read, if any (its candidates in the gazetteer's
    /// ranking).
    pub fn matched(&self) -> Option<EntityMatch<'g>> {
        self.matched
    }

    /// The candidates, the chosen one first, then the others in the
    /// gazetteer's ranking. Empty for rule-found entities.
    pub fn candidates(&self) -> impl Iterator<Item = EntryRef<'g>> + use<'g> {
        let chosen = self.chosen;
        let matched = self.matched;
        self.entry().into_iter().chain(
            matched
                .into_iter()
                .flat_map(|m| m.candidates().enumerate())
                .filter(move |&(i, _)| i != chosen)
                .map(|(_, e)| e),
        )
    }
}

#[cfg(test)]
mod tests;
