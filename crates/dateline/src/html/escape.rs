//! Escaping text for HTML, and naming CSS classes after labels.

use std::fmt::Write as _;

/// Appends `text` to `out` with the five characters that mean something in
/// HTML (`& < > " '`) written as character references, so the same escaping
/// serves text content and attribute values alike.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// `text`, escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// A CSS class for a label: `prefix` then the label's ASCII letters,
/// digits, `-` and `_` as they are and every other character as `-` and
/// its code in hex, so any label (a user gazetteer's "SHIP", "Ort",
/// "人物") gives a valid class name that needs no escaping in a selector.
pub(crate) fn class_name(prefix: &str, label: &str) -> String {
    let mut class = String::with_capacity(prefix.len() + label.len());
    class.push_str(prefix);
    for c in label.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            class.push(c);
        } else {
            let _ = write!(class, "-{:x}", u32::from(c));
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script>"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("Київ — plain"), "Київ — plain");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn class_names_are_safe_for_any_label() {
        assert_eq!(class_name("l-", "GPE"), "l-GPE");
        assert_eq!(class_name("l-", "WORK_OF_ART"), "l-WORK_OF_ART");
        assert_eq!(class_name("l-", "a b\"<"), "l-a-20b-22-3c");
        assert_eq!(class_name("l-", "a-b"), "l-a-2db");
        assert_eq!(class_name("l-", "人"), "l--4eba");
    }
}
