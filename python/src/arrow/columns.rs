//! The Arrow columns of `extract_arrow`, built straight from the
//! pipeline's documents.
//!
//! Each `list<struct>` column is a set of flat child columns (one value per
//! sentence, entity or date across the whole batch) plus one list offset
//! per document, as Arrow lays them out. Filling flat vectors and wrapping
//! them once at the end costs a few appends per found item, with no Python
//! object made on the way.
//!
//! String columns have 32-bit offsets (Arrow `string`, what Spark and most
//! readers expect), so one column holds at most 2 GiB of text. Appends
//! check that bound and fail with a message rather than wrap or panic.

use std::fmt;
use std::sync::Arc;

use arrow_array::{Array, ArrayRef, Date32Array, Int64Array, ListArray, StringArray, StructArray};
use arrow_buffer::{Buffer, NullBufferBuilder, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Fields};
use dateline::Date;
use dateline::view::{DateView, DocumentView, EntityView, TextView, TokenView};

/// A batch that cannot be laid out as Arrow: a column past Arrow's 32-bit
/// offsets, or (should the code here be wrong) arrays Arrow rejects.
#[derive(Debug)]
pub struct ColumnError(String);

impl fmt::Display for ColumnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<ArrowError> for ColumnError {
    fn from(err: ArrowError) -> ColumnError {
        ColumnError(format!("building the Arrow batch: {err}"))
    }
}

/// The error for a column that outgrew 32-bit offsets.
fn too_large(column: &str) -> ColumnError {
    ColumnError(format!(
        "the {column} column would pass Arrow's 2 GiB limit for one column \
         (32-bit offsets); pass fewer texts per extract_arrow call"
    ))
}

/// The next 32-bit offset after `len` items or bytes.
fn offset(len: usize, column: &str) -> Result<i32, ColumnError> {
    i32::try_from(len).map_err(|_| too_large(column))
}

/// A growing Arrow `string` column.
struct Strings {
    name: &'static str,
    offsets: Vec<i32>,
    bytes: Vec<u8>,
}

impl Strings {
    fn new(name: &'static str) -> Strings {
        Strings { name, offsets: vec![0], bytes: Vec::new() }
    }

    fn push(&mut self, text: &str) -> Result<(), ColumnError> {
        self.bytes.extend_from_slice(text.as_bytes());
        let end = offset(self.bytes.len(), self.name)?;
        self.offsets.push(end);
        Ok(())
    }

    fn finish(self) -> Result<ArrayRef, ColumnError> {
        let offsets = OffsetBuffer::new(ScalarBuffer::from(self.offsets));
        Ok(Arc::new(StringArray::try_new(offsets, Buffer::from_vec(self.bytes), None)?))
    }
}

/// A growing Arrow `string` column that may hold nulls.
struct OptionalStrings {
    strings: Strings,
    nulls: NullBufferBuilder,
}

impl OptionalStrings {
    fn new(name: &'static str) -> OptionalStrings {
        OptionalStrings { strings: Strings::new(name), nulls: NullBufferBuilder::new(0) }
    }

    fn push(&mut self, text: Option<&str>) -> Result<(), ColumnError> {
        self.nulls.append(text.is_some());
        self.strings.push(text.unwrap_or(""))
    }

    fn finish(mut self) -> Result<ArrayRef, ColumnError> {
        let offsets = OffsetBuffer::new(ScalarBuffer::from(self.strings.offsets));
        let bytes = Buffer::from_vec(self.strings.bytes);
        Ok(Arc::new(StringArray::try_new(offsets, bytes, self.nulls.finish())?))
    }
}

/// Code-point offsets as `int64`, the type Python ints, Polars and Spark's
/// `long` share.
fn int64(values: Vec<i64>) -> ArrayRef {
    Arc::new(Int64Array::new(ScalarBuffer::from(values), None))
}

/// A code-point offset as `int64`; texts are far below `i64::MAX` code
/// points, and saturating keeps this a plain conversion.
fn position(offset: usize) -> i64 {
    i64::try_from(offset).unwrap_or(i64::MAX)
}

/// A non-null field.
fn field(name: &str, data_type: DataType) -> Field {
    Field::new(name, data_type, false)
}

/// The `list<struct<...>>` type over these struct fields; list items are
/// never null.
fn list_of(fields: Fields) -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Struct(fields), false)))
}

