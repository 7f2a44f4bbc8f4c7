//! HTML pages: the main text, found by `dom_smoothie`'s readability port.
//!
//! Navigation, scripts, styles and "read also" blocks are dropped by the
//! readability scoring; the page's own metadata (title, published time,
//! language, site name) fills the article's fields.
//!
//! A page whose elements nest deeper than [`MAX_HTML_DEPTH`] is skipped
//! before it is parsed: the HTML parser and readability take time quadratic
//! in the depth and recurse as deep, so such a page would hang the run or
//! overflow the stack. The depth is estimated by [`too_deep`] from the tags
//! alone, in one linear pass.

use std::path::Path;

use super::{line_at, unreadable, Draft, Sink};

/// Deepest element nesting read from an HTML page; deeper pages are skipped.
pub const MAX_HTML_DEPTH: usize = 512;

pub(super) fn read_html(name: &str, path: &Path, bytes: &[u8], sink: &mut Sink<'_>) {
    if unreadable(name, bytes, sink) {
        return;
    }
    if let Some(at) = too_deep(bytes, MAX_HTML_DEPTH) {
        sink.error(
            name,
            Some(line_at(bytes, at)),
            format!("HTML elements nested deeper than {MAX_HTML_DEPTH}; file skipped"),
        );
        return;
    }
    let html = String::from_utf8_lossy(bytes);
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let parsed =
        dom_smoothie::Readability::new(html.as_ref(), None, Some(cfg)).and_then(|mut r| r.parse());
    let article = match parsed {
        Ok(a) => a,
        Err(e) => {
            sink.error(
                name,
                None,
                format!("no article text found in the HTML ({e}); skipped"),
            );
            return;
        }
    };
    let text = article
        .text_content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .filter(|l| !is_read_also(l))
        .collect::<Vec<_>>()
        .join("\n");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let draft = Draft {
        id: None,
        source: article.site_name,
        title: Some(article.title).filter(|t| !t.is_empty()),
        url: article.url,
        published: article.published_time,
        lang: article.lang,
        group: None,
        text,
    };
    sink.push(name, 1, stem, draft);
}

/// "Read also" teasers that readability keeps inside the article body.
fn is_read_also(line: &str) -> bool {
    let l = line.to_lowercase();
    [
        "baca juga",
        "baca:",
        "read also",
        "read more:",
        "related:",
        "see also:",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out: the parser closes them when a
/// sibling starts, so they do not nest by themselves. Not counted.
const OPTIONAL_END: &[&str] = &[
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// Elements whose content is SVG or MathML, where `/>` closes an element.
const FOREIGN: &[&str] = &["math", "svg"];

/// How many open elements an end tag (or a new `<a>`) looks through for its
/// match; unclosed inline elements sit near the top.
const MATCH_WINDOW: usize = 64;

/// The offset of the first tag at which the element nesting of `html` passes
/// `limit`, or `None`.
///
/// An estimate from the tags alone, made to follow the parser where it
/// matters: void elements and elements with optional end tags (`p`, `li`,
/// `td`, …) are not counted, an end tag closes the elements left open
/// inside its match, a new `<a>` closes an open one, `/>` closes only inside
/// `<svg>` and `<math>`, and comments and the content of `script`, `style`
/// and the like are skipped.
fn too_deep(html: &[u8], limit: usize) -> Option<usize> {
    let is =
        |name: &[u8], list: &[&str]| list.iter().any(|n| name.eq_ignore_ascii_case(n.as_bytes()));
    let find = |from: usize, needle: &[u8]| {
        html.get(from..)?
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|p| from + p)
    };
    let mut open: Vec<&[u8]> = Vec::new();
    // How many of the open elements are `svg` or `math`.
    let mut foreign = 0usize;
    let mut i = 0;
    while let Some(lt) = html.get(i..)?.iter().position(|&b| b == b'<') {
        let tag = i + lt;
        let rest = &html[tag + 1..];
        if rest.starts_with(b"!--") {
            i = find(tag + 4, b"-->")? + 3;
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let name_start = tag + 1 + usize::from(end_tag);
        if !html.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // `<!doctype …>`, `<?…>` or a `<` in text.
            i = tag + 1;
            continue;
        }
        let name_end = html[name_start..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
            .map_or(html.len(), |p| name_start + p);
        let name = &html[name_start..name_end];
        // The end of the tag: the first `>` outside a quoted attribute value.
        let mut j = name_end;
        loop {
            match html.get(j)? {
                b'>' => break,
                b'=' => {
                    j += 1;
                    while html.get(j).is_some_and(u8::is_ascii_whitespace) {
                        j += 1;
                    }
                    if let Some(&q @ (b'"' | b'\'')) = html.get(j) {
                        j = find(j + 1, &[q])? + 1;
                    }
                }
                _ => j += 1,
            }
        }
        let self_closing = html[j - 1] == b'/';
        i = j + 1;
        let window = open.len().saturating_sub(MATCH_WINDOW);
        let matching = |open: &[&[u8]]| {
            open[window..]
                .iter()
                .rposition(|n| n.eq_ignore_ascii_case(name))
                .map(|p| window + p)
        };
        let close_from = |open: &mut Vec<&[u8]>, foreign: &mut usize, p: usize| {
            *foreign -= open[p..].iter().filter(|n| is(n, FOREIGN)).count();
            open.truncate(p);
        };
        if end_tag {
            if let Some(p) = matching(&open) {
                close_from(&mut open, &mut foreign, p);
            }
            continue;
        }
        let in_foreign = foreign > 0;
        if is(name, RAW_TEXT) && !in_foreign {
            let mut close = b"</".to_vec();
            close.extend_from_slice(name);
            i = find(i, &close)?;
            continue;
        }
        if is(name, VOID) || is(name, OPTIONAL_END) || (self_closing && in_foreign) {
            continue;
        }
        if name.eq_ignore_ascii_case(b"plaintext") {
            return None;
        }
        if name.eq_ignore_ascii_case(b"a") {
            if let Some(p) = matching(&open) {
                close_from(&mut open, &mut foreign, p);
            }
        }
        foreign += usize::from(is(name, FOREIGN));
        open.push(name);
        if open.len() > limit {
            return Some(tag);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_over(html: &str, limit: usize) -> bool {
        too_deep(html.as_bytes(), limit).is_some()
    }

    #[test]
    fn nesting_is_counted_like_the_parser() {
        let nested = "<div>".repeat(20);
        assert!(depth_over(&nested, 10));
        assert!(!depth_over(&"<div></div>".repeat(20), 10));
        // Unclosed paragraphs, list items, cells and inline elements closed by
        // their parent's end tag do not nest.
        assert!(!depth_over(&"<p>a<li>b<td>c<br><img src=x>".repeat(20), 10));
        assert!(!depth_over(&"<div><span><b>x</div>".repeat(20), 10));
        assert!(!depth_over(&"<a href=1>x".repeat(20), 10));
        // Self-closing only in foreign content; raw text and comments are skipped.
        assert!(!depth_over(
            &format!("<svg>{}</svg>", "<g/>".repeat(20)),
            10
        ));
        assert!(depth_over(&"<div/>".repeat(20), 10));
        let hidden = format!("<script>{nested}</script><!--{nested}-->");
        assert!(!depth_over(&hidden, 10));
        assert!(!depth_over(
            &format!("<div title=\"{nested}>\">x</div>"),
            10
        ));
        assert!(!depth_over("<div", 10));
        assert!(!depth_over("a < b <3 <!doctype html>", 10));
        assert_eq!(too_deep(b"<i><i><i>", 2), Some(6));
    }
}
