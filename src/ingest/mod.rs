//! Reading articles from folders, text files, JSON Lines, CSV and HTML.
//!
//! Every reader turns its input into [`Article`]s and reports each piece of
//! input it cannot use as a [`Diagnostic`] with the file and line, then goes
//! on with the rest. Inputs are only ever read.
//!
//! * A folder is walked recursively in name order; `.txt`/`.md` files are
//!   articles (with an optional front-matter block), `.jsonl`/`.ndjson`,
//!   `.csv` and `.html`/`.htm` files are read by their readers, other files
//!   are counted as ignored. Hidden entries are skipped.
//! * `-` reads JSON Lines from standard input.
//!
//! After reading, articles with the same id are merged when their records are
//! identical (a notice) and otherwise the later one is skipped with an error
//! that names both places. The result is sorted by id, so that nothing
//! downstream depends on the order in which inputs were given.

pub mod date;
mod html;
mod records;
pub mod stream;
mod text;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use date::Published;
pub use html::MAX_HTML_DEPTH;

use crate::error::{Diagnostic, Error, Result};

/// One news article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Article {
    /// Unique id: the front-matter or record id, else the file stem (or `path#row`).
    pub id: String,
    /// The outlet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The parsed publication date, when the format allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// The publication date as given, kept when it could not be parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_raw: Option<String>,
    /// Declared language (`id`, `en`), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The value of the `--group-by` field, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The body text, exactly as read (offsets in reports index into it).
    pub text: String,
    /// Where the article was read from.
    #[serde(skip)]
    pub origin: Origin,
}

impl Article {
    /// An article of an id and a body, nothing else known (no outlet, headline, date or origin).
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            source: None,
            title: None,
            url: None,
            published: None,
            published_raw: None,
            lang: None,
            group: None,
            text: text.into(),
            origin: Origin::default(),
        }
    }
}

/// Where an article was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file (or `-`).
    pub path: String,
    /// 1-based line where the record (or the body, for text files) starts.
    pub line: u64,
    /// The position of the article in the order inputs were given.
    pub seq: u64,
}

/// Field names for JSON Lines and CSV records, and reading limits.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// Field holding the article id.
    pub id_field: String,
    /// Field holding the body text.
    pub text_field: String,
    /// Field holding the headline.
    pub title_field: String,
    /// Field holding the outlet.
    pub source_field: String,
    /// Field holding the publication date.
    pub date_field: String,
    /// Field holding the URL.
    pub url_field: String,
    /// Field holding the language.
    pub lang_field: String,
    /// Field holding a story id to group by, when given.
    pub group_field: Option<String>,
    /// Articles larger than this many bytes are skipped and reported.
    pub max_article_bytes: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            id_field: "id".into(),
            text_field: "text".into(),
            title_field: "title".into(),
            source_field: "source".into(),
            date_field: "published".into(),
            url_field: "url".into(),
            lang_field: "lang".into(),
            group_field: None,
            max_article_bytes: 16 << 20,
        }
    }
}

/// What reading produced: the articles, sorted by id, and the problems met.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The articles, sorted by id, ids unique.
    pub articles: Vec<Article>,
    /// Problems with pieces of input, in the order met.
    pub diagnostics: Vec<Diagnostic>,
    /// Files inside folders that were not read (unknown extension).
    pub ignored_files: u64,
}

impl Corpus {
    /// Whether any input was skipped (an error-level diagnostic).
    pub fn skipped_input(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::error::Severity::Error)
    }
}

/// A partial article as a reader sees it, before the checks common to all readers.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub id: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub group: Option<String>,
    pub text: String,
}

/// Collects articles and diagnostics while readers run.
pub(crate) struct Sink<'a> {
    pub opts: &'a InputOptions,
    pub articles: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
    seq: u64,
}

impl<'a> Sink<'a> {
    /// An empty sink.
    pub fn new(opts: &'a InputOptions) -> Sink<'a> {
        Sink {
            opts,
            articles: Vec::new(),
            diagnostics: Vec::new(),
            seq: 0,
        }
    }

    /// Checks a draft and keeps it as an article, or reports why not.
    pub fn push(&mut self, path: &str, line: u64, fallback_id: String, draft: Draft) {
        let checked = check_draft(self.opts, path, line, fallback_id, draft);
        self.commit(checked);
    }

    /// Keeps the outcome of [`check_draft`]: drafts must be committed in input
    /// order, since each one takes the next sequence number.
    pub fn commit(&mut self, (article, diagnostics): Checked) {
        self.seq += 1;
        self.diagnostics.extend(diagnostics);
        if let Some(mut a) = article {
            a.origin.seq = self.seq;
            self.articles.push(a);
        }
    }

    /// Reports a problem with a piece of input that was skipped.
    pub fn error(&mut self, path: &str, line: Option<u64>, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(path, line, message));
    }
}