/// `text`, `start` and `end`: the leading fields of every span struct.
struct SpanColumns {
    text: Strings,
    start: Vec<i64>,
    end: Vec<i64>,
}

impl SpanColumns {
    fn new(column: &'static str) -> SpanColumns {
        SpanColumns { text: Strings::new(column), start: Vec::new(), end: Vec::new() }
    }

    fn push(&mut self, span: &TextView<'_>) -> Result<(), ColumnError> {
        self.text.push(span.text)?;
        self.start.push(position(span.start));
        self.end.push(position(span.end));
        Ok(())
    }

    fn fields() -> Vec<Field> {
        vec![
            field("text", DataType::Utf8),
            field("start", DataType::Int64),
            field("end", DataType::Int64),
        ]
    }

    fn finish(self) -> Result<Vec<ArrayRef>, ColumnError> {
        Ok(vec![self.text.finish()?, int64(self.start), int64(self.end)])
    }
}

/// A list column's offsets: one list per document.
struct ListOffsets {
    name: &'static str,
    offsets: Vec<i32>,
}

impl ListOffsets {
    fn new(name: &'static str) -> ListOffsets {
        ListOffsets { name, offsets: vec![0] }
    }

    /// Closes the current document's list, which ends at item `items`.
    fn close(&mut self, items: usize) -> Result<(), ColumnError> {
        let end = offset(items, self.name)?;
        self.offsets.push(end);
        Ok(())
    }

    /// The list column over the struct of these fields and children.
    fn finish(self, fields: Fields, children: Vec<ArrayRef>) -> Result<ArrayRef, ColumnError> {
        let items = StructArray::try_new(fields.clone(), children, None)?;
        let item = Arc::new(Field::new("item", DataType::Struct(fields), false));
        let offsets = OffsetBuffer::new(ScalarBuffer::from(self.offsets));
        Ok(Arc::new(ListArray::try_new(item, offsets, Arc::new(items), None)?))
    }
}

/// The `sentences` column.
struct Sentences {
    spans: SpanColumns,
    lists: ListOffsets,
}

impl Sentences {
    fn fields() -> Fields {
        SpanColumns::fields().into()
    }

    fn push(&mut self, sentences: &[TextView<'_>]) -> Result<(), ColumnError> {
        for sentence in sentences {
            self.spans.push(sentence)?;
        }
        self.lists.close(self.spans.start.len())
    }

    fn finish(self) -> Result<ArrayRef, ColumnError> {
        self.lists.finish(Sentences::fields(), self.spans.finish()?)
    }
}

/// The `tokens` column (only when tokens are kept).
struct Tokens {
    spans: SpanColumns,
    kind: Strings,
    lists: ListOffsets,
}

impl Tokens {
    fn fields() -> Fields {
        let mut fields = SpanColumns::fields();
        fields.push(field("kind", DataType::Utf8));
        fields.into()
    }

    fn push(&mut self, tokens: &[TokenView<'_>]) -> Result<(), ColumnError> {
        for token in tokens {
            self.spans.push(&token.span)?;
            self.kind.push(token.kind)?;
        }
        self.lists.close(self.spans.start.len())
    }

    fn finish(self) -> Result<ArrayRef, ColumnError> {
        let mut children = self.spans.finish()?;
        children.push(self.kind.finish()?);
        self.lists.finish(Tokens::fields(), children)
    }
}

/// The `entities` column: `Entity.to_dict()`'s fields, with `rule` and
/// `enclosing` null where the dict leaves them out and `alternatives` an
/// empty list.
struct Entities {
    spans: SpanColumns,
    label: Strings,
    id: Strings,
    source: Strings,
    rule: OptionalStrings,
    /// `enclosing`: a nullable `struct<start, end>`.
    enclosing_start: Vec<i64>,
    enclosing_end: Vec<i64>,
    enclosing_nulls: NullBufferBuilder,
    /// `alternatives`: a `list<struct<label, id>>` per entity.
    alternative_label: Strings,
    alternative_id: Strings,
    alternative_lists: ListOffsets,
    lists: ListOffsets,
}

impl Entities {
    fn offsets_fields() -> Fields {
        vec![field("start", DataType::Int64), field("end", DataType::Int64)].into()
    }

