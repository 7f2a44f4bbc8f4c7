//! Plain-text and Markdown articles with an optional front-matter block.
//!
//! ```text
//! ---
//! id: gempa-garut.kompas
//! source: Kompas
//! published: Rabu, 18 Jun 2025 07:30 WIB
//! ---
//! GARUT, KOMPAS.com - ...
//! ```
//!
//! The block holds `key: value` lines (a YAML subset: no nesting, optional
//! quotes). Keys it does not know are ignored. The body keeps its bytes as
//! they are; the article's offsets are offsets into the body.

use std::path::Path;

use super::{unreadable, utf8_problem, Draft, Sink};

pub(super) fn read_text(name: &str, path: &Path, bytes: &[u8], sink: &mut Sink<'_>) {
    if unreadable(name, bytes, sink) {
        return;
    }
    if let Some((line, what)) = utf8_problem(bytes) {
        sink.error(name, Some(line), format!("{what}; file skipped"));
        return;
    }
    let Ok(all) = std::str::from_utf8(bytes) else {
        return;
    };
    let all = all.strip_prefix('\u{feff}').unwrap_or(all);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let (draft, body_line) = match split_front_matter(all) {
        Ok(Some((fields, body, body_line))) => {
            let mut d = Draft {
                text: body.to_string(),
                ..Draft::default()
            };
            for (key, value) in fields {
                let slot = match key.as_str() {
                    "id" => &mut d.id,
                    "source" => &mut d.source,
                    "title" => &mut d.title,
                    "url" => &mut d.url,
                    "published" | "date" => &mut d.published,
                    "lang" | "language" => &mut d.lang,
                    k if sink.opts.group_field.as_deref() == Some(k) => &mut d.group,
                    _ => continue,
                };
                *slot = Some(value);
            }
            (d, body_line)
        }
        Ok(None) => (
            Draft {
                text: all.to_string(),
                ..Draft::default()
            },
            1,
        ),
        Err(line) => {
            sink.error(
                name,
                Some(line),
                "front matter opened with `---` is never closed; file skipped",
            );
            return;
        }
    };
    sink.push(name, body_line, stem, draft);
}

type FrontMatter<'a> = (Vec<(String, String)>, &'a str, u64);

/// Splits `---` front matter from the body. `Err(line)` when it is not closed.
fn split_front_matter(all: &str) -> Result<Option<FrontMatter<'_>>, u64> {
    let mut lines = lines_inclusive(all);
    let opened = lines
        .next()
        .is_some_and(|l| l.len() > 3 && l.trim_end_matches(['\n', '\r']) == "---");
    if !opened {
        return Ok(None);
    }
    let mut fields = Vec::new();
    let mut offset = all.len() - lines.rest.len();
    let mut line_no = 1u64;
    for line in lines {
        line_no += 1;
        offset += line.len();
        let l = line.trim_end_matches(['\n', '\r']);
        if l.trim_end() == "---" {
            return Ok(Some((fields, &all[offset..], line_no + 1)));
        }
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v);
            fields.push((k.trim().to_ascii_lowercase(), v.to_string()));
        }
    }
    Err(1)
}

/// The lines of a text with their terminators: `\n`, `\r\n` or a lone `\r`.
fn lines_inclusive(text: &str) -> LinesInclusive<'_> {
    LinesInclusive { rest: text }
}

struct LinesInclusive<'a> {
    rest: &'a str,
}

impl<'a> Iterator for LinesInclusive<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let b = self.rest.as_bytes();
        let end = match b.iter().position(|&c| c == b'\n' || c == b'\r') {
            None => b.len(),
            Some(i) if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') => i + 2,
            Some(i) => i + 1,
        };
        let (line, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body() {
        let (f, body, line) = split_front_matter("---\nid: a\ntitle: \"T: x\"\n---\nBody\n")
            .unwrap()
            .unwrap();
        assert_eq!(f[0], ("id".into(), "a".into()));
        assert_eq!(f[1], ("title".into(), "T: x".into()));
        assert_eq!(body, "Body\n");
        assert_eq!(line, 5);
    }

    #[test]
    fn no_front_matter() {
        assert!(split_front_matter("Just text\n---\n").unwrap().is_none());
    }

    #[test]
    fn front_matter_with_crlf_and_lone_cr() {
        for eol in ["\r\n", "\r"] {
            let text = format!("---{eol}id: a{eol}---{eol}Body{eol}");
            let (f, body, line) = split_front_matter(&text).unwrap().unwrap();
            assert_eq!(f, [("id".to_string(), "a".to_string())]);
            assert_eq!(body, format!("Body{eol}"));
            assert_eq!(line, 4);
        }
        assert!(split_front_matter("---").unwrap().is_none());
    }

    #[test]
    fn unclosed_front_matter() {
        assert_eq!(split_front_matter("---\nid: a\nbody").unwrap_err(), 1);
    }
}
