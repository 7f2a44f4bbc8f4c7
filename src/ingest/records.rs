//! JSON Lines and CSV: one article per record, fields named by [`InputOptions`](super::InputOptions).
//!
//! A record that cannot be used (not UTF-8, not a JSON object, no text) is
//! reported with its line and skipped; the records around it are still read.
//! Numbers in id fields are taken as their decimal text. A field option may
//! list alternatives separated by commas (`--text-field isi_berita,content,Isi`):
//! the first one a file or record has is used, so one run can read files of
//! different shapes. A record without an
//! id gets `FILE#N`, N being its 0-based data row.

use rayon::prelude::*;
use serde_json::Value;

use super::{
    check_draft, lines_inclusive, unreadable, Checked, Draft, InputOptions, LineCounter, Sink,
};
use crate::error::Diagnostic;

pub(super) fn read_jsonl(name: &str, bytes: &[u8], sink: &mut Sink<'_>) {
    if bytes.is_empty() {
        sink.error(name, None, "empty file; skipped");
        return;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut lines: Vec<(u64, u64, &[u8])> = Vec::new();
    let mut row = 0u64;
    for (i, raw) in lines_inclusive(bytes).enumerate() {
        let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        lines.push((i as u64 + 1, row, raw));
        row += 1;
    }
    commit_jsonl_lines(name, &lines, sink);
}

/// Parses non-blank JSON Lines `(line number, data row, bytes)` in parallel
/// and keeps the results in order.
pub(super) fn commit_jsonl_lines(name: &str, lines: &[(u64, u64, &[u8])], sink: &mut Sink<'_>) {
    let opts = sink.opts;
    let parsed: Vec<Result<Checked, Diagnostic>> = lines
        .par_iter()
        .map(|&(line_no, row, raw)| {
            parse_jsonl_line(name, opts, line_no, raw)
                .map(|draft| check_draft(opts, name, line_no, format!("{name}#{row}"), draft))
        })
        .collect();
    for p in parsed {
        match p {
            Ok(checked) => sink.commit(checked),
            Err(d) => sink.diagnostics.push(d),
        }
    }
}

/// One JSON Lines record as a draft, or the reason it is skipped.
///
/// The fast path decodes only the fields asked for (each as a `Value`, as
/// the reference path does) and skips the others without building them;
/// any record it does not accept is parsed again by the reference path, so
/// that results and messages are the same.
pub(super) fn parse_jsonl_line(
    name: &str,
    opts: &InputOptions,
    line_no: u64,
    raw: &[u8],
) -> Result<Draft, Diagnostic> {
    // A byte-order mark may start any line, not only the file's first (files joined with `cat`).
    let (bom, raw) = match raw.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, raw),
    };
    let line = std::str::from_utf8(raw).map_err(|e| {
        Diagnostic::error(
            name,
            Some(line_no),
            format!(
                "invalid UTF-8 at column {}; line skipped",
                bom + e.valid_up_to() + 1
            ),
        )
    })?;
    let options = [
        Some(opts.text_field.as_str()),
        Some(&opts.id_field),
        Some(&opts.source_field),
        Some(&opts.title_field),
        Some(&opts.url_field),
        Some(&opts.date_field),
        Some(&opts.lang_field),
        opts.group_field.as_deref(),
    ];
    let mut names: Vec<&str> = options
        .iter()
        .flatten()
        .flat_map(|o| o.split(','))
        .map(str::trim)
        .collect();
    names.dedup();
    let mut de = serde_json::Deserializer::from_str(line);
    let mut values = match serde::Deserializer::deserialize_map(&mut de, Wanted(&names))
        .and_then(|v| de.end().map(|()| v))
    {
        Ok(v) => v,
        Err(_) => return parse_jsonl_value(name, opts, line_no, line),
    };
    let slot = |keys: &str| {
        keys.split(',').find_map(|k| {
            names
                .iter()
                .position(|n| *n == k.trim())
                .filter(|&i| values[i].is_some())
        })
    };
    let field = |keys: &str| slot(keys).and_then(|i| values[i].as_ref()).and_then(scalar);
    let draft_fields = (
        field(&opts.id_field),
        field(&opts.source_field),
        field(&opts.title_field),
        field(&opts.url_field),
        field(&opts.date_field),
        field(&opts.lang_field),
        opts.group_field.as_deref().and_then(field),
    );
    let Some(t) = slot(&opts.text_field) else {
        return Err(Diagnostic::error(
            name,
            Some(line_no),
            format!(
                "no {:?} field (set --text-field); line skipped",
                opts.text_field
            ),
        ));
    };
    let Some(Value::String(text)) = values[t].take() else {
        return Err(Diagnostic::error(
            name,
            Some(line_no),
            format!("field {:?} is not a string; line skipped", opts.text_field),
        ));
    };
    let (id, source, title, url, published, lang, group) = draft_fields;
    Ok(Draft {
        id,
        source,
        title,
        url,
        published,
        lang,
        group,
        text,
    })
}