    fn alternative_fields() -> Fields {
        vec![field("label", DataType::Utf8), field("id", DataType::Utf8)].into()
    }

    fn fields() -> Fields {
        let mut fields = SpanColumns::fields();
        fields.extend([
            field("label", DataType::Utf8),
            field("id", DataType::Utf8),
            field("source", DataType::Utf8),
            Field::new("rule", DataType::Utf8, true),
            Field::new("enclosing", DataType::Struct(Entities::offsets_fields()), true),
            field("alternatives", list_of(Entities::alternative_fields())),
        ]);
        fields.into()
    }

    fn push(&mut self, entities: &[EntityView<'_>]) -> Result<(), ColumnError> {
        for entity in entities {
            self.spans.push(&entity.span)?;
            self.label.push(entity.label)?;
            self.id.push(entity.id)?;
            self.source.push(entity.source)?;
            self.rule.push(entity.rule)?;
            let enclosing = entity.enclosing.map(|e| (position(e.start), position(e.end)));
            let (start, end) = enclosing.unwrap_or_default();
            self.enclosing_start.push(start);
            self.enclosing_end.push(end);
            self.enclosing_nulls.append(enclosing.is_some());
            for alternative in &entity.alternatives {
                self.alternative_label.push(alternative.label)?;
                self.alternative_id.push(alternative.id)?;
            }
            self.alternative_lists.close(self.alternative_label.offsets.len() - 1)?;
        }
        self.lists.close(self.spans.start.len())
    }

    fn finish(mut self) -> Result<ArrayRef, ColumnError> {
        let mut children = self.spans.finish()?;
        children.push(self.label.finish()?);
        children.push(self.id.finish()?);
        children.push(self.source.finish()?);
        children.push(self.rule.finish()?);
        let enclosing = StructArray::try_new(
            Entities::offsets_fields(),
            vec![int64(self.enclosing_start), int64(self.enclosing_end)],
            self.enclosing_nulls.finish(),
        )?;
        children.push(Arc::new(enclosing));
        let alternatives = vec![self.alternative_label.finish()?, self.alternative_id.finish()?];
        children.push(self.alternative_lists.finish(Entities::alternative_fields(), alternatives)?);
        self.lists.finish(Entities::fields(), children)
    }
}

/// The `dates` column: `TimeExpression.to_dict()`'s fields, with `mod` and
/// `range` null where the dict leaves them out.
struct Dates {
    spans: SpanColumns,
    kind: Strings,
    value: Strings,
    modifier: OptionalStrings,
    /// `range`: a nullable `struct<begin, end>` of TIMEX3 values.
    range_begin: Strings,
    range_end: Strings,
    range_nulls: NullBufferBuilder,
    lists: ListOffsets,
}

impl Dates {
    fn range_fields() -> Fields {
        vec![field("begin", DataType::Utf8), field("end", DataType::Utf8)].into()
    }

    fn fields() -> Fields {
        let mut fields = SpanColumns::fields();
        fields.extend([
            field("type", DataType::Utf8),
            field("value", DataType::Utf8),
            Field::new("mod", DataType::Utf8, true),
            Field::new("range", DataType::Struct(Dates::range_fields()), true),
        ]);
        fields.into()
    }

