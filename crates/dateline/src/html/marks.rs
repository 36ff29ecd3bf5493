//! Writing a text with highlighted stretches as well-nested HTML.
//!
//! Marks may nest (an entity inside a longer one with `--nested keep`) or
//! cross (spans built by hand, or a date range across a name): HTML
//! elements cannot cross, so a mark that outlives the one it sits in is
//! closed with it and reopened just after, the same tag again. Every piece
//! of a split mark carries the mark's full attributes, so a hover on any
//! piece says the same thing.

use super::escape::escape_into;

/// A stretch of the text to wrap in `open` ... `</mark>`.
#[derive(Clone, Debug)]
pub(crate) struct Mark {
    /// Byte offsets into the text, half-open.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The opening tag, attributes escaped.
    pub(crate) open: String,
}

/// The marker written at the start of each sentence.
const SENTENCE: &str = "<span class=\"sb\" aria-hidden=\"true\"></span>";

/// Appends `text` to `out`, escaped, with every mark wrapped around its
/// stretch and a sentence marker at each of `sentence_starts`.
///
/// Marks that are empty, reversed, out of the text or not on character
/// boundaries are left out, as are such sentence starts: results built by
/// hand must not break the page (or panic).
pub(crate) fn write_marked(
    out: &mut String,
    text: &str,
    marks: Vec<Mark>,
    sentence_starts: &[usize],
) {
    let fits = |at: usize| text.is_char_boundary(at);
    let mut marks: Vec<Mark> =
        marks.into_iter().filter(|m| m.start < m.end && fits(m.start) && fits(m.end)).collect();
    // Outer marks first: by start, then the longer first.
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut sentences: Vec<usize> =
        sentence_starts.iter().copied().filter(|&at| at < text.len() && fits(at)).collect();
    sentences.sort_unstable();
    sentences.dedup();

    let mut points: Vec<usize> =
        marks.iter().flat_map(|m| [m.start, m.end]).chain(sentences.iter().copied()).collect();
    points.sort_unstable();
    points.dedup();

    let mut stack: Vec<usize> = Vec::new();
    let (mut next, mut next_sentence, mut written) = (0, 0, 0);
    for point in points {
        escape_into(out, &text[written..point]);
        written = point;

        // Close what ends here, and whatever sits inside it.
        let mut reopen = Vec::new();
        if let Some(lowest) = stack.iter().position(|&i| marks[i].end == point) {
            for i in stack.drain(lowest..).rev() {
                out.push_str("</mark>");
                if marks[i].end != point {
                    reopen.push(i);
                }
            }
            reopen.reverse();
        }
        if sentences.get(next_sentence) == Some(&point) {
            out.push_str(SENTENCE);
            next_sentence += 1;
        }
        // Open what starts here and reopen what was cut, the longest
        // outermost, so that one split does not cause more.
        let mut open = reopen;
        while next < marks.len() && marks[next].start == point {
            open.push(next);
            next += 1;
        }
        open.sort_by(|&a, &b| marks[b].end.cmp(&marks[a].end));
        for i in open {
            out.push_str(&marks[i].open);
            stack.push(i);
        }
    }
    escape_into(out, &text[written..]);
    debug_assert!(stack.is_empty(), "every mark ends inside the text");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, name: &str) -> Mark {
        Mark { start, end, open: format!("<mark class=\"{name}\">") }
    }

    fn render(text: &str, marks: Vec<Mark>, sentences: &[usize]) -> String {
        let mut out = String::new();
        write_marked(&mut out, text, marks, sentences);
        out
    }

    /// The tags open and close in nested order, and without tags (and
    /// references) the output is the text.
    fn assert_well_formed(html: &str, text: &str) {
        let mut depth = 0i32;
        let mut plain = String::new();
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            plain.push_str(&rest[..at]);
            let close = rest[at..].find('>').expect("a tag ends") + at;
            let tag = &rest[at..=close];
            if tag.starts_with("<mark") {
                depth += 1;
            } else if tag == "</mark>" {
                depth -= 1;
                assert!(depth >= 0, "a mark closes before it opens in {html}");
            }
            rest = &rest[close + 1..];
        }
        plain.push_str(rest);
        assert_eq!(depth, 0, "every mark closes in {html}");
        let plain = plain
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        assert_eq!(plain, text);
    }

    #[test]
    fn disjoint_marks_wrap_their_text() {
        let text = "China and Russia";
        let html = render(text, vec![mark(10, 16, "b"), mark(0, 5, "a")], &[]);
        assert_eq!(html, "<mark class=\"a\">China</mark> and <mark class=\"b\">Russia</mark>");
    }

    #[test]
    fn a_mark_inside_another_nests() {
        let text = "the US Navy";
        let html = render(text, vec![mark(4, 6, "inner"), mark(4, 11, "outer")], &[]);
        assert_eq!(html, "the <mark class=\"outer\"><mark class=\"inner\">US</mark> Navy</mark>");
        assert_well_formed(&html, text);
    }

    #[test]
    fn crossing_marks_split_the_later_one() {
        let text = "abcdefgh";
        let html = render(text, vec![mark(0, 5, "a"), mark(3, 8, "b")], &[]);
        assert_eq!(
            html,
            "<mark class=\"a\">abc<mark class=\"b\">de</mark></mark><mark class=\"b\">fgh</mark>"
        );
        assert_well_formed(&html, text);
    }

    #[test]
    fn identical_spans_both_show() {
        let text = "Georgia";
        let html = render(text, vec![mark(0, 7, "a"), mark(0, 7, "b")], &[]);
        assert_eq!(html, "<mark class=\"a\"><mark class=\"b\">Georgia</mark></mark>");
    }

    #[test]
    fn text_is_escaped_inside_and_outside_marks() {
        let text = "<b>x</b> & <script>alert(1)</script>";
        let html = render(text, vec![mark(3, 4, "a"), mark(11, 19, "s")], &[0]);
        assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert_well_formed(&html.replace(SENTENCE, ""), text);
    }

    #[test]
    fn bad_spans_are_left_out_not_fatal() {
        let text = "Київ";
        // 1 is inside "К"; 99 is past the end; 3..2 is reversed; 2..2 empty.
        let marks = vec![mark(1, 4, "a"), mark(0, 99, "b"), mark(4, 2, "c"), mark(2, 2, "d")];
        assert_eq!(render(text, marks, &[1, 99]), "Київ");
        assert_eq!(render(text, vec![mark(2, 4, "ok")], &[]), "К<mark class=\"ok\">и</mark>їв");
    }

    #[test]
    fn sentence_markers_sit_outside_marks_that_start_with_the_sentence() {
        let html = render("One. Two.", vec![mark(5, 8, "a")], &[0, 5]);
        assert_eq!(html, format!("{SENTENCE}One. {SENTENCE}<mark class=\"a\">Two</mark>."));
    }

    #[test]
    fn any_marks_give_well_formed_html() {
        // Every pair of spans over a short text, in both orders.
        let text = "a<b&c\"d'e";
        let spans: Vec<(usize, usize)> =
            (0..=text.len()).flat_map(|s| (s..=text.len()).map(move |e| (s, e))).collect();
        for &(s1, e1) in &spans {
            for &(s2, e2) in &spans {
                for &(s3, e3) in [(0, 0), (1, 7), (4, 9)].iter() {
                    let marks = vec![mark(s1, e1, "a"), mark(s2, e2, "b"), mark(s3, e3, "c")];
                    assert_well_formed(&render(text, marks, &[]), text);
                }
            }
        }
    }
}
