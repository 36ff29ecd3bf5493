//! JSON Lines written straight from results into the output buffer.
//!
//! The hot path of every subcommand: no view structs, no serde
//! serializer, one pass over each list of spans with one
//! [`CharOffsets`] per list (each list is sorted, so every conversion is
//! amortized constant time). The bytes are exactly what `serde_json`
//! writes for the same record built from [`dateline::view`] types; the
//! tests check that, and the other output formats still go through serde.

use dateline::{CharOffsets, Document, Entity, Span, TimeExpression, Token};
use serde_json::Value;

use crate::input::Origin;

/// Writes one JSON object field by field into a byte buffer.
pub struct ObjectWriter<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> ObjectWriter<'a> {
    /// Opens an object in `out`.
    pub fn open(out: &'a mut Vec<u8>) -> ObjectWriter<'a> {
        out.push(b'{');
        ObjectWriter { out, first: true }
    }

    /// Opens an object whose first fields say where the document came
    /// from, as [`crate::output::Labeled`] serializes them.
    pub fn labeled(origin: &Origin, out: &'a mut Vec<u8>) -> ObjectWriter<'a> {
        let mut object = ObjectWriter::open(out);
        match origin {
            Origin::File(path) => object.str_field("source", path),
            Origin::Line { id: Some(id), .. } => object.value_field("id", id),
            Origin::Line { path, line, id: None } => {
                object.str_field("source", path);
                object.uint_field("line", *line);
            }
        }
        object
    }

    /// Writes `"key":`; keys are our own field names, which need no
    /// escaping.
    fn key(&mut self, key: &str) {
        debug_assert!(key.bytes().all(|b| ESCAPE[b as usize] == 0), "{key:?} needs escaping");
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    /// `"key":"value"`.
    pub fn str_field(&mut self, key: &str, value: &str) {
        self.key(key);
        write_str(self.out, value);
    }

    /// `"key":"value"` for a name of our own (a source, a rule, a type),
    /// which needs no escaping: written as it is, without the scan for
    /// bytes to escape.
    pub fn name_field(&mut self, key: &str, value: &'static str) {
        debug_assert!(value.bytes().all(|b| ESCAPE[b as usize] == 0), "{value:?} needs escaping");
        self.key(key);
        self.out.push(b'"');
        self.out.extend_from_slice(value.as_bytes());
        self.out.push(b'"');
    }

    /// `"key":123`.
    pub fn uint_field(&mut self, key: &str, value: u64) {
        self.key(key);
        write_uint(self.out, value);
    }

    /// `"key":` and any JSON value, as serde_json writes it compactly.
    pub fn value_field(&mut self, key: &str, value: &Value) {
        self.key(key);
        serde_json::to_writer(&mut *self.out, value).expect("writing to memory cannot fail");
    }

    /// `"name":` and any JSON value, for a name that is not ours (a kept
    /// input field), so it is escaped.
    pub fn named_value_field(&mut self, name: &str, value: &Value) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        write_str(self.out, name);
        self.out.push(b':');
        serde_json::to_writer(&mut *self.out, value).expect("writing to memory cannot fail");
    }

    /// `"key":[...]` with one element written by `write` per item.
    pub fn array_field<T>(
        &mut self,
        key: &str,
        items: impl IntoIterator<Item = T>,
        mut write: impl FnMut(&mut Vec<u8>, T),
    ) {
        self.key(key);
        self.out.push(b'[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            write(self.out, item);
        }
        self.out.push(b']');
    }

    /// `"sentences":[...]` (or another key) for spans of `text`, whose
    /// offsets `start` converts (a fresh [`CharOffsets`] of `text`, cloned:
    /// making one reads the text up to its first non-ASCII byte).
    pub fn spans_field(&mut self, key: &str, text: &str, start: &CharOffsets<'_>, spans: &[Span]) {
        let mut offsets = start.clone();
        self.array_field(key, spans, |out, &span| {
            ObjectWriter::open_span(out, text, &mut offsets, span).close();
        });
    }

    /// `"entities":[...]` (`start` as for [`spans_field`](Self::spans_field)).
    pub fn entities_field(&mut self, text: &str, start: &CharOffsets<'_>, entities: &[Entity]) {
        let mut offsets = start.clone();
        // Enclosing names start before the entities in them (see Viewer).
        let mut enclosing_offsets = start.clone();
        self.array_field("entities", entities, |out, entity| {
            let mut object = ObjectWriter::open_span(out, text, &mut offsets, entity.span());
            object.str_field("label", entity.label());
            object.str_field("id", entity.id());
            object.name_field("source", entity.source().as_str());
            if let Some(rule) = entity.rule() {
                object.str_field("rule", rule);
            }
            if let Some(enclosing) = entity.enclosing() {
                let (start, end) = enclosing_offsets.span(enclosing);
                object.key("enclosing");
                let mut span = ObjectWriter::open(object.out);
                span.uint_field("start", start as u64);
                span.uint_field("end", end as u64);
                span.close();
            }
            if !entity.alternatives().is_empty() {
                object.array_field("alternatives", entity.alternatives(), |out, (label, id)| {
                    let mut alternative = ObjectWriter::open(out);
                    alternative.str_field("label", label);
                    alternative.str_field("id", id);
                    alternative.close();
                });
            }
            object.close();
        });
    }

    /// `"dates":[...]` (`start` as for [`spans_field`](Self::spans_field)).
    pub fn dates_field(&mut self, text: &str, start: &CharOffsets<'_>, dates: &[TimeExpression]) {
        let mut offsets = start.clone();
        self.array_field("dates", dates, |out, date| {
            let mut object = ObjectWriter::open_span(out, text, &mut offsets, date.span());
            object.name_field("type", date.kind().as_str());
            object.str_field("value", date.value());
            if let Some(modifier) = date.modifier() {
                object.name_field("mod", modifier.as_str());
            }
            if let Some(range) = date.range() {
                object.key("range");
                let mut range_object = ObjectWriter::open(object.out);
                range_object.str_field("begin", range.begin());
                range_object.str_field("end", range.end());
                range_object.close();
            }
            object.close();
        });
    }

    /// `"tokens":[...]` (`start` as for [`spans_field`](Self::spans_field)).
    pub fn tokens_field(
        &mut self,
        text: &str,
        start: &CharOffsets<'_>,
        tokens: impl IntoIterator<Item = Token>,
    ) {
        let mut offsets = start.clone();
        self.array_field("tokens", tokens, |out, token| {
            let mut object = ObjectWriter::open_span(out, text, &mut offsets, token.span());
            object.str_field("kind", token.kind().as_str());
            if !token.words().is_empty() {
                object.array_field("words", token.words(), |out, word| write_str(out, word));
            }
            object.close();
        });
    }

    /// The sentences, entities, dates and (when kept) tokens of a
    /// document, as [`dateline::view::DocumentView`] serializes them.
    pub fn document_fields(&mut self, text: &str, document: &Document) {
        let start = CharOffsets::new(text);
        self.spans_field("sentences", text, &start, &document.sentences);
        self.entities_field(text, &start, &document.entities);
        self.dates_field(text, &start, &document.dates);
        if let Some(tokens) = &document.tokens {
            self.tokens_field(text, &start, tokens.iter().cloned());
        }
    }

    /// Opens an object with the fields of a span, `"text":...,"start":...,
    /// "end":...`, as [`dateline::view::Viewer::span`] makes them. The
    /// hottest writer of all (every sentence, entity, date and token), so
    /// it writes the keys as literals.
    fn open_span(
        out: &'a mut Vec<u8>,
        text: &str,
        offsets: &mut CharOffsets<'_>,
        span: Span,
    ) -> ObjectWriter<'a> {
        let (start, end) = offsets.span(span);
        out.extend_from_slice(b"{\"text\":");
        write_str(out, &text[span]);
        out.extend_from_slice(b",\"start\":");
        write_uint(out, start as u64);
        out.extend_from_slice(b",\"end\":");
        write_uint(out, end as u64);
        ObjectWriter { out, first: false }
    }

    /// Closes the object.
    pub fn close(self) {
        self.out.push(b'}');
    }
}

