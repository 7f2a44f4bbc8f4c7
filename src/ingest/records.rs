//! JSON Lines and CSV: one article per record, fields named by [`InputOptions`](super::InputOptions).
//!
//! A record that cannot be used (not UTF-8, not a JSON object, no text) is
//! reported with its line and skipped; the records around it are still read.
//! Numbers in id fields are taken as their decimal text. A field option may
//! list alternatives separated by commas (`--text-field isi_berita,content,Isi`):
//! the first one a file or record has is used, so one run can read files of
//! different shapes. A record without an
//! id gets `FILE#N`, N being its 0-based data row.

use serde_json::Value;

use super::{looks_binary, Draft, Sink};

pub(super) fn read_jsonl(name: &str, bytes: &[u8], sink: &mut Sink<'_>) {
    if bytes.is_empty() {
        sink.error(name, None, "empty file; skipped");
        return;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut row = 0u64;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = i as u64 + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let this_row = row;
        row += 1;
        let line = match std::str::from_utf8(raw) {
            Ok(l) => l,
            Err(e) => {
                sink.error(
                    name,
                    Some(line_no),
                    format!(
                        "invalid UTF-8 at column {}; line skipped",
                        e.valid_up_to() + 1
                    ),
                );
                continue;
            }
        };
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                sink.error(
                    name,
                    Some(line_no),
                    format!("malformed JSON ({e}); line skipped"),
                );
                continue;
            }
        };
        let Value::Object(map) = value else {
            sink.error(
                name,
                Some(line_no),
                format!(
                    "a JSON {} is not an article object; line skipped",
                    kind_of(&value)
                ),
            );
            continue;
        };
        let opts = sink.opts;
        let field = |keys: &str| {
            keys.split(',')
                .find_map(|k| map.get(k.trim()))
                .and_then(scalar)
        };
        let Some(text) = opts.text_field.split(',').find_map(|k| map.get(k.trim())) else {
            sink.error(
                name,
                Some(line_no),
                format!(
                    "no {:?} field (set --text-field); line skipped",
                    opts.text_field
                ),
            );
            continue;
        };
        let Value::String(text) = text else {
            sink.error(
                name,
                Some(line_no),
                format!("field {:?} is not a string; line skipped", opts.text_field),
            );
            continue;
        };
        let draft = Draft {
            id: field(&opts.id_field),
            source: field(&opts.source_field),
            title: field(&opts.title_field),
            url: field(&opts.url_field),
            published: field(&opts.date_field),
            lang: field(&opts.lang_field),
            group: opts.group_field.as_deref().and_then(field),
            text: text.clone(),
        };
        sink.push(name, line_no, format!("{name}#{this_row}"), draft);
    }
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
    if bytes.is_empty() {
        sink.error(name, None, "empty file; skipped");
        return;
    }
    if looks_binary(bytes) {
        sink.error(name, None, "binary file (NUL bytes); skipped");
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
    loop {
        let line_no = reader.position().line();
        match reader.read_byte_record(&mut record) {
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