/// An article (without its sequence number) or nothing, and the diagnostics of one draft.
pub(crate) type Checked = (Option<Article>, Vec<Diagnostic>);

/// The checks common to all readers: a pure function of one draft, so that
/// readers can run it in parallel and commit the results in order.
pub(crate) fn check_draft(
    opts: &InputOptions,
    path: &str,
    line: u64,
    fallback_id: String,
    draft: Draft,
) -> Checked {
    let mut diags = Vec::new();
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let id = clean(draft.id).unwrap_or(fallback_id);
    if draft.text.trim().is_empty() {
        diags.push(Diagnostic::error(
            path,
            Some(line),
            format!("article {id:?} has no text; skipped"),
        ));
        return (None, diags);
    }
    if draft.text.len() > opts.max_article_bytes {
        diags.push(Diagnostic::error(
            path,
            Some(line),
            format!(
                "article {id:?} is {} bytes, over --max-article-bytes {}; skipped",
                draft.text.len(),
                opts.max_article_bytes
            ),
        ));
        return (None, diags);
    }
    let published_raw = clean(draft.published);
    let mut published = published_raw.as_deref().and_then(date::parse_published);
    if published.is_none() {
        if let Some(raw) = &published_raw {
            diags.push(Diagnostic::notice(
                path,
                Some(line),
                format!("article {id:?}: date {raw:?} not understood; kept as written"),
            ));
        } else if let Some((p, _)) = date::find_dateline(&draft.text) {
            published = Some(p);
        }
    }
    let article = Article {
        id,
        source: clean(draft.source),
        title: clean(draft.title),
        url: clean(draft.url),
        published_raw: if published.is_some() {
            None
        } else {
            published_raw
        },
        published,
        lang: clean(draft.lang).map(|l| l.to_ascii_lowercase()),
        group: clean(draft.group),
        text: draft.text,
        origin: Origin {
            path: path.to_string(),
            line,
            seq: 0,
        },
    };
    (Some(article), diags)
}

/// Reads every path (files, folders, `-`) into a [`Corpus`].
///
/// Fails only when a path given explicitly cannot be opened at all; every
/// smaller problem becomes a diagnostic.
pub fn load(paths: &[PathBuf], opts: &InputOptions) -> Result<Corpus> {
    let mut sink = Sink::new(opts);
    let mut ignored = 0;
    for path in paths {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| Error::io("-", e))?;
            records::read_jsonl("-", &buf, &mut sink);
            continue;
        }
        let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, &mut sink)?;
            files.sort();
            for file in files {
                match Kind::of(&file) {
                    Some(kind) => read_file(&file, kind, &mut sink),
                    None => ignored += 1,
                }
            }
        } else {
            read_file(path, Kind::of(path).unwrap_or(Kind::Text), &mut sink);
        }
    }
    Ok(finish(sink, ignored))
}

/// Reads one file's contents, already in memory, into a [`Corpus`], as
/// [`load`] reads a file given by `name`: the extension picks the reader
/// (text when unknown) and the file stem is the fallback id.
///
/// ```
/// use crosscheck::ingest::{load_bytes, InputOptions};
/// let md = b"---\nsource: Kompas\n---\nGempa magnitudo 4,9 guncang Garut.\n";
/// let corpus = load_bytes("gempa.kompas.md", md, &InputOptions::default());
/// assert_eq!(corpus.articles[0].id, "gempa.kompas");
/// assert_eq!(corpus.articles[0].source.as_deref(), Some("Kompas"));
/// ```
pub fn load_bytes(name: &str, bytes: &[u8], opts: &InputOptions) -> Corpus {
    let path = Path::new(name);
    let mut sink = Sink::new(opts);
    read_bytes(path, Kind::of(path).unwrap_or(Kind::Text), bytes, &mut sink);
    finish(sink, 0)
}

