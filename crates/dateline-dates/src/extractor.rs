//! `DateExtractor`: configuration, and the scan → tokenize → parse pipeline.

use std::sync::Arc;

use dateline_match::NormalizedText;
use dateline_tokenize::Span;

use crate::grammar::{Cand, DocState, Parser};
use crate::lexicon::{Func, Language, Lex, Lexicon, Rel};
use crate::scan::Scanner;
use crate::timex::{TimeExpression, TimexRange, TimexType};
use crate::token::{self, Token};
use crate::{Date, Direction, Error};

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
}

/// Finds date and time expressions in text and normalizes them to TIMEX3.
///
/// Build it once and share it: it is `Send + Sync`, cheap to clone, and
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
        let lexicon = Lexicon::new(Language::English);
        let scanner = Scanner::new(&lexicon.anchors());
        DateExtractor { config, inner: Arc::new(Inner { lexicon, scanner }) }
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
        self.extract_normalized(&self.inner.scanner.normalizer().normalize(text), reference)
    }

    /// [`extract`](DateExtractor::extract) on a text normalized beforehand,
    /// so that one normalization can serve this extractor and a gazetteer.
    /// Spans refer to `text.original()`.
    ///
    /// The lexicon is English and ASCII, so the results do not depend on
    /// accent folding: normalize with accent folding on (the
    /// [`Normalizer`](dateline_match::Normalizer) default) to share the
    /// work; a text normalized without it is normalized again.
    pub fn extract_normalized(
        &self,
        text: &NormalizedText<'_>,
        reference: Date,
    ) -> Vec<TimeExpression> {
        let normalized = text;
        let text = normalized.original();
        let mut out = Vec::new();
        let mut regions = Vec::new();
        self.inner.scanner.regions(normalized, &mut regions);
        let mut tokens: Vec<Token> = Vec::new();
        let mut doc = DocState::default();
        for &(lo, hi) in &regions {
            tokens.clear();
            token::tokenize(text, lo, hi, &self.inner.lexicon, &mut tokens);
            let mut parser = Parser {
                text,
                t: &tokens,
                lx: &self.inner.lexicon,
                r: reference.to_civil(),
                direction: self.config.direction,
                day_first: self.config.day_first,
                doc,
            };
            let mut cands: Vec<Cand> = Vec::new();
            let mut i = 0;
            while i < tokens.len() {
                match parser.parse_at(i) {
                    Some(c) => {
                        i = c.e;
                        // A report's "the quarter" is the last quarter named near the
                        // reference date ("the 1988 third quarter" is not one).
                        if c.grain == crate::Grain::Quarter
                            && c.kind == TimexType::Date
                            && (c.rule.starts_with("quarter") || c.rule.starts_with("q-notation"))
                            && let Some((y, q)) = parse_quarter(&c.value)
                        {
                            let r = reference.year() * 4 + (reference.month() as i32 - 1) / 3;
                            if (-1..=2).contains(&(r - (y * 4 + q as i32 - 1))) {
                                parser.doc.last_quarter = Some((y, q));
                            }
                        }
                        remember(&mut parser.doc, &c);
                        let tail = parser.day_tail(&c);
                        cands.push(c);
                        if let Some(t) = tail {
                            i = t.e;
                            cands.push(t);
                        }
                    }
                    None => i += 1,
                }
            }
            doc = parser.doc;
            link_ranges(&parser, &mut cands, reference);
            for c in cands {
                let (Some(first), Some(last)) = (tokens.get(c.s), tokens.get(c.e.wrapping_sub(1)))
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

/// Keeps the last named day and year as anchors for "the following day",
/// "that year".
fn remember(doc: &mut DocState, c: &Cand) {
    if c.kind != TimexType::Date && c.kind != TimexType::Time {
        return;
    }
    let Some(year) = c.value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())) else {
        return;
    };
    let Ok(year) = year.parse::<i32>() else { return };
    doc.last_year = Some(year);
    if let (Some(m), Some(d)) = (c.value.get(5..7), c.value.get(8..10))
        && let (Ok(m), Ok(d)) = (m.parse::<i8>(), d.parse::<i8>())
        && let Ok(day) = jiff::civil::Date::new(year as i16, m, d)
    {
        doc.last_day = Some(day);
    }
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
        if b.s != a.e + 1
            || a.kind != b.kind
            || a.kind != TimexType::Date && a.kind != TimexType::Time
        {
            continue;
        }
        let sep = &p.t[a.e];
        let sep_lex = sep.lex;
        let opener = s.checked_sub(1).and_then(|o| p.t.get(o)).and_then(|t| t.lex);
        let linked = match sep_lex {
            Some(Lex::Func(Func::To | Func::Until | Func::Through)) => {
                matches!(opener, Some(Lex::Func(Func::From)))
            }
            Some(Lex::Func(Func::And)) => matches!(opener, Some(Lex::Func(Func::Between))),
            _ => sep.is_dash() && !sep.space,
        };
        if linked {
            let range = TimexRange::new(a.value.clone(), b.value.clone());
            cands[k].range = Some(range.clone());
            cands[k + 1].range = Some(range);
        }
    }
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
