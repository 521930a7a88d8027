//! Renderers of one result type: terminal table, CSV, JSON, XLSX.
//! Renderers never compute; they lay out an [`crate::eval::results::Report`].

pub mod csv;
pub mod json;
pub mod number;
pub mod table;
pub mod xlsx;

use std::io::Write as _;
use std::path::Path;

/// Writes a file atomically: a temporary file in the same directory, then a rename,
/// so a failed run never leaves a half-written report.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| format!("{}: cannot write: {e}", path.display());
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
