//! The entity development sets' JSONL format (`eval/entities/README.md`):
//! one document a line, with its annotated names in code-point offsets.

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// One annotated document.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct Doc {
    pub id: String,
    pub text: String,
    /// Publication date, `YYYY-MM-DD` (one MEANTIME document has `DD-MM-YYYY`).
    #[serde(default)]
    pub date: Option<String>,
    /// The gold classes annotated exhaustively in this document.
    pub scored_labels: Vec<String>,
    pub entities: Vec<Annotation>,
    /// Extents of the source's mentions that have no name core.
    #[serde(default)]
    pub unnamed_mentions: Vec<(usize, usize)>,
}

/// One annotated name.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct Annotation {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `PLACE`, `NORP`, `ORG`, `PERSON` or `OTHER`.
    pub label: String,
    /// The name lies inside a longer name of the same document.
    #[serde(default)]
    pub nested: bool,
    /// The source's own extent, usually a whole noun phrase.
    #[serde(default)]
    pub mention: Option<(usize, usize)>,
    /// Other classes the source gave the same span.
    #[serde(default)]
    pub alt_labels: Vec<String>,
    /// A doubtful annotation: predictions on it are not scored.
    #[serde(default)]
    pub ignore: bool,
    /// re3d's reviewer confidence; 0 means never reviewed.
    #[serde(default)]
    pub confidence: Option<f64>,
}

/// Reads a set, checking every span against its document's text.
pub(crate) fn load(path: &Path) -> Result<Vec<Doc>> {
    let source = std::fs::read_to_string(path)
        .with_context(|| format!("reading entity set {}", path.display()))?;
    parse(&source).with_context(|| format!("entity set {}", path.display()))
}

/// Parses the JSONL text of a set; errors name the line.
pub(crate) fn parse(source: &str) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = serde_json::from_str(line).with_context(|| {
            format!("line {}: not an entity document (see eval/entities/README.md)", n + 1)
        })?;
        check(&doc).with_context(|| format!("line {}: document {:?}", n + 1, doc.id))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// Every span must lie in the text, and every name must be the text it spans.
fn check(doc: &Doc) -> Result<()> {
    let chars: Vec<char> = doc.text.chars().collect();
    let in_text = |(start, end): (usize, usize)| start <= end && end <= chars.len();
    for entity in &doc.entities {
        if !in_text((entity.start, entity.end)) {
            bail!(
                "entity {:?} spans {}..{}, outside the text ({} code points)",
                entity.text,
                entity.start,
                entity.end,
                chars.len()
            );
        }
        let slice: String = chars[entity.start..entity.end].iter().collect();
        if slice != entity.text {
            bail!(
                "entity {:?} at {}..{} does not match the text there, {slice:?} \
                 (offsets must be code points)",
                entity.text,
                entity.start,
                entity.end
            );
        }
        if let Some(mention) = entity.mention.filter(|&m| !in_text(m)) {
            bail!("entity {:?}: mention {mention:?} lies outside the text", entity.text);
        }
    }
    if let Some(extent) = doc.unnamed_mentions.iter().find(|&&m| !in_text(m)) {
        bail!("unnamed mention {extent:?} lies outside the text");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_valid_line_parses_and_blank_lines_are_skipped() {
        let docs = parse(
            "\n{\"id\": \"a\", \"text\": \"Київ and Iraq\", \"scored_labels\": [\"PLACE\"], \
             \"entities\": [{\"start\": 9, \"end\": 13, \"text\": \"Iraq\", \"label\": \"PLACE\", \
             \"mention\": [9, 13], \"confidence\": 0}], \"unnamed_mentions\": [[0, 4]]}\n",
        )
        .expect("a valid set");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].entities[0].confidence, Some(0.0));
        assert!(!docs[0].entities[0].nested && !docs[0].entities[0].ignore);
    }

    #[test]
    fn byte_offsets_are_rejected_with_the_line() {
        // "Iraq" is at bytes 13..17 but code points 9..13.
        let err = parse(
            "{\"id\": \"a\", \"text\": \"Київ and Iraq\", \"scored_labels\": [\"PLACE\"], \
             \"entities\": [{\"start\": 13, \"end\": 17, \"text\": \"Iraq\", \"label\": \"PLACE\"}]}",
        )
        .expect_err("offsets outside the text");
        let message = format!("{err:#}");
        assert!(message.starts_with("line 1: document \"a\": entity \"Iraq\""), "{message}");
    }

    #[test]
    fn a_malformed_line_names_its_number() {
        let err = parse("{\"id\": \"a\"}\n{").expect_err("not documents");
        assert!(format!("{err:#}").starts_with("line 1: not an entity document"), "{err:#}");
    }
}
