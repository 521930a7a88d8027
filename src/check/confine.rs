//! Which files ekostyr reads on a file's say-so. A rule file's `bygger_på`, a
//! `förvänta` block's `indata` and a report's provenance name files; each is read
//! only when it lies, after resolving symlinks, in the folder tree of the file
//! that names it, or under the root given with `--rot`. Rule files are read only
//! when they are regular files no larger than [`MAX_RULE_FILE_BYTES`], checked on
//! the handle opened without blocking, so a FIFO or a device never blocks or floods a run.
//!
//! The root is a process-wide setting, like the language: the binary sets it once
//! from `--rot` with [`set_root`] before it runs a command, and the engines read it
//! with [`root`]. The engine never reads arguments.

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// The largest rule file read, in bytes (16 MiB).
pub const MAX_RULE_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The longest `bygger_på` chain, in files, counting the file checked.
pub const MAX_CHAIN: usize = 32;

static ROOT: OnceLock<PathBuf> = OnceLock::new();

/// Allows reading anywhere under `dir` (`--rot`), for the rest of the process.
/// The folder must exist; it is kept with its symlinks resolved.
pub fn set_root(dir: &Path) -> Result<(), String> {
    let shown = crate::diagnostic::echo(&dir.display().to_string());
    let bad = |reason: String| crate::tr!("confine-bad-root", dir = shown.as_str(), reason = reason);
    let canonical = dir.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => bad(crate::tr!("confine-root-missing")),
        _ => bad(super::io_reason(&e)),
    })?;
    if !canonical.is_dir() {
        return Err(bad(crate::tr!("confine-root-not-a-folder")));
    }
    // A second call keeps the first root: there is one command line per process.
    let _ = ROOT.set(canonical);
    Ok(())
}

/// The root set with [`set_root`], if any.
pub fn root() -> Option<&'static Path> {
    ROOT.get().map(PathBuf::as_path)
}

/// Why a named file is not read.
#[derive(Debug)]
pub enum Refusal {
    /// It lies outside the naming file's folder tree and the root: the folder.
    Outside(PathBuf),
    /// It is not a regular file: `dir`, `fifo`, `device` or `other`.
    NotAFile(&'static str),
    /// It is larger than [`MAX_RULE_FILE_BYTES`].
    TooLarge,
    /// `bygger_på` names a file that does not end in `.ek`.
    NotRules,
    /// It could not be read.
    Io(std::io::Error),
}

impl Refusal {
    /// Why, as the end of a sentence ("cannot read `x`: …").
    pub fn reason(&self) -> String {
        match self {
            Refusal::Outside(dir) => crate::tr!("confine-reason-outside", dir = echo_path(dir)),
            Refusal::NotAFile(kind) => crate::tr!("confine-reason-not-a-file", kind = *kind),
            Refusal::TooLarge => crate::tr!("confine-reason-too-large", cap = MAX_RULE_FILE_BYTES / (1024 * 1024)),
            Refusal::NotRules => crate::tr!("confine-reason-not-rules"),
            Refusal::Io(e) => super::io_reason(e),
        }
    }

    /// How to get past it, when the user can.
    pub fn hint(&self) -> Option<String> {
        match self {
            Refusal::Outside(_) => Some(crate::tr!("confine-hint-rot")),
            Refusal::NotRules => Some(crate::tr!("confine-hint-rules")),
            _ => None,
        }
    }
}

/// A path for a message: cut and escaped ([`crate::diagnostic::echo`]).
pub fn echo_path(path: &Path) -> String {
    crate::diagnostic::echo(&path.display().to_string())
}

/// `path` with its symlinks resolved, when it lies under `dir` (the naming file's
/// folder) or the root. A path that does not exist is refused as outside when it
/// would lie outside as written, and as not found otherwise.
pub fn within(path: &Path, dir: &Path) -> Result<PathBuf, Refusal> {
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let dir = dir.canonicalize().map_err(Refusal::Io)?;
    match path.canonicalize() {
        Ok(target) if allowed(&target, &dir) => Ok(target),
        Ok(_) => Err(Refusal::Outside(dir)),
        Err(e) => match std::path::absolute(path).map(|p| lexical(&p)) {
            Ok(written) if !allowed(&written, &dir) => Err(Refusal::Outside(dir)),
            _ => Err(Refusal::Io(e)),
        },
    }
}

fn allowed(target: &Path, dir: &Path) -> bool {
    target.starts_with(dir) || root().is_some_and(|r| target.starts_with(r))
}

/// `a/./b/../c` → `a/c`, without looking at the disk.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// What kind of thing `path` is, refusing anything but a regular file or, when
/// `folders` is set, a folder. Reads only metadata, so it never blocks.
pub fn file_or_folder(path: &Path, folders: bool) -> Result<std::fs::Metadata, Refusal> {
    let meta = std::fs::metadata(path).map_err(Refusal::Io)?;
    match kind(&meta) {
        None => Ok(meta),
        Some("dir") if folders => Ok(meta),
        Some(kind) => Err(Refusal::NotAFile(kind)),
    }
}

/// `None` for a regular file, else what it is.
fn kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    Some(if t.is_dir() { "dir" } else { special(&t) })
}