/// Decodes the values of the keys in `.0` (last occurrence wins, as in a
/// `Value` map) and skips the rest.
struct Wanted<'k>(&'k [&'k str]);

impl<'de> serde::de::Visitor<'de> for Wanted<'_> {
    type Value = Vec<Option<Value>>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut values = vec![None; self.0.len()];
        while let Some(slot) = map.next_key_seed(KeySlot(self.0))? {
            match slot {
                Some(i) => values[i] = Some(map.next_value::<Value>()?),
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(values)
    }
}

/// A key, as its index among the wanted names (no allocation).
struct KeySlot<'k>(&'k [&'k str]);

impl<'de> serde::de::DeserializeSeed<'de> for KeySlot<'_> {
    type Value = Option<usize>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeySlot<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
        Ok(self.0.iter().position(|n| *n == v))
    }
}

/// The reference path: the whole line as a `Value`.
fn parse_jsonl_value(
    name: &str,
    opts: &InputOptions,
    line_no: u64,
    line: &str,
) -> Result<Draft, Diagnostic> {
    let err = |msg: String| Diagnostic::error(name, Some(line_no), msg);
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // JSON Lines ends lines with `\n` only: lone `\r` line ends make one long line.
        let hint = if line.contains('\r') {
            "\nhint: the line holds a carriage return (\\r): JSON Lines records end with \\n or \\r\\n"
        } else {
            ""
        };
        err(format!("malformed JSON ({e}); line skipped{hint}"))
    })?;
    let Value::Object(map) = value else {
        return Err(err(format!(
            "a JSON {} is not an article object; line skipped",
            kind_of(&value)
        )));
    };
    let field = |keys: &str| {
        keys.split(',')
            .find_map(|k| map.get(k.trim()))
            .and_then(scalar)
    };
    let Some(text) = opts.text_field.split(',').find_map(|k| map.get(k.trim())) else {
        return Err(err(format!(
            "no {:?} field (set --text-field); line skipped",
            opts.text_field
        )));
    };
    let Value::String(text) = text else {
        return Err(err(format!(
            "field {:?} is not a string; line skipped",
            opts.text_field
        )));
    };
    Ok(Draft {
        id: field(&opts.id_field),
        source: field(&opts.source_field),
        title: field(&opts.title_field),
        url: field(&opts.url_field),
        published: field(&opts.date_field),
        lang: field(&opts.lang_field),
        group: opts.group_field.as_deref().and_then(field),
        text: text.clone(),
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub(super) fn read_csv(name: &str, bytes: &[u8], sink: &mut Sink<'_>) {
    if unreadable(name, bytes, sink) {
        return;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|f| String::from_utf8_lossy(f).trim().to_string())
            .collect(),
        Err(e) => {
            sink.error(name, Some(1), format!("cannot read the CSV header: {e}"));
            return;
        }
    };
    let opts = sink.opts;
    // A field option may name several columns, separated by commas: the first present wins.
    let col = |wants: &str| {
        wants.split(',').map(str::trim).find_map(|want| {
            headers
                .iter()
                .position(|h| h == want)
                .or_else(|| headers.iter().position(|h| h.eq_ignore_ascii_case(want)))
        })
    };
    let Some(text_col) = col(&opts.text_field) else {
        sink.error(
            name,
            Some(1),
            format!(
                "no column named {:?} (columns: {}); file skipped\nhint: name the body column with --text-field",
                opts.text_field,
                headers.join(", ")
            ),
        );
        return;
    };
    let cols = [
        col(&opts.id_field),
        col(&opts.source_field),
        col(&opts.title_field),
        col(&opts.url_field),
        col(&opts.date_field),
        col(&opts.lang_field),
        opts.group_field.as_deref().and_then(col),
    ];
    let mut record = csv::ByteRecord::new();
    let mut row = 0u64;
    // Line numbers from byte offsets: the reader counts `\n` only, and
    // neither lone `\r` line ends nor the blank lines it skips.
    let mut lines = LineCounter::default();
    loop {
        let at = reader.position().byte() as usize;
        let read = reader.read_byte_record(&mut record);
        let start = bytes.get(at..).map_or(at, |rest| {
            at + rest
                .iter()
                .position(|&b| b != b'\n' && b != b'\r')
                .unwrap_or(rest.len())
        });
        let line_no = lines.line_at(bytes, start);
        match read {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                sink.error(
                    name,
                    Some(line_no),
                    format!("malformed CSV record ({e}); skipped"),
                );
                row += 1;
                continue;
            }
        }
        let this_row = row;
        row += 1;
        let end = reader.position().byte() as usize;
        if let Some((quote, why)) = quoting_problem(bytes.get(start..end).unwrap_or_default()) {
            let line = lines.line_at(bytes, start + quote);
            sink.error(name, Some(line), format!("{why}; record skipped"));
            continue;
        }
        let mut fields: Vec<Option<String>> = Vec::with_capacity(cols.len() + 1);
        let mut bad = None;
        for c in std::iter::once(Some(text_col)).chain(cols.iter().copied()) {
            let value = match c.and_then(|c| record.get(c)) {
                Some(b) => match std::str::from_utf8(b) {
                    Ok(s) => Some(s.to_string()),
                    Err(e) => {
                        bad = Some(e.valid_up_to());
                        None
                    }
                },
                None => None,
            };
            fields.push(value);
        }
        if let Some(at) = bad {
            sink.error(
                name,
                Some(line_no),
                format!("invalid UTF-8 in a field (at byte {at} of it); record skipped"),
            );
            continue;
        }
        if record.len() != headers.len() {
            sink.error(
                name,
                Some(line_no),
                format!(
                    "record has {} fields, the header {}; skipped",
                    record.len(),
                    headers.len()
                ),
            );
            continue;
        }
        let mut it = fields.into_iter();
        let mut next = || it.next().flatten();
        let text = next().unwrap_or_default();
        let draft = Draft {
            text,
            id: next(),
            source: next(),
            title: next(),
            url: next(),
            published: next(),
            lang: next(),
            group: next(),
        };
        sink.push(name, line_no, format!("{name}#{this_row}"), draft);
    }
}

