//! JSON Lines read in bounded chunks, for corpora larger than memory.
//!
//! [`stream_jsonl`] reads files of whole lines a chunk at a time, parses each
//! chunk's lines in parallel with the same code as [`super::load`] and hands
//! the articles over in input order, each with its place in the file
//! ([`Located`]) so that a later pass can read it again with
//! [`read_located`] without keeping its text. Sequence numbers and
//! diagnostics are exactly those [`super::load`] gives before merging
//! duplicate ids (which needs every id, see [`crate::dedup::stream`]).

use std::fs::File;
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use super::records::{commit_jsonl_lines, parse_jsonl_line};
use super::{check_draft, lines_inclusive, Article, InputOptions, Kind, Sink};
use crate::error::{Diagnostic, Error, Result};

/// Where a record sits: which input file, its byte offset and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    /// Index into the input paths.
    pub file: u32,
    /// Byte offset of the line in the file.
    pub offset: u64,
    /// Length of the line in bytes, without its terminator.
    pub len: u32,
    /// 0-based data row in the file (for the `FILE#ROW` fallback id).
    pub row: u64,
}

/// An article and where it was read from.
#[derive(Debug, Clone)]
pub struct Located {
    /// The article as [`super::load`] reads it.
    pub article: Article,
    /// Its place, for reading it again.
    pub place: Place,
}

/// Whether every path is a JSON Lines file that can be streamed (read more
/// than once): `.jsonl`/`.ndjson` regular files, no folders, no `-`.
pub fn streamable(paths: &[PathBuf]) -> bool {
    !paths.is_empty()
        && paths
            .iter()
            .all(|p| p.as_os_str() != "-" && p.is_file() && Kind::of(p) == Some(Kind::Jsonl))
}

/// Total size of the inputs in bytes (0 for what cannot be read).
pub fn input_bytes(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum()
}

/// Reads JSON Lines files in chunks of about `chunk_bytes` and calls `each`
/// with every chunk's articles, in input order. Returns the diagnostics of
/// reading (those of duplicate ids excepted).
pub fn stream_jsonl(
    paths: &[PathBuf],
    opts: &InputOptions,
    chunk_bytes: usize,
    mut each: impl FnMut(Vec<Located>),
) -> Result<Vec<Diagnostic>> {
    let mut sink = Sink {
        opts,
        articles: Vec::new(),
        diagnostics: Vec::new(),
        seq: 0,
    };
    for (file_no, path) in paths.iter().enumerate() {
        let name = path.display().to_string();
        let mut f = File::open(path).map_err(|e| Error::io(path, e))?;
        // No bigger than the file: a small file does not zero a whole chunk.
        let size = f.metadata().map_or(u64::MAX, |m| m.len());
        let chunk_bytes = chunk_bytes.min(
            usize::try_from(size)
                .unwrap_or(usize::MAX)
                .saturating_add(1),
        );
        let mut buf: Vec<u8> = Vec::with_capacity(chunk_bytes + (1 << 16));
        let mut base = 0u64; // file offset of buf[0]
        let mut line_no = 0u64;
        let mut row = 0u64;
        let mut at_start = true;
        let mut eof = false;
        let mut any = false;
        while !eof {
            let filled = buf.len();
            buf.resize(filled + chunk_bytes.max(1 << 16), 0);
            let mut got = filled;
            // Fill the chunk (short reads are fine; 0 means the end).
            while got < buf.len() {
                match f.read(&mut buf[got..]) {
                    Ok(0) => {
                        eof = true;
                        break;
                    }
                    Ok(n) => got += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        sink.error(&name, None, format!("cannot read: {e}"));
                        eof = true;
                        break;
                    }
                }
            }
            buf.truncate(got);
            any |= got > 0;
            // Whole lines only, unless this is the end of the file.
            let cut = if eof {
                buf.len()
            } else {
                match memchr::memrchr(b'\n', &buf) {
                    Some(p) => p + 1,
                    None => continue, // a line longer than the chunk: read more
                }
            };
            let skip = if at_start && buf.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            at_start = false;
            let mut lines: Vec<(u64, u64, &[u8])> = Vec::new();
            let mut places: Vec<Place> = Vec::new();
            let mut start = skip;
            for raw in lines_inclusive(&buf[skip..cut]) {
                line_no += 1;
                let off = start;
                start += raw.len();
                let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                if raw.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                lines.push((line_no, row, raw));
                places.push(Place {
                    file: file_no as u32,
                    offset: base + off as u64,
                    len: raw.len() as u32,
                    row,
                });
                row += 1;
            }
            let committed = commit_jsonl_lines_placed(&name, &lines, &places, &mut sink);
            drop(lines);
            let out: Vec<Located> = std::mem::take(&mut sink.articles)
                .into_iter()
                .zip(committed)
                .map(|(article, place)| Located { article, place })
                .collect();
            if !out.is_empty() {
                each(out);
            }
            buf.drain(..cut);
            base += cut as u64;
        }
        if !any {
            sink.error(&name, None, "empty file; skipped");
        }
    }
    Ok(sink.diagnostics)
}

/// [`commit_jsonl_lines`], returning the places of the articles it kept.
fn commit_jsonl_lines_placed(
    name: &str,
    lines: &[(u64, u64, &[u8])],
    places: &[Place],
    sink: &mut Sink<'_>,
) -> Vec<Place> {
    let kept_before = sink.articles.len();
    commit_jsonl_lines(name, lines, sink);
    // Kept articles carry their line number; lines are unique within a chunk.
    sink.articles[kept_before..]
        .iter()
        .map(|a| {
            let k = lines.partition_point(|l| l.0 < a.origin.line);
            places[k]
        })
        .collect()
}

/// Reads the article at `place` again, exactly as it was read the first time
/// (sequence number excepted). `None` if it no longer reads.
pub fn read_located(
    paths: &[PathBuf],
    files: &[File],
    opts: &InputOptions,
    place: Place,
    line: u64,
) -> Option<Article> {
    let path: &Path = paths.get(place.file as usize)?;
    let f = files.get(place.file as usize)?;
    let mut raw = vec![0u8; place.len as usize];
    f.read_exact_at(&mut raw, place.offset).ok()?;
    let name = path.display().to_string();
    let draft = parse_jsonl_line(&name, opts, line, &raw).ok()?;
    let (article, _) = check_draft(opts, &name, line, format!("{name}#{}", place.row), draft);
    article
}