#[cfg(unix)]
fn special(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    match () {
        _ if t.is_fifo() => "fifo",
        _ if t.is_char_device() || t.is_block_device() => "device",
        _ => "other",
    }
}

#[cfg(not(unix))]
fn special(_: &std::fs::FileType) -> &'static str {
    "other"
}

/// A `bygger_på` target: confined to `dir` or the root, a regular file ending in `.ek`.
pub fn rule_file_within(path: &Path, dir: &Path) -> Result<PathBuf, Refusal> {
    let target = within(path, dir)?;
    file_or_folder(&target, false)?;
    match target.extension().is_some_and(|x| x == "ek") {
        true => Ok(target),
        false => Err(Refusal::NotRules),
    }
}

/// The text of a rule file: a regular file of at most [`MAX_RULE_FILE_BYTES`],
/// checked on the open handle (opened without blocking, so a FIFO is refused, not
/// waited on) and again while it is read.
pub fn read_rule_file(path: &Path) -> Result<String, Refusal> {
    let (file, meta) = crate::source::open_for_reading(path).map_err(Refusal::Io)?;
    let file = match (file, kind(&meta)) {
        (Some(file), None) => file,
        (_, kind) => return Err(Refusal::NotAFile(kind.unwrap_or("other"))),
    };
    if meta.len() > MAX_RULE_FILE_BYTES {
        return Err(Refusal::TooLarge);
    }
    let mut bytes = vec![];
    file.take(MAX_RULE_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(Refusal::Io)?;
    if bytes.len() as u64 > MAX_RULE_FILE_BYTES {
        return Err(Refusal::TooLarge);
    }
    let text = String::from_utf8(bytes).map_err(|e| Refusal::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    // Notepad and Excel may start a UTF-8 file with a byte order mark; it is no part of the rules.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_resolves_dots() {
        assert_eq!(lexical(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(lexical(Path::new("/a/../../../etc")), PathBuf::from("/etc"));
    }

    #[test]
    fn a_file_beside_is_within_and_one_above_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inner = dir.path().join("inner");
        std::fs::create_dir(&inner).expect("mkdir");
        std::fs::write(inner.join("a.ek"), "x").expect("write");
        std::fs::write(dir.path().join("b.ek"), "x").expect("write");
        assert!(within(&inner.join("a.ek"), &inner).is_ok());
        assert!(matches!(within(&inner.join("../b.ek"), &inner), Err(Refusal::Outside(_))));
        assert!(matches!(within(&inner.join("../nope.ek"), &inner), Err(Refusal::Outside(_))));
        assert!(matches!(within(&inner.join("nope.ek"), &inner), Err(Refusal::Io(_))));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_out_of_the_folder_is_outside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inner = dir.path().join("inner");
        std::fs::create_dir(&inner).expect("mkdir");
        std::fs::write(dir.path().join("b.ek"), "x").expect("write");
        std::os::unix::fs::symlink(dir.path().join("b.ek"), inner.join("link.ek")).expect("symlink");
        assert!(matches!(within(&inner.join("link.ek"), &inner), Err(Refusal::Outside(_))));
    }

    #[test]
    fn a_folder_is_not_a_rule_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(matches!(read_rule_file(dir.path()), Err(Refusal::NotAFile("dir"))));
        assert!(file_or_folder(dir.path(), true).is_ok());
    }
}