/// A quoted field that is never closed, or that has text after its closing
/// quote (`"a"b`, usually an unescaped `"` inside it). The CSV reader
/// accepts both, taking the next records, or the rest of the file, into the
/// field. Returns the offset of the field's opening quote in `record` and
/// what is wrong.
fn quoting_problem(record: &[u8]) -> Option<(usize, &'static str)> {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut opened = 0;
    for (i, &b) in record.iter().enumerate() {
        state = match (state, b) {
            (State::FieldStart, b'"') => {
                opened = i;
                State::Quoted
            }
            (State::FieldStart | State::Unquoted, b',' | b'\n' | b'\r') => State::FieldStart,
            (State::FieldStart | State::Unquoted, _) => State::Unquoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::QuoteInQuoted, b',' | b'\n' | b'\r') => State::FieldStart,
            (State::QuoteInQuoted, _) => return Some((
                opened,
                "a quoted field has text after its closing quote (an unescaped `\"` inside it?)",
            )),
        };
    }
    matches!(state, State::Quoted).then_some((
        opened,
        "a quoted field opened here is never closed (it runs to the end of the file)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_problems() {
        assert_eq!(quoting_problem(b"a,\"b,\"\"c\"\"\nd\",e\r\n"), None);
        assert_eq!(quoting_problem(b"a,5\" screen,b\n"), None);
        assert_eq!(quoting_problem(b"a,\"b\"c,d\n").map(|p| p.0), Some(2));
        assert_eq!(quoting_problem(b"a,b,\"c\nd,e\n").map(|p| p.0), Some(4));
    }
}
