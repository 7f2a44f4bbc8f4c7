//! Writing results: to standard output, or atomically to a file.
//!
//! A file is written to a temporary file in the same folder and renamed over
//! the target when complete, so an interrupted run leaves any previous file
//! intact; devices and FIFOs (`-o /dev/null`) are written in place, and a
//! symbolic link is followed. A target that is one of the inputs is refused.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where a command's main output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A file, written atomically.
    File(PathBuf),
}

impl Target {
    /// `-` or no path means standard output.
    pub fn from_arg(path: Option<&Path>) -> Self {
        match path {
            None => Target::Stdout,
            Some(p) if p.as_os_str() == "-" => Target::Stdout,
            Some(p) => Target::File(p.to_path_buf()),
        }
    }

    /// Refuses a file target that is one of the inputs (or inside an input folder's files).
    pub fn check_not_input(&self, inputs: &[PathBuf]) -> Result<()> {
        let Target::File(out) = self else {
            return Ok(());
        };
        let Ok(out_abs) = std::fs::canonicalize(out) else {
            return Ok(()); // does not exist yet: cannot be an input file
        };
        for input in inputs {
            if let Ok(inp) = std::fs::canonicalize(input) {
                if inp == out_abs {
                    return Err(Error::Usage(format!(
                        "refusing to overwrite the input {}",
                        out.display()
                    )));
                }
            }
        }
        Ok(())
    }

    /// Writes `bytes` to the target.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        match self {
            Target::Stdout => {
                let mut out = std::io::stdout().lock();
                match out.write_all(bytes).and_then(|()| out.flush()) {
                    Ok(()) => Ok(()),
                    // A closed pipe (`| head`) is not an error.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                    Err(e) => Err(Error::io("<stdout>", e)),
                }
            }
            Target::File(path) => write_atomic(path, bytes),
        }
    }
}

/// Writes a file atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes).map_err(|e| Error::io(path, e)))
}

/// [`write_atomic`], the bytes written by `fill` through a buffer.
///
/// A target that exists and is not a regular file (`-o /dev/null`, a FIFO,
/// `/dev/stdout`) is written in place: renaming over it would replace the
/// device with a file. A symbolic link is followed, so the file it points to
/// is replaced and the link stays.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> Result<()>,
) -> Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, &file);
        fill(&mut w)?;
        return w.flush().map_err(|e| Error::io(path, e));
    }
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = match link {
        true => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        false => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".crosscheck-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file());
        fill(&mut w)?;
        w.flush().map_err(|e| Error::io(path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(&target).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Text made safe to print on a terminal: control characters other than
/// newline and tab are shown as visible symbols (ESC as `␛`, other C0
/// controls as their control pictures, DEL and C1 controls as `�`), so an
/// article's title or sentence cannot move the cursor, clear the screen,
/// retitle the window or hide a line. With `keep_colour`, the colour and
/// bold sequences crosscheck writes itself (`ESC [` codes `m`, codes among
/// 0, 1, 2, 22, 30–37, 39 and 90–97) are kept; any other escape is shown.
pub fn terminal_safe(s: &str, keep_colour: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char =
        |c: char| (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c);
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '\x1b' && keep_colour {
            if let Some(len) = colour_sequence(rest) {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if unsafe_char(c) {
            out.push(match c {
                '\x1b' => '␛',
                '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                _ => '\u{fffd}',
            });
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// The length of a colour sequence at the start of `s` (`ESC [ 1;31 m`), if
/// it is one crosscheck writes.
fn colour_sequence(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\x1b[")?;
    let end = body.find('m')?;
    let codes = &body[..end];
    let allowed = |code: &str| {
        matches!(
            code.parse::<u8>(),
            Ok(0 | 1 | 2 | 22 | 30..=37 | 39 | 90..=97)
        )
    };
    (!codes.is_empty() && codes.len() <= 16 && codes.split(';').all(allowed)).then_some(2 + end + 1)
}

#[cfg(test)]
mod terminal_tests {
    use super::terminal_safe;

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(terminal_safe("plain\ttext\n", false), "plain\ttext\n");
        assert_eq!(
            terminal_safe("a\x1b]0;pwned\x07b\x1b[2Jc\rd\u{9b}e\x7f", false),
            "a␛]0;pwned␇b␛[2Jc␍d\u{fffd}e\u{fffd}"
        );
        // Our own colours stay; a conceal or cursor sequence does not.
        assert_eq!(
            terminal_safe("\x1b[1;31mX\x1b[0m \x1b[8mhidden\x1b[H", true),
            "\x1b[1;31mX\x1b[0m ␛[8mhidden␛[H"
        );
        assert_eq!(terminal_safe("\x1b[1;31mX", false), "␛[1;31mX");
    }
}

#[cfg(test)]
mod file_tests {
    use super::write_atomic;

    #[test]
    fn a_symbolic_link_stays_and_its_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("report.json");
        let link = dir.path().join("latest.json");
        std::fs::write(&file, "old").unwrap();
        std::os::unix::fs::symlink(&file, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
    }

    #[test]
    fn a_fifo_is_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            println!("skipped: no mkfifo");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        write_atomic(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file beside it");
    }
}