/// Merges duplicate ids and turns what the readers collected into a [`Corpus`].
fn finish(sink: Sink<'_>, ignored_files: u64) -> Corpus {
    let (articles, dup_diags) = merge_duplicates(sink.articles);
    let mut diagnostics = sink.diagnostics;
    diagnostics.extend(dup_diags);
    Corpus {
        articles,
        diagnostics,
        ignored_files,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Jsonl,
    Csv,
    Html,
}

impl Kind {
    pub(crate) fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" => Kind::Text,
            "jsonl" | "ndjson" => Kind::Jsonl,
            "csv" => Kind::Csv,
            "html" | "htm" => Kind::Html,
            _ => return None,
        })
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, sink: &mut Sink<'_>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                sink.error(
                    &dir.display().to_string(),
                    None,
                    format!("cannot list: {e}"),
                );
                continue;
            }
        };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, out, sink)?,
            // Reading a FIFO or a device could block or never end.
            Ok(_)
                if Kind::of(&path).is_some() && fs::metadata(&path).is_ok_and(|m| !m.is_file()) =>
            {
                sink.error(
                    &path.display().to_string(),
                    None,
                    "not a regular file (a FIFO, socket, device or folder link); skipped",
                );
            }
            Ok(_) => out.push(path),
            Err(e) => sink.error(
                &path.display().to_string(),
                None,
                format!("cannot stat: {e}"),
            ),
        }
    }
    Ok(())
}

fn read_file(path: &Path, kind: Kind, sink: &mut Sink<'_>) {
    match read_whole(path) {
        Ok(bytes) => read_bytes(path, kind, &bytes, sink),
        Err(e) => sink.error(
            &path.display().to_string(),
            None,
            format!("cannot read: {e}"),
        ),
    }
}

/// `bytes.split_inclusive(|&b| b == b'\n')`, the newlines found by `memchr`:
/// the line splitter of the JSON Lines readers and the dateline search.
pub(crate) fn lines_inclusive(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', bytes)
        .map(|p| p + 1)
        .chain(std::iter::once(bytes.len()))
        .filter_map(move |end| {
            let line = (end > start).then(|| &bytes[start..end]);
            start = end;
            line
        })
}

/// Files from this size are read in pieces on all threads.
const PARALLEL_READ_BYTES: u64 = 64 << 20;

/// A file's bytes. A large regular file is read in pieces in parallel
/// (positioned reads into one buffer): the page faults and the kernel's
/// copy of a 300 MB corpus otherwise take a core for a third of a second
/// while the other waits. Anything else, or a file that changed size while
/// read, goes through `fs::read`.
fn read_whole(path: &Path) -> std::io::Result<Vec<u8>> {
    use rayon::prelude::*;
    use std::os::unix::fs::FileExt;
    const PIECE: usize = 8 << 20;
    let file = fs::File::open(path)?;
    let meta = file.metadata()?;
    let Ok(len) = usize::try_from(meta.len()) else {
        return fs::read(path);
    };
    if !meta.is_file() || meta.len() < PARALLEL_READ_BYTES {
        return fs::read(path);
    }
    let mut buf = vec![0u8; len];
    buf.par_chunks_mut(PIECE)
        .enumerate()
        .try_for_each(|(k, piece)| file.read_exact_at(piece, (k * PIECE) as u64))?;
    // Grown since the size was read: read it again as a whole.
    let mut probe = [0u8; 1];
    if file.read_at(&mut probe, len as u64)? != 0 {
        return fs::read(path);
    }
    Ok(buf)
}

fn read_bytes(path: &Path, kind: Kind, bytes: &[u8], sink: &mut Sink<'_>) {
    let name = path.display().to_string();
    match kind {
        Kind::Text => text::read_text(&name, path, bytes, sink),
        Kind::Jsonl => records::read_jsonl(&name, bytes, sink),
        Kind::Csv => records::read_csv(&name, bytes, sink),
        Kind::Html => html::read_html(&name, path, bytes, sink),
    }
}

/// The 1-based line on which byte `at` of `bytes` lies. A line ends at `\n`,
/// `\r\n` or a lone `\r`, as editors count them.
pub(crate) fn line_at(bytes: &[u8], at: usize) -> u64 {
    LineCounter::default().line_at(bytes, at)
}

/// [`line_at`] for increasing offsets into one text, in time linear in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineCounter {
    at: usize,
    line: u64,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter { at: 0, line: 1 }
    }
}