    fn push(&mut self, dates: &[DateView<'_>]) -> Result<(), ColumnError> {
        for date in dates {
            self.spans.push(&date.span)?;
            self.kind.push(date.kind)?;
            self.value.push(date.value)?;
            self.modifier.push(date.modifier)?;
            let range = date.range.as_ref();
            self.range_begin.push(range.map_or("", |r| r.begin))?;
            self.range_end.push(range.map_or("", |r| r.end))?;
            self.range_nulls.append(range.is_some());
        }
        self.lists.close(self.spans.start.len())
    }

    fn finish(mut self) -> Result<ArrayRef, ColumnError> {
        let mut children = self.spans.finish()?;
        children.push(self.kind.finish()?);
        children.push(self.value.finish()?);
        children.push(self.modifier.finish()?);
        let range = StructArray::try_new(
            Dates::range_fields(),
            vec![self.range_begin.finish()?, self.range_end.finish()?],
            self.range_nulls.finish(),
        )?;
        children.push(Arc::new(range));
        self.lists.finish(Dates::fields(), children)
    }
}

/// Days from 1970-01-01 to `date` in the proleptic Gregorian calendar, as
/// Arrow's `date32` counts them.
pub fn days_since_epoch(date: Date) -> i32 {
    // Counting in eras of 400 years (146,097 days) from 0000-03-01, so
    // that the leap day is the last day of a counted year.
    let (month, day) = (i64::from(date.month()), i64::from(date.day()));
    let year = i64::from(date.year()) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    // `Date` years fit in an `i16`, so the count fits in an `i32`.
    i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX })
}

/// The columns of one `extract_arrow` call, filled a document at a time.
pub struct Batch {
    rows: usize,
    reference_date: Vec<i32>,
    sentences: Sentences,
    entities: Entities,
    dates: Dates,
    tokens: Option<Tokens>,
}

impl Batch {
    /// An empty batch; `tokens` says whether it has a `tokens` column.
    pub fn new(tokens: bool) -> Batch {
        Batch {
            rows: 0,
            reference_date: Vec::new(),
            sentences: Sentences {
                spans: SpanColumns::new("sentences"),
                lists: ListOffsets::new("sentences"),
            },
            entities: Entities {
                spans: SpanColumns::new("entities"),
                label: Strings::new("entities.label"),
                id: Strings::new("entities.id"),
                source: Strings::new("entities.source"),
                rule: OptionalStrings::new("entities.rule"),
                enclosing_start: Vec::new(),
                enclosing_end: Vec::new(),
                enclosing_nulls: NullBufferBuilder::new(0),
                alternative_label: Strings::new("entities.alternatives.label"),
                alternative_id: Strings::new("entities.alternatives.id"),
                alternative_lists: ListOffsets::new("entities.alternatives"),
                lists: ListOffsets::new("entities"),
            },
            dates: Dates {
                spans: SpanColumns::new("dates"),
                kind: Strings::new("dates.type"),
                value: Strings::new("dates.value"),
                modifier: OptionalStrings::new("dates.mod"),
                range_begin: Strings::new("dates.range.begin"),
                range_end: Strings::new("dates.range.end"),
                range_nulls: NullBufferBuilder::new(0),
                lists: ListOffsets::new("dates"),
            },
            tokens: tokens.then(|| Tokens {
                spans: SpanColumns::new("tokens"),
                kind: Strings::new("tokens.kind"),
                lists: ListOffsets::new("tokens"),
            }),
        }
    }

    /// Adds one document's row: its results (with code-point offsets) and
    /// the reference date its dates resolved against.
    ///
    /// # Errors
    ///
    /// When a column would pass Arrow's 32-bit offsets.
    pub fn push(
        &mut self,
        document: &DocumentView<'_>,
        reference: Date,
    ) -> Result<(), ColumnError> {
        self.rows += 1;
        self.reference_date.push(days_since_epoch(reference));
        self.sentences.push(&document.sentences)?;
        self.entities.push(&document.entities)?;
        self.dates.push(&document.dates)?;
        if let Some(tokens) = &mut self.tokens {
            tokens.push(document.tokens.as_deref().unwrap_or_default())?;
        }
        Ok(())
    }

    /// The batch as one struct array (a record batch's layout): columns
    /// `reference_date`, `sentences`, `entities`, `dates` and, when kept,
    /// `tokens`.
    ///
    /// # Errors
    ///
    /// When Arrow rejects the arrays, which would be a bug here.
    pub fn finish(self) -> Result<StructArray, ColumnError> {
        let mut fields = vec![
            field("reference_date", DataType::Date32),
            field("sentences", list_of(Sentences::fields())),
            field("entities", list_of(Entities::fields())),
            field("dates", list_of(Dates::fields())),
        ];
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(Date32Array::new(ScalarBuffer::from(self.reference_date), None)),
            self.sentences.finish()?,
            self.entities.finish()?,
            self.dates.finish()?,
        ];
        if let Some(tokens) = self.tokens {
            fields.push(field("tokens", list_of(Tokens::fields())));
            columns.push(tokens.finish()?);
        }
        let batch = StructArray::try_new_with_length(fields.into(), columns, None, self.rows)?;
        debug_assert_eq!(batch.len(), self.rows);
        Ok(batch)
    }
}