/// Which bytes a JSON string must escape, and how: 0 for none, `u` for
/// `\u00XX`, or the letter after the backslash. The same choices as
/// serde_json's.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Where in the eight bytes of `word` (read little-endian) the first byte
/// that needs escaping is: a control character, `"` or `\`. The lowest
/// flagged byte is always a true one (a borrow only runs upwards from a
/// true hit), so the index is exact; `None` when no byte needs escaping.
#[inline]
fn first_escape(word: u64) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGHS;
    let flags = below(word, 0x20)
        | below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1);
    (flags != 0).then(|| flags.trailing_zeros() as usize / 8)
}

/// Writes `s` as a JSON string.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("an 8-byte chunk"));
            match first_escape(word) {
                None => {
                    i += 8;
                    continue;
                }
                Some(k) => i += k,
            }
        }
        let escape = ESCAPE[bytes[i] as usize];
        if escape != 0 {
            out.extend_from_slice(&bytes[start..i]);
            out.push(b'\\');
            out.push(escape);
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let b = bytes[i];
                out.extend_from_slice(&[
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 0xF) as usize],
                ]);
            }
            start = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Writes `n` in decimal.
pub fn write_uint(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn strings_escape_as_serde_json_does() {
        let all_bytes: String = (0u8..0x80).map(char::from).collect();
        for s in ["", "plain", "a\"b\\c", "tab\there\nnew", "Київ “Kyiv” 👩‍👩‍👧", &all_bytes]
        {
            let mut out = Vec::new();
            write_str(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn tokens_write_their_words_as_serde_does() {
        let text = "Zum Glück kam er zur Sitzung.";
        let pipeline = dateline::Pipeline::builder()
            .lang(dateline::Lang::De)
            .mode(dateline::Mode::Treebank)
            .tokens(true)
            .build()
            .expect("valid settings");
        let reference: dateline::Date = "2024-07-24".parse().expect("a valid date");
        let document = pipeline.process(text, reference);
        let mut out = Vec::new();
        let mut object = ObjectWriter::open(&mut out);
        object.document_fields(text, &document);
        object.close();
        let view = serde_json::to_vec(&document.view(text)).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(view).unwrap());
        let written = String::from_utf8(serde_json::to_vec(&document.view(text)).unwrap()).unwrap();
        assert!(
            written
                .contains(r#""text":"Zum","start":0,"end":3,"kind":"word","words":["Zu","dem"]"#)
        );
        assert_eq!(written.matches("\"words\"").count(), 2, "{written}");
    }

    #[test]
    fn numbers_are_decimal() {
        for n in [0, 7, 10, 208, 1 << 40, u64::MAX] {
            let mut out = Vec::new();
            write_uint(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }

    proptest! {
        #[test]
        fn first_escape_finds_the_first_byte_to_escape(
            bytes in prop::array::uniform8(prop::sample::select(&b"\x00\x1f !\"#[\\]\x7f\x80\xa2\xdc\xff"[..])),
        ) {
            let expected = bytes.iter().position(|&b| ESCAPE[b as usize] != 0);
            prop_assert_eq!(first_escape(u64::from_le_bytes(bytes)), expected);
        }

        #[test]
        fn any_string_escapes_as_serde_json_does(s in "(\\PC|[\\x00-\\x1f\"\\\\\\x7f]){0,40}") {
            let mut out = Vec::new();
            write_str(&mut out, &s);
            prop_assert_eq!(out, serde_json::to_vec(&s).unwrap());
        }
    }
}