impl LineCounter {
    /// The line of byte `at` (counting restarts when `at` goes back).
    pub(crate) fn line_at(&mut self, bytes: &[u8], at: usize) -> u64 {
        let at = at.min(bytes.len());
        if at < self.at {
            *self = LineCounter::default();
        }
        let breaks = (self.at..at)
            .filter(|&i| match bytes[i] {
                b'\n' => true,
                b'\r' => bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            })
            .count();
        self.line += breaks as u64;
        self.at = at;
        self.line
    }
}

/// Describes invalid UTF-8 in `bytes` as "line L, byte B", or `None` when valid.
pub(crate) fn utf8_problem(bytes: &[u8]) -> Option<(u64, String)> {
    match std::str::from_utf8(bytes) {
        Ok(_) => None,
        Err(e) => {
            let at = e.valid_up_to();
            Some((line_at(bytes, at), format!("invalid UTF-8 at byte {at}")))
        }
    }
}

/// Reports an empty or binary file and says whether it was one (then it is skipped).
pub(crate) fn unreadable(name: &str, bytes: &[u8], sink: &mut Sink<'_>) -> bool {
    if bytes.is_empty() {
        sink.error(name, None, "empty file; skipped");
        return true;
    }
    match first_nul(bytes) {
        Some(at) => {
            sink.error(
                name,
                Some(line_at(bytes, at)),
                format!("binary file (NUL byte at byte {at}); skipped"),
            );
            true
        }
        None => false,
    }
}

/// A file with a NUL byte within its first this many bytes is binary.
const BINARY_PROBE_BYTES: usize = 8192;

/// The offset of the first NUL byte within the first [`BINARY_PROBE_BYTES`].
fn first_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().take(BINARY_PROBE_BYTES).position(|&b| b == 0)
}

/// Merges identical duplicate ids; a different record under a used id is skipped with an error.
fn merge_duplicates(mut articles: Vec<Article>) -> (Vec<Article>, Vec<Diagnostic>) {
    // The earliest place wins, by path and line, so the choice does not depend
    // on the order in which inputs were given.
    {
        use rayon::slice::ParallelSliceMut;
        articles.par_sort_by(|a, b| {
            a.id.cmp(&b.id)
                .then_with(|| a.origin.path.cmp(&b.origin.path))
                .then(a.origin.line.cmp(&b.origin.line))
        });
    }
    let mut out: Vec<Article> = Vec::with_capacity(articles.len());
    let mut diags = Vec::new();
    for a in articles {
        // Sorted by id: a repeat comes right after the record it repeats.
        if let Some(kept) = out.last().filter(|k| k.id == a.id) {
            let same = kept.text == a.text
                && kept.title == a.title
                && kept.source == a.source
                && kept.url == a.url;
            let place = |o: &Origin| format!("{}:{}", o.path, o.line);
            if same {
                diags.push(Diagnostic::notice(
                    &a.origin.path,
                    Some(a.origin.line),
                    format!(
                        "article {:?} repeats the identical record at {}; merged",
                        a.id,
                        place(&kept.origin)
                    ),
                ));
            } else {
                diags.push(Diagnostic::error(
                    &a.origin.path,
                    Some(a.origin.line),
                    format!(
                        "duplicate id {:?}: this record differs from the one at {}; skipped",
                        a.id,
                        place(&kept.origin)
                    ),
                ));
            }
            continue;
        }
        out.push(a);
    }
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_inclusive_matches_the_standard_splitter() {
        for s in [
            &b""[..],
            b"\n",
            b"a",
            b"a\n",
            b"a\nb",
            b"\n\na\r\n\nb\n",
            b"{\"x\":1}\n{\"y\":2}\n\n",
        ] {
            let inclusive: Vec<&[u8]> = s.split_inclusive(|&b| b == b'\n').collect();
            assert_eq!(lines_inclusive(s).collect::<Vec<_>>(), inclusive, "{s:?}");
        }
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = b"a\r\nb\rc\nd";
        assert_eq!(line_at(text, 0), 1);
        assert_eq!(line_at(text, 2), 1, "between CR and LF");
        assert_eq!(line_at(text, 3), 2);
        assert_eq!(line_at(text, 5), 3);
        assert_eq!(line_at(text, 7), 4);
        assert_eq!(line_at(text, 99), 4);
        let mut c = LineCounter::default();
        assert_eq!(
            [3, 5, 7, 2].map(|at| c.line_at(text, at)),
            [2, 3, 4, 1],
            "forward, then back"
        );
    }
}
