//! Writing results: to standard output, or atomically to a file.
//!
//! A file is written to a temporary file in the same folder and renamed over
//! the target when complete, so an interrupted run leaves any previous file
//! intact. A target that is one of the inputs is refused.

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
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".crosscheck-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}
