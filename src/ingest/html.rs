//! HTML pages: the main text, found by `dom_smoothie`'s readability port.
//!
//! Navigation, scripts, styles and "read also" blocks are dropped by the
//! readability scoring; the page's own metadata (title, published time,
//! language, site name) fills the article's fields.

use std::path::Path;

use super::{unreadable, Draft, Sink};

pub(super) fn read_html(name: &str, path: &Path, bytes: &[u8], sink: &mut Sink<'_>) {
    if unreadable(name, bytes, sink) {
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
